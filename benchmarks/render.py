"""Benchmark: our fixed-layout drawing against pyvis's defaults, in Chromium.

Run ``python benchmarks/render.py [--sizes 300x900,1000x3000,5000x20000]``.
For each random graph (networkx ``gnm_random_graph`` with actor-like
attributes) it prints, for *ours* (``compute_layout`` + ``standalone_html``)
and for *pyvis* (``Network().from_nx`` + ``generate_html()`` with its default
physics):

* layout: seconds spent in Python before the page exists (layout and HTML);
* html: size of the page (pyvis's page loads vis-network from a CDN; here the
  same bundled file is inlined instead so that it runs offline);
* drawn: seconds from navigation start until the picture is final in headless
  Chromium: ours at the first ``afterDrawing`` event, pyvis at
  ``stabilizationIterationsDone`` (capped at 60 s);
* redraw: milliseconds of one synchronous full redraw after that (how
  responsive panning and zooming are).

Every request other than ``file:`` and ``data:`` is aborted: nothing leaves
the machine. Needs ``/usr/bin/chromium``.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.layout import compute_layout  # noqa: E402
from graph.webpage import standalone_html, vis_network_css, vis_network_js  # noqa: E402
from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

CAP_S = 60.0
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
    start = time.perf_counter()
    html = standalone_html(G, compute_layout(G), size_by=dict(G.degree()))
    seconds = time.perf_counter() - start
    path = folder / "ours.html"
    path.write_text(html, encoding="utf-8")
    return seconds, path


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


def measure(browser, path: Path, which: str) -> tuple[float | None, float | None]:
    """Return (seconds until drawn/stable or None past the cap, redraw ms)."""
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
    try:
        page.goto(path.as_uri(), wait_until="commit", timeout=int(CAP_S * 1000))
        page.wait_for_function(done, timeout=int(CAP_S * 1000), polling=50)
        seconds = page.evaluate(done) / 1000
        redraw = page.evaluate_handle(net).evaluate(REDRAW)
    except Exception:  # noqa: BLE001 - a timeout is a result here
        seconds, redraw = None, None
    finally:
        context.close()
    return seconds, redraw


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="300x900,1000x3000,5000x20000")
    args = parser.parse_args(argv)
    sizes = [tuple(int(x) for x in s.split("x")) for s in args.sizes.split(",")]
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as pw, tempfile.TemporaryDirectory() as tmp:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        ours(actor_graph(3, 2), Path(tmp))  # warm up: imports and the vis-network file cache
        for n, m in sizes:
            G = actor_graph(n, m)
            for which, build in (("ours", ours), ("pyvis", pyvis_default)):
                folder = Path(tmp) / f"{which}-{n}"
                folder.mkdir()
                py_s, path = build(G, folder)
                drawn, redraw = measure(browser, path, which)
                rows.append((f"{n}/{m}", which, py_s, path.stat().st_size, drawn, redraw))
                print(f"  measured {which} {n}/{m}", file=sys.stderr, flush=True)
        browser.close()
    print("| nodes/ties | page | layout+html in Python | HTML size | drawn/stable in Chromium | one redraw |")
    print("|---|---|---:|---:|---:|---:|")
    for size, which, py_s, nbytes, drawn, redraw in rows:
        drawn_text = f"> {CAP_S:.0f} s" if drawn is None else f"{drawn:.2f} s"
        redraw_text = "n/a" if redraw is None else f"{redraw:.0f} ms"
        print(f"| {size} | {which} | {py_s:.2f} s | {nbytes / 1e6:.2f} MB | {drawn_text} | {redraw_text} |")


if __name__ == "__main__":
    main()
