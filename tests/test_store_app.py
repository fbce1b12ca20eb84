"""The map's pages as a person uses them (AppTest): edit, delete, merge, history, undo, the past, login, import."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from graph import store
from graph.users import add_user
from tests.support import ROOT, SHIPPED
from ui.i18n import md_text

APP = str(ROOT / "app.py")
A, T = SHIPPED["actors"], SHIPPED["ties"]


def texts(at: AppTest) -> str:
    parts = [e.value for e in (*at.markdown, *at.caption, *at.info, *at.success, *at.warning, *at.error)]
    return "\n".join(str(p) for p in parts)


def start(page: str | None = None, lang: str = "en") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.sidebar.selectbox(key="lang").select(lang).run()
    at.sidebar.text_input(key="author").input("Anna").run()
    if page:
        at.switch_page(f"views/{page}.py").run()
    assert not at.exception, at.exception
    return at


def save(at: AppTest, form: str) -> AppTest:
    """Click the Save button of the form whose key starts with ``form``."""
    button = next(b for b in at.button if b.proto.form_id.startswith(form))
    return button.click().run()


def frame(at: AppTest, column: str):
    """The first table on the page with ``column``."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


@pytest.fixture
def engine(_own_map):
    engine = store.open_store(_own_map)
    yield engine
    engine.dispose()


def test_edit_an_actor_in_a_form_with_labels_in_the_users_language(engine):
    at = start("edit", lang="sv")
    at.selectbox(key="edit_actor_pick").select("migrationsverket").run()
    assert "Statlig myndighet" in at.selectbox(key="actor_type_migrationsverket").options
    at.text_input(key="actor_name_migrationsverket").input("Migrationsverket (MV)")  # a form sends on Save
    save(at, "actor_form")
    assert not at.exception
    assert "Sparat i revision 2." in texts(at)
    row = store.get_row(engine, "actors", "migrationsverket")
    assert (row["name"], row["version"]) == ("Migrationsverket (MV)", 2)
    assert store.history(engine)[0]["author"] == "Anna"


def test_a_save_after_a_conflict_never_overwrites_the_colleagues_change(engine):
    at = start("edit")
    at.selectbox(key="edit_actor_pick").select("migrationsverket").run()  # Anna opens the form at version 1
    store.apply_changes(engine, [{"op": "update", "table": "actors", "id": "migrationsverket", "version": 1,
                                  "set": {"description": "Bo's words"}}], author="Bo", message="")
    at.text_input(key="actor_name_migrationsverket").input("MV")
    save(at, "actor_form")
    assert "Bo" in texts(at) and "MV" in texts(at)  # the conflict names Bo; Anna's value is still shown
    save(at, "actor_form")  # the form now holds the stored version: saving it changes nothing
    row = store.get_row(engine, "actors", "migrationsverket")
    assert row["description"] == "Bo's words"


def test_a_new_tie_asks_for_document_and_evidence(engine):
    at = start("edit")
    at.selectbox(key="tie_source_\x00new").select("migrationsverket")
    at.selectbox(key="tie_target_\x00new").select("arbetsformedlingen")
    save(at, "tie_form")
    assert "A tie needs a source document and an evidence quote." in texts(at)
    document = store.load_dataset(engine).documents["id"].iloc[0]
    at.selectbox(key="tie_source_\x00new").select("migrationsverket")
    at.selectbox(key="tie_target_\x00new").select("arbetsformedlingen")
    at.selectbox(key="tie_document_\x00new").select(document)
    at.text_area(key="tie_evidence_\x00new").input("they meet every month")
    save(at, "tie_form")
    assert not at.exception and "Saved in revision 2." in texts(at)
    assert len(store.load_dataset(engine).collaborations) == T + 1


def test_deleting_an_actor_asks_first_and_says_how_many_ties(engine):
    ties = len(store.edits.ties_of_actor(engine, "migrationsverket"))
    at = start("edit")
    at.selectbox(key="edit_actor_pick").select("migrationsverket").run()
    at.button(key="edit_actor_delete").click().run()
    assert f"has {ties} tie(s). They are deleted with the actor. Sure?" in texts(at)
    assert store.get_row(engine, "actors", "migrationsverket") is not None  # nothing yet
    at.button(key="edit_actor_delete_yes").click().run()
    assert not at.exception
    ds = store.load_dataset(engine)
    assert len(ds.actors) == A - 1 and len(ds.collaborations) == T - ties


