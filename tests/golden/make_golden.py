"""Generate tests/golden/assessments.json: inputs and the outcomes the engine gave for them.

Run once from ``main`` before the compiled engine replaced the old one (issue 15), so that the
new engine is compared with the old one's outputs: the spec case files, the bundled examples at
four dates, and seeded generated proposals over items, kinds, places, dates, overlays and
priority factors.  Only status, amounts, finding codes/severities and citations are recorded.

    .venv/bin/python tests/golden/make_golden.py
"""

from __future__ import annotations

import json
import random
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import khuyencong as kc
from khuyencong.examples import illustrative_proposals
from khuyencong.schemas.codes import (
    ActivityContent,
    AreaAttribute,
    BeneficiaryKind,
    CityClass,
    CommuneKind,
    DistrictKind,
    Industry,
    ProposalState,
    SupportItem,
)

HERE = Path(__file__).parent
OUT = HERE / "assessments.json"
DATES = [
    date(2014, 4, 8),
    date(2016, 6, 1),
    date(2018, 5, 11),
    date(2019, 6, 1),
    date(2025, 7, 1),
    date(2025, 10, 15),
    date(2026, 3, 1),
]
N_GENERATED = 600
ENCODED = [
    "demonstration_new_technology",
    "demonstration_existing",
    "machinery_and_technology",
    "domestic_fair_organisation",
    "domestic_fair_participation",
    "brand",
    "consulting",
    "association_regional",
    "association_national",
    "linkage_cluster",
    "relocation_interest",
    "pollution_treatment_establishment",
    "enterprise_founding",
    "selection_round_regional",
    "award_national",
    "study_tour_airfare",
    "management_implementing_unit",
    "management_agency",
]


def _cite(c: Any) -> str | None:
    return None if c is None else str(c.key)


def _amount(v: Decimal | None) -> str | None:
    return None if v is None else str(v)


def outcome(a: kc.Assessment) -> dict[str, Any]:
    """What the golden file keeps of an assessment."""
    return {
        "status": a.status.value,
        "support": _amount(a.support),
        "requested": _amount(a.requested),
        "programme_date": a.programme_date.isoformat(),
        "rulebooks": list(a.rulebooks),
        "documents": sorted(a.documents),
        "priority": [
            a.priority.area_group,
            a.priority.industry_group,
            a.priority.cleaner_production,
        ],
        "lines": [
            {
                "status": ln.status.value,
                "allowed": _amount(ln.allowed),
                "counterpart": _amount(ln.counterpart),
                "rate": _amount(ln.rate),
                "cap": _amount(ln.cap),
                "factor": _amount(ln.factor),
                "limit": ln.limit,
                "citation": _cite(ln.citation),
                "instruments": list(ln.instruments),
            }
            for ln in a.lines
        ],
        "findings": sorted(
            (
                [
                    f.code,
                    str(f.severity.value),
                    _cite(f.citation),
                    f.line,
                    f.beneficiary,
                    f.instrument,
                ]
                for f in a.findings
            ),
            key=json.dumps,
        ),
    }


def _place(rng: random.Random, new: bool) -> dict[str, Any]:
    attrs = rng.sample([a.value for a in AreaAttribute], rng.choice([0, 0, 1, 2]))
    if new:
        return {"geography": "2025", "province_code": 24, "ward_code": 7525, "attributes": attrs}
    p: dict[str, Any] = {"geography": "pre2025", "province": "Bắc Giang", "attributes": attrs}
    r = rng.random()
    if r < 0.5:
        p["district"] = "Việt Yên"
        p["district_kind"] = rng.choice([d.value for d in DistrictKind])
    elif r < 0.9:
        p["commune"] = "X"
        p["commune_kind"] = rng.choice([c.value for c in CommuneKind])
        if p["commune_kind"] == "phuong" and rng.random() < 0.8:
            p["city_class"] = rng.choice([c.value for c in CityClass])
            if p["city_class"] == "1" and rng.random() < 0.5:
                p["ward_converted_on"] = rng.choice(["2010-01-01", "2013-06-01", "2015-12-31"])
    return p


