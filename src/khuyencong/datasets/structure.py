"""The structure of a plan table, row by row: sections, subtotals and totals, the footer.

:class:`Structure` classifies each row once as the pipeline reads it: a *section* row (STT in
Roman numerals or a letter, or a label "I. …"), a *subtotal* ("Cộng", "Cộng I", "Cộng mục II"), a
*total* ("TỔNG CỘNG", "Tổng số"), a *footer* row (the signature block below the total), or a data
row.  A section names an activity content or a funding source and sets it for the data rows under
it; a table with an STT column and no code column gets codes from the numbering ("I.1"); every
subtotal and total is checked against the sum of the rows it totals, exactly, in đồng.  Nothing
here guesses: a section naming nothing known, a total whose rows hold an unreadable amount, a
"Cộng" that matches no section are findings.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

import attrs

from ..l10n.catalog import Money, Msg, Text
from ..text import fold
from .findings import RowFinding, finding
from .layout import AMOUNT_FIELDS, SectionMode, Unit
from .sections import (
    _ARABIC,
    _FOOTER,
    _FUNDING_SECTIONS,
    _LETTER,
    _ROMAN,
    _label_kind,
    _normal,
    _section_number,
    section_meaning,
)

if TYPE_CHECKING:
    from .rows import _Parsed

__all__ = ["Structure", "not_stated_findings", "section_meaning"]

_ALL_AMOUNTS = frozenset(AMOUNT_FIELDS)
"""Every amount field: those of a damaged line, none of which could be read."""
_LABELS: Final = frozenset({"number", "code", "title"})
"""The fields of a row that only labels: a section's number, code and name."""


# ------------------------------------------------------------------------------- structure


class _Scope:
    """What a subtotal may total: the whole table or one section, with its running sums."""

    __slots__ = ("bad", "first", "last", "level", "meaning", "name", "ref", "sums")

    def __init__(self, level: int, ref: str | None, name: str) -> None:
        self.level = level
        self.ref = ref
        self.name = name
        self.sums: dict[str, Decimal] = {}
        self.bad: set[str] = set()
        self.first: int | None = None
        self.last: int | None = None
        self.meaning: tuple[str, str] | None = None


def _prose(text: Any) -> bool:
    """Whether a code cell holds a sentence (three words or more), not a proposal's code."""
    return type(text) is str and len(text.split()) >= 3


def _money(value: Decimal) -> Money | str:
    """An amount of a total, written the way of the language it is read in (whole đồng)."""
    if value == value.to_integral_value():
        return Money(value)
    return f"{value:,.0f}".replace(",", ".") + " đ"


