"""Grading a class: each student's graph file against the teacher's reference (issue 12 §2).

"Build this function": the submission must compute the reference's function. Its Inputs are
matched to the reference's by name, else by id, and must have the same shapes; its other
Inputs are constants (their values from the file). Its Outputs are matched by name, else by
id, or, when both files have exactly one Output, to each other whatever their names. Both
graphs are evaluated at the reference's own Input values and at ``points`` random points
around them; every matched Output's value and every reference Input's gradient must agree
within ``RTOL``/``ATOL``. What the student typed into the matched Inputs does not matter.

"Around them": each element ``v`` of a reference Input is drawn uniformly from
``v ± max(|v|, 1)``. A scale relative to ``|v|`` keeps a price of 100 and a tax of 1.1 each
in its own range (50 % to 150 % would still hide a difference only seen across zero, so the
whole width is ``|v|`` either side); the floor of 1 gives a value of 0 (or 1e-9) a unit
neighbourhood instead of none. A point where the reference itself is not finite (a Log
that went below zero) is drawn again, up to ``ROUNDS`` times, each round half as far out;
the points are the same for every submission (a fixed seed), so a class is graded alike.

"Fill in the numbers": a reference with an exercise (format version 2) hides numbers; each
of the student's answers in their file is checked against the true number, from the
reference evaluated at its own values, with the exercise's tolerance (``exercise.score``).

Both in one reference: an answer counts only on a graph that still computes the asked
function, so the score is the fraction of answers right when the function check passes and
0 when it fails (a reference without an exercise: 1 or 0; one without an Output is graded
on its answers alone). A file whose answers were shown ("Show answers") scores 0 for its
answers: what it holds may have been copied from the screen. A row passes when its score is 1.

A submission that cannot be read, has a cycle, misses an Input or has no wired Output is a
failed row with its reason; nothing about one file stops the next.
"""

from __future__ import annotations

import csv
import io
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np

from .engine import evaluate
from .errors import ModelError, Text, Translate, one_line
from .exercise import Exercise, score
from .fileformat import GraphFileError, from_document, read_document
from .graph import Graph, Node
from .ops import QT_TRANSLATE_NOOP as _T
from .values import format_value

POINTS = 5  # random points besides the reference's own values
SEED = 12  # the same points for every submission, every run
RTOL, ATOL = 1e-6, 1e-9
ROUNDS = 4  # draws of candidates for the random points, each half as far out as the one before
# A submission may have this many nodes and bytes, or GROWTH times the reference's: a lesson's
# hand-in is a few kB; a 256 MB one would cost seconds and gigabytes, for one row.
MAX_NODES_FLOOR = 2_000
MAX_BYTES_FLOOR = 8 * 1024 * 1024
GROWTH = 50

Reason = Text | ModelError  # ``str()`` in English, ``translated(translate)`` for the GUI


def _text(template: str, **params: Any) -> Text:
    return Text("grading", template, **params)


class BadReferenceError(ModelError):
    """A reference that cannot be graded against; the CLI's exit 2."""

    context = "grading"


class _SubmissionError(Exception):
    """One submission fails; ``reason`` says why."""

    def __init__(self, reason: Reason) -> None:
        super().__init__(str(reason))
        self.reason = reason


@dataclass(frozen=True)
class Row:
    """One submission's grade: ``score`` from 0 to 1, ``reason`` None when it passed."""

    file: str
    ok: bool
    score: float
    reason: Reason | None

    def reason_text(self, translate: Translate | None = None) -> str | None:
        if self.reason is None:
            return None
        return self.reason.translated(translate) if translate else str(self.reason)


# -- evaluation at many points in one pass ---------------------------------------------------


