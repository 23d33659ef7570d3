"""Step through, as a student uses it: Next and Back with the keys, a counter, captions that
name what they talk about and keep their place when a pass completes (issue 10 #2, #8)."""

# ruff: noqa: F811  (the fixtures imported from panels_kit are parameters below)
from __future__ import annotations

from panels_kit import NEURON, korean, open_example, student  # noqa: F401
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from nodeeditor.gui.main_window import MainWindow
from nodeeditor.model.steps import BACKWARD, FORWARD

NEXT, BACK = Qt.Key.Key_BracketRight, Qt.Key.Key_BracketLeft
ALT = Qt.KeyboardModifier.AltModifier


def press(
    qtbot, window: MainWindow, key: Qt.Key, times: int = 1, modifier=Qt.KeyboardModifier.NoModifier
) -> None:
    """Keys typed with the focus on the canvas, where a student's hands are."""
    window.view.setFocus()
    for _ in range(times):
        qtbot.keyClick(window.view, key, modifier)


def shown_wires(window: MainWindow) -> tuple[set, set]:
    view = window.scene.stepping
    assert view is not None
    return set(view.values_shown), set(view.grads_shown)


def test_the_keys_step_forward_into_backward_and_back_again(qtbot, student: MainWindow) -> None:
    open_example(student, NEURON)
    panel = student.steps
    press(qtbot, student, NEXT)
    assert panel.index == 0 and student.scene.stepping is not None
    assert panel.position.text() == f"step 1 of {len(panel.steps)}"
    press(qtbot, student, NEXT, 4)  # x, w, b, target, then the Mul
    assert student.scene.stepping.current == "wx"
    assert panel.header.text() == "Forward pass ▶ Mul (wx)"
    assert panel.caption.text() == "w·x = 0.8 × 1.5 = 1.2"
    assert student.scene.edge_items[("a", 0)].texts() == ("1.2", "")
    before = shown_wires(student)
    press(qtbot, student, Qt.Key.Key_Right, 1, ALT)  # Alt+→ is Next too
    press(qtbot, student, BACK)  # one step back hides what that step showed
    assert panel.index == 4 and student.scene.stepping.current == "wx"
    assert shown_wires(student) == before
    press(qtbot, student, Qt.Key.Key_Left, 1, ALT)
    assert student.scene.stepping.current == "target"
    assert student.scene.edge_items[("a", 0)].texts() == ("", "")  # the Mul's value is hidden again


def test_backward_captions_name_the_node_each_gradient_belongs_to(qtbot, student: MainWindow) -> None:
    """In the neuron lesson "Backward · Mul: ∂L/∂x = −0.09965" was w's gradient."""
    open_example(student, NEURON)
    panel = student.steps
    press(qtbot, student, NEXT)
    steps = panel.steps
    target = next(i for i, s in enumerate(steps) if s.phase == BACKWARD and s.node_id == "wx")
    press(qtbot, student, NEXT, target)
    assert panel.header.text() == "Backward pass ◀ Mul (wx)"
    assert panel.caption.text() == (
        "∂L/∂w = ∂L/∂(w·x) · x = (−0.06643) × 1.5 = −0.09965\n"
        "∂L/∂x = ∂L/∂(w·x) · w = (−0.06643) × 0.8 = −0.05315"
    )
    assert student.scene.edge_items[("wx", 0)].texts() == ("0.8", "−0.09965")
    press(qtbot, student, NEXT, 4)  # target, b, w, then x
    assert panel.header.text() == "Backward pass ◀ x"
    assert panel.caption.text() == "∂L/∂x = −0.05315"


def test_a_completed_pass_keeps_its_last_caption_and_says_complete_beside_it(
    qtbot, student: MainWindow
) -> None:
    open_example(student, NEURON)
    panel = student.steps
    press(qtbot, student, NEXT)
    forward = sum(s.phase == FORWARD for s in panel.steps)
    press(qtbot, student, NEXT, forward - 1)  # the last forward step: the Output
    assert panel.caption.text() == "L = (y − target)² = 0.02854"
    assert panel.status.text() == "Forward pass complete: Next starts the backward pass."
    press(qtbot, student, NEXT, len(panel.steps) - forward)
    assert panel.index == len(panel.steps) - 1
    assert panel.caption.text() == "∂L/∂x = −0.05315"
    assert panel.status.text() == "Backward pass complete: every gradient is known."
    assert not panel.next_button.isEnabled()
    press(qtbot, student, NEXT)  # at the end, Next changes nothing and loses nothing
    assert panel.caption.text() == "∂L/∂x = −0.05315"
    assert panel.position.text() == f"step {len(panel.steps)} of {len(panel.steps)}"


