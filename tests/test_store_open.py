"""Opening a map, on an SQLite file and a real PostgreSQL: the one-query schema check and the one-trip read give
what the catalogue and a row-by-row read give, and every failure is still one sentence."""

from __future__ import annotations

import pandas as pd
import pytest
import sqlalchemy as sa

from graph import store
from graph.model import TABLES
from graph.sources import open_dataset
from graph.store import queries
from graph.store.engine import reading
from graph.store.migrate import schema_version
from graph.store.schema import SCHEMA_VERSION
from graph.store.snapshot import read_tables
from tests.support import ROOT


def add(table, **row):
    return {"op": "add", "table": table, "row": row}


@pytest.fixture
def engine(store_url):
    engine = store.create(store_url)
    yield engine
    engine.dispose()


def sentence(exc: BaseException) -> str:
    text = str(exc)
    assert "\n" not in text and "Traceback" not in text and "sqlalchemy" not in text.lower(), text
    return text


def test_a_map_opens_with_its_schema_version(engine):
    url = engine.url.render_as_string(hide_password=False)
    opened = store.open_store(url)
    try:
        assert schema_version(opened) == SCHEMA_VERSION
    finally:
        opened.dispose()


def test_a_database_without_the_map_is_refused_in_one_sentence(engine):
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE alembic_version")
    assert schema_version(engine) is None
    with pytest.raises(store.StoreError, match="a database but not a map") as caught:
        store.check(engine)
    sentence(caught.value)


def test_a_map_from_a_newer_program_is_refused_and_left_alone(engine):
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(store.StoreError, match="newer version of this program") as caught:
        store.check(engine)
    sentence(caught.value)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == "9999"


def test_an_empty_postgresql_database_is_not_a_map(pg_cluster):
    with pytest.raises(store.StoreError, match="a database but not a map") as caught:
        store.open_store(pg_cluster.new_url())
    sentence(caught.value)


def test_a_postgresql_database_that_does_not_exist_is_one_sentence(pg_cluster):
    url = pg_cluster.new_url().rsplit("/", 1)[0] + "/no_such_map"
    with pytest.raises(store.StoreError, match="cannot be reached") as caught:
        store.open_store(url)
    sentence(caught.value)


def test_the_shipped_map_reads_back_as_the_csv_read(engine):
    ds = open_dataset(ROOT / "data")
    store.import_dataset(engine, ds, author="Ann")
    back = store.load_dataset(engine)
    for table in TABLES:
        pd.testing.assert_frame_equal(getattr(back, table).reset_index(drop=True),
                                      getattr(ds, table).reset_index(drop=True), check_like=True)


def test_the_whole_read_is_the_map_replayed_from_its_history(engine):
    store.apply_changes(engine, [add("themes", id="housing", label_en="Housing", rank="1"),
                                 add("actors", id="a", name="A", colour="red"),
                                 add("actors", id="b", name="B", size="3", colour=""),
                                 add("actors", id="c", name="C"),
                                 add("collaborations", id="t", source="a", target="b", themes="housing")],
                        author="Ann", message="")
    store.apply_changes(engine, [{"op": "update", "table": "actors", "id": "a", "version": 1,
                                  "set": {"colour": "blue", "note": "ny"}}], author="Bo", message="")
    whole, replayed = store.load_dataset(engine), store.load_dataset(engine, revision=2)
    for table in TABLES:
        pd.testing.assert_frame_equal(getattr(whole, table), getattr(replayed, table), check_like=True)
    assert whole.actors["colour"].tolist() == ["blue", "", ""] and whole.actors["size"].tolist() == ["", "3", ""]
    assert all(str(dtype) == "str" for t in TABLES for dtype in getattr(whole, t).dtypes)


@pytest.mark.parametrize("pipeline", [True, False], ids=["pipeline", "one-by-one"])
def test_reads_sent_together_come_back_each_with_its_rows(engine, pipeline, monkeypatch):
    if not pipeline and engine.dialect.driver == "psycopg":  # a libpq older than 14 has no pipeline mode
        monkeypatch.setattr(engine.dialect.loaded_dbapi.Pipeline, "is_supported", classmethod(lambda cls: False))
        monkeypatch.setattr(engine.dialect.loaded_dbapi.Connection, "pipeline",
                            lambda self: pytest.fail("pipeline used where libpq has none"))
    store.apply_changes(engine, [add("actors", id=i, name=i.upper()) for i in "abc"], author="Ann", message="")
    statements = [sa.select(queries.DATA_TABLES["actors"].c.id).order_by(queries.DATA_TABLES["actors"].c.pos),
                  sa.select(sa.func.count()).select_from(queries.DATA_TABLES["themes"])]
    with reading(engine) as conn:
        assert queries.fetch_all(conn, statements) == [[("a",), ("b",), ("c",)], [(0,)]]
    assert store.load_dataset(engine).actors["name"].tolist() == ["A", "B", "C"]


def test_a_table_gone_from_the_map_is_one_sentence_and_the_engine_goes_on(engine):
    with engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE documents RENAME TO documents_old")
    with pytest.raises(store.StoreError, match="documents") as caught:
        store.load_dataset(engine)
    sentence(caught.value)
    with engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE documents_old RENAME TO documents")
    assert len(store.load_dataset(engine).documents) == 0


def test_a_postgresql_connection_cut_during_the_read_is_one_sentence_then_reconnects(pg_cluster):
    engine = store.create(pg_cluster.new_url())
    store.apply_changes(engine, [add("actors", id="a", name="A")], author="Ann", message="")
    admin = sa.create_engine(pg_cluster.admin_url)
    try:
        with pytest.raises(store.StoreError) as caught:
            with reading(engine) as conn:
                pid = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar()
                with admin.connect() as other:
                    other.exec_driver_sql(f"SELECT pg_terminate_backend({int(pid)})")
                read_tables(conn)
        sentence(caught.value)
        assert store.load_dataset(engine).actors["id"].tolist() == ["a"]  # a new connection, not the cut one
    finally:
        admin.dispose()
        engine.dispose()
