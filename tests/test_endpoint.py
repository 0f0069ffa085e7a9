"""A real oxigraph server on 127.0.0.1: publish, then every named query gives the same rows."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from plangraph.cli import cli
from plangraph.cli.query import run_named
from plangraph.publish import GRAPH_BASE, SHARED_GRAPH, free_port, start_server
from plangraph.store import EmbeddedStore, RemoteStore, StoreError

CASES = [
    ("tasks-of-agency", {"agency": "Sở Y tế"}),
    ("tasks-of-agency", {"agency": "UBND huyện Thọ Xuân", "role": "lead", "collectives": "true"}),
    ("trace", {"task": "004:97"}),
    ("trace", {"task": "001:144"}),
    ("resolution-tree", {"resolution": "29-NQ/TW"}),
    ("workload", {}),
    ("due", {"from": "2022-01-01", "to": "2022-12-31", "as-of": "2022-06-30"}),
    ("targets", {"year": "2025"}),
    ("target-conflicts", {}),
    ("duplicate-tasks", {}),
]


def test_one_named_graph_per_document(server):
    url, _ = server
    result = RemoteStore(url + "/query").query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g")
    graphs = [row["g"].value for row in result]
    assert graphs == sorted([SHARED_GRAPH] + [GRAPH_BASE + "plan/" + p for p in
                                              ("thanh-hoa/2021-2999", "thanh-hoa/2022-1861", "thanh-hoa/2022-625",
                                               "thanh-hoa/2022-913", "thanh-hoa/2023-1992")])


@pytest.mark.parametrize("name,params", CASES)
def test_same_rows_as_the_embedded_store(server, name, params):
    url, graph = server
    embedded = run_named(EmbeddedStore(graph), name, params)
    remote = run_named(RemoteStore(url + "/query"), name, params)
    assert remote.variables == embedded.variables
    assert remote.values() == embedded.values()
    assert len(embedded) > 0


def test_cli_against_the_endpoint(server):
    url, _ = server
    result = CliRunner().invoke(cli, ["tasks", "--agency", "Sở Y tế", "--endpoint", url + "/query", "-f", "jsonl"])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 16


def test_endpoint_errors_are_clear(server):
    url, _ = server
    with pytest.raises(StoreError, match="HTTP 400"):
        RemoteStore(url + "/query").query("SELECT ?x WHERE { ?x ?y }")
    with pytest.raises(StoreError, match="HTTP 404"):
        RemoteStore(url + "/").query("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    port = free_port()
    with pytest.raises(StoreError, match="cannot reach"):
        RemoteStore(f"http://127.0.0.1:{port}/query", timeout=2, retries=1).query("ASK {}")
    down = CliRunner().invoke(cli, ["publish", "--endpoint", f"http://127.0.0.1:{port}/store"])
    assert down.exit_code == 2 and "nothing was published" in down.output


def test_serve_is_read_only_and_local(built, tmp_path):
    """`plangraph serve` binds 127.0.0.1 and refuses updates."""
    import urllib.error
    import urllib.request

    graph = tmp_path / "plangraph.ttl"
    graph.write_text(built.turtle, encoding="utf-8")
    store = EmbeddedStore(graph)
    store.open()
    location = store.location
    store.close()
    port = free_port()
    process = start_server(location, port, read_only=True)
    try:
        remote = RemoteStore(f"http://127.0.0.1:{port}/query")
        assert remote.query("ASK { ?s ?p ?o }").boolean is True
        request = urllib.request.Request(f"http://127.0.0.1:{port}/update", data=b"update=CLEAR ALL",
                                         headers={"Content-Type": "application/x-www-form-urlencoded"})
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(request, timeout=5)
        assert remote.query("ASK { ?s ?p ?o }").boolean is True
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_a_server_that_answers_html_is_reported():
    import http.server
    import threading

    class Html(http.server.BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - http.server's naming
            body = b"<html><body>login</body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Html)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with pytest.raises(StoreError, match="did not answer with SPARQL JSON"):
            RemoteStore(f"http://127.0.0.1:{server.server_port}/sparql").query("ASK {}")
    finally:
        server.shutdown()
