"""Findings: what the engine has to say about a proposal, each with its clause."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any, Final

import attrs

from ..l10n.catalog import NO_PARAMS, Catalogued, Text
from ..rulebooks.core import Caveat, NotEncoded, Resolved
from ..schemas.citation import Citation, Provenance

__all__ = ["SEVERITY_ORDER", "Bilingual", "Finding", "Severity", "note"]


class Severity(StrEnum):
    """How a finding weighs on the outcome.

    ``error``: a rule is broken — the proposal, or the line, is ineligible.
    ``undetermined``: a rule cannot be decided (a fact is missing, or the governing rule is not
    encoded) — the proposal is not assessable until it is.
    ``warning``: the outcome stands but depends on something to confirm (a declaration, a value
    known only from a secondary source, an instrument amended in ways not encoded).
    ``info``: context a clerk would mention.
    """

    ERROR = "error"
    UNDETERMINED = "undetermined"
    WARNING = "warning"
    INFO = "info"


SEVERITY_ORDER: Final[dict[str, int]] = {
    Severity.INFO: 0,
    Severity.WARNING: 1,
    Severity.UNDETERMINED: 2,
    Severity.ERROR: 3,
}
"""Severities from the mildest to the worst (keyed by the enum, which equals its plain string:
row findings of the datasets layer carry the same values as strings)."""


Bilingual = Catalogued
"""The base of every result that speaks in Vietnamese and English — :class:`Finding`, the row
findings of the datasets layer, the selection checks and the lifecycle refusals: a ``code``, named
``params`` and, when its text is not the catalogue's ``finding.<code>``, a ``key``; its
``message(lang)``, ``message_vi`` and ``message_en`` are rendered from the message catalogue
(:mod:`khuyencong.l10n.catalog`) only when read."""


@attrs.frozen(slots=True)
class Finding(Bilingual):
    """One reason, in Vietnamese and English, with the clause it rests on.

    ``line`` is the index of the budget line (0-based) and ``beneficiary`` that of the beneficiary
    the finding is about, when it is about one.
    """

    code: str
    severity: Severity
    params: Mapping[str, Any] = attrs.field(default=NO_PARAMS, hash=False)
    """The named parameters of its text (``finding.<code>`` in the message catalogue)."""
    citation: Citation | None = None
    provenance: Provenance | None = None
    line: int | None = None
    beneficiary: int | None = None
    instrument: str | None = None
    """The governing instrument, for ``not_encoded`` findings."""
    key: str | None = None
    """The catalogue key of its text when it is not ``finding.<code>``."""

    @classmethod
    def of(
        cls,
        code: str,
        severity: Severity,
        params: Mapping[str, Any],
        rule: Resolved | None,
        line: int | None = None,
        beneficiary: int | None = None,
        *,
        key: str | None = None,
    ) -> Finding:
        """A finding that rests on the resolved ``rule``: its citation and provenance."""
        return cls(
            code=code,
            severity=severity,
            params=params,
            citation=None if rule is None else rule.citation,
            provenance=None if rule is None else rule.provenance,
            line=line,
            beneficiary=beneficiary,
            key=key,
        )

    @classmethod
    def not_encoded(
        cls, result: NotEncoded, *, line: int | None = None, beneficiary: int | None = None
    ) -> Finding:
        """The finding for a rule the library does not encode at that date."""
        return cls(
            code="not_encoded",
            severity=Severity.UNDETERMINED,
            params={"reason": Text(result.reason_vi, result.reason_en)},
            line=line,
            beneficiary=beneficiary,
            instrument=result.instrument,
        )

    @classmethod
    def caveat(cls, caveat: Caveat, resolved: Resolved, *, line: int | None = None) -> Finding:
        """The warning that an applied rule's instrument was amended in ways not encoded."""
        return cls(
            code="instrument_amended",
            severity=Severity.WARNING,
            params={"caveat": Text(caveat.message_vi, caveat.message_en)},
            citation=resolved.citation,
            provenance=resolved.provenance,
            line=line,
            instrument=caveat.document,
        )

    @classmethod
    def secondary(
        cls, resolved: Resolved, label_vi: str, label_en: str, *, line: int | None = None
    ) -> Finding:
        """The warning that a result depends on a value known only from a secondary source."""
        return cls(
            code="secondary_source",
            severity=Severity.WARNING,
            params={"label": Text(label_vi, label_en), "source": resolved.source},
            citation=resolved.citation,
            provenance=Provenance.SECONDARY,
            line=line,
        )

    @classmethod
    def user_supplied(
        cls, resolved: Resolved, label_vi: str, label_en: str, *, line: int | None = None
    ) -> Finding:
        """The warning that a result depends on a value supplied by the user in a national
        amendment rulebook (``resolved.source`` names who, the rulebook and the file, and says
        when its figures are illustrative)."""
        return cls(
            code="user_supplied",
            severity=Severity.WARNING,
            params={
                "label": Text(label_vi, label_en),
                "citation": resolved.citation,
                "source": resolved.source,
            },
            citation=resolved.citation,
            provenance=Provenance.USER_SUPPLIED,
            line=line,
        )


def note(
    code: str,
    params: Mapping[str, Any] = NO_PARAMS,
    citation: Citation | None = None,
    *,
    key: str | None = None,
) -> Finding:
    """An informational finding: a remark with its clause (used by the procedural rules)."""
    return Finding(code=code, severity=Severity.INFO, params=params, citation=citation, key=key)
