"""Stable codes of the domain, each with a Vietnamese and an English label.

Codes are snake_case English identifiers that never change once released; labels are for people.
Where a code stands for a clause of the law, its docstring names the clause.
"""

from __future__ import annotations

from .labelled import LabelledEnum
from .support import ActivityContent, SupportItem

__all__ = [
    "ActivityContent",
    "AreaAttribute",
    "Authority",
    "BeneficiaryKind",
    "CityClass",
    "CommuneKind",
    "DistrictKind",
    "EnterpriseSize",
    "FundingLevel",
    "FundingSourceKind",
    "Industry",
    "LabelledEnum",
    "LifecycleEvent",
    "ProcurementMethod",
    "ProposalKind",
    "ProposalState",
    "SupportItem",
]


class BeneficiaryKind(LabelledEnum):
    """Who a beneficiary is: Khoản 2 Điều 1 NĐ 45/2012/NĐ-CP, Điều 3 TT 46/2012/TT-BCT."""

    SME = ("sme", "Doanh nghiệp nhỏ và vừa", "Small or medium enterprise")
    LARGE_ENTERPRISE = ("large_enterprise", "Doanh nghiệp lớn", "Large enterprise")
    COOPERATIVE = ("cooperative", "Hợp tác xã", "Cooperative")
    COOPERATIVE_UNION = ("cooperative_union", "Liên hiệp hợp tác xã", "Union of cooperatives")
    COOPERATIVE_GROUP = ("cooperative_group", "Tổ hợp tác", "Cooperative group")
    BUSINESS_HOUSEHOLD = ("business_household", "Hộ kinh doanh", "Business household")
    CLEANER_PRODUCTION_ESTABLISHMENT = (
        "cleaner_production_establishment",
        "Cơ sở sản xuất công nghiệp áp dụng sản xuất sạch hơn",
        "Industrial establishment applying cleaner production",
    )
    CLUSTER_INFRASTRUCTURE_INVESTOR = (
        "cluster_infrastructure_investor",
        "Doanh nghiệp, hợp tác xã đầu tư hạ tầng cụm công nghiệp",
        "Industrial-cluster infrastructure investor",
    )
    ARTISAN = ("artisan", "Nghệ nhân", "Artisan")
    SERVICE_ORGANISATION = (
        "service_organisation",
        "Tổ chức, cá nhân dịch vụ khuyến công",
        "Khuyến công service organisation",
    )


class EnterpriseSize(LabelledEnum):
    """Declared size class of a small or medium enterprise."""

    MICRO = ("micro", "Siêu nhỏ", "Micro")
    SMALL = ("small", "Nhỏ", "Small")
    MEDIUM = ("medium", "Vừa", "Medium")


