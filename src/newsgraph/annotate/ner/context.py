"""Evidence around a name in the raw text, for names no lexicon knows.

Read only for candidates the token rules could not type with a cue (a minority), so these
regexes look at a short stretch of the raw text on each side instead of at more tokens.
Every word list is general news English: what companies do, what teams do, where places are.
"""

from __future__ import annotations

import re

from newsgraph.annotate.ner import lexicons as lx
from newsgraph.model import EntityType

ORG, GPE = EntityType.ORG, EntityType.GPE
_SPAN = 60  # characters read on each side

# Nouns a company, party or team is described as: "Glencore, the Swiss miner, said" (nouns
# that could describe a person, such as "producer" or "investor", are left out).
_ORG_NOUNS = (
    r"company|firm|group|bank|lender|insurer|carrier|airline|retailer|miner|maker|"
    r"manufacturer|chipmaker|automaker|carmaker|drugmaker|conglomerate|giant|brokerage|fund|"
    r"startup|start-up|utility|broadcaster|network|agency|party|club|side|team|outfit|"
    r"franchise|newspaper|daily|tabloid|channel|exchange|regulator|watchdog|union|militia|"
    r"movement|faction|coalition|alliance|charity|organisation|organization|institute|"
    r"university|subsidiary|unit|brand|platform|consortium|exporter|refiner|shipper|"
    r"supermarket|chain|provider|operator|telecoms|grocer|distributor|wholesaler"
)
# What only a company has or does: its shares, officers and results, jobs it cuts, what it
# said it would do ("said it would close", "said its"); a person's name never takes these.
_COMPANY_AFTER = (
    r"['’]s\s+(?:shares|stock|share price|chief executive|chief financial officer|CEO|CFO|"
    r"board|shareholders|subsidiary|headquarters|earnings|revenue|quarterly|net profit|"
    r"net income|market value|market share|employees|workers|staff|executives|creditors|"
    r"factories|plants|stores|products|parent|bonds|debt|auditors)\b"
    r"|\s+(?:shares|stock)\s+(?:rose|fell|jumped|slipped|dropped|gained|climbed|slumped|"
    r"tumbled|surged|rallied|closed|ended|were|have|had|traded|sank|soared|plunged|edged|lost)\b"
    r"|\s+(?:reported|posted|booked|swung\s+to|announced)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:loss|losses|profit|profits|revenue|revenues|sales|earnings|dividend)\b"
    r"|\s+(?:(?:will|would|is\s+to|plans\s+to|to)\s+)?(?:cut|cuts|axed|axes|shed|sheds|"
    r"cancelled|canceled|scrapped|slashed)\s+(?:about\s+|some\s+|nearly\s+|more\s+than\s+)?"
    r"[\d,.]+\s+(?:jobs|flights|positions|roles|staff|workers|employees)\b"
    r"|\s+(?:said|says|announced|confirmed|added)\s+(?:on\s+\w+\s+)?(?:that\s+)?(?:its\s|"
    r"it\s+(?:would|will|had|has|planned|plans|was|is|expected|expects)\s+(?:to\s+)?(?:be\s+)?"
    r"(?:cut|cutting|close|closing|shut|shutting|buy|buying|sell|selling|acquire|acquiring|"
    r"invest|investing|hire|hiring|open|opening|build|building|raise|raising|lay|laying|"
    r"slash|slashing|axe|axing|exit|exiting|recall|recalling|suspend|suspending|halt|"
    r"halting|resume|launch|launching|list|listing|delist|merge|spin|float|appeal)\b)"
)
_COMPANY = re.compile(_COMPANY_AFTER)
# After the name: an apposition, a statement, the company's shares or officers, lawmakers of a
# party, the players a club signs.
_ORG_AFTER = re.compile(
    r"(?:,\s+(?:the|a|an|which|whose|[A-Z][\w.-]*['’]s)"  # "X, Britain's largest union,"
    rf"\s+(?:[\w'’.-]+\s+){{0,4}}(?:{_ORG_NOUNS})"
    r"(?=\s*[,.;)]|\s+(?:that|which|whose|with|in|of|based|said|says|announced|reported|has|"
    r"had|is|was|will|would|and)\b)"
    r"|,\s+which\s+(?:makes|made|produces|produced|manufactures|operates|operated|owns|owned|"
    r"runs|ran|sells|sold|builds|built|supplies|employs|is\s+listed|trades|develops|publishes|"
    r"delivers|provides|offers|designs|distributes|ships|exports|imports|processes|mines|"
    r"has\s+(?:stores|plants|factories|offices|branches))\b"
    r"|\s+(?:said|says|added|announced|confirmed|denied)\s+(?:in|on)\s+(?:a|its)\s+"
    r"(?:statement|filing|release|press release|regulatory filing|note)\b"
    rf"|{_COMPANY_AFTER}"
    r"|\s+(?:Chief Executive|CEO|Chief Financial Officer|Chief Operating Officer)\b"
    r"|\s+(?:party|militia|group|movement|faction|newspaper|daily|agency|index|institute|"
    r"union|broadcaster|network)\b(?!\s+of\b|\s+[A-Z])"  # not "State broadcaster NHK"
    r"|\s+(?:lawmakers|legislators|MPs|deputies)\b"
    r"|\s+(?:signed|sacked|appointed|released|loaned)\s+(?:the\s+)?(?:[\w-]+\s+)?"
    r"(?:defender|striker|midfielder|goalkeeper|forward|winger|playmaker|coach|manager)\b)",
)


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _pairs(spec: str) -> frozenset[tuple[str, str]]:
    """ "based born / in at" → {("based", "in"), ("based", "at"), ...}: word before the last,
    last word before a name; several groups separated by ";"."""
    out: set[tuple[str, str]] = set()
    for group in spec.split(";"):
        firsts, _, lasts = group.partition("/")
        out.update((a, b) for a in firsts.split() for b in lasts.split())
    return frozenset(out)


