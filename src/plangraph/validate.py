"""Validation: SHACL shapes (``shapes/*.ttl``) and whole-graph rules (``queries/qc/*.rq``).

Each finding carries the node, its label, the message, and the source file and line the
node came from, so that an official can open the plan at the right place.

* Shapes run with pySHACL, inference off. The ontology's ``rdfs:subClassOf`` triples are
  added to the data graph (what ``sh:class`` and ``sh:targetClass`` need) instead of
  passing the ontology as pySHACL's ``ont_graph``: that path took nine minutes on the five
  plans' graph, this one under a second.
* Rules that relate several nodes are SPARQL queries run on pyoxigraph: pySHACL runs
  ``sh:sparql`` constraints far slower than one query over the whole graph. Every row of a
  rule is a finding; the rule's header gives its title, problem, solution and severity.

Exit codes (as pySHACL): 0 no finding at or above ``fail_on`` (warnings are printed), 1
findings at or above it, 2 when something cannot be read.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field
from pathlib import Path

from .catalogue import t
from .errors import PlangraphError
from .shacl import english_message

__all__ = ["Finding", "Report", "validate_files", "qc_rules", "shape_titles", "SEVERITIES"]  # the formats: validation_report

SEVERITIES = ("violation", "warning", "info")
SH = "http://www.w3.org/ns/shacl#"
QC_BASE = "https://w3id.org/plangraph/qc/"


class ValidationError(PlangraphError):
    """Input that cannot be read: a file that does not parse, a broken shape or rule."""


@dataclass
class Finding:
    """One problem found in the graph."""

    rule: str  # shape IRI (local name) or qc rule name
    severity: str  # violation, warning, info
    focus: str
    message: str
    label: str = ""
    file: str = ""
    line: int | None = None
    path: str = ""
    value: str = ""

    @property
    def where(self) -> str:
        if self.file and self.line:
            return f"{self.file}:{self.line}"
        return self.file


@dataclass
class Report:
    """All findings of one validation."""

    findings: list[Finding] = field(default_factory=list)
    rules: dict[str, dict[str, str]] = field(default_factory=dict)  # qc rule name -> header
    triples: int = 0
    # rule (qc rule or node shape) -> {"vi": title, "en": title}: the heading of its findings
    titles: dict[str, dict[str, str]] = field(default_factory=dict)
    # a finding's (English) message -> {"vi": message}: what people read in their language
    messages: dict[str, dict[str, str]] = field(default_factory=dict)

    def message(self, finding: "Finding", lang: str) -> str:
        """The message of ``finding`` in ``lang`` (its English one when there is no other)."""
        return self.messages.get(finding.message, {}).get(lang, finding.message)

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def fails(self, fail_on: str = "violation") -> bool:
        limit = SEVERITIES.index(fail_on)
        return any(SEVERITIES.index(f.severity) <= limit for f in self.findings)


# -- reading ------------------------------------------------------------------------------

def _parse_rdflib(path: Path, graph=None):
    import rdflib

    graph = graph if graph is not None else rdflib.Graph()
    try:
        graph.parse(path, format="turtle" if path.suffix in (".ttl", ".turtle") else None)
    except FileNotFoundError:
        raise ValidationError(t("validate.not_found"), path=str(path)) from None
    except Exception as error:  # rdflib raises several types for bad syntax
        line = None
        match = re.search(r"line (\d+)", str(error))
        if match:
            line = int(match.group(1))
        first = str(error).strip().splitlines()[0][:200] if str(error).strip() else type(error).__name__
        raise ValidationError(t("validate.cannot_parse", detail=first), path=str(path), line=line) from None
    return graph


def _load_oxigraph(paths: list[Path]):
    import pyoxigraph as ox

    store = ox.Store()
    for path in paths:
        try:
            store.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE)
        except SyntaxError as error:
            match = re.search(r"line (\d+)", str(error)) or re.search(r"(\d+):(\d+)", str(error))
            raise ValidationError(t("validate.syntax", detail=str(error).split(' (')[0]), path=str(path),
                                  line=int(match.group(1)) if match else None) from None
        except OSError as error:
            raise ValidationError(t("validate.cannot_read", detail=error), path=str(path)) from None
    return store


def qc_rules(folder: Path | None = None) -> dict[str, tuple[dict[str, str], str]]:
    """The whole-graph rules: name -> (header, query text).

    The header has ``title``, ``problem``, ``solution`` and ``severity``, and the same in
    Vietnamese as ``title-vi``, ``problem-vi`` and ``solution-vi`` (what ``validate`` shows
    by default; findings in json and turtle carry the English ``problem``).
    """
    from .resources import qc_folder

    folder = folder or qc_folder()
    rules = {}
    for path in sorted(folder.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        header = {}
        for line in text.splitlines():
            if not line.startswith("#"):
                break
            key, _, value = line[1:].partition(":")
            header[key.strip()] = value.strip()
        if header.get("severity") not in SEVERITIES or not header.get("title"):
            raise ValidationError("a qc rule needs '# title:' and '# severity: violation|warning|info'",
                                  path=str(path))
        rules[path.stem] = (header, text)
    return rules


# -- running ------------------------------------------------------------------------------

def _shacl_findings(data_graph, shapes_graph) -> list[Finding]:
    import pyshacl
    import rdflib
    from rdflib.namespace import SH as SHNS

    conforms, report, _ = pyshacl.validate(data_graph, shacl_graph=shapes_graph, inference="none",
                                           advanced=False, allow_warnings=True)
    findings = []
    for result in report.subjects(rdflib.RDF.type, SHNS.ValidationResult):
        def one(predicate):
            value = report.value(result, predicate)
            return value

        # a shape with a message in two languages gives two: the English one is the finding's
        english = english_message(report.objects(result, SHNS.resultMessage))

        severity = str(one(SHNS.resultSeverity) or SH + "Violation").rsplit("#", 1)[-1].lower()
        shape = one(SHNS.sourceShape)
        # a property shape is a blank node: name the rule after its node shape
        node_shape = next(iter(shapes_graph.subjects(SHNS.property, shape)), shape)
        rule = str(node_shape).rsplit("#", 1)[-1] if not isinstance(node_shape, rdflib.BNode) else "shape"
        path = one(SHNS.resultPath)
        value = one(SHNS.value)
        findings.append(Finding(
            rule=rule, severity=severity, focus=str(one(SHNS.focusNode)),
            message=str(english or "does not conform"),
            path=_short(str(path)) if path is not None else "",
            value=str(value) if value is not None else "",
        ))
    return findings


def _short(iri: str) -> str:
    for long, short in (("https://w3id.org/plangraph/ontology#", "pg:"),
                        ("http://www.w3.org/2004/02/skos/core#", "skos:"),
                        ("http://www.w3.org/2000/01/rdf-schema#", "rdfs:"),
                        ("http://data.europa.eu/eli/ontology#", "eli:")):
        if iri.startswith(long):
            return short + iri[len(long):]
    return iri


def _fast_shacl_findings(store, shapes_graph, ontology_graph) -> list[Finding]:
    """The shapes compiled to SPARQL and run on pyoxigraph (see :mod:`plangraph.shacl`)."""
    from .shacl import UnsupportedShape, compile_shapes

    try:
        checks = compile_shapes(shapes_graph, ontology_graph)
    except UnsupportedShape as error:
        raise ValidationError(str(error)) from None
    findings = []
    seen = set()
    for check in checks:
        try:
            answer = store.query(check.query)
        except SyntaxError as error:  # a bug in the compiler, not in the user's data
            raise ValidationError(f"shape {check.shape}: cannot compile to SPARQL: {error}") from None
        variables = [v.value for v in answer.variables]
        for solution in answer:
            focus = solution["focus"]
            value = solution["value"].value if "value" in variables and solution["value"] is not None else ""
            key = (check.shape, check.path, check.message, focus.value, value)
            if focus is None or key in seen:
                continue
            seen.add(key)
            findings.append(Finding(rule=check.shape, severity=check.severity, focus=focus.value,
                                    message=check.message, path=_short(check.path) if check.path else "",
                                    value=value))
    return findings


def _qc_findings(store, rules) -> list[Finding]:
    findings = []
    for name, (header, text) in rules.items():
        try:
            answer = store.query(text)
        except SyntaxError as error:
            raise ValidationError(f"qc rule {name}: SPARQL syntax error: {error}") from None
        variables = [v.value for v in answer.variables]
        for solution in answer:
            focus = solution["focus"]
            if focus is None:
                continue
            details = [f"{var} {_short_node(solution[var].value)}" for var in variables
                       if var != "focus" and solution[var] is not None]
            value = solution["value"].value if "value" in variables and solution["value"] is not None else ""
            findings.append(Finding(rule=name, severity=header["severity"], focus=focus.value,
                                    message=header.get("problem", header["title"]), value=value,
                                    path="; ".join(details)))
    return findings


_WHERE = """
PREFIX pg: <https://w3id.org/plangraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?node ?label ?file ?line ?source ?cfile ?cline WHERE {
  VALUES ?node { %s }
  OPTIONAL { ?node rdfs:label ?label }
  OPTIONAL { ?node pg:sourceFile ?file }
  OPTIONAL { ?node pg:sourceLine ?line }
  OPTIONAL { ?node dcterms:source ?source }
  OPTIONAL { ?c pg:citedDocument ?node ; pg:sourceFile ?cfile ; pg:sourceLine ?cline }
}"""


def _locate(store, findings: list[Finding]) -> None:
    """Fill in the label, file and line of each finding's node."""
    nodes = sorted({f.focus for f in findings if f.focus.startswith("http")})
    known: dict[str, tuple[str, str, int | None]] = {}
    for start in range(0, len(nodes), 500):
        chunk = nodes[start: start + 500]
        values = " ".join(f"<{n}>" for n in chunk if not re.search(r'[<>"{}|^`\\\s]', n))
        for row in store.query(_WHERE % values):
            node = row["node"].value
            label = row["label"].value if row["label"] is not None else ""
            file = row["file"].value if row["file"] is not None else ""
            line = int(row["line"].value) if row["line"] is not None else None
            if not file and row["source"] is not None and ":" in row["source"].value:
                file, _, rest = row["source"].value.partition(":")
                line = int(re.match(r"\d+", rest).group(0)) if re.match(r"\d+", rest) else None
            if not file and row["cfile"] is not None:
                file, line = row["cfile"].value, int(row["cline"].value)
            previous = known.get(node)
            if previous is None or (previous[2] or 10**9) > (line or 10**9) or (not previous[0] and label):
                known[node] = (label or (previous[0] if previous else ""), file, line)
    for finding in findings:
        if finding.focus in known:
            finding.label, finding.file, finding.line = known[finding.focus]


