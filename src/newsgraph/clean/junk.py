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
    tv radio podcast podcasts
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
        r"|story continues below(?: advertisement)?|continue reading (?:below|the main story)"
        r"|scroll (?:down )?to continue(?: with content)?|article continues (?:below|after)"
        r"(?: (?:this )?(?:ad|advertisement))?)[\W_]*$",
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
        r"|like us on|download (?:the|our)\b|get (?:the|our) (?:latest|app|newsletter))",
    ),
    ("share prompt", r"[\W_]*share (?:this|on|via|article|story)\b.{0,60}$"),
    ("comment count", r"[\W_]*(?:\d+\s+)?comments?(?:\s*\(\d+\))?[\W_]*$"),
    ("url", r"[\W_]*(?:https?://|www\.)\S+$"),
    ("menu", r"(?:[^|›»>]{1,30}[|›»>]\s*){2,}[^|›»>.!?]{0,30}$"),
)
_LEAD = r"[\W_]*"


def _unlead(pattern: str) -> str:
    r"""Drop a rule's own leading ``[\W_]*``: the combined regex matches it once for all rules."""
    if pattern.startswith(_LEAD):
        return pattern[len(_LEAD) :]
    if pattern.startswith("(?-i:" + _LEAD):
        return "(?-i:" + pattern[len(_LEAD) + 5 :]
    return pattern


_START = re.compile(
    "^"
    + _LEAD
    + "(?:"
    + "|".join(f"(?P<r{i}>{_unlead(pat)})" for i, (_, pat) in enumerate(_START_RULES))
    + ")",
    re.IGNORECASE,
)
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
# Plain substrings that must occur before the (slower) unanchored regexes are worth running.
_ANYWHERE_HINTS = ("this link", "click here", "original", "republished", "reproduced",
                   "syndicated", "rights reserved", "contributed", "read the full",
                   "new window", "new tab")  # fmt: skip
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
_PROMPT_HINTS = ("cookie", "newsletter", "subscri", "sign", "log", "notification", "blocker",
                 "javascript", "browser")  # fmt: skip
_SECOND_PERSON = re.compile(r"\b(?:you|your|we use|our)\b")
MAX_PROMPT_CHARS = 300
MAX_HEADING_CHARS = 160
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*")
_HAS_ALNUM = re.compile(r"[^\W_]")
MAX_JUNK_CHARS = 400


def words(line: str) -> list[str]:
    """Word tokens of a line (letters with inner apostrophes, or numbers)."""
    return _WORD.findall(line)


def junk_reason(line: str, toks: list[str] | None = None) -> str | None:
    """Why this line is generic web junk, or None. Long lines (paragraphs) are never junk.
    ``toks``: the line's :func:`words`, when the caller has them already."""
    if len(line) > MAX_JUNK_CHARS:
        return None
    if not _HAS_ALNUM.search(line):
        return "no words"
    m = _START.match(line)
    if m is not None:
        return _START_REASONS[m.lastgroup or ""]
    low = line.lower()
    if any(h in low for h in _ANYWHERE_HINTS):
        m = _ANYWHERE.search(low)
        if m is not None:
            return _ANYWHERE_REASONS[m.lastgroup or "syndication"]
    if ("photo" in low or "image" in low or "/" in low) and _CREDIT_END.search(line):
        return "photo caption with credit"
    if (
        len(line) <= MAX_PROMPT_CHARS
        and any(h in low for h in _PROMPT_HINTS)
        and _SECOND_PERSON.search(low)
    ):
        return "cookie/newsletter prompt"
    if toks is None:
        toks = words(line) if len(line) <= MAX_HEADING_CHARS else []
    if (
        0 < len(toks) <= 6
        and all(t.lower().replace("’", "'") in NAV_WORDS for t in toks)
        and line.rstrip()[-1:] not in '.!?"”'
    ):
        return "navigation words"
    return None
