"""The gradient as a sum over paths (colah's "Calculus on Computational Graphs").

dL/dx is the sum, over every path of wires from x to the loss, of the product of the local
derivatives along it (each wire's ∂(node it goes into)/∂(that port's input)). Paths grow
exponentially, so they are never enumerated: one pass over the nodes between x and the
loss, in topological order, gives each node the exact number of paths from x to it (a
Python int) and its one path of largest |product|; the next best paths come from
Eppstein's sidetracks (sidetracks.py: a few heap steps each, however long the paths), or
where products do not order that way (an infinite factor), from Jiménez and Marzal's
recursive enumeration (a node's k-th best path is its predecessor's j-th best plus one
wire). A NaN product counts as the largest (it is the thing to see).

What is counted: paths of wires from the node to the result's target, or to a defined
Output (the loss); with the loss a path's product ends with its Output's seed (1 unless
the file gives one), so the products add up to dL/d(node). Only nodes that reach the
target are on a path: paths through dead or undefined nodes carry nothing and are
neither counted nor listed. Two wires from x into both ports of one node are two paths.
A path of length 0 is the target itself (product 1).

Numbers only where the values along are numbers (``PathReport.scalar``): for vectors and
matrices a factor is a Jacobian, not a number, so factors and products are None and the
paths are listed in the order found; their wires and local derivatives' names are the same.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from .engine import Plan, Result
from .graph import Edge, Graph, GraphError
from .ops import QT_TRANSLATE_NOOP, OutputLayer
from .tape import TapeResult, layer_numbers
from .wiring import MAX_PORTS


@dataclass(frozen=True)
class Path:
    wires: tuple[Edge, ...]  # from the node to the target or an Output
    factors: tuple[float | None, ...]  # one a wire: ∂(its destination)/∂(its port's input)
    product: float | None  # the factors' product (times the Output's seed, for the loss)


class PathReport:
    """The paths from ``node`` to the target (None: the loss)."""

    def __init__(self, node: str, target: str | None, gradient: np.ndarray | None, count: int,
                 paths: tuple[Path, ...], scalar: bool, walk: _Walk | None = None) -> None:  # fmt: skip
        self.node, self.target = node, target
        self.gradient = gradient  # the result's gradient of the node: the products' sum
        self.count = count  # every path, exactly
        self.paths = paths  # at most ``limit``, the largest |product| first
        self.scalar = scalar  # every value on a path is a number: factors and products are numbers
        self._walk = walk

    @cached_property
    def wires_on_paths(self) -> frozenset[Edge]:
        """Every wire on some path (worked out when asked: ``explain`` never needs them)."""
        return frozenset() if self._walk is None else self._walk.wires()

    @property
    def more(self) -> int:
        """How many paths are not listed."""
        return self.count - len(self.paths)


def paths(graph: Graph, result: Result, node_id: str, limit: int = 20) -> PathReport:
    """The paths from ``node_id`` to the result's target (or the loss), counted and the
    ``limit`` largest listed; GraphError if there is no such node."""
    plan = result._plan
    start = plan.index.get(node_id) if isinstance(node_id, str) else None
    if start is None:
        raise GraphError(QT_TRANSLATE_NOOP("errors", 'there is no node "{node}"'), node=str(node_id))
    gradient = result.grad(node_id)
    if gradient is None or not plan.live[start]:
        return PathReport(node_id, plan.target, gradient, 0, (), plan.shape_of[start] == ())
    with np.errstate(all="ignore"):
        walk = _Walk(plan, result, start)
        listed = walk.listed(max(0, int(limit)))
    return PathReport(node_id, plan.target, gradient, walk.count, listed, walk.scalar, walk)


END = -1  # the node every path ends in: the target, or the Outputs with their seeds


class _Walk:
    """The nodes between the start and the end, their path counts and best paths."""

    def __init__(self, plan: Plan, result: Result, start: int) -> None:
        self.plan, self.start = plan, start
        self.region, self.on = _region(plan, start)  # the nodes on some path, in topological order
        self.scalar = all(plan.shape_of[i] == () for i in self.region)
        self.local = _local_derivatives(result) if self.scalar else None
        self.local_arrays = _local_arrays(result) if self.scalar else None
        # preds[v]: the wires into v from the region, as (source, port, factor)
        self.preds: dict[int, list[tuple[int, int, float | None]]] = _Lazy(self._preds_of)
        # A path to v is a record (key, tie-break, product, which wire into v, which path to
        # its source): the key orders by |product|, largest first. best[v]: v's paths found.
        first = 1.0 if self.scalar else None
        self.best: dict[int, list[tuple]] = {start: [(-_size(first), (0, 0), first, -1, -1)]}
        levels = len(np.unique(plan.depth[self.region]))
        if self.scalar and len(self.region) >= LEVEL_SIZE * levels:
            self.count = self._first_pass_by_level(result)
        else:
            self.count = self._first_pass()
        self.todo: dict[int, list[tuple]] = {}  # the candidates for each node's next path
        self.exhausted: set[int] = {start}  # nodes whose every path is found
        self.extended: dict[int, int] = {}  # how many of its paths gave their successor to the heap
        self.edges: dict[tuple[int, int], Edge] = {}  # (node, which wire into it): the wire

    def _preds_of(self, v: int) -> list[tuple[int, int, float | None]]:
        sources, n_ports = self.plan._wire_table
        base, on, local = v * MAX_PORTS, self.on, self.local
        if local is None:
            return [(u, p, None) for p in range(n_ports[v]) if on[u := sources[base + p]]]
        slot = self.plan.slot_list[v]
        return [(u, p, local[p][slot]) for p in range(n_ports[v]) if on[u := sources[base + p]]]

    def _ends(self) -> list[tuple[int, int, float | None]]:
        plan = self.plan
        if plan.target is not None:
            return [(plan.target_index, -1, 1.0)]  # type: ignore[list-item]
        return [(o, -1, _seed(plan, o)) for o in self.region if _is_output(plan, o)]

    def _first_pass(self) -> int:
        """Node by node: each one's number of paths and best path; the paths' count."""
        start, preds, best = self.start, self.preds, self.best
        count = {start: 1}
        inf = math.inf
        for v in self.region:
            if v == start:
                continue
            total, top, size, at = 0, None, -1.0, 0
            for wi, (u, _, f) in enumerate(preds[v]):
                total += count[u]
                q = best[u][0][2]
                if q is None or f is None:
                    q, s = None, 0.0
                else:
                    q *= f
                    s = abs(q)
                    if s != s:  # NaN: the largest
                        s = inf
                if s > size:
                    top, size, at = q, s, wi
            count[v] = total
            best[v] = [(-size, (at, 0), top, at, 0)]
        preds[END] = self._ends()
        best[END] = [self._best_of(END, preds[END])]
        return sum([count[u] for u, _, _ in preds[END]])

    def _first_pass_by_level(self, result: Result) -> int:
        """The same for a graph of numbers with wide levels, a level at a time with numpy (the
        counts as Python ints in object arrays): the best paths of the nodes are made into
        records only where the enumeration asks (``_Lazy``)."""
        plan, start, region = self.plan, self.start, np.array(self.region, np.intp)
        n = len(plan.ids)
        on = np.array(self.on, bool)
        local = _local_arrays(result)
        depth = plan.depth[region]
        q_best, s_best, w_best = np.zeros(n), np.zeros(n), np.zeros(n, np.intp)
        count = np.zeros(n, object)
        q_best[start], s_best[start], count[start] = 1.0, 1.0, 1
        inner = region[region != start]
        cut = np.flatnonzero(np.diff(depth[region != start])) + 1
        slots = np.asarray(plan.slot_of)
        for level in np.split(inner, cut):
            src = plan.sources[level]
            wire_at = np.zeros(len(level), np.intp)  # a port's place among the node's wires from the region
            best_s, best_q, best_w = (
                np.full(len(level), -1.0),
                np.zeros(len(level)),
                np.zeros(len(level), np.intp),
            )
            total = np.zeros(len(level), object)
            for p in range(src.shape[1]):
                u = src[:, p]
                ok = (u >= 0) & on[np.maximum(u, 0)]
                q = q_best[u] * local[p][slots[level]]
                size = np.where(np.isnan(q), np.inf, np.abs(q))
                better = ok & (size > best_s)
                best_s, best_q, best_w = (np.where(better, size, best_s), np.where(better, q, best_q),
                                          np.where(better, wire_at, best_w))  # fmt: skip
                total = total + np.where(ok, count[u], 0)
                wire_at = wire_at + ok
            q_best[level], s_best[level], w_best[level], count[level] = best_q, best_s, best_w, total
        self.best = _Lazy(
            lambda v: [(-float(s_best[v]), (int(w_best[v]), 0), float(q_best[v]), int(w_best[v]), 0)]
        )
        self.best[start] = [(-1.0, (0, 0), 1.0, -1, -1)]
        ends = self.preds[END] = self._ends()
        self.best[END] = [self._best_of(END, ends)]
        return sum([count[u] for u, _, _ in ends])

    def _best_of(self, v: int, ws: list) -> tuple:
        """The best path to v: the best of its sources' best paths, each plus its wire."""
        best, top, size, at = self.best, None, -1.0, 0
        for wi, (u, _, f) in enumerate(ws):
            q = best[u][0][2]
            if q is None or f is None:
                q = None
                s = 0.0
            else:
                q = q * f
                s = abs(q)
                if s != s:
                    s = math.inf
            if s > size:
                top, size, at = q, s, wi
        return (-size, (at, 0), top, at, 0)

    def _extend(self, v: int, wi: int, j: int) -> tuple:
        u, _, f = self.preds[v][wi]
        q = self.best[u][j][2]
        q = None if q is None or f is None else q * f
        return (-_size(q), (wi, j), q, wi, j)

    def kth(self, v0: int, k0: int) -> tuple | None:
        """The k0-th best path to v0 (0: the best), found without recursion (paths may be
        10,000 wires long)."""
        stack = [(v0, k0)]
        exhausted, todo, best, preds, extended = (
            self.exhausted,
            self.todo,
            self.best,
            self.preds,
            self.extended,
        )
        while stack:
            v, k = stack[-1]
            found = best[v]
            if len(found) > k or v in exhausted:
                stack.pop()
                continue
            heap = todo.get(v)
            if heap is None:
                heap = todo[v] = [
                    self._extend(v, wi, 0) for wi in range(len(self.preds[v])) if wi != found[0][3]
                ]
                heapq.heapify(heap)
            ext = extended.get(v, 0)
            if ext < len(found):  # a path's successor: its source's next path, plus the same wire
                rec = found[ext]
                u, need = preds[v][rec[3]][0], rec[4] + 1
                if len(best[u]) <= need and u not in exhausted:
                    stack.append((u, need))
                    continue
                extended[v] = ext + 1
                if len(best[u]) > need:
                    heapq.heappush(heap, self._extend(v, rec[3], need))
                continue
            if heap:
                found.append(heapq.heappop(heap))
            else:
                exhausted.add(v)
                stack.pop()
        found = self.best[v0]
        return found[k0] if len(found) > k0 else None

    def listed(self, limit: int) -> tuple[Path, ...]:
        """The ``limit`` paths of largest |product|: by sidetracks where the products are
        numbers that order (sidetracks.py), else by recursive enumeration."""
        if self.scalar and ENUMERATION == "sidetracks":
            from .sidetracks import Sidetracks, UnorderedError

            try:
                sidetracks = Sidetracks(self, self.local_arrays, END)
                return tuple(sidetracks.listed(min(limit, self.count), END))
            except UnorderedError:
                pass
        out = []
        for k in range(min(limit, self.count)):
            rec = self.kth(END, k)
            if rec is None:
                break
            out.append(self._path(rec))
        return tuple(out)

    def _path(self, rec: tuple) -> Path:
        wires, factors = [], []
        product, v, start, best, preds, edges = rec[2], END, self.start, self.best, self.preds, self.edges
        while v != start:
            wi = rec[3]
            u, _, f = preds[v][wi]
            if v != END:
                edge = edges.get((v, wi))
                if edge is None:  # made once: the listed paths share most of their wires
                    edge = edges[v, wi] = Edge(self.plan.ids[u], self.plan.ids[v], preds[v][wi][1])
                wires.append(edge)
                factors.append(f)
            rec, v = best[u][rec[4]], u
        return Path(tuple(reversed(wires)), tuple(reversed(factors)), product)

    def wires(self) -> frozenset[Edge]:
        """Every wire on a path."""
        ids, edges, preds = self.plan.ids, self.edges, self.preds
        for v in self.region:
            if v != self.start:
                for wi, (u, p, _) in enumerate(preds[v]):
                    if (v, wi) not in edges:
                        edges[v, wi] = Edge(ids[u], ids[v], p)
        return frozenset(edges.values())


