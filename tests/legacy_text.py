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
