"""Gradient descent on the trainable Inputs, and the optional ``trainable`` key of the file."""

from __future__ import annotations

import itertools
import json

import numpy as np
import pytest
from graphkit import EXAMPLE_FILES, build, example

from nodeeditor.model import Evaluator, GraphFileError, dumps, evaluate, load, loads
from nodeeditor.model.training import TRAINABLE, descent_step, train, trainable_ids

NEURON = example("train_a_neuron")


def neuron_text(**changes: dict) -> str:
    """The neuron example's text with some nodes' keys changed (None removes a key)."""
    doc = json.loads(NEURON.read_text(encoding="utf-8"))
    for nd in doc["nodes"]:
        for key, value in changes.get(nd["id"], {}).items():
            if value is None:
                nd.pop(key, None)
            else:
                nd[key] = value
    return json.dumps(doc, ensure_ascii=False)


def values(g) -> dict[str, float]:
    return {n: float(node.params["value"]) for n, node in g.nodes.items() if node.type == "Input"}


# -- one step ----------------------------------------------------------------------


@pytest.mark.parametrize("lr", [0.5, 0.1, 3.0])
def test_descent_step_is_p_minus_lr_times_grad_exactly(lr: float) -> None:
    g = load(NEURON)
    r = evaluate(g)
    evaluator = Evaluator(g)
    loss, updates = descent_step(g, evaluator, lr)
    evaluator.close()
    assert loss == r.loss
    assert set(updates) == {"w", "b"}
    for n, new in updates.items():
        assert new == g.nodes[n].params["value"] - lr * r.grad(n)  # bit for bit
    # By hand: ∂L/∂w = 2(y − t) · y(1 − y) · x and ∂L/∂b the same without x.
    y = 1 / (1 + np.exp(-(0.8 * 1.5 - 0.2)))
    db = 2 * (y - 0.9) * y * (1 - y)
    assert updates["b"] == pytest.approx(-0.2 - lr * db, rel=1e-12)
    assert updates["w"] == pytest.approx(0.8 - lr * db * 1.5, rel=1e-12)


def test_descent_step_leaves_the_graph_as_it_was() -> None:
    g = load(NEURON)
    before = dumps(g)
    evaluator = Evaluator(g)
    descent_step(g, evaluator, 0.5)
    evaluator.close()
    assert dumps(g) == before


def test_one_step_lowers_the_loss() -> None:
    g = load(NEURON)
    evaluator = Evaluator(g)
    loss, updates = descent_step(g, evaluator, 0.5)
    evaluator.close()
    for n, v in updates.items():
        g.set_param(n, "value", v)
    assert evaluate(g).loss < loss


# -- a training run -------------------------------------------------------------------


def test_train_lowers_the_squared_error_of_the_neuron() -> None:
    g = load(NEURON)
    start = evaluate(g).loss
    losses = train(g, 0.5, 200)
    assert len(losses) == 200
    assert losses[0] == start  # the loss before the first step
    assert all(b < a for a, b in itertools.pairwise(losses))  # every step goes down
    end = evaluate(g).loss
    assert end < losses[-1] < start / 100
    # The neuron's output has moved towards the target 0.9.
    assert abs(float(evaluate(g).value("y")) - 0.9) < abs(float(evaluate(load(NEURON)).value("y")) - 0.9)


def test_train_changes_only_the_trainable_inputs() -> None:
    g = load(NEURON)
    before = values(g)
    train(g, 0.5, 20)
    after = values(g)
    assert after["x"] == before["x"] and after["target"] == before["target"]
    assert after["w"] != before["w"] and after["b"] != before["b"]
    # Nothing else of the graph changed: the file differs only in the lines of w and b.
    old, new = dumps(load(NEURON)).splitlines(), dumps(g).splitlines()
    changed = [b for a, b in zip(old, new, strict=True) if a != b]
    assert [json.loads(line.rstrip(","))["id"] for line in changed] == ["w", "b"]


def test_train_is_repeated_descent_steps() -> None:
    g, h = load(NEURON), load(NEURON)
    losses = train(g, 0.7, 5)
    evaluator = Evaluator(h)
    by_hand = []
    for _ in range(5):
        loss, updates = descent_step(h, evaluator, 0.7)
        by_hand.append(loss)
        for n, v in updates.items():
            h.set_param(n, "value", v)
    evaluator.close()
    assert losses == by_hand
    assert dumps(g) == dumps(h)


def test_train_on_a_copy_leaves_the_original_alone() -> None:
    """The Training panel trains a copy, then applies its values as one undoable step."""
    g = load(NEURON)
    before = dumps(g)
    work = g.copy()
    train(work, 0.5, 10)
    assert dumps(g) == before
    assert values(work)["w"] != values(g)["w"]


