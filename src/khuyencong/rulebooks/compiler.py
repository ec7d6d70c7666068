"""Compiling rulebook files: validating each parameter's values and collecting every problem of a
file (moved from ``loader.py``)."""

from __future__ import annotations

import itertools
import re
import tomllib
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

import attrs
from pydantic import ValidationError

from ..schemas.citation import LegalDocument, Provenance
from .codes import SUPPORT_ITEM, is_support_code
from .core import (
    DomainPeriod,
    FrozenDict,
    Param,
    ParamValue,
    Payload,
    Rulebook,
    RuleEntry,
    SupportLevel,
    freeze_table,
)
from .model import AmendmentFile, ParamSpec, ParamType, RulebookFile, ValueSpec

__all__ = ["Problem"]

_PERCENT = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*%\s*$")
_MONTH_DAY = re.compile(r"^(\d{2})-(\d{2})$")


@attrs.frozen(slots=True)
class Problem:
    """One problem in a rulebook file: where (file and key) and what."""

    file: str
    key: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.key}: {self.message}"


class _Collector:
    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def add(self, key: str, message: str) -> None:
        self.problems.append(Problem(self.file, key, message))


def _key(loc: Sequence[int | str]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            text = part if re.fullmatch(r"[A-Za-z0-9_-]+", part) else f'"{part}"'
            out += ("." if out else "") + text
    return out or "(file)"


def _parse_file(
    path: Path | str, text: str | None, out: _Collector
) -> RulebookFile | AmendmentFile | None:
    try:
        raw = (
            tomllib.loads(text)
            if text is not None
            else tomllib.loads(Path(path).read_text("utf-8"))
        )
    except tomllib.TOMLDecodeError as exc:
        out.add("(file)", f"not valid TOML: {exc}")
        return None
    except (OSError, UnicodeDecodeError) as exc:
        out.add("(file)", f"cannot be read: {exc}")
        return None
    meta = raw.get("meta")
    model: type[RulebookFile] | type[AmendmentFile] = (
        AmendmentFile
        if isinstance(meta, dict) and meta.get("kind") == "national_amendment"
        else RulebookFile
    )
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        for error in exc.errors():
            loc = [p if not (isinstance(p, str) and p == "from_") else "from" for p in error["loc"]]
            out.add(_key(loc), error["msg"])
        return None


def _percent(text: str | None, key: str, out: _Collector) -> Decimal | None:
    if text is None:
        return None
    match = _PERCENT.match(text)
    if not match:
        out.add(key, f"{text!r} is not a percentage such as '30%'")
        return None
    value = Decimal(match.group(1).replace(",", ".")) / 100
    if value < 0 or value > 1:
        out.add(key, f"{text!r} is outside 0 % to 100 %")
        return None
    return value


def _payload(param: ParamSpec, spec: ValueSpec, key: str, out: _Collector) -> Payload | None:
    kind = param.type
    if kind is ParamType.SUPPORT:
        if spec.value is not None:
            out.add(f"{key}.value", "a support level is given with 'rate', 'cap' and 'basis'")
        rate = _percent(spec.rate, f"{key}.rate", out)
        if spec.cap is not None and spec.cap < 0:
            out.add(f"{key}.cap", f"a cap cannot be negative ({spec.cap})")
            return None
        if spec.rate is None and spec.cap is None and spec.basis.value == "cost":
            out.add(key, "a support level needs a rate, a cap or a non-cost basis")
        cap = None if spec.cap is None else Decimal(spec.cap)
        return SupportLevel(rate=rate, cap=cap, per=param.per, basis=spec.basis)
    if spec.rate is not None or spec.cap is not None:
        out.add(key, f"'rate' and 'cap' belong to support levels, not to a {kind.value}")
    value = spec.value
    if value is None:
        out.add(f"{key}.value", f"a {kind.value} parameter needs a 'value'")
        return None
    if kind is ParamType.RATIO:
        return _percent(value if isinstance(value, str) else repr(value), f"{key}.value", out)
    if kind is ParamType.FACTOR:
        try:
            factor = Decimal(str(value)) if isinstance(value, str | int) else None
        except InvalidOperation:
            factor = None
        if factor is None or factor <= 0 or not factor.is_finite():
            out.add(f"{key}.value", f"{value!r} is not a positive factor such as '1.5'")
            return None
        return factor
    if kind in (ParamType.MONEY, ParamType.COUNT):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            out.add(f"{key}.value", f"{value!r} is not a non-negative whole number")
            return None
        return Decimal(value) if kind is ParamType.MONEY else value
    if kind is ParamType.MONTH_DAY:
        match = _MONTH_DAY.match(value) if isinstance(value, str) else None
        if match is None:
            out.add(f"{key}.value", f"{value!r} is not a day of the year such as '05-20'")
            return None
        month, day = int(match.group(1)), int(match.group(2))
        try:
            date(2000, month, day)
        except ValueError:
            out.add(f"{key}.value", f"{value!r} is not a day of the year")
            return None
        return (month, day)
    if kind is ParamType.CODES:
        if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
            out.add(f"{key}.value", "a codes parameter is a list of strings")
            return None
        return tuple(value)
    if kind is ParamType.TABLE:
        if not isinstance(value, dict) or not all(
            isinstance(v, list) and all(isinstance(x, str) for x in v) for v in value.values()
        ):
            out.add(f"{key}.value", "a table parameter maps names to lists of strings")
            return None
        return freeze_table({k: tuple(v) for k, v in value.items()})
    if kind is ParamType.FLAG:
        if not isinstance(value, bool):
            out.add(f"{key}.value", f"{value!r} is not true or false")
            return None
        return value
    if not isinstance(value, str):
        out.add(f"{key}.value", f"{value!r} is not a text")
        return None
    return value


def _compile(
    files: Sequence[tuple[str, RulebookFile]],
    base_documents: Mapping[str, LegalDocument],
    out: _Collector,
) -> Rulebook | None:
    """Merge parsed files into one rulebook, checking everything that crosses keys."""
    metas = [f.meta for _, f in files if f.meta is not None]
    if len(metas) != 1:
        out.add(
            "meta", "exactly one [meta] table is required" if not metas else "[meta] is given twice"
        )
        return None
    meta = metas[0]
    if meta.kind == "provincial" and not meta.province:
        out.add("meta.province", "a provincial rulebook names its province")

    documents: dict[str, LegalDocument] = dict(base_documents)
    for name, part in files:
        for i, document in enumerate(part.documents):
            if document.number in documents and document.number not in base_documents:
                out.add(f"documents[{i}]", f"document {document.number} is declared twice ({name})")
            documents[document.number] = document

    domains: dict[str, tuple[DomainPeriod, ...]] = {}
    labels: dict[str, tuple[str, str]] = {}
    for _name, part in files:
        for domain, spec in part.domains.items():
            key = f"domains.{domain}"
            if domain in domains:
                out.add(key, "domain is declared twice")
            periods = []
            for i, p in enumerate(spec.periods):
                if p.document not in documents:
                    out.add(f"{key}.periods[{i}].document", f"unknown document {p.document}")
                if p.from_ is not None and p.until is not None and p.until <= p.from_:
                    out.add(f"{key}.periods[{i}]", "'until' must come after 'from'")
                periods.append(DomainPeriod(p.document, p.from_, p.until, p.uncertain))
            ordered = sorted(periods, key=lambda p: p.start or date.min)
            for a, b in itertools.pairwise(ordered):
                if a.end is None or (b.start is not None and a.end > b.start):
                    out.add(key, f"periods of {a.document} and {b.document} overlap")
            domains[domain] = tuple(ordered)
            labels[domain] = (spec.label_vi, spec.label_en)

    params: dict[str, Param] = {}
    for _name, part in files:
        for code, pspec in part.params.items():
            key = f'params."{code}"'
            if code in params:
                out.add(key, "parameter is declared twice")
                continue
            if is_support_code(code):
                if code not in SUPPORT_ITEM:
                    out.add(key, f"unknown support item code {code.partition('.')[2]!r}")
                if pspec.type is not ParamType.SUPPORT:
                    out.add(f"{key}.type", "parameters named support.<item> are support levels")
            if pspec.domain not in domains:
                out.add(f"{key}.domain", f"unknown domain {pspec.domain!r}")
            compiled = _compile_values(code, pspec, key, documents, domains, out)
            if compiled is not None:
                params[code] = compiled

    rules, results, affects = _compile_registry(files, params, out)

    if out.problems:
        return None
    return Rulebook(
        id=meta.id,
        title_vi=meta.title_vi,
        title_en=meta.title_en,
        kind=meta.kind,
        province=meta.province,
        illustrative=meta.illustrative,
        documents=FrozenDict(documents),
        domains=FrozenDict(domains),
        domain_labels=FrozenDict(labels),
        params=FrozenDict(params),
        sources=tuple(name for name, _ in files),
        rules=FrozenDict(rules),
        results=FrozenDict(results),
        affects=FrozenDict(affects),
    )


def _compile_registry(
    files: Sequence[tuple[str, RulebookFile]], params: Mapping[str, Param], out: _Collector
) -> tuple[dict[str, RuleEntry], dict[str, tuple[str, str]], dict[str, tuple[str, ...]]]:
    """The procedural rules held in Python, the kinds of result, and which parameters affect
    which results; every name they use must exist."""
    rules: dict[str, RuleEntry] = {}
    results: dict[str, tuple[str, str]] = {}
    affects: dict[str, tuple[str, ...]] = {}
    for _name, part in files:
        for code, result in part.results.items():
            if code in results:
                out.add(f"results.{code}", "result is declared twice")
            results[code] = (result.label_vi, result.label_en)
        for prefix, codes in part.affects.items():
            if prefix in affects:
                out.add(f'affects."{prefix}"', "prefix is declared twice")
            affects[prefix] = tuple(codes)
        for code, spec in part.rules.items():
            key = f'rules."{code}"'
            if code in rules:
                out.add(key, "rule is declared twice")
            if spec.gate not in params:
                out.add(f"{key}.gate", f"unknown parameter {spec.gate!r}")
            rules[code] = RuleEntry(
                code=code,
                label_vi=spec.label_vi,
                label_en=spec.label_en,
                gate=spec.gate,
                implemented_by=spec.implemented_by,
                citation=spec.citation,
                affects=spec.affects,
            )
    named = [(f'affects."{p}"', c) for p, c in affects.items()]
    named += [(f'rules."{r.code}".affects', r.affects) for r in rules.values()]
    for key, codes in named:
        for code in codes:
            if code not in results:
                out.add(key, f"unknown result {code!r}")
    return rules, results, affects


def _compile_values(
    code: str,
    spec: ParamSpec,
    key: str,
    documents: Mapping[str, LegalDocument],
    domains: Mapping[str, tuple[DomainPeriod, ...]],
    out: _Collector,
) -> Param | None:
    if not spec.values:
        out.add(f"{key}.values", "a parameter needs at least one value")
        return None
    before = len(out.problems)
    order = sorted(range(len(spec.values)), key=lambda i: spec.values[i].from_)
    periods = domains.get(spec.domain, ())
    values: list[ParamValue] = []
    for position, i in enumerate(order):
        v = spec.values[i]
        vkey = f"{key}.values[{i}]"
        document = documents.get(v.citation.document)
        if document is None:
            out.add(f"{vkey}.citation.document", f"unknown document {v.citation.document}")
        elif document.effective_from is not None and v.from_ < document.effective_from:
            out.add(
                f"{vkey}.from",
                f"{v.from_} is before {v.citation.document} took effect "
                f"({document.effective_from})",
            )
        if v.provenance is Provenance.SECONDARY and not v.source.strip():
            out.add(f"{vkey}.source", "a value from a secondary source names that source")
        if v.until is not None and v.until <= v.from_:
            out.add(f"{vkey}.until", "'until' must come after 'from'")
        payload = _payload(spec, v, vkey, out)
        ends = [v.until] if v.until is not None else []
        if position + 1 < len(order):
            following = spec.values[order[position + 1]]
            if v.until is not None and v.until > following.from_:
                out.add(vkey, f"overlaps the value from {following.from_}")
            if following.from_ == v.from_:
                out.add(vkey, f"two values start on {v.from_}")
            ends.append(following.from_)
        ends.extend(
            p.end for p in periods if p.document == v.citation.document and p.end is not None
        )
        if payload is not None:
            values.append(
                ParamValue(
                    start=v.from_,
                    end=min(ends) if ends else None,
                    value=payload,
                    citation=v.citation,
                    provenance=v.provenance,
                    source=v.source,
                    note=v.note,
                )
            )
    if len(out.problems) > before:
        return None
    return Param(
        code=code,
        type=spec.type,
        label_vi=spec.label_vi,
        label_en=spec.label_en,
        domain=spec.domain,
        per=spec.per,
        unit=spec.unit,
        values=tuple(values),
        starts=tuple(v.start for v in values),
    )


# -- public entry points -----------------------------------------------------------------
