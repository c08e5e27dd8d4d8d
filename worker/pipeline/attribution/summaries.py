"""Statements the writer sums up by what they were about: `Bush attacked Trump`, `she defended
her vote`, `Clinton called for a ban`, `he talked about immigration`.

PARC 3.0 and PolNeAR annotate these as attributions whose content is the verb's object: the
reader learns that the source said something and what it was about, not the words. They come
after every finder of clausal content, whose cues they skip, and are typed ``summary`` so the
card says the words are the writer's summary.

A summary needs a verb of speech from ``lexicon.SUMMARY_VERBS`` with a nominal object (or
``SUMMARY_PREPOSITIONS``' prepositional object), a source that can speak, and the same blocks as
reported speech (negated, conditional, a participle on a noun). A few verbs count only with
objects that name a charge (``lexicon.SUMMARY_OBJECT_NOUNS``: "denied the allegations", not
"denied bail"). Besides a tensed verb, the statement may be an infinitive or a gerund a tensed
verb says was done ("went on to attack Trump", "continued to question his record"), or the
participle of a statement put out ("her statement condemning the test", "issued statements
condemning the attacks"), a gerund after "by"/"after"/"before"/"since"/"in" on a tensed verb
("after announcing his run, Rubio …"), a passive whose "by" phrase names the speaker ("the plan
was criticized by the union"), and "had nothing bad to say about X".
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from worker.pipeline import grammar, lexicon
from worker.pipeline.attribution.cues import SPEECH, cue_kind
from worker.pipeline.attribution.direct import nearest_subject
from worker.pipeline.attribution.object_tails import with_object_tail
from worker.pipeline.attribution.relation import Relation
from worker.pipeline.attribution.reported_speech import (
    _NO_SOURCE_PRONOUNS,
    _antecedent,
    before_occasion,
    content_span,
    is_blocked,
    source_of,
)
from worker.pipeline.attribution.scope import content_in_paragraph
from worker.pipeline.attribution.speakers import mention_tokens
from worker.pipeline.attribution.subjects import untagged_subject
from worker.pipeline.text import text_of

SUMMARY = "summary"
# Objects that say nothing of what was said ("announced it", "denied that").
_EMPTY_OBJECTS = frozenset({"it", "that", "this", "them", "so", "what", "which"})
_OBJECT_DEPS = frozenset({"dobj"})
_PREP_OBJECT_DEPS = frozenset({"pobj", "pcomp"})
_WHEN_ENTS = frozenset({"DATE", "TIME"})
_PERSON_ENTS = frozenset({"PERSON"})
_RELATIVE_DEPS = frozenset({"relcl"})
# How an infinitive or a gerund hangs on the verb that says it was carried out.
_CARRIED_DEPS = frozenset({"xcomp", "advcl"})
_UNTENSED_TAGS = frozenset({"VB", "VBG"})


def _object(cue: Token) -> tuple[Token, Token | None] | None:
    """The cue's object and the preposition before it, if any."""
    lemma = cue.lemma_.lower()
    if lemma in lexicon.SUMMARY_VERBS:
        for c in cue.children:
            if c.dep_ in _OBJECT_DEPS and c.i > cue.i and c.pos_ in grammar.NOMINAL_POS:
                return c, None
        subject = passive_subject(cue)
        if subject is not None:
            return subject, None
    nouns = lexicon.SUMMARY_OBJECT_NOUNS.get(lemma)
    if nouns:
        # "denied the allegations", "denies any wrongdoing": only a charge makes a denial a
        # statement ("denied bail", "denied him a permit" are acts).
        for c in cue.children:
            if c.dep_ in _OBJECT_DEPS and c.i > cue.i and c.lemma_.lower() in nouns:
                return c, None
    preps = lexicon.SUMMARY_PREPOSITIONS.get(lemma)
    if preps:
        for c in cue.children:
            if c.dep_ == "prep" and c.lower_ in preps and c.i > cue.i:
                obj = next((g for g in c.children if g.dep_ in _PREP_OBJECT_DEPS), None)
                if obj is not None:
                    return obj, c
            # "called for the United States to step up…": the parser makes "for" the mark of
            # an infinitive clause.
            if c.dep_ == "advcl" and c.i > cue.i:
                mark = next((g for g in c.children if g.dep_ == "mark" and g.lower_ in preps), None)
                if mark is not None and mark.i == cue.i + 1:
                    return c, mark
    return None


def passive_subject(cue: Token) -> Token | None:
    """ "The move was hotly criticized by left-leaning economists", "Sanders' stridency was
    echoed by O'Malley": the passive's subject is what the "by" phrase's speaker spoke about.
    Without a "by" phrase nobody is named ("the deal was criticized")."""
    if not any(c.dep_ == "auxpass" for c in cue.children):
        return None
    agent = next((c for c in cue.children if c.dep_ == "agent"), None)
    if agent is None or not any(g.dep_ == "pobj" for g in agent.children):
        return None
    subject = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.i > cue.i or subject.pos_ not in grammar.NOMINAL_POS:
        return None
    return subject


