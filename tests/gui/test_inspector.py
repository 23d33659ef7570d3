"""The inspector on one node of every type, on numbers that are not finite, on names that
look like HTML, and in Korean (issue 14: selecting a Pow raised AttributeError)."""

# ruff: noqa: F811  (the fixtures imported from panels_kit are parameters below)
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from panels_kit import korean, student  # noqa: F401
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel

from nodeeditor.gui.document import Document
from nodeeditor.gui.main_window import MainWindow
from nodeeditor.model import NODE_TYPES, Graph, format_value
from nodeeditor.model.captions import Symbols, derivatives, formula
from nodeeditor.model.ops import layer_class
from nodeeditor.model.values import format_full

# One node of every type, each feeding an Output of its own, so every one has a chain rule.
OPS = {
    "add": ("Add", ["a", "b"], {}, "a + b = 2 + 3 = 5"),
    "sub": ("Sub", ["a", "b"], {}, "a − b = 2 − 3 = −1"),
    "mul": ("Mul", ["a", "b"], {}, "a·b = 2 × 3 = 6"),
    "div": ("Div", ["a", "b"], {}, "a / b = 2 / 3 = 0.6667"),
    "neg": ("Neg", ["a"], {}, "−a = −2 = −2"),
    "sq": ("Square", ["a"], {}, "a² = 2² = 4"),
    "pow": ("Pow", ["c"], {"exponent": 3.0}, "c^3 = 2^3 = 8"),
    "exp": ("Exp", ["a"], {}, "e^a = e^2 = 7.389"),
    "log": ("Log", ["a"], {}, "ln(a) = ln(2) = 0.6931"),
    "sig": ("Sigmoid", ["a"], {}, "σ(a) = 1 / (1 + e^(−2)) = 0.8808"),
    "tanh": ("Tanh", ["a"], {}, "tanh(a) = tanh(2) = 0.964"),
    "relu": ("ReLU", ["a"], {}, "max(0, a) = max(0, 2) = 2"),
    "sin": ("Sin", ["a"], {}, "sin(a) = sin(2) = 0.9093"),
    "cos": ("Cos", ["a"], {}, "cos(a) = cos(2) = −0.4161"),
    "sum": ("Sum", ["v"], {}, "Σ(v) = Σ([2] 1, 2) = 3"),
    "mm": ("MatMul", ["v", "M"], {}, "v @ M = ([2] 1, 2) @ ([2×2]) = [2] 7, 10"),
}
INPUTS = {"a": 2.0, "b": 3.0, "c": 2.0, "v": [1.0, 2.0], "M": [[1.0, 2.0], [3.0, 4.0]]}


def every_type() -> Graph:
    g = Graph()
    for n, value in INPUTS.items():
        g.add_node("Input", n, name=n, value=value)
    for n, (type_name, sources, params, _) in OPS.items():
        g.add_node(type_name, n, **params)
        for port, src in enumerate(sources):
            g.connect(src, n, port)
        g.add_node("Output", f"out_{n}", name=f"L_{n}")
        g.connect(n, f"out_{n}", 0)
    return g


def shown(name: str, value: np.ndarray) -> str:
    """``a = 2`` with ten digits for numbers and vectors; a matrix written whole below."""
    return f"{name} = {format_value(value, 10)}" if np.ndim(value) < 2 else f"{name} =\n{format_full(value)}"


def select(qtbot, window: MainWindow, node_id: str) -> None:
    window.scene.clearSelection()
    window.scene.node_items[node_id].setSelected(True)
    qtbot.waitUntil(lambda: window.inspector.node_id == node_id, timeout=2000)


def test_the_test_graph_has_every_node_type() -> None:
    g = every_type()
    assert {node.type for node in g.nodes.values()} == set(NODE_TYPES)


@pytest.mark.parametrize("node_id", [*INPUTS, *OPS, "out_add"])
def test_selecting_a_node_of_each_type_shows_all_its_numbers(
    qtbot, student: MainWindow, node_id: str
) -> None:
    student.set_document(Document(every_type()))
    select(qtbot, student, node_id)
    inspector, graph = student.inspector, student.document.graph
    result = student.document.evaluate_now()
    node = graph.nodes[node_id]
    description = QCoreApplication.translate("ops", layer_class(node.type).description)
    assert inspector.type_label.text() == f"{node.type} ({node_id}) — {description}"
    assert inspector.formula_label.text() == formula(node.type)
    assert inspector.local_label.text() == derivatives(node.type)
    symbol = Symbols(graph)(node_id)
    assert inspector.value_label.text() == shown(str(symbol), result.value(node_id))
    assert inspector.grad_label.text() == shown(f"∂L/∂{symbol:a}", result.grad(node_id))
    assert inspector.problem_label.text() == ""
    chain = inspector.chain_label.text()
    if node_id in OPS:
        assert inspector.forward_label.text() == OPS[node_id][3]
        assert chain.startswith(f"∂L/∂{OPS[node_id][1][0]} = ")
        assert not chain.startswith("No path")
    elif node_id in INPUTS:
        assert inspector.forward_label.text() == f"{node_id} = {format_value(result.value(node_id))}"
        assert chain.startswith(f"∂L/∂{node_id} = ")
    else:
        assert inspector.forward_label.text() == "L_add = a + b = 5"
        assert chain == "∂L/∂L_add = seed = 1"
    if node.type in ("Input", "Pow", "Output"):
        assert inspector.param_edit.isVisibleTo(inspector)