ENUMERATION = "sidetracks"  # or "recursive" (tests compare them)
LEVEL_SIZE = 32  # nodes a level on average from which numpy walks the levels faster than Python


class _Lazy(dict):
    """A dict that makes a missing entry with ``make(key)`` when it is asked for."""

    def __init__(self, make) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key: int):
        value = self[key] = self.make(key)
        return value


def _local_arrays(result: Result) -> list[np.ndarray]:
    """``_local_derivatives`` as numpy arrays (made once a result)."""
    cached = getattr(result, "_local_arrays_cache", None)
    if cached is None:
        cached = [np.array(d) for d in _local_derivatives(result)]
        result._local_arrays_cache = cached  # type: ignore[attr-defined]
    return cached


def _size(q: float | None) -> float:
    if q is None:
        return 0.0
    return math.inf if q != q else abs(q)


def _is_output(plan: Plan, i: int) -> bool:
    gi = plan.group_list[i]
    return gi >= 0 and plan.groups[gi].cls is OutputLayer


def _seed(plan: Plan, i: int) -> float | None:
    gi = plan.group_list[i]
    seed = plan.seeds[plan.output_groups.index(gi)][plan.row_list[i]]
    return float(seed) if np.ndim(seed) == 0 else None


def _region(plan: Plan, start: int) -> tuple[list[int], list[bool]]:
    """The live nodes the start reaches (itself included), in topological order; and by node,
    whether it is one. A breadth-first walk along the wires: a wide frontier at a time with
    numpy, a narrow one (a chain) node by node."""
    starts, targets = _feeds(plan)
    seen = np.zeros(len(plan.ids), bool)
    seen[start] = True
    frontier = [start]
    while frontier:
        if len(frontier) < NARROW:
            starts_l, targets_l, live = _feed_lists(plan)
            nxt = []
            for k in frontier:
                for t in targets_l[starts_l[k] : starts_l[k + 1]]:
                    if live[t] and not seen[t]:
                        seen[t] = True
                        nxt.append(t)
            frontier = nxt
            continue
        front = np.array(frontier, np.intp)
        first, count = starts[front], starts[front + 1] - starts[front]
        at = np.repeat(first - np.cumsum(count) + count, count) + np.arange(int(count.sum()))
        nxt_a = np.unique(targets[at])
        nxt_a = nxt_a[plan.live[nxt_a] & ~seen[nxt_a]]
        seen[nxt_a] = True
        frontier = nxt_a.tolist()
    found = np.flatnonzero(seen)
    return found[np.argsort(plan.group_of[found], kind="stable")].tolist(), seen.tolist()


