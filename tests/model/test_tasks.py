"""Lesson tasks: each condition read from a file, then checked live, true and false."""

from __future__ import annotations

import numpy as np
import pytest

from nodeeditor.model import Graph, evaluate
from nodeeditor.model.tasks import (
    AllOf,
    Equals,
    Exists,
    LossBelow,
    NodeRef,
    Situation,
    TaskError,
    Wired,
    WireRef,
    is_met,
    read_task,
)


def apples() -> Graph:
    """100 × 2 × 1.1 = 220: the textbook's numbers (∂/∂apple = 2.2, ∂/∂apples = 110, ∂/∂tax = 200)."""
    g = Graph()
    g.add_node("Input", "apple", name="apple price", value=100.0, extra={"names": {"ko": "사과 가격"}})
    g.add_node("Input", "num", name="apples", value=2.0)
    g.add_node("Mul", "mul_apple")
    g.add_node("Input", "tax", name="tax", value=1.1)
    g.add_node("Mul", "mul_tax")
    g.add_node("Output", "price")
    for src, dst, port in [("apple", "mul_apple", 0), ("num", "mul_apple", 1), ("mul_apple", "mul_tax", 0),
                           ("tax", "mul_tax", 1), ("mul_tax", "price", 0)]:  # fmt: skip
        g.connect(src, dst, port)
    return g


def now(g: Graph, losses: list[float] | None = None) -> Situation:
    return Situation(g, evaluate(g), losses or [])


def met(obj: dict, g: Graph, losses: list[float] | None = None) -> bool:
    return is_met(read_task(obj, "task", g), now(g, losses))


# -- value and grad equal ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("obj", "expected"),
    [
        ({"check": "value", "node": "price", "equals": 220}, True),
        ({"check": "value", "node": "price", "equals": 200}, False),
        ({"check": "grad", "node": "apple", "equals": 2.2}, True),
        ({"check": "grad", "node": "num", "equals": 110}, True),
        ({"check": "grad", "node": "tax", "equals": 200}, True),
        ({"check": "grad", "node": "tax", "equals": 2.2}, False),
        ({"check": "grad", "wire": {"from": "apple", "to": "mul_apple"}, "equals": 2.2}, True),
        ({"check": "grad", "wire": {"from": "apple", "to": "mul_apple", "port": 1}, "equals": 2.2}, False),
        ({"check": "value", "wire": {"from": "mul_apple", "to": "mul_tax"}, "equals": 200}, True),
        ({"check": "value", "wire": {"from": "mul_apple", "to": "mul_tax"}, "equals": 220}, False),
        ({"check": "grad", "node": "apple price", "equals": 2.2}, True),  # by name
        ({"check": "grad", "node": "사과 가격", "equals": 2.2}, True),  # by its Korean name
        ({"check": "value", "node": {"type": "Mul"}, "equals": 200}, True),  # any Mul node
        ({"check": "value", "node": {"type": "Mul"}, "equals": 1.1}, False),
    ],
)
def test_value_and_gradient_equal(obj: dict, expected: bool) -> None:
    assert met(obj, apples()) is expected


def test_equal_within_the_tolerance_relative_to_the_number() -> None:
    g = apples()
    assert met({"check": "grad", "node": "apple", "equals": 2.2015}, g)  # within 0.1 %
    assert not met({"check": "grad", "node": "apple", "equals": 2.21}, g)
    assert met({"check": "grad", "node": "apple", "equals": 2.21, "tol": 0.01}, g)
    assert not met({"check": "grad", "node": "apple", "equals": 2.2001, "tol": 0}, g)


def test_a_value_follows_the_students_edit() -> None:
    """ "Set the number of apples so that the price is 330": false, then true after the edit."""
    g = apples()
    task = read_task({"check": "value", "node": "price", "equals": 330}, "task", g)
    assert not is_met(task, now(g))
    g.set_param("num", "value", 3.0)
    assert is_met(task, now(g))


