"""Forward mode: tangents against central differences for every node type, and against
reverse mode (with any node as the target) on random graphs; both engine paths."""

from __future__ import annotations

import numpy as np
import pytest
from graphkit import ALL_TYPES, build, op_graph, random_spec
from test_tape import grouped_path, random_numbers

from nodeeditor.model import Graph, GraphError, evaluate
from nodeeditor.model.forward_mode import tangents, unit_direction
from nodeeditor.model.graph import Edge
from nodeeditor.model.tape import TapeResult

RNG = np.random.default_rng(7)


def central(g: Graph, wrt: str, d: np.ndarray, node: str, h: float = 1e-6) -> np.ndarray:
    x = np.array(g.params_of(wrt)["value"], dtype=float)
    out = []
    for sign in (1, -1):
        g.set_param(wrt, "value", np.asarray(x + sign * h * d))
        out.append(np.array(evaluate(g).value(node)))
    g.set_param(wrt, "value", np.asarray(x))
    return (out[0] - out[1]) / (2 * h)


# For each type: the input shapes tried (numbers, vectors, broadcasting), and positive values
# where the function needs them.
CASES = {
    "Output": [[()], [(3,)]],
    "Add": [[(), ()], [(3,), (3,)], [(2, 3), (3,)], [(), (2, 1)]],
    "Sub": [[(), ()], [(2, 3), (3,)], [(3,), ()]],
    "Mul": [[(), ()], [(3,), (3,)], [(2, 3), (2, 1)], [(), (3,)]],
    "Div": [[(), ()], [(3,), (3,)], [(2, 3), (3,)]],
    "Neg": [[()], [(3,)]],
    "Square": [[()], [(2, 3)]],
    "Pow": [[()], [(3,)]],
    "Exp": [[()], [(3,)]],
    "Log": [[()], [(3,)]],
    "Sigmoid": [[()], [(3,)]],
    "Tanh": [[()], [(3,)]],
    "ReLU": [[()], [(4,)]],
    "Sin": [[()], [(3,)]],
    "Cos": [[()], [(3,)]],
    "Sum": [[(3,)], [(2, 3)], [()]],
    "MatMul": [[(3,), (3, 2)], [(2, 3), (3,)], [(2, 3), (3, 4)], [(3,), (3,)]],
}


def test_every_node_type_has_cases() -> None:
    assert set(CASES) == set(ALL_TYPES) - {"Input"}


@pytest.mark.parametrize("type_name", sorted(CASES))
def test_tangent_rule_against_central_differences(type_name: str) -> None:
    params = {"exponent": 1.5} if type_name == "Pow" else {}
    for shapes in CASES[type_name]:
        values = [RNG.uniform(0.5, 2.0, s) * RNG.choice([-1, 1], s) for s in shapes]
        if type_name in ("Log", "Pow", "Div"):
            values = [np.abs(v) for v in values]
        if type_name == "ReLU":  # away from the kink
            values[0] = np.where(np.abs(values[0]) < 0.1, 0.5, values[0])
        if type_name == "Output":
            g = build([("in0", "Input", [], {"value": values[0]}), ("out", "Output", ["in0"], {})])
        else:
            g = op_graph(type_name, [np.asarray(v) for v in values], **params)
        result = evaluate(g)
        for k, s in enumerate(shapes):
            d = RNG.normal(size=s)
            t = tangents(g, result, f"in{k}", d if s else float(d))
            want = central(g, f"in{k}", d, "out")
            why = f"{type_name} {shapes} port {k}"
            np.testing.assert_allclose(t.node("out"), want, rtol=1e-6, atol=1e-8, err_msg=why)
            if type_name != "Output":
                np.testing.assert_allclose(t.node("op"), want, rtol=1e-6, atol=1e-8)
            assert np.shape(t.node("out")) == np.shape(result.value("out"))


def reverse_equals_forward(g: Graph, wrt: str, d, nodes) -> None:
    """Σ tangent(n) = Σ ∂(Σ n)/∂wrt · d, with n as the target of reverse mode."""
    result = evaluate(g)
    t = tangents(g, result, wrt, d)
    for n in nodes:
        back = evaluate(g, target=n)
        if not back.has_gradients:
            assert t.node(n) is None
            continue
        fwd = float(np.sum(t.node(n)))
        rev = float(np.sum(back.grad(wrt) * d))
        assert np.isclose(fwd, rev, rtol=1e-9, atol=1e-9, equal_nan=True), (n, fwd, rev)


@pytest.mark.parametrize("seed", range(40))
def test_forward_agrees_with_reverse_on_random_graphs(seed: int) -> None:
    rng = np.random.default_rng(seed)
    spec, shapes = random_spec(rng, 14)
    g = build(spec)
    for wrt in g.of_type("Input"):
        d = rng.normal(size=shapes[wrt])
        reverse_equals_forward(g, wrt, d if shapes[wrt] else float(d), list(g.nodes))


@pytest.mark.parametrize("seed", range(20))
def test_outputs_tangent_is_dl_dx_times_direction(seed: int) -> None:
    rng = np.random.default_rng(50 + seed)
    spec, shapes = random_spec(rng, 14)
    g = build(spec)
    result = evaluate(g)
    for wrt in g.of_type("Input"):
        d = rng.normal(size=shapes[wrt])
        t = tangents(g, result, wrt, d)
        # L = Σ seed·Output, so L̇ = Σ seed·Ȯutput, and reverse mode's dL/dx·d is the same number.
        dl = sum(float(np.sum(result.grad(o) * t.node(o))) for o in g.of_type("Output"))
        assert np.isclose(dl, float(np.sum(result.grad(wrt) * d)), rtol=1e-9, atol=1e-9)


