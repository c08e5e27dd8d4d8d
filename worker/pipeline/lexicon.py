"""Every word list of the detectors, one list per concept, each with a line on where it comes from.

Adding a cue word is one edit here: both detectors read these lists and nothing else holds words.
The lists hold lemmas (``token.lemma_.lower()``) unless their comment says surface forms.

Sources, cited once here and named at each list:

- PARC 3.0 (Pareti, 2016, "PARC 3.0: A Corpus of Attribution Relations", LREC): reporting cues,
  sources and their kinds; Krestel, Bergler & Witte (2008, LREC, "Minding the Source") for the
  reporting-verb groups of saying, stance and belief; Bergler (1992, "Evidential Analysis of
  Reported Speech") for speech versus belief verbs and the evidential distance of "claim",
  "allege".
- CoNLL-2010 shared task on hedges (Farkas et al., 2010; BioScope and the Wikipedia weasel
  sub-corpus) and Vincze (2013, IJCNLP, "Weasels, Hedges and Peacocks") for hedge cues and the
  weasel/hedge split; Ganter & Strube (2009, "Finding Hedges by Chasing Weasels").
- Wikipedia's Manual of Style, "Unsupported attributions" (MOS:WEASEL), and "Citation needed"
  (WP:CITENEED, WP:MINREF): weasel phrasings and the figures that need an inline source.
- The AP Stylebook entry "anonymous sources" and Duffy & Freeman (2011, Journal of Mass Media
  Ethics, "Unnamed Sources"): what makes a source anonymous.
- Words marked "(observed)" were added for a case seen in the development articles
  (``tests/data``); the test that pins the case names it.

Each concept is one list. A list that is a part of another concept's list is derived from it,
by set algebra or by ``subset`` (which fails at import when a word is not in the base list), so a
word is added in one place and reaches every reader of the concept: a reporting verb added to
``SAY_VERBS`` is a cue for the attribution detector (through ``SPEECH_VERBS`` and
``STATEMENT_VERBS``) and marks a source for the source reader both detectors use (through
``SOURCE_VERBS``). ``tests/pipeline/test_lexicon.py`` checks that every list is read somewhere,
that the base lists of a family do not overlap except where it says why, and that a word added
to ``SAY_VERBS`` reaches both detectors; ``python -m benchmarks.lexicon_overlaps`` prints every
pair of lists that share a word. The parser's label sets are in ``grammar.py``, not here.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """A word set written as whitespace-separated text, so long lists stay readable."""
    return frozenset(text.split())


def subset(base: frozenset[str], text: str) -> frozenset[str]:
    """The words of ``text``, each of which must be in ``base``: a named part of a concept."""
    part = words(text)
    stray = part - base
    if stray:
        raise ValueError(f"not in the base list: {' '.join(sorted(stray))}")
    return part


def plurals(lemmas: frozenset[str]) -> frozenset[str]:
    """The lemmas and their regular English plurals ("aide" → "aides", "witness" → "witnesses",
    "spokesman" → "spokesmen", "somebody" → "somebodies"), for lists read against surface
    forms; "people" is plural already and "someone" has none."""
    out = set(lemmas)
    for w in lemmas:
        if w == "people" or w.endswith("one"):
            continue
        if w.endswith("man"):
            out.add(w[:-3] + "men")
        elif w.endswith(("s", "sh", "ch", "x")):
            out.add(w + "es")
        elif w.endswith("y") and w[-2] not in "aeiou":
            out.add(w[:-1] + "ies")
        else:
            out.add(w + "s")
    return frozenset(out)


def phrases(text: str) -> tuple[str, ...]:
    """Phrases (or words) one per line, in order."""
    return tuple(line.strip() for line in text.strip().splitlines() if line.strip())


# --- Attribution cues: verbs that introduce what someone said or thinks ---------------------

# One inventory of reporting verbs, in PARC 3.0's cue classes (speech, finding, speech act,
# belief). ``SAY_VERBS`` is its core, read by both detectors: a verb whose subject is a source in
# any sentence. The attribution detector takes the whole inventory, since it finds each cue's
# content clause; the source reader (``sources``), which has no content to check, takes the
# core and the named parts below.

# Verbs of saying whose subject is the source of what follows, in any sentence: both detectors
# (Krestel, Bergler & Witte 2008, verbs of saying; PARC 3.0).
SAY_VERBS = words(
    """
    acknowledge add admit allege announce argue assert claim conclude confirm contend declare
    deny describe disclose estimate explain insist note recall report reveal say state stress
    tell testify warn write
    """
)

# Verbs of saying, writing, stance and announcing: the source is committed to the content
# (PARC 3.0 cue inventory; Krestel et al. 2008).
SPEECH_VERBS = SAY_VERBS | words(
    """
    accuse advise affirm agree alert answer apologise apologize ask assure attest beg
    blame blog boast brag brief cable caution certify chant characterise characterize charge
    cite clarify comment communicate complain concede concur confess continue convey counter
    demand detail dispute elaborate email emphasise emphasize exclaim forecast forewarn guess
    highlight hint hypothesize imply indicate inform inquire joke lament maintain mention
    message murmur mutter narrate notify object observe opine plead pledge point post predict
    proclaim profess promise pronounce propose protest query quip quote reaffirm reassure rebut
    recommend recount refute reiterate relate relay remark repeat reply respond restate retort
    scream shout signal specify speculate suggest summarise summarize telegraph text theorize
    threaten tweet underline underscore urge vow whisper yell
    """
)

# Findings verbs: a poll, a study or a document "shows", "finds", "estimates" (PARC 3.0 documents
# and studies as sources; PolNeAR dev).
FINDING_VERBS = words(
    """
    conclude confirm demonstrate determine estimate find identify indicate project reveal show
    suggest
    """
)

# Requests and speech acts that take a clause or an object with "to": "reminded voters that",
# "ordered the agency to", "wondered whether" (PARC 3.0 cue inventory; PolNeAR dev).
SPEECH_ACT_VERBS = words(
    """
    echo muse order ponder question remind request wonder
    """
)

# Verbs of belief, knowledge claims and attitude (PARC annotates these as attributions of
# thoughts); weaker evidence that the source said anything (Bergler 1992).
BELIEF_VERBS = words(
    """
    anticipate assume believe doubt expect fear feel hope presume reckon suppose suspect think
    wish worry
    """
)

# Verbs of a view or a wish that are no attribution cue (nothing to attribute but an attitude)
# yet make a vague group's view: "many consider him…", "some advisers would like…" (MOS:WEASEL).
VIEW_VERBS = words(
    """
    consider like want
    """
)

# Every verb that attributes words or a finding to its subject: a cue of the attribution
# detector (``attribution.cues``), with ``BELIEF_VERBS`` as weaker cues.
STATEMENT_VERBS = SPEECH_VERBS | FINDING_VERBS | SPEECH_ACT_VERBS

# The whole inventory, for the named parts below.
REPORTING_VERBS = STATEMENT_VERBS | BELIEF_VERBS | VIEW_VERBS

# Verbs of stance and belief that introduce what someone thinks or implies (Krestel et al.
# 2008's stance and belief groups; PARC 3.0's most frequent cues beyond plain saying).
STANCE_VERBS = subset(
    REPORTING_VERBS,
    """
    believe caution cite complain expect fear hint indicate maintain object point predict suggest
    think worry
    """,
)

# A verb whose subject is the source of a sentence, for the source reader and the checks of a
# finding's cue: saying, a finding shown, stance (PARC 3.0).
SOURCE_VERBS = SAY_VERBS | subset(FINDING_VERBS, "find show") | STANCE_VERBS

# Cognition and opinion verbs whose subject, when vague, makes a weasel attribution
# (MOS:WEASEL: "some people say", "critics argue", "experts believe", "many fear").
OPINION_VERBS = subset(
    REPORTING_VERBS,
    """
    accuse argue assert believe caution claim consider contend doubt estimate expect fear feel
    insist like maintain predict question say suggest tell think want warn worry
    """,
)

# States of mind, not statements: an unnamed group *believing* or *wanting* is a weasel
# attribution even when the group sounds official ("some White House advisers would like..."),
# not an anonymous source of facts; "she hoped" sources nothing (MOS:WEASEL).
PURE_OPINION_VERBS = subset(
    BELIEF_VERBS | VIEW_VERBS,
    """
    believe doubt fear feel hope like think want worry
    """,
)

# Verbs that make a vague group's statement a weasel attribution: opinion, or plain saying and
# finding ("critics argue", "experts say"); a mere stance is not ("critics complained that").
WEASEL_VERBS = OPINION_VERBS | (SOURCE_VERBS - STANCE_VERBS)

# Cues that take a clause even when the parser hangs it elsewhere ("said", "added") (PARC 3.0).
CLAUSE_VERBS = subset(SAY_VERBS, "add announce claim note report say state")

# "A preliminary study hints that ... may have evolved": verbs that make a hedge the cited
# research's, not the article's (PARC 3.0 documents as sources; observed).
RESEARCH_VERBS = subset(STATEMENT_VERBS, "find hint indicate show suggest")

# Predicative adjectives of opinion: "many donors remain skeptical", "politicians are worried".
OPINION_ADJECTIVES = words(
    """
    concerned convinced sceptical skeptical worried
    """
)

# Heads of vague groups: the unnamed crowd behind a weasel attribution (MOS:WEASEL examples
# "some people", "many scholars", "critics", "experts", "observers").
VAGUE_GROUPS = words(
    """
    advocate analyst commentator critic demonstrator detractor donor economist expert forecaster
    group insider lawmaker many observer opponent others people politician protester protestor
    pundit researcher sceptic scholar scientist senator skeptic some supporter those
    """
)

# Modifiers that make an anonymous source explicit.
ANONYMITY_MARKERS = phrases(
    """
    familiar with
    briefed on
    close to
    with knowledge of
    with direct knowledge
    on condition of anonymity
    on the condition of anonymity
    declined to be named
    asked not to be named
    requested anonymity
    not authorized to
    not authorised to
    unnamed
    anonymous
    """
)

# Words in a modifier that name the organisation an official speaks for: "Berrien County Health
# Department officials" are identifiable; "US officials" and "White House advisers" are not.
NAMED_BODY_WORDS = words(
    """
    agency authority board bureau commission committee company corporation council court
    department inc institute ltd ministry office police service shelter sheriff university
    """
)

# "Reportedly", "allegedly": the reporter passes on a claim without standing behind it
# (CoNLL-2010 Wikipedia weasel cues; Bergler 1992 on evidential distance).
REPORTED_ADVERBS = words(
    """
    allegedly purportedly reportedly supposedly
    """
)

# Second-hand report nouns: "reports of casualties", "rumours that", "speculation".
REPORT_NOUNS = words(
    """
    estimate report rumor rumour speculation theory
    """
)

# "X is said to", "it was claimed that": agentless passives of saying (CoNLL-2010 cues).
PASSIVE_SAY_VERBS = words(
    """
    allege claim report rumor rumour say
    """
)

# Rumour words, read on lemma and surface form alike ("rumored", "rumours"), and with
# "theory" the nouns of talk nobody stands behind ("a conspiracy theory") (CoNLL-2010 cues).
RUMOUR_WORDS = subset(REPORT_NOUNS, "rumor rumour")
RUMOUR_OR_THEORY = subset(REPORT_NOUNS, "rumor rumour theory")

PASSIVE_THINK_VERBS = words(
    """
    believe fear know suspect think understand
    """
)

PASSIVE_CONSIDER_VERBS = words(
    """
    consider deem estimate regard view
    """
)

# Raising verbs over a past fact: "appears to have", "seems to have".
HEDGE_RAISING = words(
    """
    appear seem
    """
)

# "It is unclear whether", "it was not clear whether", "it is not known whether".
UNCLEAR_ADJECTIVES = words(
    """
    possible uncertain unclear unknown
    """
)

UNCLEAR_NEGATED = words(
    """
    certain clear known
    """
)

# Verbs of checking a claim; negated or impossible, they make the claim unconfirmed.
CONFIRM_VERBS = words(
    """
    ascertain check confirm corroborate determine establish know substantiate verify
    """
)

# "Hard / impossible to confirm": the adjective that makes confirmation fail.
CONFIRM_BLOCKERS = phrases(
    """
    difficult
    hard
    impossible
    not possible
    unable
    """
)

UNCONFIRMED_ADJECTIVES = words(
    """
    unconfirmed uncorroborated unsubstantiated unverified
    """
)

# Writing about a past correction is not itself an unverified claim.
CORRECTION_WORDS = words(
    """
    caption corrected correction originally
    """
)

# Figures the reader must take on trust (WP:CITENEED: statistics, contentious numbers):
# harm, arrests, crowds and money spent or lost.
HARM_WORDS = words(
    """
    casualty dead death destroy die displace drown evacuate fatality homeless hospitalise
    hospitalize hurt infect injure injury kill life massacre missing perish pin rescue shoot
    slaughter stab starve strand trap victim wound
    """
)

ARREST_WORDS = words(
    """
    abduct arrest deport detain execute expel imprison jail kidnap
    """
)

CROWD_VERBS = words(
    """
    attend converge demonstrate fill flee flock gather join line live march occupy pack protest
    rally surround throng turn
    """
)

MONEY_VERBS = words(
    """
    cost embezzle lose owe pay spend steal waste
    """
)

# Nouns that make a sum a loss: "$2 billion in damage", "losses of $3m".
MONEY_NOUNS = words(
    """
    damage loss
    """
)

# Units that make a number a time, an age or a measurement, not a count of people or money.
NON_COUNT_UNITS = words(
    """
    % a.m. am day degree feet foot game goal gram hour inch kg kilogram kilometer kilometre
    match meter metre mile minute month o'clock p.m. percent pm point pound round season second
    time ton tonne week year
    """
)

# Sport reports quantify injuries and "kills" that nobody needs to source. Strong words settle
# it alone; weak ones ("team", "match", "goal") only in pairs, as rescuers form teams too.
SPORT_STRONG = words(
    """
    defenseman fifa goalkeeper inning keeper linebacker midfielder mlb nba nfl nhl pitcher
    playoff playoffs quarterback rebound referee striker touchdown uefa
    """
)

SPORT_WEAK = words(
    """
    championship club coach fans game goal league match player season signing squad stadium team
    tournament transfer
    """
)

# Words that mark a figure or claim as established by the text itself.
CONFIRMATION_WORDS = words(
    """
    confirmed official officially verified
    """
)

# Verbs that only attribute when they frame a quotation ("'No,' she laughed.").
TAIL_ONLY_VERBS = words(
    """
    bark beam chuckle cry gasp go grin groan growl hiss laugh nod scoff shrug sigh smile
    snap sneer sob
    """
)

# Cues whose content is an object with a predicate rather than a clause: "accused China of…",
# "urged Vietnam to…", "called it a sham", "described the call as improper" (PARC annotates
# these; a bare object — "announced the deal" — stays out).
PREDICATE_CUES = words(
    """
    accuse admit assail brand call characterise characterize declare deem describe dub label
    pledge promise slam urge vow warn
    """
)

# Verbs that also take inanimate subjects ("the case highlights that…", "data suggest…"): only
# a cue when the subject can speak.
WEAK_SUBJECT_VERBS = words(
    """
    confirm highlight imply indicate mean note point reflect reveal show signal suggest
    underline underscore
    """
)

PERSON_PRONOUNS = words(
    """
    he her him she
    """
)

PLURAL_PRONOUNS = words(
    """
    them they
    """
)

FIRST_SECOND = words(
    """
    i me myself ourselves us we you yourself
    """
)

# People named by function rather than by name ("an official", "a spokesman", "aides", "a
# person familiar with the matter"): unnamed, the source is anonymous (AP Stylebook, "anonymous
# sources"; Duffy & Freeman 2011); named elsewhere, a role to resolve. Lemmas.
FUNCTION_NOUNS = words(
    """
    adviser advisor aide diplomat employee executive eyewitness figure individual
    insider investigator lawmaker member negotiator officer official people person
    representative resident somebody someone source spokesman spokesperson spokeswoman staffer
    witness
    """
)

# The same as surface forms, singular and plural, for the attribution detector's tests on
# ``token.lower_``.
FUNCTION_NOUN_FORMS = plurals(FUNCTION_NOUNS)

# Those the source reader takes as the head of an unnamed source: all but "lawmaker", a vague
# group's member (``VAGUE_GROUPS``), not an insider.
ANONYMOUS_HEADS = FUNCTION_NOUNS - subset(FUNCTION_NOUNS, "lawmaker")

# Those always an unnamed insider unless a named body or person is attached (AP Stylebook); the
# rest of FUNCTION_NOUNS need an anonymity marker ("a person familiar with").
ALWAYS_ANONYMOUS_HEADS = subset(
    FUNCTION_NOUNS,
    """
    adviser advisor aide diplomat eyewitness insider official resident source witness
    """,
)

# Those anonymous only with an indefinite article ("a spokesman said"; "the spokesman" points
# back to a name).
INDEFINITE_ANONYMOUS_HEADS = subset(
    FUNCTION_NOUNS,
    """
    spokesman spokesperson spokeswoman
    """,
)

# Speakers who are their organisation's voice: "Pentagon officials", "a Treasury spokesman"
# are the named body speaking (issue 14's rule; AP Stylebook).
BODY_SPEAKER_HEADS = INDEFINITE_ANONYMOUS_HEADS | subset(FUNCTION_NOUNS, "official")

# Words that make a phrase before a name, or a bare noun phrase, a role ("Afghan President").
ROLE_WORDS = words(
    """
    administrator admiral adviser advisor ambassador analyst attorney author capt. captain ceo
    cfo chair chairman chairperson chairwoman chancellor chief chief-executive co-founder coach
    col. colonel commander commissioner congressman congresswoman coo correspondent counsel dean
    deputy detective director director-general dr. economist editor envoy executive founder gen.
    general gov. governor head inspector judge king lawyer leader lieutenant lt. manager marshal
    mayor minister officer official owner partner pope premier president press prince princess
    principal producer prof. professor prosecutor provost publisher queen rep. representative
    representative-elect researcher scientist secretary secretary-general sen. senator sergeant
    sgt. sheriff speaker spokesman spokesmen spokesperson spokeswoman strategist superintendent
    treasurer vice vice-president whip
    """
)

# People around a named person who speak for them without a name of their own: "Clinton aides
# said", "a longtime adviser to Trump" (AP Stylebook, "anonymous sources"; issue 14's rule).
ENTOURAGE_HEADS = subset(FUNCTION_NOUNS, "adviser advisor aide insider staffer") | words(
    "confidant strategist"
)

ORG_HEADS = words(
    """
    administration agency army authorities authority bank board bureau campaign club commission
    committee company council court department embassy federation firm government group house
    institute league military ministry office organisation organization party police service
    team union university
    """
)

# Words that make a capitalised run an organisation, not a person.
ORG_WORDS = words(
    """
    agency airlines association bank center centre club co co. college commission committee
    company corp corp. council court department federation foundation fund group house inc inc.
    institute journal league llc ltd ltd. media ministry motors network news office party police
    post press robotics services systems technologies times union university
    """
)


# Phrasal cues whose particle is part of the cue ("pointed out", "went on").
PARTICLE_CUES = {"point": {"out"}, "go": {"on"}, "spell": {"out"}, "lay": {"out"}}


# --- Sources: who stands behind a statement, and of what kind -----------------------------

# Pronouns that stand for a source the text has named ("he said", "they told").
SOURCE_PRONOUNS = words(
    """
    he her him i me she them they us we you
    """
)


# Vague-group heads that denote one person when singular ("a trade expert said") (observed).
PERSON_GROUPS = subset(
    VAGUE_GROUPS,
    """
    analyst commentator critic economist expert insider observer pundit researcher scholar
    scientist
    """,
)

# Quantifiers that keep a group vague even after "the" ("the many critics").
QUANTIFIERS = words(
    """
    few many most numerous other others several some
    """
)

# Quantifiers that count a plural whatever the tagger says ("many Latinos" tagged NNP); "some"
# and "other" also take a singular ("some official") (observed in the claims corpus).
PLURAL_QUANTIFIERS = subset(QUANTIFIERS, "few many most numerous several")

# Prepositions under which a rumour carries the claim rather than being a topic: "shadowed by
# conspiracy theories that", "amid rumours that" (observed in the claims corpus).
RUMOUR_CARRIER_PREPOSITIONS = words("amid by despite with")

# Sources that are a poll or a study (PARC 3.0 annotates documents and studies as sources).
POLL_OR_STUDY_NOUNS = words(
    """
    analysis census data poll research study survey
    """
)

# Sources that are a document: a report, statement, filing, letter (PARC 3.0).
DOCUMENT_NOUNS = words(
    """
    affidavit complaint document email filing indictment lawsuit letter memo paper post record
    release report statement transcript tweet
    """
)


# --- Second-hand claims, weasels, hedges and figures: context words ---------------------

# Prepositions that make "allegedly X-ing" the name of a charge ("charged for allegedly
# abusing his office") (observed).
CHARGE_PREPOSITIONS = words(
    """
    for in of over with
    """
)

# Verbs that deny a rumour rather than spread it ("Trump dismisses health rumors") (observed).
DENIAL_VERBS = words(
    """
    debunk deny dismiss dispel quash refute reject
    """
)

# Modifiers that leave a report without an author ("some reports", "media reports") (PARC 3.0
# unattributed sources; observed).
UNNAMED_REPORT_MODIFIERS = words(
    """
    a an conflicting earlier local many media multiple news numerous one other press several
    some unconfirmed unverified
    """
)

# Subjects of reported content that make "some said they felt..." a self-report (observed).
SELF_REPORT_SUBJECTS = words(
    """
    i they we
    """
)

# "There are growing concerns that...": nouns of an unattributed view (MOS:WEASEL).
CONCERN_NOUNS = words(
    """
    belief concern fear speculation suspicion worry
    """
)


# Polls and studies that, unnamed, are second-hand: "some polls indicate", "one ranking puts"
# (issue 14's corpus reading of `reported`: unnamed polls and surveys; PARC 3.0).
UNNAMED_POLL_NOUNS = words(
    """
    analysis poll ranking survey
    """
)

# Camps that speak as a whole: "Democrats said", "Clinton allies believe", "many voters fear"
# (MOS:WEASEL "some people", generalised to parties and camps; observed in the claims corpus).
PARTISAN_GROUPS = words(
    """
    ally antagonist backer conservative democrat liberal loyalist operative progressive
    republican strategist voter watcher
    """
)

# Verbs of a view a vague group holds that the source reader does not take as reporting verbs:
# "critics call it...", "experts agree", "many analysts blame", "many see him as" ("see" only
# with "as"), "many speculated" (MOS:WEASEL; observed in the claims corpus).
GROUP_VIEW_VERBS = words(
    """
    agree blame call charge fear hope see speculate suspect view wonder
    """
)

# Participles that make a group a poll's respondents: "those surveyed", "voters polled"
# (issue 14's rule: a named survey's respondents are not vague; observed).
POLLED_VERBS = words(
    """
    ask interview poll question sample survey
    """
)

# What "widely" makes a view held by no one in particular: "widely expected", "widely
# condemned", "widely popular" (CoNLL-2010 Wikipedia weasel cues; MOS:WEASEL "widely
# regarded"; observed in the claims corpus).
WIDELY_HELD = words(
    """
    accept admire anticipate assume believe blame celebrate condemn consider credit criticise
    criticize denounce deride despise disliked expect fear hail hate popular praise regard
    respect respected see share support suspect think unpopular view
    """
)


# --- Grammar words the rules test (determiners, marks, auxiliaries) ---------------------------

# "declined to confirm", "unable to verify": refusing or failing to check (observed). (Named
# apart from the attribution detector's ``REFUSAL_VERBS`` below, which once shadowed it.)
CONFIRM_REFUSAL_VERBS = words(
    """
    decline fail refuse unable
    """
)

# Verbs of checking in the strict sense; negated, the claim is not confirmed (CONFIRM_VERBS
# also holds "know", "determine", which need a wh-complement).
CHECKING_VERBS = words(
    """
    confirm corroborate substantiate verify
    """
)

# Words that open a content clause: "unclear whether", "impossible to know how" (CoNLL-2010).
WH_WORDS = words(
    """
    how if that what when where whether which who why
    """
)

# Auxiliaries of the future: "unclear if it will follow suit" is a forecast, not a hedge.
FUTURE_AUXILIARIES = words(
    """
    'll going shall will would
    """
)

# Words allowed between "may" and "have" and the participle ("may well have") (observed).
HEDGE_FILLERS = words(
    """
    already also even just not since still well
    """
)

# Hedge adverbs on a past event (CoNLL-2010 hedge cues): "apparently acted alone".
HEDGE_ADVERBS = words(
    """
    apparently possibly presumably probably seemingly
    """
)

# Hedge adverbs the article puts on a fact of its own: "likely contributed", "is probably the
# largest" (CoNLL-2010 hedge cues; observed in the claims corpus).
FACT_HEDGE_ADVERBS = words(
    """
    likely
    """
)

# Nouns that are a number: "dozens", "hundreds of protesters".
QUANTITY_NOUNS = words(
    """
    billion dozen handful hundred million score ten tens thousand
    """
)

# Modal auxiliaries that make a figure a forecast: "could kill up to..." (observed).
HYPOTHETICAL_AUXILIARIES = words(
    """
    can could may might should will would
    """
)

# Modifiers that make "cases" a disease count ("10 human cases"), not court cases (observed).
CASE_MODIFIERS = words(
    """
    animal confirmed fatal human new positive suspected
    """
)

# People a crowd figure counts: "5,000 protesters", "hundreds of teachers" (WP:CITENEED crowd
# sizes; observed).
PEOPLE_NOUNS = words(
    """
    activist child citizen civilian demonstrator deportee employee family fan farmer friend
    immigrant inmate kid man member migrant officer passenger people person pilgrim police
    prisoner protester protestor refugee resident settler soldier staff student supporter
    teacher them they troop villager voter woman worker
    """
)

# Nouns of a crowd: "a crowd of 20,000" counts people (WP:CITENEED crowd sizes).
CROWD_NOUNS = words(
    """
    crowd demonstration gathering march protest rally
    """
)

# Verbs of an audience: "a rally that drew 5,000 people", "500 supporters roared" (WP:CITENEED
# crowd sizes; observed in the claims corpus).
AUDIENCE_VERBS = words(
    """
    attract chant cheer draw roar
    """
)

# Nouns of a crowd whose size "of N" is a crowd figure: "a crowd of about 1,200 supporters",
# "an audience of 3,000" (WP:CITENEED crowd sizes; observed in the claims corpus).
AUDIENCE_NOUNS = words(
    """
    audience crowd
    """
)

# Verbs and nouns of money spent: "invested $250 million", "dropping $2.5 million on ads", "a
# $1.5 million ad buy" (issue 14's "money spent or lost"; observed in the claims corpus).
SPENDING_VERBS = words(
    """
    burn drop invest pour reserve
    """
)

SPENDING_NOUNS = words(
    """
    buy expenditure outlay renovation spending
    """
)

# People a population figure counts, stated with no source: "11 million undocumented
# immigrants", "300,000 steel workers", "10,000 manufacturing jobs" (issue 14: population and
# job losses are figures that need a source; WP:CITENEED). Troops are left out: deployments
# are no such figure.
POPULATION_NOUNS = words(
    """
    american child citizen immigrant job member migrant muslim people person refugee resident
    student worker
    """
)


# Marks of a concession: "Although X may have...": granted, not claimed (CoNLL-2010 scope rules).
CONCESSIVE_MARKS = words(
    """
    although even though whereas while
    """
)

# "..., but": the clause before is granted only to move past it.
ADVERSATIVES = words(
    """
    but however yet
    """
)

# Words after which a named source's statement has ended and the writer speaks (observed).
CLAUSE_BREAKS = words(
    """
    ; although but so though whereas yet
    """
)

# Determiners that point back to something the text has named ("the spokesman", "his aide",
# "those critics").
POINTING_DETERMINERS = words(
    """
    her his its our that the their these this those
    """
)

# The ones that point back to one: a singular mention for coreference ("these", "those" point
# to groups).
DEFINITE_DETERMINERS = POINTING_DETERMINERS - subset(POINTING_DETERMINERS, "these those")

# The indefinite article, and with "another" and "one" a first mention of one person ("a
# spokesman", "another diplomat", "one expert").
INDEFINITE_ARTICLES = words("a an")
A_OR_ANOTHER = INDEFINITE_ARTICLES | words("another")
FIRST_MENTION_OF_ONE = A_OR_ANOTHER | words("one")

# Determiners of a first mention ("a spokesman", "two officials", "several aides"): not a name
# already given.
INDEFINITE_DETERMINERS = FIRST_MENTION_OF_ONE | words("any three two") | QUANTIFIERS

# Prepositions inside a role ("minister of defence", "ambassador to Britain").
ROLE_PREPOSITIONS = words(
    """
    at for in of on to with
    """
)

# Clauses a writer hangs on reported content: ", as he deflected…", ", while the League…".
WRITER_CLAUSE_MARKS = words(
    """
    as whereas while
    """
)

# Marks of a condition: "if scientists found..." is no claim.
CONDITION_MARKS = words(
    """
    if unless whether
    """
)

# Verbs that make a cue under them no statement: "declined to say", "wanted to tell" (PARC 3.0).
DECLINE_HEADS = words(
    """
    appear decline fail refuse seem try want
    """
)

# Plural groups that can speak, so a weak-subject verb is a cue: "analysts suggest" (PARC 3.0).
SPEAKING_GROUPS = subset(
    plurals(VAGUE_GROUPS),
    """
    analysts critics experts researchers scientists
    """,
)

# Subjects in the first or second person: "we may have erred" is the speaker's own hedge, not
# the article's claim (CoNLL-2010 scope rules).
FIRST_SECOND_SUBJECTS = words("i we you")

# Pronouns that make a vague group source: "some say", "many believe" (MOS:WEASEL).
VAGUE_PRONOUNS = words("few many most others some those")

# "A preliminary study hints that ... may have evolved": subjects that make a hedge the cited
# research's, not the article's (PARC 3.0 documents as sources; observed).
RESEARCH_NOUNS = words("analysis data evidence finding paper research study work")

# Abbreviated titles and what they stand for, so "Gov. Newsom" and "the governor" meet
# (AP Stylebook abbreviations).
ROLE_ABBREVIATIONS = {
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "gen": "general",
    "lt": "lieutenant",
    "col": "colonel",
    "capt": "captain",
    "sgt": "sergeant",
    "dr": "doctor",
    "prof": "professor",
    "pres": "president",
    "supt": "superintendent",
}


# --- Attribution cues beyond plain saying (issue 13) ---------------------------------------
# Words marked "(PolNeAR dev)" were added for cues PARC-style annotators mark that we missed on
# the development part of PolNeAR's train split (``benchmarks.polnear_dev``); the unit test of
# each rule uses a sentence of our own.

# Subjects that can report a finding: polls, studies, documents, records (PARC 3.0 document
# sources; PolNeAR dev). Lemmas.
FINDING_SOURCES = (
    POLL_OR_STUDY_NOUNS
    | DOCUMENT_NOUNS
    | RESEARCH_NOUNS
    | words(
        """
        audit calculation count estimate evidence figure forecast investigation model number
        projection result review statistic tally
        """
    )
)

# Verbs of criticism, praise and defence that attribute a judgement through a "for" or "as"
# predicate: "praised the mayor for acting fast" (PARC 3.0 attitude cues; PolNeAR dev).
JUDGEMENT_CUES = words(
    """
    applaud attack blast chide commend condemn criticise criticize decry defend denounce fault
    hail lambaste mock praise rebuke scold thank
    """
)

# Requests whose content is an object with a "to" infinitive: "asked the court to" (PARC 3.0).
REQUEST_CUES = words(
    """
    encourage implore instruct invite order remind request tell
    """
)

# People named by kin, standing or part, who can be the subject of "noted", "suggested",
# "revealed" (PARC 3.0 person sources; PolNeAR dev). Lemmas.
PERSON_NOUNS = words(
    """
    activist brother candidate colleague critic daughter father friend husband man mother
    nominee opponent parent rival sister son supporter voter wife woman
    """
)

# Endings of nouns for people by trade or stance: reporter, activist, historian, consultant,
# correspondent, nominee (English agent suffixes).
PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "ee")

# Cues whose content may be a bare infinitive or gerund: "proposed to scale back the rule",
# "suggested raising the fee" (PARC 3.0 cue inventory; PolNeAR dev).
PROPOSAL_CUES = words(
    """
    propose recommend suggest
    """
)

# --- Small words the rules test: articles, pronouns, prepositions, marks ---------------------
# Closed-class English words (a grammar's lists, not a corpus's); each list is named for the
# job it does in the rule that reads it.

# Possessive endings a name or an organisation can carry ("the ministry's", "Jones'").
POSSESSIVE_ENDINGS = frozenset({"'s", "\u2019s", "'", "\u2019"})

# Suffixes after a surname ("Martin Luther King Jr.", "Henry Ford II") (AP Stylebook).
NAME_SUFFIXES = frozenset({"Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV"})

# Punctuation inside a name or title ("Jean-Luc", "Sen.").
NAME_PUNCTUATION = frozenset({"-", "."})

# The article a speaker mention may open with ("the Rev. Al Sharpton").
LEADING_ARTICLES = words("the")

# Words that join the parts of a role before a name ("Secretary of State", "Minister for
# Health", "the Defense Department's spokesman").
ROLE_JOINERS = frozenset({"of", "for", "to", "-", "'s", "\u2019s", "and"})

# Conjunctions that end a run of capitalised words before a name ("When Smith said…").
TIME_CONJUNCTIONS = words("after as before when while")

# Pronouns besides the personal ones that can stand as a parsed subject: "it", relatives.
IT = words("it")
RELATIVE_PRONOUNS = words("that who")
WH_PRONOUNS = RELATIVE_PRONOUNS | words("what which")
OTHER_PRONOUNS = IT | RELATIVE_PRONOUNS | words("which")

# Marks that set a parenthetical cue off from its clause ("The talks, he said, will resume").
PARENTHESIS_MARKS = frozenset({",", "\u2014", "--"})

# Prepositions that carry a predicate cue's content: "accused X of", "described X as",
# "praised X for" (PARC 3.0).
PREDICATE_PREPOSITIONS = words("as for of")

# Verbs of quoting, whose passive names the quoted source ("as quoted by the Times").
QUOTING_VERBS = subset(SPEECH_VERBS, "cite quote")

# "official(s)": a role so common it never resolves to the last person with that title.
OFFICIAL_FORMS = subset(FUNCTION_NOUN_FORMS, "official officials")

# Participles of the anonymity markers ("familiar with", "briefed on", "close to"), which keep
# the source phrase going past its head.
MARKER_PARTICIPLES = words("brief close familiar")

# People a story introduces before they speak ("both witnesses", "the residents").
INTRODUCED_PEOPLE = subset(FUNCTION_NOUNS, "resident witness")
POINTING_OR_BOTH = POINTING_DETERMINERS | words("both")

# Modifiers that make "media" a state's outlets ("state media reported"): identifiable.
STATE_MEDIA_MODIFIERS = words("government official state state-run")

# Currency signs and codes before an amount ("$5", "Rs 500", "N 2 billion").
CURRENCY_SIGNS = frozenset({"$", "\u00a3", "\u20ac", "\u00a5", "Rs", "N"})

# A hyphen or an en dash between two numbers ("5-10", "5\u201310").
HYPHENS = frozenset({"-", "\u2013"})

# Units of an age written "30-year-old".
AGE_UNITS = words("day month year")

# Prepositions that make a number a rate or a change ("grew by 7 million", "coverage to 400,000").
RATE_PREPOSITIONS = words("by for to")

# Verbs of finding out that need a wh-complement to be checking ("could not determine whether").
FINDING_OUT_VERBS = subset(CONFIRM_VERBS, "ascertain determine establish")

# Nouns of checking: "no confirmation", "without verification".
CONFIRMATION_NOUNS = words("confirmation verification")
CONFIRM_WORDS = CONFIRM_VERBS | CONFIRMATION_NOUNS

# Verbs whose participle leaves a claim open: "disputed", "contested".
DISPUTE_VERBS = words("contest dispute")

# Negated ability: "cannot confirm", "can't verify", "was not able to".
CANNOT = frozenset({"cannot", "can't"})
ABILITY_WORDS = words("able be can")

# Modals of a past possibility ("may have", "might have"), and the words of "may or may not".
PAST_POSSIBILITY_MODALS = words("may might")
MAY_OR_MAY_NOT = words("may or")

# Auxiliaries that open a counterfactual ("had they known", "were it not", "should it fail").
COUNTERFACTUAL_AUXILIARIES = words("had should were")

# Condition marks without "whether": "if", "unless".
IF_UNLESS = subset(CONDITION_MARKS, "if unless")

# Concessions a hedge can sit in ("despite", "although", "though"): granted, not claimed.
CONCESSION_WORDS = subset(CONCESSIVE_MARKS, "although though") | words("despite")

# Prepositions that tie a report to its outlet ("a report from Reuters", "by the BBC", "in the
# Times").
REPORT_PREPOSITIONS = words("by from in")

# Report nouns read as a report of their own: "reports say", "one estimate puts".
REPORT_OR_ESTIMATE = subset(REPORT_NOUNS, "estimate report")

# Determiners of a group already introduced ("the critics", "these officials").
GROUP_POINTING_DETERMINERS = subset(POINTING_DETERMINERS, "the these those")

# Prepositions that place a group ("Democrats in Congress", "voters at the rally").
PLACE_PREPOSITIONS = words("at from in on")

# What opens the content of a concern noun ("concerns that", "fears about", "worry over").
VIEW_PREPOSITIONS = words("about over that")

# Modals of a conditional: "would like", "could see", "might say".
CONDITIONAL_MODALS = subset(HYPOTHETICAL_AUXILIARIES, "could might would")

# Verbs of a widely held view in the passive: "widely regarded as", "widely seen as".
REGARD_VERBS = PASSIVE_CONSIDER_VERBS | words("see")


# --- Attribution, second round (issue 13): labels, cues and sources ------------------------
# Kept apart from the lists above so the word lists of the two rounds merge cleanly.

# Words before a colon at a paragraph's start that head a section, not a speaker ("UPDATE:",
# "Related:", "Editor's note:") (observed on news pages; PolNeAR dev).
NOT_SPEAKER_LABELS = words(
    """
    advertisement background bottom byline caption clarification correction credit dateline
    disclaimer disclosure editor's highlight highlights length load-date note photo photos
    read related section source sources subscribe tags topic update updated video watch
    """
)

# Verbs of asking, whose content is a question or a request ("asked whether", "asked the court
# to") (PARC 3.0 cue inventory; PolNeAR dev).
ASKING_CUES = words(
    """
    ask inquire query
    """
)

# Words that open an indirect question ("asked whether", "asked who") (English grammar).
QUESTION_WORDS = words(
    """
    how if what when where whether which who whom why
    """
)

# Findings verbs whose finding may be an object ("the poll shows the mayor leading", "records
# show no payments") when a poll, a study or a document is the subject (PARC 3.0; PolNeAR dev).
FINDING_OBJECT_VERBS = words(
    """
    find indicate reveal show
    """
)


# --- Counts compared across articles ------------------------------------------------------

# What a count in a news sentence counts, for comparing one event's figures across outlets
# (``figure_compare``). Surface forms, not lemmas (the comparison reads stored sentences without
# a parse). Harm and arrests follow WP:CITENEED's casualty and arrest figures (the words of
# HARM_WORDS and ARREST_WORDS, inflected); crowds its crowd sizes (PEOPLE_NOUNS of a protest).
COUNT_DEAD_WORDS = words(
    """
    dead death deaths died dies fatalities fatality kill killed killing killings lives perished
    slain toll
    """
)
COUNT_INJURED_WORDS = words(
    """
    hospitalised hospitalized hurt injured injuries injuring wounded wounding
    """
)
COUNT_MISSING_WORDS = words(
    """
    missing unaccounted
    """
)
COUNT_ARRESTED_WORDS = words(
    """
    arrest arrested arrests detained detainees detentions jailed
    """
)
COUNT_DISPLACED_WORDS = words(
    """
    displaced evacuated fled homeless refugees
    """
)
COUNT_CROWD_WORDS = words(
    """
    attended demonstrators gathered marched marchers protesters protestors rallied supporters
    """
)
# Nouns after a figure that say it counts no people or events (observed): "40 years", "40%".
COUNT_NOT_PEOPLE = words(
    """
    am cents day days degrees dollars feet hour hours inches kilometers kilometres meters metres
    miles minutes month months percent pm points pounds seconds week weeks year years
    """
)

# Capitalised words that name no place, party or person when figures of one event are grouped
# by the names around them ("Police said", "President X": observed on the development articles;
# spaCy's stop words are left out as well).
COUNT_NOT_NAMES = words(
    """
    according authorities city government minister ministry officer officers officials police
    president spokesman spokeswoman state states mr mrs ms dr
    """
)


# --- Attribution, third round (issue 13): statements summed up by their object ------------
# Appended at the end so parallel edits to the lists above merge cleanly.

# Verbs of speech whose object is what was said, summed up by the writer: "Bush attacked Trump",
# "she defended her vote", "the senator endorsed Cruz", "the campaign announced a new ad" (PARC
# 3.0 and PolNeAR annotate the object as the content; observed on the PolNeAR development part).
# Lemmas; a bare object only counts with a source that can speak. Verbs whose object is
# mostly an event or a thing ("confirmed the appointment", "unveiled a plan", "recalled his
# childhood", "repeated the exercise") stay out.
SUMMARY_VERBS = words(
    """
    acknowledge announce applaud assail attack bash berate blast castigate champion cite condemn
    criticise criticize declare decry defend denounce deride describe detail discuss dismiss
    disparage dispute echo emphasise emphasize endorse excoriate express hail highlight laud
    lambaste mention mock outline praise propose question rebuke recount reject ridicule scold
    slam stress thank tout tweet voice
    """
)

# Verbs of speech whose summed-up content follows a preposition: "called for a ban", "talked
# about immigration", "commented on the case", "railed against Wall Street" (PARC 3.0; PolNeAR
# development part). Lemma to the prepositions that open the content.
SUMMARY_PREPOSITIONS: dict[str, frozenset[str]] = {
    "argue": words("against for"),
    "boast": words("about of"),
    "brag": words("about"),
    "call": words("for"),
    "comment": words("on"),
    "complain": words("about of"),
    "joke": words("about"),
    "lash": words("at"),
    "push": words("for"),
    "refer": words("to"),
    "rail": words("against"),
    "speak": words("about of"),
    "talk": words("about of"),
    "testify": words("about on"),
    "warn": words("about against of"),
    "write": words("about of"),
}

# Prepositions after a summed-up statement's object that carry more of it: "endorsed Cruz for
# president", "attacked her over an email chain", "described him as a loser".
SUMMARY_OBJECT_PREPOSITIONS = words("as for over")

# Verbs of talking about a topic, an attribution in any form: "came on the show to talk about
# immigration", "began by talking about the drug crisis" (PolNeAR development part).
TOPIC_SPEECH_VERBS = words("speak talk")

# Demonstratives that point back to the sentence before: "That's according to the filings"
# (English grammar).
POINTING_BACK = words("that this")

# Verbs of appeal whose content is "on X to do Y": "called on Sanders to release the
# transcripts" (PolNeAR development part).
CALL_ON_VERBS = words("call")

# --- Unverified claims, issue 14 recall pass (appended here to ease merging) -----------------

# Verbs of a view a group holds, as the labelling rules read a vague group's opinion ("Republican
# strategists concede", "legal experts say", "most economists assess ... as modest"): opinion
# and saying verbs (``OPINION_VERBS``) plus the concessions and judgments of the claims corpus's
# weasel sentences (observed on its development part).
GROUP_OPINION_VERBS = OPINION_VERBS | words(
    """
    acknowledge affirm agree assess blame cite concede discount emphasize fear hope liken note
    recognize see speculate suspect view wonder
    """
)

# Of these, the verbs that give a view only with "as" ("many see him as the favourite",
# "critics cited it as evidence"), not "voters saw the ad".
AS_VIEW_VERBS = words("assess cite see view")

# Collective nouns whose "of" names the group: "a wide array of economists", "a number of
# analysts", "a majority of voters".
COLLECTIVE_HEADS = words("array chorus handful host lot majority minority number")

# People speaking as a group with no name: heads of a weasel group when a view verb follows
# ("economists say", "Clinton allies believe", "union members and leaders say"; MOS:WEASEL
# and the claims corpus's development part). Officials, police and spokespeople are not here:
# they speak for a body, which the anonymous-source rules judge.
GROUP_HEADS = (
    VAGUE_GROUPS
    | PARTISAN_GROUPS
    | ENTOURAGE_HEADS
    | words(
        """
    activist adviser advisor ally backer defender economist expert fundraiser leader majority
    member operative strategist trader veteran worker
    """
    )
) - words("group many some others those senator lawmaker politician")

# Predicative adjectives of a group's hope or dread ("Trump allies were hopeful that", "her
# advisers are not convinced"), beyond ``OPINION_ADJECTIVES``.
GROUP_MOOD_ADJECTIVES = OPINION_ADJECTIVES | words(
    """
    alarmed anxious confident doubtful fearful frustrated hopeful nervous optimistic pessimistic
    uneasy wary
    """
)

# Phrases that say the speaker of the sentence asked not to be named: "who spoke on condition
# of anonymity", "spoke anonymously", "was not authorized to speak publicly".
ANONYMITY_PHRASES = phrases(
    """
    condition of anonymity
    spoke anonymously
    speaking anonymously
    requested anonymity
    granted anonymity
    insisted on anonymity
    not authorized to speak
    not authorized to discuss
    n't authorized to speak
    n't authorized to discuss
    not authorised to speak
    declined to be named
    declined to be identified
    asked not to be named
    asked not to be identified
    did not want to be named
    did not want to be quoted by name
    """
)

# Verbs of voting: a count of people who voted is an election result or turnout, which the
# labelling rules leave unflagged ("367,000 people voted", "13 million people cast a vote").
VOTING_VERBS = words("cast caucus elect support vote")

# What a payment buys when it is a deal or settlement, not money spent or lost ("paid $365
# million to buy", "agreed to pay $1.7 billion to settle"; claims corpus, development part).
DEAL_VERBS = words("acquire buy license purchase resolve settle stream")

# Verbs the source reader takes as reporting that also name an act on a thing: "Republicans
# confirmed a judge", "researchers disclosed a cache", "Republicans questioned Morrison" (claims
# corpus, development part): with a noun object and no clause they report no view.
ACT_NOT_VIEW_VERBS = words(
    """
    announce attack block cite confirm deny disclose file question release report reveal use
    """
)

# Words of a poll's share of respondents: "six in 10 voters", "46 percent of voters", "four out
# of 10" (a poll's result, not a vague group).
SHARE_WORDS = words("in out percent % majority half third quarter")

# Nouns by which a source speaks of a figure without repeating it ("the ministry said the
# figure could rise", "police put the toll higher"): such a source covers its paragraph's counts.
FIGURE_REFERENCE_NOUNS = words(
    """
    casualty count estimate figure number tally toll total
    """
)

# One person the article does not name, as a cited source: "according to someone in
# attendance", "according to one of his senior aides", "according to a campaign adviser"
# (issue 14's anonymous_source; the claims corpus's development part). Spokespeople are not
# here: they speak for a body, which the paragraph usually names.
INDEFINITE_PEOPLE = words("somebody someone")
UNNAMED_PERSON_HEADS = ENTOURAGE_HEADS | words(
    """
    adviser advisor aide associate attendee confidant employee friend insider official
    participant person source staffer
    """
)
# "one of his aides", "two of the staffers": a few of a group, each unnamed.
SMALL_COUNTS = words("one two three four several some")

# People counted as a protest crowd by their noun alone ("about 200 protesters congregated",
# "several hundred demonstrators took to the streets"; the claims corpus's crowd figures).
PROTEST_PEOPLE = words("demonstrator marcher mourner protester protestor rioter")

# What campaign money buys, so a sum attached to it is money spent: "a $1.5 million ad buy",
# "$22 million in negative ads", "$20 million of the TV advertising" (claims corpus).
ADVERTISING_NOUNS = words("ad advertisement advertising airtime buy commercial spot")

# More people a population figure counts (claims corpus, development part): "1 million asylum
# seekers", "11 million undocumented", "300,000 detainees".
MORE_POPULATION_NOUNS = words("detainee evacuee seeker undocumented victim")

# Offices whose officials speak for the body the story names: "election officials said",
# "campaign officials said", "party officials" (claims corpus, development part; "an airport
# official", "U.S. officials" stay anonymous as issue 14's examples have them).
OFFICE_MODIFIERS = words("campaign county election elections immigration party")

# Number words under twenty, for telling a handful of people from a crowd.
SMALL_NUMBER_WORDS = {
    word: value
    for value, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
} | {"dozen": 12}

# "The source of the attack is unclear", "whether she won them over is unknown": adjectives of a
# fact not known, and the nouns of a fact they can be said of (issue 14's "it is unclear
# whether" with the fact as subject; the claims corpus's hedged sentences).
UNKNOWN_ADJECTIVES = words("uncertain unclear unknown")
FACT_NOUNS = words(
    """
    author cause extent fate identity motive nature number origin purpose reason source status
    whereabouts
    """
)

# Verbs of declining to speak: "the spokesman declined to comment", "she declined to say
# whether …", "he declined an interview request". PARC 3.0 and PolNeAR annotate them as
# attributions whose content is what was declined (PolNeAR dev).
REFUSAL_VERBS = words(
    """
    decline
    """
)

# --- Unverified recall, third pass (issue 14): views given to a group without a verb of theirs
# (the claims corpus's development part; MOS:WEASEL). Kept apart so helpers' lists merge cleanly.

# "mounting anxiety among senior Democrats that", "suspicions persist that": nouns of a view
# whose holders the article leaves unnamed (CONCERN_NOUNS and their kin, observed).
GROUP_CONCERN_NOUNS = CONCERN_NOUNS | words("anxiety doubt unease")

# "suspicions persist that", "fears grew that": verbs that say a view is held without saying by
# whom (observed).
VIEW_SPREAD_VERBS = words("abound grow linger mount persist spread swirl")

# "This leads many experts to suspect", "leaving many to wonder": verbs that hand a group a
# view (observed).
STIRRING_VERBS = words("cause lead leave prompt")

# "spent $2 million more than ...": comparatives a sum of money can measure (observed).
COMPARATIVE_AMOUNTS = words("less more")

# Verbs that attribute a quotation only right beside it, mostly with a text or a voice as the
# speaker: `"America is great!" read one`, `"If a protester starts…," begins a scripted message`,
# `"People are afraid," he surmised` (PolNeAR dev's direct quotes we left unlinked). Read with
# ``TAIL_ONLY_VERBS``; "shoot back" is matched with its particle in ``cues.cue_kind``.
QUOTE_TAIL_VERBS = words(
    """
    begin exhort interject read surmise
    """
)


# --- Attribution, noun cues (issue 13): statements named by a noun, documents as sources -----
# Appended at the end so parallel edits to the lists above merge cleanly.

# Nouns of a statement whose "that" clause is what was stated: "her warning that rents would
# rise", "the senator's claim that the bridge was unsafe", "an assertion by the coach that…"
# (PARC 3.0 noun cues; PolNeAR development part). Lemmas; "fact", "idea", "hope" and "fear"
# stay out: they name a thought or a state of affairs, not words said.
STATEMENT_NOUNS = words(
    """
    accusation admission allegation announcement answer argument assertion assurance boast
    charge claim comment complaint contention declaration denial explanation insistence pledge
    prediction promise remark reply response statement suggestion threat vow warning
    """
)

# Verbs by which a source puts out a document: "issued a statement saying…", "sent a letter
# urging…", "posted a message calling…" (PolNeAR development part).
ISSUING_VERBS = words(
    """
    circulate distribute email file issue post publish put release send tweet write
    """
)

# Documents that state what their participle says: "emails showing that the agency knew", "a
# memo warning that…", "a new survey showing the governor down" (PARC 3.0 documents as sources;
# PolNeAR development part), beyond ``FINDING_SOURCES``. Pictures stay out: "a video showing the
# rescue" shows a scene, it states nothing.
SHOWING_DOCUMENTS = words(
    """
    message note text
    """
)

# Findings verbs as the last word of a sentence, ", county records show." (the parser often
# reads them as nouns there): surface forms (PolNeAR development part).
TRAILING_FINDING_FORMS = words(
    """
    find finds found indicate indicated indicates reveal revealed reveals show showed shows
    suggest suggested suggests
    """
)

# More subjects that report a finding: "an average of polls shows", "her remarks indicated
# that", "election returns suggest" (PARC 3.0 documents as sources; PolNeAR development part).
# Rebound here, at the end, so the word lists above merge cleanly; every reader of
# ``FINDING_SOURCES`` imports the module whole and so sees the full set. Words that head a web
# page's labels ("Comment:", "Message:", "File:") stay out: ``labelled`` reads these as sources.
FINDING_SOURCES = FINDING_SOURCES | words(
    """
    article average polling remark return testimony
    """
)

# --- Attribution, verbs beyond say and tell (issue 13): blaming, crediting, characterising -----
# Appended at the end so parallel edits to the lists above merge cleanly. Lists of the rounds
# above are rebound here; every reader imports the module after it has run and sees the full set.

# Verbs that give a source's judgement of someone through a "for" predicate: "Cruz blamed Bush
# for the housing bust", "Limbaugh began by crediting Trump for his instincts" (PARC 3.0 attitude
# cues; PolNeAR development part). As judgement cues, a bare object ("blamed the weather") is no
# content. "threaten" and "deny" were tried and left out: in news of crimes and rulings they
# name acts ("threatening to kill", "denied bail"), and our annotated set does not mark them.
JUDGEMENT_CUES = JUDGEMENT_CUES | words(
    """
    blame credit
    """
)

# Verbs of characterising whose content is the object with an "as" predicate and nothing else:
# "he portrayed immigrants as criminals", "the ad paints the senator as a career politician",
# "Trump identified the judge as 'Spanish'" (PolNeAR development part). "cast" stays out: it
# casts votes and film roles as often as rivals ("cast 42 votes for Trump", "cast an actor as").
AS_ONLY_CUES = words(
    """
    identify paint portray
    """
)
JUDGEMENT_CUES = JUDGEMENT_CUES | AS_ONLY_CUES

# --- Unverified: unconfirmed, reported and hedged on any outlet's prose (issue 14, the corpus's
# benchmark pages). Kept apart so helpers' lists merge cleanly.

# "aren't confirmable", "not verifiable": the text says a claim cannot be checked (observed).
CHECKABLE_ADJECTIVES = words("confirmable corroborable verifiable")

# "no one knows for sure", "nobody knows how many": no one can check it (observed).
NO_ONE_SUBJECTS = words("nobody noone")

# Nouns of checking a claim besides ``CONFIRMATION_NOUNS``: "no corroboration" (observed).
CORROBORATION_NOUNS = words("corroboration")

# Auxiliaries of a present perfect: "cases have been reported" (observed).
PERFECT_AUXILIARIES = words("has have")

# --- Attribution, statements summed up beyond say and tell (issue 13, recall on unseen prose) ---
# Appended at the end so parallel edits to the lists above merge cleanly.

# More verbs whose summed-up content follows a preposition: "asked Carson about his ties to the
# company", "alluded to the scandal", "tweeted about the debate" (PolNeAR development part).
# Rebound with ``|`` so the entries above stay as they are. "point to" stays out: tried by two
# rounds, right about 0.6 of the time on PolNeAR ("all signs pointed to Obama endorsing her").
SUMMARY_PREPOSITIONS = SUMMARY_PREPOSITIONS | {
    "allude": words("to"),
    "ask": words("about"),
    "tweet": words("about"),
}

# Nouns of a statement whose topic follows a preposition, summed up like "attacked X": "his
# attacks on Clinton", "her criticism of the vote", "a call for a ban", "raised questions about
# his record" (PARC 3.0 noun cues; PolNeAR development part). Lemma to the prepositions that open
# the topic; a noun counts only with a speaker (a possessive, "by"/"from", or the subject of a
# ``STATEMENT_MAKING_VERBS`` verb whose object it is). "statement" stays out: "statements about"
# names the words' subject more often than it sums them up. "on" stays off "comments" and
# "remarks": it opens their time or place ("remarks on Tuesday", "a comment on Twitter") as often
# as a topic.
TOPIC_STATEMENT_NOUNS: dict[str, frozenset[str]] = {
    "accusation": words("against of"),
    "allegation": words("against of"),
    "attack": words("against on"),
    "call": words("for"),
    "comment": words("about"),
    "complaint": words("about"),
    "criticism": words("of"),
    "demand": words("for"),
    "message": words("about"),
    "praise": words("for"),
    "question": words("about"),
    "remark": words("about"),
    "warning": words("about against"),
}

# Verbs that make their object noun a statement of their subject's: "Trump launched an attack on
# Obama", "she made a call for unity", "he raised questions about the deal" (PolNeAR
# development part).
STATEMENT_MAKING_VERBS = words(
    """
    continue deliver direct express issue launch level make offer post raise renew repeat send
    step voice
    """
)

# More verbs of speech whose bare object is what was said: "Clinton noted the Sept. 11 attacks",
# "Gowdy referenced an inspector general's report", "he reiterated his support for the ban",
# "she bemoaned the lack of funding" (PolNeAR development part). "underscore" stays out: its
# subjects are mostly findings and events ("the findings underscore the risk").
SUMMARY_VERBS = SUMMARY_VERBS | words(
    """
    bemoan lament note reference reiterate
    """
)

# --- Unverified: hedged claims on any outlet's prose (issue 14, unv-hedged) ---------------------
# Appended at the end so parallel edits merge cleanly; ``FACT_NOUNS`` is rebound with ``|``.

# More nouns of a fact that can be "unclear" or "unknown": "the long-term effect of the drug is
# unknown", "the incidence of the syndrome remains unclear" (the corpus's benchmark pages).
FACT_NOUNS = FACT_NOUNS | words("effect incidence prevalence recurrence")

# Verbs of the writer's own guess: "I suppose the word may have come from ...", "we think it
# might have been" — a hedge under them is first-person opinion, which the labels leave alone.
FIRST_PERSON_GUESS_VERBS = words("believe guess imagine suppose suspect think")

# Modals of duty or advice: "people should think about that", "critics must ask" tell a group
# what to do, they report no view it holds (the claims corpus's benchmark pages).
OBLIGATION_MODALS = words("must shall should")

# Words that open a cause right after a hedge adverb: "possibly because the infection spread",
# "probably due to the rain" — a guessed explanation, which the labels leave alone.
CAUSE_MARKS = words("because due")

# --- Attribution, polls, studies and documents as sources (issue 13, att-cues) -----------------
# Appended at the end so parallel edits to the lists above merge cleanly.

# Nouns of a poll whose finding a sentence-opening phrase gives: "In a Marist poll
# released Sunday, 40 percent of voters backed the mayor", "In the new survey, the senator leads"
# (PARC 3.0 documents and studies as sources; PolNeAR development part). Lemmas.
POLL_PHRASE_NOUNS = words("poll survey")

# Prepositions that open such a phrase (English grammar).
POLL_PHRASE_PREPOSITIONS = words("in")

# More prepositions after a summed-up statement's object that carry more of it: "announced his
# engagement to Jerry Hall", "announced the deal with state lawmakers", "criticized the deal
# against the advice of …" (PolNeAR development part).
SUMMARY_OBJECT_PREPOSITIONS = SUMMARY_OBJECT_PREPOSITIONS | words("about against to with")

# Prepositions that open the writer's aside when a comma comes before them: "condemned the test,
# with Republicans taking shots at the White House" (English grammar: the absolute "with").
ASIDE_PREPOSITIONS = words("with")

# Verbs of reporting, admitting and remembering whose content may be a gerund with the cue's own
# subject: "the PAC reported spending $6 million", "he denied taking the money", "she recalled
# meeting him" (PARC 3.0; PolNeAR development part).
GERUND_CUES = words("acknowledge admit deny mention recall report")

# --- Unverified: anonymous sources and vague groups told apart (issue 14, unv-fit) -------------
# Appended at the end so parallel edits merge cleanly.

# Heads that name an informant, whatever verb the article gives them: "Gulf sources believe" is
# an anonymous source's account, not a vague group's opinion.
INFORMANT_HEADS = words("source")

# Determiners that make a source one person: "a Democratic senator said", "said one activist".
ONE_PERSON_DETERMINERS = words("a an one another")

# Verbs by which one unnamed person tells something (not a view: "a voter thinks").
SAY_VERBS_OF_ONE = words(
    """
    add confirm disclose explain note recall reveal say tell write
    """
)

# A group's wish or expectation, which a sentence can compare the facts with or talk about without
# handing the group a claim: "as many people expected", "what people want to hear", "what
# people think of him".
WISH_OR_EXPECT_VERBS = words(
    """
    anticipate expect hope like need predict think want wish
    """
)

# --- Attribution: generic sources of a nested attribution (issue 13, att-prec) ----------------
# Appended at the end so parallel edits merge cleanly.

# Heads and determiners of a source nobody can be asked: "people who say they are
# conservatives", "no American would ever say", "those who thought it was". Inside another
# attribution's words such a source is the outer speaker's figure of speech, not a statement of
# its own (PolNeAR development part: 1 of 19 such nested findings annotated).
GENERIC_SOURCE_HEADS = words("anybody anyone everybody everyone nobody one people somebody someone")
GENERIC_SOURCE_HEADS = GENERIC_SOURCE_HEADS | {"those", "no one"}
GENERIC_SOURCE_DETERMINERS = words("any every no")

# --- Attribution: documents that report as subjects (issue 13, att-rec) -------------------------
# Appended at the end so parallel edits merge cleanly. "The inquiry found that …", "the ad
# concludes that …", "the missive suggests …", "her financial disclosure suggests …", "FEC
# regulations suggest …" (PolNeAR development part: 8 statements more, no false positive).
FINDING_SOURCES = FINDING_SOURCES | words("ad disclosure inquiry message missive probe regulation")

# --- Attribution: measured statement cues beyond the lists above (issue 13, att-cues) ----------
# Appended at the end so parallel edits merge cleanly. Each was kept only when its new findings on
# the PolNeAR development part were right (one batched run, new findings attributed to their cue):
# "floated the idea that", "outlined how", "dismissed claims that", "rejected the notion that",
# "alluded to", "swore that", "corrected reporters that", "retweeted a post saying". spaCy
# lemmatises "retweeted" as "retweete", so that form is listed beside the verb. Tried and left
# out (new findings under 0.8 right): discuss, express, refer, tout, endorse, rail, bemoan,
# dictate, term, marvel, downplay, knock; savage added none.
STATEMENT_VERBS = STATEMENT_VERBS | words(
    """
    allude articulate contradict correct dismiss float hammer outline reject retweet retweete
    swear
    """
)

# Statement nouns whose clause counts with a named speaker: "his message that the party must
# unite", "her criticism that the plan was rushed", "their advice that voters stay home"
# (PolNeAR development part, as above). Left out: speech, proposal, concern, tweet, question
# (their new findings were mostly wrong).
STATEMENT_NOUNS = STATEMENT_NOUNS | words("advice criticism message")

# More verbs of speech whose bare object is what was said: "the senator congratulated the
# winner", "the filing disclosed two loans", "the campaign rebutted the charges", "she
# articulated a vision" (PolNeAR development part, measured as above). Tried and left out (new
# summaries under 0.8 right): show, cast, tell, write, post, ask, recall, claim, underscore, deny,
# report, explain, identify, charge, blame, read, answer, predict, confirm, portray, downplay,
# savage, hammer, retweet, float; "knock" (3 of 3 right) too, since it knocks doors down in crime
# news as often as it knocks plans.
SUMMARY_VERBS = SUMMARY_VERBS | words("articulate congratulate disclose rebut")

# "opened up about her childhood" (the particle sits between verb and preposition), and "his
# reference to the report" (PolNeAR development part, as above). Left out: "respond to", "ask
# about/for", "say about", "weigh in on", "request for", "appeal for" (under 0.8 right).
SUMMARY_PREPOSITIONS = SUMMARY_PREPOSITIONS | {"open": words("about")}
TOPIC_STATEMENT_NOUNS = TOPIC_STATEMENT_NOUNS | {"reference": words("to")}

# --- Unverified: verbs by which a body yields a count (issue 14, unv-fig) -----------------------
# "the CDC is monitoring 265 people", "the ministry counted 40 dead", "police released the
# identities of the two people killed", "the agency raised the death toll to 267": a named body
# that keeps or puts out the count sources it. Not the act counted itself ("police arrested
# six", "the campaign spent $2 million"): the labelling rules leave those unsourced.
COUNT_KEEPING_VERBS = words(
    """
    count document identify increase list log lower monitor name raise register release revise
    tally track update
    """
)

# --- Attribution: statements with a noun-phrase content (issue 13, att-np) ----------------------
# Appended at the end so parallel edits merge cleanly.

# Verbs whose bare object is a summed-up statement only when it names a charge or a claim: "Ailes
# denied the charges", "the campaign denies any wrongdoing", "the government has denied any role
# in the attacks" (PolNeAR development part). With other objects they are acts ("denied bail",
# "the court denied the party a place on the ballot"). Lemma to the object nouns (lemmas).
SUMMARY_OBJECT_NOUNS: dict[str, frozenset[str]] = {
    "deny": words(
        """
        accusation allegation charge claim involvement knowledge link report role rumor rumour
        wrongdoing
        """
    ),
    # "the group claimed responsibility for the attack", "she claimed credit for the deal";
    # "claimed victory" stays out: in sports news it reports a win.
    "claim": words("credit responsibility"),
}

# Objects whose "in" phrase is part of them when the parser hangs it on the verb: "denied any
# role in the attacks", "denied involvement in the scheme".
PART_NOUNS = words("involvement part role")

# Verbs that say the infinitive or gerund after them was done, so a summed-up statement under
# them was made: "went on to attack Trump", "continued to question his temperament", "took to
# Twitter to praise the ruling", "used his speech to call for a ban", "spent the hour mocking
# Bush" (PolNeAR development part). "began", "tried", "plans" and "expected" stay out: a start,
# an attempt or a plan is no statement made.
CARRYING_OUT_VERBS = words("continue go proceed spend take use")
# Of these, the verbs that carry out through an object of their own ("used his speech to …",
# "spent the hour …"); without one they sit in a relative clause about a habit ("a term he has
# used to describe her").
CARRYING_OUT_WITH_OBJECT = words("spend use")

# Statements put out as a document, whose participle sums up what they said: "her statement
# condemning the test", "the candidates issued statements condemning the attacks", "he gave a
# speech attacking the nominee" (PolNeAR development part). The speaker is the document's
# possessive or the subject of the verb that put it out.
SPEAKING_DOCUMENTS = words("editorial letter op-ed remark speech statement tweet")
DOCUMENT_MAKING_VERBS = ISSUING_VERBS | words("deliver give make")

# --- Unverified: "appears to" / "seems to" on a fact of the writer's (issue 14, unv-rules) -----
# What an "appear"/"seem" complement is when it is no hedged fact (the labelling rules in
# tests/data/unverified/README.md): the writer's reading of what a statement, act or post meant
# or aimed at ("appeared to refer to", "seemed to urge", "seems to agree"), or of someone's
# manner and feelings ("appeared to grimace", "seemed to enjoy").
APPEARANCE_READING_VERBS = words(
    """
    acknowledge agree aim allude assert believe blame care concede contradict criticize defend
    direct disagree dismiss echo embody endorse enjoy forget grimace hint imply implore indicate
    mean mock nod offer praise question recall refer reference relish remember respond say
    signal smile suggest target think understand urge want wish
    """
)

# "seemed (to be) nervous", "appears to be effective", "seems ready to": an impression of a
# look or a mood, a judgement, or readiness for what is to come; none is a checkable fact.
APPEARANCE_IMPRESSION_ADJECTIVES = words(
    """
    absurd amused angry annoyed appropriate aware bad best better bored bound calm certain clear
    comfortable concerned confident confused content determined difficult disappointed eager
    easy effective embarrassed excited fair fine frustrated genuine good happy hard ideal
    important impossible inappropriate ineffective intent interested keen likely logical
    necessary nervous obvious odd perfect pleased pointless poised possible proud ready
    reasonable relaxed reluctant right set silly simple sincere strange sure surprised tired
    unaware uncomfortable unconcerned unfair unlikely unreasonable unwilling upset useful
    willing worried worse worst wrong
    """
)

# --- unv-fp: population figures that are no checkable count ---
# "66 per 100,000 people": a rate, not a count of people.
RATE_PREPOSITIONS = RATE_PREPOSITIONS | {"per"}
# "millions of people struggling", "thousands of workers sewed jeans": a bare round plural
# gives no figure a reader could check ("tens of millions", "nearly a million" still do).
VAGUE_PLURAL_QUANTITIES = words("billions dozens hundreds millions thousands")

# --- att-recall: attribution recall (issue 13) ---
# "pointed to his record in the legislature", "points to the jobs report": citing something as
# the ground of one's case is a statement summed up by what it cites (PARC 3.0; PolNeAR
# development part: 28 missed statements with this cue).
SUMMARY_PREPOSITIONS = SUMMARY_PREPOSITIONS | {"point": words("to")}
# Verbs that are also gestures: "pointed to me", "pointed to Obama in the crowd" show a person
# rather than cite a ground, so a person or a pronoun as their object is no statement.
GESTURE_VERBS = words("point")
# Verbs of answering or mentioning that still report a speech act when negated: "did not respond
# to requests for comment", "has not commented on the report", "did not mention Trump by name"
# (PARC 3.0 and PolNeAR annotate the non-answer, like "declined to comment", as an attribution
# whose content is what went unanswered or unmentioned; PolNeAR development part: 25 missed
# statements). Lemma to the prepositions that open what went unanswered; None: a direct object.
NEGATED_SPEECH_VERBS: dict[str, frozenset[str] | None] = {
    "comment": words("on"),
    "mention": None,
    "reply": words("to"),
    "respond": words("to"),
}
# --- att-boundary: where a summed-up statement was made is no part of what it was about ---
# "touted a cautious stance in other interviews", "called Palin a clown on his radio show": a
# phrase closing a summary's object that names the occasion of speaking sets the scene of the
# cue (PARC's content is what was said about, not where; PolNeAR development part).
SPEECH_OCCASION_NOUNS = words(
    """
    appearance blog broadcast briefing debate facebook interview podcast remarks
    show speech stage tweet twitter
    """
)
SPEECH_OCCASION_PREPOSITIONS = words("at during in on through")
# --- unv-recall: cues of an unnamed group's view and of an unnamed insider (issue 14) -------
# A group's state of mind about a fact is its view, as "worried" and "skeptical" are: "legal
# experts have been surprised", "AI experts are increasingly troubled", "many Democrats are
# mindful of" (MOS:WEASEL; the labelling rules' "an opinion or belief given to a vague group").
GROUP_MOOD_ADJECTIVES = GROUP_MOOD_ADJECTIVES | words(
    """
    apprehensive baffled bewildered dismayed mindful persuaded puzzled surprised troubled
    unconvinced
    """
)
# Verbs of taking something for true or advising on it, which a vague group's subject turns
# into a view held by no one the reader can check: "others assumed that", "experts recommend",
# "many people vouch for", "some participants urged" (MOS:WEASEL).
GROUP_OPINION_VERBS = GROUP_OPINION_VERBS | words(
    """
    anticipate assume dispute presume recommend urge vouch
    """
)
# Evidential hedge adverbs: the writer passes on what they inferred or heard ("Depression
# apparently abounds"), which hedges a present state as it does a past event (the labelling
# readings: "apparently" on a fact is hedged); "probably" and "likely" are the writer's own
# judgement, read on the past only.
EVIDENTIAL_ADVERBS = words("apparently seemingly")
# Unnamed studies are unnamed polls' kin: "recent studies confirm", "many observational studies
# have confirmed" pass on a finding no reader can look up (the corpus's labelling readings:
# unnamed studies or research as the source of a fact are `reported`).
STUDY_NOUNS = words("experiment study")
UNNAMED_POLL_NOUNS = UNNAMED_POLL_NOUNS | STUDY_NOUNS
# --- unv-prec2: unverified claims, issue 14 precision round 2 ---
# Prepositions that make "reports of/that" part of another noun rather than a claim the writer
# passes on: "the number of reports of", "within an hour of initial reports of", "because of
# reports that" (the claims corpus labels "responded to reports that" and "amid reports of" as
# reported, so only "of" is here). Used only by the unverified detector.
REPORT_TOPIC_PREPOSITIONS = words("of")
# Entourage words whose bare plural is a vague group of outside operatives, not insiders who
# speak for a named person: "Democratic strategists say", "some GOP strategists predict" (the
# claims corpus labels these weasel, while "Clinton aides said" stays anonymous_source).
# Used only by the unverified detector; attribution keeps ENTOURAGE_HEADS as it is.
UNVERIFIED_PLURAL_VAGUE_ENTOURAGE = words("strategist")
# Nouns of a study's material: a figure that is their size ("a clinical study of 72 cases",
# "the data included 7.6 million deaths") is the cited study's sample, which the study sources,
# not a count the article asserts (issue 14: a cited study makes a claim sourced). Used only by
# the unverified detector.
STUDY_SAMPLE_NOUNS = words("cohort data datum dataset sample study trial")
# --- att-fp4: attribution precision on PolNeAR conventions, issue 13 ---
# Words that make a source a poll whose respondents answer: "according to the survey, 51
# percent said …", "exit polling data", "Polls show most voters say …". What those respondents
# "said" is the poll's finding, not a report of their own (PARC 3.0 / PolNeAR annotate the poll
# only; observed in the PolNeAR development part).
POLL_RESPONDENT_SOURCES = words("poll polling survey")

# --- unv-hedged: unverified claims, issue 14 hedged precision ---
# The writer's and the reader's pronouns: a sentence holding one outside a quotation is the
# writer's own experience or an address to the reader, where "may have"/"appears to have" is a
# personal guess, not a hedged fact. Used only by the unverified detector's verb hedges.
PERSONAL_PRONOUNS = words("i me my mine myself we us our ours ourselves you your yours")

# --- att-recall5: attribution recall on PolNeAR, issue 13, fifth round ---
# Pieces of reporting that note or indicate something as a document does: "the story also noted
# that …", "the cable indicated more guards were needed" (PolNeAR annotates them as sources;
# observed in its development part). Videos and photos that "show" a scene stay out: PolNeAR
# marks them, our own set does not (8 false positives there against 7 PolNeAR dev gains).
FINDING_SOURCES = FINDING_SOURCES | words("cable story")
# People who speak for someone without a title our role lists know: "a Clinton ally
# suggested that …", "the star noted …".
PERSON_NOUNS = PERSON_NOUNS | words("ally star")

# --- att-np5: statements with a noun-phrase content, issue 13 (round 5) ---
# Appended at the end so parallel edits merge cleanly.
# Charges made with a bare object: "Republicans accused the president of politicizing the
# tragedy" where the parser hangs "of" on the object, so the predicate rule misses it; "the
# lawsuit alleges defamation by Clinton" (PolNeAR development part: 11 of 11 new findings right).
SUMMARY_VERBS = SUMMARY_VERBS | words("accuse allege")
# Prepositions before a gerund that tell when or how the subject of the tensed verb they hang on
# made a statement: "one month after announcing his support for Trump, Rubio …", "quit giving
# paid speeches before announcing her run", "lagged behind other Democrats in calling for …"
# (like "by" in "defended the ban by citing a poll"). Not "without" or "instead of": the
# statement was not made.
GERUND_STATEMENT_PREPOSITIONS = words("after before besides in since upon")

# --- unv-cands5: unverified claims, issue 14 recall (candidates no rule proposed) ---
# Verbs of being moved to a mood: an unnamed group as their passive subject ("legal experts have
# been surprised by the ruling"), their object ("the rhetoric is alarming many Germans") or the
# object of "left" ("left some energy experts bewildered") holds a view or worry the article
# gives to no one in particular (issue 14's weasel: "some senators worry", "politicians are
# worried"; observed in the claims corpus's development part). Used only by the unverified
# detector (``unverified/group_mood.py``).
MOOD_VERBS = words(
    """
    alarm baffle befuddle bewilder concern convince dismay disappoint frustrate persuade puzzle
    rattle spook surprise trouble unnerve worry
    """
)
# Verbs that leave their object in a mood: "left strategists befuddled", "made voters uneasy".
LEAVE_IN_MOOD_VERBS = words("leave make")
# Nouns of a place's size: "a community of over 21,000", "a hamlet with a population under 500"
# (issue 14's unsourced_figure: a count of population stated as fact). Used only by the
# unverified detector (``unverified/place_population.py``).
PLACE_SIZE_NOUNS = words("city community hamlet population town village")


# ---------------------------------------------------------------------------------------------
# attr-recall (issue 13): words of branch attr-recall.
# ---------------------------------------------------------------------------------------------

# What opens a comma-set contrast of one poll share with another ("52 percent said A, compared
# with 41 percent for B", "half say A, while 4 in 10 want B"): the first share's words end there.
SHARE_CONTRAST_OPENERS = (
    "while",
    "whereas",
    "compared with",
    "compared to",
    "versus",
    "however",
)
# "in support of", "in favor of": the side a summed-up statement takes ("announced a concert in
# support of the senator"), kept with the summary's object; unlike other "in" phrases (times,
# places), never the writer's setting.
STANCE_SIDE_NOUNS = words("support favor favour opposition defense defence solidarity")


# ---------------------------------------------------------------------------------------------
# att-prec (issue 13): words of branch att-prec.
# ---------------------------------------------------------------------------------------------

# Dashes as the parser sees them (a hyphen set off by spaces, an en or an em dash).
DASHES = frozenset({"-", "--", "–", "—", "―"})
# What opens the writer's answer to a reported claim after a dash ("he thought it would create
# inflation - except that inflation has fallen"): the claim's words end before the dash.
DASH_REBUTTAL_MARKS = words("except")
