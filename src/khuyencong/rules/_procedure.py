"""Small shared pieces of the procedural rules (lifecycle, advances, calendar, procurement, plans).

Kept private; remarks are :class:`~khuyencong.rules.findings.Finding` objects (see ``note``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import wraps
from typing import TYPE_CHECKING, ParamSpec, TypeVar

import attrs

from .._args import check_rulebook
from ..errors import NotEncodedError
from ..l10n.catalog import Text, bilingual
from ..rulebooks import NotEncoded, Resolved, Rulebook, national
from ..schemas.citation import Citation, Provenance
from ..schemas.codes import FundingSourceKind, LifecycleEvent
from ..schemas.money import floor_dong
from ..schemas.proposal import Proposal

__all__ = [
    "DIRECT_REGISTRATION",
    "LOCAL_PROCEDURE",
    "TT36",
    "TT36_END",
    "TT46",
    "TTLT26",
    "Unanswered",
    "attempt",
    "cite",
    "event_dates",
    "floor_dong",
    "implementation_year",
    "not_encoded_error",
    "registered_directly",
    "require",
    "require_national",
    "returns_not_encoded",
    "rulebook_or_national",
    "tt36_end",
]

TT36 = "36/2013/TT-BCT"
"""Thông tư 36/2013/TT-BCT: the national procedure (Điều 7.5.TT.2.x of the Bộ pháp điển)."""
TTLT26 = "26/2014/TTLT-BTC-BCT"
"""Thông tư liên tịch 26/2014/TTLT-BTC-BCT: funding (Điều 7.5.TL.2.x)."""
TT46 = "46/2012/TT-BCT"
"""Thông tư 46/2012/TT-BCT (Điều 7.5.TT.1.x)."""


def cite(
    article: int, clause: int | None = None, point: str | None = None, document: str = TT36
) -> Citation:
    """A citation of ``document`` (TT 36/2013 unless told)."""
    return Citation(document=document, article=article, clause=clause, point=point)


LOCAL_PROCEDURE = Citation(document=TT46, article=8, clause=3, point="b")
"""The provincial People's Committee sets the procedure of local proposals (Điểm b khoản 3
Điều 8 TT 46/2012/TT-BCT)."""


def require_national(proposal: Proposal, message: str) -> None:
    """Raise :class:`~khuyencong.errors.NotEncodedError` with ``message`` and the clause that
    leaves local proposals' procedure to the province, when ``proposal`` is a local one."""
    if proposal.funding.kind is FundingSourceKind.LOCAL:
        raise NotEncodedError(f"{message} ({LOCAL_PROCEDURE.en}).")


def rulebook_or_national(rulebook: Rulebook | None) -> Rulebook:
    """The given rulebook (or the path of a rulebook file, loaded), or the built-in national
    one; anything else is an :class:`~khuyencong.errors.ArgumentError`."""
    return national() if rulebook is None else check_rulebook(rulebook) or national()


def require(rulebook: Rulebook, code: str, as_of: date) -> Resolved:
    """Resolve ``code`` at ``as_of`` or raise :class:`~khuyencong.errors.NotEncodedError`
    carrying the answer that names the instrument governing that date; never fall back to older
    figures.

    When the answer is "not encoded" because a national procedure is asked for after the end of
    TT 36/2013/TT-BCT, and that end is a convention of the rulebook
    (``workflow.tt36_end_convention`` with provenance ``convention``), the answer says so: the
    earlier circular may still apply.
    """
    result = rulebook.resolve(code, as_of)
    if isinstance(result, NotEncoded):
        raise not_encoded_error(_with_convention(rulebook, code, result))
    return result


def not_encoded_error(answer: NotEncoded) -> NotEncodedError:
    """The error that carries ``answer`` out of a rule to its public boundary."""
    return NotEncodedError(answer.reason_en, answer)


_P = ParamSpec("_P")
_R = TypeVar("_R")