class _Copies:
    """A graph replicated once per point into one Graph: the engine stacks the copies' nodes of
    one type and depth into one group, so N + 1 points cost about what one point does."""

    def __init__(self, graph: Graph, points: list[dict[str, np.ndarray]], seeds: dict[str, Any]) -> None:
        nodes = list(graph.nodes.values())
        index = {n.id: i for i, n in enumerate(nodes)}
        self.index, self.count = index, len(points)
        made: dict[str, Node] = {}
        wires: dict[tuple[str, int], str] = {}
        edges = [(index[e.dst], e.port, index[e.src]) for e in graph.edges]
        for k, point in enumerate(points):
            for i, n in enumerate(nodes):
                params = n.params
                if n.type == "Input" and n.id in point:
                    params = {**params, "value": point[n.id]}
                elif n.type == "Output":
                    params = {**params, "grad": seeds.get(n.id)}
                made[f"{k}.{i}"] = Node(f"{k}.{i}", n.type, "", None, params)
            for dst, port, src in edges:
                wires[(f"{k}.{dst}", port)] = f"{k}.{src}"
        big = Graph()
        big.bulk_load_wires(made, wires)
        self.result = evaluate(big)

    def _id(self, k: int, node_id: str) -> str:
        return f"{k}.{self.index[node_id]}"

    def value(self, k: int, node_id: str) -> np.ndarray | None:
        return self.result.value(self._id(k, node_id))

    def grad(self, k: int, node_id: str) -> np.ndarray | None:
        return self.result.grad(self._id(k, node_id))

    def problem(self, k: int, node_id: str) -> Reason | None:
        return self.result.problem_text(self._id(k, node_id))


def _draw(own: dict[str, np.ndarray], count: int, rng: np.random.Generator, reach: float) -> list[dict]:
    return [
        {
            n: np.asarray(v + reach * np.maximum(np.abs(v), 1.0) * rng.uniform(-1.0, 1.0, v.shape))
            for n, v in own.items()
        }
        for _ in range(count)
    ]


def _finite(*arrays: np.ndarray | None) -> bool:
    return all(a is not None and bool(np.isfinite(a).all()) for a in arrays)


# -- the reference ---------------------------------------------------------------------------


