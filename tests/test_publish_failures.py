"""A server that fails during `publish` or during a read: real oxigraph, a real proxy, no mocks.

A small HTTP proxy runs in a thread between plangraph and a real ``oxigraph serve``. It
numbers the requests it receives and, for the ones a test names, does something other than
forward them: cut the request body in half and SIGKILL oxigraph, forward the request and
then kill oxigraph before its answer reaches plangraph, answer 500 or 503 itself, stall,
cut the answer short, or answer with bytes that are not HTTP. After a failed publish,
oxigraph is restarted on the same ``--location`` and every named graph must be whole
(the new version), unchanged (the old version) or absent: never partial.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import socketserver
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from plangraph.cli import cli
from plangraph.publish import GRAPH_BASE, SHARED_GRAPH, free_port, publish, split_graphs, start_server
from plangraph.store import RemoteStore, StoreError

ROOT = Path(__file__).resolve().parents[1]
PLANS = ["thanh-hoa/2021-2999", "thanh-hoa/2022-1861", "thanh-hoa/2022-625", "thanh-hoa/2022-913", "thanh-hoa/2023-1992"]
GRAPHS = sorted([GRAPH_BASE + "plan/" + p for p in PLANS] + [SHARED_GRAPH])  # the order publish sends them
MARK = '"v2"'
COMMENT = "<http://www.w3.org/2000/01/rdf-schema#comment>"


class Oxigraph:
    """``oxigraph serve`` on one location; can be SIGKILLed and started again on it."""

    def __init__(self, location: Path):
        self.location = location
        self.process: subprocess.Popen | None = None
        self.port = 0

    def start(self) -> "Oxigraph":
        self.port = free_port()
        self.process = start_server(self.location, self.port, read_only=False, union_default_graph=True)
        return self

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        if self.process is not None:
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
        if self.process is not None:
            self.process.wait(timeout=10)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def graphs(self) -> dict[str, tuple[int, bool]]:
        """Named graph -> (triples, carries the v2 marker)."""
        result = RemoteStore(self.url + "/query", timeout=10).query(
            f"SELECT ?g (COUNT(*) AS ?n) (SUM(IF(?p = {COMMENT} && ?o = {MARK}, 1, 0)) AS ?m) "
            "WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        return {row["g"].value: (int(row["n"].value), int(row["m"].value) > 0) for row in result}


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


class Proxy:
    """A real HTTP proxy on 127.0.0.1 in front of :class:`Oxigraph`.

    Each connection carries one request (urllib sends ``Connection: close``). ``script``
    maps a request's number (from 1) to an action; the others are forwarded:

    * ``cut``: read half of the request body, forward the head and that half, SIGKILL
      oxigraph, drop the connection (a server that dies mid-request).
    * ``lost-answer``: forward the whole request, wait for oxigraph's answer, SIGKILL
      oxigraph and drop the connection without relaying the answer.
    * ``die`` / ``die-restart``: SIGKILL oxigraph, drop the connection (and start oxigraph
      again on the same location before the next request).
    * an int: answer that HTTP status with a two-line body, without forwarding.
    * ``stall``: read the request and never answer.
    * ``trickle``: answer 200 with a JSON body, one byte every 0.2 s.
    * ``cut-answer``: announce 100 bytes of JSON, send 20, drop the connection.
    * ``garbage``: answer bytes that are not HTTP.

    When oxigraph is down, a forwarded request's connection is dropped.
    """

    def __init__(self, oxigraph: Oxigraph, script: dict[int, object] | None = None):
        self.oxigraph = oxigraph
        self.script = script or {}
        self.seen: list[tuple[str, float]] = []
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        proxy = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self):
                proxy._handle(self.request)

        self.server = _Server(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self) -> "Proxy":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stopping.set()
        self.server.shutdown()
        self.server.server_close()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def methods(self) -> list[str]:
        return [method for method, _ in self.seen]

    def gaps(self) -> list[float]:
        times = [t for _, t in self.seen]
        return [b - a for a, b in zip(times, times[1:])]

    def _upstream(self, data: bytes) -> bytes | None:
        try:
            with socket.create_connection(("127.0.0.1", self.oxigraph.port), timeout=10) as upstream:
                upstream.sendall(data)
                chunks = []
                while chunk := upstream.recv(65536):
                    chunks.append(chunk)
                return b"".join(chunks)
        except OSError:
            return None

    def _handle(self, client: socket.socket) -> None:
        client.settimeout(10)
        reader = client.makefile("rb")
        try:
            head = b""
            while True:
                line = reader.readline(65537)
                if not line:
                    return
                head += line
                if line in (b"\r\n", b"\n"):
                    break
            match = re.search(rb"(?im)^content-length:\s*(\d+)", head)
            length = int(match.group(1)) if match else 0
            with self.lock:
                self.seen.append((head.split(b" ", 1)[0].decode("ascii"), time.monotonic()))
                action = self.script.get(len(self.seen), "forward")
            if action == "cut":
                half = reader.read(length // 2)
                try:
                    with socket.create_connection(("127.0.0.1", self.oxigraph.port), timeout=10) as upstream:
                        upstream.sendall(head + half)
                        time.sleep(0.05)  # oxigraph has started reading the body
                        self.oxigraph.kill()
                except OSError:
                    pass
                return  # closing with the rest of the body unread resets the connection
            body = reader.read(length)
            if action == "forward":
                answer = self._upstream(head + body)
                if answer is not None:
                    client.sendall(answer)
            elif action == "lost-answer":
                self._upstream(head + body)
                self.oxigraph.kill()
            elif action in ("die", "die-restart"):
                self.oxigraph.kill()
                if action == "die-restart":
                    self.oxigraph.start()
            elif isinstance(action, int):
                text = b"the store failed\nsecond line of the report"
                client.sendall(b"HTTP/1.1 %d Oops\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n"
                               b"Connection: close\r\n\r\n%s" % (action, len(text), text))
            elif action == "stall":
                self.stopping.wait(30)
            elif action == "trickle":
                text = b'{"head": {}, "boolean": true}' + b" " * 70
                client.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
                               b"Content-Length: %d\r\nConnection: close\r\n\r\n" % len(text))
                for byte in text:
                    if self.stopping.wait(0.2):
                        return
                    client.sendall(bytes([byte]))
            elif action == "cut-answer":
                client.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
                               b"Content-Length: 100\r\nConnection: close\r\n\r\n" + b'{"head": {}, "boolean": true}'[:20])
            elif action == "garbage":
                client.sendall(b"SSH-2.0-OpenSSH_9.6\r\n\r\n")
        except OSError:
            pass
        finally:
            reader.close()


# -- the graph in two versions, and a store that holds the first ------------------------


@pytest.fixture(scope="module")
def versions(tmp_path_factory, built):
    """Two graph files: ``a`` (the build) and ``b`` (one more triple in every named graph)."""
    folder = tmp_path_factory.mktemp("versions")
    a = folder / "a.ttl"
    a.write_text(built.turtle, encoding="utf-8")
    extra = [f"<https://w3id.org/plangraph/id/plan/{p}> {COMMENT} {MARK} ." for p in PLANS]
    extra.append(f"<https://w3id.org/plangraph/id/test/marker> {COMMENT} {MARK} .")
    b = folder / "b.ttl"
    b.write_text(built.turtle + "\n" + "\n".join(extra) + "\n", encoding="utf-8")
    counts_a = {name: text.count("\n") for name, text in split_graphs(a).items()}
    counts_b = {name: text.count("\n") for name, text in split_graphs(b).items()}
    assert sorted(counts_a) == sorted(counts_b) == GRAPHS
    assert all(counts_b[g] == counts_a[g] + 1 for g in GRAPHS)
    return {"a": a, "b": b, "counts_a": counts_a, "counts_b": counts_b}


@pytest.fixture(scope="module")
def store_with_a(tmp_path_factory, versions):
    """An oxigraph location that holds version ``a`` of every named graph (copied per test)."""
    location = tmp_path_factory.mktemp("with-a") / "db"
    server = Oxigraph(location).start()
    try:
        publish(server.url + "/store", versions["a"], timeout=30)
        assert server.graphs() == {g: (n, False) for g, n in versions["counts_a"].items()}
    finally:
        server.stop()
    return location


@pytest.fixture
def oxigraph(tmp_path):
    servers: list[Oxigraph] = []

    def make(copy_of: Path | None = None) -> Oxigraph:
        location = tmp_path / f"db{len(servers)}"
        if copy_of is not None:
            shutil.copytree(copy_of, location)
        server = Oxigraph(location).start()
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.kill()


def run_publish(endpoint: str, graph: Path, timeout: float = 10) -> subprocess.CompletedProcess:
    """`plangraph publish` in its own process, as a user runs it."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    env.pop("PLANGRAPH_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "plangraph", "publish", "--endpoint", endpoint,
                           "--graph", str(graph), "--timeout", str(timeout)],
                          capture_output=True, text=True, encoding="utf-8", timeout=60, cwd=ROOT, env=env)


