"""Graphs of numbers on a flat tape of Python floats.

The grouped path (engine.py) runs each group of nodes of one depth and type with a
few numpy calls, ~10 µs however small the group. A chain, one node per depth (what a
lesson drawn by hand is), pays that per node. When every value is a number and the
groups are small, a tape is faster: a forward list and a backward list of steps, one
per node, each a call of the node type's scalar rule (``Layer.scalar_forward`` and
``scalar_backward`` in ops.py) on Python floats, ~0.1 µs.

The tape keeps the plan: its slots (one per defined node), its order (groups first to
last, each group's nodes in order) and its seeds, so it computes what the grouped path
does, in the same order:

- Backward runs the groups last to first, but each group's nodes first to last and each
  node's ports in order: the order in which ``np.add.at`` adds up the gradients of a node
  that feeds several. Where a group's ports would be added in another order (a node feeds
  two of its nodes through different ports), that group's steps go port by port.
- Where a scalar rule raises (1/0, exp(1000), log(0)), that one step runs the layer's
  own numpy forward/backward: the inf or NaN numpy gives.
- A node with no path to an Output runs no backward: its gradient and its wires' are 0.
"""

from __future__ import annotations

import math
from functools import partial
from itertools import islice
from typing import Any

import numpy as np

from .engine import Plan, Result
from .errors import Text
from .graph import Edge
from .ops import Layer

# The tape runs a graph of numbers when its groups hold fewer nodes than this on average.
# Measured (benchmarks/README.md): a group costs the grouped path ~10-15 µs plus ~0.05 µs a
# node, the tape ~0.2-0.3 µs a node; they break even at ~40-60 nodes a group.
MEAN_GROUP_SIZE = 40

Step = tuple[Any, int, int, int]  # (rule, the node's slot, its inputs' slots; -1 for no 2nd input)


def tape_for(plan: Plan) -> Tape | None:
    """A tape for this plan if it runs faster so: every value a number, small groups."""
    if set(plan.counts) - {()} or any(g.cls.scalar_forward is None for g in plan.groups):
        return None
    nodes = sum(g.size for g in plan.groups)
    if plan.groups and nodes / len(plan.groups) >= MEAN_GROUP_SIZE:
        return None
    return Tape(plan)


def live_slots(plan: Plan) -> list[bool]:
    """Which slots (defined nodes) have a path of wires to an Output.

    The engine's own ``Plan.live`` (by node number) will say the same; until then, one walk
    over the groups from last to first: a node is live if it is an Output or feeds a live node."""
    live = [False] * plan.counts.get((), 0)
    for g in reversed(plan.groups):
        ins = [s.tolist() for s in g.in_slots]
        for row, slot in enumerate(g.out_slots.tolist()):
            if live[slot] or not g.cls.has_output:
                live[slot] = True
                for port in ins:
                    live[port[row]] = True
    return live


