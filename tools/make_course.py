"""Write the course in resources/course (run from the repo root).

The seed chapter, backpropagation through computational graphs, as nine lessons in its
order. Each lesson is one graph file with pages in English and Korean, and each page a
task the app checks live (docs/file-format.md, "Lesson pages"). Numbers the student should
predict are an exercise's hidden numbers (format version 2). ``nodeeditor check-lesson``
passes on every file written here (tests/test_cli_lesson.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

from nodeeditor.model import Edge, Graph, layered_layout, save
from nodeeditor.model.exercise import Blank, Exercise
from nodeeditor.model.layout import COLUMN, ROW
from nodeeditor.model.lessons import read_lesson

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_examples import APPLES_EDGES, APPLES_NODES, NEURON_EDGES, _unbroken, named, wrapped

OUT = Path(__file__).resolve().parent.parent / "resources" / "course"


def page(en: str, en_do: str, ko: str, ko_do: str, task: dict) -> dict:
    return {
        "en": {"text": _unbroken(en), "do": _unbroken(en_do)},
        "ko": {"text": _unbroken(ko), "do": _unbroken(ko_do)},
        "task": task,
    }


def grid(cells: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """Positions by (column, row) in the layout's units."""
    return {n: (c * COLUMN, r * ROW) for n, (c, r) in cells.items()}


def build(
    fname: str,
    titles: tuple[str, str],
    nodes: list,
    edges: list,
    pages: list[dict],
    hidden: list[Blank] = (),  # type: ignore[assignment]
    positions: dict[str, tuple[float, float]] | None = None,
) -> None:
    g = Graph()
    for node_id, type_name, kw in nodes:
        g.add_node(type_name, node_id, **kw)
    for src, dst, port in edges:
        g.connect(src, dst, port)
    for node_id, pos in (positions or layered_layout(g)).items():
        g.move(node_id, pos)
    g.meta["lesson"] = {"en": {"title": titles[0]}, "ko": {"title": titles[1]}, "pages": pages}
    if hidden:
        g.exercise = Exercise(blanks=list(hidden))
    problems = read_lesson(g)[1]
    if problems:
        raise SystemExit(f"{fname}: " + "; ".join(problems))
    save(g, OUT / fname)


def value(node: str, equals: object, tol: float | None = None) -> dict:
    return {"check": "value", "node": node, "equals": equals, **({"tol": tol} if tol is not None else {})}


def grad(node: str, equals: object) -> dict:
    return {"check": "grad", "node": node, "equals": equals}


def answer(node: str, what: str = "grad") -> dict:
    return {"check": "answer", "node": node, "what": what}


def wired(src: object, dst: object) -> dict:
    return {"check": "wired", "from": src, "to": dst}


ADD, INPUT = {"type": "Add"}, {"type": "Input"}


