"""The embedded store's cache: one pyoxigraph folder per graph content, right under concurrent use.

``data/.cache/`` holds, for a graph file ``plangraph.ttl``:

* ``oxigraph-turtle-<sha256>/``: a store loaded from bytes whose SHA-256 is in its name. The
  bytes are hashed while they are loaded (one read of the file, through one open file), and
  the folder is renamed to its final name only once complete, with ``plangraph-content.json``
  inside saying what it holds. So a folder's name always says what is in it, whatever
  replaces the graph file meanwhile.
* ``stamp-plangraph.ttl.json``: the graph file's identity (device, inode, size, mtime and
  ctime) and the SHA-256 its bytes had. An open that finds the same identity uses that
  SHA-256 without reading the file; otherwise it hashes the file (about 2 ms per MB). The
  ctime cannot be set back by ``touch -r``, ``cp -p`` or an editor, and a stamp is only
  trusted when the file was last changed at least :data:`SETTLE_S` seconds before it was
  hashed (an edit within the same clock tick as the hash is then still seen).

A store may hold more than one file: the plans' graph and, beside it, the progress reports'
graph (:mod:`plangraph.progress`). Its folder is then named after the SHA-256 of the files'
digests (:func:`content_digest`), each file keeping its own stamp, so that a new report or a
rebuilt plan graph gives a new folder and the same two files always the same one.

Readers hold a shared ``flock`` on the content file of the folder they use, for as long as
they use it (``plangraph serve`` passes it to the server). A folder is removed only when
nobody holds it, by renaming it out of the way first; a folder that cannot be opened
(a missing ``CURRENT`` or ``.sst`` file, a truncated file) is set aside and built again.
Builds take an exclusive lock on ``.lock`` and first remove what killed builds left.

Example:
    >>> from plangraph.paths import DEFAULT_OUTPUT
    >>> store, lease = open_cache(DEFAULT_OUTPUT, DEFAULT_OUTPUT.parent / ".cache")  # doctest: +SKIP
    >>> lease.location.name[:16]                                                   # doctest: +SKIP
    'oxigraph-turtle-'
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import time
from pathlib import Path

from .atomic import locked_folder, try_lock, write_atomic
from .errors import StoreError, describe
# the lease, the stamps and the content record, shared with the warm open (plangraph.warm)
from .warm import CONTENT, DAMAGED as _DAMAGED, LEFTOVERS, MISSING as _MISSING, SETTLE_S, Lease, stamped_digest
from .warm import identity as _identity, lease_folder as _lease, stamp_path, store_kind, union_digest as _union

__all__ = ["open_cache", "Lease", "graph_digest", "content_digest", "SETTLE_S", "CONTENT"]


class CacheError(StoreError):
    """The embedded store's cache cannot be built or opened."""


def _format(graph_file: Path):
    import pyoxigraph as ox

    kind = store_kind(graph_file)
    return kind, ox.RdfFormat.N_TRIPLES if kind == "n-triples" else ox.RdfFormat.TURTLE


def _stamp_path(cache_dir: Path, graph_file: Path) -> Path:
    return Path(stamp_path(cache_dir, graph_file))


def _write_stamp(cache_dir: Path, graph_file: Path, identity: list[int], digest: str, hashed_at: int) -> None:
    try:
        write_atomic(_stamp_path(cache_dir, graph_file),
                     json.dumps({"identity": identity, "sha256": digest, "hashed_at_ns": hashed_at}))
    except OSError:  # only a shortcut for the next open: without it the file is hashed again
        pass


def graph_digest(graph_file: Path, cache_dir: Path, settle_s: float = SETTLE_S) -> str:
    """The SHA-256 of ``graph_file``'s bytes: from the stamp when it is safe, else by reading."""
    known = stamped_digest(graph_file, cache_dir, settle_s)
    if known is not None:
        return known
    try:
        handle = open(graph_file, "rb")
    except FileNotFoundError:
        raise CacheError("graph file not found; run `plangraph build` first", path=str(graph_file)) from None
    with handle:
        identity = _identity(os.fstat(handle.fileno()))
        import hashlib  # (OpenSSL: only when the stamp cannot be trusted)

        hashed_at = time.time_ns()
        sha = hashlib.sha256()
        while chunk := handle.read(1 << 20):  # in chunks: a national graph is gigabytes
            sha.update(chunk)
        if _identity(os.fstat(handle.fileno())) == identity:  # not changed while it was read
            _write_stamp(cache_dir, graph_file, identity, sha.hexdigest(), hashed_at)
        return sha.hexdigest()


def _present(also) -> list[Path]:
    """The extra files that exist (a workspace without progress reports has none)."""
    return [Path(path) for path in also if Path(path).is_file()]


