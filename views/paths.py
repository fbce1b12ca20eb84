"""Page: see :func:`ui.questions.render_paths`."""

from ui.context import current
from ui.questions import render_paths

render_paths(current())
