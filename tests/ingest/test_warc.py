"""WARC archives: written here with warcio (independent of the reader), read with iter_warc."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.archiveiterator import ArchiveIterator as WarcioIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.ingest.warc import WarcStats, iter_warc, warc_response

HTML_DIR = Path(__file__).parent.parent / "fixtures" / "html"
PAGE = (HTML_DIR / "harbour_strike.html").read_bytes()
PAGE_CP1252 = (HTML_DIR / "water_plan_cp1252.html").read_bytes()


def _record(
    kind: str, url: str, body: bytes, status: str = "", headers: list | None = None
) -> bytes:
    """One WARC record (a gzip member) written by warcio."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    http = StatusAndHeaders(status, headers or [], protocol="HTTP/1.1") if status else None
    if kind == "request":
        http = StatusAndHeaders("GET / HTTP/1.1", headers or [], is_http_request=True)
    rec = writer.create_warc_record(
        url,
        kind,
        payload=io.BytesIO(body),
        http_headers=http,
        warc_headers_dict={"WARC-Date": "2023-03-20T10:15:00Z"},
    )
    writer.write_record(rec)
    return buf.getvalue()


def archive_members() -> list[bytes]:
    html = [("Content-Type", "text/html; charset=utf-8")]
    return [
        _record("request", "https://herald.example/business/dock-strike", b""),
        _record("response", "https://herald.example/business/dock-strike", PAGE, "200 OK", html),
        _record(
            "response",
            "https://herald.example/files/annual-report.pdf",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
            "200 OK",
            [("Content-Type", "application/pdf")],
        ),
        _record(
            "response", "https://herald.example/old", b"<html>gone</html>", "404 Not Found", html
        ),
        _record(
            "response",
            "https://valley.example/farming/water-plan",
            gzip.compress(PAGE_CP1252, mtime=0),
            "200 OK",
            [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
        ),
    ]


MEMBERS = archive_members()
ARCHIVE = b"".join(MEMBERS)
BOUNDARIES = {sum(len(m) for m in MEMBERS[:i]) for i in range(len(MEMBERS) + 1)}


def write(tmp_path: Path, data: bytes, name: str = "crawl.warc.gz") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_html_responses_become_records(tmp_path: Path) -> None:
    stats = WarcStats()
    records = list(iter_warc(write(tmp_path, ARCHIVE), stats=stats))
    assert [r.url for r in records] == [
        "https://herald.example/business/dock-strike",
        "https://valley.example/farming/water-plan",
    ]
    strike, water = records
    assert (
        strike.error is None and strike.title == "Dock workers vote to strike over pay, union says"
    )
    assert strike.published == "2023-03-14" and strike.publisher == "The Coastal Herald"
    assert strike.metadata["fetched"] == "2023-03-20T10:15:00Z"
    assert strike.source == f"{tmp_path / 'crawl.warc.gz'}:{len(MEMBERS[0])}"
    assert strike.metadata["warc"]["offset"] == len(MEMBERS[0])
    assert "Cookie" not in (strike.text or "") and "Most read" not in (strike.text or "")
    assert water.error is None and "“We cannot keep pretending" in (water.text or "")
    assert stats.skipped == {
        "request record": 1,
        "non-HTML payload (application/pdf)": 1,
        "HTTP 404": 1,
    }
    assert stats.records == 5 and stats.yielded == 2 and stats.errors == 0


def test_uncompressed_warc_reads_the_same(tmp_path: Path) -> None:
    plain = b"".join(gzip.decompress(m) for m in MEMBERS)
    records = list(iter_warc(write(tmp_path, plain, "crawl.warc")))
    assert [r.title for r in records] == [
        "Dock workers vote to strike over pay, union says",
        "Minister defends water plan as farmers protest",
    ]


def test_truncated_copy_yields_one_error_and_stops(tmp_path: Path) -> None:
    cut = len(ARCHIVE) - len(MEMBERS[-1]) // 2  # half of the last page is missing
    records = list(iter_warc(write(tmp_path, ARCHIVE[:cut])))
    assert [r.error for r in records[:1]] == [None]
    assert len(records) == 2 and records[1].text is None
    assert "truncated" in (records[1].error or "")


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cut=st.integers(min_value=0, max_value=len(ARCHIVE)), compressed=st.booleans())
def test_any_cut_is_whole_records_then_at_most_one_error(
    tmp_path: Path, cut: int, compressed: bool
) -> None:
    if compressed:
        data, boundaries = ARCHIVE[:cut], BOUNDARIES
    else:
        plains = [gzip.decompress(m) for m in MEMBERS]
        full = b"".join(plains)
        cut = cut * len(full) // len(ARCHIVE)
        data = full[:cut]
        ends = {sum(len(p) for p in plains[:i]) for i in range(len(plains) + 1)}
        boundaries = {e - k for e in ends for k in range(5)}  # a record's closing CRLFs are slack
    full_ok = [r.url for r in iter_warc(write(tmp_path, ARCHIVE))]
    records = list(iter_warc(write(tmp_path, data, "cut.warc")))
    good = [r.url for r in records if r.error is None]
    errors = [r for r in records if r.error is not None]
    assert good == full_ok[: len(good)]
    assert len(errors) == (0 if cut in boundaries else 1)
    assert all(r is records[-1] for r in errors)  # the error, if any, ends the file


