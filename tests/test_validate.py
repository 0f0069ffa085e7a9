"""Validation: each shape and each whole-graph rule against a small graph that breaks it."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from plangraph.cli import cli
from plangraph.validate import ValidationError, qc_rules, validate_files

PREFIXES = """
@base <https://w3id.org/plangraph/id/> .
@prefix pg: <https://w3id.org/plangraph/ontology#> .
@prefix eli: <http://data.europa.eu/eli/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

# A tiny graph that passes every shape and every rule.
VALID = PREFIXES + """
<plan/2022-1> a pg:Plan ; rdfs:label "Kế hoạch hành động thực hiện Nghị quyết số 1-NQ/TW"@vi ;
    pg:sourceFile "a.txt" ; pg:issuedBy <doc/2022/1-qd-ubnd> ; pg:implements <doc/2021/1-nq-tw> ;
    pg:jurisdiction <jurisdiction/a> ; pg:scope pg:ProvinceScope ; pg:horizonYear "2030"^^xsd:gYear .
<plan/2022-2> a pg:Plan ; rdfs:label "Kế hoạch hành động thứ hai"@vi ;
    pg:sourceFile "b.txt" ; pg:issuedBy <doc/2022/2-qd-ubnd> ; pg:implements <doc/2021/1-nq-tw> ;
    pg:jurisdiction <jurisdiction/a> ; pg:scope pg:ProvinceScope .
<doc/2022/1-qd-ubnd> a pg:Decision ; eli:id_local "1/QĐ-UBND" ; pg:documentYear "2022"^^xsd:gYear ;
    eli:date_document "2022-03-01"^^xsd:date ; pg:issues <plan/2022-1> ; rdfs:label "Quyết định số 1/QĐ-UBND" .
<doc/2022/2-qd-ubnd> a pg:Decision ; eli:id_local "2/QĐ-UBND" ; pg:documentYear "2022"^^xsd:gYear ;
    eli:date_document "2022-03-02"^^xsd:date ; pg:issues <plan/2022-2> ; rdfs:label "Quyết định số 2/QĐ-UBND" .
<doc/2021/1-nq-tw> a pg:Resolution ; eli:id_local "1-NQ/TW" ; pg:documentYear "2021"^^xsd:gYear ;
    rdfs:label "Nghị quyết số 1-NQ/TW" ; eli:passed_by <issuer/bo-chinh-tri> .
<issuer/bo-chinh-tri> a pg:IssuingBody , org:Organization ; skos:prefLabel "Bộ Chính trị"@vi .
<plan/2022-1/section/II> a pg:Section ; pg:plan <plan/2022-1> ; pg:sectionNumber "II" ; pg:sourceLine 10 .
<plan/2022-1/task/L12> a pg:Task , pg:BodyTask ; pg:plan <plan/2022-1> ; pg:section <plan/2022-1/section/II> ;
    rdfs:label "Xây dựng Đề án phát triển công nghiệp"@vi ; pg:sourceFile "a.txt" ; pg:sourceLine 12 ;
    pg:leadAgency <agency/so-y-te> ; pg:coordinatingAgency <collective/cac-don-vi-lien-quan> ;
    pg:deadlineKind pg:DuringQuarter ; pg:deadline "2022-12-31"^^xsd:date ; pg:deadlineText "Quý IV/2022"@vi .
<plan/2022-1/task/L40> a pg:Task , pg:AppendixTask ; pg:plan <plan/2022-1> ; pg:rowNumber "1" ;
    rdfs:label "Đề án phát triển công nghiệp"@vi ; pg:sourceFile "a.txt" ; pg:sourceLine 40 ;
    pg:leadAgency <agency/so-y-te> ; pg:deadlineKind pg:NoDeadline ; pg:details <plan/2022-1/task/L12> .
<plan/2022-2/task/L5> a pg:Task , pg:BodyTask ; pg:plan <plan/2022-2> ;
    rdfs:label "Tổ chức thực hiện"@vi ; pg:sourceFile "b.txt" ; pg:sourceLine 5 ;
    pg:leadAgency <agency/so-tai-chinh> ; pg:coordinatingAgency <agency/b-so-y-te> ; pg:deadlineKind pg:Ongoing .
<agency/so-y-te> a pg:Agency , org:Organization ; skos:prefLabel "Sở Y tế"@vi , "Department of Health"@en ;
    skos:hiddenLabel "so y te"@vi ; pg:agencyLevel "province" ; dcterms:source "a.txt:12" ;
    pg:jurisdiction <jurisdiction/a> ; pg:registered true .
<agency/so-tai-chinh> a pg:Agency , org:Organization ; skos:prefLabel "Sở Tài chính"@vi ;
    skos:hiddenLabel "so tai chinh"@vi ; dcterms:source "b.txt:5" ; pg:jurisdiction <jurisdiction/a> ;
    pg:registered true .
<agency/b-so-y-te> a pg:Agency , org:Organization ; skos:prefLabel "Sở Y tế"@vi ; skos:hiddenLabel "so y te"@vi ;
    dcterms:source "b.txt:5" ; pg:jurisdiction <jurisdiction/b> ; pg:registered false .
<collective/cac-don-vi-lien-quan> a pg:Collective ; skos:prefLabel "Các đơn vị liên quan"@vi ;
    pg:jurisdiction <jurisdiction/a> .
<jurisdiction/a> a pg:Jurisdiction ; rdfs:label "tỉnh A"@vi ; pg:jurisdictionLevel pg:ProvinceLevel .
<jurisdiction/b> a pg:Jurisdiction ; rdfs:label "tỉnh B"@vi ; pg:jurisdictionLevel pg:ProvinceLevel .
<jurisdiction/b/xa-c> a pg:Jurisdiction ; rdfs:label "xã C"@vi ; pg:jurisdictionLevel pg:CommuneLevel ;
    pg:partOf <jurisdiction/b> .
<plan/2022-1/target/L8-1> a pg:Target ; pg:plan <plan/2022-1> ; pg:indicator "tỷ lệ đô thị hóa"@vi ;
    pg:indicatorKey "ty le do thi hoa" ; pg:value 40.0 ; pg:unit "%" ; pg:comparator ">=" ;
    pg:targetYear "2025"^^xsd:gYear ; pg:scope pg:ProvinceScope ; pg:sourceLine 8 ; pg:sourceFile "a.txt" .
<plan/2022-2/target/L3-1> a pg:Target ; pg:plan <plan/2022-2> ; pg:indicator "tỷ lệ đô thị hóa"@vi ;
    pg:indicatorKey "ty le do thi hoa" ; pg:value 40.0 ; pg:unit "%" ; pg:comparator ">=" ;
    pg:targetYear "2025"^^xsd:gYear ; pg:scope pg:ProvinceScope ; pg:sourceLine 3 ; pg:sourceFile "b.txt" .
<project/de-an-x> a pg:Project ; skos:prefLabel "Đề án phát triển công nghiệp"@vi .
<plan/2022-1/citation/L2-1-nq-tw> a pg:Citation ; pg:citedDocument <doc/2021/1-nq-tw> ; pg:sourceLine 2 ;
    pg:sourceFile "a.txt" .
<source/a.txt> a pg:SourceFile ; pg:sha256 "SHA" .
""".replace("SHA", "a" * 64)