class Structure:
    """Classifies the rows of a table, in order, as the pipeline reads them (one instance per
    pass).  See the module docstring; :meth:`classify` is called once per row."""

    def __init__(
        self,
        *,
        numbered: bool,
        derive_code: bool,
        mode: SectionMode,
        defaults: Mapping[str, Any],
        unit: Unit | None = None,
        given: frozenset[str] = frozenset(),
        lines: tuple[Msg, ...] = (),
    ) -> None:
        self.numbered = numbered
        self.plan_layout = numbered
        """A plan table (an STT column): what it does not state is a finding, never guessed."""
        self.unit = unit
        """The unit of amounts of the whole table (layout or "Đơn vị tính" line), or ``None``."""
        self.given = given
        """Required fields the layout supplies without a column."""
        self.lines = lines
        self.kinds: dict[str, list[int]] = {}
        self.two_row_header = False
        self.derive_code = derive_code
        self.mode = mode
        self.defaults = dict(defaults)
        self.table = _Scope(0, None, "")
        self.sections: list[_Scope] = []
        self.applied: dict[str, Any] = {}
        self.after_total = False
        self.after_footer = False
        self.leading_total: tuple[int, dict[str, Any], dict[str, str]] | None = None
        """A total row above every data row: its row, values and headers."""
        self.last_letter: str | None = None
        self.label_column: int | None = None
        """Without a title column, the index of the "Nội dung" (contents) column, whose cells
        label the section, subtotal and total rows; ``self.label`` is its header."""
        self.label = ""

    # -- classification ------------------------------------------------------------------

    def classify(
        self,
        number: Any,
        code: Any,
        title: Any,
        texts: tuple[Any, ...],
        amounts: bool = True,
        name: Any = None,
        bare: bool = False,
    ) -> tuple[str, str | None, str] | None:
        """``(kind, ref, name)`` of a layout row, or ``None`` for a data row.

        ``number`` is the STT cell, ``code`` and ``title`` the cells of those columns (``title``
        only where it may be a label), ``texts`` the row's raw cells (read only for a footer),
        ``amounts`` whether it holds an amount, ``name`` its title cell (a section's name),
        ``bare`` whether it holds nothing else than its number, code and title.  It sets
        nothing (the columnar reader asks it about lines ahead); :meth:`apply` does."""
        if number is not None:
            text = str(number).strip()
            if _ARABIC.match(text):
                return None
            ref = _section_number(text) if self.mode != "none" else None
            if ref is not None:
                return "section", ref, str(title or "").strip()
            found = _label_kind(text, numbering=True)
            if found is not None and (found[0] != "section" or self.mode != "none"):
                return found
        if type(code) is str and self.mode != "none" and type(name) is str and bare:
            # no STT column: "I" or "B." in the code column, the section's name in the title's,
            # nothing else on the row (a proposal coded "A" has its year, amounts, item…)
            ref = _section_number(code.strip())
            if ref is not None:
                return "section", ref, name.strip()
        for label in (code, title):
            if type(label) is str:
                found = _label_kind(label)
                if found is not None and (found[0] != "section" or self.mode != "none"):
                    if found[0] == "subtotal" and not self._names_scope(found):
                        continue
                    return found
        # A signature or a note: after the total or under a numbered table's rows, in any
        # cell; elsewhere, the first cell of a row without an amount ("Ghi chú: …", "GIÁM
        # ĐỐC"; a proposal's line has its amounts, a continuation line too).
        if self.after_total or (self.numbered and number is None):
            cells: tuple[Any, ...] = texts
        elif not amounts:
            cells = next(((c,) for c in texts if type(c) is str and c.strip()), ())
        else:
            cells = ()
        for cell in cells:
            if type(cell) is str and _FOOTER.match(_normal(cell.strip())):
                return "footer", None, cell.strip()
        if self.after_footer and not amounts and (code is None or _prose(code)):
            # under a signature or a note: the signer's name, the note's lines ("- Đề án QG-01
            # đã được Bộ thỏa thuận" in the code column); a proposal's code stays a proposal
            return "footer", None, ""
        if self.after_total and code is None:
            return "footer", None, ""
        return None

    def _names_scope(self, found: tuple[str, str | None, str]) -> bool:
        """Whether a "Cộng …" label is a subtotal (bare, with a section reference, or naming a
        section or funding source) rather than a title that starts with "Cộng đồng…"."""
        _, ref, rest = found
        if ref is not None or not rest:
            return True
        folded = fold(rest)
        if folded in _FUNDING_SECTIONS:
            return True
        return any(fold(s.name) == folded for s in self.sections)

    # -- one row -------------------------------------------------------------------------

    def apply(self, cells: tuple[Any, ...], row: _Parsed) -> None:
        """Classify ``row`` (its raw ``cells`` and parsed values) and apply what it means.

        A damaged line (one the reader could not split into cells) may hold any amount: it is
        counted in the open sections and the table with every amount unreadable, so a total over
        it is ``total_unchecked``, never a mismatch against the lines that could be read."""
        if row.damaged:
            self.add(row.number, {}, _ALL_AMOUNTS)
            return
        values = row.values
        number = values.get("number")
        code = values.get("code")
        title = values.get("title") if code is None or self.numbered else None
        labelled = False
        if title is None and code is None and self.label_column is not None:
            # No title column: the "Nội dung" column holds the rows' labels ("Cộng I").
            cell = cells[self.label_column] if self.label_column < len(cells) else None
            if type(cell) is str:
                title, labelled = cell.strip(), True
        amounts = not (_ALL_AMOUNTS.isdisjoint(values) and _ALL_AMOUNTS.isdisjoint(row.bad))
        bare = not row.bad and _LABELS.issuperset(values)
        found = self.classify(number, code, title, cells, amounts, values.get("title"), bare)
        if found is None:
            if self.sections or self.defaults or self.derive_code:
                self.data_values(values, number)
            self.add(row.number, values, row.bad)
            return
        kind, ref, name = found
        row.kind = kind
        self.kinds.setdefault(kind, []).append(row.number)
        values.pop("code", None)
        if labelled:
            # the label is not an activity content that could not be read
            values.pop("contents", None)
            row.bad.discard("contents")
            row.findings[:] = [
                f for f in row.findings if not (f.code == "bad_value" and f.column == self.label)
            ]
        if kind == "section":
            meaning = self.section(ref, name)
            label = " ".join(x for x in (ref, name) if x)
            values["title"] = label
            if meaning is not None:
                key, value = meaning
                values[key] = (value,) if key == "contents" else value
            elif self.mode != "none":
                row.findings.append(finding("section_unknown", row.number, detail=label))
        elif kind == "footer":
            # (here, not in classify: the columnar reader asks classify about lines ahead)
            if name:
                self.after_footer = True  # a signature or a note: the rows under it follow
            # A signature or a note, not a value: what could not be read as one is not a problem.
            row.findings[:] = [
                f for f in row.findings if f.code not in ("bad_value", "value_without_header")
            ]
        else:
            row.findings.extend(
                self.check(row.number, kind, ref, name, values, row.headers, row.bad)
            )

    def closing_notes(self) -> list[RowFinding]:
        """The check of a total written above the rows it totals, and one note on the layout
        of the table: title, header, section, total and footer rows."""
        checked: list[RowFinding] = []
        if self.leading_total is not None:
            row, values, headers = self.leading_total
            checked = self._compare(row, self.table, values, headers)
        return checked + self._layout_note()

    def _layout_note(self) -> list[RowFinding]:
        if not (self.kinds or self.numbered or self.two_row_header):
            return []  # a tidy table: its title rows are noted one by one (preamble_row)
        parts = list(self.lines)
        for kind in ("section", "subtotal", "total", "footer"):
            rows = self.kinds.get(kind)
            if rows:
                parts.append(
                    Msg(f"detail.layout.{kind}_rows", {"rows": _ranges(rows), "n": len(rows)})
                )
        if not parts:
            return []
        detail = Msg("detail.table_layout", {"parts": _Parts(tuple(parts))})
        return [finding("table_layout", None, detail=detail)]

    # -- effects -------------------------------------------------------------------------

    def section(self, ref: str | None, name: str) -> tuple[str, str] | None:
        """Open a section; returns what it sets (``("contents", code)``, ``("funding", code)``)
        or ``None`` when its name is neither a content nor a funding source."""
        level = 2
        if ref is not None and _LETTER.match(ref):
            # "C" is a letter after "B", else the Roman numeral 100.
            letters = [s.ref for s in self.sections if s.level == 1]
            previous = letters[-1] if letters else self.last_letter
            if not _ROMAN.match(ref) or (previous and ord(previous) + 1 == ord(ref)):
                level = 1
                self.last_letter = ref
        while self.sections and self.sections[-1].level >= level:
            self.sections.pop()
        scope = _Scope(level, ref, name)
        scope.meaning = section_meaning(name, self.mode) if name else None
        self.sections.append(scope)
        return scope.meaning

    def data_values(self, values: dict[str, Any], number: Any) -> None:
        """Give a data row what its sections and the defaults set, and a derived code."""
        for scope in self.sections:
            meaning = scope.meaning
            if meaning is not None and meaning[0] not in values:
                key, code = meaning
                values[key] = (code,) if key == "contents" else code
        for key, value in self.defaults.items():
            if key not in values:
                values[key] = value
        if self.derive_code and number is not None and "code" not in values:
            refs = [s.ref for s in self.sections if s.ref is not None]
            values["code"] = ".".join([*refs, str(number).strip().rstrip(".")])

    def add(self, row: int, values: Mapping[str, Any], bad: AbstractSet[str]) -> None:
        """Count a data row's amounts in the table and its open sections."""
        for scope in (self.table, *self.sections):
            if scope.first is None:
                scope.first = row
            scope.last = row
            sums = scope.sums
            for field in AMOUNT_FIELDS:
                value = values.get(field)
                if value is not None:
                    sums[field] = sums.get(field, Decimal(0)) + value
                elif field in bad:
                    scope.bad.add(field)

    def check(
        self,
        row: int,
        kind: str,
        ref: str | None,
        rest: str,
        values: Mapping[str, Any],
        headers: Mapping[str, str],
        bad: set[str],
    ) -> list[RowFinding]:
        """Check a subtotal or total row against the rows it totals.  A total above every
        data row (right under the header) totals the rows below it: it is checked once the
        table is read (:meth:`closing_notes`)."""
        scope = self._scope_for(kind, ref, rest)
        if kind == "total":
            if self.table.first is None:
                self.leading_total = (row, dict(values), dict(headers))
                return [finding("total_first", row)]
            self.after_total = True
        if scope is None:
            return [finding("total_scope_unknown", row, detail=ref or rest)]
        return self._compare(row, scope, values, headers)

    def _compare(
        self, row: int, scope: _Scope, values: Mapping[str, Any], headers: Mapping[str, str]
    ) -> list[RowFinding]:
        """The findings of a subtotal or total row written ``values``, against ``scope``."""
        where = "bảng" if scope is self.table else f"mục {scope.ref or scope.name}"
        where_en = "the table" if scope is self.table else f"section {scope.ref or scope.name}"
        span: Msg = Msg("detail.no_rows")  # the rows totalled: "row 18", "rows 10–18"
        rows = 0  # how many: English chooses "adds up" or "add up" by it
        if scope.first is not None:
            last = scope.last or scope.first
            rows = last - scope.first + 1
            span = (
                Msg("detail.row", {"row": scope.first})
                if rows == 1
                else Msg("detail.rows", {"first": scope.first, "last": last})
            )
        out: list[RowFinding] = []
        checked: list[str] = []
        for field in AMOUNT_FIELDS:
            if field not in values:
                continue
            written = values[field]
            header = headers.get(field)
            if field in scope.bad:
                out.append(finding("total_unchecked", row, header, detail=span))
                continue
            computed = scope.sums.get(field, Decimal(0))
            if written != computed:
                out.append(
                    finding(
                        "total_mismatch",
                        row,
                        header,
                        detail=Msg(
                            "detail.total_mismatch",
                            {
                                "written": _money(written),
                                "span": span,
                                "where": Text(where, where_en),
                                "computed": _money(computed),
                                "difference": _money(written - computed),
                                "n": rows,
                            },
                        ),
                    )
                )
            else:
                checked.append(header or field)
        if checked and not out:
            out.append(
                finding(
                    "total_checked",
                    row,
                    detail=Msg(
                        "detail.total_checked",
                        {"where": Text(where, where_en), "span": span},
                    ),
                )
            )
        return out

    def _scope_for(self, kind: str, ref: str | None, rest: str) -> _Scope | None:
        if kind == "total":
            return self.table
        if ref is not None:
            return next((s for s in reversed(self.sections) if s.ref == ref), None)
        if rest:
            folded = fold(rest)
            named = next((s for s in reversed(self.sections) if fold(s.name) == folded), None)
            if named is not None:
                return named
        return self.sections[-1] if self.sections else self.table


