"""``nodeeditor eval FILE`` done with micrograd: the peer in bench_engine.py's whole-process race.

    python benchmarks/micrograd_eval.py [--phases] FILE

Reads a graph file (FILE-FORMAT.md) of scalar nodes, builds the micrograd ``Value``
expression in topological order (the forward pass), calls ``backward()`` on the loss
L = sum of seed * Output, and prints the same summary as ``nodeeditor eval``: each
Input's value and gradient, each Output's value and seed. Only the node types
micrograd 0.1.0 can express: Input, Output, Add, Sub, Mul, Div, Neg, ReLU, Square, Pow.
``--phases`` also prints, on stderr, the seconds each part took (as JSON).
"""

from __future__ import annotations

import json
import math
import sys
import time
from collections import deque
from pathlib import Path

from micrograd.engine import Value

BINARY = {
    "Add": lambda a, b: a + b,
    "Sub": lambda a, b: a - b,
    "Mul": lambda a, b: a * b,
    "Div": lambda a, b: a / b,
}
UNARY = {
    "Neg": lambda a, n: -a,
    "ReLU": lambda a, n: a.relu(),
    "Square": lambda a, n: a**2,
    "Pow": lambda a, n: a**n,
}


def number(x: float) -> str:
    """As nodeeditor's format_value(x, 8) prints a number."""
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "∞" if x > 0 else "−∞"
    text = f"{x:.8g}"
    if "e" in text:
        mantissa, exp = text.split("e")
        text = f"{mantissa}e{int(exp)}"
    return "0" if text == "-0" else text.replace("-", "−")


def main(path: str, phases: bool = False) -> int:
    t0 = time.perf_counter()
    doc = json.loads(Path(path).read_text(encoding="utf-8"))
    t1 = time.perf_counter()
    nodes = {nd["id"]: nd for nd in doc["nodes"]}
    srcs: dict[str, list] = {n: [None, None] for n in nodes}
    consumers: dict[str, list[str]] = {n: [] for n in nodes}
    indegree = dict.fromkeys(nodes, 0)
    for e in doc["edges"]:
        srcs[e["to"]][e["port"]] = e["from"]
        consumers[e["from"]].append(e["to"])
        indegree[e["to"]] += 1
    ready = deque(n for n, k in indegree.items() if k == 0)
    val: dict[str, Value] = {}
    while ready:  # Kahn: build each Value once all its inputs exist
        n = ready.popleft()
        nd = nodes[n]
        t = nd["type"]
        a, b = srcs[n]
        if t == "Input":
            val[n] = Value(float(nd["value"]))
        elif t == "Output":
            val[n] = val[a]
        elif t in BINARY:
            val[n] = BINARY[t](val[a], val[b])
        elif t in UNARY:
            val[n] = UNARY[t](val[a], int(nd.get("exponent", 2)))
        else:
            raise SystemExit(f"error: {path}: micrograd has no {t} node")
        for d in consumers[n]:
            indegree[d] -= 1
            if indegree[d] == 0:
                ready.append(d)
    inputs = [n for n, nd in nodes.items() if nd["type"] == "Input"]
    outputs = [n for n, nd in nodes.items() if nd["type"] == "Output"]
    seeds = {n: float(nodes[n].get("grad", 1.0)) for n in outputs}
    t2 = time.perf_counter()
    loss = None
    if outputs:
        terms = [val[n] * seeds[n] if seeds[n] != 1.0 else val[n] for n in outputs]
        while len(terms) > 1:  # a balanced sum keeps backward's recursion shallow
            terms = [
                terms[i] + terms[i + 1] if i + 1 < len(terms) else terms[i] for i in range(0, len(terms), 2)
            ]
        loss = terms[0]
        sys.setrecursionlimit(max(sys.getrecursionlimit(), 10 * len(val) + 1000))
        loss.backward()
    t3 = time.perf_counter()

    def who(n: str) -> str:
        name = nodes[n].get("name", "")
        return n if not name or name == n else f"{name} ({n})"

    width = max([len(who(n)) for n in inputs + outputs] + [6])
    lines = [f"{Path(path).name}: {len(nodes)} nodes, {len(doc['edges'])} wires"]
    if loss is not None:
        lines.append(f"loss L = {number(loss.data)}")
    lines.append(f"{'Input':<{width}}  {'value':>14}  {'dL/d(input)':>14}")
    for n in inputs:
        g = number(val[n].grad) if loss is not None else "—"
        lines.append(f"{who(n):<{width}}  {number(val[n].data):>14}  {g:>14}")
    lines.append(f"{'Output':<{width}}  {'value':>14}  {'seed':>14}")
    for n in outputs:
        lines.append(f"{who(n):<{width}}  {number(val[n].data):>14}  {number(seeds[n]):>14}")
    if not outputs:
        lines.append("note: no Output node, so there are no gradients")
    print("\n".join(lines))
    if phases:
        sys.stdout.flush()
        spent = {"read + JSON": t1 - t0, "forward (build Values)": t2 - t1, "backward": t3 - t2}
        print(json.dumps({**spent, "summary": time.perf_counter() - t3}), file=sys.stderr)
    return 0


if __name__ == "__main__":
    args = sys.argv[1:]
    sys.exit(main(args[-1], phases="--phases" in args[:-1]))
