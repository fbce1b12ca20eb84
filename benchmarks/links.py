"""Benchmark of graph.links: quality (AUC, precision@100) and speed.

Protocol of ../shared/benchmarks/linkpred/README.md: per split, 10% of the ties
(none of a random spanning forest, so the training graph keeps its
components) form the probe set; AUC compares every probe tie with 10,000
uniform random non-ties (Mann-Whitney, ties count one half); precision@100 is
the share of probe ties among each method's top 100 unobserved pairs.

Usage: python benchmarks/links.py [--splits 10] [--networks USAir,NS] [--skip-speed] [--skip-big]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx
import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import minimum_spanning_tree
from scipy.stats import rankdata

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.links import INDICES, METHODS, adjacency, fit_default, score_matrix_pairs, suggest_matrix  # noqa: E402

DATA = Path(os.environ.get("LINKPRED_DATA", ROOT.parent / "shared" / "benchmarks" / "linkpred"))
NETWORKS = ("USAir", "NS", "PB", "Yeast", "Celegans", "Power", "Router", "Ecoli")
NEGATIVES = 10_000


def load(name: str) -> tuple[np.ndarray, np.ndarray, int]:
    e = np.loadtxt(DATA / f"{name}.edges", dtype=np.int64).reshape(-1, 2)
    lo, hi = np.minimum(e[:, 0], e[:, 1]), np.maximum(e[:, 0], e[:, 1])
    key = np.unique(lo * (e.max() + 1) + hi)
    n = int(e.max()) + 1
    return key // n, key % n, n


def split(u, v, n, seed):
    rng = np.random.default_rng(seed)
    w = rng.random(u.size) + 1.0
    T = minimum_spanning_tree(sp.coo_array((w, (u, v)), shape=(n, n)).tocsr()).tocoo()
    tree = set(zip(np.minimum(T.row, T.col).tolist(), np.maximum(T.row, T.col).tolist()))
    free = np.array([i for i, p in enumerate(zip(u.tolist(), v.tolist())) if p not in tree])
    probe = rng.choice(free, int(round(0.1 * u.size)), replace=False)
    train = np.ones(u.size, dtype=bool)
    train[probe] = False
    return train, probe


def negatives(u, v, n, count, rng):
    keys = set((u * n + v).tolist())
    a = rng.integers(0, n, 3 * count)
    b = rng.integers(0, n, 3 * count)
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    ok = [(x != y) and (x * n + y) not in keys for x, y in zip(lo.tolist(), hi.tolist())]
    return lo[ok][:count], hi[ok][:count]


def auc(pos, neg):
    ranks = rankdata(np.r_[pos, neg])
    return (ranks[:pos.size].sum() - pos.size * (pos.size + 1) / 2) / (pos.size * neg.size)


def quality(names, splits):
    aucs = {m: {} for m in METHODS}
    precs = {m: {} for m in METHODS}
    for name in names:
        u, v, n = load(name)
        t0 = time.perf_counter()
        for m in METHODS:
            aucs[m][name], precs[m][name] = [], []
        for s in range(splits):
            train, probe = split(u, v, n, s)
            A = adjacency(u[train], v[train], n)
            pu, pv = u[probe], v[probe]
            nu, nv = negatives(u, v, n, NEGATIVES, np.random.default_rng(1000 + s))
            rows, cols = np.r_[pu, nu], np.r_[pv, nv]
            probe_keys = set((pu * n + pv).tolist())
            model = fit_default(A)
            for m in METHODS:
                sc = model.score(A, rows, cols) if m == "default" else score_matrix_pairs(A, rows, cols, m)
                aucs[m][name].append(auc(sc[:pu.size], sc[pu.size:]))
                r, c, _ = suggest_matrix(A, m, 100, model=model if m == "default" else None)
                hits = sum((a * n + b) in probe_keys for a, b in zip(r.tolist(), c.tolist()))
                precs[m][name].append(hits / 100)
        print(f"  {name}: {splits} splits in {time.perf_counter() - t0:.1f} s", file=sys.stderr, flush=True)
    return aucs, precs


def table(title, values, names):
    print(f"\n{title}")
    head = f"| method | {' | '.join(names)} | mean |"
    print(head)
    print("|" + "---|" * (len(names) + 2))
    for m in METHODS:
        means = [np.mean(values[m][x]) for x in names]
        print(f"| {m} | {' | '.join(f'{x:.3f}' for x in means)} | {np.mean(means):.3f} |")
    best = [max(np.mean(values[m][x]) for m in INDICES) for x in names]
    print(f"| best single | {' | '.join(f'{x:.3f}' for x in best)} | {np.mean(best):.3f} |")


def speed(names):
    print("\nSpeed: resource allocation over all non-ties, networkx vs graph.links (links: best of 3)")
    print("| network | nodes | non-ties | networkx s | links s | speed-up | identical |")
    print("|---|---|---|---|---|---|---|")
    for name in names:
        u, v, n = load(name)
        G = nx.Graph()
        G.add_nodes_from(range(n))
        G.add_edges_from(zip(u.tolist(), v.tolist()))
        t = time.perf_counter()
        ref = [(a, b, s) for a, b, s in nx.resource_allocation_index(G)]
        t_nx = time.perf_counter() - t
        from graph.links._core import candidate_pairs
        t_us = np.inf
        for _ in range(3):  # best of 3 (networkx once: it is the slow side)
            t = time.perf_counter()
            A = adjacency(u, v, n)
            deg = np.diff(A.indptr)
            r, c, s = candidate_pairs(A, 1.0 / np.maximum(deg, 1))
            t_us = min(t_us, time.perf_counter() - t)
        nz = {(min(a, b), max(a, b)): x for a, b, x in ref if x > 0}
        mine = dict(zip(zip(r.tolist(), c.tolist()), s.tolist()))
        same = nz.keys() == mine.keys() and all(abs(nz[k] - mine[k]) <= 1e-12 * max(1, nz[k]) for k in nz)
        print(f"| {name} | {n} | {len(ref)} | {t_nx:.2f} | {t_us:.4f} | {t_nx / t_us:.0f}x | {same} |", flush=True)


def big(nodes=200_000, ties=1_000_000, seed=7):
    """Time exactly ``python -m graph links FILE --top 100`` on a 200k-node / 1M-tie edge list."""
    rng = np.random.default_rng(seed)
    w = rng.pareto(2.5, nodes) + 1
    a = rng.integers(0, nodes, ties)
    local = rng.random(ties) < 0.7
    b = np.where(local, (a + rng.integers(1, 50, ties)) % nodes, rng.choice(nodes, ties, p=w / w.sum()))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.edges"
        with open(path, "w") as fh:
            fh.write("\n".join(f"n{x:06d} n{y:06d}" for x, y in zip(a.tolist(), b.tolist())))
            fh.write("\n")
        cmd = [sys.executable, "-m", "graph", "links", str(path), "--top", "100"]
        took = []
        for _ in range(2):
            t = time.perf_counter()
            res = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
            took.append(time.perf_counter() - t)
    rows = res.stdout.strip().splitlines()
    print(f"\nWhole process `python -m graph links FILE --top 100`, {nodes:,} nodes / {ties:,} ties edge list:"
          f" {min(took):.1f} s best of {len(took)} ({', '.join(f'{x:.1f}' for x in took)}; exit {res.returncode},"
          f" {len(rows) - 1} suggestions)")
    print("\n".join(rows[:3]) if rows else res.stderr.strip()[-2000:])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--splits", type=int, default=10)
    ap.add_argument("--networks", default=",".join(NETWORKS))
    ap.add_argument("--skip-quality", action="store_true")
    ap.add_argument("--skip-speed", action="store_true")
    ap.add_argument("--skip-big", action="store_true")
    args = ap.parse_args()
    names = [x for x in args.networks.split(",") if x]
    if not args.skip_quality:
        aucs, precs = quality(names, args.splits)
        table(f"AUC (mean of {args.splits} splits)", aucs, names)
        table(f"Precision@100 (mean of {args.splits} splits)", precs, names)
    if not args.skip_speed:
        speed(names)
    if not args.skip_big:
        big()


if __name__ == "__main__":
    main()
