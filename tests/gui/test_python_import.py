"""File ▸ Import Python… and formulas typed in the Tab search (issue 13 §1), with real key
events: the imported graph joins the document as one undo step; a refusal says where and why
and leaves the document as it was."""

from __future__ import annotations

import pytest
from code_snippets import MICROGRAD_README
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu

from nodeeditor.gui.main_window import MainWindow
from nodeeditor.gui.python_import import READABLE_ZOOM
from nodeeditor.gui.style import NODE_WIDTH
from nodeeditor.model import evaluate


def open_tab_search(qtbot, window: MainWindow, point: QPoint):
    QCursor.setPos(window.view.viewport().mapToGlobal(point))
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    assert window._search.isVisible()
    return window._search


def test_a_formula_typed_in_the_tab_search_is_built_at_the_cursor_as_one_undo_step(qtbot, window):
    point = QPoint(300, 250)
    popup = open_tab_search(qtbot, window, point)
    qtbot.keyClicks(popup.edit, "z = (x + y)**2")
    assert popup.note.isVisible() and not popup.list.isVisible()
    assert popup.note.text() == "Enter builds the formula here"
    qtbot.keyClick(popup.edit, Qt.Key.Key_Return)
    assert not popup.isVisible()
    graph = window.document.graph
    assert {n: node.type for n, node in graph.nodes.items()} == {
        "x": "Input", "y": "Input", "add1": "Add", "z": "Square", "out": "Output",
    }  # fmt: skip
    cursor = window.view.mapToScene(point)
    x = graph.nodes["x"].pos[0] + NODE_WIDTH / 2  # the first column is centred on the cursor
    assert x == cursor.x()
    assert window.document.undo_stack.undoText() == "Formula"
    assert window.document.undo_stack.count() == 1
    assert sorted(window.scene.selected_node_ids()) == sorted(graph.nodes)
    assert float(evaluate(graph).value("z")) == 4.0
    window.undo_action.trigger()
    assert len(graph) == 0
    window.redo_action.trigger()
    assert len(graph) == 5 and graph.edge_count == 4


def test_a_formula_that_cannot_be_built_says_why_and_adds_nothing(qtbot, window):
    popup = open_tab_search(qtbot, window, QPoint(200, 200))
    qtbot.keyClicks(popup.edit, "z = x % 2")
    assert "formula:1:5: the operator % is not supported" in popup.note.text()
    qtbot.keyClick(popup.edit, Qt.Key.Key_Return)
    assert popup.isVisible(), "the popup stays, so the formula can be mended"
    assert "the operator % is not supported" in window.statusBar().currentMessage()
    assert len(window.document.graph) == 0 and window.document.undo_stack.count() == 0
    for _ in range(len("% 2")):
        qtbot.keyClick(popup.edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(popup.edit, "* 2")
    qtbot.keyClick(popup.edit, Qt.Key.Key_Return)
    assert [n.type for n in window.document.graph.nodes.values()].count("Mul") == 1


def test_letters_still_search_node_types(qtbot, window):
    popup = open_tab_search(qtbot, window, QPoint(200, 200))
    qtbot.keyClicks(popup.edit, "tanh")
    assert popup.list.isVisible() and not popup.note.isVisible()
    qtbot.keyClick(popup.edit, Qt.Key.Key_Return)
    assert [n.type for n in window.document.graph.nodes.values()] == ["Tanh"]


def choose_import_from_the_file_menu(qtbot, window: MainWindow) -> None:
    """Alt+F, then I: the menu as a keyboard user opens it."""
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=3000)
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_I)


