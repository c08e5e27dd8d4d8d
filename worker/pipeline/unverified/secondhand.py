"""Second-hand claims: ``reported`` (reportedly, allegedly, reports of, rumours),
``anonymous_source`` (officials said, a person familiar with the matter, it is understood) and
``weasel`` (critics argue, experts say, it is considered)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from worker.pipeline.unverified import cues
from worker.pipeline.unverified.negatives import QuoteMap, has_modal, named_cover
from worker.pipeline.unverified.signals import Signal, signal_for_tokens
from worker.pipeline.unverified.sourcing import ANONYMOUS, VAGUE, SourceMention, classify_source

_CHARGE_PREPS = frozenset({"for", "over", "of", "with", "in"})
_DENIAL_LEMMAS = frozenset({"dismiss", "deny", "reject", "debunk", "refute", "quash", "dispel"})
_UNNAMED_REPORT_MODS = frozenset(
    {
        "a",
        "an",
        "one",
        "some",
        "several",
        "many",
        "numerous",
        "multiple",
        "media",
        "news",
        "press",
        "unconfirmed",
        "unverified",
        "local",
        "other",
        "earlier",
        "conflicting",
    }
)
_SELF_REPORT_SUBJECTS = frozenset({"they", "we", "i"})
_CONCERN_NOUNS = frozenset({"concern", "fear", "worry", "speculation", "suspicion", "belief"})


def _mods_name_someone(tok: Token) -> bool:
    """ "The Wrap's report", "a Fast Company report", "reports from Deadline", or reports
    "released" by a named body: the report has an author the reader can check."""
    near = [
        t
        for c in tok.children
        if c.dep_ in ("poss", "compound", "amod", "nmod", "det")
        for t in c.subtree
    ]
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "by", "in"):
            near.extend(c.subtree)
    if any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG") or t.dep_ == "poss" for t in near):
        return True
    if tok.dep_ == "dobj":
        subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and any(t.pos_ == "PROPN" for t in subj.subtree):
            return True
    return False


def reported_signals(
    sent: Span, mentions: list[SourceMention], quotes: QuoteMap, paragraph_named_report: bool
) -> list[Signal]:
    out: list[Signal] = []
    lemmas = {t.lemma_.lower() for t in sent}
    for tok in sent:
        lower, lemma = tok.lower_, tok.lemma_.lower()
        if lower in cues.REPORTED_ADVERBS:
            head = tok.head
            if head.pos_ not in ("VERB", "AUX"):
                continue  # "supposedly secret statements": a sneer at a word, not a claim
            if head.tag_ == "VBG" and head.head.lower_ in _CHARGE_PREPS:
                continue  # "charged for allegedly abusing his office": naming the charge
            if lower == "reportedly" and (named_cover(head, mentions) or paragraph_named_report):
                continue  # the report's source is named: an attribution, not a rumour
            out.append(signal_for_tokens("reported", lower, tok, tok))
        elif lemma in ("rumor", "rumour") or lower.startswith(("rumor", "rumour")):
            if _denied(sent, lemmas) or named_cover(tok, mentions):
                continue
            out.append(signal_for_tokens("reported", "rumour", tok, tok))
        elif lemma == "speculation" and tok.pos_ == "NOUN":
            out.append(signal_for_tokens("reported", "speculation", tok, tok))
        elif (
            lemma == "theory"
            and any(c.lower_ == "conspiracy" for c in tok.children)
            and not (_denied(sent, lemmas) or named_cover(tok, mentions))
        ):
            first = next(c for c in tok.children if c.lower_ == "conspiracy")
            out.append(signal_for_tokens("reported", "rumour", first, tok))
        elif lemma in ("report", "estimate") and tok.pos_ == "NOUN":
            sig = _unnamed_report(tok)
            if sig is not None:
                out.append(sig)
        elif (
            # "X is said to be", "were reported to have", "it has been reported that":
            # an agentless passive of saying
            (lemma in cues.PASSIVE_SAY_VERBS or lemma == "claim")
            and tok.tag_ == "VBN"
            and any(c.dep_ == "auxpass" for c in tok.children)
            and (
                any(c.dep_ == "xcomp" for c in tok.children)
                or (
                    any(c.lower_ == "it" and c.dep_ in ("nsubjpass", "expl") for c in tok.children)
                    and any(c.dep_ == "ccomp" for c in tok.children)
                )
            )
            and not any(c.dep_ == "agent" for c in tok.children)
            and not named_cover(tok, mentions)
        ):
            aux = next(c for c in tok.children if c.dep_ == "auxpass")
            out.append(signal_for_tokens("reported", "said_to", aux, tok))
    for m in mentions:
        if m.kind == VAGUE and m.head.lower_ == "media" and m.cue.lower_ != "according":
            out.append(signal_for_tokens("reported", "unnamed_report", m.first, m.last))
    return [s for s in out if not quotes.inside(s.start)]


def _denied(sent: Span, lemmas: set[str]) -> bool:
    """ "Trump dismisses health rumors", "nowhere near the $35 million that's been rumored"."""
    return (
        bool(lemmas & _DENIAL_LEMMAS)
        or "nowhere" in lemmas
        or any(t.lower_.startswith(("dismiss", "deni", "deny", "reject", "debunk")) for t in sent)
    )


def _unnamed_report(tok: Token) -> Signal | None:
    """ "reports of casualties", "with reports that...", "according to media reports",
    "according to one estimate" — but not "the report", "The Wrap's report", "reports from
    Deadline"."""
    if _mods_name_someone(tok):
        return None
    dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "amod", "compound", "nummod")}
    if dets & {"the", "this", "that", "these", "those", "its", "their", "his", "her", "your"}:
        return None
    children = list(tok.children)
    of = next((c for c in children if c.dep_ == "prep" and c.lower_ == "of"), None)
    that_clause = any(
        c.dep_ in ("acl", "relcl", "ccomp")
        and any(g.lower_ == "that" and g.dep_ == "mark" for g in c.children)
        for c in children
    )
    after_according = tok.head.lower_ == "to" and tok.head.head.lower_ == "according"
    unnamed_mod = bool(dets & _UNNAMED_REPORT_MODS) or (tok.tag_ == "NNS" and not dets)
    if tok.lemma_.lower() == "estimate" and not after_according:
        return None
    if (
        tok.dep_ == "nsubj"
        and tok.tag_ == "NNS"
        and tok.head.lemma_.lower() in cues.REPORTING_VERBS | cues.SAY_VERBS
        and (unnamed_mod or not dets)
    ):
        # "some reports suggest", "reports say": reports with no author
        return signal_for_tokens("reported", "unnamed_report", tok.left_edge, tok)
    if of is not None and tok.tag_ == "NNS":
        last = next((c for c in of.children if c.dep_ == "pobj"), of)
        return signal_for_tokens(
            "reported",
            "reports_of",
            tok,
            last.right_edge if last.right_edge.i - tok.i < 6 else last,
        )
    if (that_clause and tok.tag_ == "NNS") or (after_according and unnamed_mod):
        first = tok.left_edge if tok.left_edge.i >= tok.i - 3 else tok
        return signal_for_tokens("reported", "unnamed_report", first, tok)
    if unnamed_mod and dets & {"media", "news", "press", "unconfirmed", "unverified"}:
        return signal_for_tokens("reported", "unnamed_report", tok.left_edge, tok)
    return None


