"""Numeric claims a reader must take on trust: casualties, arrests, crowds and money spent or
lost (Wikipedia's "citation needed" guidance: statistics and contentious figures need an
inline source). Only the *figure* is found here; whether the sentence or its paragraph gives a
source is decided by the caller."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Span, Token

from worker.pipeline import grammar, lexicon
from worker.pipeline.reading import QuoteMap
from worker.pipeline.sources import ANONYMOUS
from worker.pipeline.unverified.counting_body import counted_by_named_body
from worker.pipeline.unverified.negatives import is_embedded_post, is_sport
from worker.pipeline.unverified.rule import Candidate, Detect, Rule, Sentence, Signal, cue

# A number set off by a comma ("the toll, 40,").
_ASIDE_DEPS = frozenset({"appos", "npadvmod"})
# Links from a number to what it counts.
_NUMBER_DEPS = frozenset({"nummod", "quantmod", "compound"})
# Kinds of figure read only on a verb ("gathered", "spent").
_VERB_ONLY_KINDS = frozenset({"crowd", "money"})
# Kinds of figure not read in the present tense.
_PAST_ONLY_KINDS = frozenset({"harm", "arrest"})
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})
# Entity types of a title, not a count ("Ocean's 11").
_TITLE_ENTS = frozenset({"WORK_OF_ART", "ORG", "PRODUCT", "EVENT"})
_MONEY_KINDS = frozenset({"money", "money_noun"})
# Where a counted noun sits under its verb.
_COUNTED_DEPS = frozenset({"dobj", "nsubjpass", "attr", "npadvmod"})
_INFINITIVE_DEPS = frozenset({"xcomp", "advcl"})

_NON_COUNT_ENTS = frozenset({"DATE", "TIME", "PERCENT", "ORDINAL", "QUANTITY"})
# Who a crowd figure counts: people, or a crowd itself.
_PEOPLE = lexicon.PEOPLE_NOUNS | lexicon.CROWD_NOUNS
_CLASS_OF = {}
for _w in lexicon.HARM_WORDS:
    _CLASS_OF[_w] = "harm"
for _w in lexicon.ARREST_WORDS:
    _CLASS_OF[_w] = "arrest"
for _w in lexicon.CROWD_VERBS:
    _CLASS_OF.setdefault(_w, "crowd")
for _w in lexicon.AUDIENCE_VERBS:
    _CLASS_OF.setdefault(_w, "crowd")
for _w in lexicon.MONEY_VERBS | lexicon.SPENDING_VERBS:
    _CLASS_OF.setdefault(_w, "money")
# A population of at least this many is a figure a reader must take on trust ("11 million
# immigrants"); smaller counts of people are mostly the story's own ("three students").
POPULATION_FLOOR = 1000
# Fewer people than this are a group in the story, not a crowd figure to take on trust
# ("two men attended"); "roughly 14 supporters attended" is still a crowd count.
CROWD_FLOOR = 10


def _is_money(q: Token) -> bool:
    if q.ent_type_ == "MONEY":
        return True
    prev = q.doc[q.i - 1] if q.i > 0 else None
    return prev is not None and prev.text in lexicon.CURRENCY_SIGNS


def _class_of(c: Token) -> str | None:
    lemma = c.lemma_.lower()
    if lemma in lexicon.MONEY_NOUNS | lexicon.SPENDING_NOUNS and c.pos_ == "NOUN":
        return "money_noun"
    if lemma in lexicon.AUDIENCE_NOUNS and c.pos_ == "NOUN":
        return "crowd_noun"
    if lemma == "take" and any(t.lemma_.lower() == "street" for t in c.subtree):
        return "crowd"  # "took to the streets"
    if lemma == "life" and not any(m.dep_ == "nummod" for m in c.children):
        return None  # "30 lives" is a toll; "his life" is not
    if lemma == "case":
        # "10 human cases" of a disease; not "two cases against Israel" in court
        return "harm" if any(m.lower_ in lexicon.CASE_MODIFIERS for m in c.children) else None
    return _CLASS_OF.get(lemma) or _CLASS_OF.get(c.lower_)


def _quantities(sent: Span) -> list[Token]:
    out = []
    for t in sent:
        lemma = t.lemma_.lower()
        if not ((t.like_num and t.tag_ == "CD") or lemma in lexicon.QUANTITY_NOUNS):
            continue  # "first", "6th": ordinals count nothing
        if t.ent_type_ in _NON_COUNT_ENTS and not (t.ent_type_ == "QUANTITY" and t.like_num):
            continue
        doc = t.doc
        nxt2 = doc[t.i + 2] if t.i + 2 < len(doc) else None
        prv2 = doc[t.i - 2] if t.i >= 2 else None
        if (nxt2 is not None and doc[t.i + 1].text in lexicon.HYPHENS and nxt2.like_num) or (
            prv2 is not None and doc[t.i - 1].text in lexicon.HYPHENS and prv2.like_num
        ):
            continue  # "120-90": a score
        if t.dep_ in _ASIDE_DEPS and t.i > 0 and t.doc[t.i - 1].text == ",":
            continue  # "Webb, 51," — an age
        head = t.head if t.dep_ in _NUMBER_DEPS else t
        if head.lemma_.lower() in lexicon.NON_COUNT_UNITS or head.lower_ in lexicon.NON_COUNT_UNITS:
            continue
        nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
        if (
            nxt is not None
            and nxt.text in lexicon.HYPHENS
            and t.i + 2 < len(t.doc)
            and t.doc[t.i + 2].lower_ in lexicon.AGE_UNITS
        ):
            continue  # "57-year-old"
        out.append(t)
    return out


def _counted(q: Token) -> Token:
    """The noun a quantity counts: "346" in "a total of 346 people" counts "people", "20,000"
    in "a crowd of 20,000" counts the crowd."""
    of_crowd = q.head.head.lemma_.lower() in lexicon.CROWD_NOUNS
    if q.dep_ == "pobj" and q.head.lower_ == "of" and of_crowd:
        return q.head.head
    cur = q
    for _ in range(2):
        if cur.dep_ in _NUMBER_DEPS and cur.head.i != cur.i:
            cur = cur.head
        else:
            break
    return cur


def _path_up(t: Token) -> list[Token]:
    out = [t]
    while out[-1].head.i != out[-1].i:
        out.append(out[-1].head)
    return out


def _across_clauses(a: Token, b: Token) -> bool:
    """The tree path between a count and a harm word enters a relative clause: "the gunman, who
    killed his neighbours, passed three background checks" counts the checks, not the dead;
    "who chaired the committee for three terms, died" counts terms. (Adverbial and content clauses
    stay: "150 Indians returned after being deported", "learning 6 soldiers died".)"""
    up_a, up_b = _path_up(a), _path_up(b)
    common = next((t for t in up_a if t in up_b), None)
    if common is None:
        return True
    path = up_a[: up_a.index(common)] + up_b[: up_b.index(common)]
    return any(t.dep_ in _CLAUSE_DEPS for t in path)


# Edges into a clause that describes another noun.
_CLAUSE_DEPS = frozenset({"relcl"})


def _tree_distance(a: Token, b: Token, limit: int = 4) -> int:
    anc_a = [a]
    cur = a
    while cur.head.i != cur.i and len(anc_a) <= limit:
        cur = cur.head
        anc_a.append(cur)
    cur = b
    steps = 0
    while steps <= limit:
        if cur in anc_a:
            return steps + anc_a.index(cur)
        if cur.head.i == cur.i:
            break
        cur = cur.head
        steps += 1
    return 99


def _figures(sent: Span, quotes: QuoteMap) -> list[tuple[str, Candidate]]:
    quantities = _quantities(sent)
    if not quantities:
        return []
    out: list[tuple[str, Candidate]] = []
    for c in sent:
        kind = _class_of(c)
        if kind is None or quotes.inside(c.idx):
            continue
        if c.pos_ in grammar.VERB_POS and any(
            a.dep_ == "aux" and a.lower_ in lexicon.HYPOTHETICAL_AUXILIARIES for a in c.children
        ):
            continue  # "could kill up to..." is a forecast, not a count
        if kind == "money" and _unspent(c):
            continue
        if kind in _VERB_ONLY_KINDS and c.pos_ != "VERB":
            continue
        if kind == "crowd_noun":
            # "a crowd of about 1,200 supporters", "an audience of 3,000"
            q = _crowd_size(c)
            if q is not None and not quotes.inside(q.idx):
                out.append(("crowd", cue(c, q.head if q.head.i > q.i else q)))
            continue
        if kind in _PAST_ONLY_KINDS and c.tag_ in _PRESENT_TAGS:
            continue  # "smoking kills 480,000 a year": a generic statement, not an event count
        if c.pos_ == "PROPN" or c.ent_type_ in _TITLE_ENTS:
            continue  # "Red Dead Redemption 2": a title, not a death
        for q in quantities:
            if quotes.inside(q.idx) or abs(q.i - c.i) > 10:
                continue
            money = _is_money(q)
            if (kind in _MONEY_KINDS) != money:
                continue
            n = _counted(q)
            if kind == "crowd" and not _is_people(n):
                continue
            if kind == "crowd" and _small_count(q):
                continue  # "two men emerged", "three friends joined him": no crowd
            if kind == "money_noun" and _tree_distance(n, c) > 2:
                continue
            if kind == "money" and not (
                (n.head.i == c.i and n.dep_ in _COUNTED_DEPS) or _sum_more_than(n, c)
            ):
                continue  # "spent $2m", "cost $5m"; not "lost 0.06% to $1,737" (a price)
            if kind == "money" and _price_or_deal(c):
                continue
            near = _tree_distance(n, c) <= 4 and not (
                kind in _PAST_ONLY_KINDS and _across_clauses(n, c)
            )
            if n.i == c.i or q.head.i == c.i or c.head.i in (n.i, q.i) or near:
                first = min(q.i, n.i, c.i)
                last = max(q.i, n.i, c.i)
                first_tok = q.doc[first]
                # start the cue at the quantity's modifiers ("at least 22", "more than 6,400")
                lead = [t for t in q.subtree if t.i < q.i and t.i >= first - 3]
                if lead and lead[0].i < first:
                    first_tok = lead[0]
                code = "money" if kind == "money_noun" else kind
                out.append((code, cue(first_tok, q.doc[last])))
                break
    return out


def _spending_and_protest_figures(
    sent: Span, quotes: QuoteMap, quantities: list[Token]
) -> list[tuple[str, Candidate]]:
    """Figures told by their noun alone, with no verb of gathering or spending: "about 200
    protesters congregated", "a $1.5 million ad buy", "$22 million in negative ads", "the $59
    million spent by the campaign"."""
    out: list[tuple[str, Candidate]] = []
    for q in quantities:
        if quotes.inside(q.idx):
            continue
        n = _counted(q)
        lead = [t for t in q.subtree if t.i < q.i and t.i >= q.i - 3]
        first = lead[0] if lead else q
        if not _is_money(q):
            if n.lemma_.lower() in lexicon.PROTEST_PEOPLE and n.i > q.i:
                out.append(("crowd", cue(first, n)))
            continue
        spent = (
            n.lemma_.lower() in lexicon.ADVERTISING_NOUNS
            or any(
                # "a $1 million ad campaign": the ad word modifies the sum's noun
                c.dep_ == "compound" and c.lemma_.lower() in lexicon.ADVERTISING_NOUNS
                for c in n.children
            )
            or any(
                (c.dep_ == "prep" and c.lower_ in ("in", "of", "on"))
                and any(g.lemma_.lower() in lexicon.ADVERTISING_NOUNS for g in c.children)
                or (c.dep_ == "acl" and c.lemma_.lower() in lexicon.SPENDING_VERBS | {"spend"})
                for c in n.children
            )
        )
        if spent and not _hypothetical(n.head):
            last = max(n, q, key=lambda t: t.i)
            out.append(("money", cue(first, last)))
    return out


