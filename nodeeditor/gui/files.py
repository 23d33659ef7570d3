"""Reading and writing graph files from the GUI: saving, autosave, examples."""

from __future__ import annotations

import contextlib
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLockFile

from .. import resources_dir
from ..model import Graph, GraphFileError, layered_layout, load, save
from .autosave_folder import autosave_folder
from .i18n import error_text


class SaveError(Exception):
    """A save that did not happen; the file on disk is as it was."""


def save_graph(graph: Graph, path: Path) -> None:
    """Write through the model's ``save``: the file on disk stays the old one or becomes the new
    one, whole; the same guarantees and reasons as the command line (QSaveFile cannot save
    beside a 251-character name and does not flush the folder)."""
    try:
        save(graph, path)
    except GraphFileError as exc:
        text = error_text(exc)
        raise SaveError(text[:1].upper() + text[1:]) from None


def load_graph(path: Path, layout: bool = True) -> Graph:
    """Load a graph file; GraphFileError says what and where (a FIFO or a device is
    refused by the loader before it reads anything)."""
    return load(path, layout=layout)


def place_unplaced(graph: Graph) -> None:
    """Lay out the nodes a file gave no position, as ``load`` does (for ``load_graph(layout=False)``)."""
    if any(node.pos is None for node in graph.nodes.values()):
        for node_id, pos in layered_layout(graph, only_missing=True).items():
            graph.nodes[node_id].pos = pos


def example_paths() -> list[Path]:
    """The example graphs shipped inside the package."""
    return sorted((resources_dir() / "examples").glob("*.bpgraph"))


def example_path(name: str) -> Path:
    return resources_dir() / "examples" / name


ORIGIN_KEY = "autosave_of"  # a top-level key of autosave files only: whose unsaved work it is


@dataclass
class Recovered:
    """Autosaved work found after a crash: the graph, its file (or example) and when it was saved."""

    graph: Graph
    path: Path | None
    example: Path | None
    when: datetime


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

    def write(self, graph: Graph, origin: Path | None = None, example: Path | None = None) -> None:
        """Keep a copy of ``graph``, noting the file (or shipped example) it is unsaved work on."""
        before = graph.meta.pop(ORIGIN_KEY, None)
        graph.meta[ORIGIN_KEY] = {
            "path": str(origin) if origin is not None else None,
            "example": example.name if example is not None else None,
        }
        try:
            with contextlib.suppress(SaveError):  # best effort; the next minute tries again
                save_graph(graph, self.path)
        finally:
            del graph.meta[ORIGIN_KEY]
            if before is not None:
                graph.meta[ORIGIN_KEY] = before

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
    def recover(path: Path) -> Recovered | None:
        """The work autosaved in ``path``, with the file it belongs to; None if it cannot be read."""
        try:
            graph = load(path)
            when = datetime.fromtimestamp(path.stat().st_mtime)
        except (GraphFileError, OSError):
            return None
        origin = graph.meta.pop(ORIGIN_KEY, None)
        origin = origin if isinstance(origin, dict) else {}
        file, example = origin.get("path"), origin.get("example")
        from .course_progress import course_paths  # a lesson of the course is shipped work too

        shipped = next((p for p in [*example_paths(), *course_paths()] if p.name == example), None)
        return Recovered(graph, Path(file) if isinstance(file, str) and file else None, shipped, when)

    @staticmethod
    def remove(path: Path) -> None:
        path.unlink(missing_ok=True)
        Path(str(path) + ".lock").unlink(missing_ok=True)
