"""Fixtures for the engine tests: real OPA servers beside the session's one."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import OpaServer, start_opa_server
from tests.engine._hostile import Behaviour, HostileServer

AUTHZ_POLICY = """package system.authz

import rego.v1

default allow := false

allow if input.identity == "s3cret-token"
"""


@pytest.fixture
def private_opa(opa_binary: str, tmp_path: Path) -> Iterator[OpaServer]:
    """An OPA server of the test's own, free to be stopped or paused."""
    server = start_opa_server(opa_binary, tmp_path / "opa.log")
    yield server
    if server.process.poll() is None:
        import signal

        server.process.send_signal(signal.SIGCONT)
    server.stop()


@pytest.fixture(scope="module")
def token_opa(opa_binary: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[OpaServer]:
    """An OPA server that answers only requests bearing the token `s3cret-token`."""
    directory = tmp_path_factory.mktemp("opa-token")
    authz = directory / "authz.rego"
    authz.write_text(AUTHZ_POLICY, encoding="utf-8")
    server = start_opa_server(
        opa_binary,
        directory / "opa.log",
        "--authentication=token",
        "--authorization=basic",
        str(authz),
        health_ok=False,
    )
    yield server
    server.stop()


@pytest.fixture(scope="module")
def tls_opa(opa_binary: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[OpaServer, Path]]:
    """An OPA server on HTTPS with a self-signed certificate for 127.0.0.1; yields it and the certificate."""
    import shutil

    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is not installed: cannot make a certificate for the TLS tests")
    directory = tmp_path_factory.mktemp("opa-tls")
    cert, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(
        [
            openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    server = start_opa_server(
        opa_binary,
        directory / "opa.log",
        "--tls-cert-file",
        str(cert),
        "--tls-private-key-file",
        str(key),
        scheme="https",
    )
    yield server, cert
    server.stop()


@pytest.fixture
def hostile() -> Iterator[Callable[[Behaviour], HostileServer]]:
    """Start hostile HTTP servers for a test (each stopped at its end)."""
    servers: list[HostileServer] = []

    def start(behaviour: Behaviour) -> HostileServer:
        server = HostileServer(behaviour)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()
