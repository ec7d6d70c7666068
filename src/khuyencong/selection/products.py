"""What a product must be to take part (Điều 3, 4, 5 Thông tư 26/2014/TT-BCT)."""

from __future__ import annotations

from datetime import date

from .._args import check_date, check_rulebook
from ..l10n.catalog import Msg, Text
from ..rulebooks import Rulebook, national
from ..rules._procedure import require, returns_not_encoded
from ..schemas.citation import Provenance
from ._common import _cite
from .codes import (
    EntryCondition,
)
from .models import Product
from .results import (
    Check,
    Verdict,
)

__all__ = ["check_product"]


@returns_not_encoded
def check_product(product: Product, as_of: date, rulebook: Rulebook | None = None) -> Verdict:
    """Whether ``product`` may take part: its group (Điều 5), what makes it a product set
    (khoản 2 Điều 3), and the conditions of Điều 4 Thông tư 26/2014/TT-BCT as declared.

    An undeclared condition is "not assessable", never met.
    """
    as_of = check_date(as_of, "as_of")
    rb = check_rulebook(rulebook) or national()
    groups = require(rb, "typical_products.product_groups", as_of)
    conditions = require(rb, "typical_products.entry_conditions", as_of)
    checks = [
        Check.of(
            "product_group",
            product.group.value in groups.codes,
            groups,
            params={"group": Text(product.group.vi.lower(), product.group.en)},
        )
    ]
    if product.set_kind is not None:
        checks.append(
            Check(
                code="product_set",
                passed=True,
                citation=_cite(3, 2, product.set_kind.point),
                provenance=Provenance.OFFICIAL_TEXT,
                params={
                    "components": len(product.components),
                    "set_kind": Text(product.set_kind.vi.lower(), product.set_kind.en.lower()),
                },
            )
        )
    for code in conditions.codes:
        condition = EntryCondition(code)
        declared = product.declared.get(condition)
        if declared is None:
            state = Msg("word.not_declared")
        elif declared:
            state = Msg("word.met_as_declared")
        else:
            state = Msg("word.not_met")
        checks.append(
            Check(
                code=condition.value,
                passed=declared,
                citation=_cite(4, condition.clause),
                provenance=conditions.provenance,
                params={"condition": condition, "state": state},
                key="finding.pattern.product_condition",
            )
        )
    return Verdict(subject="product", as_of=as_of, checks=tuple(checks))
