"""Generic web junk, recognised by the shape of a single line.

Every rule is general (ad markers, widgets, navigation words, credits, promos, cookie and
newsletter prompts): nothing here names a particular site. Position-dependent decisions (header
and footer zones, repeated titles, headings) live in :mod:`newsgraph.clean.roles`.
"""

from __future__ import annotations

import re

from newsgraph.clean.textnorm import wordset

_I = re.IGNORECASE

# Words that make up navigation / widget lines ("Latest News", "Most Read Articles", "Share").
NAV_WORDS = wordset("""
    latest news more article articles most read must popular related top stories story trending
    recommended source link links share shares tweet email e-mail print comments comment facebook
    twitter x whatsapp linkedin telegram reddit pinterest instagram youtube copy url home menu
    search next previous prev back skip to content main advertisement advertisements ad ads video
    videos photo photos gallery galleries subscribe subscribers follow us login logout sign in up
    register tags tag topics topic categories category you may also like editor's editors picks
    pick viewed shared this page sections section view all see show hide close open click here
    continue reading full coverage breaking live updates newsletter newsletters sponsored
    recent posts post feed rss toggle navigation jump watch listen now more: headlines highlights
    tv radio podcast podcasts save saved bookmark bookmarks
    """)

# (reason, pattern) for rules anchored at the start of the line; all are tried at once as one
# alternation (a single regex pass per line keeps cleaning under a millisecond per article).
_START_RULES: tuple[tuple[str, str], ...] = (
    (
        "ad marker",
        r"[\W_]*(?:\[\s*ad[\w ]{0,12}\]"
        r"|advertisements?(?:[\W_]+scroll (?:down )?to continue(?: reading)?)?"
        r"|advert|sponsored(?: content| links?)?|loading|opens in (?:a )?new (?:window|tab)"
        r"|promoted(?: content)?|paid (?:content|post)|ads? by \w+"
        r"|(?:story|article|content) continues (?:below|after)"
        r"(?: (?:this |the )?(?:advert(?:isement)?|ad))?"
        r"|continue reading (?:below|the main story)"
        r"|publicit[ée]|publicidad|pubblicit[àa]|anzeige|werbung|reklame|annonce"
        r"|scroll (?:down )?to continue(?: with content)?)[\W_]*$",
    ),
    ("weather widget", r"(?-i:[\W_]*-?\d{1,3}(?:[.,]\d+)?\s*°?\s*[CF](?:\s*[/|•].*)?$)"),
    ("update widget", r"[\W_]*(?:last\s+)?updated?(?:\s+(?:on|at))?[\s:|•\-–—]*$"),
    (
        "relative time",
        r"[\W_]*(?:(?:updated|published|posted)\s+)?(?:\d+|an?)\s+"
        r"(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago[\W_]*$",
    ),
    ("reading time", r"[\W_]*\d+\s*(?:-\s*)?(?:min(?:ute)?s?)\.?\s+read[\W_]*$"),
    (
        "image credit",
        r"[\W_]*(?:(?:main|top|featured|cover|lead|header|file|hero)\s+)?"
        r"(?:photo(?:graph)?|image|picture|pic|video|graphic|illustration|footage|map|chart)s?"
        r"(?:\s*(?::|©|\bby\b|\bcredits?\b|\bcourtesy\b)"
        r"|\s+(?:source|credits?|courtesy|caption)\b\s*[:,]?)",
    ),
    ("copyright", r"[\W_]*(?:©|\(c\)\s|copyright\b)"),
    (
        "promo link",
        r"[\W_]*(?:see also|read more|read also|also read|read next|related(?: articles?"
        r"| stories| news| content| coverage| reading| posts?| links?)?"
        r"|recommended(?: for you)?"
        r"|more (?:from|on|about) [^:]{1,40}|watch(?: now)?|listen(?: now)?|don'?t miss"
        r"|must read|trending(?: now)?|editor'?s picks?|you (?:may|might) also like"
        r"|further reading|suggested(?: reading)?|also see|top stories|most (?:read|popular)"
        r"|tags?|topics?|filed under|categories|keywords|like this|our standards|disclaimer)"
        r"\s*[:|»>]",
    ),
    (
        "promo",
        r"[\W_]*(?:check out (?:more|our|the latest)|click here|tap here|follow us\b"
        r"|follow \w+ on\b|sign up\b|subscribe\b|register (?:now|here|for free)|join (?:us|our)\b"
        r"|click to (?:share|email|print|open)\b"
        r"|like us on|download (?:the|our)\b|get (?:the|our) (?:latest|app|newsletter)"
        r"|join [^.!?]{0,30}\b(?:channel|community|newsletter)\b)",
    ),
    ("share prompt", r"[\W_]*share (?:this|on|via|article|story|or comment)\b.{0,60}$"),
    ("comment count", r"[\W_]*(?:\d+\s+)?comments?(?:\s*\(\d+\))?[\W_]*$"),
    ("url", r"[\W_]*(?:https?://|www\.)\S+$"),
    # possessive: the item and its separator are disjoint, so giving back characters never helps
    ("menu", r"(?:[^|›»>]{1,30}+[|›»>]\s*){2,}[^|›»>.!?]{0,30}$"),
)
_LEAD = r"[\W_]*"
_WEATHER_RULE = [reason for reason, _ in _START_RULES].index("weather widget")
_WEATHER = re.compile("^" + _START_RULES[_WEATHER_RULE][1])
_WEATHER_GROUP = f"r{_WEATHER_RULE}"


