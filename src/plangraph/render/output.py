"""Print query results: for people (a table that fits, every column, CSV and xlsx for
Excel) or for programs (TSV, SPARQL JSON, JSON lines).

Data goes to stdout, messages to stderr. ``json`` is the SPARQL 1.1 Query Results JSON
format; ``jsonl`` is one plain record (variable -> value) per line, for scripts; ``tsv``
has the variables as its header. Those three keep the query's English variable names and
raw values, and stream. ``table``, ``wide``, ``csv`` and ``xlsx`` are for people: headers
and values in the reader's language, sorted and folded as :mod:`.present` says. CSV and
TSV go through :func:`plangraph.csvfile.write_rows`, which neutralises cells a
spreadsheet would run as formulas; CSV always has a BOM and CRLF line ends (Excel).
"""

from __future__ import annotations

import sys

from ..fastjson import dumps  # json.dumps(..., ensure_ascii=False) without json's import of re
from ..store import Result, Term

# .present and .table (re, collation) are imported by the formats for people only: json and
# tsv do without them (issue 16: a query command's imports cost more than its query)

FORMATS = ("table", "wide", "csv", "xlsx", "tsv", "json", "jsonl")
FOR_PEOPLE = ("table", "wide", "csv", "xlsx")
MIN_WIDTH = 80


def _write_rows(*args, **kwargs) -> int:
    from ..csvfile import write_rows  # (csv only for CSV and TSV: json and the table do without)

    return write_rows(*args, **kwargs)


def _plain(term: Term | None) -> str:
    return "" if term is None else term.value


def terminal_width() -> int:
    """The terminal's width (``COLUMNS`` when set), at least 80: a table narrower than
    that would leave the task text a few letters per line."""
    import shutil  # (its archive formats import bz2, lzma and zlib: not for json or tsv)

    return max(shutil.get_terminal_size((120, 24)).columns, MIN_WIDTH)


def render_table(result: Result, width: int | None = None, name: str | None = None, all_rows: bool = False,
                 notes: list[str] | None = None) -> str:
    """The table people read: fits ``width`` (the terminal), sources short, values translated.

    A column whose value is the same in every row (the agency of ``tasks``) is said once
    above the table; columns that do not fit are hidden, and ``notes`` says which.
    """
    from . import present

    if result.boolean is not None:
        return present.value("bool", "true" if result.boolean else "false")
    return _table(result, width, name, all_rows, notes)[0]


def _table(result: Result, width: int | None, name: str | None, all_rows: bool,
           notes: list[str] | None) -> tuple[str, int]:
    from . import present
    from .table import fit

    width = width or terminal_width()
    view = present.view_for(name, list(result.variables))
    rows, folded = present.prepare(result, name, all_rows)
    notes = notes if notes is not None else []
    if folded:
        notes.append(present.folded_note(folded))
    files = present.files_of(rows)
    columns = [c for c in view.columns if c.var in result.variables or c.var == "source" and rows and "source" in rows[0]]
    columns = [c for c in columns if any(row.get(c.var) for row in rows)] or columns[:1]
    captions = []
    if rows:
        for column in [c for c in columns if c.caption]:
            values = {present.display(row, column, files, True) for row in rows}
            if len(values) == 1:
                captions.append(f"{present.header(column.var)}: {values.pop()}")
                columns.remove(column)
    groups = None
    if view.group and any(c.var == view.group for c in columns):
        groups = [row.get(view.group, "") for row in rows]
        columns = [c for c in columns if c.var != view.group]
    cells = [[present.display(row, c, files, True) for c in columns] for row in rows]
    lines, hidden = fit(present.headers_for(columns), cells, width, [c.flex for c in columns],
                        [c.priority for c in columns], [c.cap for c in columns], groups)
    if hidden:
        notes.append(present.t("hidden.columns", width=width,
                               columns=", ".join(present.header(columns[i].var) for i in sorted(hidden))))
    return "\n".join(captions + lines), len(rows)


def every_column(result, name: str | None, all_rows: bool) -> tuple[list[str], list[list[str]], list[str], int]:
    """Every variable of the answer, as people read them (``wide``, ``csv``, ``xlsx``):
    headers, rows of cells, the variables, and how many appendix rows were folded."""
    from . import present

    view = present.view_for(name, list(result.variables))
    rows, folded = present.prepare(result, name, all_rows)
    files = present.files_of(rows)
    kinds = {**present.KINDS, **{c.var: c for c in view.columns if c.kind != "deadline"}} if name else {}
    wanted = view.csv_columns or [v for v in result.variables if v not in ("file", "line") or "source" not in
                                  result.variables]
    if "source" not in wanted and rows and "source" in rows[0] and "file" in wanted:
        wanted = ["source" if v == "file" else v for v in wanted if v != "line"]
    columns = [kinds.get(v, present.Column(v)) for v in wanted]
    headers = present.headers_for(columns) if name is not None else wanted
    return headers, [[present.display(row, c, files, False) for c in columns] for row in rows], wanted, folded


def write_result(result, fmt: str, bom: bool = True, out=None, name: str | None = None, all_rows: bool = False,
                 notes: list[str] | None = None) -> int:
    """Write ``result`` (a :class:`Result` or a :class:`RowStream`) to ``out`` (stdout) in
    ``fmt``; return the number of rows written. ``name``: the named query it answers
    (its view); ``notes`` collects what the reader should be told on stderr.

    ``tsv``, ``json`` and ``jsonl`` write each row as it arrives, so a large answer
    streams through in constant memory; the formats for people need every row.
    """
    out = out or sys.stdout
    notes = notes if notes is not None else []
    if result.boolean is not None:
        if fmt == "json":
            out.write(dumps({"head": {}, "boolean": result.boolean}))  # (ASCII: as json.dump writes it)
            out.write("\n")
        elif fmt in ("csv", "tsv"):
            _write_rows(out, ["boolean"], [[str(result.boolean).lower()]], tsv=fmt == "tsv", bom=fmt == "csv")
        else:
            out.write(render_table(result) + "\n")
        return 0
    variables = result.variables
    count = 0
    if fmt == "json":  # the SPARQL 1.1 results document, one binding per line
        out.write('{"head": {"vars": ' + dumps(variables) + '},\n "results": {"bindings": [')
        for row in result:
            out.write(("," if count else "") + "\n  " + dumps({k: term.to_json() for k, term in row.items()}))
            count += 1
        out.write("\n ]}}\n")
        return count
    if fmt == "jsonl":
        for row in result:
            out.write(dumps({v: _plain(row.get(v)) or None for v in variables}))
            out.write("\n")
            count += 1
        return count
    if fmt == "tsv" or (fmt == "csv" and name is None):  # streams: an ad hoc query's own columns
        rows = ([_plain(row.get(v)) for v in variables] for row in result)
        return _write_rows(out, variables, rows, tsv=fmt == "tsv", bom=fmt == "csv")
    if not isinstance(result, Result):
        result = Result(variables, list(result))
    if fmt == "table":
        text, count = _table(result, None, name, all_rows, notes)
        out.write(text + "\n")
        return count
    from . import present
    from .table import wide

    headers, rows, _, folded = every_column(result, name, all_rows)
    if folded:
        notes.append(present.folded_note(folded))
    if fmt == "wide":
        out.write("\n".join(wide(headers, rows)) + "\n")
    elif fmt == "csv":  # for Excel: a BOM and CRLF, always
        _write_rows(out, headers, rows, bom=bom)
    else:
        raise ValueError(fmt)  # xlsx is written by plangraph.render.xlsx, to a file
    return len(rows)

