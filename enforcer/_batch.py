"""Many SBOMs at once: expand paths and patterns, match in parallel, decide once.

The parent builds the `Enforcer` (engine, bans, match index) once, then forks
the worker processes, which inherit the index instead of rebuilding or
unpickling it. Workers load and match whole chunks of files and send back
only the `Pending` matches (a few findings per SBOM, not the components);
the parent asks the policy for every verdict in one batched query, so the
engine is only ever used by the parent. An unreadable file becomes an error
result for that file alone. Where `fork` is not available the files are
matched one after another in the parent, with the same results.
"""

from __future__ import annotations

import gc
import glob
import math
import os
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from typing import TextIO

from enforcer._errors import EnforcerError, SbomError
from enforcer._models import RunResult
from enforcer._run import Enforcer, Pending
from enforcer.sbom import find_sboms

__all__ = ["ProgressBar", "WorkerError", "check_many", "expand_paths", "match_many"]

#: Characters that make an argument a glob pattern (when no file has that exact name).
_GLOB_CHARS = frozenset("*?[")
#: Chunks per worker: enough to balance files of different sizes, few enough to keep overhead low.
_CHUNKS_PER_WORKER = 16
_MAX_CHUNK = 16

# The enforcer the forked workers inherit; set only while a pool is running.
_WORKER_ENFORCER: Enforcer | None = None


class WorkerError(EnforcerError):
    """A worker process died (killed, out of memory) before it returned its results."""


def expand_paths(paths: Iterable[str]) -> list[str]:
    """The SBOM files to check, in order and each once.

    Files pass through; directories are searched recursively (`find_sboms`);
    an argument with `*`, `?` or `[` that names no existing file is a glob
    pattern (`**` crosses directories) whose matches are taken in sorted
    order: matched files as they are, matched directories searched. A pattern
    that matches nothing is an error, as a missing file is.
    """
    found: list[str] = []
    seen: set[str] = set()

    def add(candidates: Iterable[str]) -> None:
        for candidate in candidates:
            key = candidate if candidate == "-" else os.path.normpath(candidate)
            if key not in seen:
                seen.add(key)
                found.append(candidate)

    for path in paths:
        if path != "-" and _GLOB_CHARS.intersection(path) and not os.path.lexists(path):
            matches = sorted(glob.glob(path, recursive=True))
            if not matches:
                raise SbomError(f"{path}: no file matches this pattern")
            for match in matches:
                if os.path.isdir(match):
                    try:
                        add(find_sboms([match]))
                    except SbomError:
                        continue  # a matched directory without SBOM files is not an error
                else:
                    add([match])
        else:
            add(find_sboms([path]))
    return found


def match_many(
    enforcer: Enforcer,
    files: Sequence[str],
    *,
    jobs: int = 1,
    progress: Callable[[int], None] | None = None,
) -> list[Pending]:
    """Load and match every file, in `jobs` processes; the results in the order of `files`.

    Standard input (`-`) is always read by the parent.
    """
    results: list[Pending | None] = [None] * len(files)
    done = 0

    def finished(number: int, pending: Pending) -> None:
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


def _match_forked(enforcer: Enforcer, files: list[str], workers: int) -> Iterable[Pending]:
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


def _match_in_worker(path: str) -> Pending:
    enforcer = _WORKER_ENFORCER
    if enforcer is None:  # pragma: no cover - only a non-fork start method gets here
        raise RuntimeError("the batch worker was started without the parent's enforcer")
    return enforcer.match_path(path)


def check_many(
    enforcer: Enforcer,
    files: Sequence[str],
    *,
    jobs: int = 1,
    progress: Callable[[int], None] | None = None,
) -> RunResult:
    """Match every file (in parallel when `jobs` > 1), then decide all findings in one query."""
    return enforcer.result(enforcer.decide(match_many(enforcer, files, jobs=jobs, progress=progress)))


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
