"""`plangraph serve` (issue 15): SERVICE refused (point 7), a bad --host (point 9), the
server's log read (point 10), queries cancelled by the server (point 11), a taken port,
SIGTERM, a public address and a rebuild while serving (point 12). A real oxigraph behind
a real `plangraph serve` process, on 127.0.0.1."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from plangraph.build import write_atomic
from plangraph.publish import free_port, start_server
from plangraph.store import EmbeddedStore

from test_reliability_queries import Listener

MARKER = "SELECT ?v WHERE { <urn:plangraph-test:graph> <urn:plangraph-test:version> ?v }"


def with_marker(turtle: str, mark: str) -> str:
    return turtle + f'\n<urn:plangraph-test:graph> <urn:plangraph-test:version> "{mark}" .\n'


class Serve:
    """``python -m plangraph serve`` in a process of its own, its messages in a file."""

    def __init__(self, tmp_path: Path, graph: Path, *options: str, port: int | None = None):
        self.port = port or free_port()
        self.log = tmp_path / f"serve-{self.port}.log"
        command = [sys.executable, "-m", "plangraph", "serve", "--graph", str(graph), "--port", str(self.port),
                   *options]
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log)

    def messages(self) -> str:
        return self.log.read_text(encoding="utf-8")

    def wait_ready(self) -> "Serve":
        deadline = time.monotonic() + 60
        while "serving" not in self.messages():
            assert self.process.poll() is None, self.messages()
            assert time.monotonic() < deadline, "serve did not start"
            time.sleep(0.05)
        return self

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/query"

    def oxigraph_pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()] if children.exists() else []

    def stop(self, sig=signal.SIGTERM) -> int:
        if self.process.poll() is None:
            self.process.send_signal(sig)
        return self.process.wait(timeout=60)


def post(url: str, query: str, content_type: str = "application/x-www-form-urlencoded", timeout: float = 30):
    body = urllib.parse.urlencode({"query": query}).encode() if content_type.endswith("urlencoded") else query.encode()
    request = urllib.request.Request(url, data=body, headers={"Content-Type": content_type,
                                                              "Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def marker_of(url: str) -> str:
    status, body = post(url, MARKER)
    assert status == 200, body
    return json.loads(body)["results"]["bindings"][0]["v"]["value"]


@pytest.fixture(scope="module")
def graph(tmp_path_factory, built):
    path = tmp_path_factory.mktemp("serve") / "plangraph.ttl"
    path.write_text(with_marker(built.turtle, "one"), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def server(tmp_path_factory, graph):
    serve = Serve(tmp_path_factory.mktemp("serve-log"), graph, "--timeout", "2").wait_ready()
    yield serve
    serve.stop()


# -- point 7: SERVICE through the server ---------------------------------------------------------

def test_service_is_refused_by_the_server(server):
    listener = Listener()
    try:
        federated = f"SELECT * WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}"
        assert post(server.url, federated)[0] == 403
        assert post(server.url, federated, "application/sparql-query")[0] == 403
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(server.url + "?" + urllib.parse.urlencode({"query": federated}), timeout=30)
        assert refused.value.code == 403 and b"--allow-service" in refused.value.read()
        assert listener.requests == []
        assert marker_of(server.url) == "one"  # other queries are answered
    finally:
        listener.close()


def test_service_runs_with_allow_service(tmp_path, graph):
    listener = Listener()
    serve = Serve(tmp_path, graph, "--allow-service").wait_ready()
    try:
        status, _ = post(serve.url, f"SELECT * WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}")
        assert status == 200 and listener.requests == ["/sparql"]
    finally:
        serve.stop()
        listener.close()


def test_a_request_over_the_limit_is_refused(server):
    status, body = post(server.url, "ASK {} #" + "x" * (1 << 20))
    assert status == 413 and b"bytes" in body


# -- point 9: a bad --host --------------------------------------------------------------------------------

@pytest.mark.parametrize("host", ["999.1.1.1", "not a host", "192.0.2.1"])
def test_a_bad_host_is_one_line(tmp_path, graph, host):
    serve = Serve(tmp_path, graph, "--host", host)
    assert serve.process.wait(timeout=60) == 2
    message = serve.messages()
    assert "cannot listen on" in message and len(message.strip().splitlines()) == 1
    assert "panicked" not in message and "backtrace" not in message


# -- point 10: the server's log does not fill a pipe -----------------------------------------------------

def test_a_server_that_logs_a_lot_keeps_answering(graph):
    """Every connection that a client resets before oxigraph has written its answer logs a
    line (about 100 bytes): 1000 of them are more than a pipe holds (64 KiB). A reset
    right after the request costs the server almost nothing (a reset in the middle of a
    huge answer cost it 10 ms of CPU each: 900 took 15 s)."""
    holder = EmbeddedStore(graph)
    lease = holder.hold()
    port = free_port()
    process = start_server(lease.location, port, read_only=True)
    body = urllib.parse.urlencode({"query": "ASK {}"}).encode()
    request = (b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
               b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
    try:
        for _ in range(1000):
            with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
                sock.sendall(request)
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        assert marker_of(f"http://127.0.0.1:{port}/query") == "one"
        # "...when writing response to ...: Connection reset by peer", or when the reset came
        # before the server looked at the connection, "...to get the peer address: ..."
        assert process.tail().count("OxHTTP TCP error when") == 5
    finally:
        process.terminate()
        process.wait(timeout=10)
        holder.close()


# -- point 11: the server stops a query the client gave up on -----------------------------------------------

def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def test_a_long_query_is_cancelled_by_the_server(server):
    (oxigraph,) = server.oxigraph_pids()
    status, body = post(server.url, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }", timeout=60)
    assert b"cancelled" in body  # oxigraph's own message: it stopped evaluating at --timeout 2
    before = cpu_seconds(oxigraph)
    time.sleep(1)
    assert cpu_seconds(oxigraph) - before < 0.5  # and nothing keeps running after it


# -- point 12: a taken port, signals, a public address, a rebuild ------------------------------------------

def test_a_taken_port_is_an_error(tmp_path, graph):
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        serve = Serve(tmp_path, graph, port=other.getsockname()[1])
        assert serve.process.wait(timeout=60) == 2
        assert "already in use" in serve.messages() and "serving" not in serve.messages()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_stops_oxigraph_too(tmp_path, graph, sig):
    serve = Serve(tmp_path, graph).wait_ready()
    (oxigraph,) = serve.oxigraph_pids()
    assert marker_of(serve.url) == "one"
    assert serve.stop(sig) == 0 and "stopped" in serve.messages()
    assert not Path(f"/proc/{oxigraph}").exists()
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", serve.port), timeout=2).close()


def test_a_public_address_is_warned_about(tmp_path, graph):
    serve = Serve(tmp_path, graph, "--host", "0.0.0.0").wait_ready()
    try:
        assert "warning: listening on 0.0.0.0" in serve.messages()
        assert marker_of(serve.url) == "one"
    finally:
        serve.stop()
    quiet = Serve(tmp_path, graph).wait_ready()
    quiet.stop()
    assert "warning" not in quiet.messages()


def test_a_rebuild_while_serving_is_served_without_a_failed_query(tmp_path, built):
    graph = tmp_path / "plangraph.ttl"
    graph.write_text(with_marker(built.turtle, "old"), encoding="utf-8")
    serve = Serve(tmp_path, graph).wait_ready()
    try:
        assert marker_of(serve.url) == "old"
        write_atomic(graph, with_marker(built.turtle, "new"))  # as `plangraph build` writes it
        assert EmbeddedStore(graph).query(MARKER).values() == [("new",)]  # a command that rebuilds the cache
        seen = []
        deadline = time.monotonic() + 60
        while not seen or seen[-1] != "new":
            assert time.monotonic() < deadline, seen
            seen.append(marker_of(serve.url))  # every query is answered, from one graph or the other
        assert set(seen) <= {"old", "new"} and "reloaded" in serve.messages()
        deadline = time.monotonic() + 60
        while len(serve.oxigraph_pids()) != 1:  # the old server is stopped once it is idle
            assert time.monotonic() < deadline
            time.sleep(0.1)
    finally:
        serve.stop()
