"""How long the app takes on the server: first load, and a rerun after a filter change.

Drives the real app with Streamlit's AppTest on synthetic datasets in our
table format (300/900, 1,000/3,000, 5,000/20,000) and prints a table.
Goal (issue 3): a filter change reruns in 200 ms or less at 5,000/20,000.

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


def main() -> None:
    print("| actors / ties | first load (s) | rerun, nothing changed (ms) | filter change, median (ms) | worst (ms) |")
    print("|---|---|---|---|---|")
    for actors, ties in SIZES:
        with tempfile.TemporaryDirectory() as tmp:
            write_tables(synthetic_dataset(actors, ties, seed=1), Path(tmp))
            first, warm, times = measure(Path(tmp))
        print(f"| {actors:,} / {ties:,} | {first:.1f} | {warm * 1000:.0f} | {statistics.median(times) * 1000:.0f} "
              f"| {max(times) * 1000:.0f} |", flush=True)


if __name__ == "__main__":
    main()
