"""Results and refusals of the procedural steps, and the states they start from."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Final

import attrs

from ...errors import KhuyenCongError, TransitionError
from ...l10n.catalog import Catalogued
from ...schemas.citation import Citation
from ...schemas.codes import (
    Authority,
    LifecycleEvent,
    ProposalState,
)
from ..findings import Finding, Severity

S = ProposalState
E = LifecycleEvent
A = Authority

FINAL = frozenset({S.SETTLED, S.REJECTED, S.STOPPED})
_FINAL_CLAUSES: Final = {
    S.SETTLED: Citation(document="36/2013/TT-BCT", article=18, clause=2),
    S.REJECTED: Citation(document="36/2013/TT-BCT", article=8),
    S.STOPPED: Citation(document="36/2013/TT-BCT", article=11),
}
"""The clause that ends a proposal in each final state, cited when a step on a final proposal
is refused and its history records no step: liquidation and settlement (Khoản 2 Điều 18), the
appraisal that does not approve (Điều 8), the stop approved by the Ministry (Điều 11: khoản 2
điểm a, or khoản 3 for violations)."""
"""States a national proposal never leaves."""
_CARRY_ON = frozenset({S.ADJUSTED, S.EXTENDED})
_RUNNING = frozenset({S.APPROVED, S.CONTRACTED, S.IN_PROGRESS})
"""Approved in the plan and not yet accepted: where adjust, extend and stop apply (Art 11)."""


# ---- Results and refusals -------------------------------------------------------------------


@attrs.frozen(slots=True)
class Refusal(Catalogued):
    """Why a step was refused, in Vietnamese and English, with the clause.

    ``citation`` is the clause refused under; for a rule not encoded at that date it names only
    the governing instrument (e.g. ``17/2018/TT-BCT``).
    """

    code: str
    params: Mapping[str, Any] = attrs.field(hash=False)
    """The named parameters of its text (``finding.<code>`` in the message catalogue)."""
    citation: Citation | None
    event: LifecycleEvent
    from_state: ProposalState
    key: str | None = None
    """The catalogue key of its text when it is not ``finding.<code>``."""

    def finding(self) -> Finding:
        """This refusal as an ``error`` :class:`~khuyencong.Finding` (same code, messages,
        clause)."""
        return Finding(
            code=self.code,
            severity=Severity.ERROR,
            params=self.params,
            key=self.key,
            citation=self.citation,
        )


class TransitionRefused(TransitionError):
    """A lifecycle step was refused.  ``refusal`` holds the reason and the clause."""

    def __init__(self, refusal: Refusal) -> None:
        where = refusal.citation.en if refusal.citation is not None else "no clause"
        super().__init__(f"{refusal.message_en} [{where}]")
        self.refusal = refusal

    @property
    def citation(self) -> Citation | None:
        """The clause the step was refused under."""
        return self.refusal.citation

    @property
    def code(self) -> str:
        """A stable code for the reason."""
        return self.refusal.code


@attrs.frozen(slots=True)
class AuthorityDecision:
    """Who decides an adjustment, and under which clause.  Unpacks as ``(authority, citation)``."""

    authority: Authority
    citation: Citation

    def __iter__(self) -> Iterator[Authority | Citation]:
        yield self.authority
        yield self.citation


class _Refuse(KhuyenCongError):
    """Internal: raised by the step handlers, turned into :class:`TransitionRefused`."""

    def __init__(
        self,
        code: str,
        params: Mapping[str, Any],
        citation: Citation | None,
        *,
        key: str | None = None,
    ) -> None:
        super().__init__(code)
        self.code, self.params, self.citation, self.key = code, params, citation, key
