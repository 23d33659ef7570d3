"""Forward and backward propagation over a Graph.

The engine compiles the graph's structure once into a *plan*: a topological
order cut into groups of nodes that have the same type, the same depth and
the same input shapes. Each group is run by one layer object on stacked
inputs, so a 100k-node graph costs a few hundred numpy calls, not 100k
Python calls. A value edit reuses the plan and only redoes the numbers.

Semantics (FILE-FORMAT.md): every node has a value and a gradient, every
wire the gradient that flowed back through it alone; fan-out adds up;
broadcast gradients are summed back to each operand's shape; nodes behind
an unconnected port, or beyond the compute limits, are undefined (``None``)
while the rest evaluates; a node with no path to a defined Output has
gradient exactly 0 and never runs backward (``Plan.live``); non-finite
numbers are values, and the node that produced one, as a value or as a
gradient, is flagged.
"""

from __future__ import annotations

import math
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np

from .errors import ModelError, Text
from .graph import Edge, Graph, GraphError, GraphEvent
from .ops import QT_TRANSLATE_NOOP, Layer, OutputLayer, layer_class
from .values import MAX_ELEMENTS, format_number
from .wiring import MAX_PORTS, N_PORTS, TYPE_NAMES, TYPE_NUMBER, Wiring, numbers, reaching

Shape = tuple[int, ...]
Problem = Text | ModelError  # why a node has no value: ``str()`` in English, ``translated()`` for the GUI

# What one evaluation may compute (docs/file-format.md, "Limits"): a node's result has at most
# as many elements as an Input's value may have, and all results together at most MAX_TOTAL_ELEMENTS.
# A node beyond either is undefined, with the reason, and the rest of the graph evaluates.
MAX_TOTAL_ELEMENTS = 20_000_000
TOO_MUCH = QT_TRANSLATE_NOOP(
    "engine", "the results of this graph would have more than {limit} elements in all"
)


class ShapeError(ModelError):
    context = "engine"


@dataclass
class _Group:
    """Nodes run together by one layer call: same type, depth and shapes."""

    cls: type[Layer]
    params: dict[str, Any]
    ids: list[str]
    out_shape: Shape
    in_shapes: tuple[Shape, ...]
    live: bool  # its nodes reach the loss: only then is their backward run
    out_slots: np.ndarray = field(init=False)
    in_slots: list[np.ndarray] = field(init=False)

    @property
    def size(self) -> int:
        return len(self.ids)


