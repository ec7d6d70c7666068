"""Row-level findings of a dataset check, with Vietnamese and English messages."""

from __future__ import annotations

from operator import attrgetter
from typing import Any, Final, Literal, TypeVar

import attrs

from ..rules.findings import SEVERITY_ORDER, Bilingual

__all__ = ["MESSAGES", "SEVERITY_ORDER", "RowFinding", "Severity", "finding", "pickled_by_fields"]

_C = TypeVar("_C", bound=type)


def pickled_by_fields(cls: _C) -> _C:
    """Pickle instances of the attrs class ``cls`` as a call of its constructor with its fields
    in order.

    Results travel between processes when a dataset is checked with several workers; attrs'
    own pickling (a state dict set field by field) takes about twice as long to load.
    """
    names = [a.name for a in attrs.fields(cls)]
    if len(names) < 2:  # pragma: no cover - attrgetter of one name gives a value, not a tuple
        raise TypeError(f"{cls.__name__} needs two fields or more")
    fields = attrgetter(*names)

    def __reduce__(self: Any) -> tuple[type, tuple[Any, ...]]:
        return cls, fields(self)

    cls.__reduce__ = __reduce__  # type: ignore[assignment]
    return cls


Severity = Literal["error", "undetermined", "warning", "info"]
"""The one :class:`khuyencong.Severity` as the plain string a row finding carries (its values,
and only those: tests/datasets/test_vocabulary.py checks it).  ``error`` makes a row invalid
(or, from the rule engine, its proposal ineligible); ``undetermined`` (rule engine only) is a
rule that cannot be decided on the facts given; ``warning`` is worth a look; ``info`` explains
what was done.  Row findings keep the string (not the enum) because they travel between worker
processes by the million; :data:`SEVERITY_ORDER` is the engine's."""
MESSAGES: Final[dict[str, tuple[Severity, str, str]]] = {
    # code: (severity, Vietnamese template, English template); {detail} is the specific reason.
    "undecodable_bytes": (
        "warning",
        "Có byte không giải mã được theo {encoding}; đã thay bằng ký tự �",
        "Bytes that are not valid {encoding} were replaced by �",
    ),
    "decoded_as_cp1258": (
        "info",
        "Tệp không phải UTF-8; đã đọc theo bảng mã Windows-1258",
        "The file is not UTF-8; it was read as Windows-1258",
    ),
    "unreadable_line": (
        "error",
        "Không đọc được dòng này: {detail}",
        "This line cannot be read: {detail}",
    ),
    "multiline_cell": (
        "info",
        "Một ô trong ngoặc kép kéo dài đến dòng {detail}: các dòng này là một dòng dữ liệu",
        "A quoted cell runs on to line {detail}: these lines are one row",
    ),
    "ragged_row": (
        "warning",
        "Dòng có {detail} ô, ít hơn số cột của dòng tên cột; các cột thiếu được coi là trống",
        "The row has {detail} cells, fewer than the header; the missing cells are read as empty",
    ),
    "unknown_column": (
        "info",
        "Cột không nhận ra, bỏ qua",
        "Column not recognised; ignored",
    ),
    "duplicate_column": (
        "warning",
        "Cột trùng nghĩa với cột {detail}; chỉ dùng cột đầu tiên",
        "Column means the same as {detail}; only the first is used",
    ),
    "missing_column": (
        "error",
        "Thiếu cột bắt buộc: {detail}",
        "A required column is missing: {detail}",
    ),
    "no_item_column": (
        "warning",
        "Không có cột Hạng mục chi: mỗi dòng được coi là một hạng mục 'Khoản chi khác'",
        "No support-item column: each row is read as one line of item 'other'",
    ),
    "preamble_row": (
        "info",
        "Dòng tiêu đề phía trên dòng tên cột, không phải dữ liệu",
        "Title row above the header, not data",
    ),
    "value_without_header": (
        "warning",
        "Có giá trị ở cột không có tên cột, bỏ qua",
        "A value in a column without a header was ignored",
    ),
    "bad_value": (
        "error",
        "Giá trị không hợp lệ: {detail}",
        "Invalid value: {detail}",
    ),
    "formula_without_value": (
        "error",
        "Ô chứa công thức {detail} chưa có giá trị tính sẵn (mở và lưu lại bằng Excel)",
        "Formula {detail} has no cached value (open and save the file in Excel)",
    ),
    "excel_error_value": (
        "error",
        "Ô chứa lỗi Excel {detail}",
        "The cell holds the Excel error {detail}",
    ),
    "conflicting_value": (
        "warning",
        "Khác với giá trị ở dòng {detail} của cùng đề án; dùng giá trị đầu tiên",
        "Differs from row {detail} of the same proposal; the first value is used",
    ),
    "code_not_consecutive": (
        "error",
        (
            "Mã đề án đã xuất hiện ở dòng {detail}; các dòng của một đề án phải liền nhau "
            "(sắp xếp theo Mã đề án)"
        ),
        (
            "Proposal code already seen at row {detail}; rows of a proposal must be consecutive "
            "(sort by proposal code)"
        ),
    ),
    "missing_code": (
        "error",
        "Thiếu Mã đề án",
        "The proposal code is missing",
    ),
    "amount_mismatch": (
        "error",
        "Số tiền không khớp nguồn kinh phí: {detail}",
        "Amount does not match the funding source: {detail}",
    ),
    "cost_derived": (
        "info",
        "Không có Tổng kinh phí: tính bằng kinh phí khuyến công + đối ứng + nguồn khác",
        "No total cost: computed as khuyến công support + counterpart + other sources",
    ),
    "invalid": (
        "error",
        "Dữ liệu không hợp lệ: {detail}",
        "Invalid data: {detail}",
    ),
    "beneficiary_kind_missing": (
        "warning",
        "Có Đơn vị thụ hưởng nhưng thiếu Loại hình; đơn vị thụ hưởng chưa được kiểm tra",
        "A beneficiary is named without its kind; the beneficiary is not checked",
    ),
    "beneficiary_missing": (
        "warning",
        (
            "Có thông tin về đơn vị thụ hưởng (ngành nghề, quy mô) nhưng thiếu Đơn vị thụ hưởng "
            "hoặc Loại hình; thông tin này chưa được dùng"
        ),
        (
            "Facts about a beneficiary (industries, size) without its name or kind; they are not "
            "used"
        ),
    ),
    "amount_unit": (
        "info",
        "Số tiền ghi theo {detail}; đã quy ra đồng",
        "Amounts are written in {detail}; converted to đồng",
    ),
    "table_layout": (
        "info",
        "Bố cục bảng: {detail}",
        "Table layout: {detail}",
    ),
    "value_from_title": (
        "info",
        "{detail}",
        "{detail}",
    ),
    "code_from_numbering": (
        "info",
        "Không có cột Mã đề án: mã đề án lấy theo số mục và STT (ví dụ I.1)",
        "No proposal-code column: each proposal's code is its section and number (e.g. I.1)",
    ),
    "section_unknown": (
        "warning",
        "Dòng mục '{detail}' không nêu nội dung khuyến công hay nguồn kinh phí đã biết",
        "Section row '{detail}' names no known activity content or funding source",
    ),
    "total_checked": (
        "info",
        "Khớp với tổng các dòng ({detail})",
        "Matches the sum of the rows it totals ({detail})",
    ),
    "total_mismatch": (
        "error",
        "Dòng cộng sai: {detail}",
        "The total is wrong: {detail}",
    ),
    "total_unchecked": (
        "undetermined",
        "Không kiểm tra được dòng cộng: có số tiền không đọc được trong các dòng {detail}",
        "The total cannot be checked: an amount in rows {detail} cannot be read",
    ),
    "total_scope_unknown": (
        "warning",
        "Dòng cộng '{detail}' không ứng với mục nào đã gặp; chưa kiểm tra",
        "Total '{detail}' matches no section seen so far; not checked",
    ),
    "not_stated": (
        "undetermined",
        "Tệp không ghi {detail}: chưa xác định được mức hỗ trợ (không đoán)",
        "The file does not state {detail}: the support cannot be determined (not guessed)",
    ),
    "dataframe_header": (
        "error",
        "Không tìm thấy dòng tên cột trong DataFrame: {detail}",
        "No header found in the DataFrame: {detail}",
    ),
    "not_assessed": (
        "info",
        "Chưa có bộ máy quy tắc (khuyencong.assess): chỉ kiểm tra dữ liệu, chưa tính mức hỗ trợ",
        (
            "The rule engine (khuyencong.assess) is not available: data validated only, "
            "support not computed"
        ),
    ),
    "assessment_failed": (
        "error",
        "Không đánh giá được: {detail}",
        "Could not be assessed: {detail}",
    ),
}