def _unlead(pattern: str) -> str:
    r"""Drop a rule's own leading ``[\W_]*``: the combined regex matches it once for all rules."""
    if pattern.startswith(_LEAD):
        return pattern[len(_LEAD) :]
    if pattern.startswith("(?-i:" + _LEAD):
        return "(?-i:" + pattern[len(_LEAD) + 5 :]
    return pattern


def _combined(patterns: list[str], flags: int) -> re.Pattern[str]:
    return re.compile(
        "^"
        + _LEAD
        + "(?:"
        + "|".join(f"(?P<r{i}>{_unlead(p)})" for i, p in enumerate(patterns))
        + ")",
        flags,
    )


_START = _combined([pat for _, pat in _START_RULES], re.IGNORECASE)
# The same rules for a lower-cased line, without IGNORECASE (a third faster). Exact for lines
# without the four letters whose case folding differs from str.lower() (İ ı K ſ); the
# case-sensitive weather rule is loosened here and re-checked on the original line.
_START_LOWER = _combined(
    [
        pat.replace("[CF]", "[cf]").replace("(?-i:", "(?:") if i == _WEATHER_RULE else pat
        for i, (_, pat) in enumerate(_START_RULES)
    ],
    0,
)
_FOLDS_APART = re.compile("[İıKſ]")
_START_REASONS = {f"r{i}": reason for i, (reason, _) in enumerate(_START_RULES)}
_ANYWHERE = re.compile(
    r"\b(?P<syndication>by following this link|click here to"
    r"|read the original (?:article|story|post)"
    r"|originally (?:published|appeared|posted) (?:on|in|at|by)|originally from"
    r"|read the full (?:story|article|report) (?:at|on|here)|opens in (?:a )?new (?:window|tab)"
    r"|this (?:article|story) (?:was|is) (?:republished|reproduced|syndicated))\b"
    r"|(?P<contributor>contributed (?:reporting )?to this (?:report|story|article))"
    r"|(?P<copyright>\ball rights reserved\b)",
)
_ANYWHERE_REASONS = {
    "syndication": "syndication note",
    "copyright": "copyright",
    "contributor": "contributor credit",
}
# A caption's credit at the end of a line: "... on Monday. (AP Photo/Jane Doe)", "| Getty Images".
_CREDIT_END = re.compile(
    r"(?:[(\[]\s*(?:[A-Z]{2,}\s+)?(?:file\s+)?(?:photo|image|picture|video)s?\b[^)\]]{0,80}[)\]]"
    r"|\b(?:getty images|shutterstock|ap photo/[^)]{1,40}|reuters/[\w .\-]{1,40}|epa-efe"
    r"|afp via getty images|istock(?:photo)?|alamy)\s*\)?)\s*$",
    re.IGNORECASE,
)
_SECOND_PERSON = re.compile(r"\b(?:you|your|we use|our)\b")
MAX_PROMPT_CHARS = 300
MAX_HEADING_CHARS = 160
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*")
_HAS_ALNUM = re.compile(r"[^\W_]")
MAX_JUNK_CHARS = 400


