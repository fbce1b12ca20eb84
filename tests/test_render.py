"""Tests for graph.render."""

from __future__ import annotations

import copy
import json
import re

import networkx as nx
import pytest

from graph.render import EDGE_STYLE, SECTOR_COLORS, TYPE_COLORS, network_data
from graph.webpage import json_for_script, standalone_html

HOSTILE = (
    "<img src=x onerror=alert(1)>",
    '"><script>alert(2)</script>',
    "<a href=javascript:alert(3)>x</a>",
)


def tiny() -> nx.MultiGraph:
    G = nx.MultiGraph()
    G.add_node(
        "mv", name="Migrationsverket", type="state_agency", sector="public", aliases=("MV",), description="Agency"
    )
    G.add_node("lg", name="Leader Framtidsbygder", type="leader_group", sector="civil_society")
    G.add_node("biz", name="Företag AB", type="business", sector="business", color="#123abc")
    G.add_edge(
        "mv",
        "lg",
        kind="partnership",
        status="recommended",
        evidence="borde samverka",
        document="000.pdf",
        source="mv",
        target="lg",
    )
    G.add_edge(
        "lg",
        "biz",
        kind="funding",
        status="existing",
        weight=3.0,
        source="biz",
        target="lg",
        evidence="finansierar",
        document="001.pdf",
    )
    G.add_edge("lg", "biz", kind="dialogue", status="planned")
    G.add_edge("mv", "biz", kind="commissioning", status="ended", source="mv", target="biz")
    return G


def hostile() -> nx.MultiGraph:
    G = nx.MultiGraph()
    for text in HOSTILE:
        G.add_node(
            text, name=text, type=text, sector=text, description=text, aliases=(text,), municipality=text, color=text
        )
    G.add_edge(
        HOSTILE[0],
        HOSTILE[1],
        kind=HOSTILE[2],
        status=HOSTILE[0],
        evidence=HOSTILE[1],
        document=HOSTILE[2],
        themes=HOSTILE,
        start=HOSTILE[0],
        source=HOSTILE[1],
        target=HOSTILE[0],
    )
    return G


POS = {"mv": (0.0, 0.0), "lg": (1.0, 0.0), "biz": (0.0, 1.0)}


def edges_by_kind(data):
    return {e["kind"]: e for e in data["edges"]}


def test_nodes_have_fixed_positions_and_physics_is_off():
    data = network_data(tiny(), POS)
    assert data["options"]["physics"]["enabled"] is False
    assert data["options"]["layout"]["improvedLayout"] is False
    lg = next(n for n in data["nodes"] if n["id"] == "lg")
    assert lg["x"] > 0 and lg["y"] == 0
    json.dumps(data, allow_nan=False)


def test_missing_position_raises():
    with pytest.raises(KeyError):
        network_data(tiny(), {"mv": (0, 0)})


@pytest.mark.parametrize(
    ("kind", "arrows", "frm", "to"),
    [
        ("funding", "to", "biz", "lg"),
        ("commissioning", "to", "mv", "biz"),
        ("partnership", None, "mv", "lg"),
        ("dialogue", None, "lg", "biz"),
    ],
)
def test_tie_direction_and_arrows_by_kind(kind, arrows, frm, to):
    edge = edges_by_kind(network_data(tiny(), POS))[kind]
    assert edge.get("arrows") == arrows
    assert {edge["from"], edge["to"]} == {frm, to}
    if arrows:
        assert (edge["from"], edge["to"]) == (frm, to)


@pytest.mark.parametrize(
    ("kind", "dashed"),
    [("partnership", True), ("dialogue", True), ("funding", False), ("commissioning", False)],
)
def test_planned_and_recommended_are_dashed(kind, dashed):
    edge = edges_by_kind(network_data(tiny(), POS))[kind]
    assert bool(edge["dashes"]) is dashed


def test_tie_colours_by_kind_and_ended_is_faded():
    edges = edges_by_kind(network_data(tiny(), POS))
    assert edges["funding"]["color"] == EDGE_STYLE["funding"]["color"]
    assert edges["commissioning"]["color"] != EDGE_STYLE["commissioning"]["color"]


def test_parallel_ties_bend_apart():
    edges = network_data(tiny(), POS)["edges"]
    pair = [e for e in edges if {e["from"], e["to"]} == {"lg", "biz"}]
    assert "smooth" not in pair[0] and pair[1]["smooth"]["enabled"] is True


def test_weight_widens_tie():
    edges = edges_by_kind(network_data(tiny(), POS))
    assert edges["funding"]["width"] > edges["dialogue"]["width"] == 1.0