def returns_not_encoded(func: Callable[_P, _R]) -> Callable[_P, _R | NotEncoded]:
    """The boundary of a public rule whose answer may be "not encoded" (the one mechanism of the
    procedures and the selection rules): inside, parameters are read with :func:`require`, which
    raises :class:`~khuyencong.errors.NotEncodedError`; this returns the
    :class:`~khuyencong.rulebooks.NotEncoded` it carries instead.  An error without one
    propagates."""

    @wraps(func)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R | NotEncoded:
        return attempt(func, *args, **kwargs)

    return wrapper


def attempt(func: Callable[_P, _R], /, *args: _P.args, **kwargs: _P.kwargs) -> _R | NotEncoded:
    """``func(*args, **kwargs)``, or the :class:`~khuyencong.rulebooks.NotEncoded` its
    :func:`require` raised: the call form of :func:`returns_not_encoded`, for a rule that
    answers part by part (each deadline of :func:`~khuyencong.rules.calendar.deadlines`).  An
    error without an answer propagates."""
    try:
        return func(*args, **kwargs)
    except NotEncodedError as exc:
        if exc.not_encoded is None:
            raise
        return exc.not_encoded


class Unanswered:
    """Base of a result that stands for one item a rule could not answer — a deadline
    (:class:`~khuyencong.rules.calendar.DeadlineNotEncoded`), a periodic report
    (:class:`~khuyencong.rules.reporting.ReportNotEncoded`) — beside the items it answered: it
    carries the :class:`~khuyencong.rulebooks.NotEncoded` answer that :func:`attempt` returned."""

    __slots__ = ()

    if TYPE_CHECKING:
        not_encoded: NotEncoded

    @property
    def instrument(self) -> str | None:
        """The governing instrument's number."""
        return self.not_encoded.instrument


TT36_END = "workflow.tt36_end_convention"
"""The parameter in force from the day the library takes TT 36/2013/TT-BCT to stop applying."""


def tt36_end(rulebook: Rulebook) -> tuple[date, Provenance] | None:
    """The day from which ``rulebook`` no longer applies TT 36/2013/TT-BCT, and how that day is
    known (``convention`` in the built-in rulebook), or ``None`` when it gives none."""
    if TT36_END not in rulebook:
        return None
    first = rulebook.param(TT36_END).values[0]
    return first.start, first.provenance


def _with_convention(rulebook: Rulebook, code: str, result: NotEncoded) -> NotEncoded:
    if code not in rulebook or rulebook.param(code).domain != "national_procedures":
        return result
    if TT36_END not in rulebook:
        return result
    end = rulebook.resolve(TT36_END, result.as_of)
    if not isinstance(end, Resolved) or end.provenance is not Provenance.CONVENTION:
        return result
    reason_vi, reason_en = bilingual(
        "rulebook.tt36_end_convention",
        {"reason": Text(result.reason_vi, result.reason_en), "when": end.valid_from},
    )
    return attrs.evolve(result, reason_vi=reason_vi, reason_en=reason_en)


# ---- Reading a proposal's history --------------------------------------------------------

DIRECT_REGISTRATION = Citation(document=TT36, article=8, clause=1, point="b")
"""Registration straight with the Agency for Regional Industry: regional centres and proposals
over several provinces (Điểm b khoản 1 Điều 8 TT 36/2013/TT-BCT)."""


def event_dates(proposal: Proposal, event: LifecycleEvent) -> tuple[date, ...]:
    """The dates on which ``event`` happened to ``proposal``, in order."""
    return tuple(entry.on for entry in proposal.history if entry.event is event)


def registered_directly(proposal: Proposal) -> bool:
    """Whether the proposal was registered straight with the Agency (Art 8.1.b), skipping the
    base-level appraisal by the provincial Department."""
    return any(
        entry.event is LifecycleEvent.REGISTER and entry.citation == DIRECT_REGISTRATION
        for entry in proposal.history
    )


def implementation_year(proposal: Proposal) -> int:
    """The plan year, moved on by one for each extension into the following year approved by the
    Ministry (Điểm a khoản 2 Điều 11 TT 36/2013/TT-BCT)."""
    return proposal.plan_year + len(event_dates(proposal, LifecycleEvent.EXTEND))
