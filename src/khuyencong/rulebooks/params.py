"""The parameters of a rulebook: their dated values, what resolving one gives, and the frozen
tables they hold (moved from ``core.py``)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import NoReturn, TypeAlias, TypeVar

import attrs

from ..l10n.catalog import Text
from ..schemas.citation import Citation, LegalDocument, Provenance
from .model import Basis, ParamType, Unit

__all__ = [
    "Amendment",
    "Caveat",
    "DomainPeriod",
    "FrozenDict",
    "NotEncoded",
    "Param",
    "ParamValue",
    "Payload",
    "Resolution",
    "Resolved",
    "RuleEntry",
    "SupportLevel",
]


@attrs.frozen(slots=True)
class SupportLevel:
    """A support level: at most ``rate`` of the ``basis``, and at most ``cap`` đồng per ``per``.

    ``None`` means the law sets no such limit (the requested amount and the cost still bound it).
    """

    rate: Decimal | None
    cap: Decimal | None
    per: Unit | None
    basis: Basis


Payload: TypeAlias = (
    SupportLevel
    | Decimal
    | int
    | bool
    | str
    | tuple[int, int]
    | tuple[str, ...]
    | Mapping[str, tuple[str, ...]]
)


@attrs.frozen(slots=True)
class ParamValue:
    """One dated value of a parameter, valid from ``start`` until ``end`` (exclusive).

    ``source_vi``/``source_en`` name a secondary source, ``note_vi``/``note_en`` remark on the
    value: both languages or neither (the rulebook model refuses one)."""

    start: date
    end: date | None
    value: Payload
    citation: Citation
    provenance: Provenance
    source_vi: str
    source_en: str
    note_vi: str = ""
    note_en: str = ""

    def covers(self, on: date) -> bool:
        """Whether the value is in force on ``on``."""
        return self.start <= on and (self.end is None or on < self.end)

    @property
    def source(self) -> Text:
        """The source in both languages (a message parameter renders it in the message's)."""
        return Text(self.source_vi, self.source_en)

    @property
    def note(self) -> Text:
        """The note in both languages."""
        return Text(self.note_vi, self.note_en)


@attrs.frozen(slots=True)
class Param:
    """A parameter with its sorted values."""

    code: str
    type: ParamType
    label_vi: str
    label_en: str
    domain: str
    per: Unit | None
    unit: Unit | None
    values: tuple[ParamValue, ...]
    starts: tuple[date, ...] = attrs.field(eq=False, repr=False)


@attrs.frozen(slots=True)
class DomainPeriod:
    """The instrument that governed a domain from ``start`` until ``end``."""

    document: str
    start: date | None
    end: date | None
    uncertain: bool

    def covers(self, on: date) -> bool:
        """Whether ``on`` falls in the period."""
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


@attrs.frozen(slots=True)
class Caveat:
    """A warning attached to a resolved value: its instrument was amended in ways not (fully)
    encoded here."""

    document: str
    message_vi: str
    message_en: str


@attrs.frozen(slots=True)
class Resolved:
    """A parameter's value at a date, with where it comes from."""

    code: str
    value: Payload
    citation: Citation
    provenance: Provenance
    valid_from: date
    valid_until: date | None
    source_vi: str
    source_en: str
    rulebook: str
    caveats: tuple[Caveat, ...] = ()
    quiet: bool = attrs.field(init=False, eq=False, repr=False)
    """Official text with no amendment caveat: nothing for a result to warn about."""

    encoded = True

    @quiet.default
    def _quiet(self) -> bool:
        return self.provenance is Provenance.OFFICIAL_TEXT and not self.caveats

    @property
    def source(self) -> Text:
        """The secondary source (or who supplied the value) in both languages: a message
        parameter renders it in the message's language."""
        return Text(self.source_vi, self.source_en)

    @property
    def support(self) -> SupportLevel:
        """The value as a :class:`SupportLevel` (raises ``TypeError`` for other types)."""
        if not isinstance(self.value, SupportLevel):
            raise TypeError(f"parameter {self.code!r} is not a support level")
        return self.value

    @property
    def decimal(self) -> Decimal:
        """The value as a ``Decimal`` (ratios, factors, money)."""
        if not isinstance(self.value, Decimal):
            raise TypeError(f"parameter {self.code!r} is not a decimal value")
        return self.value

    @property
    def integer(self) -> int:
        """The value as an ``int`` (counts)."""
        if isinstance(self.value, bool) or not isinstance(self.value, int):
            raise TypeError(f"parameter {self.code!r} is not a count")
        return self.value

    @property
    def codes(self) -> tuple[str, ...]:
        """The value as a tuple of codes."""
        value = self.value
        # Compiled payloads are homogeneous (the loader checks every element), so the first
        # element tells codes from a (month, day) pair.
        if type(value) is not tuple or (value and type(value[0]) is not str):
            raise TypeError(f"parameter {self.code!r} is not a list of codes")
        return value

    @property
    def flag(self) -> bool:
        """The value as a ``bool``."""
        if not isinstance(self.value, bool):
            raise TypeError(f"parameter {self.code!r} is not a flag")
        return self.value

    @property
    def table(self) -> Mapping[str, tuple[str, ...]]:
        """The value as a table of code → codes."""
        value = self.value
        if type(value) is not FrozenDict and not isinstance(value, Mapping):
            raise TypeError(f"parameter {self.code!r} is not a table")
        return value

    @property
    def month_day(self) -> tuple[int, int]:
        """The value as (month, day)."""
        value = self.value
        if not (isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], int)):
            raise TypeError(f"parameter {self.code!r} is not a day of the year")
        return (int(value[0]), int(value[1]))


