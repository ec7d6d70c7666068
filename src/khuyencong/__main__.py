"""``python -m khuyencong``: validate the bundled illustrative proposals, one line each.

A stop-gap until the ``khuyencong check`` command exists.
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import ValidationError

from .examples import illustrative_proposals
from .schemas import Proposal


def _dong(amount: Decimal) -> str:
    return f"{amount:,.0f}".replace(",", ".") + " đ"


def main() -> int:
    """Print code, title, valid/invalid and totals of each illustrative proposal; return 0."""
    for data in illustrative_proposals():
        head = f"{data.get('code', '?')} | {data.get('title', '?')}"
        try:
            proposal = Proposal.model_validate(data)
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(part) for part in error['loc'])}: {error['msg']}"
                for error in exc.errors()
            )
            print(f"{head} | invalid | {problems}")
        else:
            print(
                f"{head} | valid | chi phí/cost {_dong(proposal.total_cost)}"
                f" | đề nghị hỗ trợ/requested {_dong(proposal.total_requested)}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
