"""Placing wire labels so they overlap neither each other, nor nodes, nor their own wire."""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath, QPainterPathStroker

if TYPE_CHECKING:
    from .edge_item import EdgeItem
    from .node_item import NodeItem

CANDIDATE_T = (0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8, 0.15, 0.85)
CANDIDATE_SHIFT = (0.0, -24.0, 24.0, -48.0, 48.0, -72.0, 72.0)
CANDIDATE_LIFT = (0.0, 8.0, 16.0)  # further from the curve, where it slopes under a label
MAX_ARRANGED_EDGES = 2000  # beyond this, labels stay at the middle of their wire
CELL = 100.0
LEVELS = tuple(CELL * 10**k for k in range(8))  # cell sizes: a big rect goes where it spans few cells
MAX_CELLS = 16  # cells one rect may take at its level
MAX_PIECES = 1000  # pieces a wire is indexed by, at most: longer wires have longer pieces
_Entry = tuple[QRectF, "QPainterPath | None"]  # a box, and the wire's stroke if it is a piece of one


class RectIndex:
    """Grids of rectangles and wire strokes, for quick overlap tests.

    Each rect goes into the grid whose cells are about its size (cells of 100, 1,000,
    10,000... units), so no rect takes more than a few cells. A wire is indexed by the
    pieces of its curve, so the cost follows the wire's length, bounded by MAX_PIECES:
    a wire across 2,000,000 units no longer asks for a cell for every 100×100 square
    of its bounding box (4·10⁸ of them)."""

    def __init__(self) -> None:
        self._grids: dict[float, dict[tuple[int, int], list[_Entry]]] = {}
        self._odd: list[_Entry] = []  # not finite: checked every time

    def add(self, r: QRectF, stroke: QPainterPath | None = None) -> None:
        coords = r.getCoords()
        if not all(map(math.isfinite, coords)):
            self._odd.append((r, stroke))
            return
        size = max(r.width(), r.height())
        cell = next((c for c in LEVELS if size <= c * (math.isqrt(MAX_CELLS) - 1)), None)
        if cell is None:
            self._odd.append((r, stroke))
            return
        grid = self._grids.setdefault(cell, defaultdict(list))
        for k in _keys(coords, cell):
            grid[k].append((r, stroke))

    def add_wire(self, path: QPainterPath, stroke: QPainterPath, pad: float = 2.0) -> None:
        """The curve in pieces (Qt flattens a curve to a bounded number of points;
        a long straight stretch is cut up here)."""
        length = path.length()
        size = max(CELL, length / MAX_PIECES) if math.isfinite(length) else math.inf
        for polygon in path.toSubpathPolygons():
            points = [(p.x(), p.y()) for p in polygon]
            for box in _pieces(points, size):
                self.add(box.adjusted(-pad, -pad, pad, pad), stroke)

    def hits(self, r: QRectF, ignore: QPainterPath | None = None, wires: bool = True) -> bool:
        coords = r.getCoords()
        finite = all(map(math.isfinite, coords))
        for cell, grid in self._grids.items():
            keys = _keys(coords, cell) if finite else grid.keys()
            for k in keys:
                if self._hit(grid.get(k, ()), r, ignore, wires):
                    return True
        return self._hit(self._odd, r, ignore, wires)

    @staticmethod
    def _hit(entries: Iterable[_Entry], r: QRectF, ignore: QPainterPath | None, wires: bool) -> bool:
        for box, stroke in entries:
            if stroke is not None and (stroke is ignore or not wires):
                continue
            if box.intersects(r) and (stroke is None or stroke.intersects(r)):
                return True
        return False