def _unspent(verb: Token) -> bool:
    """Money the text does not say was spent or lost: under a modal or a condition ("would cost
    $20 million to outfit", "unless he is paid $5 million"), the infinitive of a noun ("an
    announcement to spend 130 billion euros": the plan, which its announcer sources) or of a
    negated verb ("hasn't bothered to spend tens of billions"). A group's stated aim stays a
    figure to take on trust ("aims to spend almost $900 million")."""
    for v in (verb, verb.head):
        if any(
            (c.dep_ in ("aux", "auxpass") and c.tag_ == "MD")
            or (c.dep_ == "mark" and c.lower_ in lexicon.CONDITION_MARKS)
            for c in v.children
        ):
            return True
        if v.head.i == v.i:
            break
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    return verb.dep_ == "acl" or any(c.dep_ == "neg" for c in verb.head.children)


def _sum_more_than(n: Token, verb: Token) -> bool:
    """ "spent roughly $2 million more than the Clinton campaign": the sum measures the
    comparative the verb takes as its object."""
    return (
        n.dep_ == "npadvmod"
        and n.head.lower_ in lexicon.COMPARATIVE_AMOUNTS
        and n.head.dep_ in _COUNTED_DEPS
        and n.head.head.i == verb.i
    )


def _small_count(q: Token) -> bool:
    """Fewer than ``CROWD_FLOOR``: "two", "nine", "7"."""
    value = lexicon.SMALL_NUMBER_WORDS.get(q.lower_)
    if value is None:
        value = _number(q)
    return value is not None and value < CROWD_FLOOR


