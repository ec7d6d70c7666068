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
    Caveat,
    DomainPeriod,
    NotEncoded,
    Param,
    ParamValue,
    Resolution,
    Resolved,
    Rulebook,
    SupportLevel,
)
from .diff import Change, diff
from .loader import (
    Problem,
    available,
    check_rulebook,
    load_rulebook,
    national,
    registry,
    template,
)
from .model import Basis, ParamType, Unit

__all__ = [
    "Basis",
    "Caveat",
    "Change",
    "DomainPeriod",
    "NotEncoded",
    "Param",
    "ParamType",
    "ParamValue",
    "Problem",
    "Resolution",
    "Resolved",
    "Rulebook",
    "SupportLevel",
    "Unit",
    "available",
    "check_rulebook",
    "diff",
    "load_rulebook",
    "national",
    "registry",
    "template",
]