@attrs.frozen(slots=True)
class NotEncoded:
    """The law governs this parameter at this date, but the library does not encode the rule.

    ``document`` is the instrument that governs the date, when known.  A ``NotEncoded`` is falsy,
    so ``if rb.resolve(...)`` reads naturally.
    """

    code: str
    as_of: date
    document: LegalDocument | None
    reason_vi: str
    reason_en: str
    rulebook: str

    encoded = False

    def __bool__(self) -> bool:
        return False

    @property
    def instrument(self) -> str | None:
        """The number of the governing instrument, if known."""
        return None if self.document is None else self.document.number


Resolution: TypeAlias = Resolved | NotEncoded


@attrs.frozen(slots=True)
class RuleEntry:
    """A rule held in Python (a procedure's steps, an advance checklist), registered in the
    rulebook data: it applies on a date exactly when its ``gate`` parameter resolves there."""

    code: str
    label_vi: str
    label_en: str
    gate: str
    implemented_by: tuple[str, ...]
    citation: Citation
    affects: tuple[str, ...]


@attrs.frozen(slots=True)
class Amendment:
    """A national amendment rulebook merged into a national rulebook: who supplied which
    instrument's values, from which file."""

    id: str
    title_vi: str
    title_en: str
    instrument: str
    supplied_by: str
    illustrative: bool
    file: str
    codes: tuple[str, ...]
    """The parameters it gives values for."""


_K = TypeVar("_K")
_V = TypeVar("_V")


class FrozenDict(dict[_K, _V]):
    """A dict that refuses changes: the tables of a compiled rulebook are shared by every caller.

    Unlike ``types.MappingProxyType`` it can be pickled, so a rulebook can travel to other
    processes (the workers of Dask, Spark or Ray).
    """

    __slots__ = ()

    def _refuse(self, *args: object, **kwargs: object) -> NoReturn:
        raise TypeError(f"{type(self).__name__} is read-only")

    __setitem__ = __delitem__ = __ior__ = _refuse
    clear = pop = popitem = setdefault = update = _refuse

    def __reduce__(self) -> tuple[type[FrozenDict[_K, _V]], tuple[dict[_K, _V]]]:
        return type(self), (dict(self),)

    def __copy__(self) -> FrozenDict[_K, _V]:
        return self

    def __deepcopy__(self, memo: dict[int, object]) -> FrozenDict[_K, _V]:
        return self


def freeze_table(table: Mapping[str, tuple[str, ...]]) -> Mapping[str, tuple[str, ...]]:
    """A read-only copy of a code table."""
    return FrozenDict(table)
