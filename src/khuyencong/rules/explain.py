"""Readable explanations of an assessment, in Vietnamese or English, with citations."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING

from ..l10n import format_vnd
from .cofunding import LineResult, LineStatus
from .findings import Severity

if TYPE_CHECKING:
    from .assess import Assessment

__all__ = ["explain"]

_STATUS = {
    "eligible": ("ĐỦ ĐIỀU KIỆN", "ELIGIBLE"),
    "ineligible": ("KHÔNG ĐỦ ĐIỀU KIỆN", "NOT ELIGIBLE"),
    "not_assessable": ("CHƯA ĐỦ CĂN CỨ ĐỂ ĐÁNH GIÁ", "CANNOT BE ASSESSED YET"),
}
_SEVERITY = {
    Severity.ERROR: ("Vi phạm", "Breaks a rule"),
    Severity.UNDETERMINED: ("Chưa xác định được", "Cannot be decided"),
    Severity.WARNING: ("Lưu ý", "Note"),
    Severity.INFO: ("Thông tin", "For information"),
}


def _percent(rate: Decimal, lang: str) -> str:
    text = f"{(rate * 100).normalize():f}"
    return (text.replace(".", ",") if lang == "vi" else text) + " %"


_SUFFIX = {"vi": " đ", "en": " VND"}


@cache
def _money(lang: str) -> Callable[[Decimal], str]:
    """A formatter of whole đồng that writes what :func:`~khuyencong.l10n.format_vnd` writes,
    with Python's own digit grouping (the locale's group symbol is read once per language,
    not per amount); anything but whole đồng goes to ``format_vnd``."""
    lang = "vi" if lang == "vi" else "en"
    sample = format_vnd(1000, lang)  # "1.000 đ" or "1,000 VND"
    group, suffix = sample[1], _SUFFIX[lang]
    if not sample.endswith(suffix):
        return lambda amount: format_vnd(amount, lang)

    def money(amount: Decimal) -> str:
        whole = int(amount)
        if whole != amount:
            return format_vnd(amount, lang)  # refuses it, as before
        text = f"{whole:,}"
        return (text if group == "," else text.replace(",", group)) + suffix

    return money


def _line(line: LineResult, lang: str, money: Callable[[Decimal], str]) -> str:
    vi = lang == "vi"

    head = (
        f"Dòng {line.index + 1} — {line.item.vi}: chi phí {money(line.cost)}, đề nghị {money(line.requested)}"
        if vi
        else f"Line {line.index + 1} — {line.item.en}: cost {money(line.cost)}, requested {money(line.requested)}"
    )
    if line.status is LineStatus.PROPOSAL_INELIGIBLE:
        return (
            f"{head}; không được hỗ trợ (0 đồng) vì đề án không đủ điều kiện."
            if vi
            else f"{head}; nothing allowed (0 đồng): the proposal is not eligible."
        )
    if line.status is not LineStatus.COMPUTED:
        reason = {
            LineStatus.NOT_ENCODED: ("mức hỗ trợ chưa được mã hóa", "support level not encoded"),
            LineStatus.NEEDS_INPUT: ("cần thêm số liệu để tính", "needs a figure to compute"),
        }[line.status]
        extra = f" ({', '.join(line.instruments)})" if line.instruments else ""
        return f"{head}; {reason[0] if vi else reason[1]}{extra}."
    limits: list[str] = []
    if line.rate is not None:
        limits.append(("tối đa " if vi else "at most ") + _percent(line.rate, lang))
    if line.cap is not None:
        limits.append(("không quá " if vi else "not above ") + money(line.cap))
    level = (" và " if vi else " and ").join(limits) or ("theo hợp đồng" if vi else "by contract")
    factor = ""
    if line.factor != 1:
        factor = f", hệ số ưu tiên {line.factor}" if vi else f", priority factor {line.factor}"
    cite = ""
    if line.citation is not None:
        cite = f" ({line.citation.vi if vi else line.citation.en})"
    allowed = line.allowed or Decimal(0)
    counterpart = line.counterpart or Decimal(0)
    if vi:
        return (
            f"{head}; mức hỗ trợ {level}{factor}{cite}; được hỗ trợ {money(allowed)}; "
            f"đối ứng {money(counterpart)}."
        )
    return (
        f"{head}; level {level}{factor}{cite}; support allowed {money(allowed)}; "
        f"counterpart {money(counterpart)}."
    )


def explain(assessment: Assessment, lang: str = "vi") -> str:
    """Explain ``assessment`` in ``lang`` ("vi" or "en")."""
    vi = lang == "vi"
    a = assessment
    money = _money("vi" if vi else "en")
    status = _STATUS[a.status.value][0 if vi else 1]
    when = a.as_of.strftime("%d/%m/%Y") if vi else a.as_of.isoformat()
    out = [
        (
            f"Đề án {a.proposal_code} “{a.title}” — đánh giá theo quy định ngày {when}: {status}."
            if vi
            else f"Proposal {a.proposal_code} '{a.title}' — assessed under the rules of {when}: {status}."
        ),
    ]
    if a.support is not None:
        out.append(
            f"Kinh phí khuyến công được hỗ trợ: {money(a.support)} (đề nghị {money(a.requested)})."
            if vi
            else f"Khuyến công support allowed: {money(a.support)} "
            f"(requested {money(a.requested)})."
        )
    else:
        unknown = a.unknown_lines
        numbers = ", ".join(str(line.index + 1) for line in unknown)
        known = [line.allowed for line in a.lines if line.allowed is not None]
        partial = money(sum(known, Decimal(0)))
        out.append(
            f"Kinh phí khuyến công được hỗ trợ: chưa xác định được (đề nghị "
            f"{money(a.requested)}), vì chưa tính được mức hỗ trợ của "
            f"{len(unknown)} dòng (dòng {numbers})"
            + (f"; các dòng đã tính được cộng lại {partial}, chưa phải tổng số." if known else ".")
            if vi
            else f"Khuyến công support allowed: not known (requested "
            f"{money(a.requested)}): the support of {len(unknown)} line(s) "
            f"(line {numbers}) could not be computed"
            + (
                f"; the computed lines add up to {partial}, which is not the total."
                if known
                else "."
            )
        )
    out += [_line(line, lang, money) for line in a.lines]
    order = (Severity.ERROR, Severity.UNDETERMINED, Severity.WARNING, Severity.INFO)
    for severity in order:
        findings = [f for f in a.findings if f.severity is severity]
        if not findings:
            continue
        out.append(_SEVERITY[severity][0 if vi else 1] + ":")
        for f in findings:
            cite = ""
            if f.citation is not None:
                cite = f" ({f.citation.vi if vi else f.citation.en})"
            out.append(f"  - {f.message(lang)}{cite}")
    return "\n".join(out)
