"""The words a person reads around the findings, in Vietnamese and English.

Statuses (of a row, of an assessment, of a budget line), severities, and the column headers and
sheet names of the reports.  The codes (``eligible``, ``warning``, ``proposal_code``…) are the
stable, machine-readable identifiers; these labels are what a clerk reads.  The CLI, the report
writers and the HTML report take their words from here (:func:`label`); the words are the
entries ``<kind>.<code>`` of the one message catalogue (:mod:`khuyencong.l10n.catalog`).

>>> label("status", "eligible")
'đủ điều kiện'
>>> label("severity", "warning", "en")
'warning'
>>> label("status", "something_new")
'something_new'
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Final

from .catalog import catalogue, has

__all__ = ["LABELS", "heading", "label"]

_KINDS: Final = ("status", "line_status", "severity", "column", "heading", "sheet")


class _Labels(Mapping[str, Mapping[str, tuple[str, str]]]):
    """``LABELS[kind][code] == (vi, en)``, read from the message catalogue (keys
    ``<kind>.<code>``) the first time it is looked at."""

    def _table(self) -> dict[str, dict[str, tuple[str, str]]]:
        vi, en = catalogue("vi"), catalogue("en")
        table: dict[str, dict[str, tuple[str, str]]] = {kind: {} for kind in _KINDS}
        for key, text in vi.items():
            kind, _, code = key.partition(".")
            if kind in table:
                table[kind][code] = (text, en.get(key, text))
        return table

    def __getitem__(self, kind: str) -> Mapping[str, tuple[str, str]]:
        return self._table()[kind]

    def __iter__(self) -> Iterator[str]:
        return iter(_KINDS)

    def __len__(self) -> int:
        return len(_KINDS)


LABELS: Final[Mapping[str, Mapping[str, tuple[str, str]]]] = _Labels()
"""``LABELS[kind][code] == (vi, en)``: statuses, line statuses, severities, column headers,
short headings and sheet names, from the one message catalogue."""


def label(kind: str, code: str, lang: str = "vi") -> str:
    """The label of ``code`` (a status, severity, column…) in ``lang``; an unknown code is
    returned as it is, so that nothing is ever hidden."""
    text = catalogue("vi" if lang == "vi" else "en").get(f"{kind}.{code}")
    return str(code) if text is None else text


def heading(code: str, lang: str = "vi") -> str:
    """A column heading for a person (terminal, HTML): its short heading, else the Vietnamese
    label, or the English identifier as words.

    >>> heading("proposal_code"), heading("proposal_code", "en"), heading("requested")
    ('Mã đề án', 'Proposal code', 'Đề nghị')
    """
    if has(f"heading.{code}"):
        return label("heading", code, lang)
    if lang == "vi":
        return label("column", code, lang)
    return label("column", code, lang).replace("_", " ").capitalize()
