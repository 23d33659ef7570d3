"""Graphs of numbers on a flat tape of Python floats.

The grouped path (engine.py) runs each group of nodes of one depth and type with a
few numpy calls, ~10-20 µs however small the group. A chain, one node per depth (what
a lesson drawn by hand is), pays that for every node. When every value is a number and
the groups are small, a tape is faster: a forward list and a backward list of steps,
one per node, each a call of the node type's scalar rule (``Layer.scalar_forward`` and
``scalar_backward`` in ops.py) on Python floats, well under a microsecond.

The tape keeps the plan: its slots (one per defined node), its order (groups first to
last, each group's nodes in order) and its seeds, so that it computes what the grouped
path does, in the same order:

- Backward runs the groups last to first, each group's nodes first to last and each
  node's ports in order: the order in which ``np.add.at`` adds up the gradients of a
  node that feeds several. Where a group would add some node's gradients in another
  order that way (it feeds two of the group's nodes through different ports), the
  group is one step that adds them port by port.
- Where a scalar rule raises (1/0, exp(1000), log(0)), that one step runs the layer's
  own numpy forward/backward: the inf or NaN numpy gives.
- A node with no path to an Output runs no backward (``Plan.live``): its gradient and its
  wires' are 0.
- After an Input edit, forward runs again from the first step that reads a changed
  Input; the steps before it would make the same numbers from the same numbers.
"""

from __future__ import annotations

import math
from functools import partial
from itertools import islice
from typing import Any

import numpy as np

from ..gc_pause import gc_paused
from .engine import SUM_OVERFLOW, Plan, Result
from .errors import Text
from .graph import Edge
from .ops import Layer, OutputLayer
from .values import format_number

# The tape runs a graph of numbers when its groups hold fewer nodes than this on average.
# Measured (benchmarks/README.md, "tape or groups"): a group costs the grouped path ~10-20 µs
# plus ~0.05 µs a node, the tape ~0.15-0.3 µs a node; they break even at 30-60 nodes a group.
MEAN_GROUP_SIZE = 40

# A step: (rule, the node's slot, its first input's slot, its second input's slot or ONE_INPUT),
# or (a function of the gradients and values lists, -, -, GROUP).
ONE_INPUT, GROUP = -1, -2
Step = tuple[Any, int, int, int]


def tape_for(plan: Plan) -> Tape | None:
    """A tape for this plan if it runs faster so: every value a number, small groups."""
    if set(plan.counts) - {()} or any(g.cls.scalar_forward is None for g in plan.groups):
        return None
    nodes = sum(g.size for g in plan.groups)
    if plan.groups and nodes >= MEAN_GROUP_SIZE * len(plan.groups):
        return None
    with gc_paused():  # a few objects a node, none of them garbage
        return Tape(plan)


