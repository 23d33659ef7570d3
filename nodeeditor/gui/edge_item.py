"""A wire: a Bézier curve with its forward value above and its gradient below."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget

from ..model import Edge
from ..model.values import format_full, format_value
from . import style

if TYPE_CHECKING:
    from .node_item import NodeItem
    from .scene import GraphScene

LABEL_FONT_SIZE = 9.0
LABEL_GAP = 3.0
LABEL_MAX_WIDTH = 140.0  # reserved in the bounding box so new numbers need no relayout
_BACKGROUND = QGraphicsScene.SceneLayer.BackgroundLayer


def wire_path(a: QPointF, b: QPointF) -> QPainterPath:
    """The curve from an output socket at ``a`` to an input socket at ``b``."""
    dx = max(40.0, abs(b.x() - a.x()) * 0.5)
    path = QPainterPath(a)
    path.cubicTo(QPointF(a.x() + dx, a.y()), QPointF(b.x() - dx, b.y()), b)
    return path


_METRICS: list[QFontMetricsF] = []


def _metrics() -> QFontMetricsF:
    if not _METRICS:
        _METRICS.append(QFontMetricsF(style.ui_font(LABEL_FONT_SIZE, bold=True)))
    return _METRICS[0]


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
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)  # z value 0: under the nodes
        self.update_path()

    @property
    def graph_scene(self) -> GraphScene | None:
        return self.scene()  # type: ignore[return-value]

    def update_path(self) -> None:
        old = self.sceneBoundingRect() if self.scene() is not None else None
        self.prepareGeometryChange()
        a = self.src.socket_scene_pos(None)
        b = self.dst.socket_scene_pos(self.edge.port)
        self.path = wire_path(a, b)
        self._anchors: dict[float, tuple[QPointF, bool]] = {}
        self._points: dict[float, QPointF] = {}
        tip = QPointF(b.x() - style.SOCKET_RADIUS, b.y())
        self.arrow = QPolygonF([tip, QPointF(tip.x() - 8, tip.y() - 4), QPointF(tip.x() - 8, tip.y() + 4)])
        self._update_bounds()
        if old is not None:
            self.wire_changed(old.united(self.sceneBoundingRect()))

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
        if result is None:
            return "—", "—"
        value = format_value(result.wire_value(self.edge))
        grad = format_value(result.wire_grad(self.edge))
        stepping = scene.stepping  # type: ignore[union-attr]
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
    ) -> tuple[QRectF, QRectF]:
        """Value box just above the curve, gradient box just below, at ``t``.

        With ``slide``, each box moves sideways off the point, to the side where a
        sloping curve bends away from it, so wide labels clear their own wire.
        """
        t = self.t if t is None else t
        shift = self.shift if shift is None else shift
        slide = self.slide if slide is None else slide
        p, rising = self._anchor(t)
        fm = _metrics()
        h = fm.height()
        if texts is None:
            wv = wg = LABEL_MAX_WIDTH
        else:
            wv = min(LABEL_MAX_WIDTH, fm.horizontalAdvance(texts[0]) + 6)
            wg = min(LABEL_MAX_WIDTH, fm.horizontalAdvance(texts[1]) + 6)
        x = p.x() + shift
        if slide:
            xv = x - wv - 2 if rising else x + 2
            xg = x + 2 if rising else x - wg - 2
        else:
            xv, xg = x - wv / 2, x - wg / 2
        return QRectF(xv, p.y() - LABEL_GAP - h, wv, h), QRectF(xg, p.y() + LABEL_GAP, wg, h)

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
        p = self._point(self.t)
        h = _metrics().height()
        reach = LABEL_MAX_WIDTH + 2
        labels = QRectF(p.x() + self.shift - reach, p.y() - LABEL_GAP - h, 2 * reach, 2 * (h + LABEL_GAP))
        self._bounds = self.path.boundingRect().united(labels).adjusted(-8, -8, 8, 8)

    def set_label_place(self, t: float, shift: float, slide: bool) -> None:
        self.prepareGeometryChange()
        self.t, self.shift, self.slide = t, shift, slide
        self._update_bounds()

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(10)
        return stroker.createStroke(self.path)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        view = widget.parentWidget() if widget is not None else None
        if not getattr(view, "wires_in_background", False):  # else the view drew it, cached
            self.paint_wire(painter)
        if lod < 0.45:
            return
        value, grad = self.texts()
        vrect, grect = self.label_rects(texts=(value, grad))
        painter.setFont(style.ui_font(LABEL_FONT_SIZE, bold=True))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.LABEL_BACKGROUND)
        if value:
            painter.drawRoundedRect(vrect, 3, 3)
        if grad:
            painter.drawRoundedRect(grect, 3, 3)
        painter.setPen(style.VALUE_COLOR)
        painter.drawText(vrect, Qt.AlignmentFlag.AlignCenter, value)
        painter.setPen(style.GRAD_COLOR)
        painter.drawText(grect, Qt.AlignmentFlag.AlignCenter, grad)

    def paint_wire(self, painter: QPainter) -> None:
        """The curve and its arrowhead: everything but the labels."""
        color = style.WIRE_SELECTED if self.isSelected() else style.WIRE_COLOR
        painter.setPen(QPen(color, 3 if self.isSelected() else 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path)
        self._paint_arrow(painter, color)

    def _paint_arrow(self, painter: QPainter, color: Any) -> None:
        painter.setBrush(color)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawPolygon(self.arrow)

    def hoverEnterEvent(self, event: Any) -> None:  # noqa: N802
        scene = self.graph_scene
        if scene is not None and scene.result is not None:
            self.setToolTip(self.tooltip_text())
        super().hoverEnterEvent(event)

    def tooltip_text(self) -> str:
        scene = self.graph_scene
        assert scene is not None and scene.result is not None
        result = scene.result
        tr = QCoreApplication.translate
        lines = [
            tr("EdgeItem", "value: {value}").format(value=format_full(result.wire_value(self.edge))),
            tr("EdgeItem", "gradient: {grad}").format(grad=format_full(result.wire_grad(self.edge))),
        ]
        return "\n".join(lines)