def anonymous_signals(sent: Span, mentions: list[SourceMention], quotes: QuoteMap) -> list[Signal]:
    out: list[Signal] = []
    for m in mentions:
        if m.kind != ANONYMOUS or quotes.inside(m.head.idx):
            continue
        if m.cue.lemma_.lower() in cues.PURE_OPINION_VERBS:
            continue  # an unnamed group's wish or belief: a weasel attribution (below)
        if m.cue.pos_ in ("VERB", "AUX") and has_modal(
            m.cue, frozenset({"would", "could", "might"})
        ):
            continue  # a hypothetical leaker is no source of this article's claims
        out.append(signal_for_tokens("anonymous_source", "anonymous_source", m.first, m.last))
    for tok in sent:
        # "it is understood (that)", "X is understood to": the British press's unnamed source
        if tok.lemma_.lower() == "understand" and tok.tag_ == "VBN":
            aux = [c for c in tok.children if c.dep_ == "auxpass"]
            subj = [c for c in tok.children if c.dep_ in ("nsubjpass", "expl")]
            agentless = aux and subj and not any(c.dep_ == "agent" for c in tok.children)
            if agentless and (
                subj[0].lower_ == "it" or any(c.dep_ == "xcomp" for c in tok.children)
            ):
                first = subj[0] if subj[0].lower_ == "it" else aux[0]
                out.append(signal_for_tokens("anonymous_source", "it_is_understood", first, tok))
    return [s for s in out if not quotes.inside(s.start)]


