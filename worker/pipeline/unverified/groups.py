"""People who speak or think as a group, or who asked not to be named: the weasel and
anonymous-source cues the source reader cannot see because it reads the speaker as named
("Clinton campaign aides believe", "Digital experts said") or never reaches the cue
("Republican strategists concede", "Trump allies were hopeful"), and the speaker the sentence
itself says is kept anonymous ("said the woman, who spoke on condition of anonymity").
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Token

from worker.pipeline import grammar, lexicon
from worker.pipeline.unverified.negatives import told_by_named
from worker.pipeline.unverified.rule import Candidate, Rule, Sentence, Signal, cue
from worker.pipeline.unverified.secondhand import _vague_source, view_as_topic

_MODALS = frozenset({"may", "might", "could", "can", "will", "'ll", "would", "should", "must"})
# Bodies that make a group theirs ("economists at Goldman Sachs"): the body can be asked.
_BODY_ENTS = frozenset({"ORG", "FAC"})
_SAY = frozenset({"say", "tell"})
_QUOTES = frozenset({'"', "\u201c", "\u201d", "''", "``"})
_RELATIVE_TAGS = frozenset({"WDT", "WP"})
_OBJECT_DEPS = frozenset({"dobj", "nsubj"})
_CLAUSE_HEAD_DEPS = frozenset({"ROOT", "ccomp", "conj", "relcl"})
_BEFORE_CLAUSE_POS = frozenset({"PUNCT", "CCONJ", "SCONJ", "ADV"})
_VIEW_OBJECT_DEPS = frozenset({"ccomp", "dobj"})
# The words of a group's noun phrase ("senior Democrats and some Clinton allies").
_GROUP_PHRASE_POS = frozenset({"ADJ", "CCONJ", "DET", "NOUN", "PROPN"})
# "leads experts to suspect" (xcomp on the verb) and "leaves many wondering" (on the object)
_VIEW_CLAUSE_DEPS = frozenset({"xcomp", "ccomp", "acl", "advcl"})


def _group_subject(verb: Token) -> Token | None:
    """The verb's subject when it is an unnamed group of people: a plural noun of
    ``GROUP_HEADS`` ("strategists", "Clinton allies", "her advisers"), not pointed back to
    ("the experts", "these voters"), not a person's name, not the people of a named body."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    # "NAFTA, which many voters believe hurt workers": the parser hangs the relative pronoun on
    # the view verb too; the group is the subject that is no relative pronoun
    subj = next((c for c in subjects if c.tag_ not in _RELATIVE_TAGS), None)
    if subj is None and verb.dep_ == "conj":
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return None if subj is None else _unnamed_group(subj)


def _unnamed_group(subj: Token) -> Token | None:
    """``subj`` (or the group it counts or joins) when it is an unnamed group of people."""
    if subj.lower_ in lexicon.VAGUE_PRONOUNS - {"those"} and subj.tag_ != "PRP":
        return subj  # "many fear", "some view it as", "others argue"
    if subj.lemma_.lower() in lexicon.COLLECTIVE_HEADS:
        # "a wide array of economists say": the group is what the collective noun counts
        of = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        subj = next((g for g in of.children if g.dep_ == "pobj"), subj) if of else subj
    if subj.pos_ == "PRON" or subj.ent_type_ == "PERSON":
        # "he and many union members see as": the group joined to a named speaker; not "Sanders
        # and his aides believe", the speaker's own people, whose view is the speaker's
        group = next((c for c in subj.children if c.dep_ == "conj"), subj)
        if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in group.children):
            return None
        subj = group
    if subj.tag_ not in grammar.PLURAL_NOUN_TAGS:
        return None
    lemma = subj.lemma_.lower()
    if subj.tag_ == "NNPS":
        lemma = lemma.removesuffix("s")  # the tagger leaves "Democrats" as its own lemma
    if lemma not in lexicon.GROUP_HEADS or subj.ent_type_ in ("PERSON", "ORG"):
        return None
    for c in subj.children:
        if c.dep_ in grammar.DETERMINER_DEPS and c.lower_ in lexicon.GROUP_POINTING_DETERMINERS:
            return None
        if c.dep_ == "appos" or c.dep_ == "nummod":
            return None  # "advisers, Jane Doe and...": named; "two aides": counted insiders
        if c.dep_ == "prep" and any(
            g.pos_ == "PROPN" and g.ent_type_ in _BODY_ENTS for g in c.subtree
        ):
            return None  # "economists at Goldman Sachs": the named body's people
    return subj


