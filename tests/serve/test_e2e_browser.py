"""End to end in real headless Chromium (Debian's, driven by Playwright): search, speaker page,
article page, highlights, keyboard use, and that hostile article text runs nothing.

Screenshots go to tests/output/ for a human to look at.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from serve_samples import sample_docs

from newsgraph.serve import create_app
from newsgraph.store import open_store

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
OUTPUT = Path(__file__).resolve().parents[1] / "output"

playwright_sync = pytest.importorskip(
    "playwright.sync_api", reason="playwright (pip) is not installed"
)
if not Path(CHROMIUM).exists():
    pytest.skip(
        "chromium is not installed (apt-get install chromium)", allow_module_level=True
    )
uvicorn = pytest.importorskip("uvicorn")

BROWSER_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store = open_store(tmp_path_factory.mktemp("e2e") / "e2e.db")
    store.write(sample_docs())
    port = _free_port()
    config = uvicorn.Config(
        create_app(store), host="127.0.0.1", port=port, log_level="warning", access_log=False
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(5)
    store.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_sync.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):  # type: ignore[no-untyped-def]
    """A fresh page that records every dialog, page error and console error."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    pg = context.new_page()
    pg.events = {"dialogs": [], "errors": []}

    def on_dialog(dialog) -> None:  # type: ignore[no-untyped-def]
        pg.events["dialogs"].append(dialog.message)
        dialog.dismiss()

    pg.on("dialog", on_dialog)
    pg.on("pageerror", lambda exc: pg.events["errors"].append(str(exc)))
    pg.on(
        "console",
        lambda msg: pg.events["errors"].append(msg.text) if msg.type == "error" else None,
    )
    yield pg
    context.close()


def shot(pg, name: str) -> None:  # type: ignore[no-untyped-def]
    OUTPUT.mkdir(exist_ok=True)
    pg.screenshot(path=str(OUTPUT / f"{name}.png"), full_page=True)


def test_search_then_speaker_then_article(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(base_url + "/")
    assert page.title() == "Quotations · newsgraph"
    assert page.locator("li.quote").count() == 6
    shot(page, "index")

    page.keyboard.press("/")  # app.js: "/" focuses the search box
    assert page.evaluate("document.activeElement.id") == "q"
    page.keyboard.type("port")
    page.keyboard.press("Enter")
    page.wait_for_url("**/?q=port")  # empty filter fields are left out of the URL
    items = page.locator("li.quote")
    assert items.count() == 1
    mark = items.first.locator("mark.q")
    assert mark.inner_text() == "The port cannot run without us,"
    assert mark.get_attribute("title") == "Maria Santos (direct)"
    shot(page, "search")

    items.first.locator("a.speaker").click()
    page.wait_for_url("**/speaker/Maria%20Santos")
    assert page.locator("h1").inner_text() == "Maria Santos"
    assert page.locator("svg.timeline rect.bar").count() == 1
    assert page.locator("li.quote").count() == 2
    shot(page, "speaker")

    page.locator("li.quote a.article").first.click()
    page.wait_for_url("**/article/*")
    marks = page.locator("article.doc mark.q")
    assert marks.count() == 3
    assert marks.nth(2).inner_text() == "generous and final"
    assert marks.nth(2).get_attribute("title") == "Alan Brooks (partial)"
    labels = page.locator("article.doc span.who").all_inner_texts()
    assert labels == ["Maria Santos", "Maria Santos", "Alan Brooks"]
    # Highlights are reachable by keyboard; boilerplate is folded until opened.
    assert marks.first.get_attribute("tabindex") == "0"
    details = page.locator("details.boilerplate").first
    assert not details.locator("p").first.is_visible()
    details.locator("summary").click()
    assert details.locator("p").first.is_visible()
    shot(page, "article")

    page.locator("header.site nav a", has_text="API").click()
    page.wait_for_url("**/api")
    assert page.locator("h2 code", has_text="GET /api/quotes").count() == 1
    assert page.events == {"dialogs": [], "errors": []}


def test_hostile_article_runs_nothing(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(base_url + "/api/articles?q=library")
    aid = page.evaluate("JSON.parse(document.body.innerText).items[0].id")
    for path in ("/", "/speaker/Tom%20Kell%20%3Ci%3Ex%3C%2Fi%3E", f"/article/{aid}"):
        page.goto(base_url + path)
        page.wait_for_load_state("load")
        assert page.locator("img").count() == 0
        assert page.locator("main script, main b, main i").count() == 0
        scripts = page.evaluate("[...document.scripts].map(s => s.src)")
        assert scripts == [base_url + "/static/app.js"]
    text = page.locator("article.doc").inner_text()
    assert "<script>alert(1)</script>" in text  # shown as text, not run
    assert "<img src=x onerror=alert(3)>" in page.locator("mark.q").first.inner_text()
    shot(page, "hostile")
    assert page.events["dialogs"] == []