def failure_line(result) -> str:
    """The one error line of a failed publish; also checks there is no success line."""
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    errors = [line for line in lines if line.startswith("Error: ")]
    assert len(errors) == 1 and lines[-1] == errors[0], result.stderr
    assert not any(re.match(r"published \d+ named graphs", line) for line in lines), result.stderr
    return errors[0]


def replaced_in(message: str) -> list[str]:
    """The graphs the message says were replaced before the failure."""
    if "nothing was published" in message:
        return []
    match = re.search(r"graphs? (?:was|were) replaced before the failure: (.+)$", message)
    assert match, message
    return match.group(1).split(", ")


# -- publish: a server that dies, refuses, or is not there -------------------------------


@pytest.mark.parametrize("before", ["empty", "a"])
@pytest.mark.parametrize("dies_at", [1, 3, 6])
def test_server_killed_mid_body(oxigraph, store_with_a, versions, before, dies_at):
    """oxigraph is SIGKILLed while the body of PUT number ``dies_at`` is arriving."""
    server = oxigraph(store_with_a if before == "a" else None)
    with Proxy(server, {dies_at: "cut"}) as proxy:
        result = run_publish(proxy.url + "/store", versions["b"])
    assert proxy.methods() == ["PUT"] * dies_at  # no retry of a PUT
    message = failure_line(result)
    failed = GRAPHS[dies_at - 1]
    assert f"graph {failed}" in message
    assert replaced_in(message) == GRAPHS[:dies_at - 1]
    if dies_at == 1:
        assert "nothing was published" in message
    for graph in GRAPHS[:dies_at - 1]:
        assert f"published {graph} ({versions['counts_b'][graph]} triples)" in result.stderr

    server.start()  # the same location
    stored = server.graphs()
    old = {g: (n, False) for g, n in versions["counts_a"].items()} if before == "a" else {}
    new = {g: (n, True) for g, n in versions["counts_b"].items()}
    for graph in GRAPHS:
        if graph in GRAPHS[:dies_at - 1]:
            assert stored.get(graph) == new[graph], graph  # acknowledged, so whole and durable
        else:
            assert stored.get(graph) == old.get(graph), graph  # unchanged or absent, never partial


