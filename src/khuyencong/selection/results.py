"""Immutable results of the selection rules (attrs, frozen and slotted).

Every result carries the clause it rests on (:class:`~khuyencong.schemas.citation.Citation`) and
the provenance of what it was encoded from.  A rule that cannot answer returns either the rulebook's
:class:`~khuyencong.rulebooks.NotEncoded` (the governing instrument is not encoded, e.g. Thông tư
35/2010/TT-BCT before 21/10/2014) or a :class:`Refusal` (the question no longer has an answer in
the encoded law, e.g. the district level after the 2025 reform).  Both are falsy.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any, Literal, Protocol

import attrs

from ..l10n.catalog import NO_PARAMS, Catalogued, Text
from ..rules.findings import Finding, Severity
from ..schemas.citation import Citation, Provenance
from .codes import Region, SelectionLevel
from .geography import LegacyProvince

__all__ = [
    "AmbiguousRegion",
    "Check",
    "Deadline",
    "EntryRequirement",
    "LocalFunding",
    "NationalFunding",
    "Refusal",
    "RegionOf",
    "Verdict",
]

Status = Literal["passed", "failed", "not_assessable"]


class Sourced(Protocol):
    """What a check rests on: a clause and the provenance of its encoding (a resolved rulebook
    parameter, or a result built from one)."""

    @property
    def citation(self) -> Citation: ...

    @property
    def provenance(self) -> Provenance: ...


@attrs.frozen(slots=True)
class Check(Catalogued):
    """One condition of the law applied to one input.

    ``passed`` is ``None`` when the input needed to decide was not declared.  A check speaks the
    one vocabulary of results: :attr:`severity` and :meth:`finding`.
    """

    code: str
    passed: bool | None
    citation: Citation
    provenance: Provenance
    params: Mapping[str, Any] = attrs.field(default=NO_PARAMS, hash=False)
    """The named parameters of its text (``finding.<code>`` in the message catalogue)."""
    key: str | None = None
    """The catalogue key of its text when it is not ``finding.<code>``."""

    @classmethod
    def of(
        cls,
        code: str,
        passed: bool | None,
        rule: Sourced,
        *,
        params: Mapping[str, Any] = NO_PARAMS,
        key: str | None = None,
        citation: Citation | None = None,
    ) -> Check:
        """The check ``code`` that rests on ``rule`` (a resolved parameter, or any result with
        a ``citation`` and a ``provenance``): its clause — or ``citation``, a finer point of it —
        and its provenance."""
        return cls(
            code,
            passed,
            rule.citation if citation is None else citation,
            rule.provenance,
            params,
            key,
        )

    @property
    def severity(self) -> Severity:
        """``error`` when the check failed, ``undetermined`` when it could not be decided,
        ``info`` when it passed."""
        if self.passed is None:
            return Severity.UNDETERMINED
        return Severity.INFO if self.passed else Severity.ERROR

    def finding(self) -> Finding:
        """This check as a :class:`~khuyencong.Finding` (same code, messages, clause)."""
        return Finding(
            code=self.code,
            severity=self.severity,
            params=self.params,
            key=self.key,
            citation=self.citation,
            provenance=self.provenance,
        )


@attrs.frozen(slots=True)
class Verdict:
    """The checks of one rule set applied to one input (a product, a council, a dossier...)."""

    subject: str
    as_of: date
    checks: tuple[Check, ...]

    encoded = True

    @property
    def status(self) -> Status:
        """``failed`` if a check failed, else ``not_assessable`` if one could not be decided,
        else ``passed``."""
        if any(c.passed is False for c in self.checks):
            return "failed"
        if any(c.passed is None for c in self.checks):
            return "not_assessable"
        return "passed"

    @property
    def passed(self) -> bool:
        """True when every check passed."""
        return self.status == "passed"

    @property
    def failures(self) -> tuple[Check, ...]:
        """The checks that failed."""
        return tuple(c for c in self.checks if c.passed is False)

    @property
    def undecided(self) -> tuple[Check, ...]:
        """The checks that could not be decided for lack of a declared fact."""
        return tuple(c for c in self.checks if c.passed is None)

    @property
    def provenance(self) -> Provenance:
        """``secondary`` if any check rests on a secondary source."""
        if any(c.provenance is Provenance.SECONDARY for c in self.checks):
            return Provenance.SECONDARY
        return Provenance.OFFICIAL_TEXT

    def check(self, code: str) -> Check:
        """The check named ``code``; ``KeyError`` names it when absent."""
        for c in self.checks:
            if c.code == code:
                return c
        raise KeyError(f"verdict on {self.subject!r} has no check {code!r}")

    def codes(self) -> tuple[str, ...]:
        """The codes of the checks, in order."""
        return tuple(c.code for c in self.checks)


@attrs.frozen(slots=True)
class Refusal:
    """The encoded law has no answer to this question at this date, and the library will not
    invent one: e.g. a district-level round after the district level was abolished (01/07/2025).

    ``citation`` is the clause that no longer applies, when there is one.
    """

    code: str
    as_of: date
    reason_vi: str
    reason_en: str
    provenance: Provenance
    source: str
    citation: Citation | None = None

    encoded = False

    def __bool__(self) -> bool:
        return False

    def finding(self) -> Finding:
        """This refusal as an ``undetermined`` :class:`~khuyencong.Finding`."""
        return Finding(
            code=self.code,
            severity=Severity.UNDETERMINED,
            params={"text": Text(self.reason_vi, self.reason_en)},
            key="finding.verbatim",
            citation=self.citation,
            provenance=self.provenance,
        )


@attrs.frozen(slots=True)
class RegionOf:
    """The region a province belongs to (điểm c khoản 1 Điều 3 Thông tư 26/2014/TT-BCT).

    ``via`` are the provinces before 2025 the answer rests on: the province itself, or the
    predecessors of a 2025 province (then ``provenance`` is ``secondary``: the old-to-new mapping
    is not encoded from an official text).
    """

    province: str
    region: Region
    via: tuple[LegacyProvince, ...]
    citation: Citation
    provenance: Provenance
    note_vi: str = ""
    note_en: str = ""

    encoded = True


@attrs.frozen(slots=True)
class AmbiguousRegion:
    """A 2025 province formed from provinces of different regions: the Circular lists the
    provinces before the merger, so it names no single region for it.  Falsy.

    ``candidates`` pairs each region with the predecessors that belonged to it.
    """

    province: str
    candidates: tuple[tuple[Region, tuple[LegacyProvince, ...]], ...]
    citation: Citation
    provenance: Provenance
    message_vi: str
    message_en: str

    encoded = True

    def __bool__(self) -> bool:
        return False

    @property
    def regions(self) -> tuple[Region, ...]:
        """The regions of the predecessors, in the order of the Circular."""
        return tuple(r for r, _ in self.candidates)


@attrs.frozen(slots=True)
class EntryRequirement:
    """How a product enters a level (khoản 2 Điều 10, Điều 12 Thông tư 26/2014/TT-BCT): the
    level whose still-valid certificate it needs, and whose letter recommends it."""

    level: SelectionLevel
    certificate_of: SelectionLevel | None
    recommender_vi: str
    recommender_en: str
    citation: Citation
    provenance: Provenance


@attrs.frozen(slots=True)
class Deadline:
    """A time limit counted in working days (Điều 20 Thông tư 26/2014/TT-BCT).

    The library counts Monday to Friday and skips the holidays the caller declares; it does not
    carry the calendar of public holidays.
    """

    start: date
    last_day: date
    working_days: int
    citation: Citation
    provenance: Provenance
    holidays_declared: int


@attrs.frozen(slots=True)
class NationalFunding:
    """National khuyến công funds for a regional or national round (khoản 2 Điều 19, điểm a
    khoản 2 Điều 21 Thông tư 26/2014/TT-BCT): the caps of điểm g khoản 2 Điều 6 TTLT
    26/2014/TTLT-BTC-BCT, per round and per awarded product."""

    level: SelectionLevel
    round_cap: Decimal
    award_cap: Decimal
    basis: Citation
    round_citation: Citation
    award_citation: Citation
    provenance: Provenance

    encoded = True


@attrs.frozen(slots=True)
class LocalFunding:
    """Local khuyến công funds for a district or provincial round (khoản 1 Điều 19, điểm b khoản 2
    Điều 21 Thông tư 26/2014/TT-BCT): the levels are set by the provincial People's Committee,
    so no national cap applies; load the province's own rulebook for them."""

    level: SelectionLevel
    citation: Citation
    award_citation: Citation
    provenance: Provenance
    message_vi: str
    message_en: str

    encoded = True
