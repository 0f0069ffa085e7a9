"""Where queries run: the embedded store (default) or any SPARQL 1.1 endpoint.

The embedded store is a pyoxigraph database on disk next to the graph file
(``data/.cache/``), rebuilt when ``data/plangraph.ttl`` changes, so that repeated CLI calls
open it in milliseconds instead of parsing Turtle each time. A remote endpoint is reached
over HTTP POST with a timeout and bounded retries for reads.

Both return a :class:`~plangraph.results.Result` (or a :class:`~plangraph.results.RowStream`):
the SPARQL 1.1 results model (variables, and rows of RDF terms as plain dicts), so every
output format and every test sees the same shape; the types are named here too. The HTTP
modules are imported only when an endpoint is used (they cost the embedded path 8-9 ms).
"""

from __future__ import annotations

import os

from .errors import StoreError, describe
from .results import Result, RowStream, Term

TYPE_CHECKING = False  # (Paths are made when asked for: pathlib costs a query command ~5 ms)
if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["Term", "Result", "RowStream", "EmbeddedStore", "MemoryStore", "RdflibStore", "RemoteStore",
           "open_store", "StoreError"]

# what lives in plangraph.remote (with the HTTP modules), named here too but imported only
# when asked for, so that the embedded path never loads http.client
_REMOTE = ("RemoteStore", "check_url", "one_line", "unwrap", "is_timeout", "network_reason")


