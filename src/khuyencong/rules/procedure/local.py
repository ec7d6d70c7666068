"""Local procedures set by the provincial People's Committee (Điểm b khoản 3 Điều 8 Thông tư
46/2012/TT-BCT)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import attrs

from ..._args import check_date
from ...errors import NotEncodedError
from ...rulebooks import Rulebook
from ...schemas.citation import Citation
from ...schemas.codes import (
    Authority,
    LifecycleEvent,
    ProposalState,
)
from .._procedure import (
    LOCAL_PROCEDURE,
    require,
)

_TABLE = "local.procedure"
"""The table parameter of a provincial overlay that holds its local procedure."""


@attrs.frozen(slots=True)
class LocalStep:
    """One step of a province's local procedure: ``event`` moves a proposal from one of
    ``sources`` to ``target`` (``None``: it stays), decided by one of ``authorities``."""

    event: LifecycleEvent
    sources: frozenset[ProposalState]
    target: ProposalState | None
    authorities: frozenset[Authority]


@attrs.frozen(slots=True)
class LocalProcedure:
    """A province's procedure for local proposals (Điểm b khoản 3 Điều 8 TT 46/2012/TT-BCT: the
    provincial People's Committee sets it).  ``citation`` is the provincial instrument."""

    steps: tuple[LocalStep, ...]
    citation: Citation
    name: str = ""

    @classmethod
    def linear(
        cls,
        steps: Sequence[tuple[LifecycleEvent | str, ProposalState | str, Authority | str]],
        *,
        citation: Citation,
        name: str = "",
    ) -> LocalProcedure:
        """A simple sequence from ``draft``: each (event, state reached, deciding authority)
        follows the previous one."""
        out: list[LocalStep] = []
        previous = ProposalState.DRAFT
        for event, target, authority in steps:
            reached = ProposalState(target)
            out.append(
                LocalStep(
                    LifecycleEvent(event),
                    frozenset({previous}),
                    reached,
                    frozenset({Authority(authority)}),
                )
            )
            previous = reached
        return cls(tuple(out), citation, name)

    @classmethod
    def from_rulebook(cls, rulebook: Rulebook, as_of: date) -> LocalProcedure:
        """The procedure of a provincial overlay: its table parameter ``local.procedure`` maps
        each event to ``["from|from...", "to" or "", "authority|authority..."]``.

        Raises ``NotEncodedError`` when the overlay has no such parameter in force on ``as_of``.
        """
        as_of = check_date(as_of, "as_of")
        if _TABLE not in rulebook:
            raise NotEncodedError(
                f"rulebook {rulebook.id!r} has no 'local.procedure': the provincial People's "
                "Committee sets the local procedure "
                f"({LOCAL_PROCEDURE.en})"
            )
        resolved = require(rulebook, _TABLE, as_of)
        steps: list[LocalStep] = []
        for event, row in resolved.table.items():
            if len(row) != 3:
                raise ValueError(
                    f"{_TABLE}.{event}: expected [sources, target, authorities], got {row!r}"
                )
            sources, target, authorities = row
            steps.append(
                LocalStep(
                    LifecycleEvent(event),
                    frozenset(ProposalState(s) for s in sources.split("|")),
                    ProposalState(target) if target else None,
                    frozenset(Authority(a) for a in authorities.split("|")),
                )
            )
        return cls(tuple(steps), resolved.citation, rulebook.title_vi)
