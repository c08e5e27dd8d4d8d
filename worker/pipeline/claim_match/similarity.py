"""How much of one claim's wording the other shares, on lemmas of content words.

spaCy's small English model has no word vectors, and a sentence-embedding model would bring
PyTorch into every worker (several GB); on the labelled pairs the decision is carried by the
checks of figures, polarity, entities and speaker, so lexical overlap is enough here. A short
table folds the verbs news copy uses interchangeably ("killed" / "died" / "dead"), which is where
cross-outlet paraphrase differs most.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from worker.pipeline.claim_match.entities import ABBREVIATIONS

_PREDICATE_DEPS = frozenset({"acomp", "attr"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nummod", "det", "poss", "prep", "punct"})

# Verbs that only frame a claim ("X said that ..."); the speaker is checked on its own. Verbs
# that carry one ("could not confirm", "denied") stay content words.
FRAME_VERBS = {"say", "tell", "add", "state", "note", "write", "explain", "reply", "respond",
               "tweet", "declare", "announce", "accord"}  # fmt: skip

_SYNONYMS = {
    "die": "kill", "dead": "kill", "death": "kill", "slay": "kill",
    "drop": "fall", "decline": "fall", "dip": "fall", "plunge": "fall",
    "climb": "rise", "increase": "rise", "jump": "rise", "grow": "rise",
    "release": "free", "liberate": "free",
    "detain": "arrest",
    "eliminate": "cut", "shed": "cut", "slash": "cut",
    "promise": "pledge", "commit": "pledge",
    "hit": "strike", "quake": "earthquake",
    "quit": "resign", "step_down": "resign",
    "jobless": "unemployment",
    "truce": "ceasefire",
    "blaze": "fire", "wildfire": "fire",
    "injure": "wound", "hurt": "wound",
    "capsize": "overturn",
    "elect": "win", "victory": "win",
    "begin": "start", "commence": "start",
    "percent": "%", "per": "%", "cent": "%",
    "u.s.": "us", "america": "us", "usa": "us",
    "nominee": "nomination", "position": "job", "need": "take",
    "slap": "impose", "fresh": "new",
}  # fmt: skip
_PARTICLES = {"down", "up", "off", "out"}
# Polarity words, compared by ``negation`` on their own.
_POLARITY_WORDS = frozenset({"not", "never", "unable", "no"})
_LIGHT_VERBS = {
    "plan", "leave", "cast", "start", "begin", "make", "take", "get", "have", "do", "go", "come",
    "include", "use", "expect", "continue", "believe", "think", "call", "seem", "appear", "try",
    "want", "proclaim", "acknowledge", "argue", "insist", "suggest", "reiterate", "stress",
    "emphasize", "reveal", "confirm", "report", "claim", "hope", "need", "keep", "let", "put",
    # a promise frames what is promised ("pledged not to raise taxes" / "said she would not")
    "pledge", "vow",
}  # fmt: skip
_SKIP_POS = {"PUNCT", "SPACE", "DET", "ADP", "CCONJ", "SCONJ", "PART", "PRON", "AUX", "NUM", "SYM"}


def canonical(lemma: str) -> str:
    """One lemma for the words news copy uses interchangeably."""
    return _SYNONYMS.get(lemma, lemma)


@dataclass(frozen=True)
class Bag:
    words: frozenset[str]
    verbs: frozenset[str] = frozenset()  # content verbs of the main clause and its complements
    modifier_verbs: frozenset[str] = frozenset()  # content verbs of clauses that modify


def content_words(doc: Doc) -> Bag:
    words = set()
    verbs = set()
    modifiers = set()
    for t in doc:
        if not _is_content(t):
            continue
        lemma = t.lower_ if t.pos_ == "PROPN" else t.lemma_.lower()
        if lemma in FRAME_VERBS and t.pos_ == "VERB":
            continue
        if lemma in _POLARITY_WORDS:
            continue  # polarity is checked on its own
        words.add(_word(t))
        if t.pos_ == "VERB":
            (verbs if _asserted(t) else modifiers).add(_word(t))
    return Bag(frozenset(words), frozenset(verbs), frozenset(modifiers - verbs))


# Clauses that describe a noun or set the scene ("the Tea Party Republicans who oppose ...",
# "in a poll conducted by ...", "including by marking it ..."): a verb inside one
# elaborates the claim; a verb of the main clause or its complement asserts something.
# An "acl" is a modifier when its verb is a participle ("a poll conducted by"); a finite one
# is a main clause the parser hung on a noun ("Editor's note: Trump regularly incites ...").
_MODIFIER_CLAUSES = frozenset({"relcl", "amod", "pcomp", "appos"})
_PARTICIPLES = frozenset({"VBN", "VBG"})


# A concession ("even though he is barely denting her lead") grants what the claim is set
# against; the claim is the main clause.
_CONCESSIVE_MARKS = frozenset({"though", "although", "whereas"})


def _concession(t: Token) -> bool:
    return t.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in _CONCESSIVE_MARKS for c in t.children
    )


def _participle_clause(t: Token) -> bool:
    """A gerund clause with no subject of its own hung on the main verb ("won Ohio, further
    narrowing his path", "won the South, carrying Alabama"): it says what the main clause
    amounts to or how, not another event."""
    return (
        t.dep_ == "advcl"
        and t.tag_ == "VBG"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in t.children)
    )


def _asserted(t: Token) -> bool:
    while True:
        if t.dep_ in _MODIFIER_CLAUSES or (t.dep_ == "acl" and t.tag_ in _PARTICIPLES):
            return False
        if _concession(t) or _participle_clause(t):
            return False
        if t.head.i == t.i:
            return True
        t = t.head


def dice(a: Bag, b: Bag, renamed: int = 0) -> float:
    """``renamed``: names written differently on the two sides ("U.N." / "United Nations"),
    each one word in common."""
    if not a.words or not b.words:
        return 0.0
    return min(1.0, 2 * (shared(a, b) + renamed) / (len(a.words) + len(b.words)))


def containment(a: Bag, b: Bag, renamed: int = 0) -> float:
    """Share of the shorter claim's words found in the longer one."""
    short = min(len(a.words), len(b.words))
    return min(1.0, (shared(a, b) + renamed) / short) if short else 0.0


def shared(a: Bag, b: Bag) -> int:
    """Words in common, a verb and its nominalisation on the other side counting as one
    ("announced" / "the announcement", "refused" / "his refusal"), and so do two words of one
    family ("mayor" / "mayoral", "alleged" / "allegedly")."""
    nom_a, nom_b = nominalised(a, b), nominalised(b, a)
    common = len(a.words & b.words) + len(nom_a) + len(nom_b)
    return common + len(family_pairs(a.words - b.words - nom_a, b.words - a.words - nom_b))


# Derivational endings, longest first. Two outlets name one thing with another part of speech
# ("won the mayoral race" / "was elected mayor", "allegedly accepted" / "is alleged to have
# taken", "opposition to" / "opposed"), which lemmas keep apart.
_FAMILY_SUFFIXES = tuple(
    sorted(
        ("ization", "isation", "ation", "ition", "ment", "ness", "ity", "ion", "ing", "ical",
         "ial", "ic", "al", "ly", "ed", "er", "or", "ive", "ous", "ian", "ant", "ance", "ence",
         "ent", "ist", "ism", "ize", "ise", "ify", "e", "s", "y"),
        key=len,
        reverse=True,
    )
)  # fmt: skip
_MIN_FAMILY_STEM = 4


@lru_cache(maxsize=65536)
def family_stem(word: str) -> str:
    """The word without up to two derivational endings, keeping at least four letters:
    "allegedly" -> "alleg" ("-ly", then "-ed") as "allege" -> "alleg"."""
    for _ in range(2):
        for suffix in _FAMILY_SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_FAMILY_STEM:
                word = word[: -len(suffix)]
                break
        else:
            break
    return word


def family_pairs(a: frozenset[str], b: frozenset[str]) -> list[tuple[str, str]]:
    """Words of a and of b of one family (one stem once derivational endings are off), each
    word paired at most once. Only alphabetic words: names with initials and figures are
    compared by their own checks."""
    stems: dict[str, list[str]] = {}
    for w in sorted(b):
        if w.isalpha():
            stems.setdefault(family_stem(w), []).append(w)
    found = []
    for w in sorted(a):
        left = stems.get(family_stem(w)) if w.isalpha() else None
        if left:
            found.append((w, left.pop()))
    return found


# Suffixes that make a noun of a verb, tried in order; a verb is compared without its final
# "e" ("refuse" / "refusal" -> "refus", "elect" / "election" -> "elect").
_NOMINAL_SUFFIXES = ("ment", "ion", "ing", "al")
_MIN_STEM = 5


def _stem(word: str) -> str:
    for suffix in _NOMINAL_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") else word


def nominalised(a: Bag, b: Bag, *, counted: bool = True) -> frozenset[str]:
    """Verbs of b (asserted or modifying) that a says as a noun of the same stem. Only a verb
    meets a noun: "statement" is not the noun "state". With ``counted``, a noun b also uses is
    left out (it is a shared word already)."""
    b_verbs = (b.verbs | b.modifier_verbs) - a.words
    stems = {_stem(v): v for v in b_verbs if len(_stem(v)) >= _MIN_STEM}
    if not stems:
        return frozenset()
    nouns = a.words - a.verbs - a.modifier_verbs - (b.words if counted else frozenset())
    return frozenset(stems[_stem(w)] for w in nouns if w != _stem(w) and _stem(w) in stems)


@dataclass(frozen=True)
class Slots:
    """Each content word with the grammatical place it fills: ("nsubj:fall", "unemployment")."""

    items: frozenset[tuple[str, str]]


def _word(t: Token) -> str:
    lemma = t.lower_ if t.pos_ == "PROPN" else t.lemma_.lower()
    if t.text in ABBREVIATIONS:
        lemma = ABBREVIATIONS[t.text].lower()  # "Dec." is "December", "Fla." is "Florida"
    # the parser tags "down" in "stepped down" as a particle or as an adverb
    particle = next(
        (
            c.lower_
            for c in t.children
            if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in _PARTICLES)
        ),
        None,
    )
    if particle and f"{lemma}_{particle}" in _SYNONYMS:
        lemma = f"{lemma}_{particle}"  # "stepped down" is "resigned"
    return canonical(lemma)


