"""Issue 12: files people actually have open, with warnings where they are odd (vocabularies, columns,
other tools' formats, encodings, dates, one rule for undeclared nodes)."""

from __future__ import annotations

import json

import pytest

from graph.io import parse_bytes, peek_columns, read_dataset
from graph.model import DataError, Dataset, validate


def problems(ds: Dataset) -> list[str]:
    return [str(p) for p in validate(ds)]


def errors(ds: Dataset) -> list[str]:
    return [str(p) for p in validate(ds) if p.severity == "error"]


def refusal(source) -> str:
    with pytest.raises(DataError) as caught:
        read_dataset(source)
    return "\n".join(str(p) for p in caught.value.problems)


def our_tables(rows: str, ties: str = "") -> list[tuple[str, bytes]]:
    return [("actors.csv", f"id;name;type\n{rows}".encode()), ("collaborations.csv",
                                                                 f"source;target;kind;status\n{ties}".encode())]


# --- vocabularies -----------------------------------------------------------------

@pytest.mark.parametrize("written, code", [
    ("Kommun", "municipality"), ("municipality", "municipality"), ("Municipality", "municipality"),
    ("business association", "business_association"), ("Leader group", "leader_group"),
    ("Studieförbund", "study_association"), ("kommune", "municipality"), ("LAG", "leader_group"),
    ("leadergrupp", "leader_group"), ("studieforbund", "study_association"), ("myndighet", "state_agency"),
    ("etat", "state_agency"), ("agency", "state_agency"), ("STATE-AGENCY", "state_agency"),
    ("state_agency", "state_agency"), ("  Länsstyrelse ", "county_board"), ("Næringslivsorganisasjon",
                                                                            "business_association"),
])
def test_actor_types_in_any_language_and_spelling(written, code):
    ds = read_dataset(our_tables(f"a;A;{written}\n"))
    assert ds.actors.loc[2, "type"] == code and problems(ds) == []


@pytest.mark.parametrize("column, written, code", [
    ("kind", "Finansiering", "funding"), ("kind", "samarbeid", "partnership"), ("kind", "Deltakelse", "participation"),
    ("status", "Befintlig", "existing"), ("status", "planlagt", "planned"), ("status", "Anbefalt", "recommended"),
    ("status", "avslutad", "ended"),
])
def test_tie_kinds_and_statuses_in_any_language(column, written, code):
    ties = f"a;b;{written};\n" if column == "kind" else f"a;b;;{written}\n"
    ds = read_dataset(our_tables("a;A;\nb;B;\n", ties))
    assert ds.collaborations.iloc[0][column] == code and problems(ds) == []


def test_a_5000_actor_file_with_labels_opens_clean():
    rows = "".join(f"a{i};Actor {i};{('Kommun', 'municipality', 'Studieförbund', 'Leader group')[i % 4]}\n"
                   for i in range(5000))
    ds = read_dataset(our_tables(rows))
    assert errors(ds) == [] and problems(ds) == []
    assert set(ds.actors["type"]) == {"municipality", "study_association", "leader_group"}


def test_an_unknown_type_is_kept_with_a_warning_and_a_suggestion():
    ds = read_dataset(our_tables("a;A;Kommunn\nb;B;Idrottsklubb\n"))
    assert list(ds.actors["type"]) == ["Kommunn", "Idrottsklubb"]
    found = validate(ds)
    assert [p.severity for p in found] == ["warning", "warning"]
    assert "did you mean 'municipality'?" in str(found[0]) and "kept as written" in str(found[1])
    assert "menade du 'municipality'?" in found[0].text("sv")
    from graph.build import to_multigraph

    G = to_multigraph(ds)
    assert G.nodes["a"]["sector"] == "" and G.nodes["a"]["level"] == ""  # not guessed from an unknown type


def test_gephi_type_column_is_the_direction():
    ds = read_dataset((b"Source,Target,Type,Id,Label,Weight\n1,2,Directed,0,,1.0\n2,3,Undirected,1,,2\n", "e.csv"))
    ties = ds.collaborations
    assert list(ties["direction"]) == ["directed", "undirected"] and list(ties["kind"]) == ["", ""]
    assert list(ties["id"]) == ["0", "1"] and errors(ds) == []


# --- column names -------------------------------------------------------------------

@pytest.mark.parametrize("header", ["källa;mål", "från;till", "Från;Till", "fra;til", "From;To", "source;target",
                                    "Aktör 1;Aktör 2", "Kilde;Mål", "FRA;TIL"])
