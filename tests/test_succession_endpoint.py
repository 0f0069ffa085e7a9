"""The succession answers come from the graph and the queries: a real oxigraph server on
127.0.0.1, and rdflib's independent engine, give the same rows as the embedded store."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from plangraph.cli import cli
from plangraph.cli.answer import run_named
from plangraph.store import EmbeddedStore, MemoryStore, RdflibStore, RemoteStore

CASES = [
    ("tasks-of-agency", {"agency": "Sở Tài chính"}),
    ("tasks-of-agency", {"agency": "Sở Nông nghiệp và Môi trường", "as-of": "2025-03-01"}),
    ("tasks-of-agency", {"agency": "Sở Kế hoạch và Đầu tư"}),
    ("tasks-of-agency", {"agency": "UBND huyện Đông Sơn", "as-of": "2025-07-01"}),
    ("tasks-of-agency", {"agency": "UBND thành phố Thanh Hóa", "as-of": "2025-03-01", "collectives": "true"}),
    ("tasks-of-agency", {"agency": "Sở Giáo dục và Đào tạo", "role": "lead"}),
    ("tasks-of-agency", {"agency": "Sở Tài chính", "as-printed": "true"}),
    ("workload", {"agency": "Sở Tài chính"}),
    ("workload", {}),
    ("unassigned-after-reorganisation", {}),
    ("agency-changes", {"agency": "Sở Lao động - Thương binh và Xã hội"}),
    # today: the rows under the bodies that took the tasks over, with the succession column
    ("due", {"from": "2021-01-01", "to": "2030-12-31"}),
]
# rdflib takes minutes over the whole-graph workload (tests/test_portability.py)
RDFLIB_CASES = [case for case in CASES if case != ("workload", {})]


@pytest.mark.parametrize("name,params", CASES, ids=[f"{n}-{i}" for i, (n, _) in enumerate(CASES)])
def test_same_rows_on_the_endpoint(server, name, params):
    url, graph = server
    embedded = run_named(EmbeddedStore(graph), name, params)
    remote = run_named(RemoteStore(url + "/query"), name, params)
    assert len(embedded) > 0
    assert remote.variables == embedded.variables
    assert remote.values() == embedded.values()


def test_the_cli_on_the_endpoint_marks_and_resolves(server):
    url, _ = server
    finance = CliRunner().invoke(cli, ["tasks", "--agency", "Sở Tài chính", "--endpoint", url + "/query", "-f", "tsv"])
    assert finance.exit_code == 0, finance.output
    assert finance.stdout.count("\tinherited from Sở Kế hoạch và Đầu tư, merged 2025-03-01\t") == 84
    gone = CliRunner().invoke(cli, ["tasks", "--agency", "Sở KH&ĐT", "--endpoint", url + "/query", "-f", "tsv"])
    assert "its work passed to Sở Tài chính" in gone.stderr and "84 rows" in gone.stderr


@pytest.fixture(scope="module")
def engines(tmp_path_factory):
    """The graph of one plan, 002 (1211/QĐ-UBND), which has a row for every case: rdflib's
    engine took 80 s for the workload of Sở Tài chính on the five plans, 3 s on this one."""
    from conftest import one_plan_graph

    path = one_plan_graph(tmp_path_factory, "002")
    return MemoryStore(path), RdflibStore.from_files(path)


_CONCATENATED = {"basis": ", "}


def _rows(result):
    def value(name, term):
        separator = _CONCATENATED.get(name)
        return separator.join(sorted(term.value.split(separator))) if separator else term.value

    return sorted(tuple(sorted((k, value(k, v)) for k, v in row.items())) for row in result)


@pytest.mark.parametrize("name,params", RDFLIB_CASES, ids=[f"{n}-{i}" for i, (n, _) in enumerate(RDFLIB_CASES)])
def test_same_rows_on_rdflib(engines, name, params):
    oxigraph, rdflib = engines
    expected = run_named(oxigraph, name, params)
    assert len(expected)
    assert _rows(run_named(rdflib, name, params)) == _rows(expected)
