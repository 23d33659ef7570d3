"""Gestures for the GUI tests: real mouse, key and drag-and-drop events on a MainWindow.

Positions are given in scene coordinates and mapped to the view's viewport,
so a test says "press on this socket" and the event lands where a student's
pointer would.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QTransform, QWheelEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from nodeeditor.gui import style
from nodeeditor.gui.main_window import MainWindow
from nodeeditor.gui.palette import TYPE_ROLE
from nodeeditor.gui.socket_item import SocketItem

LEFT = Qt.MouseButton.LeftButton
APPLES = "04_buying_apples.bpgraph"
PRICE_UNDEFINED = ("—", "—")  # a wire whose value cannot be computed


class Dialogs:
    """Stands in for QMessageBox's modal dialogs: records them, answers ``answer``."""

    def __init__(self) -> None:
        self.answer = QMessageBox.StandardButton.Discard
        self.asked: list[str] = []
        self.errors: list[tuple[str, str]] = []

    def question(self, parent, title, text, *args, **kwargs):
        self.asked.append(text)
        return self.answer

    def critical(self, parent, title, text, *args, **kwargs):
        self.errors.append((title, text))
        return QMessageBox.StandardButton.Ok


def open_graph(window: MainWindow, path: Path) -> None:
    """Open ``path`` at zoom 1 exactly (one pixel, one scene unit), centred on the nodes."""
    assert window.open_path(path)
    window.view.setTransform(QTransform())
    window.view.centerOn(window.scene.nodes_rect().center())


def write_graph(path: Path, nodes: list[dict], edges: list[dict] = ()) -> Path:
    doc = {"format": "nodeeditor-graph", "version": 1, "nodes": nodes, "edges": list(edges)}
    path.write_text(json.dumps(doc))
    return path


def settle(qtbot, window: MainWindow) -> None:
    """Let the document's coalesced evaluation run, as the event loop would."""
    qtbot.waitUntil(lambda: not window.document.evaluation_pending, timeout=2000)


def at(window: MainWindow, scene_pos: QPointF) -> QPoint:
    point = window.view.mapFromScene(scene_pos)
    assert window.view.viewport().rect().contains(point), "the gesture must happen in sight"
    return point


def socket(window: MainWindow, node_id: str, port: int | None = None) -> SocketItem:
    item = window.scene.node_items[node_id]
    return item.output if port is None else item.inputs[port]  # type: ignore[return-value]


def title_point(window: MainWindow, node_id: str) -> QPointF:
    return window.scene.node_items[node_id].mapToScene(QPointF(style.NODE_WIDTH / 2, style.TITLE_HEIGHT / 2))


def param_point(window: MainWindow, node_id: str) -> QPointF:
    item = window.scene.node_items[node_id]
    return item.mapToScene(item.param_rect().center())


def press(qtbot, window: MainWindow, scene_pos: QPointF) -> QPoint:
    point = at(window, scene_pos)
    qtbot.mousePress(window.view.viewport(), LEFT, pos=point)
    return point


def move(qtbot, window: MainWindow, start: QPoint, end: QPoint, steps: int = 4) -> None:
    for i in range(1, steps + 1):
        qtbot.mouseMove(window.view.viewport(), start + (end - start) * (i / steps))


def release(qtbot, window: MainWindow, point: QPoint) -> None:
    qtbot.mouseRelease(window.view.viewport(), LEFT, pos=point)


def drag(qtbot, window: MainWindow, start: QPointF, end: QPointF | QPoint) -> None:
    """Press at ``start`` (scene), move in steps, release at ``end`` (scene, or a viewport point)."""
    a = press(qtbot, window, start)
    b = end if isinstance(end, QPoint) else at(window, end)
    move(qtbot, window, a, b)
    release(qtbot, window, b)


def wire(qtbot, window: MainWindow, a: SocketItem, b: SocketItem) -> None:
    drag(qtbot, window, a.scenePos(), b.scenePos())


