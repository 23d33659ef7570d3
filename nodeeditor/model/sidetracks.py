"""The next best paths without walking back along the last one (Eppstein's sidetracks).

paths.py gives each node its best path from the start: its *tree wire*, the wire in of its
best path. Any other path to the end is the tree walked back from the end, turning off it
at a few *sidetracks* (wires in that are not a node's tree wire). A sidetrack into v from u
costs log|best(v)| − log|best(u)·factor| ≥ 0, and a path's |product| is the best one's over
e^(its sidetracks' costs). A best-first search over sidetrack sequences lists the paths in
order of |product|; each node's sidetracks back to the start sit in a persistent leftist
heap, shared with the node it continues (Eppstein 1998), so each next path costs a few heap
steps instead of a walk along it: what makes paths 10,000 wires long affordable. Only the
listed paths themselves are walked, to write out their wires.

A factor of 0 (a ReLU that is off) makes costs of +inf, or of 0 between two paths that
are both 0: those paths come last, in any order, as they should. An infinite or NaN factor,
or a best product that is not finite, would make costs that do not add up (inf − inf):
then this gives up (``UnorderedError``) and paths.py enumerates the recursive way, which
orders those too (a NaN product first).
"""

from __future__ import annotations

import heapq
import math
from itertools import count

import numpy as np

from .graph import Edge

Heap = tuple | None  # (cost, tie-break, (node, wire index), left, right, rank)


class UnorderedError(Exception):
    """A sidetrack's cost is not a number."""


def _merge(a: Heap, b: Heap) -> Heap:
    """The two heaps as one, sharing their nodes (nothing is changed: the heaps persist)."""
    if a is None:
        return b
    if b is None:
        return a
    if (b[0], b[1]) < (a[0], a[1]):
        a, b = b, a
    left, right = a[3], _merge(a[4], b)
    if left is None or left[5] < right[5]:  # type: ignore[index]
        left, right = right, left
    return (a[0], a[1], a[2], left, right, (0 if right is None else right[5]) + 1)


def _log(x: float) -> float:
    return -math.inf if x == 0 else math.log(x)


def _factors_finite(walk, local: list[np.ndarray]) -> bool:
    """Whether every wire between the start and the end has a finite local derivative."""
    plan = walk.plan
    region = np.array(walk.region, np.intp)
    on = np.array(walk.on, bool)
    slots = np.asarray(plan.slot_of)[region]
    for p in range(plan.sources.shape[1]):
        src = plan.sources[region, p]
        used = (src >= 0) & on[np.maximum(src, 0)] & (region != walk.start)
        if not np.isfinite(local[p][slots[used]]).all():
            return False
    return True


