"""Small files that ask for huge work (issue 14 §2): the plan's shapes are checked
before anything is computed. A result of more than 1,000,000 elements, or one that
would take all results past 20,000,000, leaves its node undefined with the reason;
the rest evaluates. The attack files run in a child process under a memory cap."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
from graphkit import build

from nodeeditor.model import Evaluator, evaluate
from nodeeditor.model.engine import MAX_TOTAL_ELEMENTS
from nodeeditor.model.values import MAX_ELEMENTS

ROOT = Path(__file__).resolve().parents[2]
MEMORY_CAP = 1536 * 2**20  # address space of the child: far below what the files ask for
TIME_LIMIT = 120  # s, for a loaded machine; these finish in about a second


def test_the_limits_are_the_documented_ones() -> None:
    assert (MAX_ELEMENTS, MAX_TOTAL_ELEMENTS) == (1_000_000, 20_000_000)
    doc = (ROOT / "docs" / "file-format.md").read_text(encoding="utf-8")
    assert "1,000,000 elements" in doc and "20,000,000 elements" in doc


def test_a_result_past_the_element_limit_is_undefined_and_the_rest_evaluates() -> None:
    g = build(
        [
            ("row", "Input", [], {"value": np.ones((1, 1001))}),
            ("col", "Input", [], {"value": np.ones((1000, 1))}),
            ("a", "Add", ["row", "col"], {}),  # 1000 × 1001: one element too many
            ("s", "Sum", ["a"], {}),
            ("out", "Output", ["s"], {}),
            ("m", "MatMul", ["col", "row"], {}),  # also 1000 × 1001
            ("ok", "MatMul", ["row", "row2"], {}),
            ("row2", "Input", [], {"value": np.ones((1001, 1))}),
            ("out2", "Output", ["ok"], {}),
        ]
    )
    r = evaluate(g)
    for n in ("a", "m"):
        assert r.value(n) is None
        assert r.problem(n) == "the result would have 1,001,000 elements; at most 1,000,000"
    assert r.problem("s") == "input x is undefined"
    np.testing.assert_array_equal(r.value("ok"), [[1001.0]])
    np.testing.assert_array_equal(r.grad("row2"), np.ones((1001, 1)))
    assert r.loss == 1001.0


def test_exactly_the_element_limit_is_computed() -> None:
    g = build(
        [
            ("row", "Input", [], {"value": np.ones((1, 1000))}),
            ("col", "Input", [], {"value": np.ones((1000, 1))}),
            ("a", "Add", ["row", "col"], {}),
            ("s", "Sum", ["a"], {}),
            ("out", "Output", ["s"], {}),
        ]
    )
    r = evaluate(g)
    assert r.problem_nodes() == []
    assert r.loss == 2_000_000.0


def fan_out(n_nodes: int, size: int) -> list:
    """One Input of ``size`` elements read by ``n_nodes`` Neg nodes, each into an Output."""
    spec = [("x", "Input", [], {"value": np.linspace(-1.0, 1.0, size)})]
    for k in range(n_nodes):
        spec += [(f"n{k}", "Neg", ["x"], {}), (f"o{k}", "Output", [f"n{k}"], {})]
    return spec


def test_results_past_the_total_are_undefined_in_plan_order() -> None:
    """30 Neg nodes of 500,000 elements (15,000,000) run first, at depth 1; of their 30
    Outputs at depth 2, the first 10 fit in the 5,000,000 left, in file order."""
    size = 500_000
    g = build(fan_out(30, size))
    r = evaluate(g)
    computed = {n for n in g.nodes if n != "x" and r.value(n) is not None}
    assert computed == {f"n{k}" for k in range(30)} | {f"o{k}" for k in range(10)}
    too_much = "the results of this graph would have more than 20,000,000 elements in all"
    assert {n: r.problem(n) for n in r.problem_nodes()} == {f"o{k}": too_much for k in range(10, 30)}
    np.testing.assert_array_equal(r.grad("x"), np.full(size, -10.0))
    assert r.grad("n10") is not None and not r.grad("n10").any()  # it feeds no defined Output


def test_the_numpy_planner_hands_over_past_the_total(monkeypatch) -> None:
    from nodeeditor.model import engine

    monkeypatch.setattr(engine, "MAX_TOTAL_ELEMENTS", 5)
    g = build(
        [("x", "Input", [], {"value": 1.0})]
        + [(f"n{k}", "Neg", ["x"], {}) for k in range(4)]
        + [(f"o{k}", "Output", [f"n{k}"], {}) for k in range(4)]
    )
    ev = Evaluator(g)
    r = ev.evaluate()
    assert not ev.plan.numbers_only
    assert [n for n in g.nodes if r.problem(n)] == ["o1", "o2", "o3"]
    assert r.grad("x") == -1.0


# -- the attack files, in a child process under a memory cap ----------------------

# RLIMIT_AS caps a process's memory on Linux; macOS does not enforce it, Windows lacks it.
linux_only = pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS is enforced on Linux only")

CHILD = textwrap.dedent(
    """
    import json, resource, sys
    resource.setrlimit(resource.RLIMIT_AS, ({cap}, {cap}))
    from nodeeditor.model import evaluate, load
    graph = load(sys.argv[1], layout=False)
    result = evaluate(graph)
    print(json.dumps({{
        "problems": {{n: result.problem(n) for n in result.problem_nodes()}},
        "loss": result.loss,
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
    }}))
    """
)


def run_capped(path: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", CHILD.format(cap=MEMORY_CAP), str(path)],
        capture_output=True,
        text=True,
        timeout=TIME_LIMIT,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "OPENBLAS_NUM_THREADS": "1"},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def write(path: Path, nodes: list, edges: list) -> Path:
    doc = {"format": "nodeeditor-graph", "version": 1, "nodes": nodes, "edges": edges}
    path.write_text(json.dumps(doc, separators=(",", ":")))
    return path


@linux_only
def test_a_200_kb_file_adding_a_column_to_a_row(tmp_path: Path) -> None:
    """[1×20000] + [20000×1] is 400,000,000 elements (3.2 GB) from 200 KB."""
    row = [[k % 7 for k in range(20_000)]]
    col = [[k % 5] for k in range(20_000)]
    nodes = [
        {"id": "row", "type": "Input", "value": row},
        {"id": "col", "type": "Input", "value": col},
        {"id": "add", "type": "Add"},
        {"id": "out", "type": "Output"},
        {"id": "sum", "type": "Sum"},
        {"id": "out2", "type": "Output"},
    ]
    edges = [
        {"from": "row", "to": "add", "port": 0},
        {"from": "col", "to": "add", "port": 1},
        {"from": "add", "to": "out", "port": 0},
        {"from": "row", "to": "sum", "port": 0},
        {"from": "sum", "to": "out2", "port": 0},
    ]
    path = write(tmp_path / "row_plus_column.bpgraph", nodes, edges)
    assert path.stat().st_size < 250_000
    got = run_capped(path)
    assert got["problems"] == {
        "add": "the result would have 400,000,000 elements; at most 1,000,000",
        "out": "input x is undefined",
    }
    assert got["loss"] == float(sum(row[0]))


@linux_only
def test_a_file_fanning_a_million_numbers_into_1500_nodes(tmp_path: Path) -> None:
    """One 1,000,000-element Input read by 1,500 Exp nodes, each summed into an Output:
    12 GB of results asked for by a 4 MB file. The Exps run first (depth 1): 20 of them
    fill the total, and the rest of the graph depends on what does not fit."""
    value = [(k % 10) / 10 for k in range(1_000_000)]
    nodes = [{"id": "x", "type": "Input", "value": value}]
    edges = []
    for k in range(1500):
        nodes += [
            {"id": f"e{k}", "type": "Exp"},
            {"id": f"s{k}", "type": "Sum"},
            {"id": f"o{k}", "type": "Output"},
        ]
        edges += [
            {"from": "x", "to": f"e{k}", "port": 0},
            {"from": f"e{k}", "to": f"s{k}", "port": 0},
            {"from": f"s{k}", "to": f"o{k}", "port": 0},
        ]
    path = write(tmp_path / "fan_out.bpgraph", nodes, edges)
    assert path.stat().st_size < 5_000_000
    got = run_capped(path)
    too_much = "the results of this graph would have more than 20,000,000 elements in all"
    problems = got["problems"]
    assert [k for k in range(1500) if f"e{k}" not in problems] == list(range(20))
    assert {problems[f"e{k}"] for k in range(20, 1500)} == {too_much}
    assert {problems[f"s{k}"] for k in range(20)} == {too_much}  # 1 more element each is 1 too many
    assert {problems[f"s{k}"] for k in range(20, 1500)} == {"input x is undefined"}
    assert got["loss"] is None
    assert got["peak_mib"] < MEMORY_CAP // 2**20


@linux_only
def test_the_cap_is_low_enough_to_catch_what_these_files_asked_for_before() -> None:
    """The memory cap must make the old behaviour fail: 400,000,000 float64 numbers
    cannot be allocated under it."""
    code = f"import resource, numpy; resource.setrlimit(resource.RLIMIT_AS, ({MEMORY_CAP}, {MEMORY_CAP}));"
    code += " numpy.ones((20000, 20000))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=TIME_LIMIT)
    assert "MemoryError" in done.stderr
