"""Page: see :func:`ui.questions.render_brokers`."""

from ui.context import current
from ui.questions import render_brokers

render_brokers(current())
