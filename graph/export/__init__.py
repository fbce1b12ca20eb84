"""Exports: pictures (PNG, SVG, PDF), the standalone page (HTML) and data files for other tools.

:func:`export_dataset` is the one entry point (``python -m graph export``).
Pictures live in :mod:`graph.export.images`, data formats in
:mod:`graph.export.formats`; our own CSV folder and workbook come from
:mod:`graph.io.writers`.  Every file is generated whole in memory and then
renamed into place, so a failure leaves nothing half-written; contact columns
(e-mail, phone, contact person) are left out unless asked for.

>>> import tempfile
>>> from graph.model import Dataset
>>> ds = Dataset.from_records(actors=[{"id": "a", "name": "Åmål", "email": "x@y.se"}, {"id": "b"}],
...                           collaborations=[{"source": "a", "target": "b"}])
>>> out = Path(tempfile.mkdtemp()) / "net.json"
>>> [p.name for p in export_dataset(ds, out, "json")], "x@y.se" in out.read_text()
(['net.json'], False)
>>> export_dataset(ds, out, "docx")
Traceback (most recent call last):
...
ValueError: unknown export format 'docx': choose one of png, svg, pdf, html, csv, xlsx, kumu, graphml, gexf, json
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from pathlib import Path

from graph.export.formats import generate_gexf, generate_graphml, generate_kumu, generate_node_link
from graph.export.images import IMAGE_FORMATS, default_title, render_image, source_note
from graph.io.writers import atomic_write, drop_contacts, write_tables, write_xlsx
from graph.model import TABLES, Dataset

__all__ = ["FORMATS", "IMAGE_FORMATS", "SUFFIXES", "export_dataset", "without_contacts"]

FORMATS = ("png", "svg", "pdf", "html", "csv", "xlsx", "kumu", "graphml", "gexf", "json")

#: The usual file suffix of each format ("" for the csv folder).
SUFFIXES = {"png": ".png", "svg": ".svg", "pdf": ".pdf", "html": ".html", "csv": "", "xlsx": ".xlsx",
            "kumu": ".xlsx", "graphml": ".graphml", "gexf": ".gexf", "json": ".json"}


def without_contacts(ds: Dataset) -> Dataset:
    """``ds`` without the columns holding personal contact data, in every table.

    >>> ds = Dataset.from_records(actors=[{"id": "a", "E-post": "a@b.se", "phone": "1"}])
    >>> list(without_contacts(ds).actors.columns)[:2], "phone" in without_contacts(ds).actors
    (['id', 'name'], False)
    """
    return ds.replace(**{name: drop_contacts(getattr(ds, name)) for name in TABLES})


def _positions(G, positions: Mapping[Hashable, tuple[float, float]] | None) -> Mapping:
    if positions is None:
        from graph.layout import compute_layout

        return compute_layout(G, seed=1)
    missing = [v for v in G if v not in positions]
    if missing:
        raise ValueError(f"positions are missing for {len(missing)} actor(s), e.g. {missing[0]!r}")
    return positions


def _check_target(out: Path, fmt: str) -> None:
    if fmt == "csv":
        if out.exists() and not out.is_dir():
            raise ValueError(f"{out} is a file: --format csv writes a folder of tables")
    elif out.is_dir():
        raise ValueError(f"{out} is a folder: give a file name such as {out / ('network' + SUFFIXES[fmt])}")


def export_dataset(
    ds: Dataset,
    out: Path,
    fmt: str,
    *,
    with_contacts: bool = False,
    positions: Mapping[Hashable, tuple[float, float]] | None = None,
    color_by: str = "sector",
    title: str | None = None,
    lang: str = "sv",
    dpi: float = 200,
    paper: str | None = None,
) -> list[Path]:
    """Write ``ds`` to ``out`` in format ``fmt`` and return the files written.

    Parameters
    ----------
    ds : Dataset
        What to export (the command line has applied its filters already).
    out : Path
        The file to write; for ``csv`` a folder (created if needed) that
        receives ``actors.csv``, ``collaborations.csv``, ``themes.csv`` and
        ``documents.csv``.
    fmt : str
        One of :data:`FORMATS`: ``png``, ``svg``, ``pdf`` (pictures),
        ``html`` (the offline interactive page), ``csv``, ``xlsx`` (our
        tables), ``kumu`` (Kumu's Elements/Connections workbook),
        ``graphml``, ``gexf`` (for Gephi, with colours, positions and sizes)
        or ``json`` (node-link).
    with_contacts : bool, optional
        Keep e-mail, phone and contact-person columns (left out by default).
    positions : mapping, optional
        ``actor id -> (x, y)`` for pictures, HTML and GEXF; by default
        :func:`graph.layout.compute_layout`.
    color_by : {"sector", "type", "community", "color"}, optional
        Node colours of pictures, HTML and GEXF.
    title : str, optional
        Title of pictures and HTML page (default: "Aktörsnätverk" in ``lang``).
    lang : {"sv", "en", "nb"}, optional
        Language of legends, titles and notes.
    dpi : float, optional
        PNG resolution; the picture is at least 2,200 pixels wide anyway.
    paper : {"a4", "a4-landscape", "a3", "a3-landscape"}, optional
        Pictures on a sheet of that size instead of as large as the network needs.

    Returns
    -------
    list of Path
        The files written.

    Raises
    ------
    ValueError
        If ``fmt`` is unknown, ``out`` is a folder where a file is expected
        (or the reverse), or ``positions`` misses an actor.
    """
    fmt = str(fmt).strip().lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    out = Path(out)
    _check_target(out, fmt)
    if not with_contacts:
        ds = without_contacts(ds)
    if fmt == "csv":
        return write_tables(ds, out, with_contacts=True)
    if fmt == "xlsx":
        write_xlsx(ds, out, with_contacts=True)
        return [out]
    if fmt in IMAGE_FORMATS or fmt == "html":
        from graph.build import to_multigraph

        G = to_multigraph(ds)
        where = _positions(G, positions)
        if fmt == "html":
            from graph.render import standalone_html

            labels = {"theme_labels": {la: dict(zip(ds.themes["id"], ds.themes.get(f"label_{la}", ds.themes["id"])))
                                       for la in ("sv", "en", "nb")},
                      "document_titles": {d: t for d, t in zip(ds.documents["id"], ds.documents["title"]) if t}}
            data = standalone_html(G, where, title=title or default_title(lang), color_by=color_by, lang=lang,
                                   size_by=dict(G.degree()), **labels).encode("utf-8")
        else:
            data = render_image(G, where, fmt, dpi=dpi, color_by=color_by, title=title,
                                note=source_note(ds, lang), lang=lang, paper=paper)
    elif fmt == "gexf":
        data = generate_gexf(ds, positions=positions, color_by=color_by)
    else:
        data = {"kumu": generate_kumu, "graphml": generate_graphml, "json": generate_node_link}[fmt](ds)
    atomic_write(out, data)
    return [out]
