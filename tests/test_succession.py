"""Who owes it today: the five plans' agencies across the 2025 reorganisation (issue 13).

The counts are the plans' own, taken from the graph as printed: Sở Tài chính leads or
coordinates 53 tasks and Sở Kế hoạch và Đầu tư 84 (tests/test_query.py), so Sở Tài chính
holds 137 today; Sở Tài nguyên và Môi trường (38) and Sở Nông nghiệp và Phát triển nông thôn
(43) make the 81 of Sở Nông nghiệp và Môi trường, which no plan names.
"""

from __future__ import annotations

import csv
import io
from collections import Counter

import pytest
from click.testing import CliRunner

from plangraph.cli import cli
from plangraph.cli.query import run_named

TODAY = {}  # the queries' default: today (after every change of the registry, all in 2025)
PRINTED = {"as-printed": "true"}
BEFORE = {"as-of": "2024-12-31"}
ID = "https://w3id.org/plangraph/id/"


@pytest.fixture(scope="module")
def store(tmp_path_factory, built):
    from plangraph.store import EmbeddedStore

    graph = tmp_path_factory.mktemp("succession") / "plangraph.ttl"
    graph.write_text(built.turtle, encoding="utf-8")
    return EmbeddedStore(graph)


def rows(store, agency, when=TODAY, **params):
    result = run_named(store, "tasks-of-agency", {"agency": agency, **params, **when})
    return [{key: term.value for key, term in row.items()} for row in result]


def holdings(found):
    """(task, role) of each row, as a multiset: a task held twice (named in the plan and taken
    over from a body merged into its holder) counts twice."""
    return Counter((row["task"], row["role"]) for row in found)


def invoke(store, *args):
    return CliRunner().invoke(cli, [*args, "--graph", str(store.graph_file)])


def csv_rows(result):
    import csv
    import io

    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout), delimiter="\t", quoting=csv.QUOTE_NONE))


def test_finance_today_holds_its_own_tasks_and_those_of_planning_and_investment(store):
    own, planning = rows(store, "Sở Tài chính", PRINTED), rows(store, "Sở Kế hoạch và Đầu tư", PRINTED)
    today = rows(store, "Sở Tài chính")
    assert (len(own), len(planning), len(today)) == (53, 84, 137)
    assert holdings(today) == holdings(own) + holdings(planning)
    marks = Counter(row.get("succession", "") for row in today)
    assert marks == {"": 53, "inherited from Sở Kế hoạch và Đầu tư, merged 2025-03-01": 84}
    # the CLI says so in a column of its own, for programs and for people (CSV folds the
    # appendix rows that restate a body task held the same way)
    table = csv_rows(invoke(store, "tasks", "--agency", "Sở Tài chính", "-f", "tsv"))
    assert list(table[0])[-2:] == ["succession", "task"]
    assert sum(row["succession"] == "inherited from Sở Kế hoạch và Đầu tư, merged 2025-03-01" for row in table) == 84
    sheet = invoke(store, "tasks", "--agency", "Sở Tài chính", "-f", "csv")
    people = list(csv.DictReader(io.StringIO(sheet.stdout.lstrip("\ufeff"))))
    assert list(people[0])[:3] == ["Agency", "Role", "Succession"]
    inherited = [row for row in people if row["Succession"] == "inherited from Sở Kế hoạch và Đầu tư, merged 2025-03-01"]
    assert inherited and len(inherited) < 84 and len(people) - len(inherited) < 53
    assert {row["Agency"] for row in people} == {"Sở Tài chính"}


def test_agriculture_and_environment_today_holds_both_merged_departments(store):
    environment = rows(store, "Sở Tài nguyên và Môi trường", PRINTED)
    agriculture = rows(store, "Sở Nông nghiệp và Phát triển nông thôn", PRINTED)
    today = rows(store, "Sở Nông nghiệp và Môi trường")
    assert (len(environment), len(agriculture), len(today)) == (38, 43, 81)
    assert holdings(today) == holdings(environment) + holdings(agriculture)
    assert Counter(row["succession"] for row in today) == {
        "inherited from Sở Tài nguyên và Môi trường, merged 2025-03-01": 38,
        "inherited from Sở Nông nghiệp và Phát triển nông thôn, merged 2025-03-01": 43}
    # no plan names it, yet it is an agency of Thanh Hóa in the graph
    graph = store.graph_file.read_text(encoding="utf-8")
    assert "<agency/thanh-hoa/so-nong-nghiep-va-moi-truong>\n    a org:Organization ,\n        pg:Agency ;" in graph
    assert rows(store, "Sở Nông nghiệp và Môi trường", PRINTED) == []


