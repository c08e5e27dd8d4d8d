"""Assemble relations into ``Finding`` objects: types, speakers, statement bounds, confidence."""

from __future__ import annotations

from spacy.tokens import Doc

from worker.pipeline import grammar
from worker.pipeline.attribution.coreference import Resolution, build_registry, resolve
from worker.pipeline.attribution.cues import BELIEF, PREDICATE, SPEECH, TAIL
from worker.pipeline.attribution.relation import Relation
from worker.pipeline.attribution.speakers import (
    described_by_function,
    is_pronoun,
    person_name_in,
)
from worker.pipeline.attribution.summaries import SUMMARY
from worker.pipeline.lexicon import (
    FIRST_SECOND,
    FUNCTION_NOUN_FORMS,
    GENERIC_SOURCE_DETERMINERS,
    GENERIC_SOURCE_HEADS,
    PERSON_PRONOUNS,
    POLL_RESPONDENT_SOURCES,
    ROLE_WORDS,
)
from worker.pipeline.model import ATTRIBUTION, Cue, Finding, Span, Speaker
from worker.pipeline.quotes import DOUBLE_MARKS
from worker.pipeline.reading import Reading
from worker.pipeline.sources import ANONYMOUS
from worker.pipeline.text import paragraph_bounds, text_of

# A summed-up statement ("X attacked Y") gives no words of the source's: the loosest kind.
BASE_CONFIDENCE = {
    "direct_quote": 0.9,
    "according_to": 0.85,
    "mixed": 0.85,
    "indirect": 0.8,
    "summary": 0.7,
}
# How much less sure a cue of each kind makes an attribution: a belief is an inferred one, a verb
# of manner or a predicate cue a looser one (Bergler 1992).
CUE_KIND_PENALTY = {SPEECH: 0.0, BELIEF: 0.25, TAIL: 0.15, PREDICATE: 0.1}
QUOTE_CHARS = DOUBLE_MARKS | {"\u2018", "\u2019", "'"}


def _statement_bounds(doc: Doc, rel: Relation) -> tuple[int, int]:
    """The whole statement: every sentence holding content, cue or source."""
    text = text_of(doc)
    lo, hi = rel.bounds
    start_tok = doc.char_span(lo, lo + 1, alignment_mode="expand")
    end_tok = doc.char_span(max(lo, hi - 1), hi, alignment_mode="expand")
    start = start_tok.sent.start_char if start_tok is not None else lo
    end = end_tok.sent.end_char if end_tok is not None else hi
    # Sentence splits inside quotes can strand a mark: keep the statement within the paragraphs
    # of its own parts, and include the marks around it.
    para_start, _ = paragraph_bounds(text, lo)
    _, para_end = paragraph_bounds(text, hi)
    start, end = max(start, para_start), min(end, para_end)
    start, end = min(start, lo), max(end, hi)
    while end < len(text) and end < para_end and text[end] in QUOTE_CHARS | {".", "!", "?"}:
        end += 1
    while start > para_start and text[start - 1] in QUOTE_CHARS:
        start -= 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _third_party_inside_quote(rel: Relation) -> bool:
    """`"Volker confirmed under oath that …," she said.`: a nested attribution inside a quote,
    kept when its source is named or described (not "I", "we", "they", "he")."""
    head = rel.source.root if rel.source is not None else None
    if head is None or rel.cue_kind != SPEECH or head.pos_ == "PRON":
        return False
    if head.pos_ == "PROPN" or head.ent_type_ in grammar.PERSON_OR_ORG:
        return True
    return head.lower_ in ROLE_WORDS or head.lower_ in FUNCTION_NOUN_FORMS


def _generic(head) -> bool:
    """A source nobody can be asked: "people", "those", "no American", "every voter"."""
    if head.lemma_.lower() in GENERIC_SOURCE_HEADS or head.lower_ in GENERIC_SOURCE_HEADS:
        return True
    return any(c.dep_ == "det" and c.lower_ in GENERIC_SOURCE_DETERMINERS for c in head.children)


def _poll(rel: Relation) -> bool:
    """A poll's or a survey's finding: "according to the survey", "a new poll shows"."""
    return rel.source is not None and any(
        t.lemma_.lower() in POLL_RESPONDENT_SOURCES or t.lower_ in POLL_RESPONDENT_SOURCES
        for t in rel.source
    )


