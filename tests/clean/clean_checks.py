"""Helpers the clean tests share: clean a text into an Article, read a line's role."""

from __future__ import annotations

from newsgraph.clean import clean_record
from newsgraph.model import Article, LineRole, Record

PARA1 = "The city council approved the budget on Tuesday after a long debate about transport."
PARA2 = "Officials said the plan would add two new bus lines and repair several old bridges."
PARA3 = "“We have waited for this for years,” said the mayor, who backed the proposal."


def clean(text: str) -> Article:
    result = clean_record(Record(source="t", text=text))
    assert isinstance(result, Article), result
    return result


def role_of(art: Article, line: str) -> LineRole:
    return next(ln.role for ln in art.lines if ln.span.of(art.text) == line)