# a change of organisation that lacks only its source
CHANGE = ('<change/a/x> a org:ChangeEvent ; rdfs:label "x"@vi ; dcterms:date "2022-01-01"^^xsd:date ; '
          'org:originalOrganization <agency/so-tai-chinh> ; pg:changeKind pg:Merger ; pg:confidence pg:Confirmed .\n')


def check(tmp_path, text):
    path = tmp_path / "g.ttl"
    path.write_text(text, encoding="utf-8")
    return validate_files([path])


def found(report):
    return {(f.rule, f.severity, f.focus.replace("https://w3id.org/plangraph/id/", "")) for f in report.findings}


def test_the_crafted_graph_is_valid(tmp_path):
    assert check(tmp_path, VALID).findings == []


def test_the_five_plans_have_no_violations(tmp_path, built):
    report = check(tmp_path, built.turtle)
    assert report.count("violation") == 0, [(f.rule, f.focus) for f in report.findings if f.severity == "violation"]
    # TargetTimeShape: the rank of 913/QĐ-UBND's education quality ("phấn đấu trong nhóm 5 huyện
    # dẫn đầu toàn tỉnh", lines 265 and 403) states no year
    assert {f.rule for f in report.findings if f.severity == "warning"} == {"TaskShape", "target-conflicts",
                                                                           "TargetTimeShape"}
    assert report.count("warning") == 12