def why_backprop() -> None:
    build(
        "01_why_backprop.bpgraph",
        ("Why backpropagation?", "왜 역전파인가?"),
        [
            ("x", "Input", {"value": 2.0, "name": "x"}),
            ("w", "Input", {"value": 1.0, "name": "w"}),
            ("y", "Mul", named("y", "y")),
            ("target", "Input", named("target", "정답", value=6.0)),
            ("err", "Sub", named("error", "오차")),
            ("sq", "Square", {}),
            ("loss", "Output", named("loss", "손실")),
        ],
        [
            ("w", "y", 0),
            ("x", "y", 1),
            ("y", "err", 0),
            ("target", "err", 1),
            ("err", "sq", 0),
            ("sq", "loss", 0),
        ],
        [
            page(
                "A network turns an input x into an output y; here y = w · x with one weight w. "
                "We know the right answer, the **target** (6), so we can say how wrong y is: "
                "the **error** y − target, and the loss (y − target)², which is 0 only when y is right.",
                "Set x to 3 (double-click its value). The error becomes −3.",
                "신경망은 입력 x로 출력 y를 계산합니다. 여기서는 가중치 w 하나로 y = w · x 입니다. "
                "우리는 올바른 답인 **정답**(6)을 알고 있으므로 y가 얼마나 틀렸는지 말할 수 있습니다: "
                "**오차** y − 정답, 그리고 y가 맞을 때만 0이 되는 손실 (y − 정답)² 입니다.",
                "x를 3으로 바꾸세요 (값을 더블클릭). 오차가 −3이 됩니다.",
                value("err", -3),
            ),
            page(
                "Learning means changing w until the loss is small. But which way, and how far? "
                "Backpropagation answers it: the error at the output flows **back** along the wires. "
                "The Square node sends 2 · error = −6 back to y, and the Mul node passes it on to w "
                "times x: "
                "∂L/∂w = −6 · 3. The red numbers below the wires are these gradients.",
                "Predict ∂L/∂w: click the ? below the wire from w and type your answer.",
                "학습이란 손실이 작아지도록 w를 바꾸는 것입니다. 그런데 어느 쪽으로, 얼마나 바꿔야 할까요? "
                "역전파가 그 답입니다: 출력에서 생긴 오차가 연결선을 따라 **거꾸로** 흘러갑니다. "
                "제곱 노드는 2 · 오차 = −6을 y로 돌려보내고, 곱셈 노드는 여기에 x를 곱해 w로 보냅니다: "
                "∂L/∂w = −6 · 3. 연결선 아래의 빨간 숫자가 이런 기울기입니다.",
                "∂L/∂w를 예측해 보세요: w에서 나가는 선 아래의 ?를 클릭하고 답을 입력합니다.",
                answer("w"),
            ),
            page(
                "The gradient ∂L/∂w is negative: raising w lowers the loss. Move w the other way "
                "from its gradient, and the error shrinks. When the error is 0, every gradient is 0 "
                "too: there is nothing left to learn.",
                "Change w until the error is 0 (drag its value sideways).",
                "기울기 ∂L/∂w가 음수이므로 w를 키우면 손실이 줄어듭니다. w를 기울기의 반대 방향으로 "
                "움직이면 오차가 줄어듭니다. 오차가 0이 되면 모든 기울기도 0이 됩니다: "
                "더 배울 것이 없습니다.",
                "오차가 0이 될 때까지 w를 바꾸세요 (값을 옆으로 드래그).",
                value("err", 0, tol=0.01),
            ),
        ],
        hidden=[Blank(node="w", what="grad")],
        positions=wrapped(
            [
                [("w", 0, -0.5), ("x", 0, 0.5), ("y", 1, 0), ("target", 1, 1), ("err", 2, 0.5)],
                [("sq", 1, 0), ("loss", 2, 0)],
            ]
        ),
    )


