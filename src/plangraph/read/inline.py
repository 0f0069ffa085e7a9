"""Inline marks of one logical line: Markdown/HTML emphasis removed, with a per-character mask.

Converters print emphasis as ``**bold**``, ``*italic*``, ``__bold__``, ``<b>...</b>``; a
bold run may open on one line and close on the next ("**I. MỤC" / "ĐÍCH, YÊU CẦU**"). The
reader needs the text without the marks and, for headings, which characters were bold or
italic. :func:`strip_marks` returns both.

Example:
    >>> text, bold, italic = strip_marks("**14.** Các sở *chủ trì*")
    >>> text
    '14. Các sở chủ trì'
    >>> ''.join('b' if b else '.' for b in bold)
    'bbb...............'
"""

from __future__ import annotations

import re

__all__ = ["strip_marks", "open_spans", "clean"]

_TAGS = re.compile(r"</?(?:b|strong|i|em|u|p|span|br|sup|sub|div|font)\b[^>]*>", re.IGNORECASE)
_TAG_BOLD = re.compile(r"<(/?)(?:b|strong)\b[^>]*>", re.IGNORECASE)
_TAG_ITALIC = re.compile(r"<(/?)(?:i|em)\b[^>]*>", re.IGNORECASE)
_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_FOOTNOTE = re.compile(r"\[\^?\d{1,2}\]")


def _tokens(line: str) -> list[tuple[str, str]]:
    """Split ``line`` into ("text", s) and ("mark", "**" | "*" | "__" | "<b>" ...) tokens."""
    out: list[tuple[str, str]] = []
    i, n = 0, len(line)
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            out.append(("text", "".join(buffer)))
            buffer.clear()

    while i < n:
        ch = line[i]
        if ch == "*":
            j = i
            while j < n and line[j] == "*":
                j += 1
            run = j - i
            # "**" toggles bold, "*" italic, "***" both; a lone "*" between spaces is a
            # bullet or a multiplication sign, not a mark.
            prev = line[i - 1] if i else " "
            nxt = line[j] if j < n else " "
            if run == 1 and prev.isspace() and nxt.isspace():
                buffer.append(ch)
            else:
                flush()
                out.extend([("mark", "**")] * (run // 2))  # "****" opens and closes: no change
                if run % 2 == 1:
                    out.append(("mark", "*"))
            i = j
            continue
        if ch == "_" and line.startswith("__", i):
            prev = line[i - 1] if i else " "
            nxt = line[i + 2] if i + 2 < n else " "
            if not (prev.isalnum() and nxt.isalnum()):
                flush()
                out.append(("mark", "**"))
                i += 2
                continue
        if ch == "<":
            match = _TAG_BOLD.match(line, i) or _TAG_ITALIC.match(line, i)
            if match:
                flush()
                out.append(("mark", "**" if _TAG_BOLD.match(line, i) else "*"))
                i = match.end()
                continue
            match = _TAGS.match(line, i)
            if match:
                i = match.end()
                continue
        buffer.append(ch)
        i += 1
    flush()
    return out


def strip_marks(line: str, bold: bool = False, italic: bool = False) -> tuple[str, list[bool], list[bool]]:
    """Remove emphasis marks; return the text and which characters were bold / italic.

    ``bold`` and ``italic`` give the state carried over from the line before.
    Whitespace is collapsed and the text is stripped.
    """
    chars: list[str] = []
    bolds: list[bool] = []
    italics: list[bool] = []
    line = _BOOKMARK.sub("", line)
    for kind, value in _tokens(line):
        if kind == "mark":
            if value == "**":
                bold = not bold
            else:
                italic = not italic
            continue
        for ch in value:
            chars.append(ch)
            bolds.append(bold)
            italics.append(italic)
    # collapse whitespace, keeping the masks aligned
    text: list[str] = []
    b_out: list[bool] = []
    i_out: list[bool] = []
    for ch, b, it in zip(chars, bolds, italics):
        if ch in " \t\u00a0\u202f\u3000" or "\u2000" <= ch <= "\u200a":
            if not text or text[-1] == " ":
                continue
            ch = " "
        text.append(ch)
        b_out.append(b)
        i_out.append(it)
    while text and text[-1] == " ":
        text.pop()
        b_out.pop()
        i_out.pop()
    return "".join(text), b_out, i_out


def open_spans(line: str, bold: bool = False, italic: bool = False) -> tuple[bool, bool]:
    """The emphasis state after ``line``, starting from ``bold`` / ``italic``.

    Example:
        >>> open_spans("**I. MỤC")
        (True, False)
    """
    for kind, value in _tokens(line):
        if kind == "mark":
            if value == "**":
                bold = not bold
            else:
                italic = not italic
    return bold, italic


def clean(text: str) -> str:
    """Text without marks, bookmarks, footnote markers and repeated spaces.

    Example:
        >>> clean("**Cơ quan chủ trì[1]**")
        'Cơ quan chủ trì'
    """
    text = _BOOKMARK.sub("", text)
    plain = strip_marks(text)[0]
    plain = _FOOTNOTE.sub("", plain)
    plain = plain.replace("\u2013", "-").replace("\u2014", "-")
    return _SPACES.sub(" ", plain).strip()
