"""The app as a person uses it, through Streamlit's AppTest: one test per view and action."""

from __future__ import annotations

import re

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
    ties = next(m.value for m in app.markdown if "> ”" in m.value)  # the ties with their quotes, one text
    quotes = [q for q in ties.split("\n\n") if q.startswith("> ”")]
    assert len(quotes) >= 3 and all(len(q) > 20 for q in quotes)
    assert any("Leader kan mobilisera kring tidig etablering" in q for q in quotes)  # the document's title
    assert ".txt" not in texts(app)  # never a file name


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
    shown = texts(app)
    assert "> ”" in shown and ".txt" not in shown and "Befintlig" in shown
    assert "Rekommenderad" not in shown
    app.checkbox(key="path_all_ties").check().run()
    assert "Rekommenderad" in texts(app) and app.success[0].value.endswith("2 steg.")


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
    heads = [m.value for m in app.markdown if m.value.startswith("#### ")]
    assert heads[0].startswith("#### Rekommenderade av en källa") and heads[1].startswith("#### Nya idéer")
    shown = texts(app)
    assert "Rekommenderas av Landsbygdsnätverket i ”Leader kan mobilisera kring tidig etablering”" in shown
    assert "resursallokering" not in shown and not re.search(r"\d\\?[.,]\d\d", shown.split("Sektorsglapp")[0])
    app.checkbox(key="links_numbers").check().run()
    assert "resursallokering" in texts(app)
    assert re.search(r"resursallokering \d+,\d", texts(app))  # Swedish: a decimal comma
    app.sidebar.text_input(key="author").input("Anna").run()  # an accepted tie is kept with who accepted it
    app.selectbox(key="links_accept_choice").select_index(0).run()
    app.button(key="links_accept").click().run()
    assert not app.exception and app.success[0].value.startswith("Tillagt:")
    app.switch_page("views/explore.py").run()
    assert f"och {T + 1} av {T + 1} samarbeten" in texts(app)


@pytest.mark.parametrize("lang", ["sv", "en", "nb"])
def test_suggestion_filters_theme_place_and_across_sectors(app, lang):
    app.sidebar.selectbox(key="lang").select(lang).run()
    app.switch_page("views/suggestions.py").run()
    app.selectbox(key="links_theme").select("work_internship_matching").run()
    assert not app.exception
    app.selectbox(key="links_place").select("Västra Götalands län").run()
    assert not app.exception
    app.checkbox(key="links_across").check().run()
    assert not app.exception
    pairs = [m.value for m in app.markdown if m.value.startswith("**1. ")]
    assert pairs  # something is still suggested there


def test_who_to_invite_is_diverse(app):
    app.switch_page("views/suggestions.py").run()
    app.selectbox(key="links_actor").select("mangfaldsmat-orust").run()
    assert not app.exception
    firsts = [m.value for m in app.markdown if m.value[:4] in ("**1.", "**2.", "**3.", "**4.")]
    assert len(firsts) >= 4
    agencies = sum(any(x in f for x in ("Migrationsverket", "Arbetsförmedlingen", "Jordbruksverket", "ESF"))
                   for f in firsts[:4])
    assert agencies <= 2  # equal scores take turns by the kind of partner


def test_suggestions_for_one_actor_and_gap_matrix(app):
    app.switch_page("views/suggestions.py").run()
    app.selectbox(key="links_actor").select("leader-framtidsbygder").run()
    assert not app.exception
    assert "Framtidsbygder Dalsland Årjäng Munkedal" in texts(app)
    app.radio(key="gaps_kind").set_value("region").run()
    app.selectbox(key="gaps_place").select("Sörmland").run()
    matrix = app.dataframe[0].value
    assert matrix.shape == (4, 4) and "category_a" not in str(matrix.index.name)


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
    from views.export import export_bytes

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


def test_a_link_restores_the_view():
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params.update({"lang": "en", "actor": "migrationsverket", "depth": "1", "color": "type",
                            "kind": "partnership,participation", "status": "existing,recommended"})
    at.run()
    assert not at.exception
    assert at.title[0].value == "Stakeholder network explorer"
    assert at.subheader[0].value == "Migrationsverket"
    assert at.sidebar.select_slider(key="focus_depth").value == 1
    assert at.sidebar.multiselect(key="filter_kinds").value == ["partnership", "participation"]
    assert at.selectbox(key="color_by").value == "type"
    assert not at.warning


def test_an_unknown_value_in_a_link_is_skipped_with_a_notice():
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params.update({"sector": "public,nonsense", "actor": "nobody", "depth": "9"})
    at.run()
    assert not at.exception
    notice = at.warning[0].value.replace("\\", "")
    assert "sector=nonsense" in notice and "actor=nobody" in notice and "depth=9" in notice
    assert at.sidebar.multiselect(key="filter_sectors").value == ["public"]


def test_the_address_follows_the_view(app):
    app.sidebar.selectbox(key="search").select("arbetsformedlingen").run()
    app.sidebar.multiselect(key="filter_sectors").select("public").run()
    assert app.query_params["actor"] == ["arbetsformedlingen"] or app.query_params["actor"] == "arbetsformedlingen"
    assert "public" in str(app.query_params["sector"])


def test_a_link_to_paths_with_from_and_to():
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params.update({"from": "leader-framtidsbygder", "to": "migrationsverket", "lang": "nb"})
    at.run()
    at.switch_page("views/paths.py").run()
    assert not at.exception
    assert "korteste" in at.success[0].value


