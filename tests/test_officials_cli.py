"""Issue 14, what officials see at the terminal: Vietnamese by default, names resolved out
loud, tables that fit the screen, tasks by deadline with appendix rows folded, filters that
say what they drop, trace with who and by when."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from plangraph.cli import cli


def run(graph_file, *args, columns: int = 80, lang: str | None = None):
    env = {"COLUMNS": str(columns)}
    if lang:
        env["PLANGRAPH_LANG"] = lang
    return CliRunner(env=env).invoke(cli, [*args, "--graph", str(graph_file)])


# -- language ---------------------------------------------------------------------------------

def test_help_is_vietnamese_by_default_and_english_on_request(vietnamese):
    vi = CliRunner().invoke(cli, ["tasks", "--help"])
    assert vi.exit_code == 0 and "Cách dùng:" in vi.output and "Tùy chọn" in vi.output
    assert "Mọi nhiệm vụ một cơ quan chủ trì hoặc phối hợp" in vi.output
    for args in (["tasks", "--help", "--lang", "en"], ["--lang", "en", "tasks", "--help"]):
        en = CliRunner().invoke(cli, args)
        assert en.exit_code == 0 and "Usage:" in en.output and "Every task an agency leads" in en.output
    env = CliRunner(env={"PLANGRAPH_LANG": "en"}).invoke(cli, ["--help"])
    assert "Trace what a government plan asks of whom" in env.output and "Commands" in env.output
    assert "Lệnh" in CliRunner().invoke(cli, ["--help"]).output


def test_clicks_own_errors_are_vietnamese_too(vietnamese, graph_file):
    result = run(graph_file, "tasks", "--agency", "Sở Y tế", "--role", "chu-tri")
    assert result.exit_code == 2 and "Giá trị không hợp lệ cho '--role'" in result.output


def test_values_are_vietnamese_in_a_table_and_stable_english_in_json(vietnamese, graph_file):
    table = run(graph_file, "tasks", "--agency", "Sở Y tế", columns=160)
    assert "chủ trì" in table.stdout and "phối hợp" in table.stdout and "lead" not in table.stdout
    assert "Vai trò" in table.stdout and "Thời hạn" in table.stdout
    data = json.loads(run(graph_file, "tasks", "--agency", "Sở Y tế", "-f", "json").stdout)
    assert {"role", "deadline", "text", "task"} <= set(data["head"]["vars"])
    assert {b["role"]["value"] for b in data["results"]["bindings"]} == {"lead", "coordinating"}
    jsonl = run(graph_file, "tasks", "--agency", "Sở Y tế", "-f", "jsonl").stdout.splitlines()
    assert json.loads(jsonl[0])["role"] == "lead"


def test_an_agency_history_reads_in_the_readers_language(vietnamese, graph_file):
    args = ("query", "agency-changes", "-p", "agency=Sở Lao động - Thương binh và Xã hội")
    table = run(graph_file, *args, "-f", "wide")
    assert table.exit_code == 0
    for text in ("Quan hệ", "Độ tin cậy", "chấm dứt; công việc chuyển sang", "chuyển một phần công việc sang",
                 "đã xác nhận", "giáo dục nghề nghiệp", "Ở Hà Tĩnh và Phú Thọ"):
        assert text in table.stdout, text
    assert "ended" not in table.stdout and "Poverty" not in table.stdout
    english = run(graph_file, *args, "-f", "wide", lang="en")
    assert "ended; its work passed to" in english.stdout and "vocational education" in english.stdout
    data = json.loads(run(graph_file, *args, "-f", "json").stdout)
    assert {b["relation"]["value"] for b in data["results"]["bindings"]} == {
        "ended; its work passed to", "gave part of its work to"}


# -- names resolved out loud --------------------------------------------------------------------

def test_the_resolved_agency_is_said_on_stderr(vietnamese, graph_file):
    result = run(graph_file, "tasks", "--agency", "Sở Y te", "-f", "tsv")
    assert result.exit_code == 0
    assert 'cơ quan "Sở Y te" → Sở Y tế' in result.stderr
    assert "Sở Y tế" not in result.stdout.splitlines()[0]  # stdout is only data


def test_a_name_that_only_resembles_an_agency_is_refused_with_candidates(vietnamese, graph_file):
    result = run(graph_file, "tasks", "--agency", "Sở Du lịch")
    assert result.exit_code == 2 and result.stdout == ""
    assert "Sở Văn hóa, Thể thao và Du lịch" in result.stderr and "không phải tên của cơ quan nào" in result.stderr
    view = CliRunner().invoke(cli, ["viz", "--agency", "Sở Du lịch", "--graph", str(graph_file), "-o", "x.html"])
    assert view.exit_code == 2 and "Sở Văn hóa, Thể thao và Du lịch" in view.output


def test_agency_results_carry_the_agency_and_role(graph_file):
    rows = list(__import__("csv").DictReader(run(graph_file, "tasks", "-a", "Sở Y tế", "-f", "csv").stdout
                                             .lstrip("\ufeff").splitlines()))
    assert {row["Agency"] for row in rows} == {"Sở Y tế"} and {row["Role"] for row in rows} == {"lead", "coordinating"}


@pytest.mark.parametrize("how", [("tasks", "-a", "so y te"), ("query", "tasks-of-agency", "-p", "agency=so y te")])
def test_agency_results_carry_the_agency_and_role_for_programs_too(graph_file, how):
    iri = "https://w3id.org/plangraph/id/agency/thanh-hoa/so-y-te"
    data = json.loads(run(graph_file, *how, "-f", "json").stdout)
    assert data["head"]["vars"][:3] == ["agency", "agencyName", "role"]
    bindings = data["results"]["bindings"]
    assert len(bindings) == 16
    assert {(b["agency"]["type"], b["agency"]["value"], b["agencyName"]["value"]) for b in bindings} == {
        ("uri", iri, "Sở Y tế")}
    assert {b["role"]["value"] for b in bindings} == {"lead", "coordinating"}
    records = [json.loads(line) for line in run(graph_file, *how, "-f", "jsonl").stdout.splitlines()]
    assert len(records) == 16 and {(r["agency"], r["agencyName"]) for r in records} == {(iri, "Sở Y tế")}
    tsv = run(graph_file, *how, "-f", "tsv").stdout.splitlines()
    assert tsv[0].split("\t")[:3] == ["agency", "agencyName", "role"] and len(tsv) == 17
    assert all(line.split("\t")[:2] == [iri, "Sở Y tế"] for line in tsv[1:])


def test_document_and_task_are_resolved_out_loud(vietnamese, graph_file):
    tree = run(graph_file, "query", "resolution-tree", "-p", "resolution=58-nq/tw", "-f", "tsv")
    assert tree.exit_code == 0 and 'văn bản "58-nq/tw" → 58-NQ/TW' in tree.stderr
    trace = run(graph_file, "trace", "004:97")
    assert 'nhiệm vụ "004:97" → 004_86eb4304471918db.txt:97' in trace.stderr


# -- tables that fit ------------------------------------------------------------------------------

def _words_of(graph_file, *args) -> set[str]:
    data = json.loads(run(graph_file, *args, "-f", "json").stdout)
    words = set()
    for binding in data["results"]["bindings"]:
        for term in binding.values():
            words.update(term["value"].split())
    return words


@pytest.mark.parametrize("columns", [80, 100, 160])
@pytest.mark.parametrize("args", [("tasks", "--agency", "Sở Y tế"), ("tasks", "--agency", "Sở Kế hoạch và Đầu tư"),
                                  ("query", "target-conflicts"), ("query", "due", "-p", "from=2022-01-01",
                                                                  "-p", "to=2022-06-30")])
def test_tables_fit_the_terminal_and_wrap_between_words(vietnamese, graph_file, columns, args):
    from plangraph.render.table import text_width

    result = run(graph_file, *args, columns=columns)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(text_width(line) for line in lines) <= columns
    # every word printed is a word of the answer (or a header, a short source, a translated value):
    # a word cut in two would leave pieces that are not
    from plangraph.catalogue.messages import MESSAGES

    allowed = _words_of(graph_file, *args) | {word for vi, _ in MESSAGES.values() for word in vi.split()}
    for line in lines:
        if set(line) <= set("-+"):
            continue
        for word in line.replace("|", " ").split():
            assert (word in allowed or word.rstrip(":") in allowed
                    or re.fullmatch(r"\d{3}:\d+(\+(\d{3}:)?\d+)*", word)), (word, line)


def test_no_iri_and_the_task_text_gets_the_room_at_80_columns(vietnamese, graph_file):
    result = run(graph_file, "tasks", "--agency", "Sở Y tế")
    assert "https://" not in result.stdout and "plan/thanh-hoa" not in result.stdout
    assert "000:210+370" in result.stdout  # short identifiers, the appendix row's line folded in
    header = result.stdout.splitlines()[1]  # after the caption "Cơ quan: Sở Y tế"
    text_column = header.split(" | ")[-1] if "Nhiệm vụ" in header.split(" | ")[-1] else ""
    widths = [len(cell) for cell in result.stdout.splitlines()[2].split("-+-")]
    assert text_column and widths[-1] >= 38 and len(result.stdout.splitlines()) < 160


def test_wide_keeps_every_column(vietnamese, graph_file):
    wide = run(graph_file, "tasks", "--agency", "Sở Y tế", "--wide")
    header = wide.stdout.splitlines()[0]
    for name in ("Cơ quan", "Vai trò", "IRI nhiệm vụ", "Nghị quyết gốc", "Thời hạn ghi trong văn bản"):
        assert name in header
    assert run(graph_file, "tasks", "--agency", "Sở Y tế", "-f", "wide").stdout == wide.stdout


# -- order, folding, filters ------------------------------------------------------------------------

def test_vietnamese_collation_puts_ke_before_khoa():
    from plangraph.catalogue.collation import sort_key

    assert sort_key("Sở Kế hoạch và Đầu tư") < sort_key("Sở Khoa học và Công nghệ")
    assert sorted(["Sở Y tế", "Sở Xây dựng", "Sở Nội vụ", "Sở Ngoại vụ"], key=sort_key) == [
        "Sở Ngoại vụ", "Sở Nội vụ", "Sở Xây dựng", "Sở Y tế"]


def test_workload_and_due_sort_agencies_in_vietnamese_order(vietnamese, graph_file):
    from plangraph.catalogue.collation import sort_key

    due = run(graph_file, "query", "due", "-p", "from=2021-01-01", "-p", "to=2025-12-31", "-p", "as-printed=true",
              "-f", "csv")
    import csv

    leads = [row[0] for row in csv.reader(due.stdout.lstrip("\ufeff").splitlines()[1:])]
    firsts = list(dict.fromkeys(leads))
    assert firsts == sorted(firsts, key=sort_key)
    assert firsts.index("Sở Kế hoạch và Đầu tư") < firsts.index("Sở Khoa học và Công nghệ")


def test_tasks_by_deadline_undated_last(graph_file):
    rows = [json.loads(line) for line in run(graph_file, "tasks", "-a", "Sở Y tế", "-f", "jsonl").stdout.splitlines()]
    deadlines = [row["deadline"] for row in rows]
    dated = [d for d in deadlines if d]
    assert dated == sorted(dated) and deadlines == dated + [None] * (len(deadlines) - len(dated))


def test_appendix_rows_restating_a_body_task_are_folded(vietnamese, graph_file):
    folded = run(graph_file, "tasks", "--agency", "Sở Y tế", "-f", "csv")
    everything = run(graph_file, "tasks", "--agency", "Sở Y tế", "-f", "csv", "--all-rows")
    assert len(everything.stdout.splitlines()) == 17 and len(folded.stdout.splitlines()) == 11
    assert "6 dòng phụ lục nhắc lại nhiệm vụ ở phần nội dung được gộp" in folded.stderr
    assert "000_b2f608754944a1c5.txt:210; 000_b2f608754944a1c5.txt:370" in folded.stdout
    table = run(graph_file, "tasks", "--agency", "Sở Y tế", "--all-rows", columns=160)
    assert "000:370 " in table.stdout or "000:370\n" in table.stdout


def test_a_window_says_what_it_leaves_out(vietnamese, graph_file):
    result = run(graph_file, "tasks", "-a", "Sở Y tế", "--from", "2022-01-01", "--to", "2022-12-31", "-f", "tsv")
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 2
    assert "10 nhiệm vụ không có ngày hạn bị bỏ ra (thêm --undated để giữ lại)" in result.stderr
    assert "5 nhiệm vụ có hạn ngoài khoảng 2022-01-01 – 2022-12-31 bị bỏ ra" in result.stderr
    kept = run(graph_file, "tasks", "-a", "Sở Y tế", "--from", "2022-01-01", "--to", "2022-12-31", "--undated",
               "-f", "tsv")
    assert len(kept.stdout.splitlines()) == 1 + 1 + 10 and "không có ngày hạn" not in kept.stderr


def test_a_reversed_range_is_an_error(vietnamese, graph_file):
    result = run(graph_file, "tasks", "-a", "Sở Y tế", "--from", "2023-01-01", "--to", "2022-01-01")
    assert result.exit_code == 2 and "khoảng thời gian ngược" in result.stderr
    query = run(graph_file, "query", "due", "-p", "from=2023-01-01", "-p", "to=2022-01-01")
    assert query.exit_code == 2 and "--from 2023-01-01 sau --to 2022-01-01" in query.stderr


# -- trace ------------------------------------------------------------------------------------------

def test_trace_shows_who_leads_by_when_with_the_chain(vietnamese, graph_file):
    result = run(graph_file, "trace", "004:97")
    out = result.stdout
    assert result.exit_code == 0
    for expected in ("Nhiệm vụ 004:97 (913/QĐ-UBND, mục 3.1)", "Chủ trì:    UBND huyện Thọ Xuân",
                     "Phối hợp:   Các đơn vị liên quan", "Thời hạn:   2022-12-31 (trong Quý IV/2022)",
                     "Sản phẩm:   không ghi", "nghị quyết gốc", "10-NQ/TU"):
        assert expected in out, expected
    assert max(len(line) for line in out.splitlines()) <= 80


def test_trace_of_an_unknown_document_or_line_names_the_nearest(vietnamese, graph_file):
    missing = run(graph_file, "trace", "009:97")
    assert missing.exit_code == 2 and 'đồ thị không có văn bản "009"' in missing.stderr
    assert "000, 001, 002, 003, 004" in missing.stderr
    near = run(graph_file, "trace", "004:98")
    assert near.exit_code == 2 and "gần nhất: 004:97, 004:99" in near.stderr


# -- the README shows what really prints -------------------------------------------------------------

def _readme_example(command: str) -> list[str]:
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    after = text.split("## Usage\n", 1)[1].split(f"$ {command}", 1)[1].split("\n", 1)[1]
    shown = []
    for line in after.splitlines():
        if line.startswith("$ ") or line == "```":
            break
        shown.append(line)
    return shown


@pytest.mark.parametrize("command,args", [
    ('plangraph tasks --agency "so y te"', ["tasks", "--agency", "so y te"]),
    ("plangraph trace 004:97", ["trace", "004:97"]),
    ("plangraph trace 004:98", ["trace", "004:98"]),
    ('plangraph tasks --agency "Sở Du lịch"', ["tasks", "--agency", "Sở Du lịch"]),
])
def test_the_readme_usage_shows_what_prints(vietnamese, graph_file, command, args):
    shown = _readme_example(command)
    result = run(graph_file, *args)
    printed = (result.stderr.splitlines()[:1] + result.stdout.splitlines() + result.stderr.splitlines()[1:]
               if result.exit_code == 0 else result.stderr.splitlines())
    # the README cuts long answers with "...": each part it shows is printed, in order
    parts, part = [], []
    for line in shown:
        if line.strip() == "...":
            parts.append(part)
            part = []
        else:
            part.append(line)
    parts.append(part)
    position = 0
    for part in filter(None, parts):
        while position < len(printed) and printed[position:position + len(part)] != part:
            position += 1
        assert position < len(printed), (part, printed)
        position += len(part)


def test_an_agency_of_two_provinces_is_named_with_its_province(vietnamese, tmp_path):
    from conftest import ROOT, SOURCES

    from plangraph.build import build_graph

    sources = tmp_path / "sources"
    sources.mkdir()
    for plan in (SOURCES / "004_86eb4304471918db.txt", ROOT / "tests" / "corpus" / "02_hanoi_308-kh-ubnd-2025.md"):
        (sources / plan.name).write_bytes(plan.read_bytes())
    graph = tmp_path / "g.ttl"
    graph.write_text(build_graph(sources).turtle, encoding="utf-8")
    both = run(graph, "tasks", "--agency", "Sở Tài chính")
    assert both.exit_code == 2 and "thành phố Hà Nội: ha-noi/so-tai-chinh" in both.stderr
    assert "tỉnh Thanh Hóa: thanh-hoa/so-tai-chinh" in both.stderr
    one = run(graph, "tasks", "--agency", "Sở Tài chính (Hà Nội)", "-f", "tsv")
    assert one.exit_code == 0 and 'cơ quan "Sở Tài chính (Hà Nội)" → Sở Tài chính (thành phố Hà Nội)' in one.stderr
    assert "02_hanoi_308-kh-ubnd-2025.md" in one.stdout
