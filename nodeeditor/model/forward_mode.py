"""Forward mode: how fast every node and wire moves when one Input moves, in one pass.

The tangent of a node is d(node)/d(input)·direction: ẋ = the direction at the Input,
then each node's ``tangent`` rule (ops.py) from its inputs' tangents, in the plan's order.
For a number Input with direction 1 that is d(node)/d(input); at an Output it is
d(Output)/d(input), which reverse mode gets as dL/d(input) (with seed 1).

Semantics, as for values: an undefined node has no tangent (None); a node that does not
depend on the Input (no path of wires from it) has tangent exactly 0, whatever its value;
an input that does not move adds no term to a node's tangent (no 0·∞); a wire carries its
source's tangent, as it carries its value.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .engine import Plan, Result, Shape, _align
from .errors import Text
from .graph import Edge, Graph, GraphError
from .ops import QT_TRANSLATE_NOOP
from .tape import TapeResult, layer_numbers
from .values import MAX_ELEMENTS


def unit_direction(shape: Shape, index: tuple[int, ...] | int) -> np.ndarray:
    """The direction that moves one element of a vector or matrix Input: 1 there, 0 elsewhere."""
    index = (index,) if isinstance(index, int) else tuple(index)
    if len(index) != len(shape) or not all(0 <= k < n for k, n in zip(index, shape, strict=True)):
        raise GraphError(
            QT_TRANSLATE_NOOP("errors", "element {index} is not in a value of shape {shape}"),
            index=",".join(map(str, index)) or "()",
            shape="×".join(map(str, shape)) or "()",
        )
    d = np.zeros(shape)
    d[index] = 1.0
    return d


@dataclass(frozen=True)
class Tangents:
    """The tangents of one evaluation in one direction (``wrt``, ``direction``)."""

    wrt: str
    direction: np.ndarray
    _plan: Plan
    _stacks: dict[Shape, np.ndarray] | None  # the grouped path's: a row per slot
    _list: list[float] | None  # the tape's: one number per slot
    _moving: dict[Shape, np.ndarray] | list[bool]  # by slot (and shape): depends on the Input

    def moves(self, node_id: str) -> bool:
        """Whether the node depends on the Input (has a path of wires from it); if not, its
        tangent is exactly 0."""
        i = self._plan.index.get(node_id)
        shape = None if i is None else self._plan.shape_of[i]
        if shape is None:
            return False
        slot = self._plan.slot_list[i]  # type: ignore[index]
        return bool(self._moving[slot] if isinstance(self._moving, list) else self._moving[shape][slot])

    def node(self, node_id: str) -> np.ndarray | None:
        """d(node)/d(wrt)·direction; None if the node is undefined (or not in the graph)."""
        i = self._plan.index.get(node_id)
        return None if i is None else self._of(i)

    def _of(self, i: int) -> np.ndarray | None:
        plan = self._plan
        shape = plan.shape_of[i]
        if shape is None:
            return None
        slot = plan.slot_list[i]
        if self._list is not None:
            return np.float64(self._list[slot])  # type: ignore[return-value]
        return self._stacks[shape][slot]  # type: ignore[index]

    def wire(self, edge: Edge) -> np.ndarray | None:
        """The tangent a wire carries: its source's; GraphError if the graph has no such wire."""
        return self._of(self._plan.wire_ends(edge)[0])


def tangents(graph: Graph, result: Result, wrt: str, direction: np.ndarray | float | None = None) -> Tangents:
    """The tangent of every node and wire of ``result``'s evaluation of ``graph`` when the
    Input ``wrt`` moves along ``direction`` (None: 1, for a number Input)."""
    plan = result._plan
    i = plan.index.get(wrt) if isinstance(wrt, str) else None
    if i is None or graph.nodes[wrt].type != "Input":
        raise GraphError(
            QT_TRANSLATE_NOOP("errors", 'forward mode needs an Input: "{node}" is not one'),
            node=wrt if isinstance(wrt, str) else repr(wrt),
        )
    shape = plan.shape_of[i]
    d = _direction(wrt, shape, direction)  # type: ignore[arg-type]
    with np.errstate(all="ignore"):
        if isinstance(result, TapeResult):
            t, moving = _on_tape(result, plan.slot_list[i], float(d))
            return Tangents(wrt, d, plan, None, t, moving)
        stacks, moving = _grouped(plan, result._vals, shape, plan.slot_list[i], d)  # type: ignore[arg-type]
        return Tangents(wrt, d, plan, stacks, None, moving)


