"""The whole app in a real headless Chromium: draw, click, read the evidence, stay offline, run no script."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.chromium import DRAWN, NODE_IDS, TRAP_DIALOGS, outside
from tests.browser.test_browser_graph_view import node_point

pytestmark = pytest.mark.browser

SHOTS = Path(__file__).resolve().parents[2] / "out"
SHOTS.mkdir(exist_ok=True)

PAGES = ("explore", "paths", "brokers", "communities", "themes", "suggestions", "data")


def test_click_an_actor_shows_its_details_and_evidence(page, explorer_url):
    page.goto(explorer_url)
    page.wait_for_function(DRAWN, timeout=60_000)
    page.mouse.click(*node_point(page, "migrationsverket"))
    page.get_by_role("heading", name="Migrationsverket").wait_for(timeout=30_000)
    page.get_by_text("Samarbeten (").first.wait_for(timeout=10_000)
    page.get_by_text("Slutenhet (Burt)").first.wait_for(timeout=10_000)
    page.wait_for_url("**actor=migrationsverket**", timeout=10_000)  # the whole app ran: the link names the actor
    page.wait_for_function("() => Array.from(document.querySelectorAll(\"[data-testid='stSidebar'] "
                           "[data-testid='stSelectbox']\"), (b) => b.textContent + ' ' + Array.from("
                           "b.querySelectorAll('input'), (i) => i.value).join(' ')).some((t) => t.includes("
                           "'Sök aktör') && t.includes('Migrationsverket'))", timeout=10_000)  # the search box too
    page.screenshot(path=str(SHOTS / "app-selected.png"))


def test_colours_chosen_beside_the_map_are_in_the_address(page, explorer_url):
    """The colour and size pickers run the map's part of the page alone; the address follows them still."""
    page.goto(explorer_url)
    page.wait_for_function(DRAWN, timeout=60_000)
    page.get_by_label("Färg efter").click()
    page.get_by_role("option", name="Typ", exact=True).click()
    page.wait_for_url("**color=type**", timeout=10_000)
    page.wait_for_function(DRAWN, timeout=60_000)


def test_png_snapshot_of_the_canvas(page, explorer_url):
    page.goto(explorer_url)
    page.wait_for_function(DRAWN, timeout=60_000)
    with page.expect_download(timeout=30_000) as download:
        page.get_by_role("button", name="Spara bild (PNG)").click()
    data = Path(download.value.path()).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000


def test_no_page_of_the_app_requests_anything_outside(page, explorer_url):
    page.goto(explorer_url)
    page.wait_for_function(DRAWN, timeout=60_000)
    for node_id in page.evaluate(NODE_IDS)[:15]:
        page.mouse.move(*node_point(page, node_id))
    for name in PAGES:
        page.goto(explorer_url + name)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(1500)
    assert page.requested and outside(page.requested) == []


def test_script_in_every_text_field_runs_nothing(page, hostile_url):
    page.add_init_script(TRAP_DIALOGS)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(hostile_url)
    page.wait_for_function(DRAWN, timeout=60_000)
    ids = page.evaluate(NODE_IDS)
    assert len(ids) == 8
    for node_id in ids:
        page.mouse.move(*node_point(page, node_id))
        page.wait_for_timeout(300)
    for node_id in ids:
        page.mouse.click(*node_point(page, node_id))
        page.wait_for_timeout(800)
        page.wait_for_function(DRAWN, timeout=30_000)
    page.get_by_role("heading", name="<a href=javascript:alert(3)>x</a> 7").wait_for(timeout=10_000)
    assert page.evaluate("window.__fired") == [] and dialogs == []
    assert page.locator("img[src=x], svg[onload], a[href^=javascript]").count() == 0


def test_exported_html_works_offline(page, tmp_path):
    from graph import read_dataset
    from graph.export import export_dataset

    html = export_dataset(read_dataset(SHOTS.parent / "data"), tmp_path / "network.html", "html")[0]
    page.goto(html.as_uri())
    page.wait_for_function("() => document.querySelector('canvas') !== null", timeout=30_000)
    page.wait_for_timeout(1500)
    assert page.requested and [u for u in page.requested if not u.startswith(("file:", "data:", "blob:"))] == []
