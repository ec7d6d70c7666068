"""``khuyencong assess`` and ``explain``: one proposal, as text for a person or as JSON."""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from ..rules import Assessment
    from ..schemas import Proposal
from .common import EXIT_FINDINGS, EXIT_OK, _InputError, _rulebooks
from .terminal import fit as _fit


def _load_proposal(name: str, lang: str = "vi") -> Proposal:
    """Read a Proposal from a JSON file (``-`` for stdin); every problem is an :class:`_InputError`
    with a plain message in ``lang``, pydantic's errors listed by their path in words."""
    from pydantic import ValidationError

    from ..l10n.catalog import render as _t
    from ..l10n.errors import render_errors
    from ..schemas import Proposal

    if name == "-":
        text = sys.stdin.read()
    else:
        try:
            text = Path(name).read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise _InputError(_t("cli.no_such_file", {"name": name}, lang)) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise _InputError(
                _t("cli.cannot_read", {"name": name, "reason": str(exc)}, lang)
            ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        where = {"name": name, "reason": exc.msg, "line": exc.lineno, "column": exc.colno}
        raise _InputError(_t("cli.not_json", where, lang)) from None
    try:
        return Proposal.model_validate(data)
    except ValidationError as exc:
        lines = [_t("cli.invalid_proposal", {"name": name, "n": exc.error_count()}, lang)]
        lines += [f"  {text}" for text in render_errors(exc, lang)]
        raise _InputError("\n".join(lines)) from None


def _assessment(args: argparse.Namespace) -> Assessment:
    from ..datasets.pipeline import default_as_of
    from ..rules import assess

    proposal = _load_proposal(args.proposal, args.lang)
    as_of = args.as_of or default_as_of(proposal)
    return assess(proposal, as_of=as_of, rulebooks=_rulebooks(args.rulebook))


def _citation_json(citation: Any) -> dict[str, str] | None:
    if citation is None:
        return None
    return {"key": citation.key, "vi": citation.vi, "en": citation.en}


def assessment_json(a: Assessment, lang: str = "vi") -> dict[str, Any]:
    """An assessment as a JSON-ready dict with stable keys; amounts are strings of whole đồng,
    rates decimal strings ("0.5"), dates ISO.  ``message`` is in ``lang``; both languages are
    under ``message_vi`` and ``message_en``."""

    def money(value: Any) -> str | None:
        return None if value is None else str(value)

    def enum(value: Any) -> str | None:
        return None if value is None else str(value)

    return {
        "proposal_code": a.proposal_code,
        "title": a.title,
        "as_of": a.as_of.isoformat(),
        "programme_date": a.programme_date.isoformat(),
        "status": str(a.status),
        "support": money(a.support),
        "requested": money(a.requested),
        "counterpart": money(a.counterpart),
        "complete": a.complete,
        "lines": [
            {
                "index": line.index,
                "item": str(line.item),
                "status": str(line.status),
                "cost": money(line.cost),
                "requested": money(line.requested),
                "other_sources": money(line.other_sources),
                "allowed": money(line.allowed),
                "counterpart": money(line.counterpart),
                "rate": money(line.rate),
                "cap": money(line.cap),
                "factor": money(line.factor),
                "basis": enum(line.basis),
                "limit": line.limit,
                "citation": _citation_json(line.citation),
                "provenance": enum(line.provenance),
                "instruments": list(line.instruments),
            }
            for line in a.lines
        ],
        "findings": [
            {
                "code": f.code,
                "severity": str(f.severity),
                "message": f.message(lang),
                "message_vi": f.message_vi,
                "message_en": f.message_en,
                "citation": _citation_json(f.citation),
                "provenance": enum(f.provenance),
                "line": f.line,
                "beneficiary": f.beneficiary,
                "instrument": f.instrument,
            }
            for f in a.findings
        ],
        "priority": {
            "area_group": a.priority.area_group,
            "industry_group": a.priority.industry_group,
            "cleaner_production": a.priority.cleaner_production,
            "tags": list(a.priority.tags),
        },
        "rulebooks": list(a.rulebooks),
        "documents": list(a.documents),
    }


def _assessment_text(a: Assessment, lang: str) -> str:
    """The assessment for a person: the verdict in words, the total allowed (or that it is not
    known, and why), then the lines and the findings; dates dd/mm/yyyy and amounts in đồng."""
    from ..l10n import format_date, format_vnd, label
    from ..l10n.catalog import render as _t

    vi = lang == "vi"
    conditional = a.status == "not_assessable"  # its amounts hold only if it is eligible

    def amount(value: Decimal) -> str:
        text = format_vnd(value, lang)
        return _t("explain.if_eligible", {"amount": text}, lang) if conditional else text

    if a.support is not None:
        support = amount(a.support)
    else:
        support = _t("cli.support_not_known", {"n": len(a.unknown_lines)}, lang)
    requested = format_vnd(a.requested, lang)
    out = [
        _t("cli.result", {"status": label("status", a.status, lang)}, lang),
        _t("cli.support", {"amount": support, "requested": requested}, lang),
        _t("cli.proposal", {"code": a.proposal_code, "title": a.title}, lang),
        _t("cli.rules_as_of", {"date": format_date(a.as_of, lang)}, lang),
        _t("cli.lines", None, lang),
    ]
    for line in a.lines:
        allowed = "—" if line.allowed is None else amount(line.allowed)
        cite = "" if line.citation is None else f" ({line.citation.vi if vi else line.citation.en})"
        extra = f" [{', '.join(line.instruments)}]" if line.instruments else ""
        params = {
            "n": line.index + 1,
            "item": line.item.label(lang),
            "status": label("line_status", line.status, lang),
            "requested": format_vnd(line.requested, lang),
            "allowed": allowed,
            "cite": cite,
            "extra": extra,
        }
        out.append(_t("cli.line", params, lang))
    out.append(_t("cli.findings", None, lang))
    for f in a.findings:
        cite = "" if f.citation is None else f" ({f.citation.vi if vi else f.citation.en})"
        # the words only: the code is for programs (--format json)
        out.append(f"  [{label('severity', f.severity, lang)}] {f.message(lang)}{cite}")
    return "\n".join(out) + "\n"


def _assess(args: argparse.Namespace, out: TextIO) -> int:
    a = _assessment(args)
    if args.format == "json":
        out.write(json.dumps(assessment_json(a, args.lang), ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(_fit(_assessment_text(a, args.lang), out))
    return _exit_code(a)


def _exit_code(a: Assessment) -> int:
    """0 when the proposal is eligible and no finding goes beyond ``info``, else 1."""
    clean = str(a.status) == "eligible" and all(str(f.severity) == "info" for f in a.findings)
    return EXIT_OK if clean else EXIT_FINDINGS


def _explain(args: argparse.Namespace, out: TextIO) -> int:
    a = _assessment(args)
    out.write(_fit(a.explain(args.lang) + "\n", out))
    return _exit_code(a)