# (mutation, expected (rule, severity, focus)) -- one or more per shape and per qc rule
CASES = [
    # shapes
    ('pg:sourceFile "a.txt" ; pg:issuedBy', 'pg:issuedBy', ("PlanShape", "violation", "plan/2022-1")),
    ('pg:jurisdiction <jurisdiction/a> ; pg:scope pg:ProvinceScope ; pg:horizonYear', 'pg:scope pg:ProvinceScope ; pg:horizonYear',
     ("PlanShape", "violation", "plan/2022-1")),
    ('pg:issuedBy <doc/2022/1-qd-ubnd> ; pg:implements <doc/2021/1-nq-tw> ;\n    pg:jurisdiction', 'pg:jurisdiction',
     ("PlanShape", "warning", "plan/2022-1")),  # implements nothing
    ('pg:issuedBy <doc/2022/2-qd-ubnd> ;', '', ("PlanShape", "violation", "plan/2022-2")),
    ('pg:jurisdictionLevel pg:CommuneLevel ;', 'pg:jurisdictionLevel "xã" ;', ("JurisdictionShape", "violation", "jurisdiction/b/xa-c")),
    ('pg:partOf <jurisdiction/b>', 'pg:partOf <agency/so-y-te>', ("JurisdictionShape", "violation", "jurisdiction/b/xa-c")),
    ("pg:scope pg:ProvinceScope ; pg:horizonYear", "pg:scope pg:Nowhere ; pg:horizonYear", ("PlanShape", "violation", "plan/2022-1")),
    ('eli:id_local "1-NQ/TW"', 'eli:id_local "NQ 1"', ("DocumentShape", "violation", "doc/2021/1-nq-tw")),
    ('eli:passed_by <issuer/bo-chinh-tri>', 'eli:passed_by <agency/so-y-te>', ("DocumentShape", "violation", "doc/2021/1-nq-tw")),
    ('eli:id_local "1-NQ/TW" ; pg:documentYear "2021"^^xsd:gYear ;', 'eli:id_local "1-NQ/TW" ;',
     ("DocumentYearShape", "info", "doc/2021/1-nq-tw")),
    ('eli:id_local "1/QĐ-UBND"', 'eli:id_local "1/QĐ-UBND "', ("IssuingDecisionShape", "violation", "doc/2022/1-qd-ubnd")),
    ('eli:date_document "2022-03-01"^^xsd:date ;', '', ("IssuingDecisionShape", "violation", "doc/2022/1-qd-ubnd")),
    ('pg:sectionNumber "II" ;', '', ("SectionShape", "violation", "plan/2022-1/section/II")),
    ('a pg:Task , pg:BodyTask ; pg:plan <plan/2022-1> ; pg:section', 'a pg:Task ; pg:plan <plan/2022-1> ; pg:section',
     ("TaskShape", "violation", "plan/2022-1/task/L12")),
    ('pg:leadAgency <agency/so-y-te> ; pg:coordinatingAgency', 'pg:coordinatingAgency',
     ("TaskShape", "violation", "plan/2022-1/task/L12")),
    ('rdfs:label "Xây dựng Đề án phát triển công nghiệp"@vi', 'rdfs:label "Xa\u0302y du\u031bng"@vi',
     ("TaskShape", "violation", "plan/2022-1/task/L12")),
    ('pg:sourceLine 12', 'pg:sourceLine 0', ("TaskShape", "violation", "plan/2022-1/task/L12")),
    ('pg:coordinatingAgency <collective/cac-don-vi-lien-quan>', 'pg:coordinatingAgency <agency/so-y-te>',
     ("TaskShape", "warning", "plan/2022-1/task/L12")),
    ('pg:deadlineKind pg:DuringQuarter ; pg:deadline "2022-12-31"^^xsd:date ;', 'pg:deadlineKind pg:DuringQuarter ;',
     ("DatedTaskShape", "violation", "plan/2022-1/task/L12")),
    ('pg:rowNumber "1" ;', 'pg:rowNumber "1" , "1a" ;', ("AppendixTaskShape", "violation", "plan/2022-1/task/L40")),
    ('skos:hiddenLabel "so y te"@vi', 'skos:hiddenLabel "sở y tế"@vi', ("AgencyShape", "violation", "agency/so-y-te")),
    ('pg:agencyLevel "province"', 'pg:agencyLevel "village"', ("AgencyShape", "violation", "agency/so-y-te")),
    ('dcterms:source "b.txt:5" ;', '', ("AgencyShape", "info", "agency/so-tai-chinh")),
    ('dcterms:source "b.txt:5" ; pg:jurisdiction <jurisdiction/a> ;', 'dcterms:source "b.txt:5" ;',
     ("AgencyShape", "violation", "agency/so-tai-chinh")),
    ('pg:jurisdiction <jurisdiction/b> ; pg:registered false .', 'pg:jurisdiction <jurisdiction/b> .',
     ("AgencyShape", "violation", "agency/b-so-y-te")),
    ('<collective/cac-don-vi-lien-quan> a pg:Collective ; skos:prefLabel "Các đơn vị liên quan"@vi ;\n    pg:jurisdiction <jurisdiction/a> .',
     '<collective/cac-don-vi-lien-quan> a pg:Collective ; skos:prefLabel "Các đơn vị liên quan"@vi .',
     ("CollectiveShape", "violation", "collective/cac-don-vi-lien-quan")),
    ('<collective/cac-don-vi-lien-quan> a pg:Collective ; skos:prefLabel "Các đơn vị liên quan"@vi ;',
     '<collective/cac-don-vi-lien-quan> a pg:Collective ; skos:prefLabel "Các đơn vị liên quan"@vi ; pg:member <issuer/bo-chinh-tri> ;',
     ("CollectiveShape", "violation", "collective/cac-don-vi-lien-quan")),
    ('<collective/cac-don-vi-lien-quan> a pg:Collective ;', '<collective/cac-don-vi-lien-quan> a pg:Collective , pg:Agency ;',
     ("NotBothShape", "violation", "collective/cac-don-vi-lien-quan")),
    ('pg:value 40.0 ; pg:unit "%" ; pg:comparator ">=" ;\n    pg:targetYear "2025"^^xsd:gYear ; pg:scope pg:ProvinceScope ; pg:sourceLine 8',
     'pg:unit "%" ; pg:comparator ">=" ;\n    pg:targetYear "2025"^^xsd:gYear ; pg:scope pg:ProvinceScope ; pg:sourceLine 8',
     ("TargetShape", "violation", "plan/2022-1/target/L8-1")),
    ('pg:comparator ">=" ;\n    pg:targetYear "2025"^^xsd:gYear ; pg:scope pg:ProvinceScope ; pg:sourceLine 8',
     'pg:comparator "≥" ;\n    pg:targetYear "2025"^^xsd:gYear ; pg:scope pg:ProvinceScope ; pg:sourceLine 8',
     ("TargetShape", "violation", "plan/2022-1/target/L8-1")),
    ('pg:targetYear "2025"^^xsd:gYear ; pg:scope pg:ProvinceScope ; pg:sourceLine 8',
     'pg:scope pg:ProvinceScope ; pg:sourceLine 8', ("TargetTimeShape", "warning", "plan/2022-1/target/L8-1")),
    ('<project/de-an-x> a pg:Project ; skos:prefLabel "Đề án phát triển công nghiệp"@vi .',
     '<project/de-an-x> a pg:Project .', ("ProjectShape", "violation", "project/de-an-x")),
    ('pg:citedDocument <doc/2021/1-nq-tw> ;', '', ("CitationShape", "violation", "plan/2022-1/citation/L2-1-nq-tw")),
    ('pg:sha256 "' + "a" * 64, 'pg:sha256 "' + "a" * 63 + "X", ("SourceFileShape", "violation", "source/a.txt")),
    ('skos:prefLabel "Bộ Chính trị"@vi', 'rdfs:label "Bộ Chính trị"@vi', ("IssuingBodyShape", "violation", "issuer/bo-chinh-tri")),
    # whole-graph rules
    ('pg:implements <doc/2021/1-nq-tw> ;\n    pg:jurisdiction <jurisdiction/a> ; pg:scope pg:ProvinceScope .',
     'pg:implements <doc/2022/2-qd-ubnd> ;\n    pg:jurisdiction <jurisdiction/a> ; pg:scope pg:ProvinceScope .\n'
     '<doc/2022/2-qd-ubnd> pg:implements <plan/2022-2> .',
     ("task-reaches-top-resolution", "violation", "plan/2022-2/task/L5")),
    ('<plan/2022-2/task/L5> a pg:Task', '<plan/2022-2/task/L5> a pg:Thing', ("plan-without-tasks", "violation", "plan/2022-2")),
    ('<collective/cac-don-vi-lien-quan> a pg:Collective ;',
     '<agency/x> a pg:Agency ; skos:prefLabel "X"@vi ; dcterms:source "a.txt:1" ; pg:jurisdiction <jurisdiction/a> ; pg:registered true .\n<collective/cac-don-vi-lien-quan> a pg:Collective ;',
     ("agency-without-tasks", "warning", "agency/x")),
    ('skos:prefLabel "Sở Tài chính"@vi ;', 'skos:prefLabel "Sở Tài chính"@vi ; skos:altLabel "Sở Y tế"@vi ;',
     ("agencies-sharing-a-label", "violation", "agency/so-tai-chinh")),
    ('skos:hiddenLabel "so tai chinh"@vi', 'skos:hiddenLabel "so tai chinh"@vi , "so y te"@vi',
     ("same-agency-under-two-names", "warning", "agency/so-tai-chinh")),
    ('skos:prefLabel "Sở Tài chính"@vi ;', 'skos:prefLabel "Sở Tài chính"@en ;',
     ("agency-without-vietnamese-name", "violation", "agency/so-tai-chinh")),
    ('pg:deadline "2022-12-31"^^xsd:date', 'pg:deadline "2021-12-31"^^xsd:date',
     ("deadline-before-decision", "warning", "plan/2022-1/task/L12")),
    ('pg:deadline "2022-12-31"^^xsd:date', 'pg:deadline "2031-12-31"^^xsd:date',
     ("deadline-after-horizon", "warning", "plan/2022-1/task/L12")),
    ('pg:indicatorKey "ty le do thi hoa" ; pg:value 40.0 ; pg:unit "%" ; pg:comparator ">=" ;\n    pg:targetYear "2025"^^xsd:gYear ; pg:scope pg:ProvinceScope ; pg:sourceLine 3',
     'pg:indicatorKey "ty le do thi hoa" ; pg:value 45.0 ; pg:unit "%" ; pg:comparator ">=" ;\n    pg:targetYear "2025"^^xsd:gYear ; pg:scope pg:ProvinceScope ; pg:sourceLine 3',
     ("target-conflicts", "warning", "plan/2022-1/target/L8-1")),
    ('pg:deadlineKind pg:NoDeadline ; pg:details <plan/2022-1/task/L12> .', 'pg:deadlineKind pg:NoDeadline .',
     ("appendix-row-without-body-task", "info", "plan/2022-1/task/L40")),
    # organisational changes (data/registry/succession.toml)
    ('<source/a.txt> a pg:SourceFile ;', CHANGE + '<source/a.txt> a pg:SourceFile ;',
     ("ChangeEventShape", "violation", "change/a/x")),  # a record without a source
    ('<source/a.txt> a pg:SourceFile ;', CHANGE.replace('rdfs:label "x"@vi ;', 'dcterms:source "s" ; rdfs:label "x"@vi ;')
     .replace("pg:Merger", "pg:Split") + '<source/a.txt> a pg:SourceFile ;', ("ChangeEventShape", "violation", "change/a/x")),
    ('<source/a.txt> a pg:SourceFile ;', '<function/a/x> a pg:FunctionTransfer ; pg:fromAgency <agency/so-tai-chinh> ; '
     'pg:toAgency <agency/so-y-te> ; pg:keyword "x"@vi ; pg:confidence pg:Confirmed .\n<source/a.txt> a pg:SourceFile ;',
     ("FunctionTransferShape", "violation", "function/a/x")),
    ('<source/a.txt> a pg:SourceFile ;', '<plan/2022-2/task/L5/holder/x> a pg:Handover ; pg:task <plan/2022-2/task/L5> ; '
     'pg:role "chair" .\n<source/a.txt> a pg:SourceFile ;', ("HandoverShape", "violation", "plan/2022-2/task/L5/holder/x")),
    ('pg:agencyLevel "province" ;', 'pg:agencyLevel "province" ; pg:founded "2023-01-01"^^xsd:date ; '
     'pg:dissolved "2022-01-01"^^xsd:date ;', ("AgencyExistenceShape", "violation", "agency/so-y-te")),
    # plan 2022-2 (2 March 2022) gives Sở Tài chính a task after it ended
    ('skos:hiddenLabel "so tai chinh"@vi ;', 'skos:hiddenLabel "so tai chinh"@vi ; pg:dissolved "2022-03-01"^^xsd:date ;',
     ("agency-named-after-it-ended", "warning", "plan/2022-2/task/L5")),
]


