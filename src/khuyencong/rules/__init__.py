"""The rule engine: pure functions of (inputs, rulebook, date) with attrs results.

One idea per module: ``eligibility`` (who, where, which industry), ``activity`` (conditions on
activities and on support), ``cofunding`` (how much per budget line), ``priority`` (classify and
rank), ``assess`` (all of it for one proposal), ``explain`` (say it in words); and the
procedures of TT 36/2013/TT-BCT: ``lifecycle`` (lawful steps and who decides), ``procurement``,
``advances``, ``calendar`` (deadlines), ``plans`` (annual plan checks), ``registration``
(dossiers, proposal parts, appraisal), ``ranking`` (Điều 7), ``settlement`` (Điều 18, 19);
``checklists`` (what a clerk ticks), ``reporting`` (periodic reports), ``relocation`` (interest
support, Điểm n khoản 2 Điều 6 TTLT 26/2014), ``budgeting`` and ``centres`` (TTLT 16/2011).
"""

from typing import TYPE_CHECKING, Literal

from .assess import Assessment, Status, assess
from .cofunding import LineResult, LineStatus, allowed_support
from .eligibility import converted_ward_qualifies
from .findings import Finding, Severity, note
from .priority import PriorityClass, classify, rank

if TYPE_CHECKING:
    from .activity import declared_conditions
    from .advances import advance_allowance, advance_documents, advance_form, refund_due
    from .budgeting import budget_classification, carry_over, local_other_contents
    from .calendar import deadlines, overdue, registration_deadline
    from .centres import centre_structure
    from .checklists import Checklist, ChecklistItem, ItemStatus, tick
    from .lifecycle import TransitionRefused, adjustment_authority, transition
    from .plans import PlanSummary, plan_summary
    from .procurement import procurement_method
    from .ranking import RankedProposal, rank_national_plan
    from .registration import appraise, proposal_parts, registration_dossier
    from .relocation import RelocationLoan, RelocationResult, relocation_interest
    from .reporting import Report, reports_due
    from .settlement import LateSettlement, late_settlement, settlement_dossier

# The procedural rules load on first use, to keep ``import khuyencong`` light.
_LAZY = {
    "advance_allowance": "advances",
    "advance_documents": "advances",
    "advance_form": "advances",
    "refund_due": "advances",
    "deadlines": "calendar",
    "overdue": "calendar",
    "registration_deadline": "calendar",
    "TransitionRefused": "lifecycle",
    "adjustment_authority": "lifecycle",
    "transition": "lifecycle",
    "PlanSummary": "plans",
    "plan_summary": "plans",
    "procurement_method": "procurement",
    "declared_conditions": "activity",
    "budget_classification": "budgeting",
    "carry_over": "budgeting",
    "local_other_contents": "budgeting",
    "centre_structure": "centres",
    "Checklist": "checklists",
    "ChecklistItem": "checklists",
    "ItemStatus": "checklists",
    "tick": "checklists",
    "RankedProposal": "ranking",
    "rank_national_plan": "ranking",
    "appraise": "registration",
    "proposal_parts": "registration",
    "registration_dossier": "registration",
    "RelocationLoan": "relocation",
    "RelocationResult": "relocation",
    "relocation_interest": "relocation",
    "Report": "reporting",
    "reports_due": "reporting",
    "LateSettlement": "settlement",
    "late_settlement": "settlement",
    "settlement_dossier": "settlement",
}


def engine_build() -> Literal["mypyc", "python"]:
    """How the scalar engine runs in this installation: ``"mypyc"`` when its modules were
    compiled to C (``HATCH_BUILD_HOOK_ENABLE_MYPYC=1 pip install .``), ``"python"`` otherwise.

    Both give the same answers (the test suite runs against each); the compiled one is about
    1.8× faster (docs/performance.md).
    """
    import sys
    from importlib.machinery import EXTENSION_SUFFIXES

    origin = getattr(sys.modules[assess.__module__], "__file__", None) or ""
    return "mypyc" if origin.endswith(tuple(EXTENSION_SUFFIXES)) else "python"


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


__all__ = [
    "Assessment",
    "Checklist",
    "ChecklistItem",
    "Finding",
    "ItemStatus",
    "LateSettlement",
    "LineResult",
    "LineStatus",
    "PlanSummary",
    "PriorityClass",
    "RankedProposal",
    "RelocationLoan",
    "RelocationResult",
    "Report",
    "Severity",
    "Status",
    "TransitionRefused",
    "adjustment_authority",
    "advance_allowance",
    "advance_documents",
    "advance_form",
    "allowed_support",
    "appraise",
    "assess",
    "budget_classification",
    "carry_over",
    "centre_structure",
    "classify",
    "converted_ward_qualifies",
    "deadlines",
    "declared_conditions",
    "engine_build",
    "late_settlement",
    "local_other_contents",
    "note",
    "overdue",
    "plan_summary",
    "procurement_method",
    "proposal_parts",
    "rank",
    "rank_national_plan",
    "refund_due",
    "registration_deadline",
    "registration_dossier",
    "relocation_interest",
    "reports_due",
    "settlement_dossier",
    "tick",
    "transition",
]
