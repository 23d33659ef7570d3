"""The inspector's list of the paths from a node to the loss (issue 11 §1).

Every path is one row: its caption (the local derivatives along it, multiplied, in
numbers), largest contribution first, at most PATH_LIMIT of them, then how many more
there are (the model counts them exactly) and that the products add up to the gradient.
Hovering a row draws that path alone on the canvas. ``PathsPanel.path_text`` and
``PathsPanel.total_text`` are the one place this panel turns the model's numbers into
text (an exercise that hides numbers masks them there).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListWidget, QToolButton, QVBoxLayout, QWidget

from .i18n import Retranslatable
from .scene import GraphScene
from .target_banner import target_symbol


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


class PathList(QListWidget):
    """Rows that say which one the mouse is over, and when it leaves."""

    def __init__(self, panel: PathsPanel) -> None:
        super().__init__()
        self.panel = panel
        self.setMouseTracking(True)
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.itemEntered.connect(lambda item: panel.hover(self.row(item)))

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802
        self.panel.hover(None)
        super().leaveEvent(event)


class PathsPanel(Retranslatable, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scene: GraphScene | None = None
        self.node_id: str | None = None
        self.button = QToolButton()  # its action is the window's "Paths to the loss"
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.summary = _plain_label()
        self.list = PathList(self)
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
            return
        assert scene is not None and report is not None
        name = scene.shown_name(self.node_id)  # type: ignore[arg-type]
        t = target_symbol(scene.graph, scene.document.target)
        if report.count == 0:
            self.summary.setText(self.tr("No path of wires leads from {node} to {t}.").format(node=name, t=t))
        else:
            self.summary.setText(
                self.tr("Paths from {node} to {t}: {n}, the largest contributions first").format(
                    node=name, t=t, n=grouped(report.count)
                )
            )
        self.list.clear()
        for path in report.paths:
            self.list.addItem(self.path_text(path))
        self.list.setVisible(bool(report.paths))
        self._fit_list()
        hidden = report.count - len(report.paths)
        self.more.setVisible(hidden > 0)
        self.more.setText(self.tr("and {n} more").format(n=grouped(hidden)))
        self.total.setText(self.total_text(report))

    def _fit_list(self) -> None:
        """As tall as its rows, up to a dozen: the inspector scrolls, not a list inside it."""
        rows = self.list.count()
        height = sum(self.list.sizeHintForRow(r) for r in range(min(rows, 12)))
        self.list.setFixedHeight(height + 2 * self.list.frameWidth() + 4)

    def path_text(self, path: Any) -> str:
        """One path's caption, e.g. x → t → z: ∂z/∂t · ∂t/∂x = 6 · 1 = 6."""
        from ..model.captions import path_caption

        assert self.scene is not None and self.scene.result is not None
        return path_caption(self.scene.graph, self.scene.result, path, QCoreApplication.translate)

    def total_text(self, report: Any) -> str:
        """That the products add up to the gradient."""
        from ..model.captions import paths_total_caption

        assert self.scene is not None and self.scene.result is not None
        return paths_total_caption(self.scene.graph, self.scene.result, report, QCoreApplication.translate)
