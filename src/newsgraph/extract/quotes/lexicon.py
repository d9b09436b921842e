"""Lexicons of general English used to attribute quotations: speech verbs, roles, titles.

Everything here is ordinary English vocabulary, not names from any particular article. Verb forms
are generated once at import so lookups are a single dict access per token.
"""

from __future__ import annotations

import re
from enum import StrEnum


class CueKind(StrEnum):
    REPORT = "report"  # said, told, added: introduces the speaker's words or a reported clause
    NAMING = "naming"  # called, termed, described as: puts a quoted label on something
    DOCUMENT = "document"  # reads: a text speaks ("…, reads the statement")


def words_of(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# base form -> irregular (past, past participle); regular verbs are inflected by rule.
_IRREGULAR = {
    "say": ("said", "said"),
    "tell": ("told", "told"),
    "write": ("wrote", "written"),
    "speak": ("spoke", "spoken"),
    "tweet": ("tweeted", "tweeted"),
    "think": ("thought", "thought"),
    "read": ("read", "read"),
    "swear": ("swore", "sworn"),
    "forecast": ("forecast", "forecast"),
    "hit": ("hit", "hit"),
    "shoot": ("shot", "shot"),
    "go": ("went", "gone"),
}

REPORT_VERBS = words_of(
    """say tell add stress note claim indicate assure warn insist argue explain emphasize emphasise
    underline underscore announce declare write tweet reply answer ask urge state affirm assert
    confirm deny admit acknowledge suggest comment remark recall conclude observe complain predict
    promise vow pledge threaten demand report respond specify clarify reiterate repeat maintain
    contend allege concede recount inform proclaim boast joke quip shout exclaim mention
    highlight caution speak point add assess agree disagree estimate charge counter retort
    testify summarize summarise continue lament acknowledge forecast believe hint signal fear"""
)
# Expressive verbs of news and tabloid style ("fumed", "quipped", "hit back"): they introduce a
# quotation next to them but are too loose to make reported speech on their own.
EXPRESSIVE_VERBS = words_of(
    """fume blast rage slam snap storm seethe rant thunder roar bellow yell scream shout cry sob
    weep plead beg sigh laugh chuckle giggle smile grin beam gush enthuse rave marvel muse
    reflect reason recall reveal confess confide whisper mutter murmur mumble grumble groan moan
    moot sneer scoff snarl growl bark blurt gasp protest object interject chime pipe hit fire
    shoot lash go tease taunt mock jibe jest brag crow gloat trumpet hail praise applaud
    congratulate thank apologise apologize regret cheer lament mourn fret worry despair wonder
    query inquire enquire advise caution counsel scold chide rebuke rebut retort rejoin sniff
    huff bristle rail hiss spit cackle squeal shriek exclaim relate recount vent chant"""
)
# Verbs of uttering words aloud: a short quotation right after them is what was said ("shouted
# “shame on you”", "chanted “no more cuts”"), not a term the writer marks.
UTTERANCE_VERBS = frozenset(
    words_of("shout yell scream chant cry whisper mutter shriek bellow exclaim sing holler roar")
)
# Expressive verbs that are cues only with their particle ("hit back", "went on", "chimed in").
PHRASAL_CUES: dict[str, frozenset[str]] = {
    "hit": frozenset(("back", "out")),
    "fire": frozenset(("back",)),
    "shoot": frozenset(("back",)),
    "lash": frozenset(("out",)),
    "go": frozenset(("on",)),
    "chime": frozenset(("in",)),
    "pipe": frozenset(("up",)),
    "storm": frozenset(("out", "off")),
}
NAMING_VERBS = words_of(
    "call term describe label dub brand reject dismiss characterize characterise accuse"
)
# Verbs that take a clause without "that" ("said the plan was “…”") but rarely a plain object.
CLAUSE_VERBS = frozenset(
    words_of(
        """say insist claim add argue suggest believe stress note admit acknowledge complain
        predict assert contend maintain fear hint concede warn"""
    )
)
DOCUMENT_VERBS = words_of("read")

# Verbs that need an object before the reported clause ("told reporters that ...").
OBJECT_VERBS = frozenset(words_of("tell assure inform warn remind urge ask promise accuse"))
# Forms that report only weakly; they count for quotations but not alone for indirect speech.
WEAK_FOR_INDIRECT = frozenset(
    words_of("speak continue point ask answer call term describe label dub brand reject dismiss")
    + words_of("characterize characterise read believe fear hint signal think agree disagree")
    + EXPRESSIVE_VERBS
)

# Speech-verb "-s" forms that are as often plural nouns ("the Gulf states", "claims surfaced"):
# followed by a verb, they are the subject, not a cue.
PLURAL_NOUN_FORMS = frozenset(
    words_of(
        """states reports claims notes calls charges fears comments remarks answers replies demands
        promises pledges vows signals hints estimates forecasts tweets counters statements"""
    )
)
# Finite verbs that can follow a plural subject directly ("the states have", "claims were").
FINITE_AUXILIARIES = frozenset(
    words_of("have are were had will would could should can may might must did do")
)

# Auxiliaries and adverbs that may stand between a speaker and the verb ("has also said").
AUXILIARIES = frozenset(
    words_of(
        """has have had is are was were been be will would could should may might did does do
        has not hasn't haven't hadn't didn't doesn't don't won't wouldn't hasn’t haven’t hadn’t
        didn’t doesn’t don’t won’t wouldn’t also then later further again once previously already
        reportedly quickly briefly repeatedly earlier recently even still just first finally
        publicly privately separately openly firmly flatly strongly last never not often"""
    )
)


_DOUBLED = frozenset(words_of("admit quip commit refer dub snap sob grin slam jab"))


def _inflections(base: str) -> dict[str, str]:
    """Map each inflected form of ``base`` to its tense tag: base, s, past, ing."""
    if base in _IRREGULAR:
        past, part = _IRREGULAR[base]
        forms = {past: "past", part: "past"}
    elif base.endswith("e"):
        forms = {base + "d": "past"}
    elif base.endswith("y") and base[-2] not in "aeiou":
        forms = {base[:-1] + "ied": "past"}
    elif base in _DOUBLED:
        forms = {base + base[-1] + "ed": "past"}
    else:
        forms = {base + "ed": "past"}
    if base.endswith(("s", "sh", "ch", "x", "z")):
        forms[base + "es"] = "s"
    elif base.endswith("y") and base[-2] not in "aeiou":
        forms[base[:-1] + "ies"] = "s"
    else:
        forms[base + "s"] = "s"
    if base.endswith("e") and not base.endswith("ee"):
        forms[base[:-1] + "ing"] = "ing"
    elif base in _DOUBLED:
        forms[base + base[-1] + "ing"] = "ing"
    else:
        forms[base + "ing"] = "ing"
    forms.setdefault(base, "base")
    return forms


def _build() -> dict[str, tuple[str, str, CueKind]]:
    table: dict[str, tuple[str, str, CueKind]] = {}
    for kind, verbs, tenses in (
        (CueKind.DOCUMENT, DOCUMENT_VERBS, _ALL_TENSES),
        (CueKind.NAMING, NAMING_VERBS, _ALL_TENSES),
        # past forms only: "protests", "thanks", "worries" are nouns far more often than verbs
        (CueKind.REPORT, EXPRESSIVE_VERBS, frozenset(("past",))),
        (CueKind.REPORT, REPORT_VERBS, _ALL_TENSES),
    ):
        for base in verbs:
            for form, tense in _inflections(base).items():
                if tense in tenses:
                    table[form] = (base, tense, kind)
    return table


_ALL_TENSES = frozenset(("base", "s", "past", "ing"))


# form (lower case) -> (base, tense tag, kind)
CUE_FORMS: dict[str, tuple[str, str, CueKind]] = _build()

# Forms that can make indirect speech in a sentence without quotation marks ("said", "warns").
_REPORTING_WORDS = frozenset(
    form
    for form, (base, tense, kind) in CUE_FORMS.items()
    if kind == CueKind.REPORT and tense in ("past", "s") and base not in WEAK_FOR_INDIRECT
)


def _trie_pattern(words: list[str]) -> str:
    """A regex matching exactly ``words``, factored by common prefixes (the engine then tries a
    few letters per position instead of every word)."""
    firsts = sorted({w[0] for w in words if w})
    alts = [
        re.escape(c) + _trie_pattern([w[1:] for w in words if w[:1] == c]) for c in firsts
    ]
    if not alts:
        return ""
    group = "(?:" + "|".join(alts) + ")"
    return group + "?" if "" in words else group


# A reporting form as a whole lower-case word: not after a letter, digit or apostrophe, not
# followed by a lower-case letter.
_REPORTING_TRIE = _trie_pattern(sorted(w for w in _REPORTING_WORDS if w.isalpha()))
_REPORTING_WORD = re.compile(r"(?<![\w’'])" + _REPORTING_TRIE + "(?![a-z])")
# The same word matched with the character before it: a pattern opening with a character class
# lets the engine skip ahead to the next non-word character instead of entering the pattern (and
# its look-behind) at every position. It cannot see a word at the very start of the range.
_REPORTING_AFTER = re.compile(r"[^\w’']" + _REPORTING_TRIE + "(?![a-z])")


_HEADLINE_BASES = frozenset(REPORT_VERBS + EXPRESSIVE_VERBS + NAMING_VERBS) | frozenset(
    words_of("condemn decry hail vow urge deny insist")
)


def headline_verb(low: str) -> bool:
    """A speech verb in the present tense of headlines ("warns", "slams", "hits out")."""
    if not low.endswith("s"):
        return False
    return low[:-1] in _HEADLINE_BASES or (low.endswith("es") and low[:-2] in _HEADLINE_BASES)


def has_cue_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` may report speech (a cheap pre-check before tokenising):
    ``_REPORTING_WORD.search(text, start, end)``, found faster."""
    return (
        _REPORTING_WORD.match(text, start, end) is not None
        or _REPORTING_AFTER.search(text, start, end) is not None
    )


# Role nouns that can stand for a person ("the Kremlin spokesman", "the diplomat").
SPEAKER_ROLES = frozenset(
    words_of(
        """spokesman spokeswoman spokesperson representative diplomat official officials aide
        adviser advisor envoy source sources negotiator press secretary"""
    )
)
PERSON_ROLES = SPEAKER_ROLES | frozenset(
    words_of(
        """president minister chancellor premier senator governor mayor ambassador director chief
        leader chairman chairwoman chair head commander general secretary ceo founder king queen
        prince pope analyst expert professor economist lawyer attorney judge prosecutor officer
        colonel captain admiral deputy lawmaker congressman congresswoman mp member candidate
        vice-president prime-minister secretary-general manager executive researcher scientist
        activist author journalist correspondent editor witness resident detective inspector
        superintendent constable sergeant sheriff trooper agent skipper striker defender
        midfielder goalkeeper keeper winger coach boss player referee umpire councillor
        councilman councilwoman alderman commissioner chairperson vice-chair vice-chairman
        vice-chairwoman treasurer headteacher headmaster headmistress principal teacher doctor
        nurse surgeon physician paramedic midwife pharmacist farmer fisherman miner driver pilot
        engineer butcher baker shopkeeper landlord publisher novelist writer poet artist singer
        actor actress musician presenter historian academic lecturer biologist ecologist
        physicist chemist epidemiologist virologist glaciologist strategist mediator campaigner
        organiser organizer volunteer survivor neighbour neighbor mother father wife husband son
        daughter sister brother widow widower grandmother grandfather parent bishop priest vicar
        reverend rabbi imam pastor archbishop cardinal rector provost coroner magistrate
        barrister solicitor counsel accountant banker investor broker co-founder cofounder chef
        consul legislator assemblyman assemblywoman delegate mep governor-general owner
        businessman businesswoman entrepreneur diplomat worker employee official chairperson
        cfo coo cto counterpart"""
    )
)
# Title words before a name that are no role noun ("Vice", "Acting", "Dr"), and abbreviations of
# titles with the role noun they stand for ("the doctor" is the "Dr" the article introduced).
TITLE_ABBREVIATIONS = {
    "dr": "doctor",
    "prof": "professor",
    "cllr": "councillor",
    "rev": "reverend",
    "revd": "reverend",
    "lt": "lieutenant",
    "det": "detective",
    "insp": "inspector",
    "supt": "superintendent",
    "sgt": "sergeant",
    "capt": "captain",
    "gen": "general",
    "col": "colonel",
    "maj": "major",
    "adm": "admiral",
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "pc": "constable",
    "cpl": "corporal",
    "pte": "private",
}
# Role nouns that name the same post ("the boss" is the manager the article introduced).
ROLE_SYNONYMS = {
    "boss": "manager",
    "ceo": "executive",
    "cfo": "officer",  # "chief financial officer X" ... "the CFO"
    "coo": "officer",
    "cto": "officer",
    "headmaster": "headteacher",
    "headmistress": "headteacher",
    "principal": "headteacher",
    "neighbour": "neighbor",
    "chairperson": "chair",
    "chairman": "chair",
    "chairwoman": "chair",
    "advisor": "adviser",
    "spokeswoman": "spokesperson",
    "spokesman": "spokesperson",
    "keeper": "goalkeeper",
    "organizer": "organiser",
    "cofounder": "co-founder",
}
# Letters after a name that are no part of it ("Anna Lowther KC", "Jane Doe MP", "John Roe PhD").
POST_NOMINALS = frozenset(
    words_of(
        """kc qc mp mep msp mla td am obe mbe cbe kbe dbe frs phd dphil md jp esq ret cpa frcp
        mrcp fba fsa"""
    )
)
# Generational suffixes: part of the name ("Raymond Tate Jr."), but the last name is before them.
NAME_SUFFIXES = frozenset(words_of("jr jr. sr sr. ii iii iv"))
# Nouns for texts that speak for their issuer ("the Kremlin's press release").
DOCUMENT_NOUNS = frozenset(
    words_of(
        """statement release communique communiqué report website readout transcript letter note
        post tweet message decree resolution document announcement bulletin memo account channel"""
    )
)
# Nouns naming a body rather than a person ("the ministry said").
BODY_NOUNS = frozenset(
    words_of(
        """ministry government administration cabinet office agency committee council department
        side authorities company firm army military police court parliament embassy service
        union party bank commission board campaign team group spokespeople kremlin"""
    )
)

# Title words before a name ("US Secretary of State Antony Blinken" -> "Antony Blinken").
TITLE_WORDS = frozenset(
    w.lower()
    for w in words_of(
        """President Vice Prime Minister Secretary Chancellor Spokesman Spokeswoman Spokesperson
        Senator Sen Rep Representative Governor Gov Mayor General Gen Colonel Col Lt Lieutenant
        Captain Capt Admiral Adm King Queen Prince Princess Pope Chairman Chairwoman Chair CEO
        Director Ambassador Deputy Chief Justice Judge Dr Mr Mrs Ms Miss Prof Professor Sir Dame
        Lord Lady Sheikh Premier Commander Officer Attorney Speaker Leader Marshal Sergeant Sgt
        Pres Emir Crown Foreign Defence Defense Interior Finance Health State Home Economy Trade
        Justice Energy Commissioner Envoy Minister-President Secretary-General Vice-President
        Congressman Congresswoman Councillor Councilman Patriarch Archbishop Bishop Cardinal Rabbi
        Imam Ayatollah President-elect Head Presidents Ministers Leaders Officials Mayor Cllr
        Councilwoman Alderman Assemblyman Assemblywoman Delegate Skipper Boss Coach Manager
        Executive Detective Det Inspector Insp Superintendent Supt Constable PC Sheriff Trooper
        Agent Headteacher Headmaster Headmistress Principal Reverend Rev Revd Pastor Vicar
        Provost Rector Chairperson Treasurer Consul Acting Interim Former Senior Assistant
        Associate Managing Baroness Baron Duchess Countess Viscount Maj Brigadier
        Corporal Cpl Pte Commodore Lieutenant-General Major-General Lieutenant-Colonel"""
    )
)
# Capitalised words that end a name of a place or body rather than a person.
NON_PERSON_HEADS = frozenset(
    w.lower()
    for w in words_of(
        """Ministry Department Agency Council Union Party House Bank Republic Federation Kingdom
        States Nations Committee Commission Office Court Parliament Assembly Congress Senate
        Army Navy Force Forces Guard Police Service Services Group Company Corporation Inc Ltd
        Corp Bureau Institute University College School Association Organisation Organization
        Fund Foundation Council Alliance Front Movement Church Times Post News Press Agency
        Sea Ocean River Lake Mountains Mountain Island Islands Street Square Region Province
        County City District Airport Station Bridge Stream Pipeline Summit Forum Treaty Act
        Day Week Cup Games Championship Olympics Award Prize War Crisis Affairs Center Centre
        Airlines Airways Motors Energy Oil Gas Media Network Radio Television TV Channel Empire
        Area Zone Coast Valley Gulf Strait Peninsula Basin Desert Plateau Palace"""
    )
)

# Honorifics and role nouns that say whether a person is a man or a woman (for "he"/"she").
HONORIFIC_GENDER = {
    **dict.fromkeys(words_of("mr sir lord king prince"), "m"),
    **dict.fromkeys(words_of("mrs ms miss madam dame lady queen princess"), "f"),
}
ROLE_GENDER = {
    **dict.fromkeys(
        words_of(
            """spokesman chairman congressman businessman councilman king prince headmaster
            assemblyman vice-chairman father husband son brother widower grandfather fisherman
            policeman sir mr lord baron earl duke viscount"""
        ),
        "m",
    ),
    **dict.fromkeys(
        words_of(
            """spokeswoman chairwoman congresswoman businesswoman councilwoman queen princess
            actress headmistress assemblywoman vice-chairwoman mother wife daughter sister widow
            grandmother policewoman mrs ms miss dame lady baroness duchess countess"""
        ),
        "f",
    ),
}
PRONOUN_GENDER = {"he": "m", "she": "f"}

DETERMINERS = frozenset(words_of("the a an his her its their our this that these those"))
PREPOSITIONS = frozenset(
    words_of(
        """at in on to for with from during after before about of by over under into onto across
        against among between through via per amid than like as near without within since until
        toward towards beside upon"""
    )
)
CONJUNCTIONS = frozenset(words_of("and or but nor yet so whereas while although though because if"))
# Words that start a sentence or clause but are never a speaker.
NON_SUBJECT_WORDS = frozenset(
    words_of(
        """however meanwhile moreover furthermore also but and yet so then still thus therefore
        later earlier now today yesterday instead indeed nonetheless nevertheless besides
        finally first second additionally separately similarly likewise otherwise hence
        what who which where when why how there here this that these those it"""
    )
)
# Nouns that describe a person already named rather than name a post ("the teenager", "the
# striker", "the 34-year-old"): with nobody introduced so, they are the person the text is about.
DESCRIPTOR_NOUNS = frozenset(
    words_of(
        """teenager teen youngster veteran newcomer rookie debutant schoolboy schoolgirl
        pensioner grandmother grandfather striker midfielder defender goalkeeper keeper winger
        forward skipper substitute sub frontman frontwoman star champion runner cyclist
        swimmer batsman batter bowler pitcher quarterback jockey boxer fighter golfer"""
    )
)
# Posts a country has one holder of at a time: "the Russian president" with nobody introduced is
# read by the linking stage at the article's date, never taken for the person the text is about.
OFFICE_ROLES = frozenset(
    words_of(
        """president premier prime-minister chancellor minister king queen monarch emperor pope
        ambassador envoy governor mayor senator leader secretary-general foreign"""
    )
)
# Nationality nouns that are no adjective of the demonym list ("the Scot", "the Spaniard").
NATIONALITY_NOUNS = frozenset(
    words_of("scot brit briton dane swede finn pole turk spaniard kiwi aussie yank filipino")
)
# "Frenchman", "Welshwoman": nationality compounds the demonym list does not hold
NATIONALITY_STEMS = frozenset(words_of("french english dutch irish scots welsh cornish manx"))
