"""The Help menu's pages: Getting started and Keyboard shortcuts, in the interface's language.

Both are ours, not a file's: the page is HTML we write (every key name in it
escaped), and the shortcut table is read from the window's actions, so it
shows the keys that really work on this platform.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .i18n import Retranslatable

MNEMONIC = re.compile(r"\s*\(&\w\)|&(?=[^&])")  # "열기(&O)" and "&Open" alike


def plain_action_text(text: str) -> str:
    """An action's text as a sentence names it: no mnemonic, no trailing ellipsis."""
    return MNEMONIC.sub("", text).replace("&&", "&").rstrip("…").rstrip(".").strip()


def keys_text(keys: Iterable[QKeySequence]) -> str:
    return ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)


_ORDINARY = {getattr(Qt.Key, f"Key_F{i}") for i in range(1, 13)} | {
    Qt.Key.Key_Delete,
    Qt.Key.Key_Backspace,
    Qt.Key.Key_Insert,
    Qt.Key.Key_Tab,
    Qt.Key.Key_Return,
    Qt.Key.Key_Escape,
    Qt.Key.Key_Space,
}


def on_a_keyboard(key: QKeySequence) -> bool:
    """A key every keyboard has: not the Undo, Copy or F14 keys of old Sun keyboards, which Qt
    also binds on X11 (they work, but a student looks for them in vain)."""
    combos = [key[i] for i in range(key.count())]
    return all(c.key() in _ORDINARY or c.key().value < Qt.Key.Key_Escape.value for c in combos)


class _Page(Retranslatable, QDialog):
    """A modeless help window that speaks the interface's language, also after a switch."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.close)
        self.layout_ = QVBoxLayout(self)

    def retranslate(self) -> None:
        raise NotImplementedError


class GettingStarted(_Page):
    def __init__(self, parent: QWidget, keys: dict[str, list[QKeySequence]]) -> None:
        super().__init__(parent)
        self.keys = keys
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)  # nothing on this page loads or opens anything
        self.layout_.addWidget(self.browser)
        self.layout_.addWidget(self.buttons)
        self.resize(620, 440)
        self.retranslate()

    def _key(self, name: str) -> str:
        return f"<b>{html.escape(keys_text(self.keys.get(name, [])[:1]))}</b>"

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Getting started"))
        k = self._key
        steps = [
            self.tr(
                "Each node does one small computation. Every wire shows two numbers: the value "
                "flowing forward (dark, above the wire) and the gradient ∂L/∂value flowing back "
                "(red, below it). Change anything and every number follows at once."
            ),
            self.tr(
                "<b>Open a lesson</b>: File ▸ Examples. The Lesson panel explains it; start with "
                "“The Add node” or “Buying apples”."
            ),
            self.tr(
                "<b>Add a node</b>: drag it from the Nodes palette onto the canvas, or press "
                "<b>Tab</b> on the canvas and type a few letters of its name."
            ),
            self.tr(
                "<b>Wire</b>: drag from a node's output (the dot on its right) to another node's "
                "input (a dot on its left). Drag a wire's end away to take it off."
            ),
            self.tr(
                "<b>Change a number</b>: double-click an Input's value and type it, or drag the "
                "value sideways."
            ),
            self.tr(
                "<b>Watch backpropagation</b>: the Step through panel below walks the forward "
                "pass and then the backward pass one node at a time, with each local "
                "computation written out. Gradient check compares every gradient with a "
                "numerical one."
            ),
            self.tr(
                "<b>Undo</b> any edit with {undo}, redo it with {redo}. Save with {save}; work "
                "not saved yet is kept every minute and offered back if the app stops unexpectedly."
            ).format(undo=k("undo"), redo=k("redo"), save=k("save")),
            self.tr("Help ▸ Keyboard shortcuts lists every key."),
        ]
        items = "".join(f"<li style='margin-bottom: 6px'>{s}</li>" for s in steps[1:])
        self.browser.setHtml(f"<h2>{self.tr('Getting started')}</h2><p>{steps[0]}</p><ol>{items}</ol>")


class Shortcuts(_Page):
    def __init__(self, parent: QWidget, actions: list[QAction]) -> None:
        super().__init__(parent)
        self.actions_ = actions
        self.table = QTableWidget(0, 2)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.layout_.addWidget(self.table)
        self.layout_.addWidget(self.buttons)
        self.resize(520, 640)
        self.retranslate()

    def rows(self) -> list[tuple[str, str]]:
        """(what it does, its keys) for every action that has a key, as the window has them now."""
        found = [(a, [k for k in a.shortcuts() if on_a_keyboard(k)]) for a in self.actions_]
        return [(plain_action_text(a.text()), keys_text(keys)) for a, keys in found if keys]

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        rows = self.rows()
        self.table.setRowCount(len(rows))
        for r, (what, keys) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(what))
            self.table.setItem(r, 1, QTableWidgetItem(keys))

    def showEvent(self, event) -> None:  # noqa: N802
        self.retranslate()  # the keys as they are now
        super().showEvent(event)
