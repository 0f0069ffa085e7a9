"""Print query results as a wrapped table, CSV, TSV, SPARQL JSON or JSON lines.

Data goes to stdout, messages to stderr. ``json`` is the SPARQL 1.1 Query Results JSON
format; ``jsonl`` is one plain record (variable -> value) per line, for scripts.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import sys
import textwrap
import unicodedata

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


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1
               for c in text)


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
        wrapped = [textwrap.wrap(cell, w, break_long_words=True, break_on_hyphens=False) or [""]
                   for cell, w in zip(row, widths)]
        for index in range(max(len(w) for w in wrapped)):
            parts = [w[index] if index < len(w) else "" for w in wrapped]
            lines.append(" | ".join(_pad(p, w) for p, w in zip(parts, widths)).rstrip())
    return "\n".join(lines)


def write_result(result: Result, fmt: str, bom: bool = False, out=None) -> None:
    """Write ``result`` to ``out`` (stdout) in ``fmt``."""
    out = out or sys.stdout
    if fmt == "json":
        json.dump(result.to_json(), out, ensure_ascii=False, indent=1)
        out.write("\n")
        return
    if fmt == "jsonl":
        for row in result.rows:
            out.write(json.dumps({v: _plain(row.get(v)) or None for v in result.variables}, ensure_ascii=False))
            out.write("\n")
        return
    if fmt in ("csv", "tsv"):
        buffer = io.StringIO()
        if bom and fmt == "csv":
            buffer.write("\ufeff")
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\r\n"
                            if fmt == "csv" else "\n")
        if result.boolean is not None:
            writer.writerow(["boolean"])
            writer.writerow([str(result.boolean).lower()])
        else:
            writer.writerow(result.variables)
            for row in result.rows:
                writer.writerow([_plain(row.get(v)).replace("\t", " ") if fmt == "tsv" else _plain(row.get(v))
                                 for v in result.variables])
        out.write(buffer.getvalue())
        return
    out.write(render_table(result) + "\n")
