"""Which gold attributions are *statements*: the subset the issue's recall goal is measured on.

PARC (and so PolNeAR) annotates every attribution: speech and writing, but also belief
("thinks"), knowledge ("knows"), perception ("saw"), intention ("wants", "plans") and stance
("supports", "you don't like it"). A reader of sourcemark needs to see who *said* or *published*
what, so the goal counts relations whose cue is a verb or noun of speech, writing, reporting, a
document or a finding. This module decides that from the gold cue alone (its words, and for a bare
preposition the source), so the subset does not depend on what any extractor finds.

The reasoning behind each class:

- ``SPEECH``: verbs whose act is uttering or publishing words. This includes the evaluative
  verbs of political reporting (criticize, praise, blast, accuse, defend, mock): in news prose
  they report what someone said, and PolNeAR only annotates them when a content is given
  ("Trump blasted Clinton as weak"). Asking, declining to comment and "did not mention" are
  speech acts about speaking too.
- ``FINDING``: verbs by which polls, studies, documents and data *report*: show, find, indicate,
  reveal, estimate... (say, note and suggest are already speech).
- ``NOUNS``: nouns that name a statement or a document ("in a statement", "in an interview",
  "a poll", "the report", "his tweet", "criticism of") and signs that "read".
- ``PHRASES``: "according to", "reportedly", "per", "made (it) clear", "went on (to say)".
- punctuation: a cue made only of a colon or a dash introduces a quotation.
- a bare preposition ("in", "from", "by") counts only when its source is a document or poll
  ("the mayor leads by 9 points in a city poll").

Everything else is stance: belief, knowledge, perception, feeling, intention, expectation,
appearance ("think", "know", "see", "want", "hope", "expect", "seem", "support", "oppose",
"plan", "decide", "agree"), and actions that PARC reads as attributions (signed, passed, voted).
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


SPEECH = _words(
    """
    say tell add ask answer reply respond retort counter explain state declare announce claim
    allege assert argue contend insist maintain note observe remark comment mention point recall
    recount describe call dub label brand term characterize characterise portray cast refer cite
    quote repeat reiterate echo continue conclude deny confirm acknowledge admit concede warn
    caution urge demand promise vow pledge threaten predict suggest propose recommend advise
    accuse blame charge criticize criticise praise blast slam condemn denounce decry attack mock
    ridicule joke quip boast brag complain lament protest question challenge dismiss reject
    defend thank apologize apologise congratulate endorse testify swear assure reassure remind
    inform notify report reveal disclose leak publish proclaim shout yell chant scream whisper
    mutter exclaim tweet retweet post write blog email text message speak talk discuss express
    voice highlight stress emphasize emphasise underscore clarify correct rebut rail hail applaud
    decline read list preach lecture tout trumpet insinuate imply hint concur muse wonder
    summarize summarise paraphrase narrate recite pray plead beg request order instruct
    appeal interview brief rant tease taunt reference allude invoke articulate reaffirm
    bemoan downplay herald savage
    scold chide rebuke fault knock ding lambaste berate deride disparage belittle insult
    denigrate smear castigate excoriate assail hammer ridicule lampoon satirize needle jab
    snipe quiz grill interrogate inquire enquire query"""
)

FINDING = _words(
    """
    show find indicate estimate project forecast determine document demonstrate measure rank
    rate calculate count poll survey record track detail outline conclude identify establish
    suggest reveal confirm"""
)

NOUNS = _words(
    """
    statement interview remark remarks speech tweet post letter memo email report release op-ed
    oped column editorial testimony filing complaint lawsuit ruling opinion poll survey study
    analysis data figures records document documents transcript announcement claim assertion
    argument warning promise pledge vow accusation allegation criticism praise denial admission
    comment comments question questions words message quote answer response reply explanation
    briefing conference address video ad ads advertisement book article story
    headline blog essay review research findings estimate estimates projection projections
    forecast count tally website manifesto petition resolution proposal memoir suggestion
    advice"""
)

STANCE_HINTS = _words(
    """
    think believe know feel want hope expect fear worry like love hate see view seem appear
    support oppose favor favour prefer plan intend decide seek consider mean understand realize
    realise learn agree disagree doubt trust care need wish dream refuse try aim vote sign pass
    look sound regard deem suspect assume guess imagine remember forget notice hear watch"""
)

PREPOSITIONS = frozenset({"in", "from", "by", "on", "per", "under"})
DOCUMENT_SOURCE = re.compile(
    r"\b(poll|polls|polling|survey|surveys|study|studies|report|reports|data|analysis|"
    r"figures|records|document|documents|memo|letter|statement|filing|census|index|research|"
    r"estimate|estimates|tally|count|exit polls?)\b",
    re.I,
)
PHRASES = (
    re.compile(r"\baccording\b"),
    re.compile(r"\breportedly\b"),
    re.compile(r"^per$"),
    re.compile(r"\bmade(?: it)? clear\b|\bmakes?(?: it)? clear\b|\bmaking(?: it)? clear\b"),
    re.compile(r"\bwent on\b|\bgoes on\b|\bgo on\b"),
    re.compile(r"\bon the record\b|\bon record\b"),
    re.compile(r"\bputs? it\b|\bputting it\b"),  # "as he put it"
    re.compile(r"\b(?:shot|fired|hit|hits|fires|shoots) back\b|\bweighs? in\b|\bweighed in\b"),
    re.compile(r"\bopen(?:ed|s)? up about\b|\bwalk(?:ed|s)? back\b|\bwent after\b"),
    re.compile(r"^\[.*\]$"),  # "[nyt.]": a bracketed outlet credited for a passage
    re.compile(r":$"),  # "as follows:", "added:"
)
# Words that make a cue an act rather than a statement even beside a speech word
# ("cast his vote for", "is assured of the nomination").
NOT_STATEMENT = re.compile(r"\bvotes?\b|\bvoted\b|\bassured of\b")
PUNCTUATION_ONLY = re.compile(r"^[\s:;,\-\u2013\u2014\u2012\u2015\"'\u201c\u201d\u2018\u2019]+$")

IRREGULAR = {
    "said": "say",
    "says": "say",
    "told": "tell",
    "wrote": "write",
    "written": "write",
    "spoke": "speak",
    "spoken": "speak",
    "found": "find",
    "shown": "show",
    "thought": "think",
    "knew": "know",
    "known": "know",
    "saw": "see",
    "seen": "see",
    "felt": "feel",
    "meant": "mean",
    "sought": "seek",
    "swore": "swear",
    "sworn": "swear",
    "read": "read",
    "cast": "cast",
    "understood": "understand",
    "heard": "hear",
    "forgot": "forget",
    "forgotten": "forget",
    "gone": "go",
    "went": "go",
    "made": "make",
    "quizzed": "quiz",
    "data": "data",
    "analyses": "analysis",
    "studies": "study",
    "replies": "reply",
    "replied": "reply",
    "denies": "deny",
    "denied": "deny",
    "applies": "apply",
    "queried": "query",
    "queries": "query",
    "inquired": "inquire",
    "satirized": "satirize",
    "ran": "run",
}

ALL_LEMMAS = SPEECH | FINDING | NOUNS | STANCE_HINTS
WORD = re.compile(r"[a-z][a-z\-']*")


def lemma(word: str) -> str:
    """The lexicon entry a word form belongs to (inflections of regular verbs and nouns), or the
    word itself when no entry fits; candidates are only accepted when they are entries, so
    "noted" finds "note" and never "not"."""
    word = word.lower().replace("\u2019", "'")
    if word in IRREGULAR:
        return IRREGULAR[word]
    if word in ALL_LEMMAS:
        return word
    candidates = []
    for suffix in ("ing", "ed", "es", "s", "d"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            candidates += [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                candidates.append(stem[:-1])  # planned -> plan
            if stem.endswith("i"):
                candidates.append(stem[:-1] + "y")  # cried -> cry
    return next((c for c in candidates if c in ALL_LEMMAS), word)


def cue_class(cue: str, source: str | None = None) -> str:
    """``"statement"`` or ``"stance"`` for a gold cue text (and its source text)."""
    text = " ".join(cue.lower().replace("\u2019", "'").split())
    if not text or PUNCTUATION_ONLY.match(text):
        return "statement"
    if NOT_STATEMENT.search(text):
        return "stance"
    if any(p.search(text) for p in PHRASES):
        return "statement"
    words = WORD.findall(text)
    if len(words) == 1 and words[0] in PREPOSITIONS:
        return "statement" if source and DOCUMENT_SOURCE.search(source) else "stance"
    for w in words:
        lem = lemma(w)
        if lem in SPEECH or lem in FINDING or lem in NOUNS:
            return "statement"
    return "stance"