def empty_point(window: MainWindow) -> QPoint:
    """A point of the viewport with no item under it."""
    view = window.view
    rect = view.viewport().rect()
    for y in range(20, rect.height() - 20, 37):
        for x in range(20, rect.width() - 20, 37):
            area = view.mapToScene(x - 25, y - 25, 50, 50).boundingRect()
            if not view.scene().items(area):
                return QPoint(x, y)
    raise AssertionError("no empty spot on the canvas")


def double_click(qtbot, widget, point: QPoint) -> None:
    """What a real double-click delivers: press, release, double-click, release."""
    qtbot.mousePress(widget, LEFT, pos=point)
    qtbot.mouseRelease(widget, LEFT, pos=point)
    qtbot.mouseDClick(widget, LEFT, pos=point)
    qtbot.mouseRelease(widget, LEFT, pos=point)


def labels(window: MainWindow, dst: str, port: int) -> tuple[str, str]:
    return window.scene.edge_items[(dst, port)].texts()


def status(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def double_click_param(qtbot, window: MainWindow, node_id: str):
    double_click(qtbot, window.view.viewport(), at(window, param_point(window, node_id)))
    editor = window.view._editor
    assert editor is not None and editor.isVisible(), "double-clicking the value opens its editor"
    return editor


def type_into(qtbot, editor, text: str) -> None:
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def palette_item(window: MainWindow, type_name: str):
    lst = window.palette.list
    return next(lst.item(i) for i in range(lst.count()) if lst.item(i).data(TYPE_ROLE) == type_name)


def _drag_event(event_type, point: QPoint, *args):
    """PySide6 6.12 takes the position as QPointF and deprecates QPoint; 6.11 (Python <= 3.11) has
    only the QPoint form."""
    try:
        return event_type(QPointF(point), *args)
    except TypeError:
        return event_type(point, *args)


def send_drop(window: MainWindow, mime: QMimeData, point: QPoint) -> list[bool]:
    """Drag enter, move and drop on the viewport; whether each was accepted."""
    vp = window.view.viewport()
    copy, none = Qt.DropAction.CopyAction, Qt.KeyboardModifier.NoModifier
    events = [
        _drag_event(QDragEnterEvent, point, copy, mime, LEFT, none),
        _drag_event(QDragMoveEvent, point, copy, mime, LEFT, none),
        QDropEvent(QPointF(point), copy, mime, LEFT, none),
    ]
    accepted = []
    for event in events:
        event.setAccepted(False)
        QApplication.sendEvent(vp, event)
        accepted.append(event.isAccepted())
    return accepted


def wheel(window: MainWindow, point: QPoint, notches: int, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    pos = QPointF(point)
    event = QWheelEvent(
        pos,
        QPointF(window.view.viewport().mapToGlobal(point)),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(window.view.viewport(), event)


def edit_sequence(qtbot, window: MainWindow, snapshot) -> str:
    """Add, wire, move and edit by hand, calling ``snapshot`` after each; returns the new node's id."""
    graph = window.document.graph
    # Add: an Exp dropped from the palette.
    mime = window.palette.list.mimeData([palette_item(window, "Exp")])
    send_drop(window, mime, at(window, QPointF(620, 250)))
    (exp,) = [n for n in graph.nodes if graph.nodes[n].type == "Exp"]
    snapshot()
    # Wire: tax into the Exp.
    wire(qtbot, window, socket(window, "tax"), socket(window, exp, 0))
    snapshot()
    # Move: drag the Exp by its title.
    drag(qtbot, window, title_point(window, exp), title_point(window, exp) + QPointF(60, 20))
    snapshot()
    # Edit: type a new tax rate.
    type_into(qtbot, double_click_param(qtbot, window, "tax"), "1.5")
    snapshot()
    return exp


def shown_text(tooltip: str):
    """A tooltip as Qt shows it (a QLabel with automatic text format): its document.

    ``.toPlainText()`` is what the student reads; ``.toHtml()`` has an ``<img`` only if
    the tooltip asked Qt to load an image."""
    from PySide6.QtGui import Qt as QtGuiQt
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    if QtGuiQt.mightBeRichText(tooltip):
        doc.setHtml(tooltip)
    else:
        doc.setPlainText(tooltip)
    return doc
