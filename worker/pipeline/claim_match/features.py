"""A claim's match features as plain JSON, so the store keeps them with the claim.

``decision.claim(text)`` parses a sentence (6 to 7 ms) into what the checks need: figures,
polarity, names, speaker, content words, grammatical slots, quotations. Matching one new claim
against 30 stored ones parsed each stored sentence again in every worker process that had not
seen it; with the features stored next to the claim's row, the stored side is read, not parsed.

    dump(claim) -> dict          # JSON-able; sets as sorted lists, tuples as lists
    load(text, data) -> Claim    # None when ``data`` is absent, of another VERSION or text

``VERSION`` changes whenever ``decision.claim`` would compute other features from the same text
(a new check, another synonym, another spaCy model): rows written under an older version are
parsed again, so stored features never decide differently from a fresh parse.
"""

from __future__ import annotations

import hashlib
from typing import Any

from worker.pipeline.claim_match import entities as ent
from worker.pipeline.claim_match import negation, numbers, quotes, similarity
from worker.pipeline.claim_match.decision import Claim

VERSION = 7  # 2: accents folded, durations, quotations inside balanced marks, modifier verbs;
# 3: abbreviated months and states written out, middle initials no name word, datelines out;
# 4: multiples ("doubled", "threefold") are figures; 5: years, decades and centuries are units
# of figures ("a decade" is 10 years), "both" is an optional 2 (branch match-para); 6: a verb of
# a concession ("although ...") is no further assertion (branch match); 7: lowercase words,
# lone titles and a word before a weekday ("Super Tuesday") are no names, a subjectless gerund
# clause ("..., carrying Ohio") no further assertion (branch match-relax)


def text_key(text: str) -> str:
    """A short digest of the text the features were computed from: a row whose text was
    changed after its features were written is parsed again, not scored on the old sentence."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def _sorted(values: frozenset[str]) -> list[str]:
    return sorted(values)


def dump(c: Claim) -> dict[str, Any]:
    """The features of a parsed claim as a JSON-able dict (short keys: one per stored row)."""
    p = c.polarity
    return {
        "v": VERSION,
        "h": text_key(c.text),
        "q": [[q.value, q.bound, q.unit, q.vague, q.text, q.start] for q in c.quantities],
        "p": [
            list(p.negations),
            _sorted(p.negated),
            _sorted(p.lemmas),
            list(p.hedges),
            list(p.offsets),
        ],  # fmt: skip
        "e": [
            [e.text, e.kind, _sorted(e.words), e.initials, e.start, e.end, e.start_char]
            for e in c.entities
        ],
        "w": _sorted(c.words),
        "s": None
        if c.speaker is None
        else [
            c.speaker.text,
            _sorted(c.speaker.words),
            c.speaker.initials,
            c.speaker.start,
            c.speaker.end,
        ],
        "b": [_sorted(c.bag.words), _sorted(c.bag.verbs), _sorted(c.bag.modifier_verbs)],
        "l": [list(item) for item in sorted(c.slots.items)],
        "t": [[s.start, s.end, list(s.words)] for s in c.quotes],
    }


def load(text: str, data: Any) -> Claim | None:
    """The claim ``text`` with its stored features; None when there are none of this version
    for this text (or they are not what ``dump`` writes), and the caller parses instead."""
    if not isinstance(data, dict) or data.get("v") != VERSION or data.get("h") != text_key(text):
        return None
    try:
        negations, negated, lemmas, hedges, offsets = data["p"]
        speaker = data["s"]
        bag_words, bag_verbs, bag_modifier_verbs = data["b"]
        return Claim(
            text=text,
            quantities=tuple(
                numbers.Quantity(value, bound, unit, vague, qtext, start)
                for value, bound, unit, vague, qtext, start in data["q"]
            ),
            polarity=negation.Polarity(
                tuple(negations),
                frozenset(negated),
                frozenset(lemmas),
                tuple(hedges),
                tuple(offsets),
            ),
            entities=tuple(
                ent.Entity(etext, kind, frozenset(words), initials, start, end, start_char)
                for etext, kind, words, initials, start, end, start_char in data["e"]
            ),
            words=frozenset(data["w"]),
            speaker=None
            if speaker is None
            else ent.Speaker(speaker[0], frozenset(speaker[1]), speaker[2], speaker[3], speaker[4]),
            bag=similarity.Bag(
                frozenset(bag_words), frozenset(bag_verbs), frozenset(bag_modifier_verbs)
            ),
            slots=similarity.Slots(frozenset((slot, word) for slot, word in data["l"])),
            quotes=tuple(quotes.Segment(s, e, tuple(words)) for s, e, words in data["t"]),
        )
    except (KeyError, TypeError, ValueError):
        return None  # written by hand or damaged: parse instead of trusting it