def test_a_pow_node_shows_its_exponent_and_its_chain_rule(qtbot, student: MainWindow) -> None:
    """Issue 14: the exponent is a float, and the inspector raised on `.tolist()`."""
    student.set_document(Document(every_type()))
    select(qtbot, student, "pow")
    inspector = student.inspector
    assert inspector.param_edit.text() == "3"  # as the node shows it
    assert inspector.rows["param"].text() == "n"
    assert inspector.value_label.text() == "c^3 = 8"
    assert inspector.grad_label.text() == "∂L/∂(c^3) = 1"
    assert inspector.chain_label.text() == "∂L/∂c = ∂L/∂(c^3) · 3·c^2 = 1 × 3 × 2^2 = 12"
    # Typing a new exponent changes it (one undo step), and the numbers follow.
    inspector.param_edit.setFocus()
    inspector.param_edit.selectAll()
    qtbot.keyClicks(inspector.param_edit, "2")
    qtbot.keyClick(inspector.param_edit, Qt.Key.Key_Return)
    assert student.document.graph.nodes["pow"].params["exponent"] == 2.0
    student.document.evaluate_now()
    assert inspector.forward_label.text() == "c^2 = 2^2 = 4"


def test_log_of_a_negative_number_says_why_on_the_node_and_downstream(qtbot, student: MainWindow) -> None:
    """Issue 10 #14: a NaN loss with finite red gradients and no word why."""
    g = Graph()
    g.add_node("Input", "x", name="x", value=-1.0)
    g.add_node("Log", "l")
    g.add_node("Output", "o")
    g.connect("x", "l", 0)
    g.connect("l", "o", 0)
    student.set_document(Document(g))
    select(qtbot, student, "l")
    inspector = student.inspector
    loss_line = (
        "⚠ L is NaN (it comes from Log (l): log of a negative number). "
        "The gradients still multiply the local slopes, but L has no slope to follow here."
    )
    assert inspector.forward_label.text() == "ln(x) = ln(−1) = NaN"
    assert inspector.problem_label.text() == "⚠ log of a negative number\n" + loss_line
    select(qtbot, student, "x")
    assert inspector.grad_label.text() == "∂L/∂x = −1"
    assert inspector.problem_label.text() == loss_line
    select(qtbot, student, "o")
    assert inspector.problem_label.text() == loss_line


def red_png(path: Path) -> Path:
    image = QImage(24, 24, QImage.Format.Format_RGB32)
    image.fill(QColor(255, 0, 0))
    assert image.save(str(path))
    return path


def has_red(label: QLabel) -> bool:
    image = label.grab().toImage()
    return any(
        image.pixelColor(x, y) == QColor(255, 0, 0)
        for x in range(image.width())
        for y in range(image.height())
    )


def test_names_that_look_like_html_show_literally(qtbot, student: MainWindow, tmp_path: Path) -> None:
    """Issue 14 §1: `<img src=…>` in a node name made the label load the file."""
    name = f'<img src="{red_png(tmp_path / "red.png")}"><b>bold</b>'
    g = Graph()
    g.add_node("Input", "x", name=name, value=2.0)
    g.add_node("Square", "s")
    g.add_node("Output", "o")
    g.connect("x", "s", 0)
    g.connect("s", "o", 0)
    student.set_document(Document(g))
    select(qtbot, student, "x")
    inspector = student.inspector
    assert inspector.forward_label.text() == f"{name} = 2"
    assert not has_red(inspector.forward_label)
    select(qtbot, student, "s")
    assert inspector.chain_label.text().startswith(f"∂L/∂({name}) = ")
    assert not has_red(inspector.chain_label)
    assert not has_red(inspector.rows["grad"])
    for label in inspector.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.text()


def test_switching_to_korean_keeps_the_node_and_rewords_it(qtbot, student: MainWindow) -> None:
    student.set_document(Document(every_type()))
    select(qtbot, student, "relu")
    inspector = student.inspector
    with korean(qtbot):
        assert inspector.node_id == "relu"
        assert inspector.rows["value"].text() == "값"
        assert inspector.local_label.text() == "∂z/∂x = x > 0이면 1, 아니면 0"
        assert inspector.type_label.text().startswith("ReLU (relu) — ")
        assert inspector.rows["grad"].text() == "기울기"
        assert inspector.grad_label.text() == "∂L/∂max(0, a) = 1"
    assert inspector.rows["value"].text() == "Value"
    assert inspector.value_label.text() == "max(0, a) = 2"
    assert np.isclose(student.document.result.value("relu"), 2.0)
