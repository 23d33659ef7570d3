"""The Training panel never takes half a step, and its loss plot follows undo and redo."""

# ruff: noqa: F811  (the fixtures imported from panels_kit are parameters below)
from __future__ import annotations

import numpy as np
from panels_kit import student  # noqa: F401
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from nodeeditor.gui.document import Document
from nodeeditor.gui.files import example_path, load_graph
from nodeeditor.gui.loss_plot import LossPlot
from nodeeditor.gui.scene import GraphScene
from nodeeditor.gui.training_panel import TrainingPanel
from nodeeditor.model import Graph, dumps
from nodeeditor.model.training import TRAINABLE
from nodeeditor.model.values import format_number


def overflowing() -> Graph:
    """L = a + 1/w at w = 1e-200: ∂L/∂w = −1/w² overflows, so w cannot take a step."""
    g = Graph()
    g.add_node("Input", "a", pos=(0, 0), value=1.0, extra={TRAINABLE: True})
    g.add_node("Input", "w", pos=(0, 130), value=1e-200, extra={TRAINABLE: True})
    g.add_node("Input", "one", pos=(0, 260), value=1.0)
    g.add_node("Div", "d", pos=(310, 130))
    g.add_node("Add", "s", pos=(620, 0))
    g.add_node("Output", "out", pos=(930, 0))
    for src, dst, port in [("one", "d", 0), ("w", "d", 1), ("a", "s", 0), ("d", "s", 1), ("s", "out", 0)]:
        g.connect(src, dst, port)
    return g


def panel_on(qtbot, graph: Graph) -> tuple[TrainingPanel, GraphScene, list[str]]:
    scene = GraphScene(Document(graph))
    panel = TrainingPanel()
    qtbot.addWidget(panel)
    panel.keep = scene  # a panel does not own its scene
    panel.set_scene(scene)
    messages: list[str] = []
    scene.message.connect(messages.append)
    return panel, scene, messages


def test_a_step_that_would_overflow_is_refused_whole(qtbot) -> None:
    panel, scene, messages = panel_on(qtbot, overflowing())
    before = dumps(scene.graph)
    assert not panel.step()
    assert dumps(scene.graph) == before
    assert scene.document.undo_stack.count() == 0
    assert messages and "finite" in messages[-1]
    assert panel.losses == []


def test_a_run_that_would_overflow_changes_nothing(qtbot) -> None:
    panel, scene, _ = panel_on(qtbot, overflowing())
    before = dumps(scene.graph)
    assert not panel.run()
    assert dumps(scene.graph) == before
    assert panel.losses == []


def test_steps_on_the_neuron_are_undoable_one_by_one(qtbot) -> None:
    panel, scene, _ = panel_on(qtbot, load_graph(example_path("09_train_a_neuron.bpgraph")))
    texts = [dumps(scene.graph)]
    for _ in range(3):
        assert panel.step()
        texts.append(dumps(scene.graph))
    assert len(set(texts)) == 4
    assert panel.losses[0] > panel.losses[1] > panel.losses[2]
    stack = scene.document.undo_stack
    for text in reversed(texts[:-1]):
        stack.undo()
        assert dumps(scene.graph) == text


# -- the loss plot is a view of the training history, which undo and redo rewind and replay --


def training_window(qtbot, window) -> TrainingPanel:
    """The neuron lesson with the Training dock in front, as a student trains it."""
    from panels_kit import NEURON, open_example
    from PySide6.QtWidgets import QDockWidget

    open_example(window, NEURON)
    dock = next(d for d in window.findChildren(QDockWidget) if d.objectName() == "training")
    dock.raise_()
    qtbot.waitUntil(lambda: not window.training.visibleRegion().isEmpty(), timeout=2000)
    return window.training


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def undo(qtbot, window, redo: bool = False) -> None:
    """The platform's Undo (or Redo) keys typed on the canvas."""
    window.view.setFocus()
    action = window.redo_action if redo else window.undo_action
    QTest.keySequence(window.view, action.shortcut())


