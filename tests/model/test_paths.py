"""The gradient as a sum over paths: exact counts, products that add up, the largest first."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from graphkit import build, random_spec
from test_tape import grouped_path, random_numbers

from nodeeditor.model import Graph, GraphError, evaluate
from nodeeditor.model.graph import Edge
from nodeeditor.model.paths import paths


def grid(n: int, m: int) -> Graph:
    """A lattice: node (i, j) adds (i−1, j) and (i, j−1); the border multiplies its one
    neighbour by c = 1 (an Input on no path). From x at (0, 0) to (n, m): C(n+m, n) paths."""
    g = Graph()
    g.add_node("Input", "x", value=1.0)
    g.add_node("Input", "c", value=1.0)
    name = {(0, 0): "x"}
    for i in range(n + 1):
        for j in range(m + 1):
            if (i, j) == (0, 0):
                continue
            node = name[(i, j)] = f"g{i}_{j}"
            if i and j:
                g.add_node("Add", node)
                g.connect(name[(i - 1, j)], node, 0)
                g.connect(name[(i, j - 1)], node, 1)
            else:
                g.add_node("Mul", node)
                g.connect(name[(i - 1, j) if i else (i, j - 1)], node, 0)
                g.connect("c", node, 1)
    g.add_node("Output", "L")
    g.connect(name[(n, m)], "L", 0)
    return g


def test_lattice_counts_are_binomial_and_exact() -> None:
    g = grid(30, 30)  # 60 fan-outs deep: C(60, 30) ≈ 1.2e17 paths
    r = evaluate(g)
    rep = paths(g, r, "x")
    assert rep.count == math.comb(60, 30)
    assert isinstance(rep.count, int)
    assert rep.more == rep.count - 20 and len(rep.paths) == 20
    assert all(p.product == 1.0 and len(p.wires) == 61 for p in rep.paths)
    assert float(rep.gradient) == float(math.comb(60, 30))
    assert len(rep.wires_on_paths) == len(list(g.edges)) - 60  # all but the wires from c
    for i, j in [(3, 5), (10, 0), (7, 7)]:
        assert paths(g, evaluate(g, target=f"g{i}_{j}"), "x").count == math.comb(i + j, i)


def doubling(stages: int) -> Graph:
    """x → sin and cos → add, ``stages`` times: 2^stages paths."""
    spec = [("s0", "Input", [], {"value": 0.3})]
    for k in range(1, stages + 1):
        prev = f"s{k - 1}"
        spec += [(f"a{k}", "Sin", [prev], {}), (f"b{k}", "Cos", [prev], {})]
        spec.append((f"s{k}", "Add", [f"a{k}", f"b{k}"], {}))
    spec.append(("L", "Output", [f"s{stages}"], {}))
    return build(spec)


def descending(sizes: list[float]) -> bool:
    """Largest first, but for the last bits: the sidetracks order by logarithms."""
    return all(a >= b * (1 - 1e-12) for a, b in itertools.pairwise(sizes))


def test_sixty_doublings() -> None:
    g = doubling(60)
    rep = paths(g, evaluate(g), "s0", limit=5)
    assert rep.count == 2**60 and len(rep.paths) == 5
    assert descending([abs(p.product) for p in rep.paths])


def all_paths(g: Graph, r, node: str) -> list[tuple[tuple[Edge, ...], float]]:
    """Every path and its product, by brute force."""
    out_wires: dict[str, list[Edge]] = {}
    for e in g.edges:
        out_wires.setdefault(e.src, []).append(e)
    found = []

    def local(e: Edge) -> float:
        # ∂dst/∂(port input), by the layer's backward with seed 1 from the evaluated numbers
        from nodeeditor.model.ops import layer_class
        from nodeeditor.model.tape import layer_numbers

        dst = g.nodes[e.dst]
        xs = [float(r.value(w.src)) for w in sorted(g.in_edges(e.dst), key=lambda w: w.port)]
        return layer_numbers(layer_class(dst.type), dst.params, xs, 1.0)[1][e.port]

    def walk(n: str, wires: tuple, prod: float) -> None:
        if not r.reaches_loss(n):
            return
        if r.target is not None and n == r.target:
            found.append((wires, prod))
            return
        if r.target is None and g.nodes[n].type == "Output":
            found.append((wires, prod * float(r.grad(n))))
            return
        for e in out_wires.get(n, []):
            walk(e.dst, (*wires, e), prod * local(e))

    walk(node, (), 1.0)
    return found


@pytest.mark.parametrize("enumeration", ["sidetracks", "recursive"])
@pytest.mark.parametrize("seed", range(30))
def test_products_add_up_and_the_largest_come_first(
    seed: int, enumeration: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nodeeditor.model import paths as paths_module

    monkeypatch.setattr(paths_module, "ENUMERATION", enumeration)
    rng = np.random.default_rng(seed)
    types = ["Add", "Mul", "Sub", "Div", "Exp", "Square", "Tanh", "Sin", "Neg", "Pow"]
    g = random_numbers(rng, 14, types, [2.0, 3.0], values=[0.5, 1.5, -0.75, 0.9])
    target = None if seed % 3 else str(rng.choice([n for n in g.nodes if g.nodes[n].type != "Input"]))
    with grouped_path(monkeypatch) if seed % 2 else monkeypatch.context():
        r = evaluate(g, target=target)
    for node in g.nodes:
        brute = all_paths(g, r, node)
        rep = paths(g, r, node, limit=1000)
        assert rep.count == len(brute) == len(rep.paths), node
        assert rep.scalar and rep.target == target
        if brute:
            total = sum(p.product for p in rep.paths)
            grad = float(r.grad(node))
            assert np.isclose(total, grad, rtol=1e-9, atol=1e-12, equal_nan=True), (node, total)
        assert {p.wires for p in rep.paths} == {w for w, _ in brute}
        want = dict(brute)
        for p in rep.paths:
            assert np.isclose(p.product, want[p.wires], rtol=1e-12, atol=0, equal_nan=True), p
            seed = 1.0 if target else float(r.grad(p.wires[-1].dst if p.wires else node))
            assert np.isclose(math.prod(p.factors) * seed, p.product, rtol=1e-12, atol=0, equal_nan=True)
        sizes = [math.inf if math.isnan(p.product) else abs(p.product) for p in rep.paths]
        assert descending(sizes)  # NaN first
        top = paths(g, r, node, limit=3)
        best = sorted((math.inf if math.isnan(q) else abs(q) for _, q in brute), reverse=True)[:3]
        got = [math.inf if math.isnan(p.product) else abs(p.product) for p in top.paths]
        np.testing.assert_allclose(got, best, rtol=1e-12)
        assert top.count == rep.count and top.wires_on_paths == rep.wires_on_paths
        assert rep.wires_on_paths == {w for ws, _ in brute for w in ws}


def test_parallel_wires_are_two_paths() -> None:
    g = build([("x", "Input", [], {"value": 3.0}), ("z", "Mul", ["x", "x"], {}), ("L", "Output", ["z"], {})])
    rep = paths(g, evaluate(g), "x")
    assert rep.count == 2
    out = Edge("z", "L", 0)
    assert [p.wires for p in rep.paths] == [(Edge("x", "z", 0), out), (Edge("x", "z", 1), out)]
    assert [p.factors for p in rep.paths] == [(3.0, 1.0), (3.0, 1.0)]
    assert sum(p.product for p in rep.paths) == float(rep.gradient) == 6.0


def test_the_issue_example_and_dead_branches() -> None:
    g = build([
        ("x", "Input", [], {"value": 1.0}),
        ("y", "Input", [], {"value": 2.0}),
        ("t", "Add", ["x", "y"], {}),
        ("z", "Square", ["t"], {}),
        ("dead", "Exp", ["x"], {}),  # reaches no Output
        ("undef", "Mul", ["x", None], {}),  # an open port
        ("L", "Output", ["z"], {"grad": 2.0}),
    ])  # fmt: skip
    r = evaluate(g)
    rep = paths(g, r, "x")
    assert rep.count == 1
    (p,) = rep.paths
    assert p.wires == (Edge("x", "t", 0), Edge("t", "z", 0), Edge("z", "L", 0))
    assert p.factors == (1.0, 6.0, 1.0) and p.product == 12.0  # times the seed 2
    assert rep.wires_on_paths == set(p.wires)
    assert paths(g, r, "dead").count == 0 and paths(g, r, "undef").count == 0
    assert paths(g, r, "L").count == 1 and paths(g, r, "L").paths[0].wires == ()
    rz = evaluate(g, target="z")
    rep = paths(g, rz, "x")
    assert rep.target == "z" and rep.paths[0].product == 6.0 and rep.paths[0].wires[-1] == Edge("t", "z", 0)
    with pytest.raises(GraphError, match="no node"):
        paths(g, r, "nope")
    assert paths(g, r, "x", limit=0).paths == () and paths(g, r, "x", limit=0).count == 1


def test_vectors_name_wires_without_numbers() -> None:
    for seed in range(5):
        spec, _ = random_spec(np.random.default_rng(seed), 12)
        g = build(spec)
        r = evaluate(g)
        for x in g.of_type("Input"):
            rep = paths(g, r, x, limit=10_000)
            if rep.scalar:
                continue
            assert all(p.product is None and set(p.factors) <= {None} for p in rep.paths)
            assert len(rep.paths) == rep.count
            assert rep.wires_on_paths == {w for p in rep.paths for w in p.wires}
            assert (rep.count > 0) == bool(np.any(r.grad(x)) or r.reaches_loss(x))


def test_where_a_scalar_rule_raises_the_factor_is_the_layers_inf() -> None:
    g = build([("x", "Input", [], {"value": 0.0}), ("l", "Log", ["x"], {}), ("L", "Output", ["l"], {})])
    rep = paths(g, evaluate(g), "x")  # a graph this small runs on the tape, whose math.log(0) raises
    assert rep.paths[0].factors == (math.inf, 1.0) and rep.paths[0].product == math.inf


@pytest.mark.parametrize("seed", range(20))
def test_level_by_level_numpy_pass_is_the_node_by_node_one(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nodeeditor.model import paths as paths_module

    rng = np.random.default_rng(500 + seed)
    types = ["Add", "Mul", "Sub", "Div", "Exp", "Square", "Tanh", "Neg", "Log"]
    g = random_numbers(rng, 40, types, [2.0], values=[0.5, 1.5, -0.75, 0.0])  # 0: inf and NaN factors too
    target = None if seed % 2 else str(rng.choice([n for n in g.nodes if g.nodes[n].type != "Input"]))
    r = evaluate(g, target=target)
    for node in g.nodes:
        monkeypatch.setattr(paths_module, "LEVEL_SIZE", 10**9)  # node by node
        a = paths(g, r, node, limit=50)
        monkeypatch.setattr(paths_module, "LEVEL_SIZE", 0)  # level by level
        b = paths(g, r, node, limit=50)
        assert a.count == b.count and a.wires_on_paths == b.wires_on_paths
        assert [p.wires for p in a.paths] == [p.wires for p in b.paths]
        for p, q in zip(a.paths, b.paths, strict=True):
            assert p.factors == q.factors or np.array_equal(p.factors, q.factors, equal_nan=True)
            assert p.product == q.product or (math.isnan(p.product) and math.isnan(q.product))


def spy_on_sidetracks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many paths each listing by sidetracks gave (none: the recursive way listed them)."""
    from nodeeditor.model import sidetracks

    calls: list[int] = []
    listed = sidetracks.Sidetracks.listed

    def spy(self, limit: int, end: int) -> list:
        out = listed(self, limit, end)
        calls.append(len(out))
        return out

    monkeypatch.setattr(sidetracks.Sidetracks, "listed", spy)
    return calls


