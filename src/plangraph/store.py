"""Where queries run: the embedded store (default) or any SPARQL 1.1 endpoint.

The embedded store is a pyoxigraph database on disk next to the graph file
(``data/.cache/``), rebuilt when ``data/plangraph.ttl`` changes, so that repeated CLI calls
open it in milliseconds instead of parsing Turtle each time. A remote endpoint is reached
over HTTP POST with a timeout and bounded retries for reads.

Both return :class:`Result`: the SPARQL 1.1 results model (variables, and rows of RDF terms
as plain dicts), so every output format and every test sees the same shape.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import shutil
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .errors import PlangraphError

__all__ = ["Term", "Result", "EmbeddedStore", "RemoteStore", "open_store", "StoreError"]


class StoreError(PlangraphError):
    """A store or endpoint that cannot answer."""


@dataclass(frozen=True)
class Term:
    """An RDF term in the SPARQL 1.1 JSON results shape."""

    type: str  # "uri", "literal" or "bnode"
    value: str
    lang: str | None = None
    datatype: str | None = None

    def to_json(self) -> dict[str, str]:
        out = {"type": self.type, "value": self.value}
        if self.lang:
            out["xml:lang"] = self.lang
        elif self.datatype:
            out["datatype"] = self.datatype
        return out

    @classmethod
    def from_json(cls, data: dict[str, str]) -> "Term":
        kind = data["type"]
        if kind == "typed-literal":  # SPARQL XML-era servers
            kind = "literal"
        return cls(kind, data["value"], data.get("xml:lang"), data.get("datatype"))


@dataclass
class Result:
    """Variables and rows (variable name -> :class:`Term`, unbound variables absent)."""

    variables: list[str]
    rows: list[dict[str, Term]] = field(default_factory=list)
    boolean: bool | None = None  # ASK

    def __iter__(self) -> Iterator[dict[str, Term]]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def values(self) -> list[tuple[str | None, ...]]:
        """Rows as tuples of plain values, in variable order (handy in tests)."""
        return [tuple(row[v].value if v in row else None for v in self.variables) for row in self.rows]

    def to_json(self) -> dict:
        """The SPARQL 1.1 Query Results JSON document."""
        if self.boolean is not None:
            return {"head": {}, "boolean": self.boolean}
        return {
            "head": {"vars": self.variables},
            "results": {"bindings": [{k: t.to_json() for k, t in row.items()} for row in self.rows]},
        }


def _ox_term(term) -> Term:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return Term("uri", term.value)
    if isinstance(term, ox.BlankNode):
        return Term("bnode", term.value)
    language = term.language
    if language:
        return Term("literal", term.value, lang=language)
    datatype = term.datatype.value
    return Term("literal", term.value, datatype=None if datatype.endswith("#string") else datatype)


class EmbeddedStore:
    """The built graph in an on-disk pyoxigraph store, refreshed when the graph changes."""

    def __init__(self, graph_file: Path, cache_dir: Path | None = None, timeout: float | None = None):
        self.graph_file = graph_file
        self.timeout = timeout
        self.cache_dir = cache_dir or graph_file.parent / ".cache"
        self._store = None
        self.location: Path | None = None

    def _key(self) -> str:
        stat = self.graph_file.stat()
        stamp = self.cache_dir / "stamp.json"
        try:
            known = json.loads(stamp.read_text(encoding="utf-8"))
            if known["size"] == stat.st_size and known["mtime_ns"] == stat.st_mtime_ns:
                return known["sha256"]
        except (OSError, ValueError, KeyError):
            pass
        digest = hashlib.sha256(self.graph_file.read_bytes()).hexdigest()
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = stamp.with_suffix(".tmp")
        tmp.write_text(json.dumps({"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha256": digest}),
                       encoding="utf-8")
        os.replace(tmp, stamp)
        return digest

    def open(self):
        """Open (building first if needed) the store for the current graph file."""
        if self._store is not None:
            return self._store
        import pyoxigraph as ox

        if not self.graph_file.exists():
            raise StoreError("graph file not found; run `plangraph build` first", path=str(self.graph_file))
        key = self._key()[:16]
        path = self.cache_dir / f"oxigraph-{key}"
        if not path.exists():
            tmp = self.cache_dir / f".building-{key}-{os.getpid()}"
            shutil.rmtree(tmp, ignore_errors=True)
            try:
                store = ox.Store(str(tmp))
                store.bulk_load(path=str(self.graph_file), format=ox.RdfFormat.TURTLE)
                store.flush()
                store.optimize()
                del store
                try:
                    os.replace(tmp, path)
                except OSError:  # another process built it first
                    shutil.rmtree(tmp, ignore_errors=True)
            except SyntaxError as error:
                shutil.rmtree(tmp, ignore_errors=True)
                raise StoreError(f"cannot load the graph: {error}", path=str(self.graph_file)) from None
            for old in self.cache_dir.glob("oxigraph-*"):
                if old != path:
                    shutil.rmtree(old, ignore_errors=True)
        self.location = path
        self._store = ox.Store.read_only(str(path))
        return self._store

    def close(self) -> None:
        """Release the store (so that a server can open the same directory)."""
        self._store = None

    def query(self, sparql: str) -> Result:
        """Run a SPARQL query; syntax errors become :class:`StoreError` with the position.

        With a timeout the query runs in a daemon thread (pyoxigraph releases the GIL while
        it evaluates), and a query that runs too long raises :class:`StoreError`.
        """
        store = self.open()
        if self.timeout is None:
            return self._run(store, sparql)
        import threading

        outcome: list = []

        def work() -> None:
            try:
                outcome.append(self._run(store, sparql))
            except BaseException as error:  # handed to the caller's thread
                outcome.append(error)

        worker = threading.Thread(target=work, daemon=True)
        worker.start()
        worker.join(self.timeout)
        if not outcome:
            raise StoreError(f"query stopped after {self.timeout:g} s (--timeout)")
        if isinstance(outcome[0], BaseException):
            raise outcome[0]
        return outcome[0]

    def _run(self, store, sparql: str) -> Result:
        import pyoxigraph as ox

        try:
            answer = store.query(sparql)
        except SyntaxError as error:
            raise StoreError(f"SPARQL syntax error: {error}") from None
        except OSError as error:
            raise StoreError(f"query failed: {error}") from None
        if isinstance(answer, bool):
            return Result([], boolean=answer)
        if isinstance(answer, ox.QueryBoolean):
            return Result([], boolean=bool(answer))
        if isinstance(answer, ox.QueryTriples):
            rows = [{"subject": _ox_term(t.subject), "predicate": _ox_term(t.predicate), "object": _ox_term(t.object)}
                    for t in answer]
            return Result(["subject", "predicate", "object"], rows)
        variables = [v.value for v in answer.variables]
        rows = []
        for solution in answer:
            row = {}
            for name in variables:
                value = solution[name]
                if value is not None:
                    row[name] = _ox_term(value)
            rows.append(row)
        return Result(variables, rows)


class RemoteStore:
    """A SPARQL 1.1 endpoint over HTTP (POST, JSON results, timeout, retries for reads)."""

    def __init__(self, endpoint: str, timeout: float = 30.0, retries: int = 2):
        check_url(endpoint, "endpoint")
        self.endpoint = endpoint
        self.timeout = timeout
        self.retries = retries

    def query(self, sparql: str) -> Result:
        body = urllib.parse.urlencode({"query": sparql}).encode("utf-8")
        request = urllib.request.Request(
            self.endpoint,
            data=body,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/sparql-results+json",
            },
            method="POST",
        )
        delay = 0.5
        for attempt in range(self.retries + 1):
            deadline = time.monotonic() + self.timeout
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    payload = _read_before(response, deadline)
                break
            except urllib.error.HTTPError as error:
                detail = one_line(error.read()[:300].decode("utf-8", "replace"))
                if error.code >= 500 and attempt < self.retries:
                    time.sleep(delay)
                    delay *= 2
                    continue
                raise StoreError(f"{self.endpoint} answered HTTP {error.code}: {detail or error.reason}") from None
            except (OSError, http.client.HTTPException) as error:
                if is_timeout(error):  # a slow query is not run again: --timeout is the limit
                    raise StoreError(f"{self.endpoint} did not answer within {self.timeout:g} s (--timeout)") from None
                if attempt < self.retries:
                    time.sleep(delay)
                    delay *= 2
                    continue
                if isinstance(error, urllib.error.URLError):
                    raise StoreError(f"cannot reach {self.endpoint}: {network_reason(error)}") from None
                raise StoreError(f"{self.endpoint} broke off the exchange: {network_reason(error)}") from None
        try:
            data = json.loads(payload)
        except ValueError:
            raise StoreError(f"{self.endpoint} did not answer with SPARQL JSON results") from None
        if "boolean" in data:
            return Result([], boolean=bool(data["boolean"]))
        try:
            variables = data["head"]["vars"]
            rows = [{k: Term.from_json(v) for k, v in b.items()} for b in data["results"]["bindings"]]
        except (KeyError, TypeError):
            raise StoreError(f"{self.endpoint} did not answer with SPARQL JSON results") from None
        return Result(variables, rows)


def check_url(url: str, what: str) -> None:
    """Refuse a URL that cannot be requested (scheme, host, port) before anything is sent.

    Example:
        >>> check_url("http://127.0.0.1:abc/query", "endpoint")
        Traceback (most recent call last):
        plangraph.store.StoreError: not an http(s) endpoint URL: 'http://127.0.0.1:abc/query'
    """
    parsed = urllib.parse.urlparse(url)
    try:
        parsed.port  # noqa: B018 - raises ValueError for a port that is not a number in 0-65535
    except ValueError:
        parsed = parsed._replace(netloc="")
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise StoreError(f"not an http(s) {what} URL: {url!r}")


def _read_before(response, deadline: float) -> bytes:
    """The whole body, or TimeoutError once ``deadline`` passes (a server that trickles
    its answer never trips the socket timeout), or IncompleteRead if it is cut short."""
    chunks = []
    while chunk := response.read1(65536):
        chunks.append(chunk)
        if time.monotonic() > deadline:
            raise TimeoutError("the answer took too long")
    payload = b"".join(chunks)
    expected = response.headers.get("Content-Length", "")
    if expected.isdigit() and len(payload) < int(expected):
        raise http.client.IncompleteRead(payload, int(expected) - len(payload))
    return payload


def one_line(text: str) -> str:
    """``text`` with its line breaks and runs of spaces made single spaces."""
    return " ".join(text.split())


def unwrap(error: BaseException):
    """The OSError (or text) a URLError wraps; any other error as it is."""
    return error.reason if isinstance(error, urllib.error.URLError) else error


def is_timeout(error: BaseException) -> bool:
    """True for a socket timeout, bare or wrapped in a URLError."""
    return isinstance(unwrap(error), TimeoutError)


def network_reason(error: BaseException) -> str:
    """One line on why an HTTP exchange failed below HTTP: refused, reset, cut off, not HTTP."""
    reason = unwrap(error)
    if isinstance(reason, http.client.IncompleteRead):
        text = f"the answer was cut off after {len(reason.partial)} bytes"
    elif isinstance(reason, http.client.RemoteDisconnected):
        text = "the server closed the connection without answering"
    elif isinstance(reason, http.client.BadStatusLine):
        text = f"the answer is not HTTP: {str(reason.line).strip()[:60]!r}"
    else:
        text = str(reason) or type(reason).__name__
    return one_line(text)


def open_store(endpoint: str | None = None, graph_file: Path | None = None, timeout: float = 30.0):
    """The embedded store for ``graph_file`` (default data/plangraph.ttl), or an endpoint."""
    if endpoint:
        return RemoteStore(endpoint, timeout=timeout)
    from .paths import DEFAULT_OUTPUT

    return EmbeddedStore(graph_file or DEFAULT_OUTPUT, timeout=timeout)
