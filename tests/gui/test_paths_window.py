"""Paths to the loss in the window (issue 11 §1): from a node's context menu, the inspector's
button or the P key; every wire on a path highlighted; the inspector's list, largest first,
with the exact count of the rest; hovering a row draws that path alone."""

from __future__ import annotations

import pytest
from chain_kit import choose, open_seed, right_click
from editing_kit import LEFT, at, open_graph, press, release, settle, title_point, write_graph
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtWidgets import QDockWidget

from nodeeditor.gui.main_window import MainWindow
from nodeeditor.gui.paths_panel import grouped


@pytest.fixture
def seed(window: MainWindow, tmp_path) -> MainWindow:
    open_seed(window, tmp_path)
    window.findChild(QDockWidget, "inspector").show()
    return window


def square_by_mul(window: MainWindow, tmp_path, stages: int = 1) -> MainWindow:
    """x into both ports of a Mul, ``stages`` times over: 2^stages paths to the loss."""
    nodes = [{"id": "x", "type": "Input", "value": 1.0, "pos": [0, 0]}]
    edges = []
    src = "x"
    for k in range(stages):
        nodes.append({"id": f"m{k}", "type": "Mul", "pos": [220 * (k + 1), 0]})
        edges += [{"from": src, "to": f"m{k}", "port": 0}, {"from": src, "to": f"m{k}", "port": 1}]
        src = f"m{k}"
    nodes.append({"id": "out", "type": "Output", "pos": [220 * (stages + 1), 0]})
    edges.append({"from": src, "to": "out", "port": 0})
    open_graph(window, write_graph(tmp_path / "lattice.bpgraph", nodes, edges))
    window.document.evaluate_now()
    window.findChild(QDockWidget, "inspector").show()
    return window


def highlighted(window: MainWindow) -> set[tuple[str, int]]:
    return set(window.scene.modes.highlight)


def test_paths_from_the_context_menu_highlight_every_wire_and_list_the_paths(qtbot, seed) -> None:
    assert highlighted(seed) == set()
    menu = right_click(qtbot, seed, "x")
    choose(qtbot, menu, "Paths to the Loss")
    assert highlighted(seed) == {("t", 0), ("z", 0), ("out", 0)}  # x → t → z → out
    panel = seed.inspector.paths
    qtbot.waitUntil(panel.list.isVisible, timeout=2000)
    rows = panel.rows()
    assert [r.text() for r in rows] == ["x → t → z → L: ∂L/∂z · ∂z/∂t · ∂t/∂x = 1 · 6 · 1 = 6"]
    assert panel.total.text() == "The one path's product is the gradient: 6 = ∂L/∂x"
    assert not panel.more.isVisible()
    assert seed.document.undo_stack.count() == 0


def test_the_p_key_and_the_inspector_button_turn_paths_on_and_off(qtbot, seed) -> None:
    seed.scene.clearSelection()
    seed.scene.node_items["y"].setSelected(True)
    seed.view.setFocus()
    qtbot.keyClick(seed.view, Qt.Key.Key_P)
    assert highlighted(seed) == {("t", 1), ("z", 0), ("out", 0)}
    button = seed.inspector.paths.button
    qtbot.waitUntil(button.isVisible, timeout=2000)
    assert button.isChecked()
    qtbot.mouseClick(button, LEFT)
    assert highlighted(seed) == set() and not seed.chain.paths_action.isChecked()


def test_paths_follow_the_selection_while_they_are_on(qtbot, seed) -> None:
    seed.scene.clearSelection()
    seed.scene.node_items["x"].setSelected(True)
    seed.chain.toggle_paths(True)
    point = at(seed, title_point(seed, "t"))
    press(qtbot, seed, title_point(seed, "t"))
    release(qtbot, seed, point)
    assert seed.scene.modes.paths_node == "t"
    assert highlighted(seed) == {("z", 0), ("out", 0)}