class Sidetracks:
    """The listed paths of a ``paths._Walk`` of numbers, by sidetracks."""

    def __init__(self, walk, local: list[np.ndarray], end: int) -> None:
        self.walk = walk
        self.heaps: dict[int, Heap] = {walk.start: None}
        self.tick = count()
        self.tree_steps: dict[int, tuple] = {}  # a node's tree wire, as ``_step`` gives it
        self.main: tuple | None = None  # the best path to the end (``_main``)
        if not math.isfinite(walk.best[end][0][0]) or not _factors_finite(walk, local):
            raise UnorderedError

    def _tree(self, v: int) -> int:
        """Which wire into v its best path comes by."""
        return self.walk.best[v][0][3]

    def _cost(self, v: int, wi: int) -> float:
        best = self.walk.best
        u, _, f = self.walk.preds[v][wi]
        a, b = _log(-best[v][0][0]), _log(-best[u][0][0] * abs(f))
        if a == b:  # two paths of 0 (−inf − −inf) are equal too
            return 0.0
        cost = a - b
        if cost != cost:
            raise UnorderedError
        return max(cost, 0.0)  # a rounding below 0: they are equal

    def heap(self, v: int) -> Heap:
        """The sidetracks into the nodes of v's best path, v's own included."""
        chain, heaps, preds = [], self.heaps, self.walk.preds
        while v not in heaps:
            chain.append(v)
            v = preds[v][self._tree(v)][0]
        h = heaps[v]
        for x in reversed(chain):
            tree = self._tree(x)
            for wi in range(len(preds[x])):
                if wi != tree:
                    h = _merge(h, (self._cost(x, wi), next(self.tick), (x, wi), None, None, 1))
            heaps[x] = h
        return h

    def listed(self, limit: int, end: int) -> list:
        """The ``limit`` paths to ``end`` of largest |product|, largest first."""
        if limit <= 0:
            return []
        out = [self._path(None, end)]
        todo: list = []
        root = self.heap(end)
        if root is not None:
            todo.append((root[0], next(self.tick), root, None))
        while todo and len(out) < limit:
            cost, _, h, before = heapq.heappop(todo)
            turns = (h[2], before)  # this sidetrack, after the ones before it (nearer the end)
            out.append(self._path(turns, end))
            for other in (h[3], h[4]):  # the same place, a costlier sidetrack instead
                if other is not None:
                    heapq.heappush(todo, (cost - h[0] + other[0], next(self.tick), other, before))
            v, wi = h[2]
            more = self.heap(self.walk.preds[v][wi][0])  # then a sidetrack further back
            if more is not None:
                heapq.heappush(todo, (cost + more[0], next(self.tick), more, turns))
        return out

    def _step(self, v: int, wi: int) -> tuple[int, Edge | None, float]:
        """Wire ``wi`` into v: where it comes from, its Edge (None into the end) and factor."""
        walk = self.walk
        u, port, f = walk.preds[v][wi]
        if port < 0:  # into the end: an Output's seed, or the target's 1
            return u, None, f
        edge = walk.edges.get((v, wi))
        if edge is None:
            edge = walk.edges[v, wi] = Edge(walk.plan.ids[u], walk.plan.ids[v], port)
        return u, edge, f

    def _main(self, end: int) -> tuple[dict[int, int], list, list]:
        """The best path, walked back from the end once: where each of its nodes is on it, and
        its wires and factors in that order (the Edge of the wire into the end is None)."""
        if self.main is None:
            where, edges, factors, v, start = {}, [], [], end, self.walk.start
            while v != start:
                where[v] = len(edges)
                u, edge, f = self._tree_step(v)
                edges.append(edge)
                factors.append(f)
                v = u
            where[start] = len(edges)
            self.main = (where, edges, factors)
        return self.main

    def _tree_step(self, v: int) -> tuple:
        step = self.tree_steps.get(v)
        if step is None:
            step = self.tree_steps[v] = self._step(v, self._tree(v))
        return step

    def _path(self, turns: tuple | None, end: int):
        """A path written out, from its turns: between them it follows the best paths back,
        and once on the best path to the end (where most paths run most of their way) the
        wires are copied from it a stretch at a time."""
        from .paths import Path

        order = []
        while turns is not None:
            order.append(turns[0])
            turns = turns[1]
        order.reverse()  # from the end back
        where, main_edges, main_factors = self._main(end)
        wires, factors, v, k, seed, start = [], [], end, 0, 1.0, self.walk.start
        while v != start:
            turn = order[k][0] if k < len(order) else start
            if turn == v:
                u, edge, f = self._step(v, order[k][1])
                k += 1
            elif v in where and turn in where:  # a stretch of the best path: copied
                i, j = where[v], where[turn]
                if i == 0:  # the wire into the end: the seed
                    seed, i = main_factors[0], 1
                wires += main_edges[i:j]
                factors += main_factors[i:j]
                v = turn
                continue
            else:
                u, edge, f = self._tree_step(v)
            if edge is None:
                seed = f
            else:
                wires.append(edge)
                factors.append(f)
            v = u
        wires.reverse()
        factors.reverse()
        return Path(tuple(wires), tuple(factors), math.prod(factors) * seed)
