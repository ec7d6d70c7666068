"""The skeleton of a national amendment rulebook for one instrument: every parameter of the
periods it governs, with the value it would replace, as commented TOML to fill in."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from ..errors import RulebookError
from ..schemas.citation import Provenance
from .core import Param, ParamValue, Resolved, SupportLevel
from .loader import (
    national,
)
from .model import (
    ParamType,
)
from .periods import _show, governed_periods

__all__ = ["amendment_template"]


def _toml(value: object) -> str:
    """A payload as a TOML value (for the comments of the template)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return f"{value:_}" if value >= 10_000 else str(value)
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{k} = {_toml(v)}" for k, v in value.items()) + " }"
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return _toml(str(value))


def _payload_toml(param: Param, value: object) -> str:
    if param.type is ParamType.RATIO and isinstance(value, Decimal):
        return _toml(f"{(value * 100).normalize():f}%")
    if param.type is ParamType.MONEY and isinstance(value, Decimal):
        return _toml(int(value))
    if param.type is ParamType.FACTOR:
        return _toml(str(value))
    if param.type is ParamType.MONTH_DAY and isinstance(value, tuple):
        return _toml(f"{value[0]:02d}-{value[1]:02d}")
    return _toml(value)


def _previous(param: Param, start: date | None) -> ParamValue | None:
    """The value the instrument replaces: the one in force the day before its period, else the
    last value before it."""
    if start is None:
        return None
    before = [v for v in param.values if v.start < start]
    return before[-1] if before else None


def _lines_for(param: Param, start: date, instrument: str) -> list[str]:
    old = _previous(param, start)
    was = f"{old.start.year}" if old is not None else "before"
    known = [
        v
        for v in param.values
        if v.citation.document == instrument and v.provenance is Provenance.SECONDARY
    ]
    lines = [
        f"# ---- {param.code} ----",
        f"# {param.label_vi}",
        f"# {param.label_en}",
    ]
    if old is not None:
        lines.append(
            f"# Thay thế / replaces: {old.citation.vi} ({old.provenance.value}, "
            f"{old.start} – {_show(old.end)})"
        )
    for v in known:
        lines.append(
            f"# Nguồn thứ cấp / secondary summary ({v.source_vi} / {v.source_en}): "
            + (
                _support_text(v.value)
                if isinstance(v.value, SupportLevel)
                else _payload_toml(param, v.value)
            )
            + " — a value you give replaces it"
        )
    lines.append(f'[[params."{param.code}".values]]')
    lines.append(f"from = {start.isoformat()}")
    if param.type is ParamType.SUPPORT:
        level = old.value if old is not None and isinstance(old.value, SupportLevel) else None
        per = f" (đồng / {param.per.value})" if param.per is not None else " (đồng)"
        if level is not None and level.rate is not None:
            lines.append(f'rate = ""  # {was}: {_payload_toml_rate(level.rate)}')
        else:
            lines.append(f'# rate = ""  # {was}: no rate; add one if the new text sets it')
        if level is not None and level.cap is not None:
            lines.append(f'cap = ""  # {was}: {_toml(int(level.cap))}{per}')
        else:
            lines.append(f'# cap = ""  # {was}: no cap{per}; add one if the new text sets it')
        basis = level.basis.value if level is not None else "cost"
        lines.append(f'basis = "{basis}"')
    elif old is not None:
        lines.append(f'value = ""  # {was}: {_payload_toml(param, old.value)}')
    elif known:
        lines.append(f'value = ""  # secondary: {_payload_toml(param, known[-1].value)}')
    else:
        lines.append('value = ""  # no earlier value')
    lines.append('citation = { article = "", clause = "", point = "" }')
    lines.append('provenance = "user_supplied"')
    lines.append("")
    return lines


def _payload_toml_rate(rate: Decimal) -> str:
    return _toml(f"{(rate * 100).normalize():f}%")


def _support_text(level: SupportLevel) -> str:
    parts = []
    if level.rate is not None:
        parts.append(f"rate = {_payload_toml_rate(level.rate)}")
    if level.cap is not None:
        parts.append(f"cap = {_toml(int(level.cap))}")
    return ", ".join(parts) or f'basis = "{level.basis.value}"'


def amendment_template(instrument: str) -> str:
    """A national amendment rulebook skeleton for ``instrument``: every parameter it governs that
    the built-in rulebook does not hold from the official text, with the value and clause it
    replaces as a comment and empty slots (``""``) for the new value and clause.

    ``khuyencong rulebook check`` lists every slot still empty; once all are filled the file
    loads with :func:`~khuyencong.rulebooks.load_rulebook`.
    """
    book = national()
    document = book.document(instrument)
    if document is None:
        known = sorted(
            {p.document for periods in book.domains.values() for p in periods}
            | {a.document for d in book.documents.values() for a in d.amended_by}
        )
        raise RulebookError(
            f"unknown instrument {instrument!r}; the instruments that govern a domain are: "
            + ", ".join(known)
        )
    year = document.issued_year
    unknown_date = document.effective_from is None
    fallback = date(year, 1, 1) if unknown_date and year is not None else None
    spans = governed_periods(book, instrument, fallback=fallback)
    ascii_number = unicodedata.normalize("NFKD", instrument.lower().replace("đ", "d"))
    slug = "".join(c if c.isascii() and c.isalnum() else "-" for c in ascii_number).strip("-")
    head = [
        f"# National amendment rulebook for {document.name_vi} ({document.name_en}).",
        "#",
        '# Fill every empty slot ("") with the value and the clause of the instrument\'s text, delete',
        "# the blocks of parameters it does not change, then check and load the file:",
        "#",
        f"#     khuyencong rulebook check {slug}.toml",
        f"#     khuyencong assess proposal.json --as-of 2026-06-01 --rulebook {slug}.toml",
        "#",
        "# Each value starts on `from` (at the earliest the day the instrument governs) and lasts",
        "# until `until`, the next value, or the end of the instrument's period.  A value the",
        "# built-in rulebook holds from the official text cannot be changed here, except by the",
        "# instrument that amends that text, from the amendment's date.",
        "",
        "[meta]",
        f'id = "amendment-{slug}"',
        f'title_vi = "Mức, quy định theo {document.name_vi}"',
        f'title_en = "Levels and rules of {document.name_en}"',
        'kind = "national_amendment"',
        f'instrument = "{instrument}"',
        'supplied_by = ""  # who supplied the values: an agency, a person',
        "",
    ]
    if unknown_date:
        head += [
            "# The registry does not know when this instrument took effect: give the date, and",
            "# start no value before it.",
            "[instrument]",
            f'number = "{instrument}"',
            f'title_vi = "{document.title_vi}"',
            f'title_en = "{document.title_en}"',
            f'issuer = "{document.issuer}"',
            'effective_from = ""  # YYYY-MM-DD, without quotes',
            "",
        ]
    body: list[str] = []
    for code, param in book.params.items():
        for start, _end in spans.get(param.domain, ()):
            if start is None:
                continue
            held = book.resolve(code, start)
            if (
                isinstance(held, Resolved)
                and held.provenance is Provenance.OFFICIAL_TEXT
                and not any(c.document == instrument for c in held.caveats)
            ):
                continue  # known from the official text, and not amended by this instrument
            if isinstance(held, Resolved) and held.provenance is Provenance.CONVENTION:
                continue  # the library's convention about the instrument, not one of its rules
            body += _lines_for(param, start, instrument)
    if not body:
        raise RulebookError(
            f"{instrument} governs no parameter that the built-in rulebook leaves unknown"
        )
    return "\n".join(head + body)