def test_tie_columns_in_sv_en_nb(header):
    ds = read_dataset((f"{header};vikt;typ\nÅmål;Säffle;2;Partnerskap\n".encode(), "ties.csv"))
    tie = ds.collaborations.iloc[0]
    assert (tie["source"], tie["target"], tie["weight"], tie["kind"]) == ("Åmål", "Säffle", "2", "partnership")
    assert problems(ds) == []


@pytest.mark.parametrize("header", ["Id;Namn;Typ;Län", "id;navn;type;fylke", "ID;Label;Type;Region",
                                    "key;name;typ;region"])
def test_actor_columns_in_sv_en_nb(header):
    ds = read_dataset([("actors.csv", f"{header}\nx;Åmål;Kommun;Västra Götaland\n".encode()),
                       ("collaborations.csv", b"source,target\n")])
    actor = ds.actors.iloc[0]
    assert (actor["id"], actor["name"], actor["type"], actor["region"]) == ("x", "Åmål", "municipality",
                                                                            "Västra Götaland")


# --- tables that are not networks -----------------------------------------------------

@pytest.mark.parametrize("name, text", [
    ("samarbeid.csv", "kommunenavn;kommunenummer;fylke\nOslo;0301;Oslo\nBergen;4601;Vestland\nÅs;3218;Akershus\n"),
    ("nodes.csv", "name,gender,class\nAnna,f,3\nBo,m,2\nCy,m,3\n"),
])
def test_a_table_of_things_is_refused_with_a_sentence(name, text):
    message = refusal((text.encode(), name))
    first = text.split("\n")[0].replace(";", ",").split(",")
    assert message.startswith(f"{name}: is a table of things, not a network: found the columns {first[0]!r}")
    assert "source/target" in message and "från/till" in message


def test_an_edge_list_with_a_header_we_do_not_know_keeps_its_header_out():
    ds = read_dataset(("kommun;grannkommun;vikt\nÅmål;Säffle;2\nSäffle;Arvika;1\n".encode(), "grannar.csv"))
    assert ds.collaborations[["source", "target", "weight"]].values.tolist() == [["Åmål", "Säffle", "2"],
                                                                              ["Säffle", "Arvika", "1"]]
    assert "kommun" not in set(ds.actors["id"])
    [warning] = validate(ds)
    assert warning.severity == "warning" and "'kommun' and 'grannkommun' are taken as the two ends" in str(warning)


def test_a_user_mapping_reads_a_table_of_things_as_ties():
    data = "kommunenavn;kommunenummer;samarbeider med\nOslo;0301;Bærum\nBærum;3024;Asker\n".encode()
    assert peek_columns(data, "s.csv") == ["kommunenavn", "kommunenummer", "samarbeider med"]
    ds = read_dataset((data, "s.csv"), columns={"source": "kommunenavn", "target": "samarbeider med"})
    assert ds.collaborations[["source", "target", "kommunenummer"]].values.tolist() == [
        ["Oslo", "Bærum", "0301"], ["Bærum", "Asker", "3024"]]


# --- one rule for ties to undeclared nodes ------------------------------------------------

UNDECLARED = {
    "g.graphml": b'<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected">'
                 b'<node id="a"/><node id="b"/><edge source="a" target="b"/><edge source="a" target="ghost"/>'
                 b'</graph></graphml>',
    "g.gexf": b'<gexf><graph><nodes><node id="a"/><node id="b"/></nodes><edges><edge source="a" target="b"/>'
              b'<edge source="a" target="ghost"/></edges></graph></gexf>',
    "g.json": json.dumps({"nodes": [{"id": "a"}, {"id": "b"}], "links": [{"source": "a", "target": "b"},
                                                                         {"source": "a", "target": "ghost"}]}).encode(),
}


@pytest.mark.parametrize("name", sorted(UNDECLARED))
def test_ties_to_undeclared_nodes_are_refused_with_the_row_in_every_format(name):
    ds = read_dataset((UNDECLARED[name], name))
    assert set(ds.actors["id"]) == {"a", "b"}
    assert errors(ds) == [f"{name} (edges), row 2, column 'target': unknown actor 'ghost'"]