def _direction(wrt: str, shape: Shape, direction: np.ndarray | float | None) -> np.ndarray:
    if direction is None:
        if shape:
            raise GraphError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    '"{node}" has shape {shape}: choose one element, or type a direction',
                ),
                node=wrt,
                shape="×".join(map(str, shape)),
            )
        return np.float64(1.0)  # type: ignore[return-value]
    try:
        d = np.asarray(direction, dtype=float)
    except (TypeError, ValueError):
        d = None
    if d is None or d.shape != shape or d.size > MAX_ELEMENTS or not np.isfinite(d).all():
        raise GraphError(
            QT_TRANSLATE_NOOP(
                "errors", 'the direction for "{node}" must be finite numbers of its shape {shape}'
            ),
            node=wrt,
            shape="×".join(map(str, shape)) or Text("engine", QT_TRANSLATE_NOOP("engine", "(a number)")),
        )
    return d.copy()


def _grouped(plan: Plan, vals: dict, shape: Shape, slot: int, d: np.ndarray) -> tuple[dict, dict]:
    """Group by group in the plan's order; only the rows that move run a tangent rule."""
    t = {s: np.zeros((c, *s)) for s, c in plan.counts.items()}
    moving = {s: np.zeros(c, bool) for s, c in plan.counts.items()}
    t[shape][slot], moving[shape][slot] = d, True
    for g in plan.groups:
        ports = list(zip(g.in_shapes, g.in_slots, strict=True))
        moves = [moving[s][idx] for s, idx in ports]
        rows = np.logical_or.reduce(moves)
        if not rows.any():
            continue
        sub = np.flatnonzero(rows)
        xs = [vals[s][idx[sub]] for s, idx in ports]
        dxs = [t[s][idx[sub]] for s, idx in ports]
        moves = [m[sub] for m in moves]
        run = _elementwise if g.cls.elementwise else _row_by_row
        out = run(g, xs, dxs, moves)
        t[g.out_shape][g.out_slots[sub]] = out
        moving[g.out_shape][g.out_slots[sub]] = True
    for a in t.values():
        a.flags.writeable = False
    return t, moving


def _elementwise(g, xs: list, dxs: list, moves: list) -> np.ndarray:
    """One port at a time, the other ports still, so a row's term from a still port is exactly
    absent (not 0 times its value), then the terms added up."""
    rank, m = len(g.out_shape), len(xs[0])
    layer = g.cls(**g.params)
    layer.forward(*(_align(x, rank) for x in xs))
    total = np.zeros((m, *g.out_shape))
    for p, (dx, move) in enumerate(zip(dxs, moves, strict=True)):
        if not move.any():
            continue
        args = [None] * len(xs)
        args[p] = _align(dx, rank)
        term = np.broadcast_to(layer.tangent(*args), total.shape)
        total += np.where(move.reshape((m,) + (1,) * rank), term, 0.0)
    return total


def _row_by_row(g, xs: list, dxs: list, moves: list) -> np.ndarray:
    out = []
    for r in range(len(xs[0])):
        layer = g.cls(**g.params)
        layer.forward(*(x[r] for x in xs))
        out.append(layer.tangent(*(dx[r] if mv[r] else None for dx, mv in zip(dxs, moves, strict=True))))
    return np.array(out)


def _on_tape(result: TapeResult, slot: int, d: float) -> tuple[list[float], list[bool]]:
    """A graph of numbers: ż = Σ ∂z/∂(input)·(input)˙ over the inputs that move, step by step,
    with each node's local derivatives from its scalar rule (the layer's where that raises)."""
    tape, v = result._tape, result._v
    t = [0.0] * (tape.size + 1)
    moving = [False] * (tape.size + 1)
    t[slot], moving[slot] = d, True
    for _, i, a, c in tape.forward:
        ma, mc = moving[a], c >= 0 and moving[c]
        if not (ma or mc):
            continue
        cls, params, _ = tape.node_at[i]
        xs = [v[a]] if c < 0 else [v[a], v[c]]
        try:
            local = cls.scalar_backward(1.0, v[i], *xs, *(params[k] for k in cls.params))  # type: ignore[misc]
            local = (local,) if c < 0 else local
        except (ArithmeticError, ValueError):
            local = layer_numbers(cls, params, xs, 1.0)[1]
        total = local[0] * t[a] if ma else 0.0
        if mc:
            total = total + local[1] * t[c] if ma else local[1] * t[c]
        t[i], moving[i] = total, True
    return t, moving