def __getattr__(name: str):
    if name in _REMOTE:
        from . import remote

        return getattr(remote, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_OX_KINDS: dict[type, str] = {}


def _ox_term(term) -> Term:
    if not _OX_KINDS:
        import pyoxigraph as ox

        _OX_KINDS.update({ox.NamedNode: "uri", ox.BlankNode: "bnode", ox.Literal: "literal"})
    kind = _OX_KINDS.get(type(term))
    if kind is None:  # an RDF 1.2 triple term: shown as N-Triples text
        return Term("literal", str(term))
    if kind != "literal":
        return Term(kind, term.value)
    language = term.language
    if language:
        return Term("literal", term.value, language)
    datatype = term.datatype.value
    return Term("literal", term.value, None, None if datatype == _XSD_STRING else datatype)


class EmbeddedStore:
    """The built graph in an on-disk pyoxigraph store, refreshed when the graph changes.

    The store is the cache folder for the graph file's current bytes (:mod:`plangraph.cache`):
    built when there is none, built again when it is damaged, and kept from deletion while
    this object has it open. ``also`` names more graph files loaded into the same store when
    they exist (the workspace's progress reports' graph): every query sees their union, and the
    folder is the one for the content of all of them. ``SERVICE`` is refused unless
    ``allow_service`` (a query would otherwise make this machine send requests anywhere).
    """

    settle_s: float | None = None  # seconds; None: plangraph.cache.SETTLE_S (a younger stamp is not trusted)

    def __init__(self, graph_file: Path | str, cache_dir: Path | str | None = None, timeout: float | None = None,
                 allow_service: bool = False, also=()):
        # kept as given (str or Path); graph_file, cache_dir, also and location are Paths
        self._graph_file = graph_file
        self._also = tuple(also)
        self.timeout = timeout
        self.allow_service = allow_service
        self._cache_dir = cache_dir or os.path.join(os.path.dirname(graph_file), ".cache")
        self._store = None
        self.lease = None
        self._location = None
        self._kept = None  # the answers kept in the store's folder (kept_query), once read

    @property
    def graph_file(self) -> Path:
        from pathlib import Path

        return Path(self._graph_file)

    @property
    def also(self) -> tuple[Path, ...]:
        from pathlib import Path

        return tuple(Path(path) for path in self._also)

    @property
    def cache_dir(self) -> Path:
        from pathlib import Path

        return Path(self._cache_dir)

    @property
    def location(self) -> Path | None:
        """The store's folder, once open."""
        from pathlib import Path

        return None if self._location is None else Path(self._location)

    def open(self):
        """Open (building first if needed) the store for the current graph file: the warm
        open (:mod:`plangraph.warm`) when it is built and sound, else :mod:`plangraph.cache`."""
        if self._store is None:
            from .warm import SETTLE_S, open_warm

            settle = SETTLE_S if self.settle_s is None else self.settle_s
            if self.lease is not None:  # held without the store (hold()): take a fresh lease
                self.lease.release()
                self.lease = None
            opened = open_warm(self._graph_file, self._cache_dir, settle, self._also)
            if opened is None:
                from .cache import open_cache

                opened = open_cache(self.graph_file, self.cache_dir, settle, self.also)
            self._store, self.lease = opened
            self._location, self._kept = self.lease.path, None
        return self._store

    def hold(self):
        """Open, then keep only the lease on the folder (for a server that reads the folder
        itself: it stays while the lease is held). Returns the :class:`plangraph.cache.Lease`."""
        self.open()
        self._store = None
        return self.lease

    def close(self) -> None:
        """Release the store and its folder (a later rebuild may then remove the folder)."""
        self._store = None
        if self.lease is not None:
            self.lease.release()
            self.lease = None

    def query(self, sparql: str) -> Result:
        """Run a SPARQL query; syntax errors become :class:`StoreError` with the position.

        With a timeout the query runs in a daemon thread (pyoxigraph releases the GIL while
        it evaluates), and a query that runs too long raises :class:`StoreError`.
        """
        stream = self.stream(sparql)
        return Result(stream.variables, list(stream), boolean=stream.boolean)

    def kept_query(self, sparql: str) -> Result:
        """:meth:`query`, for a query whose answer depends on the graph alone (no NOW(),
        RAND() or BNODE()): its answer is kept beside the store and read back the next time
        (:mod:`plangraph.kept`; a command's look-ups before its query, issue 16)."""
        self.open()
        from .kept import answers, keep, result_of

        if self._kept is None:
            self._kept = answers(self._location)
        found = self._kept.get(sparql)
        if found is not None:
            if not self.allow_service:  # (as query() would refuse it)
                from .query import refuse_service

                refuse_service(sparql)
            return result_of(found)
        result = self.query(sparql)
        if result.boolean is None:
            keep(self._location, self._kept, sparql, result)
        return result

    def stream(self, sparql: str) -> RowStream:
        """Like :meth:`query`, but rows are handed out as the store finds them."""
        if not self.allow_service:
            from .query import refuse_service

            refuse_service(sparql)
        store = self.open()
        return _stream_oxigraph(store, sparql, self.timeout, on_damage=self._damaged)

    def _damaged(self, error: BaseException) -> StoreError:
        from .cache import set_aside

        location, digest = self.location, self.lease.digest if self.lease else ""  # (a Path)
        self.close()
        if location is not None:
            set_aside(location, digest)
        return StoreError(f"the embedded store was damaged ({describe(error)}); it was set aside and is "
                          "built again by the next command: run it again", path=str(location))


class MemoryStore:
    """Graph files loaded into an in-memory pyoxigraph store.

    For scripts, notebooks and benchmarks: the same interface as the embedded store, with
    nothing written to disk (loading costs about 2 s per million triples).

    Example:
        >>> from plangraph.paths import DEFAULT_OUTPUT
        >>> store = MemoryStore(DEFAULT_OUTPUT)
        >>> store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").values()[0][0] > "1"
        True
    """

    def __init__(self, *graph_files: Path, timeout: float | None = None, allow_service: bool = False):
        import pyoxigraph as ox

        self.timeout = timeout
        self.allow_service = allow_service
        self._store = ox.Store()
        from pathlib import Path

        for path in graph_files:
            path = Path(path)
            fmt = ox.RdfFormat.N_TRIPLES if path.suffix == ".nt" else ox.RdfFormat.TURTLE
            try:
                self._store.bulk_load(path=str(path), format=fmt)
            except SyntaxError as error:
                raise StoreError(f"cannot load the graph: {error}", path=str(path)) from None

    def __len__(self) -> int:
        return len(self._store)

    def query(self, sparql: str) -> Result:
        """Run a SPARQL query (see :meth:`EmbeddedStore.query`)."""
        stream = self.stream(sparql)
        return Result(stream.variables, list(stream), boolean=stream.boolean)

    def stream(self, sparql: str) -> RowStream:
        """Rows as the store finds them (see :meth:`EmbeddedStore.stream`)."""
        if not self.allow_service:
            from .query import refuse_service

            refuse_service(sparql)
        return _stream_oxigraph(self._store, sparql, self.timeout)


class RdflibStore:
    """An rdflib ``Graph`` behind the same interface.

    rdflib's SPARQL engine is pure Python: hundreds to thousands of times slower than
    pyoxigraph on the named queries (see benchmarks/results.md). It is here for graphs that
    are already in rdflib, and so that the benchmarks compare engines on the same code.
    """

    def __init__(self, graph, allow_service: bool = False):
        self.graph = graph
        self.allow_service = allow_service  # rdflib follows SERVICE too

    @classmethod
    def from_files(cls, *graph_files: Path) -> "RdflibStore":
        import rdflib

        graph = rdflib.Graph()
        from pathlib import Path

        for path in graph_files:
            graph.parse(str(path), format="nt" if Path(path).suffix == ".nt" else "turtle")
        return cls(graph)

    def query(self, sparql: str) -> Result:
        if not self.allow_service:
            from .query import refuse_service

            refuse_service(sparql)
        answer = self.graph.query(sparql)
        if answer.type == "ASK":
            return Result([], boolean=bool(answer.askAnswer))
        if answer.type in ("CONSTRUCT", "DESCRIBE"):
            rows = [{"subject": _rdflib_term(s), "predicate": _rdflib_term(p), "object": _rdflib_term(o)}
                    for s, p, o in answer.graph]
            return Result(["subject", "predicate", "object"], rows)
        variables = [str(v) for v in answer.vars]
        rows = []
        for solution in answer:
            rows.append({name: _rdflib_term(value) for name, value in zip(variables, solution)
                         if value is not None})
        return Result(variables, rows)


def _rdflib_term(term) -> Term:
    import rdflib

    if isinstance(term, rdflib.URIRef):
        return Term("uri", str(term))
    if isinstance(term, rdflib.BNode):
        return Term("bnode", str(term))
    datatype = str(term.datatype) if term.datatype is not None else None
    if datatype and datatype.endswith("#string"):
        datatype = None
    return Term("literal", str(term), lang=term.language, datatype=datatype)


def _failure(error: BaseException, on_damage) -> StoreError:
    """The error to raise for what pyoxigraph raised while answering."""
    if on_damage is not None and isinstance(error, RuntimeError) and "Corruption" in str(error):
        return on_damage(error)
    return StoreError(f"query failed: {describe(error)}")


def _oxigraph_answer(store, sparql: str, on_damage=None):
    try:
        return store.query(sparql)
    except SyntaxError as error:
        raise StoreError(f"SPARQL syntax error: {error}") from None
    except (OSError, RuntimeError) as error:
        raise _failure(error, on_damage) from None


def _oxigraph_rows(answer, on_damage=None) -> RowStream:
    import pyoxigraph as ox

    if isinstance(answer, bool):
        return RowStream([], iter(()), boolean=answer)
    if isinstance(answer, ox.QueryBoolean):
        return RowStream([], iter(()), boolean=bool(answer))
    if isinstance(answer, ox.QueryTriples):
        return RowStream(["subject", "predicate", "object"], (
            {"subject": _ox_term(t.subject), "predicate": _ox_term(t.predicate), "object": _ox_term(t.object)}
            for t in answer))
    variables = [v.value for v in answer.variables]

    def rows():
        # A solution iterates its values in the order of the variables (None when unbound).
        try:
            for solution in answer:
                yield {name: _ox_term(value) for name, value in zip(variables, solution) if value is not None}
        except (OSError, RuntimeError) as error:
            raise _failure(error, on_damage) from None

    return RowStream(variables, rows())


def _stream_oxigraph(store, sparql: str, timeout: float | None, on_damage=None) -> RowStream:
    """Run ``sparql``; with a timeout, evaluate in a daemon thread and stop at the deadline.

    pyoxigraph evaluates lazily and releases the GIL while it works, so a producer thread
    hands rows to the caller through a bounded queue (:class:`_Handoff`); the caller gives
    up when the deadline passes, whether the query is still looking for its first row or is
    half way through. A caller that stops reading (``--limit``, a closed pipe, a stream dropped) tells the
    producer, which ends at its next batch instead of waiting on a full queue for ever.
    (pyoxigraph cannot cancel a query: a producer still looking for its next row after the
    deadline runs on until it finds one or the process ends.)
    """
    if timeout is None:
        return _oxigraph_rows(_oxigraph_answer(store, sparql, on_damage), on_damage)
    from .producer import with_deadline

    return with_deadline(lambda: _oxigraph_rows(_oxigraph_answer(store, sparql, on_damage), on_damage), timeout,
                         sparql)


def open_store(endpoint: str | None = None, graph_file: Path | None = None, timeout: float = 30.0,
               cache_dir: Path | None = None, also=()):
    """The embedded store for ``graph_file`` (default: the workspace's graph) and the files of
    ``also`` that exist (the progress reports' graph), its cache in ``cache_dir`` (default:
    ``.cache/`` beside the graph), or an endpoint."""
    if endpoint:
        from .remote import RemoteStore

        return RemoteStore(endpoint, timeout=timeout)
    if graph_file is None:
        from .paths import DEFAULT_OUTPUT  # looked up only when needed: it needs a workspace

        graph_file = DEFAULT_OUTPUT
    return EmbeddedStore(graph_file, cache_dir=cache_dir, timeout=timeout, also=also)