NARROW = 64  # a frontier of fewer nodes is walked in Python: numpy's calls cost more there


def _feed_lists(plan: Plan) -> tuple[list[int], list[int], list[bool]]:
    """``_feeds`` and ``plan.live`` as lists, for the node-by-node walk (once a plan)."""
    cached = getattr(plan, "_feed_lists_cache", None)
    if cached is None:
        starts, targets = _feeds(plan)
        cached = plan._feed_lists_cache = (starts.tolist(), targets.tolist(), plan.live.tolist())  # type: ignore[attr-defined]
    return cached


def _feeds(plan: Plan) -> tuple[np.ndarray, np.ndarray]:
    """The nodes each node's wires go into: node i's are ``targets[starts[i]:starts[i + 1]]``
    (worked out once a plan)."""
    cached = getattr(plan, "_feeds_cache", None)
    if cached is not None:
        return cached
    n = len(plan.ids)
    src = plan.sources.ravel()
    dst = np.repeat(np.arange(n), plan.sources.shape[1])
    ok = src >= 0
    src, dst = src[ok], dst[ok]
    starts = np.zeros(n + 1, np.intp)
    np.cumsum(np.bincount(src, minlength=n), out=starts[1:])
    feeds = (starts, dst[np.argsort(src, kind="stable")])
    plan._feeds_cache = feeds  # type: ignore[attr-defined]
    return feeds


