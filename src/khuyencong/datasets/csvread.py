"""Decoding and line-aware reading of delimited text (CSV, TSV, Excel's "Unicode text").

Encodings (:func:`detect_encoding`): a byte-order mark decides (UTF-8, UTF-16 LE/BE, UTF-32);
without one, the text is UTF-8 when it decodes as UTF-8; UTF-8 with damaged bytes when its valid
UTF-8 letters are at least twice its undecodable bytes (each damaged line gets a finding);
Windows-1258 when it decodes as that and its letters are Vietnamese ones (its combining tone
marks are normalised to NFC); the letters are weighed on the first 4 MiB.  Anything else — or text with the zero bytes of UTF-16 but no
byte-order mark — stops with a :class:`~khuyencong.errors.DatasetError` saying that the encoding
cannot be told: a guessed encoding would give wrong names without a word.

Structural damage (:func:`csv_rows`): the reader counts **physical lines**.  A line without a
quote is split on the delimiter (the fast path).  A line with a quote is read with the
:mod:`csv` module in strict mode; a quoted cell may run over several lines (a cell with Alt+Enter
in Excel) when the record it closes has the width of the table and none of the lines inside
the cell looks like a whole row.  Otherwise — an unbalanced quote, a stray quote after a closing
one, a cell longer than Excel's 32,767 characters, a NUL byte — the *first* line is reported as
damaged (an ``unreadable_line`` error on that line, its cells dropped) and the lines after it are
read again as rows of their own.  So one stray ``"`` costs one row with a finding, never the 700
rows after it.  A NUL byte in a record whose quotes close where a record may end makes that
record, all its lines, the damaged row: the lines inside its quoted cell are not rows.
"""

from __future__ import annotations

import codecs
import csv
import re
import unicodedata
from collections.abc import Iterator
from itertools import chain
from typing import IO, Any, Final

from ..errors import SourceError
from ..l10n.catalog import Text
from .findings import RowFinding, finding

__all__ = ["MAX_FIELD", "MAX_SPAN", "csv_rows", "detect_encoding", "sniff_delimiter"]

MAX_FIELD: Final = 32_767
"""The longest cell, in characters (Excel's limit); a longer one is damage."""

MAX_SPAN: Final = 50
"""How many physical lines one quoted cell may span before it is taken for an unclosed quote."""

_CHUNK: Final = 1 << 20
_SAMPLE: Final = 1 << 16
_CONFIDENCE: Final = 1 << 22
"""How much of a file without a byte-order mark is read to weigh its encoding (4 MiB)."""

_VIETNAMESE: Final = frozenset(
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ"
)
"""The letters of Vietnamese beyond ASCII (precomposed, as NFC gives them)."""

_NON_ASCII_LETTER: Final = re.compile(r"[^\W\d_\x00-\x7f]|[\u0300-\u036f]")
_VIETNAMESE_LETTER: Final = re.compile("[" + "".join(sorted(_VIETNAMESE)) + "]")

_BOMS: Final = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class _Overrun(Exception):
    """A quoted cell ran past :data:`MAX_SPAN` lines."""


class _Plain:
    """Whether the blocks fed so far hold no NUL and no bare carriage return (a ``\\r`` not
    followed by ``\\n``): what the columnar engine of ``check`` needs of a file before it reads
    it by columns, told in the pass that checks its encoding (:func:`_scan`).  Blocks are the
    bytes of a UTF-8 file, the decoded text of another encoding."""

    __slots__ = ("cr", "ok")

    def __init__(self) -> None:
        self.ok = True
        self.cr = False
        """The last block ended with ``\\r`` (its ``\\n`` may start the next one)."""

    def feed(self, block: bytes | str) -> None:
        if not self.ok or not block:
            return
        marks: tuple[Any, Any, Any, Any] = _MARKS_BYTES if isinstance(block, bytes) else _MARKS_TEXT
        nul, cr, lf, bare = marks
        if nul in block or (self.cr and not block.startswith(lf)):
            self.ok = False
            return
        # A \r ending the block is looked at with the next one (its \n may start it).
        self.cr = block.endswith(cr)
        if bare.search(block, 0, len(block) - self.cr) is not None:
            self.ok = False

    @property
    def whole(self) -> bool:
        """No NUL and no bare carriage return in the whole file (call after its last block)."""
        return self.ok and not self.cr


_MARKS_BYTES: Final = (b"\x00", b"\r", b"\n", re.compile(rb"\r(?!\n)"))
_MARKS_TEXT: Final = ("\x00", "\r", "\n", re.compile(r"\r(?!\n)"))
"""NUL, carriage return, line feed and a bare carriage return (one not followed by a line
feed: a regular expression finds it by the fast search for its first character, where counting
``\\r\\n`` costs three times as much)."""


