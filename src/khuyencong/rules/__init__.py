"""The rule engine: pure functions of (inputs, rulebook, date) with attrs results.

One idea per module: ``eligibility`` (who, where, which industry), ``activity`` (conditions on
activities and on support), ``cofunding`` (how much per budget line), ``priority`` (classify and
rank), ``assess`` (all of it for one proposal), ``explain`` (say it in words).
"""

from .assess import Assessment, Status, assess
from .cofunding import LineResult, LineStatus, allowed_support
from .eligibility import converted_ward_qualifies
from .findings import Finding, Severity
from .priority import PriorityClass, classify, rank

__all__ = [
    "Assessment",
    "Finding",
    "LineResult",
    "LineStatus",
    "PriorityClass",
    "Severity",
    "Status",
    "allowed_support",
    "assess",
    "classify",
    "converted_ward_qualifies",
    "rank",
]