def test_a_department_made_by_a_merger_is_one_of_the_provincial_departments_from_its_first_day(store):
    # "các sở, ban, ngành cấp tỉnh" (a collective the plans give tasks to) takes in today's
    # departments: Sở Nông nghiệp và Môi trường got none of them before (no plan names it)
    collective = Counter(row["role"] for row in rows(store, "Sở Tài chính", collectives="true")
                         if row["role"].endswith("(collective)"))
    today = rows(store, "Sở Nông nghiệp và Môi trường", collectives="true")
    assert Counter(row["role"] for row in today if row["role"].endswith("(collective)")) == collective
    assert sum(collective.values()) == 46
    # ... from the day it was made, and not as the plans print it
    assert rows(store, "Sở Nông nghiệp và Môi trường", {"as-of": "2025-02-28"}, collectives="true") == []
    assert rows(store, "Sở Nông nghiệp và Môi trường", PRINTED, collectives="true") == []
    assert len(rows(store, "Sở Nông nghiệp và Môi trường", {"as-of": "2025-03-01"}, collectives="true")) == 81 + 46
    # the departments it replaced: members until they ended
    old = rows(store, "Sở Tài nguyên và Môi trường", {"as-of": "2025-02-28"}, collectives="true")
    assert sum(row["role"].endswith("(collective)") for row in old) == 46
    ended = rows(store, "Sở Tài nguyên và Môi trường", {"as-of": "2025-03-01"}, collectives="true")
    assert not any(row["role"].endswith("(collective)") for row in ended)


def test_as_printed_gives_the_counts_of_the_plans(store):
    # every agency of the graph: as many rows as the plans give it lead and coordinating roles
    counts = store.query("""PREFIX pg: <https://w3id.org/plangraph/ontology#>
        SELECT ?agency (COUNT(*) AS ?n) WHERE { ?agency a pg:Agency .
          { ?task pg:leadAgency ?agency } UNION { ?task pg:coordinatingAgency ?agency } } GROUP BY ?agency""")
    expected = {row["agency"].value: int(row["n"].value) for row in counts}
    assert len(expected) == 39
    for agency, count in expected.items():
        found = rows(store, agency, PRINTED)
        assert len(found) == count, agency
        assert not any(row.get("succession") for row in found)
    assert [len(rows(store, name, PRINTED)) for name in ("Sở Y tế", "Sở Kế hoạch và Đầu tư", "UBND huyện Thọ Xuân")] \
        == [16, 84, 85]


def test_nothing_is_inherited_as_of_the_last_day_of_2024(store):
    agencies = [row["a"].value for row in store.query(
        "PREFIX pg: <https://w3id.org/plangraph/ontology#> SELECT ?a WHERE { ?a a pg:Agency }")]
    assert len(agencies) == 42  # the 39 the plans name, and the 3 bodies formed in 2025
    for agency in agencies:
        before = rows(store, agency, BEFORE)
        assert not any(row.get("succession") for row in before), agency
        assert before == rows(store, agency, PRINTED), agency


