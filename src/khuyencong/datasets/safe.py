"""Reports that are safe to open: no text cell becomes a live spreadsheet formula.

A spreadsheet takes a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, in some
programs, a tab or carriage return) for a formula — a title such as ``=HYPERLINK(...)`` in a
province's file would run when the clerk opens the report (CSV injection, OWASP).  Every *text*
cell the reports write goes through :func:`neutralise`, which puts a single quote ``'`` in
front of such a text, the OWASP rule.  Numbers written as numbers (a negative amount in a
number cell) are not text and stay numbers.  In XLSX the cells are also written as string cells
(:func:`xlsx_text`), which a spreadsheet never evaluates.
"""

from __future__ import annotations

from typing import Any, Final

__all__ = ["FORMULA_STARTS", "neutralise", "xlsx_text"]

FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
"""The first characters that make a spreadsheet read a text as a formula."""


def neutralise(text: str) -> str:
    """``text`` with a ``'`` in front when it starts like a formula; otherwise unchanged.

    >>> neutralise("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> neutralise("Đào tạo nghề")
    'Đào tạo nghề'
    """
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def xlsx_text(sheet: Any, text: str) -> Any:
    """A write-only openpyxl cell holding ``text`` as a string (never a formula)."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=neutralise(text))
    cell.data_type = "s"
    return cell