# The two words before the name are read as a pair, not searched for: cheaper than a regex.
# What one does to a company: "a stake in X", "shares of X", "the takeover of X".
_ORG_BEFORE = _pairs(
    """stake stakes shares holding investment investments investors shareholders shareholder
    bonds / in of; takeover acquisition executive CEO chairman founder co-founder subsidiary
    unit owner / of; merger merge / with; bid / for; analysts economists strategists
    executives employees engineers officials workers staff strike strikes walkout layoffs jobs
    losses gains / at; spokesman spokeswoman spokesperson / for;
    target rating / on"""
)
# The last word before the name: a verb taking a company, or the noun naming what it is
# ("the Danish carmaker X", "tech giant X", "the militant group X").
_ORG_VERBS_BEFORE = _set(
    """acquire acquired acquires acquiring maker carmaker automaker chipmaker drugmaker
    retailer lender insurer airline carrier miner conglomerate broadcaster newspaper tabloid
    brokerage startup rival rivals competitor subsidiary giant firm group supplier contractor
    steelmaker shipbuilder union unions"""
)
# Those nouns capitalised at a sentence's start before a name: "Chipmaker Tolvex said", "Rival
# Brenvik reported" (not the verbs, nor nouns that open names: "Giant Eagle", "Group Captain").
OPENING_ORG_NOUNS = frozenset(
    w.capitalize()
    for w in _ORG_VERBS_BEFORE
    if not w.startswith("acquir") and w not in {"giant", "firm", "group", "union", "unions"}
)
# Who works or studies at a university named by its town: "a professor at Oxford".
_CAMPUS_BEFORE = _pairs(
    """professor professors lecturer lecturers researcher researchers scientist scientists
    student students graduate graduates academic academics studied studies studying / at"""
)
# Where something is: "based in X", "born in X", "the town of X", "north of X".
_PLACE_BEFORE = _pairs(
    """based born headquartered located situated raised lives lived living arrived travelled
    traveled flew fled returned / in to at from near; city town village port capital province
    region state district island suburb neighbourhood neighborhood county republic kingdom
    country north south east west northeast northwest southeast southwest outskirts centre
    center heart / of"""
)
# After the name: "Tilst, a suburb of Aarhus", "Kherson, the regional capital".
_PLACE_AFTER = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}(?:suburb|town|village|city|district|region|"
    r"province|county|municipality|neighbourhood|neighborhood|port|island|hamlet|parish|"
    r"commune|capital|settlement|enclave|state)\b(?!['’])"
)

