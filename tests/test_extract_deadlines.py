"""Deadline phrases -> kind and dates (dateparser misreads these, so they are rules)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from plangraph.extract.deadlines import find_deadline_in_text, parse_deadline

CELLS = [
    ("Trước tháng 9/2021", "by-date", None, date(2021, 8, 31)),
    ("Tháng 10/2021", "month", date(2021, 10, 1), date(2021, 10, 31)),
    ("Quý IV/2022", "quarter", date(2022, 10, 1), date(2022, 12, 31)),
    ("trong Quý III năm 2022", "quarter", date(2022, 7, 1), date(2022, 9, 30)),
    ("trước ngày 31/3/2022", "by-date", None, date(2022, 3, 31)),
    ("chậm nhất trong quý II năm 2022", "quarter", date(2022, 4, 1), date(2022, 6, 30)),
    ("Năm 2023", "year", date(2023, 1, 1), date(2023, 12, 31)),
    ("Giai đoạn 2021 - 2025", "period", date(2021, 1, 1), date(2025, 12, 31)),
    ("Giai đoạn 2021 – 2025, riêng nội dung quy hoạch Cảng Nghi Sơn trong Quý IV/2021.", "period",
     date(2021, 1, 1), date(2025, 12, 31)),
    ("Trước năm 2030", "by-date", None, date(2029, 12, 31)),
    ("Trong quá trình thực hiện Nghị quyết", "ongoing", None, None),
    ("Trong thời gian thực hiện Nghị Quyết", "ongoing", None, None),
    ("Báo cáo định kỳ theo quy định", "none", None, None),
    ("Báo cáo theo quy định", "none", None, None),
    ("", "none", None, None),
    ("Báo cáo UBND tỉnh để trình Thủ tướng Chính phủ xem xét, phê duyệt trong Quý IV/2021", "quarter",
     date(2021, 10, 1), date(2021, 12, 31)),
    # the forms of the 2025 plans (tests/corpus/): bare cells, ranges of months and of days
    ("6/2025", "month", date(2025, 6, 1), date(2025, 6, 30)),
    ("12/2025", "month", date(2025, 12, 1), date(2025, 12, 31)),
    ("2026", "year", date(2026, 1, 1), date(2026, 12, 31)),
    ("2026 - 2030", "period", date(2026, 1, 1), date(2030, 12, 31)),
    ("2026-2027", "period", date(2026, 1, 1), date(2027, 12, 31)),
    ("Tháng 11 - 12/2025", "period", date(2025, 11, 1), date(2025, 12, 31)),
    ("Từ ngày 15/11/2025 đến ngày 15/12/2025", "period", date(2025, 11, 15), date(2025, 12, 15)),
    ("Quý I năm 2026", "quarter", date(2026, 1, 1), date(2026, 3, 31)),
    ("Hoàn thành trong năm 2025", "year", date(2025, 1, 1), date(2025, 12, 31)),
    ("Trước ngày 30/6/2025", "by-date", None, date(2025, 6, 30)),
    ("Trong năm 2026", "year", date(2026, 1, 1), date(2026, 12, 31)),
    ("Ban hành trong quý I năm 2026. Thực hiện rà soát, điều chỉnh (nếu có)", "quarter",
     date(2026, 1, 1), date(2026, 3, 31)),
    # a citation in a deadline cell is not a month, a count is not a year
    ("10/2021/NĐ-CP", "none", None, None),
    ("113 km", "none", None, None),
]


@pytest.mark.parametrize("cell,kind,start,end", CELLS)
def test_appendix_cells(cell, kind, start, end):
    deadline = parse_deadline(cell)
    assert (deadline.kind, deadline.start, deadline.end) == (kind, start, end)


def test_cell_text_is_kept_as_printed():
    assert parse_deadline("Gửi Sở Kế hoạch và Đầu tư trước ngày 31/3/2022").text == (
        "Gửi Sở Kế hoạch và Đầu tư trước ngày 31/3/2022"
    )


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Xây dựng Đề án X, báo cáo UBND tỉnh trước tháng 11 năm 2021.", ("by-date", date(2021, 10, 31))),
        ("báo cáo UBND tỉnh trước trong tháng 5 năm 2022.", ("month", date(2022, 5, 31))),
        # a period inside a programme's name is not a deadline
        ("Tổ chức thực hiện Chương trình phát triển Khu kinh tế Nghi Sơn giai đoạn 2021 - 2025.", ("none", None)),
        # "đến năm 2030" and "vào năm 2030" are horizons
        ("Đề án phát triển thủy sản đến năm 2030, tầm nhìn đến năm 2045.", ("none", None)),
        ("nâng công suất lên 5 triệu hành khách/năm vào năm 2030.", ("none", None)),
        # a citation's date is not a deadline
        ("Thực hiện Quyết định số 5519/QĐ-UBND ngày 30/12/2021 của UBND tỉnh.", ("none", None)),
        # the reporting deadline wins over an earlier period
        ("bảo tồn di tích trong giai đoạn 2021 - 2025; báo cáo UBND tỉnh trước Quý IV năm 2022.",
         ("by-date", date(2022, 9, 30))),
        ("Đề án X giai đoạn 2020 - 2025, tầm nhìn đến 2030; báo cáo UBND tỉnh chậm nhất trong quý II năm 2022.",
         ("quarter", date(2022, 6, 30))),
        ("; Giai đoạn 2022 - 2025, hoàn thành hạ tầng 6 cụm công nghiệp", ("period", date(2025, 12, 31))),
        ("báo cáo UBND tỉnh trong thời gian thực hiện Nghị quyết.", ("ongoing", None)),
        ("giải quyết các khó khăn trong quá trình thực hiện dự án", ("none", None)),
        # a duty that recurs every year is its time; "hằng năm" after a noun is not
        ("báo cáo UBND tỉnh tình hình thực hiện Kế hoạch (định kỳ hằng năm).", ("annual", None)),
        ("Định kỳ hàng năm tổng hợp, báo cáo UBND tỉnh.", ("annual", None)),
        ("định kì hằng năm báo cáo kết quả thực hiện.", ("annual", None)),
        ("Bố trí vốn trong kế hoạch đầu tư công hằng năm của tỉnh.", ("none", None)),
        ("Tốc độ tăng trưởng bình quân hằng năm đạt 11%.", ("none", None)),
        # a day, month or quarter of every year (08_chinhphu_394-nq-cp-2025.md line 507)
        ("Trước ngày 15 tháng 12 hàng năm, báo cáo tình hình, kết quả thực hiện Nghị quyết.", ("annual", None)),
        ("Các bộ, ngành báo cáo Bộ Tài chính chậm nhất ngày 20/12 hằng năm.", ("annual", None)),
        ("Tổng hợp, báo cáo trong quý IV hằng năm.", ("annual", None)),
        ("Định kỳ trước ngày 15/6 hằng năm, gửi báo cáo sơ kết.", ("annual", None)),
        # ... but a date of one year is that date, and a citation's date with "hằng năm" after it no deadline
        ("báo cáo UBND tỉnh trước ngày 15 tháng 12 năm 2025.", ("by-date", date(2025, 12, 15))),
        ("Thực hiện Nghị quyết số 12/NQ-HĐND ngày 10/7 hằng năm của HĐND tỉnh.", ("none", None)),
        # ... nor a month of every year that qualifies a noun, or where the work starts (review)
        ("Tổng hợp số liệu tháng 12 hằng năm của các sở.", ("none", None)),
        ("Triển khai từ tháng 3 hằng năm.", ("none", None)),
        ("Tháng 12 hằng năm, tổng hợp báo cáo kết quả.", ("annual", None)),
        ("Tổ chức hội nghị vào tháng 12 hằng năm.", ("annual", None)),
    ],
)
def test_deadlines_in_running_text(text, expected):
    deadline = find_deadline_in_text(text)
    assert (deadline.kind, deadline.end) == expected


@pytest.mark.parametrize("text,printed", [
    ("Trước ngày 15 tháng 12 hàng năm, báo cáo tình hình.", "Trước ngày 15 tháng 12 hàng năm"),
    ("báo cáo Bộ Tài chính chậm nhất ngày 20/12 hằng năm.", "chậm nhất ngày 20/12 hằng năm"),
    ("Định kỳ trước ngày 15/6 hằng năm, gửi báo cáo.", "Định kỳ trước ngày 15/6 hằng năm"),
])
def test_an_annual_date_keeps_its_words(text, printed):
    assert find_deadline_in_text(text).text == printed


def test_action_starting_with_thuong_xuyen_is_ongoing(plans):
    from conftest import task_at

    assert task_at(plans["002"], 60).deadline.kind == "ongoing"  # "Sở Y tế thường xuyên cập nhật ..."
    assert task_at(plans["001"], 75).deadline.kind == "none"  # "... ; thường xuyên rà soát" mid-sentence


# -- the time patterns found core first (issue 16: the same matches, faster) --------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from plangraph.extract import deadlines as _deadlines  # noqa: E402

_PIECES = ["trước ", "Trước ", "trong ", "chậm nhất là ", "chậm nhất ", "muộn nhất ", "vào ", "đến ", "cuối ",
           "từ ", "Từ ", "trước trong ", "ngày 15/11/2025", "ngày 5 tháng 3 năm 2024", "tháng 9/2021",
           "Tháng 11 - 12/2025", "quý IV/2022", "Quý 2 năm 2023", "năm 2030", "giai đoạn 2021 - 2025",
           "ngày 1/2 - 3/4/2025", "tháng 3/2026 đến tháng 6/2026", ", ", "; ", " ", "Sở Y tế ", "báo cáo ",
           "số 12/QĐ-UBND ", "x", "  "]


def _as_one_pattern(led: "_deadlines._LedBy") -> re.Pattern:
    return re.compile(led.lead.pattern + led.core.pattern, re.IGNORECASE)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=8))
def test_core_first_finds_what_one_pattern_finds(pieces):
    text = "".join(pieces)
    for name in ("_DATE_RE", "_MONTH_RE", "_QUARTER_RE", "_PERIOD_RE", "_YEAR_RE", "_DATE_RANGE_RE",
                 "_MONTH_RANGE_RE"):
        led = getattr(_deadlines, name)
        expected = [(m.start(), m.end(), m.groupdict()) for m in _as_one_pattern(led).finditer(text)]
        names = set(led.core.groupindex) | set(led.lead.groupindex)
        found = [(m.start(), m.end(), {k: m[k] for k in names}) for m in led.finditer(text)]
        assert found == expected, (name, text)
