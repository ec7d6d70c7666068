"""The entry point: :func:`transition` moves a proposal by one step, or refuses it with the clause."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from ..._args import check_date
from ...errors import NotEncodedError
from ...l10n.catalog import NO_PARAMS, Text
from ...rulebooks import Rulebook
from ...schemas.citation import Citation
from ...schemas.codes import (
    Authority,
    FundingSourceKind,
    LifecycleEvent,
)
from ...schemas.proposal import HistoryEntry, Proposal
from .._procedure import (
    require,
    rulebook_or_national,
)
from .common import _FINAL_CLAUSES, FINAL, Refusal, TransitionRefused, _Refuse
from .local import LocalProcedure
from .steps import _Context, _Step, effective_state
from .workflow import _HANDLERS


def _authority(
    actor: str | Authority, details: Mapping[str, object]
) -> tuple[Authority, str | None]:
    if isinstance(actor, Authority):
        return actor, None
    try:
        return Authority(actor), None
    except ValueError:
        pass
    given = details.get("authority")
    if given is None:
        raise ValueError(
            f"actor {actor!r} is not an Authority code; pass authority=... for a named actor"
        )
    return Authority(str(given)), actor


def _local_step(
    proposal: Proposal, event: LifecycleEvent, authority: Authority, procedure: LocalProcedure
) -> _Step:
    matching = [s for s in procedure.steps if s.event is event]
    if not matching:
        raise _Refuse(
            "event_not_in_local_procedure",
            {"event": event},
            procedure.citation,
        )
    here = [s for s in matching if proposal.state in s.sources]
    if not here:
        raise _Refuse(
            "illegal_state",
            {"event": event, "state": proposal.state},
            procedure.citation,
            key="finding.illegal_state.2",
        )
    step = next((s for s in here if authority in s.authorities), None)
    if step is None:
        names = sorted({a for s in here for a in s.authorities}, key=lambda a: a.en)
        raise _Refuse(
            "actor_not_competent",
            {"authority": authority, "names": names},
            procedure.citation,
            key="finding.actor_not_competent.2",
        )
    return _Step(step.target or proposal.state, authority, procedure.citation)


def transition(
    proposal: Proposal,
    event: LifecycleEvent | str,
    *,
    as_of: date,
    actor: str | Authority,
    reason: str = "",
    rulebook: Rulebook | None = None,
    procedure: LocalProcedure | None = None,
    **details: object,
) -> Proposal:
    """Apply ``event`` to ``proposal`` on ``as_of`` by ``actor``; return the new proposal.

    The result is a copy with the new state and one more :class:`HistoryEntry` (event, from and
    to state, authority, date, reason, citation, amount).  ``proposal`` itself never changes.

    National proposals follow Thông tư 36/2013/TT-BCT (see the module docstring for the steps and
    their clauses); local proposals follow ``procedure`` (Điểm b khoản 3 Điều 8 Thông tư
    46/2012/TT-BCT).  ``actor`` is an :class:`Authority` (or its code), or a name together with
    ``authority=...``.  Event details: ``direct`` and ``guidance`` (register), ``beneficiaries``,
    ``locations``, ``coordinating_units`` (fix_beneficiaries, adjust), ``bidding_decision``
    (contract), ``amount``, ``stage``, ``progress``, ``ratio_decided`` (advance), ``changes``,
    ``budget_lines``, ``contents``, ``start_date``, ``end_date`` and ``provincial_confirmation``
    (adjust, extend, stop).

    Raises :class:`TransitionRefused` with the reason and the clause; a step at a date whose
    governing instrument is not encoded is refused naming that instrument.  Malformed details
    raise ``ValueError``.
    """
    as_of = check_date(as_of, "as_of")
    event = LifecycleEvent(event)
    authority, actor_name = _authority(actor, details)
    national = proposal.funding.kind is FundingSourceKind.NATIONAL
    state = effective_state(proposal) if national else proposal.state

    def refuse(
        code: str,
        params: Mapping[str, Any],
        citation: Citation | None,
        key: str | None = None,
    ) -> TransitionRefused:
        return TransitionRefused(Refusal(code, params, citation, event, proposal.state, key))

    if proposal.history and as_of < proposal.history[-1].on:
        last = proposal.history[-1]
        raise refuse(
            "before_last_step",
            {"as_of": as_of, "on": last.on},
            last.citation,
        )
    rb = rulebook_or_national(rulebook)
    try:
        if national:
            if proposal.state in FINAL:
                last_citation = proposal.history[-1].citation if proposal.history else None
                if last_citation is None:
                    # No recorded step: cite the article that makes the state final.
                    last_citation = _FINAL_CLAUSES[proposal.state]
                raise _Refuse(
                    "final_state",
                    {"state": proposal.state},
                    last_citation,
                )
            require(rb, "workflow.national", as_of)
            ctx = _Context(proposal, event, state, as_of, authority, reason, details, rb)
            step = _HANDLERS[event](ctx)
        else:
            if procedure is None:
                enabling = require(rb, "local.procedure_set_by_province", as_of)
                raise _Refuse(
                    "local_procedure_required",
                    NO_PARAMS,
                    enabling.citation,
                )
            step = _local_step(proposal, event, authority, procedure)
    except _Refuse as exc:
        raise refuse(exc.code, exc.params, exc.citation, exc.key) from None
    except NotEncodedError as exc:
        not_encoded = exc.not_encoded
        instrument = exc.instrument
        raise refuse(
            "not_encoded",
            {
                "reason": Text(not_encoded.reason_vi, not_encoded.reason_en)
                if not_encoded is not None
                else str(exc)
            },
            Citation(document=instrument) if instrument else None,
        ) from None

    entry = HistoryEntry(
        event=event,
        on=as_of,
        from_state=proposal.state,
        to_state=step.to_state,
        authority=step.authority,
        actor=actor_name,
        reason=" ".join(x for x in (reason.strip(), step.note) if x),
        citation=step.citation,
        amount=step.amount,
    )
    update: dict[str, Any] = {
        **step.updates,
        "state": step.to_state,
        "history": (*proposal.history, entry),
    }
    fields = set(step.updates) - {"approved_on", "procurement"}
    new = proposal.model_copy(update=update)
    if fields:
        # User-supplied fields: run the model's own checks once more on the whole proposal.
        new = Proposal.model_validate(new.model_dump())
    return new
