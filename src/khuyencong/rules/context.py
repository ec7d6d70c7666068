"""The evaluation context of one assessment: rulebooks, dates, and what was used.

The context is **the one place where the findings of an assessment are collected** (issue 13):
the rules of :func:`~khuyencong.assess` (eligibility, activity, priority, the budget lines...)
read parameters through it and write what they find with :meth:`Context.add`; nothing else
collects findings, and no rule keeps a list of its own.  A context is made by one call of
``assess`` for one proposal, never shared and never kept: ``assess`` reads ``findings`` once, at
the end, into the immutable :class:`~khuyencong.Assessment`.  So a rule stays a deterministic
function of (inputs, rulebook, date) — same inputs, same findings, in the same order.

Why collect rather than have each rule return its findings: reading a parameter itself has
something to say — a value known only from a secondary source, one supplied by the user, an
instrument amended in ways not encoded — and that warning is written once per parameter however
many rules read it, which needs one collector anyway; and returning a tuple from every rule
would allocate on the hot path, which runs once per proposal of a checked plan.  The procedural
rules (lifecycle, advances, calendar, selection), which run once per question, return their
results instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..rulebooks.core import NotEncoded, Resolved, Rulebook
from ..schemas.citation import Provenance
from .findings import Finding
from .tables import Tables, Warnings, compile_tables

__all__ = ["Context"]


class Context:
    """Rulebooks and dates for one evaluation, and the findings it has gathered (the one
    collector of an assessment's findings: :meth:`add`; see the module docstring)."""

    __slots__ = (
        "_now",
        "_programme",
        "_programme_date",
        "_seen",
        "as_of",
        "documents",
        "findings",
        "national",
        "overlay",
        "plan_year",
        "programme_tables",
        "tables",
    )

    def __init__(
        self,
        national: Rulebook,
        as_of: date,
        *,
        overlay: Rulebook | None = None,
        programme_date: date | None = None,
        plan_year: int | None = None,
    ) -> None:
        self.national = national
        self.overlay = overlay
        self.as_of = as_of
        self.tables = compile_tables(national, as_of)
        """The national rulebook compiled at the assessment date."""
        self._now = self.tables.values
        if programme_date is None or programme_date == as_of:
            self._programme_date = as_of
            self.programme_tables = self.tables
            """The national rulebook compiled at the programme date."""
            self._programme = self._now
        else:
            self.programme_date = programme_date
        self.plan_year = plan_year
        self.findings: list[Finding] = []
        self.documents: dict[str, None] = {}
        self._seen: set[tuple[str, str, date] | str] | None = None
        """What has been warned about (made on the first warning: most assessments have none)."""

    @property
    def programme_date(self) -> date:
        """Date at which the programme rules (beneficiaries, places, industries) are read: the
        approval date for proposals the 2025 transition rule keeps on the old rules."""
        return self._programme_date

    @programme_date.setter
    def programme_date(self, value: date) -> None:
        self._programme_date = value
        self.programme_tables = compile_tables(self.national, value)
        self._programme = self.programme_tables.values

    def resolve(
        self, code: str, on: date | None = None, rulebook: Rulebook | None = None
    ) -> Resolved | NotEncoded:
        """Resolve ``code`` and, when found, record its instrument and any warnings it carries."""
        book = rulebook or self.national
        if on is None and book is self.national:
            result = self._now.get(code)
            if result is None:
                result = book.resolve(code, self.as_of)
        else:
            result = book.resolve(code, on or self.as_of)
        if type(result) is Resolved:
            if result.quiet:
                self.documents[result.citation.document] = None
                return result
            return self._record(book, code, result)
        return result  # not encoded: nothing to record

    def programme(self, code: str) -> Resolved | NotEncoded:
        """Resolve a programme rule at the programme date."""
        result = self._programme.get(code)
        if result is None:
            result = self.national.resolve(code, self._programme_date)
        if type(result) is Resolved:
            if result.quiet:
                # The common case inline: official text, no caveat — only its document to note.
                self.documents[result.citation.document] = None
                return result
            return self._record(self.national, code, result)
        return result  # not encoded: nothing to record

    def answer(self, code: str) -> Resolved | NotEncoded:
        """The national rulebook's answer to ``code`` at the programme date, recording nothing
        (for what a rule compiles once per date; it notes the documents itself)."""
        result = self._programme.get(code)
        return self.national.resolve(code, self._programme_date) if result is None else result

    def record(self, book: Rulebook, code: str, result: Resolved) -> None:
        """Record a value the caller found in compiled tables, as :meth:`resolve` would."""
        self._record(book, code, result)

    def _record(
        self, book: Rulebook, code: str, result: Resolved | NotEncoded
    ) -> Resolved | NotEncoded:
        """Note the instrument of a value found, and warn once about a value that rests on a
        secondary source or on an instrument amended in ways not encoded."""
        if not isinstance(result, Resolved):
            return result
        self.documents[result.citation.document] = None
        if result.quiet:
            return result  # nothing to warn about: the common case, kept cheap
        tables = self.tables if book is self.national else compile_tables(book, self.as_of)
        key, source, caveats = _warnings(tables, code, result)
        seen = self._seen
        if seen is None:
            seen = self._seen = set()
        elif key in seen:
            return result
        seen.add(key)
        if source is not None:
            self.findings.append(source)
        for said, finding in caveats:
            # One warning per amending instrument is enough for a reader.
            if said not in seen:
                seen.add(said)
                self.findings.append(finding)
        return result

    def programme_all(self, *codes: str) -> Sequence[Resolved] | None:
        """Resolve several programme rules; if any is not encoded, record it and return None."""
        memo = self.programme_tables.bundles
        try:
            bundle = memo[codes]
        except KeyError:
            bundle = memo[codes] = self.quiet_bundle(codes)
        if bundle is not None:
            # Every value official text without caveat, all encoded: only their documents to
            # note, in the order the codes are read (one update: a document noted before keeps
            # its place, as it would one by one).
            self.documents.update(bundle[1])
            return bundle[0]
        found: list[Resolved] = []
        for code in codes:
            result = self.programme(code)
            if isinstance(result, NotEncoded):
                self.findings.append(Finding.not_encoded(result))
                return None
            found.append(result)
        return found

    def quiet_bundle(
        self, codes: tuple[str, ...]
    ) -> tuple[tuple[Resolved, ...], dict[str, None]] | None:
        """The answers to ``codes`` at the programme date and their documents, when they are
        all quiet :class:`Resolved` values (else ``None``: read them one by one)."""
        found: list[Resolved] = []
        for code in codes:
            result = self._programme.get(code)
            if result is None:
                result = self.national.resolve(code, self._programme_date)
            if not isinstance(result, Resolved) or not result.quiet:
                return None
            found.append(result)
        return tuple(found), dict.fromkeys(r.citation.document for r in found)

    def programme_many(self, *codes: str) -> tuple[Resolved | NotEncoded, ...]:
        """Resolve several programme rules, in order, as that many calls of :meth:`programme`
        would (the answers of a date memoised in its tables when none has a warning)."""
        memo = self.programme_tables.many
        try:
            bundle = memo[codes]
        except KeyError:
            bundle = memo[codes] = self.quiet_many(codes)
        if bundle is None:
            return tuple(self.programme(code) for code in codes)
        self.documents.update(bundle[1])
        return bundle[0]

    def resolve_many(self, *codes: str) -> tuple[Resolved | NotEncoded, ...]:
        """Resolve several national rules at the assessment date, in order, as that many calls
        of :meth:`resolve` would (memoised in the tables of the date when none has a warning)."""
        memo = self.tables.many
        try:
            bundle = memo[codes]
        except KeyError:
            bundle = memo[codes] = self.quiet_many(codes, self.as_of)
        if bundle is None:
            return tuple(self.resolve(code) for code in codes)
        self.documents.update(bundle[1])
        return bundle[0]

    def quiet_many(
        self, codes: tuple[str, ...], on: date | None = None
    ) -> tuple[tuple[Resolved | NotEncoded, ...], dict[str, None]] | None:
        """As :meth:`quiet_bundle` (at the programme date, or ``on``), a :class:`NotEncoded`
        allowed (it records nothing)."""
        found: list[Resolved | NotEncoded] = []
        documents: list[str] = []
        when = self._programme_date if on is None else on
        for code in codes:
            result = self.national.resolve(code, when)
            if isinstance(result, Resolved):
                if not result.quiet:
                    return None
                documents.append(result.citation.document)
            found.append(result)
        return tuple(found), dict.fromkeys(documents)

    def add(self, finding: Finding) -> None:
        """Record a finding of a rule (in the order the rules run: the order of the
        assessment's findings)."""
        self.findings.append(finding)


def _warnings(tables: Tables, code: str, result: Resolved) -> Warnings:
    """What :meth:`Context._record` may say about ``result`` (``code`` of ``tables.book``; see
    :data:`~.tables.Warnings`), made once and kept in the rulebook's compiled tables."""
    memo = tables.warnings
    found = memo.get((id(result), code))
    if found is not None and found[0] is result:
        return found[1]
    book = tables.book
    source: Finding | None = None
    if result.provenance is Provenance.SECONDARY:
        param = book.param(code)
        source = Finding.secondary(result, param.label_vi, param.label_en)
    elif result.provenance is Provenance.USER_SUPPLIED:
        param = book.param(code)
        source = Finding.user_supplied(result, param.label_vi, param.label_en)
    caveats = tuple(
        (f"caveat:{caveat.document}", Finding.caveat(caveat, result)) for caveat in result.caveats
    )
    if len(memo) >= 4096:
        memo.clear()
    prepared = ((book.id, code, result.valid_from), source, caveats)
    memo[(id(result), code)] = (result, prepared)
    return prepared
