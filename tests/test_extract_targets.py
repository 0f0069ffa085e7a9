"""Targets: Vietnamese numbers, comparators, compound sentences, years and periods."""

from __future__ import annotations

from decimal import Decimal

from plangraph.extract.targets import find_targets
from plangraph.text import parse_vn_number


def test_vietnamese_numbers():
    assert parse_vn_number("5.200") == Decimal("5200")
    assert parse_vn_number("0,3") == Decimal("0.3")
    assert parse_vn_number("750.000") == Decimal("750000")
    assert parse_vn_number("16,71") == Decimal("16.71")
    assert parse_vn_number("abc") is None


def _by(targets, indicator_part, year=None):
    found = [t for t in targets if indicator_part in t.indicator and (year is None or t.year == year)]
    assert found, indicator_part
    return found[0]


def test_comparators():
    text = ("Giai đoạn 2021 - 2025, tăng trưởng đạt 11% trở lên; tỷ lệ bội chi không quá 0,3% GRDP; "
            "tỷ lệ hộ nghèo dưới 1,1%; tỷ lệ người tham gia đạt trên 95%; tỷ trọng đóng góp khoảng 4%; "
            "TFP đạt tối thiểu 40%.")
    targets = find_targets([(1, text)])
    assert [(t.value, t.comparator, t.approximate) for t in targets] == [
        (Decimal(11), ">=", False), (Decimal("0.3"), "<=", False), (Decimal("1.1"), "<", False),
        (Decimal(95), ">", False), (Decimal(4), "=", True), (Decimal(40), ">=", False),
    ]
    assert all(t.period == (2021, 2025) for t in targets)


def test_compound_sentence_one_target_per_number(plans):
    targets = [t for t in plans["000"].targets if t.year == 2025 and "cơ cấu" in t.indicator]
    assert [(t.indicator.split(": ")[1], t.value) for t in targets] == [
        ("nông, lâm, thủy sản", Decimal("5.9")),
        ("công nghiệp - xây dựng", Decimal("53.8")),
        ("dịch vụ", Decimal("30.5")),
        ("thuế sản phẩm", Decimal("9.8")),
    ]


def test_conflicting_2025_grdp_structure_between_plans(plans):
    """The two plans set different 2025 GRDP structures: 5,9% vs 8,0% for agriculture."""
    def structure(key):
        return {t.indicator.split(": ")[1].lower(): t.value for t in plans[key].targets
                if t.year == 2025 and t.indicator.startswith("cơ cấu các ngành kinh tế trong GRDP")}

    assert structure("001") == {
        "nông, lâm nghiệp, thủy sản": Decimal("8.0"), "công nghiệp - xây dựng": Decimal("53.3"),
        "dịch vụ": Decimal("33.3"), "thuế sản phẩm": Decimal("5.4"),
    }
    assert structure("000")["công nghiệp - xây dựng"] == Decimal("53.8")


def test_units_and_values(plans):
    t = _by(plans["000"].targets, "GRDP bình quân đầu người", 2025)
    assert (t.value, t.unit) == (Decimal(5200), "USD")
    t = _by(plans["000"].targets, "kim ngạch xuất khẩu", 2030)
    assert (t.value, t.unit) == (Decimal(15), "tỷ USD")
    t = _by(plans["001"].targets, "tỷ lệ bội chi")
    assert (t.value, t.unit, t.comparator, t.period) == (Decimal("0.3"), "%", "<=", (2021, 2025))
    t = _by(plans["001"].targets, "tổng huy động vốn")
    assert (t.value, t.unit, t.period) == (Decimal(750000), "tỷ đồng", (2021, 2025))


def test_ranges(plans):
    t = _by(plans["001"].targets, "khu vực doanh nghiệp")
    assert (t.min_value, t.max_value, t.unit, t.approximate) == (Decimal(65), Decimal(70), "%", True)
    t = _by(plans["003"].targets, "thu nhập bình quân")
    assert (t.min_value, t.max_value, t.unit, t.year) == (Decimal("2.7"), Decimal("3.2"), "lần", 2030)


def test_number_first_indicators(plans):
    targets = [t for t in plans["003"].targets if t.line == 53]
    assert [(t.indicator, t.value) for t in targets] == [
        ("tỷ lệ đô thị hoá", Decimal(50)),
        ("đơn vị cấp huyện", Decimal(100)),
        ("số xã đạt chuẩn nông thôn mới", Decimal(100)),
        ("số xã đạt chuẩn nông thôn mới nâng cao", Decimal(40)),
        ("số xã đạt chuẩn nông thôn mới kiểu mẫu", Decimal(10)),
    ]


def test_scope_of_city_and_district_plans(plans):
    assert {t.scope for t in plans["002"].targets} == {"city"}
    assert {t.scope for t in plans["004"].targets} == {"district"}
    assert {t.scope for t in plans["001"].targets} == {"province"}
    assert plans["004"].scope_area == "huyện Thọ Xuân"
