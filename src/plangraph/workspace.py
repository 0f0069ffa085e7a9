"""Workspaces: a folder with a ``plangraph.toml``, found like git finds a repository.

The file says where the workspace keeps its plans, its own registry entries, the graph, the
query store's cache, the HTML reports, and the agencies' progress reports with their own
graph, every path relative to the file and inside its folder.
Commands look for it in the current folder and its parents, or take ``--workspace DIR`` /
``PLANGRAPH_WORKSPACE``; nothing outside the workspace and the installed package is read or
written (except the files a user names, such as ``-o``).

Example:
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> [p.name for p in init(folder, name="demo")]
    ['plangraph.toml', 'sources', 'manifest.toml', 'registry', 'agencies.toml', '.gitignore']
    >>> ws = find(folder / "sources")
    >>> ws.name, ws.sources.relative_to(folder).as_posix(), ws.graph.name
    ('demo', 'sources', 'plangraph.ttl')
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from .catalogue import t
from .errors import PlangraphError
from .record import Record
# the file's name and keys, and a plain file read as strings (as the quick path reads it)
from .wsfile import CONFIG_NAME, ENV_VAR, KEYS, PATH_KEYS, settings

__all__ = [
    "CONFIG_NAME", "SOURCE_SUFFIXES", "Workspace", "WorkspaceError", "NotInWorkspace", "find", "load", "init",
    "PlanFindings", "inspect_document",
]

SOURCE_SUFFIXES = (".txt", ".md")  # what build reads and add accepts


class WorkspaceError(PlangraphError):
    """A missing or broken workspace."""


class NotInWorkspace(WorkspaceError):
    """No ``plangraph.toml`` in the current folder or any parent."""


class Workspace(Record):
    """Where one workspace keeps its things (absolute paths): ``root``, ``name``,
    ``jurisdiction``, ``sources``, ``registry``, ``graph``, ``cache``, ``reports``,
    ``progress`` (the files of progress reports as received) and ``progress_graph`` (the
    graph built from them, :mod:`plangraph.progress`)."""

    __slots__ = ("root", "name", "jurisdiction", "sources", "registry", "graph", "cache", "reports", "progress",
                 "progress_graph")
    _frozen = True

    @property
    def config_file(self) -> Path:
        return self.root / CONFIG_NAME

    @property
    def manifest(self) -> Path:
        """``manifest.toml`` of the sources folder: file names, checksums, English titles."""
        return self.sources / "manifest.toml"

    def relative(self, path: Path) -> str:
        """``path`` as shown to the user: relative to the workspace when inside it."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def place(self):
        """The :class:`~plangraph.read.jurisdictions.Jurisdiction` that ``jurisdiction`` names
        (None when it names none).

        Checked here, by the commands that read plans, rather than when plangraph.toml is
        read: finding it costs the list of jurisdictions, which a query does not need.

        Raises:
            WorkspaceError: not a jurisdiction plangraph knows (naming the line).
        """
        if not self.jurisdiction.strip():
            return None
        from .read.jurisdictions import Jurisdictions

        found = Jurisdictions.bundled().configured(self.jurisdiction)
        if found is None:
            from .tomlfile import line_of, read_toml

            _, text = read_toml(self.config_file, WorkspaceError)
            raise WorkspaceError(t("ws.jurisdiction", value=self.jurisdiction), path=str(self.config_file),
                                 line=line_of(text, "jurisdiction"))
        return found

    def registries(self):
        """The bundled registries with this workspace's entries merged over them."""
        from .registries import load_registries

        return load_registries(self.registry)


