"""The reporting-verb lexicon: which verbs can introduce an attribution, and how strongly.

Grounded in the reporting-verb literature rather than a handful of verbs:

- Krestel, Bergler & Witte (2008), "Minding the Source: Automatic Tagging of Reported Speech in
  Newspaper Articles" (LREC), whose reporting-verb list groups verbs of saying, of stance and of
  belief;
- Pareti (2016), "PARC 3.0: A Corpus of Attribution Relations" (LREC), whose cue inventory adds
  verbs of writing/publishing and of attitude ("hope", "fear");
- Bergler (1992), "Evidential Analysis of Reported Speech", for the split between speech verbs
  (the source committed to words) and belief/attitude verbs (a weaker, inferred attribution).

The split matters for confidence: "said" with a named speaker is near-certain, "believes" or
"hopes" attributes an attitude, and quote-tail verbs of manner ("laughed") only count next to a
quotation.
"""

from __future__ import annotations

from spacy.tokens import Token


def lexicon(words: str) -> frozenset[str]:
    """A word set written as whitespace-separated text, so long lists stay readable."""
    return frozenset(words.split())


# Verbs of saying, writing, stance and announcing: the source is committed to the content.
SPEECH_VERBS = lexicon(
    """
    say tell add state note explain announce declare claim assert insist argue warn deny confirm
    acknowledge admit allege report write tweet post blog reply respond answer comment remark
    observe mention reveal disclose testify recall predict promise vow pledge suggest propose
    recommend urge demand concede contend maintain emphasize emphasise stress reiterate repeat
    underline underscore highlight complain protest boast brag joke quip shout scream yell
    whisper murmur mutter exclaim plead beg caution advise inform notify assure reassure brief
    estimate forecast accuse blame counter retort rebut dispute refute object concur agree
    affirm attest certify conclude detail elaborate indicate imply hint signal specify summarize
    summarise speculate theorize hypothesize guess query inquire ask continue chant
    lament charge contend opine proclaim profess pronounce relate recount narrate
    describe characterize characterise suggest concede confess apologize
    apologise threaten demand caution forewarn alert signal telegraph
    convey communicate relay reaffirm restate clarify emphasize specify point
    write text email message cable quote cite
    """
)

# Verbs of belief, knowledge claims and attitude (PARC annotates these as attributions of
# thoughts); weaker evidence that the source said anything.
BELIEF_VERBS = lexicon(
    """
    believe think feel hope expect fear worry doubt reckon suspect
    presume assume suppose anticipate wish
    """
)

# Verbs that only attribute when they frame a quotation ("'No,' she laughed.").
TAIL_ONLY_VERBS = lexicon(
    """
    laugh smile grin sigh shrug nod chuckle snap sneer scoff gasp groan sob growl bark hiss
    beam cry go order
    """
)

# Cues whose content is an object with a predicate rather than a clause: "accused China of…",
# "urged Vietnam to…", "called it a sham", "described the call as improper" (PARC annotates
# these; a bare object — "announced the deal" — stays out).
PREDICATE_CUES = lexicon(
    """
    accuse urge call describe declare pledge vow promise slam assail dub label brand deem
    characterize characterise warn admit
    """
)

# Verbs that also take inanimate subjects ("the case highlights that…", "data suggest…"): only
# a cue when the subject can speak.
WEAK_SUBJECT_VERBS = lexicon(
    """
    highlight underline underscore signal indicate imply suggest mean reflect show confirm
    reveal note point
    """
)

# Phrasal cues whose particle is part of the cue ("pointed out", "went on").
PARTICLE_CUES = {"point": {"out"}, "go": {"on"}, "spell": {"out"}, "lay": {"out"}}

SPEECH = "speech"
BELIEF = "belief"
TAIL = "tail"
PREDICATE = "predicate"


def cue_kind(token: Token, *, beside_quote: bool = False) -> str | None:
    """``"speech"``, ``"belief"``, ``"tail"`` or None for a token that could be a cue."""
    if token.pos_ not in ("VERB", "AUX") and token.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN"):
        return None
    lemma = token.lemma_.lower()
    if lemma == "point" and not _has_particle(token, "out"):
        return None
    if lemma == "go" and not (beside_quote and _has_particle(token, "on")):
        return None
    if lemma in SPEECH_VERBS or lemma in PREDICATE_CUES:
        return SPEECH
    if lemma in BELIEF_VERBS:
        return BELIEF
    if beside_quote and lemma in TAIL_ONLY_VERBS:
        return TAIL
    return None


def _has_particle(token: Token, particle: str) -> bool:
    return any(c.dep_ == "prt" and c.lower_ == particle for c in token.children)


def cue_bounds(token: Token) -> tuple[int, int]:
    """Character bounds of the cue: the verb plus its particle ("pointed out")."""
    start, end = token.idx, token.idx + len(token.text)
    particles = PARTICLE_CUES.get(token.lemma_.lower(), set())
    for child in token.children:
        if child.dep_ == "prt" and child.lower_ in particles and child.i == token.i + 1:
            end = child.idx + len(child.text)
    return start, end