# How the parser hangs an infinitive on the verb instead of on the noun before it.
_INFINITIVE_DEPS = frozenset({"xcomp", "advcl"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})


def _with_infinitive(cue: Token, obj: Token, last: int) -> int:
    """Last token of the content with an infinitive that follows the object straight on ("defended
    his call to raise the minimum wage", "has called for the secretary to release the
    transcripts"): the parser hangs it on the verb, but it completes the noun, and PolNeAR's
    summary contents take it in. A pronoun takes no such complement ("endorsed him to help
    spread the word" says why); an infinitive that reports a clause of its own is a statement
    attributed on its own ("used the fees to call into question whether …")."""
    if obj.pos_ not in _NOUN_POS:
        return last
    doc = cue.doc
    for c in cue.children:
        if (
            c.dep_ in _INFINITIVE_DEPS
            and c.tag_ == "VB"
            and c.left_edge.i == last + 1
            and doc[c.left_edge.i].lower_ == "to"
            and not (cue_kind(c) == SPEECH and any(g.dep_ == "ccomp" for g in c.children))
        ):
            return c.right_edge.i
    return last


# Words that open a question clause coordinated with a topic ("immigration and how …"). Not
# "what", which as often opens the subject of the writer's next clause ("and what followed …").
_WH_OPENERS = frozenset({"how", "when", "where", "whether", "why"})


def _with_wh_coordinate(doc: Doc, last: int) -> int:
    """Last token of the content with a question clause coordinated with the object ("talked
    about housing and how it is changing the city", "opened up about her childhood and how her
    parents shaped her views"): the parser hangs the clause on the verb, but it is a second
    topic of the same statement; PolNeAR's summary contents run over both."""
    k = last + 1
    if k + 1 >= len(doc) or doc[k].lower_ not in ("and", "or") or doc[k].dep_ != "cc":
        return last
    wh = doc[k + 1]
    clause = wh.head
    if (
        wh.lower_ not in _WH_OPENERS
        or clause.pos_ not in grammar.VERB_POS
        or clause.dep_ != "conj"
        or clause.left_edge.i != wh.i
        or clause.i < wh.i
    ):
        return last
    return clause.right_edge.i


def _part_in(obj: Token) -> bool:
    """An object that takes part in something ("denied any role in the attacks")."""
    return obj.lemma_.lower() in lexicon.PART_NOUNS


def _called_on(cue: Token) -> tuple[int, int, Token] | None:
    """ "called on Sanders to release the transcripts": the one called on and what to do (token
    range), with the "on"."""
    if cue.lemma_.lower() not in lexicon.CALL_ON_VERBS:
        return None
    on = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ == "on"), None)
    todo = next((c for c in cue.children if c.dep_ == "xcomp"), None)
    if on is None or todo is None or not on.i < todo.i:
        return None
    obj = next((g for g in on.children if g.dep_ == "pobj"), None)
    if obj is None:
        return None
    return obj.left_edge.i, todo.right_edge.i, on


def _tensed(verb: Token) -> bool:
    """A verb with a tense of its own ("attacked", "has attacked", "is attacking", and the
    verbs coordinated with one): "to attack X", "began attacking X", "bent on attacking" are
    plans and descriptions, not statements."""
    while verb.dep_ == "conj" and verb.head.pos_ in grammar.VERB_POS:
        if verb.tag_ in grammar.FINITE_VERB_TAGS or any(
            c.dep_ in grammar.AUX_DEPS for c in verb.children
        ):
            break
        verb = verb.head
    if verb.tag_ in grammar.FINITE_VERB_TAGS:
        return True
    return any(
        c.dep_ in grammar.AUX_DEPS and c.lower_ != "to" and c.tag_ != "TO" for c in verb.children
    )


def _accompanying(verb: Token) -> bool:
    """A participle that tells what the subject of a tensed verb did in saying it: "…," said
    Cardenas, referring to Trump", "he spoke for an hour, citing low growth", "defended the ban
    by citing a poll". The statement is as real as its head's, unlike "began citing"."""
    if verb.tag_ != "VBG":
        return False
    if verb.dep_ == "conj" and verb.head.tag_ == "VBG":
        # "criticizing the pipeline and calling for a ban": the coordinate rides on the same
        # tensed verb as the participle before it.
        return not any(c.dep_ in ("nsubj", "aux") for c in verb.children) and _accompanying(
            verb.head
        )
    head = verb.head
    on_prep = verb.dep_ == "pcomp" and _statement_preposition(head)
    if on_prep:
        # "defended the ban by citing a poll", "after announcing his run, Rubio …": the
        # preposition hangs on the tensed verb whose subject made the statement.
        head = head.head
    if not _tensed(head) or head.pos_ not in grammar.VERB_POS:
        return False
    if verb.dep_ == "advcl":
        return not any(c.dep_ in ("mark", "nsubj", "aux") for c in verb.children)
    return on_prep and not any(c.dep_ in ("nsubj", "aux") for c in verb.children)


