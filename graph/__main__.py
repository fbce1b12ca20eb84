"""``python -m graph``: see :mod:`graph.cli`."""

import sys

from graph.cli import main

sys.exit(main())
