"""The `opa-server` engine: a running Open Policy Agent, over its REST API.

Through `opa-python-client`. By default the enforcer pushes its policy
modules under its own id prefix, ``enforcer/<hash>/...`` (the hash of the
modules, so two runs of the same policies share the ids), leaves every other
policy on the server alone, and deletes what it pushed when it closes. With
``push=False`` it uses whatever the server already has loaded (a bundle).

Each query is one ``POST /v1/data/<path>`` with the input. Every failure
becomes one line that names the URL and the cause: connection refused, no
answer within the timeout, 401/403, a 5xx, or a module that does not compile.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from pathlib import PurePosixPath
from typing import Any, NoReturn
from urllib.parse import quote, urlsplit

import requests

from enforcer._errors import EngineConnectionError, EngineError, PolicyCompileError
from enforcer.engine.interface import PolicyEngine, PolicyModule
from enforcer.engine.opa_cli import describe_errors

#: The id prefix of every module the enforcer pushes.
ID_PREFIX = "enforcer"
#: A query the REST data API can answer: data.a.b or data["a-b"].c
_SEGMENT = re.compile(r'\.([A-Za-z_][A-Za-z0-9_]*)|\["([^"\\]*)"\]')
#: Defined by the decision library: tells whether the server has it loaded.
_LIBRARY_MARKER = "data.enforcer.contract_version"


class OpaServerEngine(PolicyEngine):
    """Evaluates queries on a running OPA server."""

    name = "opa-server"

    def __init__(
        self,
        opa_url: str,
        opa_token: str | None = None,
        push: bool = True,
        tls_verify: bool = True,
        ca_cert: str | None = None,
        timeout: float = 10.0,
        **_: Any,
    ) -> None:
        from opa_client import OpaClient  # deferred: requests is only needed here

        self.url = opa_url.rstrip("/")
        parts = urlsplit(self.url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise EngineError(f"OPA server {opa_url}: not an http:// or https:// URL")
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:
            raise EngineError(f"OPA server {opa_url}: the port is not a number") from None
        host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
        # The client builds <scheme><host>:<port>/<version>; a path prefix
        # (OPA behind a proxy at /opa) rides along in the version.
        version = "/".join(p for p in (parts.path.strip("/"), "v1") if p)
        https = parts.scheme == "https"
        self.push = push
        self.timeout = timeout
        self._client = OpaClient(
            host=host,
            port=port,
            version=version,
            ssl=(ca_cert or True) if https else False,
            token=opa_token or None,
            retries=1,
            timeout=timeout,
        )
        if https and (ca_cert or not tls_verify):
            session = self._client._session
            # requests lets REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE override the
            # session's own choice; keep the environment's proxies only.
            session.trust_env = False
            session.proxies.update(requests.utils.get_environ_proxies(self.url))
            session.verify = ca_cert if tls_verify else False
            if not tls_verify:
                import urllib3

                # The user chose --insecure; one warning per request helps nobody.
                urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
        self._pushed: list[str] = []
        #: pushed id -> the module's own path, to name the right file in errors
        self._origins: dict[str, str] = {}

    def describe(self) -> str:
        mode = "pushed policies" if self.push else "policies loaded on the server"
        return f"opa-server ({self.url}, {mode})"

    # -- loading ---------------------------------------------------------------

    def load(self, modules: Sequence[PolicyModule]) -> None:
        if not self.push:
            if self._query_path(_LIBRARY_MARKER, None) is None:
                raise EngineError(
                    f"OPA server {self.url}: {_LIBRARY_MARKER} is undefined: the server has no enforcer"
                    " decision library loaded (load the policies as a bundle, or drop --no-push)"
                )
            return
        digest = hashlib.sha256()
        for module in modules:
            digest.update(module.path.encode() + b"\0" + module.text.encode() + b"\0")
        prefix = f"{ID_PREFIX}/{digest.hexdigest()[:16]}"
        pending = []
        for number, module in enumerate(modules):
            name = PurePosixPath(module.path.replace("\\", "/")).name or "module.rego"
            ident = f"{prefix}/{number:03d}-{_safe(name)}"
            self._origins[ident] = module.path
            pending.append((ident, module))
        # A module may use a function another one defines: push what compiles,
        # retry the rest, and stop with the first error once nothing moves.
        while pending:
            failed: list[tuple[str, PolicyModule]] = []
            first_error: PolicyCompileError | None = None
            for ident, module in pending:
                try:
                    self._put(ident, module)
                except PolicyCompileError as error:
                    failed.append((ident, module))
                    first_error = first_error or error
            if first_error is not None and len(failed) == len(pending):
                raise first_error
            pending = failed

    def _put(self, ident: str, module: PolicyModule) -> None:
        from opa_client.errors import RegoParseError

        try:
            self._client.update_policy_from_string(module.text, ident, rego_compat=False)
        except RegoParseError as error:
            self._push_failed(error)
        except requests.JSONDecodeError:
            raise EngineConnectionError(f"OPA server {self.url}: the answer to a policy upload is not JSON") from None
        except requests.RequestException as error:
            raise self._connection_error(error) from None
        if ident not in self._pushed:
            self._pushed.append(ident)

    def _push_failed(self, error: Any) -> NoReturn:
        code = str(error.expression or "")
        message = str(error.message or "")
        if code == "unauthorized":
            raise EngineConnectionError(
                f"OPA server {self.url}: unauthorized: {message} (check --opa-token or ENFORCER_OPA_TOKEN)"
            )
        if error.errors:
            detail = describe_errors(error.errors, self._origins)
            hint = ""
            if "redeclared" in detail or "conflict" in detail:
                hint = " (does the server already have these policies loaded? then use --no-push)"
            raise PolicyCompileError(f"OPA server {self.url}: {detail}{hint}")
        raise EngineError(f"OPA server {self.url}: policy upload refused: {code or 'error'}: {message}")

    # -- queries -----------------------------------------------------------------

    def query(self, query: str, input: Any = None) -> Any:
        return self._query_path(query, input)

    def _query_path(self, query: str, input: Any) -> Any:
        path = _data_path(query)
        if path is None:
            raise EngineError(
                f"OPA server {self.url}: {query!r} is not a data reference (the engine queries data.a.b only)"
            )
        try:
            answer = self._client.query_rule(input, path)
        except requests.HTTPError as error:
            raise self._http_error(query, error.response) from None
        except requests.JSONDecodeError:
            raise EngineConnectionError(f"OPA server {self.url}: {query}: the answer is not JSON") from None
        except requests.RequestException as error:
            raise self._connection_error(error) from None
        if not isinstance(answer, dict):
            raise EngineError(f"OPA server {self.url}: {query}: unexpected answer {str(answer)[:80]!r}")
        return answer.get("result")

    # -- closing -----------------------------------------------------------------

    def close(self) -> None:
        """Delete what this engine pushed (best effort) and close the connection."""
        from opa_client.errors import DeletePolicyError

        for ident in reversed(self._pushed):
            try:
                self._client.delete_policy(ident)
            except (DeletePolicyError, requests.RequestException, ValueError):
                break  # the server is gone or refuses: nothing more to clean
        self._pushed.clear()
        self._client.close_connection()

    @property
    def pushed(self) -> list[str]:
        """The ids of the modules pushed so far."""
        return list(self._pushed)

    # -- errors ------------------------------------------------------------------

    def _http_error(self, query: str, response: requests.Response | None) -> EngineError:
        status = response.status_code if response is not None else 0
        body: Any = None
        if response is not None:
            try:
                body = response.json()
            except ValueError:
                body = None
        message = str(body.get("message", "")) if isinstance(body, dict) else ""
        if status in (401, 403):
            word = "unauthorized" if status == 401 else "forbidden"
            detail = f": {message}" if message else ""
            return EngineConnectionError(
                f"OPA server {self.url}: HTTP {status} {word}{detail} (check --opa-token or ENFORCER_OPA_TOKEN)"
            )
        errors = body.get("errors") if isinstance(body, dict) else None
        if errors:
            return EngineError(f"OPA server {self.url}: {query}: {describe_errors(errors, self._origins)}")
        reason = response.reason if response is not None else ""
        detail = f": {message}" if message else ""
        if status >= 500:
            return EngineConnectionError(f"OPA server {self.url}: {query}: HTTP {status} {reason}{detail}".rstrip())
        return EngineError(f"OPA server {self.url}: {query}: HTTP {status} {reason}{detail}".rstrip())

    def _connection_error(self, error: requests.RequestException) -> EngineConnectionError:
        return EngineConnectionError(f"OPA server {self.url}: {_cause(error, self.timeout)}")


def _cause(error: requests.RequestException, timeout: float) -> str:
    """A short cause for a failed request, instead of urllib3's nested repr."""
    text = str(error)
    if isinstance(error, requests.Timeout) or "timed out" in text:
        return f"no answer within {timeout:g} s (--opa-timeout)"
    if isinstance(error, requests.exceptions.SSLError):
        if "CERTIFICATE_VERIFY_FAILED" in text:
            return "TLS certificate not trusted (give --ca-cert FILE, or --insecure)"
        return f"TLS error: {_innermost(text)}"
    if "Connection refused" in text:
        return "connection refused (is OPA running there?)"
    if "Name or service not known" in text or "nodename nor servname" in text or "resolution" in text:
        return "host name not found"
    if "Connection reset" in text or "RemoteDisconnected" in text or "Connection aborted" in text:
        return "the server closed the connection"
    return f"cannot connect: {_innermost(text)}"


def _innermost(text: str) -> str:
    found = re.findall(r"\(([^()]*)\)", text)
    detail = found[-1] if found else text
    return detail.strip(" '\"") or text


def _data_path(query: str) -> str | None:
    """``data.enforcer.decide`` -> ``enforcer/decide`` (None when not a plain reference)."""
    query = query.strip()
    if not query.startswith("data"):
        return None
    rest = query[4:]
    segments = []
    position = 0
    while position < len(rest):
        match = _SEGMENT.match(rest, position)
        if match is None:
            return None
        segments.append(match.group(1) if match.group(1) is not None else match.group(2))
        position = match.end()
    # The client turns dots into slashes: a dot inside a quoted segment is escaped.
    return "/".join(quote(segment, safe="").replace(".", "%2E") for segment in segments)


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "_", name)
