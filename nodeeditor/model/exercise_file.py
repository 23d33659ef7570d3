"""The ``exercise`` object of a graph file (format version 2), read strictly and written back.

Every problem is a GraphFileError naming its place, e.g. ``exercise.hidden[3].edge: no
such wire``. See docs/file-format.md, "Exercises (version 2)".
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from .exercise import WHATS, Answer, Blank, Exercise, answer_array, exists
from .fileformat import GraphFileError, _kept_json, _kind, _number, _require
from .graph import Edge, Graph
from .ops import QT_TRANSLATE_NOOP as _T
from .values import BadValue, to_json

_KEYS = ("tolerance", "hidden", "answers", "answers_shown")
_BLANK_KEYS = ("node", "edge", "what")
_ANSWER_KEYS = (*_BLANK_KEYS, "answer", "tries")
_CONSTANTS = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}


def read_exercise(doc: Any, graph: Graph) -> Exercise:
    """The exercise of a file whose graph has been read; GraphFileError if anything is off."""
    where = "exercise"
    if not isinstance(doc, dict):
        raise GraphFileError(_T("errors", "expected an object, got {got}"), where, got=_kind(doc))
    exercise = Exercise(extra=_kept_json({k: v for k, v in doc.items() if k not in _KEYS}, where))
    if "tolerance" in doc:
        exercise.rtol, exercise.atol = _tolerance(doc["tolerance"], f"{where}.tolerance")
    hidden = _require(doc, "hidden", list, where)
    at: dict[Blank, int] = {}  # each blank's place, to name the first of two
    for i, item in enumerate(hidden):
        place = f"{where}.hidden[{i}]"
        blank = _blank(item, place, _BLANK_KEYS, graph)
        if blank in at:
            raise GraphFileError(
                _T("errors", "hides the same number as hidden[{first}]"), place, first=at[blank]
            )
        at[blank] = i
        exercise.blanks.append(blank)
    answers = doc.get("answers", [])
    if not isinstance(answers, list):
        raise GraphFileError(
            _T("errors", "expected an array, got {got}"), f"{where}.answers", got=_kind(answers)
        )
    for i, item in enumerate(answers):
        place = f"{where}.answers[{i}]"
        blank = _blank(item, place, _ANSWER_KEYS, graph)
        if blank not in at:
            raise GraphFileError(_T("errors", "answers a number that is not hidden"), place)
        if blank in exercise.answers:
            raise GraphFileError(_T("errors", "a second answer for the same number"), place)
        exercise.answers[blank] = Answer(_answer(item, place), _tries(item, place))
    shown = doc.get("answers_shown", False)
    if not isinstance(shown, bool):
        raise GraphFileError(
            _T("errors", "expected true or false, got {got}"), f"{where}.answers_shown", got=_kind(shown)
        )
    exercise.answers_shown = shown
    return exercise


def _tolerance(doc: Any, where: str) -> tuple[float, float]:
    if not isinstance(doc, dict):
        raise GraphFileError(_T("errors", "expected an object, got {got}"), where, got=_kind(doc))
    for key in doc:
        if key not in ("rtol", "atol"):
            raise GraphFileError(_T("errors", "unknown key; a tolerance has rtol and atol"), f"{where}.{key}")
    rtol, atol = (_non_negative(doc, key, where) for key in ("rtol", "atol"))
    return rtol, atol


def _non_negative(doc: dict, key: str, where: str) -> float:
    default = {"rtol": 1e-3, "atol": 0.0}[key]
    if key not in doc:
        return default
    number = _number(doc[key], f"{where}.{key}")
    if number < 0:
        raise GraphFileError(_T("errors", "must not be negative"), f"{where}.{key}")
    return number


def _blank(doc: Any, where: str, keys: tuple[str, ...], graph: Graph) -> Blank:
    if not isinstance(doc, dict):
        raise GraphFileError(_T("errors", "expected an object, got {got}"), where, got=_kind(doc))
    for key in doc:
        if key not in keys:
            raise GraphFileError(_T("errors", "unknown key"), f"{where}.{key}")
    what = _require(doc, "what", str, where)
    if what not in WHATS:
        raise GraphFileError(
            _T("errors", 'expected "value" or "grad", got {got}'), f"{where}.what", got=_kind(what)
        )
    if ("node" in doc) == ("edge" in doc):
        raise GraphFileError(_T("errors", 'give either "node" or "edge", not both or neither'), where)
    if "node" in doc:
        node = _require(doc, "node", str, where)
        if node not in graph:
            raise GraphFileError(_T("errors", 'no node has the id "{id}"'), f"{where}.node", id=node)
        return Blank(node=node, what=what)
    place = f"{where}.edge"
    ed = _require(doc, "edge", dict, where)
    edge = Edge(
        _require(ed, "from", str, place), _require(ed, "to", str, place), _require(ed, "port", int, place)
    )
    blank = Blank(edge=edge, what=what)
    if set(ed) - {"from", "to", "port"} or not exists(blank, graph):
        raise GraphFileError(_T("errors", "no such wire"), place)
    return blank


def _answer(doc: dict, where: str) -> np.ndarray:
    place = f"{where}.answer"
    if "answer" not in doc:
        raise GraphFileError(_T("errors", "missing"), place)
    try:
        return answer_array(_numbers(doc["answer"], place))
    except BadValue as exc:
        raise GraphFileError(exc.template, place, **exc.params) from None


def _numbers(value: Any, where: str) -> Any:
    """ "NaN", "Infinity" and "-Infinity" as eval --json writes them; a bare NaN is not JSON."""
    if isinstance(value, str) and value in _CONSTANTS:
        return _CONSTANTS[value]
    if isinstance(value, float) and not math.isfinite(value):
        raise GraphFileError(
            _T("errors", 'write NaN and infinity as the texts "NaN", "Infinity", "-Infinity"'), where
        )
    if isinstance(value, list):
        return [_numbers(v, f"{where}[{i}]") for i, v in enumerate(value)]
    return value


def _tries(doc: dict, where: str) -> int:
    tries = doc.get("tries", 1)
    if isinstance(tries, bool) or not isinstance(tries, int) or tries < 1:
        raise GraphFileError(
            _T("errors", "expected a whole number of at least 1, got {got}"),
            f"{where}.tries",
            got=_kind(tries),
        )
    return tries


def write_exercise(exercise: Exercise, graph: Graph) -> dict[str, Any]:
    """The file's ``exercise`` object; blanks on nodes or wires the graph no longer has are left out."""
    blanks = [b for b in exercise.blanks if exists(b, graph)]
    kept = set(blanks)
    doc: dict[str, Any] = {"tolerance": {"rtol": exercise.rtol, "atol": exercise.atol}}
    doc["hidden"] = [_blank_doc(b) for b in blanks]
    doc["answers"] = [
        {**_blank_doc(b), "answer": to_json(a.value), "tries": a.tries}
        for b, a in exercise.answers.items()
        if b in kept
    ]
    doc["answers_shown"] = exercise.answers_shown
    return {**doc, **exercise.extra}


def _blank_doc(blank: Blank) -> dict[str, Any]:
    if blank.node is not None:
        return {"node": blank.node, "what": blank.what}
    e = blank.edge
    return {"edge": {"from": e.src, "to": e.dst, "port": e.port}, "what": blank.what}  # type: ignore[union-attr]