class Plan:
    """Everything about an evaluation that depends on structure and shapes only.

    Nodes are numbered in file order (``index``). Each defined node has a shape and a
    slot: its row in the stack of values of that shape. Nodes run in order of depth,
    and in file order within a depth, so a plan does not depend on how the graph was
    edited, only on what it is.

    ``live[i]`` says whether node number ``i`` has a path of wires to a defined Output.
    Only live nodes run backward; every other node, and every wire out of it, has
    gradient exactly 0 (whatever its value, even inf or NaN).

    With a ``target`` (any node's id), backward starts from that node instead, its seed
    ones of its shape, and ``live`` says which nodes have a path to it: gradients are then
    ∂target/∂(...). GraphError if the graph has no such node.
    """

    def __init__(self, graph: Graph, target: str | None = None) -> None:
        wiring = graph.wiring()
        n = len(wiring.ids)
        self.index = wiring.index
        self.target = target
        self.target_index = check_target(wiring.index, target)
        self.shape_of: list[Shape | None] = [None] * n  # None: the node is undefined
        self.slot_of = np.full(n, -1, np.intp)  # the row in the stack of its shape's values
        self.group_of = np.full(n, -1, np.intp)  # an Input is in no group
        self.row_of = np.zeros(n, np.intp)
        self.problem: dict[str, Problem] = {}
        self.counts: dict[Shape, int] = defaultdict(int)
        self.inputs: dict[Shape, list[str]] = defaultdict(list)
        self.input_row: dict[str, int] = {}
        self.groups: list[_Group] = []
        self.output_groups: list[int] = []
        self.live = np.zeros(n, bool)
        self.ids, self.kind = wiring.ids, wiring.kind
        self.sources = wiring.sources(MAX_PORTS)  # [node, port]: the number of the node wired there, or -1
        order = np.argsort(wiring.depth, kind="stable")
        self.depth = wiring.depth  # each node's: the paths of paths.py walk it level by level
        self.numbers_only = _all_scalar(graph, wiring)  # every node defined, every shape ()
        if self.numbers_only:
            self._build_scalar(graph, wiring, order)
        else:
            self._build(graph, wiring, order)
        self.input_stack = {
            s: np.array([graph.params_of(n)["value"] for n in ids]).reshape((len(ids), *s))
            for s, ids in self.inputs.items()
        }
        self.input_slots = {
            s: np.array([self.slot_of[self.index[n]] for n in ids], dtype=np.intp)
            for s, ids in self.inputs.items()
        }
        self.seeds = [self._seeds(graph, self.groups[gi]) for gi in self.output_groups]
        # The same as lists: a Result reads one node at a time, and a list is faster at that.
        self.slot_list, self.group_list = self.slot_of.tolist(), self.group_of.tolist()
        self.row_list = self.row_of.tolist()

    def _build(self, graph: Graph, wiring: Wiring, order: np.ndarray) -> None:
        """Any graph: shapes inferred node by node, undefined nodes found on the way."""
        shape, slot, counts, problem = self.shape_of, [-1] * len(self.shape_of), self.counts, self.problem
        ids, nodes, depth = wiring.ids, graph.nodes, wiring.depth.tolist()  # type: ignore[union-attr]
        sources = self.sources.tolist()
        # (depth, type, params, input shapes) -> the group's nodes, then its source slots per port
        buckets: dict[tuple, tuple[list[int], list[list[int]]]] = {}
        total = 0  # elements of the results so far
        inferred: dict[tuple, Shape] = {}  # (type, input shapes) -> output shape, inferred once
        for i in order.tolist():
            node = nodes[ids[i]]
            t = node.type
            if t == "Input":
                s = node.params["value"].shape
                shape[i], slot[i] = s, counts[s]
                counts[s] += 1
                self.input_row[node.id] = len(self.inputs[s])
                self.inputs[s].append(node.id)
                continue
            cls = layer_class(t)
            srcs = sources[i][: len(cls.ports)]
            in_shapes = tuple([shape[s] if s >= 0 else None for s in srcs])
            if None in in_shapes:  # a port not connected, or fed by an undefined node
                problem[node.id] = self._undefined_reason(cls, srcs)  # type: ignore[assignment]
                continue
            out = inferred.get((t, in_shapes))
            if out is None:
                try:
                    out = infer_shape(cls, in_shapes, node.params)  # type: ignore[arg-type]
                except ShapeError as exc:
                    problem[node.id] = exc
                    continue
                if t != "Output":  # an Output's shape also depends on its seed's
                    inferred[(t, in_shapes)] = out
            size = math.prod(out)
            if total + size > MAX_TOTAL_ELEMENTS:
                problem[node.id] = Text("engine", TOO_MUCH, limit=f"{MAX_TOTAL_ELEMENTS:,}")
                continue
            total += size
            shape[i], slot[i] = out, counts[out]
            counts[out] += 1
            params = node.params
            key = (depth[i], t, tuple([params[k] for k in cls.params]), in_shapes)
            bucket = buckets.get(key)
            if bucket is None:
                bucket = buckets[key] = ([], [[] for _ in srcs])
            bucket[0].append(i)
            for port, s in enumerate(srcs):
                bucket[1][port].append(slot[s])
        self.slot_of = np.array(slot, np.intp)
        defined = np.array([s is not None for s in shape], bool)
        self._find_live(wiring, defined)
        parts = []  # each bucket's live nodes, then its other nodes: a group each
        for key, (members, src_slots) in buckets.items():
            rows, slots = np.array(members, np.intp), [np.array(s, np.intp) for s in src_slots]
            live = self.live[rows]
            for keep in (live, ~live) if not live.all() else (slice(None),):
                if rows[keep].size:
                    parts.append((rows[keep], [s[keep] for s in slots], key[3]))
        rank = np.empty(len(order), np.intp)
        rank[order] = np.arange(len(order))
        for rows, in_slots, in_shapes in sorted(parts, key=lambda p: rank[p[0][0]]):  # by depth, first seen
            self._add_group(graph, wiring, rows, in_slots, in_shapes)

    def _build_scalar(self, graph: Graph, wiring: Wiring, order: np.ndarray) -> None:
        """The same plan as ``_build`` for a graph of numbers only with every port wired
        (what big generated files are), grouped with numpy instead of node by node."""
        ids, code = wiring.ids, wiring.kind
        n = len(ids)
        self.counts[()] = n
        slot = np.empty(n, np.intp)
        slot[order] = np.arange(n)
        self.slot_of = slot
        self.shape_of = [()] * n
        is_input = code[order] == TYPE_NUMBER["Input"]
        inputs = wiring.id_array[order[is_input]].tolist()
        self.inputs[()] = inputs
        self.input_row = dict(zip(inputs, range(len(inputs)), strict=True))
        self._find_live(wiring, np.ones(n, bool))
        ops = order[~is_input]
        if not ops.size:
            return
        # One key per node: depth, liveness, type and parameters (a Pow's exponent) as one integer.
        variant = np.zeros(n, np.intp)
        pows = ops[code[ops] == TYPE_NUMBER["Pow"]]
        if pows.size:
            exps = np.array([graph.params_of(ids[i])["exponent"] for i in pows.tolist()])
            variant[pows] = np.unique(exps, return_inverse=True)[1]
        per_type = int(variant.max()) + 1
        width = per_type * len(TYPE_NAMES)
        key = (wiring.depth[ops] * 2 + self.live[ops]) * width + code[ops] * per_type + variant[ops]  # type: ignore[index]
        uniq, first, which = np.unique(key, return_index=True, return_inverse=True)
        rank = np.empty(uniq.size, np.intp)
        rank[np.argsort(first)] = np.arange(uniq.size)  # first seen first: ``ops`` is by depth
        group = rank[which]
        members = ops[np.argsort(group, kind="stable")]
        bounds = np.cumsum(np.bincount(group, minlength=uniq.size))[:-1]
        sources = self.sources
        for rows in np.split(members, bounds):
            k = int(N_PORTS[code[rows[0]]])
            self._add_group(graph, wiring, rows, [slot[sources[rows, p]] for p in range(k)], ((),) * k)

    def _find_live(self, wiring: Wiring, defined: np.ndarray) -> None:
        """``live``: the nodes with a path to a defined Output. Those are defined too, as
        a node fed by an undefined one is undefined."""
        if self.target_index is None:
            outputs = np.flatnonzero((wiring.kind == TYPE_NUMBER["Output"]) & defined)
        else:  # an undefined target has no gradients: nothing is live
            t = self.target_index
            outputs = np.array([t] if defined[t] else [], np.intp)
        self.live = reaching(self.sources, outputs)

    def _undefined_reason(self, cls: type[Layer], srcs: list[int]) -> Text | None:
        for port, src in zip(cls.ports, srcs, strict=True):
            if src < 0:
                return Text("engine", QT_TRANSLATE_NOOP("engine", "input {port} is not connected"), port=port)
            if self.shape_of[src] is None:
                return Text("engine", QT_TRANSLATE_NOOP("engine", "input {port} is undefined"), port=port)
        return None

    def _add_group(self, graph: Graph, wiring: Wiring, members: np.ndarray, src_slots: list[np.ndarray],
                   in_shapes: tuple[Shape, ...]) -> None:  # fmt: skip
        ids = wiring.id_array[members].tolist()
        cls = layer_class(TYPE_NAMES[wiring.kind[members[0]]])
        live = bool(self.live[members[0]])
        g = _Group(cls, graph.params_of(ids[0]), ids, self.shape_of[members[0]], in_shapes, live)  # type: ignore[arg-type]
        g.out_slots = self.slot_of[members]
        g.in_slots = src_slots
        gi = len(self.groups)
        self.group_of[members] = gi
        self.row_of[members] = np.arange(members.size)
        if cls is OutputLayer:
            self.output_groups.append(gi)
        self.groups.append(g)

    def _seeds(self, graph: Graph, g: _Group) -> np.ndarray:
        seeds = np.ones((g.size, *g.out_shape))
        for row, n in enumerate(g.ids):
            seed = graph.params_of(n).get("grad")
            if seed is not None:
                seeds[row] = seed  # shape checked by infer_shape
        return seeds

    @property
    def seeded(self) -> bool:
        """Whether backward has somewhere to start: a defined target, else a defined Output."""
        if self.target_index is not None:
            return self.shape_of[self.target_index] is not None
        return bool(self.output_groups)

    def target_slot(self) -> tuple[Shape, int] | None:
        """The target's shape and slot, if there is a defined target."""
        t = self.target_index
        if t is None or self.shape_of[t] is None:
            return None
        return self.shape_of[t], self.slot_list[t]  # type: ignore[return-value]

    @cached_property
    def _wire_table(self) -> tuple[list[int], list[int]]:
        """``sources`` as one flat list, and each node's number of ports: lists of plain
        ints, which Python reads fastest and its cycle collector never walks."""
        return self.sources.ravel().tolist(), N_PORTS[self.kind].tolist()

    def wire_ends(self, edge: Edge) -> tuple[int, int]:
        """The numbers of the nodes a wire comes from and goes into; GraphError if the
        graph had no such wire."""
        i, port = self.index.get(edge.dst), edge.port
        if type(port) is not int and isinstance(port, np.integer):
            port = int(port)
        sources, n_ports = self._wire_table
        if i is not None and type(port) is int and 0 <= port < n_ports[i]:
            src = sources[i * MAX_PORTS + port]
            if src >= 0 and self.ids[src] == edge.src:
                return src, i
        raise self._no_wire(edge, i, port)

    def _no_wire(self, edge: Edge, i: int | None, port: Any) -> GraphError:
        if i is None:
            return GraphError(QT_TRANSLATE_NOOP("errors", 'there is no node "{node}"'), node=edge.dst)
        if type(port) is not int or not 0 <= port < self._wire_table[1][i]:
            return GraphError(
                QT_TRANSLATE_NOOP("errors", "{node} ({type}) has no input port {port}"),
                node=edge.dst,
                type=Text("ops", TYPE_NAMES[self.kind[i]]),
                port=port,
            )
        return GraphError(
            QT_TRANSLATE_NOOP("errors", 'there is no wire from "{src}" into port {port} of "{dst}"'),
            src=edge.src,
            port=port,
            dst=edge.dst,
        )

    def shape(self, node_id: str) -> Shape | None:
        """The shape of a node's value; None if it is undefined (or not in the graph)."""
        i = self.index.get(node_id)
        return None if i is None else self.shape_of[i]

    def update_input(self, node_id: str, value: np.ndarray) -> bool:
        """Take a new Input value in place; False if its shape changed."""
        shape = self.shape(node_id)
        if shape != value.shape:
            return False
        self.input_stack[shape][self.input_row[node_id]] = value
        return True


