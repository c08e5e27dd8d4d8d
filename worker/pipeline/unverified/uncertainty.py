"""What the text itself says is unsure: ``unconfirmed`` ("could not be independently verified",
"hard for the UN to confirm") and ``hedged`` ("may have been involved", "is believed to",
"it was not clear whether")."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from spacy.tokens import Span, Token

from worker.pipeline import grammar, lexicon
from worker.pipeline.unverified.negatives import (
    is_concessive,
    is_correction_note,
    named_cover,
    subject_person,
)
from worker.pipeline.unverified.rule import Candidate, Detect, Rule, Sentence, Signal, cue

# Words between a modal and its verb.
_FILLER_POS = frozenset({"ADV", "AUX", "CCONJ", "PART"})
_COUNTERFACTUAL_TAGS = frozenset({"VBD", "MD", "VBN"})
_CONCESSION_DEPS = frozenset({"prep", "mark"})
# A participle used as an adjective ("the alleged attacker").
_ATTRIBUTIVE_DEPS = frozenset({"amod", "compound"})
_PREDICATIVE_DEPS = frozenset({"acomp", "attr", "ROOT"})
_IT_DEPS = frozenset({"nsubj", "expl"})
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})
_IT_SUBJECT_DEPS = _IT_DEPS | {"nsubjpass"}


def _confirm_verbs(s: Sentence) -> Iterator[Token]:
    for tok in s.having(lexicon.CONFIRM_VERBS):
        if tok.lemma_.lower() in lexicon.CONFIRM_VERBS and tok.pos_ in grammar.VERB_POS:
            yield tok


def _cannot_confirm(s: Sentence, found: Sequence[Signal]) -> Iterator[Candidate]:
    """ "hard for the UN to confirm", "impossible to know whether", "unable to verify"."""
    for tok in _confirm_verbs(s):
        blocker = _blocker(tok)
        if blocker is not None and not _about_the_future(tok):
            yield cue(blocker, tok)
        elif blocker is None:
            hit = _no_one_can(tok)
            if hit is not None:
                yield hit


def _no_one_can(verb: Token) -> Candidate | None:
    """ "there is no way to know what other firms were queried", "no one knows for sure": the
    text says nobody can check it, now ("no one knew at first whether" tells of a past gap).
    Only with what is to be known ("whether", "how many", "for sure"), not "no way to know her"
    or "nobody knew him"."""
    if not (_has_wh_complement(verb) or _for_sure(verb)) or _about_the_future(verb):
        return None
    head = verb.head
    if (
        verb.dep_ in ("acl", "relcl")
        and head.lower_ == "way"
        and any(c.lower_ == "no" for c in head.children)
    ):
        return cue(next(c for c in head.children if c.lower_ == "no"), verb)
    if verb.tag_ not in _PRESENT_TAGS:
        return None  # "no one knew at first whether ...": not known then, found out since
    for c in verb.children:
        if c.dep_ != "nsubj":
            continue
        if c.lower_ in lexicon.NO_ONE_SUBJECTS:
            return cue(c, verb)
        if c.lower_ == "one" and any(g.lower_ == "no" for g in c.children):
            return cue(next(g for g in c.children if g.lower_ == "no"), verb)
    return None


def _for_sure(verb: Token) -> bool:
    """ "knows for sure", "know for certain"."""
    return any(
        c.lower_ == "for" and any(g.lower_ in ("sure", "certain") for g in c.children)
        for c in verb.children
    )


def _about_the_future(verb: Token) -> bool:
    """ "will not be confirmed" (a vote ahead), "hard to know where donors will put their money":
    a question about what is to come, not a claim nobody can check."""
    if any(c.dep_ == "aux" and c.lower_ in lexicon.FUTURE_AUXILIARIES for c in verb.children):
        return True
    return any(
        g.dep_ == "aux" and g.lower_ in lexicon.FUTURE_AUXILIARIES
        for c in verb.children
        if c.dep_ in grammar.COMPLEMENT_DEPS and c.i > verb.i
        for g in c.children
    )


def _not_confirmed(s: Sentence, found: Sequence[Signal]) -> Iterator[Candidate]:
    """ "could not be independently verified", "declined to confirm", "no confirmation"."""
    for tok in s.having(_NOT_CONFIRMED_WORDS):
        lemma = tok.lemma_.lower()
        if lemma in lexicon.CHECKABLE_ADJECTIVES or tok.lower_ in lexicon.CHECKABLE_ADJECTIVES:
            neg = _negated_adjective(tok)
            if neg is not None:
                yield cue(neg, tok)
        elif lemma in lexicon.CONFIRM_VERBS and tok.pos_ in grammar.VERB_POS:
            if _blocker(tok) is not None or _about_the_future(tok):
                continue
            checkable = lemma in lexicon.CHECKING_VERBS or (
                lemma in lexicon.FINDING_OUT_VERBS and _has_wh_complement(tok)
            )
            neg = _negation(tok) if checkable else None
            if neg is not None:
                yield cue(neg, tok)
        elif lemma in _CONFIRMATION_NOUNS and any(c.lower_ == "no" for c in tok.children):
            yield cue(next(c for c in tok.children if c.lower_ == "no"), tok)


_CONFIRMATION_NOUNS = lexicon.CONFIRMATION_NOUNS | lexicon.CORROBORATION_NOUNS
_NOT_CONFIRMED_WORDS = lexicon.CONFIRM_WORDS | _CONFIRMATION_NOUNS | lexicon.CHECKABLE_ADJECTIVES


def _negated_adjective(adj: Token) -> Token | None:
    """ "many of which aren't confirmable": the adjective's verb is negated."""
    if adj.dep_ not in _PREDICATIVE_DEPS:
        return None
    be = adj.head if adj.dep_ != "ROOT" else adj
    return next((c for c in be.children if c.dep_ == "neg"), None)


