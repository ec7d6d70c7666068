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
from typing import Any

import attrs
from pydantic import ValidationError

from ..l10n.catalog import Msg
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
    """One problem in a rulebook file: where (file and key) and what.

    ``message`` is the problem in English (``str()``, :class:`~khuyencong.RulebookError`);
    :meth:`text` gives it in either language, from the message catalogue (``rulebook_check.*``,
    and pydantic's errors as :func:`~khuyencong.l10n.render_errors` renders them)."""

    file: str
    key: str
    message: str
    reason: Any = attrs.field(default=None, eq=False, repr=False)
    """What is wrong as a catalogue text (``reason.message(lang)``); ``None``: ``message``."""

    def __str__(self) -> str:
        return f"{self.file}: {self.key}: {self.message}"

    def describe(self, lang: str = "vi") -> str:
        """What is wrong, in ``lang``."""
        return self.message if self.reason is None else str(self.reason.message(lang))

    def text(self, lang: str = "vi") -> str:
        """ "file: key: what is wrong", in ``lang``."""
        return f"{self.file}: {self.key}: {self.describe(lang)}"

    @classmethod
    def of(cls, file: str, key: str, code: str, /, **params: Any) -> Problem:
        """The problem ``rulebook_check.<code>`` of the message catalogue, with ``params``."""
        reason = Msg(f"rulebook_check.{code}", params)
        return cls(file, key, reason.message("en"), reason)


class _Collector:
    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def add(self, key: str, code: str, /, **params: Any) -> None:
        """The problem ``rulebook_check.<code>`` at ``key``."""
        self.problems.append(Problem.of(self.file, key, code, **params))

    def error(self, key: str, error: Mapping[str, Any]) -> None:
        """A pydantic error (of ``ValidationError.errors()``) at ``key``."""
        from ..l10n.errors import FieldError

        reason = FieldError.of(error, loc=())
        self.problems.append(Problem(self.file, key, reason.message("en"), reason))


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
        out.add("(file)", "not_toml", error=str(exc))
        return None
    except (OSError, UnicodeDecodeError) as exc:
        out.add("(file)", "cannot_read", error=str(exc))
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
            out.error(_key(loc), error)
        return None


def _percent(text: str | None, key: str, out: _Collector) -> Decimal | None:
    if text is None:
        return None
    match = _PERCENT.match(text)
    if not match:
        out.add(key, "not_percentage", value=repr(text))
        return None
    value = Decimal(match.group(1).replace(",", ".")) / 100
    if value < 0 or value > 1:
        out.add(key, "percentage_range", value=repr(text))
        return None
    return value


