"""A piece of a note: a stretch that may hold one citation, with offsets into the note, the
note's structure (titles in quotes or italics, brackets) and the repository authority.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ..reference.authority import RepositoryIndex
from .model import Span
from .segment import Anchor, Structure


@dataclass
class Piece:
    """A stretch of the note being read, with the note's structure for reference."""

    note: str
    span: Span
    structure: Structure
    repositories: RepositoryIndex | None

    @property
    def text(self) -> str:
        return self.note[self.span[0] : self.span[1]]

    def sub(self, start: int, end: int) -> Piece:
        return Piece(self.note, (start, end), self.structure, self.repositories)

    def anchors(self) -> list[Anchor]:
        start, end = self.span
        return [a for a in self.structure.anchors if start <= a.span[0] and a.span[1] <= end]

    def groups(self) -> list[Span]:
        start, end = self.span
        return [g for g in self.structure.groups if start <= g[0] and g[1] <= end]

    def outside_anchors(self) -> str:
        """The piece's text with titles blanked out (same length, so offsets hold)."""
        return _outside_anchors(self.note, self.span, self.structure)

    def top_level(self, position: int) -> bool:
        return self.structure.depth[position] == 0


@functools.lru_cache(maxsize=4096)
def _outside_anchors(note: str, span: Span, structure: Structure) -> str:
    """A stretch of a note with its titles blanked: asked again and again of the same pieces."""
    start, end = span
    parts, position = [], start
    for anchor in structure.anchors:
        if start <= anchor.span[0] and anchor.span[1] <= end:
            parts += [note[position : anchor.span[0]], " " * (anchor.span[1] - anchor.span[0])]
            position = anchor.span[1]
    parts.append(note[position:end])
    return "".join(parts)


def residue(text: str, spans: list[Span]) -> str:
    """The note's text outside the given spans: what no citation covers."""
    pieces, position = [], 0
    for start, end in sorted(spans):
        pieces.append(text[position:start])
        position = max(position, end)
    pieces.append(text[position:])
    return "".join(pieces)
