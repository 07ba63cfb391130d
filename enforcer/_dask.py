"""Reading SBOMs on the workers of an existing Dask cluster: `check --dask` and `inventory add --dask`.

`on_cluster` drives any work over files on the cluster (chunks sent as
workers free up, a failed chunk sent again a file at a time, files lost
when no worker is left) and says of every file either what the work
returned or why it was lost. `match_on_cluster` is `check`'s use of it: the
match index sent once to every worker, each file loaded and matched there.
Imported only when a cluster is named: `distributed` is an optional
dependency (the `inventory` extra). See `enforcer._batch` for what happens
to a worker that dies and to a file no worker could read.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from enforcer._checked import Checked, match_file
from enforcer._errors import EnforcerError
from enforcer._models import SbomResult

if TYPE_CHECKING:
    from enforcer._run import Enforcer
    from enforcer.match.index import MatchIndex

#: files per task: enough to amortise a task, few enough to balance uneven files
_MAX_CHUNK = 8
#: seconds to wait for a worker to come back before the files left are reported
WAIT_FOR_WORKERS = 60.0


class DaskError(EnforcerError):
    """The Dask cluster cannot be used (the package is missing, or the scheduler cannot be reached)."""


def match_on_cluster(
    enforcer: Enforcer,
    files: Sequence[str],
    address: str,
    *,
    progress: Callable[[int], None] | None = None,
    wait_seconds: float = WAIT_FOR_WORKERS,
) -> list[Checked]:
    """The `Checked` matches of every file, in the order of `files`; standard input is read here."""

    results: dict[int, Checked] = {}
    remote = [number for number, path in enumerate(files) if path != "-"]
    for number, path in enumerate(files):
        if path == "-":
            results[number] = enforcer.match_path(path)
    if remote:
        for numbers, checked in _on_cluster(enforcer.index, [(n, files[n]) for n in remote], address, wait_seconds):
            for number, each in zip(numbers, checked, strict=True):
                results[number] = _named(each, files[number])
            if progress is not None:
                progress(len(results))
    missing = [files[number] for number in range(len(files)) if number not in results]
    if missing:  # never pass over a file in silence
        raise DaskError(f"{missing[0]}: no Dask worker returned a result for this file (an internal error)")
    return [results[number] for number in range(len(files))]


def _on_cluster(
    index: MatchIndex, numbered: list[tuple[int, str]], address: str, wait_seconds: float
) -> Iterator[tuple[list[int], list[Checked]]]:
    chunks = on_cluster(address, numbered, _match_chunk, index, wait_seconds=wait_seconds, scatter_timeout=wait_seconds)
    for chunk, outcome in chunks:
        numbers = [number for number, _ in chunk]
        if isinstance(outcome, Lost):
            yield numbers, [_failed(path, outcome.reason) for _, path in chunk]
        else:
            yield numbers, outcome


Chunk = list[tuple[int, str]]


class Lost:
    """Every file of a chunk that no worker read, and why (one line, without the path)."""

    __slots__ = ("reason",)

    def __init__(self, reason: str) -> None:
        self.reason = reason


def on_cluster(
    address: str,
    numbered: Chunk,
    work: Callable[[list[str], Any], Any],
    shared: Any,
    *,
    wait_seconds: float = WAIT_FOR_WORKERS,
    scatter_timeout: float | None = None,
) -> Iterator[tuple[Chunk, Any]]:
    """Run `work(paths, shared)` on the cluster's workers over `numbered` files, a chunk at a time.

    Yields each chunk with what `work` returned for it, as chunks finish, or
    with `Lost` when its files were not read: a task that failed (its
    workers died too often) is sent again a file at a time, and a file that
    fails then is lost; when the cluster has had no worker for
    `wait_seconds`, every file left is. `shared` (when not None) is sent
    once to every worker. The workers are sent absolute paths (they share
    the file system, not this process's folder). Raises `DaskError` when
    `distributed` is missing or the scheduler cannot be reached.
    """
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise DaskError(
            "reading on Dask needs the 'distributed' package: pip install 'sbom-ban-enforcer[inventory]'"
        ) from None
    try:
        connect: Any = Client
        client: Any = connect(address, timeout=30, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as error:
        raise DaskError(f"cannot reach the Dask scheduler at {address}: {_one_line(error)}") from None
    absent = Lost(f"not read: the Dask cluster had no worker for {wait_seconds:g} s")
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        tasks: dict[Any, tuple[Chunk, int]] = {}
        if shared is not None:
            try:
                shared = client.scatter(shared, broadcast=True, timeout=scatter_timeout)
            except (TimeoutError, OSError):
                yield numbered, absent
                return

        def submit(chunk: Chunk, attempt: int) -> Any:
            paths = [os.path.abspath(path) for _, path in chunk]
            future = client.submit(work, paths, shared, pure=False, retries=0)
            tasks[future] = (chunk, attempt)
            return future

        completed: Any = as_completed
        flow = completed(
            [submit(chunk, 1) for chunk in _chunks(numbered, workers)], loop=client.loop, with_results=False
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
                        for future, (chunk, _) in list(tasks.items()):
                            future.cancel()
                            yield chunk, absent
                        return
                time.sleep(0.05)
                continue
            for future in finished:
                chunk, attempt = tasks.pop(future)
                if future.status == "finished":
                    yield chunk, future.result()
                elif attempt == 1:  # its workers died too often, or the task failed: once more, a file at a time
                    for item in chunk:
                        flow.add(submit([item], 2))
                else:
                    yield chunk, Lost(f"no Dask worker could read it: {_one_line(future.exception())}")
    finally:
        client.close()


def _match_chunk(paths: list[str], index: MatchIndex) -> list[Checked]:
    """On a worker: load and match some files (an unreadable one is an error result)."""

    needles = index.needles()
    return [match_file(index, path, needles) for path in paths]


def _chunks(numbered: list[tuple[int, str]], workers: int) -> list[list[tuple[int, str]]]:
    size = max(1, min(_MAX_CHUNK, math.ceil(len(numbered) / (workers * 8))))
    return [numbered[start : start + size] for start in range(0, len(numbered), size)]


def _failed(path: str, reason: str) -> Checked:
    return Checked(SbomResult(path=path, error=f"{path}: {reason}"), [])


def _named(checked: Checked, given: str) -> Checked:
    """A result named by the path the caller gave (the worker was sent the absolute path)."""
    import msgspec

    result = checked.result
    if result.path == given:
        return checked
    absolute = os.path.abspath(given)
    error = result.error.replace(absolute, given) if result.error is not None else None
    return Checked(msgspec.structs.replace(result, path=given, error=error), checked.matches)


def _one_line(error: BaseException | None) -> str:
    if error is None:
        return "the task was cancelled"
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0]}" if text else type(error).__name__
