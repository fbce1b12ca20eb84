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
