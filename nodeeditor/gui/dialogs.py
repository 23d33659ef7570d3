"""Message boxes whose text is always plain text.

QMessageBox's static functions guess the format: a text whose first line holds
something like ``<img src=…>`` (a file name, a lesson's title) would be read as
HTML and the image loaded from any path, a FIFO or a device. Every dialog of the
window goes through here, so text from a file is shown as written. Tests answer
these two functions instead of the dialog.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

Button = QMessageBox.StandardButton


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, Button.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def question(
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: Button = Button.Yes | Button.No,
    default: Button = Button.NoButton,
) -> Button:
    box = _box(parent, QMessageBox.Icon.Question, title, text)
    box.setStandardButtons(buttons)
    if default != Button.NoButton:
        box.setDefaultButton(default)
    return Button(box.exec())


def critical(parent: QWidget | None, title: str, text: str) -> Button:
    box = _box(parent, QMessageBox.Icon.Critical, title, text)
    box.setStandardButtons(Button.Ok)
    return Button(box.exec())
