"""The quick path of :func:`graph.io.tables.parse_table` (pyarrow) gives what the careful path gives, or falls back."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import graph.io.tables as tables
from graph.io.tables import parse_table
from graph.model import DataError

piece = st.sampled_from(["a", "Å", "ä", "ö", "ø", "007", " ", "  x ", "'", "'=1", "=1+1", "+4", "-x", "@A",
                         '"', '"q"', "", "x y", "\t", ";", ",", "|", "namn", "id"])
cell = st.lists(piece, max_size=3).map("".join)


@st.composite
def csv_texts(draw) -> str:
    delim = draw(st.sampled_from([",", ";", "\t", "|"]))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    header = draw(st.sampled_from([["id", "name"], ["id", "namn", "kind"], ["source", "target"],
                                   ["Från", "Till", "evidence"], ["id"], ["id", "id"], ["id", ""]]))
    width = len(header)
    lines = [delim.join(header)]
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["row", "row", "row", "blank", "short", "long", "spaces"]))
        n = {"row": width, "short": max(width - 1, 0), "long": width + 1, "blank": 0, "spaces": 0}[kind]
        cells = [draw(cell) for _ in range(n)]
        lines.append("   " if kind == "spaces" else delim.join(cells))
    text = newline.join(lines) + draw(st.sampled_from(["", newline]))
    return draw(st.sampled_from([text, text, text, "", delim.join(header), delim.join(header) + newline]))


def _both(text: str, name: str):
    outcomes = []
    for quick in (True, False):
        try:
            outcomes.append(parse_table(text, "t.csv", name, quick=quick))
        except DataError as e:
            outcomes.append(str(e))
    return outcomes


@settings(max_examples=400, deadline=None)
@given(text=csv_texts(), name=st.sampled_from(["actors", "collaborations"]))
def test_quick_path_reads_as_the_careful_path(text: str, name: str) -> None:
    quick, careful = _both(text, name)
    if isinstance(careful, str) or isinstance(quick, str):
        assert quick == careful
        return
    pd.testing.assert_frame_equal(quick[0], careful[0])
    assert [str(p) for p in quick[1]] == [str(p) for p in careful[1]]
    assert quick[1] == careful[1]


def test_quick_path_is_taken_for_a_plain_table(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("parse_rows called")

    monkeypatch.setattr(tables, "parse_rows", refuse)
    table, problems = parse_table("id;namn\n007; Ålö \n\n009;'=1\n", "actors.csv", "actors")
    assert table.index.tolist() == [2, 4] and table["name"].tolist() == ["Ålö", "=1"] and problems == []


def test_whitespace_is_every_character_str_strip_takes_off() -> None:
    import sys

    from graph.io.fastcsv import WHITESPACE

    assert sorted(WHITESPACE) == [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]


@pytest.mark.parametrize("quick", [True, False])
def test_cells_stay_in_pyarrow_on_both_paths(quick: bool) -> None:
    table, _ = parse_table("id;namn\n007; 'Ålö \n009;'=1\n", "actors.csv", "actors", quick=quick)
    assert all(str(table[c].dtype) == "str" and table[c].dtype.storage == "pyarrow" for c in table.columns)
    assert table["name"].tolist() == ["'Ålö", "=1"]