def test_agencies_of_two_jurisdictions_may_share_a_name(tmp_path):
    # every province has its own "Sở Y tế" (agency/so-y-te of A and agency/b-so-y-te of B in
    # the crafted graph): neither rule on names reports them, while two of one province are
    report = check(tmp_path, VALID)
    assert not [f for f in report.findings if f.rule in ("agencies-sharing-a-label", "same-agency-under-two-names")]
    same = check(tmp_path, VALID.replace("pg:jurisdiction <jurisdiction/b> ; pg:registered false",
                                         "pg:jurisdiction <jurisdiction/a> ; pg:registered false"))
    assert {("agencies-sharing-a-label", "violation", "agency/b-so-y-te"),
            ("same-agency-under-two-names", "warning", "agency/b-so-y-te")} <= found(same)


def test_targets_of_two_issuers_never_conflict(tmp_path):
    # two provinces may set different values for the same indicator: only plans of the same
    # issuer are compared
    conflicting = VALID.replace('pg:value 40.0 ; pg:unit "%" ; pg:comparator ">=" ;\n    pg:targetYear "2025"^^xsd:gYear ; pg:scope pg:ProvinceScope ; pg:sourceLine 3',
                                'pg:value 45.0 ; pg:unit "%" ; pg:comparator ">=" ;\n    pg:targetYear "2025"^^xsd:gYear ; pg:scope pg:ProvinceScope ; pg:sourceLine 3')
    issuers = ('<issuer/ubnd-tinh-a> a pg:IssuingBody , org:Organization ; skos:prefLabel "UBND tỉnh A"@vi .\n'
               '<issuer/ubnd-tinh-b> a pg:IssuingBody , org:Organization ; skos:prefLabel "UBND tỉnh B"@vi .\n'
               '<doc/2022/1-qd-ubnd> eli:passed_by <issuer/ubnd-tinh-a> .\n')
    same = check(tmp_path, conflicting + issuers + '<doc/2022/2-qd-ubnd> eli:passed_by <issuer/ubnd-tinh-a> .\n')
    assert {f.focus.rsplit("/id/", 1)[1] for f in same.findings if f.rule == "target-conflicts"} == {
        "plan/2022-1/target/L8-1", "plan/2022-2/target/L3-1"}
    finding = next(f for f in same.findings if f.rule == "target-conflicts")
    assert "40 %" in finding.path and "45 %" in finding.path  # the values of the group are named
    other = check(tmp_path, conflicting + issuers + '<doc/2022/2-qd-ubnd> eli:passed_by <issuer/ubnd-tinh-b> .\n')
    assert not [f for f in other.findings if f.rule == "target-conflicts"]


