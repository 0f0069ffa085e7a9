"""The one CSV (and TSV) writer: what a spreadsheet opens is text, never a formula.

``plangraph export -f csv`` is made for Excel, and ``tasks``/``query``/``sparql -f csv|tsv``
are opened in it too. A cell whose text starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return would be read by Excel, LibreOffice or Google Sheets as a formula (OWASP
"CSV injection": ``=HYPERLINK(...)``, ``+cmd|' /C calc'!A0``). Such a cell is written with
a single quote in front (``'=HYPERLINK(...)``), which spreadsheets show as the text
itself; the rest of the cell is unchanged. A plain number (``-5``, ``+1.5``, ``-2e3``) is
left as it is: it cannot be a formula.

Quoting is the ``csv`` module's (minimal: a cell with the delimiter, a quote or a line
break is quoted, quotes doubled). CSV ends lines with CRLF and may start with a BOM; TSV
ends lines with LF and has tabs and carriage returns inside cells made spaces.

Example:
    >>> import io
    >>> out = io.StringIO()
    >>> write_rows(out, ["text", "n"], [["=1+2", "-5"], ["@SUM(A1)", "a,b"]])
    2
    >>> print(out.getvalue().replace("\\r\\n", "|"))
    text,n|'=1+2,-5|'@SUM(A1),"a,b"|
"""

from __future__ import annotations

import csv
import re
from typing import Iterable

__all__ = ["write_rows", "safe_cell", "FORMULA_STARTS"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def safe_cell(text: str) -> str:
    """``text`` as a spreadsheet should show it: a leading ``'`` when it would be a formula.

    Example:
        >>> [safe_cell(t) for t in ["=HYPERLINK(\\"x\\")", "+cmd|' /C calc'!A0", "-12.5", "Sở Y tế", ""]]
        ['\\'=HYPERLINK("x")', "'+cmd|' /C calc'!A0", '-12.5', 'Sở Y tế', '']
    """
    if text.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def write_rows(out, header: list[str], rows: Iterable[Iterable[str]], tsv: bool = False, bom: bool = False) -> int:
    """Write ``header`` and ``rows`` (cells as text) to the text stream ``out``; return the
    number of rows written. Rows are written as they come (a stream stays a stream)."""
    if bom and not tsv:
        out.write("\ufeff")
    writer = csv.writer(out, delimiter="\t" if tsv else ",", lineterminator="\n" if tsv else "\r\n")
    writer.writerow([safe_cell(name) for name in header])
    count = 0
    for row in rows:
        cells = (safe_cell(cell) for cell in row)
        writer.writerow([cell.replace("\t", " ").replace("\r", " ") for cell in cells] if tsv else list(cells))
        count += 1
    return count
