"""Vietnamese alphabetical order, without ICU.

Code points put "Sở Khoa học" before "Sở Kế hoạch" (h is U+0068, ế U+1EBF). Vietnamese
orders letters a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y (the other Latin
letters where Latin has them), compares tones only when the letters are equal, in the
order of dictionaries (and of ICU's "vi" collation): none, huyền, hỏi, ngã, sắc, nặng;
and case last. :func:`sort_key` gives that order; PyICU would too, at the cost of a
native library.

Example:
    >>> sorted(["Sở Khoa học và Công nghệ", "Sở Kế hoạch và Đầu tư", "Sở Y tế", "Sở Xây dựng"], key=sort_key)
    ['Sở Kế hoạch và Đầu tư', 'Sở Khoa học và Công nghệ', 'Sở Xây dựng', 'Sở Y tế']
    >>> sorted(["đào", "dao", "dào", "Dao", "dạo", "dáo", "dảo", "dão"], key=sort_key)
    ['dao', 'Dao', 'dào', 'dảo', 'dão', 'dáo', 'dạo', 'đào']
"""

from __future__ import annotations

import unicodedata

__all__ = ["sort_key"]

_LETTERS = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
# tones: grave (huyền), hook (hỏi), tilde (ngã), acute (sắc), dot below (nặng)
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_RANK = {letter: 100 + index for index, letter in enumerate(_LETTERS)}
_CACHE: dict[str, tuple] = {}


def _letter(base: str, marks: list[str]) -> str:
    for mark in marks:
        if mark == "\u0302":
            return {"a": "â", "e": "ê", "o": "ô"}.get(base, base)
        if mark == "\u0306" and base == "a":
            return "ă"
        if mark == "\u031b":
            return {"o": "ơ", "u": "ư"}.get(base, base)
    return base


def sort_key(text: str) -> tuple:
    """A key that sorts Vietnamese text in dictionary order (letters, then tones, then case)."""
    cached = _CACHE.get(text)
    if cached is not None:
        return cached
    primary, tones, cases = [], [], []
    for char in text:
        lower = char.lower()
        decomposed = unicodedata.normalize("NFD", lower)
        base, marks = decomposed[0], list(decomposed[1:])
        letter = "đ" if base == "đ" else _letter(base, marks)
        if letter in _RANK:
            primary.append(_RANK[letter])
        elif base.isdigit():
            primary.append(50 + int(base) if base in "0123456789" else 60)
        elif base.isspace():
            primary.append(1)
        else:
            primary.append(10 if not base.isalnum() else 1000 + ord(base))
        tones.append(next((_TONES[m] for m in marks if m in _TONES), 0))
        cases.append(0 if char == lower else 1)
    key = (tuple(primary), tuple(tones), tuple(cases))
    if len(_CACHE) < 100_000:
        _CACHE[text] = key
    return key
