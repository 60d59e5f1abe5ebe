"""The served site in a real browser: search, then follow a claim to its document and archive;
and the three questions a historian asks first, answered from the home page without SQL.

Runs `catalogue serve` on a seeded SQLite catalogue and drives Debian's Chromium
(/usr/bin/chromium) through Playwright. No browser is ever downloaded: CI installs
the `chromium` package (.ci/run), and a machine without it fails this test loudly.
Screenshots of each step go to tests/artifacts/ (git-ignored).
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CATALOGUE = Path(sys.executable).parent / "catalogue"
TIMEOUT_MS = 15_000
STARTUP_SECONDS = 30


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def answers_200(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def run_cli(*args: str) -> None:
    result = subprocess.run([str(CATALOGUE), *args], check=False, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, (
        f"catalogue {' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The base URL of `catalogue serve` on a freshly seeded database."""
    folder = tmp_path_factory.mktemp("browser")
    with served(seeded_catalogue(folder)) as base:
        yield base


def seeded_catalogue(folder: Path) -> Path:
    """A catalogue made and seeded by the command line, in ``folder``."""
    assert CATALOGUE.exists(), f"no catalogue executable beside {sys.executable}"
    db = folder / "catalogue.db"
    run_cli("init", "--db", str(db))
    run_cli("seed", "--db", str(db))
    return db


@contextmanager
def served(db: Path, *options: str):
    """`catalogue serve` on ``db`` (with ``options``) on a free port, once it answers: its base URL."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = (db.parent / "serve.log").open("w+", encoding="utf-8")
    server = subprocess.Popen(
        [str(CATALOGUE), "serve", "--db", str(db), "--port", str(port), *options],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while not answers_200(f"{base}/"):
            if server.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                pytest.fail(
                    f"catalogue serve did not answer 200 on {base}/ within {STARTUP_SECONDS} s "
                    f"(exit code {server.poll()}):\n{log.read()}"
                )
            time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)
        log.close()


def require_chromium() -> None:
    """Fail, never skip, without Debian's Chromium: CI installs it."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: install Debian's chromium "
            "(apt-get install --no-install-recommends chromium; .ci/run does this). "
            "Never `playwright install`.",
            pytrace=False,
        )


