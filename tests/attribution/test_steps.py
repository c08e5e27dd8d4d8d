"""The attribution step registry: ``find_attributions`` runs ``steps.STEPS`` and nothing else, so
adding an attribution pattern is one ``Step`` entry (a toy step here), and every step is named,
described and pure (the ``Found`` it is given is left as it was)."""

from __future__ import annotations

from worker.pipeline.attribution import find_attributions
from worker.pipeline.attribution.relation import Relation
from worker.pipeline.attribution.steps import STEPS, Found, Step, run_steps
from worker.pipeline.nlp import parse
from worker.pipeline.reading import Reading, read

MEMO = "Taxes will fall next year, the minister's memo reads."


def _memo_reads(reading: Reading, found: Found) -> Found:
    """Toy pattern: `…, X's memo reads.` (no registered step reads it)."""
    doc = reading.doc
    out = []
    for tok in doc:
        if tok.lower_ == "reads" and tok.i >= 3 and doc[tok.i - 1].lower_ == "memo":
            source = doc[tok.i - 4 : tok.i]
            comma = next(t for t in doc if t.text == ",")
            content = [(0, comma.idx)]
            out.append(
                Relation(
                    "indirect", (tok.idx, tok.idx + len(tok)), "speech", source, content, tok.i
                )
            )
    return found.add(out)


def test_a_new_pattern_is_one_step_entry() -> None:
    doc = parse(MEMO)
    assert find_attributions(doc) == []
    memo = Step("memo_reads", "`…, X's memo reads.`", _memo_reads)
    steps = (*STEPS[:4], memo, *STEPS[4:])  # with the parse finders, before the refining steps
    (finding,) = find_attributions(doc, steps)
    assert finding.type == "indirect"
    assert finding.cue.text == "reads"
    assert finding.speaker.text == "the minister's memo"
    assert [MEMO[c.start : c.end] for c in finding.content] == ["Taxes will fall next year"]


def test_the_registry_is_what_runs() -> None:
    text = 'Maria Lopez runs the shelter. The beds are all taken, she said. "We turn people away."'
    reading = read(parse(text))
    (full,) = find_attributions(reading)
    assert full.type == "mixed" and len(full.content) == 2
    without = tuple(s for s in STEPS if s.name != "following_quotes")
    (bare,) = find_attributions(reading, without)
    assert bare.type == "indirect"
    assert [text[c.start : c.end] for c in bare.content] == ["The beds are all taken"]
    assert find_attributions(reading, ()) == []


def test_every_step_is_named_once_and_says_what_it_finds_and_why_it_is_there() -> None:
    names = [s.name for s in STEPS]
    assert len(set(names)) == len(names)
    for step in STEPS:
        assert step.finds.strip(), step.name
        assert step.run.__doc__ and step.run.__doc__.strip(), step.name


def test_steps_leave_what_they_are_given_as_it_was() -> None:
    text = (
        '"We are full," she said. "We turn people away." The mayor said the shelter, '
        'which she called "a lifeline," would get more money, according to the budget office.'
    )
    reading = read(parse(text))
    found = Found()
    for step in STEPS:
        before = [(r.type, r.cue, list(r.content)) for r in found.relations]
        used = found.quotes_used
        after = step.run(reading, found)
        assert [(r.type, r.cue, list(r.content)) for r in found.relations] == before, step.name
        assert found.quotes_used == used, step.name
        found = after
    assert run_steps(reading) == found.relations
    assert {r.type for r in found.relations} >= {"direct_quote", "mixed", "according_to"}
