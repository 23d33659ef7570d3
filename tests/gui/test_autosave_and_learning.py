"""Autosave and recovery, and the learning panels, driven as a student would."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtWidgets import QMessageBox

from nodeeditor.gui.files import Autosave, example_path, load_graph, save_graph
from nodeeditor.gui.main_window import MainWindow
from nodeeditor.model import dumps
from nodeeditor.model.steps import BACKWARD, FORWARD


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:
    w = MainWindow(autosave=Autosave(tmp_path / "autosave"))
    qtbot.addWidget(w)
    w.ask_unsaved = lambda title: __import__("PySide6.QtWidgets").QtWidgets.QMessageBox.StandardButton.Discard
    return w


def test_autosave_writes_unsaved_work_and_a_crashed_session_is_offered(
    window: MainWindow, tmp_path: Path
) -> None:
    window.open_path(example_path("04_buying_apples.bpgraph"))
    window.scene.set_param("tax", "value", np.asarray(1.2))
    window.write_autosave()
    assert window.autosave.path.exists()
    # A second session sees no orphan while the first one holds its lock ...
    other = Autosave(tmp_path / "autosave")
    assert other.orphans() == []
    # ... but once the first one's lock is gone (as after a crash), its file is offered.
    window.autosave._lock.unlock()
    orphans = other.orphans()
    assert orphans == [window.autosave.path]
    assert other.recover(orphans[0]).graph.nodes["tax"].params["value"] == 1.2


def test_recovered_work_counts_as_unsaved(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "crashed.bpgraph"
    save_graph(load_graph(example_path("04_buying_apples.bpgraph")), path)
    assert window.recover(path)
    assert window.document.modified
    assert window.document.graph.nodes["apple"].params["value"] == 100


def test_saving_clears_the_autosave(window: MainWindow, tmp_path: Path) -> None:
    window.open_path(example_path("04_buying_apples.bpgraph"))
    window.scene.set_param("tax", "value", np.asarray(1.2))
    window.write_autosave()
    assert window.save_to(tmp_path / "mine.bpgraph")
    assert not window.autosave.path.exists()
    assert not window.document.modified


def test_step_through_the_apple_example(window: MainWindow) -> None:
    window.open_path(example_path("04_buying_apples.bpgraph"))
    panel = window.steps
    for _ in range(4):  # apple, num, tax, then the first Mul
        assert panel.forward_step()
    assert "(apple price)·apples = 100 × 2 = 200" in panel.caption.text()
    stepping = window.scene.stepping
    assert stepping is not None and stepping.current == "mul_apple"
    mul_out = window.scene.edge_items[("mul_tax", 0)]
    tax_in = window.scene.edge_items[("mul_tax", 1)]
    assert mul_out.texts() == ("200", "")  # reached: value; gradient not yet
    assert window.scene.edge_items[("price", 0)].texts() == ("", "")  # not reached yet
    assert tax_in.texts() == ("1.1", "")
    while panel.backward_step() and window.scene.stepping.current != "mul_apple":
        pass
    assert "∂L/∂(apple price) = ∂L/∂((apple price)·apples) · apples = 1.1 × 2 = 2.2" in panel.caption.text()
    assert "∂L/∂apples = ∂L/∂((apple price)·apples) · (apple price) = 1.1 × 100 = 110" in panel.caption.text()
    assert [s.phase for s in panel.steps].count(FORWARD) == 6
    assert [s.phase for s in panel.steps].count(BACKWARD) == 6
    # Editing the graph leaves step mode: the live view returns.
    window.scene.set_param("num", "value", np.asarray(3.0))
    assert window.scene.stepping is None
    window.document.evaluate_now()
    assert mul_out.texts() == ("300", "1.1")


def test_gradient_check_panel_explains_the_relu_kink(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "kink.bpgraph"
    path.write_text(
        '{"format": "nodeeditor-graph", "version": 1, "nodes": ['
        '{"id": "x", "type": "Input", "value": 0}, {"id": "r", "type": "ReLU"},'
        '{"id": "o", "type": "Output"}], "edges": ['
        '{"from": "x", "to": "r", "port": 0}, {"from": "r", "to": "o", "port": 0}]}'
    )
    window.open_path(path)
    report = window.gradcheck.run()
    assert report is not None and not report.ok
    assert window.gradcheck.table.item(0, 1).text() == "0"
    assert window.gradcheck.table.item(0, 2).text() == "0.5"
    assert "kink" in window.gradcheck.explanation.text()


def test_training_lowers_the_loss_and_undo_restores_the_start(window: MainWindow) -> None:
    window.open_path(example_path("09_train_a_neuron.bpgraph"))
    graph = window.document.graph
    before = dumps(graph)
    assert window.training.step()
    assert window.training.run()
    losses = window.training.losses
    assert losses[-1] < losses[0] / 100
    window.document.evaluate_now()
    assert window.document.result.loss < losses[0]
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    assert dumps(graph) == before


def test_trainable_mark_is_undoable_and_saved(window: MainWindow, tmp_path: Path) -> None:
    window.open_path(example_path("04_buying_apples.bpgraph"))
    item = next(
        window.training.params.item(i)
        for i in range(window.training.params.count())
        if window.training.params.item(i).text() == "tax"
    )
    from PySide6.QtCore import Qt

    item.setCheckState(Qt.CheckState.Checked)
    assert window.document.graph.nodes["tax"].extra.get("trainable") is True
    assert window.save_to(tmp_path / "t.bpgraph")
    assert load_graph(tmp_path / "t.bpgraph").nodes["tax"].extra.get("trainable") is True
    window.document.undo_stack.undo()
    assert "trainable" not in window.document.graph.nodes["tax"].extra


def test_every_lesson_opens_with_its_explanation(window: MainWindow) -> None:
    actions = window.examples_menu.actions()
    assert len(actions) == 9
    for action in actions:
        action.trigger()
        assert window.lesson.title.text() not in ("", window.lesson.tr("No lesson"))
        assert window.document.result is not None


def _in_front(widget) -> bool:
    """Shown on screen: a dock tabbed behind another is still 'visible', but off screen."""
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


def test_a_lesson_comes_forward_and_a_clicked_node_brings_its_numbers(window: MainWindow, qtbot) -> None:
    window.show()
    window.open_path(example_path("04_buying_apples.bpgraph"))
    qtbot.waitUntil(lambda: _in_front(window.lesson), timeout=2000)
    assert not _in_front(window.inspector)  # tabbed behind the lesson
    window.scene.node_items["mul_tax"].setSelected(True)
    qtbot.waitUntil(lambda: _in_front(window.inspector), timeout=2000)
    assert not _in_front(window.lesson)
    assert "1 × 1.1 = 1.1" in window.inspector.chain_label.text()


# -- crash recovery ---------------------------------------------------------------------------------


def _crashed_session(qtbot, tmp_path: Path, open_it, tax: float) -> Path:
    """A session with unsaved work that dies: its autosave stays, its lock goes. Returns the autosave."""
    w = MainWindow(autosave=Autosave(tmp_path / "autosave"))
    qtbot.addWidget(w)
    w.ask_unsaved = lambda title: __import__("PySide6.QtWidgets").QtWidgets.QMessageBox.StandardButton.Discard
    open_it(w)
    w.scene.set_param("tax", "value", np.asarray(tax))
    w.write_autosave()
    w.autosave._lock.unlock()  # as if the process had been killed
    return w.autosave.path


def _time(path: Path) -> str:
    from datetime import datetime

    return datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")


def test_recovered_work_keeps_its_file_and_the_question_says_which_and_when(
    qtbot, window: MainWindow, tmp_path: Path, dialogs
) -> None:
    from nodeeditor.gui.app import offer_recovery

    mine = tmp_path / "work" / "mygraph.bpgraph"
    mine.parent.mkdir()
    save_graph(load_graph(example_path("04_buying_apples.bpgraph")), mine)
    autosaved = _crashed_session(qtbot, tmp_path, lambda w: w.open_path(mine), 1.2)
    dialogs.answer = QMessageBox.StandardButton.Yes
    assert offer_recovery(window) == [window]
    (asked,) = dialogs.asked
    assert f"• mygraph.bpgraph  ({mine.parent})\n   autosaved {_time(window.autosave.path)}\n" in asked
    doc = window.document
    assert doc.path == mine.resolve() and doc.modified
    assert window.windowTitle().startswith("mygraph.bpgraph[*]")
    assert doc.graph.nodes["tax"].params["value"] == 1.2
    assert not autosaved.exists()  # the old copy is gone, and this session keeps its own at once
    assert window.autosave.path.exists()
    assert window.save()  # Ctrl+S writes the file it came from, asking for no name
    assert load_graph(mine).nodes["tax"].params["value"] == 1.2
    assert "autosave_of" not in mine.read_text(encoding="utf-8")
    assert not doc.modified


def test_several_crashed_sessions_come_back_each_in_its_window(
    qtbot, window: MainWindow, tmp_path: Path, dialogs
) -> None:
    from nodeeditor.gui.app import offer_recovery

    mine = tmp_path / "mygraph.bpgraph"
    save_graph(load_graph(example_path("04_buying_apples.bpgraph")), mine)
    _crashed_session(qtbot, tmp_path, lambda w: w.open_path(mine), 1.2)
    _crashed_session(qtbot, tmp_path, lambda w: w.examples_menu.actions()[3].trigger(), 1.3)
    dialogs.answer = QMessageBox.StandardButton.Yes
    windows = offer_recovery(window)
    for w in windows[1:]:
        qtbot.addWidget(w)
        w.ask_unsaved = window.ask_unsaved
    assert len(windows) == 2 and windows[0] is window
    (asked,) = dialogs.asked
    assert "• mygraph.bpgraph  (" in asked and "• Buying apples  (not saved yet)\n   autosaved " in asked
    by_tax = {float(w.document.graph.nodes["tax"].params["value"]): w.document for w in windows}
    assert by_tax[1.2].path == mine.resolve()
    assert by_tax[1.3].path is None and by_tax[1.3].title == "Buying apples"
    assert by_tax[1.3].example == example_path("04_buying_apples.bpgraph")
    assert all(w.document.modified for w in windows)
    assert Autosave(tmp_path / "autosave").orphans() == []


def test_declining_recovery_deletes_the_copies_and_keeps_the_window_as_it_was(
    qtbot, window: MainWindow, tmp_path: Path, dialogs
) -> None:
    from nodeeditor.gui.app import offer_recovery

    autosaved = _crashed_session(
        qtbot, tmp_path, lambda w: w.open_path(example_path("04_buying_apples.bpgraph")), 1.2
    )
    before = window.document
    dialogs.answer = QMessageBox.StandardButton.Discard
    assert offer_recovery(window) == []
    assert len(dialogs.asked) == 1
    assert window.document is before and not before.modified
    assert not autosaved.exists()
    assert offer_recovery(window) == [] and len(dialogs.asked) == 1  # nothing asked a second time
