"""The Code dock: the current graph as the textbook's layer code, live.

The code is made by the model (``model.codegen.generate``) a moment after the last edit
(debounced, and only while the dock is in sight), so dragging or scrubbing never waits for it.
Selecting nodes highlights their lines; clicking a line selects its node; the step-through's
current step is highlighted in its own colour. ``CodeDock.code_for`` is the one place the
dock's text comes from.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QFontDatabase,
    QMouseEvent,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..model import GraphFileError
from ..model.codegen import GeneratedCode, generate, save_code
from ..model.steps import FORWARD
from . import exercise_view
from .i18n import Retranslatable, error_text
from .scene import GraphScene

DELAY_MS = 300  # after the last edit: a scrub redraws the canvas, not the code, at every step
MAX_LIVE_NODES = 3000  # beyond this the code is exported, not shown live
EXPORT_HINT = QT_TRANSLATE_NOOP("CodeDock", "File ▸ Export as Python… saves it.")
HIDDEN_NOTE = QT_TRANSLATE_NOOP(
    "CodeDock",
    "The code is not shown while the exercise has numbers to predict: running it would print "
    "the answers. It comes back once they are all answered right or shown.",
)
WIDE = 560  # pixels: a line of code and its comment, when the dock comes into sight
TALL = 240  # pixels: a layer's forward and backward at once
SELECTED = QColor(255, 236, 170)
STEPPING = QColor(190, 225, 255)

_TOKENS = re.compile(
    r"(?P<string>'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")|(?P<comment>#.*)|(?P<number>\b\d+\.?\d*(?:e[-+]?\d+)?\b)"
    r"|(?P<keyword>\b(?:class|def|return|if|else|elif|for|in|not|is|import|None|and|or|lambda)\b)"
    r"|(?P<self>\bself\b)"
)


class PythonHighlighter(QSyntaxHighlighter):
    """Comments, strings, numbers and keywords in colours that stay readable in print."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.formats: dict[str, QTextCharFormat] = {}
        for kind, color, italic in (
            ("string", "#a31515", False),
            ("comment", "#3d7a3d", True),
            ("number", "#0b5cad", False),
            ("keyword", "#7a1fa2", False),
            ("self", "#7a5c1f", False),
        ):
            f = QTextCharFormat()
            f.setForeground(QColor(color))
            f.setFontItalic(italic)
            self.formats[kind] = f

    def highlightBlock(self, text: str) -> None:  # noqa: N802
        for m in _TOKENS.finditer(text):
            kind = m.lastgroup
            if kind is not None:
                self.setFormat(m.start(), m.end() - m.start(), self.formats[kind])


