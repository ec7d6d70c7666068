"""``python -m khuyencong``: the ``khuyencong`` command (see ``khuyencong --help``)."""

from __future__ import annotations

from .cli import console

if __name__ == "__main__":
    console()