def test_vectors_compare_element_by_element_and_by_shape() -> None:
    g = Graph()
    g.add_node("Input", "x", value=[1.0, 2.0])
    g.add_node("Square", "sq")
    g.add_node("Output", "out")
    g.connect("x", "sq", 0)
    g.connect("sq", "out", 0)
    assert met({"check": "value", "node": "sq", "equals": [1, 4]}, g)
    assert not met({"check": "value", "node": "sq", "equals": [1, 5]}, g)
    assert not met({"check": "value", "node": "sq", "equals": 1}, g)  # a number is not a vector
    assert met({"check": "grad", "node": "x", "equals": [2, 4]}, g)


def test_an_undefined_value_equals_nothing() -> None:
    g = apples()
    g.disconnect("mul_apple", 0)
    assert not met({"check": "value", "node": "price", "equals": 0}, g)
    assert not met({"check": "grad", "node": "tax", "equals": 0}, g)


# -- wired ------------------------------------------------------------------------------------


def loose() -> Graph:
    g = Graph()
    g.add_node("Input", "x", name="x", value=3.0)
    g.add_node("Input", "y", name="y", value=1.0)
    g.add_node("Square", "sq")
    g.add_node("Output", "z")
    g.connect("sq", "z", 0)
    return g


WIRE_X_Y_INTO_ADD = {"check": "wired", "from": ["x", "y"], "to": {"type": "Add"}}


def test_wired_into_one_node_of_a_type() -> None:
    g = loose()
    task = read_task(WIRE_X_Y_INTO_ADD, "task", g)
    assert not is_met(task, now(g))  # no Add node yet
    g.add_node("Add", "a1")
    g.add_node("Add", "a2")
    g.connect("x", "a1", 0)
    g.connect("y", "a2", 1)
    assert not is_met(task, now(g))  # each went into a different Add
    g.connect("y", "a1", 1)
    assert is_met(task, now(g))


def test_wired_from_one_node_at_a_port() -> None:
    g = loose()
    g.add_node("Add", "a")
    g.connect("x", "a", 1)
    assert met({"check": "wired", "from": "x", "to": {"type": "Add"}}, g)
    assert not met({"check": "wired", "from": "x", "to": {"type": "Add"}, "port": 0}, g)
    assert met({"check": "wired", "from": {"type": "Add"}, "to": "sq"}, g) is False
    g.connect("a", "sq", 0)
    assert met({"check": "wired", "from": {"type": "Add"}, "to": "sq"}, g)


# -- exists -----------------------------------------------------------------------------------


def test_a_node_of_a_type_exists() -> None:
    g = loose()
    task = read_task({"check": "exists", "node": {"type": "Exp"}}, "task", g)
    assert not is_met(task, now(g))
    g.add_node("Exp", "e")
    assert is_met(task, now(g))
    g.remove_node("e")
    assert not is_met(task, now(g))


def test_a_node_the_student_names_exists() -> None:
    g = loose()
    task = read_task({"check": "exists", "node": "t"}, "task", g)  # not in the file: the student makes it
    assert not is_met(task, now(g))
    g.add_node("Add", "n7")
    g.set_name("n7", "t")
    assert is_met(task, now(g))


# -- loss below -------------------------------------------------------------------------------


def test_the_loss_after_training_is_below() -> None:
    g = apples()  # the loss is the price, 220
    below_300 = {"check": "loss_below", "below": 300}
    assert not met(below_300, g)  # below, but nothing was trained
    assert met(below_300, g, losses=[250.0, 220.0])
    assert not met({"check": "loss_below", "below": 220}, g, losses=[250.0, 220.0])
    g.disconnect("mul_tax", 0)  # no loss at all
    assert not met(below_300, g, losses=[250.0])


# -- all of -----------------------------------------------------------------------------------


