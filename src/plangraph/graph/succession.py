"""Organisational changes -> triples: who holds each task on a given day.

The registry's changes (:mod:`plangraph.succession`) that touch an agency of the graph are
emitted with W3C ORG: an ``org:ChangeEvent`` with its ``org:originalOrganization`` and
``org:resultingOrganization``, its day (``dcterms:date``; ``prov:startedAtTime`` at midnight
in Việt Nam), legal basis (document nodes), source and confidence. The bodies it names are
agencies of the graph even when no plan names them (``agency/thanh-hoa/so-nong-nghiep-va-moi-truong``),
each with its existence interval (``pg:founded``, ``pg:dissolved``) and main successor.

Every task of an agency that a change ends (or that gives the task's work away) gets one
``pg:Handover`` per step of its chain: from whom, to whom (none: no single successor),
from which day until which, by which rule (the main successor, or a function the text
names, with the keywords found) and two short notes for the two sides ("inherited from Sở
Kế hoạch và Đầu tư, merged 2025-03-01"). The named queries read these nodes to answer "as
of a date", on any SPARQL store.

Example:
    >>> from plangraph.build import build_graph
    >>> from plangraph.paths import DEFAULT_SOURCES
    >>> turtle = build_graph(DEFAULT_SOURCES).turtle                  # doctest: +SKIP
    >>> "org:ChangeEvent" in turtle and "pg:Handover" in turtle       # doctest: +SKIP
    True
"""

from __future__ import annotations

from functools import lru_cache

from ..succession import Change, FunctionTransfer, Step, Succession
from . import succession_notes as notes
from .agencies import emit_agency
from .iris import agency_path, doc_path, jurisdiction_path
from .terms import DCTERMS, ELI, ORG, PROV, RDFS, RDF_TYPE, SKOS, TIME, XSD, iri, lit, named as _p, pg as _pg

__all__ = ["emit_succession", "change_node", "REGISTRY_FILE"]

REGISTRY_FILE = "succession.toml"
_KIND = {"merger": "Merger", "renaming": "Renaming", "abolition": "Abolition"}
_CONFIDENCE = {"confirmed": "Confirmed", "inferred": "Inferred", "unconfirmed": "Unconfirmed"}
_DOCUMENT_CLASS = {"Nghị quyết": "Resolution", "Nghị định": "Decree", "Luật": "Law", "Quyết định": "Decision",
                   "Kết luận": "Conclusion"}
_ROLES = (("lead", "lead"), ("coordinating", "coordinating"))


def _day(value) -> str:
    return lit(value.isoformat(), datatype=XSD + "date")


def change_node(change_id: str) -> str:
    """``change/thanh-hoa/2025-so-tai-chinh``."""
    return iri(f"change/{change_id}")


def _function_node(transfer: FunctionTransfer) -> str:
    return iri(f"function/{transfer.id}")


def _nodes(collectives: set[str]):
    """``node_of(key)``: the IRI of an agency or, for one of ``collectives``, of a collective
    (a change may end "UBND các huyện, thị xã, thành phố" as well as a district)."""
    return lambda key: iri(agency_path(key, key in collectives))


@lru_cache(maxsize=4)
def _book(registries) -> Succession:
    return Succession.load(registries)


def emit_succession(add, plans, plan_nodes: dict[str, str], agencies: dict, agencies_used: dict,
                    jurisdictions: dict) -> dict:
    """Add the changes, the bodies they name and the handovers of the plans' tasks.

    Args:
        add: ``add(subject, predicate, object)``.
        plans: the plan extracts; ``plan_nodes`` their IRIs by source file.
        agencies: agency key -> the agency read from the plans; ``agencies_used`` the keys
            the tasks name (already emitted).
        jurisdictions: the jurisdictions to emit (a body added here adds its own).

    Returns:
        The bodies described here that no task names (a merger's result, a successor), by
        key: they can be members of the collectives the plans name.
    """
    from ..registries import active

    book = _book(active())
    if not book:
        return {}
    changes = _relevant(book, set(agencies_used))
    if not changes:
        return {}
    names = {key: agency.name for key, agency in agencies.items()}
    collectives = {key for key, agency in agencies.items() if agency.collective}
    added = {}
    for key in sorted({k for c in changes for k in _participants(c)} - set(agencies_used)):
        agency = added[key] = agencies.get(key) or _registry_agency(key)
        names[key] = agency.name
        if agency.collective:
            collectives.add(key)
        emit_agency(add, agency, set(), jurisdictions)
    node_of = _nodes(collectives)
    for change in changes:
        _change(add, book, change, node_of)
    _existence(add, changes, node_of)
    wanted = {c.id for c in changes}
    for plan in sorted(plans, key=lambda p: p.source_file):
        plan_node = plan_nodes[plan.source_file][1:-1]
        for task in plan.tasks:
            task_node = f"{plan_node}/task/L{task.line}"
            for role, attribute in _ROLES:
                for mention in getattr(task, attribute):
                    steps = [s for s in book.chain(mention.entity_id, task.text) if s.change.id in wanted]
                    _handovers(add, task_node, role, mention.entity_id, steps, names, node_of)
    return added


