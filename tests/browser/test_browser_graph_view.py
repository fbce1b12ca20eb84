"""The graph component in a real headless Chromium, as a person uses it."""

from __future__ import annotations

import pytest

from tests.browser.chromium import DRAWN, NODE_IDS, NODE_XY, TRAP_DIALOGS, outside

pytestmark = pytest.mark.browser

INK = """() => {
  const canvas = globalThis.snxNetworks.graph.snx.host.querySelector("canvas");
  const px = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  let ink = 0;
  for (let i = 3; i < px.length; i += 4) if (px[i] > 0) ink += 1;
  return ink;
}"""


def open_graph(page, app_url: str, which: str = "small") -> None:
    page.goto(f"{app_url}?graph={which}")
    page.wait_for_function(DRAWN, timeout=30_000)


def node_point(page, node_id: str) -> tuple[float, float]:
    xy = page.evaluate(NODE_XY, node_id)
    return xy["x"], xy["y"]


def test_canvas_draws_pixels(page, app_url):
    open_graph(page, app_url)
    assert page.evaluate(INK) > 1_000


def test_click_on_node_reaches_python(page, app_url):
    open_graph(page, app_url)
    page.mouse.click(*node_point(page, "a11"))
    page.get_by_text("selected: a11").wait_for(timeout=15_000)
    page.get_by_text("name: Actor 11").wait_for(timeout=15_000)


def test_selected_from_python_is_highlighted(page, app_url):
    open_graph(page, app_url)
    page.get_by_label("focus").fill("a5")
    page.get_by_label("focus").press("Enter")
    page.wait_for_function(
        "() => globalThis.snxNetworks.graph.getSelectedNodes().includes('a5')",
        timeout=15_000,
    )


def test_no_request_leaves_localhost(page, app_url):
    open_graph(page, app_url)
    for node_id in page.evaluate(NODE_IDS)[:10]:
        page.mouse.move(*node_point(page, node_id))
    page.mouse.click(*node_point(page, "a0"))
    page.get_by_text("selected: a0").wait_for(timeout=15_000)
    assert page.requested and outside(page.requested) == []


def test_hostile_text_runs_nothing(page, app_url):
    page.add_init_script(TRAP_DIALOGS)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_graph(page, app_url, "hostile")
    ids = page.evaluate(NODE_IDS)
    assert len(ids) == 8 and any("<img" in i for i in ids)
    tips = []
    for node_id in ids:
        page.mouse.move(*node_point(page, node_id))
        page.wait_for_timeout(350)
        tips.append(
            page.evaluate(
                "() => (globalThis.snxNetworks.graph.snx.host.querySelector('.vis-tooltip') || {}).textContent || ''"
            )
        )
    for node_id in ids:
        page.mouse.click(*node_point(page, node_id))
        page.wait_for_timeout(300)
        page.wait_for_function(DRAWN, timeout=15_000)
    page.wait_for_timeout(500)
    assert page.evaluate("window.__fired") == []
    assert dialogs == []
    assert any("<img src=x onerror=alert(1)>" in t for t in tips)
    injected = page.evaluate(
        "() => globalThis.snxNetworks.graph.snx.host.querySelectorAll('img, script, svg, a, iframe').length"
    )
    assert injected == 0


# The alpha (0-255) of the canvas pixel at the centre of actor `id` on the map with Streamlit key `key`.
ALPHA_AT = """([key, id]) => {
  const net = globalThis.snxNetworks[key], canvas = net.snx.host.querySelector("canvas");
  const dom = net.canvasToDOM(net.getPosition(id)), ratio = canvas.width / canvas.clientWidth;
  return canvas.getContext("2d").getImageData(Math.round(dom.x * ratio), Math.round(dom.y * ratio), 1, 1).data[3];
}"""


