"""Exercises in the window: a teacher hides numbers, a student predicts them with real clicks and
keys, hints, showing the answers, and every view keeping a hidden number hidden."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from editing_kit import LEFT, at, open_graph, settle, type_into
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from nodeeditor.gui.exercise_answer import AnswerEditor
from nodeeditor.gui.files import example_path
from nodeeditor.model import Edge, load

SEED = "03_add_square.bpgraph"  # z = (x + y)²: x = 2, y = 1, t = 3, z = 9; every gradient 6
XT, TZ = Edge("x", "t", 0), Edge("t", "z", 0)


def exercise_file(tmp_path: Path, hidden: list[dict], **more) -> Path:
    doc = json.loads(example_path(SEED).read_text(encoding="utf-8"))
    doc["version"] = 2
    doc["exercise"] = {"hidden": hidden, **more}
    path = tmp_path / "exercise.bpgraph"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def opened(window, path: Path, qtbot):
    open_graph(window, path)
    settle(qtbot, window)
    window.scene.arrange_labels()
    return window


@pytest.fixture
def x_grad(window, tmp_path, qtbot):
    """The seed lesson with ∂L/∂x hidden."""
    return opened(window, exercise_file(tmp_path, [{"node": "x", "what": "grad"}]), qtbot)


@pytest.fixture
def t_value(window, tmp_path, qtbot):
    """The seed lesson with t's value (3, a number nothing else shows) hidden."""
    return opened(window, exercise_file(tmp_path, [{"node": "t", "what": "value"}]), qtbot)


def label_point(window, edge: Edge, what: str) -> QPoint:
    item = window.scene.edge_items[(edge.dst, edge.port)]
    value, grad = item.label_rects(texts=item.texts())
    return at(window, (value if what == "value" else grad).center())


def texts(window, edge: Edge) -> tuple[str, str]:
    return window.scene.edge_items[(edge.dst, edge.port)].texts()


def click_label(qtbot, window, edge: Edge, what: str) -> AnswerEditor:
    qtbot.mouseClick(window.view.viewport(), LEFT, pos=label_point(window, edge, what))
    editor = window.view._editor
    assert isinstance(editor, AnswerEditor) and editor.isVisible(), "clicking a ? opens the answer box"
    return editor


def answer(qtbot, editor: AnswerEditor, text: str) -> None:
    type_into(qtbot, editor, text)


# -- the teacher --------------------------------------------------------------------------------


def right_click(window, scene_pos: QPointF) -> None:
    point = at(window, scene_pos)
    viewport = window.view.viewport()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)


def choose(qtbot, menu, text: str) -> None:
    action = next(a for a in menu.actions() if a.text().replace("&", "") == text)
    qtbot.mouseClick(menu, LEFT, pos=menu.actionGeometry(action).center())


def test_hide_a_gradient_from_the_context_menu_save_it_and_undo_it(window, qtbot, tmp_path) -> None:
    path = tmp_path / "seed.bpgraph"
    path.write_bytes(example_path(SEED).read_bytes())
    opened(window, path, qtbot)
    assert texts(window, XT) == ("2", "6")
    wire = window.scene.edge_items[("t", 0)]
    right_click(window, wire.path.pointAtPercent(0.5))
    menu = window.view._context_menu
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    choose(qtbot, menu, "Hide Gradient")
    settle(qtbot, window)
    assert texts(window, XT) == ("2", "?")
    assert window.isWindowModified()
    window.save()
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["version"] == 2
    assert saved["exercise"]["hidden"] == [{"edge": {"from": "x", "to": "t", "port": 0}, "what": "grad"}]
    assert saved["exercise"]["tolerance"] == {"rtol": 0.001, "atol": 0.0}
    window.undo_action.trigger()
    settle(qtbot, window)
    assert texts(window, XT) == ("2", "6") and window.document.graph.exercise is None
    window.redo_action.trigger()
    settle(qtbot, window)
    assert texts(window, XT) == ("2", "?")


def test_hide_all_gradients_from_the_exercise_menu(window, qtbot, tmp_path) -> None:
    path = tmp_path / "seed.bpgraph"
    path.write_bytes(example_path(SEED).read_bytes())
    opened(window, path, qtbot)
    window.exercise_menu.actions["hide_all"].trigger()
    settle(qtbot, window)
    grads = {key: item.texts()[1] for key, item in window.scene.edge_items.items()}
    assert grads == {("t", 0): "?", ("t", 1): "?", ("z", 0): "?", ("out", 0): "1"}  # the seed stays
    window.save()
    assert len(load(path).exercise.blanks) == 3


