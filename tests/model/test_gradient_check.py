"""gradient_check: its defaults are API, and a gradient with a NaN or an infinity in
any element never agrees (issue 9 §2)."""

from __future__ import annotations

import inspect
import math

import numpy as np
import pytest
from graphkit import build

from nodeeditor.model import Evaluator, gradient_check, numerical_gradients


def test_the_defaults_are_eps_1e_6_rtol_1e_4_atol_1e_6() -> None:
    params = inspect.signature(gradient_check).parameters
    assert (params["eps"].default, params["rtol"].default, params["atol"].default) == (1e-6, 1e-4, 1e-6)
    assert inspect.signature(numerical_gradients).parameters["eps"].default == 1e-6
    assert inspect.signature(Evaluator.numerical_gradients).parameters["eps"].default == 1e-6


def relu_near_its_kink() -> object:
    """ReLU at x = 5e-7, half an eps from its kink: central differences with eps = 1e-6
    see (1.5e-6 − 0) / 2e-6 = 0.75 where backprop says 1."""
    return build(
        [
            ("x", "Input", [], {"value": 5e-7}),
            ("r", "ReLU", ["x"], {}),
            ("out", "Output", ["r"], {}),
        ]
    )


def test_the_defaults_at_work() -> None:
    report = gradient_check(relu_near_its_kink())
    (row,) = report.rows
    assert (report.rtol, report.atol) == (1e-4, 1e-6)
    assert float(row.backprop) == 1.0
    assert float(row.numerical) == pytest.approx(0.75, abs=1e-9)  # eps = 1e-6, not another
    assert row.error == pytest.approx(0.25 / (1e-6 + 1e-4 * 0.75), rel=1e-6)
    assert row.difference == pytest.approx(0.25, abs=1e-9)
    assert not row.agrees and not report.ok
    wide = gradient_check(relu_near_its_kink(), eps=1e-5, rtol=1.0, atol=0.0)
    assert float(wide.rows[0].numerical) == pytest.approx(0.525, abs=1e-9)
    assert wide.rows[0].agrees  # 0.475 / (1 · 0.525) ≤ 1


def nan_in_one_element(c: float) -> object:
    """L = c · Σ sqrt(x²) at x = [0, 1]: with c = 0 backprop meets 0·∞ at the first
    element (NaN) and 0 at the second; central differences see 0 and 0."""
    return build(
        [
            ("x", "Input", [], {"value": [0.0, 1.0]}),
            ("c", "Input", [], {"value": c}),
            ("sq", "Square", ["x"], {}),
            ("root", "Pow", ["sq"], {"exponent": 0.5}),
            ("m", "Mul", ["root", "c"], {}),
            ("s", "Sum", ["m"], {}),
            ("out", "Output", ["s"], {}),
        ]
    )


def test_a_backprop_gradient_with_nan_in_one_element_never_agrees() -> None:
    report = gradient_check(nan_in_one_element(0.0))
    row = next(r for r in report.rows if r.node_id == "x")
    assert np.isnan(row.backprop[0]) and row.backprop[1] == 0.0
    np.testing.assert_array_equal(row.numerical, [0.0, 0.0])
    assert row.error == math.inf
    assert math.isnan(row.difference)
    assert not row.agrees and not report.ok


def test_a_numerical_gradient_with_nan_in_one_element_never_agrees() -> None:
    """sqrt at x = [0, 4]: backprop [inf, 0.25]; central differences take sqrt(−eps)."""
    g = build(
        [
            ("x", "Input", [], {"value": [0.0, 4.0]}),
            ("root", "Pow", ["x"], {"exponent": 0.5}),
            ("s", "Sum", ["root"], {}),
            ("out", "Output", ["s"], {}),
        ]
    )
    (row,) = gradient_check(g).rows
    np.testing.assert_array_equal(row.backprop, [np.inf, 0.25])
    assert np.isnan(row.numerical[0]) and row.numerical[1] == pytest.approx(0.25)
    assert row.error == math.inf and not row.agrees


def test_the_same_infinity_both_ways_does_not_agree_either() -> None:
    """Backprop and central differences both overflow: inf − inf tells nothing."""
    g = build(
        [
            ("x", "Input", [], {"value": 800.0}),
            ("e", "Exp", ["x"], {}),
            ("out", "Output", ["e"], {}),
        ]
    )
    (row,) = gradient_check(g).rows
    assert float(row.backprop) == np.inf
    assert not row.agrees


def test_rows_without_gradients_agree_and_have_no_difference() -> None:
    g = build([("x", "Input", [], {"value": 1.0}), ("s", "Square", ["x"], {})])
    (row,) = gradient_check(g).rows
    assert row.backprop is None and row.difference is None and row.agrees
