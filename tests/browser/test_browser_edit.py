"""An edit saved in the map's database reaches an open map in Chromium in place: no new drawing, same zoom."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph import store
from tests.browser.chromium import DRAWN
from tests.browser.conftest import ROOT, serve

pytestmark = pytest.mark.browser

SHOTS = Path(__file__).resolve().parents[2] / "out"
SHOTS.mkdir(exist_ok=True)


@pytest.fixture(scope="module")
def map_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """The real app on a map of its own (made from the shipped data), and that map's URL."""
    folder = tmp_path_factory.mktemp("edit-map")
    url = f"sqlite:///{folder / 'map.db'}"
    store.first_start(url, ROOT / "data").dispose()
    for app in serve(ROOT / "app.py", folder / "server.log", "--db", url):
        yield app, url


EDGE = """(tie) => {
  const s = globalThis.snxNetworks.graph.snx;
  return Array.from(s.items.edges.values()).filter((e) => e.from === tie[0] && e.to === tie[1] || e.from === tie[1] && e.to === tie[0])
    .map((e) => e.status);
}"""


def test_an_edit_in_the_map_is_put_into_the_open_drawing_in_place(page, map_app):
    app, url = map_app
    page.goto(app)
    page.wait_for_function(DRAWN, timeout=60_000)
    page.wait_for_timeout(500)  # the first fit is done
    fitted = page.evaluate("() => globalThis.snxNetworks.graph.getScale()")
    zoom = page.evaluate("() => { window.__first = globalThis.snxNetworks.graph; window.__first.moveTo({scale: 1.7});"
                         " return window.__first.getScale(); }")
    assert zoom > 2 * fitted
    engine = store.open_store(url)
    ties = store.load_dataset(engine).collaborations
    counts = ties.groupby(["source", "target"]).size()
    source, target = next(pair for pair, n in counts.items() if n == 1)  # a pair with one tie
    tie = ties[(ties["source"] == source) & (ties["target"] == target)].iloc[0]
    assert tie["status"] != "ended"
    version = store.get_row(engine, "collaborations", tie["id"])["version"]
    store.apply_changes(engine, [{"op": "update", "table": "collaborations", "id": tie["id"], "version": version,
                                  "set": {"status": "ended", "end": "2025"}}], author="Bo", message="ended")
    engine.dispose()
    page.keyboard.press("r")  # Streamlit's rerun key: the page asks the server again, as after a save
    page.wait_for_function(f"() => ({EDGE})({[source, target]!r}).includes('ended')", timeout=60_000)
    same = page.evaluate("() => globalThis.snxNetworks.graph === window.__first")
    scale = page.evaluate("() => globalThis.snxNetworks.graph.getScale()")
    assert same, "the map was drawn anew instead of the edit being put in place"
    assert abs(scale - zoom) < 0.1 * zoom  # the user's zoom (the page may resize a little), not a new fit
    legend = page.evaluate("() => globalThis.snxNetworks.graph.snx.legend.textContent")
    assert "Avslutad" in legend  # the legend names the status the edit brought
    scripts = [u for u in page.requested if "/_stcore/bidi-components/snx.graph_view/" in u]
    assert len(scripts) == 1 and scripts[0].endswith(".js")  # the map's script loaded once, not again on a rerun
    page.screenshot(path=str(SHOTS / "app-edit-in-place.png"))


def test_an_actor_renamed_in_the_maps_details_is_put_into_the_open_map(page, map_app):
    app, url = map_app
    page.goto(app + "?actor=migrationsverket")
    page.wait_for_function(DRAWN, timeout=60_000)
    page.wait_for_timeout(500)
    name = page.get_by_label("Ditt namn (sparas med dina ändringar)")
    name.fill("Anna")
    name.press("Enter")
    page.wait_for_timeout(1500)
    page.evaluate("() => { window.__first = globalThis.snxNetworks.graph; }")
    page.get_by_role("button", name="Redigera aktören").click()
    box = page.get_by_label("Namn", exact=True)
    box.fill("Migrationsverket Gävle")
    page.get_by_role("button", name="Spara", exact=True).click()
    page.wait_for_function("() => { const n = globalThis.snxNetworks.graph.snx.items.nodes.get('migrationsverket');"
                           " return n && n.name === 'Migrationsverket Gävle'; }", timeout=60_000)
    assert page.evaluate("() => globalThis.snxNetworks.graph === window.__first"), "the map was drawn anew"
    page.get_by_text("Sparat i revision").first.wait_for(timeout=30_000)
    engine = store.open_store(url)
    assert store.get_row(engine, "actors", "migrationsverket")["name"] == "Migrationsverket Gävle"
    engine.dispose()
    page.screenshot(path=str(SHOTS / "app-edit-from-the-map.png"))