def test_a_task_of_labour_about_employment_goes_to_home_affairs(store):
    # 001:86, "hoàn thiện hệ thống thông tin thị trường lao động ... dịch vụ việc làm": the
    # work that stayed with the main successor
    home = {row["source"]: row for row in rows(store, "Sở Nội vụ")}
    note = home["001_6a9639a9452fe57b.txt:86"]["succession"]
    assert note == ("inherited from Sở Lao động - Thương binh và Xã hội, merged 2025-03-01 "
                    "(labour, employment, people with merit: “thị trường lao động”, “việc làm”)")
    # vocational training went to Sở Giáo dục và Đào tạo (002:128 "đào tạo nghề ... dạy nghề")
    education = {row["source"]: row.get("succession") for row in rows(store, "Sở Giáo dục và Đào tạo")}
    assert education["002_5ed02d632c79bce9.txt:128"].endswith("(vocational education: “dạy nghề”, “đào tạo nghề”)")
    # 003:137 names social assistance once among labour, people with merit and unemployment
    # insurance: it stays with the main successor, and the graph says why
    assert "003_d935930fee5a67bf.txt:137" in home
    why = store.query("""PREFIX pg: <https://w3id.org/plangraph/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?why WHERE { ?h pg:task <https://w3id.org/plangraph/id/plan/thanh-hoa/2023-1992/task/L137> ;
                                   rdfs:comment ?why } ORDER BY ?why""").values()
    assert why[0] == ("Sở Nội vụ, cơ quan kế thừa chính: nội dung nói về lao động, việc làm, người có công, lĩnh vực "
                      "vẫn ở lại đây, nhiều hơn về các việc đã chuyển đi nơi khác. Từ khóa tìm thấy: lao động, việc làm, "
                      "người có công (ở lại Sở Nội vụ): “bảo hiểm thất nghiệp”, “người có công”, “việc làm”; bảo trợ xã "
                      "hội, trẻ em, phòng, chống tệ nạn xã hội (chuyển sang Sở Y tế): “trợ giúp xã hội”",)
    assert why[1:] == [("Sở Nội vụ, the main successor: the text is about labour, employment, people with merit, which "
                    "stayed there, more than about work that went elsewhere. Keywords found: labour, employment, "
                    "people with merit (stayed with Sở Nội vụ): “bảo hiểm thất nghiệp”, “người có công”, “việc làm”; "
                    "social protection, children, prevention of social evils (went to Sở Y tế): “trợ giúp xã hội”",)]
    # every task of Sở Lao động - Thương binh và Xã hội went to exactly one of its successors
    labour = rows(store, "Sở Lao động - Thương binh và Xã hội")
    assert len(labour) == 16 and all(row["succession"].startswith("passed to Sở ") for row in labour)
    taken = [row for name in ("Sở Nội vụ", "Sở Giáo dục và Đào tạo", "Sở Y tế") for row in rows(store, name)
             if "Lao động - Thương binh" in row.get("succession", "")]
    assert holdings(taken) == holdings(labour)


def test_a_task_of_labour_about_social_protection_goes_to_health(tmp_path, built):
    """None of the five plans gives Sở LĐ-TB&XH a task about social protection: plan 003
    with its task at line 137 rewritten to be one."""
    from conftest import SOURCES, FILES

    from plangraph.build import build_graph
    from plangraph.store import EmbeddedStore

    sources = tmp_path / "sources"
    sources.mkdir()
    lines = (SOURCES / FILES["003"]).read_text(encoding="utf-8").split("\n")
    assert lines[136].startswith("+ Xây dựng và thực hiện đồng bộ, có hiệu quả các chương trình")
    lines[136] = ("+ Thực hiện tốt công tác bảo trợ xã hội, chăm sóc, bảo vệ trẻ em; phòng, chống tệ nạn xã hội "
                  "trên địa bàn tỉnh.")
    (sources / FILES["003"]).write_text("\n".join(lines), encoding="utf-8")
    graph = tmp_path / "plangraph.ttl"
    graph.write_text(build_graph(sources).turtle, encoding="utf-8")
    store = EmbeddedStore(graph)
    health = {row["source"]: row.get("succession") for row in rows(store, "Sở Y tế")}
    assert health[f"{FILES['003']}:137"] == (
        "inherited from Sở Lao động - Thương binh và Xã hội, merged 2025-03-01 (social protection, children, "
        "prevention of social evils: “bảo trợ xã hội”, “trẻ em”, “tệ nạn xã hội”)")
    assert f"{FILES['003']}:137" not in {row["source"] for row in rows(store, "Sở Nội vụ")}
    assert f"{FILES['003']}:137" not in {row["source"] for row in rows(store, "Sở Y tế", PRINTED)}


