"""The cue inventory: which words signal which kind of unverifiable claim.

Every list is taken from published guidance or annotated corpora rather than invented here:

- Hedge cues: the CoNLL-2010 shared task on learning to detect hedges and their scope
  (Farkas, Vincze, Móra, Csirik, Szarvas, 2010, "The CoNLL-2010 Shared Task: Learning to Detect
  Hedges and their Scope in Natural Language Text"; the BioScope and Wikipedia weasel
  sub-corpora). Its most frequent cues are ``may``, ``might``, ``could``, ``suggest``,
  ``appear``, ``believe``, ``possible``, ``unclear``, ``whether``, ``thought``, ``likely``;
  Vincze (2013, IJCNLP, "Weasels, Hedges and Peacocks: Discourse-level Uncertainty in
  Wikipedia Articles") separates the weasel (unsupported source) from the hedge (uncertain
  content), the split between our ``weasel`` and ``hedged`` types.
- Weasel words: Wikipedia's Manual of Style, "Unsupported attributions" (MOS:WEASEL) — "some
  people say", "many scholars state", "it is believed", "it is widely thought", "critics argue",
  "experts declare", "is considered", "is regarded as" — and the {{Who}} / {{By whom?}}
  clean-up templates; Ganter & Strube (2009, ACL-IJCNLP short papers, "Finding Hedges by
  Chasing Weasels") use those tags as annotation and find the same agentless and
  vague-subject patterns.
- Figures that need a source: Wikipedia's "Citation needed" guidance (WP:CITENEED, WP:MINREF):
  statistics and quotations, and contentious material, must be attributed inline.
- Reporting verbs and second-hand report markers: the PARC attribution corpus (Pareti, 2016,
  "PARC 3.0: A Corpus of Attribution Relations") and Bergler (1992) on evidential reporting
  verbs ("claim", "allege" distance the reporter from the content).
- Source anonymity: the AP Stylebook entry "anonymous sources" and Duffy & Freeman (2011,
  Journal of Mass Media Ethics, "Unnamed Sources: A Utilitarian Exploration of their
  Justification and Guidelines for Limited Use"): "officials said", "a person familiar with
  the matter", "spoke on condition of anonymity", "not authorized to speak publicly",
  "declined to be named".

The detectors match these cues on the spaCy parse (lemmas, dependencies), so the lists hold
lemmas, not surface forms.
"""

from __future__ import annotations

# Verbs that introduce what someone said, wrote or thinks (PARC 3.0's most frequent cues).
REPORTING_VERBS = frozenset(
    {
        "say",
        "tell",
        "report",
        "state",
        "announce",
        "add",
        "write",
        "claim",
        "allege",
        "insist",
        "confirm",
        "deny",
        "explain",
        "note",
        "warn",
        "argue",
        "contend",
        "assert",
        "acknowledge",
        "admit",
        "testify",
        "reveal",
        "disclose",
        "estimate",
        "suggest",
        "believe",
        "think",
        "fear",
        "worry",
        "expect",
        "predict",
        "caution",
        "complain",
        "point",
        "cite",
        "describe",
        "recall",
        "indicate",
        "maintain",
        "declare",
        "stress",
        "object",
        "hint",
    }
)

# Verbs that merely say something (used to find the *named* attribution of a sentence).
SAY_VERBS = frozenset(
    {
        "say",
        "tell",
        "report",
        "state",
        "announce",
        "add",
        "write",
        "claim",
        "allege",
        "insist",
        "confirm",
        "deny",
        "explain",
        "note",
        "warn",
        "argue",
        "contend",
        "assert",
        "acknowledge",
        "admit",
        "testify",
        "reveal",
        "disclose",
        "estimate",
        "describe",
        "recall",
        "declare",
        "stress",
        "find",
        "show",
        "conclude",
    }
)

# Cognition and opinion verbs whose subject, when vague, makes a weasel attribution
# (MOS:WEASEL: "some people say", "critics argue", "experts believe", "many fear").
OPINION_VERBS = frozenset(
    {
        "say",
        "tell",
        "argue",
        "believe",
        "think",
        "fear",
        "worry",
        "warn",
        "claim",
        "suggest",
        "contend",
        "expect",
        "estimate",
        "predict",
        "insist",
        "accuse",
        "consider",
        "feel",
        "doubt",
        "question",
        "like",
        "want",
        "maintain",
        "assert",
        "caution",
    }
)

