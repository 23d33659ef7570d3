"""Step-through propagation: the order of the steps and their captions, in exact numbers.

Captions name what they talk about by symbols (see nodeeditor/model/captions.py): a node's
name, else its expression in its inputs' symbols, else its id; never a port letter."""

from __future__ import annotations

import numpy as np
import pytest
from graphkit import EXAMPLE_FILES, build, example, random_spec

from nodeeditor.model import NODE_TYPES, Graph, evaluate, format_value, load
from nodeeditor.model.captions import Symbols, derivatives, formula
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
        (FORWARD, "mul_apple", [("mul_apple", "mul_tax", 0)], "(apple price)·apples = 100 × 2 = 200"),
        (FORWARD, "mul_tax", [("mul_tax", "price", 0)], "(apple price)·apples·tax = 200 × 1.1 = 220"),
        (FORWARD, "price", [], "L = (apple price)·apples·tax = 220"),
        (BACKWARD, "price", [("mul_tax", "price", 0)], "∂L/∂L = seed = 1"),
        (
            BACKWARD,
            "mul_tax",
            [("mul_apple", "mul_tax", 0), ("tax", "mul_tax", 1)],
            "∂L/∂((apple price)·apples) = ∂L/∂((apple price)·apples·tax) · tax = 1 × 1.1 = 1.1\n"
            "∂L/∂tax = ∂L/∂((apple price)·apples·tax) · (apple price)·apples = 1 × 200 = 200",
        ),
        (
            BACKWARD,
            "mul_apple",
            [("apple", "mul_apple", 0), ("num", "mul_apple", 1)],
            "∂L/∂(apple price) = ∂L/∂((apple price)·apples) · apples = 1.1 × 2 = 2.2\n"
            "∂L/∂apples = ∂L/∂((apple price)·apples) · (apple price) = 1.1 × 100 = 110",
        ),
        (BACKWARD, "tax", [], "∂L/∂tax = 200"),
        (BACKWARD, "num", [], "∂L/∂apples = 110"),
        (BACKWARD, "apple", [], "∂L/∂(apple price) = 2.2"),
    ]


