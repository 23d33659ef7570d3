"""The gradient check: backprop against central differences on the open graph."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..model import CheckReport, gradient_check
from ..model.diagnosis import explain_disagreement
from ..model.values import format_full, format_value
from . import style
from .scene import GraphScene

EPS = 1e-6


class GradCheckPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scene: GraphScene | None = None
        self.report: CheckReport | None = None
        self.run_button = QPushButton(self.tr("Check gradients"))
        self.run_button.clicked.connect(self.run)
        self.timing = QLabel()
        self.timing.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Input"),
                self.tr("Backprop"),
                self.tr("Numerical"),
                self.tr("Difference"),
                self.tr("Verdict"),
            ]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setMinimumHeight(48)  # a header and a row: the dock may stay low, the canvas tall
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        top.addWidget(self.run_button)
        top.addWidget(self.timing, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.explanation)

    def set_scene(self, scene: GraphScene) -> None:
        self.scene = scene
        self.table.setRowCount(0)
        self.timing.setText(self.tr("Compare every Input's backprop gradient with central differences."))
        self.explanation.setText("")

    def run(self) -> CheckReport | None:
        if self.scene is None:
            return None
        graph = self.scene.graph
        report = gradient_check(graph, eps=EPS)
        self.report = report
        result = self.scene.document.evaluate_now()
        self.table.setRowCount(len(report.rows))
        notes = []
        for row, r in enumerate(report.rows):
            node = graph.nodes[r.node_id]
            diff = (
                "—"
                if r.backprop is None or r.numerical is None
                else f"{abs(r.backprop - r.numerical).max():.2e}"
            )
            if r.backprop is None:
                verdict = self.tr("no gradient")
            elif r.agrees:
                verdict = self.tr("agree")
            else:
                why = explain_disagreement(graph, result, r.node_id, EPS, QCoreApplication.translate)
                verdict = self.tr("differ (explained)") if why else self.tr("DISAGREE")
                if why:
                    notes.append(why)
            cells = [
                node.name or node.id,
                format_value(r.backprop, 8),
                format_value(r.numerical, 8),
                diff,
                verdict,
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col in (1, 2):
                    item.setToolTip(format_full(r.backprop if col == 1 else r.numerical))
                if col == 4 and not r.agrees and r.backprop is not None:
                    item.setForeground(style.GRAD_COLOR)
                self.table.setItem(row, col, item)
        n = sum(int(r.numerical.size) for r in report.rows if r.numerical is not None)
        self.timing.setText(
            self.tr(
                "Backprop: one forward and one backward pass, {bp:.3f} ms. "
                "Numerical: {passes} forward passes, {num:.3f} ms."
            ).format(bp=report.backprop_seconds * 1e3, passes=2 * n, num=report.numerical_seconds * 1e3)
        )
        self.explanation.setText("\n\n".join(notes))
        return report
