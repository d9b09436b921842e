"""The actor knowledge base: who is who, who held which role when, and how news names them.

>>> kb = default_kb()
>>> kb.by_role("the Russian president", dt.date(2022, 3, 1)).name
'Vladimir Putin'
"""

from __future__ import annotations

from newsgraph.kb.base import Country, KnowledgeBase, Tenure
from newsgraph.kb.loader import KBError, default_kb, load_kb
from newsgraph.kb.normalize import norm

__all__ = ["Country", "KBError", "KnowledgeBase", "Tenure", "default_kb", "load_kb", "norm"]
