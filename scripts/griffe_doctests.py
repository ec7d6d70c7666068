"""A Griffe extension for the API reference (mkdocs.yml): render the docstrings' doctest examples
(``>>>`` lines and their output) as Python console code blocks, and reST roles such as
``:func:`load_rulebook``` as inline code, so the reST-flavoured docstrings read well as Markdown.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(
    r":(?:py:)?(?:func|class|meth|attr|mod|data|exc|obj):`~?([^`<]+?)(?:\s*<[^>]+>)?`"
)


def fence_doctests(text: str) -> str:
    """Wrap each run of doctest lines (``>>>``, ``...`` and output up to a blank line) in a
    ```` ```pycon ```` fence."""
    out: list[str] = []
    in_example = False
    for line in text.split("\n"):
        if not in_example and line.lstrip().startswith(">>>"):
            out.append("```pycon")
            in_example = True
        elif in_example and not line.strip():
            out.append("```")
            in_example = False
        out.append(line)
    if in_example:
        out.append("```")
    return "\n".join(out)


class DoctestFences(griffe.Extension):
    """Rewrite each docstring once, when its object is loaded."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            text = _ROLE.sub(r"`\1`", obj.docstring.value)
            obj.docstring.value = fence_doctests(text)
