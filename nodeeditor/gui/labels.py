"""Placing wire labels so they overlap neither each other, nor nodes, nor their own wire."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainterPath, QPainterPathStroker

if TYPE_CHECKING:
    from .edge_item import EdgeItem
    from .node_item import NodeItem

CANDIDATE_T = (0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8, 0.15, 0.85)
CANDIDATE_SHIFT = (0.0, -24.0, 24.0, -48.0, 48.0)
MAX_ARRANGED_EDGES = 2000  # beyond this, labels stay at the middle of their wire
CELL = 100.0


class RectIndex:
    """A coarse grid of rectangles (or of wire strokes by their bounds), for quick overlap tests."""

    def __init__(self) -> None:
        self._cells: dict[tuple[int, int], list[tuple[QRectF, QPainterPath | None]]] = defaultdict(list)

    def _keys(self, r: QRectF) -> Iterator[tuple[int, int]]:
        for i in range(int(r.left() // CELL), int(r.right() // CELL) + 1):
            for j in range(int(r.top() // CELL), int(r.bottom() // CELL) + 1):
                yield (i, j)

    def add(self, r: QRectF, stroke: QPainterPath | None = None) -> None:
        for k in self._keys(r):
            self._cells[k].append((r, stroke))

    def hits(self, r: QRectF, ignore: QPainterPath | None = None, wires: bool = True) -> bool:
        for k in self._keys(r):
            for box, stroke in self._cells.get(k, ()):
                if stroke is not None and (stroke is ignore or not wires):
                    continue
                if box.intersects(r) and (stroke is None or stroke.intersects(r)):
                    return True
        return False


def arrange_labels(edges: list[EdgeItem], nodes: list[NodeItem]) -> None:
    if len(edges) > MAX_ARRANGED_EDGES:
        return
    taken = RectIndex()
    for node in nodes:
        taken.add(node.mapRectToScene(node.shape().boundingRect()).adjusted(-3, -3, 3, 3))
        total = node.sum_rect()  # a fan-out's Σ, under the node
        if total is not None:
            taken.add(node.mapRectToScene(total).adjusted(-2, -1, 2, 1))
    stroker = QPainterPathStroker()
    stroker.setWidth(3)
    strokes = {}
    for edge in edges:
        strokes[edge] = stroker.createStroke(edge.path)
        taken.add(edge.path.boundingRect().adjusted(-2, -2, 2, 2), strokes[edge])
    for edge in sorted(edges, key=lambda e: e.path.length()):
        if not edge.isVisible():
            continue
        texts = edge.texts()
        stroke = strokes[edge]
        best = _first_fit(edge, texts, stroke, taken, strict=True) or _first_fit(
            edge, texts, stroke, taken, strict=False
        )
        if best is None:
            best = (0.5, 0.0, False, *edge.label_rects(0.5, 0.0, texts, False))
        t, shift, slide, v, g = best
        edge.set_label_place(t, shift, slide)
        taken.add(v)
        taken.add(g)


def _first_fit(
    edge: EdgeItem, texts: tuple[str, str], stroke: QPainterPath, taken: RectIndex, strict: bool
) -> tuple[float, float, bool, QRectF, QRectF] | None:
    """The first place along the wire where both labels are clear.

    Strict: clear of nodes, other labels and every wire; else other wires may cross.
    """
    for t in CANDIDATE_T:
        for slide in (False, True):
            for shift in CANDIDATE_SHIFT:
                v, g = edge.label_rects(t, shift, texts, slide)
                v, g = v.adjusted(-2, -1, 2, 1), g.adjusted(-2, -1, 2, 1)
                if stroke.intersects(v) or stroke.intersects(g):
                    continue
                if taken.hits(v, stroke, strict) or taken.hits(g, stroke, strict):
                    continue
                return t, shift, slide, v, g
    return None