def _participants(change: Change) -> set[str]:
    return {*change.originals, *change.results, *(f.recipient for f in change.functions)}


def _relevant(book: Succession, keys: set[str]) -> list[Change]:
    """The changes that touch ``keys``, and those that touch the bodies these name, in turn."""
    chosen: dict[str, Change] = {}
    grown = True
    while grown:
        grown = False
        for change in book.changes.values():
            if change.id not in chosen and _participants(change) & keys:
                chosen[change.id] = change
                keys |= _participants(change)
                grown = True
    return sorted(chosen.values(), key=lambda c: c.id)


def _registry_agency(key: str):
    """The agency ``key`` ("thanh-hoa/so-nong-nghiep-va-moi-truong") as the registry describes it."""
    from ..read.agencies import AgencyReader
    from ..read.jurisdictions import Jurisdictions
    from ..registries import active

    place_id, entry_id = key.split("/", 1)
    places = Jurisdictions.bundled()
    reader = AgencyReader(_registry_entries(active()), places, places.get(place_id))
    reader.mention(reader.resolver.entries[entry_id].name, entry_id)
    return reader.agencies[key]


@lru_cache(maxsize=4)
def _registry_entries(registries):
    from ..read.agencies import registry_entries

    return registry_entries(registries, None)


def _change(add, book: Succession, change: Change, node_of) -> None:
    node = change_node(change.id)
    add(node, RDF_TYPE, _p(ORG, "ChangeEvent"))
    add(node, RDF_TYPE, _p(PROV, "Activity"))
    add(node, _p(RDFS, "label"), lit(change.name, lang="vi"))
    add(node, _p(RDFS, "label"), lit(change.name_en, lang="en"))
    for key in change.originals:
        add(node, _p(ORG, "originalOrganization"), node_of(key))
        add(node_of(key), _p(ORG, "changedBy"), node)
    for key in change.results:
        add(node, _p(ORG, "resultingOrganization"), node_of(key))
        add(node_of(key), _p(ORG, "resultedFrom"), node)
    add(node, _p(DCTERMS, "date"), _day(change.date))
    add(node, _p(PROV, "startedAtTime"), lit(f"{change.date.isoformat()}T00:00:00+07:00", datatype=XSD + "dateTime"))
    add(node, _pg("changeKind"), _pg(_KIND[change.kind]))
    add(node, _pg("jurisdiction"), iri(jurisdiction_path(change.jurisdiction)))
    add(node, _p(DCTERMS, "source"), lit(change.source))
    add(node, _pg("confidence"), _pg(_CONFIDENCE[change.confidence]))
    add(node, _pg("dateConfidence"), _pg(_CONFIDENCE[change.date_confidence]))
    add(node, _pg("sourceFile"), lit(REGISTRY_FILE))
    _notes(add, node, change)
    for lang in notes.LANGUAGES:
        if notes.competences(change, lang):
            add(node, _p(DCTERMS, "description"), lit(notes.competences(change, lang), lang=lang))
    for document_id in change.legal_basis:
        add(node, _pg("legalBasis"), _document(add, book.documents[document_id]))
    if change.area_now:
        area = iri(f"change/{change.id}/area")
        add(node, _pg("successorArea"), area)
        add(area, RDF_TYPE, _pg("SuccessorArea"))
        add(area, _p(RDFS, "label"), lit(", ".join(change.area_now), lang="vi"))
        for unit in change.area_now:
            add(area, _pg("areaUnit"), lit(unit, lang="vi"))
        add(area, _p(DCTERMS, "source"), lit(change.area_source))
        add(area, _pg("sourceFile"), lit(REGISTRY_FILE))
        add(area, _pg("confidence"), _pg(_CONFIDENCE[change.area_confidence]))
    for transfer in change.functions:
        tnode = _function_node(transfer)
        add(node, _pg("functionTransfer"), tnode)
        add(tnode, RDF_TYPE, _pg("FunctionTransfer"))
        add(tnode, _p(RDFS, "label"), lit(transfer.name, lang="vi"))
        add(tnode, _p(RDFS, "label"), lit(transfer.name_en, lang="en"))
        add(tnode, _pg("fromAgency"), node_of(transfer.origin))
        add(tnode, _pg("toAgency"), node_of(transfer.recipient))
        for keyword in transfer.keywords:
            add(tnode, _pg("keyword"), lit(keyword, lang="vi"))
        add(tnode, _p(DCTERMS, "source"), lit(transfer.source))
        add(tnode, _pg("confidence"), _pg(_CONFIDENCE[transfer.confidence]))
        add(tnode, _pg("sourceFile"), lit(REGISTRY_FILE))


