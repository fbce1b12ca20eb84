"""Tests of graph.links: exact index values, networkx equality, reasons, pairs, gaps."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from graph import read_dataset
from graph.links import (
    METHODS,
    adjacency,
    invitations,
    nx_score_pairs,
    score_matrix_pairs,
    score_pairs,
    sector_gap_matrix,
    sector_gaps,
    suggest_links,
    top_pairs,
)

NX_INDEX = {
    "jaccard": nx.jaccard_coefficient,
    "aa": nx.adamic_adar_index,
    "ra": nx.resource_allocation_index,
    "pa": nx.preferential_attachment,
}


def _matrix(G: nx.Graph):
    e = np.array(list(G.edges()), dtype=np.int64).reshape(-1, 2)
    return adjacency(e[:, 0], e[:, 1], G.number_of_nodes())


def _ties(edges) -> pd.DataFrame:
    return pd.DataFrame({"source": [a for a, _ in edges], "target": [b for _, b in edges]}, dtype=str)


@pytest.mark.parametrize(("G", "pair", "method", "expected"), [
    (nx.path_graph(4), (0, 2), "cn", 1.0),
    (nx.path_graph(4), (0, 2), "jaccard", 0.5),
    (nx.path_graph(4), (0, 3), "ra", 0.0),
    (nx.path_graph(4), (0, 3), "pa", 1.0),
    (nx.star_graph(3), (1, 2), "ra", 1 / 3),
    (nx.star_graph(3), (1, 2), "aa", 1 / np.log(3)),
    (nx.star_graph(3), (1, 2), "jaccard", 1.0),
    (nx.complete_graph(5), (0, 1), "ra", 0.75),        # networkx docs example
    (nx.complete_graph(5), (2, 3), "jaccard", 0.6),    # networkx docs example
    (nx.complete_graph(5), (0, 1), "pa", 16.0),        # networkx docs example
    (nx.path_graph(4), (0, 3), "lp", 0.01),            # no 2-walk, one 3-walk
])
def test_exact_scores_on_tiny_graphs(G, pair, method, expected):
    s = score_matrix_pairs(_matrix(G), np.array([pair[0]]), np.array([pair[1]]), method)
    assert s[0] == pytest.approx(expected)


def test_katz_equals_solved_katz_on_a_path():
    G = nx.path_graph(5)
    D = nx.to_numpy_array(G)
    K = np.linalg.inv(np.eye(5) - 0.01 * D) - np.eye(5)
    r, c = np.triu_indices(5, 1)
    assert np.allclose(score_matrix_pairs(_matrix(G), r, c, "katz"), K[r, c], rtol=1e-8, atol=0)


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("method", sorted(NX_INDEX))
def test_equal_to_networkx_on_random_graphs(seed, method):
    G = nx.gnp_random_graph(40, 0.12, seed=seed)
    pairs = list(nx.non_edges(G)) + list(G.edges())[:10]
    ref = np.array([s for _, _, s in NX_INDEX[method](G, pairs)])
    mine = score_matrix_pairs(_matrix(G), np.array([p[0] for p in pairs]), np.array([p[1] for p in pairs]), method)
    assert np.allclose(mine, ref, rtol=1e-12, atol=0)


@pytest.mark.parametrize("seed", [4, 5])
def test_common_neighbours_and_top_pairs_match_networkx(seed):
    G = nx.gnp_random_graph(50, 0.1, seed=seed)
    A = _matrix(G)
    pairs = list(nx.non_edges(G))
    ref = np.array([len(list(nx.common_neighbors(G, u, v))) for u, v in pairs], dtype=float)
    r, c = np.array([p[0] for p in pairs]), np.array([p[1] for p in pairs])
    assert np.array_equal(score_matrix_pairs(A, r, c, "cn"), ref)
    for method in ("cn", "ra", "aa", "jaccard", "pa"):
        full = score_matrix_pairs(A, r, c, method)
        _, _, best = top_pairs(A, method, 10)
        assert np.allclose(best, np.sort(full)[::-1][:10])


def test_nx_wrapper():
    assert nx_score_pairs(nx.path_graph(3), [(0, 2)], "cn") == [(0, 2, 1.0)]


def test_plain_edge_list_reason_names_common_partners():
    ties = _ties([("a", "x"), ("b", "x"), ("a", "y"), ("b", "y"), ("a", "z"), ("b", "z")])
    out = suggest_links(ties, method="ra", top=1, lang="en")
    assert out[["source", "target"]].values.tolist() == [["a", "b"]]
    assert out.loc[0, "reason"] == "3 common partners: x, y and z (resource allocation 1.5)"


@pytest.mark.parametrize("method", METHODS)
def test_every_method_runs_and_excludes_ties(method):
    ties = _ties(nx.karate_club_graph().edges())
    out = suggest_links(ties, method=method, top=15)
    assert list(out.columns) == ["source", "target", "score", "reason"]
    assert len(out) == 15
    tied = {frozenset(p) for p in zip(ties.source, ties.target)}
    assert not any(frozenset(p) in tied for p in zip(out.source, out.target))
    assert out.score.is_monotonic_decreasing
    assert out.reason.str.len().min() > 0


def test_default_is_deterministic():
    ties = _ties(nx.karate_club_graph().edges())
    pd.testing.assert_frame_equal(suggest_links(ties, top=10), suggest_links(ties, top=10))


def test_score_pairs_keeps_order_and_gives_zeros():
    ties = _ties([("a", "b"), ("b", "c"), ("d", "e")])
    pairs = pd.DataFrame({"source": ["c", "a", "a", "zz", "e"], "target": ["a", "d", "c", "a", "c"]})
    for method in METHODS:
        out = score_pairs(ties, pairs, method=method, lang="en")
        assert out[["source", "target"]].values.tolist() == pairs.values.tolist()
        assert out.score[0] > 0
        assert out.score[3] == 0  # unknown id
        if method != "pa":  # different components: nothing supports a tie (PA is the degree product)
            assert out.score[1] == 0 and out.score[4] == 0
    assert "zz" in out.reason[3]


def test_unknown_method_and_actor_raise():
    ties = _ties([("a", "b"), ("b", "c")])
    with pytest.raises(ValueError, match="Unknown method"):
        suggest_links(ties, method="magic")
    with pytest.raises(ValueError, match="Unknown actor id 'q'"):
        suggest_links(ties, actor="q")
    with pytest.raises(ValueError, match="Unknown method"):
        score_pairs(ties, _ties([("a", "c")]), method="nope")


def test_leading_zeros_survive():
    ties = _ties([("007", "01"), ("01", "002")])
    out = suggest_links(ties, method="cn")
    assert out[["source", "target"]].values.tolist() == [["007", "002"]]
    assert "01" in out.reason[0]
    assert score_pairs(ties, _ties([("002", "007")]), method="cn").score[0] == 1.0


def test_recommended_ties_are_not_observed():
    ties = pd.DataFrame({"source": ["a", "b", "a"], "target": ["b", "c", "c"],
                         "status": ["existing", "", "recommended"]})
    out = suggest_links(ties, method="cn", lang="en")
    assert out[["source", "target"]].values.tolist() == [["a", "c"]]
    assert out.reason[0].startswith("A source recommends this tie; 1 common partner: b")


ACTORS = pd.DataFrame({
    "id": ["af", "lg", "kom", "ass", "biz", "mv"],
    "name": ["Arbetsförmedlingen", "Leader Dalsland", "Årjäng kommun", "Föreningen Vän", "Bygg AB", "Migrationsverket"],
    "type": ["state_agency", "leader_group", "municipality", "association", "business", "state_agency"],
    "sector": ["", "", "", "", "", ""],
    "region": ["", "Dalsland", "Dalsland", "Dalsland", "Dalsland", ""],
    "municipality": ["", "", "Årjäng", "Årjäng", "Årjäng", ""],
})
THEMES = pd.DataFrame({"id": ["work", "lang"], "label_sv": ["praktik", "språk"],
                       "label_en": ["internships", "language"], "label_nb": ["praksis", "språk"]})
COLLAB = pd.DataFrame({
    "source": ["af", "lg", "af", "lg", "kom", "mv"],
    "target": ["ass", "ass", "biz", "biz", "ass", "lg"],
    "kind": ["partnership"] * 6,
    "status": ["existing", "existing", "existing", "existing", "planned", "recommended"],
    "themes": ["work", "work|lang", "work", "work", "lang", ""],
})


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "Both work with Bygg AB and Föreningen Vän on internships; no tie recorded"),
    ("sv", "Båda samarbetar med Bygg AB och Föreningen Vän inom praktik; inget samarbete registrerat"),
    ("nb", "Begge samarbeider med Bygg AB og Föreningen Vän innen praksis; ikke registrert samarbeid"),
])
def test_reasons_name_partners_and_themes(lang, expected):
    out = score_pairs(COLLAB, _ties([("af", "lg")]), ACTORS, THEMES, lang=lang)
    assert out.reason[0].startswith(expected)
    assert out.score[0] > 0
    assert "2" in out.reason[0]


def test_recommended_pair_says_so_with_actors():
    out = score_pairs(COLLAB, _ties([("mv", "lg")]), ACTORS, THEMES, lang="en")
    assert out.reason[0].startswith("A source recommends this tie")


def test_invitations_for_an_actor():
    out = invitations(COLLAB, ACTORS, "af", lang="en", themes=THEMES)
    assert list(out.columns) == ["id", "name", "score", "reason"]
    assert out.id[0] == "lg" and out.name[0] == "Leader Dalsland"
    assert "af" not in set(out.id)


def test_sector_gaps_on_a_tiny_dataset():
    g = sector_gaps(COLLAB, ACTORS, place="municipality")
    row = g.set_index(["place", "category_a", "category_b"])
    # af-ass observed; mv-lg only recommended (Leader Dalsland is regional, present in Årjäng)
    assert row.loc[("Årjäng", "state_agency", "civil_society"), ["ties", "recommended"]].tolist() == [1, 1]
    assert row.loc[("Årjäng", "state_agency", "business"), "ties"] == 1        # af-biz
    assert row.loc[("Årjäng", "public_local", "civil_society"), "ties"] == 1   # kom-ass, planned counts
    assert row.loc[("Årjäng", "public_local", "business"), "note"] == "no tie"
    assert row.loc[("Årjäng", "business", "business"), "note"] == "no actors"
    only_rec = COLLAB.assign(status=["recommended"] * 6)
    g2 = sector_gaps(only_rec, ACTORS, place="region").set_index(["place", "category_a", "category_b"])
    assert g2.loc[("Dalsland", "state_agency", "civil_society"), "note"] == "only recommended ties"
    m = sector_gap_matrix(g, "Årjäng")
    assert (m.values == m.values.T).all()
    with pytest.raises(ValueError, match="place"):
        sector_gaps(COLLAB, ACTORS, place="country")


def test_recommendation_to_a_group_supports_its_members():
    ties = pd.DataFrame({"source": ["mv", "g1", "g1", "g2", "x"], "target": ["grp", "grp", "x", "x", "y"],
                         "kind": ["partnership", "membership", "partnership", "partnership", "partnership"],
                         "status": ["recommended", "existing", "existing", "existing", "existing"],
                         "document": ["doc0", "", "", "", ""]})
    actors = pd.DataFrame({"id": ["mv", "grp", "g1", "g2", "x", "y"],
                           "name": ["Migrationsverket", "the groups", "Group one", "Group two", "X", "Y"]})
    docs = pd.DataFrame({"id": ["doc0"], "title": ["A report"]})
    out = invitations(ties, actors, "g1", lang="en", documents=docs)
    assert out.id[0] == "mv"
    assert out.reason[0].startswith('A source recommends Migrationsverket working with the groups '
                                    '(Group one is a member) ("A report")')
    # the group's other non-member partner gets no such support
    assert not score_pairs(ties, _ties([("mv", "g2")]), actors, lang="en").reason[0].startswith("A source")


@pytest.fixture(scope="module")
def shipped():
    return read_dataset("data")


@pytest.mark.parametrize("lang", ["sv", "en", "nb"])
def test_shipped_leader_group_is_told_to_invite_the_agencies(shipped, lang):
    ds = shipped
    out = suggest_links(ds.collaborations, ds.actors, ds.themes, actor="leader-framtidsbygder", top=5,
                        lang=lang, documents=ds.documents)
    other = set(out.source) | set(out.target)
    assert {"migrationsverket", "arbetsformedlingen"} <= other
    inv = invitations(ds.collaborations, ds.actors, "leader-framtidsbygder", top=5, lang=lang, themes=ds.themes)
    assert set(inv.id[:2]) == {"migrationsverket", "arbetsformedlingen"}
    mv = inv.reason[inv.id == "migrationsverket"].iloc[0]
    start = {"en": "A source recommends Migrationsverket working with Leader "
                   "(Framtidsbygder Dalsland Årjäng Munkedal is a member) (000_23d71b4e38c185bd.txt)",
             "sv": "En källa rekommenderar att Migrationsverket samarbetar med Leader "
                   "(Framtidsbygder Dalsland Årjäng Munkedal är medlem)",
             "nb": "En kilde anbefaler at Migrationsverket samarbeider med Leader "
                   "(Framtidsbygder Dalsland Årjäng Munkedal er medlem)"}[lang]
    assert mv.startswith(start)


def test_shipped_no_cross_country_suggestions(shipped):
    ds = shipped
    out = suggest_links(ds.collaborations, ds.actors, ds.themes, top=50, lang="en")
    country = dict(zip(ds.actors.id, ds.actors.country))
    crossing = [(a, b) for a, b in zip(out.source, out.target) if country[a] != country[b]]
    assert crossing == []
    pair = score_pairs(ds.collaborations, _ties([("steget-fore", "hamar-kommune")]), ds.actors, ds.themes,
                       lang="en")
    assert "different countries (SE and NO)" in pair.reason[0]


def test_shipped_sector_gaps_use_type_and_country(shipped):
    ds = shipped
    g = sector_gaps(ds.collaborations, ds.actors)
    assert "Mellerud" in set(g.place) and not any("|" in p for p in g.place)
    hamar = g[(g.place == "Hamar") & (g.category_a == "state_agency")]
    assert set(hamar.actors_a) == {1}  # IMDi only: Swedish agencies are not present in Hamar
    mellerud = g[(g.place == "Mellerud") & (g.category_a == "state_agency")]
    from graph.links._gaps import categories

    cats = dict(zip(ds.actors.id, categories(ds.actors)))
    assert cats["socialfonden"] == "public_local" and cats["imdi"] == "state_agency"
    assert cats["lansstyrelserna"] == "public_local"
    assert mellerud.actors_a.iloc[0] == sum(
        1 for a, c in cats.items() if c == "state_agency" and dict(zip(ds.actors.id, ds.actors.country))[a] == "SE")
