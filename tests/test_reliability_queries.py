"""Queries (issue 15): SERVICE refused on the embedded store (point 7), parameters that
cannot match everything (point 7), errors that name their cause (point 9), and raw string
parameters with backslashes that stay strings, on the embedded store and an endpoint (point 13)."""

from __future__ import annotations

import http.server
import threading

import pytest
from click.testing import CliRunner

from plangraph.cli import cli
from plangraph.cli.query import run_named
from plangraph.query import QueryError, bind, parse_query, resolve_agency, resolve_document, resolve_task
from plangraph.store import EmbeddedStore, RemoteStore


def run(graph_file, *args):
    return CliRunner().invoke(cli, [*args, "--graph", str(graph_file)])


# -- point 7: SERVICE ---------------------------------------------------------------------------

class Listener:
    """An HTTP server on 127.0.0.1 that answers every request with no rows and counts them."""

    def __init__(self):
        requests = self.requests = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's naming
                requests.append(self.path)
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                body = b'{"head": {"vars": ["s"]}, "results": {"bindings": []}}'
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}/sparql"

    def close(self):
        self.server.shutdown()


@pytest.fixture
def listener():
    server = Listener()
    yield server
    server.close()


FEDERATED = {
    "plain": "SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "lower-case": "select * where {{ service <{url}> {{ ?s ?p ?o }} }}",
    "no spaces": "SELECT * WHERE{{SERVICE<{url}>{{?s ?p ?o}}}}",
    "silent": "SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
    "after a comment": "SELECT * WHERE {{ # SERVICE in a comment is fine\nSERVICE <{url}> {{ ?s ?p ?o }} }}",
    "after a dot": "SELECT * WHERE {{ ?a ?b ?c.SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "prefixed": "PREFIX remote: <{base}> SELECT * WHERE {{ SERVICE remote:sparql {{ ?s ?p ?o }} }}",
    "sub-query": "SELECT * WHERE {{ {{ SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }}",
    "ask": "ASK {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "construct": "CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "escaped": "SELECT * WHERE {{ SERV\\u0049CE <{url}> {{ ?s ?p ?o }} }}",
}


@pytest.mark.parametrize("form", sorted(FEDERATED))
def test_service_is_refused_on_the_embedded_store(graph_file, listener, form):
    query = FEDERATED[form].format(url=listener.url, base=listener.url.rsplit("/", 1)[0] + "/")
    result = run(graph_file, "sparql", query)
    assert result.exit_code == 2 and "SERVICE" in result.output and "refused" in result.output
    assert listener.requests == []


def test_service_runs_only_when_allowed(graph_file, listener):
    query = FEDERATED["plain"].format(url=listener.url)
    assert EmbeddedStore(graph_file, allow_service=True).query(query).rows == []
    assert listener.requests == ["/sparql"]  # the control: the listener does see a federated query


@pytest.mark.parametrize("query", [
    'SELECT ?service WHERE { ?service ?p "SERVICE <http://127.0.0.1:9/>" } LIMIT 1',
    "SELECT * WHERE { ?s <http://example.org/service> ?o } # SERVICE <http://127.0.0.1:9/>",
    "PREFIX service: <http://example.org/> SELECT * WHERE { ?s service:name ?o }",
])
def test_the_word_service_elsewhere_is_not_refused(graph_file, query):
    assert run(graph_file, "sparql", query).exit_code == 0


@pytest.mark.parametrize("value", ["\\\\\"'", "...", " - ", "?!", ""])
def test_a_search_text_without_letters_is_refused(graph_file, value):
    result = run(graph_file, "query", "targets", "--param", f"indicator={value}")
    assert result.exit_code == 2 and "no letter or digit" in result.output


# -- point 9: errors that name their cause ----------------------------------------------------------

def test_a_query_file_that_is_not_utf8_names_the_file_and_line(graph_file, tmp_path):
    query = tmp_path / "q.rq"
    query.write_bytes(b"# c\xe2u h\xf3i (Windows-1252)\nSELECT * WHERE { ?s ?p ?o }\n")
    result = run(graph_file, "sparql", "-q", str(query))
    assert result.exit_code == 2 and "internal error" not in result.output
    assert f"{query}:1: not UTF-8" in result.output


def test_an_agency_iri_not_in_the_graph_is_an_error(graph_file):
    real = resolve_agency(EmbeddedStore(graph_file), "Sở Y tế")
    assert len(run(graph_file, "tasks", "--agency", real, "-f", "jsonl").stdout.splitlines()) == 16
    result = run(graph_file, "tasks", "--agency", real + "-typo")
    assert result.exit_code == 2 and "no agency" in result.output and real + "-typo" in result.output