class Industry(LabelledEnum):
    """Industries: Khoản 1 Điều 5 NĐ 45/2012/NĐ-CP points a-g, the 2025 extension of
    NĐ 235/2025/NĐ-CP (secondary), and ``other`` for what no list names.

    Points a and g each name two industries, and the priority of Điểm a khoản 2 Điều 6 names only
    one of each ("công nghiệp chế biến nông - lâm - thủy sản", "áp dụng sản xuất sạch hơn"), so
    each has its own code.  The older codes that joined them (``agro_food_processing``,
    ``cleaner_production_and_pollution``) are kept and still qualify under Điều 5, but are
    deprecated: they cannot tell whether the priority applies (see :attr:`replaced_by`).
    """

    AGRO_FORESTRY_FISHERY_PROCESSING = (
        "agro_forestry_fishery_processing",
        "Chế biến nông - lâm - thủy sản",
        "Agricultural, forestry and fishery processing",
    )
    """Điểm a khoản 1 Điều 5 NĐ 45/2012 (first half); a priority of Điểm a khoản 2 Điều 6."""
    FOOD_PROCESSING = ("food_processing", "Chế biến thực phẩm", "Food processing")
    """Điểm a khoản 1 Điều 5 NĐ 45/2012 (second half); no priority of Điều 6."""
    AGRO_FOOD_PROCESSING = (
        "agro_food_processing",
        "Chế biến nông - lâm - thủy sản và thực phẩm",
        "Agricultural, forestry, fishery and food processing",
    )
    """Deprecated: all of Điểm a khoản 1 Điều 5; use ``agro_forestry_fishery_processing`` or
    ``food_processing`` (only the first is a priority industry)."""
    CONSUMER_AND_EXPORT_GOODS = (
        "consumer_and_export_goods",
        "Hàng công nghiệp tiêu dùng, xuất khẩu, thay thế hàng nhập khẩu",
        "Consumer, export and import-substituting goods",
    )
    AGRICULTURAL_CHEMICALS = (
        "agricultural_chemicals",
        "Hóa chất phục vụ nông nghiệp, nông thôn",
        "Chemicals for agriculture and rural areas",
    )
    BUILDING_MATERIALS = ("building_materials", "Sản xuất vật liệu xây dựng", "Building materials")
    AGRICULTURAL_MACHINERY = (
        "agricultural_machinery",
        "Cơ khí phục vụ nông nghiệp, nông thôn",
        "Mechanical engineering for agriculture and rural areas",
    )
    MACHINERY_AND_ELECTRONICS = (
        "machinery_and_electronics",
        "Sản phẩm, phụ tùng; lắp ráp, sửa chữa máy móc cơ khí, điện, điện tử - tin học",
        "Machinery, parts, electrical and electronic assembly and repair",
    )
    SUPPORTING_INDUSTRY = (
        "supporting_industry",
        "Chi tiết, bán thành phẩm và công nghiệp hỗ trợ",
        "Components, semi-finished goods and supporting industry",
    )
    HANDICRAFT = ("handicraft", "Sản xuất hàng tiểu thủ công nghiệp", "Handicraft")
    MINING_AND_MINERALS = (
        "mining_and_minerals",
        "Khai thác, chế biến khoáng sản",
        "Mining and mineral processing",
    )
    CLEANER_PRODUCTION = (
        "cleaner_production",
        "Áp dụng sản xuất sạch hơn trong sản xuất công nghiệp",
        "Cleaner production in industry",
    )
    """Điểm g khoản 1 Điều 5 NĐ 45/2012 (first half); a priority of Điểm a khoản 2 Điều 6,
    ranked apart (Điểm b khoản 3 Điều 6 TT 46/2012)."""
    POLLUTION_TREATMENT = (
        "pollution_treatment",
        "Xử lý ô nhiễm môi trường tại cụm công nghiệp, cơ sở CNNT",
        "Pollution treatment at industrial clusters and rural establishments",
    )
    """Điểm g khoản 1 Điều 5 NĐ 45/2012 (second half); no priority of Điều 6."""
    CLEANER_PRODUCTION_AND_POLLUTION = (
        "cleaner_production_and_pollution",
        "Áp dụng sản xuất sạch hơn; xử lý ô nhiễm môi trường",
        "Cleaner production; pollution treatment",
    )
    """Deprecated: all of Điểm g khoản 1 Điều 5; use ``cleaner_production`` or
    ``pollution_treatment`` (only the first is a priority)."""
    HIGH_TECH = ("high_tech", "Công nghiệp công nghệ cao", "High-tech industry")
    CLEAN_INDUSTRY = ("clean_industry", "Công nghiệp sạch", "Clean industry")
    ENERGY_SAVING = ("energy_saving", "Tiết kiệm năng lượng", "Energy saving")
    ENVIRONMENTAL_INDUSTRY = (
        "environmental_industry",
        "Công nghiệp môi trường",
        "Environmental industry",
    )
    GREEN_ENERGY = (
        "green_energy",
        "Năng lượng thân thiện môi trường",
        "Environmentally friendly energy",
    )
    OTHER = ("other", "Ngành nghề khác", "Other industry")

    @property
    def replaced_by(self) -> tuple[Industry, ...]:
        """For a deprecated code that joins two industries, the codes to use instead; else ()."""
        if self is Industry.AGRO_FOOD_PROCESSING:
            return (Industry.AGRO_FORESTRY_FISHERY_PROCESSING, Industry.FOOD_PROCESSING)
        if self is Industry.CLEANER_PRODUCTION_AND_POLLUTION:
            return (Industry.CLEANER_PRODUCTION, Industry.POLLUTION_TREATMENT)
        return ()


