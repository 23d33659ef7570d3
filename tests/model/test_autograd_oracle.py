"""The engine against HIPS autograd on hundreds of random graphs.

Each graph is rebuilt as an autograd function of its Input values plus a
zero "probe" added to every intermediate node's value; the gradient with
respect to a probe is dL/d(that node). So one call checks every node's value,
every Input's gradient and every intermediate gradient.

Two families: well-conditioned graphs, compared tightly; and graphs at the edges
(zeros into Log and Div, overflowing Exp, saturated Sigmoid and Tanh, open ports,
branches that reach no Output), compared with NaN and infinities counted as
numbers: NaN where autograd has NaN, the same infinity where it has one.
"""

from __future__ import annotations

import warnings

import autograd
import autograd.numpy as anp
import numpy as np
import pytest
from autograd.extend import defvjp, primitive
from autograd.numpy.numpy_vjps import unbroadcast_f
from graphkit import assert_same_result, build, random_spec, wild_spec

from nodeeditor.model import Evaluator, evaluate


@primitive
def divide(a, b):
    return a / b


# autograd's own ∂(a/b)/∂b is −g·a/b², whose b² is 0 at b = 1e-200 (so inf where the
# slope is −1e200): the oracle uses the same −(a/b)/b the issue asks of the engine.
defvjp(
    divide,
    lambda ans, a, b: unbroadcast_f(a, lambda g: g / b),
    lambda ans, a, b: unbroadcast_f(b, lambda g: g * (-ans / b)),
)

AUTOGRAD_OPS = {
    "Add": lambda a, b: a + b,
    "Sub": lambda a, b: a - b,
    "Mul": lambda a, b: a * b,
    "Div": divide,
    "Neg": lambda a: -a,
    "Square": lambda a: a * a,
    "Exp": anp.exp,
    "Log": anp.log,
    # 1/(1 + e^-a) as autograd differentiates it without overflow, even at ±inf.
    "Sigmoid": lambda a: (1.0 + anp.tanh(a / 2.0)) / 2.0,
    "Tanh": anp.tanh,  # autograd's slope is 1/cosh²: exact near saturation too
    "ReLU": lambda a: anp.where(a <= 0, 0.0, a),  # NaN stays NaN, as in numpy's max(0, x)
    "Sin": anp.sin,
    "Cos": anp.cos,
    "Sum": anp.sum,
    "MatMul": anp.matmul,
}


def apply(type_name: str, args: list, params: dict):
    if type_name == "Pow":
        return args[0] ** params["exponent"]
    return AUTOGRAD_OPS[type_name](*args)


def defined(spec) -> list:
    """The rows of the nodes that have a value: every port wired to a defined node."""
    seen: set[str] = set()
    for node_id, _, srcs, _ in spec:
        if all(s in seen for s in srcs):
            seen.add(node_id)
    return [row for row in spec if row[0] in seen]


def reaching_the_loss(spec) -> set[str]:
    """The defined nodes with a path to a defined Output, walked node by node."""
    rows = defined(spec)
    live = {n for n, t, _, _ in rows if t == "Output"}
    for node_id, _, srcs, _ in reversed(rows):
        if node_id in live:
            live.update(srcs)
    return live


def oracle(spec):
    """Values of every defined node and dL/d(every defined node), by autograd;
    no gradients (None) if no Output is defined."""
    spec = defined(spec)
    values: dict[str, np.ndarray] = {}

    def run(probes):
        vals = {}
        loss = 0.0
        for node_id, type_name, srcs, p in spec:
            if type_name == "Input":
                vals[node_id] = probes[node_id]
                continue
            args = [vals[s] for s in srcs]
            if type_name == "Output":
                seed = p["grad"] if p["grad"] is not None else np.ones(np.shape(args[0]))
                loss = loss + anp.sum(seed * args[0])
                continue
            vals[node_id] = apply(type_name, args, p) + probes[node_id]
        values.update({k: getattr(v, "_value", v) for k, v in vals.items()})
        return loss

    # Inputs are their values; every other node gets a zero probe of its shape,
    # found by a plain forward pass first. The probe is -0.0: x + (-0.0) is x for
    # every x, where x + 0.0 would turn a -0.0 into +0.0 (and 1/x from -inf to inf).
    probes = {n: np.asarray(p["value"], float) for n, t, _, p in spec if t == "Input"}
    plain = dict(probes)
    for node_id, type_name, srcs, p in spec:
        if type_name not in ("Input", "Output"):
            plain[node_id] = np.asarray(apply(type_name, [plain[s] for s in srcs], p))
            probes[node_id] = np.full(plain[node_id].shape, -0.0)
    if not any(t == "Output" for _, t, _, _ in spec):
        run(probes)
        return values, None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        grads = autograd.grad(run)(probes)
    return values, grads


