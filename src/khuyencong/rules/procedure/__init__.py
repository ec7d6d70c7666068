"""The lifecycle of a khuyến công proposal: who may move it, from where, to where, under which
clause.

National proposals follow Thông tư 36/2013/TT-BCT (in force 10/02/2014, replaced by TT 17/2018/TT-BCT
whose text is not encoded: from 01/01/2018 every step is refused as "not encoded")::

    draft ─register (Art 10.1)─> registered ─appraise_base (Art 8.1.a)─> base_appraised
      ─appraise_ministry (Art 8.2)─> ministry_appraised ─approve (Art 8.3)─> approved
      ─contract (Art 12.1)─> contracted ─start (Art 23.2)─> in_progress
      ─accept_base (Art 21.1 / 20.2)─> accepted ─settle (Art 18.2)─> settled

    registered straight with the Agency (regional centres, several provinces: Art 8.1.b) skips
    the base appraisal; return_for_completion / resubmit (Art 9.5, 10); reject (Art 8);
    fix_beneficiaries of a group proposal by the provincial Department (Art 21.2.a, 23.3);
    adjust (Art 11.2, 11.4) → adjusted; extend into the next year (Art 11.2.a) → extended;
    stop (Art 11.2.a) and stop for violations (Art 11.3) → stopped; advance (Art 12-16).

``adjusted`` and ``extended`` carry on from the state the proposal was in (its
:func:`effective_state`); ``settled``, ``rejected`` and ``stopped`` are final.

Local proposals follow the procedure the provincial People's Committee sets (Điểm b khoản 3
Điều 8 Thông tư 46/2012/TT-BCT): a :class:`LocalProcedure`, from a provincial overlay or built by
the caller.

:func:`transition` never mutates: it returns a new proposal with one more history entry, or
raises :class:`TransitionRefused` (a :class:`~khuyencong.errors.TransitionError`) whose message
gives the reason and the clause, and whose ``refusal`` carries them as data.

The package is laid out along the law:

- ``common``: the final states, :class:`Refusal` and :class:`TransitionRefused`;
- ``adjustment``: Điều 11 (who decides an adjustment, :class:`AdjustmentKind`);
- ``local``: the provincial procedure of Điểm b khoản 3 Điều 8 TT 46/2012 (:class:`LocalProcedure`);
- ``steps``: the checks every step shares (who acts, from which state, the reason);
- ``workflow``: the national workflow of TT 36/2013, one handler per event;
- ``transition``: the entry point.
"""

from .adjustment import AdjustmentKind, adjustment_authority
from .common import AuthorityDecision, Refusal, TransitionRefused
from .local import LocalProcedure, LocalStep
from .steps import effective_state
from .transition import transition

__all__ = [
    "AdjustmentKind",
    "AuthorityDecision",
    "LocalProcedure",
    "LocalStep",
    "Refusal",
    "TransitionRefused",
    "adjustment_authority",
    "effective_state",
    "transition",
]
