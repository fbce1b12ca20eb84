"""Exports: every format opened by what reads it, round trips, hostile names, contacts, atomic writes."""

from __future__ import annotations

import csv
import io
import json
import random
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import networkx as nx
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

import graph.export as export
from graph.build import to_multigraph
from graph.export import FORMATS, export_dataset
from graph.export.formats import kumu_sheets, unique_labels
from graph.export.images import source_note
from graph.io import read_dataset
from graph.model import Dataset

HOSTILE = ["=cmd|' /C calc'!A0", "<script>alert(1)</script>", "007", "+46 70 123", "-5 kr", "@SUM(A1)",
           "Åmåls kommun", "Tønsberg", "Ærøskøbing & Ø", "Arbetsförmedlingen", "a|b", "nan", "NA", "\"quoted\""]
DATA_FORMATS = ("csv", "xlsx", "kumu", "graphml", "gexf", "json")
TEXT_FORMATS = ("csv", "graphml", "gexf", "json", "html", "svg")
SVG = "{http://www.w3.org/2000/svg}"


def sample() -> Dataset:
    actors = [
        {"id": "amal", "name": "Åmåls kommun", "type": "municipality", "email": "kontakt@amal.se", "note": "007"},
        {"id": "leader", "name": "Leader Framtidsbygder", "type": "leader_group", "phone": "+46 70 123 45 67"},
        {"id": "hostile", "name": "=cmd|' /C calc'!A0", "type": "association", "description": "<script>x</script>"},
        {"id": "007", "name": "Tønsberg kommune", "type": "municipality", "country": "NO"},
        {"id": "biz", "name": "Åmåls kommun", "type": "business", "aliases": "ÅK|Åmål"},
    ]
    ties = [
        {"source": "leader", "target": "amal", "kind": "funding", "weight": "2", "themes": "housing|language",
         "document": "d1", "evidence": "=HYPERLINK(\"x\")", "contact_person": "Anna Andersson"},
        {"source": "amal", "target": "hostile", "kind": "partnership", "status": "recommended", "weight": "0.5",
         "document": "d1"},
        {"source": "007", "target": "biz", "kind": "dialogue", "status": "planned", "start": "2019"},
        {"source": "amal", "target": "biz", "kind": "commissioning", "status": "ended", "document": "d2"},
    ]
    themes = [{"id": "housing", "label_sv": "Bostad", "label_en": "Housing", "label_nb": "Bolig"},
              {"id": "language", "label_sv": "Svenska", "label_en": "Language", "label_nb": "Norsk"}]
    documents = [{"id": "d1", "title": "Mötesrapport Dalsland", "language": "sv"},
                 {"id": "d2", "title": "+Workshop Tønsberg", "language": "nb"}]
    return Dataset.from_records(actors=actors, collaborations=ties, themes=themes, documents=documents)


def target(tmp_path: Path, fmt: str) -> Path:
    return tmp_path / ("out" if fmt == "csv" else f"out{export.SUFFIXES[fmt]}")


def read_back(paths: list[Path], fmt: str) -> Dataset:
    return read_dataset(paths[0].parent if fmt == "csv" else paths[0])


# --- what each format is opened by --------------------------------------------------

def test_formats_are_the_command_line_choices():
    assert FORMATS == ("png", "svg", "pdf", "html", "csv", "xlsx", "kumu", "graphml", "gexf", "json")


@pytest.mark.parametrize("dpi", [200, 72])
def test_png_is_a_wide_picture(tmp_path, dpi):
    [path] = export_dataset(sample(), tmp_path / "net.png", "png", dpi=dpi)
    with Image.open(path) as image:
        assert image.format == "PNG"
        assert image.width >= 2000