def chain_rule() -> None:
    build(
        "02_chain_rule.bpgraph",
        ("The chain rule: z = (x + y)²", "연쇄법칙: z = (x + y)²"),
        [
            ("x", "Input", {"value": 1.0, "name": "x"}),
            ("y", "Input", {"value": 2.0, "name": "y"}),
            ("z", "Square", {"name": "z"}),
            ("out", "Output", {}),
        ],
        [("z", "out", 0)],
        [
            page(
                "z = (x + y)² is two small steps: t = x + y, then z = t². A computational graph draws "
                "each step as a node, and the numbers flow along the wires between them.",
                "Wire x and y into an Add node: drag Add from the Nodes palette, then drag from each "
                "output (right) to an input (left).",
                "z = (x + y)² 는 두 개의 작은 계산입니다: t = x + y, 그리고 z = t². 계산 그래프는 "
                "계산 하나하나를 노드로 그리고, 숫자는 노드 사이의 연결선을 따라 흐릅니다.",
                "x와 y를 덧셈 노드에 연결하세요: 노드 팔레트에서 덧셈을 끌어다 놓고, 각 출력(오른쪽 점)에서 "
                "입력(왼쪽 점)으로 끌어 줍니다.",
                wired(["x", "y"], ADD),
            ),
            page(
                "Now finish the graph: the Add node's result t goes into the Square node z. "
                "Forward, the values flow left to right: t = x + y, then z = t².",
                "Wire the Add node into z, and set x so that z = 16.",
                "이제 그래프를 완성합니다: 덧셈 노드의 결과 t가 제곱 노드 z로 들어갑니다. "
                "순전파에서 값은 왼쪽에서 오른쪽으로 흐릅니다: t = x + y, 그리고 z = t².",
                "덧셈 노드를 z에 연결하고, z = 16이 되도록 x를 정하세요.",
                {"check": "all", "of": [wired(ADD, "z"), value("z", 16)]},
            ),
            page(
                "The chain rule: the derivative of a composite function is the product of the "
                "derivatives of its parts. ∂z/∂x = ∂z/∂t · ∂t/∂x = 2t · 1. Backward, each node multiplies "
                "the gradient from the right by its own local derivative.",
                "Predict ∂z/∂x: click the ? below x's wire and type your answer.",
                "연쇄법칙: 합성 함수의 미분은 합성 함수를 구성하는 각 함수의 미분의 곱입니다. "
                "∂z/∂x = ∂z/∂t · ∂t/∂x = 2t · 1. 역전파에서 각 노드는 오른쪽에서 온 기울기에 "
                "자신의 국소적 미분을 곱합니다.",
                "∂z/∂x를 예측해 보세요: x의 선 아래에 있는 ?를 클릭하고 답을 입력합니다.",
                answer("x"),
            ),
            page(
                "The same chain reaches y: ∂z/∂y = 2t · 1, because the Add node's local derivative is 1 "
                "for both of its inputs. Change y and watch 2t follow.",
                "Set y so that ∂z/∂y = 10.",
                "같은 연쇄가 y에도 닿습니다: 덧셈 노드의 국소적 미분은 두 입력 모두 1이므로 "
                "∂z/∂y = 2t · 1 입니다. y를 바꾸면서 2t가 따라 바뀌는 것을 보세요.",
                "∂z/∂y = 10이 되도록 y를 정하세요.",
                grad("y", 10),
            ),
        ],
        hidden=[Blank(node="x", what="grad")],
        positions=grid({"x": (0, -0.5), "y": (0, 0.5), "z": (2, 0), "out": (3, 0)}),
    )


def local_computation() -> None:
    build(
        "03_forward_backward.bpgraph",
        ("Forward, backward, local: f(x) = x²", "순전파, 역전파, 국소적 계산: f(x) = x²"),
        [
            ("x", "Input", {"value": 3.0, "name": "x"}),
            ("f", "Square", {"name": "f"}),
            ("out", "Output", {}),
        ],
        [("x", "f", 0), ("f", "out", 0)],
        [
            page(
                "**Forward**: values flow left to right. The Square node computes f = x² from its input "
                "alone; it knows nothing about the rest of the graph. That is a **local computation**, "
                "and a big graph is many of them.",
                "Set x so that f(x) = 16.",
                "**순전파**: 값이 왼쪽에서 오른쪽으로 흐릅니다. 제곱 노드는 자신의 입력만으로 f = x² 를 "
                "계산하며, 그래프의 나머지는 전혀 모릅니다. 이것이 **국소적 계산**이고, 큰 그래프도 "
                "이런 계산이 많이 모인 것일 뿐입니다.",
                "f(x) = 16이 되도록 x를 정하세요.",
                value("f", 16),
            ),
            page(
                "**Backward**: gradients flow right to left. The Output starts with 1 (its seed). "
                "The Square node multiplies it by its local derivative 2x and sends 2x · 1 to the left. "
                "Again, it needs only its own input x, kept from the forward pass.",
                "Make the gradient on x equal 6.",
                "**역전파**: 기울기가 오른쪽에서 왼쪽으로 흐릅니다. 출력 노드는 1(시드)에서 시작합니다. "
                "제곱 노드는 이 값에 국소적 미분 2x를 곱해 2x · 1을 왼쪽으로 보냅니다. 여기서도 "
                "순전파 때 기억해 둔 자신의 입력 x만 있으면 됩니다.",
                "x의 기울기가 6이 되게 하세요.",
                grad("x", 6),
            ),
            page(
                "The upstream gradient need not be 1. Whatever arrives from the right, the node "
                "multiplies it by 2x. The Output's seed plays the upstream gradient here: double-click "
                "it to change it.",
                "Keep x = 3 and make the gradient on x equal 3 by changing the Output's seed.",
                "상류에서 오는 기울기가 꼭 1일 필요는 없습니다. 오른쪽에서 무엇이 오든 노드는 거기에 "
                "2x를 곱합니다. 여기서는 출력 노드의 시드가 상류의 기울기 역할을 합니다: 시드를 "
                "더블클릭해서 바꿀 수 있습니다.",
                "x = 3을 그대로 두고, 출력 노드의 시드를 바꿔서 x의 기울기를 3으로 만드세요.",
                {"check": "all", "of": [value("x", 3), grad("x", 3)]},
            ),
        ],
    )


