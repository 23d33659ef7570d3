"""What an evaluation reports (FILE-FORMAT.md, "What an evaluation reports")."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from graphkit import assert_same_result, build, op_graph, random_spec

from nodeeditor.model import (
    Edge,
    Evaluator,
    Graph,
    GraphError,
    evaluate,
    gradient_check,
    numerical_gradients,
)

# -- fan-out and several Outputs -----------------------------------------------


def test_fan_out_into_both_ports_of_mul_gives_2x() -> None:
    g = build(
        [
            ("x", "Input", [], {"value": 3.0}),
            ("m", "Mul", ["x", "x"], {}),
            ("out", "Output", ["m"], {}),
        ]
    )
    r = evaluate(g)
    assert r.value("m") == 9.0
    assert r.grad("x") == 6.0
    assert r.wire_grad(Edge("x", "m", 0)) == 3.0
    assert r.wire_grad(Edge("x", "m", 1)) == 3.0


def test_fan_out_into_nodes_of_one_type_adds_up() -> None:
    """Three Exp nodes read x; the engine runs them together, yet x gets all three."""
    g = build(
        [
            ("x", "Input", [], {"value": 0.5}),
            ("e1", "Exp", ["x"], {}),
            ("e2", "Exp", ["x"], {}),
            ("e3", "Exp", ["x"], {}),
            ("o1", "Output", ["e1"], {}),
            ("o2", "Output", ["e2"], {"grad": 2.0}),
            ("o3", "Output", ["e3"], {"grad": -4.0}),
        ]
    )
    r = evaluate(g)
    assert r.grad("x") == pytest.approx((1.0 + 2.0 - 4.0) * np.exp(0.5))
    assert [float(r.wire_grad(e)) for e in g.consumers("x")] == pytest.approx(
        [np.exp(0.5), 2.0 * np.exp(0.5), -4.0 * np.exp(0.5)]
    )


def test_node_grad_is_the_sum_of_its_wire_grads() -> None:
    g = build(
        [
            ("x", "Input", [], {"value": 2.0}),
            ("s", "Square", ["x"], {}),
            ("e", "Exp", ["x"], {}),
            ("n", "Neg", ["x"], {}),
            ("a", "Add", ["s", "e"], {}),
            ("b", "Add", ["a", "n"], {}),
            ("out", "Output", ["b"], {}),
        ]
    )
    r = evaluate(g)
    wires = {e.dst: float(r.wire_grad(e)) for e in g.consumers("x")}
    assert wires == pytest.approx({"s": 4.0, "e": np.exp(2.0), "n": -1.0})
    assert r.grad("x") == pytest.approx(4.0 + np.exp(2.0) - 1.0)
    assert r.grad("x") == pytest.approx(sum(wires.values()))


def several_outputs(seed_a=None, seed_b=None) -> Graph:
    return build(
        [
            ("x", "Input", [], {"value": [1.0, 2.0, 3.0]}),
            ("sq", "Square", ["x"], {}),
            ("sum", "Sum", ["x"], {}),
            ("oa", "Output", ["sq"], {"grad": seed_a}),
            ("ob", "Output", ["sum"], {"grad": seed_b}),
        ]
    )


def test_several_outputs_add_up_with_default_seeds() -> None:
    r = evaluate(several_outputs())
    x = np.array([1.0, 2.0, 3.0])
    assert r.loss == pytest.approx(np.sum(x**2) + np.sum(x))
    np.testing.assert_allclose(r.grad("x"), 2 * x + 1)
    np.testing.assert_array_equal(r.grad("oa"), np.ones(3))
    assert r.grad("ob") == 1.0


def test_several_outputs_with_seeds() -> None:
    seed_a = np.array([0.5, -1.0, 2.0])
    r = evaluate(several_outputs(seed_a, 3.0))
    x = np.array([1.0, 2.0, 3.0])
    assert r.loss == pytest.approx(np.sum(seed_a * x**2) + 3.0 * np.sum(x))
    np.testing.assert_allclose(r.grad("x"), seed_a * 2 * x + 3.0)
    # An Output's grad is its seed; so is the gradient on the wire into it.
    np.testing.assert_array_equal(r.grad("oa"), seed_a)
    np.testing.assert_array_equal(r.wire_grad(Edge("sq", "oa", 0)), seed_a)
    assert r.grad("ob") == 3.0
    np.testing.assert_array_equal(r.value("oa"), x**2)


def test_scalar_seed_broadcasts_over_a_vector_output() -> None:
    r = evaluate(several_outputs(2.0, None))
    np.testing.assert_array_equal(r.grad("oa"), [2.0, 2.0, 2.0])
    np.testing.assert_allclose(r.grad("x"), 2.0 * 2 * np.array([1.0, 2.0, 3.0]) + 1)


def test_seed_of_the_wrong_shape_leaves_that_output_undefined() -> None:
    r = evaluate(several_outputs([1.0, 2.0], None))
    assert r.value("oa") is None
    assert r.problem("oa") == "the seed gradient's shape (2) does not fit the output's (3)"
    assert r.loss == pytest.approx(6.0)
    np.testing.assert_array_equal(r.grad("x"), np.ones(3))


def test_a_node_feeding_no_output_has_zero_gradient() -> None:
    g = several_outputs()
    g.add_node("Exp", "dead")
    g.connect("x", "dead", 0)
    r = evaluate(g)
    np.testing.assert_array_equal(r.grad("dead"), np.zeros(3))
    np.testing.assert_allclose(r.value("dead"), np.exp([1.0, 2.0, 3.0]))


def test_no_output_means_values_but_no_gradients() -> None:
    g = build(
        [
            ("x", "Input", [], {"value": 2.0}),
            ("s", "Square", ["x"], {}),
        ]
    )
    r = evaluate(g)
    assert r.value("s") == 4.0
    assert not r.has_gradients
    assert r.loss is None
    assert r.grad("x") is None
    assert r.grad("s") is None
    assert r.wire_grad(Edge("x", "s", 0)) is None
    np.testing.assert_array_equal(r.wire_value(Edge("x", "s", 0)), 2.0)
    assert numerical_gradients(g) == {"x": None}
    assert gradient_check(g).ok


def test_empty_graph() -> None:
    r = evaluate(Graph())
    assert r.loss is None
    assert r.flags == {}


# -- undefined values ------------------------------------------------------------


def half_wired() -> Graph:
    """x → Add(port 0; port 1 open) → Square → Output, and x → Square → Output2."""
    return build(
        [
            ("x", "Input", [], {"value": 2.0}),
            ("a", "Add", ["x"], {}),
            ("s", "Square", ["a"], {}),
            ("o", "Output", ["s"], {}),
            ("s2", "Square", ["x"], {}),
            ("o2", "Output", ["s2"], {}),
        ]
    )


def test_unconnected_port_makes_the_node_and_everything_downstream_undefined() -> None:
    r = evaluate(half_wired())
    for n in ("a", "s", "o"):
        assert r.value(n) is None
        assert r.grad(n) is None
    assert r.problem("a") == "input y is not connected"
    assert r.problem("s") == "input x is undefined"
    assert r.problem("o") == "input x is undefined"
    assert r.wire_grad(Edge("x", "a", 0)) is None
    assert r.wire_value(Edge("a", "s", 0)) is None
    # The rest still evaluates.
    assert r.value("s2") == 4.0
    assert r.grad("x") == 4.0
    assert r.loss == 4.0
    assert r.problem("x") is None
    assert r.problem("s2") is None


def test_problem_nodes_names_every_kind_of_problem_in_file_order() -> None:
    """Undefined nodes (an open port and all below it), a non-finite value and a
    non-finite gradient, each once, in the order of the file."""
    g = half_wired()
    g.add_node("Input", "zero", value=0.0)
    g.add_node("Pow", "root", exponent=0.5)
    g.add_node("Log", "log")
    g.add_node("Output", "o3")
    g.add_node("Output", "o4")
    g.connect("zero", "root", 0)
    g.connect("root", "o3", 0)
    g.connect("zero", "log", 0)
    g.connect("log", "o4", 0)
    r = evaluate(g)
    assert r.problem_nodes() == ["a", "s", "o", "root", "log"]
    assert [r.problem(n) for n in r.problem_nodes()] == [
        "input y is not connected",
        "input x is undefined",
        "input x is undefined",
        "the slope of x^0.5 at 0 is infinite",
        "log of zero",  # its value's problem comes first
    ]
    assert r.flags == {"log": "log of zero"}
    assert r.grad_flags == {
        "root": "the slope of x^0.5 at 0 is infinite",
        "log": "the slope of ln x at 0 is infinite",
    }


def test_connecting_the_open_port_defines_everything() -> None:
    g = half_wired()
    ev = Evaluator(g)
    assert ev.evaluate().value("s") is None
    g.add_node("Input", "y", value=1.0)
    g.connect("y", "a", 1)
    r = ev.evaluate()
    assert r.value("s") == 9.0
    assert r.grad("x") == 6.0 + 4.0
    assert r.problem("a") is None
    assert_same_result(r, evaluate(g), g)


@pytest.mark.parametrize(
    ("type_name", "a", "b", "problem"),
    [
        ("Add", [1.0, 2.0], [1.0, 2.0, 3.0], "shapes (2) and (3) cannot be combined elementwise"),
        ("Mul", [[1.0, 2.0]] * 3, [1.0] * 3, "shapes (3×2) and (3) cannot be combined elementwise"),
        ("MatMul", [1.0, 2.0], [1.0, 2.0, 3.0], "MatMul: shapes (2) and (3) do not fit (2 ≠ 3)"),
        (
            "MatMul",
            [[1.0, 2.0]] * 3,
            [[1.0]] * 3,
            "MatMul: shapes (3×2) and (3×1) do not fit (2 ≠ 3)",
        ),
        ("MatMul", 2.0, [1.0, 2.0], "MatMul needs vectors or matrices, not numbers"),
    ],
)
def test_shape_mismatch_is_a_problem_not_a_crash(type_name, a, b, problem) -> None:
    g = op_graph(type_name, [a, b])
    r = evaluate(g)
    assert r.value("op") is None
    assert r.problem("op") == problem
    assert r.problem("out") == "input x is undefined"
    # The only Output is undefined, so there is no loss and no gradient.
    assert r.loss is None
    assert r.grad("in0") is None
    np.testing.assert_array_equal(r.value("in0"), a)


# -- non-finite values -------------------------------------------------------------

NONFINITE = [
    ("Log", [-1.0], {}, "log of a negative number", np.nan),
    ("Log", [0.0], {}, "log of zero", -np.inf),
    ("Exp", [1000.0], {}, "exp overflowed (x is too large)", np.inf),
    ("Div", [1.0, 0.0], {}, "division by zero", np.inf),
    ("Div", [0.0, 0.0], {}, "division by zero", np.nan),
    ("Pow", [0.0], {"exponent": -1}, "zero raised to a negative power", np.inf),
    ("Pow", [-8.0], {"exponent": 1 / 3}, "a negative number raised to a fractional power", np.nan),
    ("Mul", [1e300, 1e300], {}, "the result is too large (overflow)", np.inf),
    ("Square", [1e200], {}, "the result is too large (overflow)", np.inf),
]


@pytest.mark.parametrize(("type_name", "inputs", "params", "reason", "value"), NONFINITE)
def test_nonfinite_result_is_a_value_and_flags_its_node(type_name, inputs, params, reason, value) -> None:
    g = op_graph(type_name, inputs, **params)
    g.add_node("Neg", "after")
    g.add_node("Output", "out2")
    g.connect("op", "after", 0)
    g.connect("after", "out2", 0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        r = evaluate(g)
    np.testing.assert_array_equal(r.value("op"), value)
    assert r.flags == {"op": reason}
    assert r.problem("op") == reason
    # Downstream it propagates, unflagged.
    np.testing.assert_array_equal(r.value("after"), -value)
    assert r.problem("after") is None
    assert r.problem("out2") is None
    assert r.problem("in0") is None


def test_nan_propagates_through_exp_unflagged() -> None:
    g = op_graph("Log", [-1.0])
    g.add_node("Exp", "e")
    g.disconnect("out", 0)
    g.connect("op", "e", 0)
    g.connect("e", "out", 0)
    r = evaluate(g)
    assert np.isnan(r.value("e"))
    assert np.isnan(r.loss)
    assert r.flags == {"op": "log of a negative number"}


def test_in_a_group_of_same_type_nodes_only_the_bad_one_is_flagged() -> None:
    spec = []
    for i, v in enumerate([2.0, -1.0, 3.0, 0.0]):
        spec += [
            (f"x{i}", "Input", [], {"value": v}),
            (f"log{i}", "Log", [f"x{i}"], {}),
            (f"o{i}", "Output", [f"log{i}"], {}),
        ]
    r = evaluate(build(spec))
    assert r.flags == {"log1": "log of a negative number", "log3": "log of zero"}
    assert r.value("log0") == pytest.approx(np.log(2.0))
    assert r.value("log2") == pytest.approx(np.log(3.0))
    assert r.problem("log0") is None and r.problem("log2") is None


def test_only_the_producing_node_of_a_vector_is_flagged() -> None:
    r = evaluate(op_graph("Exp", [[1.0, 1000.0]]))
    assert r.value("op")[0] == pytest.approx(np.e)
    assert r.value("op")[1] == np.inf
    assert r.flags == {"op": "exp overflowed (x is too large)"}


WARNING_CASES = [
    *[(t, i, p) for t, i, p, _, _ in NONFINITE],
    ("Sigmoid", [-1000.0], {}),
    ("Tanh", [1e6], {}),
    ("Log", [[0.0, -1.0, 1.0]], {}),
    ("Div", [[1.0, 0.0], 0.0], {}),
    ("Pow", [[0.0, 1.0]], {"exponent": 0.5}),
    ("Exp", [710.0], {}),
]


@pytest.mark.parametrize(("type_name", "inputs", "params"), WARNING_CASES)
def test_no_numpy_warning_escapes(type_name, inputs, params) -> None:
    g = op_graph(type_name, inputs, **params)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        evaluate(g)
        numerical_gradients(g)
        report = gradient_check(g)
        ev = Evaluator(g)
        ev.evaluate()
        g.set_param("in0", "value", 2.0 * g.nodes["in0"].params["value"])
        ev.evaluate()
        ev.close()
    assert len(report.rows) == sum(1 for n in g.nodes.values() if n.type == "Input")


# -- re-evaluation -----------------------------------------------------------------


def apples() -> Graph:
    return build(
        [
            ("apple", "Input", [], {"value": 100.0}),
            ("num", "Input", [], {"value": 2.0}),
            ("tax", "Input", [], {"value": 1.1}),
            ("m1", "Mul", ["apple", "num"], {}),
            ("m2", "Mul", ["m1", "tax"], {}),
            ("price", "Output", ["m2"], {}),
        ]
    )


def test_value_edit_with_the_same_evaluator_equals_a_fresh_evaluation() -> None:
    g = apples()
    ev = Evaluator(g)
    r1 = ev.evaluate()
    g.set_param("num", "value", 3.0)
    r2 = ev.evaluate()
    assert_same_result(r2, evaluate(g), g)
    assert r2.value("m2") == pytest.approx(330)
    assert r2.grad("apple") == pytest.approx(3.3)
    # The earlier result is immutable: it still shows the old numbers.
    assert r1.value("m2") == pytest.approx(220)
    assert r1.grad("apple") == pytest.approx(2.2)
    assert r1.value("num") == 2.0


def test_value_shape_change_with_the_same_evaluator() -> None:
    g = apples()
    ev = Evaluator(g)
    ev.evaluate()
    g.set_param("num", "value", [1.0, 2.0, 3.0])
    r = ev.evaluate()
    assert_same_result(r, evaluate(g), g)
    np.testing.assert_allclose(r.value("m2"), [110, 220, 330])
    assert r.grad("apple") == pytest.approx(6 * 1.1)
    np.testing.assert_allclose(r.grad("num"), [110, 110, 110])
    g.set_param("num", "value", 4.0)
    assert_same_result(ev.evaluate(), evaluate(g), g)


@pytest.mark.parametrize(
    "edit",
    [
        lambda g: g.set_param("price", "grad", 2.0),
        lambda g: g.set_param("price", "grad", None),
        lambda g: g.disconnect("m2", 1),
        lambda g: g.remove_node("tax"),
        lambda g: (g.add_node("Pow", "p", exponent=3), g.connect("m2", "p", 0)),
        lambda g: g.set_name("m1", "시그마"),
        lambda g: g.move("m1", (5, 5)),
        lambda g: (g.disconnect("m2", 0), g.connect("apple", "m2", 0)),
    ],
)
def test_any_edit_then_reevaluation_equals_a_fresh_evaluation(edit) -> None:
    g = apples()
    g.set_param("price", "grad", 0.5)
    ev = Evaluator(g)
    ev.evaluate()
    edit(g)
    assert_same_result(ev.evaluate(), evaluate(g), g)


def test_exponent_edit_with_the_same_evaluator() -> None:
    g = op_graph("Pow", [[1.0, 2.0]], exponent=2)
    ev = Evaluator(g)
    ev.evaluate()
    g.set_param("op", "exponent", 3)
    r = ev.evaluate()
    np.testing.assert_allclose(r.value("op"), [1.0, 8.0])
    np.testing.assert_allclose(r.grad("in0"), [3.0, 12.0])


@pytest.mark.parametrize("seed", range(8))
def test_random_edit_sequences_with_one_evaluator(seed: int) -> None:
    rng = np.random.default_rng(seed)
    spec, _ = random_spec(rng, 25)
    g = build(spec)
    ev = Evaluator(g)
    with np.errstate(all="ignore"):
        for _ in range(12):
            inputs = [n for n, node in g.nodes.items() if node.type == "Input"]
            kind = rng.integers(4)
            if kind == 0 and inputs:
                n = inputs[int(rng.integers(len(inputs)))]
                shape = g.nodes[n].params["value"].shape
                g.set_param(n, "value", rng.uniform(-2, 2, shape))
            elif kind == 1 and inputs:
                n = inputs[int(rng.integers(len(inputs)))]
                g.set_param(n, "value", rng.uniform(-2, 2, [(), (3,), (2, 3)][int(rng.integers(3))]))
            elif kind == 2:
                edges = list(g.edges)
                e = edges[int(rng.integers(len(edges)))]
                g.disconnect(e.dst, e.port)
            else:
                outs = [n for n, node in g.nodes.items() if node.type == "Output"]
                g.set_param(outs[int(rng.integers(len(outs)))], "grad", None)
            assert_same_result(ev.evaluate(), evaluate(g), g)


def test_result_arrays_are_read_only() -> None:
    g = apples()
    g.set_param("num", "value", [1.0, 2.0])
    r = evaluate(g)
    for array in (r.value("m1"), r.grad("num"), r.wire_grad(Edge("m1", "m2", 0))):
        assert array.shape == (2,)
        with pytest.raises(ValueError):
            array[...] = 0.0
    np.testing.assert_allclose(r.value("m1"), [100.0, 200.0])
    np.testing.assert_allclose(r.grad("num"), [110.0, 110.0])


def test_closed_evaluator_no_longer_listens() -> None:
    g = apples()
    ev = Evaluator(g)
    ev.close()
    g.set_param("num", "value", 3.0)  # nothing hears it, nothing breaks
    assert ev.evaluate().value("m2") == pytest.approx(330)


# -- grouped evaluation keeps nodes apart --------------------------------------------


def test_many_nodes_of_one_type_at_one_depth_stay_separate() -> None:
    """The engine stacks same-type nodes; each must still get its own numbers."""
    spec = []
    values = [0.5, 1.0, 2.0, [1.0, 2.0], [[1.0, 2.0], [3.0, 4.0]]]
    for i, v in enumerate(values):
        spec.append((f"x{i}", "Input", [], {"value": v}))
        spec.append((f"y{i}", "Input", [], {"value": float(i + 1)}))
        spec.append((f"p{i}", "Pow", [f"x{i}"], {"exponent": float(i % 3 + 1)}))
        spec.append((f"m{i}", "Mul", [f"p{i}", f"y{i}"], {}))
        spec.append((f"s{i}", "Sum", [f"m{i}"], {}))
        spec.append((f"o{i}", "Output", [f"s{i}"], {"grad": float(i) - 1.5}))
    r = evaluate(build(spec))
    for i, v in enumerate(values):
        x, y, n, seed = np.asarray(v), float(i + 1), float(i % 3 + 1), float(i) - 1.5
        np.testing.assert_allclose(r.value(f"m{i}"), x**n * y)
        np.testing.assert_allclose(r.grad(f"x{i}"), seed * y * n * x ** (n - 1))
        assert r.grad(f"y{i}") == pytest.approx(seed * np.sum(x**n))


# -- MatMul, Sum and broadcasting ------------------------------------------------------

X = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])  # 2×3
W = np.array([[1.0, -1.0], [0.5, 2.0], [-2.0, 1.0]])  # 3×2
V3 = np.array([1.0, -2.0, 0.5])


@pytest.mark.parametrize(
    ("a", "b", "seed", "value", "da", "db"),
    [
        (X, W, np.array([[1.0, 2.0], [3.0, 4.0]]), X @ W, None, None),
        (X, V3, np.array([1.0, -1.0]), X @ V3, None, None),
        (V3, W, np.array([2.0, 1.0]), V3 @ W, None, None),
        (V3, V3, 3.0, V3 @ V3, 3.0 * V3, 3.0 * V3),
    ],
    ids=["2D@2D", "2D@1D", "1D@2D", "1D@1D"],
)
def test_matmul_cases(a, b, seed, value, da, db) -> None:
    r = evaluate(op_graph("MatMul", [a, b], seed=seed))
    np.testing.assert_allclose(r.value("op"), value)
    a2 = a.reshape(1, -1) if a.ndim == 1 else a
    b2 = b.reshape(-1, 1) if b.ndim == 1 else b
    s2 = np.reshape(seed, (a2.shape[0], b2.shape[1]))
    np.testing.assert_allclose(r.grad("in0"), (s2 @ b2.T).reshape(a.shape) if da is None else da)
    np.testing.assert_allclose(r.grad("in1"), (a2.T @ s2).reshape(b.shape) if db is None else db)


def test_matmul_matrix_gradients_are_the_textbook_formulas() -> None:
    seed = np.array([[1.0, 2.0], [3.0, 4.0]])
    r = evaluate(op_graph("MatMul", [X, W], seed=seed))
    np.testing.assert_allclose(r.grad("in0"), seed @ W.T)
    np.testing.assert_allclose(r.grad("in1"), X.T @ seed)


@pytest.mark.parametrize("value", [2.0, [1.0, 2.0, 3.0], X.tolist()])
def test_sum(value) -> None:
    r = evaluate(op_graph("Sum", [value], seed=2.5))
    assert r.value("op").shape == ()
    assert r.value("op") == pytest.approx(np.sum(value))
    np.testing.assert_array_equal(r.grad("in0"), np.full(np.shape(value), 2.5))


@pytest.mark.parametrize(
    ("type_name", "a", "b", "da", "db"),
    [
        ("Add", X, V3, lambda s: s, lambda s: s.sum(axis=0)),
        ("Add", X, 2.0, lambda s: s, lambda s: s.sum()),
        ("Sub", 2.0, X, lambda s: s.sum(), lambda s: -s),
        ("Mul", X, V3, lambda s: s * V3, lambda s: (s * X).sum(axis=0)),
        (
            "Mul",
            np.array([[1.0], [2.0]]),
            V3,
            lambda s: (s * V3).sum(axis=1, keepdims=True),
            lambda s: (s * np.array([[1.0], [2.0]])).sum(axis=0),
        ),
        ("Div", X, V3, lambda s: s / V3, lambda s: (-s * X / V3**2).sum(axis=0)),
    ],
)
def test_broadcast_gradients_are_summed_back_to_the_operand_shape(type_name, a, b, da, db) -> None:
    seed = np.array([[1.0, -2.0, 0.5], [3.0, 1.0, -1.0]])
    r = evaluate(op_graph(type_name, [a, b], seed=seed))
    assert r.grad("in0").shape == np.shape(a)
    assert r.grad("in1").shape == np.shape(b)
    np.testing.assert_allclose(r.grad("in0"), da(seed))
    np.testing.assert_allclose(r.grad("in1"), db(seed))
    np.testing.assert_allclose(r.wire_grad(Edge("in1", "op", 1)), db(seed))


def test_numerical_gradients_of_some_inputs_equal_those_of_all() -> None:
    g = Graph()
    for name, value in (("a", 100.0), ("n", 2.0), ("t", 1.1)):
        g.add_node("Input", name, value=value)
    g.add_node("Mul", "m1")
    g.add_node("Mul", "m2")
    g.add_node("Output", "o")
    for src, dst, port in (("a", "m1", 0), ("n", "m1", 1), ("m1", "m2", 0), ("t", "m2", 1), ("m2", "o", 0)):
        g.connect(src, dst, port)
    ev = Evaluator(g)
    every = ev.numerical_gradients()
    some = ev.numerical_gradients(only=["t", "a"])
    assert set(some) == {"a", "t"}
    assert all(np.array_equal(some[n], every[n]) for n in some)
    assert abs(float(some["t"]) - 200) < 1e-6


# -- asking about a wire the graph does not have ------------------------------------


@pytest.mark.parametrize(
    ("edge", "message"),
    [
        (Edge("apple", "m1", 1), 'there is no wire from "apple" into port 1 of "m1"'),  # m1's port 1 is num's
        (Edge("tax", "m1", 0), 'there is no wire from "tax" into port 0 of "m1"'),
        (Edge("apple", "m2", 0), 'there is no wire from "apple" into port 0 of "m2"'),  # m1 → m2, not apple
        (Edge("apple", "nowhere", 0), 'there is no node "nowhere"'),
        (Edge("apple", "m1", 2), "m1 (Mul) has no input port 2"),
        (Edge("apple", "m1", -1), "m1 (Mul) has no input port -1"),
        (Edge("m2", "price", 1), "price (Output) has no input port 1"),
        (Edge("m1", "apple", 0), "apple (Input) has no input port 0"),
    ],
)
def test_a_wire_not_in_the_graph_is_a_graph_error(edge: Edge, message: str) -> None:
    g = apples()
    r = evaluate(g)
    for read in (r.wire_grad, r.wire_value):
        with pytest.raises(GraphError) as caught:
            read(edge)
        assert str(caught.value) == message
    assert not r.has_wire(edge)


def test_a_wire_into_an_undefined_node_or_with_no_gradients_is_still_a_wire() -> None:
    g = half_wired()
    r = evaluate(g)
    e = Edge("x", "a", 0)
    assert r.has_wire(e)
    assert r.wire_grad(e) is None
    assert r.wire_value(e) == 2.0
    with pytest.raises(GraphError):
        r.wire_grad(Edge("x", "a", 1))  # the open port
    g.remove_node("o2")
    g.remove_node("o")
    r = evaluate(g)
    assert r.wire_grad(Edge("x", "s2", 0)) is None and r.wire_value(Edge("x", "s2", 0)) == 2.0


def test_an_older_result_does_not_know_a_wire_made_after_it() -> None:
    g = apples()
    ev = Evaluator(g)
    old = ev.evaluate()
    g.disconnect("m2", 1)
    g.connect("num", "m2", 1)
    new = ev.evaluate()
    assert not old.has_wire(Edge("num", "m2", 1)) and new.has_wire(Edge("num", "m2", 1))
    assert old.has_wire(Edge("tax", "m2", 1)) and not new.has_wire(Edge("tax", "m2", 1))
    assert new.wire_grad(Edge("num", "m2", 1)) == 200.0