@pytest.mark.parametrize("old,new,expected", CASES, ids=[c[2][0] + "-" + str(i) for i, c in enumerate(CASES)])
def test_each_rule_finds_what_breaks_it(tmp_path, old, new, expected):
    assert old in VALID, old
    report = check(tmp_path, VALID.replace(old, new, 1))
    assert expected in found(report)


def test_every_shape_and_rule_has_a_case():
    from pathlib import Path

    import rdflib
    from rdflib.namespace import RDF, SH

    from test_followup_validation import CASES as PROGRESS_CASES  # the progress reports' shapes and rules

    shapes = rdflib.Graph()
    for path in sorted((Path(__file__).resolve().parents[1] / "shapes").glob("*.ttl")):
        shapes.parse(path)
    names = {str(s).rsplit("#", 1)[-1] for s in shapes.subjects(RDF.type, SH.NodeShape)} | set(qc_rules())
    assert names == {case[2][0] for case in CASES + PROGRESS_CASES}


def test_every_qc_rule_has_a_header():
    for name, (header, _) in qc_rules().items():
        assert {"title", "problem", "solution", "severity"} <= set(header), name


def test_findings_carry_the_source_line(tmp_path):
    report = check(tmp_path, VALID.replace('pg:deadline "2022-12-31"', 'pg:deadline "2021-12-31"'))
    finding = next(f for f in report.findings if f.rule == "deadline-before-decision")
    assert (finding.file, finding.line, finding.label) == ("a.txt", 12, "Xây dựng Đề án phát triển công nghiệp")


