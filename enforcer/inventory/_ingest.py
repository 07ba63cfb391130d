"""Reading many SBOMs: in this process, in N local processes, or on a Dask cluster.

Whatever reads, the outcomes come back to the caller in the order of the
files (the order SBOMs are added decides which release of a product is the
latest), and every file has exactly one outcome: read, unreadable (one
line), or already stored. A reader that dies takes no file with it:

- local processes: a chunk whose process died is read again in a fresh
  pool, one file per task; a file that kills its process twice is reported;
- Dask: the scheduler moves the tasks of a worker that died to the others
  (its `allowed-failures`); a task that still fails is sent again, one file
  per task; a file that fails then, or that no worker is left to read
  (`wait` seconds without any worker), is reported.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import time
from collections.abc import Container, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any

import msgspec

from enforcer.inventory._errors import InventoryError
from enforcer.inventory._types import Outcome, ReadFailure, decode_outcomes
from enforcer.inventory._workers import read_chunk, set_known

#: files per task: enough to amortise a task, few enough to balance uneven files
MAX_CHUNK = 8


Chunk = list[tuple[int, str]]


def _chunks(paths: Sequence[str], workers: int) -> list[Chunk]:
    """The files, numbered, in chunks of up to `MAX_CHUNK`."""
    size = max(1, min(MAX_CHUNK, math.ceil(len(paths) / max(1, workers * 8))))
    numbered = list(enumerate(paths))
    return [numbered[start : start + size] for start in range(0, len(numbered), size)]


def read_in_order(
    files: Sequence[str],
    known: Container[bytes],
    *,
    jobs: int = 1,
    dask: str | None = None,
    dask_wait: float = 60.0,
    parts: Container[bytes] = frozenset(),
) -> Iterator[Outcome]:
    """One outcome per file, in the order of `files`.

    `known`: digests of SBOM files stored already (not parsed again); `parts`: digests of
    components the caller holds (sent back by other processes as stubs).
    """
    if dask:
        yield from _in_order(files, _dask_chunks(files, known, dask, dask_wait, parts))
    elif jobs > 1 and len(files) > 1:
        yield from _in_order(files, _local_chunks(files, known, jobs, parts))
    else:
        from enforcer.inventory._pipeline import read_sbom

        for path in files:
            yield read_sbom(path, known)


def _in_order(files: Sequence[str], chunks: Iterator[tuple[Chunk, list[Outcome]]]) -> Iterator[Outcome]:
    """Outcomes of chunks finished in any order, put back in the order of the files, named as given."""
    waiting: dict[int, Outcome] = {}
    position = 0
    for chunk, outcomes in chunks:
        for (number, sent), outcome in zip(chunk, outcomes, strict=True):
            waiting[number] = _named(outcome, sent, files[number])
        while position in waiting:
            yield waiting.pop(position)
            position += 1
    if position != len(files):  # a reader lost a file: never pass over it in silence
        raise InventoryError(f"{files[position]}: no reader returned an outcome for this file (an internal error)")


def _named(outcome: Outcome, sent: str, given: str) -> Outcome:
    """An outcome named by the path the caller gave (a Dask worker was sent the absolute path)."""
    if sent == given:
        return outcome
    if isinstance(outcome, ReadFailure):
        return ReadFailure(given, outcome.error.replace(sent, given))
    return msgspec.structs.replace(outcome, path=given)


# -- local processes ----------------------------------------------------------------------------


def _pool(jobs: int, known: Container[bytes]) -> ProcessPoolExecutor:
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=set_known, initargs=(known,))


def _local_chunks(
    files: Sequence[str], known: Container[bytes], jobs: int, parts: Container[bytes]
) -> Iterator[tuple[Chunk, list[Outcome]]]:
    retry: list[Chunk] = []
    with _pool(jobs, known) as pool:
        futures = {pool.submit(read_chunk, [path for _, path in chunk]): chunk for chunk in _chunks(files, jobs)}
        for future, chunk in _completed(futures):
            try:
                yield chunk, decode_outcomes(future.result(), parts)
            except BrokenProcessPool:
                retry.extend([item] for item in chunk)
    if retry:  # a process died (killed, out of memory): read those files again, one per task
        with _pool(jobs, known) as pool:
            futures = {pool.submit(read_chunk, [path for _, path in chunk]): chunk for chunk in retry}
            for future, chunk in _completed(futures):
                try:
                    yield chunk, decode_outcomes(future.result(), parts)
                except BrokenProcessPool:
                    path = chunk[0][1]
                    yield (
                        chunk,
                        [ReadFailure(path, f"{path}: the process reading it died twice (killed, or out of memory)")],
                    )


def _completed(futures: dict[Future[bytes], Chunk]) -> Iterator[tuple[Future[bytes], Chunk]]:
    pending = set(futures)
    while pending:
        done, pending = wait(pending, return_when="FIRST_COMPLETED")
        for future in done:
            yield future, futures[future]


# -- Dask -------------------------------------------------------------------------------------


def _dask_chunks(
    files: Sequence[str], known: Container[bytes], address: str, wait_seconds: float, parts: Container[bytes]
) -> Iterator[tuple[Chunk, list[Outcome]]]:
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise InventoryError(
            "reading on Dask needs the 'distributed' package: pip install 'sbom-ban-enforcer[inventory]'"
        ) from None
    try:
        connect: Any = Client
        client: Any = connect(address, timeout=30, set_as_default=False)
    except (OSError, TimeoutError) as error:
        raise InventoryError(f"cannot reach the Dask scheduler at {address}: {_one_line(error)}") from None
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        shared = client.scatter(known, broadcast=True) if known else None
        tasks: dict[Any, tuple[Chunk, int]] = {}

        def submit(chunk: Chunk, attempt: int) -> Any:
            future = client.submit(read_chunk, [path for _, path in chunk], shared, pure=False, retries=0)
            tasks[future] = (chunk, attempt)
            return future

        absolute = [os.path.abspath(path) for path in files]  # the workers share the file system, not our directory
        completed: Any = as_completed
        flow = completed(
            [submit(chunk, 1) for chunk in _chunks(absolute, workers)], loop=client.loop, with_results=False
        )
        idle_since: float | None = None
        while not flow.is_empty():
            finished = flow.next_batch(block=False)
            if not finished:
                if client.scheduler_info().get("workers"):
                    idle_since = None
                else:
                    idle_since = idle_since or time.monotonic()
                    if time.monotonic() - idle_since > wait_seconds:
                        yield from _give_up(tasks, wait_seconds)
                        return
                time.sleep(0.05)
                continue
            for future in finished:
                chunk, attempt = tasks.pop(future)
                if future.status == "finished":
                    yield chunk, decode_outcomes(future.result(), parts)
                elif attempt == 1:  # its workers died too often, or the task failed: once more, a file at a time
                    for item in chunk:
                        flow.add(submit([item], 2))
                else:
                    path = chunk[0][1]
                    reason = _one_line(future.exception())
                    yield chunk, [ReadFailure(path, f"{path}: no Dask worker could read it: {reason}")]
    finally:
        client.close()


def _give_up(tasks: dict[Any, tuple[Chunk, int]], wait_seconds: float) -> Iterator[tuple[Chunk, list[Outcome]]]:
    for future, (chunk, _) in list(tasks.items()):
        future.cancel()
        yield (
            chunk,
            [
                ReadFailure(path, f"{path}: not read: the Dask cluster had no worker for {wait_seconds:g} s")
                for _, path in chunk
            ],
        )
    tasks.clear()


def _one_line(error: BaseException | None) -> str:
    if error is None:
        return "the task was cancelled"
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0]}" if text else type(error).__name__
