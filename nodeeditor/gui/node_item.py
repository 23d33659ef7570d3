"""A node on the canvas: title, input sockets with port names, output socket,
and for Input/Pow/Output the value, exponent or seed it holds."""

from __future__ import annotations

import functools
import time
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFont, QFontInfo, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneMouseEvent,
    QGraphicsSceneWheelEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from ..model import NODE_TYPES, Node
from ..model.values import format_value
from . import style
from .exercise_view import hides, mark
from .i18n import error_text, type_text
from .scrub import Scrub, base_step, modified_step, stepped
from .socket_item import SocketItem
from .tooltips import plain_tooltip, value_rows

if TYPE_CHECKING:
    from .scene import GraphScene

PARAM_KEY = {"Input": "value", "Pow": "exponent", "Output": "grad"}
SUM_GAP = 3.0  # between the node's bottom edge and its Σ
SUM_RIGHT = style.NODE_WIDTH + style.SOCKET_RADIUS + 2  # the Σ ends under the output socket
SUM_MAX_WIDTH = SUM_RIGHT + style.SOCKET_RADIUS  # reserved in the bounds: no relayout for a new Σ
_Change = QGraphicsItem.GraphicsItemChange
_POSITION_CHANGE = _Change.ItemPositionChange
_POSITION_HAS_CHANGED = _Change.ItemPositionHasChanged
_FLAGS = (
    QGraphicsItem.GraphicsItemFlag.ItemIsMovable
    | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
    | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
)
# Built once: an enum "|" costs microseconds, and a node's picture is redrawn
# whenever its numbers change.
_LEFT = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
_RIGHT = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight
_font = style.ui_font


@functools.cache
def _title_path() -> QPainterPath:
    """The title bar: rounded on top, square below (the same for every node)."""
    title = QPainterPath()
    title.setFillRule(Qt.FillRule.WindingFill)
    title.addRoundedRect(QRectF(0, 0, style.NODE_WIDTH, style.TITLE_HEIGHT), 6, 6)
    title.addRect(QRectF(0, style.TITLE_HEIGHT - 6, style.NODE_WIDTH, 6))
    return title.simplified()


@functools.cache
def _sum_metrics() -> QFontMetricsF:
    return QFontMetricsF(_font(8.5, bold=True))


TITLE_POINT_SIZE = 9.5


def title_font(scale: float = 1.0) -> QFont:
    return _font(TITLE_POINT_SIZE * scale, bold=True)


def title_pixel_size() -> int:
    """The titles' font size in pixels at zoom 1 and title scale 1."""
    return QFontInfo(title_font()).pixelSize()


def max_title_scale() -> float:
    """The largest title that still fits its header, with a little room above and below."""
    return (style.TITLE_HEIGHT - 4) / title_pixel_size()


@functools.lru_cache(maxsize=10_000)
def _elided_title(text: str, width: float, scale: float) -> str:
    return QFontMetricsF(title_font(scale)).elidedText(text, Qt.TextElideMode.ElideRight, width)


def socket_offsets(type_name: str) -> dict[int | None, tuple[float, float]]:
    """Where a node of this type has its sockets, from its top-left corner: the inputs
    by port, the output as None (beside the first input, else beside the value)."""
    cls = NODE_TYPES[type_name]
    offsets: dict[int | None, tuple[float, float]] = {
        p: (0.0, style.TITLE_HEIGHT + (p + 0.5) * style.ROW_HEIGHT) for p in range(len(cls.ports))
    }
    if cls.has_output:
        # The value field's middle (param_rect) when there is no input.
        y = offsets[0][1] if cls.ports else style.TITLE_HEIGHT + style.ROW_HEIGHT / 2 + 1
        offsets[None] = (style.NODE_WIDTH, y)
    return offsets


def param_caption(type_name: str) -> str:
    captions = {
        "Input": QCoreApplication.translate("NodeItem", "value"),
        "Pow": QCoreApplication.translate("NodeItem", "n"),
        "Output": QCoreApplication.translate("NodeItem", "seed"),
    }
    return captions[type_name]


