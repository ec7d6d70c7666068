"""Parameter codes read by a runtime key: one registry each, built once, checked by a test.

The rules read most parameters by a literal code (``"centre.max_deputy_directors"``), which
``tests/rulebooks/test_param_codes.py`` finds in the source and looks up in the rulebook.  A
budget line's level is read by its item: the code is taken from :data:`SUPPORT_LEVEL` or
:data:`REFERRAL` (a dictionary look-up, never a string glued at a user's assessment), and the
same test enumerates both registries against the built-in rulebook, so a missing or misspelt
code fails in the suite and not as a "no support level" finding.

This module is the one place that builds a code from a prefix and a value.

>>> SUPPORT_LEVEL[SupportItem.BRAND], SUPPORT_ITEM["support.brand"]
('support.brand', <SupportItem.BRAND: 'brand'>)
>>> is_support_code("support.brnad"), "support.brnad" in SUPPORT_ITEM
(True, False)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from ..schemas.codes import SupportItem

__all__ = ["REFERRAL", "REFERRAL_ITEM", "SUPPORT_ITEM", "SUPPORT_LEVEL", "is_support_code"]

_SUPPORT = "support."
_REFERRAL = "referral."

SUPPORT_LEVEL: Final[Mapping[SupportItem, str]] = {
    item: _SUPPORT + item.value for item in SupportItem
}
"""The parameter holding each item's support level (khoản 2 Điều 6 TTLT 26/2014/TTLT-BTC-BCT
and the instruments after it): ``support.<item>``.  A rulebook that gives no such parameter for an item has no
level for it (the ``level_not_encoded`` finding names the rulebook)."""

SUPPORT_ITEM: Final[Mapping[str, SupportItem]] = {
    code: item for item, code in SUPPORT_LEVEL.items()
}
"""The item of each support-level parameter (the rulebook compiler checks a ``support.*`` code
against it)."""

REFERRAL: Final[Mapping[SupportItem, str]] = {item: _REFERRAL + item.value for item in SupportItem}
"""The parameter naming the instruments that set an item's level instead (khoản 1 Điều 6 TTLT
26/2014/TTLT-BTC-BCT: curricula, vocational training, conferences...): ``referral.<item>``; the
items a rulebook refers are those whose code it holds."""

REFERRAL_ITEM: Final[Mapping[str, SupportItem]] = {code: item for item, code in REFERRAL.items()}
"""The item of each referral parameter."""


def is_support_code(code: str) -> bool:
    """Whether ``code`` is named like a support level (``support.…``): the rulebook compiler
    requires such a parameter to name a known item (:data:`SUPPORT_ITEM`) and to be of type
    ``support``."""
    return code.startswith(_SUPPORT)
