"""Every lesson of the course opens framed, as the examples do: every node in sight and the
wires' numbers readable, at 1280×800 and in the app's default windows (test_framing.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from test_framing import _outside, lesson_window  # noqa: F401
from test_label_placement import assert_labels_clear

from nodeeditor.gui.course_progress import course_paths
from nodeeditor.gui.edge_item import label_pixel_size
from nodeeditor.gui.main_window import MainWindow


@pytest.mark.parametrize("path", course_paths(), ids=lambda p: p.stem)
def test_every_course_lesson_opens_framed_and_readable(lesson_window: MainWindow, path: Path) -> None:  # noqa: F811
    window = lesson_window
    assert window.open_lesson(path, 0)
    QApplication.processEvents()
    assert _outside(window) == []
    QApplication.processEvents()
    assert window.view.zoom * window.scene.label_scale * label_pixel_size() >= 9 - 1e-9
    assert_labels_clear(window.scene)
