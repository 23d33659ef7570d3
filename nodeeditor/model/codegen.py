"""A graph as the textbook's layer code: ``nodeeditor code GRAPH`` and the Code dock.

The code reads like the end of the seed: one class per node type used (codegen_layers.py),
the Inputs as numbers, one layer object per node, the forward calls in topological order,
then the backward calls in reverse order from the seeds. Where a value feeds several wires
its gradient is written as the sum of theirs; where an input was broadcast, the sum back to
its shape is written out. It runs with Python and numpy alone and gives what the engine
gives (``--json`` prints what ``nodeeditor eval --json`` prints for the nodes):

- a node behind an open port or a shape that does not fit is ``None``, value and gradient;
- a node with no path to an Output runs no backward: its gradient is exactly 0;
- with no Output there is no backward pass and every gradient is ``None``;
- the backward calls run in the engine's order and a fan-out adds its wires up in the
  engine's order, so the sums round as the engine's do.

Everything from the file (names, ids) enters the code as an identifier made from it
(codegen_names.py) or as a ``repr`` string literal: never as code.
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from .codegen_layers import LAYERS
from .codegen_names import Names, comment_text
from .engine import Plan
from .errors import one_line
from .fileformat import GraphFileError, _os_reason
from .graph import Graph
from .ops import QT_TRANSLATE_NOOP, layer_class
from .safe_write import write_file

Shape = tuple[int, ...]

FUNCTIONS = '''

# -- printing the results -------------------------------------------------------------


def to_json(value):
    """A value as `nodeeditor eval --json` writes it: a number or nested lists, with "NaN",
    "Infinity" and "-Infinity" as strings (JSON has no such numbers), null if undefined."""
    if value is None:
        return None
    if isinstance(value, list):
        return [to_json(v) for v in value]
    if not isinstance(value, float):
        return to_json(np.asarray(value, dtype=float).tolist())
    if np.isnan(value):
        return "NaN"
    if np.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return value


def json_printable(text):
    """Control characters, line separators, bidi overrides and lone surrogates as \\\\uXXXX
    escapes, which mean the same to a JSON reader: an id cannot restyle the terminal."""
    bidi = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))
    unsafe = {"Cc", "Cs", "Zl", "Zp"}
    return "".join(
        f"\\\\u{ord(c):04x}" if unicodedata.category(c) in unsafe or ord(c) in bidi else c for c in text
    )
'''

MAIN = """

if "--json" in sys.argv[1:]:
    document = {"nodes": {node: {"value": to_json(v), "grad": to_json(g)} for node, (v, g) in nodes.items()}}
    print(json_printable(json.dumps(document, ensure_ascii=False)))
