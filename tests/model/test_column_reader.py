"""The file reader's column-at-a-time path for plain files (``fileformat._read_plain``).

It must give exactly the Graph the node-by-node reader gives, and hand every
file it does not fully understand to that reader, so each error stays the same.
"""

from __future__ import annotations

import json

import numpy as np
import pytest
from graphkit import EXAMPLE_FILES, example, state
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_fileformat import JSON, KEYS

from nodeeditor.model import GraphFileError, evaluate, fileformat, loads

UNARY = ["Neg", "Square", "Sigmoid", "Tanh", "ReLU", "Sin", "Cos", "Exp", "Pow", "Sum"]
BINARY = ["Add", "Sub", "Mul", "Div"]


def generated(n: int, seed: int = 0, pos: str = "float") -> dict:
    """A wide random scalar graph like the benchmark's, every port wired."""
    rng = np.random.default_rng(seed)
    nodes: list[dict] = [{"id": "x0", "type": "Input", "value": 0.5}]
    edges: list[dict] = []
    while len(nodes) < n - 2:
        k = len(nodes)
        if rng.random() < 0.15:
            nodes.append({"id": f"x{k}", "type": "Input", "value": float(rng.uniform(-1, 1))})
            continue
        op = rng.choice(BINARY + UNARY)
        node = {"id": f"n{k}", "type": str(op)}
        if op == "Pow":
            node["exponent"] = float(rng.choice([2.0, 3.0]))
        if rng.random() < 0.3:
            node["name"] = f"노드 {k}"
        nodes.append(node)
        for port in range(2 if op in BINARY else 1):
            edges.append({"from": nodes[int(rng.integers(0, k))]["id"], "to": node["id"], "port": port})
    for j, seed_grad in enumerate((None, 2.0)):
        out = {"id": f"out{j}", "type": "Output"}
        if seed_grad is not None:
            out["grad"] = seed_grad
        nodes.append(out)
        edges.append({"from": nodes[-2 - j]["id"], "to": out["id"], "port": 0})
    for i, node in enumerate(nodes):
        if pos == "float" or (pos == "some" and i % 3):
            node["pos"] = [float(rng.uniform(-500, 500)), float(i)]
        elif pos == "int":
            node["pos"] = [i * 10, -i]
    rng.shuffle(edges)
    return {
        "format": "nodeeditor-graph",
        "version": 1,
        "lesson": {"title": "t"},
        "nodes": nodes,
        "edges": edges,
    }


def node_by_node(monkeypatch: pytest.MonkeyPatch, text: str):
    """What the node-by-node reader alone makes of ``text``: a Graph or the error text."""
    with monkeypatch.context() as m:
        m.setattr(fileformat, "_read_plain", lambda nodes, edges: None)
        return read(text)


def read(text: str):
    try:
        return loads(text, layout=False)
    except GraphFileError as exc:
        return str(exc)


def assert_same(fast, slow) -> None:
    if isinstance(slow, str):
        assert fast == slow
        return
    assert not isinstance(fast, str), fast
    assert state(fast) == state(slow)
    assert list(fast.nodes) == list(slow.nodes)  # file order
    assert list(fast.edges) == list(slow.edges)
    assert fast.meta == slow.meta
    for a, b in zip(fast.nodes.values(), slow.nodes.values(), strict=True):
        assert type(a.pos) is type(b.pos) and (a.pos is None or all(type(v) is float for v in a.pos))
        for key, value in b.params.items():
            other = a.params[key]
            if isinstance(value, np.ndarray):
                assert other.dtype == value.dtype and other.shape == value.shape
                assert not other.flags.writeable
            else:
                assert type(other) is type(value)


@pytest.mark.parametrize("pos", ["float", "int", "some", "none"])
def test_a_generated_file_is_read_by_columns_into_the_same_graph(monkeypatch, pos: str) -> None:
    d = generated(400, seed=1, pos=pos)
    assert fileformat._read_plain(d["nodes"], d["edges"]) is not None
    text = json.dumps(d, ensure_ascii=False)
    assert_same(read(text), node_by_node(monkeypatch, text))


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_examples_read_the_same_either_way(monkeypatch, path) -> None:
    text = path.read_text(encoding="utf-8")
    assert_same(read(text), node_by_node(monkeypatch, text))


def test_keys_of_their_own_go_node_by_node() -> None:
    """``trainable`` and other keys the format keeps as they are: the column path declines."""
    for key, value in (("trainable", True), ("note", "hi")):
        d = generated(30, seed=2)
        d["nodes"][0][key] = value
        assert fileformat._read_plain(d["nodes"], d["edges"]) is None


@pytest.mark.parametrize("value", [[1.0, 2.0], [[1, 2], [3, 4]], 3, -0.0])
def test_other_values_are_read_one_by_one_the_same(monkeypatch, value) -> None:
    d = generated(30, seed=2)
    d["nodes"][0]["value"] = value
    assert fileformat._read_plain(d["nodes"], d["edges"]) is not None
    text = json.dumps(d)
    assert_same(read(text), node_by_node(monkeypatch, text))


def test_the_reader_hands_its_wiring_to_the_graph() -> None:
    """The depths computed while reading are the ones the engine plans with."""
    g = loads(json.dumps(generated(200, seed=3)), layout=False)
    assert g._wiring is not None and g._wiring[0] == g.structure_version
    assert g.wiring().depth is not None


