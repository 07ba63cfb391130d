"""`enforcer policy list`: every ban, its phases, and its status on a date.

The status comes from the policies (`data.enforcer.ban_status`, the same
`status(ban, as_of, warn_days)` the decisions use), so the listing and the
verdicts of `enforcer check` never disagree: `active` (a phase is in effect),
`upcoming` (the next phase starts within the warning window), `not-yet`,
`ended`, `inactive` (between phases) and, for a ban with `"enabled": false`,
`disabled`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import msgspec
import orjson

from enforcer._choices import ListingFormat
from enforcer._errors import EngineError
from enforcer._models import Ban, PhaseInfo
from enforcer.decide import STATUS_QUERY

if TYPE_CHECKING:
    from enforcer._run import Enforcer

#: Statuses in the order the listing counts them.
STATUSES = ("active", "upcoming", "not-yet", "inactive", "ended", "disabled")


class BanStatus(msgspec.Struct, frozen=True, kw_only=True):
    """One ban and where it stands on the as-of date."""

    ban: Ban
    #: active | upcoming | not-yet | inactive | ended | disabled
    status: str
    #: days from the as-of date to the phase below (negative when it started earlier)
    days: int | None = None
    #: the phase in effect (active) or the next one (upcoming, not-yet)
    phase: PhaseInfo | None = None
    #: the day the last phase ended (ended)
    ended: dt.date | None = None

    def describe(self) -> str:
        """The status in words: "active (deny since 2024-09-29)", "upcoming in 49 days (...)"."""
        phase, days = self.phase, self.days or 0
        if self.status == "disabled":
            return "disabled"
        if self.status == "active" and phase is not None:
            return f"active ({phase.effect} since {phase.date})"
        if self.status == "upcoming" and phase is not None:
            return f"upcoming in {_days(days)} ({phase.effect} from {phase.date})"
        if self.status == "not-yet" and phase is not None:
            return f"not yet ({phase.effect} from {phase.date}, in {_days(days)})"
        if self.status == "ended" and self.ended is not None:
            return f"ended on {self.ended}"
        return "inactive (no phase in effect)"


class PolicyListing(msgspec.Struct, frozen=True, kw_only=True):
    """The bans selected by the scopes, with their status on one date."""

    as_of: dt.date
    scopes: list[str]
    warn_days: int
    bans: list[BanStatus]

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(STATUSES, 0)
        for entry in self.bans:
            counts[entry.status] = counts.get(entry.status, 0) + 1
        return counts


def selected(bans: Sequence[Ban], scopes: Sequence[str]) -> list[Ban]:
    """The bans that carry one of the scope tags (all of them when there is no tag)."""
    if not scopes:
        return list(bans)
    wanted = set(scopes)
    return [ban for ban in bans if wanted.intersection(ban.scopes)]


def list_bans(enforcer: Enforcer) -> PolicyListing:
    """Every ban of the enforcer's policies in its scopes, with the policy's status for it."""
    options = enforcer.options
    statuses = enforcer.ban_status()
    entries = []
    for ban in selected(enforcer.bans, options.scopes):
        raw = statuses.get(ban.id)
        if not isinstance(raw, dict):
            raise EngineError(f"{STATUS_QUERY} gave no status for ban {ban.id!r}")
        try:
            # what comes from Rego is validated; the ban already was
            entry = BanStatus(
                ban=ban,
                status=str(raw["status"]) if ban.enabled else "disabled",
                days=msgspec.convert(raw.get("days"), int | None),
                phase=msgspec.convert(raw["phase"], PhaseInfo) if raw.get("phase") else None,
                ended=msgspec.convert(raw.get("ended"), dt.date | None),
            )
        except (KeyError, msgspec.ValidationError) as error:
            raise EngineError(f"{STATUS_QUERY} returned a malformed status for ban {ban.id!r}: {error}") from None
        entries.append(entry)
    return PolicyListing(as_of=options.as_of, scopes=sorted(options.scopes), warn_days=options.warn_days, bans=entries)


# -- rendering ---------------------------------------------------------------------


def render(listing: PolicyListing, format: ListingFormat) -> str:
    if format is ListingFormat.JSON:
        return render_json(listing)
    return render_table(listing)


def render_table(listing: PolicyListing) -> str:
    scopes = ", ".join(listing.scopes) or "all"
    lines = [f"bans on {listing.as_of} (scopes: {scopes}; warning window {listing.warn_days} days)", ""]
    rows = [("STATUS", "BAN", "VENDOR", "SCOPES")]
    rows.extend(
        (entry.describe(), entry.ban.id, entry.ban.vendor, ", ".join(entry.ban.scopes)) for entry in listing.bans
    )
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for number, row in enumerate(rows):
        lines.append("  ".join(row[i].ljust(widths[i]) for i in range(3)) + "  " + row[3])
        if number:
            lines.extend(_detail_lines(listing.bans[number - 1]))
    counts = listing.counts()
    summary = ", ".join(f"{counts[status]} {status.replace('-', ' ')}" for status in STATUSES)
    total = len(listing.bans)
    lines += ["", f"{total} ban{'' if total == 1 else 's'}: {summary}"]
    return "\n".join(lines) + "\n"


def _detail_lines(entry: BanStatus) -> list[str]:
    ban = entry.ban
    reviewed = f"reviewed {ban.reviewed}" if ban.reviewed else "review date not given"
    lines = [f"    covers: {ban.coverage.describe()}  ({reviewed}; confidence: {ban.confidence})"]
    current = entry.phase if entry.status == "active" else None
    for phase in entry.ban.phases:
        period = f"{phase.from_}" + (f" to {phase.until}" if phase.until else "")
        mark = (
            "  (in effect)"
            if current is not None and (current.date, current.effect) == (phase.from_, phase.effect)
            else ""
        )
        lines.append(f"    {period}  {phase.effect}  {phase.summary}{mark}")
    if entry.status == "disabled":
        lines.append(f"    disabled: {entry.ban.disabled_reason}")
    return lines


def render_json(listing: PolicyListing) -> str:
    return orjson.dumps(to_document(listing), option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS).decode() + "\n"


def to_document(listing: PolicyListing) -> dict[str, Any]:
    """The listing as plain data: one object per ban with its phases and status."""
    bans = []
    for entry in listing.bans:
        ban = msgspec.to_builtins(entry.ban)
        ban.update(
            covers=msgspec.to_builtins(entry.ban.coverage),
            coverage=entry.ban.coverage.describe(),
            status=entry.status,
            description=entry.describe(),
            days=entry.days,
            phase=msgspec.to_builtins(entry.phase) if entry.phase else None,
            ended=entry.ended.isoformat() if entry.ended else None,
        )
        bans.append(ban)
    return {
        "as_of": listing.as_of.isoformat(),
        "scopes": listing.scopes,
        "warn_days": listing.warn_days,
        "summary": listing.counts(),
        "bans": bans,
    }


def _days(days: int) -> str:
    return "1 day" if days == 1 else f"{days} days"
