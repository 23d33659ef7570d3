"""Step-through propagation: the order of the steps and their captions, in exact numbers."""

from __future__ import annotations

import numpy as np
import pytest
from graphkit import EXAMPLE_FILES, build, example, random_spec

from nodeeditor.model import Graph, evaluate, format_value, load
from nodeeditor.model.steps import (
    BACKWARD,
    FORWARD,
    backward_caption,
    fanout_sum,
    forward_caption,
    propagation_steps,
)


def walk(g: Graph) -> list[tuple[str, str, list[tuple[str, str, int]], str]]:
    """The steps as plain rows: (phase, node, wires as (src, dst, port), caption)."""
    return [
        (s.phase, s.node_id, [(e.src, e.dst, e.port) for e in s.wires], s.caption)
        for s in propagation_steps(g, evaluate(g))
    ]


# -- the textbook examples, step by step ---------------------------------------------


def test_buying_apples_steps_in_order_with_their_captions() -> None:
    assert walk(load(example("buying_apples"))) == [
        (FORWARD, "apple", [("apple", "mul_apple", 0)], "apple price = 100"),
        (FORWARD, "num", [("num", "mul_apple", 1)], "apples = 2"),
        (FORWARD, "tax", [("tax", "mul_tax", 1)], "tax = 1.1"),
        (FORWARD, "mul_apple", [("mul_apple", "mul_tax", 0)], "z = x · y = 100 × 2 = 200"),
        (FORWARD, "mul_tax", [("mul_tax", "price", 0)], "z = x · y = 200 × 1.1 = 220"),
        (FORWARD, "price", [], "L = x = 220"),
        (BACKWARD, "price", [("mul_tax", "price", 0)], "∂L/∂L = seed = 1"),
        (
            BACKWARD,
            "mul_tax",
            [("mul_apple", "mul_tax", 0), ("tax", "mul_tax", 1)],
            "∂L/∂x = ∂L/∂z · y = 1 × 1.1 = 1.1, ∂L/∂y = ∂L/∂z · x = 1 × 200 = 200",
        ),
        (
            BACKWARD,
            "mul_apple",
            [("apple", "mul_apple", 0), ("num", "mul_apple", 1)],
            "∂L/∂x = ∂L/∂z · y = 1.1 × 2 = 2.2, ∂L/∂y = ∂L/∂z · x = 1.1 × 100 = 110",
        ),
        (BACKWARD, "tax", [], "∂L/∂tax = 200"),
        (BACKWARD, "num", [], "∂L/∂apples = 110"),
        (BACKWARD, "apple", [], "∂L/∂apple price = 2.2"),
    ]


def test_add_square_steps_in_order_with_their_captions() -> None:
    """z = (x + y)² at x = 2, y = 1: the chain rule gives 2t · 1 = 6 for both inputs."""
    assert walk(load(example("add_square"))) == [
        (FORWARD, "x", [("x", "t", 0)], "x = 2"),
        (FORWARD, "y", [("y", "t", 1)], "y = 1"),
        (FORWARD, "t", [("t", "z", 0)], "z = x + y = 2 + 1 = 3"),
        (FORWARD, "z", [("z", "out", 0)], "z = x² = 3² = 9"),
        (FORWARD, "out", [], "L = x = 9"),
        (BACKWARD, "out", [("z", "out", 0)], "∂L/∂L = seed = 1"),
        (BACKWARD, "z", [("t", "z", 0)], "∂L/∂x = ∂L/∂z · 2x = 1 × 2 × 3 = 6"),
        (
            BACKWARD,
            "t",
            [("x", "t", 0), ("y", "t", 1)],
            "∂L/∂x = ∂L/∂z · 1 = 6 × 1 = 6, ∂L/∂y = ∂L/∂z · 1 = 6 × 1 = 6",
        ),
        (BACKWARD, "y", [], "∂L/∂y = 6"),
        (BACKWARD, "x", [], "∂L/∂x = 6"),
    ]


