"""Page: see :func:`ui.history_page.render_history`."""

from ui.context import current
from ui.history_page import render_history

render_history(current())
