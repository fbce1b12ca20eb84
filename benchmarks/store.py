"""The map's database against reading the same data from CSV: import, open and edit; concurrent writers.

For each size (ours, 5,000/20,000, 50,000/200,000 actors/ties) and backend (an
SQLite file; a throwaway PostgreSQL cluster like the tests') it times, in one run:
``csv read`` (``read_dataset`` of the CSV folder: the baseline), ``import``
(validate + one revision), ``open cold`` (a new engine: connect, schema check
and ``load_dataset``, as a process opening the map does), ``open warm``
(``load_dataset`` on an engine already open, as the app reads the whole map in a
later session: its engine and connection pool live as long as the process;
a session that finds the map unchanged reads only the revision number,
``new session``), each the median of ``--repeat`` runs taken in turn with the
CSV read; ``edit`` (one ``apply_changes`` update, median of 20), ``edit+refresh`` (the edit and
:func:`graph.store.refresh` of the map read before it: the changed rows only, what
the app does before it redraws) and ``edit+full read`` (the edit and reading the
whole map back, as the app did before).  Then 8 processes × 50 changes (a tenth
adds, four in ten to four shared rows), started together after their start-up,
give accepted changes per second.

Goals (issue 9): open ≤ 1.5 × csv read (cold and warm); an edit (click to redrawn view) under
200 ms at 5,000/20,000; concurrent writers above 100 changes/s on SQLite.

    .venv/bin/python benchmarks/store.py [--quick | --small] [--pg-max 50000] [--repeat 9]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from synthetic import synthetic_dataset  # noqa: E402

from graph import store  # noqa: E402
from graph.io import read_dataset, write_tables  # noqa: E402
from tests.store_support import concurrent_writer, postgres_cluster  # noqa: E402


def _timed(work) -> tuple[float, object]:
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def _edits(engine, ids: list[str], n: int = 20) -> tuple[float, float, float]:
    """Median times of an edit, of an edit plus the app's refresh (the changed rows read), and plus a full read."""
    edit, edit_refresh, edit_open = [], [], []
    snapshot = store.refresh(engine)
    for i in range(n):
        row = store.get_row(engine, "actors", ids[i % len(ids)])
        change = [{"op": "update", "table": "actors", "id": row["id"], "version": row["version"],
                   "set": {"description": f"edit {i}"}}]
        t, _ = _timed(lambda c=change: store.apply_changes(engine, c, author="bench", message="edit"))
        edit.append(t)
        t2, snapshot = _timed(lambda s=snapshot: store.refresh(engine, s))
        edit_refresh.append(t + t2)
        if i < 5:
            t3, _ = _timed(lambda: store.load_dataset(engine))
            edit_open.append(t + t3)
    return statistics.median(edit), statistics.median(edit_refresh), statistics.median(edit_open)


def _new_session(engine, snapshot) -> None:
    """What a new session of the app reads from an unchanged map: the newest revision, and the shared read's check."""
    store.history(engine, limit=1)
    assert store.refresh(engine, snapshot) is snapshot


def _opens(url: str, folder: Path, repeat: int, ds) -> dict:
    """Medians of ``repeat`` rounds of: the CSV read, a cold open, a warm open and a new session's look.

    The cold engine's closing is left out of its time (closing is not opening).
    """
    times: dict[str, list[float]] = {"csv": [], "cold": [], "warm": [], "session": []}
    engine = store.open_store(url)
    snapshot = store.refresh(engine)  # the app's shared read, as a first session left it
    for _ in range(repeat):
        times["csv"].append(_timed(lambda: read_dataset(folder))[0])
        start = time.perf_counter()
        engine_cold = store.open_store(url)
        back = store.load_dataset(engine_cold)
        times["cold"].append(time.perf_counter() - start)
        engine_cold.dispose()
        times["warm"].append(_timed(lambda: store.load_dataset(engine))[0])
        times["session"].append(_timed(lambda: _new_session(engine, snapshot))[0])
    engine.dispose()
    assert len(back.actors) == len(ds.actors) and len(back.collaborations) == len(ds.collaborations)
    return {k: statistics.median(v) for k, v in times.items()}


def measure(name: str, url: str, ds, folder: Path, repeat: int) -> dict:
    engine = store.create(url)
    imported, _ = _timed(lambda: store.import_dataset(engine, ds, author="bench"))
    engine.dispose()
    opens = _opens(url, folder, repeat, ds)
    engine = store.open_store(url)
    edit, edit_refresh, edit_open = _edits(engine, list(ds.actors["id"][:50]))
    engine.dispose()
    return {"backend": name, "import": imported, **opens, "edit": edit, "edit_refresh": edit_refresh,
            "edit_open": edit_open}


