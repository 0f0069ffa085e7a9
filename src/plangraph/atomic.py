"""The one way plangraph writes a file: whole or not at all, and never over what is not a file.

Every output (the graph, views, exports, the embedded store's stamps) goes through
:func:`write_atomic`, or :func:`open_atomic` for output written as it is made. What they do
depends on what is already at the path:

=====================================  ==============================================================
at the path                            what happens
=====================================  ==============================================================
nothing                                a temporary file next to it (``.NAME.RANDOM.tmp``), fsync,
                                       rename over NAME, fsync of the folder
a regular file                         the same; the new file keeps the old one's permission bits
                                       (and owner, when run as root). Other hard links to the old
                                       file keep the old content, as with ``sed -i``
a regular file without write access    refused, also for root (a file with no write bit at all)
a symbolic link                        followed: the file it points to is replaced as above and the
                                       link stays a link
a device, a FIFO, a path in /dev or    written through: opened and written, no temporary file and no
/proc (``/dev/null``, ``/dev/stdout``)  rename, so the device stays what it is (not atomic: it cannot be)
a directory, an empty name             refused
=====================================  ==============================================================

A writer that is killed leaves its temporary file behind; the next write to the same
path removes such files once no process holds them (each writer keeps an exclusive
``flock`` on its own temporary file until it is renamed) and they are a few seconds old.

Example:
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> write_atomic(folder / "a.txt", "xin chào\\n")
    >>> (folder / "a.txt").read_text(encoding="utf-8")
    'xin chào\\n'
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
from pathlib import Path
TYPE_CHECKING = False  # (for the annotations only: importing typing costs a query command ~4 ms)
if TYPE_CHECKING:
    from typing import BinaryIO, Iterator

from .errors import PlangraphError

__all__ = ["write_atomic", "open_atomic", "OutputError", "temporary_name", "remove_stale_temporaries", "lock", "try_lock",
           "locked_folder"]

STALE_AFTER_S = 5.0  # a temporary file this old and unlocked belongs to a writer that died
_SPECIAL_ROOTS = ("/dev/", "/proc/")

try:  # POSIX; elsewhere (Windows) files are written the same way without the locks
    import fcntl
except ImportError:  # pragma: no cover - not on the platforms plangraph is tested on
    fcntl = None  # type: ignore[assignment]


class OutputError(PlangraphError):
    """An output path that plangraph will not write to."""


def lock(fd: int, shared: bool = False) -> None:
    """Wait for a ``flock`` on ``fd`` (shared or exclusive); released when ``fd`` is closed."""
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_SH if shared else fcntl.LOCK_EX)


@contextlib.contextmanager
def locked_folder(folder: Path) -> Iterator[None]:
    """Hold the exclusive lock of ``folder`` (its ``.lock`` file; the folder is made if need
    be) for the ``with`` block: one writer at a time in a cache or a reports folder."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".lock", "a+b") as handle:
        lock(handle.fileno())
        yield


def try_lock(fd: int) -> bool:
    """Take an exclusive ``flock`` on ``fd`` if nobody holds one; True when taken."""
    if fcntl is None:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def temporary_name(path: Path) -> Path:
    """A fresh temporary name next to ``path``: ``.NAME.RANDOM.tmp``."""
    return path.with_name(f".{path.name}.{os.urandom(5).hex()}.tmp")