BREAKS = [
    ("duplicate id", lambda d: d["nodes"][7].update(id=d["nodes"][3]["id"])),
    ("empty id", lambda d: d["nodes"][7].update(id="")),
    ("unknown type", lambda d: d["nodes"][7].update(type="Squre")),
    ("value on an op", lambda d: d["nodes"][-3].update(value=1.0)),
    ("Input without value", lambda d: d["nodes"][0].pop("value")),
    ("NaN value", lambda d: d["nodes"][0].update(value=float("nan"))),
    ("name not text", lambda d: d["nodes"][4].update(name=3)),
    ("pos of three", lambda d: d["nodes"][4].update(pos=[1.0, 2.0, 3.0])),
    ("pos null", lambda d: d["nodes"][4].update(pos=None)),
    ("pos true", lambda d: d["nodes"][4].update(pos=[True, 1.0])),
    ("pos too big", lambda d: d["nodes"][4].update(pos=[10**400, 1.0])),
    ("wire from nowhere", lambda d: d["edges"][3].update({"from": "ghost"})),
    ("wire to nowhere", lambda d: d["edges"][3].update(to="ghost")),
    ("port true", lambda d: d["edges"][3].update(port=True)),
    ("port out of range", lambda d: d["edges"][3].update(port=7)),
    ("negative port", lambda d: d["edges"][3].update(port=-1)),
    ("wire out of an Output", lambda d: d["edges"][3].update({"from": "out0"})),
    ("two wires on a port", lambda d: d["edges"].append(dict(d["edges"][3]))),
    (
        "cycle",
        lambda d: d["edges"].append({"from": d["edges"][0]["to"], "to": d["edges"][0]["from"], "port": 0}),
    ),
    ("edge not an object", lambda d: d["edges"].append([1, 2])),
]


@pytest.mark.parametrize("change", [b[1] for b in BREAKS], ids=[b[0] for b in BREAKS])
def test_a_broken_generated_file_gives_the_node_by_node_error(monkeypatch, change) -> None:
    d = generated(60, seed=4)
    change(d)
    text = json.dumps(d, ensure_ascii=False)
    slow = node_by_node(monkeypatch, text)
    assert isinstance(slow, str), "the change should break the file"
    assert_same(read(text), slow)


@st.composite
def damaged(draw) -> dict:
    d = generated(25, seed=draw(st.integers(0, 3)), pos=draw(st.sampled_from(["float", "int", "some"])))
    for _ in range(draw(st.integers(1, 3))):
        items = d["nodes"] if draw(st.booleans()) else d["edges"]
        obj = items[draw(st.integers(0, len(items) - 1))]
        key = draw(st.sampled_from([*KEYS, *obj]))
        if draw(st.integers(0, 3)) == 0:
            obj.pop(key, None)
        else:
            obj[key] = draw(st.one_of(JSON, st.sampled_from([o.get("id") for o in d["nodes"]])))
    return d


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged())
def test_fuzz_both_readers_agree(d) -> None:
    text = json.dumps(d, ensure_ascii=False)
    with pytest.MonkeyPatch.context() as m:
        assert_same(read(text), node_by_node(m, text))


def test_apples_and_oranges_is_plain() -> None:
    d = json.loads(example("apples_and_oranges").read_text(encoding="utf-8"))
    for node in d["nodes"]:
        node.pop("names", None)  # the lesson's Korean names make it a file of the general reader
    nodes, _ = fileformat._read_plain(d["nodes"], d["edges"])
    assert nodes.types.count("Input") == 5


def test_a_graph_read_by_columns_edits_like_any_other(monkeypatch) -> None:
    """Its wires' dict and consumer sets are made when first needed; edits see them whole."""
    text = json.dumps(generated(120, seed=5))
    fast, slow = read(text), node_by_node(monkeypatch, text)
    assert fast._wire_map is None and fast._consumer_sets is None  # nothing made yet
    assert fast._unmade is not None  # nor the Node objects
    assert fast.edge_count == slow.edge_count and len(fast) == len(slow)
    for n in slow.nodes:
        assert n in fast and fast.params_of(n) is not None and fast.name_of(n) == slow.nodes[n].name
        np.testing.assert_equal(fast.params_of(n), slow.params_of(n))
    assert fast.of_type("Input") == slow.of_type("Input") and "ghost" not in fast
    assert evaluate(fast).loss == evaluate(slow).loss
    assert fast._unmade is not None  # evaluating made none of them either
    edges = json.loads(text)["edges"]
    once = [e for e in edges if sum(o["from"] == e["from"] for o in edges) == 1]
    wire = once[0]  # its source feeds nothing else: the hardest case for the consumer sets
    for g in (fast, slow):
        g.disconnect(wire["to"], wire["port"])
        g.connect(wire["from"], wire["to"], wire["port"])
        g.remove_node("n7") if "n7" in g.nodes else None
        g.add_node("Neg", "late")
        g.connect("x0", "late", 0)
    assert_same(fast, slow)
    assert fast.consumers("x0") == slow.consumers("x0")
    assert state(fast.copy()) == state(slow.copy())
