"""Shared by the chain-rule window tests (paths, targets, forward mode, their steps): the seed
lesson opened from a copy, and a right-click on a node that returns the menu it opened."""

from __future__ import annotations

from editing_kit import LEFT, at, open_graph, title_point
from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu

from nodeeditor.gui.files import example_path
from nodeeditor.gui.main_window import MainWindow

SEED = "03_add_square.bpgraph"  # x, y → t = x + y → z = t² → out
RIGHT = Qt.MouseButton.RightButton


def open_seed(window: MainWindow, tmp_path) -> MainWindow:
    path = tmp_path / "seed.bpgraph"
    path.write_bytes(example_path(SEED).read_bytes())
    open_graph(window, path)
    window.document.evaluate_now()
    return window


def right_click(qtbot, window: MainWindow, node_id: str) -> QMenu:
    """A right-click on the node's title: the press (which selects it) and the context-menu
    event the platform sends with it; returns the menu that opened."""
    point = at(window, title_point(window, node_id))
    viewport = window.view.viewport()
    qtbot.mousePress(viewport, RIGHT, pos=point)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    qtbot.mouseRelease(viewport, RIGHT, pos=point)
    menu = window.chain.menu
    assert menu is not None
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    return menu


def choose(qtbot, menu: QMenu, text: str) -> None:
    """Click the menu entry whose text (without its mnemonic) is ``text``."""
    for action in menu.actions():
        if action.text().replace("&", "") == text:
            assert action.isEnabled(), text
            qtbot.mouseClick(menu, LEFT, pos=menu.actionGeometry(action).center())
            return
    raise AssertionError(f"no {text!r} in {[a.text() for a in menu.actions()]}")
