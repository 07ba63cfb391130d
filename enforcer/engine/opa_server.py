"""The `opa-server` engine: a running Open Policy Agent, over its REST API.

Through `opa-python-client`, whose session (TLS, token, retries) carries
every request. By default the enforcer pushes its policy modules under its
own id prefix, ``enforcer/<hash>/...`` (the hash of the modules, so two runs
of the same policies share the ids), leaves every other policy on the server
alone, and deletes what it pushed when it closes, when a push fails part
way, and when the engine is dropped without being closed. With
``push=False`` it uses whatever the server already has loaded (a bundle).

Each query is one ``POST /v1/data/<path>`` with the input. Every request
has one deadline for the whole exchange (`--opa-timeout`, however slowly
the server trickles its answer), an answer larger than
``ENFORCER_MAX_ANSWER_BYTES`` is refused, and a redirect is an error that
names where it points (a load balancer's replica may not hold the
policies). Every failure becomes one line that names the URL and the
cause: connection refused, no answer within the timeout, 401/403, a 5xx, a
module that does not compile, or an answer the policies cannot give.
"""

from __future__ import annotations

import hashlib
import re
import weakref
from collections.abc import Sequence
from pathlib import PurePosixPath
from typing import Any, NoReturn
from urllib.parse import quote, urlsplit

import orjson
import requests