# A match result: "3-1", "2-0", "7-6" (a score; the look-behind comes after the first digit so
# that re can scan for digits fast) ...
_SCORE = re.compile(r"\d(?<![\d.,/-]\d)\d{0,2}-\d{1,3}(?![\d/-])")
# ... with words a result is reported in.
_SPORT_WORDS = re.compile(
    r"\b(?:beat|beats|beaten|beating|drew|draw|drawing|lost|lose|loses|losing|defeated|defeat|"
    r"won|win|wins|winning|edged|"
    r"thrashed|crushed|routed|hammered|held|victory|goals?|scored|minute|half|match|game|"
    r"season|league|title|points|coach|striker|midfielder|defender|goalkeeper|stadium|"
    r"quarter-finals?|semi-finals?|final|innings|wickets?|runs|set|sets|test|tie|fixture)\b"
)
# Team roles written after a club's name: "Dortmund coach", "Leeds fans".
_TEAM_ROLE_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:coach|manager|boss|striker|midfielder|defender|goalkeeper|keeper|"
    r"forward|winger|playmaker|fans|supporters|squad)\b"
)
# In a match report, what a team does or has done to it: "Leeds beat", "at Sevilla".
_TEAM_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:captain|players?|side|team|beat|beats|drew|draw|lost|lose|defeated|"
    r"edged|thrashed|crushed|routed|hammered|held|won|win|moved|climbed|slipped|dropped|"
    r"stayed|remain|remained|are|were|have|host|hosts|visit|visits|face|faces|play|plays)\b"
    r"|\s+\d{1,3}(?=\s|$)(?!\s*\))"  # its score in a results line ("Leeds 2 Chelsea 1")
)
# A results line: "Leeds 2 Chelsea 1", "Lens 2 ( Smicer 60 ) Metz 0", or a standings row
# "Leeds 10 6 2 2 18 9 20"; the whole sentence, ending in a number or a bracket.
_SCORERS = r"(?:\s?\([^()\n]{0,80}\))?"
_RESULTS = re.compile(
    rf"[A-Z][^\d\n]{{0,40}}? \d{{1,2}}{_SCORERS},? [A-Z][^\d\n]{{0,40}}? \d{{1,2}}{_SCORERS}$"
    r"|[A-Z][^\d\n]{0,40}?(?: \d{1,3}){4,}$"
)
# Who follows a club, and the game two clubs of a town play: "fans of X", "the derby against X".
_TEAM_PAIRS = _pairs("fans supporters / of; derby / against with")
# the last words of those pairs: a town with none of them before it is a town
_PAIR_ENDS = tuple({last for _, last in _TEAM_PAIRS | _CAMPUS_BEFORE})
_TEAM_BEFORE = _set(
    """for against beat beats beating defeated defeating over to at with v vs vs. versus host
    hosts hosting face faces facing play plays playing visit visits join joined joining edged
    thrashed crushed routed hammered held"""
)


def _words_before(raw: str, start: int) -> tuple[str, str]:
    """The two words right before ``raw[start:]`` (empty when a mark comes between)."""
    if start < 2 or raw[start - 1] != " ":
        return "", ""
    words = raw[max(0, start - 40) : start].split()
    if not words:
        return "", ""
    return (words[-2] if len(words) > 1 else ""), words[-1]


def match_report(raw: str, start: int, end: int) -> bool:
    """``raw[start:end]`` (a sentence) reports a match result: a score and a results word."""
    return (
        _SCORE.search(raw, start, end) is not None
        and _SPORT_WORDS.search(raw, start, end) is not None
    )


def results_line(raw: str, start: int, end: int) -> bool:
    """``raw[start:end]`` (a sentence) is a line of a results or standings table."""
    last = raw[end - 1 : end]
    return (last.isdigit() or last == ")") and _RESULTS.match(raw, start, end) is not None


def around(raw: str, start: int, end: int) -> EntityType | None:
    """What the text around ``raw[start:end]`` makes it: a place, an organisation (a company's
    doings, a team's roles) or nothing (the words before are split once for both)."""
    before = _words_before(raw, start)
    if before in _PLACE_BEFORE or _PLACE_AFTER.match(raw, end, end + _SPAN) is not None:
        return GPE
    if (
        _ORG_AFTER.match(raw, end, end + _SPAN) is not None
        or (end - start > 6 and raw.endswith("bank", start, end))  # "Bundesbank"
        or (before[0].lower(), before[1]) in _ORG_BEFORE
        or before[1] in _ORG_VERBS_BEFORE
        or _TEAM_ROLE_AFTER.match(raw, end, end + _SPAN) is not None
        or (before[0].lower(), before[1]) in _TEAM_PAIRS
    ):
        return ORG
    return None


def company(raw: str, end: int) -> bool:
    """What follows the name only a company has or does ("X shares fell", "X's chief
    executive", "X said it would close"): outweighs a first name ("Novo Nordisk")."""
    return _COMPANY.match(raw, end, end + _SPAN) is not None


