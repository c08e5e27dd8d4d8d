"""What the learned scorer reads about a flagged sentence: the rules that fired and its parse.

``features`` turns one candidate finding (a sentence at least one decisive rule flagged) into a
sparse ``name -> value`` map: the finding's type and every reason code, how many rules and
types agree, and what the sentence and its paragraph say about sources, quotation, person and
tense — the context the rules check one by one, which the scorer weighs together. Interactions
with the type let one context (a named source in the paragraph) count differently for a
figure than for a weasel. Pure: the same sentence always gives the same map.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from spacy.tokens import Token

from worker.pipeline.lexicon import SOURCE_VERBS
from worker.pipeline.sources import ANONYMOUS, VAGUE, Source
from worker.pipeline.unverified.calibration import confidence
from worker.pipeline.unverified.rule import Sentence, Signal

# Pronouns of the writer or the speaker: "we may have lost", "I believe" are first-person
# opinion or a quoted speaker, which the labelling rules leave unflagged.
_FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
# Tense and mood markers: a forecast or a hypothetical is no claim about a present or past fact.
_FUTURE = frozenset({"will", "'ll", "wo", "would", "shall"})
_CONDITIONAL = frozenset({"if", "unless", "whether"})
# The context features whose weight may differ per finding type.
_BY_TYPE = (
    "cue_quoted",
    "named_source",
    "paragraph_sourced",
    "attributed_named",
    "first_person",
    "future",
    "conditional",
)


def features(
    s: Sentence, ftype: str, decisive: Sequence[Signal], signals: Sequence[Signal]
) -> dict[str, float]:
    """The scorer's view of one candidate: ``ftype`` is the type the rules gave it, ``decisive``
    the decisive rules' signals and ``signals`` those plus the supporting ones."""
    tokens = s.tokens
    sent = s.span
    out: dict[str, float] = {f"type={ftype}": 1.0}
    # the rules' own confidence (per-code precision, noisy-OR) as log-odds: the scorer starts
    # from the rules' ranking and learns where the context moves it
    p = min(0.99, max(0.01, confidence([sig.code for sig in signals])))
    out["rules_logit"] = math.log(p / (1.0 - p))
    for code in sorted({sig.code for sig in signals}):
        out[f"code={code}"] = 1.0
    codes = {sig.code for sig in decisive}
    out["codes"] = math.log1p(len(codes))
    if len({sig.type for sig in decisive}) > 1:
        out["types>1"] = 1.0
    flags = {
        "cue_quoted": all(s.quoted(sig.start) for sig in decisive),
        "quote_in_sentence": any(s.quoted(t.idx) for t in tokens),
        "named_source": any(src.named for src in s.sources),
        "anonymous_source": any(src.kind == ANONYMOUS for src in s.sources),
        "vague_source": any(src.kind == VAGUE for src in s.sources),
        "paragraph_sourced": s.paragraph_sourced,
        "other_named_report": s.other_named_report,
        "attributed_named": any(
            a.speaker_name
            and not a.anonymous
            and a.start < sent.end_char
            and sent.start_char < a.end
            for a in s.attributions
        ),
        "first_person": any(t.lower_ in _FIRST_PERSON and not s.quoted(t.idx) for t in tokens),
        "future": any(t.lower_ in _FUTURE for t in tokens),
        "conditional": any(t.lower_ in _CONDITIONAL for t in tokens),
        "question": sent.text.rstrip().rstrip("”\"'’").endswith("?"),
        "number": any(t.like_num for t in tokens),
        "first_sentence": s.index == 0,
    }
    for name, on in flags.items():
        if on:
            out[name] = 1.0
    for name in _BY_TYPE:
        if flags[name]:
            out[f"{ftype}&{name}"] = 1.0
    out["length"] = math.log1p(len(tokens)) / 4.0
    # the words: each decisive cue's head word and each source's head, so the scorer can learn
    # which cue words and which groups mislead the rules
    doc = s.doc
    for sig in decisive:
        span = doc.char_span(sig.start, sig.end, alignment_mode="expand")
        if span is not None:
            out[f"cue={sig.code}:{span.root.lemma_.lower()}"] = 1.0
    for src in s.sources:
        out[f"source={src.kind}:{src.head.lemma_.lower()}"] = 1.0
    out.update(_context(s, ftype, decisive, out))
    return out


# Entity labels that name a checkable someone: a person, an organisation, a country or a group.
_NAMING_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Entity labels of numbers that are no count of people or money lost (dates, ages, shares).
_NOT_COUNT_ENTS = frozenset({"DATE", "TIME", "PERCENT", "ORDINAL"})
_BY_TYPE_CONTEXT = (
    "sourced_elsewhere",
    "figures_sourced_elsewhere",
    "negation",
    "names_entity",
    "reporting_verb",
    "lead_paragraph",
    "cue_initial",
    "quote_in_sentence",
    "anonymous_source",
    "vague_source",
    "number",
)


