"""The registration dossier (Điều 12 Thông tư 26/2014/TT-BCT)."""

from __future__ import annotations

from datetime import date

from .._args import check_rulebook
from ..l10n.catalog import Msg, Text
from ..rulebooks import NotEncoded, Rulebook, national
from ..rules._procedure import not_encoded_error, require, returns_not_encoded
from ..schemas.citation import Citation, Provenance
from ._common import _at_point, _cite
from .certificate import check_certificate
from .codes import (
    PhotoAngle,
    SelectionLevel,
)
from .levels import entry_requirement
from .models import RegistrationDossier
from .results import (
    Check,
    Refusal,
    Verdict,
)

__all__ = ["check_dossier"]


def _present(there: bool | None) -> Msg:
    """ "có." / "present." or "thiếu." / "missing."."""
    return Msg("word.present" if there else "word.missing")


def _document(
    code: str,
    there: bool,
    citation: Citation,
    provenance: Provenance,
    *,
    key: str | None = None,
    **params: object,
) -> Check:
    """The check that a paper of the dossier is there (Điều 12 TT 26/2014/TT-BCT): its text
    says which, with the other ``params``, and whether it is present."""
    return Check(
        code=code,
        passed=there,
        citation=citation,
        provenance=provenance,
        params={**params, "state": _present(there)},
        key=key,
    )


def _photo_checks(dossier: RegistrationDossier, rb: Rulebook, as_of: date) -> list[Check]:
    count = require(rb, "typical_products.dossier_photos", as_of)
    short = require(rb, "typical_products.photo_min_short_side_cm", as_of)
    long = require(rb, "typical_products.photo_min_long_side_cm", as_of)
    photos = dossier.photos
    angles = {p.angle for p in photos}
    missing = [a for a in PhotoAngle if a not in angles]
    good_count = len(photos) >= count.integer and not missing
    small = [
        p
        for p in photos
        if min(p.width_cm, p.height_cm) < short.integer
        or max(p.width_cm, p.height_cm) < long.integer
        or not p.colour
    ]
    missing_vi = ", ".join(a.vi.lower() for a in missing) or "không"
    missing_en = ", ".join(a.en.lower() for a in missing) or "none"
    return [
        Check.of(
            "photos_angles",
            good_count,
            count,
            params={
                "integer": Text(format(count.integer, "02d"), count.integer),
                "photos": len(photos),
                "missing": Text(missing_vi, missing_en),
            },
        ),
        Check.of(
            "photos_size_colour",
            bool(photos) and not small,
            short,
            params={"integer": short.integer, "integer2": long.integer, "small": len(small)},
        ),
    ]


@returns_not_encoded
def check_dossier(
    dossier: RegistrationDossier, rulebook: Rulebook | None = None
) -> Verdict | Refusal:
    """Check a registration dossier on the day it is submitted, Điều 12 Thông tư 26/2014/TT-BCT:
    the documents of khoản 1 for every level, and for higher levels a certificate of the level
    below still valid on that day (điểm b) and the recommending letter (điểm c), or for a
    provincial round without district round the route of điểm d khoản 2."""
    rb = check_rulebook(rulebook) or national()
    as_of = dossier.submitted_on
    requirement = entry_requirement(dossier.level, as_of, rb)
    if isinstance(requirement, NotEncoded):
        raise not_encoded_error(requirement)
    if isinstance(requirement, Refusal):
        return requirement
    prov = requirement.provenance
    checks = [
        _document(
            "registration_form",
            dossier.registration_form and dossier.business_registration_copy,
            _cite(12, 1, "a"),
            prov,
        ),
        _document("product_description", dossier.product_description, _cite(12, 1, "b"), prov),
        *_photo_checks(dossier, rb, as_of),
    ]
    level = dossier.level
    if level is SelectionLevel.PROVINCE and not dossier.lower_round_held:
        checks.append(
            _document(
                "recommendation_letter", dossier.recommendation_letter, _cite(12, 2, "d"), prov
            )
        )
    elif requirement.certificate_of is not None:
        checks.append(
            _lower_certificate_check(
                dossier, requirement.certificate_of, requirement.citation, rb, prov
            )
        )
        checks.append(
            _document(
                "recommendation_letter",
                dossier.recommendation_letter,
                _at_point(requirement.citation, "c"),
                prov,
                key="finding.recommendation_letter.2",
                recommender=Text(requirement.recommender_vi, requirement.recommender_en),
            )
        )
    return Verdict(subject="dossier", as_of=as_of, checks=tuple(checks))


def _lower_certificate_check(
    dossier: RegistrationDossier,
    needed: SelectionLevel,
    clause: Citation,
    rb: Rulebook,
    provenance: Provenance,
) -> Check:
    citation = _at_point(clause, "b")
    cert = dossier.lower_level_certificate
    on = dossier.submitted_on
    if cert is None or cert.level is not needed:
        given_vi = "không có" if cert is None else f"có Giấy chứng nhận {cert.level.vi.lower()}"
        given_en = "none given" if cert is None else f"a certificate of the {cert.level.en.lower()}"
        return Check(
            code="lower_level_certificate",
            passed=False,
            citation=citation,
            provenance=provenance,
            params={
                "needed": Text(needed.vi.lower(), needed.en.lower()),
                "given": Text(given_vi, given_en),
            },
            key="finding.lower_level_certificate.2",
        )
    status = check_certificate(cert, on, rb)
    if isinstance(status, NotEncoded):
        return Check(
            code="lower_level_certificate",
            passed=None,
            citation=citation,
            provenance=provenance,
            params={"reason": Text(status.reason_vi, status.reason_en)},
            key="finding.lower_level_certificate.3",
        )
    valid = status.check("certificate_valid")
    return Check(
        code="lower_level_certificate",
        passed=valid.passed,
        citation=citation,
        provenance=provenance,
        params={
            "needed": Text(needed.vi.lower(), needed.en.lower()),
            "message": Text(valid.message_vi, valid.message_en),
        },
    )