def test_tie_tooltip_is_plain_text_with_evidence_and_document():
    tip = edges_by_kind(network_data(tiny(), POS, lang="sv"))["partnership"]["tip"]
    assert tip.splitlines() == ["Partnerskap · Rekommenderad", "“borde samverka”", "Källa: 000.pdf"]
    assert "title" not in edges_by_kind(network_data(tiny(), POS))["partnership"]


@pytest.mark.parametrize(
    ("color_by", "expected"),
    [("sector", SECTOR_COLORS["public"]), ("type", TYPE_COLORS["state_agency"])],
)
def test_colour_by_sector_or_type_with_legend(color_by, expected):
    data = network_data(tiny(), POS, color_by=color_by)
    mv = next(n for n in data["nodes"] if n["id"] == "mv")
    assert mv["color"] == expected
    assert expected in [entry["color"] for entry in data["legend"]]
    assert len(data["legend"]) == 3


def test_colour_by_community_and_by_own_colour():
    data = network_data(tiny(), POS, color_by="community", communities={"mv": 0, "lg": 0, "biz": 1}, lang="en")
    colors = {n["id"]: n["color"] for n in data["nodes"]}
    assert colors["mv"] == colors["lg"] != colors["biz"]
    assert [e["label"] for e in data["legend"]] == ["Community 1", "Other small communities"]  # 1 member: other
    auto = network_data(tiny(), POS, color_by="community")
    assert len(auto["nodes"]) == 3
    own = {n["id"]: n["color"] for n in network_data(tiny(), POS, color_by="color")["nodes"]}
    assert own["biz"] == "#123abc" and own["mv"] == SECTOR_COLORS["public"]


def test_unknown_colour_scheme_raises():
    with pytest.raises(ValueError, match="color_by"):
        network_data(tiny(), POS, color_by="shoe size")


def test_size_by_metric_and_label_culling():
    data = network_data(tiny(), POS, size_by={"mv": 2.0, "lg": 5.0})
    values = {n["id"]: n["value"] for n in data["nodes"]}
    assert values == {"mv": 2.0, "lg": 5.0, "biz": 0.0}
    assert data["options"]["nodes"]["scaling"]["label"] == {"enabled": False}  # the page draws names itself
    ranks = {n["id"]: n["rank"] for n in data["nodes"]}
    assert ranks["lg"] < ranks["mv"]  # the bigger actor is named first
    plain = network_data(tiny(), POS)
    assert all("value" not in n for n in plain["nodes"])


@pytest.mark.parametrize(("labels", "shown"), [(True, True), (False, False), ("auto", True)])
def test_labels_option(labels, shown):
    data = network_data(tiny(), POS, labels=labels)
    assert bool(data["nodes"][0]["label"]) is shown
    assert data["nodes"][0]["name"] == "Migrationsverket"


def test_node_tooltip_lists_type_sector_aliases():
    tip = network_data(tiny(), POS, lang="en")["nodes"][0]["tip"]
    assert tip.splitlines() == ["Migrationsverket", "State agency · Public sector", "Agency", "Also known as: MV"]


def test_does_not_mutate_graph():
    G = tiny()
    before = copy.deepcopy((dict(G.nodes(data=True)), list(G.edges(keys=True, data=True))))
    network_data(G, POS, color_by="community", size_by={"mv": 1})
    standalone_html(G, POS)
    assert (dict(G.nodes(data=True)), list(G.edges(keys=True, data=True))) == before


def test_hostile_colour_is_not_used():
    G = hostile()
    pos = {v: (0.0, 0.0) for v in G}
    for node in network_data(G, pos, color_by="color")["nodes"]:
        assert re.fullmatch(r"#[0-9a-f]{6}", node["color"])


