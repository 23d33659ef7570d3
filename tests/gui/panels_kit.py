"""A main window laid out as a student first sees it (every dock in place), and a way to
switch its language in place, for the tests of the step, training, gradient-check and
inspector panels."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from nodeeditor.gui.files import Autosave, example_path
from nodeeditor.gui.i18n import install_translators
from nodeeditor.gui.main_window import MainWindow

NEURON = "09_train_a_neuron.bpgraph"


@pytest.fixture
def student(qtbot, tmp_path: Path, dialogs) -> MainWindow:
    """The window at 1280×800 with its docks where the app puts them, shown and active."""
    w = MainWindow(autosave=Autosave(tmp_path / "autosave"))
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=2000)
    return w


def open_example(window: MainWindow, name: str) -> None:
    assert window.open_path(example_path(name))
    window.document.evaluate_now()


@contextmanager
def korean(qtbot) -> Iterator[None]:
    """The interface in Korean, as the View ▸ Language menu switches it: translators
    installed, every widget told by a LanguageChange event; English again afterwards."""
    app = QApplication.instance()
    assert install_translators(app, "ko") == "ko"
    qtbot.wait(1)  # the LanguageChange events are posted: let them arrive
    try:
        yield
    finally:
        install_translators(app, "en")
        qtbot.wait(1)
