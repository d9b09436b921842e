"""English verb and noun forms for the trigger lexicons: each entry is written once, as a lemma."""

from __future__ import annotations

IRREGULAR: dict[str, tuple[str, ...]] = {
    "meet": ("met",),
    "hold": ("held",),
    "strike": ("struck", "stricken"),
    "shoot": ("shot",),
    "send": ("sent",),
    "give": ("gave", "given"),
    "withdraw": ("withdrew", "withdrawn"),
    "fight": ("fought",),
    "speak": ("spoke", "spoken"),
    "tell": ("told",),
    "take": ("took", "taken"),
    "break": ("broke", "broken"),
    "cut": ("cut",),
    "put": ("put",),
    "set": ("set",),
    "lead": ("led",),
    "bring": ("brought",),
    "go": ("went", "gone", "goes"),
    "seek": ("sought",),
    "overrun": ("overran",),
    "make": ("made",),
    "lay": ("laid",),
    "shut": ("shut",),
    "stand": ("stood",),
    "hit": ("hit",),
    "beat": ("beaten",),
    "blow": ("blew", "blown"),
    "throw": ("threw", "thrown"),
    "arise": ("arose",),
    "quit": ("quit",),
    "freeze": ("froze", "frozen"),
    "forgive": ("forgave", "forgiven"),
    "undertake": ("undertook", "undertaken"),
    "swear": ("swore", "sworn"),
    "sell": ("sold",),
    "rebuild": ("rebuilt",),
    "lend": ("lent",),
    "win": ("won",),
    "bid": ("bid",),
    "keep": ("kept",),
    "pay": ("paid",),
    "sink": ("sank", "sunk"),
    "build": ("built",),
    "sit": ("sat",),
    "fly": ("flew", "flown"),
    "spread": ("spread",),
    "withhold": ("withheld",),
    "retake": ("retook", "retaken"),
    "begin": ("began", "begun", "beginning"),
    "find": ("found",),
}
_DOUBLE = {
    "ban",
    "plan",
    "stop",
    "drop",
    "ship",
    "slam",
    "rob",
    "shun",
    "bar",
    "commit",
    "admit",
    "regret",
    "equip",
    "scrap",
    "grab",
    "jail",
    "quit",
    "rebut",
    "step",
    "pin",
    "trap",
    "strip",
    "tap",
    "spar",
    "veto",
    "swap",
    "prod",
    "hug",
    "cut",
    "hit",
    "put",
    "set",
    "shut",
    "bid",
    "spur",
    "sign",
    "stab",
    "confer",
    "kidnap",
    "plot",
    "gun",
    "jam",
}
_NO_DOUBLE = {"jail", "veto", "sign"}
# British doubles the final l, American does not: news has both.
_BOTH_L = {
    "expel",
    "compel",
    "cancel",
    "label",
    "travel",
    "signal",
    "fuel",
    "level",
    "control",
    "patrol",
    "rebel",
    "propel",
    "annul",
    "repel",
    "channel",
    "model",
    "total",
}
_VOWELS = set("aeiou")


def verb_forms(lemma: str) -> frozenset[str]:
    """Base, third person, past and -ing forms of ``lemma`` (regular rules plus irregulars)."""
    forms = {lemma, *IRREGULAR.get(lemma, ())}
    if lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")):
        stem = lemma[:-1]
        forms |= {lemma + "s", lemma + "d", stem + "ing"}
    elif lemma.endswith("ee") or lemma.endswith("oe"):
        forms |= {lemma + "s", lemma + "d", lemma + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith(("s", "x", "z", "ch", "sh")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    elif lemma in _BOTH_L:
        d = lemma + "l" if not lemma.endswith("ll") else lemma
        forms |= {lemma + "s", d + "ed", d + "ing", lemma + "ed", lemma + "ing"}
    elif lemma in _DOUBLE and lemma not in _NO_DOUBLE:
        d = lemma + lemma[-1]
        forms |= {lemma + "s", d + "ed", d + "ing"}
    elif lemma == "veto":
        forms |= {"vetoes", "vetoed", "vetoing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
    return frozenset(forms)


def noun_forms(lemma: str) -> frozenset[str]:
    """Singular and plural of ``lemma``."""
    if lemma.endswith(("s", "x", "ch", "sh")):
        return frozenset({lemma, lemma + "es"})
    if lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        return frozenset({lemma, lemma[:-1] + "ies"})
    return frozenset({lemma, lemma + "s"})
