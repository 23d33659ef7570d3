"""What the scene shows of the engine's answers (issue 9): wires newer than the last
evaluation, and nodes flagged for a non-finite gradient."""

from __future__ import annotations

from nodeeditor.gui.document import Document
from nodeeditor.gui.scene import GraphScene
from nodeeditor.gui.tooltips import plain_tooltip
from nodeeditor.model import Edge, Graph


def test_a_new_wire_shows_dashes_until_the_graph_is_evaluated_again(qtbot) -> None:
    """A wire made by an edit exists before the re-evaluation that follows it (one turn
    of the event loop later): until then it shows no numbers, rather than asking the
    previous Result about a wire that Result never had (a GraphError)."""
    graph = Graph()
    graph.add_node("Input", "x", value=3.0)
    graph.add_node("Square", "s")
    graph.add_node("Output", "out")
    graph.connect("s", "out", 0)
    scene = GraphScene(Document(graph))
    graph.connect("x", "s", 0)
    assert scene.document.evaluation_pending
    item = scene.edge_items[("s", 0)]
    assert item.texts() == ("—", "—")
    qtbot.waitUntil(lambda: not scene.document.evaluation_pending, timeout=2000)
    assert item.texts() == ("3", "6")
    assert scene.result.has_wire(Edge("x", "s", 0))


def test_a_node_flagged_for_its_gradient_gets_its_badge_after_a_value_edit(qtbot) -> None:
    """x = 4 → x^0.5: fine. x = 0 (a value edit, which keeps the plan): the slope of
    x^0.5 at 0 is infinite, and the node says so in its tooltip; back to 4, it stops."""
    graph = Graph()
    graph.add_node("Input", "x", value=4.0)
    graph.add_node("Pow", "root", exponent=0.5)
    graph.add_node("Output", "out")
    graph.connect("x", "root", 0)
    graph.connect("root", "out", 0)
    scene = GraphScene(Document(graph))
    item = scene.node_items["root"]
    assert item.toolTip() == ""
    for value, tip in ((0.0, "the slope of x^0.5 at 0 is infinite"), (4.0, "")):
        graph.set_param("x", "value", value)
        qtbot.waitUntil(lambda: not scene.document.evaluation_pending, timeout=2000)
        assert item.toolTip() == (plain_tooltip(tip) if tip else "")
