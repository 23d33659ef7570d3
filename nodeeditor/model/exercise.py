"""Exercises: numbers a teacher hides for a student to predict (predict, then see).

A *blank* is one hidden number: a node's or a wire's value or gradient. The student's
*answers* are checked against a fresh evaluation (``true_value``) with the exercise's
tolerance, so an answer stays right only while the graph computes that number.

While a blank is *open* (not answered right, answers not shown), no view may show its
number, nor a number that is the same number under another name. ``Mask`` is that one
rule; ``MaskedResult`` is an evaluation with those numbers replaced by ``Hidden`` stand-ins,
which ``format_value`` writes as "?". Every view that reads the editor's current result
gets the masked one, so a view added later is masked without knowing about exercises.

What one open blank hides (the same number under other names):
- a value: the value of the node that makes it, of every wire leaving that node, and of
  every Output node fed by it (an Output passes its input through); with an Output's value,
  the loss.
- a node's gradient: that gradient, and the gradient of every wire leaving the node (they
  add up to it, and with one wire the wire's gradient is the node's).
- a wire's gradient: that gradient, and its source node's gradient (the sum it is part of).
Numbers a student must compute from shown ones (a product, a sum) are what an exercise
asks for; they stay shown.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .errors import Translate
from .graph import Edge, Graph, GraphError
from .ops import QT_TRANSLATE_NOOP as _T
from .values import MAX_DIMS, MAX_ELEMENTS, BadValue, Hidden, check_nested

VALUE, GRAD = "value", "grad"
WHATS = (VALUE, GRAD)
DEFAULT_RTOL = 1e-3
DEFAULT_ATOL = 0.0
HINT_AFTER = 3  # wrong tries before the hint is offered without asking


@dataclass(frozen=True)
class Blank:
    """One hidden number: ``what`` ("value" or "grad") of a node or of a wire (one of the two)."""

    node: str | None = None
    edge: Edge | None = None
    what: str = GRAD

    @property
    def target(self) -> str | Edge:
        return self.node if self.node is not None else self.edge  # type: ignore[return-value]


@dataclass
class Answer:
    """The student's latest prediction for a blank and how many they have made."""

    value: np.ndarray
    tries: int = 1


@dataclass
class Exercise:
    blanks: list[Blank] = field(default_factory=list)
    rtol: float = DEFAULT_RTOL
    atol: float = DEFAULT_ATOL
    answers: dict[Blank, Answer] = field(default_factory=dict)
    answers_shown: bool = False
    extra: dict[str, Any] = field(default_factory=dict)  # other keys of the file's object, kept

    def copy(self) -> Exercise:
        return Exercise(
            list(self.blanks), self.rtol, self.atol, dict(self.answers), self.answers_shown, dict(self.extra)
        )


# -- checking answers ------------------------------------------------------------------


def true_value(blank: Blank, result: Any) -> np.ndarray | None:
    """The number a blank hides, from an evaluation; None if it is undefined or gone."""
    try:
        if blank.node is not None:
            if blank.what == VALUE:
                return result.value(blank.node)
            return result.grad(blank.node)
        if blank.edge is None or not result.has_wire(blank.edge):
            return None
        if blank.what == VALUE:
            return result.wire_value(blank.edge)
        return result.wire_grad(blank.edge)
    except GraphError:
        return None


def is_right(
    blank: Blank, answer: Answer | np.ndarray | float, result: Any, rtol: float = DEFAULT_RTOL,
    atol: float = DEFAULT_ATOL,
) -> bool:  # fmt: skip
    """Whether an answer matches the true number: same shape, every element within
    ``atol + rtol·|true|``; NaN matches NaN and an infinity the same infinity."""
    truth = true_value(blank, result)
    if truth is None:
        return False
    given = np.asarray(answer.value if isinstance(answer, Answer) else answer, dtype=float)
    truth = np.asarray(truth, dtype=float)
    if given.shape != truth.shape:
        return False
    if not given.shape:  # a number: np.isclose's rule without its cost (a canvas asks per label)
        a, b = float(given), float(truth)
        if a == b or (math.isnan(a) and math.isnan(b)):
            return True
        return math.isfinite(a) and math.isfinite(b) and abs(a - b) <= atol + rtol * abs(b)
    return bool(np.isclose(given, truth, rtol=rtol, atol=atol, equal_nan=True).all())