def test_broken_turtle_names_the_line(tmp_path):
    path = tmp_path / "broken.ttl"
    path.write_text(PREFIXES + "<a> <b> <c> .\n<a> <b> .\n", encoding="utf-8")
    with pytest.raises(ValidationError) as error:
        validate_files([path])
    assert error.value.line == 11 and error.value.path.endswith("broken.ttl")
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 2 and "broken.ttl:11" in result.output and "Traceback" not in result.output


def test_cli_exit_codes_and_formats(tmp_path):
    good = tmp_path / "good.ttl"
    good.write_text(VALID, encoding="utf-8")
    assert CliRunner().invoke(cli, ["validate", str(good)]).exit_code == 0
    warning = tmp_path / "warning.ttl"
    warning.write_text(VALID.replace('pg:deadline "2022-12-31"', 'pg:deadline "2031-12-31"'), encoding="utf-8")
    assert CliRunner().invoke(cli, ["validate", str(warning)]).exit_code == 0
    assert CliRunner().invoke(cli, ["validate", str(warning), "--fail-on", "warning"]).exit_code == 1
    bad = tmp_path / "bad.ttl"
    bad.write_text(VALID.replace('pg:sourceLine 12', 'pg:sourceLine 0'), encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(bad), "-f", "json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["conforms"] is False and data["violations"] == 1
    turtle = CliRunner().invoke(cli, ["validate", str(bad), "-f", "turtle"])
    import rdflib

    report = rdflib.Graph().parse(data=turtle.stdout, format="turtle")
    assert (None, rdflib.namespace.RDF.type, rdflib.namespace.SH.ValidationReport) in report


# -- the fast engine (shapes compiled to SPARQL) finds what pySHACL finds ------------------

def _keys(report):
    return {(f.rule, f.severity, f.focus, f.path, f.value) for f in report.findings}


@pytest.mark.parametrize("old,new,expected", CASES, ids=[c[2][0] + "-" + str(i) for i, c in enumerate(CASES)])
def test_fast_engine_agrees_with_pyshacl(tmp_path, old, new, expected):
    path = tmp_path / "g.ttl"
    path.write_text(VALID.replace(old, new, 1), encoding="utf-8")
    fast = {k[:3] for k in _keys(validate_files([path], engine="fast"))}
    reference = {k[:3] for k in _keys(validate_files([path], engine="pyshacl"))}
    assert fast == reference


def test_fast_engine_agrees_with_pyshacl_on_the_five_plans(tmp_path, built):
    path = tmp_path / "g.ttl"
    path.write_text(built.turtle, encoding="utf-8")
    fast = {k[:3] for k in _keys(validate_files([path], engine="fast"))}
    reference = {k[:3] for k in _keys(validate_files([path], engine="pyshacl"))}
    assert fast == reference


def test_unsupported_shape_features_are_refused(tmp_path):
    shapes = tmp_path / "shapes"
    shapes.mkdir()
    (shapes / "s.ttl").write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix pg: <https://w3id.org/plangraph/ontology#> .\n"
        "pg:S a sh:NodeShape ; sh:targetClass pg:Task ; sh:property [ sh:path pg:plan ; sh:equals pg:section ] .\n",
        encoding="utf-8")
    data = tmp_path / "g.ttl"
    data.write_text(VALID, encoding="utf-8")
    with pytest.raises(ValidationError, match="not supported"):
        validate_files([data], shapes_dir=shapes)