class Reference:
    """The teacher's graph, evaluated once at its points; ``grade`` grades one submission."""

    def __init__(self, graph: Graph, points: int = POINTS, seed: int = SEED, file_bytes: int = 0) -> None:
        self.graph = graph
        self.max_bytes = max(MAX_BYTES_FLOOR, GROWTH * file_bytes)
        self.inputs = graph.of_type("Input")
        self.outputs = graph.of_type("Output")
        self.size = len(graph)
        self.exercise = graph.exercise if graph.exercise is not None and graph.exercise.blanks else None
        self.truth = evaluate(graph) if self.exercise is not None else None  # the numbers hidden
        if not self.outputs and self.exercise is None:
            raise BadReferenceError(
                _T("grading", "the reference has no Output and no exercise: there is nothing to compare")
            )
        self.own = {n: np.asarray(graph.params_of(n)["value"], dtype=float) for n in self.inputs}
        self.points: list[dict[str, np.ndarray]] = [self.own]
        if self.outputs:
            self._prepare_function(points, seed)

    def _prepare_function(self, points: int, seed: int) -> None:
        """The reference's values and gradients at its own point and the random ones."""
        graph = self.graph
        self.seeds = {n: graph.params_of(n)["grad"] for n in self.outputs}
        first = _Copies(graph, [self.own], self.seeds)
        for n in self.outputs:
            if first.value(0, n) is None:
                raise BadReferenceError(
                    _T("grading", 'the reference\'s Output "{output}" has no value: {why}'),
                    output=self._who(n),
                    why=first.problem(0, n) or "",
                )
        self.points = [self.own, *self._random_points(points, seed)]
        at = _Copies(graph, self.points, self.seeds)
        self.values = [{n: at.value(k, n) for n in self.outputs} for k in range(len(self.points))]
        self.grads = [{n: at.grad(k, n) for n in self.inputs} for k in range(len(self.points))]
        # What a submission's values and gradients are compared with, flat, in the order
        # ``_compare`` reads them: each point's Outputs, then each point's Input gradients.
        self._entries = [(k, n, "Output") for k in range(len(self.points)) for n in self.outputs]
        self._entries += [(k, n, "gradient") for k in range(len(self.points)) for n in self.inputs]
        arrays = [self.values[k][n] if w == "Output" else self.grads[k][n] for k, n, w in self._entries]
        ends = np.cumsum([np.size(a) for a in arrays]).tolist()
        self._spans = list(zip([0, *ends[:-1]], ends, strict=True))
        self._flat = np.concatenate([np.ravel(a) for a in arrays]) if arrays else np.zeros(0)

    def _who(self, node_id: str) -> str:
        return one_line(self.graph.name_of(node_id) or node_id)

    def _random_points(self, count: int, seed: int) -> list[dict[str, np.ndarray]]:
        if not self.inputs or count <= 0:
            return []  # a function of nothing has one value: the one at its own point
        rng = np.random.default_rng(seed)
        found: list[dict[str, np.ndarray]] = []
        for r in range(ROUNDS):
            candidates = _draw(self.own, 4 * count, rng, 0.5**r)
            at = _Copies(self.graph, candidates, self.seeds)
            for k, point in enumerate(candidates):
                values = [at.value(k, n) for n in self.outputs]
                grads = [at.grad(k, n) for n in self.inputs]
                if _finite(*values, *grads):
                    found.append(point)
                    if len(found) == count:
                        return found
        return found  # fewer, where the reference is finite almost nowhere near its values

    # -- one submission ------------------------------------------------------------------------

    def grade(self, graph: Graph) -> tuple[float, Reason | None]:
        """(score, why it failed or None) for a submission already read."""
        if self.outputs:
            try:
                self._check_function(graph)
            except _SubmissionError as fail:
                return 0.0, fail.reason
        if self.exercise is None:
            return 1.0, None
        return self._check_answers(graph)

    def _check_answers(self, sub: Graph) -> tuple[float, Reason | None]:
        """The student's answers against the reference's true numbers, with its tolerance."""
        ref = self.exercise
        theirs = sub.exercise
        answers = theirs.answers if theirs is not None else {}
        right, total = score(Exercise(list(ref.blanks), ref.rtol, ref.atol, dict(answers)), self.truth)  # type: ignore[union-attr]
        if theirs is not None and theirs.answers_shown:
            template = _T(
                "grading", "the answers were shown, so they do not count ({right} of {total} right)"
            )
            return 0.0, _text(template, right=right, total=total)
        if right == total:
            return 1.0, None
        return right / total, _text(
            _T("grading", "{right} of {total} answers are right"), right=right, total=total
        )

    def _check_function(self, sub: Graph) -> None:
        inputs = _match(self.graph, self.inputs, sub, sub.of_type("Input"), "Input")
        for r, s in inputs.items():
            want, got = self.own[r].shape, sub.params_of(s)["value"].shape
            if want != got:
                raise _SubmissionError(
                    _text(
                        _T("grading", 'Input "{input}" is {got}; the reference\'s is {want}'),
                        input=self._who(r),
                        got=_shape_text(got),
                        want=_shape_text(want),
                    )
                )
        outputs = self._match_outputs(sub)
        seeds = {o: np.zeros(()) for o in sub.of_type("Output")}
        seeds.update({s: self.seeds[r] for r, s in outputs.items()})
        at = _Copies(sub, [{inputs[r]: v for r, v in p.items()} for p in self.points], seeds)
        for (
            r,
            s,
        ) in outputs.items():  # whether an Output is defined, and its shape, is the same at every point
            got, want = at.value(0, s), self.values[0][r]
            if got is None:
                why = at.problem(0, s) or ""
                template = _T("grading", 'Output "{output}" has no value: {why}')
                raise _SubmissionError(_text(template, output=_who(sub, s), why=why))
            if got.shape != want.shape:
                template = _T("grading", 'Output "{output}" is {got}; the reference\'s is {want}')
                got_shape, want_shape = _shape_text(got.shape), _shape_text(want.shape)
                raise _SubmissionError(_text(template, output=self._who(r), got=got_shape, want=want_shape))
        self._compare(at, outputs, inputs)

    def _compare(self, at: _Copies, outputs: dict[str, str], inputs: dict[str, str]) -> None:
        """Every point's Output values and Input gradients at once, with one ``isclose``; only
        when something differs, the first difference, for the reason."""
        got_all = [at.value(k, s) for k in range(len(self.points)) for s in outputs.values()]
        got_all += [at.grad(k, s) for k in range(len(self.points)) for s in inputs.values()]
        flat = np.concatenate([np.ravel(g) for g in got_all]) if got_all else np.zeros(0)
        with np.errstate(all="ignore"):
            close = np.isclose(flat, self._flat, rtol=RTOL, atol=ATOL, equal_nan=True)
        if close.all():
            return
        first = int(np.argmin(close))
        (k, r, what), got = next(
            (e, g)
            for e, g, (lo, hi) in zip(self._entries, got_all, self._spans, strict=True)
            if lo <= first < hi
        )
        want = self.values[k][r] if what == "Output" else self.grads[k][r]
        template = (
            _T("grading", 'Output "{node}" is {got} {where}; the reference gives {want}')
            if what == "Output"
            else _T("grading", 'the gradient of Input "{node}" is {got} {where}; the reference gives {want}')
        )
        got_text, want_text = format_value(got, 6), format_value(want, 6)
        raise _SubmissionError(
            _text(template, node=self._who(r), got=got_text, where=self._where(k), want=want_text)
        )

    def _match_outputs(self, sub: Graph) -> dict[str, str]:
        theirs = sub.of_type("Output")
        if not theirs:
            raise _SubmissionError(_text(_T("grading", "the graph has no Output")))
        if len(self.outputs) == 1 and len(theirs) == 1:
            return {self.outputs[0]: theirs[0]}
        return _match(self.graph, self.outputs, sub, theirs, "Output")

    def _where(self, k: int) -> Text:
        if k == 0:
            return _text(_T("grading", "at the reference's values"))
        shown = [f"{self._who(n)} = {format_value(v, 4)}" for n, v in list(self.points[k].items())[:4]]
        more = ", …" if len(self.points[k]) > 4 else ""
        return _text(_T("grading", "at {point}"), point=", ".join(shown) + more)

    # -- files -----------------------------------------------------------------------------------

    def grade_file(self, path: str | os.PathLike) -> Row:
        """One submission file's row; whatever the file holds, a row (never an exception)."""
        name = os.fspath(path)
        try:
            score, reason = self.grade(self._read(path))
        except _SubmissionError as fail:
            return Row(name, False, 0.0, fail.reason)
        except GraphFileError as exc:
            return Row(name, False, 0.0, exc)
        except (MemoryError, RecursionError):
            return Row(
                name, False, 0.0, _text(_T("grading", "this graph needs more memory than the computer has"))
            )
        except Exception as exc:  # one strange file must not stop the class's other rows
            return Row(
                name,
                False,
                0.0,
                _text(
                    _T("grading", "unexpected problem: {what}"), what=one_line(f"{type(exc).__name__}: {exc}")
                ),
            )
        return Row(name, reason is None, score, reason)

    def _read(self, path: str | os.PathLike) -> Graph:
        self._check_size(path)
        doc = read_document(path)
        limit = max(MAX_NODES_FLOOR, GROWTH * self.size)
        nodes = doc.get("nodes") if isinstance(doc, dict) else None
        if isinstance(nodes, list) and len(nodes) > limit:
            raise _SubmissionError(
                _text(
                    _T(
                        "grading",
                        "the graph has {count} nodes; at most {limit} are graded against this reference",
                    ),
                    count=f"{len(nodes):,}",
                    limit=f"{limit:,}",
                )
            )
        return from_document(doc, layout=False)

    def _check_size(self, path: str | os.PathLike) -> None:
        try:
            st = os.stat(path)
        except (OSError, ValueError):
            return  # read_document says why it cannot be read
        if stat.S_ISREG(st.st_mode) and st.st_size > self.max_bytes:
            template = _T(
                "grading", "the file is {size} bytes; at most {limit} are graded against this reference"
            )
            raise _SubmissionError(_text(template, size=f"{st.st_size:,}", limit=f"{self.max_bytes:,}"))


