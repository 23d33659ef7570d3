"""Why backprop and central differences can disagree for a good reason."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .engine import Result
from .graph import Graph
from .ops import QT_TRANSLATE_NOOP

KINK_REASON = QT_TRANSLATE_NOOP(
    "diagnosis",
    "{node} sits exactly at its kink (input {x}): ReLU has no slope there. Central "
    "differences average the slopes on both sides (0 and 1) and report 0.5; backprop "
    "uses the slope 0. Neither is wrong: the derivative does not exist at that point.",
)


def kinks_between(graph: Graph, result: Result, input_id: str, eps: float) -> list[tuple[str, str]]:
    """ReLU nodes downstream of ``input_id`` whose input is within ``eps`` of 0."""
    found = []
    for n in sorted(graph.downstream(input_id)):
        node = graph.nodes[n]
        if node.type != "ReLU":
            continue
        edges = graph.in_edges(n)
        x = result.value(edges[0].src) if edges else None
        if x is not None and np.any(np.abs(x) <= eps):
            found.append((n, node.name or n))
    return found


def explain_disagreement(
    graph: Graph,
    result: Result,
    input_id: str,
    eps: float,
    translate: Callable[[str, str], str] = lambda context, text: text,
) -> str | None:
    """An explanation in words, or None if none is known.

    ``translate(context, text)`` lets the GUI pass Qt's translator; the model stays Qt-free.
    """
    kinks = kinks_between(graph, result, input_id, eps)
    if not kinks:
        return None
    template = translate("diagnosis", KINK_REASON)
    return "\n".join(template.format(node=label, x="0") for _, label in kinks)
