"""The student's side of an exercise: click a "?", type a prediction, see ✓ or ✗ and a hint.

A prediction is parsed as JSON (``parse_answer``), never run. A prediction of the wrong
shape is not counted as a try; a wrong one is, and after HINT_AFTER wrong tries (or on
"Hint") the local computation is written out with the answer left out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, QTimer
from PySide6.QtWidgets import QLabel, QLineEdit, QToolButton

from ..model import Edge
from ..model.captions import Symbols
from ..model.exercise import (
    GRAD,
    HINT_AFTER,
    VALUE,
    Answer,
    Blank,
    answered_right,
    hint,
    parse_answer,
    score,
    true_value,
)
from ..model.values import BadValue, format_value
from . import exercise_view
from .commands import SetExerciseCommand
from .edge_item import EdgeItem
from .i18n import error_text
from .node_item import NodeItem
from .view import InlineEditor

if TYPE_CHECKING:
    from .view import GraphView

NOTE_STYLE = "background: #fffdf5; border: 1px solid #b0a060; padding: 4px;"
WRONG_STYLE = "border: 2px solid #c62828;"


def label_at(view: GraphView, pos: QPoint) -> tuple[str | Edge, str, QRectF] | None:
    """The hidden number ("?") under a point of the viewport: (node or wire, what, its box in the scene)."""
    scene = view.graph_scene
    if exercise_view.mask(scene.document) is None:
        return None
    p = view.mapToScene(pos)
    near = QRectF(p.x() - 2, p.y() - 2, 4, 4)  # labels lie off the wire's own shape, in its bounds
    for item in scene.items(near, Qt.ItemSelectionMode.IntersectsItemBoundingRect):
        if isinstance(item, EdgeItem) and item.isVisible():
            value_rect, grad_rect = item.label_rects(texts=item.texts())
            for what, rect in ((VALUE, value_rect), (GRAD, grad_rect)):
                if rect.contains(p) and exercise_view.hides(scene.document, item.edge, what):
                    return item.edge, what, rect
        elif isinstance(item, NodeItem):
            found = _on_node(item, p)
            if found is not None:
                return found
    return None


def _on_node(item: NodeItem, p: QPointF) -> tuple[str, str, QRectF] | None:
    """A node's Σ (the gradient of a fan-out) or an Input's value field, when it is hidden."""
    document = item.graph_scene.document  # type: ignore[union-attr]
    local = item.mapFromScene(p)
    total = item.sum_rect()
    if total is not None and total.contains(local) and exercise_view.hides(document, item.node.id, GRAD):
        return item.node.id, GRAD, item.mapRectToScene(total)
    on_value = item.node.type == "Input" and item.param_rect().contains(local)
    if on_value and exercise_view.hides(document, item.node.id, VALUE):
        return item.node.id, VALUE, item.mapRectToScene(item.param_rect())
    return None


def click(view: GraphView, pos: QPoint) -> bool:
    """A left click on a "?" opens the answer box there; True if it did."""
    found = label_at(view, pos)
    if found is None:
        return False
    target, what, rect = found
    return open_answer(view, target, what, rect)


def open_answer(view: GraphView, target: str | Edge, what: str, rect: QRectF) -> bool:
    blank = exercise_view.blank_at(view.graph_scene.document, target, what)
    if blank is None:
        return False
    view.close_editor()
    editor = AnswerEditor(view, blank, view.mapFromScene(rect).boundingRect())
    view._editor = editor
    editor.show()
    editor.setFocus()
    return True


def prompt(graph: Any, blank: Blank) -> str:
    """How the box names the number asked for: ``∂L/∂x``, ``x + y``."""
    symbols = Symbols(graph)
    node = blank.node if blank.node is not None else blank.edge.src  # type: ignore[union-attr]
    if blank.what == VALUE:
        return str(symbols(node))
    text = f"∂L/∂{symbols(node):a}"
    wires = graph.consumers(node)
    if blank.edge is not None and len(wires) > 1:
        return f"{text} ({wires.index(blank.edge) + 1}/{len(wires)})"
    return text


class AnswerEditor(InlineEditor):
    """A line edit over the "?", a Hint button beside it and a note under it."""

    def __init__(self, view: GraphView, blank: Blank, rect: Any) -> None:
        super().__init__(view, None)  # type: ignore[arg-type]
        self.blank = blank
        self.document = view.graph_scene.document
        self._last_wrong: str | None = None
        self._to_hint = False  # the Hint button is being pressed: the focus comes back
        name = prompt(self.document.graph, blank)
        width = max(140, rect.width() + 40)
        self.setGeometry(int(rect.center().x() - width / 2), rect.top() - 3, int(width), rect.height() + 8)
        self.setPlaceholderText(f"{name} = ?")
        self.setToolTip(
            self.tr("Type your prediction of {name}: a number, or [1, 2] for a vector").format(name=name)
        )
        self.hint_button = QToolButton(view.viewport())
        self.hint_button.setText(self.tr("Hint"))
        self.hint_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # clicking it keeps the typing
        self.hint_button.clicked.connect(self._clicked_hint)
        self.hint_button.pressed.connect(self._pressing_hint)
        self.hint_button.setGeometry(self.geometry().right() + 3, self.geometry().top(), 50, self.height())
        self.note = QLabel(view.viewport())
        self.note.setWordWrap(True)
        self.note.setStyleSheet(NOTE_STYLE)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.hide()
        for part in (self.hint_button, self.note):  # children of the viewport: they go with the box
            self.destroyed.connect(part.deleteLater)
        answer = self.document.graph.exercise.answers.get(blank)
        self._say(self.tr("{name} = ?").format(name=name))
        if answer is not None and answer.tries >= HINT_AFTER:
            self.show_hint()

    def _clicked_hint(self) -> None:
        self.show_hint()

    def _pressing_hint(self) -> None:
        self._to_hint = True

    # -- showing -------------------------------------------------------------------------

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        self.hint_button.show()

    def hideEvent(self, event: Any) -> None:  # noqa: N802
        super().hideEvent(event)
        self.hint_button.hide()
        self.note.hide()

    def _say(self, text: str) -> None:
        self.note.setText(text)
        width = max(260, self.width() + 60)
        self.note.setFixedWidth(width)
        self.note.adjustSize()
        self.note.move(self.geometry().left(), self.geometry().bottom() + 4)
        self.note.show()
        self.note.raise_()

    def show_hint(self, before: str = "") -> None:
        """The hint under the box, after ``before`` (what was said of the last try)."""
        from PySide6.QtCore import QCoreApplication

        written = hint(self.document.graph, self.document.result, self.blank, QCoreApplication.translate)
        text = self.tr("Hint: the local computation, as the step-through writes it:") + "\n" + written
        self._say(f"{before}\n{text}" if before else text)

    # -- answering -----------------------------------------------------------------------

    def commit(self) -> bool:
        text = self.text()
        if text == self._last_wrong:  # the same wrong answer again (a click away): not another try
            return False
        try:
            value = parse_answer(text)
        except BadValue as exc:
            return self._refuse(self.tr("Not a number: {reason}").format(reason=error_text(exc)))
        truth = true_value(self.blank, self.document.true_result)
        if truth is not None and np.shape(value) != np.shape(truth):
            return self._refuse(_shape_advice(np.shape(truth)))
        return self._record(text, value)

    def _refuse(self, text: str) -> bool:
        self.setStyleSheet(WRONG_STYLE)
        self._say(text)
        return False

    def _record(self, text: str, value: np.ndarray) -> bool:
        document, blank = self.document, self.blank
        exercise = document.graph.exercise.copy()
        before = exercise.answers.get(blank)
        exercise.answers[blank] = Answer(value, (before.tries if before else 0) + 1)
        self.view.graph_scene.push(SetExerciseCommand(document.graph, exercise, self.tr("Answer")))
        document.evaluate_now()  # the mask follows the answer at once
        name = prompt(document.graph, blank)
        if answered_right(document.graph.exercise, blank, document.true_result):
            shown = format_value(true_value(blank, document.true_result))
            right, total = score(document.graph.exercise, document.true_result)
            self.view.graph_scene.message.emit(
                self.tr("✓ Right: {name} = {value} ({right} of {total} done)").format(
                    name=name, value=shown, right=right, total=total
                )
            )
            self.finish()
            return True
        self._last_wrong = text
        tries = exercise.answers[blank].tries
        self.setStyleSheet(WRONG_STYLE)
        wrong = self.tr("✗ {answer} is not {name}. Try again (try {n}).").format(
            answer=text.strip(), name=name, n=tries
        )
        if tries >= HINT_AFTER:
            self.show_hint(wrong)
        else:
            self._say(wrong)
        self.selectAll()
        return False

    def focusOutEvent(self, event: Any) -> None:  # noqa: N802
        QLineEdit.focusOutEvent(self, event)
        if not self._done:  # decided once the click that took the focus has reached its widget
            QTimer.singleShot(0, self, self._focus_left)

    def _focus_left(self) -> None:
        """A click away closes the box (a wrong answer typed and left is counted); a click on
        Hint gives the focus back."""
        if self._done or self.hasFocus():
            return
        if self._to_hint:
            self._to_hint = False
            self.setFocus()
            return
        self.commit()
        if not self._done:
            self.view.close_editor()


def _shape_advice(shape: tuple[int, ...]) -> str:
    from PySide6.QtCore import QCoreApplication

    translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")
    if len(shape) == 0:
        return translate("AnswerEditor", "This number is a single number: type it like 6 or -0.5.")
    if len(shape) == 1:
        return translate("AnswerEditor", "This number is a vector of {n}: type it like [1, 2, 3].").format(
            n=shape[0]
        )
    return translate(
        "AnswerEditor", "This number is a {rows}×{cols} matrix: type it like [[1, 2], [3, 4]]."
    ).format(rows=shape[0], cols=shape[1])
