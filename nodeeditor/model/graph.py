"""The Graph: nodes, their input ports and the wires between them.

Every edit is validated before anything changes; a rejected edit raises
:class:`GraphError` with a sentence a student understands and leaves the
graph as it was. Listeners hear about every change, so an editor can mirror
the graph without owning a copy of it.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from operator import itemgetter
from typing import TYPE_CHECKING, Any

import numpy as np

from .errors import ModelError, Text
from .ops import NODE_TYPES, layer_class
from .ops import QT_TRANSLATE_NOOP as _T
from .values import BadValue, as_value
from .wiring import Wiring

if TYPE_CHECKING:
    from .exercise import Exercise


class GraphError(ModelError):
    """An edit the graph refuses; the message says why."""


@dataclass(slots=True)
class Node:
    id: str
    type: str
    name: str = ""
    pos: tuple[float, float] | None = None
    params: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """What a student sees on the node: its name, else its type."""
        return self.name or self.type

    @property
    def who(self) -> str:
        """How error messages name the node: its name, else its id."""
        return self.name or self.id

    @property
    def ports(self) -> tuple[str, ...]:
        return layer_class(self.type).ports

    @property
    def has_output(self) -> bool:
        return layer_class(self.type).has_output


class NodeColumns:
    """A file's nodes as the reader checked them, a column each, made into Node objects
    when something first asks for ``graph.nodes`` (``nodeeditor eval`` never does)."""

    __slots__ = ("ids", "index", "names", "params", "poses", "types")

    def __init__(self, ids: list[str], index: dict[str, int], types: list[str], names: list[str],
                 poses: list[tuple[float, float] | None], params: list[dict[str, Any]]) -> None:  # fmt: skip
        self.ids, self.index, self.types, self.names = ids, index, types, names
        self.poses, self.params = poses, params

    def make(self) -> dict[str, Node]:
        extras: list[dict[str, Any]] = [{} for _ in self.ids]
        made = map(Node, self.ids, self.types, self.names, self.poses, self.params, extras)
        return dict(zip(self.ids, made, strict=True))


@dataclass(frozen=True)
class Edge:
    src: str
    dst: str
    port: int


@dataclass(frozen=True)
class GraphEvent:
    """One change: ``kind`` is node_added, node_removed, edge_added,
    edge_removed, param_changed, extra_changed, node_renamed, node_moved or exercise_changed."""

    kind: str
    node_id: str | None = None
    edge: Edge | None = None
    key: str | None = None


Listener = Callable[[GraphEvent], None]

# Parameters whose change alters the shape of the computation (not just numbers).
STRUCTURAL_PARAMS = frozenset({"exponent"})


class Graph:
    def __init__(self) -> None:
        self._node_map: dict[str, Node] = {}
        self._unmade: NodeColumns | None = None  # nodes read from a file, not yet made into Nodes
        self._wire_map: dict[tuple[str, int], str] | None = {}  # None: to be made from _wired_by
        self._wired_by: Wiring | None = None  # the wiring a file was read with
        self._consumer_sets: dict[str, set[tuple[str, int]]] | None = {}  # None: not made yet
        self._listeners: list[Listener] = []
        self._ids = itertools.count(1)
        self.structure_version = 0
        self.value_version = 0
        self.meta: dict[str, Any] = {}  # other top-level keys of the file, e.g. a lesson text
        self.exercise: Exercise | None = None  # the numbers hidden for a student to predict
        self._order: tuple[int, list[str]] | None = None  # (structure_version, topological order)
        self._wiring: tuple[int, Wiring] | None = None  # (structure_version, wiring)

    # -- reading ---------------------------------------------------------

    @property
    def nodes(self) -> dict[str, Node]:
        """id -> Node, in file order."""
        if self._unmade is not None:
            self._node_map, self._unmade = self._unmade.make(), None
        return self._node_map

    def __len__(self) -> int:
        return len(self._unmade.ids) if self._unmade is not None else len(self._node_map)

    def params_of(self, node_id: str) -> dict[str, Any]:
        """``nodes[node_id].params``, without making every Node of a file just read."""
        if self._unmade is not None:
            return self._unmade.params[self._unmade.index[node_id]]
        return self.nodes[node_id].params

    def name_of(self, node_id: str) -> str:
        """``nodes[node_id].name``, without making every Node of a file just read."""
        if self._unmade is not None:
            return self._unmade.names[self._unmade.index[node_id]]
        return self.nodes[node_id].name

    def of_type(self, type_name: str) -> list[str]:
        """The ids of the nodes of one type, in file order."""
        if self._unmade is not None:
            return [n for n, t in zip(self._unmade.ids, self._unmade.types, strict=True) if t == type_name]
        return [n for n, node in self.nodes.items() if node.type == type_name]

    def __contains__(self, node_id: object) -> bool:
        return node_id in (self._unmade.index if self._unmade is not None else self._node_map)

    def node(self, node_id: str) -> Node:
        try:
            return self.nodes[node_id]
        except KeyError:
            raise GraphError(_T("errors", 'there is no node "{node}"'), node=node_id) from None

    @property
    def edges(self) -> Iterator[Edge]:
        return (Edge(src, dst, port) for (dst, port), src in self._edges.items())

    @property
    def edge_count(self) -> int:
        if self._wire_map is None:
            return len(self._wired_by.src)  # type: ignore[union-attr]
        return len(self._wire_map)

    def source(self, dst: str, port: int) -> str | None:
        """The node wired into port ``port`` of ``dst``, if any."""
        return self._edges.get((dst, port))

    def consumers(self, src: str) -> list[Edge]:
        """The wires leaving ``src``, in a stable order."""
        return [Edge(src, d, p) for d, p in sorted(self._consumers.get(src, ()))]

    def in_edges(self, dst: str) -> list[Edge]:
        node = self.node(dst)
        return [
            Edge(self._edges[(dst, p)], dst, p) for p in range(len(node.ports)) if (dst, p) in self._edges
        ]

    def new_id(self, prefix: str = "n") -> str:
        while True:
            candidate = f"{prefix}{next(self._ids)}"
            if candidate not in self.nodes:
                return candidate

    # -- listeners -------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def _emit(self, event: GraphEvent) -> None:
        for listener in list(self._listeners):
            listener(event)

    # -- edits -----------------------------------------------------------

    def add_node(
        self,
        type_name: str,
        node_id: str | None = None,
        *,
        name: str = "",
        pos: tuple[float, float] | None = None,
        extra: dict[str, Any] | None = None,
        at: int | None = None,
        **params: Any,
    ) -> Node:
        """Add a node; ``at`` puts it at that place in the file's order instead of last
        (undo puts a deleted node back where it was)."""
        if type_name not in NODE_TYPES:
            raise GraphError(_T("errors", 'unknown node type "{type}"'), type=type_name)
        if node_id is None:
            node_id = self.new_id(type_name.lower())
        if not isinstance(node_id, str) or not node_id:
            raise GraphError(_T("errors", "a node id must be a non-empty string"))
        if node_id in self.nodes:
            raise GraphError(_T("errors", 'there is already a node with id "{node}"'), node=node_id)
        checked = _check_params(type_name, params)
        _check_extra(extra or {})
        node = Node(node_id, type_name, name, _pos(pos), checked, dict(extra or {}))
        _insert(self.nodes, node_id, node, at)
        self.structure_version += 1
        self._emit(GraphEvent("node_added", node_id))
        return node

    def remove_node(self, node_id: str) -> list[Edge]:
        """Remove a node and its wires; returns the wires that went with it."""
        node = self.node(node_id)
        removed = self.in_edges(node_id) + self.consumers(node_id)
        for edge in removed:
            self.disconnect(edge.dst, edge.port)
        del self.nodes[node.id]
        self._consumers.pop(node.id, None)
        self.structure_version += 1
        self._emit(GraphEvent("node_removed", node_id))
        return removed

    def check_connect(self, src: str, dst: str, port: int, replace: bool = False) -> None:
        """Raise GraphError if wiring src into port ``port`` of dst is not allowed.

        With ``replace``, a wire already on that port is no obstacle (it would go).
        """
        s, d = self.node(src), self.node(dst)
        if not s.has_output:
            raise GraphError(
                _T("errors", "{node} is an Output node: it has no output to wire from"), node=s.who
            )
        if not isinstance(port, int) or not 0 <= port < len(d.ports):
            raise GraphError(
                _T("errors", "{node} ({type}) has no input port {port}"),
                node=d.who,
                type=Text("ops", d.type),
                port=port,
            )
        if src == dst:
            raise GraphError(_T("errors", "a node cannot be wired into itself ({node})"), node=s.who)
        if not replace and (dst, port) in self._edges:
            raise GraphError(
                _T("errors", "port {port} of {node} ({type}) is already wired"),
                port=d.ports[port],
                node=d.who,
                type=Text("ops", d.type),
            )
        path = self._path(dst, src)
        if path is not None:
            names = " → ".join(self.nodes[n].who for n in [src, *path])
            raise GraphError(_T("errors", "this wire would make a cycle: {path}"), path=names)

    def connect(self, src: str, dst: str, port: int, at: int | None = None) -> Edge:
        """Wire src into a port; ``at`` puts the wire at that place in the file's order."""
        self.check_connect(src, dst, port)
        consumers = self._consumers  # made from the wires before this one, if not made yet
        _insert(self._edges, (dst, port), src, at)
        consumers.setdefault(src, set()).add((dst, port))
        self.structure_version += 1
        edge = Edge(src, dst, port)
        self._emit(GraphEvent("edge_added", dst, edge))
        return edge

    def disconnect(self, dst: str, port: int) -> Edge:
        src = self._edges.get((dst, port))
        if src is None:
            raise GraphError(
                _T("errors", "port {port} of {node} is not wired"), port=port, node=self.node(dst).who
            )
        consumers = self._consumers  # made from the wires before this one goes, if not made yet
        del self._edges[(dst, port)]
        consumers[src].discard((dst, port))
        self.structure_version += 1
        edge = Edge(src, dst, port)
        self._emit(GraphEvent("edge_removed", dst, edge))
        return edge

    def check_param(self, node_id: str, key: str, value: Any) -> Any:
        """The parameter as it would be stored; GraphError if it is not acceptable."""
        node = self.node(node_id)
        return _check_params(node.type, {**node.params, key: value})[key]

    def set_param(self, node_id: str, key: str, value: Any) -> None:
        """Change an Input's value, a Pow's exponent or an Output's seed."""
        node = self.node(node_id)
        checked = _check_params(node.type, {**node.params, key: value})
        node.params = checked
        if key in STRUCTURAL_PARAMS:
            self.structure_version += 1
        else:
            self.value_version += 1
        self._emit(GraphEvent("param_changed", node_id, key=key))

    def set_extra(self, node_id: str, key: str, value: Any) -> None:
        """Set (or with None remove) an optional key such as ``trainable``."""
        node = self.node(node_id)
        _check_extra({key: value})
        if value is None:
            node.extra.pop(key, None)
        else:
            node.extra[key] = value
        self._emit(GraphEvent("extra_changed", node_id, key=key))

    def set_name(self, node_id: str, name: str) -> None:
        self.node(node_id).name = str(name)
        self._emit(GraphEvent("node_renamed", node_id))

    def set_exercise(self, exercise: Exercise | None) -> None:
        """Hide numbers for a student to predict, record answers (see exercise.py); None: no exercise."""
        self.exercise = exercise
        self._emit(GraphEvent("exercise_changed"))

    def move(self, node_id: str, pos: tuple[float, float]) -> None:
        self.node(node_id).pos = _pos(pos)
        self._emit(GraphEvent("node_moved", node_id))

    # -- whole-graph helpers --------------------------------------------

    def topological_order(self) -> list[str]:
        """Node ids so that every wire goes from earlier to later (Kahn).

        Kept until the structure changes: loading a file checks it for cycles, then
        the engine and the layout walk it again."""
        if self._order is not None and self._order[0] == self.structure_version:
            return list(self._order[1])
        indegree = dict.fromkeys(self.nodes, 0)
        indegree.update(Counter(map(itemgetter(0), self._edges)))
        order = [n for n, k in indegree.items() if k == 0]  # file order among equals
        consumers = self._consumers
        for n in order:  # breadth first: the list is its own queue
            for dst, _ in consumers.get(n, ()):
                k = indegree[dst] - 1
                indegree[dst] = k
                if k == 0:
                    order.append(dst)
        self._order = (self.structure_version, order)
        return list(order)

    def wiring(self) -> Wiring:
        """The wires as integer arrays, with every node's depth (the engine plans with it);
        kept until the structure changes."""
        if self._wiring is None or self._wiring[0] != self.structure_version:
            types = {n: node.type for n, node in self.nodes.items()}
            self._wiring = (self.structure_version, Wiring.of(types, self._edges))
        return self._wiring[1]

    def upstream(self, node_id: str) -> set[str]:
        """The node and every node that feeds it, directly or not (linear)."""
        seen = {node_id}
        stack = [node_id]
        while stack:
            n = stack.pop()
            for p in range(len(self.nodes[n].ports)):
                src = self._edges.get((n, p))
                if src is not None and src not in seen:
                    seen.add(src)
                    stack.append(src)
        return seen

    def downstream(self, node_id: str) -> set[str]:
        """The node and every node it feeds, directly or not (linear)."""
        seen = {node_id}
        stack = [node_id]
        while stack:
            n = stack.pop()
            for dst, _ in self._consumers.get(n, ()):
                if dst not in seen:
                    seen.add(dst)
                    stack.append(dst)
        return seen

    def _path(self, start: str, goal: str) -> list[str] | None:
        """A wire path start → … → goal, by breadth-first search (linear)."""
        parent: dict[str, str | None] = {start: None}
        frontier = [start]
        while frontier:
            nxt = []
            for n in frontier:
                if n == goal:
                    path = [n]
                    while parent[path[-1]] is not None:
                        path.append(parent[path[-1]])  # type: ignore[arg-type]
                    return path[::-1]
                for dst, _ in self._consumers.get(n, ()):
                    if dst not in parent:
                        parent[dst] = n
                        nxt.append(dst)
            frontier = nxt
        return None

    def copy(self) -> Graph:
        """A deep copy with no listeners."""
        g = Graph()
        for n in self.nodes.values():
            g.nodes[n.id] = Node(n.id, n.type, n.name, n.pos, dict(n.params), dict(n.extra))
        g._wire_map = dict(self._edges)
        g._consumer_sets = {k: set(v) for k, v in self._consumers.items()}
        g.meta = dict(self.meta)
        g.exercise = None if self.exercise is None else self.exercise.copy()
        return g

    def bulk_load(self, nodes: Iterable[Node], edges: Iterable[Edge]) -> None:
        """Fill an empty graph from already validated nodes and edges, quickly."""
        self.bulk_load_wires(nodes, {(e.dst, e.port): e.src for e in edges})

    def bulk_load_wires(
        self,
        nodes: dict[str, Node] | NodeColumns | Iterable[Node],
        wires: dict[tuple[str, int], str] | None,
        wiring: Wiring | None = None,
    ) -> None:
        """``bulk_load`` with the wires as ``{(dst, port): src}``, as the file reader collects them,
        or as the :class:`Wiring` it read them into (``wires`` None: the dict is made when first
        asked for, which ``eval`` never does). The graph keeps what it is given."""
        assert wires is not None or wiring is not None, "the wires or their wiring"
        assert not self, "bulk_load needs an empty graph"
        if isinstance(nodes, NodeColumns):
            self._unmade = nodes
        else:
            self._node_map = nodes if isinstance(nodes, dict) else {n.id: n for n in nodes}
        self._wire_map, self._wired_by = wires, wiring
        self._consumer_sets = None  # made when first asked for: ``eval`` never asks
        self.structure_version += 1
        if wiring is not None:
            self._wiring = (self.structure_version, wiring)

    @property
    def _edges(self) -> dict[tuple[str, int], str]:
        """(dst, port) -> src, in file order."""
        if self._wire_map is None:
            self._wire_map = self._wired_by.wire_map()  # type: ignore[union-attr]
        return self._wire_map

    @property
    def _consumers(self) -> dict[str, set[tuple[str, int]]]:
        """src -> the (dst, port) it is wired into."""
        consumers = self._consumer_sets
        if consumers is None:
            consumers = self._consumer_sets = {}
            for key, src in self._edges.items():
                wired = consumers.get(src)
                if wired is None:
                    consumers[src] = {key}
                else:
                    wired.add(key)
        return consumers


