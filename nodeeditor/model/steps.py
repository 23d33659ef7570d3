"""Propagation one node at a time, with the chain rule written out in numbers.

Forward walks the topological order; backward walks it in reverse. Each
step names the node, the wires whose numbers it fills in, and a caption
such as ``z = x · y = 100 × 2 = 200`` or
``∂L/∂x = ∂L/∂z · y = 1.1 × 2 = 2.2``. Every number comes from an engine
Result: the captions explain the evaluation, they never redo it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .engine import Result
from .graph import Edge, Graph
from .ops import layer_class
from .values import format_value

FORWARD, BACKWARD = "forward", "backward"


@dataclass(frozen=True)
class Step:
    phase: str  # FORWARD or BACKWARD
    node_id: str
    wires: tuple[Edge, ...]  # forward: the node's outgoing wires; backward: its incoming ones
    caption: str


def propagation_steps(graph: Graph, result: Result) -> list[Step]:
    """All forward steps, then all backward steps (if there are gradients)."""
    order = [n for n in graph.topological_order() if result.value(n) is not None]
    steps = [Step(FORWARD, n, tuple(graph.consumers(n)), forward_caption(graph, result, n)) for n in order]
    if result.has_gradients:
        for n in reversed(order):
            wires = tuple(graph.in_edges(n))
            steps.append(Step(BACKWARD, n, wires, backward_caption(graph, result, n)))
    return steps


def _numbers(graph: Graph, result: Result, node_id: str) -> dict[str, str]:
    """The values a caption may mention: inputs by port name, z, n and the seed."""
    node = graph.nodes[node_id]
    cls = layer_class(node.type)
    names: dict[str, str] = {}
    for e in graph.in_edges(node_id):
        names[cls.ports[e.port]] = _term(result.value(e.src))
    names["z"] = _term(result.value(node_id))
    if node.type == "Pow":
        n = node.params["exponent"]
        names["n"], names["n1"] = format_value(np.asarray(n)), format_value(np.asarray(n - 1))
    if node.type == "ReLU":
        x = result.value(graph.in_edges(node_id)[0].src)
        names["step"] = format_value(np.where(np.asarray(x) > 0, 1.0, 0.0))
    if node.type == "Output":
        names["seed"] = format_value(result.grad(node_id))
    return names


def _term(value: np.ndarray | None) -> str:
    """A number as it stands inside a product: negatives in parentheses."""
    text = format_value(value)
    return f"({text})" if text.startswith("−") or text.startswith("[") else text


def forward_caption(graph: Graph, result: Result, node_id: str) -> str:
    node = graph.nodes[node_id]
    cls = layer_class(node.type)
    value = format_value(result.value(node_id))
    if node.type == "Input":
        return f"{node.name or node.id} = {value}"
    numbers = cls.forward_numbers.format(**_numbers(graph, result, node_id))
    formula = cls.formula
    if node.type == "Output":
        return f"L = x = {value}"
    return f"{formula} = {numbers} = {value}"


def backward_caption(graph: Graph, result: Result, node_id: str) -> str:
    node = graph.nodes[node_id]
    cls = layer_class(node.type)
    parts = []
    fanout = fanout_sum(graph, result, node_id)
    if fanout:
        parts.append(fanout)
    if node.type == "Output":
        return f"∂L/∂L = seed = {format_value(result.grad(node_id))}"
    if node.type == "Input":
        return fanout or f"∂L/∂{node.name or node.id} = {format_value(result.grad(node_id))}"
    upstream = _term(result.grad(node_id))
    numbers = _numbers(graph, result, node_id)
    for e in graph.in_edges(node_id):
        port = cls.ports[e.port]
        grad = format_value(result.wire_grad(e))
        text = f"∂L/∂{port} = ∂L/∂z · {cls.local[e.port]}"
        if cls.local_numbers is not None and result.reaches_loss(node_id):  # else ∂L/∂z is exactly 0
            factor = cls.local_numbers[e.port].format(**numbers)
            text += f" = {upstream} × {factor}"
        parts.append(f"{text} = {grad}")
    return ", ".join(parts)


def fanout_sum(graph: Graph, result: Result, node_id: str) -> str:
    """``∂L/∂z = 1.1 + 2.2 = 3.3`` where a value feeds several wires; else empty.

    Negative terms stand in parentheses, as in the products: ``∂L/∂x = 3 + (−1) = 2``.
    """
    wires = graph.consumers(node_id)
    if len(wires) < 2:
        return ""
    node = graph.nodes[node_id]
    symbol = node.name or node.id if node.type == "Input" else "z"
    terms = " + ".join(_term(result.wire_grad(e)) for e in wires)  # −2 + (−24), as in the products
    return f"∂L/∂{symbol} = {terms} = {format_value(result.grad(node_id))}"
