"""The synthetic graph for benchmarks: the real plans copied into more plans and provinces."""

from __future__ import annotations

import io
import re
from collections import Counter

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
    # (a round of the five plans is about 20,000 triples with the handovers of their tasks)
    path, count = synthetic(tmp_path_factory.mktemp("synth"), 80_000, plans_per_province=10)
    return path, count


@pytest.fixture(scope="module")
def two_provinces_store(two_provinces):
    """The synthetic graph in memory, loaded once for the module's queries."""
    return MemoryStore(two_provinces[0])


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


def test_size_and_counts(two_provinces, two_provinces_store):
    path, count = two_provinces
    assert count >= 80_000 and count == path.read_text(encoding="utf-8").count("\n")
    store = two_provinces_store
    assert len(store) == count  # no triple written twice
    tasks = store.query("PREFIX pg: <https://w3id.org/plangraph/ontology#> "
                        "SELECT (COUNT(?t) AS ?n) WHERE { ?t a pg:Task }").values()[0][0]
    assert int(tasks) % 471 == 0 and int(tasks) >= 471 * 4  # whole rounds; two provinces at least


def test_each_province_has_its_own_agencies_with_the_real_shares(two_provinces_store):
    from plangraph.cli.query import run_named

    store = two_provinces_store
    here = run_named(store, "tasks-of-agency", {"agency": "Sở Y tế"})
    there = run_named(store, "tasks-of-agency", {"agency": "Sở Y tế tỉnh Nghệ An"})
    assert len(here) == len(there) == 16 * 2  # as in the five plans, once per round
    plans = {"/".join(row["task"].value.split("/plan/")[1].split("/")[:2]) for row in there}
    # round 0 keeps the real numbers; round 1 is issued by decisions 5005-5009 of the same years
    assert plans == {"nghe-an/2021-2999", "nghe-an/2022-1861", "nghe-an/2022-625", "nghe-an/2022-913",
                     "nghe-an/2021-5005", "nghe-an/2022-5006", "nghe-an/2022-5007", "nghe-an/2022-5009"}
    led = store.query("PREFIX pg: <https://w3id.org/plangraph/ontology#> SELECT (COUNT(?t) AS ?n) WHERE { "
                      "?t pg:leadAgency <https://w3id.org/plangraph/id/agency/nghe-an/so-y-te> }").values()
    assert led == [(str(15 * 2),)]  # the province's own Sở Y tế, under the province's IRI segment
    jurisdictions = store.query("PREFIX pg: <https://w3id.org/plangraph/ontology#> "
                                "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                                "SELECT ?label WHERE { ?j a pg:Jurisdiction ; rdfs:label ?label }").values()
    assert {label for (label,) in jurisdictions} >= {"tỉnh Thanh Hóa", "tỉnh Nghệ An", "Việt Nam"}
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
    assert rules == {"TaskShape", "target-conflicts", "TargetTimeShape"}


def test_copies_of_a_task_are_not_duplicates_of_one_another(two_provinces_store):
    """No task is a duplicate of its own copy in another round, and each copy holds the
    duplicates of the real plans. (The round phrase used to sit at the end of the
    text, where duplicate-tasks cuts the report clause off with it: every task with a
    report clause was a duplicate of each of its copies.)"""
    from plangraph.cli.query import run_named

    store = two_provinces_store
    copies = int(store.query("PREFIX pg: <https://w3id.org/plangraph/ontology#> "
                             "SELECT (COUNT(?t) AS ?n) WHERE { ?t a pg:Task }").values()[0][0]) // 471
    # a multiset: two leads (a collective and its members) may share one pair of lines
    real = Counter((r["file"].value, r["line"].value, r["otherFile"].value, r["otherLine"].value)
                   for r in run_named(MemoryStore(DEFAULT_OUTPUT), "duplicate-tasks", {}))
    assert sum(real.values()) == 5

    def split(file):  # "000_...-nghe-an-r01.txt" -> ("000_....txt", "-nghe-an-r01")
        match = re.fullmatch(r"(\d{3}_[0-9a-f]+)(.*)\.txt", file)
        return match.group(1) + ".txt", match.group(2)

    within_a_copy = {}
    for r in run_named(store, "duplicate-tasks", {}):
        (file, copy), (other, other_copy) = split(r["file"].value), split(r["otherFile"].value)
        assert (file, r["line"].value) != (other, r["otherLine"].value), "a task and its own copy"
        if copy == other_copy:
            within_a_copy.setdefault(copy, Counter())[file, r["line"].value, other, r["otherLine"].value] += 1
    # the copies' phrase ("Chủ động (đợt 2) đề xuất") may break a pair where one text contains
    # the other; it never makes one
    assert len(within_a_copy) == copies and within_a_copy[""] == real
    assert all(found <= real and sum(found.values()) >= 3 for found in within_a_copy.values())
