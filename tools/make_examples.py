"""Write the lesson graphs in resources/examples (run from the repo root).

Each lesson is a graph file with an optional top-level "lesson" key holding its
title and explanation in English and Korean; the layout comes from the model, except
for a lesson too long for one row: it gets two rows (see ``wrapped``), so that it opens
with every node in sight and its wire labels readable in the app's default window on a
1280×800 screen (tests/gui/test_framing.py checks this).
"""

from __future__ import annotations

import re
from pathlib import Path

from nodeeditor.model import Graph, layered_layout, save
from nodeeditor.model.layout import COLUMN, ROW

OUT = Path(__file__).resolve().parent.parent / "resources" / "examples"


def named(name: str, korean: str, **kw: object) -> dict:
    """A node's keywords: its name, and the name Korean readers see (the optional key "names")."""
    extra = dict(kw.pop("extra", {}))  # type: ignore[call-overload]
    extra["names"] = {"ko": korean}
    return {"name": name, "extra": extra, **kw}


def _unbroken(text: str) -> str:
    """∂L/∂(apple price) stays on one line: no-break spaces inside the parentheses."""
    return re.sub(r"∂\(([^)]*)\)", lambda m: m.group(0).replace(" ", "\u00a0"), text)


def lesson(en_title: str, en: str, ko_title: str, ko: str) -> dict:
    return {
        "en": {"title": en_title, "text": _unbroken(en)},
        "ko": {"title": ko_title, "text": _unbroken(ko)},
    }


def wrapped(rows: list[list[tuple[str, float, float]]]) -> dict[str, tuple[float, float]]:
    """Positions in rows of (node id, column, rank), one row under another, both read left to
    right: a graph of seven columns becomes two of four, which a small canvas shows at twice
    the zoom. The wire from the end of one row to the start of the next is the line break."""
    positions, top = {}, 0.0
    for row in rows:
        ranks = [rank for _, _, rank in row]
        for node_id, column, rank in row:
            positions[node_id] = (column * COLUMN, top + (rank - min(ranks)) * ROW)
        top += (max(ranks) - min(ranks) + 1.5) * ROW
    return positions


# The graphs both the examples and the course (make_course.py) are built on.
APPLES_NODES = [
    ("apple", "Input", named("apple price", "사과 가격", value=100.0)),
    ("num", "Input", named("apples", "사과 개수", value=2.0)),
    ("mul_apple", "Mul", {}),
    ("tax", "Input", named("tax", "소비세", value=1.1)),
    ("mul_tax", "Mul", {}),
    ("price", "Output", named("price", "지불 금액")),
]
APPLES_EDGES = [
    ("apple", "mul_apple", 0),
    ("num", "mul_apple", 1),
    ("mul_apple", "mul_tax", 0),
    ("tax", "mul_tax", 1),
    ("mul_tax", "price", 0),
]
NEURON_EDGES = [
    ("w", "wx", 0),
    ("x", "wx", 1),
    ("wx", "a", 0),
    ("b", "a", 1),
    ("a", "y", 0),
    ("y", "err", 0),
    ("target", "err", 1),
    ("err", "sq", 0),
    ("sq", "loss", 0),
]


def build(
    fname: str, nodes: list, edges: list, text: dict, positions: dict[str, tuple[float, float]] | None = None
) -> None:
    g = Graph()
    for node_id, type_name, kw in nodes:
        g.add_node(type_name, node_id, **kw)
    for src, dst, port in edges:
        g.connect(src, dst, port)
    for node_id, pos in (positions or layered_layout(g)).items():
        g.move(node_id, pos)
    g.meta["lesson"] = text
    save(g, OUT / fname)


