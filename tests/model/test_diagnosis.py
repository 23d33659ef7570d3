"""Why backprop and central differences disagree: the ReLU kink, and nothing else."""

from __future__ import annotations

import pytest
from graphkit import EXAMPLE_FILES, build

from nodeeditor.model import Graph, evaluate, gradient_check, load
from nodeeditor.model.diagnosis import KINK_REASON, explain_disagreement, kinks_between

EPS = 1e-6  # what the gradient check panel uses


def relu_at(x, name: str = "") -> Graph:
    """x → ReLU r → Output."""
    g = build([("x", "Input", [], {"value": x}), ("r", "ReLU", ["x"], {}), ("out", "Output", ["r"], {})])
    if name:
        g.set_name("r", name)
    return g


def test_relu_exactly_at_zero_disagrees_and_is_explained() -> None:
    g = relu_at(0.0)
    report = gradient_check(g, eps=EPS)
    (row,) = report.rows
    assert not report.ok and not row.agrees
    assert row.backprop == 0.0  # backprop takes the slope 0 at the kink
    assert row.numerical == pytest.approx(0.5)  # central differences average 0 and 1
    result = evaluate(g)
    assert kinks_between(g, result, "x", EPS) == [("r", "r")]
    text = explain_disagreement(g, result, "x", EPS)
    assert text == KINK_REASON.format(node="r", x="0")
    assert text.startswith("r sits exactly at its kink (input 0): ReLU has no slope there.")
    assert "report 0.5; backprop uses the slope 0" in text


def test_the_explanation_names_the_relu_by_its_name_and_is_translated() -> None:
    g = relu_at(0.0, "gate")
    calls = []

    def translate(context: str, text: str) -> str:
        calls.append((context, text))
        return "{node} 꺾이는 점 (입력 {x})"

    assert explain_disagreement(g, evaluate(g), "x", EPS, translate) == "gate 꺾이는 점 (입력 0)"
    assert calls == [("diagnosis", KINK_REASON)]


def test_a_kink_within_eps_counts_and_one_beyond_does_not() -> None:
    near, far = relu_at(EPS / 2), relu_at(10 * EPS)
    assert kinks_between(near, evaluate(near), "x", EPS) == [("r", "r")]
    assert kinks_between(far, evaluate(far), "x", EPS) == []
    assert explain_disagreement(far, evaluate(far), "x", EPS) is None


def test_every_kink_downstream_is_named_one_per_line() -> None:
    """x → ReLU a → ReLU b: both sit at 0."""
    g = build(
        [
            ("x", "Input", [], {"value": 0.0}),
            ("a", "ReLU", ["x"], {}),
            ("b", "ReLU", ["a"], {}),
            ("out", "Output", ["b"], {}),
        ]
    )
    text = explain_disagreement(g, evaluate(g), "x", EPS)
    assert text is not None
    lines = text.split("\n")
    assert [line.split(" ")[0] for line in lines] == ["a", "b"]


def test_a_kink_that_is_not_downstream_of_the_input_explains_nothing_about_it() -> None:
    """y feeds a ReLU at 0; x only feeds a Mul: x's gradient has no kink to blame."""
    g = build(
        [
            ("x", "Input", [], {"value": 2.0}),
            ("y", "Input", [], {"value": 0.0}),
            ("r", "ReLU", ["y"], {}),
            ("m", "Mul", ["x", "r"], {}),
            ("out", "Output", ["m"], {}),
        ]
    )
    r = evaluate(g)
    assert explain_disagreement(g, r, "x", EPS) is None
    assert explain_disagreement(g, r, "y", EPS) is not None


def test_a_vector_with_one_element_at_the_kink_is_explained() -> None:
    g = relu_at([-1.0, 0.0, 2.0])
    r = evaluate(g)
    assert kinks_between(g, r, "x", EPS) == [("r", "r")]
    report = gradient_check(g, eps=EPS)
    assert not report.ok
    assert report.rows[0].numerical.tolist() == pytest.approx([0.0, 0.5, 1.0])


def test_a_graph_without_a_kink_gets_no_explanation() -> None:
    """A smooth function: backprop and central differences agree, and nothing is said."""
    g = build(
        [
            ("x", "Input", [], {"value": 0.0}),
            ("s", "Sigmoid", ["x"], {}),
            ("t", "Tanh", ["s"], {}),
            ("out", "Output", ["t"], {}),
        ]
    )
    assert gradient_check(g, eps=EPS).ok
    r = evaluate(g)
    assert kinks_between(g, r, "x", EPS) == []
    assert explain_disagreement(g, r, "x", EPS) is None


def test_a_relu_away_from_its_kink_gets_no_explanation() -> None:
    g = relu_at(-3.0)
    assert gradient_check(g, eps=EPS).ok
    assert explain_disagreement(g, evaluate(g), "x", EPS) is None


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_no_shipped_example_needs_an_explanation(path) -> None:
    g = load(path)
    r = evaluate(g)
    for n, node in g.nodes.items():
        if node.type == "Input":
            assert explain_disagreement(g, r, n, EPS) is None, n
