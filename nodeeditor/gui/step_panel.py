"""Step-through propagation: one node at a time, forward then backward, and back again.

Next and Back walk one list of steps (every forward step, then every backward step); the
caption says which pass a step belongs to, so the buttons need not. The keys work wherever
the focus is in the window: ] or Alt+→ for Next, [ or Alt+← for Back.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from ..model import Result
from ..model.steps import BACKWARD, FORWARD, Step, propagation_steps
from .i18n import Retranslatable
from .scene import GraphScene, StepView

SPEEDS = (0.25, 0.5, 1.0, 2.0, 4.0)  # steps per second
NEXT_KEYS = ("]", "Alt+Right")
BACK_KEYS = ("[", "Alt+Left")


def _plain_label(parent: QWidget | None = None) -> QLabel:
    """Captions hold node names from files: plain text, never HTML (issue 14 §1)."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class StepPanel(Retranslatable, QWidget):
    step_shown = Signal(str, str)  # the current step's node and phase; "", "" when none

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scene: GraphScene | None = None
        self.steps: list[Step] = []
        self.index = -1  # the last step shown; -1 before the first
        self._result: Result | None = None  # the evaluation the steps explain
        self._left = False  # the live view came back after stepping: say so
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._play_tick)
        self.reset_button = QPushButton()
        self.back_button = QPushButton()
        self.next_button = QPushButton()
        self.play_button = QPushButton()
        self.play_button.setCheckable(True)
        self.speed = QSlider(Qt.Orientation.Horizontal)
        self.speed.setRange(0, len(SPEEDS) - 1)
        self.speed.setValue(2)
        self.speed.setMaximumWidth(120)
        self.speed.valueChanged.connect(self._set_speed)
        self.speed_label = QLabel()
        self.position = QLabel()
        self.status = _plain_label()
        self.status.setWordWrap(False)
        self.header = _plain_label()
        bold = self.header.font()
        bold.setBold(True)
        self.header.setFont(bold)
        self.caption = _plain_label()
        self.caption.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        font = self.caption.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.caption.setFont(font)
        # Three lines in sight (two wires and a note); a longer caption scrolls, never cut.
        scroller = QScrollArea()
        scroller.setWidget(self.caption)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setMinimumHeight(3 * self.caption.fontMetrics().lineSpacing() + 4)
        self.next_action = self._make_action(NEXT_KEYS, self._next_from_key)
        self.back_action = self._make_action(BACK_KEYS, self._back_from_key)
        self.reset_button.clicked.connect(self.leave)
        self.back_button.clicked.connect(self.back_step)
        self.next_button.clicked.connect(self.next_step)
        self.play_button.toggled.connect(self.play)
        buttons = QHBoxLayout()
        for w in (self.reset_button, self.back_button, self.next_button, self.play_button):
            buttons.addWidget(w)
        buttons.addWidget(self.speed_label)
        buttons.addWidget(self.speed)
        buttons.addSpacing(12)
        buttons.addWidget(self.position)
        buttons.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.header)
        layout.addWidget(scroller, 1)
        self._set_speed(self.speed.value())
        self.retranslate()

    def _make_action(self, keys: tuple[str, ...], slot) -> QAction:
        action = QAction(self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def set_scene(self, scene: GraphScene) -> None:
        self.leave()
        self.scene = scene
        scene.document.changed.connect(self._on_edit)
        self._attach_keys()
        self._show()

    def _attach_keys(self) -> None:
        """The keys step wherever the focus is in the window, even with this dock tabbed away
        (a shortcut only fires for a visible widget it belongs to)."""
        window = self.window()
        if window is not self and self.next_action not in window.actions():
            window.addActions([self.back_action, self.next_action])

    @property
    def active(self) -> bool:
        return self.scene is not None and self.scene.stepping is not None

    # -- the words ------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Every text in the interface's language again, at the same step."""
        self.reset_button.setText(self.tr("Reset"))
        self.back_button.setText(self.tr("◀ Back"))
        self.next_button.setText(self.tr("Next ▶"))
        self.play_button.setText(self.tr("Play"))
        self.speed_label.setText(self.tr("Speed"))
        self.speed.setToolTip(self.tr("Playing speed"))
        keys = self.tr("keys: {keys}")
        self.next_action.setText(self.tr("Next step"))
        self.back_action.setText(self.tr("Previous step"))
        self.next_button.setToolTip(self.tr("The next step") + "\n" + keys.format(keys=_keys(NEXT_KEYS)))
        self.back_button.setToolTip(self.tr("One step back") + "\n" + keys.format(keys=_keys(BACK_KEYS)))
        self.reset_button.setToolTip(self.tr("Back to the live view, every wire with its numbers"))
        if self.active and self._result is not None:
            assert self.scene is not None
            self.steps = propagation_steps(self.scene.graph, self._result, QCoreApplication.translate)
        self._show()

    # -- stepping ------------------------------------------------------------------------

    def _enter(self) -> None:
        assert self.scene is not None
        self._result = self.scene.document.evaluate_now()
        self.steps = propagation_steps(self.scene.graph, self._result, QCoreApplication.translate)
        self.index = -1
        self.scene.set_stepping(StepView())

    def next_step(self) -> bool:
        """Show the next step, forward then backward; False (and "complete") at the end."""
        if self.scene is None:
            return False
        if not self.active:
            self._enter()
        if self.index + 1 >= len(self.steps):
            self._show()
            return False
        self._go_to(self.index + 1)
        return True

    def back_step(self) -> bool:
        """Show the step before this one, hiding what this one revealed; False at the start."""
        if not self.active or self.index < 0:
            return False
        self._go_to(self.index - 1)
        return True

    def forward_step(self) -> bool:
        """The next step if it is a forward one; False when forward is complete."""
        if self.scene is None:
            return False
        if not self.active:
            self._enter()
        nxt = self.index + 1
        if nxt >= len(self.steps) or self.steps[nxt].phase != FORWARD:
            return False
        return self.next_step()

    def backward_step(self) -> bool:
        """The next backward step, finishing forward first; False at the end."""
        if self.scene is None:
            return False
        if not self.active:
            self._enter()
        while self.index + 1 < len(self.steps) and self.steps[self.index + 1].phase == FORWARD:
            self._go_to(self.index + 1)
        return self.next_step()

    def _next_from_key(self) -> None:
        self._bring_forward()
        self.next_step()

    def _back_from_key(self) -> None:
        self._bring_forward()
        self.back_step()

    def _bring_forward(self) -> None:
        """A step taken by key shows its caption: the dock comes to the front."""
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QDockWidget):
            parent = parent.parentWidget()
        if parent is not None:
            parent.show()
            parent.raise_()

    def _go_to(self, index: int) -> None:
        """Show the steps up to ``index`` (-1: none yet) as revealed, the last one current."""
        assert self.scene is not None and self.scene.stepping is not None
        self.index = index
        values: set[tuple[str, int]] = set()
        grads: set[tuple[str, int]] = set()
        for step in self.steps[: index + 1]:
            keys = {(e.dst, e.port) for e in step.wires}
            (values if step.phase == FORWARD else grads).update(keys)
        current = self.steps[index].node_id if index >= 0 else None
        self.scene.set_stepping(StepView(current, values, grads))
        self.step_shown.emit(current or "", self.steps[index].phase if index >= 0 else "")
        self._show()

    def _show(self) -> None:
        """The header, caption, counter and status for where we are."""
        self._show_texts()
        self.header.setVisible(bool(self.header.text()))

    def _show_texts(self) -> None:
        self.back_button.setEnabled(self.active and self.index >= 0)
        self.next_button.setEnabled(self.scene is not None and not (self.active and self._at_end()))
        if not self.active:
            self.position.setText("")
            self.status.setText("")
            self.header.setText("")
            self.caption.setText(
                self.tr("Live view: every wire shows its numbers.")
                if self._left
                else self.tr("Press Next to watch the values flow forward, one node at a time.")
            )
            return
        self.position.setText(self.tr("step {n} of {total}").format(n=self.index + 1, total=len(self.steps)))
        self.status.setText(self._status())
        if self.index < 0:
            self.header.setText("")
            self.caption.setText(self.tr("Press Next to watch the values flow forward, one node at a time."))
            return
        step = self.steps[self.index]
        if step.phase == FORWARD:
            self.header.setText(self.tr("Forward pass ▶ {node}").format(node=step.label))
        else:
            self.header.setText(self.tr("Backward pass ◀ {node}").format(node=step.label))
        self.caption.setText(step.caption)

    def _at_end(self) -> bool:
        return self.index + 1 >= len(self.steps)

    def _status(self) -> str:
        """What the step shown completes, beside its caption (never instead of it)."""
        if self.index < 0 or not self.steps:
            return ""
        has_backward = self.steps[-1].phase == BACKWARD
        if self._at_end():
            if has_backward:
                return self.tr("Backward pass complete: every gradient is known.")
            return self.tr("Forward pass complete. With no Output node there is no backward pass.")
        if self.steps[self.index].phase == FORWARD and self.steps[self.index + 1].phase == BACKWARD:
            return self.tr("Forward pass complete: Next starts the backward pass.")
        return ""

    def leave(self) -> None:
        """Back to the live view."""
        self.play_button.setChecked(False)
        self.steps, self.index, self._result = [], -1, None
        if self.scene is not None and self.scene.stepping is not None:
            self.scene.set_stepping(None)
            self._left = True
            self.step_shown.emit("", "")
        self._show()

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
        if not self.next_step():
            self.play_button.setChecked(False)


def _keys(keys: tuple[str, ...]) -> str:
    """The keys as the platform writes them (Alt+→ is ⌥→ on a Mac)."""
    return ", ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
