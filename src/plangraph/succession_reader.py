"""The succession registry read and checked: each entry of succession.toml becomes a
:class:`~plangraph.succession.Change`, :class:`~plangraph.succession.FunctionTransfer` or
:class:`~plangraph.succession.LegalDocument`, or is refused with its file and line.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import RegistryError
from .succession import (CONFIDENCES, DOCUMENT_KINDS, KINDS, STEM, Change, FunctionTransfer, LegalDocument,
                         Succession)

if TYPE_CHECKING:
    from .registries import Registries

__all__ = ["Reader", "agency_keys"]


def agency_keys(registries: "Registries") -> dict[str, str]:
    """Agency key -> name for every body a change may name: each jurisdiction's own entries
    and, for a province, the names every province uses.

    Example:
        >>> from plangraph.registries import bundled
        >>> agency_keys(bundled())["thanh-hoa/so-nong-nghiep-va-moi-truong"]
        'Sở Nông nghiệp và Môi trường'
    """
    from .extract.agencies import load_registry
    from .read.jurisdictions import Jurisdictions

    local: dict[str, str] = {}
    standard: dict[str, tuple[str, str]] = {}
    for stem in ("standard-agencies", "agencies"):
        for entry in load_registry(registries, stem):
            if entry.scope == "local" and entry.jurisdiction:
                local[f"{entry.jurisdiction}/{entry.id}"] = entry.name
            elif entry.scope == "national":
                local[f"vn/{entry.id}"] = entry.name
            else:
                standard[entry.id] = (entry.scope, entry.name)
    keys = {}
    for place in Jurisdictions.bundled().by_id.values():
        if place.level != "province":
            continue
        for entry_id, (_, name) in standard.items():
            keys[f"{place.id}/{entry_id}"] = name
    keys.update(local)
    return keys


# the keys of each table (the file's header documents them)
_KEYS = {
    "change": frozenset({"id", "kind", "date", "originals", "results", "legal_basis", "name", "name_en", "source",
                         "confidence", "date_confidence", "note", "note_vi", "area_now", "area_source",
                         "area_confidence", "competences", "competences_en"}),
    "function": frozenset({"id", "change", "from", "to", "name", "name_en", "keywords", "source", "confidence"}),
    "document": frozenset({"id", "number", "kind", "date", "year", "title", "title_en", "source", "confidence",
                           "note", "note_vi"}),
}


class Reader:
    """Reads the merged tables, each entry located in its file for the error messages."""

    def __init__(self, registries: "Registries", names: dict[str, str], read_toml):
        from .resources import registry_file

        self.registries = registries
        self.names = names
        self.read_toml = read_toml
        self.bundled_path = registry_file(STEM)
        self._texts: dict[Path, str] = {}

    def where(self, entry_id: str) -> tuple[str, int | None]:
        from .registries import line_of

        overrides = self.registries.overrides
        mine = (STEM, entry_id) in self.registries.added or (STEM, entry_id) in self.registries.extended
        path = overrides / f"{STEM}.toml" if mine and overrides is not None else self.bundled_path
        if path not in self._texts:
            self._texts[path] = self.read_toml(path)[1]
        return str(path), line_of(self._texts[path], "id", entry_id)

    def fail(self, entry_id: str, message: str):
        path, line = self.where(entry_id)
        raise RegistryError(message, path=path, line=line)

    def known(self, item: dict, table: str) -> None:
        """Refuse a key the table does not have (a misspelt ``soruce`` would drop the fact)."""
        unknown = sorted(set(item) - _KEYS[table])
        if unknown:
            self.fail(item["id"], f"[[{table}]] {item['id']}: unknown key {unknown[0]!r} (the keys of a "
                                  f"[[{table}]]: {', '.join(sorted(_KEYS[table]))})")

    def text(self, item: dict, key: str, table: str, required: bool = False, choices=None) -> str:
        value = item.get(key, "")
        if not isinstance(value, str) or (required and not value.strip()):
            self.fail(item["id"], f"[[{table}]] {item['id']} needs {key} (a non-empty string)")
        if choices and value not in choices:
            self.fail(item["id"], f"[[{table}]] {item['id']}: {key} {value!r} is not one of {', '.join(choices)}")
        return value.strip()

    def words(self, item: dict, key: str, table: str) -> tuple[str, ...]:
        value = item.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.fail(item["id"], f"[[{table}]] {item['id']}: {key} must be a list of non-empty strings")
        return tuple(v.strip() for v in value)

    def day(self, item: dict, key: str, table: str, required: bool = True) -> date | None:
        value = item.get(key)
        if value is None and not required:
            return None
        try:
            return date.fromisoformat(value)
        except (TypeError, ValueError):
            self.fail(item["id"], f"[[{table}]] {item['id']}: {key} must be a date (YYYY-MM-DD), not {value!r}")

    def place_of(self, item: dict, table: str) -> str:
        from .read.jurisdictions import Jurisdictions

        entry_id = item.get("id")
        if not isinstance(entry_id, str) or "/" not in entry_id:
            message = f"a [[{table}]] id is \"<jurisdiction>/<name>\" (\"thanh-hoa/2025-so-tai-chinh\"), not {entry_id!r}"
            if isinstance(entry_id, str):
                self.fail(entry_id, message)
            raise RegistryError(message, path=self.where("")[0])
        place = entry_id.split("/", 1)[0]
        if place not in Jurisdictions.bundled().by_id:
            self.fail(entry_id, f"[[{table}]] {entry_id}: no jurisdiction {place!r} (jurisdictions.toml)")
        return place

    def body(self, item: dict, place: str, value: str, table: str, key: str) -> str:
        agency = value if "/" in value else f"{place}/{value}"
        if agency not in self.names:
            self.fail(item["id"], f"[[{table}]] {item['id']}: {key} names {value!r}, which is not an agency of the "
                                  f"registry for {place} (agencies.toml, standard-agencies.toml)")
        return agency

    def read(self) -> Succession:
        tables = self.registries.tables(STEM)
        documents = {d.id: d for d in map(self.document, tables.get("document", []))}
        changes = {c.id: c for c in (self.change(item, documents) for item in tables.get("change", []))}
        functions: dict[str, FunctionTransfer] = {}
        for item in tables.get("function", []):
            transfer = self.function(item, changes)
            functions[transfer.id] = transfer
            changes[transfer.change].functions.append(transfer)
        on_day: dict[tuple[str, date], str] = {}
        ended: dict[str, str] = {}
        for change in sorted(changes.values(), key=lambda c: c.id):
            for key in change.originals:
                other = on_day.setdefault((key, change.date), change.id)
                if other != change.id:
                    self.fail(change.id, f"[[change]] {change.id}: {key} is also an original of {other} on the "
                                         "same day")
                if change.ends(key) and ended.setdefault(key, change.id) != change.id:
                    self.fail(change.id, f"[[change]] {change.id}: {key} already ended in {ended[key]}")
        return Succession(changes, functions, documents)

    def document(self, item: dict) -> LegalDocument:
        place = self.place_of(item, "document")
        self.known(item, "document")
        number = self.text(item, "number", "document", required=True)
        year = item.get("year")
        if year is not None and (not isinstance(year, str) or not re.fullmatch(r"\d{4}", year)):
            self.fail(item["id"], f"[[document]] {item['id']}: year must be four digits, as a string")
        when = self.day(item, "date", "document", required=False)
        return LegalDocument(
            id=item["id"], jurisdiction=place, number=number,
            kind=self.text(item, "kind", "document", required=True, choices=DOCUMENT_KINDS), date=when,
            year=int(year) if year else (when.year if when else _year_in(number)),
            title=self.text(item, "title", "document"), title_en=self.text(item, "title_en", "document"),
            source=self.text(item, "source", "document", required=True),
            confidence=self.text(item, "confidence", "document", required=True, choices=CONFIDENCES),
            note=self.text(item, "note", "document"), note_vi=self.text(item, "note_vi", "document"))

    def change(self, item: dict, documents: dict[str, LegalDocument]) -> Change:
        place = self.place_of(item, "change")
        self.known(item, "change")
        kind = self.text(item, "kind", "change", required=True, choices=KINDS)
        originals = tuple(self.body(item, place, v, "change", "originals") for v in self.words(item, "originals", "change"))
        results = tuple(self.body(item, place, v, "change", "results") for v in self.words(item, "results", "change"))
        if not originals:
            self.fail(item["id"], f"[[change]] {item['id']} names no originals")
        if kind == "abolition" and results:
            self.fail(item["id"], f"[[change]] {item['id']}: an abolition has no results (no single successor)")
        if kind != "abolition" and len(results) != 1:
            self.fail(item["id"], f"[[change]] {item['id']}: a {kind} has one result; work that went to other "
                                  "bodies is told with [[function]] entries")
        basis = self.words(item, "legal_basis", "change")
        for document in basis:
            if document not in documents:
                self.fail(item["id"], f"[[change]] {item['id']}: legal_basis names {document!r}, which is no "
                                      "[[document]] of the registry")
        confidence = self.text(item, "confidence", "change", required=True, choices=CONFIDENCES)
        return Change(
            id=item["id"], jurisdiction=place, kind=kind, date=self.day(item, "date", "change"),
            originals=originals, results=results, legal_basis=basis,
            name=self.text(item, "name", "change", required=True),
            name_en=self.text(item, "name_en", "change", required=True),
            source=self.text(item, "source", "change", required=True), confidence=confidence,
            date_confidence=self.text(item, "date_confidence", "change", choices=("", *CONFIDENCES)) or confidence,
            note=self.text(item, "note", "change"), note_vi=self.text(item, "note_vi", "change"), area_now=self.words(item, "area_now", "change"),
            area_source=self.text(item, "area_source", "change", required=bool(item.get("area_now"))),
            area_confidence=self.text(item, "area_confidence", "change", required=bool(item.get("area_now")),
                                      choices=("", *CONFIDENCES)),
            competences=self.text(item, "competences", "change", required=bool(item.get("competences_en"))),
            competences_en=self.text(item, "competences_en", "change", required=bool(item.get("competences"))))

    def function(self, item: dict, changes: dict[str, Change]) -> FunctionTransfer:
        place = self.place_of(item, "function")
        self.known(item, "function")
        change = changes.get(self.text(item, "change", "function", required=True))
        if change is None:
            self.fail(item["id"], f"[[function]] {item['id']}: change {item.get('change')!r} is no [[change]] of "
                                  "the registry")
        origin = self.body(item, place, self.text(item, "from", "function", required=True), "function", "from")
        if origin not in change.originals:
            self.fail(item["id"], f"[[function]] {item['id']}: from {item['from']!r} is not an original of {change.id}")
        keywords = self.words(item, "keywords", "function")
        if not keywords:
            self.fail(item["id"], f"[[function]] {item['id']} has no keywords: a task could never be routed by it")
        return FunctionTransfer(
            id=item["id"], change=change.id, origin=origin,
            recipient=self.body(item, place, self.text(item, "to", "function", required=True), "function", "to"),
            name=self.text(item, "name", "function", required=True),
            name_en=self.text(item, "name_en", "function", required=True), keywords=keywords,
            source=self.text(item, "source", "function", required=True),
            confidence=self.text(item, "confidence", "function", required=True, choices=CONFIDENCES))


def _year_in(number: str) -> int | None:
    """"45/2025/NĐ-CP" -> 2025; "618/NQ-HĐND" -> None."""
    match = re.search(r"/((?:19|20)\d\d)/", number)
    return int(match.group(1)) if match else None