@contextmanager
def chromium_page():
    """A page of Debian's Chromium that reaches the local server only."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, timeout=TIMEOUT_MS)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.set_default_timeout(TIMEOUT_MS)
            context.set_default_navigation_timeout(TIMEOUT_MS)

            # Hermetic: map tiles and the like are refused, not awaited.
            def only_local(route):
                url = route.request.url
                if urlsplit(url).hostname in ("127.0.0.1", "localhost") or url.startswith(("data:", "blob:")):
                    route.continue_()
                else:
                    route.abort()

            context.route("**/*", only_local)
            yield context.new_page()
        finally:
            browser.close()


def shoot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True, timeout=TIMEOUT_MS)


def path_of(url: str) -> str:
    return urlsplit(url).path


def test_search_to_claim_to_document_to_archive(site):
    require_chromium()
    with chromium_page() as page:
        walk_from_search_to_archive(page, site)


def walk_from_search_to_archive(page, site: str) -> None:
    # Home: type into the search box and submit.
    page.goto(f"{site}/", wait_until="domcontentloaded")
    box = page.locator("form.catalogue-search input[name=q]")
    box.wait_for(state="visible", timeout=TIMEOUT_MS)
    shoot(page, "home.png")
    box.fill("Lang Son")
    with page.expect_navigation(timeout=TIMEOUT_MS):
        box.press("Enter")
    page.wait_for_url("**/-/search?q=Lang+Son*", timeout=TIMEOUT_MS)
    page.wait_for_load_state("domcontentloaded", timeout=TIMEOUT_MS)

    # Results: claims, each shown around its match, and the accented spelling found by the
    # unaccented query ("Lạng Sơn" is in note 54 and its VNA 3 document).
    claims = page.locator("section.search-claims li > a")
    claims.first.wait_for(state="visible", timeout=TIMEOUT_MS)
    shoot(page, "search.png")
    results = page.locator("section.search-results li > a").all_inner_texts()
    assert any("Lạng Sơn" in text for text in results), f"no result mentions Lạng Sơn: {results}"
    assert all("Lang Son" in text or "Lạng Sơn" in text for text in claims.all_inner_texts()), claims.all_inner_texts()
    search_url = page.url

    # A claim page with an archival citation: try the claim results in order.
    documents = page.locator("section.note ul.citations a[href*='/catalogue/documents/']")
    hrefs = claims.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    for index in range(len(hrefs)):
        if index:
            page.goto(search_url, wait_until="domcontentloaded")
            claims.first.wait_for(state="visible", timeout=TIMEOUT_MS)
        claims.nth(index).click()
        page.wait_for_url(lambda url: "/catalogue/claims/" in url, timeout=TIMEOUT_MS)
        page.locator("article.claim-story").wait_for(state="visible", timeout=TIMEOUT_MS)
        if documents.count():
            break
    else:
        pytest.fail(f"none of the {len(hrefs)} claims found for 'Lang Son' cites an archival document: {hrefs}")
    assert page.get_by_role("heading", name="Evidence").is_visible()
    shoot(page, "claim.png")

    # The document: held by an archive.
    document_href = documents.first.get_attribute("href")
    documents.first.click()
    page.wait_for_url(lambda url: path_of(url) == document_href, timeout=TIMEOUT_MS)
    story = page.locator("article.document-story")
    story.wait_for(state="visible", timeout=TIMEOUT_MS)
    held_by = story.locator("dt", has_text="Held by")
    assert held_by.is_visible(), "the document page shows no 'Held by'"
    shoot(page, "document.png")

    # The archive: its page names it.
    repository = story.locator("dd a[href*='/catalogue/repositories/']").first
    repository_href = repository.get_attribute("href")
    repository.click()
    page.wait_for_url(lambda url: path_of(url) == repository_href, timeout=TIMEOUT_MS)
    heading = page.locator("article.repository-story h1")
    heading.wait_for(state="visible", timeout=TIMEOUT_MS)
    assert "Trung tâm Lưu trữ Quốc gia III" in heading.inner_text()
    shoot(page, "repository.png")


def search_from_home(page, site: str, query: str) -> None:
    page.goto(f"{site}/", wait_until="domcontentloaded")
    box = page.locator("form.catalogue-search input[name=q]")
    box.fill(query)
    with page.expect_navigation(timeout=TIMEOUT_MS):
        box.press("Enter")
    page.locator("p.search-summary").wait_for(state="visible", timeout=TIMEOUT_MS)


def test_which_claims_rest_on_a_carton(site):
    """Question 1: which claims rest on carton 10 H 287 of the SHD? Typed as a researcher
    writes it in a notebook, without spaces."""
    require_chromium()
    with chromium_page() as page:
        search_from_home(page, site, "10H287")
        shoot(page, "question-1-search.png")
        carton = page.locator("section.search-record_sets li > a", has_text="10 H / 287")
        carton.first.click()
        page.wait_for_url(lambda url: "/catalogue/record_sets/" in url, timeout=TIMEOUT_MS)
        story = page.locator("article.record-set-story")
        story.wait_for(state="visible", timeout=TIMEOUT_MS)
        assert "Held by" in story.inner_text() and "SHD" in story.inner_text()
        claims = story.locator("ul.claims > li")
        assert claims.count() == 7, story.inner_text()  # notes 21, 30, 33, 37, 39, 40 and 41
        assert page.get_by_role("heading", name="Claims resting on it (7)").is_visible()
        shoot(page, "question-1-carton.png")


def test_which_claims_are_corroborated_across_borders(site):
    """Question 2: which claims do archives of more than one country support? On the seed,
    none, and the page says so in words."""
    require_chromium()
    with chromium_page() as page:
        page.goto(f"{site}/", wait_until="domcontentloaded")
        page.get_by_role("link", name="Claims corroborated across borders").click()
        page.wait_for_url("**/catalogue/corroborated_claims*", timeout=TIMEOUT_MS)
        answer = page.locator("p.when-empty")
        answer.wait_for(state="visible", timeout=TIMEOUT_MS)
        assert (
            "No claim in the catalogue is supported by archival documents held in more than one country"
            in answer.inner_text()
        )
        shoot(page, "question-2-corroboration.png")


def test_what_a_note_of_an_article_cites(site):
    """Question 3: what does note 42 of Gao's article cite? Then a search in Chinese."""
    require_chromium()
    with chromium_page() as page:
        search_from_home(page, site, "Gao note 42")
        shoot(page, "question-3-search.png")
        page.locator("section.search-note_references li > a").first.click()
        page.wait_for_url(lambda url: "/catalogue/notes/" in url, timeout=TIMEOUT_MS)
        story = page.locator("article.note-story")
        story.wait_for(state="visible", timeout=TIMEOUT_MS)
        assert page.get_by_role("heading", name="What it cites (2)").is_visible()
        cited = story.locator("ul.citations > li").all_inner_texts()
        assert len(cited) == 2 and all("PTT" in text and "VNA3" in text for text in cited), cited
        shoot(page, "question-3-note.png")

        search_from_home(page, site, "長征")
        claims = page.locator("section.search-claims li")
        assert "Truong Chinh (長征)" in claims.first.inner_text()
        shoot(page, "search-cjk.png")
