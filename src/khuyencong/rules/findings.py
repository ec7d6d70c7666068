"""Findings: what the engine has to say about a proposal, each with its clause."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Final

import attrs

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


class Bilingual:
    """Mixin of every result that speaks in Vietnamese and English: :class:`Finding`, the row
    findings of the datasets layer, the selection checks and the lifecycle refusals.  The class
    has ``message_vi`` and ``message_en`` fields; this gives the one ``message(lang)``."""

    __slots__ = ()

    if TYPE_CHECKING:
        message_vi: str
        message_en: str

    def message(self, lang: str = "vi") -> str:
        """The message in ``lang`` ("vi" or "en")."""
        return self.message_vi if lang == "vi" else self.message_en


@attrs.frozen(slots=True)
class Finding(Bilingual):
    """One reason, in Vietnamese and English, with the clause it rests on.

    ``line`` is the index of the budget line (0-based) and ``beneficiary`` that of the beneficiary
    the finding is about, when it is about one.
    """

    code: str
    severity: Severity
    message_vi: str
    message_en: str
    citation: Citation | None = None
    provenance: Provenance | None = None
    line: int | None = None
    beneficiary: int | None = None
    instrument: str | None = None
    """The governing instrument, for ``not_encoded`` findings."""

    @classmethod
    def of(
        cls,
        code: str,
        severity: Severity,
        message_vi: str,
        message_en: str,
        rule: Resolved | None,
        line: int | None = None,
        beneficiary: int | None = None,
    ) -> Finding:
        """A finding that rests on the resolved ``rule``: its citation and provenance."""
        return cls(
            code=code,
            severity=severity,
            message_vi=message_vi,
            message_en=message_en,
            citation=None if rule is None else rule.citation,
            provenance=None if rule is None else rule.provenance,
            line=line,
            beneficiary=beneficiary,
        )

    @classmethod
    def not_encoded(
        cls, result: NotEncoded, *, line: int | None = None, beneficiary: int | None = None
    ) -> Finding:
        """The finding for a rule the library does not encode at that date."""
        return cls(
            code="not_encoded",
            severity=Severity.UNDETERMINED,
            message_vi=result.reason_vi,
            message_en=result.reason_en,
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
            message_vi=caveat.message_vi,
            message_en=caveat.message_en,
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
            message_vi=(
                f"“{label_vi}” dựa trên nguồn thứ cấp, không phải văn bản chính thức "
                f"({resolved.source})."
            ),
            message_en=(
                f"'{label_en}' rests on a secondary source, not the official text "
                f"({resolved.source})."
            ),
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
            message_vi=(
                f"“{label_vi}” theo giá trị do người dùng cung cấp (user_supplied) trong quy định "
                f"sửa đổi đã nạp, {resolved.citation.vi}: {resolved.source}."
            ),
            message_en=(
                f"'{label_en}' uses a user_supplied value from a loaded national amendment "
                f"rulebook, {resolved.citation.en}: {resolved.source}."
            ),
            citation=resolved.citation,
            provenance=Provenance.USER_SUPPLIED,
            line=line,
        )


def note(code: str, message_vi: str, message_en: str, citation: Citation | None = None) -> Finding:
    """An informational finding: a remark with its clause (used by the procedural rules)."""
    return Finding(
        code=code,
        severity=Severity.INFO,
        message_vi=message_vi,
        message_en=message_en,
        citation=citation,
    )
