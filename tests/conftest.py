"""Shared fixtures: the five real plans, read once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from plangraph.build import build_graph
from plangraph.extract.agencies import AgencyResolver
from plangraph.read.jurisdictions import Jurisdictions
from plangraph.read.plan import read_document
from plangraph.sources import read_source

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "data" / "sources"
FILES = {
    "000": "000_b2f608754944a1c5.txt",
    "001": "001_6a9639a9452fe57b.txt",
    "002": "002_5ed02d632c79bce9.txt",
    "003": "003_d935930fee5a67bf.txt",
    "004": "004_86eb4304471918db.txt",
}


def pytest_collection_modifyitems(items):
    """The wheel and pre-commit installs first: the longest module starts on one worker while
    the others share the rest, instead of running alone at the end."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(scope="session")
def resolver() -> AgencyResolver:
    return AgencyResolver.from_file()


@pytest.fixture(scope="session")
def plans():
    """The five plans as the build reads them (this repository's workspace is tỉnh Thanh Hóa)."""
    home = Jurisdictions.bundled().get("thanh-hoa")
    return {key: read_document(read_source(SOURCES / name), default=home) for key, name in FILES.items()}


@pytest.fixture(scope="session")
def built():
    return build_graph(SOURCES)


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory, built):
    """The five plans' graph as a file of the test module's own (its store cache beside it)."""
    path = tmp_path_factory.mktemp("graph") / "plangraph.ttl"
    path.write_text(built.turtle, encoding="utf-8")
    return path


def one_plan_graph(tmp_path_factory, key: str) -> Path:
    """The graph of one of the five plans alone (``key``: "000" .. "004"), for the engines too
    slow for all five (rdflib's)."""
    import shutil

    folder = tmp_path_factory.mktemp(f"plan-{key}")
    shutil.copy(SOURCES / FILES[key], folder / FILES[key])
    shutil.copy(SOURCES / "manifest.toml", folder / "manifest.toml")
    path = folder / "plangraph.ttl"
    path.write_text(build_graph(folder).turtle, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def graph(built):
    import rdflib

    g = rdflib.Graph()
    g.parse(data=built.turtle, format="turtle")
    return g


def task_at(plan, line: int, appendix: bool | None = None):
    found = [t for t in plan.tasks if t.line == line and (appendix is None or t.appendix == appendix)]
    assert len(found) == 1, f"expected one task at line {line}, found {len(found)}"
    return found[0]


def ids(mentions) -> list[str]:
    return [m.entity_id for m in mentions]


@pytest.fixture(autouse=True)
def english(monkeypatch):
    """The tests written before the catalogue assert English messages: they run with
    PLANGRAPH_LANG=en. Vietnamese, the default, is tested in tests/test_officials_*.py."""
    from plangraph import catalogue

    monkeypatch.setenv("PLANGRAPH_LANG", "en")
    catalogue.use(None)
    yield
    catalogue.use(None)


@pytest.fixture
def vietnamese(monkeypatch):
    """Texts in the default language, Vietnamese, as people see them (no PLANGRAPH_LANG)."""
    from plangraph import catalogue

    monkeypatch.delenv("PLANGRAPH_LANG", raising=False)
    catalogue.use(None)


@pytest.fixture
def outside(tmp_path, monkeypatch):
    """The current folder is an empty folder outside any workspace."""
    from plangraph.workspace import CONFIG_NAME

    monkeypatch.delenv("PLANGRAPH_WORKSPACE", raising=False)
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    monkeypatch.chdir(folder)
    assert not any((p / CONFIG_NAME).exists() for p in (folder, *folder.parents))
    return folder


@pytest.fixture(scope="module")
def server(tmp_path_factory, built):
    """A real oxigraph server on 127.0.0.1 and a free port, writable, with the five plans
    published into it: ``(base URL, graph file)``. One per test module."""
    from click.testing import CliRunner

    from plangraph.cli import cli
    from plangraph.publish import free_port, start_server

    folder = tmp_path_factory.mktemp("server")
    graph = folder / "plangraph.ttl"
    graph.write_text(built.turtle, encoding="utf-8")
    port = free_port()
    process = start_server(folder / "db", port, read_only=False, union_default_graph=True)
    try:
        result = CliRunner().invoke(cli, ["publish", "--endpoint", f"http://127.0.0.1:{port}/store",
                                          "--graph", str(graph)])
        assert result.exit_code == 0, result.output
        yield f"http://127.0.0.1:{port}", graph
    finally:
        process.terminate()
        process.wait(timeout=10)
