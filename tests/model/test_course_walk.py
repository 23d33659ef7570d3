"""The shipped course, walked as a student would: on every page, the task is not done until
the student does what the page asks, and then it is. This also checks the numbers the texts
promise (2.2, 110, 200; ∂z/∂x = 8; σ(2) = 0.881; …)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from graphkit import ROOT

from nodeeditor.model import Graph, load
from nodeeditor.model.engine import evaluate
from nodeeditor.model.exercise import Answer, Blank
from nodeeditor.model.graph import Edge
from nodeeditor.model.lessons import read_lesson
from nodeeditor.model.tasks import Situation, is_met
from nodeeditor.model.training import train

COURSE = sorted((ROOT / "resources" / "course").glob("*.bpgraph"))
Step = Callable[[Graph], object]


def answer(node: str | None = None, edge: Edge | None = None) -> Step:
    """The student types the right number into a blank (from a fresh evaluation)."""

    def do(g: Graph) -> None:
        blank = Blank(node=node, edge=edge, what="grad")
        result = evaluate(g)
        truth = result.grad(node) if node else result.wire_grad(edge)  # type: ignore[arg-type]
        g.exercise.answers[blank] = Answer(np.array(truth))  # type: ignore[union-attr]

    return do


def wrong(node: str) -> Step:
    def do(g: Graph) -> None:
        g.exercise.answers[Blank(node=node, what="grad")] = Answer(np.array(evaluate(g).grad(node)) + 1)  # type: ignore[union-attr]

    return do


def set_value(node: str, value: float) -> Step:
    return lambda g: g.set_param(node, "value", np.array(value))


def set_seed(value: float) -> Step:
    return lambda g: g.set_param("out", "grad", np.array(value))


def add(type_name: str, node_id: str, *wires: tuple[str, str, int], value: float | None = None) -> Step:
    def do(g: Graph) -> None:
        g.add_node(type_name, node_id, **({"value": value} if value is not None else {}))
        for src, dst, port in wires:
            if g.source(dst, port) is not None:
                g.disconnect(dst, port)
            g.connect(src, dst, port)

    return do


def wire(src: str, dst: str, port: int) -> Step:
    return lambda g: g.connect(src, dst, port)


def trained(g: Graph) -> list[float]:
    return train(g, 0.5, 300)


# What each page asks, in order: a list of steps per page (a wrong try first, where it teaches).
WALKS: dict[str, list[list[Step]]] = {
    "01_why_backprop": [[set_value("x", 3)], [wrong("w"), answer("w")], [set_value("w", 2)]],
    "02_chain_rule": [
        [add("Add", "t", ("x", "t", 0), ("y", "t", 1))],
        [wire("t", "z", 0), set_value("x", 2)],
        [wrong("x"), answer("x")],
        [set_value("y", 3)],
    ],
    "03_forward_backward": [[set_value("x", 4)], [set_value("x", 3)], [set_seed(0.5)]],
    "04_add_node": [
        [set_value("y", 7)],
        [set_seed(1.3), answer("x")],
        [add("Input", "w", value=1.0), add("Add", "a2", ("add", "a2", 0), ("w", "a2", 1), ("a2", "out", 0))],
    ],
    "05_mul_node": [[set_value("tax", 1.2)], [set_value("tax", 1.1)], [answer("num")], [answer("tax")]],
    "06_exp_and_log": [
        [set_value("x", 2)],
        [answer(edge=Edge("y", "z", 0))],
        [answer("x")],
        [add("Input", "one", value=1.0), add("Add", "s", ("y", "s", 0), ("one", "s", 1), ("s", "z", 0))],
    ],
    "07_fan_out": [
        [set_value("x", 4)],
        [set_value("x", 5)],
        [add("Add", "s", ("mul", "s", 0), ("x", "s", 1), ("s", "out", 0))],
    ],
    "08_backprop_vs_numerical": [[set_value("h", 0.001)], [answer("x")], [set_value("x", 3)]],
    "09_train_a_neuron": [[answer("y")], [answer("b")], [trained]],
}


def test_every_lesson_has_a_walk() -> None:
    assert sorted(WALKS) == [p.stem for p in COURSE]


@pytest.mark.parametrize("path", COURSE, ids=lambda p: p.stem)
def test_each_page_is_done_by_doing_what_it_asks(path: Path) -> None:
    g = load(path)
    lesson, problems = read_lesson(g)
    assert problems == [] and lesson is not None
    walk = WALKS[path.stem]
    assert len(walk) == len(lesson.pages)
    losses: list[float] = []
    for number, (page, steps) in enumerate(zip(lesson.pages, walk, strict=True)):
        assert page.task is not None and page.text("ko").do and page.text("en").do
        assert not is_met(page.task, Situation(g, evaluate(g), losses)), (
            f"page {number} done before it was done"
        )
        for step in steps:
            made = step(g)
            losses += made if isinstance(made, list) else []
        assert is_met(page.task, Situation(g, evaluate(g), losses)), f"page {number} not done after its steps"


def test_the_textbook_numbers() -> None:
    apples = evaluate(load(ROOT / "resources" / "course" / "05_mul_node.bpgraph"))
    assert [float(apples.grad(n)) for n in ("apple", "num", "tax")] == pytest.approx([2.2, 110, 200])
    assert float(apples.value("price")) == pytest.approx(220)
    neuron = evaluate(load(ROOT / "resources" / "course" / "09_train_a_neuron.bpgraph"))
    assert float(neuron.value("y")) == pytest.approx(0.731, abs=5e-4)
