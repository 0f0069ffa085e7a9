"""Agency names -> registry entries: variants, abbreviations, lists and collectives.

A list such as "Sở Tài chính, Sở Nông nghiệp và PTNT, Ban Quản lý KKT Nghi Sơn và các KCN
và các đơn vị liên quan" cannot be split on commas or on "và" alone, because both occur
inside names. :meth:`AgencyResolver.parse_list` instead cuts the text at every separator
and finds, by dynamic programming, the segmentation into the fewest known names.

Example:
    >>> r = AgencyResolver.from_file(REGISTRY_PATH)
    >>> [m.entity_id for m in r.parse_list("Sở: Xây dựng, Tài chính và các đơn vị liên quan")]
    ['so-xay-dung', 'so-tai-chinh', 'cac-don-vi-lien-quan']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import RegistryError
from ..model import AgencyMention
from ..resources import registry_file
from ..tabletoml import loads_toml
from ..text import fold, nfc, tone_key
from .name_keys import name_key  # (re-exported: the reader finds it here)

if TYPE_CHECKING:
    from ..registries import Registries

__all__ = ["AgencyResolver", "RegistryEntry", "name_key", "REGISTRY_PATH"]

REGISTRY_PATH = registry_file("agencies")  # the bundled registry (package data)

@dataclass
class RegistryEntry:
    """One agency or collective of the registry."""

    id: str
    name: str
    name_en: str
    is_collective: bool
    aliases: list[str] = field(default_factory=list)
    level: str | None = None
    category: str | None = None
    members: str | None = None
    source: str = ""
    scope: str = "local"  # national | province (a name every province uses) | local
    jurisdiction: str | None = None  # for local entries: the jurisdiction id ("thanh-hoa")
    until: str | None = None  # last day the name was in use


_SEPARATOR_RE = re.compile(r"\s*(?:[,;]\s*(?:và\s+)?|\s+và\s+|\s+cùng\s+)", re.IGNORECASE)
_WORDY_TOKEN = re.compile(r"[^\s\w]*\w\S*")  # a printed word with a letter or digit in it
_BARE_TOKEN = re.compile(r"(?<!\S)[^\s\w]+(?!\S)")  # a printed word without one ("-", "&")


def _wordy_count(text: str) -> int:
    """How many printed words of ``text`` hold a letter or digit (:data:`_WORDY_TOKEN`): the
    words less the few bare ones, without a match object for every word."""
    return len(text.split()) - len(_BARE_TOKEN.findall(text))
_COLLECTIVE_OPENER_RE = re.compile(r"^(?:các|những)\s+", re.IGNORECASE)
_DISTRIBUTED_RE = re.compile(r"^(?:các\s+)?sở\s*:\s*", re.IGNORECASE)
_HEADS = ("ubnd", "ủy ban nhân dân", "uỷ ban nhân dân", "sở", "ban")
_MEMO_LIMIT = 200_000  # texts remembered by a resolver's list tests (the five plans: 1,700)


class AgencyResolver:
    """Resolve agency names and lists against the curated registry."""

    def __init__(self, entries: list[RegistryEntry]):
        self.entries = {entry.id: entry for entry in entries}
        self._by_key: dict[str, str] = {}
        self._by_folded: dict[str, set[str]] = {}
        for entry in entries:
            for alias in [entry.name, *entry.aliases]:
                key = name_key(alias)
                other = self._by_key.get(key)
                if other and other != entry.id:
                    raise RegistryError(
                        f"alias {alias!r} of {entry.id} is already a name of {other}",
                        path="agencies.toml",
                    )
                self._by_key[key] = entry.id
                self._by_folded.setdefault(fold(key), set()).add(entry.id)
        # A list of names can only end with a word that ends some name.
        self._last_words = {fold(key.split()[-1]) for key in self._by_key}
        # ... and can only start with a word that starts some name (a cheap first test)
        self._first_words = {fold(key.split()[0]) for key in self._by_key}
        # A printed word with a letter or digit in it gives its key at least one word (an
        # abbreviation of several printed words gives at least as many), so a text with more
        # such words than the longest key names nothing (half the texts a list reading asks)
        self._most_words = max((len(key.split()) for key in self._by_key), default=0)
        self._memo: dict[str, str | None] = {}
        self._ends: dict[str, bool] = {}  # a printed word -> whether its key ends some name
        self._lists: dict[str, bool] = {}  # a text -> whether parse_list reads it as a list
        self._starts_memo: dict[tuple[str, ...], list[int]] = {}  # leading chunks -> where a name can start

    @classmethod
    def from_file(cls, path: "Path | Registries" = REGISTRY_PATH) -> "AgencyResolver":
        """Load the registry: a TOML file, or the merged :class:`~plangraph.registries.Registries`
        of a workspace (the bundled entries with the workspace's own)."""
        return cls(load_registry(path))

    # -- single names -------------------------------------------------------------------

    def resolve(self, text: str) -> str | None:
        """Return the registry id of one name, or None.

        Diacritics count: a name that matches only once they are removed is accepted when
        exactly one entry has that diacritics-free form.
        """
        if text in self._memo:
            return self._memo[text]
        if _wordy_count(text) > self._most_words:
            self._memo[text] = None
            return None
        key = name_key(text)
        found = self._by_key.get(key) if key else None
        if key and not found:
            candidates = self._by_folded.get(fold(key), set())
            found = next(iter(candidates)) if len(candidates) == 1 else None
        self._memo[text] = found
        return found

    def mention(self, entity_id: str, surface: str) -> AgencyMention:
        """Build an :class:`AgencyMention` for a resolved name."""
        return AgencyMention(
            entity_id=entity_id,
            surface=nfc(surface).strip(" ,;:."),
            is_collective=self.entries[entity_id].is_collective,
        )

    # -- lists --------------------------------------------------------------------------

    def parse_list(self, text: str) -> list[AgencyMention] | None:
        """Parse a whole string as a list of names; None when any part is unknown."""
        return _parse_list_cached(self, nfc(text).strip(" ,;:."))

    def _parse_list(self, text: str) -> list[AgencyMention] | None:
        if not text:
            return None
        distributed = _DISTRIBUTED_RE.match(text)
        if distributed:
            return self._parse_distributed(text[distributed.end():])
        chunks, seps = _split_keep(text)
        return self._segment(chunks, seps)

    def _segment(self, chunks: list[str], seps: list[str]) -> list[AgencyMention] | None:
        """Fewest-names segmentation of ``chunks`` (joined back with ``seps``)."""
        n = len(chunks)
        best: list[list[AgencyMention] | None] = [None] * (n + 1)
        best[n] = []
        for i in range(n - 1, -1, -1):
            for j in range(n, i, -1):
                rest = best[j]
                if rest is None:
                    continue
                surface, found = self._name_in(chunks, seps, i, j)
                if found is None:
                    continue
                candidate = [self.mention(found, surface), *rest]
                if best[i] is None or len(candidate) < len(best[i]):
                    best[i] = candidate
        return best[0]

    def _resolve_with_head(self, previous: str, surface: str) -> str | None:
        """"UBND huyện Đông Sơn, TP. Thanh Hóa": borrow the head of the previous name."""
        low = tone_key(previous)
        for head in _HEADS:
            if low.startswith(head + " ") and not tone_key(surface).startswith(head):
                found = self.resolve(f"{previous[: len(head)]} {surface}")
                if found:
                    return found
        return None

    def _parse_distributed(self, text: str) -> list[AgencyMention] | None:
        """"Các sở: Giao thông vận tải, Xây dựng; Công an tỉnh" -> Sở ..., Sở ..., Công an tỉnh."""
        parts = re.split(r"\s*;\s*", text, maxsplit=1)
        items = re.split(r"\s*,\s*", parts[0])
        found: list[AgencyMention] = []
        for index, item in enumerate(items):
            resolved = self.resolve(f"Sở {item}")
            if resolved:
                found.append(self.mention(resolved, f"Sở {item}"))
                continue
            # "Nông nghiệp và PTNT và các đơn vị liên quan": split the tail.
            remainder = ", ".join(items[index:])
            chunks, seps = _split_keep(remainder)
            for cut in range(len(chunks) - 1, 0, -1):
                head = self.resolve("Sở " + _join(chunks, seps, 0, cut))
                tail = self._segment(chunks[cut:], seps[cut:])
                if head and tail is not None:
                    return [*found, self.mention(head, "Sở " + _join(chunks, seps, 0, cut)), *tail]
            tail = self._segment(chunks, seps)
            if tail is None:
                return None
            return [*found, *tail]
        if len(parts) > 1:
            tail = self.parse_list(parts[1])
            if tail is None:
                return None
            found.extend(tail)
        return found

    def longest_list_prefix(self, text: str, max_words: int = 45) -> tuple[list[AgencyMention], str] | None:
        """Find the longest leading run of ``text`` that is a list of names.

        Returns the mentions and the remaining text, or None when no prefix is a name.

        Example:
            >>> r = AgencyResolver.from_file(REGISTRY_PATH)
            >>> found, rest = r.longest_list_prefix("Sở Y tế thường xuyên cập nhật tình hình")
            >>> [m.entity_id for m in found], rest
            (['so-y-te'], 'thường xuyên cập nhật tình hình')
        """
        words = text.split(" ")
        first = name_key(_COLLECTIVE_OPENER_RE.sub("", text[:40])).split()
        if not first or (fold(first[0]) not in self._first_words and fold(name_key(words[0]) or "-") not in self._first_words):
            return None
        ends = self._ends
        for count in range(min(len(words), max_words), 0, -1):
            word = words[count - 1]
            ending = ends.get(word)
            if ending is None:
                ending = ends[word] = self._ends_a_name(word)
            if not ending:
                continue
            prefix = " ".join(words[:count])
            if not self._may_be_list(prefix):
                continue
            found = self.parse_list(prefix)
            if found:
                return found, " ".join(words[count:]).strip()
        return None

    def _may_be_list(self, text: str) -> bool:
        """Whether :meth:`parse_list` reads ``text`` as a list, without reading it.

        A list is a segmentation of every chunk but the last, then one name that ends the
        text: the same test as :meth:`_segment` finding one, made forwards, so that where a
        name can start after the first chunks is worked out once for all the prefixes
        :meth:`longest_list_prefix` tries that share them (backwards, each failing prefix
        tried every start: two thirds of a first build's list reading).
        """
        known = self._lists.get(text)
        if known is None:
            if len(self._lists) > _MEMO_LIMIT:  # a resolver kept for many builds stays bounded
                self._lists.clear()
                self._starts_memo.clear()
            known = self._lists[text] = self._segmentable(nfc(text).strip(" ,;:."))
        return known

    def _segmentable(self, text: str) -> bool:
        if not text or _DISTRIBUTED_RE.match(text):
            return bool(text)  # parse_list reads "các sở: ..." its own way
        chunks, seps = _split_keep(text)
        end = len(chunks)
        return any(self._name_in(chunks, seps, start, end)[1] is not None for start in self._starts(chunks, seps))

    def _starts(self, chunks: list[str], seps: list[str]) -> list[int]:
        """Where a name ending the text can start: 0, and every index up to which the
        chunks before the last are a list of names."""
        key = (*chunks[:-1], "\0", *seps[:-1])
        found = self._starts_memo.get(key)
        if found is None:
            found = [0]
            for end in range(1, len(chunks)):
                if any(self._name_in(chunks, seps, start, end)[1] is not None for start in found):
                    found.append(end)
            self._starts_memo[key] = found
        return found

    def _name_in(self, chunks: list[str], seps: list[str], start: int, end: int) -> tuple[str, str | None]:
        """``chunks[start:end]`` joined, and the registry id it names (alone, or with the head
        of the chunk before it), or None."""
        surface = _join(chunks, seps, start, end)
        found = self.resolve(surface)
        if found is None and start > 0:
            found = self._resolve_with_head(chunks[start - 1], surface)
        return surface, found

    def _ends_a_name(self, word: str) -> bool:
        """Whether a printed word can end a list of names: its key's last word ends some name."""
        last = name_key(word).split()
        return bool(last) and fold(last[-1]) in self._last_words


@lru_cache(maxsize=20000)
def _parse_list_cached(resolver: AgencyResolver, text: str) -> list[AgencyMention] | None:
    return resolver._parse_list(text)


def _split_keep(text: str) -> tuple[list[str], list[str]]:
    # most texts asked (one name, a name and the words after it) hold no separator: every
    # one needs "," or ";" or the word "và" or "cùng" (ignoring case, which for these letters
    # is only their capitals), so their absence is found by plain scans, not by the pattern
    if "," not in text and ";" not in text:
        low = text.lower()
        if "và" not in low and "cùng" not in low:
            return [text], []
    return _split_keep_general(text)


def _split_keep_general(text: str) -> tuple[list[str], list[str]]:
    chunks: list[str] = []
    seps: list[str] = []
    position = 0
    for match in _SEPARATOR_RE.finditer(text):
        if match.start() == position:
            continue
        chunks.append(text[position:match.start()])
        seps.append(match.group(0))
        position = match.end()
    chunks.append(text[position:])
    return chunks, seps


def _join(chunks: list[str], seps: list[str], start: int, end: int) -> str:
    out = chunks[start]
    for index in range(start + 1, end):
        out += seps[index - 1] + chunks[index]
    return out


def load_registry(path: "Path | Registries", stem: str = "agencies") -> list[RegistryEntry]:
    """Read an agencies registry: a TOML file, or the tables of registry ``stem``
    (``agencies`` or ``standard-agencies``) of merged :class:`~plangraph.registries.Registries`."""
    if not isinstance(path, Path):
        data, path = path.tables(stem), Path(f"{stem}.toml")
    else:
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise RegistryError("registry file not found", path=str(path)) from None
        try:
            data = loads_toml(text)
        except ValueError as exc:  # tomllib.TOMLDecodeError
            raise RegistryError(f"invalid TOML: {exc}", path=path.name) from None
    entries: list[RegistryEntry] = []
    jurisdiction = data.get("jurisdiction")
    for kind in ("agency", "collective"):
        for item in data.get(kind, []):
            missing = [key for key in ("id", "name", "source") if key not in item]
            if missing:
                raise RegistryError(
                    f"[[{kind}]] {item.get('id', '?')} lacks {', '.join(missing)}", path=path.name
                )
            entries.append(
                RegistryEntry(
                    id=item["id"],
                    name=nfc(item["name"]),
                    name_en=item.get("name_en", ""),
                    is_collective=kind == "collective",
                    aliases=[nfc(a) for a in item.get("aliases", [])],
                    level=item.get("level"),
                    category=item.get("category"),
                    members=item.get("members"),
                    source=item["source"],
                    scope=item.get("scope", "local" if item.get("jurisdiction", jurisdiction) else "province"),
                    jurisdiction=item.get("jurisdiction", jurisdiction),
                    until=item.get("until"),
                )
            )
    return entries
