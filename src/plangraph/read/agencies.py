"""Names -> agencies, in an open world: the registry curates, it does not gate.

A name is first looked up among the names the registry knows for this document's place
(national bodies, the names every province uses, and the bodies of the province itself),
so that variants and abbreviations resolve ("Sở KH&ĐT" is "Sở Kế hoạch và Đầu tư"). A name
the registry does not list but that has the form of an agency (see :mod:`.names`) is still
an agency: it is built, marked as unregistered, and listed for a curator. Every agency
belongs to a jurisdiction: the one its name states ("Sở Tài chính tỉnh Lai Châu"), the
country for national bodies ("Bộ Xây dựng"), otherwise the document's.

Example:
    >>> from plangraph.read.jurisdictions import Jurisdictions
    >>> places = Jurisdictions.bundled()
    >>> reader = AgencyReader.bundled(places.get("dong-nai"))
    >>> found, rest = reader.leading("Sở Tài chính chủ trì, phối hợp với Bộ Xây dựng")
    >>> [m.entity_id for m in found], rest
    (['dong-nai/so-tai-chinh'], 'chủ trì, phối hợp với Bộ Xây dựng')
    >>> [m.entity_id for m in reader.cell("Bộ Xây dựng; Trung tâm Dữ liệu tỉnh")]
    ['vn/bo-xay-dung', 'dong-nai/trung-tam-du-lieu-tinh']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..extract.agencies import AgencyResolver, RegistryEntry, load_registry, name_key
from ..model import AgencyMention, unique_by
from ..resources import registry_file
from ..text import UPPER, fold, nfc, slugify
from .jurisdictions import NATIONAL, Jurisdiction, Jurisdictions
from .names import scan_names, strip_role_suffix

__all__ = ["Agency", "AgencyReader", "bundled_entries", "registry_entries"]

# national bodies and the names every province uses, then each province's own bodies
_REGISTRY_STEMS = ("standard-agencies", "agencies")
_NATIONAL_HINTS = re.compile(
    r"\b(?:việt nam|trung ương|chính phủ|quốc hội|quốc gia|tối cao|nhà nước việt nam)\b", re.IGNORECASE)
_NATIONAL_HEADS = ("bộ ", "tổng cục ", "cục ", "vụ ")
_LOCAL_TAIL = re.compile(r"\b(?:tỉnh|thành phố|tp\.?|huyện|quận|thị xã|xã|phường|đặc khu)\s*$", re.IGNORECASE)
_NOT_NATIONAL = ("bộ chỉ huy", "bộ đội", "bộ tư lệnh", "bộ phận")
# the patterns a list cell asks of every item, compiled once
_END_NOTE_RE = re.compile(r"\s*\([^()]*\)\s*$")
_ROLE_NOTE_RE = re.compile(r"\((?:chủ trì|phối hợp|cơ quan chủ trì|cơ quan phối hợp)[^)]*\)", re.IGNORECASE)
_FIRST_WORD_RE = re.compile(r"^\S+\s*")
_JOINING_WORD_RE = re.compile(r"^(?:và|với|cùng)\s+")
_JOINING_RE = re.compile(r"^(?:và|với|cùng|,)\s*")


@dataclass
class Agency:
    """An agency or collective met in a document, with what is known of it."""

    key: str  # "dong-nai/so-tai-chinh": jurisdiction id, then the agency's slug
    name: str
    jurisdiction: Jurisdiction
    collective: bool
    registered: bool
    entry: RegistryEntry | None = None
    surfaces: set[str] = field(default_factory=set)


# compiled once, not formatted and looked up at every call
_PROVINCE_TAIL = re.compile(rf"\s+(?P<kind>tỉnh|thành phố|TP\.?)\s+[{UPPER}][\w\s\-]*$", re.IGNORECASE)
_NAME_OPENS = re.compile(rf"^(?:các|những|[{UPPER}])")


class AgencyReader:
    """Read agency names of one document against the registry, open world.

    Args:
        entries: every registry entry (bundled and the workspace's).
        places: the jurisdictions.
        jurisdiction: the document's (its issuer's) jurisdiction.
    """

    def __init__(self, entries: list[RegistryEntry], places: Jurisdictions, jurisdiction: Jurisdiction):
        self.places = places
        self.jurisdiction = jurisdiction
        province = places.by_id.get(jurisdiction.province or "", None)
        self.home = province or jurisdiction
        self.national_document = self.home.level == "national"
        self.resolver = _resolver_for(entries, self.home.id)
        self.agencies: dict[str, Agency] = {}
        # the reader tries the same clause more than once (as a role clause, a heading, a cell)
        self._leading: dict[tuple[str, bool], tuple[list[AgencyMention], str] | None] = {}

    @classmethod
    def bundled(cls, jurisdiction: Jurisdiction, extra: list[RegistryEntry] | None = None) -> "AgencyReader":
        """A reader with the registry files that ship with plangraph (plus ``extra``)."""
        entries = [*bundled_entries(), *extra] if extra else []
        return cls(_bundled_list() if not extra else entries, Jurisdictions.bundled(), jurisdiction)

    # -- one name --------------------------------------------------------------------------

    def mention(self, surface: str, entry_id: str | None = None) -> AgencyMention:
        """The agency a single printed name stands for."""
        surface = nfc(surface).strip(" ,;:.-")
        # a note in brackets ("Sở Nội vụ (Cơ quan thường trực ...)") does not change the agency
        bare_name = _END_NOTE_RE.sub("", surface).strip() or surface
        entry_id = entry_id or self.resolver.resolve(surface) or self.resolver.resolve(bare_name)
        stated = self.places.find(surface, within=self.home) if not entry_id or self._province_scope(entry_id) else None
        if entry_id is None:
            bare = self._without_place(surface)
            if bare != surface:
                entry_id = self.resolver.resolve(bare)
        if entry_id is not None:
            entry = self.resolver.entries[entry_id]
            place = self._place_of(entry, stated)
            collective = entry.is_collective or (self.national_document and entry.scope == "province")
            agency = self._remember(f"{place.id.split('/')[0]}/{entry.id}", _local_name(entry, place), place,
                                    collective, True, entry)
        else:
            place = self._unregistered_place(surface, stated)
            collective = _looks_collective(surface)
            slug = slugify(name_key(strip_role_suffix(bare_name)))
            agency = self._remember(f"{place.id.split('/')[0]}/{slug}", _canonical(bare_name), place, collective, False)
        agency.surfaces.add(surface)
        return AgencyMention(agency.key, surface, agency.collective)

    def _province_scope(self, entry_id: str) -> bool:
        return self.resolver.entries[entry_id].scope == "province"

    def _place_of(self, entry: RegistryEntry, stated: Jurisdiction | None) -> Jurisdiction:
        if entry.scope == "national":
            return NATIONAL
        if entry.scope == "local" and entry.jurisdiction:
            return self.places.by_id.get(entry.jurisdiction, self.home)
        if stated is not None and stated.level == "province":
            return stated
        return self.home

    def _unregistered_place(self, surface: str, stated: Jurisdiction | None) -> Jurisdiction:
        low = nfc(surface).lower()
        if stated is not None:
            return self.places.by_id.get(stated.province or "", stated) if stated.level != "province" else stated
        if _LOCAL_TAIL.search(low):
            return self.home  # "Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố": the city's committee
        if (low.startswith(_NATIONAL_HEADS) and not low.startswith(_NOT_NATIONAL)) or _NATIONAL_HINTS.search(low):
            return NATIONAL
        return self.home

    def _without_place(self, surface: str) -> str:
        """"Sở Tài chính tỉnh Lai Châu" -> "Sở Tài chính"."""
        match = _PROVINCE_TAIL.search(surface)
        if match and self.places.province_named(surface[match.start():]):
            kind = "thành phố" if match.group("kind").lower().startswith(("thành", "tp")) else "tỉnh"
            return f"{surface[: match.start()]} {kind}"
        return surface

    def _remember(self, key: str, name: str, place: Jurisdiction, collective: bool, registered: bool,
                  entry: RegistryEntry | None = None) -> Agency:
        agency = self.agencies.get(key)
        if agency is None:
            agency = Agency(key, name, place, collective, registered, entry)
            self.agencies[key] = agency
        return agency

    # -- lists -----------------------------------------------------------------------------

    def leading(self, text: str, whole: bool = False) -> tuple[list[AgencyMention], str] | None:
        """The list of agencies ``text`` opens with, and the rest of the text.

        The registry's reading wins when it covers as much text as the open-world reading
        (it knows where "Sở Văn hóa, Thể thao và Du lịch" ends); otherwise the open-world
        names are taken, each resolved against the registry where it can be.
        """
        text = nfc(text).strip()
        key = (text, whole)
        if key not in self._leading:
            self._leading[key] = self._read_leading(text, whole)
        found = self._leading[key]
        return None if found is None else (list(found[0]), found[1])

    def _read_leading(self, text: str, whole: bool) -> tuple[list[AgencyMention], str] | None:
        scanned = scan_names(text, whole=whole)
        # the registry's reading can only cover a little more than the open-world one
        limit = 45 if scanned is None else min(45, len(text[: len(text) - len(scanned[1])].split()) + 20)
        known = self.resolver.longest_list_prefix(text, max_words=limit)
        if known is None and scanned is None:
            return None
        if scanned is None or (known is not None and _prefer_registry(text, known, scanned)):
            mentions = [self.mention(m.surface, m.entity_id) for m in known[0]]
            return unique_by(mentions, _key), known[1]
        names, rest = scanned
        mentions = []
        for name in names:
            mentions.extend(self._resolve_piece(name.text))
        return unique_by(mentions, _key), rest

    def _resolve_piece(self, surface: str) -> list[AgencyMention]:
        """One open-world name: a known name, else the registry's reading of it as a list of
        agencies ("Sở Công Thương, Sở Xây dựng"), but a list of kinds of bodies stays one
        collective ("các sở, ngành, địa phương")."""
        single = self.resolver.resolve(surface)
        if single:
            return [self.mention(surface, single)]
        listed = self.resolver.parse_list(surface)
        if listed and not (len(listed) > 1 and all(m.is_collective for m in listed) and _looks_collective(surface)):
            return [self.mention(m.surface, m.entity_id) for m in listed]
        return [self.mention(surface)]

    def cell(self, text: str) -> list[AgencyMention]:
        """Every agency in a text that is only a list (a table cell, a labelled field).

        Bullets, semicolons and line breaks separate items; words that are not names
        ("(chủ trì)", "tham gia") are dropped.
        """
        text = nfc(text)
        text = _ROLE_NOTE_RE.sub(" ", text)
        found: list[AgencyMention] = []
        for part in _cell_items(text):
            part = part.strip(" ,.;:-+")
            while part:
                read = self.leading(part, whole=True)
                if read is None:
                    # skip a word that opens no name ("và", "các đơn vị ...")
                    nxt = _FIRST_WORD_RE.sub("", part)
                    if nxt == part:
                        break
                    part = _JOINING_WORD_RE.sub("", nxt)
                    continue
                mentions, rest = read
                found.extend(mentions)
                if rest == part:
                    break
                part = _JOINING_RE.sub("", rest.strip(" ,.;:"))
                if part and not _NAME_OPENS.match(part):
                    break
        return unique_by(found, _key)


# compiled once, not formatted and looked up at every call
_PLACE_OPENS = re.compile(rf"^(?:chi nhánh|khu vực|tại|tỉnh|thành phố|[{UPPER}\d(/])")


def _prefer_registry(text: str, known, scanned) -> bool:
    """Whether the registry's reading of a list beats the open-world one.

    The registry wins when it reads more, or as much with no more names; and when both
    read the same number of names but the open-world reading only ran on after the last
    name (the registry knows where "Bộ Chỉ huy Quân sự tỉnh" ends: "gắn ..." is a verb).
    A list of kinds of bodies the registry splits in two stays one ("các sở, ngành, địa phương").
    """
    known_names, known_rest = known
    names, rest = scanned
    if len(known_rest) < len(rest):
        return True
    if len(known_rest) == len(rest):
        return len(known_names) <= len(names)
    extra = text[len(text) - len(known_rest): len(text) - len(rest)].strip()
    if _PLACE_OPENS.match(extra):
        return False  # "Ngân hàng Nhà nước chi nhánh khu vực 14": the name goes on
    return len(known_names) == len(names) and not re.search(r"[,;]|\svà\s", extra)


# compiled once: the function runs for every name, line or task of a build
_CELL_PARTS = re.compile(r"\s*(?:;|\n|(?<!\bTP)(?<!\bTX)(?<!\bTp)\.\s+(?=[A-ZĐ]))\s*")
_LEAD_BULLET = re.compile(r"^[-+•]\s+")
_INNER_BULLETS = re.compile(r"\s[-+•]\s+")


def _cell_items(text: str) -> list[str]:
    """Items of a list cell: split at ";", line breaks and bullets ("- Bộ X - Bộ Y"), but not at
    the hyphen inside a name ("Sở Lao động - Thương binh và Xã hội")."""
    from .heads import is_name_start

    parts = _CELL_PARTS.split(text)
    items: list[str] = []
    for part in parts:
        part = _LEAD_BULLET.sub("", part.strip())
        start = 0
        for match in _INNER_BULLETS.finditer(part):
            if is_name_start(part[match.end():]):
                items.append(part[start:match.start()])
                start = match.end()
        items.append(part[start:])
    return items


def _key(mention: AgencyMention) -> str:
    return mention.entity_id


def _looks_collective(surface: str) -> bool:
    low = nfc(surface).lower()
    return bool(re.match(r"^(?:các|những|mọi|tất cả)\b", low)) or " các " in f" {low} " or "," in low or \
        bool(re.search(r"\b(?:liên quan|trực thuộc|thành viên)\b", low)) and not low.startswith(("sở ", "bộ "))


def _local_name(entry: RegistryEntry, place: Jurisdiction) -> str:
    """A standard provincial name as a city of central rank says it: "Công an tỉnh" is
    "Công an thành phố" in Hà Nội (Nghị định 45/2025/NĐ-CP names both forms)."""
    if entry.scope == "province" and place.level == "province" and place.name.lower().startswith("thành phố"):
        return re.sub(r"\btỉnh\b", "thành phố", entry.name)
    return entry.name


def _canonical(surface: str) -> str:
    """A name as the graph shows it: first letter up, role suffix dropped."""
    name = strip_role_suffix(surface).strip()
    return name[:1].upper() + name[1:]


@lru_cache(maxsize=1)
def _bundled_list() -> list[RegistryEntry]:
    return list(bundled_entries())


@lru_cache(maxsize=1)
def bundled_entries() -> tuple[RegistryEntry, ...]:
    """The registry entries that ship with plangraph."""
    entries: list[RegistryEntry] = []
    for stem in _REGISTRY_STEMS:
        entries.extend(load_registry(registry_file(stem)))
    return tuple(entries)


def registry_entries(registry: "Path | Registries", default_jurisdiction: str | None) -> list[RegistryEntry]:
    """Every agency entry a build reads against.

    ``registry`` is an agencies file (read with the bundled standard names) or a workspace's
    merged :class:`~plangraph.registries.Registries`. An entry the workspace adds without
    saying where it belongs is taken as a body of the workspace's jurisdiction
    (``default_jurisdiction``, e.g. ``"thanh-hoa"``).
    """
    if isinstance(registry, Path):
        if registry == registry_file("agencies"):
            return list(bundled_entries())  # the bundled file: read once, not at every build
        return [*load_registry(registry_file("standard-agencies")), *load_registry(registry)]
    entries: list[RegistryEntry] = []
    for stem in _REGISTRY_STEMS:
        for entry in load_registry(registry, stem):
            added = (stem, entry.id) in registry.added
            if added and entry.jurisdiction is None and default_jurisdiction and entry.scope == "province":
                entry.scope, entry.jurisdiction = "local", default_jurisdiction
            entries.append(entry)
    return entries


_RESOLVERS: dict[tuple[int, str], tuple[list[RegistryEntry], AgencyResolver]] = {}


def _resolver_for(entries: list[RegistryEntry], province: str) -> AgencyResolver:
    """One resolver per registry and province, built once (a build reads many documents)."""
    key = (id(entries), province)
    cached = _RESOLVERS.get(key)
    if cached is None or cached[0] is not entries:
        if len(_RESOLVERS) > 64:
            _RESOLVERS.clear()
        # a later build of the same registry (a new list of equal entries) reads with the
        # resolver it built, and what that has already read
        content = (_content(entries), province)
        resolver = _BY_CONTENT.get(content)
        if resolver is None:
            if len(_BY_CONTENT) > 8:
                _BY_CONTENT.clear()
            resolver = _BY_CONTENT[content] = AgencyResolver(_entries_for(entries, province))
        cached = (entries, resolver)
        _RESOLVERS[key] = cached
    return cached[1]


_BY_CONTENT: dict[tuple, AgencyResolver] = {}


def _content(entries: list[RegistryEntry]) -> tuple:
    """The entries as values (their lists as tuples): equal for equal registries."""
    return tuple(tuple((name, tuple(value) if isinstance(value, list) else value)
                       for name, value in entry.__dict__.items()) for entry in entries)


def _entries_for(entries: list[RegistryEntry], province: str) -> list[RegistryEntry]:
    """National entries, the names every province uses and the province's own entries; a
    province's own entry overrides a standard one with the same id, and a standard alias
    that names one of its own bodies is dropped."""
    local = [e for e in entries if e.scope == "local" and e.jurisdiction == province]
    local_ids = {e.id for e in local}
    taken = {name_key(n) for e in local for n in (e.name, *e.aliases)}
    chosen: list[RegistryEntry] = list(local)
    seen = set(taken)
    for entry in entries:
        if entry.scope not in ("national", "province") or entry.id in local_ids:
            continue
        names = [n for n in (entry.name, *entry.aliases) if name_key(n) not in seen]
        if not names:
            continue
        seen.update(name_key(n) for n in names)
        if name_key(entry.name) in taken:
            continue
        chosen.append(RegistryEntry(**{**entry.__dict__, "aliases": [n for n in names if n != entry.name]}))
    return chosen
