"""The canvas: grid, zoom, pan, framing, drops from the palette, in-place editing."""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QRegion,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QLineEdit, QRubberBand, QStyle, QStyleOptionRubberBand, QWidget

from ..model import GraphEvent
from ..model.values import BadValue, parse_value
from . import style
from .commands import RenameCommand
from .edge_item import EdgeItem, label_pixel_size
from .i18n import Retranslatable, error_text, type_text
from .node_item import TITLE_POINT_SIZE, NodeItem, max_title_scale, title_font, title_pixel_size
from .overview import OVERVIEW_ZOOM, Overview
from .palette import NODE_MIME
from .scene import LIVE_LABEL_ARRANGE_LIMIT, GraphScene
from .tooltips import plain_tooltip

MIN_ZOOM, MAX_ZOOM = 0.05, 4.0  # what the wheel and the zoom keys go to
MAX_FRAME_ZOOM = 1.5  # framing a small graph does not blow it up beyond this
FIT_MIN_ZOOM = 1e-6  # framing goes below MIN_ZOOM so everything fits (±COORD_LIMIT: ~4e-5)
FRAME_PADDING = 24  # pixels between the framed nodes and the viewport's edge
READABLE_PIXELS = 9.0  # wire labels' text is never drawn smaller than this (below MAX_LABEL_SCALE)
MAX_LABEL_SCALE = 2.5
LABEL_SIZE_SEARCH_LIMIT = 100  # wires: up to this many, labels shrink back until they all fit


