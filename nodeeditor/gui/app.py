"""Starting the editor: the application object, the window, crash recovery."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import __version__, resources_dir
from .autosave_folder import autosave_folder, old_autosave_folder, tidy_autosaves
from .files import Autosave
from .i18n import install_translators


def application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, named so QSettings and QStandardPaths find our folders."""
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName("Backprop Studio")
        QCoreApplication.setApplicationName("Backprop Studio")
        QCoreApplication.setApplicationVersion(__version__)
        QGuiApplication.setDesktopFileName("backprop-studio")  # matches the desktop entry
        app = QApplication(argv if argv is not None else sys.argv[:1])
        install_translators(app)
        icon = app_icon()
        if not icon.isNull():
            app.setWindowIcon(icon)
    return app  # type: ignore[return-value]


def app_icon() -> QIcon:
    path = resources_dir() / "icons" / "backprop-studio.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()


def run(path: str | None = None) -> int:
    """Open the editor (with FILE, or the seed example) and run until it closes."""
    app = application()
    tidy_autosaves(autosave_folder(), [old_autosave_folder()])
    from .main_window import MainWindow

    window = MainWindow()
    if path is not None:
        window.open_path(Path(path))
    elif not offer_recovery(window):
        window.open_seed_example()
    _show(window)
    return app.exec()


class FileOpenFilter(QObject):
    """macOS sends a double-clicked file to the running app as a FileOpen event."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.window = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FileOpen and self.window is not None:
            if self.window.maybe_save():
                self.window.open_path(Path(event.file()))  # type: ignore[attr-defined]
            return True
        return super().eventFilter(watched, event)


_file_open: list[FileOpenFilter] = []


def _show(window) -> None:
    window.language_changed.connect(lambda _code, w=window: _rebuild_in_new_language(w))
    app = QApplication.instance()
    if not _file_open:
        _file_open.append(FileOpenFilter(app))  # type: ignore[arg-type]
        app.installEventFilter(_file_open[0])  # type: ignore[union-attr]
    _file_open[0].window = window
    window.show()
    window.view.frame_when_shown()


def _rebuild_in_new_language(old) -> None:
    """Every string is translated when a window is built, so build the window anew."""
    from .main_window import MainWindow

    install_translators(QCoreApplication.instance())  # type: ignore[arg-type]
    new = MainWindow(autosave=old.autosave)
    new.restoreGeometry(old.saveGeometry())
    document = old.take_document()
    if document is not None:
        new.set_document(document)
    old.close()
    old.deleteLater()
    _show(new)


def offer_recovery(window) -> bool:
    """After a crash, offer the autosaved work of the session that died."""
    orphans = window.autosave.orphans()
    if not orphans:
        return False
    newest = max(orphans, key=lambda p: p.stat().st_mtime)
    answer = QMessageBox.question(
        window,
        QCoreApplication.translate("MainWindow", "Recover unsaved work?"),
        QCoreApplication.translate(
            "MainWindow", "Backprop Studio did not close properly last time. Recover the unsaved graph?"
        ),
    )
    recovered = answer == QMessageBox.StandardButton.Yes and window.recover(newest)
    for orphan in orphans:
        Autosave.remove(orphan)
    return bool(recovered)
