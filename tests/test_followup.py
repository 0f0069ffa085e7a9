"""Follow-up on the five plans: the template for Sở Y tế, filled, imported, counted as of a day.

The counts are worked out by hand from the plans. Sở Y tế leads 15 tasks; five have a
deadline: 000:210 (30/09/2022), 000:212 and 000:371 (31/08/2021), 000:214 and 000:372
(28/02/2025). Reported as of 31/12/2022: 000:212 done on 20/08/2021 (on time), 000:371
done on 15/03/2022 (late), 000:214 in progress. So: 1 done on time, 1 done late, 1 in
progress, 1 overdue (000:210, never reported), 1 with no report yet (000:372), and the 10
without a deadline.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from followup_helpers import IN_PROGRESS, LATE, NOT_REPORTED, ON_TIME, OVERDUE, T000, fill, make_workspace, \
    round_trip_rows, run

SYT = "https://w3id.org/plangraph/id/agency/thanh-hoa/so-y-te"


@pytest.fixture()
def workspace(tmp_path, built):
    return make_workspace(tmp_path / "ws", built.turtle)


@pytest.fixture()
def template(workspace):
    out = workspace / "so-y-te.xlsx"
    result = run(workspace, "report", "template", "--agency", "Sở Y tế", "--as-of", "2022-12-31", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "15 open tasks of Sở Y tế as of 2022-12-31" in result.output
    return out


def status_of(workspace, *args: str) -> dict[str, dict[str, int]]:
    result = run(workspace, "status", "-f", "jsonl", *args)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    return {row["agency"]: {k: int(v) for k, v in row.items() if k not in ("agency", "name", "ended")} for row in rows}


def test_template_is_the_agency_s_open_tasks(template):
    import openpyxl

    book = openpyxl.load_workbook(template)
    sheet = book["Báo cáo"]
    header = [cell.value for cell in sheet[1]]
    assert header == ["Mã nhiệm vụ", "Kế hoạch", "Nội dung nhiệm vụ", "Thời hạn", "Hạn chót", "Cơ quan báo cáo",
                      "Ngày báo cáo", "Tình trạng", "Ngày hoàn thành", "Ghi chú", "Văn bản chứng minh"]
    assert sheet.freeze_panes == "B2"
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 15 and [r[0] for r in rows][:3] == [OVERDUE, ON_TIME, IN_PROGRESS]
    first = rows[0]
    assert first[1] == "2999/QĐ-UBND" and first[3] == "trong Quý III năm 2022" and first[4].date() == dt.date(2022, 9, 30)
    assert first[5] == "Sở Y tế" and first[6].date() == dt.date(2022, 12, 31)
    assert all(r[7] is None and r[8] is None and r[9] is None and r[10] is None for r in rows)
    lists = [v for v in sheet.data_validations.dataValidation if v.type == "list"]
    assert len(lists) == 1 and str(lists[0].sqref) == "H2:H16"
    assert lists[0].formula1 == '"Đã hoàn thành,Đang thực hiện,Chưa thực hiện,Dừng thực hiện,Được thay thế"'
    assert "Hướng dẫn" in book.sheetnames


def test_round_trip(workspace, template):
    plans_before = (workspace / "plangraph.ttl").read_bytes()
    filled = fill(template, workspace / "filled.xlsx", round_trip_rows())
    result = run(workspace, "report", "import", str(filled))
    assert result.exit_code == 0, result.output
    assert "imported 3 reports from" in result.output
    kept = sorted(p.name for p in (workspace / "progress").iterdir() if not p.name.startswith("."))
    assert len(kept) == 1 and kept[0].startswith("filled_") and (workspace / "progress" / kept[0]).read_bytes() == \
        filled.read_bytes()
    assert (workspace / "plangraph.ttl").read_bytes() == plans_before  # the plans' graph is untouched
    counts = status_of(workspace, "--as-of", "2022-12-31", "--agency", "Sở Y tế")
    assert counts == {SYT: {"total": 15, "doneOnTime": 1, "doneLate": 1, "inProgress": 1, "overdue": 1, "noReport": 1,
                            "noDeadline": 10, "cancelled": 0}}
    overdue = run(workspace, "overdue", "--as-of", "2022-12-31", "--agency", "Sở Y tế", "-f", "jsonl")
    rows = [json.loads(line) for line in overdue.stdout.splitlines()]
    assert [(r["source"], r["deadline"], r["lead"], r.get("lastStatus") or "") for r in rows] == \
        [(OVERDUE, "2022-09-30", "Sở Y tế", "")]
    # before the report's day, nothing was reported: 000:212 and 000:371 were overdue
    before = status_of(workspace, "--as-of", "2022-12-30", "--agency", "Sở Y tế")[SYT]
    assert (before["doneOnTime"], before["doneLate"], before["overdue"], before["noReport"]) == (0, 0, 3, 2)
    # the template of the same day now lists only the tasks still open
    again = run(workspace, "report", "template", "--agency", "Sở Y tế", "--as-of", "2022-12-31",
                "-o", str(workspace / "next.xlsx"))
    assert "13 open tasks" in again.output


def test_a_newer_report_supersedes_from_its_day_and_keeps_the_first(workspace, template):
    run(workspace, "report", "import", str(fill(template, workspace / "q4.xlsx", round_trip_rows())))
    second = run(workspace, "report", "template", "--agency", "Sở Y tế", "--as-of", "2023-06-30",
                 "-o", str(workspace / "q2.xlsx"))
    assert second.exit_code == 0
    rows = {IN_PROGRESS: {"status": "Đã hoàn thành", "completed": dt.date(2023, 6, 15),
                          "evidence": "Quyết định số 77/QĐ-UBND"}}
    result = run(workspace, "report", "import", str(fill(workspace / "q2.xlsx", workspace / "q2-filled.xlsx", rows)))
    assert result.exit_code == 0, result.output
    assert status_of(workspace, "--as-of", "2022-12-31", "--agency", "Sở Y tế")[SYT]["inProgress"] == 1
    assert status_of(workspace, "--as-of", "2023-06-29", "--agency", "Sở Y tế")[SYT]["inProgress"] == 1
    on_the_day = status_of(workspace, "--as-of", "2023-06-30", "--agency", "Sở Y tế")[SYT]
    assert (on_the_day["inProgress"], on_the_day["doneOnTime"]) == (0, 2)
    history = run(workspace, "report", "history", IN_PROGRESS, "-f", "jsonl")
    reports = [json.loads(line) for line in history.stdout.splitlines()]
    assert [(r["reported"], r["status"], r.get("supersededOn")) for r in reports] == [
        ("2022-12-31", "Đang thực hiện", "2023-06-30"), ("2023-06-30", "Đã hoàn thành", None)]
    assert reports[0]["note"] == "Đang xây dựng đề án" and reports[1]["evidence"] == "Quyết định số 77/QĐ-UBND"
    turtle = (workspace / "progress.ttl").read_text(encoding="utf-8")
    assert "prov:wasRevisionOf <report/thanh-hoa/2021-2999/L214/2022-12-31>" in turtle


def test_importing_the_same_reports_twice_changes_nothing(workspace, template):
    filled = fill(template, workspace / "filled.xlsx", round_trip_rows())
    assert run(workspace, "report", "import", str(filled)).exit_code == 0
    graph = (workspace / "progress.ttl").read_bytes()
    files = sorted((workspace / "progress").iterdir())
    again = run(workspace, "report", "import", str(filled))
    assert again.exit_code == 0 and "nothing changed" in again.output
    # the same rows in another file (saved again, as CSV) add nothing either
    csv_file = workspace / "same.csv"
    _as_csv(filled, csv_file)
    third = run(workspace, "report", "import", str(csv_file))
    assert third.exit_code == 0, third.output
    assert "its 3 reports are already recorded" in third.output
    assert (workspace / "progress.ttl").read_bytes() == graph and sorted((workspace / "progress").iterdir()) == files


def _as_csv(workbook, out, delimiter=","):
    import csv

    import openpyxl

    sheet = openpyxl.load_workbook(workbook)["Báo cáo"]
    with open(out, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        for row in sheet.iter_rows(values_only=True):
            writer.writerow(["" if v is None else v.strftime("%d/%m/%Y") if isinstance(v, dt.datetime) else v
                             for v in row])


def test_a_csv_report_with_semicolons_imports(workspace, template):
    filled = fill(template, workspace / "filled.xlsx", round_trip_rows())
    csv_file = workspace / "so-y-te.csv"
    _as_csv(filled, csv_file, delimiter=";")
    result = run(workspace, "report", "import", str(csv_file))
    assert result.exit_code == 0, result.output
    assert status_of(workspace, "--as-of", "2022-12-31", "--agency", "Sở Y tế")[SYT]["doneLate"] == 1


def test_the_store_sees_both_graphs_and_its_cache_follows_both(workspace, template):
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?r a <https://w3id.org/plangraph/ontology#ProgressReport> }"
    assert run(workspace, "sparql", count, "-f", "tsv").stdout.splitlines()[1] == "0"
    folders = lambda: sorted(p.name for p in (workspace / ".cache").iterdir() if p.name.startswith("oxigraph-"))  # noqa: E731
    first = folders()
    run(workspace, "report", "import", str(fill(template, workspace / "filled.xlsx", round_trip_rows())))
    assert run(workspace, "sparql", count, "-f", "tsv").stdout.splitlines()[1] == "3"
    assert folders() != first  # a new folder for the new content of the two files
    tasks = run(workspace, "tasks", "--agency", "Sở Y tế", "-f", "jsonl")
    assert tasks.exit_code == 0 and len(tasks.stdout.splitlines()) == 16
    # --graph naming the workspace's graph: its reports come with it; another file: its triples alone
    alone = run(workspace, "sparql", count, "-f", "tsv", "--graph", str(workspace / "plangraph.ttl"))
    assert alone.stdout.splitlines()[1] == "3"
    copy = workspace / "copy.ttl"
    copy.write_bytes((workspace / "plangraph.ttl").read_bytes())
    assert run(workspace, "sparql", count, "-f", "tsv", "--graph", str(copy)).stdout.splitlines()[1] == "0"


def test_build_check_and_report_build(workspace, template):
    run(workspace, "report", "import", str(fill(template, workspace / "filled.xlsx", round_trip_rows())))
    plans = run(workspace, "build", "--check")
    assert plans.exit_code == 0, plans.output  # reports do not make the plans' graph drift
    assert run(workspace, "report", "build", "--check").exit_code == 0
    graph = workspace / "progress.ttl"
    text = graph.read_text(encoding="utf-8")
    graph.write_text(text.replace("Đang xây dựng đề án", "edited"), encoding="utf-8")
    assert run(workspace, "report", "build", "--check").exit_code == 1
    rebuilt = run(workspace, "report", "build")
    assert rebuilt.exit_code == 0 and graph.read_text(encoding="utf-8") == text


def test_status_of_every_agency_adds_up(workspace, template):
    run(workspace, "report", "import", str(fill(template, workspace / "filled.xlsx", round_trip_rows())))
    counts = status_of(workspace, "--as-of", "2022-12-31")
    assert len(counts) == 41
    for row in counts.values():
        assert row["total"] == sum(v for k, v in row.items() if k != "total")
    plan = status_of(workspace, "--as-of", "2022-12-31", "--plan", "2999/QĐ-UBND", "--agency", "Sở Y tế")[SYT]
    assert plan["total"] == 6 and plan["doneOnTime"] == 1 and plan["overdue"] == 1
    summary = run(workspace, "status", "--as-of", "2022-12-31", "--agency", "Sở Y tế")
    assert "15 tasks: 1 done on time, 1 done late, 1 in progress, 1 overdue, 1 no report, 10 no deadline" in summary.output


def test_an_ambiguous_agency_is_named_with_its_province(workspace):
    result = run(workspace, "report", "template", "--agency", "thanh-hoa/so-y-te", "-o", str(workspace / "t.xlsx"))
    assert result.exit_code == 0 and "of Sở Y tế as of" in result.output
    unknown = run(workspace, "report", "template", "--agency", "Sở Không Có", "-o", str(workspace / "u.xlsx"))
    assert unknown.exit_code == 2 and "no agency matches" in unknown.output and not (workspace / "u.xlsx").exists()


def test_reports_rows_point_to_their_file_and_row(workspace, template):
    run(workspace, "report", "import", str(fill(template, workspace / "filled.xlsx", round_trip_rows())))
    history = run(workspace, "report", "history", LATE, "-f", "jsonl")
    (row,) = [json.loads(line) for line in history.stdout.splitlines()]
    assert row["sheet"] == "Báo cáo" and row["row"] == "6" and row["file"].startswith("filled_")
    assert row["reporter"] == "Sở Y tế" and row["completed"] == "2022-03-15"
    assert NOT_REPORTED.startswith(T000)


def test_validate_in_the_workspace_checks_the_reports_too(workspace, template):
    run(workspace, "report", "import", str(fill(template, workspace / "filled.xlsx", round_trip_rows())))
    result = run(workspace, "validate", "-f", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    plans_only = json.loads(run(workspace, "validate", "-f", "json", str(workspace / "plangraph.ttl")).stdout)
    import re

    header = re.search(r"(\d+) reports; (\d+) triples", (workspace / "progress.ttl").read_text(encoding="utf-8"))
    assert header.group(1) == "3" and report["violations"] == 0
    assert report["triples"] == plans_only["triples"] + int(header.group(2))
