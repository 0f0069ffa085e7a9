"""Agency names: variants, abbreviations, lists, collectives, registry integrity."""

from __future__ import annotations

import pytest

from plangraph.errors import RegistryError
from plangraph.extract.agencies import AgencyResolver, RegistryEntry, name_key


@pytest.mark.parametrize(
    "printed,expected",
    [
        ("Sở NN&PTNT", "so-nong-nghiep-va-phat-trien-nong-thon"),
        ("Sở Nông nghiệp và PTNT", "so-nong-nghiep-va-phat-trien-nong-thon"),
        ("Sở Nông nghiệp và Phát triển Nông thôn", "so-nong-nghiep-va-phat-trien-nong-thon"),
        ("Ban Quản lý KKT Nghi Sơn và các KCN", "ban-quan-ly-khu-kinh-te-nghi-son-va-cac-khu-cong-nghiep"),
        ("Ban quản lý Khu Kinh tế Nghi Sơn và các khu công nghiệp",
         "ban-quan-ly-khu-kinh-te-nghi-son-va-cac-khu-cong-nghiep"),
        ("UBND TP. Thanh Hóa", "ubnd-thanh-pho-thanh-hoa"),
        ("UBND thành phố Thanh Hoá", "ubnd-thanh-pho-thanh-hoa"),
        ("Sở Thông tin Truyền thông", "so-thong-tin-va-truyen-thong"),
        ("Sở Lao động, Thương binh và Xã hội", "so-lao-dong-thuong-binh-va-xa-hoi"),
        ("SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "so-ke-hoach-va-dau-tu"),
        ("Sở KH&ĐT", "so-ke-hoach-va-dau-tu"),
        ("Sở Y tế", "so-y-te"),
    ],
)
def test_variants_resolve(resolver, printed, expected):
    assert resolver.resolve(printed) == expected


def test_collectives_are_not_agencies(resolver):
    for phrase in ("các sở, ban, ngành cấp tỉnh", "UBND các huyện, thị xã, thành phố", "các đơn vị liên quan"):
        entity = resolver.resolve(phrase)
        assert entity and resolver.entries[entity].is_collective, phrase


def test_distributed_list_is_three_agencies(resolver):
    found = resolver.parse_list("Các sở: Giao thông vận tải, Xây dựng, Tài chính")
    assert [m.entity_id for m in found] == ["so-giao-thong-van-tai", "so-xay-dung", "so-tai-chinh"]


def test_va_inside_and_between_names(resolver):
    found = resolver.parse_list(
        "Sở Tài chính, Sở Nông nghiệp và PTNT, Ban Quản lý KKT Nghi Sơn và các KCN và các đơn vị liên quan"
    )
    assert [m.entity_id for m in found] == [
        "so-tai-chinh", "so-nong-nghiep-va-phat-trien-nong-thon",
        "ban-quan-ly-khu-kinh-te-nghi-son-va-cac-khu-cong-nghiep", "cac-don-vi-lien-quan",
    ]


def test_unknown_name_is_not_guessed(resolver):
    assert resolver.parse_list("Sở Không Tồn Tại") is None
    assert resolver.longest_list_prefix("Tham mưu các giải pháp") is None


def test_diacritics_matter_unless_unambiguous(resolver):
    # without diacritics there is still exactly one candidate
    assert resolver.resolve("So Y te") == "so-y-te"
    assert name_key("Sở Y tế") != name_key("So Y te")


def test_duplicate_alias_is_refused():
    entries = [
        RegistryEntry("a", "Sở A", "", False, source="x"),
        RegistryEntry("b", "Sở B", "", False, aliases=["Sở A"], source="x"),
    ]
    with pytest.raises(RegistryError):
        AgencyResolver(entries)


def test_registry_sources_point_to_real_lines(resolver):
    """Every registry entry names a source line; the name (or an alias) is printed near it."""
    from conftest import SOURCES
    from plangraph.text import fold

    for entry in resolver.entries.values():
        file, _, line = entry.source.partition(":")
        lines = (SOURCES / file).read_text(encoding="utf-8").splitlines()
        window = fold(" ".join(lines[max(0, int(line) - 3): int(line) + 2]))
        names = [entry.name, *entry.aliases]
        assert any(fold(name_part) in window for name in names for name_part in [name.split(",")[0]]), entry.id


def test_no_unregistered_agency_in_the_five_plans(plans):
    for plan in plans.values():
        for task in plan.tasks:
            for mention in [*task.lead, *task.coordinating]:
                assert not mention.entity_id.startswith("unregistered-"), (plan.source_file, task.line)
        assert not [w for w in plan.warnings if "unknown agency" in w or "names no agency" in w]


# -- names in an open world: a kind of body and its fields ------------------------------------

@pytest.mark.parametrize("text,names,rest", [
    # 11_bacninh_144-kh-ubnd-2025.md line 1290: the businesses of two fields
    ("Doanh nghiệp viễn thông, bưu chính ưu tiên đầu tư nâng cấp hạ tầng số",
     ["Doanh nghiệp viễn thông, bưu chính"], "ưu tiên đầu tư nâng cấp hạ tầng số"),
    ("Doanh nghiệp nhà nước, tư nhân tham gia đầu tư", ["Doanh nghiệp nhà nước, tư nhân"], "tham gia đầu tư"),
    ("Doanh nghiệp viễn thông, bưu chính", ["Doanh nghiệp viễn thông, bưu chính"], ""),
    # ... but not what the body does, another kind of body, or a sentence that goes on
    ("Doanh nghiệp viễn thông, triển khai thực hiện", ["Doanh nghiệp viễn thông"], "triển khai thực hiện"),
    ("Doanh nghiệp viễn thông, nhất là doanh nghiệp nhỏ và vừa thực hiện", ["Doanh nghiệp viễn thông"],
     "nhất là doanh nghiệp nhỏ và vừa thực hiện"),
    ("Doanh nghiệp, hợp tác xã tham gia", ["Doanh nghiệp"], "hợp tác xã tham gia"),
    ("Sở Y tế, bưu chính ưu tiên", ["Sở Y tế"], "bưu chính ưu tiên"),  # a proper name has no fields
    # "quản lý" right after "cơ quan", "đơn vị" names the managing bodies (03_quangngai_1627-qd-ubnd-2025.md
    # line 389: "các cơ quan quản lý cấp trên"; it read "Các cơ quan"), but is a verb elsewhere
    ("Cơ quan quản lý nhà nước về đất đai kiểm tra", ["Cơ quan quản lý nhà nước"], "về đất đai kiểm tra"),
    ("các cơ quan quản lý, sử dụng tài sản công", ["các cơ quan quản lý"], "sử dụng tài sản công"),
    ("Sở Y tế quản lý chặt chẽ", ["Sở Y tế"], "quản lý chặt chẽ"),
    ("Các cơ quan, đơn vị quản lý chặt chẽ", ["Các cơ quan, đơn vị"], "quản lý chặt chẽ"),
    # (review) "quản lý" and how: the verb; "cấp trên" whole; "quản lý" and what it manages
    ("Các cơ quan quản lý chặt chẽ việc cấp phép", ["Các cơ quan"], "quản lý chặt chẽ việc cấp phép"),
    ("Sở Tài chính, các đơn vị quản lý hiệu quả nguồn vốn", ["Sở Tài chính", "các đơn vị"],
     "quản lý hiệu quả nguồn vốn"),
    ("Các cơ quan quản lý cấp trên hướng dẫn thực hiện", ["Các cơ quan quản lý cấp trên"], "hướng dẫn thực hiện"),
    ("các đơn vị quản lý dự án triển khai", ["các đơn vị quản lý dự án"], "triển khai"),
    # (review) words of time and manner open the predicate; a field printed with two spaces
    ("Các doanh nghiệp viễn thông, hằng năm báo cáo kết quả", ["Các doanh nghiệp viễn thông"],
     "hằng năm báo cáo kết quả"),
    ("Doanh nghiệp viễn thông, sớm triển khai", ["Doanh nghiệp viễn thông"], "sớm triển khai"),
    ("Doanh nghiệp viễn thông, đồng thời phải báo cáo", ["Doanh nghiệp viễn thông"], "đồng thời phải báo cáo"),
    ("Doanh nghiệp viễn thông, bưu  chính ưu tiên", ["Doanh nghiệp viễn thông, bưu  chính"], "ưu tiên"),
    ("Doanh nghiệp vận tải, hàng không có trách nhiệm", ["Doanh nghiệp vận tải, hàng không"], "có trách nhiệm"),
])
def test_a_kind_of_body_keeps_its_fields(text, names, rest):
    from plangraph.read.names import scan_names

    found, after = scan_names(text)
    assert ([name.text for name in found], after) == (names, rest)
