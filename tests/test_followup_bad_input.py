"""Bad report files: each problem named with its sheet, row and column, exit 2, nothing imported."""

from __future__ import annotations

import datetime as dt

import pytest
from followup_helpers import IN_PROGRESS, LATE, ON_TIME, T000, fill, make_workspace, round_trip_rows, run

OTHER_AGENCY_TASK = f"{T000}:108"  # led by Sở Nông nghiệp và Phát triển nông thôn


@pytest.fixture(scope="module")
def workspace(tmp_path_factory, built):
    return make_workspace(tmp_path_factory.mktemp("bad") / "ws", built.turtle)


@pytest.fixture(scope="module")
def template(workspace):
    out = workspace / "so-y-te.xlsx"
    assert run(workspace, "report", "template", "--agency", "Sở Y tế", "--as-of", "2022-12-31",
               "-o", str(out)).exit_code == 0
    return out


def _set(row_of_key: str, column: str, value):
    def edit(sheet):
        for cells in sheet.iter_rows(min_row=2):
            if cells[0].value == row_of_key:
                sheet[f"{column}{cells[0].row}"] = value
    return edit


def _swap_columns(first: str, second: str):
    def edit(sheet):
        for row in range(1, sheet.max_row + 1):
            a, b = sheet[f"{first}{row}"], sheet[f"{second}{row}"]
            a.value, b.value = b.value, a.value
    return edit


def _duplicate_row(key: str):
    def edit(sheet):
        for cells in sheet.iter_rows(min_row=2):
            if cells[0].value == key:
                sheet.append([c.value for c in cells])
                return
    return edit


def _append(values: list):
    return lambda sheet: sheet.append(values)


# rows of the template: 000:210 is row 2, 000:212 row 3, 000:214 row 4, 000:371 row 6
CASES = {
    "unknown task key": (_set(ON_TIME, "A", f"{T000}:99999"), "row 3, column A (Mã nhiệm vụ)", "no task"),
    "status not in the list": (_set(IN_PROGRESS, "H", "Xong rồi"), "row 4, column H (Tình trạng)", "not in the list"),
    "completed before the plan": (_set(ON_TIME, "I", dt.date(2021, 3, 1)), "row 3, column I (Ngày hoàn thành)",
                                  "before its plan 2999/QĐ-UBND was issued (2021-08-09)"),
    "completed after the report": (_set(LATE, "I", dt.date(2023, 1, 5)), "row 6, column I (Ngày hoàn thành)",
                                   "after the report's date (2022-12-31)"),
    "reported before the plan": (_set(IN_PROGRESS, "G", dt.date(2021, 5, 1)), "row 4, column G (Ngày báo cáo)",
                                 "dated 2021-05-01, before its plan"),
    "not the agency's task": (_append([OTHER_AGENCY_TASK, "", "", "", "", "Sở Y tế", dt.date(2022, 12, 31),
                                       "Đang thực hiện"]), "row 17, column F (Cơ quan báo cáo)",
                              "is not a task of Sở Y tế: on 2022-12-31 it is led by Sở Nông nghiệp và Phát triển nông thôn"),
    "two rows for one task": (_duplicate_row(LATE), "row 17, column A (Mã nhiệm vụ)",
                              "a second row for task 000_b2f608754944a1c5.txt:371 (the first is row 6)"),
    "columns moved": (_swap_columns("H", "I"), "row 1, column H (Tình trạng)",
                      "expected the column 'Tình trạng', found 'Ngày hoàn thành'"),
    "column renamed": (lambda sheet: sheet.__setitem__("H1", "Trạng thái"), "row 1, column H (Tình trạng)",
                       "found 'Trạng thái': the columns were moved or renamed"),
    "done without completion date": (_set(ON_TIME, "I", None), "row 3, column I (Ngày hoàn thành)",
                                     "no completion date: required when the task is done"),
    "a completion date while in progress": (_set(IN_PROGRESS, "I", dt.date(2022, 5, 1)),
                                            "row 4, column I (Ngày hoàn thành)", "give one only when the task is done"),
    "not a date": (_set(IN_PROGRESS, "G", "31/13/2022"), "row 4, column G (Ngày báo cáo)",
                   "'31/13/2022' is not a date"),
    "unknown reporter": (_set(IN_PROGRESS, "F", "Sở Không Có"), "row 4, column F (Cơ quan báo cáo)",
                         'no agency matches "Sở Không Có"'),
    "replaced without the document": (_set(IN_PROGRESS, "H", "Được thay thế"), "row 4, column K (Văn bản chứng minh)",
                                      "replaced by which document?"),
}