def add_node() -> None:
    build(
        "04_add_node.bpgraph",
        ("The Add node's backward", "덧셈 노드의 역전파"),
        [
            ("x", "Input", {"value": 3.0, "name": "x"}),
            ("y", "Input", {"value": 5.0, "name": "y"}),
            ("add", "Add", {"name": "z"}),
            ("out", "Output", {}),
        ],
        [("x", "add", 0), ("y", "add", 1), ("add", "out", 0)],
        [
            page(
                "z = x + y. Forward, the Add node adds its two inputs.",
                "Set y so that z = 10.",
                "z = x + y. 순전파에서 덧셈 노드는 두 입력을 더합니다.",
                "z = 10이 되도록 y를 정하세요.",
                value("add", 10),
            ),
            page(
                "Backward, ∂z/∂x = 1 and ∂z/∂y = 1, so the Add node passes the gradient from upstream "
                "to both inputs **unchanged**. Change the Output's seed (the upstream gradient) to 1.3, "
                "then predict what reaches x.",
                "Set the Output's seed to 1.3 and predict ∂L/∂x (click the ? on x's wire).",
                "역전파에서 ∂z/∂x = 1, ∂z/∂y = 1 이므로 덧셈 노드는 상류에서 온 기울기를 **그대로** "
                "두 입력에 보냅니다. 출력 노드의 시드(상류의 기울기)를 1.3으로 바꾸고, x에 무엇이 "
                "도착할지 예측해 보세요.",
                "출력 노드의 시드를 1.3으로 바꾸고 ∂L/∂x를 예측하세요 (x의 선에 있는 ?를 클릭).",
                {"check": "all", "of": [grad("out", 1.3), answer("x")]},
            ),
            page(
                "Adding more numbers is more Add nodes: (x + y) + w. Each one passes the same gradient "
                "on, so every input of a sum gets the gradient of the sum.",
                "Add a new Input w with the value 1: wire z and w into a second Add node, and that Add "
                "into the Output, so that it shows z + w = 11.",
                "더 많은 수를 더하려면 덧셈 노드를 늘립니다: (x + y) + w. 덧셈 노드마다 같은 기울기를 "
                "그대로 넘기므로, 합의 모든 입력은 합의 기울기를 받습니다.",
                "값이 1인 새 입력 노드 w를 추가하세요: z와 w를 두 번째 덧셈 노드에 연결하고, 그 덧셈 "
                "노드를 출력 노드에 연결해서 출력이 z + w = 11이 되게 합니다.",
                {"check": "all", "of": [wired(["add", INPUT], ADD), value("out", 11)]},
            ),
        ],
        hidden=[Blank(node="x", what="grad")],
        positions=grid({"x": (0, -0.5), "y": (0, 0.5), "add": (1, 0), "out": (3, 0)}),
    )


