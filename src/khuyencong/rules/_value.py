"""Immutable result values that are cheap to build.

A frozen attrs class costs about 1 µs to construct (one ``object.__setattr__`` call per field);
the engine builds several results per proposal.  A :class:`Value` keeps its fields in private
slots behind read-only properties: construction is plain slot assignment (about 0.25 µs), and
callers cannot assign (``AttributeError``).  Equality, hashing, ``repr``, pickling,
:meth:`Value.to_dict` and :meth:`Value.evolve` work from the class's ``_fields``.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any, ClassVar, Self

__all__ = ["Value"]


class Value:
    """Base of the engine's immutable results; subclasses name their fields in ``_fields``
    (the order of their ``__init__`` parameters) and store each in the slot ``_<name>``."""

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()
    _read_fields: ClassVar[Callable[[Any], tuple[Any, ...]]]
    """Every field's slot, in the order of ``_fields``, as one tuple."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        slots = tuple("_" + name for name in cls._fields)
        if len(slots) > 1:
            # One C-level read of every slot (attrgetter of several names gives a tuple).
            cls._read_fields = staticmethod(attrgetter(*slots))
        else:
            cls._read_fields = staticmethod(lambda value: tuple(getattr(value, s) for s in slots))

    def _values(self) -> tuple[Any, ...]:
        return type(self)._read_fields(self)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self) or not isinstance(other, Value):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._values()))

    def __repr__(self) -> str:
        inner = ", ".join(
            f"{name}={value!r}" for name, value in zip(self._fields, self._values(), strict=True)
        )
        return f"{type(self).__name__}({inner})"

    def __reduce__(self) -> tuple[type[Self], tuple[Any, ...]]:
        return type(self), self._values()

    def to_dict(self) -> dict[str, Any]:
        """The fields by name (values as they are, not converted)."""
        return dict(zip(self._fields, self._values(), strict=True))

    def evolve(self, **changes: Any) -> Self:
        """A copy with some fields changed (as ``attrs.evolve``)."""
        unknown = set(changes) - set(self._fields)
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field(s) {sorted(unknown)}")
        return type(self)(**{**self.to_dict(), **changes})
