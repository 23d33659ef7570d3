"""A tidy left-to-right layout: one column per depth, ordered to cut crossings."""

from __future__ import annotations

from .graph import Graph

COLUMN = 310.0  # a node (130) plus room for the wire labels between columns
ROW = 130.0


def depths(graph: Graph) -> dict[str, int]:
    """Longest-path depth of every node: Inputs at 0, each node right of its sources."""
    return _depths(graph, _Adjacency(graph))


class _Adjacency:
    """Each node's sources (port order) and consumers ((dst, port) order), read once:
    10,000-node files are laid out on opening, and Edge objects per query add up."""

    def __init__(self, graph: Graph) -> None:
        self.order = graph.topological_order()
        self.srcs: dict[str, list[str]] = {}
        self.outs: dict[str, list[tuple[str, int]]] = {}
        for n, node in graph.nodes.items():
            sources = (graph.source(n, p) for p in range(len(node.ports)))
            self.srcs[n] = [s for s in sources if s is not None]
            self.outs[n] = [(e.dst, e.port) for e in graph.consumers(n)]


def _depths(graph: Graph, adj: _Adjacency) -> dict[str, int]:
    depth: dict[str, int] = {}
    for n in adj.order:
        depth[n] = 1 + max((depth[s] for s in adj.srcs[n]), default=-1)
    # Pull a number that feeds only far-right nodes next to its consumers, as the
    # textbook draws its tax; a vector stays at the left, its wide labels need the room.
    for n in reversed(adj.order):
        outs = [depth[d] for d, _ in adj.outs[n]]
        value = graph.nodes[n].params.get("value")
        if outs and not adj.srcs[n] and (value is None or value.ndim == 0):
            depth[n] = min(outs) - 1
    return depth


def layered_layout(
    graph: Graph, only_missing: bool = False, column: float = COLUMN, row: float = ROW
) -> dict[str, tuple[float, float]]:
    """Positions for the nodes (only those without one, if ``only_missing``)."""
    adj = _Adjacency(graph)
    depth = _depths(graph, adj)
    columns: dict[int, list[str]] = {}
    for n in graph.nodes:  # file order breaks ties, so authors keep some say
        columns.setdefault(depth[n], []).append(n)
    rank: dict[str, float] = {}
    for d in sorted(columns):
        if d > 0:
            columns[d].sort(key=lambda n: _barycenter(adj, n, rank, upstream=True))
        _rank_column(columns[d], rank)
    # A sweep back from the right puts each node beside the ports it feeds.
    for d in sorted(columns, reverse=True)[1:]:
        columns[d].sort(key=lambda n: _barycenter(adj, n, rank, upstream=False))
        _rank_column(columns[d], rank)
    return {
        n: (depth[n] * column, rank[n] * row)
        for n in graph.nodes
        if not only_missing or graph.nodes[n].pos is None
    }


def _rank_column(col: list[str], rank: dict[str, float]) -> None:
    for i, n in enumerate(col):
        rank[n] = i - (len(col) - 1) / 2


def _barycenter(adj: _Adjacency, node_id: str, rank: dict[str, float], upstream: bool) -> float:
    if upstream:
        ys = [rank[s] for s in adj.srcs[node_id] if s in rank]
    else:
        ys = [rank[d] + 0.3 * p for d, p in adj.outs[node_id] if d in rank]
    return sum(ys) / len(ys) if ys else rank.get(node_id, 0.0)
