"""Benchmark of graph.links: quality of the default beside the best single index, on networks of every size.

Protocol of ../shared/benchmarks/linkpred/README.md: per split, 10% of the ties
(none of a random spanning forest, so the training graph keeps its
components) form the probe set; AUC compares every probe tie with 10,000
uniform random non-ties (Mann-Whitney, ties count one half); precision@k is
the share of probe ties among each method's top k unobserved pairs (k = 100,
or the number of probe ties when fewer), as `suggest_matrix` returns them.
The last column is the best on the probes of the rankings only the default
chooses among (superposed and local random walks, Cannistraci's resource
allocation: not methods of their own, so not counted as single indices),
each scored as if the default had chosen it: what a perfect choice would give.

Networks: the small classics networkx ships (Zachary's karate club, the
Florentine families, Les Misérables, Davis' Southern Women; more splits, they
are noisy: each table shows mean ± standard error and the default's paired
difference with the best single index, marked "(noise)" when it is below that
index by less than two standard errors), the eight benchmark networks, random graphs of three kinds at
1,000–5,000 nodes, and leave-one-out on our own data/ (each existing tie
hidden in turn: where does each method rank it among all untied pairs?), with
each domain signal of the default switched off in turn.

Usage: python benchmarks/links.py [--splits 6] [--small-splits 50] [--networks "USAir,karate,gnp 1k"] [--skip-…]
(``--networks``: only these, from any table; the random graphs run ``splits - 1`` splits.)
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

import networkx as nx
import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import minimum_spanning_tree
from scipy.stats import rankdata

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.links import INDICES, METHODS, adjacency, fit_default, score_matrix_pairs, suggest_matrix  # noqa: E402
from graph.links._core import RANKINGS  # noqa: E402
from graph.links._default import rankings_for  # noqa: E402

DATA = Path(os.environ.get("LINKPRED_DATA", ROOT.parent / "shared" / "benchmarks" / "linkpred"))
NETWORKS = ("USAir", "NS", "PB", "Yeast", "Celegans", "Power", "Router", "Ecoli")
NEGATIVES = 10_000


def _edges(G: nx.Graph) -> tuple[np.ndarray, np.ndarray, int]:
    G = nx.convert_node_labels_to_integers(nx.Graph(G))
    G.remove_edges_from(nx.selfloop_edges(G))
    e = np.array(G.edges(), dtype=np.int64).reshape(-1, 2)
    return e.min(axis=1), e.max(axis=1), G.number_of_nodes()


def classics() -> dict[str, tuple]:
    return {"karate": _edges(nx.karate_club_graph()), "florentine": _edges(nx.florentine_families_graph()),
            "lesmis": _edges(nx.les_miserables_graph()), "davis": _edges(nx.davis_southern_women_graph())}


def randoms() -> dict[str, tuple]:
    return {
        "powerlaw-cluster 2k": _edges(nx.powerlaw_cluster_graph(2000, 3, 0.3, seed=1)),
        "block model 3k": _edges(nx.stochastic_block_model([300] * 10, _sbm(10), seed=1)),
        "lattice-like 5k": _edges(nx.connected_watts_strogatz_graph(5000, 4, 0.05, seed=1)),
        "gnp 1k": _edges(nx.gnp_random_graph(1000, 0.008, seed=1)),
    }


def _sbm(blocks: int) -> list[list[float]]:
    return [[0.03 if i == j else 0.001 for j in range(blocks)] for i in range(blocks)]


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
    probe = rng.choice(free, max(1, min(free.size, int(round(0.1 * u.size)))), replace=False)
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


def evaluate(u, v, n, splits):
    """Mean AUC and precision@k per method over ``splits`` splits, and the default's choices."""
    aucs = {m: [] for m in METHODS}
    precs = {m: [] for m in METHODS}
    choices = Counter()
    for s in range(splits):
        train, probe = split(u, v, n, s)
        A = adjacency(u[train], v[train], n)
        pu, pv = u[probe], v[probe]
        nu, nv = negatives(u, v, n, NEGATIVES, np.random.default_rng(1000 + s))
        rows, cols = np.r_[pu, nu], np.r_[pv, nv]
        probe_keys = set((pu * n + pv).tolist())
        k = int(min(100, pu.size))
        model = fit_default(A)
        choices[model.choice] += 1
        for m in METHODS:
            sc = model.score(A, rows, cols) if m == "default" else score_matrix_pairs(A, rows, cols, m)
            aucs[m].append(auc(sc[:pu.size], sc[pu.size:]))
            r, c, _ = suggest_matrix(A, m, k, model=model if m == "default" else None)
            precs[m].append(sum((a * n + b) in probe_keys for a, b in zip(r.tolist(), c.tolist())) / k)
        computed = rankings_for(A)
        for m in RANKINGS:  # the default's own rankings, each as if chosen (on the default's candidates)
            forced = replace(model, choice=m, tie="katz", domain=np.zeros_like(model.domain), rankings=computed)
            r, c, _ = suggest_matrix(A, "default", k, model=forced) if m in computed else ([], [], [])
            precs.setdefault(m, []).append(sum((a * n + b) in probe_keys for a, b in zip(list(r), list(c))) / k)
    return aucs, precs, choices


