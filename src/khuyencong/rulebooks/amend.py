"""National amendment rulebooks: the values of a national instrument the built-in data knows only
by name (Thông tư 28/2018/TT-BTC, Thông tư 17/2018/TT-BCT...), supplied by whoever holds its text.

A file of kind ``national_amendment`` names its instrument (``meta.instrument``; an
``[instrument]`` table declares it when the registry does not know it, or completes the dates the
registry lacks) and gives dated values for parameter codes of the built-in rulebook, each with
its clause and provenance ``user_supplied``.  Merged into the built-in national rulebook it fills
exactly the gaps of its instrument's period:

* a parameter whose domain the instrument does not govern, or a value outside the instrument's
  period, is refused;
* a value the built-in rulebook holds from the official text is never changed (refused, naming
  the file, the key and the clause it would change) — except, from the amendment's effective
  date, by the instrument that amends that text (NĐ 235/2025 for NĐ 45/2012, TT 20/2017 for
  TT 46/2012): there the built-in value is already flagged "amended, wording not known" and the
  supplied value takes over; a value the built-in rulebook knows only from a secondary summary of
  the same instrument is replaced by the supplied one;
* two amendments giving the same parameter for overlapping dates are refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import attrs
from pydantic import ValidationError

from ..l10n.catalog import Msg, Text, bilingual
from ..schemas.citation import Citation, LegalDocument, Provenance, number_year
from .compiler import (
    Problem,
    _Collector,
    _compile,
    _payload,
)
from .core import Amendment, DomainPeriod, Param, Rulebook
from .loader import national
from .model import (
    AmendmentFile,
    AmendmentValueSpec,
    DomainPeriodSpec,
    ParamSpec,
    ParamType,
    ValueSpec,
)
from .periods import _national_file, _overlaps, _show, governed_periods

__all__ = ["amend", "governed_periods"]

_NOT_FILLED = "not_filled"
"""The problem of a slot left empty (``rulebook_check.not_filled``: "not filled in")."""


@attrs.define
class _Merge:
    """The built-in national rulebook being amended, as data."""

    documents: dict[str, LegalDocument]
    domains: dict[str, list[DomainPeriodSpec]]
    params: dict[str, ParamSpec]
    covered: dict[str, list[tuple[date, date | None, str, str]]]
    """code → (start, end, file, key) of every value the amendments give."""


def _declare(merge: _Merge, af: AmendmentFile, instrument: str, out: _Collector) -> None:
    """Add or complete the instrument in the registry; a new instrument replacing another takes
    over the domains that one governs from its effective date."""
    known = merge.documents.get(instrument)
    spec = af.instrument
    if spec is None:
        if known is None:
            out.add("meta.instrument", "unknown_instrument", instrument=instrument)
        return
    for field in ("issued_on", "effective_from"):
        if getattr(spec, field) == "":
            out.add(f"instrument.{field}", _NOT_FILLED)
    try:
        decl = LegalDocument(
            number=spec.number,
            title_vi=spec.title_vi,
            title_en=spec.title_en,
            issuer=spec.issuer,
            issued_on=spec.issued_on or None,
            effective_from=spec.effective_from or None,
            replaces=spec.replaces,
            source=spec.source or f"declared in {out.file}",
        )
    except ValidationError as exc:
        for error in exc.errors():
            out.error(f"instrument.{'.'.join(str(p) for p in error['loc'])}", error)
        return
    if decl.number != instrument:
        out.add(
            "instrument.number", "not_meta_instrument", number=decl.number, instrument=instrument
        )
        return
    if known is not None:
        if decl.replaces and set(decl.replaces) != set(known.replaces):
            out.add(
                "instrument.replaces",
                "registry_replaces",
                instrument=instrument,
                replaces=", ".join(known.replaces) or Msg("word.nothing"),
            )
        update: dict[str, Any] = {}
        for field in ("issued_on", "effective_from"):
            mine, theirs = getattr(known, field), getattr(decl, field)
            if theirs is None:
                continue
            if mine is not None and mine != theirs:
                out.add(f"instrument.{field}", "registry_knows", mine=mine, theirs=theirs)
            elif mine is None:
                update[field] = theirs
        merge.documents[instrument] = known.model_copy(update=update)
        return
    if decl.effective_from is None:
        out.add("instrument.effective_from", "effective_missing")
        return
    merge.documents[instrument] = decl
    for replaced in decl.replaces:
        old = merge.documents.get(replaced)
        if old is None:
            out.add("instrument.replaces", "unknown_replaced", instrument=replaced)
            continue
        taken = False
        for periods in merge.domains.values():
            for i, period in enumerate(periods):
                if period.document == replaced and period.until is None:
                    if period.from_ is not None and period.from_ >= decl.effective_from:
                        out.add(
                            "instrument.effective_from",
                            "before_replaced",
                            effective=decl.effective_from,
                            replaced=replaced,
                        )
                        continue
                    periods[i] = period.model_copy(update={"until": decl.effective_from})
                    periods.append(
                        DomainPeriodSpec.model_validate(
                            {"document": instrument, "from": decl.effective_from}
                        )
                    )
                    taken = True
                    break
        if not taken:
            out.add("instrument.replaces", "governs_nothing", replaced=replaced)
        merge.documents[replaced] = old.model_copy(
            update={"replaced_by": instrument, "replaced_on": decl.effective_from}
        )


def _amended_on(
    merge: _Merge, document: str, instrument: str, fallback: date | None = None
) -> date | None:
    """The date from which ``instrument`` amends ``document`` (from the registry, else the
    instrument's declared effective date), or ``None`` when it does not amend it."""
    held = merge.documents.get(document)
    if held is None:
        return None
    for amendment in held.amended_by:
        if amendment.document == instrument:
            if amendment.effective_from is not None:
                return amendment.effective_from
            own = merge.documents.get(instrument)
            return (own.effective_from if own is not None else None) or fallback
    return None


def _when(day: date | None) -> date | str:
    """A date shown in the language of the message (``…``: open-ended)."""
    return "…" if day is None else day


def _slot(value: object, key: str, out: _Collector) -> Any:
    if value == "":
        out.add(key, _NOT_FILLED)
        return None
    return value


def _citation(v: AmendmentValueSpec, instrument: str, key: str, out: _Collector) -> Citation | None:
    spec = v.citation
    document = spec.document or instrument
    if document != instrument:
        out.add(f"{key}.document", "cite_instrument", instrument=instrument)
    parts = {
        name: _slot(getattr(spec, name), f"{key}.{name}", out)
        for name in ("article", "clause", "paragraph", "dash")
    }
    point = _slot(spec.point, f"{key}.point", out)
    if spec.article is None:
        out.add(f"{key}.article", "cite_article")
    try:
        return Citation(document=instrument, point=point, **parts)
    except ValidationError as exc:
        for error in exc.errors():
            out.error(f"{key}.{'.'.join(str(p) for p in error['loc'])}", error)
        return None


def _value_spec(
    v: AmendmentValueSpec,
    param: Param,
    citation: Citation,
    source: tuple[str, str],
    key: str,
    out: _Collector,
) -> ValueSpec | None:
    rate = _slot(v.rate, f"{key}.rate", out)
    cap = _slot(v.cap, f"{key}.cap", out)
    value = _slot(v.value, f"{key}.value", out)
    if isinstance(cap, str):
        out.add(f"{key}.cap", "cap_not_whole", cap=repr(cap))
        return None
    if param.type is ParamType.SUPPORT and value is not None:
        out.add(f"{key}.value", "support_value")
    try:
        return ValueSpec.model_validate(
            {
                "from": v.from_,
                "until": v.until,
                "citation": citation,
                "provenance": Provenance.USER_SUPPLIED,
                "source_vi": source[0],
                "source_en": source[1],
                "note_vi": v.note_vi,
                "note_en": v.note_en,
                "value": value,
                "rate": rate,
                "cap": cap,
                "basis": v.basis,
            }
        )
    except ValidationError as exc:
        for error in exc.errors():
            out.error(f"{key}.{'.'.join(str(p) for p in error['loc'])}", error)
        return None


def _fill(merge: _Merge, base: Rulebook, name: str, af: AmendmentFile, out: _Collector) -> None:
    """Check one amendment's values against the built-in rulebook and add them."""
    meta = af.meta
    instrument = meta.instrument or ""
    if not meta.supplied_by.strip():
        out.add("meta.supplied_by", "supplied_by")
    source = bilingual(
        "rulebook.amendment_source",
        {
            "who": meta.supplied_by or "?",
            "title": Text(meta.title_vi, meta.title_en),
            "file": name,
            "illustrative": Msg("rulebook.illustrative") if meta.illustrative else "",
        },
    )
    view = Rulebook(
        id="view",
        title_vi="",
        title_en="",
        kind="national",
        province=None,
        illustrative=False,
        documents=merge.documents,
        domains={
            d: tuple(DomainPeriod(p.document, p.from_, p.until, p.uncertain) for p in ps)
            for d, ps in merge.domains.items()
        },
        domain_labels={},
        params={},
    )
    # A template's empty effective date is reported already; read the values meanwhile as from
    # 1 January of the instrument's year, so that their own empty slots are reported too.
    year = number_year(instrument)
    pending = af.instrument is not None and af.instrument.effective_from == ""
    fallback = date(year, 1, 1) if pending and year is not None else None
    spans = governed_periods(view, instrument, fallback=fallback)
    document = merge.documents.get(instrument)
    effective = None if document is None else document.effective_from
    for code, pspec in af.params.items():
        key = f'params."{code}"'
        if code not in base.params:
            out.add(key, "no_such_parameter", code=repr(code))
            continue
        param = base.params[code]
        periods = spans.get(param.domain, ())
        if not periods:
            governing = ", ".join(p.document for p in base.domains.get(param.domain, ()))
            out.add(
                key,
                "not_governed",
                instrument=instrument,
                label=Text(param.label_vi, param.label_en),
                domain=param.domain,
                governing=governing,
            )
            continue
        if not pspec.values:
            out.add(f"{key}.values", "give_value")
        replaced: set[date] = set()
        cuts: dict[date, date] = {}
        added: list[ValueSpec] = []
        for i, v in enumerate(pspec.values):
            vkey = f"{key}.values[{i}]"
            before = len(out.problems)
            if v.provenance != Provenance.USER_SUPPLIED.value:
                out.add(f"{vkey}.provenance", "user_supplied")
            start = v.from_
            inside = [
                (p0, p1)
                for p0, p1 in periods
                if (p0 is None or p0 <= start)
                and (p1 is None or start < p1)
                and (v.until is None or p1 is None or v.until <= p1)
            ]
            if not inside:
                where = "; ".join(f"{_show(p0)} – {_show(p1)}" for p0, p1 in periods)
                out.add(
                    f"{vkey}.from",
                    "outside_period",
                    start=start,
                    until=_when(v.until),
                    instrument=instrument,
                    label=Text(param.label_vi, param.label_en),
                    where=where,
                )
            elif effective is not None and start < effective:
                out.add(
                    f"{vkey}.from",
                    "before_effective",
                    start=start,
                    document=instrument,
                    effective=effective,
                )
            end = v.until if v.until is not None or not inside else inside[0][1]
            for held in param.values:
                if not _overlaps(start, end, held.start, held.end):
                    continue
                if held.provenance in _GIVES_WAY and held.citation.document == instrument:
                    replaced.add(held.start)
                    continue
                amended_on = _amended_on(merge, held.citation.document, instrument, fallback)
                if (
                    held.provenance is Provenance.OFFICIAL_TEXT
                    and amended_on is not None
                    and held.start < start
                    and amended_on <= start
                ):
                    # The instrument amends the text this value comes from: from the amendment's
                    # date the built-in value carries "amended, wording not known", and the
                    # supplied value takes over.
                    cuts[held.start] = min(start, cuts.get(held.start, start))
                    continue
                if held.provenance is Provenance.OFFICIAL_TEXT:
                    out.add(
                        vkey,
                        "official_text",
                        label=Text(param.label_vi, param.label_en),
                        citation=Text(held.citation.vi, f"{held.citation.vi} ({held.citation.en})"),
                        start=held.start,
                        end=_when(held.end),
                    )
                else:
                    out.add(
                        vkey,
                        "overlaps_held",
                        label=Text(param.label_vi, param.label_en),
                        start=held.start,
                        citation=held.citation,
                        provenance=held.provenance.value,
                    )
            for c0, c1, other, okey in merge.covered.get(code, []):
                if other == name and _overlaps(start, end, c0, c1):
                    out.add(vkey, "overlaps_own", other=okey, start=c0, end=_when(c1))
                elif _overlaps(start, end, c0, c1):
                    out.add(
                        vkey,
                        "two_amendments",
                        code=code,
                        start=start,
                        end=_when(end),
                        file=other,
                        other=okey,
                        other_start=c0,
                        other_end=_when(c1),
                    )
            merge.covered.setdefault(code, []).append((start, end, name, vkey))
            citation = _citation(v, instrument, f"{vkey}.citation", out)
            if citation is None:
                continue
            spec = _value_spec(v, param, citation, source, vkey, out)
            if spec is None or len(out.problems) > before:
                continue  # the value's own problems are listed; its payload is not read
            if _payload(merge.params[code], spec, vkey, out) is not None:
                added.append(spec)
        current = merge.params[code]
        kept = tuple(
            value.model_copy(update={"until": cuts[value.from_]})
            if value.provenance is Provenance.OFFICIAL_TEXT and value.from_ in cuts
            else value
            for value in current.values
            if not (
                value.provenance in _GIVES_WAY
                and value.citation.document == instrument
                and value.from_ in replaced
            )
        )
        merge.params[code] = current.model_copy(update={"values": kept + tuple(added)})


_GIVES_WAY = frozenset({Provenance.SECONDARY, Provenance.CONVENTION})
"""Built-in values of the amending instrument that a supplied value replaces: those known only
from a secondary summary, and the library's conventions about it (e.g. when TT 17/2018/TT-BCT
took over from TT 36/2013/TT-BCT)."""


def amend(files: Sequence[tuple[str, AmendmentFile]]) -> tuple[Rulebook | None, list[Problem]]:
    """The built-in national rulebook with the values of national amendment rulebooks, or the
    problems that refuse them (by file and key)."""
    base = national()
    whole = _national_file()
    merge = _Merge(
        documents=dict(base.documents),
        domains={d: list(spec.periods) for d, spec in whole.domains.items()},
        params=dict(whole.params),
        covered={},
    )
    problems: list[Problem] = []
    for name, af in files:
        out = _Collector(name)
        meta = af.meta
        if not meta.instrument:
            out.add("meta.instrument", "instrument_missing")
        else:
            _declare(merge, af, meta.instrument, out)
            _fill(merge, base, name, af, out)
        problems += out.problems
    if problems:
        return None, problems
    merged = whole.model_copy(
        update={
            "documents": tuple(merge.documents.values()),
            "domains": {
                d: whole.domains[d].model_copy(update={"periods": tuple(ps)})
                for d, ps in merge.domains.items()
            },
            "params": merge.params,
        }
    )
    out = _Collector(", ".join(name for name, _ in files))
    compiled = _compile([("national", merged)], {}, out)
    if compiled is None:
        return None, out.problems
    amendments = tuple(
        Amendment(
            id=af.meta.id,
            title_vi=af.meta.title_vi,
            title_en=af.meta.title_en,
            instrument=af.meta.instrument or "",
            supplied_by=af.meta.supplied_by,
            illustrative=af.meta.illustrative,
            file=name,
            codes=tuple(af.params),
        )
        for name, af in files
    )
    rulebook = attrs.evolve(
        compiled,
        id="+".join([base.id, *(a.id for a in amendments)]),
        title_vi=" + ".join([base.title_vi, *(a.title_vi for a in amendments)]),
        title_en=" + ".join([base.title_en, *(a.title_en for a in amendments)]),
        illustrative=any(a.illustrative for a in amendments),
        sources=base.sources + tuple(name for name, _ in files),
        amendments=amendments,
    )
    return rulebook, []