def test_apples_and_oranges_steps_in_order_with_their_captions() -> None:
    """(100 × 2 + 150 × 3) × 1.1 = 715; the Add passes 1.1 to both branches."""
    assert walk(load(example("apples_and_oranges"))) == [
        (FORWARD, "apple", [("apple", "mul_apple", 0)], "apple price = 100"),
        (FORWARD, "apple_num", [("apple_num", "mul_apple", 1)], "apples = 2"),
        (FORWARD, "orange", [("orange", "mul_orange", 0)], "orange price = 150"),
        (FORWARD, "orange_num", [("orange_num", "mul_orange", 1)], "oranges = 3"),
        (FORWARD, "tax", [("tax", "mul_tax", 1)], "tax = 1.1"),
        (FORWARD, "mul_apple", [("mul_apple", "add", 0)], "z = x · y = 100 × 2 = 200"),
        (FORWARD, "mul_orange", [("mul_orange", "add", 1)], "z = x · y = 150 × 3 = 450"),
        (FORWARD, "add", [("add", "mul_tax", 0)], "z = x + y = 200 + 450 = 650"),
        (FORWARD, "mul_tax", [("mul_tax", "price", 0)], "z = x · y = 650 × 1.1 = 715"),
        (FORWARD, "price", [], "L = x = 715"),
        (BACKWARD, "price", [("mul_tax", "price", 0)], "∂L/∂L = seed = 1"),
        (
            BACKWARD,
            "mul_tax",
            [("add", "mul_tax", 0), ("tax", "mul_tax", 1)],
            "∂L/∂x = ∂L/∂z · y = 1 × 1.1 = 1.1, ∂L/∂y = ∂L/∂z · x = 1 × 650 = 650",
        ),
        (
            BACKWARD,
            "add",
            [("mul_apple", "add", 0), ("mul_orange", "add", 1)],
            "∂L/∂x = ∂L/∂z · 1 = 1.1 × 1 = 1.1, ∂L/∂y = ∂L/∂z · 1 = 1.1 × 1 = 1.1",
        ),
        (
            BACKWARD,
            "mul_orange",
            [("orange", "mul_orange", 0), ("orange_num", "mul_orange", 1)],
            "∂L/∂x = ∂L/∂z · y = 1.1 × 3 = 3.3, ∂L/∂y = ∂L/∂z · x = 1.1 × 150 = 165",
        ),
        (
            BACKWARD,
            "mul_apple",
            [("apple", "mul_apple", 0), ("apple_num", "mul_apple", 1)],
            "∂L/∂x = ∂L/∂z · y = 1.1 × 2 = 2.2, ∂L/∂y = ∂L/∂z · x = 1.1 × 100 = 110",
        ),
        (BACKWARD, "tax", [], "∂L/∂tax = 650"),
        (BACKWARD, "orange_num", [], "∂L/∂oranges = 165"),
        (BACKWARD, "orange", [], "∂L/∂orange price = 3.3"),
        (BACKWARD, "apple_num", [], "∂L/∂apples = 110"),
        (BACKWARD, "apple", [], "∂L/∂apple price = 2.2"),
    ]


def test_relu_layer_captions_show_the_switch_on_a_vector() -> None:
    rows = {(phase, n): caption for phase, n, _, caption in walk(load(example("relu_layer")))}
    assert rows[(FORWARD, "relu")] == "z = max(0, x) = max(0, ([3] −1, 0.5, 2)) = [3] 0, 0.5, 2"
    assert rows[(BACKWARD, "relu")] == ("∂L/∂x = ∂L/∂z · [x > 0] = ([3] 1, 1, 1) × [3] 0, 1, 1 = [3] 0, 1, 1")
    assert rows[(BACKWARD, "x")] == "∂L/∂x = [3] 0, 1, 1"


