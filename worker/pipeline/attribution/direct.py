"""Direct quotations: link each quotation to its cue and source.

The layouts covered are the ones news style guides prescribe: the attribution after the quote
(`"A," he said.` / `"A," said the spokesman.`), before it (`He said: "A"` / `said in a
statement, "A"`), a quote split around the attribution (`"A," he said. "B."`, one relation with two
content pieces), the `"A" — Name` and `From X: "A"` layouts, and quotes running over paragraphs
(joined by ``quotes.find_quotes``).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from worker.pipeline import grammar
from worker.pipeline.attribution.continuation import inside_tail
from worker.pipeline.attribution.cues import SPEECH, TAIL, cue_bounds, cue_kind
from worker.pipeline.attribution.relation import Relation, char_tokens
from worker.pipeline.attribution.speakers import mention_tokens
from worker.pipeline.attribution.subjects import untagged_subject
from worker.pipeline.lexicon import FIRST_SECOND_SUBJECTS
from worker.pipeline.quotes import Quote
from worker.pipeline.text import paragraph_bounds, text_of, trim_span

# Where the search for an inverted subject stops.
_SUBJECT_SEARCH_STOP_POS = frozenset({"ADP", "VERB"})

DASHES = frozenset("\u2014\u2013-")
SENTENCE_END = frozenset({".", "!", "?"})
MAX_TAIL_TOKENS = 12
MAX_DESCRIBED_TAIL_TOKENS = 30
# Wh-words (what, which, who) as a verb's own argument make its clause a relative one.
_WH_TAGS = frozenset({"WP", "WDT"})
MAX_GAP_WORDS = 30
_ENDS_SENTENCE = re.compile(r"[.!?][\"'\u201d\u2019]*$")
DOUBLED_OPENING_MARKS = frozenset({"''", "``", "\u2018\u2018"})
# The line after a quotation: a dash, then a name up to a comma or the line's end.
_DASH_LINE = re.compile(
    r"\s*[-\u2014\u2013]\s*([A-Z][^,\n.]{1,60}?)\s*(?:[,.][^\n]{0,80})?\s*(?:\n|$)"
)
_FROM = re.compile(r"\s*From ([^:\n]{2,60}):\s*$")

SUBJECT_DEPS = ("nsubj", "nsubjpass")
INVERTED_DEPS = ("dobj", "attr", "nsubj", "npadvmod", "appos", "dative", "oprd", "pobj", "conj")


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"\u201d\u2019]?\s+(?=[\"\u201c\u2018]?[A-Z])")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]\.|\b(?:Mr|Mrs|Ms|Dr|Jr|Sr|St|Sen|Rep|Gov|Gen|Lt|Col|No)\.)$"
)


def sentence_start(text: str, pos: int, floor: int) -> int:
    """Start of the sentence holding ``pos``, read from punctuation (the parser's sentence
    splits go wrong around quotation marks), never before ``floor``."""
    start = floor
    for m in _SENTENCE_BREAK.finditer(text, floor, pos):
        if not _ABBREVIATION.search(text, max(floor, m.start() - 6), m.start()):
            start = m.end()
    return start


def _tail_tokens(doc: Doc, quote: Quote, limit: int) -> list[Token]:
    """Tokens after a quote's closing mark up to the end of its sentence or the next quote."""
    text = text_of(doc)
    after = quote.outer_end
    _, p_end = paragraph_bounds(text, after - 1)
    end = min(p_end, limit)
    span = char_tokens(doc, after, end) if end > after else None
    if span is None:
        return []
    tokens: list[Token] = []
    for tok in span:
        if tok.idx < after:
            continue
        if tok.text in SENTENCE_END or tok.is_space:
            break
        tokens.append(tok)
    return tokens


