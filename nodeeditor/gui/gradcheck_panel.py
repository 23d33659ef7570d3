"""The gradient check: backprop against central differences on the open graph.

Every row of a lesson-sized graph is in sight (the table asks for the height of up to
MAX_ROWS_SHOWN rows while it is shown), and a comparison with a number that is not
finite says "NaN" and why, instead of a bare "DISAGREE".
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..model import CheckReport, Result, gradient_check
from ..model.captions import Labels
from ..model.diagnosis import explain_disagreement
from ..model.engine import CheckRow
from ..model.steps import Captions
from ..model.values import format_full, format_number, format_value
from . import style
from .exercise_view import hides
from .i18n import Retranslatable
from .scene import GraphScene

EPS = 1e-6
MAX_ROWS_SHOWN = 12  # a lesson's Inputs: all in sight without scrolling


def _finite(value: np.ndarray | None) -> bool:
    return value is not None and bool(np.isfinite(value).all())


class GradCheckPanel(Retranslatable, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scene: GraphScene | None = None
        self.report: CheckReport | None = None
        self._result: Result | None = None  # the evaluation the report was made on
        self._height_before: int | None = None  # the dock's height before the rows grew it
        self._following = False
        self._in_front = True  # this tab is the one its dock shows
        self.run_button = QPushButton()
        self.run_button.clicked.connect(self.run)
        self.timing = QLabel()
        self.timing.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.explanation = QLabel()
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)  # node names come from files
        self.explanation.setWordWrap(True)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        notes = QScrollArea()  # a long explanation scrolls; the table sets the height
        notes.setWidget(self.explanation)
        notes.setWidgetResizable(True)
        notes.setFrameShape(QFrame.Shape.NoFrame)
        notes.setMinimumHeight(0)
        top = QHBoxLayout()
        top.addWidget(self.run_button)
        top.addWidget(self.timing, 1)
        body = QHBoxLayout()
        body.addWidget(self.table, 3)
        body.addWidget(notes, 2)  # beside the table, not under it: the rows keep the height
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        self.retranslate()
        self._fit_rows()

    def set_scene(self, scene: GraphScene) -> None:
        self._follow_dock()
        self.scene = scene
        self.report, self._result = None, None
        self._show_report()

    # -- the words ------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Every text in the interface's language again; the table keeps its rows."""
        self.run_button.setText(self.tr("Check gradients"))
        headers = [self.tr("Input"), self.tr("Backprop"), self.tr("Numerical"), self.tr("Difference")]
        self.table.setHorizontalHeaderLabels([*headers, self.tr("Verdict")])
        self._show_report()

    # -- the height -------------------------------------------------------------------------

    def _fit_rows(self) -> None:
        """Ask for the height of the header and every row, up to MAX_ROWS_SHOWN: the dock
        grows to show them all (and shrinks back when this tab is not the one shown)."""
        if not self._in_front:  # re-worded behind another tab: ask for nothing until shown
            self.table.setMinimumHeight(0)
            return
        rows = min(max(self.table.rowCount(), 1), MAX_ROWS_SHOWN)
        height = self.table.horizontalHeader().sizeHint().height()
        height += sum(self.table.rowHeight(r) for r in range(rows)) if self.table.rowCount() else 0
        if not self.table.rowCount():
            height += self.table.verticalHeader().defaultSectionSize()
        self.table.setMinimumHeight(height + 2 * self.table.frameWidth())
        if self._height_before is not None:
            QTimer.singleShot(0, self, self._shrink_to_fit)

    def _shrink_to_fit(self) -> None:
        """Fewer rows than before (another graph, a new check): the dock gives back what the
        rows no longer need, down to the height it had before they grew it."""
        dock, window = self._dock(), self.window()
        if dock is None or self._height_before is None or not isinstance(window, QMainWindow):
            return
        need = dock.height() - self.table.height() + self.table.minimumHeight()
        target = max(self._height_before, need)
        if self._in_front and dock.height() > target + 4:
            window.resizeDocks([dock], [target], Qt.Orientation.Vertical)

    def _follow_dock(self) -> None:
        """Know when this tab of the dock comes forward or goes behind (a tabbed dock's
        widget gets no hide event, but the dock says so)."""
        dock = self._dock()
        if dock is not None and not self._following:
            dock.visibilityChanged.connect(self._tab_shown)
            self._following = True

    def _dock(self) -> QDockWidget | None:
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QDockWidget):
            parent = parent.parentWidget()
        return parent

    def _siblings(self) -> list[QDockWidget]:
        dock, window = self._dock(), self.window()
        if dock is None or not isinstance(window, QMainWindow):
            return []
        return window.tabifiedDockWidgets(dock)

    def _tab_shown(self, shown: bool) -> None:
        """In front: the rows ask for their height. Behind: the dock gets back the height
        it had (the height the tab in front had when this one came forward)."""
        self._in_front = shown
        if shown:
            heights = [d.height() for d in self._siblings()]  # this dock's own height is stale
            self._height_before = max(heights) if heights else None
            self._fit_rows()
            return
        self.table.setMinimumHeight(0)
        QTimer.singleShot(0, self, self._shrink_back)

    def _shrink_back(self) -> None:
        height, self._height_before = self._height_before, None
        window = self.window()
        shown = [d for d in self._siblings() if not d.visibleRegion().isEmpty()]
        if height is not None and shown and isinstance(window, QMainWindow):
            window.resizeDocks([shown[0]], [height], Qt.Orientation.Vertical)

    # -- the check -------------------------------------------------------------------------

    def run(self) -> CheckReport | None:
        if self.scene is None:
            return None
        self.report = gradient_check(self.scene.graph, eps=EPS)
        self._result = self.scene.document.evaluate_now()
        self._show_report()
        return self.report

    def _show_report(self) -> None:
        """The table, the timings and the notes of the last check, in the current language."""
        report, scene = self.report, self.scene
        if report is None or scene is None:
            self.table.setRowCount(0)
            self.timing.setText(self.tr("Compare every Input's backprop gradient with central differences."))
            self.explanation.setText("")
            self._fit_rows()
            return
        label = Labels(scene.graph, QCoreApplication.translate)
        self.table.setRowCount(len(report.rows))
        notes: dict[str, list[str]] = {}  # one note, the Inputs it is about
        for row, r in enumerate(report.rows):
            if hides(scene.document, r.node_id, "grad"):  # both columns would give the answer away
                self._fill_hidden_row(row, label(r.node_id))
                notes.setdefault(self.tr("hidden until the exercise is answered"), []).append(
                    label(r.node_id)
                )
                continue
            verdict, note, colour = self._verdict(r)
            if note:
                notes.setdefault(note, []).append(label(r.node_id))
            self._fill_row(row, label(r.node_id), r, verdict, note, colour)
        n = sum(int(r.numerical.size) for r in report.rows if r.numerical is not None)
        self.timing.setText(
            self.tr(
                "Backprop: one forward and one backward pass, {bp:.3f} ms. "
                "Numerical: {passes} forward passes, {num:.3f} ms."
            ).format(bp=report.backprop_seconds * 1e3, passes=2 * n, num=report.numerical_seconds * 1e3)
        )
        self.explanation.setText("\n\n".join(f"{', '.join(names)}: {note}" for note, names in notes.items()))
        self._fit_rows()

    def _verdict(self, r: CheckRow) -> tuple[str, str, QColor | None]:
        """The verdict of one row, a note that says why where one is known, and its colour:
        red for a disagreement nobody explained, amber for an explained one."""
        if r.backprop is None:
            return self.tr("no gradient"), "", None
        if not (_finite(r.backprop) and _finite(r.numerical)):
            return self.tr("NaN: cannot compare"), self._why_not_a_number(r), style.BADGE_WARNING
        if r.agrees:
            return self.tr("agree"), "", None
        assert self.scene is not None and self._result is not None
        why = explain_disagreement(self.scene.graph, self._result, r.node_id, EPS, QCoreApplication.translate)
        if why:
            return self.tr("differ (explained)"), why, style.BADGE_WARNING
        return self.tr("DISAGREE"), "", style.GRAD_COLOR

    def _why_not_a_number(self, r: CheckRow) -> str:
        """Why backprop or central differences give something that is not a number."""
        assert self.scene is not None and self._result is not None
        captions = Captions(self.scene.graph, self._result, QCoreApplication.translate)
        if not _finite(r.backprop):
            return self.tr("backprop gives {value}: {why}").format(
                value=format_value(r.backprop), why=captions.why(r.node_id, gradient=True)
            )
        loss = self._result.loss
        if loss is not None and not np.isfinite(loss):
            outputs = [n for n in self.scene.graph.of_type("Output") if not _finite(self._result.value(n))]
            why = captions.why(outputs[0]) if outputs else ""
            return self.tr(
                "L is {loss} here ({why}), so central differences are NaN: there is nothing to compare."
            ).format(loss=format_number(loss), why=why)
        return self.tr(
            "L is not a number a step ε = {eps} away from this value, so central differences are NaN there."
        ).format(eps=format_number(EPS))

    def _fill_hidden_row(self, row: int, name: str) -> None:
        for col, text in enumerate([name, "?", "?", "?", self.tr("hidden (exercise)")]):
            self.table.setItem(row, col, QTableWidgetItem(text))

    def _fill_row(
        self, row: int, name: str, r: CheckRow, verdict: str, note: str, colour: QColor | None
    ) -> None:
        diff = "—" if r.difference is None else format_number(r.difference, 3)
        cells = [name, format_value(r.backprop, 8), format_value(r.numerical, 8), diff, verdict]
        for col, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if col in (1, 2):
                item.setToolTip(format_full(r.backprop if col == 1 else r.numerical))
            if col == 4 and note:
                item.setToolTip(note)
            if col == 4 and colour is not None:
                item.setForeground(colour)
            self.table.setItem(row, col, item)
