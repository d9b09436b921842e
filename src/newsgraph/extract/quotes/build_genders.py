"""Regenerate ``data/first_name_gender.tsv``: given names that are clearly a man's or a woman's.

    python -m newsgraph.extract.quotes.build_genders    (developer machines: needs gender-guesser)

From gender-guesser 0.4.0's ``nam_dict.txt`` (Jörg Michael's name dictionary, GNU FDL): a name is
kept when the dictionary gives it one gender only ("male" or "female", never "mostly_" or
unisex) and it is at least moderately frequent (code >= 3) in some country. Used by the quote
stage so that "he" never resolves to a woman introduced by her first name, nor "she" to a man.
"""

from __future__ import annotations

import re
from pathlib import Path

OUT = Path(__file__).with_name("data") / "first_name_gender.tsv"
MIN_FREQ = 3
_LATIN_NAME = re.compile(r"^[A-Z][a-zà-ÿ'’-]+$")


def genders() -> list[tuple[str, str]]:
    from gender_guesser.detector import Detector

    out: list[tuple[str, str]] = []
    for name, by_gender in Detector().names.items():
        if set(by_gender) not in ({"male"}, {"female"}) or not _LATIN_NAME.match(name):
            continue
        codes = next(iter(by_gender.values()))
        best = max((int(ch, 16) for ch in codes if ch.strip()), default=0)
        if best >= MIN_FREQ:
            out.append((name, "m" if "male" in by_gender else "f"))
    return sorted(out)


def main() -> None:
    OUT.write_text("".join(f"{n}\t{g}\n" for n, g in genders()), encoding="utf-8")


if __name__ == "__main__":
    main()