def _disputed(s: Sentence, found: Sequence[Signal]) -> Iterator[Candidate]:
    """ "the figure has been disputed": the text says it is not established."""
    for tok in s.having(lexicon.DISPUTE_VERBS):
        if (
            tok.lemma_.lower() in lexicon.DISPUTE_VERBS
            and tok.tag_ == "VBN"
            and any(c.dep_ == "auxpass" for c in tok.children)
            and not any(c.dep_ == "neg" for c in tok.children)
        ):
            yield cue(next(c for c in tok.children if c.dep_ == "auxpass"), tok)


def _unconfirmed_label(s: Sentence, found: Sequence[Signal]) -> Iterator[Candidate]:
    """ "unconfirmed reports", "unverified claims" (not in a note about a past correction)."""
    labels = [
        t
        for t in s.having(lexicon.UNCONFIRMED_ADJECTIVES)
        if t.lemma_.lower() in lexicon.UNCONFIRMED_ADJECTIVES
    ]
    if not labels or is_correction_note(s.span):
        return
    for tok in labels:
        yield cue(tok, tok.head if tok.head.i == tok.i + 1 else tok)


def _negation(verb: Token) -> Token | None:
    """ "could not be independently verified", "declined to confirm", "can't confirm"."""
    for c in verb.children:
        if c.dep_ == "preconj" and c.lower_ == "neither":
            return c  # "neither confirmed nor denied"
        if c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in lexicon.CANNOT):
            aux = [a for a in verb.children if a.dep_ in grammar.AUX_DEPS and a.i < c.i]
            return aux[0] if aux else c
    head = verb.head
    if verb.dep_ == "xcomp" and (head.lemma_.lower() in lexicon.CONFIRM_REFUSAL_VERBS):
        return head
    if (
        verb.dep_ == "xcomp"
        and any(c.dep_ == "neg" for c in head.children)
        and head.lemma_.lower() in lexicon.ABILITY_WORDS
    ):
        return head
    return None


