"""The one message catalogue: every text a person reads, in Vietnamese and English.

The texts live in two gettext catalogues, ``locale/vi/LC_MESSAGES/khuyencong.po`` and
``locale/en/LC_MESSAGES/khuyencong.po``, read with babel the first time a text is asked for
(never at ``import khuyencong``).  The ``msgid`` of each entry is its stable key — ``status.eligible``,
``severity.warning``, ``column.requested``, ``finding.<code>``, ``pydantic.<error type>``,
``field.<name>``, ``cli.<name>`` — and the ``msgstr`` is the text with python-format named
placeholders (``%(detail)s``; a literal per cent sign is ``%%``).  A translator reviews all the
Vietnamese in one file; ``tests/test_catalogue.py`` fails when a key exists in one language only,
when the placeholders of a key differ between the languages, or when a finding code the code base
can emit has no text.

Results keep their ``code`` and named ``params``; the text is rendered only when asked
(:func:`render`), so building a result formats nothing.  A parameter is rendered in the language
asked for when it is a :class:`Text` pair, a :class:`Money` amount, a date, or has ``vi`` and ``en``
attributes (a :class:`~khuyencong.Citation`); a list or tuple is joined with commas.

>>> render("status.eligible", None, "vi")
'đủ điều kiện'
>>> render("finding.unreadable_line", {"detail": Text("ô trống", "empty cell")}, "en")
'This line cannot be read: empty cell'
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import attrs

__all__ = [
    "LANGS",
    "NO_PARAMS",
    "Catalogued",
    "Money",
    "Msg",
    "Text",
    "bilingual",
    "catalogue",
    "has",
    "po_path",
    "render",
    "render_param",
]

LANGS: Final = ("vi", "en")
"""The languages of the catalogue, Vietnamese first."""

_DIR: Final = Path(__file__).with_name("locale")


class _NoParams(Mapping[str, Any]):
    """An empty, immutable mapping that pickles as the one :data:`NO_PARAMS`."""

    __slots__ = ()

    def __getitem__(self, key: str) -> Any:
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0

    def __repr__(self) -> str:
        return "{}"

    def __reduce__(self) -> str:
        return "NO_PARAMS"


NO_PARAMS: Final[Mapping[str, Any]] = _NoParams()
"""The parameters of a message that has none (shared, never copied; pickles as itself)."""


@attrs.frozen(slots=True)
class Text:
    """A parameter that is already text in both languages (a name from the rulebook data, a
    reason from a ``NotEncoded``)."""

    vi: object
    en: object


@attrs.frozen(slots=True)
class Money:
    """An amount in whole đồng, written ``1.500.000 đ`` or ``1,500,000 VND`` when rendered."""

    amount: Decimal | int
    plain_en: bool = False
    """In English, the digits alone (``150000000``), as messages that predate the catalogue
    wrote them; Vietnamese always reads ``150.000.000 đ``."""


@attrs.frozen(slots=True)
class Msg:
    """A parameter that is itself a catalogue text (a finding's detail): ``key`` with its
    ``params``, rendered in the language of the message it is part of."""

    key: str
    params: Mapping[str, Any] = attrs.field(default=NO_PARAMS, hash=False)

    def message(self, lang: str = "vi") -> str:
        """The text in ``lang``."""
        return render(self.key, self.params, lang)


def po_path(lang: str) -> Path:
    """The ``.po`` file of ``lang``."""
    return _DIR / lang / "LC_MESSAGES" / "khuyencong.po"


@cache
def catalogue(lang: str) -> Mapping[str, str]:
    """The texts of ``lang`` ("vi" or "en") by key, read once with babel."""
    from babel.messages.pofile import read_po

    with po_path("vi" if lang == "vi" else "en").open("rb") as f:
        cat = read_po(f, locale=lang, domain="khuyencong")
    return {str(m.id): str(m.string) for m in cat if m.id and m.string}


def has(key: str) -> bool:
    """Whether ``key`` has a text (in Vietnamese; the catalogue test keeps English in step)."""
    return key in catalogue("vi")


def render_param(value: Any, lang: str) -> Any:
    """``value`` as it reads in ``lang``."""
    if type(value) is str:
        return value
    if isinstance(value, Text):
        return render_param(value.vi if lang == "vi" else value.en, lang)
    if isinstance(value, Money):
        from .formatting import format_vnd

        if value.plain_en and lang != "vi":
            return str(value.amount)
        return format_vnd(value.amount, lang)
    if isinstance(value, date):
        from .formatting import format_date

        return format_date(value, lang)
    message = getattr(value, "message", None)
    if callable(message):  # a finding, an error: rendered in the same language
        return message(lang)
    if isinstance(value, (list, tuple)):
        return ", ".join(str(render_param(v, lang)) for v in value)
    vi = getattr(value, "vi", None)
    en = getattr(value, "en", None)
    if isinstance(vi, str) and isinstance(en, str):  # a citation, a labelled code
        return vi if lang == "vi" else en
    if isinstance(value, Decimal):
        return format(value, "f")
    return value


def render(key: str, params: Mapping[str, Any] | None = None, lang: str = "vi") -> str:
    """The text of ``key`` in ``lang`` with its ``params``.  A key the catalogue lacks is shown
    as it is, with its parameters, so that nothing is ever hidden."""
    template = catalogue(lang).get(key)
    if template is None:
        if not params:
            return key
        shown = ", ".join(f"{k}={render_param(v, lang)}" for k, v in params.items())
        return f"{key} ({shown})"
    values = {k: render_param(v, lang) for k, v in params.items()} if params else {}
    try:
        return template % values
    except (KeyError, ValueError, TypeError):
        return f"{template} {values}"


def bilingual(key: str, params: Mapping[str, Any] | None = None) -> tuple[str, str]:
    """The text of ``key`` in Vietnamese and in English: for results whose fields hold both
    texts (``reason_vi``/``reason_en``, ``message_vi``/``message_en``)."""
    return render(key, params, "vi"), render(key, params, "en")


class Catalogued:
    """Mixin of every result whose text comes from the catalogue: it has a ``code`` and named
    ``params`` and, when its text is not ``finding.<code>``, a ``key``.  The text is rendered
    only when asked for (:meth:`message`, :attr:`message_vi`, :attr:`message_en`)."""

    __slots__ = ()

    if TYPE_CHECKING:
        code: str
        params: Mapping[str, Any]
        key: str | None

    @property
    def message_key(self) -> str:
        """The catalogue key of the text: ``key``, or ``finding.<code>``."""
        return self.key or f"finding.{self.code}"

    def message(self, lang: str = "vi") -> str:
        """The message in ``lang`` ("vi" or "en")."""
        return render(self.message_key, self.params, lang)

    @property
    def message_vi(self) -> str:
        """The message in Vietnamese."""
        return self.message("vi")

    @property
    def message_en(self) -> str:
        """The message in English."""
        return self.message("en")
