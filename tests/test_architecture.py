"""House rules that tests enforce: the library stays free of the UI, the README stays true."""

from __future__ import annotations

import ast

from graph.cli import build_parser
from tests.support import ROOT


def imported_modules(path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_graph_never_imports_streamlit():
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "graph").rglob("*.py") if "streamlit" in imported_modules(p)]
    assert offenders == []


def test_graph_never_writes_pyvis_pages_to_disk():
    for path in (ROOT / "graph").rglob("*.py"):
        text = path.read_text("utf-8")
        assert ".show(" not in text and ".write_html(" not in text, path


def test_every_cli_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text("utf-8")
    commands = build_parser()._subparsers._group_actions[0].choices
    missing = [name for name in commands if f"python -m graph {name}" not in readme]
    assert missing == []


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / "README.md").read_text("utf-8")
    assert "make test" in (ROOT / ".ci" / "run").read_text("utf-8")


def test_requirements_are_pinned():
    lines = [line.strip() for line in (ROOT / "requirements.txt").read_text().splitlines()]
    packages = [line for line in lines if line and not line.startswith("#")]
    assert packages and all("==" in line for line in packages)