def test_a_tho_xuan_task_has_no_single_successor(store):
    result = run_named(store, "unassigned-after-reorganisation", {"agency": "UBND huyện Thọ Xuân"})
    found = {row["source"].value: row for row in result}
    assert len(result) == 85  # every lead and coordinating role the plans give it
    row = found["004_86eb4304471918db.txt:69"]
    assert (row["printed"].value, row["ended"].value) == ("UBND huyện Thọ Xuân", "2025-07-01")
    assert row["area"].value == ("xã Thọ Xuân, xã Thọ Long, xã Xuân Hòa, xã Sao Vàng, xã Lam Sơn, xã Thọ Lập, "
                                 "xã Xuân Tín, xã Xuân Lập")
    assert row["areaConfidence"].value == "unconfirmed"
    assert "Nghị định 120-151/2025/NĐ-CP" in row["competences"].value
    # its tasks are nobody's: never a commune's by guess
    today = rows(store, "UBND huyện Thọ Xuân")
    assert len(today) == 85 and all(r["succession"].startswith(
        "no single successor: UBND huyện Thọ Xuân ended 2025-07-01; its area is now xã Thọ Xuân, ") for r in today)
    held = store.query("""PREFIX pg: <https://w3id.org/plangraph/ontology#>
        ASK { ?h pg:routing pg:NoSingleSuccessor ; pg:heldBy ?someone }""")
    assert held.boolean is False
    # the whole list: the five abolished bodies the plans name, and the Đông Sơn tasks that
    # went to the city on 1 January 2025 and ended with it
    everything = run_named(store, "unassigned-after-reorganisation", {})
    ended = ("UBND huyện Thọ Xuân", "UBND thành phố Thanh Hóa", "UBND thị xã Nghi Sơn", "UBND huyện Nông Cống",
             "UBND huyện Đông Sơn", "Thành ủy thành phố Thanh Hóa", "Huyện ủy Thọ Xuân",
             # the collectives of the district level, which ended with it
             "UBND các huyện, thị xã, thành phố", "UBND các huyện, thị xã, thành phố ven biển")
    assert Counter(row["printed"].value for row in everything) == {
        name: len(rows(store, name, PRINTED)) for name in ended}
    assert {row["via"].value for row in everything if "via" in row} == {"UBND thành phố Thanh Hóa"}
    assert run_named(store, "unassigned-after-reorganisation", {"as-of": "2025-06-30"}).values() == []


def test_the_collective_of_the_districts_ended_with_them(store):
    name = "UBND các huyện, thị xã, thành phố"
    printed = len(rows(store, ID + "collective/thanh-hoa/ubnd-cac-huyen-thi-xa-thanh-pho", PRINTED, role="lead"))
    status = {row["name"].value: row for row in run_named(store, "status", {"as-of": "2026-12-01"})}
    assert (status[name]["ended"].value, int(status[name]["total"].value)) == ("2025-07-01", printed) and printed
    before = {row["name"].value: row for row in run_named(store, "status", {"as-of": "2025-06-30"})}
    assert "ended" not in before[name] and int(before[name]["total"].value) == printed
    listed = [row for row in run_named(store, "unassigned-after-reorganisation", {}) if row["printed"].value == name]
    assert listed and all("UBND 166 xã, phường của tỉnh" in row["area"].value for row in listed)
    # a handover of a collective names the collective, not an agency of the same name
    handed = store.query("""PREFIX pg: <https://w3id.org/plangraph/ontology#>
        ASK { ?h pg:printedAgency <https://w3id.org/plangraph/id/collective/thanh-hoa/ubnd-cac-huyen-thi-xa-thanh-pho> ;
                 pg:routing pg:NoSingleSuccessor }""")
    assert handed.boolean is True


def test_dong_son_went_to_the_city_and_then_had_no_single_successor(store):
    march = rows(store, "UBND thành phố Thanh Hóa", {"as-of": "2025-03-01"})
    inherited = [row for row in march if row.get("succession")]
    assert len(march) == 72 and len(inherited) == 3
    assert {row["succession"] for row in inherited} == {"inherited from UBND huyện Đông Sơn, merged 2025-01-01"}
    assert len(rows(store, "UBND thành phố Thanh Hóa", {"as-of": "2024-12-31"})) == 69
    for row in rows(store, "UBND huyện Đông Sơn"):
        assert row["succession"].startswith("passed to UBND thành phố Thanh Hóa, merged 2025-01-01; then no single "
                                            "successor: UBND thành phố Thanh Hóa ended 2025-07-01")


