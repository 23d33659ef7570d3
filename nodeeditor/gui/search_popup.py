"""Tab search: type a few letters, press Enter, the node appears at the cursor; or type a
formula (``z = (x + y)**2``), which Enter builds there."""

from __future__ import annotations

import re

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ..model import NODE_TYPES, Graph
from ..model.pyimport import PythonImportError
from .i18n import type_text
from .palette import TYPE_ROLE, type_icon, type_tooltip
from .python_import import build_formula, formula_error

# No node type's name holds these: text with one of them is a formula.
_FORMULA = re.compile(r"[=+\-*/()@\d]")


def matching_types(text: str) -> list[str]:
    """Node types matching ``text``: prefix matches first, then substrings."""
    needle = text.strip().lower()
    names = {t: type_text(t).lower() for t in NODE_TYPES}
    if not needle:
        return list(NODE_TYPES)
    prefix = [t for t in NODE_TYPES if t.lower().startswith(needle) or names[t].startswith(needle)]
    inner = [t for t in NODE_TYPES if t not in prefix and (needle in t.lower() or needle in names[t])]
    return prefix + inner


def is_formula(text: str) -> bool:
    return bool(_FORMULA.search(text))


class NodeSearchPopup(QFrame):
    chosen = Signal(str)
    formula_chosen = Signal(object)  # a Graph
    formula_refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("Add a node: type its name, or a formula: z = (x + y)**2"))
        self.note = QLabel()  # what Enter does with a formula, or why it cannot
        self.note.setWordWrap(True)
        self.note.hide()
        self._formula: Graph | str | None = None  # the typed formula's graph, or why there is none
        self.list = QListWidget()
        self.list.setMinimumHeight(220)
        self.edit.textChanged.connect(self._refill)
        self.edit.returnPressed.connect(self._choose_current)
        self.list.itemClicked.connect(self._choose)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.edit)
        layout.addWidget(self.note)
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
        self._formula = self._parse(text) if is_formula(text) else None
        self.list.setVisible(self._formula is None)
        self.note.setVisible(self._formula is not None)
        if self._formula is not None:
            self._show_formula()
            return
        self.resize(260, 300)
        self.list.clear()
        for type_name in matching_types(text):
            item = QListWidgetItem(type_icon(type_name), type_text(type_name))
            item.setData(TYPE_ROLE, type_name)
            item.setToolTip(type_tooltip(type_name))
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def _parse(self, text: str) -> Graph | str:
        try:
            return build_formula(text)
        except PythonImportError as exc:
            return formula_error(exc)

    def _show_formula(self) -> None:
        if isinstance(self._formula, Graph):
            self.note.setText(self.tr("Enter builds the formula here"))
            self.note.setStyleSheet("")
        else:
            self.note.setText(self._formula)
            self.note.setStyleSheet("color: #b00020;")
        self.resize(380, self.sizeHint().height())

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
        if isinstance(self._formula, Graph):
            self.hide()
            self.formula_chosen.emit(self._formula)
            return
        if self._formula is not None:  # the popup stays, with the reason in it
            self.formula_refused.emit(self._formula)
            return
        item = self.list.currentItem()
        if item is not None:
            self._choose(item)

    def _choose(self, item: QListWidgetItem) -> None:
        self.hide()
        self.chosen.emit(item.data(TYPE_ROLE))