def mul_node() -> None:
    build(
        "05_mul_node.bpgraph",
        ("The Mul node's backward: buying apples", "곱셈 노드의 역전파: 사과 쇼핑"),
        APPLES_NODES,
        APPLES_EDGES,
        [
            page(
                "You buy 2 apples at 100 won each and pay 10% tax: 100 × 2 × 1.1 = 220. "
                "Forward, each Mul node multiplies its two inputs.",
                "Make the tax 20% (1.2): what do you pay now?",
                "개당 100원인 사과 2개를 사고 소비세 10%를 냅니다: 100 × 2 × 1.1 = 220. "
                "순전파에서 곱셈 노드는 두 입력을 곱합니다.",
                "소비세를 20%(1.2)로 바꿔 보세요: 이제 얼마를 내나요?",
                value("price", 240),
            ),
            page(
                "Backward, a Mul node sends each input the upstream gradient times the **other** input: "
                "for z = x · y, ∂z/∂x = y and ∂z/∂y = x. So the apple price's gradient is "
                "1 × 1.1 × 2 = 2.2: if apples cost 1 won more, you pay 2.2 won more.",
                "Make the gradient on the wire from the apple price 2.2 again.",
                "역전파에서 곱셈 노드는 상류의 기울기에 **서로 바꾼** 입력을 곱해 보냅니다: "
                "z = x · y 이면 ∂z/∂x = y, ∂z/∂y = x. 그래서 사과 가격의 기울기는 1 × 1.1 × 2 = 2.2: "
                "사과가 1원 오르면 2.2원을 더 냅니다.",
                "사과 가격에서 나가는 선의 기울기를 다시 2.2로 만드세요.",
                {"check": "grad", "wire": {"from": "apple", "to": "mul_apple"}, "equals": 2.2},
            ),
            page(
                "The same rule gives the number of apples its gradient: the upstream 1.1 times the "
                "other input of its Mul node.",
                "Predict ∂L/∂apples.",
                "같은 규칙으로 사과 개수의 기울기도 구합니다: 상류의 1.1에 곱셈 노드의 다른 입력을 곱합니다.",
                "∂L/∂(사과 개수)를 예측하세요.",
                answer("num"),
            ),
            page(
                "And the tax: its Mul node swaps too, so the tax gets 1 × (what the apples cost). "
                "Of the three inputs, the tax moves the price most.",
                "Predict ∂L/∂tax.",
                "소비세도 마찬가지입니다: 곱셈 노드가 입력을 바꿔 곱하므로 "
                "소비세는 1 × (사과 값)을 받습니다. "
                "세 입력 가운데 소비세가 지불 금액을 가장 크게 움직입니다.",
                "∂L/∂소비세를 예측하세요.",
                answer("tax"),
            ),
        ],
        hidden=[Blank(node="num", what="grad"), Blank(node="tax", what="grad")],
    )


def exp_log() -> None:
    build(
        "06_exp_and_log.bpgraph",
        ("Exp and Log nodes", "exp 노드와 log 노드"),
        [
            ("x", "Input", {"value": 1.0, "name": "x"}),
            ("y", "Exp", {"name": "y"}),
            ("z", "Log", {"name": "z"}),
            ("out", "Output", {}),
        ],
        [("x", "y", 0), ("y", "z", 0), ("z", "out", 0)],
        [
            page(
                "The Exp node computes y = eˣ. Its local derivative is eˣ again: backward, it multiplies "
                "the upstream gradient by its own output y.",
                "Set x so that y = e² (about 7.389).",
                "exp 노드는 y = eˣ 를 계산합니다. 국소적 미분도 eˣ 이므로, 역전파에서 상류의 기울기에 "
                "자신의 출력 y를 곱합니다.",
                "y = e² (약 7.389)가 되도록 x를 정하세요.",
                value("y", 7.389056, tol=1e-4),
            ),
            page(
                "The Log node computes z = ln y. Its local derivative is 1/y: backward, it divides the "
                "upstream gradient by its input.",
                "Predict the gradient on the wire from y into z (∂z/∂y).",
                "log 노드는 z = ln y 를 계산합니다. 국소적 미분은 1/y 이므로, 역전파에서 상류의 기울기를 "
                "자신의 입력으로 나눕니다.",
                "y에서 z로 가는 선의 기울기(∂z/∂y)를 예측하세요.",
                {"check": "answer", "edge": {"from": "y", "to": "z"}, "what": "grad"},
            ),
            page(
                "Together: z = ln(eˣ) = x. The chain rule agrees: ∂z/∂x = (1/y) · y. "
                "Try other values of x: the answer does not change.",
                "Predict ∂z/∂x.",
                "둘을 합치면 z = ln(eˣ) = x 입니다. 연쇄법칙도 같은 답을 줍니다: ∂z/∂x = (1/y) · y. "
                "x를 다른 값으로 바꿔 보세요: 답이 변하지 않습니다.",
                "∂z/∂x를 예측하세요.",
                answer("x"),
            ),
            page(
                "Put 1 + eˣ between them and you get ln(1 + eˣ), the softplus function. Its gradient is "
                "eˣ/(1 + eˣ), the sigmoid σ(x): 0.881 at x = 2.",
                "Wire y and a new Input (value 1) into an Add node, and the Add node into z.",
                "둘 사이에 1 + eˣ 를 넣으면 ln(1 + eˣ), 소프트플러스 함수가 됩니다. 그 기울기는 "
                "eˣ/(1 + eˣ), 곧 시그모이드 σ(x) 입니다: x = 2 에서 0.881.",
                "y와 새 입력 노드(값 1)를 덧셈 노드에 연결하고, 덧셈 노드를 z에 연결하세요.",
                {"check": "all", "of": [wired(["y", INPUT], ADD), wired(ADD, "z")]},
            ),
        ],
        hidden=[Blank(edge=Edge("y", "z", 0), what="grad"), Blank(node="x", what="grad")],
        positions=grid({"x": (0, 0), "y": (1, 0), "z": (3, 0), "out": (4, 0)}),
    )


