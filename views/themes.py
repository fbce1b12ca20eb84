"""Page: see :func:`ui.questions.render_themes`."""

from ui.context import current
from ui.questions import render_themes

render_themes(current())