from enforcer._errors import EngineConnectionError, EngineError, PolicyCompileError
from enforcer.engine import _http, _limits
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
    answer_hint = (
        "does the server hold these policies? a load balancer may have sent the query to a replica without them"
    )

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
        session: requests.Session = self._client._session
        if https and (ca_cert or not tls_verify):
            # requests lets REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE override the
            # session's own choice; keep the environment's proxies only.
            session.trust_env = False
            session.proxies.update(requests.utils.get_environ_proxies(self.url))
            session.verify = ca_cert if tls_verify else False
            if not tls_verify:
                import urllib3

                # The user chose --insecure; one warning per request helps nobody.
                urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
        # the client's retries, on connections that obey each request's deadline
        from urllib3.util.retry import Retry

        retries = Retry(total=1, backoff_factor=0.3, status_forcelist=(500, 502, 504), raise_on_status=False)
        adapter = _http.DeadlineAdapter(max_retries=retries)
        session.mount("http://", adapter)
        session.mount("https://", adapter)
        self._session = session
        self._root = self._client.root_url
        self._cap = _limits.max_answer_bytes()
        #: ids pushed and not deleted yet (shared with the finalizer, which holds no reference to the engine)
        self._pushed: list[str] = []
        #: pushed id -> the module's own path, to name the right file in errors
        self._origins: dict[str, str] = {}
        #: ids that could not be deleted when the engine closed
        self.left_behind: list[str] = []
        self._cleanup = weakref.finalize(
            self, _delete_policies, session, self._root, self._pushed, self.left_behind, timeout, self._cap
        )

    def describe(self) -> str:
        mode = "pushed policies" if self.push else "policies loaded on the server"
        return f"opa-server ({self.url}, {mode})"

    # -- loading ---------------------------------------------------------------

    def load(self, modules: Sequence[PolicyModule]) -> None:
        self._note_modules(modules)
        if not self.push:
            if self._query_path(_LIBRARY_MARKER, None) is None:
                raise EngineError(
                    f"OPA server {self.url}: {_LIBRARY_MARKER} is undefined: the server has no enforcer"
                    " decision library loaded (load the policies as a bundle, or drop --no-push)"
                )
            return
        try:
            self._push(modules)
        except BaseException:
            self._delete_pushed()  # a push that fails part way leaves nothing behind
            raise

    def _push(self, modules: Sequence[PolicyModule]) -> None:
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
        # counted as pushed before it is sent: an upload whose answer never
        # comes may still have reached the server
        if ident not in self._pushed:
            self._pushed.append(ident)
        answer = self._send("PUT", f"policies/{ident}", module.text.encode(), "text/plain", "policy upload")
        if answer.status != 200:
            self._pushed.remove(ident)
            self._push_failed(answer)

    def _push_failed(self, answer: _http.Answer) -> NoReturn:
        body = _json_object(answer.body)
        code = str(body.get("code") or "")
        message = str(body.get("message") or "")
        if answer.status in (401, 403) or code == "unauthorized":
            detail = f": {message}" if message else ""
            word = "forbidden" if answer.status == 403 else "unauthorized"
            raise EngineConnectionError(
                f"OPA server {self.url}: {word}{detail} (check --opa-token or ENFORCER_OPA_TOKEN)"
            )
        errors = body.get("errors")
        if isinstance(errors, list) and errors:
            detail = describe_errors(errors, self._origins)
            hint = ""
            if "redeclared" in detail or "conflict" in detail:
                hint = " (does the server already have these policies loaded? then use --no-push)"
            raise PolicyCompileError(f"OPA server {self.url}: {detail}{hint}")
        if answer.status >= 500:
            raise EngineConnectionError(
                f"OPA server {self.url}: policy upload: HTTP {answer.status} {answer.reason}".rstrip()
            )
        raise EngineError(
            f"OPA server {self.url}: policy upload refused: HTTP {answer.status}: {code or 'error'}: {message}"
        )

    # -- queries -----------------------------------------------------------------

    def query(self, query: str, input: Any = None, *, bounded: bool = True) -> Any:
        value = self._query_path(query, input)
        self.check_answer(query, value, source=f"OPA server {self.url}")
        return value

    def _query_path(self, query: str, input: Any) -> Any:
        path = _data_path(query)
        if path is None:
            raise EngineError(
                f"OPA server {self.url}: {query!r} is not a data reference (the engine queries data.a.b only)"
            )
        answer = self._send("POST", f"data/{path}", orjson.dumps({"input": input}), "application/json", query)
        if answer.status != 200:
            raise self._http_error(query, answer)
        try:
            document = orjson.loads(answer.body)
        except orjson.JSONDecodeError:
            raise EngineConnectionError(f"OPA server {self.url}: {query}: the answer is not JSON") from None
        if not isinstance(document, dict):
            raise EngineError(f"OPA server {self.url}: {query}: unexpected answer {answer.body[:80]!r}")
        return document.get("result")  # absent: undefined

    def _send(self, method: str, path: str, body: bytes, content_type: str, what: str) -> _http.Answer:
        """One request to the server's REST API, bounded in time and size; a redirect is an error."""
        try:
            answer = _http.send(
                self._session,
                method,
                f"{self._root}/{path}",
                body=body,
                headers={"Content-Type": content_type},
                timeout=self.timeout,
                cap=self._cap,
            )
        except _http.DeadlineExceededError:
            raise EngineConnectionError(
                f"OPA server {self.url}: no answer within {self.timeout:g} s (--opa-timeout)"
            ) from None
        except _http.AnswerTooLargeError:
            raise EngineError(
                f"OPA server {self.url}: {what}: the answer is larger than {_limits.describe_size(self._cap)}"
                " (ENFORCER_MAX_ANSWER_BYTES)"
            ) from None
        except requests.RequestException as error:
            raise self._connection_error(error) from None
        if 300 <= answer.status < 400:
            location = answer.headers.get("Location") or "(no Location)"
            raise EngineError(
                f"OPA server {self.url}: {what}: HTTP {answer.status} redirect to {location}"
                " (the enforcer follows no redirect: give --opa-url the server that answers)"
            )
        return answer

    # -- closing -----------------------------------------------------------------

    def close(self) -> None:
        """Delete what this engine pushed and close the connection (once; also done if the engine is dropped)."""
        self._cleanup()

    def _delete_pushed(self) -> None:
        _delete_policies(
            self._session, self._root, self._pushed, self.left_behind, self.timeout, self._cap, close_session=False
        )

    @property
    def pushed(self) -> list[str]:
        """The ids of the modules pushed so far (and not deleted)."""
        return list(self._pushed)

    # -- errors ------------------------------------------------------------------

    def _http_error(self, query: str, answer: _http.Answer) -> EngineError:
        status = answer.status
        body = _json_object(answer.body)
        message = str(body.get("message", ""))
        if status in (401, 403):
            word = "unauthorized" if status == 401 else "forbidden"
            detail = f": {message}" if message else ""
            return EngineConnectionError(
                f"OPA server {self.url}: HTTP {status} {word}{detail} (check --opa-token or ENFORCER_OPA_TOKEN)"
            )
        errors = body.get("errors")
        if isinstance(errors, list) and errors:
            return EngineError(f"OPA server {self.url}: {query}: {describe_errors(errors, self._origins)}")
        detail = f": {message}" if message else ""
        if status >= 500:
            return EngineConnectionError(
                f"OPA server {self.url}: {query}: HTTP {status} {answer.reason}{detail}".rstrip()
            )
        return EngineError(f"OPA server {self.url}: {query}: HTTP {status} {answer.reason}{detail}".rstrip())

    def _connection_error(self, error: requests.RequestException) -> EngineConnectionError:
        return EngineConnectionError(f"OPA server {self.url}: {_cause(error, self.timeout)}")


def _delete_policies(
    session: requests.Session,
    root: str,
    pushed: list[str],
    left_behind: list[str],
    timeout: float,
    cap: int,
    *,
    close_session: bool = True,
) -> None:
    """Delete the pushed ids, newest first, then close the session.

    An id the server no longer has counts as deleted. When the server cannot
    be reached (refused, no answer in time) the rest are not tried: each
    would wait as long. What was not deleted is kept in `left_behind`.
    """
    while pushed:
        ident = pushed[-1]
        try:
            answer = _http.send(session, "DELETE", f"{root}/policies/{ident}", timeout=timeout, cap=cap)
        except (_http.DeadlineExceededError, _http.AnswerTooLargeError, requests.RequestException):
            left_behind.extend(reversed(pushed))
            pushed.clear()
            break
        pushed.pop()
        if answer.status not in (200, 204, 404):
            left_behind.append(ident)
    if close_session:
        session.close()


def _json_object(body: bytes) -> dict[str, Any]:
    try:
        document = orjson.loads(body)
    except orjson.JSONDecodeError:
        return {}
    return document if isinstance(document, dict) else {}


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
