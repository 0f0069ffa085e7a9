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
from functools import lru_cache

from ..text import collapse_spaces

__all__ = ["strip_marks", "strip_marks_text", "open_spans", "clean", "all_bold", "plain_and_bold"]

_TAGS = re.compile(r"</?(?:b|strong|i|em|u|p|span|br|sup|sub|div|font)\b[^>]*>", re.IGNORECASE)
_TAG_BOLD = re.compile(r"<(/?)(?:b|strong)\b[^>]*>", re.IGNORECASE)
_TAG_ITALIC = re.compile(r"<(/?)(?:i|em)\b[^>]*>", re.IGNORECASE)
_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
_FOOTNOTE = re.compile(r"\[\^?\d{1,2}\]")


_MARK_RE = re.compile(r"\*+|__|<[^>]*>")
_SPACE_RUN = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u3000]+")
# the runs :data:`_SPACE_RUN` would change: two or more characters, or one that is not " "
# (replacing every single space by itself made this the costliest step of reading lines)
_SPACE_FIX = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u3000][ \t\u00a0\u2000-\u200a\u202f\u3000]*"
                        r"| [ \t\u00a0\u2000-\u200a\u202f\u3000]+")

_ANY_MARK = re.compile(r"[*_<\[]")  # what _has_marks looks for


def _has_marks(line: str) -> bool:
    """``_ANY_MARK.search(line)`` as four scans for one character (faster on a long line)."""
    return "*" in line or "_" in line or "<" in line or "[" in line
_EDGE_SPACES = " \t\u00a0\u202f\u3000\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"


def _tokens(line: str) -> list[tuple[str, str]]:
    """Split ``line`` into ("text", s) and ("mark", "**" | "*") tokens."""
    out: list[tuple[str, str]] = []
    position = 0
    pending = ""  # text held back until the next mark, so that text tokens stay whole
    for match in _MARK_RE.finditer(line):
        start, end, mark = match.start(), match.end(), match.group(0)
        before = line[start - 1] if start else " "
        after = line[end] if end < len(line) else " "
        if mark[0] == "*":
            # "**" toggles bold, "*" italic, "***" both; a lone "*" between spaces is a
            # bullet or a multiplication sign, not a mark. "****" opens and closes: no change.
            if len(mark) == 1 and before.isspace() and after.isspace():
                continue
            marks = [("mark", "**")] * (len(mark) // 2) + ([("mark", "*")] if len(mark) % 2 else [])
        elif mark == "__":
            if before.isalnum() and after.isalnum():
                continue  # "a__b": not a mark
            marks = [("mark", "**")]
        elif _TAG_BOLD.fullmatch(mark):
            marks = [("mark", "**")]
        elif _TAG_ITALIC.fullmatch(mark):
            marks = [("mark", "*")]
        elif _TAGS.fullmatch(mark):
            marks = []  # another tag: dropped
        else:
            continue  # "<" that is not a tag: text
        text = pending + line[position:start]
        if text:
            out.append(("text", text))
        pending = ""
        out.extend(marks)
        position = end
    rest = pending + line[position:]
    if rest:
        out.append(("text", rest))
    return out


def strip_marks(line: str, bold: bool = False, italic: bool = False) -> tuple[str, list[bool], list[bool]]:
    """Remove emphasis marks; return the text and which characters were bold / italic.

    ``bold`` and ``italic`` give the state carried over from the line before.
    Whitespace is collapsed and the text is stripped.
    """
    if not _has_marks(line):  # most lines: one state throughout
        text = _SPACE_FIX.sub(" ", line).strip(_EDGE_SPACES)
        return text, [bold] * len(text), [italic] * len(text)
    if len(line) >= 4 and line.startswith("**") and line.endswith("**") and not _has_marks(line[2:-2]):
        # "**Sở Tài chính**", the commonest marked line: one bold run, read as an unmarked one
        text = _SPACE_FIX.sub(" ", line[2:-2]).strip(_EDGE_SPACES)
        return text, [not bold] * len(text), [italic] * len(text)
    return _strip_marks_general(line, bold, italic)


def _strip_marks_general(line: str, bold: bool = False, italic: bool = False) -> tuple[str, list[bool], list[bool]]:
    """:func:`strip_marks` without its fast paths: the tokens, then the spaces collapsed."""
    line = _BOOKMARK.sub("", line)
    pieces: list[str] = []
    bolds: list[bool] = []
    italics: list[bool] = []
    for kind, value in _tokens(line):
        if kind == "mark":
            if value == "**":
                bold = not bold
            else:
                italic = not italic
            continue
        pieces.append(value)
        bolds.extend([bold] * len(value))
        italics.extend([italic] * len(value))
    raw = "".join(pieces)
    # collapse whitespace to single spaces, keeping the masks aligned
    text: list[str] = []
    b_out: list[bool] = []
    i_out: list[bool] = []
    position = 0
    for run in _SPACE_RUN.finditer(raw):
        start = run.start()
        text.append(raw[position:start])
        b_out.extend(bolds[position:start])
        i_out.extend(italics[position:start])
        if start and run.end() < len(raw):  # not at the start, not at the end
            text.append(" ")
            b_out.append(bolds[start])
            i_out.append(italics[start])
        position = run.end()
    text.append(raw[position:])
    b_out.extend(bolds[position:])
    i_out.extend(italics[position:])
    return "".join(text), b_out, i_out


def all_bold(mask: list[bool], text: str) -> bool:
    """Whether ``text`` has a letter or digit and every one of them is bold in ``mask``."""
    if all(mask):  # a line in one state throughout (most): no need to look at each character
        return any(map(str.isalnum, text[:len(mask)]))
    if not any(mask):
        return False
    letters = [b for ch, b in zip(text, mask) if ch.isalnum()]
    return bool(letters) and all(letters)


@lru_cache(maxsize=4096)
def plain_and_bold(line: str) -> tuple[str, bool]:
    """The text of ``line`` without marks and whether all of it is bold (:func:`all_bold`),
    once per line: whether two lines join asks it of each line twice, as the next line and
    then as the previous one."""
    text, bolds, _ = strip_marks(line)
    return text, all_bold(bolds, text)


def strip_marks_text(line: str) -> str:
    """The text :func:`strip_marks` gives, without the masks (much cheaper on a marked line).

    Example:
        >>> strip_marks_text("**14.**  Các sở *chủ trì* ")
        '14. Các sở chủ trì'
    """
    if not _has_marks(line):
        return _SPACE_FIX.sub(" ", line).strip(_EDGE_SPACES)
    line = _BOOKMARK.sub("", line)
    raw = "".join(value for kind, value in _tokens(line) if kind == "text")
    # a run of spaces inside becomes one space, one at either end goes (as strip_marks does)
    return _SPACE_RUN.sub(" ", raw).strip(" ")


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
    plain = strip_marks_text(text)
    plain = _FOOTNOTE.sub("", plain)
    plain = plain.replace("\u2013", "-").replace("\u2014", "-")
    return collapse_spaces(plain)