def _blocker(verb: Token) -> Token | None:
    """The adjective that makes confirming fail: "hard for the UN to confirm", "impossible to
    know whether", "unable to verify"."""
    if not (verb.lemma_.lower() in lexicon.CHECKING_VERBS or _has_wh_complement(verb)):
        return None  # "hard to know" alone is a figure of speech; "hard to know whether" is not
    head = verb.head
    for cand in (head, *[c for c in head.children if c.dep_ in grammar.PREDICATE_DEPS]):
        if cand.lemma_.lower() in lexicon.CONFIRM_BLOCKERS and cand.i < verb.i:
            return cand
    return None


def _has_wh_complement(verb: Token) -> bool:
    """ "know whether", "determine how often rights were violated", "how many worked there
    cannot be determined". A wh-word before the verb that is its own clause's ("voters who are
    not established", "that voters don't determine the outcome") is no complement."""
    wh = lexicon.WH_WORDS
    return (
        any(
            g.lower_ in wh
            for c in verb.children
            if c.dep_ in grammar.COMPLEMENT_DEPS
            for g in c.children
        )
        or any(c.lower_ in wh and c.i > verb.i for c in verb.children)
        or any(
            c.left_edge.lower_ in wh - {"that"}
            for c in verb.children
            if c.dep_ in _WH_CLAUSE_DEPS and c.left_edge.i != c.i
        )
    )


_WH_CLAUSE_DEPS = frozenset({"ccomp", "csubj", "csubjpass"})


def _hedge(
    find: Callable[[Token, Span], tuple[Candidate, int] | None],
    words: frozenset[str],
    impersonal: bool = False,
) -> Detect:
    """A hedge rule: ``find`` gives the cue and the token the hedge bears on, trying only the
    tokens whose lemma or form is one of ``words``; a hedge a named source or a cited study
    carries is theirs, and a quoted one the speaker's. ``impersonal``: the rule stays silent on
    a sentence where the writer speaks as "I"/"we" or to "you" outside a quotation."""

    def detect(s: Sentence, found: Sequence[Signal]) -> Iterator[Candidate]:
        if impersonal and _personal(s):
            return
        for tok in s.having(words):
            if s.quoted(tok.idx):
                continue
            hit = find(tok, s.span)
            if hit is None:
                continue
            candidate, anchor = hit
            bears_on = tok.doc[anchor]
            if named_cover(bears_on, s.sources, strict=True) or _attributed_to_research(bears_on):
                continue
            yield candidate

    return detect


def _personal(s: Sentence) -> bool:
    """Does the writer speak as "I"/"we" or to "you" in the sentence, outside a quotation ("our
    scraping of dimes may have cost us dollars", "the page you are looking for may have been
    moved", "if you are a Republican, ... appears to have learned")? A verb hedge there ("may
    have", "appears to have") is the writer's guess about their own experience or a reader's,
    which the labels leave alone as first-person opinion, wherever the pronoun stands (the
    subject test alone misses "our scraping", "mine is a loaded system"). The adverb and
    "unclear" rules do not ask this: "apparently they expect you to" still passes on a fact."""
    return any(
        lower in lexicon.PERSONAL_PRONOUNS and not s.quoted(tok.idx)
        for tok, lower in zip(s.tokens, s.lowers, strict=True)
    )


