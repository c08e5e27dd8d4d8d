"""A place's population stated as fact: "Oakland, which has a population of more than 400,000",
"Ferguson, a community of over 21,000", "a hamlet with a population under 500", "the town's
population is about 12,000". Issue 14 counts population among the figures a reader must take on
trust; the population rule reads only a number that counts people ("11 million immigrants"),
and here the number stands alone after the place's noun, so no figure rule reaches it. The
sentence and paragraph gates are the figure rules' own (``figures.figures_may_stand``,
``figures.left_unsourced``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Token

from worker.pipeline import lexicon
from worker.pipeline.unverified.figures import figures_may_stand, left_unsourced
from worker.pipeline.unverified.rule import Candidate, Rule, Sentence, Signal, cue

# Entities that are no head count: "a population of 40 percent", "a city of $2 billion".
_NOT_A_COUNT = frozenset({"PERCENT", "MONEY", "ORDINAL", "TIME"})
# "a population under 500", "a population of about 12,000"; a place noun only with "of"
# ("a community of over 21,000"; not "a town near 40 farms").
_POPULATION_PREPS = frozenset({"of", "under", "over", "around", "about", "near"})


def _value(q: Token) -> float | None:
    try:
        return float(q.text.replace(",", ""))
    except ValueError:
        return None


def _place_size(q: Token) -> Token | None:
    """The place noun ``q`` gives the size of, if any."""
    if q.dep_ == "pobj":
        prep = q.head
        noun = prep.head
        lemma = noun.lemma_.lower()
        if noun.pos_ != "NOUN" or lemma not in lexicon.PLACE_SIZE_NOUNS:
            return None
        if lemma == "population" and prep.lower_ in _POPULATION_PREPS:
            return noun
        return noun if prep.lower_ == "of" else None
    if q.dep_ == "attr" and q.head.lemma_ == "be":
        subj = next((c for c in q.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lemma_.lower() == "population":
            return subj  # "the town's population is about 12,000"
    return None


def _sizes(s: Sentence) -> list[tuple[str, Candidate]]:
    out: list[tuple[str, Candidate]] = []
    for q in s.tokens:
        if not (q.like_num and q.tag_ == "CD") or q.ent_type_ in _NOT_A_COUNT:
            continue
        if s.quoted(q.idx):
            continue
        value = _value(q)
        if value is None or ("," not in q.text and 1800 <= value <= 2100):
            continue  # "a city of 2016": a year, not a head count
        if any(c.lower_ in lexicon.CURRENCY_SIGNS for c in q.children):
            continue
        noun = _place_size(q)
        if noun is None:
            continue
        lead = [t for t in q.subtree if t.i < q.i]
        first = noun if noun.i < q.i else (lead[0] if lead else q)
        out.append(("place_population", cue(first, q)))
        break
    return out


def _place_population(s: Sentence, found: Sequence[Signal]) -> Iterator[Candidate]:
    if not s.having(lexicon.PLACE_SIZE_NOUNS) or any(f.type == "unsourced_figure" for f in found):
        return
    if not figures_may_stand(s):
        return
    for _, candidate in left_unsourced(s, _sizes(s)):
        yield candidate
        return


PLACE_POPULATION_RULES = (
    Rule(
        "place_population",
        "unsourced_figure",
        '"{cue}": a population figure with no source in the sentence or its paragraph.',
        _place_population,
    ),
)
