"""The one exception hierarchy of khuyencong.

Every error the library raises on purpose derives from :class:`KhuyenCongError`, so a caller can
catch the library's refusals without catching programming errors.  Validation of user input at the
boundary raises pydantic's ``ValidationError`` (itself a ``ValueError``), whose messages name the
field path; everything else raises one of the classes below.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from .rulebooks.core import NotEncoded

__all__ = [
    "AmountParseError",
    "ArgumentError",
    "DatasetError",
    "DeclarationError",
    "InvalidValueError",
    "KhuyenCongError",
    "NotEncodedError",
    "NothingToCheckError",
    "ReportFileError",
    "RulebookError",
    "SourceError",
    "TransitionError",
]


class KhuyenCongError(Exception):
    """Root of every error raised by khuyencong."""


class RulebookError(KhuyenCongError):
    """A rulebook file or registry entry is malformed; the message names the file and key.

    ``problems`` holds the problems of a file that could not be loaded
    (:class:`~khuyencong.rulebooks.compiler.Problem`, each with ``text(lang)``), when known; the
    message is in English."""

    def __init__(self, message: str, problems: tuple[Any, ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems

    def message(self, lang: str = "vi") -> str:
        """The problems in ``lang``, one a line (the message itself when there are none)."""
        if not self.problems:
            return str(self)
        from .l10n.catalog import render

        head = render("cli.rulebook_problems", {"n": len(self.problems)}, lang)
        return head + "".join(f"\n  {p.text(lang)}" for p in self.problems)


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


class InvalidValueError(KhuyenCongError, ValueError):
    """A value the library's own checks refuse, with the reason as a ``code`` and named
    ``params`` of the message catalogue (``error.<code>``): :meth:`message` gives it in
    Vietnamese or English, ``str()`` in English.  Raised inside a pydantic validator, it becomes
    one error of a ``ValidationError``, which :func:`khuyencong.l10n.render_errors` renders in
    either language.  (A plain message without a code is shown as it is, in both.)"""

    def __init__(
        self, message: str | None = None, /, *, code: str | None = None, **params: object
    ) -> None:
        self.code = code
        self.params = params
        self._text = message
        super().__init__(message if code is None else self.message("en"))

    def message(self, lang: str = "vi") -> str:
        """The reason in ``lang`` ("vi" or "en")."""
        if self.code is None:
            return str(self._text)
        from .l10n.catalog import render

        return render(f"error.{self.code}", self.params, lang)

    def __reduce__(self) -> tuple[Any, ...]:
        return _rebuild, (type(self), self._text, self.code, self.params)


def _rebuild(
    cls: type[InvalidValueError], text: str | None, code: str | None, params: dict[str, object]
) -> InvalidValueError:
    return cls(text, code=code, **params)


class AmountParseError(InvalidValueError):
    """A Vietnamese amount or date could not be read without guessing."""


class ArgumentError(KhuyenCongError, TypeError):
    """An argument of a public function has the wrong type; the message names the argument
    (e.g. ``as_of`` given as a string or a ``datetime`` instead of a ``datetime.date``)."""


class DatasetError(KhuyenCongError):
    """A dataset could not be read at all (as opposed to a problem in one of its rows)."""


class _Explained(KhuyenCongError):
    """An error with a ``reason``, explained by the message catalogue
    (``error.<group>.<reason>``) in Vietnamese or English: :meth:`message`; ``str()`` gives
    both."""

    _GROUP: ClassVar[str]

    def __init__(self, reason: str, name: str, **fields: str) -> None:
        self.reason = reason
        self.name = name
        self._fields = fields
        for field, value in fields.items():
            setattr(self, field, value)  # declared on the subclass
        super().__init__(f"{self.message('vi')} — {self.message('en')}")

    def message(self, lang: str = "vi") -> str:
        """The explanation in ``lang`` ("vi" or "en")."""
        from .l10n.catalog import render

        params = {"name": self.name, **self._fields}
        return render(f"error.{self._GROUP}.{self.reason}", params, lang)


class NothingToCheckError(_Explained, DatasetError):
    """A dataset holds nothing to check: ``reason`` is ``"empty"`` (no content at all),
    ``"no_header"`` (no row names a known column) or ``"no_data"`` (a header without data rows).

    :meth:`message` gives the explanation in Vietnamese or English; ``str()`` gives both.
    """

    REASONS: ClassVar[tuple[str, ...]] = ("empty", "no_header", "no_data")
    """The reasons; the texts are ``error.nothing_to_check.<reason>`` in the message catalogue."""
    _GROUP: ClassVar[str] = "nothing_to_check"


class SourceError(_Explained, DatasetError):
    """A dataset's source could not be opened or read as a table: ``reason`` is one of
    :attr:`REASONS` — ``"no_such_file"``, ``"cannot_open"`` (``detail``: what the system said),
    ``"is_folder"``, ``"unknown_format"`` (a suffix that is not .csv, .xlsx or .jsonl),
    ``"xls"`` (an Excel 97-2003 workbook), ``"xlsx_renamed"`` (a workbook under a .csv name),
    ``"encoding_utf16_no_bom"`` and ``"encoding_unknown"`` (a text file whose encoding cannot
    be told), ``"not_xlsx"`` (``detail``: what openpyxl said),
    ``"sheet_unreadable"``, ``"no_sheet"`` (``sheet``: the one asked for) and
    ``"no_sheet_header"`` (``sheets``: the workbook's sheets).

    :meth:`message` gives the explanation in Vietnamese or English; ``str()`` gives both.
    """

    REASONS: ClassVar[tuple[str, ...]] = (
        "no_such_file",
        "is_folder",
        "cannot_open",
        "unknown_format",
        "xls",
        "xlsx_renamed",
        "encoding_utf16_no_bom",
        "encoding_unknown",
        "not_xlsx",
        "sheet_unreadable",
        "no_sheet",
        "no_sheet_header",
    )
    """The reasons; the texts are ``error.source.<reason>`` in the message catalogue."""
    _GROUP: ClassVar[str] = "source"
    detail: str
    sheet: str
    sheets: str

    def __init__(
        self, reason: str, name: str, detail: str = "", *, sheet: str = "", sheets: str = ""
    ) -> None:
        super().__init__(reason, name, detail=detail, sheet=sheet, sheets=sheets)


class ReportFileError(_Explained):
    """A report could not be written to the file asked for: ``reason`` is one of
    :attr:`REASONS` — ``"no_folder"`` (``folder``: the folder that does not exist),
    ``"is_folder"`` (the name is a folder's), ``"not_allowed"`` (no permission to write
    there), ``"in_use"`` (the file is open in another program, such as Excel, or read-only),
    ``"disk_full"``, ``"is_source"`` (the path is the file the report is made from, which
    writing would lose) or ``"cannot_write"`` (``detail``: what the system said).  ``name`` is the
    report's path as given; the system's own error is the ``__cause__``.  The file that was
    there before is left as it was (:mod:`khuyencong.datasets.whole`).

    :meth:`message` gives the explanation in Vietnamese or English; ``str()`` gives both.
    """

    REASONS: ClassVar[tuple[str, ...]] = (
        "no_folder",
        "is_folder",
        "not_allowed",
        "in_use",
        "disk_full",
        "is_source",
        "cannot_write",
    )
    """The reasons; the texts are ``error.report_file.<reason>`` in the message catalogue."""
    _GROUP: ClassVar[str] = "report_file"
    detail: str
    folder: str

    def __init__(self, reason: str, name: str, detail: str = "", *, folder: str = "") -> None:
        super().__init__(reason, name, detail=detail, folder=folder)


class DeclarationError(KhuyenCongError, ValueError):
    """A declaration names something the rule does not know (an item of a checklist, a
    condition, a report): the message lists what it knows."""
