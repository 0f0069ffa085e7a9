"""The reader's own texts in Vietnamese: the warnings and errors of ``plangraph.read``,
``plangraph.sources`` and ``plangraph.legacy_encodings``, which write them in English.

Those modules are the reader's, kept apart from the catalogue; the commands that show what
they say (``build``, ``add``, any error) pass it through :func:`reader_text`, which knows
their fixed forms. A text it does not know is shown as it is.

Example:
    >>> from plangraph.catalogue import use
    >>> use("vi")
    >>> reader_text("004.txt:212: table row 3 names no lead agency")
    '004.txt:212: dòng 3 của bảng không ghi cơ quan chủ trì'
    >>> reader_text("a.md: a quyết định that issues a regulation, not a plan")
    'a.md: quyết định ban hành quy chế, quy định, không phải kế hoạch'
    >>> reader_text("something new")
    'something new'
    >>> use("en")
    >>> reader_text("004.txt:212: table row 3 names no lead agency")
    '004.txt:212: table row 3 names no lead agency'
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["reader_text", "FORMS"]

# (the English form, its fields as named groups) -> Vietnamese, filled with the same fields;
# a field named "why" or "reason" is itself passed through reader_text
FORMS: list[tuple[str, str]] = [
    # sources.py: how the bytes were read
    (r"UTF-8 byte order mark removed", "đã bỏ dấu thứ tự byte (BOM) của UTF-8"),
    (r"read as UTF-16 \(byte order mark\)", "đọc theo UTF-16 (có dấu thứ tự byte)"),
    (r"read as (?P<encoding>UTF-16-[LB]E) \(no byte order mark\)", "đọc theo {encoding} (không có dấu thứ tự byte)"),
    (r"not UTF-8: read as Windows-1258 \(Vietnamese\) and converted",
     "không phải UTF-8: đọc theo Windows-1258 (tiếng Việt) và đã chuyển đổi"),
    (r"not UTF-8: read as the legacy (?P<name>.+?) font encoding and converted to Unicode; check names",
     "không phải UTF-8: đọc theo bảng mã phông cũ {name} và đã chuyển sang Unicode; hãy kiểm tra các tên"),
    (r"(?P<count>\d+) lines normalised to NFC", "{count} dòng được chuẩn hóa về NFC"),
    (r"invalid UTF-16 \((?P<reason>.*)\)", "UTF-16 không hợp lệ ({reason})"),
    (r"binary file \(NUL bytes\), not a text document", "tệp nhị phân (có byte NUL), không phải văn bản"),
    (r"not UTF-8: looks like the legacy (?P<name>.+?) font encoding but cannot be converted safely "
     r"\((?P<why>.*)\); convert it to Unicode \(UTF-8\) first, e\.g\. with UniKey's converter",
     "không phải UTF-8: có vẻ là bảng mã phông cũ {name} nhưng không chuyển đổi an toàn được ({why}); hãy chuyển "
     "sang Unicode (UTF-8) trước, ví dụ bằng công cụ chuyển mã của UniKey"),
    (r"not UTF-8 \(byte 0x(?P<byte>[0-9a-f]{2}) at offset (?P<offset>\d+)\); convert the file to UTF-8",
     "không phải UTF-8 (byte 0x{byte} ở vị trí {offset}); hãy chuyển tệp sang UTF-8"),
    (r"cannot read: (?P<reason>.*)", "không đọc được: {reason}"),
    (r"empty file", "tệp rỗng"),
    (r"file not found", "không tìm thấy tệp"),
    (r"invalid TOML: (?P<detail>.*)", "TOML không hợp lệ: {detail}"),
    (r"a \[\[document\]\] entry has no 'file'", "một mục [[document]] không có 'file'"),
    # legacy_encodings.py: why a legacy encoding was not taken
    (r"the converted text does not read as Vietnamese", "văn bản sau khi chuyển không đọc được thành tiếng Việt"),
    (r"reads best as Windows-1258", "đọc đúng nhất theo Windows-1258"),
    (r"too few Vietnamese words to tell the encoding", "quá ít từ tiếng Việt để biết bảng mã"),
    (r"as (?P<name>\S+), (?P<errors>\d+) words or symbols do not read as Vietnamese, the first on line (?P<line>\d+)",
     "theo {name}, {errors} từ hoặc ký hiệu không đọc được thành tiếng Việt, đầu tiên ở dòng {line}"),
    (r"it reads as (?P<one>\S+) and as (?P<other>\S+)", "đọc được cả theo {one} lẫn theo {other}"),
    # read/: what the reader found in a document
    (r"no tasks found: not a plan\?", "không thấy nhiệm vụ nào: không phải kế hoạch?"),
    (r"a (?P<kind>.+?) that publishes administrative procedures, not a plan",
     "{kind} công bố thủ tục hành chính, không phải kế hoạch"),
    (r"a (?P<kind>.+?) that issues a regulation, not a plan", "{kind} ban hành quy chế, quy định, không phải kế hoạch"),
    (r"a (?P<kind>.+?) that issues no plan, not a plan", "{kind} không ban hành kế hoạch nào, không phải kế hoạch"),
    (r"the issuer's province is not printed; agencies are read as national \(set `jurisdiction` in plangraph\.toml\)",
     "văn bản không ghi tỉnh của cơ quan ban hành; các cơ quan được hiểu là cơ quan trung ương (đặt `jurisdiction` "
     "trong plangraph.toml)"),
    (r"the file holds no text", "tệp không có chữ nào"),
    (r"table row (?P<number>\S+) names no lead agency", "dòng {number} của bảng không ghi cơ quan chủ trì"),
]
_NESTED = ("why", "reason")


@lru_cache(maxsize=1)
def _compiled() -> list[tuple[re.Pattern[str], str]]:
    # on first use: a build that has nothing to say (most, and every `build -q` of clean
    # plans) imports this module but never asks it anything
    return [(re.compile(pattern + r"\Z"), vietnamese) for pattern, vietnamese in FORMS]


def _translate(text: str) -> str | None:
    for pattern, vietnamese in _compiled():
        match = pattern.match(text)
        if match:
            fields = {k: reader_text(v) if k in _NESTED else v for k, v in match.groupdict().items()}
            return vietnamese.format(**fields)
    return None


def reader_text(text: str) -> str:
    """``text`` in the current language: a known form of the reader's in Vietnamese, after
    the place it names ("a.txt:12: "), if any; anything else as it is."""
    from . import current

    if current() != "vi":
        return text
    whole = _translate(text)
    if whole is not None:
        return whole
    start = text.find(": ")
    while start != -1:  # after "FILE: " or "FILE:LINE: " (a file name may hold ": " too)
        rest = _translate(text[start + 2:])
        if rest is not None:
            return text[: start + 2] + rest
        start = text.find(": ", start + 1)
    return text
