"""Exercises (format version 2): reading, writing, checking answers, the masking rule, hints."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from nodeeditor.model import GraphFileError, dumps, evaluate, fileformat, loads
from nodeeditor.model.exercise import (
    Answer,
    Blank,
    Exercise,
    Mask,
    hint,
    is_right,
    mask_of,
    open_blanks,
    parse_answer,
    reveals,
    score,
    shown_result,
    true_value,
)
from nodeeditor.model.graph import Edge
from nodeeditor.model.steps import propagation_steps
from nodeeditor.model.values import BadValue, Hidden, format_full, format_value

# z = (x + y)², the seed's chain-rule example: t = 3, z = 9, dz/dt = 6, dz/dx = dz/dy = 6.
NODES = [
    {"id": "x", "type": "Input", "value": 2.0, "name": "x"},
    {"id": "y", "type": "Input", "value": 1.0, "name": "y"},
    {"id": "t", "type": "Add"},
    {"id": "z", "type": "Square"},
    {"id": "out", "type": "Output"},
]
EDGES = [
    {"from": "x", "to": "t", "port": 0},
    {"from": "y", "to": "t", "port": 1},
    {"from": "t", "to": "z", "port": 0},
    {"from": "z", "to": "out", "port": 0},
]
XT, YT, TZ, ZO = (Edge("x", "t", 0), Edge("y", "t", 1), Edge("t", "z", 0), Edge("z", "out", 0))


def text(exercise=None, version=2, nodes=NODES, edges=EDGES) -> str:
    d = {"format": "nodeeditor-graph", "version": version, "nodes": nodes, "edges": edges}
    if exercise is not None:
        d["exercise"] = exercise
    return json.dumps(d)


def graph(exercise=None):
    return loads(text(exercise))


WIRE_TZ = {"from": "t", "to": "z", "port": 0}
EXERCISE = {
    "tolerance": {"rtol": 0.001, "atol": 0.0},
    "hidden": [{"node": "x", "what": "grad"}, {"edge": WIRE_TZ, "what": "value"}],
    "answers": [{"node": "x", "what": "grad", "answer": 6.0, "tries": 2}],
    "answers_shown": False,
}


# -- the file ----------------------------------------------------------------------------


def test_round_trip_keeps_every_field() -> None:
    g = graph(EXERCISE)
    ex = g.exercise
    assert ex.blanks == [Blank(node="x", what="grad"), Blank(edge=TZ, what="value")]
    assert ex.answers[Blank(node="x", what="grad")].tries == 2
    saved = json.loads(dumps(g))
    assert saved["version"] == 2
    assert saved["exercise"] == EXERCISE
    assert dumps(loads(dumps(g))) == dumps(g)


def test_answers_shown_and_vectors_and_non_finite_answers_round_trip() -> None:
    ex = {
        "hidden": [{"node": "t", "what": "value"}, {"node": "x", "what": "value"}],
        "answers": [
            {"node": "t", "what": "value", "answer": ["NaN", "Infinity", "-Infinity"], "tries": 4},
            {"node": "x", "what": "value", "answer": [[1, 2], [3, 4]]},
        ],
        "answers_shown": True,
        "teacher_note": "kept as it is",
    }
    g = graph(ex)
    first = g.exercise.answers[Blank(node="t", what="value")]
    assert np.isnan(first.value[0]) and first.value[1] == math.inf and first.value[2] == -math.inf
    assert g.exercise.answers[Blank(node="x", what="value")].value.shape == (2, 2)
    again = json.loads(dumps(g))["exercise"]
    assert again["answers"][0]["answer"] == ["NaN", "Infinity", "-Infinity"]
    assert again["answers"][1] == {
        "node": "x",
        "what": "value",
        "answer": [[1.0, 2.0], [3.0, 4.0]],
        "tries": 1,
    }
    assert again["answers_shown"] is True
    assert again["teacher_note"] == "kept as it is"
    assert again["tolerance"] == {"rtol": 0.001, "atol": 0.0}  # the defaults, written out


def test_a_graph_without_an_exercise_stays_version_1() -> None:
    g = loads(text(version=1))
    saved = dumps(g)
    assert json.loads(saved)["version"] == 1 and "exercise" not in saved
    g.exercise = Exercise()  # an exercise with nothing hidden is no exercise
    assert json.loads(dumps(g))["version"] == 1


def test_blanks_on_deleted_nodes_are_not_written() -> None:
    g = graph(EXERCISE)
    g.remove_node("x")
    saved = json.loads(dumps(g))
    assert saved["exercise"]["hidden"] == [{"edge": WIRE_TZ, "what": "value"}]
    assert saved["exercise"]["answers"] == []
    g.remove_node("z")  # the wire t → z goes too: nothing is hidden any more
    saved = json.loads(dumps(g))
    assert saved["version"] == 1 and "exercise" not in saved


def test_a_version_1_file_with_an_exercise_is_read_and_saved_as_version_2() -> None:
    g = loads(text(EXERCISE, version=1))
    assert g.exercise is not None and json.loads(dumps(g))["version"] == 2


def test_an_app_that_reads_only_version_1_refuses_an_exercise(monkeypatch) -> None:
    saved = dumps(graph(EXERCISE))
    monkeypatch.setattr(fileformat, "VERSION", 1)
    with pytest.raises(GraphFileError) as info:
        loads(saved)
    assert "made by a newer version of the app (format version 2; this app reads up to version 1)" in str(
        info.value
    )


def test_version_3_is_refused() -> None:
    with pytest.raises(GraphFileError, match="format version 3; this app reads up to version 2"):
        loads(text(EXERCISE, version=3))


def _with(**changes):
    ex = json.loads(json.dumps(EXERCISE))
    ex.update(changes)
    return ex


BAD = [
    ([], "exercise: expected an object, got an array"),
    ({"answers": []}, "exercise.hidden: missing"),
    (_with(hidden={}), "exercise.hidden: expected an array, got an object"),
    (_with(hidden=[3]), "exercise.hidden[0]: expected an object, got the number 3"),
    (_with(hidden=[{"node": "x"}]), "exercise.hidden[0].what: missing"),
    (
        _with(hidden=[{"node": "x", "what": "both"}]),
        'exercise.hidden[0].what: expected "value" or "grad", got the text "both"',
    ),
    (
        _with(hidden=[{"what": "grad"}]),
        'exercise.hidden[0]: give either "node" or "edge", not both or neither',
    ),
    (
        _with(hidden=[{"node": "x", "edge": WIRE_TZ, "what": "grad"}]),
        'exercise.hidden[0]: give either "node" or "edge", not both or neither',
    ),
    (_with(hidden=[{"node": 7, "what": "grad"}]), "exercise.hidden[0].node: expected text, got the number 7"),
    (_with(hidden=[{"node": "q", "what": "grad"}]), 'exercise.hidden[0].node: no node has the id "q"'),
    (
        _with(hidden=[{"edge": [1], "what": "grad"}]),
        "exercise.hidden[0].edge: expected an object, got an array",
    ),
    (
        _with(hidden=[{"edge": {"from": "t", "to": "z"}, "what": "grad"}]),
        "exercise.hidden[0].edge.port: missing",
    ),
    (
        _with(
            hidden=[
                {"node": "x", "what": "grad"},
                {"edge": {"from": "x", "to": "z", "port": 0}, "what": "grad"},
            ]
        ),
        "exercise.hidden[1].edge: no such wire",
    ),
    (
        _with(hidden=[{"node": "x", "what": "grad", "colour": "red"}]),
        "exercise.hidden[0].colour: unknown key",
    ),
    (
        _with(hidden=[{"node": "x", "what": "grad"}, {"node": "x", "what": "grad"}]),
        "exercise.hidden[1]: hides the same number as hidden[0]",
    ),
    (_with(tolerance=0.1), "exercise.tolerance: expected an object, got the number 0.1"),
    (_with(tolerance={"rtol": -1}), "exercise.tolerance.rtol: must not be negative"),
    (_with(tolerance={"atol": "big"}), 'exercise.tolerance.atol: expected a number, got the text "big"'),
    (_with(tolerance={"rtl": 1}), "exercise.tolerance.rtl: unknown key; a tolerance has rtol and atol"),
    (_with(answers={}), "exercise.answers: expected an array, got an object"),
    (
        _with(answers=[{"node": "y", "what": "grad", "answer": 1}]),
        "exercise.answers[0]: answers a number that is not hidden",
    ),
    (
        _with(
            answers=[{"node": "x", "what": "grad", "answer": 1}, {"node": "x", "what": "grad", "answer": 2}]
        ),
        "exercise.answers[1]: a second answer for the same number",
    ),
    (_with(answers=[{"node": "x", "what": "grad"}]), "exercise.answers[0].answer: missing"),
    (
        _with(answers=[{"node": "x", "what": "grad", "answer": "six"}]),
        "exercise.answers[0].answer: must be a number or a list of numbers, not text",
    ),
    (
        _with(answers=[{"node": "x", "what": "grad", "answer": [1, [2]]}]),
        "exercise.answers[0].answer: is a ragged list: its rows must all have the same length",
    ),
    (
        _with(answers=[{"node": "x", "what": "grad", "answer": 1, "tries": 0}]),
        "exercise.answers[0].tries: expected a whole number of at least 1, got the number 0",
    ),
    (
        _with(answers=[{"node": "x", "what": "grad", "answer": 1, "tries": True}]),
        "exercise.answers[0].tries: expected a whole number of at least 1, got true/false",
    ),
    (_with(answers_shown="yes"), 'exercise.answers_shown: expected true or false, got the text "yes"'),
]


@pytest.mark.parametrize(("exercise", "message"), BAD, ids=[m.split(":")[0] + " " + m[-20:] for _, m in BAD])
def test_each_broken_field_is_named(exercise, message) -> None:
    with pytest.raises(GraphFileError) as info:
        loads(text(exercise))
    assert str(info.value) == message


def test_a_bare_nan_answer_is_refused_with_how_to_write_it() -> None:
    raw = text(_with(answers=[{"node": "x", "what": "grad", "answer": [1.0, 7.0]}])).replace("7.0", "NaN")
    with pytest.raises(GraphFileError) as info:
        loads(raw)
    assert str(info.value) == (
        'exercise.answers[0].answer[1]: write NaN and infinity as the texts "NaN", "Infinity", "-Infinity"'
    )


# -- answers -------------------------------------------------------------------------------


def test_true_values_of_nodes_and_wires() -> None:
    g = graph()
    r = evaluate(g)
    assert float(true_value(Blank(node="x", what="grad"), r)) == 6.0
    assert float(true_value(Blank(node="t", what="value"), r)) == 3.0
    assert float(true_value(Blank(edge=TZ, what="value"), r)) == 3.0
    assert float(true_value(Blank(edge=TZ, what="grad"), r)) == 6.0
    assert true_value(Blank(edge=Edge("x", "z", 0), what="grad"), r) is None


def test_right_within_the_relative_tolerance_and_wrong_beyond_it() -> None:
    r = evaluate(graph())
    b = Blank(node="x", what="grad")
    assert is_right(b, 6.0, r)
    assert is_right(b, 6.0059, r)  # 1e-3 of 6 is 0.006
    assert not is_right(b, 6.0061, r)
    assert not is_right(b, -6.0, r)
    assert is_right(b, 6.5, r, rtol=0.1)
    assert is_right(b, 6.5, r, rtol=0.0, atol=0.5)
    assert not is_right(b, 6.5, r, rtol=0.0, atol=0.4)
    assert is_right(b, Answer(np.array(6.0), 3), r)


def test_vectors_must_have_the_right_shape() -> None:
    nodes = [
        {"id": "v", "type": "Input", "value": [1.0, 2.0]},
        {"id": "s", "type": "Square"},
        {"id": "o", "type": "Output"},
    ]
    edges = [{"from": "v", "to": "s", "port": 0}, {"from": "s", "to": "o", "port": 0}]
    g = loads(text(nodes=nodes, edges=edges, version=1))
    r = evaluate(g)
    b = Blank(node="v", what="grad")
    assert is_right(b, parse_answer("[2, 4]"), r)
    assert not is_right(b, parse_answer("[2, 5]"), r)
    assert not is_right(b, parse_answer("[[2, 4]]"), r)  # a 1×2 matrix is not a vector
    assert not is_right(b, parse_answer("2"), r)


def test_nan_is_right_only_where_the_number_is_nan() -> None:
    nodes = [
        {"id": "a", "type": "Input", "value": -1.0},
        {"id": "l", "type": "Log"},
        {"id": "o", "type": "Output"},
    ]
    edges = [{"from": "a", "to": "l", "port": 0}, {"from": "l", "to": "o", "port": 0}]
    r = evaluate(loads(text(nodes=nodes, edges=edges, version=1)))
    assert is_right(Blank(node="l", what="value"), parse_answer("NaN"), r)
    assert not is_right(Blank(node="l", what="value"), parse_answer("0"), r)
    assert not is_right(Blank(node="a", what="value"), parse_answer("nan"), r)
    assert not is_right(Blank(node="a", what="value"), parse_answer("-inf"), r)


def test_score_counts_blanks_answered_right() -> None:
    g = graph(EXERCISE)
    assert score(g.exercise, evaluate(g)) == (1, 2)
    g.exercise.answers[Blank(edge=TZ, what="value")] = Answer(parse_answer("4"))
    assert score(g.exercise, evaluate(g)) == (1, 2)
    g.exercise.answers[Blank(edge=TZ, what="value")] = Answer(parse_answer("3"))
    assert score(g.exercise, evaluate(g)) == (2, 2)
    g.set_param("x", "value", np.array(5.0))  # the graph changed: t is 6 and dz/dx is 12 now
    assert score(g.exercise, evaluate(g)) == (0, 2)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("6", 6.0), (" -1.5e3 ", -1500.0), ("+3", 3.0), ("−2.5", -2.5), ("[1, 2]", [1.0, 2.0]),
     ("[[1, 2], [3, 4]]", [[1.0, 2.0], [3.0, 4.0]]), ("inf", math.inf), ("-Infinity", -math.inf)],
)  # fmt: skip
def test_predictions_as_typed(typed, expected) -> None:
    assert parse_answer(typed).tolist() == expected


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "is empty: type a number like 2 or a list like [1, 2, 3]"),
        ("six", '"six" is not a number or a list like [1, 2, 3] or [[1, 2], [3, 4]]'),
        ("__import__('os')", "is not a number or a list"),
        ("[1, [2]]", "is a ragged list"),
        ("[[[1]]]", "nested at most 2 deep"),
        ('"6"', "not text"),
        ("[]", "is an empty list"),
        ("true", "not true/false"),
    ],
)
def test_bad_predictions_say_what_is_wrong(typed, message) -> None:
    with pytest.raises(BadValue, match=message.replace("[", r"\[").replace("(", r"\(")):
        parse_answer(typed)


# -- the masking rule ------------------------------------------------------------------------


def test_an_open_blank_is_hidden_until_answered_right_or_shown() -> None:
    g = graph(EXERCISE)
    r = evaluate(g)
    assert open_blanks(g.exercise, g, r) == [Blank(edge=TZ, what="value")]
    g.exercise.answers_shown = True
    assert open_blanks(g.exercise, g, r) == []
    assert not mask_of(g, r)


def test_a_hidden_value_hides_its_node_its_wires_and_an_output_it_feeds() -> None:
    g = graph()
    mask = Mask(g, [Blank(node="z", what="value")])
    assert mask.hides("z", "value") and mask.hides(ZO, "value") and mask.hides("out", "value")
    assert mask.hides_loss
    assert not mask.hides("t", "value") and not mask.hides(TZ, "value") and not mask.hides("z", "grad")
    # an Output's value is its input's: hiding it hides the node that makes it
    assert Mask(g, [Blank(node="out", what="value")]).hides("z", "value")
    assert Mask(g, [Blank(edge=TZ, what="value")]).hides("t", "value")


def test_a_hidden_gradient_hides_the_numbers_it_can_be_read_from() -> None:
    nodes = [*NODES[:2], {"id": "m", "type": "Mul"}, {"id": "out", "type": "Output"}]
    edges = [{"from": "x", "to": "m", "port": 0}, {"from": "x", "to": "m", "port": 1},
             {"from": "m", "to": "out", "port": 0}]  # fmt: skip
    g = loads(text(nodes=nodes, edges=edges))
    a, b = Edge("x", "m", 0), Edge("x", "m", 1)
    node = Mask(g, [Blank(node="x", what="grad")])
    assert node.hides("x", "grad") and node.hides(a, "grad") and node.hides(b, "grad")  # they add up to it
    wire = Mask(g, [Blank(edge=a, what="grad")])
    assert wire.hides(a, "grad") and wire.hides("x", "grad")  # the sum less the other wire
    assert not wire.hides(b, "grad") and not wire.hides("x", "value")
    assert reveals(wire, b, "grad") and not reveals(wire, a, "grad")


def test_the_masked_result_writes_question_marks_everywhere_a_caption_looks() -> None:
    g = graph(EXERCISE)
    g.exercise.answers.clear()
    shown = shown_result(g, evaluate(g))
    assert isinstance(shown.grad("x"), Hidden) and format_value(shown.grad("x")) == "?"
    assert format_full(shown.wire_value(TZ)) == "?" and format_value(shown.value("t")) == "?"
    assert shown.grad("y") == 6.0 and shown.value("x") == 2.0
    assert shown.values_of(["t", "x"])[0].__class__ is Hidden
    captions = "\n".join(s.caption for s in propagation_steps(g, shown))
    assert "x + y = 2 + 1 = ?" in captions and "∂L/∂x = ∂L/∂(x + y) · 1 = 6 × 1 = ?" in captions
    assert "= 3" not in captions and "⚠" not in captions


def test_a_vector_stand_in_keeps_its_shape() -> None:
    nodes = [{"id": "v", "type": "Input", "value": [1.0, 2.0, 3.0]}, {"id": "o", "type": "Output"}]
    g = loads(
        text(
            {"hidden": [{"node": "v", "what": "grad"}]},
            nodes=nodes,
            edges=[{"from": "v", "to": "o", "port": 0}],
        )
    )
    assert format_value(shown_result(g, evaluate(g)).grad("v")) == "[3] ?"


def test_a_hint_fills_in_the_upstream_numbers() -> None:
    g = graph({"hidden": [{"node": "x", "what": "grad"}]})
    assert hint(g, shown_result(g, evaluate(g)), Blank(node="x", what="grad")) == (
        "∂L/∂x = ∂L/∂(x + y) · 1 = 6 × 1 = ?"
    )


def test_hints_leave_the_answer_out() -> None:
    g = graph(
        {
            "hidden": [
                {"node": "x", "what": "grad"},
                {"node": "t", "what": "value"},
                {"edge": WIRE_TZ, "what": "grad"},
            ]
        }
    )
    shown = shown_result(g, evaluate(g))
    # dL/dt is hidden too (the wire t → z carries it alone): the hint does not give it away
    assert hint(g, shown, Blank(node="x", what="grad")) == "∂L/∂x = ∂L/∂(x + y) · 1 = ? × 1 = ?"
    assert hint(g, shown, Blank(node="t", what="value")) == "x + y = 2 + 1 = ?"
    assert (
        hint(g, shown, Blank(edge=TZ, what="grad"))
        == "∂L/∂(x + y) = ∂L/∂((x + y)²) · 2(x + y) = 1 × 2 × ? = ?"
    )


def test_a_copy_keeps_the_exercise_and_setting_one_is_an_event() -> None:
    g = graph(EXERCISE)
    copy = g.copy()
    assert copy.exercise == g.exercise and copy.exercise is not g.exercise
    copy.exercise.answers.clear()
    assert g.exercise.answers  # the copy's changes stay in the copy
    heard = []
    g.subscribe(heard.append)
    g.set_exercise(None)
    assert g.exercise is None and [e.kind for e in heard] == ["exercise_changed"]


@pytest.mark.parametrize(
    ("given", "truth"),
    [(6.0, 6.0), (6.0059, 6.0), (6.0061, 6.0), (-6.0, 6.0), (0.0, 0.0), (1e-300, 0.0), (math.inf, math.inf),
     (-math.inf, math.inf), (1e308, math.inf), (math.nan, math.nan), (math.nan, 1.0), (1.0, math.nan)],
)  # fmt: skip
def test_a_number_is_judged_as_np_isclose_judges_it(given, truth) -> None:
    from nodeeditor.model.exercise import is_right as judge

    class One:  # an evaluation with one number in it
        def value(self, node_id):
            return np.array(truth)

    expected = bool(np.isclose(given, truth, rtol=1e-3, atol=0.0, equal_nan=True))
    assert judge(Blank(node="n", what="value"), given, One()) == expected