def check_target(index: dict[str, int], target: str | None) -> int | None:
    """The number of the target node (None for the Outputs); GraphError if there is no such node."""
    if target is None:
        return None
    i = index.get(target) if isinstance(target, str) else None
    if i is None:
        raise GraphError(
            QT_TRANSLATE_NOOP("errors", 'cannot differentiate "{node}": there is no such node'),
            node=target if isinstance(target, str) else repr(target),
        )
    return i


def _all_scalar(graph: Graph, wiring: Wiring) -> bool:
    """Whether every value is a number, every port is wired, no node is a MatMul and
    the results stay within MAX_TOTAL_ELEMENTS: then every node is defined, every
    shape is ``()``, and numpy can make the plan."""
    kind = wiring.kind
    # A port takes one wire at most, so as many wires as ports means every port is wired.
    if not kind.size or N_PORTS[kind].sum() != wiring.src.size or (kind == TYPE_NUMBER["MatMul"]).any():
        return False
    if kind.size > MAX_TOTAL_ELEMENTS:  # then some nodes are left undefined: the general way
        return False
    for type_name, key in (("Input", "value"), ("Output", "grad")):
        for n in wiring.id_array[kind == TYPE_NUMBER[type_name]].tolist():
            value = graph.params_of(n)[key]
            if value is not None and value.ndim:
                return False
    return True