def test_corrupt_middle_yields_error_and_stops(tmp_path: Path) -> None:
    data = MEMBERS[1] + b"this is not a gzip member at all" * 4 + MEMBERS[4]
    records = list(iter_warc(write(tmp_path, data)))
    assert records[0].error is None
    assert len(records) == 2 and "corrupt WARC" in (records[1].error or "")


def test_missing_and_non_warc_files_are_error_records(tmp_path: Path) -> None:
    missing = list(iter_warc(tmp_path / "nope.warc.gz"))
    assert len(missing) == 1 and "cannot open WARC" in (missing[0].error or "")
    not_warc = list(iter_warc(write(tmp_path, PAGE, "page.warc")))
    assert len(not_warc) == 1 and not_warc[0].text is None and not_warc[0].error


def test_writer_round_trips_through_both_readers(tmp_path: Path) -> None:
    when = dt.datetime(2024, 5, 2, 9, 30, tzinfo=dt.UTC)
    data = warc_response(
        "https://herald.example/a", PAGE, date=when, record_id="<urn:uuid:0000-a>"
    ) + warc_response(
        "https://herald.example/b",
        b"<html><body>missing</body></html>",
        status=404,
        reason="Not Found",
        date=when,
        record_id="<urn:uuid:0000-b>",
    )
    path = write(tmp_path, data)
    ours = list(iter_warc(path))
    assert [(r.url, r.metadata["fetched"]) for r in ours] == [
        ("https://herald.example/a", "2024-05-02T09:30:00Z")
    ]
    with path.open("rb") as stream:
        theirs = [
            (r.rec_headers.get_header("WARC-Target-URI"), r.http_headers.get_statuscode())
            for r in WarcioIterator(stream)
        ]
    assert theirs == [("https://herald.example/a", "200"), ("https://herald.example/b", "404")]


@pytest.mark.parametrize("compress", [True, False])
def test_writer_is_deterministic(compress: bool) -> None:
    when = dt.datetime(2024, 5, 2, 9, 30, tzinfo=dt.UTC)
    kwargs = {"date": when, "record_id": "<urn:uuid:1>", "compress": compress}
    assert warc_response("https://x.example/", PAGE, **kwargs) == warc_response(
        "https://x.example/", PAGE, **kwargs
    )


def _make_warc_module() -> object:
    import importlib.util

    path = Path(__file__).parents[2] / "benchmarks" / "make_warc.py"
    spec = importlib.util.spec_from_file_location("make_warc", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


def test_benchmark_archive_is_deterministic_and_readable(tmp_path: Path) -> None:
    make_warc = _make_warc_module()
    first = make_warc.write_warc(20, out_dir=tmp_path / "a")  # type: ignore[attr-defined]
    second = make_warc.write_warc(20, out_dir=tmp_path / "b")  # type: ignore[attr-defined]
    assert first.read_bytes() == second.read_bytes()
    stats = WarcStats()
    records = list(iter_warc(first, stats=stats))
    assert len(records) == 20 and all(r.error is None for r in records)
    assert all(r.title and r.publisher and r.url for r in records)
    assert stats.skipped == {
        "request record": 2,
        "HTTP 404": 1,
        "non-HTML payload (application/pdf)": 1,
    }
    for record in records:  # the page furniture never reaches the text
        text = record.text or ""
        for junk in ("We use cookies", "Sign up for our daily briefing", "All rights reserved"):
            assert junk not in text
        assert "app-state" not in text and '"blocks"' not in text
