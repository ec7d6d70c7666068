"""Recognition and the certificate (Điều 17, 20 Thông tư 26/2014/TT-BCT)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from .._args import check_date, check_rulebook
from ..l10n.catalog import Msg, Text
from ..rulebooks import Rulebook, national
from ..rules._procedure import require, returns_not_encoded
from ..schemas.citation import Provenance
from ._common import _cite
from .codes import (
    SelectionAuthority,
)
from .models import Certificate
from .results import (
    Check,
    Verdict,
)

__all__ = ["certificate_valid_until", "check_certificate", "check_recognition"]


@returns_not_encoded
def check_recognition(
    scores: Sequence[Decimal | int],
    as_of: date,
    product: Verdict | None = None,
    rulebook: Rulebook | None = None,
) -> Verdict:
    """Whether a product earns a certificate, khoản 1 Điều 17 Thông tư 26/2014/TT-BCT: the
    average of the jury's scores is 70 or more, and the product meets Điều 4 (pass the verdict of
    :func:`check_product` as ``product``; Điều 7 is applied through the scores).

    The number and mix of certificates is the council's decision and is not checked.
    """
    as_of = check_date(as_of, "as_of")
    if not scores:
        raise ValueError("at least one jury score is needed")
    rb = check_rulebook(rulebook) or national()
    threshold = require(rb, "typical_products.pass_score", as_of)
    average = sum((Decimal(s) for s in scores), Decimal(0)) / len(scores)
    checks = [
        Check.of(
            "average_score",
            average >= threshold.integer,
            threshold,
            params={"average": format(average, ".2f"), "integer": threshold.integer},
        )
    ]
    if product is not None:
        passed = {"passed": True, "failed": False, "not_assessable": None}[product.status]
        checks.append(
            Check(
                code="meets_article_4",
                passed=passed,
                citation=_cite(17, 1),
                provenance=product.provenance,
                params={"status": product.status},
            )
        )
    return Verdict(subject="recognition", as_of=as_of, checks=tuple(checks))


@returns_not_encoded
def certificate_valid_until(issued_on: date, rulebook: Rulebook | None = None) -> date:
    """The last day a certificate issued on ``issued_on`` is valid: 31 December of the third year,
    counting the year of issue as the first (khoản 3 Điều 17 Thông tư 26/2014/TT-BCT)."""
    issued_on = check_date(issued_on, "issued_on")
    rb = check_rulebook(rulebook) or national()
    years = require(rb, "typical_products.certificate_years", issued_on).integer
    return date(issued_on.year + years - 1, 12, 31)


@returns_not_encoded
def check_certificate(
    certificate: Certificate, on: date, rulebook: Rulebook | None = None
) -> Verdict:
    """Check a certificate on ``on``: issued by the authority of its level (khoản 2 Điều 17),
    valid from its issue until 31 December of the third year (khoản 3 Điều 17) and not revoked
    (khoản 3 Điều 20 Thông tư 26/2014/TT-BCT)."""
    on = check_date(on, "on")
    rb = check_rulebook(rulebook) or national()
    issued = certificate.issued_on
    years = require(rb, "typical_products.certificate_years", issued)
    approvers = require(rb, "typical_products.approver", issued)
    until = date(issued.year + years.integer - 1, 12, 31)
    expected = SelectionAuthority(approvers.table[certificate.level.value][0])
    given = certificate.issued_by
    checks = [
        Check.of(
            "certificate_issuer",
            None if given is None else given is expected,
            approvers,
            params={
                "level": Text(certificate.level.vi.lower(), certificate.level.en.lower()),
                "expected": expected,
                "given": Msg("detail.issuer_not_declared")
                if given is None
                else Msg("detail.issuer_declared", {"issuer": given}),
            },
        )
    ]
    revoked = certificate.revoked_on is not None and certificate.revoked_on <= on
    if revoked:
        checks.append(
            Check(
                code="certificate_valid",
                passed=False,
                citation=_cite(20, 3),
                provenance=Provenance.OFFICIAL_TEXT,
                params={
                    "revoked_on": Text(
                        format(certificate.revoked_on, "%d/%m/%Y"), certificate.revoked_on
                    )
                },
            )
        )
    else:
        valid = issued <= on <= until
        checks.append(
            Check.of(
                "certificate_valid",
                valid,
                years,
                params={
                    "issued": issued,
                    "until": until,
                    "on": on,
                    "verdict": Msg("word.valid" if valid else "word.not_valid"),
                },
                key="finding.certificate_valid.2",
            )
        )
    return Verdict(subject="certificate", as_of=on, checks=tuple(checks))
