"""Reading, validating and writing graph files (FILE-FORMAT.md)."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from graphkit import EXAMPLE_FILES, build, example, random_spec, state
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nodeeditor.model import Graph, GraphFileError, dumps, evaluate, fileformat, load, loads, save
from nodeeditor.model.fileformat import from_document, to_document


def doc(nodes=None, edges=None, **top) -> str:
    d = {
        "format": "nodeeditor-graph",
        "version": 1,
        "nodes": nodes
        if nodes is not None
        else [
            {"id": "x", "type": "Input", "value": 2.0},
            {"id": "o", "type": "Output"},
        ],
        "edges": edges if edges is not None else [{"from": "x", "to": "o", "port": 0}],
    }
    d.update(top)
    return json.dumps(d, ensure_ascii=False)


def one(node: dict) -> str:
    return doc(nodes=[node], edges=[])


def with_value(text: str) -> str:
    """A file whose one Input has the raw JSON ``text`` as its value."""
    return (
        '{"format": "nodeeditor-graph", "version": 1, '
        f'"nodes": [{{"id": "a", "type": "Input", "value": {text}}}], "edges": []}}'
    )


INPUTS4 = [{"id": f"n{i}", "type": "Input", "value": 1} for i in range(4)]
X = {"id": "x", "type": "Input", "value": 1}
OUT = {"id": "o", "type": "Output"}

BROKEN = [
    # what, text, where, str(exception)
    ("not JSON", "hello", "", "invalid JSON at line 1 column 1: Expecting value"),
    ("empty", "", "", "the JSON ends too early (is the file cut off?) at line 1"),
    ("truncated", doc()[:40], "", "the JSON ends too early (is the file cut off?) at line 1"),
    (
        "truncated on line 3",
        doc().replace(", ", ",\n")[:80],
        "",
        "the JSON ends too early (is the file cut off?) at line 4",
    ),
    ("extra data", doc() + "x", "", f"invalid JSON at line 1 column {len(doc()) + 1}: Extra data"),
    (
        "top-level array",
        "[]",
        "top level",
        "top level: expected a JSON object at the top, got an array",
    ),
    (
        "top-level text",
        '"x"',
        "top level",
        'top level: expected a JSON object at the top, got the text "x"',
    ),
    (
        "top-level null",
        "null",
        "top level",
        "top level: expected a JSON object at the top, got null",
    ),
    (
        "format missing",
        json.dumps({"version": 1, "nodes": [], "edges": []}),
        "format",
        'format: expected "nodeeditor-graph", got missing: this is not a graph file',
    ),
    (
        "unknown format",
        doc(format="other"),
        "format",
        'format: expected "nodeeditor-graph", got "other": this is not a graph file',
    ),
    (
        "newer version",
        doc(version=3),
        "version",
        "version: the file was made by a newer version of the app (format version 3; "
        "this app reads up to version 2); please update Backprop Studio",
    ),
    (
        "version missing",
        json.dumps({"format": "nodeeditor-graph", "nodes": [], "edges": []}),
        "version",
        "version: expected a whole number, got missing",
    ),
    ("version text", doc(version="1"), "version", 'version: expected a whole number, got "1"'),
    ("version boolean", doc(version=True), "version", "version: expected a whole number, got true"),
    ("version zero", doc(version=0), "version", "version: unknown format version 0"),
    (
        "nodes missing",
        json.dumps({"format": "nodeeditor-graph", "version": 1, "edges": []}),
        "nodes",
        "nodes: missing",
    ),
    ("nodes an object", doc(nodes={}), "nodes", "nodes: expected an array, got an object"),
    (
        "edges missing",
        json.dumps({"format": "nodeeditor-graph", "version": 1, "nodes": []}),
        "edges",
        "edges: missing",
    ),
    ("edges text", doc(edges="x"), "edges", 'edges: expected an array, got the text "x"'),
    ("node a number", doc(nodes=[1]), "nodes[0]", "nodes[0]: expected an object, got the number 1"),
    ("id missing", one({"type": "Input"}), "nodes[0].id", "nodes[0].id: missing"),
    (
        "id a number",
        one({"id": 3, "type": "Input"}),
        "nodes[0].id",
        "nodes[0].id: expected text, got the number 3",
    ),
    (
        "id empty",
        one({"id": "", "type": "Input", "value": 1}),
        "nodes[0].id",
        "nodes[0].id: must not be empty",
    ),
    ("type missing", one({"id": "a"}), "nodes[0].type", "nodes[0].type: missing"),
    (
        "unknown type",
        doc(nodes=[*INPUTS4, {"id": "n4", "type": "Squre"}], edges=[]),
        "nodes[4].type",
        'nodes[4].type: unknown node type "Squre"',
    ),
    (
        "type in lower case",
        one({"id": "a", "type": "input", "value": 1}),
        "nodes[0].type",
        'nodes[0].type: unknown node type "input"',
    ),
    (
        "name a number",
        one({"id": "a", "type": "Input", "value": 1, "name": 5}),
        "nodes[0].name",
        "nodes[0].name: expected text, got the number 5",
    ),
    (
        "value missing",
        one({"id": "a", "type": "Input"}),
        "nodes[0].value",
        "nodes[0].value: missing",
    ),
    (
        "value on Add",
        one({"id": "a", "type": "Add", "value": 1}),
        "nodes[0].value",
        "nodes[0].value: only Input nodes have a value, not Add",
    ),
    (
        "exponent on Input",
        one({"id": "a", "type": "Input", "value": 1, "exponent": 2}),
        "nodes[0].exponent",
        "nodes[0].exponent: only Pow nodes have an exponent, not Input",
    ),
    (
        "exponent missing",
        one({"id": "a", "type": "Pow"}),
        "nodes[0].exponent",
        "nodes[0].exponent: missing",
    ),
    (
        "exponent text",
        one({"id": "a", "type": "Pow", "exponent": "2"}),
        "nodes[0].exponent",
        'nodes[0].exponent: expected a number, got the text "2"',
    ),
    (
        "exponent boolean",
        one({"id": "a", "type": "Pow", "exponent": True}),
        "nodes[0].exponent",
        "nodes[0].exponent: expected a number, got true/false",
    ),
    (
        "exponent huge",
        one({"id": "a", "type": "Pow", "exponent": 10**400}),
        "nodes[0].exponent",
        "nodes[0].exponent: must be a finite number",
    ),
    (
        "grad on Input",
        one({"id": "a", "type": "Input", "value": 1, "grad": 1}),
        "nodes[0].grad",
        "nodes[0].grad: only Output nodes have a grad, not Input",
    ),
    (
        "grad text",
        one({"id": "a", "type": "Output", "grad": "1"}),
        "nodes[0].grad",
        "nodes[0].grad: must be a number or a list of numbers, not text",
    ),
    (
        "ragged value",
        with_value("[[1, 2], [3]]"),
        "nodes[0].value",
        "nodes[0].value: is a ragged list: its rows must all have the same length",
    ),
    (
        "ragged mix",
        with_value("[1, [2]]"),
        "nodes[0].value",
        "nodes[0].value: is a ragged list: its rows must all have the same length",
    ),
    (
        "NaN value",
        with_value("[1, NaN]"),
        "nodes[0].value",
        "nodes[0].value: must be finite numbers (no NaN or infinity)",
    ),
    (
        "Infinity value",
        with_value("-Infinity"),
        "nodes[0].value",
        "nodes[0].value: must be finite numbers (no NaN or infinity)",
    ),
    (
        "overflowing value",
        with_value("1e999"),
        "nodes[0].value",
        "nodes[0].value: is too large to be a finite number",
    ),
    (
        "huge integer value",
        with_value("1" + "0" * 400),
        "nodes[0].value",
        "nodes[0].value: is too large to be a finite number",
    ),
    (
        "string value",
        with_value('"2"'),
        "nodes[0].value",
        "nodes[0].value: must be a number or a list of numbers, not text",
    ),
    (
        "boolean value",
        with_value("[1, true]"),
        "nodes[0].value",
        "nodes[0].value: must be a number, not true/false",
    ),
    (
        "null value",
        with_value("null"),
        "nodes[0].value",
        "nodes[0].value: must be a number or a list of numbers, not null",
    ),
    (
        "object value",
        with_value('{"a": 1}'),
        "nodes[0].value",
        "nodes[0].value: must be a number or a list of numbers, not an object",
    ),
    (
        "3-D value",
        with_value("[[[1]]]"),
        "nodes[0].value",
        "nodes[0].value: must be a number, a vector or a matrix (nested at most 2 deep)",
    ),
    ("empty value", with_value("[]"), "nodes[0].value", "nodes[0].value: is an empty list"),
    ("empty rows", with_value("[[], []]"), "nodes[0].value", "nodes[0].value: is an empty list"),
    (
        "pos one number",
        one({"id": "a", "type": "Input", "value": 1, "pos": [1]}),
        "nodes[0].pos",
        "nodes[0].pos: expected [x, y], got an array",
    ),
    (
        "pos text",
        one({"id": "a", "type": "Input", "value": 1, "pos": "0,0"}),
        "nodes[0].pos",
        'nodes[0].pos: expected [x, y], got the text "0,0"',
    ),
    (
        "pos y text",
        one({"id": "a", "type": "Input", "value": 1, "pos": [0, "1"]}),
        "nodes[0].pos[1]",
        'nodes[0].pos[1]: expected a number, got the text "1"',
    ),
    (
        "NaN in a kept key",
        doc(nodes=[{**X, "color": math.nan}], edges=[]),
        "nodes[0].color",
        "nodes[0].color: NaN and infinity are not valid JSON numbers",
    ),
    (
        "duplicate id",
        doc(nodes=[X, OUT, {"id": "x", "type": "Output"}], edges=[]),
        "nodes[2].id",
        'nodes[2].id: duplicate id "x" (first used at nodes[0])',
    ),
    (
        "edge an array",
        doc(edges=[[1, 2]]),
        "edges[0]",
        "edges[0]: expected an object, got an array",
    ),
    (
        "edge from missing",
        doc(edges=[{"to": "o", "port": 0}]),
        "edges[0].from",
        "edges[0].from: missing",
    ),
    (
        "edge to missing",
        doc(edges=[{"from": "x", "port": 0}]),
        "edges[0].to",
        "edges[0].to: missing",
    ),
    (
        "edge port missing",
        doc(edges=[{"from": "x", "to": "o"}]),
        "edges[0].port",
        "edges[0].port: missing",
    ),
    (
        "port text",
        doc(edges=[{"from": "x", "to": "o", "port": "0"}]),
        "edges[0].port",
        'edges[0].port: expected a whole number, got the text "0"',
    ),
    (
        "port boolean",
        doc(edges=[{"from": "x", "to": "o", "port": False}]),
        "edges[0].port",
        "edges[0].port: expected a whole number, got true/false",
    ),
    (
        "port float",
        doc(edges=[{"from": "x", "to": "o", "port": 0.0}]),
        "edges[0].port",
        "edges[0].port: expected a whole number, got the number 0.0",
    ),
    (
        "dangling from",
        doc(edges=[{"from": "q", "to": "o", "port": 0}]),
        "edges[0].from",
        'edges[0].from: no node has the id "q"',
    ),
    (
        "dangling to",
        doc(edges=[{"from": "x", "to": "q", "port": 0}]),
        "edges[0].to",
        'edges[0].to: no node has the id "q"',
    ),
    (
        "port out of range",
        doc(edges=[{"from": "x", "to": "o", "port": 1}]),
        "edges[0].port",
        'edges[0].port: Output node "o" has only input port 0, not 1',
    ),
    (
        "port negative",
        doc(edges=[{"from": "x", "to": "o", "port": -1}]),
        "edges[0].port",
        'edges[0].port: Output node "o" has only input port 0, not -1',
    ),
    (
        "port 2 of Add",
        doc(nodes=[X, {"id": "a", "type": "Add"}], edges=[{"from": "x", "to": "a", "port": 2}]),
        "edges[0].port",
        'edges[0].port: Add node "a" has input ports 0 to 1, not 2',
    ),
    (
        "wire into an Input",
        doc(
            nodes=[X, {"id": "y", "type": "Input", "value": 1}],
            edges=[{"from": "x", "to": "y", "port": 0}],
        ),
        "edges[0].port",
        'edges[0].port: Input node "y" has no input ports, not 0',
    ),
    (
        "two wires on one port",
        doc(
            nodes=[X, {"id": "y", "type": "Input", "value": 1}, OUT],
            edges=[{"from": "x", "to": "o", "port": 0}, {"from": "y", "to": "o", "port": 0}],
        ),
        "edges[1]",
        'edges[1]: port 0 of "o" already has a wire (edges[0]); an input takes one wire',
    ),
    (
        "edge out of an Output",
        doc(
            nodes=[OUT, {"id": "o2", "type": "Output"}],
            edges=[{"from": "o", "to": "o2", "port": 0}],
        ),
        "edges[0].from",
        'edges[0].from: "o" is an Output node: it has no output',
    ),
    (
        "cycle",
        doc(
            nodes=[
                {"id": "a", "type": "Neg"},
                {"id": "b", "type": "Neg"},
                {"id": "c", "type": "Sin"},
            ],
            edges=[
                {"from": "a", "to": "b", "port": 0},
                {"from": "b", "to": "c", "port": 0},
                {"from": "c", "to": "a", "port": 0},
            ],
        ),
        "edges[2]",
        "edges[2]: the wires make a cycle: c → a → b → c",
    ),
    (
        "self loop",
        doc(nodes=[{"id": "a", "type": "Neg"}], edges=[{"from": "a", "to": "a", "port": 0}]),
        "edges[0]",
        "edges[0]: the wires make a cycle: a → a",
    ),
    ("nested too deeply", "[" * 100_000 + "]" * 100_000, "", "the JSON is nested too deeply"),
    (
        "a number with 5000 digits",
        doc(big=0)[:-2] + "9" * 5000 + "}",
        "",
        "invalid JSON: a number has too many digits",
    ),
    (
        "too many nodes",
        doc(nodes=[0] * 1_000_001, edges=[]),
        "nodes",
        "nodes: 1000001 nodes; at most 1000000 are allowed",
    ),
    (
        "too many edges",
        doc(nodes=[], edges=[0] * 4_000_001),
        "edges",
        "edges: 4000001 edges; at most 4000000 are allowed",
    ),
    (
        "huge vector",
        with_value(json.dumps([0] * 1_000_001)),
        "nodes[0].value",
        "nodes[0].value: has 1000001 elements; at most 1000000 are allowed",
    ),
    (
        "huge matrix",
        with_value(json.dumps([[0] * 1001] * 1000)),
        "nodes[0].value",
        "nodes[0].value: has 1001000 elements; at most 1000000 are allowed",
    ),
]


@pytest.mark.parametrize(("text", "where", "message"), [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN])
def test_broken_file_gives_its_exact_error(text: str, where: str, message: str) -> None:
    with pytest.raises(GraphFileError) as info:
        loads(text)
    assert str(info.value) == message
    assert info.value.where == where
    assert isinstance(info.value, ValueError)


def test_newer_version_says_so() -> None:
    with pytest.raises(GraphFileError, match="made by a newer version of the app"):
        loads(doc(version=99))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("café".encode("latin-1"), "not UTF-8 text (byte 0xe9 at offset 3)"),
        (doc().encode("utf-16"), "not UTF-8 text (byte 0xff at offset 0)"),
        (b"\x00\x9f", "not UTF-8 text (byte 0x9f at offset 1)"),
    ],
)
def test_not_utf8(data: bytes, message: str) -> None:
    with pytest.raises(GraphFileError) as info:
        loads(data)
    assert str(info.value) == message


@pytest.mark.parametrize("data", [b"\xef\xbb\xbf" + doc().encode(), "\ufeff" + doc()])
def test_byte_order_mark_is_accepted(data) -> None:
    assert sorted(loads(data).nodes) == ["o", "x"]


def test_bytes_and_text_load_the_same() -> None:
    text = doc(nodes=[{"id": "가", "type": "Input", "value": 1, "name": "사과"}], edges=[])
    assert state(loads(text)) == state(loads(text.encode("utf-8")))


# -- load() from disk ----------------------------------------------------------


def test_missing_file(tmp_path) -> None:
    with pytest.raises(GraphFileError) as info:
        load(tmp_path / "nope.bpgraph")
    assert str(info.value) == "cannot read the file: No such file or directory"


def test_directory(tmp_path) -> None:
    with pytest.raises(GraphFileError) as info:
        load(tmp_path)
    assert str(info.value) == "cannot read the file: Is a directory"


def test_file_too_large(tmp_path, monkeypatch) -> None:
    path = tmp_path / "big.bpgraph"
    path.write_text(doc(), encoding="utf-8")
    monkeypatch.setattr(fileformat, "MAX_BYTES", 10)
    with pytest.raises(GraphFileError) as info:
        load(path)
    assert str(info.value) == f"the file is {path.stat().st_size} bytes; at most 10 are read"


@pytest.mark.parametrize("name", ["graph.json", "graph.bpgraph", "graph", "그래프.txt"])
def test_any_extension_opens(tmp_path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(example("buying_apples").read_bytes())
    r = evaluate(load(path))
    assert r.loss == pytest.approx(220)


# -- writing and round trips ---------------------------------------------------


def korean_graph() -> Graph:
    g = build(
        [
            ("사과", "Input", [], {"value": 100.0}),
            ("개수", "Input", [], {"value": [[1.0, 2.0], [3.0, 4.5]]}),
            ("곱", "Mul", ["사과", "개수"], {}),
            ("p", "Pow", ["곱"], {"exponent": -0.5}),
            ("출력", "Output", ["p"], {"grad": [[1.0, -1.0], [0.5, 2.0]]}),
            ("o2", "Output", ["곱"], {}),
        ]
    )
    g.set_name("사과", "사과 가격")
    g.set_name("곱", 'σ(x) "quoted" \\ back')
    g.move("사과", (0, -60.5))
    g.move("개수", (1e20, 3))
    g.nodes["곱"].extra["color"] = {"rgb": [1, 2, 3], "note": "빨강"}
    return g


def test_dumps_is_readable_utf8_without_escapes(tmp_path) -> None:
    g = korean_graph()
    path = tmp_path / "k.bpgraph"
    save(g, path)
    raw = path.read_bytes()
    assert b"\\u" not in raw
    assert "사과 가격".encode() in raw
    assert raw.decode("utf-8") == dumps(g)
    text = dumps(g)
    assert text.endswith("}\n")
    # One node or edge per line.
    assert sum(1 for line in text.splitlines() if '"id": ' in line) == len(g)
    assert sum(1 for line in text.splitlines() if '"from": ' in line) == len(list(g.edges))
    assert json.loads(text) == to_document(g)


ROUND_TRIP_SOURCES = [*EXAMPLE_FILES, "korean", "random", "no-pos", "empty"]


def round_trip_graph(source) -> Graph:
    """A loaded graph (loading fills in missing positions, so start from a load)."""
    if source == "korean":
        return loads(dumps(korean_graph()))
    if source == "random":
        spec, _ = random_spec(np.random.default_rng(7), 30)
        return loads(dumps(build(spec)))
    if source == "no-pos":
        return loads(doc())
    if source == "empty":
        return loads(doc(nodes=[], edges=[]))
    return load(source)


@pytest.mark.parametrize("source", ROUND_TRIP_SOURCES, ids=lambda s: getattr(s, "stem", s))
def test_round_trip_is_byte_identical(tmp_path, source) -> None:
    g1 = round_trip_graph(source)
    first, second = tmp_path / "1.bpgraph", tmp_path / "2.bpgraph"
    save(g1, first)
    g2 = load(first)
    save(g2, second)
    assert first.read_bytes() == second.read_bytes()
    assert state(g2) == state(g1)
    assert sorted(g2.edges, key=str) == sorted(g1.edges, key=str)
    g3 = from_document(to_document(g2))
    assert state(g3) == state(g1)


def test_save_leaves_no_temporary_file(tmp_path) -> None:
    save(korean_graph(), tmp_path / "a.bpgraph")
    save(korean_graph(), tmp_path / "a.bpgraph")  # over an existing file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.bpgraph"]


def test_save_into_a_missing_folder_is_a_graph_file_error(tmp_path) -> None:
    path = tmp_path / "no" / "such" / "a.bpgraph"
    with pytest.raises(GraphFileError) as info:
        save(korean_graph(), path)
    assert str(info.value) == f"cannot save {path}: the folder does not exist"


def test_save_of_an_unencodable_name_is_a_graph_file_error(tmp_path) -> None:
    g = Graph()  # the loader refuses a lone surrogate; code can still make one
    g.add_node("Input", "x", value=1.0)
    g.set_name("x", "\ud800")
    with pytest.raises(GraphFileError) as info:
        save(g, tmp_path / "a.bpgraph")
    assert str(info.value) == (
        f"cannot save {tmp_path / 'a.bpgraph'}: "
        "a text in the graph holds \\ud800, half of a UTF-16 surrogate pair"
    )
    assert list(tmp_path.iterdir()) == []


def test_unknown_node_keys_are_kept() -> None:
    text = doc(
        nodes=[
            {
                "id": "x",
                "type": "Input",
                "value": 1,
                "color": "#ff0000",
                "meta": {"a": [1, 2, None]},
            },
            {"id": "o", "type": "Output", "comment": "손실"},
        ]
    )
    g = loads(text)
    assert g.nodes["x"].extra == {"color": "#ff0000", "meta": {"a": [1, 2, None]}}
    assert g.nodes["o"].extra == {"comment": "손실"}
    again = json.loads(dumps(g))
    assert again["nodes"][0]["color"] == "#ff0000"
    assert again["nodes"][0]["meta"] == {"a": [1, 2, None]}
    assert again["nodes"][1]["comment"] == "손실"
    assert state(loads(dumps(g))) == state(g)


def test_other_top_level_keys_are_allowed() -> None:
    g = loads(doc(generator="a teacher's script", comment={"ko": "숙제"}))
    assert sorted(g.nodes) == ["o", "x"]
    assert evaluate(g).loss == 2.0


def test_values_and_params_load_as_float_arrays() -> None:
    g = loads(
        doc(
            nodes=[
                {"id": "v", "type": "Input", "value": [1, 2, 3]},
                {"id": "m", "type": "Input", "value": [[1, 2], [3, 4]]},
                {"id": "s", "type": "Input", "value": 7},
                {"id": "p", "type": "Pow", "exponent": 3},
                {"id": "o", "type": "Output", "grad": [1, 2, 3]},
                {"id": "o2", "type": "Output"},
            ],
            edges=[{"from": "v", "to": "o", "port": 0}, {"from": "s", "to": "p", "port": 0}],
        )
    )
    assert g.nodes["v"].params["value"].shape == (3,)
    assert g.nodes["m"].params["value"].shape == (2, 2)
    assert g.nodes["s"].params["value"].shape == ()
    assert all(g.nodes[n].params["value"].dtype == np.float64 for n in "vms")
    assert g.nodes["p"].params["exponent"] == 3.0
    np.testing.assert_array_equal(g.nodes["o"].params["grad"], [1.0, 2.0, 3.0])
    assert g.nodes["o2"].params["grad"] is None


# -- automatic layout -------------------------------------------------------------


def strip_pos(text: str) -> str:
    d = json.loads(text)
    for nd in d["nodes"]:
        nd.pop("pos", None)
    return json.dumps(d, ensure_ascii=False)


def assert_left_to_right(g: Graph) -> None:
    assert all(n.pos is not None for n in g.nodes.values())
    for e in g.edges:
        assert g.nodes[e.src].pos[0] < g.nodes[e.dst].pos[0], e
    spots = [n.pos for n in g.nodes.values()]
    assert len(set(spots)) == len(spots)  # no two nodes on one spot


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_files_without_pos_are_laid_out_left_to_right(path) -> None:
    assert_left_to_right(loads(strip_pos(path.read_text(encoding="utf-8"))))


@pytest.mark.parametrize("seed", range(6))
def test_random_graphs_without_pos_are_laid_out_left_to_right(seed: int) -> None:
    spec, _ = random_spec(np.random.default_rng(seed), 30)
    g = build(spec)
    g2 = loads(strip_pos(dumps(g)))
    assert_left_to_right(g2)
    assert dumps(loads(dumps(g2))) == dumps(g2)  # laid-out positions are saved and kept


def test_only_missing_positions_are_filled_in() -> None:
    d = json.loads(example("buying_apples").read_text(encoding="utf-8"))
    d["nodes"][0].pop("pos")
    g = loads(json.dumps(d))
    for nd in d["nodes"][1:]:
        assert g.nodes[nd["id"]].pos == tuple(float(v) for v in nd["pos"])
    assert g.nodes[d["nodes"][0]["id"]].pos is not None


# -- fuzzing: loads() returns a Graph or raises GraphFileError, nothing else -------------

JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(10**30), 10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=8)
    | st.sampled_from(["Input", "Output", "Add", "Pow", "x", "o", "nodeeditor-graph", ""])
)
JSON = st.recursive(
    JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=20,
)
KEYS = [
    "format",
    "version",
    "nodes",
    "edges",
    "id",
    "type",
    "name",
    "value",
    "exponent",
    "grad",
    "pos",
    "from",
    "to",
    "port",
    "trainable",
    "lesson",
    "exercise",
    "hidden",
    "answers",
    "node",
    "edge",
    "what",
]


def try_load(data) -> Graph | None:
    try:
        g = loads(data)
    except GraphFileError as exc:
        assert str(exc)
        return None
    assert isinstance(g, Graph)
    # Whatever loads must save, load again and evaluate.
    text = dumps(g)
    assert dumps(loads(text)) == text
    evaluate(g)
    return g


FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(JSON)
def test_fuzz_random_json(value) -> None:
    try_load(json.dumps(value))


@FUZZ
@given(st.dictionaries(st.sampled_from(KEYS), JSON, max_size=5))
def test_fuzz_random_top_level_objects(value) -> None:
    value.setdefault("format", "nodeeditor-graph")
    try_load(json.dumps(value))


def valid_document() -> dict:
    return json.loads(example("apples_and_oranges").read_text(encoding="utf-8"))


@st.composite
def mutated_documents(draw) -> dict:
    d = valid_document()
    for _ in range(draw(st.integers(1, 4))):
        target = draw(st.sampled_from(["top", "node", "node", "node", "edge", "edge"]))
        if target == "top":
            obj = d
        elif target == "node" and d.get("nodes") and isinstance(d["nodes"], list):
            obj = d["nodes"][draw(st.integers(0, len(d["nodes"]) - 1))]
        elif target == "edge" and d.get("edges") and isinstance(d["edges"], list):
            obj = d["edges"][draw(st.integers(0, len(d["edges"]) - 1))]
        else:
            continue
        if not isinstance(obj, dict):
            continue
        action = draw(st.sampled_from(["delete", "replace", "replace", "set", "set", "copy"]))
        key = draw(st.sampled_from(KEYS))
        if action == "delete":
            obj.pop(key, None)
        elif action == "replace" and obj:
            obj[draw(st.sampled_from(sorted(obj)))] = draw(JSON)
        elif action == "set":
            obj[key] = draw(JSON)
        elif action == "copy" and isinstance(d.get("nodes"), list) and isinstance(d.get("edges"), list):
            d["edges"].append(draw(st.sampled_from(d["edges"] or [{}])))
            d["nodes"].append(draw(st.sampled_from(d["nodes"] or [{}])))
    return d


@FUZZ
@given(mutated_documents())
def test_fuzz_mutations_of_a_valid_document(d) -> None:
    try_load(json.dumps(d, ensure_ascii=False))
    try_load(json.dumps(d, ensure_ascii=False).encode("utf-8"))


@FUZZ
@given(st.data())
def test_fuzz_damaged_bytes(data) -> None:
    raw = bytearray(example("apples_and_oranges").read_bytes())
    for _ in range(data.draw(st.integers(1, 5))):
        i = data.draw(st.integers(0, len(raw) - 1))
        raw[i] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(0, len(raw)))
    try_load(bytes(raw[:cut]) if data.draw(st.booleans()) else bytes(raw))


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=60))
def test_fuzz_any_text(text: str) -> None:
    try_load(text)


def test_mutation_fuzzer_produces_loadable_and_broken_files() -> None:
    """The fuzzers above would be useless if every input broke at the same spot."""
    valid = valid_document()
    assert try_load(json.dumps(valid)) is not None
    broken = dict(valid, nodes=valid["nodes"] + [{"id": "zz", "type": "Squre"}])
    assert try_load(json.dumps(broken)) is None


def test_read_document_then_from_document_is_load(tmp_path) -> None:
    path = tmp_path / "g.bpgraph"
    path.write_text(doc(), encoding="utf-8")
    document = fileformat.read_document(path)
    assert document["nodes"][0]["id"] == "x"
    assert dumps(from_document(document)) == dumps(load(path))
    path.write_text("{", encoding="utf-8")
    with pytest.raises(GraphFileError, match="ends too early"):
        fileformat.read_document(path)
