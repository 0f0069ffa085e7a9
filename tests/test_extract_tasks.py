"""Tasks of the five plans: counts, whole sections, appendix groups (hand-checked)."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import ids, task_at

# (body tasks, appendix rows) counted by hand in each document.
COUNTS = {"000": (63, 50), "001": (98, 0), "002": (53, 39), "003": (47, 0), "004": (66, 49)}

NNPTNT = "so-nong-nghiep-va-phat-trien-nong-thon"
BQL = "ban-quan-ly-khu-kinh-te-nghi-son-va-cac-khu-cong-nghiep"
UNITS = "cac-don-vi-lien-quan"


@pytest.mark.parametrize("key", sorted(COUNTS))
def test_task_counts(plans, key):
    tasks = plans[key].tasks
    body = sum(1 for t in tasks if not t.appendix)
    assert (body, len(tasks) - body) == COUNTS[key]


def test_every_task_has_a_lead_and_a_text(plans):
    for plan in plans.values():
        for task in plan.tasks:
            assert task.lead, (plan.source_file, task.line)
            assert len(task.text) > 10, (plan.source_file, task.line)


def test_000_body_section_ii_3_whole(plans):
    """II.3: four intros with "+" bullets and one inline task (Ban Dân tộc)."""
    got = [
        (t.line, ids(t.lead), ids(t.coordinating), t.deadline.kind, t.deadline.end)
        for t in plans["000"].tasks if t.section == "II.3"
    ]
    assert got == [
        (108, [NNPTNT], [UNITS], "month", date(2021, 10, 31)),
        (112, [NNPTNT], [UNITS], "none", None),
        (114, [NNPTNT], [UNITS], "month", date(2022, 5, 31)),  # "trước trong tháng 5 năm 2022"
        (118, [BQL], [UNITS], "by-date", date(2021, 8, 31)),
        (120, [BQL], [UNITS], "none", None),
        (122, [BQL], [UNITS], "quarter", date(2021, 9, 30)),
        (126, ["so-cong-thuong"], [UNITS], "by-date", date(2021, 10, 31)),
        (128, ["so-cong-thuong"], [UNITS], "by-date", date(2021, 8, 31)),
        (132, ["so-xay-dung"], [UNITS], "quarter", date(2022, 6, 30)),
        (134, ["so-xay-dung"], [UNITS], "by-date", date(2021, 10, 31)),
        (138, ["so-van-hoa-the-thao-va-du-lich"], [UNITS], "period", date(2022, 12, 31)),
        (142, ["so-ke-hoach-va-dau-tu"], [UNITS], "by-date", date(2021, 8, 31)),
        (144, ["ban-dan-toc"], [UNITS], "by-date", date(2021, 11, 30)),
    ]


def test_000_wrapped_bullet_keeps_its_first_line(plans):
    task = task_at(plans["000"], 108)
    assert task.end_line == 110
    assert "hàng hóa quy mô lớn" in task.text  # the part after the page break


def test_000_appendix_group_4_whole(plans):
    """Group 4: rows cut by page breaks, a lead cell split mid-name ("Sở Tài" / "chính")."""
    rows = {t.row_number: t for t in plans["000"].tasks if t.section == "PL.4"}
    assert sorted(rows) == ["1", "2", "3", "4"]
    assert ids(rows["1"].lead) == ["so-giao-thong-van-tai", "so-ke-hoach-va-dau-tu", "so-tai-chinh"]
    assert ids(rows["1"].coordinating) == ["cac-so-ban-nganh-cap-tinh", "ubnd-cac-huyen-thi-xa-thanh-pho", UNITS]
    assert rows["1"].text.startswith("Đầu mối, huy động") and "xây dựng và sớm hoàn thành" in rows["1"].text
    assert rows["1"].output == "Các dự án kết cấu hạ tầng giao thông"
    assert ids(rows["2"].coordinating) == [
        "so-tai-chinh", NNPTNT, "so-tai-nguyen-va-moi-truong", BQL, UNITS,
    ]
    assert rows["2"].deadline.kind == "period" and rows["2"].deadline.start == date(2021, 1, 1)
    assert ids(rows["3"].lead) == [BQL]
    assert ids(rows["4"].lead) == [NNPTNT]
    assert rows["4"].deadline.text == "Giai đoạn 2021 - 2025"
    # each row details the body task it restates
    assert [rows[n].details for n in "1234"] == [152, 154, 156, 160]


def test_000_group_row_with_agencies_is_a_task(plans):
    task = task_at(plans["000"], 315, appendix=True)
    assert task.row_number == "1"
    assert ids(task.lead) == ["cac-so-ban-nganh-cap-tinh", "ubnd-cac-huyen-thi-xa-thanh-pho"]
    assert task.deadline.kind == "ongoing"


def test_000_distributed_department_list(plans):
    task = task_at(plans["000"], 326, appendix=True)
    assert ids(task.coordinating) == [
        "so-xay-dung", "so-ke-hoach-va-dau-tu", "so-tai-chinh", NNPTNT, UNITS,
    ]


def test_001_lettered_intro_with_dash_bullets(plans):
    """1.2: an unlettered intro "Sở Tài chính chủ trì, phối hợp với đơn vị liên quan:" and 4 bullets."""
    tasks = [t for t in plans["001"].tasks if t.section == "III.1.2"]
    assert [t.line for t in tasks] == [59, 60, 61, 62]
    assert all(ids(t.lead) == ["so-tai-chinh"] for t in tasks)


def test_001_several_leads_without_chu_tri(plans):
    task = task_at(plans["001"], 135)
    assert ids(task.lead) == [BQL, "ubnd-thi-xa-nghi-son", "ubnd-huyen-nong-cong"]
    task = task_at(plans["001"], 149)
    assert ids(task.lead) == ["so-cong-thuong", "trung-tam-xuc-tien-dau-tu-thuong-mai-va-du-lich"]
    assert ids(task.coordinating) == [NNPTNT]


def test_001_deadline_date_and_citation_dates(plans):
    assert task_at(plans["001"], 82).deadline.end == date(2022, 6, 6)
    # "Quyết định số 5519/QĐ-UBND ngày 30/12/2021" is a citation, not a deadline
    assert task_at(plans["001"], 91).deadline.kind == "none"


def test_002_body_and_appendix_section_9(plans):
    body = [(t.line, ids(t.lead)) for t in plans["002"].tasks if t.section == "II.9"]
    assert body == [
        (137, ["so-tai-nguyen-va-moi-truong"]),
        (138, ["so-tai-nguyen-va-moi-truong"]),
        (139, [BQL]),
        (141, ["ubnd-thanh-pho-thanh-hoa"]),
        (142, ["ubnd-thanh-pho-thanh-hoa"]),
    ]
    rows = [(t.line, t.row_number, t.deadline.text, t.details) for t in plans["002"].tasks if t.section == "PL.IX"]
    assert rows == [
        (401, "1", "Trong thời gian thực hiện Nghị quyết.", 137),
        (408, "2", "Quý IV/2022", 138),
        (415, "3", "Quý IV/2022", 139),
        (422, "4", "Quý III/2022", 141),
        (429, "5", "Quý IV/2022", 142),
    ]


def test_002_shared_head_in_a_list(plans):
    """"UBND huyện Đông Sơn, TP. Thanh Hóa" is two People's Committees."""
    task = task_at(plans["002"], 449, appendix=True)
    assert ids(task.coordinating)[:2] == ["ubnd-huyen-dong-son", "ubnd-thanh-pho-thanh-hoa"]