def test_timeline_shows_the_map_as_of_a_year():
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params.update({"year": "2016"})
    at.run()
    assert not at.exception
    assert at.sidebar.select_slider(key="year").value == "2016"
    caption = next(c.value for c in at.caption if c.value.startswith("Visar"))
    assert f"av {T} samarbeten" in caption and f"och {T} av" not in caption  # later ties are not there yet
    at.sidebar.button(key="year_next").click().run()
    assert not at.exception and at.sidebar.select_slider(key="year").value == "2017"


def test_briefing_buttons_and_picture_settings(app):
    app.sidebar.selectbox(key="search").select("migrationsverket").run()
    labels = [b.proto.label for b in app.get("download_button")]
    assert "Lägesbild att skriva ut (PDF)" in labels
    app.switch_page("views/export.py").run()
    app.selectbox(key="export_format").select("pdf").run()
    app.text_input(key="export_title").input("Dalsland 2026").run()
    app.selectbox(key="export_paper").select("a4").run()
    assert not app.exception
    app.radio(key="brief_kind").set_value("municipality").run()
    app.selectbox(key="brief_choice_municipality").select("Mellerud").run()
    assert not app.exception
    assert "Ladda ner lägesbild (PDF)" in [b.proto.label for b in app.get("download_button")]


def test_export_bytes_follow_title_and_paper():
    from pypdf import PdfReader

    from graph import read_dataset
    from graph.build import to_multigraph
    from graph.layout import compute_layout
    from views.export import export_bytes

    ds = read_dataset(ROOT / "data")
    data = export_bytes(ds, "pdf", positions=compute_layout(to_multigraph(ds)), color_by="sector", lang="en",
                        with_contacts=False, title="Dalsland 2026", paper="a4-landscape")
    import io

    page = PdfReader(io.BytesIO(data)).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (842, 595)
    assert "Dalsland 2026" in page.extract_text()


PAGE_FILES = ("explore", "paths", "brokers", "communities", "themes", "suggestions", "export", "data")


def shown_codes(at: AppTest) -> set[str]:
    """Vocabulary codes with an underscore, theme ids and source file names in any text or table cell."""
    from graph import read_dataset
    from graph.vocab import ACTOR_TYPES, KINDS, LEVELS, SECTORS, STATUSES

    ds = read_dataset(ROOT / "data")
    codes = {c for table in (ACTOR_TYPES, SECTORS, LEVELS, KINDS, STATUSES) for c in table if "_" in c}
    codes |= {t for t in ds.themes["id"] if "_" in t} | set(ds.documents["id"]) | {"category_a", "category_b"}
    cells = [texts(at)]
    for frame in at.dataframe:
        value = frame.value
        cells += [str(c) for c in value.columns] + [str(value.index.name)] + [str(v) for v in value.to_numpy().ravel()]
    words = set(re.findall(r"[\w.]+", "\n".join(cells).replace("\\", "")))
    return words & codes


@pytest.mark.parametrize("lang", ["sv", "en", "nb"])
def test_every_page_by_link_shows_words_not_codes_in_text_and_tables(lang):
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params.update({"lang": lang, "actor": "steget-fore", "depth": "1", "sector": "public,civil_society",
                            "theme": "work_internship_matching", "place": "Västra Götalands län", "across": "1",
                            "from": "leader-framtidsbygder", "to": "migrationsverket"})
    at.run()
    found = {}
    for name in PAGE_FILES:
        at.switch_page(f"views/{name}.py").run()
        assert not at.exception, name
        codes = shown_codes(at)
        if codes:
            found[name] = sorted(codes)
    assert found == {}


def test_a_link_to_a_year_between_the_data_years_is_kept():
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params.update({"year": "2018"})  # no tie starts or ends in 2018, but the timeline steps through it
    at.run()
    assert not at.exception and not at.warning
    assert at.sidebar.select_slider(key="year").value == "2018"


PAGES = ("explore", "paths", "brokers", "communities", "themes", "suggestions", "export", "read_document", "data")


@pytest.mark.parametrize("page", PAGES)
def test_filters_that_match_no_actor_leave_every_page_calm(app, page):
    """Filters that exclude each other (a fund that is a business) leave nothing to show: each page says so or
    shows an empty answer, never a traceback (before: the Brokers page showed networkx's error)."""
    app.sidebar.multiselect(key="filter_types").select("fund")
    app.sidebar.multiselect(key="filter_sectors").select("business").run()
    assert f"Visar 0 av {A} aktörer" in texts(app)  # nothing matches
    app.switch_page(f"views/{page}.py").run()
    assert not app.exception, app.exception
    assert "Traceback" not in texts(app)


def test_the_details_say_their_numbers_count_existing_ties(app):
    """Mångfaldsmat Orust has one partner by an existing tie and a planned tie beside it: the numbers say what
    they count, so "1 partner" beside "Ties (2)" is no contradiction."""
    app.sidebar.selectbox(key="search").select("mangfaldsmat-orust").run()
    assert next(m for m in app.metric if m.label == "Antal partner").value == "1"
    assert "Samarbeten (2)" in texts(app) and "Räknat på samarbeten som finns." in texts(app)


def test_the_brokers_table_writes_numbers_as_the_details_do(app):
    app.switch_page("views/brokers.py").run()
    table = app.dataframe[0].value
    steget = table[table["Aktör"] == "Steget före"].iloc[0]
    assert (steget["Mellanhet"], steget["Slutenhet (Burt)"]) == ("0,155", "0,08")  # as beside the map, in Swedish
