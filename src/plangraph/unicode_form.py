"""Text in Unicode NFC without the invisible characters converters leave behind.

Apart from :mod:`plangraph.text` (which re-exports :func:`nfc`), whose regular
expressions import ``re``: a name given to ``tasks`` is put in this form before it is
looked up, and ``re`` with what it imports costs that command more than its query (issue 16).

Example:
    >>> nfc("Ho\\u0300a\\u200b") == "Hòa"
    True
"""

from __future__ import annotations

import unicodedata

__all__ = ["nfc", "INVISIBLE"]

# Invisible characters that converters leave behind; they must not change the graph.
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC without invisible characters.

    Example:
        >>> nfc("Ho\\u0300a") == "Hòa"
        True
    """
    if text.isascii():
        return text
    # the usual case, and much cheaper to check than to redo (a scan for each invisible
    # character beats one pass of a class of them over a long text)
    if unicodedata.is_normalized("NFC", text) and "\u200b" not in text and "\u200c" not in text and \
            "\u200d" not in text and "\u2060" not in text and "\ufeff" not in text and "\u00ad" not in text:
        return text
    return unicodedata.normalize("NFC", text).translate(INVISIBLE)
