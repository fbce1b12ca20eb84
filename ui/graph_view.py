"""The interactive network drawing as a bidirectional Streamlit component.

``graph_view(data, key="graph", height=650)`` draws the dict returned by
:func:`graph.render.network_data` with vis-network (a file the app
serves itself, see :mod:`ui.component_files`; no request leaves the app)
and returns the id of the node the user last clicked, or ``None``.
Passing ``selected=`` highlights and centres a node chosen in Python, for
example after a search; ``path=`` (pairs of actors) shows a path: its
actors and ties stand out, the rest of the map fades.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import streamlit as st

from graph.webpage import DRAW_CSS, DRAW_JS, json_for_script, vis_network_js
from ui.component_files import declare_on_runtime, file_backed
from ui.reruns import fragment_only

__all__ = ["graph_view", "new_run"]

_HTML = ""

# The default export runs on first mount and again whenever the data sent
# from Python changes; it receives the same parentElement each time and its
# returned cleanup only runs on unmount. So it keeps one network per
# parentElement and rebuilds it only when the graph itself changed.
_MODULE = r"""
const STATE = new WeakMap();

function mount(parentElement, data, setStateValue) {
  const root = document.createElement("div");
  root.className = "snx-root";
  root.style.height = String(Number(data.height) || 650) + "px";
  root.style.display = "flex";
  parentElement.appendChild(root);
  const graph = JSON.parse(data.graph);
  const network = snxDraw(root, graph, (id) => setStateValue("selected", id));
  // A PNG of the canvas as it is now (zoom, pan, highlight), on a white background.
  const snap = document.createElement("button");
  snap.className = "snx-snapshot";
  snap.type = "button";
  snap.textContent = String(data.snapshot_label || "PNG");
  snap.addEventListener("click", () => {
    const canvas = root.querySelector("canvas");
    const out = document.createElement("canvas");
    out.width = canvas.width;
    out.height = canvas.height;
    const ctx = out.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(canvas, 0, 0);
    const link = document.createElement("a");
    link.download = "network.png";
    link.href = out.toDataURL("image/png");
    link.click();
  });
  root.appendChild(snap);
  const state = {sig: data.sig, root: root, network: network, focused: undefined, path: undefined};
  STATE.set(parentElement, state);
  globalThis.snxNetworks = globalThis.snxNetworks || {};
  globalThis.snxNetworks[String(data.key)] = network;
  return state;
}

const WANTED = new WeakMap();