def test_ties_to_undeclared_actors_in_tables_and_workbooks_follow_the_same_rule(tmp_path):
    from graph.io import write_xlsx

    ds = read_dataset(our_tables("a;A;\nb;B;\n", "a;b;;\na;ghost;;\n"))
    assert errors(ds) == ["collaborations.csv, row 3, column 'target': unknown actor 'ghost'"]
    write_xlsx(ds, tmp_path / "d.xlsx")
    assert errors(read_dataset(tmp_path / "d.xlsx")) == [
        f"{tmp_path / 'd.xlsx'} [collaborations], row 3, column 'target': unknown actor 'ghost'"]


# --- what the other tools write ------------------------------------------------------------

IGRAPH_LIKE = b"""<?xml version="1.0" encoding="UTF-8"?>
<!-- shaped like igraph's examples/simple/test.graphml -->
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="color" attr.type="string"><default>yellow</default></key>
  <key id="d1" for="edge" attr.name="weight" attr.type="double"/>
  <key id="d2" for="graph" attr.name="date" attr.type="string"></key>
  <key id="d4" for="node" attr.name="gender" attr.type="boolean"><default>1</default></key>
  <graph id="G" edgedefault="undirected">
    <data key="d2">2006-11-12</data>
    <node id="n0"><data key="d0">green</data><data key="d2">wrong scope</data><data key="d4">  true   </data></node>
    <node id="n1"/>
    <node id="n2"><data key="d0">blue</data><data key="d4">0</data></node>
    <node id="n3"><data key="d0">red &quot;with entities&quot;</data></node>
    <node id="n4"><data key="d0"><!-- empty --></data><data key="d4">fAlSe</data></node>
    <edge id="e0" source="n0" target="n2"><data key="d1">1.0</data></edge>
    <edge id="e1" source="n1" target="n3"><data key="d1">  2.0</data></edge>
    <edge id="e2" source="n3" target="n4" directed="true"><data key="d1">1.1    </data></edge>
  </graph>
</graphml>"""


def test_igraph_style_graphml_with_spaces_defaults_entities_and_mixed_direction():
    import networkx as nx

    with pytest.raises(Exception, match="true"):  # what the old reader passed on: networkx refuses it
        nx.read_graphml(__import__("io").BytesIO(IGRAPH_LIKE))
    ds = read_dataset((IGRAPH_LIKE, "test.graphml"))
    actors = ds.actors.set_index("id")
    assert actors.loc["n0", "gender"] == "true" and actors.loc["n1", "gender"] == "true"  # the default
    assert actors.loc["n1", "color"] == "yellow" and actors.loc["n3", "color"] == 'red "with entities"'
    assert actors.loc["n4", "gender"] == "false"
    ties = ds.collaborations
    assert list(ties["weight"]) == ["1", "2", "1.1"] and list(ties["direction"]) == ["undirected", "undirected",
                                                                                     "directed"]
    assert list(ties["id"]) == ["e0", "e1", "e2"] and errors(ds) == []


YED_CLASSIC = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
  <key for="node" id="d6" yfiles.type="nodegraphics"/>
  <key for="edge" id="d10" yfiles.type="edgegraphics"/>
  <graph edgedefault="directed" id="G">
    <node id="n0" yfiles.foldertype="group">
      <data key="d6"><y:ProxyAutoBoundsNode><y:Realizers active="0"><y:GroupNode>
        <y:Geometry height="80" width="120" x="10" y="20"/><y:Fill color="#F5F5F5" transparent="false"/>
        <y:NodeLabel>Dalsland</y:NodeLabel></y:GroupNode></y:Realizers></y:ProxyAutoBoundsNode></data>
      <graph edgedefault="directed" id="n0:">
        <node id="n0::n0"><data key="d6"><y:ShapeNode><y:Geometry height="30" width="30" x="15" y="25"/>
          <y:Fill color="#FFCC00" transparent="false"/><y:NodeLabel>Åmål</y:NodeLabel></y:ShapeNode></data></node>
        <node id="n0::n1"><data key="d6"><y:ShapeNode><y:NodeLabel>Mellerud</y:NodeLabel></y:ShapeNode></data></node>
      </graph>
    </node>
    <node id="n1"><data key="d6"><y:ShapeNode><y:NodeLabel>Leader Framtidsbygder</y:NodeLabel></y:ShapeNode></data>
    </node>
    <edge id="e0" source="n0::n0" target="n1"><data key="d10"><y:PolyLineEdge/></data></edge>
    <edge id="e1" source="n0::n1" target="n1"/>
  </graph>