def remove_stale_temporaries(path: Path, older_than: float = STALE_AFTER_S) -> list[Path]:
    """Remove the temporary files of earlier writes to ``path`` whose writers are gone.

    A temporary file is removed when nobody holds its lock and it was last written more
    than ``older_than`` seconds ago (a writer takes its lock right after creating the file:
    the age covers that instant). Returns what was removed.
    """
    import glob

    removed = []
    pattern = str(path.with_name(f".{glob.escape(path.name)}.*.tmp"))
    for name in glob.glob(pattern):
        try:
            fd = os.open(name, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            continue
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or time.time() - info.st_mtime < older_than or not try_lock(fd):
                continue
            if os.stat(name).st_ino == info.st_ino:  # still the file we locked
                os.unlink(name)
                removed.append(Path(name))
        except OSError:
            continue
        finally:
            os.close(fd)
    return removed


def _is_special(path: Path, info: os.stat_result | None) -> bool:
    if info is not None and not stat.S_ISREG(info.st_mode):
        return True
    return os.path.abspath(path).startswith(_SPECIAL_ROOTS)


def _writable(path: Path, info: os.stat_result) -> bool:
    # root passes os.access whatever the mode: a file with no write bit at all is read-only too
    return os.access(path, os.W_OK) and bool(info.st_mode & 0o222)


def write_atomic(path: Path | str, content: str | bytes) -> None:
    """Write ``content`` (text as UTF-8, or bytes) to ``path``: see the module for what is
    done with links, devices and read-only files.

    Raises:
        OutputError: the path is a directory, has no name, or is a read-only file.
        OSError: the folder cannot be written, the disk is full, ...; the previous file is
            then left as it was and no temporary file remains.
    """
    with open_atomic(path) as handle:
        handle.write(content.encode("utf-8") if isinstance(content, str) else content)


@contextlib.contextmanager
def open_atomic(path: Path | str) -> Iterator[BinaryIO]:
    """A binary file to write ``path`` with, for output that is written as it is made: it
    replaces the file when the block ends without an error (the same rules as
    :func:`write_atomic`); an error leaves the file as it was.

    Example:
        >>> import tempfile, pathlib
        >>> target = pathlib.Path(tempfile.mkdtemp()) / "big.nt"
        >>> with open_atomic(target) as out:
        ...     _ = out.write(b"<a> <b> <c> .\\n")
        >>> target.read_bytes()
        b'<a> <b> <c> .\\n'
    """
    path = Path(path)
    if path.name in ("", ".", ".."):
        raise OutputError("not a file name; give the name of the file to write", path=str(path) or "''")
    try:
        info = os.stat(path)  # follows links: what a write would reach
    except FileNotFoundError:
        info = None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise OutputError("is a directory; give the name of the file to write", path=str(path))
    if _is_special(path, info):  # as a shell redirection does: for devices, FIFOs and /dev/stdout
        with open(os.open(path, os.O_WRONLY | os.O_TRUNC | getattr(os, "O_NOCTTY", 0)), "wb") as handle:
            yield handle
        return
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    if info is not None and not _writable(target, info):
        raise OutputError("is read-only; make it writable (chmod u+w) or choose another name", path=str(path))
    if info is None and not path.is_symlink():
        target.parent.mkdir(parents=True, exist_ok=True)
    with _replacing(target, info) as handle:
        yield handle


@contextlib.contextmanager
def _replacing(target: Path, old: os.stat_result | None) -> Iterator[BinaryIO]:
    """A locked temporary file next to ``target``, renamed over it at the end."""
    remove_stale_temporaries(target)
    while True:
        tmp = temporary_name(target)
        try:  # 0o666 before the umask for a new file, as any editor would create it
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)
            break
        except FileExistsError:
            continue
        except PermissionError:
            raise OutputError(f"cannot create a file in {target.parent} (permission denied); "
                              "nothing was written", path=str(target)) from None
    with open(fd, "wb") as handle:  # closed (and its lock released) after the rename
        try:
            lock(fd)
            if old is not None:
                os.fchmod(fd, stat.S_IMODE(old.st_mode))
                if hasattr(os, "fchown") and os.geteuid() == 0 and (old.st_uid, old.st_gid) != (0, 0):
                    os.fchown(fd, old.st_uid, old.st_gid)
            yield handle
            handle.flush()
            os.fsync(fd)
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    _sync_folder(target.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename durable (a crash right after it keeps the new file)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
