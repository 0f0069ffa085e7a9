"""Logical paragraphs: cleaned lines joined across page breaks, with their line numbers.

Converters break paragraphs at page ends ("... bảo đảm hoàn" / blank / "thành từng hạng
mục ...") and leave Markdown and HTML debris. A paragraph keeps the number of the line
where it starts, so the graph can point back to the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from ..text import clean_line

__all__ = ["Paragraph", "logical_lines", "paragraphs", "MARKER_RE"]


@dataclass
class Paragraph:
    """A run of text that starts at ``line`` and ends at ``end_line``."""

    line: int
    end_line: int
    text: str

    @property
    def marker(self) -> str:
        """The list marker that opens the paragraph: "-", "+", "a)", "1.", "1.1." or ""."""
        match = MARKER_RE.match(self.text)
        return match.group("marker") if match else ""

    @property
    def body(self) -> str:
        """The text after the marker."""
        match = MARKER_RE.match(self.text)
        return self.text[match.end():].strip() if match else self.text


MARKER_RE = re.compile(
    r"^(?P<marker>[-+•]|[a-zđ]\)|(?:\d+\.)+\d*\.?|[IVXL]+\.)\s*(?=\S)", re.IGNORECASE
)
_STRUCTURAL_RE = re.compile(r"^(?:[-+•]\s|[a-zđ]\)\s|(?:\d+\.)+\d*\.?\s|[IVXL]+\.\s)")
_TERMINAL = tuple(".;:!?…)\"”»")


def logical_lines(lines: list[str]) -> list[tuple[int, str]]:
    """Clean each line and split lines that glue a heading to the next one.

    "II. NHIỆM VỤ CHỦ YẾU**1. Công tác quán triệt**" becomes two logical lines with the
    same number. Blank lines are kept as "" so that callers can see paragraph breaks.
    """
    out: list[tuple[int, str]] = []
    for number, raw in enumerate(lines, start=1):
        pieces = [raw]
        glued = re.search(r"\*\*(?=\S)", raw)
        if glued:
            before = raw[: glued.start()]
            letters = re.sub(r"[^\w]|\d", "", before)
            if letters and letters == letters.upper():
                pieces = [before, raw[glued.start():]]
        for piece in pieces:
            text = clean_line(piece)
            # Nested Markdown lists print "+" bullets as "- + ...".
            text = re.sub(r"^-\s+\+\s+", "+ ", text)
            out.append((number, text))
    return out


def paragraphs(
    lines: list[tuple[int, str]],
    continues: Callable[[Paragraph, str], bool] | None = None,
) -> list[Paragraph]:
    """Group logical lines into paragraphs.

    A line continues the paragraph before it when it starts with a lower-case letter
    (and is not a list marker such as "b)"), or when ``continues(previous, line)`` says
    so (used for "- " lines that are not new items).
    """
    result: list[Paragraph] = []
    for number, text in lines:
        if not text:
            continue
        if result:
            previous = result[-1]
            joins = (text[0].islower() and not _STRUCTURAL_RE.match(text)) or (
                continues is not None
                and not previous.text.endswith(_TERMINAL)
                and continues(previous, text)
            )
            if joins:
                previous.text = f"{previous.text} {text}"
                previous.end_line = number
                continue
        result.append(Paragraph(number, number, text))
    return result
