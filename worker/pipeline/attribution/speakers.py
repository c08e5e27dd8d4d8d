"""Speaker mentions: the noun phrase that is the source, its name and its stated role.
Whether a speaker is anonymous is read once, by ``worker.pipeline.sources``."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from worker.pipeline import grammar, lexicon
from worker.pipeline.attribution.relation import ents_in
from worker.pipeline.lexicon import (
    FIRST_SECOND,
    FUNCTION_NOUN_FORMS,
    ORG_WORDS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    ROLE_WORDS,
)

# Wh-words: a relative clause starts, the mention has ended.
_WH_TAGS = frozenset({"WP", "WDT", "WP$"})
# Words a mention cannot open with.
_NOT_MENTION_START_POS = frozenset({"VERB", "AUX", "ADP", "SCONJ", "CCONJ"})
# Words that end a role read leftwards from a name.
_NOT_ROLE_POS = frozenset({"DET", "PRON", "SCONJ", "VERB", "AUX", "NUM"})
# Openers a mention's text drops ("the", a quotation mark).
_OPENING_POS = frozenset({"DET", "PUNCT"})
_OPENING_DEPS = frozenset({"poss", "case", "det"})

PRONOUNS = PERSON_PRONOUNS | PLURAL_PRONOUNS | FIRST_SECOND | lexicon.OTHER_PRONOUNS


def is_pronoun(token: Token) -> bool:
    return token.pos_ == "PRON" or token.lower_ in PRONOUNS


def mention_tokens(head: Token) -> Span:
    """The mention around ``head``: its noun phrase, cut before appositions, relative clauses and
    anything after a comma, so "Stephane Dujarric, the spokesman" yields "Stephane Dujarric"."""
    doc = head.doc
    start = head.left_edge.i
    while start < head.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    # A line break ends a mention: a headline the parser runs into the next line ("…Over Zika
    # Virus\nChris Christie said") gives no words to the name below it.
    for tok in doc[start : head.i]:
        if tok.is_space and "\n" in tok.text:
            start = tok.i + 1
    end = head.i + 1
    for tok in doc[head.i + 1 : head.right_edge.i + 1]:
        # A relative pronoun opens the relative clause ("an official who ..."): it is no part
        # of the name, though the parser hangs it on the clause's verb, past the noun.
        if tok.tag_ in _WH_TAGS:
            break
        if tok.is_punct or tok.is_space or tok.dep_ in grammar.MENTION_END_DEPS:
            if tok.dep_ == "conj" and tok.head.i == head.i and tok.pos_ in grammar.NOUN_POS:
                end = tok.right_edge.i + 1  # "King and Weeks": both are the source
                continue
            if tok.dep_ == "cc" and tok.head.i == head.i:
                continue
            break
        end = tok.i + 1
    # A verb never starts a mention (inverted "said his spokesman" parses oddly at times).
    while start < head.i and doc[start].pos_ in _NOT_MENTION_START_POS:
        start += 1
    return doc[start:end]


def person_name_in(
    mention: Span, *, head_only: bool = True, person_evidence: bool = False
) -> Span | None:
    """The personal name a mention is headed by ("White House Press Secretary Stephanie
    Grisham" -> "Stephanie Grisham"), or None ("Carlineo's attorney" is not Carlineo).

    ``person_evidence`` (the context says it is a person: "X, who represents…", a title before
    it) accepts a name-shaped run the tagger labelled as an organisation."""
    if not len(mention):
        return None
    root = mention.root
    for ent in ents_in(mention):
        if ent.label_ == "PERSON" and (not head_only or ent.start <= root.i < ent.end):
            return _trim_titles(_strip_possessive(ent))
    if root.pos_ != "PROPN" or root.lower_ in ROLE_WORDS:
        return None
    if root.ent_type_ in NON_PERSON_ENTS and not (person_evidence and root.ent_type_ == "ORG"):
        return None
    # Unlabelled but shaped like a name: the run of capitalised proper nouns ending at the root.
    start = root.i
    doc = mention.doc
    while (
        start > mention.start
        and doc[start - 1].pos_ == "PROPN"
        and (doc[start - 1].is_title or _is_initial(doc[start - 1]))
    ):
        start -= 1
    end = root.i + 1
    while end < mention.end and _is_suffix(doc[end]):
        end += 1
    name = _trim_titles(doc[start:end])
    if any(t.lower_ in ORG_WORDS for t in name):
        return None
    allowed = {"ORG"} if person_evidence else set()
    if any(t.ent_type_ in NON_PERSON_ENTS - allowed for t in name):
        return None
    return name


NON_PERSON_ENTS = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "EVENT", "DATE"})


def _is_initial(tok: Token) -> bool:
    return len(tok.text) == 2 and tok.text[0].isupper() and tok.text[1] == "."


def _is_suffix(tok: Token) -> bool:
    return tok.text in lexicon.NAME_SUFFIXES


def _strip_possessive(span: Span) -> Span:
    end = span.end
    while end > span.start + 1 and span.doc[end - 1].lower_ in lexicon.POSSESSIVE_ENDINGS:
        end -= 1
    start = span.start
    while start < end - 1 and span.doc[start].lower_ in lexicon.LEADING_ARTICLES:
        start += 1
    return span.doc[start:end]


def _trim_titles(name: Span) -> Span:
    """Drop titles and labels before a name: "Sen. Ben Sasse", "Browns DL Sheldon Richardson",
    "Superintendent Jennifer McCormick"."""
    start = name.start
    doc = name.doc
    while name.end - start > 2 or (name.end - start == 2 and doc[start].lower_ in ROLE_WORDS):
        tok = doc[start]
        if not (
            tok.lower_ in ROLE_WORDS
            or (tok.is_upper and len(tok) > 1)
            or tok.tag_ == "NNPS"
            or tok.ent_type_ in NON_PERSON_ENTS
        ):
            break
        start += 1
    return doc[start : name.end]


def role_before_name(doc: Doc, name: Span) -> str | None:
    """A title written before a name: "Secretary of State Mike Pompeo", "China's ambassador to
    Britain Liu Xiaming", "Afghan President Ashraf Ghani"."""
    i = name.start - 1
    first = name.start
    while i >= 0:
        tok = doc[i]
        if tok.pos_ in _NOT_ROLE_POS or tok.lower_ in lexicon.TIME_CONJUNCTIONS:
            break
        if tok.is_punct and tok.text not in lexicon.NAME_PUNCTUATION:
            break
        if not (
            tok.is_title
            or tok.is_upper
            or tok.lower_ in ROLE_WORDS
            or tok.lower_ in lexicon.ROLE_JOINERS
            or tok.text == "."
            or tok.pos_ == "ADJ"
        ):
            break
        first = i
        i -= 1
    words = list(doc[first : name.start])
    while words and (words[0].lower_ in lexicon.ROLE_JOINERS):
        words.pop(0)
    if not words or not any(w.lower_ in ROLE_WORDS for w in words):
        return None
    return doc[words[0].i : words[-1].i + 1].text


def appositive_role(head: Token) -> str | None:
    """The role an apposition gives: "Stephane Dujarric, the spokesman" -> "spokesman"."""
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ in grammar.NOUN_POS and child.i > head.i:
            if child.ent_type_ == "PERSON":
                continue
            return role_text(child)
    return None


def role_text(head: Token) -> str | None:
    doc = head.doc
    start = head.left_edge.i
    end = head.i + 1
    # Keep "for the secretary-general" style complements but stop at a comma or clause.
    for tok in doc[head.i + 1 : head.right_edge.i + 1]:
        if tok.is_punct or tok.dep_ in grammar.MENTION_END_DEPS:
            break
        end = tok.i + 1
    while start < head.i and (
        doc[start].pos_ in _OPENING_POS
        or doc[start].dep_ in _OPENING_DEPS
        or any(t.dep_ == "case" for t in doc[start + 1 : start + 2])
    ):
        start += 1
    text = doc[start:end].text.strip()
    return text or None


def described_by_function(mention: Span, resolved_name: str | None) -> bool:
    """A speaker the text describes by function, not by name ("officials", "a spokesperson for
    the Foreign Office", "union representatives"). A confidence feature only: whether such a
    source is anonymous is the Reading's call (``sources``)."""
    if resolved_name or not len(mention):
        return False
    head = mention.root
    if is_pronoun(head) or person_name_in(mention) is not None:
        return False
    return head.lower_ in FUNCTION_NOUN_FORMS or head.lemma_.lower() in FUNCTION_NOUN_FORMS