class GraphView(Retranslatable, QGraphicsView):
    search_requested = Signal(QPoint, QPointF)  # global position, scene position
    wires_in_background = False  # True while paintEvent draws the wires in the cached background

    def __init__(self, scene: GraphScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)  # the grid, drawn once per zoom
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._pan_from: QPoint | None = None
        self._frame_pending = False
        self._space = False
        self._editor: InlineEditor | None = None
        self._overview: Overview | None = None
        self._overview_cache: tuple | None = None  # (key, pixmap, dx, dy): see _overview_pixmap
        self._empty = False  # the graph has no node: the view says what to do (drawForeground)
        self._labels_pending = False  # a fit_labels() is on its way
        self._label_fit: tuple[float, object] | None = None  # (wanted scale, scene) at the last fit_labels()
        self._follow(scene)
        # Not scene.changed: a slot on it costs a pass over every item per frame,
        # and turns off Qt's direct delivery of updates to the view.
        scene.document.changed.connect(self._grow_scene_rect)
        self._grow_scene_rect()

    def setScene(self, scene: GraphScene) -> None:  # noqa: N802
        super().setScene(scene)
        if scene is not None:
            self._follow(scene)

    def _follow(self, scene: GraphScene) -> None:
        scene.selectionChanged.connect(self.resetCachedContent)  # a selected wire is drawn orange
        scene.edit_requested.connect(self.edit_param)  # double-click a value to type it
        scene.rename_requested.connect(self.edit_name)  # double-click a title to rename
        scene.wire_search.connect(self._search_at)  # a wire let go on empty canvas

    @property
    def graph_scene(self) -> GraphScene:
        return self.scene()  # type: ignore[return-value]

    def _grow_scene_rect(self, event: object = None) -> None:
        """A scene rect we set ourselves: items' bounds plus room to scroll around.

        Called with a GraphEvent, it looks at the one node that came or moved.
        """
        scene = self.graph_scene
        if scene is None:  # a view that no longer shows this document
            return
        if isinstance(event, GraphEvent):
            item = scene.node_items.get(event.node_id) if event.kind in ("node_added", "node_moved") else None  # type: ignore[arg-type]
            if item is None:
                self._check_empty()
                return
            rect = item.sceneBoundingRect()
        else:
            rect = scene.nodes_rect()
        rect = rect.adjusted(-2000, -2000, 2000, 2000)
        if not self.sceneRect().contains(rect):
            self.setSceneRect(self.sceneRect().united(rect))
        self._check_empty()

    def _check_empty(self) -> None:
        """The hint of an empty canvas comes and goes over the whole viewport."""
        empty = not self.graph_scene.node_items
        if empty != self._empty:
            self._empty = empty
            self.viewport().update()

    # -- zoom and framing -------------------------------------------------------

    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        """Zoom to ``factor``, within MIN_ZOOM..MAX_ZOOM; below MIN_ZOOM (where framing a
        big graph may go) the wheel zooms in smoothly and no further out."""
        current = self.zoom
        if not (math.isfinite(current) and current > 0):  # never divide by a broken zoom
            self.resetTransform()
            current = 1.0
        factor = min(MAX_ZOOM, max(min(MIN_ZOOM, current), factor))
        if math.isfinite(factor) and factor > 0:
            self.scale(factor / current, factor / current)
        self.fit_labels()

    def wanted_label_scale(self) -> float:
        """How much larger than at zoom 1 the wire labels must be drawn to stay at least
        READABLE_PIXELS high on screen (1 when zoomed in enough, or for a big graph)."""
        scene = self.graph_scene
        zoom = self.zoom
        if scene is None or len(scene.edge_items) > LIVE_LABEL_ARRANGE_LIMIT:
            return 1.0
        if zoom < style.LOD_TEXT:  # no labels drawn: keep what there is, no placing anew
            return scene.label_scale
        need = READABLE_PIXELS / (label_pixel_size() * zoom)
        return min(MAX_LABEL_SCALE, max(1.0, math.ceil(need * 20) / 20))

    def fit_labels(self) -> None:
        """Labels as large as wanted_label_scale() says, or as large as fits: a smaller
        size with every label clear beats a larger one with labels on each other."""
        self._labels_pending = False
        scene = self.graph_scene
        if scene is None:
            return
        wanted = scale = self.wanted_label_scale()
        crowded = scene.set_label_scale(scale)
        while crowded and scale > 1.0 and len(scene.edge_items) <= LABEL_SIZE_SEARCH_LIMIT:
            scale = max(1.0, scale - 0.25)
            crowded = scene.set_label_scale(scale)
        self._label_fit = (wanted, scene)
        scene.set_title_scale(self.wanted_title_scale())

    def wanted_title_scale(self) -> float:
        """Node titles grow like the wire labels when zoomed out, as far as their header
        has room (a big graph keeps them as they are: no redrawing every node on a zoom)."""
        scene = self.graph_scene
        if scene is None or len(scene.edge_items) > LIVE_LABEL_ARRANGE_LIMIT:
            return 1.0
        need = READABLE_PIXELS / (title_pixel_size() * self.zoom)
        return min(max_title_scale(), max(1.0, math.ceil(need * 20) / 20))

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom * 1.25)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom / 1.25)

    def zoom_reset(self) -> None:
        self.set_zoom(1.0)

    def frame_when_shown(self) -> None:
        """Frame the graph now, and again once the window has its final size."""
        self._frame_pending = True
        self.frame()

    def resizeEvent(self, event: object) -> None:  # noqa: N802
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self._frame_pending and self.isVisible():
            self.frame()

    def frame(self) -> None:
        """Fit the selection in view, or everything if nothing is selected.

        It always fits, below MIN_ZOOM if need be (a lesson in a small window, a
        10,000-node file); a small graph is not blown up beyond MAX_FRAME_ZOOM."""
        scene = self.graph_scene
        items = scene.selectedItems()
        rect = QRectF()
        for item in items:
            rect = rect.united(item.sceneBoundingRect())
        if not items:
            rect = scene.content_rect()  # everything, without asking 30,000 items
        if rect.isNull() or not all(map(math.isfinite, rect.getCoords())):
            return
        room = self.viewport().rect().adjusted(FRAME_PADDING, FRAME_PADDING, -FRAME_PADDING, -FRAME_PADDING)
        if room.width() <= 0 or room.height() <= 0:
            return
        zoom = min(
            MAX_FRAME_ZOOM, room.width() / max(rect.width(), 1.0), room.height() / max(rect.height(), 1.0)
        )
        self.setTransform(QTransform.fromScale(max(FIT_MIN_ZOOM, zoom), max(FIT_MIN_ZOOM, zoom)))
        self.centerOn(rect.center())
        self.fit_labels()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        self._frame_pending = False  # the student took over the view
        scene_pos = self.mapToScene(event.position().toPoint())
        for item in self.graph_scene.items(scene_pos):
            if isinstance(item, NodeItem) and item._scrubbable(item.mapFromScene(scene_pos)):
                super().wheelEvent(event)  # the node scrubs its value
                return
        steps = event.angleDelta().y() / 120
        self.set_zoom(self.zoom * math.pow(1.15, steps))

    # -- drawing ------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        """Zoomed far out, draw the graph in bulk rather than item by item."""
        scene = self.graph_scene
        if (
            scene is not None
            and not self._labels_pending
            and self._label_fit != (self.wanted_label_scale(), scene)
        ):
            self._labels_pending = True  # the zoom changed some other way (setTransform)
            QTimer.singleShot(0, self.fit_labels)
        if scene is None or self.zoom >= OVERVIEW_ZOOM:
            if scene is not None:  # nodes that scrolled into sight since the last evaluation
                scene.refresh_stale(self.mapToScene(event.rect()).boundingRect())
            self.wires_in_background = True  # see _draw_wires
            try:
                super().paintEvent(event)
            finally:
                self.wires_in_background = False
            return
        if self._overview is None or self._overview.scene is not scene:
            self._overview = Overview(scene)
            self._overview_cache = None
        painter = QPainter(self.viewport())
        painter.drawPixmap(0, 0, self._overview_pixmap())
        painter.setRenderHints(self.renderHints())
        painter.setWorldTransform(self.viewportTransform())
        exposed = self.mapToScene(event.rect()).boundingRect()
        self._overview.paint_marks(painter)
        self.drawForeground(painter, exposed)
        band = self.rubberBandRect()
        if not band.isEmpty():
            painter.resetTransform()
            option = QStyleOptionRubberBand()
            option.initFrom(self.viewport())
            option.rect = band
            option.shape = QRubberBand.Shape.Rectangle
            vp = self.viewport()
            vp.style().drawControl(QStyle.ControlElement.CE_RubberBand, option, painter, vp)
        painter.end()

    def _overview_pixmap(self) -> QPixmap:
        """Background, wires and nodes as one picture, drawn again only when the
        graph's shape, the zoom or the size changes; a scroll moves the picture
        and draws the strip that came into view, as Qt's background cache does."""
        vp = self.viewport()
        dpr = vp.devicePixelRatioF()
        t = self.viewportTransform()
        key = (self._overview.key(), vp.size(), dpr, t.m11(), t.m22())  # type: ignore[union-attr]
        cache = self._overview_cache
        if cache is not None and cache[0] == key:
            pixmap, dx, dy = cache[1], t.dx() - cache[2], t.dy() - cache[3]
            if not dx and not dy:
                return pixmap
            moved = QRect(vp.rect()).translated(int(dx), int(dy))
            if dx * dpr == int(dx * dpr) and dy * dpr == int(dy * dpr):
                pixmap.scroll(int(dx * dpr), int(dy * dpr), pixmap.rect())
                exposed = QRegion(vp.rect()) - QRegion(moved)
            else:
                exposed = QRegion(vp.rect())
        else:
            pixmap = QPixmap(vp.size() * dpr)
            pixmap.setDevicePixelRatio(dpr)
            exposed = QRegion(vp.rect())
        painter = QPainter(pixmap)
        painter.setClipRegion(exposed)
        painter.setRenderHints(self.renderHints())
        painter.setWorldTransform(t)
        rect = self.mapToScene(exposed.boundingRect()).boundingRect()
        self.drawBackground(painter, rect)
        self._overview.paint_bulk(painter, rect)  # type: ignore[union-attr]
        painter.end()
        self._overview_cache = (key, pixmap, t.dx(), t.dy())
        return pixmap

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        painter.setRenderHints(self.renderHints())  # Qt's background cache paints without them
        super().drawBackground(painter, rect)
        if self.zoom < 0.3:
            return
        g = style.GRID
        # Lines just outside the rect still tint its edge pixels (antialiasing): include them.
        rect = rect.adjusted(-g, -g, g, g)
        left, top = math.floor(rect.left() / g) * g, math.floor(rect.top() / g) * g
        for i, color in ((1, style.GRID_MINOR), (5, style.GRID_MAJOR)):
            painter.setPen(QPen(color, 0))
            step = g * i
            x = math.floor(left / step) * step
            while x < rect.right():
                painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
                x += step
            y = math.floor(top / step) * step
            while y < rect.bottom():
                painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
                y += step
        if self.wires_in_background:
            self._draw_wires(painter, rect)

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        super().drawForeground(painter, rect)
        text = self.empty_hint()
        if text is not None:
            painter.save()
            painter.resetTransform()  # viewport pixels: the hint keeps its size at any zoom
            painter.setFont(style.ui_font(11))
            painter.setPen(style.HINT_COLOR)
            room = self.viewport().rect().adjusted(40, 40, -40, -40)
            painter.drawText(room, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)
            painter.restore()

    def empty_hint(self) -> str | None:
        """What an empty canvas says to do; None once there is a node."""
        scene = self.graph_scene
        if scene is None or scene.node_items:
            return None
        return self.tr(
            "Drag a node from the Nodes palette onto the canvas,\n"
            "or press Tab and type its name.\n\n"
            "File ▸ Examples has lessons ready to explore."
        )

    def retranslate(self) -> None:
        """The language changed: redraw what the canvas words (type names, problems, the
        hint) without rebuilding anything, so undo, selection and zoom stay as they were."""
        scene = self.graph_scene
        if scene is not None:
            for item in scene.node_items.values():
                item.retranslate()
        self.resetCachedContent()
        self.viewport().update()

    def _draw_wires(self, painter: QPainter, rect: QRectF) -> None:
        """The wires, into the cached background: an edit that changes only numbers
        then repaints the labels over a copied picture instead of stroking every
        curve again. A wire that moves, comes, goes or is selected invalidates
        its part of the cache (EdgeItem._wire_changed)."""
        items = self.graph_scene.items(
            rect, Qt.ItemSelectionMode.IntersectsItemBoundingRect, Qt.SortOrder.AscendingOrder
        )
        for item in items:
            if isinstance(item, EdgeItem):
                item.paint_wire(painter)

    # -- panning --------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._frame_pending = False
        middle = event.button() == Qt.MouseButton.MiddleButton
        space = event.button() == Qt.MouseButton.LeftButton and self._space
        if middle or space:
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if event.button() == Qt.MouseButton.LeftButton and _exercise_click(self, event.position().toPoint()):
            event.accept()  # a hidden number clicked: the answer box opens
            return
        if event.button() == Qt.MouseButton.RightButton and self.itemAt(event.position().toPoint()) is None:
            self.search_requested.emit(
                event.globalPosition().toPoint(), self.mapToScene(event.position().toPoint())
            )
            event.accept()
            return
        super().mousePressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        from .exercise_menu import context_menu  # the exercise's actions on what was clicked

        if not context_menu(self, event):
            super().contextMenuEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._pan_from is not None:
            delta = event.position().toPoint() - self._pan_from
            self._pan_from = event.position().toPoint()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().unsetCursor()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            return
        if event.key() == Qt.Key.Key_Tab:
            cursor = self.viewport().mapFromGlobal(self.cursor().pos())  # viewport, as mapToScene wants
            if not self.viewport().rect().contains(cursor):
                cursor = self.viewport().rect().center()
            self.search_requested.emit(self.viewport().mapToGlobal(cursor), self.mapToScene(cursor))
            return
        super().keyPressEvent(event)

    def _search_at(self, scene_pos: QPointF) -> None:
        point = self.mapFromScene(scene_pos)
        self.search_requested.emit(self.viewport().mapToGlobal(point), scene_pos)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.viewport().unsetCursor()
            return
        super().keyReleaseEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802
        return False  # Tab opens the node search instead of moving the focus

    # -- drops from the palette ---------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasFormat(NODE_MIME):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        if event.mimeData().hasFormat(NODE_MIME):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        if not event.mimeData().hasFormat(NODE_MIME):
            super().dropEvent(event)
            return
        type_name = bytes(event.mimeData().data(NODE_MIME).data()).decode("utf-8")
        self.drop_node(type_name, self.mapToScene(event.position().toPoint()))
        event.acceptProposedAction()

    def drop_node(self, type_name: str, scene_pos: QPointF) -> str | None:
        """Create a dropped node; the plain method behind the drop event."""
        from ..model import NODE_TYPES

        if type_name not in NODE_TYPES:
            return None
        return self.graph_scene.add_node(type_name, scene_pos)

    # -- in-place editing of a value, exponent or seed -----------------------------------

    def edit_param(self, item: NodeItem) -> None:
        if _exercise_click(self, self.mapFromScene(item.mapToScene(item.param_rect().center()))):
            return  # a hidden Input value: the box asks for a prediction, it never shows the value
        self.close_editor()
        self._editor = ParamEditor(self, item)
        self._editor.show()
        self._editor.setFocus()

    def edit_name(self, item: NodeItem) -> None:
        self.close_editor()
        self._editor = NameEditor(self, item)
        self._editor.show()
        self._editor.setFocus()

    def close_editor(self) -> None:
        if self._editor is not None:
            editor, self._editor = self._editor, None
            editor._done = True  # closing is not committing (the student clicking away is)
            editor.hide()  # at once: deleteLater waits for the event loop
            editor.deleteLater()


