"""The textbook's own numbers, exactly, and every shipped example."""

from __future__ import annotations

import math

import numpy as np
import pytest
from graphkit import EXAMPLE_FILES, build, example

from nodeeditor.model import Edge, evaluate, gradient_check, load
from nodeeditor.model.ops import AddLayer, MulLayer


def test_add_square_by_hand() -> None:
    """z = (x + y)², x = 2, y = 1: z = 9, ∂z/∂x = ∂z/∂y = 2(x + y) = 6."""
    g = build(
        [
            ("x", "Input", [], {"value": 2.0}),
            ("y", "Input", [], {"value": 1.0}),
            ("t", "Add", ["x", "y"], {}),
            ("z", "Square", ["t"], {}),
            ("out", "Output", ["z"], {}),
        ]
    )
    r = evaluate(g)
    assert r.value("t") == 3.0
    assert r.value("z") == 9.0
    assert r.loss == 9.0
    assert r.grad("z") == 1.0
    assert r.grad("t") == 6.0
    assert r.grad("x") == 6.0
    assert r.grad("y") == 6.0
    assert r.wire_grad(Edge("x", "t", 0)) == 6.0
    assert r.wire_grad(Edge("t", "z", 0)) == 6.0


def test_add_square_example_file() -> None:
    r = evaluate(load(example("add_square")))
    assert (r.value("z"), r.grad("x"), r.grad("y")) == (9.0, 6.0, 6.0)


def test_buying_apples_layers_by_hand() -> None:
    """The book's MulLayer code: 100 yen × 2 apples × 1.1 tax."""
    mul_apple, mul_tax = MulLayer(), MulLayer()
    apple_price = mul_apple.forward(np.float64(100), np.float64(2))
    price = mul_tax.forward(apple_price, np.float64(1.1))
    assert price == pytest.approx(220)
    dapple_price, dtax = mul_tax.backward(np.float64(1))
    dapple, dapple_num = mul_apple.backward(dapple_price)
    assert dapple == pytest.approx(2.2)
    assert dapple_num == pytest.approx(110)
    assert dtax == pytest.approx(200)


def test_apples_and_oranges_layers_by_hand() -> None:
    mul_apple, mul_orange, add, mul_tax = MulLayer(), MulLayer(), AddLayer(), MulLayer()
    a = mul_apple.forward(np.float64(100), np.float64(2))
    o = mul_orange.forward(np.float64(150), np.float64(3))
    s = add.forward(a, o)
    price = mul_tax.forward(s, np.float64(1.1))
    assert price == pytest.approx(715)
    ds, dtax = mul_tax.backward(np.float64(1))
    da, do = add.backward(ds)
    grads = (*mul_apple.backward(da), *mul_orange.backward(do), dtax)
    assert grads == pytest.approx((2.2, 110, 3.3, 165, 650))


def buying_apples(source: str):
    if source == "file":
        return load(example("buying_apples"))
    return build(
        [
            ("apple", "Input", [], {"value": 100.0}),
            ("num", "Input", [], {"value": 2.0}),
            ("mul_apple", "Mul", ["apple", "num"], {}),
            ("tax", "Input", [], {"value": 1.1}),
            ("mul_tax", "Mul", ["mul_apple", "tax"], {}),
            ("price", "Output", ["mul_tax"], {}),
        ]
    )


def apples_and_oranges(source: str):
    if source == "file":
        return load(example("apples_and_oranges"))
    return build(
        [
            ("apple", "Input", [], {"value": 100.0}),
            ("apple_num", "Input", [], {"value": 2.0}),
            ("orange", "Input", [], {"value": 150.0}),
            ("orange_num", "Input", [], {"value": 3.0}),
            ("mul_apple", "Mul", ["apple", "apple_num"], {}),
            ("mul_orange", "Mul", ["orange", "orange_num"], {}),
            ("add", "Add", ["mul_apple", "mul_orange"], {}),
            ("tax", "Input", [], {"value": 1.1}),
            ("mul_tax", "Mul", ["add", "tax"], {}),
            ("price", "Output", ["mul_tax"], {}),
        ]
    )


SOURCES = pytest.mark.parametrize("source", ["built", "file"])


@SOURCES
def test_buying_apples(source: str) -> None:
    g = buying_apples(source)
    r = evaluate(g)
    assert r.value("mul_apple") == pytest.approx(200)
    assert r.value("mul_tax") == pytest.approx(220)
    assert r.value("price") == pytest.approx(220)
    assert r.loss == pytest.approx(220)
    assert r.grad("apple") == pytest.approx(2.2)
    assert r.grad("num") == pytest.approx(110)
    assert r.grad("tax") == pytest.approx(200)
    assert r.grad("mul_apple") == pytest.approx(1.1)
    assert r.grad("mul_tax") == pytest.approx(1.0)
    assert r.grad("price") == 1.0  # the Output's default seed