class AreaAttribute(LabelledEnum):
    """Declared attributes of an area that rules read (Điều 6 NĐ 45/2012/NĐ-CP, Điều 6 TT 46/2012)."""

    DIFFICULT = (
        "difficult",
        "Địa bàn có điều kiện KT-XH khó khăn",
        "Difficult socio-economic area",
    )
    ESPECIALLY_DIFFICULT = (
        "especially_difficult",
        "Địa bàn có điều kiện KT-XH đặc biệt khó khăn",
        "Especially difficult socio-economic area",
    )
    POOR_DISTRICT = ("poor_district", "Huyện nghèo", "Poor district")
    NEW_RURAL_COMMUNE = (
        "new_rural_commune",
        "Xã trong kế hoạch xây dựng nông thôn mới",
        "New-rural-area commune",
    )
    HIGHLAND = ("highland", "Huyện vùng cao", "Highland district")
    ISLAND = ("island", "Hải đảo", "Island")
    LAND_BORDER = ("land_border", "Biên giới đất liền", "Land border")
    ETHNIC_MINORITY_AREA = (
        "ethnic_minority_area",
        "Vùng đồng bào dân tộc thiểu số",
        "Ethnic-minority area",
    )
    CRAFT_VILLAGE = (
        "craft_village",
        "Làng nghề được UBND tỉnh công nhận",
        "Recognised craft village",
    )


class DistrictKind(LabelledEnum):
    """District-level units before 01/07/2025."""

    HUYEN = ("huyen", "Huyện", "Rural district")
    THI_XA = ("thi_xa", "Thị xã", "Town")
    QUAN = ("quan", "Quận", "Urban district")
    THANH_PHO_THUOC_TINH = ("thanh_pho_thuoc_tinh", "Thành phố thuộc tỉnh", "Provincial city")


class CommuneKind(LabelledEnum):
    """Commune-level units before 01/07/2025."""

    XA = ("xa", "Xã", "Commune")
    PHUONG = ("phuong", "Phường", "Ward")
    THI_TRAN = ("thi_tran", "Thị trấn", "Township")


class CityClass(LabelledEnum):
    """Urban class (loại đô thị) of the city a ward belongs to."""

    SPECIAL = ("special", "Đô thị loại đặc biệt", "Special class")
    CLASS_1 = ("1", "Đô thị loại 1", "Class 1")
    CLASS_2 = ("2", "Đô thị loại 2", "Class 2")
    CLASS_3 = ("3", "Đô thị loại 3", "Class 3")
    CLASS_4 = ("4", "Đô thị loại 4", "Class 4")
    CLASS_5 = ("5", "Đô thị loại 5", "Class 5")


class FundingSourceKind(LabelledEnum):
    """Khoản 1-2 Điều 11 NĐ 45/2012/NĐ-CP."""

    NATIONAL = ("national", "Kinh phí khuyến công quốc gia", "National khuyến công funds")
    LOCAL = ("local", "Kinh phí khuyến công địa phương", "Local khuyến công funds")


class FundingLevel(LabelledEnum):
    """Level of government whose budget funds a local proposal (Khoản 2 Điều 11 NĐ 45/2012)."""

    PROVINCE = ("province", "Cấp tỉnh", "Province")
    DISTRICT = ("district", "Cấp huyện", "District")
    COMMUNE = ("commune", "Cấp xã", "Commune")


class ProposalKind(LabelledEnum):
    """Kinds of proposal (TT 36/2013/TT-BCT: Khoản 3 Điều 2 for point proposals)."""

    REGULAR = ("regular", "Đề án thường", "Regular proposal")
    POINT = ("point", "Đề án điểm", "Point (flagship) proposal")
    GROUP = ("group", "Đề án nhóm", "Group proposal")


class ProcurementMethod(LabelledEnum):
    """How a proposal is awarded (Điều 3 TT 36/2013/TT-BCT; Khoản 2 Điều 4 TTLT 26/2014)."""

    BIDDING = ("bidding", "Đấu thầu", "Bidding")
    SELECTION = ("selection", "Xét chọn", "Selection")