</graphml>""".encode()


def test_yed_graphml_labels_positions_colours_and_groups():
    ds = read_dataset((YED_CLASSIC, "karta.graphml"))
    actors = ds.actors.set_index("id")
    assert actors.loc["n0::n0", "name"] == "Åmål" and actors.loc["n0::n0", "color"] == "#ffcc00"
    assert (actors.loc["n0::n0", "x"], actors.loc["n0::n0", "y"]) == ("15", "25")
    assert actors.loc["n0::n0", "member_of"] == "n0" and actors.loc["n0", "name"] == "Dalsland"
    assert actors.loc["n1", "member_of"] == "" and len(ds.collaborations) == 2 and errors(ds) == []


def test_yed_live_graphml_labels():
    data = b"""<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/yfiles-common/3.0"
      xmlns:x="http://www.yworks.com/xml/yfiles-common/markup/3.0">
      <key id="d4" for="node" attr.name="NodeLabels"/><key id="d5" for="node" attr.name="NodeGeometry"/>
      <graph id="G" edgedefault="directed">
        <node id="n0"><data key="d4"><x:List><y:Label><y:Label.Text><![CDATA[Steget f\xc3\xb6re]]></y:Label.Text>
        </y:Label></x:List></data><data key="d5"><y:RectD X="469" Y="246" Width="60" Height="60"/></data>
        <port name="p0"/></node>
        <node id="n1"><data key="d4"><x:List><y:Label><y:Label.Text>Star</y:Label.Text></y:Label></x:List></data></node>
        <edge id="e0" source="n0" target="n1" sourceport="p0"/>
      </graph></graphml>"""
    ds = read_dataset((data, "live.graphml"))
    assert ds.actors[["id", "name", "x", "y"]].values.tolist()[0] == ["n0", "Steget före", "469", "246"]
    assert errors(ds) == []


def test_graphology_json_export():
    doc = {"attributes": {"name": "Dalsland"}, "options": {"type": "mixed", "multi": False, "allowSelfLoops": True},
           "nodes": [{"key": f"n{i}", "attributes": {"label": f"Aktör {i}", "x": i, "y": -i, "size": 3,
                                                      "color": "#ff0000"}} for i in range(5)],
           "edges": [{"key": f"e{i}", "source": f"n{i}", "target": f"n{(i + 1) % 5}",
                      "attributes": {"weight": 2, "label": "partnerskap"}, "undirected": i % 2 == 0}
                     for i in range(5)]}
    ds = read_dataset((json.dumps(doc).encode(), "sigma.json"))
    assert len(ds.actors) == 5 and ds.actors.loc[1, "name"] == "Aktör 0" and ds.actors.loc[1, "x"] == "0"
    assert len(ds.collaborations) == 5 and ds.collaborations.loc[1, "direction"] == "undirected"
    assert ds.collaborations.loc[2, "direction"] == "directed" and ds.collaborations.loc[1, "id"] == "e0"
    assert errors(ds) == [] and not any("id is empty" in p for p in problems(ds))


def test_cytoscape_and_d3_json():
    cyto = {"elements": {"nodes": [{"data": {"id": "a", "name": "A"}}, {"data": {"id": "b"}}],
                         "edges": [{"data": {"id": "ab", "source": "a", "target": "b"}}]}}
    ds = read_dataset((json.dumps(cyto).encode(), "c.json"))
    assert ds.collaborations[["id", "source", "target"]].values.tolist() == [["ab", "a", "b"]]
    d3 = {"nodes": [{"id": "x"}, {"id": "y"}], "links": [{"source": 0, "target": 1, "value": 3}]}
    ds = read_dataset((json.dumps(d3).encode(), "d3.json"))
    assert ds.collaborations[["source", "target"]].values.tolist() == [["x", "y"]] and errors(ds) == []


def test_gexf_hierarchies_nested_and_pid():
    nested = """<gexf xmlns="http://gexf.net/1.3"><graph><nodes>
      <node id="dal" label="Dalsland"><nodes><node id="amal" label="Åmål"><nodes>
        <node id="fen" label="Fengersfors"/></nodes></node></nodes></node>
      <node id="af" label="Arbetsförmedlingen"/></nodes>
      <edges><edge source="fen" target="af"/></edges></graph></gexf>""".encode()
    ds = read_dataset((nested, "h.gexf"))
    assert ds.actors[["id", "member_of"]].values.tolist() == [["dal", ""], ["amal", "dal"], ["fen", "amal"],
                                                              ["af", ""]]
    assert errors(ds) == []
    flat = """<gexf version="1.2"><graph><nodes><node id="dal" label="Dalsland"/>
      <node id="amal" label="Åmål" pid="dal"/></nodes><edges/></graph></gexf>""".encode()
    assert read_dataset((flat, "p.gexf")).actors["member_of"].tolist() == ["", "dal"]


def test_mis_encoded_text_in_a_foreign_file_is_a_warning():
    mojibake = '<gexf><graph><nodes><node id="a" label="SÃ£o Paulo"/><node id="b" label="B"/></nodes>' \
               '<edges><edge source="a" target="b"/></edges></graph></gexf>'
    ds = read_dataset((mojibake.encode(), "US Airports.gexf"))
    [p] = validate(ds)
    assert p.severity == "warning" and "mis-decoded" in str(p)
    latin = '<?xml version="1.0" encoding="UTF-8"?><gexf><graph><nodes><node id="a" label="São Paulo"/></nodes>' \
            '</graph></gexf>'
    ds = read_dataset((latin.encode("cp1252"), "air.gexf"))
    assert ds.actors.loc[1, "name"] == "São Paulo"
    assert [(p.severity, p.code) for p in validate(ds)] == [("warning", "invalid_bytes")]


def test_mojibake_in_our_own_tables_stays_an_error():
    ds = read_dataset(our_tables("a;BorÃ¥s;\n"))
    assert [p.severity for p in validate(ds)] == ["error"]


# --- dates and encodings --------------------------------------------------------------------

@pytest.mark.parametrize("value, ok", [("2019-13-45", False), ("2020-02-30", False), ("2019-02-29", False),
                                       ("2020-02-29", True), ("2019-00", False), ("2019-12", True), ("2019", True),
                                       ("0000", False)])
def test_dates_are_checked_as_dates(value, ok):
    ds = read_dataset(our_tables("a;A;\nb;B;\n")[:1] + [("collaborations.csv",
                                                         f"source;target;start\na;b;{value}\n".encode())])
    found = errors(ds)
    assert (found == []) == ok, found
    if not ok:
        assert found == [f"collaborations.csv, row 2, column 'start': {value!r} is not a date that exists "
                         "(month 1–12, a day the month has)"]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-16", "utf-32",
                                      "utf-8-sig", "cp1252"])
def test_utf16_and_utf32_with_and_without_bom(encoding):
    text = "från;till;vikt\nÅmål;Tønsberg;2\nÖrebro;Ærø;1\n"
    ds = read_dataset((text.encode(encoding) if encoding != "cp1252" else
                       text.replace("ø", "o").replace("Æ", "Ae").encode(encoding), "t.csv"))
    assert ds.collaborations.loc[2, "source"] == "Åmål" and len(ds.collaborations) == 2


def test_parse_bytes_is_pure(monkeypatch):
    import builtins

    def no_disk(*args, **kwargs):
        raise AssertionError("a pure parser opened a file")

    monkeypatch.setattr(builtins, "open", no_disk)
    ds = parse_bytes(b"source,target\na,b\n", "t.csv")
    assert ds.collaborations.loc[2, "target"] == "b"


# --- property: any spelling, encoding, delimiter and header reads back the same ----------------

import csv as _csv  # noqa: E402
import io as _io  # noqa: E402

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from graph import vocab  # noqa: E402

_NAME_CHARS = "abcdefghijklmnopqrstuvwxyzåäöøæéü ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖØÆ0123456789-.,;:&()/\"'|"
_ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "cp1252"]


@st.composite
def spelling(draw, words: tuple[str, ...]) -> str:
    """One of ``words`` in a random case, with its separators swapped and spaces around it."""
    word = draw(st.sampled_from(words))
    sep = draw(st.sampled_from([" ", "-", "_"]))
    word = word.replace(" ", sep).replace("_", sep) if draw(st.booleans()) else word
    word = draw(st.sampled_from([str.lower, str.upper, str.title, str.capitalize, lambda w: w]))(word)
    return draw(st.sampled_from(["", " "])) + word + draw(st.sampled_from(["", "  "]))


def value_spellings(vocabulary: dict, code: str) -> tuple[str, ...]:
    words = (code, *vocabulary[code].values(), *vocab.SYNONYMS.get(code, ()))
    return tuple(w for w in words if vocab.to_code(vocabulary, w) == code)


def header_spellings(table: str, column: str) -> tuple[str, ...]:
    return tuple(w for w in vocab.COLUMN_NAMES[table][column] if vocab.column_for(table, w) == column)


@st.composite
def spelled_tables(draw):
    ids = draw(st.lists(st.from_regex(r"[a-z][a-z0-9-]{0,6}", fullmatch=True), min_size=2, max_size=6, unique=True))
    names = [draw(st.text(st.sampled_from(_NAME_CHARS), min_size=1, max_size=12).map(str.strip)
                  .filter(lambda s: s and not s.startswith("'"))) for _ in ids]
    types = [draw(st.sampled_from(sorted(vocab.ACTOR_TYPES))) for _ in ids]
    ties = [(draw(st.sampled_from(ids)), draw(st.sampled_from(ids)), draw(st.sampled_from(sorted(vocab.KINDS))),
             draw(st.sampled_from(sorted(vocab.STATUSES)))) for _ in range(draw(st.integers(1, 5)))]
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    encoding = draw(st.sampled_from(_ENCODINGS))

    def render(table: str, columns: tuple[str, ...], rows: list[list[str]]) -> bytes:
        out = _io.StringIO()
        writer = _csv.writer(out, delimiter=delimiter, lineterminator=draw(st.sampled_from(["\n", "\r\n"])))
        writer.writerow([draw(spelling(header_spellings(table, c))) for c in columns])
        writer.writerows(rows)
        return out.getvalue().encode(encoding, errors="replace")

    actors = render("actors", ("id", "name", "type"),
                    [[i, n, draw(spelling(value_spellings(vocab.ACTOR_TYPES, t)))] for i, n, t in zip(ids, names, types)])
    collaborations = render("collaborations", ("source", "target", "kind", "status"),
                            [[s, t, draw(spelling(value_spellings(vocab.KINDS, k))),
                              draw(spelling(value_spellings(vocab.STATUSES, st_)))] for s, t, k, st_ in ties])
    names = [n.encode(encoding, errors="replace").decode(encoding) for n in names]  # cp1252 cannot hold all
    return {"actors": list(zip(ids, names, types)), "ties": ties}, [("actors.csv", actors),
                                                                    ("collaborations.csv", collaborations)]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=spelled_tables())
def test_any_spelling_encoding_delimiter_and_header_reads_back_the_same(case):
    want, files = case
    ds = read_dataset(files)
    assert ds.actors[["id", "name", "type"]].values.tolist() == [list(r) for r in want["actors"]]
    assert ds.collaborations[["source", "target", "kind", "status"]].values.tolist() == [list(r) for r in want["ties"]]
    assert [p for p in validate(ds) if p.code in ("unknown_value", "unknown_value_like", "missing_column")] == []


# --- every problem a reader raises is a code, rendered in three languages ---------------------

BAD_INPUTS = [
    (b"", "e.csv"), (b"\x00\x01\x02PK" * 300, "b.csv"), (b"id|name\na|b\n", "actors.csv"), (b"<gexf>", "x.gexf"),
    (b"<a/>", "x.gexf"), (b"<a/>", "x.graphml"), (b"{", "x.json"), (b"[1]", "x.json"), (b"PK\x03\x04 x", "x.xlsx"),
    (b"x", "x.docx"), (b"x", "x.ods"), (b"only\none\n", "x.edges"), (b"a;b\n1;2;3;4\n", "actors.csv"),
    (b"name,gender\nA,f\nB,m\n", "n.csv"), (b'"unclosed\n', "actors.csv"),
    (b'<!DOCTYPE x [<!ENTITY a "b">]><gexf/>', "x.gexf"),
]


@pytest.mark.parametrize("data, name", BAD_INPUTS)
def test_every_reader_problem_is_a_code_in_three_languages(data, name):
    from graph.messages import MESSAGES

    try:
        found = validate(read_dataset((data, name)))
    except DataError as exc:
        found = exc.problems
    assert found, name
    for problem in found:
        assert problem.code in MESSAGES, problem
        texts = {lang: problem.text(lang) for lang in ("sv", "en", "nb")}
        assert len(set(texts.values())) > 1 or problem.code in ("not_xml",), texts


def test_stats_on_a_graphology_file_counts_its_actors(tmp_path, capsys):
    from graph.cli import main

    doc = {"nodes": [{"key": k, "attributes": {"label": k.upper()}} for k in "abcd"],
           "edges": [{"source": "a", "target": "b"}, {"source": "b", "target": "c"}, {"source": "c", "target": "d"}]}
    path = tmp_path / "g.json"
    path.write_text(json.dumps(doc))
    assert main(["stats", str(path)]) == 0
    out = capsys.readouterr().out
    assert "actors      4" in out and "ties        3" in out
