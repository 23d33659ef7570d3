"""What the canvas and the panels may show of an exercise: the GUI side of the one masking rule.

The rule itself is ``nodeeditor.model.exercise.Mask``; ``Document.result`` is already masked
(hidden numbers are ``Hidden`` and format as "?"), so a view that formats what it reads from
``document.result`` (or ``scene.result``) with ``format_value`` / ``format_full`` is masked
without more. A view that shows numbers from anywhere else (its own evaluation, the node's
parameters, a check it runs) asks ``hides(document, target, what)`` first and writes "?".
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from ..model import Edge
from ..model.exercise import GRAD, VALUE, Blank, Mask, MaskedResult, answered_right, exists, open_blanks

RIGHT, WRONG = "✓", "✗"


def mask(document: Any) -> Mask | None:
    """The mask of the document's last evaluation, or None while nothing is hidden."""
    result = getattr(document, "result", None)
    return result.mask if isinstance(result, MaskedResult) else None


def hides(document: Any, target: str | Edge, what: str) -> bool:
    """Whether a view must write "?" for ``what`` ("value" or "grad") of a node id or a wire."""
    m = mask(document)
    return m is not None and m.hides(target, what)


def blank_at(document: Any, target: str | Edge, what: str) -> Blank | None:
    """The open blank a "?" at this place stands for: the blank on it, else the one that hides it."""
    graph, result = document.graph, document.true_result
    if graph.exercise is None or result is None:
        return None
    blanks = open_blanks(graph.exercise, graph, result)
    exact = [b for b in blanks if b.target == target and b.what == what]
    if exact:
        return exact[0]
    return next((b for b in blanks if Mask(graph, [b]).hides(target, what)), None)


def mark(document: Any, target: str | Edge, what: str) -> str:
    """ " ✓" after a number the student predicted right, " ✗" after a "?" predicted wrong, else "".
    A wire also carries the mark of its node's blank where it shows that node's number."""
    graph, result = document.graph, document.true_result
    exercise = graph.exercise
    if exercise is None or result is None or exercise.answers_shown:
        return ""
    for blank in _shown_at(graph, target, what):
        if blank in exercise.answers:  # only blanks have answers: no look through the blanks
            return " " + (RIGHT if answered_right(exercise, blank, result) else WRONG)
    return ""


def _shown_at(graph: Any, target: str | Edge, what: str) -> list[Blank]:
    if isinstance(target, str):
        return [Blank(node=target, what=what)]
    found = [Blank(edge=target, what=what)]
    if what == VALUE or len(graph.consumers(target.src)) == 1:
        found.append(Blank(node=target.src, what=what))
    if what == VALUE and graph.nodes[target.dst].type == "Output":
        found.append(Blank(node=target.dst, what=VALUE))
    return found


def copy_refusal(document: Any, node_ids: list[str]) -> str | None:
    """Why these nodes cannot be copied (an Input whose value is hidden would paste it), or None."""
    graph = document.graph
    hidden = [n for n in node_ids if graph.nodes[n].type == "Input" and hides(document, n, VALUE)]
    if not hidden:
        return None
    return QCoreApplication.translate(
        "Exercise", "{node} holds a hidden number: it can be copied once the exercise is answered."
    ).format(node=graph.nodes[hidden[0]].label)


def open_count(document: Any) -> int:
    graph, result = document.graph, document.true_result
    return len(open_blanks(graph.exercise, graph, result)) if result is not None else 0


def has_blanks(document: Any) -> bool:
    exercise = document.graph.exercise
    return exercise is not None and any(exists(b, document.graph) for b in exercise.blanks)


__all__ = ["GRAD", "RIGHT", "VALUE", "WRONG", "blank_at", "copy_refusal", "hides", "mark", "mask"]
