"""On every lesson, each wire's labels sit clear of its own curve, of other labels and of nodes."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainterPathStroker

from nodeeditor.gui.document import Document
from nodeeditor.gui.files import example_paths, load_graph
from nodeeditor.gui.scene import GraphScene
from nodeeditor.model import Graph, layered_layout


def _placed_labels(scene: GraphScene) -> list[tuple[object, QRectF]]:
    """(edge item, box) for every label that shows text, in scene coordinates."""
    boxes = []
    for item in scene.edge_items.values():
        texts = item.label_texts()  # value, gradient, and the tangent when forward mode is on
        for text, rect in zip(texts, item.label_rects(texts=texts), strict=True):
            if text:
                boxes.append((item, item.mapRectToScene(rect)))
    return boxes


@pytest.fixture(params=example_paths(), ids=lambda p: p.stem)
def scene(request, qapp) -> GraphScene:
    s = GraphScene(Document(load_graph(request.param)))
    s.document.evaluate_now()
    s.arrange_labels()
    return s


def test_there_are_labels_to_check(scene: GraphScene) -> None:
    assert len(_placed_labels(scene)) >= len(scene.edge_items)  # at least every value


def assert_no_label_covers_its_own_wire(scene: GraphScene) -> None:
    stroker = QPainterPathStroker()
    stroker.setWidth(1.5)
    for item, box in _placed_labels(scene):
        curve = item.mapToScene(stroker.createStroke(item.path))
        assert not curve.intersects(box), f"a label of {item.edge} covers its own wire"


def assert_no_two_labels_overlap(scene: GraphScene) -> None:
    for (a, ra), (b, rb) in itertools.combinations(_placed_labels(scene), 2):
        assert not ra.intersects(rb), f"labels of {a.edge} and {b.edge} overlap"


def assert_no_label_lies_on_a_node(scene: GraphScene) -> None:
    for item, box in _placed_labels(scene):
        for node in scene.node_items.values():
            outline = node.mapRectToScene(node.shape().boundingRect())
            assert not outline.intersects(box), f"a label of {item.edge} lies on {node.node.id}"


def assert_labels_clear(scene: GraphScene) -> None:
    assert_no_label_covers_its_own_wire(scene)
    assert_no_two_labels_overlap(scene)
    assert_no_label_lies_on_a_node(scene)


def test_no_label_covers_its_own_wire(scene: GraphScene) -> None:
    assert_no_label_covers_its_own_wire(scene)


def test_no_two_labels_overlap(scene: GraphScene) -> None:
    assert_no_two_labels_overlap(scene)


def test_no_label_lies_on_a_node(scene: GraphScene) -> None:
    assert_no_label_lies_on_a_node(scene)


# -- fan-out: the Σ of a node that feeds several wires ----------------------------------------


def _fanout_scene(source: str, wires: int) -> GraphScene:
    """An Input (or an Exp of it) feeding ``wires`` Squares, each into an Output, laid out as on load."""
    g = Graph()
    g.add_node("Input", "x", value=2.0)
    src = "x"
    if source == "op":
        g.add_node("Exp", "e")
        g.connect("x", "e", 0)
        src = "e"
    for k in range(wires):
        g.add_node("Square", f"sq{k}")
        g.add_node("Output", f"out{k}")
        g.connect(src, f"sq{k}", 0)
        g.connect(f"sq{k}", f"out{k}", 0)
    for n, pos in layered_layout(g).items():
        g.move(n, pos)
    s = GraphScene(Document(g))
    s.document.evaluate_now()
    s.arrange_labels()
    return s


def _sum_boxes(scene: GraphScene) -> list[tuple[str, QRectF]]:
    boxes = []
    for n, item in scene.node_items.items():
        rect = item.sum_rect()
        if rect is not None:
            boxes.append((n, item.mapRectToScene(rect)))
    return boxes


def _assert_sums_clear(scene: GraphScene) -> None:
    labels = _placed_labels(scene)
    for n, box in _sum_boxes(scene):
        item = scene.node_items[n]
        if item.param_key:
            value = item.mapRectToScene(item.param_rect())
            assert not value.intersects(box), f"the Σ of {n} covers its value"
        for other in scene.node_items.values():
            outline = other.mapRectToScene(other.shape().boundingRect())
            assert not outline.intersects(box), f"the Σ of {n} lies on {other.node.id}"
            for sock in [*other.inputs, other.output]:
                if sock is not None:
                    assert not sock.sceneBoundingRect().intersects(box), f"the Σ of {n} covers a socket"
        for edge, rect in labels:
            assert not rect.intersects(box), f"a label of {edge.edge} covers the Σ of {n}"


@pytest.mark.parametrize("wires", [2, 3, 4, 5])
@pytest.mark.parametrize("source", ["input", "op"])
def test_a_fanout_sum_sits_clear_of_value_sockets_and_labels(qapp, source: str, wires: int) -> None:
    scene = _fanout_scene(source, wires)
    node = "x" if source == "input" else "e"
    assert [n for n, _ in _sum_boxes(scene)] == [node]
    assert scene.node_items[node]._sum_text() is not None
    _assert_sums_clear(scene)


def test_every_lesson_keeps_its_sums_clear(scene: GraphScene) -> None:
    _assert_sums_clear(scene)


# -- forward mode: a third label on every wire (issue 11 §3) ------------------------------------


@pytest.mark.parametrize("zoom", [1.0, 0.6, 0.45])
def test_tangent_labels_stay_clear_at_every_zoom(scene: GraphScene, zoom: float) -> None:
    """From every lesson's first Input, the blue labels join the others, each clear of its
    wire, of the other labels and of the nodes, at zoom 1 and zoomed out (where the view
    draws every label larger)."""
    from nodeeditor.gui.view import GraphView

    view = GraphView(scene)
    view.resize(1280, 800)
    first = next(n for n, node in scene.graph.nodes.items() if node.type == "Input")
    scene.modes.set_wrt(first)
    view.set_zoom(zoom)
    tangents = [item.label_texts()[2] for item in scene.edge_items.values()]
    assert all(tangents), "every wire with a value shows its tangent"
    assert_labels_clear(scene)
    view.deleteLater()
