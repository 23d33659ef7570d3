"""Forward mode in the window (issue 11 §3): the blue third label on every wire, chosen from
an Input's context menu, live while the student scrubs, a direction for a vector Input."""

from __future__ import annotations

import pytest
from chain_kit import choose, open_seed, right_click
from editing_kit import open_graph, param_point, press, release, settle, write_graph
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDockWidget
from test_scrubbing import _move

from nodeeditor.gui.main_window import MainWindow


@pytest.fixture
def seed(window: MainWindow, tmp_path) -> MainWindow:
    return open_seed(window, tmp_path)


def tangents(window: MainWindow) -> dict[tuple[str, int], str]:
    return {key: item.label_texts()[2] for key, item in window.scene.edge_items.items()}


def test_forward_mode_from_an_inputs_context_menu(qtbot, seed: MainWindow) -> None:
    assert set(tangents(seed).values()) == {""}  # off: no third label
    menu = right_click(qtbot, seed, "x")
    choose(qtbot, menu, "Forward-Mode Derivatives from Here")
    shown = tangents(seed)
    # ẋ = 1, ẏ = 0, ṫ = ẋ + ẏ = 1, ż = 2t·ṫ = 6: on the wires out of x, y, t and z
    assert shown == {("t", 0): "1", ("t", 1): "0", ("z", 0): "1", ("out", 0): "6"}
    assert seed.chain.legend.isVisible()
    assert seed.document.undo_stack.count() == 0
    # The Output's tangent is what reverse mode calls dL/dx: the two modes agree on the canvas.
    assert shown[("out", 0)] == seed.scene.edge_items[("t", 0)].texts()[1]


def test_a_node_that_is_not_an_input_offers_no_forward_mode(qtbot, seed: MainWindow) -> None:
    menu = right_click(qtbot, seed, "t")
    texts = [a.text().replace("&", "") for a in menu.actions()]
    assert "Forward-Mode Derivatives from Here" not in texts
    assert "Differentiate This Node" in texts
    menu.close()


def test_tangents_follow_a_scrub_live(qtbot, seed: MainWindow) -> None:
    seed.chain.set_wrt("x")
    start = press(qtbot, seed, param_point(seed, "x"))
    seen = []
    for dx in (12, 24, 36):
        _move(seed, start + QPoint(dx, 2))
        settle(qtbot, seed)
        value = float(seed.document.graph.nodes["x"].params["value"])
        seen.append((value, tangents(seed)[("out", 0)]))
    release(qtbot, seed, start + QPoint(36, 2))
    assert len({v for v, _ in seen}) > 1, "the drag scrubbed x"
    for value, shown in seen:  # ż = 2(x + y) with y = 1
        assert float(shown) == pytest.approx(2 * (value + 1), rel=1e-3)


def test_forward_mode_off_from_the_inspector(qtbot, seed: MainWindow) -> None:
    seed.chain.set_wrt("y")
    button = seed.inspector.forward.off
    show_inspector(seed)
    qtbot.waitUntil(button.isVisible, timeout=2000)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert seed.scene.modes.wrt is None and set(tangents(seed).values()) == {""}
    assert not seed.chain.legend.isVisible()


def test_a_vector_inputs_direction_is_one_element_or_typed(qtbot, window: MainWindow, tmp_path) -> None:
    path = write_graph(
        tmp_path / "v.bpgraph",
        [
            {"id": "a", "type": "Input", "value": [1.0, 2.0, 3.0], "pos": [0, 0]},
            {"id": "s", "type": "Square", "pos": [220, 0]},
            {"id": "sum", "type": "Sum", "pos": [440, 0]},
            {"id": "out", "type": "Output", "pos": [660, 0]},
        ],
        [
            {"from": "a", "to": "s", "port": 0},
            {"from": "s", "to": "sum", "port": 0},
            {"from": "sum", "to": "out", "port": 0},
        ],
    )
    open_graph(window, path)
    window.chain.set_wrt("a")
    panel = window.inspector.forward
    assert panel.element.count() == 3 and panel.element.currentIndex() == 0
    assert tangents(window)[("out", 0)] == "2"  # d(Σa²)/da₀ = 2a₀
    show_inspector(window)
    qtbot.waitUntil(panel.element.isVisible, timeout=2000)
    panel.element.setFocus()
    qtbot.keyClick(panel.element, Qt.Key.Key_Down)
    qtbot.keyClick(panel.element, Qt.Key.Key_Down)  # the third element
    assert tangents(window)[("out", 0)] == "6"
    type_direction(qtbot, panel.typed, "[1, 1, 0]")
    assert tangents(window)[("out", 0)] == "6"  # 2·1 + 2·2
    type_direction(qtbot, panel.typed, "[1, 1]")
    assert "shape" in panel.problem.text()
    assert tangents(window)[("out", 0)] == "6"  # a refused direction changes nothing
    type_direction(qtbot, panel.typed, "[1, inf, 0]")
    assert panel.problem.text() and tangents(window)[("out", 0)] == "6"


def show_inspector(window: MainWindow) -> None:
    """The inspector's dock, which the test window hides to give the canvas room."""
    window.findChild(QDockWidget, "inspector").show()


def type_direction(qtbot, field, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_the_modes_are_measured_on_this_graph(qtbot, seed: MainWindow) -> None:
    show_inspector(seed)
    panel = seed.inspector.modes
    qtbot.waitUntil(panel.measure.isVisible, timeout=2000)
    assert not panel.result.isVisible()
    qtbot.mouseClick(panel.measure, Qt.MouseButton.LeftButton)
    text = panel.result.text()
    assert "Forward mode: 2 Input(s) holding 2 number(s), one pass per number: 2 pass(es) of" in text
    assert "Reverse mode: 1 Output(s), one pass per Output" in text
    assert seed.document.undo_stack.count() == 0
    seed.scene.set_param("x", "value", 5.0)  # an edit: the measurement is of another graph now
    assert not panel.result.isVisible()
