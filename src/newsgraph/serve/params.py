"""Query-parameter parsing shared by the API and the pages, with errors users can act on."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from fastapi import HTTPException

MAX_LIMIT = 500
DEFAULT_LIMIT = 50

_DAY = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def parse_day(value: str | None, name: str, *, end: bool = False) -> dt.date | None:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` → a date (the last day of the period when ``end``).

    Raises a 400 naming the parameter and the accepted forms, rather than a bare validation error.
    """
    if value is None or not value.strip():
        return None
    m = _DAY.match(value.strip())
    if not m:
        raise HTTPException(400, f"{name}: bad date {value!r}; use YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = int(m[1]), m[2], m[3]
    try:
        if month is None:
            return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
        mon = int(month)
        if day is None:
            last = calendar.monthrange(year, mon)[1] if 1 <= mon <= 12 else 0
            return dt.date(year, mon, last if end else 1)
        return dt.date(year, mon, int(day))
    except ValueError as err:
        raise HTTPException(400, f"{name}: bad date {value!r}: {err}") from None


@dataclass(frozen=True, slots=True)
class QuoteFilter:
    """What a quotation listing is restricted to (every field optional)."""

    speaker: str | None = None
    q: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    article: str | None = None
    outlet: str | None = None
    actor: str | None = None  # knowledge-base id of the speaker ("dmitry-peskov")

    def as_query(self) -> dict[str, str]:
        """The non-empty filters as URL query parameters (for links and pagination)."""
        out: dict[str, str] = {}
        for key in ("speaker", "q", "article", "outlet", "actor"):
            value = getattr(self, key)
            if value:
                out[key] = value
        if self.since:
            out["since"] = self.since.isoformat()
        if self.until:
            out["until"] = self.until.isoformat()
        return out


def quote_filter(
    speaker: str | None = None,
    q: str | None = None,
    since: str | None = None,
    until: str | None = None,
    article: str | None = None,
    outlet: str | None = None,
    actor: str | None = None,
) -> QuoteFilter:
    """Build and check a filter from raw strings: blank means absent, dates must be in order."""
    lo = parse_day(since, "since")
    hi = parse_day(until, "until", end=True)
    if lo and hi and lo > hi:
        raise HTTPException(400, f"since ({lo}) is after until ({hi})")

    def clean(v: str | None) -> str | None:
        v = (v or "").strip()
        return v or None

    return QuoteFilter(
        clean(speaker), clean(q), lo, hi, clean(article), clean(outlet), clean(actor)
    )
