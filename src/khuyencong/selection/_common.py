"""What the selection rules of Thông tư 26/2014/TT-BCT share: the citation of the Circular, reading a parameter
or saying it is not encoded, and the district level after the 2025 reform."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import wraps
from typing import ParamSpec, TypeVar, cast

from ..errors import NotEncodedError
from ..rulebooks import NotEncoded, Resolved, Rulebook
from ..schemas.citation import Citation, Provenance
from .codes import (
    SelectionLevel,
)
from .geography import REFORM_DATE, REFORM_SOURCE
from .results import (
    Refusal,
)

DOCUMENT = "26/2014/TT-BCT"
"""Thông tư 26/2014/TT-BCT, the Circular these rules encode."""

_P = ParamSpec("_P")
_R = TypeVar("_R")


def _cite(article: int, clause: int | None = None, point: str | None = None) -> Citation:
    return Citation(document=DOCUMENT, article=article, clause=clause, point=point)


class _Unencoded(NotEncodedError):
    """Internal: carries a NotEncoded out of a rule to its public entry point, which returns it
    (only these, not a NotEncodedError from elsewhere)."""

    def __init__(self, result: NotEncoded) -> None:
        super().__init__(result.reason_en, result)


def _get(rb: Rulebook, code: str, as_of: date) -> Resolved:
    found = rb.resolve(code, as_of)
    if isinstance(found, NotEncoded):
        raise _Unencoded(found)
    return found


def _returns_not_encoded(func: Callable[_P, _R]) -> Callable[_P, _R | NotEncoded]:
    @wraps(func)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R | NotEncoded:
        try:
            return func(*args, **kwargs)
        except _Unencoded as exc:
            return cast(NotEncoded, exc.not_encoded)  # always set by _Unencoded

    return wrapper


def _district_refusal(level: SelectionLevel, as_of: date) -> Refusal | None:
    """From 01/07/2025 there is no district level: điểm a khoản 1 Điều 3 no longer has an object."""
    if level is not SelectionLevel.DISTRICT or as_of < REFORM_DATE:
        return None
    return Refusal(
        code="district_level_abolished",
        as_of=as_of,
        reason_vi=(
            "Từ 01/07/2025 chính quyền địa phương tổ chức theo hai cấp, không còn cấp huyện: "
            "cấp bình chọn cấp huyện (điểm a khoản 1 Điều 3, khoản 2 Điều 6 Thông tư "
            "26/2014/TT-BCT) không còn đối tượng áp dụng. Thư viện không biết văn bản nào quy "
            "định cấp thay thế và không tự suy ra."
        ),
        reason_en=(
            "From 2025-07-01 local government has two tiers and no district level: the district "
            "level of selection (Art 3.1.a, Art 6.2 of Circular 26/2014/TT-BCT) has nothing left to "
            "apply to. The library knows no instrument that sets a replacement and does not "
            "invent one."
        ),
        provenance=Provenance.SECONDARY,
        source=REFORM_SOURCE,
        citation=_cite(3, 1, "a"),
    )


def _level_gate(rb: Rulebook, level: SelectionLevel, as_of: date) -> Resolved | Refusal:
    levels = _get(rb, "typical_products.levels", as_of)
    refusal = _district_refusal(level, as_of)
    return refusal if refusal is not None else levels
