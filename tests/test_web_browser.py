"""End to end in a real headless Chromium: paste the seed, see the highlights and chips, open an entity page.

Screenshots go to tests/out/ (not committed). Skipped when Chromium or Playwright is not installed.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("RASD_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
OUT = Path(__file__).parent / "out"
TOKEN = "browser-token"

if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
    pytest.skip(f"chromium not found at {CHROMIUM}", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory, seed_text: str) -> Iterator[str]:
    """``rasd serve`` on loopback with a corpus holding the seed, so entity pages have something to show."""
    port = free_port()
    db = tmp_path_factory.mktemp("browser") / "corpus.db"
    cmd = [sys.executable, "-c", "from rasd.cli import main; main()", "serve", "--port", str(port)]
    cmd += ["--db", f"sqlite:///{db}", "--token", TOKEN, "--log-level", "warning"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/api/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError("the server did not start") from None
                time.sleep(0.2)
        seed = {"text": seed_text, "published": "2021-12-30", "title": "اتصال بايدن وبوتين"}
        r = httpx.post(
            base + "/api/documents",
            json={"documents": [seed]},
            headers={"Authorization": f"Bearer {TOKEN}"},
            timeout=120,
        )
        assert r.status_code == 201, r.text
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.fixture(scope="module")
def browser() -> Iterator:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser, server: str):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="ar")
    pg = context.new_page()
    outside: list[str] = []
    pg.on("request", lambda req: outside.append(req.url) if not req.url.startswith(server) else None)
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.outside_requests = outside
    pg.dialogs = dialogs
    yield pg
    context.close()
    assert outside == [], "the page loaded something not served by rasd"
    assert dialogs == [], "a script from article text ran"


def analyze(page, server: str, text: str) -> None:
    page.goto(server + "/")
    page.fill("#text", text)
    page.fill("input[name=published]", "2021-12-30")
    with page.expect_navigation():
        page.click("#analyze-btn")


def test_seed_is_highlighted_with_entities_quotes_and_dates(page, server: str, seed_text: str) -> None:
    OUT.mkdir(exist_ok=True)
    analyze(page, server, seed_text)
    article = page.locator("#article")
    assert article.locator("mark.ent").count() > 10
    assert article.locator("mark.ent-PER").count() > 0 and article.locator("mark.ent-LOC").count() > 0
    chips = article.locator(".chip")
    assert chips.count() > 0
    assert article.locator(".tx[data-tip]").count() > 0
    assert page.locator(".blk-boilerplate").count() > 0
    # The text shown is the article: every block's text, chips aside, is a stretch of the seed.
    for text in page.locator("#article .blk").evaluate_all(
        "els => els.map(e => { const c = e.cloneNode(true); c.querySelectorAll('.chip').forEach(x => x.remove());"
        " return c.textContent; })"
    ):
        assert text in seed_text
    # English names beside the Arabic ones, and the digest.
    assert "Vladimir Putin" in page.locator("#entities").inner_text()
    assert page.locator("#quotes .quote-item").count() == chips.count()
    page.screenshot(path=str(OUT / "analyze_seed.png"))
    page.screenshot(path=str(OUT / "analyze_seed_full.png"), full_page=True)

    # Hovering a date shows its normalized value.
    tx = article.locator(".tx[data-tip]").first
    tx.hover()
    assert page.evaluate("el => getComputedStyle(el, '::after').content", tx.element_handle()) != "none"

    # Pointing at a mention lights up the entity's other mentions.
    first = article.locator("mark.ent").first
    first.hover()
    assert article.locator("mark.ent.lit").count() >= 1


def test_entity_page_from_the_analysis(page, server: str, seed_text: str) -> None:
    OUT.mkdir(exist_ok=True)
    analyze(page, server, seed_text)
    link = page.locator("#entities a.ent-link", has_text="بوتين").first
    with page.expect_navigation():
        link.click()
    assert "/entity/" in page.url
    assert "Vladimir Putin" in page.locator(".entity-head").inner_text()
    assert page.locator("#mentions-chart svg rect.bar").count() >= 1
    assert page.locator("#co-mentions li a").count() > 0
    page.screenshot(path=str(OUT / "entity_putin.png"), full_page=True)


def test_search_and_timeline_pages(page, server: str) -> None:
    OUT.mkdir(exist_ok=True)
    page.goto(server + "/search?q=" + "أوكرانيا")
    assert page.locator(".hit").count() == 1 and page.locator("mark.hitword").count() == 1
    page.screenshot(path=str(OUT / "search.png"))
    page.goto(server + "/timeline?a=روسيا&b=الولايات المتحدة&by=day")
    assert page.locator("#timeline-chart").count() == 1
    page.screenshot(path=str(OUT / "timeline.png"))


def test_hostile_article_stays_text_in_the_browser(page, server: str) -> None:
    payload = "<script>alert(1)</script> \"><img src=x onerror=alert(2)> ' onmouseover='alert(3)"
    text = f"وقال الرئيس الأميركي جو بايدن إن {payload} الولايات المتحدة سترد بحزم.\nوأضاف أن {payload} روسيا تعرف ذلك."
    analyze(page, server, text)
    assert page.locator("#article img, #article script, #article svg").count() == 0
    assert payload in page.locator("#article").inner_text()
    page.locator("#article .blk").first.hover()
    page.screenshot(path=str(OUT / "hostile.png"))


def test_api_docs_render_offline(page, server: str) -> None:
    OUT.mkdir(exist_ok=True)
    page.goto(server + "/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=20_000)  # Swagger UI has drawn the operations
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert any("/api/analyze" in p for p in paths)
    assert page.locator(".errors-wrapper").count() == 0
    page.screenshot(path=str(OUT / "docs.png"))
