"""``plangraph serve``: the graph over HTTP, read-only, with the limits a server needs.

A small gateway listens on ``--host``/``--port`` and passes each request on to
``oxigraph serve-read-only``, which listens on 127.0.0.1 only, on a port of its own::

    client --HTTP--> gateway (host:port) --> oxigraph (127.0.0.1:private port, --timeout-s)

The gateway refuses what oxigraph would do unasked: a query with ``SERVICE`` (it would
make this machine send requests wherever the query says) unless ``--allow-service``, a
body over :data:`MAX_BODY` bytes, more than :data:`MAX_ACTIVE` queries at once, a client
idle for :data:`IDLE_S` seconds. Oxigraph cancels a query after ``--timeout`` seconds.

It serves a snapshot: the cache folder of the graph as it was, which no rebuild removes
while it is served (the server holds its lock). When the graph file changes, the new graph
is loaded into a second oxigraph; the gateway sends new requests there and stops the old
one once its requests are done. SIGTERM and SIGINT stop oxigraph and the gateway.
"""

from __future__ import annotations

import http.client
import http.server
import ipaddress
import os
import signal
import socket
import threading
import urllib.parse
from pathlib import Path
from typing import Callable

from .errors import PlangraphError, describe
from .publish import check_port_free, free_port, start_server
from .query import uses_service

__all__ = ["serve", "Gateway", "service_refusal", "MAX_BODY", "MAX_ACTIVE", "IDLE_S"]

MAX_BODY = 1 << 20  # 1 MiB: a query, not a data upload
MAX_ACTIVE = 8  # queries passed on at once; more get 503
IDLE_S = 30  # a client that sends nothing for this long is disconnected
RELOAD_CHECK_S = 1.0  # how often the graph file and oxigraph are looked at
_HOP = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade",
        "content-length", "server", "date", "host"}
SERVICE_REFUSED = ("SERVICE (a federated query) is refused by this server: it would make the server send "
                   "requests to other hosts. Start it with --allow-service to allow it.")


def service_refusal(path: str, content_type: str, body: bytes) -> tuple[int, str] | None:
    """(status, message) when a request must not reach oxigraph, else None.

    Every query and update the request could carry is checked: the ``query`` and
    ``update`` parameters of the URL and of a form body, and any other body as it is.

    Example:
        >>> service_refusal("/query?query=SELECT%20*%20%7B%20SERVICE%20%3Chttp://x/%3E%20%7B%7D%20%7D", "", b"")[0]
        403
        >>> service_refusal("/query?query=ASK%20%7B%7D", "", b"") is None
        True
    """
    params = urllib.parse.parse_qs(urllib.parse.urlsplit(path).query, keep_blank_values=True)
    texts: list[str] = []
    if body:
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return 400, "the request body is not UTF-8"
        if content_type.split(";")[0].strip().lower() == "application/x-www-form-urlencoded":
            for name, values in urllib.parse.parse_qs(text, keep_blank_values=True).items():
                params.setdefault(name, []).extend(values)
        else:  # application/sparql-query, sparql-update, or anything else: the body as it is
            texts.append(text)
    texts += params.get("query", []) + params.get("update", [])
    if any(uses_service(text) for text in texts):
        return 403, SERVICE_REFUSED
    return None


