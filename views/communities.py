"""Page: see :func:`ui.questions.render_communities`."""

from ui.context import current
from ui.questions import render_communities

render_communities(current())