# What a company speaks of after its speech verb, up to the sentence's end, with no personal
# pronoun: "X warned that freight rates would fall", "X said quarterly sales rose".
_SPEECH_CLAUSE = re.compile(rf"\s+(?:{'|'.join(sorted(lx.SPEECH_VERBS))})\b([^.!?\n]{{0,160}})")
_BUSINESS = re.compile(
    r"\b(?:profits?|revenues?|sales|earnings|margins?|dividends?|guidance|shipments|"
    r"deliveries|orders|freight|shareholders|customers|quarterly|full-year|output|bookings)\b"
)
_PERSONAL = re.compile(r"\b(?:he|she|his|her|him|I|my|me|himself|herself)\b")


def company_talk(raw: str, end: int) -> bool:
    """The rest of the sentence after a lone name's speech verb is about a company's business
    (results, orders, customers) and names no person by a pronoun: the speaker is a company
    ("Maersk warned that freight rates would fall"), not a surname."""
    m = _SPEECH_CLAUSE.match(raw, end)
    if m is None:
        return False
    rest = m.group(1)
    return _BUSINESS.search(rest) is not None and _PERSONAL.search(rest) is None


# A name opening with a number: "7-Eleven" (a capitalised word after the hyphen), or "3M" (one
# to three capitals glued on: "5G" and "3D" are no names, so those need a company's cue).
_DIGIT_NAME = re.compile(
    r"(?<![\w.,$£€/-])\d{1,3}(?:(-[A-Z][a-z]+)|[A-Z]{1,3})(?![\w-]|\.\w|['’](?!s\b))"
)
# What a company does right after its name, read when the name has no hyphenated word.
_DIGIT_NAME_VERBS = re.compile(
    r"(?:['’]s)?\s+(?:said|says|agreed|agrees|announced|reported|posted|warned|sued|settled|"
    r"plans|planned|expects|raised|lowered|bought|sold|acquired|makes|made|owns|owned|"
    r"shares|stock|chief|CEO|spokesman|spokeswoman|spokesperson)\b"
)

# Units a hyphened number counts ("a 2-Day meeting", "a 5-Star hotel"): no names.
_COUNTED = _set(
    """Day Days Week Weeks Month Months Year Years Hour Hours Minute Minutes Point Points Star
    Stars Nil Time Times Game Games Run Runs Way Member Members Man Men Seat Seats Page Pages"""
)


def digit_names(raw: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans in ``raw[start:end]`` of names that open with a number and are organisations:
    "7-Eleven", or "3M" before what a company does ("3M agreed to pay") or after what is
    done to one ("shares of 3M")."""
    out: list[tuple[int, int]] = []
    for m in _DIGIT_NAME.finditer(raw, start, end):
        s, e = m.span()
        word = m.group(1)
        if word is not None:
            if word[1:] not in _COUNTED:
                out.append((s, e))
            continue
        if _DIGIT_NAME_VERBS.match(raw, e) is not None or company(raw, e):
            out.append((s, e))
            continue
        before = _words_before(raw, s)
        if (before[0].lower(), before[1]) in _ORG_BEFORE or before[1] in _ORG_VERBS_BEFORE:
            out.append((s, e))
    return out


def team_role(raw: str, start: int, end: int) -> bool:
    """A team role follows the name ("Dortmund coach", "Leeds fans") or the name follows its
    fans or a derby ("fans of Sunderland", "the derby against Manchester City")."""
    if _TEAM_ROLE_AFTER.match(raw, end, end + _SPAN) is not None:
        return True
    before = _words_before(raw, start)
    return (before[0].lower(), before[1]) in _TEAM_PAIRS


def town_reading(raw: str, start: int, end: int, sports: bool) -> str:
    """What a town's name stands for here: "club" (``team_role``, or ``team_evidence`` in a
    match report), "campus" (``campus``) or "" (the town); the words before are split once."""
    if _TEAM_ROLE_AFTER.match(raw, end, end + _SPAN) is not None:
        return "club"
    if sports and _TEAM_AFTER.match(raw, end, end + _SPAN) is not None:
        return "club"
    if start < 2 or raw[start - 1] != " ":
        return ""  # no word right before
    if not sports and not raw[max(0, start - 40) : start].rstrip().endswith(_PAIR_ENDS):
        return ""  # the common case, told without splitting the words before
    before = _words_before(raw, start)
    pair = (before[0].lower(), before[1])
    if pair in _TEAM_PAIRS or (sports and before[1] in _TEAM_BEFORE):
        return "club"
    return "campus" if pair in _CAMPUS_BEFORE else ""


def team_evidence(raw: str, start: int, end: int) -> bool:
    """In a match report, the name plays the part of a team."""
    return (
        team_role(raw, start, end)
        or _TEAM_AFTER.match(raw, end, end + _SPAN) is not None
        or _words_before(raw, start)[1] in _TEAM_BEFORE
    )