@pickled_by_fields
@attrs.frozen(slots=True)
class RowFinding(Bilingual):
    """One problem or note about a row (``row`` is ``None`` for the whole file).

    ``row`` is the 1-based row number as a spreadsheet shows it (the header is usually row 1), or
    the line number of a CSV or JSON Lines file; for a pandas DataFrame it is the 0-based position
    (``df.iloc``).  ``column`` is the header as written in the file.  Findings of the rule engine
    carry the clause they rest on (``citation_vi``, ``citation_en``, and the stable
    ``citation_key`` such as ``26/2014/TTLT-BTC-BCT:6.2.c``) and, for a budget line, ``line``
    (0-based index of the line in its proposal).
    """

    row: int | None
    column: str | None
    code: str
    severity: Severity
    message_vi: str
    message_en: str
    citation_vi: str | None = None
    citation_en: str | None = None
    citation_key: str | None = None
    line: int | None = None

    def citation(self, lang: str = "vi") -> str | None:
        """The clause the finding rests on, in ``lang``, or ``None``."""
        return self.citation_vi if lang == "vi" else self.citation_en


def finding(
    code: str,
    row: int | None,
    column: str | None = None,
    *,
    detail: str = "",
    detail_vi: str | None = None,
    **fields: str,
) -> RowFinding:
    """Build a finding from the catalogue :data:`MESSAGES`."""
    severity, vi, en = MESSAGES[code]
    return RowFinding(
        row=row,
        column=column,
        code=code,
        severity=severity,
        message_vi=vi.format(detail=detail if detail_vi is None else detail_vi, **fields),
        message_en=en.format(detail=detail, **fields),
    )