# -- the student ----------------------------------------------------------------------------------


def test_a_wrong_then_a_right_prediction_with_clicks_and_keys(x_grad, qtbot) -> None:
    window = x_grad
    assert texts(window, XT) == ("2", "?")
    editor = click_label(qtbot, window, XT, "grad")
    assert editor.placeholderText() == "∂L/∂x = ?"
    answer(qtbot, editor, "5")
    assert editor.isVisible() and "✗" in editor.note.text()
    assert texts(window, XT) == ("2", "? ✗")
    answer(qtbot, editor, "6.004")  # within the default relative tolerance of 1e-3
    settle(qtbot, window)
    assert window.view._editor is None
    assert texts(window, XT) == ("2", "6 ✓")
    assert window.statusBar().currentMessage() == "✓ Right: ∂L/∂x = 6 (1 of 1 done)"
    window.save_to(Path(window.document.path))
    saved = json.loads(Path(window.document.path).read_text(encoding="utf-8"))
    assert saved["exercise"]["answers"] == [{"node": "x", "what": "grad", "answer": 6.004, "tries": 2}]


def test_text_and_shapes_that_are_no_prediction_are_not_counted(x_grad, qtbot) -> None:
    window = x_grad
    editor = click_label(qtbot, window, XT, "grad")
    answer(qtbot, editor, "six")
    assert "Not a number" in editor.note.text() and "six" in editor.note.text()
    answer(qtbot, editor, "[6, 6]")
    assert "single number" in editor.note.text()
    answer(qtbot, editor, "__import__('os').system('true')")
    assert "Not a number" in editor.note.text()
    assert window.document.graph.exercise.answers == {}  # no try used up
    assert texts(window, XT) == ("2", "?")


def test_the_hint_comes_after_three_wrong_tries(x_grad, qtbot) -> None:
    window = x_grad
    editor = click_label(qtbot, window, XT, "grad")
    for wrong in ("1", "2"):
        answer(qtbot, editor, wrong)
        assert "Hint" not in editor.note.text()
    answer(qtbot, editor, "3")
    assert editor.note.text().startswith("✗ 3 is not ∂L/∂x. Try again (try 3).\nHint")
    assert editor.note.text().endswith("∂L/∂x = ∂L/∂t · 1 = 6 × 1 = ?")


def test_the_hint_on_request(x_grad, qtbot) -> None:
    window = x_grad
    editor = click_label(qtbot, window, XT, "grad")
    qtbot.mouseClick(editor.hint_button, LEFT)
    qtbot.waitUntil(editor.hasFocus, timeout=2000)  # asking for a hint keeps the box open
    assert window.view._editor is editor
    assert editor.note.text().endswith("∂L/∂x = ∂L/∂t · 1 = 6 × 1 = ?")


def test_show_answers_asks_first_and_the_file_records_it(x_grad, qtbot, dialogs) -> None:
    window = x_grad
    dialogs.answer = QMessageBox.StandardButton.Cancel
    window.exercise_menu.actions["show_answers"].trigger()
    settle(qtbot, window)
    assert len(dialogs.asked) == 1 and "record" in dialogs.asked[0]
    assert texts(window, XT) == ("2", "?")
    dialogs.answer = QMessageBox.StandardButton.Yes
    window.exercise_menu.actions["show_answers"].trigger()
    settle(qtbot, window)
    assert texts(window, XT) == ("2", "6")
    window.undo_action.trigger()  # showing them cannot be taken back
    settle(qtbot, window)
    assert window.document.graph.exercise.answers_shown
    window.save_to(Path(window.document.path))
    assert (
        json.loads(Path(window.document.path).read_text(encoding="utf-8"))["exercise"]["answers_shown"]
        is True
    )


# -- every view keeps a hidden number hidden ----------------------------------------------------


def test_wire_labels_and_tooltips(t_value, qtbot) -> None:
    window = t_value
    assert texts(window, TZ) == ("?", "6")
    tip = window.scene.edge_items[("z", 0)].tooltip_text()
    assert "<pre style='margin:0'>?</pre>" in tip and "<pre style='margin:0'>3</pre>" not in tip


