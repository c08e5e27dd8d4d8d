"""Second-hand claims: ``reported`` (reportedly, allegedly, reports of, rumours),
``anonymous_source`` (officials said, a person familiar with the matter, it is understood) and
``weasel`` (critics argue, experts say, it is considered)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Span, Token

from worker.pipeline import grammar, lexicon
from worker.pipeline.sources import ANONYMOUS, POLL_OR_STUDY, VAGUE, Source, source_kind
from worker.pipeline.unverified.negatives import (
    has_modal,
    named_cover,
    tells_nothing,
    told_by_named,
)
from worker.pipeline.unverified.rule import Candidate, Detect, Rule, Sentence, Signal, cue

# Modifiers that may name a report's author ("Reuters reports").
_NAMING_DEPS = frozenset({"poss", "compound", "amod", "nmod", "det"})
# A noun's content clause ("speculation that…").
_CONTENT_CLAUSE_DEPS = frozenset({"acl", "ccomp"})
_BODY_ENTS = frozenset({"ORG", "FAC"})
_COUNT_DEPS = frozenset({"det", "nummod"})
_ADJECTIVE_DEPS = frozenset({"acomp", "amod"})
_PARTICIPLE_DEPS = frozenset({"acl", "amod"})
_COMPLEMENT_ADJ_DEPS = frozenset({"oprd", "acomp", "xcomp"})
_VIEW_HEAD_POS = frozenset({"VERB", "ADJ"})

# "rumored", "rumours": the forms a rumour word starts with.
_RUMOUR_STEMS = tuple(sorted(lexicon.RUMOUR_WORDS))
# Adverbs that pass on what someone told: a teller the sentence or paragraph names makes them an
# attribution ("supposedly"/"purportedly" are the writer's doubt, whoever is named).
_NAMED_TELLER_ADVERBS = frozenset({"reportedly", "allegedly"})


def _mods_name_someone(tok: Token) -> bool:
    """ "The Wrap's report", "a Fast Company report", "reports from Deadline", or reports
    "released" by a named body: the report has an author the reader can check."""
    near = [t for c in tok.children if c.dep_ in _NAMING_DEPS for t in c.subtree]
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in lexicon.REPORT_PREPOSITIONS:
            near.extend(c.subtree)
    if any(
        t.pos_ == "PROPN" or t.ent_type_ in grammar.PERSON_OR_ORG or t.dep_ == "poss" for t in near
    ):
        return True
    if tok.dep_ == "dobj":
        subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and any(t.pos_ == "PROPN" for t in subj.subtree):
            return True
    # "reports Mr. Jones filed with the ministry": a relative clause names who wrote them
    for rel in tok.children:
        if rel.dep_ != "relcl":
            continue
        subj = next((c for c in rel.children if c.dep_ == "nsubj"), None)
        if subj is not None and any(
            t.pos_ == "PROPN" or t.ent_type_ in grammar.PERSON_OR_ORG for t in subj.subtree
        ):
            return True
    return False


def _adverb(word: str) -> Detect:
    """ "reportedly", "allegedly", "purportedly", "supposedly" on a verb: the reporter passes on a
    claim without standing behind it. The adverbs are ``lexicon.REPORTED_ADVERBS``."""
    if word not in lexicon.REPORTED_ADVERBS:
        raise ValueError(f"{word!r} is not in lexicon.REPORTED_ADVERBS")

    def detect(s: Sentence, found: Sequence[Signal]) -> Iterator[Candidate]:
        for tok in s.having({word}):
            if tok.lower_ != word or s.quoted(tok.idx):
                continue
            head = tok.head
            if head.pos_ not in grammar.VERB_POS:
                continue  # "supposedly secret statements": a sneer at a word, not a claim
            if head.tag_ == "VBG" and head.head.lower_ in lexicon.CHARGE_PREPOSITIONS:
                continue  # "charged for allegedly abusing his office": naming the charge
            if word in _NAMED_TELLER_ADVERBS and (
                named_cover(head, s.sources) or s.other_named_report
            ):
                # the report's source is named ("the Post reported"), or the act is a charge a
                # named authority brings ("the judge said a plot he allegedly hatched"): an
                # attribution, not a rumour
                continue
            yield cue(tok, tok)

    return detect


def _is_rumour_word(tok: Token) -> bool:
    return tok.lemma_.lower() in lexicon.RUMOUR_WORDS or tok.lower_.startswith(_RUMOUR_STEMS)


def _rumour(s: Sentence, found: Sequence[Signal]) -> Iterator[Candidate]:
    """ "rumours that", "has been rumored", "a conspiracy theory" — unless denied or a named
    source's."""
    sent = s.span
    lemmas = set(s.lemmas)
    for k, lower in enumerate(s.lowers):
        lemma = s.lemmas[k]
        if not (lemma in lexicon.RUMOUR_OR_THEORY or lower.startswith(_RUMOUR_STEMS)):
            continue
        tok = s.tokens[k]
        if _rumour_as_topic(tok) or _in_condition(tok):
            continue
        if _is_rumour_word(tok):
            if not (_denied(sent, lemmas) or named_cover(tok, s.sources)):
                yield from _unquoted(s, [cue(tok, tok)])
        elif (
            tok.lemma_.lower() == "theory"
            and any(c.lower_ == "conspiracy" for c in tok.children)
            and not (_denied(sent, lemmas) or named_cover(tok, s.sources))
        ):
            first = next(c for c in tok.children if c.lower_ == "conspiracy")
            yield from _unquoted(s, [cue(first, tok)])


def _in_condition(tok: Token) -> bool:
    """ "If the rumors are true, ...", "if he can start rumors": a rumour inside a condition is
    weighed, not passed on as the claim."""
    head = tok.head
    for _ in range(2):
        if any(c.dep_ == "mark" and c.lower_ in lexicon.CONDITION_MARKS for c in head.children):
            return True
        if head.head.i == head.i:
            break
        head = head.head
    return False