def test_merge_two_actors_from_the_duplicate_suggestions(engine):
    store.apply_changes(engine, [{"op": "add", "table": "actors", "row": {"id": "mv-copy", "name": "Migrationsverkett"}},
                                 {"op": "add", "table": "collaborations", "row": {"source": "mv-copy",
                                                                                  "target": "arbetsformedlingen"}}],
                        author="Bo", message="a duplicate")
    at = start("edit")
    shown = frame(at, "Similarity")
    assert "Migrationsverkett" in set(shown.iloc[:, 0]) | set(shown.iloc[:, 1])
    at.selectbox(key="merge_keep").select("migrationsverket").run()
    at.selectbox(key="merge_remove").select("mv-copy").run()
    at.button(key="merge_go").click().run()
    assert not at.exception
    ds = store.load_dataset(engine)
    assert "mv-copy" not in set(ds.actors["id"])
    assert "Migrationsverkett" in store.get_row(engine, "actors", "migrationsverket")["aliases"]
    assert ((ds.collaborations["source"] == "migrationsverket") & (ds.collaborations["target"] ==
                                                                  "arbetsformedlingen")).any()


def test_history_lists_revisions_undoes_and_shows_the_past(engine):
    store.apply_changes(engine, [{"op": "update", "table": "actors", "id": "migrationsverket", "version": 1,
                                  "set": {"name": "MV"}}], author="Bo", message="shorter")
    at = start("history")
    table = frame(at, "Who")
    assert table["Who"].tolist()[:2] == ["Bo", "setup"]
    changes = frame(at, "Before")
    assert "Name 'Migrationsverket' → 'MV'" in changes["What"].tolist()
    at.button(key="history_show_at").click().run()  # nothing changed after revision 2: it is "now"
    at.selectbox(key="history_pick").select(1).run()
    at.button(key="history_show_at").click().run()
    assert "as it was after revision 1" in texts(at)
    at.switch_page("views/history.py").run()
    at.selectbox(key="history_pick").select(2).run()
    at.button(key="back_to_now").click().run()
    at.button(key="history_undo").click().run()
    assert not at.exception and "Undone in revision 3." in texts(at)
    assert store.get_row(engine, "actors", "migrationsverket")["name"] == "Migrationsverket"


def test_undo_refused_names_the_later_change(engine):
    store.apply_changes(engine, [{"op": "update", "table": "actors", "id": "migrationsverket", "version": 1,
                                  "set": {"name": "MV"}}], author="Bo", message="shorter")
    at = start("history")
    at.selectbox(key="history_pick").select(1).run()
    at.button(key="history_undo").click().run()
    at.button(key="history_undo_yes").click().run()  # revision 1 is the whole map: the page asks first
    assert "revision 1 cannot be undone" in texts(at) and "changed by Bo in revision 2" in texts(at)


#: What the store keeps in English and a Swedish page must not show as it is.
_ENGLISH = ("edit actors", "first start", "undo revision", "setup", "name '", "actors '")


def test_the_swedish_history_page_shows_the_apps_messages_times_and_columns_in_swedish(engine):
    store.apply_changes(engine, [{"op": "update", "table": "actors", "id": "migrationsverket", "version": 1,
                                  "set": {"name": "MV"}}], author="Bo", message="edit actors")
    store.undo(engine, 2, author="Bo")
    store.apply_changes(engine, [{"op": "update", "table": "actors", "id": "migrationsverket", "version": 3,
                                  "set": {"name": "MV"}}], author="Bo", message="mitt eget ord")
    at = start("history", lang="sv")
    table = frame(at, "Vem")
    shown = " ".join(str(v) for v in table.to_numpy().ravel()) + " ".join(at.selectbox(key="history_pick").options)
    assert not [e for e in _ENGLISH if e in shown], shown
    assert table["Vad"].tolist() == ["mitt eget ord", "Ångrade revision 2 (Ändrade aktörer)",
                                     "Ändrade aktörer (ångrad i revision 3)", "Första start: läste in data"]
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", when) for when in table["När"])
    assert frame(at, "Före")["Vad"].tolist() == ["Namn 'Migrationsverket' → 'MV'"]
    stamp = store.history(engine)[0]["time"]
    assert md_text(stamp) in texts(at)  # the exact UTC stamp stays on the page


