"""Default locations, looked up when asked for: the current workspace's, and the package's.

Kept for scripts and benchmarks; the commands take their paths from
:func:`plangraph.workspace.find` and the package data from :mod:`plangraph.resources`.
Importing this module reads nothing. Asking for ``DEFAULT_SOURCES``, ``DEFAULT_OUTPUT``,
``REGISTRY_DIR`` or ``ROOT`` finds the workspace from the current folder upwards (or
``PLANGRAPH_WORKSPACE``) and raises :class:`~plangraph.workspace.WorkspaceError` outside
one; ``ONTOLOGY`` and ``SHAPES_DIR`` are the installed package's.

Example:
    >>> from plangraph.paths import DEFAULT_OUTPUT     # doctest: +SKIP
    >>> DEFAULT_OUTPUT.name                            # doctest: +SKIP
    'plangraph.ttl'
"""

from __future__ import annotations

from pathlib import Path

_FROM_WORKSPACE = {"ROOT": "root", "DEFAULT_SOURCES": "sources", "DEFAULT_OUTPUT": "graph", "REGISTRY_DIR": "registry"}


def __getattr__(name: str) -> Path:
    if name in _FROM_WORKSPACE:
        from .workspace import find

        return getattr(find(), _FROM_WORKSPACE[name])
    if name == "ONTOLOGY":
        from .resources import ontology_file

        return ontology_file()
    if name == "SHAPES_DIR":
        from .resources import shapes_folder

        return shapes_folder()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
