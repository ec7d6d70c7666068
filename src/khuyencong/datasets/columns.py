"""Column mapping: which header of a table means which field of a proposal.

Headers are matched after *folding*: lower case, Vietnamese diacritics removed (``đ`` → ``d``,
which Unicode does not decompose), punctuation and spacing ignored.  ``"Tỉnh/Thành phố"``,
``"tinh thanh pho"`` and ``"TỈNH - THÀNH PHỐ"`` are the same header.

The built-in aliases (:data:`DEFAULT_ALIASES`) cover the usual Vietnamese headers of khuyến công
plans and English ones.  Pass ``columns={"My header": "requested", ...}`` to
:func:`khuyencong.datasets.validate` to add or override them: keys are headers as they appear in
your file, values are field names of :data:`FIELDS`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

from ..text import fold
from .layout import Layout, strip_unit

__all__ = ["DEFAULT_ALIASES", "FIELDS", "ColumnMapping", "fold"]


FIELDS: Final[dict[str, str]] = {
    # layout
    "number": "STT: số thứ tự (I, II… cho mục; 1, 2… cho đề án) (numbering column)",
    # proposal-level
    "code": "Mã đề án (proposal code)",
    "title": "Tên đề án (title)",
    "plan_year": "Năm kế hoạch (plan year)",
    "funding": "Nguồn kinh phí: KCQG / KCĐP (funding source: national / local)",
    "funding_level": "Cấp ngân sách: tỉnh / huyện / xã (level of local funds)",
    "province": "Tỉnh/Thành phố (province)",
    "province_code": "Mã tỉnh 2025 (province code, 2025 geography)",
    "ward_code": "Mã xã/phường 2025 (commune or ward code, 2025 geography)",
    "district": "Huyện (district, before 01/07/2025)",
    "commune": "Xã/Phường (commune, before 01/07/2025)",
    "site": "Địa điểm (free-text site; carried to the report only)",
    "kind": "Loại đề án (proposal kind)",
    "contents": "Nội dung (activity content; several separated by ';')",
    "implementing_unit": "Đơn vị thực hiện (implementing unit)",
    "beneficiary": "Đơn vị thụ hưởng (beneficiary name)",
    "beneficiary_kind": "Loại hình đơn vị thụ hưởng (beneficiary kind)",
    "tax_code": "Mã số thuế (tax code of the beneficiary)",
    "industries": "Ngành nghề (beneficiary's industries; several separated by ';')",
    "enterprise_size": "Quy mô doanh nghiệp: siêu nhỏ / nhỏ / vừa (enterprise size)",
    "area_attributes": "Thuộc địa bàn (area attributes: khó khăn; đặc biệt khó khăn; ...)",
    "district_kind": "Loại đơn vị cấp huyện: huyện / thị xã / quận / thành phố (district kind)",
    "commune_kind": "Loại đơn vị cấp xã: xã / phường / thị trấn (commune kind)",
    "city_class": "Loại đô thị của thành phố có phường (urban class of a ward's city)",
    "ward_converted_on": "Ngày chuyển xã thành phường (date a ward was converted from a commune)",
    "counterpart_committed": "Cam kết đối ứng: có / không (counterpart committed)",
    "no_other_state_funding": "Cam kết không trùng nguồn NSNN: có / không (no other state funds)",
    "start_date": "Ngày bắt đầu (start date)",
    "end_date": "Ngày kết thúc (end date)",
    "approved_on": "Ngày phê duyệt (approval date)",
    "state": "Trạng thái (lifecycle state)",
    "procurement": "Hình thức (bidding / selection)",
    "priority_factor": "Hệ số ưu tiên (priority factor)",
    # budget-line level
    "item": "Hạng mục chi (support item)",
    "line_description": "Diễn giải (line description)",
    "units": "Số lượng (units the cap is per)",
    "cost": "Tổng kinh phí (total cost of the line)",
    "requested": "Kinh phí khuyến công đề nghị (requested support)",
    "national_amount": "Kinh phí KCQG (national khuyến công funds requested)",
    "local_amount": "Kinh phí KCĐP (local khuyến công funds requested)",
    "counterpart": "Đối ứng (beneficiary's counterpart)",
    "other_sources": "Nguồn khác (other lawful sources)",
}
"""Field names a column can map to, with what they mean."""

DEFAULT_ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "number": ("STT", "Số TT", "Số thứ tự", "TT", "No", "No."),
    "code": ("Mã đề án", "Mã số đề án", "Mã", "Số hiệu đề án", "Proposal code", "Code"),
    "title": ("Tên đề án", "Tên", "Đề án", "Title", "Proposal title", "Name"),
    "plan_year": ("Năm kế hoạch", "Năm", "Kế hoạch năm", "Plan year", "Year"),
    "funding": ("Nguồn kinh phí", "Nguồn vốn", "Nguồn", "Funding", "Funding source"),
    "funding_level": ("Cấp ngân sách", "Cấp", "Funding level", "Level"),
    "province": ("Tỉnh/Thành phố", "Tỉnh", "Tỉnh thành", "Thành phố", "Province"),
    "province_code": ("Mã tỉnh", "Province code"),
    "ward_code": ("Mã xã", "Mã phường", "Mã xã/phường", "Ward code", "Commune code"),
    "district": ("Huyện", "Quận/Huyện", "Huyện/Thị xã", "District"),
    "commune": ("Xã", "Xã/Phường", "Phường/Xã", "Commune", "Ward"),
    "site": ("Địa điểm", "Địa điểm thực hiện", "Location", "Site"),
    "kind": ("Loại đề án", "Proposal kind", "Kind"),
    "contents": ("Nội dung", "Nội dung hoạt động", "Nội dung khuyến công", "Content", "Contents"),
    "implementing_unit": ("Đơn vị thực hiện", "Đơn vị chủ trì", "Implementing unit"),
    "beneficiary": (
        "Đơn vị thụ hưởng",
        "Tên đơn vị thụ hưởng",
        "Cơ sở thụ hưởng",
        "Tên cơ sở",
        "Tên cơ sở thụ hưởng",
        "Cơ sở công nghiệp nông thôn",
        "Tên cơ sở công nghiệp nông thôn",
        "Đơn vị hưởng lợi",
        "Beneficiary",
    ),
    "beneficiary_kind": ("Loại hình", "Loại hình đơn vị thụ hưởng", "Beneficiary kind"),
    "tax_code": ("Mã số thuế", "MST", "Tax code"),
    "industries": (
        "Ngành nghề",
        "Ngành, nghề",
        "Ngành nghề sản xuất",
        "Ngành nghề sản xuất kinh doanh",
        "Industry",
        "Industries",
    ),
    "enterprise_size": ("Quy mô", "Quy mô doanh nghiệp", "Enterprise size", "Size"),
    "area_attributes": (
        "Thuộc địa bàn",
        "Địa bàn ưu tiên",
        "Thuộc tính địa bàn",
        "Area attributes",
    ),
    "district_kind": ("Loại đơn vị cấp huyện", "Loại huyện", "District kind"),
    "commune_kind": ("Loại đơn vị cấp xã", "Loại xã", "Commune kind"),
    "city_class": ("Loại đô thị", "City class"),
    "ward_converted_on": (
        "Ngày chuyển thành phường",
        "Ngày chuyển xã thành phường",
        "Ward converted on",
    ),
    "counterpart_committed": (
        "Cam kết đối ứng",
        "Cam kết đầu tư phần còn lại",
        "Counterpart committed",
    ),
    "no_other_state_funding": (
        "Cam kết không trùng nguồn NSNN",
        "Cam kết không trùng nguồn",
        "Không trùng nguồn NSNN",
        "No other state funding",
    ),
    "start_date": ("Ngày bắt đầu", "Thời gian bắt đầu", "Start date", "Start"),
    "end_date": ("Ngày kết thúc", "Thời gian kết thúc", "End date", "End"),
    "approved_on": ("Ngày phê duyệt", "Approved on", "Approval date"),
    "state": ("Trạng thái", "Tình trạng", "State", "Status"),
    "procurement": ("Hình thức", "Hình thức lựa chọn", "Procurement"),
    "priority_factor": ("Hệ số ưu tiên", "Priority factor"),
    "item": ("Hạng mục chi", "Hạng mục", "Nội dung chi", "Khoản chi", "Item", "Support item"),
    "line_description": ("Diễn giải", "Mô tả", "Ghi chú hạng mục", "Description"),
    "units": ("Số lượng", "Số đơn vị", "Units", "Quantity"),
    "cost": (
        "Tổng kinh phí",
        "Tổng chi phí",
        "Tổng cộng",
        "Chi phí",
        "Kinh phí tổng số",
        "Tổng số kinh phí",
        "Kinh phí tổng cộng",
        "Tổng kinh phí thực hiện",
        "Tổng số",
        "Total cost",
        "Cost",
    ),
    "requested": (
        "Kinh phí khuyến công",
        "Kinh phí khuyến công đề nghị",
        "Kinh phí đề nghị",
        "Kinh phí đề nghị hỗ trợ",
        "Kinh phí hỗ trợ",
        "Requested",
        "Requested support",
    ),
    "national_amount": (
        "Kinh phí KCQG",
        "KCQG",
        "Kinh phí khuyến công quốc gia",
        "National funds",
    ),
    "local_amount": ("Kinh phí KCĐP", "KCĐP", "Kinh phí khuyến công địa phương", "Local funds"),
    "counterpart": ("Đối ứng", "Kinh phí đối ứng", "Vốn đối ứng", "Counterpart"),
    "other_sources": ("Nguồn khác", "Nguồn hợp pháp khác", "Other sources"),
}
"""Built-in header aliases by field; matched after :func:`fold`."""


class ColumnMapping:
    """Maps folded headers to fields; user entries override the built-in aliases.

    >>> m = ColumnMapping({"Tiền xin": "requested"})
    >>> m.field_for("TIỀN XIN"), m.field_for("Tỉnh / thành phố"), m.field_for("Ghi chú")
    ('requested', 'province', None)
    """

    def __init__(
        self, overrides: Mapping[str, str] | None = None, *, layout: Layout | None = None
    ) -> None:
        self.layout = layout if layout is not None else Layout()
        """The layout of the table (units, header rows, sections); see :mod:`.layout`."""
        self._by_folded: dict[str, str] = {}
        for field, aliases in DEFAULT_ALIASES.items():
            for alias in (field, *aliases):
                self._by_folded[fold(alias)] = field
        for header, field in {**self.layout.columns, **(overrides or {})}.items():
            if field not in FIELDS:
                from ..errors import DatasetError

                raise DatasetError(
                    f"column {header!r} is mapped to {field!r}, which is not a field; "
                    f"fields are: {', '.join(FIELDS)}"
                )
            self._by_folded[fold(header)] = field

    def field_for(self, header: str) -> str | None:
        """The field a header stands for, or ``None`` when it is not recognised.

        A unit in the header ("Tổng kinh phí (triệu đồng)") does not change its meaning."""
        field = self._by_folded.get(fold(header))
        if field is None:
            bare = strip_unit(header)
            if bare != header:
                field = self._by_folded.get(fold(bare))
        return field

    def resolve(self, headers: Iterable[str]) -> tuple[dict[int, str], list[tuple[int, str, str]]]:
        """Map header positions to fields.

        Returns ``(mapping, problems)`` where ``problems`` lists ``(position, header, reason)`` for
        duplicates (the first wins) and unrecognised headers.
        """
        mapping: dict[int, str] = {}
        taken: dict[str, str] = {}
        problems: list[tuple[int, str, str]] = []
        for position, header in enumerate(headers):
            if not header.strip():
                continue
            field = self.field_for(header)
            if field is None:
                problems.append((position, header, "unknown"))
            elif field in taken:
                problems.append((position, header, f"duplicate:{taken[field]}"))
            else:
                taken[field] = header
                mapping[position] = field
        return mapping, problems
