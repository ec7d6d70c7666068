"""The councils, the jury and the round (Điều 8, 9, 11 Thông tư 26/2014/TT-BCT)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Final

from .._args import check_date, check_optional_date, check_rulebook
from ..l10n.catalog import Msg, Text
from ..rulebooks import Rulebook, national
from ..rules._procedure import require, returns_not_encoded
from ._common import _at_point, _cite, _level_gate
from .codes import (
    CouncilBody,
    CouncilRole,
    SelectionAuthority,
    SelectionLevel,
)
from .models import Council, SelectionRound
from .results import (
    Check,
    Refusal,
    Verdict,
)

__all__ = ["check_council", "check_jury", "check_round", "council_sizes"]


COUNCIL_SIZE: Final[Mapping[SelectionLevel, str]] = {
    SelectionLevel.DISTRICT: "typical_products.council_size.district",
    SelectionLevel.PROVINCE: "typical_products.council_size.province",
    SelectionLevel.REGION: "typical_products.council_size.region",
    SelectionLevel.NATIONAL: "typical_products.council_size.national",
}
"""The parameter of the council sizes of each level (Điều 9, clauses 1-4)."""

COUNCIL_COMPOSITION: Final[Mapping[SelectionLevel, str]] = {
    SelectionLevel.DISTRICT: "typical_products.council_composition.district",
    SelectionLevel.PROVINCE: "typical_products.council_composition.province",
    SelectionLevel.REGION: "typical_products.council_composition.region",
    SelectionLevel.NATIONAL: "typical_products.council_composition.national",
}
"""The parameter of the chair and vice-chairs of each level's council (Điều 9, points a-b)."""

USUAL_YEAR: Final[Mapping[str, str]] = {
    "local": "typical_products.usual_year.local",
    "central": "typical_products.usual_year.central",
}
"""The parameter of the usual year of local (district, provincial) and central (regional,
national) rounds (Điều 14)."""


@returns_not_encoded
def council_sizes(
    level: SelectionLevel, as_of: date, rulebook: Rulebook | None = None
) -> tuple[int, ...] | Refusal:
    """The numbers of members a council of ``level`` may have (Điều 9 Thông tư 26/2014/TT-BCT:
    5 or 7, 7 or 9, 9 or 11, 11 or 13 from district to national)."""
    as_of = check_date(as_of, "as_of")
    rb = check_rulebook(rulebook) or national()
    gate = _level_gate(rb, level, as_of)
    if isinstance(gate, Refusal):
        return gate
    return tuple(int(x) for x in require(rb, COUNCIL_SIZE[level], as_of).codes)


def _holds(held: CouncilRole, required: str) -> bool:
    # A standing vice-chair is a vice-chair (khoản 4 Điều 9 names vice-chairs without "thường trực").
    if required == CouncilRole.VICE_CHAIR.value:
        return held in (CouncilRole.VICE_CHAIR, CouncilRole.STANDING_VICE_CHAIR)
    return held.value == required


def _point(role: str) -> str:
    # Điều 9, each clause: point a names the chair, point b the vice-chairs.
    return "a" if role == CouncilRole.CHAIR.value else "b"


