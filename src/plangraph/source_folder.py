"""A workspace's sources folder: plans copied in byte for byte, taken out, and the manifest.

``plangraph add`` checks every file before anything changes: a file that cannot be read, is
not a ``.txt`` or ``.md`` plan (the reader refuses it, or finds no task in it), or is already
in the folder (same SHA-256 of its bytes) stops the whole command and nothing is copied. Each plan copied is recorded in
``manifest.toml`` with its checksum, so that ``plangraph build`` can tell when a file was
edited after it was added (the graph points to its lines).

Example:
    >>> import tempfile
    >>> from plangraph.workspace import find, init
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = init(folder)
    >>> ws = find(folder)
    >>> candidates = check_new(ws, [Path("data/sources/002_5ed02d632c79bce9.txt")])
    >>> candidates[0].findings.number
    '625/QĐ-UBND'
    >>> copy_in(ws, candidates)
    >>> [p.name for p in sorted(ws.sources.iterdir())]
    ['002_5ed02d632c79bce9.txt', 'manifest.toml']
    >>> from plangraph.catalogue import use
    >>> use("vi")
    >>> check_new(ws, [Path("data/sources/002_5ed02d632c79bce9.txt")])
    Traceback (most recent call last):
    ...
    plangraph.errors.SourceError: 002_5ed02d632c79bce9.txt: đã có trong sources với tên 002_5ed02d632c79bce9.txt (cùng SHA-256); không chép gì
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from .catalogue import t
from .errors import SourceError
from .workspace import SOURCE_SUFFIXES, MANIFEST_HEADER, PlanFindings, Workspace, inspect_document

__all__ = ["Candidate", "check_new", "copy_in", "take_out", "edited_since_added", "sha256_of"]


@dataclass
class Candidate:
    """A plan that may be added: where it is, its bytes' checksum, what the reader found."""

    path: Path
    data: bytes
    sha256: str
    findings: PlanFindings

    @property
    def name(self) -> str:
        return self.path.name


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _present(ws: Workspace) -> dict[str, str]:
    """Checksum -> name of every plan already in the sources folder."""
    if not ws.sources.is_dir():
        return {}
    return {sha256_of(path.read_bytes()): path.name for path in sorted(ws.sources.iterdir())
            if path.suffix in SOURCE_SUFFIXES and path.is_file()}


def check_new(ws: Workspace, files: list[Path], registries=None) -> list[Candidate]:
    """Read and check every file of ``files``; return them ready to copy.

    Raises:
        SourceError: the first file that is unreadable, not a plan, a duplicate (of a plan
            in the folder or of another file given), or whose name is taken by another plan.
    """
    registries = registries or ws.registries()
    ws.place()  # a jurisdiction plangraph does not know: said before any file is read
    present = _present(ws)
    candidates: list[Candidate] = []
    for path in files:
        name = path.name
        if path.suffix not in SOURCE_SUFFIXES:
            raise SourceError(t("src.not_plan", suffixes=f" {t('word.and')} ".join(SOURCE_SUFFIXES)), path=name)
        if path.is_dir():
            raise SourceError(t("src.folder"), path=str(path))
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise SourceError(t("src.cannot_read", reason=exc.strerror), path=str(path)) from None
        checksum = sha256_of(data)
        twin = present.get(checksum) or next((c.name for c in candidates if c.sha256 == checksum), None)
        if twin:
            where = "sources" if checksum in present else "command"
            raise SourceError(t(f"src.twin.{where}", twin=twin), path=name)
        if (ws.sources / name).exists() or any(c.name == name for c in candidates):
            raise SourceError(t("src.name_taken", name=name), path=name)
        try:
            findings = inspect_document(path, registries, ws.jurisdiction or None)
        except SourceError as error:  # the reader's own text, in Vietnamese when it is a form it knows
            from .catalogue.reader import reader_text

            raise SourceError(t("src.nothing_copied", message=reader_text(error.message)), path=name,
                              line=error.line) from None
        if not findings.tasks:
            raise SourceError(t("src.no_task"), path=name)
        candidates.append(Candidate(path, data, checksum, findings))
    return candidates


def _manifest_entry(name: str, checksum: str) -> str:
    return f'\n[[document]]\nfile = "{name}"\nsha256 = "{checksum}"\n'


def copy_in(ws: Workspace, candidates: list[Candidate]) -> None:
    """Copy each candidate's bytes into the sources folder and record it in the manifest."""
    from .build import write_atomic

    ws.sources.mkdir(parents=True, exist_ok=True)
    for candidate in candidates:
        write_atomic(ws.sources / candidate.name, candidate.data)
    manifest = ws.manifest.read_text(encoding="utf-8") if ws.manifest.exists() else MANIFEST_HEADER
    manifest = manifest.rstrip("\n") + "\n" + "".join(_manifest_entry(c.name, c.sha256) for c in candidates)
    write_atomic(ws.manifest, manifest)


_BLOCK_RE = re.compile(r"(?m)^\[\[document\]\][ \t]*$")


def _without_entry(manifest: str, name: str) -> str:
    """The manifest text without the ``[[document]]`` table of file ``name``."""
    starts = [m.start() for m in _BLOCK_RE.finditer(manifest)]
    if not starts:
        return manifest
    head, blocks = manifest[: starts[0]], [manifest[a:b] for a, b in zip(starts, [*starts[1:], len(manifest)])]
    file_re = re.compile(rf"""(?m)^[ \t]*file[ \t]*=[ \t]*["']{re.escape(name)}["'][ \t]*(#.*)?$""")
    kept = [block for block in blocks if not file_re.search(block)]
    return (head + "".join(kept)).rstrip("\n") + "\n"


def take_out(ws: Workspace, file: str) -> Path:
    """Remove the plan called ``file`` (a name, or a path whose name is in the sources) and its
    manifest entry; return the path removed."""
    from .build import write_atomic

    name = Path(file).name
    path = ws.sources / name
    if path.suffix not in SOURCE_SUFFIXES or not path.is_file():
        raise SourceError(t("src.not_in_sources", folder=ws.relative(ws.sources)), path=name)
    path.unlink()
    if ws.manifest.exists():
        text = ws.manifest.read_text(encoding="utf-8")
        kept = _without_entry(text, name)
        if kept != text:
            write_atomic(ws.manifest, kept)
    return path


def edited_since_added(sources: Path) -> list[str]:
    """Warnings for the plans whose bytes no longer have the SHA-256 the manifest records."""
    from .sources import read_manifest

    warnings = []
    for name, entry in sorted(read_manifest(sources / "manifest.toml").items()):
        path = sources / name
        if entry.sha256 and path.is_file() and sha256_of(path.read_bytes()) != entry.sha256:
            warnings.append(t("src.edited", name=name))
    return warnings
