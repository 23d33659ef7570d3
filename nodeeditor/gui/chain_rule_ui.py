"""The window's side of issue 11: paths to the loss, any node as the target, forward mode.

One object per window. It owns the actions (in the node's context menu, the View menu and
the toolbar), the target selector, the banner and the legend over the canvas, and follows
the window's scene. What it changes is view state (the document's target, the scene's
modes): never an edit, never on the undo stack, never saved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP as _T
from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QMenu, QToolBar, QWidget

from ..model import Graph
from ..model.captions import plain, top_symbol
from . import exercise_menu, exercise_view
from .i18n import Retranslatable, type_text
from .scene import GraphScene
from .target_banner import Legend, OverlayPlacer, TargetBanner

if TYPE_CHECKING:
    from .main_window import MainWindow

PATHS_KEY = "P"
EXERCISE_LOCK = _T(
    "ChainRuleUi",
    "Paths, other targets and forward mode are off while the exercise has numbers to predict: "
    "their numbers add up to the answers.",
)
SELECTOR_LIMIT = 2000  # nodes listed in the target selector; a bigger graph targets by right-click


class ChainRuleUi(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.scene: GraphScene | None = None
        view = window.view
        self.banner = TargetBanner(view)
        self.banner.back_to_loss.connect(self.back_to_loss)
        self.legend = Legend(view)
        self._placer = OverlayPlacer(view, self.banner, self.legend)
        self.paths_action = window._action(
            _T("MainWindow", "&Paths to the Loss"), self.toggle_paths, PATHS_KEY, checkable=True
        )
        self.target_action = window._action(
            _T("MainWindow", "&Differentiate This Node"), self.differentiate_selected
        )
        self.forward_action = window._action(
            _T("MainWindow", "Forward-Mode Derivatives from &Here"), self.forward_from_selected
        )
        self.forward_off_action = window._action(
            _T("MainWindow", "Forward Mode &Off"), lambda: self.set_wrt(None)
        )
        self.loss_action = window._action(_T("MainWindow", "&Back to the Loss"), self.back_to_loss)
        window.inspector.paths.button.setDefaultAction(self.paths_action)
        window.inspector.forward.off.setDefaultAction(self.forward_off_action)
        self.selector = TargetSelector()
        self.selector.chosen.connect(self.set_target)
        view.node_menu_requested.connect(self.node_menu)
        self.menu: QMenu | None = None  # the last context menu (tests pick from it)

    # -- the window's parts ----------------------------------------------------------------

    def fill_menu(self, menu: QMenu) -> None:
        """The View menu's entries."""
        menu.addActions([self.paths_action, self.target_action, self.loss_action])
        menu.addActions([self.forward_action, self.forward_off_action])

    def fill_toolbar(self, bar: QToolBar) -> None:
        bar.addSeparator()
        bar.addWidget(self.selector.caption)
        bar.addWidget(self.selector)

    def set_scene(self, scene: GraphScene) -> None:
        self.scene = scene
        scene.document.target_changed.connect(self._target_changed)
        scene.modes.changed.connect(self._modes_changed)
        scene.selectionChanged.connect(self._selection_changed)
        scene.document.evaluated.connect(self._evaluated)
        self.selector.set_scene(scene)
        self.paths_action.setChecked(scene.modes.paths_on)
        self._target_changed()
        self._modes_changed()
        self._selection_changed()

    # -- choosing ----------------------------------------------------------------------------

    def _selected(self) -> str | None:
        scene = self.scene
        if scene is None or not shiboken6.isValid(scene):  # a scene being destroyed
            return None
        ids = scene.selected_node_ids()
        return ids[0] if len(ids) == 1 else None

    def _refused(self) -> bool:
        """While an exercise waits for its answers the chain rule's views stay off, and say why."""
        if self.scene is None or not exercise_view.locks_chain_views(self.scene.document):
            return False
        self.window.show_message(self.tr(EXERCISE_LOCK))
        return True

    def toggle_paths(self, on: bool) -> None:
        """Paths from the selected node to the loss, following the selection while on."""
        if on and self._refused():
            on = False
        if self.scene is not None:
            self.scene.modes.set_paths_on(on)
        self.paths_action.setChecked(on)

    def differentiate_selected(self) -> None:
        node = self._selected()
        if node is not None:
            self.set_target(node)

    def set_target(self, node_id: str | None) -> None:
        if node_id is not None and self._refused():
            return
        if self.scene is not None:
            self.scene.document.set_target(node_id)

    def back_to_loss(self) -> None:
        self.set_target(None)

    def forward_from_selected(self) -> None:
        node = self._selected()
        if node is not None and self.scene is not None and self.scene.graph.nodes[node].type == "Input":
            self.set_wrt(node)

    def set_wrt(self, node_id: str | None, direction: object = None) -> None:
        if node_id is not None and self._refused():
            return
        if self.scene is not None:
            self.scene.modes.set_wrt(node_id, direction)

    def node_menu(self, global_pos: QPoint, node_id: str) -> None:
        """Right-click on a node: what the chain rule can show from it."""
        scene = self.scene
        if scene is None or node_id not in scene.graph.nodes:
            return
        if node_id not in scene.selected_node_ids() or len(scene.selected_node_ids()) != 1:
            scene.clearSelection()
            scene.node_items[node_id].setSelected(True)
        menu = QMenu(self.window)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.paths_action)
        menu.addAction(self.target_action)
        if scene.document.target is not None:
            menu.addAction(self.loss_action)
        if scene.graph.nodes[node_id].type == "Input":
            menu.addAction(self.forward_action)
        if scene.modes.wrt is not None:
            menu.addAction(self.forward_off_action)
        menu.addSeparator()
        exercise_menu.add_actions(menu, self.window.view)
        self.menu = menu
        menu.popup(global_pos)

    # -- following the scene ---------------------------------------------------------------

    def _selection_changed(self) -> None:
        scene = self.scene
        if scene is None or not shiboken6.isValid(scene):
            return
        node = self._selected()
        is_input = node is not None and scene.graph.nodes[node].type == "Input"
        self.forward_action.setEnabled(is_input)
        self.target_action.setEnabled(node is not None)

    def _target_changed(self) -> None:
        scene = self.scene
        if scene is None:
            return
        target = scene.document.target
        self.loss_action.setEnabled(target is not None)
        self.selector.show_target(target)
        if target is None:
            self.banner.show_target(None)
        else:
            value = scene.result.value(target) if scene.result is not None else None
            shape = tuple(np.shape(value)) if value is not None else ()
            self.banner.show_target(scene.shown_name(target), in_fraction(scene.graph, target), shape)
        self._modes_changed()

    def _evaluated(self, result: object) -> None:
        if self.scene is not None and self.scene.document.target is not None:
            self._target_changed()  # the target's shape may have changed with the edit

    def _modes_changed(self) -> None:
        scene = self.scene
        if scene is None:
            return
        modes = scene.modes
        wrt = in_fraction(scene.graph, modes.wrt) if modes.wrt is not None else None
        target = in_fraction(scene.graph, scene.document.target)
        self.legend.show_state(target, wrt, modes.report is not None)
        self.forward_off_action.setEnabled(modes.wrt is not None)


