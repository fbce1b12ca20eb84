"""Exports: pictures (PNG, SVG, PDF), the standalone page (HTML) and data files for other tools.

:func:`export_dataset` is the one entry point (``python -m graph export``).
Pictures live in :mod:`graph.export.images`, data formats in
:mod:`graph.export.formats`; our own CSV folder and workbook come from
:mod:`graph.io.writers`.  :func:`generate_export` makes the files as bytes
(what the app downloads); :func:`export_dataset` writes them, each renamed
into place, so a failure leaves nothing half-written, never over an input,
never over a FIFO or device, with the mode the umask gives.  Contact columns
(e-mail, phone, contact person, found by name and by content) are left out
unless asked for.

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

import os
from collections.abc import Hashable, Iterable, Mapping
from pathlib import Path

from graph.export.formats import generate_gexf, generate_graphml, generate_kumu, generate_node_link
from graph.export.images import IMAGE_FORMATS, default_title, render_image, source_note
from graph.io.writers import atomic_write, check_writable, drop_contacts, generate_tables, generate_xlsx
from graph.model import TABLES, Dataset

__all__ = ["FORMATS", "IMAGE_FORMATS", "SUFFIXES", "export_dataset", "generate_export", "check_target",
           "without_contacts"]

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


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _targets(out: Path, fmt: str) -> list[Path]:
    return [out / f"{name}.csv" for name in TABLES] if fmt == "csv" else [out]


def check_target(out: Path, fmt: str, *, inputs: Iterable[str | Path] = (), force: bool = True) -> None:
    """Refuse an output that would replace an input, land inside an input folder, or replace a non-regular file.

    Without ``force`` an existing file (or, for ``csv``, tables already in the
    folder) is refused too.

    >>> check_target(Path("data/network.json"), "json", inputs=["data"])
    Traceback (most recent call last):
    ...
    ValueError: data/network.json is inside the input data: choose an output outside it
    """
    out = Path(out)
    if fmt == "csv" and out.exists() and not out.is_dir():
        raise ValueError(f"{out} is a file: --format csv writes a folder of tables")
    if fmt != "csv" and out.is_dir():
        raise ValueError(f"{out} is a folder: give a file name such as {out / ('network' + SUFFIXES.get(fmt, ''))}")
    for given in inputs:
        src = Path(given).resolve()
        if out.resolve() == src:
            raise ValueError(f"{out} is the input itself: choose an output outside it")
        for path in _targets(out.resolve(), fmt):
            same = path.exists() and src.exists() and os.path.samefile(path, src)
            if same or (src.is_dir() and _inside(path, src)):
                where = "the input itself" if same else f"inside the input {given}"
                raise ValueError(f"{out} is {where}: choose an output outside it")
    for path in _targets(out, fmt):
        check_writable(path)
    if not force and fmt == "csv" and any(p.exists() for p in _targets(out, fmt)):
        raise ValueError(f"{out} already holds tables: choose an empty folder or add --force to replace them")
    if not force and fmt != "csv" and out.exists():
        raise ValueError(f"{out} exists: choose another name or add --force to replace it")


def generate_export(
    ds: Dataset,
    fmt: str,
    *,
    with_contacts: bool = False,
    positions: Mapping[Hashable, tuple[float, float]] | None = None,
    color_by: str = "sector",
    title: str | None = None,
    lang: str = "sv",
    dpi: float = 200,
    paper: str | None = None,
) -> dict[str, bytes]:
    """``ds`` in format ``fmt`` as file name -> bytes, touching no disk (see :func:`export_dataset`).

    ``csv`` gives the four tables (``actors.csv`` …); every other format one
    file named ``network`` with the format's suffix.

    >>> ds = Dataset.from_records(actors=[{"id": "a", "E-postadress": "a@b.se"}])
    >>> files = generate_export(ds, "json")
    >>> list(files), b"a@b.se" in files["network.json"]
    (['network.json'], False)
    """
    fmt = str(fmt).strip().lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if not with_contacts:
        ds = without_contacts(ds)
    if fmt == "csv":
        return generate_tables(ds, with_contacts=True)
    name = f"network{SUFFIXES[fmt]}"
    if fmt == "xlsx":
        return {name: generate_xlsx(ds, with_contacts=True)}
    if fmt in IMAGE_FORMATS or fmt == "html":
        from graph.build import to_multigraph

        G = to_multigraph(ds)
        where = _positions(G, positions)
        if fmt == "html":
            from graph.render import standalone_html

            labels = {"theme_labels": {la: dict(zip(ds.themes["id"], ds.themes.get(f"label_{la}", ds.themes["id"])))
                                       for la in ("sv", "en", "nb")},
                      "document_titles": {d: t for d, t in zip(ds.documents["id"], ds.documents["title"]) if t}}
            return {name: standalone_html(G, where, title=title or default_title(lang), color_by=color_by, lang=lang,
                                          size_by=dict(G.degree()), **labels).encode("utf-8")}
        return {name: render_image(G, where, fmt, dpi=dpi, color_by=color_by, title=title,
                                   note=source_note(ds, lang), lang=lang, paper=paper)}
    if fmt == "gexf":
        return {name: generate_gexf(ds, positions=positions, color_by=color_by)}
    return {name: {"kumu": generate_kumu, "graphml": generate_graphml, "json": generate_node_link}[fmt](ds)}


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
    inputs: Iterable[str | Path] = (),
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
    inputs : paths, optional
        Where ``ds`` was read from: never written over, nor anything inside
        an input folder (see :func:`check_target`).
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
        (or the reverse), an input or not a regular file, or ``positions``
        misses an actor.
    """
    fmt = str(fmt).strip().lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    out = Path(out)
    check_target(out, fmt, inputs=inputs)
    files = generate_export(ds, fmt, with_contacts=with_contacts, positions=positions, color_by=color_by,
                            title=title, lang=lang, dpi=dpi, paper=paper)
    paths = [out / name for name in files] if fmt == "csv" else [out]
    for path, data in zip(paths, files.values(), strict=True):
        atomic_write(path, data)
    return paths
