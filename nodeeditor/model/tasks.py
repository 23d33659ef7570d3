"""A lesson page's task: what the student is asked to do, as data, and whether it is done.

A task is a small JSON object in the lesson file (docs/file-format.md, "Lesson pages"),
never code. ``read_task`` checks one strictly against the lesson's own graph and says
what is wrong and where; ``is_met`` answers, for the graph as it is now, whether the
task is done. Each condition has its own small checker.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .engine import Result
from .graph import Edge, Graph, GraphError
from .ops import NODE_TYPES
from .values import BadValue, as_value

DEFAULT_TOL = 1e-3  # as close as an exercise's answer must be (its default relative tolerance)
CHECKS = ("value", "grad", "wired", "exists", "answer", "loss_below", "all")
NAMES_KEY = "names"  # a node's names in other languages, which a reference may use too


class TaskError(Exception):
    """A task that cannot be read: the place (``lesson.pages[2].task.node``) and what is wrong."""

    def __init__(self, where: str, what: str) -> None:
        super().__init__(f"{where}: {what}")
        self.where, self.what = where, what


# -- what a task can say --------------------------------------------------------------------


@dataclass(frozen=True)
class NodeRef:
    """A node by its id or its name (``key``), or any node of a type."""

    key: str | None = None
    type: str | None = None

    def matches(self, graph: Graph) -> list[str]:
        if self.type is not None:
            return graph.of_type(self.type)
        assert self.key is not None
        if self.key in graph:
            return [self.key]
        return [n for n, node in graph.nodes.items() if self.key in _names(node.name, node.extra)]


def _names(name: str, extra: dict[str, Any]) -> set[str]:
    names = extra.get(NAMES_KEY)
    others = [v for v in names.values() if isinstance(v, str)] if isinstance(names, dict) else []
    return {name, *others}


@dataclass(frozen=True)
class WireRef:
    src: NodeRef
    dst: NodeRef
    port: int | None = None

    def matches(self, graph: Graph) -> list[Edge]:
        dsts = set(self.dst.matches(graph))
        return [
            e
            for s in self.src.matches(graph)
            for e in graph.consumers(s)
            if e.dst in dsts and (self.port is None or e.port == self.port)
        ]


@dataclass(frozen=True)
class Equals:
    """``value`` or ``grad`` (``what``) of a node or a wire equals ``want``, within ``tol``."""

    what: str
    target: NodeRef | WireRef
    want: np.ndarray = field(compare=False)
    tol: float = DEFAULT_TOL


@dataclass(frozen=True)
class Wired:
    """Every node of ``sources`` is wired into one node that ``dst`` names."""

    sources: tuple[NodeRef, ...]
    dst: NodeRef
    port: int | None = None


@dataclass(frozen=True)
class Exists:
    node: NodeRef


@dataclass(frozen=True)
class AnswerRight:
    """An exercise blank answered right; ``blank`` None: every blank of the exercise."""

    blank: Any = None  # an exercise.Blank


@dataclass(frozen=True)
class LossBelow:
    """Trained at least one step, and the loss now is below ``limit``."""

    limit: float


@dataclass(frozen=True)
class AllOf:
    tasks: tuple[Task, ...]


Task = Equals | Wired | Exists | AnswerRight | LossBelow | AllOf


@dataclass
class Situation:
    """What a task is checked against: the graph now, its evaluation, and the losses of the
    training history (the Training panel's curve; empty when nothing was trained)."""

    graph: Graph
    result: Result | None
    losses: Sequence[float] = ()


# -- is it done? ----------------------------------------------------------------------------


def is_met(task: Task, now: Situation) -> bool:
    """Whether ``task`` is done in the graph as it is now."""
    return _CHECKERS[type(task)](task, now)


def _close(got: np.ndarray | None, want: np.ndarray, tol: float) -> bool:
    """Equal within ``tol`` times the number's size (at least 1): 2.2 ± 0.0022, 0 ± 0.001."""
    if got is None or np.shape(got) != want.shape or not np.all(np.isfinite(got)):
        return False
    return bool(np.all(np.abs(got - want) <= tol * np.maximum(1.0, np.abs(want))))


def _equals_met(task: Equals, now: Situation) -> bool:
    result = now.result
    if result is None:
        return False
    if isinstance(task.target, WireRef):
        read = result.wire_value if task.what == "value" else result.wire_grad
        found = [_read_wire(read, e) for e in task.target.matches(now.graph)]
    else:
        read_node = result.value if task.what == "value" else result.grad
        found = [read_node(n) for n in task.target.matches(now.graph)]
    return any(_close(got, task.want, task.tol) for got in found)


def _read_wire(read: Callable[[Edge], np.ndarray | None], edge: Edge) -> np.ndarray | None:
    try:
        return read(edge)
    except GraphError:  # an evaluation older than the wire
        return None


def _wired_met(task: Wired, now: Situation) -> bool:
    graph = now.graph
    for dst in task.dst.matches(graph):
        fed = {e.src for e in graph.in_edges(dst) if task.port is None or e.port == task.port}
        if all(fed.intersection(ref.matches(graph)) for ref in task.sources):
            return True
    return False


def _exists_met(task: Exists, now: Situation) -> bool:
    return bool(task.node.matches(now.graph))


def _answer_met(task: AnswerRight, now: Situation) -> bool:
    from .exercise import answered_right

    exercise = getattr(now.graph, "exercise", None)
    if exercise is None or now.result is None:
        return False
    blanks = exercise.blanks if task.blank is None else [task.blank]
    return bool(blanks) and all(answered_right(exercise, b, now.result) for b in blanks)


def _loss_met(task: LossBelow, now: Situation) -> bool:
    loss = now.result.loss if now.result is not None else None
    return len(now.losses) > 0 and loss is not None and bool(np.isfinite(loss)) and loss < task.limit


def _all_met(task: AllOf, now: Situation) -> bool:
    return all(is_met(t, now) for t in task.tasks)


_CHECKERS: dict[type, Callable[[Any, Situation], bool]] = {
    Equals: _equals_met,
    Wired: _wired_met,
    Exists: _exists_met,
    AnswerRight: _answer_met,
    LossBelow: _loss_met,
    AllOf: _all_met,
}


# -- reading a task from a file ---------------------------------------------------------------

KEYS = {
    "value": {"check", "node", "wire", "equals", "tol"},
    "grad": {"check", "node", "wire", "equals", "tol"},
    "wired": {"check", "from", "to", "port"},
    "exists": {"check", "node"},
    "answer": {"check", "node", "edge", "what"},
    "loss_below": {"check", "below"},
    "all": {"check", "of"},
}


def read_task(obj: Any, where: str, graph: Graph) -> Task:
    """The task ``obj`` describes, checked against the lesson's graph; TaskError if it is
    not a task (the first problem found, named by its place)."""
    if not isinstance(obj, dict):
        raise TaskError(where, 'must be an object such as {"check": "value", …}')
    check = obj.get("check")
    if check not in KEYS:
        raise TaskError(f"{where}.check", f"must be one of {', '.join(CHECKS)}, not {_shown(check)}")
    for key in obj:
        if key not in KEYS[check]:
            allowed = ", ".join(sorted(KEYS[check] - {"check"}))
            raise TaskError(f"{where}.{key}", f'is not a key of a "{check}" task (it has {allowed})')
    return _READERS[check](obj, where, graph)


def _shown(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f'"{value}"'
    return text if len(text) <= 40 else text[:37] + "…"


def _required(obj: dict, key: str, where: str) -> Any:
    if key not in obj:
        raise TaskError(where, f'needs "{key}"')
    return obj[key]


def read_node(obj: Any, where: str, graph: Graph) -> NodeRef:
    """A node reference: a string (an id, else a name) or {"type": "Add"}."""
    if isinstance(obj, str) and obj:
        if not NodeRef(key=obj).matches(graph):
            raise TaskError(where, f'no node "{obj}" (by id or name) in the lesson\'s graph')
        return NodeRef(key=obj)
    if isinstance(obj, dict) and set(obj) == {"type"}:
        if obj["type"] not in NODE_TYPES:
            raise TaskError(f"{where}.type", f"unknown node type {_shown(obj['type'])}")
        return NodeRef(type=obj["type"])
    raise TaskError(where, 'must name a node: its id or name, or {"type": "Add"}')


def _read_port(obj: dict, where: str) -> int | None:
    port = obj.get("port")
    if port is not None and (isinstance(port, bool) or not isinstance(port, int) or port < 0):
        raise TaskError(f"{where}.port", f"must be a whole number ≥ 0, not {_shown(port)}")
    return port


def read_wire(obj: Any, where: str, graph: Graph) -> WireRef:
    if not isinstance(obj, dict) or not {"from", "to"} <= set(obj) or set(obj) - {"from", "to", "port"}:
        raise TaskError(where, 'must be a wire: {"from": node, "to": node} (and "port" if it matters)')
    return WireRef(
        read_node(obj["from"], f"{where}.from", graph),
        read_node(obj["to"], f"{where}.to", graph),
        _read_port(obj, where),
    )


def _read_tol(obj: dict, where: str) -> float:
    tol = obj.get("tol", DEFAULT_TOL)
    if isinstance(tol, bool) or not isinstance(tol, (int, float)) or not 0 <= tol < float("inf"):
        raise TaskError(f"{where}.tol", f"must be a number ≥ 0, not {_shown(tol)}")
    return float(tol)


def _read_equals(obj: dict, where: str, graph: Graph) -> Equals:
    if ("node" in obj) == ("wire" in obj):
        raise TaskError(where, 'needs either "node" or "wire"')
    target: NodeRef | WireRef = (
        read_node(obj["node"], f"{where}.node", graph)
        if "node" in obj
        else read_wire(obj["wire"], f"{where}.wire", graph)
    )
    try:
        want = as_value(_required(obj, "equals", where))
    except BadValue as exc:
        raise TaskError(f"{where}.equals", str(exc)) from None
    return Equals(obj["check"], target, want, _read_tol(obj, where))


def _read_wired(obj: dict, where: str, graph: Graph) -> Wired:
    sources = _required(obj, "from", where)
    many = isinstance(sources, list)
    if many and not sources:
        raise TaskError(f"{where}.from", "names no node")
    refs = tuple(
        read_node(s, f"{where}.from[{i}]" if many else f"{where}.from", graph)
        for i, s in enumerate(sources if many else [sources])
    )
    return Wired(refs, read_node(_required(obj, "to", where), f"{where}.to", graph), _read_port(obj, where))


def _read_exists(obj: dict, where: str, graph: Graph) -> Exists:
    node = _required(obj, "node", where)
    if isinstance(node, dict) and set(node) == {"type"}:
        return Exists(read_node(node, f"{where}.node", graph))
    if isinstance(node, str) and node:  # a node the student will make and name: not in the file yet
        return Exists(NodeRef(key=node))
    raise TaskError(f"{where}.node", 'must name a node: its name, or {"type": "Add"}')


def _read_answer(obj: dict, where: str, graph: Graph) -> AnswerRight:
    exercise = getattr(graph, "exercise", None)
    if exercise is None:
        raise TaskError(where, "the lesson's graph has no exercise, so there is no answer to check")
    if "node" not in obj and "edge" not in obj:
        if "what" in obj:
            raise TaskError(f"{where}.what", 'goes with "node" or "edge"')
        return AnswerRight()
    blank = _read_blank(obj, where, graph)
    if blank not in exercise.blanks:
        raise TaskError(where, "is not one of the exercise's hidden numbers")
    return AnswerRight(blank)


def _read_blank(obj: dict, where: str, graph: Graph) -> Any:
    """The exercise blank a task names, as the exercise file names it."""
    from .exercise import Blank

    what = obj.get("what")
    if what not in ("value", "grad"):
        raise TaskError(f"{where}.what", f'must be "value" or "grad", not {_shown(what)}')
    if "node" in obj and "edge" in obj:
        raise TaskError(where, 'needs "node" or "edge", not both')
    if "node" in obj:
        node = obj["node"]
        if not isinstance(node, str) or node not in graph:
            raise TaskError(f"{where}.node", f"no node {_shown(node)} (by id) in the lesson's graph")
        return Blank(node=node, edge=None, what=what)
    wire = read_wire(obj["edge"], f"{where}.edge", graph)
    edges = wire.matches(graph)
    if wire.src.key not in graph or wire.dst.key not in graph or len(edges) != 1:
        raise TaskError(f"{where}.edge", "must be one wire of the graph, its ends named by id")
    return Blank(node=None, edge=edges[0], what=what)


def _read_loss(obj: dict, where: str, graph: Graph) -> LossBelow:
    limit = _required(obj, "below", where)
    if isinstance(limit, bool) or not isinstance(limit, (int, float)) or not np.isfinite(limit):
        raise TaskError(f"{where}.below", f"must be a number, not {_shown(limit)}")
    if not graph.of_type("Output"):
        raise TaskError(where, "the lesson's graph has no Output, so there is no loss")
    return LossBelow(float(limit))


def _read_all(obj: dict, where: str, graph: Graph) -> AllOf:
    tasks = _required(obj, "of", where)
    if not isinstance(tasks, list) or not tasks:
        raise TaskError(f"{where}.of", "must be a list of tasks")
    return AllOf(tuple(read_task(t, f"{where}.of[{i}]", graph) for i, t in enumerate(tasks)))


_READERS: dict[str, Callable[[dict, str, Graph], Task]] = {
    "value": _read_equals,
    "grad": _read_equals,
    "wired": _read_wired,
    "exists": _read_exists,
    "answer": _read_answer,
    "loss_below": _read_loss,
    "all": _read_all,
}