def test_add_square_steps_in_order_with_their_captions() -> None:
    """z = (x + y)² at x = 2, y = 1: the chain rule gives 2t · 1 = 6 for both inputs."""
    assert walk(load(example("add_square"))) == [
        (FORWARD, "x", [("x", "t", 0)], "x = 2"),
        (FORWARD, "y", [("y", "t", 1)], "y = 1"),
        (FORWARD, "t", [("t", "z", 0)], "t = x + y = 2 + 1 = 3"),
        (FORWARD, "z", [("z", "out", 0)], "z = t² = 3² = 9"),
        (FORWARD, "out", [], "L = z = 9"),
        (BACKWARD, "out", [("z", "out", 0)], "∂L/∂L = seed = 1"),
        (BACKWARD, "z", [("t", "z", 0)], "∂L/∂t = ∂L/∂z · 2t = 1 × 2 × 3 = 6"),
        (
            BACKWARD,
            "t",
            [("x", "t", 0), ("y", "t", 1)],
            "∂L/∂x = ∂L/∂t · 1 = 6 × 1 = 6\n∂L/∂y = ∂L/∂t · 1 = 6 × 1 = 6",
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
        (FORWARD, "mul_apple", [("mul_apple", "add", 0)], "(apple price)·apples = 100 × 2 = 200"),
        (FORWARD, "mul_orange", [("mul_orange", "add", 1)], "(orange price)·oranges = 150 × 3 = 450"),
        # Too long to be a symbol: the Add is named by its id.
        (
            FORWARD,
            "add",
            [("add", "mul_tax", 0)],
            "add = (apple price)·apples + (orange price)·oranges = 200 + 450 = 650",
        ),
        (FORWARD, "mul_tax", [("mul_tax", "price", 0)], "add·tax = 650 × 1.1 = 715"),
        (FORWARD, "price", [], "L = add·tax = 715"),
        (BACKWARD, "price", [("mul_tax", "price", 0)], "∂L/∂L = seed = 1"),
        (
            BACKWARD,
            "mul_tax",
            [("add", "mul_tax", 0), ("tax", "mul_tax", 1)],
            "∂L/∂add = ∂L/∂(add·tax) · tax = 1 × 1.1 = 1.1\n∂L/∂tax = ∂L/∂(add·tax) · add = 1 × 650 = 650",
        ),
        (
            BACKWARD,
            "add",
            [("mul_apple", "add", 0), ("mul_orange", "add", 1)],
            "∂L/∂((apple price)·apples) = ∂L/∂add · 1 = 1.1 × 1 = 1.1\n"
            "∂L/∂((orange price)·oranges) = ∂L/∂add · 1 = 1.1 × 1 = 1.1",
        ),
        (
            BACKWARD,
            "mul_orange",
            [("orange", "mul_orange", 0), ("orange_num", "mul_orange", 1)],
            "∂L/∂(orange price) = ∂L/∂((orange price)·oranges) · oranges = 1.1 × 3 = 3.3\n"
            "∂L/∂oranges = ∂L/∂((orange price)·oranges) · (orange price) = 1.1 × 150 = 165",
        ),
        (
            BACKWARD,
            "mul_apple",
            [("apple", "mul_apple", 0), ("apple_num", "mul_apple", 1)],
            "∂L/∂(apple price) = ∂L/∂((apple price)·apples) · apples = 1.1 × 2 = 2.2\n"
            "∂L/∂apples = ∂L/∂((apple price)·apples) · (apple price) = 1.1 × 100 = 110",
        ),
        (BACKWARD, "tax", [], "∂L/∂tax = 650"),
        (BACKWARD, "orange_num", [], "∂L/∂oranges = 165"),
        (BACKWARD, "orange", [], "∂L/∂(orange price) = 3.3"),
        (BACKWARD, "apple_num", [], "∂L/∂apples = 110"),
        (BACKWARD, "apple", [], "∂L/∂(apple price) = 2.2"),
    ]


def test_relu_layer_captions_show_the_switch_on_a_vector() -> None:
    rows = {(phase, n): caption for phase, n, _, caption in walk(load(example("relu_layer")))}
    assert rows[(FORWARD, "relu")] == "max(0, x) = max(0, ([3] −1, 0.5, 2)) = [3] 0, 0.5, 2"
    assert rows[(BACKWARD, "relu")] == (
        "∂L/∂x = ∂L/∂max(0, x) · [x > 0] = ([3] 1, 1, 1) × ([3] 0, 1, 1) = [3] 0, 1, 1"
    )
    assert rows[(BACKWARD, "x")] == "∂L/∂x = [3] 0, 1, 1"


def test_neuron_captions_put_negative_numbers_in_parentheses() -> None:
    rows = {(phase, n): caption for phase, n, _, caption in walk(load(example("train_a_neuron")))}
    assert rows[(FORWARD, "a")] == "w·x + b = 1.2 + (−0.2) = 1"
    assert rows[(FORWARD, "sq")] == "(y − target)² = (−0.1689)² = 0.02854"
    assert rows[(BACKWARD, "sq")] == (
        "∂L/∂(y − target) = ∂L/∂((y − target)²) · 2(y − target) = 1 × 2 × (−0.1689) = −0.3379"
    )
    assert rows[(BACKWARD, "err")] == (
        "∂L/∂y = ∂L/∂(y − target) · 1 = (−0.3379) × 1 = −0.3379\n"
        "∂L/∂target = ∂L/∂(y − target) · (−1) = (−0.3379) × (−1) = 0.3379"
    )
    assert rows[(BACKWARD, "y")] == (
        "∂L/∂(w·x + b) = ∂L/∂y · y(1 − y) = (−0.3379) × 0.7311 × (1 − 0.7311) = −0.06643"
    )


def test_neuron_captions_name_the_node_each_gradient_belongs_to() -> None:
    """Issue 10: "Backward · Mul: ∂L/∂x = −0.09965" was w's gradient, and the next step
    "Backward · x: ∂L/∂x = −0.05315" another number for the same name. Now each gradient is
    named after the wire's source node, the same name its own step uses."""
    g = load(example("train_a_neuron"))
    steps = {(s.phase, s.node_id): s for s in propagation_steps(g, evaluate(g))}
    mul = steps[(BACKWARD, "wx")]
    assert mul.label == "Mul (wx)"
    assert mul.caption == (
        "∂L/∂w = ∂L/∂(w·x) · x = (−0.06643) × 1.5 = −0.09965\n"
        "∂L/∂x = ∂L/∂(w·x) · w = (−0.06643) × 0.8 = −0.05315"
    )
    assert steps[(BACKWARD, "w")].caption == "∂L/∂w = −0.09965"
    assert steps[(BACKWARD, "x")].caption == "∂L/∂x = −0.05315"
    assert steps[(FORWARD, "y")].caption == "y = σ(w·x + b) = 1 / (1 + e^(−1)) = 0.7311"


def test_two_unnamed_nodes_of_one_type_have_different_labels() -> None:
    g = build(
        [
            ("x", "Input", [], {"value": 2.0}),
            ("m1", "Mul", ["x", "x"], {}),
            ("m2", "Mul", ["m1", "x"], {}),
            ("out", "Output", ["m2"], {}),
        ]
    )
    labels = [s.label for s in propagation_steps(g, evaluate(g)) if s.phase == FORWARD]
    assert labels == ["Input (x)", "Mul (m1)", "Mul (m2)", "Output (out)"]


def test_a_name_two_nodes_share_is_labelled_with_the_id() -> None:
    g = load(example("sigmoid_from_primitives"))  # two Inputs named "1"
    labels = {s.node_id: s.label for s in propagation_steps(g, evaluate(g))}
    assert labels["one_a"] == "1 (one_a)" and labels["one_b"] == "1 (one_b)"
    assert labels["x"] == "x"


def test_labels_and_sentences_are_translated() -> None:
    g = load(example("train_a_neuron"))
    korean = {("ops", "Mul"): "곱셈", ("steps", "(wire {k} of {n})"): "(전선 {n}개 중 {k}번째)"}

    def translate(context: str, text: str) -> str:
        return korean.get((context, text), text)

    steps = propagation_steps(g, evaluate(g), translate)
    assert [s.label for s in steps if s.node_id == "wx"] == ["곱셈 (wx)", "곱셈 (wx)"]


def test_one_notation_for_powers_of_e_and_of_x() -> None:
    """e^x, e^(−x), x^n: no superscript ˣ, ⁻ or ⁿ beside a caret anywhere in the captions
    or in the formulas the inspector shows."""
    texts = [formula(t) + derivatives(t) for t in NODE_TYPES]
    for path in EXAMPLE_FILES:
        g = load(path)
        texts += [s.caption for s in propagation_steps(g, evaluate(g))]
    assert not [t for t in texts if set("ˣ⁻ⁿ") & set(t)]
    assert formula("Sigmoid") == "z = σ(x) = 1 / (1 + e^(−x))"
    assert formula("Exp") == "z = e^x" and derivatives("Pow") == "∂z/∂x = n·x^(n−1)"


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
        # Each term of x's sum says which of x's wires it is.
        "∂L/∂x = ∂L/∂(x·x) · x = 1 × 3 = 3 (wire 1 of 3)\n∂L/∂x = ∂L/∂(x·x) · x = 1 × 3 = 3 (wire 2 of 3)",
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
    assert rows[(FORWARD, "z")] == "(x + y)·(x + y) = 3 × 3 = 9"
    assert rows[(BACKWARD, "t")] == (
        "∂L/∂(x + y) = 3 + 3 = 6\n∂L/∂x = ∂L/∂(x + y) · 1 = 6 × 1 = 6\n∂L/∂y = ∂L/∂(x + y) · 1 = 6 × 1 = 6"
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
    assert rows[(FORWARD, "p")] == "x^3 = (−2)^3 = −8"
    assert rows[(FORWARD, "n")] == "−x^3 = −(−8) = 8"
    assert rows[(FORWARD, "e")] == "−x^3 − x = 8 − (−2) = 10"
    assert rows[(BACKWARD, "out")] == "∂L/∂L = seed = 2"
    assert rows[(BACKWARD, "p")] == "∂L/∂x = ∂L/∂(x^3) · 3·x^2 = (−2) × 3 × (−2)^2 = −24 (wire 2 of 2)"
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
        (FORWARD, "s", [], "x² = 2² = 4"),
    ]


def test_undefined_nodes_have_no_step() -> None:
    """An Add with an open port (and the Output after it) has no value: nothing to show."""
    g = build([("x", "Input", [], {"value": 2.0}), ("a", "Add", ["x"], {}), ("out", "Output", ["a"], {})])
    assert walk(g) == [(FORWARD, "x", [("x", "a", 0)], "x = 2")]


def test_captions_follow_a_new_evaluation() -> None:
    g = load(example("buying_apples"))
    g.set_param("num", "value", 3.0)
    r = evaluate(g)
    assert forward_caption(g, r, "mul_apple") == "(apple price)·apples = 100 × 3 = 300"
    assert backward_caption(g, r, "mul_apple") == (
        "∂L/∂(apple price) = ∂L/∂((apple price)·apples) · apples = 1.1 × 3 = 3.3\n"
        "∂L/∂apples = ∂L/∂((apple price)·apples) · (apple price) = 1.1 × 100 = 110"
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
    """Every caption ends with the number the engine computed, fan-out terms are the wire
    labels, and each wire's gradient is named by its source's symbol, the one the source's
    own captions use."""
    r = evaluate(g)
    symbol = Symbols(g)
    outputs = g.of_type("Output")
    for s in propagation_steps(g, r):
        node = g.nodes[s.node_id]
        lines = s.caption.split("\n")
        if s.phase == FORWARD:
            assert lines[0].endswith(" = " + format_value(r.value(s.node_id))), s
            continue
        if node.type == "Output":
            name = "L" if len(outputs) == 1 else format(symbol(s.node_id), "a")
            assert lines[0] == f"∂L/∂{name} = seed = {format_value(r.grad(s.node_id))}"
            continue
        mine = f"∂L/∂{symbol(s.node_id):a} = "
        wires = g.consumers(s.node_id)
        if len(wires) >= 2:
            terms = [format_value(r.wire_grad(e)) for e in wires]
            expected = " + ".join(f"({t})" if t[0] in "−[" else t for t in terms)
            assert fanout_sum(g, r, s.node_id) == f"{mine}{expected} = {format_value(r.grad(s.node_id))}"
            assert lines[0] == fanout_sum(g, r, s.node_id)
            np.testing.assert_allclose(sum(r.wire_grad(e) for e in wires), r.grad(s.node_id), rtol=1e-12)
        elif node.type == "Input":
            assert lines == [f"{mine}{format_value(r.grad(s.node_id))}"]
        chain = lines[1:] if len(wires) >= 2 else lines
        if chain and chain[0].startswith("No path leads from"):  # a dead branch: 0 on every wire
            if np.isfinite(r.value(s.node_id)).all():  # (and since issue 9, even past inf and NaN)
                assert all(not np.any(r.wire_grad(e)) for e in s.wires), s
            continue
        for e, line in zip(s.wires, chain, strict=False):
            assert line.startswith(f"∂L/∂{symbol(e.src):a} = "), (s, e)
            assert f"∂L/∂{symbol(s.node_id):a}" in line.split(" = ")[1], (s, e)
            assert f" = {format_value(r.wire_grad(e))}" in line, (s, e)


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_every_example_caption_ends_with_the_engines_number(path) -> None:
    _check_captions(load(path))


@pytest.mark.parametrize("seed", range(30))
def test_captions_on_random_graphs_with_fan_out(seed: int) -> None:
    spec, _ = random_spec(np.random.default_rng(seed), n_nodes=12)
    _check_captions(build(spec))


# -- numbers that are not finite say why -------------------------------------------------

LOSS_NAN = (
    "⚠ L is NaN (it comes from Log (l): log of a negative number). "
    "The gradients still multiply the local slopes, but L has no slope to follow here."
)


def test_log_of_a_negative_number_says_why_in_every_caption_it_reaches() -> None:
    """Issue 10 #14: a NaN loss with finite red gradients flowing back, and no word why.
    The gradients are the chain rule's (autograd gives the same −1); the captions say that
    L is NaN, where it comes from, and that the numbers cannot lower it."""
    g = build([("x", "Input", [], {"value": -1.0}), ("l", "Log", ["x"], {}), ("o", "Output", ["l"], {})])
    assert walk(g) == [
        (FORWARD, "x", [("x", "l", 0)], "x = −1"),
        (FORWARD, "l", [("l", "o", 0)], "ln(x) = ln(−1) = NaN\n⚠ log of a negative number"),
        (FORWARD, "o", [], "L = ln(x) = NaN\n⚠ it comes from Log (l): log of a negative number"),
        (BACKWARD, "o", [("l", "o", 0)], "∂L/∂L = seed = 1\n" + LOSS_NAN),
        (BACKWARD, "l", [("x", "l", 0)], "∂L/∂x = ∂L/∂ln(x) · 1/x = 1 × 1/(−1) = −1\n" + LOSS_NAN),
        (BACKWARD, "x", [], "∂L/∂x = −1\n" + LOSS_NAN),
    ]


def test_an_infinite_slope_is_flagged_where_it_starts_and_where_it_arrives() -> None:
    """x^0.5 at 0: the gradient is +inf. The Pow's step and the Input's step both say so."""
    g = build(
        [
            ("x", "Input", [], {"value": 0.0}),
            ("p", "Pow", ["x"], {"exponent": 0.5}),
            ("o", "Output", ["p"], {}),
        ]
    )
    r = evaluate(g)
    rows = {(phase, n): caption for phase, n, _, caption in walk(g)}
    assert rows[(FORWARD, "p")] == "x^0.5 = 0^0.5 = 0"
    pow_lines = rows[(BACKWARD, "p")].split("\n")
    assert pow_lines[0] == "∂L/∂x = ∂L/∂(x^0.5) · 0.5·x^(−0.5) = 1 × 0.5 × 0^(−0.5) = ∞"
    x_lines = rows[(BACKWARD, "x")].split("\n")
    assert x_lines[0] == "∂L/∂x = ∞"
    own = r.problem("p")  # the engine's reason, once it flags infinite gradients (issue 9 §2)
    if own is None:
        assert pow_lines[1] == x_lines[1] == "⚠ the slope here is infinite or undefined"
    else:
        assert pow_lines[1] == f"⚠ {own}"
        assert x_lines[1] == f"⚠ it comes from Pow (p): {own}"


def test_a_branch_that_reaches_no_output_says_so_instead_of_a_product() -> None:
    """e = exp(x) feeds nothing: no path to L, so 0 flows back into it (file-format.md)."""
    g = build(
        [
            ("x", "Input", [], {"value": 2.0}),
            ("e", "Exp", ["x"], {}),
            ("s", "Square", ["x"], {}),
            ("out", "Output", ["s"], {}),
        ]
    )
    rows = {(phase, n): caption for phase, n, _, caption in walk(g)}
    assert rows[(BACKWARD, "e")] == (
        "No path leads from Exp (e) to L: ∂L/∂(e^x) = 0, and every wire into it carries 0."
    )
    assert rows[(BACKWARD, "x")] == "∂L/∂x = 0 + 4 = 4"


def test_a_dead_branch_that_overflows_says_both() -> None:
    """Issue 9's example: exp(1000) reaches no Output. Its step says it is dead and why its
    value is infinite; the other branch's caption is the chain rule as usual."""
    g = build(
        [
            ("x", "Input", [], {"value": 1000.0}),
            ("e", "Exp", ["x"], {}),
            ("s", "Square", ["x"], {}),
            ("out", "Output", ["s"], {}),
        ]
    )
    rows = {(phase, n): caption for phase, n, _, caption in walk(g)}
    assert rows[(FORWARD, "e")] == "e^x = e^1000 = ∞\n⚠ exp overflowed (x is too large)"
    assert rows[(BACKWARD, "e")] == (
        "No path leads from Exp (e) to L: ∂L/∂(e^x) = 0, and every wire into it carries 0.\n"
        "⚠ exp overflowed (x is too large)"
    )
    assert rows[(BACKWARD, "s")] == "∂L/∂x = ∂L/∂(x²) · 2x = 1 × 2 × 1000 = 2000 (wire 2 of 2)"
