"""A wire made by an edit exists before the re-evaluation that follows it (one turn
of the event loop later): until then it shows no numbers, rather than asking the
previous Result about a wire that Result never had (a GraphError since issue 9)."""

from __future__ import annotations

from nodeeditor.gui.document import Document
from nodeeditor.gui.scene import GraphScene
from nodeeditor.model import Edge, Graph


def test_a_new_wire_shows_dashes_until_the_graph_is_evaluated_again(qtbot) -> None:
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
