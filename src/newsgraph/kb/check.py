"""Integrity checks of a loaded knowledge base (run them on your own override files too).

``python -m newsgraph.kb.check [extra.csv ...]`` prints the problems and exits non-zero.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

from newsgraph.kb.base import KnowledgeBase
from newsgraph.kb.loader import DATA_DIR, _read, load_kb

SECTORS = frozenset(
    {
        "government",
        "military",
        "business",
        "media",
        "international",
        "civil society",
        "politics",
        "armed group",
        "religion",
    }
)


def known_offices() -> set[str]:
    return {row["office"] for _, row in _read(DATA_DIR / "offices.csv")}


def problems(kb: KnowledgeBase) -> list[str]:
    """Everything wrong with the data: unknown countries/sectors/offices, roles ending
    before they start, and two people certainly holding a single-holder role at once."""
    out: list[str] = []
    offices = known_offices()
    for actor in kb:
        if actor.country is not None and actor.country not in kb.countries:
            out.append(f"{actor.id}: unknown country {actor.country!r}")
        if actor.sector not in SECTORS:
            out.append(f"{actor.id}: unknown sector {actor.sector!r}")
        for role in actor.roles:
            if role.role_key.split(":", 1)[-1] not in offices:
                out.append(f"{actor.id}: role {role.role_key} has an office not in offices.csv")
            if role.end is not None and role.start is not None and role.end < role.start:
                out.append(f"{actor.id}: {role.role_key} ends before it starts")
    for key in sorted(kb.role_keys):
        if kb.is_multi_holder(key):
            continue
        ts = kb.tenures(key)
        for i, a in enumerate(ts):
            for b in ts[i + 1 :]:
                lo = max(a.certain[0], b.certain[0])
                hi = min(a.certain[1], b.certain[1])
                if lo < hi:
                    out.append(
                        f"{key}: {a.actor_id} ({a.role.start_text}..{a.role.end_text}) and "
                        f"{b.actor_id} ({b.role.start_text}..{b.role.end_text}) overlap"
                    )
    return out


def main(argv: Iterable[str] = ()) -> int:
    found = problems(load_kb(list(argv)))
    for p in found:
        print(p)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
