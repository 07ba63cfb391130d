"""The exception tree of the enforcer.

Every error the library raises on purpose derives from `EnforcerError`; the
CLI catches that one class, prints its message on a single line and exits 3.

    EnforcerError
    ├── SbomError                 an SBOM could not be read
    │   ├── SbomParseError        not valid JSON/XML/tag-value, or wrong types
    │   └── UnsupportedSbomError  readable, but not an SBOM format we know
    ├── SettingError              an environment variable has a bad value (CLI: exit 2)
    ├── PolicyError               the policies or waivers are wrong
    │   ├── PolicyCompileError    a Rego module does not compile
    │   └── BanValidationError    a ban or waiver breaks the contract
    ├── EngineError               the policy engine failed
    │   └── EngineConnectionError the engine (OPA server, opa binary) is unreachable
    └── ReportError               a JSON report does not follow its schema (`read_report`)

Messages start with what failed and where, then the cause:
``fixtures/broken.json: not valid JSON: unexpected end of data (line 3, column 9)``.
"""

from __future__ import annotations


class EnforcerError(Exception):
    """Root of every error the enforcer raises on purpose."""

    def lines(self) -> list[str]:
        """What to tell the user, a line each (one line for most errors)."""
        return [str(self)]


class SbomError(EnforcerError):
    """An SBOM could not be read."""


class SbomParseError(SbomError):
    """An SBOM is malformed: bad syntax, wrong types, or beyond a safety limit."""


class UnsupportedSbomError(SbomError):
    """A file is readable but is not an SBOM format the enforcer knows."""


class SettingError(EnforcerError):
    """An environment variable the enforcer reads has a value it cannot use (`enforcer._env`)."""


class PolicyError(EnforcerError):
    """The policies, bans or waivers are wrong."""


class PolicyCompileError(PolicyError):
    """A Rego module does not parse or compile."""


class _Problems(EnforcerError):
    """An error of many problems: the first (and how many more) is its message, `lines` gives each."""

    def __init__(self, *problems: str) -> None:
        super().__init__(problems[0] if len(problems) == 1 else f"{problems[0]} (and {len(problems) - 1} more)")
        self.problems = list(problems)

    def lines(self) -> list[str]:
        return list(self.problems)


class BanValidationError(_Problems, PolicyError):
    """Bans or waivers do not follow the policy contract: every problem, each with its file, id and field."""


class EngineError(EnforcerError):
    """The policy engine failed to answer a query."""


class EngineConnectionError(EngineError):
    """The policy engine cannot be reached."""


class ReportError(_Problems):
    """A JSON report does not follow its schema: every problem, a line each."""
