"""Debian's Chromium as the browser tests, the render benchmark and the screenshot script drive it,
and the page probes they share (the map's network is exposed on ``globalThis.snxNetworks``)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "DRAWN", "NODE_XY", "NODE_IDS", "TRAP_DIALOGS", "outside"]

CHROMIUM = Path("/usr/bin/chromium")
#: Without the background-networking flags Chromium tries to reach Google's hosts at start.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

DRAWN = "() => globalThis.snxNetworks && globalThis.snxNetworks.graph && globalThis.snxNetworks.graph.snx.drawn > 0"
NODE_XY = """(id) => {
  const net = globalThis.snxNetworks.graph;
  const dom = net.canvasToDOM(net.getPosition(id));
  const box = net.snx.host.getBoundingClientRect();
  return {x: box.left + dom.x, y: box.top + dom.y};
}"""
NODE_IDS = "() => globalThis.snxNetworks.graph.snx.nodes.getIds()"
#: An init script that records, instead of showing, every alert/confirm/prompt in ``window.__fired``.
TRAP_DIALOGS = (
    "window.__fired = [];"
    "for (const f of ['alert', 'confirm', 'prompt'])"
    "  window[f] = (...a) => { window.__fired.push([f, ...a]); };"
)


def outside(urls: list[str]) -> list[str]:
    """The URLs that leave the machine (anything but localhost, blob: and data:)."""
    return [u for u in urls
            if urlsplit(u).scheme not in ("blob", "data") and urlsplit(u).hostname not in ("127.0.0.1", "localhost")]
