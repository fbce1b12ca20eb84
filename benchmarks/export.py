"""Time the picture exports on random datasets and print a table.

Goal: PNG and SVG of 5,000 actors / 20,000 ties in 5 s or less.  The layout
is computed once per dataset (its time is shown on its own); each format is
then timed through :func:`graph.export.export_dataset` with those positions,
as the app does after drawing the graph.  ``--with-layout`` times the command
line's path instead (layout inside every export).

Run: ``python benchmarks/export.py [--sizes 300:900,1000:3000,5000:20000] [--with-layout]``
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.build import to_multigraph  # noqa: E402
from graph.export import export_dataset  # noqa: E402
from graph.layout import compute_layout  # noqa: E402
from graph.model import Dataset  # noqa: E402
from graph.vocab import ACTOR_TYPES, KINDS, STATUSES  # noqa: E402

__all__ = ["random_dataset", "main"]

_WORDS = ["Åmål", "Tønsberg", "Leader", "kommun", "förening", "Dalsland", "näringsliv", "Ørsta", "nätverk",
          "studieförbund", "Ärjäng", "integration"]


def random_dataset(actors: int, ties: int, seed: int = 1) -> Dataset:
    """A dataset of ``actors`` actors and ``ties`` ties with a few hubs, as real maps have."""
    rng = random.Random(seed)
    types, kinds, statuses = list(ACTOR_TYPES), list(KINDS), list(STATUSES)
    rows = [{"id": f"a{i}", "name": f"{rng.choice(_WORDS)} {rng.choice(_WORDS)} {i}", "type": rng.choice(types)}
            for i in range(actors)]
    weights = [1.0 / (i + 1) ** 0.8 for i in range(actors)]  # preferential: low ids are hubs
    ends = rng.choices(range(actors), weights=weights, k=2 * ties)
    links = []
    for k in range(ties):
        u, v = ends[2 * k], ends[2 * k + 1]
        if u == v:
            v = (v + 1) % actors
        links.append({"source": f"a{u}", "target": f"a{v}", "kind": rng.choice(kinds),
                      "status": rng.choice(statuses), "document": f"d{k % 5}"})
    documents = [{"id": f"d{i}", "title": f"Rapport {i}"} for i in range(5)]
    return Dataset.from_records(actors=rows, collaborations=links, documents=documents)


def _time(fn) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="300:900,1000:3000,5000:20000", help="actors:ties,actors:ties,…")
    parser.add_argument("--formats", default="png,svg,pdf")
    parser.add_argument("--with-layout", action="store_true", help="compute the layout inside each export")
    args = parser.parse_args(argv)
    sizes = [tuple(int(x) for x in pair.split(":")) for pair in args.sizes.split(",")]
    formats = args.formats.split(",")
    header = f"{'actors':>7} {'ties':>7} {'layout s':>9}" + "".join(f" {f + ' s':>7} {f + ' MB':>7}" for f in formats)
    print(header)
    print("-" * len(header))
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for actors, ties in sizes:
            ds = random_dataset(actors, ties)
            layout_s, positions = _time(lambda ds=ds: compute_layout(to_multigraph(ds), seed=1))
            cells = []
            for fmt in formats:
                out = Path(tmp) / f"net.{fmt}"
                given = None if args.with_layout else positions
                seconds, _ = _time(lambda ds=ds, out=out, fmt=fmt, given=given:
                                   export_dataset(ds, out, fmt, positions=given))
                if fmt in ("png", "svg") and actors >= 5000:
                    worst = max(worst, seconds)
                cells.append(f" {seconds:>7.2f} {out.stat().st_size / 1e6:>7.2f}")
            print(f"{actors:>7} {ties:>7} {layout_s:>9.2f}" + "".join(cells), flush=True)
    if worst:
        verdict = "within" if worst <= 5.0 else "OVER"
        print(f"\nslowest PNG/SVG at 5,000 actors: {worst:.2f} s ({verdict} the 5 s goal)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
