"""A node with no path to the loss has gradient exactly 0 and never runs backward
(issue 9 §1): a non-finite value there must not turn a gradient upstream into NaN."""

from __future__ import annotations

import numpy as np
import pytest
from graphkit import build

from nodeeditor.model import Edge, Evaluator, Graph, evaluate
from nodeeditor.model.steps import backward_caption
from nodeeditor.model.wiring import reaching


def issue_example() -> Graph:
    g = Graph()
    g.add_node("Input", "x", value=1000.0)
    g.add_node("Exp", "e")
    g.add_node("Square", "s")
    g.add_node("Output", "out")
    g.connect("x", "e", 0)
    g.connect("x", "s", 0)
    g.connect("s", "out", 0)
    return g


def test_the_issue_example_exp_overflowing_on_a_dead_branch() -> None:
    r = evaluate(issue_example())
    assert r.value("e") == np.inf
    assert r.grad("x") == 2000.0
    assert r.wire_grad(Edge("x", "e", 0)) == 0.0
    assert r.grad("e") == 0.0
    assert r.loss == 1e6


def test_the_step_caption_of_a_dead_node_multiplies_nothing_by_infinity() -> None:
    """Its ∂L/∂z is exactly 0: "0 × ∞ = 0" would teach wrong arithmetic."""
    g = issue_example()
    r = evaluate(g)
    assert not r.reaches_loss("e") and r.reaches_loss("s") and r.reaches_loss("x")
    assert backward_caption(g, r, "e") == (
        "No path leads from Exp (e) to L: ∂L/∂(e^x) = 0, and every wire into it carries 0."
        "\n⚠ exp overflowed (x is too large)"
    )
    assert backward_caption(g, r, "s") == "∂L/∂x = ∂L/∂(x²) · 2x = 1 × 2 × 1000 = 2000 (wire 2 of 2)"


def live_and_dead(dead_type: str, dead_value, **params) -> Graph:
    """x → Square → Output, and x → a dead node of ``dead_type`` fed by x (and by a
    second Input ``d`` for a binary node)."""
    spec = [
        ("x", "Input", [], {"value": dead_value}),
        ("s", "Square", ["x"], {}),
        ("out", "Output", ["s"], {}),
    ]
    if dead_type == "Div":
        spec += [("one", "Input", [], {"value": 1.0}), ("dead", "Div", ["one", "x"], {})]
    else:
        spec += [("dead", dead_type, ["x"], params)]
    return build(spec)


@pytest.mark.parametrize(
    ("dead_type", "x", "params", "dead_value"),
    [
        ("Log", 0.0, {}, -np.inf),
        ("Log", -1.0, {}, np.nan),
        ("Div", 0.0, {}, np.inf),
        ("Pow", 0.0, {"exponent": -1.0}, np.inf),
        ("Pow", 0.0, {"exponent": 0.5}, 0.0),  # a finite value, an infinite slope
    ],
)
def test_a_dead_node_at_its_singularity_leaves_the_gradient_alone(dead_type, x, params, dead_value) -> None:
    g = live_and_dead(dead_type, x, **params)
    r = evaluate(g)
    np.testing.assert_array_equal(r.value("dead"), dead_value)
    assert r.grad("x") == 2 * x
    assert r.grad("dead") == 0.0
    for e in g.in_edges("dead"):
        assert r.wire_grad(e) == 0.0
    assert r.grad_flags == {}


def test_a_nonfinite_node_feeding_a_node_with_an_open_port() -> None:
    """e overflows and feeds Add, whose other port is open: Add is undefined, so e
    reaches no Output through it and x's gradient is that of the live branch."""
    g = build(
        [
            ("x", "Input", [], {"value": 1000.0}),
            ("e", "Exp", ["x"], {}),
            ("a", "Add", ["e"], {}),
            ("o1", "Output", ["a"], {}),
            ("n", "Neg", ["x"], {}),
            ("o2", "Output", ["n"], {}),
        ]
    )
    r = evaluate(g)
    assert r.value("a") is None
    assert r.problem("a") == "input y is not connected"
    assert r.value("e") == np.inf
    assert r.grad("e") == 0.0
    assert r.wire_grad(Edge("x", "e", 0)) == 0.0
    assert r.wire_grad(Edge("e", "a", 0)) is None
    assert r.grad("x") == -1.0