@pytest.mark.parametrize("engine", ["fast", "pyshacl"])
def test_a_shapes_file_changed_between_two_validations_is_read_again(tmp_path, engine):
    # (the ontology and the shapes are parsed once per process, while their files are unchanged)
    import shutil

    from plangraph.resources import shapes_folder

    shapes = tmp_path / "shapes"
    shutil.copytree(shapes_folder(), shapes)
    data = tmp_path / "g.ttl"
    data.write_text(VALID, encoding="utf-8")
    assert not validate_files([data], shapes_dir=shapes, engine=engine).fails("violation")
    extra = shapes / "zz-extra.ttl"
    extra.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix pg: <https://w3id.org/plangraph/ontology#> .\n"
                     "pg:NoTaskShape a sh:NodeShape ; sh:targetClass pg:Task ; sh:property [ sh:path pg:plan ; "
                     "sh:maxCount 0 ] .\n", encoding="utf-8")
    assert "NoTaskShape" in {f.rule for f in validate_files([data], shapes_dir=shapes, engine=engine).findings}
    extra.write_text(extra.read_text(encoding="utf-8").replace("sh:maxCount 0", "sh:maxCount 5"), encoding="utf-8")
    assert "NoTaskShape" not in {f.rule for f in validate_files([data], shapes_dir=shapes, engine=engine).findings}


def test_a_finding_at_a_long_iri_is_not_wrapped_a_letter_a_line():
    """Regression: the place of a handover's finding (its IRI, 95 columns) left the text one
    column, and the text came out one letter a line."""
    from plangraph.cli.findings import WIDTH, _wrapped

    place = "plan/thanh-hoa/2021-2999/task/L164/holder/lead/thanh-hoa/ubnd-cac-huyen-thi-xa-thanh-pho/2025-07-01: "
    lines = _wrapped("«Phát triển hạ tầng» [pg:printedAgency = collective/thanh-hoa/ubnd]", 2, WIDTH, place)
    assert lines[0] == "  " + place.rstrip() and len(lines) == 2
    assert lines[1].startswith("      «Phát triển hạ tầng» [pg:printedAgency") and len(lines[1]) <= WIDTH
