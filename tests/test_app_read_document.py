"""The "Read a document" page through Streamlit's AppTest: paste, review, map, download."""

from __future__ import annotations

import io
import sys
import zipfile

import pytest
from streamlit.testing.v1 import AppTest

from tests.support import ROOT

APP = str(ROOT / "app.py")
SEED_000 = (ROOT.parent / "shared" / "seeds" / "000_23d71b4e38c185bd.txt").read_text(encoding="utf-8")


@pytest.fixture
def page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("views/read_document.py").run()
    assert not at.exception
    return at


@pytest.fixture
def page_on_files(monkeypatch) -> AppTest:
    """The page with the app showing files (``--data``, read-only): no map database to save into."""
    monkeypatch.setattr(sys, "argv", ["app.py", "--data", str(ROOT / "data")])
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("views/read_document.py").run()
    assert not at.exception
    return at


def _read(at: AppTest, text: str) -> AppTest:
    at.text_area(key="rd_paste").input(text)
    at.button(key="rd_read").click().run()
    assert not at.exception
    return at


def test_page_opens_in_swedish_and_asks_for_a_document(page):
    assert page.header[0].value == "Läs dokumentet"
    page.button(key="rd_read").click().run()
    assert "Ladda upp ett dokument eller klistra in text först." in [w.value for w in page.warning]


def test_pasted_report_gives_ties_with_quotes_and_known_actors(page_on_files):
    page = _read(page_on_files, SEED_000)
    assert "Svenska" in page.success[0].value
    ties = page.dataframe[0].value
    assert len(ties) >= 5 and ties["accept"].all()
    assert ties["evidence"].map(lambda q: all(f.strip() in " ".join(SEED_000.split())
                                              for f in " ".join(q.split()).split("…"))).all()
    assert {"migrationsverket", "arbetsformedlingen"} <= set(ties["source"]) | set(ties["target"])
    names = " ".join(m.value for m in page.markdown)
    assert ":blue-background[Migrationsverket]" in names
    download = page.get("download_button")
    assert download, "without a store the accepted ties are offered as CSV tables"


def test_reject_all_leaves_nothing_to_add(page):
    _read(page, SEED_000)
    page.button(key="rd_reject_all").click().run()
    assert "Inget samarbete är godtaget." in [i.value for i in page.info]
    assert not page.get("download_button")


def test_hostile_text_is_shown_as_text_and_contacts_masked(page):
    _read(page, "<script>alert(1)</script> Region Halland samarbetar med Föreningen Grannar. "
                "Kontakt: anna@example.se, 070-123 45 67.")
    shown = " ".join(m.value for m in page.markdown)
    assert "<script>" not in shown and "\\<script\\>" in shown
    assert "anna@example.se" not in shown and "070-123 45 67" not in shown
    assert not page.exception


def test_binary_paste_gets_one_sentence(page):
    _read(page, "abc\x00\x01\x02")
    assert page.error and "binary" in page.error[0].value


def test_new_actor_can_be_mapped_onto_an_existing_one(page):
    _read(page, "Projektet Grannar i Ljusdal drivs i samarbete med Migrationsverket.")
    box = page.selectbox(key="rd_map_grannar-i-ljusdal")
    box.select("leader").run()
    assert not page.exception


def test_download_holds_the_accepted_tables():
    from graph.extract import accepted_changes, accepted_dataset, document_from_text, extract_documents, tables_zip

    doc = document_from_text(SEED_000, "000.txt")
    result = extract_documents([doc])
    changes = accepted_changes(result.dataset.collaborations, result.dataset.actors, doc)
    data = zipfile.ZipFile(io.BytesIO(tables_zip(accepted_dataset(changes))))
    assert sorted(data.namelist()) == ["actors.csv", "collaborations.csv", "documents.csv"]
    assert "Migrationsverket" in data.read("actors.csv").decode("utf-8-sig")


def test_on_a_store_the_accepted_ties_become_one_revision_with_the_document(tmp_path, monkeypatch):
    from graph import read_dataset, store
    from ui import state

    engine = store.create(store.connect(f"sqlite:///{tmp_path / 'map.db'}"))
    store.import_dataset(engine, read_dataset(ROOT / "data"), author="test")
    monkeypatch.setattr(state, "store_engine", lambda: engine, raising=False)
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("views/read_document.py").run()
    text = "Projektet Grannar i Ljusdal drivs i samarbete med Migrationsverket."
    _read(at, text)
    assert not at.get("download_button")
    at.button(key="rd_save").click().run()
    assert not at.exception and at.success, [e.value for e in at.error]
    last = store.history(engine, limit=1)[0]
    assert last["changes"] == 3 and last["number"] == 2      # document, new actor, tie: one revision
    rows = store.load_dataset(engine)
    tie = rows.collaborations[rows.collaborations["source"].isin(["grannar-i-ljusdal"])
                              | rows.collaborations["target"].isin(["grannar-i-ljusdal"])]
    assert len(tie) == 1 and tie.iloc[0]["evidence"] == text
    doc = store.get_row(engine, "documents", tie.iloc[0]["document"])
    assert doc is not None and doc["text"] == text


def test_candidates_show_their_period_and_the_store_keeps_it(tmp_path, monkeypatch):
    from graph import read_dataset, store
    from ui import state

    engine = store.create(store.connect(f"sqlite:///{tmp_path / 'map.db'}"))
    store.import_dataset(engine, read_dataset(ROOT / "data"), author="test")
    monkeypatch.setattr(state, "store_engine", lambda: engine, raising=False)
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("views/read_document.py").run()
    _read(at, "Projektet Grannar i Ljusdal drivs sedan 2019 i samarbete med Migrationsverket.")
    ties = at.dataframe[0].value
    assert list(zip(ties["start"], ties["end"])) == [("2019", "")]
    at.button(key="rd_save").click().run()
    assert not at.exception and at.success, [e.value for e in at.error]
    rows = store.load_dataset(engine).collaborations
    tie = rows[rows["source"].eq("grannar-i-ljusdal") | rows["target"].eq("grannar-i-ljusdal")]
    assert list(zip(tie["start"], tie["end"])) == [("2019", "")]