def test_the_buttons_say_back_and_next(qtbot, student: MainWindow) -> None:
    open_example(student, NEURON)
    panel = student.steps
    assert not panel.back_button.isEnabled()
    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    assert panel.index == 1 and panel.back_button.isEnabled()
    qtbot.mouseClick(panel.back_button, Qt.MouseButton.LeftButton)
    assert panel.index == 0
    assert "]" in panel.next_button.toolTip() and "[" in panel.back_button.toolTip()
    qtbot.mouseClick(panel.reset_button, Qt.MouseButton.LeftButton)
    assert student.scene.stepping is None
    assert panel.caption.text() == "Live view: every wire shows its numbers."


def test_typing_a_bracket_into_a_name_types_it_and_does_not_step(qtbot, student: MainWindow) -> None:
    open_example(student, NEURON)
    student.scene.node_items["wx"].setSelected(True)
    edit = student.inspector.name_edit
    edit.setFocus()
    qtbot.keyClicks(edit, "[w]")
    assert edit.text() == "[w]"
    assert student.scene.stepping is None


def test_the_keys_step_and_bring_the_panel_forward_when_it_is_tabbed_away(qtbot, student: MainWindow) -> None:
    open_example(student, NEURON)
    docks = {d.objectName(): d for d in student.findChildren(QDockWidget)}
    docks["gradcheck"].raise_()
    qtbot.waitUntil(lambda: student.steps.visibleRegion().isEmpty(), timeout=2000)
    press(qtbot, student, NEXT)
    assert student.steps.index == 0
    qtbot.waitUntil(lambda: not student.steps.visibleRegion().isEmpty(), timeout=2000)


def test_no_output_means_forward_only_and_says_so(qtbot, student: MainWindow, tmp_path) -> None:
    from editing_kit import write_graph

    path = write_graph(
        tmp_path / "no_output.bpgraph",
        [{"id": "x", "type": "Input", "value": 2}, {"id": "s", "type": "Square"}],
        [{"from": "x", "to": "s", "port": 0}],
    )
    assert student.open_path(path)
    press(qtbot, student, NEXT, 2)
    assert student.steps.caption.text() == "x² = 2² = 4"
    assert (
        student.steps.status.text() == "Forward pass complete. With no Output node there is no backward pass."
    )


def test_switching_to_korean_keeps_the_step_and_rewords_it(qtbot, student: MainWindow) -> None:
    open_example(student, NEURON)
    panel = student.steps
    press(qtbot, student, NEXT)
    target = next(i for i, s in enumerate(panel.steps) if s.phase == BACKWARD and s.node_id == "wx")
    press(qtbot, student, NEXT, target)
    english = panel.caption.text()
    with korean(qtbot):
        assert panel.index == target and student.scene.stepping.current == "wx"
        assert panel.next_button.text() == "다음 ▶"
        assert panel.header.text() == "역전파 ◀ 곱셈 (wx)"
        assert panel.position.text() == f"{target + 1} / {len(panel.steps)}단계"
        assert panel.caption.text() == english  # numbers and symbols read the same
        press(qtbot, student, NEXT)
        assert panel.index == target + 1
    assert panel.header.text() == "Backward pass ◀ target"


def test_a_node_name_is_shown_as_text_never_as_html(qtbot, student: MainWindow, tmp_path) -> None:
    """Issue 14 §1: a name from a file such as <b>…</b> or <img src=…> is shown literally."""
    from editing_kit import write_graph

    name = '<img src="/dev/zero"><b>bold</b>'
    path = write_graph(
        tmp_path / "html.bpgraph",
        [{"id": "x", "type": "Input", "name": name, "value": 2}, {"id": "o", "type": "Output"}],
        [{"from": "x", "to": "o", "port": 0}],
    )
    assert student.open_path(path)
    press(qtbot, student, NEXT)
    panel = student.steps
    assert panel.header.text() == f"Forward pass ▶ {name}"
    assert panel.caption.text() == f"{name} = 2"
    for label in (panel.header, panel.caption, panel.status):
        assert label.textFormat() == Qt.TextFormat.PlainText
