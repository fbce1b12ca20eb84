"""Page: see :func:`ui.export_page.render_export`."""

from ui.context import current
from ui.export_page import render_export

render_export(current())
