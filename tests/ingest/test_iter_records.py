"""iter_records: paths, folders, globs, stdin, and bad input as error Records (never raised)."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from newsgraph.ingest import iter_records, read_stream
from newsgraph.model import Record

ARTICLE = "Council passes budget\n\nThe city council approved the budget on Tuesday.\r\n"


def records(*inputs: str | Path, **kw: int) -> list[Record]:
    return list(iter_records([str(i) for i in inputs], **kw))


def test_text_file_is_one_article_with_raw_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(ARTICLE.encode())
    (rec,) = records(path)
    assert rec.error is None
    assert rec.text == ARTICLE  # \r\n kept: offsets point into the raw text
    assert rec.source == str(path)


def test_utf8_bom_and_legacy_encoding(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + "Café news today".encode())
    legacy = "Le café est fermé depuis lundi, a déclaré le maire de la ville à la presse."
    (tmp_path / "cp.txt").write_bytes(((legacy + "\n") * 3).encode("cp1252"))
    bom, cp = records(tmp_path / "bom.txt", tmp_path / "cp.txt")
    assert bom.text == "Café news today"
    assert cp.error is None and cp.text is not None and "café" in cp.text


def test_folder_is_recursive_sorted_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    for rel in ("b/2.txt", "a.txt", "b/1.txt", ".hidden.txt", ".git/x.txt"):
        (tmp_path / rel).write_text(f"Article {rel}")
    got = [Path(r.source).relative_to(tmp_path).as_posix() for r in records(tmp_path)]
    assert got == ["a.txt", "b/1.txt", "b/2.txt"]


def test_glob_and_missing_inputs(tmp_path: Path) -> None:
    for name in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / name).write_text(f"Article {name}")
    got = records(tmp_path / "x*.txt", tmp_path / "nothing*.txt", tmp_path / "missing.txt")
    assert [Path(r.source).name for r in got[:2]] == ["x1.txt", "x2.txt"]
    assert got[2].text is None and got[2].error and "glob matches nothing" in got[2].error
    assert got[3].text is None and got[3].error and "no such file" in got[3].error


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\n\t ", "empty"),
        (b"\x00\x01\x02binary\x00junk" * 10, "binary"),
        (bytes(range(1, 9)) * 50, "binary"),
    ],
)
def test_bad_files_become_error_records(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    (rec,) = records(path)
    assert rec.text is None
    assert rec.error is not None and reason in rec.error


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 100)
    (rec,) = records(path, max_bytes=100)
    assert rec.text is None and rec.error and "too large" in rec.error


def test_unreadable_path_is_an_error_record(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Article")
    path.chmod(0)
    try:
        (rec,) = records(path)
        if rec.text is not None:  # running as root: permissions do not apply
            pytest.skip("permissions not enforced for this user")
        assert rec.error and "unreadable" in rec.error
    finally:
        path.chmod(0o644)


def test_jsonl_fields_errors_and_line_numbers(tmp_path: Path) -> None:
    rows = [
        json.dumps(
            {
                "body": ARTICLE,
                "title": "Council passes budget",
                "link": "https://example.org/a",
                "date": "2023-03-03",
                "site": "Example News",
                "author": "Jane Doe",
                "lang": "en",
            }
        ),
        "",
        "{not json",
        json.dumps({"title": "no text here"}),
        json.dumps({"content": "Short text.", "authors": ["A B", {"name": "C D"}]}),
        json.dumps(["a", "list"]),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(rows) + "\n")
    got = records(path)
    assert [r.source.rsplit(":", 1)[1] for r in got] == ["1", "3", "4", "5", "6"]
    first = got[0]
    assert first.text == ARTICLE
    assert (first.title, first.url, first.published) == (
        "Council passes budget",
        "https://example.org/a",
        "2023-03-03",
    )
    assert (first.publisher, first.authors, first.metadata) == (
        "Example News",
        ("Jane Doe",),
        {"lang": "en"},
    )
    assert got[1].text is None and got[1].error and "malformed JSON" in got[1].error
    assert got[2].error and "no text" in got[2].error
    assert got[3].authors == ("A B", "C D")
    assert got[4].error and "not a JSON object" in got[4].error


def test_stdin_jsonl_and_text(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b'\n  {"text": "One."}\n{"text": "Two."}\n'
    got = list(read_stream(io.BytesIO(data), "<stdin>"))
    assert [r.text for r in got] == ["One.", "Two."]
    assert [r.source for r in got] == ["<stdin>:2", "<stdin>:3"]

    class FakeStdin:
        buffer = io.BytesIO(ARTICLE.encode())

    monkeypatch.setattr(sys, "stdin", FakeStdin())
    (rec,) = records("-")
    assert (rec.source, rec.text) == ("<stdin>", ARTICLE)


def test_html_dispatch_never_raises(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(b"<html><body><h1>Title</h1><p>Some text here.</p></body></html>")
    (rec,) = records(path)
    assert rec.source.startswith(str(path))
    assert rec.text is not None or rec.error  # parsed by ingest.html, or a clear reason


def test_single_path_and_pathlike_inputs(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    assert [r.text for r in iter_records(str(path))] == [ARTICLE]
    assert [r.text for r in iter_records([path])] == [ARTICLE]


def test_text_only_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO('{"text": "One."}\n'))
    (rec,) = records("-")
    assert (rec.source, rec.text) == ("<stdin>:1", "One.")
