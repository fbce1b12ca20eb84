"""How many sampled sources the top brokers need: rank agreement of the top 10 and 20 with a big sample.

Betweenness above 1,500 actors is estimated from sampled sources
(:func:`graph.analysis.sampled_betweenness`).  This measures, at 200,000
actors and 200,000 ties, how much the top 10 and top 20 of an estimate from
``k`` sources (16 … 1,024, one seeded order) share with those of an
independent estimate from ``--reference`` sources (another seed), and
Kendall's tau of the two estimates over the reference's top; and what
``sampled_betweenness`` itself chose (sources, whether its top 20 settled).

    .venv/bin/python benchmarks/betweenness_sampling.py [--reference 2048] [--size 200000x200000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.stats import kendalltau

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from scale import heavy_graph, local_graph  # noqa: E402
from synthetic import synthetic_dataset  # noqa: E402

from graph import analysis  # noqa: E402

CHECKPOINTS = (16, 32, 64, 128, 256, 512, 1024)


def graphs(nodes: int, ties: int):
    """(name, n, u, v) of the three graphs of ``benchmarks/scale.py``'s stats table."""
    for name, make in (("edge list, local + Pareto", local_graph), ("edge list, heavy-tailed", heavy_graph)):
        a, b = make(nodes, ties)
        keep = a != b
        yield name, nodes, a[keep], b[keep]
    ds = synthetic_dataset(nodes, ties, seed=1)
    existing = ds.collaborations[ds.collaborations["status"] == "existing"]
    ids = pd.Index(ds.actors["id"])
    yield "our tables (synthetic.py)", nodes, ids.get_indexer(existing["source"]), ids.get_indexer(existing["target"])


def agreement(estimate: np.ndarray, reference: np.ndarray, top: int) -> tuple[float, float]:
    """Share of the reference's top ``top`` in the estimate's, and Kendall's tau over the reference's top."""
    best = np.argsort(-reference, kind="stable")[:top]
    shared = len(set(best.tolist()) & set(np.argsort(-estimate, kind="stable")[:top].tolist())) / top
    return shared, float(kendalltau(reference[best], estimate[best]).statistic)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reference", type=int, default=2048, help="sources of the reference estimate")
    ap.add_argument("--size", default="200000x200000", help="nodes x ties")
    args = ap.parse_args()
    nodes, ties = (int(x) for x in args.size.lower().split("x"))
    print(f"Top brokers from k sampled sources against an independent estimate from {args.reference:,}"
          f" sources (seed 99), {nodes:,} actors, {ties:,} ties: top-10 shared, tau; top-20 shared, tau")
    print("| graph | " + " | ".join(f"k={k}" for k in CHECKPOINTS) + " | sampled_betweenness chose |")
    print("|---|" + "---|" * len(CHECKPOINTS) + "---|")
    for name, n, u, v in graphs(nodes, ties):
        a, b = analysis.distinct_pairs(n, u, v)
        reference = analysis._SourceSampler(n, a, b, 99).scores(args.reference)
        sampler = analysis._SourceSampler(n, a, b, 1)
        cells = []
        for k in CHECKPOINTS:
            estimate = sampler.scores(k)
            (s10, t10), (s20, t20) = agreement(estimate, reference, 10), agreement(estimate, reference, 20)
            cells.append(f"{s10:.1f}, {t10:.2f}; {s20:.2f}, {t20:.2f}")
        start = time.perf_counter()
        _, k, settled = analysis.sampled_betweenness(n, a, b, top=20, seed=1)
        chose = f"{k} sources, {'settled' if settled else 'not settled'}, {time.perf_counter() - start:.1f} s"
        print(f"| {name} | " + " | ".join(cells) + f" | {chose} |", flush=True)


if __name__ == "__main__":
    main()
