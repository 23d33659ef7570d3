"""``nodeeditor explain`` and ``nodeeditor eval --target/--wrt`` as a user runs them."""

from __future__ import annotations

import itertools
import json
import math
from pathlib import Path

import pytest
from cli_kit import assert_one_error_line, chain, example, graph_file, run


def doubling(tmp_path: Path, stages: int) -> Path:
    """x → sin and cos → add, ``stages`` times → Output: 2^stages paths."""
    nodes = [{"id": "s0", "type": "Input", "value": 0.3}]
    edges = []
    for k in range(1, stages + 1):
        nodes += [
            {"id": f"a{k}", "type": "Sin"},
            {"id": f"b{k}", "type": "Cos"},
            {"id": f"s{k}", "type": "Add"},
        ]
        edges += [
            {"from": f"s{k - 1}", "to": f"a{k}", "port": 0},
            {"from": f"s{k - 1}", "to": f"b{k}", "port": 0},
            {"from": f"a{k}", "to": f"s{k}", "port": 0},
            {"from": f"b{k}", "to": f"s{k}", "port": 1},
        ]
    nodes.append({"id": "L", "type": "Output"})
    edges.append({"from": f"s{stages}", "to": "L", "port": 0})
    return graph_file(tmp_path, f"doubling{stages}.bpgraph", nodes, edges)


def test_explain_text_of_the_lesson(tmp_path: Path) -> None:
    proc = run("explain", example("add_square"), "x", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == [
        "03_add_square.bpgraph: dL/d(x) = 6, the sum over 1 path of wires",
        "   1. x → t → z → L: ∂L/∂z · ∂z/∂t · ∂t/∂x = 1 · 6 · 1 = 6",
        "total: 6 (the sum of every path's products); backprop gives 6",
    ]


def test_explain_json_exact_count_and_the_largest_paths(tmp_path: Path) -> None:
    f = doubling(tmp_path, 60)
    doc = json.loads(run("explain", f, "s0", "--json", cwd=tmp_path).stdout)
    assert set(doc) == {"input", "gradient", "path_count", "paths"}
    assert doc["input"] == "s0" and doc["path_count"] == 2**60  # exact, not a float
    assert len(doc["paths"]) == 20
    sizes = [abs(p["product"]) for p in doc["paths"]]
    assert all(a >= b * (1 - 1e-12) for a, b in itertools.pairwise(sizes))  # largest first (to the last bits)
    for p in doc["paths"]:
        assert len(p["wires"]) == len(p["factors"]) == 121
        assert p["wires"][0][0] == "s0" and p["wires"][-1] == ["s60", "L", 0]
        assert math.isclose(math.prod(p["factors"]), p["product"], rel_tol=1e-9)
    every = json.loads(run("explain", f, "s0", "--json", "--all", cwd=tmp_path).stdout)
    assert len(every["paths"]) == 1000 and every["paths"][:20] == doc["paths"]
    text = run("explain", f, "s0", cwd=tmp_path).stdout.splitlines()
    assert f"the sum over {2**60:,} paths of wires" in text[0]
    assert (
        text[21]
        == f"      and {2**60 - 20:,} more (listed: the 20 largest |products|; --all lists up to 1,000)"
    )


def test_explain_lists_every_path_when_few_and_they_add_up(tmp_path: Path) -> None:
    f = doubling(tmp_path, 3)
    doc = json.loads(run("explain", f, "s0", "--json", cwd=tmp_path).stdout)
    assert doc["path_count"] == 8 and len(doc["paths"]) == 8
    assert math.isclose(sum(p["product"] for p in doc["paths"]), doc["gradient"], rel_tol=1e-12)
    assert len({tuple(map(tuple, p["wires"])) for p in doc["paths"]}) == 8


def test_explain_numbers_as_eval_json_encodes_them(tmp_path: Path) -> None:
    f = chain(tmp_path, "log0.bpgraph", 0.0, "Log")  # ∂ ln x/∂x at 0 is 1/0
    doc = json.loads(run("explain", f, "x", "--json", cwd=tmp_path).stdout)
    assert doc == {
        "input": "x",
        "gradient": "Infinity",
        "path_count": 1,
        "paths": [
            {"wires": [["x", "n0", 0], ["n0", "out", 0]], "factors": ["Infinity", 1.0], "product": "Infinity"}
        ],
    }


def test_explain_vectors_name_the_wires_without_numbers(tmp_path: Path) -> None:
    f = chain(tmp_path, "v.bpgraph", [1.0, 2.0], "Square", "Sum")
    doc = json.loads(run("explain", f, "x", "--json", cwd=tmp_path).stdout)
    assert doc["gradient"] == [2.0, 4.0] and doc["path_count"] == 1
    assert doc["paths"] == [
        {
            "wires": [["x", "n0", 0], ["n0", "n1", 0], ["n1", "out", 0]],
            "factors": [None, None, None],
            "product": None,
        }
    ]
    text = run("explain", f, "x", cwd=tmp_path).stdout
    assert "each factor is a Jacobian" in text and "∂L/∂Σ(x²) · ∂Σ(x²)/∂(x²) · ∂(x²)/∂x" in text


def test_explain_with_a_target(tmp_path: Path) -> None:
    doc = json.loads(
        run("explain", example("add_square"), "x", "--target", "z", "--json", cwd=tmp_path).stdout
    )
    assert doc["target"] == "z" and doc["gradient"] == 6.0
    assert doc["paths"] == [{"wires": [["x", "t", 0], ["t", "z", 0]], "factors": [1.0, 6.0], "product": 6.0}]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nope"], 'error: {f}: there is no node "nope" (INPUT)'),
        (["x", "--target", "zz"], 'error: {f}: there is no node "zz" (--target)'),
        (["dead"], 'error: {f}: "dead" does not reach the loss (no path of wires to a defined Output)'),
        (["undef"], 'error: {f}: "undef" does not reach the loss'),
        (["out", "--target", "x"], 'error: {f}: "out" does not reach the target "x"'),
    ],
)
def test_explain_refuses_with_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    nodes = [
        {"id": "x", "type": "Input", "value": 2.0},
        {"id": "dead", "type": "Exp"},
        {"id": "undef", "type": "Mul"},
        {"id": "out", "type": "Output"},
    ]
    edges = [
        {"from": "x", "to": "dead", "port": 0},
        {"from": "x", "to": "undef", "port": 0},
        {"from": "x", "to": "out", "port": 0},
    ]
    f = graph_file(tmp_path, "g.bpgraph", nodes, edges)
    line = assert_one_error_line(run("explain", f, *args, cwd=tmp_path), "error:")
    assert line.startswith(message.format(f=f)), line


