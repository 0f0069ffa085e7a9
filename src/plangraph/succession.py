"""Organisational changes: who took over whose work, from when (the registry's succession.toml).

A change merges, renames or abolishes bodies of one jurisdiction on a date. Its originals
that are not among its results end the day before; its one result is their main
successor; an abolition has none (a district's work went to several communes and to the
province: no single successor). Where only part of an original's work went elsewhere, a
function names the body it went to and the keywords that tell a task about it.

Every entry is checked when it is read; a bad one is refused with its file and line.

Example:
    >>> from plangraph.registries import bundled
    >>> book = Succession.load(bundled())
    >>> change = book.changes["thanh-hoa/2025-so-tai-chinh"]
    >>> change.date.isoformat(), change.originals
    ('2025-03-01', ('thanh-hoa/so-ke-hoach-va-dau-tu', 'thanh-hoa/so-tai-chinh'))
    >>> [step.holder for step in book.chain("thanh-hoa/ubnd-huyen-dong-son", "")]
    ['thanh-hoa/ubnd-thanh-pho-thanh-hoa', None]
    >>> step = book.chain("thanh-hoa/so-lao-dong-thuong-binh-va-xa-hoi", "Đẩy mạnh đào tạo nghề, dạy nghề")[0]
    >>> step.holder, step.rule, step.keywords
    ('thanh-hoa/so-giao-duc-va-dao-tao', 'function', ('dạy nghề', 'đào tạo nghề'))
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import RegistryError
from .text import tone_key

if TYPE_CHECKING:
    from .registries import Registries

__all__ = ["Succession", "Change", "FunctionTransfer", "LegalDocument", "Step", "KINDS", "CONFIDENCES",
           "DOCUMENT_KINDS", "text_key"]

KINDS = ("merger", "renaming", "abolition")
CONFIDENCES = ("confirmed", "inferred", "unconfirmed")
DOCUMENT_KINDS = ("Nghị quyết", "Nghị định", "Luật", "Quyết định", "Hướng dẫn", "Kết luận", "Thông tư")
STEM = "succession"
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=4096)  # a task's text is matched once per change it meets
def text_key(text: str) -> str:
    """A text as keywords are matched against it: lower case, one tone-mark placement,
    punctuation as spaces.

    Example:
        >>> text_key("An toàn, vệ sinh lao động.") == text_key("an toàn vệ sinh lao động")
        True
        >>> text_key("Thanh Hoá") == text_key("Thanh Hóa")
        True
    """
    return " " + " ".join(_WORD.findall(tone_key(text))) + " "  # the words, punctuation as spaces


@dataclass(frozen=True)
class LegalDocument:
    """A legal basis: a law, resolution, decree or decision, with its number as printed."""

    id: str
    jurisdiction: str
    number: str
    kind: str
    date: date | None
    year: int | None
    title: str
    title_en: str
    source: str
    confidence: str
    note: str


@dataclass(frozen=True)
class FunctionTransfer:
    """Part of an original's work in a change, and the body it went to (or stayed with)."""

    id: str
    change: str
    origin: str  # agency key: "thanh-hoa/so-lao-dong-thuong-binh-va-xa-hoi"
    recipient: str
    name: str
    name_en: str
    keywords: tuple[str, ...]
    source: str
    confidence: str

    def found_in(self, key: str) -> tuple[str, ...]:
        """The keywords that occur in ``key`` (a :func:`text_key`), in alphabetical order."""
        return tuple(sorted(k for k in self.keywords if text_key(k) in key))


@dataclass
class Change:
    """One change of organisation of a jurisdiction."""

    id: str
    jurisdiction: str
    kind: str
    date: date
    originals: tuple[str, ...]
    results: tuple[str, ...]
    legal_basis: tuple[str, ...]
    name: str
    name_en: str
    source: str
    confidence: str
    date_confidence: str
    note: str = ""
    area_now: tuple[str, ...] = ()
    area_source: str = ""
    area_confidence: str = ""
    competences: str = ""
    competences_en: str = ""
    functions: list[FunctionTransfer] = field(default_factory=list)

    def ends(self, key: str) -> bool:
        """True when the body ``key`` is an original that does not continue."""
        return key in self.originals and key not in self.results

    def main_successor(self, key: str) -> str | None:
        """The body that holds ``key``'s work unless a function says otherwise."""
        if key in self.results:
            return key
        return self.results[0] if self.results else None


