"""Propagation one node at a time, with the chain rule written out in numbers.

Forward walks the topological order; backward walks it in reverse. Each step names the
node, the wires whose numbers it fills in, and a caption that names what it talks about
by symbols (see captions.py), such as ``w·x = 0.8 × 1.5 = 1.2`` or
``∂L/∂w = ∂L/∂(w·x) · x = (−0.06643) × 1.5 = −0.09965``. Every number comes from an
engine Result: the captions explain the evaluation, they never redo it.

A caption is one line per equation. Where a value or a gradient is not a finite number,
a last line says why, in the words of the node that made it (a dead branch, a log of a
negative number, ...), so the picture never shows numbers without their reason.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .captions import (
    TANGENT,
    TANGENT_NUMBERS,
    Labels,
    Sym,
    Symbols,
    dot,
    notation,
    number,
    partial,
    plain,
    short_id,
    top_symbol,
)
from .engine import Result
from .errors import Translate
from .forward_mode import Tangents
from .graph import Edge, Graph
from .ops import QT_TRANSLATE_NOOP
from .paths import Path
from .values import format_number, format_value

FORWARD, BACKWARD, TANGENT_PHASE = "forward", "backward", "tangent"
MAX_EXPRESSION_GRAPH = 2_000  # nodes: in a bigger graph a path names unnamed nodes by their ids
WARNING = "⚠ "


def _identity(context: str, text: str) -> str:
    return text


@dataclass(frozen=True)
class Step:
    phase: str  # FORWARD, BACKWARD or TANGENT_PHASE (forward mode)
    node_id: str
    wires: tuple[Edge, ...]  # forward and tangent: the node's outgoing wires; backward: its incoming ones
    caption: str
    label: str = ""  # how sentences name the node: "Mul (wx)"


class Captions:
    """The captions of one evaluation of one graph, in one language."""

    def __init__(self, graph: Graph, result: Result, translate: Translate = _identity) -> None:
        self.graph, self.result, self.translate = graph, result, translate
        self.symbol = Symbols(graph)
        self.label = Labels(graph, translate)
        self._outputs: int | None = None  # how many Outputs, counted when a caption needs it
        self.top = top_symbol(graph, result.target, self.symbol)  # L, or the target's symbol

    def tr(self, text: str, **fields: object) -> str:
        """``text`` (marked with QT_TRANSLATE_NOOP in context "steps") translated, fields put in."""
        return self.translate("steps", text).format(**fields)

    # -- forward --------------------------------------------------------------------------

    def forward(self, node_id: str, notes: bool = True) -> str:
        """The forward equation in numbers; with ``notes``, why a number is not finite."""
        graph, result = self.graph, self.result
        node = graph.nodes[node_id]
        value = format_value(result.value(node_id))
        if node.type == "Input":
            lines = [f"{self.symbol(node_id)} = {value}"]
        elif node.type == "Output":
            lines = [f"{self._loss_name(node_id)} = {self.symbol.expression(node_id)} = {value}"]
        else:
            note = notation(node.type)
            expr = self.symbol.expression(node_id)
            numbers = note.forward_numbers.format(**self._numbers(node_id))
            head = "" if str(self.symbol(node_id)) == expr else f"{self.symbol(node_id)} = "
            lines = [f"{head}{expr} = {numbers} = {value}"]
        return "\n".join(lines + (self._value_problem(node_id) if notes else []))

    def _loss_name(self, node_id: str) -> str:
        """An Output is L when it is the only one; else it is named by its symbol."""
        if self._outputs is None:
            self._outputs = len(self.graph.of_type("Output"))
        return "L" if self._outputs == 1 else str(self.symbol(node_id))

    # -- backward -------------------------------------------------------------------------

    def backward(self, node_id: str, notes: bool = True) -> str:
        """The chain rule in numbers, one line per wire; with ``notes``, why a number is not finite."""
        graph, result = self.graph, self.result
        node = graph.nodes[node_id]
        lines = [self.fanout(node_id)] if len(graph.consumers(node_id)) > 1 else []
        if result.target is not None and (node_id == result.target or not result.reaches_loss(node_id)):
            lines = self._from_target(node_id)
        elif node.type == "Output":
            seed = self.translate("captions", notation("Output").local[0])
            lines = [f"∂L/∂{self._loss_name(node_id)} = {seed} = {format_value(result.grad(node_id))}"]
        elif node.type == "Input":
            if not lines:
                lines = [f"{partial(self.top, self.symbol(node_id))} = {format_value(result.grad(node_id))}"]
        elif not self.result.reaches_loss(node_id):
            lines.append(self._dead(node_id))
        else:
            lines += [self._chain(node_id, e) for e in graph.in_edges(node_id)]
        return "\n".join(lines + (self.problems(node_id, backward=True) if notes else []))

    def chain_line(self, e: Edge) -> str:
        """The chain rule for one wire's gradient, as the backward step of its end writes it."""
        return self._chain(e.dst, e)

    def _chain(self, node_id: str, e: Edge) -> str:
        """``∂L/∂w = ∂L/∂(w·x) · x = (−0.06643) × 1.5 = −0.09965`` for one wire into the node."""
        note = notation(self.graph.nodes[node_id].type)
        up = partial(self.top, self.symbol(node_id))
        local = note.local[e.port].format(**self.symbol.local_fields(node_id))
        text = f"{partial(self.top, self.symbol(e.src))} = " + note.chain_of(e.port).format(
            up=up, local=local
        )
        if note.local_numbers is not None:
            factor = note.local_numbers[e.port].format(**self._numbers(node_id))
            up_number = number(format_value(self.result.grad(node_id)))
            text += f" = {up_number:p} × {factor}"
        text += f" = {format_value(self.result.wire_grad(e))}"
        wires = self.graph.consumers(e.src)
        if len(wires) > 1:  # one of several terms: say which, as the fan-out sum adds them up
            text += " " + self.tr(
                QT_TRANSLATE_NOOP("steps", "(wire {k} of {n})"), k=wires.index(e) + 1, n=len(wires)
            )
        return text

    def fanout(self, node_id: str) -> str:
        """``∂L/∂x = 1.1 + 2.2 = 3.3`` where a value feeds several wires; else empty.

        Negative terms stand in parentheses, as in the products: ``∂L/∂x = 3 + (−1) = 2``.
        """
        wires = self.graph.consumers(node_id)
        if len(wires) < 2:
            return ""
        terms = " + ".join(format(number(format_value(self.result.wire_grad(e))), "p") for e in wires)
        return (
            f"{partial(self.top, self.symbol(node_id))} = {terms} = {format_value(self.result.grad(node_id))}"
        )

    def _from_target(self, node_id: str) -> list[str]:
        """With a target: at the target the seed (ones), then its chain rule; elsewhere no path."""
        result = self.result
        if node_id != result.target:
            return [self._dead(node_id)]
        seed = QT_TRANSLATE_NOOP("steps", "{d} = {seed}: backward starts here (the target)")
        lines = [
            self.tr(seed, d=partial(self.top, self.symbol(node_id)), seed=format_value(result.grad(node_id)))
        ]
        if self.graph.nodes[node_id].type != "Input":
            lines += [self._chain(node_id, e) for e in self.graph.in_edges(node_id)]
        return lines

    def _dead(self, node_id: str) -> str:
        if self.result.target is not None:
            return self.tr(
                QT_TRANSLATE_NOOP(
                    "steps",
                    "No path leads from {node} to the target {target}: {d} = 0, "
                    "and every wire into it carries 0.",
                ),
                node=self.label(node_id),
                target=self.label(self.result.target),
                d=partial(self.top, self.symbol(node_id)),
            )
        return self.tr(
            QT_TRANSLATE_NOOP(
                "steps", "No path leads from {node} to L: ∂L/∂{symbol} = 0, and every wire into it carries 0."
            ),
            node=self.label(node_id),
            symbol=format(self.symbol(node_id), "a"),
        )

    # -- forward mode ---------------------------------------------------------------------

    def tangent(self, node_id: str, tangents: Tangents) -> str:
        """``ṫ = ẋ + ẏ = 1 + 0 = 1``: the node's tangent rule in symbols, in numbers, and its tangent."""
        graph, node = self.graph, self.graph.nodes[node_id]
        value = tangents.node(node_id)
        head = dot(self._loss_name(node_id) if node.type == "Output" else str(self.symbol(node_id)))
        if value is None:
            return ""
        if node.type == "Input":
            if node_id != tangents.wrt:
                return f"{head} = 0"
            return self.tr(QT_TRANSLATE_NOOP("steps", "{d} = {direction}: the direction"), d=head,
                           direction=format_value(tangents.direction))  # fmt: skip
        if not tangents.moves(node_id):
            template = QT_TRANSLATE_NOOP("steps", "{d} = 0: {node} does not depend on {input}")
            return self.tr(template, d=head, node=self.label(node_id), input=self.label(tangents.wrt))
        edges = graph.in_edges(node_id)
        symbols = {**self.symbol.local_fields(node_id)}
        numbers = {**self._numbers(node_id)}
        for e in edges:
            port = node.ports[e.port]
            symbols["d" + port] = dot(str(self.symbol(e.src)))
            numbers["d" + port] = number(format_value(tangents.wire(e)))
        rule = TANGENT[node.type].format(**symbols)
        numeric = TANGENT_NUMBERS[node.type].format(**numbers)
        return f"{head} = {rule} = {numeric} = {format_value(value)}"

    # -- paths ----------------------------------------------------------------------------

    def path(self, path: Path, start: str) -> str:
        """``x → t → z: ∂z/∂t · ∂t/∂x = 6 · 1 = 6``: the nodes, the local derivatives from the
        end back (the chain rule's order) and, where they are numbers, their product."""
        graph, result = self.graph, self.result
        nodes = [start] + [w.dst for w in path.wires]
        end = nodes[-1]  # an Output at the end is L, as in ∂L/∂z, when it is the only one
        last = (
            self._loss_name(end) if graph.nodes[end].type == "Output" and len(nodes) > 1 else self.label(end)
        )
        head = " → ".join([*(self.label(n) for n in nodes[:-1]), last])
        sym = self._path_symbol
        if not path.wires:
            return f"{head}: {partial(self.top, sym(start))} = 1"
        names, numbers = [], []
        for w, f in zip(reversed(path.wires), reversed(path.factors), strict=True):
            if graph.nodes[w.dst].type == "Output" and result.target is None:
                names.append(partial(self._loss_name(w.dst), sym(w.src)))
                f = None if f is None else f * float(np.sum(result.grad(w.dst)))  # the seed: ∂L/∂(Output)
            else:
                names.append(partial(sym(w.dst), sym(w.src)))
            numbers.append(None if f is None else format(number(format_number(f)), "p"))
        text = f"{head}: " + " · ".join(names)
        if path.product is None or None in numbers:
            return text
        return text + " = " + " · ".join(numbers) + f" = {format_number(path.product)}"  # type: ignore[arg-type]

    def _path_symbol(self, node_id: str) -> Sym:
        """A node's symbol in a path; in a graph of thousands of nodes an unnamed one is named
        by its id: working out its expression would read thousands of nodes upstream, and
        there it is made of ids anyway."""
        if len(self.graph) <= MAX_EXPRESSION_GRAPH or self.graph.name_of(node_id):
            return self.symbol(node_id)
        return plain(short_id(node_id))

    # -- numbers that are not finite ------------------------------------------------------

    def problems(self, node_id: str, backward: bool = False) -> list[str]:
        """Every reason the numbers at a node are not finite: its value, its gradient, L.

        A backward step leaves out the value's reason while L is not finite: L's line says
        where the trouble comes from, and a caption need not say it twice.
        """
        loss = self._loss_problem()
        if self.graph.nodes[node_id].type == "Output":
            return loss or self._value_problem(node_id)
        value = self._value_problem(node_id)
        if value:
            return loss if backward and loss else value + loss
        graph, result = self.graph, self.result
        grads = [result.grad(node_id)] + [result.wire_grad(e) for e in graph.in_edges(node_id)]
        if all(_finite(g) for g in grads):
            return loss
        return [WARNING + self.why(node_id, gradient=True), *loss]

    def _value_problem(self, node_id: str) -> list[str]:
        value = self.result.value(node_id)
        if value is None or np.isfinite(value).all():
            return []
        return [WARNING + self.why(node_id)]

    def _loss_problem(self) -> list[str]:
        """While L is not a number, the gradients still multiply the local slopes, but they
        say nothing about how L changes: every backward step says so, and why."""
        loss = self.result.loss
        if loss is None or np.isfinite(loss) or self.result.target is not None:
            return []
        outputs = [n for n in self.graph.of_type("Output") if not _finite(self.result.value(n))]
        template = QT_TRANSLATE_NOOP(
            "steps",
            "L is {loss} ({reason}). The gradients still multiply the local slopes, "
            "but L has no slope to follow here.",
        )
        reason = self.why(outputs[0]) if outputs else ""
        return [WARNING + self.tr(template, loss=format_value(np.float64(loss)), reason=reason)]

    def why(self, node_id: str, gradient: bool = False) -> str:
        """Why a node's value (or gradient) is not a finite number, in a sentence.

        A node the engine flagged says its own reason; a node that only passes on what it
        got names the flagged node it comes from: ``it comes from Log (l): log of a negative
        number``. Values come from upstream, gradients from downstream.
        """
        source = self._source(node_id, gradient)
        if source is None:
            if gradient:
                return self.tr(QT_TRANSLATE_NOOP("steps", "the slope here is infinite or undefined"))
            return self.tr(QT_TRANSLATE_NOOP("steps", "the value is too large (overflow)"))
        reason = _reason(self.result.problem_text(source), self.translate)
        if source == node_id:
            return reason
        template = QT_TRANSLATE_NOOP("steps", "it comes from {node}: {reason}")
        return self.tr(template, node=self.label(source), reason=reason)

    def _source(self, node_id: str, gradient: bool) -> str | None:
        """The nearest flagged node along wires that carry something not finite."""
        graph, result = self.graph, self.result
        n, seen = node_id, set()
        while n not in seen:
            seen.add(n)
            if result.problem_text(n) is not None:
                return n
            if gradient:
                nxt = [e.dst for e in graph.consumers(n) if not _finite(result.wire_grad(e))]
            else:
                nxt = [e.src for e in graph.in_edges(n) if not _finite(result.value(e.src))]
            if not nxt:
                return None
            n = nxt[0]
        return None

    def _numbers(self, node_id: str) -> dict[str, Sym]:
        """The values a caption may mention: inputs by port name, z, n and the seed."""
        graph, result = self.graph, self.result
        node = graph.nodes[node_id]
        ports = node.ports
        names: dict[str, Sym] = {}
        for e in graph.in_edges(node_id):
            names[ports[e.port]] = number(format_value(result.value(e.src)))
        names["z"] = number(format_value(result.value(node_id)))
        if node.type == "Pow":
            n = float(node.params["exponent"])
            names["n"], names["n1"] = number(format_number(n)), number(format_number(n - 1))
        if node.type == "ReLU":
            x = result.value(graph.in_edges(node_id)[0].src)
            names["step"] = number(format_value(np.where(np.asarray(x) > 0, 1.0, 0.0)))
        if node.type == "Output":
            names["seed"] = number(format_value(result.grad(node_id)))
        return names


