"""``rulebook diff`` in words: kinds of adjustment, codes of the domain and provenance by their
labels from the message catalogue, in the chosen language (issue 17)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from khuyencong.l10n.catalog import render
from khuyencong.rulebooks import diff
from khuyencong.rules.procedure.adjustment import AdjustmentKind
from khuyencong.schemas.citation import Provenance


def _line(code: str, lang: str) -> str:
    (change,) = [c for c in diff(date(2016, 6, 1), date(2026, 6, 1)) if c.code == code]
    return change.describe(lang)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "vi",
            (
                "adjustment.department: bỏ: Thay đổi địa điểm; Thay đổi đơn vị thụ hưởng; Thay đổi "
                "đơn vị phối hợp; Thay đổi thời gian thực hiện trong năm tài chính; Điều chỉnh không "
                "thay đổi hoặc giảm tổng mức kinh phí hỗ trợ; Điều chỉnh khác (Điểm b khoản 2 Điều 11 "
                "Thông tư 36/2013/TT-BCT) → chưa mã hóa (17/2018/TT-BCT)"
            ),
        ),
        (
            "en",
            (
                "adjustment.department: removed: Change the place; Change the beneficiary; Change the "
                "coordinating unit; Change the timing within the fiscal year; Adjustment that keeps or "
                "lowers the total support; Other adjustment (Art 11.2.b of Circular 36/2013/TT-BCT) → "
                "not encoded (17/2018/TT-BCT)"
            ),
        ),
    ],
)
def test_the_kinds_of_adjustment_read_as_words(lang: str, expected: str) -> None:
    # Điểm b khoản 2 Điều 11 TT 36/2013/TT-BCT: the six kinds the Agency approves; TT 36/2013
    # gives way to TT 17/2018/TT-BCT (not encoded) before 2026.
    assert _line("adjustment.department", lang) == expected


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("vi", "→ Nghệ nhân (Nghị định 235/2025/NĐ-CP; nguồn thứ cấp)"),
        ("en", "→ Artisan (Decree 235/2025/NĐ-CP; secondary source)"),
    ],
)
def test_a_secondary_value_says_so_in_words(lang: str, words: str) -> None:
    # artisans as beneficiaries: NĐ 235/2025, known from a public summary only (secondary)
    line = _line("beneficiary.artisan_kinds", lang)
    assert line.endswith(words)
    assert "secondary)" not in line
    assert "artisan " not in line


def test_a_dossier_item_required_always_reads_as_words() -> None:
    # the appraisal criteria of Điều 4 and Điều 9 TT 36/2013/TT-BCT apply to every proposal
    appraisal = [
        c for c in diff(date(2016, 6, 1), date(2026, 6, 1)) if c.code.startswith("appraisal.")
    ]
    assert len(appraisal) == 8
    assert all(": bỏ: luôn phải có (" in c.describe("vi") for c in appraisal)
    assert all(": removed: always required (" in c.describe("en") for c in appraisal)


@pytest.mark.parametrize("kind", list(AdjustmentKind))
def test_the_catalogue_names_each_kind_of_adjustment_as_the_rules_do(kind: AdjustmentKind) -> None:
    key = f"adjustment_kind.{kind.value}"
    assert (render(key, None, "vi"), render(key, None, "en")) == (kind.vi, kind.en)


@pytest.mark.parametrize(
    ("provenance", "vi", "en"),
    [
        (Provenance.OFFICIAL_TEXT, "văn bản chính thức", "official text"),
        (Provenance.SECONDARY, "nguồn thứ cấp", "secondary source"),
        (Provenance.USER_SUPPLIED, "do người dùng cung cấp", "user supplied"),
        (Provenance.CONVENTION, "quy ước của thư viện", "library convention"),
    ],
)
def test_provenance_labels_come_from_the_catalogue(
    provenance: Provenance, vi: str, en: str
) -> None:
    assert (provenance.vi, provenance.en) == (vi, en)
    assert provenance.label("en") == en


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "vi",
            (
                "reporting.department.periods: bỏ: Báo cáo quý; Báo cáo 6 tháng; Báo cáo tổng kết năm "
                "(Khoản 5 Điều 21 Thông tư 36/2013/TT-BCT) → chưa mã hóa (17/2018/TT-BCT)"
            ),
        ),
        (
            "en",
            (
                "reporting.department.periods: removed: Quarterly report; Half-yearly report; Yearly "
                "report (Art 21.5 of Circular 36/2013/TT-BCT) → not encoded (17/2018/TT-BCT)"
            ),
        ),
    ],
)
def test_codes_without_an_enum_read_as_words_too(lang: str, expected: str) -> None:
    # Khoản 5 Điều 21 TT 36/2013/TT-BCT: the Department reports each quarter, half-year and year
    assert _line("reporting.department.periods", lang) == expected


def test_the_catalogue_names_the_reporting_periods_as_the_rules_do() -> None:
    from khuyencong.rules.reporting import _PERIOD_LABELS

    for period, (vi, en) in _PERIOD_LABELS.items():
        assert (render(f"code.{period}", None, "vi"), render(f"code.{period}", None, "en")) == (
            vi,
            en,
        )


def test_a_table_of_contents_and_items_names_each_by_its_own_label() -> None:
    # "vocational_training" is both an activity content (Khoản 1 Điều 4 NĐ 45/2012/NĐ-CP) and a
    # support item (Điểm a khoản 1 Điều 6 TTLT 26/2014): each reads with its own label
    line = _line("content.items", "vi")
    assert line.startswith(
        "content.items: bỏ: Đào tạo nghề, truyền nghề: Tổ chức đào tạo nghề, truyền nghề; "
        "Biên soạn chương trình, giáo trình, tài liệu | "
    )
    assert "vocational_training" not in line
    assert "consulting" not in line


@pytest.mark.parametrize(
    ("code", "lang", "words"),
    [
        # Khoản 1 Điều 14 TT 36/2013: a document of the remaining advance of vocational training
        # (the support item, not the form of Điều 13 spelt alike)
        ("advance.remaining_documents.art14_1", "vi", ": bỏ: Tổ chức đào tạo nghề, truyền nghề ("),
        ("advance.remaining_documents.art14_1", "en", ": removed: Vocational training ("),
        # Điểm b khoản 2 Điều 15: the next advance of a multi-year proposal
        ("advance.next_documents.progress", "en", ": removed: Next advance (multi-year) ("),
        # Điểm a khoản 2 Điều 13: the form of proposal for the first advance
        ("advance.form_clause.vocational_training", "en", ": removed: Vocational training (2.a) ("),
    ],
)
def test_the_codes_of_the_advance_rules_read_by_what_each_parameter_holds(
    code: str, lang: str, words: str
) -> None:
    assert words in _line(code, lang)


def test_the_catalogue_names_the_forms_and_stages_of_advance_as_the_rules_do() -> None:
    from khuyencong.rules.advances.forms import AdvanceForm, AdvanceStage

    for kind, members in (("advance_form", AdvanceForm), ("advance_stage", AdvanceStage)):
        for m in members:
            key = f"{kind}.{m.value}"
            assert (render(key, None, "vi"), render(key, None, "en")) == (m.vi, m.en)


@pytest.mark.parametrize(
    ("code", "lang", "words"),
    [
        # Điểm d khoản 1 Điều 19 TT 36/2013: Mẫu 8b when the unit invoices nothing to the Agency
        # (khoản 1) and the State supports a share of the total cost
        (
            "dossier.settlement.voucher_list_8b",
            "vi",
            (
                ": bỏ: khi đơn vị thực hiện không lập hóa đơn tài chính cho Cục Công nghiệp địa "
                "phương và nhà nước hỗ trợ theo tỷ lệ phần trăm tổng kinh phí ("
            ),
        ),
        (
            "dossier.settlement.voucher_list_8b",
            "en",
            (
                ": removed: when the implementing unit issues no financial invoice to the Agency for "
                "Regional Industry and the State supports a percentage of the total cost ("
            ),
        ),
        # Điểm b khoản 1 Điều 19: Mẫu 9 "(nếu có)"
        (
            "dossier.settlement.payment_request_9",
            "vi",
            (
                ": bỏ: khi đơn vị thực hiện không lập hóa đơn tài chính cho Cục Công nghiệp địa "
                "phương, nếu có ("
            ),
        ),
        # Khoản 1 Điều 5 TT 36/2013: partners, beneficiaries and place, unless a group proposal
        (
            "proposal_parts.partners_beneficiaries_place",
            "en",
            ": removed: when the proposal is not a group proposal (",
        ),
    ],
)
def test_when_a_checklist_item_is_required_reads_as_words(code: str, lang: str, words: str) -> None:
    assert words in _line(code, lang)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_diff_of_the_built_in_rulebook_shows_no_code_as_a_value(lang: str) -> None:
    # 2016-06-01 → 2026-06-01: every value that is a code reads as words (the parameters' own
    # codes name each line and stay)
    values = [c.describe(lang).split(": ", 1)[1] for c in diff(date(2016, 6, 1), date(2026, 6, 1))]
    assert len(values) > 200
    assert [v for v in values if re.search(r"\b[a-z0-9]+_[a-z0-9_]+\b", v)] == []
