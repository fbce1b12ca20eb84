"""Page: see :func:`ui.edit_page.render_edit`."""

from ui.context import current
from ui.edit_page import render_edit

render_edit(current())
