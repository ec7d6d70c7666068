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


@cache  # a fixed checklist per item: built once
def _remaining_item_documents(item: SupportItem) -> tuple[RequiredDocument, ...]:
    """Art 14, clauses 1-15, by spending item."""
    payment_list = "bảng kê chứng từ thanh toán kèm chứng từ chi tương ứng 100% kinh phí thực hiện"
    payment_list_en = "list of payment vouchers with spending vouchers for 100 % of the funds"
    table: dict[SupportItem, tuple[tuple[str, str, Citation], ...]] = {
        SupportItem.VOCATIONAL_TRAINING: (
            (
                "Quyết định cấp chứng chỉ hoặc chứng nhận; danh sách học viên được cấp (có chữ ký); danh sách lao động được sử dụng sau đào tạo; chứng từ tiền ăn, đi lại của học viên (nếu có)",
                "Certificate decision; signed list of certified trainees; list of trainees employed after training; vouchers for trainees' meals and travel (if any)",
                cite(14, 1),
            ),
        ),
        SupportItem.CONSULTING: (
            (
                f"Hợp đồng; biên bản nghiệm thu và thanh lý hợp đồng thuê tư vấn kèm sản phẩm tư vấn; {payment_list}",
                f"Contract; acceptance and liquidation minutes of the consultancy with its output; {payment_list_en}",
                cite(14, 2, "a"),
            ),
        ),
        SupportItem.STAFF_TRAINING: (
            (
                "Danh sách học viên được cấp chứng nhận (có chữ ký); giáo trình, tài liệu; chứng từ tiền ăn của học viên (nếu có)",
                "Signed list of certified trainees; course material; vouchers for trainees' meals (if any)",
                cite(14, 2, "b"),
            ),
        ),
        SupportItem.CONFERENCE: (
            (
                "Danh sách đại biểu (có chữ ký); tài liệu; chứng từ tiền ăn, nghỉ, đi lại của đại biểu không hưởng lương ngân sách (nếu có)",
                "Signed list of participants; material; vouchers for meals, lodging and travel of participants not paid by the state (if any)",
                cite(14, 2, "c"),
            ),
        ),
        SupportItem.DEMONSTRATION_NEW_TECHNOLOGY: (
            (
                "Hóa đơn chứng từ hạng mục được hỗ trợ; danh sách đại biểu hội nghị mô hình (có chữ ký, xác nhận của đơn vị thực hiện và thụ hưởng); tài liệu giới thiệu mô hình",
                "Invoices for the supported items; signed list of participants in the demonstration meeting; material presenting the model",
                cite(14, 3),
            ),
        ),
        SupportItem.MACHINERY_AND_TECHNOLOGY: (
            (
                "Hợp đồng, biên bản nghiệm thu và thanh lý hợp đồng chuyển giao công nghệ",
                "Technology-transfer contract, acceptance and liquidation minutes",
                cite(14, 4),
            ),
            (
                "Hợp đồng, biên bản nghiệm thu và thanh lý hợp đồng mua máy móc",
                "Machinery purchase contract, acceptance and liquidation minutes",
                cite(14, 5),
            ),
        ),
        SupportItem.BRAND: (
            (
                f"Giấy chứng nhận đăng ký thương hiệu hoặc nhãn hiệu; quy chế sử dụng nhãn hiệu (nhãn hiệu tập thể); chiến lược hoặc kế hoạch quảng bá thương hiệu; {payment_list}",
                f"Brand or trademark registration certificate; rules for a collective mark; brand strategy or plan; {payment_list_en}",
                cite(14, 7),
            ),
        ),
        SupportItem.MEDIA: (
            (
                "Hợp đồng, biên bản nghiệm thu và thanh lý hợp đồng của nhà thầu hoặc nhà cung cấp dịch vụ; danh sách sản phẩm kèm sản phẩm mẫu (nếu có); giấy phép hoạt động (trang thông tin điện tử)",
                "Contractor's contract, acceptance and liquidation minutes; list of products with samples (if any); licence (for websites)",
                cite(14, 8),
            ),
        ),
        SupportItem.DOMESTIC_FAIR_ORGANISATION: (
            (
                "Danh sách đơn vị tham gia thuê gian hàng có xác nhận của Sở Công Thương nơi tổ chức (bản chính); hợp đồng thuê gian hàng",
                "List of booth renters confirmed by the Department where the fair is held (original); booth rental contracts",
                cite(14, 10),
            ),
        ),
        SupportItem.DOMESTIC_FAIR_PARTICIPATION: (
            (
                "Danh sách cơ sở được hỗ trợ có xác nhận của Sở Công Thương (bản chính); hợp đồng thuê gian hàng; hóa đơn tài chính thu tiền thuê gian hàng",
                "List of supported establishments confirmed by the Department (original); booth rental contract; the organiser's invoice for the booth",
                cite(14, 11),
            ),
        ),
        SupportItem.LINKAGE_CLUSTER: (
            (
                f"Quyết định phê duyệt cụm liên kết của cơ quan có thẩm quyền; {payment_list}",
                f"Competent approval of the linkage cluster; {payment_list_en}",
                cite(14, 12),
            ),
        ),
        SupportItem.CLUSTER_DETAILED_PLANNING: (
            (
                f"Quyết định phê duyệt quy hoạch chi tiết của cơ quan có thẩm quyền; {payment_list}",
                f"Competent approval of the detailed plan; {payment_list_en}",
                cite(14, 13),
            ),
        ),
        SupportItem.CONTEST: (
            (
                "Quyết định thành lập Ban Tổ chức, Ban Giám khảo; quyết định kèm danh sách đạt giải",
                "Decisions setting up the organising committee and jury; decision with the list of winners",
                cite(14, 15),
            ),
        ),
    }
    table[SupportItem.DEMONSTRATION_EXISTING] = table[SupportItem.DEMONSTRATION_NEW_TECHNOLOGY]
    association = (
        (
            f"Quyết định thành lập và điều lệ hiệp hội, hội ngành nghề được phê duyệt; danh sách hội viên; {payment_list}",
            f"Approved founding decision and charter; list of members; {payment_list_en}",
            cite(14, 9),
        ),
    )
    table[SupportItem.ASSOCIATION_REGIONAL] = association
    table[SupportItem.ASSOCIATION_NATIONAL] = association
    works = (
        (
            "Biên bản nghiệm thu hoàn thành hạng mục hoặc công trình đưa vào sử dụng kèm bảng xác định giá trị khối lượng hoàn thành; văn bản xác nhận kết quả đầu ra đạt chuẩn (hệ thống xử lý ô nhiễm)",
            "Completion acceptance of the item or works put into use, with the value of work done; confirmation that the output meets standards (pollution treatment)",
            cite(14, 14),
        ),
        (
            "Báo cáo kiểm toán quyết toán hạng mục hoặc công trình của đơn vị kiểm toán độc lập (khi chủ đầu tư là doanh nghiệp, tại cụm công nghiệp)",
            "Independent audit of the item's final accounts (when the cluster investor is an enterprise)",
            cite(14, 14),
        ),
    )
    # Khoản 14 names building a pollution-treatment system, not repairing or upgrading one
    # (Điểm o, p khoản 2 Điều 6 TTLT 26/2014): those have only the common documents.
    table[SupportItem.CLUSTER_INFRASTRUCTURE] = works
    table[SupportItem.POLLUTION_SYSTEM_NEW_CLUSTER] = works
    table[SupportItem.POLLUTION_SYSTEM_NEW_ESTABLISHMENT] = works[:1]
    return tuple(_doc(*row) for row in table.get(item, ()))


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
            docs += _remaining_item_documents(item)
    return tuple(dict.fromkeys(docs))