def _nothing_imported(workspace):
    progress = workspace / "progress"
    assert not progress.exists() or not [p for p in progress.iterdir() if not p.name.startswith(".")]
    assert not (workspace / "progress.ttl").exists()


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_is_named_and_nothing_is_imported(workspace, template, case):
    edit, where, message = CASES[case]
    bad = fill(template, workspace / f"{case}.xlsx", round_trip_rows(), edit=edit)
    result = run(workspace, "report", "import", str(bad))
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert any(f"{case}.xlsx: sheet 'Báo cáo', {where}: " in line and message in line for line in lines), result.output
    assert "nothing was imported" in result.output.splitlines()[-1]
    _nothing_imported(workspace)


def test_every_problem_of_a_file_is_named_at_once(workspace, template):
    edits = [_set(ON_TIME, "A", f"{T000}:99999"), _set(IN_PROGRESS, "H", "Xong"), _set(LATE, "I", None)]
    bad = fill(template, workspace / "three.xlsx", round_trip_rows(), edit=lambda sheet: [e(sheet) for e in edits])
    result = run(workspace, "report", "import", str(bad))
    assert result.exit_code == 2
    assert "3 problems; nothing was imported" in result.output
    assert [line.split(", column ")[1][0] for line in result.output.splitlines() if line.startswith("error: three")] \
        == ["A", "H", "I"]
    _nothing_imported(workspace)


def test_a_file_that_is_not_a_workbook(workspace):
    fake = workspace / "fake.xlsx"
    fake.write_text("not a zip", encoding="utf-8")
    result = run(workspace, "report", "import", str(fake))
    assert result.exit_code == 2 and "fake.xlsx: not an Excel workbook" in result.output
    other = workspace / "notes.txt"
    other.write_text("x", encoding="utf-8")
    assert "a report file is .xlsx" in run(workspace, "report", "import", str(other)).output
    latin = workspace / "latin.csv"
    latin.write_bytes("Mã nhiệm vụ\n".encode("utf-8").replace("ã".encode("utf-8"), b"\xe3"))
    result = run(workspace, "report", "import", str(latin))
    assert result.exit_code == 2 and "latin.csv:1: not UTF-8 text" in result.output
    _nothing_imported(workspace)


def test_a_different_report_on_the_same_day_is_refused(tmp_path, built):
    workspace = make_workspace(tmp_path / "ws", built.turtle)
    template = workspace / "t.xlsx"
    run(workspace, "report", "template", "--agency", "Sở Y tế", "--as-of", "2022-12-31", "-o", str(template))
    assert run(workspace, "report", "import", str(fill(template, workspace / "a.xlsx", round_trip_rows()))).exit_code == 0
    graph = (workspace / "progress.ttl").read_bytes()
    changed = round_trip_rows()
    changed[IN_PROGRESS]["note"] = "Đã trình UBND tỉnh"
    result = run(workspace, "report", "import", str(fill(template, workspace / "b.xlsx", changed)))
    assert result.exit_code == 2
    assert "b.xlsx: sheet 'Báo cáo', row 4, column G (Ngày báo cáo): a different report on task " \
           f"{IN_PROGRESS} dated 2022-12-31 is already recorded in a_" in result.output
    assert "a correction is a new report with a later date" in result.output
    assert (workspace / "progress.ttl").read_bytes() == graph
    assert len([p for p in (workspace / "progress").iterdir() if not p.name.startswith(".")]) == 1
