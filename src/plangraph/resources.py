"""The curated data that ships inside the package: ontology, shapes, queries, registries.

Everything is found through the import system, so an installed wheel reads its own copy
wherever it is installed, and a checkout reads the repository's folders: pyproject.toml
maps the packages ``plangraph.ontology``, ``.shapes``, ``.queries`` and ``.registry`` onto
``ontology/``, ``shapes/``, ``queries/`` and ``data/registry/``. Nothing here depends on the
current folder.

Example:
    >>> ontology_file().name
    'plangraph.ttl'
    >>> [path.name for path in registry_files()]
    ['agencies.toml', 'standard-agencies.toml', 'jurisdictions.toml', 'issuers.toml', 'indicators.toml', 'projects.toml', 'succession.toml']
"""

from __future__ import annotations

TYPE_CHECKING = False  # (pathlib is imported when a Path is made: the quick path of tasks goes without)
if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "REGISTRY_NAMES", "package_path", "package_folder", "ontology_file", "shapes_folder", "queries_folder",
    "qc_folder", "registry_file", "registry_files",
]

# The registry files, in the order they are documented (file stem without ".toml").
REGISTRY_NAMES = ("agencies", "standard-agencies", "jurisdictions", "issuers", "indicators", "projects", "succession")


def package_folder(package: str) -> Path:
    """The folder of one of plangraph's data packages, as a file system path.

    Wheels install unzipped, so the package's files are ordinary files; a path (rather than
    a Traversable) is what rdflib, pyoxigraph's bulk loader and ``glob`` need.
    """
    from pathlib import Path

    return Path(package_path(package))


def package_path(package: str) -> str:
    """:func:`package_folder` as a string (what the quick path of ``tasks`` reads its query
    with: pathlib costs it ~5 ms).

    The package's own folder, from the package itself (each data package has an empty
    ``__init__.py``): importlib.resources would give the same path, but importing it
    (zipfile, tempfile, ...) cost more than the rest of `tasks`, and importlib.util's
    find_spec brings contextlib and functools.
    """
    module = __import__(package, fromlist=["__name__"])
    locations = list(getattr(module, "__path__", None) or [])
    if locations:
        return locations[0]
    from importlib import resources

    return str(resources.files(package))


def ontology_file() -> Path:
    """``plangraph.ttl``: the ontology (classes, properties, labels)."""
    return package_folder("plangraph.ontology") / "plangraph.ttl"


def shapes_folder() -> Path:
    """The folder of the SHACL shapes (``*.ttl``)."""
    return package_folder("plangraph.shapes")


def queries_folder() -> Path:
    """The folder of the named queries (``*.rq``)."""
    return package_folder("plangraph.queries")


def qc_folder() -> Path:
    """The folder of the whole-graph rules (``qc/*.rq``)."""
    return queries_folder() / "qc"


def registry_file(name: str) -> Path:
    """The bundled registry file ``name`` (one of :data:`REGISTRY_NAMES`).

    Example:
        >>> registry_file("issuers").name
        'issuers.toml'
    """
    if name not in REGISTRY_NAMES:
        raise ValueError(f"no registry {name!r}; the registries are {', '.join(REGISTRY_NAMES)}")
    return package_folder("plangraph.registry") / f"{name}.toml"


def registry_files() -> list[Path]:
    """The bundled registry files."""
    return [registry_file(name) for name in REGISTRY_NAMES]