def _local_derivatives(result: Result) -> list[list[float]]:
    """[port][slot]: ∂(node)/∂(that port's input) of every node whose value and inputs are
    numbers, at the evaluated values (worked out once a result): each group's own backward
    with seed 1, or on the tape each node's scalar rule."""
    cached = getattr(result, "_locals_cache", None)
    if cached is not None:
        return cached
    plan = result._plan
    n = plan.counts.get((), 0) + 1
    local = [[math.nan] * n for _ in range(MAX_PORTS)]
    if isinstance(result, TapeResult):
        _locals_on_tape(result, local)
    else:
        _locals_by_group(plan, result._vals, local)
    result._locals_cache = local  # type: ignore[attr-defined]
    return local


def _locals_by_group(plan: Plan, vals: dict, local: list[list[float]]) -> None:
    for g in plan.groups:
        if g.out_shape != () or any(s != () for s in g.in_shapes):
            continue
        xs = [vals[()][idx] for idx in g.in_slots]
        slots = g.out_slots.tolist()
        if g.cls.elementwise:
            layer = g.cls(**g.params)
            layer.forward(*xs)
            ds = [np.broadcast_to(d, (g.size,)).tolist() for d in layer.backward(np.ones(g.size))]
        else:
            ds = [[] for _ in xs]
            for r in range(g.size):
                layer = g.cls(**g.params)
                layer.forward(*(x[r] for x in xs))
                for p, d in enumerate(layer.backward(np.float64(1.0))):
                    ds[p].append(float(d))
        for p, d in enumerate(ds):
            for slot, x in zip(slots, d, strict=True):
                local[p][slot] = x


def _locals_on_tape(result: TapeResult, local: list[list[float]]) -> None:
    tape, v = result._tape, result._v
    for _, i, a, c in tape.forward:
        cls, params, _ = tape.node_at[i]
        xs = [v[a]] if c < 0 else [v[a], v[c]]
        try:
            d = cls.scalar_backward(1.0, v[i], *xs, *(params[k] for k in cls.params))  # type: ignore[misc]
            d = (d,) if c < 0 else d
        except (ArithmeticError, ValueError):  # where numpy gives inf or NaN: the layer's own
            d = layer_numbers(cls, params, xs, 1.0)[1]
        for p, x in enumerate(d):
            local[p][i] = x
