"""Cited documents and their issuers, assembled over every plan of a build.

Several facts need every document at once:

* a document cited without a date gets the year other mentions give it (numbers restart
  every year, so IRIs are built from number and year), and a number that does not name its
  issuer ("283/KH-UBND") is also told apart by the jurisdiction of the plan citing it;
* a plan whose own text leaves the decision number blank ("Quyết định số .../QĐ-UBND") gets
  it from another plan of the same jurisdiction that cites that decision by its title;
* the chain plan -> programme -> resolution is the union of the "thực hiện" links.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..extract.agencies import name_key
from ..model import Citation, DocRef, PlanExtract
from ..text import fold
from .iris import doc_path, is_local_number, issuer_path
from .terms import DCTERMS, ELI, ORG, RDFS, RDF_TYPE, SKOS, XSD, iri, lit, pg as _pg

__all__ = ["Documents", "Issuers", "KIND_CLASS", "id_key"]

KIND_CLASS = {
    "Nghị quyết": "Resolution", "Quyết định": "Decision", "Chương trình": "Programme", "Kế hoạch": "Programme",
    "Nghị định": "Decree", "Kết luận": "Conclusion", "Chỉ thị": "Directive", "Công văn": "OfficialLetter",
    "Thông báo": "OfficialLetter", "Thông tư": "Document", "Văn bản": "Document", "Đề án": "Programme",
}


# compiled once: the function runs for every name, line or task of a build
_SPACES = re.compile(r"\s+")
_DIGIT = re.compile(r"\d")


def id_key(identifier: str) -> str:
    return _SPACES.sub("", identifier).upper()


def _jurisdiction_id(plan: PlanExtract) -> str:
    place = plan.jurisdiction
    return (place.province or place.id) if place is not None else "vn"


@dataclass
class Doc:
    """A cited document: what the mentions say about it."""

    identifier: str
    year: int | None
    jurisdiction: str | None  # for numbers that do not name their issuer
    kinds: Counter = field(default_factory=Counter)
    dates: Counter = field(default_factory=Counter)
    issuers: Counter = field(default_factory=Counter)
    titles: Counter = field(default_factory=Counter)
    citations: list[tuple[str, Citation]] = field(default_factory=list)

    @property
    def node(self) -> str:
        return iri(doc_path(self.identifier, self.year, self.jurisdiction))


class Issuers:
    """The curated issuing bodies (issuers.toml): national ones, and the kinds of provincial
    bodies every province has ("UBND tỉnh", "Ban Thường vụ Tỉnh ủy")."""

    def __init__(self, entries: list[dict] | None = None):
        """``entries``: the merged [[issuer]] entries (default: those of the active registries)."""
        if entries is None:
            from ..registries import active

            entries = active().items("issuers", "issuer")
        data = {"issuer": entries}
        self.entries = {item["id"]: item for item in data.get("issuer", [])}
        self.by_key: dict[str, str] = {}
        self.by_code: dict[str, str] = {}
        for item in data.get("issuer", []):
            for name in [item["name"], *item.get("aliases", [])]:
                self.by_key[name_key(name)] = item["id"]
            for code in item.get("codes", []):
                self.by_code[code.upper()] = item["id"]

    def resolve(self, printed: str | None, identifier: str) -> str | None:
        if printed:
            key = name_key(printed)
            candidates = [key, re.sub(r"\s+(?:tỉnh|thành phố)\s+[\w\s]+$", r"", key),
                          re.sub(r"(\s(?:tỉnh|thành phố))\s+[\w\s]+$", r"\1", key)]
            for candidate in candidates:
                if candidate in self.by_key:
                    return self.by_key[candidate]
        codes = re.split(r"[-/]", identifier.upper())
        for code in reversed(codes[1:]):
            if code in self.by_code:
                return self.by_code[code]
        return None

    def node(self, issuer_id: str, jurisdiction: str | None) -> str:
        entry = self.entries[issuer_id]
        national = entry.get("level") == "national"
        if entry.get("agency"):
            return iri(f"agency/{'vn' if national else jurisdiction}/{entry['agency']}")
        return iri(issuer_path(issuer_id, None if national else jurisdiction))


class Documents:
    """Every document cited by the plans of a build, keyed by number, year and jurisdiction."""

    def __init__(self, plans: list[PlanExtract], issuers: Issuers):
        self.issuers = issuers
        years: dict[str, set[int]] = defaultdict(set)
        for plan in plans:
            for citation in plan.citations:
                if citation.ref.year and not citation.ref.identifier.startswith("."):
                    years[id_key(citation.ref.identifier)].add(citation.ref.year)
        self.unique_year = {key: next(iter(ys)) for key, ys in years.items() if len(ys) == 1}
        self.docs: dict[tuple[str, int | None, str | None], Doc] = {}
        self.place_of: dict[str, str] = {plan.source_file: _jurisdiction_id(plan) for plan in plans}
        for plan in sorted(plans, key=lambda p: p.source_file):
            for citation in plan.citations:
                ref = citation.ref
                if ref.identifier.startswith(".") or not _DIGIT.match(ref.identifier):
                    continue  # the plan's own decision, number left blank
                doc = self.add(ref, plan.source_file)
                doc.kinds[ref.kind] += 1
                if ref.date:
                    doc.dates[ref.date] += 1
                if ref.issuer:
                    doc.issuers[ref.issuer] += 1
                if ref.title and len(ref.title) > 12:
                    doc.titles[ref.title] += 1
                doc.citations.append((plan.source_file, citation))

    def key(self, ref: DocRef, source_file: str) -> tuple[str, int | None, str | None]:
        year = ref.year or self.unique_year.get(id_key(ref.identifier))
        place = self.place_of.get(source_file) if is_local_number(ref.identifier) else None
        return id_key(ref.identifier), year, place

    def get(self, ref: DocRef, source_file: str) -> Doc | None:
        return self.docs.get(self.key(ref, source_file))

    def add(self, ref: DocRef, source_file: str) -> Doc:
        key = self.key(ref, source_file)
        doc = self.docs.setdefault(key, Doc(ref.identifier, key[1], key[2]))
        if doc.identifier == doc.identifier.upper() and ref.identifier != ref.identifier.upper():
            doc.identifier = ref.identifier  # "32/CT-TTG" in a title in capitals is "32/CT-TTg"
        return doc

    def resolve_blank_decisions(self, plans: list[PlanExtract]) -> dict[str, tuple[Doc, Citation]]:
        """For each plan whose decision number is blank, the citation naming that decision."""
        found: dict[str, tuple[Doc, Citation]] = {}
        for plan in plans:
            if not plan.decision_number_missing or plan.decision is None:
                continue
            plan_words = set(re.findall(r"\w+", fold(plan.title)))
            place = self.place_of[plan.source_file]
            best = None
            for doc in self.docs.values():
                if doc.year != plan.decision.year or doc.jurisdiction not in (place, None):
                    continue
                if not doc.identifier.upper().endswith(plan.decision.identifier.split("/", 1)[-1].upper()):
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

    def source_of(self, citation: Citation) -> str:
        for doc in self.docs.values():
            for source_file, other in doc.citations:
                if other is citation:
                    return source_file
        raise KeyError(citation)

    def facts(self, add, doc: Doc, override_date=None, issuer_node: str | None = None) -> None:
        """The triples that describe ``doc``: type, number, year, date, issuer, title, label."""
        node = doc.node
        kind = doc.kinds.most_common(1)[0][0] if doc.kinds else "Quyết định"
        add(node, RDF_TYPE, _pg(KIND_CLASS.get(kind, "Document")))
        add(node, RDF_TYPE, iri(ELI + "LegalResource"))
        add(node, iri(ELI + "id_local"), lit(doc.identifier))
        add(node, _pg("documentNumber"), lit(doc.identifier.split("/")[0].split("-")[0]))
        if doc.year:
            add(node, _pg("documentYear"), lit(doc.year, datatype=XSD + "gYear"))
        when = override_date or (doc.dates.most_common(1)[0][0] if doc.dates else None)
        if when:
            add(node, iri(ELI + "date_document"), lit(when.isoformat(), datatype=XSD + "date"))
        add(node, iri(DCTERMS + "type"), lit(kind, lang="vi"))
        place = doc.jurisdiction
        if issuer_node is None:
            issuer_id = None
            for printed, _ in doc.issuers.most_common():
                issuer_id = self.issuers.resolve(printed, doc.identifier)
                if issuer_id:
                    break
            issuer_id = issuer_id or self.issuers.resolve(None, doc.identifier)
            if issuer_id:
                issuer_place = place or self._citing_place(doc)
                issuer_node = self.issuers.node(issuer_id, issuer_place)
                self.issuer_facts(add, issuer_id, issuer_node)
        if issuer_node:
            add(node, iri(ELI + "passed_by"), issuer_node)
        label = f"{kind} số {doc.identifier}"
        if doc.titles:
            title = sorted(doc.titles.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0][0]
            add(node, iri(ELI + "title"), lit(title, lang="vi"))
            label = f"{label} về {title}" if not title.lower().startswith(("ban hành", "phê duyệt")) else f"{label} {title}"
        add(node, iri(RDFS + "label"), lit(label, lang="vi"))

    def _citing_place(self, doc: Doc) -> str | None:
        for source_file, _ in doc.citations:
            return self.place_of.get(source_file)
        return None

    def issuer_facts(self, add, issuer_id: str, node: str) -> None:
        entry = self.issuers.entries[issuer_id]
        add(node, RDF_TYPE, _pg("IssuingBody"))
        if node.startswith(iri("agency/")[:-1]):
            return  # an agency of the graph that also issues documents: described with the agencies
        add(node, RDF_TYPE, iri(ORG + "Organization"))
        add(node, iri(SKOS + "prefLabel"), lit(entry["name"], lang="vi"))
        add(node, iri(RDFS + "label"), lit(entry["name"], lang="vi"))
        if entry.get("name_en"):
            add(node, iri(SKOS + "prefLabel"), lit(entry["name_en"], lang="en"))


