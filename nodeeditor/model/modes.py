"""Forward mode or reverse mode: how many passes each needs for a graph, and what one costs.

Forward mode gives the derivatives of everything with respect to one direction per pass:
all of dL/d(inputs) takes one pass per input element (a vector Input of 3 elements is 3
passes). Reverse mode gives the derivatives of one Output with respect to everything per
pass: one pass per Output (the loss, their seeded sum, is one pass). That is why training,
with millions of parameters and one loss, runs backward.

One forward-mode pass is timed as the values (a forward pass) plus the tangents of one
direction; one reverse pass as the values plus the gradients (``Evaluator.evaluate``). Each
the best of a few runs, with the plan already built, as the editor re-evaluates.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from .engine import Evaluator
from .forward_mode import tangents, unit_direction
from .graph import Graph


@dataclass(frozen=True)
class Modes:
    inputs: int  # Input nodes
    input_elements: int  # forward mode: one pass each
    outputs: int  # reverse mode: one pass each (the loss as a whole: one)
    forward_pass: float | None  # seconds for one forward-mode pass; None: no Input to move
    reverse_pass: float | None  # seconds for one reverse pass; None: no Output

    @property
    def forward_passes(self) -> int:
        return self.input_elements

    @property
    def reverse_passes(self) -> int:
        return self.outputs

    @property
    def forward_total(self) -> float | None:
        """Seconds for every dL/d(input) by forward mode."""
        return None if self.forward_pass is None else self.forward_pass * self.input_elements


def modes(graph: Graph, runs: int = 3) -> Modes:
    """Both counts for this graph and the measured time of one pass of each mode."""
    inputs = graph.of_type("Input")
    elements = sum(int(np.size(graph.params_of(n)["value"])) for n in inputs)
    outputs = len(graph.of_type("Output"))
    evaluator = Evaluator(graph)
    try:
        result = evaluator.evaluate()  # builds the plan outside the timings
        reverse = _best(evaluator.evaluate, runs) if result.has_gradients else None
        forward = None
        if inputs:
            x = inputs[0]
            shape = np.shape(graph.params_of(x)["value"])
            direction = unit_direction(shape, (0,) * len(shape)) if shape else None

            def one_pass() -> None:
                tangents(graph, evaluator.evaluate_values(), x, direction)

            forward = _best(one_pass, runs)
    finally:
        evaluator.close()
    return Modes(len(inputs), elements, outputs, forward, reverse)


def _best(run, runs: int) -> float:
    best = float("inf")
    for _ in range(max(1, runs)):
        t0 = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - t0)
    return best