def test_json_for_script_escapes_markup():
    text = json_for_script({"a": "</script><!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "</script><!-- & \u2028"}


def _page() -> str:
    G = hostile()
    return standalone_html(G, {v: (float(i), 0.0) for i, v in enumerate(G)}, title=HOSTILE[1])


def test_standalone_page_has_no_external_url():
    page = _page()
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.IGNORECASE)
    assert "sourceMappingURL" not in page
    assert "@import" not in page and "url(http" not in page
    assert "default-src 'none'" in page


def test_standalone_page_inlines_vis_network():
    page = _page()
    assert "vis-network" in page and "new vis.Network" in page
    assert len(re.findall(r"^<script", page, re.MULTILINE)) == 4


def test_hostile_text_appears_only_escaped():
    page = _page()
    for text in HOSTILE:
        assert text not in page
    assert "<img" not in page and "<a href" not in page
    assert "onerror=alert(1)" in page  # present, but only as escaped data
    block = re.search(r'<script type="application/json" id="snx-data">(.*?)</script>', page, re.S).group(1)
    data = json.loads(block)
    assert {n["name"] for n in data["nodes"]} == set(HOSTILE)
    assert "&lt;script&gt;" in page.split("</title>")[0]


@pytest.mark.parametrize(
    ("lang", "word"), [("sv", "Offentlig sektor"), ("en", "Public sector"), ("nb", "Offentlig sektor")]
)
def test_legend_language(lang, word):
    data = network_data(tiny(), POS, lang=lang, color_by="sector")
    assert data["legend"][0]["label"] == word and data["meta"]["lang"] == lang


def test_unknown_language_falls_back_to_english():
    assert network_data(tiny(), POS, lang="xx", color_by="type")["legend"][0]["label"] == "State agency"


def test_standalone_rejects_odd_height():
    with pytest.raises(ValueError, match="height"):
        standalone_html(tiny(), POS, height="1px;background:url(x)")


def test_json_subset_is_the_drawing_cut_to_a_part():
    import json

    from graph.webpage import json_for_script, json_parts, json_subset

    G = nx.MultiGraph()
    for v in ("a", "b", "c"):
        G.add_node(v, name=f"<b>{v}</b>", sector="public")
    G.add_edge("a", "b", kind="funding", source="a", target="b")
    G.add_edge("b", "c", kind="dialogue", source="b", target="c")
    data = network_data(G, {"a": (0, 0), "b": (1, 0), "c": (0, 1)})
    parts = json_parts(data)
    assert json.loads(json_subset(parts, None, None)) == json.loads(json_for_script(data))
    part = json.loads(json_subset(parts, {"a", "b"}, [True, False]))
    assert [n["id"] for n in part["nodes"]] == ["a", "b"] and len(part["edges"]) == 1
    assert part["legend"] == data["legend"] and "<b>" not in json_subset(parts, None, None)


def test_tie_tooltips_name_themes_and_documents_in_words():
    G = tiny()
    for _, _, attrs in G.edges(data=True):
        attrs.update(themes=("work_internship_matching",), document="000_23d71b4e38c185bd.txt")
    data = network_data(G, POS, lang="sv", theme_labels={"sv": {"work_internship_matching": "Arbete och praktik"}},
                        document_titles={"000_23d71b4e38c185bd.txt": "Leader kan mobilisera"})
    tips = "\n".join(e["tip"] for e in data["edges"])
    assert "Teman: Arbete och praktik" in tips and "Källa: Leader kan mobilisera" in tips
    assert "work_internship_matching" not in tips and ".txt" not in tips


def test_community_colours_are_distinct_and_small_ones_are_other():
    G = nx.MultiGraph()
    communities = {}
    for c in range(13):  # 13 communities of 3 (2 members for the last ones)
        members = [f"n{c}-{i}" for i in range(3 if c < 11 else 2)]
        for a, b in zip(members, members[1:]):
            G.add_edge(a, b, kind="dialogue")
        communities.update(dict.fromkeys(members, c))
    data = network_data(G, {v: (0, 0) for v in G}, color_by="community", communities=communities, lang="en")
    shown = [e for e in data["legend"] if e["label"].startswith("Community")]
    assert len(shown) == 10 and len({e["color"] for e in shown}) == 10
    assert data["legend"][-1]["label"] == "Other small communities" and len(data["legend"]) == 11


def test_legend_has_tie_styles_and_isolates_a_caption():
    G = tiny()
    G.add_node("alone", name="Alone", sector="public")
    pos = {**POS, "alone": (0.0, 0.0)}
    data = network_data(G, pos, lang="en")
    assert {e["label"] for e in data["legend_ties"]} >= {"Funding →"}
    assert data["captions"][0]["text"] == "Without recorded ties (1)"
    alone = next(n for n in data["nodes"] if n["id"] == "alone")
    assert alone["y"] > max(n["y"] for n in data["nodes"] if n["id"] != "alone")


@pytest.mark.parametrize(("n", "m", "large"), [(56, 150, False), (500, 1000, False), (500, 1001, True), (1000, 3001, True)])
def test_large_maps_draw_ties_by_zoom_level_and_keep_them_while_moving(n, m, large):
    G = nx.MultiGraph(nx.gnm_random_graph(n, m, seed=1))
    data = network_data(G, {v: (0.0, 0.0) for v in G})
    assert (data["lod"] is not None) is large
    if large:
        assert 0 < data["lod"]["moving"] < data["lod"]["rest"]
    interaction = data["options"]["interaction"]
    assert interaction["hideEdgesOnDrag"] is interaction["hideEdgesOnZoom"] is False
    assert interaction["dragNodes"] is not large
