"""Checks of the arguments of public functions: one place, one wording.

``as_of`` and other dates are :class:`datetime.date` objects.  A ``datetime`` is refused rather
than cut to its date: the rules are read by calendar day, and which day a time of day belongs to
(its time zone) is the caller's to decide — pass ``value.date()``.  A string is refused too, with
the hint to parse it (:func:`khuyencong.l10n.parse_date` reads ``01/06/2016`` and ISO dates).

``rulebooks`` are :class:`~khuyencong.rulebooks.Rulebook` objects or paths of rulebook files
(``str`` or :class:`pathlib.Path`, loaded with :func:`khuyencong.load_rulebook`), alone or in a
list.  Anything else is an :class:`~khuyencong.errors.ArgumentError` naming the argument.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ArgumentError

if TYPE_CHECKING:
    from .rulebooks.core import Rulebook

__all__ = [
    "check_date",
    "check_integer",
    "check_optional_date",
    "check_rulebook",
    "check_rulebooks",
]


def check_integer(value: Any, name: str) -> int:
    """``value`` as an ``int`` if it is a whole number Python can index with — an ``int``, or a
    NumPy or pandas integer (``__index__``), not a ``bool`` —, else :class:`ArgumentError`.

    The functions of the compiled engine (see ``engine_build``) would otherwise refuse what is
    not an ``int`` itself, and the pure-Python ones take a float without a word."""
    if type(value) is int:
        return value
    if not isinstance(value, bool):
        try:
            return operator.index(value)
        except TypeError:
            pass
    raise ArgumentError(
        f"{name} must be a whole number (int), not {type(value).__name__} ({value!r}) "
        f"({name} phải là một số nguyên)"
    )


def check_date(value: Any, name: str = "as_of") -> date:
    """``value`` if it is a ``datetime.date`` (not a ``datetime``), else :class:`ArgumentError`."""
    if type(value) is date:
        return value
    if isinstance(value, datetime):
        raise ArgumentError(
            f"{name} must be a datetime.date, not a datetime ({value!r}); pass {name}.date() "
            f"({name} phải là một ngày datetime.date, không phải datetime)"
        )
    if isinstance(value, date):  # a subclass of date other than datetime
        return date(value.year, value.month, value.day)
    hint = (
        "; parse it first, e.g. khuyencong.l10n.parse_date(...) or date.fromisoformat(...)"
        if isinstance(value, str)
        else ""
    )
    raise ArgumentError(
        f"{name} must be a datetime.date, not {type(value).__name__} ({value!r}){hint} "
        f"({name} phải là một ngày datetime.date)"
    )


def check_optional_date(value: Any, name: str = "as_of") -> date | None:
    """Like :func:`check_date`, with ``None`` allowed (meaning "the default date")."""
    return None if value is None else check_date(value, name)


def _one(value: Any, name: str) -> Rulebook:
    from .rulebooks.core import Rulebook

    if isinstance(value, Rulebook):
        return value
    if isinstance(value, str | Path):
        from .rulebooks import load_rulebook

        return load_rulebook(value)
    raise ArgumentError(
        f"{name} must hold rulebooks (khuyencong.load_rulebook(path)) or paths of rulebook "
        f"files, not {type(value).__name__} ({value!r:.80})"
    )


def check_rulebook(value: Any, name: str = "rulebook") -> Rulebook | None:
    """One rulebook, a path of a rulebook file (loaded), or ``None``."""
    return None if value is None else _one(value, name)


def check_rulebooks(value: Any, name: str = "rulebooks") -> list[Rulebook] | None:
    """A rulebook, a path, or an iterable of them, as a list of loaded rulebooks; ``None``
    stays ``None`` (the built-in national rulebook)."""
    if value is None:
        return None
    from .rulebooks.core import Rulebook

    if isinstance(value, Rulebook | str | Path | Mapping) or not isinstance(value, Iterable):
        return [_one(value, name)]
    return [_one(item, name) for item in value]
