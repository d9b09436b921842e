"""The actor knowledge base: who is who, who held which role when, and how news names them.

    kb = default_kb()                      # bundled data, loaded once per process
    kb = load_kb(["my_actors.csv"])        # plus a user's files (override by id)
    kb.get("dmitry-peskov")                # Actor by id ("state-RUS" for states)
    kb.by_alias("Zelenskiy")               # [Actor, ...] best first
    kb.by_role("the Russian president", date(2022, 3, 1))   # Actor | None
    kb.holders("UKR:foreign_minister", date(2023, 5, 1))    # [Actor, ...]
    kb.resolve("the Kremlin spokesman", date(2022, 3, 1))   # role phrase or name -> Actor | None
    kb.role_key("Ukraine's foreign minister")               # "UKR:foreign_minister"
    kb.country_code("Ukrainian")                            # "UKR"
    kb.search("Kremlin spokesman")         # for the CLI: names, role holders, word matches

File formats and date semantics: data/README.md; where facts come from: data/SOURCES.md.
"""

from __future__ import annotations

from newsgraph.kb.base import Country, KnowledgeBase, Tenure
from newsgraph.kb.loader import KBError, default_kb, load_kb
from newsgraph.kb.normalize import norm

__all__ = ["Country", "KBError", "KnowledgeBase", "Tenure", "default_kb", "load_kb", "norm"]
