"""Loading, validating and compiling rulebook files.

:func:`check_rulebook` reports every problem of a file at once (file, key, message);
:func:`load_rulebook` compiles a file or raises :class:`~khuyencong.errors.RulebookError` listing
them, so nothing is ever half-loaded.  The built-in national rulebook is compiled once and cached.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from importlib import resources
from pathlib import Path

from ..errors import RulebookError
from ..schemas.citation import LegalDocument
from .compiler import (
    Problem,
    _Collector,
    _compile,
    _parse_file,
)
from .core import (
    FrozenDict,
    Rulebook,
)
from .model import AmendmentFile, RulebookFile

__all__ = [
    "Problem",
    "available",
    "check_rulebook",
    "example_amendment",
    "load_rulebook",
    "load_rulebooks",
    "national",
    "registry",
    "template",
]


def _data_texts() -> list[tuple[str, str]]:
    root = resources.files("khuyencong.rulebooks") / "data"
    names = ["documents.toml", "national.toml"]
    params_dir = root / "params"
    names += sorted(f"params/{p.name}" for p in params_dir.iterdir() if p.name.endswith(".toml"))
    return [(name, (root / name).read_text("utf-8")) for name in names]


def _build(texts: Iterable[tuple[str, str]], base: Mapping[str, LegalDocument]) -> Rulebook:
    problems: list[Problem] = []
    parsed: list[tuple[str, RulebookFile]] = []
    for name, text in texts:
        out = _Collector(name)
        part = _parse_file(name, text, out)
        problems += out.problems
        if isinstance(part, AmendmentFile):
            problems.append(Problem.of(name, "meta.kind", "amendment_alone"))
        elif part is not None:
            parsed.append((name, part))
    if not problems:
        out = _Collector(parsed[-1][0] if len(parsed) == 1 else "rulebook")
        rulebook = _compile(parsed, base, out)
        problems += out.problems
        if rulebook is not None and not problems:
            return rulebook
    raise _problems(problems)


@cache
def registry() -> Mapping[str, LegalDocument]:
    """The built-in registry of legal documents, by number."""
    text = (resources.files("khuyencong.rulebooks") / "data" / "documents.toml").read_text("utf-8")
    out = _Collector("documents.toml")
    part = _parse_file("documents.toml", text, out)
    if not isinstance(part, RulebookFile) or out.problems:
        raise RulebookError("\n".join(str(p) for p in out.problems))
    return FrozenDict({d.number: d for d in part.documents})


@cache
def national() -> Rulebook:
    """The built-in national rulebook, compiled once per process."""
    return _build(_data_texts(), {})


def available() -> tuple[str, ...]:
    """Identifiers of the built-in rulebooks."""
    return (national().id,)


def template(instrument: str | None = None) -> str:
    """The documented template of a provincial rulebook (illustrative figures), as TOML text.

    With ``instrument`` (``"28/2018/TT-BTC"``): the skeleton of a national amendment rulebook
    for it, with every parameter it governs that is not known, the value and clause it replaces
    as a comment, and empty slots.
    """
    if instrument is not None:
        from .amendment_template import amendment_template

        return amendment_template(instrument)
    root = resources.files("khuyencong.rulebooks") / "data" / "templates" / "provincial.toml"
    return root.read_text("utf-8")


def _read(
    paths: Sequence[str | Path],
) -> tuple[list[tuple[str, RulebookFile | AmendmentFile]], list[Problem]]:
    parsed: list[tuple[str, RulebookFile | AmendmentFile]] = []
    problems: list[Problem] = []
    for path in paths:
        out = _Collector(str(path))
        part = _parse_file(path, None, out)
        problems += out.problems
        if part is not None:
            parsed.append((str(path), part))
    return parsed, problems


def _amendments(
    parsed: Sequence[tuple[str, RulebookFile | AmendmentFile]],
) -> tuple[Rulebook | None, list[Problem]]:
    from .amend import amend

    files = [(name, part) for name, part in parsed if isinstance(part, AmendmentFile)]
    return amend(files)


def example_amendment() -> str:
    """An illustrative national amendment rulebook for Thông tư 28/2018/TT-BTC, as TOML text.

    Its figures and clauses are INVENTED (``meta.illustrative = true``): it shows the format and
    is never loaded by default; every result that uses it says "illustrative" and
    "user_supplied".
    """
    root = resources.files("khuyencong.rulebooks") / "data" / "examples"
    return (root / "tt28-2018-illustrative.toml").read_text("utf-8")


def check_rulebook(path: str | Path, *more: str | Path) -> list[Problem]:
    """Every problem of a rulebook file at once; an empty list means it loads.

    A national amendment rulebook is checked against the built-in national rulebook (and
    against the other amendments given in ``more``): a value it cannot give is a problem naming
    the file, the key and the clause it would change.
    """
    parsed, problems = _read([path, *more])
    if problems:
        return problems
    if any(isinstance(part, AmendmentFile) for _, part in parsed):
        if not all(isinstance(part, AmendmentFile) for _, part in parsed):
            return [Problem.of(str(path), "meta.kind", "amendments_apart")]
        return _amendments(parsed)[1]
    for name, part in parsed:
        if isinstance(part, RulebookFile):
            out = _Collector(name)
            _compile([(name, part)], registry(), out)
            problems += out.problems
    return problems


def load_rulebook(path: str | Path, *more: str | Path) -> Rulebook:
    """Load and compile a rulebook file (a province's overlay, or national amendments).

    A province's overlay loads alone.  National amendment rulebooks (``kind =
    "national_amendment"``; give several at once) are merged into the built-in national
    rulebook: the result is a national rulebook that :func:`~khuyencong.assess` uses in place
    of the built-in one.

    Raises :class:`~khuyencong.errors.RulebookError` naming the file and every bad key; a file
    with any problem is not loaded at all.
    """
    paths = [path, *more]
    for p in paths:
        try:
            Path(p).read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise RulebookError(f"{p}: (file): cannot be read: {exc}") from None
    parsed, problems = _read(paths)
    rulebook: Rulebook | None = None
    if not problems:
        amendments = [isinstance(part, AmendmentFile) for _, part in parsed]
        if all(amendments):
            rulebook, problems = _amendments(parsed)
        elif len(parsed) > 1:
            problems = [Problem.of(str(more[0]), "(file)", "overlay_alone")]
        else:
            name = str(path)
            return _build([(name, Path(path).read_text("utf-8"))], registry())
    if rulebook is not None and not problems:
        return rulebook
    raise _problems(problems)


def load_rulebooks(paths: Sequence[str | Path]) -> list[Rulebook]:
    """Load rulebook files for an assessment: the national amendments among them merged into one
    national rulebook (first), then each province's overlay."""
    kinds: list[tuple[str | Path, bool]] = []
    for path in paths:
        try:
            text = Path(path).read_text("utf-8")
            raw = tomllib.loads(text)
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            kinds.append((path, False))  # load_rulebook reports it
            continue
        meta = raw.get("meta")
        kinds.append((path, isinstance(meta, dict) and meta.get("kind") == "national_amendment"))
    amendments = [p for p, is_amendment in kinds if is_amendment]
    out = [load_rulebook(*amendments)] if amendments else []
    out += [load_rulebook(p) for p, is_amendment in kinds if not is_amendment]
    return out


def _problems(problems: Sequence[object]) -> RulebookError:
    """The error of a rulebook with ``problems`` (its ``str`` in English, as before; its
    :meth:`~khuyencong.errors.RulebookError.message` in either language)."""
    from ..l10n.catalog import render

    head = render("cli.rulebook_problems", {"n": len(problems)}, "en")
    return RulebookError(head + "".join(f"\n  {p}" for p in problems), tuple(problems))