def _is_content(t: Token) -> bool:
    return not (
        t.pos_ in _SKIP_POS or t.is_stop or t.like_num or not any(c.isalnum() for c in t.text)
    )


def slots(doc: Doc) -> Slots:
    items = set()
    for t in doc:
        if not _is_content(t) or (t.lemma_.lower() in FRAME_VERBS and t.pos_ == "VERB"):
            continue
        head = t.head
        if t.dep_ == "ROOT" or (
            head.dep_ == "ROOT" and head.lemma_ == "be" and t.dep_ in _PREDICATE_DEPS
        ):
            slot = "PRED"
        elif head.lemma_ == "be" or head.pos_ == "AUX":
            continue
        elif t.dep_ in _MODIFIER_DEPS:
            # a modifier's place is its noun's: "shopping mall" / "school" compares the nouns
            continue
        else:
            slot = f"{t.dep_}:{_word(head)}"
        items.add((slot, _word(t)))
    return Slots(frozenset(items))


_CORE_SLOTS = ("PRED", "nsubj:", "nsubjpass:", "dobj:", "pobj:", "attr:", "acomp:", "ccomp:")


def core_slot(slot: str) -> bool:
    """Subject, predicate, object: the places whose filler is the claim."""
    return slot.startswith(_CORE_SLOTS)


