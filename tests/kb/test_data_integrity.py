"""The bundled data files: well-formed, consistent, and big enough to be useful."""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest

from newsgraph.kb import KnowledgeBase, default_kb
from newsgraph.kb.check import SECTORS, known_offices, problems
from newsgraph.kb.dates import parse_partial
from newsgraph.kb.loader import DATA_DIR


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as fh:
        return [r for r in csv.DictReader(fh) if not next(iter(r.values()), "").startswith("#")]


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return default_kb()


def test_actor_ids_are_unique_slugs() -> None:
    ids = [r["id"] for r in _rows("actors.csv")]
    dupes = [i for i, n in Counter(ids).items() if n > 1]
    assert dupes == []
    assert all(i == i.strip() and " " not in i and i == i.lower() for i in ids)
    assert not any(re.fullmatch(r"state-[A-Z]{3}", i) for i in ids), "states: countries.csv"


def test_every_role_belongs_to_a_known_actor() -> None:
    ids = {r["id"] for r in _rows("actors.csv")} | {
        f"state-{r['iso3']}" for r in _rows("countries.csv")
    }
    missing = {r["actor_id"] for r in _rows("roles.csv")} - ids
    assert missing == set()


def test_role_dates_parse_and_start_before_end() -> None:
    for r in _rows("roles.csv"):
        start = parse_partial(r["start"])
        end = parse_partial(r["end"])
        assert start is not None, r
        if end is not None:
            assert start[0] <= end[1], r
        if r["checked"]:
            assert not r["end"], "checked only makes sense for open-ended roles"
            assert parse_partial(r["checked"]) is not None


def test_every_role_row_has_a_source_and_title() -> None:
    for r in _rows("roles.csv"):
        assert r["source"] and r["title"], r


def test_every_role_key_names_a_documented_office() -> None:
    offices = known_offices()
    for r in _rows("roles.csv"):
        owner, _, office = r["role_key"].partition(":")
        assert owner and office in offices, r


def test_phrase_role_keys_use_documented_offices() -> None:
    offices = known_offices()
    for r in _rows("role_phrases.csv"):
        assert r["role_key"].partition(":")[2] in offices | {"{leader}"}, r


def test_no_overlapping_holders_and_no_other_problems(kb: KnowledgeBase) -> None:
    assert problems(kb) == []


def test_sizes(kb: KnowledgeBase) -> None:
    kinds = Counter(a.kind for a in kb)
    assert len(kb) >= 500
    assert kinds["person"] + kinds["organisation"] >= 300
    assert kinds["state"] >= 193


def test_every_un_member_is_a_state_actor(kb: KnowledgeBase) -> None:
    members = [c for c in kb.countries.values() if c.un_member == "yes"]
    assert len(members) == 193
    for c in members:
        state = kb.state(c.iso3)
        assert state is not None and state.kind == "state" and state.country == c.iso3
        assert c.adjectives, c.iso3


def test_sectors_and_countries_are_valid(kb: KnowledgeBase) -> None:
    for actor in kb:
        assert actor.sector in SECTORS, actor.id
        assert actor.country is None or actor.country in kb.countries, actor.id


def test_each_focus_state_has_its_main_offices_covered_2014_to_2025(kb: KnowledgeBase) -> None:
    """Heads of state/government and foreign ministers of the states most in the news
    have a unique holder (or an acting one) on 1 July of every year 2014-2025."""

    keys = [
        "USA:president",
        "USA:foreign_minister",
        "USA:defence_minister",
        "USA:president_spokesperson",
        "RUS:president",
        "RUS:prime_minister",
        "RUS:foreign_minister",
        "RUS:defence_minister",
        "RUS:president_spokesperson",
        "RUS:mfa_spokesperson",
        "UKR:president",
        "UKR:prime_minister",
        "UKR:foreign_minister",
        "UKR:defence_minister",
        "GBR:prime_minister",
        "GBR:foreign_minister",
        "GBR:defence_minister",
        "FRA:president",
        "FRA:prime_minister",
        "FRA:foreign_minister",
        "DEU:chancellor",
        "DEU:foreign_minister",
        "DEU:defence_minister",
        "CHN:president",
        "CHN:foreign_minister",
        "TUR:president",
        "TUR:foreign_minister",
        "IRN:president",
        "IRN:foreign_minister",
        "ISR:prime_minister",
        "POL:president",
        "POL:prime_minister",
        "BLR:president",
        "JPN:prime_minister",
        "IND:prime_minister",
        "UN:secretary_general",
        "NATO:secretary_general",
        "EU:commission_president",
        "EU:high_representative",
    ]
    gaps = []
    for key in keys:
        for year in range(2014, 2026):
            on = dt.date(year, 7, 1)
            acting = key.replace(":president", ":acting_president")
            if len(kb.holders(key, on) or kb.holders(acting, on)) != 1:
                gaps.append((key, year))
    assert gaps == []


def test_data_files_are_plain_utf8_csv() -> None:
    for path in Path(DATA_DIR).glob("*.csv"):
        text = path.read_text(encoding="utf-8")
        assert "\r" not in text and text.endswith("\n"), path.name
