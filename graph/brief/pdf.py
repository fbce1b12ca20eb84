"""A briefing laid out on A4 pages with fpdf2: the same map and colours as the app, text that wraps.

fpdf2 is pure Python, actively kept, embeds a TrueType font (DejaVu Sans, shipped with matplotlib, so
å, ä, ö, ø and the quotes' typography print), wraps and breaks text across pages itself, and writes
searchable text, so a reader can copy a quote; it needs no system library (unlike weasyprint) and is
smaller than reportlab.  The map is the picture of :mod:`graph.export.images`, embedded as a PNG.
"""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib
from fpdf import FPDF

from graph.brief.content import Briefing
from graph.brief.words import say
from graph.build import to_multigraph
from graph.export.images import render_image
from graph.layout import compute_layout
from graph.text import quoted

__all__ = ["brief_pdf"]

_FONTS = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
_MAP_SIZE = (7.0, 6.4)  # inches: the page's width inside the margins
_INK, _GREY, _QUOTE = (34, 34, 34), (90, 90, 90), (245, 241, 228)


class _Pages(FPDF):
    """A4 pages with the briefing's title and the page number at the foot."""

    def __init__(self, title: str, lang: str) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.brief_title, self.lang = title, lang
        self.add_font("DejaVu", "", str(_FONTS / "DejaVuSans.ttf"))
        self.add_font("DejaVu", "B", str(_FONTS / "DejaVuSans-Bold.ttf"))
        self.add_font("DejaVu", "I", str(_FONTS / "DejaVuSans-Oblique.ttf"))
        self.set_margins(16, 16, 16)
        self.set_auto_page_break(True, margin=16)
        self.set_title(title)
        self.set_creator("Stakeholder network explorer")

    def footer(self) -> None:
        self.set_y(-11)
        self.set_font("DejaVu", "", 7)
        self.set_text_color(*_GREY)
        self.cell(0, 5, f"{self.brief_title} · {say('page', self.lang, n=self.page_no())}", align="R")


def _heading(pdf: FPDF, text: str) -> None:
    if pdf.get_y() > pdf.h - 40:
        pdf.add_page()
    pdf.ln(3)
    pdf.set_font("DejaVu", "B", 12)
    pdf.set_text_color(*_INK)
    pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def _para(pdf: FPDF, text: str, *, size: float = 9, style: str = "", color=_INK, indent: float = 0) -> None:
    pdf.set_font("DejaVu", style, size)
    pdf.set_text_color(*color)
    pdf.set_x(pdf.l_margin + indent)
    pdf.multi_cell(pdf.epw - indent, size * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT")


def _quote(pdf: FPDF, quote: str, document: str, *, indent: float = 4) -> None:
    """A quote between the quotation marks of the briefing's language, its document under it."""
    pdf.set_fill_color(*_QUOTE)
    pdf.set_font("DejaVu", "I", 8.5)
    pdf.set_text_color(*_INK)
    pdf.set_x(pdf.l_margin + indent)
    pdf.multi_cell(pdf.epw - indent, 4.3, quoted(quote, pdf.lang), align="L", fill=True, new_x="LMARGIN", new_y="NEXT",
                   padding=(1, 2, 1, 2))
    if document:
        _para(pdf, f"— {document}", size=7.5, color=_GREY, indent=indent + 2)
    pdf.ln(1)


def _map(pdf: FPDF, b: Briefing) -> None:
    G = to_multigraph(b.scope)
    if not len(G):
        return
    png = render_image(G, compute_layout(G, seed=1), "png", dpi=200, lang=b.lang, title=b.map_caption,
                       max_labels=len(G), paper=_MAP_SIZE)
    width = pdf.epw
    pdf.image(io.BytesIO(png), x=pdf.l_margin, w=width)


def _facts(pdf: FPDF, facts: list[tuple[str, str]]) -> None:
    for key, value in facts:
        pdf.set_font("DejaVu", "B", 9)
        pdf.set_text_color(*_INK)
        pdf.cell(38, 4.8, key)
        pdf.set_font("DejaVu", "", 9)
        pdf.multi_cell(0, 4.8, value, align="L", new_x="LMARGIN", new_y="NEXT")


def _ties(pdf: FPDF, b: Briefing) -> None:
    if not b.ties:
        _para(pdf, say("no_ties", b.lang))
    for tie in b.ties:
        head = " · ".join(x for x in (tie["kind"], tie["status"], tie["period"]) if x)
        _para(pdf, f"{tie['partner']} — {head}", style="B")
        if tie["themes"]:
            _para(pdf, f"{say('themes', b.lang)}: {tie['themes']}", size=8, color=_GREY)
        if tie["quote"]:
            _quote(pdf, tie["quote"], tie["document"])
        elif tie["document"]:
            _para(pdf, f"{say('source', b.lang)}: {tie['document']}", size=8, color=_GREY)


def _suggestions(pdf: FPDF, b: Briefing) -> None:
    for key, rows in (("recommended", b.recommended), ("new", b.new)):
        _para(pdf, say(key, b.lang), style="B", size=10)
        if not rows:
            _para(pdf, say("none", b.lang))
        for number, row in enumerate(rows, start=1):
            _para(pdf, f"{number}. {row['pair']}", style="B", indent=2)
            _para(pdf, row["sentence"], indent=6)
            if row["quote"]:
                _quote(pdf, row["quote"], row["document"], indent=6)
        pdf.ln(1)


def brief_pdf(b: Briefing) -> bytes:
    """The briefing as the bytes of an A4 PDF.

    >>> from graph.io import read_dataset
    >>> from graph.brief.content import briefing
    >>> brief_pdf(briefing(read_dataset("data"), actor="mellerud-kommun", lang="nb"))[:5]
    b'%PDF-'
    """
    pdf = _Pages(b.title, b.lang)
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 18)
    pdf.set_text_color(*_INK)
    pdf.multi_cell(0, 9, b.title, new_x="LMARGIN", new_y="NEXT")
    for line in b.lines:
        _para(pdf, line, color=_GREY)
    pdf.ln(2)
    _map(pdf, b)
    _heading(pdf, say("facts", b.lang))
    _facts(pdf, b.facts)
    _heading(pdf, say("ties", b.lang))
    _ties(pdf, b)
    _heading(pdf, say("brokers", b.lang))
    for line in b.brokers + b.weak:
        _para(pdf, f"• {line}", indent=2)
    _heading(pdf, say("gaps", b.lang))
    for line in b.gaps:
        _para(pdf, f"• {line}", indent=2)
    _heading(pdf, say("suggestions", b.lang))
    _suggestions(pdf, b)
    _heading(pdf, say("sources", b.lang))
    for line in b.sources:
        _para(pdf, f"• {line}", indent=2)
    return bytes(pdf.output())
