"""Readers meet the bad inputs of DESIGN §5 and the real files other tools make."""

from __future__ import annotations

import io
import json
import unicodedata
import zipfile
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.io import read_dataset, write_tables, write_xlsx
from graph.io.text import decode, parse_rows, sniff_delimiter
from graph.model import DataError, Dataset, validate
from tests.support import write

ACTORS_CSV = "id,name,type\nmellerud,Melleruds kommun,municipality\namal,Åmåls kommun,municipality\n"
TIES_CSV = "source,target,kind\nmellerud,amal,partnership\n"


def folder(tmp_path: Path, actors: str | bytes = ACTORS_CSV, ties: str | bytes = TIES_CSV,
           encoding: str = "utf-8") -> Path:
    write(tmp_path / "d" / "actors.csv", actors, encoding)
    write(tmp_path / "d" / "collaborations.csv", ties, encoding)
    return tmp_path / "d"


def messages(path: Path) -> list[str]:
    try:
        return [str(p) for p in validate(read_dataset(path))]
    except DataError as exc:
        return [str(p) for p in exc.problems]


# --- the pure text layer -------------------------------------------------------

@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_delimiter_is_detected(delimiter):
    text = delimiter.join(["id", "name", "type"]) + "\n" + delimiter.join(['a', '"x, y; z"', "municipality"]) + "\n"
    assert sniff_delimiter(text) == delimiter


def test_quoted_fields_keep_delimiters_and_newlines():
    header, rows = parse_rows('id;description\na;"one; two\nthree"\nb;plain\n', "t.csv")
    assert rows == [(2, ["a", "one; two\nthree"]), (4, ["b", "plain"])]


@pytest.mark.parametrize("data", [
    "id,name\nå,Ålö\n".encode(),
    "\ufeffid,name\nå,Ålö\n".encode("utf-8"),
    "id,name\r\nå,Ålö\r\n".encode("cp1252"),
    "id,name\nå,Ålö\n".encode("utf-16"),
])
def test_encodings_decode_to_the_same_text(data):
    assert decode(data, "t.csv") == "id,name\nå,Ålö\n"


def test_names_are_normalised_to_nfc():
    assert decode("A\u030angermanland".encode(), "t.csv") == "\u00c5ngermanland"


# --- our CSV tables --------------------------------------------------------------

def test_folder_reads_and_validates(tmp_path):
    ds = read_dataset(folder(tmp_path))
    assert list(ds.actors["name"]) == ["Melleruds kommun", "Åmåls kommun"]
    assert validate(ds) == []


def test_windows_1252_semicolon_crlf_and_bom(tmp_path):
    actors = "id;name;type\r\nmellerud;Melleruds kommun;municipality\r\namal;Åmåls kommun;municipality\r\n"
    d = folder(tmp_path, actors.encode("cp1252"), ("\ufeff" + TIES_CSV).encode("utf-8"))
    ds = read_dataset(d)
    assert ds.actors.loc[3, "name"] == "Åmåls kommun"
    assert validate(ds) == []


def test_ids_keep_leading_zeros_and_na_stays_text(tmp_path):
    d = folder(tmp_path, "id,name,region\n007,NA,NULL\n010,None,\n", "source,target\n007,010\n")
    ds = read_dataset(d)
    assert list(ds.actors["id"]) == ["007", "010"]
    assert list(ds.actors["name"]) == ["NA", "None"] and ds.actors.loc[2, "region"] == "NULL"


def test_wrong_delimiter_is_named(tmp_path):
    found = messages(folder(tmp_path, "id|name|type\na|A|municipality\n"))
    assert any("actors.csv, row 1" in m and "delimiter" in m for m in found), found


def test_missing_column_names_file(tmp_path):
    found = messages(folder(tmp_path, ties="von,nach\nmellerud,amal\n"))
    assert any("collaborations.csv, row 1, column 'source': required column is missing" in m for m in found), found


