"""Grading speed: 1,000 lesson-sized submissions against one reference (issue 12 §2: ≤ 10 s).

Measured and reported, not asserted. Run from the repository root:

    PYTHONPATH=. .venv/bin/python benchmarks/bench_grade.py            # 1,000 files, 3 runs
    PYTHONPATH=. .venv/bin/python benchmarks/bench_grade.py --files 5000 --runs 5

For each of two lessons (buying apples: 6 nodes; train a neuron: 10 nodes) it writes the
reference and 1,000 submissions into a temporary folder: 60 % the same function with the
nodes in another order, other ids (names kept), other typed values and positions; 30 % a
wrong function (one node's type changed, or a constant off by 10 %); 10 % broken (the JSON
cut short). Then it times, wall clock and CPU:

* **in process**: ``load_reference`` + ``Reference.grade_file`` for every file (reading,
  checking, evaluating at the reference's values and 5 random points, comparing), the
  median of ``--runs`` runs;
* **one point at a time**: the same, with each point evaluated by its own pass instead of
  all 6 in one batched pass (what the batching saves);
* **whole process**: ``python -m nodeeditor grade REF SUBMISSION... --json``, the command a
  teacher runs, start-up included, once.

It prints a Markdown table, ready to paste into benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from machine_info import cpu_and_cores, load_avg  # noqa: E402  (beside this script)

from nodeeditor.model import grading  # noqa: E402

LESSONS = ("04_buying_apples", "09_train_a_neuron")
SWAPS = {"Mul": "Add", "Add": "Mul", "Sub": "Add", "Sigmoid": "Tanh", "Square": "Exp"}


def variant(doc: dict, rng: random.Random, kind: str) -> str:
    nodes = [dict(n) for n in doc["nodes"]]
    edges = [dict(e) for e in doc["edges"]]
    new_id = {n["id"]: f"s{rng.randrange(10**6)}_{i}" for i, n in enumerate(nodes)}
    for n in nodes:
        if not n.get("name"):
            n["name"] = n["id"]  # matching by name, as a student's own ids differ from the teacher's
        n["id"] = new_id[n["id"]]
        n["pos"] = [rng.uniform(-500, 500), rng.uniform(-500, 500)]
        if n["type"] == "Input":
            n["value"] = rng.uniform(-5, 5)  # what a student typed: it must not matter
    for e in edges:
        e["from"], e["to"] = new_id[e["from"]], new_id[e["to"]]
    if kind == "wrong":
        op = rng.choice([n for n in nodes if n["type"] in SWAPS])
        op["type"] = SWAPS[op["type"]]
    rng.shuffle(nodes)
    rng.shuffle(edges)
    text = json.dumps({"format": "nodeeditor-graph", "version": 1, "nodes": nodes, "edges": edges}, indent=1)
    return text[: len(text) // 2] if kind == "broken" else text


def write_class(folder: Path, lesson: str, count: int, seed: int) -> tuple[Path, list[Path], list[str]]:
    source = ROOT / "resources" / "examples" / f"{lesson}.bpgraph"
    doc = json.loads(source.read_text("utf-8"))
    for n in doc["nodes"]:  # the reference names its nodes, so submissions can match by name
        if not n.get("name"):
            n["name"] = n["id"]
    reference = folder / f"{lesson}.ref.bpgraph"
    reference.write_text(json.dumps(doc), "utf-8")
    rng = random.Random(seed)
    files, kinds = [], []
    for i in range(count):
        kind = rng.choices(["right", "wrong", "broken"], [6, 3, 1])[0]
        path = folder / f"{lesson}-{i:05}.bpgraph"
        path.write_text(variant(doc, rng, kind), "utf-8")
        files.append(path)
        kinds.append(kind)
    return reference, files, kinds


class _OnePointAtATime:
    """``grading._Copies`` evaluating every point by a pass of its own (for comparison only)."""

    def __init__(self, graph, points, seeds) -> None:
        self.copies = [_BATCHED(graph, [p], seeds) for p in points]

    def value(self, k, node_id):
        return self.copies[k].value(0, node_id)

    def grad(self, k, node_id):
        return self.copies[k].grad(0, node_id)

    def problem(self, k, node_id):
        return self.copies[k].problem(0, node_id)


_BATCHED = grading._Copies


def grade_in_process(reference: Path, files: list[Path]) -> tuple[float, float, list]:
    t0, c0 = time.perf_counter(), time.process_time()
    ref = grading.load_reference(reference)
    rows = [ref.grade_file(f) for f in files]
    return time.perf_counter() - t0, time.process_time() - c0, rows


def median_run(reference: Path, files: list[Path], runs: int) -> tuple[float, float, list]:
    results = [grade_in_process(reference, files) for _ in range(runs)]
    wall = statistics.median(r[0] for r in results)
    cpu = statistics.median(r[1] for r in results)
    return wall, cpu, results[0][2]


def whole_process(reference: Path, files: list[Path]) -> tuple[float, int]:
    args = [sys.executable, "-m", "nodeeditor", "grade", str(reference), *map(str, files), "--json"]
    t0 = time.perf_counter()
    proc = subprocess.run(args, capture_output=True, text=True, encoding="utf-8", cwd=ROOT)
    wall = time.perf_counter() - t0
    assert proc.returncode in (0, 1), proc.stderr
    return wall, len(json.loads(proc.stdout)["submissions"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"Machine: {cpu_and_cores()}")
    print(f"Load average (1, 5, 15 min): {load_avg()} at the start")
    print()
    print(f"Grading {args.files:,} submissions, wall clock (CPU time) in s, the median of {args.runs} runs")
    print()
    print("| reference | nodes | pass / fail / broken | in process | per file | one point at a time ", end="")
    print("| whole process |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for seed, lesson in enumerate(LESSONS):
            folder = Path(tmp) / lesson
            folder.mkdir()
            reference, files, kinds = write_class(folder, lesson, args.files, seed)
            wall, cpu_s, rows = median_run(reference, files, args.runs)
            assert [r.ok for r in rows] == [k == "right" for k in kinds]  # every grade is the expected one
            grading._Copies = _OnePointAtATime  # type: ignore[misc,assignment]
            try:
                slow_wall, slow_cpu, slow_rows = median_run(reference, files, args.runs)
            finally:
                grading._Copies = _BATCHED  # type: ignore[misc]
            assert [(r.ok, str(r.reason)) for r in rows] == [(r.ok, str(r.reason)) for r in slow_rows]
            process, graded = whole_process(reference, files)
            assert graded == len(files)
            passed = sum(r.ok for r in rows)
            broken = sum(isinstance(r.reason, grading.GraphFileError) for r in rows)
            nodes = grading.load_reference(reference).size
            counts = f"{passed} / {len(rows) - passed - broken} / {broken}"
            per_file = f"{wall / len(files) * 1e3:.2f} ms"
            print(f"| {lesson} | {nodes} | {counts} | {wall:.2f} ({cpu_s:.2f}) | {per_file} ", end="")
            print(f"| {slow_wall:.2f} ({slow_cpu:.2f}) | {process:.2f} |")
    print()
    print(f"Load average (1, 5, 15 min): {load_avg()} at the end")


if __name__ == "__main__":
    main()