def in_fraction(graph: Graph, node_id: str | None) -> str:
    """A node's symbol as it stands in ∂t/∂(wire) or d(wire)/dx: (apple price) in brackets."""
    return format(plain(top_symbol(graph, node_id)), "a")


class TargetSelector(Retranslatable, QComboBox):
    """The toolbar's choice of what to differentiate: the loss, or any node."""

    chosen = Signal(object)  # a node id, or None for the loss

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel()
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.scene: GraphScene | None = None
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setMinimumContentsLength(12)
        self.activated.connect(self._activated)
        self.retranslate()

    def retranslate(self) -> None:
        self.caption.setText(self.tr("Gradients of:") + " ")
        self.setToolTip(
            self.tr("The node the red labels are the gradients of (its derivative with respect to each wire)")
        )
        self.fill()

    def set_scene(self, scene: GraphScene) -> None:
        self.scene = scene
        scene.document.changed.connect(self._on_change)
        self.fill()

    def _on_change(self, event: object) -> None:
        if getattr(event, "kind", "") in ("node_added", "node_removed", "node_renamed"):
            self.fill()

    def fill(self) -> None:
        """The loss first, then every node by its shown name (up to SELECTOR_LIMIT)."""
        self.blockSignals(True)
        self.clear()
        self.addItem(self.tr("the loss (L)"), None)
        scene = self.scene
        if scene is not None:
            for node_id in list(scene.graph.nodes)[:SELECTOR_LIMIT]:
                node = scene.graph.nodes[node_id]
                self.addItem(f"{scene.shown_name(node_id)} · {type_text(node.type)} ({node_id})", node_id)
            self.show_target(scene.document.target)
        self.blockSignals(False)

    def show_target(self, node_id: str | None) -> None:
        index = self.findData(node_id) if node_id is not None else 0
        self.setCurrentIndex(max(0, index))

    def _activated(self, index: int) -> None:
        self.chosen.emit(self.itemData(index))


def shortcut_text() -> str:
    return QKeySequence(PATHS_KEY).toString(QKeySequence.SequenceFormat.NativeText)