def _notes(add, node: str, entry) -> None:
    """What the sources leave open, in English and (where the registry gives it) Vietnamese."""
    for text, lang in ((entry.note, "en"), (entry.note_vi, "vi")):
        if text:
            add(node, _p(SKOS, "note"), lit(text, lang=lang))


def _document(add, document) -> str:
    place = None if document.jurisdiction == "vn" else document.jurisdiction
    node = iri(doc_path(document.number, document.year, place))
    add(node, RDF_TYPE, _pg(_DOCUMENT_CLASS.get(document.kind, "Document")))
    add(node, RDF_TYPE, _p(ELI, "LegalResource"))
    add(node, _p(ELI, "id_local"), lit(document.number))
    add(node, _pg("documentNumber"), lit(document.number.split("/")[0].split("-")[0]))
    if document.year:
        add(node, _pg("documentYear"), lit(document.year, datatype=XSD + "gYear"))
    if document.date:
        add(node, _p(ELI, "date_document"), _day(document.date))
    add(node, _p(DCTERMS, "type"), lit(document.kind, lang="vi"))
    label = f"{document.kind} số {document.number}"
    add(node, _p(RDFS, "label"), lit(f"{label} {document.title}" if document.title else label, lang="vi"))
    if document.title:
        add(node, _p(ELI, "title"), lit(document.title, lang="vi"))
    if document.title_en:
        add(node, _p(RDFS, "label"), lit(f"{label} ({document.title_en})", lang="en"))
    add(node, _p(DCTERMS, "source"), lit(document.source))
    add(node, _pg("sourceFile"), lit(REGISTRY_FILE))
    add(node, _pg("confidence"), _pg(_CONFIDENCE[document.confidence]))
    _notes(add, node, document)
    return node


def _existence(add, changes: list[Change], node_of) -> None:
    """Each body's existence interval, main successor and, where known, first day."""
    founded: dict[str, object] = {}
    dissolved: dict[str, object] = {}
    for change in changes:
        for key in change.results:
            if key not in change.originals:
                founded[key] = min(change.date, founded.get(key, change.date))
        for key in change.originals:
            if change.ends(key):
                dissolved[key] = change.date
                if change.results:
                    add(node_of(key), _pg("successor"), node_of(change.results[0]))
    for key in sorted(founded.keys() | dissolved.keys()):
        node = node_of(key)
        interval = iri(f"{node[1:-1]}/existence")
        add(node, _pg("existence"), interval)
        add(interval, RDF_TYPE, _p(TIME, "ProperInterval"))
        for when, prop, side, edge in ((founded.get(key), "founded", "start", "hasBeginning"),
                                       (dissolved.get(key), "dissolved", "end", "hasEnd")):
            if when is None:
                continue
            add(node, _pg(prop), _day(when))
            instant = iri(f"{interval[1:-1]}/{side}")
            add(interval, _p(TIME, edge), instant)
            add(instant, RDF_TYPE, _p(TIME, "Instant"))
            add(instant, _p(TIME, "inXSDDate"), _day(when))


def _handovers(add, task_node: str, role: str, printed: str, steps: list[Step], names: dict[str, str],
               node_of) -> int:
    nodes = [iri(f"{task_node}/holder/{role}/{printed}/{step.change.date.isoformat()}") for step in steps]
    for index, step in enumerate(steps):
        node = nodes[index]
        add(node, RDF_TYPE, _pg("Handover"))
        add(node, _pg("task"), iri(task_node))
        add(node, _pg("plan"), iri(task_node.rsplit("/task/", 1)[0]))  # the task's: queries find its plans here
        add(node, _pg("role"), lit(role))
        add(node, _pg("printedAgency"), node_of(printed))
        add(node, _pg("fromAgency"), node_of(step.origin))
        if not step.change.ends(step.origin):
            add(node, _pg("releasedBy"), node_of(step.origin))  # it continued, without this work
        add(node, _pg("validFrom"), _day(step.change.date))
        if index + 1 < len(steps):
            add(node, _pg("validUntil"), _day(steps[index + 1].change.date))
            add(node, _pg("next"), nodes[index + 1])
        add(node, _pg("change"), change_node(step.change.id))
        if step.function is not None:
            add(node, _pg("routing"), _function_node(step.function))
            for keyword in step.keywords:
                add(node, _pg("matchedKeyword"), lit(keyword, lang="vi"))
        else:
            add(node, _pg("routing"), _pg("NoSingleSuccessor" if step.holder is None else "MainSuccessor"))
        if step.holder is not None:
            add(node, _pg("heldBy"), node_of(step.holder))
        for lang in notes.LANGUAGES:
            if step.holder is not None:
                add(node, _pg("inheritedNote"), lit(notes.inherited(step, printed, names, lang), lang=lang))
            add(node, _pg("passedNote"), lit(notes.passed(steps[index:], names, lang), lang=lang))
            if step.rule != "none" and (step.scores or step.change.functions):
                add(node, _p(RDFS, "comment"), lit(notes.reason(step, names, lang), lang=lang))
    return len(steps)
