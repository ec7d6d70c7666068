"""Codes of the selection of typical rural industrial products, Thông tư 26/2014/TT-BCT.

Each enum names the clause whose list it carries; the lists themselves are parameters of the
national rulebook (``typical_products.*``), resolved at a date, so these enums only give stable
codes and labels.
"""

from __future__ import annotations

from ..schemas.codes import LabelledEnum

__all__ = [
    "CouncilBody",
    "CouncilRole",
    "Criterion",
    "EntryCondition",
    "PhotoAngle",
    "ProductGroup",
    "ProductSetKind",
    "Region",
    "SelectionAuthority",
    "SelectionLevel",
]


class SelectionLevel(LabelledEnum):
    """The four levels of selection: Khoản 2 Điều 6, defined in points a-d khoản 1 Điều 3
    Thông tư 26/2014/TT-BCT, lowest first."""

    DISTRICT = ("district", "Cấp huyện", "District level")
    PROVINCE = ("province", "Cấp tỉnh", "Provincial level")
    REGION = ("region", "Cấp khu vực", "Regional level")
    NATIONAL = ("national", "Cấp quốc gia", "National level")

    @property
    def rank(self) -> int:
        """0 for district ... 3 for national."""
        return list(type(self)).index(self)

    @property
    def below(self) -> SelectionLevel | None:
        """The level whose certificate a product needs to register at this one (Điều 12)."""
        return None if self.rank == 0 else list(type(self))[self.rank - 1]

    @property
    def above(self) -> SelectionLevel | None:
        """The next higher level (khoản 2 Điều 10)."""
        members = list(type(self))
        return None if self.rank == len(members) - 1 else members[self.rank + 1]


class Region(LabelledEnum):
    """The three regions of regional selection: điểm c khoản 1 Điều 3 Thông tư 26/2014/TT-BCT."""

    NORTHERN = ("northern", "Khu vực phía Bắc", "Northern region")
    CENTRAL_HIGHLANDS = (
        "central_highlands",
        "Khu vực miền Trung và Tây Nguyên",
        "Central and Central Highlands region",
    )
    SOUTHERN = ("southern", "Khu vực phía Nam", "Southern region")


class ProductGroup(LabelledEnum):
    """Product groups: Điều 5 Thông tư 26/2014/TT-BCT, clauses 1-4."""

    HANDICRAFT = ("handicraft", "Nhóm sản phẩm thủ công mỹ nghệ", "Handicraft products")
    PROCESSED_AGRO_FORESTRY_FISHERY_FOOD = (
        "processed_agro_forestry_fishery_food",
        "Nhóm sản phẩm chế biến nông, lâm, thủy sản và thực phẩm",
        "Processed agricultural, forestry and fishery products and food",
    )
    MACHINERY_TOOLS_PARTS = (
        "machinery_tools_parts",
        "Nhóm sản phẩm về thiết bị, máy móc, dụng cụ và phụ tùng cơ khí",
        "Equipment, machinery, tools and mechanical parts",
    )
    OTHER = ("other", "Nhóm các sản phẩm khác", "Other products")


class ProductSetKind(LabelledEnum):
    """What makes several products one product set (bộ sản phẩm): khoản 2 Điều 3
    Thông tư 26/2014/TT-BCT, points a-c."""

    SAME_DESIGN_DIFFERENT_MATERIALS = (
        "same_design_different_materials",
        "Cùng mẫu mã và công dụng, sản xuất từ nhiều loại nguyên liệu, vật liệu khác nhau",
        "Same design and use, made from different materials",
    )
    DIFFERENT_DESIGNS_SAME_USE_ONE_MATERIAL = (
        "different_designs_same_use_one_material",
        "Mẫu mã khác nhau, công dụng giống nhau, sản xuất từ một loại nguyên liệu, vật liệu",
        "Different designs, same use, made from one material",
    )
    COMBINABLE = (
        "combinable",
        "Sản phẩm khác nhau nhưng có thể ghép lại với nhau để tăng tiện ích sử dụng",
        "Different products that combine to be more useful",
    )

    @property
    def point(self) -> str:
        """The point of khoản 2 Điều 3 that defines this kind."""
        return "abc"[list(type(self)).index(self)]


class Criterion(LabelledEnum):
    """The four basic criteria: khoản 1 Điều 7 Thông tư 26/2014/TT-BCT, points a-d.

    Their detail and the score sheet are Phụ lục 3 and 4 of the Circular, which are not in the
    text available here: the library does not score, it takes the jury's scores.
    """

    MARKET_AND_GROWTH = (
        "market_and_growth",
        "Tiêu chí về đáp ứng thị trường và khả năng phát triển sản xuất",
        "Meeting the market and capacity to grow production",
    )
    ECONOMIC_TECHNICAL_SOCIAL_ENVIRONMENTAL = (
        "economic_technical_social_environmental",
        "Tiêu chí về kinh tế - kỹ thuật - xã hội và môi trường",
        "Economic, technical, social and environmental",
    )
    CULTURAL_AESTHETIC = (
        "cultural_aesthetic",
        "Tiêu chí về tính văn hóa và thẩm mỹ",
        "Cultural and aesthetic",
    )
    OTHER = ("other", "Tiêu chí khác", "Other criteria")


