"""Builders and comparisons shared by the model tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from nodeeditor.model import Graph

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "resources" / "examples"
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.bpgraph"))


def example(word: str) -> Path:
    """The one example file whose name contains ``word`` (e.g. "buying_apples")."""
    found = [p for p in EXAMPLE_FILES if word in p.stem]
    assert len(found) == 1, f"expected one example named like {word!r}, found {found}"
    return found[0]


ALL_TYPES = {
    # type: number of input ports, as in the table of FILE-FORMAT.md
    "Input": 0,
    "Output": 1,
    "Add": 2,
    "Sub": 2,
    "Mul": 2,
    "Div": 2,
    "Neg": 1,
    "Square": 1,
    "Pow": 1,
    "Exp": 1,
    "Log": 1,
    "Sigmoid": 1,
    "Tanh": 1,
    "ReLU": 1,
    "Sin": 1,
    "Cos": 1,
    "Sum": 1,
    "MatMul": 2,
}


def op_graph(type_name: str, inputs: list[Any], seed: Any = None, **params: Any) -> Graph:
    """Input nodes in0, in1, … → one node "op" of ``type_name`` → Output "out"."""
    g = Graph()
    for i, value in enumerate(inputs):
        g.add_node("Input", f"in{i}", value=value)
    g.add_node(type_name, "op", **params)
    for i in range(len(inputs)):
        g.connect(f"in{i}", "op", i)
    g.add_node("Output", "out", grad=seed)
    g.connect("op", "out", 0)
    return g


def build(spec: list[tuple[str, str, list[str | None], dict[str, Any]]]) -> Graph:
    """A graph from ``(id, type, [source ids by port], params)`` rows; a source None
    leaves that port open."""
    g = Graph()
    for node_id, type_name, _, params in spec:
        g.add_node(type_name, node_id, **params)
    for node_id, _, srcs, _ in spec:
        for port, src in enumerate(srcs):
            if src is not None:
                g.connect(src, node_id, port)
    return g


def _plain(v: Any) -> Any:
    return np.asarray(v).tolist() if isinstance(v, np.ndarray) else v


def state(g: Graph) -> tuple:
    """Everything a graph holds, as plain comparable data."""
    nodes = {
        n.id: (n.type, n.name, n.pos, {k: _plain(v) for k, v in n.params.items()}, n.extra)
        for n in g.nodes.values()
    }
    edges = sorted((e.src, e.dst, e.port) for e in g.edges)
    return nodes, edges


def assert_same_result(a, b, g: Graph) -> None:
    """Two Results of the same graph agree on every value, gradient and wire."""
    for n in g.nodes:
        for get in ("value", "grad"):
            x, y = getattr(a, get)(n), getattr(b, get)(n)
            assert (x is None) == (y is None), (n, get)
            if x is not None:
                np.testing.assert_array_equal(x, y, err_msg=f"{get} of {n}")
        assert a.problem(n) == b.problem(n)
    for e in g.edges:
        for get in ("wire_value", "wire_grad"):
            x, y = getattr(a, get)(e), getattr(b, get)(e)
            assert (x is None) == (y is None), (e, get)
            if x is not None:
                np.testing.assert_array_equal(x, y, err_msg=f"{get} of {e}")
    assert a.loss == b.loss or (np.isnan(a.loss) and np.isnan(b.loss))


# -- random DAGs ---------------------------------------------------------------

SHAPES = [(), (3,), (2, 3), (3, 2), (2, 1)]
SAFE_UNARY = ["Neg", "Square", "Sin", "Cos", "Tanh", "Sigmoid", "Exp", "ReLU", "Sum"]
ELEMENTWISE_BINARY = ["Add", "Sub", "Mul"]


def _broadcast(a: tuple, b: tuple) -> tuple | None:
    try:
        return tuple(np.broadcast_shapes(a, b))
    except ValueError:
        return None


def _matmul(a: tuple, b: tuple) -> tuple | None:
    if not a or not b or a[-1] != b[0]:
        return None
    return a[:-1] + b[1:]


def random_spec(rng: np.random.Generator, n_nodes: int, n_outputs: int | None = None):
    """A random acyclic graph spec with fan-out, broadcasting and several Outputs.

    Returns ``(spec, shapes)``. Every port is wired; Log, Div and fractional or
    negative powers only take inputs that are positive by construction.
    """
    spec: list[tuple[str, str, list[str], dict[str, Any]]] = []
    shape: dict[str, tuple] = {}
    positive: dict[str, bool] = {}
    n_inputs = int(rng.integers(2, max(3, n_nodes // 3) + 1))
    for i in range(n_inputs):
        s = SHAPES[int(rng.integers(len(SHAPES)))]
        pos = bool(rng.random() < 0.5)
        low, high = (0.5, 2.0) if pos else (-2.0, 2.0)
        value = rng.uniform(low, high, s)
        node_id = f"x{i}"
        spec.append((node_id, "Input", [], {"value": value}))
        shape[node_id], positive[node_id] = s, pos
    n_outputs = n_outputs or int(rng.integers(1, 4))
    n_ops = max(1, n_nodes - n_inputs - n_outputs)
    made = 0

    def pick() -> str:
        # Prefer recent nodes so graphs grow deep, but reach back for fan-out.
        ids = list(shape)
        weights = np.linspace(1.0, 3.0, len(ids))
        return ids[int(rng.choice(len(ids), p=weights / weights.sum()))]

    while made < n_ops:
        ids = list(shape)
        kind = rng.random()
        node_id = f"n{made}"
        if kind < 0.45:
            op = SAFE_UNARY[int(rng.integers(len(SAFE_UNARY)))]
            a = pick()
            out = () if op == "Sum" else shape[a]
            spec.append((node_id, op, [a], {}))
            pos = op in ("Exp", "Sigmoid") or (op == "Square" and positive[a])
        elif kind < 0.55:
            a = pick()
            if positive[a]:
                exponent = float(rng.choice([0.5, -1.0, 1.5, 2.0]))
                op, params = ("Log", {}) if rng.random() < 0.6 else ("Pow", {"exponent": exponent})
            else:
                op, params = "Pow", {"exponent": float(rng.choice([2.0, 3.0]))}
            out = shape[a]
            spec.append((node_id, op, [a], params))
            pos = op == "Pow" and positive[a]
        elif kind < 0.9:
            a, b = pick(), pick()
            op = ELEMENTWISE_BINARY[int(rng.integers(3))]
            if rng.random() < 0.25 and any(positive[n] for n in ids):
                op = "Div"
                b = rng.choice([n for n in ids if positive[n]])
            out = _broadcast(shape[a], shape[b])
            if out is None:
                continue
            spec.append((node_id, op, [a, str(b)], {}))
            pos = op in ("Mul", "Div", "Add") and positive[a] and positive[str(b)]
        else:
            a, b = pick(), pick()
            out = _matmul(shape[a], shape[b])
            if out is None:
                continue
            spec.append((node_id, "MatMul", [a, b], {}))
            pos = False
        shape[node_id], positive[node_id] = out, bool(pos)
        made += 1
    candidates = [n for n in shape if not n.startswith("x")] or list(shape)
    for k in range(n_outputs):
        src = candidates[int(rng.integers(max(0, len(candidates) - 6), len(candidates)))]
        seed = None if rng.random() < 0.3 else rng.uniform(-2, 2, shape[src])
        spec.append((f"out{k}", "Output", [src], {"grad": seed}))
    return spec, shape


# Values at the edges: zeros, where Log and Div have singularities; ±30, ±40, ±700,
# where Sigmoid, Tanh and Exp saturate or overflow; tiny and huge numbers.
EDGE_VALUES = [0.0, -0.0, 1.0, -1.0, 30.0, -40.0, 700.0, -710.0, 1e-200, -1e200, 1e300]
WILD_UNARY = ["Neg", "Square", "Sin", "Cos", "Tanh", "Sigmoid", "Exp", "ReLU", "Sum", "Log", "Pow"]
EXPONENTS = [0.5, -1.0, 1.5, 2.0, 3.0, -0.5, 1 / 3]


def wild_spec(rng: np.random.Generator, n_nodes: int, shapes: list[tuple] | None = None,
              open_ports: float = 0.05) -> list:  # fmt: skip
    """A random acyclic graph spec with no care for the numbers: Log, Div and Pow take
    any input, Inputs hold values at the edges (``EDGE_VALUES``), some nodes reach no
    Output, and each port is left open with probability ``open_ports``."""
    shapes = shapes or SHAPES
    spec: list[tuple[str, str, list[str | None], dict[str, Any]]] = []
    shape: dict[str, tuple] = {}
    for i in range(int(rng.integers(2, max(3, n_nodes // 3) + 1))):
        s = shapes[int(rng.integers(len(shapes)))]
        value = rng.uniform(-2.0, 2.0, s)
        edge = rng.random(s) < 0.4
        value = np.where(edge, rng.choice(EDGE_VALUES, s), value)
        spec.append((f"x{i}", "Input", [], {"value": value}))
        shape[f"x{i}"] = s
    n_outputs = int(rng.integers(1, 4))
    made = 0
    while made < max(1, n_nodes - len(shape) - n_outputs):
        ids = list(shape)
        a, b = ids[int(rng.integers(len(ids)))], ids[int(rng.integers(len(ids)))]
        kind, params = rng.random(), {}
        if kind < 0.5:
            op = WILD_UNARY[int(rng.integers(len(WILD_UNARY)))]
            srcs, out = [a], () if op == "Sum" else shape[a]
            if op == "Pow":
                params = {"exponent": float(rng.choice(EXPONENTS))}
        elif kind < 0.9:
            op = ["Add", "Sub", "Mul", "Div"][int(rng.integers(4))]
            srcs, out = [a, b], _broadcast(shape[a], shape[b])
        else:
            op, srcs, out = "MatMul", [a, b], _matmul(shape[a], shape[b])
        if out is None:
            continue
        srcs = [None if rng.random() < open_ports else src for src in srcs]
        node_id = f"n{made}"
        spec.append((node_id, op, srcs, params))
        shape[node_id] = out
        made += 1
    ops = [n for n in shape if n.startswith("n")]
    for k in range(n_outputs):
        src = ops[int(rng.integers(max(0, len(ops) - 8), len(ops)))]
        seed = None if rng.random() < 0.3 else rng.uniform(-2, 2, shape[src])
        spec.append((f"out{k}", "Output", [src], {"grad": seed}))
    return spec