def _price_or_deal(verb: Token) -> bool:
    """ "membership costs $25,000", "would cost $20 million to outfit" (a price), "agreed to pay
    $325 million to settle", "after paying $365 million to buy" (a settlement or deal value):
    figures the labelling rules leave alone, unlike money spent or lost."""
    lemma = verb.lemma_.lower()
    if lemma == "cost" and (
        verb.tag_ in _PRESENT_TAGS or any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)
    ):
        return True
    return lemma in ("pay", "owe") and any(
        c.dep_ in _INFINITIVE_DEPS and c.lemma_.lower() in lexicon.DEAL_VERBS for c in verb.children
    )


def _crowd_size(crowd: Token) -> Token | None:
    """The number in "a crowd of (about) 1,200 (supporters)"."""
    of = next((c for c in crowd.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None:
        return None
    for t in of.subtree:
        if t.like_num and t.tag_ == "CD" and t.ent_type_ not in _NON_COUNT_ENTS:
            return t
    return None


def _number(q: Token) -> float | None:
    """The value of a quantity token: "3,000" 3000, "million" 1e6, "1.5" 1.5."""
    scale = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "thousands": 1e3, "millions": 1e6}
    if q.lower_ in scale:
        return scale[q.lower_]
    try:
        value = float(q.text.replace(",", ""))
    except ValueError:
        return None
    nxt = q.doc[q.i + 1] if q.i + 1 < len(q.doc) else None
    if nxt is not None and nxt.lower_ in scale:
        value *= scale[nxt.lower_]
    return value


def _vague_plural(q: Token) -> bool:
    """ "millions of people", "the thousands of workers": a round plural with no number or
    qualifier of its own, and not itself counted ("tens of millions" is)."""
    return (
        q.lower_ in lexicon.VAGUE_PLURAL_QUANTITIES
        and q.dep_ != "pobj"
        and not any(c.dep_ in ("nummod", "quantmod", "advmod", "npadvmod") for c in q.children)
    )


def _populations(sent: Span, quotes: QuoteMap, quantities: list[Token]) -> list[Candidate]:
    """ "11 million undocumented immigrants", "300,000 steel workers": a large count of people
    stated as fact."""
    out = []
    for q in quantities:
        if quotes.inside(q.idx) or _is_money(q):
            continue
        value = _number(q)
        if value is None or value < POPULATION_FLOOR or 1800 <= value <= 2100:
            continue  # a year is no population
        if _vague_plural(q):
            continue
        n = _counted(q)
        if n.i == q.i and q.dep_ == "pobj":
            continue
        if n.lemma_.lower() in lexicon.QUANTITY_NOUNS:
            of = next((c for c in n.children if c.lower_ == "of" and c.dep_ == "prep"), None)
            n = next((g for g in of.children if g.dep_ == "pobj"), n) if of is not None else n
        nouns = lexicon.POPULATION_NOUNS | lexicon.MORE_POPULATION_NOUNS
        if not (n.lemma_.lower() in nouns or n.lower_ in nouns):
            continue
        if n.dep_ == "pobj" and n.head.lower_ in lexicon.RATE_PREPOSITIONS:
            continue  # "gave coverage to 400,000 residents", "grew by 7 million people": a rate
        if any(c.dep_ in grammar.DETERMINER_DEPS and c.lower_ != "some" for c in n.children):
            continue  # "the 20 million residents of Delhi": a known population, not a claim
        verb = n.head
        while verb.pos_ not in grammar.VERB_POS and verb.head.i != verb.i:
            verb = verb.head
        if _hypothetical(verb):
            continue  # "if millions of people lose...", "will become eligible": not a count
        if verb.lemma_.lower() in lexicon.VOTING_VERBS:
            continue  # "367,000 people voted": a vote count or turnout, official results
        first = min(q.i, n.i)
        lead = [t for t in q.subtree if t.i < q.i and t.i >= first - 3]
        out.append(cue(lead[0] if lead else q.doc[first], q.doc[max(q.i, n.i)]))
    return out[:1]


def _hypothetical(verb: Token) -> bool:
    """A forecast, condition or wish: "will become eligible", "if millions lose", "vowing to
    bring back millions of jobs"."""
    for v in (verb, verb.head):
        if any(
            (c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ == "to"))
            or (c.dep_ == "mark" and c.lower_ in lexicon.CONDITION_MARKS)
            for c in v.children
        ):
            return True
        if v.head.i == v.i:
            break
    # a bare gerund ("vowing to bring back millions of jobs") is no count; a progressive ("are
    # studying") tells what is going on
    progressive = any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children)
    # a gerund after a preposition tells a fact ("credit for taking in one million migrants",
    # "talking about deporting millions")
    gerund = verb.tag_ == "VBG" and not progressive and verb.dep_ != "pcomp"
    return gerund or (verb.dep_ in _INFINITIVE_DEPS and verb.tag_ == "VB")


