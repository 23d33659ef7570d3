"""Step-through propagation: one node at a time, forward then backward."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from ..model.steps import BACKWARD, FORWARD, Step, propagation_steps
from .i18n import type_text
from .scene import GraphScene, StepView

SPEEDS = (0.25, 0.5, 1.0, 2.0, 4.0)  # steps per second


class StepPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scene: GraphScene | None = None
        self.steps: list[Step] = []
        self.index = -1  # the last step shown; -1 before the first
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._play_tick)
        self.reset_button = QPushButton(self.tr("Reset"))
        self.forward_button = QPushButton(self.tr("Forward step ▶"))
        self.backward_button = QPushButton(self.tr("◀ Backward step"))
        self.play_button = QPushButton(self.tr("Play"))
        self.play_button.setCheckable(True)
        self.speed = QSlider(Qt.Orientation.Horizontal)
        self.speed.setRange(0, len(SPEEDS) - 1)
        self.speed.setValue(2)
        self.speed.setToolTip(self.tr("Playing speed"))
        self.speed.valueChanged.connect(self._set_speed)
        self.position = QLabel()
        self.caption = QLabel(self.tr("Press Forward step to watch the values flow, one node at a time."))
        self.caption.setWordWrap(True)
        self.caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.caption.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.caption.setFont(font)
        self.reset_button.clicked.connect(self.leave)
        self.forward_button.clicked.connect(self.forward_step)
        self.backward_button.clicked.connect(self.backward_step)
        self.play_button.toggled.connect(self.play)
        buttons = QHBoxLayout()
        for w in (self.reset_button, self.forward_button, self.backward_button, self.play_button):
            buttons.addWidget(w)
        buttons.addWidget(QLabel(self.tr("Speed")))
        buttons.addWidget(self.speed)
        buttons.addWidget(self.position)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.caption)
        layout.addStretch(1)
        self._set_speed(self.speed.value())

    def set_scene(self, scene: GraphScene) -> None:
        self.leave()
        self.scene = scene
        scene.document.changed.connect(self._on_edit)

    @property
    def active(self) -> bool:
        return self.scene is not None and self.scene.stepping is not None

    # -- stepping ------------------------------------------------------------------------

    def _enter(self) -> None:
        assert self.scene is not None
        result = self.scene.document.evaluate_now()
        self.steps = propagation_steps(self.scene.graph, result)
        self.index = -1
        self.scene.set_stepping(StepView())

    def forward_step(self) -> bool:
        """Show the next forward step; False when forward is complete."""
        if self.scene is None:
            return False
        if not self.active:
            self._enter()
        nxt = self.index + 1
        if nxt >= len(self.steps) or self.steps[nxt].phase != FORWARD:
            self._show_caption(self.tr("Forward is complete: press Backward step."))
            return False
        self._go_to(nxt)
        return True

    def backward_step(self) -> bool:
        """Show the next backward step (finishing forward first); False at the end."""
        if self.scene is None:
            return False
        if not self.active:
            self._enter()
        while self.index + 1 < len(self.steps) and self.steps[self.index + 1].phase == FORWARD:
            self._go_to(self.index + 1)
        nxt = self.index + 1
        if nxt >= len(self.steps):
            if not self.scene.result or not self.scene.result.has_gradients:
                self._show_caption(self.tr("No Output node: there is no backward pass."))
            else:
                self._show_caption(self.tr("Backward is complete: every gradient is known."))
            return False
        self._go_to(nxt)
        return True

    def _go_to(self, index: int) -> None:
        assert self.scene is not None and self.scene.stepping is not None
        self.index = index
        step = self.steps[index]
        view = self.scene.stepping
        keys = {(e.dst, e.port) for e in step.wires}
        shown = view.values_shown | keys if step.phase == FORWARD else view.values_shown
        grads = view.grads_shown | keys if step.phase == BACKWARD else view.grads_shown
        self.scene.set_stepping(StepView(step.node_id, shown, grads))
        node = self.scene.graph.nodes[step.node_id]
        phase = self.tr("Forward") if step.phase == FORWARD else self.tr("Backward")
        label = node.name or type_text(node.type)
        self._show_caption(f"<b>{phase} · {label}</b><br>{step.caption}")
        self.position.setText(self.tr("step {n} of {total}").format(n=index + 1, total=len(self.steps)))

    def _show_caption(self, text: str) -> None:
        self.caption.setText(text)

    def leave(self) -> None:
        """Back to the live view."""
        self.play_button.setChecked(False)
        self.steps, self.index = [], -1
        self.position.setText("")
        if self.scene is not None and self.scene.stepping is not None:
            self.scene.set_stepping(None)
            self._show_caption(self.tr("Live view: every wire shows its numbers."))

    def _on_edit(self, event: object) -> None:
        if self.active:
            self.leave()

    # -- playing ---------------------------------------------------------------------------

    def play(self, on: bool) -> None:
        if on:
            self._timer.start()
        else:
            self._timer.stop()

    def _set_speed(self, index: int) -> None:
        self._timer.setInterval(int(1000 / SPEEDS[index]))

    def _play_tick(self) -> None:
        if not (self.forward_step() or self.backward_step()):
            self.play_button.setChecked(False)