def _asserted(verb: Token, s: Sentence) -> bool:
    """The view is reported as held: no modal ("others may argue"), no condition ("if experts
    say"), not inside a quotation."""
    if s.quoted(verb.idx):
        return False
    if verb.tag_ == "VB" and not any(c.lemma_ == "do" for c in verb.children):
        return False  # "to allow leaders to claim a victory": a purpose, not a view reported
    heads = [verb, verb.head] if verb.dep_ in ("xcomp", "conj") else [verb]
    for v in heads:
        for c in v.children:
            if c.dep_ in grammar.AUX_DEPS and c.lower_ in _MODALS:
                return False
            if c.dep_ == "mark" and c.lower_ in lexicon.CONDITION_MARKS:
                return False
    return True


def _self_report(verb: Token) -> bool:
    """ "some said they felt dejected", "people say, 'I'm on meth'": people telling their own
    state or speaking in quotation marks, which the labelling rules leave unflagged."""
    if verb.lemma_.lower() not in _SAY:
        return False
    doc = verb.doc
    nxt = [t for t in doc[verb.i + 1 : verb.i + 3] if not t.is_punct or t.text in _QUOTES]
    if nxt and nxt[0].text in _QUOTES:
        return True
    # the complement after the verb ("said they felt"), not a claim before it that the group
    # comments on ("they scare employees into silence, legal experts say")
    return any(
        g.dep_ in grammar.SUBJECT_DEPS and g.lower_ in lexicon.SELF_REPORT_SUBJECTS
        for c in verb.children
        if c.dep_ in grammar.COMPLEMENT_DEPS and c.i > verb.i
        for g in c.children
    )


def _cue_of(subj: Token, last: Token) -> Candidate:
    first = subj.left_edge if subj.left_edge.i >= subj.i - 4 else subj
    return cue(first, last)


def _group_view(s: Sentence, found: Sequence[Signal]) -> Iterator[Candidate]:
    """ "Republican strategists concede that", "Clinton campaign aides believe", "legal experts
    say", "most economists assess its impact as modest", "Trump allies were hopeful that"."""
    if any(f.type == "weasel" for f in found):
        return  # the vague-group rules already found the group
    for verb in s.having(lexicon.GROUP_OPINION_VERBS):
        lemma = verb.lemma_.lower()
        if lemma not in lexicon.GROUP_OPINION_VERBS or verb.pos_ != "VERB":
            continue
        if lemma in lexicon.AS_VIEW_VERBS and not any(t.lower_ == "as" for t in verb.subtree):
            continue  # "many see him as the stronger candidate", not "voters saw the ad"
        subj = _group_subject(verb)
        if subj is None or not _asserted(verb, s) or _self_report(verb):
            continue
        if view_as_topic(verb):
            continue  # "more delegates than her advisers expected": compared with, not held
        if lemma in lexicon.ACT_NOT_VIEW_VERBS and not any(
            c.dep_ in grammar.COMPLEMENT_DEPS or c.lower_ == "as" for c in verb.children
        ):
            continue  # "some followers questioned her identity": an act, not a view
        if not told_by_named(s, _cue_of(subj, verb)):
            yield _cue_of(subj, verb)
        return
    for word in s.having(lexicon.GROUP_OPINION_VERBS):
        pronoun = _pronoun_before_verb_read_as_noun(word)
        if pronoun is not None and not s.quoted(word.idx):
            yield cue(pronoun, word)
            return
    for adj in s.having(lexicon.GROUP_MOOD_ADJECTIVES):
        if adj.lemma_.lower() not in lexicon.GROUP_MOOD_ADJECTIVES or adj.dep_ != "acomp":
            continue
        subj = _group_subject(adj.head)
        if subj is not None and _asserted(adj.head, s) and not told_by_named(s, _cue_of(subj, adj)):
            yield _cue_of(subj, adj)
            return


def _pronoun_before_verb_read_as_noun(word: Token) -> Token | None:
    """ "Many fear Trump will ...", "Some view his nomination as ...": the parser reads the view
    verb after a bare quantifier as a noun ("many fears") heading the clause; its clause or
    object shows it is the verb. The quantifier, when so."""
    if word.pos_ != "NOUN" or word.tag_ != "NN" or word.i == 0:
        return None
    if word.dep_ not in _CLAUSE_HEAD_DEPS:
        return None
    before = word.doc[word.i - 1]
    if before.head.i != word.i or before.lower_ not in lexicon.VAGUE_PRONOUNS - {"those"}:
        return None
    if before.i > word.sent.start and before.nbor(-1).pos_ not in _BEFORE_CLAUSE_POS:
        return None  # "the many fear tactics": a noun phrase, not a clause
    if not any(c.dep_ in _VIEW_OBJECT_DEPS for c in word.children):
        return None
    return before


