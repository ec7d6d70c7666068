"""The one exception hierarchy of khuyencong.

Every error the library raises on purpose derives from :class:`KhuyenCongError`, so a caller can
catch the library's refusals without catching programming errors.  Validation of user input at the
boundary raises pydantic's ``ValidationError`` (itself a ``ValueError``), whose messages name the
field path; everything else raises one of the classes below.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .rulebooks.core import NotEncoded

__all__ = [
    "AmountParseError",
    "DatasetError",
    "DeclarationError",
    "KhuyenCongError",
    "NotEncodedError",
    "RulebookError",
    "TransitionError",
]


class KhuyenCongError(Exception):
    """Root of every error raised by khuyencong."""


class RulebookError(KhuyenCongError):
    """A rulebook file or registry entry is malformed; the message names the file and key."""


class NotEncodedError(KhuyenCongError):
    """A rule the law governs was asked for, but the governing instrument is not encoded.

    ``not_encoded`` carries the structured answer of the rulebook when there is one (the
    governing instrument, the reasons in Vietnamese and English).
    """

    def __init__(self, message: str, not_encoded: NotEncoded | None = None) -> None:
        super().__init__(message)
        self.not_encoded = not_encoded

    @property
    def instrument(self) -> str | None:
        """Number of the governing instrument, e.g. ``17/2018/TT-BCT``, when known."""
        return None if self.not_encoded is None else self.not_encoded.instrument


class TransitionError(KhuyenCongError):
    """A lifecycle step was refused; the message gives the reason and the clause."""


class AmountParseError(KhuyenCongError, ValueError):
    """A Vietnamese amount or date could not be read without guessing."""


class DatasetError(KhuyenCongError):
    """A dataset could not be read at all (as opposed to a problem in one of its rows)."""


class DeclarationError(KhuyenCongError, ValueError):
    """A declaration names something the rule does not know (an item of a checklist, a
    condition, a report): the message lists what it knows."""
