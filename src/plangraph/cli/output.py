"""Print query results as a wrapped table, CSV, TSV, SPARQL JSON or JSON lines.

Data goes to stdout, messages to stderr. ``json`` is the SPARQL 1.1 Query Results JSON
format; ``jsonl`` is one plain record (variable -> value) per line, for scripts. CSV and
TSV go through :func:`plangraph.csvfile.write_rows`, which neutralises cells a spreadsheet
would run as formulas.
"""

from __future__ import annotations

import json
import shutil
import sys
import textwrap
import unicodedata

from ..csvfile import write_rows
from ..store import Result, Term

FORMATS = ("table", "csv", "tsv", "json", "jsonl")
_SHORT = {
    "https://w3id.org/plangraph/ontology#": "pg:",
    "https://w3id.org/plangraph/id/": "",
    "http://data.europa.eu/eli/ontology#": "eli:",
}


def _plain(term: Term | None) -> str:
    return "" if term is None else term.value


def _short(term: Term | None) -> str:
    if term is None:
        return ""
    if term.type == "uri":
        for long, short in _SHORT.items():
            if term.value.startswith(long):
                return short + term.value[len(long):]
    return term.value


def _char_width(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in "WF" else 0 if unicodedata.combining(char) else 1


_NARROW = {chr(c) for c in range(0x20, 0x7F)} | set(
    "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư"
    "ẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ")


def _width(text: str) -> int:
    """Columns ``text`` takes in a terminal (wide CJK characters 2, combining marks 0).

    Vietnamese text in NFC is one column per character; only the rare other characters
    are looked up, which keeps a table of thousands of rows fast.
    """
    odd = set(text) - _NARROW
    if not odd:
        return len(text)
    return len(text) + sum(text.count(c) * (_char_width(c) - 1) for c in odd)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def render_table(result: Result, width: int | None = None) -> str:
    """A table that wraps long cells (Vietnamese text included) to the terminal width."""
    if result.boolean is not None:
        return "yes" if result.boolean else "no"
    width = width or shutil.get_terminal_size((140, 24)).columns
    columns = result.variables
    cells = [[_short(row.get(v)).replace("\n", " ") for v in columns] for row in result.rows]
    natural = [max([_width(c) for c in col] + [_width(name)]) for name, col in
               zip(columns, zip(*cells))] if cells else [_width(c) for c in columns]
    budget = max(width - 3 * (len(columns) - 1), 20)
    widths = list(natural)
    while sum(widths) > budget:
        widest = max(range(len(widths)), key=lambda i: widths[i])
        if widths[widest] <= 12:
            break
        widths[widest] -= 1
    lines = [" | ".join(_pad(name, w) for name, w in zip(columns, widths)).rstrip(),
             "-+-".join("-" * w for w in widths)]
    for row in cells:
        wrapped = [[cell] if len(cell) <= w and _width(cell) <= w  # most cells fit: no wrapping
                   else textwrap.wrap(cell, w, break_long_words=True, break_on_hyphens=False) or [""]
                   for cell, w in zip(row, widths)]
        for index in range(max(len(w) for w in wrapped)):
            parts = [w[index] if index < len(w) else "" for w in wrapped]
            lines.append(" | ".join(_pad(p, w) for p, w in zip(parts, widths)).rstrip())
    return "\n".join(lines)


def write_result(result, fmt: str, bom: bool = False, out=None) -> int:
    """Write ``result`` (a :class:`Result` or a :class:`RowStream`) to ``out`` (stdout) in
    ``fmt``; return the number of rows written.

    Every format but ``table`` writes each row as it arrives, so a large answer streams
    through in constant memory; a table needs every row to size its columns.
    """
    out = out or sys.stdout
    if result.boolean is not None:
        if fmt == "json":
            json.dump({"head": {}, "boolean": result.boolean}, out)
            out.write("\n")
        elif fmt in ("csv", "tsv"):
            write_rows(out, ["boolean"], [[str(result.boolean).lower()]], tsv=fmt == "tsv", bom=bom)
        else:
            out.write(("yes" if result.boolean else "no") + "\n")
        return 0
    variables = result.variables
    count = 0
    if fmt == "json":  # the SPARQL 1.1 results document, one binding per line
        out.write('{"head": {"vars": ' + json.dumps(variables, ensure_ascii=False) + '},\n "results": {"bindings": [')
        for row in result:
            out.write(("," if count else "") + "\n  " + json.dumps({k: term.to_json() for k, term in row.items()},
                                                                  ensure_ascii=False))
            count += 1
        out.write("\n ]}}\n")
        return count
    if fmt == "jsonl":
        for row in result:
            out.write(json.dumps({v: _plain(row.get(v)) or None for v in variables}, ensure_ascii=False))
            out.write("\n")
            count += 1
        return count
    if fmt in ("csv", "tsv"):  # cells that a spreadsheet would run as formulas are neutralised
        rows = ([_plain(row.get(v)) for v in variables] for row in result)
        return write_rows(out, variables, rows, tsv=fmt == "tsv", bom=bom)
    if not isinstance(result, Result):
        result = Result(variables, list(result))
    out.write(render_table(result) + "\n")
    return len(result.rows)
