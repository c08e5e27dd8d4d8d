"""Rule tests written as tables of sentences: ``(sentence, type or "none", reason code or None)``.

Each table's test runs the detector as the product does and checks the type the same way; what a
table checks beyond that (the cue's span, the explanation's wording) stays in its own file.
"""

from __future__ import annotations

from worker.pipeline import find_claims
from worker.pipeline.model import Finding

Case = tuple[str, str, "str | None"]


def case_ids(cases: list[Case]) -> list[str]:
    return [c[0][:48] for c in cases]


def flagged(sentence: str, expected: str, code: str | None) -> Finding | None:
    """The sentence's one unverified finding when ``expected`` is a type (None for "none"),
    after checking the type and, when ``code`` is given, that this rule is among its reasons."""
    found = [f for f in find_claims(sentence) if f.kind == "unverified"]
    assert [f.type for f in found] == ([] if expected == "none" else [expected]), [
        f.to_dict() for f in found
    ]
    if code is not None:
        assert code in {r.code for r in found[0].reasons}, found[0].to_dict()
    return found[0] if found else None
