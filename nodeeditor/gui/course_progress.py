"""The shipped course and how far the student got in it, kept between runs (QSettings)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal

from .. import resources_dir

GROUP = "course"


def course_paths() -> list[Path]:
    """The course's lessons, in order (their file names start with the lesson's number)."""
    return sorted((resources_dir() / "course").glob("*.bpgraph"))


def course_key(path: Path | None) -> str | None:
    """The name progress is kept under for a lesson of the course; None for any other file."""
    if path is None:
        return None
    found = next((p for p in course_paths() if p.resolve() == Path(path).resolve()), None)
    return found.stem if found is not None else None


class CourseProgress(QObject):
    """For each lesson: the pages done and the page the student is on."""

    changed = Signal(str)  # the lesson's key

    def _settings(self) -> QSettings:
        settings = QSettings()
        settings.beginGroup(GROUP)
        return settings

    def done(self, key: str) -> set[int]:
        value = self._settings().value(f"{key}/done", [])
        items = value if isinstance(value, list) else [value] if value not in (None, "") else []
        return {int(v) for v in items if str(v).isdigit()}

    def page(self, key: str) -> int:
        value = self._settings().value(f"{key}/page", 0)
        return int(value) if str(value).isdigit() else 0

    def mark_done(self, key: str, page: int) -> None:
        done = self.done(key)
        if page not in done:
            self._settings().setValue(f"{key}/done", [str(p) for p in sorted(done | {page})])
            self.changed.emit(key)

    def set_page(self, key: str, page: int) -> None:
        if page != self.page(key):
            self._settings().setValue(f"{key}/page", page)
            self.changed.emit(key)

    def reset(self, key: str) -> None:
        self._settings().remove(key)
        self.changed.emit(key)