def _rumour_as_topic(tok: Token) -> bool:
    """ "the KGB spread conspiracy theories", "he discussed rumors", "a think tank known for
    conspiracy theories": rumours as what someone does or talks about, not a claim the article
    passes on ("rumors that X buoyed the stock", "shadowed by conspiracy theories", "has been
    rumored" are)."""
    if tok.pos_ != "NOUN":
        return False
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        tok = tok.head.head  # "a variety of conspiracy theories"
    if tok.dep_ == "dobj":
        # "I hear rumors that the first run is sold out": the rumour's content is passed on
        return not _has_that_clause(tok)
    return tok.dep_ == "pobj" and tok.head.lower_ not in lexicon.RUMOUR_CARRIER_PREPOSITIONS


def _speculation(s: Sentence, found: Sequence[Signal]) -> Iterator[Candidate]:
    """ "speculation that he might run": the claim rests on speculation. Not the speculation of
    markets ("Wall Street speculation") nor talk about speculation with no claim in it."""
    for tok in s.having({"speculation"}):
        if tok.lemma_.lower() == "speculation" and tok.pos_ == "NOUN" and _has_that_clause(tok):
            yield from _unquoted(s, [cue(tok, tok)])


def _has_that_clause(noun: Token) -> bool:
    doc = noun.doc
    nxt = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ == "that" and nxt.dep_ == "mark":
        return True
    return any(
        c.dep_ in _CONTENT_CLAUSE_DEPS
        and any(g.lower_ == "that" and g.dep_ == "mark" for g in c.children)
        for c in noun.children
    )


def _unnamed_poll(s: Sentence, found: Sequence[Signal]) -> Iterator[Candidate]:
    """ "some polls indicate", "surveys showed", "one ranking puts": polls and studies the
    article does not name (a named poll — "a Gallup poll", "the CNN survey" — is a source)."""
    if any(_named_poll(x) for x in s.sources):
        return  # "polls show ..., according to a CNN/ORC poll": the sentence names its poll
    for m in s.sources:
        head = m.head
        if head.lemma_.lower() not in lexicon.UNNAMED_POLL_NOUNS or s.quoted(head.idx):
            continue
        if m.cue.lower_ == "according" or m.cue.lemma_.lower() == "cite":
            continue
        if head.lemma_.lower() in lexicon.STUDY_NOUNS and _past_finding(m.cue):
            continue  # "when microscopy studies found them": the history of a field, not a claim
        mods = [c for c in head.children if c.dep_ in _NAMING_DEPS]
        if any(
            t.pos_ == "PROPN" or t.ent_type_ in grammar.PERSON_OR_ORG
            for c in mods
            for t in c.subtree
        ):
            continue
        dets = {c.lower_ for c in mods if c.dep_ in grammar.DETERMINER_DEPS}
        if dets & lexicon.POINTING_DETERMINERS:
            continue
        if head.tag_ == "NNS" or dets & (lexicon.UNNAMED_REPORT_MODIFIERS - {"a", "an"}):
            yield cue(m.first if m.first.i >= head.i - 3 else head, head)


def _named_poll(m: Source) -> bool:
    """ "a CNN/ORC poll", "the Gallup survey": a poll the reader can look up by its name."""
    if m.kind != POLL_OR_STUDY:
        return False
    return any(
        t.pos_ == "PROPN" or t.ent_type_ in grammar.PERSON_OR_ORG
        for c in m.head.children
        if c.dep_ in _NAMING_DEPS
        for t in c.subtree
    )


def _past_finding(verb: Token) -> bool:
    """ "studies found", "studies had hinted": what research once showed, told as the story of a
    field; "studies confirm", "studies have shown" pass on a finding as standing now."""
    return verb.tag_ == "VBD" or any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)


def _report_nouns(s: Sentence) -> list[tuple[str, Candidate]]:
    out = []
    for tok in s.having(lexicon.REPORT_OR_ESTIMATE):
        if tok.lemma_.lower() in lexicon.REPORT_OR_ESTIMATE and tok.pos_ == "NOUN":
            hit = _unnamed_report(tok)
            if hit is not None:
                out.append(hit)
    return out


def _reports_of(s: Sentence, found: Sequence[Signal]) -> Iterator[Candidate]:
    """ "reports of casualties": reports with no author."""
    hits = s.once("report_nouns", lambda: _report_nouns(s))
    yield from _unquoted(s, [c for code, c in hits if code == "reports_of"])


def _unnamed_report_rule(s: Sentence, found: Sequence[Signal]) -> Iterator[Candidate]:
    """ "some reports suggest", "according to media reports", "local media reported"."""
    hits = s.once("report_nouns", lambda: _report_nouns(s))
    out = [c for code, c in hits if code == "unnamed_report"]
    for m in s.sources:
        if m.kind == VAGUE and m.head.lower_ == "media" and m.cue.lower_ != "according":
            out.append(cue(m.first, m.last))
    yield from _unquoted(s, out)


def _said_to(s: Sentence, found: Sequence[Signal]) -> Iterator[Candidate]:
    """ "X is said to be", "were reported to have", "it has been reported that": an agentless
    passive of saying."""
    for tok in s.having(lexicon.PASSIVE_SAY_VERBS):
        lemma = tok.lemma_.lower()
        if (
            lemma in lexicon.PASSIVE_SAY_VERBS
            and not _is_rumour_word(tok)  # "is rumored to": a rumour
            and tok.tag_ == "VBN"
            and any(c.dep_ == "auxpass" for c in tok.children)
            and (
                any(c.dep_ == "xcomp" for c in tok.children)
                or (
                    any(
                        c.lower_ == "it" and c.dep_ in grammar.IT_SUBJECT_DEPS for c in tok.children
                    )
                    and any(c.dep_ == "ccomp" for c in tok.children)
                )
            )
            and not any(c.dep_ == "agent" for c in tok.children)
            and not named_cover(tok, s.sources)
        ):
            aux = next(c for c in tok.children if c.dep_ == "auxpass")
            yield from _unquoted(s, [cue(aux, tok)])


