"""One QUndoCommand per kind of user edit; each acts on the model only.

Callers validate first (``Graph.check_connect``, ``parse_value``) so a
command never fails halfway; the scene follows the Graph's events.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from ..model import Edge, Graph, Node
from ..model.exercise import Exercise

MERGE_PARAM = 1001
MERGE_MOVE = 1002


@dataclass(frozen=True)
class NodeSpec:
    """Everything needed to (re)create a node."""

    id: str
    type: str
    name: str
    pos: tuple[float, float] | None
    params: dict[str, Any]
    extra: dict[str, Any]

    @classmethod
    def of(cls, node: Node) -> NodeSpec:
        return cls(node.id, node.type, node.name, node.pos, dict(node.params), dict(node.extra))

    def create(self, graph: Graph, at: int | None = None) -> None:
        params = {k: v for k, v in self.params.items() if v is not None}
        graph.add_node(self.type, self.id, name=self.name, pos=self.pos, extra=self.extra, at=at, **params)


class AddNodesCommand(QUndoCommand):
    """Add nodes and the wires among them (a new node, a paste, a duplicate)."""

    def __init__(self, graph: Graph, specs: list[NodeSpec], edges: list[Edge], text: str) -> None:
        super().__init__(text)
        self.graph, self.specs, self.edges = graph, specs, edges

    def redo(self) -> None:
        for spec in self.specs:
            spec.create(self.graph)
        for e in self.edges:
            self.graph.connect(e.src, e.dst, e.port)

    def undo(self) -> None:
        for spec in reversed(self.specs):
            self.graph.remove_node(spec.id)


class RemoveCommand(QUndoCommand):
    """Delete nodes (with their wires) and single wires.

    Undo puts each node and wire back at its place in the file's order, so that
    the file reads as before (and step-through walks the nodes as before).
    """

    def __init__(self, graph: Graph, node_ids: list[str], edges: list[Edge]) -> None:
        super().__init__(QCoreApplication.translate("commands", "Delete"))
        self.graph = graph
        self.specs = [NodeSpec.of(graph.nodes[n]) for n in node_ids]
        doomed = set(node_ids)
        touching = [e for e in graph.edges if e.src in doomed or e.dst in doomed]
        self.edges = list(dict.fromkeys(touching + edges))
        node_at = {n: i for i, n in enumerate(graph.nodes)}
        edge_at = {e: i for i, e in enumerate(graph.edges)}
        # Put back in file order: each goes where it was, the ones before it being back already.
        self._nodes_back = sorted(((node_at[s.id], s) for s in self.specs), key=lambda pair: pair[0])
        self._edges_back = sorted(((edge_at[e], e) for e in self.edges), key=lambda pair: pair[0])

    def redo(self) -> None:
        for e in self.edges:
            self.graph.disconnect(e.dst, e.port)
        for spec in self.specs:
            self.graph.remove_node(spec.id)

    def undo(self) -> None:
        for at, spec in self._nodes_back:
            spec.create(self.graph, at)
        for at, e in self._edges_back:
            self.graph.connect(e.src, e.dst, e.port, at)


class ConnectCommand(QUndoCommand):
    """Wire src into a port; a wire already on that port is replaced."""

    def __init__(self, graph: Graph, src: str, dst: str, port: int) -> None:
        super().__init__(QCoreApplication.translate("commands", "Connect"))
        self.graph = graph
        self.edge = Edge(src, dst, port)
        old = graph.source(dst, port)
        self.old = Edge(old, dst, port) if old is not None else None
        self.old_at = next((i for i, e in enumerate(graph.edges) if e == self.old), None)

    def redo(self) -> None:
        if self.old is not None:
            self.graph.disconnect(self.edge.dst, self.edge.port)
        self.graph.connect(self.edge.src, self.edge.dst, self.edge.port)

    def undo(self) -> None:
        self.graph.disconnect(self.edge.dst, self.edge.port)
        if self.old is not None:
            self.graph.connect(self.old.src, self.old.dst, self.old.port, self.old_at)


class SetParamCommand(QUndoCommand):
    """Change a value, an exponent or a seed; a continuous scrub merges into one step."""

    def __init__(self, graph: Graph, node_id: str, key: str, value: Any, merge_key: object = None):
        super().__init__(QCoreApplication.translate("commands", "Change value"))
        self.graph, self.node_id, self.key = graph, node_id, key
        self.old = graph.nodes[node_id].params.get(key)
        self.new = value
        self.merge_key = merge_key

    def id(self) -> int:
        return MERGE_PARAM

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if not isinstance(other, SetParamCommand) or self.merge_key is None:
            return False
        if (other.node_id, other.key, other.merge_key) != (self.node_id, self.key, self.merge_key):
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.graph.set_param(self.node_id, self.key, self.new)

    def undo(self) -> None:
        self.graph.set_param(self.node_id, self.key, self.old)


class MoveCommand(QUndoCommand):
    """Nodes dragged to new places: one step per drag."""

    def __init__(self, graph: Graph, moves: dict[str, tuple[tuple[float, float], tuple[float, float]]]):
        super().__init__(QCoreApplication.translate("commands", "Move"))
        self.graph, self.moves = graph, moves

    def redo(self) -> None:
        for n, (_, new) in self.moves.items():
            self.graph.move(n, new)

    def undo(self) -> None:
        for n, (old, _) in self.moves.items():
            self.graph.move(n, old)


class RenameCommand(QUndoCommand):
    def __init__(self, graph: Graph, node_id: str, name: str) -> None:
        super().__init__(QCoreApplication.translate("commands", "Rename"))
        self.graph, self.node_id = graph, node_id
        self.old, self.new = graph.nodes[node_id].name, name

    def redo(self) -> None:
        self.graph.set_name(self.node_id, self.new)

    def undo(self) -> None:
        self.graph.set_name(self.node_id, self.old)


class SetExtraCommand(QUndoCommand):
    """Set an optional key of a node, such as ``trainable``."""

    def __init__(self, graph: Graph, node_id: str, key: str, value: Any, text: str) -> None:
        super().__init__(text)
        self.graph, self.node_id, self.key = graph, node_id, key
        self.old = graph.nodes[node_id].extra.get(key)
        self.new = value

    def redo(self) -> None:
        self.graph.set_extra(self.node_id, self.key, self.new)

    def undo(self) -> None:
        self.graph.set_extra(self.node_id, self.key, self.old)


class SetValuesCommand(QUndoCommand):
    """Several Input values at once: one training run is one undo step."""

    def __init__(self, graph: Graph, old: dict[str, Any], new: dict[str, Any], text: str) -> None:
        super().__init__(text)
        self.graph, self.old, self.new = graph, old, new

    def redo(self) -> None:
        for n, v in self.new.items():
            self.graph.set_param(n, "value", v)

    def undo(self) -> None:
        for n, v in self.old.items():
            self.graph.set_param(n, "value", v)


class SetExerciseCommand(QUndoCommand):
    """Numbers hidden or shown again, a tolerance, an answer: the exercise before and after.

    Once the answers were shown, undo does not hide them again: the file must say that
    the student saw them (``answers_shown`` stays true)."""

    def __init__(self, graph: Graph, new: Exercise | None, text: str) -> None:
        super().__init__(text)
        self.graph = graph
        self.old = None if graph.exercise is None else graph.exercise.copy()
        self.new = None if new is None else new.copy()

    def _set(self, exercise: Exercise | None) -> None:
        now = self.graph.exercise
        exercise = None if exercise is None else exercise.copy()
        if exercise is not None and now is not None and now.answers_shown:
            exercise.answers_shown = True
        self.graph.set_exercise(exercise)

    def redo(self) -> None:
        self._set(self.new)

    def undo(self) -> None:
        self._set(self.old)