def test_answer_lost_after_the_store_applied_the_graph(oxigraph, store_with_a, versions):
    """oxigraph applies PUT 2 and dies before its answer arrives: the message says the
    state of that graph is unknown, and it is whole (here: the new version)."""
    server = oxigraph(store_with_a)
    with Proxy(server, {2: "lost-answer"}) as proxy:
        result = run_publish(proxy.url + "/store", versions["b"])
    message = failure_line(result)
    assert f"graph {GRAPHS[1]}" in message and "may or may not" in message
    assert replaced_in(message) == GRAPHS[:1]
    server.start()
    stored = server.graphs()
    assert stored[GRAPHS[0]] == (versions["counts_b"][GRAPHS[0]], True)
    assert stored[GRAPHS[1]] in ((versions["counts_b"][GRAPHS[1]], True), (versions["counts_a"][GRAPHS[1]], False))
    assert all(stored[g] == (versions["counts_a"][g], False) for g in GRAPHS[2:])


@pytest.mark.parametrize("status", [500, 504])
def test_http_error_on_the_third_put(oxigraph, versions, status):
    """500: the store said no. 504: a gateway gave up, the store behind it may still apply it."""
    server = oxigraph()
    with Proxy(server, {3: status}) as proxy:
        result = run_publish(proxy.url + "/store", versions["a"])
    assert proxy.methods() == ["PUT"] * 3  # no retry of a PUT
    message = failure_line(result)
    assert f"graph {GRAPHS[2]}" in message and f"HTTP {status}" in message
    assert "the store failed second line of the report" in message
    assert ("may or may not" in message) == (status == 504)
    assert replaced_in(message) == GRAPHS[:2]
    assert server.graphs() == {g: (versions["counts_a"][g], False) for g in GRAPHS[:2]}


