"""Scale benchmark: `links`, `stats` and communities on large graphs, each beside a baseline, in one run.

Whole processes (``python -m graph links FILE --top 100``) are timed with their
peak memory (``ru_maxrss`` of the child) beside a minimal scipy script that
reads the same edge list and does the same sparse products (the 2-walk
product ``A diag(1/k) A`` without the hubs, the top 100).  Graphs: the edge
list of ``benchmarks/links.py`` (local ties plus a Pareto tail, max degree
about 100) and a heavy-tailed Chung–Lu graph (hubs with 10,000+ ties), at
several sizes so that a cliff would show.

Usage: python benchmarks/scale.py [--sizes 20000,50000,200000] [--skip-links] [--skip-stats] [--skip-communities]
"""

from __future__ import annotations

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


def run(cmd: list[str]) -> tuple[float, float, str, str, int]:
    """Wall time (s), peak memory (GB), stdout, stderr and exit code of one child process."""
    import os

    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=ROOT, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        took = time.perf_counter() - t
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return took, usage.ru_maxrss / 2**20, out.read(), err.read(), proc.returncode
