"""Any node as the target (issue 11 §2), driven as a student does: a right-click on a node,
the toolbar's selector, the banner's button, Delete. View state: the undo stack never moves."""

from __future__ import annotations

import pytest
from chain_kit import choose, open_seed, right_click
from editing_kit import LEFT, open_graph, settle
from PySide6.QtCore import Qt

from nodeeditor.gui.main_window import MainWindow


@pytest.fixture
def seed(window: MainWindow, tmp_path) -> MainWindow:
    return open_seed(window, tmp_path)


def grads(window: MainWindow) -> dict[tuple[str, int], str]:
    return {key: item.texts()[1] for key, item in window.scene.edge_items.items()}


def test_differentiate_this_node_from_the_context_menu(qtbot, seed: MainWindow) -> None:
    before = grads(seed)
    assert before[("t", 0)] == "6"  # dL/d(x → t) = 2t = 6
    menu = right_click(qtbot, seed, "t")
    choose(qtbot, menu, "Differentiate This Node")
    settle(qtbot, seed)
    after = grads(seed)
    assert after[("t", 0)] == "1" and after[("t", 1)] == "1"  # ∂t/∂x = ∂t/∂y = 1
    assert after[("z", 0)] == "0"  # t does not depend on what comes after it
    banner = seed.chain.banner
    assert banner.isVisible() and "∂t/∂(wire)" in banner.text.text() and "seeded with 1" in banner.text.text()
    assert seed.document.undo_stack.count() == 0 and not seed.document.modified
    assert seed.chain.selector.currentData() == "t"


def test_the_banner_goes_back_to_the_loss_in_one_click(qtbot, seed: MainWindow) -> None:
    before = grads(seed)
    seed.chain.set_target("t")
    assert grads(seed) != before
    banner = seed.chain.banner
    qtbot.mouseClick(banner.button, LEFT)
    assert seed.document.target is None and not banner.isVisible()
    assert grads(seed) == before
    assert seed.chain.selector.currentIndex() == 0
    assert seed.document.undo_stack.count() == 0


def test_deleting_the_target_returns_to_the_loss_and_undo_keeps_the_loss(qtbot, seed: MainWindow) -> None:
    seed.chain.set_target("z")
    seed.scene.clearSelection()
    seed.scene.node_items["z"].setSelected(True)
    seed.view.setFocus()
    qtbot.keyClick(seed.view, Qt.Key.Key_Delete)
    settle(qtbot, seed)
    assert "z" not in seed.document.graph.nodes
    assert seed.document.target is None and not seed.chain.banner.isVisible()
    assert seed.document.undo_stack.count() == 1  # the deletion, nothing for the target
    seed.document.undo_stack.undo()
    settle(qtbot, seed)
    assert "z" in seed.document.graph.nodes and seed.document.target is None
    assert grads(seed)[("t", 0)] == "6"


def test_the_toolbar_selector_picks_a_target_by_keyboard(qtbot, seed: MainWindow) -> None:
    selector = seed.chain.selector
    assert selector.isVisible()
    selector.setFocus()
    qtbot.keyClick(selector, Qt.Key.Key_Down)  # the first node after the loss
    first = selector.currentData()
    assert first is not None and seed.document.target == first
    assert seed.chain.banner.isVisible()
    qtbot.keyClick(selector, Qt.Key.Key_Up)
    assert seed.document.target is None and not seed.chain.banner.isVisible()
    assert seed.document.undo_stack.count() == 0


def test_a_vector_target_says_its_seed_is_ones_of_its_shape(qtbot, window: MainWindow, tmp_path) -> None:
    from editing_kit import write_graph

    path = write_graph(
        tmp_path / "v.bpgraph",
        [
            {"id": "a", "type": "Input", "value": [1.0, 2.0, 3.0], "pos": [0, 0]},
            {"id": "s", "type": "Square", "pos": [200, 0]},
            {"id": "sum", "type": "Sum", "pos": [400, 0]},
            {"id": "out", "type": "Output", "pos": [600, 0]},
        ],
        [
            {"from": "a", "to": "s", "port": 0},
            {"from": "s", "to": "sum", "port": 0},
            {"from": "sum", "to": "out", "port": 0},
        ],
    )
    open_graph(window, path)
    window.chain.set_target("s")
    text = window.chain.banner.text.text()
    assert "ones of its shape (3)" in text
    assert window.scene.edge_items[("s", 0)].texts()[1] == "[3] 2, 4, 6"  # ∂(Σ of a²)/∂a, elementwise 2a


def test_a_target_is_not_saved(qtbot, seed: MainWindow, tmp_path) -> None:
    plain = tmp_path / "plain.bpgraph"
    assert seed.save_to(plain)
    seed.chain.set_target("t")
    targeted = tmp_path / "targeted.bpgraph"
    assert seed.save_to(targeted)
    assert targeted.read_bytes() == plain.read_bytes()
