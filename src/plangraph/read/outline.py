"""Blocks -> an outline: each item under the heading or item it belongs to.

Vietnamese documents number their parts in a fixed order (Phần, Chương, Điều; I., 1., 1.1.,
a), "-", "+"), but a plan may skip a level or use the same marker at two depths. The outline
is built like a stack: a marker kind already open closes everything opened after it and
starts a sibling; a kind not yet open starts a child. A paragraph without a marker belongs
to the item open before it.

Example:
    >>> from plangraph.read.layout import read_blocks
    >>> root = build_outline(read_blocks(["I. NHIỆM VỤ", "1. Sở Y tế", "- Tổ chức A.", "- Tổ chức B.", "2. Sở Tài chính"]))
    >>> [(n.block.body, [c.block.body for c in n.children]) for n in root.children[0].children]
    [('Sở Y tế', ['Tổ chức A.', 'Tổ chức B.']), ('Sở Tài chính', [])]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .layout import Block

__all__ = ["Node", "build_outline", "marker_kind", "SECTION_KINDS"]

SECTION_KINDS = ("part", "article", "roman", "upper", "num", "num2", "num3", "heading")
_BULLETS = ("dash", "plus", "star")


def marker_kind(block: Block) -> str | None:
    """The kind of a block's marker: "roman", "num", "num2", "letter", "dash" ... or None."""
    marker = block.marker
    if not marker:
        if block.heading_level:
            return f"h{block.heading_level}"
        return None
    return _kind_of_marker(marker)


@lru_cache(maxsize=4096)
def _kind_of_marker(marker: str) -> str:
    """The kind of a printed marker (a document prints a few dozen, each many times)."""
    first = marker.split()[0].lower()
    if first in ("phần", "chương", "mục"):
        return "part"
    if first == "điều":
        return "article"
    if re.fullmatch(r"[IVXL]+\s*[./)]", marker):
        return "roman"
    if re.fullmatch(r"\d+(?:\.\d+){2,}\.?", marker):
        return "num3"
    if re.fullmatch(r"\d+\.\d+\.?", marker):
        return "num2"
    if re.fullmatch(r"\d+\s?[.)]", marker):
        return "num"
    if re.fullmatch(r"[a-zđ][).]", marker):
        return "letter"
    if re.fullmatch(r"[A-ZĐ]\.", marker):
        return "upper"
    if marker == "+":
        return "plus"
    if marker == "*":
        return "star"
    return "dash"


@dataclass
class Node:
    """A block in the outline, with the items under it."""

    block: Block | None
    kind: str | None
    index: int = -1  # the block's index in the document
    children: list["Node"] = field(default_factory=list)
    parent: "Node | None" = None
    lead_in: bool = False  # an unmarked paragraph ending with ":" that the items after it belong to

    @property
    def text(self) -> str:
        return self.block.body if self.block is not None else ""

    @property
    def line(self) -> int:
        return self.block.line if self.block is not None else 0

    @property
    def end_line(self) -> int:
        """The last line of the block and of everything under it."""
        last = self.block.end_line if self.block is not None else 0
        for child in self.children:
            last = max(last, child.end_line)
        return last

    def items(self) -> list["Node"]:
        """Children that have a marker (list items, sub-headings)."""
        return [c for c in self.children if c.kind is not None]

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def __repr__(self) -> str:
        return f"<Node {self.kind} {self.line} {self.text[:40]!r} ({len(self.children)})>"


_RANKS = {"part": 0, "article": 1, "roman": 2, "upper": 3, "num": 4, "num2": 5, "num3": 6, "heading": 4,
          "letter": 7, "dash": 8, "plus": 9, "star": 9}


def _rank(kind: str | None) -> int:
    return _RANKS.get(kind or "", 10)


def build_outline(blocks: list[Block], start: int = 0, end: int | None = None) -> Node:
    """The outline of ``blocks[start:end]`` under a root node."""
    root = Node(None, "root")
    stack = [root]
    end = len(blocks) if end is None else end
    for index in range(start, end):
        block = blocks[index]
        kind = "table" if block.kind == "table" else marker_kind(block)
        if kind in (None, "table"):
            parent = stack[-1]
            if kind is None and not block.wrapped and parent.kind in _BULLETS and len(stack) > 1 \
                    and not parent.block.text.rstrip().endswith(":"):
                # one paragraph per line: a line after a bullet is the bullet's sibling
                parent = stack[-2]
                del stack[-1]
            node = Node(block, None, index, parent=parent)
            parent.children.append(node)
            if kind is None and block.text.rstrip().endswith(":") and len(block.text) < 400:
                # "Sở Tài chính chủ trì, phối hợp với đơn vị liên quan:" introduces the items after it
                node.kind = None
                stack.append(node)
                node.lead_in = True
            continue
        for depth in range(len(stack) - 1, 0, -1):
            if stack[depth].kind == kind:
                del stack[depth:]
                break
        else:
            if kind in ("part", "article", "roman", "upper"):
                # a main heading never sits under a list item or a lower heading
                while len(stack) > 1 and _rank(stack[-1].kind) > _rank(kind):
                    del stack[-1]
        while stack[-1].lead_in and kind in SECTION_KINDS and stack[-1].parent is not None \
                and stack[-1].parent.kind != "root" and _rank(kind) <= _rank(stack[-1].parent.kind):
            del stack[-1]  # a heading of the lead-in's own rank closes it
        node = Node(block, kind, index, parent=stack[-1])
        stack[-1].children.append(node)
        stack.append(node)
    return root