def nearest_subject(verb: Token) -> Token | None:
    """The verb's subject; of two (a dateline parsed as a second subject: "BUFFALO, N.Y. — …
    Boudreau expressed"), the one nearest the verb."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if not subjects:
        return None
    return min(subjects, key=lambda c: abs(verb.i - c.i))


def _subject(cue: Token, window: set[int]) -> Token | None:
    subj = nearest_subject(cue)
    if subj is not None and subj.i in window:
        return subj
    for child in cue.children:
        if (
            child.dep_ in INVERTED_DEPS
            and child.i > cue.i
            and child.i in window
            and child.pos_ in grammar.NOMINAL_POS
        ):
            return child
    # Parses of inverted tails go wrong: take the first nominal after the cue.
    for tok in cue.doc[cue.i + 1 : cue.i + 6]:
        if tok.i not in window:
            break
        if tok.pos_ in grammar.NOMINAL_POS and tok.dep_ != "compound":
            return tok
        if tok.pos_ in _SUBJECT_SEARCH_STOP_POS or tok.is_punct:
            break
    return None


INHERITING_DEPS = ("advcl", "xcomp", "conj", "pcomp", "ccomp", "prep")


def inherited_subject(cue: Token) -> Token | None:
    """ "…, adding that…" / "saying…": the source is the subject of the governing verb, skipping
    the "we"/"I" of a quotation the verb sits in ("“We are pleased”…, adding that…")."""
    cur = cue
    for _ in range(4):
        # "prep": "by telling Clinton she had…", "after saying…" reach the verb through "by".
        if cur.dep_ not in INHERITING_DEPS or cur.head.i == cur.i:
            return None
        cur = cur.head
        child = nearest_subject(cur)
        first_second = child is not None and child.lower_ in FIRST_SECOND_SUBJECTS
        if child is not None and not (child.pos_ == "PRON" and first_second):
            return child
    return None


def _has_own_content_after(cue: Token, quote: Quote) -> bool:
    """The cue has a clause of its own after the quote (`"A," he said, adding B`); a clause
    that opens a second quotation (`"A," he said, "and B."`) is the same quote going on."""
    doc = cue.doc
    clauses = [c for c in cue.children if c.dep_ == "ccomp"]
    if any(quote.start <= c.idx < quote.end for c in clauses):
        # The parse hangs the quote itself on the cue (`"A," Trump said in February of Carrier,
        # whose parent relocated jobs`): a later "complement" is a misparsed relative clause or
        # an aside of the writer's, not the cue's own content.
        return False
    for c in clauses:
        if c.idx < quote.outer_end:
            continue
        first = c.left_edge.i
        # `"A," he said, "and when B."`: the mark may stand a conjunction or two before the
        # clause's first word.
        if any(t.is_quote for t in doc[max(cue.i + 1, first - 2) : first + 1]):
            continue
        return True
    return False


def _link_after(doc: Doc, quote: Quote, limit: int, floor: int = 0) -> Relation | None:
    if quote.pieces[-1].close is None:
        return None
    tail = _tail_tokens(doc, quote, limit)
    if not tail:
        return _link_dash_line(doc, quote, limit)
    window = {t.i for t in tail}
    last_piece = quote.pieces[-1]
    quoted = text_of(doc)[last_piece.start : last_piece.end].rstrip("'\u2019\u201d\" ")
    ends_clause = (quoted[-1:] in tuple(",.?!\u2026-\u2014:")) or tail[0].text == ","
    # After a full stop inside the marks a new sentence may begin: the cue must come at once.
    max_tail = 3 if quoted[-1:] == "." and tail[0].text != "," else MAX_TAIL_TOKENS
    if tail[0].text in DASHES or (tail[0].text == "," and len(tail) > 1 and tail[1].text in DASHES):
        dash = tail[0] if tail[0].text in DASHES else tail[1]
        names = [t for t in tail if t.i > dash.i and t.pos_ in grammar.NOUN_POS]
        if names and not _signed_by_dash(doc, quote, dash, floor):
            # The writer's aside after a dash: no cue of this quote's lies past it.
            return None
        if names:
            head = names[0]
            while head.dep_ in grammar.NAME_DEPS and head.head.i in window:
                head = head.head
            return Relation(
                "direct_quote",
                (dash.idx, dash.idx + 1),
                SPEECH,
                mention_tokens(head),
                [(p.start, p.end) for p in quote.pieces],
            )
    if not ends_clause:
        return _link_after_fragment(doc, quote, tail, window)
    if tail[0].pos_ == "CCONJ":
        # `are “right to be angry,” but also hungry for what she calls…`: the sentence goes on
        # past the quote; an attribution after the quote never opens with "but" or "and".
        return None
    reach = MAX_DESCRIBED_TAIL_TOKENS if max_tail == MAX_TAIL_TOKENS else max_tail
    for k, tok in enumerate(tail[:reach]):
        kind = cue_kind(tok, beside_quote=True)
        if kind is None or _has_own_content_after(tok, quote):
            continue
        if any(c.tag_ in _WH_TAGS and c.i < tok.i for c in tok.children):
            continue  # "what she calls", "which he described": the cue of a relative clause
        if max_tail < MAX_TAIL_TOKENS and _introduces_next(doc, tail, limit):
            # `"A." He adds, "B."`: after a full stop, a cue clause ending in a comma or colon
            # right before the next quotation opens that one, not this one.
            return None
        subj = _subject(tok, window) or inherited_subject(tok)
        if subj is None:
            continue
        if k >= max_tail and not (subj.i < tok.i and subj.i <= tail[0].i + 3):
            # Past the usual reach only `"A," Name, a long description, said`: the speaker
            # named right after the quote, the cue after the description.
            continue
        pieces = [(p.start, p.end) for p in quote.pieces]
        lead = lead_in(doc, quote, floor)
        if lead is not None:
            # `America needs leaders "who understand …," Clinton said.`: the sentence is hers,
            # its first words reported in the writer's own (a mixed quote).
            pieces[0] = (lead, pieces[0][1])
        return Relation(
            "mixed" if lead is not None else "direct_quote",
            cue_bounds(tok),
            kind,
            mention_tokens(subj),
            pieces,
            tok.i,
        )
    return None


def _signed_by_dash(doc: Doc, quote: Quote, dash: Token, floor: int) -> bool:
    """`"A." — Hillary Clinton`: a quotation that opens its sentence (or follows a comma or
    colon), signed by a name right after the dash. A term quoted inside a clause or between
    dashes and followed by the writer's aside (`upgraded to "confidential" — a lower level of
    classification`, `the hashtag - ''open door'' - became …`) is nobody's statement."""
    nxt = doc[dash.i + 1] if dash.i + 1 < len(doc) else None
    if nxt is None or not (nxt.pos_ == "PROPN" or nxt.text.startswith("@")):
        return False
    text = text_of(doc)
    before = text[max(floor, paragraph_bounds(text, quote.open)[0]) : mark_start(text, quote)]
    return lead_in(doc, quote, floor) is None and not before.rstrip().endswith(tuple(DASHES))


def _introduces_next(doc: Doc, tail: list[Token], limit: int) -> bool:
    """The tail after a quote is a cue clause ending in a comma or colon that runs into the
    next quotation (``limit`` is where that one opens)."""
    last = tail[-1]
    if last.text not in (",", ":") or limit >= len(text_of(doc)):
        return False
    between = text_of(doc)[last.idx + 1 : limit]
    return not between.strip(" \t\"'\u201c\u2018`")


