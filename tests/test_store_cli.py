"""python -m graph import|get|apply|history|undo|user: exit codes, one sentence per problem, nothing half-written."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from graph import store
from graph.cli import main
from tests.support import ROOT, SHIPPED


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "graph", *args], cwd=ROOT, capture_output=True, text=True,
                          input=stdin, timeout=300)


@pytest.fixture
def url(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'map.db'}"
    assert main(["import", str(ROOT / "data"), "--db", url, "--author", "Ann"]) == 0
    capsys.readouterr()
    return url


def test_import_prints_what_it_did_and_a_second_import_changes_nothing(url, capsys):
    assert main(["import", str(ROOT / "data"), "--db", url]) == 0
    out = capsys.readouterr().out
    assert f"actors          0 added, 0 changed, {SHIPPED['actors']} left alone" in out
    assert "nothing to change: no new revision" in out


def test_import_of_bad_data_writes_nothing(url, tmp_path, capsys):
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "actors.csv").write_text("id,name\na,A\na,B\n", "utf-8")
    assert main(["import", str(tmp_path / "bad"), "--db", url]) == 1
    assert "duplicate id 'a'" in capsys.readouterr().err
    assert len(store.history(store.open_store(url))) == 1


def test_get_apply_conflict_history_undo(url, tmp_path, capsys):
    assert main(["get", url, "actors", "migrationsverket"]) == 0
    row = json.loads(capsys.readouterr().out)
    assert row["version"] == 1
    batch = {"author": "Bo", "message": "rename", "changes": [
        {"op": "update", "table": "actors", "id": "migrationsverket", "version": 1, "set": {"name": "MV"}}]}
    (tmp_path / "c.json").write_text(json.dumps(batch), "utf-8")
    assert main(["apply", url, str(tmp_path / "c.json")]) == 0
    assert capsys.readouterr().out.strip() == "2"
    assert main(["apply", url, str(tmp_path / "c.json")]) == 3  # the same change again: version 1 is stale
    assert "changed by Bo in revision 2" in capsys.readouterr().err
    assert main(["undo", url, "1"]) == 3
    assert main(["history", url, "--format", "json", "--limit", "1"]) == 0
    capsys.readouterr()
    assert main(["history", url, "--limit", "1"]) == 0
    assert "name 'Migrationsverket' → 'MV'" in capsys.readouterr().out
    assert main(["undo", url, "2"]) == 0
    assert main(["stats", url]) == 0


def test_an_invalid_batch_names_the_change_and_writes_nothing(url, tmp_path, capsys):
    batch = {"changes": [{"op": "add", "table": "actors", "row": {"id": "x"}},
                         {"op": "add", "table": "collaborations", "row": {"source": "x", "target": "ghost"}}]}
    (tmp_path / "c.json").write_text(json.dumps(batch), "utf-8")
    assert main(["apply", url, str(tmp_path / "c.json")]) == 1
    assert "collaborations #2, column 'target': unknown actor 'ghost'" in capsys.readouterr().err
    (tmp_path / "n.json").write_text("{not json", "utf-8")
    assert main(["apply", url, str(tmp_path / "n.json")]) == 1
    assert "not JSON" in capsys.readouterr().err
    assert len(store.history(store.open_store(url))) == 1


@pytest.mark.parametrize(("target", "says"), [
    ("sqlite:///{tmp}/garbage.db", "not an SQLite database"),
    ("sqlite:///{tmp}/foreign.db", "a database but not a map"),
    ("sqlite:///{tmp}/missing.db", "no such database file"),
    ("nonsense://x", "not a database URL"),
    ("postgresql+psycopg://nobody@127.0.0.1:9/map", "the database cannot be reached"),
])
def test_bad_databases_are_one_sentence(tmp_path, target, says):
    import sqlite3

    (tmp_path / "garbage.db").write_bytes(b"\x00garbage" * 500)
    sqlite3.connect(tmp_path / "foreign.db").execute("CREATE TABLE people (name TEXT)").connection.commit()
    result = run("history", target.format(tmp=tmp_path))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and says in lines[0] and "Traceback" not in result.stderr


def test_user_stores_a_hash_never_the_password(tmp_path):
    file = tmp_path / "users.json"
    result = run("user", str(file), "anna", "--role", "viewer", stdin="a secret phrase\n")
    assert result.returncode == 0, result.stderr
    assert "a secret phrase" not in file.read_text() and "$argon2id$" in file.read_text()
    assert run("user", str(file), "bo", stdin="short\n").returncode == 1
