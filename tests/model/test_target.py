"""Any node as the target: backward from that node with seed ones of its shape.

The oracle: the same graph with its Outputs taken away and one Output (seed ones) wired
from the target computes the same gradients by the ordinary way, on both engine paths.
"""

from __future__ import annotations

import numpy as np
import pytest
from graphkit import build, random_spec, wild_spec
from test_tape import grouped_path, random_numbers

from nodeeditor.model import Graph, GraphError, evaluate
from nodeeditor.model.engine import Evaluator
from nodeeditor.model.tape import TapeResult


def probed(g: Graph, target: str) -> Graph:
    """``g`` without its Outputs (unless the target is one), with an Output of seed ones on the target."""
    h = Graph()
    for n in g.nodes.values():
        if n.type != "Output" or n.id == target:
            h.add_node(n.type, n.id, **({**n.params, "grad": None} if n.type == "Output" else n.params))
    for e in g.edges:
        if e.dst in h.nodes:
            h.connect(e.src, e.dst, e.port)
    if g.nodes[target].type != "Output":
        h.add_node("Output", "__probe__")
        h.connect(target, "__probe__", 0)
    return h


def assert_same_as_probe(g: Graph, target: str) -> None:
    got, want = evaluate(g, target=target), evaluate(probed(g, target), target=None)
    assert got.target == target and want.target is None
    assert got.has_gradients == want.has_gradients
    for n in g.nodes:
        if n not in want._plan.index:  # an Output left out: not live, gradient 0
            grad = got.grad(n)
            assert grad is None or not np.any(grad), n
            continue
        for get in ("value", "grad"):
            x, y = getattr(got, get)(n), getattr(want, get)(n)
            assert (x is None) == (y is None), (n, get)
            if x is not None:
                np.testing.assert_array_equal(x, y, err_msg=f"{get} of {n}")
        assert got.reaches_loss(n) == want.reaches_loss(n), n
        assert got.problem(n) == want.problem(n), n
    for e in g.edges:
        x = got.wire_grad(e)
        if e.dst not in want._plan.index:
            assert x is None or not np.any(x), e
            continue
        y = want.wire_grad(e)
        assert (x is None) == (y is None), e
        if x is not None:
            np.testing.assert_array_equal(x, y, err_msg=f"wire_grad of {e}")


@pytest.mark.parametrize("seed", range(40))
def test_target_on_random_graphs_of_arrays(seed: int) -> None:
    rng = np.random.default_rng(seed)
    spec = (random_spec(rng, 12)[0]) if seed % 2 else wild_spec(rng, 12)
    g = build(spec)
    for target in rng.choice(list(g.nodes), 3):
        assert_same_as_probe(g, str(target))


@pytest.mark.parametrize("seed", range(30))
def test_target_on_the_tape_and_on_groups(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(100 + seed)
    g = random_numbers(rng, 15, ["Add", "Mul", "Sub", "Div", "Exp", "Log", "Square", "Tanh"], [2.0])
    target = str(rng.choice(list(g.nodes)))
    assert isinstance(evaluate(g, target=target), TapeResult)
    assert_same_as_probe(g, target)
    with grouped_path(monkeypatch):
        assert not isinstance(evaluate(g, target=target), TapeResult)
        assert_same_as_probe(g, target)


def chain() -> Graph:
    """x = 2, y = 3 → t = x + y → z = t² → L; and a branch x·y that reaches L too."""
    return build([
        ("x", "Input", [], {"value": 2.0}),
        ("y", "Input", [], {"value": 3.0}),
        ("t", "Add", ["x", "y"], {}),
        ("z", "Square", ["t"], {}),
        ("m", "Mul", ["x", "y"], {}),
        ("s", "Add", ["z", "m"], {}),
        ("L", "Output", ["s"], {}),
    ])  # fmt: skip


def test_target_in_numbers() -> None:
    r = evaluate(chain(), target="z")
    assert r.target == "z"
    assert float(r.grad("z")) == 1.0
    assert float(r.grad("t")) == 10.0  # ∂z/∂t = 2t
    assert float(r.grad("x")) == 10.0 and float(r.grad("y")) == 10.0  # not through m
    assert float(r.grad("m")) == 0.0 and not r.reaches_loss("m") and not r.reaches_loss("L")
    assert float(r.grad("L")) == 0.0  # an Output past the target is dead, not seeded
    assert r.loss == 31.0  # the loss is still the Outputs'
    loss = evaluate(chain())
    assert loss.target is None and float(loss.grad("x")) == 13.0


def test_vector_target_seed_is_ones() -> None:
    g = build([
        ("x", "Input", [], {"value": np.array([1.0, 2.0, 3.0])}),
        ("w", "Input", [], {"value": np.array([2.0, 0.5, -1.0])}),
        ("t", "Mul", ["x", "w"], {}),
    ])  # fmt: skip
    r = evaluate(g, target="t")
    np.testing.assert_array_equal(r.grad("t"), np.ones(3))
    np.testing.assert_array_equal(r.grad("x"), [2.0, 0.5, -1.0])
    assert not evaluate(g).has_gradients  # no Output, no target: no gradients


def test_an_input_as_target() -> None:
    r = evaluate(chain(), target="x")
    assert float(r.grad("x")) == 1.0 and float(r.grad("y")) == 0.0


def test_an_undefined_target_has_no_gradients() -> None:
    g = build([("x", "Input", [], {"value": 1.0}), ("t", "Mul", ["x", None], {}), ("L", "Output", ["x"], {})])
    r = evaluate(g, target="t")
    assert not r.has_gradients and r.value("x") == 1.0


@pytest.mark.parametrize("bad", ["nope", "", 3])
def test_an_unknown_target_is_a_clear_error(bad) -> None:
    with pytest.raises(GraphError, match="no such node"):
        evaluate(chain(), target=bad)
    with pytest.raises(GraphError, match="no such node"):
        Evaluator(chain(), target=bad)


def test_evaluator_target_is_view_state_and_follows_deletion() -> None:
    g = chain()
    g.add_node("Output", "L2")
    g.connect("z", "L2", 0)
    ev = Evaluator(g)
    ev.target = "m"
    assert float(ev.evaluate().grad("x")) == 3.0
    g.set_param("x", "value", np.float64(5.0))  # a value edit keeps the target
    r = ev.evaluate()
    assert r.target == "m" and float(r.grad("x")) == 3.0 and float(r.value("t")) == 8.0
    g.remove_node("m")
    r = ev.evaluate()
    assert ev.target is None and r.target is None and float(r.grad("x")) == 16.0  # ∂L2/∂x = 2t
    ev.close()