def test_an_actor_renamed_twice_stays_chosen_and_the_search_box_shows_its_new_name(page, map_app):
    app, _ = map_app
    page.goto(app + "?actor=arbetsformedlingen")
    page.wait_for_function(DRAWN, timeout=60_000)
    name = page.get_by_label("Ditt namn (sparas med dina ändringar)")
    name.fill("Anna")
    name.press("Enter")
    page.wait_for_timeout(1500)
    for new_name in ("Arbetsförmedlingen Gävle", "Arbetsförmedlingen Sandviken"):
        box = page.get_by_label("Namn", exact=True)
        for _ in range(3):  # after a save the popover may count itself open: a second click opens it
            page.get_by_role("button", name="Redigera aktören").click()
            if box.count():
                break
            page.wait_for_timeout(1000)
        box.fill(new_name)
        page.get_by_role("button", name="Spara", exact=True).click()
        page.wait_for_function("(name) => { const n = globalThis.snxNetworks.graph.snx.items.nodes.get("
                               "'arbetsformedlingen'); return n && n.name === name; }", arg=new_name, timeout=60_000)
        page.get_by_role("heading", name=new_name).wait_for(timeout=30_000)  # still the actor shown beside the map
        page.wait_for_timeout(1500)
    boxes = page.evaluate("() => Array.from(document.querySelectorAll(\"[data-testid='stSidebar'] "
                          "[data-testid='stSelectbox']\"), (b) => b.textContent + ' ' + Array.from("
                          "b.querySelectorAll('input'), (i) => i.value).join(' '))")
    assert any("Arbetsförmedlingen Sandviken" in b for b in boxes), f"the search box shows an old name: {boxes}"


MESSAGES = """(() => { const Socket = window.WebSocket; window.__received = 0;
  window.WebSocket = function (...args) { const s = new Socket(...args);
    s.addEventListener("message", () => { window.__received += 1; }); return s; };
  window.WebSocket.prototype = Socket.prototype; Object.assign(window.WebSocket, Socket); })();"""
IDLE = "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"


def _messages_until_idle(page, act) -> int:
    """How many messages the server sends the page for ``act()`` (a run's elements, one a message)."""
    page.wait_for_function(IDLE, timeout=60_000)
    before = page.evaluate("() => window.__received")
    act()
    page.wait_for_timeout(300)
    page.wait_for_function(IDLE, timeout=60_000)
    page.wait_for_timeout(1000)
    return page.evaluate("() => window.__received") - before


def test_a_save_in_the_maps_details_runs_the_map_and_the_details_alone(page, map_app):
    """The sidebar and the page around the map are not run again for an edit that does not change them (a
    description): the server sends the map's part of the page only, so the map shows the edit sooner. A rename
    changes the search box: then the whole page follows, and the message that it was saved stays."""
    app, url = map_app
    page.add_init_script(MESSAGES)
    page.goto(app + "?actor=leader-framtidsbygder")
    page.wait_for_function(DRAWN, timeout=60_000)
    name = page.get_by_label("Ditt namn (sparas med dina ändringar)")
    name.fill("Anna")
    name.press("Enter")
    page.wait_for_function(IDLE, timeout=60_000)
    page.wait_for_timeout(1000)
    page.evaluate("() => document.activeElement.blur()")  # the key below reruns the app, it types no name
    whole = _messages_until_idle(page, lambda: page.keyboard.press("r"))
    page.get_by_role("button", name="Redigera aktören").click()
    page.get_by_label("Beskrivning", exact=True).fill("Leadergrupp för Dalsland, ny text")

    saved = _messages_until_idle(page, lambda: page.get_by_role("button", name="Spara", exact=True).click())
    assert 0 < saved < 0.75 * whole, (saved, whole)  # before: the whole page and more (82 and 87)
    page.get_by_text("Leadergrupp för Dalsland, ny text").first.wait_for(timeout=30_000)
    page.get_by_text("Sparat i revision").first.wait_for(timeout=30_000)

    page.get_by_role("button", name="Redigera aktören").click()
    box = page.get_by_label("Namn", exact=True)
    if not box.count():
        page.get_by_role("button", name="Redigera aktören").click()
    box.fill("Framtidsbygder Nord")
    renamed = _messages_until_idle(page, lambda: page.get_by_role("button", name="Spara", exact=True).click())
    assert renamed > whole  # the search box offers the new name: the whole page ran again
    engine = store.open_store(url)
    row = store.get_row(engine, "actors", "leader-framtidsbygder")
    latest = store.latest_revision(engine)
    engine.dispose()
    page.get_by_text(f"Sparat i revision {latest}.").first.wait_for(timeout=30_000)  # said, the page moved not
    assert (row["name"], row["description"]) == ("Framtidsbygder Nord", "Leadergrupp för Dalsland, ny text")
