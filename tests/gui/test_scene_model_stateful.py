"""Random editing sessions: the scene must mirror the Graph after every step.

A hypothesis state machine edits a Document through the entry points the
interface uses (the scene's methods, its mouse handlers for wire drags, and
undo commands on the document's stack) and checks after every step that

* the scene's node items and wires are exactly the Graph's nodes and edges,
  at the nodes' positions and between the right sockets;
* every wire's labels say what a fresh evaluation of the Graph says;
* an edit the Graph refuses changes nothing and leaves no undo step.

At the end, undoing everything must give back the starting file text, and
redoing everything the text before the undos.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, Qt
from PySide6.QtWidgets import QGraphicsSceneMouseEvent

from nodeeditor.gui.commands import MoveCommand
from nodeeditor.gui.document import Document
from nodeeditor.gui.edge_item import EdgeItem
from nodeeditor.gui.files import example_path, load_graph
from nodeeditor.gui.node_item import NodeItem
from nodeeditor.gui.scene import GraphScene
from nodeeditor.gui.socket_item import SocketItem
from nodeeditor.model import NODE_TYPES, Edge, Graph, dumps, evaluate, format_value

POW_FAN_OUT = "x feeds a Pow and a Mul"
STARTS = [
    None,  # an empty graph
    POW_FAN_OUT,
    "03_add_square.bpgraph",
    "04_buying_apples.bpgraph",
    "05_apples_and_oranges.bpgraph",
    "09_train_a_neuron.bpgraph",
]
TYPES = sorted(NODE_TYPES)
# Places on the canvas, to the hundredth: Qt compares points fuzzily, so it takes a move
# from 0 to 1e-226 for no move at all (and so would a person).
COORD = st.floats(-1500, 1500, allow_nan=False, allow_infinity=False).map(lambda v: round(v, 2))
FAR_AWAY = QPointF(-1e6, -1e6)  # no socket anywhere near: a wire dropped here goes nowhere

# (value, whether the Graph accepts it) for each kind of parameter; mostly good ones.
NUMBER = st.floats(-50, 50, allow_nan=False, allow_infinity=False)
GOOD_VALUE = st.one_of(
    NUMBER, NUMBER, st.lists(NUMBER, min_size=1, max_size=3), st.just([[1.0, 2.0], [3.0, 4.0]])
)
BAD_VALUE = st.sampled_from([float("nan"), float("inf"), "two", [], [[1.0], [2.0, 3.0]], True])
BAD_EXPONENT = st.sampled_from([[1.0, 2.0], float("nan"), "two"])


def _tagged(good: st.SearchStrategy, bad: st.SearchStrategy) -> st.SearchStrategy:
    good_tagged = good.map(lambda v: (v, True))
    return st.one_of(good_tagged, good_tagged, bad.map(lambda v: (v, False)))


PARAMS = {
    "Input": ("value", _tagged(GOOD_VALUE, BAD_VALUE)),
    "Pow": ("exponent", _tagged(NUMBER, BAD_EXPONENT)),
    "Output": ("grad", _tagged(st.one_of(st.none(), GOOD_VALUE), BAD_VALUE)),
}


def pow_fan_out() -> Graph:
    """z = x^n + x·y with x = 3, y = 2, n = 2: a Pow to edit and a fan-out Σ to read."""
    g = Graph()
    g.add_node("Input", "x", name="x", pos=(0, 0), value=3.0)
    g.add_node("Input", "y", name="y", pos=(0, 130), value=2.0)
    g.add_node("Pow", "p", pos=(310, -65), exponent=2.0)
    g.add_node("Mul", "m", pos=(310, 65))
    g.add_node("Add", "s", pos=(620, 0))
    g.add_node("Output", "out", pos=(930, 0))
    for src, dst, port in [("x", "p", 0), ("x", "m", 0), ("y", "m", 1), ("p", "s", 0), ("m", "s", 1)]:
        g.connect(src, dst, port)
    g.connect("s", "out", 0)
    return g


def _mouse(kind: QEvent.Type, pos: QPointF) -> QGraphicsSceneMouseEvent:
    event = QGraphicsSceneMouseEvent(kind)
    event.setScenePos(pos)
    event.setButton(Qt.MouseButton.LeftButton)
    event.setButtons(Qt.MouseButton.LeftButton)
    return event


def _xy(p: QPointF) -> tuple[float, float]:
    return (p.x(), p.y())


class SceneMirrorsGraph(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.document: Document | None = None

    # -- helpers -------------------------------------------------------------

    @property
    def graph(self) -> Graph:
        assert self.document is not None
        return self.document.graph

    @property
    def stack(self) -> Any:
        assert self.document is not None
        return self.document.undo_stack

    def flush(self) -> None:
        """Let the event loop run the document's coalesced re-evaluation."""
        QCoreApplication.processEvents()
        assert self.document is not None
        assert not self.document.evaluation_pending

    def ids(self, types: set[str] | None = None, has_output: bool | None = None) -> list[str]:
        return [
            n
            for n, node in self.graph.nodes.items()
            if (types is None or node.type in types) and (has_output is None or node.has_output == has_output)
        ]

    def with_ports(self) -> list[str]:
        return [n for n, node in self.graph.nodes.items() if node.ports]

    def snapshot(self) -> tuple[str, int, int]:
        return dumps(self.graph), self.stack.index(), self.stack.count()

    def sockets(self) -> list[tuple[str, int | None]]:
        """Every socket as (node id, input port or None for the output)."""
        return [
            (n, port)
            for n, node in self.graph.nodes.items()
            for port in [*range(len(node.ports)), *([None] if node.has_output else [])]
        ]

    def socket(self, where: tuple[str, int | None]) -> SocketItem:
        n, port = where
        item = self.scene.node_items[n]
        socket = item.output if port is None else item.inputs[port]
        assert socket is not None
        return socket

    # -- start ---------------------------------------------------------------

    @initialize(start=st.sampled_from(STARTS))
    def open(self, start: str | None) -> None:
        if start is None:
            graph = Graph()
        elif start == POW_FAN_OUT:
            graph = pow_fan_out()
        else:
            graph = load_graph(example_path(start))
        self.document = Document(graph)
        self.scene = GraphScene(self.document)
        self.messages: list[str] = []
        self.scene.message.connect(self.messages.append)
        self.start_text = dumps(graph)

    def teardown(self) -> None:
        if self.document is None:
            return
        try:
            while self.stack.canRedo():
                self.stack.redo()
            latest = dumps(self.graph)
            while self.stack.canUndo():
                self.stack.undo()
            self.flush()
            self.scene_mirrors_graph()
            self.labels_show_the_evaluation()
            assert dumps(self.graph) == self.start_text
            while self.stack.canRedo():
                self.stack.redo()
            self.flush()
            self.scene_mirrors_graph()
            assert dumps(self.graph) == latest
        finally:
            self.scene.detach()
            self.scene.clear()
            self.document.close()
            self.document = None

    # -- edits -----------------------------------------------------------------

    @rule(type_name=st.sampled_from(TYPES), x=COORD, y=COORD)
    def add_node(self, type_name: str, x: float, y: float) -> None:
        before = self.stack.index()
        node_id = self.scene.add_node(type_name, QPointF(x, y))
        assert self.graph.nodes[node_id].type == type_name
        assert self.scene.node_items[node_id].isSelected()
        assert self.stack.index() == before + 1

    @precondition(lambda self: self.document is not None and len(self.graph) > 0)
    @rule(data=st.data())
    def delete_selection(self, data: st.DataObject) -> None:
        nodes = data.draw(st.lists(st.sampled_from(list(self.graph.nodes)), max_size=3, unique=True))
        edges = list(self.graph.edges)
        wires = data.draw(st.lists(st.sampled_from(edges), max_size=2, unique=True)) if edges else []
        if not nodes and not wires:
            nodes = [next(iter(self.graph.nodes))]
        self.scene.clearSelection()
        for n in nodes:
            self.scene.node_items[n].setSelected(True)
        for e in wires:
            self.scene.edge_items[(e.dst, e.port)].setSelected(True)
        assert self.scene.delete_selection()
        assert not set(nodes) & set(self.graph.nodes)
        left = set(self.graph.edges)
        assert not set(wires) & left
        assert all(e.src not in nodes and e.dst not in nodes for e in left)

    @precondition(lambda self: self.document is not None and any(True for _ in self.graph.edges))
    @rule(data=st.data())
    def disconnect(self, data: st.DataObject) -> None:
        edge = data.draw(st.sampled_from(list(self.graph.edges)))
        self.scene.clearSelection()
        self.scene.edge_items[(edge.dst, edge.port)].setSelected(True)
        assert self.scene.delete_selection()
        assert self.graph.source(edge.dst, edge.port) is None

    @precondition(lambda self: self.document is not None and len(self.graph) > 0)
    @rule(data=st.data())
    def connect(self, data: st.DataObject) -> None:
        """Wire an output into an input, as a drop on a socket does; cycles and self-wires are refused."""
        sources, targets = self.ids(has_output=True), self.with_ports()
        if not sources or not targets:
            return
        src = data.draw(st.sampled_from(sources), label="src")
        dst = data.draw(st.sampled_from(targets), label="dst")
        port = data.draw(st.integers(0, len(self.graph.nodes[dst].ports) - 1), label="port")
        refused = src == dst or src in self.graph.downstream(dst)
        same = self.graph.source(dst, port) == src
        a = self.scene.node_items[src].output
        b = self.scene.node_items[dst].inputs[port]
        if data.draw(st.booleans(), label="input first"):
            a, b = b, a
        text, index, count = self.snapshot()
        self.messages.clear()
        assert self.scene.connect_sockets(a, b) == (not refused)  # type: ignore[arg-type]
        if refused:
            assert self.snapshot() == (text, index, count)
            assert self.messages  # the student is told why
        else:
            assert self.graph.source(dst, port) == src
            assert self.stack.index() == index + (0 if same else 1)

    @precondition(lambda self: self.document is not None and len(self.graph) > 0)
    @rule(data=st.data())
    def connect_same_sides(self, data: st.DataObject) -> None:
        """Two outputs or two inputs cannot be wired: refused, nothing changes."""
        sockets = self.sockets()
        a = data.draw(st.sampled_from(sockets))
        b = data.draw(st.sampled_from([s for s in sockets if (s[1] is None) == (a[1] is None)]))
        before = self.snapshot()
        self.messages.clear()
        assert not self.scene.connect_sockets(self.socket(a), self.socket(b))
        assert self.snapshot() == before
        assert self.messages

    @precondition(lambda self: self.document is not None and len(self.graph) > 0)
    @rule(data=st.data())
    def drag_wire(self, data: st.DataObject) -> None:
        """Press on a socket, drag, release on another socket or in empty space.

        Pressing on a wired input picks its wire up: dropping it elsewhere rewires
        it (one undo step), dropping it in empty space removes it.
        """
        sockets = self.sockets()
        start = self.socket(data.draw(st.sampled_from(sockets), label="press"))
        end = data.draw(st.one_of(st.none(), st.sampled_from(sockets)), label="release")
        at = FAR_AWAY if end is None else self.socket(end).scenePos()
        text, index, _ = self.snapshot()
        self.scene.mousePressEvent(_mouse(QEvent.Type.GraphicsSceneMousePress, start.scenePos()))
        self.scene.mouseMoveEvent(_mouse(QEvent.Type.GraphicsSceneMouseMove, (start.scenePos() + at) / 2))
        self.scene.mouseMoveEvent(_mouse(QEvent.Type.GraphicsSceneMouseMove, at))
        self.scene.mouseReleaseEvent(_mouse(QEvent.Type.GraphicsSceneMouseRelease, at))
        # Whatever the gesture did, it is at most one undo step, and a step only if it changed the graph.
        assert self.stack.index() in (index, index + 1)
        assert (self.stack.index() == index + 1) == (dumps(self.graph) != text)
        assert all(item.isVisible() for item in self.scene.edge_items.values())

    @precondition(lambda self: self.document is not None and len(self.graph) > 0)
    @rule(data=st.data())
    def move(self, data: st.DataObject) -> None:
        """Drag nodes: the items move live, one command records the drag."""
        nodes = data.draw(
            st.lists(st.sampled_from(list(self.graph.nodes)), min_size=1, max_size=3, unique=True)
        )
        moves = {}
        for n in nodes:
            item = self.scene.node_items[n]
            old = _xy(item.pos())
            new = (data.draw(COORD), data.draw(COORD))
            item.setPos(QPointF(*new))
            moves[n] = (old, _xy(item.pos()))
        self.scene.push(MoveCommand(self.graph, moves))
        for n, (_, new) in moves.items():
            assert self.graph.nodes[n].pos == new

    @precondition(lambda self: self.document is not None and any(True for _ in self.graph.nodes))
    @rule(data=st.data())
    def edit_param(self, data: st.DataObject) -> None:
        """Type or scrub an Input's value, a Pow's exponent or an Output's seed."""
        editable = self.ids(types=set(PARAMS))
        if not editable:
            return
        n = data.draw(st.sampled_from(editable), label="node")
        key, values = PARAMS[self.graph.nodes[n].type]
        scrub = data.draw(st.booleans(), label="scrub") and key != "exponent"
        merge_key = object() if scrub else None
        edits = data.draw(st.lists(values, min_size=1, max_size=3 if scrub else 1), label="values")
        index = self.stack.index()
        changed = 0  # accepted edits to a new value: the same value again leaves no undo step
        for value, valid in edits:
            before = self.snapshot()
            self.messages.clear()
            assert self.scene.set_param(n, key, value, merge_key) == valid
            if valid:
                stored = self.graph.nodes[n].params[key]
                if value is None:
                    assert stored is None
                else:
                    assert np.array_equal(stored, np.asarray(value, dtype=float))
                changed += dumps(self.graph) != before[0]
            else:
                assert self.snapshot() == before
                assert self.messages
        if scrub:  # a scrub is one undo step however many values it went through
            assert self.stack.index() == index + min(changed, 1)
        else:
            assert self.stack.index() == index + changed

    @precondition(lambda self: self.document is not None and self.stack.canUndo())
    @rule()
    def undo(self) -> None:
        self.stack.undo()

    @precondition(lambda self: self.document is not None and self.stack.canRedo())
    @rule()
    def redo(self) -> None:
        self.stack.redo()

    # -- what must hold after every step -----------------------------------------

    @invariant()
    def scene_mirrors_graph(self) -> None:
        if self.document is None:
            return
        self.flush()
        scene, graph = self.scene, self.graph
        assert scene.stepping is None
        assert set(scene.node_items) == set(graph.nodes)
        for n, node in graph.nodes.items():
            item = scene.node_items[n]
            assert item.node is node
            assert item.scene() is scene
            assert _xy(item.pos()) == (node.pos or (0.0, 0.0))
            assert len(item.inputs) == len(node.ports)
            assert (item.output is not None) == node.has_output
        keys = {(e.dst, e.port): e for e in graph.edges}
        assert set(scene.edge_items) == set(keys)
        for key, edge in keys.items():
            item = scene.edge_items[key]
            assert item.edge == edge
            assert item.scene() is scene
            assert item.isVisible()
            assert item.src is scene.node_items[edge.src]
            assert item.dst is scene.node_items[edge.dst]
            start = item.path.elementAt(0)
            assert (start.x, start.y) == _xy(item.src.output.scenePos())  # type: ignore[union-attr]
            assert _xy(item.path.currentPosition()) == _xy(item.dst.inputs[edge.port].scenePos())
        items = scene.items()
        assert {i for i in items if isinstance(i, NodeItem)} == set(scene.node_items.values())
        assert {i for i in items if isinstance(i, EdgeItem)} == set(scene.edge_items.values())

    @invariant()
    def labels_show_the_evaluation(self) -> None:
        if self.document is None:
            return
        self.flush()
        fresh = evaluate(self.graph)
        for (dst, port), item in self.scene.edge_items.items():
            edge = Edge(self.graph.source(dst, port), dst, port)  # type: ignore[arg-type]
            expected = (format_value(fresh.wire_value(edge)), format_value(fresh.wire_grad(edge)))
            assert item.texts() == expected, edge
        for n, item in self.scene.node_items.items():  # the Σ of a node feeding several wires
            fanout = len(self.graph.consumers(n)) >= 2 and fresh.grad(n) is not None
            assert item._sum_text() == ("Σ " + format_value(fresh.grad(n)) if fanout else None)