def test_all_of_its_tasks() -> None:
    g = apples()
    both = {"check": "all", "of": [{"check": "value", "node": "price", "equals": 330},
                                   {"check": "grad", "node": "apple", "equals": 3.3}]}  # fmt: skip
    task = read_task(both, "task", g)
    assert isinstance(task, AllOf) and not is_met(task, now(g))
    g.set_param("num", "value", 3.0)
    assert is_met(task, now(g))
    g.set_param("apple", "value", 90.0)
    assert not is_met(task, now(g))  # the gradient holds, the price does not


def test_without_an_evaluation_nothing_numeric_is_met() -> None:
    g = apples()
    assert not is_met(
        read_task({"check": "value", "node": "price", "equals": 220}, "t", g), Situation(g, None)
    )


# -- reading: what it makes, and every problem with its place -----------------------------------


def test_reading_makes_the_conditions() -> None:
    g = apples()
    assert read_task({"check": "grad", "node": "apple", "equals": 2.2}, "t", g) == Equals(
        "grad",
        NodeRef(key="apple"),
        None,
        1e-3,  # type: ignore[arg-type]
    )
    assert read_task(WIRE_X_Y_INTO_ADD, "t", loose()) == Wired(
        (NodeRef("x"), NodeRef("y")), NodeRef(type="Add")
    )
    assert read_task({"check": "exists", "node": {"type": "Log"}}, "t", g) == Exists(NodeRef(type="Log"))
    assert read_task({"check": "loss_below", "below": 0.01}, "t", g) == LossBelow(0.01)
    wire = read_task(
        {"check": "value", "wire": {"from": "num", "to": "mul_apple", "port": 1}, "equals": 2}, "t", g
    )
    assert isinstance(wire, Equals) and wire.target == WireRef(NodeRef("num"), NodeRef("mul_apple"), 1)


@pytest.mark.parametrize(
    ("obj", "message"),
    [
        ("value", 'task: must be an object such as {"check": "value", …}'),
        (
            {"node": "x"},
            "task.check: must be one of value, grad, wired, exists, answer, loss_below, all, not None",
        ),
        (
            {"check": "run", "code": "import os"},
            'task.check: must be one of value, grad, wired, exists, answer, loss_below, all, not "run"',
        ),
        (
            {"check": "value", "node": "q", "equals": 1},
            'task.node: no node "q" (by id or name) in the lesson\'s graph',
        ),
        ({"check": "value", "node": "price"}, 'task: needs "equals"'),
        ({"check": "value", "equals": 1}, 'task: needs either "node" or "wire"'),
        (
            {"check": "value", "node": "price", "wire": {"from": "a", "to": "b"}, "equals": 1},
            'task: needs either "node" or "wire"',
        ),
        ({"check": "value", "node": "price", "equals": "220"}, "task.equals: "),
        (
            {"check": "value", "node": "price", "equals": 220, "tol": -1},
            "task.tol: must be a number ≥ 0, not -1",
        ),
        (
            {"check": "value", "node": "price", "equals": 220, "expr": "x"},
            'task.expr: is not a key of a "value" task',
        ),
        ({"check": "grad", "wire": {"from": "apple"}, "equals": 1}, "task.wire: must be a wire"),
        ({"check": "grad", "wire": {"from": "apple", "to": "zz"}, "equals": 1}, 'task.wire.to: no node "zz"'),
        (
            {"check": "grad", "wire": {"from": "apple", "to": "price", "port": -1}, "equals": 1},
            "task.wire.port: must be a whole number ≥ 0, not -1",
        ),
        ({"check": "wired", "from": [], "to": "price"}, "task.from: names no node"),
        ({"check": "wired", "from": ["apple", "q"], "to": "price"}, 'task.from[1]: no node "q"'),
        (
            {"check": "wired", "from": "apple", "to": {"type": "Addd"}},
            'task.to.type: unknown node type "Addd"',
        ),
        ({"check": "wired", "from": "apple"}, 'task: needs "to"'),
        ({"check": "exists", "node": {"type": "Addd"}}, 'task.node.type: unknown node type "Addd"'),
        ({"check": "exists", "node": 3}, "task.node: must name a node"),
        ({"check": "loss_below", "below": "small"}, 'task.below: must be a number, not "small"'),
        ({"check": "answer", "node": "apple", "what": "grad"}, "task: the lesson's graph has no exercise"),
        ({"check": "all", "of": []}, "task.of: must be a list of tasks"),
        (
            {
                "check": "all",
                "of": [
                    {"check": "exists", "node": {"type": "Add"}},
                    {"check": "grad", "node": "q", "equals": 1},
                ],
            },
            'task.of[1].node: no node "q"',
        ),
    ],
)
def test_a_task_that_is_not_one_says_what_and_where(obj, message: str) -> None:
    with pytest.raises(TaskError) as caught:
        read_task(obj, "task", apples())
    assert str(caught.value).startswith(message)