def _who(graph: Graph, node_id: str) -> str:
    return one_line(graph.name_of(node_id) or node_id)


def _shape_text(shape: tuple[int, ...]) -> Text:
    if not shape:
        return _text(_T("grading", "a number"))
    return _text(_T("grading", "of shape ({shape})"), shape="×".join(map(str, shape)))


def _match(ref: Graph, wanted: list[str], sub: Graph, theirs: list[str], kind: str) -> dict[str, str]:
    """Each of the reference's nodes ``wanted`` -> the submission's node of the same name (a name
    the reference gives one node and the submission one), else of the same id."""
    ours = _by_name(ref, wanted)
    by_name = _by_name(sub, theirs)
    ids = set(theirs)
    found: dict[str, str] = {}
    for r in wanted:
        name = ref.name_of(r)
        named = by_name.get(name, []) if name and len(ours[name]) == 1 else []
        s = named[0] if len(named) == 1 else r if r in ids else None
        if s is None or s in found.values():
            raise _SubmissionError(_missing(kind, name, r, len(named)))
        found[r] = s
    return found


def _by_name(graph: Graph, ids: list[str]) -> dict[str, list[str]]:
    named: dict[str, list[str]] = {}
    for n in ids:
        named.setdefault(graph.name_of(n), []).append(n)
    return named


