"""Page: see :func:`ui.explore.render_explore`."""

from ui.context import current
from ui.explore import render_explore

render_explore(current())
