"""Graphs too large to draw: a read-only summary instead of minutes of work and gigabytes.

Opening a chain without positions in the editor (an offscreen window, open
and first paint, peak RSS, on the project's 2-core machine): 20,000 nodes 8 s
and 0.5 GB, 50,000 nodes 23 s and 1.5 GB, 100,000 nodes 91 s and 4.5 GB,
200,000 nodes 9.2 GB (issue 14).
The graphics items are almost all of it (the model holds 100,000 nodes in
0.25 GB), so above LARGE_GRAPH_NODES the editor offers this summary, which
builds none: the graph's Inputs and Outputs with their values and gradients,
the numbers ``nodeeditor eval`` prints.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from ..model import Graph, evaluate
from ..model.exercise import shown_result
from ..model.values import format_value
from .i18n import Retranslatable, type_text

LARGE_GRAPH_NODES = 20_000
MAX_ROWS = 1000  # of each kind: a table a student can still scroll


def too_large(graph: Graph) -> bool:
    return len(graph) > LARGE_GRAPH_NODES


def large_graph_question(name: str, graph: Graph) -> str:
    return QCoreApplication.translate(
        "LargeGraph",
        "{name} has {nodes} nodes. The editor draws graphs of up to {limit} nodes well; one this "
        "large would take minutes and gigabytes of memory to draw.\n\n"
        "Open shows it read-only: its Inputs and Outputs with their values and gradients. "
        "Cancel keeps the graph you have open now.",
    ).format(name=name, nodes=f"{len(graph):,}", limit=f"{LARGE_GRAPH_NODES:,}")


class Summary(Retranslatable, QWidget):
    """A window of its own with the numbers of a graph too large to draw."""

    def __init__(self, graph: Graph, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._result = shown_result(graph, evaluate(graph))  # an exercise's hidden numbers stay "?"
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._graph, self._path = graph, path
        layout = QVBoxLayout(self)
        self.heading, self.note = _label(1.25), _label(1.0)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        self.table = QTableWidget(0, 4)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        self.retranslate()
        self.resize(720, 560)

    def retranslate(self) -> None:
        graph, path, loss = self._graph, self._path, self._result.loss
        name = path.name.replace("[*]", "[*][*]")  # a literal "[*]", not the modified mark
        self.setWindowTitle(self.tr("{name} (read-only) — Backprop Studio").format(name=name))
        self.heading.setText(
            self.tr("{name}: {nodes} nodes and {wires} wires").format(
                name=path.name, nodes=f"{len(graph):,}", wires=f"{graph.edge_count:,}"
            )
        )
        self.note.setText(
            self.tr(
                "Too large to draw, so read-only. The loss L is {loss}. The command "
                "“nodeeditor eval FILE” prints every number too."
            ).format(loss=format_value(loss) if loss is not None else "—")
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Node"), self.tr("Type"), self.tr("Value"), self.tr("Gradient")]
        )
        self._fill()

    def _fill(self) -> None:
        graph, result = self._graph, self._result
        rows = []
        for kind in ("Input", "Output"):
            ids = graph.of_type(kind)
            for n in ids[:MAX_ROWS]:
                name = graph.name_of(n) or n
                rows.append(
                    (name, type_text(kind), format_value(result.value(n)), format_value(result.grad(n)))
                )
            if len(ids) > MAX_ROWS:
                more = self.tr("… and {count} more").format(count=f"{len(ids) - MAX_ROWS:,}")
                rows.append((more, type_text(kind), "", ""))
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))


def _label(scale: float) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)  # the file's name is the file's
    label.setWordWrap(True)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(scale > 1)
    label.setFont(font)
    return label
