"""Real servers for the tests (a pytest plugin of tests/conftest.py): a PostgreSQL server and a Dask cluster.

PostgreSQL: `ENFORCER_TEST_PG_URL` when set (`make test` starts one with
`scripts/postgres`), else this session starts one with `scripts/postgres` in
a temporary directory and stops it at the end. Each test gets a database of
its own. Dask: a real `dask scheduler` and two `dask worker` processes on
loopback ports. Under CI=true a missing server fails the tests that need it.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import ROOT, free_port, need

PYTHON_BIN = Path(sys.executable).parent


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The URL of a PostgreSQL server (its maintenance database)."""
    configured = os.environ.get("ENFORCER_TEST_PG_URL", "").strip()
    if configured:
        yield configured
        return
    # not under pytest's temporary folders: the server runs as the `postgres` user when the
    # tests run as root, and must be able to reach its directory
    state = Path(tempfile.mkdtemp(prefix="enforcer-pg-"))
    started = subprocess.run(
        [str(ROOT / "scripts" / "postgres"), "start", str(state)], capture_output=True, text=True, timeout=600
    )
    need(started.returncode == 0, f"no PostgreSQL server (scripts/postgres start: {started.stderr.strip()[-300:]})")
    try:
        yield started.stdout.strip()
    finally:
        subprocess.run([str(ROOT / "scripts" / "postgres"), "stop", str(state)], capture_output=True, timeout=120)


def _admin(url: str, statement: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(statement)


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test (dropped afterwards)."""
    from sqlalchemy.engine import make_url

    name = f"inv_{uuid.uuid4().hex[:12]}"
    _admin(pg_server, f'CREATE DATABASE "{name}"')
    url = make_url(pg_server).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        _admin(pg_server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new store on each backend: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "inventory.db")
    url: str = request.getfixturevalue("pg_url")
    return url


# -- Dask -------------------------------------------------------------------------------------


@dataclass
class DaskCluster:
    """A real scheduler and workers, each a process of its own."""

    address: str
    scheduler: subprocess.Popen[bytes]
    workers: list[subprocess.Popen[bytes]] = field(default_factory=list)
    logs: Path | None = None

    def worker_pids(self) -> list[int]:
        """The pids of the worker processes still running."""
        return [worker.pid for worker in self.workers if worker.poll() is None]

    def kill_worker(self, number: int = 0) -> None:
        os.kill(self.workers[number].pid, signal.SIGKILL)
        self.workers[number].wait(timeout=30)

    def lose_every_worker(self) -> None:
        """Kill every worker and wait until the scheduler knows it has none."""
        from distributed import Client

        for number in range(len(self.workers)):
            if self.workers[number].poll() is None:
                self.kill_worker(number)
        with Client(self.address, timeout=10, set_as_default=False) as client:
            while client.scheduler_info()["workers"]:
                time.sleep(0.1)

    def stop(self) -> None:
        for process in [*self.workers, self.scheduler]:
            if process.poll() is None:
                process.terminate()
        for process in [*self.workers, self.scheduler]:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


def _dask_binary() -> str | None:
    local = PYTHON_BIN / "dask"
    if local.exists():
        return str(local)
    return shutil.which("dask")


def _spawn(command: list[str], log: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    with log.open("wb") as stream:
        return subprocess.Popen(command, stdout=stream, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env)


def start_dask(logs: Path, workers: int = 2) -> DaskCluster:
    """A scheduler and `workers` single-threaded workers (no nanny: a killed worker stays dead)."""
    binary = _dask_binary()
    need(binary is not None, "the dask command is not installed (pip install 'sbom-ban-enforcer[inventory]')")
    assert binary is not None
    logs.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False", "PYTHONPATH": str(ROOT)}
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    scheduler_command = [binary, "scheduler", "--host", "127.0.0.1", "--port", str(port)]
    scheduler = _spawn(
        [*scheduler_command, "--dashboard-address", "127.0.0.1:0", "--no-show"], logs / "scheduler.log", env
    )
    cluster = DaskCluster(address, scheduler, logs=logs)
    for number in range(workers):
        worker_command = [binary, "worker", address, "--nthreads", "1", "--no-nanny", "--host", "127.0.0.1"]
        worker_command += ["--dashboard-address", "127.0.0.1:0", "--name", f"w{number}", "--death-timeout", "60"]
        cluster.workers.append(_spawn(worker_command, logs / f"worker{number}.log", env))
    from distributed import Client

    deadline = time.monotonic() + 90
    try:
        while time.monotonic() < deadline:
            if scheduler.poll() is not None:
                break
            try:
                with Client(address, timeout=5, set_as_default=False) as client:
                    client.wait_for_workers(workers, timeout=max(1.0, deadline - time.monotonic()))
                    return cluster
            except (OSError, TimeoutError):
                time.sleep(0.5)
    except BaseException:
        cluster.stop()
        raise
    cluster.stop()
    text = (logs / "scheduler.log").read_text(errors="replace")[-600:]
    pytest.fail(f"the Dask cluster did not come up: {text}")


@pytest.fixture(scope="module")
def dask_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DaskCluster]:
    cluster = start_dask(tmp_path_factory.mktemp("dask"))
    yield cluster
    cluster.stop()