def _statement_preposition(prep: Token) -> bool:
    """ "by citing", "after announcing", "before endorsing": a preposition whose gerund is a
    statement its head verb's subject made ("without mentioning" is one not made)."""
    word = prep.lower_
    return word == "by" or (prep.dep_ == "prep" and word in lexicon.GERUND_STATEMENT_PREPOSITIONS)


def _carried_out(verb: Token) -> bool:
    """An infinitive or a gerund that a tensed verb says was done: "went on to attack Trump",
    "continued to question his temperament", "took to the talk shows to defend the remark", "used
    his speech to call for a ban", "spent the hour mocking Bush". Unlike "plans to attack" or
    "is expected to endorse", the statement was made."""
    if verb.dep_ not in _CARRIED_DEPS or verb.tag_ not in _UNTENSED_TAGS:
        return False
    head = verb.head
    if head.lemma_.lower() not in lexicon.CARRYING_OUT_VERBS or head.pos_ not in grammar.VERB_POS:
        return False
    if verb.tag_ == "VB" and not any(c.lower_ == "to" for c in verb.children):
        return False
    if head.lower_ == "going" or any(c.dep_ == "auxpass" for c in head.children):
        # "is going to defend" is a future; "the term was used to describe" says nothing of
        # who used it.
        return False
    if head.lemma_.lower() in lexicon.CARRYING_OUT_WITH_OBJECT and not any(
        c.dep_ == "dobj" for c in head.children
    ):
        # "a term Rubio has used to describe Trump": the relative clause's object is the term,
        # a habit of speech, not the statement.
        return False
    return _tensed(head) and not is_blocked(head)


def _document_speaker(verb: Token) -> Token | None:
    """Who speaks through the statement a participle hangs on: "her statement condemning the
    test", "all three candidates issued statements condemning the attacks", "he gave a speech
    attacking the nominee". A document with no speaker ("a statement praising the mayor") or
    one found somewhere ("ads attacking him ran") is left."""
    noun = verb.head
    if verb.tag_ != "VBG" or verb.dep_ != "acl" or noun.i > verb.i:
        return None
    if noun.lemma_.lower() not in lexicon.SPEAKING_DOCUMENTS:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner if owner.lower_ not in lexicon.FIRST_SECOND else None
    maker = noun.head
    if noun.dep_ != "dobj" or maker.lemma_.lower() not in lexicon.DOCUMENT_MAKING_VERBS:
        return None
    if not _tensed(maker) or is_blocked(maker):
        return None
    subject = nearest_subject(maker)
    return _antecedent(subject) if subject is not None else None


def _relative_statement(verb: Token) -> bool:
    """ "Sanders, who on Tuesday endorsed Clinton": a relative clause whose own subject is the
    relative pronoun standing for its speaker; "the man whom Obama mentioned" is not one, nor a
    habit in the present ("a candidate who routinely ridicules losers", "a writer who writes
    about credit"), which describes the speaker rather than reports a statement."""
    if verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in grammar.AUX_DEPS for c in verb.children):
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in lexicon.RELATIVE_PRONOUNS for c in verb.children)


def _had_to_say(verb: Token) -> tuple[Token, tuple[Token, Token]] | None:
    """ "The farmer had nothing bad to say about the mayor", "speakers have had kind words to
    say about his candidacy": what the subject of "have" said of a topic, as (speaker, (topic,
    "about")). The infinitive hangs on the object of a tensed "have"; "will have more to say
    about it" with an empty topic is dropped by the caller."""
    if verb.lemma_.lower() != "say" or verb.tag_ != "VB" or verb.dep_ not in ("relcl", "acl"):
        return None
    noun, have = verb.head, verb.head.head
    if noun.dep_ != "dobj" or have.lemma_.lower() != "have" or not _tensed(have):
        return None
    if is_blocked(have):
        return None
    about = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "about"), None)
    topic = None if about is None else next((g for g in about.children if g.dep_ == "pobj"), None)
    subject = nearest_subject(have)
    if topic is None or subject is None:
        return None
    return _antecedent(subject), (topic, about)


