"""The lesson beside the canvas: the open example's explanation, in the interface's language."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..model import Graph
from .i18n import current_language


def lesson_text(graph: Graph, language: str) -> tuple[str, str] | None:
    """The (title, text) of a graph's lesson in ``language``, else English, else None."""
    lesson: Any = graph.meta.get("lesson")
    if not isinstance(lesson, dict):
        return None
    entry = lesson.get(language) or lesson.get("en")
    if not isinstance(entry, dict):
        return None
    return str(entry.get("title", "")), str(entry.get("text", ""))


class LessonPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.text = QLabel()
        for label in (self.title, self.text):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addStretch(1)

    def show_graph(self, graph: Graph) -> bool:
        """Show the graph's lesson; False if it has none."""
        found = lesson_text(graph, current_language())
        if found is None:
            self.title.setText(self.tr("No lesson"))
            self.text.setText(self.tr("Open a lesson from File ▸ Examples to read its explanation here."))
            return False
        self.title.setText(found[0])
        self.text.setText(found[1])
        return True
