"""Random arithmetic, written as Python, imported as a graph: its value and every variable's
gradient match HIPS autograd on the same expression (built from the expression tree, not from
the imported graph, so the two share nothing but the tree)."""

from __future__ import annotations

import warnings

import autograd
import autograd.numpy as anp
import numpy as np
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from nodeeditor.model import evaluate
from nodeeditor.model.pyimport import import_python

VARIABLES = ("x", "y", "w")
PREFIXES = ("", "math.", "np.", "numpy.", "torch.")
BINARY = {"+": anp.add, "-": anp.subtract, "*": anp.multiply, "/": anp.divide}
UNARY = {
    "exp": anp.exp,
    "log": anp.log,
    "tanh": anp.tanh,
    "sigmoid": lambda a: 1 / (1 + anp.exp(-a)),
    "sin": anp.sin,
    "cos": anp.cos,
    "relu": lambda a: anp.where(a <= 0, 0.0, a),  # slope 0 at 0, as the ReLU node (and micrograd)
    "sum": anp.sum,
}
POWERS = (2, 3, -1, 0.5, 1.5)

leaves = st.sampled_from(VARIABLES) | st.integers(1, 40).map(lambda k: k / 8)


def grow(children):
    return st.one_of(
        st.tuples(st.sampled_from(sorted(BINARY)), children, children),
        st.tuples(st.sampled_from(sorted(UNARY)), st.sampled_from(PREFIXES), children),
        st.tuples(st.just("neg"), children),
        st.tuples(st.just("**"), children, st.sampled_from(POWERS)),
        st.tuples(st.just("method"), st.sampled_from(["relu", "tanh", "exp"]), children),
    )


expressions = st.recursive(leaves, grow, max_leaves=10).filter(lambda t: isinstance(t, tuple))


def source(tree) -> str:
    if isinstance(tree, str):
        return tree
    if isinstance(tree, float):
        return repr(tree)
    op = tree[0]
    if op in BINARY:
        return f"({source(tree[1])} {op} {source(tree[2])})"
    if op == "neg":
        return f"(-{source(tree[1])})"
    if op == "**":
        return f"({source(tree[1])}) ** {tree[2]}"
    if op == "method":
        return f"({source(tree[2])}).{tree[1]}()"
    prefix = "" if op in ("relu", "sigmoid") and tree[1] in ("math.", "numpy.") else tree[1]
    return f"{prefix}{op}({source(tree[2])})"


def compute(tree, env):
    if isinstance(tree, str):
        return env[tree]
    if isinstance(tree, float):
        return np.float64(tree)  # numpy's inf and NaN where Python's floats would raise
    op = tree[0]
    if op in BINARY:
        return BINARY[op](compute(tree[1], env), compute(tree[2], env))
    if op == "neg":
        return -compute(tree[1], env)
    if op == "**":
        return compute(tree[1], env) ** tree[2]
    if op == "method":
        return UNARY[tree[1]](compute(tree[2], env))
    return UNARY[op](compute(tree[2], env))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(
    tree=expressions,
    values=st.tuples(*[st.integers(-24, 24).map(lambda k: k / 8)] * 3),
)
def test_imported_expressions_match_autograd(tree, values):
    env = dict(zip(VARIABLES, values, strict=True))

    def loss(x, y, w):
        return compute(tree, {"x": x, "y": y, "w": w})

    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        want = float(loss(*map(np.float64, values)))
        grads = [float(g) for g in autograd.grad(lambda v: loss(*v))(np.array(values))]
    assume(all(np.isfinite(v) and abs(v) < 1e6 for v in [want, *grads]))
    code = "".join(f"{k} = {v!r}\n" for k, v in env.items()) + f"result = {source(tree)}\n"
    graph = import_python(code)
    result = evaluate(graph)
    assert float(result.value("result")) == np.float64(want) or np.isclose(
        float(result.value("result")), want, rtol=1e-9, atol=1e-12
    ), code
    for name, g in zip(VARIABLES, grads, strict=True):
        got = result.grad(name)
        got = 0.0 if got is None else float(got)
        assert np.isclose(got, g, rtol=1e-7, atol=1e-9), (code, name, got, g)