def test_without_an_output_there_is_nothing_to_lower() -> None:
    g = build([("w", "Input", [], {"value": 1.0}), ("s", "Square", ["w"], {})])
    g.set_extra("w", TRAINABLE, True)
    evaluator = Evaluator(g)
    assert descent_step(g, evaluator, 0.1) == (None, {})
    evaluator.close()
    assert train(g, 0.1, 10) == []
    assert float(g.nodes["w"].params["value"]) == 1.0


def test_with_nothing_trainable_the_values_stay() -> None:
    g = loads(neuron_text(w={TRAINABLE: None}, b={TRAINABLE: None}))
    before = dumps(g)
    losses = train(g, 0.5, 3)
    assert losses == [losses[0]] * 3
    assert dumps(g) == before


def test_a_step_changes_every_parameter_or_none() -> None:
    """L = a + 1/w at w = 1e-200: ∂L/∂w = −1/w² overflows to −∞, so w cannot take the step.

    Then a must not take it either, and no loss is reported for a step not taken."""
    g = build(
        [
            ("a", "Input", [], {"value": 1.0}),
            ("w", "Input", [], {"value": 1e-200}),
            ("one", "Input", [], {"value": 1.0}),
            ("d", "Div", ["one", "w"], {}),
            ("s", "Add", ["a", "d"], {}),
            ("out", "Output", ["s"], {}),
        ]
    )
    g.set_extra("a", TRAINABLE, True)
    g.set_extra("w", TRAINABLE, True)
    before = dumps(g)
    assert np.isfinite(evaluate(g).loss)
    assert train(g, 0.1, 3) == []
    assert dumps(g) == before


def test_training_stops_when_the_loss_is_no_longer_finite() -> None:
    """L = exp(w): a huge step up the wrong way sends w where exp overflows."""
    g = build([("w", "Input", [], {"value": 700.0}), ("e", "Exp", ["w"], {}), ("out", "Output", ["e"], {})])
    g.set_extra("w", TRAINABLE, True)
    losses = train(g, -1e-300, 5)  # a negative rate climbs: w = 700 + e^700 · 1e-300 ≈ 10,842
    assert losses == [np.exp(700.0)]  # the one step taken; exp(10,842) is ∞: the next one is not
    assert float(g.nodes["w"].params["value"]) == pytest.approx(700 + np.exp(700.0) * 1e-300)


# -- the trainable key in the file ----------------------------------------------------


def test_the_neuron_example_marks_w_and_b_trainable() -> None:
    g = load(NEURON)
    assert trainable_ids(g) == ["w", "b"]
    assert g.nodes["w"].extra == {TRAINABLE: True}
    assert g.nodes["x"].extra == {}


def test_trainable_round_trips_through_dumps_and_loads() -> None:
    g = load(NEURON)
    text = dumps(g)
    w_line = next(line for line in text.splitlines() if '"id": "w"' in line)
    assert w_line.rstrip(",").endswith('"trainable": true}')
    again = loads(text)
    assert trainable_ids(again) == ["w", "b"]
    assert dumps(again) == text


def test_a_trainable_mark_set_in_the_editor_is_saved() -> None:
    g = load(example("buying_apples"))
    assert trainable_ids(g) == []
    g.set_extra("tax", TRAINABLE, True)
    again = loads(dumps(g))
    assert trainable_ids(again) == ["tax"]
    g.set_extra("tax", TRAINABLE, None)
    assert '"trainable"' not in dumps(g)


def test_an_absent_trainable_key_means_not_trainable() -> None:
    g = loads(neuron_text(w={TRAINABLE: None}))
    assert trainable_ids(g) == ["b"]
    assert g.nodes["w"].extra == {}
    before = float(g.nodes["w"].params["value"])
    train(g, 0.5, 5)
    assert float(g.nodes["w"].params["value"]) == before


def test_trainable_false_is_kept_and_means_not_trainable() -> None:
    g = loads(neuron_text(w={TRAINABLE: False}))
    assert trainable_ids(g) == ["b"]
    assert loads(dumps(g)).nodes["w"].extra == {TRAINABLE: False}


@pytest.mark.parametrize(
    ("changes", "where"),
    [
        ({"wx": {TRAINABLE: True}}, "nodes[3].trainable"),  # a Mul
        ({"loss": {TRAINABLE: False}}, "nodes[9].trainable"),  # an Output
        ({"w": {TRAINABLE: 1}}, "nodes[1].trainable"),
        ({"w": {TRAINABLE: "yes"}}, "nodes[1].trainable"),
    ],
)
def test_only_an_input_can_be_trainable_and_only_true_or_false(changes: dict, where: str) -> None:
    with pytest.raises(GraphFileError) as info:
        loads(neuron_text(**changes))
    assert info.value.where == where
    assert "only an Input can be trainable: true or false" in str(info.value)


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_every_lesson_loads_with_its_text_in_english_and_korean(path) -> None:
    g = load(path)
    assert evaluate(g).loss is not None
    lesson = g.meta["lesson"]
    for language in ("en", "ko"):
        assert lesson[language]["title"].strip()
        assert lesson[language]["text"].strip()
    assert dumps(loads(dumps(g))) == dumps(g)
