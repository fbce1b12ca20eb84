"""The questions the pages ask, asked through the library and the command line."""

from __future__ import annotations

import re
import subprocess
import sys

import networkx as nx
import pandas as pd

from graph.io import read_dataset
from graph.model import Dataset
from graph.questions import EXACT_UP_TO, brokers, community_summaries, summary, themes_by_place
from tests.support import ROOT

DATA = ROOT / "data"


def _stats_brokers() -> list[str]:
    out = subprocess.run([sys.executable, "-m", "graph", "stats", str(DATA), "--top", "8"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    return re.findall(r"^\s+\d+\. .*\((\S+)\)$", out, flags=re.MULTILINE)


def test_stats_names_the_brokers_of_the_library_in_the_same_order():
    ds = read_dataset(DATA)
    found = brokers(ds)
    assert _stats_brokers() == found.table["id"].head(8).tolist()
    assert found.left_out == int((ds.collaborations["status"] != "existing").sum()) > 0
    assert found.sampled_from is None


def test_brokers_leave_out_ties_that_do_not_exist_yet():
    ds = Dataset.from_records(actors=[{"id": x} for x in "abcd"],
                              collaborations=[{"source": "a", "target": "b"}, {"source": "b", "target": "c"},
                                              {"source": "c", "target": "d", "status": "recommended"}])
    found = brokers(ds)
    assert found.table["id"].iloc[0] == "b"
    assert found.table.set_index("id").loc["c", "betweenness"] == 0
    assert brokers(ds, statuses=("existing", "recommended")).table["id"].iloc[0] in {"b", "c"}


def test_big_networks_are_sampled_and_say_so():
    G = nx.barabasi_albert_graph(EXACT_UP_TO + 10, 2, seed=1)
    ds = Dataset.from_records(actors=[{"id": str(n)} for n in G],
                              collaborations=[{"source": str(u), "target": str(v)} for u, v in G.edges])
    found = brokers(ds)
    assert found.sampled_from is not None and "constraint" not in found.table
    assert found.table["betweenness"].is_monotonic_decreasing


def test_themes_by_place_counts_each_end_of_each_themed_tie():
    table = themes_by_place(read_dataset(DATA)).set_index("id")
    assert table.loc["steget-fore", "work_internship_matching"] >= 1
    assert "Orust" in table.loc["mangfaldsmat-orust", "place"]


def test_community_summaries_cover_every_actor_once():
    ds = read_dataset(DATA)
    from graph import analysis
    from graph.build import to_multigraph

    G = to_multigraph(ds)
    groups = analysis.communities(G)
    table = community_summaries(G, groups)
    assert table["size"].sum() == G.number_of_nodes()
    assert all(len(m) <= 3 for m in table["members"])


def test_the_brokers_page_and_stats_name_the_same_brokers_in_the_same_order():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    at.switch_page("views/brokers.py").run()
    assert not at.exception
    page = at.dataframe[0].value.iloc[:, 0].tolist()
    names = dict(zip(read_dataset(DATA).actors["id"], read_dataset(DATA).actors["name"], strict=True))
    assert page[:8] == [names[i] for i in _stats_brokers()]
    assert any("räknas inte" in c.value for c in at.caption)


def test_the_details_panel_shows_the_brokers_pages_betweenness():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    at.sidebar.selectbox(key="search").select("steget-fore").run()
    shown = next(m.value for m in at.metric if m.label == "Mellanhet")
    expected = brokers(read_dataset(DATA)).table.set_index("id").loc["steget-fore", "betweenness"]
    assert shown == f"{expected:.3f}".replace(".", ",")  # Swedish: a decimal comma


def test_sampled_ranking_from_arrays_is_the_graph_ranking():
    from graph import analysis
    from graph.build import to_multigraph

    G = nx.barabasi_albert_graph(EXACT_UP_TO + 10, 2, seed=3)
    ties = [{"source": str(u), "target": str(v)} for u, v in G.edges] + [{"source": "0", "target": "1"}]
    ds = Dataset.from_records(actors=[{"id": str(n), "name": f"N{n}" if n % 2 else ""} for n in G], collaborations=ties)
    found = brokers(ds)
    expected = analysis.ranking(to_multigraph(ds), k=found.sampled_from)
    pd.testing.assert_frame_equal(found.table, expected, check_dtype=False, atol=1e-12)
    assert summary(ds) == analysis.summary(found.graph)


def test_a_bare_edge_list_read_fast_gives_the_general_readers_answer():
    from graph.edgepairs import parse_pairs
    from graph.io.edgelist import parse_edgelist
    from graph.questions import pair_stats

    G = nx.barabasi_albert_graph(EXACT_UP_TO + 10, 2, seed=4)
    text = "\n".join(f"n{u} n{v}" for u, v in G.edges) + "\nn7 n7\nn1 n0\n"
    facts, found = pair_stats(parse_pairs(text))
    ds = parse_edgelist(text, "net.edges")
    expected = brokers(ds)
    assert facts == summary(ds)
    pd.testing.assert_frame_equal(found.table, expected.table, check_dtype=False, atol=1e-12)
    assert found.sampled_from == expected.sampled_from
    assert found.graph.number_of_edges() == expected.graph.number_of_edges()


def test_a_big_edge_list_takes_the_fast_path_only_when_its_first_lines_are_bare_pairs(tmp_path):
    from graph.edgepairs import FAST_FROM, read_pairs

    body = "".join(f"a{i} b{i % 97}\n" for i in range(FAST_FROM // 8))
    bare, headed, weighted = tmp_path / "bare.edges", tmp_path / "headed.edges", tmp_path / "weighted.edges"
    bare.write_text(body, "utf-8")
    headed.write_text("source target\n" + body, "utf-8")
    weighted.write_text(body.replace("\n", " 2\n", 1), "utf-8")
    assert bare.stat().st_size >= FAST_FROM
    pairs = read_pairs(bare)
    assert pairs is not None and len(pairs) == FAST_FROM // 8 and list(pairs.columns) == ["source", "target"]
    assert read_pairs(headed) is None and read_pairs(weighted) is None


def test_bridges_from_arrays_are_the_graphs_bridges():
    from graph import analysis

    G = nx.barabasi_albert_graph(EXACT_UP_TO + 10, 1, seed=3)  # a tree, with a cycle or two and a double tie
    ties = ([{"source": str(u), "target": str(v)} for u, v in G.edges]
            + [{"source": "0", "target": "1"}, {"source": "5", "target": "9"}, {"source": "7", "target": "7"},
               {"source": "3", "target": "nobody"}, {"source": "2", "target": "4", "status": "planned"}])
    actors = [{"id": str(n)} for n in G] + [{"id": "alone"}]
    for size in (len(actors), 40):  # sampled, and exact (a network of 40)
        ds = Dataset.from_records(actors=actors[:size], collaborations=ties)
        found = brokers(ds)
        assert found.bridges == analysis.bridges(found.graph) != []


def test_stats_on_tables_imports_neither_matplotlib_nor_the_store():
    code = ("import sys\nfrom graph.cli import main\nassert main(['stats', sys.argv[1]]) == 0\n"
            "print(sorted(m for m in ('matplotlib', 'sqlalchemy', 'graph.store') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code, str(DATA)], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout
    assert out.splitlines()[-1] == "[]"
