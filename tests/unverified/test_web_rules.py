"""Unconfirmed, reported and hedged claims as any outlet's prose words them (issue 14, the
corpus's benchmark pages): each rule change on sentences written for the test, what it now finds
(type and reason code, with an explanation naming the cue) and what its guard leaves alone. Run
as the product runs them (``find_claims``)."""

from __future__ import annotations

import pytest

from tests.unverified.rule_cases import case_ids, flagged
from worker.pipeline import find_claims

# (sentence, type or "none", the reason code that must explain it)
CASES = [
    # refusing or failing to confirm, "neither confirmed nor denied"
    (
        "The ministry has so far refused to confirm whether the plant is still running.",
        "unconfirmed",
        "not_confirmed",
    ),
    (
        "The agency failed to verify that the samples came from the lake.",
        "unconfirmed",
        "not_confirmed",
    ),
    (
        "The army has neither confirmed nor denied that the convoy was struck.",
        "unconfirmed",
        "not_confirmed",
    ),
    # what is to be known, as a wh-phrase or a clause before the verb
    (
        "It is impossible to know how often the guards ignored the alarms.",
        "unconfirmed",
        "cannot_confirm",
    ),
    (
        "How many of the workers were paid cannot be determined from the ledger.",
        "unconfirmed",
        "not_confirmed",
    ),
    # nobody can check it
    (
        "There is no way to know which other banks were approached.",
        "unconfirmed",
        "cannot_confirm",
    ),
    (
        "Hundreds of detainees are held at the base, though no one knows for sure.",
        "unconfirmed",
        "cannot_confirm",
    ),
    ("Many of the stories told at the fair aren't verifiable.", "unconfirmed", "not_confirmed"),
    ("No corroboration was offered for the pilot's account.", "unconfirmed", "not_confirmed"),
    # ... but not a vote ahead, a question about the future, a relative pronoun or a past gap
    ("The nominee will not be confirmed before the recess.", "none", None),
    ("It is hard to know where the donors will put their money next year.", "none", None),
    ("The rules cover companies who are not established in the union.", "none", None),
    ("We must make sure that outside money doesn't determine the outcome.", "none", None),
    ("No one knew at first whether the cells play the same role in the gut.", "none", None),
    ("Nobody knew him at the club.", "none", None),
    # has_been_reported: a thing reported, by no one the article names
    ("Isolated cases of liver damage have been reported.", "reported", "has_been_reported"),
    (
        "Savings of 30 to 45 percent in fuel costs have been reported.",
        "reported",
        "has_been_reported",
    ),
    # ... not a named or addressed report, nothing reported, a study's own count
    ("The theft has been reported to the police.", "none", None),
    ("The side effects have been reported in The Lancet.", "none", None),
    ("No problems have been reported.", "none", None),
    ("Side effects were reported in 12 percent of the patients in the trial.", "none", None),
    # reports_of: reports passed on, not the absence of reports or reports as a topic
    (
        "There have been numerous reports of looting in the old town.",
        "reported",
        "reports_of",
    ),
    ("There were no immediate reports of casualties.", "none", None),
    ("The team reviews reports of abuse every morning.", "none", None),
    # a rumour the writer heard and passes on
    (
        "I hear rumors that the first print run has sold out.",
        "reported",
        "rumour",
    ),
    ("The agents spread rumors about the dissident.", "none", None),
    # unclear / not known: past a short phrase, and the participle "known"
    (
        "It is unclear from the letter whether the parents paid for her keep.",
        "hedged",
        "unclear",
    ),
    ("It is not known if the animal cared for its young.", "hedged", "unclear"),
    ("It is well known that the river floods every spring.", "none", None),
    # modal_perfect: not those a possibility picks out, not "have" with an adjective
    ("The gunman may have fled the city on Sunday.", "hedged", "modal_perfect"),
    (
        "The school will contact any students who may have been exposed to the fumes.",
        "none",
        None,
    ),
    ("Other campuses may have limited hours during the week.", "none", None),
    # unknown_fact: a fronted whether-clause the parser reads as the main clause, "remains",
    # the nouns of a finding; not a question about what is to come
    ("Whether Tehran has since enriched more uranium is unclear.", "hedged", "unknown_fact"),
    (
        "Whether the junta is in the process of expanding its purported chemical arsenal, "
        "however, remains unclear.",
        "hedged",
        "unknown_fact",
    ),
    ("The long-term effect of the drug on older patients is unknown.", "hedged", "unknown_fact"),
    ("The incidence of the disease among miners remains unclear.", "hedged", "unknown_fact"),
    ("Whether the mayor will run again remains unclear.", "none", None),
    ("The extent to which a new dam would help the farmers is unclear.", "none", None),
    # a reputation ("known to be") and the writer's own guess are no hedged fact
    ("A builder known to be fond of marble bought the old bank.", "none", None),
    ("I suppose the custom may have come from the harvest feasts.", "none", None),
    # a guessed cause, and a gap the article says has since been filled
    (
        "Patients who smoked were less likely to heal, possibly because the wound stayed infected.",
        "none",
        None,
    ),
    ("Until this week it had been unclear how the hackers entered the network.", "none", None),
]


@pytest.mark.parametrize(("sentence", "expected", "code"), CASES, ids=case_ids(CASES))
def test_rule(sentence: str, expected: str, code: str | None) -> None:
    finding = flagged(sentence, expected, code)
    if code is not None:
        for r in finding.reasons:
            assert sentence[r.cue.start : r.cue.end] == r.cue.text
            # the explanation names the cue in the reader's words
            assert f'"{" ".join(r.cue.text.split())}"' in r.explanation, r.explanation


def test_explanations_say_what_source_is_missing() -> None:
    (finding,) = [
        f
        for f in find_claims("Isolated cases of liver damage have been reported.")
        if f.kind == "unverified"
    ]
    (reason,) = finding.reasons
    assert reason.explanation == (
        '"have been reported": the article says this has been reported, without saying by whom '
        "or where."
    )
