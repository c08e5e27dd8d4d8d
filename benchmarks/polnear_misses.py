"""Where sourcemark's attribution misses on the PolNeAR *development* part, and why it is wrong
where it is wrong. Never run on the frozen part: its misses are not to be looked at.

    PYTHONPATH=. .venv/bin/python -m benchmarks.polnear_misses

Prints aggregate counts (no article text) as Markdown, for the README; writes the worked list
with examples to ``.cache/polnear/miss_report.md`` (git-ignored: it quotes PolNeAR text).

Every missed gold relation (no prediction at content Jaccard >= 0.5) is described by:

- its cue lemma (``benchmarks.statement_cues.lemma`` of the cue's statement word);
- its source kind: none, pronoun, poll/study/document, organisation, named person, or another
  description ("critics", "a spokesman"), from spaCy's entities and word lists;
- its content shape: direct quote, colon-introduced, mixed (partly quoted), indirect; and whether
  it runs over more than one sentence;
- whether its source sits in another sentence than its cue, and whether it is nested (its cue
  inside another relation's content);
- what we did there: nothing overlapping ("not found"), a prediction on the same cue with other
  content, or an overlapping prediction below Jaccard 0.5 (content boundary: longer or shorter).

False positives are sorted by cause the same way.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from benchmarks.datasets import GET_POLNEAR, missing, polnear_train
from benchmarks.polnear import CACHE
from benchmarks.polnear_data import MissingDataError, load_part, load_split
from benchmarks.polnear_score import Relation, from_findings, gold_relations, jaccard, match
from benchmarks.statement_cues import (
    DOCUMENT_SOURCE,
    FINDING,
    NOUNS,
    PUNCTUATION_ONLY,
    SPEECH,
    WORD,
    _words,
    lemma,
)

REPORT = CACHE / "miss_report.md"
PRONOUNS = _words(
    "i you he she it we they me him her us them who which that whom this these those one "
    "his their its our my your"
)
ORG_WORDS = re.compile(
    r"\b(campaign|committee|party|administration|department|agency|group|company|network|"
    r"newspaper|times|post|journal|news|press|cnn|fox|msnbc|abc|nbc|cbs|government|congress|"
    r"senate|house|court|white house|pentagon|fbi|cia|state department|union|association|"
    r"council|foundation|institute|organization|organisation|board|office|commission|team|"
    r"republicans|democrats|gop|rnc|dnc|pac|super pac|magazine|website|outlet|media)\b",
    re.I,
)
DOCUMENT_WORDS = re.compile(
    r"\b(ad|ads|video|book|tweet|tweets|article|speech|transcript|email|emails|website|"
    r"release|ruling|bill|law|platform|op-ed|editorial)\b",
    re.I,
)


@dataclass
class Tally:
    counts: Counter = field(default_factory=Counter)
    examples: dict = field(default_factory=lambda: defaultdict(list))

    def add(self, key: str, example: str, keep: int = 6) -> None:
        self.counts[key] += 1
        if len(self.examples[key]) < keep:
            self.examples[key].append(example)


def cue_key(cue: str) -> str:
    text = " ".join(cue.lower().split())
    if PUNCTUATION_ONLY.match(text):
        return "(colon or dash)"
    if "according" in text:
        return "according to"
    for w in WORD.findall(text):
        lem = lemma(w)
        if lem in SPEECH or lem in FINDING or lem in NOUNS:
            return lem
    return text


def source_kind(doc, article_text: str, span: tuple[int, int] | None) -> str:
    if span is None:
        return "none"
    text = article_text[span[0] : span[1]]
    words = text.lower().split()
    if len(words) <= 2 and words and words[-1].strip(",.") in PRONOUNS:
        return "pronoun"
    if DOCUMENT_SOURCE.search(text) or DOCUMENT_WORDS.search(text):
        return "poll/study/document"
    ents = doc.char_span(span[0], span[1], alignment_mode="expand").ents
    labels = {e.label_ for e in ents}
    if "PERSON" in labels:
        return "named person"
    if labels & {"ORG", "NORP", "GPE"} or ORG_WORDS.search(text):
        return "organisation"
    if any(w[:1].isupper() for w in text.split()[1:]) or text[:1].isupper() and len(words) == 1:
        return "named person"
    return "other description"


NEGATION = re.compile(
    r"\b(not|n't|n’t|never|little|nothing|declined|refused|likely|more|less|whether)\b", re.I
)
RESPONDENTS = re.compile(
    r"\b(voters|respondents|percent|%|in 10|majority|half|third|quarter|americans|those)\b", re.I
)


def our_cue_words() -> frozenset[str]:
    """Every verb and noun some attribution rule takes as a cue: the clause cues
    (``attribution.cues``), the summaries' verbs and prepositional verbs, and the statement
    nouns. Counting only the speech verbs called 1,039 misses "not in our lexicon" whose cue
    the finding, judgement or summary lists already held."""
    from worker.pipeline import lexicon
    from worker.pipeline.attribution.cues import PREDICATE_VERBS

    return (
        lexicon.STATEMENT_VERBS
        | PREDICATE_VERBS
        | lexicon.BELIEF_VERBS
        | lexicon.SUMMARY_VERBS
        | frozenset(lexicon.SUMMARY_PREPOSITIONS)
        | lexicon.TOPIC_SPEECH_VERBS
        | lexicon.STATEMENT_NOUNS
        | frozenset(lexicon.TOPIC_STATEMENT_NOUNS)
    )


def known_to_us(cue: str) -> bool:
    """Whether sourcemark's own cue lexicon (worker.pipeline.lexicon) has the cue's
    verb or noun: a miss on an unknown cue needs a lexicon entry, one on a known cue another
    rule."""
    text = " ".join(cue.lower().split())
    if PUNCTUATION_ONLY.match(text) or "according" in text:
        return True
    ours_ = our_cue_words()
    # Plural nouns ("remarks", "questions") are entries of their own in ``statement_cues``.
    return any({lemma(w), w, w.removesuffix("s")} & ours_ for w in WORD.findall(text))


def why_not_found(doc, text: str, starts: list[int], g: Relation) -> str:
    cue = text[g.cue[0] : g.cue[1]]
    if not known_to_us(cue):
        return "cue not in our lexicon"
    lo, hi = min(g.content), max(g.content) + 1
    if "''" in text[max(0, lo - 3) : hi + 3]:
        return "'' quote marks (NYT's plain-text quotes)"
    first = text[lo:hi].split(maxsplit=1)[0].lower() if text[lo:hi].split() else ""
    if first in ("which", "who", "that", "whom", "whose") and lo < g.cue[0]:
        return "relative clause (which X says ...)"
    if lo < g.cue[0] < hi:
        return "cue inside the content (parenthetical ', he said,')"
    if NEGATION.search(cue):
        return "negated, modal or 'declined to' cue"
    if g.source and RESPONDENTS.search(text[g.source[0] : g.source[1]]):
        return "poll respondents as source"
    if sentence_of(starts, lo) != sentence_of(starts, g.cue[0]):
        return "content in another sentence than the cue"
    if hi <= g.cue[0]:
        return "content before the cue"
    span = doc.char_span(lo, hi, alignment_mode="expand")
    if span is not None and not any(t.pos_ in ("VERB", "AUX") for t in span):
        return "content without a verb (noun or prepositional phrase)"
    return "other: known cue, clause after it, same sentence"


def content_form(doc, g: Relation) -> str:
    """The grammatical form of a content: how a rule would have to pick it up."""
    lo, hi = min(g.content), max(g.content) + 1
    span = doc.char_span(lo, hi, alignment_mode="expand")
    if span is None or not len(span):
        return "unknown"
    if g.direct:
        return "direct quote"
    first = span[0]
    if first.lower_ == "to" or first.tag_ == "VB":
        return "to-infinitive (asked X to, claim to, urged to)"
    if first.tag_ == "VBG":
        return "gerund (called for ending, urged voting)"
    if first.lower_ in ("if", "whether", "why", "how", "what", "when", "who", "where"):
        return "wh- or if-clause (asked whether, explained how)"
    if first.lower_ == "that":
        return "that-clause"
    if not any(t.pos_ in ("VERB", "AUX") for t in span):
        return "noun phrase"
    if any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in span):
        return "bare clause"
    return "other phrase with a verb"


def sentence_starts(doc) -> list[int]:
    return [sent.start_char for sent in doc.sents]


def sentence_of(starts: list[int], offset: int) -> int:
    return bisect_right(starts, offset) - 1


def shape(text: str, g: Relation) -> str:
    first = min(g.content)
    before = text[max(0, first - 4) : first].rstrip(" \u201c\"'\n")
    if before.endswith(":"):
        return "colon"
    if g.direct:
        return "direct quote"
    quoted_marks = sum(text[i] in '\u201c\u201d"' for i in range(first, max(g.content) + 1))
    return "mixed" if quoted_marks else "indirect"


def sentences(text: str, starts: list[int], chars: frozenset[int]) -> int:
    return len({sentence_of(starts, i) for i in chars if text[i].isalnum()})


def excerpt(text: str, lo: int, hi: int, width: int = 260) -> str:
    lo, hi = max(0, lo - 40), min(len(text), hi + 40)
    s = text[lo:hi].replace("\n", " / ")
    return s if len(s) <= width else s[: width // 2] + " … " + s[-width // 2 :]


def span_text(text: str, span: tuple[int, int] | None) -> str:
    return text[span[0] : span[1]] if span else "-"


def analyse(articles, docs: list, predictions: list[list[Relation]]) -> dict[str, Tally]:
    t = {
        name: Tally()
        for name in (
            "statement misses by cue",
            "statement misses by source kind",
            "statement misses by content shape",
            "statement misses: what we did",
            "statement misses not found: why",
            "not found, cue not in our lexicon: by cue",
            "not found, known cue: by source kind",
            "not found, known cue: content form",
            "statement misses, ours shorter: gold shape",
            "statement misses: flags",
            "stance misses by cue",
            "false positives by cause",
            "false positives, unannotated, by our cue",
        )
    }
    totals = Counter()
    for article, doc, predicted in zip(articles, docs, predictions, strict=True):
        text = article.text
        gold = gold_relations(text, article.relations)
        starts = sentence_starts(doc)
        pairs = match(gold, predicted)
        matched_g = {gi: pi for gi, pi in pairs}
        matched_p = {pi: gi for gi, pi in pairs}
        totals["gold"] += len(gold)
        totals["statements"] += sum(g.statement for g in gold)
        totals["predicted"] += len(predicted)
        cues = [(g.cue, gi) for gi, g in enumerate(gold)]
        for gi, g in enumerate(gold):
            if gi in matched_g:
                continue
            cue = span_text(text, g.cue)
            lo = min([min(g.content)] + ([g.source[0]] if g.source else []) + [g.cue[0]])
            hi = max([max(g.content) + 1] + ([g.source[1]] if g.source else []) + [g.cue[1]])
            near = max(
                (
                    (jaccard(g.content, p.content), pi)
                    for pi, p in enumerate(predicted)
                    if g.content & p.content
                ),
                default=(0.0, None),
            )
            example = (
                f"`{article.id}` cue «{cue}» source «{span_text(text, g.source)}»: "
                f"{excerpt(text, lo, hi)}"
            )
            if near[1] is not None:
                p = predicted[near[1]]
                pc = sorted(p.content)
                example += f" — ours (J={near[0]:.2f}): «{excerpt(text, pc[0], pc[-1] + 1, 160)}»"
            if not g.statement:
                t["stance misses by cue"].add(cue_key(cue), example, keep=2)
                continue
            totals["statement misses"] += 1
            t["statement misses by cue"].add(cue_key(cue), example, keep=4)
            t["statement misses by source kind"].add(source_kind(doc, text, g.source), example)
            t["statement misses by content shape"].add(shape(text, g), example)
            same_cue = [
                p
                for p in predicted
                if p.cue and g.cue and p.cue[0] < g.cue[1] and g.cue[0] < p.cue[1]
            ]
            if near[1] is not None:
                p = predicted[near[1]]
                if near[1] in matched_p:
                    did = "overlapping prediction taken by another gold relation"
                elif len(p.content) > len(g.content):
                    did = "content boundary: ours longer (J < 0.5)"
                else:
                    did = "content boundary: ours shorter (J < 0.5)"
                    t["statement misses, ours shorter: gold shape"].add(
                        (
                            "several sentences"
                            if sentences(text, starts, g.content) > 1
                            else "one sentence"
                        )
                        + (", direct" if g.direct else ""),
                        example,
                        keep=10,
                    )
            elif same_cue:
                did = "same cue found, content elsewhere"
            else:
                did = "not found (nothing overlapping)"
                why = why_not_found(doc, text, starts, g)
                t["statement misses not found: why"].add(why, example, keep=10)
                if why == "cue not in our lexicon":
                    t["not found, cue not in our lexicon: by cue"].add(
                        cue_key(cue), example, keep=3
                    )
                else:
                    t["not found, known cue: by source kind"].add(
                        source_kind(doc, text, g.source), example, keep=8
                    )
                    t["not found, known cue: content form"].add(
                        content_form(doc, g), example, keep=8
                    )
            t["statement misses: what we did"].add(did, example)
            if sentences(text, starts, g.content) > 1:
                t["statement misses: flags"].add("content over several sentences", example)
            if g.source and sentence_of(starts, g.source[0]) != sentence_of(starts, g.cue[0]):
                t["statement misses: flags"].add("source in another sentence than the cue", example)
            if any(og != gi and g.cue[0] in gold[og].content for _, og in cues):
                t["statement misses: flags"].add("nested in another relation's content", example)
            if g.source is None:
                t["statement misses: flags"].add("no source annotated", example)
        for pi, p in enumerate(predicted):
            if pi in matched_p:
                continue
            pc = sorted(p.content)
            cue = span_text(text, p.cue)
            example = (
                f"`{article.id}` our cue «{cue}» speaker «{span_text(text, p.source)}»: "
                f"{excerpt(text, pc[0], pc[-1] + 1)}"
            )
            over = [
                (jaccard(g.content, p.content), gi)
                for gi, g in enumerate(gold)
                if g.content & p.content
            ]
            if over:
                j, gi = max(over)
                if gi in matched_g:
                    cause = "overlaps a gold relation matched by another of ours (split/duplicate)"
                elif len(p.content) > len(gold[gi].content):
                    cause = "content boundary: longer than gold (J < 0.5)"
                else:
                    cause = "content boundary: shorter than gold (J < 0.5)"
            elif p.cue and any(g.cue and g.cue[0] < p.cue[1] and p.cue[0] < g.cue[1] for g in gold):
                cause = "annotated cue, content elsewhere"
            elif p.cue and any(p.cue[0] in g.content for g in gold):
                cause = "unannotated, inside another relation's content"
            else:
                cause = "unannotated"
                t["false positives, unannotated, by our cue"].add(cue_key(cue), example, keep=2)
            t["false positives by cause"].add(cause, example)
    t["totals"] = Tally(totals)
    return t


def markdown_counts(t: dict[str, Tally], top: int = 25) -> str:
    tot = t["totals"].counts
    lines = [
        f"PolNeAR dev: {tot['gold']} gold relations, {tot['statements']} statements, "
        f"{tot['statement misses']} statements missed; {tot['predicted']} predictions, "
        f"{sum(t['false positives by cause'].counts.values())} false positives.",
        "",
    ]
    for name, tally in t.items():
        if name == "totals":
            continue
        items = tally.counts.most_common(top)
        lines.append(f"- **{name}**: " + ", ".join(f"{k} {v}" for k, v in items))
    return "\n".join(lines)


def markdown_report(t: dict[str, Tally]) -> str:
    out = ["# sourcemark on PolNeAR dev: misses and false positives (not for the repository)", ""]
    out.append(markdown_counts(t, top=60))
    for name, tally in t.items():
        if name == "totals":
            continue
        out += ["", f"## {name}", ""]
        for key, n in tally.counts.most_common(60):
            out.append(f"### {key} ({n})")
            out += [f"- {e}" for e in tally.examples[key]]
    return "\n".join(out) + "\n"


def main() -> int:
    directory = polnear_train()
    ids = load_split()["dev"]  # the development part only, by design
    try:
        articles = load_part(directory, ids)
    except MissingDataError as err:
        missing("PolNeAR articles of the split", str(err), GET_POLNEAR)
    from benchmarks.polnear_dev import dev_docs
    from worker.pipeline.attribution import find_attributions
    from worker.pipeline.reading import read

    # The cached development parses (as benchmarks.polnear_dev runs them): the attribution
    # detector alone, which is what find_claims reports as attribution findings.
    docs = dev_docs(articles)
    predictions = [
        from_findings(a.text, find_attributions(read(d)))
        for a, d in zip(articles, docs, strict=True)
    ]
    tallies = analyse(articles, docs, predictions)
    CACHE.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(markdown_report(tallies), "utf-8")
    print(markdown_counts(tallies))
    print(f"\nworked list: {REPORT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