def test_a_name_that_no_longer_exists_says_to_whom_it_passed(store):
    result = invoke(store, "tasks", "--agency", "Sở KH&ĐT", "-f", "tsv")
    assert any(line.startswith("note: Sở Kế hoạch và Đầu tư ended on 2025-03-01; its work passed to Sở Tài chính.")
               for line in result.stderr.splitlines())
    table = csv_rows(result)
    assert len(table) == 84 and {row["succession"] for row in table} == {"passed to Sở Tài chính, merged 2025-03-01"}
    before = invoke(store, "tasks", "--agency", "Sở KH&ĐT", "--as-of", "2025-02-28", "-f", "tsv")
    assert "note:" not in before.stderr and "passed to" not in before.stdout
    formed = invoke(store, "tasks", "--agency", "Sở Nông nghiệp và Môi trường", "--as-of", "2024-12-31")
    assert formed.exit_code == 0 and "was formed on 2025-03-01" in formed.stderr
    printed = invoke(store, "tasks", "--agency", "Sở KH&ĐT", "--as-printed", "-f", "tsv")
    assert "note:" not in printed.stderr and "passed to" not in printed.stdout


def test_the_options_are_checked(store):
    both = invoke(store, "tasks", "--agency", "Sở Y tế", "--as-of", "2025-01-01", "--as-printed")
    assert both.exit_code == 2 and "not both" in both.output
    bad = invoke(store, "tasks", "--agency", "Sở Y tế", "--as-of", "1/3/2025")
    assert bad.exit_code == 2 and "--as-of takes a day as YYYY-MM-DD, not '1/3/2025'" in bad.output
    other = invoke(store, "query", "trace", "-p", "task=004:97", "--as-of", "2025-01-01")
    assert other.exit_code == 2 and "has no parameter 'as-of'" in other.output
    view = invoke(store, "viz", "--plan", "913", "--as-printed")
    assert view.exit_code == 2 and "for the agency view" in view.output
    query = invoke(store, "query", "tasks-of-agency", "-p", "agency=Sở Tài chính", "--as-of", "2024-12-31", "-f", "tsv")
    assert query.exit_code == 0 and len(query.stdout.splitlines()) == 1 + 53


def test_workload_counts_the_tasks_held_on_the_day(store):
    def totals(params):
        result = run_named(store, "workload", params)
        found = Counter()
        for row in result:
            found[row["name"].value] += int(row["total"].value)
        return found

    printed, today = totals(PRINTED), totals(TODAY)
    assert printed["Sở Kế hoạch và Đầu tư"] == 84 and "Sở Kế hoạch và Đầu tư" not in today
    assert printed["Sở Y tế"] == today["Sở Y tế"] == 16
    # a task Sở Tài chính holds twice (named with Sở Kế hoạch và Đầu tư) counts once
    finance = holdings(rows(store, "Sở Tài chính"))
    assert today["Sở Tài chính"] == len(finance) < 137
    assert today["Sở Nông nghiệp và Môi trường"] == len(holdings(rows(store, "Sở Nông nghiệp và Môi trường")))
    assert totals(BEFORE) == printed
    assert totals({"agency": "Sở Tài chính"})["Sở Tài chính"] == today["Sở Tài chính"]


def test_due_lists_each_task_under_the_agency_leading_it_on_the_day(store):
    def due(when):
        result = run_named(store, "due", {"from": "2021-01-01", "to": "2030-12-31", **when})
        return [{key: term.value for key, term in row.items() if key != "isOverdue"} for row in result]

    printed, today = due(PRINTED), due(TODAY)
    assert printed == due(BEFORE) and not any("succession" in row for row in printed)
    # the same tasks, each lead counted once, only listed under other names
    assert Counter(row["task"] for row in today) == Counter(row["task"] for row in printed)
    planning = {row["task"] for row in printed if row["lead"] == "Sở Kế hoạch và Đầu tư"}
    assert len(planning) == 15 and not any(row["lead"] == "Sở Kế hoạch và Đầu tư" for row in today)
    taken = [(row["task"], row["lead"]) for row in today
             if row.get("succession") == "inherited from Sở Kế hoạch và Đầu tư, merged 2025-03-01"]
    assert sorted(taken) == sorted((task, "Sở Tài chính") for task in planning)
    # a district's task stays under the name printed, saying that nobody took it over
    district = [row for row in today if row["lead"] == "UBND huyện Thọ Xuân"]
    assert len(district) == 17 and all(row["succession"].startswith(
        "no single successor: UBND huyện Thọ Xuân ended 2025-07-01") for row in district)
    march = due({"as-of": "2025-03-01"})
    assert not any("succession" in row for row in march if row["lead"] == "UBND huyện Thọ Xuân")
    assert not any(row["lead"] == "Sở Kế hoạch và Đầu tư" for row in march)


