"""Legal citations and provenance.

A :class:`Citation` points at a clause of a legal instrument the Vietnamese way, smallest unit
first: ``Điểm b khoản 2 Điều 6 Thông tư liên tịch 26/2014/TTLT-BTC-BCT``.  The instrument is named
by its number (``số hiệu``); its kind (Nghị định, Thông tư, Thông tư liên tịch, Quyết định) is read
from the issuer suffix of that number, so a citation needs no registry to be rendered.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from functools import cached_property
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..errors import InvalidValueError

__all__ = [
    "Amendment",
    "Citation",
    "LegalDocument",
    "Provenance",
    "document_kind",
    "number_year",
]

# The Vietnamese letters used as point labels, in the order the law uses them (no f, j, w, z;
# đ follows d).  Used to validate and to sort points.
POINT_LETTERS = [
    "a",
    "b",
    "c",
    "d",
    "đ",
    "e",
    "g",
    "h",
    "i",
    "k",
    "l",
    "m",
    "n",
    "o",
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "v",
    "x",
    "y",
]

_ORDINALS_VI = ["nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười"]

_KIND_BY_SUFFIX: tuple[tuple[str, str, str], ...] = (
    # (pattern in the number, Vietnamese kind, English kind)
    ("/TTLT-", "Thông tư liên tịch", "Joint Circular"),
    ("/TT-", "Thông tư", "Circular"),
    ("/NĐ-CP", "Nghị định", "Decree"),
    ("/QĐ-", "Quyết định", "Decision"),
    ("/NQ-", "Nghị quyết", "Resolution"),
    ("/CT-", "Chỉ thị", "Directive"),
    # Laws and resolutions of the National Assembly share the QH suffix; the number cannot tell them apart.
    ("/QH", "Văn bản của Quốc hội", "National Assembly instrument"),
)

# number / year / issuer.  Decisions and directives of the Prime Minister and ministries are often
# numbered without the year ("1288/QĐ-TTg", "20/CT-BCT"), and "TTg" has lower-case letters.
_NUMBER_RE = re.compile(r"^\d{1,5}(?:/\d{4})?/[A-ZĐ][A-Za-zĐđ0-9-]*\Z")


def number_year(number: str) -> int | None:
    """The year written in a document number, if it has one.

    >>> number_year("28/2018/TT-BTC"), number_year("1483/QĐ-TTg")
    (2018, None)
    """
    parts = number.split("/")
    return int(parts[1]) if len(parts) == 3 and parts[1].isdigit() else None


def document_kind(number: str, lang: str = "vi") -> str:
    """Return the kind of legal instrument a document number denotes.

    >>> document_kind("26/2014/TTLT-BTC-BCT")
    'Thông tư liên tịch'
    >>> document_kind("45/2012/NĐ-CP", "en")
    'Decree'
    """
    for marker, vi, en in _KIND_BY_SUFFIX:
        if marker in number:
            return vi if lang == "vi" else en
    return "Văn bản" if lang == "vi" else "Document"


class Provenance(StrEnum):
    """How well the library knows the text a value was encoded from."""

    OFFICIAL_TEXT = "official_text"
    """Encoded from the full official text (Bộ pháp điển, đề mục 7.5)."""
    SECONDARY = "secondary"
    """Known only from a public secondary summary; results that depend on it say so."""
    USER_SUPPLIED = "user_supplied"
    """Supplied by the user in a national amendment rulebook (a text the library does not hold);
    results that depend on it say so and name who supplied it."""
    CONVENTION = "convention"
    """Not given by the text: a date or value the library chose by convention or inferred, its
    reasoning in the value's note; results that depend on it say so, and a rulebook may set it
    otherwise (e.g. the end of TT 36/2013/TT-BCT, whose successor's effective date is unknown)."""

    @property
    def vi(self) -> str:
        """Vietnamese label."""
        return self.label("vi")

    @property
    def en(self) -> str:
        """English label."""
        return self.label("en")

    def label(self, lang: str = "vi") -> str:
        """The label in ``lang`` (``provenance.<value>`` of the message catalogue)."""
        from ..l10n.catalog import render

        return render(f"provenance.{self.value}", None, lang)


class Citation(BaseModel):
    """A clause of a legal instrument: document, article (Điều), clause (khoản), point (điểm).

    ``paragraph`` (đoạn) and ``dash`` (gạch đầu dòng) narrow a point further when the law puts two
    rules in one point, as point b of Art 6.2 TTLT 26/2014 does.

    >>> Citation(document="26/2014/TTLT-BTC-BCT", article=6, clause=2, point="b").vi
    'Điểm b khoản 2 Điều 6 Thông tư liên tịch 26/2014/TTLT-BTC-BCT'
    >>> Citation(document="45/2012/NĐ-CP", article=5, clause=1, point="e").en
    'Art 5.1.e of Decree 45/2012/NĐ-CP'
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    document: Annotated[str, Field(description="Số hiệu văn bản, e.g. 26/2014/TTLT-BTC-BCT")]
    article: Annotated[int | None, Field(ge=1, description="Điều (article)")] = None
    clause: Annotated[int | None, Field(ge=1, description="Khoản (clause)")] = None
    point: Annotated[str | None, Field(description="Điểm (point letter)")] = None
    paragraph: Annotated[int | None, Field(ge=1, description="Đoạn (paragraph of a point)")] = None
    dash: Annotated[int | None, Field(ge=1, description="Gạch đầu dòng (dash item)")] = None

    @field_validator("document")
    @classmethod
    def _check_number(cls, value: str) -> str:
        if not _NUMBER_RE.match(value):
            raise InvalidValueError(code="document_number", value=repr(value))
        return value

    @field_validator("point")
    @classmethod
    def _check_point(cls, value: str | None) -> str | None:
        if value is not None and value not in POINT_LETTERS:
            raise InvalidValueError(code="point_letter", value=repr(value))
        return value

    @cached_property
    def vi(self) -> str:
        """The citation as Vietnamese legal writing has it, smallest unit first."""
        parts: list[str] = []
        if self.dash is not None:
            ordinal = _ORDINALS_VI[self.dash - 1] if self.dash <= 10 else str(self.dash)
            parts.append(f"gạch đầu dòng thứ {ordinal}")
        if self.paragraph is not None:
            parts.append(f"đoạn {self.paragraph}")
        if self.point is not None:
            parts.append(f"điểm {self.point}")
        if self.clause is not None:
            parts.append(f"khoản {self.clause}")
        if self.article is not None:
            parts.append(f"Điều {self.article}")
        parts.append(f"{document_kind(self.document)} {self.document}")
        text = " ".join(parts)
        return text[0].upper() + text[1:]

    @cached_property
    def en(self) -> str:
        """The citation in English shorthand: ``Art 6.2.b of Joint Circular 26/2014/...``."""
        doc = f"{document_kind(self.document, 'en')} {self.document}"
        if self.article is None:
            return doc
        ref = ".".join(str(x) for x in (self.article, self.clause, self.point) if x is not None)
        extra = ""
        if self.paragraph is not None:
            extra += f", paragraph {self.paragraph}"
        if self.dash is not None:
            extra += f", dash {self.dash}"
        return f"Art {ref}{extra} of {doc}"

    @cached_property
    def key(self) -> str:
        """A stable short key: ``26/2014/TTLT-BTC-BCT:6.2.b`` (``.p1`` for a paragraph, ``.d2``
        for a dash).  Tests name the clause they cover with it (``@pytest.mark.clause(key)``).

        >>> Citation(document="26/2014/TTLT-BTC-BCT", article=6, clause=2, point="s", dash=1).key
        '26/2014/TTLT-BTC-BCT:6.2.s.d1'
        """
        parts = [str(x) for x in (self.article, self.clause, self.point) if x is not None]
        if self.paragraph is not None:
            parts.append(f"p{self.paragraph}")
        if self.dash is not None:
            parts.append(f"d{self.dash}")
        return self.document + (":" + ".".join(parts) if parts else "")

    def __str__(self) -> str:
        return self.vi


class Amendment(BaseModel):
    """An instrument that amended another, and from when (``None``: date not known here)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    document: str
    effective_from: date | None = None


class LegalDocument(BaseModel):
    """A legal instrument of the programme, as the registry knows it.

    ``text`` says how well the library knows its wording: ``official_text``, ``secondary`` (a
    public summary), or ``None`` (known by name only).  Dates that are not known are ``None``; the
    rule engine then refuses to guess which instrument governed.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    number: Annotated[str, Field(description="Số hiệu, e.g. 45/2012/NĐ-CP")]
    title_vi: str
    title_en: str
    issuer: str
    issued_on: date | None = None
    effective_from: date | None = None
    replaces: tuple[str, ...] = ()
    replaced_by: str | None = None
    replaced_on: date | None = None
    amended_by: tuple[Amendment, ...] = ()
    text: Provenance | None = None
    source: Annotated[str, Field(description="Where the library's knowledge of it comes from")] = ""

    @field_validator("number")
    @classmethod
    def _check_number(cls, value: str) -> str:
        return Citation._check_number(value)

    @property
    def kind_vi(self) -> str:
        """Vietnamese kind: Nghị định, Thông tư, Thông tư liên tịch..."""
        return document_kind(self.number, "vi")

    @property
    def kind_en(self) -> str:
        """English kind: Decree, Circular, Joint Circular..."""
        return document_kind(self.number, "en")

    @property
    def issued_year(self) -> int | None:
        """The year the document was issued: from its date, else from its number."""
        if self.issued_on is not None:
            return self.issued_on.year
        return number_year(self.number)

    @property
    def name_vi(self) -> str:
        """``Thông tư liên tịch 26/2014/TTLT-BTC-BCT``."""
        return f"{self.kind_vi} {self.number}"

    @property
    def name_en(self) -> str:
        """``Joint Circular 26/2014/TTLT-BTC-BCT``."""
        return f"{self.kind_en} {self.number}"

    def in_force(self, on: date) -> bool | None:
        """Whether the instrument was in force on ``on``; ``None`` when the dates are unknown."""
        if self.effective_from is None:
            return None
        if on < self.effective_from:
            return False
        if self.replaced_by is not None:
            if self.replaced_on is None:
                year = number_year(self.replaced_by)
                return None if year is None or on.year >= year else True
            return on < self.replaced_on
        return True
