"""Reading and refusing: time and peak memory, ours beside the readers before issue 12, on the same files.

Each case runs in a fresh process (so peak memory is its own, imports included: about 100 MB), with a time
limit and a 3 GB memory limit; time is the read alone, after the imports;
the baseline is the library as of commit ``BASELINE`` (checked out into a temporary folder with
``git archive``).  Cases: wide CSV files (2,000 / 8,000 / 100,000 columns), the 200,000-actor,
200,000-tie dataset (read, and ``stats`` end to end), a 200,000-tie edge list, an xlsx zip bomb, ``/dev/zero``
and a FIFO.

    .venv/bin/python benchmarks/io.py [--limit SECONDS] [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASELINE = "1e4c8bc"  # main before issue 12
WORK = Path(tempfile.gettempdir()) / "graph-io-bench"

CHILD = r"""
import json, resource, sys, time
mode, path = sys.argv[1], sys.argv[2]
resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))
import graph.cli, graph.io, graph.model  # imports are not what is measured
start = time.perf_counter()
try:
    if mode == "read":
        from graph.io import read_dataset
        from graph.model import validate
        ds = read_dataset(path)
        errors = [p for p in validate(ds) if p.severity == "error"]
        result = f"read: {len(ds.actors):,} actors, {len(ds.collaborations):,} ties, {len(errors):,} errors"
    else:
        import contextlib, io
        from graph.cli import main
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["stats", path])
        lines = (out.getvalue() + err.getvalue()).strip().split("\n")
        result = f"exit {code}: " + (lines[0] if code else next((l for l in lines if "brokers" in l), lines[0]))
except MemoryError:
    result = "MemoryError"
except Exception as exc:
    result = "refused: " + str(exc).split("\n")[0]
seconds = time.perf_counter() - start
# VmHWM is this process's own high-water mark; ru_maxrss would carry over the parent's from before exec
peak_kb = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:"))
print(json.dumps({"seconds": seconds, "peak_mb": peak_kb / 1024, "result": result}))
"""


def run(tree: Path, mode: str, path: Path, limit: float) -> dict:
    env = dict(os.environ, PYTHONPATH=str(tree))
    start = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, "-c", CHILD, mode, str(path)], env=env, capture_output=True,
                              text=True, timeout=limit, cwd=tree)
    except subprocess.TimeoutExpired:
        return {"seconds": limit, "peak_mb": float("nan"), "result": f"stopped after {limit:.0f} s"}
    try:
        return json.loads(done.stdout.strip().split("\n")[-1])
    except (json.JSONDecodeError, IndexError):
        tail = (done.stderr.strip().split("\n") or ["?"])[-1][:80]
        return {"seconds": time.perf_counter() - start, "peak_mb": float("nan"),
                "result": f"died (exit {done.returncode}): {tail}"}


def baseline_tree() -> Path:
    tree = WORK / f"baseline-{BASELINE}"
    if not (tree / "graph").is_dir():
        tree.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", BASELINE, "graph"], capture_output=True,
                                 check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    return tree


def wide(columns: int) -> Path:
    path = WORK / f"wide-{columns}.csv"
    if not path.exists():
        header = ",".join(f"c{i}" for i in range(columns))
        path.write_text(header + "\n" + ",".join("1" for _ in range(columns)) + "\n")
    return path


def big_folder() -> Path:
    folder = WORK / "big-200k"
    if not (folder / "collaborations.csv").exists():
        sys.path.insert(0, str(ROOT / "benchmarks"))
        sys.path.insert(0, str(ROOT))
        from synthetic import synthetic_dataset

        from graph.io import write_tables

        write_tables(synthetic_dataset(200_000, 200_000), folder)
    return folder


def edge_list() -> Path:
    path = WORK / "edges-200k.edges"
    if not path.exists():
        ties = (big_folder() / "collaborations.csv").read_text("utf-8-sig").split("\n")[1:]
        path.write_text("\n".join(" ".join(line.split(",")[1:3]) for line in ties if line) + "\n")
    return path


def bomb(rows: int = 12_000_000) -> Path:
    """A workbook whose sheet repeats one row: under a megabyte that inflates to over half a gigabyte."""
    path = WORK / "bomb.xlsx"
    if path.exists():
        return path
    sys.path.insert(0, str(ROOT))
    from tests.hostile import write_xlsx_bomb

    with path.open("wb") as out:
        write_xlsx_bomb(out, rows)
    return path


def fifo() -> Path:
    path = WORK / "pipe.csv"
    if not path.exists():
        os.mkfifo(path)
    return path


def size(path: Path) -> str:
    if path.is_dir():
        total = sum(p.stat().st_size for p in path.iterdir())
    elif path.is_file():
        total = path.stat().st_size
    else:
        return "(device)" if str(path).startswith("/dev") else "(FIFO)"
    return f"{total / 1e6:.1f} MB" if total >= 1e5 else f"{total / 1e3:.0f} KB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=float, default=60, help="seconds per case and reader (default 60)")
    parser.add_argument("--quick", action="store_true", help="leave out the 200,000 cases")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    cases = [("wide CSV, 2,000 columns", "read", wide(2_000)), ("wide CSV, 8,000 columns", "read", wide(8_000)),
             ("wide CSV, 100,000 columns", "read", wide(100_000)), ("xlsx zip bomb", "read", bomb()),
             ("/dev/zero", "read", Path("/dev/zero")), ("FIFO (nobody writes)", "read", fifo())]
    if not args.quick:
        cases += [("200k actors + 200k ties: read", "read", big_folder()),
                  ("200k-tie edge list: read", "read", edge_list()),
                  ("200k actors + 200k ties: stats", "stats", big_folder())]
    trees = {"ours": ROOT, "before": baseline_tree()}
    print("| case | size | ours: time | ours: peak | ours: result | before: time | before: peak | before: result |")
    print("|---|---|---|---|---|---|---|---|")
    for name, mode, path in cases:
        cells = [name, size(path)]
        for tree in trees.values():
            found = run(tree, mode, path, args.limit)
            cells += [f"{found['seconds']:.2f} s", f"{found['peak_mb']:.0f} MB", found["result"][:70]]
        print("| " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