def test_neuron_captions_put_negative_numbers_in_parentheses() -> None:
    rows = {(phase, n): caption for phase, n, _, caption in walk(load(example("train_a_neuron")))}
    assert rows[(FORWARD, "a")] == "z = x + y = 1.2 + (−0.2) = 1"
    assert rows[(FORWARD, "sq")] == "z = x² = (−0.1689)² = 0.02854"
    assert rows[(BACKWARD, "sq")] == "∂L/∂x = ∂L/∂z · 2x = 1 × 2 × (−0.1689) = −0.3379"
    assert rows[(BACKWARD, "err")] == (
        "∂L/∂x = ∂L/∂z · 1 = (−0.3379) × 1 = −0.3379, ∂L/∂y = ∂L/∂z · −1 = (−0.3379) × (−1) = 0.3379"
    )
    assert rows[(BACKWARD, "y")] == "∂L/∂x = ∂L/∂z · z(1 − z) = (−0.3379) × 0.7311 × (1 − 0.7311) = −0.06643"


# -- fan-out: the gradients of a value's wires add up --------------------------------


def test_fan_out_of_an_input_shows_its_wire_gradients_added() -> None:
    """L = x·x + x at x = 3: the three wires carry 3, 3 and 1; ∂L/∂x = 7."""
    g = build(
        [
            ("x", "Input", [], {"value": 3.0}),
            ("m", "Mul", ["x", "x"], {}),
            ("s", "Add", ["m", "x"], {}),
            ("out", "Output", ["s"], {}),
        ]
    )
    rows = walk(g)
    assert rows[0] == (FORWARD, "x", [("x", "m", 0), ("x", "m", 1), ("x", "s", 1)], "x = 3")
    assert rows[-2] == (
        BACKWARD,
        "m",
        [("x", "m", 0), ("x", "m", 1)],
        "∂L/∂x = ∂L/∂z · y = 1 × 3 = 3, ∂L/∂y = ∂L/∂z · x = 1 × 3 = 3",
    )
    assert rows[-1] == (BACKWARD, "x", [], "∂L/∂x = 3 + 3 + 1 = 7")


def test_fan_out_of_an_inner_node_adds_first_then_applies_the_chain_rule() -> None:
    """t = x + y = 3 feeds both ports of z = t · t: ∂L/∂t = 3 + 3 = 6, passed on to x and y."""
    g = build(
        [
            ("x", "Input", [], {"value": 2.0}),
            ("y", "Input", [], {"value": 1.0}),
            ("t", "Add", ["x", "y"], {}),
            ("z", "Mul", ["t", "t"], {}),
            ("out", "Output", ["z"], {}),
        ]
    )
    rows = {(phase, n): caption for phase, n, _, caption in walk(g)}
    assert rows[(FORWARD, "z")] == "z = x · y = 3 × 3 = 9"
    assert rows[(BACKWARD, "t")] == (
        "∂L/∂z = 3 + 3 = 6, ∂L/∂x = ∂L/∂z · 1 = 6 × 1 = 6, ∂L/∂y = ∂L/∂z · 1 = 6 × 1 = 6"
    )
    assert rows[(BACKWARD, "x")] == "∂L/∂x = 6"


def test_fan_out_puts_negative_terms_in_parentheses() -> None:
    """L = 2 · (−x³ − x) at x = −2: the wires into Sub and Pow carry −2 and −24."""
    g = build(
        [
            ("x", "Input", [], {"value": -2.0}),
            ("p", "Pow", ["x"], {"exponent": 3}),
            ("n", "Neg", ["p"], {}),
            ("e", "Sub", ["n", "x"], {}),
            ("out", "Output", ["e"], {"grad": 2.0}),
        ]
    )
    rows = {(phase, n): caption for phase, n, _, caption in walk(g)}
    assert rows[(FORWARD, "p")] == "z = xⁿ = (−2)^3 = −8"
    assert rows[(FORWARD, "n")] == "z = −x = −(−8) = 8"
    assert rows[(FORWARD, "e")] == "z = x − y = 8 − (−2) = 10"
    assert rows[(BACKWARD, "out")] == "∂L/∂L = seed = 2"
    assert rows[(BACKWARD, "p")] == "∂L/∂x = ∂L/∂z · n·xⁿ⁻¹ = (−2) × 3 × (−2)^2 = −24"
    assert rows[(BACKWARD, "x")] == "∂L/∂x = (−2) + (−24) = −26"


