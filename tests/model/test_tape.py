"""The tape (tape.py) against the grouped path, on graphs of numbers.

Where both compute with the same operations (+ − × ÷, x·x, √x, 1/x, comparisons) the
results must be the same bits, sign of zero included; math's exp, log, tanh, sin, cos
and pow may differ from numpy's in the last bit, which the rule tests bound and the
graph tests then allow for.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Iterator

import numpy as np
import pytest
from graphkit import build, op_graph

from nodeeditor.model import Evaluator, Graph, evaluate, gradient_check, tape
from nodeeditor.model.ops import NODE_TYPES, Layer
from nodeeditor.model.tape import TapeResult, layer_numbers

EXACT = ["Add", "Sub", "Mul", "Div", "Neg", "Square", "ReLU", "Sum", "Pow"]
EXACT_EXPONENTS = [2.0, 1.0, 0.0]  # forward x·x, x, 1 and backward 2x, 1, 0: as numpy computes them
MATH = ["Exp", "Log", "Sigmoid", "Tanh", "Sin", "Cos", "Pow"]
MATH_EXPONENTS = [3.0, 1.5, -2.0, 0.5, -1.0]  # pow() somewhere (√x and 1/x forward, pow backward)
# Input values: ordinary ones, and ones that make inf or NaN somewhere (1/0, x² of 1e200, log of −1).
VALUES = [0.0, -0.0, 1.0, -1.0, 2.5, -0.75, 1e-200, -1e-200, 1e200, -1e200, 800.0, -800.0, 30.0, -40.0]


@contextlib.contextmanager
def grouped_path(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    with monkeypatch.context() as m:
        m.setattr(tape, "tape_for", lambda plan: None)
        yield


def both(g: Graph, monkeypatch: pytest.MonkeyPatch):
    """(the tape's Result, the grouped path's Result) of one graph."""
    on_tape = evaluate(g)
    assert isinstance(on_tape, TapeResult)
    with grouped_path(monkeypatch):
        grouped = evaluate(g)
    assert not isinstance(grouped, TapeResult)
    return on_tape, grouped


def same_bits(x, y) -> bool:
    if x is None or y is None:
        return x is None and y is None
    x, y = float(x), float(y)
    if math.isnan(x) or math.isnan(y):
        return math.isnan(x) and math.isnan(y)
    return x == y and math.copysign(1.0, x) == math.copysign(1.0, y)


def close(x, y) -> bool:
    """Within what a last-bit difference per math call can grow to in a small graph."""
    if x is None or y is None:
        return x is None and y is None
    x, y = float(x), float(y)
    if not (math.isfinite(x) and math.isfinite(y)):
        return same_bits(x, y)
    return abs(x - y) <= 1e-9 * max(abs(x), abs(y)) + 1e-12


def assert_agree(a, b, g: Graph, equal=same_bits) -> None:
    """Two Results of one graph: every value, gradient, wire and flag."""
    for n in g.nodes:
        for get in ("value", "grad"):
            x, y = getattr(a, get)(n), getattr(b, get)(n)
            assert equal(x, y), f"{get} of {n} ({g.nodes[n].type}): {x!r} vs {y!r}"
        assert a.problem(n) == b.problem(n), n
    for e in g.edges:
        for get in ("wire_value", "wire_grad"):
            x, y = getattr(a, get)(e), getattr(b, get)(e)
            assert equal(x, y), f"{get} of {e}: {x!r} vs {y!r}"
    assert a.flags == b.flags and list(a.flags) == list(b.flags)
    assert a.grad_flags == b.grad_flags and list(a.grad_flags) == list(b.grad_flags)
    assert a.problem_nodes() == b.problem_nodes()
    assert a.has_gradients == b.has_gradients
    assert equal(a.loss, b.loss), (a.loss, b.loss)
    ids = list(g.nodes)
    assert all(equal(x, y) for x, y in zip(a.values_of(ids), b.values_of(ids), strict=True))
    assert all(equal(x, y) for x, y in zip(a.grads_of(ids), b.grads_of(ids), strict=True))


# -- random graphs of numbers ---------------------------------------------------------


def random_numbers(rng: np.random.Generator, n_ops: int, types: list[str], exponents: list[float],
                   open_port: float = 0.0, values: list[float] = VALUES) -> Graph:  # fmt: skip
    """Inputs, then ops reading recent nodes (so graphs are deep, with fan-out), then Outputs."""
    g = Graph()
    ids = []
    for k in range(int(rng.integers(1, 5))):
        g.add_node("Input", f"x{k}", value=float(rng.choice(values)))
        ids.append(f"x{k}")
    for k in range(n_ops):
        t = str(rng.choice(types))
        params = {"exponent": float(rng.choice(exponents))} if t == "Pow" else {}
        g.add_node(t, f"n{k}", **params)
        for port in range(len(NODE_TYPES[t].ports)):
            if rng.random() >= open_port:
                g.connect(ids[int(rng.integers(max(0, len(ids) - 6), len(ids)))], f"n{k}", port)
        ids.append(f"n{k}")
    ops = ids[-n_ops:]
    for k in range(int(rng.integers(1, 4))):
        seed = None if rng.random() < 0.4 else float(rng.uniform(-2, 2))
        g.add_node("Output", f"out{k}", grad=seed)
        g.connect(str(rng.choice(ops[-4:])), f"out{k}", 0)
    return g


def defined_nodes(g: Graph) -> set[str]:
    ev = Evaluator(g)
    try:
        return {n for n in g.nodes if ev.plan.shape(n) is not None}
    finally:
        ev.close()


def reaching_outputs(g: Graph) -> set[str]:
    """The defined nodes with a path of wires through defined nodes to a defined Output."""
    defined = defined_nodes(g)
    live = {n for n in g.of_type("Output") if n in defined}
    todo = list(live)
    while todo:
        for e in g.in_edges(todo.pop()):
            if e.src not in live:
                live.add(e.src)
                todo.append(e.src)
    return live


@pytest.mark.parametrize("seed", range(150))
def test_same_bits_as_the_grouped_path(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """+ − × ÷ and friends: inf, NaN, −0, open ports and all, the same bits."""
    rng = np.random.default_rng(seed)
    g = random_numbers(rng, int(rng.integers(1, 30)), EXACT, EXACT_EXPONENTS, open_port=0.08)
    on_tape, grouped = both(g, monkeypatch)
    assert_agree(on_tape, grouped, g)


@pytest.mark.parametrize("seed", range(60))
def test_math_functions_within_last_bits(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(1000 + seed)
    values = [0.0, 1.0, -1.0, 0.5, 2.0, -2.5, 0.125]
    g = random_numbers(rng, int(rng.integers(1, 14)), MATH + EXACT, MATH_EXPONENTS, open_port=0.05,
                       values=values)  # fmt: skip
    on_tape, grouped = both(g, monkeypatch)
    assert_agree(on_tape, grouped, g, equal=close)


@pytest.mark.parametrize("seed", range(60))
def test_dead_branches_get_exactly_zero(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """A node with no path to an Output (or only through undefined nodes) runs no backward:
    its gradient and its wires' are 0 even where its value is inf or NaN, as on the
    grouped path."""
    rng = np.random.default_rng(2000 + seed)
    g = random_numbers(rng, int(rng.integers(2, 30)), [*EXACT, "Exp", "Log"], EXACT_EXPONENTS, open_port=0.1)
    live = reaching_outputs(g)
    on_tape, grouped = both(g, monkeypatch)
    assert_agree(on_tape, grouped, g)
    if not live:  # no defined Output: no gradients at all
        assert not on_tape.has_gradients and all(on_tape.grad(n) is None for n in g.nodes)
        return
    for n in defined_nodes(g) - live:
        assert same_bits(on_tape.grad(n), 0.0), n
        assert not on_tape.reaches_loss(n)
        for e in g.in_edges(n):
            assert same_bits(on_tape.wire_grad(e), 0.0), e


def test_the_issue_example_dead_exp_of_1000(monkeypatch: pytest.MonkeyPatch) -> None:
    g = build(
        [
            ("x", "Input", [], {"value": 1000.0}),
            ("e", "Exp", ["x"], {}),
            ("s", "Square", ["x"], {}),
            ("out", "Output", ["s"], {}),
        ]
    )
    r = evaluate(g)
    assert isinstance(r, TapeResult)
    assert float(r.grad("x")) == 2000.0
    assert same_bits(r.grad("e"), 0.0)
    assert same_bits(r.wire_grad(next(e for e in g.edges if e.dst == "e")), 0.0)
    assert r.problem("e") == "exp overflowed (x is too large)"


# -- the scalar rules against the layers ------------------------------------------------

EDGE_POINTS = [0.0, -0.0, 1e-300, -1e-300, 1e-200, 0.5, -0.5, 1.0, -1.0, 2.0, 3.0, -3.0, 30.0, -30.0,
               40.0, -40.0, 700.0, -700.0, 720.0, -720.0, 1e200, -1e200, 1e308, math.inf, -math.inf,
               math.nan]  # fmt: skip
POINTS = EDGE_POINTS + np.random.default_rng(7).uniform(-8, 8, 300).tolist()
EXACT_RULES = {"Output", "Add", "Sub", "Mul", "Div", "Neg", "Square", "ReLU", "Sum"}
MATH_RULES = {"Exp", "Log", "Sigmoid", "Tanh", "Sin", "Cos"}


def scalar_or_layer(rule, fallback):
    """What the tape computes: the scalar rule, or the layer where the rule raises."""
    try:
        return rule()
    except (ArithmeticError, ValueError):
        return fallback()


def arguments(cls: type[Layer]) -> list[tuple[list[float], dict]]:
    if len(cls.ports) == 2:
        rng = np.random.default_rng(3)
        pairs = [(x, y) for x in EDGE_POINTS for y in EDGE_POINTS]
        pairs += [tuple(p) for p in rng.uniform(-8, 8, (300, 2)).tolist()]
        return [([x, y], {}) for x, y in pairs]
    if cls.params:  # Pow
        exponents = [*EXACT_EXPONENTS, *MATH_EXPONENTS, -0.5, 7.0]
        return [([x], {"exponent": n}) for n in exponents for x in POINTS]
    return [([x], {}) for x in POINTS]


@pytest.mark.parametrize("type_name", sorted(EXACT_RULES | MATH_RULES | {"Pow"}))
def test_each_scalar_rule_is_its_layer(type_name: str) -> None:
    """Every node type's scalar rules give its layer's numbers from the same numbers: the
    same bits for the exact operations, within 2 units in the last place where math's
    exp, log, tanh, sin, cos or pow is called. (Backward gets the layer's output z, so
    that the difference of one call is not counted twice: in z(1 − z) near z = 1 an ulp
    of z is many of 1 − z.)"""
    cls = NODE_TYPES[type_name]
    for xs, params in arguments(cls):
        p = [params[k] for k in cls.params]
        exact = type_name in EXACT_RULES or (type_name == "Pow" and params["exponent"] in EXACT_EXPONENTS)
        ulps = 0 if exact else 2
        for dout in (1.0, -0.375):
            z_ref, grads_ref = layer_numbers(cls, params, xs, dout)
            z = scalar_or_layer(lambda: cls.scalar_forward(*xs, *p), lambda: float(z_ref))  # noqa: B023
            assert within_ulps(z, float(z_ref), ulps), (type_name, xs, params, z, z_ref)
            grads = scalar_or_layer(
                lambda: cls.scalar_backward(dout, float(z_ref), *xs, *p),  # noqa: B023
                lambda: tuple(float(t) for t in grads_ref),  # noqa: B023
            )
            grads = grads if isinstance(grads, tuple) else (grads,)
            for got, want in zip(grads, grads_ref, strict=True):
                assert within_ulps(got, float(want), ulps), (type_name, xs, params, dout, got, want)


def within_ulps(x: float, y: float, ulps: int) -> bool:
    if not (math.isfinite(x) and math.isfinite(y)):
        return same_bits(x, y)
    if ulps == 0:
        return same_bits(x, y)
    return abs(x - y) <= ulps * np.spacing(max(abs(x), abs(y)))


def test_every_node_type_but_matmul_and_input_has_scalar_rules() -> None:
    for name, cls in NODE_TYPES.items():
        has = cls.scalar_forward is not None and cls.scalar_backward is not None
        assert has is (name not in ("MatMul", "Input")), name
    assert set(NODE_TYPES) - {"MatMul", "Input"} == EXACT_RULES | MATH_RULES | {"Pow"}


# -- when the tape runs -------------------------------------------------------------------


def test_vectors_and_matmul_take_the_grouped_path() -> None:
    assert not isinstance(evaluate(op_graph("Add", [[1.0, 2.0], 3.0])), TapeResult)
    assert not isinstance(evaluate(op_graph("MatMul", [[1.0, 2.0], [3.0, 4.0]])), TapeResult)
    assert not isinstance(evaluate(op_graph("Sum", [[[1.0, 2.0]]])), TapeResult)
    # A vector seed on a number does not fit: that Output is undefined, the rest are numbers.
    assert isinstance(evaluate(op_graph("Exp", [1.0], seed=[1.0, 2.0])), TapeResult)
    # MatMul of numbers is undefined (it needs vectors): the rest run on the tape.
    r = evaluate(op_graph("MatMul", [1.0, 2.0]))
    assert isinstance(r, TapeResult) and r.value("op") is None and r.problem("op")


def test_wide_graphs_take_the_grouped_path() -> None:
    g = Graph()
    width = tape.MEAN_GROUP_SIZE
    for k in range(width):
        g.add_node("Input", f"x{k}", value=float(k))
        g.add_node("Square", f"s{k}")
        g.connect(f"x{k}", f"s{k}", 0)
        g.add_node("Output", f"o{k}")
        g.connect(f"s{k}", f"o{k}", 0)
    assert not isinstance(evaluate(g), TapeResult)  # two groups of `width` nodes
    g.remove_node("o0")
    g.add_node("Neg", "neg")
    g.connect("s0", "neg", 0)
    g.add_node("Output", "o0")
    g.connect("neg", "o0", 0)  # 4 groups now: Square, Output, then Neg and Output alone
    assert isinstance(evaluate(g), TapeResult)


# -- edits ----------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(25))
def test_after_edits_the_same_as_from_scratch(seed: int) -> None:
    """The tape redoes only what follows an edited Input: after any edits, it has what a
    fresh evaluation of the graph gives, bit for bit."""
    rng = np.random.default_rng(3000 + seed)
    g = random_numbers(rng, int(rng.integers(5, 40)), [*EXACT, "Exp", "Log", "Tanh"], EXACT_EXPONENTS, 0.05)
    ev = Evaluator(g)
    results = [ev.evaluate()]
    inputs = g.of_type("Input")
    for _ in range(12):
        for n in rng.choice(inputs, size=int(rng.integers(0, 3))):  # none, one or two at once
            g.set_param(str(n), "value", float(rng.choice([*VALUES, 3.0, -0.0])))
        r = ev.evaluate()
        assert_agree(r, evaluate(g), g)
        results.append(r)
    ev.close()
    assert_agree(results[0], results[0], g)  # an old Result is not changed by later passes


def test_numerical_gradients_and_the_check(monkeypatch: pytest.MonkeyPatch) -> None:
    g = build(
        [
            ("x", "Input", [], {"value": 0.7}),
            ("y", "Input", [], {"value": -1.3}),
            ("m", "Mul", ["x", "y"], {}),
            ("t", "Tanh", ["m"], {}),
            ("d", "Div", ["t", "x"], {}),
            ("out", "Output", ["d"], {"grad": None}),
        ]
    )
    report = gradient_check(g)
    assert report.ok
    ev = Evaluator(g)
    tape_numbers = ev.numerical_gradients()
    tape_loss = ev.loss()
    with grouped_path(monkeypatch):
        ev2 = Evaluator(g)
        grouped_numbers = ev2.numerical_gradients()
        assert close(ev2.loss(), tape_loss)
    for n in ("x", "y"):
        assert close(tape_numbers[n], grouped_numbers[n]), n


# -- the order of sums --------------------------------------------------------------------


def test_a_gradient_is_summed_in_the_grouped_paths_order(monkeypatch: pytest.MonkeyPatch) -> None:
    """s feeds m1's port y and m2's port x, two Muls of one depth: the grouped path adds
    port x's gradients before port y's, so s gets m2's before m1's. Node by node (m1, then
    m2) rounds differently here; the tape goes port by port for such a group."""
    g = build(
        [
            ("s", "Input", [], {"value": 1.0}),
            ("a", "Input", [], {"value": 1e16}),
            ("b", "Input", [], {"value": 1.0}),
            ("m1", "Mul", ["a", "s"], {}),  # dL/ds through it: a = 1e16
            ("m2", "Mul", ["s", "b"], {}),  # dL/ds through it: b = 1
            ("n", "Neg", ["s"], {}),  # the same depth, a group after the Muls': its -1e16 comes first
            ("k", "Mul", ["n", "a"], {}),
            ("o1", "Output", ["m1"], {}),
            ("o2", "Output", ["m2"], {}),
            ("o3", "Output", ["k"], {}),
        ]
    )
    port_by_port, node_by_node = (-1e16 + 1.0) + 1e16, (-1e16 + 1e16) + 1.0
    assert port_by_port != node_by_node
    on_tape, grouped = both(g, monkeypatch)
    assert float(grouped.grad("s")) == port_by_port
    assert same_bits(on_tape.grad("s"), grouped.grad("s"))
    assert_agree(on_tape, grouped, g)


def test_a_group_added_port_by_port_where_a_rule_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same crossing as above, through Divs by s = 0: the rule raises inside the
    group's step, and that node's numbers come from the layer."""
    g = build(
        [
            ("s", "Input", [], {"value": 0.0}),
            ("a", "Input", [], {"value": 3.0}),
            ("b", "Input", [], {"value": -2.0}),
            ("d1", "Div", ["a", "s"], {}),
            ("d2", "Div", ["s", "b"], {}),
            ("n", "Neg", ["s"], {}),
            ("o1", "Output", ["d1"], {}),
            ("o2", "Output", ["d2"], {}),
            ("o3", "Output", ["n"], {}),
        ]
    )
    on_tape, grouped = both(g, monkeypatch)
    assert any(c == tape.GROUP for *_, c in evaluator_tape(g).backward)
    assert float(on_tape.grad("s")) == -math.inf  # −3/0² through d1, −0.5 through d2, −1 through n
    assert_agree(on_tape, grouped, g)


