"""Plan extracts -> RDF triples, deterministic.

Each plan, its sections, tasks and targets; the agencies they name, each in its
jurisdiction, registered or not; the documents they cite (see :mod:`.documents`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..model import PlanExtract, Task
from ..text import fold
from .agencies import emit_agency, emit_collective_members, emit_jurisdiction
from .documents import KIND_CLASS, Documents, Issuers
from .iris import agency_path, jurisdiction_path, plan_path
from .succession import emit_succession
from .targets import SCOPE_CLASS, Indicators, emit_targets, indicator_key
from .terms import DCTERMS, ELI, ORG, PROV, RDFS, RDF_TYPE, SKOS, TIME, Triple, XSD, iri, lit, named as _p, pg

__all__ = ["GraphBuilder", "Summary", "indicator_key"]

_DEADLINE_KIND = {
    "by-date": "ByDate", "month": "DuringMonth", "quarter": "DuringQuarter", "year": "DuringYear",
    "period": "DuringPeriod", "ongoing": "Ongoing", "annual": "Annual", "none": "NoDeadline",
}


@dataclass
class Summary:
    """What a build produced."""

    documents: int = 0
    tasks: int = 0
    body_tasks: int = 0
    appendix_tasks: int = 0
    agencies: int = 0
    collectives: int = 0
    unregistered: int = 0
    targets: int = 0
    cited_documents: int = 0
    projects: int = 0
    triples: int = 0
    not_plans: int = 0
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


class GraphBuilder:
    """Collect plan extracts and emit the graph's triples."""

    def __init__(self, issuers: Issuers | None = None, indicators: list[dict] | None = None):
        self.issuers = issuers or Issuers()
        self.indicators = Indicators(indicators)
        self.plans: list[PlanExtract] = []

    def add(self, plan: PlanExtract) -> None:
        self.plans.append(plan)

    # -- emit -------------------------------------------------------------------------------

    def triples(self) -> tuple[set[Triple], Summary]:
        """Return the triples of the whole corpus and a summary."""
        out: set[Triple] = set()
        summary = Summary(documents=len(self.plans))
        docs = Documents(self.plans, self.issuers)
        resolved = docs.resolve_blank_decisions(self.plans)
        agencies: dict[str, object] = {}
        agencies_used: dict[str, set[str]] = defaultdict(set)
        projects_used: dict[str, object] = {}
        indicators_used: set[str] = set()
        jurisdictions: dict[str, object] = {}

        def add(s: str, p: str, o: str) -> None:
            out.add((s, p, o))

        plan_nodes: dict[str, str] = {}
        decision_docs: dict[str, object] = {}
        for plan in self.plans:
            place = _place_id(plan)
            decision = _issuing(plan)
            doc = None
            if plan.source_file in resolved:
                doc = resolved[plan.source_file][0]
            elif decision is not None:
                doc = docs.get(decision, plan.source_file)
                if doc is None and not plan.decision_number_missing:
                    doc = docs.add(decision, plan.source_file)
            decision_docs[plan.source_file] = doc
            if plan.number is not None:
                identifier, year = plan.number.identifier, plan.number.year
            elif doc is not None:
                identifier, year = doc.identifier.split("/")[0], doc.year
            else:
                identifier, year = Path(plan.source_file).stem, decision.year if decision else None
            plan_nodes[plan.source_file] = iri(plan_path(place, year, identifier))

        for plan in sorted(self.plans, key=lambda p: p.source_file):
            for key, agency in plan.agencies.items():
                known = agencies.get(key)
                if known is None:
                    agencies[key] = agency
                else:
                    known.surfaces |= agency.surfaces
            self._plan(add, plan, plan_nodes, decision_docs, docs, resolved, jurisdictions, summary)
            node = plan_nodes[plan.source_file]
            for task in plan.tasks:
                self._task(add, plan, node, task, agencies_used, projects_used)
            summary.tasks += len(plan.tasks)
            summary.appendix_tasks += sum(1 for t in plan.tasks if t.appendix)
            summary.body_tasks += sum(1 for t in plan.tasks if not t.appendix)
            emit_targets(add, plan, node, self.indicators, indicators_used)
            summary.targets += len(plan.targets)
            if plan.not_a_plan:
                summary.not_plans += 1

        self._citations(add, docs, plan_nodes, decision_docs)
        summary.cited_documents = len({doc.node for doc in docs.docs.values() if doc.citations})

        for key in sorted(agencies_used):
            agency = agencies[key]
            emit_agency(add, agency, agencies_used[key], jurisdictions)
            if agency.collective:
                summary.collectives += 1
            else:
                summary.agencies += 1
            summary.unregistered += 0 if agency.registered else 1
        # organisational changes: who holds each task on a given day (graph/succession.py)
        successors = emit_succession(add, self.plans, plan_nodes, agencies, agencies_used, jurisdictions)
        # a collective's members: the bodies the plans name, and those that took over from them
        # ("các sở, ban, ngành cấp tỉnh" takes in Sở Nông nghiệp và Môi trường from 2025-03-01)
        emit_collective_members(add, {**successors, **agencies}, agencies_used, agencies_used.keys() | successors.keys())
        for jurisdiction_id in sorted(jurisdictions):
            emit_jurisdiction(add, jurisdictions[jurisdiction_id])
        for project_id, project in sorted(projects_used.items()):
            pnode = iri(f"project/{project_id}")
            add(pnode, RDF_TYPE, pg("Project"))
            add(pnode, _p(SKOS, "prefLabel"), lit(project.name, lang="vi"))
            add(pnode, _p(RDFS, "label"), lit(project.name, lang="vi"))
        summary.projects = len(projects_used)
        for concept in sorted(indicators_used):
            entry = self.indicators.entries[concept]
            inode = iri(f"indicator/{concept}")
            add(inode, RDF_TYPE, pg("Indicator"))
            add(inode, RDF_TYPE, _p(SKOS, "Concept"))
            add(inode, _p(SKOS, "prefLabel"), lit(entry["name"], lang="vi"))
            add(inode, _p(SKOS, "prefLabel"), lit(entry["name_en"], lang="en"))
            add(inode, _p(RDFS, "label"), lit(entry["name"], lang="vi"))
            for source in entry.get("sources", []):
                add(inode, _p(DCTERMS, "source"), lit(source))
        summary.triples = len(out)
        return out, summary

    # -- plans ------------------------------------------------------------------------------

    def _plan(self, add, plan: PlanExtract, plan_nodes, decision_docs, docs: Documents, resolved,
              jurisdictions, summary: Summary) -> None:
        node = plan_nodes[plan.source_file]
        source_node = iri(f"source/{plan.source_file}")
        add(source_node, RDF_TYPE, pg("SourceFile"))
        add(source_node, RDF_TYPE, _p(PROV, "Entity"))
        add(source_node, pg("sha256"), lit(plan.sha256))
        add(source_node, pg("sourceFile"), lit(plan.source_file))
        add(source_node, _p(RDFS, "label"), lit(plan.source_file))
        if plan.not_a_plan:
            add(source_node, pg("readerNote"), lit(plan.not_a_plan))
        add(node, RDF_TYPE, pg("Plan") if not plan.not_a_plan or plan.tasks else pg("Document"))
        add(node, RDF_TYPE, _p(ELI, "LegalResource"))
        add(node, _p(RDFS, "label"), lit(plan.title, lang="vi"))
        add(node, _p(ELI, "title"), lit(plan.title, lang="vi"))
        if plan.title_en:
            add(node, _p(RDFS, "label"), lit(plan.title_en, lang="en"))
        add(node, _p(DCTERMS, "type"), lit(plan.kind, lang="vi"))
        add(node, pg("sourceFile"), lit(plan.source_file))
        add(node, _p(PROV, "wasDerivedFrom"), source_node)
        add(node, pg("scope"), pg(SCOPE_CLASS[plan.scope]))
        add(node, pg("scopeArea"), lit(plan.scope_area, lang="vi"))
        place = plan.jurisdiction
        if place is not None:
            jurisdictions.setdefault(place.id, place)
            add(node, pg("jurisdiction"), iri(jurisdiction_path(place.id)))
        issuer = self._issuer_node(add, plan)
        if issuer:
            add(node, _p(ELI, "passed_by"), issuer)
        if plan.number is not None:
            add(node, _p(ELI, "id_local"), lit(plan.number.identifier))
            if plan.number.date:
                add(node, _p(ELI, "date_document"), lit(plan.number.date.isoformat(), datatype=XSD + "date"))
            if plan.number.year:
                add(node, pg("documentYear"), lit(plan.number.year, datatype=XSD + "gYear"))
        years = [int(y) for y in re.findall(r"\b(20\d\d)\b", plan.title)]
        if years:
            add(node, pg("horizonYear"), lit(max(years), datatype=XSD + "gYear"))
        decision_doc = decision_docs[plan.source_file]
        issuing = _issuing(plan)
        if decision_doc is not None and issuing is not None:
            dnode = decision_doc.node
            add(node, pg("issuedBy"), dnode)
            add(dnode, pg("issues"), node)
            kind = {"Nghị quyết": "Resolution", "Quyết định": "Decision"}.get(issuing.kind) or KIND_CLASS.get(
                issuing.kind, "Document")
            add(dnode, RDF_TYPE, pg(kind))
            date = issuing.date
            if plan.source_file in resolved:
                citation = resolved[plan.source_file][1]
                date = date or citation.ref.date
                add(dnode, pg("numberSource"), _citation_node(plan_nodes, docs.source_of(citation), citation))
            decision_doc.kinds[issuing.kind] += 1
            docs.facts(add, decision_doc, override_date=date, issuer_node=issuer)
            if plan.decision_line:
                add(dnode, pg("sourceLine"), lit(plan.decision_line, datatype=XSD + "integer"))
                add(dnode, pg("sourceFile"), lit(plan.source_file))
        for ref in plan.implements:
            doc = docs.get(ref, plan.source_file)
            if doc is not None and doc.node != node:
                add(node, pg("implements"), doc.node)
        for ref in plan.based_on:
            doc = docs.get(ref, plan.source_file)
            if doc is not None:
                add(decision_doc.node if decision_doc is not None else node, _p(ELI, "based_on"), doc.node)
        # a document that is not a plan keeps its sections out: nothing in the graph is in them
        for section in plan.sections if not plan.not_a_plan or plan.tasks else []:
            snode = iri(f"{node[1:-1]}/section/{section.key}")
            add(snode, RDF_TYPE, pg("Section"))
            add(snode, pg("plan"), node)
            add(snode, pg("sectionNumber"), lit(section.number))
            add(snode, _p(RDFS, "label"), lit(f"{section.number}. {section.title}", lang="vi"))
            add(snode, pg("sourceLine"), lit(section.line, datatype=XSD + "integer"))
            add(snode, pg("sourceFile"), lit(plan.source_file))
            if section.parent:
                add(snode, pg("parentSection"), iri(f"{node[1:-1]}/section/{section.parent}"))

    def _issuer_node(self, add, plan: PlanExtract) -> str | None:
        """The body that issues the plan: a curated issuer, or an agency of the graph."""
        if not plan.issuer:
            return None
        place = _place_id(plan)
        issuer_id = self.issuers.resolve(_issuer_words(plan.issuer), "")
        if issuer_id:
            node = self.issuers.node(issuer_id, place)
            add(node, RDF_TYPE, pg("IssuingBody"))
            if not node.startswith(iri("agency/")[:-1]):
                entry = self.issuers.entries[issuer_id]
                add(node, RDF_TYPE, _p(ORG, "Organization"))
                add(node, _p(SKOS, "prefLabel"), lit(entry["name"], lang="vi"))
                add(node, _p(RDFS, "label"), lit(entry["name"], lang="vi"))
                if entry.get("name_en"):
                    add(node, _p(SKOS, "prefLabel"), lit(entry["name_en"], lang="en"))
                if entry.get("level") != "national" and plan.jurisdiction is not None:
                    add(node, pg("jurisdiction"), iri(jurisdiction_path(place)))
            return node
        for key, agency in plan.agencies.items():
            if not agency.collective and any(fold(s) == fold(_issuer_words(plan.issuer)) for s in agency.surfaces):
                node = iri(agency_path(key, False))
                add(node, RDF_TYPE, pg("IssuingBody"))
                return node
        return None

    # -- tasks ------------------------------------------------------------------------------

    def _task(self, add, plan: PlanExtract, plan_node: str, task: Task, agencies_used, projects_used) -> None:
        node = iri(f"{plan_node[1:-1]}/task/L{task.line}")
        add(node, RDF_TYPE, pg("Task"))
        add(node, RDF_TYPE, pg("AppendixTask" if task.appendix else "BodyTask"))
        add(node, pg("plan"), plan_node)
        add(node, _p(RDFS, "label"), lit(task.text, lang="vi"))
        add(node, pg("sourceFile"), lit(plan.source_file))
        add(node, pg("sourceLine"), lit(task.line, datatype=XSD + "integer"))
        if task.end_line != task.line:
            add(node, pg("sourceEndLine"), lit(task.end_line, datatype=XSD + "integer"))
        add(node, _p(PROV, "wasDerivedFrom"), iri(f"source/{plan.source_file}"))
        if task.section:
            add(node, pg("section"), iri(f"{plan_node[1:-1]}/section/{task.section}"))
        if task.row_number:
            add(node, pg("rowNumber"), lit(task.row_number))
        for key in task.refers_to:  # "thực hiện các nhiệm vụ tại mục (IV)(1)"
            add(node, pg("refersTo"), iri(f"{plan_node[1:-1]}/section/{key}"))
        if task.output:
            add(node, pg("output"), lit(task.output, lang="vi"))
        if task.submit_to:
            add(node, pg("submitTo"), lit(task.submit_to, lang="vi"))
        if task.budget:
            add(node, pg("budget"), lit(task.budget, lang="vi"))
        for mention in task.lead:
            add(node, pg("leadAgency"), self._agency_node(plan, mention.entity_id))
            agencies_used[mention.entity_id].add(mention.surface)
        for mention in task.coordinating:
            add(node, pg("coordinatingAgency"), self._agency_node(plan, mention.entity_id))
            agencies_used[mention.entity_id].add(mention.surface)
        deadline = task.deadline
        add(node, pg("deadlineKind"), pg(_DEADLINE_KIND[deadline.kind]))
        if deadline.text:
            add(node, pg("deadlineText"), lit(deadline.text, lang="vi"))
        if deadline.end:
            add(node, pg("deadline"), lit(deadline.end.isoformat(), datatype=XSD + "date"))
            interval = iri(f"{node[1:-1]}/deadline")
            add(node, pg("deadlineInterval"), interval)
            add(interval, RDF_TYPE, _p(TIME, "ProperInterval"))
            end = iri(f"{interval[1:-1]}/end")
            add(interval, _p(TIME, "hasEnd"), end)
            add(end, RDF_TYPE, _p(TIME, "Instant"))
            add(end, _p(TIME, "inXSDDate"), lit(deadline.end.isoformat(), datatype=XSD + "date"))
            if deadline.start:
                add(node, pg("deadlineStart"), lit(deadline.start.isoformat(), datatype=XSD + "date"))
                start = iri(f"{interval[1:-1]}/start")
                add(interval, _p(TIME, "hasBeginning"), start)
                add(start, RDF_TYPE, _p(TIME, "Instant"))
                add(start, _p(TIME, "inXSDDate"), lit(deadline.start.isoformat(), datatype=XSD + "date"))
        if task.details is not None:
            add(node, pg("details"), iri(f"{plan_node[1:-1]}/task/L{task.details}"))
        for project in task.projects:
            add(node, pg("project"), iri(f"project/{project.id}"))
            projects_used.setdefault(project.id, project)

    def _agency_node(self, plan: PlanExtract, key: str) -> str:
        agency = plan.agencies.get(key)
        return iri(agency_path(key, bool(agency is not None and agency.collective)))

    # -- citations ----------------------------------------------------------------------------

    def _citations(self, add, docs: Documents, plan_nodes, decision_docs) -> None:
        # a plan's own decision is described with its plan (its issuer is the plan's); the
        # other documents from how they are cited
        described = {doc.node for doc in decision_docs.values() if doc is not None}
        for doc in docs.docs.values():
            if not doc.citations:
                continue
            if doc.node not in described:
                docs.facts(add, doc)
            for source_file, citation in doc.citations:
                cnode = _citation_node(plan_nodes, source_file, citation)
                add(cnode, RDF_TYPE, pg("Citation"))
                add(cnode, RDF_TYPE, _p(PROV, "Entity"))
                add(cnode, pg("citedDocument"), doc.node)
                add(cnode, pg("citedIn"), plan_nodes[source_file])
                add(cnode, pg("sourceFile"), lit(source_file))
                add(cnode, pg("sourceLine"), lit(citation.line, datatype=XSD + "integer"))
                add(cnode, pg("citationText"), lit(citation.text, lang="vi"))
                add(cnode, _p(PROV, "wasDerivedFrom"), iri(f"source/{source_file}"))
                if plan_nodes[source_file] != doc.node:
                    add(plan_nodes[source_file], pg("cites"), doc.node)
                if citation.implements is not None:
                    target = docs.get(citation.implements, source_file)
                    if target is not None and target.node != doc.node:
                        add(doc.node, pg("implements"), target.node)


def _issuing(plan: PlanExtract):
    """The document that issues a plan: its Quyết định or Nghị quyết, or, for a Kế hoạch (a
    Chỉ thị ...) issued directly, the plan's own numbered document ("308/KH-UBND"), so that
    every plan has one issuing document to be named and cited by."""
    if plan.decision is not None:
        return plan.decision
    if plan.number is not None and (not plan.not_a_plan or plan.tasks):
        return plan.number
    return None


def _place_id(plan: PlanExtract) -> str:
    place = plan.jurisdiction
    if place is None:
        return "vn"
    return place.id.split("/")[0] if place.level in ("district", "commune") else place.id


def _issuer_words(printed: str) -> str:
    """"ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP" -> "Ủy ban nhân dân tỉnh Đồng Tháp" (matching ignores case)."""
    return re.sub(r"\s+", " ", printed).strip()


def _citation_node(plan_nodes, source_file: str, citation) -> str:
    from ..text import slugify

    plan_node = plan_nodes[source_file][1:-1]
    return iri(f"{plan_node}/citation/L{citation.line}-{slugify(citation.ref.identifier)}")
