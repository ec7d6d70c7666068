"""The words a person reads around the findings, in Vietnamese and English, in one table.

Statuses (of a row, of an assessment, of a budget line), severities, and the column headers and
sheet names of the reports.  The codes (``eligible``, ``warning``, ``proposal_code``…) are the
stable, machine-readable identifiers; these labels are what a clerk reads.  The CLI, the report
writers and the HTML report take their words from here (:func:`label`), and a later message
catalogue absorbs this table as it is.

>>> label("status", "eligible")
'đủ điều kiện'
>>> label("severity", "warning", "en")
'warning'
>>> label("status", "something_new")
'something_new'
"""

from __future__ import annotations

from typing import Final

__all__ = ["LABELS", "heading", "label"]

LABELS: Final[dict[str, dict[str, tuple[str, str]]]] = {
    # the status of a row of a dataset, or of an assessment (vi, en)
    "status": {
        "eligible": ("đủ điều kiện", "eligible"),
        "ineligible": ("không đủ điều kiện", "ineligible"),
        "not_assessable": ("chưa xác định được", "not assessable"),
        "invalid": ("không hợp lệ", "invalid"),
        "valid": ("hợp lệ", "valid"),
        "blank": ("dòng trống", "blank"),
        "section": ("dòng tiêu đề mục", "section"),
        "subtotal": ("dòng cộng", "subtotal"),
        "total": ("dòng tổng cộng", "total"),
        "footer": ("phần cuối bảng", "footer"),
    },
    # what the engine could say about a budget line's support
    "line_status": {
        "computed": ("đã tính", "computed"),
        "not_encoded": ("quy định chưa được mã hoá", "not encoded"),
        "needs_input": ("thiếu số liệu", "needs input"),
        "proposal_ineligible": ("đề án không đủ điều kiện", "proposal ineligible"),
    },
    # how a finding weighs on the outcome
    "severity": {
        "error": ("lỗi", "error"),
        "undetermined": ("chưa xác định", "undetermined"),
        "warning": ("cảnh báo", "warning"),
        "info": ("ghi chú", "info"),
    },
    # column headers of the row table (CSV, XLSX, terminal, HTML)
    "column": {
        "row": ("Dòng", "row"),
        "proposal_code": ("Mã đề án", "proposal_code"),
        "title": ("Tên đề án", "title"),
        "status": ("Trạng thái", "status"),
        "status_code": ("Mã trạng thái", "status_code"),
        "funding": ("Nguồn kinh phí", "funding"),
        "province": ("Tỉnh/thành phố", "province"),
        "year": ("Năm", "year"),
        "content": ("Nội dung", "content"),
        "item": ("Khoản mục", "item"),
        "cost": ("Tổng kinh phí", "cost"),
        "requested": ("Kinh phí đề nghị", "requested"),
        "counterpart": ("Vốn đối ứng", "counterpart"),
        "allowed": ("Được hỗ trợ", "allowed"),
        "as_of": ("Ngày áp dụng", "as_of"),
        "severity": ("Mức độ", "severity"),
        "severity_code": ("Mã mức độ", "severity_code"),
        "findings": ("Phát hiện", "findings"),
        "column": ("Cột", "column"),
        "code": ("Mã phát hiện", "code"),
        "message": ("Nội dung phát hiện", "message"),
        "proposals": ("Số đề án", "proposals"),
        "rows": ("Số dòng", "rows"),
        "allowed_not_known_lines": ("Số dòng chưa rõ mức hỗ trợ", "allowed_not_known_lines"),
    },
    # short headings of the terminal's and the HTML report's summary tables
    "heading": {
        "proposals": ("Đề án", "Proposals"),
        "rows": ("Dòng", "Rows"),
        "cost": ("Tổng kinh phí", "Cost"),
        "requested": ("Đề nghị", "Requested"),
        "allowed": ("Được hỗ trợ", "Allowed"),
    },
    # sheet names of the XLSX report
    "sheet": {
        "rows": ("Kết quả", "Rows"),
        "summary": ("Tổng hợp", "Summary"),
        "notes": ("Ghi chú", "Notes"),
    },
}
"""``LABELS[kind][code] == (vi, en)``."""


def label(kind: str, code: str, lang: str = "vi") -> str:
    """The label of ``code`` (a status, severity, column…) in ``lang``; an unknown code is
    returned as it is, so that nothing is ever hidden."""
    pair = LABELS.get(kind, {}).get(str(code))
    if pair is None:
        return str(code)
    return pair[0] if lang == "vi" else pair[1]


def heading(code: str, lang: str = "vi") -> str:
    """A column heading for a person (terminal, HTML): its short heading, else the Vietnamese
    label, or the English identifier as words.

    >>> heading("proposal_code"), heading("proposal_code", "en"), heading("requested")
    ('Mã đề án', 'Proposal code', 'Đề nghị')
    """
    if code in LABELS["heading"]:
        return label("heading", code, lang)
    if lang == "vi":
        return label("column", code, lang)
    return label("column", code, lang).replace("_", " ").capitalize()
