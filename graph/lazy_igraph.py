"""python-igraph without matplotlib: :func:`load_igraph`.

``import igraph`` imports ``matplotlib.pyplot`` (its drawing modules ask
``find_matplotlib()`` at import, and build their matplotlib classes then):
0.3 s of every ``python -m graph stats`` on a quiet machine, up to 1.5 s on a busy one,
for plots we never ask igraph for (our pictures are matplotlib's own, in
:mod:`graph.export`).  :func:`load_igraph` imports igraph as if matplotlib
were not installed: igraph's own matplotlib plots are then unavailable in
that process, everything else is igraph as usual.

>>> ig = load_igraph()
>>> ig.Graph([(0, 1), (1, 2)]).betweenness()
[0.0, 1.0, 0.0]
"""

from __future__ import annotations

import importlib
import sys
import types

__all__ = ["load_igraph"]

#: igraph's module that imports matplotlib for it.
_FINDER = "igraph.drawing.matplotlib.utils"


def _find_matplotlib():
    """What igraph's ``find_matplotlib`` gives when matplotlib is not installed: two stand-ins that refuse."""
    from igraph.drawing.utils import FakeModule

    missing = FakeModule("igraph was loaded without matplotlib (graph.lazy_igraph)")
    return missing, missing


def load_igraph() -> types.ModuleType:
    """The ``igraph`` module, imported (once) without importing matplotlib; see the module's docstring.

    When igraph is imported already, that is igraph; when ``matplotlib.pyplot`` is, igraph is imported as
    usual (its plots then cost nothing more).
    """
    if "igraph" in sys.modules or "matplotlib.pyplot" in sys.modules:
        return importlib.import_module("igraph")
    stand_in = types.ModuleType(_FINDER)
    stand_in.find_matplotlib = _find_matplotlib
    sys.modules.setdefault(_FINDER, stand_in)
    try:
        return importlib.import_module("igraph")
    finally:
        if sys.modules.get(_FINDER) is stand_in:  # only igraph's import saw the stand-in
            del sys.modules[_FINDER]
