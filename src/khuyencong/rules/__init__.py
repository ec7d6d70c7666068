"""The rule engine: pure functions of (inputs, rulebook, date) with attrs results.

One idea per module: ``eligibility`` (who, where, which industry), ``activity`` (conditions on
activities and on support), ``cofunding`` (how much per budget line), ``priority`` (classify and
rank), ``assess`` (all of it for one proposal), ``explain`` (say it in words); and the
procedures of TT 36/2013/TT-BCT: ``lifecycle`` (lawful steps and who decides), ``procurement``,
``advances``, ``calendar`` (deadlines), ``plans`` (annual plan checks).
"""

from typing import TYPE_CHECKING

from .assess import Assessment, Status, assess
from .cofunding import LineResult, LineStatus, allowed_support
from .eligibility import converted_ward_qualifies
from .findings import Finding, Severity, note
from .priority import PriorityClass, classify, rank

if TYPE_CHECKING:
    from .advances import advance_allowance, advance_documents, advance_form, refund_due
    from .calendar import deadlines, overdue, registration_deadline
    from .lifecycle import TransitionRefused, adjustment_authority, transition
    from .plans import PlanSummary, plan_summary
    from .procurement import procurement_method

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
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


__all__ = [
    "Assessment",
    "Finding",
    "LineResult",
    "LineStatus",
    "PlanSummary",
    "PriorityClass",
    "Severity",
    "Status",
    "TransitionRefused",
    "adjustment_authority",
    "advance_allowance",
    "advance_documents",
    "advance_form",
    "allowed_support",
    "assess",
    "classify",
    "converted_ward_qualifies",
    "deadlines",
    "note",
    "overdue",
    "plan_summary",
    "procurement_method",
    "rank",
    "refund_due",
    "registration_deadline",
    "transition",
]