def _modal_perfect(tok: Token, sent: Span) -> tuple[Candidate, int] | None:
    """ "may have been involved", "might have fled", "may well have expanded"; not "could have"
    (mostly counterfactual: "voters could have shown..."), not "I may or may not have"."""
    if tok.lower_ not in lexicon.PAST_POSSIBILITY_MODALS or tok.tag_ != "MD":
        return None
    doc = tok.doc
    j = tok.i + 1
    while j < sent.end and (
        doc[j].lower_ in lexicon.HEDGE_FILLERS or doc[j].lower_ in lexicon.MAY_OR_MAY_NOT
    ):
        j += 1
    if j >= sent.end or doc[j].lower_ != "have":
        return None
    k = j + 1
    while k < sent.end and doc[k].lower_ in lexicon.HEDGE_FILLERS:
        k += 1
    if k >= sent.end or doc[k].tag_ != "VBN":
        return None
    if tok.lower_ == "might" and not _hedging_might(tok, doc[k]):
        return None
    if doc[k].dep_ == "amod":
        return None  # "may have limited visitation": "have" owns, the participle describes
    if _judgement_or_reading(doc[k]):
        return None
    verb = tok.head
    # "staff members who may have been involved": a restrictive relative clause claims nothing
    # about anyone in particular (none of the development part's 7 were flagged).
    if grammar.in_restrictive_relative(verb):
        return None
    before = [t for t in doc[sent.start : tok.i] if not t.is_punct and t.pos_ not in _FILLER_POS]
    if subject_person(verb) in lexicon.FIRST_SECOND_SUBJECTS or (
        before and before[-1].lower_ in lexicon.FIRST_SECOND_SUBJECTS
    ):
        return None
    if is_concessive(tok, sent) or _under_concession(tok) or _counterfactual(sent):
        return None
    if _first_person_guess(verb):
        return None
    return cue(tok, doc[k]), verb.i


def _judgement_or_reading(participle: Token) -> bool:
    """ "may have been wrong", "may have been right the first time", "may have thought the worst
    was over", "may have said it best": a judgement or the writer's reading of a mind or a
    phrasing, not a hedged fact (the complements the labels leave alone after "appears to")."""
    if participle.lemma_.lower() in lexicon.APPEARANCE_READING_VERBS:
        return True
    if participle.lower_ != "been":
        return False
    # an adjective only ("wrong"), not a noun phrase ("which may have been his best" film)
    predicate = next((c for c in participle.children if c.dep_ == "acomp"), None)
    if predicate is None and participle.head.i != participle.i:
        predicate = next(
            (c for c in participle.head.children if c.dep_ == "acomp" and c.i > participle.i),
            None,
        )
    return predicate is not None and (
        predicate.pos_ == "ADJ"
        and (
            predicate.lemma_.lower() in lexicon.APPEARANCE_IMPRESSION_ADJECTIVES
            or predicate.lower_ in lexicon.APPEARANCE_IMPRESSION_ADJECTIVES
        )
    )


def _first_person_guess(verb: Token) -> bool:
    """ "I suppose the word may have come from ...": the writer's own guess, which the labels
    leave alone as first-person opinion (a named believer is ``named_cover``'s)."""
    cur = verb
    for _ in range(3):
        if cur.dep_ != "ccomp" or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.lemma_.lower() in lexicon.FIRST_PERSON_GUESS_VERBS and (
            subject_person(cur) in lexicon.FIRST_SECOND_SUBJECTS - {"you"}
        ):
            return True
    return False


def _hedging_might(modal: Token, participle: Token) -> bool:
    """ "might well have fled", "might have been killed": "might have" hedges a past event. In
    the news prose of the claims corpus it is mostly a counterfactual or an aside ("might have
    curbed emissions faster", "might not have happened without", "the tax might have been too
    low"): 1 hedge in 8 on its development part, so only these two forms count."""
    doc = modal.doc
    if doc[modal.i + 1].lower_ == "well":
        return True
    if participle.lower_ != "been" or participle.i + 1 >= len(doc):
        return False
    event = doc[participle.i + 1]
    return (
        event.tag_ == "VBN"
        and not any(c.dep_ in ("xcomp", "ccomp") for c in event.children)
        and not any(c.dep_ == "neg" for c in event.children)
    )


