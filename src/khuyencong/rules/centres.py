"""The structure of a provincial Centre for Industrial Promotion and Development Consulting
(Trung tâm Khuyến công và Tư vấn phát triển công nghiệp; Thông tư liên tịch 16/2011/TTLT-BCT-BNV,
in force from 20/05/2011, 45 days after its signature on 05/04/2011, Điều 6).

Decidable: a director and at most two deputy directors (Điểm a khoản 1 Điều 4); each department
with a head and one deputy head (Điểm a khoản 2); each branch with a head and one deputy head
(Điểm b khoản 2).  The rest of the circular (position, tasks, staff numbers set by the province,
finances) is not encoded; see the article coverage page.

>>> from datetime import date
>>> [f.code for f in centre_structure(deputy_directors=3, as_of=date(2015, 1, 1))]
['centre_too_many_deputy_directors']
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from .._args import check_date
from ..l10n.catalog import Text
from ..rulebooks import NotEncoded, Rulebook
from ._procedure import rulebook_or_national
from .findings import Finding, Severity

__all__ = ["centre_structure"]


def centre_structure(
    *,
    deputy_directors: int,
    department_deputies: Sequence[int] = (),
    branch_deputies: Sequence[int] = (),
    as_of: date,
    rulebook: Rulebook | None = None,
) -> tuple[Finding, ...]:
    """Check a provincial centre's leadership against Điều 4 TTLT 16/2011/TTLT-BCT-BNV: more
    than two deputy directors is an error (khoản 1 điểm a); a department or branch whose number of
    deputy heads is not one is a warning (khoản 2 điểm a, b: "01 Phó Trưởng phòng"; a vacancy is
    possible).  Dates before the circular took effect yield a ``not_encoded`` finding."""
    as_of = check_date(as_of, "as_of")
    rb = rulebook_or_national(rulebook)
    out: list[Finding] = []
    rule = rb.resolve("centre.max_deputy_directors", as_of)
    if isinstance(rule, NotEncoded):
        return (Finding.not_encoded(rule),)
    if deputy_directors > rule.integer:
        out.append(
            Finding.of(
                "centre_too_many_deputy_directors",
                Severity.ERROR,
                {"deputy_directors": deputy_directors, "integer": rule.integer},
                rule,
            )
        )
    for code, finding, counts, vi, en in (
        (
            "centre.department_deputies",
            "department_deputies_count",
            department_deputies,
            "Phòng",
            "Department",
        ),
        (
            "centre.branch_deputies",
            "branch_deputies_count",
            branch_deputies,
            "Chi nhánh",
            "Branch",
        ),
    ):
        unit = rb.resolve(code, as_of)
        if isinstance(unit, NotEncoded):  # pragma: no cover - same period as the director rule
            out.append(Finding.not_encoded(unit))
            continue
        for index, count in enumerate(counts):
            if count != unit.integer:
                out.append(
                    Finding.of(
                        finding,
                        Severity.WARNING,
                        {
                            "value": Text(vi, en),
                            "index": index + 1,
                            "count": count,
                            "integer": Text(format(unit.integer, "02d"), unit.integer),
                        },
                        unit,
                        key="finding.pattern.count_centre",
                    )
                )
    return tuple(out)