@returns_not_encoded
def check_council(
    council: Council, as_of: date, rulebook: Rulebook | None = None
) -> Verdict | Refusal:
    """Check a selection council: who establishes it (khoản 1 Điều 8), its size and its chair and
    vice-chairs (Điều 9 Thông tư 26/2014/TT-BCT)."""
    as_of = check_date(as_of, "as_of")
    rb = check_rulebook(rulebook) or national()
    level = council.level
    gate = _level_gate(rb, level, as_of)
    if isinstance(gate, Refusal):
        return gate
    size = require(rb, COUNCIL_SIZE[level], as_of)
    allowed = tuple(int(x) for x in size.codes)
    n = len(council.members)
    allowed_vi = " hoặc ".join(f"{x:02d}" for x in allowed)
    allowed_en = " or ".join(str(x) for x in allowed)
    checks = [
        Check.of(
            "council_size",
            n in allowed,
            size,
            params={
                "level": Text(level.vi.lower(), level.en.lower()),
                "allowed": Text(allowed_vi, allowed_en),
                "n": n,
            },
        )
    ]
    composition = require(rb, COUNCIL_COMPOSITION[level], as_of)
    chairs = [m for m in council.members if m.role is CouncilRole.CHAIR]
    checks.append(
        Check.of(
            "council_one_chair",
            len(chairs) == 1,
            composition,
            citation=_at_point(composition.citation, "a"),
            params={"chairs": len(chairs)},
        )
    )
    for role, requirements in composition.table.items():
        for requirement in requirements:
            bodies = tuple(CouncilBody(b) for b in requirement.split("|"))
            met = any(_holds(m.role, role) and m.represents in bodies for m in council.members)
            role_label = CouncilRole(role)
            checks.append(
                Check.of(
                    f"council_{role}_{requirement.replace('|', '_or_')}",
                    met,
                    composition,
                    citation=_at_point(composition.citation, _point(role)),
                    params={
                        "role": role_label,
                        "bodies": Text(
                            " hoặc ".join(b.vi for b in bodies), " or ".join(b.en for b in bodies)
                        ),
                        "state": Msg("word.present_council" if met else "word.missing_council"),
                    },
                    key="finding.pattern.council_member",
                )
            )
    founders = require(rb, "typical_products.council_founder", as_of)
    expected = SelectionAuthority(founders.table[level.value][0])
    given = council.established_by
    checks.append(
        Check(
            code="council_founder",
            passed=None if given is None else given is expected,
            citation=_cite(8, 1, "abcd"[level.rank]),
            provenance=founders.provenance,
            params={
                "level": Text(level.vi.lower(), level.en.lower()),
                "expected": expected,
                "given": Msg("detail.founder_not_declared")
                if given is None
                else Msg("detail.issuer_declared", {"issuer": given}),
            },
        )
    )
    return Verdict(subject="council", as_of=as_of, checks=tuple(checks))


@returns_not_encoded
def check_jury(size: int, as_of: date, rulebook: Rulebook | None = None) -> Check:
    """The jury (Ban Giám khảo) has an odd number of members: khoản 2 Điều 11 Thông tư
    26/2014/TT-BCT."""
    as_of = check_date(as_of, "as_of")
    rb = check_rulebook(rulebook) or national()
    odd = require(rb, "typical_products.jury_size_odd", as_of)
    passed = size >= 1 and (size % 2 == 1 or not odd.flag)
    return Check.of(
        "jury_size_odd",
        passed,
        odd,
        params={"size": size},
    )


@returns_not_encoded
def check_round(
    selection_round: SelectionRound, as_of: date | None = None, rulebook: Rulebook | None = None
) -> Verdict | Refusal:
    """Check a selection round as of ``as_of`` (default: its first day): its level exists, its
    year against the usual schedule of Điều 14 (district and provincial rounds usually in odd years,
    regional and national in even years; other years are allowed where the competent authority
    decides, so this check never fails), its council and its jury when given."""
    as_of = check_optional_date(as_of, "as_of")
    rb = check_rulebook(rulebook) or national()
    when = as_of or selection_round.starts_on
    level = selection_round.level
    gate = _level_gate(rb, level, when)
    if isinstance(gate, Refusal):
        return gate
    scope = "local" if level.rank <= SelectionLevel.PROVINCE.rank else "central"
    usual = require(rb, USUAL_YEAR[scope], when)
    year = selection_round.starts_on.year
    parity = "odd" if year % 2 else "even"
    usual_value = str(usual.value)
    params = {
        "year": str(year),
        "parity": Msg(f"word.year_{parity}"),
        "usual": Msg(f"word.year_{usual_value}"),
        "level": Text(level.vi.lower(), level.en.lower()),
    }
    checks = [
        Check.of(
            "round_year",
            True,
            usual,
            params=params,
            key=None if parity == usual_value else "finding.round_year.2",
        )
    ]
    if selection_round.council is not None:
        council = check_council(selection_round.council, when, rb)
        if isinstance(council, Verdict):
            checks.extend(council.checks)
    if selection_round.jury_size is not None:
        jury = check_jury(selection_round.jury_size, when, rb)
        if isinstance(jury, Check):
            checks.append(jury)
    return Verdict(subject="round", as_of=when, checks=tuple(checks))