def infer_shape(cls: type[Layer], shapes: tuple[Shape, ...], params: dict[str, Any]) -> Shape:
    """The output shape of a node, or ShapeError saying why it has none (also when
    it would have more elements than a value may)."""
    out = _shape_of_result(cls, shapes, params)
    size = math.prod(out)
    if size > MAX_ELEMENTS:
        raise ShapeError(
            QT_TRANSLATE_NOOP("engine", "the result would have {n} elements; at most {limit}"),
            n=f"{size:,}",
            limit=f"{MAX_ELEMENTS:,}",
        )
    return out


def _shape_of_result(cls: type[Layer], shapes: tuple[Shape, ...], params: dict[str, Any]) -> Shape:
    name = cls.type_name
    if name == "Sum":
        return ()
    if name == "MatMul":
        return _matmul_shape(*shapes)
    if name == "Output":
        seed = params.get("grad")
        if seed is not None and _broadcast(seed.shape, shapes[0]) != shapes[0]:
            raise ShapeError(
                QT_TRANSLATE_NOOP(
                    "engine", "the seed gradient's shape {seed} does not fit the output's {out}"
                ),
                seed=_shape_text(seed.shape),
                out=_shape_text(shapes[0]),
            )
        return shapes[0]
    out = _broadcast(*shapes)
    if out is None:
        raise ShapeError(
            QT_TRANSLATE_NOOP("engine", "shapes {a} and {b} cannot be combined elementwise"),
            a=_shape_text(shapes[0]),
            b=_shape_text(shapes[1]),
        )
    return out


def _broadcast(*shapes: Shape) -> Shape | None:
    try:
        return tuple(np.broadcast_shapes(*shapes))
    except ValueError:
        return None


def _matmul_shape(a: Shape, b: Shape) -> Shape:
    if not a or not b:
        raise ShapeError(QT_TRANSLATE_NOOP("engine", "MatMul needs vectors or matrices, not numbers"))
    inner_a = a[-1]
    inner_b = b[0]
    if inner_a != inner_b:
        raise ShapeError(
            QT_TRANSLATE_NOOP("engine", "MatMul: shapes {a} and {b} do not fit ({m} ≠ {n})"),
            a=_shape_text(a),
            b=_shape_text(b),
            m=inner_a,
            n=inner_b,
        )
    return a[:-1] + b[1:]


def _shape_text(shape: Shape) -> str | Text:
    return (
        "(" + "×".join(str(n) for n in shape) + ")"
        if shape
        else Text("engine", QT_TRANSLATE_NOOP("engine", "(a number)"))
    )


