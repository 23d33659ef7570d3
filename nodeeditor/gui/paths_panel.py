"""The inspector's list of the paths from a node to the loss (issue 11 §1).

Every path is one row: its caption (the local derivatives along it, multiplied, in
numbers), largest contribution first, at most PATH_LIMIT of them, then how many more
there are (the model counts them exactly) and that the products add up to the gradient.
Hovering a row draws that path alone on the canvas. The rows are labels, not a list
view: they wrap and take the height their words need, and the inspector scrolls. ``PathsPanel.path_text`` and
``PathsPanel.total_text`` are the one place this panel turns the model's numbers into
text (an exercise that hides numbers masks them there).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..model.captions import Symbols, number, partial, top_symbol
from ..model.values import format_number, format_value
from . import style
from .i18n import Retranslatable
from .scene import GraphScene
from .tooltips import plain_tooltip

MAX_ROW_CHARS = 320  # a deep graph's nodes are named by long expressions: the rest is in the tooltip


def _shortened(text: str) -> str:
    """A caption of at most MAX_ROW_CHARS: its start (where the path begins) and its end
    (the numbers and their product) with "…" between."""
    if len(text) <= MAX_ROW_CHARS:
        return text
    keep = MAX_ROW_CHARS // 2 - 1
    return text[:keep] + " … " + text[-keep:]


def grouped(n: int) -> str:
    """An exact count with the locale's digit groups, however large (QLocale stops at 2⁶³)."""
    separator = QLocale().groupSeparator()
    return f"{n:,}".replace(",", separator)


def _plain_label() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)  # names come from files
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class PathRow(QLabel):
    """One listed path; the mouse over it draws that path alone on the canvas."""

    def __init__(self, panel: PathsPanel, index: int) -> None:
        super().__init__()
        self.panel, self.index = panel, index
        self.setTextFormat(Qt.TextFormat.PlainText)  # names come from files
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setMargin(3)
        self.setAutoFillBackground(False)  # filled (in the paths' colour, lightened) while hovered
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, style.PATH_COLOR.lighter(190))
        self.setPalette(palette)

    def enterEvent(self, event: QEvent) -> None:  # noqa: N802
        self.setAutoFillBackground(True)
        self.panel.hover(self.index)
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802
        self.setAutoFillBackground(False)
        self.panel.hover(None)
        super().leaveEvent(event)


