"""A wire: a Bézier curve with its forward value above and its gradient below."""

from __future__ import annotations

import functools
import weakref
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QFontInfo,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget

from ..model import Edge
from ..model.values import format_value
from . import style
from .exercise_view import GRAD, VALUE, mark
from .tooltips import plain_tooltip, value_block

if TYPE_CHECKING:
    from .node_item import NodeItem
    from .scene import GraphScene

LABEL_FONT_SIZE = 9.0
LABEL_GAP = 3.0
LABEL_MAX_WIDTH = 140.0  # reserved in the bounding box so new numbers need no relayout
_BACKGROUND = QGraphicsScene.SceneLayer.BackgroundLayer


def wire_path(a: QPointF, b: QPointF) -> QPainterPath:
    """The curve from an output socket at ``a`` to an input socket at ``b``."""
    return _wire_path(a.x(), a.y(), b.x(), b.y())


def _wire_dx(ax: float, bx: float) -> float:
    return max(40.0, abs(bx - ax) * 0.5)


def _wire_path(ax: float, ay: float, bx: float, by: float) -> QPainterPath:
    dx = _wire_dx(ax, bx)
    path = QPainterPath()
    path.moveTo(ax, ay)
    path.cubicTo(ax + dx, ay, bx - dx, by, bx, by)
    return path


_NO_RESULT = lambda: None  # noqa: E731  (a dead reference)


def _label_font() -> QFont:
    return style.ui_font(LABEL_FONT_SIZE, bold=True)


@functools.cache
def _metrics() -> QFontMetricsF:
    return QFontMetricsF(_label_font())


def label_pixel_size() -> int:
    """The labels' font size in pixels at zoom 1 (12 for 9 pt at 96 dpi)."""
    return QFontInfo(_label_font()).pixelSize()


@functools.cache
def _label_height() -> float:
    return _metrics().height()


@functools.lru_cache(maxsize=20_000)  # numbers repeat from frame to frame
def _width(text: str) -> float:
    return _metrics().horizontalAdvance(text)