def _stamp(paths) -> tuple:
    """Each file with a digest of its bytes: the key under which it was parsed (a time of
    change can stay the same through an edit on a coarse clock)."""
    import hashlib

    stamped = []
    for path in paths:
        try:
            digest = hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
        except OSError:  # missing or unreadable: parsed (and refused, naming it) by _parse_rdflib
            digest = None
        stamped.append((path, digest))
    return tuple(stamped)


@lru_cache(maxsize=4)
def _reference_graphs(ontology: tuple, shapes: tuple):
    """The ontology and the shapes, parsed once per process while their bytes are unchanged
    (parsing them with rdflib was most of validating a small graph: 0.2 s each time).
    The graphs are shared: nothing here changes them."""
    import rdflib

    ontology_graph = _parse_rdflib(ontology[0][0])
    shapes_graph = rdflib.Graph()
    for path, _ in shapes:
        _parse_rdflib(path, shapes_graph)
    return ontology_graph, shapes_graph


def validate_files(
    data_files: list[Path],
    shapes_dir: Path | None = None,
    ontology: Path | None = None,
    rules_dir: Path | None = None,
    progress=None,
    engine: str = "fast",
) -> Report:
    """Validate the union of ``data_files`` against the shapes and qc rules."""
    import rdflib
    from rdflib.namespace import RDFS

    from .resources import ontology_file, shapes_folder

    shapes_dir = shapes_dir or shapes_folder()
    ontology = ontology or ontology_file()
    store = _load_oxigraph(data_files)  # fast, and the clearest syntax errors
    triples = len(store)
    ontology_graph, shapes = _reference_graphs(_stamp([ontology]), _stamp(sorted(shapes_dir.glob("*.ttl"))))
    if progress:
        progress(t("validate.reading", triples=triples, engine=engine))
    if engine == "pyshacl":
        data = rdflib.Graph()
        for path in data_files:
            _parse_rdflib(path, data)
        for triple in ontology_graph.triples((None, RDFS.subClassOf, None)):
            data.add(triple)
        findings = _shacl_findings(data, shapes)
    else:
        findings = _fast_shacl_findings(store, shapes, ontology_graph)
    rules = qc_rules(rules_dir)
    if progress:
        progress(t("validate.rules", count=len(rules)))
    findings += _qc_findings(store, rules)
    _locate(store, findings)
    findings.sort(key=lambda f: (SEVERITIES.index(f.severity), f.rule, f.file, f.line or 0, f.focus, f.path))
    titles = {name: {"en": header["title"], "vi": header.get("title-vi", header["title"])}
              for name, (header, _) in rules.items()}
    titles.update(shape_titles(shapes))
    messages = {header.get("problem", header["title"]): {"vi": header["problem-vi"]}
                for header, _ in rules.values() if header.get("problem-vi")}
    messages.update(shape_messages(shapes))
    return Report(findings=findings, rules={name: header for name, (header, _) in rules.items()}, triples=triples,
                  titles=titles, messages=messages)