def evaluator_tape(g: Graph) -> tape.Tape:
    built = tape.tape_for(Evaluator(g).plan)
    assert built is not None
    return built


# -- the Result --------------------------------------------------------------------------


def test_the_result_reads_like_the_grouped_one(monkeypatch: pytest.MonkeyPatch) -> None:
    g = op_graph("Div", [3.0, 0.0], seed=2.0)
    on_tape, grouped = both(g, monkeypatch)
    for r in (on_tape, grouped):
        assert type(r.value("op")) is np.float64 and type(r.grad("in0")) is np.float64
        assert r.problem("op") == "division by zero" and r.problem_nodes() == ["op"]
        assert r.value("nowhere") is None and r.grad("nowhere") is None
        assert r.values_of(["in0", "op"]) == [3.0, math.inf]
        assert type(r.values_of(["in0"])[0]) is float
    assert_agree(on_tape, grouped, g)
    g.disconnect("op", 1)
    on_tape, grouped = both(g, monkeypatch)
    assert on_tape.value("op") is None and on_tape.problem("op") == "input y is not connected"
    assert on_tape.values_of(["in0", "op"]) == [3.0, None]
    assert_agree(on_tape, grouped, g)


def test_without_an_output_there_are_no_gradients(monkeypatch: pytest.MonkeyPatch) -> None:
    g = build([("x", "Input", [], {"value": 2.0}), ("e", "Exp", ["x"], {})])
    on_tape, grouped = both(g, monkeypatch)
    assert not on_tape.has_gradients and on_tape.loss is None and on_tape.grad("x") is None
    assert on_tape.wire_grad(next(iter(g.edges))) is None
    assert on_tape.grads_of(["x", "e"]) == [None, None]
    assert_agree(on_tape, grouped, g, equal=close)


def test_an_edit_from_zero_to_minus_zero_is_an_edit() -> None:
    g = build(
        [
            ("one", "Input", [], {"value": 1.0}),
            ("x", "Input", [], {"value": 0.0}),
            ("d", "Div", ["one", "x"], {}),
            ("out", "Output", ["d"], {}),
        ]
    )
    ev = Evaluator(g)
    assert float(ev.evaluate().value("d")) == math.inf
    g.set_param("x", "value", -0.0)
    assert float(ev.evaluate().value("d")) == -math.inf
    ev.close()
