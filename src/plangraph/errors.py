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


class StoreError(PlangraphError):
    """A store or endpoint that cannot answer (also importable from :mod:`plangraph.store`)."""


class SourceError(PlangraphError):
    """A source document that cannot be read or understood."""


class RegistryError(PlangraphError):
    """A curated registry file that is malformed."""


def describe(error: BaseException) -> str:
    """One line on why ``error`` happened, whatever its kind: the message users see.

    An ``OSError`` raised by pyoxigraph (RocksDB) carries its text in ``args`` and has no
    ``strerror``; one raised by Python has ``strerror`` and the file name. Neither loses
    its reason here.

    Example:
        >>> describe(OSError("IO error: No space left on device: While appending to file: 000012.sst"))
        'IO error: No space left on device: While appending to file: 000012.sst'
        >>> describe(FileNotFoundError(2, "No such file or directory", "data/x.ttl"))
        'data/x.ttl: No such file or directory'
        >>> describe(UnicodeDecodeError("utf-8", b"a\\n\\xff", 2, 3, "invalid start byte"))
        'not UTF-8 text: byte 0xff at line 2 (invalid start byte)'
    """
    if isinstance(error, PlangraphError):
        return str(error)
    if isinstance(error, UnicodeDecodeError):
        line = error.object[: error.start].count(b"\n") + 1
        return f"not UTF-8 text: byte 0x{error.object[error.start]:02x} at line {line} ({error.reason})"
    if isinstance(error, OSError):
        if error.strerror:
            names = [str(n) for n in (error.filename, error.filename2) if n not in (None, "")]
            reason = error.strerror
            return f"{' -> '.join(names)}: {reason}" if names else reason
        text = " ".join(" ".join(str(a) for a in error.args).split())
        return text or type(error).__name__
    text = " ".join(str(error).split())
    return f"{type(error).__name__}: {text}" if text else type(error).__name__
