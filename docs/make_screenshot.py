"""Refresh docs/screenshot.png: start the app (`make run`), then `.venv/bin/python docs/make_screenshot.py [URL]`.

Opens the app in Debian's headless Chromium, clicks Steget före on the map and
saves the page as it looks.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS, DRAWN, NODE_XY  # noqa: E402

URL = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8501/"
OUT = Path(__file__).with_name("screenshot.png")

with sync_playwright() as pw:
    browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    page.goto(URL)
    page.wait_for_function(DRAWN, timeout=60_000)
    xy = page.evaluate(NODE_XY, "steget-fore")
    page.mouse.click(xy["x"], xy["y"])
    page.get_by_role("heading", name="Steget före").wait_for(timeout=30_000)
    box = page.evaluate("() => globalThis.snxNetworks.graph.snx.host.getBoundingClientRect().toJSON()")
    page.mouse.move(box["right"] - 15, box["bottom"] - 15)  # an empty corner: no tooltip in the picture
    page.wait_for_timeout(1500)
    page.screenshot(path=str(OUT))
    browser.close()
print(OUT)
