"""``nodeeditor code``: the generated layer code runs with Python and numpy alone and prints
what ``nodeeditor eval --json`` prints for the nodes, on every example and on random graphs
of numbers, vectors, broadcasting and MatMul with open ports and non-finite values."""

from __future__ import annotations

import ast
import json
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from graphkit import EXAMPLE_FILES, build, random_spec, wild_spec

from nodeeditor.cli import eval_document
from nodeeditor.model import Graph, evaluate, load
from nodeeditor.model.codegen import generate

# Runs each generated file as its own __main__ with --json, in one process without nodeeditor on
# its path (-I), and says if anything imported nodeeditor.
RUNNER = """
import contextlib, io, json, runpy, sys
out = []
for path in sys.argv[1:]:
    sys.argv = [path, "--json"]
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        runpy.run_path(path, run_name="__main__")
    out.append(buf.getvalue())
assert not any(m.startswith("nodeeditor") for m in sys.modules), "the code imported nodeeditor"
print(json.dumps(out))
"""


def run_generated(tmp_path: Path, graphs: list[Graph]) -> list[dict]:
    """Each graph's code, run; its ``--json`` output, parsed."""
    paths = []
    for k, g in enumerate(graphs):
        path = tmp_path / f"g{k}.py"
        path.write_text(generate(g).text, encoding="utf-8")
        paths.append(str(path))
    done = subprocess.run(
        [sys.executable, "-I", "-c", RUNNER, *paths],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return [json.loads(text) for text in json.loads(done.stdout)]


def same_number(a, b) -> bool:
    """Equal, or within rounding: the app runs a graph of numbers with math's exp, log, tanh
    (last bits may differ from numpy's) and adds a broadcast gradient up in another order."""
    if isinstance(a, list) or isinstance(b, list):
        return (
            isinstance(a, list) and isinstance(b, list) and len(a) == len(b) and all(map(same_number, a, b))
        )
    if isinstance(a, str) or isinstance(b, str) or a is None or b is None:
        return a == b  # null, "NaN", "Infinity", "-Infinity" exactly where eval has them
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def assert_same_as_eval(got: dict, g: Graph) -> None:
    expected = json.loads(json.dumps({"nodes": eval_document(g, evaluate(g))["nodes"]}))
    assert list(got["nodes"]) == list(expected["nodes"])
    for n, want in expected["nodes"].items():
        for key in ("value", "grad"):
            assert same_number(got["nodes"][n][key], want[key]), (n, key, got["nodes"][n][key], want[key])


def test_every_example_gives_what_eval_gives(tmp_path: Path) -> None:
    graphs = [load(p, layout=False) for p in EXAMPLE_FILES]
    for got, g in zip(run_generated(tmp_path, graphs), graphs, strict=True):
        assert_same_as_eval(got, g)


@pytest.mark.parametrize("batch", range(4))
def test_random_graphs_give_what_eval_gives(tmp_path: Path, batch: int) -> None:
    """Fan-out, broadcasting, MatMul, several Outputs with seeds."""
    graphs = []
    for seed in range(batch * 25, batch * 25 + 25):
        rng = np.random.default_rng(seed)
        graphs.append(build(random_spec(rng, int(rng.integers(5, 41)))[0]))
    for got, g in zip(run_generated(tmp_path, graphs), graphs, strict=True):
        assert_same_as_eval(got, g)


@pytest.mark.parametrize("batch", range(6))
def test_wild_graphs_give_what_eval_gives(tmp_path: Path, batch: int) -> None:
    """Open ports (undefined nodes), dead branches, inf and NaN; odd batches numbers only."""
    graphs = []
    for seed in range(batch * 30, batch * 30 + 30):
        rng = np.random.default_rng(9000 + seed)
        shapes, open_ports = ([()], 0.1) if batch % 2 else (None, 0.1)
        graphs.append(build(wild_spec(rng, int(rng.integers(5, 41)), shapes, open_ports)))
    for got, g in zip(run_generated(tmp_path, graphs), graphs, strict=True):
        assert_same_as_eval(got, g)


HOSTILE = [
    "x\nimport os; os.system('touch PWNED')",
    "x\r__import__('os').system('touch PWNED')",
    "y\u2028open('PWNED', 'w')",
    "'; open('PWNED', 'w'); '",
    '"""; open("PWNED", "w"); """',
    "\\",
    "# comment\\",
    "\x1b[31mred",
    "\u202eevil",
    "class",
    "None",
    "np",
    "nodes",
    "print",
    "__name__",
    "1",
    "",
    "사과 가격",
    "ﬁle",  # NFKC makes it "file", as Python reads names: a clash with the next one
    "file",
]


def hostile_graph() -> Graph:
    """A chain through nodes whose names and ids are code, keywords, clashes, controls."""
    g = Graph()
    prev = None
    for k, text in enumerate(HOSTILE):
        node = text or f"empty{k}"
        if prev is None:
            g.add_node("Input", node, value=1.0 + k, name=text)
        else:
            g.add_node("Input", f"{node}#in", value=0.5, name=text)
            g.add_node("Mul" if k % 2 else "Add", node, name=text)
            g.connect(prev, node, 0)
            g.connect(f"{node}#in", node, 1)
        prev = node
    g.add_node("Output", "out\n#", name="out\nimport os")
    g.connect(prev, "out\n#", 0)
    return g


def test_hostile_names_never_become_code(tmp_path: Path) -> None:
    g = hostile_graph()
    text = generate(g).text
    tree = ast.parse(text)
    nodes = list(ast.walk(tree))
    imports = {a.name for node in nodes if isinstance(node, (ast.Import, ast.ImportFrom)) for a in node.names}
    assert imports == {"json", "sys", "unicodedata", "numpy"}
    calls = {ast.unparse(node.func).split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Call)}
    assert not calls & {"open", "__import__", "os", "exec", "eval"}
    for line in text.splitlines():  # a comment holds its text on its own line, escaped
        assert line.isprintable(), line
    (got,) = run_generated(tmp_path, [g])
    assert_same_as_eval(got, g)
    assert not list(tmp_path.glob("PWNED*"))
    names = {t.id for t in ast.walk(tree) if isinstance(t, ast.Name) and isinstance(t.ctx, ast.Store)}
    assert "사과_가격" in names  # Korean kept
    assert {"class_", "None_", "np_", "print_", "file", "file_2"} <= names


