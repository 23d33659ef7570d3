"""A socket: the dot on a node where a wire starts (output) or ends (input)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from . import style

_R = style.SOCKET_RADIUS + 3
_BOUNDS = QRectF(-_R, -_R, 2 * _R, 2 * _R)  # Qt copies it: one shared rect will do
_NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents


class SocketItem(QGraphicsItem):
    """``port`` is the input index, or None for the node's single output."""

    def __init__(self, node_item: QGraphicsItem, port: int | None) -> None:
        super().__init__(node_item)
        self.node_item = node_item
        self.port = port
        self.highlight: bool | None = None  # True valid target, False refused, None idle
        # Idle, the node draws this dot into its own cached picture (paint_in_node):
        # one Python paint() call per socket per frame is what slows big graphs.
        self.setFlag(_NO_CONTENTS)
        self.setAcceptHoverEvents(True)  # the cross cursor is set on the first hover

    def hoverEnterEvent(self, event: object) -> None:  # noqa: N802
        if not self.hasCursor():
            self.setCursor(Qt.CursorShape.CrossCursor)
        super().hoverEnterEvent(event)  # type: ignore[arg-type]

    @property
    def is_output(self) -> bool:
        return self.port is None

    @property
    def node_id(self) -> str:
        return self.node_item.node.id

    def boundingRect(self) -> QRectF:  # noqa: N802
        return _BOUNDS

    def set_highlight(self, state: bool | None) -> None:
        if state != self.highlight:
            self.highlight = state
            self.setFlag(_NO_CONTENTS, state is None)
            self.update()
            self.node_item.update()  # its picture leaves out a highlighted socket

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        self._paint_dot(painter, QPointF(0, 0))

    def paint_in_node(self, painter: QPainter) -> None:
        """The idle dot, in the node's coordinates."""
        self._paint_dot(painter, self.pos())

    def _paint_dot(self, painter: QPainter, c: QPointF) -> None:
        r = style.SOCKET_RADIUS
        if self.highlight:
            painter.setPen(QPen(style.VALID_TARGET, 3))
            r += 2
        else:
            painter.setPen(QPen(style.NODE_BORDER, 1.5))
        color = style.category_color(self.node_item.node.type)
        painter.setBrush(color if self.highlight is None else style.SOCKET_FILL)
        if self.highlight is False:
            painter.setOpacity(0.35)
        painter.drawEllipse(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r))
