"""The Paths page through Streamlit's AppTest: a found path is shown on the map of its view."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from graph import read_dataset
from graph.analysis import shortest_paths
from graph.build import filter_dataset, to_multigraph
from tests.support import ROOT, map_payload

APP = str(ROOT / "app.py")


def path_map(at: AppTest) -> dict:
    """What the Paths page hands the map component: the drawing and the path to show on it."""
    payload = map_payload(at, "path_map")
    return {"graph": json.loads(payload["graph"]), "path": [tuple(step) for step in payload["path"]]}


def existing_paths(a: str, b: str) -> list[list[tuple[str, str]]]:
    """The shortest paths over existing ties, computed here from the shipped data, as steps."""
    G = to_multigraph(filter_dataset(read_dataset(ROOT / "data"), statuses=("existing",)))
    return [[(hop["from"], hop["to"]) for hop in path] for path in shortest_paths(G, a, b)]


@pytest.fixture
def paths_page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("views/paths.py").run()
    return at


def test_the_path_is_shown_on_the_map_of_its_view(paths_page):
    at = paths_page
    at.selectbox(key="path_from").select("leader-framtidsbygder").run()
    at.selectbox(key="path_to").select("migrationsverket").run()
    assert not at.exception
    shown = path_map(at)
    (steps,) = existing_paths("leader-framtidsbygder", "migrationsverket")
    assert shown["path"] == steps
    on_map = {n["id"] for n in shown["graph"]["nodes"]}
    on_path = {actor for step in steps for actor in step}
    assert on_path < on_map and len(on_map) > 2 * len(on_path)  # the whole view, not the path alone
    drawn = {(e["from"], e["to"]) for e in shown["graph"]["edges"]}
    assert all(step in drawn or step[::-1] in drawn for step in steps)


def test_one_of_several_paths_can_be_chosen(paths_page):
    at = paths_page
    at.selectbox(key="path_from").select("asylmottak-flora").run()
    at.selectbox(key="path_to").select("friviljugheita-flora").run()
    assert not at.exception
    paths = existing_paths("asylmottak-flora", "friviljugheita-flora")
    assert len(paths) == 2
    assert path_map(at)["path"] == paths[0] + paths[1]  # all of them at first
    at.segmented_control(key="path_shown").set_value(2).run()
    assert not at.exception
    assert path_map(at)["path"] == paths[1]
    at.segmented_control(key="path_shown").set_value("all").run()
    assert path_map(at)["path"] == paths[0] + paths[1]