def test_a_description_edit_shows_the_part_that_changed_and_both_texts_whole(engine):
    actors = store.load_dataset(engine).actors
    row = actors[actors["description"].str.len() > 80].iloc[0]
    old = row["description"]
    cut = old.find(" ", 60)
    new = old[:cut] + " och Tjörn" + old[cut:]
    store.apply_changes(engine, [{"op": "update", "table": "actors", "id": row["id"], "version": 1,
                                  "set": {"description": new}}], author="Bo", message="")
    at = start("history", lang="sv")
    what = frame(at, "Före")["Vad"].iloc[0]
    assert what.startswith("Beskrivning '…") and "och Tjörn" in what, what
    assert [e.label for e in at.main.expander] == [f"Beskrivning för {row['id']}: hela texten före och efter"
                                              .replace("-", "\\-").replace(".", "\\.")]
    assert md_text(old) in texts(at) and md_text(new).replace("och Tjörn", "**och Tjörn**") in texts(at)


def test_undo_twice_says_already_undone_and_turns_the_button_off(engine):
    store.apply_changes(engine, [{"op": "update", "table": "actors", "id": "migrationsverket", "version": 1,
                                  "set": {"name": "MV"}}], author="Bo", message="shorter")
    at = start("history")
    at.button(key="history_undo").click().run()
    assert "Undone in revision 3." in texts(at)
    at.selectbox(key="history_pick").select(2).run()
    assert "Revision 2 is already undone in revision 3." in texts(at)
    assert at.button(key="history_undo").disabled
    at.selectbox(key="history_pick").select(3).run()  # the undo itself can be undone (a redo)
    assert not at.button(key="history_undo").disabled


def test_undoing_the_first_import_asks_first_saying_how_many_rows_and_refuses_in_swedish(engine):
    rows = store.history(engine)[-1]["changes"]
    store.apply_changes(engine, [{"op": "update", "table": "actors", "id": "migrationsverket", "version": 1,
                                  "set": {"name": "MV"}}], author="Bo", message="edit actors")
    at = start("history", lang="sv")
    at.selectbox(key="history_pick").select(1).run()
    at.button(key="history_undo").click().run()
    assert rows > 20 and f"Revision 1 ändrade {rows} rader" in texts(at)
    assert len(store.history(engine)) == 2  # nothing written yet
    at.button(key="history_undo_yes").click().run()
    refusal = [e.value for e in at.error]
    assert refusal == ["revision 1 kan inte ångras: aktören 'migrationsverket' ändrades av Bo i revision 2 ("
                       f"{store.local_time(store.history(engine)[0]['time'])}, 'Ändrade aktörer'): "
                       "Namn 'Migrationsverket' → 'MV'".replace("-", "\\-").replace(".", "\\.")
                       .replace("(", "\\(").replace(")", "\\)")], refusal


def test_the_historys_column_labels_are_the_apps_labels():
    from graph.store.words import COLUMN_WORDS
    from ui.i18n import WORDS

    hinted = {"id", "start", "end"}  # the forms' labels say the format: the history names them alone
    differ = [k for k in COLUMN_WORDS if k in WORDS and k not in hinted and COLUMN_WORDS[k] != WORDS[k]]
    assert not differ


def test_an_accepted_suggestion_is_a_planned_tie_with_its_reason_in_the_map(engine):
    at = start("suggestions")
    at.selectbox(key="links_accept_choice").select_index(0).run()
    at.button(key="links_accept").click().run()
    assert not at.exception
    ds = store.load_dataset(engine)
    tie = ds.collaborations.iloc[-1]
    assert tie["status"] == "planned" and len(tie["reason"]) > 10
    assert store.history(engine)[0]["message"].startswith("accepted suggestion")


