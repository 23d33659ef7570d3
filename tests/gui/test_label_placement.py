"""On every lesson, each wire's labels sit clear of its own curve, of other labels and of nodes."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainterPathStroker

from nodeeditor.gui.document import Document
from nodeeditor.gui.files import example_paths, load_graph
from nodeeditor.gui.scene import GraphScene


def _placed_labels(scene: GraphScene) -> list[tuple[object, QRectF]]:
    """(edge item, box) for every label that shows text, in scene coordinates."""
    boxes = []
    for item in scene.edge_items.values():
        texts = item.texts()
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


def test_no_label_covers_its_own_wire(scene: GraphScene) -> None:
    stroker = QPainterPathStroker()
    stroker.setWidth(1.5)
    for item, box in _placed_labels(scene):
        curve = item.mapToScene(stroker.createStroke(item.path))
        assert not curve.intersects(box), f"a label of {item.edge} covers its own wire"


def test_no_two_labels_overlap(scene: GraphScene) -> None:
    for (a, ra), (b, rb) in itertools.combinations(_placed_labels(scene), 2):
        assert not ra.intersects(rb), f"labels of {a.edge} and {b.edge} overlap"


def test_no_label_lies_on_a_node(scene: GraphScene) -> None:
    for item, box in _placed_labels(scene):
        for node in scene.node_items.values():
            outline = node.mapRectToScene(node.shape().boundingRect())
            assert not outline.intersects(box), f"a label of {item.edge} lies on {node.node.id}"
