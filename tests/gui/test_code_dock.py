"""The Code dock and File ▸ Export as Python…, as a student uses them: the code follows the
selection and the step-through, a click on a line selects its node, an edit updates it."""

# ruff: noqa: F811  (the fixtures imported from panels_kit are parameters below)
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from panels_kit import korean, open_example, student  # noqa: F401
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDockWidget, QFileDialog

from nodeeditor.gui import code_dock
from nodeeditor.gui.main_window import MainWindow

APPLES = "04_buying_apples.bpgraph"


def show_code(qtbot, window: MainWindow) -> code_dock.CodeDock:
    dock = window.findChild(QDockWidget, "code")
    dock.show()
    dock.raise_()
    qtbot.waitUntil(lambda: bool(window.code.code and window.code.view.toPlainText()), timeout=3000)
    return window.code


def line_of(dock: code_dock.CodeDock, start: str) -> int:
    (found,) = [i for i, line in enumerate(dock.view.toPlainText().splitlines()) if line.startswith(start)]
    return found


def click_line(qtbot, dock: code_dock.CodeDock, line: int) -> None:
    block = dock.view.document().findBlockByNumber(line)
    dock.view.setTextCursor(QTextCursor(block))
    dock.view.ensureCursorVisible()
    rect = dock.view.cursorRect(QTextCursor(block))
    qtbot.mouseClick(dock.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def marked(dock: code_dock.CodeDock, color) -> list[int]:
    return sorted(
        s.cursor.blockNumber() for s in dock.view.extraSelections() if s.format.background().color() == color
    )


def click_node(qtbot, window: MainWindow, node_id: str) -> None:
    item = window.scene.node_items[node_id]
    window.view.centerOn(item)
    title = item.mapToScene(item.boundingRect().center().x(), item.boundingRect().top() + 8)
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=window.view.mapFromScene(title))


def test_clicking_a_line_selects_its_node(qtbot, student: MainWindow) -> None:
    open_example(student, APPLES)
    dock = show_code(qtbot, student)
    click_line(qtbot, dock, line_of(dock, "mul_tax = mul_tax_layer.forward("))
    assert student.scene.selected_node_ids() == ["mul_tax"]
    click_line(qtbot, dock, line_of(dock, "dapple_price, dapples = mul_apple_layer.backward("))
    assert student.scene.selected_node_ids() == ["mul_apple"]
    click_line(qtbot, dock, line_of(dock, "import numpy"))  # a line of no node: nothing changes
    assert student.scene.selected_node_ids() == ["mul_apple"]


def test_selecting_a_node_highlights_its_forward_and_backward_lines(qtbot, student: MainWindow) -> None:
    open_example(student, APPLES)
    dock = show_code(qtbot, student)
    click_node(qtbot, student, "mul_apple")
    assert student.scene.selected_node_ids() == ["mul_apple"]
    lines = marked(dock, code_dock.SELECTED)
    assert lines == [
        line_of(dock, "mul_apple_layer = MulLayer()"),
        line_of(dock, "mul_apple = mul_apple_layer.forward("),
        line_of(dock, "dapple_price, dapples = mul_apple_layer.backward("),
    ]
    student.scene.clearSelection()
    assert marked(dock, code_dock.SELECTED) == []


def test_the_step_through_highlights_the_line_it_runs(qtbot, student: MainWindow) -> None:
    open_example(student, APPLES)
    dock = show_code(qtbot, student)
    seen = []
    for _ in range(len(student.document.graph) * 2):
        qtbot.mouseClick(student.steps.next_button, Qt.MouseButton.LeftButton)
        step = student.steps.steps[student.steps.index]
        (line,) = marked(dock, code_dock.STEPPING)
        seen.append((step.phase, step.node_id, dock.view.toPlainText().splitlines()[line]))
    assert ("forward", "mul_tax", "mul_tax = mul_tax_layer.forward(mul_apple, tax)") in seen
    assert ("backward", "mul_tax", "dmul_apple, dtax = mul_tax_layer.backward(dmul_tax)") in seen
    assert ("backward", "price", "dmul_tax = price_layer.backward(dprice)") in seen
    qtbot.mouseClick(student.steps.reset_button, Qt.MouseButton.LeftButton)
    assert marked(dock, code_dock.STEPPING) == []


def test_an_edit_updates_the_code(qtbot, student: MainWindow) -> None:
    open_example(student, APPLES)
    dock = show_code(qtbot, student)
    assert "apples = np.float64(2.0)" in dock.view.toPlainText()
    student.scene.set_param("num", "value", 3.0)
    qtbot.waitUntil(lambda: "apples = np.float64(3.0)" in dock.view.toPlainText(), timeout=3000)
    student.document.undo_stack.undo()
    qtbot.waitUntil(lambda: "apples = np.float64(2.0)" in dock.view.toPlainText(), timeout=3000)
    student.scene.graph.set_name("tax", "세금")
    qtbot.waitUntil(lambda: "세금 = np.float64(1.1)" in dock.view.toPlainText(), timeout=3000)


def test_export_as_python_writes_code_that_runs(
    qtbot, student: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    open_example(student, APPLES)
    out = tmp_path / "apples.py"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    student.export_python_action.trigger()
    ran = subprocess.run([sys.executable, "-I", str(out)], capture_output=True, text=True, check=True)
    assert "dL/d(apple price) = 2.2" in ran.stdout


def test_export_failure_is_said_and_nothing_is_written(
    qtbot, student: MainWindow, tmp_path: Path, monkeypatch, dialogs
) -> None:
    open_example(student, APPLES)
    out = tmp_path / "missing" / "apples.py"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    student.export_python_action.trigger()
    assert not out.parent.exists()
    assert any("the folder does not exist" in text for _, text in dialogs.errors), dialogs.errors


def test_the_dock_speaks_korean(qtbot, student: MainWindow) -> None:
    open_example(student, APPLES)
    dock = show_code(qtbot, student)
    with korean(qtbot):
        assert student.findChild(QDockWidget, "code").windowTitle() == "코드"
        assert "클릭" in dock.hint.text()
        assert student.export_python_action.text() == "Python으로 내보내기(&P)…"


def test_a_burst_of_edits_makes_the_code_once_and_a_hidden_dock_never(
    qtbot, student: MainWindow, monkeypatch
) -> None:
    """Scrubbing a value sends an edit per mouse move: the code waits for the last one."""
    open_example(student, APPLES)
    dock = show_code(qtbot, student)
    made = []
    real = code_dock.CodeDock.code_for
    counting = lambda self, scene: made.append(1) or real(self, scene)  # noqa: E731
    monkeypatch.setattr(code_dock.CodeDock, "code_for", counting)
    for k in range(20):
        student.scene.set_param("num", "value", 2.0 + k / 10, merge_key="scrub")
        qtbot.wait(5)
    assert made == []
    qtbot.waitUntil(lambda: "apples = np.float64(3.9)" in dock.view.toPlainText(), timeout=3000)
    assert made == [1]
    student.findChild(QDockWidget, "code").hide()  # View ▸ Code unticked
    qtbot.waitUntil(lambda: dock.visibleRegion().isEmpty(), timeout=1000)
    student.scene.set_param("num", "value", 5.0)
    qtbot.wait(code_dock.DELAY_MS * 2)
    assert made == [1]
    student.findChild(QDockWidget, "code").show()
    qtbot.waitUntil(lambda: "apples = np.float64(5.0)" in dock.view.toPlainText(), timeout=3000)
    assert made == [1, 1]
