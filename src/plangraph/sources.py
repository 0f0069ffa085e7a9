"""Read source documents: bytes -> text -> numbered lines, and the manifest.

Line numbers are the contract between the graph and the files: ``pg:sourceLine`` is the
1-based number of a line as an editor shows it. Line endings ``\\n``, ``\\r\\n`` and
``\\r`` all count as one line break; nothing else does.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .errors import SourceError
from .tabletoml import loads_toml
from .text import nfc

__all__ = ["SourceDocument", "ManifestEntry", "read_source", "read_manifest", "decode"]

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class ManifestEntry:
    """Metadata about one source file that its text does not carry."""

    file: str
    title_en: str = ""
    notes: str = ""
    sha256: str = ""  # of the file's bytes, recorded by `plangraph add`


@dataclass
class SourceDocument:
    """A decoded source file.

    Attributes:
        name: file name under ``data/sources/``.
        lines: NFC text of each line, index 0 is line 1.
        sha256: checksum of the normalised text (NFC, "\\n" line endings), so that an NFD or
            CRLF copy of a document has the same checksum and gives the same graph.
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


# Common Vietnamese words, to tell a right decoding from a wrong one.
_VIETNAMESE_WORDS = ("của", "và", "các", "thực hiện", "tỉnh", "phát triển", "nhiệm vụ", "kế hoạch", "được", "đến")


def _vietnamese_score(text: str) -> int:
    lowered = unicodedata.normalize("NFC", text).lower()
    return sum(lowered.count(word) for word in _VIETNAMESE_WORDS)


def decode(data: bytes, name: str) -> tuple[str, str, list[str]]:
    """Decode ``data``; return (text, encoding, warnings).

    * UTF-8, with or without a byte order mark;
    * UTF-16 with a byte order mark, or without one when every other byte is NUL (warning);
    * Windows-1258 (Vietnamese Windows code page): converted, with a warning;
    * TCVN3 (ABC) and VNI, the legacy Vietnamese font encodings: converted, with a warning,
      when :func:`legacy_encodings.detect` tells which one it is and the converted text
      reads as Vietnamese; otherwise refused, naming the encoding suspected, because a
      wrong guess would silently corrupt every name;
    * anything else (a binary file, another encoding): refused with the line of the first
      byte that is not UTF-8.
    """
    warnings: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        warnings.append("UTF-8 byte order mark removed")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16", ["read as UTF-16 (byte order mark)"]
        except UnicodeDecodeError as exc:
            raise SourceError(f"invalid UTF-16 ({exc.reason})", path=name) from None
    head = data[:4096]
    if b"\x00" in head:
        even, odd = head[0::2], head[1::2]
        for encoding, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
            if zeros and zeros.count(0) > 0.5 * len(zeros) and other.count(0) < 0.05 * len(other):
                try:
                    return data.decode(encoding), encoding, [f"read as {encoding.upper()} (no byte order mark)"]
                except UnicodeDecodeError:
                    break
        raise SourceError("binary file (NUL bytes), not a text document", path=name)
    try:
        return data.decode("utf-8"), "utf-8", warnings
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        first_bad = exc.start
    as_1258 = data.decode("cp1258", errors="replace")
    if _vietnamese_score(as_1258) >= 5 and as_1258.count("\ufffd") == 0:
        return as_1258, "cp1258", ["not UTF-8: read as Windows-1258 (Vietnamese) and converted"]
    # The legacy font encodings after Windows-1258: it is a real code page, which detect()
    # never names, and a file that reads as Vietnamese in it is in it. (Imported here: its
    # tables cost more to build than reading a UTF-8 plan, and few files need them.)
    from . import legacy_encodings

    detection = legacy_encodings.detect(data)
    why = detection.reason
    if detection.encoding:
        text, notes = legacy_encodings.decode_legacy(data, detection.encoding)
        name_of = legacy_encodings.NAMES[detection.encoding]
        if _vietnamese_score(text) >= 5 and "\ufffd" not in text:
            warning = f"not UTF-8: read as the legacy {name_of} font encoding and converted to Unicode; check names"
            return text, detection.encoding, [warning, *notes]
        why = "the converted text does not read as Vietnamese"
    if detection.suspect:
        suspect = legacy_encodings.NAMES[detection.suspect]
        raise SourceError(
            f"not UTF-8: looks like the legacy {suspect} font encoding but cannot be converted "
            f"safely ({why}); convert it to Unicode (UTF-8) first, e.g. with UniKey's converter",
            path=name, line=line,
        )
    raise SourceError(
        f"not UTF-8 (byte 0x{data[first_bad]:02x} at offset {first_bad}); convert the file to UTF-8",
        path=name, line=line,
    )


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
        sha256=hashlib.sha256("\n".join(normal).encode("utf-8")).hexdigest(),
        encoding=encoding,
        warnings=warnings,
        manifest=manifest,
    )


def read_manifest(path: Path) -> dict[str, ManifestEntry]:
    """Read ``manifest.toml``: ``[[document]]`` tables with ``file`` and metadata."""
    if not path.exists():
        return {}
    text = path.read_text(encoding="utf-8")
    try:
        data = loads_toml(text)
    except ValueError as exc:  # tomllib.TOMLDecodeError, without importing tomllib to name it
        raise SourceError(f"invalid TOML: {exc}", path=path.name) from None
    entries: dict[str, ManifestEntry] = {}
    for item in data.get("document", []):
        if "file" not in item:
            raise SourceError("a [[document]] entry has no 'file'", path=path.name)
        entries[item["file"]] = ManifestEntry(
            file=item["file"], title_en=item.get("title_en", ""), notes=item.get("notes", ""),
            sha256=item.get("sha256", ""),
        )
    return entries
