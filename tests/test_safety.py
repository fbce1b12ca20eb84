"""Issue 12: what is dangerous is refused — XML entity attacks, resource exhaustion, non-regular files,
contact data in exports, outputs over inputs, formula cells in every CSV we print or write."""

from __future__ import annotations

import io
import os
import signal
import stat
import zipfile
from pathlib import Path

import pytest

from graph.cli import main
from graph.export import check_target, export_dataset, generate_export
from graph.io import read_dataset, write_xlsx
from graph.io.limits import MAX_COLUMNS, MAX_DEPTH
from graph.model import DataError, Dataset, validate
from tests.hostile import write_xlsx_bomb
from tests.support import ROOT, write


def refusal(source) -> str:
    with pytest.raises(DataError) as caught:
        read_dataset(source)
    return "\n".join(str(p) for p in caught.value.problems)


@pytest.fixture
def deadline():
    """Fail instead of hanging: what used to block (a FIFO) or run for minutes must answer within 20 s."""
    def expire(*_):
        raise TimeoutError("took longer than 20 s")

    old = signal.signal(signal.SIGALRM, expire)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


# --- XML ------------------------------------------------------------------------------

LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol "lol">' + "".join(
    f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)) + "]>")
QUADRATIC = '<!DOCTYPE q [<!ENTITY a "' + "A" * 50_000 + '">]>'
XXE = '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
BODIES = {
    ".gexf": '<gexf><graph><nodes><node id="a" label="{ref}"/></nodes></graph></gexf>',
    ".graphml": '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="l" for="node" attr.name="label"/>'
                '<graph edgedefault="undirected"><node id="a"><data key="l">{ref}</data></node></graph></graphml>',
}
ATTACKS = {"billion laughs": (LAUGHS, "&lol9;"), "quadratic blow-up": (QUADRATIC, "&a;" * 5000),
           "external entity (XXE)": (XXE, "&xxe;")}


@pytest.mark.parametrize("suffix", sorted(BODIES))
@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_xml_entity_attacks_are_refused(suffix, attack, deadline):
    doctype, ref = ATTACKS[attack]
    data = ('<?xml version="1.0"?>' + doctype + BODIES[suffix].format(ref=ref)).encode()
    message = refusal((data, f"attack{suffix}"))
    assert "declares XML entities or external references, which are never read" in message
    assert "root:" not in message and "lollol" not in message


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_xml_entity_attacks_in_a_workbook_are_refused(tmp_path, attack, deadline):
    import openpyxl.xml

    assert openpyxl.xml.DEFUSEDXML  # openpyxl parses through defusedxml because it is installed
    good = tmp_path / "good.xlsx"
    write_xlsx(Dataset.from_records(actors=[{"id": "a", "name": "x"}]), good)
    doctype, ref = ATTACKS[attack]
    buffer = io.BytesIO()
    injected = False
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(buffer, "w") as out:
        for info in src.infolist():
            data = src.read(info)
            if b"<t>x</t>" in data:  # the sheet or its shared strings, whichever holds the name
                data = doctype.encode() + data.replace(b"<t>x</t>", f"<t>{ref}</t>".encode(), 1)
                assert ref.encode() in data
                injected = True
            out.writestr(info, data)
    assert injected
    message = refusal((buffer.getvalue(), "attack.xlsx"))
    assert "attack.xlsx: is not a readable .xlsx workbook" in message and "root:" not in message


@pytest.mark.parametrize("suffix, data", [
    (".gexf", "<gexf><graph>" + "<nodes><node id='x'>" * (MAX_DEPTH + 5) + "</node></nodes>" * (MAX_DEPTH + 5)
     + "</graph></gexf>"),
    (".graphml", "<graphml><graph>" + "<a>" * 100_000 + "</a>" * 100_000 + "</graph></graphml>"),
    (".json", "[" * 100_000 + "]" * 100_000),
    (".json", '{"nodes": [' + '{"a": ' * (MAX_DEPTH + 5) + "1" + "}" * (MAX_DEPTH + 5) + "]}"),
])
def test_nesting_is_bounded(suffix, data, deadline):
    assert f"nests deeper than {MAX_DEPTH} levels" in refusal((data.encode(), f"deep{suffix}"))


# --- size, columns, rows, cells ----------------------------------------------------------

def test_a_file_with_100000_columns_is_refused_before_it_is_parsed(deadline):
    wide = ",".join(f"c{i}" for i in range(100_000)) + "\n" + ",".join("1" for _ in range(100_000)) + "\n"
    assert refusal((wide.encode(), "wide.csv")) == f"wide.csv: has 100,000 columns; at most {MAX_COLUMNS:,} are read"


def test_a_wide_table_in_a_folder_is_refused(tmp_path, deadline):
    write(tmp_path / "d" / "actors.csv", ";".join(f"c{i}" for i in range(5000)) + "\n")
    assert "has 5,000 columns" in refusal(tmp_path / "d")


