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

**Plural forms, the gettext way.**  A text that counts something is a plural entry: its
``msgid_plural`` is the *name of the parameter that counts* (conventionally ``n``; a finding or a
pydantic error keeps the name its parameters already have: ``sets``, ``max_length``), and its
``msgstr[0]``… are the forms that the ``Plural-Forms`` header of the language chooses between
(Vietnamese has one form, English two: ``nplurals=2; plural=(n != 1)``)::

    msgid "cli.invalid_proposal"
    msgid_plural "n"
    msgstr[0] "%(name)s: not a valid proposal (%(n)s error):"
    msgstr[1] "%(name)s: not a valid proposal (%(n)s errors):"

:func:`render` chooses the form by that parameter: an ``int`` (or a string of digits), written
with the language's digit grouping (``10.000`` / ``10,000``); anything else — a count not known,
a fraction such as ``0.5`` seconds — reads the last form (the general plural).  Every form holds
the same placeholders, the counting one among them; a text that counts two things is two
entries, one nested in the other as a :class:`Msg` parameter.  :func:`catalogue` gives a plural
entry's last form; :func:`plurals` gives all of them.

Results keep their ``code`` and named ``params``; the text is rendered only when asked
(:func:`render`), so building a result formats nothing.  A parameter is rendered in the language
asked for when it is a :class:`Text` pair, a :class:`Money` amount, a date, or has ``vi`` and ``en``
attributes (a :class:`~khuyencong.Citation`); a list or tuple is joined with commas.

>>> render("status.eligible", None, "vi")
'đủ điều kiện'
>>> render("finding.unreadable_line", {"detail": Text("ô trống", "empty cell")}, "en")
'This line cannot be read: empty cell'
>>> render("cli.problems", {"n": 1}, "en"), render("cli.problems", {"n": 1200}, "en")
('1 problem', '1,200 problems')
>>> render("cli.problems", {"n": 1200}, "vi")
'1.200 vấn đề'
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
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
    "Plural",
    "Text",
    "bilingual",
    "catalogue",
    "has",
    "plural_template",
    "plurals",
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


@attrs.frozen(slots=True)
class Plural:
    """A plural entry of the catalogue: the parameter that counts, the forms of the language,
    and the language's choice of form (its ``Plural-Forms`` header)."""

    count: str
    """The name of the parameter that counts (the entry's ``msgid_plural``)."""
    forms: tuple[str, ...]
    choose: Callable[[int], int] = attrs.field(eq=False, repr=False)
    """The index of the form for a count (the header's ``plural=`` expression)."""

    def template(self, n: int | None) -> str:
        """The form for the count ``n``; the last (general) form when the count is not known."""
        if n is None:
            return self.forms[-1]
        return self.forms[min(self.choose(n), len(self.forms) - 1)]


@cache
def _read(lang: str) -> tuple[Mapping[str, str], Mapping[str, Plural]]:
    import gettext

    from babel.messages.pofile import read_po

    with po_path("vi" if lang == "vi" else "en").open("rb") as f:
        cat = read_po(f, locale=lang, domain="khuyencong")
    choose = gettext.c2py(cat.plural_expr)
    texts: dict[str, str] = {}
    plural: dict[str, Plural] = {}
    for m in cat:
        if isinstance(m.id, (list, tuple)):
            forms = tuple(str(form) for form in m.string or ())
            if m.id[0] and all(forms):
                plural[str(m.id[0])] = Plural(str(m.id[1]), forms, choose)
                texts[str(m.id[0])] = forms[-1]
        elif m.id and m.string:
            texts[str(m.id)] = str(m.string)
    return texts, plural


def catalogue(lang: str) -> Mapping[str, str]:
    """The texts of ``lang`` ("vi" or "en") by key, read once with babel; a plural entry gives
    its last (general) form."""
    return _read(lang)[0]


def plurals(lang: str) -> Mapping[str, Plural]:
    """The plural entries of ``lang`` by key."""
    return _read(lang)[1]


def _count(value: Any) -> int | None:
    if type(value) is int:
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return None


def plural_template(key: str, lang: str, n: int | None) -> str | None:
    """The text of ``key`` in ``lang`` for the count ``n`` (the form its ``Plural-Forms``
    chooses when ``key`` is a plural entry); ``None`` for a key the catalogue lacks."""
    entry = plurals(lang).get(key)
    if entry is not None:
        return entry.template(n)
    return catalogue(lang).get(key)


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
    """The text of ``key`` in ``lang`` with its ``params`` (the form of a plural entry chosen by
    its counting parameter).  A key the catalogue lacks is shown as it is, with its parameters,
    so that nothing is ever hidden."""
    entry = plurals(lang).get(key)
    count = _count(params.get(entry.count)) if entry is not None and params else None
    template = entry.template(count) if entry is not None else catalogue(lang).get(key)
    if template is None:
        if not params:
            return key
        shown = ", ".join(f"{k}={render_param(v, lang)}" for k, v in params.items())
        return f"{key} ({shown})"
    values = {k: render_param(v, lang) for k, v in params.items()} if params else {}
    if entry is not None and count is not None and type(values.get(entry.count)) is int:
        from .formatting import format_count

        values[entry.count] = format_count(count, lang)
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