class Tape:
    """The plan of a graph of numbers as a forward list and a backward list of steps."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.size = n = plan.counts.get((), 0)  # slot n: 0.0, read and added to for no second input
        self.input_slots = plan.input_slots[()].tolist() if () in plan.input_slots else []
        self.node_at: list[tuple[type[Layer], dict, str]] = [None] * n  # type: ignore[list-item]
        self.sources: list[tuple[int, int]] = [(ONE_INPUT, ONE_INPUT)] * n
        self.forward: list[Step] = []
        groups = []
        for g in plan.groups:
            params = tuple(g.params[k] for k in g.cls.params)
            outs, ins = g.out_slots.tolist(), [s.tolist() for s in g.in_slots]
            steps = list(zip(outs, ins[0], ins[1] if len(ins) > 1 else [ONE_INPUT] * len(outs), strict=True))
            for (i, a, c), node_id in zip(steps, g.ids, strict=True):
                self.node_at[i] = (g.cls, g.params, node_id)
                self.sources[i] = (a, c)
            self.forward += [(_bound(g.cls.scalar_forward, params, len(ins)), i, a, c) for i, a, c in steps]
            groups.append((g.cls, params, steps, g.live))
        self.live = [False] * (n + 1)  # the plan's ``live`` by slot: only those run backward
        self.backward: list[Step] = []
        for cls, params, steps, live in reversed(groups):
            if live:
                for i, _, _ in steps:
                    self.live[i] = True
                rule = _bound(cls.scalar_backward, params, len(cls.ports) + 2)
                self.backward += self._backward_steps(rule, steps)
        self.seeds = [  # the Outputs' seeds: what the loss sums; and backward's, without a target
            (plan.groups[gi].out_slots.tolist(), plan.seeds[k]) for k, gi in enumerate(plan.output_groups)
        ]
        target = plan.target_slot()
        self.target_slot = None if target is None else target[1]
        self.first_use = self._first_use()
        self._last: tuple[np.ndarray, list[float]] | None = None  # the last Input values and values

    def _backward_steps(self, rule: Any, steps: list[tuple[int, int, int]]) -> list[Step]:
        """One group's backward: a step a node, or one step for the group (see the module)."""
        if len(steps) == 1 or steps[0][2] == ONE_INPUT or _port_order_kept(steps):
            return [(rule, i, a, c) for i, a, c in steps]
        return [(partial(self._group_backward, rule, steps), 0, 0, GROUP)]

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

    # -- the passes ------------------------------------------------------------------------

    def evaluate(self, gradients: bool = True) -> TapeResult:
        v = self.values(self.plan.input_stack.get((), np.zeros(0)))
        flags = self.flags(v)
        if not self.plan.seeded or not gradients:
            return TapeResult(self, v, None, flags, self.loss(v), {})
        g = self.gradients(v)
        return TapeResult(self, v, g, flags, self.loss(v), self.grad_flags(v, g))

    def forward_loss(self, stack: np.ndarray) -> float | None:
        """The loss for these Input values (a row each, as ``plan.input_stack[()]``)."""
        return self.loss(self.values(stack))

    def values(self, stack: np.ndarray) -> list[float]:
        """Every slot's value for these Input values, from the first step that reads an
        Input changed since the last call (a new list: the last one is a Result's now)."""
        last = self._last
        if last is None:
            v, start = [0.0] * (self.size + 1), 0
            changed = np.arange(stack.size)
        else:
            v = last[1].copy()
            changed = np.flatnonzero(stack.view(np.int64) != last[0].view(np.int64))  # -0.0 is new too
            start = int(self.first_use[changed].min()) if changed.size else len(self.forward)
        slots = self.input_slots
        for row, x in zip(changed.tolist(), stack[changed].tolist(), strict=True):
            v[slots[row]] = x
        it = islice(self.forward, start, None)
        while True:
            try:
                for f, i, a, c in it:
                    v[i] = f(v[a]) if c < 0 else f(v[a], v[c])
                break
            except (ArithmeticError, ValueError):  # where numpy gives inf or NaN
                v[i] = self._layer(i, v)[0]
        self._last = (stack.copy(), v)
        return v

    def gradients(self, v: list[float]) -> list[float]:
        """dL/d(every slot's value), given the values."""
        g = [0.0] * (self.size + 1)
        if self.plan.target is not None:
            if self.target_slot is not None:
                g[self.target_slot] = 1.0
            return self._run_backward(g, v)
        for slots, seeds in self.seeds:
            for slot, seed in zip(slots, seeds.tolist(), strict=True):
                g[slot] = seed
        return self._run_backward(g, v)

    def _run_backward(self, g: list[float], v: list[float]) -> list[float]:
        it = iter(self.backward)
        while True:
            try:
                for f, i, a, c in it:
                    if c >= 0:
                        dx, dy = f(g[i], v[i], v[a], v[c])
                        g[a] += dx
                        g[c] += dy
                    elif c == ONE_INPUT:
                        g[a] += f(g[i], v[i], v[a])
                    else:
                        f(g, v)
                return g
            except (ArithmeticError, ValueError):  # where numpy gives inf or NaN
                for s, d in zip((a, c), self._layer(i, v, g[i])[1], strict=False):  # one port: one
                    g[s] += d

    def _group_backward(
        self, rule: Any, steps: list[tuple[int, int, int]], g: list[float], v: list[float]
    ) -> None:
        """A group's backward with every node's gradients added port by port."""
        grads = []
        for i, a, c in steps:
            try:
                grads.append(rule(g[i], v[i], v[a], v[c]))
            except (ArithmeticError, ValueError):
                grads.append(self._layer(i, v, g[i])[1])
        for port in (0, 1):
            for step, d in zip(steps, grads, strict=True):
                g[step[port + 1]] += d[port]

    def loss(self, v: list[float]) -> float | None:
        """The same sum as the grouped path's: Output group by Output group, by numpy."""
        if not self.seeds:
            return None
        total = 0.0
        with np.errstate(all="ignore"):  # inf − inf is NaN, as the values say
            for slots, seeds in self.seeds:
                total += float(np.sum(seeds * np.array([v[s] for s in slots])))
        return total

    def flags(self, v: list[float]) -> dict[str, Text]:
        """The nodes that made a value not finite from finite inputs, in the plan's order."""
        flags: dict[str, Text] = {}
        if math.isfinite(sum(v)):  # any inf or NaN makes the sum one (and so may an overflow)
            return flags
        isfinite = math.isfinite
        for _, i, a, c in self.forward:
            xs = [v[a]] if c < 0 else [v[a], v[c]]
            if not isfinite(v[i]) and all(map(isfinite, xs)):
                cls, params, node_id = self.node_at[i]
                flags[node_id] = Text("ops", cls.nonfinite_reason(*xs, **params))
        return flags

    def grad_flags(self, v: list[float], g: list[float]) -> dict[str, Text]:
        """The nodes where a non-finite gradient starts, as the grouped path finds them: one
        that sends one back from finite inputs and a finite gradient of its own, and one
        whose wires' finite gradients add up past the largest number."""
        flags: dict[str, Text] = {}
        if math.isfinite(sum(g)):
            return flags
        isfinite, reached = math.isfinite, [False] * (self.size + 1)  # a non-finite wire reached it
        for _, i, a, c in self.forward:
            cls, params, node_id = self.node_at[i]
            if not self.live[i] or cls is OutputLayer:
                continue
            bad = [not isfinite(d) for d in self.wire_grads(i, g, v)]
            if not any(bad):
                continue
            for s, b in zip((a, c), bad, strict=False):  # one port: one
                reached[s] = reached[s] or b
            xs = [v[a]] if c < 0 else [v[a], v[c]]
            if isfinite(g[i]) and all(map(isfinite, xs)):
                why = cls.nonfinite_slope_reason(*xs, **params)
                flags[node_id] = Text("ops", why, **{k: format_number(float(p)) for k, p in params.items()})
        plan = self.plan
        for i, (slot, live) in enumerate(zip(plan.slot_list, plan.live.tolist(), strict=True)):
            if slot >= 0 and live and not reached[slot] and not isfinite(g[slot]):
                flags[plan.ids[i]] = Text("engine", SUM_OVERFLOW)
        return flags

    def wire_grads(self, slot: int, g: list[float], v: list[float]) -> tuple[float, ...]:
        """dL/d(input) through each wire into a node: its rule once more, as backward ran it."""
        a, c = self.sources[slot]
        if not self.live[slot]:
            return (0.0, 0.0)
        cls, params, _ = self.node_at[slot]
        xs = [v[a]] if c < 0 else [v[a], v[c]]
        try:
            grads = cls.scalar_backward(g[slot], v[slot], *xs, *(params[k] for k in cls.params))  # type: ignore[misc]
        except (ArithmeticError, ValueError):
            return self._layer(slot, v, g[slot])[1]
        return grads if c >= 0 else (grads,)

    def _layer(self, slot: int, v: list[float], d: float = 1.0) -> tuple[float, tuple]:
        cls, params, _ = self.node_at[slot]
        a, c = self.sources[slot]
        return layer_numbers(cls, params, [v[a]] if c < 0 else [v[a], v[c]], d)


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