class Result:
    """One evaluation, read-only: values, gradients, wire gradients, flags.

    ``flags``: the nodes that made a non-finite value from finite inputs, and why;
    ``grad_flags``: the nodes that made a non-finite gradient from finite inputs and a
    finite upstream gradient (or whose wires' gradients add up past the largest number),
    and why. Both in English; ``problem_text`` gives the reasons to translate.
    """

    def __init__(self, plan: Plan, vals: dict, grads: dict | None, wire_grads: list | None,
                 flags: dict[str, Text], loss: float | None,
                 grad_flags: dict[str, Text] | None = None) -> None:  # fmt: skip
        self._plan = plan
        self._vals = vals
        self._grads = grads
        self._wire = wire_grads
        self._flags = flags
        self._grad_flags = grad_flags or {}
        self.flags = {n: str(why) for n, why in flags.items()}  # English, as the CLI prints them
        self.grad_flags = {n: str(why) for n, why in self._grad_flags.items()}
        self.loss = loss
        for arrays in (vals, grads or {}):
            for a in arrays.values():
                a.flags.writeable = False

    @property
    def has_gradients(self) -> bool:
        return self._grads is not None

    def value(self, node_id: str) -> np.ndarray | None:
        i = self._plan.index.get(node_id)
        return None if i is None else self._value_of(i)

    def _value_of(self, i: int) -> np.ndarray | None:
        plan = self._plan
        shape = plan.shape_of[i]
        return None if shape is None else self._vals[shape][plan.slot_list[i]]

    def grad(self, node_id: str) -> np.ndarray | None:
        """dL/d(this node's value): the sum over its wires; an Output's seed."""
        plan = self._plan
        i = plan.index.get(node_id)
        shape = None if i is None else plan.shape_of[i]
        if self._grads is None or shape is None:
            return None
        gi = plan.group_list[i]  # type: ignore[index]
        if gi >= 0 and plan.groups[gi].cls is OutputLayer and plan.target is None:
            return plan.seeds[plan.output_groups.index(gi)][plan.row_list[i]]  # type: ignore[index]
        return self._grads[shape][plan.slot_list[i]]  # type: ignore[index]

    def values_of(self, node_ids: list[str]) -> list:
        """``value(n)`` of many nodes at once (a graph of numbers gives Python floats)."""
        nodes = self._numbered(node_ids)
        if nodes is None:
            return [self.value(n) for n in node_ids]
        return self._vals[()][self._plan.slot_of[nodes]].tolist()

    def grads_of(self, node_ids: list[str]) -> list:
        """``grad(n)`` of many nodes at once (a graph of numbers gives Python floats)."""
        nodes = self._numbered(node_ids)
        if nodes is None or self._grads is None:
            return [self.grad(n) for n in node_ids]
        grads = self._grads[()][self._plan.slot_of[nodes]].tolist()
        plan = self._plan
        seeded = np.isin(plan.group_of[nodes], plan.output_groups if plan.target is None else [])
        for k in np.flatnonzero(seeded).tolist():  # an Output's gradient is its seed
            grads[k] = self.grad(node_ids[k])
        return grads

    def _numbered(self, node_ids: list[str]) -> np.ndarray | None:
        """The numbers of these nodes if the graph is of numbers only; else None."""
        plan = self._plan
        if not plan.numbers_only:
            return None
        try:
            return numbers(plan.index, node_ids)
        except KeyError:  # not in the graph: the one by one way says None
            return None

    @property
    def target(self) -> str | None:
        """The node differentiated (gradients are ∂target/∂...); None: the Outputs, the loss."""
        return self._plan.target

    def reaches_loss(self, node_id: str) -> bool:
        """Whether the node has a path to a defined Output, or to the target if there is one
        (``Plan.live``): if not, its gradient is exactly 0 and it did not run backward."""
        i = self._plan.index.get(node_id)
        return i is not None and bool(self._plan.live[i])

    def has_wire(self, edge: Edge) -> bool:
        """Whether the graph had this wire when it was evaluated (an editor may hold on to
        an older Result for a moment after an edit)."""
        try:
            self._plan.wire_ends(edge)
        except GraphError:
            return False
        return True

    def wire_value(self, edge: Edge) -> np.ndarray | None:
        """The value on a wire: its source's; GraphError if the graph has no such wire."""
        return self._value_of(self._plan.wire_ends(edge)[0])

    def wire_grad(self, edge: Edge) -> np.ndarray | None:
        """dL/d(value) through this wire alone, in the value's shape; None if the wire goes
        into an undefined node or there are no gradients; GraphError if there is no such wire."""
        plan = self._plan
        i = plan.wire_ends(edge)[1]
        gi = plan.group_list[i]
        if self._wire is None or gi < 0:
            return None
        return self._wire[gi][edge.port][plan.row_list[i]]

    def problem(self, node_id: str) -> str | None:
        """Why a node is undefined, or made a non-finite value or gradient, if it did (in
        English); a node with several problems gives the first in that order."""
        why = self.problem_text(node_id)
        return None if why is None else str(why)

    def problem_nodes(self) -> list[str]:
        """The nodes that are undefined or made a non-finite value or gradient, in file order."""
        found = {**self._plan.problem, **self._flags, **self._grad_flags}
        return sorted(found, key=self._plan.index.__getitem__)

    def problem_text(self, node_id: str) -> Problem | None:
        """The same reason as a template and its arguments: ``.translated(translate)`` says it
        in the interface's language."""
        return self._plan.problem.get(node_id) or self._flags.get(node_id) or self._grad_flags.get(node_id)

    def grad_problem_text(self, node_id: str) -> Text | None:
        """Why this node made a non-finite gradient, if it did (``grad_flags``, to translate)."""
        return self._grad_flags.get(node_id)


