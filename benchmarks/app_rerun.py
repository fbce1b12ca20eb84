"""How long the app takes on the server: first load, a rerun after a filter change, and the map after an edit.

Drives the real app with Streamlit's AppTest on synthetic datasets in our
table format (300/900, 1,000/3,000, 5,000/20,000) and prints two tables.
Goal (issue 3): a filter change reruns in 200 ms or less at 5,000/20,000.
Goal (issue 9): one edit from click to redrawn view under 200 ms at 5,000/20,000: the
second table opens the map's database (SQLite) in the app, saves a change through
the store's one write path (what the Edit page's save does) and times the write and the
rerun that redraws the map, beside a cold open of the same map (no cache) in the same run.

    .venv/bin/python benchmarks/app_rerun.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from streamlit.testing.v1 import AppTest  # noqa: E402
from synthetic import synthetic_dataset  # noqa: E402

from graph.io import write_tables  # noqa: E402

SIZES = ((300, 900), (1_000, 3_000), (5_000, 20_000))
REPEATS = 5  #: each kind of edit is saved this many times; the table shows the median
FILTERS = (("filter_types", ["municipality", "association", "business"]), ("filter_statuses", ["existing"]),
           ("filter_themes", ["housing", "language"]), ("filter_regions", ["Sörmland"]))


def measure(folder: Path) -> tuple[float, float, list[float]]:
    sys.argv = ["app.py", "--data", str(folder)]
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    start = time.perf_counter()
    at.run()
    first = time.perf_counter() - start
    assert not at.exception, at.exception
    start = time.perf_counter()
    at.run()
    warm = time.perf_counter() - start
    times = []
    for key, values in FILTERS:
        at.sidebar.multiselect(key=key).set_value(values)
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
        assert not at.exception, at.exception
        at.sidebar.multiselect(key=key).set_value([])
        at.run()
    return first, warm, times


def measure_edit(ds, tmp: Path) -> dict[str, float]:
    """Seconds: a cold open of the map, and per kind of edit the write plus the rerun that redraws the map."""
    from graph import store

    url = f"sqlite:///{tmp / 'map.db'}"
    engine = store.first_start(url, tmp)
    sys.argv = ["app.py", "--db", url]
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    start = time.perf_counter()
    at.run()
    found = {"cold open": time.perf_counter() - start}
    assert not at.exception, at.exception
    at.run()
    tie = ds.collaborations.iloc[0]
    actor = ds.actors.iloc[0]

    def version(table: str, row: str) -> int:
        return store.get_row(engine, table, row)["version"]

    edits = {
        "a tie's status": lambda k: [{"op": "update", "table": "collaborations", "id": tie["id"],
                                      "version": version("collaborations", tie["id"]),
                                      "set": {"status": ("ended", "planned")[k % 2]}}],
        "an actor's name": lambda k: [{"op": "update", "table": "actors", "id": actor["id"],
                                       "version": version("actors", actor["id"]),
                                       "set": {"name": f"{actor['name']} ({k})"}}],
        "a new actor": lambda k: [{"op": "add", "table": "actors",
                                   "row": {"id": f"bench-new-{k}", "name": f"Ny förening {k}", "type": "association"}}],
    }
    for what, changes in edits.items():
        times = []
        for k in range(REPEATS):
            start = time.perf_counter()
            store.apply_changes(engine, changes(k), author="bench", message=what)
            at.run()
            times.append(time.perf_counter() - start)
            assert not at.exception, at.exception
        found[what] = statistics.median(times)
    engine.dispose()
    return found


def main() -> None:
    print("| actors / ties | first load (s) | rerun, nothing changed (ms) | filter change, median (ms) | worst (ms) |")
    print("|---|---|---|---|---|")
    for actors, ties in SIZES:
        with tempfile.TemporaryDirectory() as tmp:
            write_tables(synthetic_dataset(actors, ties, seed=1), Path(tmp))
            first, warm, times = measure(Path(tmp))
        print(f"| {actors:,} / {ties:,} | {first:.1f} | {warm * 1000:.0f} | {statistics.median(times) * 1000:.0f} "
              f"| {max(times) * 1000:.0f} |", flush=True)
    print()
    print("The map's database (SQLite): a cold open, and an edit saved plus the rerun that redraws the map "
          f"(ms, median of {REPEATS})")
    print()
    print("| actors / ties | cold open (ms) | a tie's status | an actor's name | a new actor |")
    print("|---|---|---|---|---|")
    for actors, ties in SIZES:
        with tempfile.TemporaryDirectory() as tmp:
            ds = synthetic_dataset(actors, ties, seed=1)
            write_tables(ds, Path(tmp))
            found = measure_edit(ds, Path(tmp))
        print(f"| {actors:,} / {ties:,} | " + " | ".join(f"{v * 1000:.0f}" for v in found.values()) + " |", flush=True)


if __name__ == "__main__":
    main()