def _payload(param: ParamSpec, spec: ValueSpec, key: str, out: _Collector) -> Payload | None:
    kind = param.type
    if kind is ParamType.SUPPORT:
        if spec.value is not None:
            out.add(f"{key}.value", "support_value")
        rate = _percent(spec.rate, f"{key}.rate", out)
        if spec.cap is not None and spec.cap < 0:
            out.add(f"{key}.cap", "negative_cap", cap=str(spec.cap))
            return None
        if spec.rate is None and spec.cap is None and spec.basis.value == "cost":
            out.add(key, "support_empty")
        cap = None if spec.cap is None else Decimal(spec.cap)
        return SupportLevel(rate=rate, cap=cap, per=param.per, basis=spec.basis)
    if spec.rate is not None or spec.cap is not None:
        out.add(key, "rate_cap_not_support", kind=kind.value)
    value = spec.value
    if value is None:
        out.add(f"{key}.value", "value_missing", kind=kind.value)
        return None
    if kind is ParamType.RATIO:
        return _percent(value if isinstance(value, str) else repr(value), f"{key}.value", out)
    if kind is ParamType.FACTOR:
        try:
            factor = Decimal(str(value)) if isinstance(value, str | int) else None
        except InvalidOperation:
            factor = None
        if factor is None or factor <= 0 or not factor.is_finite():
            out.add(f"{key}.value", "not_factor", value=repr(value))
            return None
        return factor
    if kind in (ParamType.MONEY, ParamType.COUNT):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            out.add(f"{key}.value", "not_whole", value=repr(value))
            return None
        return Decimal(value) if kind is ParamType.MONEY else value
    if kind is ParamType.MONTH_DAY:
        match = _MONTH_DAY.match(value) if isinstance(value, str) else None
        if match is None:
            out.add(f"{key}.value", "not_month_day", value=repr(value))
            return None
        month, day = int(match.group(1)), int(match.group(2))
        try:
            date(2000, month, day)
        except ValueError:
            out.add(f"{key}.value", "not_a_day", value=repr(value))
            return None
        return (month, day)
    if kind is ParamType.CODES:
        if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
            out.add(f"{key}.value", "not_codes")
            return None
        return tuple(value)
    if kind is ParamType.TABLE:
        if not isinstance(value, dict) or not all(
            isinstance(v, list) and all(isinstance(x, str) for x in v) for v in value.values()
        ):
            out.add(f"{key}.value", "not_table")
            return None
        return freeze_table({k: tuple(v) for k, v in value.items()})
    if kind is ParamType.FLAG:
        if not isinstance(value, bool):
            out.add(f"{key}.value", "not_flag", value=repr(value))
            return None
        return value
    if not isinstance(value, str):
        out.add(f"{key}.value", "not_text", value=repr(value))
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
        out.add("meta", "meta_missing" if not metas else "meta_twice")
        return None
    meta = metas[0]
    if meta.kind == "provincial" and not meta.province:
        out.add("meta.province", "province_missing")

    documents: dict[str, LegalDocument] = dict(base_documents)
    for name, part in files:
        for i, document in enumerate(part.documents):
            if document.number in documents and document.number not in base_documents:
                out.add(f"documents[{i}]", "document_twice", document=document.number, file=name)
            documents[document.number] = document

    domains: dict[str, tuple[DomainPeriod, ...]] = {}
    labels: dict[str, tuple[str, str]] = {}
    for _name, part in files:
        for domain, spec in part.domains.items():
            key = f"domains.{domain}"
            if domain in domains:
                out.add(key, "domain_twice")
            periods = []
            for i, p in enumerate(spec.periods):
                if p.document not in documents:
                    out.add(f"{key}.periods[{i}].document", "unknown_document", document=p.document)
                if p.from_ is not None and p.until is not None and p.until <= p.from_:
                    out.add(f"{key}.periods[{i}]", "until_before_from")
                periods.append(DomainPeriod(p.document, p.from_, p.until, p.uncertain))
            ordered = sorted(periods, key=lambda p: p.start or date.min)
            for a, b in itertools.pairwise(ordered):
                if a.end is None or (b.start is not None and a.end > b.start):
                    out.add(key, "periods_overlap", first=a.document, second=b.document)
            domains[domain] = tuple(ordered)
            labels[domain] = (spec.label_vi, spec.label_en)

    params: dict[str, Param] = {}
    for _name, part in files:
        for code, pspec in part.params.items():
            key = f'params."{code}"'
            if code in params:
                out.add(key, "parameter_twice")
                continue
            if is_support_code(code):
                if code not in SUPPORT_ITEM:
                    out.add(key, "unknown_item", item=repr(code.partition(".")[2]))
                if pspec.type is not ParamType.SUPPORT:
                    out.add(f"{key}.type", "support_type")
            if pspec.domain not in domains:
                out.add(f"{key}.domain", "unknown_domain", domain=repr(pspec.domain))
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
                out.add(f"results.{code}", "result_twice")
            results[code] = (result.label_vi, result.label_en)
        for prefix, codes in part.affects.items():
            if prefix in affects:
                out.add(f'affects."{prefix}"', "prefix_twice")
            affects[prefix] = tuple(codes)
        for code, spec in part.rules.items():
            key = f'rules."{code}"'
            if code in rules:
                out.add(key, "rule_twice")
            if spec.gate not in params:
                out.add(f"{key}.gate", "unknown_parameter", code=repr(spec.gate))
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
                out.add(key, "unknown_result", code=repr(code))
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
        out.add(f"{key}.values", "no_values")
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
            out.add(f"{vkey}.citation.document", "unknown_document", document=v.citation.document)
        elif document.effective_from is not None and v.from_ < document.effective_from:
            out.add(
                f"{vkey}.from",
                "before_effective",
                start=v.from_,
                document=v.citation.document,
                effective=document.effective_from,
            )
        if v.provenance is Provenance.SECONDARY and not v.source_vi.strip():
            out.add(f"{vkey}.source_vi", "secondary_source")
        if v.until is not None and v.until <= v.from_:
            out.add(f"{vkey}.until", "until_before_from")
        payload = _payload(spec, v, vkey, out)
        ends = [v.until] if v.until is not None else []
        if position + 1 < len(order):
            following = spec.values[order[position + 1]]
            if v.until is not None and v.until > following.from_:
                out.add(vkey, "overlaps_next", start=following.from_)
            if following.from_ == v.from_:
                out.add(vkey, "same_start", start=v.from_)
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
                    source_vi=v.source_vi,
                    source_en=v.source_en,
                    note_vi=v.note_vi,
                    note_en=v.note_en,
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