def content_digest(graph_file: Path, cache_dir: Path, settle_s: float = SETTLE_S, also=()) -> str:
    """The digest a store of ``graph_file`` and the files of ``also`` that exist is named after.

    Example:
        >>> import tempfile
        >>> folder = Path(tempfile.mkdtemp())
        >>> _ = (folder / "g.ttl").write_text("<a:b> <a:c> <a:d> .")
        >>> content_digest(folder / "g.ttl", folder) == graph_digest(folder / "g.ttl", folder)
        True
        >>> _ = (folder / "r.ttl").write_text("<a:e> <a:f> <a:g> .")
        >>> content_digest(folder / "g.ttl", folder, also=[folder / "r.ttl"]) != graph_digest(folder / "g.ttl", folder)
        True
    """
    return _union([graph_digest(path, cache_dir, settle_s) for path in (Path(graph_file), *_present(also))])


def _label(graph_file: Path, extra: list[Path]) -> str:
    """What a folder's record says it holds: ``plangraph.ttl``, ``plangraph.ttl+plangraph-progress.ttl``."""
    return "+".join(path.name for path in (graph_file, *extra))


def _rmtree(folder: Path) -> None:
    import shutil  # (only to remove a folder: most commands never do)

    shutil.rmtree(folder, ignore_errors=True)


def _remove_if_free(folder: Path) -> bool:
    """Rename ``folder`` out of the way and delete it, unless someone holds its content file."""
    content = folder / CONTENT
    try:
        handle = open(content, "rb")
    except OSError:
        handle = None
    try:
        if handle is not None and not try_lock(handle.fileno()):
            return False
        trash = folder.with_name(f".trash-{os.urandom(6).hex()}")
        try:
            os.rename(folder, trash)
        except OSError:
            return False
    finally:
        if handle is not None:
            handle.close()
    _rmtree(trash)
    return True


def _set_aside(folder: Path, digest: str) -> None:
    """Move a damaged folder away. Under the build lock, and only once it is seen damaged
    there, so that a folder another process built meanwhile under the same name stays."""
    with locked_folder(folder.parent):
        state = _lease(folder, digest)
        if state == _MISSING:
            return
        if isinstance(state, Lease):  # its record is fine: is the store itself broken?
            state.release()
            if _opens(folder) is None:
                return
        with contextlib.suppress(OSError):
            os.rename(folder, folder.with_name(f".damaged-{os.urandom(6).hex()}"))


def _opens(folder: Path) -> BaseException | None:
    """None when the store in ``folder`` opens, else the error it gives."""
    import pyoxigraph as ox

    try:
        ox.Store.read_only(str(folder))
    except (OSError, RuntimeError) as error:
        return error
    return None


def _clean(cache_dir: Path, graph_name: str, keep: Path | None) -> None:
    """Under the build lock: remove what killed builds left, damaged and superseded folders
    of this graph file (those nobody holds), and folders of older plangraph versions."""
    for entry in cache_dir.iterdir():
        if entry.name.startswith(".building-"):  # nobody builds while we hold the lock
            _rmtree(entry)
        elif entry.name.startswith((".trash-", ".damaged-")):
            _remove_if_free(entry)
        elif entry.name.startswith("oxigraph-") and entry != keep and entry.is_dir():
            try:
                record = json.loads((entry / CONTENT).read_text(encoding="utf-8"))
            except (OSError, ValueError):
                record = {}
            if not isinstance(record, dict) or record.get("graph") in (None, graph_name):
                _remove_if_free(entry)


def _clean_if_left(cache_dir: Path, graph_name: str, keep: Path) -> None:
    """After an open that built nothing: clean up what a killed build left, if any, unless
    a build is running (listing the folder costs microseconds; nothing else is done)."""
    if not any(entry.name.startswith(LEFTOVERS) for entry in cache_dir.iterdir()):
        return
    with open(cache_dir / ".lock", "a+b") as handle:
        if try_lock(handle.fileno()):
            _clean(cache_dir, graph_name, keep)


class _HashingReader(io.RawIOBase):
    """A file read once: what pyoxigraph loads is exactly what is hashed."""

    def __init__(self, handle):
        self._handle = handle
        import hashlib

        self.sha256 = hashlib.sha256()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        count = self._handle.readinto(buffer)
        self.sha256.update(memoryview(buffer)[:count])
        return count


