"""A tidy left-to-right layout: one column per depth, ordered to cut crossings."""

from __future__ import annotations

from .graph import Graph

COLUMN = 310.0  # a node (130) plus room for the wire labels between columns
ROW = 130.0


def depths(graph: Graph) -> dict[str, int]:
    """Longest-path depth of every node: Inputs at 0, each node right of its sources."""
    depth: dict[str, int] = {}
    for n in graph.topological_order():
        srcs = [e.src for e in graph.in_edges(n)]
        depth[n] = 1 + max((depth[s] for s in srcs), default=-1)
    # Pull a number that feeds only far-right nodes next to its consumers, as the
    # textbook draws its tax; a vector stays at the left, its wide labels need the room.
    for n in reversed(graph.topological_order()):
        outs = [depth[e.dst] for e in graph.consumers(n)]
        value = graph.nodes[n].params.get("value")
        if outs and not graph.in_edges(n) and (value is None or value.ndim == 0):
            depth[n] = min(outs) - 1
    return depth


def layered_layout(
    graph: Graph, only_missing: bool = False, column: float = COLUMN, row: float = ROW
) -> dict[str, tuple[float, float]]:
    """Positions for the nodes (only those without one, if ``only_missing``)."""
    depth = depths(graph)
    columns: dict[int, list[str]] = {}
    for n in graph.nodes:  # file order breaks ties, so authors keep some say
        columns.setdefault(depth[n], []).append(n)
    rank: dict[str, float] = {}
    for d in sorted(columns):
        if d > 0:
            columns[d].sort(key=lambda n: _barycenter(graph, n, rank, upstream=True))
        _rank_column(columns[d], rank)
    # A sweep back from the right puts each node beside the ports it feeds.
    for d in sorted(columns, reverse=True)[1:]:
        columns[d].sort(key=lambda n: _barycenter(graph, n, rank, upstream=False))
        _rank_column(columns[d], rank)
    return {
        n: (depth[n] * column, rank[n] * row)
        for n in graph.nodes
        if not only_missing or graph.nodes[n].pos is None
    }


def _rank_column(col: list[str], rank: dict[str, float]) -> None:
    for i, n in enumerate(col):
        rank[n] = i - (len(col) - 1) / 2


def _barycenter(graph: Graph, node_id: str, rank: dict[str, float], upstream: bool) -> float:
    if upstream:
        ys = [rank[e.src] for e in graph.in_edges(node_id) if e.src in rank]
    else:
        ys = [rank[e.dst] + 0.3 * e.port for e in graph.consumers(node_id) if e.dst in rank]
    return sum(ys) / len(ys) if ys else rank.get(node_id, 0.0)
