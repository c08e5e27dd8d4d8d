"""Where a hedge verb's scope holds no checkable fact of the writer's: a sentence in which the
writer speaks as "I"/"we" or to "you" ("may have", "appears to have" there is a personal guess),
and an "it seems (that)" clause that is a judgement, a generic remark or a forecast, or that
sits in a concessive clause. Over an event or a state in the writer's own voice the hedge
stays."""

from __future__ import annotations

import pytest

from tests.unverified.rule_cases import case_ids, flagged

CASES = [
    # the writer's or the reader's own experience: no hedged fact
    ("Looking back, our discount scheme may have cost us loyal shoppers.", "none", None),
    ("The page you asked for may have been moved to the archive.", "none", None),
    ("If you run a bakery, the new tax appears to have hit your margins.", "none", None),
    # the same hedges over a fact in the writer's voice
    ("The discount scheme may have cost the chain loyal shoppers.", "hedged", "modal_perfect"),
    ("The new tax appears to have hit bakery margins.", "hedged", "appears_to_have"),
    # "it seems (that)" over a judgement, a generic remark, a forecast or a concession
    ("It seems that building a fair index is impossible.", "none", None),
    ("It appears that the final match was not dull.", "none", None),
    ("It seems running a small farm is a lonely business.", "none", None),
    (
        "It appears that when the council meets, there will no one representing the mayor.",
        "none",
        None,
    ),
    ("While at first it seems that little has changed, the new rules bite later.", "none", None),
    # "it seems (that)" over a fact
    ("It seems that the factory has stopped paying its suppliers.", "hedged", "appears_so"),
]


@pytest.mark.parametrize(("sentence", "expected", "code"), CASES, ids=case_ids(CASES))
def test_hedge_scope(sentence: str, expected: str, code: str | None) -> None:
    flagged(sentence, expected, code)


def test_discourse_though_keeps_the_hedge() -> None:
    """ "though" after the subject is a discourse adverb, not a concessive clause's mark."""
    flagged(
        "Much of that money, though appears to be from groups that spend it on consultants.",
        "hedged",
        "appears_so",
    )
