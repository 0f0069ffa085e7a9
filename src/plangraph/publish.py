"""Publish the graph to a SPARQL 1.1 Graph Store, and serve it locally with oxigraph.

The graph is split into one named graph per source document (its plan, sections, tasks,
targets and citations) plus one for the shared nodes (agencies, collectives, documents,
issuers, projects, indicators) and the ontology; the progress reports' graph, when there
is one, is the named graph ``graph/progress``. Each named graph is sent with one HTTP
PUT, which the store applies whole or not at all; a failure stops the publish, reports
which graphs were already replaced, and exits 2 (never a partial success).
"""

from __future__ import annotations

import errno
import http.client
import re
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from .errors import PlangraphError
from .resources import ontology_file

__all__ = ["split_graphs", "publish", "progress_graph", "GRAPH_BASE", "SHARED_GRAPH", "PROGRESS_GRAPH", "free_port", "start_server", "check_port_free",
           "OxigraphProcess"]

GRAPH_BASE = "https://w3id.org/plangraph/graph/"
SHARED_GRAPH = GRAPH_BASE + "registry"
PROGRESS_GRAPH = GRAPH_BASE + "progress"
_PLAN_RE = re.compile(r"^https://w3id\.org/plangraph/id/plan/([^/]+/[^/]+)")  # plan/<jurisdiction>/<year-number>
_SOURCE_RE = re.compile(r"^https://w3id\.org/plangraph/id/source/(.+)$")


def split_graphs(graph_file: Path, ontology: Path | None = ontology_file()) -> dict[str, str]:
    """Return named graph IRI -> N-Triples text.

    One pass over the file, keeping each triple only as its N-Triples line (a national
    graph has millions); the few lines about source files wait until every plan has said
    which source file it comes from.
    """
    import pyoxigraph as ox

    fmt = ox.RdfFormat.N_TRIPLES if graph_file.suffix == ".nt" else ox.RdfFormat.TURTLE
    pg_source = "https://w3id.org/plangraph/ontology#sourceFile"
    plan_of_source: dict[str, str] = {}
    graphs: dict[str, list[str]] = {}
    about_sources: list[tuple[str, str]] = []
    for triple in ox.parse(path=str(graph_file), format=fmt):
        subject = getattr(triple.subject, "value", "")
        line = f"{triple} ."
        match = _PLAN_RE.match(subject)
        if match:
            plan = match.group(1)
            if triple.predicate.value == pg_source and subject == match.group(0):
                plan_of_source[triple.object.value] = plan
            graphs.setdefault(GRAPH_BASE + "plan/" + plan, []).append(line)
            continue
        source = _SOURCE_RE.match(subject)
        if source:
            about_sources.append((source.group(1), line))
        else:
            graphs.setdefault(SHARED_GRAPH, []).append(line)
    for source, line in about_sources:
        plan = plan_of_source.get(source)
        graphs.setdefault(GRAPH_BASE + "plan/" + plan if plan else SHARED_GRAPH, []).append(line)
    if ontology is not None and ontology.exists():
        for triple in ox.parse(path=str(ontology), format=ox.RdfFormat.TURTLE):
            graphs.setdefault(SHARED_GRAPH, []).append(f"{triple} .")
    return {name: "\n".join(sorted(lines)) + "\n" for name, lines in sorted(graphs.items())}