def weasel_signals(sent: Span, mentions: list[SourceMention], quotes: QuoteMap) -> list[Signal]:
    out: list[Signal] = []
    for m in mentions:
        opinion_of_insiders = (
            m.kind == ANONYMOUS and m.cue.lemma_.lower() in cues.PURE_OPINION_VERBS
        )
        if not (m.kind == VAGUE or opinion_of_insiders) or quotes.inside(m.head.idx):
            continue
        if m.head.lemma_.lower() in cues.REPORT_NOUNS or m.head.lower_ == "media":
            continue  # "report finds", "local media reported": unnamed reports, not opinion
        verb = m.cue
        if verb.lower_ == "according" or verb.lemma_.lower() == "cite":
            continue  # "according to one estimate" is a report, handled as ``reported``
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in verb.children):
            continue  # "if scientists found...": a condition, not a claim
        if verb.lemma_.lower() not in cues.OPINION_VERBS | cues.SAY_VERBS:
            continue
        modals = {c.lower_ for c in verb.children if c.dep_ == "aux"}
        if verb.dep_ == "xcomp":  # "people will begin to think"
            modals |= {c.lower_ for c in verb.head.children if c.dep_ == "aux"}
        if modals & {"may", "might", "could", "can", "will", "'ll"} or (
            modals & {"would"} and verb.lemma_.lower() != "like"
        ):
            continue  # "others may argue": a hypothetical objection, not a claim
        content_subjects = {
            g.lower_
            for c in verb.children
            if c.dep_ in ("ccomp", "xcomp")
            for g in c.children
            if g.dep_ in ("nsubj", "nsubjpass")
        }
        if content_subjects & _SELF_REPORT_SUBJECTS and verb.lemma_.lower() in ("say", "tell"):
            continue  # "some said they felt dejected": people reporting their own state
        if _followed_by_quote(verb):
            continue  # "people say, 'I'm on meth'": a quotation, not an opinion claim
        out.append(signal_for_tokens("weasel", "vague_source", m.first, m.last))
    for tok in sent:
        lemma = tok.lemma_.lower()
        # "is considered", "is regarded as", "it is estimated": opinion with no one holding it
        seen_as = lemma == "see" and any(c.lower_ == "as" for c in tok.children)
        if (lemma in cues.PASSIVE_CONSIDER_VERBS or seen_as) and tok.tag_ == "VBN":
            aux = [c for c in tok.children if c.dep_ == "auxpass"]
            if aux and not any(c.dep_ == "agent" for c in tok.children):
                out.append(signal_for_tokens("weasel", "agentless_passive", aux[0], tok))
        # "many donors remain skeptical", "politicians are worried that"
        elif (
            lemma in cues.OPINION_ADJECTIVES
            and tok.dep_ in ("acomp", "amod")
            and tok.head.pos_ in ("AUX", "VERB")
        ):
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            if subj is not None and _is_vague_np(subj):
                out.append(signal_for_tokens("weasel", "vague_source", subj.left_edge, tok))
        # "there are growing concerns that..."
        elif lemma in _CONCERN_NOUNS and tok.pos_ == "NOUN":
            there = next(
                (t for t in tok.doc[max(sent.start, tok.i - 3) : tok.i] if t.tag_ == "EX"), None
            )
            nxt = tok.doc[tok.i + 1] if tok.i + 1 < sent.end else None
            if there is not None and nxt is not None and nxt.lower_ in ("that", "about", "over"):
                out.append(signal_for_tokens("weasel", "unattributed_concern", there, tok))
    return [
        s
        for s in out
        if not quotes.inside(s.start)
        and not (
            s.code != "vague_source"
            and named_cover(
                sent.doc.char_span(s.start, s.end, alignment_mode="expand")[-1], mentions
            )
        )
    ]


def _is_vague_np(tok: Token) -> bool:
    return classify_source(tok, tok.sent) == VAGUE


def _followed_by_quote(verb: Token) -> bool:
    doc = verb.doc
    for t in doc[verb.i + 1 : verb.i + 3]:
        if t.text in ('"', "\u201c", "\u2018", "'"):
            return True
        if not t.is_punct:
            return False
    return False