class ProposalState(LabelledEnum):
    """Lifecycle states of a proposal (TT 36/2013/TT-BCT for national proposals)."""

    DRAFT = ("draft", "Dự thảo", "Draft")
    REGISTERED = ("registered", "Đã đăng ký với Sở Công Thương", "Registered with the Department")
    RETURNED = ("returned", "Trả lại để hoàn thiện", "Returned for completion")
    BASE_APPRAISED = ("base_appraised", "Đã thẩm định cấp cơ sở", "Appraised at base level")
    MINISTRY_APPRAISED = (
        "ministry_appraised",
        "Đã thẩm định cấp Cục",
        "Appraised by the Ministry's department",
    )
    APPROVED = ("approved", "Đã phê duyệt", "Approved")
    REJECTED = ("rejected", "Không được phê duyệt", "Rejected")
    CONTRACTED = ("contracted", "Đã ký hợp đồng", "Contracted")
    IN_PROGRESS = ("in_progress", "Đang thực hiện", "In progress")
    ADJUSTED = ("adjusted", "Đã điều chỉnh", "Adjusted")
    EXTENDED = ("extended", "Gia hạn sang năm sau", "Extended to the next year")
    STOPPED = ("stopped", "Ngừng triển khai", "Stopped")
    ACCEPTED = ("accepted", "Đã nghiệm thu cơ sở", "Accepted at base level")
    SETTLED = ("settled", "Đã thanh lý, quyết toán", "Settled")


class LifecycleEvent(LabelledEnum):
    """Events that move a proposal through its lifecycle (TT 36/2013/TT-BCT for national ones)."""

    REGISTER = ("register", "Đăng ký với Sở Công Thương", "Register with the Department")
    RETURN_FOR_COMPLETION = (
        "return_for_completion",
        "Trả lại để hoàn thiện",
        "Return for completion",
    )
    RESUBMIT = ("resubmit", "Nộp lại sau hoàn thiện", "Resubmit after completion")
    APPRAISE_BASE = ("appraise_base", "Thẩm định cấp cơ sở", "Base-level appraisal")
    APPRAISE_MINISTRY = ("appraise_ministry", "Thẩm định cấp Cục", "Ministry-level appraisal")
    APPROVE = ("approve", "Phê duyệt", "Approve")
    REJECT = ("reject", "Không phê duyệt", "Reject")
    FIX_BENEFICIARIES = (
        "fix_beneficiaries",
        "Xác định đơn vị thụ hưởng đề án nhóm",
        "Fix a group's beneficiaries",
    )
    CONTRACT = ("contract", "Ký hợp đồng", "Sign the contract")
    START = ("start", "Triển khai thực hiện", "Start work")
    ADJUST = ("adjust", "Điều chỉnh, bổ sung", "Adjust")
    EXTEND = ("extend", "Gia hạn sang năm sau", "Extend into the next year")
    STOP = ("stop", "Ngừng triển khai", "Stop")
    STOP_FOR_VIOLATION = ("stop_for_violation", "Ngừng triển khai do vi phạm", "Stop for violation")
    ADVANCE = ("advance", "Tạm ứng kinh phí", "Advance funds")
    ACCEPT_BASE = ("accept_base", "Nghiệm thu cơ sở", "Base-level acceptance")
    SETTLE = ("settle", "Thanh lý hợp đồng, quyết toán", "Liquidate and settle")


class Authority(LabelledEnum):
    """Bodies that decide or act on a proposal."""

    MINISTRY = ("ministry", "Bộ Công Thương", "Ministry of Industry and Trade")
    DEPARTMENT = (
        "department",
        "Cục Công nghiệp địa phương",
        "Agency for Regional Industry (the department)",
    )
    PROVINCIAL_DEPARTMENT = (
        "provincial_department",
        "Sở Công Thương",
        "Provincial Department of Industry and Trade",
    )
    PROVINCIAL_COMMITTEE = (
        "provincial_committee",
        "Ủy ban nhân dân cấp tỉnh",
        "Provincial People's Committee",
    )
    REGIONAL_CENTRE = (
        "regional_centre",
        "Trung tâm Khuyến công quốc gia ở vùng",
        "Regional khuyến công centre",
    )
    IMPLEMENTING_UNIT = ("implementing_unit", "Đơn vị thực hiện đề án", "Implementing unit")