class CodeView(QPlainTextEdit):
    """Read-only, monospace, unwrapped: the code as a file would show it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.highlighter = PythonHighlighter(self.document())


class CodeDock(Retranslatable, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scene: GraphScene | None = None
        self.code: GeneratedCode | None = None
        self._selected: list[int] = []
        self._step_line: int | None = None
        self._stale = True
        self._in_sight = False
        self._clicked = False  # the selection comes from a click on a line: stay where it was
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.view = CodeView()
        self.view.viewport().installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._refresh_in_sight)
        self.retranslate()

    def retranslate(self) -> None:
        self.hint.setText(self.tr("The graph as the textbook's layer code. Click a line to select its node."))
        self.view.setToolTip(self.tr("Run it with Python and numpy.") + "\n" + self.tr(EXPORT_HINT))
        if self.scene is not None and self.code is None:
            self.refresh()  # the "too large" note, in the new language

    def set_scene(self, scene: GraphScene) -> None:
        self.scene = scene
        scene.document.changed.connect(self._on_edit)
        scene.selectionChanged.connect(self._show_selection)
        self._stale = True
        if self._in_sight:
            self._timer.start(0)

    # -- the code -----------------------------------------------------------------------------

    def code_for(self, scene: GraphScene) -> GeneratedCode:
        """The code the dock shows (and File ▸ Export as Python… writes) for this scene."""
        document = scene.document
        return generate(document.graph, document.title, document.evaluator.plan)

    def _on_edit(self, event: object) -> None:
        if getattr(event, "kind", None) == "node_moved":
            return
        self._stale = True
        if self._in_sight:
            self._timer.start(DELAY_MS)  # start(0) elsewhere changed its interval

    def set_in_sight(self, on: bool) -> None:
        """Its dock's tab came to the front (or went behind another): a tabbed dock out of
        sight is still "visible" to Qt, so the dock says (``QDockWidget.visibilityChanged``)."""
        self._in_sight = on
        if on:
            # Deferred: the window puts another tab in front as it first shows, and then
            # neither the code nor the room for it is wanted.
            if self._stale:
                self._timer.start(0)
            QTimer.singleShot(0, self._widen)

    def _widen(self) -> None:
        """Code needs room: a narrow or low dock grows when the code comes into sight."""
        dock, window = self.parentWidget(), self.window()
        docked = self._in_sight and isinstance(dock, QDockWidget) and not dock.isFloating()
        if docked and isinstance(window, QMainWindow):
            if dock.width() < WIDE:
                window.resizeDocks([dock], [WIDE], Qt.Orientation.Horizontal)
            if dock.height() < TALL:
                window.resizeDocks([dock], [TALL], Qt.Orientation.Vertical)

    def _refresh_in_sight(self) -> None:
        if self._in_sight and self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Make the code again (now), keeping the scroll position."""
        self._timer.stop()
        if self.scene is None:
            return
        graph = self.scene.graph
        if exercise_view.mask(self.scene.document) is not None:
            self.code = None
            self.view.setPlainText(self.tr(HIDDEN_NOTE))
            self._stale = False
            return
        if len(graph) > MAX_LIVE_NODES:
            self.code = None
            too_many = self.tr("This graph has {n} nodes: too many to show its code live.")
            self.view.setPlainText(too_many.format(n=f"{len(graph):,}") + "\n" + self.tr(EXPORT_HINT))
            self._stale = False
            return
        scroll = self.view.verticalScrollBar().value(), self.view.horizontalScrollBar().value()
        self.code = self.code_for(self.scene)
        self.view.setPlainText(self.code.text)
        self.view.verticalScrollBar().setValue(scroll[0])
        self.view.horizontalScrollBar().setValue(scroll[1])
        self._stale = False
        self._show_selection()

    # -- lines and nodes ------------------------------------------------------------------------

    def _show_selection(self) -> None:
        if self.scene is None or self.code is None:
            return
        lines: list[int] = []
        for n in self.scene.selected_node_ids():
            lines += self.code.lines_of(n)
        self._selected = sorted(lines)
        self._paint()
        first = next(iter(self.scene.selected_node_ids()), None)
        if first is not None and not self._clicked:
            self._scroll_to(self.code.forward_line.get(first, self._selected[0] if lines else 0))

    def show_step(self, node_id: str, phase: str) -> None:
        """Highlight the line the step-through is running ("" : none)."""
        line = None
        if self._stale and node_id:
            self.refresh()
        if node_id and self.code is not None:
            lines = self.code.forward_line if phase == FORWARD else self.code.backward_line
            line = lines.get(node_id)
        self._step_line = line
        self._paint()
        if line is not None:
            self._scroll_to(line)

    def _paint(self) -> None:
        marks = []
        for line, color in [(n, SELECTED) for n in self._selected] + [(self._step_line, STEPPING)]:
            if line is None:
                continue
            block = self.view.document().findBlockByNumber(line)
            if not block.isValid():
                continue
            sel = QTextEdit.ExtraSelection()
            sel.format.setBackground(color)
            sel.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            sel.cursor = QTextCursor(block)
            marks.append(sel)
        self.view.setExtraSelections(marks)

    def _scroll_to(self, line: int) -> None:
        block = self.view.document().findBlockByNumber(line)
        if block.isValid():
            cursor = QTextCursor(block)
            self.view.setTextCursor(cursor)
            self.view.centerCursor()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        click = isinstance(event, QMouseEvent) and event.type() == QEvent.Type.MouseButtonRelease
        left = click and event.button() == Qt.MouseButton.LeftButton
        if left and not self.view.textCursor().hasSelection():
            self.select_line(self.view.cursorForPosition(event.position().toPoint()).blockNumber())
        return super().eventFilter(watched, event)

    def select_line(self, line: int) -> None:
        """Select the node a line belongs to (a line of no node leaves the selection alone)."""
        if self.scene is None or self.code is None or not 0 <= line < len(self.code.owner):
            return
        node = self.code.owner[line]
        item = self.scene.node_items.get(node) if node is not None else None
        if item is None:
            return
        self._clicked = True
        try:
            self.scene.clearSelection()
            item.setSelected(True)
        finally:
            self._clicked = False


def export_python(window: Any) -> None:
    """File ▸ Export as Python…: the code the Code dock shows, saved as a file is saved."""
    document = window.document
    if exercise_view.mask(document) is not None:
        window.show_message(QCoreApplication.translate("CodeDock", HIDDEN_NOTE))
        return
    stem = Path(document.suggested_name).stem
    start = str(Path(window._last_dir()) / f"{stem}.py")
    path, _ = QFileDialog.getSaveFileName(
        window,
        QCoreApplication.translate("CodeDock", "Export as Python"),
        start,
        QCoreApplication.translate("CodeDock", "Python code (*.py)"),
    )
    if not path:
        return
    try:
        save_code(window.code.code_for(window.scene).text, path)
    except GraphFileError as exc:
        failed = QCoreApplication.translate("MainWindow", "Export failed")
        window.report_error(failed, error_text(exc), log=str(exc))
        return
    done = QCoreApplication.translate("MainWindow", "Exported {path}")
    window.show_message(done.format(path=path))