class Evaluator:
    """Evaluates one Graph again and again, keeping the plan while it holds."""

    def __init__(self, graph: Graph, target: str | None = None) -> None:
        self.graph = graph
        self._plan: Plan | None = None
        self._tape: Any = None  # a graph of numbers with small groups runs on a tape (tape.py)
        self._target: str | None = None
        self.target = target
        graph.subscribe(self._on_change)

    @property
    def target(self) -> str | None:
        """The node backward starts from (None: the Outputs). View state: setting it rebuilds
        the plan once; removing that node from the graph returns to the Outputs."""
        return self._target

    @target.setter
    def target(self, node_id: str | None) -> None:
        if node_id is not None and (not isinstance(node_id, str) or node_id not in self.graph.nodes):
            check_target({}, node_id)  # raises the GraphError
        if node_id != self._target:
            self._target = node_id
            self._plan = None

    def close(self) -> None:
        self.graph.unsubscribe(self._on_change)

    def _on_change(self, event: GraphEvent) -> None:
        if event.kind == "node_removed" and event.node_id == self._target:
            self._target = None
            self._plan = None
        if self._plan is None or event.kind in (
            "node_renamed",
            "node_moved",
            "extra_changed",
            "exercise_changed",
        ):
            return
        if event.kind == "param_changed" and event.key == "value":
            node = self.graph.nodes[event.node_id]  # type: ignore[index]
            if self._plan.update_input(node.id, node.params["value"]):
                return
        self._plan = None

    @property
    def plan(self) -> Plan:
        if self._plan is None:
            from .tape import tape_for  # tape.py builds on this module

            self._plan = Plan(self.graph, self._target)
            self._tape = tape_for(self._plan)
        return self._plan

    def evaluate(self) -> Result:
        plan = self.plan
        if self._tape is not None:
            return self._tape.evaluate()
        with np.errstate(all="ignore"):
            vals, layers, flags = _forward(plan, plan.input_stack)
            loss = _loss(plan, vals) if plan.output_groups else None
            if not plan.seeded:
                return Result(plan, vals, None, None, flags, loss)
            grads, wire = _backward(plan, vals, layers)
            # A non-finite wire gradient makes its source's gradient non-finite too, so
            # one look at the nodes' gradients tells whether there is anything to flag.
            finite = all(np.isfinite(a).all() for a in grads.values())
            grad_flags = {} if finite else _flag_nonfinite_grads(plan, vals, grads, wire)
        return Result(plan, vals, grads, wire, flags, loss, grad_flags)

    def evaluate_values(self) -> Result:
        """A forward pass alone: values, flags and the loss, no gradients (what forward mode
        needs besides its tangents)."""
        plan = self.plan
        if self._tape is not None:
            return self._tape.evaluate(gradients=False)
        with np.errstate(all="ignore"):
            vals, _, flags = _forward(plan, plan.input_stack)
            loss = _loss(plan, vals) if plan.output_groups else None
        return Result(plan, vals, None, None, flags, loss)

    def loss(self, input_stack: dict[Shape, np.ndarray] | None = None) -> float | None:
        """The loss from a forward pass alone, optionally with other Input values."""
        plan = self.plan
        if not plan.output_groups:
            return None
        if self._tape is not None:
            return self._tape.forward_loss((input_stack or plan.input_stack).get((), np.zeros(0)))
        with np.errstate(all="ignore"):
            vals, _, _ = _forward(plan, input_stack or plan.input_stack)
            return _loss(plan, vals)

    def numerical_gradients(
        self, eps: float = 1e-6, only: Iterable[str] | None = None, tick: Callable[[], None] | None = None
    ) -> dict[str, np.ndarray | None]:
        """dL/d(input) for every Input (or the Inputs ``only`` names) by central differences:
        two forward passes per element, each element followed by ``tick()`` (for progress)."""
        plan = self.plan
        wanted = None if only is None else set(only)
        result: dict[str, np.ndarray | None] = {}
        for shape, ids in plan.inputs.items():
            stacks = {s: a.copy() for s, a in plan.input_stack.items()}
            for row, n in enumerate(ids):
                if wanted is not None and n not in wanted:
                    continue
                if not plan.output_groups:
                    result[n] = None
                    continue
                grad = np.zeros(shape)
                stack = stacks[shape]
                for index in np.ndindex(*shape):
                    at = (row, *index)
                    old = stack[at]
                    stack[at] = old + eps
                    up = self.loss(stacks)
                    stack[at] = old - eps
                    down = self.loss(stacks)
                    stack[at] = old
                    grad[index] = (up - down) / (2 * eps)  # type: ignore[operator]
                    if tick is not None:
                        tick()
                result[n] = grad
        return result


