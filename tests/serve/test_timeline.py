"""The weekly timeline chart."""

from __future__ import annotations

import datetime as dt
import itertools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.serve.timeline import MAX_BARS, timeline_svg, week_start, weekly

D = dt.date


def test_weeks_start_on_monday_and_gaps_are_zero() -> None:
    days = [(D(2024, 3, 5), 2), (D(2024, 3, 7), 1), (D(2024, 3, 25), 4)]
    assert weekly(days) == [
        (D(2024, 3, 4), 3),
        (D(2024, 3, 11), 0),
        (D(2024, 3, 18), 0),
        (D(2024, 3, 25), 4),
    ]


def test_svg_has_a_bar_per_week_with_readable_titles() -> None:
    svg = str(timeline_svg(weekly([(D(2024, 1, 1), 5), (D(2024, 1, 15), 1)])))
    assert svg.startswith('<svg class="timeline" role="img"')
    assert 'aria-label="6 quotations from 2024-01-01 to 2024-01-15, per week"' in svg
    assert re.findall(r"<title>([^<]*)</title>", svg) == [
        "week of 2024-01-01: 5",
        "week of 2024-01-08: 0",
        "week of 2024-01-15: 1",
    ]
    heights = [float(h) for h in re.findall(r'<rect class="bar"[^>]* height="([\d.]+)"', svg)]
    assert heights[0] > heights[2] > heights[1] == 0


def test_empty_history_says_so() -> None:
    assert "No dated quotations" in str(timeline_svg([]))


def test_long_histories_are_binned() -> None:
    days = [(D(2000, 1, 3) + dt.timedelta(weeks=i), 1) for i in range(1000)]
    svg = str(timeline_svg(weekly(days)))
    bars = svg.count('<rect class="bar"')
    assert bars <= MAX_BARS
    assert "per 4 weeks" in svg
    total = sum(int(n) for n in re.findall(r": (\d+)</title>", svg))
    assert total == 1000


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.dates(D(1990, 1, 1), D(2030, 1, 1)), st.integers(1, 50)),
                max_size=30))
def test_weekly_keeps_every_count(days: list[tuple[dt.date, int]]) -> None:
    weeks = weekly(days)
    assert sum(n for _, n in weeks) == sum(n for _, n in days)
    assert all(w.weekday() == 0 for w, _ in weeks)
    assert all(b - a == dt.timedelta(days=7) for (a, _), (b, _) in itertools.pairwise(weeks))
    for day, _ in days:
        assert week_start(day) <= day < week_start(day) + dt.timedelta(days=7)
