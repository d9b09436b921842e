"""Generate a deterministic corpus of news-like articles for the benchmark.

Each article (~4 KB) recombines paragraphs and short lines of the example texts (examples/*.txt)
with paragraphs built from templates: plain reporting, quotations with varied cue patterns
(said/told/added, inverted cues, "according to", colon cues, multi-paragraph quotations, partial
and scare quotes, indirect speech), bylines, datelines, sub-headings and web boilerplate.
Article ``i`` depends only on (seed, i): a corpus of 500 is the first 500 of a corpus of 2,000.

Writes ``OUT/corpus-N/NNNNN.txt`` and ``OUT/corpus-N.jsonl`` (text, title, url, published,
publisher, authors — metadata on part of the lines so both code paths run) and a manifest.

    .venv/bin/python benchmarks/make_corpus.py --n 2000
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EXAMPLES = ROOT / "examples"
OUT = HERE / "out"
SEED = 20240601
VERSION = 2  # bump when the generator changes so run.py rebuilds stale corpora
TARGET_BYTES = 4000


def _words(text: str, sep: str = "|") -> tuple[str, ...]:
    """Word lists are written as one string to keep this file short."""
    return tuple(x for x in text.split(sep) if x)


FIRST = _words(
    "Anna James Maria David Elena Michael Sarah Thomas Olga Peter Laura Ahmed Fatima Carlos "
    "Yuki Kwame Ingrid Rajesh Sofia Daniel Amina Lucas Hannah Viktor Mei Omar Claire Pablo "
    "Nadia Samuel Irina George Leila Kenji Grace Mateo Zainab Hugo Ruth Ivan Aisha Felix",
    " ",
)
LAST = _words(
    "Smith Kowalski Fernandes Novak Haddad Okafor Lindqvist Tanaka Moreau Schneider Petrov "
    "Rossi Garcia Nguyen Mensah Johansson Castillo Weber Kuznetsova Brennan Dubois Sato "
    "Oyelaran Marchetti Hoffmann Silva Abramov Kaur Vandenberg O'Neill Lefebvre Horvat "
    "Al-Sayed Jensen Costa Ibrahim Morales Fischer Yilmaz Duarte",
    " ",
)
ROLES = _words(
    "Foreign Minister|Defence Minister|government spokesman|Prime Minister|Finance Minister|"
    "presidential spokeswoman|opposition leader|central bank governor|UN envoy|army chief|"
    "health minister|mayor|trade union leader|energy minister|senior diplomat"
)
ROLE_NOUNS = ("the minister", "the spokesman", "the diplomat", "the official", "the envoy")
ORGS = _words(
    "the Foreign Ministry|the Defence Ministry|the European Commission|the White House|"
    "the Kremlin|the United Nations|the World Health Organization|the central bank|NATO|"
    "the State Department|the Interior Ministry|the International Monetary Fund|the Red Cross"
)
OUTLETS = _words(
    "Reuters|AP|AFP|the Daily Ledger|Global Times Online|Northern Post|Capital Herald|"
    "Metro Tribune|Coastal Gazette|World Report Agency"
)
CITIES = _words(
    "LONDON|PARIS|BERLIN|WASHINGTON|MOSCOW|KYIV|BRUSSELS|ANKARA|TOKYO|NAIROBI|CAIRO|"
    "GENEVA|WARSAW|MADRID|ROME|BEIJING|NEW DELHI|SEOUL|ISTANBUL|VIENNA"
)
TOPICS = _words(
    "the ceasefire talks|the gas pipeline|the sanctions package|the grain deal|the budget|"
    "the border dispute|the new trade agreement|the election results|the refugee crisis|"
    "the nuclear plant|the peace plan|the prisoner exchange|the interest rate decision|"
    "the military exercises|the energy crisis"
)
PAST_CUES = _words(
    "said|added|stressed|noted|warned|insisted|explained|argued|emphasised|underlined|"
    "claimed|declared|replied"
)
CLAUSES = _words(
    "the government would not back down on {t}|there was no alternative to {t}|"
    "{t} had been agreed in principle|talks on {t} would resume next week|"
    "the country remained committed to {t}|{t} was a matter for parliament|"
    "the situation around {t} was extremely dangerous|{t} could not be discussed in public|"
    "more time was needed to study {t}|the other side had broken its promises on {t}"
)
QUOTES = _words(
    "We are ready to continue the dialogue, but only on equal terms|"
    "This is a very serious situation and we are watching it closely|"
    "Nobody should doubt our determination to defend our interests|"
    "The decision was taken after long and difficult consultations|"
    "We have not seen any progress so far, and we do not expect any soon|"
    "Of course, we will study every proposal that is put on the table|"
    "There is no question of accepting these conditions|"
    "Our partners know perfectly well what our position is|"
    "It is too early to talk about results, the work is still going on|"
    "We call on all sides to show restraint and to return to negotiations|"
    "The numbers speak for themselves: exports fell by {n} percent last year|"
    "I don't think anyone is interested in an escalation|"
    "This will cost our economy at least {n} billion dollars|"
    "We have done everything we could, now it is their turn"
)
PHRASES = _words(
    "a dangerous precedent|an unacceptable provocation|a step in the right direction|"
    "deeply regrettable|a historic mistake|completely unfounded|an act of desperation|"
    "a matter of principle"
)
SCARE = _words("experts|peacekeepers|referendum|reforms|volunteers|special operation|elections")
HEADINGS = _words(
    "What happens next|Reaction abroad|Talks on hold|Economic impact|Background|"
    "A difficult winter|Pressure mounts|Divided opinion|The numbers behind the crisis"
)
BOILER_TOP = _words(
    "Advertisement|Skip to main content|Menu|Home › World › Politics|Live TV|"
    "{weekday}, {date}|Updated {date}|Last updated: {date}|Sign in|Subscribe"
)
BOILER_BOTTOM = _words(
    "Read more: {title}|Related: {title}|See also: {title}|Share this article|"
    "Subscribe to our newsletter for the latest updates.|"
    "© {year} {outlet}. All rights reserved.|Photo: {first} {last} / {outlet}|"
    "Click here to follow us on social media.|Most popular|Latest stories|"
    "We use cookies to improve your experience on our site.|Source link|Advertisement|"
    "This article was originally published on {outlet}."
)
NARRATIVE = _words(
    "The meeting in {city} lasted more than {n} hours and ended without a joint statement.|"
    "{org_cap} has been under pressure since {month}, when {topic} first became public.|"
    "Analysts expect {topic} to dominate the agenda of the summit next month.|"
    "Protesters gathered outside the parliament building on {weekday}, carrying banners.|"
    "The figures, published on {weekday}, showed a sharp rise in prices over the winter.|"
    "It was not immediately clear how {topic} would affect the negotiations.|"
    "{first} {last}, who took office in {year}, has repeatedly clashed with rivals over {topic}.|"
    "The {n}-member committee is expected to vote on the proposal before the end of {month}.|"
    "Trading in {city} was subdued, with shares in energy companies down {n} percent.|"
    "Officials in {city} have not published a timetable for {topic}.|"
    "The dispute over {topic} dates back to {year} and has strained ties between the two.|"
    "Several roads in the city centre were closed for the visit, police said."
)
OPEN_Q = (("“", "”"), ('"', '"'))


@dataclass(frozen=True, slots=True)
class Pools:
    """Text recombined from the example articles, split by line shape."""

    paragraphs: tuple[str, ...]
    short_lines: tuple[str, ...]


_SENT_END = re.compile(r"[.!?…”\"’)]$")


def load_pools(folder: Path = EXAMPLES) -> Pools:
    """Long lines ending like sentences are paragraphs; short ones are titles/junk material."""
    paragraphs: list[str] = []
    short: list[str] = []
    for path in sorted(folder.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if len(line) >= 120 and _SENT_END.search(line):
                paragraphs.append(line)
            elif 3 <= len(line) < 120:
                short.append(line)
    if not paragraphs:
        paragraphs = ["The meeting ended without an agreement, officials said on Tuesday."]
    return Pools(tuple(paragraphs), tuple(short))


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


class ArticleMaker:
    """Builds article ``i`` from its own random generator."""

    def __init__(self, pools: Pools, i: int, seed: int = SEED) -> None:
        self.pools = pools
        self.i = i
        self.r = random.Random(seed * 1_000_003 + i)
        r = self.r
        self.people = [(r.choice(FIRST), r.choice(LAST), r.choice(ROLES)) for _ in range(3)]
        self.org = r.choice(ORGS)
        self.outlet = r.choice(OUTLETS)
        self.date = dt.date(2021, 1, 1) + dt.timedelta(days=r.randrange(1400))
        self.marks = OPEN_Q[0] if r.random() < 0.75 else OPEN_Q[1]

    # ---------------------------------------------------------------- small pieces
    def person(self, k: int | None = None) -> tuple[str, str, str]:
        return self.people[self.r.randrange(3) if k is None else k]

    def quote_text(self) -> str:
        return self.r.choice(QUOTES).format(n=self.r.randint(2, 95))

    def clause(self) -> str:
        return self.r.choice(CLAUSES).format(t=self.r.choice(TOPICS))

    def q(self, words: str, tail: str = ",") -> str:
        o, c = self.marks
        return f"{o}{words}{tail}{c}"

    def title(self) -> str:
        r = self.r
        first, last, role = self.person(0)
        forms = [
            f"{last} warns over {r.choice(TOPICS)[4:]}",
            f"{_cap(role)} {first} {last} rejects calls to resign",
            f"{_cap(r.choice(ORGS))} says {self.clause()}",
            f"{last}: ‘{r.choice(PHRASES).capitalize()}’",
            f"Talks on {r.choice(TOPICS)[4:]} stall as deadline nears",
        ]
        if self.pools.short_lines and r.random() < 0.3:
            forms.append(r.choice(self.pools.short_lines))
        return r.choice(forms)

    # ---------------------------------------------------------------- paragraphs
    def quote_paragraph(self) -> list[str]:
        r = self.r
        first, last, role = self.person()
        qt = self.quote_text()
        verb = r.choice(PAST_CUES)
        kind = r.randrange(11)
        if kind == 0:
            return [f"{self.q(qt)} {last} {verb}."]
        if kind == 1:
            return [f"{self.q(qt)} said {role} {first} {last} at a briefing in {self.city()}."]
        if kind == 2:
            return [f"{first} {last} {verb}: {self.q(qt, '.')}"]
        if kind == 3:
            return [f"{self.q(qt)} he {verb}.", f"{self.q(self.quote_text(), '.')}"]
        if kind == 4:
            return [f"{self.q(qt)} has claimed {r.choice(ROLE_NOUNS)}."]
        if kind == 5:
            return [f"{last} told {self.outlet} that {self.clause()}."]
        if kind == 6:
            return [f"According to {first} {last}, {self.clause()}."]
        if kind == 7:
            return [f"{_cap(self.org)} said in a statement that {self.clause()}."]
        if kind == 8:  # multi-paragraph quotation: the first paragraph stays open
            o, _ = self.marks
            return [f"{o}{qt}.", f"{self.q(self.quote_text())} {last} {verb}."]
        if kind == 9:
            phrase = r.choice(PHRASES)
            return [f"{last} called the move {self.q(phrase, '')} and {verb} that {self.clause()}."]
        term = r.choice(SCARE)
        return [f"Critics dismissed the so-called {self.q(term, '')} as {r.choice(PHRASES)}."]

    def narrative(self) -> list[str]:
        """A plain reporting paragraph of 2-4 sentences with no quotation."""
        r = self.r
        first, last, _ = self.person()
        fill = {
            "city": self.city(),
            "n": r.randint(2, 60),
            "org_cap": _cap(self.org),
            "month": r.choice(("January", "March", "May", "July", "September", "November")),
            "topic": r.choice(TOPICS),
            "weekday": f"{self.date:%A}",
            "first": first,
            "last": last,
            "year": self.date.year - r.randint(1, 6),
        }
        picked = r.sample(NARRATIVE, r.randint(2, 4))
        return [" ".join(t.format(**fill) for t in picked)]

    def city(self) -> str:
        return self.r.choice(CITIES).title()

    def lead(self) -> str:
        r = self.r
        first, last, role = self.person(0)
        dateline = r.choice(
            [
                f"{r.choice(CITIES)} ({r.choice(OUTLETS[:3])}) — ",
                f"{r.choice(CITIES)}, {self.date:%B} {self.date.day} — ",
                "",
            ]
        )
        return (
            f"{dateline}{_cap(role)} {first} {last} said on {self.date:%A} that "
            f"{self.clause()}, in remarks made {r.randint(2, 40)} hours after the news about "
            f"{r.choice(TOPICS)} broke (ref. {self.i})."
        )

    def boiler(self, templates: list[str], title: str) -> str:
        first, last, _ = self.person(1)
        return self.r.choice(templates).format(
            weekday=f"{self.date:%A}",
            date=f"{self.date:%B} {self.date.day}, {self.date.year}",
            title=title,
            year=self.date.year,
            outlet=self.outlet,
            first=first,
            last=last,
        )

    # ---------------------------------------------------------------- the article
    def build(self) -> dict[str, object]:
        r = self.r
        title = self.title()
        lines: list[str] = []
        for _ in range(r.choice((0, 0, 1, 2))):
            lines.append(self.boiler(BOILER_TOP, title))
        lines.append(title)
        if r.random() < 0.3:
            lines.append(self.q(self.quote_text(), ""))  # a quotation as dek
        author = f"{r.choice(FIRST)} {r.choice(LAST)}"
        byline = r.choice([f"By {author}", f"By {author}, {self.outlet}", author, ""])
        if byline:
            lines.append(byline)
        if r.random() < 0.5:
            lines.append(f"{self.date:%b} {self.date.day}, {self.date.year}")
        lines.append(self.lead())
        size = sum(len(x) + 2 for x in lines)
        target = r.randint(int(TARGET_BYTES * 0.8), int(TARGET_BYTES * 1.1))
        while size < target:
            roll = r.random()
            if roll < 0.38:
                new = [r.choice(self.pools.paragraphs)]
            elif roll < 0.68:
                new = self.quote_paragraph()
            elif roll < 0.93:
                new = self.narrative()
            elif roll < 0.97:
                new = [r.choice(HEADINGS)]
            else:
                new = [
                    self.boiler(["Advertisement", "- Advertisement -", "Read more: {title}"], title)
                ]
            lines.extend(new)
            size += sum(len(x.encode()) + 2 for x in new)
        for _ in range(r.choice((0, 1, 2, 3))):
            lines.append(self.boiler(BOILER_BOTTOM, title))
        sep = r.choice(("\n", "\n\n", "\n\n", "\n\n\n"))
        text = sep.join(lines) + "\n"
        meta: dict[str, object] = {"url": f"https://news.example/{self.date:%Y/%m}/{self.i}"}
        if r.random() < 0.5:
            meta.update(
                title=title,
                published=self.date.isoformat(),
                publisher=self.outlet,
                authors=[author] if byline else [],
            )
        return {"id": f"bench-{self.i:05d}", "text": text, **meta}


def corpus_dir(n: int, out: Path = OUT) -> Path:
    return out / f"corpus-{n}"


def jsonl_path(n: int, out: Path = OUT) -> Path:
    return out / f"corpus-{n}.jsonl"


def manifest_path(n: int, out: Path = OUT) -> Path:
    """Beside the folder, not in it: ingesting the folder must see only articles."""
    return out / f"corpus-{n}.manifest.json"


def manifest_ok(n: int, out: Path = OUT) -> bool:
    """True when the corpus for ``n`` exists and was made by this generator version."""
    path = manifest_path(n, out)
    if not corpus_dir(n, out).is_dir() or not jsonl_path(n, out).is_file():
        return False
    try:
        data = json.loads(path.read_text())
    except (OSError, ValueError):
        return False
    return data.get("n") == n and data.get("version") == VERSION and data.get("seed") == SEED


def make_corpus(n: int = 2000, out: Path = OUT, seed: int = SEED) -> Path:
    """Write the txt folder and the JSONL file for ``n`` articles; returns the folder."""
    pools = load_pools()
    folder = corpus_dir(n, out)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    total = 0
    with open(jsonl_path(n, out), "w", encoding="utf-8") as jl:
        for i in range(n):
            item = ArticleMaker(pools, i, seed).build()
            text = str(item["text"])
            (folder / f"{i:05d}.txt").write_text(text, encoding="utf-8")
            jl.write(json.dumps(item, ensure_ascii=False) + "\n")
            total += len(text.encode())
    manifest = {"n": n, "seed": seed, "version": VERSION, "bytes": total}
    manifest_path(n, out).write_text(json.dumps(manifest))
    return folder


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000, help="number of articles (default 2000)")
    ap.add_argument("--out", type=Path, default=OUT, help="output folder (benchmarks/out)")
    args = ap.parse_args(argv)
    started = time.perf_counter()
    folder = make_corpus(args.n, args.out)
    took = time.perf_counter() - started
    size = json.loads(manifest_path(args.n, args.out).read_text())["bytes"]
    print(
        f"wrote {args.n} articles ({size / args.n / 1000:.1f} KB average) to {folder} "
        f"and {jsonl_path(args.n, args.out)} in {took:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
