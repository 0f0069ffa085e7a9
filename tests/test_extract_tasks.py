"""Tasks of the five plans: counts, whole sections, appendix groups (hand-checked)."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import ids, task_at

# (body tasks, appendix rows) counted by hand in each document.
# 002 and 004 each have three more body tasks than the first reader found: the duties of
# "Đối với UBND thành phố Thanh Hóa" (002 lines 156-158) and "Đối với UBND huyện Thọ Xuân"
# (004 lines 327-331) in their Tổ chức thực hiện sections.
COUNTS = {"000": (63, 50), "001": (98, 0), "002": (56, 39), "003": (47, 0), "004": (69, 49)}

NNPTNT = "thanh-hoa/so-nong-nghiep-va-phat-trien-nong-thon"
BQL = "thanh-hoa/ban-quan-ly-khu-kinh-te-nghi-son-va-cac-khu-cong-nghiep"
UNITS = "thanh-hoa/cac-don-vi-lien-quan"


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
        (126, ["thanh-hoa/so-cong-thuong"], [UNITS], "by-date", date(2021, 10, 31)),
        (128, ["thanh-hoa/so-cong-thuong"], [UNITS], "by-date", date(2021, 8, 31)),
        (132, ["thanh-hoa/so-xay-dung"], [UNITS], "quarter", date(2022, 6, 30)),
        (134, ["thanh-hoa/so-xay-dung"], [UNITS], "by-date", date(2021, 10, 31)),
        (138, ["thanh-hoa/so-van-hoa-the-thao-va-du-lich"], [UNITS], "period", date(2022, 12, 31)),
        (142, ["thanh-hoa/so-ke-hoach-va-dau-tu"], [UNITS], "by-date", date(2021, 8, 31)),
        (144, ["thanh-hoa/ban-dan-toc"], [UNITS], "by-date", date(2021, 11, 30)),
    ]


def test_000_wrapped_bullet_keeps_its_first_line(plans):
    task = task_at(plans["000"], 108)
    assert task.end_line == 110
    assert "hàng hóa quy mô lớn" in task.text  # the part after the page break


def test_000_appendix_group_4_whole(plans):
    """Group 4: rows cut by page breaks, a lead cell split mid-name ("Sở Tài" / "chính")."""
    rows = {t.row_number: t for t in plans["000"].tasks if t.section == "PL.4"}
    assert sorted(rows) == ["1", "2", "3", "4"]
    assert ids(rows["1"].lead) == ["thanh-hoa/so-giao-thong-van-tai", "thanh-hoa/so-ke-hoach-va-dau-tu", "thanh-hoa/so-tai-chinh"]
    assert ids(rows["1"].coordinating) == ["thanh-hoa/cac-so-ban-nganh-cap-tinh", "thanh-hoa/ubnd-cac-huyen-thi-xa-thanh-pho", UNITS]
    assert rows["1"].text.startswith("Đầu mối, huy động") and "xây dựng và sớm hoàn thành" in rows["1"].text
    assert rows["1"].output == "Các dự án kết cấu hạ tầng giao thông"
    assert ids(rows["2"].coordinating) == [
        "thanh-hoa/so-tai-chinh", NNPTNT, "thanh-hoa/so-tai-nguyen-va-moi-truong", BQL, UNITS,
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
    assert ids(task.lead) == ["thanh-hoa/cac-so-ban-nganh-cap-tinh", "thanh-hoa/ubnd-cac-huyen-thi-xa-thanh-pho"]
    assert task.deadline.kind == "ongoing"


def test_000_distributed_department_list(plans):
    task = task_at(plans["000"], 326, appendix=True)
    assert ids(task.coordinating) == [
        "thanh-hoa/so-xay-dung", "thanh-hoa/so-ke-hoach-va-dau-tu", "thanh-hoa/so-tai-chinh", NNPTNT, UNITS,
    ]


def test_001_lettered_intro_with_dash_bullets(plans):
    """1.2: an unlettered intro "Sở Tài chính chủ trì, phối hợp với đơn vị liên quan:" and 4 bullets."""
    tasks = [t for t in plans["001"].tasks if t.section == "III.1.2"]
    assert [t.line for t in tasks] == [59, 60, 61, 62]
    assert all(ids(t.lead) == ["thanh-hoa/so-tai-chinh"] for t in tasks)


def test_001_several_leads_without_chu_tri(plans):
    task = task_at(plans["001"], 135)
    assert ids(task.lead) == [BQL, "thanh-hoa/ubnd-thi-xa-nghi-son", "thanh-hoa/ubnd-huyen-nong-cong"]
    task = task_at(plans["001"], 149)
    assert ids(task.lead) == ["thanh-hoa/so-cong-thuong", "thanh-hoa/trung-tam-xuc-tien-dau-tu-thuong-mai-va-du-lich"]
    assert ids(task.coordinating) == [NNPTNT]


def test_001_deadline_date_and_citation_dates(plans):
    assert task_at(plans["001"], 82).deadline.end == date(2022, 6, 6)
    # "Quyết định số 5519/QĐ-UBND ngày 30/12/2021" is a citation, not a deadline
    assert task_at(plans["001"], 91).deadline.kind == "none"


def test_002_body_and_appendix_section_9(plans):
    body = [(t.line, ids(t.lead)) for t in plans["002"].tasks if t.section == "II.9"]
    assert body == [
        (137, ["thanh-hoa/so-tai-nguyen-va-moi-truong"]),
        (138, ["thanh-hoa/so-tai-nguyen-va-moi-truong"]),
        (139, [BQL]),
        (141, ["thanh-hoa/ubnd-thanh-pho-thanh-hoa"]),
        (142, ["thanh-hoa/ubnd-thanh-pho-thanh-hoa"]),
    ]
    rows = [(t.line, t.row_number, t.deadline.text, t.details) for t in plans["002"].tasks if t.section == "PL.IX"]
    # an appendix row is at the line of its content cell (each cell is on a line of its own)
    assert rows == [
        (402, "1", "Trong thời gian thực hiện Nghị quyết.", 137),
        (409, "2", "Quý IV/2022", 138),
        (416, "3", "Quý IV/2022", 139),
        (423, "4", "Quý III/2022", 141),
        (430, "5", "Quý IV/2022", 142),
    ]


def test_002_shared_head_in_a_list(plans):
    """"UBND huyện Đông Sơn, TP. Thanh Hóa" is two People's Committees."""
    task = task_at(plans["002"], 450, appendix=True)
    assert ids(task.coordinating)[:2] == ["thanh-hoa/ubnd-huyen-dong-son", "thanh-hoa/ubnd-thanh-pho-thanh-hoa"]