def test_short_row_names_line(tmp_path):
    found = messages(folder(tmp_path, ACTORS_CSV + "solo\n"))
    assert any(m.endswith("actors.csv, row 4: the row has 1 value but the header has 3") for m in found), found


def test_duplicate_ids_dangling_and_self_ties(tmp_path):
    d = folder(tmp_path, ACTORS_CSV + "amal,Åmål igen,municipality\n",
               "source,target\nmellerud,ghost\namal,amal\n,amal\n")
    found = messages(d)
    assert any("actors.csv, row 4, column 'id': duplicate id 'amal'" in m for m in found)
    assert any("collaborations.csv, row 2, column 'target': unknown actor 'ghost'" in m for m in found)
    assert any("collaborations.csv, row 3, column 'target': self-tie" in m for m in found)
    assert any("collaborations.csv, row 4, column 'source': the tie has no source" in m for m in found)


def test_mojibake_is_flagged(tmp_path):
    found = messages(folder(tmp_path, "id,name\namal,Ã…mÃ¥l\n", "source,target\n"))
    assert any("actors.csv, row 2, column 'name'" in m and "mojibake" in m for m in found), found


@pytest.mark.parametrize("content, words", [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (bytes(range(256)) * 8, "binary"),
])
def test_empty_and_binary_files(tmp_path, content, words):
    found = messages(folder(tmp_path, content))
    assert any("actors.csv" in m and words in m for m in found), found


def test_missing_path_and_unknown_type(tmp_path):
    assert messages(tmp_path / "nowhere") == [f"{tmp_path / 'nowhere'}: no such file or folder"]
    found = messages(write(tmp_path / "x.docx", b"hello"))
    assert "unknown file type '.docx'" in found[0]


def test_empty_folder(tmp_path):
    (tmp_path / "e").mkdir()
    assert "neither actors.csv nor collaborations.csv" in messages(tmp_path / "e")[0]


# --- workbooks -----------------------------------------------------------------

def small_dataset() -> Dataset:
    return Dataset.from_records(
        actors=[{"id": "007", "name": "Åmål", "type": "municipality"}, {"id": "b", "name": "=1+1"}],
        collaborations=[{"source": "007", "target": "b", "kind": "dialogue", "weight": "2"}],
    )


