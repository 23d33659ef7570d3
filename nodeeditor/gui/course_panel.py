"""The Course panel: the course's lessons in order, each page done ✓, current ▶ or to do ○.

Clicking a lesson or a page opens it; the page being read and the pages done are kept
between runs (CourseProgress). The open lesson's page itself, with Back/Next, its task and
"Reset this lesson", is the Lesson panel's (lesson_panel.py), beside this one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QResizeEvent
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from ..model import GraphFileError, load
from ..model.lessons import Lesson, read_lesson
from . import style
from .course_progress import CourseProgress, course_paths
from .i18n import Retranslatable, current_language
from .lesson_panel import DONE_COLOR, LessonPanel

PAGE_ROLE = Qt.ItemDataRole.UserRole
CLAUSE_END = re.compile(r"(?<=\S)[:.]\s")


def first_clause(text: str) -> str:
    """What a page asks, short enough for a list: "Predict ∂L/∂w: click the ? …" → "Predict ∂L/∂w"."""
    return CLAUSE_END.split(text.strip(), maxsplit=1)[0].rstrip(".")


Opener = Callable[[Path, int], bool]  # opens a lesson at a page; False if it did not (cancelled)


class CoursePanel(Retranslatable, QWidget):
    def __init__(self, lesson_panel: LessonPanel, opener: Opener, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.progress = CourseProgress(self)
        self.lesson_panel = lesson_panel
        lesson_panel.progress = self.progress
        lesson_panel.reset_requested.connect(self.reset_lesson)
        lesson_panel.next_lesson_requested.connect(self.open_next)
        self.opener = opener
        self.paths = course_paths()
        self.lessons: dict[Path, Lesson] = {}
        for path in self.paths:
            try:
                found = read_lesson(load(path))[0]
            except GraphFileError:  # a broken installation: the rest of the course still works
                continue
            if found is not None:
                self.lessons[path] = found
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        # A narrow dock: whole words on more lines rather than titles cut short (see _wrapped).
        self.tree.setUniformRowHeights(False)
        self.tree.setIndentation(12)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.itemActivated.connect(self._open_item)
        self.tree.itemClicked.connect(self._open_item)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.tree, 1)
        self.progress.changed.connect(self._refresh)
        self.retranslate()

    def retranslate(self) -> None:
        self.intro.setText(self.tr("Click a lesson or a page to open it."))
        self._fill()

    # -- the list ---------------------------------------------------------------------------------

    def _fill(self) -> None:
        self.tree.clear()
        for path, lesson in self.lessons.items():
            item = QTreeWidgetItem(self.tree)
            item.setData(0, PAGE_ROLE, (str(path), -1))
            for i in range(len(lesson.pages)):
                QTreeWidgetItem(item).setData(0, PAGE_ROLE, (str(path), i))
        self._refresh()
        if self.lesson_panel.key is None and self.tree.topLevelItemCount():
            self.tree.topLevelItem(0).setExpanded(True)  # where to start

    def _refresh(self, *_: object) -> None:
        """Every lesson's count and every page's mark, from the progress kept."""
        language = current_language()
        for row, (path, lesson) in enumerate(self.lessons.items()):
            item = self.tree.topLevelItem(row)
            if item is None:
                return
            done, current = self.progress.done(path.stem), self.progress.page(path.stem)
            item.setText(
                0,
                self._wrapped(1, self.tr("{n}. {title} ({done}/{total})").format(
                    n=row + 1, title=lesson.title(language), done=len(done & set(range(len(lesson.pages)))),
                    total=len(lesson.pages),
                )),
            )  # fmt: skip
            for i, page in enumerate(lesson.pages):
                child = item.child(i)
                mark, state = ("✓", self.tr("done")) if i in done else (
                    ("▶", self.tr("current")) if i == current else ("○", self.tr("to do"))
                )  # fmt: skip
                words = page.text(language).do or page.text(language).text
                child.setText(0, self._wrapped(2, f"{mark} {i + 1}. {first_clause(words)}"))
                child.setToolTip(0, f"{state}: {words}")
                color = QColor(DONE_COLOR) if i in done else style.VALUE_COLOR
                child.setForeground(0, QBrush(color))
            open_here = self.lesson_panel.key == path.stem
            font = item.font(0)
            font.setBold(open_here)
            item.setFont(0, font)
            if open_here:
                item.setExpanded(True)

    def _wrapped(self, depth: int, text: str) -> str:
        """``text`` broken into lines at spaces to fit the list's width at ``depth`` (a tree
        elides a long item instead, and its own word wrap does not give the row its height)."""
        room = self.tree.viewport().width() - self.tree.indentation() * depth - 12
        metrics = self.tree.fontMetrics()
        lines: list[str] = []
        for word in text.split(" "):
            if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= room:
                lines[-1] += f" {word}"
            else:
                lines.append(word)
        return "\n".join(lines)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._refresh()

    # -- opening ----------------------------------------------------------------------------------

    def _open_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        path, page = item.data(0, PAGE_ROLE)
        path = Path(path)
        if self.lesson_panel.key == path.stem:  # already open: only turn the page
            self.lesson_panel.show_page(page if page >= 0 else self.lesson_panel.page_index)
            return
        if page >= 0:
            self.progress.set_page(path.stem, page)
        self.opener(path, page if page >= 0 else self.progress.page(path.stem))
        self._refresh()

    def open_next(self, key: str) -> None:
        stems = [p.stem for p in self.lessons]
        if key in stems and stems.index(key) + 1 < len(stems):
            path = list(self.lessons)[stems.index(key) + 1]
            self.opener(path, self.progress.page(path.stem))
            self._refresh()

    def reset_lesson(self, key: str) -> None:
        """Open the lesson as shipped (the window asks about unsaved changes first) and forget its
        progress; nothing changes if the student cancels."""
        path = next((p for p in self.lessons if p.stem == key), None)
        if path is not None and self.opener(path, 0):
            self.progress.reset(key)
            self.lesson_panel.show_page(0)
            self.lesson_panel.check_task()
