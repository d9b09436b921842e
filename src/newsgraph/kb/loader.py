"""Read the bundled CSV files (and a user's own) into a :class:`KnowledgeBase`.

Files are told apart by their header, so a user can hand over any mix of actors, roles,
phrases and countries files (or a folder of them); a user row overrides a bundled row with
the same id. The format is documented in data/README.md.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from os import PathLike
from pathlib import Path

from newsgraph.kb.base import COUNTRY_SLOT, STATE_SLOT, Country, KnowledgeBase, Tenure
from newsgraph.kb.dates import parse_partial
from newsgraph.kb.normalize import norm
from newsgraph.model import Actor, Role

DATA_DIR = Path(__file__).with_name("data")
BUNDLED = ("countries.csv", "offices.csv", "actors.csv", "roles.csv", "role_phrases.csv")
ACTOR_KINDS = frozenset({"person", "organisation", "state"})
_ONE_DAY = dt.timedelta(days=1)
_GROUP = re.compile(r"\(([^()]*)\)")

StrPath = str | PathLike[str]


class KBError(ValueError):
    """A knowledge-base file is malformed; the message names the file and line."""


@dataclass
class _Rows:
    countries: dict[str, dict[str, str]]
    offices: dict[str, dict[str, str]]
    actors: dict[str, dict[str, str]]
    roles: dict[tuple[str, str, str], dict[str, str]]
    phrases: dict[str, dict[str, str]]


def _read(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        for row in reader:
            first = next(iter(row.values()), "") or ""
            if first.startswith("#") or not any(v for v in row.values() if v):
                continue
            yield reader.line_num, {k: (v or "").strip() for k, v in row.items() if k}


def _kind_of(path: Path) -> str:
    with path.open(encoding="utf-8-sig", newline="") as fh:  # -sig: files saved by Excel
        header = {h.strip() for h in next(csv.reader(fh), [])}
    if {"iso3", "adjectives"} <= header:
        return "countries"
    if {"office", "holders"} <= header:
        return "offices"
    if {"actor_id", "role_key"} <= header:
        return "roles"
    if {"phrase", "role_key"} <= header:
        return "phrases"
    if {"id", "name", "kind"} <= header:
        return "actors"
    raise KBError(f"{path}: unknown knowledge-base file (header {sorted(header)})")


def _add_file(rows: _Rows, path: Path) -> None:
    kind = _kind_of(path)
    for line, row in _read(path):
        where = f"{path}:{line}"
        if kind == "countries":
            rows.countries[row["iso3"]] = row
        elif kind == "offices":
            rows.offices[row["office"]] = row
        elif kind == "actors":
            if row.get("kind") not in ACTOR_KINDS:
                raise KBError(f"{where}: kind must be one of {sorted(ACTOR_KINDS)}")
            rows.actors[row["id"]] = row | {"_where": where}
        elif kind == "roles":
            rows.roles[(row["actor_id"], row["role_key"], row.get("start", ""))] = row | {
                "_where": where
            }
        else:
            rows.phrases[row["phrase"]] = row | {"_where": where}


def _expand_paths(extra: Iterable[StrPath]) -> list[Path]:
    out = []
    for p in map(Path, extra):
        out.extend(sorted(p.glob("*.csv")) if p.is_dir() else [p])
    return out


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


def _countries(rows: _Rows) -> dict[str, Country]:
    return {
        r["iso3"]: Country(
            iso3=r["iso3"],
            iso2=r.get("iso2", ""),
            name=r["name"],
            names=_split(r.get("names", "")) or (r["name"],),
            adjectives=_split(r.get("adjectives", "")),
            capitals=_split(r.get("capital", "")),
            un_member=r.get("un_member", ""),
            leader=r.get("leader") or "president",
        )
        for r in rows.countries.values()
    }


def _role(row: dict[str, str], countries: dict[str, Country]) -> tuple[Role, Tenure]:
    where = row["_where"]
    try:
        start = parse_partial(row.get("start", ""))
        end = parse_partial(row.get("end", ""))
        checked = parse_partial(row.get("checked", ""))
    except ValueError as exc:
        raise KBError(f"{where}: {exc}") from None
    if start is None:
        raise KBError(f"{where}: a role needs a start date")
    if end is not None and end[1] < start[0]:
        raise KBError(f"{where}: role ends before it starts")
    key = row["role_key"]
    owner = key.split(":", 1)[0]
    role = Role(
        title=row.get("title", "") or key,
        role_key=key,
        country=owner if owner in countries and ":" in key else None,
        start=start[0],
        end=end[1] if end else None,
        source=row.get("source", ""),
        start_text=row.get("start", ""),
        end_text=row.get("end", ""),
        checked=checked[1] if checked else None,
    )
    if end is not None:
        possible_end, certain_end = end[1], end[0]
    elif checked is not None:
        possible_end = certain_end = checked[1] + _ONE_DAY
    else:
        possible_end = certain_end = dt.date.max
    tenure = Tenure(
        actor_id=row["actor_id"],
        role=role,
        possible=(start[0], possible_end),
        certain=(start[1], max(start[1], certain_end)),
    )
    return role, tenure


def _expand_phrase(template: str) -> list[str]:
    """All spellings of "(a|b) c (d|)" -> ["a c d", "a c", "b c d", "b c"]."""
    m = _GROUP.search(template)
    if m is None:
        return [template]
    out = []
    for alt in m.group(1).split("|"):
        out.extend(_expand_phrase(template[: m.start()] + alt + template[m.end() :]))
    return out


def _phrases(rows: _Rows) -> dict[str, str | None]:
    """Normalised phrase template -> role-key template; country slots stay as the words
    ``STATE_SLOT``/``COUNTRY_SLOT`` and are filled at lookup time (see KnowledgeBase.role_key).
    A phrase that means two different roles maps to None."""
    index: dict[str, str | None] = {}
    for row in rows.phrases.values():
        template = row["phrase"].replace("{state}", STATE_SLOT).replace("{country}", COUNTRY_SLOT)
        for phrase in _expand_phrase(template):
            k = norm(phrase)
            if k in index and index[k] != row["role_key"]:
                index[k] = None
            else:
                index[k] = row["role_key"]
    return index


def _build(rows: _Rows) -> KnowledgeBase:
    countries = _countries(rows)
    roles_of: dict[str, list[Role]] = {}
    tenures: dict[str, list[Tenure]] = {}
    for row in rows.roles.values():
        if row["actor_id"] not in rows.actors and not row["actor_id"].startswith("state-"):
            raise KBError(f"{row['_where']}: unknown actor {row['actor_id']!r}")
        role, tenure = _role(row, countries)
        roles_of.setdefault(row["actor_id"], []).append(role)
        tenures.setdefault(role.role_key, []).append(tenure)
    for ts in tenures.values():
        ts.sort(key=lambda t: t.possible[0])

    actors: dict[str, Actor] = {}
    for c in countries.values():
        aid = f"state-{c.iso3}"
        actors[aid] = Actor(
            id=aid,
            name=c.name,
            kind="state",
            country=c.iso3,
            sector="government",
            aliases=tuple(dict.fromkeys(a for a in (*c.names, *c.capitals) if a != c.name)),
            roles=tuple(sorted(roles_of.get(aid, ()), key=lambda r: r.start or dt.date.min)),
            source="countries.csv",
        )
    for aid, r in rows.actors.items():
        actors[aid] = Actor(
            id=aid,
            name=r["name"],
            kind=r["kind"],
            country=r.get("country") or None,
            sector=r.get("sector", ""),
            aliases=_split(r.get("aliases", "")),
            roles=tuple(sorted(roles_of.get(aid, ()), key=lambda r: r.start or dt.date.min)),
            source=r.get("source", ""),
            wikidata=r.get("wikidata") or None,
        )
    multi = frozenset(o for o, r in rows.offices.items() if r.get("holders") == "many")
    return KnowledgeBase(actors, countries, tenures, _phrases(rows), multi)


def load_kb(extra: Iterable[StrPath] = ()) -> KnowledgeBase:
    """Load the bundled knowledge base, extended or overridden by the user's files
    (CSV files in the bundled formats, or folders of them), in order."""
    rows = _Rows({}, {}, {}, {}, {})
    for name in BUNDLED:
        _add_file(rows, DATA_DIR / name)
    for path in _expand_paths(extra):
        _add_file(rows, path)
    return _build(rows)


#: Environment variable naming the user's knowledge-base files (``os.pathsep``-separated), so
#: the same knowledge base reaches worker processes and Dask workers without passing it around.
KB_ENV = "NEWSGRAPH_KB"


@functools.cache
def default_kb() -> KnowledgeBase:
    """The bundled knowledge base plus the files named in ``$NEWSGRAPH_KB``, loaded once per
    process."""
    extra = [p for p in os.environ.get(KB_ENV, "").split(os.pathsep) if p.strip()]
    return load_kb(extra)
