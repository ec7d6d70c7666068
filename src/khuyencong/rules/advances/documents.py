"""The dossier of each advance (Điều 13-15 Thông tư 36/2013/TT-BCT)."""

from __future__ import annotations

from datetime import date
from functools import cache

from ..._args import check_date
from ...rulebooks import Rulebook
from ...schemas.citation import Citation
from ...schemas.codes import (
    SupportItem,
)
from ...schemas.proposal import Proposal
from .._procedure import cite, require, rulebook_or_national
from .forms import AdvanceForm, AdvanceStage, RequiredDocument, _require_national, advance_form


def _doc(vi: str, en: str, citation: Citation) -> RequiredDocument:
    return RequiredDocument(vi, en, citation)


@cache  # a fixed checklist per form: built once
def _first_documents(form: AdvanceForm) -> tuple[RequiredDocument, ...]:
    contract = ("Hợp đồng thực hiện đề án", "Contract to carry out the proposal")
    confirmed = _doc(
        "Báo cáo tiến độ có kiểm tra, xác nhận của Sở Công Thương nơi thực hiện đề án",
        "Progress report checked and confirmed by the provincial Department where the proposal runs",
        cite(23, 3, "a"),
    )
    if form is AdvanceForm.CLUSTER_WORKS:
        c = cite(13, 1, "b")
        return (
            _doc(*contract, c),
            _doc(
                "Hợp đồng hỗ trợ giữa đơn vị thực hiện đề án và chủ đầu tư",
                "Support contract between the implementing unit and the investor",
                c,
            ),
            _doc(
                "Hợp đồng giữa chủ đầu tư và nhà thầu (trường hợp chủ đầu tư thuê ngoài)",
                "Contract between the investor and the contractor (if outsourced)",
                c,
            ),
            _doc(
                "Báo cáo tiến độ xác định đã thực hiện trên 50% khối lượng công việc của hạng mục được hỗ trợ",
                "Progress report showing more than 50 % of the supported item's work done",
                c,
            ),
            confirmed,
        )
    if form is AdvanceForm.VOCATIONAL_TRAINING:
        c = cite(13, 2, "a")
        return (
            _doc(*contract, c),
            _doc(
                "Kế hoạch tổ chức đào tạo nghề, truyền nghề (Mẫu số 11 Phụ lục 1)",
                "Training plan (Form 11, Appendix 1)",
                c,
            ),
        )
    if form is AdvanceForm.CAPACITY:
        c = cite(13, 2, "b")
        return (
            _doc(*contract, c),
            _doc(
                "Kế hoạch tổ chức thực hiện đề án (đối với đào tạo, hội nghị, hội thảo, tham quan khảo sát; thương hiệu)",
                "Implementation plan (for courses, conferences, study tours, brands)",
                c,
            ),
        )
    if form is AdvanceForm.PROMOTION_AND_MEDIA:
        c = cite(13, 2, "c")
        return (
            _doc(*contract, c),
            _doc(
                "Hợp đồng hỗ trợ giữa đơn vị thực hiện với chủ đầu tư (đề án quy hoạch chi tiết cụm công nghiệp)",
                "Support contract with the investor (cluster detailed planning)",
                c,
            ),
        )
    if form is AdvanceForm.INVESTMENT:
        c = cite(13, 2, "d")
        return (
            _doc(*contract, c),
            _doc(
                "Báo cáo tiến độ xác định giá trị khối lượng đã thực hiện trên 70% tổng vốn đầu tư",
                "Progress report showing work worth more than 70 % of the total investment",
                c,
            ),
            confirmed,
        )
    c = cite(13, 3, "b")
    return (
        _doc(*contract, c),
        _doc("Biên bản nghiệm thu cơ sở (Mẫu số 5b)", "Base-acceptance minutes (Form 5b)", c),
        _doc(
            "Báo cáo khối lượng hoàn thành và kinh phí thực hiện hợp đồng (Mẫu số 3b)",
            "Report of completed work and spending (Form 3b)",
            c,
        ),
        _doc(
            "Bản sao hợp lệ giấy chứng nhận đăng ký kinh doanh",
            "Certified copy of the business registration certificate",
            c,
        ),
    )


REMAINING_DOCUMENTS = "advance.remaining_documents"
"""The checklist of Khoản 1-15 Điều 14: the parameters whose codes start with this name and a
dot, one per document, each listing the spending items that need it
(``rulebooks/data/params/advance_documents.toml``)."""


