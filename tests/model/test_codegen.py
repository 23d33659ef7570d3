"""``nodeeditor code``: the generated layer code runs with Python and numpy alone and prints
what ``nodeeditor eval --json`` prints for the nodes, on every example and on random graphs
of numbers, vectors, broadcasting and MatMul with open ports and non-finite values."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from nodeeditor.cli import eval_document
from nodeeditor.model import Graph, evaluate, load
from nodeeditor.model.codegen import generate

from graphkit import EXAMPLE_FILES, build, random_spec, wild_spec

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