def _is_people(n: Token) -> bool:
    lemma = n.lemma_.lower()
    if lemma in _PEOPLE or n.lower_ in _PEOPLE or n.ent_type_ == "NORP":
        return True
    if lemma in lexicon.QUANTITY_NOUNS:  # "hundreds of them", "thousands of protesters"
        of = next((c for c in n.children if c.lower_ == "of" and c.dep_ == "prep"), None)
        pobj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        return pobj is not None and _is_people(pobj)
    return False


def _confirmed(sent: Span) -> bool:
    """ "The death toll, confirmed by the ministry, ..." — the text vouches for the figure."""
    return any(
        t.lower_ in lexicon.CONFIRMATION_WORDS
        and not any(c.dep_ == "neg" for c in t.head.children)
        and not any(c.dep_ == "neg" for c in t.children)
        for t in sent
    )


def _unsourced_figures(s: Sentence) -> list[tuple[str, Candidate]]:
    """The sentence's figures, when neither it nor its paragraph gives a source, the text does
    not vouch for them, and it is no embedded post or sport report."""
    sent = s.span
    if not figures_may_stand(s):
        return []
    found = _figures(sent, s.reading.quoted)
    if not found:
        quantities = _quantities(sent)
        found = _spending_and_protest_figures(sent, s.reading.quoted, quantities)
    if not found:
        found = [("population", c) for c in _populations(sent, s.reading.quoted, quantities)]
    return left_unsourced(s, found)