def fan_out() -> None:
    build(
        "07_fan_out.bpgraph",
        ("Fan-out: gradients add up", "분기: 기울기는 더해진다"),
        [
            ("x", "Input", {"value": 3.0, "name": "x"}),
            ("mul", "Mul", {"name": "y"}),
            ("out", "Output", {}),
        ],
        [("x", "mul", 0), ("x", "mul", 1), ("mul", "out", 0)],
        [
            page(
                "y = x · x: the value of x goes out on **two** wires. Backward, each wire carries its "
                "own gradient. The Mul node swaps its inputs, so each wire gets the other input, x.",
                "Make the gradient on the upper wire (into the Mul node's first input) equal 4.",
                "y = x · x: x의 값이 **두 개의** 선으로 나갑니다. 역전파에서 각 선은 자신의 기울기를 "
                "나릅니다. 곱셈 노드는 입력을 바꿔 곱하므로 각 선은 다른 입력인 x를 받습니다.",
                "위쪽 선(곱셈 노드의 첫 번째 입력으로 가는 선)의 기울기를 4로 만드세요.",
                {"check": "grad", "wire": {"from": "x", "to": "mul", "port": 0}, "equals": 4},
            ),
            page(
                "A node whose value went out on several wires gets the **sum** of their gradients, "
                "shown as Σ beside it: ∂y/∂x = x + x = 2x, just as for x².",
                "Set x so that ∂y/∂x = 10.",
                "값이 여러 선으로 나간 노드는 그 선들의 기울기의 **합**을 받습니다. "
                "노드 옆의 Σ가 그 합입니다: "
                "x² 과 마찬가지로 ∂y/∂x = x + x = 2x.",
                "∂y/∂x = 10이 되도록 x를 정하세요.",
                grad("x", 10),
            ),
            page(
                "Branch once more: y = x · x + x. Now three wires leave x, and its gradient is the sum "
                "of all three: x + x + 1.",
                "Wire the Mul node and x into an Add node, and the Add node into the Output.",
                "한 번 더 갈라 봅시다: y = x · x + x. 이제 x에서 선 세 개가 나가고, x의 기울기는 "
                "세 선의 합 x + x + 1 입니다.",
                "곱셈 노드와 x를 덧셈 노드에 연결하고, 덧셈 노드를 출력 노드에 연결하세요.",
                {"check": "all", "of": [wired(["mul", "x"], ADD), wired(ADD, "out")]},
            ),
        ],
        positions=grid({"x": (0, 0), "mul": (1, 0), "out": (3, 0)}),
    )