def test_too_many_rows_is_one_sentence(monkeypatch):
    monkeypatch.setattr("graph.io.limits.MAX_ROWS", 5)
    text = "source,target\n" + "".join(f"a{i},b{i}\n" for i in range(10))
    assert refusal((text.encode(), "t.csv")) == "t.csv: has more than 5 rows; at most 5 are read"


def test_too_big_a_file_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr("graph.io.limits.MAX_BYTES", 100)
    big = write(tmp_path / "big.csv", "source,target\n" + "a,b\n" * 100)
    assert refusal(big) == f"{big}: is 414 bytes; at most 100 are read"
    assert refusal((big.read_bytes(), "up.csv")) == "up.csv: is 414 bytes; at most 100 are read"


def bomb(rows: int = 6_000_000) -> bytes:
    """A workbook whose one sheet repeats a row: a few hundred kilobytes that inflate to hundreds of megabytes."""
    out = io.BytesIO()
    write_xlsx_bomb(out, rows)
    return out.getvalue()


def test_an_xlsx_zip_bomb_is_refused_before_it_is_read(deadline):
    data = bomb()
    assert len(data) < 1_000_000
    message = refusal((data, "bomb.xlsx"))
    assert message.startswith("bomb.xlsx: unpacks to ") and "a zip bomb?" in message


def test_a_sheet_with_too_many_rows_is_counted_before_it_is_read(monkeypatch, deadline):
    monkeypatch.setattr("graph.io.excel.MAX_SHEET_ROWS", 1000)
    assert refusal((bomb(5000), "rows.xlsx")) == "rows.xlsx [sheet1]: has more than 1,000 rows; at most 1,000 are read"


# --- non-regular files --------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_devices_are_never_read(path, deadline):
    assert refusal(path) == f"{path}: is a device or pipe, not a file: only regular files and folders are read"


def test_a_fifo_is_refused_without_blocking(tmp_path, deadline):
    fifo = tmp_path / "net.csv"
    os.mkfifo(fifo)
    assert "is a device or pipe, not a file" in refusal(fifo)
    (tmp_path / "d").mkdir()
    os.mkfifo(tmp_path / "d" / "actors.csv")
    assert "is a device or pipe, not a file" in refusal(tmp_path / "d")


def test_cli_on_dev_zero_is_one_sentence(capsys, deadline):
    assert main(["stats", "/dev/zero"]) == 1
    assert capsys.readouterr().err.strip() == ("/dev/zero: is a device or pipe, not a file: only regular files and "
                                               "folders are read")


# --- messages are capped ------------------------------------------------------------------

def test_validate_caps_its_messages(tmp_path, capsys):
    write(tmp_path / "d" / "actors.csv", "id\na\n")
    write(tmp_path / "d" / "collaborations.csv", "source,target\n" + "a,ghost\n" * 3000)
    assert main(["validate", str(tmp_path / "d")]) == 1
    lines = capsys.readouterr().err.strip().split("\n")
    assert len(lines) == 21 and lines[-1] == f"{tmp_path / 'd' / 'collaborations.csv'}: … and 2,980 more like this"


# --- contacts ----------------------------------------------------------------------------

CONTACT_NAMES = ["E-postadress", "Telefonnummer", "Mobilnummer", "Email Address", "Phone number", "Tel", "Kontakt",
                 "e_post", "Mobil", "kontaktperson", "Telefon", "tlf", "epost", "Mejl", "Contact person"]


def contact_dataset() -> Dataset:
    actors = [{"id": "a", "name": "Åmål", "notes": "anna@amal.se", "reach": "070-123 45 67",
               "population": "9876498", **{c: f"x{i}" for i, c in enumerate(CONTACT_NAMES)}},
              {"id": "b", "name": "Säffle", "notes": "bo@saffle.se", "reach": "+47 22 33 44 55",
               "population": "15000"}]
    return Dataset.from_records(actors=actors, collaborations=[{"source": "a", "target": "b",
                                                                "Kontaktperson": "Anna Andersson"}])


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "kumu", "json", "gexf", "graphml"])
def test_contact_columns_by_name_and_content_are_left_out(fmt):
    files = generate_export(contact_dataset(), fmt)
    back = read_dataset(list(files.items()) if fmt == "csv" else (next(iter(files.values())), f"x.{fmt}"
                                                                  if fmt != "kumu" else "x.xlsx"))
    columns = set(back.actors.columns) | set(back.collaborations.columns)
    assert not columns & {*CONTACT_NAMES, "notes", "reach", "Kontaktperson"}, columns & set(CONTACT_NAMES)
    assert "population" in columns
    blob = b"".join(files.values())
    if fmt in ("csv", "json", "gexf", "graphml"):
        assert b"anna@amal.se" not in blob and b"070-123" not in blob and b"Anna Andersson" not in blob


def test_contacts_stay_when_asked():
    files = generate_export(contact_dataset(), "json", with_contacts=True)
    assert b"anna@amal.se" in files["network.json"] and b"Telefonnummer" in files["network.json"]


