"""Training: mark Inputs as parameters, step down the gradient, watch the loss fall.

The loss plot is a view of the training history, and the history lives on the undo stack:
each training command carries the losses of its steps, so undo and redo rewind and
replay the curve with the values (issue 10 #4).
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..model import Graph, GraphError, GraphEvent
from ..model.training import TRAINABLE, descent_step, train, trainable_ids
from .commands import SetExtraCommand, SetValuesCommand
from .i18n import Retranslatable, error_text
from .loss_plot import LossPlot
from .scene import GraphScene


class TrainCommand(SetValuesCommand):
    """Training steps applied as one undo step, with the losses they walked through."""

    def __init__(
        self, graph: Graph, old: dict[str, Any], new: dict[str, Any], text: str, losses: list[float]
    ):
        super().__init__(graph, old, new, text)
        self.losses = losses  # the loss before each step
        self.after: float | None = None  # the loss after the last one, once evaluated


class TrainingPanel(Retranslatable, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scene: GraphScene | None = None
        self._start = 0  # "Clear plot": the history starts at this undo index
        self._trained: dict[int, TrainCommand] = {}  # the training commands by undo index
        self._curve: list[float] = []  # the loss after 0, 1, … steps of the history
        self.params = QListWidget()
        self.params.itemChanged.connect(self._toggled)
        self.rate = QDoubleSpinBox()
        self.rate.setDecimals(4)
        self.rate.setRange(0.0001, 100.0)
        self.rate.setSingleStep(0.01)
        self.rate.setValue(0.5)
        self.count = QSpinBox()
        self.count.setRange(1, 100_000)
        self.count.setValue(100)
        self.step_button = QPushButton()
        self.run_button = QPushButton()
        self.clear_button = QPushButton()
        self.step_button.clicked.connect(self.step)
        self.run_button.clicked.connect(self.run)
        self.clear_button.clicked.connect(self.clear)
        self.plot = LossPlot()
        self.rate_label, self.count_label = QLabel(), QLabel()
        form = QFormLayout()
        form.addRow(self.rate_label, self.rate)
        form.addRow(self.count_label, self.count)
        # Two rows of buttons: the dock beside the canvas stays narrow on a laptop screen.
        buttons = QGridLayout()
        buttons.addWidget(self.step_button, 0, 0)
        buttons.addWidget(self.run_button, 0, 1)
        buttons.addWidget(self.clear_button, 1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.params, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.plot, 2)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the interface's language again; the ticks and the plot stay."""
        self.params.setToolTip(self.tr("Tick the Inputs that training may change (the parameters)."))
        self.step_button.setText(self.tr("Step"))
        self.run_button.setText(self.tr("Run N steps"))
        self.clear_button.setText(self.tr("Clear plot"))
        self.rate_label.setText(self.tr("Learning rate"))
        self.count_label.setText(self.tr("N"))
        self.plot.update()

    def set_scene(self, scene: GraphScene) -> None:
        if (
            self.scene is not None
            and shiboken6.isValid(self.scene)
            and shiboken6.isValid(self.scene.document)
        ):
            old = self.scene.document  # a document handed on may live on: stop following it
            old.changed.disconnect(self._on_change)
            old.evaluated.disconnect(self._show_loss)
            if shiboken6.isValid(old.undo_stack):
                old.undo_stack.indexChanged.disconnect(self._show_history)
        self.scene = scene
        self._start = 0
        self._trained = {}
        scene.document.changed.connect(self._on_change)
        scene.document.evaluated.connect(self._show_loss)
        scene.document.undo_stack.indexChanged.connect(self._show_history)
        self._fill()
        self._show_history()

    # -- the history ------------------------------------------------------------------------

    @property
    def losses(self) -> list[float]:
        """The loss at every step of the training history, the values on screen last."""
        return self.plot.losses

    def _history(self) -> list[float]:
        """The losses of the training commands applied, from the last "Clear plot" on.

        Only the training commands are looked at (where they were pushed), not the whole
        undo stack: an edit costs the same after a thousand others. A command no longer at
        its place was dropped by an edit after an undo, and is forgotten."""
        assert self.scene is not None
        stack = self.scene.document.undo_stack
        losses: list[float] = []
        after = None
        for at in sorted(self._trained):
            command = self._trained[at]
            if at >= stack.count() or stack.command(at) is not command:
                del self._trained[at]
            elif self._start <= at < stack.index():
                losses += command.losses
                after = command.after
        return [*losses, after] if losses and after is not None else losses

    def _alive(self) -> bool:
        """False while a window is torn down: its scene or undo stack may be gone."""
        scene = self.scene
        return scene is not None and shiboken6.isValid(scene) and shiboken6.isValid(scene.document.undo_stack)

    def _show_history(self, *_: object) -> None:
        if self._alive():
            self._curve = self._history()
            self._show_loss()

    def _show_loss(self, *_: object) -> None:
        """The curve as it is; the caption's loss from the values on screen."""
        if self._alive():
            result = self.scene.document.result  # type: ignore[union-attr]
            if getattr(result, "loss_hidden", False):  # an exercise hides L: no curve, no number
                self.plot.set_losses([], None)
                return
            self.plot.set_losses(self._curve, result.loss if result is not None else None)

    def clear(self) -> None:
        """Start the plot afresh from here (the undo history keeps the values)."""
        if self.scene is not None:
            self._start = self.scene.document.undo_stack.index()
            self._show_history()

    # -- the parameters ---------------------------------------------------------------------

    def _on_change(self, event: GraphEvent) -> None:
        if event.kind in ("node_added", "node_removed", "node_renamed", "extra_changed"):
            self._fill()

    def _fill(self) -> None:
        assert self.scene is not None
        self.params.blockSignals(True)
        self.params.clear()
        for n, node in self.scene.graph.nodes.items():
            if node.type != "Input":
                continue
            item = QListWidgetItem(node.name or n)
            item.setData(Qt.ItemDataRole.UserRole, n)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = Qt.CheckState.Checked if node.extra.get(TRAINABLE) else Qt.CheckState.Unchecked
            item.setCheckState(checked)
            self.params.addItem(item)
        self.params.blockSignals(False)

    def _toggled(self, item: QListWidgetItem) -> None:
        assert self.scene is not None
        n = item.data(Qt.ItemDataRole.UserRole)
        on = item.checkState() == Qt.CheckState.Checked
        text = self.tr("Make trainable") if on else self.tr("Make fixed")
        self.scene.push(SetExtraCommand(self.scene.graph, n, TRAINABLE, True if on else None, text))

    # -- training ---------------------------------------------------------------------------

    def _ready(self) -> bool:
        if self.scene is None:
            return False
        if not trainable_ids(self.scene.graph):
            self.scene.message.emit(self.tr("Tick at least one Input to train."))
            return False
        return True

    def step(self) -> bool:
        """One gradient-descent step: one undo step."""
        if not self._ready():
            return False
        graph = self.scene.graph  # type: ignore[union-attr]
        loss, updates = descent_step(graph, self.scene.document.evaluator, self.rate.value())  # type: ignore[union-attr]
        if loss is None:
            self.scene.message.emit(self.tr("No Output node: there is no loss to lower."))  # type: ignore[union-attr]
            return False
        try:  # a value that is not finite: say why, and take no half step
            updates = {n: graph.check_param(n, "value", v) for n, v in updates.items()}
        except GraphError as exc:
            self.scene.message.emit(error_text(exc))  # type: ignore[union-attr]
            return False
        old = {n: graph.nodes[n].params["value"] for n in updates}
        self._push(TrainCommand(graph, old, updates, self.tr("Training step"), [loss]))
        return True

    def run(self) -> bool:
        """N steps on a copy of the graph, applied as one undo step."""
        if not self._ready():
            return False
        graph = self.scene.graph  # type: ignore[union-attr]
        work = graph.copy()
        losses = train(work, self.rate.value(), self.count.value())
        if not losses:
            return False
        ids = trainable_ids(graph)
        old = {n: graph.nodes[n].params["value"] for n in ids}
        new = {n: work.nodes[n].params["value"] for n in ids}
        self._push(TrainCommand(graph, old, new, self.tr("Train {n} steps").format(n=len(losses)), losses))
        return True

    def _push(self, command: TrainCommand) -> None:
        """Apply the steps, then note the loss they reached: the last point of the curve is
        the loss of the values on screen, as the Output shows it."""
        assert self.scene is not None
        self.scene.push(command)
        self._trained[self.scene.document.undo_stack.index() - 1] = command
        self.scene.document.evaluate_now()
        command.after = self.scene.document.true_result.loss  # not an exercise's "?" stand-in
        self._show_history()