def test_the_code_reads_like_the_textbook() -> None:
    text = generate(load(EXAMPLE_FILES[3], layout=False)).text  # buying apples
    assert "class MulLayer:" in text and "class AddLayer:" not in text
    assert "mul_apple_layer = MulLayer()" in text
    order = [
        "mul_apple = mul_apple_layer.forward(apple_price, apples)",
        "mul_tax = mul_tax_layer.forward(mul_apple, tax)",
        "dprice = 1.0",
        "dmul_apple, dtax = mul_tax_layer.backward(dmul_tax)",
        "dapple_price, dapples = mul_apple_layer.backward(dmul_apple)",
    ]
    at = [text.index(line) for line in order]
    assert at == sorted(at)


def test_fan_out_is_a_sum_and_broadcasting_is_summed_where_it_happens() -> None:
    g = build(
        [
            ("x", "Input", [], {"value": np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])}),
            ("b", "Input", [], {"value": np.array([0.5, -0.5, 1.0])}),
            ("c", "Input", [], {"value": 2.0}),
            ("xb", "Add", ["x", "b"], {}),
            ("m", "Mul", ["xb", "xb"], {}),
            ("s", "Mul", ["m", "c"], {}),
            ("t", "Sum", ["s"], {}),
            ("u", "Add", ["t", "xb"], {}),
            ("L", "Output", ["u"], {}),
        ]
    )
    text = generate(g).text
    assert "dxb_from_m_x, dxb_from_m_y = m_layer.backward(dm)" in text
    assert "db = db.sum(axis=0)" in text
    assert "dc = dc.sum()" in text
    assert "dt = dt.sum()" in text  # t, one number, was added to every element of xb + ...
    sums = [line for line in text.splitlines() if line.startswith("dxb = ")]
    assert sums == ["dxb = dxb_from_u + dxb_from_m_x + dxb_from_m_y"]


def test_undefined_and_dead_nodes_and_no_output() -> None:
    g = build(
        [
            ("x", "Input", [], {"value": 2.0}),
            ("open", "Add", ["x", None], {}),
            ("dead", "Exp", ["x"], {}),
            ("sq", "Square", ["x"], {}),
            ("L", "Output", ["sq"], {}),
        ]
    )
    text = generate(g).text
    assert "open_ = None  # undefined: input y is not connected" in text
    assert "ddead = 0.0" in text
    g.remove_node("L")
    text = generate(g).text
    assert ".backward(" not in text.split("# -- printing")[0]
    assert "'x': (x, None)," in text


def test_shapes_that_do_not_fit_are_undefined_as_in_eval(tmp_path: Path) -> None:
    g = build(
        [
            ("v", "Input", [], {"value": np.array([1.0, 2.0, 3.0])}),
            ("w", "Input", [], {"value": np.array([1.0, 2.0])}),
            ("s", "Input", [], {"value": 2.0}),
            ("bad", "Add", ["v", "w"], {}),
            ("after", "Exp", ["bad"], {}),
            ("mm", "MatMul", ["s", "v"], {}),
            ("ok", "Mul", ["v", "s"], {}),
            ("seeded", "Output", ["ok"], {"grad": np.array([1.0, 0.0, -2.0])}),
            ("one_seed", "Output", ["ok"], {"grad": 3.0}),
            ("misfit", "Output", ["ok"], {"grad": np.array([1.0, 2.0])}),
            ("lost", "Output", ["after"], {}),
        ]
    )
    text = generate(g).text
    assert "bad = None  # undefined: shapes (3) and (2) cannot be combined elementwise" in text
    assert "after = None  # undefined: input x is undefined" in text
    assert "mm = None  # undefined: MatMul needs vectors or matrices, not numbers" in text
    (got,) = run_generated(tmp_path, [g])
    assert_same_as_eval(got, g)
    assert got["nodes"]["misfit"] == {"value": None, "grad": None}
    assert got["nodes"]["one_seed"]["grad"] == [3.0, 3.0, 3.0]