@dataclass(frozen=True)
class Step:
    """One handover of a task: in ``change``, from ``origin`` to ``holder`` (None: no single
    successor).

    ``rule`` says why: ``function`` (the text names work that went to ``holder``),
    ``retained`` (it names work that stayed with the main successor), ``main`` (it names no
    work that went elsewhere), ``tie`` (it names the work of several bodies equally: the main
    successor), ``none`` (the body ended with no single successor). ``scores`` gives each
    function the keywords found for it.
    """

    change: Change
    origin: str
    holder: str | None
    rule: str
    function: FunctionTransfer | None = None
    scores: tuple[tuple[FunctionTransfer, tuple[str, ...]], ...] = ()

    @property
    def keywords(self) -> tuple[str, ...]:
        """The keywords found for the chosen function."""
        return next((found for f, found in self.scores if f is self.function), ())


class Succession:
    """The changes, functions and legal documents of the registry, checked."""

    def __init__(self, changes: dict[str, Change], functions: dict[str, FunctionTransfer],
                 documents: dict[str, LegalDocument]):
        self.changes = changes
        self.functions = functions
        self.documents = documents
        self.by_original: dict[str, list[Change]] = {}
        for change in sorted(changes.values(), key=lambda c: (c.date, c.id)):
            for key in change.originals:
                self.by_original.setdefault(key, []).append(change)

    def __bool__(self) -> bool:
        return bool(self.changes)

    @classmethod
    def load(cls, registries: "Registries", names: "dict[str, str] | None" = None) -> "Succession":
        """Read and check the merged succession entries of ``registries``.

        ``names`` maps every agency key the registry knows ("thanh-hoa/so-y-te") to its
        name; by default it is made from the registries' agency entries.

        Raises:
            RegistryError: an entry that lacks a field, has a value of the wrong form, or
                names a body, change or document that does not exist (with file and line).
        """
        from .registries import read_toml
        return _Reader(registries, names if names is not None else agency_keys(registries), read_toml).read()

    def route(self, change: Change, key: str, text: str) -> Step:
        """Who holds, after ``change``, a task of ``key`` whose text is ``text`` (the rule is
        told in succession.toml's header)."""
        main = change.main_successor(key)
        words = text_key(text)
        scores = tuple((f, f.found_in(words)) for f in change.functions if f.origin == key)
        best = max((len(found) for _, found in scores), default=0)
        top = [f for f, found in scores if best and len(found) == best]
        bodies = {f.recipient for f in top}
        found = tuple((f, k) for f, k in scores if k)
        if len(bodies) == 1:
            chosen = min(top, key=lambda f: f.id)
            if chosen.recipient != main:
                return Step(change, key, chosen.recipient, "function", chosen, found)
            return Step(change, key, main, "retained", chosen, found)
        if main is None:
            return Step(change, key, None, "none", None, found)
        return Step(change, key, main, "tie" if bodies else "main", None, found)

    def chain(self, key: str, text: str) -> list[Step]:
        """The successive handovers of a task printed for ``key`` (empty if it never moved).

        A body that continues through a change keeps the task unless a function takes it;
        dates strictly increase along the chain, so it ends.
        """
        steps: list[Step] = []
        holder: str | None = key
        since: date | None = None
        while holder is not None:
            for change in self.by_original.get(holder, []):
                if since is not None and change.date <= since:
                    continue
                step = self.route(change, holder, text)
                if step.holder == holder:
                    continue  # it continues and keeps this task
                steps.append(step)
                holder, since = step.holder, change.date
                break
            else:
                break
        return steps


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


class _Reader:
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
            note=self.text(item, "note", "document"))

    def change(self, item: dict, documents: dict[str, LegalDocument]) -> Change:
        place = self.place_of(item, "change")
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
            note=self.text(item, "note", "change"), area_now=self.words(item, "area_now", "change"),
            area_source=self.text(item, "area_source", "change", required=bool(item.get("area_now"))),
            area_confidence=self.text(item, "area_confidence", "change", required=bool(item.get("area_now")),
                                      choices=("", *CONFIDENCES)),
            competences=self.text(item, "competences", "change", required=bool(item.get("competences_en"))),
            competences_en=self.text(item, "competences_en", "change", required=bool(item.get("competences"))))

    def function(self, item: dict, changes: dict[str, Change]) -> FunctionTransfer:
        place = self.place_of(item, "function")
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
