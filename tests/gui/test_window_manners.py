"""The window's manners with keys and messages: redo keys, and status messages that do not go stale."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from editing_kit import APPLES, at, move, open_graph, press, release, socket, status, wire
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from nodeeditor.gui import main_window
from nodeeditor.gui.files import example_path
from nodeeditor.gui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _undo_an_edit(qtbot, window: MainWindow) -> int:
    """Make one edit and undo it with Ctrl+Z; returns the stack index to redo back to."""
    stack = window.document.undo_stack
    assert window.scene.set_param("tax", "value", 1.2)
    done = stack.index()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert stack.index() == done - 1
    return done


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS redoes with Cmd+Shift+Z only")
def test_ctrl_y_redoes_where_the_platform_says_only_ctrl_shift_z(
    qtbot, make_window, tmp_path: Path, monkeypatch
) -> None:
    x11 = {QKeySequence.StandardKey.Redo: [QKeySequence("Ctrl+Shift+Z")]}  # what xcb on Linux gives
    real = QKeySequence.keyBindings
    monkeypatch.setattr(QKeySequence, "keyBindings", lambda key: x11.get(key) or real(key))
    window = make_window()
    path = tmp_path / "apples.bpgraph"
    path.write_bytes(example_path(APPLES).read_bytes())
    open_graph(window, path)
    assert window.redo_action.shortcuts()[0] == QKeySequence("Ctrl+Shift+Z")  # the menu shows it
    done = _undo_an_edit(qtbot, window)
    qtbot.keyClick(window.view, Qt.Key.Key_Y, CTRL)
    assert window.document.undo_stack.index() == done
    assert window.document.graph.nodes["tax"].params["value"] == 1.2


def test_keys_the_platform_adds_yield_to_our_own(qtbot, make_window, monkeypatch) -> None:
    x11 = {QKeySequence.StandardKey.Delete: [QKeySequence("Del"), QKeySequence("Ctrl+D")]}
    real = QKeySequence.keyBindings
    monkeypatch.setattr(QKeySequence, "keyBindings", lambda key: x11.get(key) or real(key))
    window = make_window()
    assert window.delete_action.shortcuts() == [QKeySequence("Del"), QKeySequence("Backspace")]
    assert window.duplicate_action.shortcuts() == [QKeySequence("Ctrl+D")]
    node = window.scene.add_node("Exp", window.view.mapToScene(200, 200))
    window.scene.node_items[node].setSelected(True)
    qtbot.keyClick(window.view, Qt.Key.Key_D, CTRL)
    assert len(window.document.graph.nodes) == 2


def test_ctrl_shift_z_redoes(qtbot, apples: MainWindow) -> None:
    done = _undo_an_edit(qtbot, apples)
    qtbot.keyClick(apples.view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert apples.document.undo_stack.index() == done


def test_the_menu_shows_the_platforms_own_redo_keys_first(apples: MainWindow) -> None:
    platform = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    shortcuts = apples.redo_action.shortcuts()
    assert shortcuts[: len(platform)] == platform  # the menu shows shortcuts()[0]
    if sys.platform != "darwin":
        assert QKeySequence("Ctrl+Y") in shortcuts


# -- status messages ----------------------------------------------------------------------------


def _refuse_a_cycle(qtbot, window: MainWindow) -> None:
    start = press(qtbot, window, socket(window, "mul_tax").scenePos())
    end = at(window, socket(window, "mul_apple", 0).scenePos())
    move(qtbot, window, start, end)
    release(qtbot, window, end)
    assert "cycle" in status(window)
    qtbot.wait(20)  # a student's next gesture comes in a later turn of the event loop


def test_a_refusal_goes_when_the_next_edit_succeeds(qtbot, apples: MainWindow) -> None:
    window = apples
    _refuse_a_cycle(qtbot, window)
    wire(qtbot, window, socket(window, "apple"), socket(window, "price", 0))  # replaces a wire: fine
    assert window.document.undo_stack.count() == 1
    assert "cycle" not in status(window)


def test_a_refusal_goes_on_undo(qtbot, apples: MainWindow) -> None:
    window = apples
    assert window.scene.set_param("tax", "value", 1.2)
    _refuse_a_cycle(qtbot, window)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert status(window) == ""


def test_a_message_said_with_its_action_stays(apples: MainWindow) -> None:
    """What an edit says about itself (e.g. "wire removed") is not wiped by that same edit."""
    window = apples
    window.show_message("replaced the wire")
    assert window.scene.set_param("tax", "value", 1.2)
    assert status(window) == "replaced the wire"


def test_a_message_expires(qtbot, apples: MainWindow, monkeypatch) -> None:
    monkeypatch.setattr(main_window, "MESSAGE_MS", 50)
    apples.show_message("hello")
    assert status(apples) == "hello"
    qtbot.waitUntil(lambda: status(apples) == "", timeout=2000)


# -- the window's title and the save prompt -----------------------------------------------------


def _menu_action(window: MainWindow, text: str):
    (found,) = [a for a in window.examples_menu.actions() if a.text() == text]
    return found


def test_an_opened_lesson_is_named_by_its_title_also_when_asked_to_save(window: MainWindow, dialogs) -> None:
    _menu_action(window, "Buying apples").trigger()
    assert window.windowTitle().startswith("Buying apples[*]")
    assert window.scene.set_param("tax", "value", 1.2)
    dialogs.answer = QMessageBox.StandardButton.Cancel
    window.new_file()
    assert dialogs.asked == ["Buying apples has unsaved changes. Save them?"]
    assert window.document.graph.nodes["tax"].params["value"] == 1.2  # cancelled: still here


def test_saving_a_lesson_offers_its_own_file_name(window: MainWindow, monkeypatch, tmp_path: Path) -> None:
    _menu_action(window, "Buying apples").trigger()
    offered = []

    def save_dialog(parent, caption, start, *args):
        offered.append(start)
        return str(tmp_path / "mine.bpgraph"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    assert window.save_as()
    assert Path(offered[0]).name == APPLES
    assert window.windowTitle().startswith("mine.bpgraph[*]")


def test_a_name_cannot_forge_the_modified_mark(qtbot, window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "a[*]b.bpgraph"
    path.write_bytes(example_path(APPLES).read_bytes())
    open_graph(window, path)
    assert window.windowHandle().title().startswith("a[*]b.bpgraph —")
    assert window.scene.set_param("tax", "value", 1.2)
    assert window.windowHandle().title().startswith("a[*]b.bpgraph* —")


def test_recent_files_show_an_ampersand(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "salt & pepper.bpgraph"
    path.write_bytes(example_path(APPLES).read_bytes())
    open_graph(window, path)
    window._fill_recent()
    assert window.recent_menu.actions()[0].text() == str(path.resolve()).replace("&", "&&")


def test_each_tab_group_of_docks_has_one_tab_bar_clear_of_the_status_bar(qtbot, tmp_path: Path) -> None:
    """Qt 6.11 made two tab bars for a second tab group formed before the window was shown;
    the stale one was drawn over the status bar until the event loop deleted it."""
    from PySide6.QtWidgets import QApplication, QDockWidget, QTabBar

    from nodeeditor.gui.files import Autosave

    window = MainWindow(autosave=Autosave(tmp_path / "autosave"))
    qtbot.addWidget(window)
    window.resize(1152, 720)
    window.open_example(example_path(APPLES))  # as `nodeeditor LESSON` does, before the window shows
    window.show()
    for _ in range(5):  # what a first frame, or a grab before the event loop runs, sees
        QApplication.processEvents()
    bars = [b for b in window.findChildren(QTabBar) if b.isVisible()]
    tabs = sorted(tuple(b.tabText(i) for i in range(b.count())) for b in bars)
    assert tabs == [
        ("Inspector", "Lesson", "Training"),
        ("Nodes", "Course"),
        ("Step through", "Gradient check"),
    ]
    assert not any(b.geometry().intersects(window.statusBar().geometry()) for b in bars)
    assert [b.tabText(b.currentIndex()) for b in bars if b.count() == 3] == ["Lesson"]  # still in front
    for b in bars:  # every tab's name whole, none cut short to "Inspec…"
        assert all(
            b.tabRect(i).width() > b.fontMetrics().horizontalAdvance(b.tabText(i)) for i in range(b.count())
        )
    steps = window.findChild(QDockWidget, "steps")
    assert [d.objectName() for d in window.tabifiedDockWidgets(steps)] == ["gradcheck"]


def test_view_code_opens_the_code_beside_the_step_through(qtbot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QDockWidget

    from nodeeditor.gui.files import Autosave

    window = MainWindow(autosave=Autosave(tmp_path / "autosave"))
    qtbot.addWidget(window)
    window.resize(1152, 720)
    window.open_example(example_path(APPLES))
    window.show()
    qtbot.waitExposed(window)
    code, steps = window.findChild(QDockWidget, "code"), window.findChild(QDockWidget, "steps")
    assert not code.isVisible()  # the graph first; the code is one menu entry away
    (entry,) = [a for a in window.menuBar().actions()[2].menu().actions() if a.text() == "Code"]
    entry.trigger()
    qtbot.waitUntil(lambda: "class MulLayer" in window.code.view.toPlainText(), timeout=3000)
    assert window.dockWidgetArea(code) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert code.geometry().left() >= steps.geometry().right()  # side by side: caption and line together
    assert steps.isVisible() and not window.tabifiedDockWidgets(code)
    qtbot.waitUntil(lambda: code.height() >= 200 and window.view.viewport().height() > 200)
