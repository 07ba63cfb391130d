"""HTTP to an OPA server: one deadline for the whole request, a cap on the answer, no redirects.

`requests` bounds each socket operation, not a request: a server that sends
one byte every half second never trips a one-second read timeout. Here each
request runs under a `Deadline`: every connection it uses is registered (by
the connection classes below, which a `DeadlineAdapter` puts in the
session's pools), and when the time is up a watchdog shuts those sockets
down, which ends any read or write in progress at once. The answer is read
in pieces and refused beyond the cap; a redirect is returned as it is, for
the caller to refuse.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.poolmanager import ProxyManager

_current = threading.local()


class DeadlineExceededError(Exception):
    """The request did not finish within its deadline."""


class AnswerTooLargeError(Exception):
    """The answer is larger than the cap."""


class Deadline:
    """The time a request may take; the connections it uses are cut when it is up."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expires = time.monotonic() + seconds
        self.expired = False
        self._connections: list[HTTPConnection] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> Deadline:
        _current.deadline = self
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()
        _current.deadline = None
        with self._lock:
            self._connections.clear()

    def attach(self, connection: HTTPConnection) -> None:
        """Count `connection` as used by this request (called as it connects and as it sends)."""
        with self._lock:
            if self.expired:
                raise TimeoutError("the request deadline has passed")
            self._connections.append(connection)
        remaining = max(self.expires - time.monotonic(), 0.001)
        if isinstance(connection.timeout, int | float) and connection.timeout > remaining:
            connection.timeout = remaining  # bounds a connect that the watchdog cannot cut

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            connections = list(self._connections)
        for connection in connections:
            sock = connection.sock
            if sock is None:
                continue
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass  # closed already, or still connecting


def _attach(connection: HTTPConnection) -> None:
    deadline: Deadline | None = getattr(_current, "deadline", None)
    if deadline is not None:
        deadline.attach(connection)


class _Connection(HTTPConnection):
    """A connection that puts the request's deadline on its socket before it connects and sends."""

    def connect(self) -> None:
        _attach(self)
        super().connect()

    def request(self, *args: Any, **kwargs: Any) -> None:
        _attach(self)
        super().request(*args, **kwargs)


class _TLSConnection(_Connection, HTTPSConnection):
    """The same over TLS (HTTPSConnection's connect and request, reached through `super()`)."""


class _Pool(HTTPConnectionPool):
    ConnectionCls = _Connection


class _TLSPool(HTTPSConnectionPool):
    ConnectionCls = _TLSConnection


_POOLS: dict[str, type[HTTPConnectionPool]] = {"http": _Pool, "https": _TLSPool}


class DeadlineAdapter(HTTPAdapter):
    """An adapter whose connections obey the `Deadline` of the request in progress."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = _POOLS

    def proxy_manager_for(self, proxy: str, **kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **kwargs)
        if isinstance(manager, ProxyManager):  # a SOCKS proxy keeps its own pools (per-read timeouts only)
            manager.pool_classes_by_scheme = _POOLS
        return manager


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    reason: str
    headers: Mapping[str, str]
    body: bytes


def send(
    session: requests.Session,
    method: str,
    url: str,
    *,
    body: bytes | None = None,
    headers: Mapping[str, str] | None = None,
    timeout: float,
    cap: int,
) -> Answer:
    """One request, answered within `timeout` seconds in all, with at most `cap` bytes of body.

    Raises `DeadlineExceededError`, `AnswerTooLargeError`, or the
    `requests.RequestException` of a failed connection. Redirects are not
    followed: a 3xx comes back as an answer.
    """
    with Deadline(timeout) as deadline:
        try:
            response = session.request(
                method,
                url,
                data=body,
                headers=dict(headers or {}),
                timeout=(timeout, timeout),
                allow_redirects=False,
                stream=True,
            )
            try:
                declared = response.headers.get("Content-Length", "")
                if declared.strip().isdigit() and int(declared) > cap:
                    raise AnswerTooLargeError
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_content(1 << 16):
                    size += len(chunk)
                    if size > cap:
                        raise AnswerTooLargeError
                    chunks.append(chunk)
            finally:
                response.close()
        except (requests.RequestException, urllib3.exceptions.HTTPError, OSError):
            if deadline.expired:
                raise DeadlineExceededError from None
            raise
    return Answer(response.status_code, response.reason or "", response.headers, b"".join(chunks))