def test_viewers_see_no_edit_controls_and_editors_log_in(tmp_path, monkeypatch, engine, _own_map):
    users = tmp_path / "users.json"
    add_user(users, "vera", "viewer", "look but do not touch")
    add_user(users, "erik", "editor", "change it carefully")
    assert "look but do not touch" not in users.read_text() and "$argon2" in users.read_text()
    monkeypatch.setattr("sys.argv", ["app.py", "--users", str(users)])
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.text_input(key="login_name").input("vera")
    at.text_input(key="login_password").input("wrong password")
    save(at, "login_form")
    assert "Fel användare eller lösenord." in texts(at)
    at.text_input(key="login_name").input("vera")
    at.text_input(key="login_password").input("look but do not touch")
    save(at, "login_form")
    assert not at.exception
    assert "Inloggad som vera (viewer)" in texts(at)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("views/edit.py")  # a viewer gets no Edit page
    assert not any(w.key == "author" for w in at.sidebar.text_input)
    at.switch_page("views/history.py").run()
    assert not [b for b in at.button if b.key == "history_undo"]
    with pytest.raises(store.Forbidden):
        store.apply_changes(engine, [{"op": "add", "table": "actors", "row": {"id": "v"}}], author="vera",
                            message="", role="viewer")


def test_files_are_read_only_with_an_import_into_the_map(tmp_path, monkeypatch, engine):
    folder = tmp_path / "other"
    folder.mkdir()
    (folder / "actors.csv").write_text("id,name\nnew-one,New One\n", "utf-8")
    monkeypatch.setattr("sys.argv", ["app.py", "--data", str(folder)])
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.sidebar.text_input(key="author").input("Anna").run()
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("views/edit.py")  # files are not edited: no Edit page
    at.switch_page("views/data.py").run()
    assert "skrivskyddade" in texts(at)
    at.button(key="import_into_map").click().run()
    assert not at.exception and "Importerat i revision 2" in texts(at)
    assert store.get_row(engine, "actors", "new-one")["name"] == "New One"


def test_importing_files_into_a_new_map_brings_only_those_files(tmp_path, monkeypatch):
    folder = tmp_path / "other"
    folder.mkdir()
    (folder / "actors.csv").write_text("id,name\nnew-one,New One\n", "utf-8")
    url = f"sqlite:///{tmp_path / 'fresh.db'}"  # no map yet
    monkeypatch.setenv("GRAPH_DB", url)
    monkeypatch.setattr("sys.argv", ["app.py", "--data", str(folder)])
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.sidebar.text_input(key="author").input("Anna").run()
    at.switch_page("views/data.py").run()
    at.button(key="import_into_map").click().run()
    assert not at.exception
    engine = store.open_store(url)
    assert store.load_dataset(engine).actors["id"].tolist() == ["new-one"]  # the shipped data is not mixed in
    engine.dispose()


def test_a_corrupt_database_is_one_sentence(tmp_path, monkeypatch):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not a database at all" * 100)
    monkeypatch.setattr("sys.argv", ["app.py", "--db", f"sqlite:///{bad}"])
    at = AppTest.from_file(APP, default_timeout=120).run()
    assert not at.exception
    assert "not an SQLite database" in at.error[0].value.replace("\\", "") or \
        "ingen SQLite-databas" in at.error[0].value.replace("\\", "")


def sent(at: AppTest) -> dict:
    """What the Explore page hands the map component in its last run (``graph``: None when left out)."""
    import json

    element = next(e for e in at.main.get("bidi_component") if e.proto.id.endswith("-graph"))
    return json.loads(element.proto.json)


def drawn_map(at: AppTest) -> dict:
    """The drawing the Explore page sent whole in its last run, as the browser reads it."""
    import json

    graph = sent(at)["graph"]
    assert graph is not None, "the drawing was left out of this run"
    return json.loads(graph)


def test_the_maps_script_is_a_file_the_app_serves_not_text_in_every_run(engine):
    from ui.component_files import served_folder

    at = start("explore")
    element = next(e for e in at.main.get("bidi_component") if e.proto.id.endswith("-graph"))
    assert element.proto.js_content == "" and element.proto.js_source_path.startswith("map-")
    served = served_folder(element.proto.component_name) / element.proto.js_source_path
    text = served.read_text(encoding="utf-8")
    assert "vis-network" in text[:300] and "export default function" in text
    assert len(element.proto.SerializeToString()) < len(text) // 10