def _has_been_reported(s: Sentence, found: Sequence[Signal]) -> Iterator[Candidate]:
    """ "Isolated cases of angioedema have been reported", "savings of 30 percent have been
    reported": a present-perfect passive of reporting with a thing as its subject and no one
    who reported it. Not "it has been reported that" (``said_to``), not "was reported in 21% of
    patients" (a study's own count, past tense), not "reported to the police" or "by Reuters"."""
    for tok in s.having({"reported"}):
        if tok.lower_ != "reported" or tok.tag_ != "VBN" or s.quoted(tok.idx):
            continue
        kids = list(tok.children)
        auxpass = next((c for c in kids if c.dep_ == "auxpass"), None)
        aux = [c for c in kids if c.dep_ == "aux"]
        subj = next((c for c in kids if c.dep_ == "nsubjpass"), None)
        if (
            auxpass is None
            or subj is None
            or subj.pos_ == "PRON"
            or any(c.lower_ == "no" for c in subj.children)  # "no deaths have been reported"
            or not aux
            or any(a.lower_ not in lexicon.PERFECT_AUXILIARIES for a in aux)
            or any(c.dep_ in ("neg", "agent", "xcomp", "ccomp") for c in kids)
            or any(c.dep_ == "prep" and _names_or_addresses(c) for c in kids)
            or named_cover(tok, s.sources)
        ):
            continue
        yield cue(aux[0], tok)


def _names_or_addresses(prep: Token) -> bool:
    """ "reported to the police", "reported in The Lancet", "reported by Reuters": someone the
    reader can check received or made the report."""
    if prep.lower_ == "to":
        return True
    return any(t.pos_ == "PROPN" or t.ent_type_ in grammar.PERSON_OR_ORG for t in prep.subtree)


def _claimed(s: Sentence, found: Sequence[Signal]) -> Iterator[Candidate]:
    """ "Both men claimed ... but it is impossible to know": supports another rule's finding; a
    bare "claimed" is an ordinary attribution."""
    for tok in s.having({"claim"}):
        if (
            tok.lemma_.lower() == "claim"
            and tok.pos_ == "VERB"
            and not s.quoted(tok.idx)
            and not any(c.lemma_.lower() == "life" for c in tok.children)
        ):
            yield cue(tok, tok)


def _unquoted(s: Sentence, candidates: list[Candidate]) -> list[Candidate]:
    return [c for c in candidates if not s.quoted(c.start)]


def _denied(sent: Span, lemmas: set[str]) -> bool:
    """ "Trump dismisses health rumors", "nowhere near the $35 million that's been rumored"."""
    return (
        bool(lemmas & lexicon.DENIAL_VERBS)
        or "nowhere" in lemmas
        or any(t.lower_.startswith(("dismiss", "deni", "deny", "reject", "debunk")) for t in sent)
    )


def _unnamed_report(tok: Token) -> tuple[str, Candidate] | None:
    """ "reports of casualties", "with reports that...", "according to media reports",
    "according to one estimate" — but not "the report", "The Wrap's report", "reports from
    Deadline"."""
    if _mods_name_someone(tok):
        return None
    dets = {c.lower_ for c in tok.children if c.dep_ in grammar.DESCRIPTION_DEPS}
    if dets & {"the", "this", "that", "these", "those", "its", "their", "his", "her", "your"}:
        return None
    children = list(tok.children)
    # "reports about his consulting work" tells what the reports say as "reports of" does
    of = next((c for c in children if c.dep_ == "prep" and c.lower_ in _REPORT_OF), None)
    that_clause = any(
        c.dep_ in grammar.NOUN_CLAUSE_DEPS
        and any(g.lower_ == "that" and g.dep_ == "mark" for g in c.children)
        for c in children
    ) or _there_were_reports(tok)
    after_according = tok.head.lower_ == "to" and tok.head.head.lower_ == "according"
    unnamed_mod = bool(dets & lexicon.UNNAMED_REPORT_MODIFIERS) or (tok.tag_ == "NNS" and not dets)
    if tok.lemma_.lower() == "estimate" and not after_according:
        return None
    if _report_as_topic(tok):
        return None
    if (
        tok.dep_ == "nsubj"
        and tok.tag_ == "NNS"
        and tok.head.lemma_.lower() in lexicon.SOURCE_VERBS
        and (unnamed_mod or not dets)
    ):
        # "some reports suggest", "reports say": reports with no author
        return ("unnamed_report", cue(tok.left_edge, tok))
    if of is not None and tok.tag_ == "NNS":
        if "no" in dets or any(c.lower_ == "no" for c in children):
            return None  # "there were no reports of casualties": nothing is passed on
        if tok.dep_ == "dobj":
            return None  # "teams that review reports of abuse", "he cited reports of": a topic
        last = next((c for c in of.children if c.dep_ == "pobj"), of)
        return ("reports_of", cue(tok, last.right_edge if last.right_edge.i - tok.i < 6 else last))
    if (that_clause and tok.tag_ == "NNS") or (after_according and unnamed_mod):
        first = tok.left_edge if tok.left_edge.i >= tok.i - 3 else tok
        return ("unnamed_report", cue(first, tok))
    if unnamed_mod and dets & {"media", "news", "press", "unconfirmed", "unverified"}:
        role = tok.head if tok.dep_ == "conj" else tok  # "forged letters and news reports"
        if role.dep_ == "dobj" or tok.head.lower_ in _COMPARISON_WORDS:
            # "used false news reports to smear", "criticised press reports", "trusted more than
            # a news report": reports as a thing acted on or compared, no claim passed on
            return None
        return ("unnamed_report", cue(tok.left_edge, tok))
    return None


