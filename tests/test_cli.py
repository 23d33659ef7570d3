"""The ``nodeeditor`` command, run as a user runs it: a separate process."""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from cli_kit import EXAMPLES, ROOT, assert_one_error_line, chain, example, graph_file, nodeeditor, run

# -- version, help ------------------------------------------------------------------


def test_version(tmp_path) -> None:
    proc = run("--version", cwd=tmp_path)
    assert proc.returncode == 0
    version = nodeeditor().__version__
    assert proc.stdout.strip() == f"Backprop Studio {version}"
    assert version.count(".") >= 1


def test_help(tmp_path) -> None:
    proc = run("--help", cwd=tmp_path)
    assert proc.returncode == 0
    for word in ("eval", "check", "export"):
        assert word in proc.stdout


# -- eval ------------------------------------------------------------------------------


def test_eval_summary_has_the_apple_numbers(tmp_path) -> None:
    shutil.copy(example("buying_apples"), tmp_path / "apples.bpgraph")
    proc = run("eval", "apples.bpgraph", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    out = proc.stdout
    assert out.startswith("apples.bpgraph: 6 nodes, 5 wires")
    assert "loss L = 220" in out
    lines = out.splitlines()
    apple = next(line for line in lines if "(apple)" in line)
    assert apple.split()[-2:] == ["100", "2.2"]
    num = next(line for line in lines if "(num)" in line)
    assert num.split()[-2:] == ["2", "110"]
    tax = next(line for line in lines if line.startswith("tax"))
    assert tax.split()[-2:] == ["1.1", "200"]
    price = next(line for line in lines if line.startswith("price"))
    assert price.split()[-2:] == ["220", "1"]


def test_eval_summary_shows_korean_names(tmp_path) -> None:
    path = graph_file(
        tmp_path,
        "사과.bpgraph",
        [
            {"id": "a", "type": "Input", "value": 3.0, "name": "사과"},
            {"id": "o", "type": "Output", "name": "값"},
        ],
        [{"from": "a", "to": "o", "port": 0}],
    )
    proc = run("eval", path.name, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "사과 (a)" in proc.stdout
    assert "값 (o)" in proc.stdout


def test_eval_summary_notes_problems(tmp_path) -> None:
    path = chain(tmp_path, "log.bpgraph", -1.0, "Log")
    proc = run("eval", path.name, cwd=tmp_path)
    assert proc.returncode == 0
    assert "note: n0: log of a negative number" in proc.stdout
    path = chain(tmp_path, "noout.bpgraph", 2.0, "Square", output=False)
    proc = run("eval", path.name, cwd=tmp_path)
    assert proc.returncode == 0
    assert "note: no Output node, so there are no gradients" in proc.stdout


def expected_json(value):
    """A value as FILE-FORMAT.md puts it in JSON."""
    if value is None:
        return None
    arr = np.asarray(value, dtype=float)

    def one(x: float):
        if math.isnan(x):
            return "NaN"
        if math.isinf(x):
            return "Infinity" if x > 0 else "-Infinity"
        return x

    if arr.ndim == 0:
        return one(float(arr))
    return [expected_json(row) for row in arr]


def assert_json_close(actual, expected, what: str) -> None:
    if isinstance(expected, list):
        assert isinstance(actual, list) and len(actual) == len(expected), what
        for a, e in zip(actual, expected, strict=True):
            assert_json_close(a, e, what)
    elif isinstance(expected, float):
        assert isinstance(actual, float), (what, actual)
        assert actual == pytest.approx(expected, rel=1e-12, abs=1e-15), what
    else:
        assert actual == expected, what


def assert_eval_json_structure(path: Path, data: dict) -> None:
    doc = json.loads(path.read_text(encoding="utf-8"))
    model = nodeeditor().model
    graph = model.load(path)
    result = model.evaluate(graph)
    assert set(data) == {"nodes", "edges"}
    assert set(data["nodes"]) == {nd["id"] for nd in doc["nodes"]}
    for node_id, entry in data["nodes"].items():
        assert set(entry) == {"value", "grad"}, node_id
        assert_json_close(entry["value"], expected_json(result.value(node_id)), f"{node_id} value")
        assert_json_close(entry["grad"], expected_json(result.grad(node_id)), f"{node_id} grad")

    def key(e: dict) -> tuple:
        return e["from"], e["to"], e["port"]

    assert sorted(map(key, data["edges"])) == sorted(map(key, doc["edges"]))
    edges = {e: e for e in graph.edges}
    for entry in data["edges"]:
        assert set(entry) == {"from", "to", "port", "value", "grad"}
        edge = next(e for e in edges if (e.src, e.dst, e.port) == key(entry))
        assert_json_close(entry["value"], expected_json(result.wire_value(edge)), f"{edge} value")
        assert_json_close(entry["grad"], expected_json(result.wire_grad(edge)), f"{edge} grad")


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_eval_json_of_every_example(tmp_path, path: Path) -> None:
    proc = run("eval", "--json", path, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    data = json.loads(proc.stdout)
    assert_eval_json_structure(path, data)


def test_eval_json_apples_exactly(tmp_path) -> None:
    proc = run("eval", "--json", example("buying_apples"), cwd=tmp_path)
    data = json.loads(proc.stdout)
    nodes = data["nodes"]
    assert nodes["apple"] == {"value": 100.0, "grad": pytest.approx(2.2)}
    assert nodes["num"] == {"value": 2.0, "grad": pytest.approx(110)}
    assert nodes["tax"] == {"value": 1.1, "grad": pytest.approx(200)}
    # For an Output, value is its input and grad its seed.
    assert nodes["price"] == {"value": pytest.approx(220), "grad": 1.0}
    wire = next(e for e in data["edges"] if (e["from"], e["to"]) == ("mul_apple", "mul_tax"))
    assert wire == {
        "from": "mul_apple",
        "to": "mul_tax",
        "port": 0,
        "value": 200.0,
        "grad": pytest.approx(1.1),
    }


def test_eval_json_vectors_are_nested_lists(tmp_path) -> None:
    proc = run("eval", "--json", example("affine"), cwd=tmp_path)
    data = json.loads(proc.stdout)
    assert data["nodes"]["W"]["value"] == [[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]]
    assert data["nodes"]["W"]["grad"] == [[1.0, 1.0, 1.0], [2.0, 2.0, 2.0]]
    assert data["nodes"]["x"]["grad"] == pytest.approx([0.9, 1.2])


def test_eval_json_non_finite_and_undefined(tmp_path) -> None:
    path = graph_file(
        tmp_path,
        "bad.bpgraph",
        [
            {"id": "m1", "type": "Input", "value": -1.0},
            {"id": "big", "type": "Input", "value": [1.0, 1000.0]},
            {"id": "log", "type": "Log"},
            {"id": "exp", "type": "Exp"},
            {"id": "neg", "type": "Neg"},
            {"id": "half", "type": "Add"},
            {"id": "after", "type": "Square"},
            {"id": "o1", "type": "Output"},
            {"id": "o2", "type": "Output"},
        ],
        [
            {"from": "m1", "to": "log", "port": 0},
            {"from": "big", "to": "exp", "port": 0},
            {"from": "exp", "to": "neg", "port": 0},
            {"from": "m1", "to": "half", "port": 0},
            {"from": "half", "to": "after", "port": 0},
            {"from": "log", "to": "o1", "port": 0},
            {"from": "neg", "to": "o2", "port": 0},
        ],
    )
    proc = run("eval", "--json", path.name, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "NaN" in proc.stdout and "Infinity" in proc.stdout
    data = json.loads(proc.stdout)  # valid JSON even so
    nodes = data["nodes"]
    assert nodes["log"]["value"] == "NaN"
    assert nodes["exp"]["value"] == [pytest.approx(math.e), "Infinity"]
    assert nodes["neg"]["value"] == [pytest.approx(-math.e), "-Infinity"]
    assert nodes["o2"]["value"] == [pytest.approx(-math.e), "-Infinity"]
    assert nodes["half"] == {"value": None, "grad": None}
    assert nodes["after"] == {"value": None, "grad": None}
    wire = next(e for e in data["edges"] if e["to"] == "after")
    assert wire["value"] is None and wire["grad"] is None
    assert_eval_json_structure(path, data)


def test_eval_json_without_output_has_null_gradients(tmp_path) -> None:
    path = chain(tmp_path, "noout.bpgraph", [1.0, 2.0], "Square", output=False)
    data = json.loads(run("eval", "--json", path.name, cwd=tmp_path).stdout)
    assert data["nodes"]["x"] == {"value": [1.0, 2.0], "grad": None}
    assert data["nodes"]["n0"] == {"value": [1.0, 4.0], "grad": None}
    assert data["edges"] == [{"from": "x", "to": "n0", "port": 0, "value": [1.0, 2.0], "grad": None}]


# -- check -----------------------------------------------------------------------------


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_check_passes_on_examples(tmp_path, path: Path) -> None:
    proc = run("check", path, cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stderr == ""
    assert "DISAGREE" not in proc.stdout
    assert "agree" in proc.stdout


def test_check_fails_where_gradients_disagree(tmp_path) -> None:
    """ReLU at exactly 0: numerical (0.5 − 0)/1 → 0.5, backprop 0."""
    path = chain(tmp_path, "kink.bpgraph", 0.0, "ReLU")
    proc = run("check", path.name, cwd=tmp_path)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    row = next(line for line in proc.stdout.splitlines() if line.startswith("x "))
    assert "DISAGREE" in row
    assert row.split()[1:3] == ["0", "0.5"]


def test_check_with_a_looser_tolerance(tmp_path) -> None:
    path = chain(tmp_path, "kink.bpgraph", 0.0, "ReLU")
    assert run("check", path.name, "--atol", "1", cwd=tmp_path).returncode == 0


def test_check_without_inputs(tmp_path) -> None:
    path = graph_file(tmp_path, "none.bpgraph", [{"id": "o", "type": "Output"}], [])
    proc = run("check", path.name, cwd=tmp_path)
    assert proc.returncode == 0
    assert "no Input nodes to check" in proc.stdout


# -- bad input: exit 2, one line, no traceback ------------------------------------------


def squre_file(tmp_path: Path) -> Path:
    nodes = [{"id": f"n{i}", "type": "Input", "value": 1} for i in range(4)]
    nodes.append({"id": "n4", "type": "Squre"})
    return graph_file(tmp_path, "hw3.bpgraph", nodes, [])


@pytest.mark.parametrize("command", ["eval", "check"])
def test_unknown_type_error_line(tmp_path, command: str) -> None:
    squre_file(tmp_path)
    proc = run(command, "hw3.bpgraph", cwd=tmp_path)
    line = assert_one_error_line(proc, "error: hw3.bpgraph")
    assert line == 'error: hw3.bpgraph: nodes[4].type: unknown node type "Squre"'
    assert proc.stdout == ""


BAD_FILES = [
    (
        "missing.bpgraph",
        None,
        "error: missing.bpgraph: cannot read the file: No such file or directory",
    ),
    (
        "bad.bpgraph",
        b'{"format": "nodeeditor-graph", "version": 1, "nodes": [}',
        "error: bad.bpgraph: invalid JSON at line 1 column 56: Expecting value",
    ),
    (
        "cut.bpgraph",
        b'{"format": "nodeeditor-graph", "ver',
        "error: cut.bpgraph: the JSON ends too early (is the file cut off?) at line 1",
    ),
    (
        "latin.bpgraph",
        "café".encode("latin-1"),
        "error: latin.bpgraph: not UTF-8 text (byte 0xe9 at offset 3)",
    ),
    (
        "new.json",
        b'{"format": "nodeeditor-graph", "version": 7, "nodes": [], "edges": []}',
        "error: new.json: version: the file was made by a newer version of the app",
    ),
    (
        "array.bpgraph",
        b"[]",
        "error: array.bpgraph: top level: expected a JSON object at the top, got an array",
    ),
    ("deep.bpgraph", b"[" * 200_000, "error: deep.bpgraph: "),
    (
        "cycle.bpgraph",
        b'{"format": "nodeeditor-graph", "version": 1, "nodes": [{"id": "a", "type": "Neg"}], '
        b'"edges": [{"from": "a", "to": "a", "port": 0}]}',
        "error: cycle.bpgraph: edges[0]: the wires make a cycle: a \u2192 a",
    ),
]


@pytest.mark.parametrize("command", ["eval", "eval --json", "check"])
@pytest.mark.parametrize(("name", "content", "start"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_file_exits_2_with_one_error_line(tmp_path, command, name, content, start) -> None:
    if content is not None:
        (tmp_path / name).write_bytes(content)
    proc = run(*command.split(), name, cwd=tmp_path)
    assert_one_error_line(proc, start)
    assert proc.stdout == ""


def test_directory_instead_of_a_file(tmp_path) -> None:
    (tmp_path / "folder").mkdir()
    proc = run("eval", "folder", cwd=tmp_path)
    assert (
        assert_one_error_line(proc, "error: folder: ")
        == "error: folder: cannot read the file: Is a directory"
    )


@pytest.mark.parametrize(
    ("args", "start"),
    [
        (["eval"], "error: the following arguments are required: file"),
        (["check"], "error: the following arguments are required: file"),
        (["--bogus"], "error: unrecognized arguments: --bogus"),
        (["eval", "a.bpgraph", "b.bpgraph"], "error: unrecognized arguments: b.bpgraph"),
        (
            ["check", "a.bpgraph", "--eps", "abc"],
            "error: argument --eps: invalid float value: 'abc'",
        ),
        (["eval", "--frobnicate", "a.bpgraph"], "error: unrecognized arguments: --frobnicate"),
        (["a.bpgraph", "b.bpgraph"], "error: the editor opens one FILE at a time"),
        (["export", "a.bpgraph"], "error: the following arguments are required: -o/--output"),
    ],
)
def test_usage_errors_exit_2(tmp_path, args: list[str], start: str) -> None:
    proc = run(*args, cwd=tmp_path)
    line = assert_one_error_line(proc, start)
    assert line.endswith("(see nodeeditor --help)")


def test_a_reader_that_stops_early_gets_no_error(tmp_path) -> None:
    """``nodeeditor eval big.bpgraph | head -1``: quiet, exit 0, not a BrokenPipeError."""
    nodes = [{"id": f"input{i}", "type": "Input", "value": float(i)} for i in range(5000)]
    path = graph_file(tmp_path, "big.bpgraph", nodes, [])  # ~250 KB of summary: more than a pipe holds
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "nodeeditor", "eval", str(path)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) as proc:
        assert proc.stdout.readline().startswith(b"big.bpgraph: 5000 nodes")
        proc.stdout.close()
        assert proc.wait(timeout=120) == 0
        assert proc.stderr.read() == b""


def test_the_whole_summary_reaches_a_file(tmp_path) -> None:
    """The process ends without the usual teardown; all output is flushed first."""
    nodes = [{"id": f"input{i}", "type": "Input", "value": float(i)} for i in range(3000)]
    path = graph_file(tmp_path, "many.bpgraph", nodes, [])
    out = tmp_path / "out.txt"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # a file is block-buffered
    env["PYTHONPATH"] = str(ROOT)
    with out.open("w") as f:
        rc = subprocess.run(
            [sys.executable, "-m", "nodeeditor", "eval", str(path)], stdout=f, env=env
        ).returncode
    text = out.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert rc == 0 and len(lines) == 3000 + 4 and lines[-3].startswith("input2999 ")
    assert text.endswith("so there are no gradients\n")


def test_eval_without_stdout_ends_cleanly(tmp_path) -> None:
    """A windowed app on Windows has no sys.stdout; eval run there still exits 0."""
    path = graph_file(tmp_path, "g.bpgraph", [{"id": "x", "type": "Input", "value": 1.0}], [])
    code = (
        "import sys; from nodeeditor.cli import main; "
        f"sys.argv = ['nodeeditor', 'eval', {str(path)!r}]; sys.stdout = None; main()"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, timeout=120)
    assert (proc.returncode, proc.stderr) == (0, b"")
