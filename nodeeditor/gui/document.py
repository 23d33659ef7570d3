"""One open graph: the Graph, its undo stack, its file, its live evaluation.

The Graph stays the single source of truth. The document turns the graph's
change events into Qt signals and coalesces any burst of edits into one
re-evaluation on the next turn of the event loop.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from ..model import Evaluator, Graph, GraphEvent, Result
from ..model.exercise import shown_result
from .i18n import current_language
from .lesson_panel import lesson_text
from .node_names import LocalNames


def document_title(graph: Graph, path: Path | None) -> str:
    """The file's name; a lesson not saved yet (an example) goes by its title."""
    if path is not None:
        return path.name
    lesson = lesson_text(graph, current_language())
    return lesson[0] if lesson and lesson[0].strip() else QCoreApplication.translate("Document", "Untitled")


class Document(QObject):
    changed = Signal(object)  # GraphEvent
    evaluated = Signal(object)  # Result
    path_changed = Signal()
    names_shown = Signal(list)  # node ids whose names now follow the interface's language

    def __init__(self, graph: Graph | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.graph = graph if graph is not None else Graph()
        self.undo_stack = QUndoStack(self)
        self.path: Path | None = None
        self.example: Path | None = None  # the shipped lesson this document was opened from
        self.result: Result | None = None  # what the views may show: masked while an exercise is open
        self.true_result: Result | None = None  # every number, for checking answers only
        self._evaluator = Evaluator(self.graph)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.evaluate_now)
        self._names = LocalNames()
        self._showing_names = False
        self.show_names(current_language())
        self.graph.subscribe(self._on_graph_event)
        self.evaluate_now()

    def close(self) -> None:
        self.graph.unsubscribe(self._on_graph_event)
        self._evaluator.close()
        self._timer.stop()

    def _on_graph_event(self, event: GraphEvent) -> None:
        if self._showing_names:
            return  # not an edit: nothing to undo, evaluate or leave step-through for
        self.changed.emit(event)
        if event.kind not in ("node_moved", "node_renamed", "extra_changed"):
            self._timer.start()

    def evaluate_now(self) -> Result:
        """Evaluate at once (the coalescing timer calls this on its own)."""
        self._timer.stop()
        self.true_result = self._evaluator.evaluate()
        # The one place the exercise's masking rule is applied: every view reads this result.
        self.result = shown_result(self.graph, self.true_result)
        self.evaluated.emit(self.result)
        return self.result

    @property
    def evaluator(self) -> Evaluator:
        """The evaluator that keeps this graph's plan (for training and checks)."""
        return self._evaluator

    @property
    def evaluation_pending(self) -> bool:
        return self._timer.isActive()

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def title(self) -> str:
        return document_title(self.graph, self.path)

    @property
    def suggested_name(self) -> str:
        """A file name to offer when it is first saved."""
        if self.path is not None:
            return self.path.name
        return self.example.name if self.example is not None else self.tr("graph") + ".bpgraph"

    def show_names(self, language: str) -> None:
        """Name the nodes in ``language`` where the file says how (see node_names)."""
        renames = self._names.show(self.graph, language)
        self._showing_names = True
        try:
            for node_id, name in renames.items():
                self.graph.set_name(node_id, name)
        finally:
            self._showing_names = False
        if renames:
            self.names_shown.emit(list(renames))

    def graph_to_save(self) -> Graph:
        """The graph as its file should hold it, whatever language it is shown in."""
        return self._names.for_saving(self.graph)

    def set_path(self, path: Path | None) -> None:
        self.path = path
        self.path_changed.emit()