def _keys(coords: tuple[float, float, float, float], cell: float) -> Iterator[tuple[int, int]]:
    left, top, right, bottom = coords
    columns = range(int(left // cell), int(right // cell) + 1)
    return itertools.product(columns, range(int(top // cell), int(bottom // cell) + 1))


def _pieces(points: list[tuple[float, float]], size: float) -> Iterator[QRectF]:
    """Bounding boxes of consecutive stretches of a polyline, each at most about ``size`` across."""
    if not points:
        return
    x0, y0 = points[0]
    left = right = x0
    top = bottom = y0
    for x1, y1 in points[1:]:
        length = math.hypot(x1 - x0, y1 - y0)
        if not math.isfinite(length):
            yield QRectF(QPointF(x0, y0), QPointF(x1, y1)).normalized()
            x0, y0 = x1, y1
            left = right = x0
            top = bottom = y0
            continue
        n = max(1, math.ceil(length / size))
        for k in range(1, n + 1):
            x, y = x0 + (x1 - x0) * k / n, y0 + (y1 - y0) * k / n
            if max(right, x) - min(left, x) > size or max(bottom, y) - min(top, y) > size:
                yield QRectF(left, top, right - left, bottom - top)
                px, py = x0 + (x1 - x0) * (k - 1) / n, y0 + (y1 - y0) * (k - 1) / n
                left, right, top, bottom = min(px, x), max(px, x), min(py, y), max(py, y)
            else:
                left, right, top, bottom = min(left, x), max(right, x), min(top, y), max(bottom, y)
        x0, y0 = x1, y1
    yield QRectF(left, top, right - left, bottom - top)


def arrange_labels(edges: list[EdgeItem], nodes: list[NodeItem]) -> int:
    """Place every wire's labels; returns how many wires found no place clear of all
    other labels (0: a clean picture), or 0 without placing for too many wires."""
    if len(edges) > MAX_ARRANGED_EDGES:
        return 0
    crowded = 0
    taken = RectIndex()  # nodes, wires and the labels placed so far
    solid = RectIndex()  # nodes only
    for node in nodes:
        outline = node.mapRectToScene(node.shape().boundingRect()).adjusted(-3, -3, 3, 3)
        taken.add(outline)
        solid.add(outline)
        total = node.sum_rect()  # a fan-out's Σ, under the node
        if total is not None:
            taken.add(node.mapRectToScene(total).adjusted(-2, -1, 2, 1))
            solid.add(node.mapRectToScene(total).adjusted(-2, -1, 2, 1))
    stroker = QPainterPathStroker()
    stroker.setWidth(3)
    strokes = {}
    for edge in edges:
        strokes[edge] = stroker.createStroke(edge.path)
        taken.add_wire(edge.path, strokes[edge])
    for edge in sorted(edges, key=lambda e: e.path.length()):
        if not edge.isVisible():
            continue
        texts = edge.label_texts()
        stroke = strokes[edge]
        best = _first_fit(edge, texts, stroke, taken, strict=True) or _first_fit(
            edge, texts, stroke, taken, strict=False
        )
        if best is None:
            crowded += 1
            best = _first_fit(edge, texts, stroke, solid, strict=False)  # clear of nodes at least
        if best is None:
            best = (0.5, 0.0, False, 0.0, _boxes(edge.label_rects(0.5, 0.0, texts, False, 0.0), texts))
        t, shift, slide, lift, boxes = best
        edge.set_label_place(t, shift, slide, lift)
        for box in boxes:
            taken.add(box)
    return crowded


def _boxes(rects: tuple[QRectF, ...], texts: tuple[str, ...]) -> list[QRectF]:
    """The boxes to keep clear: value and gradient always (so numbers can change in place),
    the tangent's (forward mode) only while it shows."""
    return [r for i, r in enumerate(rects) if i < 2 or texts[i]]


def _first_fit(
    edge: EdgeItem, texts: tuple[str, ...], stroke: QPainterPath, taken: RectIndex, strict: bool
) -> tuple[float, float, bool, float, list[QRectF]] | None:
    """The first place along the wire where all its labels are clear.

    Strict: clear of nodes, other labels and every wire; else other wires may cross.
    """
    k = edge.label_scale  # larger labels step further aside
    ax, _, bx, _ = edge.ends
    left, right = min(ax, bx), max(ax, bx)
    candidates = itertools.product(CANDIDATE_LIFT, CANDIDATE_T, (False, True), CANDIDATE_SHIFT)
    for lift, t, slide, shift in candidates:
        shift *= k
        boxes = _boxes(edge.label_rects(t, shift, texts, slide, lift * k), texts)
        if not all(left <= b.center().x() <= right for b in boxes):
            continue  # beside the wire's ends it would read as another wire's label
        boxes = [b.adjusted(-2, -1, 2, 1) for b in boxes]
        if any(stroke.intersects(b) for b in boxes):
            continue
        if any(taken.hits(b, stroke, strict) for b in boxes):
            continue
        return t, shift, slide, lift * k, boxes
    return None
