"""Interviews printed as questions and answers: every answer is a quotation of the interviewee.

"Q: Why now?" / "A: Because ..." lines carry no quotation marks, yet each answer is the
interviewee's words. An article is read as an interview only when it has at least two question
lines and two answer lines, so a lone "A: ..." (a list item, a caption) is never taken for one.
"""

from __future__ import annotations

import re

_QUESTION = re.compile(r"(?:Q|Question)\s?[:.–—-]\s+\S")
_ANSWER = re.compile(r"(?:A|Answer)\s?[:.–—-]\s+(?=\S)")
MIN_PAIRS = 2


def answer_spans(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """(marker start, answer start, answer end) of each answer line, or [] when the article is
    no question-and-answer interview."""
    questions = 0
    answers: list[tuple[int, int, int]] = []
    for a, b in lines:
        first = text[a]
        if first == "Q" and _QUESTION.match(text, a, b):
            questions += 1
        elif first == "A":
            m = _ANSWER.match(text, a, b)
            if m is not None:
                answers.append((a, m.end(), b))
    if questions < MIN_PAIRS or len(answers) < MIN_PAIRS:
        return []
    return answers


def interviewee(text: str, full_names: list[str]) -> str | None:
    """The person the interview is with: the one whose last name the article writes most."""
    best, best_n = None, 0
    for name in full_names:
        n = text.count(name.split()[-1])
        if n > best_n:
            best, best_n = name, n
    return best
