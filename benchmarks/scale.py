"""Scale benchmark: `links`, `stats` and communities on large graphs, each beside a baseline, in one run.

Whole processes (``python -m graph links FILE --top 100``) are timed with their
peak memory (``ru_maxrss`` of the child) beside a minimal scipy script that
reads the same edge list and does the same sparse products (the 2-walk
product ``A diag(1/k) A`` without the hubs, the top 100).  Graphs: the edge
list of ``benchmarks/links.py`` (local ties plus a Pareto tail, max degree
about 100) and a heavy-tailed Chung–Lu graph (hubs with 10,000+ ties), at
several sizes so that a cliff would show.

``stats`` (counts and the brokers question, betweenness sampled above 1,500
actors until the top 20 settle, within a work budget) on edge lists and on a
folder of our tables runs beside a minimal python-igraph script doing the same
read, build and sampled betweenness, at 256 sources (the count before) and at
as many as ours took.  Communities (Leiden, seeded) run
in-process beside igraph's Leiden and leidenalg called directly on an igraph graph.

Usage: python benchmarks/scale.py [--sizes 200000x1000000,1000000x1000000] [--stats 200000x200000]
                                  [--communities 5000x20000] [--repeats 2] [--skip-links] [--skip-stats] [--skip-communities]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BASELINE = r'''
import sys, numpy as np, pandas as pd, scipy.sparse as sp
e = pd.read_csv(sys.argv[1], sep=" ", header=None, dtype=str)
codes, ids = pd.factorize(pd.concat([e[0], e[1]], ignore_index=True))
m, n = len(e), len(ids)
u, v = codes[:m], codes[m:]
keep = u != v
A = sp.coo_array((np.ones(2 * keep.sum()), (np.r_[u[keep], v[keep]], np.r_[v[keep], u[keep]])), shape=(n, n)).tocsr()
A.data[:] = 1.0
k = np.diff(A.indptr).astype(float)
order = np.argsort(-k)
walks = np.cumsum((k[order] ** 2)[::-1])[::-1]
w = 1 / np.maximum(k, 1)
w[order[:int(np.searchsorted(-walks, -40_000_000))]] = 0      # the same hub budget as graph.links
W = (A @ sp.diags(w) @ A).tocsr()
r = np.repeat(np.arange(n), np.diff(W.indptr)); c = W.indices
up = c > r
r, c, s = r[up], c[up], W.data[up]
tie = np.asarray(A[r, c]).ravel() > 0
r, c, s = r[~tie], c[~tie], s[~tie]
best = np.argpartition(-s, 99)[:100]
best = best[np.argsort(-s[best])]
print("source,target,score")
for a, b, x in zip(ids[r[best]], ids[c[best]], s[best]):
    print(f"{a},{b},{x}")
'''


def local_graph(nodes: int, ties: int, seed: int = 7) -> tuple[np.ndarray, np.ndarray]:
    """The generator of ``benchmarks/links.py``: 70% local ties, the rest to a Pareto(2.5) tail."""
    rng = np.random.default_rng(seed)
    w = rng.pareto(2.5, nodes) + 1
    a = rng.integers(0, nodes, ties)
    local = rng.random(ties) < 0.7
    b = np.where(local, (a + rng.integers(1, 50, ties)) % nodes, rng.choice(nodes, ties, p=w / w.sum()))
    return a, b


def heavy_graph(nodes: int, ties: int, seed: int = 7, alpha: float = 0.75) -> tuple[np.ndarray, np.ndarray]:
    """Chung–Lu: both ends drawn with weight ``rank ** -alpha`` (hubs with 10,000+ ties at 200k/1M)."""
    rng = np.random.default_rng(seed)
    w = (np.arange(nodes) + 1.0) ** -alpha
    p = w / w.sum()
    return rng.choice(nodes, ties, p=p), rng.choice(nodes, ties, p=p)


def write_edges(path: Path, a: np.ndarray, b: np.ndarray) -> None:
    with open(path, "w") as fh:
        fh.write("\n".join(f"n{x:07d} n{y:07d}" for x, y in zip(a.tolist(), b.tolist())))
        fh.write("\n")


def best_of(cmd: list[str], repeats: int) -> tuple[float, float, str, str, int]:
    """:func:`run` ``repeats`` times: the shortest wall time, the largest peak memory (a shared machine
    slows some runs down; none makes one faster)."""
    runs = [run(cmd) for _ in range(repeats)]
    took = min(r[0] for r in runs)
    return took, max(r[1] for r in runs), *runs[-1][2:]


def run(cmd: list[str]) -> tuple[float, float, str, str, int]:
    """Wall time (s), peak memory (GB), stdout, stderr and exit code of one child process."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=ROOT, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        took = time.perf_counter() - t
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return took, usage.ru_maxrss / 2**20, out.read(), err.read(), proc.returncode