def test_003_agency_line_then_unbulleted_paragraph(plans):
    task = task_at(plans["003"], 61)
    assert ids(task.lead) == ["bao-thanh-hoa", "dai-phat-thanh-va-truyen-hinh-tinh"]
    assert task.text.startswith("Tổ chức tuyên truyền")
    # a parenthesised note after the last bullet is not a task
    assert all(t.line != 138 for t in plans["003"].tasks)


def test_003_section_5_whole(plans):
    got = [(t.line, ids(t.lead), ids(t.coordinating)) for t in plans["003"].tasks if t.section == "III.5"]
    assert got == [
        (97, ["so-khoa-hoc-va-cong-nghe"], [UNITS]),
        (98, ["so-khoa-hoc-va-cong-nghe"], [UNITS]),
        (99, ["so-khoa-hoc-va-cong-nghe"], [UNITS]),
        (100, ["so-khoa-hoc-va-cong-nghe"], [UNITS, "so-giao-duc-va-dao-tao"]),
        (102, ["truong-dai-hoc-hong-duc"], []),
        (104, ["so-lao-dong-thuong-binh-va-xa-hoi"], [UNITS]),
    ]


def test_004_section_3_2_and_appendix_group_iii_2(plans):
    body = [(t.line, ids(t.lead), t.deadline.text) for t in plans["004"].tasks if t.section == "II.3.2"]
    assert body == [
        (109, [BQL], "trước ngày 31/3/2022"),
        (113, [BQL], "trong Quý IV/2022"),
        (115, [NNPTNT], ""),
        (119, ["so-giao-thong-van-tai"], ""),
        (121, ["so-giao-thong-van-tai"], ""),
        (123, ["so-ke-hoach-va-dau-tu"], ""),
        (125, ["ubnd-huyen-tho-xuan"], ""),
    ]
    rows = [(t.row_number, ids(t.lead), t.deadline.kind, t.deadline.end) for t in plans["004"].tasks
            if t.section == "PL.III.2"]
    assert rows == [
        ("1", [BQL], "quarter", date(2022, 12, 31)),
        ("2", [NNPTNT], "ongoing", None),
        ("3", ["so-giao-thong-van-tai"], "period", date(2025, 12, 31)),
        ("4", ["so-giao-thong-van-tai"], "by-date", date(2029, 12, 31)),
        ("5", ["so-giao-thong-van-tai"], "ongoing", None),
        ("6", [BQL], "period", date(2030, 12, 31)),
        ("7", ["so-ke-hoach-va-dau-tu"], "ongoing", None),
    ]


def test_004_dash_line_that_continues_a_sentence(plans):
    """"- Bắc Sông Chu ..." after a page break continues the task above, it is not a task."""
    task = task_at(plans["004"], 221)
    assert task.end_line == 223 and "Bắc Sông Chu" in task.text
    assert all(t.line != 223 for t in plans["004"].tasks)
    assert ids(task.lead) == [NNPTNT, "so-ke-hoach-va-dau-tu", "so-tai-chinh", "ubnd-huyen-tho-xuan"]


def test_004_last_line_without_newline_is_read(plans):
    task = task_at(plans["004"], 423, appendix=True)
    assert ids(task.lead) == ["ubnd-huyen-tho-xuan"]
