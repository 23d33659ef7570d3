"""The inspector: the selected node's name, parameter, numbers and chain rule."""

from __future__ import annotations

import json

import numpy as np
import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..model import GraphEvent, Result
from ..model.captions import Sym, Symbols, derivatives, formula
from ..model.ops import layer_class
from ..model.steps import Captions
from ..model.training import TRAINABLE
from ..model.values import BadValue, format_full, format_value, parse_value
from . import style
from .commands import RenameCommand, SetExtraCommand
from .exercise_view import hides
from .i18n import Retranslatable, error_text, type_text
from .node_item import PARAM_KEY, NodeItem, param_caption
from .scene import GraphScene


def _wrapping_label() -> QLabel:
    """Names, ids and reasons come from files: plain text, never HTML (issue 14 §1)."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _readable(value: object) -> str:
    """Ten significant digits for a number or short vector, the whole array otherwise."""
    if value is None or np.ndim(value) == 0 or (np.ndim(value) == 1 and np.size(value) <= 4):
        return format_value(value, 10)  # type: ignore[arg-type]
    return format_full(value)  # type: ignore[arg-type]


def _param_text(value: object) -> str:
    """A parameter as the student would type it: an Input's array or a Pow's float, whole
    numbers without ".0" (``3``, ``[1, 2.5]``), as the node shows them."""
    if value is None:
        return "1"
    return json.dumps(_whole(np.asarray(value).tolist()))


def _whole(obj: object) -> object:
    if isinstance(obj, list):
        return [_whole(x) for x in obj]
    return int(obj) if isinstance(obj, float) and obj.is_integer() and abs(obj) < 1e15 else obj


class Inspector(Retranslatable, QWidget):
    node_selected = Signal()  # one node was selected: its numbers are worth showing

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scene: GraphScene | None = None
        self.node_id: str | None = None
        self.hint = _wrapping_label()
        self.type_label = _wrapping_label()
        self.name_edit = QLineEdit()
        self.name_edit.editingFinished.connect(self._rename)
        self.param_edit = QLineEdit()
        self.param_edit.editingFinished.connect(self._set_param)
        self.param_error = _wrapping_label()
        self.param_error.setStyleSheet(f"color: {style.GRAD_COLOR.name()};")
        self.trainable = QCheckBox()
        self.trainable.toggled.connect(self._set_trainable)
        self.value_label = _wrapping_label()
        self.grad_label = _wrapping_label()
        self.grad_label.setStyleSheet(f"color: {style.GRAD_COLOR.name()};")
        self.formula_label = _wrapping_label()
        self.local_label = _wrapping_label()
        self.forward_label = _wrapping_label()
        self.chain_label = _wrapping_label()
        self.problem_label = _wrapping_label()
        self.problem_label.setStyleSheet(f"color: {style.BADGE_WARNING.name()};")
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.rows: dict[str, QLabel] = {}  # the row captions, re-worded by retranslate()
        for key, field in (
            ("type", self.type_label),
            ("name", self.name_edit),
            ("param", self.param_edit),
            ("", self.param_error),
            ("", self.trainable),
            ("value", self.value_label),
            ("grad", self.grad_label),
            ("formula", self.formula_label),
            ("local", self.local_label),
            ("forward", self.forward_label),
            ("chain", self.chain_label),
            ("", self.problem_label),
        ):
            caption = _wrapping_label()
            if key:
                self.rows[key] = caption
            self.form.addRow(caption, field)
        self.details = QWidget()
        self.details.setLayout(self.form)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.details)
        layout.addStretch(1)
        self.details.hide()
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the interface's language again, for the same node."""
        self.hint.setText(self.tr("Select one node to see its numbers and its chain rule."))
        self.trainable.setText(self.tr("trainable (a parameter for training)"))
        for key, text in (
            ("type", self.tr("Type")),
            ("name", self.tr("Name")),
            ("param", self.tr("Parameter")),
            ("value", self.tr("Value")),
            ("grad", self.tr("Gradient")),
            ("formula", self.tr("Formula")),
            ("local", self.tr("Local derivatives")),
            ("forward", self.tr("Forward")),
            ("chain", self.tr("Chain rule")),
        ):
            self.rows[key].setText(text)
        self.refresh()

    def set_scene(self, scene: GraphScene) -> None:
        self.scene = scene
        scene.selectionChanged.connect(self._follow_selection)
        scene.document.evaluated.connect(self._on_evaluated)
        scene.document.changed.connect(self._on_change)
        self._follow_selection()

    def _follow_selection(self) -> None:
        # A scene being destroyed drops its selection: nothing to follow then.
        if self.scene is None or not shiboken6.isValid(self.scene):
            return
        nodes = [i for i in self.scene.selectedItems() if isinstance(i, NodeItem)]
        node_id = nodes[0].node.id if len(nodes) == 1 else None
        if node_id != self.node_id:
            self.param_error.setText("")  # about the node left behind
        self.node_id = node_id
        self.refresh()
        if self.node_id is not None:
            self.node_selected.emit()

    def _on_change(self, event: GraphEvent) -> None:
        if event.node_id == self.node_id:
            if event.kind == "node_removed":
                self.node_id = None
            # The last result may not fit the changed wires (a caption would miss a
            # term): the numbers wait for the evaluation this change starts.
            self.refresh(numbers=False)

    def _on_evaluated(self, result: Result) -> None:
        self.refresh()

    def refresh(self, numbers: bool = True) -> None:
        scene = self.scene
        if scene is None or self.node_id is None or self.node_id not in scene.graph.nodes:
            self.details.hide()
            self.hint.show()
            return
        self.hint.hide()
        self.details.show()
        node = scene.graph.nodes[self.node_id]
        translate = QCoreApplication.translate
        description = translate("ops", layer_class(node.type).description)
        self.type_label.setText(f"{type_text(node.type)} ({node.id}) — {description}")
        if not self.name_edit.hasFocus():
            self.name_edit.setText(node.name)
        key = PARAM_KEY.get(node.type)
        self._show_row(self.param_edit, key is not None)
        self._show_row(self.param_error, key is not None and bool(self.param_error.text()))
        self._show_row(self.trainable, node.type == "Input")
        if key is not None:
            self.rows["param"].setText(param_caption(node.type))
            hidden = hides(scene.document, node.id, key)  # an exercise's Input value: "?", not editable
            self.param_edit.setEnabled(not hidden)
            if hidden:
                self.param_edit.setText("?")
            elif not self.param_edit.hasFocus():
                self.param_edit.setText(_param_text(node.params.get(key)))
        self.trainable.blockSignals(True)
        self.trainable.setChecked(bool(node.extra.get(TRAINABLE)))
        self.trainable.blockSignals(False)
        self.formula_label.setText(formula(node.type, translate))
        self.local_label.setText(derivatives(node.type, translate))
        if numbers and not scene.document.evaluation_pending:
            self._show_numbers(node.id)
        # QFormLayout keeps the old heights of word-wrapped labels whose text changed:
        # recompute them once this turn of the event loop is over, or a longer text (a Korean
        # description) is cut off at the bottom.
        QTimer.singleShot(0, self, self.form.invalidate)

    def _symbol(self, node_id: str) -> Sym:
        """What the captions call the node's output: w·x; L for the one Output."""
        assert self.scene is not None
        graph = self.scene.graph
        if graph.nodes[node_id].type == "Output" and len(graph.of_type("Output")) == 1:
            return Sym("L")
        return Symbols(graph)(node_id)

    def _show_numbers(self, node_id: str) -> None:
        scene = self.scene
        assert scene is not None
        result = scene.result
        if result is None:
            return
        symbol = self._symbol(node_id)
        for label, name, value in (
            (self.value_label, str(symbol), result.value(node_id)),
            (self.grad_label, f"∂L/∂{symbol:a}", result.grad(node_id)),
        ):
            text = _readable(value)
            label.setText(f"{name} = {text}" if "\n" not in text else f"{name} =\n{text}")
            label.setToolTip(format_full(value))
        captions = Captions(scene.graph, result, QCoreApplication.translate)
        defined = result.value(node_id) is not None
        self.forward_label.setText(captions.forward(node_id, notes=False) if defined else "—")
        backward = defined and result.has_gradients
        self.chain_label.setText(captions.backward(node_id, notes=False) if backward else "—")
        if defined:
            self.problem_label.setText("\n".join(captions.problems(node_id)))
        else:  # why it has no value: an open port, a shape that does not fit
            problem = result.problem_text(node_id)
            self.problem_label.setText(error_text(problem) if problem is not None else "")

    def _show_row(self, field: QWidget, visible: bool) -> None:
        field.setVisible(visible)
        label = self.form.labelForField(field)
        if label is not None:
            label.setVisible(visible)

    # -- edits -----------------------------------------------------------------------------

    def _rename(self) -> None:
        scene = self.scene
        if scene is None or self.node_id is None or self.node_id not in scene.graph.nodes:
            return
        name = self.name_edit.text()
        if name != scene.graph.nodes[self.node_id].name:
            scene.push(RenameCommand(scene.graph, self.node_id, name))

    def _set_param(self) -> None:
        scene = self.scene
        if scene is None or self.node_id is None or self.node_id not in scene.graph.nodes:
            return
        key = PARAM_KEY.get(scene.graph.nodes[self.node_id].type)
        if key is None or hides(scene.document, self.node_id, key):
            return
        try:
            value = parse_value(self.param_edit.text())
        except BadValue as exc:
            self._param_problem(self.tr("Not a valid value: {reason}").format(reason=error_text(exc)))
            return
        if scene.set_param(self.node_id, key, value):
            self._param_problem("")
        else:
            self._param_problem(self.tr("Refused: see the status bar."))

    def _param_problem(self, text: str) -> None:
        """Why a typed parameter was not taken; the row shows only while there is one."""
        self.param_error.setText(text)
        self._show_row(self.param_error, bool(text))

    def _set_trainable(self, on: bool) -> None:
        scene = self.scene
        if scene is None or self.node_id is None:
            return
        text = self.tr("Make trainable") if on else self.tr("Make fixed")
        scene.push(SetExtraCommand(scene.graph, self.node_id, TRAINABLE, True if on else None, text))