def lead_in(doc: Doc, quote: Quote, floor: int) -> int | None:
    """Where the writer's own words begin when the quotation opens in the middle of a clause
    (`The event "was the first time …"`, `the prime minister ''looked ashen''`): the start of
    the sentence when a word stands right before the opening mark. None when the quote opens its
    sentence or follows a comma, colon or dash (`said of them, "A"`) or another quotation."""
    text = text_of(doc)
    opening = mark_start(text, quote)
    p_start, _ = paragraph_bounds(text, quote.open)
    start = sentence_start(text, opening, max(p_start, floor))
    if start == floor > p_start and not _ENDS_SENTENCE.search(text[:floor].rstrip()):
        return None  # `"A" and "B," he said`: the sentence holds an earlier quotation
    before = text[start:opening].rstrip()
    if not before[-1:].isalnum():
        return None
    return trim_span(text, start, opening)[0]


def _link_dash_line(doc: Doc, quote: Quote, limit: int) -> Relation | None:
    """`"A."¶- Hillary Clinton.`: a quotation ending its paragraph, signed on the next line
    by a dash and a name (fact checks and quote boxes)."""
    text = text_of(doc)
    _, p_end = paragraph_bounds(text, quote.outer_end)
    if text[quote.outer_end : p_end].strip():
        return None
    m = _DASH_LINE.match(text, p_end)
    if m is None or m.start(1) >= limit:
        return None
    span = char_tokens(doc, m.start(1), m.end(1))
    names = [t for t in span if t.pos_ == "PROPN"] if span is not None else []
    if not names:
        return None
    # "Hillary Clinton": the last of adjacent names heads them; else the first name.
    adjacent = all(t.i + 1 == u.i for t, u in zip(names, names[1:], strict=False))
    head = names[-1] if adjacent else names[0]
    dash = m.start(0) + len(m.group(0)) - len(m.group(0).lstrip())
    mention = mention_tokens(head)
    if mention[0].text[0] in DASHES and len(mention) > 1:
        mention = mention[1:]  # "-President Obama": the tokenizer glues the dash to the title
    return Relation(
        "direct_quote",
        (dash, dash + 1),
        SPEECH,
        mention,
        [(p.start, p.end) for p in quote.pieces],
    )


