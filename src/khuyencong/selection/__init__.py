"""Selection of typical rural industrial products (bình chọn sản phẩm công nghiệp nông thôn tiêu
biểu), Thông tư 26/2014/TT-BCT, in force from 21/10/2014.

- :mod:`.codes` — levels, regions, product groups, criteria, council roles (stable codes, vi/en).
- :mod:`.models` — pydantic boundary models: product, producer, dossier, round, council,
  certificate.
- :mod:`.rules` — pure rules with citations: levels and entry, products (Điều 3-5), councils and
  jury (Điều 8-11), dossiers (Điều 12), recognition and certificates (Điều 17), complaints
  (Điều 20), funding (Điều 19, 21 and TTLT 26/2014 Art 6.2.g).
- :mod:`.regions` — the three regions (Điều 3.1.c) for the provinces before and after 2025.
- :mod:`.geography` — the 63 → 34 province mapping (secondary) and the 2025 reform date.
"""

from .codes import (
    CouncilBody,
    CouncilRole,
    Criterion,
    EntryCondition,
    PhotoAngle,
    ProductGroup,
    ProductSetKind,
    Region,
    SelectionAuthority,
    SelectionLevel,
)
from .geography import (
    REFORM_DATE,
    LegacyProvince,
    UnknownProvinceError,
    legacy_province,
    legacy_provinces,
    predecessors_2025,
)
from .models import (
    Certificate,
    Council,
    CouncilMember,
    Photo,
    Producer,
    Product,
    RegistrationDossier,
    SelectionRound,
)
from .regions import region_of, region_of_2025, region_of_legacy
from .results import (
    AmbiguousRegion,
    Check,
    Deadline,
    EntryRequirement,
    LocalFunding,
    NationalFunding,
    Refusal,
    RegionOf,
    Verdict,
)
from .rules import (
    certificate_valid_until,
    check_certificate,
    check_council,
    check_dossier,
    check_jury,
    check_product,
    check_recognition,
    check_round,
    check_selection_funding,
    complaint_deadline,
    complaint_in_time,
    complaint_resolution_deadline,
    council_sizes,
    entry_requirement,
    level_in_force,
    selection_funding,
)

__all__ = [
    "REFORM_DATE",
    "AmbiguousRegion",
    "Certificate",
    "Check",
    "Council",
    "CouncilBody",
    "CouncilMember",
    "CouncilRole",
    "Criterion",
    "Deadline",
    "EntryCondition",
    "EntryRequirement",
    "LegacyProvince",
    "LocalFunding",
    "NationalFunding",
    "Photo",
    "PhotoAngle",
    "Producer",
    "Product",
    "ProductGroup",
    "ProductSetKind",
    "Refusal",
    "Region",
    "RegionOf",
    "RegistrationDossier",
    "SelectionAuthority",
    "SelectionLevel",
    "SelectionRound",
    "UnknownProvinceError",
    "Verdict",
    "certificate_valid_until",
    "check_certificate",
    "check_council",
    "check_dossier",
    "check_jury",
    "check_product",
    "check_recognition",
    "check_round",
    "check_selection_funding",
    "complaint_deadline",
    "complaint_in_time",
    "complaint_resolution_deadline",
    "council_sizes",
    "entry_requirement",
    "legacy_province",
    "legacy_provinces",
    "level_in_force",
    "predecessors_2025",
    "region_of",
    "region_of_2025",
    "region_of_legacy",
    "selection_funding",
]