def test_truncated_workbook(tmp_path):
    good = tmp_path / "good.xlsx"
    write_xlsx(small_dataset(), good)
    bad = write(tmp_path / "bad.xlsx", good.read_bytes()[: len(good.read_bytes()) // 2])
    found = messages(bad)
    assert len(found) == 1 and "bad.xlsx" in found[0] and "not a readable .xlsx" in found[0]


def test_zip_that_is_not_a_workbook(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    found = messages(write(tmp_path / "fake.xlsx", buffer.getvalue()))
    assert len(found) == 1 and "fake.xlsx" in found[0] and "not a readable .xlsx" in found[0]


def test_workbook_without_known_sheets(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Blad1"
    book.save(tmp_path / "w.xlsx")
    assert "expected 'actors'" in messages(tmp_path / "w.xlsx")[0]


def test_formula_cells_are_read_as_text_and_flagged(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "actors"
    sheet.append(["id", "name"])
    sheet.append(["a", "=HYPERLINK(\"http://evil\",\"click\")"])
    book.save(tmp_path / "f.xlsx")
    ds = read_dataset(tmp_path / "f.xlsx")
    assert ds.actors.loc[2, "name"].startswith("=HYPERLINK")
    assert any("formula" in p.message and p.row == 2 for p in validate(ds))


# --- the real files --------------------------------------------------------------

def test_gephi_gexf_in_the_old_namespace(fixtures):
    with pytest.raises(Exception, match="No <graph> element"):
        nx.read_gexf(fixtures / "arctic.gexf")
    ds = read_dataset(fixtures / "arctic.gexf")
    assert len(ds.actors) == 1715 and len(ds.collaborations) == 6676
    new_york = ds.actors[ds.actors["name"] == "New York"].iloc[0]
    assert new_york["color"] == "#ff3333" and float(new_york["x"]) == pytest.approx(-81.7245)
    assert float(new_york["y"]) == pytest.approx(25.771425) and new_york["occurrences"] == "143"
    assert validate(ds) == []


def test_kumu_paypal_workbook(fixtures):
    ds = read_dataset(fixtures / "kumu-paypal-mafia.xlsx")
    assert len(ds.actors) == 34 and len(ds.collaborations) == 49
    botha = ds.actors.set_index("id").loc["Roelof Botha"]
    assert botha["type"] == "Person" and botha["tags"] == "PayPal-Mafia" and "Sequoia" in botha["description"]
    assert "Net Worth (Billions)" in ds.actors.columns
    tie = ds.collaborations.iloc[0]
    assert (tie["source"], tie["target"], tie["kind"]) == ("PayPal", "Ken Howery", "Employee/Founder")
    assert [p for p in validate(ds) if p.severity == "error"] == []


def test_kumu_snap_workbook_keeps_numbers(fixtures):
    ds = read_dataset(fixtures / "kumu-snap-to-tutorial.xlsx")
    michigan = ds.actors.set_index("id").loc["Michigan"]
    assert michigan["2010 Population"] == "9876498" and michigan["region"] == "Midwest"
    assert len(ds.collaborations) == 113
    assert [p for p in validate(ds) if p.severity == "error"] == []


# --- graph files and edge lists --------------------------------------------------

def test_graphml_and_node_link_json(tmp_path):
    G = nx.Graph()
    G.add_node("007", label="Åmål", type="municipality")
    G.add_node("b", label="B")
    G.add_edge("007", "b", kind="dialogue")
    nx.write_graphml(G, tmp_path / "g.graphml")
    write(tmp_path / "g.json", json.dumps(nx.node_link_data(G, edges="links")))
    for name in ("g.graphml", "g.json"):
        ds = read_dataset(tmp_path / name)
        assert ds.actors.set_index("id").loc["007", "name"] == "Åmål"
        assert ds.collaborations.iloc[0][["source", "target", "kind"]].tolist() == ["007", "b", "dialogue"]


@pytest.mark.parametrize("name", ["bad.gexf", "bad.graphml", "bad.json"])
def test_broken_graph_files(tmp_path, name):
    found = messages(write(tmp_path / name, "<gexf><graph><nodes><node id='1'></nodes>"))
    assert len(found) == 1 and name in found[0]


@pytest.mark.parametrize("text", [
    "1,2\n2,3\n", "1;2\n2;3\n", "1\t2\n2\t3\n", "1 2\n2 3\n", "source,target\n1,2\n2,3\n", "u v\n1 2\n2 3\n",
])
def test_plain_edge_lists(tmp_path, text):
    ds = read_dataset(write(tmp_path / "net.txt", text))
    assert ds.collaborations[["source", "target"]].values.tolist() == [["1", "2"], ["2", "3"]]
    assert list(ds.actors["id"]) == ["1", "2", "3"] and validate(ds) == []


def test_one_column_file_is_refused(tmp_path):
    found = messages(write(tmp_path / "net.edges", "1\n2\n"))
    assert "two columns" in found[0]


# --- round trips (property tests) ------------------------------------------------

text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Cn", "Zl", "Zp")), max_size=12)
hostile = st.sampled_from(["=cmd|' /C calc'!A0", "+1-2", "-x", "@SUM(A1)", "<script>alert(1)</script>",
                           "007", "NA", "Ø;ø,\"å\"", "NULL"])
cell = st.one_of(text, hostile).map(lambda s: unicodedata.normalize("NFC", s).strip())  # readers give NFC


@st.composite
def datasets(draw):
    ids = draw(st.lists(st.one_of(st.from_regex(r"[a-zåäöø0-9][a-z0-9-]{0,8}", fullmatch=True), hostile),
                        min_size=1, max_size=6, unique=True))
    actors = [{"id": i, "name": draw(cell), "description": draw(cell)} for i in ids]
    ties = [{"source": draw(st.sampled_from(ids)), "target": draw(st.sampled_from(ids)), "evidence": draw(cell)}
            for _ in range(draw(st.integers(0, 5)))]
    return Dataset.from_records(actors=actors, collaborations=ties)


def same_tables(a: Dataset, b: Dataset) -> None:
    for name in ("actors", "collaborations"):
        left, right = getattr(a, name), getattr(b, name)
        assert left.reset_index(drop=True).to_dict("records") == right.reset_index(drop=True).to_dict("records")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ds=datasets())
def test_csv_folder_round_trip(tmp_path_factory, ds):
    out = tmp_path_factory.mktemp("csv")
    write_tables(ds, out)
    same_tables(ds, read_dataset(out))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ds=datasets())
def test_xlsx_round_trip(tmp_path_factory, ds):
    out = tmp_path_factory.mktemp("xlsx") / "d.xlsx"
    write_xlsx(ds, out)
    same_tables(ds, read_dataset(out))


def test_written_cells_never_run(tmp_path):
    import openpyxl

    write_xlsx(small_dataset(), tmp_path / "d.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "d.xlsx")["actors"]
    assert sheet["B3"].value == "'=1+1" and sheet["B3"].data_type == "s"
    write_tables(small_dataset(), tmp_path / "csv")
    assert "'=1+1" in (tmp_path / "csv" / "actors.csv").read_text("utf-8-sig")


@pytest.mark.parametrize("text, ties", [
    ("Ideell förening Nord,Kommun X\nKommun X,Företag Y\n", [["Ideell förening Nord", "Kommun X"], ["Kommun X", "Företag Y"]]),
    ("A B\nB C\n", [["A", "B"], ["B", "C"]]),
    ("from;to\nA;B\n", [["A", "B"]]),
])
def test_edge_lists_whose_first_row_looks_like_words(tmp_path, text, ties):
    ds = read_dataset(write(tmp_path / "e.csv", text))
    assert ds.collaborations[["source", "target"]].values.tolist() == ties


def test_edge_list_keeps_extra_columns(tmp_path):
    ds = read_dataset(write(tmp_path / "e.csv", "1,2,3,x\n2,3,1,y\n"))
    assert ds.collaborations[["source", "target", "weight", "column_4"]].values.tolist() == [
        ["1", "2", "3", "x"], ["2", "3", "1", "y"]]


@pytest.mark.parametrize("name, content", [
    ("c.gexf", '<gexf><graph><nodes><node id="1"><color r="x" g="1" b="1"/></node></nodes></graph></gexf>'),
    ("deep.json", "[" * 100_000 + "]" * 100_000),
    ("hdr.csv", "source,target\n"),
])
def test_odd_files_never_raise_anything_but_data_errors(tmp_path, name, content):
    try:
        ds = read_dataset(write(tmp_path / name, content))
    except DataError as exc:
        assert name in str(exc)
    else:  # a colour that is not three numbers 0-255 is left out, not made up
        assert set(ds.actors.get("color", [])) <= {""}


@given(st.text(alphabet=st.sampled_from(list(";,\t |\n aåÅ\u2028\x0b\x0c\x1c\\'=x1")), min_size=1, max_size=60),
       st.sampled_from([";", ",", "\t", "|"]))
def test_a_text_without_quotes_splits_as_the_csv_module_splits_it(text, delimiter):
    import graph.io.text as text_module

    def read(plain: bool):
        saved = text_module._plain_rows
        if not plain:
            text_module._plain_rows = lambda *_: None
        try:
            return text_module.parse_rows(text, "t.csv", delimiter)
        except DataError as exc:
            return str(exc)
        finally:
            text_module._plain_rows = saved

    assert read(plain=True) == read(plain=False)
