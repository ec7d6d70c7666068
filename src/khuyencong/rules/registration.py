"""Registration and appraisal of a national proposal (Thông tư 36/2013/TT-BCT), as checklists.

* The dossier for base appraisal (Điểm a khoản 1 Điều 10): three sets, with the implementing
  unit's request letter, the proposal (Điều 5), the beneficiary's written request when the
  implementing unit is not the beneficiary, and the documents of Phụ lục 2 for some kinds of
  proposal.
* The dossier for Ministry appraisal (Điểm a khoản 2 Điều 10): one set, with the registration
  report (Khoản 1 Điều 6), the base appraisal sheet on Mẫu 4a or 4b (not for a proposal sent
  straight to the Agency, Điểm b khoản 1 Điều 8) and the Phụ lục 2 documents.
* The parts of a proposal (Điều 5) and what the appraisal examines (Điều 9, with the principles
  of Điều 4 that its khoản 1 names).

The lists are data (``rulebooks/data/params/dossiers.toml``); the clerk declares what is present
or met, and the result lists what is missing with the clause.  Phụ lục 2 itself is an attachment
whose text is not here: whether a proposal is of a kind that needs its documents is declared.

>>> from datetime import date
>>> d = registration_dossier("ministry", {"registration_report"}, direct=True,
...                          annex2_kind=False, as_of=date(2015, 6, 1))
>>> d.complete, [i.code for i in d.items if i.status == "not_required"]
(True, ['base_appraisal_sheet', 'annex2_documents'])
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date
from typing import Literal

import attrs

from .._args import check_date
from ..rulebooks import Rulebook
from ..schemas.codes import ProposalKind
from ..schemas.proposal import Proposal
from ._procedure import registered_directly, require, require_national, rulebook_or_national
from .checklists import Checklist, tick
from .findings import Finding, Severity

__all__ = ["appraise", "proposal_parts", "registration_dossier"]

Ticked = Collection[str] | Mapping[str, bool | None]


def _national(proposal: Proposal | None) -> None:
    if proposal is not None:
        require_national(
            proposal,
            "The registration dossier of Thông tư 36/2013/TT-BCT concerns national proposals; a "
            "province sets the procedure of local proposals",
        )


def registration_dossier(
    level: Literal["base", "ministry"],
    present: Ticked,
    *,
    as_of: date,
    proposal: Proposal | None = None,
    implementer_is_beneficiary: bool | None = None,
    annex2_kind: bool | None = None,
    direct: bool | None = None,
    sets: int | None = None,
    rulebook: Rulebook | None = None,
) -> Checklist:
    """The registration dossier of a national proposal, ticked: for base appraisal by the
    provincial Department (``"base"``, Điểm a khoản 1 Điều 10 TT 36/2013/TT-BCT) or for Ministry
    appraisal by the Agency (``"ministry"``, Điểm a khoản 2 Điều 10).

    Facts: ``implementer_is_beneficiary`` (the beneficiary's request is needed when not),
    ``annex2_kind`` (a kind of proposal for which Phụ lục 2 lists documents), ``direct`` (sent
    straight to the Agency under Điểm b khoản 1 Điều 8, so no base appraisal sheet; read from the
    ``proposal``'s history when it is given), and ``sets`` (how many sets were sent; three for
    the Department, one for the Agency).  An undeclared fact leaves the items it governs
    ``unknown``.
    """
    as_of = check_date(as_of, "as_of")
    _national(proposal)
    rb = rulebook_or_national(rulebook)
    if direct is None and proposal is not None:
        direct = registered_directly(proposal)
    facts: dict[str, bool | None] = {
        "implementer_not_beneficiary": (
            None if implementer_is_beneficiary is None else not implementer_is_beneficiary
        ),
        "annex2_kind": annex2_kind,
        "base_appraised": None if direct is None else not direct,
    }
    if level == "base":
        name, sets_code = "dossier.registration_base", "registration.base_sets"
    elif level == "ministry":
        name, sets_code = "dossier.registration_ministry", "registration.ministry_sets"
    else:
        raise ValueError(f"level must be 'base' or 'ministry', not {level!r}")
    checklist = tick(name, present, as_of=as_of, facts=facts, rulebook=rb)
    if sets is None:
        return checklist
    rule = require(rb, sets_code, as_of)
    if sets >= rule.integer:
        return checklist
    extra = Finding.of(
        f"{name.rsplit('.', 1)[-1]}_sets",
        Severity.ERROR,
        {"sets": sets, "integer": rule.integer},
        rule,
        key="finding.pattern.sets",
    )
    return attrs.evolve(checklist, findings=(*checklist.findings, extra))


def proposal_parts(
    present: Ticked,
    *,
    as_of: date,
    proposal: Proposal | None = None,
    group: bool | None = None,
    rulebook: Rulebook | None = None,
) -> Checklist:
    """The main parts of a national proposal (Điều 5 TT 36/2013/TT-BCT), ticked.  A group
    proposal (``group``, or a ``proposal`` of kind ``group``) need not name its place,
    beneficiaries and coordinating units when the plan is approved (gạch đầu dòng thứ ba điểm a
    khoản 1 Điều 10)."""
    as_of = check_date(as_of, "as_of")
    _national(proposal)
    if group is None and proposal is not None:
        group = proposal.kind is ProposalKind.GROUP
    return tick(
        "proposal_parts", present, as_of=as_of, facts={"group_proposal": group}, rulebook=rulebook
    )


def appraise(
    met: Ticked,
    *,
    as_of: date,
    dossier: Checklist | None = None,
    rulebook: Rulebook | None = None,
) -> Checklist:
    """What the appraisal of a national proposal examines (Điều 9 TT 36/2013/TT-BCT), ticked by
    the appraiser: the principles of Điều 4 (khoản 1 Điều 9), objectives, need and effect,
    capacity, integration with other programmes, and a fitting and complete dossier.  When the
    ticked ``dossier`` is given and ``dossier_complete`` is not declared, it is read from it
    (complete → met; something missing → not met)."""
    as_of = check_date(as_of, "as_of")
    if dossier is not None:
        declared: dict[str, bool | None] = (
            dict(met) if isinstance(met, Mapping) else dict.fromkeys(met, True)
        )
        if declared.get("dossier_complete") is None:
            declared["dossier_complete"] = dossier.complete
        if not isinstance(met, Mapping):
            names = {i.code for i in tick("appraisal", {}, as_of=as_of, rulebook=rulebook).items}
            for code in names:
                declared.setdefault(code, False)
        met = declared
    return tick("appraisal", met, as_of=as_of, rulebook=rulebook)