def test_scene_mirrors_the_graph_through_random_edits(qapp) -> None:
    run_state_machine_as_test(
        SceneMirrorsGraph,
        settings=settings(
            max_examples=100,
            stateful_step_count=30,
            phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink],
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )


@pytest.mark.parametrize("start", [s for s in STARTS if s and s.endswith(".bpgraph")])
def test_delete_everything_then_undo_gives_back_the_file(qapp, start: str) -> None:
    """The shortest case of the machine's end check, on every starting example."""
    document = Document(load_graph(example_path(start)))
    scene = GraphScene(document)
    text = dumps(document.graph)
    for n in list(document.graph.nodes)[::2]:
        scene.node_items[n].setSelected(True)
    assert scene.delete_selection()
    document.undo_stack.undo()
    assert dumps(document.graph) == text
    scene.detach()
    document.close()


def test_replacing_a_wire_then_undo_gives_back_the_file(qapp) -> None:
    """Dropping orange price on the tax port replaces the tax wire; undo puts it back in its place."""
    document = Document(load_graph(example_path("05_apples_and_oranges.bpgraph")))
    scene = GraphScene(document)
    text = dumps(document.graph)
    items = scene.node_items
    assert scene.connect_sockets(items["orange"].output, items["mul_tax"].inputs[1])  # type: ignore[arg-type]
    assert document.graph.source("mul_tax", 1) == "orange"
    document.undo_stack.undo()
    assert dumps(document.graph) == text
    document.undo_stack.redo()
    assert document.graph.source("mul_tax", 1) == "orange"
    scene.detach()
    document.close()