def _stirred_group(s: Sentence, found: Sequence[Signal]) -> Iterator[Candidate]:
    """ "This leads many cyber experts to suspect that", "leaving many to wonder whether", "has
    led some allies to worry": the sentence hands an unnamed group a view. Not a named person
    ("led Smith to suspect") nor a group the story points back to ("led the experts to")."""
    if any(f.type == "weasel" for f in found):
        return
    for verb in s.having(lexicon.STIRRING_VERBS):
        if verb.lemma_.lower() not in lexicon.STIRRING_VERBS or verb.pos_ != "VERB":
            continue
        if s.quoted(verb.idx):
            continue
        group = next(
            (c for c in verb.children if c.dep_ in _OBJECT_DEPS and _unnamed_group(c) is not None),
            None,
        )
        if group is None:
            continue
        view = next(
            (
                c
                for c in (*verb.children, *group.children)
                if c.dep_ in _VIEW_CLAUSE_DEPS
                and c.lemma_.lower() in lexicon.GROUP_OPINION_VERBS
                and c.pos_ == "VERB"
            ),
            None,
        )
        if view is None:
            continue
        if any(c.dep_ in grammar.AUX_DEPS and c.lower_ in _MODALS for c in verb.children):
            continue  # "could lead some to believe": a possibility, not a view held
        yield cue(group.left_edge if group.left_edge.i >= group.i - 4 else group, view)
        return


def _group_concern(s: Sentence, found: Sequence[Signal]) -> Iterator[Candidate]:
    """ "there is mounting anxiety among senior Democrats that", "sparking fears among
    progressive economists that", "suspicions persist that": a fear or doubt given to an
    unnamed group, or to no one. Not a named holder's ("Trump's fears", "fears among Pentagon
    officials") nor one inside a quotation."""
    if any(f.type == "weasel" for f in found):
        return
    for noun in s.having(lexicon.GROUP_CONCERN_NOUNS):
        if noun.lemma_.lower() not in lexicon.GROUP_CONCERN_NOUNS or noun.pos_ != "NOUN":
            continue
        if s.quoted(noun.idx) or any(c.dep_ == "poss" for c in noun.children):
            continue
        among = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "among"), None)
        holders = [g for g in among.children if g.dep_ == "pobj"] if among is not None else []
        if holders:
            # "anxiety among fundraisers about meeting the goal" is a mood; "fears among
            # economists that he will..." gives them a view of what is so
            if _unnamed_group(holders[0]) is not None and (
                _has_content_clause(noun) or _clause_after(holders[0])
            ):
                yield cue(noun, holders[0])
                return
            continue
        spreads = (
            noun.dep_ == "nsubj"
            and noun.head.lemma_.lower() in lexicon.VIEW_SPREAD_VERBS
            and noun.tag_ == "NNS"
            and _has_content_clause(noun)
        )
        if spreads and not any(
            c.dep_ in grammar.AUX_DEPS and c.lower_ in _MODALS for c in noun.head.children
        ):
            yield cue(noun, noun.head)
            return


def _has_content_clause(noun: Token) -> bool:
    """ "suspicions persist that there was ...": the view's content follows as a clause, on the
    noun or (as the parser often hangs it) on the verb after it."""
    for head in (noun, noun.head):
        for c in head.children:
            if c.dep_ in grammar.NOUN_CLAUSE_DEPS | grammar.COMPLEMENT_DEPS and any(
                g.dep_ == "mark" and g.lower_ in ("that", "whether") for g in c.children
            ):
                return True
    return False


def _clause_after(holder: Token) -> bool:
    """ "anxiety among senior Democrats and some Clinton allies that the firewall ...": the
    clause right after the holders, wherever the parser hangs it."""
    doc = holder.doc
    i = holder.i + 1
    while i < len(doc) and doc[i].pos_ in _GROUP_PHRASE_POS:
        i += 1
    return i < len(doc) and doc[i].lower_ in ("that", "whether")


def _anonymity_phrase(s: Sentence) -> tuple[int, int] | None:
    text = s.span.text
    lower = text.lower().replace("\u2019", "'")
    for phrase in lexicon.ANONYMITY_PHRASES:
        at = lower.find(phrase)
        if at >= 0:
            start = s.span.start_char + at
            return start, start + len(phrase)
    return None


def _spoke_anonymously(s: Sentence, found: Sequence[Signal]) -> Iterator[Candidate]:
    """ "said the woman, who spoke on the condition of anonymity", "a White House official who
    spoke anonymously said": the sentence says its speaker asked not to be named. Only when
    someone tells something in it: "Senior officials spoke only on condition of anonymity
    because..." says how the reporting was done, not what was said."""
    if any(f.type == "anonymous_source" for f in found):
        return
    at = _anonymity_phrase(s)
    if at is None or s.quoted(at[0]):
        return
    tells = any(t.lower_ == "according" for t in s.tokens) or any(
        v.lemma_.lower() in lexicon.SOURCE_VERBS
        and v.pos_ in grammar.VERB_POS
        and (
            any(c.dep_ in grammar.COMPLEMENT_DEPS for c in v.children)
            or any(s.quoted(t.idx) for t in s.tokens)
        )
        for v in s.tokens
    )
    if tells:
        yield Candidate(*at)