class PathsPanel(Retranslatable, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scene: GraphScene | None = None
        self.node_id: str | None = None
        self._shown_for: tuple[str | None, str | None] | None = None  # (node, paths') last in sight
        self._filled: tuple[Any, str] | None = None  # (report, language) the rows show
        self.button = QToolButton()  # its action is the window's "Paths to the loss"
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.summary = _plain_label()
        self.list = QWidget()  # one PathRow per listed path (no style sheet: slow to apply to 20 rows)
        self._rows = QVBoxLayout(self.list)
        self._rows.setContentsMargins(0, 0, 0, 0)
        self._rows.setSpacing(1)
        self._row_widgets: list[PathRow] = []  # made once, reused
        self.more = _plain_label()
        self.total = _plain_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.button, self.summary, self.list, self.more, self.total):
            layout.addWidget(widget)
        self.retranslate()

    def retranslate(self) -> None:
        self.refresh()

    def set_scene(self, scene: GraphScene) -> None:
        self.scene = scene
        scene.modes.changed.connect(self.refresh)
        self.refresh()

    def show_node(self, node_id: str | None) -> None:
        self.node_id = node_id
        self.refresh()

    def hover(self, row: int | None) -> None:
        if self.scene is not None:
            self.scene.modes.hover_path(row)

    def refresh(self) -> None:
        scene = self.scene
        wanted = scene is not None and self.node_id is not None
        if self.isHidden() == wanted:  # each change lays the inspector out again: only when needed
            self.setVisible(wanted)
        report = scene.modes.report if scene is not None else None
        shown = report is not None and scene is not None and scene.modes.paths_node == self.node_id
        for widget in (self.summary, self.list, self.more, self.total):
            if widget.isHidden() == shown:
                widget.setVisible(shown)
        if not shown:
            self._shown_for = self._filled = None
            return
        assert scene is not None and report is not None
        name = scene.shown_name(self.node_id)  # type: ignore[arg-type]
        t = top_symbol(scene.graph, scene.document.target)
        if report.count == 0:
            self.summary.setText(self.tr("No path of wires leads from {node} to {t}.").format(node=name, t=t))
        else:
            self.summary.setText(
                self.tr("Paths from {node} to {t}: {n}, the largest contributions first").format(
                    node=name, t=t, n=grouped(report.count)
                )
            )
        language = QCoreApplication.translate("PathsPanel", "and {n} more")
        filled = self._filled
        if filled is None or filled[0] is not report or filled[1] != language:
            self._filled = (report, language)  # the same report again (another signal): rows as they are
            self._fill(report.paths)
        if self.list.isHidden() == bool(report.paths):
            self.list.setVisible(bool(report.paths))
        hidden = report.count - len(report.paths)
        if self.more.isHidden() == (hidden > 0):
            self.more.setVisible(hidden > 0)
        self.more.setText(self.tr("and {n} more").format(n=grouped(hidden)))
        self.total.setText(self.total_text(report))
        if self._shown_for != (self.node_id, scene.modes.paths_node):
            self._shown_for = (self.node_id, scene.modes.paths_node)
            QTimer.singleShot(0, self, self._bring_into_sight)

    def _bring_into_sight(self) -> None:
        """Paths just turned on (or moved to this node): the inspector scrolls to the list."""
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is not None and self.list.isVisible():
            parent.ensureWidgetVisible(self.list, 0, 0)

    def _fill(self, paths: Any) -> None:
        scene = self.scene
        assert scene is not None and scene.result is not None
        # The scene's shared captions: they name the nodes once (a deep graph's names are long to make).
        captions = scene.modes.captions()
        self._rows.setEnabled(False)  # one layout pass for all the rows, not one per row
        try:
            self._set_rows(paths, captions)
        finally:
            self._rows.setEnabled(True)
            self._rows.invalidate()

    def _set_rows(self, paths: Any, captions: Any) -> None:
        while len(self._row_widgets) < len(paths):
            row = PathRow(self, len(self._row_widgets))
            self._row_widgets.append(row)
            self._rows.addWidget(row)
        for row, path in zip(self._row_widgets, paths, strict=False):
            text = self.path_text(path, captions)
            row.setText(_shortened(text))
            row.setToolTip(plain_tooltip(text) if len(text) > MAX_ROW_CHARS else "")
        for i, row in enumerate(self._row_widgets):
            if row.isHidden() != (i >= len(paths)):  # each change lays the inspector out again
                row.setVisible(i < len(paths))

    def rows(self) -> list[PathRow]:
        """The rows that show a path."""
        return [row for row in self._row_widgets if not row.isHidden()]

    def path_text(self, path: Any, captions: Any) -> str:
        """One path's caption, e.g. x → t → z: ∂z/∂t · ∂t/∂x = 6 · 1 = 6."""
        assert self.node_id is not None
        return captions.path(path, self.node_id)

    def total_text(self, report: Any) -> str:
        """That the products add up to the gradient: every product summed when all are listed
        (6 + 6 = 12 = ∂L/∂x), else the gradient the rest add up to with them."""
        scene = self.scene
        assert scene is not None and self.node_id is not None
        name = partial(top_symbol(scene.graph, scene.document.target), Symbols(scene.graph)(self.node_id))
        gradient = format_value(report.gradient)
        if report.count == 0:
            return f"{name} = {gradient}"
        products = [p.product for p in report.paths]
        if report.count == 1:  # for vectors too: the product of the local derivatives (Jacobians)
            return self.tr("The one path's product is the gradient: {gradient} = {d}").format(
                gradient=gradient, d=name
            )
        if report.scalar and report.more == 0 and None not in products:
            terms = " + ".join(format(number(format_number(p)), "p") for p in products)
            return self.tr("The products add up to the gradient: {terms} = {gradient} = {d}").format(
                terms=terms, gradient=gradient, d=name
            )
        return self.tr("All {n} products add up to the gradient: {d} = {gradient}").format(
            n=grouped(report.count), d=name, gradient=gradient
        )
