"""A self-contained HTML report: summary tables, inline SVG bar charts, rows with findings.

No JavaScript and nothing fetched from a network: the file opens offline and can be mailed.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from html import escape
from typing import Final

from ..l10n import format_vnd, heading, label
from ..l10n.catalog import has, render
from ..l10n.formatting import format_count
from .findings import RowFinding
from .pipeline import RowResult
from .safe import neutralise
from .summary import (
    DIMENSIONS,
    Summary,
    SummaryRow,
    allowed_shown,
    dimension_label,
    key_label,
    status_counts,
)

__all__ = ["bar_chart_svg", "render_html", "summary_html", "summary_tables_html"]


def _cell(text: str) -> str:
    """A text from the data, escaped for HTML and neutralised for a spreadsheet that opens the
    page (Excel reads an HTML table's cells as it reads typed ones; see :mod:`.safe`)."""
    return escape(neutralise(text))


_HEADINGS: Final = {"code": "proposal_code", "finding": "findings"}


def _t(key: str, lang: str, **values: object) -> str:
    """The catalogue's ``html.<key>``, or a column heading (``heading.*``, ``column.*``)."""
    if not has(f"html.{key}"):
        return heading(_HEADINGS.get(key, key), lang)
    return render(f"html.{key}", values, lang)


def _money(value: Decimal | None, lang: str) -> str:
    return "—" if value is None else format_vnd(value, lang)


def _allowed_cell(row: RowResult, lang: str) -> str:
    """A row's allowed support: "—" with the amount it would be, if eligible, on a row of a
    ``not_assessable`` proposal (:func:`~.summary.allowed_shown`)."""
    allowed, if_eligible = allowed_shown(row)
    if if_eligible is None:
        return _money(allowed, lang)
    return "— " + escape(_t("if_eligible", lang, amount=format_vnd(if_eligible, lang)))


def summary_tables_html(summary: Summary, lang: str = "vi") -> str:
    """The four summary tables as HTML ``<table>`` elements."""
    parts = []
    for dimension in DIMENSIONS:
        head = "".join(
            f"<th>{escape(h)}</th>"
            for h in (
                dimension_label(dimension, lang),
                _t("proposals", lang),
                _t("rows", lang),
                _t("cost", lang),
                _t("requested", lang),
                _t("allowed", lang),
            )
        )
        body = "".join(
            "<tr>"
            f"<td>{_cell(key_label(dimension, r.key, lang))}</td>"
            f"<td class=n>{format_count(r.proposals, lang)}</td>"
            f"<td class=n>{format_count(r.rows, lang)}</td>"
            f"<td class=n>{_money(r.cost, lang)}</td><td class=n>{_money(r.requested, lang)}</td>"
            f"<td class=n>{_money(r.allowed, lang)}{escape(_unknown_row(r, lang))}</td>"
            "</tr>"
            for r in summary.tables[dimension]
        )
        parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    return "\n".join(parts)


def bar_chart_svg(
    rows: Sequence[tuple[str, Decimal]], title: str, *, width: int = 640, lang: str = "vi"
) -> str:
    """A horizontal bar chart as inline SVG; one bar per ``(label, amount)``."""
    bar, gap, label_width, top = 18, 6, 260, 28
    height = top + len(rows) * (bar + gap) + 8
    largest = max((amount for _, amount in rows), default=Decimal(0)) or Decimal(1)
    span = width - label_width - 150
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'role="img" aria-label="{escape(title)}">'
        ),
        f'<text x="0" y="16" font-weight="bold">{escape(title)}</text>',
    ]
    for index, (name, amount) in enumerate(rows):
        y = top + index * (bar + gap)
        length = int(span * amount / largest) if amount > 0 else 0
        short = name if len(name) <= 40 else name[:39] + "…"
        parts.append(
            f'<text x="{label_width - 6}" y="{y + bar - 5}" text-anchor="end">'
            f"<title>{escape(name)}</title>{escape(short)}</text>"
            f'<rect x="{label_width}" y="{y}" width="{length}" height="{bar}" fill="#2b6cb0"/>'
            f'<text x="{label_width + length + 4}" y="{y + bar - 5}">'
            f"{escape(format_vnd(amount, lang))}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _charts(summary: Summary, lang: str) -> str:
    measure_key = "allowed" if summary.assessed and summary.allowed is not None else "requested"
    charts = []
    for dimension in ("content", "funding"):
        rows: list[SummaryRow] = list(summary.tables[dimension])
        data = [
            (
                key_label(dimension, r.key, lang),
                (r.allowed if measure_key == "allowed" else r.requested) or Decimal(0),
            )
            for r in rows
        ]
        title = _t(
            "chart",
            lang,
            measure=_t(measure_key, lang),
            dimension=dimension_label(dimension, lang).lower(),
        )
        charts.append(bar_chart_svg(data, title, lang=lang))
    return "\n".join(charts)


def summary_html(summary: Summary, lang: str = "vi") -> str:
    """The summary as an HTML fragment for a notebook: totals, the charts, the tables."""
    status = status_counts(summary.rows_by_status, lang)
    return (
        f"<div><p><b>{escape(summary.source)}</b> — {escape(_t('rows', lang))}: "
        f"{format_count(summary.rows, lang)}, {escape(_t('proposals', lang))}: "
        f"{format_count(summary.proposals, lang)}; {escape(status)}</p>"
        f"<p>{escape(_t('cost', lang))}: {_money(summary.cost, lang)} · "
        f"{escape(_t('requested', lang))}: {_money(summary.requested, lang)} · "
        f"{escape(_t('allowed', lang))}: {_money(summary.allowed, lang)}"
        f"{escape(_unknown(summary, lang))}</p>"
        f"{_charts(summary, lang)}\n{summary_tables_html(summary, lang)}</div>"
    )


def _findings_html(row: RowResult, lang: str) -> str:
    return "<br>".join(_finding_html(f, lang) for f in row.findings)


def _finding_html(f: RowFinding, lang: str) -> str:
    column = f.where(lang)
    clause = f.citation(lang)
    return (
        f"<span class={f.severity}>[{escape(label('severity', f.severity, lang))}]</span> "
        f"{_cell(column) + ': ' if column else ''}{escape(f.message(lang))}"
        + (f" <i>({escape(clause)})</i>" if clause else "")
    )


_CSS: Final = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2em;color:#1a202c}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #cbd5e0;padding:4px 8px;
vertical-align:top}th{background:#edf2f7;text-align:left}td.n{text-align:right;
white-space:nowrap}.error{color:#c53030}.undetermined{color:#6b46c1}.warning{color:#b7791f}.info{color:#4a5568}
svg text{font-size:12px}.note{color:#4a5568}
"""


def render_html(
    summary: Summary,
    problem_rows: Sequence[RowResult],
    more: int,
    *,
    lang: str = "vi",
    fragment: bool = False,
) -> str:
    """Render the report; ``fragment=True`` gives a ``<div>`` for notebooks."""
    notes = "".join(f"<li>{_note(n, lang)}</li>" for n in summary.notes)
    status = status_counts(summary.rows_by_status, lang)
    head_cells = "".join(
        f"<th>{escape(_t(k, lang))}</th>"
        for k in ("row", "code", "status", "requested", "allowed", "finding")
    )
    body = "".join(
        "<tr>"
        f"<td class=n>{r.row}</td><td>{_cell(r.proposal_code or '')}</td>"
        f"<td>{escape(label('status', r.status, lang))}</td>"
        f"<td class=n>{_money(r.requested, lang)}</td>"
        f"<td class=n>{_allowed_cell(r, lang)}</td><td>{_findings_html(r, lang)}</td>"
        "</tr>"
        for r in problem_rows
    )
    more_html = f"<p>{escape(_t('more', lang, n=more))}</p>" if more else ""
    left_out_html = (
        f"<p class=warning>{escape(_t('left_out', lang, n=summary.values_left_out))}</p>"
        if summary.values_left_out
        else ""
    )
    assessed_html = (
        "" if summary.assessed else f"<p class=note>{escape(_t('not_assessed', lang))}</p>"
    )
    content = f"""
<h1>{escape(_t("title", lang))}</h1>
<p><b>{escape(summary.source)}</b> — {escape(_t("rows", lang))}: {format_count(summary.rows, lang)},
{escape(_t("proposals", lang))}: {format_count(summary.proposals, lang)}; {escape(status)}</p>
<p>{escape(_t("cost", lang))}: {_money(summary.cost, lang)} ·
{escape(_t("requested", lang))}: {_money(summary.requested, lang)} ·
{escape(_t("allowed", lang))}: {_money(summary.allowed, lang)}{escape(_unknown(summary, lang))}</p>
{assessed_html}
{left_out_html}
{f"<h2>{escape(_t('notes', lang))}</h2><ul>{notes}</ul>" if notes else ""}
{_charts(summary, lang)}
{summary_tables_html(summary, lang)}
<h2>{escape(_t("problems", lang))}</h2>
<table><thead><tr>{head_cells}</tr></thead><tbody>{body}</tbody></table>
{more_html}
"""
    if fragment:
        return f"<div>{content}</div>"
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(lang)}"><head><meta charset="utf-8">'
        f"<title>{escape(_t('title', lang))}</title><style>{_CSS}</style></head>"
        f"<body>{content}</body></html>\n"
    )


def _note(note: RowFinding, lang: str) -> str:
    where = f"{_cell(note.column)}: " if note.column else ""
    row = f"({_t('row', lang)} {note.row}) " if note.row is not None else ""
    severity = escape(label("severity", note.severity, lang))
    return (
        f"<span class={note.severity}>[{severity}]</span> {row}{where}{escape(note.message(lang))}"
    )


def _unknown(summary: Summary, lang: str) -> str:
    """ "not known for N lines": the assessed rows whose allowed support is not known."""
    n = summary.allowed_unknown
    if not n:
        return ""
    return _t("unknown", lang, n=n)


def _unknown_row(row: SummaryRow, lang: str) -> str:
    """ "(+N not known)" after a key's allowed total: its rows whose allowed support is unknown."""
    n = row.allowed_unknown
    if not n:
        return ""
    return _t("unknown_row", lang, n=n)
