"""Parts of benchmarks/links.py: leave-one-out on our own data with each domain signal switched off, and speed.

Leave-one-out: each existing tie of data/ is hidden in turn (every observed
row of that pair removed), the method is fitted on what is left, and all
untied pairs are ranked; the hidden pair's rank (ties count half) is what a
coordinator would meet.  The default runs with all its signals, then with
one switched off at a time: the learned theme and place weights
(``domain``), the learned weights of complementary sectors and of the same
country, a source's recommendations (``support``, the one hand-set weight:
recommended pairs come first, so they push a hidden tie down by as many
places as there are recommendations), and the stacked classifier as a
candidate; last with none of them (the structural index alone).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import networkx as nx
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.io import read_dataset  # noqa: E402
from graph.links import adjacency, fit_default, prepare, score_matrix_pairs  # noqa: E402
from graph.links._core import is_edge  # noqa: E402
from graph.links._topk import candidate_pairs  # noqa: E402

CONFIGS = {
    "default (all signals)": {},
    "without themes and places": {"domain": False},
    "without complementary sectors": {"complementary": False},
    "without the same country": {"country": False},
    "without recommendations": {"support": False},
    "without the stacked candidate": {"stacked": False},
    "structure only (no signal)": {"domain": False, "complementary": False, "country": False, "support": False},
}
SINGLE = ("ra", "aa", "cn", "lp", "katz", "pa", "jaccard")


def _pairs(ds) -> list[tuple[str, str]]:
    c = ds.collaborations
    existing = c[c["status"].astype(str).str.lower() == "existing"]
    return sorted({tuple(sorted((a, b))) for a, b in zip(existing["source"], existing["target"]) if a != b})


def _rank(scores: np.ndarray, at: int) -> float:
    s = scores[at]
    return float((scores > s).sum() + 0.5 * ((scores == s).sum() - 1) + 1)


def leave_one_out(data: Path) -> None:
    ds = read_dataset(data)
    c = ds.collaborations
    observed = c["status"].astype(str).str.lower() != "recommended"
    tables = dict(actors=ds.actors, themes=ds.themes, documents=ds.documents)
    pairs = _pairs(ds)
    ranks = {name: [] for name in [*CONFIGS, *SINGLE]}
    t = time.perf_counter()
    for a, b in pairs:
        drop = observed & (((c["source"] == a) & (c["target"] == b)) | ((c["source"] == b) & (c["target"] == a)))
        p = prepare(c[~drop], **tables)
        n = p.A.shape[0]
        r, cc = np.triu_indices(n, 1)
        keep = ~is_edge(p.A, r, cc)
        r, cc = r[keep], cc[keep]
        u, v = sorted((p.position(a), p.position(b)))
        at = int(np.flatnonzero((r == u) & (cc == v))[0])
        for name, use in CONFIGS.items():
            model = fit_default(p.A, p.attributes, use=use)
            ranks[name].append(_rank(model.score(p.A, r, cc), at))
        for m in SINGLE:
            ranks[m].append(_rank(score_matrix_pairs(p.A, r, cc, m), at))
    took = time.perf_counter() - t
    untied = int(n * (n - 1) / 2 - p.A.nnz / 2)
    print(f"\nLeave-one-out on {data.name}/: {len(pairs)} existing ties hidden in turn, each ranked among"
          f" about {untied} untied pairs ({took:.0f} s)")
    print("| method | mean rank | median rank | in top 10 | in top 50 | MRR | AUC |")
    print("|---|---|---|---|---|---|---|")
    for name, x in ranks.items():
        x = np.array(x)
        print(f"| {name} | {x.mean():.1f} | {np.median(x):.1f} | {(x <= 10).mean():.2f} | {(x <= 50).mean():.2f} |"
              f" {(1 / x).mean():.3f} | {1 - ((x - 1) / untied).mean():.3f} |")
    full = prepare(c, **tables)
    model = fit_default(full.A, full.attributes)
    from graph.links._default import DOMAIN

    weights = ", ".join(f"{d} {w:.2f}" for d, w in zip(DOMAIN, model.domain))
    print(f"On the whole of {data.name}/ the default ranks by {model.choice!r}; learned log-odds weights: {weights}.")


def speed(names: list[str]) -> None:
    from links import load  # the benchmark's own reader

    print("\nSpeed: resource allocation over all non-ties, networkx vs graph.links (links: best of 3)")
    print("| network | nodes | non-ties | networkx s | links s | speed-up | identical |")
    print("|---|---|---|---|---|---|---|")
    for name in names:
        u, v, n = load(name)
        G = nx.Graph()
        G.add_nodes_from(range(n))
        G.add_edges_from(zip(u.tolist(), v.tolist()))
        t = time.perf_counter()
        ref = list(nx.resource_allocation_index(G))
        t_nx = time.perf_counter() - t
        t_us = np.inf
        for _ in range(3):
            t = time.perf_counter()
            A = adjacency(u, v, n)
            r, c, s = candidate_pairs(A, 1.0 / np.maximum(np.diff(A.indptr), 1))
            t_us = min(t_us, time.perf_counter() - t)
        nz = {(min(a, b), max(a, b)): x for a, b, x in ref if x > 0}
        mine = dict(zip(zip(r.tolist(), c.tolist()), s.tolist()))
        same = nz.keys() == mine.keys() and all(abs(nz[k] - mine[k]) <= 1e-12 * max(1, nz[k]) for k in nz)
        print(f"| {name} | {n} | {len(ref)} | {t_nx:.2f} | {t_us:.4f} | {t_nx / t_us:.0f}x | {same} |", flush=True)