def find_summaries(doc: Doc, used_cues: set[int]) -> list[Relation]:
    relations: list[Relation] = []
    text = text_of(doc)
    for tok in doc:
        if tok.i in used_cues or tok.pos_ not in grammar.VERB_POS:
            continue
        issuer = _document_speaker(tok)
        said_of = _had_to_say(tok)
        if said_of is not None:
            issuer = said_of[0]
        if (
            not _tensed(tok)
            and not _accompanying(tok)
            and not _carried_out(tok)
            and issuer is None
            and tok.lemma_.lower() not in lexicon.TOPIC_SPEECH_VERBS
        ):
            continue
        called_on = _called_on(tok)
        found = _object(tok) if called_on is None else (tok.doc[called_on[0]], called_on[2])
        if said_of is not None:
            found = said_of[1]
        if found is None or is_blocked(tok):
            continue
        obj, prep = found
        if obj.lower_ in _EMPTY_OBJECTS and obj.n_lefts + obj.n_rights == 0:
            continue
        if tok.lemma_.lower() in lexicon.GESTURE_VERBS and (
            obj.pos_ == "PRON" or obj.ent_type_ in _PERSON_ENTS
        ):
            continue  # "pointed to me": a gesture, not a ground cited
        if obj.ent_type_ in _WHEN_ENTS or (
            tok.dep_ in _RELATIVE_DEPS and not _relative_statement(tok) and said_of is None
        ):
            # "spoke on June 14"; "Christie, who endorsed him last week": the relative
            # clause describes its noun, the sentence is about something else.
            continue
        first, last = obj.left_edge.i, obj.right_edge.i
        if called_on is not None:
            first, last = called_on[0], called_on[1]
        elif prep is not None and prep.dep_ == "mark":
            first = prep.i + 1
        if obj.i > tok.i and (prep is None or prep.dep_ == "prep"):
            more = [
                c
                for c in tok.children
                if c.i > obj.i
                and c.dep_ == "prep"
                and (
                    c.lower_ in lexicon.SUMMARY_OBJECT_PREPOSITIONS
                    # "denied any role in the attacks": the parser hangs the charge's "in" on
                    # the verb.
                    or (c.lower_ == "in" and c.i == obj.right_edge.i + 1 and _part_in(obj))
                    # "expressed her stance in support of the workers": a stance's side is
                    # the statement's, never a time or a place.
                    or (
                        c.lower_ == "in"
                        and c.i == obj.right_edge.i + 1
                        and any(g.lemma_.lower() in lexicon.STANCE_SIDE_NOUNS for g in c.children)
                    )
                )
                # ", with Republicans taking shots at …": after a comma, the writer's aside
                and not (c.lower_ in lexicon.ASIDE_PREPOSITIONS and doc[c.i - 1].text == ",")
            ]
            if more:
                last = max(c.right_edge.i for c in more)
            last = _with_infinitive(tok, obj, last)
            last = _with_wh_coordinate(doc, last)
        last = with_object_tail(tok, last)
        last = before_occasion(doc, first, last)
        source = issuer or source_of(tok) or untagged_subject(tok)
        if source is None or (source.pos_ == "PRON" and source.lower_ in _NO_SOURCE_PRONOUNS):
            continue
        if source.lower_ in lexicon.WH_PRONOUNS:
            continue
        piece = content_span(doc, first, last + 1)
        if piece is None and last == first:
            piece = (obj.idx, obj.idx + len(obj.text))
        if piece is None:
            continue
        mention = mention_tokens(source)
        content = content_in_paragraph(text, tok.idx, mention, piece, 2)
        if content is None:
            continue
        # The cue is the verb with its preposition when they stand together ("called for").
        joined = prep is not None and prep.i == tok.i + 1 and prep.dep_ != "mark"
        end = prep.idx + len(prep.text) if joined else tok.idx + len(tok.text)
        pieces = [content]
        if obj.i < tok.i:
            pieces += _passive_predicates(tok, mention)
        relations.append(Relation(SUMMARY, (tok.idx, end), SPEECH, mention, pieces, tok.i))
    return relations


def _passive_predicates(cue: Token, mention: Span) -> list[tuple[int, int]]:
    """ "Trump has been criticized by his rivals for failing to campaign": the "for"/"as"/
    "over" phrase after a passive summary's "by" phrase is the rest of what was said about its
    subject (PolNeAR's content runs from the subject over it, less cue and source)."""
    doc = cue.doc
    out = []
    for c in cue.children:
        if c.dep_ != "prep" or c.i < cue.i or c.lower_ not in lexicon.SUMMARY_OBJECT_PREPOSITIONS:
            continue
        piece = content_span(doc, c.i, c.right_edge.i + 1)
        overlaps = piece is not None and mention.start_char < piece[1]
        if piece is not None and not (overlaps and piece[0] < mention.end_char):
            out.append(piece)
    return out