# Predicative adjectives of opinion: "many donors remain skeptical", "politicians are worried".
OPINION_ADJECTIVES = frozenset({"skeptical", "sceptical", "worried", "concerned", "convinced"})

# Heads of vague groups: the unnamed crowd behind a weasel attribution (MOS:WEASEL examples
# "some people", "many scholars", "critics", "experts", "observers").
VAGUE_GROUPS = frozenset(
    {
        "some",
        "many",
        "others",
        "critic",
        "expert",
        "analyst",
        "observer",
        "commentator",
        "economist",
        "scientist",
        "researcher",
        "scholar",
        "protester",
        "protestor",
        "demonstrator",
        "senator",
        "politician",
        "lawmaker",
        "donor",
        "advocate",
        "group",
        "those",
        "people",
        "forecaster",
        "pundit",
        "skeptic",
        "sceptic",
        "opponent",
        "supporter",
        "detractor",
        "insider",
    }
)

# Heads that make an unnamed *source*: someone with inside knowledge speaking without a name
# (AP Stylebook, "anonymous sources"; Duffy & Freeman 2011).
ANONYMOUS_HEADS = frozenset(
    {
        "source",
        "official",
        "person",
        "people",
        "insider",
        "aide",
        "diplomat",
        "adviser",
        "advisor",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "representative",
        "figure",
        "officer",
        "investigator",
        "negotiator",
        "executive",
        "member",
        "staffer",
        "employee",
        "witness",
        "eyewitness",
        "resident",
    }
)

# Modifiers that make an anonymous source explicit.
ANONYMITY_MARKERS = (
    "familiar with",
    "briefed on",
    "close to",
    "with knowledge of",
    "with direct knowledge",
    "on condition of anonymity",
    "on the condition of anonymity",
    "declined to be named",
    "asked not to be named",
    "requested anonymity",
    "not authorized to",
    "not authorised to",
    "unnamed",
    "anonymous",
)

# Words in a modifier that name the organisation an official speaks for: "Berrien County Health
# Department officials" are identifiable; "US officials" and "White House advisers" are not.
NAMED_BODY_WORDS = frozenset(
    {
        "department",
        "office",
        "agency",
        "bureau",
        "ministry",
        "commission",
        "police",
        "service",
        "shelter",
        "council",
        "committee",
        "board",
        "authority",
        "court",
        "university",
        "institute",
        "company",
        "corporation",
        "inc",
        "ltd",
        "sheriff",
    }
)

# "Reportedly", "allegedly": the reporter passes on a claim without standing behind it
# (CoNLL-2010 Wikipedia weasel cues; Bergler 1992 on evidential distance).
REPORTED_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly"})

# Second-hand report nouns: "reports of casualties", "rumours that", "speculation".
REPORT_NOUNS = frozenset({"report", "rumor", "rumour", "speculation", "theory", "estimate"})

# "X is said to", "are believed to": agentless passives of saying/thinking (CoNLL-2010 cues).
PASSIVE_SAY_VERBS = frozenset({"say", "rumor", "rumour", "report", "allege"})
PASSIVE_THINK_VERBS = frozenset({"believe", "think", "suspect", "understand", "know", "fear"})
PASSIVE_CONSIDER_VERBS = frozenset({"consider", "regard", "estimate", "deem", "view"})

# Modal hedges over a past fact: "may have been", "might have fled" (CoNLL-2010's top cues).
HEDGE_MODALS = frozenset({"may", "might", "could"})
# Raising verbs over a past fact: "appears to have", "seems to have".
HEDGE_RAISING = frozenset({"appear", "seem"})
# "It is unclear whether", "it was not clear whether", "it is not known whether".
UNCLEAR_ADJECTIVES = frozenset({"unclear", "uncertain", "unknown", "possible"})
UNCLEAR_NEGATED = frozenset({"clear", "known", "certain"})

