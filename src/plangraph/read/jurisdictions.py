"""Jurisdictions: the country, its provinces, and the districts and communes inside them.

Every document is issued in a jurisdiction (the issuer's) and every agency belongs to one:
"Sở Tài chính" in a Đồng Nai plan is Đồng Nai's, a "Bộ" is national, "UBND huyện Thọ Xuân"
belongs to the district of Thọ Xuân in the province of the plan. Provinces come from the
curated ``jurisdictions.toml`` (the 63 units before 1 July 2025 and the 34 after).

Example:
    >>> places = Jurisdictions.bundled()
    >>> places.find("Ủy ban nhân dân tỉnh Đồng Tháp").id
    'dong-thap'
    >>> places.find("UBND TP. Hồ Chí Minh").name
    'thành phố Hồ Chí Minh'
    >>> places.find("UBND huyện Thọ Xuân", within=places.get("thanh-hoa")).id
    'thanh-hoa/huyen-tho-xuan'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..resources import registry_file
from ..tabletoml import loads_toml
from ..text import fold, slugify

__all__ = ["Jurisdiction", "Jurisdictions", "NATIONAL", "JURISDICTIONS_PATH"]

JURISDICTIONS_PATH = registry_file("jurisdictions")


@dataclass(frozen=True)
class Jurisdiction:
    """A place whose authorities issue documents and own agencies.

    Attributes:
        id: IRI path segment(s): "vn", "dong-thap", "thanh-hoa/huyen-tho-xuan".
        name: as people write it: "Việt Nam", "tỉnh Đồng Tháp", "huyện Thọ Xuân".
        level: "national", "province", "district" or "commune".
        parent: the id of the jurisdiction it lies in ("thanh-hoa" for a district), if any.
    """

    id: str
    name: str
    level: str
    parent: str | None = None
    until: str | None = None
    merged_into: str | None = None

    @property
    def province(self) -> str | None:
        """The province id this jurisdiction is or lies in."""
        if self.level == "province":
            return self.id
        return self.id.split("/")[0] if self.level in ("district", "commune") else None


NATIONAL = Jurisdiction("vn", "Việt Nam", "national")

_KIND_RE = (
    r"(?P<kind>tỉnh|thành phố|tp\.?|thủ đô|huyện|thị xã|tx\.?|quận|xã|phường|thị trấn|đặc khu)"
)
_LOCAL_LEVEL = {"huyện": "district", "thị xã": "district", "tx": "district", "quận": "district",
                "thành phố": "district", "tp": "district", "xã": "commune", "phường": "commune",
                "thị trấn": "commune", "đặc khu": "commune"}


class Jurisdictions:
    """The bundled provinces, looked up by name as printed."""

    def __init__(self, entries: list[dict]):
        self.by_id: dict[str, Jurisdiction] = {NATIONAL.id: NATIONAL}
        self._by_name: dict[str, str] = {}
        for item in entries:
            kind = item.get("kind", "tỉnh")
            place = Jurisdiction(item["id"], f"{kind} {item['name']}", "province",
                                 until=item.get("until"), merged_into=item.get("merged_into"))
            self.by_id[place.id] = place
            for name in [item["name"], *item.get("aliases", [])]:
                self._by_name[_key(name)] = place.id
        # longest names first, so that "Bà Rịa - Vũng Tàu" wins over a shorter name
        names = sorted(self._by_name, key=len, reverse=True)
        self._names_re = re.compile(r"(?<![a-z0-9])(?:" + "|".join(re.escape(n) for n in names) + r")(?![a-z0-9])")

    @classmethod
    def bundled(cls) -> "Jurisdictions":
        """The jurisdictions file that ships with plangraph (cached)."""
        return _bundled(str(JURISDICTIONS_PATH))

    def get(self, jurisdiction_id: str) -> Jurisdiction:
        return self.by_id[jurisdiction_id]

    def configured(self, text: str | None) -> Jurisdiction | None:
        """The jurisdiction a workspace names in plangraph.toml ("tỉnh Thanh Hóa", "Đồng Nai").

        Example:
            >>> Jurisdictions.bundled().configured("tỉnh Thanh Hóa").id
            'thanh-hoa'
        """
        if not text or not text.strip():
            return None
        return self.find(text) or self.province_named(text) or self.by_id.get(text.strip())

    def province_named(self, text: str) -> Jurisdiction | None:
        """The province whose name ``text`` is (with or without "tỉnh"/"thành phố")."""
        key = _key(re.sub(r"^\s*(?:tỉnh|thành phố|tp\.?|thủ đô)\s+", "", text.strip(), flags=re.IGNORECASE))
        found = self._by_name.get(key)
        return self.by_id[found] if found else None

    def find(self, text: str, within: Jurisdiction | None = None) -> Jurisdiction | None:
        """The most specific jurisdiction a name or heading states ("UBND huyện Thọ Xuân").

        A province is found by its name after "tỉnh", "thành phố" or "TP."; a district or
        commune by its kind word and name, placed inside ``within`` (the province of the
        document) unless the text names a province too.
        """
        folded = _key(text)
        province = None
        for match in re.finditer(r"(?P<kind>tinh|thanh pho|tp|thu do)\s+(?P<name>.+)", folded):
            hit = self._names_re.match(match.group("name"))
            if hit:
                found = self.by_id[self._by_name[hit.group(0)]]
                if match.group("kind") in ("thanh pho", "tp") and found.name.startswith("tỉnh"):
                    # "thành phố Thanh Hóa" is the provincial capital, not the province
                    printed = _printed_name(text, hit.group(0))
                    return Jurisdiction(f"{found.id}/{slugify('thành phố ' + hit.group(0))}",
                                        f"thành phố {printed}", "district", parent=found.id)
                province = found
                break
        local = re.search(
            r"(?:^|\s)(?P<kind>huyen|thi xa|tx|quan|thanh pho|tp|xa|phuong|thi tran|dac khu)\s+"
            r"(?P<name>[a-z0-9][a-z0-9 ]*?)(?=\s*(?:,|\(|$|tinh |thanh pho |va |chu tri|phoi hop))",
            folded,
        )
        if local:
            name = local.group("name").strip()
            kind = local.group("kind")
            is_province = self._names_re.fullmatch(name) is not None
            if not (kind in ("thanh pho", "tp") and is_province) and name not in ("", "phuong", "xa"):
                parent = province or within
                parent = parent if parent is None or parent.level == "province" else (
                    self.by_id.get(parent.province or "") if parent.province else None)
                if parent is not None:
                    kind_vi = {"tx": "thị xã", "tp": "thành phố"}.get(kind, _unfold_kind(kind))
                    level = _LOCAL_LEVEL.get(kind_vi, "district")
                    printed = _printed_name(text, name)
                    return Jurisdiction(f"{parent.id}/{slugify(kind_vi + ' ' + name)}", f"{kind_vi} {printed}",
                                        level, parent=parent.id)
        return province


def _unfold_kind(kind: str) -> str:
    return {"huyen": "huyện", "thi xa": "thị xã", "quan": "quận", "thanh pho": "thành phố", "xa": "xã",
            "phuong": "phường", "thi tran": "thị trấn", "dac khu": "đặc khu"}.get(kind, kind)


def _printed_name(text: str, folded_name: str) -> str:
    """The words of ``text`` that fold to ``folded_name`` (keeps the diacritics as printed)."""
    words = text.split()
    size = len(folded_name.split())
    for start in range(len(words) - size + 1):
        chunk = " ".join(words[start:start + size])
        if _key(chunk) == folded_name:
            return chunk.strip(",.;:()")
    return folded_name.title()


# compiled once: the function runs for every name, line or task of a build
_NOT_KEY = re.compile(r"[^a-z0-9 ]")
_SPACES = re.compile(r"\s+")


def _key(text: str) -> str:
    return _SPACES.sub(" ", _NOT_KEY.sub(" ", fold(text))).strip()


@lru_cache(maxsize=4)
def _bundled(path: str) -> Jurisdictions:
    return Jurisdictions(loads_toml(Path(path).read_text(encoding="utf-8")).get("jurisdiction", []))
