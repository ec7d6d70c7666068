"""What a product must be to take part (Điều 3, 4, 5 Thông tư 26/2014/TT-BCT)."""

from __future__ import annotations

from datetime import date

from .._args import check_date, check_rulebook
from ..rulebooks import Rulebook, national
from ..schemas.citation import Provenance
from ._common import _cite, _get, _returns_not_encoded
from .codes import (
    EntryCondition,
)
from .models import Product
from .results import (
    Check,
    Verdict,
)

__all__ = ["check_product"]


@_returns_not_encoded
def check_product(product: Product, as_of: date, rulebook: Rulebook | None = None) -> Verdict:
    """Whether ``product`` may take part: its group (Điều 5), what makes it a product set
    (khoản 2 Điều 3), and the conditions of Điều 4 Thông tư 26/2014/TT-BCT as declared.

    An undeclared condition is "not assessable", never met.
    """
    as_of = check_date(as_of, "as_of")
    rb = check_rulebook(rulebook) or national()
    groups = _get(rb, "typical_products.product_groups", as_of)
    conditions = _get(rb, "typical_products.entry_conditions", as_of)
    checks = [
        Check(
            code="product_group",
            passed=product.group.value in groups.codes,
            citation=groups.citation,
            provenance=groups.provenance,
            message_vi=f"Sản phẩm thuộc {product.group.vi.lower()}.",
            message_en=f"The product belongs to the group: {product.group.en}.",
        )
    ]
    if product.set_kind is not None:
        checks.append(
            Check(
                code="product_set",
                passed=True,
                citation=_cite(3, 2, product.set_kind.point),
                provenance=Provenance.OFFICIAL_TEXT,
                message_vi=(
                    f"Bộ sản phẩm gồm {len(product.components)} sản phẩm do cùng cơ sở sản xuất: "
                    f"{product.set_kind.vi.lower()}."
                ),
                message_en=(
                    f"A product set of {len(product.components)} products by the same "
                    f"establishment: {product.set_kind.en.lower()}."
                ),
            )
        )
    for code in conditions.codes:
        condition = EntryCondition(code)
        declared = product.declared.get(condition)
        if declared is None:
            vi, en = "chưa được khai", "not declared"
        elif declared:
            vi, en = "đáp ứng (theo khai báo)", "met (as declared)"
        else:
            vi, en = "không đáp ứng", "not met"
        checks.append(
            Check(
                code=condition.value,
                passed=declared,
                citation=_cite(4, condition.clause),
                provenance=conditions.provenance,
                message_vi=f"{condition.vi}: {vi}.",
                message_en=f"{condition.en}: {en}.",
            )
        )
    return Verdict(subject="product", as_of=as_of, checks=tuple(checks))