def test_file_import_python_adds_micrograds_graph_beside_the_lesson(qtbot, apples, tmp_path, monkeypatch):
    window = apples
    snippet = tmp_path / "readme.py"
    snippet.write_text(MICROGRAD_README, encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(snippet), ""))
    graph = window.document.graph
    before = {n: (node.type, node.pos) for n, node in graph.nodes.items()}
    right_edge = max(pos[0] for _, pos in before.values())
    choose_import_from_the_file_menu(qtbot, window)
    qtbot.waitUntil(lambda: len(graph) > len(before), timeout=3000)
    added = [n for n in graph.nodes if n not in before]
    assert len(added) == 34 and window.document.undo_stack.count() == 1
    assert all(graph.nodes[n].pos[0] > right_edge for n in added)
    assert {n: (node.type, node.pos) for n, node in graph.nodes.items() if n in before} == before
    result = evaluate(graph)
    assert round(float(result.value("g")), 4) == 24.7041
    assert round(float(result.grad("a")), 4) == 138.8338
    assert "Imported readme.py: 34 nodes" in window.statusBar().currentMessage()
    # Too long to frame at a size where the numbers are drawn: its start is shown readably.
    assert window.view.zoom == pytest.approx(READABLE_ZOOM)
    shown = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    for name in ("a", "b"):
        assert shown.contains(window.scene.node_items[name].sceneBoundingRect())
    window.undo_action.trigger()
    assert {n: (node.type, node.pos) for n, node in graph.nodes.items()} == before


def test_an_import_refused_is_one_dialog_in_the_interfaces_language(
    qtbot, window, dialogs, tmp_path, monkeypatch
):
    snippet = tmp_path / "loop.py"
    snippet.write_text("x = 1.0\nfor i in [1, 2]:\n    x = x * 2\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(snippet), ""))
    choose_import_from_the_file_menu(qtbot, window)
    qtbot.waitUntil(lambda: bool(dialogs.errors), timeout=3000)
    title, text = dialogs.errors[-1]
    assert title == "Cannot import the code"
    assert text.startswith("loop.py:2:1: a for loop is not supported: the code must be straight-line")
    assert len(window.document.graph) == 0 and window.document.undo_stack.count() == 0
    window.choose_language("ko")
    try:
        window.import_python_action.trigger()
        title, text = dialogs.errors[-1]
        assert title == "코드를 가져올 수 없습니다"
        assert text.startswith("loop.py:2:1: ") and "for 반복문" in text
    finally:
        window.choose_language("en")


def test_an_unreadable_file_is_refused_too(window, dialogs, tmp_path, monkeypatch):
    snippet = tmp_path / "latin1.py"
    snippet.write_bytes(b"x = 1.0 # caf\xe9\n")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(snippet), ""))
    window.import_python_action.trigger()
    assert dialogs.errors[-1][1] == "latin1.py:1: the code is not UTF-8 text (byte 14)"
    assert len(window.document.graph) == 0
    window.choose_language("ko")
    try:
        window.import_python_action.trigger()
        assert dialogs.errors[-1][1] == "latin1.py:1: 코드가 UTF-8 텍스트가 아닙니다(14번째 바이트)"
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(tmp_path), ""))
        window.import_python_action.trigger()
        assert dialogs.errors[-1][1] == f"{tmp_path.name}: 코드를 읽을 수 없습니다: 폴더입니다"
    finally:
        window.choose_language("en")


def test_ids_already_in_the_document_are_not_reused(qtbot, window, tmp_path, monkeypatch):
    snippet = tmp_path / "z.py"
    snippet.write_text("x = 2.0\nz = x * x\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(snippet), ""))
    window.import_python_action.trigger()
    window.import_python_action.trigger()
    graph = window.document.graph
    assert sorted(graph.nodes) == ["out", "out_2", "x", "x_2", "z", "z_2"]
    assert [node.name for node in graph.nodes.values()].count("x") == 2
    assert window.document.undo_stack.count() == 2
    positions = [node.pos for node in graph.nodes.values()]
    assert len(set(positions)) == len(positions)


def test_no_file_chosen_changes_nothing(window, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    window.import_python_action.trigger()
    assert len(window.document.graph) == 0 and window.document.undo_stack.count() == 0


def test_the_menu_has_the_action(window):
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "&Import Python…" in texts
