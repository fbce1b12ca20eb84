"""Page: see :func:`ui.data_page.render_data`."""

from ui.context import current
from ui.data_page import render_data

render_data(current())