def _counterfactual(sent: Span) -> bool:
    """ "Had he left earlier, he might have caught the train"; "if ..., it might have...";
    "he might have won had the referee not intervened"."""
    first = next((t for t in sent if not t.is_punct), None)
    if (
        first is not None
        and first.lower_ in lexicon.COUNTERFACTUAL_AUXILIARIES
        and first.tag_ in _COUNTERFACTUAL_TAGS
    ):
        return True
    if any(t.lower_ in lexicon.IF_UNLESS and t.dep_ == "mark" for t in sent):
        return True
    # an inverted conditional mid-sentence: "had" right after a verb or comma, then its subject,
    # then "not" or a participle (the parser often misreads it, so read the surface)
    doc = sent.doc
    for t in sent:
        if t.lower_ != "had" or t.i == sent.start or t.i + 2 >= sent.end:
            continue
        prev, nxt = doc[t.i - 1], doc[t.i + 1]
        if prev.pos_ in grammar.NOMINAL_POS or nxt.pos_ not in (
            "DET",
            "PRON",
            "PROPN",
            "NOUN",
        ):
            continue
        window = doc[t.i + 2 : min(sent.end, t.i + 6)]
        if any(w.lower_ == "not" or w.tag_ in grammar.PAST_TAGS for w in window):
            return True
    return False


def _under_concession(tok: Token) -> bool:
    """ "despite the advantages her fame might have afforded her": granted, not claimed."""
    cur = tok
    for _ in range(8):
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.lower_ in lexicon.CONCESSION_WORDS and cur.dep_ in _CONCESSION_DEPS:
            return True
        if any(
            c.lower_ in lexicon.CONCESSION_WORDS and c.dep_ in _CONCESSION_DEPS
            for c in cur.children
            if c.i < tok.i
        ):
            return True
    return False


def _hedge_adverb(tok: Token, sent: Span) -> tuple[Candidate, int] | None:
    """ "the gunman apparently acted alone", "was possibly linked": a CoNLL-2010 hedge adverb on
    a past event. Not on the present or future ("will probably evolve"), not under a modal,
    not in the first person."""
    if tok.lower_ not in lexicon.HEDGE_ADVERBS | lexicon.FACT_HEDGE_ADVERBS or tok.dep_ != "advmod":
        return None
    verb = tok.head
    if verb.dep_ in _ATTRIBUTIVE_DEPS:
        return None  # "these seemingly misplaced receptors": a description, not a claim
    fact = _indicative_fact(verb) or (
        tok.lower_ in lexicon.EVIDENTIAL_ADVERBS and _present_fact(verb)
    )
    if not fact or any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        return None
    if subject_person(verb) in lexicon.FIRST_SECOND_SUBJECTS or _counterfactual(sent):
        return None
    if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in lexicon.CAUSE_MARKS:
        return None  # "possibly because the infection spread": a guessed cause, not a fact
    return cue(tok, tok), verb.i


def _indicative_fact(verb: Token) -> bool:
    """A statement about the past: "acted", "was linked", "was seeking" (the present tense is
    mostly the writer's reading of a situation, "is probably the best", which the labels leave
    unflagged)."""
    if verb.tag_ in grammar.PAST_TAGS:
        return True
    return verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lower_ in ("was", "were") for c in verb.children
    )


def _present_fact(verb: Token) -> bool:
    """A statement about the present: "apparently abounds", "is still strong, apparently",
    "apparently helps support" (an evidential adverb hedges a present state as much as a past
    event: the writer has it from somewhere, unlike "probably", a judgement of their own). Not
    the writer's reading of what someone thinks or feels ("Cruz apparently thinks so", as with
    "appears to"), nor a gloss on what was just said ("That, apparently, is what passes")."""
    lemma = verb.lemma_.lower()
    if lemma in lexicon.APPEARANCE_READING_VERBS or lemma in lexicon.PURE_OPINION_VERBS:
        return False
    if subject_person(verb) in _GLOSS_SUBJECTS:
        return False
    if verb.tag_ in _PRESENT_TAGS:
        return True
    return verb.tag_ in ("VBG", "VBN") and any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in _PRESENT_TAGS for c in verb.children
    )


_GLOSS_SUBJECTS = frozenset({"that", "this"})


