"""Reading the registries' plain form of TOML without ``tomllib`` (issue 16).

Every bundled registry (data/registry/*.toml) is written the same way: comments, top-level
``key = "string"`` lines, ``[[table]]`` headers (or ``[table]``, as plangraph.toml's
``[workspace]``) and, under them, ``key = "string"`` and
``key = ["string", ...]`` (on one line or several). ``tomllib`` reads them a character at a
time, which was a tenth of a build command; :func:`table_toml` reads exactly that form a
line at a time and says None for anything else (an escape other than \\" and \\\\, a
number, an inline table, a dotted or quoted key, a key met twice ...), which then goes to
``tomllib``, so that every other file, and every error, reads as before.
``tests/test_fast_paths.py`` holds it to ``tomllib`` on generated files.

Example:
    >>> table_toml('top = "x"\\n[[agency]]\\nid = "a"  # why\\naliases = [\\n  "b",\\n]\\n')
    {'top': 'x', 'agency': [{'id': 'a', 'aliases': ['b']}]}
    >>> table_toml('[[agency]]\\nlevel = 1\\n') is None  # a number: tomllib's to read
    True
"""

from __future__ import annotations

__all__ = ["table_toml", "loads_toml"]

# a bare key's characters (TOML 1.0)
_BARE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


def loads_toml(text: str) -> dict:
    """``text`` read as TOML: its plain form by :func:`table_toml`, anything else by
    ``tomllib`` (imported only then), whose ``TOMLDecodeError`` the caller reports.

    Example:
        >>> loads_toml('[[agency]]\\nlevel = 1\\n')
        {'agency': [{'level': 1}]}
    """
    data = table_toml(text)
    if data is None:
        import tomllib

        data = tomllib.loads(text)
    return data


def table_toml(text: str) -> dict | None:
    """``text`` read as TOML when it is in the registries' plain form; None otherwise."""
    data: dict = {}
    table = data
    array: list | None = None  # the array of strings being read, across lines
    expect_value = True  # inside ``array``: whether a string (or "]") comes next, not ","
    if "\r" in text and text.count("\r") != text.count("\r\n"):
        return None  # a carriage return that does not end a line
    for raw in text.split("\n"):
        line = raw[:-1] if raw.endswith("\r") else raw
        if not line.isprintable() and any((c < " " and c != "\t") or c == "\x7f" for c in line):
            return None  # a character TOML refuses anywhere, comments too
        if array is not None:
            outcome = _array_line(line, array, expect_value)
            if outcome is None:
                return None
            array, expect_value = (None, True) if outcome == "closed" else (array, outcome == "value")
            continue
        line = line.strip(" \t")
        if not line or line[0] == "#":
            continue
        if line[0] == "[":
            many = line.startswith("[[")  # an array of tables, or one table (plangraph.toml's [workspace])
            name, close, rest = line[2:].partition("]]") if many else line[1:].partition("]")
            name = name.strip(" \t")
            if not close or not name or not _BARE.issuperset(name) or not _comment_or_nothing(rest):
                return None
            if not many:
                if name in data:
                    return None  # a table defined twice, or a key of that name
                table = data[name] = {}
                continue
            tables = data.get(name)
            if tables is None:
                tables = data[name] = []
            elif not isinstance(tables, list):
                return None  # a top-level string or a table of that name
            table = {}
            tables.append(table)
            continue
        key, equals, value = line.partition("=")
        key, value = key.strip(" \t"), value.lstrip(" \t")
        if not equals or not key or not _BARE.issuperset(key) or key in table:
            return None
        if value.startswith('"'):
            read = _basic_string(value[1:])
            if read is None or not _comment_or_nothing(read[1]):
                return None
            table[key] = read[0]
        elif value.startswith("[") and table is not data:
            array = table[key] = []
            outcome = _array_line(value[1:], array, True)
            if outcome is None:
                return None
            array, expect_value = (None, True) if outcome == "closed" else (array, outcome == "value")
        else:
            return None
    return None if array is not None else data  # (an array left open: tomllib's to refuse)


def _comment_or_nothing(rest: str) -> bool:
    rest = rest.lstrip(" \t")
    return not rest or rest[0] == "#"


def _array_line(rest: str, array: list, expect_value: bool) -> str | None:
    """Read one line of an array of strings into ``array``: "closed" when its "]" was met,
    "value" or "comma" for what may come next, None for anything not of the plain form."""
    while True:
        rest = rest.lstrip(" \t")
        if not rest or rest[0] == "#":
            return "value" if expect_value else "comma"
        char = rest[0]
        if char == "]":
            return "closed" if _comment_or_nothing(rest[1:]) else None
        if char == ",":
            if expect_value:
                return None
            expect_value, rest = True, rest[1:]
            continue
        if char != '"' or not expect_value:
            return None
        read = _basic_string(rest[1:])
        if read is None:
            return None
        string, rest = read
        array.append(string)
        expect_value = False


def _basic_string(rest: str) -> tuple[str, str] | None:
    """The basic string ``rest`` opens with (its opening quote already read) and what
    follows it; None for an unclosed string or an escape other than ``\\"`` and ``\\\\``."""
    pieces = []
    position = 0
    while True:
        quote = rest.find('"', position)
        if quote < 0:
            return None
        backslash = rest.find("\\", position, quote)
        if backslash < 0:
            pieces.append(rest[position:quote])
            return "".join(pieces), rest[quote + 1:]
        escaped = rest[backslash + 1:backslash + 2]
        if escaped != '"' and escaped != "\\":
            return None
        pieces.append(rest[position:backslash])
        pieces.append(escaped)
        position = backslash + 2
