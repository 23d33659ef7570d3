"""Every node type's backward against central differences.

Each case builds Input(s) → op → Output with a random seed gradient, so the
backward pass starts from an arbitrary upstream gradient and every path is
exercised, and compares the engine's gradients with central differences of
L = sum(seed · f(inputs)) computed here from plain numpy.
"""

from __future__ import annotations

import numpy as np
import pytest
from graphkit import ALL_TYPES, op_graph
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from nodeeditor.model import NODE_TYPES, Edge, evaluate, numerical_gradients
from nodeeditor.model.captions import derivatives, formula
from nodeeditor.model.ops import Layer, layer_class

REFERENCE = {
    "Output": lambda x: x,
    "Add": lambda x, y: x + y,
    "Sub": lambda x, y: x - y,
    "Mul": lambda x, y: x * y,
    "Div": lambda x, y: x / y,
    "Neg": lambda x: -x,
    "Square": lambda x: x**2,
    "Pow": lambda x, exponent: x**exponent,
    "Exp": np.exp,
    "Log": np.log,
    "Sigmoid": lambda x: 1 / (1 + np.exp(-x)),
    "Tanh": np.tanh,
    "ReLU": lambda x: np.maximum(x, 0.0),
    "Sin": np.sin,
    "Cos": np.cos,
    "Sum": np.sum,
    "MatMul": np.matmul,
}

# Where each function is smooth: Log needs x > 0, ReLU stays away from its
# kink, Div's denominator away from 0, Pow a positive base.
ANY = st.floats(-3, 3)
AWAY_FROM_ZERO = st.tuples(st.floats(0.1, 3), st.sampled_from([-1.0, 1.0])).map(lambda t: t[0] * t[1])
DOMAINS = {
    "Log": [st.floats(0.1, 5)],
    "ReLU": [AWAY_FROM_ZERO],
    "Div": [
        ANY,
        st.tuples(st.floats(0.5, 3), st.sampled_from([-1.0, 1.0])).map(lambda t: t[0] * t[1]),
    ],
    "Pow": [st.floats(0.2, 3)],
}

UNARY = ["Neg", "Square", "Pow", "Exp", "Log", "Sigmoid", "Tanh", "ReLU", "Sin", "Cos", "Sum"]
BINARY = ["Add", "Sub", "Mul", "Div"]
UNARY_SHAPES = [(), (3,), (2, 3)]
BINARY_SHAPES = [
    ((), ()),
    ((3,), ()),
    ((), (3,)),
    ((3,), (3,)),
    ((2, 3), (3,)),
    ((3,), (2, 3)),
    ((2, 1), (1, 3)),
    ((1, 3), (2, 1)),
    ((2, 3), ()),
    ((2, 3), (2, 3)),
    ((2, 1), (3,)),
]
MATMUL_SHAPES = [((3,), (3,)), ((2, 3), (3,)), ((3,), (3, 4)), ((2, 3), (3, 4)), ((1, 2), (2, 1))]
EXPONENTS = [-2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 3.0]

CASES = (
    [(op, (s,)) for op in UNARY for s in UNARY_SHAPES]
    + [(op, shapes) for op in BINARY for shapes in BINARY_SHAPES]
    + [("MatMul", shapes) for shapes in MATMUL_SHAPES]
)


def out_shape(type_name: str, shapes) -> tuple:
    if type_name == "Sum":
        return ()
    if type_name == "MatMul":
        return np.matmul(np.ones(shapes[0]), np.ones(shapes[1])).shape
    return np.broadcast_shapes(*shapes)


def central_differences(f, xs: list[np.ndarray], eps: float = 1e-6) -> list[np.ndarray]:
    grads = []
    for i, x in enumerate(xs):
        g = np.zeros(x.shape)
        for index in np.ndindex(*x.shape):
            up = [a.copy() for a in xs]
            down = [a.copy() for a in xs]
            up[i][index] += eps
            down[i][index] -= eps
            g[index] = (f(*up) - f(*down)) / (2 * eps)
        grads.append(g)
    return grads


def arrays(draw, shape: tuple, elements) -> np.ndarray:
    return np.asarray(draw(hnp.arrays(np.float64, shape, elements=elements)), dtype=float)


