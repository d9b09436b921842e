"""Quotations by week as a small inline SVG bar chart, drawn on the server.

Server-side SVG needs no script, no chart library and nothing fetched from elsewhere, and it shows
in any browser with scripts off. Every bar has a ``<title>`` so the count is readable on hover and
by screen readers.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable

from markupsafe import Markup

MAX_BARS = 260  # five years of weeks; longer histories are binned coarser


def week_start(day: dt.date) -> dt.date:
    """The Monday of the ISO week ``day`` falls in."""
    return day - dt.timedelta(days=day.weekday())


def weekly(counts: Iterable[tuple[dt.date, int]]) -> list[tuple[dt.date, int]]:
    """Counts per week from (day, count) pairs, with empty weeks filled in as zero."""
    per_week: Counter[dt.date] = Counter()
    for day, n in counts:
        per_week[week_start(day)] += n
    if not per_week:
        return []
    first, last = min(per_week), max(per_week)
    out = []
    day = first
    while day <= last:
        out.append((day, per_week.get(day, 0)))
        day += dt.timedelta(days=7)
    return out


def _binned(weeks: list[tuple[dt.date, int]]) -> tuple[list[tuple[dt.date, int]], int]:
    """Merge neighbouring weeks so no more than MAX_BARS bars are drawn; returns bin size."""
    size = max(1, -(-len(weeks) // MAX_BARS))
    if size == 1:
        return weeks, 1
    out = []
    for i in range(0, len(weeks), size):
        chunk = weeks[i : i + size]
        out.append((chunk[0][0], sum(n for _, n in chunk)))
    return out, size


def timeline_svg(
    weeks: list[tuple[dt.date, int]], *, width: int = 720, height: int = 160, label: str = ""
) -> Markup:
    """An accessible SVG bar chart of ``weeks`` (as returned by :func:`weekly`)."""
    if not weeks:
        return Markup('<p class="empty">No dated quotations.</p>')
    bars, size = _binned(weeks)
    top = max(n for _, n in bars) or 1
    pad_l, pad_b, pad_t = 36, 22, 8
    plot_w, plot_h = width - pad_l - 4, height - pad_b - pad_t
    step = min(plot_w / len(bars), 28.0)  # a few weeks do not become slabs
    bar_w = max(1.0, step * 0.8)
    unit = "week" if size == 1 else f"{size} weeks"
    total = sum(n for _, n in bars)
    desc = label or f"{total} quotations from {bars[0][0]} to {bars[-1][0]}, per {unit}"
    parts = [
        Markup(
            '<svg class="timeline" role="img" viewBox="0 0 {w} {h}" width="100%" '
            'preserveAspectRatio="xMinYMin meet" aria-label="{d}">'
        ).format(w=width, h=height, d=desc),
        Markup('<line class="axis" x1="{x}" y1="{y}" x2="{x2}" y2="{y}"/>').format(
            x=pad_l, y=pad_t + plot_h, x2=width - 4
        ),
        Markup('<text class="tick" x="{x}" y="{y}" text-anchor="end">{n}</text>').format(
            x=pad_l - 4, y=pad_t + 10, n=top
        ),
        Markup('<text class="tick" x="{x}" y="{y}" text-anchor="end">0</text>').format(
            x=pad_l - 4, y=pad_t + plot_h
        ),
    ]
    for i, (day, n) in enumerate(bars):
        h = plot_h * n / top
        x = pad_l + i * step
        parts.append(
            Markup(
                '<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}">'
                "<title>{t}</title></rect>"
            ).format(
                x=x, y=pad_t + plot_h - h, w=bar_w, h=h, t=f"{unit} of {day.isoformat()}: {n}"
            )
        )
    base = pad_t + plot_h + 16
    parts.append(
        Markup('<text class="tick" x="{x}" y="{y}">{d}</text>').format(
            x=pad_l, y=base, d=bars[0][0].isoformat()
        )
    )
    if len(bars) > 1:
        parts.append(
            Markup('<text class="tick" x="{x}" y="{y}" text-anchor="end">{d}</text>').format(
                x=width - 4, y=base, d=bars[-1][0].isoformat()
            )
        )
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)
