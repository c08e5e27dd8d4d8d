"""Who and where a claim is about, and who makes it.

Entities come from spaCy's recogniser plus proper nouns it missed. Two mentions are the same
entity when they share a distinctive word ("Obama" / "Barack Obama"), one is the other's initials
("UN" / "United Nations") or one word begins the other ("Chile" / "Chilean"). The speaker is the
subject of a speech verb ("X said", "X told", "X announced") or the object of "according to".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

_FUNCTION_POS = frozenset({"DET", "ADP", "CCONJ"})

_KINDS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"}
# Words that say nothing about which entity is meant ("the New York Times" / "New Hampshire").
_GENERIC = {
    "the", "a", "an", "of", "and", "for", "on", "in", "'s", "’s", "new", "united", "state",
    "states", "national", "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "president", "st",
    "north", "south", "east", "west", "party", "house", "city", "county",
}  # fmt: skip
SPEECH_LEMMAS = {
    "say", "tell", "announce", "add", "claim", "state", "write", "report", "estimate", "project",
    "deny", "note", "insist", "warn", "argue", "explain", "reply", "respond", "confirm",
    "acknowledge", "assert", "declare", "predict", "suggest", "tweet", "allege", "admit",
    "reject", "urge", "vow", "pledge", "reiterate", "stress", "believe", "think",
}  # fmt: skip
_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "who",
             "which", "that", "this", "one"}  # fmt: skip
_WORD = re.compile(r"[a-z0-9]+")


def fold(text: str) -> str:
    """Lower case without accents: "Calderón" and "Calderon" are one name (outlets differ)."""
    return "".join(
        c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c)
    )


# Words a name's comparison skips ("the Bank of England" ~ "Bank England"), and those its
# initials skip too ("Department of Health and Human Services" ~ "DHHS").
_NAME_FILLERS = frozenset({"the", "of"})
_INITIALS_FILLERS = _NAME_FILLERS | {"and", "for"}
_SPEAKER_MAX_TOKENS = 10
TEMPORAL = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "today", "yesterday", "tomorrow",
}  # fmt: skip


@dataclass(frozen=True)
class Entity:
    text: str
    kind: str
    words: frozenset[str]  # distinctive lowercase words
    initials: str
    start: int = 0  # token offsets in the sentence
    end: int = 0
    start_char: int = 0

    @property
    def temporal(self) -> bool:
        return self.words <= TEMPORAL

    def same_as(self, other: Entity) -> bool:
        return _same(self.words, self.initials, other.words, other.initials)


# News style abbreviates months and US states with a full stop ("Dec. 15", "Jupiter, Fla.",
# "R-N.H."); one outlet writes the word out where another abbreviates it. Keys are the
# abbreviation as written, full stop included, so "Miss." the state is not "miss" the verb.
ABBREVIATIONS = {
    "Jan.": "January", "Feb.": "February", "Aug.": "August", "Sept.": "September",
    "Sep.": "September", "Oct.": "October", "Nov.": "November", "Dec.": "December",
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California",
    "Colo.": "Colorado", "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida",
    "Ga.": "Georgia", "Ill.": "Illinois", "Ind.": "Indiana", "Kan.": "Kansas", "Ky.": "Kentucky",
    "La.": "Louisiana", "Md.": "Maryland", "Mass.": "Massachusetts", "Mich.": "Michigan",
    "Minn.": "Minnesota", "Miss.": "Mississippi", "Mo.": "Missouri", "Mont.": "Montana",
    "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire", "N.J.": "New Jersey",
    "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina", "N.D.": "North Dakota",
    "Okla.": "Oklahoma", "Ore.": "Oregon", "Pa.": "Pennsylvania", "R.I.": "Rhode Island",
    "S.C.": "South Carolina", "S.D.": "South Dakota", "Tenn.": "Tennessee", "Tex.": "Texas",
    "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington", "W.Va.": "West Virginia",
    "Wis.": "Wisconsin", "Wyo.": "Wyoming",
}  # fmt: skip
_ABBREVIATION = re.compile(
    r"(?<![A-Za-z.])(" + "|".join(re.escape(k) for k in sorted(ABBREVIATIONS, key=len)[::-1]) + ")"
)


def expand(text: str) -> str:
    """The text with news-style abbreviations of months and states written out."""
    return _ABBREVIATION.sub(lambda m: ABBREVIATIONS[m.group(1)], text)


def _words(text: str) -> frozenset[str]:
    text = expand(text)
    every = [w for w in _WORD.findall(fold(text).replace(".", "")) if w not in _NAME_FILLERS]
    # a middle initial ("Michael W." / "Carlton W.") tells no two people apart
    distinctive = frozenset(w for w in every if w not in _GENERIC and len(w) > 1)
    # a name made only of common words ("the United States") is those words
    return distinctive or frozenset(every)


def _initials(text: str) -> str:
    parts = [w for w in _WORD.findall(fold(text)) if w not in _INITIALS_FILLERS]
    return "".join(p[0] for p in parts) if len(parts) > 1 else ""


def _prefix_match(x: str, y: str) -> bool:
    short, long_ = sorted((x, y), key=len)
    return len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) <= 4


def _same(wa: frozenset[str], ia: str, wb: frozenset[str], ib: str) -> bool:
    if wa & wb:
        return True
    if (ia and ia in wb) or (ib and ib in wa) or (ia and ia == ib):
        return True
    return any(_prefix_match(x, y) for x in wa for y in wb)


# Titles name an office, not who holds it: "Senator presses agenda" names no one, and
# "Senator Ted Cruz" is "Ted Cruz" (the office is compared as a word of the claim).
TITLES = frozenset({"senator", "governor", "congressman", "congresswoman", "secretary",
                    "mayor", "chairman", "chairwoman", "speaker", "candidate",
                    "nominee"})  # fmt: skip


def _mistagged(span: Span) -> bool:
    """A span the tagger calls a name that is none: a lowercase word ("a neophyte who ..."),
    a title alone ("Senator presses ..."), or a word that names a day with the weekday or month
    after it ("Super Tuesday", "Black Friday": a date, which the other side may leave out)."""
    if not any(c.isupper() for c in span.text):
        return True
    words = [t.lower_ for t in span if t.is_alpha]
    if words and all(w in TITLES for w in words):
        return True
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return nxt is not None and nxt.lower_ in TEMPORAL and nxt.is_title


def entities(doc: Doc) -> list[Entity]:
    found: list[Entity] = []
    covered: set[int] = set()
    for ent in doc.ents:
        if ent.label_ in _KINDS:
            words = _words(ent.text)
            if words and not _mistagged(ent):
                found.append(
                    Entity(
                        ent.text,
                        ent.label_,
                        words,
                        _initials(ent.text),
                        ent.start,
                        ent.end,
                        ent.start_char,
                    )
                )
            covered.update(range(ent.start, ent.end))
    # proper nouns the recogniser missed, one run of them at a time
    run: list[Token] = []
    for tok in [*doc, None]:
        if tok is not None and tok.pos_ == "PROPN" and tok.i not in covered and tok.is_alpha:
            run.append(tok)
            continue
        if run:
            text = " ".join(t.text for t in run)
            words = _words(text)
            span = doc[run[0].i : run[-1].i + 1]
            initial = len(run) == 1 and run[0].i == 0 and run[0].is_title is False
            if words and not initial and not _mistagged(span):
                found.append(
                    Entity(
                        text,
                        "PROPN",
                        words,
                        _initials(text),
                        run[0].i,
                        run[-1].i + 1,
                        run[0].idx,
                    )
                )
            run = []
    return found


def present_in(entity: Entity, others: list[Entity], doc_words: frozenset[str]) -> bool:
    """Is the entity named on the other side, as an entity or as plain words?"""
    if any(entity.same_as(o) for o in others):
        return True
    if entity.words <= doc_words or (entity.initials and entity.initials in doc_words):
        return True
    return any(_prefix_match(w, d) for w in entity.words for d in doc_words if len(w) >= 4)


def doc_words(doc: Doc) -> frozenset[str]:
    return frozenset(w for t in doc for w in _WORD.findall(fold(expand(t.text)).replace(".", "")))


@dataclass(frozen=True)
class Speaker:
    text: str
    words: frozenset[str]
    initials: str
    start: int = 0
    end: int = 0

    def same_as(self, other: Speaker) -> bool:
        return _same(self.words, self.initials, other.words, other.initials)

    @property
    def named(self) -> bool:
        return bool(self.words)


def speaker(doc: Doc) -> Speaker | None:
    """The source the sentence attributes its claim to, or None (pronouns tell nothing)."""
    for tok in doc:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            obj = next((c for c in doc[tok.i + 1].children if c.dep_ == "pobj"), None)
            if obj is not None:
                return _speaker_from(doc[obj.left_edge.i : obj.right_edge.i + 1])
    first_pronoun: Speaker | None = None
    for tok in doc:
        if tok.lemma_.lower() in SPEECH_LEMMAS and tok.pos_ == "VERB":
            # "X said"; in the passive ("could not be confirmed by X") the agent speaks
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            if subj is None and agent is not None:
                subj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if subj is not None:
                found = _speaker_from(doc[subj.left_edge.i : subj.right_edge.i + 1])
                if found is not None and (found.named or first_pronoun is None):
                    if found.named:
                        return found
                    first_pronoun = found
    return first_pronoun


def _speaker_from(span: Span) -> Speaker | None:
    if len(span) > _SPEAKER_MAX_TOKENS or any(t.is_quote for t in span):
        return None  # a quotation parsed as the subject, not a source
    words = frozenset(
        fold(t.lower_ if t.pos_ == "PROPN" else t.lemma_.lower())
        for t in span
        if t.is_alpha
        and t.lower_ not in _PRONOUNS
        and t.pos_ not in _FUNCTION_POS
        and t.lower_ not in _GENERIC
    )
    # a pronoun ("she said") attributes the claim without saying to whom: words stay empty
    return Speaker(span.text, words, _initials(span.text), span.start, span.end)