def _se(x) -> float:
    """Standard error of the mean over the splits (0 with one split)."""
    x = np.asarray(x, dtype=float)
    return float(x.std(ddof=1) / np.sqrt(x.size)) if x.size > 1 else 0.0


def quality(title: str, graphs: dict[str, tuple], splits: int) -> list[tuple]:
    """One table: per network the default beside the best single index (which one), AUC and precision@k."""
    print(f"\n{title} ({splits} splits each; mean ± standard error over the splits; Δ P@k = default minus the"
          " best single index, paired by split)")
    print("| network | nodes | ties | default AUC | best single AUC | default P@k | best single P@k | Δ P@k | k |"
          " default's choice | best of its rankings P@k |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    rows = []
    for name, (u, v, n) in graphs.items():
        t = time.perf_counter()
        aucs, precs, choices = evaluate(u, v, n, splits)
        a = {m: float(np.mean(x)) for m, x in aucs.items()}
        p = {m: float(np.mean(x)) for m, x in precs.items()}
        ba = max(INDICES, key=lambda m: a[m])
        bp = max(INDICES, key=lambda m: p[m])
        br = max(RANKINGS, key=lambda m: p[m])  # srw, lrw, cra: not offered as methods, so not "single"
        k = int(min(100, round(0.1 * u.size)))
        diff = np.asarray(precs["default"]) - np.asarray(precs[bp])
        ok_a, ok_p = a["default"] >= a[ba] - 0.01, p["default"] >= p[bp] - 1e-9
        # below the best single index by more than two standard errors of the paired difference
        worse = diff.mean() < -2 * _se(diff) - 1e-9
        rows.append((name, ok_a, ok_p, not worse))
        chosen = ", ".join(f"{c} {x}" for c, x in choices.most_common())
        mark = "" if ok_p else (" ✗" if worse else " (noise)")
        print(f"| {name} | {n} | {u.size} | {a['default']:.3f}{'' if ok_a else ' ✗'} | {a[ba]:.3f} ({ba}) |"
              f" {p['default']:.3f} ± {_se(precs['default']):.3f}{mark} | {p[bp]:.3f} ± {_se(precs[bp]):.3f} ({bp}) |"
              f" {diff.mean():+.3f} ± {_se(diff):.3f} | {k} | {chosen} | {p[br]:.3f} ({br}) |", flush=True)
        print(f"  {name}: {time.perf_counter() - t:.1f} s", file=sys.stderr, flush=True)
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--splits", type=int, default=6,
                    help="splits of the eight benchmark networks (two seeds leave P@k to a coin toss: USAir)")
    ap.add_argument("--small-splits", type=int, default=50,
                    help="splits of the small classics (cheap; fewer leave P@k of a 2-tie probe set to chance)")
    ap.add_argument("--networks", default="",
                    help="comma-separated names to run, of any table (e.g. 'karate,USAir,lattice-like 5k');"
                         " default: all")
    for part in ("small", "benchmark", "random", "ours", "speed"):
        ap.add_argument(f"--skip-{part}", action="store_true")
    args = ap.parse_args()
    wanted = {x.strip() for x in args.networks.split(",") if x.strip()}

    def chosen(names) -> list[str]:
        return [x for x in names if not wanted or x in wanted]

    summary = []
    small, names, rand = classics(), chosen(NETWORKS), randoms()
    if not args.skip_small and chosen(small):
        summary += quality("Small classic networks (networkx)", {x: small[x] for x in chosen(small)}, args.small_splits)
    if not args.skip_benchmark and names:
        summary += quality("The eight benchmark networks", {x: load(x) for x in names}, args.splits)
    if not args.skip_random and chosen(rand):
        summary += quality("Random graphs", {x: rand[x] for x in chosen(rand)}, max(2, args.splits - 1))
    if summary:
        print(f"\nDefault within 0.01 AUC of the best single index on {sum(r[1] for r in summary)} of {len(summary)}"
              f" networks; precision@k at or above it on {sum(r[2] for r in summary)} of {len(summary)}, and not"
              f" below it by more than two standard errors (paired) on {sum(r[3] for r in summary)} of {len(summary)}.")
    if not args.skip_ours:
        from links_ours import leave_one_out

        leave_one_out(ROOT / "data")
    if not args.skip_speed:
        from links_ours import speed

        speed(names)


if __name__ == "__main__":
    main()
