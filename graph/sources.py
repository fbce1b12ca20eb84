"""One entry for every kind of data: a path, uploaded bytes with their file name, or a database URL.

>>> ds = open_dataset("data")
>>> len(ds.actors) > 0
True
>>> open_dataset("sqlite:///no/such/folder/map.db")
Traceback (most recent call last):
...
graph.model.DataError: sqlite:///no/such/folder/map.db: no such database file
"""

from __future__ import annotations

from pathlib import Path

from graph.io import read_dataset
from graph.model import DataError, Dataset, Problem

__all__ = ["open_dataset", "is_url", "Upload"]

#: One uploaded file: its bytes and its name.
Upload = tuple[bytes, str]


def is_url(source: object) -> bool:
    """Whether ``source`` is a database URL (``sqlite:///…``, ``postgresql+psycopg://…``).

    >>> is_url("postgresql+psycopg://db/map"), is_url("data")
    (True, False)
    """
    from graph.store.engine import is_url as url

    return url(source)


def _from_url(url: str, revision: int | None) -> Dataset:
    from graph import store

    try:
        return store.load_dataset(store.open_store(url), revision=revision)
    except store.StoreError as exc:
        raise DataError(Problem.of(exc.where or store.describe(url), None, None, exc.code, **exc.params)) from None


def _from_bytes(files: list[Upload]) -> Dataset:
    """Read uploaded files from their bytes (nothing is written to disk; messages name the uploaded files)."""
    if len(files) == 1:
        return read_dataset((files[0][0], Path(files[0][1]).name))
    return read_dataset([(Path(name).name, data) for data, name in files])


def open_dataset(source: str | Path | Upload | list[Upload], *, revision: int | None = None) -> Dataset:
    """The dataset of ``source``: a folder or file path, ``(bytes, filename)`` (or a list of them), or a URL.

    ``revision`` (URLs only) gives the map as it was right after that revision.

    Raises
    ------
    DataError
        One sentence naming the file or database when it cannot be read.
    """
    if isinstance(source, tuple):
        return _from_bytes([source])
    if isinstance(source, list):
        return _from_bytes(source)
    if is_url(str(source)):
        return _from_url(str(source), revision)
    return read_dataset(source)
