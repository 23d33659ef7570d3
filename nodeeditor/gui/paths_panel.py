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
        self.setObjectName("path-row")

    def enterEvent(self, event: QEvent) -> None:  # noqa: N802
        self.panel.hover(self.index)
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802
        self.panel.hover(None)
        super().leaveEvent(event)


class PathsPanel(Retranslatable, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scene: GraphScene | None = None
        self.node_id: str | None = None
        self._shown_for: tuple[str | None, str | None] | None = None  # (node, paths') last in sight
        self.button = QToolButton()  # its action is the window's "Paths to the loss"
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.summary = _plain_label()
        self.list = QWidget()  # one PathRow per listed path
        self.list.setObjectName("path-list")
        self.list.setStyleSheet(
            "#path-row { border-bottom: 1px solid palette(mid); } "
            f"#path-row:hover {{ background: {style.PATH_COLOR.lighter(190).name()}; }}"
        )
        self._rows = QVBoxLayout(self.list)
        self._rows.setContentsMargins(0, 0, 0, 0)
        self._rows.setSpacing(0)
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
        self.setVisible(scene is not None and self.node_id is not None)
        report = scene.modes.report if scene is not None else None
        shown = report is not None and scene is not None and scene.modes.paths_node == self.node_id
        for widget in (self.summary, self.list, self.more, self.total):
            widget.setVisible(shown)
        if not shown:
            self._shown_for = None
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
        self._fill(report.paths)
        self.list.setVisible(bool(report.paths))
        hidden = report.count - len(report.paths)
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
        while self._rows.count():
            item = self._rows.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for i, path in enumerate(paths):
            row = PathRow(self, i)
            row.setText(self.path_text(path))
            self._rows.addWidget(row)

    def rows(self) -> list[PathRow]:
        return [self._rows.itemAt(i).widget() for i in range(self._rows.count())]  # type: ignore[misc]

    def path_text(self, path: Any) -> str:
        """One path's caption, e.g. x → t → z: ∂z/∂t · ∂t/∂x = 6 · 1 = 6."""
        from ..model.steps import path_caption

        scene = self.scene
        assert scene is not None and scene.result is not None and self.node_id is not None
        return path_caption(scene.graph, scene.result, path, self.node_id, QCoreApplication.translate)

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
        if report.scalar and report.count == 1 and None not in products:
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
