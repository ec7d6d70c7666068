"""Compiled rulebooks and resolution of a parameter at a date.

A compiled :class:`Rulebook` is immutable: each parameter's values are sorted by the date they took
effect, with their end already computed (the explicit ``until``, the next value's start, or the end
of the period in which the cited instrument governed the domain, whichever comes first), so a
value can never outlive its instrument.  :meth:`Rulebook.resolve` bisects those dates.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Mapping
from datetime import date

import attrs

from .._args import check_date
from ..errors import NotEncodedError
from ..schemas.citation import LegalDocument, Provenance, number_year
from .params import (
    Amendment,
    Caveat,
    DomainPeriod,
    FrozenDict,
    NotEncoded,
    Param,
    ParamValue,
    Resolution,
    Resolved,
    RuleEntry,
    SupportLevel,
)
from .params import (
    Payload as Payload,
)
from .params import (
    freeze_table as freeze_table,
)

__all__ = [
    "Amendment",
    "Caveat",
    "DomainPeriod",
    "FrozenDict",
    "NotEncoded",
    "Param",
    "ParamValue",
    "Resolution",
    "Resolved",
    "RuleEntry",
    "Rulebook",
    "SupportLevel",
]


_DATES_MAX = 4_096
"""How many dates a rulebook keeps resolved parameters for; past that the memo starts afresh."""


@attrs.frozen(slots=True)
class Rulebook:
    """A compiled, immutable rulebook: the national rules, or a province's overlay."""

    id: str
    title_vi: str
    title_en: str
    kind: str
    province: str | None
    illustrative: bool
    documents: Mapping[str, LegalDocument] = attrs.field(repr=False)
    domains: Mapping[str, tuple[DomainPeriod, ...]] = attrs.field(repr=False)
    domain_labels: Mapping[str, tuple[str, str]] = attrs.field(repr=False)
    params: Mapping[str, Param] = attrs.field(repr=False)
    sources: tuple[str, ...] = ()
    rules: Mapping[str, RuleEntry] = attrs.field(factory=dict, repr=False)
    """Procedural rules held in Python, by code (see :class:`RuleEntry`)."""
    results: Mapping[str, tuple[str, str]] = attrs.field(factory=dict, repr=False)
    """Kinds of result (code → Vietnamese and English label) that parameters affect."""
    affects: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict, repr=False)
    """Parameter code prefix → result codes; see :meth:`affected`."""
    amendments: tuple[Amendment, ...] = ()
    """National amendment rulebooks merged into this one."""
    _by_date: dict[date, dict[str, Resolution]] = attrs.field(
        init=False, factory=dict, eq=False, repr=False, hash=False
    )
    """Memo of :meth:`resolve`, one table of code → answer per date.  The rulebook is immutable,
    so a parameter resolves to the same answer at the same date every time; the memo only saves
    rebuilding it (and its caveat and not-encoded texts).  Bounded by :data:`_DATES_MAX` dates."""

    def __reduce__(self) -> tuple[type[Rulebook], tuple[object, ...]]:
        # Pickled without the memo, which only grows with use (a rulebook sent to workers).
        return Rulebook, tuple(getattr(self, a.name) for a in attrs.fields(Rulebook) if a.init)

    # -- lookups ---------------------------------------------------------------------------

    def __contains__(self, code: object) -> bool:
        return code in self.params

    def __iter__(self) -> Iterator[str]:
        return iter(self.params)

    def __len__(self) -> int:
        return len(self.params)

    def param(self, code: str) -> Param:
        """The parameter ``code``; ``KeyError`` names the code when it is unknown."""
        try:
            return self.params[code]
        except KeyError:
            raise KeyError(f"rulebook {self.id!r} has no parameter {code!r}") from None

    def document(self, number: str) -> LegalDocument | None:
        """A legal document of this rulebook's registry, by number."""
        return self.documents.get(number)

    def governing(self, domain: str, on: date) -> DomainPeriod | None:
        """The period (and so the instrument) that governs ``domain`` on ``on``."""
        if type(on) is not date:
            on = check_date(on, "on")
        for period in self.domains.get(domain, ()):
            if period.covers(on):
                return period
        return None

    def affected(self, code: str) -> tuple[str, ...]:
        """The result codes parameter ``code`` affects: those of the longest prefix of
        :attr:`affects` that ``code`` starts with (``()`` when none does)."""
        best = ""
        for prefix in self.affects:
            if code.startswith(prefix) and len(prefix) > len(best):
                best = prefix
        return self.affects.get(best, ()) if best else ()

    # -- resolution ------------------------------------------------------------------------

    def resolve(self, code: str, as_of: date) -> Resolution:
        """The value of ``code`` in force on ``as_of``, or a :class:`NotEncoded` naming the
        instrument that governs that date.  ``as_of`` is a ``datetime.date`` (anything else,
        a ``datetime`` included, is an :class:`~khuyencong.errors.ArgumentError`)."""
        # A datetime or a string never equals a date key: it reaches on(), which refuses it.
        table = self._by_date.get(as_of)
        if table is None:
            table = self.on(as_of)
        found = table.get(code)
        if found is None:
            found = table[code] = self._resolve(code, as_of)
        return found

    def on(self, as_of: date) -> dict[str, Resolution]:
        """The memo of answers at ``as_of`` (code → answer), filled as codes are resolved.

        For callers that resolve many codes at one date: ``table.get(code)``, and
        :meth:`resolve` when that is ``None``, skips the per-date lookup (a ``NotEncoded`` is
        falsy, so test for ``None``, not truth).  Do not modify the table.
        """
        if type(as_of) is not date:
            as_of = check_date(as_of)
        table = self._by_date.get(as_of)
        if table is None:
            if len(self._by_date) >= _DATES_MAX:
                self._by_date.clear()
            table = self._by_date[as_of] = {}
        return table

    def _resolve(self, code: str, as_of: date) -> Resolution:
        param = self.param(code)
        index = bisect_right(param.starts, as_of) - 1
        if index >= 0:
            found = param.values[index]
            if found.covers(as_of):
                return Resolved(
                    code=code,
                    value=found.value,
                    citation=found.citation,
                    provenance=found.provenance,
                    valid_from=found.start,
                    valid_until=found.end,
                    source_vi=found.source_vi,
                    source_en=found.source_en,
                    rulebook=self.id,
                    caveats=self._caveats(found.citation.document, as_of),
                )
        return self._not_encoded(param, as_of)

    def value(self, code: str, as_of: date) -> Resolved:
        """Like :meth:`resolve`, but raise :class:`NotEncodedError` instead of returning it."""
        result = self.resolve(code, as_of)
        if isinstance(result, NotEncoded):
            raise NotEncodedError(result.reason_en, result)
        return result

    def _not_encoded(self, param: Param, as_of: date) -> NotEncoded:
        period = self.governing(param.domain, as_of)
        from ..l10n.catalog import Msg, Text, bilingual

        label = Text(param.label_vi, param.label_en)
        if period is None:
            reason_vi, reason_en = bilingual(
                "rulebook.not_encoded.no_instrument", {"label": label, "as_of": as_of}
            )
            return NotEncoded(
                code=param.code,
                as_of=as_of,
                document=None,
                rulebook=self.id,
                reason_vi=reason_vi,
                reason_en=reason_en,
            )
        document = self.documents.get(period.document)
        name: object = _name(document) if document else period.document
        amending = [c.document for c in self._caveats(period.document, as_of)]
        if amending:
            name = Msg("rulebook.amended_by", {"name": name, "amending": ", ".join(amending)})
        uncertain = Msg("rulebook.effective_date_uncertain") if period.uncertain else ""
        reason_vi, reason_en = bilingual(
            "rulebook.not_encoded.governed_by",
            {"label": label, "as_of": as_of, "name": name, "uncertain": uncertain},
        )
        return NotEncoded(
            code=param.code,
            as_of=as_of,
            document=document,
            rulebook=self.id,
            reason_vi=reason_vi,
            reason_en=reason_en,
        )

    def _caveats(self, number: str, as_of: date) -> tuple[Caveat, ...]:
        document = self.documents.get(number)
        if document is None:
            return ()
        from ..l10n.catalog import bilingual

        caveats: list[Caveat] = []
        for amendment in document.amended_by:
            amending = self.documents.get(amendment.document)
            params = {
                "name": _name(document),
                "amending": _name(amending) if amending else amendment.document,
            }
            if amendment.effective_from is None:
                year = number_year(amendment.document)
                if year is not None and as_of.year < year:
                    continue
                message_vi, message_en = bilingual("rulebook.caveat.amended_unknown", params)
            elif as_of >= amendment.effective_from:
                known = amending is not None and amending.text is Provenance.SECONDARY
                message_vi, message_en = bilingual(
                    "rulebook.caveat.amended_secondary" if known else "rulebook.caveat.amended",
                    {**params, "from": amendment.effective_from},
                )
            else:
                continue
            caveats.append(Caveat(amendment.document, message_vi, message_en))
        return tuple(caveats)

    # -- introspection ---------------------------------------------------------------------

    def citations(self) -> Iterator[tuple[str, ParamValue]]:
        """Every (parameter code, value) pair, for catalogues and coverage."""
        for code, param in self.params.items():
            for value in param.values:
                yield code, value

    def change_dates(self) -> tuple[date, ...]:
        """Every date on which some value starts or ends, sorted."""
        dates: set[date] = set()
        for param in self.params.values():
            for value in param.values:
                dates.add(value.start)
                if value.end is not None:
                    dates.add(value.end)
        return tuple(sorted(dates))


def _name(document: LegalDocument) -> object:
    """The name of ``document`` in the language of the message it is part of."""
    from ..l10n.catalog import Text

    return Text(document.name_vi, document.name_en)
