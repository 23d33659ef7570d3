"""Numbers at the edges (issue 9 §2): saturated squashing functions, tiny divisors,
and slopes that are infinite. The expected numbers were worked out with Python's
50-digit ``decimal`` from the formulas in the comments, and are written out here."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from graphkit import op_graph

from nodeeditor.model import Graph, evaluate


@pytest.mark.parametrize(
    ("x", "value", "slope"),
    [
        # σ(x) = 1/(1 + e^-x), σ'(x) = e^-|x| / (1 + e^-|x|)²  ≈ e^-|x|
        (30.0, 0.99999999999990642, 9.3576229688384233e-14),
        (-30.0, 9.3576229688392990e-14, 9.3576229688384233e-14),
        (40.0, 1.0, 4.2483542552915890e-18),  # 1 − 4e-18 rounds to 1; its slope does not vanish
        (-40.0, 4.2483542552915890e-18, 4.2483542552915890e-18),
        (700.0, 1.0, 9.8596765437597709e-305),
        (-700.0, 9.8596765437597709e-305, 9.8596765437597709e-305),
        (-720.0, 2.0322308024242932e-313, 2.0322308024242932e-313),  # subnormal, yet not 0
    ],
)
def test_sigmoid_far_out(x: float, value: float, slope: float) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        r = evaluate(op_graph("Sigmoid", [x], seed=1.0))
    rel = 1e-6 if slope < 2.3e-308 else 1e-14  # a subnormal has fewer digits
    assert float(r.value("op")) == pytest.approx(value, rel=rel, abs=0.0)
    assert float(r.grad("in0")) == pytest.approx(slope, rel=rel, abs=0.0)
    assert float(r.grad("in0")) > 0
    assert r.problem_nodes() == []


@pytest.mark.parametrize(
    ("x", "slope"),
    [
        # 1 − tanh² x = 4e^-2|x| / (1 + e^-2|x|)²  ≈ 4e^-2|x|
        (0.0, 1.0),
        (30.0, 3.5026043050786081e-26),
        (-30.0, 3.5026043050786081e-26),
        (40.0, 7.2194055513816607e-35),
        (-40.0, 7.2194055513816607e-35),
        (700.0, 0.0),  # 4e^-1400 is below every float: 0 is the nearest number
        (-700.0, 0.0),
    ],
)
def test_tanh_slope_far_out(x: float, slope: float) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        r = evaluate(op_graph("Tanh", [x], seed=1.0))
    assert float(r.value("op")) == pytest.approx(math.tanh(x), rel=1e-15)
    assert float(r.grad("in0")) == pytest.approx(slope, rel=1e-14, abs=0.0)


def test_sigmoid_and_tanh_at_infinity_and_nan() -> None:
    """Values that arrive non-finite from upstream: the slopes at ±inf are 0, at NaN NaN."""
    for op, at_inf, at_minus_inf in (("Sigmoid", 1.0, 0.0), ("Tanh", 1.0, -1.0)):
        g = op_graph("Exp", [[1000.0, -1000.0]])  # exp gives [inf, 0]: feed ±inf in via Log
        g.add_node("Log", "log")
        g.add_node(op, "f")
        g.add_node("Output", "o2")
        g.disconnect("out", 0)
        g.connect("op", "log", 0)  # log([inf, 0]) = [inf, -inf]
        g.connect("log", "f", 0)
        g.connect("f", "o2", 0)
        g.connect("f", "out", 0)
        r = evaluate(g)
        np.testing.assert_array_equal(r.value("f"), [at_inf, at_minus_inf])
        np.testing.assert_array_equal(r.wire_grad(next(e for e in g.in_edges("f"))), [0.0, 0.0])


@pytest.mark.parametrize("x", [1e-200, -1e-200])
def test_div_slope_in_y_does_not_overflow(x: float) -> None:
    """z = x/y at x = y = ±1e-200: ∂z/∂x = 1/y = ±1e200, ∂z/∂y = −x/y² = −1/y = ∓1e200;
    y² = 1e-400 alone is 0 in floating point."""
    r = evaluate(op_graph("Div", [x, x], seed=1.0))
    assert float(r.value("op")) == 1.0
    assert float(r.grad("in0")) == pytest.approx(1 / x, rel=1e-15)
    assert float(r.grad("in1")) == pytest.approx(-1 / x, rel=1e-15)
    assert r.problem_nodes() == []


def test_div_slope_in_y_with_a_large_quotient() -> None:
    """x = 1e100, y = 1e-100: ∂z/∂y = −x/y² = −1e300, though y² alone is 1e-200."""
    r = evaluate(op_graph("Div", [1e100, 1e-100], seed=1.0))
    assert float(r.grad("in1")) == pytest.approx(-1e300, rel=1e-14)


# -- non-finite gradients are flagged where they start -----------------------------


@pytest.mark.parametrize(
    ("type_name", "inputs", "params", "seed", "reason", "grads"),
    [
        (
            "Pow",
            [[0.0, 4.0]],
            {"exponent": 0.5},
            1.0,
            "the slope of x^0.5 at 0 is infinite",
            [[np.inf, 0.25]],
        ),
        ("Pow", [0.0], {"exponent": 1 / 3}, 1.0, "the slope of x^0.3333 at 0 is infinite", [np.inf]),
        ("Pow", [0.0], {"exponent": -1.0}, 1.0, "the slope of x^−1 at 0 is infinite", [-np.inf]),
        ("Log", [0.0], {}, 1.0, "the slope of ln x at 0 is infinite", [np.inf]),
        ("Div", [1.0, 0.0], {}, 1.0, "the slope of x/y at y = 0 is infinite", [np.inf, -np.inf]),
        ("Div", [1.0, 1e-200], {}, 1.0, "the gradient is too large (overflow)", [1e200, -np.inf]),
        ("Exp", [709.0], {}, 10.0, "the gradient is too large (overflow)", [np.inf]),
        ("Square", [1e154], {}, 1e160, "the gradient is too large (overflow)", [np.inf]),
    ],
)
def test_a_nonfinite_gradient_is_flagged_at_the_node_it_starts(
    type_name, inputs, params, seed, reason, grads
) -> None:
    g = op_graph(type_name, inputs, seed=seed, **params)
    g.add_node("Neg", "before")  # upstream of op: it passes the non-finite gradient on, unflagged
    g.add_node("Input", "x", value=inputs[0])
    g.connect("x", "before", 0)
    g.disconnect("op", 0)
    g.connect("before", "op", 0)
    g.set_param("x", "value", -np.asarray(inputs[0]))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        r = evaluate(g)
    assert r.grad_flags == {"op": reason}
    assert str(r.grad_problem_text("op")) == reason
    assert r.grad_problem_text("before") is None
    np.testing.assert_array_equal(r.grad("before"), grads[0])
    for port, expected in enumerate(grads[1:], start=1):
        np.testing.assert_array_equal(r.grad(f"in{port}"), expected)
    assert "op" in r.problem_nodes() and "before" not in r.problem_nodes()
    if not r.flags:  # a finite value with an infinite slope: the slope is the problem
        assert r.problem("op") == reason


def test_the_slope_reason_is_translated_with_its_exponent() -> None:
    r = evaluate(op_graph("Pow", [0.0], exponent=0.5))
    why = r.grad_problem_text("op")
    catalogue = {"the slope of x^{exponent} at 0 is infinite": "x^{exponent}의 기울기가 0에서 무한대입니다"}
    assert (
        why.translated(lambda context, text: catalogue.get(text, text))
        == "x^0.5의 기울기가 0에서 무한대입니다"
    )
    assert why.context == "ops"


def test_zero_times_an_infinite_slope_is_flagged_too() -> None:
    """A live Pow 0.5 at 0 whose upstream gradient is 0: 0·∞ is NaN, and the reason is
    the same infinite slope."""
    r = evaluate(op_graph("Pow", [0.0], seed=0.0, exponent=0.5))
    assert np.isnan(r.grad("in0"))
    assert r.grad_flags == {"op": "the slope of x^0.5 at 0 is infinite"}


def test_finite_wire_gradients_that_add_up_past_the_largest_number() -> None:
    """x feeds two Mul nodes by 1e308: each wire back to x carries 1e308, finite, and
    their sum is not. x is where the infinity starts."""
    g = Graph()
    g.add_node("Input", "x", value=1.0)
    g.add_node("Input", "big", value=1e308)
    for k in (1, 2):
        g.add_node("Mul", f"m{k}")
        g.add_node("Output", f"o{k}")
        g.connect("x", f"m{k}", 0)
        g.connect("big", f"m{k}", 1)
        g.connect(f"m{k}", f"o{k}", 0)
    r = evaluate(g)
    assert [float(r.wire_grad(e)) for e in g.consumers("x")] == [1e308, 1e308]
    assert r.grad("x") == np.inf
    assert r.grad_flags == {"x": "the gradients on its wires add up to a number too large (overflow)"}
    assert r.problem_nodes() == ["x"]


def test_dead_and_finite_graphs_have_no_gradient_flags() -> None:
    assert evaluate(op_graph("Pow", [4.0], exponent=0.5)).grad_flags == {}
    g = op_graph("Pow", [0.0], exponent=0.5)
    g.remove_node("out")  # no Output: no gradients at all
    assert evaluate(g).grad_flags == {}
    g.add_node("Square", "s")
    g.add_node("Output", "out")
    g.connect("in0", "s", 0)
    g.connect("s", "out", 0)  # the Pow is now a dead branch
    r = evaluate(g)
    assert r.grad_flags == {} and r.problem_nodes() == []