def _beneficiary(rng: random.Random, new: bool, i: int) -> dict[str, Any]:
    kind = rng.choice([k.value for k in BeneficiaryKind] + ["sme", "business_household"] * 3)
    b: dict[str, Any] = {"name": f"Cơ sở {i}", "kind": kind}
    if kind == "sme" and rng.random() < 0.85:
        b["enterprise_size"] = rng.choice(["micro", "small", "medium"])
    b["industries"] = rng.sample([x.value for x in Industry], rng.choice([0, 1, 1, 1, 2]))
    if rng.random() < 0.9:
        b["production_site"] = _place(rng, new if rng.random() < 0.9 else not new)
    if rng.random() < 0.15:
        b["registered_office"] = _place(rng, new)
    for flag in (
        "key_industry_product",
        "has_export_contract",
        "woman_owned",
        "supporting_industry_product",
    ):
        if rng.random() < 0.1:
            b[flag] = True
    if rng.random() < 0.1:
        b["typical_product_certificate"] = True
        if rng.random() < 0.6:
            b["typical_product_certificate_issued_on"] = rng.choice(
                ["2014-01-01", "2016-01-01", "2024-05-01"]
            )
    if rng.random() < 0.1:
        b["workforce"] = rng.choice([10, 300, 1000])
    if rng.random() < 0.1:
        b["local_raw_material_share"] = rng.choice([30, 60, 90])
    if rng.random() < 0.05:
        b["fired_clay_bricks_in_manual_or_ring_kiln"] = True
    if rng.random() < 0.1:
        b["foreign_fair_supports_in_year"] = rng.choice([0, 1, 2])
    return b


def _line(rng: random.Random) -> dict[str, Any]:
    item = rng.choice([s.value for s in SupportItem])
    cost = rng.randrange(1, 2_000_000) * rng.choice([1, 1000, 1000, 1001])
    requested = rng.randint(0, cost)
    ln: dict[str, Any] = {"item": item, "cost": str(cost), "requested": requested}
    if rng.random() < 0.2:
        ln["other_sources"] = str(rng.randint(0, cost - requested))
    if rng.random() < 0.2:
        ln["units"] = rng.randint(1, 4)
    if item == "machinery_and_technology":
        ln["machinery_is_new"] = rng.choice([True, True, False, None])
    if item == "demonstration_new_technology":
        ln["technology_new_in_district"] = rng.choice([True, True, False, None])
    return ln


def generated(rng: random.Random, n: int) -> dict[str, Any]:
    as_of = rng.choice(DATES)
    new = as_of >= date(2025, 7, 1)
    if rng.random() < 0.15:
        new = not new
    local = rng.random() < 0.2
    lines = [_line(rng) for _ in range(rng.choice([1, 2, 3, 3, 4, 6]))]
    data: dict[str, Any] = {
        "code": f"G-{n}",
        "title": "Đề án sinh tự động",
        "plan_year": rng.choice([as_of.year, as_of.year + 1]),
        "funding": {
            "kind": "local",
            "level": "province",
            "province": rng.choice(["Tỉnh Mẫu", "Hà Nội"]),
        }
        if local
        else {"kind": "national"},
        "contents": rng.sample([c.value for c in ActivityContent], rng.choice([0, 1, 2, 3, 9])),
        "beneficiaries": [_beneficiary(rng, new, i) for i in range(rng.choice([0, 1, 1, 1, 2]))],
        "budget_lines": lines,
        "state": rng.choice([s.value for s in ProposalState]),
        "counterpart_committed": rng.choice([True, True, False, None]),
        "no_other_state_funding": rng.choice([True, True, False, None]),
        "priority_factor": rng.choice(["1", "1", "1", "1.2", "1.5", "1.6", "0.9"]),
    }
    if rng.random() < 0.3:
        data["locations"] = [_place(rng, new)]
    if rng.random() < 0.4:
        data["approved_on"] = rng.choice(["2015-03-01", "2019-01-10", "2025-09-01"])
    if rng.random() < 0.6:  # a tame proposal, read under TTLT 26/2014
        as_of = rng.choice(DATES[1:4])
        new = False
        data["plan_year"] = as_of.year
        data.pop("approved_on", None)
        data["funding"] = {"kind": "national"}
        for ln in lines:
            if rng.random() < 0.8:
                ln["item"] = rng.choice(ENCODED)
                if ln["item"] == "machinery_and_technology":
                    ln["machinery_is_new"] = True
                if ln["item"] == "demonstration_new_technology":
                    ln["technology_new_in_district"] = True
        # most conditions met, so the amounts show
        data["contents"] = [c.value for c in ActivityContent]
        data["state"] = "approved"
        data["counterpart_committed"] = data["no_other_state_funding"] = True
        for b in data["beneficiaries"]:
            b.update(kind="sme", enterprise_size="small", industries=["handicraft"])
            b["production_site"] = _place(rng, new)
            if not new:
                b["production_site"].update(district="Việt Yên", district_kind="huyen")
                b["production_site"].pop("commune_kind", None)
    if len(set(data["contents"])) < 2 and rng.random() < 0.5:
        data["contents"] = list(dict.fromkeys(data["contents"] + ["demonstration_and_technology"]))
    return {
        "name": f"generated-{n}",
        "as_of": as_of.isoformat(),
        "proposal": data,
        "overlay": local and rng.random() < 0.6,
        "allocation": str(rng.randrange(1, 10**7) * 1000) if rng.random() < 0.5 else None,
    }