def substitutions(sa: Slots, a: Bag, sb: Slots, b: Bag) -> list[tuple[str, str, bool]]:
    """Words that fill the same place in both claims but differ, neither found in the other:
    "Unemployment fell" / "Inflation fell", "destroyed 300 homes" / "threatened 300 homes"."""
    by_slot: dict[str, set[str]] = {}
    for slot, w in sb.items:
        if w not in a.words:
            by_slot.setdefault(slot, set()).add(w)
    found = []
    for slot, w in sorted(sa.items):
        if w in b.words:
            continue
        for other in sorted(by_slot.get(slot, ())):
            if w in _DENIAL_VERBS and other in _DENIAL_VERBS:
                continue  # "denied that" / "rejected claims that": one polarity, checked apart
            if not _spelling_variant(w, other):
                found.append((w, other, core_slot(slot)))
    return found


# Verbs of denial carry a claim's polarity, which ``negation`` compares on its own: "denied
# that the army used X" and "the army did not use X" assert the same thing.
_DENIAL_VERBS = frozenset({"deny", "refuse", "dismiss", "reject"})


def swapped_roles(sa: Slots, sb: Slots) -> list[tuple[str, str]]:
    """Words that are the subject of a verb in one claim and its object in the other, both in
    the active voice: "Iran accused Saudi Arabia" / "Saudi Arabia accused Iran" share every word
    and say the opposite. (A passive has no "nsubj" of the verb, so "X hit Y" / "Y was hit by
    X" is never a swap.)"""

    def roles(s: Slots, role: str) -> set[tuple[str, str]]:
        return {(slot.split(":", 1)[1], w) for slot, w in s.items if slot.split(":", 1)[0] == role}

    subj_a, obj_a = roles(sa, "nsubj"), roles(sa, "dobj")
    subj_b, obj_b = roles(sb, "nsubj"), roles(sb, "dobj")
    # both participants trade places: one direction alone is a verb folded with its converse
    # ("the floods killed 112 people" / "112 people died", "die" being "kill" here)
    doers, undergoers = subj_a & obj_b, obj_a & subj_b
    verbs = {v for v, _ in doers} & {v for v, _ in undergoers}
    return sorted((w, v) for v, w in doers | undergoers if v in verbs and v != w)


