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
from collections.abc import Container, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

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
    from enforcer._dask import DaskError, Lost, on_cluster

    chunks = on_cluster(address, list(enumerate(files)), read_chunk, known or None, wait_seconds=wait_seconds)
    try:
        for chunk, outcome in chunks:
            sent = [(number, os.path.abspath(path)) for number, path in chunk]  # the paths the workers were given
            if isinstance(outcome, Lost):
                yield sent, [ReadFailure(path, f"{path}: {outcome.reason}") for _, path in sent]
            else:
                yield sent, decode_outcomes(outcome, parts)
    except DaskError as error:
        raise InventoryError(str(error)) from None
