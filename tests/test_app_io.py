"""The app's data in and out (issues 8 and 12): uploads and downloads never touch the disk, and a file whose
columns we cannot place opens a mapping step instead of a refusal."""

from __future__ import annotations

import tempfile

import pytest
from streamlit.testing.v1 import AppTest

from graph.export import FORMATS
from tests.support import ROOT, SHIPPED

APP = str(ROOT / "app.py")


@pytest.fixture
def app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception
    return at


@pytest.fixture
def no_temporary_files(monkeypatch):
    """Every way to make a temporary file or folder fails from here on."""
    def refuse(*args, **kwargs):
        raise AssertionError("a temporary file was made")

    for name in ("mkstemp", "mkdtemp", "TemporaryDirectory", "NamedTemporaryFile", "TemporaryFile",
                 "SpooledTemporaryFile"):
        monkeypatch.setattr(tempfile, name, refuse)


def shown(at: AppTest) -> str:
    parts = [e.value for e in (*at.markdown, *at.caption, *at.info, *at.success, *at.warning, *at.error)]
    return "\n".join([str(p) for p in parts] + [str(e.value) for e in at.text]).replace("\\", "")  # markdown escapes


def test_upload_never_writes_a_temporary_file(app, no_temporary_files):
    app.switch_page("views/data.py").run()
    app.file_uploader(key="upload_0").set_value([
        ("actors.csv", "id;namn;typ\na;Åmål;Kommun\nb;Säffle;kommune\n".encode(), "text/csv"),
        ("collaborations.csv", b"fran;till;typ\na;b;Partnerskap\n", "text/csv"),
    ]).run()
    assert not app.exception
    app.switch_page("views/explore.py").run()
    assert not app.exception and "Visar 2 av 2 aktörer" in shown(app)


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_never_writes_a_temporary_file(fmt, no_temporary_files):
    from graph import read_dataset
    from graph.build import to_multigraph
    from graph.layout import compute_layout
    from views.export import export_bytes

    ds = read_dataset(ROOT / "data")
    data = export_bytes(ds, fmt, positions=compute_layout(to_multigraph(ds), seed=1), color_by="sector", lang="en",
                        with_contacts=False)
    assert len(data) > 100


def test_export_page_downloads_without_the_disk(app, no_temporary_files):
    app.switch_page("views/export.py").run()
    for fmt in ("csv", "json", "gexf"):
        app.selectbox(key="export_format").select(fmt).run()
        assert not app.exception, fmt
        assert any(e.proto.label == f"Ladda ner {fmt.upper()}" for e in app.get("download_button"))


TABLE = "kommunenavn;kommunenummer;samarbeider med\nOslo;0301;Bærum\nBærum;3024;Asker\nAsker;3025;Oslo\n".encode()


def test_a_file_whose_columns_we_cannot_place_opens_the_mapping_step(app):
    app.switch_page("views/data.py").run()
    app.file_uploader(key="upload_0").set_value(("samarbeid.csv", TABLE, "text/csv")).run()
    assert not app.exception and not app.error
    assert "Vi känner inte igen kolumnerna i samarbeid.csv" in shown(app)
    assert app.selectbox(key="map_source").options == ["kommunenavn", "kommunenummer", "samarbeider med"]
    app.selectbox(key="map_target").select("samarbeider med").run()
    app.button(key="map_apply").click().run()
    assert not app.exception
    app.switch_page("views/explore.py").run()
    assert "Visar 3 av 3 aktörer" in shown(app)
    app.switch_page("views/data.py").run()
    assert not app.exception and "Datamängd:** samarbeid.csv — 3 aktörer, 3 samarbeten" in shown(app)


def test_the_mapping_step_refuses_one_column_for_both_ends(app):
    app.switch_page("views/data.py").run()
    app.file_uploader(key="upload_0").set_value(("samarbeid.csv", TABLE, "text/csv")).run()
    app.selectbox(key="map_target").select("kommunenavn").run()
    app.button(key="map_apply").click().run()
    assert not app.exception and "Källa och mål måste vara två olika kolumner." in app.error[0].value
    app.switch_page("views/explore.py").run()
    assert f"Visar {SHIPPED['actors']} av {SHIPPED['actors']} aktörer" in shown(app)


def test_a_refusal_in_the_app_is_translated_and_capped(app):
    app.switch_page("views/data.py").run()
    ties = "source,target\n" + "a,ghost\n" * 500
    app.file_uploader(key="upload_0").set_value([("actors.csv", b"id\na\n", "text/csv"),
                                                 ("collaborations.csv", ties.encode(), "text/csv")]).run()
    lines = [t.value for t in app.text]
    assert len(lines) == 21 and lines[-1] == "collaborations.csv: … och 480 till av samma slag"
