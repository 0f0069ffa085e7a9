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
        # "100% đơn vị cấp huyện, 100% số xã đạt chuẩn nông thôn mới": what the second does
        # holds for the first, which says nothing
        ("đơn vị cấp huyện đạt chuẩn nông thôn mới", Decimal(100)),
        ("số xã đạt chuẩn nông thôn mới", Decimal(100)),
        ("số xã đạt chuẩn nông thôn mới nâng cao", Decimal(40)),
        ("số xã đạt chuẩn nông thôn mới kiểu mẫu", Decimal(10)),
    ]


def test_scope_of_city_and_district_plans(plans):
    assert {t.scope for t in plans["002"].targets} == {"city"}
    assert {t.scope for t in plans["004"].targets} == {"district"}
    assert {t.scope for t in plans["001"].targets} == {"province"}
    assert plans["004"].scope_area == "huyện Thọ Xuân"


# -- the cases of issue 17, each read by hand in data/sources/ -------------------------------

def _at(plan, line):
    return [t for t in plan.targets if t.line == line]


def test_targets_in_a_task_are_read_and_linked_to_it(plans):
    # 003 line 114, a "+" bullet: "..., bảo đảm đến năm 2025 tỷ lệ đô thị hóa đạt trên 40%,
    # đến năm 2030 đạt 50% trở lên."
    found = [(t.indicator, t.value, t.comparator, t.year, t.task_line) for t in _at(plans["003"], 114)]
    assert found == [("tỷ lệ đô thị hóa", Decimal(40), ">", 2025, 114), ("tỷ lệ đô thị hóa", Decimal(50), ">=", 2030, 114)]
    # 004 line 119: "nâng công suất lên 5 triệu hành khách/năm và 27.000 tấn hàng hóa/năm vào năm 2030"
    found = [(t.value, t.unit, t.year, t.task_line) for t in _at(plans["004"], 119)]
    assert found == [(Decimal(5), "triệu hành khách/năm", 2030, 119), (Decimal(27000), "tấn/năm", 2030, 119)]


def test_a_number_in_a_task_that_is_no_target_is_not_read(plans):
    # 000 line 234: "xây dựng Đề án xây dựng NTM trên địa bàn 15 xã biên giới": a place, not a goal
    assert _at(plans["000"], 234) == []
    found = find_targets([(1, "Bố trí vốn 500 tỷ đồng để đầu tư 3 trường học.")], strict=True)
    assert found == []


def test_rank_targets(plans):
    # 000 line 168: "Phấn đấu đến năm 2025, chỉ số năng lực cạnh tranh cấp tỉnh, chỉ số hiệu quả quản
    # trị và hành chính công cấp tỉnh, chỉ số cải cách hành chính đứng trong nhóm 10 tỉnh, thành phố
    # dẫn đầu cả nước", and for 2030 the first two "đứng trong nhóm 8 tỉnh, thành phố dẫn đầu cả nước"
    ranks = [(t.indicator, t.value, t.unit, t.comparator, t.year, t.rank_among)
             for t in _at(plans["000"], 168) if t.comparator == "top"]
    indices = ["chỉ số năng lực cạnh tranh cấp tỉnh", "chỉ số hiệu quả quản trị và hành chính công cấp tỉnh",
               "chỉ số cải cách hành chính"]
    assert ranks == [(i, Decimal(10), "hạng", "top", 2025, "cả nước") for i in indices] + [
        (i, Decimal(8), "hạng", "top", 2030, "cả nước") for i in indices[:2]]


def test_an_annual_target_holds_every_year(plans):
    # 000 line 278: "Phân đấu hằng năm, có 80% số xã, phường, thị trấn trở lên đạt tiêu chuẩn an toàn ..."
    (target,) = _at(plans["000"], 278)
    assert (target.value, target.comparator, target.annual, target.year, target.period) == (
        Decimal(80), ">=", True, None, None)


def test_totals_under_a_period_are_for_the_period(plans):
    # 002 line 92: "- Giai đoạn 2021 - 2025: Đến năm 2025, ...; 100% hồ sơ ...; tổng số doanh nghiệp
    # thành lập mới đạt 6.500 doanh nghiệp; tổng huy động vốn đầu tư phát triển đạt 180.000 tỷ đồng."
    found = {t.value_text: (t.year, t.period) for t in _at(plans["002"], 92)}
    assert found["100%"] == (2025, None)  # a state in 2025
    assert found["6.500 doanh nghiệp"] == (None, (2021, 2025)) == found["180.000 tỷ đồng"]


def test_rates_keep_their_base():
    targets = find_targets([(1, "Đến năm 2025, số bác sỹ/1 vạn dân đạt 13 bác sỹ; tỷ lệ bội chi ngân sách không quá "
                                "0,3% GRDP; thu nhập bình quân gấp 2,7 - 3,2 lần so với năm 2020.")])
    assert [(t.unit, t.base, t.base_year) for t in targets] == [
        ("bác sỹ/vạn dân", None, None), ("%", "GRDP", None), ("lần", None, 2020)]
    assert (targets[2].min_value, targets[2].max_value) == (Decimal("2.7"), Decimal("3.2"))


