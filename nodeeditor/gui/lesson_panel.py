"""The lesson beside the canvas: the open lesson's page, in the interface's language, with
its task, checked live after every edit, evaluation, undo or training step.

A lesson's text comes from a file, so it is never HTML: it is shown as written,
with a small markup rendered here (docs/file-format.md): a blank line starts a
paragraph, a line break stays one, ``**bold**`` and ``*italic*``. Everything
else, ``<img src=…>`` included, is text, so nothing is ever loaded from a path.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..model import Graph
from ..model.lessons import Lesson, Page, read_lesson
from ..model.tasks import Situation, is_met
from . import style
from .course_progress import CourseProgress, course_key, course_paths
from .i18n import Retranslatable, current_language

BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*", re.DOTALL)
ITALIC = re.compile(r"(?<![*\w])\*(?=[^\s*])([^*]+?)(?<=[^\s*])\*(?![*\w])")
PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")
if TYPE_CHECKING:
    from .document import Document  # which shows a lesson's title: it imports this module

DONE_COLOR = "#2e7d32"


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


def _label(rich: bool = False) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)  # rich: lesson_markup's
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class LessonPanel(Retranslatable, QWidget):
    reset_requested = Signal(str)  # the course lesson's key
    next_lesson_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.graph: Graph | None = None
        self.document: Document | None = None
        self.lesson: Lesson | None = None
        self.page_index = 0
        self.key: str | None = None  # the course lesson shown, if it is one
        self.progress: CourseProgress | None = None  # set by the course panel
        self.losses: Callable[[], Sequence[float]] = tuple  # the training history (the window's)
        self._met_here: set[int] = set()  # pages done in a lesson that is not the course's
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)  # once per burst of edits, after the evaluation and training
        self._timer.timeout.connect(self.check_task)
        self.title = _label()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.where = QLabel()
        self.back_button, self.next_button = QPushButton(), QPushButton()
        self.back_button.clicked.connect(lambda: self.show_page(self.page_index - 1))
        self.next_button.clicked.connect(self._next)
        nav = QHBoxLayout()  # below the task: read, do, then go on
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        self.where.setStyleSheet(f"color: {style.HINT_COLOR.name()};")
        self.text = _label(rich=True)
        self.task_box = QFrame()
        self.task_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.task_heading, self.task_text, self.status = QLabel(), _label(rich=True), _label()
        self.task_heading.setFont(style.ui_font(bold=True))
        box = QVBoxLayout(self.task_box)
        for widget in (self.task_heading, self.task_text, self.status):
            box.addWidget(widget)
        self.reset_button = QPushButton()
        self.reset_button.clicked.connect(lambda: self.key and self.reset_requested.emit(self.key))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.where)
        layout.addWidget(self.text)
        layout.addWidget(self.task_box)
        layout.addLayout(nav)
        layout.addWidget(self.reset_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.retranslate()

    # -- what is shown ------------------------------------------------------------------------

    def show_document(self, document: Document) -> bool:
        """Show the document's lesson and check its tasks as it changes; False if it has none."""
        self._follow(document)
        return self.show_graph(document.graph)

    def show_graph(self, graph: Graph) -> bool:
        """Show the graph's lesson at the page the student was on; False if it has none."""
        self.graph = graph
        self.lesson = read_lesson(graph)[0]
        document = self.document if self.document is not None and self.document.graph is graph else None
        self.key = course_key(document.example) if document is not None else None
        self._met_here = set()
        start = self.progress.page(self.key) if self.key and self.progress else 0
        self.page_index = min(start, len(self.lesson.pages) - 1) if self.lesson else 0
        self._show()
        self._timer.start()
        return self.lesson is not None

    def show_page(self, index: int) -> None:
        if self.lesson is None or not 0 <= index < len(self.lesson.pages):
            return
        self.page_index = index
        if self.key and self.progress:
            self.progress.set_page(self.key, index)
        self._show()
        self._timer.start()

    @property
    def page(self) -> Page | None:
        return self.lesson.pages[self.page_index] if self.lesson is not None else None

    def done_pages(self) -> set[int]:
        if self.key and self.progress:
            return self.progress.done(self.key)
        return self._met_here

    def _show(self) -> None:
        lesson, page, language = self.lesson, self.page, current_language()
        if lesson is None or page is None:
            self.title.setText(self.tr("No lesson"))
            self.text.setText(
                lesson_markup(self.tr("Open a lesson from File ▸ Examples to read its explanation here."))
            )
            for widget in (self.where, self.back_button, self.next_button, self.task_box, self.reset_button):
                widget.hide()
            return
        self.title.setText(lesson.title(language))
        self.text.setText(lesson_markup(page.text(language).text))
        paged = len(lesson.pages) > 1
        self.where.setVisible(paged)
        self.where.setText(
            self.tr("Page {n} of {total}").format(n=self.page_index + 1, total=len(lesson.pages))
        )
        self.back_button.setVisible(paged)
        self.back_button.setEnabled(self.page_index > 0)
        last = self.page_index == len(lesson.pages) - 1
        self.next_button.setVisible(paged or self.key is not None)
        self.next_button.setText(self.tr("Next lesson ▶") if last and self.key else self.tr("Next ▶"))
        self.next_button.setEnabled(not last or (self.key is not None and not self._last_lesson()))
        self.task_box.setVisible(page.task is not None or page.problem is not None)
        self.task_text.setText(lesson_markup(page.text(language).do))
        self.reset_button.setVisible(self.key is not None)
        self._show_status()

    def _show_status(self) -> None:
        page = self.page
        if page is None:
            return
        if page.problem is not None:
            self.status.setText(
                self.tr("This task cannot be checked: {problem}").format(problem=page.problem)
            )
            self.status.setStyleSheet("")
        elif self.page_index in self.done_pages():
            self.status.setText(self.tr("Done ✓"))
            self.status.setStyleSheet(f"color: {DONE_COLOR}; font-weight: bold;")
        else:
            self.status.setText(self.tr("Not done yet: the app checks it as you work."))
            self.status.setStyleSheet(f"color: {style.HINT_COLOR.name()};")

    def _last_lesson(self) -> bool:
        paths = course_paths()
        return bool(paths) and paths[-1].stem == self.key

    def _next(self) -> None:
        lesson = self.lesson
        if lesson is not None and self.page_index == len(lesson.pages) - 1:
            if self.key:
                self.next_lesson_requested.emit(self.key)
        else:
            self.show_page(self.page_index + 1)

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("◀ Back"))
        self.task_heading.setText(self.tr("Your task"))
        self.reset_button.setText(self.tr("Reset this lesson"))
        self.reset_button.setToolTip(self.tr("Open the lesson as it was shipped and clear its progress"))
        self._show()

    # -- checking the task live -----------------------------------------------------------------

    def _follow(self, document: Document) -> None:
        old = self.document
        if old is not None and shiboken6.isValid(old):
            old.evaluated.disconnect(self._timer.start)
            old.changed.disconnect(self._timer.start)
            if shiboken6.isValid(old.undo_stack):
                old.undo_stack.indexChanged.disconnect(self._timer.start)
        self.document = document
        document.evaluated.connect(self._timer.start)
        document.changed.connect(self._timer.start)
        document.undo_stack.indexChanged.connect(self._timer.start)

    def check_task(self) -> bool:
        """Whether the page's task is met now; once met, the page is done (and stays so)."""
        page, document = self.page, self.document
        if page is None or page.task is None or document is None or not shiboken6.isValid(document):
            return False
        if document.graph is not self.graph or self.page_index in self.done_pages():
            return self.page_index in self.done_pages()
        if not is_met(page.task, Situation(document.graph, document.true_result, self.losses())):
            return False
        if self.key and self.progress:
            self.progress.mark_done(self.key, self.page_index)
        self._met_here.add(self.page_index)
        self._show_status()
        return True