def _unnamed_person(noun: Token, marked: bool) -> bool:
    """ "someone in attendance", "one of his senior aides", "a campaign adviser": one person
    the article does not name. A body named in the phrase ("a Crossroads official") makes the
    body the source unless the sentence says the person asked not to be named."""
    lower = noun.lower_
    if lower in lexicon.INDEFINITE_PEOPLE:
        return True
    if lower in lexicon.SMALL_COUNTS:
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        group = next((g for g in of.children if g.dep_ == "pobj"), None) if of else None
        return group is not None and group.lemma_.lower() in lexicon.UNNAMED_PERSON_HEADS
    if noun.lemma_.lower() not in lexicon.UNNAMED_PERSON_HEADS or noun.tag_ != "NN":
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an", "one") for c in noun.children):
        return False
    if any(c.dep_ == "appos" for c in noun.children):
        return False  # "an aide, Jane Doe": named after all
    named = any(
        t.pos_ == "PROPN" and t.ent_type_ in _BODY_ENTS for t in noun.subtree if t.i < noun.i
    )
    return marked or not named


def _according_to_unnamed(s: Sentence, found: Sequence[Signal]) -> Iterator[Candidate]:
    """ "according to one of his senior aides", "according to someone in attendance",
    "according to a campaign official who wasn't authorized to speak publicly"."""
    if any(f.type == "anonymous_source" for f in found):
        return
    marked = _anonymity_phrase(s) is not None
    for tok in s.having({"according"}):
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        noun = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
        if noun is None or s.quoted(noun.idx) or noun.ent_type_ == "PERSON":
            continue
        if _unnamed_person(noun, marked):
            yield cue(tok, noun)
            return


GROUP_ANONYMOUS_RULES = (
    Rule(
        "according_to_unnamed",
        "anonymous_source",
        'The source, "{cue}", is not named, so readers cannot judge or check it.',
        _according_to_unnamed,
    ),
    Rule(
        "spoke_anonymously",
        "anonymous_source",
        '"{cue}": the article says its source asked not to be named, so readers cannot judge'
        " or check it.",
        _spoke_anonymously,
    ),
)


def _they_of_a_group(s: Sentence, found: Sequence[Signal]) -> Iterator[Candidate]:
    """ "Many Republicans doubt the plan. They say it will raise prices": "they" points back to
    the unnamed group of the sentence before, so the view is still nobody's the reader can
    check (issue 14's weasel). Only when that sentence gives a view or a word to an unnamed
    group and names no source; people telling their own state ("they say they felt") and
    views under a modal or condition stay unflagged, as for the group itself."""
    if s.index == 0 or any(f.type == "weasel" for f in found):
        return
    for they in s.having(_THEY):
        if they.dep_ != "nsubj" or they.lower_ not in _THEY or s.quoted(they.idx):
            continue
        verb = they.head
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or (lemma not in lexicon.GROUP_OPINION_VERBS and lemma not in _SAY):
            continue
        if not _asserted(verb, s) or _self_report(verb) or view_as_topic(verb):
            continue
        if any(m.named and m.head.i != they.i for m in s.sources):
            continue  # "they say, according to a Gallup poll": a named source carries it
        if _group_speaks_before(s):
            yield cue(they, verb)
            return


_THEY = frozenset({"they"})


def _group_speaks_before(s: Sentence) -> bool:
    """The sentence before is a weasel of its own: the vague-group rules flag it."""
    i = s.index - 1
    reading = s.reading
    before = Sentence(
        span=reading.sentences[i],
        index=i,
        reading=reading,
        sources=reading.sources[i],
        attributions=reading.attributions[i],
        paragraph_sourced=s.paragraph_sourced,
        other_named_report=False,
    )
    return any(
        next(iter(detect(before, ())), None) is not None
        for detect in (_vague_source, _group_view, _group_concern)
    )


GROUP_WEASEL_RULES = (
    Rule(
        "group_view",
        "weasel",
        '"{cue}": the view is given to a group of people the article does not name, so nobody'
        " stands behind it.",
        _group_view,
    ),
    Rule(
        "stirred_group",
        "weasel",
        '"{cue}": the article says an unnamed group has come to hold this view, without saying'
        " who they are.",
        _stirred_group,
    ),
    Rule(
        "group_concern",
        "weasel",
        '"{cue}": the article does not say whose fear or doubt this is, so nobody stands'
        " behind it.",
        _group_concern,
    ),
    Rule(
        "they_of_a_group",
        "weasel",
        '"{cue}": "they" are the unnamed group of the sentence before, so nobody the reader can'
        " check stands behind this view.",
        _they_of_a_group,
    ),
)