def test_inspector(t_value, qtbot) -> None:
    window = t_value
    window.scene.node_items["t"].setSelected(True)
    inspector = window.inspector
    inspector.refresh()
    assert inspector.value_label.text() == "t = ?"
    assert inspector.forward_label.text() == "t = x + y = 2 + 1 = ?"
    window.scene.clearSelection()
    window.scene.node_items["z"].setSelected(True)
    inspector.refresh()
    assert "3" not in inspector.forward_label.text() + inspector.chain_label.text()


def test_step_through_captions(t_value, qtbot) -> None:
    window = t_value
    panel = window.steps
    captions = []
    while panel.next_step():
        captions.append(panel.caption.text())
    assert "t = x + y = 2 + 1 = ?" in captions
    assert not any("3" in c for c in captions)


def test_gradient_check(x_grad, qtbot) -> None:
    window = x_grad
    window.gradcheck.run()
    table = window.gradcheck.table
    rows = {
        table.item(r, 0).text(): [table.item(r, c).text() for c in range(1, 4)]
        for r in range(table.rowCount())
    }
    assert rows["x"] == ["?", "?", "?"]
    assert rows["y"][0] == "6"


def test_exported_pictures(t_value, qtbot, tmp_path) -> None:
    from nodeeditor.gui.export import export_scene

    svg = tmp_path / "t.svg"
    export_scene(t_value.scene, svg)
    text = svg.read_text(encoding="utf-8")
    assert ">?<" in text and ">3<" not in text


def test_the_code_dock_and_export_as_python(x_grad, qtbot, tmp_path, monkeypatch) -> None:
    """Running the textbook code would print every gradient: it waits until the exercise is done."""
    from PySide6.QtWidgets import QDockWidget, QFileDialog

    window = x_grad
    dock = window.findChild(QDockWidget, "code")
    dock.show()
    dock.raise_()
    qtbot.waitUntil(lambda: "exercise" in window.code.view.toPlainText(), timeout=3000)
    assert window.code.code is None and "backward" not in window.code.view.toPlainText()
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(a) or ("", ""))
    window.export_python_action.trigger()
    assert asked == [] and "exercise" in window.statusBar().currentMessage()
    answer(qtbot, click_label(qtbot, window, XT, "grad"), "6")  # every number answered: it comes back
    qtbot.waitUntil(lambda: "def backward(self, dout)" in window.code.view.toPlainText(), timeout=3000)


def test_the_clipboard(window, qtbot, tmp_path) -> None:
    opened(window, exercise_file(tmp_path, [{"node": "x", "what": "value"}]), qtbot)
    item = window.scene.node_items["x"]
    assert item.param_text() == "?"
    item.setSelected(True)
    QGuiApplication.clipboard().clear()
    assert not window.copy()
    assert "hidden number" in window.statusBar().currentMessage()
    assert QGuiApplication.clipboard().text() == ""
    window.inspector.refresh()
    assert window.inspector.param_edit.text() == "?" and not window.inspector.param_edit.isEnabled()


def test_clicking_a_hidden_input_value_asks_for_a_prediction(window, qtbot, tmp_path) -> None:
    opened(window, exercise_file(tmp_path, [{"node": "x", "what": "value"}]), qtbot)
    item = window.scene.node_items["x"]
    point = at(window, item.mapToScene(item.param_rect().center()))
    qtbot.mouseClick(window.view.viewport(), LEFT, pos=point)
    editor = window.view._editor
    assert isinstance(editor, AnswerEditor) and editor.text() == ""
    answer(qtbot, editor, "2")
    settle(qtbot, window)
    assert item.param_text() == "2"


def test_the_loss_plot(window, qtbot, tmp_path) -> None:
    opened(window, exercise_file(tmp_path, [{"node": "z", "what": "value"}]), qtbot)
    window.document.graph.set_extra("x", "trainable", True)
    settle(qtbot, window)
    assert window.training.step()
    settle(qtbot, window)
    assert window.training.losses == [] and window.training.plot.caption == ""


def test_escape_leaves_the_box_without_a_try(x_grad, qtbot) -> None:
    editor = click_label(qtbot, x_grad, XT, "grad")
    qtbot.keyClicks(editor, "7")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert x_grad.view._editor is None and x_grad.document.graph.exercise.answers == {}


