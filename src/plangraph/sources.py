"""Read source documents: bytes -> text -> numbered lines, and the manifest.

Line numbers are the contract between the graph and the files: ``pg:sourceLine`` is the
1-based number of a line as an editor shows it. Line endings ``\\n``, ``\\r\\n`` and
``\\r`` all count as one line break; nothing else does.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import SourceError
from .text import nfc

__all__ = ["SourceDocument", "ManifestEntry", "read_source", "read_manifest", "decode"]

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class ManifestEntry:
    """Metadata about one source file that its text does not carry."""

    file: str
    title_en: str = ""
    notes: str = ""


@dataclass
class SourceDocument:
    """A decoded source file.

    Attributes:
        name: file name under ``data/sources/``.
        lines: NFC text of each line, index 0 is line 1.
        sha256: checksum of the raw bytes.
        encoding: the encoding the bytes were decoded with.
        warnings: notes about the decoding (BOM removed, normalised to NFC ...).
    """

    name: str
    lines: list[str]
    sha256: str
    encoding: str = "utf-8"
    warnings: list[str] = field(default_factory=list)
    manifest: ManifestEntry | None = None

    def line(self, number: int) -> str:
        """Return line ``number`` (1-based)."""
        return self.lines[number - 1]


def decode(data: bytes, name: str) -> tuple[str, str, list[str]]:
    """Decode ``data``; return (text, encoding, warnings).

    UTF-8 (with or without BOM) and UTF-16 with a BOM are read. Anything else is refused
    with the line of the first byte that is not UTF-8.
    """
    warnings: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        warnings.append("UTF-8 byte order mark removed")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16", ["read as UTF-16"]
        except UnicodeDecodeError as exc:
            raise SourceError(f"invalid UTF-16 ({exc.reason})", path=name) from None
    if b"\x00" in data[:4096]:
        raise SourceError("binary file (NUL bytes), not a text document", path=name)
    try:
        return data.decode("utf-8"), "utf-8", warnings
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise SourceError(
            f"not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert the file to UTF-8",
            path=name,
            line=line,
        ) from None


def read_source(path: Path, manifest: ManifestEntry | None = None) -> SourceDocument:
    """Read one source file into a :class:`SourceDocument`.

    Example:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
        >>> _ = p.write_bytes("một\\r\\nhai".encode())
        >>> read_source(p).lines
        ['một', 'hai']
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror}", path=path.name) from None
    if not data.strip():
        raise SourceError("empty file", path=path.name)
    text, encoding, warnings = decode(data, path.name)
    lines = _LINE_BREAK.split(text)
    normal = [nfc(line) for line in lines]
    changed = sum(1 for a, b in zip(lines, normal) if a != b)
    if changed:
        warnings.append(f"{changed} lines normalised to NFC")
    return SourceDocument(
        name=path.name,
        lines=normal,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        warnings=warnings,
        manifest=manifest,
    )


def read_manifest(path: Path) -> dict[str, ManifestEntry]:
    """Read ``manifest.toml``: ``[[document]]`` tables with ``file`` and metadata."""
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise SourceError(f"invalid TOML: {exc}", path=path.name) from None
    entries: dict[str, ManifestEntry] = {}
    for item in data.get("document", []):
        if "file" not in item:
            raise SourceError("a [[document]] entry has no 'file'", path=path.name)
        entries[item["file"]] = ManifestEntry(
            file=item["file"], title_en=item.get("title_en", ""), notes=item.get("notes", "")
        )
    return entries
