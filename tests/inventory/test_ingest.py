"""Reading in parallel: N local processes and a real Dask cluster give the same store as one process.

A reader that dies (a worker killed with SIGKILL in the middle of a run)
loses no file: its files are read again elsewhere, or reported.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import signal
import time
from pathlib import Path
from typing import Any

import msgspec
import pytest
import sqlalchemy as sa

from enforcer.inventory import Inventory, InventoryError
from enforcer.inventory import _schema as schema
from fixtures.portfolio import write_files
from tests._servers import DaskCluster, start_dask
from tests.conftest import FIXTURES, SHARED

#: columns that differ between two stores of the same SBOMs by nature
_VOLATILE = {"added_at"}


def dump(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, ordered, without the times of adding."""
    inventory = Inventory(url)
    engine = inventory._engine
    tables: dict[str, list[tuple[Any, ...]]] = {}
    with engine.connect() as connection:
        for table in schema.metadata.sorted_tables:
            if table.name.startswith("match_") or table.name == "path_cache":  # caches
                continue
            columns = [column for column in table.columns if column.name not in _VOLATILE]
            keys = list(table.primary_key.columns) or columns
            rows = connection.execute(sa.select(*columns).order_by(*keys)).all()
            tables[table.name] = [tuple(bytes(v) if isinstance(v, memoryview) else v for v in row) for row in rows]
    inventory.close()
    return tables


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Generated products (several releases each) and the real SBOMs, one of them broken."""
    folder = tmp_path_factory.mktemp("portfolio")
    files = [str(path) for path in write_files(60, folder)]
    real = sorted(str(path) for path in (SHARED / "sboms" / "real").rglob("*.json")) if SHARED.is_dir() else []
    fixtures = sorted(str(path) for path in (FIXTURES / "sboms").rglob("*.json"))
    return files + real + fixtures


@pytest.fixture(scope="module")
def local_store(tmp_path_factory: pytest.TempPathFactory, corpus: list[str]) -> tuple[str, Any]:
    url = str(tmp_path_factory.mktemp("local") / "inventory.db")
    with Inventory(url) as inventory:
        result = inventory.add(corpus)
    return url, result


def test_two_processes_give_the_same_store(tmp_path: Path, corpus: list[str], local_store: tuple[str, Any]) -> None:
    url, expected = local_store
    other = str(tmp_path / "jobs.db")
    with Inventory(other) as inventory:
        result = inventory.add(corpus, jobs=2)
    assert result.added == expected.added
    assert result.failures == expected.failures
    assert dump(other) == dump(url)


def test_dask_gives_the_same_store_and_impact(
    tmp_path: Path, corpus: list[str], local_store: tuple[str, Any], dask_cluster: DaskCluster
) -> None:
    url, expected = local_store
    other = str(tmp_path / "dask.db")
    with Inventory(other) as inventory:
        result = inventory.add(corpus, dask=dask_cluster.address)
        impact = inventory.impact(all_releases=True)
    assert result.added == expected.added and result.failures == expected.failures
    assert dump(other) == dump(url)
    with Inventory(url) as inventory:
        assert _timeless(inventory.impact(all_releases=True).products) == _timeless(impact.products)
    assert impact.products, "the generated portfolio has banned components"


def test_broken_sboms_are_reported_once_each_and_not_stored(local_store: tuple[str, Any], corpus: list[str]) -> None:
    _, result = local_store
    broken = [path for path in corpus if "mandrel" in path]
    if SHARED.is_dir():
        assert [failure.path for failure in result.failures] == broken
        assert "not valid JSON" in result.failures[0].error and "\n" not in result.failures[0].error
    assert result.exit_code == (3 if broken else 0)
    assert len(result.added) + len(result.duplicates) + len(result.failures) == len(corpus)


def test_adding_the_same_files_again_stores_nothing(tmp_path: Path, corpus: list[str]) -> None:
    url = str(tmp_path / "again.db")
    with Inventory(url) as inventory:
        first = inventory.add(corpus[:20], jobs=2)
        before = dump(url)
        again = inventory.add(corpus[:20], jobs=2)
    assert not again.added and len(again.duplicates) == len(first.added)
    assert {(d.product, d.release) for d in again.duplicates} == {(a.product, a.release) for a in first.added}
    assert dump(url) == before


def _timeless(products: list[Any]) -> list[Any]:
    """Impact answers without the times their SBOMs were added."""
    epoch = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    return [msgspec.structs.replace(item, sbom=msgspec.structs.replace(item.sbom, added_at=epoch)) for item in products]


def _kill_one_worker(cluster: DaskCluster, state: dict[str, Any]) -> Any:
    """A progress callback: once a tenth of the files are in, SIGKILL worker 0 while it has a task."""

    from distributed import Client

    def progress(done: int, total: int) -> None:
        if state.get("killed") or done < total // 10:
            return
        with Client(cluster.address, timeout=10, set_as_default=False) as client:
            workers = client.scheduler_info()["workers"]
            victim = next(address for address, info in workers.items() if info.get("name") == "w0")
            deadline = time.monotonic() + 10
            while not client.processing().get(victim) and time.monotonic() < deadline:
                time.sleep(0.01)
            state["busy"] = bool(client.processing().get(victim))
        state["done_at_kill"] = done
        cluster.kill_worker(0)
        state["killed"] = True

    return progress


def test_a_killed_dask_worker_loses_no_file(tmp_path: Path, corpus: list[str], local_store: tuple[str, Any]) -> None:
    url, expected = local_store
    cluster = start_dask(tmp_path / "dask")
    try:
        state: dict[str, Any] = {}
        other = str(tmp_path / "killed.db")
        with Inventory(other) as inventory:
            result = inventory.add(corpus, dask=cluster.address, progress=_kill_one_worker(cluster, state))
        assert state.get("killed") and state["done_at_kill"] < len(corpus)
        assert state["busy"], "the worker was killed while it had tasks"
        assert cluster.workers[0].poll() is not None and cluster.workers[1].poll() is None
        assert result.added == expected.added and result.failures == expected.failures
        assert dump(other) == dump(url)
    finally:
        cluster.stop()


def test_files_no_dask_worker_can_read_are_reported(tmp_path: Path, corpus: list[str]) -> None:
    cluster = start_dask(tmp_path / "dask", workers=1)
    try:
        cluster.lose_every_worker()
        with Inventory(str(tmp_path / "none.db")) as inventory:
            result = inventory.add(corpus[:5], dask=cluster.address, dask_wait=2)
            assert inventory.list() == []
        assert [failure.path for failure in result.failures] == corpus[:5]
        assert all("had no worker" in failure.error for failure in result.failures)
    finally:
        cluster.stop()


def test_an_unreachable_scheduler_is_one_line(tmp_path: Path, corpus: list[str]) -> None:
    from tests.conftest import free_port

    with Inventory(str(tmp_path / "x.db")) as inventory, pytest.raises(InventoryError) as error:
        inventory.add(corpus[:2], dask=f"tcp://127.0.0.1:{free_port()}")
    assert "cannot reach the Dask scheduler" in str(error.value) and "\n" not in str(error.value)


def test_a_killed_local_process_loses_no_file(tmp_path: Path, corpus: list[str], local_store: tuple[str, Any]) -> None:
    url, expected = local_store
    state: dict[str, bool] = {}

    def progress(done: int, total: int) -> None:
        if not state and done >= 5:
            children = multiprocessing.active_children()
            assert children
            os.kill(children[0].pid or 0, signal.SIGKILL)
            state["killed"] = True

    other = str(tmp_path / "killed-local.db")
    with Inventory(other) as inventory:
        result = inventory.add(corpus, jobs=2, progress=progress)
    assert state.get("killed")
    assert result.added == expected.added and result.failures == expected.failures
    assert dump(other) == dump(url)


def test_parts_the_writer_holds_come_back_as_digests(
    tmp_path: Path, corpus: list[str], local_store: tuple[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Adding to a store in two steps with two processes gives the same store; known parts travel as stubs."""
    from enforcer.inventory import _types

    made: list[bytes] = []
    real = _types.stub

    def counting(digest: bytes) -> Any:
        made.append(digest)
        return real(digest)

    monkeypatch.setattr(_types, "stub", counting)
    url, expected = local_store
    other = str(tmp_path / "steps.db")
    half = len(corpus) // 2
    with Inventory(other) as inventory:
        first = inventory.add(corpus[:half], jobs=2)
        second = inventory.add(corpus[half:], jobs=2)
    assert first.added + second.added == expected.added
    assert made, "the second step sent parts the writer held as digests"
    assert dump(other) == dump(url)
