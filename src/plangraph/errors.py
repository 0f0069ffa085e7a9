"""Errors with a place: every user-facing failure names the file and, when known, the line.

Exit codes follow pySHACL: 0 success, 1 findings (violations, empty results when asked
to fail on them), 2 an error (bad input, unreadable file, broken server).
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


class PlangraphError(Exception):
    """A user-facing error that carries where it happened.

    Example:
        >>> str(PlangraphError("no table header", path="a.txt", line=12))
        'a.txt:12: no table header'
    """

    exit_code = EXIT_ERROR

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = self.path or ""
        if self.path and self.line:
            where = f"{self.path}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


class SourceError(PlangraphError):
    """A source document that cannot be read or understood."""


class RegistryError(PlangraphError):
    """A curated registry file that is malformed."""
