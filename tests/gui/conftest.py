"""Fixtures for the GUI tests that drive shown windows with real events (see editing_kit.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDockWidget, QMessageBox

HERE = str(Path(__file__).resolve().parent)
if HERE not in sys.path:  # editing_kit is importable in any import mode
    sys.path.insert(0, HERE)

from editing_kit import APPLES, Dialogs, open_graph  # noqa: E402

from nodeeditor.gui import dialogs as window_dialogs  # noqa: E402
from nodeeditor.gui.files import Autosave, example_path  # noqa: E402
from nodeeditor.gui.main_window import MainWindow  # noqa: E402


@pytest.fixture
def dialogs(monkeypatch) -> Dialogs:
    """The window's questions and error boxes answered without blocking; what they said is kept."""
    fake = Dialogs()
    monkeypatch.setattr(window_dialogs, "question", fake.question)
    monkeypatch.setattr(window_dialogs, "critical", fake.critical)
    monkeypatch.setattr(QMessageBox, "question", fake.question)
    monkeypatch.setattr(QMessageBox, "critical", fake.critical)
    return fake


@pytest.fixture
def make_window(qtbot, tmp_path: Path, dialogs: Dialogs):
    """Shown windows with a roomy canvas (only the palette dock beside it)."""

    def make() -> MainWindow:
        w = MainWindow(autosave=Autosave(tmp_path / "autosave"))
        qtbot.addWidget(w)
        for dock in w.findChildren(QDockWidget):
            if dock.objectName() != "palette":
                dock.hide()
        w.resize(1500, 950)
        w.show()
        w.activateWindow()  # the newest window has the keyboard, as on a desktop
        qtbot.waitUntil(w.isActiveWindow, timeout=2000)
        return w

    return make


@pytest.fixture
def window(make_window) -> MainWindow:
    return make_window()


@pytest.fixture
def apples(window: MainWindow, tmp_path: Path) -> MainWindow:
    """The buying-apples lesson, from a copy the tests may overwrite, at zoom 1."""
    path = tmp_path / "apples.bpgraph"
    path.write_bytes(example_path(APPLES).read_bytes())
    open_graph(window, path)
    return window
