"""Scrubbing a value with the mouse: steps that suit its size, landing on round numbers.

Real mouse drags and wheel turns on the value field; the steps are 0.1 for a value
between 1 and 10 (and for 0), a tenth of the value's order of magnitude otherwise,
Shift ×10, Ctrl ÷10; one step per SCRUB_PIXELS of sideways drag or per wheel notch.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from editing_kit import LEFT, at, open_graph, param_point, press, release, wheel, write_graph
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from nodeeditor.gui.main_window import MainWindow
from nodeeditor.gui.scrub import SCRUB_PIXELS, base_step

SHIFT, CTRL = Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.ControlModifier
NONE, NOBUTTON = Qt.KeyboardModifier.NoModifier, Qt.MouseButton.NoButton


def _open_value(window: MainWindow, tmp_path: Path, value: float) -> MainWindow:
    path = write_graph(tmp_path / "v.bpgraph", [{"id": "x", "type": "Input", "value": value, "pos": [0, 0]}])
    open_graph(window, path)
    return window


def _value(window: MainWindow) -> float:
    return float(window.document.graph.nodes["x"].params["value"])


def _move(window: MainWindow, point: QPoint, modifiers=NONE) -> None:
    """The mouse moved with the left button held (and ``modifiers``, which QTest's mouseMove cannot carry)."""
    vp = window.view.viewport()
    event = QMouseEvent(
        QEvent.Type.MouseMove, QPointF(point), QPointF(vp.mapToGlobal(point)), NOBUTTON, LEFT, modifiers
    )
    QApplication.sendEvent(vp, event)


def _drag_value(qtbot, window: MainWindow, pixels: list[int]) -> list[float]:
    """Press on x's value, move sideways through ``pixels`` (from the press), release; the values seen."""
    start = press(qtbot, window, param_point(window, "x"))
    seen = []
    for dx in pixels:
        _move(window, start + QPoint(dx, 2))
        seen.append(_value(window))
    release(qtbot, window, start + QPoint(pixels[-1], 2))
    return seen


@pytest.mark.parametrize(
    ("value", "step"),
    [(0.0, 0.1), (1.71028, 0.1), (9.99, 0.1), (42.0, 1.0), (100.0, 10.0), (0.5, 0.01), (-3.2, 0.1)],
)
def test_the_step_suits_the_values_size(value: float, step: float) -> None:
    assert base_step(value) == pytest.approx(step)


def test_a_drag_from_an_odd_value_lands_on_round_numbers(qtbot, window: MainWindow, tmp_path: Path) -> None:
    window = _open_value(window, tmp_path, 1.71028)
    seen = _drag_value(qtbot, window, [SCRUB_PIXELS * k for k in (1, 2, 3, 5)])
    assert seen == [1.8, 1.9, 2.0, 2.2]
    assert window.document.undo_stack.count() == 1  # the whole drag, one step
    seen = _drag_value(qtbot, window, [-SCRUB_PIXELS * k for k in (1, 4)])
    assert seen == [2.1, 1.8]


def test_shift_scrubs_ten_times_faster_and_ctrl_ten_times_finer(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    window = _open_value(window, tmp_path, 2.0)
    start = press(qtbot, window, param_point(window, "x"))
    _move(window, start + QPoint(2 * SCRUB_PIXELS, 0))
    assert _value(window) == 2.2
    _move(window, start + QPoint(3 * SCRUB_PIXELS, 0), SHIFT)  # Shift pressed mid-drag: on from here
    assert _value(window) == 3.0  # a step of 1 from 2.2, onto its grid
    _move(window, start + QPoint(5 * SCRUB_PIXELS, 0), CTRL)
    assert _value(window) == 3.02
    release(qtbot, window, start + QPoint(5 * SCRUB_PIXELS, 0))
    assert window.document.undo_stack.count() == 1
    point = at(window, param_point(window, "x"))
    wheel(window, point, 1, SHIFT)
    assert _value(window) == 4.0
    wheel(window, point, -3, CTRL)
    assert _value(window) == 3.97
    wheel(window, point, 2)
    assert _value(window) == 4.2  # 3.97 + 0.2, on the 0.1 grid


def test_values_never_show_float_noise(qtbot, window: MainWindow, tmp_path: Path) -> None:
    window = _open_value(window, tmp_path, 0.0)
    point = at(window, param_point(window, "x"))
    for _ in range(7):
        wheel(window, point, 1)
    assert window.document.graph.nodes["x"].params["value"].item() == 0.7  # not 0.7000000000000001
    assert repr(_value(window)) == "0.7"
