"""``python -m graph.store --db URL --data DATA``: make the map from DATA on first start, else leave it alone.

What ``make run`` calls before it starts the app: the same :func:`graph.store.first_start`
the app uses, so the two never disagree on when a map is made.  Exit 0 when the map is
ready, 1 with one sentence when it cannot be made or opened.

>>> main(["--db", "sqlite:///no/such/folder/map.db", "--data", "data"])
1
"""

from __future__ import annotations

import argparse
import sys

from graph.model import DataError
from graph.store.api import first_start
from graph.store.engine import StoreError, describe

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """Make (or find) the map; print what it holds, or why it cannot."""
    parser = argparse.ArgumentParser(prog="python -m graph.store", description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="the map's database URL, e.g. sqlite:///map.db")
    parser.add_argument("--data", required=True, help="the files the map is made from on first start")
    args = parser.parse_args(argv)
    try:
        engine = first_start(args.db, args.data)
    except (StoreError, DataError) as exc:
        print(exc, file=sys.stderr)
        return 1
    from graph.store.history import history

    latest = history(engine, limit=1)
    print(f"{describe(args.db)}: revision {latest[0]['number'] if latest else 0}")
    engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