@pytest.mark.parametrize("seed", range(25))
def test_tape_and_groups_agree(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(200 + seed)
    types = ["Add", "Mul", "Sub", "Div", "Exp", "Log", "Square", "Tanh", "Pow"]
    g = random_numbers(rng, 15, types, [2.0, -1.0], values=[0.5, 1.5, -0.75, 2.0])
    on_tape = evaluate(g)
    assert isinstance(on_tape, TapeResult)
    with grouped_path(monkeypatch):
        grouped = evaluate(g)
    for wrt in g.of_type("Input"):
        a, b = tangents(g, on_tape, wrt), tangents(g, grouped, wrt)
        for n in g.nodes:
            x, y = a.node(n), b.node(n)
            assert (x is None) == (y is None)
            if x is not None:
                assert np.isclose(x, y, rtol=1e-12, atol=1e-12, equal_nan=True), (n, x, y)
        reverse_equals_forward(g, wrt, 1.0, [n for n in g.nodes if np.isfinite(on_tape.value(n) or 0)])


def edges_graph() -> Graph:
    """x moves; c = 1e300² = inf does not: x·c is inf·ẋ, but c's own tangent is exactly 0;
    an open port leaves u undefined; w·x with w = inf reads no 0·inf."""
    return build([
        ("x", "Input", [], {"value": 2.0}),
        ("big", "Input", [], {"value": 1e300}),
        ("c", "Square", ["big"], {}),
        ("m", "Mul", ["x", "c"], {}),
        ("n", "Mul", ["c", "x"], {}),
        ("u", "Add", ["x", None], {}),
        ("L", "Output", ["m"], {}),
    ])  # fmt: skip


@pytest.mark.parametrize("path", ["tape", "groups"])
def test_still_undefined_and_infinite(path: str, monkeypatch: pytest.MonkeyPatch) -> None:
    g = edges_graph()
    with grouped_path(monkeypatch) if path == "groups" else monkeypatch.context():
        r = evaluate(g)
    t = tangents(g, r, "x")
    assert t.wrt == "x" and float(t.direction) == 1.0
    assert float(t.node("x")) == 1.0
    assert float(t.node("c")) == 0.0 and float(t.node("big")) == 0.0  # still, though c is inf
    assert float(t.node("m")) == np.inf and float(t.node("n")) == np.inf  # inf·ẋ, no NaN from x·ċ
    assert t.node("u") is None and t.node("nope") is None
    assert float(t.wire(Edge("x", "u", 0))) == 1.0  # a wire carries its source's tangent
    assert float(t.wire(Edge("c", "m", 1))) == 0.0
    with pytest.raises(GraphError):
        t.wire(Edge("x", "L", 0))


def test_direction_rules() -> None:
    g = op_graph("Mul", [np.array([1.0, 2.0, 3.0]), 2.0])
    r = evaluate(g)
    with pytest.raises(GraphError, match="choose one element"):
        tangents(g, r, "in0")
    with pytest.raises(GraphError, match="shape 3"):
        tangents(g, r, "in0", np.ones(2))
    with pytest.raises(GraphError, match="finite numbers"):
        tangents(g, r, "in0", [1.0, np.nan, 0.0])
    with pytest.raises(GraphError, match="needs an Input"):
        tangents(g, r, "op")
    with pytest.raises(GraphError, match="needs an Input"):
        tangents(g, r, "missing")
    t = tangents(g, r, "in0", unit_direction((3,), 1))
    np.testing.assert_array_equal(t.node("out"), [0.0, 2.0, 0.0])
    np.testing.assert_array_equal(tangents(g, r, "in1").node("out"), [1.0, 2.0, 3.0])
    np.testing.assert_array_equal(unit_direction((2, 2), (1, 0)), [[0, 0], [1, 0]])
    with pytest.raises(GraphError, match="not in a value"):
        unit_direction((3,), 3)


@pytest.mark.parametrize("path", ["tape", "groups"])
def test_modes_counts_and_times(path: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from nodeeditor.model.modes import modes

    g = build([
        ("x", "Input", [], {"value": np.array([1.0, 2.0, 3.0])}),
        ("a", "Input", [], {"value": 2.0}),
        ("b", "Input", [], {"value": 0.5}),
        ("s", "Sum", ["x"], {}),
        ("m", "Mul", ["a", "b"], {}),
        ("t", "Add", ["s", "m"], {}),
        ("L", "Output", ["t"], {}),
        ("L2", "Output", ["m"], {}),
    ])  # fmt: skip
    with grouped_path(monkeypatch) if path == "groups" else monkeypatch.context():
        m = modes(g)
    assert (m.inputs, m.input_elements, m.forward_passes, m.outputs, m.reverse_passes) == (3, 5, 5, 2, 2)
    assert m.forward_pass > 0 and m.reverse_pass > 0 and m.forward_total == 5 * m.forward_pass
    empty = modes(build([("x", "Input", [], {"value": 1.0})]))
    assert empty.reverse_pass is None and empty.outputs == 0 and empty.forward_pass is not None
    assert modes(Graph()).forward_pass is None


def test_evaluate_values_has_no_gradients(monkeypatch: pytest.MonkeyPatch) -> None:
    from nodeeditor.model import Evaluator

    g = edges_graph()
    for forced in (False, True):
        with grouped_path(monkeypatch) if forced else monkeypatch.context():
            ev = Evaluator(g)
            r = ev.evaluate_values()
            assert not r.has_gradients and r.grad("x") is None
            assert float(r.value("m")) == np.inf and r.loss == np.inf
            assert r.flags == ev.evaluate().flags
            ev.close()
