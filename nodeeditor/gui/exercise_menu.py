"""The Exercise menu and the canvas's context menu: a teacher hides numbers, a student asks
for a hint or for the answers. Every change of the exercise is one undo step."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP as _T
from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox, QWidget

from ..model import Edge
from ..model.exercise import DEFAULT_RTOL, GRAD, VALUE, Blank, Exercise, hint, score
from . import dialogs, exercise_view
from .commands import SetExerciseCommand
from .edge_item import EdgeItem
from .node_item import NodeItem

if TYPE_CHECKING:
    from .scene import GraphScene
    from .view import GraphView

CONTEXT = "Exercise"
ACTIONS = (  # (name, text, what it does)
    ("hide_value", _T("Exercise", "Hide &Value")),
    ("hide_grad", _T("Exercise", "Hide &Gradient")),
    ("unhide", _T("Exercise", "Show This &Number Again")),
    ("hide_all", _T("Exercise", "Hide &All Gradients")),
    ("tolerance", _T("Exercise", "&Tolerance…")),
    ("hint", _T("Exercise", "&Hint")),
    ("show_answers", _T("Exercise", "Show &Answers…")),
)


translate = QCoreApplication.translate  # lupdate finds translate("Exercise", "text")


def tr(text: str) -> str:
    """A text marked elsewhere (ACTIONS) in this module's context."""
    return translate(CONTEXT, text)


def _targets(scene: GraphScene) -> list[str | Edge]:
    items = [i for i in scene.selectedItems() if isinstance(i, (NodeItem, EdgeItem))]
    return [i.node.id if isinstance(i, NodeItem) else i.edge for i in items]


def _blank(target: str | Edge, what: str) -> Blank:
    return Blank(node=target, what=what) if isinstance(target, str) else Blank(edge=target, what=what)


def _exercise(scene: GraphScene) -> Exercise:
    exercise = scene.graph.exercise
    return Exercise() if exercise is None else exercise.copy()


def _push(scene: GraphScene, exercise: Exercise, text: str) -> None:
    scene.push(SetExerciseCommand(scene.graph, exercise if exercise.blanks else None, text))


def hide(scene: GraphScene, targets: list[str | Edge], what: str) -> int:
    """Hide ``what`` of each target not hidden yet (one undo step); how many were hidden."""
    exercise = _exercise(scene)
    known = set(exercise.blanks)
    new = list(dict.fromkeys(b for b in (_blank(t, what) for t in targets) if b not in known))
    if what == GRAD:  # an Output's gradient is its seed, shown on the node: nothing to predict
        new = [b for b in new if b.node is None or scene.graph.nodes[b.node].type != "Output"]
    if new:
        exercise.blanks += new
        text = (
            translate("Exercise", "Hide Value") if what == VALUE else translate("Exercise", "Hide Gradient")
        )
        _push(scene, exercise, text.replace("&", ""))
    return len(new)


def hide_all_gradients(scene: GraphScene) -> int:
    """A blank for every wire's gradient, except the wires into an Output (their gradient is the seed)."""
    graph = scene.graph
    wires = [e for e in graph.edges if graph.nodes[e.dst].type != "Output"]
    return hide(scene, list(wires), GRAD)


def unhide(scene: GraphScene, targets: list[str | Edge]) -> int:
    exercise = _exercise(scene)
    chosen = set(targets)
    gone = [b for b in exercise.blanks if b.target in chosen]
    if gone:
        dropped = set(gone)
        exercise.blanks = [b for b in exercise.blanks if b not in dropped]
        for b in gone:
            exercise.answers.pop(b, None)
        _push(scene, exercise, translate("Exercise", "Show Number Again"))
    return len(gone)


def set_tolerance(parent: QWidget, scene: GraphScene) -> bool:
    exercise = _exercise(scene)
    rtol, ok = QInputDialog.getDouble(
        parent,
        translate("Exercise", "Tolerance"),
        translate(
            "Exercise",
            "An answer is right when it is within this fraction of the true number (0.001 is 0.1%):",
        ),
        exercise.rtol if scene.graph.exercise is not None else DEFAULT_RTOL,
        0.0,
        1.0,
        6,
    )
    if not ok or rtol == exercise.rtol:
        return False
    exercise.rtol = rtol
    if exercise.blanks:
        _push(scene, exercise, translate("Exercise", "Set Tolerance"))
    return True