def test_a_dead_vector_branch_with_nan_in_some_elements() -> None:
    g = build(
        [
            ("x", "Input", [], {"value": [-1.0, 0.0, 2.0]}),
            ("log", "Log", ["x"], {}),
            ("sum", "Sum", ["log"], {}),
            ("w", "Input", [], {"value": [[1.0], [2.0], [3.0]]}),
            ("mm", "MatMul", ["log", "w"], {}),
            ("sq", "Square", ["x"], {}),
            ("out", "Output", ["sq"], {}),
        ]
    )
    r = evaluate(g)
    assert np.isnan(r.value("sum"))
    np.testing.assert_array_equal(r.grad("x"), [-2.0, 0.0, 4.0])
    np.testing.assert_array_equal(r.grad("log"), np.zeros(3))
    np.testing.assert_array_equal(r.grad("w"), np.zeros((3, 1)))
    np.testing.assert_array_equal(r.wire_grad(Edge("log", "mm", 0)), np.zeros(3))


def test_a_live_node_with_zero_gradient_still_runs_backward() -> None:
    """Liveness is about paths, not about numbers: 0 · ∞ on a live path stays NaN,
    as autograd has it (the Output's seed is 0, yet it is the loss)."""
    g = build(
        [
            ("x", "Input", [], {"value": 0.0}),
            ("log", "Log", ["x"], {}),
            ("out", "Output", ["log"], {"grad": 0.0}),
        ]
    )
    r = evaluate(g)
    assert np.isnan(r.grad("x"))


def test_liveness_is_kept_with_the_plan_and_follows_edits() -> None:
    g = issue_example()
    ev = Evaluator(g)
    ev.evaluate()
    plan = ev.plan
    live = dict(zip(g.nodes, plan.live.tolist(), strict=True))
    assert live == {"x": True, "e": False, "s": True, "out": True}
    g.set_param("x", "value", 999.0)  # a value edit keeps the plan
    assert ev.evaluate().grad("x") == 1998.0
    assert ev.plan is plan
    g.add_node("Output", "out2")
    g.connect("e", "out2", 0)  # now e reaches the loss: its infinite slope is counted
    r = ev.evaluate()
    assert ev.plan.live.tolist() == [True, True, True, True, True]
    assert r.grad("x") == np.inf


def test_an_output_that_is_undefined_makes_nothing_live() -> None:
    g = build(
        [
            ("x", "Input", [], {"value": [1.0, 2.0]}),
            ("y", "Input", [], {"value": [1.0, 2.0, 3.0]}),
            ("a", "Add", ["x", "y"], {}),  # shapes do not fit: undefined
            ("out", "Output", ["a"], {}),
            ("s", "Square", ["x"], {}),
            ("out2", "Output", ["s"], {}),
        ]
    )
    ev = Evaluator(g)
    r = ev.evaluate()
    assert ev.plan.live.tolist() == [True, False, False, False, True, True]
    np.testing.assert_array_equal(r.grad("y"), [0.0, 0.0, 0.0])
    np.testing.assert_array_equal(r.grad("x"), [2.0, 4.0])


def table(n: int, wires: list[tuple[int, int, int]]) -> np.ndarray:
    """The ``sources`` table of n nodes with two ports each, from (src, dst, port) wires."""
    sources = np.full((n, 2), -1, np.intp)
    for src, dst, port in wires:
        sources[dst, port] = src
    return sources


def test_reaching_walks_against_the_wires() -> None:
    #  0 → 1 → 2 → 5;  3 → 4 (port 0);  0 → 4 (port 1);  6 alone
    sources = table(7, [(0, 1, 0), (1, 2, 0), (2, 5, 0), (3, 4, 0), (0, 4, 1)])
    assert reaching(sources, np.array([5])).tolist() == [True, True, True, False, False, True, False]
    assert reaching(sources, np.array([4, 6])).tolist() == [True, False, False, True, True, False, True]
    assert not reaching(sources, np.array([], np.intp)).any()


def test_reaching_on_a_diamond_lattice_stays_linear() -> None:
    """Each node feeds both nodes of the next layer: a walk that kept duplicates would
    double its frontier at every layer (2^60 of them by the end)."""
    layers = 60
    n = 2 * layers + 1
    wires = [
        (2 * layer + a, 2 * (layer + 1) + b, a) for layer in range(layers - 1) for a in (0, 1) for b in (0, 1)
    ]
    wires += [(2 * (layers - 1), n - 1, 0), (2 * (layers - 1) + 1, n - 1, 1)]
    assert reaching(table(n, wires), np.array([n - 1])).all()