def _link_after_fragment(
    doc: Doc, quote: Quote, tail: list[Token], window: set[int]
) -> Relation | None:
    """`"…the little deal" announced in October, said Derek Scissors.`: the quote and the words
    up to the comma are the content of the cue after the comma (a mixed quote)."""
    for k, tok in enumerate(tail[:8]):
        if tok.text != ",":
            continue
        for cand in tail[k + 1 : k + 5]:
            kind = cue_kind(cand, beside_quote=True)
            if kind is None or _has_own_content_after(cand, quote):
                continue
            subj = _subject(cand, window)
            if subj is None:
                continue
            pieces = [(p.start, p.end) for p in quote.pieces]
            pieces[-1] = (
                (pieces[-1][0], tail[k - 1].idx + len(tail[k - 1].text)) if k else pieces[-1]
            )
            return Relation("mixed", cue_bounds(cand), kind, mention_tokens(subj), pieces, cand.i)
        return None
    return None


def mark_start(text: str, quote: Quote) -> int:
    """Where the quotation's opening mark begins: ``Quote.open`` is the last character of a
    doubled mark (plain-text archives type ''A'' and ``A''), whose first one is no text before
    the quote."""
    o = quote.open
    return o - 1 if o > 0 and text[o - 1 : o + 1] in DOUBLED_OPENING_MARKS else o


def _link_before(doc: Doc, quote: Quote, floor: int) -> Relation | None:
    text = text_of(doc)
    opening = mark_start(text, quote)
    p_start, _ = paragraph_bounds(text, quote.open)
    start = max(p_start, floor)
    before = text[start:opening].rstrip()
    head_text = text[p_start:opening]
    if not head_text.strip() and floor < p_start:
        # "From the White House:" alone in the paragraph before the quote
        prev_end = len(text[:p_start].rstrip("\n"))
        prev_start, _ = paragraph_bounds(text, prev_end)
        if prev_start >= floor:
            p_start, head_text = prev_start, text[prev_start : quote.open]
            if text[:prev_end].endswith(":"):
                # "Reporter Ann Lee says:¶“…”": a colon ends the paragraph the quote follows.
                start = prev_start
                before = text[start:opening].rstrip()
    from_match = _FROM.match(head_text) if floor <= p_start else None
    if from_match:
        span = char_tokens(doc, p_start + from_match.start(1), p_start + from_match.end(1))
        f = p_start + from_match.start(0) + from_match.group(0).index("From")
        if span is not None:
            return Relation(
                "direct_quote", (f, f + 4), SPEECH, span, [(p.start, p.end) for p in quote.pieces]
            )
    if not before:
        return None
    last = before[-1]
    span = char_tokens(doc, start, start + len(before))
    if span is None:
        return None
    tokens = [t for t in span if not t.is_space]
    # Only the clause right before the quote can introduce it.
    for k in range(len(tokens) - 1, -1, -1):
        if tokens[k].text in SENTENCE_END and k < len(tokens) - 1:
            tokens = tokens[k + 1 :]
            break
    if last not in ":," and not (tokens and cue_kind(tokens[-1]) is not None):
        return None
    window = {t.i for t in tokens}
    for tok in reversed(tokens):
        kind = cue_kind(tok)
        if kind is None:
            continue
        # A cue whose clausal content starts between it and the quote frames a mixed quote.
        if any(
            c.dep_ == "ccomp" and c.i > tok.i and tok.idx < c.left_edge.idx < opening
            for c in tok.children
        ):
            return None
        subj = _subject(tok, window) or inherited_subject(tok) or untagged_subject(tok)
        if subj is None:
            return None
        return Relation(
            "direct_quote",
            cue_bounds(tok),
            kind,
            mention_tokens(subj),
            [(p.start, p.end) for p in quote.pieces],
            tok.i,
        )
    if last == ":":
        return _link_colon(quote, tokens)
    return None


# Who may speak through a colon: a name, a noun (a letter, a footnote, the crowd) or a personal
# pronoun; never "there", "it" or "this", whose colon announces an example, not a speaker.
_COLON_SPEAKER_POS = frozenset({"PROPN", "NOUN"})
_COLON_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
MAX_COLON_LABEL_TOKENS = 8


