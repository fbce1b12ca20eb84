"""One edit on a big map: redrawn from the last drawing against drawn whole, on the server and in Chromium.

For each size (default 1,000/3,000 and 5,000/20,000, ``synthetic_dataset``) and each kind of edit (a tie's
status, an actor's name, a new tie between two actors, a tie deleted) it prints, in one run:

* server: milliseconds of :func:`graph.redraw.redraw` (the actors and ties that changed) beside
  :func:`graph.redraw.draw` of the edited map (the whole drawing, what the app did before), median of 5;
* browser: milliseconds until the edited map is drawn in headless Chromium, from the moment the page has the
  new data: ``snxPatch`` (the edit put into the network that is open) beside a new ``snxDraw`` (the old
  network destroyed and the whole map parsed and drawn again, what the map component did before), median of 5.

Every request other than ``file:`` is aborted. Needs ``/usr/bin/chromium``.

A second table times the whole way in the real app (``streamlit run app.py -- --db``, the map in SQLite,
Chromium): a tie's status saved through the store's one write path, the page's rerun (Streamlit's ``r``),
the server's redraw and the page putting the edit into the open map, until the page shows it; and a name
typed into the actor form beside the map and Save clicked, until the map shows the name (the form's run,
the write, the rerun and the patch: what a person waits for). Median of ``REPEATS``, and whether the map
stayed the same network (zoom and selection kept).

    .venv/bin/python benchmarks/edit.py [--sizes 1000x3000,5000x20000] [--skip-app] [--skip-server]
                                     [--baseline REV]
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from synthetic import synthetic_dataset  # noqa: E402

from graph.build import to_multigraph  # noqa: E402
from graph.layout import compute_layout  # noqa: E402
from graph.redraw import draw, redraw  # noqa: E402
from graph.webpage import DRAW_CSS, DRAW_JS, vis_network_css, vis_network_js  # noqa: E402
from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

REPEATS = 5

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><style>{css}</style>
<style>html, body {{ margin: 0; height: 100%; }} {draw_css}</style></head>
<body><div id="snx" class="snx-root" style="height: 760px"></div>
<script type="application/json" id="snx-data">{data}</script>
<script>{vis}</script><script>{draw}</script>
<script>window.snxNetwork = snxDraw(document.getElementById("snx"),
  JSON.parse(document.getElementById("snx-data").textContent), null);</script></body></html>"""

# The page has the new data: until the map shows it. ``how`` is "patch" or "whole".
APPLY = """async ([how, graph, patch]) => {
  const root = document.getElementById("snx");
  const start = performance.now();
  let net = window.snxNetwork;
  if (how === "patch") {  // snxPatch draws the map before it returns
    if (!snxPatch(net, JSON.parse(patch))) throw new Error("the patch was refused");
  } else {
    net.destroy();
    root.replaceChildren();
    net = window.snxNetwork = snxDraw(root, JSON.parse(graph), null);
    await new Promise((done) => net.once("afterDrawing", done));
  }
  await new Promise((done) => requestAnimationFrame(() => done()));  // until the frame is shown
  return performance.now() - start;
}"""


def edits(ds) -> dict:
    """Kind of edit -> the dataset after it."""
    ties, actors = ds.collaborations, ds.actors
    first = ties.index[0]
    status = ties.copy()
    status.loc[first, "status"] = "ended"
    named = actors.copy()
    named.loc[named.index[10], "name"] = "Ny förening i Åsele"
    tied = set(ties["source"]) | set(ties["target"])
    a, b = [x for x in actors["id"] if x in tied][20:22]
    new = pd.concat([ties, pd.DataFrame([{**ties.loc[first].to_dict(), "id": "bench-tie", "source": a, "target": b}],
                                        index=[len(ties) + 2])])
    return {"a tie's status": ds.replace(collaborations=status), "an actor's name": ds.replace(actors=named),
            "a new tie": ds.replace(collaborations=new), "a tie deleted": ds.replace(collaborations=ties.drop(first))}


def timed(work) -> float:
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def in_browser(browser, before, after, folder: Path) -> dict[str, float]:
    """Milliseconds until the edit is drawn: put in place, and drawn whole (median of ``REPEATS`` each)."""
    page_file = folder / "map.html"
    page_file.write_text(PAGE.format(css=vis_network_css(), draw_css=DRAW_CSS, data=before.json, vis=vis_network_js(),
                                     draw=DRAW_JS), "utf-8")
    import json

    patch = json.dumps(after.patch)
    found = {}
    for how in ("patch", "whole"):
        times = []
        for _ in range(REPEATS):
            context = browser.new_context(viewport={"width": 1200, "height": 800})
            context.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
            page = context.new_page()
            page.goto(page_file.as_uri())
            page.wait_for_function("() => window.snxNetwork && window.snxNetwork.snx.drawn > 0", timeout=120_000)
            times.append(page.evaluate(APPLY, [how, after.json if how == "whole" else "", patch]))
            context.close()
        found[how] = statistics.median(times)
    return found