def test_eval_target_text_and_json(tmp_path: Path) -> None:
    proc = run("eval", example("add_square"), "--target", "t", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == [
        "03_add_square.bpgraph: 5 nodes, 4 wires",
        "target t = 3",
        "Input            value     dt/d(input)",
        "x                    2               1",
        "y                    1               1",
    ]
    doc = json.loads(run("eval", example("add_square"), "--target", "z", "--json", cwd=tmp_path).stdout)
    assert doc["target"] == "z"
    assert doc["nodes"]["x"] == {"value": 2.0, "grad": 6.0} and doc["nodes"]["z"]["grad"] == 1.0
    assert doc["nodes"]["out"]["grad"] == 0.0  # past the target: no path, exactly 0
    v = chain(tmp_path, "v.bpgraph", [1.0, 2.0], "Square")
    text = run("eval", v, "--target", "n0", cwd=tmp_path).stdout
    assert "the seed is ones of its shape" in text and "[2] 2, 4" in text
    # An unnamed target is written as its expression, bracketed as one symbol.
    text = run("eval", example("buying_apples"), "--target", "mul_apple", cwd=tmp_path).stdout
    assert text.splitlines()[2].split() == ["Input", "value", "d((apple", "price)·apples)/d(input)"]


def test_eval_wrt_text_and_json(tmp_path: Path) -> None:
    proc = run("eval", example("add_square"), "--wrt", "x", cwd=tmp_path)
    assert proc.stdout.splitlines()[1:] == [
        "forward mode: d(output)/d(x)",
        "Output           value         tangent",
        "out                  9               6",
    ]
    f = chain(tmp_path, "g.bpgraph", 0.0, "Log", "Neg")  # −ln 0 = inf, its tangent −1/0 = −inf
    doc = json.loads(run("eval", f, "--wrt", "x", "--json", cwd=tmp_path).stdout)
    assert doc["wrt"] == "x"
    assert [doc["nodes"][n]["tangent"] for n in ("x", "n0", "n1", "out")] == [
        1.0,
        "Infinity",
        "-Infinity",
        "-Infinity",
    ]
    assert [e["tangent"] for e in doc["edges"]] == [1.0, "Infinity", "-Infinity"]
    assert doc["nodes"]["n1"]["grad"] == 1.0  # the gradients stay the loss's
    nodes = [
        {"id": "x", "type": "Input", "value": 1.0},
        {"id": "m", "type": "Mul"},
        {"id": "out", "type": "Output"},
    ]
    g = graph_file(tmp_path, "open.bpgraph", nodes, [{"from": "x", "to": "m", "port": 0}])
    doc = json.loads(run("eval", g, "--wrt", "x", "--json", cwd=tmp_path).stdout)
    assert doc["nodes"]["m"]["tangent"] is None and doc["edges"][0]["tangent"] == 1.0  # undefined: null


def test_eval_wrt_a_vector_element(tmp_path: Path) -> None:
    f = chain(tmp_path, "v.bpgraph", [[1.0, 2.0], [3.0, 4.0]], "Square")
    doc = json.loads(run("eval", f, "--wrt", "x", "--element", "1,0", "--json", cwd=tmp_path).stdout)
    assert doc["nodes"]["out"]["tangent"] == [[0.0, 0.0], [6.0, 0.0]]
    text = run("eval", f, "--wrt", "x", "--element", "0,1", cwd=tmp_path).stdout
    assert "forward mode: d(output)/d(x) along [2×2]" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--target", "nope"], 'there is no node "nope" (--target)'),
        (["--wrt", "nope"], 'there is no node "nope" (--wrt)'),
        (["--wrt", "n0"], '--wrt needs an Input node; "n0" is of type Square'),
        (["--wrt", "x"], '"x" has shape 2×2: choose one element, or type a direction'),
        (["--wrt", "x", "--element", "2,0"], "element 2,0 is not in a value of shape 2×2"),
        (["--wrt", "x", "--element", "a"], "--element 'a' is not whole numbers"),
        (["--element", "0"], "--element names an element of the --wrt Input"),
    ],
)
def test_eval_target_and_wrt_refuse_with_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    f = chain(tmp_path, "v.bpgraph", [[1.0, 2.0], [3.0, 4.0]], "Square")
    for json_flag in ([], ["--json"]):
        line = assert_one_error_line(run("eval", f, *args, *json_flag, cwd=tmp_path), "error:")
        assert message in line, line
