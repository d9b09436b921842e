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


def _words(text: str) -> tuple[str, ...]:
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
}

REPORT_VERBS = _words(
    """say tell add stress note claim indicate assure warn insist argue explain emphasize emphasise
    underline underscore announce declare write tweet reply answer ask urge state affirm assert
    confirm deny admit acknowledge suggest comment remark recall conclude observe complain predict
    promise vow pledge threaten demand report respond specify clarify reiterate repeat maintain
    contend allege concede recount inform proclaim boast joke quip shout exclaim mention
    highlight caution speak point add assess agree disagree estimate charge counter retort
    testify summarize summarise continue lament acknowledge forecast believe hint signal fear"""
)
NAMING_VERBS = _words(
    "call term describe label dub brand reject dismiss characterize characterise accuse"
)
# Verbs that take a clause without "that" ("said the plan was “…”") but rarely a plain object.
CLAUSE_VERBS = frozenset(
    _words(
        """say insist claim add argue suggest believe stress note admit acknowledge complain
        predict assert contend maintain fear hint concede warn"""
    )
)
DOCUMENT_VERBS = _words("read")

# Verbs that need an object before the reported clause ("told reporters that ...").
OBJECT_VERBS = frozenset(_words("tell assure inform warn remind urge ask promise accuse"))
# Forms that report only weakly; they count for quotations but not alone for indirect speech.
WEAK_FOR_INDIRECT = frozenset(
    _words("speak continue point ask answer call term describe label dub brand reject dismiss")
    + _words("characterize characterise read believe fear hint signal think agree disagree")
)

# Speech-verb "-s" forms that are as often plural nouns ("the Gulf states", "claims surfaced"):
# followed by a verb, they are the subject, not a cue.
PLURAL_NOUN_FORMS = frozenset(
    _words(
        """states reports claims notes calls charges fears comments remarks answers replies demands
        promises pledges vows signals hints estimates forecasts tweets counters statements"""
    )
)
# Finite verbs that can follow a plural subject directly ("the states have", "claims were").
FINITE_AUXILIARIES = frozenset(
    _words("have are were had will would could should can may might must did do")
)

# Auxiliaries and adverbs that may stand between a speaker and the verb ("has also said").
AUXILIARIES = frozenset(
    _words(
        """has have had is are was were been be will would could should may might did does do
        has not hasn't haven't hadn't didn't doesn't don't won't wouldn't hasn’t haven’t hadn’t
        didn’t doesn’t don’t won’t wouldn’t also then later further again once previously already
        reportedly quickly briefly repeatedly earlier recently even still just first finally
        publicly privately separately openly firmly flatly strongly last never not often"""
    )
)


def _inflections(base: str) -> dict[str, str]:
    """Map each inflected form of ``base`` to its tense tag: base, s, past, ing."""
    if base in _IRREGULAR:
        past, part = _IRREGULAR[base]
        forms = {past: "past", part: "past"}
    elif base.endswith("e"):
        forms = {base + "d": "past"}
    elif base.endswith("y") and base[-2] not in "aeiou":
        forms = {base[:-1] + "ied": "past"}
    elif base in ("admit", "quip", "commit", "refer", "dub"):
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
    elif base in ("admit", "quip", "commit", "refer", "dub"):
        forms[base + base[-1] + "ing"] = "ing"
    else:
        forms[base + "ing"] = "ing"
    forms.setdefault(base, "base")
    return forms


def _build() -> dict[str, tuple[str, str, CueKind]]:
    table: dict[str, tuple[str, str, CueKind]] = {}
    for kind, verbs in (
        (CueKind.DOCUMENT, DOCUMENT_VERBS),
        (CueKind.NAMING, NAMING_VERBS),
        (CueKind.REPORT, REPORT_VERBS),
    ):
        for base in verbs:
            for form, tense in _inflections(base).items():
                table[form] = (base, tense, kind)
    return table


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