def _respondents(head) -> bool:
    """A source that can be a poll's respondents: "51 percent", "most voters", "Democrats";
    not a named person ("George Will's call to …" inside a poll's finding stays his). Another
    poll ("polls show …, according to a CNN poll") is no respondent either."""
    return head.pos_ != "PROPN" or head.ent_type_ == "NORP"


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def build_findings(reading: Reading, relations: list[Relation]) -> list[Finding]:
    """The findings of ``relations``: sources resolved, nested attributions kept only when a
    third party speaks, one finding per cue."""
    doc = reading.doc
    quoted = [(p.start, p.end) for q in reading.quotes for p in q.pieces]
    reg = build_registry(doc, quoted)
    relations = sorted(relations, key=lambda r: r.cue[0])
    seen_cues: set[tuple[int, int]] = set()
    resolved: list[tuple[Relation, Resolution]] = []
    last_person: str | None = None
    last_group: str | None = None
    for rel in relations:
        if rel.cue in seen_cues or rel.source is None or not rel.content:
            continue
        if _inside(rel.cue[0], quoted) and not _third_party_inside_quote(rel):
            # A reporting verb inside a quotation is usually the quoted speaker's own ("I
            # think…", "we believe…"); only a named or described third party's is nested.
            continue
        seen_cues.add(rel.cue)
        res = resolve(rel.source, reg, last_person, last_group)
        if _inside(rel.cue[0], quoted):
            pass  # a source named inside a quotation is not who a later "he" means
        elif res.is_person and res.name:
            last_person = res.name
        elif res.name and not res.is_person:
            last_group = res.name
        resolved.append((rel, res))
    findings = []
    for rel, res in resolved:
        cue = rel.cue[0]
        outer = [
            (r, o)
            for r, o in resolved
            if r is not rel
            and r.content
            and r.content[0][0] <= cue < r.content[-1][1]
            and _inside(cue, r.content)
        ]
        head = rel.source.root
        if outer:
            # A cue inside another attribution's content: a nested attribution only when it has
            # a different, third-person source ("he said he hoped…" is one attribution).
            if head.pos_ == "PRON" and head.lower_ in FIRST_SECOND:
                continue
            if rel.type == SUMMARY:
                continue  # a summed-up statement inside another's words is that one's content
            if res.name and any(o.name == res.name for _, o in outer):
                continue
            if head.lower_ in PERSON_PRONOUNS and res.name is None:
                continue
            if rel.type != "according_to" and _generic(head):
                continue  # "people who say …" in another's words: nobody to ask
            if any(_poll(r) for r, _ in outer) and _respondents(head) and not _poll(rel):
                continue  # "51 percent said …" in a poll's finding: its respondents' answer
        findings.append(_finding(reading, rel, res, nested=bool(outer)))
    return findings


def _finding(reading: Reading, rel: Relation, res: Resolution, *, nested: bool) -> Finding:
    doc, text = reading.doc, reading.text
    mention = rel.source
    anonymous = _is_anonymous(reading, mention, res.name)
    content = sorted({(s, e) for s, e in rel.content if e > s})
    start, end = _statement_bounds(doc, rel)
    speaker = Speaker(
        text=mention.text,
        start=mention.start_char,
        end=mention.end_char,
        name=res.name,
        role=res.role,
        anonymous=anonymous,
    )
    return Finding(
        kind=ATTRIBUTION,
        type=rel.type,
        start=start,
        end=end,
        text=text[start:end],
        content=[Span(s, e) for s, e in content],
        cue=Cue(text[rel.cue[0] : rel.cue[1]], rel.cue[0], rel.cue[1]),
        speaker=speaker,
        confidence=_confidence(
            rel, mention, res.name, described_by_function(mention, res.name), nested
        ),
    )


def _is_anonymous(reading: Reading, mention, resolved_name: str | None) -> bool:
    """An unnamed source ("officials", "a person familiar with the matter"): the Reading's
    source kind, unless the article names the speaker (a resolved name, a personal name in the
    mention)."""
    if resolved_name or not len(mention) or is_pronoun(mention.root):
        return False
    if person_name_in(mention) is not None:
        return False
    return reading.speaker_kind(mention) == ANONYMOUS


def _confidence(rel: Relation, mention, name: str | None, by_function: bool, nested: bool) -> float:
    score = BASE_CONFIDENCE[rel.type] - CUE_KIND_PENALTY[rel.cue_kind]
    if name and person_name_in(mention) is not None:
        score += 0.05
    elif name and is_pronoun(mention.root):
        score -= 0.03
    elif by_function:
        score -= 0.05  # "officials", "a spokesperson": unnamed, but described
    elif not name:
        score -= 0.1
    if nested:
        score -= 0.15
    return max(0.05, min(0.99, round(score, 3)))