def _remaining_item_documents(
    rb: Rulebook, item: SupportItem, as_of: date
) -> tuple[RequiredDocument, ...]:
    """Art 14, clauses 1-15, by spending item, read from the rulebook in its order."""
    docs: list[RequiredDocument] = []
    for code, param in rb.params.items():
        if not code.startswith(REMAINING_DOCUMENTS + "."):
            continue
        rule = require(rb, code, as_of)
        if item.value in rule.codes:
            docs.append(_doc(param.label_vi, param.label_en, rule.citation))
    return tuple(docs)


def advance_documents(
    proposal: Proposal,
    stage: AdvanceStage,
    as_of: date,
    *,
    rulebook: Rulebook | None = None,
) -> tuple[RequiredDocument, ...]:
    """The dossier of an advance, as a checklist of (label vi, label en, clause).

    First advance: Điều 13 by form (plus the Sở's confirmation of progress reports that back an
    advance, Điểm a khoản 3 Điều 23); relocation interest: Khoản 1 Điều 15; next advance of a
    multi-year proposal: Điểm b khoản 2 Điều 15; remaining advance: Điều 14 (common documents and
    those of each kind of proposal, clauses 1-15).  A form the law leaves to the Agency head gives
    an empty first-advance list (Khoản 2 Điều 16).  Cleaner-production assessment (Art 14.6) has no
    spending-item code and is not listed.
    """
    as_of = check_date(as_of, "as_of")
    _require_national(proposal)
    rb = rulebook_or_national(rulebook)
    require(rb, "workflow.national", as_of)
    items = [line.item for line in proposal.budget_lines]
    docs: list[RequiredDocument] = []
    if stage is AdvanceStage.FIRST:
        if SupportItem.RELOCATION_INTEREST in items:
            c = cite(15, 1)
            docs += [
                _doc("Hợp đồng thực hiện đề án", "Contract to carry out the proposal", c),
                _doc(
                    "Biên bản nghiệm thu cơ sở (Mẫu số 5a)", "Base-acceptance minutes (Form 5a)", c
                ),
                _doc(
                    "Báo cáo khối lượng hoàn thành và kinh phí thực hiện hợp đồng (Mẫu số 3b)",
                    "Report of completed work and spending (Form 3b)",
                    c,
                ),
                _doc(
                    "Bản sao hợp lệ hợp đồng tín dụng vay vốn đầu tư xây dựng, mua máy móc",
                    "Certified copy of the credit contract for building or machinery",
                    c,
                ),
                _doc(
                    "Chứng từ đã trả lãi vốn vay cho ngân hàng trong hai năm đầu",
                    "Proof of interest paid to the bank in the first two years",
                    c,
                ),
                _doc(
                    "Bản sao hợp lệ hợp đồng và thanh lý hợp đồng với nhà thầu xây dựng, mua máy móc",
                    "Certified copies of the building or machinery contracts and their liquidation",
                    c,
                ),
            ]
        decision = advance_form(proposal, as_of, rulebook=rb)
        if decision.form is not None:
            docs += _first_documents(decision.form)
    elif stage is AdvanceStage.NEXT:
        c = cite(15, 2, "b")
        docs += [
            _doc(
                "Báo cáo tiến độ thực hiện theo dự toán được phê duyệt và hợp đồng",
                "Progress report against the approved budget and the contract",
                c,
            ),
            _doc(
                "Báo cáo tiến độ có kiểm tra, xác nhận của Sở Công Thương nơi thực hiện đề án",
                "Progress report checked and confirmed by the provincial Department",
                cite(23, 3, "a"),
            ),
        ]
    else:
        c = cite(14)
        docs += [
            _doc(
                "Biên bản nghiệm thu cơ sở (Mẫu số 5a, 5b hoặc 5c)",
                "Base-acceptance minutes (Form 5a, 5b or 5c)",
                c,
            ),
            _doc(
                "Báo cáo tổng hợp kết quả thực hiện đề án",
                "Summary report of the proposal's results",
                c,
            ),
            _doc(
                "Báo cáo khối lượng hoàn thành và kinh phí thực hiện hợp đồng (Mẫu số 3b)",
                "Report of completed work and spending (Form 3b)",
                c,
            ),
        ]
        for item in dict.fromkeys(items):
            docs += _remaining_item_documents(rb, item, as_of)
    return tuple(dict.fromkeys(docs))
