"""The Help menu: Getting started, Keyboard shortcuts (read from the actions), About."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox

from nodeeditor import __version__
from nodeeditor.gui.files import Autosave
from nodeeditor.gui.help_pages import keys_text, on_a_keyboard, plain_action_text
from nodeeditor.gui.i18n import install_translators, set_chosen_language
from nodeeditor.gui.main_window import MainWindow


@pytest.fixture
def window(qtbot, qapp, tmp_path: Path):
    w = MainWindow(autosave=Autosave(tmp_path / "autosave"))
    qtbot.addWidget(w)
    w.ask_unsaved = lambda title: QMessageBox.StandardButton.Discard
    w.show()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=2000)
    yield w
    set_chosen_language("system")
    install_translators(qapp, "en")


def _help_menu(window: MainWindow):
    return window.menuBar().actions()[-1].menu()


def test_the_help_menu(window: MainWindow) -> None:
    texts = [a.text() for a in _help_menu(window).actions() if not a.isSeparator()]
    assert texts == ["&Getting Started", "&Keyboard Shortcuts", "&About Backprop Studio"]


def test_getting_started_opens_with_its_key_and_speaks_korean_after_a_switch(
    qtbot, window: MainWindow
) -> None:
    key = QKeySequence.keyBindings(QKeySequence.StandardKey.HelpContents)[0][0]
    qtbot.keyClick(window.view, key.key(), key.keyboardModifiers())
    page = window._getting_started
    assert page is not None and page.isVisible()
    text = page.browser.toPlainText()
    assert text.startswith("Getting started") and "File ▸ Examples" in text
    undo = window.undo_action.shortcuts()[0].toString(QKeySequence.SequenceFormat.NativeText)
    assert f"Undo any edit with {undo}" in text
    window.choose_language("ko")
    qtbot.waitUntil(lambda: page.windowTitle() == "시작하기", timeout=3000)
    assert "파일 ▸ 예제" in page.browser.toPlainText()


def test_the_shortcut_table_is_the_actions_own_keys(qtbot, window: MainWindow) -> None:
    window.shortcuts_action.trigger()
    page = window._shortcuts
    assert page is not None and page.isVisible()
    table = {page.table.item(r, 0).text(): page.table.item(r, 1).text() for r in range(page.table.rowCount())}
    assert table["Redo"] == keys_text(k for k in window.redo_action.shortcuts() if on_a_keyboard(k))
    assert "Ctrl+Y" in table["Redo"] and "Ctrl+Shift+Z" in table["Redo"]
    assert table["Duplicate"] == "Ctrl+D" and table["Frame Selection"] == "F"
    with_keys = [a for a in window.actions() if a.shortcuts()]
    assert len(table) == len(with_keys)
    window.choose_language("ko")
    qtbot.waitUntil(lambda: page.windowTitle() == "단축키", timeout=3000)
    assert page.table.horizontalHeaderItem(0).text() == "동작"
    assert page.table.item(0, 0).text() == "새로 만들기"


def test_action_texts_lose_their_mnemonics() -> None:
    assert plain_action_text("&Open…") == "Open"
    assert plain_action_text("열기(&O)…") == "열기"
    assert plain_action_text("Salt && Pepper") == "Salt & Pepper"


def test_about_names_the_version(window: MainWindow, monkeypatch) -> None:
    seen = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: seen.append((title, text)))
    window.about_action.trigger()
    ((title, text),) = seen
    assert title == "About Backprop Studio" and f"Backprop Studio {__version__}" in text
    assert "PySide6" in text and "Python" in text  # the versions a bug report needs


def test_the_table_leaves_out_keys_no_keyboard_has(qtbot, qapp, tmp_path: Path, monkeypatch) -> None:
    """X11 also binds Undo to F14 and to the Undo key of old Sun keyboards: they need no row."""
    x11 = [QKeySequence("Ctrl+Z"), QKeySequence("F14"), QKeySequence(Qt.Key.Key_Undo)]
    real = QKeySequence.keyBindings
    monkeypatch.setattr(
        QKeySequence, "keyBindings", lambda key: x11 if key == QKeySequence.StandardKey.Undo else real(key)
    )
    window = MainWindow(autosave=Autosave(tmp_path / "autosave"))
    qtbot.addWidget(window)
    assert len(window.undo_action.shortcuts()) == 3  # all of them still work
    window.shortcuts_action.trigger()
    rows = dict(window._shortcuts.rows())
    assert rows["Undo"] == "Ctrl+Z"
