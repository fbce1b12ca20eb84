"""Shared fixtures: paths to the repository and to ../shared's real files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import FIXTURES, ROOT


@pytest.fixture
def root() -> Path:
    return ROOT


@pytest.fixture
def fixtures() -> Path:
    if not FIXTURES.is_dir():
        pytest.fail(f"{FIXTURES} is missing: CI must have ../shared beside the clone")
    return FIXTURES


@pytest.fixture(scope="session")
def pg_cluster():
    """A throwaway PostgreSQL cluster for the whole test run (see tests/store_support.py)."""
    from tests.store_support import postgres_cluster

    with postgres_cluster() as cluster:
        yield cluster


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path) -> str:
    """An empty database's URL: an SQLite file, then a database on the throwaway PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'map.db'}"
    return request.getfixturevalue("pg_cluster").new_url()


@pytest.fixture(scope="session")
def _shipped_map(tmp_path_factory):
    """The shipped data imported once into an SQLite file, copied for each test that may use it."""
    from graph import store

    path = tmp_path_factory.mktemp("map") / "map.db"
    engine = store.create(f"sqlite:///{path}")
    from graph.sources import open_dataset

    store.import_dataset(engine, open_dataset(ROOT / "data"), author="setup", message="first start: data")
    engine.dispose()
    return path


@pytest.fixture(autouse=True)
def _own_map(_shipped_map, tmp_path_factory, monkeypatch):
    """Every test gets its own copy of the map (GRAPH_DB), so the app never touches the repository's map.db.

    The copy lives in a folder of its own, never in the test's ``tmp_path``, which tests expect to hold only
    what they write there.
    """
    import shutil

    path = tmp_path_factory.mktemp("map") / "own-map.db"
    shutil.copyfile(_shipped_map, path)
    monkeypatch.setenv("GRAPH_DB", f"sqlite:///{path}")
    return f"sqlite:///{path}"