def test_svg_names_are_text_and_nothing_runs(tmp_path):
    [path] = export_dataset(sample(), tmp_path / "net.svg", "svg", lang="en", title="Dalsland <test>")
    root = ET.parse(path).getroot()
    texts = {"".join(t.itertext()).strip() for t in root.iter(f"{SVG}text")}
    for name in ("Åmåls kommun", "=cmd|' /C calc'!A0", "Tønsberg kommune",
                 "Dalsland <test>", "Public sector", "Funding →", "Recommended"):
        assert any(name in t for t in texts), name
    assert any(t.startswith("Sources: Mötesrapport Dalsland; +Workshop Tønsberg") for t in texts)
    assert not list(root.iter(f"{SVG}script")) and not list(root.iter(f"{SVG}foreignObject"))


def test_labels_use_the_actor_name_with_mathtext_off(tmp_path):
    ds = Dataset.from_records(actors=[{"id": "a", "name": "$5 $x^2$"}, {"id": "b", "name": "B"}],
                              collaborations=[{"source": "a", "target": "b"}])
    [path] = export_dataset(ds, tmp_path / "n.svg", "svg")
    assert "$5 $x^2$" in {"".join(t.itertext()).strip() for t in ET.parse(path).getroot().iter(f"{SVG}text")}


def test_big_graph_names_only_the_best_connected(tmp_path):
    rng = random.Random(3)
    actors = [{"id": f"a{i}", "name": f"Aktör {i}"} for i in range(200)]
    ties = [{"source": f"a{rng.randrange(200)}", "target": f"a{rng.randrange(200)}"} for _ in range(400)]
    [path] = export_dataset(Dataset.from_records(actors=actors, collaborations=ties), tmp_path / "n.svg", "svg")
    names = [t for t in ET.parse(path).getroot().iter(f"{SVG}text") if "Aktör " in "".join(t.itertext())]
    assert 10 <= len(names) <= 80


def test_pdf_is_a_pdf(tmp_path):
    [path] = export_dataset(sample(), tmp_path / "net.pdf", "pdf")
    assert path.read_bytes().startswith(b"%PDF")


def test_html_is_one_offline_file(tmp_path):
    [path] = export_dataset(sample(), tmp_path / "net.html", "html", title="<b>Nät</b>")
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "&lt;b&gt;Nät&lt;/b&gt;" in page
    assert "<script src" not in page and "<link" not in page and "default-src 'none'" in page
    assert "kontakt@amal.se" not in page


def test_graphml_opens_in_networkx(tmp_path):
    [path] = export_dataset(sample(), tmp_path / "net.graphml", "graphml")
    text = path.read_text(encoding="utf-8")
    assert text.count('attr.name="weight"') == 1  # one type per attribute
    G = nx.read_graphml(path, force_multigraph=True)
    assert G.nodes["hostile"]["label"] == "=cmd|' /C calc'!A0"
    assert G.nodes["007"]["country"] == "NO"
    [tie] = G["leader"]["amal"].values()
    assert tie["weight"] == 2 and tie["themes"] == "housing|language"


def test_gexf_opens_in_networkx_with_colour_position_and_size(tmp_path):
    positions = {"amal": (0.0, 0.0), "leader": (1.0, 0.0), "hostile": (0.0, 1.0), "007": (-1, 0), "biz": (0, -1)}
    [path] = export_dataset(sample(), tmp_path / "net.gexf", "gexf", positions=positions)
    assert b'version="1.3"' in path.read_bytes()[:300]
    G = nx.read_gexf(path, version="1.3")
    viz = G.nodes["amal"]["viz"]
    assert (viz["color"]["r"], viz["color"]["g"], viz["color"]["b"]) == (0x4E, 0x79, 0xA7)  # public sector
    assert viz["position"]["x"] == 0 and G.nodes["leader"]["viz"]["position"]["x"] > 0
    assert G.nodes["amal"]["viz"]["size"] > G.nodes["007"]["viz"]["size"]  # three ties against one
    assert G.nodes["hostile"]["label"] == "=cmd|' /C calc'!A0"


