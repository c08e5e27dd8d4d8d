"""A reported content ends before the writer's aside that closes its sentence.

`Both sides acknowledged that fixing the tax code will take time, which will grow harder as the
election nears`, `the candidates say they are not avoiding the nominee, who has been battered by
the inquiry`: the comma-set relative clause hung on the content's last noun is the writer's
gloss, not what the source said; PARC-style annotation (PolNeAR) ends the content before it. The
clause must run to the content's end (an aside inside the content, `that Pagliano, who invoked
the Fifth, is now cooperating`, is part of it) and must be the writer's words: inside a
quotation it is the source's.

A comma-set noun phrase opened by an article and closing the content (`…, a swipe at his
rivals`, `…, the largest rise in a decade`) is the writer's gloss too: it renames or sums up what
came before.

The same holds for a comma-set participle of speech reporting a clause, closing the content (`the
candidate was not contradicting himself, noting that most of the money …`): without a subject of
its own, it is the source's next statement, attributed on its own.

Such a gloss may be set off by a dash as well (`asked them not to stage protests — a message
that has not been heeded`); a clause after a dash stays, which may be the source's own.

So does a comma-set noun phrase in apposition closing the content (`the person would not get beat
up at his rally, a swipe at the recent disturbances`, `referring to John Kerry, the chief U.S.
negotiator`): the writer's comment on the words or gloss on a name, not what the source said.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from worker.pipeline.attribution.cues import SPEECH, cue_kind
from worker.pipeline.attribution.relation import Relation, char_tokens
from worker.pipeline.grammar import VERB_POS
from worker.pipeline.lexicon import DASHES, INDEFINITE_ARTICLES, WH_PRONOUNS
from worker.pipeline.quotes import Quote

# What is left must still say something: "the notion, which …" cut to "the notion" says little.
MIN_KEPT_CHARS = 12


# How a participle clause hangs on the verb of the clause it closes.
_PARTICIPLE_CLAUSE_DEPS = frozenset({"advcl", "xcomp", "conj"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
# An appositive and what it glosses are nouns (or "…, one that …"); one with coordinates is a
# list.
_APPOSITIVE_POS = frozenset({"NOUN", "PROPN"})
_LIST_DEPS = frozenset({"cc", "conj"})


def _relative_aside(tok: Token) -> bool:
    """ "…, which will grow harder": a relative clause opened by a wh-word."""
    first = tok.doc[tok.left_edge.i]
    return (
        tok.dep_ == "relcl"
        and tok.head.i < tok.i
        and first.lower_ in WH_PRONOUNS
        and first.lower_ != "that"
    )


def _participle_aside(tok: Token) -> bool:
    """ "…, noting that most of it went to schools": a participle of speech reporting a clause
    of its own, opening its clause, hung on a verb before it, with no subject of its own. Other
    participles stay: "it raised $21 million, bringing its total to $95 million" goes on with
    the source's own account, and "…, highlighting the gap" is no statement of its own."""
    return (
        tok.tag_ == "VBG"
        and cue_kind(tok) == SPEECH
        and any(c.dep_ == "ccomp" for c in tok.children)
        and tok.dep_ in _PARTICIPLE_CLAUSE_DEPS
        and tok.left_edge.i == tok.i
        and tok.head.i < tok.i
        and tok.head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in _SUBJECT_DEPS for c in tok.children)
    )


# How the parser hangs a comma-set noun phrase closing a sentence: on a noun before it, or on
# the verb as if it were an object or an adverbial noun.
_APPOSITIVE_DEPS = frozenset({"appos", "dobj", "npadvmod", "attr"})
# Articles that open a writer's gloss: "…, a swipe at his rivals", "…, the highest of any".
_GLOSS_ARTICLES = frozenset({"a", "an", "the"})