def test_the_map_is_sent_whole_once_then_only_its_edits_unless_the_page_asks_for_it(engine):
    at = start("brokers")
    at.switch_page("views/explore.py").run()
    first = sent(at)
    assert first["graph"] is not None and first["patch"] is None  # a page newly shown: its map whole
    at.run()
    again = sent(at)
    assert again["graph"] is None and again["sig"] == first["sig"]  # the page holds it: not sent again
    tie = store.load_dataset(engine).collaborations.iloc[0]["id"]
    version = store.get_row(engine, "collaborations", tie)["version"]
    store.apply_changes(engine, [{"op": "update", "table": "collaborations", "id": tie, "version": version,
                                  "set": {"status": "ended"}}], author="Bo", message="")
    at.run()
    edited = sent(at)
    assert edited["graph"] is None and edited["sig"] != first["sig"]
    assert edited["patch"]["base"] == first["sig"] and [e["status"] for e in edited["patch"]["edges"]] == ["ended"]
    at.session_state["graph"] = {"selected": None, "want": edited["sig"]}  # a page whose map was made anew asks
    at.run()
    asked = sent(at)
    assert asked["sig"] == edited["sig"]
    assert "ended" in [e["status"] for e in drawn_map(at)["edges"]]
    at.run()
    assert sent(at)["graph"] is None  # sent once, held since
    at.switch_page("views/brokers.py").run()
    at.switch_page("views/explore.py").run()
    assert sent(at)["graph"] is not None  # a page come back to draws its map anew: sent whole


def test_an_edit_saved_in_a_form_is_on_the_map_redrawn_not_drawn_whole(engine, _own_map):
    from graph.redraw import draw
    from ui import drawing as drawing_state

    at = start("explore")
    tie = store.load_dataset(engine).collaborations.iloc[0]["id"]
    at.switch_page("views/edit.py").run()
    at.selectbox(key="edit_tie_pick").select(tie).run()
    at.selectbox(key=f"tie_status_{tie}").select("ended")
    save(at, "tie_form")
    assert not at.exception, at.exception
    at.switch_page("views/explore.py").run()
    drawing = next(d for (lineage, _, _, lang), d in drawing_state._latest_drawings().items.items()
                   if lineage == f"db:{_own_map}" and lang == "en")
    assert drawing.changed is not None and drawing.changed[1] == 1  # one tie drawn again, the rest kept
    shown = drawn_map(at)
    status = dict(zip(drawing.tie_ids, (e["status"] for e in shown["edges"]), strict=True))
    assert status[tie] == "ended"
    whole = draw(drawing.dataset, drawing.positions, lang="en")
    assert shown["nodes"] == whole.data["nodes"]
    assert sorted(map(repr, ({k: v for k, v in e.items() if k != "id"} for e in shown["edges"]))) == \
           sorted(map(repr, ({k: v for k, v in e.items() if k != "id"} for e in whole.data["edges"])))


def test_a_tie_given_a_new_year_leaves_the_period_filter_on_every_year(engine):
    at = start("explore")
    assert f"Showing {A} of {A} actors and {T} of {T} ties" in texts(at)
    tie = store.load_dataset(engine).collaborations.iloc[0]["id"]
    version = store.get_row(engine, "collaborations", tie)["version"]
    store.apply_changes(engine, [{"op": "update", "table": "collaborations", "id": tie, "version": version,
                                  "set": {"end": "2031"}}], author="Bo", message="")
    at.run()
    assert not at.exception
    assert at.sidebar.select_slider(key="filter_period").value[1] == "2031"
    assert f"Showing {A} of {A} actors and {T} of {T} ties" in texts(at)  # not cut to the old last year
    years = at.sidebar.select_slider(key="filter_period").options
    chosen = (years[0], years[-2])
    at.sidebar.select_slider(key="filter_period").set_value(chosen).run()  # a period the user chose
    store.apply_changes(engine, [{"op": "update", "table": "collaborations", "id": tie, "version": version + 1,
                                  "set": {"end": "2032"}}], author="Bo", message="")
    at.run()
    assert at.sidebar.select_slider(key="filter_period").value == chosen


