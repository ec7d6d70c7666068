"""pydantic's validation errors in the clerk's language.

A ``ValidationError`` stays a ``ValidationError`` (a Python caller catches it as before);
:func:`render_errors` renders each of its errors in Vietnamese or English from the message
catalogue: the path in words, with the fields' Vietnamese labels and lists counted from 1
("Dòng kinh phí 1 › Kinh phí đề nghị"), then what is wrong.  The library's own checks raise
errors with a code and named parameters (:class:`khuyencong.errors.InvalidValueError`,
:class:`~khuyencong.errors.AmountParseError`), rendered with the same reason in both languages.

>>> from pydantic import ValidationError
>>> from khuyencong import Proposal
>>> try:
...     Proposal.model_validate({"code": "X"})
... except ValidationError as exc:
...     print(render_errors(exc)[0])
Tên đề án: thiếu thông tin bắt buộc
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from .catalog import has, render

if TYPE_CHECKING:
    from pydantic import ValidationError

__all__ = [
    "FieldError",
    "Reason",
    "field_label",
    "render_error",
    "render_errors",
    "render_path",
    "render_place",
]


def field_label(name: str, lang: str = "vi") -> str:
    """The label of a field (``requested`` → "Kinh phí đề nghị"); an unknown name as it is."""
    key = f"field.{name}"
    return render(key, None, lang) if has(key) else name


def render_path(loc: Sequence[int | str], lang: str = "vi", *, as_written: bool = False) -> str:
    """A pydantic ``loc`` in words: ``("budget_lines", 0, "requested")`` →
    "Dòng kinh phí 1 › Kinh phí đề nghị".  ``as_written``: the last key is one the model does
    not have there (pydantic's ``extra_forbidden``), shown as the user wrote it — a label would
    name a field the user did not write (``year`` is not "Năm kế hoạch")."""
    if as_written and loc and isinstance(loc[-1], str):
        head = render_path(loc[:-1], lang)
        return render("path.sep", None, lang).join([head, loc[-1]]) if head else loc[-1]
    parts: list[str] = []
    previous: str | None = None
    last = len(loc) - 1
    for i, part in enumerate(loc):
        if isinstance(part, int):
            label = field_label(previous, lang) if previous is not None else ""
            if parts and previous is not None:
                parts.pop()
            parts.append(render("path.item", {"label": label, "n": part + 1}, lang).strip())
            previous = None
            continue
        after_index = previous is None and bool(parts)
        previous = str(part)
        if i < last and has(f"path.tag.{previous}"):  # the tag of a union's member, in words
            parts.append(render(f"path.tag.{previous}", None, lang))
            previous = None
            continue
        if after_index and i < last and not has(f"field.{previous}"):
            continue  # the tag of another union's member, not a field
        parts.append(field_label(previous, lang))
    return render("path.sep", None, lang).join(parts)


def render_place(loc: Sequence[int | str], kind: object, lang: str = "vi") -> str:
    """Where an error of pydantic's type ``kind`` is, in words (:func:`render_path`): the one
    text of the place, in an error's message and in the column of a report."""
    return render_path(loc, lang, as_written=kind == "extra_forbidden")


def _ctx_value(value: Any, lang: str) -> Any:
    if isinstance(value, str) and lang == "vi":
        return value.replace(" or ", " hoặc ")
    return value


def render_reason(error: Mapping[str, Any], lang: str = "vi") -> str:
    """What is wrong, without the path, in ``lang``."""
    kind = str(error.get("type", ""))
    ctx: Mapping[str, Any] = error.get("ctx") or {}
    if kind in ("value_error", "assertion_error"):
        cause = ctx.get("error")
        message = getattr(cause, "message", None)
        if callable(message):
            return str(message(lang))
        if lang == "en":
            return str(error.get("msg", "")).removeprefix("Value error, ")
    key = f"pydantic.{kind}"
    if not has(key):
        return render("pydantic.other", {"msg": error.get("msg", kind)}, lang)
    params = {k: _ctx_value(v, lang) for k, v in ctx.items()}
    text = render(key, params, lang)
    return text if "%(" not in text else str(error.get("msg", kind))


def render_error(
    error: Mapping[str, Any], lang: str = "vi", *, loc: Sequence[int | str] | None = None
) -> str:
    """One error of ``ValidationError.errors()`` in ``lang``: "path: reason" (the reason alone
    when the path is empty).  ``loc`` replaces the error's own path (e.g. to drop a prefix)."""
    reason = render_reason(error, lang)
    path = render_place(error.get("loc", ()) if loc is None else loc, error.get("type"), lang)
    return render("path.error", {"path": path, "message": reason}, lang) if path else reason


def render_errors(
    exc: ValidationError | Iterable[Mapping[str, Any]], lang: str = "vi"
) -> list[str]:
    """Every error of ``exc`` (a ``ValidationError``, or its ``errors()``) in ``lang``."""
    errors = exc.errors(include_url=False) if hasattr(exc, "errors") else exc
    return [render_error(e, lang) for e in errors]


@attrs.frozen(slots=True)
class Reason:
    """The exception behind a ``value_error``, as a value: its code and parameters when the
    library raised it (:class:`~khuyencong.errors.InvalidValueError`), else its text."""

    code: str | None
    params: tuple[tuple[str, Any], ...]
    text: str

    def message(self, lang: str = "vi") -> str:
        """The reason in ``lang``."""
        if self.code is None:
            return self.text
        return render(f"error.{self.code}", dict(self.params), lang)


def reason_of(exc: BaseException) -> Reason:
    """An exception as a :class:`Reason` (a value that renders in either language)."""
    return Reason(
        getattr(exc, "code", None),
        tuple(sorted(getattr(exc, "params", {}).items())),
        str(exc),
    )


@attrs.frozen(slots=True)
class FieldError:
    """One validation error as a parameter of a finding (rendered when the finding is read):
    ``path`` words (a column's label, or a model path) and the error itself."""

    loc: tuple[int | str, ...]
    type: str
    msg: str
    ctx: Mapping[str, Any] | None = None

    @classmethod
    def of(cls, error: Mapping[str, Any], loc: Sequence[int | str] | None = None) -> FieldError:
        """From an error of ``ValidationError.errors()``."""
        ctx = dict(error.get("ctx") or {})
        cause = ctx.get("error")
        if isinstance(cause, BaseException):  # kept as a value (compared, pickled)
            ctx["error"] = reason_of(cause)
        return cls(
            tuple(error.get("loc", ()) if loc is None else loc),
            str(error.get("type", "")),
            str(error.get("msg", "")),
            ctx or None,
        )

    def place(self, lang: str = "vi") -> str:
        """Where the error is, in words — as :meth:`message` names it."""
        return render_place(self.loc, self.type, lang)

    def message(self, lang: str = "vi") -> str:
        """The error in ``lang``."""
        error = {"loc": self.loc, "type": self.type, "msg": self.msg, "ctx": self.ctx}
        return render_error(error, lang)
