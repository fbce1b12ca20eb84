"""The store under stress: 8 processes writing at once (SQLite and PostgreSQL), an import killed mid-way."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pandas as pd

from graph import store
from graph.model import TABLES
from graph.store import queries
from graph.store.history import tables_at
from tests.support import ROOT

WORKERS, CHANGES = 8, 100
HOT = [f"hot-{i}" for i in range(4)]


def _seed(url: str):
    engine = store.create(url)
    rows = [{"op": "add", "table": "actors", "row": {"id": row_id, "name": row_id}}
            for row_id in HOT + [f"own-{w}" for w in range(WORKERS)]]
    store.apply_changes(engine, rows, author="setup", message="setup")
    return engine


def _replayed(engine) -> dict:
    """Every table rebuilt from nothing by replaying the recorded changes, oldest first."""
    with engine.connect() as conn:
        changes = list(reversed(queries.changes_after(conn, 0)))
    tables: dict[str, dict] = {t: {} for t in TABLES}
    for c in changes:
        if c["after"] is None:
            tables[c["table"]].pop(c["id"])
        else:
            tables[c["table"]][c["id"]] = c["after"]
    return {t: sorted(rows.values(), key=lambda r: r["id"]) for t, rows in tables.items()}


def test_eight_processes_writing_at_once_lose_nothing(store_url, tmp_path):
    engine = _seed(store_url)
    outs = [tmp_path / f"w{w}.json" for w in range(WORKERS)]
    # whole new interpreters (not multiprocessing's spawn, which re-runs whatever __main__ is: after an
    # AppTest in the same session that is app.py)
    code = "import sys; from tests.store_support import concurrent_writer; concurrent_writer({!r}, {}, {}, {!r}, {!r})"
    procs = [subprocess.Popen([sys.executable, "-c", code.format(store_url, w, CHANGES, HOT, str(outs[w]))],
                              cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}) for w in range(WORKERS)]
    assert [p.wait(timeout=600) for p in procs] == [0] * WORKERS
    outcomes = [o for out in outs for o in json.loads(out.read_text())]
    assert len(outcomes) == WORKERS * CHANGES  # every change was either accepted or told why not
    accepted = {o["revision"]: o["tag"] for o in outcomes if "revision" in o}
    refused = [o for o in outcomes if "refused" in o]
    assert all("was changed by w" in o["refused"] for o in refused)
    revisions = {r["number"]: r["message"] for r in store.history(engine) if r["author"] != "setup"}
    assert revisions == accepted  # every accepted change is in the history, nothing else is
    assert len(accepted) == len(set(accepted.values()))
    with engine.connect() as conn:
        now = tables_at(conn)
    by_id = {t: sorted(rows, key=lambda r: r["id"]) for t, rows in now.items()}
    assert by_id == _replayed(engine)  # the final state is the history replayed
    assert refused, "no two processes met on a row: the test did not test conflicts"
    engine.dispose()


def test_an_import_killed_with_sigkill_leaves_the_file_as_it_was(tmp_path):
    path = tmp_path / "map.db"
    engine = store.create(f"sqlite:///{path}")
    store.import_dataset(engine, store.load_dataset(engine).replace(
        actors=pd.DataFrame({"id": ["a", "b"], "name": ["A", "B"]})), author="Ann")
    engine.dispose()
    before = path.read_bytes()
    data = tmp_path / "big"
    data.mkdir()
    n = 40_000
    pd.DataFrame({"id": [f"x{i}" for i in range(n)], "name": [f"Aktör {i}" for i in range(n)]}).to_csv(
        data / "actors.csv", index=False)
    pd.DataFrame({"id": [f"t{i}" for i in range(2 * n)], "source": [f"x{i % n}" for i in range(2 * n)],
                  "target": [f"x{(i * 7 + 3) % n}" for i in range(2 * n)]}).to_csv(
        data / "collaborations.csv", index=False)
    proc = subprocess.Popen([sys.executable, "-m", "graph", "import", str(data), "--db", f"sqlite:///{path}"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    wal = path.with_name(path.name + "-wal")
    deadline = time.monotonic() + 300
    while proc.poll() is None and time.monotonic() < deadline:
        if wal.exists() and wal.stat().st_size > 2_000_000:  # well into writing the rows
            break
        time.sleep(0.01)
    assert proc.poll() is None, f"the import ended before it could be killed: {proc.stderr.read()[-300:]}"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert path.read_bytes() == before  # the file itself was never touched
    engine = store.open_store(f"sqlite:///{path}")
    assert len(store.history(engine)) == 1
    assert store.load_dataset(engine).actors["id"].tolist() == ["a", "b"]
    engine.dispose()
