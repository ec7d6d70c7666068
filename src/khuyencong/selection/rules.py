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

from ._common import DOCUMENT
from .certificate import certificate_valid_until, check_certificate, check_recognition
from .complaints import complaint_deadline, complaint_in_time, complaint_resolution_deadline
from .council import check_council, check_jury, check_round, council_sizes
from .dossier import check_dossier
from .funding import check_selection_funding, selection_funding
from .levels import entry_requirement, level_in_force
from .products import check_product

__all__ = [
    "DOCUMENT",
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
    "level_in_force",
    "selection_funding",
]
