"""Rules of the selection of typical rural industrial products, Thông tư 26/2014/TT-BCT.

Pure functions of (inputs, rulebook, date).  Every figure and list is a ``typical_products.*``
parameter of the rulebook, resolved at the date asked, so before 21/10/2014 each rule answers
:class:`~khuyencong.rulebooks.NotEncoded` naming Thông tư 35/2010/TT-BCT.  From 01/07/2025 the
district level no longer exists (two-tier local government): rules about it answer a
:class:`~khuyencong.selection.results.Refusal` naming the reform instead of inventing a successor.

>>> from datetime import date
>>> from khuyencong.selection import SelectionLevel
>>> council_sizes(SelectionLevel.REGION, date(2016, 6, 1))
(9, 11)
>>> certificate_valid_until(date(2016, 5, 10))
datetime.date(2018, 12, 31)

The code is in one module per part of the Circular: ``levels``, ``products``, ``council``,
``dossier``, ``certificate``, ``complaints``, ``funding``; this module re-exports it.
"""

from __future__ import annotations

from . import certificate, complaints, council, dossier, funding, levels, products
from ._common import DOCUMENT
from .certificate import *  # noqa: F403
from .complaints import *  # noqa: F403
from .council import *  # noqa: F403
from .dossier import *  # noqa: F403
from .funding import *  # noqa: F403
from .levels import *  # noqa: F403
from .products import *  # noqa: F403

__all__ = ["DOCUMENT"]
__all__ += levels.__all__
__all__ += products.__all__
__all__ += council.__all__
__all__ += dossier.__all__
__all__ += certificate.__all__
__all__ += complaints.__all__
__all__ += funding.__all__
