"""Captions of issue 11: paths written as products, gradients of a target, forward mode."""

from __future__ import annotations

import numpy as np
from graphkit import build, example

from nodeeditor.model import evaluate, load
from nodeeditor.model.captions import dot, partial, top_symbol
from nodeeditor.model.forward_mode import tangents, unit_direction
from nodeeditor.model.paths import paths
from nodeeditor.model.steps import (
    BACKWARD,
    TANGENT_PHASE,
    more_paths,
    path_caption,
    propagation_steps,
    tangent_steps,
)


def test_the_issue_path_caption() -> None:
    g = load(example("add_square"))  # z = (x + y)² at x = 2, y = 1
    r = evaluate(g)
    rep = paths(g, r, "x")
    (p,) = rep.paths
    assert path_caption(g, r, p, "x") == "x → t → z → L: ∂L/∂z · ∂z/∂t · ∂t/∂x = 1 · 6 · 1 = 6"
    rz = evaluate(g, target="z")
    (p,) = paths(g, rz, "x").paths
    assert path_caption(g, rz, p, "x") == "x → t → z: ∂z/∂t · ∂t/∂x = 6 · 1 = 6"
    (p,) = paths(g, rz, "z").paths
    assert path_caption(g, rz, p, "z") == "z: ∂z/∂z = 1"


def test_path_caption_negative_numbers_seeds_and_vectors() -> None:
    g = build([
        ("x", "Input", [], {"value": 3.0}),
        ("n", "Neg", ["x"], {}),
        ("L", "Output", ["n"], {"grad": 2.0}),
    ])  # fmt: skip
    r = evaluate(g)
    (p,) = paths(g, r, "x").paths
    assert path_caption(g, r, p, "x") == (
        "Input (x) → Neg (n) → L: ∂L/∂(−x) · ∂(−x)/∂x = 2 · (−1) = −2"  # unnamed: labels and expressions
    )
    v = build([
        ("x", "Input", [], {"value": np.array([1.0, 2.0])}),
        ("s", "Sum", ["x"], {}),
        ("L", "Output", ["s"], {}),
    ])  # fmt: skip
    rv = evaluate(v)
    (p,) = paths(v, rv, "x").paths
    assert (
        path_caption(v, rv, p, "x") == "Input (x) → Sum (s) → L: ∂L/∂Σ(x) · ∂Σ(x)/∂x"
    )  # no numbers for a vector
    assert more_paths(6557470319822) == "and 6,557,470,319,822 more"
    assert more_paths(3, lambda c, t: "그 밖에 {count}개" if t == "and {count} more" else t) == "그 밖에 3개"


def test_backward_captions_with_a_target_say_the_target() -> None:
    g = load(example("add_square"))
    r = evaluate(g, target="t")
    steps = {(s.phase, s.node_id): s.caption for s in propagation_steps(g, r)}
    assert steps[(BACKWARD, "t")] == (
        "∂t/∂t = 1: backward starts here (the target)\n"
        "∂t/∂x = ∂t/∂t · 1 = 1 × 1 = 1\n∂t/∂y = ∂t/∂t · 1 = 1 × 1 = 1"
    )
    assert steps[(BACKWARD, "x")] == "∂t/∂x = 1"
    assert steps[(BACKWARD, "z")] == (
        "No path leads from z to the target t: ∂t/∂z = 0, and every wire into it carries 0."
    )
    assert "No path leads from" in steps[(BACKWARD, "out")]
    assert top_symbol(g, "t") == "t" and top_symbol(g, None) == "L"
    assert partial("t", "x") == "∂t/∂x" and partial("w·x + b", "b") == "∂(w·x + b)/∂b"


def test_forward_mode_steps() -> None:
    g = load(example("add_square"))
    r = evaluate(g)
    t = tangents(g, r, "x")
    steps = tangent_steps(g, r, t)
    assert [(s.phase, s.node_id, s.caption) for s in steps] == [
        (TANGENT_PHASE, "x", "ẋ = 1: the direction"),
        (TANGENT_PHASE, "y", "ẏ = 0"),
        (TANGENT_PHASE, "t", "ṫ = ẋ + ẏ = 1 + 0 = 1"),
        (TANGENT_PHASE, "z", "ż = 2t·ṫ = 2 × 3 × 1 = 6"),
        (TANGENT_PHASE, "out", "L̇ = ż = 6 = 6"),
    ]
    assert [e.dst for e in steps[2].wires] == ["z"]


def test_forward_mode_captions_of_still_nodes_products_and_vectors() -> None:
    g = build([
        ("x", "Input", [], {"value": 2.0}),
        ("w", "Input", [], {"value": 3.0}),
        ("c", "Exp", ["w"], {}),
        ("m", "Mul", ["x", "c"], {}),
        ("L", "Output", ["m"], {}),
    ])  # fmt: skip
    for n in ("x", "w", "c", "m"):
        g.set_name(n, n)
    r = evaluate(g)
    caps = {s.node_id: s.caption for s in tangent_steps(g, r, tangents(g, r, "x"))}
    assert caps["c"] == "ċ = 0: c does not depend on x"
    assert caps["m"].startswith("ṁ = ẋ·c + x·ċ = 1 × 20.09 + 2 × 0 = 20.09")
    v = build([
        ("x", "Input", [], {"value": np.array([1.0, 2.0])}),
        ("s", "Sum", ["x"], {}),
    ])  # fmt: skip
    v.set_name("s", "s")
    v.set_name("x", "x")
    rv = evaluate(v)
    caps = {s.node_id: s.caption for s in tangent_steps(v, rv, tangents(v, rv, "x", unit_direction((2,), 1)))}
    assert caps["s"] == "ṡ = Σ(ẋ) = Σ([2] 0, 1) = 1"
    assert dot("x") == "ẋ" and dot("w·x") == "(w·x)˙" and dot("apple") == "apple˙"


def test_tangent_captions_are_translated() -> None:
    g = load(example("add_square"))
    r = evaluate(g)
    korean = {("steps", "{d} = {direction}: the direction"): "{d} = {direction}: 방향"}
    steps = tangent_steps(g, r, tangents(g, r, "x"), lambda c, t: korean.get((c, t), t))
    assert steps[0].caption == "ẋ = 1: 방향"
