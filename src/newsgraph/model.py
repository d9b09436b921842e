"""The data model every stage shares.

Everything that points into an article carries a :class:`Span` into the article's *raw* text
(``Article.text``), never into a cleaned copy, so any result can be highlighted in its source.
Values are frozen dataclasses: a stage returns new values instead of mutating the previous stage's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Half-open character range ``[start, end)`` into an article's raw text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span {self.start}:{self.end}")

    def of(self, text: str) -> str:
        return text[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


# --------------------------------------------------------------------------- ingest


@dataclass(frozen=True, slots=True)
class Record:
    """One article as a source yielded it, before any cleaning.

    ``text`` is None when the source could not produce text; ``error`` then says why
    (empty, binary, undecodable, too large, malformed JSON ...). ``source`` names where it
    came from (file path, ``path:line`` for JSONL, URL) so errors can be reported per document.
    """

    source: str
    text: str | None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    publisher: str | None = None
    authors: tuple[str, ...] = ()
    metadata: dict[str, Any] = field(default_factory=dict)
    error: str | None = None


# --------------------------------------------------------------------------- clean


class LineRole(StrEnum):
    """What a line of the raw text is, as decided by the cleaner."""

    TITLE = "title"
    DEK = "dek"  # standfirst / sub-title right under the title
    HEADING = "heading"  # sub-heading inside the body
    BODY = "body"
    BYLINE = "byline"
    DATELINE = "dateline"  # a line stating the publication date
    BOILERPLATE = "boilerplate"  # ads, widgets, crawl dates, "Source link", credits ...


@dataclass(frozen=True, slots=True)
class Line:
    span: Span
    role: LineRole
    reason: str = ""  # why the cleaner gave it this role (for debugging and the web page)


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: metadata plus the role of every non-blank line of the raw text."""

    id: str  # stable hash of the normalised body text
    text: str  # the raw text, exactly as ingested
    source: str
    title: str | None = None
    title_span: Span | None = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    published: dt.date | None = None
    published_from: str | None = None  # "metadata", "dateline", ... or None
    url: str | None = None
    language: str = "en"
    lines: tuple[Line, ...] = ()
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def body_spans(self) -> tuple[Span, ...]:
        """Spans of text that is article content: body paragraphs and sub-headings."""
        return tuple(
            ln.span for ln in self.lines if ln.role in (LineRole.BODY, LineRole.HEADING)
        )

    def lines_with(self, *roles: LineRole) -> tuple[Line, ...]:
        return tuple(ln for ln in self.lines if ln.role in roles)

    @property
    def body_text(self) -> str:
        """Body paragraphs joined by blank lines (for display and hashing; not for offsets)."""
        return "\n\n".join(s.of(self.text) for s in self.body_spans)


@dataclass(frozen=True, slots=True)
class Failure:
    """A record that could not become an article, with the reason."""

    source: str
    error: str


# --------------------------------------------------------------------------- annotate


class EntityType(StrEnum):
    PERSON = "PERSON"
    ORG = "ORG"
    GPE = "GPE"  # states, cities, regions
    MISC = "MISC"


@dataclass(frozen=True, slots=True)
class Mention:
    """A span naming an entity, with the actor it links to (when linking has run)."""

    span: Span
    text: str
    type: EntityType
    actor_id: str | None = None
    link: str | None = None  # how: "alias", "role@date", "coref", "local"
    canonical: str | None = None  # fullest form of the name in the article or KB name


# --------------------------------------------------------------------------- extract


class QuoteKind(StrEnum):
    DIRECT = "direct"  # a full quotation with its cue
    PARTIAL = "partial"  # a quoted phrase inside a sentence
    INDIRECT = "indirect"  # reported speech: "X said (that) ..."
    CONTINUATION = "continuation"  # a quotation paragraph with no cue of its own
    HEADING = "heading"  # a quotation standing as title, dek or sub-heading
    SCARE = "scare"  # quotation marks around a term nobody is quoted as saying


@dataclass(frozen=True, slots=True)
class Quote:
    span: Span  # the quoted words (inside the marks for direct quotes; the clause for indirect)
    text: str
    kind: QuoteKind
    cue: Span | None = None  # the speech verb ("said", "told", "has claimed")
    speaker_span: Span | None = None  # the mention of the speaker the cue attaches to
    speaker_text: str | None = None  # the speaker as written there ("he", "the Kremlin spokesman")
    speaker: str | None = None  # canonical: fullest form of that speaker in the article
    speaker_actor_id: str | None = None
    confidence: float = 0.0
    evidence: str = ""  # which rule attributed it, for users and debugging


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom: one PLOVER-coded event found in a sentence.

    ``type`` is one of the 16 PLOVER event types ("CONSULT", "ACCUSE" ...), ``mode`` the PLOVER
    mode where one applies ("phone", "allege" ...) or "". A statement is itself an event: when the
    trigger sits inside a quotation, ``quote`` is that quotation's span and the speaker can be the
    actor. ``negated`` events did not happen ("would not hold talks"); ``hypothetical`` ones are
    conditional ("would be prepared to"), ``future`` ones announced ("plans to", "will").
    ``date`` is the day the sentence says (resolved against publication) or the publication date;
    ``date_text`` is the expression it came from, "published" when none.
    """

    type: str
    trigger: Span
    sentence: Span
    mode: str = ""
    actor_text: str | None = None
    actor_span: Span | None = None
    actor_id: str | None = None
    actor_country: str | None = None  # ISO 3166 alpha-3
    actor_sector: str = ""
    recipient_text: str | None = None
    recipient_span: Span | None = None
    recipient_id: str | None = None
    recipient_country: str | None = None
    recipient_sector: str = ""
    contexts: tuple[str, ...] = ()
    quote: Span | None = None
    date: dt.date | None = None
    date_text: str | None = None
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    confidence: float = 0.0
    evidence: str = ""


@dataclass(frozen=True, slots=True)
class Document:
    """An article with everything the pipeline found in it."""

    article: Article
    sentences: tuple[Span, ...] = ()
    mentions: tuple[Mention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()


# --------------------------------------------------------------------------- knowledge base
# (owned by the kb stage: newsgraph.kb loads these from kb/data/*.csv)


@dataclass(frozen=True, slots=True)
class Role:
    """An office an actor held, with dates: who "the Russian president" was on a given day.

    ``role_key`` is ``"<owner>:<office>"`` where owner is an ISO 3166 alpha-3 code or an
    organisation code ("RUS:president", "UKR:foreign_minister", "NATO:secretary_general").
    ``start``/``end`` are the first/last day as far as known; a partial date in the data
    ("2014-05", "2014") is kept exact in ``start_text``/``end_text`` (see kb/data/README.md).
    ``end`` None means still in office (as of the data) — unless ``checked`` says up to which
    day that was verified.
    """

    title: str
    role_key: str
    country: str | None = None  # ISO 3166 alpha-3, None for international organisations
    start: dt.date | None = None
    end: dt.date | None = None
    source: str = ""
    start_text: str = ""
    end_text: str = ""
    checked: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical person, organisation or state in the knowledge base.

    ``country`` is an ISO 3166 alpha-3 code ("RUS", "USA"), None for international bodies.
    ``sector``: "government", "military", "business", "media", "international",
    "civil society", "armed group", "religion", "politics" ...
    """

    id: str  # stable slug: "dmitry-peskov", "kremlin", "state-RUS"
    name: str
    kind: str  # "person" | "organisation" | "state"
    country: str | None = None
    sector: str = ""
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    source: str = ""
    wikidata: str | None = None