class Tape:
    """The plan of a graph of numbers as a forward list and a backward list of steps."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        n = plan.counts.get((), 0)
        self.size = n  # slot n: where a step with one input reads and adds its no-second-input
        self.input_slots = plan.input_slots[()].tolist() if () in plan.input_slots else []
        self.node_at: list[tuple[type[Layer], dict, str] | None] = [None] * n  # for the rare slow steps
        self.sources: list[tuple[int, int]] = [(-1, -1)] * n
        self.forward: list[Step] = []
        self.backward: list[Step] = []
        self.live = live = live_slots(plan)
        backward_groups = []
        for g in plan.groups:
            params = tuple(g.params[k] for k in g.cls.params)
            outs, ins = g.out_slots.tolist(), [s.tolist() for s in g.in_slots]
            fwd = _bound(g.cls.scalar_forward, params, len(ins))
            bwd = _bound(g.cls.scalar_backward, params, len(ins) + 2)
            second = ins[1] if len(ins) > 1 else [-1] * len(outs)
            steps = list(zip(outs, ins[0], second, strict=True))
            for (i, a, c), node_id in zip(steps, g.ids, strict=True):
                self.node_at[i] = (g.cls, g.params, node_id)
                self.sources[i] = (a, c)
            self.forward += [(fwd, i, a, c) for i, a, c in steps]
            steps = [step for step in steps if live[step[0]]]  # the others' backward is not run
            if steps:
                backward_groups.append(_backward_steps(bwd, steps, len(ins)))
        for steps in reversed(backward_groups):
            self.backward += steps
        self.seeds = [(g.out_slots.tolist(), plan.seeds[k]) for k, g in _outputs(plan)]
        self.first_use = self._first_use()
        self._last: tuple[np.ndarray, list[float]] | None = None  # the last Input values and values

    def _first_use(self) -> np.ndarray:
        """For each Input (by row), the first forward step that reads it."""
        row_of = {slot: row for row, slot in enumerate(self.input_slots)}
        first = np.full(len(self.input_slots), len(self.forward), np.intp)
        for pos, (_, _, a, c) in enumerate(self.forward):
            for s in (a, c):
                row = row_of.get(s)
                if row is not None and first[row] > pos:
                    first[row] = pos
        return first

    def values(self, stack: np.ndarray) -> list[float]:
        """Every slot's value for these Input values (a row each, as ``plan.input_stack[()]``).

        Only the steps from the first one that reads an Input changed since the last call run
        again (an Input edit in the middle of a chain redoes its second half): the values
        before it are the last call's, which the same steps made from the same numbers."""
        last = self._last
        if last is None:
            v, start = [0.0] * (self.size + 1), 0
            changed = np.arange(stack.size)
        else:
            v = last[1].copy()  # that list belongs to the last Result now
            changed = np.flatnonzero(stack.view(np.int64) != last[0].view(np.int64))  # -0.0 is new too
            start = int(self.first_use[changed].min()) if changed.size else len(self.forward)
        for row, x in zip(changed.tolist(), stack[changed].tolist(), strict=True):
            v[self.input_slots[row]] = x
        self._run_forward(v, start)
        self._last = (stack.copy(), v)
        return v

    def _run_forward(self, v: list[float], start: int) -> None:
        it = islice(self.forward, start, None)
        while True:
            try:
                for f, i, a, c in it:
                    v[i] = f(v[a]) if c < 0 else f(v[a], v[c])
                return
            except (ArithmeticError, ValueError):  # where numpy gives inf or NaN
                v[i] = self._slow_forward(i, v[a], v[c] if c >= 0 else None)

    def run_backward(self, v: list[float]) -> list[float]:
        g = [0.0] * (self.size + 1)
        for slots, seeds in self.seeds:
            for slot, seed in zip(slots, seeds.tolist(), strict=True):
                g[slot] = seed
        it = iter(self.backward)
        while True:
            try:
                for f, i, a, c in it:
                    if c < 0:
                        g[a] += f(g[i], v[i], v[a])
                    else:
                        dx, dy = f(g[i], v[i], v[a], v[c])
                        g[a] += dx
                        g[c] += dy
                return g
            except (ArithmeticError, ValueError):
                grads = self._slow_backward(f, i, g[i], v, a, c)
                g[a] += grads[0]
                if c >= 0:
                    g[c] += grads[1]

    def loss(self, v: list[float]) -> float | None:
        """The same sum as the grouped path's, group by group with numpy's sum."""
        if not self.seeds:
            return None
        total = 0.0
        with np.errstate(all="ignore"):  # inf − inf is NaN, as the values say
            for slots, seeds in self.seeds:
                total += float(np.sum(seeds * np.array([v[s] for s in slots])))
        return total

    def evaluate(self) -> TapeResult:
        v = self.values(self.plan.input_stack.get((), np.zeros(0)))
        flags = self.flags(v)
        if not self.seeds:
            return TapeResult(self, v, None, flags, None)
        return TapeResult(self, v, self.run_backward(v), flags, self.loss(v))

    def forward_loss(self, stack: np.ndarray) -> float | None:
        return self.loss(self.values(stack))

    def flags(self, v: list[float]) -> dict[str, Text]:
        """The nodes that made a value not finite from finite inputs, in the plan's order."""
        flags: dict[str, Text] = {}
        if math.isfinite(sum(v)):  # one look: any inf or NaN makes the sum one (so may overflow)
            return flags
        isfinite = math.isfinite
        for _, i, a, c in self.forward:
            xs = [v[a]] if c < 0 else [v[a], v[c]]
            if not isfinite(v[i]) and all(map(isfinite, xs)):
                cls, params, node_id = self.node_at[i]  # type: ignore[misc]
                flags[node_id] = Text("ops", cls.nonfinite_reason(*xs, **params))
        return flags

    def local_grads(self, slot: int, d: float, v: list[float]) -> tuple[float, ...]:
        """dL/d(input) through each of a node's wires, given dL/d(its value)."""
        cls, params, _ = self.node_at[slot]  # type: ignore[misc]
        a, c = self.sources[slot]
        xs = [v[a]] if c < 0 else [v[a], v[c]]
        if not self.live[slot]:
            return (0.0,) * len(xs)
        rule = cls.scalar_backward
        try:
            out = rule(d, v[slot], *xs, *(params[k] for k in cls.params))  # type: ignore[misc]
        except (ArithmeticError, ValueError):
            return layer_numbers(cls, params, xs, d)[1]
        return out if isinstance(out, tuple) else (out,)

    def _slow_forward(self, slot: int, x: float, y: float | None) -> float:
        cls, params, _ = self.node_at[slot]  # type: ignore[misc]
        return layer_numbers(cls, params, [x] if y is None else [x, y])[0]

    def _slow_backward(self, f: Any, slot: int, d: float, v: list[float], a: int, c: int) -> tuple:
        cls, params, _ = self.node_at[slot]  # type: ignore[misc]
        grads = layer_numbers(cls, params, [v[a]] if c < 0 else [v[a], v[c]], d)[1]
        if isinstance(f, partial):  # a step of one port (see _backward_steps)
            port = f.args[1]
            return tuple(x if p == port else 0.0 for p, x in enumerate(grads))
        return grads