def test_a_value_on_one_wire_has_no_fan_out_sum() -> None:
    g = load(example("buying_apples"))
    r = evaluate(g)
    assert all(fanout_sum(g, r, n) == "" for n in g.nodes)


# -- what the steps are made of ---------------------------------------------------------


def test_without_an_output_there_are_only_forward_steps() -> None:
    g = build([("x", "Input", [], {"value": 2.0}), ("s", "Square", ["x"], {})])
    assert walk(g) == [
        (FORWARD, "x", [("x", "s", 0)], "x = 2"),
        (FORWARD, "s", [], "z = x² = 2² = 4"),
    ]


def test_undefined_nodes_have_no_step() -> None:
    """An Add with an open port (and the Output after it) has no value: nothing to show."""
    g = build([("x", "Input", [], {"value": 2.0}), ("a", "Add", ["x"], {}), ("out", "Output", ["a"], {})])
    assert walk(g) == [(FORWARD, "x", [("x", "a", 0)], "x = 2")]


def test_captions_follow_a_new_evaluation() -> None:
    g = load(example("buying_apples"))
    g.set_param("num", "value", 3.0)
    r = evaluate(g)
    assert forward_caption(g, r, "mul_apple") == "z = x · y = 100 × 3 = 300"
    assert backward_caption(g, r, "mul_apple") == (
        "∂L/∂x = ∂L/∂z · y = 1.1 × 3 = 3.3, ∂L/∂y = ∂L/∂z · x = 1.1 × 100 = 110"
    )


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_every_example_steps_forward_in_order_then_back_in_reverse(path) -> None:
    g = load(path)
    r = evaluate(g)
    steps = propagation_steps(g, r)
    order = g.topological_order()
    forward = [s.node_id for s in steps if s.phase == FORWARD]
    backward = [s.node_id for s in steps if s.phase == BACKWARD]
    assert forward == order
    assert backward == order[::-1]
    assert [s.phase for s in steps] == [FORWARD] * len(order) + [BACKWARD] * len(order)
    for s in steps:
        expected = g.consumers(s.node_id) if s.phase == FORWARD else g.in_edges(s.node_id)
        assert list(s.wires) == expected


def _check_captions(g: Graph) -> None:
    """Every caption ends with the number the engine computed, and fan-out terms are the wire labels."""
    r = evaluate(g)
    for s in propagation_steps(g, r):
        node = g.nodes[s.node_id]
        if s.phase == FORWARD:
            assert s.caption.endswith(" = " + format_value(r.value(s.node_id))), s
            continue
        if node.type == "Output":
            assert s.caption == f"∂L/∂L = seed = {format_value(r.grad(s.node_id))}"
            continue
        wires = g.consumers(s.node_id)
        if len(wires) >= 2:
            terms = [format_value(r.wire_grad(e)) for e in wires]
            expected = " + ".join(f"({t})" if t[0] in "−[" else t for t in terms)
            assert fanout_sum(g, r, s.node_id).endswith(f"{expected} = {format_value(r.grad(s.node_id))}")
            assert s.caption.startswith(fanout_sum(g, r, s.node_id))
            np.testing.assert_allclose(sum(r.wire_grad(e) for e in wires), r.grad(s.node_id), rtol=1e-12)
        for e in s.wires:
            assert f" = {format_value(r.wire_grad(e))}" in s.caption, (s, e)


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_every_example_caption_ends_with_the_engines_number(path) -> None:
    _check_captions(load(path))


@pytest.mark.parametrize("seed", range(30))
def test_captions_on_random_graphs_with_fan_out(seed: int) -> None:
    spec, _ = random_spec(np.random.default_rng(seed), n_nodes=12)
    _check_captions(build(spec))
