"""Turn cell values into field values of a proposal, one small converter per field.

Every converter raises :class:`~khuyencong.errors.AmountParseError` (a ``ValueError``) with a plain
message when a value cannot be read without guessing; the pipeline turns it into a finding.
Codes of the domain (contents, support items, kinds...) are read from their stable code, their
Vietnamese label or their English label, compared after :func:`~.columns.fold`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any, Final

from ..errors import AmountParseError
from ..l10n import parse_amount, parse_date, parse_decimal
from ..l10n.catalog import Text
from ..schemas.codes import (
    ActivityContent,
    AreaAttribute,
    BeneficiaryKind,
    CityClass,
    CommuneKind,
    DistrictKind,
    EnterpriseSize,
    FundingLevel,
    FundingSourceKind,
    Industry,
    ProcurementMethod,
    ProposalKind,
    ProposalState,
    SupportItem,
)
from .cells import EXCEL_ERRORS, _enum, _integer, _labels, _lookup, _text, clean_cell
from .columns import fold
from .places import (
    commune_kind_from_name,
    district_kind_from_name,
)

__all__ = [
    "CONVERTERS",
    "EXCEL_ERRORS",
    "clean_cell",
    "commune_kind_from_name",
    "content_of_heading",
    "district_kind_from_name",
    "lookup_content",
    "lookup_item",
]


_FUNDING: Final = _labels(
    FundingSourceKind,
    {
        "KCQG": "national",
        "quốc gia": "national",
        "khuyến công quốc gia": "national",
        "trung ương": "national",
        "TW": "national",
        "KCĐP": "local",
        "địa phương": "local",
        "khuyến công địa phương": "local",
    },
)
_CONTENTS: Final = _labels(ActivityContent)
_CONTENTS.update({str(c.clause): c.value for c in ActivityContent})
_CONTENTS.update({fold(f"Khoản {c.clause}"): c.value for c in ActivityContent})
# The short forms plans use for the contents of Điều 4 NĐ 45/2012/NĐ-CP in section headings
# ("I. Đào tạo nghề, truyền nghề, nâng cao tay nghề"), matched as the start of the heading.
_CONTENT_HEADINGS: Final = tuple(
    sorted(
        (
            (fold(text), code)
            for code, texts in (
                (
                    "vocational_training",
                    ("Đào tạo nghề", "Truyền nghề", "Nâng cao tay nghề", "Đào tạo, truyền nghề"),
                ),
                (
                    "capacity_building",
                    (
                        "Nâng cao năng lực quản lý",
                        "Sản xuất sạch hơn",
                        "Khởi sự doanh nghiệp",
                        "Hỗ trợ sản xuất sạch hơn",
                        "Tập huấn nâng cao năng lực",
                    ),
                ),
                (
                    "demonstration_and_technology",
                    (
                        "Mô hình trình diễn",
                        "Xây dựng mô hình trình diễn",
                        "Chuyển giao công nghệ",
                        "Ứng dụng máy móc",
                        "Hỗ trợ ứng dụng máy móc",
                        "Hỗ trợ ứng dụng máy móc thiết bị",
                    ),
                ),
                (
                    "typical_products_and_promotion",
                    (
                        "Sản phẩm công nghiệp nông thôn tiêu biểu",
                        "Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu",
                        "Sản phẩm CNNT tiêu biểu",
                        "Hội chợ",
                        "Tổ chức hội chợ",
                        "Tham gia hội chợ",
                        "Xây dựng thương hiệu",
                        "Xúc tiến thương mại",
                        "Phòng trưng bày",
                    ),
                ),
                ("consulting", ("Tư vấn", "Trợ giúp cơ sở công nghiệp nông thôn")),
                ("information", ("Cung cấp thông tin", "Thông tin tuyên truyền", "Tuyên truyền")),
                (
                    "linkage_and_clusters",
                    (
                        "Liên doanh liên kết",
                        "Hỗ trợ liên doanh liên kết",
                        "Cụm công nghiệp",
                        "Hỗ trợ cụm công nghiệp",
                        "Di dời cơ sở",
                    ),
                ),
                ("international_cooperation", ("Hợp tác quốc tế",)),
                (
                    "programme_management",
                    (
                        "Quản lý chương trình",
                        "Hỗ trợ quản lý chương trình",
                        "Nâng cao năng lực quản lý và tổ chức thực hiện",
                        "Quản lý, kiểm tra, giám sát",
                        "Kiểm tra, giám sát",
                    ),
                ),
            )
            for text in texts
        ),
        key=lambda pair: -len(pair[0]),
    )
)


def content_of_heading(text: str) -> str | None:
    """The activity content a section heading of a plan names, by its code, label, clause
    number or usual short form at the start of the heading; ``None`` when it names none.

    >>> content_of_heading("Đào tạo nghề, truyền nghề, nâng cao tay nghề")
    'vocational_training'
    >>> content_of_heading("XÂY DỰNG MÔ HÌNH TRÌNH DIỄN KỸ THUẬT"), content_of_heading("Khác")
    ('demonstration_and_technology', None)
    """
    folded = fold(text)
    code = _CONTENTS.get(folded)
    if code is not None:
        return code
    for key, found in _CONTENT_HEADINGS:
        if folded.startswith(key):
            return found
    return None


_ITEMS: Final = _labels(
    SupportItem,
    {
        # Usual short forms of support items in plans.
        "Thuê tư vấn": "consulting",
        "Tư vấn": "consulting",
        "Đào tạo nghề": "vocational_training",
        "Truyền nghề": "vocational_training",
        "Hội nghị": "conference",
        "Hội thảo": "conference",
        "Tập huấn": "conference",
        "Xây dựng thương hiệu": "brand",
        "Đăng ký thương hiệu": "brand",
        "Ứng dụng máy móc thiết bị": "machinery_and_technology",
        "Biên soạn tài liệu": "curriculum",
        "Chi khác": "other",
    },
)
_SPLIT: Final = re.compile(r"[;|\n]+")


def lookup_content(value: Any) -> tuple[str, ...]:
    """Activity contents (Điều 4 NĐ 45/2012/NĐ-CP) by code, label or clause number, ';'-separated.

    >>> lookup_content("Đào tạo nghề, truyền nghề; 3")
    ('vocational_training', 'demonstration_and_technology')
    """
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    codes: list[str] = []
    for part in _SPLIT.split(_text(value)):
        if not part.strip():
            continue
        code = _CONTENTS.get(fold(part)) or content_of_heading(part)
        if code is None:
            raise AmountParseError(code="not_content", value=repr(part.strip()))
        if code not in codes:
            codes.append(code)
    if not codes:
        raise AmountParseError(code="no_content", value=repr(value))
    return tuple(codes)


_lookup_item = _lookup(
    _ITEMS,
    Text(
        "hạng mục chi của Điều 6 TTLT 26/2014/TTLT-BTC-BCT (mã hoặc tên)",
        "a support item of Điều 6 TTLT 26/2014/TTLT-BTC-BCT (code or label)",
    ),
)


def lookup_item(value: Any) -> str:
    """A support item (Điều 6 TTLT 26/2014/TTLT-BTC-BCT) by code or label."""
    return _lookup_item(value)


def _several(
    table: dict[str, str], what: Text, hint: Text | None = None
) -> Callable[[Any], tuple[str, ...]]:
    """A converter of ';'-separated codes or labels into a tuple of codes (order kept, no repeats)."""

    def convert(value: Any) -> tuple[str, ...]:
        parts = [p for p in _SPLIT.split(_text(value)) if p.strip()]
        codes: list[str] = []
        start = 0
        while start < len(parts):
            # Some labels contain ';' themselves: try the longest run of parts first.
            for end in range(len(parts), start, -1):
                code = table.get(fold(";".join(parts[start:end])))
                if code is not None:
                    break
            else:
                raise AmountParseError(
                    code="not_what",
                    value=repr(parts[start].strip()),
                    what=what
                    if hint is None
                    else Text(f"{what.vi}{hint.vi}", f"{what.en}{hint.en}"),
                )
            if code not in codes:
                codes.append(code)
            start = end
        if not codes:
            raise AmountParseError(code="names_none", value=repr(value), what=what)
        return tuple(codes)

    return convert


_INDUSTRIES: Final = _labels(Industry)
_AREAS: Final = _labels(
    AreaAttribute,
    {
        # The short forms plans use.
        "khó khăn": "difficult",
        "địa bàn khó khăn": "difficult",
        "vùng khó khăn": "difficult",
        "xã khó khăn": "difficult",
        "đặc biệt khó khăn": "especially_difficult",
        "địa bàn đặc biệt khó khăn": "especially_difficult",
        "vùng đặc biệt khó khăn": "especially_difficult",
        "xã đặc biệt khó khăn": "especially_difficult",
        "ĐBKK": "especially_difficult",
        "nông thôn mới": "new_rural_commune",
        "xã nông thôn mới": "new_rural_commune",
        "xã xây dựng nông thôn mới": "new_rural_commune",
        "vùng cao": "highland",
        "miền núi vùng cao": "highland",
        "hải đảo": "island",
        "đảo": "island",
        "biên giới": "land_border",
        "xã biên giới": "land_border",
        "dân tộc thiểu số": "ethnic_minority_area",
        "vùng dân tộc thiểu số": "ethnic_minority_area",
        "vùng DTTS": "ethnic_minority_area",
        "DTTS": "ethnic_minority_area",
        "làng nghề": "craft_village",
        "làng nghề được công nhận": "craft_village",
    },
)
_YES: Final = frozenset(fold(w) for w in ("có", "x", "yes", "y", "true", "1", "đúng", "đã cam kết"))
_NO: Final = frozenset(fold(w) for w in ("không", "no", "n", "false", "0", "sai", "chưa"))


def _flag(value: Any) -> bool:
    """có / không, x (ticked), yes / no, true / false, 1 / 0."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    text = fold(_text(value))
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise AmountParseError(code="not_yes_no", value=repr(value))