_COMPARISON_WORDS = frozenset({"than", "like"})


_REPORT_OF = frozenset({"of", "about"})


def _there_were_reports(tok: Token) -> bool:
    """ "There were reports the rebels were being armed": an existential "there were reports"
    whose content clause drops its "that" (the parser hangs the clause on the noun or the verb)."""
    be = tok.head
    if tok.dep_ != "attr" or be.lemma_ != "be" or not any(c.dep_ == "expl" for c in be.children):
        return False
    return any(
        c.dep_ in grammar.NOUN_CLAUSE_DEPS and c.i > tok.i and c.pos_ in grammar.VERB_POS
        for c in (*tok.children, *be.children)
    )


def _report_as_topic(tok: Token) -> bool:
    """ "the number of reports of", "within an hour of initial reports of": the reports are a
    thing counted or dated, not a claim the writer passes on (unlike "amid reports of" or
    "responded to reports that", which the claims corpus labels reported)."""
    if tok.dep_ != "pobj" or tok.tag_ != "NNS":
        return False
    return tok.head.lower_ in lexicon.REPORT_TOPIC_PREPOSITIONS


def _anonymous_source(s: Sentence, found: Sequence[Signal]) -> Iterator[Candidate]:
    """ "officials said", "a person familiar with the matter said", "citing sources"."""
    for m in s.sources:
        one_unnamed = m.kind == VAGUE and _one_unnamed_person(m)
        if not (m.kind == ANONYMOUS or one_unnamed) or s.quoted(m.head.idx):
            continue
        if m.cue.lemma_.lower() in lexicon.PURE_OPINION_VERBS and not _informants(m):
            continue  # an unnamed group's wish or belief: a weasel attribution (below)
        if m.cue.pos_ in grammar.VERB_POS and view_as_topic(m.cue):
            continue  # "more delegates than her advisers expected": no claim is sourced
        if _officials_of_named_body(m, s):
            continue  # "Pentagon officials said": the body is named, so it can be asked
        if m.cue.pos_ in grammar.VERB_POS and has_modal(
            m.cue, frozenset({"would", "could", "might"})
        ):
            continue  # a hypothetical leaker is no source of this article's claims
        if tells_nothing(m.cue, s):
            continue  # "an aide declined to specify": an act, no claim the source tells
        yield from _unquoted(s, [cue(m.first, m.last)])


# Nouns of one person who can tell something: a role, an office-holder, a member of a group.
_ONE_PERSON_HEADS = lexicon.GROUP_HEADS | lexicon.BODY_SPEAKER_HEADS | lexicon.ROLE_WORDS


def _informants(m: Source) -> bool:
    """ "Gulf sources believe", "diplomatic sources think": "sources" are informants whatever
    verb the article gives them, so what they tell is an anonymous source's, not a vague group's
    opinion."""
    return m.head.lemma_.lower() in lexicon.INFORMANT_HEADS


def _one_unnamed_person(m: Source) -> bool:
    """ "a Democratic senator said", "said one party activist": one person the article does not
    name telling something (issue 14's readings: an unnamed person as the source is
    ``anonymous_source``; a vague *group* is the weasel). Not a view ("a voter thinks")."""
    head = m.head
    if head.tag_ != "NN" or head.ent_type_ == "PERSON" or m.cue.pos_ not in grammar.VERB_POS:
        return False
    if head.lemma_.lower() not in _ONE_PERSON_HEADS:
        return False  # "says a report": a document, not a person
    if m.cue.lemma_.lower() not in lexicon.SAY_VERBS_OF_ONE:
        return False
    return any(
        c.dep_ in _COUNT_DEPS and c.lower_ in lexicon.ONE_PERSON_DETERMINERS for c in head.children
    )


def view_as_topic(verb: Token) -> bool:
    """ "what people want to hear", "the $1.11 a share that analysts expected", "as many people
    expected", "more delegates than her advisers expected": a group's wish or expectation that
    the sentence only compares the facts with or talks about (its object is the relative or
    free-relative pronoun, or it is a comparison clause), not a claim the article hands to the
    group. A belief compared with stays a view held ("not as toxic as most insiders believe",
    "what many people believed to be a campaign killer")."""
    if verb.lemma_.lower() not in lexicon.WISH_OR_EXPECT_VERBS:
        return False
    kids = list(verb.children)
    if any(c.dep_ == "ccomp" for c in kids):
        return False
    if any(c.dep_ == "mark" and c.lower_ in ("as", "than") for c in kids):
        return True
    # "what people want to hear": the pronoun is the object of the verb's infinitive
    verbs = [verb, *(c for c in kids if c.dep_ == "xcomp")]
    return any(c.dep_ == "dobj" and c.tag_ in ("WP", "WDT") for v in verbs for c in v.children)


def _officials_of_named_body(m: Source, s: Sentence) -> bool:
    """ "Pentagon officials", "a Treasury official", "White House officials": officials of an
    organisation the sentence names are that organisation speaking (issue 14's rule), unless
    the text says they asked not to be named. A country or nationality ("U.S. officials", "a
    Chinese official") names no body."""
    if m.head.lemma_.lower() not in lexicon.BODY_SPEAKER_HEADS or _marked_anonymous(s):
        return False
    phrase = m.first.doc[m.first.i : m.last.i + 1]
    return (
        _of_an_office(m.head)
        or any(t.i != m.head.i and t.pos_ == "PROPN" and t.ent_type_ in _BODY_ENTS for t in phrase)
        or _capitalised_body(m.head, s)
    )