def words(line: str) -> list[str]:
    """Word tokens of a line (letters with inner apostrophes, or numbers)."""
    return _WORD.findall(line)


def junk_reason(line: str) -> str | None:
    """Why this line is generic web junk, or None. Long lines (paragraphs) are never junk.

    Every line of every article comes through here, so the cheap tests go first and the
    unanchored regexes only run behind plain substring checks that they need to match."""
    if len(line) > MAX_JUNK_CHARS:
        return None
    if not line[:1].isalnum() and not _HAS_ALNUM.search(line):  # [^\W_] is str.isalnum
        return "no words"
    low = line.lower()
    reason = start_reason(line, low)
    if reason is not None:
        return reason
    if (  # words the syndication, contributor and copyright notes cannot do without
        "original" in low or "click here" in low or "this link" in low or "rights reserved" in low
        or "contributed" in low or "read the full" in low or "new window" in low
        or "new tab" in low or "republished" in low or "reproduced" in low or "syndicated" in low
    ):  # fmt: skip
        m = _ANYWHERE.search(low)
        if m is not None:
            return _ANYWHERE_REASONS[m.lastgroup or "syndication"]
    if ("photo" in low or "image" in low or "/" in low) and _CREDIT_END.search(line):
        return "photo caption with credit"
    if len(line) <= MAX_PROMPT_CHARS and _is_prompt(low):
        return "cookie/newsletter prompt"
    if len(line) <= MAX_HEADING_CHARS and _is_navigation(line):
        return "navigation words"
    return None


def start_reason(line: str, low: str) -> str | None:
    """The first start-anchored rule matching ``line`` (``low``: the line lower-cased)."""
    if not line.isascii() and _FOLDS_APART.search(line):
        m = _START.match(line)
    else:  # the rules on the lower-cased line, without IGNORECASE: a third faster
        m = _START_LOWER.match(low)
        if m is not None and m.lastgroup == _WEATHER_GROUP and not _WEATHER.match(line):
            m = _START.match(line)  # "12 c": the weather rule wants a capital C/F
    return None if m is None else _START_REASONS[m.lastgroup or ""]


def _is_prompt(low: str) -> bool:
    """A cookie, newsletter, sign-in or ad-blocker prompt addressing the reader."""
    return (
        "our" in low or "you" in low or "we use" in low  # _SECOND_PERSON needs one of these
    ) and (
        "sign" in low or "log" in low or "subscri" in low or "cookie" in low
        or "newsletter" in low or "browser" in low or "notification" in low or "blocker" in low
        or "javascript" in low
    ) and _SECOND_PERSON.search(low) is not None  # fmt: skip


def _is_navigation(line: str) -> bool:
    """Up to six words, all navigation words ("Latest News", "Share"), no sentence end."""
    if len(line) > MAX_HEADING_CHARS or line.rstrip()[-1:] in '.!?"”':
        return False
    first = _WORD.search(line)  # the line has a word: _HAS_ALNUM matched
    if first is None or _nav_key(first.group()) not in NAV_WORDS:
        return False  # most lines fail here, before the line is tokenised
    toks = _WORD.findall(line)
    return len(toks) <= 6 and all(_nav_key(t) in NAV_WORDS for t in toks)


def _nav_key(word: str) -> str:
    return word.lower().replace("’", "'")
