"""Evidence around a name in the raw text, for names no lexicon knows.

Read only for candidates the token rules could not type with a cue (a minority), so these
regexes look at a short stretch of the raw text on each side instead of at more tokens.
Every word list is general news English: what companies do, what teams do, where places are.
"""

from __future__ import annotations

import re

from newsgraph.model import EntityType

ORG, GPE = EntityType.ORG, EntityType.GPE
_SPAN = 60  # characters read on each side
_NEAR = 150  # characters around a name a match score is looked for

# Nouns a company, party or team is described as: "Glencore, the Swiss miner, said" (nouns
# that could describe a person, such as "producer" or "investor", are left out).
_ORG_NOUNS = (
    r"company|firm|group|bank|lender|insurer|carrier|airline|retailer|miner|maker|"
    r"manufacturer|chipmaker|automaker|carmaker|drugmaker|conglomerate|giant|brokerage|fund|"
    r"startup|start-up|utility|broadcaster|network|agency|party|club|side|team|outfit|"
    r"franchise|newspaper|daily|tabloid|channel|exchange|regulator|watchdog|union|militia|"
    r"movement|faction|coalition|alliance|charity|organisation|organization|institute|"
    r"university|subsidiary|unit|brand|platform|consortium|exporter|refiner|shipper|"
    r"supermarket|chain|provider|operator|telecoms"
)
# After the name: an apposition, a statement, the company's shares or officers.
_ORG_AFTER = re.compile(
    rf"(?:,\s+(?:the|a|an|which|whose)\s+(?:[\w'’.-]+\s+){{0,4}}(?:{_ORG_NOUNS})"
    r"(?=\s*[,.;)]|\s+(?:that|which|whose|with|in|of|based|said|says|announced|reported|has|"
    r"had|is|was|will|would|and)\b)"
    r"|\s+(?:said|says|added|announced|confirmed|denied)\s+(?:in|on)\s+(?:a|its)\s+"
    r"(?:statement|filing|release|press release|regulatory filing|note)\b"
    r"|['’]s\s+(?:shares|stock|share price|chief executive|chief financial officer|CEO|CFO|"
    r"board|shareholders|subsidiary|headquarters|earnings|revenue|quarterly|net profit|"
    r"net income|market value|market share)\b"
    r"|\s+(?:shares|stock)\s+(?:rose|fell|jumped|slipped|dropped|gained|climbed|slumped|"
    r"tumbled|surged|rallied|closed|ended|were|have|had|traded|sank|soared|plunged|edged|lost)\b"
    r"|\s+(?:Chief Executive|CEO|Chief Financial Officer|Chief Operating Officer)\b"
    r"|\s+(?:party|militia|group|movement|faction|newspaper|daily|agency)\b(?!\s+of\b))",
)
# Before the name: what one does to a company ("a stake in X", "acquire X", "shares of X").
_ORG_BEFORE = re.compile(
    r"\b(?:stake|stakes|shares|holding|investment|investments|investors|shareholders|"
    r"shareholder|bonds)\s+(?:in|of)\s+$"
    r"|\b(?:acquire|acquired|acquires|acquiring|takeover\s+of|acquisition\s+of|"
    r"merger\s+with|merge\s+with|bid\s+for|chief\s+executive\s+of|CEO\s+of|"
    r"chairman\s+of|founder\s+of|co-founder\s+of|subsidiary\s+of|unit\s+of|"
    r"owner\s+of|analysts\s+at|economists\s+at|strategists\s+at)\s+$"
)
# Before the name: a place for sure ("based in X", "born in X", "the town of X").
_PLACE_BEFORE = re.compile(
    r"\b(?:based|born|headquartered|located|situated|held|raised|lives|lived|living|"
    r"arrived|travelled|traveled|flew|fled|returned)\s+(?:in|to|at|from|near)\s+$"
    r"|\b(?:city|town|village|port|capital|province|region|state|district|island|suburb|"
    r"neighbourhood|neighborhood|county|republic|kingdom|country)\s+of\s+$"
    r"|\b(?:north|south|east|west|northeast|northwest|southeast|southwest|outskirts|centre|"
    r"center|heart)\s+of\s+$"
)
# After the name: "Tilst, a suburb of Aarhus", "Kherson, the regional capital".
_PLACE_AFTER = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}(?:suburb|town|village|city|district|region|"
    r"province|county|municipality|neighbourhood|neighborhood|port|island|hamlet|parish|"
    r"commune|capital|settlement|enclave|state)\b(?!['’])"
)

# A match result: "3-1", "2-0", "7-6" (a score) ...
_SCORE = re.compile(r"(?<![\d.,/-])\d{1,3}-\d{1,3}(?![\d/-])")
# ... with words a result is reported in.
_SPORT_WORDS = re.compile(
    r"\b(?:beat|beats|beaten|drew|draw|lost|lose|loses|defeated|defeat|won|win|wins|edged|"
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
)
_TEAM_BEFORE = re.compile(
    r"\b(?:for|against|beat|beats|beating|defeated|defeating|over|to|at|with|v|vs\.?|"
    r"versus|host|hosts|hosting|face|faces|facing|play|plays|playing|visit|visits|join|"
    r"joined|joining|edged|thrashed|crushed|routed|hammered|held)\s+$"
)


def near_score(raw: str, start: int, end: int) -> bool:
    """A match result is reported near ``raw[start:end]``: a score and a results word."""
    a, b = max(0, start - _NEAR), end + _NEAR
    return _SCORE.search(raw, a, b) is not None and _SPORT_WORDS.search(raw, a, b) is not None


def org_evidence(raw: str, start: int, end: int) -> bool:
    """The text around ``raw[start:end]`` speaks of an organisation."""
    return (
        _ORG_AFTER.match(raw, end, end + _SPAN) is not None
        or _ORG_BEFORE.search(raw, max(0, start - _SPAN), start) is not None
    )


def place_evidence(raw: str, start: int, end: int) -> bool:
    """The text around ``raw[start:end]`` speaks of a place."""
    return (
        _PLACE_BEFORE.search(raw, max(0, start - _SPAN), start) is not None
        or _PLACE_AFTER.match(raw, end, end + _SPAN) is not None
    )


def team_role(raw: str, end: int) -> bool:
    """A team role follows the name: "Dortmund coach", "Leeds fans"."""
    return _TEAM_ROLE_AFTER.match(raw, end, end + _SPAN) is not None


def team_evidence(raw: str, start: int, end: int) -> bool:
    """In a match report, the name plays the part of a team."""
    return (
        team_role(raw, end)
        or _TEAM_AFTER.match(raw, end, end + _SPAN) is not None
        or _TEAM_BEFORE.search(raw, max(0, start - _SPAN), start) is not None
    )
