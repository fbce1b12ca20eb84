"""One entry for every kind of data: whatever :func:`graph.io.read_dataset` reads (a path, uploaded bytes
with their file name), or a database URL.

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
from graph.model import Dataset

__all__ = ["open_dataset"]


def _from_url(url: str, revision: int | None) -> Dataset:
    from graph import store

    try:
        return store.load_dataset(store.open_store(url), revision=revision)
    except store.StoreError as exc:
        raise exc.as_data_error(store.describe(url)) from None


def open_dataset(source, *, revision: int | None = None) -> Dataset:
    """The dataset of ``source``: a database URL, or anything :func:`graph.io.read_dataset` takes.

    ``revision`` (URLs only) gives the map as it was right after that revision.

    Raises
    ------
    DataError
        One sentence naming the file or database when it cannot be read.
    """
    if isinstance(source, (str, Path)) and "://" in str(source):  # a URL, maybe: only then is the store imported
        from graph.store.engine import is_url

        if is_url(str(source)):
            return _from_url(str(source), revision)
    return read_dataset(source)
