"""Wires as arrays, depths by levels, and the plan the engine builds from them."""

from __future__ import annotations

import itertools

import graphkit
import numpy as np
import pytest
from graphkit import assert_same_result, build, random_spec

from nodeeditor.model import Evaluator, Graph, engine, evaluate
from nodeeditor.model.wiring import depths


def reference_depths(g: Graph) -> dict[str, int]:
    depth: dict[str, int] = {}
    for n in g.topological_order():
        srcs = [e.src for e in g.in_edges(n)]
        depth[n] = 1 + max(depth[s] for s in srcs) if srcs else 0
    return depth


@pytest.mark.parametrize("seed", range(12))
def test_depths_are_longest_paths(seed: int) -> None:
    spec, _ = random_spec(np.random.default_rng(seed), 40)
    g = build(spec)
    wiring = g.wiring()
    assert dict(zip(wiring.ids, wiring.depth.tolist(), strict=True)) == reference_depths(g)


def test_a_long_chain() -> None:
    n = 3000
    src = np.arange(n - 1)
    assert depths(n, src, src + 1).tolist() == list(range(n))


def test_a_cycle_has_no_depths() -> None:
    # 0 -> 1 -> 2 -> 1, and 3 alone
    assert depths(4, np.array([0, 1, 2]), np.array([1, 2, 1])) is None
    assert depths(2, np.array([1]), np.array([1])) is None  # a node wired into itself


def test_an_empty_graph() -> None:
    assert depths(0, np.array([], np.intp), np.array([], np.intp)).tolist() == []
    assert evaluate(Graph()).loss is None


def test_the_wiring_follows_structural_edits() -> None:
    g = build([("a", "Input", [], {}), ("b", "Neg", ["a"], {}), ("c", "Neg", ["b"], {})])
    assert g.wiring().depth.tolist() == [0, 1, 2]
    g.disconnect("c", 0)
    g.connect("a", "c", 0)
    assert g.wiring().depth.tolist() == [0, 1, 1]
    g.add_node("Neg", "d", at=0)
    assert g.wiring().ids == ["d", "a", "b", "c"]


def plans_alike(a: engine.Plan, b: engine.Plan) -> None:
    assert len(a.groups) == len(b.groups)
    for x, y in zip(a.groups, b.groups, strict=True):
        assert (x.cls, x.ids, x.out_shape, x.in_shapes) == (y.cls, y.ids, y.out_shape, y.in_shapes)
        assert x.params == y.params
        np.testing.assert_array_equal(x.out_slots, y.out_slots)
        for p, q in zip(x.in_slots, y.in_slots, strict=True):
            np.testing.assert_array_equal(p, q)
    for key in ("slot_of", "group_of", "row_of"):
        np.testing.assert_array_equal(getattr(a, key), getattr(b, key))
    assert a.shape_of == b.shape_of and a.output_groups == b.output_groups
    assert (
        dict(a.inputs) == dict(b.inputs) and a.input_row == b.input_row and dict(a.counts) == dict(b.counts)
    )


@pytest.mark.parametrize("seed", range(25))
def test_numbers_only_graphs_are_planned_alike_both_ways(monkeypatch, seed: int) -> None:
    """The numpy planner for graphs of numbers gives the general planner's plan."""
    monkeypatch.setattr(graphkit, "SHAPES", [()])
    spec, _ = random_spec(np.random.default_rng(seed), 60)
    g = build(spec)
    assert engine._all_scalar(g, g.wiring())
    fast = Evaluator(g)
    fast_result = fast.evaluate()
    monkeypatch.setattr(engine, "_all_scalar", lambda graph, wiring: False)
    general = Evaluator(g)
    general_result = general.evaluate()
    plans_alike(fast.plan, general.plan)
    assert_same_result(fast_result, general_result, g)


def test_what_sends_a_graph_the_general_way() -> None:
    g = build([("a", "Input", [], {"value": 1.0}), ("s", "Square", ["a"], {}), ("o", "Output", ["s"], {})])
    assert engine._all_scalar(g, g.wiring())
    g.set_param("a", "value", [1.0, 2.0])
    assert not engine._all_scalar(g, g.wiring())  # a vector
    g.set_param("a", "value", 1.0)
    g.set_param("o", "grad", [2.0])
    assert not engine._all_scalar(g, g.wiring())  # a vector seed
    g.set_param("o", "grad", None)
    g.add_node("Neg", "loose")
    assert not engine._all_scalar(g, g.wiring())  # a port with no wire
    g.remove_node("loose")
    g.add_node("MatMul", "m")
    g.connect("a", "m", 0)
    g.connect("a", "m", 1)
    assert not engine._all_scalar(g, g.wiring())


def test_inputs_alone() -> None:
    g = build([("a", "Input", [], {"value": 1.0}), ("b", "Input", [], {"value": 2.0})])
    result = evaluate(g)
    assert float(result.value("b")) == 2.0 and result.grad("b") is None


def test_the_plan_does_not_depend_on_the_order_of_edits() -> None:
    """Nodes run by depth, then in file order: wiring the same graph in another order
    gives the same plan, so the same sums in the same order, bit for bit."""
    spec, _ = random_spec(np.random.default_rng(5), 40)
    g1 = build(spec)
    g2 = Graph()
    for node_id, type_name, _, params in spec:
        g2.add_node(type_name, node_id, **params)
    for node_id, _, srcs, _ in reversed(spec):
        for port, src in reversed(list(enumerate(srcs))):
            g2.connect(src, node_id, port)
    e1, e2 = Evaluator(g1), Evaluator(g2)
    r1, r2 = e1.evaluate(), e2.evaluate()
    assert [g.ids for g in e1.plan.groups] == [g.ids for g in e2.plan.groups]
    assert_same_result(r1, r2, g1)


@pytest.mark.parametrize("numbers_only", [True, False])
def test_values_and_grads_of_many_nodes_match_one_by_one(monkeypatch, numbers_only: bool) -> None:
    if numbers_only:
        monkeypatch.setattr(graphkit, "SHAPES", [()])
    spec, _ = random_spec(np.random.default_rng(11), 50, n_outputs=3)
    g = build(spec)
    result = evaluate(g)
    assert result._plan.numbers_only is numbers_only
    for ids, (many, one) in itertools.product(
        ([*g.nodes], [*g.nodes, "no such node"]),
        ((result.values_of, result.value), (result.grads_of, result.grad)),
    ):
        got = many(ids)
        assert len(got) == len(ids)
        for n, x in zip(ids, got, strict=True):
            want = one(n)
            assert (x is None) == (want is None), n
            if want is not None:
                np.testing.assert_array_equal(np.asarray(x), want, err_msg=n)