def show_answers(parent: QWidget, scene: GraphScene) -> bool:
    """Ask first; then every hidden number shows, and the file records that it was shown."""
    document = scene.document
    if exercise_view.open_count(document) == 0:
        return False
    answer = dialogs.question(
        parent,
        translate("Exercise", "Show the answers?"),
        translate(
            "Exercise",
            "Every hidden number will be shown, and the file will record that you saw the answers. "
            "This cannot be undone.",
        ),
        dialogs.Button.Yes | dialogs.Button.Cancel,
        dialogs.Button.Cancel,
    )
    if answer != dialogs.Button.Yes:
        return False
    exercise = _exercise(scene)
    exercise.answers_shown = True
    _push(scene, exercise, translate("Exercise", "Show Answers"))
    return True


def hint_text(scene: GraphScene, target: str | Edge, what: str) -> str | None:
    blank = exercise_view.blank_at(scene.document, target, what)
    if blank is None:
        return None
    return hint(scene.graph, scene.document.result, blank, QCoreApplication.translate)


def score_text(document: Any) -> str:
    exercise = document.graph.exercise
    if exercise is None or document.true_result is None:
        return ""
    right, total = score(exercise, document.true_result)
    return translate("Exercise", "{right} of {total} predicted right").format(right=right, total=total)


class ExerciseMenu(QObject):
    """The window's Exercise menu; its actions work on the window's current scene."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.menu = window._menu(window.menuBar(), _T("MainWindow", "E&xercise"))
        self.actions: dict[str, QAction] = {}
        for name, text in ACTIONS:
            action = QAction(window)
            # set again when the language changes, in this module's context (not the window's)
            window._translated(lambda _text, a=action, s=text: a.setText(tr(s)), text)
            action.triggered.connect(getattr(self, name))
            self.actions[name] = action
            self.menu.addAction(action)
            if name in ("hide_all", "tolerance"):
                self.menu.addSeparator()
        self.menu.aboutToShow.connect(self._enable)

    def _enable(self) -> None:
        scene = self.window.scene
        selected = bool(_targets(scene))
        hidden = exercise_view.has_blanks(scene.document)
        for name in ("hide_value", "hide_grad"):
            self.actions[name].setEnabled(selected)
        self.actions["unhide"].setEnabled(selected and hidden)
        self.actions["tolerance"].setEnabled(hidden)
        self.actions["hint"].setEnabled(selected and exercise_view.open_count(scene.document) > 0)
        self.actions["show_answers"].setEnabled(exercise_view.open_count(scene.document) > 0)

    def _say(self, text: str) -> None:
        self.window.show_message(text)

    def hide_value(self) -> None:
        hide(self.window.scene, _targets(self.window.scene), VALUE)

    def hide_grad(self) -> None:
        hide(self.window.scene, _targets(self.window.scene), GRAD)

    def hide_all(self) -> None:
        hide_all_gradients(self.window.scene)

    def unhide(self) -> None:
        unhide(self.window.scene, _targets(self.window.scene))

    def tolerance(self) -> None:
        set_tolerance(self.window, self.window.scene)

    def hint(self) -> None:
        scene = self.window.scene
        for target in _targets(scene):
            for what in (GRAD, VALUE):
                text = hint_text(scene, target, what)
                if text is not None:
                    box = QMessageBox(
                        QMessageBox.Icon.Information, translate("Exercise", "Hint"), text, parent=self.window
                    )
                    box.setTextFormat(Qt.TextFormat.PlainText)  # names come from the file
                    box.exec()
                    return
        self._say(translate("Exercise", "Select a wire or node with a hidden number (?) first."))

    def show_answers(self) -> None:
        if show_answers(self.window, self.window.scene):
            self._say(score_text(self.window.document))


def context_menu(view: GraphView, event: QContextMenuEvent) -> bool:
    """Right-click on a node or a wire: the exercise's actions for it; False on empty canvas."""
    item = view.itemAt(event.pos())
    while item is not None and not isinstance(item, (NodeItem, EdgeItem)):
        item = item.parentItem()
    if item is None:
        return False
    scene = view.graph_scene
    if not item.isSelected():
        scene.clearSelection()
        item.setSelected(True)
    menu = QMenu(view)
    add_actions(menu, view)
    menu.popup(event.globalPos())
    view._context_menu = menu  # kept for tests and until it closes
    return True


def add_actions(menu: QMenu, view: GraphView) -> None:
    """The exercise's entries for what is selected, added to a context menu (another feature's
    node menu can take them too)."""
    scene = view.graph_scene
    owner = getattr(view.window(), "exercise_menu", None)
    if owner is not None:
        owner._enable()
        for name in ("hide_value", "hide_grad", "unhide", "hint"):
            menu.addAction(owner.actions[name])
    else:  # a view without the window's menu (a test's): the teacher's two actions
        menu.addAction(translate("Exercise", "Hide Value"), lambda: hide(scene, _targets(scene), VALUE))
        menu.addAction(translate("Exercise", "Hide Gradient"), lambda: hide(scene, _targets(scene), GRAD))
