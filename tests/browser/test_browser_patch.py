"""A large map (the page draws its own ties) takes an edit in place and ends as a new drawing of the edited map.

``snxPatch`` on a large map skips vis-network's walk over every actor and tie and does only what the edit
needs (``settle`` in ``draw.js``). These tests put edits into an open large map in Chromium and compare what
it then draws with a fresh drawing of the edited data: actors and ties listed to draw, every actor's size,
the order of names and the page's own list of ties.
"""

from __future__ import annotations

import json
import random

import pandas as pd
import pytest

from graph.model import Dataset
from graph.redraw import draw, redraw
from graph.render import LARGE_MAP
from graph.webpage import DRAW_CSS, DRAW_JS, vis_network_css, vis_network_js

pytestmark = pytest.mark.browser

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><style>{css}</style>
<style>html, body {{ margin: 0; height: 100%; }} {draw_css}</style></head>
<body><div id="snx" class="snx-root" style="height: 700px"></div>
<script>{vis}</script><script>{draw}</script></body></html>"""

# What the map draws, independent of edge ids (a redrawn map names new ties otherwise than a fresh one).
STATE = """() => {
  const net = window.snxNetwork, body = net.body, s = net.snx;
  const edge = (e) => [String(e.fromId), String(e.toId), e.options.color.color, String(e.options.dashes)].join("|");
  const look = (e) => [e.from, e.to, e.order, e.look.color, e.look.width, String(e.look.dashes)].join("|");
  const orders = s.fast.list.map((e) => e.order);
  return {
    nodes: body.nodeIndices.map(String).sort(),
    edges: body.edgeIndices.map((id) => edge(body.edges[id])).sort(),
    sizes: Object.fromEntries(Object.keys(body.nodes).map((id) => [id, Math.round(body.nodes[id].options.size * 1e6)])),
    order: s.order.map(String),
    fast: s.fast.list.map(look).sort(),
    fastSorted: orders.every((o, i) => i === 0 || orders[i - 1] <= o),
    items: [s.items.nodes.size, s.items.edges.size],
  };
}"""


def _large_map(n: int = 700, m: int = 1100, seed: int = 3) -> Dataset:
    rng = random.Random(seed)
    actors = [{"id": f"a{i}", "name": f"Förening {i}", "type": rng.choice(["association", "municipality", "business"])}
              for i in range(n)]
    pairs = set()
    while len(pairs) < m:
        a, b = rng.sample(range(n), 2)
        pairs.add((min(a, b), max(a, b)))
    ties = [{"id": f"t{k}", "source": f"a{a}", "target": f"a{b}", "kind": "partnership", "status": "existing"}
            for k, (a, b) in enumerate(sorted(pairs))]
    return Dataset.from_records(actors=actors, collaborations=ties)


def _edits(ds: Dataset) -> dict[str, Dataset]:
    ties, actors = ds.collaborations, ds.actors
    degree = ties["source"].value_counts().add(ties["target"].value_counts(), fill_value=0)
    hub = degree.idxmax()
    others = [a for a in actors["id"] if a != hub and not ((ties["source"] == a) & (ties["target"] == hub)).any()
              and not ((ties["source"] == hub) & (ties["target"] == a)).any()]
    ended = ties.copy()
    ended.loc[ended.index[5], "status"] = "ended"
    new_ties = [{**ties.iloc[0].to_dict(), "id": f"new{k}", "source": hub, "target": other}
                for k, other in enumerate(others[:3])]  # the biggest actor grows: the range of sizes moves
    grown = ds.replace(collaborations=pd.concat([ties, pd.DataFrame(new_ties, index=range(len(ties) + 2, len(ties) + 5))]))
    lonely = actors["id"].iloc[7]
    removed = ds.replace(actors=actors[actors["id"] != lonely],
                         collaborations=ties[(ties["source"] != lonely) & (ties["target"] != lonely)])
    return {"a tie's status": ds.replace(collaborations=ended), "the biggest actor grows": grown,
            "a tie deleted": ds.replace(collaborations=ties.drop(ties.index[9])), "an actor deleted": removed}


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory):
    ds = _large_map()
    positions = {a: ((k % 30) * 40.0, (k // 30) * 40.0) for k, a in enumerate(ds.actors["id"])}
    before = draw(ds, positions)
    assert before.data["lod"], "the map must be large enough for the page to draw its own ties"
    assert len(before.data["nodes"]) + len(before.data["edges"]) > LARGE_MAP
    page_file = tmp_path_factory.mktemp("patch") / "map.html"
    page_file.write_text(PAGE.format(css=vis_network_css(), draw_css=DRAW_CSS, vis=vis_network_js(), draw=DRAW_JS),
                         "utf-8")
    return ds, before, page_file


def _drawn(page, graph: str) -> None:
    page.evaluate("""(graph) => { const root = document.getElementById("snx");
      if (window.snxNetwork) { window.snxNetwork.destroy(); root.replaceChildren(); }
      window.snxNetwork = snxDraw(root, JSON.parse(graph), null); }""", graph)
    page.wait_for_function("() => window.snxNetwork.snx.drawn > 0", timeout=60_000)


@pytest.mark.parametrize("what", ["a tie's status", "the biggest actor grows", "a tie deleted", "an actor deleted"])
def test_a_large_map_patched_draws_what_a_new_drawing_of_the_edit_draws(page, large, what):
    ds, before, page_file = large
    after = redraw(before, _edits(ds)[what])
    assert after is not None and after.patch is not None
    page.goto(page_file.as_uri())
    _drawn(page, before.json)
    first = page.evaluate("() => { window.__first = window.snxNetwork; return window.snxNetwork.snx.drawn; }")
    assert page.evaluate("(patch) => snxPatch(window.snxNetwork, JSON.parse(patch))", json.dumps(after.patch))
    patched = page.evaluate(STATE)
    assert page.evaluate("() => window.snxNetwork === window.__first && window.snxNetwork.snx.drawn") > first
    _drawn(page, after.json)
    fresh = page.evaluate(STATE)
    assert patched["fastSorted"] and fresh["fastSorted"]
    for part in ("nodes", "edges", "sizes", "order", "fast", "items"):
        assert patched[part] == fresh[part], part
