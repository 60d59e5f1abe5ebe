"""The schema on SQLite and PostgreSQL: tables, keys, constraints, migrations."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import exc, func, insert, inspect, select, text

from catalogue import schema
from catalogue.commands import migrate
from catalogue.db import connect, use_wal
from catalogue.derive import include_object
from catalogue.models import PUBLIC_TABLES, Base, Citation, Claim, ClaimNote, Note, Work


@pytest.fixture
def engine(db_url):
    engine = connect(db_url)
    with engine.begin() as connection:
        migrate.upgrade(connection)
    yield engine
    engine.dispose()


def test_upgrade_creates_every_model_table(engine):
    tables = set(inspect(engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    assert set(PUBLIC_TABLES) <= tables
    assert "alembic_version" in tables


def test_models_match_migrations(engine):
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "target_metadata": Base.metadata, "include_object": include_object}
        )
        assert compare_metadata(context, Base.metadata) == []


def test_every_foreign_key_is_indexed(engine):
    inspector = inspect(engine)
    missing = []
    for table in Base.metadata.tables:
        indexed = {tuple(ix["column_names"][:1]) for ix in inspector.get_indexes(table)}
        indexed |= {tuple(inspector.get_pk_constraint(table)["constrained_columns"][:1])}
        for key in inspector.get_foreign_keys(table):
            if tuple(key["constrained_columns"][:1]) not in indexed:
                missing.append(f"{table}.{key['constrained_columns']}")
    assert missing == []


def test_constraints_follow_the_naming_convention(engine):
    inspector = inspect(engine)
    names = [key["name"] for key in inspector.get_foreign_keys("citations")]
    assert names and all(name.startswith("fk_citations_") for name in names), names
    checks = {c["name"] for c in inspector.get_check_constraints("citations")}
    assert {"ck_citations_kind_vocabulary", "ck_citations_form_vocabulary"} <= checks


def add_work(connection, **fields) -> int:
    values = {"work_key": "k1", "title": "China and the Vietnam Wars", "type": "book", **fields}
    return connection.execute(insert(Work).values(**values).returning(Work.id)).scalar_one()


def test_closed_vocabulary_is_enforced(engine):
    with pytest.raises(exc.IntegrityError), engine.begin() as connection:
        add_work(connection, type="novel")


def test_foreign_keys_are_enforced(engine):
    with pytest.raises(exc.IntegrityError), engine.begin() as connection:
        connection.execute(insert(Note).values(work_id=9999, position=1, text="Ibid."))


def test_citation_span_must_be_ordered(engine):
    with pytest.raises(exc.IntegrityError), engine.begin() as connection:
        work = add_work(connection)
        note = connection.execute(
            insert(Note).values(work_id=work, position=1, text="Ibid.").returning(Note.id)
        ).scalar_one()
        connection.execute(
            insert(Citation).values(note_id=note, position=1, span_start=5, span_end=2, text="", kind="unknown")
        )


def test_deleting_a_citing_work_removes_its_notes_and_claims(engine):
    with engine.begin() as connection:
        work = add_work(connection)
        note = connection.execute(
            insert(Note).values(work_id=work, position=1, text="Ibid., p. 4.").returning(Note.id)
        ).scalar_one()
        claim = connection.execute(
            insert(Claim)
            .values(work_id=work, position=1, text="A claim.", span_start=0, span_end=8)
            .returning(Claim.id)
        ).scalar_one()
        connection.execute(insert(ClaimNote).values(claim_id=claim, note_id=note))
        connection.execute(Work.__table__.delete().where(Work.id == work))
        for model in (Note, Claim, ClaimNote):
            assert connection.scalar(select(func.count()).select_from(model)) == 0


def test_downgrade_to_base_and_upgrade_again_holding_rows(engine):
    with engine.begin() as connection:
        work = add_work(connection)
        connection.execute(insert(Note).values(work_id=work, position=1, text="See n. 3 above."))
    with engine.begin() as connection:
        migrate.downgrade(connection, "base")
    assert set(inspect(engine).get_table_names()) - {"alembic_version"} == set()
    with engine.begin() as connection:
        migrate.upgrade(connection)
        assert schema.current_revision(connection) == schema.head_revision()
        assert connection.scalar(select(func.count()).select_from(Note)) == 0


def test_sqlite_connections_enforce_keys_and_use_wal(tmp_path):
    engine = connect(str(tmp_path / "c.db"))
    use_wal(engine)
    engine.dispose()
    engine = connect(str(tmp_path / "c.db"))
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() > 0
    engine.dispose()