def test_gexf_keeps_the_actors_own_picture(tmp_path):
    ds = Dataset.from_records(
        actors=[{"id": "a", "x": "10.5", "y": "-3", "size": "7", "color": "#ff0000"},
                {"id": "b", "x": "0", "y": "4", "size": "2", "color": "#00ff00"}],
        collaborations=[{"source": "a", "target": "b"}])
    [path] = export_dataset(ds, tmp_path / "n.gexf", "gexf")
    back = read_dataset(path).actors.set_index("id")
    assert back.loc["a", ["x", "y", "size", "color"]].tolist() == ["10.5", "-3", "7", "#ff0000"]


@pytest.mark.parametrize("fmt", ["xlsx", "kumu"])
def test_workbooks_hold_no_formula(tmp_path, fmt):
    [path] = export_dataset(sample(), tmp_path / f"{fmt}.xlsx", fmt)
    book = openpyxl.load_workbook(path)
    if fmt == "kumu":
        assert book.sheetnames == ["Elements", "Connections"]
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f"
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(("=", "+", "-", "@", "\t", "\r")), cell.value


def test_kumu_numbers_are_numbers_and_labels_unique(tmp_path):
    [path] = export_dataset(sample(), tmp_path / "k.xlsx", "kumu")
    book = openpyxl.load_workbook(path)
    elements = list(book["Elements"].iter_rows(values_only=True))
    connections = list(book["Connections"].iter_rows(values_only=True))
    assert elements[0][:4] == ("Label", "Type", "Description", "Tags")
    labels = [row[0] for row in elements[1:]]
    assert len(set(labels)) == len(labels) and "Åmåls kommun (amal)" in labels
    header = connections[0]
    assert header[:4] == ("From", "To", "Type", "Direction")
    weights = [row[header.index("weight")] for row in connections[1:]]
    assert weights[:2] == [2, 0.5]
    assert connections[1][:4] == ("Leader Framtidsbygder", "Åmåls kommun (amal)", "funding", "directed")


def test_csv_cells_are_escaped(tmp_path):
    paths = export_dataset(sample(), tmp_path / "out", "csv")
    assert sorted(p.name for p in paths) == ["actors.csv", "collaborations.csv", "documents.csv", "themes.csv"]
    for path in paths:
        for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))):
            for cell in row:
                assert not cell.startswith(("=", "+", "@")) and not cell.startswith("-5"), cell


def test_json_is_node_link(tmp_path):
    [path] = export_dataset(sample(), tmp_path / "n.json", "json")
    doc = json.loads(path.read_text(encoding="utf-8"))
    G = nx.node_link_graph(doc, edges="links")
    assert G.number_of_nodes() == 5 and G.number_of_edges() == 4
    assert [t["id"] for t in doc["graph"]["themes"]] == ["housing", "language"]
    assert doc["links"][0]["weight"] == 2


# --- contacts, errors, atomic writes ----------------------------------------------

@pytest.mark.parametrize("fmt", DATA_FORMATS)
def test_contacts_left_out_unless_asked(tmp_path, fmt):
    back = read_back(export_dataset(sample(), target(tmp_path / "a", fmt), fmt), fmt)
    assert not {"email", "phone"} & set(back.actors.columns)
    assert "contact_person" not in back.collaborations.columns
    back = read_back(export_dataset(sample(), target(tmp_path / "b", fmt), fmt, with_contacts=True), fmt)
    assert "kontakt@amal.se" in set(back.actors["email"])
    assert "Anna Andersson" in set(back.collaborations["contact_person"])


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_no_contact_text_in_files(tmp_path, fmt):
    paths = export_dataset(sample(), target(tmp_path, fmt), fmt)
    text = b"".join(p.read_bytes() for p in paths)
    assert b"kontakt@amal.se" not in text and b"Anna Andersson" not in text


def test_unknown_format_is_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match="unknown export format 'docx': choose one of png, svg"):
        export_dataset(sample(), tmp_path / "x.docx", "docx")
    assert not list(tmp_path.iterdir())


