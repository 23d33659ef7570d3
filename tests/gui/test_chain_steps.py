"""Step-through with issue 11's modes: backward from a chosen target, and forward mode's
tangents walked node by node with their captions (ṫ = ẋ + ẏ = 1 + 0 = 1), by key."""

from __future__ import annotations

import pytest
from chain_kit import open_seed
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from nodeeditor.gui.main_window import MainWindow
from nodeeditor.model.steps import BACKWARD, TANGENT_PHASE


@pytest.fixture
def seed(window: MainWindow, tmp_path) -> MainWindow:
    open_seed(window, tmp_path)
    window.findChild(QDockWidget, "steps").show()
    window.view.setFocus()
    return window


def next_key(qtbot, window: MainWindow, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(window.view, Qt.Key.Key_BracketRight)


def test_backward_runs_from_the_target(qtbot, seed: MainWindow) -> None:
    seed.chain.set_target("t")
    panel = seed.steps
    next_key(qtbot, seed)
    backward = [i for i, s in enumerate(panel.steps) if s.phase == BACKWARD]
    first = panel.steps[backward[0]]
    at_t = next(s for s in panel.steps if s.phase == BACKWARD and s.node_id == "t")
    assert "∂t/∂t = 1" in at_t.caption and "∂L" not in at_t.caption
    next_key(qtbot, seed, backward[0])  # up to the first backward step
    assert panel.index == backward[0] and panel.caption.text() == first.caption
    while panel.steps[panel.index].node_id != "t":
        next_key(qtbot, seed)
    assert seed.scene.edge_items[("t", 0)].texts() == ("2", "1")  # ∂t/∂x revealed: 1
    assert seed.document.undo_stack.count() == 0


def test_forward_mode_is_walked_with_its_captions(qtbot, seed: MainWindow) -> None:
    seed.chain.set_wrt("x")
    panel = seed.steps
    next_key(qtbot, seed)
    phases = [s.phase for s in panel.steps]
    assert TANGENT_PHASE in phases and phases.index(TANGENT_PHASE) < phases.index(BACKWARD)
    t_step = next(i for i, s in enumerate(panel.steps) if s.phase == TANGENT_PHASE and s.node_id == "t")
    wire = seed.scene.edge_items[("z", 0)]  # out of t
    while panel.index < t_step - 1:
        next_key(qtbot, seed)
    assert wire.label_texts()[2] == ""  # not reached yet
    next_key(qtbot, seed)
    assert "Forward mode" in panel.header.text()
    assert "ṫ = ẋ + ẏ = 1 + 0 = 1" in panel.caption.text()
    assert wire.label_texts()[2] == "1"
    panel.leave()
    assert wire.label_texts()[2] == "1"  # the live view shows every tangent again


def test_changing_the_target_leaves_step_through(qtbot, seed: MainWindow) -> None:
    next_key(qtbot, seed, 3)
    assert seed.steps.active
    seed.chain.set_target("z")
    assert not seed.steps.active