def test_undo_rewinds_the_loss_plot_and_redo_replays_it(qtbot, student) -> None:
    """Issue 10 #4: after undoing a run the plot kept its curve and the next step was
    "step 106", with a jump."""
    panel = training_window(qtbot, student)
    panel.count.setValue(5)
    click(qtbot, panel.run_button)
    run = list(panel.plot.losses)
    assert len(run) == 6 and run[0] > run[-1]
    assert panel.plot.caption.startswith("step 5: ")
    undo(qtbot, student)
    assert panel.plot.losses == [] and panel.plot.caption == ""
    click(qtbot, panel.step_button)
    assert panel.plot.losses[0] == run[0]  # the same start: the values were rewound
    assert panel.plot.caption.startswith("step 1: ")
    undo(qtbot, student)
    undo(qtbot, student, redo=True)
    assert panel.plot.caption.startswith("step 1: ")
    click(qtbot, panel.run_button)
    assert len(panel.plot.losses) == 7 and panel.plot.caption.startswith("step 6: ")
    undo(qtbot, student)
    assert len(panel.plot.losses) == 2
    undo(qtbot, student, redo=True)
    assert len(panel.plot.losses) == 7


def test_the_caption_gives_the_loss_of_the_values_on_screen(qtbot, student) -> None:
    """Issue 10 #4: the caption said 0.01156 while the loss node showed 0.009647."""
    panel = training_window(qtbot, student)
    for _ in range(3):
        click(qtbot, panel.step_button)
    result = student.document.evaluate_now()
    shown = format_number(result.loss)
    assert panel.plot.caption == f"step 3: L = {shown}"
    assert panel.plot.losses[-1] == result.loss
    assert student.scene.edge_items[("loss", 0)].texts()[0] == shown  # what the Output's wire says


def test_an_edit_after_training_keeps_the_curve_and_updates_the_caption(qtbot, student) -> None:
    panel = training_window(qtbot, student)
    click(qtbot, panel.step_button)
    curve = list(panel.plot.losses)
    student.scene.set_param("target", "value", np.asarray(0.5))
    result = student.document.evaluate_now()
    assert panel.plot.losses == curve
    assert panel.plot.caption == f"step 1: L = {format_number(result.loss)}"


def test_clear_plot_starts_the_history_afresh(qtbot, student) -> None:
    panel = training_window(qtbot, student)
    click(qtbot, panel.step_button)
    click(qtbot, panel.clear_button)
    assert panel.plot.losses == []
    click(qtbot, panel.step_button)
    assert panel.plot.caption.startswith("step 1: ")
    undo(qtbot, student)
    undo(qtbot, student)  # before the clear: nothing of it comes back
    assert panel.plot.losses == []


def test_the_plot_has_room_and_named_axes(qtbot) -> None:
    plot = LossPlot()
    qtbot.addWidget(plot)
    assert plot.minimumHeight() >= 180 and plot.sizeHint().height() >= 240
    plot.resize(plot.sizeHint())
    plot.set_losses([0.5, 0.25, float("nan"), 0.1], 0.1)
    image = plot.grab().toImage()  # paints: finite points only, the axes named
    assert not image.isNull()
    assert plot.caption == "step 3: L = 0.1"
    assert (plot.tr("step"), plot.tr("loss")) == ("step", "loss")


def test_switching_to_korean_keeps_the_plot_and_rewords_the_panel(qtbot, student) -> None:
    from panels_kit import korean

    panel = training_window(qtbot, student)
    click(qtbot, panel.step_button)
    curve = list(panel.plot.losses)
    with korean(qtbot):
        assert panel.step_button.text() == "한 단계"
        assert panel.rate_label.text() == "학습률"
        assert panel.plot.losses == curve
        assert panel.plot.caption.startswith("1단계: L = ")
    assert panel.step_button.text() == "Step"
