"""The registries: the curated entries bundled with the package, merged with a workspace's own.

A workspace's registry folder may hold ``agencies.toml``, ``issuers.toml``,
``indicators.toml``, ``projects.toml`` and ``succession.toml`` in the bundled format, with only the user's own
entries. An entry with a new id is added. An entry with a bundled id adds to it: its
aliases, keys, codes and sources are appended, and a field the bundled entry lacks (an
English name) is filled in or replaced. An entry that gives a bundled id another name, or
makes a bundled agency a collective, contradicts the bundled registry: that is an error
naming the line, never a silent merge (a different agency needs an id of its own; another
form of the same name goes in ``aliases``).

Example:
    >>> registries = load_registries()            # the bundled entries only
    >>> any(item["id"] == "so-y-te" for item in registries.items("agencies", "agency"))
    True
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .catalogue import t
from .errors import RegistryError
from .resources import REGISTRY_NAMES, registry_file
from .text import nfc
from .tomlfile import line_of, read_toml  # noqa: F401 (part of this module's interface)

__all__ = ["Registries", "load_registries", "bundled", "active", "activate", "read_toml", "line_of"]

# file stem -> the array tables it holds
TABLES = {
    "agencies": ("agency", "collective"),
    "standard-agencies": ("agency", "collective"),
    "jurisdictions": ("jurisdiction",),
    "issuers": ("issuer",),
    "indicators": ("indicator",),
    "projects": ("project",),
    "succession": ("change", "function", "document"),  # read by plangraph.succession
}
# fields every new entry of a table needs (what the build reads without a default)
REQUIRED = {
    "agency": ("id", "name", "source"),
    "collective": ("id", "name", "source"),
    "issuer": ("id", "name"),
    "indicator": ("id", "name", "keys"),
    "project": ("id", "name"),
    "jurisdiction": ("id", "name"),
    "change": ("id", "kind", "date", "originals", "source"),
    "function": ("id", "change", "from", "to", "keywords", "source"),
    "document": ("id", "number", "kind", "source"),
}
LIST_FIELDS = frozenset({"aliases", "keys", "codes", "sources", "formed_from",
                         "originals", "results", "legal_basis", "keywords", "area_now"})


@dataclass(eq=False)  # compared and hashed by identity: a cache key for what is derived from it
class Registries:
    """The merged registry tables and where the workspace's entries come from.

    Attributes:
        data: file stem -> array table -> entries, as ``tomllib`` gives them, merged.
        overrides: the workspace's registry folder, if any.
        added: (stem, id) -> ``file:line`` of each entry the workspace adds.
        extended: (stem, id) -> ``file:line`` of each bundled entry the workspace adds to.
    """

    data: dict[str, dict[str, list[dict]]]
    overrides: Path | None = None
    added: dict[tuple[str, str], str] = field(default_factory=dict)
    extended: dict[tuple[str, str], str] = field(default_factory=dict)

    def tables(self, stem: str) -> dict[str, list[dict]]:
        """The merged content of registry file ``stem`` (e.g. ``agencies``)."""
        return self.data[stem]

    def items(self, stem: str, table: str) -> list[dict]:
        """The merged entries of one array table, e.g. ``items("agencies", "collective")``."""
        return self.data[stem].get(table, [])

    def origin(self, stem: str, entry_id: str) -> str:
        """``bundled``, ``workspace`` or ``bundled + workspace``."""
        if (stem, entry_id) in self.added:
            return "workspace"
        return "bundled + workspace" if (stem, entry_id) in self.extended else "bundled"


def _value_lines(text: str, key: str) -> dict[str, int]:
    """The line of the first ``key = "value"`` for every value in TOML ``text``: one pass
    over the file instead of a search per entry (registries have hundreds of entries)."""
    lines: dict[str, int] = {}
    pattern = rf"""^[ \t]*{re.escape(key)}[ \t]*=[ \t]*["']([^"'\n]*)["']"""
    line, counted = 1, 0
    for match in re.finditer(pattern, text, re.MULTILINE):
        line += text.count("\n", counted, match.start())
        counted = match.start()
        lines.setdefault(match.group(1), line)
    return lines


def _check_types(item: dict, where: str, line: int | None) -> None:
    for key, value in item.items():
        if key in LIST_FIELDS:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise RegistryError(t("reg.list", key=key), path=where, line=line)
        elif not isinstance(value, str):
            raise RegistryError(t("reg.string", key=key), path=where, line=line)


def _extend(base: dict, extra: dict) -> dict:
    merged = dict(base)
    for key, value in extra.items():
        if key in ("id", "name") or (key == "source" and "source" in base):
            continue  # the bundled name and the line it is printed on stay
        if key in LIST_FIELDS:
            known = base.get(key, [])
            merged[key] = [*known, *(v for v in value if v not in known)]
        else:
            merged[key] = value
    return merged


def _merge(stem: str, path: Path, registries: Registries) -> None:
    """Merge the workspace file ``path`` of registry ``stem`` into ``registries.data``."""
    extra, text = read_toml(path)
    where = str(path)
    tables = registries.data[stem]
    unknown = sorted(set(extra) - set(TABLES[stem]))
    if unknown:
        heading = re.search(rf"^[ \t]*\[\[?[ \t]*{re.escape(unknown[0])}[ \t]*\]", text, re.MULTILINE)
        line = text.count("\n", 0, heading.start()) + 1 if heading else line_of(text, unknown[0])
        raise RegistryError(t("reg.unknown_table", table=unknown[0], file=path.name,
                              tables=f" {t('word.and')} ".join(f"[[{name}]]" for name in TABLES[stem])),
                            path=where, line=line)
    known = {item["id"]: (table, index) for table in TABLES[stem] for index, item in enumerate(tables.get(table, []))}
    seen: set[str] = set()
    id_lines = _value_lines(text, "id")
    for table in TABLES[stem]:
        items = extra.get(table, [])
        if not isinstance(items, list):
            raise RegistryError(t("reg.array", table=table), path=where)
        for item in items:
            entry_id = item.get("id")
            if not isinstance(entry_id, str) or not entry_id:
                raise RegistryError(t("reg.no_id", table=table), path=where)
            line = id_lines.get(entry_id)
            _check_types(item, where, line)
            if entry_id in seen:
                raise RegistryError(t("reg.twice", id=entry_id), path=where, line=line)
            seen.add(entry_id)
            if entry_id not in known:
                missing = [key for key in REQUIRED[table] if key not in item]
                if missing:
                    raise RegistryError(t("reg.lacks", table=table, id=entry_id, missing=", ".join(missing)),
                                        path=where, line=line)
                tables.setdefault(table, []).append(dict(item))
                registries.added[(stem, entry_id)] = f"{path.name}:{line}"
                continue
            base_table, index = known[entry_id]
            base = tables[base_table][index]
            if base_table != table:
                raise RegistryError(t("reg.other_table", id=entry_id, bundled=base_table, table=table),
                                    path=where, line=line)
            if "name" in item and nfc(item["name"]) != nfc(base["name"]):
                raise RegistryError(
                    t("reg.renamed", id=entry_id, name=repr(item["name"]), bundled=repr(base["name"])), path=where, line=line)
            tables[table][index] = _extend(base, item)
            registries.extended[(stem, entry_id)] = f"{path.name}:{line}"


def load_registries(overrides: Path | None = None) -> Registries:
    """The bundled registries, with the entries of the folder ``overrides`` merged over them.

    A missing ``overrides`` folder, or a registry file missing from it, adds nothing.

    Raises:
        RegistryError: a file that is not valid TOML, an entry without its required fields,
            a file name that is not a registry, or a contradiction with the bundled entries.
    """
    data = {stem: read_toml(registry_file(stem))[0] for stem in REGISTRY_NAMES}
    registries = Registries(data, overrides)
    if overrides is None or not overrides.is_dir():
        return registries
    if overrides.resolve() == registry_file(REGISTRY_NAMES[0]).parent.resolve():
        return registries  # the bundled folder itself (this repository's workspace): nothing to add
    names = {f"{stem}.toml" for stem in REGISTRY_NAMES}
    for path in sorted(overrides.glob("*.toml")):
        if path.name not in names:
            raise RegistryError(t("reg.not_registry", names=", ".join(sorted(names))), path=str(path))
    for stem in REGISTRY_NAMES:
        path = overrides / f"{stem}.toml"
        if path.is_file():
            _merge(stem, path, registries)
    return registries


@lru_cache(maxsize=1)
def bundled() -> Registries:
    """The bundled registries alone, read once."""
    return load_registries(None)


_ACTIVE: ContextVar[Registries | None] = ContextVar("plangraph_registries", default=None)


def active() -> Registries:
    """The registries a build uses: those of :func:`activate`, else the bundled ones.

    The graph builder's issuer and indicator tables and the project gazetteer read these,
    so that one workspace's entries reach every part of a build without a global setting.
    """
    return _ACTIVE.get() or bundled()


@contextmanager
def activate(registries: Registries):
    """Use ``registries`` for everything built inside the ``with`` block.

    Example:
        >>> with activate(bundled()):
        ...     active() is bundled()
        True
    """
    token = _ACTIVE.set(registries)
    try:
        yield registries
    finally:
        _ACTIVE.reset(token)
