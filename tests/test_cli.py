"""The command line as a user runs it: exit codes, messages naming file and row, no tracebacks."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from graph.cli import main
from tests.support import ROOT, SHIPPED, write


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_validate_shipped_data_is_clean(capsys):
    code, out, err = run(capsys, "validate", ROOT / "data")
    assert (code, err) == (0, "") and "no problems found" in out


def test_stats_names_the_top_brokers(capsys):
    code, out, _ = run(capsys, "stats", ROOT / "data")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["actors", str(SHIPPED["actors"])]
    top = next(line for line in lines[lines.index("") + 2:] if line.strip())
    assert re.match(r"Top brokers by betweenness \(existing ties; \d+ planned", lines[lines.index("") + 1])
    assert "Steget före" in top and "(steget-fore)" in top


def test_validate_lists_every_problem_with_file_row_column(tmp_path, capsys):
    write(tmp_path / "d" / "actors.csv", "id,name,type\na,A,municipality\na,A2,wizard\n")
    write(tmp_path / "d" / "collaborations.csv", "source,target\na,ghost\n")
    code, out, err = run(capsys, "validate", tmp_path / "d")
    assert code == 1 and out == ""
    lines = err.splitlines()
    actors, ties = tmp_path / "d" / "actors.csv", tmp_path / "d" / "collaborations.csv"
    assert f"{actors}, row 3, column 'type': unknown type 'wizard'" in lines[0]
    assert f"{actors}, row 3, column 'id': duplicate id 'a' (first used in row 2)" in lines
    assert f"{ties}, row 2, column 'target': unknown actor 'ghost'" in lines


@pytest.mark.parametrize("content, name, words", [
    (b"", "empty.csv", "the file is empty"),
    (b"\x00\x01\x02PK junk" * 50, "junk.csv", "binary"),
    (b"PK\x03\x04 truncated", "broken.xlsx", "not a readable .xlsx"),
    (b"hello", "notes.docx", "unknown file type"),
])
def test_broken_files_get_one_sentence(tmp_path, capsys, content, name, words):
    code, out, err = run(capsys, "validate", write(tmp_path / name, content))
    assert code == 1 and words in err and name in err and "Traceback" not in err


def test_missing_path(capsys):
    code, _, err = run(capsys, "stats", "no/such/data")
    assert code == 1 and err.strip() == "no/such/data: no such file or folder"


def test_path_shows_evidence(capsys):
    code, out, _ = run(capsys, "path", ROOT / "data", "Framtidsbygder Dalsland Årjäng Munkedal", "Migrationsverket")
    assert code == 0 and out.startswith("Path 1")
    assert ".txt)" in out and '"' in out  # every hop quotes its evidence and names its document


def test_path_walks_existing_ties_unless_asked(capsys):
    _, out, _ = run(capsys, "path", ROOT / "data", "leader-framtidsbygder", "migrationsverket")
    assert out.startswith("Path 1 (3 steps)") and "recommended" not in out
    _, out, _ = run(capsys, "path", ROOT / "data", "leader-framtidsbygder", "migrationsverket", "--all-ties")
    assert out.startswith("Path 1 (2 steps)") and "[partnership, recommended]" in out


def test_path_with_unknown_actor(capsys):
    code, _, err = run(capsys, "path", ROOT / "data", "nobody", "Migrationsverket")
    assert code == 1 and "no actor with id, name or alias 'nobody'" in err


def test_usage_error_exit_code(capsys):
    code, _, err = run(capsys, "frobnicate")
    assert code == 2 and "invalid choice" in err


def test_module_entry_point_never_shows_a_traceback(tmp_path):
    bad = write(tmp_path / "bad.gexf", b"<gexf><graph><nodes><node id='1'>")
    result = subprocess.run([sys.executable, "-m", "graph", "validate", str(bad)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "bad.gexf" in result.stderr and "Traceback" not in result.stderr


def test_real_files_validate(fixtures, capsys):
    for name in ("arctic.gexf", "kumu-paypal-mafia.xlsx", "kumu-snap-to-tutorial.xlsx"):
        code, out, err = run(capsys, "validate", Path(fixtures) / name)
        assert code == 0, err


@pytest.mark.parametrize("fmt, name", [("csv", "tables"), ("xlsx", "d.xlsx"), ("kumu", "kumu.xlsx"),
                                       ("graphml", "d.graphml"), ("gexf", "d.gexf"), ("json", "d.json")])
def test_validate_reads_back_what_export_writes(tmp_path, capsys, fmt, name):
    code, out, err = run(capsys, "export", ROOT / "data", "-o", tmp_path / name, "--format", fmt)
    assert code == 0, err
    code, out, err = run(capsys, "validate", tmp_path / name)
    assert code == 0, err
    code, out, _ = run(capsys, "stats", tmp_path / name)
    assert out.splitlines()[0].split() == ["actors", str(SHIPPED["actors"])]


def test_export_with_filters_and_neighbourhood(tmp_path, capsys):
    code, _, err = run(capsys, "export", ROOT / "data", "-o", tmp_path / "t", "--format", "csv",
                       "--actor", "Migrationsverket", "--depth", "1")
    assert code == 0, err
    code, out, _ = run(capsys, "stats", tmp_path / "t")
    assert 2 < int(out.splitlines()[0].split()[1]) < SHIPPED["actors"]


def test_export_refuses_broken_data_and_writes_nothing(tmp_path, capsys):
    write(tmp_path / "d" / "actors.csv", "id,name\na,A\n")
    write(tmp_path / "d" / "collaborations.csv", "source,target\na,ghost\n")
    code, _, err = run(capsys, "export", tmp_path / "d", "-o", tmp_path / "out.xlsx", "--format", "xlsx")
    assert code == 1 and "unknown actor 'ghost'" in err and not (tmp_path / "out.xlsx").exists()


def test_export_picture_options(tmp_path, capsys):
    from PIL import Image

    code, _, err = run(capsys, "export", ROOT / "data", "-o", tmp_path / "m.png", "--format", "png", "--dpi", "300",
                       "--title", "Dalsland", "--color-by", "type", "--lang", "en")
    assert code == 0, err
    assert Image.open(tmp_path / "m.png").width >= 2200


def test_export_never_writes_over_its_input_or_existing_tables(tmp_path, capsys):
    import shutil

    shutil.copytree(ROOT / "data", tmp_path / "d")
    before = (tmp_path / "d" / "collaborations.csv").read_bytes()
    code, _, err = run(capsys, "export", tmp_path / "d", "-o", tmp_path / "d", "--format", "csv", "--type", "municipality")
    assert code == 1 and "is the input itself" in err
    (tmp_path / "o").mkdir()
    write(tmp_path / "o" / "actors.csv", "id\nx\n")
    code, _, err = run(capsys, "export", tmp_path / "d", "-o", tmp_path / "o", "--format", "csv")
    assert code == 1 and "--force" in err
    assert run(capsys, "export", tmp_path / "d", "-o", tmp_path / "o", "--format", "csv", "--force")[0] == 0
    assert (tmp_path / "d" / "collaborations.csv").read_bytes() == before


@pytest.mark.parametrize("args, words", [
    (["path", "DATA", "migrationsverket", "Migrationsverket"], "same actor"),
    (["export", "DATA", "-o", "OUT/x.png", "--format", "png", "--dpi", "0"], "outside 10–1200"),
    (["stats", "DATA", "--top", "-1"], "outside 1–10000"),
    (["export", "DATA", "-o", "/proc/no/x.png", "--format", "png"], "cannot write"),
])
def test_bad_arguments_are_one_sentence(tmp_path, capsys, args, words):
    args = [str(ROOT / "data") if a == "DATA" else a.replace("OUT", str(tmp_path)) for a in args]
    code, _, err = run(capsys, *args)
    assert code in (1, 2) and words in err and "Traceback" not in err