def _insert(d: dict, key: Any, value: Any, at: int | None) -> None:
    """``d[key] = value`` at index ``at`` of d's order (None: at the end)."""
    if at is None or at >= len(d):
        d[key] = value
        return
    items = list(d.items())
    items.insert(at, (key, value))
    d.clear()
    d.update(items)


def _pos(pos: Any) -> tuple[float, float] | None:
    if pos is None:
        return None
    try:
        x, y = (float(v) for v in pos)
    except (TypeError, ValueError, OverflowError):
        raise GraphError(
            _T("errors", "a position must be two numbers (x, y), not {pos}"), pos=repr(pos)
        ) from None
    if not (math.isfinite(x) and math.isfinite(y)):
        raise GraphError(_T("errors", "a position must be finite numbers, not {pos}"), pos=repr(pos))
    return (x, y)


RESERVED_KEYS = frozenset({"id", "type", "name", "pos", "value", "exponent", "grad"})


def _check_extra(extra: dict[str, Any]) -> None:
    """Optional keys may not shadow the file's own fields."""
    for key in extra:
        if key in RESERVED_KEYS:
            raise GraphError(
                _T("errors", "{key} is not an optional key: it has its own meaning"), key=repr(key)
            )


def _check_params(type_name: str, params: dict[str, Any]) -> dict[str, Any]:
    """Validate a node's parameters; returns them normalised."""
    out: dict[str, Any] = {}
    for key, value in params.items():
        if type_name == "Input" and key == "value":
            out[key] = _value(value, _T("errors", "value"))
        elif type_name == "Output" and key == "grad":
            out[key] = None if value is None else _value(value, _T("errors", "seed gradient"))
        elif type_name == "Pow" and key == "exponent":
            out[key] = float(_value(value, _T("errors", "exponent"), scalar=True))
        else:
            raise GraphError(
                _T("errors", "{type} nodes have no parameter {key}"),
                type=Text("ops", type_name),
                key=repr(key),
            )
    if type_name == "Input" and "value" not in out:
        out["value"] = np.asarray(0.0)
    if type_name == "Pow" and "exponent" not in out:
        out["exponent"] = 2.0
    if type_name == "Output":
        out.setdefault("grad", None)
    return out


def _value(value: Any, what_text: str, scalar: bool = False) -> np.ndarray:
    what = Text("errors", what_text)
    try:
        arr = as_value(value)
    except BadValue as exc:
        raise GraphError(_T("errors", "{what}: {reason}"), what=what, reason=exc) from None
    if scalar and arr.ndim:
        raise GraphError(_T("errors", "{what}: must be a single number"), what=what)
    return arr
