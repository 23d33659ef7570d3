"""``nodeeditor import SNIPPET.py -o OUT.bpgraph`` as a user runs it: a graph file that evaluates
to what the code computes, or one ``error: FILE:LINE:COL:`` line and exit status 2, OUT untouched."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys

import pytest
from cli_kit import ROOT, assert_one_error_line, run
from code_snippets import MICROGRAD_README


def test_import_then_eval_gives_micrograds_numbers(tmp_path):
    (tmp_path / "readme.py").write_text(MICROGRAD_README, encoding="utf-8")
    proc = run("import", "readme.py", "-o", "readme.bpgraph", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == proc.stderr == ""
    ev = run("eval", "readme.bpgraph", "--json", cwd=tmp_path)
    nodes = json.loads(ev.stdout)["nodes"]
    assert round(nodes["g"]["value"], 4) == 24.7041
    assert round(nodes["a"]["grad"], 4) == 138.8338
    assert round(nodes["b"]["grad"], 4) == 645.5773


def test_standard_input_and_korean_names(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-m", "nodeeditor", "import", "-", "-o", "formula.bpgraph"],
        input="가 = 2.0\n나 = 3.0\n결과 = (가 + 나)**2\n".encode(),
        cwd=tmp_path, env=env, capture_output=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    doc = json.loads((tmp_path / "formula.bpgraph").read_text(encoding="utf-8"))
    assert {n["id"]: n["type"] for n in doc["nodes"]} == {
        "가": "Input", "나": "Input", "add1": "Add", "결과": "Square", "out": "Output",
    }  # fmt: skip
    assert all("pos" in n for n in doc["nodes"])


@pytest.mark.parametrize(
    ("code", "line"),
    [
        ("import os\nos.system('ls')\n", "error: bad.py:1:1: import os is not supported: the code must be"),
        ("x = 1.0\ny = [v for v in [x]]\n", "error: bad.py:2:5: a list comprehension is not supported: an"),
        ("x = 1.0\ny = x ** x\n", "error: bad.py:2:10: the power in x ** n must be a number written"),
        ("x = (\n", "error: bad.py:1:5: this is not valid Python"),
    ],
)
def test_refused_code_is_one_line_and_out_is_untouched(tmp_path, code, line):
    (tmp_path / "bad.py").write_text(code, encoding="utf-8")
    out = tmp_path / "out.bpgraph"
    out.write_text("the student's earlier work", encoding="utf-8")
    proc = run("import", "bad.py", "-o", "out.bpgraph", cwd=tmp_path)
    assert_one_error_line(proc, line)
    assert out.read_text(encoding="utf-8") == "the student's earlier work"


def test_the_snippet_is_never_overwritten(tmp_path):
    (tmp_path / "z.py").write_text("x = 1.0\nz = x * 2\n", encoding="utf-8")
    proc = run("import", "z.py", "-o", "z.py", cwd=tmp_path)
    assert_one_error_line(proc, "error: z.py: this is the snippet itself")
    assert (tmp_path / "z.py").read_text(encoding="utf-8") == "x = 1.0\nz = x * 2\n"


def test_unreadable_snippets(tmp_path):
    (tmp_path / "latin1.py").write_bytes(b"x = 1.0\n# caf\xe9\n")
    assert_one_error_line(run("import", "latin1.py", "-o", "o.bpgraph", cwd=tmp_path), "error: latin1.py:2: ")
    assert_one_error_line(
        run("import", "nope.py", "-o", "o.bpgraph", cwd=tmp_path), "error: nope.py: cannot read"
    )
    assert_one_error_line(
        run("import", ".", "-o", "o.bpgraph", cwd=tmp_path), "error: .: cannot read the code: it is a folder"
    )
    proc = run("import", "latin1.py", cwd=tmp_path)
    assert_one_error_line(proc, "error: the following arguments are required: -o/--output")


def _capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("x = 1.0\ny = " + " + ".join(["x"] * 5000) + "\n", "nested"),  # Python 3.11 gives up first
        ("x = " + "(" * 5000 + "1" + ")" * 5000 + "\n", "not valid Python"),
        ("x = 1.0\ny = " + "-" * 150_000 + "x\n", "nested too deeply"),
        ("x = [" + "1.0," * 300_000 + "]\n", "bytes"),
        ("x = 1.0\n" + "y = x * x\n" * 10_001, "nodes"),
        ("x = 1" + "0" * 300_000 + "\n", "characters long"),
        ("x = 1" + "0" * 5000 + "\n", "not valid Python"),
    ],
    ids=["long-sum", "parentheses", "minus-signs", "giant-list", "many-statements", "giant-int", "long-int"],
)
def test_hostile_snippets_get_one_clear_line_under_a_memory_cap(tmp_path, code, words):
    (tmp_path / "evil.py").write_text(code, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-m", "nodeeditor", "import", "evil.py", "-o", "out.bpgraph"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60, preexec_fn=_capped,
    )  # fmt: skip
    line = assert_one_error_line(proc, "error: evil.py:")
    assert words in line and "unexpected" not in line
    assert not (tmp_path / "out.bpgraph").exists()
