"""Row-level findings of a dataset check, with Vietnamese and English messages."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from operator import attrgetter
from typing import Any, Final, Literal, TypeVar

import attrs

from ..l10n.catalog import NO_PARAMS, Catalogued, Text, catalogue
from ..l10n.errors import FieldError, render_path
from ..rules.findings import SEVERITY_ORDER, Finding
from ..rules.findings import Severity as EngineSeverity

__all__ = [
    "MESSAGES",
    "SEVERITIES",
    "SEVERITY_ORDER",
    "RowFinding",
    "Severity",
    "finding",
    "pickled_by_fields",
]

_C = TypeVar("_C", bound=type)


def pickled_by_fields(cls: _C) -> _C:
    """Pickle instances of the attrs class ``cls`` as a call of its constructor with its fields
    in order.

    Results travel between processes when a dataset is checked with several workers; attrs'
    own pickling (a state dict set field by field) takes about twice as long to load.
    """
    names = [a.name for a in attrs.fields(cls)]
    if len(names) < 2:  # pragma: no cover - attrgetter of one name gives a value, not a tuple
        raise TypeError(f"{cls.__name__} needs two fields or more")
    fields = attrgetter(*names)

    def __reduce__(self: Any) -> tuple[type, tuple[Any, ...]]:
        return cls, fields(self)

    cls.__reduce__ = __reduce__  # type: ignore[assignment]
    return cls


Severity = Literal["error", "undetermined", "warning", "info"]
"""The one :class:`khuyencong.Severity` as the plain string a row finding carries (its values,
and only those: tests/datasets/test_vocabulary.py checks it).  ``error`` makes a row invalid
(or, from the rule engine, its proposal ineligible); ``undetermined`` (rule engine only) is a
rule that cannot be decided on the facts given; ``warning`` is worth a look; ``info`` explains
what was done.  Row findings keep the string (not the enum) because they travel between worker
processes by the million; :data:`SEVERITY_ORDER` is the engine's."""
SEVERITIES: Final[dict[str, Severity]] = {
    "undecodable_bytes": "warning",
    "decoded_as_cp1258": "info",
    "unreadable_line": "error",
    "multiline_cell": "info",
    "ragged_row": "warning",
    "unknown_column": "info",
    "duplicate_column": "warning",
    "missing_column": "error",
    "no_item_column": "warning",
    "preamble_row": "info",
    "sheet_chosen": "warning",
    "value_without_header": "warning",
    "bad_value": "error",
    "formula_without_value": "error",
    "excel_error_value": "error",
    "conflicting_value": "warning",
    "code_not_consecutive": "error",
    "missing_code": "error",
    "amount_mismatch": "error",
    "cost_derived": "info",
    "invalid": "error",
    "beneficiary_kind_missing": "warning",
    "beneficiary_missing": "warning",
    "amount_unit": "info",
    "table_layout": "info",
    "value_from_title": "info",
    "code_from_numbering": "info",
    "section_unknown": "warning",
    "total_checked": "info",
    "total_first": "info",
    "total_mismatch": "error",
    "total_unchecked": "undetermined",
    "total_scope_unknown": "warning",
    "not_stated": "undetermined",
    "dataframe_header": "error",
    "not_assessed": "info",
    "assessment_failed": "error",
}
"""The severity of each finding code of the datasets layer; its text is the catalogue's
``finding.<code>`` (:mod:`khuyencong.l10n.catalog`), whose ``%(detail)s`` is the specific reason."""


class _Messages(Mapping[str, tuple[Severity, str, str]]):
    """``MESSAGES[code] == (severity, Vietnamese template, English template)``, read from the
    catalogue (kept for callers of the former table)."""

    def __getitem__(self, code: str) -> tuple[Severity, str, str]:
        key = f"finding.{code}"
        return SEVERITIES[code], catalogue("vi")[key], catalogue("en")[key]

    def __iter__(self) -> Iterator[str]:
        return iter(SEVERITIES)

    def __len__(self) -> int:
        return len(SEVERITIES)


MESSAGES: Final[Mapping[str, tuple[Severity, str, str]]] = _Messages()
"""The finding codes of the datasets layer with their severity and texts (python-format
templates, from the catalogue)."""


