"""Copy and paste as file-format JSON, so graphs move between windows and apps."""

from __future__ import annotations

import json

from ..model import Edge, Graph, GraphFileError
from ..model.fileformat import from_document, to_document
from .commands import NodeSpec

MIME = "application/x-backprop-graph+json"
PASTE_OFFSET = 40.0


def copy_document(graph: Graph, node_ids: list[str]) -> str:
    """The selected nodes and the wires among them, as a graph file's text."""
    keep = set(node_ids)
    part = Graph()
    part.bulk_load(
        [graph.nodes[n] for n in graph.nodes if n in keep],
        [e for e in graph.edges if e.src in keep and e.dst in keep],
    )
    return json.dumps(to_document(part), ensure_ascii=False)


def paste_specs(graph: Graph, text: str) -> tuple[list[NodeSpec], list[Edge]] | None:
    """New nodes (fresh ids, shifted a little) and wires for pasting ``text``; None if it is no graph."""
    try:
        pasted = from_document(json.loads(text))
    except (GraphFileError, ValueError, RecursionError):
        return None
    ids: dict[str, str] = {}
    taken = set(graph.nodes)
    for n in pasted.nodes:
        new = n if n not in taken else graph.new_id(pasted.nodes[n].type.lower())
        while new in taken:
            new = graph.new_id(pasted.nodes[n].type.lower())
        taken.add(new)
        ids[n] = new
    specs = []
    for n, node in pasted.nodes.items():
        x, y = node.pos or (0.0, 0.0)
        spec = NodeSpec.of(node)
        specs.append(
            NodeSpec(
                ids[n], spec.type, spec.name, (x + PASTE_OFFSET, y + PASTE_OFFSET), spec.params, spec.extra
            )
        )
    edges = [Edge(ids[e.src], ids[e.dst], e.port) for e in pasted.edges]
    return specs, edges
