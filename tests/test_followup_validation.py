"""Validation of progress reports: each shape and qc rule against a report graph that breaks it.

The reports are on the five plans' tasks (the plans' graph and the reports' graph are
validated together, as `plangraph validate` does in a workspace).
"""

from __future__ import annotations

import pytest

from plangraph.validate import validate_files

T = "plan/thanh-hoa/2021-2999/task/L214"  # Sở Y tế's, plan issued 2021-08-09
VALID = """
@base <https://w3id.org/plangraph/id/> .
@prefix pg: <https://w3id.org/plangraph/ontology#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<progress-file/a.xlsx> a pg:ReportFile ; pg:sha256 "%s" ; pg:sourceFile "a.xlsx" .
<report/1> a pg:ProgressReport ; pg:reportOn <%s> ; prov:wasAttributedTo <agency/thanh-hoa/so-y-te> ;
    pg:progressStatus pg:Done ; pg:reportDate "2022-12-31"^^xsd:date ; pg:completionDate "2022-11-30"^^xsd:date ;
    prov:generatedAtTime "2022-12-31T00:00:00+07:00"^^xsd:dateTime ; pg:progressNote "Đã xong"@vi ;
    pg:evidence "Báo cáo số 123/BC-SYT" ; pg:sourceFile "a.xlsx" ; pg:sourceLine 4 ;
    prov:wasDerivedFrom <progress-file/a.xlsx> .
<report/2> a pg:ProgressReport ; pg:reportOn <%s> ; prov:wasAttributedTo <agency/thanh-hoa/so-y-te> ;
    pg:progressStatus pg:InProgress ; pg:reportDate "2022-06-30"^^xsd:date ;
    prov:generatedAtTime "2022-06-30T00:00:00+07:00"^^xsd:dateTime ; pg:sourceFile "a.xlsx" ; pg:sourceLine 5 ;
    prov:wasDerivedFrom <progress-file/a.xlsx> .
""" % ("0" * 64, T, T)

# (what to replace, with what, the finding expected: rule, severity, focus)
CASES = [
    ('pg:reportOn <%s> ; prov:wasAttributedTo <agency/thanh-hoa/so-y-te> ;\n    pg:progressStatus pg:Done' % T,
     'prov:wasAttributedTo <agency/thanh-hoa/so-y-te> ;\n    pg:progressStatus pg:Done',
     ("ProgressReportShape", "violation", "report/1")),
    ("pg:progressStatus pg:Done", "pg:progressStatus pg:Finished", ("ProgressReportShape", "violation", "report/1")),
    ('prov:wasAttributedTo <agency/thanh-hoa/so-y-te> ;\n    pg:progressStatus pg:Done',
     'prov:wasAttributedTo <agency/thanh-hoa/so-khong-co> ;\n    pg:progressStatus pg:Done',
     ("ProgressReportShape", "violation", "report/1")),
    ('pg:reportDate "2022-12-31"^^xsd:date', 'pg:reportDate "2022-12-31"', ("ProgressReportShape", "violation", "report/1")),
    ('pg:sha256 "%s"' % ("0" * 64), 'pg:sha256 "abc"', ("ReportFileShape", "violation", "progress-file/a.xlsx")),
    ("pg:reportOn <%s> ; prov:wasAttributedTo <agency/thanh-hoa/so-y-te> ;\n    pg:progressStatus pg:Done" % T,
     "pg:reportOn <plan/thanh-hoa/2021-2999/task/L99999> ; prov:wasAttributedTo <agency/thanh-hoa/so-y-te> ;\n"
     "    pg:progressStatus pg:Done", ("report-on-missing-task", "violation", "report/1")),
    (' pg:completionDate "2022-11-30"^^xsd:date ;', "", ("report-done-without-completion-date", "violation", "report/1")),
    ('pg:reportDate "2022-06-30"^^xsd:date', 'pg:reportDate "2021-06-30"^^xsd:date',
     ("report-before-plan", "violation", "report/2")),
    ('pg:completionDate "2022-11-30"^^xsd:date', 'pg:completionDate "2023-01-30"^^xsd:date',
     ("report-completed-after-report", "violation", "report/1")),
]


@pytest.fixture(scope="module")
def plans(tmp_path_factory, built):
    path = tmp_path_factory.mktemp("plans") / "plangraph.ttl"
    path.write_text(built.turtle, encoding="utf-8")
    return path


def findings(plans, tmp_path, text, engine="fast"):
    path = tmp_path / "progress.ttl"
    path.write_text(text, encoding="utf-8")
    report = validate_files([plans, path], engine=engine)
    return {(f.rule, f.severity, f.focus.replace("https://w3id.org/plangraph/id/", "")) for f in report.findings
            if "report" in f.focus or "progress-file" in f.focus}, report


def test_the_crafted_reports_are_valid(plans, tmp_path):
    assert findings(plans, tmp_path, VALID)[0] == set()


@pytest.mark.parametrize("old,new,expected", CASES, ids=[f"{c[2][0]}-{i}" for i, c in enumerate(CASES)])
def test_each_shape_and_rule(plans, tmp_path, old, new, expected):
    assert old in VALID
    found, report = findings(plans, tmp_path, VALID.replace(old, new, 1))
    assert expected in found
    if expected[0].startswith("report-"):  # a qc rule's finding names the report file and row
        finding = next(f for f in report.findings if f.rule == expected[0])
        assert finding.file == "a.xlsx" and finding.line in (4, 5)


def test_pyshacl_finds_what_the_fast_engine_finds(plans, tmp_path):
    broken = VALID.replace("pg:progressStatus pg:Done", "pg:progressStatus pg:Finished").replace(
        'pg:sha256 "%s"' % ("0" * 64), 'pg:sha256 "abc"')
    fast, _ = findings(plans, tmp_path, broken)
    reference, _ = findings(plans, tmp_path, broken, engine="pyshacl")
    assert fast == reference == {("ProgressReportShape", "violation", "report/1"),
                                 ("ReportFileShape", "violation", "progress-file/a.xlsx")}