def test_hovering_a_listed_path_draws_it_alone(qtbot, window: MainWindow, tmp_path) -> None:
    square_by_mul(window, tmp_path)
    window.scene.node_items["x"].setSelected(True)
    window.chain.toggle_paths(True)
    every = {("m0", 0), ("m0", 1), ("out", 0)}
    assert highlighted(window) == every
    listing = window.inspector.paths.list
    qtbot.waitUntil(listing.isVisible, timeout=2000)
    rows = window.inspector.paths.rows()
    assert len(rows) == 2  # the two ports of the Mul are two paths
    qtbot.wait(50)  # the inspector scrolls the list into sight
    qtbot.mouseMove(rows[1], rows[1].rect().center())
    qtbot.waitUntil(lambda: window.scene.modes.hovered == 1, timeout=2000)
    assert window.inspector.paths.total.text() == (
        "The products add up to the gradient: 1 + 1 = 2 = ∂L/∂x"  # ∂(x·x)/∂x = x + x at x = 1
    )
    alone = highlighted(window)
    assert len(alone) == 2 and ("out", 0) in alone and alone < every
    qtbot.mouseMove(window.view.viewport(), QPoint(20, 20))  # the mouse leaves the list
    qtbot.waitUntil(lambda: window.scene.modes.hovered is None, timeout=2000)
    assert highlighted(window) == every


def test_a_lattice_says_how_many_more_paths_exactly(qtbot, window: MainWindow, tmp_path) -> None:
    square_by_mul(window, tmp_path, stages=40)
    window.scene.node_items["x"].setSelected(True)
    window.chain.toggle_paths(True)
    panel = window.inspector.paths
    qtbot.waitUntil(panel.more.isVisible, timeout=2000)
    assert len(panel.rows()) == 20
    more = 2**40 - 20
    assert panel.more.text() == f"and {grouped(more)} more"
    assert grouped(more) == "1,099,511,627,756"  # the test runs in an English locale
    assert grouped(2**40) in panel.summary.text()
    assert len(highlighted(window)) == 81  # every wire is on some path


def test_counts_are_grouped_the_locales_way(qapp) -> None:
    old = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German))
    try:
        assert grouped(6557470319842) == "6.557.470.319.842"
    finally:
        QLocale.setDefault(old)


def test_deleting_the_node_whose_paths_show_turns_them_off(qtbot, seed) -> None:
    seed.scene.clearSelection()
    seed.scene.node_items["t"].setSelected(True)
    seed.chain.toggle_paths(True)
    seed.view.setFocus()
    qtbot.keyClick(seed.view, Qt.Key.Key_Delete)
    settle(qtbot, seed)
    assert seed.scene.modes.paths_node is None and highlighted(seed) == set()


def test_vector_paths_are_highlighted_and_named_without_numbers(qtbot, window: MainWindow, tmp_path) -> None:
    nodes = [
        {"id": "a", "type": "Input", "value": [1.0, 2.0, 3.0], "pos": [0, 0]},
        {"id": "s", "type": "Square", "pos": [220, 0]},
        {"id": "sum", "type": "Sum", "pos": [440, 0]},
        {"id": "out", "type": "Output", "pos": [660, 0]},
    ]
    edges = [
        {"from": "a", "to": "s", "port": 0},
        {"from": "s", "to": "sum", "port": 0},
        {"from": "sum", "to": "out", "port": 0},
    ]
    open_graph(window, write_graph(tmp_path / "v.bpgraph", nodes, edges))
    window.document.evaluate_now()
    window.findChild(QDockWidget, "inspector").show()
    window.scene.node_items["a"].setSelected(True)
    window.chain.toggle_paths(True)
    assert highlighted(window) == {("s", 0), ("sum", 0), ("out", 0)}
    panel = window.inspector.paths
    (row,) = panel.rows()
    assert "∂" in row.text() and " = " not in row.text()  # the local derivatives named, no numbers
    assert panel.total.text().endswith("[3] 2, 4, 6 = ∂L/∂a")  # the gradient, from the model