def _scan(stream: IO[bytes], encoding: str, plain: _Plain | None = None) -> bool:
    """Whether the whole stream decodes strictly as ``encoding``; ``plain`` is fed the file on
    the way (its bytes for UTF-8, its text otherwise)."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    bytewise = plain is None or encoding in ("utf-8", "utf-8-sig")
    try:
        while chunk := stream.read(_CHUNK):
            text = decoder.decode(chunk)
            if plain is not None:
                plain.feed(chunk if bytewise else text)
        text = decoder.decode(b"", final=True)
        if not bytewise and plain is not None:
            plain.feed(text)
    except UnicodeDecodeError:
        return False
    finally:
        stream.seek(0)
    return True


def _sample(stream: IO[bytes], encoding: str) -> str:
    """The first :data:`_CONFIDENCE` bytes decoded as ``encoding`` (undecodable bytes as
    U+FFFD), in NFC."""
    data = stream.read(_CONFIDENCE)
    stream.seek(0)
    return unicodedata.normalize("NFC", data.decode(encoding, errors="replace"))


def _letters(text: str) -> int:
    """How many letters beyond ASCII ``text`` holds."""
    return len(_NON_ASCII_LETTER.findall(text))


def detect_encoding(stream: IO[bytes], name: str) -> tuple[str, str, list[RowFinding]]:
    """Return ``(encoding, errors, notes)`` for a seekable binary stream, or raise
    :class:`DatasetError` when the encoding cannot be told with confidence (see the module)."""
    encoding, errors, notes, _ = _detect(stream, name)
    return encoding, errors, notes


def _detect(stream: IO[bytes], name: str) -> tuple[str, str, list[RowFinding], bool | None]:
    """:func:`detect_encoding`, and whether the file holds no NUL and no bare carriage return
    (see :class:`_Plain`) when it decodes strictly as UTF-8 or as its byte-order mark says
    (``None`` otherwise): one pass over the file tells both."""
    plain = _Plain()
    head = stream.read(_SAMPLE)
    stream.seek(0)
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            if _scan(stream, encoding, plain):
                return encoding, "strict", [], plain.whole
            notes = [finding("undecodable_bytes", None, encoding=encoding)]
            return encoding, "replace", notes, None
    if head.count(0) * 4 > len(head) > 0:
        raise SourceError("encoding_utf16_no_bom", name)
    if _scan(stream, "utf-8", plain):
        return "utf-8", "strict", [], plain.whole
    sample = _sample(stream, "utf-8")
    letters = _letters(sample)
    if letters and sample.count("\ufffd") * 2 <= letters:
        return "utf-8", "replace", [finding("undecodable_bytes", None, encoding="UTF-8")], None
    if _scan(stream, "cp1258"):
        sample = _sample(stream, "cp1258")
        letters = _letters(sample)
        if not letters or len(_VIETNAMESE_LETTER.findall(sample)) >= 0.8 * letters:
            return "cp1258", "strict", [finding("decoded_as_cp1258", None)], None
    raise SourceError("encoding_unknown", name)


def sniff_delimiter(stream: IO[bytes], encoding: str) -> str:
    """The delimiter (``,``, ``;`` or tab) most used over the first lines; ``,`` if none."""
    head = stream.read(_SAMPLE)
    stream.seek(0)
    text = head.decode(encoding, errors="replace").lstrip("\ufeff")
    lines = text.splitlines()[:30]
    if len(head) == _SAMPLE and len(lines) > 1:
        lines = lines[:-1]  # the last line may be cut
    counts = {d: sum(line.count(d) for line in lines) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


class _Feeder:
    """The lines one persistent :func:`csv.reader` reads: the line set in ``first``, then lines
    pulled from ``source``; each is kept in ``taken``, so that a damaged record can be read
    again.  (One reader for the whole file: building one per quoted line costs more than the
    line.)"""

    __slots__ = ("first", "source", "taken")

    def __init__(self) -> None:
        self.first: str | None = None
        self.source: Iterator[str] = iter(())
        self.taken: list[str] = []

    def __iter__(self) -> _Feeder:
        return self

    def __next__(self) -> str:
        line = self.first
        if line is not None:
            self.first = None
        else:
            if len(self.taken) >= MAX_SPAN:
                raise _Overrun
            line = next(self.source)
        self.taken.append(line)
        return line


def _swallowed(record: list[str], taken: list[str], widest: int, delimiter: str) -> Text | None:
    """Why a record spanning several lines looks like an unclosed quote, or ``None``."""
    if widest > 1 and len(record) != widest:
        return Text(
            f"một ô trong ngoặc kép kéo dài {len(taken)} dòng và dòng nó kết thúc có "
            f"{len(record)} ô trong khi bảng có {widest}",
            f"a quoted cell runs over {len(taken)} lines and the row it ends has "
            f"{len(record)} cells where the table has {widest}",
        )
    if widest > 2:
        for inner in taken[1:-1]:
            if inner.count(delimiter) >= widest - 1:
                return Text(
                    f"một ô trong ngoặc kép kéo dài {len(taken)} dòng trông như những dòng trọn vẹn",
                    f"a quoted cell runs over {len(taken)} lines that look like whole rows",
                )
    if any(len(cell) > MAX_FIELD for cell in record):
        return _LONG_CELL
    return None


_LONG_CELL: Final = Text(
    f"có ô dài hơn {MAX_FIELD} ký tự", f"a cell longer than {MAX_FIELD} characters"
)
_NUL: Final = Text("dòng có byte NUL (0x00)", "a NUL byte (0x00) in the line")


def _nul(last: int, span: int) -> Text:
    """A NUL byte in a record that runs to line ``last``."""
    if span == 1:
        return _NUL
    return Text(
        f"bản ghi đến dòng {last} có byte NUL (0x00)",
        f"a NUL byte (0x00) in the record, which runs to line {last}",
    )


def _damaged(number: int, detail: Text) -> tuple[RowFinding, ...]:
    return (finding("unreadable_line", number, detail=detail),)


def csv_rows(
    lines: Iterator[str],
    delimiter: str,
    *,
    replaced: bool,
    encoding: str,
    start: int = 0,
    widest: int = 0,
) -> Iterator[tuple[int, tuple[str, ...], tuple[RowFinding, ...], bool]]:
    """``(line number, cells, problems, damaged)`` for each record of ``lines`` (physical lines
    with their line ends, as a text stream opened with ``newline=""`` gives them).

    A record spanning *n* lines gives one row numbered by its first line, with an info finding
    naming its last line (so every line is accounted for); a damaged line gives a row with no
    cells and an ``unreadable_line`` error (``damaged`` true).  Lines are numbered from
    ``start + 1``; ``widest`` is the widest record read before them (a reader that takes over
    in the middle of a file, as the columnar engine's fall-back does).
    """
    number = start
    source: Iterator[str] = iter(lines)
    none: tuple[RowFinding, ...] = ()
    feeder = _Feeder()
    reader = csv.reader(feeder, delimiter=delimiter, strict=True)
    while True:
        restart = False
        for line in source:
            number += 1
            if '"' not in line and "\x00" not in line:
                body = line.rstrip("\r\n")
                if not body:
                    yield number, (), none, False
                    continue
                cells = tuple(body.split(delimiter))
                width = len(cells)
                if width > widest:
                    widest = width
                problems = none
                if len(body) > MAX_FIELD and any(len(c) > MAX_FIELD for c in cells):
                    yield number, (), _damaged(number, _LONG_CELL), True
                    continue
                if replaced and "\ufffd" in body:
                    problems = (finding("undecodable_bytes", number, encoding=encoding),)
                yield number, cells, problems, False
                continue
            if '"' not in line:  # a NUL byte (the quoted lines are read as records below)
                yield number, (), _damaged(number, _NUL), True
                continue
            taken: list[str] = []
            feeder.first, feeder.source, feeder.taken = line, source, taken
            error: Text | None = None
            record: list[str] = []
            try:
                record = next(reader)
            except csv.Error as exc:
                error = Text(
                    "dấu ngoặc kép không khớp (một ô mở ngoặc kép mà không đóng đúng chỗ)",
                    f"{exc} (an unbalanced quote?)",
                )
            except _Overrun:
                error = Text(
                    f"dấu ngoặc kép chưa được đóng trong {MAX_SPAN} dòng",
                    f"a quote is not closed within {MAX_SPAN} lines",
                )
            except StopIteration:  # pragma: no cover - the first line is always given
                record = []
            span = len(taken)
            text = line if span == 1 else "".join(taken)
            if error is None and span > 1:
                error = _swallowed(record, taken, widest, delimiter)
            if error is None and "\x00" in text:
                # The record is whole (its quotes close where a record may end): it is one
                # damaged row, its lines read no further, the lines after it rows of their own.
                yield number, (), _damaged(number, _nul(number + span - 1, span)), True
                number += span - 1
                continue
            if (
                error is None
                and len(text) > MAX_FIELD
                and any(len(cell) > MAX_FIELD for cell in record)
            ):
                error = _LONG_CELL
            if error is not None:
                yield number, (), _damaged(number, error), True
                if span > 1:
                    source = chain(taken[1:], source)
                    restart = True
                    break
                continue
            first = number
            problems = none
            if span > 1:
                number += span - 1
                problems = (finding("multiline_cell", first, detail=str(number)),)
            elif len(record) > widest:
                widest = len(record)
            if replaced and "\ufffd" in text:
                problems += (finding("undecodable_bytes", first, encoding=encoding),)
            yield first, tuple(record), problems, False
        if not restart:
            return


def normalised(lines: Iterator[str]) -> Iterator[str]:
    """Lines in NFC (Windows-1258 writes tone marks as combining characters)."""
    normalize = unicodedata.normalize
    for line in lines:
        yield line if line.isascii() else normalize("NFC", line)
