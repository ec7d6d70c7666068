"""What the rulebooks do not know on a date, and what loaded amendment rulebooks fill.

:func:`gaps` lists every parameter (and every procedural rule held in Python, through the
parameter that gates it) that is not known on a date: its code, what it governs, the instrument
that governs it, why it is not known and which results it affects.

>>> from datetime import date
>>> report = gaps(date(2026, 6, 1))
>>> gap = report.find("support.brand")
>>> gap.instrument, gap.reason.value, gap.affects_en
('28/2018/TT-BTC', 'text_unknown', ('line support: Building and registering a brand',))
>>> [g.code for g in gaps(date(2016, 6, 1)).gaps]
[]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from enum import StrEnum
from typing import Any

import attrs

from .._args import check_date, check_rulebooks
from ..l10n.catalog import bilingual
from ..schemas.citation import Citation, Provenance
from ..schemas.codes import SupportItem
from .core import NotEncoded, Param, Resolution, Resolved, Rulebook, SupportLevel
from .loader import national

__all__ = ["Filled", "Gap", "GapReason", "GapReport", "gaps"]

_ITEMS = {item.value: item for item in SupportItem}


class GapReason(StrEnum):
    """Why a parameter or rule is not known on a date."""

    TEXT_UNKNOWN = "text_unknown"
    """The governing instrument's text is not known here (or its summary does not give it)."""
    NOT_ENCODED = "not_encoded"
    """The text is known, but the library does not encode this rule."""
    NO_INSTRUMENT = "no_instrument"
    """No instrument known here governs the date."""
    AMENDED = "amended"
    """A value is encoded, but its instrument was amended in ways not known here."""
    SECONDARY = "secondary"
    """A value is known only from a secondary summary of the instrument."""
    CONVENTION = "convention"
    """A value rests on a library convention, not on a text."""

    @property
    def vi(self) -> str:
        """Vietnamese label."""
        return _REASONS[self][0]

    @property
    def en(self) -> str:
        """English label."""
        return _REASONS[self][1]


_REASONS = {
    GapReason.TEXT_UNKNOWN: ("chưa có văn bản", "text not known"),
    GapReason.NOT_ENCODED: ("chưa mã hóa", "not encoded"),
    GapReason.NO_INSTRUMENT: ("không rõ văn bản điều chỉnh", "no instrument known"),
    GapReason.AMENDED: ("đã sửa đổi, chưa rõ nội dung", "amended, wording not known"),
    GapReason.SECONDARY: ("chỉ biết qua nguồn thứ cấp", "secondary source only"),
    GapReason.CONVENTION: ("quy ước của thư viện", "library convention"),
}


@attrs.frozen(slots=True)
class Gap:
    """A parameter (``kind="parameter"``) or procedural rule (``kind="rule"``) not known on a
    date."""

    code: str
    kind: str
    label_vi: str
    label_en: str
    instrument: str | None
    reason: GapReason
    detail_vi: str
    detail_en: str
    affects: tuple[str, ...]
    """Result codes (see ``Rulebook.results``)."""
    affects_vi: tuple[str, ...]
    affects_en: tuple[str, ...]
    rulebook: str
    uncertain_period: bool = False
    """The governing period starts on a conventional date (the real effective date is unknown)."""

    def label(self, lang: str = "vi") -> str:
        """What it governs, in ``lang``."""
        return self.label_vi if lang == "vi" else self.label_en

    def to_dict(self, lang: str = "vi") -> dict[str, Any]:
        """A JSON-ready record."""
        vi = lang == "vi"
        return {
            "code": self.code,
            "kind": self.kind,
            "governs": self.label(lang),
            "instrument": self.instrument,
            "reason": self.reason.value,
            "reason_text": self.reason.vi if vi else self.reason.en,
            "detail": self.detail_vi if vi else self.detail_en,
            "affects": list(self.affects),
            "affects_text": list(self.affects_vi if vi else self.affects_en),
            "uncertain_period": self.uncertain_period,
            "rulebook": self.rulebook,
        }


@attrs.frozen(slots=True)
class Filled:
    """A parameter whose value on the date comes from a national amendment rulebook."""

    code: str
    label_vi: str
    label_en: str
    instrument: str
    citation: Citation
    provenance: Provenance
    value: str
    valid_from: date
    valid_until: date | None
    amendment: str
    supplied_by: str
    illustrative: bool
    file: str

    def to_dict(self, lang: str = "vi") -> dict[str, Any]:
        """A JSON-ready record."""
        vi = lang == "vi"
        return {
            "code": self.code,
            "governs": self.label_vi if vi else self.label_en,
            "instrument": self.instrument,
            "citation": self.citation.vi if vi else self.citation.en,
            "provenance": self.provenance.value,
            "value": self.value,
            "valid_from": self.valid_from.isoformat(),
            "valid_until": None if self.valid_until is None else self.valid_until.isoformat(),
            "amendment": self.amendment,
            "supplied_by": self.supplied_by,
            "illustrative": self.illustrative,
            "file": self.file,
        }


