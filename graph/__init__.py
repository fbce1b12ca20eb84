"""The stakeholder network library: tables in, graphs, answers and files out.

No module in this package imports Streamlit; the app in ``app.py`` and
``ui/`` is a thin layer over these functions.

>>> import graph
>>> ds = graph.read_dataset("data")
>>> graph.validate(ds)
[]
"""

from graph.io import read_dataset, write_tables, write_xlsx
from graph.model import TABLES, DataError, Dataset, Problem, validate

__all__ = [
    "TABLES",
    "DataError",
    "Dataset",
    "Problem",
    "read_dataset",
    "validate",
    "write_tables",
    "write_xlsx",
]