# Verbs of checking a claim; negated or impossible, they make the claim unconfirmed.
CONFIRM_VERBS = frozenset(
    {
        "confirm",
        "verify",
        "corroborate",
        "substantiate",
        "establish",
        "know",
        "determine",
        "ascertain",
        "check",
    }
)
# "Hard / impossible to confirm": the adjective that makes confirmation fail.
CONFIRM_BLOCKERS = frozenset({"hard", "difficult", "impossible", "unable", "not possible"})
UNCONFIRMED_ADJECTIVES = frozenset(
    {"unconfirmed", "unverified", "uncorroborated", "unsubstantiated"}
)
# Writing about a past correction is not itself an unverified claim.
CORRECTION_WORDS = frozenset({"caption", "correction", "originally", "corrected"})

# Figures the reader must take on trust (WP:CITENEED: statistics, contentious numbers):
# harm, arrests, crowds and money spent or lost.
HARM_WORDS = frozenset(
    {
        "kill",
        "dead",
        "die",
        "death",
        "fatality",
        "injure",
        "injury",
        "wound",
        "hurt",
        "casualty",
        "victim",
        "missing",
        "displace",
        "shoot",
        "stab",
        "massacre",
        "slaughter",
        "infect",
        "hospitalize",
        "hospitalise",
        "evacuate",
        "strand",
        "trap",
        "pin",
        "rescue",
        "drown",
        "perish",
        "starve",
        "homeless",
        "destroy",
        "life",
    }
)
ARREST_WORDS = frozenset(
    {"arrest", "detain", "deport", "jail", "imprison", "abduct", "kidnap", "expel", "execute"}
)
CROWD_VERBS = frozenset(
    {
        "surround",
        "gather",
        "march",
        "rally",
        "protest",
        "attend",
        "line",
        "fill",
        "pack",
        "throng",
        "demonstrate",
        "flock",
        "join",
        "turn",
        "converge",
        "occupy",
        "live",
        "flee",
    }
)
MONEY_VERBS = frozenset({"spend", "cost", "pay", "lose", "waste", "steal", "embezzle", "owe"})
# Nouns that make a sum a loss: "$2 billion in damage", "losses of $3m".
MONEY_NOUNS = frozenset({"damage", "loss"})
# Units that make a number a time, an age or a measurement, not a count of people or money.
NON_COUNT_UNITS = frozenset(
    {
        "year",
        "month",
        "week",
        "day",
        "hour",
        "minute",
        "second",
        "time",
        "percent",
        "%",
        "point",
        "mile",
        "kilometer",
        "kilometre",
        "foot",
        "feet",
        "inch",
        "meter",
        "metre",
        "pound",
        "kg",
        "kilogram",
        "ton",
        "tonne",
        "gram",
        "degree",
        "a.m.",
        "p.m.",
        "am",
        "pm",
        "o'clock",
        "game",
        "season",
        "match",
        "round",
        "goal",
    }
)
# Sport reports quantify injuries and "kills" that nobody needs to source. Strong words settle
# it alone; weak ones ("team", "match", "goal") only in pairs, as rescuers form teams too.
SPORT_STRONG = frozenset(
    {
        "quarterback",
        "touchdown",
        "playoff",
        "playoffs",
        "inning",
        "rebound",
        "striker",
        "goalkeeper",
        "keeper",
        "nfl",
        "nba",
        "nhl",
        "mlb",
        "fifa",
        "uefa",
        "midfielder",
        "defenseman",
        "linebacker",
        "pitcher",
        "referee",
    }
)
SPORT_WEAK = frozenset(
    {
        "game",
        "season",
        "coach",
        "goal",
        "match",
        "league",
        "tournament",
        "championship",
        "transfer",
        "signing",
        "team",
        "club",
        "squad",
        "fans",
        "stadium",
        "player",
    }
)

# Words that mark a figure or claim as established by the text itself.
CONFIRMATION_WORDS = frozenset({"confirmed", "official", "officially", "verified"})

# Opinion verbs: an unnamed group *believing* or *wanting* is a weasel attribution even when the
# group sounds official ("some White House advisers would like..."), not an anonymous source of
# facts.
PURE_OPINION_VERBS = frozenset(
    {"like", "want", "believe", "think", "fear", "worry", "feel", "doubt", "hope"}
)