# How a framing verb holds the claim's verb: its complement ("managed to pass"), or a clause
# on its object ("found ways to press"); an adverbial clause ("looking ..., to chair") is a
# purpose or a circumstance, another event.
_FRAME_COMPLEMENTS = frozenset({"xcomp", "ccomp"})
_FRAME_OBJECT_CLAUSES = frozenset({"acl", "relcl", "xcomp"})


def _frames(verb: str, s: Slots, verbs: frozenset[str], claim_verbs: frozenset[str]) -> bool:
    """Does ``verb`` hold, as its complement or in a clause on its object, a verb (of
    ``verbs``) the other claim asserts ("has found ways to press his agenda" / "presses his
    agenda", "rules require delegates to vote" / "delegates must vote")? Then it frames the
    claim both make rather than adding one."""
    targets = verbs & claim_verbs
    if not targets:
        return False
    below: dict[tuple[str, str], set[str]] = {}
    for slot, w in s.items:
        if ":" in slot:
            dep, head = slot.split(":", 1)
            below.setdefault((dep, head), set()).add(w)

    def under(head: str, deps: frozenset[str]) -> set[str]:
        return {w for d in deps for w in below.get((d, head), ())}

    if under(verb, _FRAME_COMPLEMENTS) & targets:
        return True
    objects = below.get(("dobj", verb), set())
    return any(under(o, _FRAME_OBJECT_CLAUSES) & targets for o in objects)


def added_verbs(
    a: Bag, b: Bag, slots_a: Slots | None = None, slots_b: Slots | None = None
) -> frozenset[str]:
    """Verbs one claim's main clause adds while the other has no verb of its own: a further
    assertion ("... and regularly incites violence"), not a rewording (where both sides change
    verbs) nor an elaboration in a clause that modifies ("the Republicans who oppose it").
    Light and attitude verbs ("plans to", "believes", "left two dead") assert nothing new."""
    skip = _LIGHT_VERBS | _DENIAL_VERBS

    def only(x: Bag, y: Bag, verbs: frozenset[str], sx: Slots | None = None) -> set[str]:
        # "announced" here, "the announcement" there
        said_as_noun = nominalised(y, x, counted=False)
        return {
            v
            for v in verbs - y.words
            if v not in skip
            and not _variant_of(v, y)
            and v not in said_as_noun
            and not (sx is not None and _frames(v, sx, x.verbs | x.modifier_verbs, y.verbs))
        }

    only_a, only_b = only(a, b, a.verbs, slots_a), only(b, a, b.verbs, slots_b)
    # a light verb of its own on the other side is a rewording too ("won 60%" / "took 60%")
    own_a = only_a or (a.verbs - b.words) & _LIGHT_VERBS
    own_b = only_b or (b.verbs - a.words) & _LIGHT_VERBS
    if only_a and not own_b and not only(b, a, b.modifier_verbs):
        return frozenset(only_a)
    if only_b and not own_a and not only(a, b, a.modifier_verbs):
        return frozenset(only_b)
    return frozenset()


def _variant_of(word: str, bag: Bag) -> bool:
    return any(_spelling_variant(word, w) for w in bag.words)


def _spelling_variant(x: str, y: str) -> bool:
    """ "semi-private" / "semiprivate", "members" / "nonmembers", "UN" / "nations"."""
    short, long_ = sorted((x, y), key=len)
    if short in long_:
        return True
    return len(short) <= 4 and short.isalpha() and short in (x[0] + y[0], long_[: len(short)])