class EdgeItem(QGraphicsItem):
    def __init__(self, edge: Edge, src: NodeItem, dst: NodeItem) -> None:
        super().__init__()
        self.edge = edge
        self.src = src
        self.dst = dst
        self.path = QPainterPath()
        self.t = 0.5  # where along the curve the labels stand
        self.shift = 0.0  # sideways nudge of the labels, to keep clear of others
        self.slide = False  # labels beside the point rather than centred on it
        self.lift = 0.0  # extra room between the curve and its labels, where it slopes under them
        self.label_scale = 1.0  # labels drawn larger when zoomed out, so they stay readable (the view's)
        self._texts: tuple[Any, tuple[str, str]] = (_NO_RESULT, ("", ""))  # (result ref, texts) last shown
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)  # z value 0: under the nodes
        self.update_path()

    @property
    def graph_scene(self) -> GraphScene | None:
        return self.scene()  # type: ignore[return-value]

    def update_path(self) -> None:
        old = None
        if self.scene() is not None:
            old = self.sceneBoundingRect()
            self.prepareGeometryChange()
        # Plain numbers where possible: 10,000-node files make 12,000 wires at once.
        ax, ay = self.src.socket_xy(None)
        bx, by = self.dst.socket_xy(self.edge.port)
        self._ends = (ax, ay, bx, by)
        self.path = _wire_path(ax, ay, bx, by)
        self._anchors: dict[float, tuple[QPointF, bool]] = {}
        # The curve is symmetric about the middle of its ends: that is its point at 0.5.
        self._points: dict[float, QPointF] = {0.5: QPointF((ax + bx) / 2, (ay + by) / 2)}
        self._arrow: QPolygonF | None = None
        self._update_bounds()
        if old is not None:
            self.wire_changed(old.united(self.sceneBoundingRect()))

    @property
    def ends(self) -> tuple[float, float, float, float]:
        """The curve's two ends (output socket x, y, input socket x, y)."""
        return self._ends

    def wire_changed(self, rect: QRectF | None = None) -> None:
        """The views keep wires in their cached background (GraphView._draw_wires):
        whoever moves, shows, hides, adds or removes a wire calls this to redraw it
        there (the scene does; selection is handled by the view). Not an itemChange()
        override: that would cost a Python call per item change, ~90,000 for 10,000 nodes."""
        scene = self.scene()
        if scene is not None and scene.views():
            scene.invalidate(self.sceneBoundingRect() if rect is None else rect, _BACKGROUND)

    # -- labels ------------------------------------------------------------

    def texts(self) -> tuple[str, str]:
        scene = self.graph_scene
        result = scene.result if scene else None
        if result is None or not result.has_wire(self.edge):  # a wire newer than the last evaluation
            return "—", "—"
        stepping = scene.stepping  # type: ignore[union-attr]
        if stepping is None and self._texts[0]() is result:  # a repaint with the same numbers
            return self._texts[1]
        document = scene.document  # type: ignore[union-attr]
        value = format_value(result.wire_value(self.edge)) + mark(document, self.edge, VALUE)
        grad = format_value(result.wire_grad(self.edge)) + mark(document, self.edge, GRAD)
        if stepping is None:
            self._texts = (weakref.ref(result), (value, grad))  # weak: old results may go
        if stepping is not None:  # step mode: only what propagation has reached so far
            key = (self.edge.dst, self.edge.port)
            value = value if key in stepping.values_shown else ""
            grad = grad if key in stepping.grads_shown else ""
        return value, grad

    def label_rects(
        self,
        t: float | None = None,
        shift: float | None = None,
        texts: tuple[str, str] | None = None,
        slide: bool | None = None,
        lift: float | None = None,
    ) -> tuple[QRectF, QRectF]:
        """Value box just above the curve, gradient box just below, at ``t``.

        With ``slide``, each box moves sideways off the point, to the side where a
        sloping curve bends away from it, so wide labels clear their own wire.
        """
        t = self.t if t is None else t
        shift = self.shift if shift is None else shift
        slide = self.slide if slide is None else slide
        lift = self.lift if lift is None else lift
        p, rising = self._anchor(t)
        k = self.label_scale
        h = _label_height() * k
        if texts is None:
            wv = wg = LABEL_MAX_WIDTH * k
        else:
            wv = min(LABEL_MAX_WIDTH, _width(texts[0]) + 6) * k
            wg = min(LABEL_MAX_WIDTH, _width(texts[1]) + 6) * k
        x = p.x() + shift
        if slide:
            xv = x - wv - 2 if rising else x + 2
            xg = x + 2 if rising else x - wg - 2
        else:
            xv, xg = x - wv / 2, x - wg / 2
        gap = LABEL_GAP * k + lift
        return QRectF(xv, p.y() - gap - h, wv, h), QRectF(xg, p.y() + gap, wg, h)

    def _anchor(self, t: float) -> tuple[QPointF, bool]:
        """The point at ``t`` along the curve, and whether the curve rises there
        (upwards on screen, left to right). Kept per path: Qt measures the curve's
        length anew on every pointAtPercent(), and labels are drawn every frame."""
        anchor = self._anchors.get(t)
        if anchor is None:
            anchor = self._anchors[t] = (self._point(t), 0 < self.path.angleAtPercent(t) < 180)
        return anchor

    def _point(self, t: float) -> QPointF:
        point = self._points.get(t)
        if point is None:
            point = self._points[t] = self.path.pointAtPercent(t)
        return point

    # -- QGraphicsItem -------------------------------------------------------

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._bounds

    def _update_bounds(self) -> None:
        # The union of label_rects() at full width, centred and slid either way:
        # up to LABEL_MAX_WIDTH + 2 each side of the point, a label above and below.
        # The curve stays inside its control points (and at the ends' heights).
        ax, ay, bx, by = self._ends
        if self.t == 0.5:
            px, py = (ax + bx) / 2, (ay + by) / 2
        else:
            p = self._point(self.t)
            px, py = p.x(), p.y()
        dx = _wire_dx(ax, bx)
        k = self.label_scale
        h = (_label_height() + LABEL_GAP) * k + self.lift
        reach = LABEL_MAX_WIDTH * k + 2
        x = px + self.shift
        left = min(ax, bx, ax + dx, bx - dx, x - reach)
        right = max(ax, bx, ax + dx, bx - dx, x + reach)
        top = min(ay, by, py - h)
        bottom = max(ay, by, py + h)
        self._bounds = QRectF(left - 8, top - 8, right - left + 16, bottom - top + 16)

    def set_label_scale(self, scale: float) -> None:
        self.prepareGeometryChange()
        self.label_scale = scale
        self._update_bounds()

    def set_label_place(self, t: float, shift: float, slide: bool, lift: float = 0.0) -> None:
        self.prepareGeometryChange()
        self.t, self.shift, self.slide, self.lift = t, shift, slide, lift
        self._update_bounds()

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(10)
        return stroker.createStroke(self.path)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        view = widget.parentWidget() if widget is not None else None
        if not getattr(view, "wires_in_background", False):  # else the view drew it, cached
            self.paint_wire(painter)
        if lod < style.LOD_TEXT:
            return
        value, grad = self.texts()
        vrect, grect = self.label_rects(texts=(value, grad))
        painter.setFont(_label_font())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.LABEL_BACKGROUND)
        if value:
            painter.drawRoundedRect(vrect, 3, 3)
        if grad:
            painter.drawRoundedRect(grect, 3, 3)
        painter.setPen(style.VALUE_COLOR)
        self._draw_text(painter, vrect, value)
        painter.setPen(style.GRAD_COLOR)
        self._draw_text(painter, grect, grad)

    def _draw_text(self, painter: QPainter, rect: QRectF, text: str) -> None:
        k = self.label_scale
        if k == 1.0:
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
            return
        painter.save()  # the font at its own size, magnified: it measures as label_rects() says
        painter.translate(rect.topLeft())
        painter.scale(k, k)
        painter.drawText(
            QRectF(0, 0, rect.width() / k, rect.height() / k), Qt.AlignmentFlag.AlignCenter, text
        )
        painter.restore()

    def paint_wire(self, painter: QPainter) -> None:
        """The curve and its arrowhead: everything but the labels."""
        color = style.WIRE_SELECTED if self.isSelected() else style.WIRE_COLOR
        width = 3 if self.isSelected() else 2
        if width * painter.worldTransform().m11() <= 1.5:
            # Zoomed out: a one-pixel line (Qt's fast path), not an antialiased
            # stroke 1.0-1.5 px wide that costs ten times as much per wire.
            width = 0
        painter.setPen(QPen(color, width))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path)
        self._paint_arrow(painter, color)

    @property
    def arrow(self) -> QPolygonF:
        """The arrowhead, just before the input socket."""
        if self._arrow is None:
            b = self.path.currentPosition()
            x, y = b.x() - style.SOCKET_RADIUS, b.y()
            self._arrow = QPolygonF([QPointF(x, y), QPointF(x - 8, y - 4), QPointF(x - 8, y + 4)])
        return self._arrow

    def _paint_arrow(self, painter: QPainter, color: Any) -> None:
        painter.setBrush(color)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawPolygon(self.arrow)

    def hoverEnterEvent(self, event: Any) -> None:  # noqa: N802
        scene = self.graph_scene
        if scene is not None and scene.result is not None and scene.result.has_wire(self.edge):
            self.setToolTip(self.tooltip_text())
        super().hoverEnterEvent(event)

    def tooltip_text(self) -> str:
        """Which wire (source → input), its value and its gradient in readable rows.
        Rich text with every piece escaped: node names come from files."""
        scene = self.graph_scene
        assert scene is not None and scene.result is not None
        result, graph = scene.result, scene.graph
        translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")
        dst = graph.nodes[self.edge.dst]
        port = dst.ports[self.edge.port] if self.edge.port < len(dst.ports) else str(self.edge.port)
        where = f"{scene.shown_name(self.edge.src)} → {scene.shown_name(self.edge.dst)} · {port}"
        return "".join(
            [
                plain_tooltip(where),
                value_block(translate("EdgeItem", "value"), result.wire_value(self.edge)),
                value_block(translate("EdgeItem", "gradient"), result.wire_grad(self.edge)),
            ]
        )