def answered_right(exercise: Exercise, blank: Blank, result: Any) -> bool:
    answer = exercise.answers.get(blank)
    return answer is not None and is_right(blank, answer, result, exercise.rtol, exercise.atol)


def score(exercise: Exercise, result: Any) -> tuple[int, int]:
    """(blanks answered right, blanks)."""
    right = sum(answered_right(exercise, b, result) for b in exercise.blanks)
    return right, len(exercise.blanks)


def exists(blank: Blank, graph: Graph) -> bool:
    """Whether the graph still has the node or wire a blank is on."""
    if blank.node is not None:
        return blank.node in graph
    e = blank.edge
    return e is not None and e.dst in graph and graph.source(e.dst, e.port) == e.src


def open_blanks(exercise: Exercise | None, graph: Graph, result: Any) -> list[Blank]:
    """The blanks whose numbers no view may show yet."""
    if exercise is None or exercise.answers_shown:
        return []
    return [b for b in exercise.blanks if exists(b, graph) and not answered_right(exercise, b, result)]


# -- the one masking rule --------------------------------------------------------------


class Mask:
    """What the views must not show while blanks are open (see the module's docstring)."""

    def __init__(self, graph: Graph, blanks: Iterable[Blank] = ()) -> None:
        self.value_sources: set[str] = set()  # nodes whose value (on every wire out) is hidden
        self.node_grads: set[str] = set()
        self.wire_grads: set[Edge] = set()
        self._graph = graph
        for blank in blanks:
            self._add(blank)

    def __bool__(self) -> bool:
        return bool(self.value_sources or self.node_grads or self.wire_grads)

    def _add(self, blank: Blank) -> None:
        graph = self._graph
        if blank.what == VALUE:
            src = blank.node if blank.node is not None else blank.edge.src  # type: ignore[union-attr]
            if blank.node is not None and graph.node(src).type == "Output":
                src = graph.source(src, 0)
            if src is not None:
                self.value_sources.add(src)
        elif blank.node is not None:
            self.node_grads.add(blank.node)
            self.wire_grads.update(graph.consumers(blank.node))
        else:
            self.wire_grads.add(blank.edge)  # type: ignore[arg-type]
            self.node_grads.add(blank.edge.src)  # type: ignore[union-attr]

    def hides(self, target: str | Edge, what: str) -> bool:
        """Whether a view must write "?" for ``what`` of a node id or a wire."""
        if isinstance(target, Edge):
            if what == VALUE:
                return target.src in self.value_sources
            return target in self.wire_grads
        if what == VALUE:
            if target in self.value_sources:
                return True
            return target in self._graph and self._output_of_hidden(target)
        return target in self.node_grads

    def _output_of_hidden(self, node_id: str) -> bool:
        graph = self._graph
        return graph.node(node_id).type == "Output" and graph.source(node_id, 0) in self.value_sources

    @property
    def hides_loss(self) -> bool:
        return any(self._output_of_hidden(n) for n in self._graph.of_type("Output"))


def mask_of(graph: Graph, result: Any) -> Mask:
    """The mask of the graph's exercise for this (true) evaluation."""
    return Mask(graph, open_blanks(graph.exercise, graph, result))


def reveals(mask: Mask, target: str | Edge, what: str) -> bool:
    """Whether showing ``what`` of a node or wire is allowed under ``mask`` (the same rule)."""
    return not mask.hides(target, what)


def hidden_like(value: Any) -> Hidden | None:
    """A hidden number's stand-in: its shape is known, its numbers are zeros nobody shows
    (``format_value`` writes "?"); finite, so no caption warns about it."""
    if value is None:
        return None
    stand_in = np.zeros(np.shape(value)).view(Hidden)
    stand_in.flags.writeable = False
    return stand_in


