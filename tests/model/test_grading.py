"""Grading a class (issue 12 §2): "build this function" against a reference graph."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from graphkit import build, example

from nodeeditor.model import Edge, Graph, save
from nodeeditor.model.exercise import Answer, Blank, Exercise
from nodeeditor.model.fileformat import GraphFileError
from nodeeditor.model.grading import POINTS, BadReferenceError, Reference, load_reference

# z = (x + y)², the chain-rule lesson
SQUARE_OF_SUM = [
    ("x", "Input", [], {"value": 3.0}),
    ("y", "Input", [], {"value": 1.0}),
    ("s", "Add", ["x", "y"], {}),
    ("q", "Square", ["s"], {}),
    ("z", "Output", ["q"], {}),
]


def ref(spec=SQUARE_OF_SUM, points: int = POINTS) -> Reference:
    return Reference(build(spec), points)


def grade(reference: Reference, spec) -> tuple[float, str | None]:
    score, reason = reference.grade(build(spec))
    return score, None if reason is None else str(reason)


def test_the_same_function_built_another_way_passes():
    # x² + 2xy + y², other ids, other typed values: the same function
    expanded = [
        ("a", "Input", [], {"value": -7.0}),
        ("b", "Input", [], {"value": 40.0}),
        ("two", "Input", [], {"value": 2.0}),  # a constant: the reference has no such Input
        ("aa", "Square", ["a"], {}),
        ("bb", "Square", ["b"], {}),
        ("ab", "Mul", ["a", "b"], {}),
        ("ab2", "Mul", ["ab", "two"], {}),
        ("s1", "Add", ["aa", "ab2"], {}),
        ("s2", "Add", ["s1", "bb"], {}),
        ("result", "Output", ["s2"], {}),
    ]
    named = Reference(_names(build(SQUARE_OF_SUM), x="x", y="y"))
    assert grade_graph(named, _names(build(expanded), a="x", b="y")) == (1.0, None)
    # without the names, a and b match nothing; nor do names match a reference's ids
    assert grade(named, expanded) == (0.0, 'the graph has no Input "x" (matched by name, else by id)')
    assert grade_graph(ref(), _names(build(expanded), a="x", b="y"))[0] == 0.0


def test_inputs_are_matched_by_name_before_id():
    reference = build(SQUARE_OF_SUM)
    reference.set_name("x", "first")
    reference.set_name("y", "second")
    swapped = build(SQUARE_OF_SUM)  # the student's x is named "second": the names decide
    swapped.set_name("x", "second")
    swapped.set_name("y", "first")
    r = Reference(reference)
    assert r.grade(swapped) == (1.0, None)
    # (x + y)² is symmetric, so a non-symmetric function shows that matching follows names
    asym = [*SQUARE_OF_SUM[:2], ("s", "Sub", ["x", "y"], {}), ("z", "Output", ["s"], {})]
    r = Reference(_names(build(asym), x="first", y="second"))
    assert r.grade(_names(build(asym), x="second", y="first"))[0] == 0.0
    assert r.grade(_names(build(asym), x="first", y="second"))[0] == 1.0


def _names(graph, **names):
    for node_id, name in names.items():
        graph.set_name(node_id, name)
    return graph


def grade_graph(reference: Reference, graph) -> tuple[float, str | None]:
    score, reason = reference.grade(graph)
    return score, None if reason is None else str(reason)


def test_the_tangent_plane_fails():
    """z = (x + y)² at (3, 1) is 16 with gradient (8, 8): the plane 16 + 8(x−3) + 8(y−1)
    agrees in value and gradient there, and nowhere else."""
    plane = [
        ("x", "Input", [], {"value": 3.0}),
        ("y", "Input", [], {"value": 1.0}),
        ("eight", "Input", [], {"value": 8.0}),
        ("c", "Input", [], {"value": -16.0}),  # 16 − 8·3 − 8·1
        ("s", "Add", ["x", "y"], {}),
        ("m", "Mul", ["s", "eight"], {}),
        ("p", "Add", ["m", "c"], {}),
        ("z", "Output", ["p"], {}),
    ]
    reference = ref()
    # it really agrees at the reference's values: only the random points tell them apart
    at_own_point = Reference(build(SQUARE_OF_SUM), points=0)
    assert grade(at_own_point, plane) == (1.0, None)
    score, reason = grade(reference, plane)
    assert score == 0.0
    assert reason.startswith('Output "z" is ') and " at x = " in reason and "the reference gives" in reason


def test_a_wrong_function_fails_at_the_reference_values_with_the_numbers():
    wrong = [*SQUARE_OF_SUM[:2], ("s", "Mul", ["x", "y"], {}), *SQUARE_OF_SUM[3:]]
    assert grade(ref(), wrong) == (0.0, 'Output "z" is 9 at the reference\'s values; the reference gives 16')


def test_what_the_student_typed_into_the_inputs_does_not_matter():
    typed = [("x", "Input", [], {"value": 1000.0}), ("y", "Input", [], {"value": -0.25}), *SQUARE_OF_SUM[2:]]
    assert grade(ref(), typed) == (1.0, None)


def test_the_submission_s_other_inputs_are_constants_with_their_file_values():
    # x·y against x·c with c = the reference's y at its own point: equal there, not around it
    reference = ref([*SQUARE_OF_SUM[:2], ("m", "Mul", ["x", "y"], {}), ("z", "Output", ["m"], {})])
    const = [*SQUARE_OF_SUM[:2], ("c", "Input", [], {"value": 1.0}), ("m", "Mul", ["x", "c"], {}),
             ("z", "Output", ["m"], {})]  # fmt: skip
    score, reason = grade(reference, const)
    assert score == 0.0 and "at x = " in reason
    # a constant that the function really has: 2·x against x + x
    reference = ref([SQUARE_OF_SUM[0], ("s", "Add", ["x", "x"], {}), ("z", "Output", ["s"], {})])
    doubled = [SQUARE_OF_SUM[0], ("two", "Input", [], {"value": 2.0}), ("m", "Mul", ["two", "x"], {}),
               ("z", "Output", ["m"], {})]  # fmt: skip
    assert grade(reference, doubled) == (1.0, None)


def test_a_gradient_that_differs_where_the_values_agree_fails():
    """out = x (y unused) against out = x + 1e-8·y: the values agree within rtol 1e-6, the
    gradient of y (0 against 1e-8) does not within atol 1e-9."""
    reference = ref([("x", "Input", [], {"value": 100.0}), ("y", "Input", [], {"value": 1.0}),
                     ("z", "Output", ["x"], {})])  # fmt: skip
    tiny = [("x", "Input", [], {"value": 100.0}), ("y", "Input", [], {"value": 1.0}),
            ("k", "Input", [], {"value": 1e-8}), ("m", "Mul", ["y", "k"], {}), ("a", "Add", ["x", "m"], {}),
            ("z", "Output", ["a"], {})]  # fmt: skip
    score, reason = grade(reference, tiny)
    assert score == 0.0
    assert reason == 'the gradient of Input "y" is 1e−8 at the reference\'s values; the reference gives 0'


def test_a_missing_input_or_a_wrong_shape_fails():
    missing = [SQUARE_OF_SUM[0], ("q", "Square", ["x"], {}), ("z", "Output", ["q"], {})]
    assert grade(ref(), missing) == (0.0, 'the graph has no Input "y" (matched by name, else by id)')
    vector = [("x", "Input", [], {"value": [3.0, 3.0]}), *SQUARE_OF_SUM[1:]]
    assert grade(ref(), vector) == (0.0, 'Input "x" is of shape (2); the reference\'s is a number')


def test_outputs_one_each_match_whatever_their_names_and_several_match_by_name():
    renamed = [*SQUARE_OF_SUM[:4], ("loss", "Output", ["q"], {})]
    assert grade(ref(), renamed) == (1.0, None)
    two = [*SQUARE_OF_SUM, ("w", "Output", ["s"], {})]
    reference = ref(two)
    assert grade(reference, two) == (1.0, None)
    crossed = [*SQUARE_OF_SUM[:4], ("z", "Output", ["s"], {}), ("w", "Output", ["q"], {})]
    score, reason = grade(reference, crossed)
    assert score == 0.0 and reason.startswith('Output "z" is 4 at')
    # a submission's extra Output is ignored: its seed is 0, so it adds no gradient either
    extra = [*two, ("extra", "Output", ["x"], {})]
    assert grade(reference, extra) == (1.0, None)
    only_w = [*SQUARE_OF_SUM[:4], ("w", "Output", ["s"], {}), ("v", "Output", ["q"], {})]
    assert grade(reference, only_w) == (0.0, 'the graph has no Output "z" (matched by name, else by id)')


def test_no_output_or_an_unwired_output_fails():
    assert grade(ref(), SQUARE_OF_SUM[:4]) == (0.0, "the graph has no Output")
    unwired = [*SQUARE_OF_SUM[:4], ("z", "Output", [None], {})]
    assert grade(ref(), unwired) == (0.0, 'Output "z" has no value: input x is not connected')


def test_random_points_scale_with_each_value_and_stay_where_the_reference_is_finite():
    spec = [("big", "Input", [], {"value": 100.0}), ("zero", "Input", [], {"value": 0.0}),
            ("p", "Input", [], {"value": 0.5}), ("l", "Log", ["p"], {}), ("m", "Mul", ["big", "zero"], {}),
            ("a", "Add", ["l", "m"], {}), ("z", "Output", ["a"], {})]  # fmt: skip
    reference = ref(spec, points=20)
    assert len(reference.points) == 21
    random = reference.points[1:]
    big = np.array([p["big"] for p in random])
    zero = np.array([p["zero"] for p in random])
    p = np.array([p["p"] for p in random])
    assert (np.abs(big - 100) <= 100).all() and np.ptp(big) > 50  # ±|v|: a price keeps its size
    assert (np.abs(zero) <= 1).all() and np.ptp(zero) > 0.5  # 0 moves by up to 1, not by 0·anything
    assert (p > 0).all() and (p <= 1.5).all()  # log p: where p ≤ 0 was drawn again
    assert all(np.isfinite(v["z"]).all() for v in reference.values)
    assert [q["big"] for q in ref(spec, points=20).points] == [q["big"] for q in reference.points]  # seeded


def test_vector_inputs_are_drawn_element_by_element():
    reference = ref([("x", "Input", [], {"value": [0.0, 10.0, -3.0]}), ("s", "Sum", ["x"], {}),
                     ("z", "Output", ["s"], {})])  # fmt: skip
    pts = np.array([p["x"] for p in reference.points[1:]])
    assert pts.shape == (POINTS, 3)
    assert (np.abs(pts - [0.0, 10.0, -3.0]) <= [1.0, 10.0, 3.0]).all()


def test_a_reference_without_output_is_refused():
    with pytest.raises(BadReferenceError, match="no Output and no exercise"):
        ref(SQUARE_OF_SUM[:4])
    with pytest.raises(BadReferenceError, match='Output "z" has no value'):
        ref([*SQUARE_OF_SUM[:4], ("z", "Output", [None], {})])


# -- files ------------------------------------------------------------------------------------


def write(path: Path, spec) -> Path:
    save(build(spec), path)
    return path


def test_broken_files_are_failed_rows_with_their_reason_and_the_rest_are_graded(tmp_path):
    reference = load_reference(write(tmp_path / "ref.bpgraph", SQUARE_OF_SUM))
    good = write(tmp_path / "good.bpgraph", SQUARE_OF_SUM)
    (tmp_path / "cut.bpgraph").write_text('{"format": "nodeeditor-graph", "version": 1, "nodes": [', "utf-8")
    doc = json.loads(good.read_text("utf-8"))
    doc["edges"].append({"from": "q", "to": "s", "port": 1})  # q → s, s → q: a cycle
    doc["edges"] = [e for e in doc["edges"] if not (e["to"] == "s" and e["port"] == 1 and e["from"] == "y")]
    (tmp_path / "cycle.bpgraph").write_text(json.dumps(doc), "utf-8")
    (tmp_path / "deep.bpgraph").write_text("[" * 100_000 + "]" * 100_000, "utf-8")
    names = ["cut", "missing", "cycle", "deep", "good"]
    rows = [reference.grade_file(tmp_path / f"{n}.bpgraph") for n in names]
    assert [r.ok for r in rows] == [False, False, False, False, True]
    assert [r.score for r in rows] == [0.0, 0.0, 0.0, 0.0, 1.0]
    reasons = [r.reason_text() for r in rows]
    assert reasons[0] == "the JSON ends too early (is the file cut off?) at line 1"
    assert reasons[1] == "cannot read the file: No such file or directory"
    assert reasons[2].startswith("edges[") and "the wires make a cycle" in reasons[2]
    assert reasons[3] == "the JSON is nested too deeply"
    assert reasons[4] is None
    assert rows[0].file == str(tmp_path / "cut.bpgraph")


def test_a_submission_far_bigger_than_the_reference_is_not_evaluated(tmp_path):
    reference = load_reference(write(tmp_path / "ref.bpgraph", SQUARE_OF_SUM))
    nodes = [{"id": "x", "type": "Input", "value": 1.0}] + [
        {"id": f"n{i}", "type": "Neg"} for i in range(3000)
    ]
    edges = [{"from": "x" if i == 0 else f"n{i - 1}", "to": f"n{i}", "port": 0} for i in range(3000)]
    doc = {"format": "nodeeditor-graph", "version": 1, "nodes": nodes, "edges": edges}
    (tmp_path / "big.bpgraph").write_text(json.dumps(doc), "utf-8")
    row = reference.grade_file(tmp_path / "big.bpgraph")
    assert not row.ok
    assert row.reason_text() == "the graph has 3,001 nodes; at most 2,000 are graded against this reference"


def test_a_file_far_bigger_than_the_reference_is_not_read(tmp_path):
    ref_path = write(tmp_path / "ref.bpgraph", SQUARE_OF_SUM)
    reference = load_reference(ref_path)
    assert reference.max_bytes == 8 * 1024 * 1024  # the floor: 50 × a lesson's few hundred bytes is less
    padded = tmp_path / "padded.bpgraph"
    padded.write_text(ref_path.read_text("utf-8") + " " * (8 * 1024 * 1024), "utf-8")  # valid JSON, 8 MB
    row = reference.grade_file(padded)
    size = padded.stat().st_size
    assert (
        row.reason_text()
        == f"the file is {size:,} bytes; at most 8,388,608 are graded against this reference"
    )
    big_reference = Reference(build(SQUARE_OF_SUM), file_bytes=size)  # a big reference allows big files
    assert big_reference.grade_file(padded).ok


def test_an_unreadable_reference_raises_the_file_error(tmp_path):
    (tmp_path / "ref.bpgraph").write_text("{", "utf-8")
    with pytest.raises(GraphFileError, match="ends too early"):
        load_reference(tmp_path / "ref.bpgraph")


@pytest.mark.parametrize("word", ["buying_apples", "sigmoid", "affine", "relu", "train_a_neuron"])
def test_every_lesson_passes_against_itself(word):
    reference = load_reference(example(word))
    row = reference.grade_file(example(word))
    assert (row.ok, row.score, row.reason) == (True, 1.0, None)


def test_reasons_translate():
    _, reason = ref().grade(build(SQUARE_OF_SUM[:4]))
    assert (
        reason.translated(lambda context, text: f"<{context}:{text}>") == "<grading:the graph has no Output>"
    )


# -- "fill in the numbers" ----------------------------------------------------------------------

DZ_DX = Blank(node="x", what="grad")  # ∂z/∂x = 2(x + y) = 8 at (3, 1)
S_VALUE = Blank(edge=Edge("s", "q", 0), what="value")  # x + y = 4


def exercise(spec=SQUARE_OF_SUM, answers: dict | None = None, shown: bool = False, **kw) -> Graph:
    graph = build(spec)
    answered = {b: Answer(np.asarray(v, dtype=float)) for b, v in (answers or {}).items()}
    graph.set_exercise(Exercise([DZ_DX, S_VALUE], answers=answered, answers_shown=shown, **kw))
    return graph


def test_each_answer_is_checked_against_the_true_number_and_the_score_is_the_fraction_right():
    reference = Reference(exercise())
    assert grade_graph(reference, exercise(answers={DZ_DX: 8.0, S_VALUE: 4.0})) == (1.0, None)
    assert grade_graph(reference, exercise(answers={DZ_DX: 8.0, S_VALUE: 5.0})) == (
        0.5,
        "1 of 2 answers are right",
    )
    assert grade_graph(reference, exercise(answers={S_VALUE: 4.0})) == (0.5, "1 of 2 answers are right")
    assert grade_graph(reference, build(SQUARE_OF_SUM)) == (
        0.0,
        "0 of 2 answers are right",
    )  # no exercise at all
    # the true numbers are the reference's: answers for values the student typed in do not count
    typed = [("x", "Input", [], {"value": 10.0}), *SQUARE_OF_SUM[1:]]
    assert grade_graph(reference, exercise(typed, answers={DZ_DX: 22.0, S_VALUE: 11.0}))[0] == 0.0


def test_the_reference_s_tolerance_decides():
    reference = Reference(exercise(rtol=1e-3))
    assert grade_graph(reference, exercise(answers={DZ_DX: 8.007, S_VALUE: 4.0}))[0] == 1.0
    assert grade_graph(reference, exercise(answers={DZ_DX: 8.01, S_VALUE: 4.0}))[0] == 0.5
    loose = Reference(exercise(rtol=0.01))  # the student's own file says 1e-3: the teacher's counts
    assert grade_graph(loose, exercise(answers={DZ_DX: 8.07, S_VALUE: 4.0}, rtol=1e-3))[0] == 1.0


def test_answers_after_show_answers_do_not_count():
    reference = Reference(exercise())
    got = grade_graph(reference, exercise(answers={DZ_DX: 8.0, S_VALUE: 4.0}, shown=True))
    assert got == (0.0, "the answers were shown, so they do not count (2 of 2 right)")


def test_both_kinds_an_answer_counts_only_on_a_graph_that_computes_the_function():
    reference = Reference(exercise())
    broken = [*SQUARE_OF_SUM[:2], ("s", "Mul", ["x", "y"], {}), *SQUARE_OF_SUM[3:]]
    score, reason = grade_graph(reference, exercise(broken, answers={DZ_DX: 8.0, S_VALUE: 4.0}))
    assert (score, reason) == (0.0, 'Output "z" is 9 at the reference\'s values; the reference gives 16')


def test_a_reference_without_output_is_graded_on_its_answers_alone():
    spec = [*SQUARE_OF_SUM[:4]]
    graph = build(spec)
    value = Blank(node="q", what="value")
    graph.set_exercise(Exercise([value]))
    reference = Reference(graph)
    answer = build(spec)
    answer.set_exercise(Exercise([value], answers={value: Answer(np.asarray(16.0))}))
    assert grade_graph(reference, answer) == (1.0, None)
    assert grade_graph(reference, build(spec)) == (0.0, "0 of 1 answers are right")


def test_an_exercise_file_round_trip_is_graded(tmp_path):
    reference = load_reference(_saved(tmp_path / "ref.bpgraph", exercise()))
    assert json.loads((tmp_path / "ref.bpgraph").read_text("utf-8"))["version"] == 2
    row = reference.grade_file(_saved(tmp_path / "kim.bpgraph", exercise(answers={DZ_DX: 8.0, S_VALUE: 3.0})))
    assert (row.ok, row.score, row.reason_text()) == (False, 0.5, "1 of 2 answers are right")


def _saved(path: Path, graph: Graph) -> Path:
    save(graph, path)
    return path
