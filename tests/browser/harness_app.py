"""Tiny Streamlit app that the browser tests drive: one graph_view and its result.

The graph is chosen by the ``graph`` query parameter: ``small`` (default) or
``hostile`` (every text field holds a script payload).
"""

from __future__ import annotations

import sys
from pathlib import Path

import networkx as nx
import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from graph.layout import compute_layout  # noqa: E402
from graph.render import network_data  # noqa: E402
from ui.graph_view import graph_view  # noqa: E402

PAYLOADS = (
    "<img src=x onerror=alert(1)>",
    '"><script>alert(2)</script>',
    "<a href=javascript:alert(3)>x</a>",
    "<svg onload=alert(4)>",
)
KINDS = ("partnership", "funding", "commissioning", "participation", "membership", "dialogue")
STATUSES = ("existing", "planned", "recommended", "ended")


def make_graph(which: str) -> nx.MultiGraph:
    """Return the small named test graph, or the hostile one."""
    G = nx.MultiGraph()
    hostile = which == "hostile"
    base = nx.les_miserables_graph() if not hostile else nx.cycle_graph(8)
    names = {v: f"Actor {i}" for i, v in enumerate(base)}
    ids = {v: f"a{i}" for i, v in enumerate(base)}
    for i, v in enumerate(base):
        text = PAYLOADS[i % len(PAYLOADS)] + f" #{i}"
        G.add_node(
            PAYLOADS[i % len(PAYLOADS)] + str(i) if hostile else ids[v],
            name=text if hostile else names[v],
            type=text if hostile else "association",
            sector=text if hostile else ("public", "civil_society", "business")[i % 3],
            description=text,
            aliases=(text,),
            municipality=text,
        )
    nodes = list(G)
    for j, (u, v) in enumerate(base.edges()):
        iu, iv = list(base).index(u), list(base).index(v)
        G.add_edge(
            nodes[iu],
            nodes[iv],
            kind=PAYLOADS[j % 4] if hostile and j % 2 else KINDS[j % len(KINDS)],
            status=PAYLOADS[j % 4] if hostile and j % 3 == 0 else STATUSES[j % len(STATUSES)],
            evidence=PAYLOADS[j % 4],
            document=PAYLOADS[(j + 1) % 4],
            themes=(PAYLOADS[(j + 2) % 4],),
            source=nodes[iu],
            target=nodes[iv],
        )
    return G


G = make_graph(st.query_params.get("graph", "small"))
data = network_data(G, compute_layout(G), size_by=dict(G.degree()))
focus = st.text_input("focus", key="focus") or None
selected = graph_view(data, key="graph", height=500, selected=focus)
st.write(f"selected: {selected}")
if selected is not None and selected in G:
    st.text(f"name: {G.nodes[selected]['name']}")