def _reason(problem: object, translate: Translate) -> str:
    translated = getattr(problem, "translated", None)
    return translated(translate) if callable(translated) else str(problem)


def _finite(value: np.ndarray | None) -> bool:
    return value is None or bool(np.isfinite(value).all())


def propagation_steps(graph: Graph, result: Result, translate: Translate = _identity) -> list[Step]:
    """All forward steps, then all backward steps (if there are gradients)."""
    captions = Captions(graph, result, translate)
    order = [n for n in graph.topological_order() if result.value(n) is not None]
    label = captions.label
    steps = [Step(FORWARD, n, tuple(graph.consumers(n)), captions.forward(n), label(n)) for n in order]
    if result.has_gradients:
        for n in reversed(order):
            steps.append(Step(BACKWARD, n, tuple(graph.in_edges(n)), captions.backward(n), label(n)))
    return steps


def tangent_steps(
    graph: Graph, result: Result, tangents: Tangents, translate: Translate = _identity
) -> list[Step]:
    """Forward mode step by step: every defined node's tangent, in topological order."""
    captions = Captions(graph, result, translate)
    label = captions.label
    order = [n for n in graph.topological_order() if tangents.node(n) is not None]
    return [
        Step(TANGENT_PHASE, n, tuple(graph.consumers(n)), captions.tangent(n, tangents), label(n))
        for n in order
    ]


def path_caption(
    graph: Graph, result: Result, path: Path, start: str, translate: Translate = _identity
) -> str:
    """One path of a PathReport (paths.py) written out: nodes, local derivatives, numbers."""
    return Captions(graph, result, translate).path(path, start)


def more_paths(count: int, translate: Translate = _identity) -> str:
    """``and 6,557,470,319,822 more`` under a list of paths."""
    return translate("steps", QT_TRANSLATE_NOOP("steps", "and {count} more")).format(count=f"{count:,}")


def forward_caption(graph: Graph, result: Result, node_id: str, translate: Translate = _identity) -> str:
    return Captions(graph, result, translate).forward(node_id)


def backward_caption(graph: Graph, result: Result, node_id: str, translate: Translate = _identity) -> str:
    return Captions(graph, result, translate).backward(node_id)


def fanout_sum(graph: Graph, result: Result, node_id: str) -> str:
    return Captions(graph, result).fanout(node_id)