def _passive_belief(tok: Token, sent: Span) -> tuple[Candidate, int] | None:
    """ "is believed to", "are thought to have", reduced "thought to represent"."""
    if tok.lemma_.lower() not in lexicon.PASSIVE_THINK_VERBS - {"understand"} or tok.tag_ not in (
        "VBN",
        "VBD",
    ):
        return None
    if any(c.dep_ == "agent" for c in tok.children):
        return None
    if tok.lemma_.lower() == "know" and tok.dep_ in grammar.PARTICIPLE_DEPS:
        return None  # "a developer known to be bullish on golf": a reputation, not a hedged fact
    doc = tok.doc
    if (
        tok.i > 0
        and doc[tok.i - 1].text == ","
        and tok.i + 1 < len(doc)
        and doc[tok.i + 1].lower_ == "to"
    ):
        return cue(tok, tok), tok.i  # ", thought to represent"
    xcomp = [c for c in tok.children if c.dep_ == "xcomp"]
    aux = [c for c in tok.children if c.dep_ == "auxpass"]
    if xcomp and (aux or tok.dep_ in grammar.PARTICIPLE_DEPS):
        return cue(aux[0] if aux else tok, tok), tok.i
    if (
        aux
        and any(c.dep_ == "ccomp" for c in tok.children)
        and any(c.lower_ == "it" for c in tok.children)
    ):
        return cue(aux[0], tok), tok.i
    return None


def _raising(tok: Token, sent: Span) -> tuple[Candidate, int] | None:
    """ "appears to have happened", "seems to have been" — a past fact put at a distance."""
    if tok.lemma_.lower() not in lexicon.HEDGE_RAISING:
        return None
    doc = tok.doc
    j = tok.i + 1
    if (
        j + 2 < len(doc)
        and doc[j].lower_ == "to"
        and doc[j + 1].lower_ == "have"
        and doc[j + 2].tag_ == "VBN"
    ):
        if subject_person(tok) in lexicon.FIRST_SECOND_SUBJECTS:
            return None
        return cue(tok, doc[j + 2]), tok.i
    return None


def _unclear(tok: Token, sent: Span, code: str = "unclear") -> tuple[Candidate, int] | None:
    """ "it is unclear whether", "it was not clear whether", "it's possible (that)" about a
    present or past fact; not about the future ("unclear if it will follow suit")."""
    lemma = tok.lemma_.lower()
    if tok.lower_ == "known" and tok.tag_ == "VBN":
        lemma = "known"  # "it is not known if": the participle, as the adjective
    if lemma not in lexicon.UNCLEAR_ADJECTIVES and lemma not in lexicon.UNCLEAR_NEGATED:
        return None  # the cheap test first: this runs on every token of the article
    negated = any(c.dep_ == "neg" for c in tok.head.children) or any(
        c.dep_ == "neg" for c in tok.children
    )
    if not (lemma in lexicon.UNCLEAR_ADJECTIVES or (lemma in lexicon.UNCLEAR_NEGATED and negated)):
        return None
    known = tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children)
    if (tok.pos_ != "ADJ" and not known) or tok.dep_ not in _PREDICATIVE_DEPS:
        return None
    be = tok if known or tok.dep_ == "ROOT" else tok.head
    if not any(c.lower_ == "it" and c.dep_ in _IT_SUBJECT_DEPS for c in be.children):
        return None
    if any(c.dep_ == "aux" and c.lower_ == "had" for c in be.children):
        return None  # "until now it had been unclear how": a gap the article has since filled
    doc = tok.doc
    sent_end = tok.sent.end
    # the content clause: the first wh-word or "that"/bare clause after the adjective, past a
    # short phrase that says from what ("unclear from this letter whether", "at this point")
    k = tok.i + 1
    if k < sent_end and doc[k].dep_ == "prep" and doc[k].head.i in (tok.i, be.i):
        # read on the surface: the parser often hangs the clause on the phrase's noun
        for j in range(k + 1, min(sent_end, k + 6)):
            if doc[j].pos_ in grammar.VERB_POS:
                break
            if doc[j].lower_ in lexicon.WH_WORDS - {"that"}:
                k = j
                break
    if (
        k + 1 < sent_end
        and doc[k].pos_ == "ADV"
        and doc[k].lower_ not in lexicon.WH_WORDS
        and doc[k + 1].lower_ in lexicon.WH_WORDS
    ):
        k += 1  # "unclear just when", "unclear exactly how"
    if k < sent_end and doc[k].lower_ in lexicon.WH_WORDS:
        k += 1
    elif lemma != "possible":
        return None
    elif k < sent_end and doc[k].lower_ == "to":
        return None  # "it is possible to grab a pair": ability, not a hedged fact
    window = doc[k : min(sent_end, k + 12)]
    if _to_the_writer(tok) or _ahead(doc[k - 1]):
        return None
    for t in window:
        if t.lower_ in lexicon.FUTURE_AUXILIARIES:
            return None
        if (
            lemma == "possible"
            and t.tag_ == "MD"
            and doc[min(t.i + 1, len(doc) - 1)].lower_ != "have"
        ):
            return None  # "possible that the meeting could be less dry": a possibility ahead
        if t.pos_ == "VERB" or (t.pos_ == "AUX" and t.dep_ != "aux"):
            break
    first = doc[tok.i - 1] if negated and doc[tok.i - 1].dep_ == "neg" else tok
    last = doc[k - 1] if doc[k - 1].lower_ in lexicon.WH_WORDS else tok
    if (lemma == "possible") != (code == "possible"):
        return None
    return cue(first, last), tok.i


