"""The follow-up queries on a real oxigraph server and on rdflib give the embedded store's rows."""

from __future__ import annotations

import pytest
from followup_helpers import IN_PROGRESS, run, workspace_with_history

from plangraph.cli.query import run_named
from plangraph.publish import PROGRESS_GRAPH, free_port, start_server
from plangraph.store import EmbeddedStore, RdflibStore, RemoteStore

CASES = [
    ("status", {"as-of": "2022-12-31"}),
    ("status", {"as-of": "2023-07-01", "agency": "Sở Y tế"}),
    ("overdue", {"as-of": "2022-12-31"}),
    ("open-tasks", {"agency": "Sở Y tế", "as-of": "2022-12-31"}),
    ("task-status", {"as-of": "2023-07-01", "agency": "Sở Y tế"}),
    ("task-history", {"task": IN_PROGRESS}),
]


@pytest.fixture(scope="module")
def workspace(tmp_path_factory, built):
    return workspace_with_history(tmp_path_factory.mktemp("endpoint") / "ws", built.turtle)


@pytest.fixture(scope="module")
def server(workspace, tmp_path_factory):
    port = free_port()
    process = start_server(tmp_path_factory.mktemp("db") / "db", port, read_only=False, union_default_graph=True)
    try:
        result = run(workspace, "publish", "--endpoint", f"http://127.0.0.1:{port}/store")
        assert result.exit_code == 0, result.output
        assert f"published {PROGRESS_GRAPH}" in result.output
        yield f"http://127.0.0.1:{port}/query"
    finally:
        process.terminate()
        process.wait(timeout=10)


def embedded(workspace):
    return EmbeddedStore(workspace / "plangraph.ttl", cache_dir=workspace / ".cache", also=[workspace / "progress.ttl"])


@pytest.mark.parametrize("name,params", CASES)
def test_same_rows_on_the_endpoint(workspace, server, name, params):
    expected = run_named(embedded(workspace), name, params)
    assert len(expected) > 0
    remote = run_named(RemoteStore(server), name, params)
    assert remote.variables == expected.variables and remote.values() == expected.values()


@pytest.fixture(scope="module")
def rdflib_store(workspace):
    return RdflibStore.from_files(workspace / "plangraph.ttl", workspace / "progress.ttl")


@pytest.mark.parametrize("name,params", [c for c in CASES if c[0] != "status" or "agency" in c[1]])
def test_same_rows_on_rdflib(workspace, rdflib_store, name, params):
    expected = run_named(embedded(workspace), name, params)
    key = lambda row: tuple(value or "" for value in row)  # noqa: E731
    assert sorted(run_named(rdflib_store, name, params).values(), key=key) == sorted(expected.values(), key=key)


def test_status_and_overdue_commands_on_the_endpoint(workspace, server):
    status = run(workspace, "status", "--as-of", "2023-07-01", "--agency", "Sở Y tế", "--endpoint", server, "-f", "csv")
    assert status.exit_code == 0, status.output
    assert status.stdout.splitlines()[1].startswith("Sở Y tế,15,2,1,0,1,1,10,0,")
    overdue = run(workspace, "overdue", "--as-of", "2023-07-01", "--endpoint", server, "-f", "jsonl")
    assert overdue.exit_code == 0 and len(overdue.stdout.splitlines()) > 50