def test_an_indicator_is_the_whole_phrase_of_what_is_measured(plans):
    # 003 line 52: "100% các huyện, thị xã, thành phố và 80% các xã, phường, thị trấn hoàn thành
    # chuyển đổi số theo Bộ tiêu chí ..."
    found = [t.indicator for t in _at(plans["003"], 52) if t.unit == "%"]
    assert found[1:] == ["các huyện, thị xã, thành phố hoàn thành chuyển đổi số",
                         "các xã, phường, thị trấn hoàn thành chuyển đổi số"]


def test_targets_of_the_corpus():
    from pathlib import Path

    from plangraph.read.plan import read_document
    from plangraph.sources import read_source

    corpus = Path(__file__).resolve().parent / "corpus"

    def targets(name):
        plan = read_document(read_source(corpus / name))
        return {(t.line, t.value_text): t for t in plan.targets}

    # 12, Sơn La, goal 3 (lines 115-119): "Phấn đấu giá trị hàng hóa tham gia xuất khẩu đến năm
    # 2030 đạt 400 triệu USD, ... Trong đó: Giá trị sản phẩm nông sản, thực phẩm tham gia xuất khẩu
    # đạt 395 triệu USD; Giá trị hàng công nghiệp, tiểu thủ công nghiệp tham gia xuất khẩu đạt 05 triệu USD."
    son_la = targets("12_sonla_2954-qd-ubnd-2025.md")
    for value, indicator in [("400 triệu USD", "giá trị hàng hóa tham gia xuất khẩu"),
                             ("395 triệu USD", "giá trị sản phẩm nông sản, thực phẩm tham gia xuất khẩu"),
                             ("05 triệu USD", "giá trị hàng công nghiệp, tiểu thủ công nghiệp tham gia xuất khẩu")]:
        target = son_la[(115, value)]
        assert (target.indicator, target.unit, target.year) == (indicator, "triệu USD", 2030)
    assert son_la[(115, "395 triệu USD")].value == Decimal(395)
    # 14, Thành phố Hồ Chí Minh, the gender-equality indicators "Chỉ tiêu 1: Tăng tỷ lệ lao động nữ
    # làm công hưởng lương đạt 50% vào năm 2025" (129), "Chỉ tiêu 3: Tỷ lệ nữ giám đốc/chủ doanh
    # nghiệp, hợp tác xã đạt ít nhất 27% vào năm 2025" (138), "Chỉ tiêu 4: Từ năm 2025 trở đi, 100%
    # số nạn nhân bị mua bán trở về ..." (163)
    hcm = targets("14_hcm_174-kh-ubnd-2025.md")
    assert (hcm[(129, "50%")].indicator, hcm[(129, "50%")].year) == ("tỷ lệ lao động nữ làm công hưởng lương", 2025)
    women = hcm[(138, "27%")]
    assert (women.indicator, women.comparator, women.year) == ("tỷ lệ nữ giám đốc/chủ doanh nghiệp, hợp tác xã", ">=", 2025)
    victims = hcm[(163, "100%")]
    assert victims.indicator.startswith("số nạn nhân bị mua bán trở về") and victims.annual


def test_tables_of_targets():
    from pathlib import Path

    from plangraph.read.plan import read_document
    from plangraph.sources import read_source

    corpus = Path(__file__).resolve().parent / "corpus"
    # 12, Sơn La, Phụ lục 01 (lines 705-773): "TT | Chỉ tiêu | ĐVT | ƯTH Năm 2025 | GIAI ĐOẠN
    # 2026 - 2030" over "Năm 2026 | ... | Năm 2030"; row "Cà Phê" then "- | Diện tích | Ha |
    # 26.120 | 27.000 | 27.500 | 28.000 | 29.000 | 30.000": the estimate for 2025 is no target
    plan = read_document(read_source(corpus / "12_sonla_2954-qd-ubnd-2025.md"))
    coffee = [(t.value, t.unit, t.year) for t in plan.targets if t.indicator == "Cà Phê: Diện tích"]
    assert coffee == [(Decimal(v), "Ha", y) for v, y in
                      [("27000", 2026), ("27500", 2027), ("28000", 2028), ("29000", 2029), ("30000", 2030)]]
    # 11, Bắc Ninh, Phụ lục "PHÂN CÔNG THỰC HIỆN CÁC CHỈ TIÊU ... ĐẾN NĂM 2030": "TT | Chỉ tiêu |
    # Chủ trì", row 1 "Kinh tế số chiếm 45% GRDP tỉnh." (line 1388)
    plan = read_document(read_source(corpus / "11_bacninh_144-kh-ubnd-2025.md"))
    (digital,) = [t for t in plan.targets if t.line == 1388]
    assert (digital.indicator, digital.value, digital.base, digital.year) == ("kinh tế số", Decimal(45), "GRDP", 2030)
