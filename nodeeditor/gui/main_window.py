"""The main window: menus, toolbar, docks and the file actions."""

from __future__ import annotations

import platform
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import PySide6
from PySide6.QtCore import QT_TRANSLATE_NOOP as _T
from PySide6.QtCore import QCoreApplication, QPointF, QSettings, Qt, QTimer, qVersion
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QFrame,
    QMainWindow,
    QMenu,
    QMenuBar,
    QMessageBox,
    QScrollArea,
    QWidget,
)

from .. import __version__
from ..model import Graph, GraphFileError, layered_layout
from . import dialogs, python_import
from .clipboard import MIME, copy_document, paste_specs
from .code_dock import CodeDock, export_python
from .commands import AddNodesCommand, MoveCommand
from .course_panel import CoursePanel
from .document import Document
from .exercise_menu import ExerciseMenu
from .exercise_view import copy_refusal
from .files import (
    Autosave,
    Recovered,
    SaveError,
    example_path,
    example_paths,
    load_graph,
    place_unplaced,
    save_graph,
)
from .gradcheck_panel import GradCheckPanel
from .help_pages import GettingStarted, Shortcuts, plain_action_text
from .i18n import (
    LANGUAGES,
    Retranslatable,
    chosen_language,
    current_language,
    error_text,
    install_translators,
    set_chosen_language,
)
from .inspector import Inspector
from .large_graph import Summary, large_graph_question, too_large
from .lesson_panel import LessonPanel, lesson_text
from .palette import PaletteWidget
from .scene import GraphScene
from .search_popup import NodeSearchPopup
from .step_panel import StepPanel
from .training_panel import TrainingPanel
from .view import GraphView


def _scrolling(panel: QWidget) -> QScrollArea:
    """A panel taller than its dock scrolls, instead of stretching the window or being cut."""
    area = QScrollArea()
    area.setWidget(panel)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    # Only upright scrolling: the dock stays as wide as the panel needs (spin boxes, buttons).
    area.setMinimumWidth(panel.minimumSizeHint().width() + area.verticalScrollBar().sizeHint().width())
    return area


FILE_FILTER = _T("MainWindow", "Graph files (*.bpgraph *.json);;All files (*)")
AUTOSAVE_MS = 60_000
MESSAGE_MS = 8000
MAX_RECENT = 8
SEED_EXAMPLE = "03_add_square.bpgraph"


def key_sequences(keys: list) -> list[QKeySequence]:
    """Every binding the platform has for a standard key (its own first, as menus show the first),
    then the other keys; Redo also answers Ctrl+Y where the platform lacks it, except on macOS."""
    found: list[QKeySequence] = []
    for key in keys:
        if isinstance(key, QKeySequence.StandardKey):
            found += QKeySequence.keyBindings(key)
            if key == QKeySequence.StandardKey.Redo and sys.platform != "darwin":
                found.append(QKeySequence("Ctrl+Y"))
        else:
            found.append(QKeySequence(key))
    return list(dict.fromkeys(found))


def _set_action_text(action: QAction, text: str) -> None:
    action.setText(text)
    # Qt's own short form keeps the "(N)" of "새로 만들기(&N)": not on a toolbar button.
    action.setIconText(plain_action_text(text))