class NodeItem(QGraphicsItem):
    def __init__(self, node: Node) -> None:
        super().__init__()
        self.node = node
        self.param_key = PARAM_KEY.get(node.type)
        self.inputs = [SocketItem(self, p) for p in range(len(node.ports))]
        self.output = SocketItem(self, None) if node.has_output else None
        self._scrub: Scrub | None = None
        self._wheel: tuple[float, object, float] = (0.0, None, 0.1)
        self._problem: str | None = None
        self._picture: object = None  # what the cached picture shows from the result (refresh)
        self.title_scale = 1.0  # titles drawn larger when zoomed out, so they stay readable (the view's)
        # Fixed for the item's life (a node's type never changes): computed once,
        # since Qt asks for the bounding rect many times per frame.
        self._height = style.TITLE_HEIGHT + self.rows * style.ROW_HEIGHT + 6
        m = style.SOCKET_RADIUS + 3
        # Below a node with an output: room for its Σ, should it feed several wires.
        below = SUM_GAP + _sum_metrics().height() + 2 if node.has_output else 0.0
        self._bounds = QRectF(-m, -m, style.NODE_WIDTH + 2 * m, self._height + 2 * m + below)
        self._xy = (0.0, 0.0)  # pos(), kept as numbers
        self.sync_pos()  # before the flags: no position-change calls for the first place
        self.setFlags(_FLAGS)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setAcceptHoverEvents(True)
        self.setZValue(1)
        self._place_sockets()

    # -- geometry ----------------------------------------------------------

    @property
    def rows(self) -> int:
        return max(1, len(self.inputs) + (1 if self.param_key else 0))

    @property
    def height(self) -> float:
        return self._height

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._bounds

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(QRectF(0, 0, style.NODE_WIDTH, self.height), 6, 6)
        return path

    def row_center(self, row: int) -> float:
        return style.TITLE_HEIGHT + (row + 0.5) * style.ROW_HEIGHT

    def param_rect(self) -> QRectF:
        row = len(self.inputs)
        top = style.TITLE_HEIGHT + row * style.ROW_HEIGHT + 2
        return QRectF(8, top, style.NODE_WIDTH - 16, style.ROW_HEIGHT - 2)

    def _place_sockets(self) -> None:
        self._socket_xy = socket_offsets(self.node.type)
        for p, sock in enumerate(self.inputs):
            sock.setPos(*self._socket_xy[p])
        if self.output is not None:
            self.output.setPos(*self._socket_xy[None])

    def socket_xy(self, port: int | None) -> tuple[float, float]:
        """A socket's scenePos() as two numbers, without asking Qt (wires ask a lot)."""
        ox, oy = self._socket_xy[port]
        return self._xy[0] + ox, self._xy[1] + oy

    def sync_pos(self) -> None:
        limit = style.COORD_LIMIT
        pos = tuple(min(limit, max(-limit, c)) for c in self.node.pos or (0.0, 0.0))
        if (self.pos().x(), self.pos().y()) != pos:
            self.setPos(QPointF(*pos))
            self._xy = (self.x(), self.y())  # itemChange() keeps it once the flags are set

    # -- state from the model ----------------------------------------------

    @property
    def graph_scene(self) -> GraphScene | None:
        return self.scene()  # type: ignore[return-value]

    def refresh(self) -> None:
        """The result or the node changed: repaint and update the badge tooltip."""
        scene = self.graph_scene
        result = scene.result if scene else None
        why = result.problem_text(self.node.id) if result else None
        problem = None if why is None else error_text(why)  # in the interface's language
        if problem != self._problem:
            self._problem = problem
            self.setToolTip(plain_tooltip(problem) if problem else "")
        # Redraw the cached picture only if what it shows from the result changed:
        # after an edit most Σ stay as they were, and a redraw costs ~0.2 ms.
        undefined = problem is not None and result is not None and result.value(self.node.id) is None
        picture = (problem, undefined, self._sum_text())
        if picture != self._picture:
            self._picture = picture
            self.update()

    def retranslate(self) -> None:
        """The interface's language changed: the type name, the problem's words."""
        self._problem = self._picture = None
        self.setToolTip("")
        self.refresh()
        self.update()  # the cached picture has the old words

    def param_value(self) -> Any:
        return self.node.params.get(self.param_key) if self.param_key else None

    def param_text(self) -> str:
        scene = self.graph_scene
        if scene is not None and self.param_key == "value" and hides(scene.document, self.node.id, "value"):
            return "?"  # an exercise hides this Input's value
        value = self.param_value()
        if self.param_key == "grad" and value is None:
            return "1"
        if self.param_key == "exponent":
            return format_value(np.asarray(value), 6)
        return format_value(value, 6)

    # -- painting ----------------------------------------------------------

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        self._paint_node(painter, option)
        for sock in self.inputs if self.output is None else [*self.inputs, self.output]:
            if sock.highlight is None:  # a highlighted one draws itself
                sock.paint_in_node(painter)

    def _paint_node(self, painter: QPainter, option: QStyleOptionGraphicsItem) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        body = QRectF(0, 0, style.NODE_WIDTH, self.height)
        color = style.category_color(self.node.type)
        scene = self.graph_scene
        current = scene is not None and scene.stepping is not None and scene.stepping.current == self.node.id
        border = (
            style.STEP_CURRENT if current else style.NODE_SELECTED if self.isSelected() else style.NODE_BORDER
        )
        painter.setPen(QPen(border, 4 if current else 2.5 if self.isSelected() else 1.2))
        painter.setBrush(style.NODE_FILL)
        painter.drawRoundedRect(body, 6, 6)
        painter.fillPath(_title_path(), QBrush(color))
        if lod < style.LOD_TEXT:
            return
        self._paint_title(painter)
        self._paint_ports(painter)
        if self.param_key:
            self._paint_param(painter)
        self._paint_fanout_sum(painter)
        if self._problem:
            self._paint_badge(painter)

    def set_title_scale(self, scale: float) -> None:
        if scale != self.title_scale:
            self.title_scale = scale
            self.update()

    def _paint_title(self, painter: QPainter) -> None:
        painter.setPen(Qt.GlobalColor.white)
        painter.setFont(title_font(self.title_scale))
        # Room on the right for the "!" badge only when there is one ("price · Output" fits).
        rect = QRectF(8, 0, style.NODE_WIDTH - (30 if self._problem else 14), style.TITLE_HEIGHT)
        kind = type_text(self.node.type)
        text = self.node.name or kind
        if self.node.name and self.node.type not in ("Input", self.node.name):
            text = f"{self.node.name}  ·  {kind}"
        painter.drawText(rect, _LEFT, _elided_title(text, rect.width(), self.title_scale))

    def _paint_ports(self, painter: QPainter) -> None:
        painter.setFont(_font(8.5))
        painter.setPen(style.VALUE_COLOR)
        for p, name in enumerate(self.node.ports):
            rect = QRectF(12, self.row_center(p) - style.ROW_HEIGHT / 2, 60, style.ROW_HEIGHT)
            painter.drawText(rect, _LEFT, name)

    def _paint_param(self, painter: QPainter) -> None:
        rect = self.param_rect()
        painter.setPen(QPen(style.NODE_BORDER, 1))
        painter.setBrush(style.SOCKET_FILL)
        painter.drawRoundedRect(rect, 3, 3)
        painter.setFont(_font(8))
        painter.setPen(style.NODE_BORDER.darker(130))
        caption = param_caption(self.node.type)
        inner = rect.adjusted(5, 0, -5, 0)
        value_font = _font(9.5, bold=True)
        text = self.param_text()
        room = inner.width() - QFontMetricsF(painter.font()).horizontalAdvance(caption) - 8
        if QFontMetricsF(value_font).horizontalAdvance(text) > inner.width():
            text = format_value(self.param_value(), max_items=0)  # too wide: just its shape
        if QFontMetricsF(value_font).horizontalAdvance(text) <= room:
            painter.drawText(inner, _LEFT, caption)
        painter.setFont(value_font)
        painter.setPen(style.GRAD_COLOR if self.param_key == "grad" else style.VALUE_COLOR)
        painter.drawText(inner, _RIGHT, text)

    def sum_rect(self, text: str | None = None) -> QRectF | None:
        """Where the Σ is drawn, in item coordinates: just under the node, ending below
        the output socket, clear of the value, the sockets and the wires leaving it
        (they start level, to the right). None if the node shows no Σ."""
        text = self._sum_text() if text is None else text
        if text is None:
            return None
        width = min(SUM_MAX_WIDTH, _sum_metrics().horizontalAdvance(text) + 8)
        return QRectF(SUM_RIGHT - width, self._height + SUM_GAP, width, _sum_metrics().height() + 2)

    def _paint_fanout_sum(self, painter: QPainter) -> None:
        text = self._sum_text()
        rect = self.sum_rect(text)
        if rect is None:
            return
        painter.setPen(QPen(style.GRAD_COLOR, 1))
        painter.setBrush(style.LABEL_BACKGROUND)
        painter.drawRoundedRect(rect, 3, 3)
        painter.setFont(_font(8.5, bold=True))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    def _sum_text(self) -> str | None:
        """The Σ (sum of its wires' gradients) of a node that feeds two wires or more, else None."""
        scene = self.graph_scene
        if self.output is None or scene is None or scene.result is None:
            return None
        if len(scene.graph.consumers(self.node.id)) < 2:
            return None
        grad = scene.result.grad(self.node.id)
        return (
            None if grad is None else "Σ " + format_value(grad) + mark(scene.document, self.node.id, "grad")
        )

    def _paint_badge(self, painter: QPainter) -> None:
        scene = self.graph_scene
        undefined = (
            scene is not None and scene.result is not None and scene.result.value(self.node.id) is None
        )
        center = QPointF(style.NODE_WIDTH - 13, style.TITLE_HEIGHT / 2)
        painter.setPen(QPen(Qt.GlobalColor.white, 1.5))
        painter.setBrush(style.BADGE_UNDEFINED if undefined else style.BADGE_WARNING)
        painter.drawEllipse(center, 8, 8)
        painter.setFont(_font(9, bold=True))
        painter.drawText(QRectF(center.x() - 8, center.y() - 8, 16, 16), Qt.AlignmentFlag.AlignCenter, "!")

    # -- interaction ---------------------------------------------------------

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:  # noqa: N802
        # Qt calls this for every kind of change (flags, scene, children, ...):
        # the others return at once, which matters when 10,000 nodes are built.
        if change == _POSITION_CHANGE:
            scene = self.graph_scene
            if scene and scene.snap:
                g = style.GRID
                return QPointF(round(value.x() / g) * g, round(value.y() / g) * g)
        elif change == _POSITION_HAS_CHANGED:
            self._xy = (value.x(), value.y())
            scene = self.graph_scene
            if scene:
                scene.node_item_moved(self)
        return value

    def _scrubbable(self, pos: QPointF) -> bool:
        value = self.param_value()
        return (
            self.param_key in ("value", "grad")
            and self.param_rect().contains(pos)
            and (value is None or np.ndim(value) == 0)
            and not (self.graph_scene and hides(self.graph_scene.document, self.node.id, self.param_key))
        )  # a value an exercise hides is neither scrubbed nor shown in a tooltip

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self._scrubbable(event.pos()):
            value = self.param_value()
            start = 1.0 if value is None else float(value)
            self._scrub = Scrub(event.screenPos().x(), start, object())
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._scrub is None:
            super().mouseMoveEvent(event)
            return
        scrub = self._scrub
        new = scrub.moved(event.screenPos().x(), event.modifiers())
        if self.graph_scene is not None:
            self.graph_scene.set_param(self.node.id, self.param_key, np.asarray(new), scrub.key)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._scrub is not None:
            self._scrub = None
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self.param_key and self.param_rect().contains(event.pos()) and self.graph_scene:
            self.graph_scene.request_edit(self)
            return
        if 0 <= event.pos().y() < style.TITLE_HEIGHT and self.graph_scene:
            self.graph_scene.rename_requested.emit(self)  # rename in place
            return
        super().mouseDoubleClickEvent(event)

    def wheelEvent(self, event: QGraphicsSceneWheelEvent) -> None:  # noqa: N802
        if not self._scrubbable(event.pos()) or self.graph_scene is None:
            event.ignore()
            return
        now = time.monotonic()
        last, key, base = self._wheel
        value = self.param_value()
        start = 1.0 if value is None else float(value)
        if now - last > 1.0 or key is None:  # a new turn of the wheel: one undo step, one step size
            key, base = object(), base_step(start)
        self._wheel = (now, key, base)
        notches = round(event.delta() / 120) or (1 if event.delta() > 0 else -1)
        new = stepped(start, notches, modified_step(base, event.modifiers()))
        self.graph_scene.set_param(self.node.id, self.param_key, np.asarray(new), key)
        event.accept()

    def hoverMoveEvent(self, event: Any) -> None:  # noqa: N802
        if self._scrubbable(event.pos()):
            self.setCursor(Qt.CursorShape.SizeHorCursor)
            full = "\n".join(value_rows(self.param_value()))
            hint = QCoreApplication.translate(
                "NodeItem", "{value}\nDrag or scroll to change, double-click to type"
            ).format(value=full)
            self.setToolTip(plain_tooltip(self._problem or hint))
        else:
            self.unsetCursor()
            self.setToolTip(plain_tooltip(self._problem) if self._problem else "")
        super().hoverMoveEvent(event)
