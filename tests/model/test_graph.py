"""The Graph: validated edits, listener events, linear cycle checks."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from graphkit import build, random_spec, state

from nodeeditor.model import Edge, Graph, GraphError, GraphEvent


def base() -> Graph:
    """a → t(Add, port 1 open) → s(Square) → o(Output); c(Square, named)."""
    g = build(
        [
            ("a", "Input", [], {"value": 1.0}),
            ("t", "Add", ["a"], {}),
            ("s", "Square", ["t"], {}),
            ("o", "Output", ["s"], {}),
            ("p", "Pow", ["s"], {"exponent": 3}),
        ]
    )
    g.add_node("Neg", "c", name="시그마")
    g.connect("c", "t", 1)
    g.disconnect("t", 1)
    return g


CONNECT_REJECTED = [
    ("s", "t", 1, "this wire would make a cycle: s → t → s"),
    ("p", "t", 1, "this wire would make a cycle: p → t → s → p"),
    ("a", "s", 0, "port x of s (Square) is already wired"),
    ("a", "t", 0, "port x of t (Add) is already wired"),
    ("t", "t", 1, "a node cannot be wired into itself (t)"),
    ("c", "c", 0, "a node cannot be wired into itself (시그마)"),
    ("o", "t", 1, "o is an Output node: it has no output to wire from"),
    ("a", "s", 1, "s (Square) has no input port 1"),
    ("a", "t", -1, "t (Add) has no input port -1"),
    ("a", "t", "1", "t (Add) has no input port 1"),
    ("a", "a", 0, "a (Input) has no input port 0"),
    ("zz", "t", 1, 'there is no node "zz"'),
    ("a", "zz", 0, 'there is no node "zz"'),
]

REJECTED = [
    *[(lambda g, c=c: g.connect(*c[:3]), c[3]) for c in CONNECT_REJECTED],
    (lambda g: g.add_node("Squre"), 'unknown node type "Squre"'),
    (lambda g: g.add_node("Input", "a"), 'there is already a node with id "a"'),
    (lambda g: g.add_node("Input", ""), "a node id must be a non-empty string"),
    (lambda g: g.add_node("Add", "q", value=1), "Add nodes have no parameter 'value'"),
    (
        lambda g: g.add_node("Input", "q", value="abc"),
        "value: must be a number or a list of numbers, not text",
    ),
    (lambda g: g.add_node("Input", "q", value=True), "value: must be a number, not true/false"),
    (lambda g: g.add_node("Pow", "q", exponent=[1, 2]), "exponent: must be a single number"),
    (
        lambda g: g.add_node("Input", "q", pos=(1, 2, 3)),
        "a position must be two numbers (x, y), not (1, 2, 3)",
    ),
    (
        lambda g: g.add_node("Input", "q", pos=("x", 1)),
        "a position must be two numbers (x, y), not ('x', 1)",
    ),
    (
        lambda g: g.set_param("a", "value", [[1], [2, 3]]),
        "value: is a ragged list: its rows must all have the same length",
    ),
    (
        lambda g: g.set_param("a", "value", float("nan")),
        "value: must be finite numbers (no NaN or infinity)",
    ),
    (
        lambda g: g.set_param("a", "value", [float("inf")]),
        "value: must be finite numbers (no NaN or infinity)",
    ),
    (
        lambda g: g.set_param("a", "value", [[[1.0]]]),
        "value: must be a number, a vector or a matrix (nested at most 2 deep)",
    ),
    (lambda g: g.set_param("a", "value", []), "value: is an empty list"),
    (lambda g: g.set_param("a", "value", 10**400), "value: is too large to be a finite number"),
    (lambda g: g.set_param("a", "exponent", 2), "Input nodes have no parameter 'exponent'"),
    (
        lambda g: g.set_param("p", "exponent", "two"),
        "exponent: must be a number or a list of numbers, not text",
    ),
    (
        lambda g: g.set_param("o", "grad", "x"),
        "seed gradient: must be a number or a list of numbers, not text",
    ),
    (lambda g: g.set_param("zz", "value", 1.0), 'there is no node "zz"'),
    (lambda g: g.disconnect("t", 1), "port 1 of t is not wired"),
    (lambda g: g.disconnect("zz", 0), 'there is no node "zz"'),
    (lambda g: g.remove_node("zz"), 'there is no node "zz"'),
    (lambda g: g.move("a", (1, 2, 3)), "a position must be two numbers (x, y), not (1, 2, 3)"),
    (lambda g: g.move("a", (float("nan"), 0)), "a position must be finite numbers, not (nan, 0)"),
    (lambda g: g.move("a", (float("inf"), 0)), "a position must be finite numbers, not (inf, 0)"),
    (lambda g: g.move("a", 5), "a position must be two numbers (x, y), not 5"),
    (lambda g: g.set_name("zz", "x"), 'there is no node "zz"'),
]


@pytest.mark.parametrize(("edit", "message"), REJECTED, ids=[m for _, m in REJECTED])
def test_rejected_edit_changes_nothing_and_says_why(edit, message: str) -> None:
    g = base()
    events: list[GraphEvent] = []
    g.subscribe(events.append)
    before = state(g), g.structure_version, g.value_version
    with pytest.raises(GraphError) as info:
        edit(g)
    assert str(info.value) == message
    assert (state(g), g.structure_version, g.value_version) == before
    assert events == []


@pytest.mark.parametrize(("src", "dst", "port", "message"), CONNECT_REJECTED)
def test_check_connect_says_what_connect_would(src, dst, port, message: str) -> None:
    g = base()
    before = state(g)
    with pytest.raises(GraphError) as info:
        g.check_connect(src, dst, port)
    assert str(info.value) == message
    assert state(g) == before


def test_check_connect_with_replace_ignores_the_wire_already_there() -> None:
    g = base()
    g.check_connect("c", "s", 0, replace=True)  # would replace t → s
    with pytest.raises(GraphError, match="cycle"):
        g.check_connect("p", "s", 0, replace=True)
    with pytest.raises(GraphError, match="already wired"):
        g.check_connect("c", "s", 0)


# -- listener events ---------------------------------------------------------------


def test_listener_hears_every_kind_of_edit() -> None:
    g = Graph()
    events: list[GraphEvent] = []
    seen_edges: list[list[Edge]] = []

    def listener(event: GraphEvent) -> None:
        events.append(event)
        seen_edges.append(sorted(g.edges, key=lambda e: (e.dst, e.port)))

    g.subscribe(listener)
    g.add_node("Input", "x", value=2.0)
    g.add_node("Square", "s")
    g.connect("x", "s", 0)
    g.set_param("x", "value", 3.0)
    g.set_name("s", "제곱")
    g.move("s", (10, 20))
    g.add_node("Pow", "p")
    g.set_param("p", "exponent", 3)
    g.connect("s", "p", 0)
    g.disconnect("p", 0)
    assert events == [
        GraphEvent("node_added", "x"),
        GraphEvent("node_added", "s"),
        GraphEvent("edge_added", "s", Edge("x", "s", 0)),
        GraphEvent("param_changed", "x", key="value"),
        GraphEvent("node_renamed", "s"),
        GraphEvent("node_moved", "s"),
        GraphEvent("node_added", "p"),
        GraphEvent("param_changed", "p", key="exponent"),
        GraphEvent("edge_added", "p", Edge("s", "p", 0)),
        GraphEvent("edge_removed", "p", Edge("s", "p", 0)),
    ]
    # Listeners run after the change: the graph already shows it.
    assert seen_edges[2] == [Edge("x", "s", 0)]
    assert seen_edges[9] == [Edge("x", "s", 0)]
    assert g.node("s").name == "제곱"
    assert g.node("s").pos == (10.0, 20.0)
    del events[:]
    g.remove_node("s")
    assert events == [
        GraphEvent("edge_removed", "s", Edge("x", "s", 0)),
        GraphEvent("node_removed", "s"),
    ]
    g.unsubscribe(listener)
    g.add_node("Input", "y")
    assert len(events) == 2


def test_extra_keys_are_edits_too() -> None:
    g = base()
    events: list[GraphEvent] = []
    g.subscribe(events.append)
    versions = g.structure_version, g.value_version
    g.set_extra("a", "trainable", True)
    assert g.node("a").extra == {"trainable": True}
    g.set_extra("a", "trainable", None)
    assert g.node("a").extra == {}
    assert events == [
        GraphEvent("extra_changed", "a", key="trainable"),
        GraphEvent("extra_changed", "a", key="trainable"),
    ]
    assert (g.structure_version, g.value_version) == versions


def test_versions_tell_structure_from_values() -> None:
    g = base()
    s, v = g.structure_version, g.value_version
    g.set_param("a", "value", 5.0)
    assert (g.structure_version, g.value_version) == (s, v + 1)
    g.set_param("o", "grad", 2.0)
    assert (g.structure_version, g.value_version) == (s, v + 2)
    g.set_param("p", "exponent", 4)
    assert g.structure_version == s + 1
    g.connect("c", "t", 1)
    assert g.structure_version == s + 2
    g.move("a", (1, 1))
    g.set_name("a", "x")
    assert (g.structure_version, g.value_version) == (s + 2, v + 2)


def test_params_are_normalised() -> None:
    g = Graph()
    x = g.add_node("Input", "x")
    p = g.add_node("Pow", "p")
    o = g.add_node("Output", "o")
    assert x.params["value"].shape == () and x.params["value"] == 0.0
    assert p.params["exponent"] == 2.0
    assert o.params["grad"] is None
    g.set_param("x", "value", [1, 2])
    assert x.params["value"].dtype == np.float64
    assert not x.params["value"].flags.writeable
    g.set_param("p", "exponent", 3)
    assert isinstance(p.params["exponent"], float)
    assert g.check_param("x", "value", [[1, 2]]).shape == (1, 2)
    np.testing.assert_array_equal(x.params["value"], [1.0, 2.0])  # check_param changes nothing


# -- removing, reading, copying ---------------------------------------------------------


def test_remove_node_returns_its_wires_and_takes_them_away() -> None:
    g = base()
    g.connect("c", "t", 1)
    removed = g.remove_node("t")
    assert set(removed) == {Edge("a", "t", 0), Edge("c", "t", 1), Edge("t", "s", 0)}
    assert "t" not in g
    assert all("t" not in (e.src, e.dst) for e in g.edges)
    assert g.consumers("a") == [] and g.consumers("c") == []
    assert g.source("s", 0) is None
    g.connect("a", "s", 0)  # the freed port takes a new wire
    assert g.in_edges("s") == [Edge("a", "s", 0)]


def test_remove_node_with_fan_out() -> None:
    g = build(
        [
            ("x", "Input", [], {"value": 1.0}),
            ("m", "Mul", ["x", "x"], {}),
            ("n", "Neg", ["x"], {}),
        ]
    )
    removed = g.remove_node("x")
    assert sorted(removed, key=lambda e: (e.dst, e.port)) == [
        Edge("x", "m", 0),
        Edge("x", "m", 1),
        Edge("x", "n", 0),
    ]
    assert list(g.edges) == []


def test_reading_helpers() -> None:
    g = base()
    assert len(g) == 6
    assert g.source("t", 0) == "a" and g.source("t", 1) is None
    assert g.consumers("s") == [Edge("s", "o", 0), Edge("s", "p", 0)]
    assert g.in_edges("t") == [Edge("a", "t", 0)]
    assert g.upstream("o") == {"o", "s", "t", "a"}
    assert g.downstream("t") == {"t", "s", "o", "p"}
    assert g.node("c").label == "시그마" and g.node("c").who == "시그마"
    assert g.node("t").label == "Add" and g.node("t").who == "t"
    assert g.node("o").has_output is False and g.node("o").ports == ("x",)


def test_new_id_never_collides() -> None:
    g = Graph()
    g.add_node("Input", "input1")
    g.add_node("Input", "input2")
    made = {g.add_node("Input").id for _ in range(5)}
    assert len(made) == 5
    assert not made & {"input1", "input2"}
    assert all(n.startswith("input") for n in made)


def test_copy_is_deep_and_has_no_listeners() -> None:
    g = base()
    heard = []
    g.subscribe(heard.append)
    c = g.copy()
    assert state(c) == state(g)
    c.connect("c", "t", 1)
    c.set_param("a", "value", 7.0)
    c.set_name("a", "other")
    assert g.source("t", 1) is None
    assert g.node("a").params["value"] == 1.0
    assert g.node("a").name == ""
    assert heard == []


# -- whole-graph algorithms -----------------------------------------------------------


@pytest.mark.parametrize("seed", range(10))
def test_topological_order_on_random_graphs(seed: int) -> None:
    spec, _ = random_spec(np.random.default_rng(seed), 35)
    g = build(spec)
    order = g.topological_order()
    assert sorted(order) == sorted(g.nodes)
    where = {n: i for i, n in enumerate(order)}
    for e in g.edges:
        assert where[e.src] < where[e.dst]


def ladder(n: int) -> Graph:
    """n0, n1 (open Neg nodes), then n_i = Add(n_{i-1}, n_{i-2}): Fibonacci(n) paths."""
    g = Graph()
    g.add_node("Neg", "n0")
    g.add_node("Neg", "n1")
    g.connect("n0", "n1", 0)
    for i in range(2, n):
        g.add_node("Add", f"n{i}")
        g.connect(f"n{i - 1}", f"n{i}", 0)
        g.connect(f"n{i - 2}", f"n{i}", 1)
    return g


def braid(layers: int) -> Graph:
    """Two nodes per layer, each wired to both of the layer before: 2^layers paths."""
    g = Graph()
    g.add_node("Neg", "b0_0")
    g.add_node("Neg", "b0_1")
    for i in range(1, layers):
        for j in range(2):
            g.add_node("Add", f"b{i}_{j}")
            g.connect(f"b{i - 1}_0", f"b{i}_{j}", 0)
            g.connect(f"b{i - 1}_1", f"b{i}_{j}", 1)
    return g


def cycle_names(message: str) -> list[str]:
    prefix = "this wire would make a cycle: "
    assert message.startswith(prefix)
    return message[len(prefix) :].split(" → ")


def assert_is_a_real_cycle(g: Graph, names: list[str], src: str, dst: str) -> None:
    assert names[0] == names[-1] == src
    assert names[1] == dst
    wired = {(e.src, e.dst) for e in g.edges}
    for a, b in itertools.pairwise(names[1:]):
        assert (a, b) in wired


@pytest.mark.parametrize(
    ("make", "first", "last"),
    [(lambda: ladder(56), "n0", "n55"), (lambda: braid(60), "b0_0", "b59_1")],
    ids=["ladder-56 (1.4e11 paths)", "braid-60 (5.8e17 paths)"],
)
def test_cycle_check_on_fan_out_heavy_graphs(make, first: str, last: str) -> None:
    g = make()
    g.add_node("Input", "free", value=1.0)
    # No cycle: the search must visit everything downstream of `first` once.
    g.check_connect("free", first, 0)
    g.connect("free", first, 0)
    g.disconnect(first, 0)
    with pytest.raises(GraphError) as info:
        g.check_connect(last, first, 0)
    names = cycle_names(str(info.value))
    assert_is_a_real_cycle(g, names, last, first)
    edges_before = sorted((e.src, e.dst, e.port) for e in g.edges)
    with pytest.raises(GraphError):
        g.connect(last, first, 0)
    assert sorted((e.src, e.dst, e.port) for e in g.edges) == edges_before
    assert len(g.topological_order()) == len(g)


def test_cycle_check_on_a_long_chain() -> None:
    n = 20_000
    g = Graph()
    g.add_node("Neg", "c0")
    for i in range(1, n):
        g.add_node("Neg", f"c{i}")
        g.connect(f"c{i - 1}", f"c{i}", 0)
    g.add_node("Input", "free")
    g.check_connect("free", "c0", 0)
    with pytest.raises(GraphError) as info:
        g.check_connect(f"c{n - 1}", "c0", 0)
    names = cycle_names(str(info.value))
    assert names == [f"c{n - 1}"] + [f"c{i}" for i in range(n)]
    assert [c for c in g.topological_order() if c != "free"] == [f"c{i}" for i in range(n)]
    assert g.downstream("c0") == {f"c{i}" for i in range(n)}
    assert g.upstream(f"c{n - 1}") == {f"c{i}" for i in range(n)}