def test_stalled_put_stops_at_the_timeout(oxigraph, versions):
    server = oxigraph()
    with Proxy(server, {2: "stall"}) as proxy:
        start = time.monotonic()
        result = run_publish(proxy.url + "/store", versions["a"], timeout=1)
        elapsed = time.monotonic() - start
    message = failure_line(result)
    assert elapsed < 8
    assert f"graph {GRAPHS[1]}" in message and "no answer within 1 s (--timeout)" in message
    assert replaced_in(message) == GRAPHS[:1]


def test_garbage_answer_to_a_put(oxigraph, versions):
    server = oxigraph()
    with Proxy(server, {2: "garbage"}) as proxy:
        result = run_publish(proxy.url + "/store", versions["a"])
    message = failure_line(result)
    assert "internal error" not in message
    assert f"graph {GRAPHS[1]}" in message
    assert replaced_in(message) == GRAPHS[:1]


def test_connection_refused_at_the_start(versions):
    result = run_publish(f"http://127.0.0.1:{free_port()}/store", versions["a"])
    message = failure_line(result)
    assert "Connection refused" in message and "nothing was published" in message
    assert f"graph {GRAPHS[0]}" in message and "may or may not" not in message
    assert "published " not in result.stderr


@pytest.mark.parametrize("url", ["http://127.0.0.1:abc/store", "http://127.0.0.1:99999/store", "http:///store"])
def test_unusable_url_is_refused_before_anything_is_sent(url):
    """Not a connection failure, not an internal error, not retried: a bad URL."""
    for command in (["publish", "--endpoint", url], ["sparql", "ASK {}", "--endpoint", url]):
        start = time.monotonic()
        result = CliRunner().invoke(cli, command)
        assert result.exit_code == 2 and time.monotonic() - start < 1
        assert result.output.startswith("Error: not an http(s) ") and url in result.output
        assert len(result.output.strip().splitlines()) == 1, result.output


def test_an_internal_error_is_one_line():
    """Whatever a bug raises, the message is one line (the traceback only with PLANGRAPH_DEBUG)."""
    import click

    from plangraph.cli.errors import reports_errors

    @click.command()
    @reports_errors
    def broken():
        raise ValueError("first line\nsecond line")

    result = CliRunner().invoke(broken, [], env={"PLANGRAPH_DEBUG": None})
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "Error: internal error (ValueError: first line second line); "
        "run again with PLANGRAPH_DEBUG=1 and report the traceback"]


