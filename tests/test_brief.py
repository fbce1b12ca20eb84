"""The printable briefing: A4 pages in the chosen language with every quote and document title of the scope."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from graph.brief import briefing, write_brief
from graph.cli import main
from graph.io import read_dataset
from tests.support import ROOT

DATA = ROOT / "data"


def pdf_text(path) -> tuple[str, list]:
    reader = PdfReader(str(path))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return re.sub(r"\s+", " ", text), reader.pages


def quotes_and_titles(ds, ids: set[str]) -> tuple[list[str], list[str]]:
    ties = ds.collaborations[ds.collaborations["source"].isin(ids) | ds.collaborations["target"].isin(ids)]
    titles = dict(zip(ds.documents["id"], ds.documents["title"]))
    return [q for q in ties["evidence"] if q], sorted({titles[d] for d in ties["document"] if d})


@pytest.mark.parametrize("where, ids, lang, heading", [
    ({"actor": "migrationsverket"}, {"migrationsverket"}, "sv", "Lägesbild: Migrationsverket"),
    ({"municipality": "Mellerud"}, None, "en", "Briefing: Mellerud"),
])
def test_brief_holds_every_quote_and_document_title_on_a4(tmp_path, where, ids, lang, heading):
    ds = read_dataset(DATA)
    if ids is None:
        ids = {a for a, m in zip(ds.actors["id"], ds.actors["municipality"]) if "Mellerud" in m.split("|")}
    out = write_brief(ds, tmp_path / "brief.pdf", lang=lang, **where)
    text, pages = pdf_text(out)
    assert all((round(float(p.mediabox.width)), round(float(p.mediabox.height))) == (595, 842) for p in pages)
    assert heading in text
    quotes, titles = quotes_and_titles(ds, ids)
    assert quotes and titles
    for quote in quotes:
        assert re.sub(r"\s+", " ", quote)[:60] in text, quote
    for title in titles:
        assert re.sub(r"\s+", " ", title)[:50] in text, title
    assert ".txt" not in text and "civil_society" not in text and "state_agency" not in text


def test_brief_sections_and_suggestions_in_norwegian():
    b = briefing(read_dataset(DATA), actor="arbetsformedlingen", lang="nb", today="2026-12-01")
    assert b.title == "Situasjonsbilde: Arbetsförmedlingen" and b.lines[0].startswith("Satt sammen 2026-12-01")
    assert b.recommended and all("anbefal" in r["sentence"].lower() for r in b.recommended)
    assert b.sources and b.facts[0][0] == "Type"


def test_brief_as_of_a_year_leaves_later_ties_out():
    ds = read_dataset(DATA)
    later = ds.collaborations[ds.collaborations["start"].str[:4] > "2016"]
    assert len(later)
    actor = later["source"].iloc[0]
    now, then = briefing(ds, actor=actor, lang="en"), briefing(ds, actor=actor, lang="en", year=2016)
    assert len(then.ties) < len(now.ties) and "As of 2016" in then.lines[1]


def test_cli_brief_and_its_mistakes(tmp_path, capsys):
    out = tmp_path / "mv.pdf"
    assert main(["brief", str(DATA), "--actor", "Migrationsverket", "-o", str(out), "--lang", "en"]) == 0
    assert out.read_bytes()[:5] == b"%PDF-"
    assert main(["brief", str(DATA), "--actor", "Migrationsverket", "-o", str(out)]) == 1  # exists
    assert main(["brief", str(DATA), "--municipality", "Atlantis", "-o", str(tmp_path / "x.pdf")]) == 1
    assert "no actor has the municipality 'Atlantis'" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_cli_stats_and_export_take_a_year(tmp_path, capsys):
    assert main(["stats", str(DATA), "--year", "2016"]) == 0
    ties_then = int(re.search(r"ties\s+(\d+)", capsys.readouterr().out).group(1))
    assert main(["stats", str(DATA)]) == 0
    ties_now = int(re.search(r"ties\s+(\d+)", capsys.readouterr().out).group(1))
    assert ties_then < ties_now
    out = tmp_path / "a4.pdf"
    assert main(["export", str(DATA), "-o", str(out), "--format", "pdf", "--paper", "a4", "--year", "2016"]) == 0
    box = PdfReader(str(out)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
