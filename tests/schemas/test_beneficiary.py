"""Beneficiaries: tax code (MST) checksum, enterprise size only for SMEs."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from khuyencong.schemas import Beneficiary, BeneficiaryKind, EnterpriseSize, check_tax_code

# Check digits worked out by hand with the weights (31, 29, 23, 19, 17, 13, 7, 5, 3) of the first
# nine digits, check = 10 - (sum mod 11); e.g. 0100233488: 0+29+0+0+34+39+21+20+24 = 167,
# 167 mod 11 = 2, 10 - 2 = 8.
VALID_MST = [
    ("0100233488", "0100233488"),
    ("0314409058", "0314409058"),  # sum 332, 332 mod 11 = 2, check 8
    ("0100112437", "0100112437"),  # sum 102, 102 mod 11 = 3, check 7
    ("0314409058-002", "0314409058002"),  # branch 002 of 0314409058, stored compact
    ("01.00.112.437", "0100112437"),  # separators are dropped
]

INVALID_MST = [
    "0100233489",  # check digit 9 instead of 8
    "0100233480",  # check digit 0 instead of 8
    "0314409057",  # check digit 7 instead of 8
    "0314409058-000",  # branch 000 does not exist
    "0100000005",  # sequence 0000000 does not exist
    "12345",  # wrong length
    "01002334AB",  # not digits
    "",
]


@pytest.mark.parametrize(("given", "stored"), VALID_MST)
def test_valid_tax_codes_are_accepted_in_compact_form(given: str, stored: str) -> None:
    assert check_tax_code(given) == stored
    beneficiary = Beneficiary(name="Công ty Ví dụ", kind=BeneficiaryKind.SME, tax_code=given)
    assert beneficiary.tax_code == stored


@pytest.mark.parametrize("given", INVALID_MST)
def test_invalid_tax_codes_are_refused(given: str) -> None:
    with pytest.raises(ValueError, match=r"is not a valid tax code \(MST\)"):
        check_tax_code(given)
    with pytest.raises(ValidationError) as caught:
        Beneficiary(name="Công ty Ví dụ", kind=BeneficiaryKind.SME, tax_code=given)
    assert [e["loc"] for e in caught.value.errors()] == [("tax_code",)]


def test_the_tax_code_is_optional() -> None:
    assert Beneficiary(name="Hộ ông A", kind=BeneficiaryKind.BUSINESS_HOUSEHOLD).tax_code is None


def test_enterprise_size_goes_with_an_sme() -> None:
    sme = Beneficiary(
        name="Công ty B", kind=BeneficiaryKind.SME, enterprise_size=EnterpriseSize.MICRO
    )
    assert sme.enterprise_size is EnterpriseSize.MICRO


@pytest.mark.parametrize(
    "kind", [k for k in BeneficiaryKind if k is not BeneficiaryKind.SME], ids=str
)
def test_enterprise_size_is_refused_for_other_kinds(kind: BeneficiaryKind) -> None:
    with pytest.raises(ValidationError, match="enterprise_size is declared only for kind 'sme'"):
        Beneficiary(name="Cơ sở C", kind=kind, enterprise_size=EnterpriseSize.SMALL)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", ""),
        ("workforce", -1),
        ("local_raw_material_share", 100.5),
        ("local_raw_material_share", -1),
        ("foreign_fair_supports_in_year", -1),
        ("industries", ["tourism"]),
    ],
)
def test_field_level_refusals(field: str, value: object) -> None:
    data = {"name": "Cơ sở D", "kind": "cooperative", field: value}
    with pytest.raises(ValidationError) as caught:
        Beneficiary.model_validate(data)
    assert caught.value.errors()[0]["loc"][0] == field


def test_localities_of_either_geography() -> None:
    beneficiary = Beneficiary.model_validate(
        {
            "name": "Hợp tác xã E",
            "kind": "cooperative",
            "registered_office": {
                "geography": "pre2025",
                "province": "Bắc Giang",
                "district": "Việt Yên",
                "district_kind": "huyen",
            },
            "production_site": {"geography": "2025", "province_code": 24, "ward_code": 7525},
        }
    )
    assert beneficiary.registered_office is not None
    assert beneficiary.registered_office.geography == "pre2025"
    assert beneficiary.production_site is not None
    assert beneficiary.production_site.geography == "2025"
