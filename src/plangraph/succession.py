"""Organisational changes: who took over whose work, from when (the registry's succession.toml).

A change merges, renames or abolishes bodies of one jurisdiction on a date. Its originals
that are not among its results end the day before; its one result is their main
successor; an abolition has none (a district's work went to several communes and to the
province: no single successor). Where only part of an original's work went elsewhere, a
function names the body it went to and the keywords that tell a task about it.

Every entry is checked when it is read; a bad one is refused with its file and line.

Example:
    >>> from plangraph.registries import bundled
    >>> book = Succession.load(bundled())
    >>> change = book.changes["thanh-hoa/2025-so-tai-chinh"]
    >>> change.date.isoformat(), change.originals
    ('2025-03-01', ('thanh-hoa/so-ke-hoach-va-dau-tu', 'thanh-hoa/so-tai-chinh'))
    >>> [step.holder for step in book.chain("thanh-hoa/ubnd-huyen-dong-son", "")]
    ['thanh-hoa/ubnd-thanh-pho-thanh-hoa', None]
    >>> step = book.chain("thanh-hoa/so-lao-dong-thuong-binh-va-xa-hoi", "Đẩy mạnh đào tạo nghề, dạy nghề")[0]
    >>> step.holder, step.rule, step.keywords
    ('thanh-hoa/so-giao-duc-va-dao-tao', 'function', ('dạy nghề', 'đào tạo nghề'))
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from .text import tone_key

if TYPE_CHECKING:
    from .registries import Registries

__all__ = ["Succession", "Change", "FunctionTransfer", "LegalDocument", "Step", "KINDS", "CONFIDENCES",
           "DOCUMENT_KINDS", "text_key"]

KINDS = ("merger", "renaming", "abolition")
CONFIDENCES = ("confirmed", "inferred", "unconfirmed")
DOCUMENT_KINDS = ("Nghị quyết", "Nghị định", "Luật", "Quyết định", "Hướng dẫn", "Kết luận", "Thông tư")
STEM = "succession"
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=4096)  # a task's text is matched once per change it meets
def text_key(text: str) -> str:
    """A text as keywords are matched against it: lower case, one tone-mark placement,
    punctuation as spaces.

    Example:
        >>> text_key("An toàn, vệ sinh lao động.") == text_key("an toàn vệ sinh lao động")
        True
        >>> text_key("Thanh Hoá") == text_key("Thanh Hóa")
        True
    """
    return " " + " ".join(_WORD.findall(tone_key(text))) + " "  # the words, punctuation as spaces


@dataclass(frozen=True)
class LegalDocument:
    """A legal basis: a law, resolution, decree or decision, with its number as printed."""

    id: str
    jurisdiction: str
    number: str
    kind: str
    date: date | None
    year: int | None
    title: str
    title_en: str
    source: str
    confidence: str
    note: str
    note_vi: str = ""


@dataclass(frozen=True)
class FunctionTransfer:
    """Part of an original's work in a change, and the body it went to (or stayed with)."""

    id: str
    change: str
    origin: str  # agency key: "thanh-hoa/so-lao-dong-thuong-binh-va-xa-hoi"
    recipient: str
    name: str
    name_en: str
    keywords: tuple[str, ...]
    source: str
    confidence: str

    def found_in(self, key: str) -> tuple[str, ...]:
        """The keywords that occur in ``key`` (a :func:`text_key`), in alphabetical order."""
        return tuple(sorted(k for k in self.keywords if text_key(k) in key))


@dataclass
class Change:
    """One change of organisation of a jurisdiction."""

    id: str
    jurisdiction: str
    kind: str
    date: date
    originals: tuple[str, ...]
    results: tuple[str, ...]
    legal_basis: tuple[str, ...]
    name: str
    name_en: str
    source: str
    confidence: str
    date_confidence: str
    note: str = ""
    note_vi: str = ""
    area_now: tuple[str, ...] = ()
    area_source: str = ""
    area_confidence: str = ""
    competences: str = ""
    competences_en: str = ""
    functions: list[FunctionTransfer] = field(default_factory=list)

    def ends(self, key: str) -> bool:
        """True when the body ``key`` is an original that does not continue."""
        return key in self.originals and key not in self.results

    def main_successor(self, key: str) -> str | None:
        """The body that holds ``key``'s work unless a function says otherwise."""
        if key in self.results:
            return key
        return self.results[0] if self.results else None