def _city_class(value: Any) -> str:
    text = _text(value)
    folded = fold(text).removeprefix("dothi").removeprefix("loai")
    code = _CITY_CLASSES.get(folded)
    if code is None:
        raise AmountParseError(code="not_city_class", value=repr(text))
    return code


_CITY_CLASSES: Final = {
    **{fold(c.value): c.value for c in CityClass},
    **{roman: str(number) for number, roman in enumerate(("i", "ii", "iii", "iv", "v"), start=1)},
    "dacbiet": CityClass.SPECIAL.value,
}


_funding = _lookup(_FUNDING, Text("nguồn kinh phí (KCQG / KCĐP)", "a funding source (KCQG / KCĐP)"))


CONVERTERS: Final[dict[str, Callable[[Any], Any]]] = {
    "number": _text,
    "code": _text,
    "title": _text,
    "plan_year": _integer,
    "funding": _funding,
    "funding_level": _enum(
        FundingLevel,
        Text("cấp ngân sách", "budget level"),
        {"tỉnh": "province", "huyện": "district", "xã": "commune"},
    ),
    "province": _text,
    "province_code": _integer,
    "ward_code": _integer,
    "district": _text,
    "commune": _text,
    "site": _text,
    "kind": _enum(
        ProposalKind,
        Text("loại đề án", "kind of proposal"),
        {"điểm": "point", "nhóm": "group", "thường": "regular"},
    ),
    "contents": lookup_content,
    "implementing_unit": _text,
    "beneficiary": _text,
    "beneficiary_kind": _enum(
        BeneficiaryKind,
        Text("loại hình đơn vị thụ hưởng", "kind of beneficiary"),
        # the abbreviations plans use
        {
            "DNNVV": "sme",
            "HTX": "cooperative",
            "Hộ KD": "business_household",
            "HKD": "business_household",
        },
    ),
    "tax_code": _text,
    "industries": _several(
        _INDUSTRIES,
        Text("ngành nghề của Điều 5 NĐ 45/2012/NĐ-CP", "an industry of Điều 5 NĐ 45/2012/NĐ-CP"),
        Text(" (mã hoặc tên, cách nhau bằng ';')", " (code or label, ';'-separated)"),
    ),
    "enterprise_size": _enum(
        EnterpriseSize,
        Text("quy mô doanh nghiệp", "enterprise size"),
        {
            "doanh nghiệp siêu nhỏ": "micro",
            "DN siêu nhỏ": "micro",
            "doanh nghiệp nhỏ": "small",
            "DN nhỏ": "small",
            "doanh nghiệp vừa": "medium",
            "DN vừa": "medium",
        },
    ),
    "area_attributes": _several(
        _AREAS,
        Text("đặc điểm địa bàn", "an area attribute"),
        Text(
            " (ví dụ khó khăn; đặc biệt khó khăn; xã nông thôn mới)",
            " (e.g. khó khăn; đặc biệt khó khăn; xã nông thôn mới)",
        ),
    ),
    "district_kind": _enum(
        DistrictKind,
        Text("loại đơn vị hành chính cấp huyện", "kind of district"),
        {"thành phố": "thanh_pho_thuoc_tinh", "TP": "thanh_pho_thuoc_tinh"},
    ),
    "commune_kind": _enum(CommuneKind, Text("loại đơn vị hành chính cấp xã", "kind of commune")),
    "city_class": _city_class,
    "ward_converted_on": parse_date,
    "counterpart_committed": _flag,
    "no_other_state_funding": _flag,
    "start_date": parse_date,
    "end_date": parse_date,
    "approved_on": parse_date,
    "state": _enum(ProposalState, Text("trạng thái đề án", "state of a proposal")),
    "procurement": _enum(
        ProcurementMethod, Text("hình thức lựa chọn đơn vị thực hiện", "procurement method")
    ),
    "priority_factor": parse_decimal,
    "item": lookup_item,
    "line_description": _text,
    "units": _integer,
    "cost": parse_amount,
    "requested": parse_amount,
    "national_amount": parse_amount,
    "local_amount": parse_amount,
    "counterpart": parse_amount,
    "other_sources": parse_amount,
}
"""One converter per field of :data:`~.columns.FIELDS`."""

# Lookups of codes and labels are memoised by cell value (and type): the rows of a proposal, and
# the proposals of a plan, repeat the same contents, items, kinds and flags.  Amounts and dates
# are memoised in :mod:`khuyencong.l10n`.
for _field in (
    "funding",
    "funding_level",
    "kind",
    "contents",
    "beneficiary_kind",
    "industries",
    "enterprise_size",
    "area_attributes",
    "district_kind",
    "commune_kind",
    "city_class",
    "counterpart_committed",
    "no_other_state_funding",
    "state",
    "procurement",
    "item",
):
    CONVERTERS[_field] = lru_cache(maxsize=1024, typed=True)(CONVERTERS[_field])