# -- reads through --endpoint: bounded retries with backoff ------------------------------


def test_read_retries_503_with_backoff_then_succeeds(oxigraph, store_with_a):
    server = oxigraph(store_with_a)
    with Proxy(server, {1: 503, 2: 503}) as proxy:
        result = RemoteStore(proxy.url + "/query", timeout=5).query("ASK { ?s ?p ?o }")
    assert result.boolean is True
    assert proxy.methods() == ["POST"] * 3
    first, second = proxy.gaps()
    assert 0.45 < first < 1.0 and 0.95 < second < 1.6  # 0.5 s, then 1 s


def test_read_gives_up_after_three_503(oxigraph, store_with_a):
    server = oxigraph(store_with_a)
    with Proxy(server, {1: 503, 2: 503, 3: 503, 4: 503}) as proxy:
        result = CliRunner().invoke(cli, ["tasks", "--agency", "Sở Y tế", "--endpoint", proxy.url + "/query"])
    assert proxy.methods() == ["POST"] * 3
    assert result.exit_code == 2
    assert "HTTP 503" in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1, result.output


def test_read_server_dies_and_comes_back_between_retries(oxigraph, store_with_a):
    server = oxigraph(store_with_a)
    with Proxy(server, {1: "die-restart"}) as proxy:
        result = CliRunner().invoke(cli, ["tasks", "--agency", "Sở Y tế", "--endpoint", proxy.url + "/query",
                                          "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 16
    # the agency lookup twice (one retry), the query, then whether the agency still exists today
    assert proxy.methods() == ["POST"] * 4


def test_read_server_dies_and_stays_down(oxigraph, store_with_a):
    server = oxigraph(store_with_a)
    with Proxy(server, {1: "die"}) as proxy:
        start = time.monotonic()
        with pytest.raises(StoreError, match="cannot reach|broke off") as caught:
            RemoteStore(proxy.url + "/query", timeout=5).query("ASK { ?s ?p ?o }")
        elapsed = time.monotonic() - start
    assert proxy.methods() == ["POST"] * 3
    assert 1.4 < elapsed < 4
    assert "\n" not in str(caught.value)


def test_read_answer_cut_off_is_retried(oxigraph, store_with_a):
    server = oxigraph(store_with_a)
    with Proxy(server, {1: "cut-answer"}) as proxy:
        result = RemoteStore(proxy.url + "/query", timeout=5).query("ASK { ?s ?p ?o }")
    assert result.boolean is True
    assert proxy.methods() == ["POST"] * 2


@pytest.mark.parametrize("action", ["cut-answer", "garbage"])
def test_read_broken_answers_give_a_clear_error(oxigraph, action):
    server = oxigraph()
    with Proxy(server, {1: action, 2: action, 3: action}) as proxy:
        result = CliRunner().invoke(cli, ["sparql", "ASK {}", "--endpoint", proxy.url + "/query"])
    assert proxy.methods() == ["POST"] * 3
    assert result.exit_code == 2
    assert "internal error" not in result.output and proxy.url in result.output
    assert len(result.output.strip().splitlines()) == 1, result.output


@pytest.mark.parametrize("action", ["stall", "trickle"])
def test_read_stops_at_the_timeout(oxigraph, action):
    """A server that does not answer, or answers a byte at a time, is given up on after
    --timeout, without retrying a query that was too slow."""
    server = oxigraph()
    with Proxy(server, {1: action, 2: action, 3: action}) as proxy:
        start = time.monotonic()
        result = CliRunner().invoke(cli, ["sparql", "ASK {}", "--endpoint", proxy.url + "/query", "--timeout", "1"])
        elapsed = time.monotonic() - start
    assert result.exit_code == 2, result.output
    assert proxy.methods() == ["POST"]
    assert elapsed < 2.5
    assert "1 s" in result.output and len(result.output.strip().splitlines()) == 1, result.output