def test_003_agency_line_then_unbulleted_paragraph(plans):
    task = task_at(plans["003"], 61)
    assert ids(task.lead) == ["thanh-hoa/bao-thanh-hoa", "thanh-hoa/dai-phat-thanh-va-truyen-hinh-tinh"]
    assert task.text.startswith("Tổ chức tuyên truyền")
    # a parenthesised note after the last bullet is not a task
    assert all(t.line != 138 for t in plans["003"].tasks)


def test_003_section_5_whole(plans):
    got = [(t.line, ids(t.lead), ids(t.coordinating)) for t in plans["003"].tasks if t.section == "III.5"]
    assert got == [
        (97, ["thanh-hoa/so-khoa-hoc-va-cong-nghe"], [UNITS]),
        (98, ["thanh-hoa/so-khoa-hoc-va-cong-nghe"], [UNITS]),
        (99, ["thanh-hoa/so-khoa-hoc-va-cong-nghe"], [UNITS]),
        (100, ["thanh-hoa/so-khoa-hoc-va-cong-nghe"], [UNITS, "thanh-hoa/so-giao-duc-va-dao-tao"]),
        (102, ["thanh-hoa/truong-dai-hoc-hong-duc"], []),
        (104, ["thanh-hoa/so-lao-dong-thuong-binh-va-xa-hoi"], [UNITS]),
    ]


def test_004_section_3_2_and_appendix_group_iii_2(plans):
    body = [(t.line, ids(t.lead), t.deadline.text) for t in plans["004"].tasks if t.section == "II.3.2"]
    assert body == [
        (109, [BQL], "trước ngày 31/3/2022"),
        (113, [BQL], "trong Quý IV/2022"),
        (115, [NNPTNT], ""),
        (119, ["thanh-hoa/so-giao-thong-van-tai"], ""),
        (121, ["thanh-hoa/so-giao-thong-van-tai"], ""),
        (123, ["thanh-hoa/so-ke-hoach-va-dau-tu"], ""),
        (125, ["thanh-hoa/ubnd-huyen-tho-xuan"], ""),
    ]
    rows = [(t.row_number, ids(t.lead), t.deadline.kind, t.deadline.end) for t in plans["004"].tasks
            if t.section == "PL.III.2"]
    assert rows == [
        ("1", [BQL], "quarter", date(2022, 12, 31)),
        ("2", [NNPTNT], "ongoing", None),
        ("3", ["thanh-hoa/so-giao-thong-van-tai"], "period", date(2025, 12, 31)),
        ("4", ["thanh-hoa/so-giao-thong-van-tai"], "by-date", date(2029, 12, 31)),
        ("5", ["thanh-hoa/so-giao-thong-van-tai"], "ongoing", None),
        ("6", [BQL], "period", date(2030, 12, 31)),
        ("7", ["thanh-hoa/so-ke-hoach-va-dau-tu"], "ongoing", None),
    ]


def test_004_dash_line_that_continues_a_sentence(plans):
    """"- Bắc Sông Chu ..." after a page break continues the task above, it is not a task."""
    task = task_at(plans["004"], 221)
    assert task.end_line == 223 and "Bắc Sông Chu" in task.text
    assert all(t.line != 223 for t in plans["004"].tasks)
    assert ids(task.lead) == [NNPTNT, "thanh-hoa/so-ke-hoach-va-dau-tu", "thanh-hoa/so-tai-chinh", "thanh-hoa/ubnd-huyen-tho-xuan"]


def test_004_last_line_without_newline_is_read(plans):
    task = task_at(plans["004"], 423, appendix=True)
    assert ids(task.lead) == ["thanh-hoa/ubnd-huyen-tho-xuan"]
