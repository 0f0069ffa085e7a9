"""Vietnamese text helpers: normalisation, diacritics-free keys, numbers, slugs.

Everything here is pure Python (``unicodedata`` and ``re``) so that it stays cheap to
import.

Example:
    >>> fold("Sở Kế hoạch và Đầu tư")
    'so ke hoach va dau tu'
    >>> parse_vn_number("5.200")
    Decimal('5200')
    >>> parse_vn_number("0,3")
    Decimal('0.3')
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# nfc and the invisible characters it removes live apart, without re (the quick path's)
from .unicode_form import INVISIBLE as _INVISIBLE, nfc  # noqa: F401 - part of this module's interface

TYPE_CHECKING = False  # (for the annotations only: importing typing costs a query command ~4 ms)
if TYPE_CHECKING:
    from decimal import Decimal

__all__ = [
    "UPPER",
    "LOWER",
    "nfc",
    "clean_line",
    "collapse_spaces",
    "tone_key",
    "fold",
    "slugify",
    "parse_vn_number",
    "roman_to_int",
    "ROMAN_RE",
]

# Character-class bodies for Vietnamese capitals and small letters (UPPER, LOWER). A range
# such as "À-Ỹ" would take in small letters too: Latin Extended Additional interleaves the
# cases. Made on first use (module __getattr__): scanning 16,000 code points cost every
# command a few milliseconds, and only the reader needs them.
_LETTERS: dict[str, str] = {}


def __getattr__(name: str) -> str:
    if name in ("UPPER", "LOWER"):
        if name not in _LETTERS:
            start, test = (0x41, str.isupper) if name == "UPPER" else (0x61, str.islower)
            _LETTERS[name] = "".join(sorted({chr(c) for c in range(start, 0x1F00) if test(chr(c)) and chr(c).isalpha()}))
        return _LETTERS[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

# the runs of spaces that a collapse changes: two or more characters, or one that is not " "
# (replacing every single space by itself was the costliest step of reading a line)
_SPACES_TO_FIX = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000][ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]*"
                            r"| [ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def collapse_spaces(text: str) -> str:
    """Runs of spaces (tabs, no-break and thin spaces) as one space, the ends stripped.

    Example:
        >>> collapse_spaces("  Sở\u00a0 Y tế\t")
        'Sở Y tế'
    """
    if text.isascii() and "  " not in text and "\t" not in text:
        return text.strip()  # ASCII has no other space the pattern changes (most folded keys)
    return _SPACES_TO_FIX.sub(" ", text).strip()
_TAGS = re.compile(r"</?(?:b|i|u|p|em|strong|span|br)\b[^>]*>", re.IGNORECASE)
_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")


# compiled once: the function runs for every name, line or task of a build
_HEADING_MARK = re.compile(r"^\s*#{1,6}\s+")
_ITALIC_LABEL = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")


def clean_line(line: str) -> str:
    """Strip the debris of document conversion from one line of text.

    Removes HTML tags (``<b>``, ``<i>``, ``<p>``), Markdown emphasis and heading marks,
    bookmarks, and collapses whitespace (tabs included).

    Example:
        >>> clean_line("## **2. Hoàn thiện thể chế**")
        '2. Hoàn thiện thể chế'
    """
    line = nfc(line)
    line = _TAGS.sub("", line)
    line = _BOOKMARK.sub("", line)
    line = line.replace("**", "").replace("__", "")
    line = _HEADING_MARK.sub("", line)
    # Markdown italics around labels: "*Nhiệm vụ chung:*"
    line = _ITALIC_LABEL.sub(r"\1", line)
    line = line.replace("\u2013", "-").replace("\u2014", "-")
    return collapse_spaces(line)


# Old-style and new-style tone placement ("hoá" / "hóa", "uỷ" / "ủy") are both met.
_TONE_PAIRS = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_TONE_RE = re.compile("|".join(sorted(_TONE_PAIRS, key=len, reverse=True)))


@lru_cache(maxsize=65536)
def tone_key(text: str) -> str:
    """Lower-case ``text`` and unify tone-mark placement, keeping diacritics.

    Example:
        >>> tone_key("Thanh Hoá") == tone_key("Thanh Hóa")
        True
    """
    text = nfc(text).lower()
    return _TONE_RE.sub(lambda m: _TONE_PAIRS[m.group(0)], text)


_MARKS = re.compile(r"[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_NOT_SLUG_RE = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Return a lower-case key without diacritics ("đ" becomes "d").

    Example:
        >>> fold("Ủy ban nhân dân")
        'uy ban nhan dan'
    """
    # a text of Latin letters alone (nearly every one) is folded a letter at a time: NFC
    # leaves it as it is, and neither lower case nor NFD mixes one letter with the next.
    # A letter outside the table is left as it is by translate(), so a folded text that is
    # all ASCII was such a text (the table's letters that fold to ASCII, and ASCII)
    if text.isascii():
        return collapse_spaces(text.lower())
    folded = text.translate(_FOLD_TABLE or _fold_table())
    if folded.isascii():
        return collapse_spaces(folded)
    return _fold_general(text)


