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