def _build(graph_file: Path, cache_dir: Path, settle_s: float, extra: list[Path]) -> Lease:
    """Load the graph file (and ``extra``) into a new folder named after the bytes loaded; lease it."""
    import pyoxigraph as ox

    kind, _ = _format(graph_file)
    label = _label(graph_file, extra)
    with locked_folder(cache_dir):
        digest = content_digest(graph_file, cache_dir, settle_s, extra)  # built by another process meanwhile?
        found = _lease(cache_dir / f"oxigraph-{kind}-{digest}", digest)
        if isinstance(found, Lease):
            return found
        _clean(cache_dir, label, keep=None)
        for _ in range(3):
            with contextlib.ExitStack() as files:
                handles = [files.enter_context(open(path, "rb")) for path in (graph_file, *extra)]
                before = [_identity(os.fstat(handle.fileno())) for handle in handles]
                started = time.time_ns()
                building = cache_dir / f".building-{os.urandom(6).hex()}"
                loading = graph_file
                try:
                    store = ox.Store(str(building))
                    readers = []
                    for loading, handle in zip((graph_file, *extra), handles):
                        reader = _HashingReader(handle)
                        store.bulk_load(input=io.BufferedReader(reader, 1 << 20), format=_format(loading)[1])
                        readers.append(reader)
                    store.flush()
                    store.optimize()
                    del store
                    # written in place while it was loaded? (a rename over it changes only its
                    # ctime, as the link count drops: what was read is then still one version)
                    if any(_identity(os.fstat(h.fileno()))[2:4] != b[2:4] for h, b in zip(handles, before)):
                        _rmtree(building)
                        continue
                    digests = [reader.sha256.hexdigest() for reader in readers]
                    digest = _union(digests)
                    record = {"sha256": digest, "graph": label, "format": kind, "bytes": before[0][2]}
                    if extra:
                        record["parts"] = [{"file": path.name, "sha256": part, "bytes": identity[2]}
                                           for path, part, identity in zip((graph_file, *extra), digests, before)]
                    write_atomic(building / CONTENT, json.dumps(record))
                    folder = cache_dir / f"oxigraph-{kind}-{digest}"
                    found = _lease(folder, digest)
                    if isinstance(found, Lease):  # the same bytes were built before
                        _rmtree(building)
                    else:
                        if found == _DAMAGED:
                            os.rename(folder, folder.with_name(f".damaged-{os.urandom(6).hex()}"))
                        os.rename(building, folder)
                        found = _lease(folder, digest)
                except SyntaxError as error:
                    _rmtree(building)
                    raise CacheError(f"cannot load the graph: {error}", path=str(loading)) from None
                except OSError as error:  # a full disk, a file size limit: say which and why
                    _rmtree(building)
                    raise CacheError(f"cannot build the embedded store in {cache_dir}: {describe(error)}",
                                     path=str(graph_file)) from error
                except BaseException:
                    _rmtree(building)
                    raise
            for path, identity, part in zip((graph_file, *extra), before, digests):
                _write_stamp(cache_dir, path, identity, part, started)
            if isinstance(found, Lease):
                _clean(cache_dir, label, keep=found.location)
                return found
        raise CacheError("the graph file kept changing while it was being loaded; try again once it is written",
                         path=str(graph_file))


def open_cache(graph_file: Path, cache_dir: Path, settle_s: float = SETTLE_S, also=()):
    """The read-only pyoxigraph store for ``graph_file``'s current content and its lease.

    ``also``: more graph files loaded into the same store, those that exist (the progress
    reports' graph). Builds the folder when there is none, and once more when the one there
    cannot be opened.

    Raises:
        CacheError: no graph file, a graph that does not parse, or a cache that cannot be
            opened even when built again.
        OSError: the cache folder cannot be written (disk full, permissions).
    """
    import pyoxigraph as ox

    kind, _ = _format(graph_file)
    last: BaseException | None = None
    for _ in range(4):
        extra = _present(also)
        digest = content_digest(graph_file, cache_dir, settle_s, extra)
        folder = cache_dir / f"oxigraph-{kind}-{digest}"
        found = _lease(folder, digest)
        if found == _DAMAGED:
            _set_aside(folder, digest)
            continue
        if found == _MISSING:
            found = _build(graph_file, cache_dir, settle_s, extra)
        try:
            store = ox.Store.read_only(str(found.location))
        except (OSError, RuntimeError) as error:  # a missing or damaged file: build it again
            last = error
            found.release()
            _set_aside(found.location, found.digest)
            continue
        _clean_if_left(cache_dir, _label(graph_file, extra), found.location)
        return store, found
    raise CacheError(f"the embedded store cannot be opened: {describe(last) if last else 'it keeps changing'}; "
                     f"remove {cache_dir} and try again", path=str(graph_file))


def set_aside(location: Path, digest: str) -> None:
    """Move away a folder found damaged while it was queried: the next open rebuilds it."""
    _set_aside(location, digest)
