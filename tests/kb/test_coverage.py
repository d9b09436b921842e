"""Issue #3: the G20 states plus Ukraine and Belarus have their leaders, foreign and defence
ministers and a spokesperson on record for every year 2014-2025, and verified rows name the page
that confirmed them. Gaps we know of are listed here with the reason, so a new gap fails."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from newsgraph.kb import KnowledgeBase, default_kb
from newsgraph.kb.loader import DATA_DIR

YEARS = range(2014, 2026)

# The heads of state and government each state has (where the office exists).
HEADS: dict[str, tuple[str, ...]] = {
    "ARG": ("president",),
    "AUS": ("prime_minister",),
    "BRA": ("president",),
    "CAN": ("prime_minister",),
    "CHN": ("president", "prime_minister"),
    "FRA": ("president", "prime_minister"),
    "DEU": ("president", "chancellor"),
    "IND": ("president", "prime_minister"),
    "IDN": ("president",),
    "ITA": ("president", "prime_minister"),
    "JPN": ("monarch", "prime_minister"),
    "KOR": ("president",),
    "MEX": ("president",),
    "RUS": ("president", "prime_minister"),
    "SAU": ("monarch", "prime_minister"),
    "ZAF": ("president",),
    "TUR": ("president", "prime_minister"),
    "GBR": ("monarch", "prime_minister"),
    "USA": ("president",),
    "UKR": ("president", "prime_minister"),
    "BLR": ("president", "prime_minister"),
}

# Any of these offices counts as "a spokesperson" of the state.
SPOKES = (
    "president_spokesperson",
    "government_spokesperson",
    "chief_cabinet_secretary",
    "mfa_spokesperson",
)

_ALL = set(YEARS)
# (state, category) -> (years without a holder on record, why)
EXCEPTIONS: dict[tuple[str, str], tuple[set[int], str]] = {
    ("TUR", "prime_minister"): (set(range(2018, 2026)), "office abolished on 2018-07-09"),
    ("GBR", "spokesperson"): (
        {2021, 2024},
        "PM's official spokesperson handovers dated by year only (Slack -> acting -> Blain, "
        "Blain -> Pares)",
    ),
    ("CAN", "spokesperson"): (_ALL, "no official government spokesperson (PMO press secretaries)"),
    ("AUS", "spokesperson"): (_ALL, "no official government spokesperson (PMO press secretaries)"),
    ("SAU", "spokesperson"): (_ALL, "no regular official spokesperson"),
    ("KOR", "spokesperson"): ({2022}, "presidential spokesperson post vacant 2022-09 .. 2023-02"),
    ("MEX", "spokesperson"): (
        {2014, 2015, 2016, 2017, 2018, 2024, 2025},
        "Pena Nieto's spokesman not collected; Sheinbaum has no spokesperson",
    ),
    ("BRA", "spokesperson"): (
        {2015, 2016, 2020, 2021, 2022, 2023, 2024, 2025},
        "office vacant 2015-03 .. 2016-09 and abolished 2020-10",
    ),
    ("ARG", "spokesperson"): (set(range(2014, 2021)), "no presidential spokesperson before 2021"),
    ("IDN", "spokesperson"): ({2025}, "foreign-ministry spokesperson after mid-2025 unknown"),
}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return default_kb()


def _has_holder(kb: KnowledgeBase, keys: list[str], on: dt.date) -> bool:
    """A unique holder (or any, for offices several people hold at once), or an acting one."""
    for key in keys:
        acting = key.replace(":president", ":acting_president")
        holders = kb.holders(key, on) or kb.holders(acting, on)
        if holders and (len(holders) == 1 or kb.is_multi_holder(key)):
            return True
    return False


def _covered(kb: KnowledgeBase, keys: list[str], year: int) -> bool:
    """Held on at least 80% of the year's weeks: short vacancies and partially dated
    handovers pass, a missing holder does not."""
    days = [dt.date(year, 1, 1) + dt.timedelta(days=d) for d in range(0, 365, 7)]
    return sum(_has_holder(kb, keys, d) for d in days) >= 0.8 * len(days)


def _categories(cc: str) -> dict[str, list[str]]:
    cats = {office: [f"{cc}:{office}"] for office in HEADS[cc]}
    cats["foreign_minister"] = [f"{cc}:foreign_minister"]
    cats["defence_minister"] = [f"{cc}:defence_minister"]
    cats["spokesperson"] = [f"{cc}:{office}" for office in SPOKES]
    return cats


@pytest.mark.parametrize("cc", sorted(HEADS))
def test_each_focus_state_has_its_offices_held_every_year(kb: KnowledgeBase, cc: str) -> None:
    gaps = []
    for category, keys in _categories(cc).items():
        excused = EXCEPTIONS.get((cc, category), (set(), ""))[0]
        gaps += [(category, y) for y in YEARS if y not in excused and not _covered(kb, keys, y)]
    assert gaps == []


def test_documented_exceptions_are_still_gaps(kb: KnowledgeBase) -> None:
    """An exception that the data now covers should be deleted, so the list stays true."""
    stale = [
        (cc, category, y)
        for (cc, category), (years, _) in EXCEPTIONS.items()
        for y in sorted(years)
        if _covered(kb, _categories(cc)[category], y)
    ]
    assert stale == []


def _role_rows() -> list[dict[str, str]]:
    with (DATA_DIR / "roles.csv").open(encoding="utf-8", newline="") as fh:
        return [r for r in csv.DictReader(fh) if not r["actor_id"].startswith("#")]


def test_verification_tags_name_a_web_address_and_a_date_of_the_row() -> None:
    """`verified-start:URL` / `verified-end:URL` only on rows that have that date."""
    tagged = 0
    for row in _role_rows():
        for part in row["source"].split("|")[1:]:
            what, _, url = part.partition(":")
            assert what in ("verified-start", "verified-end"), row
            assert url.startswith(("http://", "https://")), row
            assert row[what.removeprefix("verified-")], row
            tagged += 1
    assert tagged >= 150


def test_the_most_reported_leaders_are_verified() -> None:
    """Heads of state/government of the states most in the news since 2014: each tenure
    that starts in 2014 or later carries a confirmed start date."""
    keys = {
        "USA:foreign_minister", "RUS:president", "UKR:president", "UKR:prime_minister",
        "UKR:foreign_minister", "DEU:chancellor", "TUR:president", "IRN:president",
        "NATO:secretary_general", "UN:secretary_general",
    }  # fmt: skip
    missing = [
        (r["actor_id"], r["role_key"], r["start"])
        for r in _role_rows()
        if r["role_key"] in keys
        and r["start"] >= "2014"
        and "verified-start:" not in r["source"]
        and "acting" not in r["title"].lower()
    ]
    assert missing == []