@attrs.frozen(slots=True)
class GapReport:
    """The answer of :func:`gaps`."""

    as_of: date
    gaps: tuple[Gap, ...]
    filled: tuple[Filled, ...]
    rulebooks: tuple[str, ...]

    def __iter__(self) -> Iterator[Gap]:
        return iter(self.gaps)

    def __len__(self) -> int:
        return len(self.gaps)

    def find(self, code: str) -> Gap | None:
        """The gap of ``code``, if it is one."""
        return next((g for g in self.gaps if g.code == code), None)

    def instruments(self) -> tuple[str | None, ...]:
        """The instruments named by the gaps, in order of first appearance."""
        return tuple(dict.fromkeys(g.instrument for g in self.gaps))

    def to_dict(self, lang: str = "vi") -> dict[str, Any]:
        """A JSON-ready report."""
        return {
            "as_of": self.as_of.isoformat(),
            "rulebooks": list(self.rulebooks),
            "gaps": [g.to_dict(lang) for g in self.gaps],
            "filled": [f.to_dict(lang) for f in self.filled],
        }

    def table(self, lang: str = "vi") -> str:
        """A readable listing grouped by instrument and reason."""
        from ..l10n.catalog import render

        vi = lang == "vi"
        lines: list[str] = []
        if not self.gaps:
            lines.append(render("gaps.nothing_unknown", {"when": self.as_of}, lang))
        else:
            lines.append(render("gaps.unknown", {"when": self.as_of, "n": len(self.gaps)}, lang))
        groups: dict[tuple[str | None, GapReason], list[Gap]] = {}
        for gap in self.gaps:
            groups.setdefault((gap.instrument, gap.reason), []).append(gap)
        for (instrument, reason), members in groups.items():
            name = instrument or render("dimension.none", None, lang)
            lines.append("")
            lines.append(f"{name} — {reason.vi if vi else reason.en} ({len(members)})")
            for gap in members:
                flag = " *" if gap.uncertain_period else ""
                lines.append(f"  {gap.code}{flag}: {gap.label(lang)}")
                affects = gap.affects_vi if vi else gap.affects_en
                if affects:
                    lines.append(
                        "    " + render("gaps.affects", {"what": "; ".join(affects)}, lang)
                    )
        if any(g.uncertain_period for g in self.gaps):
            lines.append("")
            lines.append(render("gaps.uncertain_period", None, lang))
        if self.filled:
            lines.append("")
            lines.append(render("gaps.filled", {"n": len(self.filled)}, lang))
            for f in self.filled:
                tag = render("gaps.illustrative", None, lang) if f.illustrative else ""
                cite = f.citation.vi if vi else f.citation.en
                lines.append(
                    f"  {f.code} = {f.value} ({cite}; user_supplied: {f.supplied_by}){tag}"
                )
        return "\n".join(lines) + "\n"