def test_the_tasks_nobody_took_over_still_count_in_the_follow_up(store):
    """Regression: after 1 July 2025 the district's tasks fell out of status, overdue and the
    dashboard (114 lead holdings of 541), since nobody holds them."""
    from plangraph.views.dashboard import dashboard_data

    def status(day):
        return {row["name"].value: row for row in run_named(store, "status", {"as-of": day})}

    before, today = status("2025-06-30"), status("2026-12-01")
    assert sum(int(row["total"].value) for row in today.values()) == \
        sum(int(row["total"].value) for row in before.values()) == 541
    leads = lambda name: len(rows(store, name, PRINTED, role="lead"))  # noqa: E731
    district, city = today["UBND huyện Thọ Xuân"], today["UBND thành phố Thanh Hóa"]
    assert (district["ended"].value, int(district["total"].value)) == ("2025-07-01", leads("UBND huyện Thọ Xuân"))
    assert (city["ended"].value, int(city["total"].value)) == ("2025-07-01", leads("UBND thành phố Thanh Hóa"))
    # (a chain of two handovers, and a body that gave work away: tests/test_succession_edge_cases.py)
    assert "ended" not in before["UBND huyện Thọ Xuân"] and "ended" not in today["Sở Y tế"]
    said = invoke(store, "status", "--as-of", "2026-12-01", "-f", "tsv")
    assert said.exit_code == 0 and "UBND huyện Thọ Xuân (on 2025-07-01, 60 tasks)" in said.stderr
    overdue = invoke(store, "overdue", "--as-of", "2026-12-01", "-f", "tsv")
    listed = [row for row in csv_rows(overdue) if row["lead"] == "UBND huyện Thọ Xuân"]
    assert listed and {row["ended"] for row in listed} == {"2025-07-01"}
    assert f"UBND huyện Thọ Xuân (on 2025-07-01, {len(listed)} tasks)" in overdue.stderr
    cut = invoke(store, "overdue", "--as-of", "2026-12-01", "-f", "tsv", "--limit", "3")
    assert cut.exit_code == 0 and "no single successor" not in cut.stderr  # not a count of the rows shown
    names = {agency["name"] for agency in dashboard_data(store, "2026-12-01")["agencies"]}
    assert "UBND huyện Thọ Xuân (ended on 01/07/2025, no single successor)" in names


def test_due_and_the_follow_up_agree_on_who_leads_each_task(store):
    for day in ("2024-12-31", "2025-01-01", "2025-03-01", "2025-06-30", "2025-07-01", "2026-12-01"):
        due = run_named(store, "due", {"from": "1900-01-01", "to": "2100-12-31", "as-of": day})
        status = run_named(store, "task-status", {"as-of": day})
        assert Counter((row["task"].value, row["lead"].value) for row in due) == Counter(
            (row["task"].value, row["lead"].value) for row in status if "deadline" in row), day


def test_the_resolution_tree_names_today_s_leads(store):
    def leads(when):
        result = run_named(store, "resolution-tree", {"resolution": "58-NQ/TW", **when})
        return {row["task"].value: set(row["leads"].value.split("; ")) for row in result}

    printed, today = leads(PRINTED), leads(TODAY)
    assert printed == leads(BEFORE) and set(printed) == set(today)
    planning = {task for task, names in printed.items() if "Sở Kế hoạch và Đầu tư" in names}
    assert planning and all("Sở Tài chính" in today[task] for task in planning)
    assert not any("Sở Kế hoạch và Đầu tư" in names for names in today.values())
    # each task's leads are those due lists it under
    due = {}
    for row in run_named(store, "due", {"from": "1900-01-01", "to": "2100-12-31"}):
        due.setdefault(row["task"].value, set()).add(row["lead"].value)
    assert due.keys() & today.keys() and all(today[task] == due[task] for task in due.keys() & today.keys())


