"""The Training panel never takes half a step: a value that would not be finite stops it whole."""

from __future__ import annotations

from nodeeditor.gui.document import Document
from nodeeditor.gui.files import example_path, load_graph
from nodeeditor.gui.scene import GraphScene
from nodeeditor.gui.training_panel import TrainingPanel
from nodeeditor.model import Graph, dumps
from nodeeditor.model.training import TRAINABLE


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
