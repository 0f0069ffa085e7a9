"""Helpers that produce the encodings met in provincial archives, for tests."""

from __future__ import annotations

import unicodedata

_MODIFIERS = {"\u0302", "\u0306", "\u031b"}  # circumflex, breve, horn: part of the letter in cp1258


def to_cp1258(text: str) -> bytes:
    """Encode as Windows-1258: letters precomposed with their vowel marks, tone marks combining."""
    out = []
    for char in text:
        try:
            char.encode("cp1258")
            out.append(char)
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", char)
        base = parts[0] + "".join(m for m in parts[1:] if m in _MODIFIERS)
        tones = "".join(m for m in parts[1:] if m not in _MODIFIERS)
        out.append(unicodedata.normalize("NFC", base) + tones)
    return "".join(out).encode("cp1258")


# -- legacy font encodings ---------------------------------------------------------------
# Built here from the fonts' layouts, independently of the tables in
# plangraph.legacy_encodings, so that a slip in either shows up in the round-trip tests.

VOWELS = "aăâeêioôơuưy"
TONE_MARKS = {"acute": "\u0301", "grave": "\u0300", "hook": "\u0309", "tilde": "\u0303", "dot": "\u0323"}


def vietnamese_letters() -> list[str]:
    """Every Vietnamese letter that is not ASCII: 67 lower-case and 67 capitals (134)."""
    lower = []
    for vowel in VOWELS:
        for mark in ("", *TONE_MARKS.values()):
            letter = unicodedata.normalize("NFC", vowel + mark)
            if not letter.isascii():
                lower.append(letter)
    lower.append("đ")
    return lower + [c.upper() for c in lower]


# TCVN3 as the .VnTime font shows it when read as Windows-1252 (xvnkb's tcvn.h): each
# vowel's letter without tone (None: ASCII), then acute, grave, hook, tilde, dot below.
_TCVN3_GLYPHS = {
    "a": (None, "¸", "µ", "¶", "·", "¹"),
    "ă": ("¨", "¾", "»", "¼", "½", "Æ"),
    "â": ("©", "Ê", "Ç", "È", "É", "Ë"),
    "e": (None, "Ð", "Ì", "Î", "Ï", "Ñ"),
    "ê": ("ª", "Õ", "Ò", "Ó", "Ô", "Ö"),
    "i": (None, "Ý", "×", "Ø", "Ü", "Þ"),
    "o": (None, "ã", "ß", "á", "â", "ä"),
    "ô": ("«", "è", "å", "æ", "ç", "é"),
    "ơ": ("¬", "í", "ê", "ë", "ì", "î"),
    "u": (None, "ó", "ï", "ñ", "ò", "ô"),
    "ư": ("\xad", "ø", "õ", "ö", "÷", "ù"),
    "y": (None, "ý", "ú", "û", "ü", "þ"),
}
_TCVN3_CAPITALS = {"Ă": "¡", "Â": "¢", "Ê": "£", "Ô": "¤", "Ơ": "¥", "Ư": "¦", "Đ": "§", "đ": "®"}


def _tcvn3_table() -> dict[str, bytes]:
    table = {}
    for vowel, glyphs in _TCVN3_GLYPHS.items():
        for mark, glyph in zip(("", *TONE_MARKS.values()), glyphs):
            if glyph is not None:
                letter = unicodedata.normalize("NFC", vowel + mark)
                table[letter] = glyph.encode("cp1252")
                # No capital with a tone mark: typed as the lower-case byte in .VnTimeH.
                table.setdefault(letter.upper(), glyph.encode("cp1252"))
    table.update({c: g.encode("cp1252") for c, g in _TCVN3_CAPITALS.items()})
    return table


TCVN3_TABLE = _tcvn3_table()


def to_tcvn3(text: str) -> bytes:
    """Encode as a .txt file saved from a .VnTime document: capitals with tone marks lose
    their case (the lower-case byte, drawn as a capital by .VnTimeH); other characters as
    Windows-1252."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        out += TCVN3_TABLE.get(char) or char.encode("cp1252")
    return bytes(out)


# VNI for Windows as typed: base letter + one mark byte. Lower-case marks; a capital takes
# the mark 0x20 lower (the Windows-1252 capital of the same accented letter).
_VNI_TONE = {"acute": 0xF9, "grave": 0xF8, "hook": 0xFB, "tilde": 0xF5, "dot": 0xEF}
_VNI_CIRCUMFLEX = {None: 0xE2, "acute": 0xE1, "grave": 0xE0, "hook": 0xE5, "tilde": 0xE3, "dot": 0xE4}
_VNI_BREVE = {None: 0xEA, "acute": 0xE9, "grave": 0xE8, "hook": 0xFA, "tilde": 0xFC, "dot": 0xEB}
# Letters VNI writes as one byte (lower-case; the capital is 0x20 lower).
_VNI_SINGLE = {
    "ơ": 0xF4, "ư": 0xF6, "đ": 0xF1, "í": 0xED, "ì": 0xEC, "ỉ": 0xE6, "ĩ": 0xF3, "ị": 0xF2, "ỵ": 0xEE,
}
_MARK_NAMES = {v: k for k, v in TONE_MARKS.items()}


def _vni_letter(letter: str) -> bytes:
    shift = 0x20 if letter.isupper() else 0
    lower = letter.lower()
    if lower in _VNI_SINGLE:
        return bytes([_VNI_SINGLE[lower] - shift])
    parts = unicodedata.normalize("NFD", letter)
    tone = next((_MARK_NAMES[m] for m in parts[1:] if m in _MARK_NAMES), None)
    shape = next((m for m in parts[1:] if m not in _MARK_NAMES), None)
    if shape == "\u031b":  # horn: ơ or ư is one byte, then the tone mark
        head = bytes([_VNI_SINGLE["ơ" if parts[0] in "oO" else "ư"] - shift])
    else:
        head = parts[0].encode("ascii")
    if shape == "\u0302":
        mark = _VNI_CIRCUMFLEX[tone]
    elif shape == "\u0306":
        mark = _VNI_BREVE[tone]
    elif tone:
        mark = _VNI_TONE[tone]
    else:
        return head
    return head + bytes([mark - shift])


def to_vni(text: str) -> bytes:
    """Encode as a .txt file saved from a VNI-Times document; other characters as Windows-1252."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        if char.isascii():
            out += char.encode("ascii")
        elif char in _VIETNAMESE:
            out += _vni_letter(char)
        else:
            out += char.encode("cp1252")
    return bytes(out)


_VIETNAMESE = frozenset(vietnamese_letters())