def numerical() -> None:
    build(
        "08_backprop_vs_numerical.bpgraph",
        ("Backprop vs numerical differentiation", "역전파와 수치 미분"),
        [
            ("x", "Input", {"value": 2.0, "name": "x"}),
            ("f", "Pow", {"name": "f", "exponent": 3.0}),
            ("out", "Output", {"name": "f"}),
            ("h", "Input", {"value": 0.1, "name": "h"}),
            ("xph", "Add", named("x + h", "x + h")),
            ("xmh", "Sub", named("x − h", "x − h")),
            ("fp", "Pow", {"exponent": 3.0}),
            ("fm", "Pow", {"exponent": 3.0}),
            ("diff", "Sub", {}),
            ("two_h", "Add", named("2h", "2h")),
            ("slope", "Div", named("slope", "기울기 근사")),
            ("v", "Input", {"name": "v", "value": [round(0.001 * i, 3) for i in range(2000)]}),
            ("sum", "Sum", {}),
            ("g", "Output", {"name": "g"}),
        ],
        [
            ("x", "f", 0),
            ("f", "out", 0),
            ("x", "xph", 0),
            ("h", "xph", 1),
            ("x", "xmh", 0),
            ("h", "xmh", 1),
            ("xph", "fp", 0),
            ("xmh", "fm", 0),
            ("fp", "diff", 0),
            ("fm", "diff", 1),
            ("h", "two_h", 0),
            ("h", "two_h", 1),
            ("diff", "slope", 0),
            ("two_h", "slope", 1),
            ("v", "sum", 0),
            ("sum", "g", 0),
        ],
        [
            page(
                "Numerical differentiation nudges the input a little each way and looks at the change: "
                "(f(x + h) − f(x − h)) / 2h. The lower graph computes it for f(x) = x³ at x = 2. "
                "The true derivative is 3x² = 12; with h = 0.1 the slope is 12.01, a little off.",
                "Make h smaller until the slope is 12 to four decimal places.",
                "수치 미분은 입력을 양쪽으로 조금씩 움직여 보고 그 변화를 봅니다: "
                "(f(x + h) − f(x − h)) / 2h. 아래쪽 그래프가 x = 2 에서 f(x) = x³ 에 대해 이것을 계산합니다. "
                "참값은 3x² = 12 인데, h = 0.1 이면 12.01로 조금 어긋납니다.",
                "기울기 근사가 소수 넷째 자리까지 12가 될 때까지 h를 줄이세요.",
                value("slope", 12, tol=1e-5),
            ),
            page(
                "Backprop needs no h: the Pow node multiplies the upstream gradient by its local "
                "derivative 3x², exactly, in one backward pass.",
                "Predict ∂f/∂x, the gradient on x.",
                "역전파에는 h가 필요 없습니다: 거듭제곱 노드가 상류의 기울기에 국소적 미분 3x² 을 "
                "곱할 뿐이므로, 역전파 한 번으로 정확한 값이 나옵니다.",
                "x의 기울기 ∂f/∂x를 예측하세요.",
                answer("x"),
            ),
            page(
                "The real difference is the cost. Numerical differentiation needs two forward passes "
                "for **every** input number; backprop gets all gradients from one forward and one "
                "backward pass. v holds 2,000 numbers: press **Check gradients** in the Gradient check "
                "panel (bottom) and compare the two timings. On our test machine backprop took 0.55 ms, "
                "the 4,004 forward passes about 360 ms, some 650 times as long; a network with a million "
                "weights would need two million of them.",
                "Set x to 3, press Check gradients, and see both columns agree that ∂f/∂x = 27.",
                "진짜 차이는 비용입니다. 수치 미분은 입력 숫자 **하나마다** 순전파를 두 번 해야 하지만, "
                "역전파는 순전파 한 번과 역전파 한 번으로 모든 기울기를 구합니다. v에는 숫자가 2,000개 "
                "있습니다: 아래의 기울기 확인 패널에서 **기울기 확인**을 누르고 두 시간을 비교해 보세요. "
                "우리 시험용 컴퓨터에서 역전파는 0.55 ms, 순전파 4,004번은 약 360 ms로 650배쯤 걸렸습니다. "
                "가중치가 백만 개인 신경망이라면 순전파를 이백만 번 해야 합니다.",
                "x를 3으로 바꾸고 기울기 확인을 눌러, 두 열 모두 ∂f/∂x = 27 인지 확인하세요.",
                {"check": "all", "of": [value("x", 3), grad("x", 27)]},
            ),
        ],
        hidden=[Blank(node="x", what="grad")],
        positions=grid(
            {
                "x": (0, 0),
                "f": (1, -0.6),
                "out": (2, -0.6),
                "h": (0, 1.6),
                "xph": (1, 0.6),
                "xmh": (1, 1.6),
                "two_h": (1, 2.6),
                "fp": (2, 0.6),
                "fm": (2, 1.6),
                "diff": (3, 1.1),
                "slope": (3, 2.4),
                "v": (0, 3.7),
                "sum": (1, 3.7),
                "g": (2, 3.7),
            }
        ),
    )


