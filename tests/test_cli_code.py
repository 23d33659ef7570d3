"""``nodeeditor code GRAPH [-o OUT.py]`` as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from cli_kit import EXAMPLES, example, run


@pytest.mark.parametrize("path", EXAMPLES[:3] + EXAMPLES[-2:], ids=lambda p: p.stem)
def test_the_written_code_prints_what_eval_prints(tmp_path: Path, path: Path) -> None:
    done = run("code", path, "-o", "lesson.py", cwd=tmp_path)
    assert done.returncode == 0 and done.stdout == "" and done.stderr == ""
    command = [sys.executable, "-I", "lesson.py", "--json"]
    ran = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=True)
    ours = json.loads(ran.stdout)["nodes"]
    theirs = json.loads(run("eval", path, "--json", cwd=tmp_path).stdout)["nodes"]
    assert ours.keys() == theirs.keys()
    for n in ours:  # the examples' numbers are finite; math's exp may differ from numpy's in the last bit
        for key in ("value", "grad"):
            np.testing.assert_allclose(ours[n][key], theirs[n][key], rtol=1e-12, err_msg=f"{n} {key}")


def test_without_output_the_code_is_printed_and_runs(tmp_path: Path) -> None:
    done = run("code", example("buying_apples"), cwd=tmp_path)
    assert done.returncode == 0
    assert "class MulLayer:" in done.stdout
    command = [sys.executable, "-I", "-c", done.stdout]
    ran = subprocess.run(command, capture_output=True, text=True, check=True)
    assert "apple price = 100.0    dL/d(apple price) = 2.2" in ran.stdout
    assert "price = 220.00000000000003" in ran.stdout


def test_errors_are_one_line_and_leave_files_alone(tmp_path: Path) -> None:
    graph = tmp_path / "g.bpgraph"
    graph.write_bytes(example("add_node").read_bytes())
    before = graph.read_bytes()
    cases = {
        ("code", "missing.bpgraph"): "missing.bpgraph: cannot read the file",
        ("code", graph, "-o", tmp_path / "no" / "x.py"): "x.py: the folder does not exist",
        ("code", graph, "-o", graph): "is the graph file itself",
        ("code", graph, "-o", tmp_path): "it is a folder",
        ("code",): "the following arguments are required: file",
    }
    for args, words in cases.items():
        done = run(*args, cwd=tmp_path)
        assert done.returncode == 2, args
        assert done.stderr.count("\n") == 1 and done.stderr.startswith("error: ") and words in done.stderr, (
            args,
            done.stderr,
        )
    assert graph.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.bpgraph"]


def test_writing_replaces_a_file_whole(tmp_path: Path) -> None:
    out = tmp_path / "lesson.py"
    out.write_text("old")
    assert run("code", example("add_node"), "-o", out, cwd=tmp_path).returncode == 0
    assert out.read_text(encoding="utf-8").startswith("# The computational graph '01_add_node.bpgraph' as")
