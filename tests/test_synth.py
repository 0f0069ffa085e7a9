"""The synthetic graph for benchmarks: the real plans copied into more plans and provinces."""

from __future__ import annotations

import io

import pytest

from plangraph.paths import DEFAULT_OUTPUT
from plangraph.store import MemoryStore
from plangraph.synth import write_synthetic


def synthetic(tmp_path, triples, **options):
    out = io.StringIO()
    count = write_synthetic(out, triples, **options)
    path = tmp_path / f"synth-{triples}.nt"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path, count


@pytest.fixture(scope="module")
def two_provinces(tmp_path_factory):
    # 10 plans per province (two rounds of the five), three provinces
    path, count = synthetic(tmp_path_factory.mktemp("synth"), 55_000, plans_per_province=10)
    return path, count


def test_round_zero_is_the_real_graph(tmp_path, built):
    path, count = synthetic(tmp_path, 1)
    real = MemoryStore(DEFAULT_OUTPUT)
    copy = MemoryStore(path)
    everything = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
    assert set(real.query(everything).values()) == set(copy.query(everything).values())
    assert count == len(real)


def test_deterministic():
    first, second = io.StringIO(), io.StringIO()
    write_synthetic(first, 30_000)
    write_synthetic(second, 30_000)
    assert first.getvalue() == second.getvalue()


def test_size_and_counts(two_provinces):
    path, count = two_provinces
    assert count >= 55_000 and count == path.read_text(encoding="utf-8").count("\n")
    store = MemoryStore(path)
    assert len(store) == count  # no triple written twice
    tasks = store.query("PREFIX pg: <https://w3id.org/plangraph/ontology#> "
                        "SELECT (COUNT(?t) AS ?n) WHERE { ?t a pg:Task }").values()[0][0]
    assert int(tasks) % 465 == 0 and int(tasks) >= 465 * 4  # whole rounds; two provinces at least


def test_each_province_has_its_own_agencies_with_the_real_shares(two_provinces):
    from plangraph.cli.query import run_named

    store = MemoryStore(two_provinces[0])
    here = run_named(store, "tasks-of-agency", {"agency": "Sở Y tế"})
    there = run_named(store, "tasks-of-agency", {"agency": "Sở Y tế tỉnh Nghệ An"})
    assert len(here) == len(there) == 16 * 2  # as in the five plans, once per round
    plans = {row["task"].value.split("/plan/")[1].split("/")[0] for row in there}
    # round 0 keeps the real numbers; round 1 is issued by decisions 5005-5009 of the same years
    assert plans == {"2021-2999-nghe-an", "2022-1861-nghe-an", "2022-625-nghe-an", "2022-913-nghe-an",
                     "2021-5005-nghe-an", "2022-5006-nghe-an", "2022-5007-nghe-an", "2022-5009-nghe-an"}
    assert {row["decision"].value for row in there} == {
        "2999/QĐ-UBND", "1861/QĐ-UBND", "625/QĐ-UBND", "913/QĐ-UBND",
        "5005/QĐ-UBND", "5006/QĐ-UBND", "5007/QĐ-UBND", "5009/QĐ-UBND"}
    # a copy is issued by its own decision and still reaches the same central resolution
    trace = {row["resolutions"].value for row in there}
    assert trace == {row["resolutions"].value for row in here}


def test_conforms_to_the_shapes(two_provinces):
    from plangraph.validate import validate_files

    report = validate_files([two_provinces[0]])
    assert report.count("violation") == 0
    # the warnings are the real ones, once per copy of their plan
    rules = {f.rule for f in report.findings if f.severity == "warning"}
    assert rules == {"TaskShape", "target-conflicts"}
