"""The lifecycle of a khuyến công proposal (kept for compatibility: the code is in the package
:mod:`khuyencong.rules.procedure`, one module per part of the law, whose public names this
module gives under its old name)."""

from __future__ import annotations

from .procedure import *  # noqa: F403 - the same public names, listed once in procedure
from .procedure import __all__ as __all__