def run(case: dict[str, Any], overlay: kc.rulebooks.Rulebook) -> dict[str, Any]:
    proposal = kc.Proposal.model_validate(case["proposal"])
    allocation = None if case.get("allocation") is None else Decimal(case["allocation"])
    books = [overlay] if case.get("overlay") else None
    a = kc.assess(
        proposal, as_of=date.fromisoformat(case["as_of"]), rulebooks=books, allocation=allocation
    )
    return outcome(a)


def overlay_book(tmp: Path) -> kc.rulebooks.Rulebook:
    from khuyencong.rulebooks import template

    path = tmp / "tinh-mau.toml"
    path.write_text(template(), encoding="utf-8")
    return kc.load_rulebook(path)


def inputs() -> list[dict[str, Any]]:
    import tomllib

    cases: list[dict[str, Any]] = []
    for path in sorted((HERE.parent / "spec" / "cases").glob("*.toml")):
        data = tomllib.loads(path.read_text("utf-8"))
        defaults = data.get("defaults", {})
        for raw in data["case"]:
            if raw.get("rulebooks"):
                continue
            proposal = {**defaults.get("proposal", {}), **raw.get("proposal", {})}
            as_of = raw.get("as_of", defaults.get("as_of"))
            cases.append(
                {
                    "name": f"{path.stem}: {raw['name']}",
                    "as_of": str(as_of),
                    "proposal": json.loads(json.dumps(proposal, default=str)),
                    "overlay": False,
                    "allocation": None if raw.get("allocation") is None else str(raw["allocation"]),
                }
            )
    for p in illustrative_proposals():
        for d in (date(2016, 6, 1), date(2019, 6, 1), date(2025, 10, 15), date(2026, 3, 1)):
            cases.append(
                {
                    "name": f"example {p['code']} {d}",
                    "as_of": d.isoformat(),
                    "proposal": p,
                    "overlay": p["funding"]["kind"] == "local",
                    "allocation": None,
                }
            )
    rng = random.Random(15)
    n = 0
    while sum(c["name"].startswith("generated") for c in cases) < N_GENERATED:
        case = generated(rng, n)
        n += 1
        try:
            kc.Proposal.model_validate(case["proposal"])
        except Exception:
            continue
        cases.append(case)
    return cases


def main() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        book = overlay_book(Path(tmp))
        out = []
        for case in inputs():
            try:
                kc.Proposal.model_validate(case["proposal"])
            except Exception:
                continue
            out.append({**case, "expect": run(case, book)})
    OUT.write_text(json.dumps({"cases": out}, ensure_ascii=False, indent=None) + "\n", "utf-8")
    statuses: dict[str, int] = {}
    for c in out:
        statuses[c["expect"]["status"]] = statuses.get(c["expect"]["status"], 0) + 1
    print(len(out), "cases", statuses, file=sys.stderr)


if __name__ == "__main__":
    main()