class InlineEditor(QLineEdit):
    """A line edit laid over part of a node: Enter or a click elsewhere commits, Escape
    leaves things as they were. A refused commit keeps it open on Enter; a click away
    then closes it with the old value kept."""

    def __init__(self, view: GraphView, item: NodeItem) -> None:
        super().__init__(view.viewport())
        self.view, self.item = view, item
        self._done = False
        self.returnPressed.connect(self.commit)

    def commit(self) -> bool:
        raise NotImplementedError

    def finish(self) -> None:
        """Done with editing: close and give the keys back to the canvas."""
        self._done = True
        self.view.close_editor()
        self.view.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.finish()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: object) -> None:  # noqa: N802
        super().focusOutEvent(event)  # type: ignore[arg-type]
        if not self._done and not self.commit():
            self.view.close_editor()  # refused: the old value stays


class ParamEditor(InlineEditor):
    """Over a node's value field."""

    def __init__(self, view: GraphView, item: NodeItem) -> None:
        super().__init__(view, item)
        rect = view.mapFromScene(item.mapToScene(item.param_rect())).boundingRect()
        self.setGeometry(rect.adjusted(0, -2, 0, 2))
        self.setText(_edit_text(item))
        self.selectAll()

    def commit(self) -> bool:
        key = self.item.param_key
        try:
            value = parse_value(self.text())
        except BadValue as exc:
            message = self.tr("Not a valid value: {reason}. The old value stays.").format(
                reason=error_text(exc)
            )
            self.view.graph_scene.message.emit(message)
            self.setStyleSheet("border: 2px solid #c62828;")
            self.setToolTip(plain_tooltip(message))  # it quotes what was typed or pasted
            return False
        if self.view.graph_scene.set_param(self.item.node.id, key, value):  # type: ignore[arg-type]
            self.finish()
            return True
        self.setStyleSheet("border: 2px solid #c62828;")
        return False