def test_in_korean_the_menu_the_box_and_its_advice(x_grad, qtbot, qapp) -> None:
    from nodeeditor.gui.i18n import install_translators, set_chosen_language

    window = x_grad
    try:
        window.choose_language("ko")
        qtbot.waitUntil(lambda: window.menuBar().actions()[0].text() == "파일(&F)", timeout=3000)
        assert window.exercise_menu.actions["hide_grad"].text() == "기울기 숨기기(&G)"
        editor = click_label(qtbot, window, XT, "grad")
        answer(qtbot, editor, "[1, 2]")
        assert editor.note.text() == "이 값은 숫자 하나입니다: 6 또는 -0.5처럼 입력하세요."
        answer(qtbot, editor, "5")
        assert editor.note.text().startswith("✗ 5은(는) ∂L/∂x이(가) 아닙니다.")
    finally:
        set_chosen_language("system")
        install_translators(qapp, "en")


def write_exercise(tmp_path: Path, nodes: list[dict], edges: list[dict], hidden: list[dict]) -> Path:
    doc = {"format": "nodeeditor-graph", "version": 2, "nodes": nodes, "edges": edges,
           "exercise": {"hidden": hidden}}  # fmt: skip
    path = tmp_path / "own.bpgraph"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_a_fan_out_gradient_is_answered_at_its_sum(window, qtbot, tmp_path) -> None:
    nodes = [{"id": "x", "type": "Input", "value": 3.0, "name": "x"}, {"id": "m", "type": "Mul"},
             {"id": "out", "type": "Output"}]  # fmt: skip
    edges = [{"from": "x", "to": "m", "port": 0}, {"from": "x", "to": "m", "port": 1},
             {"from": "m", "to": "out", "port": 0}]  # fmt: skip
    opened(window, write_exercise(tmp_path, nodes, edges, [{"node": "x", "what": "grad"}]), qtbot)
    item = window.scene.node_items["x"]
    assert item._sum_text() == "Σ ?"
    assert texts(window, Edge("x", "m", 0))[1] == "?" and texts(window, Edge("x", "m", 1))[1] == "?"
    qtbot.mouseClick(
        window.view.viewport(), LEFT, pos=at(window, item.mapRectToScene(item.sum_rect()).center())
    )
    editor = window.view._editor
    assert isinstance(editor, AnswerEditor) and editor.placeholderText() == "∂L/∂x = ?"
    answer(qtbot, editor, "6")
    settle(qtbot, window)
    assert item._sum_text() == "Σ 6 ✓"
    assert texts(window, Edge("x", "m", 0))[1] == "3"  # the terms show once their sum is known


def test_a_vector_prediction(window, qtbot, tmp_path) -> None:
    nodes = [{"id": "v", "type": "Input", "value": [1.0, 2.0], "name": "v"}, {"id": "s", "type": "Square"},
             {"id": "out", "type": "Output"}]  # fmt: skip
    edges = [{"from": "v", "to": "s", "port": 0}, {"from": "s", "to": "out", "port": 0}]
    opened(window, write_exercise(tmp_path, nodes, edges, [{"node": "v", "what": "grad"}]), qtbot)
    wire = Edge("v", "s", 0)
    assert texts(window, wire)[1] == "[2] ?"
    editor = click_label(qtbot, window, wire, "grad")
    answer(qtbot, editor, "4")
    assert editor.note.text() == "This number is a vector of 2: type it like [1, 2, 3]."
    answer(qtbot, editor, "[2, 4]")
    settle(qtbot, window)
    assert texts(window, wire)[1] == "[2] 2, 4 ✓"


def test_the_tolerance_is_an_undoable_edit(x_grad, qtbot, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    window = x_grad
    monkeypatch.setattr(QInputDialog, "getDouble", lambda *args, **kwargs: (0.1, True))
    window.exercise_menu.actions["tolerance"].trigger()
    assert window.document.graph.exercise.rtol == 0.1
    editor = click_label(qtbot, window, XT, "grad")
    answer(qtbot, editor, "6.5")  # within 10% of 6
    settle(qtbot, window)
    assert texts(window, XT) == ("2", "6 ✓")
    window.undo_action.trigger()  # the answer
    window.undo_action.trigger()  # the tolerance
    settle(qtbot, window)
    assert window.document.graph.exercise.rtol == 0.001


def test_the_box_takes_its_button_and_note_with_it(x_grad, qtbot) -> None:
    from PySide6.QtWidgets import QLabel, QToolButton

    window = x_grad
    viewport = window.view.viewport()
    before = len(viewport.findChildren(QToolButton)) + len(viewport.findChildren(QLabel))
    for _ in range(3):
        editor = click_label(qtbot, window, XT, "grad")
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(
        lambda: len(viewport.findChildren(QToolButton)) + len(viewport.findChildren(QLabel)) == before
    )