def _to_the_writer(adj: Token) -> bool:
    """ "unclear to me": the writer's own doubt, first-person opinion the labels leave alone."""
    return any(
        c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ in _WRITER for g in c.children)
        for c in adj.children
    )


_WRITER = frozenset({"me", "us"})


def _ahead(wh: Token) -> bool:
    """The question is about what is to come or may be ("unclear whether the notion may give
    way this cycle", "whether the approach ... will resonate", however long the subject): the
    wh-word's verb has a future or possibility modal not followed by "have" (a forecast, not a
    hedged fact; "unclear whether it could have been prevented" is about the past, and "can"
    is mostly a present ability: "unclear whether he can comment freely" is labelled hedged)."""
    if wh.lower_ not in lexicon.WH_WORDS or wh.head.i == wh.i:
        return False
    doc = wh.doc
    return any(
        c.dep_ == "aux"
        and (c.lower_ in lexicon.FUTURE_AUXILIARIES or c.lower_ in _POSSIBILITY_AHEAD)
        and not (c.i + 1 < len(doc) and doc[c.i + 1].lower_ == "have")
        for c in wh.head.children
    )


_POSSIBILITY_AHEAD = frozenset({"may", "might", "should"})


def _unknown_fact(tok: Token, sent: Span) -> tuple[Candidate, int] | None:
    """ "The source of the attack is unclear", "Whether she converted many voters is unknown":
    a fact the article says is not known, with the fact as the subject (the "it is unclear
    whether" form is ``_unclear``). Only a fact's noun ("source", "cause", "motive") or a
    whether-clause about the past or present; not "he was largely unknown" (not famous)."""
    if tok.lemma_.lower() not in lexicon.UNKNOWN_ADJECTIVES or tok.dep_ != "acomp":
        return None
    be = tok.head
    if _to_the_writer(tok):
        return None
    whether = _fronted_whether(be, sent)
    if whether is not None:
        if any(t.lower_ in lexicon.FUTURE_AUXILIARIES for t in tok.doc[whether.i : tok.i]):
            return None  # "whether he will run remains unclear": a question about the future
        return cue(whether, tok), tok.i
    subj = next((c for c in be.children if c.dep_ in ("nsubj", "csubj")), None)
    if subj is None:
        return None
    if subj.dep_ == "csubj":
        if not any(c.dep_ == "mark" and c.lower_ == "whether" for c in subj.children):
            return None
        if any(c.lower_ in lexicon.FUTURE_AUXILIARIES for c in subj.children):
            return None  # "whether he will run is unclear": a question about the future
    elif subj.lemma_.lower() not in lexicon.FACT_NOUNS or any(
        t.lower_ in lexicon.FUTURE_AUXILIARIES for t in subj.subtree
    ):
        return None  # "the extent to which a test would advance ... is unclear": what is to come
    return cue(subj if subj.dep_ == "nsubj" else subj.left_edge, tok), tok.i