def figures_may_stand(s: Sentence) -> bool:
    """No other sentence of the paragraph sources its figures, and the sentence is no embedded
    post, no sport report, and does not vouch for its figures itself."""
    sent = s.span
    elsewhere = s.figures_sourced_elsewhere
    if elsewhere is None:
        elsewhere = s.paragraph_sourced if s.sourced_elsewhere is None else s.sourced_elsewhere
    if elsewhere or is_embedded_post(sent) or _confirmed(sent):
        return False
    return not is_sport(sent, s.paragraph_text)


def left_unsourced(s: Sentence, found: list[tuple[str, Candidate]]) -> list[tuple[str, Candidate]]:
    """The figures ``found`` in the sentence that no source of it tells, that are no study's
    sample and that no named body counts."""
    if s.paragraph_sourced:
        # the sentence's own source covers the figures it tells, not the ones around what it
        # tells ("Trump called for the ban after Farook killed 14 people")
        found = [(code, c) for code, c in found if not told_by_source(s, c)]
    found = [(code, c) for code, c in found if not _study_sample(s, c)]
    # "the ministry counted 40 dead": a named body that yields the count sources it
    return [(code, c) for code, c in found if not counted_by_named_body(s, c)]


def _study_sample(s: Sentence, c: Candidate) -> bool:
    """ "a clinical study of 72 cases", "the data included 7.6 million deaths": the figure is
    the size of a study's material (an ancestor of the cue, or the subject of its verb)."""
    span = s.doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None:
        return False
    for tok in span:
        for a in [*tok.ancestors][:4]:
            if a.pos_ == "NOUN" and a.lemma_.lower() in lexicon.STUDY_SAMPLE_NOUNS:
                return True
            if a.pos_ in grammar.VERB_POS:
                return any(
                    k.dep_ in grammar.SUBJECT_DEPS
                    and k.pos_ == "NOUN"
                    and k.lemma_.lower() in lexicon.STUDY_SAMPLE_NOUNS
                    for k in a.children
                )
    return False


