"""Training: mark Inputs as parameters, step down the gradient, watch the loss fall."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..model import GraphError, GraphEvent
from ..model.training import TRAINABLE, descent_step, train, trainable_ids
from .commands import SetExtraCommand, SetValuesCommand
from .i18n import error_text
from .loss_plot import LossPlot
from .scene import GraphScene


class TrainingPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scene: GraphScene | None = None
        self.losses: list[float] = []
        self.params = QListWidget()
        self.params.setToolTip(self.tr("Tick the Inputs that training may change (the parameters)."))
        self.params.itemChanged.connect(self._toggled)
        self.rate = QDoubleSpinBox()
        self.rate.setDecimals(4)
        self.rate.setRange(0.0001, 100.0)
        self.rate.setSingleStep(0.01)
        self.rate.setValue(0.5)
        self.count = QSpinBox()
        self.count.setRange(1, 100_000)
        self.count.setValue(100)
        self.step_button = QPushButton(self.tr("Step"))
        self.run_button = QPushButton(self.tr("Run N steps"))
        self.clear_button = QPushButton(self.tr("Clear plot"))
        self.step_button.clicked.connect(self.step)
        self.run_button.clicked.connect(self.run)
        self.clear_button.clicked.connect(self.clear)
        self.plot = LossPlot()
        form = QFormLayout()
        form.addRow(self.tr("Learning rate"), self.rate)
        form.addRow(self.tr("N"), self.count)
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

    def set_scene(self, scene: GraphScene) -> None:
        self.scene = scene
        self.clear()
        scene.document.changed.connect(self._on_change)
        self._fill()

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
        self.scene.push(SetValuesCommand(graph, old, updates, self.tr("Training step")))  # type: ignore[union-attr]
        self.losses.append(loss)
        self.plot.set_losses(self.losses)
        return True

    def run(self) -> bool:
        """N steps on a copy of the graph, applied as one undo step."""
        if not self._ready():
            return False
        graph = self.scene.graph  # type: ignore[union-attr]
        work = graph.copy()
        losses = train(work, self.rate.value(), self.count.value())
        ids = trainable_ids(graph)
        old = {n: graph.nodes[n].params["value"] for n in ids}
        new = {n: work.nodes[n].params["value"] for n in ids}
        text = self.tr("Train {n} steps").format(n=len(losses))
        self.scene.push(SetValuesCommand(graph, old, new, text))  # type: ignore[union-attr]
        self.losses.extend(losses)
        self.plot.set_losses(self.losses)
        return bool(losses)

    def clear(self) -> None:
        self.losses = []
        self.plot.set_losses([])