else:"""


@dataclass
class GeneratedCode:
    """The code, and which node each line belongs to (line numbers from 0)."""

    text: str
    owner: list[str | None] = field(default_factory=list)  # per line: the node it runs, if any
    forward_line: dict[str, int] = field(default_factory=dict)  # node -> its forward line
    backward_line: dict[str, int] = field(default_factory=dict)  # node -> where its gradient is made

    def lines_of(self, node_id: str) -> list[int]:
        """Every line that belongs to the node (its value, layer, forward, backward, gradient)."""
        return [i for i, n in enumerate(self.owner) if n == node_id]


def generate(graph: Graph, title: str = "", plan: Plan | None = None) -> GeneratedCode:
    """The layer code of ``graph`` (``plan``: the engine's plan of it, if one is at hand)."""
    return _Writer(graph, plan if plan is not None else Plan(graph), title).write()


def save_code(text: str, path: str | os.PathLike) -> None:
    """Write the code as a graph file is saved: the old file or the new one, whole;
    GraphFileError says why not (in words the GUI translates)."""
    name = os.fsdecode(path)
    try:
        write_file(name, text.encode("utf-8"))  # the code is printable text: it always encodes
    except (OSError, ValueError) as exc:  # ValueError: a NUL character in the name
        template = QT_TRANSLATE_NOOP("errors", "cannot save {path}: {why}")
        raise GraphFileError(template, path=name, why=_os_reason(exc)) from None


def literal(value: np.ndarray) -> str:
    """An Input's value as numpy code that makes exactly that value."""
    if value.ndim == 0:
        return f"np.float64({float(value)!r})"
    return f"np.array({value.tolist()!r})"


def _filled(shape: Shape, fill: float) -> str:
    if not shape:
        return repr(fill)
    what = "np.ones" if fill == 1.0 else "np.zeros"
    return f"{what}({shape[0] if len(shape) == 1 else shape})"


class _Writer:
    def __init__(self, graph: Graph, plan: Plan, title: str) -> None:
        self.graph, self.plan, self.title = graph, plan, title
        self.lines: list[str] = []
        self.owner: list[str | None] = []
        self.code = GeneratedCode("")
        self.order = [plan.ids[i] for i in np.argsort(graph.wiring().depth, kind="stable").tolist()]
        self.used = self._used_types()
        names = Names({LAYERS[t].class_name for t in LAYERS})
        self.var = {n: names.for_node(graph.name_of(n), n, graph.node(n).type) for n in graph.nodes}
        self.names = names
        stem = {n: v[:-1] if v.endswith("_") else v for n, v in self.var.items()}  # sum_ -> dsum
        self.layer = {n: names.take(f"{stem[n]}_layer") for n in self.order if self._runs(n)}
        self.has_grads = bool(plan.output_groups)
        self.dvar = {n: names.take(f"d{stem[n]}") for n in self.order if self._defined(n)}

    # -- what the plan says ------------------------------------------------------------

    def _defined(self, n: str) -> bool:
        return self.plan.shape(n) is not None

    def _type(self, n: str) -> str:
        return self.graph.node(n).type

    def _runs(self, n: str) -> bool:
        """Whether the node is a layer that runs (defined, not an Input)."""
        return self._defined(n) and self._type(n) != "Input"

    def _used_types(self) -> list[str]:
        used = {self._type(n) for n in self.order if self._runs(n)}
        return [t for t in LAYERS if t in used]

    def _sources(self, n: str) -> list[str]:
        i = self.plan.index[n]
        ports = len(layer_class(self._type(n)).ports)
        return [self.plan.ids[s] for s in self.plan.sources[i][:ports].tolist()]

    # -- writing -------------------------------------------------------------------------

    def emit(self, text: str = "", node: str | None = None) -> int:
        self.lines.append(text)
        self.owner.append(node)
        return len(self.lines) - 1

    def write(self) -> GeneratedCode:
        self._header()
        for t in self.used:
            self.emit()
            self.emit()
            for line in LAYERS[t].source.splitlines():
                self.emit(line)
        self._inputs()
        self._layers()
        self._forward()
        if self.has_grads:
            _Backward(self).write()
        else:
            self.emit()
            self.emit("# No Output node: there is no loss to differentiate, so no backward pass.")
        self._results()
        self.code.text = "\n".join(self.lines) + "\n"
        self.code.owner = self.owner
        return self.code

    def _header(self) -> None:
        what = f"The computational graph {comment_text(self.title)}" if self.title else "A graph"
        self.emit(f"# {what} as the textbook's layer classes, written by Backprop Studio.")
        self.emit("# It needs Python and numpy only. It prints")
        self.emit("#   python THIS_FILE.py          each Input's value and gradient, each Output's value")
        self.emit("#   python THIS_FILE.py --json   what `nodeeditor eval --json` prints for the nodes")
        self.emit("import json")
        self.emit("import sys")
        self.emit("import unicodedata")
        self.emit()
        self.emit("import numpy as np")
        self.emit()
        self.emit("np.seterr(all='ignore')  # 1/0 gives inf and 0/0 NaN, as in the app, without warnings")

    def _inputs(self) -> None:
        inputs = [n for n in self.order if self._type(n) == "Input"]
        if not inputs:
            return
        self.emit()
        self.emit()
        self.emit("# -- the Inputs (numpy numbers: 1/0 is inf, not an error) ------------------------")
        for n in inputs:
            value = self.graph.params_of(n)["value"]
            line = self.emit(f"{self.var[n]} = {literal(value)}{self._aka(n)}", n)
            self.code.forward_line[n] = line

    def _aka(self, n: str) -> str:
        """A comment with the node's name when its variable does not say it."""
        name = self.graph.name_of(n) or n
        return "" if name == self.var[n] else f"  # {comment_text(name)}"

    def _layers(self) -> None:
        if not self.layer:
            return
        self.emit()
        self.emit("# -- one layer object per node ---------------------------------------------------")
        for n, obj in self.layer.items():
            cls = LAYERS[self._type(n)].class_name
            params = self.graph.params_of(n)
            args = ", ".join(f"{k}={float(params[k])!r}" for k in layer_class(self._type(n)).params)
            self.emit(f"{obj} = {cls}({args}){self._aka(n)}", n)

    def _forward(self) -> None:
        self.emit()
        self.emit("# -- forward: each node once its inputs are known ---------------------------------")
        for n in self.order:
            if self._type(n) == "Input":
                continue
            if not self._defined(n):
                why = one_line(str(self.plan.problem.get(n, "")))
                self.code.forward_line[n] = self.emit(f"{self.var[n]} = None  # undefined: {why}", n)
                continue
            args = ", ".join(self.var[s] for s in self._sources(n))
            self.code.forward_line[n] = self.emit(f"{self.var[n]} = {self.layer[n]}.forward({args})", n)

    def _results(self) -> None:
        for line in (FUNCTIONS + "\n\n" + self._results_table() + MAIN).splitlines()[1:]:
            self.emit(line)
        for n in self.order:
            t = self._type(n)
            if t not in ("Input", "Output"):
                continue
            label = self.graph.name_of(n) or n
            if t == "Input":
                grad = f", {f'   dL/d({label}) ='!r}, {self._grad_expr(n)}"
                self.emit(f"    print({label + ' ='!r}, {self.var[n]}{grad})")
            else:
                self.emit(f"    print({label + ' ='!r}, {self.var[n]})")

    def _grad_expr(self, n: str) -> str:
        return self.dvar[n] if self.has_grads and self._defined(n) else "None"

    def _results_table(self) -> str:
        rows = [f"    {n!r}: ({self.var[n]}, {self._grad_expr(n)})," for n in self.graph.nodes]
        head = "# Every node's value and dL/d(value), by its id in the graph file"
        return "\n".join([head, "nodes = {", *rows, "}"])


class _Backward:
    """The backward pass: the engine's groups last to first, each group's nodes in order."""

    def __init__(self, w: _Writer) -> None:
        self.w = w
        self.plan = w.plan
        # node -> (order key, the name its wire's gradient has) for every wire into a live node
        self.parts: dict[str, list[tuple[tuple[int, int, int], str]]] = defaultdict(list)
        self.waiting: dict[str, int] = defaultdict(int)  # node -> wires still to send it a gradient
        for g in self.plan.groups:
            if g.live:
                for n in g.ids:
                    for s in w._sources(n):
                        self.waiting[s] += 1
        self.total = dict(self.waiting)

    def write(self) -> None:
        w = self.w
        w.emit()
        w.emit("# -- backward: from the seeds, each node once every wire out of it has its gradient --")
        for step, gi in enumerate(range(len(self.plan.groups) - 1, -1, -1)):
            g = self.plan.groups[gi]
            if not g.live:
                continue
            done: list[str] = []
            for row, n in enumerate(g.ids):
                self._node(n, gi, row, step, done)
            for s in done:
                self._sum(s)
        self._dead()

    def _node(self, n: str, gi: int, row: int, step: int, done: list[str]) -> None:
        w = self.w
        if w._type(n) == "Output":
            seed = self.plan.seeds[self.plan.output_groups.index(gi)][row]
            shape = w.plan.shape(n)
            text = _filled(shape, 1.0) if np.all(seed == 1.0) else literal(np.asarray(seed))
            what = "1" if text == _filled(shape, 1.0) else "the seed the file gives"
            w.emit(f"{w.dvar[n]} = {text}  # the seed: backward starts here, dL/d{w.var[n]} = {what}", n)
        srcs = w._sources(n)
        outs = []
        for port, s in enumerate(srcs):
            many = self.total[s] > 1
            suffix = f"_{layer_class(w._type(n)).ports[port]}" if srcs.count(s) > 1 else ""
            name = w.names.take(f"{w.dvar[s]}_from_{w.var[n]}{suffix}") if many else w.dvar[s]
            outs.append(name)
            self.parts[s].append(((step, port, row), name))
        line = w.emit(f"{', '.join(outs)} = {w.layer[n]}.backward({w.dvar[n]})", n)
        w.code.backward_line[n] = line
        for port, s in enumerate(srcs):
            self._unbroadcast(n, s, outs[port], line)
            self.waiting[s] -= 1
            if self.waiting[s] == 0:
                done.append(s)
                w.code.backward_line.setdefault(s, line)

    def _unbroadcast(self, n: str, s: str, name: str, line: int) -> None:
        """The sum back to the input's shape, where the layer's output is larger."""
        out, shape = self.plan.shape(n), self.plan.shape(s)
        if self.w._type(n) in ("Sum", "MatMul") or shape == out:
            return
        lead = len(out) - len(shape)
        ones = tuple(lead + i for i, k in enumerate(shape) if k == 1 and out[lead + i] != 1)
        var, node = self.w.var[s], self.w.var[n]
        if not shape:
            call = ".sum()"
            why = f"{var} is one number used for every element of {node}: its gradient adds theirs up"
        elif not ones:
            call = ".sum(axis=0)"
            why = f"{var} was used again for every row of {node}: its gradient adds up the rows'"
        elif not lead:
            axes = ones[0] if len(ones) == 1 else ones
            call = f".sum(axis={axes}, keepdims=True)"
            why = f"{var} was repeated along axis {axes} to fit {node}: its gradient adds up the copies'"
        else:
            call = f".sum(axis={tuple(range(lead)) + ones}, keepdims=True).reshape({shape})"
            why = f"{var} was broadcast to the shape of {node}: its gradient adds up the copies'"
        self.w.emit(f"# {why}", n)
        self.w.emit(f"{name} = {name}{call}", n)

    def _sum(self, s: str) -> None:
        """A node whose value went out on several wires: its gradient is the sum of theirs."""
        parts = [name for _, name in sorted(self.parts[s])]
        if len(parts) < 2:
            return
        w = self.w
        w.emit(f"# {w.var[s]} went out on {len(parts)} wires: its gradient is the sum of theirs", s)
        w.code.backward_line[s] = w.emit(f"{w.dvar[s]} = {' + '.join(parts)}", s)

    def _dead(self) -> None:
        w = self.w
        dead = [n for n in w.order if w._defined(n) and not self.plan.live[self.plan.index[n]]]
        if not dead:
            return
        w.emit()
        w.emit("# No path from these to an Output: no gradient flows back to them, it is exactly 0.")
        for n in dead:
            w.code.backward_line[n] = w.emit(f"{w.dvar[n]} = {_filled(w.plan.shape(n), 0.0)}", n)
