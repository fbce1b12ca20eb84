"""A throwaway PostgreSQL cluster for the store tests, and helpers shared by them.

The cluster lives in a temporary folder, listens on a free local port and is
run by an unprivileged user (``initdb`` refuses root).  When PostgreSQL is not
installed the tests that need it skip — unless ``CI`` is set, then they fail.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

__all__ = ["pg_bin", "PostgresCluster", "postgres_cluster", "need_postgres"]


def pg_bin() -> Path | None:
    """The folder of Debian's PostgreSQL server programs (newest version), if installed."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    return Path(found[-1]).parent if found else None


def need_postgres(reason: str) -> None:
    """Skip (or, under CI, fail) a test that cannot have its PostgreSQL."""
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL tests must run in CI: {reason}")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresCluster:
    """A running cluster: :meth:`new_url` gives a fresh empty database on it."""

    def __init__(self, bin_dir: Path, root: Path):
        self.bin, self.root, self.port = bin_dir, root, _free_port()
        self.data, self.user = root / "data", None
        if os.geteuid() == 0:
            self.user = "nobody"
            shutil.chown(root, user=self.user)

    def _run(self, *args: str) -> None:
        command = [*(["runuser", "-u", self.user, "--"] if self.user else []), *args]
        subprocess.run(command, check=True, capture_output=True, timeout=120, cwd=self.root)

    def start(self) -> None:
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                  "--no-sync")
        options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c max_connections=60 -c shared_buffers=32MB")
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", str(self.root / "log"),
                  "-w", "start")

    def stop(self) -> None:
        with contextlib.suppress(subprocess.SubprocessError, OSError):
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")

    @property
    def admin_url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def new_url(self) -> str:
        """A new empty database's URL."""
        import psycopg

        name = "map_" + uuid.uuid4().hex[:10]
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"


@contextlib.contextmanager
def postgres_cluster() -> Iterator[PostgresCluster]:
    """Start a throwaway cluster; stop it and remove its folder afterwards."""
    bin_dir = pg_bin()
    if bin_dir is None:
        need_postgres("Debian's postgresql is not installed (make test installs it)")
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("nobody")
        except KeyError:
            need_postgres("no unprivileged user 'nobody' to run PostgreSQL as")
    root = Path(tempfile.mkdtemp(prefix="map-pg-"))
    root.chmod(0o755)
    cluster = PostgresCluster(bin_dir, root)
    try:
        cluster.start()
    except subprocess.CalledProcessError as exc:
        shutil.rmtree(root, ignore_errors=True)
        need_postgres(f"PostgreSQL did not start: {exc.stderr.decode(errors='replace')[-300:]}")
    try:
        yield cluster
    finally:
        cluster.stop()
        shutil.rmtree(root, ignore_errors=True)


def concurrent_writer(url: str, worker: int, count: int, hot: list[str], out: str, start: str = "") -> None:
    """One of several processes: ``count`` changes, half of them to the shared ``hot`` rows; outcomes to ``out``.

    Each change reads a row's version, then updates it on that version: when another
    process wrote the row in between, the store must refuse it with a Conflict.
    With ``start`` (a file path), the process says it is ready (``start.N``) and waits for
    that file, so that all writers begin together, after their start-up.
    """
    import json
    import random
    import time

    from graph import store

    engine = store.connect(url)
    store.get_row(engine, "actors", hot[0])  # warm up (imports, first connection) before the clock starts
    if start:
        Path(f"{start}.{worker}").touch()
        while not Path(start).exists():
            time.sleep(0.001)
    rng = random.Random(worker)
    outcomes = []
    for i in range(count):
        tag = f"w{worker}-{i}"
        if i % 10 == 0:
            changes = [{"op": "add", "table": "actors", "row": {"id": f"new-{tag}", "name": tag}}]
        else:
            row_id = rng.choice(hot) if i % 2 else f"own-{worker}"
            version = store.get_row(engine, "actors", row_id)["version"]
            time.sleep(rng.random() / 500)
            changes = [{"op": "update", "table": "actors", "id": row_id, "version": version,
                        "set": {"description": tag}}]
        try:
            outcomes.append({"tag": tag, "revision": store.apply_changes(engine, changes, author=f"w{worker}",
                                                                         message=tag), "at": time.time()})
        except store.Conflict as exc:
            outcomes.append({"tag": tag, "refused": exc.text("en"), "at": time.time()})
    engine.dispose()
    Path(out).write_text(json.dumps(outcomes))