def evaluate(graph: Graph, target: str | None = None) -> Result:
    """Evaluate a graph once; gradients of ``target`` (a node's id) if given, else of the loss."""
    evaluator = Evaluator(graph, target)
    try:
        return evaluator.evaluate()
    finally:
        evaluator.close()


def numerical_gradients(graph: Graph, eps: float = 1e-6) -> dict[str, np.ndarray | None]:
    evaluator = Evaluator(graph)
    try:
        return evaluator.numerical_gradients(eps)
    finally:
        evaluator.close()


@dataclass(frozen=True)
class CheckRow:
    node_id: str
    backprop: np.ndarray | None
    numerical: np.ndarray | None
    error: float  # the worst element's |backprop − numerical| / (atol + rtol·|numerical|); inf if not finite

    @property
    def agrees(self) -> bool:
        return self.error <= 1.0

    @property
    def difference(self) -> float | None:
        """The largest |backprop − numerical| over the elements: NaN if either is NaN
        anywhere (print it with ``format_number``); None if there is no gradient."""
        if self.backprop is None or self.numerical is None:
            return None
        with np.errstate(all="ignore"):
            return float(np.max(np.abs(self.backprop - self.numerical)))


@dataclass(frozen=True)
class CheckReport:
    rows: list[CheckRow]
    backprop_seconds: float
    numerical_seconds: float
    rtol: float
    atol: float

    @property
    def ok(self) -> bool:
        return all(r.agrees for r in self.rows)


def gradient_check(
    graph: Graph,
    eps: float = 1e-6,
    rtol: float = 1e-4,
    atol: float = 1e-6,
    tick: Callable[[], None] | None = None,
) -> CheckReport:
    """Backprop vs central differences for every Input, each timed (``tick`` as in
    ``Evaluator.numerical_gradients``).

    ``error`` is the largest |backprop − numerical| / (atol + rtol·|numerical|):
    at most 1 means they agree within tolerance. A NaN or infinity in either, even in
    one element, makes ``error`` inf: such a gradient never agrees. The defaults
    (eps 1e-6, rtol 1e-4, atol 1e-6) are part of the API.
    """
    evaluator = Evaluator(graph)
    try:
        evaluator.plan  # noqa: B018  (build the plan outside both timings)
        t0 = time.perf_counter()
        result = evaluator.evaluate()
        t1 = time.perf_counter()
        numerical = evaluator.numerical_gradients(eps, tick=tick)
        t2 = time.perf_counter()
    finally:
        evaluator.close()
    rows = []
    for n in graph.of_type("Input"):
        num = numerical.get(n)
        bp = result.grad(n)
        if bp is None or num is None:
            rows.append(CheckRow(n, bp, num, 0.0))
            continue
        with np.errstate(all="ignore"):
            err = np.abs(bp - num) / (atol + rtol * np.abs(num))
        worst = float(np.max(err)) if np.isfinite(err).all() else float("inf")
        rows.append(CheckRow(n, bp, num, worst))
    return CheckReport(rows, t1 - t0, t2 - t1, rtol, atol)


# -- the two passes -----------------------------------------------------------


def _align(stack: np.ndarray, rank: int) -> np.ndarray:
    """Insert axes after the stacking axis so numpy broadcasting lines up per row."""
    missing = rank - (stack.ndim - 1)
    if missing <= 0:
        return stack
    return stack.reshape((stack.shape[0],) + (1,) * missing + stack.shape[1:])


def _forward(plan: Plan, input_stack: dict[Shape, np.ndarray]):
    vals = {s: np.empty((c, *s)) for s, c in plan.counts.items()}
    for s, slots in plan.input_slots.items():
        vals[s][slots] = input_stack[s]
    layers: list[Any] = []
    flags: dict[str, Text] = {}
    for g in plan.groups:
        xs = [vals[s][idx] for s, idx in zip(g.in_shapes, g.in_slots, strict=True)]
        if g.cls.elementwise:
            layer = g.cls(**g.params)
            out = layer.forward(*(_align(x, len(g.out_shape)) for x in xs))
        else:
            layer = [g.cls(**g.params) for _ in g.ids]
            out = np.array([lay.forward(*(x[r] for x in xs)) for r, lay in enumerate(layer)])
        vals[g.out_shape][g.out_slots] = out
        layers.append(layer)
    # One look at every value, not one per group; only if something is not finite,
    # find the nodes that made it (with finite inputs) group by group.
    if not all(np.isfinite(v).all() for v in vals.values()):
        for g in plan.groups:
            out = vals[g.out_shape][g.out_slots]
            if not np.isfinite(out).all():
                xs = [vals[s][idx] for s, idx in zip(g.in_shapes, g.in_slots, strict=True)]
                _flag_nonfinite(g, xs, out, flags)
    return vals, layers, flags


def _flag_nonfinite(g: _Group, xs: list[np.ndarray], out: np.ndarray, flags: dict) -> None:
    rows = ~np.isfinite(out.reshape(g.size, -1)).all(axis=1)
    for x in xs:
        rows &= np.isfinite(x.reshape(g.size, -1)).all(axis=1)
    for r in np.flatnonzero(rows):
        flags[g.ids[r]] = Text("ops", g.cls.nonfinite_reason(*(x[r] for x in xs), **g.params))