class MainWindow(Retranslatable, QMainWindow):
    def __init__(self, autosave: Autosave | None = None) -> None:
        super().__init__()
        # (setter, source text): every text set again when the language changes
        self._texts: list[tuple[Callable[[str], None], str]] = []
        self.setWindowTitle(self.tr("Backprop Studio"))
        screen = QGuiApplication.primaryScreen().availableGeometry()
        self.resize(int(screen.width() * 0.9), int(screen.height() * 0.9))
        self.document: Document | None = None
        self._message_is_fresh = False
        self._getting_started: GettingStarted | None = None
        self._shortcuts: Shortcuts | None = None
        self.autosave = autosave if autosave is not None else Autosave()
        self.palette = PaletteWidget()
        self.inspector = Inspector()
        self.lesson = LessonPanel()
        self.steps = StepPanel()
        self.gradcheck = GradCheckPanel()
        self.training = TrainingPanel()
        self.code = CodeDock()
        self._search = NodeSearchPopup(self)
        self._search_pos = QPointF()
        self._search.chosen.connect(lambda t: self.scene.add_node(t, self._search_pos))
        self._search.formula_chosen.connect(lambda g: python_import.add_formula(self, g, self._search_pos))
        self._search.formula_refused.connect(self.show_message)
        first = Document(parent=self)
        self.view = GraphView(GraphScene(first), self)
        self.setCentralWidget(self.view)
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        palette = self._add_dock(self.palette, _T("MainWindow", "Nodes"), left, "palette")
        inspector = self._add_dock(
            _scrolling(self.inspector), _T("MainWindow", "Inspector"), right, "inspector"
        )
        lesson = self._add_dock(_scrolling(self.lesson), _T("MainWindow", "Lesson"), right, "lesson")
        training = self._add_dock(_scrolling(self.training), _T("MainWindow", "Training"), right, "training")
        self.tabifyDockWidget(inspector, training)
        inspector.raise_()
        self._right_front = inspector  # raised again once shown (see showEvent)
        self.splitDockWidget(inspector, lesson, Qt.Orientation.Vertical)
        code = self._add_dock(self.code, _T("MainWindow", "Code"), bottom, "code")
        code.visibilityChanged.connect(self.code.set_in_sight)
        self.steps.step_shown.connect(self.code.show_step)
        self.course = CoursePanel(self.lesson, self.open_lesson)
        self.lesson.losses = lambda: self.training.losses  # "train until the loss is below …"
        course = self._add_dock(self.course, _T("MainWindow", "Course"), left, "course")
        steps = self._add_dock(self.steps, _T("MainWindow", "Step through"), bottom, "steps")
        gradcheck = self._add_dock(self.gradcheck, _T("MainWindow", "Gradient check"), bottom, "gradcheck")
        # View ▸ Code opens the code beside the step-through, whose caption it follows line by
        # line; as a fourth tab on the right it would cut every tab's name short at 1280×800.
        self.splitDockWidget(steps, code, Qt.Orientation.Horizontal)
        code.hide()
        # Qt 6.11 gives a second tab group formed before the window is shown two tab bars; the
        # stale one stays drawn over the status bar. Formed once shown, it has one.
        self._untabified: tuple[QDockWidget, ...] | None = (steps, gradcheck, palette, course)
        self._lesson_dock = lesson
        self.inspector.node_selected.connect(inspector.raise_)  # its numbers come forward
        # Narrow side docks leave the canvas the room it needs: the buying-apples lesson
        # fits whole in a 1280×800 screen (window 90% of it) at the smallest frame zoom.
        self.resizeDocks([palette, inspector], [185, 260], Qt.Orientation.Horizontal)
        self.palette.add_requested.connect(self.add_at_center)
        self.view.search_requested.connect(self.open_search)
        self._make_actions()
        self._make_menus()
        self._ready = self.tr("Ready")
        self.statusBar().showMessage(self._ready)
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setInterval(AUTOSAVE_MS)
        self._autosave_timer.timeout.connect(self.write_autosave)
        self._autosave_timer.start()
        self.set_document(first)

    # -- the document --------------------------------------------------------------

    @property
    def scene(self) -> GraphScene:
        return self.view.graph_scene

    def set_document(self, document: Document) -> None:
        old_scene = self.view.scene()
        old_doc = self.document
        self.document = document
        document.setParent(self)  # the window owns its document's lifetime
        scene = GraphScene(document)
        scene.snap = self.snap_action.isChecked()
        scene.message.connect(self.show_message)
        self.view.close_editor()
        self.view.setScene(scene)
        document.changed.connect(self.view._grow_scene_rect)
        self.view._grow_scene_rect()
        self.inspector.set_scene(scene)
        self.steps.set_scene(scene)
        self.gradcheck.set_scene(scene)
        self.training.set_scene(scene)
        self.code.set_scene(scene)
        if self.lesson.show_document(document):
            self._lesson_dock.raise_()  # a lesson opened: its explanation comes first
            self._right_front = self._lesson_dock
        document.undo_stack.cleanChanged.connect(self._update_title)
        document.undo_stack.indexChanged.connect(self._action_done)
        document.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        document.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_action.setEnabled(document.undo_stack.canUndo())
        self.redo_action.setEnabled(document.undo_stack.canRedo())
        document.path_changed.connect(self._update_title)
        document.names_shown.connect(self._names_shown)
        self._update_title()
        self._action_done()  # what was said about the last document is stale
        if isinstance(old_scene, GraphScene):
            old_scene.detach()
            old_scene.deleteLater()
        if old_doc is not None and old_doc is not document:
            old_doc.close()
            old_doc.deleteLater()
        self.view.frame_when_shown()

    def _names_shown(self, node_ids: list[str]) -> None:
        for n in node_ids:
            self.scene.node_items[n].update()
        self.scene.arrange_labels()

    def _update_title(self, *_: object) -> None:
        doc = self.document
        if doc is None:
            return
        # A literal "[*]" in a name must not become the modified mark.
        name = doc.title.replace("[*]", "[*][*]")
        self.setWindowTitle(self.tr("{name}[*] — Backprop Studio").format(name=name))
        self.setWindowModified(doc.modified)

    def show_message(self, text: str) -> None:
        """A status message until MESSAGE_MS pass or the next action (an edit, undo or redo) is done."""
        self.statusBar().showMessage(text, MESSAGE_MS)
        # An action may speak before or after it lands on the undo stack: what is said in the
        # same turn of the event loop belongs to it and stays.
        self._message_is_fresh = True
        QTimer.singleShot(0, self, self._message_aged)

    def _message_aged(self) -> None:
        self._message_is_fresh = False

    def _action_done(self) -> None:
        if not self._message_is_fresh:
            self.statusBar().clearMessage()

    # -- actions --------------------------------------------------------------------

    def _translated(self, setter: Callable[[str], None], source: str) -> None:
        """Set a text now, and again in the new language whenever the language changes."""
        self._texts.append((setter, source))
        setter(self.tr(source))

    def retranslate(self) -> None:
        """Every text of the window in the interface's language now; nothing else changes."""
        for setter, source in self._texts:
            setter(self.tr(source))
        self._fill_examples()
        if self.document is not None:
            self.document.show_names(current_language())
        if self.statusBar().currentMessage() == self._ready:
            self._ready = self.tr("Ready")
            self.statusBar().showMessage(self._ready)
        self._update_title()

    def _action(self, source: str, slot, shortcut=None, checkable: bool = False) -> QAction:
        """An action called ``source`` (marked with _T) in the interface's language."""
        action = QAction(self)
        self._translated(lambda text: _set_action_text(action, text), source)
        if shortcut is not None:
            action.setShortcuts(key_sequences(shortcut if isinstance(shortcut, list) else [shortcut]))
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        K = QKeySequence.StandardKey  # noqa: N806
        self.new_action = self._action(_T("MainWindow", "&New"), self.new_file, K.New)
        self.open_action = self._action(_T("MainWindow", "&Open…"), self.open_dialog, K.Open)
        self.save_action = self._action(_T("MainWindow", "&Save"), self.save, K.Save)
        self.save_as_action = self._action(_T("MainWindow", "Save &As…"), self.save_as, K.SaveAs)
        self.export_action = self._action(_T("MainWindow", "&Export Picture…"), self.export_picture, "Ctrl+E")
        python = _T("MainWindow", "Export as &Python…")
        self.export_python_action = self._action(python, lambda: export_python(self))
        self.grade_action = self._action(_T("MainWindow", "&Grade a Folder…"), self.grade_folder)
        self.import_python_action = self._action(
            _T("MainWindow", "&Import Python…"), lambda: python_import.import_dialog(self)
        )
        self.quit_action = self._action(_T("MainWindow", "&Quit"), self.close, K.Quit)
        self.undo_action = self._action(
            _T("MainWindow", "&Undo"), lambda: self.document.undo_stack.undo(), K.Undo
        )
        self.redo_action = self._action(
            _T("MainWindow", "&Redo"), lambda: self.document.undo_stack.redo(), K.Redo
        )
        self.cut_action = self._action(_T("MainWindow", "Cu&t"), self.cut, K.Cut)
        self.copy_action = self._action(_T("MainWindow", "&Copy"), self.copy, K.Copy)
        self.paste_action = self._action(_T("MainWindow", "&Paste"), self.paste, K.Paste)
        self.duplicate_action = self._action(_T("MainWindow", "D&uplicate"), self.duplicate, "Ctrl+D")
        self.delete_action = self._action(_T("MainWindow", "&Delete"), self.delete, [K.Delete, "Backspace"])
        self.select_all_action = self._action(_T("MainWindow", "Select &All"), self.select_all, K.SelectAll)
        self.zoom_in_action = self._action(
            _T("MainWindow", "Zoom &In"), lambda: self.view.zoom_in(), ["Ctrl+=", K.ZoomIn]
        )
        self.zoom_out_action = self._action(
            _T("MainWindow", "Zoom &Out"), lambda: self.view.zoom_out(), K.ZoomOut
        )
        self.zoom_reset_action = self._action(
            _T("MainWindow", "&Actual Size"), lambda: self.view.zoom_reset(), "Ctrl+0"
        )
        self.frame_action = self._action(_T("MainWindow", "&Frame Selection"), lambda: self.view.frame(), "F")
        self.tidy_action = self._action(_T("MainWindow", "&Tidy Layout"), self.tidy_layout, "Ctrl+L")
        self.snap_action = self._action(
            _T("MainWindow", "&Snap to Grid"), self.set_snap, None, checkable=True
        )
        self.getting_started_action = self._action(
            _T("MainWindow", "&Getting Started"), self.show_getting_started, K.HelpContents
        )
        self.shortcuts_action = self._action(_T("MainWindow", "&Keyboard Shortcuts"), self.show_shortcuts)
        self.about_action = self._action(_T("MainWindow", "&About Backprop Studio"), self.about)
        self._drop_clashing_keys()

    def _drop_clashing_keys(self) -> None:
        """A key two actions claim does nothing at all: X11 also deletes with Ctrl+D, which is
        Duplicate here. An action keeps its first key; the platform's extra ones yield."""
        claims = Counter(key for action in self.actions() for key in action.shortcuts())
        for action in self.actions():
            keys = action.shortcuts()
            action.setShortcuts(keys[:1] + [k for k in keys[1:] if claims[k] == 1])

    def _make_menus(self) -> None:
        bar = self.menuBar()
        file_menu = self._menu(bar, _T("MainWindow", "&File"))
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = self._menu(file_menu, _T("MainWindow", "Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.examples_menu = self._menu(file_menu, _T("MainWindow", "E&xamples"))
        self._example_graphs = {path: load_graph(path) for path in example_paths()}
        self._fill_examples()
        file_menu.addAction(self.import_python_action)
        file_menu.addSeparator()
        file_menu.addActions([self.save_action, self.save_as_action, self.export_action])
        file_menu.addAction(self.export_python_action)
        file_menu.addSeparator()
        file_menu.addAction(self.grade_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit = self._menu(bar, _T("MainWindow", "&Edit"))
        edit.addActions([self.undo_action, self.redo_action])
        edit.addSeparator()
        edit.addActions([self.cut_action, self.copy_action, self.paste_action, self.duplicate_action])
        edit.addActions([self.delete_action, self.select_all_action])
        view = self._menu(bar, _T("MainWindow", "&View"))
        view.addActions([self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action])
        view.addActions([self.frame_action, self.tidy_action, self.snap_action])
        view.addSeparator()
        for dock in self.findChildren(QDockWidget):
            view.addAction(dock.toggleViewAction())
        view.addSeparator()
        language = self._menu(view, _T("MainWindow", "&Language"))
        group = QActionGroup(self)
        for code, name in [("system", _T("MainWindow", "System default")), *LANGUAGES.items()]:
            action = language.addAction(name)
            if code == "system":
                self._translated(action.setText, name)
            action.setCheckable(True)
            action.setChecked(chosen_language() == code)
            action.setData(code)
            group.addAction(action)
            action.triggered.connect(lambda _=False, c=code: self.choose_language(c))
        self.exercise_menu = ExerciseMenu(self)  # hide numbers, hints, show answers
        help_menu = self._menu(bar, _T("MainWindow", "&Help"))
        help_menu.addActions([self.getting_started_action, self.shortcuts_action])
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)
        tools = self.addToolBar("")
        self._translated(tools.setWindowTitle, _T("MainWindow", "Main"))
        tools.setObjectName("main-toolbar")
        tools.addActions([self.new_action, self.open_action, self.save_action])
        tools.addSeparator()
        tools.addActions([self.undo_action, self.redo_action])
        tools.addSeparator()
        tools.addActions([self.frame_action, self.tidy_action])

    def _menu(self, parent: QMenuBar | QMenu, source: str) -> QMenu:
        menu = parent.addMenu("")
        self._translated(menu.setTitle, source)
        return menu

    def _fill_examples(self) -> None:
        """One entry per shipped lesson, called by its title in the interface's language."""
        self.examples_menu.clear()
        for path, graph in self._example_graphs.items():
            found = lesson_text(graph, current_language())
            title = found[0] if found else path.stem.replace("_", " ")
            action = self.examples_menu.addAction(title.replace("&", "&&"))
            action.triggered.connect(lambda _=False, p=path: self.open_example(p))

    def _add_dock(self, widget: QWidget, source: str, area: Qt.DockWidgetArea, name: str) -> QDockWidget:
        dock = QDockWidget(self)
        self._translated(dock.setWindowTitle, source)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    # -- files -----------------------------------------------------------------------

    def open_path(self, path: Path | str) -> bool:
        """Open a file in this window; an error dialog (and stderr line) if it cannot."""
        path = Path(path)
        try:
            graph = load_graph(path, layout=False)  # laid out below, unless it is too large to draw
        except GraphFileError as exc:
            title = self.tr("Cannot open {name}").format(name=path.name)
            self.report_error(title, f"{path}: {error_text(exc)}", log=f"{path}: {exc}")
            return False
        if too_large(graph):
            self._open_read_only(graph, path)
            return False
        place_unplaced(graph)
        document = Document(graph)
        document.set_path(path.resolve())
        self.set_document(document)
        self._remember_recent(path.resolve())
        return True

    def _open_read_only(self, graph: Graph, path: Path) -> None:
        """Offer the summary of a graph too large to draw; this window keeps its document."""
        answer = dialogs.question(
            self,
            self.tr("A very large graph"),
            large_graph_question(path.name, graph),
            dialogs.Button.Open | dialogs.Button.Cancel,
            dialogs.Button.Open,
        )
        if answer == dialogs.Button.Open:
            Summary(graph, path, self).show()
            self._remember_recent(path.resolve())

    def open_example(self, path: Path) -> None:
        if not self.maybe_save():
            return
        document = Document(load_graph(path))
        document.example = path
        self.set_document(document)

    def open_lesson(self, path: Path, page: int = 0) -> bool:
        """Open a lesson of the course at a page; False if the student kept the open document."""
        if not self.maybe_save():
            return False
        self.open_example(path)
        self.lesson.show_page(page)
        return True

    def open_seed_example(self) -> None:
        document = Document(load_graph(example_path(SEED_EXAMPLE)))
        document.example = example_path(SEED_EXAMPLE)
        self.set_document(document)

    def report_error(self, title: str, detail: str, log: str | None = None) -> None:
        """A dialog and a status message in the interface's language; ``log`` (English) goes to stderr."""
        if sys.stderr is not None:  # a windowed app on Windows has no stderr
            print(f"error: {log or detail}", file=sys.stderr)
        self.show_message(detail)
        dialogs.critical(self, title, detail)

    def new_file(self) -> None:
        if self.maybe_save():
            self.set_document(Document())

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open Graph"), self._last_dir(), self.tr(FILE_FILTER)
        )
        if path:
            self.open_path(path)

    def save(self) -> bool:
        doc = self.document
        if doc is None:
            return False
        if doc.path is None:
            return self.save_as()
        return self.save_to(doc.path)

    def save_as(self) -> bool:
        doc = self.document
        start = str(doc.path) if doc.path else str(Path(self._last_dir()) / doc.suggested_name)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save Graph"), start, self.tr(FILE_FILTER))
        if not path:
            return False
        if not Path(path).suffix:
            path += ".bpgraph"
        return self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        doc = self.document
        assert doc is not None
        try:
            save_graph(doc.graph_to_save(), path)
        except SaveError as exc:
            self.report_error(
                self.tr("Save failed"), str(exc) + "\n" + self.tr("The file on disk was not changed.")
            )
            return False
        doc.set_path(path.resolve())
        doc.undo_stack.setClean()
        self.autosave.discard()
        self._remember_recent(path.resolve())
        self.show_message(self.tr("Saved {path}").format(path=path))
        return True

    def maybe_save(self) -> bool:
        """Ask about unsaved changes; False if the user cancelled."""
        doc = self.document
        if doc is None or not doc.modified:
            return True
        answer = self.ask_unsaved(doc.title)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def ask_unsaved(self, title: str) -> QMessageBox.StandardButton:
        buttons = (
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        text = self.tr("{name} has unsaved changes. Save them?").format(name=title)
        return dialogs.question(
            self, self.tr("Unsaved changes"), text, buttons, QMessageBox.StandardButton.Save
        )

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._untabified is not None:
            steps, gradcheck, palette, course = self._untabified
            self._untabified = None
            self.tabifyDockWidget(steps, gradcheck)
            self.tabifyDockWidget(palette, course)  # the nodes at hand, the list of lessons a tab away
            palette.raise_()
            steps.raise_()
            self._right_front.raise_()  # the new group puts the right-hand one's first tab in front
            self.resizeDocks([steps], [110], Qt.Orientation.Vertical)  # the buttons and a two-line caption

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.document is None:  # handed over to a new window
            event.accept()
            return
        if self.maybe_save():
            self.autosave.close()
            self.scene.detach()  # a scene torn down later must not call into a closed window
            event.accept()
        else:
            event.ignore()

    def write_autosave(self) -> None:
        doc = self.document
        if doc is not None and doc.modified:
            self.autosave.write(doc.graph_to_save(), doc.path, doc.example)

    def recover(self, found: Recovered | Path) -> bool:
        """Open autosaved work as the unsaved changes to its own file (or example)."""
        if isinstance(found, Path):
            found = Autosave.recover(found)  # type: ignore[assignment]
            if found is None:
                return False
        document = Document(found.graph)
        document.example = found.example
        document.set_path(found.path)
        self.set_document(document)
        # Recovered work is unsaved work: mark it so closing asks about it, and keep it
        # autosaved at once, since its old copy goes away.
        document.undo_stack.resetClean()
        self._update_title()
        self.write_autosave()
        return True

    def _settings(self) -> QSettings:
        return QSettings()

    def _last_dir(self) -> str:
        recent = self.recent_files()
        return str(Path(recent[0]).parent) if recent else str(Path.home())

    def recent_files(self) -> list[str]:
        value = self._settings().value("recentFiles", [])
        return [str(v) for v in value] if isinstance(value, list) else [str(value)] if value else []

    def _remember_recent(self, path: Path) -> None:
        files = [str(path)] + [f for f in self.recent_files() if f != str(path)]
        self._settings().setValue("recentFiles", files[:MAX_RECENT])

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for f in self.recent_files():
            action = self.recent_menu.addAction(f.replace("&", "&&"))  # a name's "&" is no mnemonic
            action.triggered.connect(lambda _=False, p=f: self.maybe_save() and self.open_path(p))
        if not self.recent_menu.actions():
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def export_picture(self) -> None:
        from .export import export_scene

        start = str(
            Path(self._last_dir()) / ((self.document.path.stem if self.document.path else "graph") + ".png")
        )
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export Picture"), start, self.tr("PNG image (*.png);;SVG drawing (*.svg)")
        )
        if not path:
            return
        try:
            export_scene(self.scene, Path(path))
        except OSError as exc:
            self.report_error(self.tr("Export failed"), error_text(exc), log=str(exc))
            return
        self.show_message(self.tr("Exported {path}").format(path=path))

    def grade_folder(self) -> None:
        """A teacher's class graded against a reference (grade_dialog.py), beside the window."""
        from .grade_dialog import GradeDialog

        if getattr(self, "grade_dialog", None) is None:
            self.grade_dialog = GradeDialog(self, self._last_dir())
        self.grade_dialog.show()
        self.grade_dialog.raise_()

    # -- editing -----------------------------------------------------------------------

    def add_at_center(self, type_name: str) -> None:
        self.scene.add_node(type_name, self.view.mapToScene(self.view.viewport().rect().center()))

    def open_search(self, global_pos, scene_pos: QPointF) -> None:
        self._search_pos = scene_pos
        self._search.open_at(global_pos)

    def copy(self) -> bool:
        ids = self.scene.selected_node_ids()
        if not ids:
            return False
        refused = copy_refusal(self.document, ids)
        if refused:  # the copy would hold a hidden number
            self.show_message(refused)
            return False
        from PySide6.QtCore import QMimeData

        text = copy_document(self.document.graph, ids)
        mime = QMimeData()
        mime.setData(MIME, text.encode("utf-8"))
        mime.setText(text)
        QGuiApplication.clipboard().setMimeData(mime)
        return True

    def cut(self) -> None:
        if self.copy():
            self.scene.delete_selection()

    def paste(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        text = bytes(mime.data(MIME).data()).decode("utf-8") if mime.hasFormat(MIME) else mime.text()
        self.paste_text(text)

    def paste_text(self, text: str) -> bool:
        made = paste_specs(self.document.graph, text)
        if made is None or not made[0]:
            self.show_message(self.tr("The clipboard holds no graph to paste."))
            return False
        specs, edges = made
        self.scene.push(AddNodesCommand(self.document.graph, specs, edges, self.tr("Paste")))
        self.scene.clearSelection()
        for spec in specs:
            self.scene.node_items[spec.id].setSelected(True)
        return True

    def duplicate(self) -> None:
        ids = self.scene.selected_node_ids()
        if ids:
            self.paste_text(copy_document(self.document.graph, ids))

    def delete(self) -> None:
        self.scene.delete_selection()

    def select_all(self) -> None:
        for item in self.scene.items():
            item.setSelected(True) if item.flags() & item.GraphicsItemFlag.ItemIsSelectable else None

    def tidy_layout(self) -> None:
        graph: Graph = self.document.graph
        moves = {
            n: (graph.nodes[n].pos or (0.0, 0.0), pos)
            for n, pos in layered_layout(graph).items()
            if graph.nodes[n].pos != pos
        }
        if moves:
            self.scene.push(MoveCommand(graph, moves))
            self.document.undo_stack.command(self.document.undo_stack.count() - 1).setText(
                self.tr("Tidy layout")
            )
        self.view.frame_when_shown()

    def set_snap(self, on: bool) -> None:
        self.scene.snap = on

    def choose_language(self, code: str) -> None:
        """Remember the language and speak it: Qt tells every widget (LanguageChange), which
        sets its texts again in place; the document, undo, selection and layout stay."""
        set_chosen_language(code)
        install_translators(QCoreApplication.instance())  # type: ignore[arg-type]

    def show_getting_started(self) -> None:
        if self._getting_started is None:
            keys = {
                "undo": self.undo_action.shortcuts(),
                "redo": self.redo_action.shortcuts(),
                "save": self.save_action.shortcuts(),
            }
            self._getting_started = GettingStarted(self, keys)
        self._getting_started.show()
        self._getting_started.raise_()

    def show_shortcuts(self) -> None:
        if self._shortcuts is None:
            self._shortcuts = Shortcuts(self, self.actions())
        self._shortcuts.show()
        self._shortcuts.raise_()

    def about(self) -> None:
        versions = f"Qt {qVersion()} · PySide6 {PySide6.__version__} · Python {platform.python_version()}"
        QMessageBox.about(
            self,
            self.tr("About Backprop Studio"),
            self.tr(
                "<h3>Backprop Studio {version}</h3>"
                "<p>Build computational graphs and watch forward values and backward "
                "gradients flow along every wire.</p>"
            ).format(version=__version__)
            + f"<p><small>{versions}</small></p>",
        )
