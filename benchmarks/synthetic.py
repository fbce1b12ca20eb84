"""Synthetic datasets in our table format, for benchmarks (sizes people meet, and beyond).

>>> ds = synthetic_dataset(50, 120, seed=1)
>>> len(ds.actors), len(ds.collaborations)
(50, 120)
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from graph.model import Dataset
from graph.vocab import ACTOR_TYPES, KINDS, STATUSES

THEMES = ("housing", "language", "validation_education", "work_internship_matching", "entrepreneurship",
          "meeting_places", "attitudes_information", "parenting_health")
REGIONS = ("Västra Götalands län", "Värmlands län", "Sörmland", "Vestfold", "Innlandet")


def synthetic_dataset(actors: int, ties: int, *, seed: int = 1) -> Dataset:
    """``actors`` actors and ``ties`` distinct ties with a heavy-tailed degree (preferential attachment)."""
    rng = np.random.default_rng(seed)
    types = rng.choice(list(ACTOR_TYPES), size=actors)
    weights = 1.0 / (np.arange(actors) + 10.0) ** 0.8
    weights /= weights.sum()
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < ties:
        need = (ties - len(pairs)) * 2
        u = rng.choice(actors, size=need, p=weights)
        v = rng.integers(0, actors, size=need)
        for a, b in zip(u.tolist(), v.tolist(), strict=True):
            if a != b and (b, a) not in pairs:
                pairs.add((a, b))
                if len(pairs) == ties:
                    break
    edges = np.array(sorted(pairs))
    ids = [f"actor-{i:05d}" for i in range(actors)]
    actor_table = pd.DataFrame({
        "id": ids, "name": [f"Aktör {i} Åmål" for i in range(actors)], "type": types,
        "region": rng.choice(REGIONS, size=actors), "country": "SE",
    })
    tie_table = pd.DataFrame({
        "source": [ids[a] for a in edges[:, 0]], "target": [ids[b] for b in edges[:, 1]],
        "kind": rng.choice(list(KINDS), size=ties), "status": rng.choice(list(STATUSES), size=ties, p=[.7, .1, .1, .1]),
        "themes": rng.choice(THEMES, size=ties), "evidence": "synthetic", "document": "synthetic",
    })
    return Dataset(actors=actor_table, collaborations=tie_table)
