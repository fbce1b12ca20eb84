"""Benchmark: our fixed-layout drawing against the same page with the old settings and pyvis's defaults.

Run ``python benchmarks/render.py [--sizes 300x900,1000x3000,5000x20000]
[--pages ours,baseline,pyvis]``. For each random graph (networkx
``gnm_random_graph`` with actor-like attributes) it prints, for *ours*
(``compute_layout`` + ``standalone_html``), *baseline* (the same page with the
drawing as it was before ties and actors were drawn by zoom level:
``graph/assets/draw.js`` as of commit ``BASELINE_COMMIT``, read with ``git show``, and its vis-network options) and *pyvis*
(``Network().from_nx`` + ``generate_html()`` with its default physics):

* layout: seconds spent in Python before the page exists (layout and HTML);
* html: size of the page (pyvis's page loads vis-network from a CDN; here the
  same bundled file is inlined instead so that it runs offline);
* drawn: seconds from navigation start until the picture is final in headless
  Chromium: ours at the first ``afterDrawing`` event, pyvis at
  ``stabilizationIterationsDone`` (capped at 60 s);
* redraw: milliseconds of one synchronous full redraw at rest, whole map in view;
* pan, zoom (ours and baseline): frames drawn per second during a scripted
  two-second drag and wheel zoom, one input event per animation frame, the
  best of three (the machine is shared), with the median and 95th percentile
  time to draw a frame. Chromium rasterises the canvas after our code
  returns, so frames per second is the figure to read; frame times only
  show where the time goes.

Every request other than ``file:`` and ``data:`` is aborted: nothing leaves
the machine. Needs ``/usr/bin/chromium``.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path
from unittest import mock

import networkx as nx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph import render, webpage  # noqa: E402
from graph.layout import compute_layout  # noqa: E402
from graph.webpage import standalone_html, vis_network_css, vis_network_js  # noqa: E402
from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

CAP_S = 60.0
GESTURE_S = 2.0  # seconds of one scripted pan and of one scripted zoom
#: The commit whose draw.js the baseline page uses (main before drawing by zoom level), read from git.
BASELINE_COMMIT = "f0d4afe"


def baseline_js() -> str:
    """graph/assets/draw.js as of :data:`BASELINE_COMMIT` (the checkout must hold that commit)."""
    found = subprocess.run(["git", "-C", str(ROOT), "show", f"{BASELINE_COMMIT}:graph/assets/draw.js"],
                           capture_output=True, text=True)
    if found.returncode:
        sys.exit(f"the baseline page needs commit {BASELINE_COMMIT} (a full clone): {found.stderr.strip()}")
    return found.stdout
KINDS = ("partnership", "funding", "commissioning", "participation", "membership", "dialogue")
STATUSES = ("existing", "existing", "planned", "recommended", "ended")
SECTORS = ("public", "civil_society", "business")

# Hooks the global ``network`` that pyvis's template assigns, to time it.
PYVIS_HOOK = """
(() => {
  let net;
  Object.defineProperty(window, "network", {
    configurable: true,
    get() { return net; },
    set(value) {
      net = value;
      value.on("stabilizationIterationsDone", () => { window.__doneAt = performance.now(); });
      value.on("stabilized", () => { window.__doneAt = window.__doneAt || performance.now(); });
    },
  });
})();
"""
# A scripted pan (a mouse drag round an ellipse) or zoom (wheel in, then out, every half second), one
# input event per animation frame for `seconds`, as pointer and wheel events on the canvas. Returns the
# frames drawn per second meanwhile, each frame's drawing time in ms, and how far the view moved.
GESTURE = """async ([kind, seconds]) => {
  const net = window.snxNetwork, canvas = net.snx.host.querySelector("canvas");
  const box = canvas.getBoundingClientRect(), cx = box.left + box.width / 2, cy = box.top + box.height / 2;
  const frames = [];
  let start = 0;
  const before = [net.getViewPosition(), net.getScale()];
  let moved = false;
  const begin = () => { start = performance.now(); };
  const end = () => {
    frames.push([start, performance.now() - start]);
    const now = net.getViewPosition();
    moved = moved || Math.abs(now.x - before[0].x) + Math.abs(now.y - before[0].y) > 1 ||
            Math.abs(net.getScale() - before[1]) > 1e-6;
  };
  net.on("initRedraw", begin);
  net.on("afterDrawing", end);
  const pointer = (x, y, buttons) => ({clientX: x, clientY: y, bubbles: true, cancelable: true, pointerId: 1,
                                       pointerType: "mouse", isPrimary: true, button: 0, buttons: buttons});
  const px = box.left + 30, py = box.top + 30;  // a drag starts in a corner, where no actor is
  if (kind === "pan") canvas.dispatchEvent(new PointerEvent("pointerdown", pointer(px, py, 1)));
  const t0 = performance.now();
  await new Promise((done) => {
    const step = () => {
      const t = performance.now() - t0;
      if (t > seconds * 1000) return done();
      if (kind === "pan") {
        const a = t / 300;
        canvas.dispatchEvent(new PointerEvent("pointermove",
                                              pointer(px + 200 * (1 - Math.cos(a)), py + 120 * Math.sin(a), 1)));
      } else {
        canvas.dispatchEvent(new WheelEvent("wheel", {clientX: cx, clientY: cy, bubbles: true, cancelable: true,
                                                      deltaY: Math.floor(t / 500) % 2 ? 30 : -30}));
      }
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  const t1 = performance.now();
  if (kind === "pan") canvas.dispatchEvent(new PointerEvent("pointerup", pointer(px, py, 0)));
  net.off("initRedraw", begin);
  net.off("afterDrawing", end);
  const inside = frames.filter((f) => f[0] >= t0 && f[0] <= t1).map((f) => f[1]);
  return {fps: inside.length / ((t1 - t0) / 1000), times: inside, moved: moved};
}"""
REDRAW = """(net) => {
  const t = performance.now();
  net.renderer._redraw();
  return performance.now() - t;
}"""


def actor_graph(n: int, m: int, seed: int = 1) -> nx.MultiGraph:
    """Return a random actor graph with ``n`` actors and ``m`` ties."""
    rng = random.Random(seed)
    base = nx.gnm_random_graph(n, m, seed=seed)
    G = nx.MultiGraph()
    for v in base:
        G.add_node(f"actor-{v}", name=f"Actor {v}", sector=rng.choice(SECTORS), type="association")
    for u, v in base.edges():
        G.add_edge(
            f"actor-{u}",
            f"actor-{v}",
            kind=rng.choice(KINDS),
            status=rng.choice(STATUSES),
            evidence=f"Quote about actor {u} and actor {v}.",
            document="report.pdf",
            source=f"actor-{u}",
            target=f"actor-{v}",
        )
    return G


def ours(G: nx.MultiGraph, folder: Path) -> tuple[float, Path]:
    """Our page as it is now: ``compute_layout`` + ``standalone_html``."""
    start = time.perf_counter()
    html = standalone_html(G, compute_layout(G), size_by=dict(G.degree()))
    seconds = time.perf_counter() - start
    path = folder / "ours.html"
    path.write_text(html, encoding="utf-8")
    return seconds, path


def baseline(G: nx.MultiGraph, folder: Path) -> tuple[float, Path]:
    """Our page with the drawing settings before zoom levels: the old draw.js and the old options."""
    with mock.patch.object(webpage, "DRAW_JS", baseline_js()), mock.patch.object(render, "_options", baseline_options):
        seconds, path = ours(G, folder)
    return seconds, path.rename(folder / "baseline.html")


def baseline_options(n_nodes: int, n_edges: int, *, sized: bool) -> dict:
    """vis-network options of the baseline: edges hidden while dragging and zooming above 4,000 items."""
    big = n_nodes + n_edges > 4000
    return {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 1},
        "nodes": {
            "shape": "dot", "size": 10, "borderWidth": 1,
            "color": {"border": "#ffffff", "highlight": {"border": "#111111"}, "hover": {"border": "#111111"}},
            "scaling": {"min": 6 if sized else 10, "max": 40 if sized else 10, "label": {"enabled": False}},
        },
        "edges": {"smooth": False, "color": {"inherit": False, "opacity": 0.8}, "selectionWidth": 2.5,
                  "hoverWidth": 1, "arrows": {"to": {"scaleFactor": 0.6}}},
        "interaction": {"hover": not big, "tooltipDelay": 150, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "multiselect": False, "navigationButtons": False, "keyboard": False},
    }


def pyvis_default(G: nx.MultiGraph, folder: Path) -> tuple[float, Path]:
    from pyvis.network import Network

    start = time.perf_counter()
    net = Network()
    # A copy (from_nx changes the graph it is given) without the `source` and
    # `target` tie attributes, which from_nx passes on and add_edge rejects.
    plain = nx.Graph()
    plain.add_nodes_from(G.nodes(data=True))
    plain.add_edges_from(
        (u, v, {k: a for k, a in d.items() if k not in ("source", "target")}) for u, v, d in G.edges(data=True)
    )
    net.from_nx(plain)
    html = net.generate_html()
    seconds = time.perf_counter() - start
    css = f"<style>{vis_network_css()}</style>"
    js = f"<script>{vis_network_js()}</script>"
    html = re.sub(r'<link rel="stylesheet" href="https://cdnjs[^>]*vis-network[^>]*>', lambda _: css, html)
    html = re.sub(r'<script src="https://cdnjs[^>]*vis-network[^>]*></script>', lambda _: js, html)
    lib = resources.files("pyvis") / "templates" / "lib" / "bindings" / "utils.js"
    (folder / "lib" / "bindings").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(str(lib), folder / "lib" / "bindings" / "utils.js")
    path = folder / "pyvis.html"
    path.write_text(html, encoding="utf-8")
    return seconds, path


def gesture(page, kind: str, repeat: int = 3) -> tuple[float, float, float]:
    """Pan or zoom for ``GESTURE_S`` seconds (see ``GESTURE``), ``repeat`` times; the best run counts.

    Returns frames per second during the gesture and the median and 95th
    percentile of a frame's drawing time in ms (the machine is shared, so
    the best of a few runs is the least disturbed one).
    """
    runs = []
    for _ in range(repeat):
        got = page.evaluate(GESTURE, [kind, GESTURE_S])
        if not got["moved"]:
            raise RuntimeError(f"the scripted {kind} did not move the map")
        page.wait_for_timeout(600)  # let the picture settle (a late zoom frame)
        ordered = sorted(got["times"]) or [float("nan")]
        runs.append((got["fps"], statistics.median(ordered), ordered[int(0.95 * (len(ordered) - 1))]))
    return max(runs)


def measure(browser, path: Path, which: str) -> dict:
    """Seconds until drawn/stable (None past the cap), one redraw, and pan/zoom frame rates."""
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    context.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith(("file:", "data:")) else route.abort(),
    )
    page = context.new_page()
    if which == "pyvis":
        page.add_init_script(PYVIS_HOOK)
        done, net = "() => window.__doneAt", "window.network"
    else:
        done, net = "() => window.snxNetwork && window.snxNetwork.snx.firstDrawnAt", "window.snxNetwork"
    out: dict = {"drawn": None, "redraw": None, "pan": None, "zoom": None}
    try:
        page.goto(path.as_uri(), wait_until="commit", timeout=int(CAP_S * 1000))
        page.wait_for_function(done, timeout=int(CAP_S * 1000), polling=50)
        out["drawn"] = page.evaluate(done) / 1000
        handle = page.evaluate_handle(net)
        handle.evaluate("(net) => net.renderer._redraw()")  # once, so that both pages start warm
        out["redraw"] = handle.evaluate(REDRAW)
        if which != "pyvis":
            out["pan"] = gesture(page, "pan")
            out["zoom"] = gesture(page, "zoom")
    except Exception as error:  # noqa: BLE001 - a timeout is a result here
        print(f"  {which}: {type(error).__name__}: {str(error)[:200]}", file=sys.stderr)
    finally:
        context.close()
    return out


def _fps(result: tuple[float, float, float] | None) -> str:
    return "n/a" if result is None else f"{result[0]:.0f} fps ({result[1]:.0f} / {result[2]:.0f} ms)"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="300x900,1000x3000,5000x20000")
    parser.add_argument("--pages", default="ours,baseline,pyvis", help="which pages to measure, comma-separated")
    args = parser.parse_args(argv)
    sizes = [tuple(int(x) for x in s.split("x")) for s in args.sizes.split(",")]
    builders = {"ours": ours, "baseline": baseline, "pyvis": pyvis_default}
    pages = [p for p in args.pages.split(",") if p in builders]
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as pw, tempfile.TemporaryDirectory() as tmp:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        ours(actor_graph(3, 2), Path(tmp))  # warm up: imports and the vis-network file cache
        for n, m in sizes:
            G = actor_graph(n, m)
            for which in pages:
                folder = Path(tmp) / f"{which}-{n}"
                folder.mkdir()
                py_s, path = builders[which](G, folder)
                rows.append((f"{n}/{m}", which, py_s, path.stat().st_size, measure(browser, path, which)))
                print(f"  measured {which} {n}/{m}", file=sys.stderr, flush=True)
        browser.close()
    print(f"Pan and zoom: {GESTURE_S:.0f} s each, one input event per animation frame, best of 3; "
          "frames drawn per second (median / 95th percentile ms to draw a frame).\n")
    print("| nodes/ties | page | layout+html in Python | HTML size | drawn/stable in Chromium | one full redraw "
          "| pan | zoom |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for size, which, py_s, nbytes, got in rows:
        drawn_text = f"> {CAP_S:.0f} s" if got["drawn"] is None else f"{got['drawn']:.2f} s"
        redraw_text = "n/a" if got["redraw"] is None else f"{got['redraw']:.0f} ms"
        print(f"| {size} | {which} | {py_s:.2f} s | {nbytes / 1e6:.2f} MB | {drawn_text} | {redraw_text} "
              f"| {_fps(got['pan'])} | {_fps(got['zoom'])} |")


if __name__ == "__main__":
    main()