def _capitalised_body(head: Token, s: Sentence) -> bool:
    """ "Facebook officials say", "an ICE spokeswoman": a capitalised name right before the
    officials' noun is a body, even where the parser reads it as a common noun and finds no
    entity. Not the sentence's first word ("Senior officials said"), nor a country, a people or
    a person ("U.S. officials", "Chinese officials", "Trump officials", anonymous or insiders by
    issue 14's rules)."""
    for c in head.children:
        if (
            c.dep_ == "compound"
            and (c.i > s.span.start or _capitalised_elsewhere(c))
            and c.is_alpha
            and c.text[0].isupper()
            and c.ent_type_ not in _NOT_A_BODY_ENTS
            and c.lower_ not in lexicon.OFFICE_MODIFIERS
        ):
            return True
    return False


def _capitalised_elsewhere(first: Token) -> bool:
    """ "Facebook officials say" opening a sentence: the first word is a name when the article
    also capitalises it inside a sentence ("Senior officials said" has no such other use)."""
    return any(t.text == first.text and t.i != t.sent.start and t.i != first.i for t in first.doc)


_NOT_A_BODY_ENTS = frozenset({"GPE", "NORP", "PERSON", "LOC"})


def _of_an_office(head: Token) -> bool:
    """ "election officials", "campaign officials", "party officials": the office the story is
    about speaks through them (the paragraph names the state, the campaign or the party), as
    the claims corpus's labels read them."""
    return any(
        c.dep_ in ("compound", "amod") and c.lower_ in lexicon.OFFICE_MODIFIERS
        for c in head.children
    )


def _body_speaks(speaker: Span, s: Sentence) -> bool:
    """ "Con Edison officials said", "Vatican officials emphasized": the attribution detector's
    speaker is officials of a body the phrase names, so the body speaks (as
    ``_officials_of_named_body`` reads the sources)."""
    head = speaker.root
    if head.lemma_.lower() not in lexicon.BODY_SPEAKER_HEADS or _marked_anonymous(s):
        return False
    return (
        _of_an_office(head)
        or any(
            t.i != head.i and t.pos_ == "PROPN" and t.ent_type_ in ("ORG", "FAC") for t in speaker
        )
        or _capitalised_body(head, s)
    )


def _marked_anonymous(s: Sentence) -> bool:
    # "who wasn't authorized to speak": a contracted negation marks an insider as "not" does
    text = s.span.text.lower().replace("n't", " not").replace("n’t", " not")
    return "anonym" in text or any(m in text for m in lexicon.ANONYMITY_MARKERS if " " in m)


def _unnamed_insider(s: Sentence, found: Sequence[Signal]) -> Iterator[Candidate]:
    """ "Clinton aides said", "a longtime adviser to Trump", "a Democrat familiar with the
    talks": the source reader counts the named person or the party as a name, but the one who
    speaks is not named."""
    if any(f.type == "anonymous_source" for f in found):
        return
    for m in s.sources:
        if m.named is False or s.quoted(m.head.idx):
            continue
        if m.cue.lemma_.lower() in lexicon.PURE_OPINION_VERBS or m.head.pos_ == "PRON":
            continue
        if any(c.dep_ == "appos" for c in m.head.children):
            continue  # "an adviser, Jane Doe,": named after all
        if any(
            v.pos_ in grammar.VERB_POS and has_modal(v, lexicon.CONDITIONAL_MODALS)
            for v in (m.cue, m.cue.head)
        ):
            continue  # "would have claimed he was told by an anonymous leaker": hypothetical
        head = m.head
        lemma = head.lemma_.lower()
        indefinite = any(
            c.dep_ in _COUNT_DEPS and c.lower_ in lexicon.INDEFINITE_DETERMINERS
            for c in head.children
        )
        pointing = any(
            c.dep_ == "det" and c.lower_ in lexicon.GROUP_POINTING_DETERMINERS
            for c in head.children
        )
        vague_plural = head.tag_ == "NNS" and lemma in lexicon.UNVERIFIED_PLURAL_VAGUE_ENTOURAGE
        aide_of_person = (
            lemma in lexicon.ENTOURAGE_HEADS
            and not vague_plural
            and (indefinite or (head.tag_ == "NNS" and not pointing))
        )
        insider = indefinite and head.ent_type_ != "PERSON" and _marked_anonymous(s)
        if aide_of_person or insider:
            yield from _unquoted(s, [cue(m.first, m.last)])
            return


def _it_is_understood(s: Sentence, found: Sequence[Signal]) -> Iterator[Candidate]:
    """ "it is understood (that)", "X is understood to": the British press's unnamed source."""
    for tok in s.having({"understand"}):
        if tok.lemma_.lower() == "understand" and tok.tag_ == "VBN":
            aux = [c for c in tok.children if c.dep_ == "auxpass"]
            subj = [c for c in tok.children if c.dep_ in grammar.IT_SUBJECT_DEPS]
            agentless = aux and subj and not any(c.dep_ == "agent" for c in tok.children)
            if agentless and (
                subj[0].lower_ == "it" or any(c.dep_ == "xcomp" for c in tok.children)
            ):
                first = subj[0] if subj[0].lower_ == "it" else aux[0]
                yield from _unquoted(s, [cue(first, tok)])


def _attribution_anonymous(s: Sentence, found: Sequence[Signal]) -> Iterator[Candidate]:
    """The attribution detector's anonymous speaker (anonymous as the Reading's sources read
    it), when no other rule flagged an anonymous source: never two for one statement."""
    if any(f.type == "anonymous_source" for f in found):
        return
    sent = s.span
    for a in s.attributions:
        if not a.anonymous or not (sent.start_char <= a.speaker_start < sent.end_char):
            continue
        if s.quoted(a.speaker_start):
            continue  # a source named inside a quotation is the quoted speaker's business
        speaker = s.doc.char_span(a.speaker_start, a.speaker_end, alignment_mode="expand")
        if speaker is None or _body_speaks(speaker, s):
            continue
        verb = s.doc.char_span(a.cue_start, a.cue_start + 1, alignment_mode="expand")
        if verb is not None and verb.root.lemma_.lower() in lexicon.PURE_OPINION_VERBS:
            continue  # "his advisers believe he can win": their belief, a weasel attribution
        if verb is not None and tells_nothing(verb.root, s):
            continue  # "a committee aide blasted the statement": an act, no claim told
        yield Candidate(a.speaker_start, a.speaker_end)
        return


