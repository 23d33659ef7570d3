"""The inspector's forward mode (issue 11 §3): which Input the blue labels follow, in which
direction for a vector or matrix Input, and the "Modes" comparison of forward and reverse
mode on the current graph. The numbers come from the model; ``ModesPanel.modes_text`` is
the one place the measured counts and times become text.
"""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..model import GraphError
from ..model.values import BadValue, parse_value
from . import style
from .chain_rule_ui import in_fraction
from .i18n import Retranslatable, error_text
from .scene import GraphScene

MAX_ELEMENTS_LISTED = 400  # a bigger Input's direction is typed, or chosen by its first elements


def _label() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def element_name(symbol: str, index: tuple[int, ...]) -> str:
    return f"{symbol}[{', '.join(map(str, index))}]"


def _heading() -> QLabel:
    label = _label()
    bold = label.font()
    bold.setBold(True)
    label.setFont(bold)
    return label


class ForwardPanel(Retranslatable, QWidget):
    """Shown while forward mode is on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scene: GraphScene | None = None
        self.heading = _heading()
        self.explain = _label()
        self.explain.setStyleSheet(f"color: {style.TANGENT_COLOR.name()};")
        self.element = QComboBox()
        self.element.activated.connect(self._element_chosen)
        self.typed = QLineEdit()
        self.typed.editingFinished.connect(self._typed)
        self.problem = _label()
        self.problem.setStyleSheet(f"color: {style.GRAD_COLOR.name()};")
        self.off = QToolButton()  # its action is the window's "Forward mode off"
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.element_caption, self.typed_caption = _label(), _label()
        self.form.addRow(self.element_caption, self.element)
        self.form.addRow(self.typed_caption, self.typed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.explain)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.off)
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Forward mode"))
        self.element_caption.setText(self.tr("Direction: one element"))
        self.typed_caption.setText(self.tr("or a direction typed (same shape)"))
        self.typed.setPlaceholderText("[1, 0, 0]")
        self.refresh()

    def set_scene(self, scene: GraphScene) -> None:
        self.scene = scene
        scene.modes.changed.connect(self.refresh)
        self.refresh()

    def _shape(self) -> tuple[int, ...] | None:
        scene = self.scene
        if scene is None or scene.modes.wrt is None or scene.result is None:
            return None
        value = scene.result.value(scene.modes.wrt)
        return None if value is None else tuple(np.shape(value))

    def refresh(self) -> None:
        scene = self.scene
        wrt = scene.modes.wrt if scene is not None else None
        self.setVisible(wrt is not None)
        if scene is None or wrt is None:
            return
        x = in_fraction(scene.graph, wrt)
        self.explain.setText(
            self.tr(
                "Each wire's blue label is d(wire)/d{x}: how fast the wire moves when {x} moves, "
                "found in one forward pass from {x}, beside the values."
            ).format(x=x)
        )
        shape = self._shape() or ()
        vector = bool(shape)
        for field in (self.element, self.typed):
            field.setVisible(vector)
            self.form.labelForField(field).setVisible(vector)
        if vector:
            self._fill_elements(x, shape)

    def _fill_elements(self, x: str, shape: tuple[int, ...]) -> None:
        indices = list(itertools.islice(itertools.product(*(range(n) for n in shape)), MAX_ELEMENTS_LISTED))
        keys = [element_name(x, i) for i in indices]
        if [self.element.itemText(i) for i in range(self.element.count())] != keys:
            self.element.clear()
            for key, index in zip(keys, indices, strict=True):
                self.element.addItem(key, index)
        direction = self.scene.modes.direction if self.scene is not None else None
        chosen = (
            direction if isinstance(direction, tuple) else (0,) * len(shape) if direction is None else None
        )
        self.element.setCurrentIndex(indices.index(chosen) if chosen in indices else -1)

    def _element_chosen(self, row: int) -> None:
        index = self.element.itemData(row)
        if self.scene is not None and index is not None:
            self.problem.setText("")
            self.scene.modes.set_wrt(self.scene.modes.wrt, tuple(index))

    def _typed(self) -> None:
        scene, shape = self.scene, self._shape()
        text = self.typed.text().strip()
        if scene is None or shape is None or not text:
            return
        try:
            direction = np.asarray(parse_value(text), dtype=float)
            if direction.shape != shape:
                raise BadValue(
                    self.tr("the direction has shape {got}, the Input {want}").format(
                        got="×".join(map(str, direction.shape)) or "1", want="×".join(map(str, shape))
                    )
                )
        except BadValue as exc:
            self.problem.setText(self.tr("Not a direction: {reason}").format(reason=error_text(exc)))
            return
        try:
            scene.modes.set_wrt(scene.modes.wrt, direction)
        except GraphError as exc:
            self.problem.setText(self.tr("Not a direction: {reason}").format(reason=error_text(exc)))
            return
        self.problem.setText("")


class ModesPanel(Retranslatable, QWidget):
    """Forward mode: one pass per Input; reverse mode: one per Output; measured here."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scene: GraphScene | None = None
        self.heading = _heading()
        self.explain = _label()
        self.measure = QPushButton()
        self.measure.clicked.connect(self.run)
        self.result = _label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.heading, self.explain, self.measure, self.result):
            layout.addWidget(widget)
        self._measured: Any = None
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Modes"))
        self.explain.setText(
            self.tr(
                "Forward mode finds how everything moves when one Input moves: one pass per Input. "
                "Reverse mode (backprop) finds the gradient of one Output with respect to every "
                "Input at once: one pass per Output. With many Inputs and one loss, backprop is "
                "what makes training affordable."
            )
        )
        self.measure.setText(self.tr("Measure on this graph"))
        self._show()

    def set_scene(self, scene: GraphScene) -> None:
        self.scene = scene
        self._measured = None
        scene.document.changed.connect(self._forget)
        self._show()

    def _forget(self, event: object) -> None:
        if getattr(event, "kind", "") != "node_moved":
            self._measured = None
            self._show()

    def run(self) -> None:
        """Count both modes' passes for this graph and time one pass of each (the model's modes())."""
        from ..model.modes import modes

        scene = self.scene
        if scene is None:
            return
        self._measured = modes(scene.graph)
        self._show()

    def _show(self) -> None:
        self.result.setText(self.modes_text(self._measured) if self._measured is not None else "")
        self.result.setVisible(self._measured is not None)

    def modes_text(self, m: Any) -> str:
        """The one place the measured counts and times become text."""
        locale = QLocale()

        def ms(seconds: float) -> str:
            return locale.toString(seconds * 1000, "f", 3 if seconds < 0.01 else 1)

        if m.forward_pass is None:
            forward = self.tr("Forward mode: no Input, nothing to move.")
        else:
            forward = self.tr(
                "Forward mode: {inputs} Input(s) holding {n} number(s), one pass per number: "
                "{n} pass(es) of {one} ms, {total} ms in all."
            ).format(
                inputs=locale.toString(m.inputs),
                n=locale.toString(m.forward_passes),
                one=ms(m.forward_pass),
                total=ms(m.forward_total),
            )
        if m.reverse_pass is None:
            reverse = self.tr("Reverse mode: no Output, no backward pass.")
        else:
            reverse = self.tr(
                "Reverse mode: {outputs} Output(s), one pass per Output; the loss, their sum, "
                "takes one pass of {one} ms for every gradient at once."
            ).format(outputs=locale.toString(m.outputs), one=ms(m.reverse_pass))
        return forward + "\n" + reverse
