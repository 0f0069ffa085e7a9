"""Default locations, in a module of their own so that importing them is free."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SOURCES = ROOT / "data" / "sources"
DEFAULT_OUTPUT = ROOT / "data" / "plangraph.ttl"
REGISTRY_DIR = ROOT / "data" / "registry"
ONTOLOGY = ROOT / "ontology" / "plangraph.ttl"
SHAPES_DIR = ROOT / "shapes"