def _vague_source(s: Sentence, found: Sequence[Signal]) -> Iterator[Candidate]:
    """ "critics argue", "some say", "many experts believe", "many donors remain skeptical"."""
    out: list[Candidate] = []
    for m in s.sources:
        opinion_of_insiders = (
            m.kind == ANONYMOUS
            and m.cue.lemma_.lower() in lexicon.PURE_OPINION_VERBS
            and not _informants(m)
        )
        if m.kind == VAGUE and _one_unnamed_person(m):
            continue  # one unnamed person telling something: an anonymous source (above)
        counted = _quantified_group(m.head) and not any(
            x.kind == POLL_OR_STUDY for x in s.sources
        )  # "a Reuters poll shows that most Americans want": the poll's respondents
        vague = m.kind == VAGUE or _partisan_group(m) or counted
        if not (vague or opinion_of_insiders) or s.quoted(m.head.idx):
            continue
        if _polled(m.head):
            continue  # "those surveyed said": a named poll's respondents, not a vague group
        if _headline_singular(m.head):
            continue  # "analyst says", "lawmaker wants": a headline's one person, no group
        if m.head.lemma_.lower() in lexicon.REPORT_NOUNS or m.head.lower_ == "media":
            continue  # "report finds", "local media reported": unnamed reports, not opinion
        if m.head.lemma_.lower() in lexicon.DOCUMENT_NOUNS:
            continue  # "some emails described": papers, not a group of people holding a view
        verb = m.cue
        if (
            verb.dep_ == "acl"
            and verb.tag_ == "VBN"
            and verb.lemma_.lower() not in lexicon.OPINION_VERBS
        ):
            # "measures added by Republicans": an act the phrase names, not a claim; a view
            # stays one ("considered sacrosanct by gun advocates")
            continue
        if verb.lower_ == "according" and m.head.head.head.i == verb.i and _people(m.head):
            # "according to Democratic and independent analysts", "according to many local
            # officials": a view given to a group, not a report ("according to one estimate")
            out.append(cue(verb, m.last))
            continue
        if verb.lower_ == "according" or verb.lemma_.lower() == "cite":
            continue  # "according to one estimate" is a report, handled as ``reported``
        if any(c.dep_ == "mark" and c.lower_ in lexicon.CONDITION_MARKS for c in verb.children):
            continue  # "if scientists found...": a condition, not a claim
        if verb.lemma_.lower() not in lexicon.WEASEL_VERBS:
            continue
        if verb.pos_ in grammar.VERB_POS and view_as_topic(verb):
            continue  # "what people want to hear", "as many expected": a topic, not a claim
        if _acts_on_thing(verb) or _poll_share(m.head):
            continue
        modals = {c.lower_ for c in verb.children if c.dep_ == "aux"}
        if verb.dep_ == "xcomp":  # "people will begin to think"
            modals |= {c.lower_ for c in verb.head.children if c.dep_ == "aux"}
        if modals & {"may", "might", "could", "can", "will", "'ll"} or (
            # "people would like": a wish held; "would have liked": a counterfactual
            modals & {"would"} and (verb.lemma_.lower() != "like" or "have" in modals)
        ):
            continue  # "others may argue": a hypothetical objection, not a claim
        if modals & lexicon.OBLIGATION_MODALS:
            continue  # "people should think about that": advice to a group, no view it holds
        content_subjects = {
            g.lower_
            for c in verb.children
            if c.dep_ in grammar.COMPLEMENT_DEPS
            for g in c.children
            if g.dep_ in grammar.SUBJECT_DEPS
        }
        if content_subjects & lexicon.SELF_REPORT_SUBJECTS and verb.lemma_.lower() in (
            "say",
            "tell",
        ):
            continue  # "some said they felt dejected": people reporting their own state
        if _followed_by_quote(verb):
            continue  # "people say, 'I'm on meth'": a quotation, not an opinion claim
        out.append(cue(m.first, m.last))
    for tok in s.having(lexicon.OPINION_ADJECTIVES):
        # "many donors remain skeptical", "politicians are worried that"
        if (
            tok.lemma_.lower() in lexicon.OPINION_ADJECTIVES
            and tok.dep_ in _ADJECTIVE_DEPS
            and tok.head.pos_ in grammar.VERB_POS
            and not _agentless_passive_word(tok)
        ):
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            if subj is not None and (_is_vague_np(subj) or _camp(subj)):
                out.append(cue(subj.left_edge, tok))
    for verb in s.having(lexicon.GROUP_VIEW_VERBS):
        # "critics call it...", "experts agree that...", "many analysts blame the war for..."
        if verb.lemma_.lower() not in lexicon.GROUP_VIEW_VERBS or verb.pos_ != "VERB":
            continue
        if verb.lemma_.lower() == "see" and not any(t.lower_ == "as" for t in verb.subtree):
            continue  # "many see him as the stronger candidate", not "many saw the film"
        if any(c.dep_ in grammar.AUX_DEPS and c.tag_ == "MD" for c in verb.children):
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None and (_is_vague_np(subj) or _camp(subj) or _quantified_group(subj)):
            out.append(cue(subj.left_edge if subj.left_edge.i >= subj.i - 3 else subj, verb))
    yield from (c for c in _unquoted(s, out) if not told_by_named(s, c))


def _headline_singular(head: Token) -> bool:
    """A singular common noun with no determiner ("..., analyst says", "Philippine lawmaker
    wants Trump banned"): a headline's shorthand for one person the story names, not a group."""
    return (
        head.tag_ == "NN"
        and head.lower_ not in lexicon.VAGUE_PRONOUNS
        and not any(c.dep_ in _COUNT_DEPS or c.dep_ == "poss" for c in head.children)
    )


