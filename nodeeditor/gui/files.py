"""Reading and writing graph files from the GUI: QSaveFile, autosave, examples."""

from __future__ import annotations

import contextlib
import uuid
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile, QSaveFile

from .. import resources_dir
from ..model import Graph, GraphFileError, dumps, load
from .autosave_folder import autosave_folder


class SaveError(Exception):
    """A save that did not happen; the file on disk is as it was."""


def save_graph(graph: Graph, path: Path) -> None:
    """Write through QSaveFile: a temp file that replaces the old one only when complete."""
    data = dumps(graph).encode("utf-8")
    f = QSaveFile(str(path))
    if not f.open(QSaveFile.OpenModeFlag.WriteOnly):
        raise SaveError(
            QCoreApplication.translate("files", "Cannot write {path}: {why}").format(
                path=path, why=f.errorString()
            )
        )
    written = f.write(data)
    if written != len(data):
        why = f.errorString()
        f.cancelWriting()
        f.commit()
        raise SaveError(
            QCoreApplication.translate("files", "Cannot write {path}: {why}").format(path=path, why=why)
        )
    if not f.commit():
        raise SaveError(
            QCoreApplication.translate("files", "Cannot save {path}: {why}").format(
                path=path, why=f.errorString()
            )
        )


def load_graph(path: Path) -> Graph:
    """Load a graph file; GraphFileError says what and where."""
    return load(path)


def example_paths() -> list[Path]:
    """The example graphs shipped inside the package."""
    return sorted((resources_dir() / "examples").glob("*.bpgraph"))


def example_path(name: str) -> Path:
    return resources_dir() / "examples" / name


class Autosave:
    """A copy of unsaved work in the app's data folder, and recovery after a crash.

    Each running window holds a QLockFile next to its autosave file; a file whose
    lock is stale belongs to a session that crashed.
    """

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or autosave_folder()
        self.folder.mkdir(parents=True, exist_ok=True)
        self.path = self.folder / f"{uuid.uuid4().hex}.bpgraph"
        self._lock = QLockFile(str(self.path) + ".lock")
        self._lock.setStaleLockTime(0)
        self._lock.tryLock(0)

    def write(self, graph: Graph) -> None:
        with contextlib.suppress(SaveError):  # best effort; the next minute tries again
            save_graph(graph, self.path)

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)

    def close(self) -> None:
        self.discard()
        self._lock.unlock()

    def orphans(self) -> list[Path]:
        """Autosave files left by sessions that ended without closing."""
        found = []
        for p in sorted(self.folder.glob("*.bpgraph")):
            if p == self.path:
                continue
            lock = QLockFile(str(p) + ".lock")
            lock.setStaleLockTime(0)
            if lock.tryLock(0):
                lock.unlock()
                found.append(p)
        return found

    @staticmethod
    def recover(path: Path) -> Graph | None:
        try:
            return load(path)
        except GraphFileError:
            return None

    @staticmethod
    def remove(path: Path) -> None:
        path.unlink(missing_ok=True)
        Path(str(path) + ".lock").unlink(missing_ok=True)