@pickled_by_fields
@attrs.frozen(slots=True)
class RowFinding(Catalogued):
    """One problem or note about a row (``row`` is ``None`` for the whole file).

    The datasets layer's form of the one :class:`khuyencong.Finding` (issue 13): the same
    ``code``, ``params`` and ``key`` — so the same text, from the same message catalogue, by the
    same :meth:`message` of their common base :class:`~khuyencong.l10n.catalog.Catalogued` — and
    the same severities, as the plain strings of :class:`khuyencong.Severity`; it adds where the
    finding is (``row``, ``column``) and carries the clause already rendered (a report shows it
    for every row, and a custom assessor may give a plain string).  :meth:`of` is the one way an
    engine finding becomes a row finding; :func:`finding` makes the layer's own.  It carries no
    provenance: a value that rests on a secondary or user-supplied source is reported by the
    engine as a finding of its own (``secondary_source``, ``user_supplied``).

    ``row`` is the 1-based row number as a spreadsheet shows it (the header is usually row 1), or
    the line number of a CSV or JSON Lines file; for a pandas DataFrame it is the 0-based position
    (``df.iloc``).  ``column`` is the header as written in the file.  Findings of the rule engine
    carry the clause they rest on (``citation_vi``, ``citation_en``, and the stable
    ``citation_key`` such as ``26/2014/TTLT-BTC-BCT:6.2.c``) and, for a budget line, ``line``
    (0-based index of the line in its proposal).

    A record that has the shape of a whole proposal (a JSON Lines line, a dict of
    ``validate(records)``) has no header: a validation error of it carries ``path``, the place
    in the proposal as pydantic gives it (``("budget_lines", 0, "requested")``), and ``column``
    is that path joined by dots (``budget_lines.0.requested``).  :meth:`where` is the cell a
    clerk sees in the reports' column "Cột": the header as written, or the path in words.
    """

    row: int | None
    column: str | None
    code: str
    severity: Severity
    params: Mapping[str, Any] = NO_PARAMS
    """The named parameters of its text (rendered only when asked for)."""
    key: str | None = None
    """The catalogue key of its text when it is not ``finding.<code>``."""
    citation_vi: str | None = None
    citation_en: str | None = None
    citation_key: str | None = None
    line: int | None = None
    path: tuple[int | str, ...] | None = None
    """For a validation error of a proposal-shaped record: where it is in the proposal."""

    def where(self, lang: str = "vi") -> str | None:
        """Where the finding is, as the reports show it in ``lang``: the header as written in
        the file, or for a proposal-shaped record the path in words from the labels of the
        message catalogue — the text its message names ("Dòng kinh phí 1 › Kinh phí đề nghị";
        "budget line 1 › requested support"), a key the model does not have as written."""
        if self.path is None:
            return self.column
        detail = self.params.get("detail")
        if isinstance(detail, FieldError):
            return detail.place(lang)
        return render_path(self.path, lang)

    def citation(self, lang: str = "vi") -> str | None:
        """The clause the finding rests on, in ``lang``, or ``None``."""
        return self.citation_vi if lang == "vi" else self.citation_en

    @classmethod
    def of(cls, item: Any, row: int) -> RowFinding:
        """A finding of the rule engine (:class:`khuyencong.Finding`) on the proposal of ``row``:
        the same code, severity (as its string), parameters and catalogue key — so the same
        text in both languages — the clause it cites (:class:`khuyencong.Citation` ``.vi``,
        ``.en``, ``.key``; a plain string is taken as the text in both languages) and the
        budget line it is about.

        The engine's own findings are read field by field; anything else that looks like one
        (from a custom assessor) is read defensively, its messages kept as they are."""
        if type(item) is Finding:
            cite_vi, cite_en, key = _citation_texts(item.citation)
            return cls(
                row,
                None,
                item.code,
                _ROW_SEVERITY[item.severity],
                item.params,
                item.key,
                cite_vi,
                cite_en,
                key,
                item.line,
            )
        method = getattr(item, "message", None)
        if callable(method):
            message_vi, message_en = str(method("vi")), str(method("en"))
        else:
            message_vi = str(getattr(item, "message_vi", "") or item)
            message_en = str(getattr(item, "message_en", "") or item)
        severity = str(getattr(item, "severity", "error"))
        if severity not in SEVERITY_ORDER:
            severity = "error"
        cite_vi, cite_en, key = _citation_texts(getattr(item, "citation", None))
        line = getattr(item, "line", None)
        return cls(
            row=row,
            column=None,
            code=str(getattr(item, "code", "rule")),
            severity=severity,  # type: ignore[arg-type]
            params={"text": Text(message_vi, message_en)},
            key="finding.verbatim",
            citation_vi=cite_vi,
            citation_en=cite_en,
            citation_key=key,
            line=line if isinstance(line, int) else None,
        )


_ROW_SEVERITY: Final[dict[EngineSeverity, Severity]] = {
    EngineSeverity.ERROR: "error",
    EngineSeverity.UNDETERMINED: "undetermined",
    EngineSeverity.WARNING: "warning",
    EngineSeverity.INFO: "info",
}
"""The one :class:`khuyencong.Severity` as the plain string a row finding carries."""


def _citation_texts(citation: Any) -> tuple[str | None, str | None, str | None]:
    """A citation's Vietnamese and English text and its key (a :class:`khuyencong.Citation`
    renders each once); a plain string is taken as the text in both languages."""
    if citation is None:
        return None, None, None
    if isinstance(citation, str):
        return citation, citation, None
    key = getattr(citation, "key", None)
    return (
        str(getattr(citation, "vi", citation)),
        str(getattr(citation, "en", citation)),
        None if key is None else str(key),
    )


def finding(
    code: str,
    row: int | None,
    column: str | None = None,
    *,
    detail: object = "",
    detail_vi: str | None = None,
    **fields: object,
) -> RowFinding:
    """A finding of the datasets layer: its severity from :data:`SEVERITIES`, its text the
    catalogue's ``finding.<code>`` with ``detail`` (in Vietnamese ``detail_vi`` when given) and
    the other ``fields`` as parameters — rendered only when read."""
    params: dict[str, Any] = dict(fields)
    if detail or detail_vi is not None:
        params["detail"] = detail if detail_vi is None else Text(detail_vi, str(detail))
    return RowFinding(row, column, code, SEVERITIES[code], params or NO_PARAMS)


def worst(findings: tuple[RowFinding, ...]) -> str:
    """The most severe severity of ``findings`` (:data:`SEVERITY_ORDER`), or ``""`` for none."""
    if not findings:
        return ""
    return max((f.severity for f in findings), key=SEVERITY_ORDER.__getitem__)
