"""Answers kept beside the embedded store (plangraph.kept): read back as they were asked,
gone with the graph's content, and never in the way (issue 16)."""

from __future__ import annotations

import os

from plangraph import kept
from plangraph.cli.asof import succession_note
from plangraph.query import resolve_agency_match
from plangraph.store import EmbeddedStore

LABELS = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?agency ?label WHERE { ?agency skos:prefLabel ?label } ORDER BY ?agency ?label LIMIT 50"""


def _store(tmp_path, built, name="g.ttl"):
    graph = tmp_path / name
    if not graph.exists():
        graph.write_text(built.turtle, encoding="utf-8")
    return EmbeddedStore(graph, timeout=30)


def test_a_kept_answer_is_the_answer(tmp_path, built):
    first = _store(tmp_path, built)
    asked = first.kept_query(LABELS)
    assert os.path.exists(os.path.join(first.location, kept.FILE))
    again = _store(tmp_path, built).kept_query(LABELS)  # another process would read the same file
    assert again == asked and again.variables == asked.variables and len(asked) == 50
    assert [list(row) for row in again] == [list(row) for row in asked]  # the same order of variables
    assert again == first.query(LABELS)


def test_resolution_and_the_note_say_the_same_from_kept_answers(tmp_path, built):
    for _ in range(2):  # asked, then read back
        store = _store(tmp_path, built)
        match = resolve_agency_match(store, "Sở Y tế")
        assert (match.iri, match.label, match.how) == (
            "https://w3id.org/plangraph/id/agency/thanh-hoa/so-y-te", "Sở Y tế", "exact")
        assert succession_note(store, match.iri, "2024-01-01", False) is None


def test_an_unreadable_file_is_as_none_and_is_written_again(tmp_path, built):
    store = _store(tmp_path, built)
    store.open()
    path = os.path.join(store.location, kept.FILE)
    with open(path, "wb") as handle:
        handle.write(b"\x00not marshal")
    assert kept.answers(str(store.location)) == {}
    assert _store(tmp_path, built).kept_query(LABELS) == store.query(LABELS)
    assert kept.answers(str(store.location))


def test_a_new_graph_content_has_none_of_the_old_answers(tmp_path, built):
    store = _store(tmp_path, built)
    store.kept_query(LABELS)
    graph = tmp_path / "g.ttl"
    graph.write_text(built.turtle + "\n<urn:x:a> <http://www.w3.org/2004/02/skos/core#prefLabel> \"A\" .\n",
                     encoding="utf-8")
    other = _store(tmp_path, built)
    assert other.kept_query(LABELS) == other.query(LABELS)
    assert other.location != store.location
    assert list(kept.answers(str(other.location))) == [LABELS]


def test_a_folder_that_cannot_be_written_keeps_nothing(tmp_path, built, monkeypatch):
    store = _store(tmp_path, built)
    store.open()  # (built first: the patch is of os itself)

    def refuse(*args, **kwargs):
        raise PermissionError("read-only")

    monkeypatch.setattr(kept.os, "replace", refuse)
    assert store.kept_query(LABELS) == store.query(LABELS)
    assert not os.path.exists(os.path.join(store.location, kept.FILE))
    assert not [name for name in os.listdir(store.location) if name.endswith(".tmp")]
