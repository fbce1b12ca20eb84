"""Fixtures for browser tests: a Streamlit server on a free port and Chromium.

The server runs ``tests/browser/harness_app.py``; the browser is Debian's
Chromium (``/usr/bin/chromium``) driven by Playwright. Tests are skipped,
with the reason, only when that browser is missing.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[2]
HARNESS = Path(__file__).with_name("harness_app.py")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives a real headless Chromium")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url: str, proc: subprocess.Popen, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited early with code {proc.returncode}")
        try:
            with urllib.request.urlopen(url + "_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"streamlit did not answer on {url} within {timeout} s")


def serve(script: Path, log: Path, *args: str) -> Iterator[str]:
    """Run ``streamlit run script -- args`` on a free port; yield its base URL; stop it afterwards."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium package")
    port = _free_port()
    env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(script),
        "--server.headless", "true", "--server.port", str(port), "--server.address", "127.0.0.1",
        "--server.fileWatcherType", "none", "--global.developmentMode", "false",
    ]
    if args:
        cmd += ["--", *args]
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait_until_up(url, proc)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="session")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Start the harness app and yield its base URL (``http://127.0.0.1:PORT/``)."""
    yield from serve(HARNESS, tmp_path_factory.mktemp("streamlit") / "server.log")


@pytest.fixture(scope="session")
def explorer_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real app (``app.py``) on the shipped dataset."""
    yield from serve(ROOT / "app.py", tmp_path_factory.mktemp("explorer") / "server.log")


HOSTILE = ("<img src=x onerror=alert(1)>", '"><script>alert(2)</script>', "<a href=javascript:alert(3)>x</a>",
           "<svg onload=alert(4)>", "=cmd|' /C calc'!A0")


@pytest.fixture(scope="session")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real app on a dataset whose every text field holds a script payload."""
    folder = tmp_path_factory.mktemp("hostile")
    rows = ["id,name,type,sector,region,municipality,aliases,description"]
    for i in range(8):
        p = HOSTILE[i % len(HOSTILE)].replace('"', '""')
        rows.append(f'x{i},"{p} {i}",association,civil_society,"{p}","{p}","{p}","{p} href"')
    (folder / "actors.csv").write_text("\n".join(rows) + "\n", "utf-8")
    ties = ["source,target,kind,status,evidence,document"]
    for i in range(8):
        p = HOSTILE[i % len(HOSTILE)].replace('"', '""')
        ties.append(f'x{i},x{(i + 1) % 8},partnership,existing,"{p} href=x","{p}"')
    (folder / "collaborations.csv").write_text("\n".join(ties) + "\n", "utf-8")
    yield from serve(ROOT / "app.py", folder / "server.log", "--data", str(folder))


@pytest.fixture(scope="session")
def browser(app_url: str) -> Iterator[object]:
    """A Playwright Chromium browser (Debian's binary)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh page that records every request URL in ``page.requested``."""
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    pg = context.new_page()
    pg.requested = []
    pg.on("request", lambda req: pg.requested.append(req.url))
    try:
        yield pg
    finally:
        context.close()


# The harness is a Streamlit script, not a test module: never import it while
# collecting (the project runs pytest with --doctest-modules).
collect_ignore = ["harness_app.py"]