def acceptable(values, grads) -> bool:
    """Well-conditioned graphs only: finite and moderate everywhere."""
    arrays = [*values.values(), *grads.values()]
    return all(np.all(np.isfinite(a)) and np.all(np.abs(a) < 1e6) for a in arrays)


def make_case(seed: int):
    rng = np.random.default_rng(seed)
    while True:
        spec, _ = random_spec(rng, int(rng.integers(5, 41)))
        with np.errstate(all="ignore"):
            values, grads = oracle(spec)
        if acceptable(values, grads):
            return spec, values, grads


def close(actual, expected, what: str) -> None:
    """Equal within rounding, element by element (a huge number beside a small one
    makes the small one no less exact); NaN only where NaN is expected, and each
    infinity only where the same infinity is."""
    actual, expected = np.asarray(actual, dtype=float), np.asarray(expected, dtype=float)
    ok = np.isclose(actual, expected, rtol=1e-9, atol=1e-10, equal_nan=True)
    assert actual.shape == expected.shape and ok.all(), f"{what}: {actual} is not {expected}"


def test_close_tells_nan_and_infinities_apart() -> None:
    close([np.nan, np.inf, -np.inf, 1.0], [np.nan, np.inf, -np.inf, 1.0], "same")
    for actual in ([0.0, np.inf], [np.nan, np.inf], [np.inf, -np.inf], [1e300, np.inf]):
        with pytest.raises(AssertionError):
            close(actual, [np.inf, np.inf], "different")
    with pytest.raises(AssertionError):  # a huge finite number does not make 1 and 2 equal
        close([1.0, 1e300], [2.0, 1e300], "different")


@pytest.mark.parametrize("seed", range(100))
def test_engine_matches_autograd(seed: int) -> None:
    spec, values, grads = make_case(seed)
    g = build(spec)
    r = evaluate(g)
    kinds = {n: t for n, t, _, _ in spec}
    for node_id, type_name in kinds.items():
        assert r.problem(node_id) is None
        if type_name == "Output":
            continue
        value = r.value(node_id)
        assert value.shape == np.shape(values[node_id]), node_id
        close(value, values[node_id], f"value of {node_id} ({type_name})")
        close(r.grad(node_id), grads[node_id], f"grad of {node_id} ({type_name})")
    expected_loss = sum(
        float(np.sum((p["grad"] if p["grad"] is not None else 1.0) * values[srcs[0]]))
        for _, t, srcs, p in spec
        if t == "Output"
    )
    assert r.loss == pytest.approx(expected_loss, rel=1e-9, abs=1e-9)


@pytest.mark.parametrize("seed", range(0, 100, 7))
def test_node_grad_is_sum_of_wire_grads_on_random_graphs(seed: int) -> None:
    spec, _, _ = make_case(seed)
    g = build(spec)
    r = evaluate(g)
    for node_id, node in g.nodes.items():
        if not node.has_output:
            continue
        wires = g.consumers(node_id)
        total = sum((r.wire_grad(e) for e in wires), np.zeros(np.shape(r.value(node_id))))
        np.testing.assert_allclose(r.grad(node_id), total, rtol=1e-12, atol=1e-12)
        for e in wires:
            assert r.wire_grad(e).shape == r.value(node_id).shape
            np.testing.assert_array_equal(r.wire_value(e), r.value(node_id))