def test_sidetracks_list_what_the_recursive_enumeration_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    from nodeeditor.model import paths as paths_module

    calls = spy_on_sidetracks(monkeypatch)

    for g, node in [(grid(6, 7), "x"), (doubling(9), "s0"), (doubling(12), "s3")]:
        r = evaluate(g)
        found = {}
        for how in ("sidetracks", "recursive"):
            monkeypatch.setattr(paths_module, "ENUMERATION", how)
            found[how] = paths(g, r, node, limit=10_000)
        a, b = found["sidetracks"], found["recursive"]
        assert a.count == b.count == len(a.paths) == len(b.paths)
        assert {p.wires: p.product for p in a.paths} == {p.wires: p.product for p in b.paths}
        assert descending([abs(p.product) for p in a.paths])
    assert calls == [math.comb(13, 6), 2**9, 2**9]  # no giving way: every listing by sidetracks


def test_the_sidetracks_give_way_where_products_do_not_order(monkeypatch: pytest.MonkeyPatch) -> None:
    """Zeros on the way (a ReLU off) still order by sidetracks: those paths come last. An
    infinite factor (the slope of ln at 0) would make inf − inf: the recursive way lists them."""
    g = build([
        ("x", "Input", [], {"value": -1.0}),
        ("r", "ReLU", ["x"], {}),
        ("a", "Mul", ["r", "r"], {}),
        ("s", "Add", ["a", "x"], {}),
        ("L", "Output", ["s"], {}),
    ])  # fmt: skip
    calls = spy_on_sidetracks(monkeypatch)
    rep = paths(g, evaluate(g), "x")
    assert rep.count == 3 and rep.paths[0].product == 1.0 and [p.product for p in rep.paths[1:]] == [0.0, 0.0]
    assert calls == [3]  # zeros order: the sidetracks list them
    h = build([
        ("x", "Input", [], {"value": 1e200}),
        ("a", "Square", ["x"], {}),
        ("b", "Neg", ["x"], {}),
        ("s", "Add", ["a", "b"], {}),
        ("L", "Output", ["s"], {}),
    ])  # fmt: skip
    rep = paths(h, evaluate(h), "x")  # ∂(x²)/∂x = 2e200 is finite, the product is too; fine
    assert rep.count == 2 and calls == [3, 2]
    k = build([("x", "Input", [], {"value": 0.0}), ("l", "Log", ["x"], {}), ("L", "Output", ["l"], {})])
    assert paths(k, evaluate(k), "x").paths[0].product == math.inf and calls == [
        3,
        2,
    ]  # 1/0: the recursive way