def test_folder_and_file_mix_ups_are_refused(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(ValueError, match="is a file"):
        export_dataset(sample(), tmp_path / "file", "csv")
    with pytest.raises(ValueError, match="is a folder"):
        export_dataset(sample(), tmp_path, "json")


def test_missing_positions_write_nothing(tmp_path):
    with pytest.raises(ValueError, match="positions are missing for 4 actor"):
        export_dataset(sample(), tmp_path / "n.png", "png", positions={"amal": (0, 0)})
    assert not list(tmp_path.iterdir())


def test_a_failed_export_leaves_the_old_file(tmp_path, monkeypatch):
    out = tmp_path / "n.graphml"
    out.write_text("old")

    def broken(ds):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(export, "generate_graphml", broken)
    with pytest.raises(RuntimeError):
        export_dataset(sample(), out, "graphml")
    assert out.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["n.graphml"]


# --- round trips --------------------------------------------------------------------

EXTRA = {"gexf": {"x", "y", "size", "color"}, "kumu": {"tags", "Direction"}}


def expected_tables(ds: Dataset, fmt: str) -> tuple[dict, Counter]:
    """What a read-back must hold: actors by id, ties as a multiset, in the format's terms."""
    ds = export.without_contacts(ds)
    labels = unique_labels(ds.actors) if fmt == "kumu" else {}
    actors = {}
    for row in ds.actors.to_dict("records"):
        if fmt == "kumu":
            row = dict(row, id=labels[row["id"]], name=labels[row["id"]])
        elif fmt in ("graphml", "gexf", "json"):
            row = dict(row, name=row["name"] or row["id"])
        actors[row["id"]] = row
    ties = Counter()
    for row in ds.collaborations.to_dict("records"):
        if fmt == "kumu":
            row = dict(row, source=labels[row["source"]], target=labels[row["target"]])
        ties[tuple(sorted(row.items()))] += 1
    return actors, ties


def assert_same(ds: Dataset, back: Dataset, fmt: str) -> None:
    actors, ties = expected_tables(ds, fmt)
    extra = EXTRA.get(fmt, set())
    got = {row["id"]: row for row in back.actors.to_dict("records")}
    assert set(got) == set(actors)
    for key, row in actors.items():
        for col, value in row.items():
            assert got[key].get(col, "") == value, (fmt, key, col)
        for col, value in got[key].items():
            assert col in row or col in extra or value == "", (fmt, key, col, value)
    cols = {c for key in ties for c, _ in key}
    got_ties = Counter(tuple(sorted((c, row.get(c, "")) for c in cols))
                       for row in back.collaborations.to_dict("records"))
    assert got_ties == ties if cols else len(back.collaborations) == sum(ties.values())
    if fmt in ("csv", "xlsx", "json"):
        for name in ("themes", "documents"):
            want = getattr(ds, name).to_dict("records")
            assert [{c: r.get(c, "") for c in getattr(ds, name).columns} for r in
                    getattr(back, name).to_dict("records")] == want


@pytest.mark.parametrize("fmt", DATA_FORMATS)
def test_sample_round_trips(tmp_path, fmt):
    ds = sample()
    assert_same(ds, read_back(export_dataset(ds, target(tmp_path, fmt), fmt), fmt), fmt)


_ALPHABET = list("abcxyzÅåÄäÖöØøÆæé 0123456789=+-@<>&'\"|;,/.!?()\n")


def texts(newlines: bool = True) -> st.SearchStrategy[str]:
    """Cell text: hostile values and short strings of letters, signs and (unless told not) newlines."""
    alphabet = [c for c in _ALPHABET if newlines or c != "\n"]
    return st.one_of(
        st.sampled_from(HOSTILE + [""]),
        st.text(alphabet=st.sampled_from(alphabet), max_size=12).map(str.strip),
    )


ids = st.one_of(st.sampled_from(HOSTILE), st.text(alphabet=st.sampled_from(list("abcåäöø-_0123456789")),
                                                  min_size=1, max_size=6))


@st.composite
def datasets(draw, newlines: bool = True) -> Dataset:
    text = texts(newlines)
    actor_ids = draw(st.lists(ids, min_size=1, max_size=6, unique=True))
    actors = [{"id": i, "name": draw(text), "type": draw(st.sampled_from(["", "municipality", "business"])),
               "description": draw(text), "note": draw(text), "email": draw(st.sampled_from(["", "a@b.se"]))}
              for i in actor_ids]
    ties = [{"source": draw(st.sampled_from(actor_ids)), "target": draw(st.sampled_from(actor_ids)),
             "kind": draw(st.sampled_from(["", "funding", "partnership", "dialogue"])),
             "status": draw(st.sampled_from(["", "existing", "recommended"])),
             "weight": draw(st.sampled_from(["", "1", "2", "0.5", "10", "007"])),
             "themes": draw(st.sampled_from(["", "housing", "housing|language"])),
             "evidence": draw(text)}
            for _ in range(draw(st.integers(0, 6)))]
    ties = [t for t in ties if t["source"] != t["target"]]
    themes = [{"id": "housing", "label_sv": draw(text), "label_nb": "Bolig"}]
    documents = [{"id": "d1", "title": draw(text)}]
    return Dataset.from_records(actors=actors, collaborations=ties, themes=themes, documents=documents)


@pytest.mark.parametrize("fmt", DATA_FORMATS)
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_datasets_round_trip(tmp_path, fmt, data):
    ds = data.draw(datasets())
    out = target(tmp_path / str(random.random())[2:], fmt)
    assert_same(ds, read_back(export_dataset(ds, out, fmt), fmt), fmt)


def test_text_starting_with_quote_and_formula_sign_round_trips(tmp_path):
    ds = Dataset.from_records(actors=[{"id": "a", "name": "'=x"}])
    assert read_dataset(export_dataset(ds, tmp_path / "out", "csv")[0].parent).actors.loc[2, "name"] == "'=x"


def test_csv_with_newline_and_semicolon_round_trips(tmp_path):
    ds = Dataset.from_records(actors=[{"id": "a", "name": ";", "description": "0\n0", "note": "0\n0"}])
    paths = export_dataset(ds, tmp_path / "out", "csv")
    assert read_dataset(paths[0].parent).actors.loc[2, "id"] == "a"


def test_kumu_labels_are_unique_and_stable():
    ds = sample()
    elements, connections = kumu_sheets(ds)
    assert elements["Label"].is_unique
    assert set(connections["From"]) | set(connections["To"]) <= set(elements["Label"])


def test_source_note_counts_documents_in_order_of_use():
    assert source_note(sample(), "sv") == "Källor: Mötesrapport Dalsland; +Workshop Tønsberg · 5 aktörer, 4 samarbeten"


def test_every_actor_of_the_shipped_data_is_named_in_the_svg(tmp_path):
    from graph import read_dataset

    ds = read_dataset(Path(__file__).resolve().parents[1] / "data")
    [path] = export_dataset(ds, tmp_path / "all.svg", "svg")
    shown = {"".join(t.itertext()).strip() for t in ET.parse(path).getroot().iter(f"{SVG}text")}
    missing = [name for name in ds.actors["name"] if name not in shown]
    assert missing == []


@pytest.mark.parametrize("paper, size", [("a4", (595, 842)), ("a3-landscape", (1191, 842))])
def test_pdf_on_paper_is_that_size(tmp_path, paper, size):
    from graph.export.images import render_image
    from graph.layout import compute_layout

    G = to_multigraph(sample())
    pdf = render_image(G, compute_layout(G), "pdf", paper=paper)
    box = re.search(rb"/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)", pdf)
    assert (round(float(box.group(1))), round(float(box.group(2)))) == size


@pytest.mark.parametrize("fmt", ["xlsx", "kumu"])
def test_workbook_header_rows_are_frozen(tmp_path, fmt):
    [path] = export_dataset(sample(), tmp_path / f"{fmt}.xlsx", fmt)
    book = openpyxl.load_workbook(path)
    assert all(sheet.freeze_panes == "A2" for sheet in book.worksheets)
