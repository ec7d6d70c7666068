"""Rulebooks: the regulations as versioned, cited data.

The built-in national rulebook is TOML data inside the package (``rulebooks/data``), validated
when loaded and compiled once into immutable lookups.  A province's local levels (Điểm a khoản 3
Điều 6 TTLT 26/2014/TTLT-BTC-BCT lets each province set them) load from a file of the same schema
with :func:`load_rulebook`.

>>> from datetime import date
>>> level = national().resolve("support.brand", date(2016, 6, 1))
>>> level.support.rate, level.support.cap, level.citation.vi
(Decimal('0.5'), Decimal('35000000'), 'Điểm h khoản 2 Điều 6 Thông tư liên tịch 26/2014/TTLT-BTC-BCT')
"""

from .core import (
    Amendment,
    Caveat,
    DomainPeriod,
    NotEncoded,
    Param,
    ParamValue,
    Resolution,
    Resolved,
    Rulebook,
    RuleEntry,
    SupportLevel,
)
from .diff import Change, diff
from .gaplist import Filled, Gap, GapReason, GapReport, gaps
from .loader import (
    Problem,
    available,
    check_rulebook,
    example_amendment,
    load_rulebook,
    load_rulebooks,
    national,
    registry,
    template,
)
from .model import Basis, ParamType, Unit

__all__ = [
    "Amendment",
    "Basis",
    "Caveat",
    "Change",
    "DomainPeriod",
    "Filled",
    "Gap",
    "GapReason",
    "GapReport",
    "NotEncoded",
    "Param",
    "ParamType",
    "ParamValue",
    "Problem",
    "Resolution",
    "Resolved",
    "RuleEntry",
    "Rulebook",
    "SupportLevel",
    "Unit",
    "available",
    "check_rulebook",
    "diff",
    "example_amendment",
    "gaps",
    "load_rulebook",
    "load_rulebooks",
    "national",
    "registry",
    "template",
]