def concurrent(url: str, workers: int = 8, count: int = 50) -> tuple[float, int, int]:
    engine = store.create(url)
    hot = [f"hot-{i}" for i in range(4)]
    store.apply_changes(engine, [{"op": "add", "table": "actors", "row": {"id": r, "name": r}}
                                 for r in hot + [f"own-{w}" for w in range(workers)]], author="b", message="")
    engine.dispose()
    ctx = multiprocessing.get_context("spawn")
    with tempfile.TemporaryDirectory() as tmp:
        outs = [str(Path(tmp) / f"{w}.json") for w in range(workers)]
        start = Path(tmp) / "start"
        procs = [ctx.Process(target=concurrent_writer, args=(url, w, count, hot, outs[w], str(start)))
                 for w in range(workers)]
        for p in procs:
            p.start()
        while not all(Path(f"{start}.{w}").exists() for w in range(workers)) and any(p.is_alive() for p in procs):
            time.sleep(0.01)  # every writer started up: go together
        start.touch()
        for p in procs:
            p.join()
        outcomes = [o for out in outs for o in json.loads(Path(out).read_text())]
    accepted = sum("revision" in o for o in outcomes)
    first = min(o["at"] for o in outcomes)  # from the first change answered to the last (start-up left out)
    wall = max(o["at"] for o in outcomes) - first
    return (accepted - 1) / wall, accepted, len(outcomes) - accepted


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="only ours and 5,000/20,000")
    parser.add_argument("--small", action="store_true", help="only ours (and no concurrent writers)")
    parser.add_argument("--pg-max", type=int, default=50_000, help="largest actor count tried on PostgreSQL")
    parser.add_argument("--repeat", type=int, default=9, help="rounds of csv read and opens at our size (fewer above)")
    args = parser.parse_args()
    sizes = [("ours", None)] + ([] if args.small else [("5k/20k", (5_000, 20_000))])
    sizes += [] if args.quick or args.small else [("50k/200k", (50_000, 200_000))]
    rows = []
    with postgres_cluster() as pg, tempfile.TemporaryDirectory() as tmp:
        for label, size in sizes:
            ds = read_dataset(ROOT / "data") if size is None else synthetic_dataset(*size, seed=1)
            folder = Path(tmp) / label.replace("/", "-")
            write_tables(ds, folder)
            ds = read_dataset(folder)
            repeat = args.repeat if size is None else max(3, args.repeat // 3)
            rows.append((label, len(ds.actors), len(ds.collaborations),
                         measure("sqlite", f"sqlite:///{folder}.db", ds, folder, repeat)))
            if size is None or size[0] <= args.pg_max:
                rows.append((label, len(ds.actors), len(ds.collaborations),
                             measure("postgresql", pg.new_url(), ds, folder, repeat)))
        print("| size | actors | ties | backend | csv read | import | open cold | cold/csv | open warm | warm/csv "
              "| new session | edit | edit+refresh | edit+full read |\n"
              "|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for label, n_actors, n_ties, r in rows:
            print(f"| {label} | {n_actors} | {n_ties} | {r['backend']} | {r['csv'] * 1000:.1f} ms "
                  f"| {r['import']:.2f} s | {r['cold'] * 1000:.1f} ms | {r['cold'] / r['csv']:.2f}× "
                  f"| {r['warm'] * 1000:.1f} ms | {r['warm'] / r['csv']:.2f}× | {r['session'] * 1000:.1f} ms "
                  f"| {r['edit'] * 1000:.1f} ms | {r['edit_refresh'] * 1000:.1f} ms | {r['edit_open'] * 1000:.0f} ms |")
        print("\nopen cold: new engine (connect, schema check) + full read; open warm: full read on the open engine;"
              "\nnew session: what a new session of the app reads from an unchanged map; medians of "
              f"{args.repeat} rounds at ours, {max(3, args.repeat // 3)} above")
        if args.small:
            return
        print("\nconcurrent writers: 8 processes x 50 changes (every other one to four shared rows)")
        for name, url in (("sqlite", f"sqlite:///{tmp}/concurrent.db"), ("postgresql", pg.new_url())):
            rate, accepted, refused = concurrent(url)
            print(f"  {name:<11} {rate:>6.1f} accepted changes/s  ({accepted} accepted, {refused} refused as conflicts)")


if __name__ == "__main__":
    main()