def _link_colon(quote: Quote, tokens: list[Token]) -> Relation | None:
    """`She then addressed the supporters again: "A."`, `Hoff's letter makes a case: "A."`,
    `Clinton: "A." Bush: "B."`: a colon ending the clause before a quotation is its cue (PARC's
    convention) when no verb of speech stands there; the speaker is the clause's subject, or the
    name that is all of it."""
    if not tokens or tokens[-1].text != ":" or len(tokens) < 2:
        return None
    colon, clause = tokens[-1], tokens[:-1]
    window = {t.i for t in clause}
    roots = [t for t in clause if t.head.i not in window or t.head.i == t.i]
    verb = next((t for t in roots if t.pos_ in ("VERB", "AUX")), None)
    if verb is not None:
        subj = nearest_subject(verb)
        if subj is None or subj.i not in window:
            return None
    elif len(clause) <= MAX_COLON_LABEL_TOKENS:
        subj = next((t for t in roots if t.pos_ == "PROPN"), None)
    else:
        return None
    if subj is None:
        return None
    if subj.pos_ not in _COLON_SPEAKER_POS and subj.lower_ not in _COLON_PRONOUNS:
        return None
    return Relation(
        "direct_quote",
        (colon.idx, colon.idx + 1),
        SPEECH,
        mention_tokens(subj),
        [(p.start, p.end) for p in quote.pieces],
    )


def _only_tail_between(doc: Doc, rel: Relation, gap_start: int, gap_end: int) -> bool:
    """True when the text between two quotes is just the first quote's attribution."""
    crosses_paragraph = paragraph_bounds(text_of(doc), gap_start)[1] < gap_end
    if crosses_paragraph or not (gap_start <= rel.cue[0] < gap_end):
        return False
    span = char_tokens(doc, gap_start, gap_end)
    if span is None:
        return False
    ends = sum(1 for t in span if t.text in SENTENCE_END)
    words = sum(1 for t in span if t.is_alpha)
    return ends <= 1 and words <= MAX_GAP_WORDS


def link_quotes(doc: Doc, quotes: list[Quote]) -> tuple[list[Relation], set[int]]:
    """Relations for the quotes that have an attribution, and the indexes of the quotes used."""
    relations: list[Relation] = []
    used: set[int] = set()
    owner: dict[int, Relation] = {}
    gap_floor: dict[int, int] = {}  # where the text after quote k's attribution starts
    for k, quote in enumerate(quotes):
        limit = quotes[k + 1].open if k + 1 < len(quotes) else len(text_of(doc))
        floor = quotes[k - 1].outer_end if k > 0 else 0
        rel = _link_after(doc, quote, limit, floor)
        prev = owner.get(k - 1)
        if prev is not None and inside_tail(text_of(doc), prev, quote):
            # `"A," she said on "Meet the Press." "B."`: the title belongs to the attribution's
            # sentence; B, not the title, continues the quote.
            owner[k] = prev
            gap_floor[k] = gap_floor.get(k - 1, quotes[k - 1].outer_end)
            used.add(k)  # nobody's words: no later step may take it as a quote
            continue
        if (
            rel is not None
            and len(quote.pieces) > 1
            and prev is not None
            and _only_tail_between(
                doc, prev, gap_floor.get(k - 1, quotes[k - 1].outer_end), quote.open
            )
        ):
            # `"A," he said. "B.¶"C," Sasse said.`: B continues his quote, C has its own cue.
            first = quote.pieces[0]
            prev.content.append((first.start, first.end))
            rel.content = [(p.start, p.end) for p in quote.pieces[1:]]
        elif (
            rel is None
            and prev is not None
            and _only_tail_between(
                doc, prev, gap_floor.get(k - 1, quotes[k - 1].outer_end), quote.open
            )
        ):
            prev.content.extend((p.start, p.end) for p in quote.pieces)
            owner[k] = prev
            used.add(k)
            continue
        before = _link_before(doc, quote, floor)
        if rel is not None and before is not None and before.cue_token is not None:
            # `He said, "A," the office said.`: the quote is his; the office reports the whole
            # sentence (a nested attribution, PARC-style).
            relations.append(before)
            p_start, _ = paragraph_bounds(text_of(doc), quote.open)
            lo = sentence_start(text_of(doc), before.cue[0], p_start)
            rel.type = "mixed"
            rel.content = [trim_span(text_of(doc), lo, quote.pieces[-1].end)]
        elif rel is None:
            rel = before
        if rel is None:
            continue
        if rel.cue_kind == TAIL and rel.source is None:
            continue
        relations.append(rel)
        owner[k] = rel
        used.add(k)
    return relations, used
