"""Text from a file is text: never HTML, never a path the editor reads (issue 14, section 1).

A FIFO stands in for the worst path: reading it blocks forever, so a window that
treats ``<img src="fifo">`` as an image hangs. The window runs in a child
process with a time limit, so a regression fails the test instead of hanging it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from nodeeditor.gui import dialogs
from nodeeditor.gui.lesson_panel import lesson_markup

ROOT = Path(__file__).resolve().parents[2]
IMG = '<img src="fifo">'

CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtCore import QStandardPaths, QTimer
    from PySide6.QtWidgets import QApplication
    QStandardPaths.setTestModeEnabled(True)
    from nodeeditor.gui.app import application
    from nodeeditor.gui.files import Autosave
    from nodeeditor.gui.main_window import MainWindow

    folder = Path.cwd()
    app = application([])
    window = MainWindow(autosave=Autosave(folder / "autosave"))
    window.ask_unsaved = lambda title: None
    window.show()
    assert window.open_path(folder / "lesson.bpgraph")
    app.processEvents()
    window.grab()  # lays out and paints every label
    print("TITLE", repr(window.lesson.title.text()))
    print("TEXT", repr(window.lesson.text.text()))
    print("WINDOW", repr(window.windowTitle()))
    seen = []

    def look_at_the_dialog():
        box = QApplication.activeModalWidget()
        box.grab()
        seen.append(box.text())
        box.done(0)

    QTimer.singleShot(300, look_at_the_dialog)
    window.open_path(folder / '<img src="fifo">.bpgraph')
    print("DIALOG", repr(seen))
    sys.stdout.flush()
    import os
    os._exit(0)
    """
)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_html_in_a_lesson_or_a_file_name_is_shown_as_text_and_reads_nothing(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fifo")
    lesson = {"en": {"title": IMG + " title", "text": IMG + " **safe**\nnext line"}}
    nodes = [{"id": "x", "type": "Input", "value": 1, "name": IMG}]
    doc = {"format": "nodeeditor-graph", "version": 1, "nodes": nodes, "edges": [], "lesson": lesson}
    (tmp_path / "lesson.bpgraph").write_text(json.dumps(doc), encoding="utf-8")
    (tmp_path / f"{IMG}.bpgraph").write_text("{not json", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", CHILD], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    assert lines["TITLE"] == repr(IMG + " title")
    assert lines["TEXT"] == repr('<p>&lt;img src="fifo"&gt; <b>safe</b><br>next line</p>')
    assert IMG in lines["DIALOG"]


def test_the_small_markup() -> None:
    assert lesson_markup("**bold**, *italic* & a * b * c\nbreak\n\nnew") == (
        "<p><b>bold</b>, <i>italic</i> &amp; a * b * c<br>break</p><p>new</p>"
    )
    assert lesson_markup("2*3*4 and x*y") == "<p>2*3*4 and x*y</p>"


def test_dialogs_show_plain_text(monkeypatch, qapp) -> None:
    seen = []

    def record(box: QMessageBox) -> int:
        seen.append((box.textFormat(), box.text()))
        return int(QMessageBox.StandardButton.Ok)

    monkeypatch.setattr(QMessageBox, "exec", record)
    dialogs.critical(None, "title", IMG)
    dialogs.question(None, "title", IMG)
    assert seen == [(Qt.TextFormat.PlainText, IMG)] * 2
