"""The engine against HIPS autograd on ~100 random graphs.

Each graph is rebuilt as an autograd function of its Input values plus a
zero "probe" added to every intermediate node's value; the gradient with
respect to a probe is dL/d(that node). So one call checks every node's value,
every Input's gradient and every intermediate gradient.
"""

from __future__ import annotations

import warnings

import autograd
import autograd.numpy as anp
import numpy as np
import pytest
from graphkit import assert_same_result, build, random_spec

from nodeeditor.model import Evaluator, evaluate

AUTOGRAD_OPS = {
    "Add": lambda a, b: a + b,
    "Sub": lambda a, b: a - b,
    "Mul": lambda a, b: a * b,
    "Div": lambda a, b: a / b,
    "Neg": lambda a: -a,
    "Square": lambda a: a * a,
    "Exp": anp.exp,
    "Log": anp.log,
    "Sigmoid": lambda a: 1 / (1 + anp.exp(-a)),
    "Tanh": anp.tanh,
    "ReLU": lambda a: anp.where(a > 0, a, 0.0),
    "Sin": anp.sin,
    "Cos": anp.cos,
    "Sum": anp.sum,
    "MatMul": anp.matmul,
}


def apply(type_name: str, args: list, params: dict):
    if type_name == "Pow":
        return args[0] ** params["exponent"]
    return AUTOGRAD_OPS[type_name](*args)


def oracle(spec):
    """Values of every node and dL/d(every node), by autograd."""
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
    # found by a plain forward pass first.
    probes = {n: np.asarray(p["value"], float) for n, t, _, p in spec if t == "Input"}
    plain = dict(probes)
    for node_id, type_name, srcs, p in spec:
        if type_name not in ("Input", "Output"):
            plain[node_id] = np.asarray(apply(type_name, [plain[s] for s in srcs], p))
            probes[node_id] = np.zeros(plain[node_id].shape)
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
    expected = np.asarray(expected, dtype=float)
    scale = 1.0 + float(np.max(np.abs(expected), initial=0.0))
    np.testing.assert_allclose(actual, expected, rtol=1e-9, atol=1e-10 * scale, err_msg=what)


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
