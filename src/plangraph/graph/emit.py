"""Plan extracts -> RDF triples, deterministic.

The corpus is assembled here, because several facts need every document at once:

* a document cited without a date gets the year other mentions give it (numbers restart
  every year, so IRIs are built from number and year);
* a plan whose own text leaves the decision number blank ("Quyết định số .../QĐ-UBND")
  gets it from another plan that cites that decision by its title;
* the chain plan -> programme -> resolution is the union of the "thực hiện" links.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..extract.agencies import AgencyResolver, name_key
from ..model import Citation, DocRef, PlanExtract, Task
from ..resources import registry_file
from ..text import fold, slugify
from .terms import (
    DCTERMS, ELI, ORG, PG, PROV, RDF_TYPE, RDFS, SKOS, TIME, XSD, Triple, iri, lit,
)

__all__ = ["GraphBuilder", "Summary", "ISSUERS_PATH"]

ISSUERS_PATH = registry_file("issuers")  # the bundled registries (package data)
INDICATORS_PATH = registry_file("indicators")


def indicator_key(text: str) -> str:
    """Comparable form of an indicator: no case, diacritics or punctuation.

    Example:
        >>> indicator_key("Tỷ lệ dân số tham gia BHYT/tổng số dân")
        'ty le dan so tham gia bhyt tong so dan'
    """
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9 ]", " ", fold(text))).strip()


class _Indicators:
    def __init__(self, items: list[dict] | None = None):
        """``items``: the merged [[indicator]] entries (default: those of the active registries)."""
        if items is None:
            from ..registries import active

            items = active().items("indicators", "indicator")
        self.entries = {item["id"]: item for item in items}
        self.keys = sorted(
            ((indicator_key(key), item["id"]) for item in items for key in item["keys"]),
            key=lambda pair: -len(pair[0]),
        )

    def match(self, indicator: str) -> str | None:
        key = indicator_key(indicator)
        for known, concept in self.keys:
            if key == known:
                return concept
            # "tỷ lệ ... của tỉnh" is the same indicator; "tỷ lệ ..., trong đó có ..." ("of
            # which") is a part of it, with a value of its own
            if key.startswith(known + " ") and not re.match(r"trong do\b", key[len(known) + 1:]):
                return concept
        return None

_KIND_CLASS = {
    "Nghị quyết": "Resolution",
    "Quyết định": "Decision",
    "Chương trình": "Programme",
    "Kế hoạch": "Programme",
    "Nghị định": "Decree",
    "Kết luận": "Conclusion",
    "Chỉ thị": "Directive",
    "Công văn": "OfficialLetter",
    "Thông báo": "OfficialLetter",
    "Thông tư": "Document",
    "Văn bản": "Document",
}
_DEADLINE_KIND = {
    "by-date": "ByDate", "month": "DuringMonth", "quarter": "DuringQuarter", "year": "DuringYear",
    "period": "DuringPeriod", "ongoing": "Ongoing", "annual": "Annual", "none": "NoDeadline",
}
_SCOPE = {"province": "ProvinceScope", "city": "CityScope", "district": "DistrictScope"}


def pg(name: str) -> str:
    return iri(PG + name)


def _p(namespace: str, name: str) -> str:
    return iri(namespace + name)


@dataclass
class Summary:
    """What a build produced."""

    documents: int = 0
    tasks: int = 0
    body_tasks: int = 0
    appendix_tasks: int = 0
    agencies: int = 0
    collectives: int = 0
    targets: int = 0
    cited_documents: int = 0
    projects: int = 0
    triples: int = 0
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class _Doc:
    identifier: str
    year: int | None
    kinds: Counter = field(default_factory=Counter)
    dates: Counter = field(default_factory=Counter)
    issuers: Counter = field(default_factory=Counter)
    titles: Counter = field(default_factory=Counter)
    citations: list[tuple[str, Citation]] = field(default_factory=list)

    @property
    def node(self) -> str:
        return iri(f"doc/{self.year or 'undated'}/{slugify(self.identifier)}")


def _id_key(identifier: str) -> str:
    return re.sub(r"\s+", "", identifier).upper()


class _Issuers:
    def __init__(self, items: list[dict] | None = None):
        """``items``: the merged [[issuer]] entries (default: those of the active registries)."""
        if items is None:
            from ..registries import active

            items = active().items("issuers", "issuer")
        self.entries = {item["id"]: item for item in items}
        self.by_key: dict[str, str] = {}
        self.by_code: dict[str, str] = {}
        for item in items:
            for name in [item["name"], *item.get("aliases", [])]:
                self.by_key[name_key(name)] = item["id"]
            for code in item.get("codes", []):
                self.by_code[code.upper()] = item["id"]

    def resolve(self, printed: str | None, identifier: str) -> str | None:
        if printed:
            key = name_key(printed)
            for candidate in (key, re.sub(r"\s+thanh hóa$", "", key)):
                if candidate in self.by_key:
                    return self.by_key[candidate]
        codes = re.split(r"[-/]", identifier.upper())
        for code in reversed(codes[1:]):
            if code in self.by_code:
                return self.by_code[code]
        return None

    def node(self, issuer_id: str) -> str:
        agency = self.entries[issuer_id].get("agency")
        return iri(f"agency/{agency}") if agency else iri(f"issuer/{issuer_id}")


class GraphBuilder:
    """Collect plan extracts and emit the graph's triples."""

    def __init__(self, resolver: AgencyResolver):
        self.resolver = resolver
        self.issuers = _Issuers()
        self.indicators = _Indicators()
        self.plans: list[PlanExtract] = []

    def add(self, plan: PlanExtract) -> None:
        self.plans.append(plan)

    # -- documents ----------------------------------------------------------------------

    def _documents(self) -> tuple[dict[tuple[str, int | None], _Doc], dict[str, int]]:
        years: dict[str, set[int]] = defaultdict(set)
        for plan in self.plans:
            for citation in plan.citations:
                if citation.ref.year and not citation.ref.identifier.startswith("."):
                    years[_id_key(citation.ref.identifier)].add(citation.ref.year)
        unique_year = {key: next(iter(ys)) for key, ys in years.items() if len(ys) == 1}
        docs: dict[tuple[str, int | None], _Doc] = {}
        for plan in sorted(self.plans, key=lambda p: p.source_file):
            for citation in plan.citations:
                ref = citation.ref
                if ref.identifier.startswith(".") or not re.match(r"\d", ref.identifier):
                    continue  # the plan's own decision, number left blank
                key = (_id_key(ref.identifier), ref.year or unique_year.get(_id_key(ref.identifier)))
                doc = docs.setdefault(key, _Doc(ref.identifier, key[1]))
                doc.kinds[ref.kind] += 1
                if ref.date:
                    doc.dates[ref.date] += 1
                if ref.issuer:
                    doc.issuers[ref.issuer] += 1
                if ref.title and len(ref.title) > 12:
                    doc.titles[ref.title] += 1
                doc.citations.append((plan.source_file, citation))
        return docs, unique_year

    def _doc_for(self, ref: DocRef, docs, unique_year) -> _Doc | None:
        key = (_id_key(ref.identifier), ref.year or unique_year.get(_id_key(ref.identifier)))
        return docs.get(key)

    def _resolve_blank_decisions(self, docs) -> dict[str, tuple[_Doc, Citation]]:
        """Find, for each plan whose decision number is blank, the citation naming it."""
        found: dict[str, tuple[_Doc, Citation]] = {}
        for plan in self.plans:
            if not plan.decision_number_missing or plan.decision is None:
                continue
            plan_words = set(re.findall(r"\w+", fold(plan.title)))
            best = None
            for doc in docs.values():
                if not doc.identifier.upper().endswith("QĐ-UBND") or doc.year != plan.decision.year:
                    continue
                for source_file, citation in doc.citations:
                    if source_file == plan.source_file or not citation.ref.title:
                        continue
                    words = set(re.findall(r"\w+", fold(citation.ref.title)))
                    score = len(words & plan_words) / max(1, len(words))
                    if score >= 0.8 and (best is None or score > best[0]):
                        best = (score, doc, citation)
            if best:
                found[plan.source_file] = (best[1], best[2])
        return found

    # -- emit ---------------------------------------------------------------------------

    def triples(self) -> tuple[set[Triple], Summary]:
        """Return the triples of the whole corpus and a summary."""
        out: set[Triple] = set()
        summary = Summary(documents=len(self.plans))
        docs, unique_year = self._documents()
        resolved = self._resolve_blank_decisions(docs)
        agencies_used: dict[str, set[str]] = defaultdict(set)
        projects_used: dict[str, object] = {}
        plan_nodes: dict[str, str] = {}
        indicators_used: set[str] = set()

        def add(s: str, p: str, o: str) -> None:
            out.add((s, p, o))

        # plan nodes first: citations of a plan's decision must reuse its IRI
        decision_docs: dict[str, _Doc | None] = {}
        for plan in self.plans:
            decision = plan.decision
            doc = None
            if plan.source_file in resolved:
                doc = resolved[plan.source_file][0]
            elif decision is not None:
                doc = self._doc_for(decision, docs, unique_year)
                if doc is None and not plan.decision_number_missing:
                    doc = _Doc(decision.identifier, decision.year)
                    docs[(_id_key(decision.identifier), decision.year)] = doc
            decision_docs[plan.source_file] = doc
            number = doc.identifier.split("/")[0] if doc else slugify(Path(plan.source_file).stem)
            year = (doc.year if doc else None) or (decision.year if decision else "undated")
            plan_nodes[plan.source_file] = iri(f"plan/{year}-{number}")

        for plan in sorted(self.plans, key=lambda p: p.source_file):
            node = plan_nodes[plan.source_file]
            source_node = iri(f"source/{plan.source_file}")
            add(source_node, RDF_TYPE, pg("SourceFile"))
            add(source_node, RDF_TYPE, _p(PROV, "Entity"))
            add(source_node, pg("sha256"), lit(plan.sha256))
            add(source_node, pg("sourceFile"), lit(plan.source_file))
            add(source_node, _p(RDFS, "label"), lit(plan.source_file))

            add(node, RDF_TYPE, pg("Plan"))
            add(node, RDF_TYPE, _p(ELI, "LegalResource"))
            add(node, _p(RDFS, "label"), lit(plan.title, lang="vi"))
            add(node, _p(ELI, "title"), lit(plan.title, lang="vi"))
            if plan.title_en:
                add(node, _p(RDFS, "label"), lit(plan.title_en, lang="en"))
            add(node, _p(DCTERMS, "type"), lit(plan.kind, lang="vi"))
            add(node, pg("sourceFile"), lit(plan.source_file))
            add(node, _p(PROV, "wasDerivedFrom"), source_node)
            add(node, pg("scope"), pg(_SCOPE[plan.scope]))
            add(node, pg("scopeArea"), lit(plan.scope_area, lang="vi"))
            add(node, _p(ELI, "passed_by"), self.issuers.node("ubnd-tinh"))
            years = [int(y) for y in re.findall(r"\b(20\d\d)\b", plan.title)]
            if years:
                add(node, pg("horizonYear"), lit(max(years), datatype=XSD + "gYear"))

            decision_doc = decision_docs[plan.source_file]
            if decision_doc is not None and plan.decision is not None:
                dnode = decision_doc.node
                add(node, pg("issuedBy"), dnode)
                add(dnode, pg("issues"), node)
                add(dnode, RDF_TYPE, pg("Decision"))
                date = plan.decision.date
                if plan.source_file in resolved:
                    citation = resolved[plan.source_file][1]
                    date = date or citation.ref.date
                    add(dnode, pg("numberSource"), self._citation_node(plan_nodes, resolved_file(docs, citation), citation))
                self._document_facts(add, decision_doc, override_date=date)
                if plan.decision_line:
                    add(dnode, pg("sourceLine"), lit(plan.decision_line, datatype=XSD + "integer"))
                    add(dnode, pg("sourceFile"), lit(plan.source_file))
            for ref in plan.implements:
                doc = self._doc_for(ref, docs, unique_year)
                if doc is not None:
                    add(node, pg("implements"), doc.node)

            for section in plan.sections:
                snode = iri(f"{node[1:-1]}/section/{section.key}")
                add(snode, RDF_TYPE, pg("Section"))
                add(snode, pg("plan"), node)
                add(snode, pg("sectionNumber"), lit(section.number))
                add(snode, _p(RDFS, "label"), lit(f"{section.number}. {section.title}", lang="vi"))
                add(snode, pg("sourceLine"), lit(section.line, datatype=XSD + "integer"))
                add(snode, pg("sourceFile"), lit(plan.source_file))
                if section.parent:
                    add(snode, pg("parentSection"), iri(f"{node[1:-1]}/section/{section.parent}"))

            for task in plan.tasks:
                self._task(add, plan, node, task, agencies_used, projects_used)
            summary.tasks += len(plan.tasks)
            summary.appendix_tasks += sum(1 for t in plan.tasks if t.appendix)
            summary.body_tasks += sum(1 for t in plan.tasks if not t.appendix)

            for index, target in enumerate(plan.targets):
                tnode = iri(f"{node[1:-1]}/target/L{target.line}-{index + 1}")
                add(tnode, RDF_TYPE, pg("Target"))
                add(tnode, pg("plan"), node)
                add(tnode, pg("indicator"), lit(target.indicator, lang="vi"))
                add(tnode, pg("indicatorKey"), lit(indicator_key(target.indicator)))
                concept = self.indicators.match(target.indicator)
                if concept:
                    add(tnode, pg("measures"), iri(f"indicator/{concept}"))
                    indicators_used.add(concept)
                add(tnode, _p(RDFS, "label"), lit(f"{target.indicator}: {target.value_text}", lang="vi"))
                add(tnode, pg("valueText"), lit(target.value_text, lang="vi"))
                add(tnode, pg("unit"), lit(target.unit))
                add(tnode, pg("comparator"), lit(target.comparator))
                if target.approximate:
                    add(tnode, pg("approximate"), lit("true", datatype=XSD + "boolean"))
                if target.value is not None:
                    add(tnode, pg("value"), lit(_decimal(target.value), datatype=XSD + "decimal"))
                if target.min_value is not None:
                    add(tnode, pg("minValue"), lit(_decimal(target.min_value), datatype=XSD + "decimal"))
                    add(tnode, pg("maxValue"), lit(_decimal(target.max_value), datatype=XSD + "decimal"))
                if target.year:
                    add(tnode, pg("targetYear"), lit(target.year, datatype=XSD + "gYear"))
                if target.period:
                    add(tnode, pg("periodStart"), lit(target.period[0], datatype=XSD + "gYear"))
                    add(tnode, pg("periodEnd"), lit(target.period[1], datatype=XSD + "gYear"))
                add(tnode, pg("scope"), pg(_SCOPE[target.scope]))
                add(tnode, pg("scopeArea"), lit(target.scope_area, lang="vi"))
                add(tnode, pg("sourceFile"), lit(plan.source_file))
                add(tnode, pg("sourceLine"), lit(target.line, datatype=XSD + "integer"))
                add(tnode, _p(PROV, "wasDerivedFrom"), source_node)
            summary.targets += len(plan.targets)

        # documents: every cited document, with the lines that cite it
        cited = set()
        for doc in docs.values():
            self._document_facts(add, doc)
            for index, (source_file, citation) in enumerate(doc.citations):
                cnode = self._citation_node(plan_nodes, source_file, citation)
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
                cited.add(doc.node)
                if citation.implements is not None:
                    target = self._doc_for(citation.implements, docs, unique_year)
                    if target is not None and target.node != doc.node:
                        add(doc.node, pg("implements"), target.node)
                if citation.based_on:
                    decision = next(
                        (d.node for f, d in decision_docs.items() if f == source_file and d is not None), None
                    )
                    if decision and decision != doc.node:
                        add(decision, _p(ELI, "based_on"), doc.node)
        summary.cited_documents = len(cited)

        # agencies and collectives met in tasks
        for entity_id, surfaces in sorted(agencies_used.items()):
            self._agency(add, entity_id, surfaces)
            if entity_id in self.resolver.entries and self.resolver.entries[entity_id].is_collective:
                summary.collectives += 1
            else:
                summary.agencies += 1
        self._collective_members(add, agencies_used)
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

    def _citation_node(self, plan_nodes, source_file: str, citation: Citation) -> str:
        plan_node = plan_nodes[source_file][1:-1]
        return iri(f"{plan_node}/citation/L{citation.line}-{slugify(citation.ref.identifier)}")

    def _document_facts(self, add, doc: _Doc, override_date=None) -> None:
        node = doc.node
        kind = doc.kinds.most_common(1)[0][0] if doc.kinds else "Quyết định"
        add(node, RDF_TYPE, pg(_KIND_CLASS.get(kind, "Document")))
        add(node, RDF_TYPE, _p(ELI, "LegalResource"))
        add(node, _p(ELI, "id_local"), lit(doc.identifier))
        add(node, pg("documentNumber"), lit(doc.identifier.split("/")[0].split("-")[0]))
        if doc.year:
            add(node, pg("documentYear"), lit(doc.year, datatype=XSD + "gYear"))
        when = override_date or (doc.dates.most_common(1)[0][0] if doc.dates else None)
        if when:
            add(node, _p(ELI, "date_document"), lit(when.isoformat(), datatype=XSD + "date"))
        add(node, _p(DCTERMS, "type"), lit(kind, lang="vi"))
        issuer_id = None
        for printed, _ in doc.issuers.most_common():
            issuer_id = self.issuers.resolve(printed, doc.identifier)
            if issuer_id:
                break
        issuer_id = issuer_id or self.issuers.resolve(None, doc.identifier)
        if issuer_id:
            inode = self.issuers.node(issuer_id)
            entry = self.issuers.entries[issuer_id]
            add(node, _p(ELI, "passed_by"), inode)
            add(inode, RDF_TYPE, pg("IssuingBody"))
            add(inode, RDF_TYPE, _p(ORG, "Organization"))
            add(inode, _p(SKOS, "prefLabel"), lit(entry["name"], lang="vi"))
            add(inode, _p(RDFS, "label"), lit(entry["name"], lang="vi"))
            if entry.get("name_en"):
                add(inode, _p(SKOS, "prefLabel"), lit(entry["name_en"], lang="en"))
        label = f"{kind} số {doc.identifier}"
        if doc.titles:
            title = sorted(doc.titles.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0][0]
            add(node, _p(ELI, "title"), lit(title, lang="vi"))
            label = f"{label} về {title}" if not title.lower().startswith(("ban hành", "phê duyệt")) else f"{label} {title}"
        add(node, _p(RDFS, "label"), lit(label, lang="vi"))

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
        if task.output:
            add(node, pg("output"), lit(task.output, lang="vi"))
        for mention in task.lead:
            add(node, pg("leadAgency"), self._agency_node(mention.entity_id))
            agencies_used[mention.entity_id].add(mention.surface)
        for mention in task.coordinating:
            add(node, pg("coordinatingAgency"), self._agency_node(mention.entity_id))
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

    def _agency_node(self, entity_id: str) -> str:
        entry = self.resolver.entries.get(entity_id)
        if entry is not None and entry.is_collective:
            return iri(f"collective/{entity_id}")
        return iri(f"agency/{entity_id}")

    def _agency(self, add, entity_id: str, surfaces: set[str]) -> None:
        node = self._agency_node(entity_id)
        entry = self.resolver.entries.get(entity_id)
        if entry is None:  # a name the registry does not know (reported at build time)
            name = sorted(surfaces)[0]
            add(node, RDF_TYPE, pg("Agency"))
            add(node, RDF_TYPE, _p(ORG, "Organization"))
            add(node, _p(SKOS, "prefLabel"), lit(name, lang="vi"))
            add(node, _p(RDFS, "label"), lit(name, lang="vi"))
            return
        if entry.is_collective:
            add(node, RDF_TYPE, pg("Collective"))
        else:
            add(node, RDF_TYPE, pg("Agency"))
            add(node, RDF_TYPE, _p(ORG, "Organization"))
            if entry.level:
                add(node, pg("agencyLevel"), lit(entry.level))
            if entry.category:
                add(node, pg("agencyCategory"), lit(entry.category))
        add(node, _p(SKOS, "prefLabel"), lit(entry.name, lang="vi"))
        add(node, _p(RDFS, "label"), lit(entry.name, lang="vi"))
        if entry.name_en:
            add(node, _p(SKOS, "prefLabel"), lit(entry.name_en, lang="en"))
        add(node, _p(DCTERMS, "source"), lit(entry.source))
        for alias in {*entry.aliases, *surfaces}:
            alias = alias.strip()
            if alias and alias != entry.name:
                add(node, _p(SKOS, "altLabel"), lit(alias, lang="vi"))
        for label in {entry.name, *entry.aliases, *surfaces}:
            hidden = fold(label)
            add(node, _p(SKOS, "hiddenLabel"), lit(hidden, lang="vi"))

    def _collective_members(self, add, agencies_used) -> None:
        for entity_id, entry in self.resolver.entries.items():
            if not entry.is_collective or not entry.members or entity_id not in agencies_used:
                continue
            for member_id, member in sorted(self.resolver.entries.items()):
                if member.is_collective or member_id not in agencies_used:
                    continue
                if entry.members == "province-bodies" and member.level == "province" and member.category in (
                    "department", "board", "office", "inspectorate", "centre"
                ):
                    add(iri(f"collective/{entity_id}"), pg("member"), iri(f"agency/{member_id}"))
                if entry.members == "district-committees" and member.category == "peoples-committee":
                    add(iri(f"collective/{entity_id}"), pg("member"), iri(f"agency/{member_id}"))


def resolved_file(docs, citation: Citation) -> str:
    for doc in docs.values():
        for source_file, other in doc.citations:
            if other is citation:
                return source_file
    raise KeyError(citation)


def _decimal(value) -> str:
    text = format(value, "f")
    return text
