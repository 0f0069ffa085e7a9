"""Projects: the schemes ("Đề án ...") and named works that tasks produce or concern.

Example:
    >>> [p.name for p in find_projects("Hoàn thiện Đề án thành lập Khu kinh tế cửa khẩu Na Mèo, báo cáo UBND tỉnh.")]
    ['Đề án thành lập Khu kinh tế cửa khẩu Na Mèo', 'Khu kinh tế cửa khẩu Na Mèo']
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import RegistryError
from ..model import unique_by
from ..text import fold, nfc, slugify

__all__ = ["ProjectRef", "find_projects", "PROJECTS_PATH"]

PROJECTS_PATH = Path(__file__).resolve().parents[3] / "data" / "registry" / "projects.toml"


@dataclass(frozen=True)
class ProjectRef:
    """A project named in a task: registry id or a slug of the scheme's name."""

    id: str
    name: str
    curated: bool


_SCHEME_RE = re.compile(
    r"\b[Đđ]ề án\s+(?!(?:này|đã|được|của|và|để|nhằm|theo|cơ chế, chính sách đặc thù\b)\b)"
    r"(?P<name>[^;:()“”\"]+?)"
    r"(?=\s*(?:[,;]\s*)?(?:báo cáo|trình|gửi|sau khi|làm cơ sở|ngay sau|đảm bảo|bảo đảm)\b|;|\.(?:\s|$)|\s*$|\s*\()"
)
_MIN_WORDS = 3


@lru_cache(maxsize=1)
def _gazetteer() -> list[tuple[str, ProjectRef]]:
    try:
        data = tomllib.loads(PROJECTS_PATH.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise RegistryError(f"cannot read projects registry: {exc}", path=str(PROJECTS_PATH)) from None
    entries = []
    for item in data.get("project", []):
        ref = ProjectRef(item["id"], nfc(item["name"]), True)
        for alias in [item["name"], *item.get("aliases", [])]:
            entries.append((fold(alias), ref))
    entries.sort(key=lambda e: -len(e[0]))
    return entries


def find_projects(text: str) -> list[ProjectRef]:
    """Return the projects named in ``text``, schemes first, without duplicates."""
    found: list[ProjectRef] = []
    for match in _SCHEME_RE.finditer(text):
        name = re.sub(r"\s+", " ", match.group("name")).strip(" ,.")
        if len(name.split()) < _MIN_WORDS:
            continue
        full = f"Đề án {name}"
        found.append(ProjectRef(f"de-an-{slugify(name)}", full, False))
    folded = fold(text)
    taken: list[tuple[int, int]] = []
    for alias, ref in _gazetteer():
        for m in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", folded):
            if any(m.start() < e and m.end() > s for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append(ref)
    return unique_by(found, lambda ref: ref.id)
