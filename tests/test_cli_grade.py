"""``nodeeditor grade REFERENCE SUBMISSION...`` as a teacher runs it (a separate process)."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from pathlib import Path

import pytest
from cli_kit import assert_one_error_line, example, graph_file, run
from test_cli_attacks import CONTROLS, ESCAPES, OUTER, run_capped

APPLES = example("buying_apples")


def z_of(tmp_path: Path, name: str, op: str, x: float = 3.0) -> Path:
    """z = op(x, y) → Square → Output."""
    nodes = [
        {"id": "x", "type": "Input", "value": x},
        {"id": "y", "type": "Input", "value": 1.0},
        {"id": "s", "type": op},
        {"id": "q", "type": "Square"},
        {"id": "z", "type": "Output"},
    ]
    edges = [
        {"from": "x", "to": "s", "port": 0},
        {"from": "y", "to": "s", "port": 1},
        {"from": "s", "to": "q", "port": 0},
        {"from": "q", "to": "z", "port": 0},
    ]
    return graph_file(tmp_path, name, nodes, edges)


def test_a_class_graded_as_a_table_exit_1_when_any_fails(tmp_path):
    ref = z_of(tmp_path, "ref.bpgraph", "Add")
    z_of(tmp_path, "kim.bpgraph", "Add", x=50.0)  # typed another x: the same function
    z_of(tmp_path, "lee.bpgraph", "Mul")
    (tmp_path / "park.bpgraph").write_text("{", "utf-8")
    proc = run("grade", ref, "kim.bpgraph", "lee.bpgraph", "park.bpgraph", "gone.bpgraph", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == ""
    assert proc.stdout.splitlines() == [
        "file          verdict   score  reason",
        "kim.bpgraph   pass          1",
        'lee.bpgraph   FAIL          0  Output "z" is 9 at the reference\'s values; the reference gives 16',
        "park.bpgraph  FAIL          0  the JSON ends too early (is the file cut off?) at line 1",
        "gone.bpgraph  FAIL          0  cannot read the file: No such file or directory",
        "1 of 4 passed",
    ]


def test_exit_0_when_all_pass_and_the_json(tmp_path):
    ref = z_of(tmp_path, "ref.bpgraph", "Add")
    z_of(tmp_path, "a.bpgraph", "Add")
    proc = run("grade", "ref.bpgraph", "a.bpgraph", "--json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == {
        "reference": "ref.bpgraph",
        "submissions": [{"file": "a.bpgraph", "ok": True, "score": 1.0, "reason": None}],
    }
    z_of(tmp_path, "b.bpgraph", "Sub")
    proc = run("grade", ref, "a.bpgraph", "b.bpgraph", "--json", "--points", "0", cwd=tmp_path)
    assert proc.returncode == 1
    rows = json.loads(proc.stdout)["submissions"]
    assert [(r["file"], r["ok"], r["score"]) for r in rows] == [
        ("a.bpgraph", True, 1.0),
        ("b.bpgraph", False, 0.0),
    ]
    assert rows[1]["reason"] == 'Output "z" is 4 at the reference\'s values; the reference gives 16'


def test_the_csv_opens_in_a_spreadsheet_korean_names_and_all(tmp_path):
    ref = z_of(tmp_path, "ref.bpgraph", "Add")
    z_of(tmp_path, "김민수.bpgraph", "Add")
    z_of(tmp_path, "=HYPERLINK(0).bpgraph", "Mul")
    proc = run("grade", ref, "김민수.bpgraph", "=HYPERLINK(0).bpgraph", "--csv", "grades.csv", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    data = (tmp_path / "grades.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbffile,verdict,score,reason\r\n")  # the BOM Excel needs for UTF-8
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[1] == ["김민수.bpgraph", "pass", "1", ""]
    assert rows[2][:3] == ["'=HYPERLINK(0).bpgraph", "FAIL", "0"]  # kept as text, not run as a formula
    assert proc.stdout.splitlines()[1].startswith("김민수.bpgraph")  # the table is printed too


def test_a_csv_that_cannot_be_written_is_said_before_grading(tmp_path):
    ref = z_of(tmp_path, "ref.bpgraph", "Add")
    proc = run("grade", ref, ref, "--csv", "no/such/folder/g.csv", cwd=tmp_path)
    line = assert_one_error_line(
        proc, "error: no/such/folder/g.csv: cannot write the table: there is no folder"
    )
    assert proc.stdout == "", line


def test_a_reference_that_cannot_be_read_is_one_error_line(tmp_path):
    (tmp_path / "ref.bpgraph").write_text('{"format": "nodeeditor-graph"}', "utf-8")
    z_of(tmp_path, "a.bpgraph", "Add")
    proc = run("grade", "ref.bpgraph", "a.bpgraph", cwd=tmp_path)
    assert_one_error_line(proc, "error: ref.bpgraph: version: expected a whole number, got missing")
    assert proc.stdout == ""
    graph_file(tmp_path, "noout.bpgraph", [{"id": "x", "type": "Input", "value": 1.0}], [])
    proc = run("grade", "noout.bpgraph", "a.bpgraph", cwd=tmp_path)
    assert_one_error_line(
        proc, "error: noout.bpgraph: the reference has no Output and no exercise: there is nothing to compare"
    )


@pytest.mark.parametrize(
    ("args", "start"),
    [
        (["grade"], "error: the following arguments are required: REFERENCE, SUBMISSION"),
        (["grade", "ref.bpgraph"], "error: the following arguments are required: SUBMISSION"),
        (
            ["grade", "r", "s", "--points", "lots"],
            "error: argument --points: must be a whole number from 0 to",
        ),
        (
            ["grade", "r", "s", "--points", "1001"],
            "error: argument --points: must be a whole number from 0 to",
        ),
        (["grde", "r"], "error: grde: no such command or file (did you mean grade?)"),
    ],
)
def test_bad_usage_is_exit_2(tmp_path, args, start):
    assert_one_error_line(run(*args, cwd=tmp_path), start)


def test_the_lessons_pass_against_themselves_and_fail_against_each_other(tmp_path):
    proc = run("grade", APPLES, APPLES, example("apples_and_oranges"), "--json", cwd=tmp_path)
    rows = json.loads(proc.stdout)["submissions"]
    assert [r["ok"] for r in rows] == [True, False]
    assert rows[1]["reason"].startswith('Output "price" is 715 ')


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS, FIFOs and /dev are Linux's here")
def test_hostile_submissions_are_failed_rows_and_the_rest_is_graded(tmp_path):
    """Under the memory cap and time limit of the attack tests: a cut file, JSON nested 100k
    deep, a FIFO, /dev/zero, a folder, 200k nodes, a 4e8-element part, control characters."""
    nodes = [{"id": "small", "type": "Input", "value": 2.0}, {"id": "sq", "type": "Square"},
             {"id": "o2", "type": "Output"}]  # fmt: skip
    edges = [{"from": "small", "to": "sq", "port": 0}, {"from": "sq", "to": "o2", "port": 0}]
    ref = graph_file(tmp_path, "ref.bpgraph", nodes, edges)
    (tmp_path / "cut.bpgraph").write_text('{"format": "nodeeditor-graph", "nodes": [{"id', "utf-8")
    (tmp_path / "deep.bpgraph").write_text("[" * 100_000 + "]" * 100_000, "utf-8")
    os.mkfifo(tmp_path / "pipe.bpgraph")
    (tmp_path / "zero.bpgraph").symlink_to("/dev/zero")
    (tmp_path / "folder.bpgraph").mkdir()
    many = [{"id": "small", "type": "Input", "value": 2.0}] + [
        {"id": f"n{i}", "type": "Neg"} for i in range(200_000)
    ]
    (tmp_path / "many.bpgraph").write_text(json.dumps({**OUTER, "nodes": many, "edges": []}), "utf-8")
    (tmp_path / "outer.bpgraph").write_text(json.dumps(OUTER), "utf-8")  # o2 = small², o1 is too big
    (tmp_path / "escapes.bpgraph").write_text(json.dumps(ESCAPES), "utf-8")
    names = ["cut", "deep", "pipe", "zero", "folder", "many", "escapes", "outer"]
    proc = run_capped(["grade", str(ref), *[f"{n}.bpgraph" for n in names], "--json"], tmp_path, 60)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == ""
    assert not CONTROLS & set(proc.stdout)
    rows = {Path(r["file"]).stem: r for r in json.loads(proc.stdout)["submissions"]}
    assert [rows[n]["ok"] for n in names] == [False] * 7 + [True]
    assert rows["deep"]["reason"] == "the JSON is nested too deeply"
    assert rows["pipe"]["reason"] == "cannot read the file: it is a named pipe (FIFO), not a regular file"
    assert rows["zero"]["reason"] == "cannot read the file: it is a device, not a regular file"
    assert rows["folder"]["reason"] == "cannot read the file: Is a directory"
    assert (
        rows["many"]["reason"]
        == "the graph has 200,001 nodes; at most 2,000 are graded against this reference"
    )
    assert rows["escapes"]["reason"].startswith("the graph has no Input")
    assert all("unexpected" not in r["reason"] for r in rows.values() if r["reason"])


def test_fill_in_the_numbers_scores_the_fraction_right(tmp_path):
    ref = z_of(tmp_path, "ref.bpgraph", "Add")
    doc = json.loads(ref.read_text("utf-8"))
    hidden = [{"node": "x", "what": "grad"}, {"node": "q", "what": "value"}, {"node": "y", "what": "grad"}]
    doc.update(version=2, exercise={"hidden": hidden})
    ref.write_text(json.dumps(doc), "utf-8")
    answers = [{"node": "x", "what": "grad", "answer": 8.0}, {"node": "q", "what": "value", "answer": 15.0}]
    (tmp_path / "kim.bpgraph").write_text(
        json.dumps({**doc, "exercise": {"hidden": hidden, "answers": answers}})
    )
    proc = run("grade", "ref.bpgraph", "kim.bpgraph", "--json", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    [row] = json.loads(proc.stdout)["submissions"]
    assert row == {"file": "kim.bpgraph", "ok": False, "score": 1 / 3, "reason": "1 of 3 answers are right"}
    proc = run("grade", "ref.bpgraph", "kim.bpgraph", cwd=tmp_path)
    assert proc.stdout.splitlines()[1] == "kim.bpgraph  FAIL     0.3333  1 of 3 answers are right"
