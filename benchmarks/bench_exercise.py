"""Exercises at scale: a chain of N wires with every gradient hidden (issue 12 §1).

Measured and reported, not asserted. Run from the repository root:

    PYTHONPATH=. .venv/bin/python benchmarks/bench_exercise.py [N]   # N = 2000 wires by default

Times (best of 3, ``time.perf_counter``): reading the file (``loads``), masking one evaluation
(``shown_result``), writing it (``dumps``) and the ✓/✗ marks of every wire label, as one repaint
of the canvas asks for them (``exercise_view.mark``, without Qt).
"""

from __future__ import annotations

import json
import sys
import time
from itertools import pairwise
from types import SimpleNamespace

from nodeeditor.gui.exercise_view import mark
from nodeeditor.model import dumps, evaluate, loads
from nodeeditor.model.exercise import Answer, parse_answer, shown_result


def chain(n: int) -> str:
    nodes = [{"id": "x", "type": "Input", "value": 0.5}, *({"id": f"n{i}", "type": "Sin"} for i in range(n))]
    nodes.append({"id": "o", "type": "Output"})
    ids = ["x", *(f"n{i}" for i in range(n)), "o"]
    edges = [{"from": a, "to": b, "port": 0} for a, b in pairwise(ids)]
    hidden = [{"edge": e, "what": "grad"} for e in edges[:-1]]
    doc = {"format": "nodeeditor-graph", "version": 2, "nodes": nodes, "edges": edges}
    return json.dumps({**doc, "exercise": {"hidden": hidden}})


def best(run, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    text = chain(n)
    graph = loads(text)
    result = evaluate(graph)
    for blank in graph.exercise.blanks[::2]:  # half answered, so the marks have work to do
        graph.exercise.answers[blank] = Answer(parse_answer("0"))
    shown = shown_result(graph, result)
    document = SimpleNamespace(graph=graph, true_result=result, result=shown)
    edges = list(graph.edges)
    rows = [
        ("read the file", best(lambda: loads(text))),
        ("mask one evaluation", best(lambda: shown_result(graph, result))),
        ("write the file", best(lambda: dumps(graph))),
        ("marks of every wire label", best(lambda: [mark(document, e, "grad") for e in edges])),
    ]
    print(f"| {n} wires, every gradient hidden | time |\n|---|---|")
    for name, seconds in rows:
        print(f"| {name} | {seconds * 1e3:.1f} ms |")


if __name__ == "__main__":
    main()
