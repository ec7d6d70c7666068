"""Stable codes of the domain, each with a Vietnamese and an English label.

Codes are snake_case English identifiers that never change once released; labels are for people.
Where a code stands for a clause of the law, its docstring names the clause.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self

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


class LabelledEnum(StrEnum):
    """A string enum whose members carry a Vietnamese (``vi``) and English (``en``) label."""

    vi: str
    en: str

    def __new__(cls, value: str, vi: str = "", en: str = "") -> Self:
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.vi = vi
        obj.en = en
        return obj

    def label(self, lang: str = "vi") -> str:
        """The label in ``lang`` ("vi" or "en")."""
        return self.vi if lang == "vi" else self.en


class ActivityContent(LabelledEnum):
    """The nine contents of khuyến công activity, Điều 4 Nghị định 45/2012/NĐ-CP (clauses 1-9).

    NĐ 235/2025/NĐ-CP amends Art 4; only its new concepts are known here (secondary), not a new
    list of contents, so no 2025 member is defined.  New members may be added; none is removed.
    """

    VOCATIONAL_TRAINING = (
        "vocational_training",
        "Đào tạo nghề, truyền nghề",
        "Vocational training and craft transfer",
    )
    CAPACITY_BUILDING = (
        "capacity_building",
        "Nâng cao năng lực quản lý, sản xuất sạch hơn, khởi sự doanh nghiệp, mở rộng thị trường",
        "Management capacity, cleaner production, enterprise founding, market expansion",
    )
    DEMONSTRATION_AND_TECHNOLOGY = (
        "demonstration_and_technology",
        "Mô hình trình diễn kỹ thuật, chuyển giao công nghệ, ứng dụng máy móc tiên tiến",
        "Technical demonstration models, technology transfer, advanced machinery",
    )
    TYPICAL_PRODUCTS_AND_PROMOTION = (
        "typical_products_and_promotion",
        "Sản phẩm CNNT tiêu biểu, hội chợ triển lãm, thương hiệu, xúc tiến thương mại",
        "Typical rural industrial products, fairs, brands, trade promotion",
    )
    CONSULTING = (
        "consulting",
        "Tư vấn, trợ giúp cơ sở CNNT",
        "Consulting for rural establishments",
    )
    INFORMATION = (
        "information",
        "Cung cấp thông tin, tuyên truyền",
        "Information and communication",
    )
    LINKAGE_AND_CLUSTERS = (
        "linkage_and_clusters",
        "Liên doanh liên kết, cụm công nghiệp, di dời cơ sở gây ô nhiễm",
        "Linkages, industrial clusters, relocation of polluting establishments",
    )
    INTERNATIONAL_COOPERATION = (
        "international_cooperation",
        "Hợp tác quốc tế về khuyến công",
        "International cooperation",
    )
    PROGRAMME_MANAGEMENT = (
        "programme_management",
        "Nâng cao năng lực quản lý và tổ chức thực hiện hoạt động khuyến công",
        "Capacity to manage and run the programme",
    )

    @property
    def clause(self) -> int:
        """The clause of Điều 4 NĐ 45/2012/NĐ-CP this content is."""
        return list(type(self)).index(self) + 1


class SupportItem(LabelledEnum):
    """Spending items with a support level: Khoản 2 Điều 6 TTLT 26/2014/TTLT-BTC-BCT, points a-s,
    and the general items of Khoản 1 whose level another instrument sets (points a-h).

    Point t of Khoản 2 is not an item but the priority ceiling (1.5 times) applied to the others.
    """

    # Khoản 2 — national levels
    ENTERPRISE_FOUNDING = (
        "enterprise_founding",
        "Hỗ trợ thành lập doanh nghiệp sản xuất CNNT",
        "Founding a rural industrial enterprise",
    )
    DEMONSTRATION_NEW_TECHNOLOGY = (
        "demonstration_new_technology",
        "Mô hình trình diễn kỹ thuật phổ biến công nghệ mới, sản xuất sản phẩm mới",
        "Demonstration model for a new technology or new product",
    )
    DEMONSTRATION_EXISTING = (
        "demonstration_existing",
        "Mô hình trình diễn tại cơ sở đang hoạt động có hiệu quả",
        "Demonstration model at an effective operating establishment",
    )
    MACHINERY_AND_TECHNOLOGY = (
        "machinery_and_technology",
        "Ứng dụng máy móc thiết bị, chuyển giao công nghệ tiên tiến",
        "Advanced machinery and technology transfer",
    )
    DOMESTIC_FAIR_ORGANISATION = (
        "domestic_fair_organisation",
        "Tổ chức hội chợ triển lãm trong nước",
        "Organising a domestic fair",
    )
    DOMESTIC_FAIR_PARTICIPATION = (
        "domestic_fair_participation",
        "Tham gia hội chợ triển lãm khác trong nước (thuê gian hàng)",
        "Booth rent at another domestic fair",
    )
    FOREIGN_FAIR = (
        "foreign_fair",
        "Tổ chức, tham gia hội chợ triển lãm tại nước ngoài",
        "Fair abroad",
    )
    """Point đ: organising or taking part in a fair abroad, one level for both.  The advance
    forms of TT 36/2013/TT-BCT tell the two apart (organising: Điểm c khoản 2 Điều 13; taking
    part abroad: not in Điều 13), so prefer the two codes below."""
    FOREIGN_FAIR_ORGANISATION = (
        "foreign_fair_organisation",
        "Tổ chức hội chợ triển lãm tại nước ngoài",
        "Organising a fair abroad",
    )
    """Point đ (organising); first advance under Điểm c khoản 2 Điều 13 TT 36/2013/TT-BCT."""
    FOREIGN_FAIR_PARTICIPATION = (
        "foreign_fair_participation",
        "Tham gia hội chợ triển lãm tại nước ngoài",
        "Taking part in a fair abroad",
    )
    """Point đ (taking part); no form of Điều 13 TT 36/2013/TT-BCT (Khoản 2 Điều 16)."""
    STUDY_TOUR_AIRFARE = (
        "study_tour_airfare",
        "Vé máy bay khảo sát, học tập kinh nghiệm tại nước ngoài",
        "Airfare for a study tour abroad",
    )
    SELECTION_ROUND_REGIONAL = (
        "selection_round_regional",
        "Tổ chức bình chọn sản phẩm CNNT tiêu biểu cấp khu vực",
        "Regional selection round of typical products",
    )
    SELECTION_ROUND_NATIONAL = (
        "selection_round_national",
        "Tổ chức bình chọn sản phẩm CNNT tiêu biểu cấp quốc gia",
        "National selection round of typical products",
    )
    AWARD_REGIONAL = (
        "award_regional",
        "Thưởng sản phẩm đạt giải cấp khu vực",
        "Award for a regional winner",
    )
    AWARD_NATIONAL = (
        "award_national",
        "Thưởng sản phẩm đạt giải cấp quốc gia",
        "Award for a national winner",
    )
    BRAND = ("brand", "Xây dựng, đăng ký thương hiệu", "Building and registering a brand")
    CONSULTING = ("consulting", "Thuê tư vấn, trợ giúp cơ sở CNNT", "Hiring consultants")
    MEDIA = (
        "media",
        "Chương trình truyền hình, truyền thanh, bản tin, ấn phẩm, tờ rơi",
        "Broadcasts, bulletins, publications, leaflets",
    )
    ASSOCIATION_REGIONAL = (
        "association_regional",
        "Thành lập hội, hiệp hội ngành nghề cấp vùng",
        "Founding a regional trade association",
    )
    ASSOCIATION_NATIONAL = (
        "association_national",
        "Thành lập hội, hiệp hội ngành nghề cấp quốc gia",
        "Founding a national trade association",
    )
    LINKAGE_CLUSTER = (
        "linkage_cluster",
        "Hình thành cụm liên kết doanh nghiệp công nghiệp",
        "Forming an industrial linkage cluster",
    )
    RELOCATION_INTEREST = (
        "relocation_interest",
        "Hỗ trợ lãi suất vốn vay di dời cơ sở gây ô nhiễm vào khu, cụm công nghiệp",
        "Interest subsidy for relocating a polluting establishment",
    )
    POLLUTION_TREATMENT_ESTABLISHMENT = (
        "pollution_treatment_establishment",
        "Sửa chữa, nâng cấp hệ thống xử lý ô nhiễm tại cơ sở CNNT",
        "Repairing or upgrading pollution treatment at a rural establishment",
    )
    """Point o: repairing or upgrading (not building) a system at a rural establishment."""
    POLLUTION_TREATMENT_CLUSTER = (
        "pollution_treatment_cluster",
        "Sửa chữa, nâng cấp hệ thống xử lý ô nhiễm tại cụm công nghiệp",
        "Repairing or upgrading pollution treatment at an industrial cluster",
    )
    """Point p: repairing or upgrading (not building) a system at an industrial cluster."""
    POLLUTION_SYSTEM_NEW_ESTABLISHMENT = (
        "pollution_system_new_establishment",
        "Xây dựng hệ thống xử lý ô nhiễm môi trường tại cơ sở CNNT",
        "Building a pollution treatment system at a rural establishment",
    )
    """Building a new system: a spending content (Điểm d khoản 7 Điều 5 TTLT 26/2014) with no
    level in its Điều 6; first advance under Điểm d khoản 2 Điều 13 TT 36/2013/TT-BCT."""
    POLLUTION_SYSTEM_NEW_CLUSTER = (
        "pollution_system_new_cluster",
        "Xây dựng hệ thống xử lý ô nhiễm môi trường tại cụm công nghiệp",
        "Building a pollution treatment system at an industrial cluster",
    )
    """Building a new system: Điểm d khoản 7 Điều 5 TTLT 26/2014 (no level in its Điều 6); bidding
    (Khoản 1 Điều 3) and first advance (Khoản 1 Điều 13) under TT 36/2013/TT-BCT."""
    CLUSTER_DETAILED_PLANNING = (
        "cluster_detailed_planning",
        "Lập quy hoạch chi tiết cụm công nghiệp",
        "Detailed planning of an industrial cluster",
    )
    CLUSTER_INFRASTRUCTURE = (
        "cluster_infrastructure",
        "Đầu tư xây dựng kết cấu hạ tầng cụm công nghiệp",
        "Industrial-cluster infrastructure",
    )
    MANAGEMENT_AGENCY = (
        "management_agency",
        "Chi quản lý của cơ quan quản lý kinh phí khuyến công",
        "Management share of the managing agency",
    )
    MANAGEMENT_IMPLEMENTING_UNIT = (
        "management_implementing_unit",
        "Chi quản lý của đơn vị thực hiện đề án",
        "Management share of the implementing unit",
    )
    # Khoản 1 — general items whose level another instrument sets
    CURRICULUM = (
        "curriculum",
        "Biên soạn chương trình, giáo trình, tài liệu",
        "Curricula and training material",
    )
    VOCATIONAL_TRAINING = (
        "vocational_training",
        "Tổ chức đào tạo nghề, truyền nghề",
        "Vocational training",
    )
    CONFERENCE = (
        "conference",
        "Hội nghị, hội thảo, tập huấn, diễn đàn",
        "Conferences, workshops, forums",
    )
    TRAVEL_ABROAD = (
        "travel_abroad",
        "Tham quan, khảo sát, hội chợ, hội thảo tại nước ngoài (công tác phí)",
        "Travel abroad (allowances)",
    )
    CONTEST = ("contest", "Tổ chức cuộc thi, cuộc vận động", "Contests and campaigns")
    STAFF_TRAINING = (
        "staff_training",
        "Đào tạo, bồi dưỡng cán bộ; khởi sự, quản trị doanh nghiệp",
        "Staff training; start-up and management courses",
    )
    IT_APPLICATION = ("it_application", "Ứng dụng công nghệ thông tin", "IT application")
    CLEANER_PRODUCTION_PILOT = (
        "cleaner_production_pilot",
        "Mô hình thí điểm áp dụng sản xuất sạch hơn",
        "Cleaner-production pilot model",
    )
    OTHER = ("other", "Khoản chi khác", "Other spending")


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
