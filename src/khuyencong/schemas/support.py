"""Codes of what the programme supports: the contents of khuyến công activity and the support
items, each with a Vietnamese and an English label (moved from ``codes.py``)."""

from __future__ import annotations

from .labelled import LabelledEnum

__all__ = ["ActivityContent", "SupportItem"]


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
