"""Where autosaves live, and the housekeeping of that folder when the editor starts."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile, QStandardPaths


def autosave_folder() -> Path:
    """``<data>/Backprop Studio/autosave``: Qt's AppDataLocation would nest the organization,
    which is the application's own name (for QSettings), as ``Backprop Studio/Backprop Studio``."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    return Path(base) / QCoreApplication.applicationName() / "autosave"


def old_autosave_folder() -> Path:
    """Where versions up to 0.1.0 autosaved: AppDataLocation, ``.../Backprop Studio/Backprop Studio``."""
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)) / "autosave"


def tidy_autosaves(folder: Path, old_folders: Iterable[Path] = ()) -> None:
    """On start, before this session locks its own autosave: bring over the work that sessions
    of earlier versions left in their folder, and delete the lock files of killed sessions that
    had not autosaved yet. A lock is stale by QLockFile's rule (the process that took it is
    gone); the lock of a running session is kept, and so is any autosave (it is offered back)."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in old_folders:
        if old.is_dir() and old.resolve() != folder.resolve():
            for work in sorted(old.glob("*.bpgraph")):
                if _remove_if_stale(Path(f"{work}.lock")) and not (folder / work.name).exists():
                    shutil.move(work, folder / work.name)
            _remove_stale_locks(old)
            with contextlib.suppress(OSError):  # only when empty: nothing else lived there
                old.rmdir()
                old.parent.rmdir()
    _remove_stale_locks(folder)


def _remove_stale_locks(folder: Path) -> None:
    for lock in folder.glob("*.bpgraph.lock"):
        if not lock.with_suffix("").exists():
            _remove_if_stale(lock)


def _remove_if_stale(path: Path) -> bool:
    """Whether no live session holds the lock ``path``; a stale lock file is deleted."""
    lock = QLockFile(str(path))
    lock.setStaleLockTime(0)  # stale only when its process is gone, however old
    if not lock.tryLock(0):
        return False
    lock.unlock()  # deletes the file
    return True
