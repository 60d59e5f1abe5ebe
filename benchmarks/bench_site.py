"""Benchmark: the site's pages on a catalogue grown to a million documents.

    make bench                     (BENCH_DOCUMENTS=1000000 by default)
    BENCH_KEEP=/tmp/grown.db make bench      (keeps the grown catalogue and reuses it next time)

Builds a seeded catalogue, adds synthetic documents, notes, citations and claims with raw
SQL (the derived objects rebuilt afterwards, as after any write), then times each page a
researcher clicks through Datasette's own client. Prints milliseconds and each page's
ratio to a document's row page, measured in one run, as `name: value` lines.
"""

from __future__ import annotations

import asyncio
import os
import random
import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from alembic import command

from catalogue.commands.ingest import ingest, seed_files
from catalogue.commands.init import initialise
from catalogue.db import connect
from catalogue.derive import drop_derived, ensure_derived
from catalogue.derive.functions import register_functions
from catalogue.parse.refcodes import code_key
from catalogue.schema import alembic_config
from catalogue.site import make_datasette

DOCUMENTS = int(os.environ.get("BENCH_DOCUMENTS", "1000000"))
KEEP = os.environ.get("BENCH_KEEP")  # a file to keep the grown catalogue in, and reuse
CLAIMS = max(DOCUMENTS // 10, 100)
ROUNDS = 5
GENRES = ("report", "telegram", "intelligence_report", "note", "letter", "bulletin")
PLACES = ("Lạng Sơn", "Cao Bằng", "Hà Giang", "Tonkin", "Kunming", "Nanning", "Hải Phòng", "Đông Dương")


def grow(path: Path) -> None:
    """Add synthetic rows with plain SQL, then rebuild what derives from them."""
    engine = connect(str(path))
    with engine.begin() as connection:
        drop_derived(connection)
    engine.dispose()
    rng = random.Random(1949)
    db = sqlite3.connect(path)
    register_functions(db)
    repositories = [r[0] for r in db.execute("select id from repositories")]
    with db:
        work = db.execute(
            "insert into works (work_key, title, type) values ('bench', 'Synthetic study', 'book') returning id"
        ).fetchone()[0]
        db.executemany(
            "insert into documents (document_key, repository_id, title, genre, date_edtf, date_precision, "
            "date_start, date_end, reference_code, reference_code_key) values (?, ?, ?, ?, ?, 'day', ?, ?, ?, ?)",
            (
                (
                    f"bench-{i}",
                    rng.choice(repositories),
                    f"Rapport {i} sur la situation à {rng.choice(PLACES)}",
                    rng.choice(GENRES),
                    day := f"19{rng.randint(45, 54)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                    day,
                    day,
                    code := f"{rng.randint(1, 20)} H {rng.randint(1, 900)}",
                    code_key(code),
                )
                for i in range(DOCUMENTS)
            ),
        )
        first_document = db.execute("select min(id) from documents where document_key like 'bench-%'").fetchone()[0]
        db.executemany(
            "insert into notes (work_id, position, number, kind, text, residue, parse_status) "
            "values (?, ?, ?, 'footnote', ?, '', 'parsed')",
            ((work, i, i, f"Rapport {i}, SHD.") for i in range(1, CLAIMS + 1)),
        )
        db.executemany(
            "insert into claims (work_id, position, text, section, paragraph, span_start, span_end) "
            "values (?, ?, ?, 'Synthetic', 1, 0, 10)",
            ((work, i, f"Claim {i} about {rng.choice(PLACES)}.") for i in range(1, CLAIMS + 1)),
        )
        db.execute(
            "insert into claim_notes (claim_id, note_id) select c.id, n.id from claims c "
            "join notes n on n.work_id = c.work_id and n.position = c.position where c.work_id = ?",
            (work,),
        )
        db.execute(
            "insert into citations (note_id, position, span_start, span_end, text, kind, form, document_id) "
            "select n.id, 1, 0, 5, n.text, 'archival', 'full', ? + abs(random()) % ? "
            "from notes n where n.work_id = ?",
            (first_document, DOCUMENTS, work),
        )
    db.execute("analyze")
    db.close()
    engine = connect(str(path))
    with engine.begin() as connection:
        ensure_derived(connection, rebuild=True)
    engine.dispose()


def refresh(path: Path) -> None:
    """Migrate a kept catalogue and rebuild its derived objects (its search indexes only if
    they miss rows), as `catalogue init` would, but without reindexing a million rows."""
    engine = connect(str(path))
    with engine.begin() as connection:
        drop_derived(connection)
        command.upgrade(alembic_config(connection), "head")
        ensure_derived(connection)
    engine.dispose()


async def time_pages(path: Path, pages: list[str]) -> dict[str, float]:
    datasette = make_datasette(path)
    await datasette.invoke_startup()
    timings = {}
    for page in pages:
        samples = []
        for _ in range(ROUNDS):
            start = time.perf_counter()
            response = await datasette.client.get(page)
            samples.append(time.perf_counter() - start)
            assert response.status_code in (200, 302), (page, response.status_code)
        timings[page] = statistics.median(samples)
    return timings


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        if KEEP and Path(KEEP).exists():  # a catalogue grown by an earlier run, migrated
            shutil.copyfile(KEEP, path)
            refresh(path)
        else:
            initialise(str(path))
            ingest(str(path), seed_files())
            start = time.perf_counter()
            grow(path)
            print(f"site_grow_s: {time.perf_counter() - start:.0f}")
            if KEEP:
                shutil.copyfile(path, KEEP)
        db = sqlite3.connect(path)
        document = db.execute("select max(id) from documents").fetchone()[0]
        claim = db.execute("select max(id) from claims").fetchone()[0]
        note = db.execute("select max(id) from notes").fetchone()[0]
        carton = db.execute("select id from record_sets where path = '10 H / 287'").fetchone()[0]
        fonds = db.execute("select id from record_sets where path = 'PTT'").fetchone()[0]
        seed_work = db.execute("select min(work_id) from notes").fetchone()[0]
        large_work = db.execute("select id from works where work_key = 'bench'").fetchone()[0]
        cited_work = db.execute(
            "select work_id from citations where work_id is not null group by work_id order by count(*) desc limit 1"
        ).fetchone()[0]
        db.close()
        row = f"/catalogue/documents/{document}"
        pages = {
            "document_page": row,
            "claim_page": f"/catalogue/claims/{claim}",
            "note_page": f"/catalogue/notes/{note}",
            "repository_page": "/catalogue/repositories/1",
            "carton_page": f"/catalogue/record_sets/{carton}",
            "fonds_page": f"/catalogue/record_sets/{fonds}",
            "citing_work_page": f"/catalogue/works/{seed_work}",
            "cited_work_page": f"/catalogue/works/{cited_work}",
            "home": "/",
            "large_citing_work_page": f"/catalogue/works/{large_work}",
            "database_page": "/catalogue",
            "repositories_table": "/catalogue/repositories",
            "record_sets_table": "/catalogue/record_sets",
            "works_table": "/catalogue/works",
            "notes_table": "/catalogue/notes",
            "citations_table": "/catalogue/citations",
            "evidence_chain_view": "/catalogue/evidence_chain",
            "claim_countries_view": "/catalogue/claim_countries",
            "claim_support_view": "/catalogue/claim_support",
            "review_queue_view": "/catalogue/review_queue",
            "stable_note_address": f"/-/note/{seed_work}/42",
            "documents_table": "/catalogue/documents",
            "documents_by_archive": "/catalogue/documents?repository_id=3",
            "documents_by_genre": "/catalogue/documents?genre=telegram",
            "claims_table": "/catalogue/claims",
            "evidence_chain_of_one_claim": "/catalogue/evidence_chain?claim_id=21",
            "document_timeline_view": "/catalogue/document_timeline",
            "corroboration_view": "/catalogue/corroboration",
            "query_evidence_chain": f"/catalogue/evidence_chain_of_claim?claim_id={claim}",
            "query_what_a_note_cites": "/catalogue/what_a_note_cites?work=gao&note=42",
            "query_claims_by_reference_code": "/catalogue/claims_by_reference_code?reference_code=10H287",
            "query_claims_by_fonds": "/catalogue/claims_by_fonds?fonds=10+h+287",
            "query_claims_by_fonds_whole_fonds": "/catalogue/claims_by_fonds?fonds=PTT",
            "query_claims_by_repository_shd": "/catalogue/claims_by_repository?repository=shd",
            "query_claims_by_repository_vna3": "/catalogue/claims_by_repository?repository=VNA+3",
            "query_corroborated_claims": "/catalogue/corroborated_claims",
            "query_single_country_claims": "/catalogue/single_country_claims",
            "query_claims_on_a_single_document": "/catalogue/claims_on_a_single_document",
            "query_claims_only_through_cited_in": "/catalogue/claims_only_through_cited_in",
            "query_review_queue": "/catalogue/review_queue",
            "query_timeline_year": "/catalogue/timeline?from_date=1948&to_date=1948",
            "search_lang_son": "/-/search?q=Lang+Son",
            "search_dong_duong": "/-/search?q=dong+duong",
            "search_acronym": "/-/search?q=shd",
            "search_code_unspaced": "/-/search?q=10H287",
            "search_cjk_two_characters": "/-/search?q=%E5%8D%97%E5%AF%A7",
            "search_cjk_one_character": "/-/search?q=%E5%AF%A7",
            "search_note_by_number": "/-/search?q=Gao+note+42",
            "table_search": "/catalogue/claims?_search=Cao+Bang",
        }
        timings = asyncio.run(time_pages(path, list(pages.values())))
    base = timings[row]
    print(f"site_documents: {DOCUMENTS}")
    print(f"site_claims: {CLAIMS}")
    for name, page in pages.items():
        print(f"site_{name}_ms: {timings[page] * 1000:.1f}")
    for name, page in pages.items():
        print(f"site_{name}_ratio_to_document_page: {timings[page] / base:.2f}")
    slowest = max(pages, key=lambda name: timings[pages[name]])
    print(f"site_slowest_page: {slowest}")
    print(f"site_slowest_page_ms: {timings[pages[slowest]] * 1000:.1f}")


if __name__ == "__main__":
    main()