def _people(head: Token) -> bool:
    """A group of people, not a document: "analysts", "many local officials", "some" (not
    "one estimate", "media reports", "polls")."""
    lemma = head.lemma_.lower()
    if lemma in lexicon.REPORT_OR_ESTIMATE | lexicon.UNNAMED_POLL_NOUNS or lemma == "media":
        return False
    if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children):
        return False  # "a fact sheet lawmakers released": the parser's plural is a document
    return lemma in lexicon.GROUP_HEADS | lexicon.BODY_SPEAKER_HEADS or head.tag_ in ("NNS", "NNPS")


def _acts_on_thing(verb: Token) -> bool:
    """ "Republicans confirmed a judge", "researchers disclosed a cache of documents": a verb
    that can report (so the source reader takes it) used for an act on a thing, with no clause
    of what is held or said."""
    if verb.lemma_.lower() not in lexicon.ACT_NOT_VIEW_VERBS:
        return False
    if any(c.dep_ in grammar.COMPLEMENT_DEPS for c in verb.children):
        return False
    return any(c.dep_ == "dobj" and c.pos_ in grammar.NOUN_POS for c in verb.children)


def _poll_share(head: Token) -> bool:
    """ "Six in 10 Virginia Democratic primary voters said", "46 percent of voters": a poll's
    share of respondents, a result (the labelling rules: a survey's respondents are not a
    vague group)."""
    phrase = list(head.subtree)
    return any(t.like_num for t in phrase) and any(t.lower_ in lexicon.SHARE_WORDS for t in phrase)


def _partisan_group(m: Source) -> bool:
    """ "Democrats said", "some Republicans worry", "Clinton allies believe": a party or camp
    speaking as a whole is no one the reader can ask (the source reader calls "Democrats" a
    name, so the weasel rule reads it here). "The Democrats on the committee" point back."""
    return _camp(m.head)


def _quantified_group(head: Token) -> bool:
    """ "some Republican leaders said", "many Carrier workers say", "many Latinos have said":
    people counted by a quantifier are a vague group however precise the noun (the source
    reader calls them people, as it must for the attribution detector's speakers). "Many",
    "most", "several" and "few" count a plural whatever the tagger says; "some" and "other"
    need a plural noun ("some official" is one person)."""
    if head.ent_type_ == "PERSON" or not head.tag_.startswith("NN"):
        return False
    quantifiers = {
        c.lower_
        for c in head.children
        if c.dep_ in ("det", "amod") and c.lower_ in lexicon.QUANTIFIERS
    }
    if quantifiers & lexicon.PLURAL_QUANTIFIERS:
        return True
    return bool(quantifiers) and head.tag_ in ("NNS", "NNPS")


def _camp(head: Token) -> bool:
    lemma = head.lemma_.lower()
    if head.tag_ == "NNPS":
        lemma = lemma.removesuffix("s")  # the tagger leaves "Democrats" as its own lemma
    if lemma not in lexicon.PARTISAN_GROUPS or head.tag_ not in grammar.PLURAL_NOUN_TAGS:
        return False
    if any(
        c.dep_ in grammar.DETERMINER_DEPS and c.lower_ in lexicon.POINTING_DETERMINERS
        for c in head.children
    ):
        return False
    return not any(
        c.dep_ == "prep" and c.lower_ in lexicon.PLACE_PREPOSITIONS for c in head.children
    )


def _polled(head: Token) -> bool:
    """ "those surveyed", "voters polled": the respondents of a poll."""
    return any(
        c.dep_ in _PARTICIPLE_DEPS and c.lemma_.lower() in lexicon.POLLED_VERBS
        for c in head.children
    )


def _agentless_passive_word(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    seen_as = lemma == "see" and any(c.lower_ == "as" for c in tok.children)
    return (lemma in lexicon.PASSIVE_CONSIDER_VERBS or seen_as) and tok.tag_ == "VBN"


def _agentless_passive(s: Sentence, found: Sequence[Signal]) -> Iterator[Candidate]:
    """ "is considered", "is regarded as", "it is estimated": opinion with no one holding it."""
    for tok in s.having(lexicon.REGARD_VERBS):
        if not _agentless_passive_word(tok) or any(c.dep_ == "agent" for c in tok.children):
            continue
        aux = [c for c in tok.children if c.dep_ == "auxpass"]
        if aux:
            if _not_asserted(tok, aux[0]) or _official_finding(tok):
                continue
            yield from _not_a_named_view(s, cue(aux[0], tok))
        elif tok.dep_ in grammar.PARTICIPLE_DEPS and tok.lemma_.lower() != "deem":
            if tok.i > 0 and tok.doc[tok.i - 1].lower_ in _ALL_CONSIDERED:
                continue  # "all (things) considered, ...": the writer weighing up, no one's view
            # the reduced passive: "the territories, seen as pivotal", "long considered one of"
            yield from _not_a_named_view(s, cue(tok, tok))


_ALL_CONSIDERED = frozenset({"all", "things"})


def _not_asserted(verb: Token, aux: Token) -> bool:
    """ "must be considered", "seeks to be seen as", "risk being seen as", "if it is seen as":
    a duty, a wish or a condition, not a view the article reports as held."""
    if aux.lower_ == "being" or any(
        c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ == "to") for c in verb.children
    ):
        return True
    return any(c.dep_ == "mark" and c.lower_ in lexicon.CONDITION_MARKS for c in verb.children)


def _official_finding(verb: Token) -> bool:
    """ "were deemed classified", "if they're deemed safe": an official ruling, not an opinion."""
    return verb.lemma_.lower() == "deem" and any(
        c.dep_ in _COMPLEMENT_ADJ_DEPS and c.pos_ == "ADJ" for c in verb.children
    )


