"""Starting the editor: the application object, the window, crash recovery."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from .. import __version__, resources_dir
from . import dialogs
from .autosave_folder import autosave_folder, old_autosave_folder, tidy_autosaves
from .document import document_title
from .files import Autosave, Recovered
from .i18n import install_translators

translate = QCoreApplication.translate


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
_windows: list = []  # every window shown, kept alive until the app ends


def _show(window) -> None:
    app = QApplication.instance()
    if not _file_open:
        _file_open.append(FileOpenFilter(app))  # type: ignore[arg-type]
        app.installEventFilter(_file_open[0])  # type: ignore[union-attr]
    _file_open[0].window = window
    _windows.append(window)
    window.show()
    window.view.frame_when_shown()


def offer_recovery(window) -> list:
    """After a crash, offer the autosaved work of every session that died: each file by name,
    folder and time. Yes opens each in a window of its own (the first in ``window``); the
    windows are returned. Declining deletes the autosaved copies."""
    orphans = window.autosave.orphans()
    found = [(p, r) for p in orphans if (r := Autosave.recover(p)) is not None]
    found.sort(key=lambda pair: pair[1].when)
    windows = []
    if found:
        answer = dialogs.question(
            window,
            translate("MainWindow", "Recover unsaved work?"),
            recovery_text([r for _, r in found]),
            dialogs.Button.Yes | dialogs.Button.Discard,
            dialogs.Button.Yes,
        )
        if answer == dialogs.Button.Yes:
            windows = [_recovered_window(window, i, r) for i, (_, r) in enumerate(found)]
    for orphan in orphans:
        Autosave.remove(orphan)
    return windows


def _recovered_window(first, index: int, found: Recovered):
    from .main_window import MainWindow

    window = first if index == 0 else MainWindow(autosave=Autosave(first.autosave.folder))
    window.recover(found)
    if window is not first:
        _show(window)
    return window


def recovery_text(found: list[Recovered]) -> str:
    """What the recovery question lists: each document's name, its folder, and when it was saved."""
    lines = []
    for r in found:
        where = str(r.path.parent) if r.path else translate("MainWindow", "not saved yet")
        lines.append(f"• {document_title(r.graph, r.path)}  ({where})")
        # A date that reads the same in every language and country: 2026-03-14 09:26.
        when = r.when.strftime("%Y-%m-%d %H:%M")
        lines.append("   " + translate("MainWindow", "autosaved {time}").format(time=when))
    head = translate(
        "MainWindow",
        "Backprop Studio did not close properly last time. This unsaved work was kept:",
    )
    tail = translate("MainWindow", "Recover it? Discard deletes these copies.")
    return "\n".join([head, "", *lines, "", tail])