def _context(
    s: Sentence, ftype: str, decisive: Sequence[Signal], base: dict[str, float]
) -> dict[str, float]:
    """What the rules read one at a time and the scorer may weigh together: where the sentence
    stands in the article and its paragraph, whether the rest of the paragraph has a source (or
    a source telling a figure), negation, named entities, a reporting verb, where the cue sits
    in the sentence and what the parser makes of it."""
    reading = s.reading
    tokens = s.tokens
    sent = s.span
    n = max(1, len(reading.sentences))
    para = reading.paragraph_of[s.index]
    in_para = [i for i, p in enumerate(reading.paragraph_of) if p == para]
    elsewhere = s.paragraph_sourced if s.sourced_elsewhere is None else s.sourced_elsewhere
    figures_elsewhere = (
        elsewhere if s.figures_sourced_elsewhere is None else s.figures_sourced_elsewhere
    )
    first_cue = min((sig.start for sig in decisive), default=sent.start_char)
    span_chars = max(1, sent.end_char - sent.start_char)
    ents = list(sent.ents)
    flags = {
        "sourced_elsewhere": bool(elsewhere),
        "figures_sourced_elsewhere": bool(figures_elsewhere),
        "negation": any(t.dep_ == "neg" for t in tokens),
        "names_entity": any(e.label_ in _NAMING_ENTS for e in ents),
        "person_entity": any(e.label_ == "PERSON" for e in ents),
        "money_entity": any(e.label_ == "MONEY" for e in ents),
        "count_number": any(t.like_num and t.ent_type_ not in _NOT_COUNT_ENTS for t in tokens),
        "reporting_verb": any(
            t.lemma_.lower() in SOURCE_VERBS and t.pos_ in ("VERB", "AUX") for t in tokens
        ),
        "lead_paragraph": para == 0,
        "lone_sentence": len(in_para) == 1,
        "paragraph_first": bool(in_para) and in_para[0] == s.index,
        "cue_initial": (first_cue - sent.start_char) / span_chars < 0.25,
        "cue_any_quoted": any(s.quoted(sig.start) for sig in decisive),
        "starts_quoted": bool(tokens) and s.quoted(tokens[0].idx),
        "no_final_stop": not sent.text.rstrip().rstrip("\"'”’)").endswith((".", "!", "?")),
    }
    out: dict[str, float] = {"article_position": s.index / n}
    for name, on in flags.items():
        if on:
            out[name] = 1.0
    for name in _BY_TYPE_CONTEXT:
        if base.get(name) or flags.get(name):
            out[f"{ftype}&{name}"] = 1.0
    # how the parser reads each cue: its head's dependency (a cue as the main verb or buried in
    # a clause) and part of speech
    doc = s.doc
    for sig in decisive:
        span = doc.char_span(sig.start, sig.end, alignment_mode="expand")
        if span is not None:
            out[f"cuedep={sig.code}:{span.root.dep_}"] = 1.0
    for name in _cue_clause(s, decisive):
        out[name] = 1.0
        out[f"{ftype}&{name}"] = 1.0
    return out


# Modal auxiliaries by what they do to a claim: a forecast, a possibility, a duty.
_MODALS = {
    "will": "future",
    "would": "future",
    "shall": "future",
    "wo": "future",
    "'ll": "future",
    "may": "possible",
    "might": "possible",
    "could": "possible",
    "can": "possible",
    "ca": "possible",
    "must": "duty",
    "should": "duty",
}


def _tells(src: Source | None, tok: Token) -> bool:
    """``tok`` is in what source ``src`` tells, outside the source phrase."""
    return src is not None and not (src.first.i <= tok.i <= src.last.i)


def _cue_clause(s: Sentence, decisive: Sequence[Signal]) -> set[str]:
    """Where each decisive cue sits in the sentence's grammar, the labelling rules' exceptions
    read off the parse: inside what a named source tells ("Solnit wrote of what people find"),
    inside an anonymous or vague source's telling, under a modal (a forecast or a possibility),
    negated, in a condition, and the tense of the verb that carries it."""
    doc = s.doc
    named_cues = {src.cue.i: src for src in s.sources if src.named}
    other_cues = {src.cue.i: src for src in s.sources if not src.named}
    out: set[str] = set()
    for sig in decisive:
        span = doc.char_span(sig.start, sig.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        chain = [root, *root.ancestors]
        # a cue under a source's verb that is not the source phrase itself ("sources said")
        if any(_tells(named_cues.get(t.i), root) for t in chain[1:]):
            out.add("cue_under_named")
        if any(_tells(other_cues.get(t.i), root) for t in chain[1:]):
            out.add("cue_under_unnamed")
        verb = next((t for t in chain if t.pos_ in ("VERB", "AUX")), None)
        if verb is None:
            continue
        for child in verb.children:
            if child.dep_ == "aux" and child.lower_ in _MODALS:
                out.add(f"cue_modal={_MODALS[child.lower_]}")
            elif child.dep_ == "neg":
                out.add("cue_negated")
        tense = verb.morph.get("Tense")
        if tense:
            out.add(f"cue_tense={tense[0]}")
        if any(
            t.dep_ == "advcl" and any(c.lower_ in ("if", "unless") for c in t.children)
            for t in chain
        ):
            out.add("cue_in_condition")
    return out
