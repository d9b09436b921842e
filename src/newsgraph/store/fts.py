"""Turn what a user typed into a safe full-text query.

User input never reaches the FTS5 query parser raw: every word or ``"quoted phrase"`` becomes an
FTS string literal (double quotes doubled), so operators, column filters and stray punctuation in
the input are just text. A trailing ``*`` on a word keeps its meaning (prefix search).
"""

from __future__ import annotations

import re

# A "quoted phrase" (closing quote optional) or a bare run of non-space characters.
_TERM = re.compile(r'"([^"]*)"?|([^\s"]+)')
_WORD = re.compile(r"\w")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")  # FTS5 strings end at NUL; none of these is text


def terms(user_text: str) -> list[tuple[str, bool]]:
    """Split input into (text, is_prefix) terms; terms without any word character are dropped."""
    out: list[tuple[str, bool]] = []
    for m in _TERM.finditer(_CONTROL.sub(" ", user_text)):
        phrase, word = m.group(1), m.group(2)
        if phrase is not None:
            text, prefix = phrase.strip(), False
        else:
            prefix = word.endswith("*")
            text = word.rstrip("*")
        if _WORD.search(text):
            out.append((text, prefix))
    return out


def _literal(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def match_query(
    user_text: str, *, prefix_all: bool = False, columns: tuple[str, ...] = ()
) -> str | None:
    """An FTS5 MATCH expression requiring every term (AND), or None when nothing is searchable.

    ``prefix_all`` makes every word a prefix (used for names: "Pesk" finds "Peskov");
    ``columns`` restricts the match to those columns.
    """
    parts = [_literal(t) + ("*" if p or prefix_all else "") for t, p in terms(user_text)]
    if not parts:
        return None
    expr = " AND ".join(parts)
    if columns:
        expr = "{" + " ".join(columns) + "} : (" + expr + ")"
    return expr