def _port_order_kept(steps: list[tuple[int, int, int]]) -> bool:
    """Whether node by node, each node's gradients are added in the order port by port is."""
    seen: dict[int, list[tuple[int, int]]] = {}
    for row, (_, a, c) in enumerate(steps):
        for port, s in enumerate((a, c)):
            seen.setdefault(s, []).append((port, row))
    return all(order == sorted(order) for order in seen.values())


class TapeResult(Result):
    """A Result read from the tape's lists; a number becomes a numpy float when it is read."""

    def __init__(self, tape: Tape, v: list[float], g: list[float] | None, flags: dict[str, Text],
                 loss: float | None, grad_flags: dict[str, Text]) -> None:  # fmt: skip
        super().__init__(tape.plan, {}, None if g is None else {}, None, flags, loss, grad_flags)
        self._tape = tape
        self._v = v
        self._g = g

    def _value_of(self, i: int) -> np.ndarray | None:
        slot = self._plan.slot_list[i]
        return None if slot < 0 else np.float64(self._v[slot])  # type: ignore[return-value]

    def grad(self, node_id: str) -> np.ndarray | None:
        i = self._plan.index.get(node_id)
        slot = -1 if i is None else self._plan.slot_list[i]
        if slot < 0 or self._g is None:
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
        plan = self._plan
        i = plan.wire_ends(edge)[1]  # GraphError if the graph has no such wire
        if plan.group_list[i] < 0 or self._g is None:
            return None
        grads = self._tape.wire_grads(plan.slot_list[i], self._g, self._v)
        return np.float64(grads[edge.port])  # type: ignore[return-value]