def test_the_agency_history(store):
    result = run_named(store, "agency-changes", {"agency": "Sở Lao động - Thương binh và Xã hội"})
    got = [(r["date"].value, r["relation"].value, r["otherName"].value, r.get("work") and r["work"].value,
            r["confidence"].value) for r in result]
    assert got == [
        ("2025-03-01", "ended; its work passed to", "Sở Nội vụ", None, "confirmed"),
        ("2025-03-01", "gave part of its work to", "Sở Giáo dục và Đào tạo", "vocational education", "inferred"),
        ("2025-03-01", "gave part of its work to", "Sở Y tế", "social protection, children, prevention of social evils",
         "confirmed")]
    assert {r["basis"].value for r in result} == {"190/2025/QH15, 45/2025/NĐ-CP"}
    city = run_named(store, "agency-changes", {"agency": "UBND thành phố Thanh Hóa"})
    assert [(r["date"].value, r["relation"].value, r.get("otherName") and r["otherName"].value) for r in city] == [
        ("2025-01-01", "took over the work of", "UBND huyện Đông Sơn"),
        ("2025-07-01", "ended with no single successor", None)]


def test_the_agency_history_in_vietnamese(store):
    result = run_named(store, "agency-changes", {"agency": "Sở Lao động - Thương binh và Xã hội", "lang": "vi"})
    got = [(r["relation"].value, r.get("work") and r["work"].value) for r in result]
    # the relation stays a stable phrase (a table shows it in Vietnamese); what moved is in Vietnamese
    assert got == [("ended; its work passed to", None), ("gave part of its work to", "giáo dục nghề nghiệp"),
                   ("gave part of its work to", "bảo trợ xã hội, trẻ em, phòng, chống tệ nạn xã hội")]
    assert {r["what"].value for r in result} == {
        "Hợp nhất Sở Lao động - Thương binh và Xã hội vào Sở Nội vụ; một số lĩnh vực chuyển sang Sở Y tế, "
        "Sở Giáo dục và Đào tạo"}
    assert {r["note"].value.split(",")[0] for r in result} == {"Ở Hà Tĩnh và Phú Thọ"}
    english = run_named(store, "agency-changes", {"agency": "Sở Lao động - Thương binh và Xã hội", "lang": "en"})
    assert {r["note"].value.split(" ")[0] for r in english} == {"Poverty"}
    # a change without a note has none, in either language
    finance = run_named(store, "agency-changes", {"agency": "Sở Nông nghiệp và Môi trường", "lang": "vi"})
    assert {r.get("note") and r["note"].value[:10] for r in finance} == {"Sở cũng ti"}
    assert all("note" not in r for r in run_named(store, "agency-changes", {"agency": "UBND huyện Thọ Xuân"}))


def test_the_agency_view_draws_what_it_took_over_apart(store):
    from plangraph.views import html, subgraphs

    finance = subgraphs.agency_view(store, "Sở Tài chính")
    focus = finance.graph["focus"]
    out = Counter(d["relation"] for _, _, d in finance.out_edges(focus, data=True))
    assert out == {"lead": 25, "coordinating": 28, "inherited": 84}
    into = [(a, d) for a, _, d in finance.in_edges(focus, data=True) if d["relation"] == "succession"]
    assert [(a.rsplit("/", 1)[-1], d["title"]) for a, d in into] == [
        ("so-ke-hoach-va-dau-tu", "Department of Planning and Investment merged into the Department of Finance, 2025-03-01")]
    task = finance.nodes[ID + "plan/thanh-hoa/2021-2999/task/L88"]
    assert task["title"].endswith("\nSource: 000_b2f608754944a1c5.txt:88\n"
                                  "Succession: inherited from Sở Kế hoạch và Đầu tư, merged 2025-03-01")
    page = html.render_html(finance)
    assert "took over in a change of organisation" in page and "work passed on (merger, renaming, abolition)" in page
    # the side panel says in which role each taken-over task is held (it said nothing)
    panel = Counter(row["role"] for row in html._tasks(finance, html._ids(finance)))
    assert panel == {"taken over · lead": 51, "coordinating; taken over · coordinating": 21, "lead": 17,
                     "lead; taken over · lead": 8, "coordinating": 4, "coordinating; taken over · lead": 3,
                     "taken over · coordinating": 1}
    # 105 tasks: the 25 it leads and 28 it coordinates as printed, and the 84 it took over
    # (32 of them named for both bodies)
    assert sum(n for role, n in panel.items() if role.startswith("lead")) == 25
    assert sum(n for role, n in panel.items() if role.startswith("coordinating")) == 28
    assert sum(n for role, n in panel.items() if "taken over" in role) == 84
    # the same view as the plans print it: no succession at all
    printed = subgraphs.agency_view(store, "Sở Tài chính", as_printed=True)
    assert {d["relation"] for *_, d in printed.edges(data=True)} >= {"lead", "coordinating"}
    assert not {"inherited", "succession"} & {d["relation"] for *_, d in printed.edges(data=True)}
    # a body that ended: its tasks as the plans give them, and where its work went
    planning = subgraphs.agency_view(store, "Sở Kế hoạch và Đầu tư")
    edges = Counter(d["relation"] for _, _, d in planning.out_edges(planning.graph["focus"], data=True))
    assert edges == {"lead": 62, "coordinating": 22, "succession": 1}
    nature = subgraphs.agency_view(store, "Sở Nông nghiệp và Môi trường")
    assert sorted(a.rsplit("/", 1)[-1] for a, _, d in nature.in_edges(nature.graph["focus"], data=True)
                  if d["relation"] == "succession") == ["so-nong-nghiep-va-phat-trien-nong-thon",
                                                         "so-tai-nguyen-va-moi-truong"]