def _missing(kind: str, name: str, node_id: str, named: int) -> Text:
    if named > 1:
        template = (
            _T("grading", 'more than one Input is named "{node}"')
            if kind == "Input"
            else _T("grading", 'more than one Output is named "{node}"')
        )
    else:
        template = (
            _T("grading", 'the graph has no Input "{node}" (matched by name, else by id)')
            if kind == "Input"
            else _T("grading", 'the graph has no Output "{node}" (matched by name, else by id)')
        )
    return _text(template, node=one_line(name or node_id))


def table_rows(
    rows: Iterable[Row], passed: str, failed: str, translate: Translate | None = None
) -> list[tuple[str, str, str, str]]:
    """The table's cells: file, verdict (``passed`` or ``failed``), score, reason."""
    return [
        (r.file, passed if r.ok else failed, _score_text(r.score), r.reason_text(translate) or "")
        for r in rows
    ]


def _score_text(score: float) -> str:
    return f"{round(score, 4):g}"


# Text a spreadsheet would run as a formula (=HYPERLINK(...) in a file's name): kept as text.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_bytes(header: Iterable[str], rows: Iterable[Iterable[str]]) -> bytes:
    """A CSV table as a spreadsheet opens it: UTF-8 with a byte-order mark (without one,
    Excel reads a Korean file name as Latin-1 gibberish), CRLF line ends, every cell that
    could start a formula quoted with a leading apostrophe."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(list(header))
    for row in rows:
        writer.writerow(["'" + c if c.startswith(_FORMULA_STARTS) else c for c in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def load_reference(path: str | os.PathLike, points: int = POINTS) -> Reference:
    """The reference file, ready to grade against; GraphFileError or BadReferenceError if not."""
    graph = from_document(read_document(path), layout=False)
    return Reference(graph, points, file_bytes=os.stat(path).st_size)
