"""Page: see :func:`ui.suggestions.render_suggestions`."""

from ui.context import current
from ui.suggestions import render_suggestions

render_suggestions(current())