def load(config_file: Path) -> Workspace:
    """Read one ``plangraph.toml``; an error names the file and line.

    Example:
        >>> import tempfile
        >>> bad = Path(tempfile.mkdtemp()) / CONFIG_NAME
        >>> _ = bad.write_text('[workspace]\\nname = "x"\\nsorces = "plans"\\n')
        >>> from plangraph.catalogue import use
        >>> use("vi")
        >>> load(bad)
        Traceback (most recent call last):
        ...
        plangraph.workspace.WorkspaceError: ...plangraph.toml:3: khóa 'sorces' không có trong [workspace] ...
    """
    plain = settings(os.fspath(config_file))  # the usual file, read as the quick path reads it
    if plain is not None:
        return Workspace(root=Path(plain["root"]), name=plain["name"], jurisdiction=plain["jurisdiction"],
                         **{key: Path(plain[key]) for key in PATH_KEYS})
    from .tomlfile import line_of, read_toml

    config_file = Path(os.path.abspath(config_file))
    data, text = read_toml(config_file, WorkspaceError)
    where = str(config_file)
    extra = sorted(set(data) - {"workspace"})
    if extra or not isinstance(data.get("workspace"), dict):
        line = line_of(text, extra[0]) if extra else None
        raise WorkspaceError(t("ws.one_table_not", name=extra[0]) if extra else t("ws.one_table"),
                             path=where, line=line)
    table = data["workspace"]
    for key, value in table.items():
        if key not in KEYS:
            raise WorkspaceError(t("ws.unknown_key", key=key, known=", ".join(KEYS)),
                                 path=where, line=line_of(text, key))
        if not isinstance(value, str) or (key in PATH_KEYS and not value.strip()):
            raise WorkspaceError(t("ws.non_empty" if key in PATH_KEYS else "ws.string", key=key),
                                 path=where, line=line_of(text, key))
    root = config_file.parent
    paths = {}
    for key in PATH_KEYS:
        value = table.get(key, KEYS[key][0])
        path = Path(os.path.normpath(root / value))
        if path != root and root not in path.parents:
            raise WorkspaceError(t("ws.outside", key=key, value=value, config=CONFIG_NAME), path=where,
                                 line=line_of(text, key))
        paths[key] = path
    jurisdiction = table.get("jurisdiction", "")  # checked by Workspace.place(), when a command needs it
    return Workspace(root=root, name=table.get("name") or root.name, jurisdiction=jurisdiction, **paths)


def find(start: Path | None = None, explicit: Path | str | None = None) -> Workspace:
    """The workspace of ``explicit`` (a folder or its plangraph.toml), of ``PLANGRAPH_WORKSPACE``,
    or the nearest one at or above ``start`` (default: the current folder).

    Raises:
        NotInWorkspace: none found (a one-line message that says how to make one).
        WorkspaceError: a broken ``plangraph.toml``, naming its line.
    """
    explicit = explicit or os.environ.get(ENV_VAR) or None
    if explicit:
        folder = Path(explicit)
        config = folder if folder.name == CONFIG_NAME and folder.is_file() else folder / CONFIG_NAME
        if not config.is_file():
            raise NotInWorkspace(t("ws.none_in", config=CONFIG_NAME, folder=folder, env=ENV_VAR))
        return load(config)
    here = Path(os.path.abspath(start or Path.cwd()))
    for folder in (here, *here.parents):
        if (folder / CONFIG_NAME).is_file():
            return load(folder / CONFIG_NAME)
    raise NotInWorkspace(t("ws.not_in", config=CONFIG_NAME))


def _toml_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string


def config_text(name: str, jurisdiction: str = "", **paths: str) -> str:
    """The text of a new ``plangraph.toml``, every key with what it is.

    Example:
        >>> print(config_text("demo").splitlines()[5].split("#")[0].strip())
        name = "demo"
    """
    values = {"name": name, "jurisdiction": jurisdiction, **{k: KEYS[k][0] for k in PATH_KEYS}, **paths}
    rows = [f"{key} = {_toml_string(values[key])}" for key in KEYS]
    width = max(len(row) for row in rows) + 2
    body = "\n".join(f"{row:{width}}# {KEYS[key][1]}" for row, key in zip(rows, KEYS))
    return ("# A plangraph workspace: your plans and the graph made from them. Paths are relative to\n"
            "# this file. plangraph finds it from the current folder upwards, like git finds a\n"
            f"# repository (or give --workspace DIR, or set {ENV_VAR}).\n\n"
            f"[workspace]\n{body}\n")


MANIFEST_HEADER = """\
# The plans of this workspace. `plangraph add` copies each file here byte for byte (the graph
# points to its lines, so it is never edited) and records it below with its SHA-256.
# title_en = "..." may be added to an entry: the plan's English title in the graph.
"""

AGENCIES_HEADER = """\
# Your own agencies and collectives, merged over the registry bundled with plangraph.
# `plangraph agencies --unregistered` prints an entry for each name your plans use that no
# registry knows: paste it here, complete it, and run `plangraph build`.
#
# [[agency]]
# id = "so-van-hoa-the-thao-va-du-lich"      # stable IRI slug, never reused
# name = "Sở Văn hóa, Thể thao và Du lịch"   # the full name as the plans print it
# name_en = "Department of Culture, Sports and Tourism"
# aliases = ["Sở VHTTDL"]                    # other forms the plans print
# level = "province"                         # central | province | district
# category = "department"
# source = "my-plan.md:42"                   # file:line where the name is printed
#
# An entry with a bundled id adds aliases or an English name to it; it cannot rename it.
# issuers.toml, indicators.toml and projects.toml may be added here in the same way.
"""


