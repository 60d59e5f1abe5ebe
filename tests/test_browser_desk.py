"""The editor's desk in a real browser: an editor signs in, adds a document and a claim resting
on it through the forms (each form photographed empty and with its errors, in
tests/artifacts/), and finds both on their pages and in search. Debian's Chromium through
Playwright, as tests/test_browser.py."""

from __future__ import annotations

import subprocess

import pytest
from test_browser import CATALOGUE, TIMEOUT_MS, chromium_page, require_chromium, seeded_catalogue, served, shoot

PASSWORD = "a long editor's passphrase"


@pytest.fixture(scope="module")
def desk_site(tmp_path_factory):
    """`catalogue serve --editors` on a freshly seeded database, with one editor."""
    folder = tmp_path_factory.mktemp("desk-browser")
    db = seeded_catalogue(folder)
    hashed = subprocess.run(
        [str(CATALOGUE), "editors", "hash", "--password", PASSWORD], check=True, capture_output=True, text=True
    ).stdout.strip()
    editors = folder / "editors.yml"
    editors.write_text(f"editors:\n  jroe:\n    name: Jane Roe\n    password_hash: {hashed}\n", encoding="utf-8")
    with served(db, "--editors", str(editors)) as base:
        yield base, db


def submit(page, button: str) -> None:
    """Press a form's button and wait for the page it answers with."""
    with page.expect_navigation(timeout=TIMEOUT_MS):
        page.get_by_role("button", name=button).click()


