"""A validation report as JSON (``validate -f json``) or as a standard ``sh:ValidationReport``
in Turtle (``validate -f turtle``), from :class:`plangraph.validate.Report`.

Example:
    >>> from plangraph.validate import Report
    >>> report_json(Report(findings=[], rules={}, triples=3))["conforms"]
    True
"""

from __future__ import annotations

from dataclasses import asdict

from .validate import QC_BASE, SH, Report

__all__ = ["report_json", "report_turtle"]


def report_json(report: Report) -> dict:
    return {
        "conforms": not report.fails("violation"),
        "violations": report.count("violation"),
        "warnings": report.count("warning"),
        "infos": report.count("info"),
        "triples": report.triples,
        "findings": [asdict(f) for f in report.findings],
    }


def report_turtle(report: Report) -> str:
    """A standard sh:ValidationReport (qc rules appear as sh:sourceShape <.../qc/NAME>)."""
    from .graph.terms import RDF_TYPE, iri, lit, to_turtle

    sh = lambda name: iri(SH + name)  # noqa: E731
    triples = set()
    node = iri(QC_BASE + "report")
    triples.add((node, RDF_TYPE, sh("ValidationReport")))
    triples.add((node, sh("conforms"), lit("false" if report.fails("violation") else "true",
                                           datatype="http://www.w3.org/2001/XMLSchema#boolean")))
    for index, finding in enumerate(report.findings, start=1):
        result = iri(f"{QC_BASE}report/result-{index}")
        triples.add((node, sh("result"), result))
        triples.add((result, RDF_TYPE, sh("ValidationResult")))
        triples.add((result, sh("resultSeverity"), sh(finding.severity.capitalize())))
        triples.add((result, sh("focusNode"), iri(finding.focus) if finding.focus.startswith("http") else lit(finding.focus)))
        triples.add((result, sh("resultMessage"), lit(finding.message, lang="en")))
        for lang, message in sorted(report.messages.get(finding.message, {}).items()):
            triples.add((result, sh("resultMessage"), lit(message, lang=lang)))
        source = f"https://w3id.org/plangraph/shapes#{finding.rule}" if finding.rule not in report.rules \
            else QC_BASE + finding.rule
        triples.add((result, sh("sourceShape"), iri(source)))
        if finding.value:
            triples.add((result, sh("value"), lit(finding.value)))
        if finding.where:
            triples.add((result, iri("https://w3id.org/plangraph/ontology#sourceFile"), lit(finding.file)))
        if finding.line:
            triples.add((result, iri("https://w3id.org/plangraph/ontology#sourceLine"),
                         lit(finding.line, datatype="http://www.w3.org/2001/XMLSchema#integer")))
    return to_turtle(triples, prefixes={"sh": SH, "qc": QC_BASE})