export default function (component) {
  const {data, parentElement, setStateValue} = component;
  let state = STATE.get(parentElement);
  if (state && state.sig !== data.sig) {
    const patch = data.patch;  // an edit to the drawing shown: put it in place, keeping zoom and selection
    if (patch && patch.base === state.sig && snxPatch(state.network, patch)) {
      state.sig = data.sig;
      state.patched = (state.patched || 0) + 1;
    } else {
      state.network.destroy();
      state.root.remove();
      STATE.delete(parentElement);
      state = undefined;
    }
  }
  if (!state && data.graph == null) {  // the server left the drawing out, thinking the page holds it: ask for it
    if (WANTED.get(parentElement) !== data.sig) {
      WANTED.set(parentElement, data.sig);
      setStateValue("want", data.sig);
    }
    return () => {};
  }
  if (!state) state = mount(parentElement, data, setStateValue);
  const path = JSON.stringify(data.path || []);
  if (path !== state.path) {
    snxHighlight(state.network, data.path || [], true);  // a newly chosen path: fade the rest, fit the path
    state.path = path;
  }
  const wanted = data.selected == null ? null : String(data.selected);
  if (wanted !== state.focused) {
    snxFocus(state.network, wanted, true);  // a search or a link zooms to the actor; a click does not move
    state.focused = wanted;
  }
  const mine = state;
  return () => {
    if (STATE.get(parentElement) !== mine) return;
    mine.network.destroy();
    mine.root.remove();
    STATE.delete(parentElement);
  };
}
"""


def _component_js() -> str:
    return vis_network_js() + "\n;\n" + DRAW_JS + "\n" + _MODULE


_SNAPSHOT_CSS = """
.snx-snapshot { position: absolute; top: 6px; right: 6px; z-index: 6; font-size: 12px; padding: 2px 8px;
  border: 1px solid #bbb; border-radius: 4px; background: rgba(255,255,255,.9); cursor: pointer; }
"""

_NAME = "snx.graph_view"
_COMPONENT = st.components.v2.component(
    _NAME,
    html=_HTML,
    css=DRAW_CSS + _SNAPSHOT_CSS,
    js=file_backed(_NAME, "map.js", _component_js()),  # loaded by the page once, not sent with each rerun
)


def graph_view(
    data: Mapping[str, Any] | str | Any,
    *,
    key: str = "graph",
    height: int = 650,
    selected: str | None = None,
    path: Sequence[tuple[str, str]] | None = None,
    on_select: Callable[[], None] | None = None,
    snapshot_label: str = "PNG",
    patch: Mapping[str, Any] | None = None,
) -> str | None:
    """Draw `data` and return the id of the node the user last clicked.

    Parameters
    ----------
    data : mapping, str or drawing
        The result of ``graph.render.network_data``, that already as
        script-safe JSON (``json_for_script`` / ``json_subset``), or a
        :class:`graph.redraw.Drawing` (its JSON is made only when sent).
        The page is sent the drawing only when it does not hold it already.
    key : str, optional
        Streamlit key of the component; one per drawing on a page.
    height : int, optional
        Height of the drawing in pixels.
    selected : str or None, optional
        Node to highlight and centre (e.g. a search result); ``None``
        clears the highlight.
    path : sequence of (str, str), optional
        Steps of one or more paths as pairs of actor ids: those actors and
        the ties between each pair are highlighted, everything else is
        faded, and the view fits the path. ``None`` or empty: the whole map.
    on_select : callable, optional
        Called (as a Streamlit callback) when the user clicks a node.
    snapshot_label : str, optional
        Text of the button that downloads the canvas as it is now as a PNG.
    patch : mapping, optional
        How `data` differs from the drawing it was made from (``graph.redraw.Drawing.patch``); a page
        that shows that drawing puts the change in place instead of drawing the map anew.

    Returns
    -------
    str or None
        The id of the last clicked node (it persists across reruns), or
        ``None`` before any click.
    """
    sig = _sig(data)
    payload = {
        "graph": None if _held(key, sig, patch) else _serialised(data)[0],
        "sig": sig,
        "selected": None if selected is None else str(selected),
        "path": [[str(a), str(b)] for a, b in path or ()],
        "height": int(height),
        "key": str(key),
        "snapshot_label": snapshot_label,
        "patch": patch,
    }
    declare_on_runtime(_NAME)
    result = _COMPONENT(
        key=key,
        data=payload,
        height=int(height),
        default={"selected": None, "want": None},
        on_selected_change=on_select or _ignore,
        on_want_change=_ignore,
    )
    value = getattr(result, "selected", None)
    return None if value is None else str(value)


_SERIALISED: dict[int, tuple[Mapping[str, Any] | str, str, str]] = {}
_LOCK = threading.Lock()  # sessions run in threads and share this module


def _serialised(data: Any) -> tuple[str, str]:
    """The drawing as JSON and its hash, remembered for the last few drawings (a drawing with ``json`` and
    ``sig`` gives its own).

    The app hands the same (cached, never edited) dict on every rerun, so a
    rerun that changes nothing on the map does not serialise megabytes again.
    """
    with _LOCK:
        hit = _SERIALISED.get(id(data))
    if hit is not None and hit[0] is data:
        return hit[1], hit[2]
    if isinstance(getattr(data, "sig", None), str):
        return data.json, data.sig
    graph = data if isinstance(data, str) else json_for_script(dict(data))
    sig = hashlib.sha1(graph.encode("utf-8")).hexdigest()
    with _LOCK:
        if len(_SERIALISED) >= 8:
            _SERIALISED.pop(next(iter(_SERIALISED)))
        _SERIALISED[id(data)] = (data, graph, sig)
    return graph, sig


def new_run(*, fragment: bool = False) -> None:
    """Count a run that draws maps: a map drawn in the run before is still on the page, and is not sent again.

    ``app.py`` calls it first in every run of the whole app; a fragment that draws a map calls it with
    ``fragment=True``, which counts only when the fragment runs on its own (in a run of the whole app, the
    app counted it already).
    """
    if fragment and not fragment_only():
        return
    st.session_state["_snx_run"] = st.session_state.get("_snx_run", 0) + 1


def _held(key: str, sig: str, patch: Mapping[str, Any] | None) -> bool:
    """Whether the page holds the drawing ``sig`` or the drawing ``patch`` was made from: it was sent in the run
    just before, and the page has not asked for it (it asks when its map was made anew, e.g. moved on the
    page). Only runs counted by :func:`new_run` are known; without them the drawing is always sent."""
    run = st.session_state.get("_snx_run")
    sent = st.session_state.setdefault("_snx_sent", {})
    before = sent.get(key)  # (drawing, run, sent whole)
    asked = getattr(st.session_state.get(key), "want", None) == sig
    held = run is not None and before is not None and before[1] == run - 1 and (
        (before[0] == sig and (before[2] or not asked))  # asked for it: held once it was sent whole
        or (not asked and patch is not None and patch.get("base") == before[0]))
    sent[key] = (sig, run, not held)
    return held


def _sig(data: Any) -> str:
    """The fingerprint the page knows a drawing by: a drawing's own (:class:`graph.redraw.Drawing`), else
    that of its JSON."""
    sig = getattr(data, "sig", None)
    return sig if isinstance(sig, str) else _serialised(data)[1]


def _ignore() -> None:
    """Placeholder callback: Streamlit only reports states with one."""
