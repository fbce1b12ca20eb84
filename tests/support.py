"""Paths and small helpers shared by the tests (import this, not conftest: tests/browser has its own)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = SHARED / "fixtures" / "real"


def write(path: Path, data: str | bytes, encoding: str = "utf-8") -> Path:
    """Write ``data`` (text in ``encoding``, or bytes) to ``path`` and return it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return path


def shipped_counts() -> dict[str, int]:
    """Counts of the shipped dataset, so tests of the app follow the data rather than hard-code it."""
    from graph import read_dataset

    ds = read_dataset(ROOT / "data")
    ties = ds.collaborations
    return {
        "actors": len(ds.actors),
        "ties": len(ties),
        "municipalities": int((ds.actors["type"] == "municipality").sum()),
        "recommended": int((ties["status"] == "recommended").sum()),
    }


SHIPPED = shipped_counts()


def map_payload(at, key: str = "graph", *, whole: bool = True) -> dict:
    """What the page hands its map component ``key`` in the last run, as the browser reads it.

    The drawing is left out when the page holds it already; with ``whole`` the test asks for it as a page
    whose map was made anew does (the component's ``want`` state) and reads the run that sends it.
    """
    import json

    def payload() -> dict:
        element = next(e for e in at.main.get("bidi_component") if e.proto.id.endswith(f"-{key}"))
        return json.loads(element.proto.json)

    found = payload()
    if whole and found["graph"] is None:
        at.session_state[key] = {"selected": None, "want": found["sig"]}
        at.run()
        found = payload()
        assert found["graph"] is not None, "the page asked for the drawing and was not sent it"
    return found