def train_neuron() -> None:
    build(
        "09_train_a_neuron.bpgraph",
        ("Training a neuron", "뉴런 학습시키기"),
        [
            ("x", "Input", {"value": 1.5, "name": "x"}),
            ("w", "Input", {"value": 0.8, "name": "w", "extra": {"trainable": True}}),
            ("b", "Input", {"value": -0.2, "name": "b", "extra": {"trainable": True}}),
            ("wx", "Mul", {}),
            ("a", "Add", {}),
            ("y", "Sigmoid", {"name": "y"}),
            ("target", "Input", named("target", "정답", value=0.9)),
            ("err", "Sub", named("error", "오차")),
            ("sq", "Square", {}),
            ("loss", "Output", named("loss", "손실")),
        ],
        NEURON_EDGES,
        [
            page(
                "One neuron: y = σ(w · x + b), and the loss (y − target)². Training repeats three "
                "steps. First, **compute the error**: forward, y = 0.731 while the target is 0.9.",
                "Predict ∂L/∂y, the gradient that the error sends back into y (2 · error).",
                "뉴런 하나: y = σ(w · x + b), 손실은 (y − 정답)² 입니다. 학습은 세 단계를 되풀이합니다. "
                "첫째, **오차를 구합니다**: 순전파로 y = 0.731 인데 정답은 0.9 입니다.",
                "오차가 y로 돌려보내는 기울기 ∂L/∂y (2 · 오차)를 예측하세요.",
                answer("y"),
            ),
            page(
                "Second, **propagate it back**: the Sigmoid node multiplies by y(1 − y), the Add node "
                "passes it on unchanged to b and to w · x, and the Mul node multiplies by x on the way "
                "to w.",
                "Predict ∂L/∂b.",
                "둘째, **오차를 역전파합니다**: 시그모이드 노드는 y(1 − y)를 곱하고, 덧셈 노드는 그대로 "
                "b와 w · x로 넘기며, 곱셈 노드는 w로 가는 길에 x를 곱합니다.",
                "∂L/∂b를 예측하세요.",
                answer("b"),
            ),
            page(
                "Third, **update each weight** against its gradient: w ← w − learning rate · ∂L/∂w, and "
                "the same for b. Open the Training panel (right): w and b are ticked. Each Step does the "
                "three steps once; Run N steps does them many times.",
                "Train until the loss is below 0.001.",
                "셋째, **각 가중치를 갱신합니다**: 기울기의 반대 방향으로 w ← w − 학습률 · ∂L/∂w, "
                "b도 마찬가지입니다. 오른쪽의 학습 패널을 여세요: w와 b에 체크되어 있습니다. "
                "'한 단계'는 세 단계를 한 번, 'N단계 실행'은 여러 번 합니다.",
                "손실이 0.001보다 작아질 때까지 학습시키세요.",
                {"check": "loss_below", "below": 0.001},
            ),
        ],
        hidden=[Blank(node="y", what="grad"), Blank(node="b", what="grad")],
        positions=wrapped(
            [
                [("w", 0, -0.5), ("x", 0, 0.5), ("wx", 1, -0.5), ("b", 1, 0.5), ("a", 2, 0), ("y", 3, 0)],
                [("err", 1, 0), ("target", 0, 0.5), ("sq", 2, 0), ("loss", 3, 0)],
            ]
        ),
    )


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.bpgraph"):
        old.unlink()
    for lesson in (
        why_backprop,
        chain_rule,
        local_computation,
        add_node,
        mul_node,
        exp_log,
        fan_out,
        numerical,
        train_neuron,
    ):
        lesson()


if __name__ == "__main__":
    main()
