"""PLOVER contexts: what domain an event belongs to, from general English words in its sentence."""

from __future__ import annotations

_CONTEXT_WORDS: dict[str, str] = {
    "military": "troops soldiers army military missile missiles artillery tanks warplanes navy"
    " warship warships drills offensive frontline front-line battalion brigade",
    "economic": "trade economy economic bank banks sanctions tariffs oil gas exports imports"
    " market markets payment payments currency investment loan loans debt prices grain",
    "diplomatic": "embassy ambassador ambassadors diplomat diplomats diplomatic talks summit"
    " envoy negotiations treaty",
    "legal": "court judge trial lawsuit prosecutor prosecutors charges indicted verdict law",
    "human_rights": "rights torture abuses atrocities",
    "election": "election elections vote voters ballot ballots polls candidate campaign",
    "cyber": "hack hacked hackers cyber cyberattack cyberattacks ransomware",
    "terrorism": "terror terrorist terrorists terrorism jihadist jihadists",
    "health": "vaccine vaccines hospital hospitals covid pandemic virus epidemic",
    "migration": "migrants migrant refugees refugee border crossings deportation",
    "asylum": "asylum",
    "environment": "climate emissions pollution environmental",
    "corruption": "corruption bribery bribes embezzlement graft",
    "cbrn": "nuclear chemical biological radiological",
    "misinformation": "disinformation misinformation propaganda",
    "territory": "territory territories annexation annex annexed occupied border",
    "peacekeeping": "peacekeepers peacekeeping",
    "crime": "crime criminal gang gangs murder robbery fraud",
    "illegal_drugs": "drugs cocaine heroin narcotics cartel",
    "human_security": "humanitarian civilians famine displaced",
    "legislative": "parliament lawmakers congress senate legislation bill",
}
CONTEXT_OF: dict[str, str] = {
    w: ctx for ctx, words in _CONTEXT_WORDS.items() for w in words.split()
}


def contexts_for(words: list[str]) -> tuple[str, ...]:
    """Sorted PLOVER contexts named by any of the (lower-cased) ``words``."""
    found = {CONTEXT_OF[w] for w in words if w in CONTEXT_OF}
    return tuple(sorted(found))
