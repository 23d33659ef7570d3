"""Gradient descent on the Inputs marked trainable: p ← p − lr · ∂L/∂p."""

from __future__ import annotations

import numpy as np

from .engine import Evaluator
from .graph import Graph

TRAINABLE = "trainable"  # optional node key in the file; readers that don't know it ignore it


def trainable_ids(graph: Graph) -> list[str]:
    return [n for n, node in graph.nodes.items() if node.type == "Input" and node.extra.get(TRAINABLE)]


def descent_step(graph: Graph, evaluator: Evaluator, lr: float) -> tuple[float | None, dict[str, np.ndarray]]:
    """One step from one backward pass: the loss before it and the new parameter values.

    The graph is not changed; the caller applies the values (so the editor can undo them).
    """
    result = evaluator.evaluate()
    updates: dict[str, np.ndarray] = {}
    for n in trainable_ids(graph):
        grad = result.grad(n)
        if grad is None:
            continue
        updates[n] = graph.nodes[n].params["value"] - lr * grad
    return result.loss, updates


def train(graph: Graph, lr: float, steps: int) -> list[float]:
    """Run ``steps`` descent steps on the graph itself; returns the loss before each step taken.

    It stops early, before the step, when the loss or a new value would not be finite:
    a step changes every parameter or none.
    """
    evaluator = Evaluator(graph)
    losses = []
    try:
        for _ in range(steps):
            loss, updates = descent_step(graph, evaluator, lr)
            if loss is None or not np.isfinite(loss):
                break
            if not all(np.isfinite(value).all() for value in updates.values()):
                break
            losses.append(loss)
            for n, value in updates.items():
                graph.set_param(n, "value", value)
    finally:
        evaluator.close()
    return losses