def _gloss_aside(tok: Token) -> bool:
    """ "…, a swipe at his rivals", "…, the federally funded preschool": a comma-set noun
    phrase opened by an article, closing the clause, renames or sums up what came before; it is
    the writer's gloss (who someone is, what a remark amounts to), not the source's words."""
    first = tok.doc[tok.left_edge.i]
    return (
        tok.pos_ in ("NOUN", "PROPN")
        and tok.dep_ in _APPOSITIVE_DEPS
        and tok.head.i < tok.i
        and first.lower_ in _GLOSS_ARTICLES
        and first.i < tok.i
        # "…on Israel, the nuclear deal and the court": an item of a list, not a gloss.
        and not any(c.dep_ in ("cc", "conj") for c in tok.children)
    )


def _apposition_aside(tok: Token) -> bool:
    """ "…, a swipe at the protesters", "…, the chief negotiator": a noun phrase in apposition
    to a noun before it. A coordinated one is a list the parser misread ("attacked Trump, Carson,
    and Fiorina"), not a gloss."""
    if (
        tok.dep_ == "npadvmod"
        and tok.pos_ == "NOUN"
        and tok.head.pos_ in VERB_POS
        and tok.head.i < tok.i
        and any(c.dep_ == "det" and c.lower_ in INDEFINITE_ARTICLES for c in tok.children)
    ):
        return True  # "…, a promise the council doubted": the parser hangs it on the verb
    return (
        tok.dep_ == "appos"
        and tok.head.i < tok.i
        and (tok.pos_ in _APPOSITIVE_POS or tok.lower_ == "one")
        and tok.head.pos_ in _APPOSITIVE_POS
        and not any(c.dep_ in _LIST_DEPS for c in tok.children)
    )


def _appositive_aside(tok: Token) -> bool:
    """A closing noun phrase of the writer's, either shape: an article-opened gloss or an
    apposition the parser hangs on a noun (or on the verb)."""
    return _gloss_aside(tok) or _apposition_aside(tok)


def _dash_gloss(doc: Doc, dash: Token, tok: Token) -> bool:
    """ "… next week — a promise the council has heard before": a noun phrase glossing the
    content after a dash; not one a second dash closes (" — Morrison's supervisor — to go …"
    interrupts the source's words, which go on after it)."""
    return (
        dash.text in DASHES
        and _appositive_aside(tok)
        and not any(t.text in DASHES for t in doc[dash.i + 1 : tok.right_edge.i + 1])
    )


def _aside_start(doc: Doc, start: int, end: int, quotes: list[Quote]) -> int | None:
    """Character where a comma-set relative or participle clause closing ``[start, end)``
    begins (its comma), or None."""
    span = char_tokens(doc, start, end)
    if span is None:
        return None
    for tok in span:
        if not (_relative_aside(tok) or _participle_aside(tok) or _appositive_aside(tok)):
            continue
        first = doc[tok.left_edge.i]
        comma = doc[first.i - 1] if first.i > 0 else None
        if comma is None or not (comma.text == "," or _dash_gloss(doc, comma, tok)):
            continue
        if comma.idx - start < MIN_KEPT_CHARS:
            continue
        last = doc[tok.right_edge.i]
        if last.idx + len(last.text) < end - 1:
            continue  # the aside sits inside the content; something of the source's follows
        if any(q.open <= comma.idx < q.outer_end for q in quotes):
            continue  # inside a quotation the aside is the source's own
        return comma.idx
    return None


def cut_trailing_asides(doc: Doc, relation: Relation, quotes: list[Quote]) -> Relation:
    """``relation`` with its last content piece ended before a closing aside of the writer's."""
    if not relation.content:
        return relation
    start, end = relation.content[-1]
    cut = _aside_start(doc, start, end, quotes)
    if cut is None:
        return relation
    while cut > start and doc.text[cut - 1].isspace():
        cut -= 1  # a dash stands apart: "… next week — a promise …"
    return replace(relation, content=[*relation.content[:-1], (start, cut)])