def main() -> None:
    for old in OUT.glob("*.bpgraph"):
        old.unlink()
    build(
        "01_add_node.bpgraph",
        [
            ("x", "Input", {"value": 3.0, "name": "x"}),
            ("y", "Input", {"value": 5.0, "name": "y"}),
            ("add", "Add", {}),
            ("out", "Output", {}),
        ],
        [("x", "add", 0), ("y", "add", 1), ("add", "out", 0)],
        lesson(
            "The Add node",
            "z = x + y. Forward, the Add node adds its inputs. Backward, it passes the gradient "
            "from upstream through unchanged to both inputs, because ∂z/∂x = ∂z/∂y = 1. "
            "Change the seed on the Output and watch both red gradients follow it.",
            "덧셈 노드",
            "z = x + y. 순전파에서 덧셈 노드는 입력을 더합니다. 역전파에서는 상류에서 온 미분을 "
            "그대로 두 입력에 흘려보냅니다. ∂z/∂x = ∂z/∂y = 1 이기 때문입니다. "
            "출력 노드의 시드(seed) 값을 바꾸면 빨간 미분 값이 그대로 따라 바뀌는 것을 볼 수 있습니다.",
        ),
    )
    build(
        "02_mul_node.bpgraph",
        [
            ("x", "Input", {"value": 3.0, "name": "x"}),
            ("y", "Input", {"value": 5.0, "name": "y"}),
            ("mul", "Mul", {}),
            ("out", "Output", {}),
        ],
        [("x", "mul", 0), ("y", "mul", 1), ("mul", "out", 0)],
        lesson(
            "The Mul node",
            "z = x · y. Backward, the Mul node sends each input the upstream gradient times the "
            "OTHER input: ∂L/∂x = ∂L/∂z · y and ∂L/∂y = ∂L/∂z · x. That is why a Mul node must "
            "remember its inputs from the forward pass.",
            "곱셈 노드",
            "z = x · y. 역전파에서 곱셈 노드는 상류의 미분에 '서로 바꾼' 입력 값을 곱해서 보냅니다: "
            "∂L/∂x = ∂L/∂z · y, ∂L/∂y = ∂L/∂z · x. 그래서 곱셈 노드는 순전파 때의 입력 값을 "
            "기억해 두어야 합니다.",
        ),
    )
    build(
        "03_add_square.bpgraph",
        [
            ("x", "Input", {"value": 2.0, "name": "x"}),
            ("y", "Input", {"value": 1.0, "name": "y"}),
            ("t", "Add", {"name": "t"}),
            ("z", "Square", {"name": "z"}),
            ("out", "Output", {}),
        ],
        [("x", "t", 0), ("y", "t", 1), ("t", "z", 0), ("z", "out", 0)],
        lesson(
            "z = (x + y)²",
            "Two local steps: t = x + y, then z = t². The chain rule multiplies the local "
            "derivatives: ∂z/∂x = ∂z/∂t · ∂t/∂x = 2t · 1 = 6 at x = 2, y = 1. Drag the value of x "
            "and watch every number follow.",
            "z = (x + y)²",
            "두 개의 국소적 계산: t = x + y, 그리고 z = t². 연쇄 법칙은 국소적 미분을 곱합니다: "
            "x = 2, y = 1 에서 ∂z/∂x = ∂z/∂t · ∂t/∂x = 2t · 1 = 6. x 값을 드래그하면 모든 숫자가 "
            "함께 바뀝니다.",
        ),
    )
    build(
        "04_buying_apples.bpgraph",
        APPLES_NODES,
        APPLES_EDGES,
        lesson(
            "Buying apples",
            "2 apples at 100 won each, with 10% tax: 100 × 2 × 1.1 = 220. Backward from the price: "
            "if the apple price goes up by 1, you pay 2.2 more (∂L/∂(apple price) = 2.2); one more "
            "apple costs 110 (∂L/∂apples = 110); the tax rate matters most: ∂L/∂tax = 200.",
            "사과 쇼핑",
            "개당 100원인 사과 2개, 소비세 10%: 100 × 2 × 1.1 = 220. 지불 금액에서 역전파하면: "
            "사과 가격이 1원 오르면 2.2원을 더 내고 (∂L/∂(사과 가격) = 2.2), 사과를 1개 더 사면 "
            "110원을 더 내며 (∂L/∂(사과 개수) = 110), 소비세의 미분이 가장 큽니다: ∂L/∂소비세 = 200.",
        ),
    )
    build(
        "05_apples_and_oranges.bpgraph",
        [
            ("apple", "Input", named("apple price", "사과 가격", value=100.0)),
            ("apple_num", "Input", named("apples", "사과 개수", value=2.0)),
            ("orange", "Input", named("orange price", "귤 가격", value=150.0)),
            ("orange_num", "Input", named("oranges", "귤 개수", value=3.0)),
            ("mul_apple", "Mul", {}),
            ("mul_orange", "Mul", {}),
            ("add", "Add", {}),
            ("tax", "Input", named("tax", "소비세", value=1.1)),
            ("mul_tax", "Mul", {}),
            ("price", "Output", named("price", "지불 금액")),
        ],
        [
            ("apple", "mul_apple", 0),
            ("apple_num", "mul_apple", 1),
            ("orange", "mul_orange", 0),
            ("orange_num", "mul_orange", 1),
            ("mul_apple", "add", 0),
            ("mul_orange", "add", 1),
            ("add", "mul_tax", 0),
            ("tax", "mul_tax", 1),
            ("mul_tax", "price", 0),
        ],
        lesson(
            "Apples and oranges",
            "(100 × 2 + 150 × 3) × 1.1 = 715. The Add node passes 1.1 unchanged to both branches; "
            "each Mul then swaps its inputs: ∂L/∂(apple price) = 2.2, ∂L/∂apples = 110, "
            "∂L/∂(orange price) = 3.3, ∂L/∂oranges = 165, ∂L/∂tax = 650.",
            "사과와 귤",
            "(100 × 2 + 150 × 3) × 1.1 = 715. 덧셈 노드는 1.1을 그대로 두 갈래로 보내고, 각 곱셈 노드는 "
            "입력을 서로 바꿔 곱합니다: ∂L/∂(사과 가격) = 2.2, ∂L/∂(사과 개수) = 110, "
            "∂L/∂(귤 가격) = 3.3, ∂L/∂(귤 개수) = 165, ∂L/∂소비세 = 650.",
        ),
    )
    build(
        "06_relu_layer.bpgraph",
        [
            ("x", "Input", {"value": [-1.0, 0.5, 2.0], "name": "x"}),
            ("relu", "ReLU", {}),
            ("sum", "Sum", {}),
            ("out", "Output", {}),
        ],
        [("x", "relu", 0), ("relu", "sum", 0), ("sum", "out", 0)],
        lesson(
            "The ReLU layer",
            "ReLU keeps positive inputs and turns the rest into 0. Backward it works like a "
            "switch: where x > 0 the gradient passes through unchanged, elsewhere it stops (0). "
            "Here x is a vector: look at the gradient [3] 0, 1, 1.",
            "ReLU 계층",
            "ReLU는 양수 입력은 그대로, 나머지는 0으로 바꿉니다. 역전파에서는 스위치처럼 동작합니다: "
            "x > 0 인 곳은 미분을 그대로 흘리고, 나머지는 막습니다 (0). 여기서 x는 벡터입니다: "
            "미분 [3] 0, 1, 1 을 보세요.",
        ),
    )
    build(
        "07_sigmoid_from_primitives.bpgraph",
        [
            ("x", "Input", {"value": 0.5, "name": "x"}),
            ("neg", "Neg", {}),
            ("exp", "Exp", {}),
            ("one_a", "Input", {"value": 1.0, "name": "1"}),
            ("add", "Add", {}),
            ("one_b", "Input", {"value": 1.0, "name": "1"}),
            ("div", "Div", {"name": "σ(x)"}),
            ("y", "Output", {}),
        ],
        [
            ("x", "neg", 0),
            ("neg", "exp", 0),
            ("one_a", "add", 0),
            ("exp", "add", 1),
            ("one_b", "div", 0),
            ("add", "div", 1),
            ("div", "y", 0),
        ],
        lesson(
            "The Sigmoid layer, from primitives",
            "σ(x) = 1 / (1 + e^(−x)), built from Neg, Exp, Add and Div. Step backward through it: "
            "the product of the local derivatives equals σ(x)(1 − σ(x)) = 0.235 at x = 0.5, "
            "the same as one Sigmoid node gives.",
            "Sigmoid 계층, 기본 노드로 만들기",
            "σ(x) = 1 / (1 + e^(−x)) 를 부호 반전, 지수, 덧셈, 나눗셈 노드로 만들었습니다. "
            "역전파를 한 단계씩 따라가 보면 국소적 미분의 곱이 σ(x)(1 − σ(x)) 와 같아집니다: "
            "x = 0.5 에서 0.235.",
        ),
        wrapped(
            [
                [("x", 0, 0), ("neg", 1, 0), ("exp", 2, 0), ("one_a", 2, -1), ("add", 3, -0.5)],
                [("one_b", 0, 0), ("div", 1, 0.5), ("y", 2, 0.5)],
            ]
        ),
    )
    build(
        "08_affine_layer.bpgraph",
        [
            ("x", "Input", {"value": [1.0, 2.0], "name": "x"}),
            ("W", "Input", {"value": [[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]], "name": "W"}),
            ("b", "Input", {"value": [0.1, 0.2, 0.3], "name": "b"}),
            ("xw", "MatMul", {}),
            ("affine", "Add", {}),
            ("sum", "Sum", {}),
            ("L", "Output", {}),
        ],
        [
            ("x", "xw", 0),
            ("W", "xw", 1),
            ("xw", "affine", 0),
            ("b", "affine", 1),
            ("affine", "sum", 0),
            ("sum", "L", 0),
        ],
        lesson(
            "The Affine layer",
            "y = x @ W + b with a vector x. Backward through MatMul: ∂L/∂x = ∂L/∂y @ Wᵀ and "
            "∂L/∂W = xᵀ @ ∂L/∂y; each gradient has the shape of its value. Hover a wire to see "
            "the whole matrix.",
            "Affine 계층",
            "벡터 x 에 대해 y = x @ W + b. 행렬 곱(MatMul) 노드의 역전파: ∂L/∂x = ∂L/∂y @ Wᵀ, "
            "∂L/∂W = xᵀ @ ∂L/∂y. 각 미분은 원래 값과 같은 형상입니다. 선 위에 마우스를 올리면 "
            "행렬 전체가 보입니다.",
        ),
        wrapped(
            [
                [("x", 0, -0.5), ("W", 0, 0.5), ("xw", 1, -0.5), ("b", 1, 0.5), ("affine", 2, 0)],
                [("sum", 1, 0), ("L", 2, 0)],
            ]
        ),
    )
    build(
        "09_train_a_neuron.bpgraph",
        [
            ("x", "Input", {"value": 1.5, "name": "x"}),
            ("w", "Input", {"value": 0.8, "name": "w", "extra": {"trainable": True}}),
            ("b", "Input", {"value": -0.2, "name": "b", "extra": {"trainable": True}}),
            ("wx", "Mul", {}),
            ("a", "Add", {}),
            ("y", "Sigmoid", {"name": "y"}),
            ("target", "Input", named("target", "목표값", value=0.9)),
            ("err", "Sub", {}),
            ("sq", "Square", {}),
            ("loss", "Output", named("loss", "손실")),
        ],
        NEURON_EDGES,
        lesson(
            "Train a neuron",
            "One neuron y = σ(w·x + b) and a squared-error loss (y − target)². w and b are "
            "trainable: open the Training panel, press Step and watch each parameter move by "
            "−learning rate × its gradient, and the loss fall. Undo puts the values back.",
            "뉴런 학습시키기",
            "뉴런 하나 y = σ(w·x + b) 와 오차 제곱 손실 (y − 목표값)². w 와 b 는 학습 가능한 "
            "매개변수입니다: 학습 패널에서 '한 단계'를 누르면 각 매개변수가 −학습률 × 미분 만큼 "
            "움직이고 손실이 줄어듭니다. 실행 취소로 원래 값으로 돌아갈 수 있습니다.",
        ),
        wrapped(
            [
                [("w", 0, -0.5), ("x", 0, 0.5), ("wx", 1, -0.5), ("b", 1, 0.5), ("a", 2, 0), ("y", 3, 0)],
                [("err", 1, 0), ("target", 0, 0.5), ("sq", 2, 0), ("loss", 3, 0)],
            ]
        ),
    )


if __name__ == "__main__":
    main()
