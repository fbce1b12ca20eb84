"""Refresh the README's pictures: start the app (`make run`), then `.venv/bin/python docs/make_screenshot.py [URL]`.

Opens the app in Debian's headless Chromium: clicks Steget före on the map (docs/screenshot.png), then opens
two views by their links, the way a colleague would from a mailed address: the suggestions for Mångfaldsmat
Orust (docs/screenshot-suggestions.png), a path with its map (docs/screenshot-paths.png), and the brokers of
the map in Norwegian (docs/screenshot-brokers-nb.png).
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS, DRAWN, NODE_XY  # noqa: E402

URL = (sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8501/").rstrip("/") + "/"
HERE = Path(__file__).parent


def quiet_corner(page, key: str = "graph") -> None:
    """Move the mouse to an empty corner of a map: no tooltip in the picture."""
    box = page.evaluate(f"() => globalThis.snxNetworks['{key}'].snx.host.getBoundingClientRect().toJSON()")
    page.mouse.move(box["right"] - 15, box["bottom"] - 15)
    page.wait_for_timeout(1500)


with sync_playwright() as pw:
    browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    page.goto(URL + "explore")
    page.wait_for_function(DRAWN, timeout=60_000)
    xy = page.evaluate(NODE_XY, "steget-fore")
    page.mouse.click(xy["x"], xy["y"])
    page.get_by_role("heading", name="Steget före").wait_for(timeout=30_000)
    quiet_corner(page)
    page.screenshot(path=str(HERE / "screenshot.png"))

    page.goto(URL + "suggestions?lang=en&actor=mangfaldsmat-orust")
    page.get_by_text("Recommended by a source").first.wait_for(timeout=60_000)
    page.wait_for_timeout(2000)
    page.screenshot(path=str(HERE / "screenshot-suggestions.png"))

    page.goto(URL + "paths?from=leader-framtidsbygder&to=migrationsverket&lang=en")
    page.wait_for_function("() => globalThis.snxNetworks && globalThis.snxNetworks.path_map", timeout=60_000)
    quiet_corner(page, "path_map")
    page.screenshot(path=str(HERE / "screenshot-paths.png"))

    page.goto(URL + "brokers?lang=nb")
    page.get_by_text("Regnet på samarbeid som finnes.").first.wait_for(timeout=60_000)
    page.wait_for_timeout(2000)
    page.screenshot(path=str(HERE / "screenshot-brokers-nb.png"))
    browser.close()
print(HERE)