STATS_BASELINE = r"""
import sys, numpy as np, pandas as pd, igraph as ig
path, k = sys.argv[1], int(sys.argv[2])
if path.endswith(".edges"):
    e = pd.read_csv(path, sep=" ", header=None, dtype=str)
    codes, ids = pd.factorize(pd.concat([e[0], e[1]], ignore_index=True))
    m, n = len(e), len(ids)
    u, v = codes[:m], codes[m:]
else:  # a folder of our tables: the actors, and the existing ties between two of them
    actors = pd.read_csv(path + "/actors.csv", dtype=str, keep_default_na=False)
    ties = pd.read_csv(path + "/collaborations.csv", dtype=str, keep_default_na=False)
    ids = pd.Index(actors["id"].unique())
    n = len(ids)
    ties = ties[ties["status"].isin(["", "existing"])]
    u, v = ids.get_indexer(ties["source"]), ids.get_indexer(ties["target"])
    keep = (u >= 0) & (v >= 0)
    u, v = u[keep], v[keep]
g = ig.Graph(n=n, edges=np.column_stack([u, v]).tolist())
g.simplify()
src = np.sort(np.random.default_rng(1).choice(n, k, replace=False)).tolist()
b = np.asarray(g.betweenness(directed=False, sources=src)) * n / k * 2 / ((n - 1) * (n - 2))
top = np.argsort(-b)[:10]
print(len(g.components()), g.ecount(), [ids[i] for i in top])
"""


def _sources(out: str) -> tuple[int, str]:
    """How many sources ``stats`` sampled, and whether it said its top had settled."""
    found = re.search(r"estimated from (\d+) sampled sources: (the top \d+ (are|still))", out)
    return (int(found.group(1)), "settled" if found.group(3) == "are" else "not settled") if found else (0, "-")


def _size(text: str) -> tuple[int, int]:
    nodes, ties = text.lower().split("x")
    return int(nodes), int(ties)


def _sorted_scores(csv_text: str) -> tuple[int, bool]:
    """Rows and whether the scores come in non-increasing order (exact score order)."""
    lines = csv_text.strip().splitlines()[1:]
    scores = [float(line.split(",")[2]) for line in lines if line]
    return len(scores), all(a >= b for a, b in zip(scores, scores[1:]))