class NameEditor(InlineEditor):
    """Over a node's title: a rename is one undo step. Empty: the node shows its type again."""

    def __init__(self, view: GraphView, item: NodeItem) -> None:
        super().__init__(view, item)
        title = QRectF(0, 0, style.NODE_WIDTH, style.TITLE_HEIGHT)
        self.setGeometry(view.mapFromScene(item.mapToScene(title)).boundingRect())
        font = QFont(title_font())  # the title's, at the view's zoom
        font.setPointSizeF(max(8.0, TITLE_POINT_SIZE * item.title_scale * view.zoom))
        self.setFont(font)
        self.setText(item.node.name)
        self.setPlaceholderText(type_text(item.node.type))
        self.selectAll()

    def commit(self) -> bool:
        self._done = True
        scene, node_id = self.view.graph_scene, self.item.node.id
        name = self.text().strip()
        if node_id in scene.graph.nodes and name != scene.graph.nodes[node_id].name:
            scene.push(RenameCommand(scene.graph, node_id, name))
        self.finish()
        return True


def _exercise_click(view: GraphView, pos: QPoint) -> bool:
    from .exercise_answer import click  # it builds on InlineEditor, above

    return click(view, pos)


def _edit_text(item: NodeItem) -> str:
    import json

    value = item.param_value()
    if value is None:
        return "1"
    return json.dumps(value.tolist())