SHOWN = """([tie, status]) => {
  const net = globalThis.snxNetworks && globalThis.snxNetworks.graph;
  const items = net && net.snx.items.edges;  // by id (an array before)
  const e = items && (items.get ? items.get(tie) : items.find((x) => x.id === tie));
  if (!!e && e.status === status) { window.__shownAt = performance.now(); return true; }
  return false;
}"""
# The page's own clock, from the person's key or click (not the test driver's way to it) until the frame that
# shows the edit (polled every frame): what a person waits for.
STARTED = """(what) => {
  window.__startedAt = null;
  const mark = (e) => { if (what === "key" ? e.key === "r" : (e.target.closest("button") || {}).textContent === "Spara")
                          window.__startedAt = window.__startedAt || performance.now(); };
  document.addEventListener(what === "key" ? "keydown" : "mousedown", mark, {capture: true, once: false});
}"""
WAITED = "() => window.__shownAt - window.__startedAt"


def _opened(browser, url: str, author: str | None = None):
    """A new page on the app at ``url`` once its map is drawn (that map kept as ``window.__first``), with
    ``author`` given as the name edits are saved under."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(url)
    page.wait_for_function("() => globalThis.snxNetworks && globalThis.snxNetworks.graph "
                           "&& globalThis.snxNetworks.graph.snx.drawn > 0", timeout=300_000)
    if author:
        name = page.get_by_label("Ditt namn (sparas med dina ändringar)")
        name.fill(author)
        name.press("Enter")
    page.wait_for_timeout(2000)
    page.evaluate("() => { window.__first = globalThis.snxNetworks.graph; }")
    return page


def in_app(browser, ds, folder: Path, root: Path = ROOT) -> dict[str, float]:
    """Milliseconds from saving a tie's status in the map's database until the open page shows it (the app of
    the checkout at ``root``): the write, then from the key press (the page's clock) to the frame showing it."""
    from graph import store
    from graph.io import write_tables
    from tests.browser.conftest import serve

    write_tables(ds, folder)
    url = f"sqlite:///{folder / 'map.db'}"
    engine = store.first_start(url, folder)
    times, same = [], True
    for app in serve(root / "app.py", folder / "server.log", "--db", url):
        page = _opened(browser, app)
        page.evaluate(STARTED, "key")
        tie = ds.collaborations["id"].iloc[3]
        edge = edge_of(ds, tie)
        for k in range(REPEATS + 1):
            status = ("ended", "planned")[k % 2]
            version = store.get_row(engine, "collaborations", tie)["version"]
            start = time.perf_counter()
            store.apply_changes(engine, [{"op": "update", "table": "collaborations", "id": tie, "version": version,
                                          "set": {"status": status}}], author="bench", message="status")
            wrote = time.perf_counter() - start
            page.evaluate("() => { window.__startedAt = null; }")
            page.keyboard.press("r")
            page.wait_for_function(SHOWN, arg=[edge, status], polling="raf", timeout=60_000)
            if k:  # the first edit warms the server's caches of the map's database
                times.append(wrote + page.evaluate(WAITED) / 1000)
            page.wait_for_timeout(300)
        same = page.evaluate("() => globalThis.snxNetworks.graph === window.__first")
        page.close()
    engine.dispose()
    return {"median": statistics.median(times) * 1000, "worst": max(times) * 1000, "same": same}


IDLE = "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"  # the app is not running
NAMED = """([actor, name]) => {
  const net = globalThis.snxNetworks && globalThis.snxNetworks.graph;
  const n = net && net.snx.items.nodes.get(actor);
  if (!!n && n.name === name) { window.__shownAt = performance.now(); return true; }
  return false;
}"""


def in_app_click(browser, ds, folder: Path, root: Path = ROOT) -> dict[str, float]:
    """Milliseconds from clicking Save in the map's own actor form (the details beside the map, Swedish page)
    until the open map shows the new name: the form's run, the write, the app's rerun and the page's patch."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    from graph import store
    from graph.io import write_tables
    from tests.browser.conftest import serve

    write_tables(ds, folder)
    url = f"sqlite:///{folder / 'map.db'}"
    store.first_start(url, folder).dispose()
    actor = ds.actors["id"].iloc[10]
    times, same = [], True
    for app in serve(root / "app.py", folder / "server.log", "--db", url):
        page = _opened(browser, f"{app}?actor={actor}", author="Bench")
        page.evaluate(STARTED, "click")
        for k in range(REPEATS + 1):
            new_name = f"Förening {k} i Åsele"
            box = page.get_by_label("Namn", exact=True)
            for _ in range(3):  # after a save the popover stays open (Streamlit's way): a click closes it
                page.get_by_role("button", name="Redigera aktören").click()
                with contextlib.suppress(Exception):
                    box.wait_for(timeout=3000)
                    break
            box.fill(new_name)
            page.evaluate("() => { window.__startedAt = null; }")
            page.get_by_role("button", name="Spara", exact=True).click()
            try:
                page.wait_for_function(NAMED, arg=[actor, new_name], polling="raf", timeout=60_000)
            except PlaywrightTimeout:  # an app that loses the chosen actor after a rename (before 2026-12-07)
                page.close()
                return {"median": float("nan"), "worst": float("nan"), "same": False}
            if k:  # the first save warms the server's caches of the map's database
                times.append(page.evaluate(WAITED) / 1000)
            page.wait_for_timeout(300)
            page.wait_for_function(IDLE, timeout=120_000)  # the details beside the map are done
        same = page.evaluate("() => globalThis.snxNetworks.graph === window.__first")
        page.close()
    return {"median": statistics.median(times) * 1000, "worst": max(times) * 1000, "same": same}


def edge_of(ds, tie: str) -> str:
    """The id of ``tie``'s edge in the app's drawing of ``ds`` (edges are numbered in the graph's order)."""
    ties = [t for _, _, t in to_multigraph(ds).edges(data="id")]
    return f"e{ties.index(tie)}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000x3000,5000x20000")
    parser.add_argument("--skip-app", action="store_true", help="leave out the table of the real app")
    parser.add_argument("--skip-server", action="store_true", help="leave out the first table (redraw, patch)")
    parser.add_argument("--baseline", default="", help="a git revision whose app runs beside this one's")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    print("| actors / ties | edit | server: redraw (ms) | server: draw whole (ms) | browser: put in place (ms) "
          "| browser: draw whole (ms) |")
    print("|---|---|---:|---:|---:|---:|")
    with sync_playwright() as pw, tempfile.TemporaryDirectory() as tmp:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for size in [] if args.skip_server else args.sizes.split(","):
            n, m = (int(x) for x in size.split("x"))
            ds = synthetic_dataset(n, m, seed=1)
            positions = compute_layout(to_multigraph(ds), seed=1)
            before = draw(ds, positions)
            for what, after_ds in edits(ds).items():
                after = redraw(before, after_ds)
                assert after is not None, what
                patched = timed(lambda d=after_ds, b=before: redraw(b, d))
                whole = timed(lambda d=after_ds, p=positions: draw(d, p))
                seen = in_browser(browser, before, after, Path(tmp))
                print(f"| {n:,} / {m:,} | {what} | {patched:.0f} | {whole:.0f} | {seen['patch']:.0f} "
                      f"| {seen['whole']:.0f} |", flush=True)
        if not args.skip_app:
            apps = {"this checkout": ROOT}
            if args.baseline:
                apps[args.baseline] = Path(tmp) / "baseline"
                subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(apps[args.baseline]),
                                args.baseline], check=True, capture_output=True)
            print()
            print(f"In the app: a tie's status saved, the rerun and the open map showing it (ms, median of {REPEATS})")
            print()
            print("| actors / ties | app | edit | median | worst | same network (zoom kept) |")
            print("|---|---|---|---:|---:|---|")
            ways = {"a tie's status saved, page rerun (r)": in_app, "Save clicked in the map's actor form": in_app_click}
            try:
                for size in args.sizes.split(","):
                    n, m = (int(x) for x in size.split("x"))
                    for what, way in ways.items():
                        for name, root in apps.items():
                            with tempfile.TemporaryDirectory() as folder:
                                got = way(browser, synthetic_dataset(n, m, seed=1), Path(folder), root)
                            print(f"| {n:,} / {m:,} | {name} | {what} | {got['median']:.0f} | {got['worst']:.0f} "
                                  f"| {'yes' if got['same'] else 'no'} |", flush=True)
            finally:
                if args.baseline:
                    subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force",
                                    str(apps[args.baseline])], capture_output=True)
        browser.close()


if __name__ == "__main__":
    main()