def bench_links(sizes: list[tuple[int, int]], workdir: Path, methods: list[str], repeats: int) -> None:
    print(f"\n`python -m graph links FILE --top 100` beside a minimal scipy script (2-walk product, top 100),"
          f" best of {repeats}")
    print("| graph | nodes | ties | max degree | method | ours s | ours GB | scipy s | scipy GB | ours / scipy |"
          " rows, exact order |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    script = workdir / "baseline_links.py"
    script.write_text(BASELINE)
    for kind, make in (("local + Pareto", local_graph), ("heavy-tailed", heavy_graph)):
        for nodes, ties in sizes:
            a, b = make(nodes, ties)
            path = workdir / f"{kind.split()[0]}-{nodes}-{ties}.edges"
            write_edges(path, a, b)
            keep = a != b
            deg = np.bincount(np.r_[a[keep], b[keep]], minlength=nodes)  # with repeats: an upper bound
            t_base, m_base, _, err, rc = best_of([sys.executable, str(script), str(path)], repeats)
            if rc:
                print(f"baseline failed: {err.strip()[-300:]}", file=sys.stderr)
            for method in methods:
                t, m, out, err, rc = best_of([sys.executable, "-m", "graph", "links", str(path), "--top", "100",
                                              "--method", method], repeats)
                rows, ordered = _sorted_scores(out) if rc == 0 else (0, False)
                if rc:
                    print(f"links failed: {err.strip()[-300:]}", file=sys.stderr)
                print(f"| {kind} | {nodes:,} | {ties:,} | {int(deg.max()):,} | {method} | {t:.1f} | {m:.2f} |"
                      f" {t_base:.1f} | {m_base:.2f} | {t / t_base:.2f} | {rows}, {ordered} |", flush=True)
            path.unlink()


def bench_stats(sizes: list[tuple[int, int]], workdir: Path, repeats: int) -> None:
    print("\n`python -m graph stats DATA` (brokers: betweenness sampled until the top 20 settle, within a work"
          " budget) beside a minimal python-igraph script (the same read, build and sampled betweenness) at 256"
          f" sources and at as many as ours took, best of {repeats}")
    print("| data | nodes | ties | ours s | ours GB | ours: sources, top 20 | igraph 256 s | igraph same s |"
          " igraph GB | ours / igraph same | says sampled |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    script = workdir / "baseline_stats.py"
    script.write_text(STATS_BASELINE)
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic import synthetic_dataset

    from graph.io import write_tables

    def tables(nodes: int, ties: int) -> Path:
        folder = workdir / f"tables-{nodes}"
        write_tables(synthetic_dataset(nodes, ties, seed=1), folder)
        return folder

    def edges(make):
        def write(nodes: int, ties: int) -> Path:
            path = workdir / f"stats-{make.__name__}-{nodes}.edges"
            write_edges(path, *make(nodes, ties))
            return path
        return write

    for kind, make in (("edge list, local + Pareto", edges(local_graph)), ("edge list, heavy-tailed",
                                                                          edges(heavy_graph)),
                       ("our tables (synthetic.py), 70% existing", tables)):
        for nodes, ties in sizes:
            path = make(nodes, ties)
            t, m, out, err, rc = best_of([sys.executable, "-m", "graph", "stats", str(path)], repeats)
            if rc:
                print(f"stats failed: {err.strip()[-300:]}", file=sys.stderr)
            k, settled = _sources(out)
            t_256, m_base, _, err, rc = best_of([sys.executable, str(script), str(path), "256"], repeats)
            if rc:
                print(f"baseline failed: {err.strip()[-300:]}", file=sys.stderr)
            t_same, _, _, _, _ = best_of([sys.executable, str(script), str(path), str(max(k, 1))], repeats)
            print(f"| {kind} | {nodes:,} | {ties:,} | {t:.1f} | {m:.2f} | {k}, {settled} | {t_256:.1f} |"
                  f" {t_same:.1f} | {m_base:.2f} | {t / t_same:.2f} | {'estimated from' in out} |", flush=True)


def bench_communities(sizes: list[tuple[int, int]], repeats: int = 3) -> None:
    import random

    import igraph as ig
    import leidenalg
    import networkx as nx

    from graph import analysis

    print(f"\nCommunities (Leiden, modularity, seed 1) in-process from our multigraph, best of {repeats}, beside"
          " igraph's Leiden and leidenalg on an igraph graph built from the same edge list (modularity in brackets)")
    print("| graph | nodes | ties | ours s | igraph s | leidenalg s | ours / igraph | groups | same groups twice |")
    print("|---|---|---|---|---|---|---|---|---|")
    for kind, make in (("local + Pareto", local_graph), ("heavy-tailed", heavy_graph)):
        for nodes, ties in sizes:
            a, b = make(nodes, ties)
            keep = a != b
            G = nx.MultiGraph()
            G.add_nodes_from(range(nodes))
            G.add_edges_from(zip(a[keep].tolist(), b[keep].tolist()))
            best = {"ours": np.inf, "igraph": np.inf, "leidenalg": np.inf}
            quality = {}
            runs = []
            for _ in range(repeats):
                t = time.perf_counter()
                runs.append(analysis.communities(G, seed=1))
                best["ours"] = min(best["ours"], time.perf_counter() - t)
                t = time.perf_counter()
                g = ig.Graph(n=nodes, edges=np.column_stack([a[keep], b[keep]]))
                g.es["weight"] = 1.0
                g = g.simplify(combine_edges="sum")
                ig.set_random_number_generator(random.Random(1))
                part = g.community_leiden(objective_function="modularity", weights="weight", n_iterations=2)
                best["igraph"] = min(best["igraph"], time.perf_counter() - t)
                quality["igraph"] = g.modularity(part, weights="weight")
                t = time.perf_counter()
                part = leidenalg.find_partition(g, leidenalg.ModularityVertexPartition, weights="weight", seed=1)
                best["leidenalg"] = min(best["leidenalg"], time.perf_counter() - t)
                quality["leidenalg"] = part.modularity
            ig.set_random_number_generator(random)
            membership = [runs[0][i] for i in range(nodes)]
            quality["ours"] = g.modularity(membership, weights="weight")
            print(f"| {kind} | {nodes:,} | {ties:,} | {best['ours']:.3f} ({quality['ours']:.3f}) |"
                  f" {best['igraph']:.3f} ({quality['igraph']:.3f}) | {best['leidenalg']:.3f}"
                  f" ({quality['leidenalg']:.3f}) | {best['ours'] / best['igraph']:.2f} |"
                  f" {len(set(runs[0].values()))} | {all(r == runs[0] for r in runs)} |", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="20000x100000,200000x1000000,1000000x1000000",
                    help="nodes x ties of the links graphs (default %(default)s)")
    ap.add_argument("--methods", default="default,ra", help="link methods to time (default %(default)s)")
    ap.add_argument("--stats", default="200000x200000", help="nodes x ties of the stats graphs")
    ap.add_argument("--communities", default="5000x20000", help="nodes x ties of the community graphs")
    ap.add_argument("--repeats", type=int, default=2, help="runs of each process, the fastest counts")
    for part in ("links", "stats", "communities"):
        ap.add_argument(f"--skip-{part}", action="store_true")
    args = ap.parse_args()
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_links:
            bench_links([_size(x) for x in args.sizes.split(",")], Path(tmp), args.methods.split(","), args.repeats)
        if not args.skip_stats:
            bench_stats([_size(x) for x in args.stats.split(",")], Path(tmp), args.repeats)
        if not args.skip_communities:
            bench_communities([_size(x) for x in args.communities.split(",")], max(3, args.repeats))
    print(f"\n({time.perf_counter() - start:.0f} s in all)")


if __name__ == "__main__":
    main()
