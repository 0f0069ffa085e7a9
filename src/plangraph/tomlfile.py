"""Reading a TOML file (a registry, plangraph.toml) with errors that name the line.

Kept apart from :mod:`plangraph.registries`, whose tables and checks a query command does
not need: finding the workspace reads plangraph.toml through here.

``tomllib`` (with ``re``, ``typing`` and ``string`` behind it) costs a query command more
than its query (issue 16), and plangraph.toml is nearly always the plain file ``plangraph
init`` writes: one table of ``key = "string"`` lines, and the registries are tables of
strings too. :func:`plain_toml` (:func:`plangraph.tabletoml.table_toml`) reads that form
and says None for anything else, which then goes to ``tomllib`` (so that every other
file, and every error, reads as before; ``tests/test_tomlfile.py`` compares the two).

Example:
    >>> line_of('[[agency]]\\nid = "so-y-te"\\n', "id", "so-y-te")
    2
    >>> plain_toml('# a comment\\n[workspace]\\nname = "x"  # why\\n')
    {'workspace': {'name': 'x'}}
    >>> plain_toml('[workspace]\\nname = "x\\\\ty"\\n') is None  # an escape: tomllib's to read
    True
"""

from __future__ import annotations

from .errors import RegistryError
from .tabletoml import loads_toml, table_toml as plain_toml  # plangraph.toml's plain form is the registries'

__all__ = ["read_toml", "line_of", "plain_toml"]


def read_toml(path, error: type[Exception] = RegistryError, label: str | None = None) -> tuple[dict, str]:
    """Parse a TOML file (a path); a syntax error names its line. Returns (data, text)."""
    label = label or str(path)
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except FileNotFoundError:
        raise error("file not found", path=label) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"cannot read: {getattr(exc, 'strerror', None) or exc}", path=label) from None
    try:
        return loads_toml(text), text
    except ValueError as exc:  # tomllib.TOMLDecodeError (tomllib is imported only for files not plain)
        import re

        match = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        line = int(match.group(1)) if match else None
        if "(at end of document)" in str(exc):
            line = len(text.splitlines()) or 1
        message = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", str(exc)) or "invalid TOML"
        raise error(f"invalid TOML: {message}", path=label, line=line) from None


def line_of(text: str, key: str, value: str | None = None) -> int | None:
    """The line of ``key = ...`` (with that ``value``, when given) in TOML ``text``.

    Example:
        >>> line_of('[[agency]]\\nid = "so-y-te"\\n', "id", "so-y-te")
        2
    """
    import re  # (only on the way to an error)

    quoted = r"""["']""" + re.escape(value) + r"""["']""" if value is not None else ""
    match = re.search(rf"^[ \t]*{re.escape(key)}[ \t]*=[ \t]*{quoted}", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else None