@dataclass(frozen=True)
class Step:
    """One handover of a task: in ``change``, from ``origin`` to ``holder`` (None: no single
    successor).

    ``rule`` says why: ``function`` (the text names work that went to ``holder``),
    ``retained`` (it names work that stayed with the main successor), ``main`` (it names no
    work that went elsewhere), ``tie`` (it names the work of several bodies equally: the main
    successor), ``none`` (the body ended with no single successor). ``scores`` gives each
    function the keywords found for it.
    """

    change: Change
    origin: str
    holder: str | None
    rule: str
    function: FunctionTransfer | None = None
    scores: tuple[tuple[FunctionTransfer, tuple[str, ...]], ...] = ()

    @property
    def keywords(self) -> tuple[str, ...]:
        """The keywords found for the chosen function."""
        return next((found for f, found in self.scores if f is self.function), ())


class Succession:
    """The changes, functions and legal documents of the registry, checked."""

    def __init__(self, changes: dict[str, Change], functions: dict[str, FunctionTransfer],
                 documents: dict[str, LegalDocument]):
        self.changes = changes
        self.functions = functions
        self.documents = documents
        self.by_original: dict[str, list[Change]] = {}
        for change in sorted(changes.values(), key=lambda c: (c.date, c.id)):
            for key in change.originals:
                self.by_original.setdefault(key, []).append(change)

    def __bool__(self) -> bool:
        return bool(self.changes)

    @classmethod
    def load(cls, registries: "Registries", names: "dict[str, str] | None" = None) -> "Succession":
        """Read and check the merged succession entries of ``registries``.

        ``names`` maps every agency key the registry knows ("thanh-hoa/so-y-te") to its
        name; by default it is made from the registries' agency entries.

        Raises:
            RegistryError: an entry that lacks a field, has a value of the wrong form, or
                names a body, change or document that does not exist (with file and line).
        """
        from .registries import read_toml
        from .succession_reader import Reader, agency_keys

        return Reader(registries, names if names is not None else agency_keys(registries), read_toml).read()

    def route(self, change: Change, key: str, text: str) -> Step:
        """Who holds, after ``change``, a task of ``key`` whose text is ``text`` (the rule is
        told in succession.toml's header)."""
        main = change.main_successor(key)
        words = text_key(text)
        scores = tuple((f, f.found_in(words)) for f in change.functions if f.origin == key)
        best = max((len(found) for _, found in scores), default=0)
        top = [f for f, found in scores if best and len(found) == best]
        bodies = {f.recipient for f in top}
        found = tuple((f, k) for f, k in scores if k)
        if len(bodies) == 1:
            chosen = min(top, key=lambda f: f.id)
            if chosen.recipient != main:
                return Step(change, key, chosen.recipient, "function", chosen, found)
            return Step(change, key, main, "retained", chosen, found)
        if main is None:
            return Step(change, key, None, "none", None, found)
        return Step(change, key, main, "tie" if bodies else "main", None, found)

    def chain(self, key: str, text: str) -> list[Step]:
        """The successive handovers of a task printed for ``key`` (empty if it never moved).

        A body that continues through a change keeps the task unless a function takes it;
        dates strictly increase along the chain, so it ends.
        """
        steps: list[Step] = []
        holder: str | None = key
        since: date | None = None
        while holder is not None:
            for change in self.by_original.get(holder, []):
                if since is not None and change.date <= since:
                    continue
                step = self.route(change, holder, text)
                if step.holder == holder:
                    continue  # it continues and keeps this task
                steps.append(step)
                holder, since = step.holder, change.date
                break
            else:
                break
        return steps