def test_a_new_actor_joins_the_map_where_it_was_without_a_new_layout(engine, _own_map):
    from ui import drawing as drawing_state

    at = start("brokers")
    at.switch_page("views/explore.py").run()
    drawn = {n["id"]: (n["x"], n["y"]) for n in drawn_map(at)["nodes"]}
    store.apply_changes(engine, [{"op": "add", "table": "actors", "row": {"id": "ny-forening", "name": "Ny förening",
                                                                         "type": "association"}}],
                        author="Bo", message="")
    at.run()
    assert not at.exception
    drawing = next(d for (lineage, _, _, lang), d in drawing_state._latest_drawings().items.items()
                   if lineage == f"db:{_own_map}" and lang == "en")
    assert drawing.changed is not None  # redrawn, not drawn whole
    assert sent(at)["patch"]["base"] != drawing.sig and "ny-forening" in {n["id"] for n in sent(at)["patch"]["nodes"]}
    shown = {n["id"]: (n["x"], n["y"]) for n in drawing.data["nodes"]}
    assert "ny-forening" in shown
    moved = [a for a in drawn if shown[a] != drawn[a]]
    alone = {n["id"] for n in drawing.data["nodes"] if drawing.score[n["id"]][1] == 0}
    assert set(moved) <= alone  # only the grid of actors without ties is laid out again


def test_an_actor_edited_in_the_maps_details_is_put_into_the_open_map(engine, _own_map):
    from ui import drawing as drawing_state

    at = start("brokers")
    at.switch_page("views/explore.py").run()
    before = sent(at)
    assert before["graph"] is not None
    at.sidebar.selectbox(key="search").select("migrationsverket").run()
    name = store.get_row(engine, "actors", "migrationsverket")["name"]
    at.text_input(key="actor_name_migrationsverket").input(name + " Gävle")
    runs = at.session_state["_snx_run"]
    save(at, "map_actor_form")
    assert not at.exception, at.exception
    assert store.get_row(engine, "actors", "migrationsverket")["name"] == name + " Gävle"
    assert any("Saved in revision" in str(s.value) for s in at.toast)  # a toast: the map is not moved down
    assert at.session_state["_snx_run"] == runs + 1  # written before the run: one run shows it, not a rerun
    shown = sent(at)
    assert shown["graph"] is None  # the page holds the map: only the edit is sent
    assert [n["name"] for n in shown["patch"]["nodes"] if n["id"] == "migrationsverket"] == [name + " Gävle"]
    drawing = next(d for (lineage, _, _, lang), d in drawing_state._latest_drawings().items.items()
                   if lineage == f"db:{_own_map}" and lang == "en")
    assert drawing.changed is not None and shown["sig"] == drawing.sig


def test_the_maps_details_give_an_edit_form_to_editors_only(tmp_path, monkeypatch, _own_map):
    users = tmp_path / "users.json"
    add_user(users, "vera", "viewer", "look but do not touch")
    add_user(users, "erik", "editor", "change it carefully")
    monkeypatch.setattr("sys.argv", ["app.py", "--users", str(users)])
    forms = {}
    for who, password in (("vera", "look but do not touch"), ("erik", "change it carefully")):
        at = AppTest.from_file(APP, default_timeout=120).run()
        at.text_input(key="login_name").input(who)
        at.text_input(key="login_password").input(password)
        save(at, "login_form")
        at.sidebar.selectbox(key="search").select("migrationsverket").run()
        assert not at.exception
        forms[who] = any(f.proto.form_id.startswith("map_actor_form") for f in at.text_input)
    assert forms == {"vera": False, "erik": True}