class EntryCondition(LabelledEnum):
    """Conditions on a product taking part: Điều 4 Thông tư 26/2014/TT-BCT (clauses 2-4)."""

    OWN_PRODUCTION = (
        "own_production",
        "Do chính cơ sở công nghiệp nông thôn sản xuất và đăng ký tham gia bình chọn",
        "Made by the registering rural industrial establishment itself",
    )
    INDUSTRIAL_OR_HANDICRAFT = (
        "industrial_or_handicraft",
        "Là sản phẩm công nghiệp, tiểu thủ công nghiệp",
        "An industrial or handicraft product",
    )
    NOT_A_COPY = ("not_a_copy", "Không phải là sản phẩm sao chép", "Not a copy")
    NO_IP_INFRINGEMENT = (
        "no_ip_infringement",
        "Không vi phạm quy định về quyền sở hữu trí tuệ, quyền sở hữu công nghiệp",
        "Infringes no intellectual or industrial property right",
    )
    MEETS_STANDARDS = (
        "meets_standards",
        "Không vi phạm tiêu chuẩn, quy chuẩn về chất lượng, vệ sinh an toàn lao động, an toàn thực phẩm và bảo vệ môi trường",
        "Meets the standards on quality, occupational safety, food safety and the environment",
    )
    MASS_PRODUCIBLE = (
        "mass_producible",
        "Có khả năng sản xuất hàng loạt, với số lượng lớn",
        "Can be produced in series, in large quantities",
    )
    NOT_ONE_OF_A_KIND = (
        "not_one_of_a_kind",
        "Không phải là sản phẩm độc bản",
        "Not a one-of-a-kind piece",
    )
    MEETS_MARKET_DEMAND = (
        "meets_market_demand",
        "Đáp ứng được nhu cầu thị trường",
        "Meets market demand",
    )

    @property
    def clause(self) -> int:
        """The clause of Điều 4 that states the condition."""
        return _ENTRY_CLAUSE[self.value]


_ENTRY_CLAUSE = {
    "own_production": 2,
    "industrial_or_handicraft": 2,
    "not_a_copy": 3,
    "no_ip_infringement": 3,
    "meets_standards": 3,
    "mass_producible": 4,
    "not_one_of_a_kind": 4,
    "meets_market_demand": 4,
}


class CouncilRole(LabelledEnum):
    """Roles in a selection council: points a-c of each clause of Điều 9 Thông tư 26/2014/TT-BCT."""

    CHAIR = ("chair", "Chủ tịch Hội đồng", "Chair")
    STANDING_VICE_CHAIR = (
        "standing_vice_chair",
        "Phó Chủ tịch thường trực Hội đồng",
        "Standing vice-chair",
    )
    VICE_CHAIR = ("vice_chair", "Phó Chủ tịch Hội đồng", "Vice-chair")
    MEMBER = ("member", "Thành viên", "Member")


class CouncilBody(LabelledEnum):
    """Whose leadership a council member represents (Điều 9 Thông tư 26/2014/TT-BCT)."""

    DISTRICT_PEOPLES_COMMITTEE = (
        "district_peoples_committee",
        "Ủy ban nhân dân cấp huyện",
        "District People's Committee",
    )
    DISTRICT_ECONOMIC_OFFICE = (
        "district_economic_office",
        "Phòng Kinh tế và Hạ tầng (huyện) hoặc Phòng Kinh tế (quận, thị xã, thành phố thuộc tỉnh)",
        "District economic (and infrastructure) office",
    )
    PROVINCIAL_PEOPLES_COMMITTEE = (
        "provincial_peoples_committee",
        "Ủy ban nhân dân cấp tỉnh",
        "Provincial People's Committee",
    )
    PROVINCIAL_DEPARTMENT = (
        "provincial_department",
        "Sở Công Thương",
        "Provincial Department of Industry and Trade",
    )
    HOST_PROVINCIAL_PEOPLES_COMMITTEE = (
        "host_provincial_peoples_committee",
        "Ủy ban nhân dân tỉnh, thành phố nơi tổ chức bình chọn",
        "People's Committee of the host province",
    )
    HOST_PROVINCIAL_DEPARTMENT = (
        "host_provincial_department",
        "Sở Công Thương nơi tổ chức bình chọn",
        "Department of Industry and Trade of the host province",
    )
    DEPARTMENT = (
        "department",
        "Cục Công nghiệp địa phương",
        "Agency for Regional Industry (Cục Công nghiệp địa phương)",
    )
    MINISTRY = ("ministry", "Bộ Công Thương", "Ministry of Industry and Trade")
    OTHER = (
        "other",
        "Đơn vị, tổ chức liên quan; nhà khoa học, chuyên gia",
        "Other body, scientist or expert",
    )


class SelectionAuthority(LabelledEnum):
    """Who establishes a council (khoản 1 Điều 8) and approves results and certificates
    (khoản 2 Điều 17) at each level, Thông tư 26/2014/TT-BCT."""

    DISTRICT_PC_CHAIR = (
        "district_pc_chair",
        "Chủ tịch Ủy ban nhân dân cấp huyện",
        "Chair of the district People's Committee",
    )
    PROVINCIAL_PC_CHAIR = (
        "provincial_pc_chair",
        "Chủ tịch Ủy ban nhân dân cấp tỉnh",
        "Chair of the provincial People's Committee",
    )
    DEPARTMENT_DIRECTOR = (
        "department_director",
        "Cục trưởng Cục Công nghiệp địa phương",
        "Director of the Agency for Regional Industry",
    )
    MINISTER = ("minister", "Bộ trưởng Bộ Công Thương", "Minister of Industry and Trade")


class PhotoAngle(LabelledEnum):
    """The three angles of the product photographs: điểm b khoản 1 Điều 12 TT 26/2014/TT-BCT."""

    FRONT = ("front", "Chính diện", "Front")
    SIDE = ("side", "Mặt bên", "Side")
    TOP = ("top", "Từ trên xuống", "From above")
