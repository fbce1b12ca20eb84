"""The app as a person uses it, through Streamlit's AppTest: one test per view and action."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.support import ROOT, SHIPPED

A, T = SHIPPED["actors"], SHIPPED["ties"]

APP = str(ROOT / "app.py")


@pytest.fixture
def app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception
    return at


def texts(at: AppTest) -> str:
    parts = [e.value for e in (*at.markdown, *at.caption, *at.info, *at.success, *at.warning, *at.error)]
    parts += [str(e.value) for e in at.text]
    return "\n".join(str(p) for p in parts)


def test_opens_on_the_shipped_network_in_swedish(app):
    assert app.title[0].value == "Aktörskarta för integration"
    assert f"Visar {A} av {A} aktörer och {T} av {T} samarbeten." in texts(app)
    assert "Klicka på en aktör" in texts(app)


def test_search_by_alias_selects_and_shows_details_with_evidence(app):
    app.sidebar.selectbox(key="search").select("arbetsformedlingen").run()
    assert not app.exception
    assert app.subheader[0].value == "Arbetsförmedlingen"
    ties = app.dataframe[-1].value
    assert len(ties) >= 3 and ties["Belägg"].str.len().min() > 10
    assert set(ties["Källa"]) <= {f.name for f in (ROOT.parent / "shared" / "seeds").iterdir()}


def test_filter_by_type_narrows_the_view(app):
    app.sidebar.multiselect(key="filter_types").select("municipality").run()
    assert not app.exception
    assert f"Visar {SHIPPED['municipalities']} av {A} aktörer" in texts(app)


def test_filter_by_status_keeps_recommended_ties(app):
    app.sidebar.multiselect(key="filter_statuses").select("recommended").run()
    assert f"och {SHIPPED['recommended']} av {T} samarbeten" in texts(app)


def test_focus_on_the_selected_actor(app):
    app.sidebar.selectbox(key="search").select("migrationsverket").run()
    app.sidebar.select_slider(key="focus_depth").set_value(1).run()
    assert not app.exception
    caption = next(c.value for c in app.caption if c.value.startswith("Visar"))
    shown = int(caption.split()[1])
    assert 2 <= shown < A


def test_language_switch(app):
    app.sidebar.selectbox(key="lang").select("nb").run()
    assert app.title[0].value == "Aktørkart for integrering"
    assert f"Viser {A} av {A} aktører" in texts(app)
    app.sidebar.selectbox(key="lang").select("en").run()
    assert app.title[0].value == "Stakeholder network explorer"


def test_path_between_leader_group_and_migrationsverket(app):
    app.switch_page("views/paths.py").run()
    app.selectbox(key="path_from").select("leader-framtidsbygder").run()
    app.selectbox(key="path_to").select("migrationsverket").run()
    assert not app.exception
    assert "kortaste" in app.success[0].value
    hops = app.dataframe
    assert hops and all(len(h.value) >= 1 for h in hops)
    assert any(".txt" in str(h.value["Källa"].tolist()) for h in hops)
    assert "Befintlig" in {s for h in hops for s in h.value["Status"]} and len(hops) == 3
    app.checkbox(key="path_all_ties").check().run()
    statuses = {s for h in app.dataframe for s in h.value["Status"]}
    assert "Rekommenderad" in statuses and app.success[0].value.endswith("2 steg.")


def test_brokers_view_explains_itself(app):
    app.switch_page("views/brokers.py").run()
    assert not app.exception
    table = app.dataframe[0].value
    assert table.iloc[0]["Aktör"] == "Steget före"
    assert "Mäklare binder ihop" in texts(app)
    assert "Om Steget före föll bort" in texts(app)


def test_communities_view(app):
    app.switch_page("views/communities.py").run()
    assert not app.exception
    assert any(m.value.startswith("Grupp 1:") for m in app.markdown)


def test_themes_view(app):
    app.switch_page("views/themes.py").run()
    assert not app.exception
    table = app.dataframe[0].value
    assert "Arbete, praktik och matchning" in table.columns and "Steget före" in set(table["Aktör"])


def test_upload_of_a_bad_file_changes_nothing(app):
    app.switch_page("views/data.py").run()
    app.file_uploader(key="upload_0").set_value(("broken.xlsx", b"PK\x03\x04 not really", "application/zip")).run()
    assert not app.exception
    assert app.error[0].value.startswith("broken") and "kunde inte användas. Inget har ändrats." in app.error[0].value
    assert any("är ingen läsbar .xlsx-arbetsbok" in t.value for t in app.text)
    app.switch_page("views/explore.py").run()
    assert f"Visar {A} av {A} aktörer" in texts(app)


def test_upload_with_dangling_tie_is_refused_with_row(app):
    app.switch_page("views/data.py").run()
    app.file_uploader(key="upload_0").set_value([
        ("actors.csv", b"id,name\na,A\nb,B\n", "text/csv"),
        ("collaborations.csv", b"source,target\na,ghost\n", "text/csv"),
    ]).run()
    assert any("collaborations.csv, rad 2, kolumn 'target': okänd aktör 'ghost'" in t.value for t in app.text)
    app.sidebar.selectbox(key="lang").select("en").run()
    assert any("collaborations.csv, row 2, column 'target': unknown actor 'ghost'" in t.value for t in app.text)


def test_upload_of_a_good_workbook_is_used(app, fixtures):
    app.switch_page("views/data.py").run()
    data = (fixtures / "kumu-paypal-mafia.xlsx").read_bytes()
    app.file_uploader(key="upload_0").set_value(("paypal.xlsx", data, "application/octet-stream")).run()
    assert not app.exception
    app.switch_page("views/explore.py").run()
    assert "Visar 34 av 34 aktörer" in texts(app)
    app.switch_page("views/data.py").run()
    app.button(key="reset_source").click().run()
    assert not app.exception and not app.file_uploader(key="upload_1").value
    app.switch_page("views/explore.py").run()
    assert f"Visar {A} av {A} aktörer" in texts(app)


def test_suggestions_view_explains_and_accepts(app):
    app.switch_page("views/suggestions.py").run()
    assert not app.exception
    table = app.dataframe[0].value
    assert len(table) == 20 and table["Varför"].str.len().min() > 10
    app.selectbox(key="links_accept_choice").select_index(0).run()
    app.button(key="links_accept").click().run()
    assert not app.exception and app.success[0].value.startswith("Tillagt:")
    app.switch_page("views/explore.py").run()
    assert f"och {T + 1} av {T + 1} samarbeten" in texts(app)


def test_suggestions_for_one_actor_and_gap_matrix(app):
    app.switch_page("views/suggestions.py").run()
    app.selectbox(key="links_actor").select("leader-framtidsbygder").run()
    assert not app.exception
    table = app.dataframe[0].value
    assert len(table) > 0 and set(table["Aktör"]) | set(table[" "]) >= {"Framtidsbygder Dalsland Årjäng Munkedal"}
    app.radio(key="gaps_kind").set_value("region").run()
    app.selectbox(key="gaps_place").select("Sörmland").run()
    matrix = app.dataframe[1].value
    assert matrix.shape == (4, 4)


EXPORTS = [("png", b"\x89PNG"), ("svg", b"<?xml"), ("csv", b"PK\x03\x04"), ("kumu", b"PK\x03\x04"),
           ("gexf", b"<?xml"), ("html", b"<!DOCTYPE html>")]


@pytest.mark.parametrize("fmt", [fmt for fmt, _ in EXPORTS])
def test_export_view_offers_the_current_view(app, fmt):
    app.sidebar.multiselect(key="filter_types").select("municipality").run()
    app.switch_page("views/export.py").run()
    app.selectbox(key="export_format").select(fmt).run()
    assert not app.exception
    assert f"Visar {SHIPPED['municipalities']} av {A} aktörer" in texts(app)
    button = next(e for e in app.get("download_button") if e.proto.label.startswith("Ladda ner"))
    assert button.proto.label == f"Ladda ner {fmt.upper()}"


@pytest.mark.parametrize("fmt, magic", EXPORTS)
def test_export_bytes_are_the_format_asked_for(fmt, magic):
    from graph import read_dataset
    from graph.build import filter_dataset, to_multigraph
    from graph.layout import compute_layout
    from ui.export_page import export_bytes

    ds = read_dataset(ROOT / "data")
    view = filter_dataset(ds, types=["municipality", "initiative"])
    data = export_bytes(view, fmt, positions=compute_layout(to_multigraph(ds)), color_by="sector", lang="sv",
                        with_contacts=False)
    assert data[: len(magic)].lower() == magic.lower()


def test_unreadable_data_argument_is_a_sentence_not_a_traceback(monkeypatch, tmp_path):
    bad = tmp_path / "broken.xlsx"
    bad.write_bytes(b"PK\x03\x04 not a workbook")
    monkeypatch.setattr("sys.argv", ["app.py", "--data", str(bad)])
    at = AppTest.from_file(APP, default_timeout=120).run()
    assert not at.exception
    shown = at.error[0].value.replace("\\", "")  # markdown-escaped on screen
    assert "broken.xlsx: är ingen läsbar .xlsx-arbetsbok" in shown


def test_upload_problems_name_the_uploaded_file_not_a_temporary_path(app):
    app.switch_page("views/data.py").run()
    app.file_uploader(key="upload_0").set_value([
        ("actors.csv", b"id,name\na,A\na,B\n", "text/csv"),
        ("collaborations.csv", b"source,target\na,a\n", "text/csv"),
    ]).run()
    lines = [t.value for t in app.text]
    assert "actors.csv, rad 3, kolumn 'id': id 'a' finns redan (första gången på rad 2)" in lines
    assert not any("/tmp" in line for line in lines)