class Upstream:
    """One oxigraph server on one cache folder, which it keeps from being removed."""

    def __init__(self, graph_file: Path, timeout: float, cache_dir: Path | None = None):
        from .store import EmbeddedStore

        self.store = EmbeddedStore(graph_file, cache_dir=cache_dir)
        lease = self.store.hold()
        self.digest = lease.digest
        self.port = free_port()
        self.active = 0
        self._count = threading.Lock()
        try:
            self.process = start_server(lease.location, self.port, read_only=True, timeout=timeout,
                                        keep_fds=(lease.fileno(),))
        except BaseException:
            self.store.close()
            raise

    def enter(self) -> None:
        with self._count:
            self.active += 1

    def leave(self) -> None:
        with self._count:
            self.active -= 1

    def stop(self) -> None:
        """Stop oxigraph (SIGTERM, then SIGKILL after 10 s) and release the folder."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except Exception:
                self.process.kill()
                self.process.wait()
        self.store.close()

    def retire(self, grace: float) -> None:
        """Stop once the requests it is answering are done (or after ``grace`` seconds)."""
        stopped = threading.Event()
        waited = 0.0
        while self.active and waited < grace:
            stopped.wait(0.2)
            waited += 0.2
        self.stop()


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = IDLE_S
    server_version = "plangraph-serve"

    def log_message(self, format, *args):  # noqa: A002 - http.server's signature
        pass  # every refusal is answered to the client; the terminal stays quiet

    def do_GET(self):  # noqa: N802 - http.server's naming
        self._forward()

    do_POST = do_HEAD = do_PUT = do_DELETE = do_OPTIONS = do_PATCH = do_GET

    def _answer(self, status: int, message: str) -> None:
        body = (message + "\n").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)
        self.close_connection = True

    def _forward(self) -> None:
        gateway: Gateway = self.server  # type: ignore[assignment]
        if self.headers.get("Transfer-Encoding"):
            return self._answer(411, "send the request with a Content-Length")
        length = self.headers.get("Content-Length") or "0"
        if not length.isdigit():
            return self._answer(400, "bad Content-Length")
        if int(length) > MAX_BODY:
            # read what a client still sends of a body a few times too big (up to 16 MiB), so
            # that it gets the answer rather than a broken pipe; a bigger one is cut off
            left = int(length) if int(length) <= 16 * MAX_BODY else 0
            while left > 0:
                chunk = self.rfile.read(min(left, 1 << 16))
                if not chunk:
                    break
                left -= len(chunk)
            return self._answer(413, f"the request is over {MAX_BODY} bytes")
        body = self.rfile.read(int(length)) if int(length) else b""
        if not gateway.allow_service:
            refusal = service_refusal(self.path, self.headers.get("Content-Type", ""), body)
            if refusal:
                return self._answer(*refusal)
        if not gateway.slots.acquire(blocking=False):
            return self._answer(503, f"busy: {MAX_ACTIVE} queries are running; try again")
        upstream = gateway.upstream
        upstream.enter()
        try:
            self._relay(upstream, body)
        finally:
            upstream.leave()
            gateway.slots.release()

    def _relay(self, upstream: Upstream, body: bytes) -> None:
        gateway: Gateway = self.server  # type: ignore[assignment]
        connection = http.client.HTTPConnection("127.0.0.1", upstream.port, timeout=gateway.query_timeout + 30)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP}
        try:
            connection.request(self.command, self.path, body=body or None, headers=headers)
            response = connection.getresponse()
        except (OSError, http.client.HTTPException) as error:
            connection.close()
            return self._answer(504 if isinstance(error, TimeoutError) else 502,
                                f"the query server did not answer: {describe(error)}")
        self.send_response(response.status, response.reason)
        for name, value in response.getheaders():
            if name.lower() not in _HOP:
                self.send_header(name, value)
        length = response.getheader("Content-Length")
        if length is not None:
            self.send_header("Content-Length", length)
        else:  # a streamed answer: it ends when the connection closes
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        try:
            while self.command != "HEAD" and (chunk := response.read1(65536)):
                self.wfile.write(chunk)
        except (OSError, http.client.HTTPException):  # the client left, or oxigraph stopped the query
            self.close_connection = True
        finally:
            connection.close()


class Gateway(http.server.ThreadingHTTPServer):
    """The HTTP server on --host/--port that passes requests on to the current upstream."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, host: str, port: int, query_timeout: float, allow_service: bool):
        check_port_free(host, port)
        self.address_family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        try:
            super().__init__((host, port), _Handler)
        except OSError as error:
            raise PlangraphError(f"cannot listen on {host}:{port}: {describe(error)}") from None
        self.query_timeout = query_timeout
        self.allow_service = allow_service
        self.slots = threading.BoundedSemaphore(MAX_ACTIVE)
        self.upstream: Upstream | None = None


def is_loopback(host: str) -> bool:
    """True when every address ``host`` names is this machine's loopback."""
    try:
        infos = socket.getaddrinfo(host, None)
    except socket.gaierror:
        return False
    return all(ipaddress.ip_address(info[4][0].split("%")[0]).is_loopback for info in infos)


def _identity(path: Path):
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def serve(graph_file: Path, host: str, port: int, timeout: float, allow_service: bool,
          say: Callable[[str], None], cache_dir: Path | None = None) -> None:
    """Serve ``graph_file`` until SIGTERM or SIGINT; raise PlangraphError if oxigraph fails.

    ``cache_dir`` is the workspace's cache (default: ``.cache`` beside the graph file)."""
    cache_dir = cache_dir or graph_file.parent / ".cache"
    from .cache import graph_digest

    gateway = Gateway(host, port, timeout, allow_service)
    if not is_loopback(host):
        say(f"warning: listening on {host}: anyone who can reach this machine on port {port} can query the "
            "graph (read-only" + (", SERVICE allowed)" if allow_service else ")"))
    stop = threading.Event()
    previous = {sig: signal.signal(sig, lambda *_: stop.set()) for sig in (signal.SIGTERM, signal.SIGINT)}
    retiring: list[Upstream] = []
    gateway.upstream = Upstream(graph_file, timeout, cache_dir)
    threading.Thread(target=gateway.serve_forever, daemon=True, name="gateway").start()
    say(f"serving {graph_file} (sha256 {gateway.upstream.digest[:12]}) read-only on http://{host}:{port}/ "
        f"(SPARQL: /query); queries stop after {timeout:g} s; SERVICE "
        f"{'allowed' if allow_service else 'refused'}; Ctrl-C stops")
    seen = _identity(graph_file)
    failure = None
    try:
        while not stop.wait(RELOAD_CHECK_S):
            if gateway.upstream.process.poll() is not None:
                failure = f"oxigraph stopped (exit {gateway.upstream.process.returncode}): {gateway.upstream.process.tail()}"
                break
            now = _identity(graph_file)
            if now is None or now == seen:
                continue
            seen = now
            try:
                if graph_digest(graph_file, cache_dir) == gateway.upstream.digest:
                    continue
                fresh = Upstream(graph_file, timeout, cache_dir)
            except (PlangraphError, OSError) as error:
                say(f"warning: {graph_file} changed but cannot be served ({describe(error)}); "
                    "still serving the previous graph")
                continue
            old, gateway.upstream = gateway.upstream, fresh
            say(f"reloaded {graph_file}: now serving sha256 {fresh.digest[:12]}")
            retiring.append(old)
            threading.Thread(target=old.retire, args=(timeout + 30,), daemon=True).start()
    finally:
        gateway.shutdown()
        gateway.server_close()
        for upstream in [gateway.upstream, *retiring]:
            upstream.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if failure:
        raise PlangraphError(failure)
    say("stopped")