def _fronted_whether(be: Token, sent: Span) -> Token | None:
    """The "whether" that opens the sentence with the subject of "unclear": "Whether Pyongyang
    has since built weapons is unclear", "Whether X is ..., however, remains unclear". The
    parser often takes the clause's verb for the sentence's own, hangs the clause on it as an
    adverbial or reads its participle as an adjective ("enriched more uranium"), so the
    whether-clause is no ``csubj`` there; it hangs somewhere below the verb of "unclear"."""
    first = next((t for t in sent if not t.is_punct), None)
    if first is None or first.lower_ != "whether" or first.dep_ != "mark":
        return None
    return first if any(a.i == be.i for a in first.ancestors) else None


def _attributed_to_research(tok: Token) -> bool:
    """ "a preliminary study hints that ... may have evolved": the hedge is the study's."""
    cur = tok
    for _ in range(4):
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.lemma_.lower() in lexicon.RESEARCH_VERBS:
            subj = next((c for c in cur.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.lemma_.lower() in lexicon.RESEARCH_NOUNS:
                return True
    return False


UNCONFIRMED_RULES = (
    Rule(
        "cannot_confirm",
        "unconfirmed",
        'The article itself says this cannot be checked: "{cue}".',
        _cannot_confirm,
        credits_speaker=True,
    ),
    Rule(
        "not_confirmed",
        "unconfirmed",
        'The article says this has not been confirmed: "{cue}".',
        _not_confirmed,
        credits_speaker=True,
    ),
    Rule(
        "disputed",
        "unconfirmed",
        '"{cue}": the article says this is disputed, so it is not established.',
        _disputed,
    ),
    Rule(
        "unconfirmed_label",
        "unconfirmed",
        'The article calls this "{cue}": it has not been checked.',
        _unconfirmed_label,
    ),
)

HEDGED_RULES = (
    Rule(
        "modal_perfect",
        "hedged",
        '"{cue}": the article presents this as a possibility, not as an established fact.',
        _hedge(_modal_perfect, frozenset({"may", "might"}), impersonal=True),
    ),
    Rule(
        "passive_belief",
        "hedged",
        '"{cue}": the article says it is believed, without saying by whom or on what evidence.',
        _hedge(_passive_belief, lexicon.PASSIVE_THINK_VERBS - {"understand"}),
    ),
    Rule(
        "appears_to_have",
        "hedged",
        '"{cue}": the article only says it appears so.',
        _hedge(_raising, lexicon.HEDGE_RAISING, impersonal=True),
    ),
    Rule(
        "unclear",
        "hedged",
        '"{cue}": the article says the facts are not known.',
        _hedge(_unclear, lexicon.UNCLEAR_ADJECTIVES | lexicon.UNCLEAR_NEGATED | {"known"}),
    ),
    Rule(
        "possible",
        "hedged",
        '"{cue}": the article offers this as a possibility, not as a fact.',
        _hedge(lambda tok, sent: _unclear(tok, sent, "possible"), frozenset({"possible"})),
    ),
    Rule(
        "unknown_fact",
        "hedged",
        '"{cue}": the article says this is not known.',
        _hedge(_unknown_fact, lexicon.UNKNOWN_ADJECTIVES),
    ),
    Rule(
        "hedge_adverb",
        "hedged",
        '"{cue}": the article does not commit to this; it only says it seems so.',
        _hedge(_hedge_adverb, lexicon.HEDGE_ADVERBS | lexicon.FACT_HEDGE_ADVERBS),
    ),
)
