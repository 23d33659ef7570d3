"""The lesson beside the canvas: the open example's explanation, in the interface's language.

A lesson's text comes from a file, so it is never HTML: it is shown as written,
with a small markup rendered here (docs/file-format.md): a blank line starts a
paragraph, a line break stays one, ``**bold**`` and ``*italic*``. Everything
else, ``<img src=…>`` included, is text, so nothing is ever loaded from a path.
"""

from __future__ import annotations

import html
import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..model import Graph
from .i18n import Retranslatable, current_language

BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*", re.DOTALL)
ITALIC = re.compile(r"(?<![*\w])\*(?=[^\s*])([^*]+?)(?<=[^\s*])\*(?![*\w])")
PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")


def lesson_text(graph: Graph, language: str) -> tuple[str, str] | None:
    """The (title, text) of a graph's lesson in ``language``, else English, else None."""
    lesson: Any = graph.meta.get("lesson")
    if not isinstance(lesson, dict):
        return None
    entry = lesson.get(language) or lesson.get("en")
    if not isinstance(entry, dict):
        return None
    return str(entry.get("title", "")), str(entry.get("text", ""))


def lesson_markup(text: str) -> str:
    """The lesson's text as the only HTML we make: escaped text, <p>, <br>, <b> and <i>."""
    escaped = html.escape(text.strip(), quote=False)
    marked = ITALIC.sub(r"<i>\1</i>", BOLD.sub(r"<b>\1</b>", escaped))
    return "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in PARAGRAPH.split(marked))


class LessonPanel(Retranslatable, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.graph: Graph | None = None
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.RichText)  # only ever lesson_markup's output
        for label in (self.title, self.text):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addStretch(1)

    def show_graph(self, graph: Graph) -> bool:
        """Show the graph's lesson; False if it has none."""
        self.graph = graph
        found = lesson_text(graph, current_language())
        if found is None:
            self.title.setText(self.tr("No lesson"))
            self.text.setText(
                lesson_markup(self.tr("Open a lesson from File ▸ Examples to read its explanation here."))
            )
            return False
        self.title.setText(found[0])
        self.text.setText(lesson_markup(found[1]))
        return True

    def retranslate(self) -> None:
        if self.graph is not None:
            self.show_graph(self.graph)
