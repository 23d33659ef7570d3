"""A graph's wires as integer arrays, and every node's depth, computed with numpy.

The planner groups nodes by depth and the file reader checks for cycles with the
same pass. On a 100k-node file a walk node by node in Python costs more than
everything else ``nodeeditor eval`` does, so this works a whole level at a time.
"""

from __future__ import annotations

from functools import cached_property
from operator import itemgetter

import numpy as np

from .ops import NODE_TYPES

TYPE_NAMES = tuple(NODE_TYPES)  # a node type's number is its place here
TYPE_NUMBER = {t: k for k, t in enumerate(TYPE_NAMES)}
N_PORTS = np.array([len(NODE_TYPES[t].ports) for t in TYPE_NAMES])  # by type number
HAS_OUTPUT = np.array([NODE_TYPES[t].has_output for t in TYPE_NAMES])
MAX_PORTS = int(N_PORTS.max())


def numbers(index: dict, keys: list) -> np.ndarray:
    """``index[key]`` for every key, as an array, in one C call (KeyError if one is missing)."""
    found = itemgetter(*keys)(index) if len(keys) > 1 else [index[k] for k in keys]
    return np.array(found, dtype=np.intp).reshape(-1)


class Wiring:
    """Nodes numbered in file order, with their type numbers (``TYPE_NAMES``); each
    wire as (source, destination, port) numbers, in the graph's wire order."""

    def __init__(self, ids: list[str], index: dict[str, int], kind: np.ndarray, src: np.ndarray,
                 dst: np.ndarray, port: np.ndarray) -> None:  # fmt: skip
        self.ids = ids
        self.index = index
        self.kind = kind
        self.src = src
        self.dst = dst
        self.port = port

    @classmethod
    def of(cls, types: dict[str, str], wires: dict[tuple[str, int], str]) -> Wiring:
        """From ``{id: type}`` in file order and the wires as ``{(dst, port): src}``."""
        ids = list(types)
        index = dict(zip(ids, range(len(ids)), strict=True))
        kind = numbers(TYPE_NUMBER, list(types.values()))
        src, dst = numbers(index, list(wires.values())), numbers(index, [d for d, _ in wires])
        port = np.array([p for _, p in wires], dtype=np.intp).reshape(-1)
        return cls(ids, index, kind, src, dst, port)

    def wire_map(self) -> dict[tuple[str, int], str]:
        """The wires as ``{(dst, port): src}``, as the Graph keeps them."""
        ids = self.id_array
        dst, src = ids[self.dst].tolist(), ids[self.src].tolist()
        return dict(zip(zip(dst, self.port.tolist(), strict=True), src, strict=True))

    def sources(self, n_ports: int) -> np.ndarray:
        """``[node, port]``: the number of the node wired there, or -1."""
        table = np.full((len(self.ids), max(n_ports, 1)), -1, np.intp)
        table[self.dst, self.port] = self.src
        return table

    @cached_property
    def id_array(self) -> np.ndarray:
        """The ids as an array, to pick many at once."""
        return np.array(self.ids, dtype=object)

    @cached_property
    def depth(self) -> np.ndarray | None:
        """Each node's depth: 0 for a node with no wires in, else one more than its
        deepest source. None if the wires make a cycle."""
        return depths(len(self.ids), self.src, self.dst)


def depths(n: int, src: np.ndarray, dst: np.ndarray) -> np.ndarray | None:
    """Kahn's algorithm a level at a time: a level is every node whose sources
    all lie in earlier levels. None if some nodes are never reached (a cycle)."""
    indegree = np.bincount(dst, minlength=n)
    targets = dst[np.argsort(src, kind="stable")]  # wires grouped by source
    starts = np.zeros(n + 1, np.intp)
    np.cumsum(np.bincount(src, minlength=n), out=starts[1:])
    depth = np.full(n, -1, np.intp)
    frontier = np.flatnonzero(indegree == 0)
    level = reached = 0
    while frontier.size:
        depth[frontier] = level
        reached += frontier.size
        first, count = starts[frontier], starts[frontier + 1] - starts[frontier]
        # the positions of the frontier's wires in ``targets``, all ranges at once
        offsets = np.repeat(first - np.cumsum(count) + count, count)
        hit, times = np.unique(targets[offsets + np.arange(offsets.size)], return_counts=True)
        indegree[hit] -= times
        frontier = hit[indegree[hit] == 0]
        level += 1
    return depth if reached == n else None


def reaching(sources: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """Which nodes have a path of wires to one of ``targets`` (the targets included),
    given the ``sources`` table (``Wiring.sources``): a breadth-first walk against the
    wires, a whole frontier at a time."""
    found = np.zeros(len(sources), bool)
    found[targets] = True
    frontier = np.flatnonzero(found)
    while frontier.size:
        feeders = sources[frontier].ravel()
        feeders = feeders[feeders >= 0]
        frontier = np.unique(feeders[~found[feeders]])
        found[frontier] = True
    return found