@pytest.mark.parametrize(("type_name", "shapes"), CASES, ids=lambda v: str(v))
@settings(max_examples=12, deadline=None)
@given(data=st.data())
def test_engine_backward_matches_central_differences(type_name: str, shapes, data) -> None:
    domains = DOMAINS.get(type_name, [ANY, ANY])
    xs = [arrays(data.draw, s, domains[min(i, len(domains) - 1)]) for i, s in enumerate(shapes)]
    params = {}
    if type_name == "Pow":
        params["exponent"] = data.draw(st.sampled_from(EXPONENTS))
    seed = arrays(data.draw, out_shape(type_name, shapes), st.floats(-2, 2))
    g = op_graph(type_name, xs, seed=seed, **params)
    r = evaluate(g)

    def loss(*args):
        return float(np.sum(seed * REFERENCE[type_name](*args, **params)))

    expected_value = REFERENCE[type_name](*xs, **params)
    np.testing.assert_allclose(r.value("op"), expected_value, rtol=1e-12, atol=1e-12)
    assert r.value("op").shape == np.shape(expected_value)
    assert r.loss == pytest.approx(loss(*xs), rel=1e-9, abs=1e-9)
    np.testing.assert_array_equal(r.grad("out"), seed)
    np.testing.assert_array_equal(r.wire_grad(Edge("op", "out", 0)), seed)
    numerical = central_differences(loss, xs)
    engine_numerical = numerical_gradients(g)
    for i, (x, num) in enumerate(zip(xs, numerical, strict=True)):
        bp = r.grad(f"in{i}")
        assert bp.shape == x.shape  # broadcast gradients summed back to the operand
        np.testing.assert_allclose(bp, num, rtol=1e-5, atol=1e-6, err_msg=f"input {i}")
        np.testing.assert_array_equal(r.wire_grad(Edge(f"in{i}", "op", i)), bp)
        np.testing.assert_allclose(engine_numerical[f"in{i}"], num, rtol=1e-5, atol=1e-6)


def test_cases_cover_every_computing_type() -> None:
    assert {c[0] for c in CASES} == set(ALL_TYPES) - {"Input", "Output"}


# -- the layer classes on their own ------------------------------------------

LAYER_CASES = [
    *[(op, [(2, 3)]) for op in UNARY if op != "Sum"],
    ("Sum", [(2, 3)]),
    ("Sum", [()]),
    ("Output", [(3,)]),
    *[(op, [(2, 3), (2, 3)]) for op in BINARY],
    *[("MatMul", list(s)) for s in MATMUL_SHAPES],
]


@pytest.mark.parametrize(("type_name", "shapes"), LAYER_CASES, ids=lambda v: str(v))
@settings(max_examples=10, deadline=None)
@given(data=st.data())
def test_layer_forward_then_backward(type_name: str, shapes, data) -> None:
    domains = DOMAINS.get(type_name, [ANY, ANY])
    xs = [arrays(data.draw, s, domains[min(i, len(domains) - 1)]) for i, s in enumerate(shapes)]
    params = {"exponent": data.draw(st.sampled_from(EXPONENTS))} if type_name == "Pow" else {}
    cls = layer_class(type_name)
    layer = cls(**params)
    out = layer.forward(*xs)
    np.testing.assert_allclose(out, REFERENCE[type_name](*xs, **params), rtol=1e-12)
    dout = arrays(data.draw, np.shape(out), st.floats(-2, 2))
    grads = layer.backward(dout)
    assert isinstance(grads, tuple)
    assert len(grads) == len(cls.ports) == len(xs)

    def loss(*args):
        return float(np.sum(dout * cls(**params).forward(*args)))

    for x, grad, num in zip(xs, grads, central_differences(loss, xs), strict=True):
        assert np.shape(grad) == x.shape
        np.testing.assert_allclose(grad, num, rtol=1e-5, atol=1e-6)


def test_pow_with_exponent_zero_is_flat_even_at_zero() -> None:
    """x⁰ = 1 everywhere, so its slope is 0, also at x = 0 (not 0·0⁻¹ = NaN)."""
    r = evaluate(op_graph("Pow", [[0.0, 2.0]], exponent=0))
    np.testing.assert_array_equal(r.value("op"), [1.0, 1.0])
    np.testing.assert_array_equal(r.grad("in0"), [0.0, 0.0])
    assert r.flags == {}


def test_relu_gradient_at_zero_is_zero() -> None:
    r = evaluate(op_graph("ReLU", [[-1.0, 0.0, 2.0]]))
    np.testing.assert_array_equal(r.value("op"), [0.0, 0.0, 2.0])
    np.testing.assert_array_equal(r.grad("in0"), [0.0, 0.0, 1.0])


# -- the registry ---------------------------------------------------------------


def test_node_types_are_exactly_the_eighteen_of_the_file_format() -> None:
    assert set(NODE_TYPES) == set(ALL_TYPES)
    assert len(NODE_TYPES) == 18


@pytest.mark.parametrize("type_name", sorted(ALL_TYPES))
def test_node_type_class(type_name: str) -> None:
    cls = NODE_TYPES[type_name]
    assert issubclass(cls, Layer)
    assert cls.type_name == type_name
    assert layer_class(type_name) is cls
    assert len(cls.ports) == ALL_TYPES[type_name]
    assert all(isinstance(p, str) and p for p in cls.ports)
    assert len(set(cls.ports)) == len(cls.ports)
    assert cls.has_output is (type_name != "Output")
    assert isinstance(cls.description, str) and cls.description.strip()
    assert formula(type_name).strip() and derivatives(type_name).strip()  # written in captions
    expected_params = {"Input": ("value",), "Pow": ("exponent",)}.get(type_name, ())
    assert cls.params == expected_params


def test_unknown_type_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        layer_class("Squre")