# --- outputs -----------------------------------------------------------------------------

def copy_of_data(tmp_path: Path) -> Path:
    import shutil

    shutil.copytree(ROOT / "data", tmp_path / "d")
    return tmp_path / "d"


@pytest.mark.parametrize("out, fmt", [("actors.csv", "json"), ("actors.csv", "xlsx"), ("sub/net.gexf", "gexf"),
                                      (".", "csv"), ("new", "csv")])
def test_export_never_writes_inside_its_input_folder_even_with_force(tmp_path, capsys, out, fmt):
    data = copy_of_data(tmp_path)
    before = {p.name: p.read_bytes() for p in data.iterdir()}
    code = main(["export", str(data), "-o", str(data / out), "--format", fmt, "--force"])
    assert code == 1 and "choose an output outside it" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in data.iterdir()} == before


def test_export_never_writes_over_an_input_file(tmp_path):
    ds = read_dataset(write(tmp_path / "net.json", '{"nodes": [{"id": "a"}], "links": []}'))
    with pytest.raises(ValueError, match="is the input itself"):
        export_dataset(ds, tmp_path / "net.json", "json", inputs=[tmp_path / "net.json"])
    os.link(tmp_path / "net.json", tmp_path / "alias.json")  # a hard link is the same file
    with pytest.raises(ValueError, match="is the input itself"):
        check_target(tmp_path / "alias.json", "json", inputs=[tmp_path / "net.json"])


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_a_fifo_or_device_at_the_output_is_never_replaced(tmp_path, capsys, force, deadline):
    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    code = main(["export", str(ROOT / "data"), "-o", str(fifo), "--format", "json", *force])
    assert code == 1 and "is not a regular file" in capsys.readouterr().err and stat.S_ISFIFO(fifo.stat().st_mode)
    code = main(["export", str(ROOT / "data"), "-o", "/dev/null", "--format", "json", *force])
    assert code == 1 and "is not a regular file" in capsys.readouterr().err


@pytest.mark.parametrize("mask, mode", [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600), (0o002, 0o664)])
@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_exports_get_the_umask_mode(tmp_path, mask, mode, fmt):
    old = os.umask(mask)
    try:
        paths = export_dataset(read_dataset(ROOT / "data"), tmp_path / ("out" if fmt == "csv" else "o.json"), fmt)
    finally:
        os.umask(old)
    assert {stat.S_IMODE(p.stat().st_mode) for p in paths} == {mode}


def test_replacing_a_file_keeps_its_mode(tmp_path):
    target = write(tmp_path / "o.json", "{}")
    target.chmod(0o640)
    export_dataset(read_dataset(ROOT / "data"), target, "json")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640 and target.read_text() != "{}"


# --- formula-safe CSV everywhere ------------------------------------------------------------

def hostile_folder(tmp_path: Path) -> Path:
    write(tmp_path / "h" / "actors.csv", "id,name\n=cmd,=HYPERLINK(1)\n+b,@B\n-c,C\nd,D\n")
    write(tmp_path / "h" / "collaborations.csv", "source,target\n=cmd,+b\n+b,-c\n-c,d\n")
    return tmp_path / "h"


def test_links_csv_never_starts_a_cell_with_a_formula_sign(tmp_path, capsys):
    import csv

    assert main(["links", str(hostile_folder(tmp_path)), "--method", "cn", "--top", "5"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == ["source", "target", "score", "reason"] and len(rows) > 1
    for row in rows[1:]:
        for cell in row[:2] + row[3:]:
            assert not cell.startswith(("=", "+", "-", "@")), row


def test_stats_csv_never_starts_a_cell_with_a_formula_sign(tmp_path, capsys):
    import csv

    assert main(["stats", str(hostile_folder(tmp_path)), "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0][:3] == ["rank", "id", "name"] and len(rows) > 1
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row), rows


def test_validation_warns_about_formula_cells_and_the_csv_export_escapes_them(tmp_path):
    ds = read_dataset(hostile_folder(tmp_path))
    assert any(p.code == "formula" for p in validate(ds))
    files = generate_export(ds, "csv")
    assert b"'=HYPERLINK(1)" in files["actors.csv"] and b"'+b" in files["collaborations.csv"]


def test_the_app_listens_on_this_machine_only_and_asks_no_outside_service(tmp_path):
    """Started as `make run` starts it, the server is reachable on localhost only (nobody on the network edits
    the map unless it is shared on purpose) and does not look up the machine's public address outside."""
    import socket
    import subprocess
    import sys
    import time

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    env.pop("STREAMLIT_SERVER_ADDRESS", None)
    log = tmp_path / "server.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
                                 "--", "--db", f"sqlite:///{tmp_path / 'map.db'}"],
                                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while "URL:" not in log.read_text() and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.2)
        time.sleep(1)
        printed = log.read_text()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert f"URL: http://localhost:{port}" in printed, printed
    assert "Network URL" not in printed and "External URL" not in printed and "external IP" not in printed