def _affects(book: Rulebook, param_code: str, codes: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    """The labels (vi, en) of the results a parameter affects; a support level names its item."""
    item = _ITEMS.get(param_code.split(".", 1)[1]) if "." in param_code else None
    vi: list[str] = []
    en: list[str] = []
    for code in codes:
        label_vi, label_en = book.results.get(code, (code, code))
        if code == "line_support" and item is not None:
            label_vi, label_en = f"{label_vi}: {item.vi}", f"{label_en}: {item.en}"
        vi.append(label_vi)
        en.append(label_en)
    return tuple(vi), tuple(en)


def _uncertain(book: Rulebook, param: Param, as_of: date) -> bool:
    period = book.governing(param.domain, as_of)
    return period is not None and period.uncertain


def _why(
    book: Rulebook, param: Param, found: Resolution, as_of: date
) -> tuple[str | None, GapReason, str, str] | None:
    """The instrument, reason and explanation of a gap, or ``None`` when the value is known."""
    if isinstance(found, NotEncoded):
        document = found.document
        if (
            document is not None
            and document.text is Provenance.OFFICIAL_TEXT
            and all(
                v.start > as_of and v.citation.document != document.number for v in param.values
            )
        ):
            return None  # introduced later by another instrument: not part of the law yet
        if document is None:
            reason = GapReason.NO_INSTRUMENT
        elif document.text is Provenance.OFFICIAL_TEXT:
            amending = book._caveats(document.number, as_of)
            if amending:
                # The text is known, but an amendment in force rewrote this rule.
                return amending[0].document, GapReason.AMENDED, found.reason_vi, found.reason_en
            reason = GapReason.NOT_ENCODED
        else:
            reason = GapReason.TEXT_UNKNOWN
        return found.instrument, reason, found.reason_vi, found.reason_en
    number = found.citation.document
    if found.provenance.value == "convention":
        return (
            number,
            GapReason.CONVENTION,
            *bilingual(
                "gaps.convention" if found.source_vi else "gaps.convention.2",
                {"source": found.source},
            ),
        )
    if found.provenance is Provenance.SECONDARY:
        return (number, GapReason.SECONDARY, *bilingual("gaps.secondary", {"source": found.source}))
    if found.caveats:
        caveat = found.caveats[0]
        return caveat.document, GapReason.AMENDED, caveat.message_vi, caveat.message_en
    return None


def _gap(book: Rulebook, param: Param, found: Resolution, as_of: date) -> Gap | None:
    why = _why(book, param, found, as_of)
    if why is None:
        return None
    instrument, reason, detail_vi, detail_en = why
    codes = book.affected(param.code)
    affects_vi, affects_en = _affects(book, param.code, codes)
    return Gap(
        code=param.code,
        kind="parameter",
        label_vi=param.label_vi,
        label_en=param.label_en,
        instrument=instrument,
        reason=reason,
        detail_vi=detail_vi,
        detail_en=detail_en,
        affects=codes,
        affects_vi=affects_vi,
        affects_en=affects_en,
        rulebook=book.id,
        uncertain_period=_uncertain(book, param, as_of),
    )


def _value_text(found: Resolved) -> str:
    value = found.value
    if isinstance(value, SupportLevel):
        parts = []
        if value.rate is not None:
            parts.append(f"{(value.rate * 100).normalize():f}%")
        if value.cap is not None:
            parts.append(f"cap {int(value.cap):,}".replace(",", "."))
        if value.basis.value != "cost":
            parts.append(value.basis.value)
        return ", ".join(parts)
    return repr(value)


def _filled(book: Rulebook, as_of: date) -> list[Filled]:
    out: list[Filled] = []
    for amendment in book.amendments:
        for code in amendment.codes:
            found = book.resolve(code, as_of)
            if (
                not isinstance(found, Resolved)
                or found.provenance is not Provenance.USER_SUPPLIED
                or found.citation.document != amendment.instrument
            ):
                continue
            param = book.param(code)
            out.append(
                Filled(
                    code=code,
                    label_vi=param.label_vi,
                    label_en=param.label_en,
                    instrument=amendment.instrument,
                    citation=found.citation,
                    provenance=found.provenance,
                    value=_value_text(found),
                    valid_from=found.valid_from,
                    valid_until=found.valid_until,
                    amendment=amendment.id,
                    supplied_by=amendment.supplied_by,
                    illustrative=amendment.illustrative,
                    file=amendment.file,
                )
            )
    return out


def gaps(as_of: date, rulebooks: Rulebook | Iterable[Rulebook] | None = None) -> GapReport:
    """Every parameter and procedural rule not known on ``as_of``, and what loaded national
    amendment rulebooks fill.

    ``rulebooks`` defaults to the built-in national rulebook; give a national rulebook amended
    with :func:`~khuyencong.rulebooks.load_rulebook` to see what is still missing, and
    provinces' overlays to list their gaps too.  A parameter is a gap when it resolves to "not
    encoded", or to a value known only from a secondary source, resting on a convention, or
    whose instrument was amended in ways not known here.  A procedural rule held in Python is a
    gap when the parameter that gates it is not encoded.
    """
    as_of = check_date(as_of, "as_of")
    books = check_rulebooks(rulebooks, "rulebooks") or []
    nationals = [b for b in books if b.kind == "national"]
    main = nationals[0] if nationals else national()
    ordered = [main, *(b for b in books if b.kind != "national")]
    found: list[Gap] = []
    filled: list[Filled] = []
    for book in ordered:
        for code, param in book.params.items():
            gap = _gap(book, param, book.resolve(code, as_of), as_of)
            if gap is not None:
                found.append(gap)
        for rule in book.rules.values():
            gate = book.resolve(rule.gate, as_of)
            if not isinstance(gate, NotEncoded):
                continue
            gate_param = book.param(rule.gate)
            base = _gap(book, gate_param, gate, as_of)
            if base is None:  # pragma: no cover - a not-encoded gate is always a gap
                continue
            affects_vi, affects_en = _affects(book, rule.code, rule.affects)
            found.append(
                attrs.evolve(
                    base,
                    code=rule.code,
                    kind="rule",
                    label_vi=rule.label_vi,
                    label_en=rule.label_en,
                    affects=rule.affects,
                    affects_vi=affects_vi,
                    affects_en=affects_en,
                )
            )
        filled += _filled(book, as_of)
    found.sort(key=lambda g: (g.rulebook != main.id, g.instrument or "~", g.reason, g.code))
    return GapReport(
        as_of=as_of,
        gaps=tuple(found),
        filled=tuple(filled),
        rulebooks=tuple(b.id for b in ordered),
    )