# What a reporting verb says: its clausal complement or object ("said 40 were killed", "gave
# a toll of 40").
_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "parataxis", "dative", "oprd", "attr"})


def told_by_source(s: Sentence, c: Candidate) -> bool:
    """Is the figure at ``c`` part of what a source of the sentence tells: inside a statement the
    attribution detector found, in the clause a reporting verb governs ("police said 40 were
    killed"), anywhere in a sentence that cites its source ("according to the ministry") or
    whose source comments on the whole ("40 were killed, police said")?"""
    if any(
        a.start <= c.start < a.end and not (a.speaker_start <= c.start < a.speaker_end)
        for a in s.attributions
    ):
        return True  # not a count of the speakers themselves ("Hundreds of marchers chanted")
    doc = s.doc
    figure = doc.char_span(c.start, c.end, alignment_mode="expand")
    if figure is None:
        return True
    tok = figure.root
    for m in s.sources:
        if (
            not (m.named or m.kind == ANONYMOUS)
            or m.cue.lemma_.lower() in lexicon.PURE_OPINION_VERBS
        ):
            continue
        verb = m.cue
        if verb.lower_ in ("according", "citing") or verb.dep_ in ("parataxis", "ccomp"):
            return True
        if any(
            child.dep_ in _CONTENT_DEPS and child.left_edge.i <= tok.i <= child.right_edge.i
            for child in verb.children
        ):
            return True
    return False


def _figure(code: str) -> Detect:
    def detect(s: Sentence, found: Sequence[Signal]) -> Iterator[Candidate]:
        for found_code, candidate in s.once("figures", lambda: _unsourced_figures(s)):
            if found_code == code:
                yield candidate

    return detect


FIGURE_RULES = (
    Rule(
        "harm",
        "unsourced_figure",
        '"{cue}": a casualty figure with no source in the sentence or its paragraph.',
        _figure("harm"),
    ),
    Rule(
        "arrest",
        "unsourced_figure",
        '"{cue}": an arrest or detention figure with no source in the sentence or its paragraph.',
        _figure("arrest"),
    ),
    Rule(
        "crowd",
        "unsourced_figure",
        '"{cue}": a crowd size with no source in the sentence or its paragraph.',
        _figure("crowd"),
    ),
    Rule(
        "population",
        "unsourced_figure",
        '"{cue}": a count of people with no source in the sentence or its paragraph.',
        _figure("population"),
    ),
    Rule(
        "money",
        "unsourced_figure",
        '"{cue}": a sum of money with no source in the sentence or its paragraph.',
        _figure("money"),
    ),
)