def progress_graph(path: Path) -> dict[str, str]:
    """The progress reports' graph (plangraph.progress) as one named graph: ``graph/progress``."""
    import pyoxigraph as ox

    lines = sorted(f"{triple} ." for triple in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    return {PROGRESS_GRAPH: "\n".join(lines) + "\n"}


def publish(endpoint: str, graph_file: Path, timeout: float = 60.0,
            progress=None, reports: Path | None = None) -> list[tuple[str, int]]:
    """PUT every named graph to the Graph Store endpoint; return (graph, triples) sent.

    ``reports``: the progress reports' graph, sent as the named graph ``graph/progress``."""
    from .remote import check_url, is_timeout, network_reason, one_line, unwrap

    check_url(endpoint, "Graph Store")
    graphs = split_graphs(graph_file)
    if reports is not None:
        graphs.update(progress_graph(reports))
    done: list[tuple[str, int]] = []
    for name, text in graphs.items():
        url = endpoint + ("&" if "?" in endpoint else "?") + urllib.parse.urlencode({"graph": name})
        request = urllib.request.Request(url, data=text.encode("utf-8"), method="PUT",
                                         headers={"Content-Type": "application/n-triples"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                response.read()
        except urllib.error.HTTPError as error:
            detail = one_line(error.read()[:200].decode("utf-8", "replace"))
            # The store refused it; but behind a gateway (502, 504) the store may still apply it.
            raise PlangraphError(_stopped(endpoint, name, f"HTTP {error.code}: {detail}".rstrip(": "),
                                          done, len(graphs), unsure=error.code in (502, 504))) from None
        except (OSError, http.client.HTTPException) as error:
            reason = f"no answer within {timeout:g} s (--timeout)" if is_timeout(error) else network_reason(error)
            # Refused, not resolved or not sendable: nothing was sent. Otherwise the store may have applied it.
            unsure = not isinstance(unwrap(error), (ConnectionRefusedError, socket.gaierror, str))
            raise PlangraphError(_stopped(endpoint, name, reason, done, len(graphs), unsure)) from None
        count = text.count("\n")
        done.append((name, count))
        if progress:
            progress(f"published {name} ({count} triples)")
    return done


def _stopped(endpoint: str, name: str, reason: str, done: list[tuple[str, int]], total: int, unsure: bool) -> str:
    """One line: the graph that failed, why, and which graphs were replaced before it.

    ``unsure``: the request may have reached the store, which may then have replaced ``name``.

    Example:
        >>> _stopped("http://h/store", "g3", "HTTP 500: boom", [("g1", 5), ("g2", 7)], 4, unsure=False)
        'publishing graph g3 to http://h/store failed: HTTP 500: boom; 2 of 4 graphs were replaced before the failure: g1, g2'
    """
    message = f"publishing graph {name} to {endpoint} failed: {reason}"
    if unsure:
        message += f" (the store may or may not have replaced {name})"
    if not done:
        return message + ("; nothing was published before it" if unsure else "; nothing was published")
    return message + f"; {len(done)} of {total} graphs were replaced before the failure: " + ", ".join(n for n, _ in done)


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class OxigraphProcess(subprocess.Popen):
    """An oxigraph server whose log is read as it comes (a pipe nobody reads fills up after
    64 KiB and then blocks the server's request threads); the last lines are kept."""

    def start_reading(self) -> None:
        import collections
        import threading

        self.log = collections.deque(maxlen=40)

        def read() -> None:
            for line in self.stderr:
                self.log.append(line.decode("utf-8", "replace").rstrip())

        threading.Thread(target=read, daemon=True, name="oxigraph-log").start()

    def tail(self, lines: int = 5) -> str:
        """The last log lines, on one line."""
        return " | ".join(list(self.log)[-lines:])


def _die_with_parent() -> None:  # pragma: no cover - runs in the child between fork and exec
    """Linux: the server gets SIGTERM if plangraph dies without stopping it (even by SIGKILL)."""
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGTERM))  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def check_port_free(host: str, port: int) -> None:
    """Refuse a port that another program listens on (oxigraph would exit, and a client
    would talk to the other program)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise PlangraphError(f"cannot listen on {host!r}: {error.strerror}") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as servers do: TIME_WAIT is free
        try:
            sock.bind(address)
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                raise PlangraphError(f"port {port} on {host} is already in use by another program; "
                                     "choose another with --port") from None
            raise PlangraphError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None


def start_server(location: Path, port: int, read_only: bool = True, host: str = "127.0.0.1",
                 union_default_graph: bool = False, timeout: float | None = None,
                 keep_fds: tuple[int, ...] = ()) -> OxigraphProcess:
    """Start ``oxigraph serve[-read-only]`` and wait until it answers.

    ``timeout`` (seconds) is oxigraph's ``--timeout-s``: a query that runs longer is
    cancelled by the server itself, not only given up by the client. ``keep_fds`` are
    inherited by the server (plangraph serve hands it the lock that keeps its store folder
    from being removed). The server's output is read and its last lines kept
    (:meth:`OxigraphProcess.tail`); on Linux, started from the main thread, it is stopped when
    plangraph dies.
    """
    import shutil
    import sys
    import threading

    binary = shutil.which("oxigraph")
    if binary is None:
        candidate = Path(sys.executable).with_name("oxigraph")
        binary = str(candidate) if candidate.exists() else None
    if binary is None:
        raise PlangraphError("the oxigraph server is not installed: pip install oxigraph")
    check_port_free(host, port)
    command = [binary, "serve-read-only" if read_only else "serve", "--location", str(location),
               "--bind", f"[{host}]:{port}" if ":" in host else f"{host}:{port}"]
    if union_default_graph:
        command.append("--union-default-graph")
    if timeout is not None:
        command += ["--timeout-s", str(max(1, round(timeout)))]
    # Only from the main thread: the "parent" of PR_SET_PDEATHSIG is the thread that starts the
    # child, and a server started by a short-lived thread would be stopped when the thread ends.
    tied = sys.platform == "linux" and threading.current_thread() is threading.main_thread()
    process = OxigraphProcess(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              pass_fds=keep_fds, preexec_fn=_die_with_parent if tied else None)
    process.start_reading()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            time.sleep(0.1)  # let the reader take the last lines
            raise PlangraphError(f"oxigraph server stopped: {process.tail()[:300]}")
        try:
            with socket.create_connection((host, port), timeout=0.2):
                if process.poll() is None:
                    return process
        except OSError:
            time.sleep(0.05)
    process.terminate()
    raise PlangraphError("oxigraph server did not start within 20 s")
