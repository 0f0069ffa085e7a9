"""The embedded store's warm open: the folder for the graph's content, found from the stamps
and opened, without pathlib, json or re.

Most commands find the store built (:mod:`plangraph.cache` says how it is kept), and
``pathlib``, ``json`` and ``re`` with what they import cost a query command more than its
query (issue 16). :func:`open_warm` does only that usual case: every file's stamp trusted,
the folder there and holding that content, no killed build's leftovers to clean up; for
anything else it says None, and :func:`plangraph.cache.open_cache` does the whole work.
The lease (:class:`Lease`, a shared ``flock`` on the folder's content record) and the
stamps are the same ones: :mod:`plangraph.cache` uses these.
"""

from __future__ import annotations

import os

from .fastjson import loads

__all__ = ["CONTENT", "SETTLE_S", "Lease", "open_warm", "stamped_digest", "lease_folder", "union_digest"]

CONTENT = "plangraph-content.json"
SETTLE_S = 3.0  # seconds: a stamp written sooner after its file changed is not trusted (plangraph.cache)
MISSING, DAMAGED = "missing", "damaged"
# what killed builds and removals leave in the cache folder (cleaned by plangraph.cache)
LEFTOVERS = (".building-", ".trash-", ".damaged-")


class Lease:
    """A cache folder in use: a shared lock on its content file, held until :meth:`release`.
    ``path``: the folder as given (a string on the warm path); ``location``: as a Path."""

    def __init__(self, location, digest: str, handle):
        self.path = location
        self.digest = digest
        self._handle = handle

    @property
    def location(self):
        from pathlib import Path

        return Path(self.path)

    def fileno(self) -> int:
        """The locked file descriptor (hand it to a child process to keep the folder alive)."""
        return self._handle.fileno()

    def release(self) -> None:
        self._handle.close()


def identity(info: os.stat_result) -> list[int]:
    """What a stamp says a graph file was: device, inode, size, mtime and ctime."""
    return [info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns]


def stamp_path(cache_dir, graph_file) -> str:
    return os.path.join(cache_dir, f"stamp-{os.path.basename(graph_file)}.json")


def stamped_digest(graph_file, cache_dir, settle_s: float) -> str | None:
    """The SHA-256 of ``graph_file`` as its stamp says, when the stamp is for the file as it
    is and was written at least ``settle_s`` after the file last changed; None otherwise
    (the file must then be read)."""
    try:
        handle = open(graph_file, "rb")
    except OSError:
        return None
    with handle:
        now = identity(os.fstat(handle.fileno()))
        try:
            with open(stamp_path(cache_dir, graph_file), encoding="utf-8") as stamp:
                known = loads(stamp.read())
            if known["identity"] == now and now[4] + settle_s * 1e9 <= known["hashed_at_ns"]:
                return known["sha256"]
        except (OSError, ValueError, KeyError, TypeError):
            pass
    return None


def union_digest(digests: list[str]) -> str:
    """One file: its own SHA-256 (the folders of plain graphs keep their names); several: the
    SHA-256 of their digests in order."""
    if len(digests) == 1:
        return digests[0]
    import hashlib

    return hashlib.sha256(("union\n" + "\n".join(digests)).encode("ascii")).hexdigest()


def _lock_shared(fd: int) -> None:
    """:func:`plangraph.atomic.lock` (shared), without importing that module (pathlib)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on the platforms plangraph is tested on
        return
    fcntl.flock(fd, fcntl.LOCK_SH)


def lease_folder(folder, digest: str) -> Lease | str:
    """A lease on ``folder`` if it holds ``digest``; else ``MISSING`` (not there, or moved
    away while we looked) or ``DAMAGED`` (there, without a readable content record)."""
    content = os.path.join(folder, CONTENT)
    try:
        handle = open(content, "rb")
    except (FileNotFoundError, NotADirectoryError):
        return DAMAGED if os.path.isdir(folder) else MISSING
    _lock_shared(handle.fileno())  # a cleaner holds it exclusively only to move it away
    try:
        moved = os.stat(content).st_ino != os.fstat(handle.fileno()).st_ino
        record = {} if moved else loads(handle.read())
    except FileNotFoundError:
        moved, record = True, {}
    except (OSError, ValueError):
        moved, record = False, {}
    if not moved and isinstance(record, dict) and record.get("sha256") == digest:
        return Lease(folder, digest, handle)
    handle.close()
    return MISSING if moved else DAMAGED


def store_kind(graph_file) -> str:
    """The folder's kind: ``n-triples`` for a ``.nt`` graph file, else ``turtle``."""
    return "n-triples" if os.path.splitext(os.path.basename(graph_file))[1] == ".nt" else "turtle"


def open_warm(graph_file, cache_dir, settle_s: float, also=()):
    """The read-only pyoxigraph store for ``graph_file``'s content (with the files of
    ``also`` that exist) and its lease, when the store is built and nothing is to be done
    first; None otherwise (:func:`plangraph.cache.open_cache` then builds, hashes, sets
    aside or cleans, as it must)."""
    files = [graph_file, *(path for path in also if os.path.isfile(path))]
    digests = [stamped_digest(path, cache_dir, settle_s) for path in files]
    if None in digests:
        return None
    digest = union_digest(digests)
    folder = os.path.join(cache_dir, f"oxigraph-{store_kind(graph_file)}-{digest}")
    found = lease_folder(folder, digest)
    if not isinstance(found, Lease):
        return None
    try:
        if any(name.startswith(LEFTOVERS) for name in os.listdir(cache_dir)):
            found.release()
            return None
        import pyoxigraph as ox

        store = ox.Store.read_only(folder)
    except (OSError, RuntimeError):  # a missing or damaged file: open_cache builds it again
        found.release()
        return None
    return store, found
