"""The sampling frame of the unverifiable-claims corpus: every sentence of every source text,
with the broad cues and the current detector's findings that fire on it.

    PYTHONPATH=$PWD .venv/bin/python -m benchmarks.claims_candidates   # -> .cache/claims/pool.jsonl

Positives are rare (a few in a hundred sentences), so the corpus was sampled by candidates: a
sentence is a candidate when a cue of ``BROAD_CUES`` (much wider than the detector's own lists:
every hedge, every "report", "source", "official", vague group, number near a casualty, crowd or
money noun, ...) or the detector fires on it; the rest are negatives drawn at random with a fixed
seed. The detector's type is kept as a hint for the labeller, never as the label.
"""

from __future__ import annotations

import re
import sys

from benchmarks.claims_corpus_texts import (
    CACHE,
    MissingDataError,
    SourceText,
    extraction_texts,
    polnear_texts,
    write_jsonl,
)

_NUM = (
    r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|"
    r"thousands?|millions?|billions?)"
)
BROAD_CUES: list[tuple[str, re.Pattern[str]]] = [
    (
        "unconfirmed",
        re.compile(
            r"(?i)\b(confirm\w*|verif\w*|unconfirmed|corroborat\w*|unclear whether|impossible to "
            r"know|no way to know|could not be reached|did not (immediately )?respond|declined to "
            r"comment)"
        ),
    ),
    (
        "reported",
        re.compile(
            r"(?i)\b(reported(ly)?|reports?|allege\w*|purported\w*|rumou?r\w*|said to|"
            r"according to (one|some|an?) estimates?|claims? that|supposedly|ostensibly|"
            r"media accounts?|word is)\b"
        ),
    ),
    (
        "anonymous_source",
        re.compile(
            r"(?i)\b(sources?|officials?|insiders?|aides?|advisers?|advisors?|familiar with|"
            r"anonymity|anonymous(ly)?|not authori[sz]ed|spokes(man|woman|person|people)|"
            r"(people|person|someone|those) close to|diplomats?|a senior|staffers?|"
            r"(one|an?|two|three) \w+ (said|says|told)|authorities|investigators|police said|"
            r"told (reporters|the)|insisted)\b"
        ),
    ),
    (
        "hedged",
        re.compile(
            r"(?i)\b(may|might|could|possibl[ey]|perhaps|apparent(ly)?|appears?|appeared|seems?|"
            r"seemed|likely|unlikely|probabl[ey]|believed|thought to|unclear|not clear|"
            r"understood|suspected|presumabl[ey]|reckoned|estimated|assumed|presumed|"
            r"allegations?|suggests?|suggested|indicat\w+|potentially|maybe|rumou?red)\b"
        ),
    ),
    (
        "weasel",
        re.compile(
            r"(?i)\b(critics?|analysts?|experts?|observers?|some|many|most|others|widely|"
            r"considered|regarded|seen as|viewed as|deemed|concerns?|fear(s|ed)?|worr\w+|"
            r"supporters|opponents|detractors|skeptics|sceptics|commentators|pundits|"
            r"economists|scientists|researchers|conservatives|liberals|progressives|"
            r"insiders|people (say|said|believe|think)|it is (said|believed|thought)|"
            r"there (is|are) \w* ?(concern|speculation|talk)|speculat\w+|critici[sz]\w+|"
            r"(Republicans|Democrats|voters|Americans|residents|activists) (say|said|believe|"
            r"think|fear|argue|worry))\b"
        ),
    ),
    (
        "unsourced_figure",
        re.compile(
            rf"(?i)(\$\s?\d|£\s?\d|€\s?\d|\b{_NUM}\b[^.;]{{0,50}}\b(killed|dead|deaths?|died|"
            r"injur\w+|wounded|casualt\w+|victims?|fatalit\w+|arrest\w*|detained|deport\w+|cases|"
            r"infect\w+|protesters|demonstrators|crowd|people|residents|population|refugees|"
            r"migrants|immigrants|troops|soldiers|civilians|children|students|workers|members|"
            r"voters|supporters|attendees|fans|dollars|pounds|euros|spent|lost|cost|damage|"
            r"homeless|jobs|fighters|militants|hostages|prisoners|inmates|murders?|shootings?)\b|"
            rf"\b(killed|dead|died|injured|wounded|arrested|detained|crowd of|death toll|"
            rf"spent|cost|lost)\b[^.;]{{0,40}}\b{_NUM}\b)"
        ),
    ),
]


def cues_of(sentence: str) -> list[str]:
    return [t for t, pattern in BROAD_CUES if pattern.search(sentence)]


def sentences_of(text: str) -> list[tuple[int, int, int, int]]:
    """(start, end, paragraph start, paragraph end) of each sentence, by spaCy's parse; a
    sentence never crosses a paragraph break (a blank line)."""
    from worker.pipeline.nlp import parse

    doc = parse(text)
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]*)*", text)]
    out = []
    for sent in doc.sents:
        s, e = sent.start_char, sent.end_char
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e - s < 3:
            continue
        para = next(((ps, pe) for ps, pe in paragraphs if ps <= s < pe), (s, e))
        # a sentence that runs over a paragraph break is cut at it
        for ps, pe in paragraphs:
            if ps <= s < pe:
                while e > pe:
                    e = text.rfind("\n", s, e) if "\n" in text[s:e] else pe
                break
        out.append((s, e, *para))
    return out


def pool_rows(src: SourceText) -> list[dict]:
    from worker.pipeline import find_claims

    findings = [f for f in find_claims(src.text) if f.kind == "unverified"]
    rows = []
    for s, e, ps, pe in sentences_of(src.text):
        hits = [f for f in findings if f.start < e and s < f.end]
        best = max(hits, key=lambda f: f.confidence) if hits else None
        sentence = src.text[s:e]
        rows.append(
            {
                "source": src.source,
                "article": src.article,
                "outlet": src.outlet,
                "year": src.year,
                "start": s,
                "end": e,
                "para_start": ps,
                "para_end": pe,
                "cues": cues_of(sentence),
                "detector": best.type if best else None,
                "text": sentence,
            }
        )
    return rows


def main() -> int:
    try:
        texts = extraction_texts() + polnear_texts()
    except MissingDataError as err:
        print(f"claims_candidates: {err}", file=sys.stderr)
        return 2
    rows: list[dict] = []
    for i, src in enumerate(texts):
        rows.extend(pool_rows(src))
        if i % 100 == 0:
            print(f"{i}/{len(texts)} articles, {len(rows)} sentences", flush=True)
    write_jsonl(CACHE / "pool.jsonl", rows)
    cands = sum(bool(r["cues"] or r["detector"]) for r in rows)
    print(f"{len(rows)} sentences, {cands} candidates -> {CACHE / 'pool.jsonl'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