def test_a_plan_dated_after_an_agency_ended_is_warned(tmp_path, built):
    from plangraph.validate import validate_files

    five = tmp_path / "five.ttl"
    five.write_text(built.turtle, encoding="utf-8")
    assert not [f for f in validate_files([five]).findings if f.rule == "agency-named-after-it-ended"]
    # 1992/QĐ-UBND and 913/QĐ-UBND as if signed in 2026: they still name the bodies of their day
    text = built.turtle.replace('eli:date_document "2023-06-09"', 'eli:date_document "2026-06-09"').replace(
        'eli:date_document "2022-03-14"', 'eli:date_document "2026-03-14"')
    assert text != built.turtle
    late = tmp_path / "late.ttl"
    late.write_text(text, encoding="utf-8")
    warned = [f for f in validate_files([late]).findings if f.rule == "agency-named-after-it-ended"]
    assert warned and {f.severity for f in warned} == {"warning"}
    by_agency = Counter(f.path.split("; ")[0] for f in warned)
    assert "agency agency/thanh-hoa/so-lao-dong-thuong-binh-va-xa-hoi" in by_agency
    finding = next(f for f in warned if "so-ke-hoach-va-dau-tu" in f.path)
    assert "successor Sở Tài chính" in finding.path and finding.file.startswith("003_") and finding.line
    tho_xuan = next(f for f in warned if "ubnd-huyen-tho-xuan" in f.path)
    assert tho_xuan.path.endswith("successor no single successor") and tho_xuan.file.startswith("004_")


def test_the_notes_are_in_the_reader_s_language(store, vietnamese):
    # (they were English literals shown in Vietnamese tables)
    finance = {row["source"]: row.get("succession", "") for row in rows(store, "Sở Tài chính")}
    assert finance["000_b2f608754944a1c5.txt:142"] == "tiếp nhận từ Sở Kế hoạch và Đầu tư, hợp nhất ngày 2025-03-01"
    passed = {row["source"]: row.get("succession", "") for row in rows(store, "Sở Kế hoạch và Đầu tư")}
    assert passed["000_b2f608754944a1c5.txt:142"] == "chuyển sang Sở Tài chính, hợp nhất ngày 2025-03-01"
    english = {row["source"]: row.get("succession", "") for row in rows(store, "Sở Tài chính", lang="en")}
    assert english["000_b2f608754944a1c5.txt:142"] == "inherited from Sở Kế hoạch và Đầu tư, merged 2025-03-01"
    district = run_named(store, "unassigned-after-reorganisation", {"agency": "UBND huyện Thọ Xuân"})
    assert {row["competences"].value.split(" (")[0] for row in district} == {
        "thẩm quyền của cấp huyện chuyển về cấp xã hoặc cấp tỉnh theo các nghị định phân quyền, phân cấp, phân định "
        "thẩm quyền theo lĩnh vực, Nghị định 120-151/2025/NĐ-CP"}


def test_an_endpoint_without_the_language_answers_in_vietnamese(store):
    from plangraph.query import bind, load_query

    text = bind(load_query("tasks-of-agency"), {"agency": "https://w3id.org/plangraph/id/agency/thanh-hoa/so-tai-chinh",
                                                "as-of": "2026-01-01"})
    notes = {row["succession"].value for row in store.query(text) if "succession" in row}
    assert notes and all(note.startswith("tiếp nhận từ ") for note in notes)
