"""Where a workspace keeps its things, read from a plain ``plangraph.toml``, as strings.

:func:`plangraph.workspace.find` and :func:`plangraph.workspace.load` give a
:class:`~plangraph.workspace.Workspace` of Paths, and say what is wrong with a broken
file. For the quick path of ``tasks``, which pathlib would cost ~5 ms of a command whose
query costs about as much (issue 16), :func:`config_file` and :func:`settings` do the same
for the usual case only, with ``os.path``: a plangraph.toml that :mod:`plangraph.tomlfile`
reads as plain, whose keys are known and whose paths are inside the workspace. For anything
else they say None, and the caller goes through :mod:`plangraph.workspace`. ``load`` reads
a plain file through :func:`settings` too, so both ways give the same paths.

Example:
    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> _ = open(f"{folder}/plangraph.toml", "w").write('[workspace]\\ngraph = "g.ttl"\\n')
    >>> found = settings(config_file(explicit=folder))
    >>> found["graph"] == f"{folder}/g.ttl", found["cache"] == f"{folder}/.plangraph-cache"
    (True, True)
"""

from __future__ import annotations

import os

__all__ = ["CONFIG_NAME", "ENV_VAR", "KEYS", "PATH_KEYS", "config_file", "settings"]

CONFIG_NAME = "plangraph.toml"
ENV_VAR = "PLANGRAPH_WORKSPACE"
# key -> (default, what it is); every path is relative to plangraph.toml
KEYS = {
    "name": (None, "the workspace's name (default: its folder's)"),
    "jurisdiction": ("", 'the default jurisdiction of the plans, e.g. "tỉnh Thanh Hóa"'),
    "sources": ("sources", "the plans, kept byte for byte as added (plangraph add)"),
    "registry": ("registry", "your own agencies, issuers, indicators, projects, merged over the bundled ones"),
    "graph": ("plangraph.ttl", "the graph plangraph build writes; commit it"),
    "cache": (".plangraph-cache", "the query store's cache; not committed"),
    "reports": ("reports", "HTML views and other reports"),
    "progress": ("progress", "progress reports from the agencies, kept as received (plangraph report import)"),
    "progress_graph": ("plangraph-progress.ttl", "the progress reports' graph, beside the plans' one; commit it"),
}
PATH_KEYS = ("sources", "registry", "graph", "cache", "reports", "progress", "progress_graph")


def config_file(explicit=None, start=None) -> str | None:
    """The plangraph.toml that :func:`plangraph.workspace.find` reads: of ``explicit`` (a
    folder or the file itself), of ``PLANGRAPH_WORKSPACE``, or the nearest at or above
    ``start`` (default: the current folder); None when there is none to be seen this way
    (``find`` then says what is missing)."""
    explicit = explicit or os.environ.get(ENV_VAR) or None
    if explicit:
        folder = os.fspath(explicit)
        given = os.path.basename(folder) == CONFIG_NAME and os.path.isfile(folder)
        config = folder if given else os.path.join(folder, CONFIG_NAME)
        return config if os.path.isfile(config) else None
    here = os.path.abspath(start or os.getcwd())
    while True:
        config = os.path.join(here, CONFIG_NAME)
        if os.path.isfile(config):
            return config
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


def settings(config_file: str) -> dict | None:
    """``root``, ``name``, ``jurisdiction`` and each of :data:`PATH_KEYS` (absolute and
    normalised) of the workspace whose plangraph.toml is ``config_file``, when that file is
    plain and sound; None for anything else (:func:`plangraph.workspace.load` then reads it,
    or says what is wrong and on which line)."""
    from .tomlfile import plain_toml

    config_file = os.path.abspath(config_file)
    try:
        with open(config_file, encoding="utf-8") as handle:
            data = plain_toml(handle.read())
    except (OSError, UnicodeDecodeError):
        return None
    if data is None or list(data) != ["workspace"] or not isinstance(data["workspace"], dict):
        return None
    table = data["workspace"]
    if any(key not in KEYS or not isinstance(value, str) or (key in PATH_KEYS and not value.strip())
           for key, value in table.items()):
        return None
    root = os.path.dirname(config_file)
    found = {"root": root, "name": table.get("name") or os.path.basename(root),
             "jurisdiction": table.get("jurisdiction", "")}
    for key in PATH_KEYS:
        path = os.path.normpath(os.path.join(root, table.get(key, KEYS[key][0])))
        if path != root and not path.startswith(root.rstrip(os.sep) + os.sep):
            return None  # outside the workspace: load() says so
        found[key] = path
    return found