def init(folder: Path, name: str | None = None, jurisdiction: str = "") -> list[Path]:
    """Make a workspace in ``folder`` (created if missing); return what was made.

    Refuses a folder that already has a ``plangraph.toml``; never overwrites a file.
    """
    folder = Path(os.path.abspath(folder))
    config = folder / CONFIG_NAME
    if config.exists():
        raise WorkspaceError(t("ws.already"), path=str(config))
    if folder.exists() and not folder.is_dir():
        raise WorkspaceError(t("ws.not_folder"), path=str(folder))
    made: list[Path] = []

    def make(path: Path, text: str | None = None) -> None:
        if path.exists():
            return
        if text is None:
            path.mkdir(parents=True)
        else:
            path.write_text(text, encoding="utf-8")
        made.append(path)

    folder.mkdir(parents=True, exist_ok=True)
    make(config, config_text(name or folder.name, jurisdiction))
    workspace = load(config)
    make(workspace.sources)
    make(workspace.manifest, MANIFEST_HEADER)
    make(workspace.registry)
    make(workspace.registry / "agencies.toml", AGENCIES_HEADER)
    ignore = folder / ".gitignore"
    cache_line = workspace.relative(workspace.cache) + "/"
    if not ignore.exists():
        make(ignore, f"# the query store's cache, rebuilt from the graph when needed\n{cache_line}\n")
    elif cache_line not in ignore.read_text(encoding="utf-8").split():
        with ignore.open("a", encoding="utf-8") as handle:
            handle.write(f"\n{cache_line}\n")
        made.append(ignore)
    return made


class PlanFindings(Record):
    """What the reader found in one plan: what ``plangraph add`` shows before it copies
    (``notes``: how the bytes were read: BOM removed, NFC, ...)."""

    __slots__ = ("file", "issuer", "jurisdiction", "number", "date", "kind", "title", "implements", "tasks",
                 "appendix_tasks", "targets", "unregistered", "warnings", "notes")
    _defaults = {"implements": list, "tasks": 0, "appendix_tasks": 0, "targets": 0, "unregistered": list,
                 "warnings": list, "notes": list}


def inspect_document(path: Path, registries=None, jurisdiction: str | None = None) -> PlanFindings:
    """Read one plan file with the reader and say what it found.

    This is the one place where ``add`` calls the reader: when the reader's entry point
    changes, only this function changes with it. ``jurisdiction`` ("tỉnh Thanh Hóa") is the
    workspace's, assumed when the document does not print its issuer's province.

    Raises:
        SourceError: the file cannot be read.
    """
    from .read.agencies import registry_entries
    from .read.jurisdictions import Jurisdictions
    from .read.plan import read_document
    from .registries import activate, bundled
    from .sources import read_source

    registries = registries or bundled()
    places = Jurisdictions.bundled()
    default = places.configured(jurisdiction)
    document = read_source(path)
    with activate(registries):
        plan = read_document(document, registry_entries(registries, default.id if default else None),
                             places, default)
    # as the build does: a conversion from a legacy font encoding is a warning (names to check),
    # other decoding notes are not
    notes = [] if document.encoding in ("tcvn3", "vni") else list(document.warnings)
    number = plan.number or plan.decision
    named = {m.entity_id for task in plan.tasks for m in (*task.lead, *task.coordinating)}
    unregistered = sorted({plan.agencies[key].name for key in named
                           if key in plan.agencies and not plan.agencies[key].registered})
    return PlanFindings(
        file=path.name,
        issuer=plan.issuer or (number.issuer or "" if number else ""),
        jurisdiction=plan.jurisdiction.name if plan.jurisdiction else "",
        number=number.identifier if number else "",
        date=number.date.isoformat() if number and number.date else str(number.year or "") if number else "",
        kind=plan.kind,
        title=plan.title,
        implements=[f"{ref.kind} {ref.identifier}".strip() for ref in plan.implements],
        tasks=len(plan.tasks),
        appendix_tasks=sum(1 for task in plan.tasks if task.appendix),
        targets=len(plan.targets),
        unregistered=unregistered,
        warnings=[w for w in plan.warnings if w not in notes],
        notes=notes,
    )
