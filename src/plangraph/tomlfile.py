"""Reading a TOML file (a registry, plangraph.toml) with errors that name the line.

Kept apart from :mod:`plangraph.registries`, whose tables and checks a query command does
not need: finding the workspace reads plangraph.toml through here.

Example:
    >>> line_of('[[agency]]\\nid = "so-y-te"\\n', "id", "so-y-te")
    2
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from .errors import RegistryError

__all__ = ["read_toml", "line_of"]


def read_toml(path: Path, error: type[Exception] = RegistryError, label: str | None = None) -> tuple[dict, str]:
    """Parse a TOML file; a syntax error names its line. Returns (data, text)."""
    label = label or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error("file not found", path=label) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"cannot read: {getattr(exc, 'strerror', None) or exc}", path=label) from None
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
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
    quoted = r"""["']""" + re.escape(value) + r"""["']""" if value is not None else ""
    match = re.search(rf"^[ \t]*{re.escape(key)}[ \t]*=[ \t]*{quoted}", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else None