@attrs.frozen(slots=True)
class _Parts:
    """Catalogue texts joined with "; " in the language of the message they are part of."""

    parts: tuple[Msg, ...]

    def message(self, lang: str = "vi") -> str:
        """The parts in ``lang``."""
        return "; ".join(part.message(lang) for part in self.parts)


def _ranges(numbers: Iterable[int]) -> str:
    """``1–6, 9`` for the row numbers 1, 2, 3, 4, 5, 6, 9."""
    parts: list[str] = []
    start = end = None
    for n in numbers:
        if end is not None and n == end + 1:
            end = n
            continue
        if start is not None:
            parts.append(str(start) if start == end else f"{start}–{end}")
        start = end = n
    if start is not None:
        parts.append(str(start) if start == end else f"{start}–{end}")
    return ", ".join(parts)


def not_stated_findings(
    row: int, no_item: bool, has_beneficiary: bool, source: Mapping[str, Any]
) -> list[RowFinding]:
    """Findings for what a plan table does not state about a proposal (the support item of its
    lines, its beneficiary's kind): the proposal cannot be assessed; nothing is guessed."""
    out: list[RowFinding] = []
    missing = []
    if no_item:
        missing.append("item")
    if has_beneficiary and "beneficiary_kind" not in source:
        missing.append("beneficiary_kind")
    for key in missing:
        out.append(finding("not_stated", row, detail=Msg(f"detail.not_stated.{key}")))
    return out