def test_a_rename_keeps_the_brokers_numbers_and_a_tie_ended_counts_them_again(engine, monkeypatch):
    """Betweenness takes seconds on a big map: an edit that leaves every tie as it was does not redo it."""
    from graph import questions

    calls = []
    real = questions.brokers
    monkeypatch.setattr(questions, "brokers", lambda ds, *a, **k: calls.append(len(ds.actors)) or real(ds, *a, **k))
    at = start()
    at.sidebar.selectbox(key="search").select("migrationsverket").run()
    shown = [m.value for m in at.metric]
    name = store.get_row(engine, "actors", "migrationsverket")["name"]
    calls.clear()
    at.text_input(key="actor_name_migrationsverket").input(name + " Gävle")
    save(at, "map_actor_form")
    assert not at.exception, at.exception
    assert calls == [] and [m.value for m in at.metric] == shown
    assert (name + " Gävle") in [s.value for s in at.subheader]
    tie = store.load_dataset(engine).collaborations
    tie = tie[(tie["source"] == "migrationsverket") | (tie["target"] == "migrationsverket")].iloc[0]
    store.apply_changes(engine, [{"op": "update", "table": "collaborations", "id": tie["id"], "version": 1,
                                  "set": {"status": "ended"}}], author="Bo", message="ended")
    at.run()
    assert not at.exception, at.exception
    assert calls, "a tie that ended changes the brokers: they are counted again"


@pytest.mark.parametrize("page", ["explore", "paths", "brokers", "communities", "themes", "suggestions", "export",
                                  "data", "history"])
def test_an_empty_map_leaves_every_page_calm(tmp_path, monkeypatch, page):
    """A map with no actors (e.g. its first import undone) gives every page an empty answer, never a traceback
    (before: Brokers showed networkx's error, Suggestions a division by zero)."""
    from graph.io import read_dataset, write_tables

    shipped = read_dataset(ROOT / "data")
    write_tables(shipped.replace(actors=shipped.actors.iloc[:0], collaborations=shipped.collaborations.iloc[:0]),
                 tmp_path)
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    store.first_start(url, tmp_path).dispose()
    monkeypatch.setenv("GRAPH_DB", url)
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.switch_page(f"views/{page}.py").run()
    assert not at.exception, at.exception


def test_the_actor_form_offers_countries_by_name_and_stores_the_code(engine):
    at = start("edit", lang="sv")
    at.selectbox(key="edit_actor_pick").select("migrationsverket").run()
    box = at.selectbox(key="actor_country_migrationsverket")
    assert "Sverige" in box.options and "Norge" in box.options and "SE" not in box.options  # names, not codes
    box.select("NO")
    save(at, "actor_form")
    assert not at.exception
    assert store.get_row(engine, "actors", "migrationsverket")["country"] == "NO"


def test_the_name_is_asked_for_and_kept_while_the_past_is_shown(engine):
    """A new session's name field is empty (not the computer's account, which names nobody), and the name given
    is still the author of a save after looking at the map as it was (a run that shows no name field)."""
    fresh = AppTest.from_file(APP, default_timeout=120).run()
    assert fresh.sidebar.text_input(key="author").value == ""
    store.apply_changes(engine, [{"op": "update", "table": "actors", "id": "migrationsverket", "version": 1,
                                  "set": {"name": "MV"}}], author="Bo", message="shorter")
    at = start("history")
    at.selectbox(key="history_pick").select(1).run()
    at.button(key="history_show_at").click().run()
    assert not [w for w in at.sidebar.text_input if w.key == "author"]  # the past: no edits, no name field
    at.button(key="back_to_now").click().run()
    at.switch_page("views/edit.py").run()
    at.selectbox(key="edit_actor_pick").select("arbetsformedlingen").run()
    at.text_input(key="actor_name_arbetsformedlingen").input("AF")
    save(at, "actor_form")
    assert not at.exception
    assert store.history(engine)[0]["author"] == "Anna"


def test_a_suggestion_accepted_without_a_name_asks_for_it_and_writes_nothing(engine):
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.sidebar.selectbox(key="lang").select("en").run()
    at.switch_page("views/suggestions.py").run()
    before = store.latest_revision(engine)
    at.selectbox(key="links_accept_choice").select_index(0).run()
    at.button(key="links_accept").click().run()
    assert not at.exception
    assert "Give your name in the sidebar first" in texts(at)
    assert store.latest_revision(engine) == before  # nothing was signed "?"


def test_the_history_marks_changed_words_line_by_line():
    from views.history import _marked

    assert _marked([("Ny rad", False), ("\n\n", False), ("andra\n\nstycket", True)]) == (
        "Ny rad  \n  \n**andra**  \n  \n**stycket**")