def _finite_rows(stack: np.ndarray, size: int) -> np.ndarray:
    return np.isfinite(stack.reshape(size, -1)).all(axis=1)


def _flag_nonfinite_grads(plan: Plan, vals: dict, grads: dict, wire: list) -> dict[str, Text]:
    """The nodes where a non-finite gradient starts: a node that sends one back from finite
    inputs and a finite upstream gradient (an infinite slope, or an overflow), and a node
    whose wires each carry a finite gradient that add up past the largest number."""
    flags: dict[str, Text] = {}
    reached = {s: np.zeros(c, bool) for s, c in plan.counts.items()}  # a non-finite wire reached it
    for gi, g in enumerate(plan.groups):
        if not g.live or g.cls is OutputLayer:  # no backward, or the seed passed on
            continue
        bad = [~_finite_rows(d, g.size) for d in wire[gi]]
        if not any(b.any() for b in bad):
            continue
        for b, s, idx in zip(bad, g.in_shapes, g.in_slots, strict=True):
            reached[s][idx[b]] = True
        xs = [vals[s][idx] for s, idx in zip(g.in_shapes, g.in_slots, strict=True)]
        rows = np.logical_or.reduce(bad) & _finite_rows(grads[g.out_shape][g.out_slots], g.size)
        for x in xs:
            rows &= _finite_rows(x, g.size)
        for r in np.flatnonzero(rows).tolist():
            why = g.cls.nonfinite_slope_reason(*(x[r] for x in xs), **g.params)
            flags[g.ids[r]] = Text("ops", why, **{k: format_number(float(v)) for k, v in g.params.items()})
    for i, shape in enumerate(plan.shape_of):
        if shape is not None and plan.live[i]:
            slot = plan.slot_list[i]
            if not reached[shape][slot] and not np.isfinite(grads[shape][slot]).all():
                flags[plan.ids[i]] = Text("engine", SUM_OVERFLOW)
    return flags


SUM_OVERFLOW = QT_TRANSLATE_NOOP(
    "engine", "the gradients on its wires add up to a number too large (overflow)"
)


def _loss(plan: Plan, vals: dict) -> float:
    total = 0.0
    for seeds, gi in zip(plan.seeds, plan.output_groups, strict=True):
        g = plan.groups[gi]
        total += float(np.sum(seeds * vals[g.out_shape][g.out_slots]))
    return total


def _backward(plan: Plan, vals: dict, layers: list):
    grads = {s: np.zeros((c, *s)) for s, c in plan.counts.items()}
    wire: list[list[np.ndarray] | None] = [None] * len(plan.groups)
    target = plan.target_slot()
    if target is None:
        seeds = dict(zip(plan.output_groups, plan.seeds, strict=True))
    else:  # the target's seed, ones of its shape; no Output is live unless it is the target
        seeds = {}
        grads[target[0]][target[1]] = 1.0
    for gi in range(len(plan.groups) - 1, -1, -1):
        g = plan.groups[gi]
        if not g.live:  # no path to the loss: exactly 0 flows back, whatever its value
            wire[gi] = [_zeros((g.size, *s)) for s in g.in_shapes]
            continue
        dout = seeds[gi] if gi in seeds else grads[g.out_shape][g.out_slots]
        if g.cls.elementwise:
            dxs = layers[gi].backward(_align(dout, len(g.out_shape)))
            dxs = [_unbroadcast(d, g.size, g.out_shape, s) for d, s in zip(dxs, g.in_shapes, strict=True)]
        else:
            per_row = [lay.backward(dout[r]) for r, lay in enumerate(layers[gi])]
            dxs = [np.array([row[p] for row in per_row]) for p in range(len(g.in_shapes))]
        for d, s, idx in zip(dxs, g.in_shapes, g.in_slots, strict=True):
            np.add.at(grads[s], idx, d)
            d.flags.writeable = False
        wire[gi] = dxs
    return grads, wire


def _zeros(shape: Shape) -> np.ndarray:
    z = np.zeros(shape)
    z.flags.writeable = False
    return z


def _unbroadcast(d: np.ndarray, m: int, out_shape: Shape, shape: Shape) -> np.ndarray:
    """Sum a gradient of the broadcast shape back to one operand's shape."""
    full = (m, *out_shape)
    if shape == out_shape:  # a fresh array: layers may return views of shared data
        return np.array(d if type(d) is np.ndarray and d.shape == full else np.broadcast_to(d, full))
    d = np.broadcast_to(d, full)
    aligned = (m,) + (1,) * (len(out_shape) - len(shape)) + shape
    axes = tuple(i for i in range(1, len(full)) if aligned[i] == 1 and full[i] != 1)
    return d.sum(axis=axes, keepdims=True).reshape((m, *shape))