class MaskedResult:
    """An evaluation as the views may see it: the mask's numbers are ``Hidden``."""

    def __init__(self, result: Any, mask: Mask) -> None:
        self.true_result, self.mask = result, mask
        self.flags, self.grad_flags = result.flags, result.grad_flags
        self.loss_hidden = result.loss is not None and mask.hides_loss
        self.loss = hidden_like(result.loss) if self.loss_hidden else result.loss

    def __getattr__(self, name: str) -> Any:  # reaches_loss, has_wire, problems...: nothing to hide
        return getattr(self.true_result, name)

    def _masked(self, target: str | Edge, what: str, value: Any) -> Any:
        return hidden_like(value) if self.mask.hides(target, what) else value

    def value(self, node_id: str) -> np.ndarray | None:
        return self._masked(node_id, VALUE, self.true_result.value(node_id))

    def grad(self, node_id: str) -> np.ndarray | None:
        return self._masked(node_id, GRAD, self.true_result.grad(node_id))

    def wire_value(self, edge: Edge) -> np.ndarray | None:
        return self._masked(edge, VALUE, self.true_result.wire_value(edge))

    def wire_grad(self, edge: Edge) -> np.ndarray | None:
        return self._masked(edge, GRAD, self.true_result.wire_grad(edge))

    def values_of(self, node_ids: list[str]) -> list:
        values = self.true_result.values_of(node_ids)
        return [self._masked(n, VALUE, v) for n, v in zip(node_ids, values, strict=True)]

    def grads_of(self, node_ids: list[str]) -> list:
        grads = self.true_result.grads_of(node_ids)
        return [self._masked(n, GRAD, g) for n, g in zip(node_ids, grads, strict=True)]


def shown_result(graph: Graph, result: Any) -> Any:
    """What the views may see of an evaluation: the result itself, or masked while the
    graph's exercise has open blanks."""
    mask = mask_of(graph, result)
    return MaskedResult(result, mask) if mask else result


# -- the student's typing ----------------------------------------------------------------

_WORDS = {"nan": "NaN", "inf": "Infinity", "infinity": "Infinity", "∞": "Infinity"}


def parse_answer(text: str) -> np.ndarray:
    """A prediction as typed: ``6``, ``-1.5e3``, ``[1, 2]``, ``[[1, 2], [3, 4]]``; NaN and
    infinity may be predicted too. Parsed as JSON, never run; BadValue says what is wrong."""
    cleaned = text.strip().replace("−", "-")
    if not cleaned:
        raise BadValue(_T("errors", "is empty: type a number like 2 or a list like [1, 2, 3]"))
    sign, word = (cleaned[0], cleaned[1:]) if cleaned[0] in "+-" else ("", cleaned)
    if word.lower() in _WORDS:
        cleaned = ("-" if sign == "-" else "") + _WORDS[word.lower()]
    elif sign == "+":
        cleaned = word
    try:
        obj = json.loads(cleaned, parse_constant=float)
    except (ValueError, RecursionError):
        raise BadValue(
            _T("errors", '"{text}" is not a number or a list like [1, 2, 3] or [[1, 2], [3, 4]]'), text=text
        ) from None
    return answer_array(obj)


def answer_array(obj: Any) -> np.ndarray:
    """A number, vector or matrix of floats (NaN and infinities allowed) from parsed JSON."""
    check_nested(obj, 0)
    try:
        arr = np.array(obj, dtype=float)
    except OverflowError:  # an integer beyond float range
        raise BadValue(_T("errors", "is too large to be a finite number")) from None
    if arr.ndim > MAX_DIMS:
        raise BadValue(_T("errors", "must be a number, a vector or a matrix (nested at most 2 deep)"))
    if arr.size > MAX_ELEMENTS:
        raise BadValue(
            _T("errors", "has {n} elements; at most {limit} are allowed"), n=arr.size, limit=MAX_ELEMENTS
        )
    arr.flags.writeable = False
    return arr


# -- hints -------------------------------------------------------------------------------


def hint(graph: Graph, shown: Any, blank: Blank, translate: Translate | None = None) -> str:
    """The local computation that gives a blank's number, as the step-through writes it,
    with the numbers it may show filled in and the hidden ones (the answer too) as "?".

    ``shown`` is the masked evaluation (``shown_result``), so a hint reveals nothing."""
    from .steps import Captions  # steps imports the engine; a file reader need not

    captions = Captions(graph, shown, translate) if translate else Captions(graph, shown)
    if blank.what == VALUE:
        src = blank.node if blank.node is not None else blank.edge.src  # type: ignore[union-attr]
        return captions.forward(src, notes=False)
    if blank.edge is not None:
        return captions.chain_line(blank.edge)
    node = graph.node(blank.node)  # type: ignore[arg-type]
    wires = graph.consumers(node.id)
    if node.type == "Output" or not wires:
        return captions.backward(node.id, notes=False)
    lines = [captions.chain_line(e) for e in wires]
    if len(wires) > 1:
        lines.append(captions.fanout(node.id))
    return "\n".join(lines)