def shape_messages(shapes_graph) -> dict[str, dict[str, str]]:
    """Each English ``sh:message`` (tagged @en, or untagged) -> its other languages, from the
    shapes that give one in several."""
    from rdflib.namespace import SH as SHNS

    found: dict[str, dict[str, str]] = {}
    for node in set(shapes_graph.subjects(SHNS.message, None)):
        literals = list(shapes_graph.objects(node, SHNS.message))
        english = english_message(literals)
        others = {m.language: str(m) for m in literals if getattr(m, "language", None) not in (None, "en")}
        if english is not None and others:
            found.setdefault(str(english), {}).update(others)
    return found


def shape_titles(shapes_graph) -> dict[str, dict[str, str]]:
    """Each node shape's title (its ``rdfs:label`` or ``sh:name``, by language)."""
    import rdflib
    from rdflib.namespace import RDF, RDFS, SH as SHNS

    titles: dict[str, dict[str, str]] = {}
    for shape in shapes_graph.subjects(RDF.type, SHNS.NodeShape):
        if isinstance(shape, rdflib.BNode):
            continue
        for predicate in (RDFS.label, SHNS.name):
            for label in shapes_graph.objects(shape, predicate):
                titles.setdefault(str(shape).rsplit("#", 1)[-1], {})[label.language or "en"] = str(label)
    return titles


def _short_node(iri: str) -> str:
    return iri.replace("https://w3id.org/plangraph/id/", "")
