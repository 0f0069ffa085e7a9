"""Targets -> RDF triples: each target of a plan, with the indicator concept it measures.

Example:
    >>> indicator_key("Tỷ lệ đô thị hóa (%)")
    'ty le do thi hoa'
"""

from __future__ import annotations

import re

from ..model import PlanExtract
from ..text import fold
from .terms import PROV, RDFS, RDF_TYPE, XSD, iri, lit, named as _p, pg

__all__ = ["Indicators", "SCOPE_CLASS", "emit_targets", "indicator_key"]

SCOPE_CLASS = {"province": "ProvinceScope", "city": "CityScope", "district": "DistrictScope", "national": "NationalScope"}


# compiled once: the function runs for every name, line or task of a build
_NOT_KEY = re.compile(r"[^a-z0-9 ]")
_SPACES = re.compile(r"\s+")


def indicator_key(text: str) -> str:
    """Comparable form of an indicator: no case, diacritics or punctuation.

    Example:
        >>> indicator_key("Tỷ lệ dân số tham gia BHYT/tổng số dân")
        'ty le dan so tham gia bhyt tong so dan'
    """
    return _SPACES.sub(" ", _NOT_KEY.sub(" ", fold(text))).strip()


class Indicators:
    """The curated indicators (registry ``indicators``), matched by their keys, longest first."""

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


def emit_targets(add, plan: PlanExtract, node: str, indicators: "Indicators", indicators_used: set[str]) -> None:
    """The triples of ``plan``'s targets (``node`` is the plan's IRI term); the indicator
    concepts they measure are added to ``indicators_used``."""
    source_node = iri(f"source/{plan.source_file}")
    per_line: dict[int, int] = {}
    for target in plan.targets:
        # numbered within its line: a target found elsewhere does not renumber it
        per_line[target.line] = number = per_line.get(target.line, 0) + 1
        tnode = iri(f"{node[1:-1]}/target/L{target.line}-{number}")
        if target.task_line is not None:
            add(iri(f"{node[1:-1]}/task/L{target.task_line}"), pg("target"), tnode)
        if target.annual:
            add(tnode, pg("recurrence"), pg("Annual"))
        if target.base:
            add(tnode, pg("base"), lit(target.base))
        if target.base_year:
            add(tnode, pg("baseYear"), lit(target.base_year, datatype=XSD + "gYear"))
        if target.rank_among:
            add(tnode, pg("rankAmong"), lit(target.rank_among, lang="vi"))
        add(tnode, RDF_TYPE, pg("Target"))
        add(tnode, pg("plan"), node)
        add(tnode, pg("indicator"), lit(target.indicator, lang="vi"))
        add(tnode, pg("indicatorKey"), lit(indicator_key(target.indicator)))
        concept = indicators.match(target.indicator)
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
        add(tnode, pg("scope"), pg(SCOPE_CLASS[target.scope]))
        add(tnode, pg("scopeArea"), lit(target.scope_area, lang="vi"))
        add(tnode, pg("sourceFile"), lit(plan.source_file))
        add(tnode, pg("sourceLine"), lit(target.line, datatype=XSD + "integer"))
        add(tnode, _p(PROV, "wasDerivedFrom"), source_node)


def _decimal(value) -> str:
    return format(value, "f")