@pytest.mark.parametrize("seed", range(3, 100, 11))
def test_reevaluation_after_value_edits_matches_fresh_evaluation(seed: int) -> None:
    spec, _, _ = make_case(seed)
    g = build(spec)
    ev = Evaluator(g)
    ev.evaluate()
    rng = np.random.default_rng(seed + 1000)
    inputs = [n for n, t, _, _ in spec if t == "Input"]
    for _ in range(3):
        n = inputs[int(rng.integers(len(inputs)))]
        old = g.nodes[n].params["value"]
        g.set_param(n, "value", old * 0.9 + 0.01)
        assert_same_result(ev.evaluate(), evaluate(g), g)
    ev.close()


def expected_loss(spec, values) -> float:
    """The sum over the defined Outputs of seed · value."""
    return sum(
        float(np.sum((p["grad"] if p["grad"] is not None else 1.0) * values[srcs[0]]))
        for _, t, srcs, p in defined(spec)
        if t == "Output"
    )


@pytest.mark.parametrize("seed", range(240))
def test_engine_matches_autograd_at_the_edges(seed: int) -> None:
    """Odd seeds: numbers only, every port wired (the planner's numpy way)."""
    rng = np.random.default_rng(7000 + seed)
    numbers_only = seed % 2 == 1
    shapes, open_ports = ([()], 0.0) if numbers_only else (None, 0.08)
    spec = wild_spec(rng, int(rng.integers(5, 41)), shapes, open_ports)
    with np.errstate(all="ignore"):
        values, grads = oracle(spec)
    ev = Evaluator(build(spec))
    r = ev.evaluate()
    assert ev.plan.numbers_only is numbers_only
    has_value = {row[0] for row in defined(spec)}
    for node_id, type_name, srcs, _ in spec:
        if node_id not in has_value:
            assert r.value(node_id) is None and r.grad(node_id) is None, node_id
            assert r.problem(node_id) is not None
            continue
        value = r.value(node_id)
        expected = values[srcs[0] if type_name == "Output" else node_id]
        assert value.shape == np.shape(expected), node_id
        close(value, expected, f"value of {node_id} ({type_name})")
        if type_name != "Output":
            got = r.grad(node_id)
            assert (got is None) == (grads is None), node_id
            if grads is not None:
                close(got, grads[node_id], f"grad of {node_id} ({type_name})")
    if grads is None:
        assert r.loss is None
    else:
        nonfinite = [n for n, t, _, _ in defined(spec) if t != "Output" and not np.isfinite(r.grad(n)).all()]
        assert not nonfinite or r.flags or r.grad_flags, f"{nonfinite}: no node says where it starts"
        with np.errstate(all="ignore"):
            loss = expected_loss(spec, values)
        assert r.loss == pytest.approx(loss, rel=1e-9, abs=1e-9, nan_ok=True)


@pytest.mark.parametrize("seed", range(0, 240, 5))
def test_wires_at_the_edges_sum_to_the_node_and_dead_ones_carry_zero(seed: int) -> None:
    rng = np.random.default_rng(7000 + seed)
    spec = wild_spec(rng, int(rng.integers(5, 41)), None, 0.08)
    g = build(spec)
    r = evaluate(g)
    if not r.has_gradients:
        return
    live = reaching_the_loss(spec)
    for node_id, node in g.nodes.items():
        if not node.has_output or r.value(node_id) is None:
            continue
        wires = [w for w in (r.wire_grad(e) for e in g.consumers(node_id)) if w is not None]
        if node_id not in live:
            assert all(np.array_equal(w, np.zeros_like(w)) for w in wires), node_id
            np.testing.assert_array_equal(r.grad(node_id), np.zeros(np.shape(r.value(node_id))))
            continue
        with np.errstate(all="ignore"):
            total = sum(wires, np.zeros(np.shape(r.value(node_id))))
        close(r.grad(node_id), total, f"grad of {node_id}")
