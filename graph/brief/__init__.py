"""A briefing to print: one actor or one place on A4 pages, in sv, en or nb (``python -m graph brief``).

:func:`briefing` gathers what it says (:mod:`graph.brief.content`), :func:`brief_pdf` lays it out
(:mod:`graph.brief.pdf`), :func:`write_brief` does both and writes the file whole or not at all.

>>> import tempfile
>>> from pathlib import Path
>>> from graph.io import read_dataset
>>> out = Path(tempfile.mkdtemp()) / "brief.pdf"
>>> write_brief(read_dataset("data"), out, actor="migrationsverket", lang="en") == out
True
"""

from __future__ import annotations

from pathlib import Path

from graph.brief.content import Briefing, briefing, scope_of
from graph.brief.pdf import brief_pdf
from graph.io.writers import atomic_write
from graph.model import Dataset

__all__ = ["Briefing", "briefing", "brief_pdf", "scope_of", "write_brief"]


def write_brief(ds: Dataset, out: Path, *, lang: str = "sv", year: int | str | None = None, **where: str) -> Path:
    """Write the briefing on ``where`` (``actor=``, ``municipality=`` or ``region=``) to ``out`` as a PDF.

    Raises
    ------
    ValueError
        For an unknown actor or place, or a year that is not a number.
    """
    data = brief_pdf(briefing(ds, lang=lang, year=year, **where))
    atomic_write(Path(out), data)
    return Path(out)