def _widely_held(s: Sentence, found: Sequence[Signal]) -> Iterator[Candidate]:
    """ "widely expected", "is widely popular", "was widely condemned": a view given to everyone
    and so to no one."""
    for tok in s.having({"widely"}):
        head = tok.head
        if tok.lower_ != "widely" or tok.dep_ != "advmod" or head.i == tok.i:
            continue
        if head.lemma_.lower() not in lexicon.WIDELY_HELD or head.pos_ not in _VIEW_HEAD_POS:
            continue
        if head.pos_ == "VERB" and (
            head.tag_ != "VBN"
            or any(
                c.dep_ == "agent" and any(g.ent_type_ == "PERSON" for g in c.subtree)
                for c in head.children
            )
        ):
            continue  # "widely shared by Smith": a named holder
        yield from _not_a_named_view(s, cue(tok, head))


def _unattributed_concern(s: Sentence, found: Sequence[Signal]) -> Iterator[Candidate]:
    """ "there are growing concerns that...": whose concern, the article does not say."""
    sent = s.span
    for tok in s.having(lexicon.CONCERN_NOUNS):
        if (
            tok.lemma_.lower() in lexicon.CONCERN_NOUNS
            and tok.pos_ == "NOUN"
            and not _agentless_passive_word(tok)
        ):
            there = next(
                (t for t in tok.doc[max(sent.start, tok.i - 3) : tok.i] if t.tag_ == "EX"), None
            )
            nxt = tok.doc[tok.i + 1] if tok.i + 1 < sent.end else None
            if there is not None and nxt is not None and nxt.lower_ in lexicon.VIEW_PREPOSITIONS:
                yield from _not_a_named_view(s, cue(there, tok))


def _not_a_named_view(s: Sentence, c: Candidate) -> list[Candidate]:
    """The candidate, unless quoted or part of what a named source says."""
    if s.quoted(c.start):
        return []
    last = s.doc.char_span(c.start, c.end, alignment_mode="expand")[-1]
    return [] if named_cover(last, s.sources) else [c]


def _is_vague_np(tok: Token) -> bool:
    return source_kind(tok, tok.sent) == VAGUE


def _followed_by_quote(verb: Token) -> bool:
    doc = verb.doc
    for t in doc[verb.i + 1 : verb.i + 3]:
        if t.text in ('"', "\u201c", "\u2018", "'"):
            return True
        if not t.is_punct:
            return False
    return False


REPORTED_RULES = (
    Rule(
        "reportedly",
        "reported",
        '"{cue}": the article passes on a report without saying whose, or standing behind it.',
        _adverb("reportedly"),
    ),
    Rule(
        "allegedly",
        "reported",
        '"{cue}": this is an allegation, not an established fact.',
        _adverb("allegedly"),
    ),
    Rule(
        "purportedly",
        "reported",
        '"{cue}": the article repeats what is claimed without vouching for it.',
        _adverb("purportedly"),
    ),
    Rule(
        "supposedly",
        "reported",
        '"{cue}": the article repeats what is claimed without vouching for it.',
        _adverb("supposedly"),
    ),
    Rule(
        "rumour",
        "reported",
        '"{cue}": the statement rests on rumour, not on a source the reader can check.',
        _rumour,
    ),
    Rule(
        "speculation",
        "reported",
        '"{cue}": the statement rests on speculation, not on a named source.',
        _speculation,
    ),
    Rule(
        "unnamed_poll",
        "reported",
        '"{cue}": the poll or study is not identified, so the reader cannot check it.',
        _unnamed_poll,
    ),
    Rule(
        "reports_of",
        "reported",
        '"{cue}": these are second-hand reports; the article does not say who made them'
        " or that they are true.",
        _reports_of,
    ),
    Rule(
        "unnamed_report",
        "reported",
        '"{cue}": the report is not identified, so the reader cannot check it.',
        _unnamed_report_rule,
    ),
    Rule(
        "said_to",
        "reported",
        '"{cue}": the article says it is said, without saying by whom.',
        _said_to,
    ),
    Rule(
        "has_been_reported",
        "reported",
        '"{cue}": the article says this has been reported, without saying by whom or where.',
        _has_been_reported,
    ),
)

ANONYMOUS_RULES = (
    Rule(
        "anonymous_source",
        "anonymous_source",
        'The source, "{cue}", is not named, so readers cannot judge or check it.',
        _anonymous_source,
    ),
    Rule(
        "unnamed_insider",
        "anonymous_source",
        'The source, "{cue}", is someone close to the story who is not named, so readers'
        " cannot judge or check it.",
        _unnamed_insider,
    ),
    Rule(
        "it_is_understood",
        "anonymous_source",
        '"{cue}": the information comes from a source the article does not name.',
        _it_is_understood,
    ),
)

# Runs after every other decisive rule: it defers to their anonymous sources.
FROM_ATTRIBUTION_RULES = (
    Rule(
        "attribution_anonymous",
        "anonymous_source",
        'The source, "{cue}", is not named, so readers cannot judge or check it.',
        _attribution_anonymous,
    ),
)

WEASEL_RULES = (
    Rule(
        "vague_source",
        "weasel",
        '"{cue}": the opinion is given to an unnamed group, so nobody stands behind it.',
        _vague_source,
    ),
    Rule(
        "agentless_passive",
        "weasel",
        '"{cue}": the article does not say who holds this view.',
        _agentless_passive,
    ),
    Rule(
        "widely_held",
        "weasel",
        '"{cue}": the article says many hold this view without saying who.',
        _widely_held,
    ),
    Rule(
        "unattributed_concern",
        "weasel",
        '"{cue}": the article does not say whose concern this is.',
        _unattributed_concern,
    ),
)

SUPPORTING_RULES = (
    Rule(
        "claimed",
        "reported",
        '"{cue}": this is a claim by an interested party, not an established fact.',
        _claimed,
        supporting=True,
    ),
)
