"""What the dataset tests share: the usual header of a tidy plan file, and text encoded the way
Windows writes Windows-1258."""

from __future__ import annotations

import unicodedata

HEADER = [
    "Mã đề án",
    "Tên đề án",
    "Năm kế hoạch",
    "Nguồn kinh phí",
    "Tỉnh/Thành phố",
    "Nội dung",
    "Hạng mục chi",
    "Tổng kinh phí",
    "Kinh phí KCQG",
    "Đối ứng",
]


def cp1258(text: str) -> bytes:
    """Encode as Windows-1258 does: a letter it has precomposed as one byte, else the letter
    followed by its tone mark as a combining character (a separate byte); what it cannot encode
    at all becomes ``?``."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", char)
        base, marks = decomposed[0], list(decomposed[1:])
        for index, mark in enumerate(marks):
            head = unicodedata.normalize("NFC", base + mark)
            rest = "".join(marks[:index] + marks[index + 1 :])
            try:
                out += head.encode("cp1258") + rest.encode("cp1258")
                break
            except UnicodeEncodeError:
                continue
        else:
            out += (base + "".join(marks)).encode("cp1258", errors="replace")
    return bytes(out)