def has_cue_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` may report speech (a cheap pre-check before tokenising):
    ``_REPORTING_WORD.search(text, start, end)``, found faster."""
    return (
        _REPORTING_WORD.match(text, start, end) is not None
        or _REPORTING_AFTER.search(text, start, end) is not None
    )


# Role nouns that can stand for a person ("the Kremlin spokesman", "the diplomat").
SPEAKER_ROLES = frozenset(
    _words(
        """spokesman spokeswoman spokesperson representative diplomat official officials aide
        adviser advisor envoy source sources negotiator press secretary"""
    )
)
PERSON_ROLES = SPEAKER_ROLES | frozenset(
    _words(
        """president minister chancellor premier senator governor mayor ambassador director chief
        leader chairman chairwoman chair head commander general secretary ceo founder king queen
        prince pope analyst expert professor economist lawyer attorney judge prosecutor officer
        colonel captain admiral deputy lawmaker congressman congresswoman mp member candidate
        vice-president prime-minister secretary-general manager executive researcher scientist
        activist author journalist correspondent editor witness resident"""
    )
)
# Nouns for texts that speak for their issuer ("the Kremlin's press release").
DOCUMENT_NOUNS = frozenset(
    _words(
        """statement release communique communiqué report website readout transcript letter note
        post tweet message decree resolution document announcement bulletin memo account channel"""
    )
)
# Nouns naming a body rather than a person ("the ministry said").
BODY_NOUNS = frozenset(
    _words(
        """ministry government administration cabinet office agency committee council department
        side authorities company firm army military police court parliament embassy service
        union party bank commission board campaign team group spokespeople kremlin"""
    )
)

# Title words before a name ("US Secretary of State Antony Blinken" -> "Antony Blinken").
TITLE_WORDS = frozenset(
    w.lower()
    for w in _words(
        """President Vice Prime Minister Secretary Chancellor Spokesman Spokeswoman Spokesperson
        Senator Sen Rep Representative Governor Gov Mayor General Gen Colonel Col Lt Lieutenant
        Captain Capt Admiral Adm King Queen Prince Princess Pope Chairman Chairwoman Chair CEO
        Director Ambassador Deputy Chief Justice Judge Dr Mr Mrs Ms Miss Prof Professor Sir Dame
        Lord Lady Sheikh Premier Commander Officer Attorney Speaker Leader Marshal Sergeant Sgt
        Pres Emir Crown Foreign Defence Defense Interior Finance Health State Home Economy Trade
        Justice Energy Commissioner Envoy Minister-President Secretary-General Vice-President
        Congressman Congresswoman Councillor Councilman Patriarch Archbishop Bishop Cardinal Rabbi
        Imam Ayatollah President-elect Head Presidents Ministers Leaders Officials Mayor"""
    )
)

# Capitalised words that end a name of a place or body rather than a person.
NON_PERSON_HEADS = frozenset(
    w.lower()
    for w in _words(
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
    **dict.fromkeys(_words("mr sir lord king prince"), "m"),
    **dict.fromkeys(_words("mrs ms miss madam dame lady queen princess"), "f"),
}
ROLE_GENDER = {
    **dict.fromkeys(
        _words("spokesman chairman congressman businessman councilman king prince"), "m"
    ),
    **dict.fromkeys(
        _words(
            """spokeswoman chairwoman congresswoman businesswoman councilwoman queen princess
            actress"""
        ),
        "f",
    ),
}
PRONOUN_GENDER = {"he": "m", "she": "f"}

DETERMINERS = frozenset(_words("the a an his her its their our this that these those"))
PREPOSITIONS = frozenset(
    _words(
        """at in on to for with from during after before about of by over under into onto across
        against among between through via per amid than like as near without within since until
        toward towards beside upon"""
    )
)
CONJUNCTIONS = frozenset(_words("and or but nor yet so whereas while although though because if"))
# Words that start a sentence or clause but are never a speaker.
NON_SUBJECT_WORDS = frozenset(
    _words(
        """however meanwhile moreover furthermore also but and yet so then still thus therefore
        later earlier now today yesterday instead indeed nonetheless nevertheless besides
        finally first second additionally separately similarly likewise otherwise hence
        what who which where when why how there here this that these those it"""
    )
)
