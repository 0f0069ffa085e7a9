"""Agencies, collectives and jurisdictions -> triples (the part of :mod:`.emit` for agencies).

Each agency is written once for a build, with every name it was printed under, in the
jurisdiction its name gives; a collective's members are the registered bodies of its
province that its registry entry takes in ("province-bodies", "district-committees").
"""

from __future__ import annotations

from ..text import fold
from .iris import agency_path, jurisdiction_path
from .terms import DCTERMS, ORG, RDFS, RDF_TYPE, SKOS, XSD, iri, lit, named as _p, pg

__all__ = ["emit_agency", "emit_collective_members", "emit_jurisdiction"]

_LEVELS = {"national": "NationalLevel", "province": "ProvinceLevel", "district": "DistrictLevel",
           "commune": "CommuneLevel"}


def emit_agency(add, agency, surfaces: set[str], jurisdictions) -> None:
    """An agency or collective: its kind, jurisdiction, names (preferred, alternative, folded) and registry facts."""
    node = iri(agency_path(agency.key, agency.collective))
    entry = agency.entry
    place = agency.jurisdiction
    jurisdictions.setdefault(place.id, place)
    add(node, RDF_TYPE, pg("Collective") if agency.collective else pg("Agency"))
    if not agency.collective:
        add(node, RDF_TYPE, _p(ORG, "Organization"))
    add(node, pg("jurisdiction"), iri(jurisdiction_path(_top(place))))
    add(node, pg("registered"), lit("true" if agency.registered else "false", datatype=XSD + "boolean"))
    name = agency.name  # the registry's name, as the agency's jurisdiction says it
    add(node, _p(SKOS, "prefLabel"), lit(name, lang="vi"))
    add(node, _p(RDFS, "label"), lit(name, lang="vi"))
    names = {name, *surfaces}
    if entry is not None:
        if entry.name_en:
            add(node, _p(SKOS, "prefLabel"), lit(entry.name_en, lang="en"))
        add(node, _p(DCTERMS, "source"), lit(entry.source))
        if entry.level and not agency.collective:
            add(node, pg("agencyLevel"), lit(entry.level))
        if entry.category and not agency.collective:
            add(node, pg("agencyCategory"), lit(entry.category))
        names |= {entry.name, *entry.aliases}
    for alias in names:
        alias = alias.strip()
        if alias and alias != name:
            add(node, _p(SKOS, "altLabel"), lit(alias, lang="vi"))
    for label in names:
        add(node, _p(SKOS, "hiddenLabel"), lit(fold(label), lang="vi"))

def emit_collective_members(add, agencies, collectives, candidates) -> None:
    """pg:member: the registered bodies among ``candidates`` (keys of ``agencies``) of a
    collective's province that its registry entry takes in, for each of ``collectives``."""
    for key in sorted(collectives):
        collective = agencies[key]
        entry = collective.entry
        if not collective.collective or entry is None or not entry.members:
            continue
        place = _top(collective.jurisdiction)
        for member_key in sorted(candidates):
            member = agencies[member_key]
            if member.collective or member.entry is None or _top(member.jurisdiction) != place:
                continue
            if entry.members == "province-bodies" and member.entry.level == "province" and member.entry.category in (
                    "department", "board", "office", "inspectorate", "centre"):
                add(iri(agency_path(key, True)), pg("member"), iri(agency_path(member_key, False)))
            if entry.members == "district-committees" and member.entry.category == "peoples-committee" \
                    and member.entry.level == "district":
                add(iri(agency_path(key, True)), pg("member"), iri(agency_path(member_key, False)))

def emit_jurisdiction(add, place) -> None:
    """A jurisdiction (province, district, commune), its level and the one it lies in."""
    node = iri(jurisdiction_path(place.id))
    add(node, RDF_TYPE, pg("Jurisdiction"))
    add(node, _p(RDFS, "label"), lit(place.name, lang="vi"))
    add(node, _p(SKOS, "prefLabel"), lit(place.name, lang="vi"))
    add(node, pg("jurisdictionLevel"), pg(_LEVELS.get(place.level, "ProvinceLevel")))
    if place.parent:
        add(node, pg("partOf"), iri(jurisdiction_path(place.parent)))


def _top(place) -> str:
    """The province (or the country) an agency's jurisdiction lies in."""
    return place.id.split("/")[0]