def test_an_editor_signs_in_and_adds_a_document_and_a_claim(desk_site):
    desk_site, db = desk_site
    require_chromium()
    with chromium_page() as page:
        # Not signed in: the desk refuses.
        response = page.goto(f"{desk_site}/-/desk", wait_until="domcontentloaded")
        assert response.status == 403
        shoot(page, "desk-refused.png")

        page.goto(f"{desk_site}/-/login", wait_until="domcontentloaded")
        page.fill("input[name=username]", "jroe")
        page.fill("input[name=password]", PASSWORD)
        with page.expect_navigation(timeout=TIMEOUT_MS):
            page.locator("input[type=submit]").click()
        assert page.goto(f"{desk_site}/-/desk", wait_until="domcontentloaded").status == 200
        assert page.get_by_text("Signed in as").is_visible()
        shoot(page, "desk.png")

        # Add a document: empty, then with its errors, then right.
        page.get_by_role("link", name="Add an archival document").click()
        page.locator("form.desk-form").wait_for(state="visible")
        shoot(page, "desk-add-document.png")
        page.fill("#field-title", "Rapport sur la RC 4")
        page.select_option("#field-genre", "report")
        submit(page, "Add the document")
        assert page.locator(".form-error", has_text="a document needs the archive holding it").is_visible()
        assert page.input_value("#field-title") == "Rapport sur la RC 4"
        shoot(page, "desk-add-document-errors.png")
        page.fill("#field-repository", "shd")
        page.fill("#field-reference_code", "10 H 2020")
        page.fill("#field-date", "12 octobre 1950")
        submit(page, "Add the document")
        assert "/catalogue/documents/" in page.url
        page.locator("article.document-story").wait_for(state="visible")
        assert page.get_by_text("Rapport sur la RC 4").first.is_visible()
        shoot(page, "desk-document-added.png")
        document_id = page.url.rsplit("/", 1)[1]

        # Add a claim resting on it: empty, with errors, then right.
        page.goto(f"{desk_site}/-/desk/add-claim", wait_until="domcontentloaded")
        shoot(page, "desk-add-claim.png")
        page.fill("#field-documents", "ten")
        submit(page, "Add the claim")
        assert page.locator(".field-error", has_text="the claim, in your words").is_visible()
        shoot(page, "desk-add-claim-errors.png")
        page.fill("#field-text", "The RC 4 garrisons were judged indefensible in October 1950.")
        page.fill("#field-documents", "")
        page.fill("#source-search", "10 H 2020")  # the picker: the site's search, documents and works
        pick = page.locator("#source-results li", has_text=f"Document {document_id}:")
        pick.wait_for(state="visible")
        assert "Rapport sur la RC 4" in pick.inner_text()
        shoot(page, "desk-add-claim-picker.png")
        pick.get_by_role("button", name="Rests on this").click()
        assert page.input_value("#field-documents") == f"{document_id}:"
        page.keyboard.type("f. 2")  # the cursor waits after the colon
        assert page.input_value("#field-documents") == f"{document_id}:f. 2"
        submit(page, "Add the claim")
        assert "/catalogue/claims/" in page.url
        page.locator("article.claim-story").wait_for(state="visible")
        assert page.get_by_text("Rapport sur la RC 4").first.is_visible()
        shoot(page, "desk-claim-added.png")
        claim_url = page.url
        write = page.locator("p.made-by a").inner_text().removeprefix("write ")
        assert write.isdigit()

        # Both are found by search.
        page.goto(f"{desk_site}/-/search?q=RC+4+indefensible", wait_until="domcontentloaded")
        assert page.locator("section.search-claims li > a", has_text="judged indefensible").count() == 1
        page.goto(f"{desk_site}/-/search?q=Rapport+sur+la+RC+4", wait_until="domcontentloaded")
        assert page.locator("section.search-documents li > a", has_text="Rapport sur la RC 4").count() == 1

        # Undo the claim's write from the desk: first a write that does not exist (refused, with
        # the reason), then the claim's: the claim is gone, the undo is in the change log.
        page.goto(f"{desk_site}/-/desk", wait_until="domcontentloaded")
        page.fill("#field-batch", "99999")
        submit(page, "Undo this write")
        assert page.locator(".form-error", has_text="write 99999: no such write").is_visible()
        shoot(page, "desk-undo-errors.png")
        page.fill("#field-batch", write)
        submit(page, "Undo this write")
        assert "/catalogue/batches/" in page.url
        assert page.get_by_text(f"undid write {write}").first.is_visible()
        shoot(page, "desk-undone.png")
        assert page.goto(claim_url, wait_until="domcontentloaded").status == 404

        # Correct a citation of the seed from its note's page, ingest the seed again, and find
        # the correction still applied.
        page.goto(f"{desk_site}/-/note/1/3", wait_until="domcontentloaded")
        page.locator("a.correct").first.click()
        page.locator("form.desk-form").wait_for(state="visible")
        shoot(page, "desk-correct-citation.png")
        page.fill("#field-antecedent_note", "one")
        submit(page, "Keep the correction")
        assert page.locator(".field-error", has_text="the number of the note").is_visible()
        shoot(page, "desk-correct-citation-errors.png")
        page.fill("#field-antecedent_note", "")
        page.fill("#field-locator", "f. 77")
        submit(page, "Keep the correction")
        assert "/catalogue/citations/" in page.url
        subprocess.run([str(CATALOGUE), "seed", "--db", str(db)], check=True, capture_output=True, timeout=300)
        page.goto(f"{desk_site}/-/note/1/3", wait_until="domcontentloaded")
        assert page.locator(".citation .locator", has_text="f. 77").count() >= 1
        assert page.locator(".citation .correction", has_text="corrected by jroe").count() >= 1
        shoot(page, "desk-correction-kept.png")

        # Work the review queue: a text whose Ibid. has nothing to point to, ingested; its item
        # listed with the reason and a link to correct it; marked reviewed, it leaves the queue.
        loose = db.parent / "loose_end.txt"
        loose.write_text(LOOSE_END, encoding="utf-8")
        subprocess.run([str(CATALOGUE), "ingest", "--db", str(db), str(loose)], check=True, capture_output=True)
        page.goto(f"{desk_site}/-/desk/review", wait_until="domcontentloaded")
        item = page.locator("ul.review-queue li", has_text="A Study With A Loose End")
        assert item.locator(".problem", has_text="back-reference not resolved").is_visible()
        assert item.locator("a.correct").count() == 1
        shoot(page, "desk-review.png")
        with page.expect_navigation(timeout=TIMEOUT_MS):
            item.get_by_role("button", name="Mark reviewed").click()
        assert page.locator("ul.review-queue li", has_text="A Study With A Loose End").count() == 0
        shoot(page, "desk-review-worked.png")


LOOSE_END = """A Study With A Loose End

Jane Roe

The post was abandoned in 1950.¹

Notes

1 Ibid., p. 12.
"""
