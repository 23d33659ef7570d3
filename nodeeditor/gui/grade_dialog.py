"""File ▸ Grade a Folder…: a teacher's class graded without a terminal (issue 12 §2).

The teacher picks the reference graph and the folder of hand-ins; every graph file in the
folder (but the reference) gets a row: file, verdict, score, reason, as ``nodeeditor grade``
prints them, sortable by any column, exported as CSV for a spreadsheet. The grading itself is
the model's (``model.grading``); this widget only asks, shows and saves. Files are graded a
few at a time from the event loop, so a big folder shows its progress and the window answers.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP as _T
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..model.grading import BadReferenceError, Reference, Row, csv_bytes, load_reference, table_rows
from ..model.safe_write import write_file
from . import dialogs
from .i18n import Retranslatable, error_text

GRAPH_SUFFIXES = (".bpgraph", ".json")
REFERENCE_FILTER = _T("GradeDialog", "Graph files (*.bpgraph *.json);;All files (*)")
SLICE_SECONDS = 0.05  # grading between two turns of the event loop: the window stays responsive
HEADERS = (
    _T("GradeDialog", "File"),
    _T("GradeDialog", "Verdict"),
    _T("GradeDialog", "Score"),
    _T("GradeDialog", "Reason"),
)
PASSED, FAILED = _T("GradeDialog", "pass"), _T("GradeDialog", "FAIL")
PASS_COLOR, FAIL_COLOR = QColor("#1b7f3b"), QColor("#b3261e")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the row's place in ``GradeDialog.rows``


def submissions_in(folder: Path, reference: Path | None = None) -> list[Path]:
    """The graph files directly in ``folder``, by name, without the reference itself."""
    with os.scandir(folder) as entries:
        files = sorted(
            (
                Path(e.path)
                for e in entries
                if Path(e.name).suffix.lower() in GRAPH_SUFFIXES and not e.is_dir()
            ),
            key=lambda p: p.name,
        )
    return [p for p in files if reference is None or not _same_file(p, reference)]


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


class GradeDialog(Retranslatable, QDialog):
    """Pick a reference and a folder, grade, sort, export."""

    def __init__(self, parent: QWidget | None = None, start_dir: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("grade_dialog")
        self.start_dir = start_dir
        self.reference_path: Path | None = None
        self.folder: Path | None = None
        self.rows: list[Row] = []
        self._reference: Reference | None = None
        self._todo: list[Path] = []
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._grade_some)
        self._build()
        self.retranslate()
        self.resize(900, 560)

    def _build(self) -> None:
        self.reference_label, self.folder_label = QLabel(), QLabel()
        self.reference_edit, self.folder_edit = QLineEdit(), QLineEdit()
        for edit in (self.reference_edit, self.folder_edit):
            edit.setReadOnly(True)
        self.reference_button, self.folder_button = QPushButton(), QPushButton()
        self.reference_button.clicked.connect(self.choose_reference)
        self.folder_button.clicked.connect(self.choose_folder)
        pick = QGridLayout()
        pick.addWidget(self.reference_label, 0, 0)
        pick.addWidget(self.reference_edit, 0, 1)
        pick.addWidget(self.reference_button, 0, 2)
        pick.addWidget(self.folder_label, 1, 0)
        pick.addWidget(self.folder_edit, 1, 1)
        pick.addWidget(self.folder_button, 1, 2)
        self.model = QStandardItemModel(0, len(HEADERS), self)
        self.model.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)  # by file name, until a header is clicked
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.progress = QProgressBar()
        self.status = QLabel()
        self.grade_button, self.export_button, self.close_button = QPushButton(), QPushButton(), QPushButton()
        self.grade_button.clicked.connect(self.start_or_stop)
        self.export_button.clicked.connect(self.export_csv)
        self.close_button.clicked.connect(self.close)
        self.export_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.grade_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(pick)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        self._update_buttons()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Grade a Folder"))
        self.reference_label.setText(self.tr("Reference:"))
        self.folder_label.setText(self.tr("Folder of submissions:"))
        self.reference_edit.setPlaceholderText(self.tr("the graph the students' graphs must compute"))
        self.folder_edit.setPlaceholderText(self.tr("every graph file in it is graded"))
        self.reference_button.setText(self.tr("Choose…"))
        self.folder_button.setText(self.tr("Choose…"))
        self.export_button.setText(self.tr("Export CSV…"))
        self.close_button.setText(self.tr("Close"))
        self.model.setHorizontalHeaderLabels([self.tr(h) for h in HEADERS])
        self._update_buttons()
        for r in range(self.model.rowCount()):
            index = self.model.item(r, 0).data(ROW_ROLE)
            self._fill(r, self.rows[index], index)
        self._show_count()

    # -- choosing ------------------------------------------------------------------------------

    def choose_reference(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the Reference"), self._start(), self.tr(REFERENCE_FILTER)
        )
        if path:
            self.reference_path = Path(path)
            self.reference_edit.setText(path)
            self._update_buttons()

    def choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the Folder of Submissions"), self._start()
        )
        if path:
            self.folder = Path(path)
            self.folder_edit.setText(path)
            self._update_buttons()

    def _start(self) -> str:
        chosen = self.folder or (self.reference_path.parent if self.reference_path else None)
        return str(chosen) if chosen else self.start_dir

    # -- grading -------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start_or_stop(self) -> None:
        if self.running:
            self._finish(stopped=True)
        else:
            self.start()

    def start(self) -> None:
        """Read the reference and list the folder; say clearly what stops it. Then grade a few
        files per turn of the event loop."""
        if self.reference_path is None or self.folder is None:
            return
        try:
            reference = load_reference(self.reference_path)
        except BadReferenceError as exc:
            self._refuse(self.tr("The reference cannot be used"), self.reference_path, exc)
            return
        except Exception as exc:  # GraphFileError, and whatever else a strange file may raise
            self._refuse(self.tr("The reference cannot be read"), self.reference_path, exc)
            return
        try:
            todo = submissions_in(self.folder, self.reference_path)
        except OSError as exc:
            self._refuse(self.tr("The folder cannot be read"), self.folder, exc)
            return
        if not todo:
            dialogs.critical(
                self,
                self.tr("Nothing to grade"),
                self.tr("{folder} holds no graph files (.bpgraph or .json).").format(folder=self.folder),
            )
            return
        self._reference, self._todo, self.rows = reference, todo, []
        self.model.removeRows(0, self.model.rowCount())
        self.table.setSortingEnabled(False)  # rows keep coming: sorted once they are all in
        self.progress.setRange(0, len(todo))
        self.progress.setValue(0)
        self._timer.start()
        self._update_buttons()
        self._show_count()

    def _refuse(self, title: str, path: Path, exc: Exception) -> None:
        text = (exc.strerror or str(exc)) if isinstance(exc, OSError) else error_text(exc)
        dialogs.critical(self, title, f"{path}:\n{text}")

    def _grade_some(self) -> None:
        end = time.perf_counter() + SLICE_SECONDS
        while self._todo and time.perf_counter() < end:
            path = self._todo.pop(0)
            row = self._reference.grade_file(path)  # type: ignore[union-attr]
            self.rows.append(row)
            items = [QStandardItem() for _ in HEADERS]
            self.model.appendRow(items)
            self._fill(self.model.rowCount() - 1, row, len(self.rows) - 1)
        self.progress.setValue(len(self.rows))
        self._show_count()
        if not self._todo:
            self._finish(stopped=False)

    def _finish(self, stopped: bool) -> None:
        self._timer.stop()
        self._todo = []
        self.table.setSortingEnabled(True)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self._update_buttons()
        self._show_count(stopped)

    def _fill(self, r: int, row: Row, index: int) -> None:
        """One table row in the interface's language; ``index`` is its place in ``rows``."""
        passed, failed = self.tr(PASSED), self.tr(FAILED)
        name = Path(row.file).name
        _, verdict, score, reason = table_rows([row], passed, failed, QCoreApplication.translate)[0]
        cells = [self.model.item(r, c) for c in range(len(HEADERS))]
        for cell, text, key in zip(
            cells, (name, verdict, score, reason), (name.casefold(), row.ok, row.score, reason), strict=True
        ):
            cell.setText(text)
            cell.setData(key, SORT_ROLE)  # a score sorts as a number, a name without case
        cells[0].setToolTip(row.file)
        cells[0].setData(index, ROW_ROLE)
        cells[1].setForeground(QBrush(PASS_COLOR if row.ok else FAIL_COLOR))
        cells[2].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        cells[3].setToolTip(reason)

    def _show_count(self, stopped: bool = False) -> None:
        done, passed = len(self.rows), sum(r.ok for r in self.rows)
        total = done + len(self._todo)
        if not self.rows:
            text = self.tr("Choose the reference and the folder, then Grade.")
        elif self.running:
            text = self.tr("Graded {done} of {total}…").format(done=f"{done:,}", total=f"{total:,}")
        elif stopped:
            text = self.tr("Stopped: {passed} of {done} graded files passed.").format(
                passed=passed, done=done
            )
        else:
            text = self.tr("{passed} of {done} passed.").format(passed=passed, done=done)
        self.status.setText(text)

    def _update_buttons(self) -> None:
        self.grade_button.setText(self.tr("Stop") if self.running else self.tr("Grade"))
        self.grade_button.setEnabled(
            self.running or (self.reference_path is not None and self.folder is not None)
        )
        self.export_button.setEnabled(bool(self.rows) and not self.running)
        for w in (self.reference_button, self.folder_button):
            w.setEnabled(not self.running)

    # -- export ----------------------------------------------------------------------------

    def export_csv(self) -> None:
        start = str((self.folder or Path(self.start_dir or ".")) / "grades.csv")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export CSV"), start, self.tr("CSV for a spreadsheet (*.csv)")
        )
        if not path:
            return
        if not Path(path).suffix:
            path += ".csv"
        header = [self.model.horizontalHeaderItem(c).text() for c in range(len(HEADERS))]
        cells = [
            [self.model.item(r, c).text() for c in range(len(HEADERS))] for r in range(self.model.rowCount())
        ]
        try:
            write_file(path, csv_bytes(header, cells))
        except OSError as exc:
            dialogs.critical(self, self.tr("Export failed"), f"{path}:\n{exc.strerror or exc}")
            return
        self.status.setText(self.tr("Saved {path}").format(path=path))

    def closeEvent(self, event) -> None:  # noqa: N802
        self._timer.stop()
        self._todo = []
        super().closeEvent(event)
