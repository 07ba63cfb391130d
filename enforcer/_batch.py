"""Many SBOMs at once: load and match in parallel processes or on a Dask cluster (the parent decides once).

The parent builds the `Enforcer` (engine, bans, match index) once, then forks
the worker processes, which inherit the index instead of rebuilding or
unpickling it. Workers load and match whole chunks of files and send back
only the `Checked` matches (a few findings per SBOM, not the components);
the parent asks the policy for every verdict in one batched query, so the
engine is only ever used by the parent. An unreadable file becomes an error
result for that file alone. Where `fork` is not available the files are
matched one after another in the parent, with the same results.

On a Dask cluster (`--dask ADDRESS`) the match index is sent to every worker
once; each task loads and matches a chunk of files (by absolute path: the
workers share the file system) and sends back the same `Checked` matches. The
scheduler moves the tasks of a worker that dies to the others; a task that
still fails is sent again one file at a time; a file that then fails, or that
no worker is left to read, becomes an error result (exit 3), never a file
passed over in silence.
"""

from __future__ import annotations

import gc
import math
import os
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, TextIO

from enforcer._errors import EnforcerError

if TYPE_CHECKING:
    from enforcer._checked import Checked
    from enforcer._run import Enforcer

__all__ = ["ProgressBar", "WorkerError", "default_jobs", "match_many"]

#: Chunks per worker: enough to balance files of different sizes, few enough to keep overhead low.
_CHUNKS_PER_WORKER = 16
_MAX_CHUNK = 16

# The enforcer the forked workers inherit; set only while a pool is running.
_WORKER_ENFORCER: Enforcer | None = None


class WorkerError(EnforcerError):
    """A worker process died (killed, out of memory) before it returned its results."""


def match_many(
    enforcer: Enforcer,
    files: Sequence[str],
    *,
    jobs: int = 1,
    progress: Callable[[int], None] | None = None,
    dask: str | None = None,
) -> list[Checked]:
    """Load and match every file, in `jobs` processes or on the Dask cluster at `dask`; in the order of `files`.

    Standard input (`-`) is always read by the parent.
    """
    if dask:
        from enforcer import _dask

        return _dask.match_on_cluster(enforcer, files, dask, progress=progress)
    results: list[Checked | None] = [None] * len(files)
    done = 0

    def finished(number: int, pending: Checked) -> None:
        nonlocal done
        results[number] = pending
        done += 1
        if progress is not None:
            progress(done)

    parallel = [number for number, path in enumerate(files) if path != "-"]
    workers = min(jobs, len(parallel))
    # What exists now (the index above all) is never garbage: the collector need not walk it
    # again and again, and in a forked worker it must not, or it would copy the parent's pages.
    gc.freeze()
    try:
        if workers > 1 and "fork" in _start_methods():
            matched = _match_forked(enforcer, [files[n] for n in parallel], workers)
            for number, pending in zip(parallel, matched, strict=True):
                finished(number, pending)
            parallel = []
        for number in sorted({*parallel, *(n for n, path in enumerate(files) if path == "-")}):
            finished(number, enforcer.match_path(files[number]))
    finally:
        gc.unfreeze()
    return [pending for pending in results if pending is not None]


def _start_methods() -> list[str]:
    import multiprocessing  # only for more than one worker: it imports much (sockets, pickle)

    return multiprocessing.get_all_start_methods()


def _match_forked(enforcer: Enforcer, files: list[str], workers: int) -> Iterable[Checked]:
    global _WORKER_ENFORCER
    from concurrent.futures import ProcessPoolExecutor  # deferred: a one-file check never needs it
    from concurrent.futures.process import BrokenProcessPool

    chunk = max(1, min(_MAX_CHUNK, math.ceil(len(files) / (workers * _CHUNKS_PER_WORKER))))
    _WORKER_ENFORCER = enforcer
    try:
        import multiprocessing

        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            yield from pool.map(_match_in_worker, files, chunksize=chunk)
    except BrokenProcessPool:
        raise WorkerError(
            f"a worker process died while matching SBOMs (out of memory?); try fewer --jobs ({workers} now)"
        ) from None
    finally:
        _WORKER_ENFORCER = None


def _match_in_worker(path: str) -> Checked:
    enforcer = _WORKER_ENFORCER
    if enforcer is None:  # pragma: no cover - only a non-fork start method gets here
        raise RuntimeError("the batch worker was started without the parent's enforcer")
    return enforcer.match_path(path)


def default_jobs(jobs: int) -> int:
    """`jobs`, where 0 means one per CPU this process may use."""
    if jobs > 0:
        return jobs
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


class ProgressBar:
    """A one-line progress bar on a terminal, drawn only once the work has taken a while.

    Nothing is written until `delay` seconds have passed, so short runs stay
    silent; redraws are throttled; `close` erases the line.
    """

    def __init__(self, total: int, *, stream: TextIO | None = None, delay: float = 1.0, width: int = 30) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.delay = delay
        self.width = width
        self.started = time.monotonic()
        self._drawn_at = 0.0
        self._visible = False

    @classmethod
    def for_terminal(cls, total: int, stream: TextIO | None = None) -> ProgressBar | None:
        """A bar when `stream` is a terminal and there is more than one file; else None."""
        stream = stream if stream is not None else sys.stderr
        isatty = getattr(stream, "isatty", None)
        if total < 2 or isatty is None or not isatty():
            return None
        return cls(total, stream=stream)

    def __call__(self, done: int) -> None:
        now = time.monotonic()
        if now - self.started < self.delay or (now - self._drawn_at < 0.1 and done < self.total):
            return
        self._drawn_at = now
        filled = self.width * done // self.total if self.total else self.width
        bar = "#" * filled + "." * (self.width - filled)
        self.stream.write(f"\renforcer: [{bar}] {done}/{self.total} SBOMs")
        self.stream.flush()
        self._visible = True

    def close(self) -> None:
        if self._visible:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._visible = False