def test_a_task_or_document_iri_not_in_the_graph_is_an_error(graph_file):
    store = EmbeddedStore(graph_file)
    task = resolve_task(store, "004:97")
    assert run(graph_file, "trace", task).exit_code == 0
    missing = run(graph_file, "trace", task + "0")
    assert missing.exit_code == 2 and "no task" in missing.output
    document = resolve_document(store, "58-NQ/TW")
    tree = run(graph_file, "query", "resolution-tree", "-p", f"resolution={document}x")
    assert tree.exit_code == 2 and "no document" in tree.output


# -- point 13: raw string parameters with backslashes, embedded and endpoint -----------------------------

# Text with a backslash before a quote: with the backslash left unescaped, '\"' inside a
# literal becomes '\\' (a backslash) followed by a quote that ends the literal early.
TRICKY_AGENCY = 'Sở Thử \\" } UNION { ?agency ?p ?o } #'
TRICKY_DOCUMENT = '99\\"-NQ/TW'
# (Each has words no name has: "Sở Y tế\\" alone would be Sở Y tế, as punctuation is ignored
# when names are ranked.)
HOSTILE = ['Sở Y tế\\" } UNION { ?agency ?p ?o } #', 'Sở Y tế\\\\" } UNION { ?agency ?p ?o } #', '\\"',
           '58-NQ/TW\\" } ; DROP ALL #', 'a\\\\\\"b', 'x\\u0022 } #']


@pytest.fixture(scope="module")
def tricky_graph(tmp_path_factory, built):
    """The real graph and one agency and one document whose names hold backslash-quote."""
    import pyoxigraph as ox

    store = ox.Store()
    store.bulk_load(input=built.turtle.encode("utf-8"), format=ox.RdfFormat.TURTLE)
    agency, document = ox.NamedNode("urn:plangraph-test:agency"), ox.NamedNode("urn:plangraph-test:document")
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    for quad in [
        ox.Quad(agency, rdf_type, ox.NamedNode("https://w3id.org/plangraph/ontology#Agency")),
        ox.Quad(agency, ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"),
                ox.Literal(TRICKY_AGENCY, language="vi")),
        ox.Quad(document, ox.NamedNode("http://data.europa.eu/eli/ontology#id_local"), ox.Literal(TRICKY_DOCUMENT)),
    ]:
        store.add(quad)
    path = tmp_path_factory.mktemp("tricky") / "plangraph.ttl"
    path.write_bytes(store.dump(format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph()))
    return path


@pytest.fixture(scope="module", params=["embedded", "endpoint"])
def tricky_store(request, tricky_graph):
    if request.param == "embedded":
        yield EmbeddedStore(tricky_graph)
        return
    from plangraph.publish import free_port, start_server

    holder = EmbeddedStore(tricky_graph)
    lease = holder.hold()
    port = free_port()
    process = start_server(lease.location, port, read_only=True)
    try:
        yield RemoteStore(f"http://127.0.0.1:{port}/query")
    finally:
        process.terminate()
        process.wait(timeout=10)
        holder.close()


def test_names_with_backslash_quote_are_found_exactly(tricky_store):
    assert resolve_agency(tricky_store, TRICKY_AGENCY) == "urn:plangraph-test:agency"
    assert resolve_document(tricky_store, TRICKY_DOCUMENT) == "urn:plangraph-test:document"


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_raw_names_match_nothing(tricky_store, value):
    for resolve in (resolve_agency, resolve_document):
        with pytest.raises(QueryError, match="no agency|no document|ambiguous"):
            resolve(tricky_store, value)


@pytest.mark.parametrize("key", ['004\\" } #:97', '004\\\\" } UNION { ?task ?p ?o } #:97', '004:97\\" } #'])
def test_hostile_task_keys_match_nothing(tricky_store, key):
    with pytest.raises(QueryError, match="no task|FILE:LINE"):
        resolve_task(tricky_store, key)


ECHO = parse_query("echo", "# param: text string required  Any text.\nSELECT ?text WHERE {\n  #@values\n}\n")


@pytest.mark.parametrize("value", HOSTILE + [TRICKY_AGENCY, "dòng 1\ndòng 2\t\\n"])
def test_a_string_parameter_comes_back_as_it_was_given(tricky_store, value):
    assert tricky_store.query(bind(ECHO, {"text": value})).values() == [(value,)]


def test_named_queries_with_hostile_names_leave_the_store_as_it_was(tricky_store):
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    before = tricky_store.query(count).values()
    for value in HOSTILE:
        with pytest.raises(QueryError):
            run_named(tricky_store, "tasks-of-agency", {"agency": value})
    assert tricky_store.query(count).values() == before