def layer_numbers(cls: type[Layer], params: dict, xs: list[float], d: float = 1.0) -> tuple[float, tuple]:
    """A node's value and dL/d(input)s by its layer's numpy forward and backward, as the
    grouped path calls them (a stack of one row; numpy computes ``z**2`` of a stack as
    z·z but of a lone number with pow): what the tape does where a scalar rule raises."""
    layer = cls(**params)
    with np.errstate(all="ignore"):
        if cls.elementwise:
            z = layer.forward(*(np.array([x]) for x in xs))[0]
            grads = layer.backward(np.array([d]))
            return float(z), tuple(float(np.reshape(t, -1)[0]) for t in grads)
        z = layer.forward(*(np.float64(x) for x in xs))
        return float(z), tuple(float(t) for t in layer.backward(np.float64(d)))


def _bound(rule: Any, params: tuple, args: int) -> Any:
    """``rule`` with a node's parameters (a Pow's exponent) put in after its ``args`` arguments."""
    if not params:
        return rule
    if len(params) == 1 and args in (1, 3):  # a Pow's forward and backward, without *args
        p = params[0]
        return (lambda x: rule(x, p)) if args == 1 else (lambda d, z, x: rule(d, z, x, p))
    return lambda *xs: rule(*xs, *params)


def _one_port(rule: Any, port: int, d: float, z: float, x: float, y: float) -> tuple[float, float]:
    grads = rule(d, z, x, y)
    return (grads[0], 0.0) if port == 0 else (0.0, grads[1])  # adding +0 changes no sum


def _backward_steps(rule: Any, steps: list[tuple[int, int, int]], ports: int) -> list[Step]:
    """One group's backward steps: node by node, unless that would add up some node's
    gradient in another order than port by port, as the grouped path does."""
    if ports < 2 or _port_order_kept(steps):
        return [(rule, i, a, c) for i, a, c in steps]
    return [(partial(_one_port, rule, port), i, a, c) for port in range(ports) for i, a, c in steps]


def _port_order_kept(steps: list[tuple[int, int, int]]) -> bool:
    """Whether every source gets its gradients node by node in the order it would port by port."""
    seen: dict[int, list[tuple[int, int]]] = {}
    for row, (_, a, c) in enumerate(steps):
        for port, s in enumerate((a, c)):
            seen.setdefault(s, []).append((port, row))
    return all(order == sorted(order) for order in seen.values())


def _outputs(plan: Plan) -> list[tuple[int, Any]]:
    return [(k, plan.groups[gi]) for k, gi in enumerate(plan.output_groups)]


class TapeResult(Result):
    """A Result read from the tape's lists: numbers made into numpy floats as they are asked for."""

    def __init__(self, tape: Tape, v: list[float], g: list[float] | None, flags: dict[str, Text],
                 loss: float | None) -> None:  # fmt: skip
        super().__init__(tape.plan, {}, None if g is None else {}, None, flags, loss)
        self._tape = tape
        self._v = v
        self._g = g

    def _slot(self, node_id: str) -> int | None:
        plan = self._plan
        i = plan.index.get(node_id)
        if i is None or plan.shape_of[i] is None:
            return None
        return plan.slot_list[i]  # type: ignore[index]

    def value(self, node_id: str) -> np.ndarray | None:
        slot = self._slot(node_id)
        return None if slot is None else np.float64(self._v[slot])  # type: ignore[return-value]

    def grad(self, node_id: str) -> np.ndarray | None:
        slot = self._slot(node_id)
        if slot is None or self._g is None:
            return None
        return np.float64(self._g[slot])  # type: ignore[return-value]  # an Output's: its seed

    def values_of(self, node_ids: list[str]) -> list:
        return self._many(node_ids, self._v, self.value)

    def grads_of(self, node_ids: list[str]) -> list:
        if self._g is None:
            return [None] * len(node_ids)
        return self._many(node_ids, self._g, self.grad)

    def _many(self, node_ids: list[str], numbers: list[float], one: Any) -> list:
        nodes = self._numbered(node_ids)
        if nodes is None:
            return [one(n) for n in node_ids]
        return [numbers[s] for s in self._plan.slot_of[nodes].tolist()]

    def wire_grad(self, edge: Edge) -> np.ndarray | None:
        """dL/d(value) through this wire alone: the node's scalar rule once more."""
        slot = self._slot(edge.dst)
        if slot is None or self._g is None or self._plan.group_list[self._plan.index[edge.dst]] < 0:
            return None
        d = self._g[slot]
        return np.float64(self._tape.local_grads(slot, d, self._v)[edge.port])  # type: ignore[return-value]
