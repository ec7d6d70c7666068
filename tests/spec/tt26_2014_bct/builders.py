"""Small builders shared by the tests of Thông tư 26/2014/TT-BCT."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from khuyencong.schemas import LocalityPre2025
from khuyencong.selection import (
    Certificate,
    EntryCondition,
    Photo,
    PhotoAngle,
    Producer,
    Product,
    ProductGroup,
    RegistrationDossier,
    SelectionLevel,
)

IN_FORCE = date(2016, 6, 1)
"""A day when Thông tư 26/2014/TT-BCT and TTLT 26/2014/TTLT-BTC-BCT are both in force."""


def producer() -> Producer:
    return Producer(
        name="Hợp tác xã mây tre đan Phú Vinh",
        locality=LocalityPre2025(province="Hà Nội", district="Chương Mỹ"),
    )


def product(**declared: bool) -> Product:
    return Product(
        name="Bộ khay mây tre",
        group=ProductGroup.HANDICRAFT,
        producer=producer(),
        declared={EntryCondition(k): v for k, v in declared.items()},
    )


def all_conditions_met() -> Product:
    return product(**{c.value: True for c in EntryCondition})


def photos(
    width: str = "10", height: str = "15", angles: tuple[PhotoAngle, ...] = tuple(PhotoAngle)
) -> tuple[Photo, ...]:
    return tuple(Photo(angle=a, width_cm=Decimal(width), height_cm=Decimal(height)) for a in angles)


def certificate(level: SelectionLevel, issued_on: date) -> Certificate:
    return Certificate(
        level=level,
        product_name="Bộ khay mây tre",
        producer_name="Hợp tác xã mây tre đan Phú Vinh",
        issued_on=issued_on,
    )


def dossier(
    level: SelectionLevel, submitted_on: date = IN_FORCE, **extra: object
) -> RegistrationDossier:
    data: dict[str, object] = {
        "level": level,
        "product": all_conditions_met(),
        "submitted_on": submitted_on,
        "registration_form": True,
        "business_registration_copy": True,
        "product_description": True,
        "photos": photos(),
    }
    data.update(extra)
    return RegistrationDossier.model_validate(data)
