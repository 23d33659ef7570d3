"""Tab search: type a few letters, press Enter, the node appears at the cursor."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ..model import NODE_TYPES
from .i18n import type_text
from .palette import TYPE_ROLE, type_icon, type_tooltip


def matching_types(text: str) -> list[str]:
    """Node types matching ``text``: prefix matches first, then substrings."""
    needle = text.strip().lower()
    names = {t: type_text(t).lower() for t in NODE_TYPES}
    if not needle:
        return list(NODE_TYPES)
    prefix = [t for t in NODE_TYPES if t.lower().startswith(needle) or names[t].startswith(needle)]
    inner = [t for t in NODE_TYPES if t not in prefix and (needle in t.lower() or needle in names[t])]
    return prefix + inner


class NodeSearchPopup(QFrame):
    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("Add a node: type its name"))
        self.list = QListWidget()
        self.list.setMinimumHeight(220)
        self.edit.textChanged.connect(self._refill)
        self.edit.returnPressed.connect(self._choose_current)
        self.list.itemClicked.connect(self._choose)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.edit)
        layout.addWidget(self.list)
        self.edit.installEventFilter(self)
        self._refill("")

    def open_at(self, global_pos: QPoint) -> None:
        self.edit.clear()
        self._refill("")
        self.move(global_pos)
        self.resize(260, 300)
        self.show()
        self.edit.setFocus()

    def _refill(self, text: str) -> None:
        self.list.clear()
        for type_name in matching_types(text):
            item = QListWidgetItem(type_icon(type_name), type_text(type_name))
            item.setData(TYPE_ROLE, type_name)
            item.setToolTip(type_tooltip(type_name))
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def eventFilter(self, watched: object, event: object) -> bool:  # noqa: N802
        """Up and Down in the text box move through the list."""
        if isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
            if step is not None and self.list.count():
                row = (self.list.currentRow() + step) % self.list.count()
                self.list.setCurrentRow(row)
                return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    def _choose_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._choose(item)

    def _choose(self, item: QListWidgetItem) -> None:
        self.hide()
        self.chosen.emit(item.data(TYPE_ROLE))