def test_a_found_path_stands_out_on_the_map_and_the_rest_fades(page, explorer_url):
    page.goto(explorer_url + "paths?from=leader-framtidsbygder&to=migrationsverket")
    drawn = "() => globalThis.snxNetworks && globalThis.snxNetworks.path_map && globalThis.snxNetworks.path_map.snx.path"
    page.wait_for_function(drawn, timeout=60_000)
    page.wait_for_timeout(300)
    ids = page.evaluate("() => globalThis.snxNetworks.path_map.snx.nodes.getIds()")
    on_path = page.evaluate("() => globalThis.snxNetworks.path_map.snx.path.order")
    assert on_path[0] == "leader-framtidsbygder" and on_path[-1] == "migrationsverket"
    assert len(ids) > 2 * len(on_path)  # the map of the whole view, not the path alone
    inside = "([key, id]) => { const n = globalThis.snxNetworks[key], d = n.canvasToDOM(n.getPosition(id)); " \
             "return d.x > 5 && d.y > 5 && d.x < n.snx.host.clientWidth - 5 && d.y < n.snx.host.clientHeight - 5; }"
    assert all(page.evaluate(inside, ["path_map", actor]) for actor in on_path)  # the view fits the path
    others = [i for i in ids if i not in on_path and page.evaluate(inside, ["path_map", i])]
    assert others
    assert all(page.evaluate(ALPHA_AT, ["path_map", actor]) > 240 for actor in on_path)
    faded = [page.evaluate(ALPHA_AT, ["path_map", actor]) for actor in others]
    assert sum(a < 160 for a in faded) > 0.8 * len(faded)  # (a faded actor may lie under a path actor's tie)
    page.evaluate("() => snxHighlight(globalThis.snxNetworks.path_map, [], false)")
    page.wait_for_timeout(300)
    assert sum(page.evaluate(ALPHA_AT, ["path_map", actor]) > 240 for actor in others) > 0.8 * len(others)


def overlapping(boxes: list[list[float]]) -> list[tuple[int, int]]:
    return [(i, j) for i, a in enumerate(boxes) for j, b in enumerate(boxes[:i])
            if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]]


def test_small_map_names_do_not_overlap(page, explorer_url):
    page.goto(explorer_url)
    page.wait_for_function(DRAWN, timeout=60_000)
    page.wait_for_timeout(500)
    boxes = page.evaluate("() => globalThis.snxNetworks.graph.snx.labelBoxes")
    assert len(boxes) >= 10 and overlapping(boxes) == []
    page.evaluate("() => { const n = globalThis.snxNetworks.graph; n.moveTo({scale: n.getScale() * 2}); }")
    page.wait_for_timeout(300)
    closer = page.evaluate("() => globalThis.snxNetworks.graph.snx.labelBoxes")
    assert len(closer) >= 10 and overlapping(closer) == []


# The ties of a large map in view (either end inside the canvas's box, as the page culls them).
TIES_IN_VIEW = """() => {
  const net = window.snxNetwork, s = net.snx, w = s.host.clientWidth, h = s.host.clientHeight;
  const a = net.DOMtoCanvas({x: -20, y: -20}), b = net.DOMtoCanvas({x: w + 20, y: h + 20});
  return s.fast.list.filter((e) => {
    const p = net.body.nodes[e.from], q = net.body.nodes[e.to];
    return !((p.x < a.x && q.x < a.x) || (p.x > b.x && q.x > b.x) || (p.y < a.y && q.y < a.y) ||
             (p.y > b.y && q.y > b.y));
  }).length;
}"""


def test_large_map_draws_ties_by_zoom_level(browser, tmp_path):
    import networkx as nx

    from graph.layout import compute_layout
    from graph.webpage import standalone_html

    G = nx.MultiGraph(nx.gnm_random_graph(2000, 10000, seed=2))
    nx.set_node_attributes(G, {v: f"Actor {v}" for v in G}, "name")
    page_file = tmp_path / "large.html"
    page_file.write_text(standalone_html(G, compute_layout(G), size_by=dict(G.degree())), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1000, "height": 700})
    try:
        page.goto(page_file.as_uri())
        page.wait_for_function("() => window.snxNetwork && window.snxNetwork.snx.drawn > 1", timeout=60_000)
        lod = page.evaluate("() => window.snxNetwork.snx.lod")
        page.evaluate("() => window.snxNetwork.redraw()")
        page.wait_for_timeout(300)
        whole = page.evaluate("() => window.snxNetwork.snx.edgesDrawn")
        assert whole == lod["rest"] < 10000  # the whole map: the ties of its backbone only
        names = page.evaluate("() => window.snxNetwork.snx.labelBoxes")
        assert 0 < len(names) <= 160 and overlapping(names) == []
        page.evaluate("() => window.snxNetwork.moveTo({scale: window.snxNetwork.getScale() * 6, animation: false})")
        page.wait_for_timeout(300)
        in_view = page.evaluate(TIES_IN_VIEW)
        assert 0 < in_view < lod["rest"]
        assert page.evaluate("() => window.snxNetwork.snx.edgesDrawn") == in_view  # zoomed in: every tie in view
    finally:
        page.close()
