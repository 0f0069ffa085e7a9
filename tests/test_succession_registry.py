"""The succession registry: checked when read, each bad entry named with its file and line,
merged with a workspace's own, and the same mechanism for any province."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from conftest import ROOT
from plangraph.cli import cli
from plangraph.errors import RegistryError
from plangraph.registries import bundled, load_registries
from plangraph.succession import CONFIDENCES, Succession

CORPUS_PLAN = ROOT / "tests" / "corpus" / "01_dongthap_552-kh-ubnd-2025.md"

# a change that is not real: Đồng Tháp's Sở Khoa học và Công nghệ merged into its Sở Tài chính
# on 1 January 2026, with a function that goes elsewhere (test data only)
DONG_THAP = '''
[[change]]
id = "dong-thap/2026-so-tai-chinh"
kind = "merger"
date = "2026-01-01"
originals = ["so-khoa-hoc-va-cong-nghe", "so-tai-chinh"]
results = ["so-tai-chinh"]
name = "Thử nghiệm"
name_en = "A test merger"
source = "test fixture, not a real change"
confidence = "unconfirmed"

[[function]]
id = "dong-thap/2026-chuyen-doi-so"
change = "dong-thap/2026-so-tai-chinh"
from = "so-khoa-hoc-va-cong-nghe"
to = "van-phong-ubnd-tinh"
name = "chuyển đổi số"
name_en = "digital transformation"
keywords = ["chuyển đổi số"]
source = "test fixture, not a real change"
confidence = "unconfirmed"
'''


def load(folder, text):
    (folder / "succession.toml").write_text(text, encoding="utf-8")
    return Succession.load(load_registries(folder))


def test_the_bundled_entries_are_sourced_and_checked():
    book = Succession.load(bundled())
    assert len(book.changes) == 16 and len(book.functions) == 6
    for entry in [*book.changes.values(), *book.functions.values(), *book.documents.values()]:
        assert entry.source.strip() and entry.confidence in CONFIDENCES, entry.id
    for change in book.changes.values():
        assert change.jurisdiction == "thanh-hoa" and change.date.year == 2025
        assert change.kind == "abolition" or len(change.results) == 1, change.id
        for transfer in change.functions:
            assert transfer.origin in change.originals
    assert {c.date.isoformat() for c in book.changes.values()} == {"2025-01-01", "2025-03-01", "2025-06-01",
                                                                    "2025-07-01"}


def test_a_workspace_adds_its_changes(tmp_path):
    book = load(tmp_path, DONG_THAP)
    assert "dong-thap/2026-so-tai-chinh" in book.changes and "thanh-hoa/2025-so-tai-chinh" in book.changes
    steps = book.chain("dong-thap/so-khoa-hoc-va-cong-nghe", "Đẩy mạnh chuyển đổi số trong các cơ quan")
    assert [(s.holder, s.rule, s.keywords) for s in steps] == [
        ("dong-thap/van-phong-ubnd-tinh", "function", ("chuyển đổi số",))]
    steps = book.chain("dong-thap/so-khoa-hoc-va-cong-nghe", "Phát triển thị trường khoa học và công nghệ")
    assert [(s.holder, s.rule) for s in steps] == [("dong-thap/so-tai-chinh", "main")]
    assert book.chain("dong-thap/so-tai-chinh", "anything") == []  # it continues, and keeps its tasks


@pytest.mark.parametrize("old, new, line, message", [
    ('source = "test fixture, not a real change"\nconfidence = "unconfirmed"\n\n[[function]]',
     'confidence = "unconfirmed"\n\n[[function]]', 3, "[[change]] dong-thap/2026-so-tai-chinh lacks source"),
    ('source = "test fixture, not a real change"\nconfidence = "unconfirmed"\n\n[[function]]',
     'source = " "\nconfidence = "unconfirmed"\n\n[[function]]', 3, "needs source (a non-empty string)"),
    ('date = "2026-01-01"', 'date = "1/1/2026"', 3, "date must be a date (YYYY-MM-DD), not '1/1/2026'"),
    ('kind = "merger"', 'kind = "split"', 3, "kind 'split' is not one of merger, renaming, abolition"),
    ('originals = ["so-khoa-hoc-va-cong-nghe", "so-tai-chinh"]', 'originals = ["so-khong-co", "so-tai-chinh"]', 3,
     "originals names 'so-khong-co', which is not an agency of the registry for dong-thap"),
    ('results = ["so-tai-chinh"]', 'results = ["so-tai-chinh", "so-y-te"]', 3, "a merger has one result"),
    ('kind = "merger"', 'kind = "abolition"', 3, "an abolition has no results"),
    ('name_en = "A test merger"', 'name_en = "A test merger"\nlegal_basis = ["dong-thap/khong-co"]', 3,
     "legal_basis names 'dong-thap/khong-co', which is no [[document]]"),
    ('confidence = "unconfirmed"\n\n[[function]]', 'confidence = "sure"\n\n[[function]]', 3,
     "confidence 'sure' is not one of confirmed, inferred, unconfirmed"),
    ('from = "so-khoa-hoc-va-cong-nghe"', 'from = "so-y-te"', 14, "from 'so-y-te' is not an original"),
    ('change = "dong-thap/2026-so-tai-chinh"', 'change = "dong-thap/2026-khac"', 14, "is no [[change]]"),
    ('keywords = ["chuyển đổi số"]', 'keywords = []', 14, "has no keywords"),
    ('id = "dong-thap/2026-so-tai-chinh"', 'id = "2026-so-tai-chinh"', 3, 'id is "<jurisdiction>/<name>"'),
    ('id = "dong-thap/2026-so-tai-chinh"', 'id = "dong-thap-x/2026-so-tai-chinh"', 3, "no jurisdiction 'dong-thap-x'"),
    # a misspelt key would drop its fact without a word
    ('name_en = "A test merger"', 'name_en = "A test merger"\nnotes = "a misspelt note"', 3, "unknown key 'notes'"),
    ('keywords = ["chuyển đổi số"]', 'keywords = ["chuyển đổi số"]\nnote = "a function has no note"', 14,
     "[[function]] dong-thap/2026-chuyen-doi-so: unknown key 'note'"),
])
def test_a_bad_entry_is_refused_with_its_line(tmp_path, old, new, line, message):
    assert old in DONG_THAP
    with pytest.raises(RegistryError) as error:
        load(tmp_path, DONG_THAP.replace(old, new, 1))
    assert error.value.path == str(tmp_path / "succession.toml") and error.value.line == line
    assert message in str(error.value)


def test_notes_in_both_languages(tmp_path):
    book = Succession.load(bundled())
    noted = [entry for entry in [*book.changes.values(), *book.documents.values()] if entry.note]
    assert len(noted) == 14 and all(entry.note_vi for entry in noted)
    own = load(tmp_path, DONG_THAP.replace('confidence = "unconfirmed"\n\n[[function]]',
                                           'confidence = "unconfirmed"\nnote = "open"\nnote_vi = "còn bỏ ngỏ"\n\n[[function]]', 1))
    change = own.changes["dong-thap/2026-so-tai-chinh"]
    assert (change.note, change.note_vi) == ("open", "còn bỏ ngỏ")


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    monkeypatch.delenv("PLANGRAPH_WORKSPACE", raising=False)
    monkeypatch.chdir(tmp_path)
    assert invoke("init", "ws").exit_code == 0
    monkeypatch.chdir(tmp_path / "ws")
    assert invoke("add", CORPUS_PLAN).exit_code == 0
    return tmp_path / "ws"


def test_a_bad_entry_stops_the_build_in_one_line(workspace):
    (workspace / "registry" / "succession.toml").write_text(
        DONG_THAP.replace('originals = ["so-khoa-hoc-va-cong-nghe", "so-tai-chinh"]', 'originals = ["so-khong-co"]'),
        encoding="utf-8")
    result = invoke("build")
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1].startswith(
        f"Error: {workspace / 'registry' / 'succession.toml'}:3: [[change]] dong-thap/2026-so-tai-chinh: originals "
        "names 'so-khong-co'")
    assert not (workspace / "plangraph.ttl").exists()


def test_the_same_mechanism_serves_another_province(workspace):
    """Đồng Tháp's plan, with a change of its own in the workspace's registry: nothing in the
    code knows Thanh Hóa."""
    before = invoke("build", "-q")
    assert before.exit_code == 0, before.output
    assert "ChangeEvent" not in (workspace / "plangraph.ttl").read_text(encoding="utf-8")  # Thanh Hóa's stay out
    (workspace / "registry" / "succession.toml").write_text(DONG_THAP, encoding="utf-8")
    assert invoke("build", "-q").exit_code == 0
    graph = (workspace / "plangraph.ttl").read_text(encoding="utf-8")
    assert "<change/dong-thap/2026-so-tai-chinh>" in graph and "thanh-hoa" not in graph
    science = csv_rows(invoke("tasks", "--agency", "Sở Khoa học và Công nghệ", "--as-printed", "-f", "tsv"))
    finance = csv_rows(invoke("tasks", "--agency", "Sở Tài chính", "--as-printed", "-f", "tsv"))
    office = csv_rows(invoke("tasks", "--agency", "Văn phòng UBND tỉnh", "--as-printed", "-f", "tsv"))
    later = csv_rows(invoke("tasks", "--agency", "Sở Tài chính", "--as-of", "2026-06-01", "-f", "tsv"))
    moved = [row for row in later if row["succession"]]
    digital = [row for row in science if "chuyển đổi số" in row["text"].lower()]
    assert len(later) == len(finance) + len(science) - len(digital) and len(science) == 10
    assert {row["succession"] for row in moved} == {"inherited from Sở Khoa học và Công nghệ, merged 2026-01-01"}
    assert csv_rows(invoke("tasks", "--agency", "Sở Tài chính", "--as-of", "2025-12-31", "-f", "tsv")) == finance
    taken = [row for row in csv_rows(invoke("tasks", "--agency", "Văn phòng UBND tỉnh", "--as-of", "2026-06-01",
                                            "-f", "tsv")) if row["succession"]]
    assert len(taken) == len(digital) and len(office) + len(taken) > len(office)
    validation = invoke("validate")
    assert "0 violations" in validation.output


def csv_rows(result):
    import csv
    import io

    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout), delimiter="\t", quoting=csv.QUOTE_NONE))
