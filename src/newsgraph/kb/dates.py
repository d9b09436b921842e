"""Partial ISO dates ("2014", "2014-05", "2014-05-22") as day ranges.

A role's dates are often only known to the month or year. We keep what is known and do not
invent a day: "2014-05" means "some day in May 2014", i.e. the range 2014-05-01 .. 2014-05-31.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_partial(text: str) -> tuple[dt.date, dt.date] | None:
    """First and last day a partial ISO date may mean; None for an empty string.

    Raises ValueError on anything that is not YYYY, YYYY-MM or YYYY-MM-DD.
    """
    text = text.strip()
    if not text:
        return None
    m = _PARTIAL.match(text)
    if m is None:
        raise ValueError(f"not a (partial) ISO date: {text!r}")
    year = int(m.group(1))
    if m.group(2) is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    month = int(m.group(2))
    if m.group(3) is None:
        last = calendar.monthrange(year, month)[1]
        return dt.date(year, month, 1), dt.date(year, month, last)
    day = dt.date(year, month, int(m.group(3)))
    return day, day