def _fold_general(text: str) -> str:
    text = unicodedata.normalize("NFD", nfc(text).lower()).replace("đ", "d")
    return collapse_spaces(_MARKS.sub("", text))


_FOLD_TABLE: dict[int, str] = {}


def _fold_table() -> dict[int, str]:
    """Each letter of the Latin blocks that :func:`fold` may take alone (no combining mark,
    already in NFC, not one :func:`nfc` drops) and folds to ASCII, with its folded form."""
    for code in (*range(0x250), *range(0x1E00, 0x1F00)):
        char = chr(code)
        if unicodedata.combining(char) or not unicodedata.is_normalized("NFC", char) or code in _INVISIBLE:
            continue
        folded = _MARKS.sub("", unicodedata.normalize("NFD", char.lower()).replace("đ", "d"))
        if folded.isascii():
            _FOLD_TABLE[code] = folded
    return _FOLD_TABLE


def slugify(text: str, max_length: int = 80) -> str:
    """Make an ASCII slug for IRIs.

    Example:
        >>> slugify("Sở Nông nghiệp và Phát triển nông thôn")
        'so-nong-nghiep-va-phat-trien-nong-thon'
        >>> slugify("58-NQ/TW")
        '58-nq-tw'
    """
    slug = _NOT_SLUG_RE.sub("-", fold(text)).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug or "x"


_NUMBER_RE = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$|^\d+(?:,\d+)?$|^\d+\.\d{1,2}$")


# compiled once: the function runs for every name, line or task of a build
_POINT_DECIMAL = re.compile(r"^\d+\.\d{1,2}$")


def parse_vn_number(text: str) -> Decimal | None:
    """Parse a number written the Vietnamese way: "." groups thousands, "," is decimal.

    A lone "." followed by one or two digits ("4.0") is read as a decimal point, since a
    thousands group always has three digits.

    Example:
        >>> parse_vn_number("750.000")
        Decimal('750000')
        >>> parse_vn_number("16,71")
        Decimal('16.71')
        >>> parse_vn_number("08")
        Decimal('8')
    """
    from decimal import Decimal, InvalidOperation  # only the reader needs numbers

    text = text.strip()
    if not _NUMBER_RE.match(text):
        return None
    if _POINT_DECIMAL.match(text):
        normal = text
    else:
        normal = text.replace(".", "").replace(",", ".")
    try:
        value = Decimal(normal)
    except InvalidOperation:  # pragma: no cover - guarded by the regex
        return None
    return Decimal(int(value)) if value == value.to_integral() else value


ROMAN_RE = re.compile(r"^(?=[IVXL])(L?X{0,3})(IX|IV|V?I{0,3})$")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def roman_to_int(text: str) -> int | None:
    """Convert a Roman numeral (I..LXXXIX) to an int, or None.

    Example:
        >>> roman_to_int("XIV")
        14
    """
    if not ROMAN_RE.match(text):
        return None
    total = 0
    for char, following in zip(text, text[1:] + " "):
        value = _ROMAN[char]
        total += -value if following != " " and _ROMAN.get(following, 0) > value else value
    return total