@pytest.mark.parametrize(
    ("src", "dst", "port", "value", "grad"),
    [
        ("apple", "mul_apple", 0, 100, 2.2),
        ("num", "mul_apple", 1, 2, 110),
        ("mul_apple", "mul_tax", 0, 200, 1.1),
        ("tax", "mul_tax", 1, 1.1, 200),
        ("mul_tax", "price", 0, 220, 1.0),
    ],
)
@SOURCES
def test_buying_apples_wires(source, src, dst, port, value, grad) -> None:
    r = evaluate(buying_apples(source))
    edge = Edge(src, dst, port)
    assert r.wire_value(edge) == pytest.approx(value)
    assert r.wire_grad(edge) == pytest.approx(grad)


@pytest.mark.parametrize(
    ("node", "grad"),
    [
        ("apple", 2.2),
        ("apple_num", 110),
        ("orange", 3.3),
        ("orange_num", 165),
        ("tax", 650),
        ("mul_apple", 1.1),
        ("mul_orange", 1.1),
        ("add", 1.1),
        ("mul_tax", 1.0),
    ],
)
@SOURCES
def test_apples_and_oranges(source: str, node: str, grad: float) -> None:
    r = evaluate(apples_and_oranges(source))
    assert r.value("price") == pytest.approx(715)
    assert r.value("add") == pytest.approx(650)
    assert r.grad(node) == pytest.approx(grad)


def test_neuron_squared_error_by_hand() -> None:
    r = evaluate(load(example("neuron")))
    x, w, b, target = 1.5, 0.8, -0.2, 0.9
    y = 1 / (1 + math.exp(-(w * x + b)))
    assert r.value("y") == pytest.approx(y)
    assert r.loss == pytest.approx((y - target) ** 2)
    dy = 2 * (y - target)
    da = dy * y * (1 - y)
    assert r.grad("w") == pytest.approx(da * x)
    assert r.grad("x") == pytest.approx(da * w)
    assert r.grad("b") == pytest.approx(da)
    assert r.grad("target") == pytest.approx(-dy)


def test_sigmoid_from_primitives_matches_sigmoid() -> None:
    r = evaluate(load(example("sigmoid_from_primitives")))
    s = 1 / (1 + math.exp(-0.5))
    assert r.value("div") == pytest.approx(s)
    assert r.grad("x") == pytest.approx(s * (1 - s))


def test_affine_vector_by_hand() -> None:
    r = evaluate(load(example("affine")))
    x = np.array([1.0, 2.0])
    w = np.array([[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]])
    b = np.array([0.1, 0.2, 0.3])
    np.testing.assert_allclose(r.value("affine"), x @ w + b)
    assert r.loss == pytest.approx(float(np.sum(x @ w + b)))
    np.testing.assert_allclose(r.grad("x"), w @ np.ones(3))
    np.testing.assert_allclose(r.grad("W"), np.outer(x, np.ones(3)))
    np.testing.assert_allclose(r.grad("b"), np.ones(3))


def test_relu_layer_example_by_hand() -> None:
    r = evaluate(load(example("relu")))
    np.testing.assert_array_equal(r.value("relu"), [0.0, 0.5, 2.0])
    np.testing.assert_array_equal(r.grad("x"), [0.0, 1.0, 1.0])


def test_there_are_examples() -> None:
    assert len(EXAMPLE_FILES) >= 6


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_example_evaluates_to_finite_numbers(path) -> None:
    g = load(path)
    r = evaluate(g)
    assert r.has_gradients
    assert r.flags == {}
    assert math.isfinite(r.loss)
    for n in g.nodes:
        assert r.problem(n) is None, n
        assert np.isfinite(r.value(n)).all(), n
        assert np.isfinite(r.grad(n)).all(), n
    for e in g.edges:
        assert np.isfinite(r.wire_grad(e)).all(), e


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_example_passes_gradient_check(path) -> None:
    g = load(path)
    report = gradient_check(g)
    assert report.ok
    inputs = [n for n, node in g.nodes.items() if node.type == "Input"]
    assert [row.node_id for row in report.rows] == inputs
    for row in report.rows:
        assert row.error <= 1.0
        np.testing.assert_allclose(row.backprop, row.numerical, rtol=1e-5, atol=1e-6)
