"""What the hostile-input tests of the engines share.

- `run_enforcer`: the installed `enforcer` console script in a process of its
  own (its exit code, what it printed, how long it took);
- `HostileServer`: a small HTTP server on loopback, written here, that answers
  what a test tells it to, slowly if asked (a real socket, a real HTTP
  exchange: the engine's own client code runs unchanged against it);
- `fake_opa`: a shell script standing in for an `opa` binary that hangs or
  answers what a test tells it to.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from tests.conftest import FIXTURES, POLICIES, write_cdx

ENFORCER = Path(sys.executable).parent / "enforcer"
KASPERSKY_SBOM = FIXTURES / "sboms" / "kaspersky-supplier.cdx.json"
LIBRARY = POLICIES / "enforcer"
KASPERSKY_BAN = POLICIES / "gov" / "us_commerce_icts_kaspersky.rego"
#: the decision library and one ban: small enough for a server to compile quickly
SMALL_SET = ("-p", str(LIBRARY), "-p", str(KASPERSKY_BAN))


def clean_sbom(directory: Path) -> Path:
    """An SBOM with one component no ban names."""
    component: dict[str, object] = {
        "type": "library",
        "name": "left-pad",
        "version": "1.3.0",
        "supplier": {"name": "Example Ltd"},
    }
    return write_cdx(directory / "clean.cdx.json", [component])


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    seconds: float

    def error_line(self) -> str:
        """The one line on stderr (a failure says one thing, on one line)."""
        lines = self.stderr.splitlines()
        assert len(lines) == 1, self.stderr
        assert lines[0].startswith("enforcer: error: "), self.stderr
        return lines[0]


def run_enforcer(
    *args: str | os.PathLike[str],
    env: Mapping[str, str] | None = None,
    timeout: float = 120,
    preexec_fn: Callable[[], None] | None = None,
) -> Run:
    """Run the installed `enforcer ARGS` as a process of its own."""
    environment = dict(os.environ)
    environment.update(env or {})
    started = time.monotonic()
    completed = subprocess.run(
        [str(ENFORCER), *(str(arg) for arg in args)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=timeout,
        preexec_fn=preexec_fn,
        check=False,
    )
    return Run(completed.returncode, completed.stdout, completed.stderr, time.monotonic() - started)


# -- a hostile HTTP server ------------------------------------------------------------


@dataclass
class Request:
    method: str
    path: str
    body: bytes


#: what the server does with a request: writes an answer to the socket (slowly, if it likes)
Behaviour = Callable[[Request, socket.socket, threading.Event], None]


@dataclass
class HostileServer:
    """An HTTP/1.1 server on 127.0.0.1 that hands each request to `behaviour`."""

    behaviour: Behaviour
    requests: list[Request] = field(default_factory=list)
    stopping: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._threads: list[threading.Thread] = []
        self._accepting = threading.Thread(target=self._accept, daemon=True)
        self._accepting.start()

    def _accept(self) -> None:
        while not self.stopping.is_set():
            try:
                connection, _ = self._listener.accept()
            except OSError:
                return
            thread = threading.Thread(target=self._serve, args=(connection,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, connection: socket.socket) -> None:
        with connection:
            connection.settimeout(30)
            try:
                while not self.stopping.is_set():
                    request = _read_request(connection)
                    if request is None:
                        return
                    self.requests.append(request)
                    self.behaviour(request, connection, self.stopping)
            except OSError:
                return

    def stop(self) -> None:
        self.stopping.set()
        self._listener.close()
        for thread in self._threads:
            thread.join(timeout=5)


def _read_request(connection: socket.socket) -> Request | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    method, path, _ = lines[0].split(" ", 2)
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = connection.recv(65536)
        if not chunk:
            return None
        body += chunk
    return Request(method, path, body)


def answer(status: int, body: bytes, *, headers: Mapping[str, str] | None = None, chunked: bool = False) -> bytes:
    """A whole HTTP/1.1 answer."""
    reason = {200: "OK", 307: "Temporary Redirect", 404: "Not Found"}.get(status, "Status")
    lines = [f"HTTP/1.1 {status} {reason}", "Content-Type: application/json"]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    if chunked:
        lines.append("Transfer-Encoding: chunked")
        payload = b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in _pieces(body, 4096)) + b"0\r\n\r\n"
    else:
        lines.append(f"Content-Length: {len(body)}")
        payload = body
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + payload


def _pieces(data: bytes, size: int) -> Iterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start : start + size]


def answering(pick: Callable[[Request], bytes]) -> Behaviour:
    """Answer each request at once with what `pick` gives."""

    def behaviour(request: Request, connection: socket.socket, stopping: threading.Event) -> None:
        connection.sendall(pick(request))

    return behaviour


def trickling(head: bytes, *, interval: float = 0.5) -> Behaviour:
    """Send `head` (maybe nothing), then one byte every `interval` seconds, for as long as the client listens."""

    def behaviour(request: Request, connection: socket.socket, stopping: threading.Event) -> None:
        connection.sendall(head)
        filler = b"HTTP/1.1 200 OK\r\nX-Slow: " if not head else b"x" * 1_000_000
        for byte in filler:
            if stopping.wait(interval):
                return
            connection.sendall(bytes([byte]))

    return behaviour


# -- a fake opa binary -------------------------------------------------------------------


def fake_opa(directory: Path, *, version: str = "hang", check: str = "ok", eval: str = "hang") -> Path:
    """A script that stands in for `opa`; each command either hangs or prints a canned output.

    "hang": starts `sleep` as a child (its pid goes to `children` beside the
    script), waits for it, and so never answers; "ok": exits 0 quietly; any
    other text: printed as the command's output (exit 0).
    """
    script = directory / "opa"
    children = directory / "children"

    def branch(behaviour: str) -> str:
        if behaviour == "hang":
            return f"sleep 300 & echo $! >> '{children}'; wait"
        if behaviour == "ok":
            return "exit 0"
        (directory / f"out-{abs(hash(behaviour))}").write_text(behaviour, encoding="utf-8")
        return f"cat '{directory}/out-{abs(hash(behaviour))}'"

    version_output = "" if version == "hang" else f"Version: {version}\n"
    if version_output:
        (directory / "version-output").write_text(version_output, encoding="utf-8")
    version_branch = branch("hang") if version == "hang" else f"cat '{directory}/version-output'"
    script.write_text(
        "#!/bin/sh\n"
        'case "$1" in\n'
        f"  version) {version_branch} ;;\n"
        f"  check) {branch(check)} ;;\n"
        f"  eval) {branch(eval)} ;;\n"
        "  *) exit 2 ;;\n"
        "esac\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    return script


def children_of(script: Path) -> list[int]:
    """The pids of the `sleep` processes a hanging fake opa started."""
    record = script.parent / "children"
    if not record.exists():
        return []
    return [int(line) for line in record.read_text().split()]


def alive(pid: int) -> bool:
    """True while `pid` runs (a zombie waiting to be reaped counts as gone)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stream:
            return stream.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