def test_loss_below_needs_an_output() -> None:
    g = loose()
    g.remove_node("z")
    with pytest.raises(TaskError, match="no Output"):
        read_task({"check": "loss_below", "below": 1}, "task", g)


# -- answer correct (an exercise's blank) ---------------------------------------------------


def with_exercise(g: Graph, *blanks):
    from nodeeditor.model.exercise import Exercise

    g.exercise = Exercise(blanks=list(blanks))
    return g


def test_an_answer_right_wrong_or_missing() -> None:
    from nodeeditor.model.exercise import Answer, Blank

    tax = Blank(node="tax", what="grad")
    g = with_exercise(apples(), tax, Blank(node="num", what="grad"))
    task = read_task({"check": "answer", "node": "tax", "what": "grad"}, "task", g)
    assert not is_met(task, now(g))  # not answered yet
    g.exercise.answers[tax] = Answer(np.array(2.2))
    assert not is_met(task, now(g))  # wrong: 2.2 is the apple price's gradient
    g.exercise.answers[tax] = Answer(np.array(200.0), tries=2)
    assert is_met(task, now(g))
    g.set_param("apple", "value", 150.0)
    assert not is_met(task, now(g))  # right only while the graph computes that number


def test_an_answer_on_a_wire_and_every_answer() -> None:
    from nodeeditor.model.exercise import Answer, Blank
    from nodeeditor.model.graph import Edge

    wire = Blank(edge=Edge("apple", "mul_apple", 0), what="grad")
    num = Blank(node="num", what="grad")
    g = with_exercise(apples(), wire, num)
    one = read_task({"check": "answer", "edge": {"from": "apple", "to": "mul_apple"}, "what": "grad"}, "t", g)
    every = read_task({"check": "answer"}, "t", g)
    g.exercise.answers[wire] = Answer(np.array(2.2))
    assert is_met(one, now(g)) and not is_met(every, now(g))
    g.exercise.answers[num] = Answer(np.array(110.0))
    assert is_met(every, now(g))


@pytest.mark.parametrize(
    ("obj", "message"),
    [
        (
            {"check": "answer", "node": "apple", "what": "grad"},
            "task: is not one of the exercise's hidden numbers",
        ),
        (
            {"check": "answer", "node": "q", "what": "grad"},
            'task.node: no node "q" (by id) in the lesson\'s graph',
        ),
        (
            {"check": "answer", "node": "tax", "what": "slope"},
            'task.what: must be "value" or "grad", not "slope"',
        ),
        ({"check": "answer", "what": "grad"}, 'task.what: goes with "node" or "edge"'),
        (
            {"check": "answer", "edge": {"from": "apple", "to": "price"}, "what": "grad"},
            "task.edge: must be one wire of the graph",
        ),
    ],
)
def test_an_answer_task_names_a_hidden_number(obj: dict, message: str) -> None:
    from nodeeditor.model.exercise import Blank

    with pytest.raises(TaskError) as caught:
        read_task(obj, "task", with_exercise(apples(), Blank(node="tax", what="grad")))
    assert str(caught.value).startswith(message)
