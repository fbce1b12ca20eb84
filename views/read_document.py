"""Page: see :func:`ui.read_document.render_read_document`."""

from ui.context import current
from ui.read_document import render_read_document

render_read_document(current())
