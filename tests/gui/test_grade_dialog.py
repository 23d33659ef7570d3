"""File ▸ Grade a Folder…: a teacher grades a class with clicks only (issue 12 §2)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from editing_kit import write_graph
from panels_kit import korean
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

from nodeeditor.gui import grade_dialog
from nodeeditor.gui.grade_dialog import GradeDialog

X, Y = {"id": "x", "type": "Input", "value": 3.0}, {"id": "y", "type": "Input", "value": 1.0}


def function(path: Path, op: str, x: float = 3.0) -> Path:
    """z = op(x, y)²"""
    nodes = [{**X, "value": x}, Y, {"id": "s", "type": op}, {"id": "q", "type": "Square"},
             {"id": "z", "type": "Output"}]  # fmt: skip
    edges = [{"from": "x", "to": "s", "port": 0}, {"from": "y", "to": "s", "port": 1},
             {"from": "s", "to": "q", "port": 0}, {"from": "q", "to": "z", "port": 0}]  # fmt: skip
    return write_graph(path, nodes, edges)


@pytest.fixture
def picked(monkeypatch):
    """The file dialogs answer what the test puts here (as a teacher would pick)."""
    answers: dict[str, str] = {}
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (answers.get("open", ""), ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: answers.get("folder", ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (answers.get("save", ""), ""))
    return answers


@pytest.fixture
def dialog(qtbot, window) -> GradeDialog:
    window.grade_action.trigger()  # File ▸ Grade a Folder…
    d = window.grade_dialog
    qtbot.waitExposed(d)
    return d


def click(widget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def choose(dialog: GradeDialog, picked: dict, reference: Path, folder: Path) -> None:
    picked["open"], picked["folder"] = str(reference), str(folder)
    click(dialog.reference_button)
    click(dialog.folder_button)


def grade(qtbot, dialog: GradeDialog) -> None:
    assert dialog.grade_button.isEnabled()
    click(dialog.grade_button)
    qtbot.waitUntil(lambda: not dialog.running, timeout=20_000)


def table(dialog: GradeDialog) -> list[list[str]]:
    m = dialog.model
    return [[m.item(r, c).text() for c in range(m.columnCount())] for r in range(m.rowCount())]


def click_header(dialog: GradeDialog, column: int) -> None:
    header = dialog.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


@pytest.fixture
def classroom(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "class"
    folder.mkdir()
    reference = function(folder / "answer.bpgraph", "Add")  # in the folder: not graded against itself
    function(folder / "minji.bpgraph", "Add", x=100.0)
    function(folder / "Jun.bpgraph", "Mul")
    (folder / "cut.bpgraph").write_text('{"format": "nodeeditor-graph", "nodes": [', "utf-8")
    (folder / "notes.txt").write_text("not a graph", "utf-8")
    return reference, folder


def test_a_class_graded_sorted_and_exported_with_clicks(qtbot, dialog, picked, classroom, tmp_path):
    reference, folder = classroom
    assert not dialog.grade_button.isEnabled()  # nothing chosen yet
    choose(dialog, picked, reference, folder)
    grade(qtbot, dialog)
    assert table(dialog) == [
        ["cut.bpgraph", "FAIL", "0", "the JSON ends too early (is the file cut off?) at line 1"],
        ["Jun.bpgraph", "FAIL", "0", 'Output "z" is 9 at the reference\'s values; the reference gives 16'],
        ["minji.bpgraph", "pass", "1", ""],
    ]
    assert dialog.status.text() == "1 of 3 passed."
    assert dialog.progress.value() == dialog.progress.maximum() == 3
    click_header(dialog, 2)  # by score, lowest first
    assert table(dialog)[-1][0] == "minji.bpgraph"
    click_header(dialog, 2)  # highest first
    assert table(dialog)[0][0] == "minji.bpgraph"
    picked["save"] = str(tmp_path / "grades")
    click(dialog.export_button)
    data = (tmp_path / "grades.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfFile,Verdict,Score,Reason\r\n")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[1] == ["minji.bpgraph", "pass", "1", ""]  # in the order shown
    assert [r[0] for r in rows[1:]] == [r[0] for r in table(dialog)]


def test_a_big_folder_shows_its_progress_and_can_be_stopped(qtbot, dialog, picked, tmp_path, monkeypatch):
    folder = tmp_path / "big"
    folder.mkdir()
    reference = function(tmp_path / "ref.bpgraph", "Add")
    text = reference.read_text("utf-8")
    for i in range(300):
        (folder / f"s{i:03}.bpgraph").write_text(text, "utf-8")
    monkeypatch.setattr(grade_dialog, "SLICE_SECONDS", 0.002)
    choose(dialog, picked, reference, folder)
    click(dialog.grade_button)
    assert dialog.running and dialog.grade_button.text() == "Stop"
    qtbot.waitUntil(lambda: dialog.progress.value() > 0, timeout=5000)
    assert 0 < dialog.model.rowCount() < 300  # rows arrive while the event loop turns
    assert dialog.status.text().startswith("Graded ") and dialog.status.text().endswith(" of 300…")
    click(dialog.grade_button)  # Stop
    assert not dialog.running
    stopped_at = dialog.model.rowCount()
    assert dialog.status.text() == f"Stopped: {stopped_at} of {stopped_at} graded files passed."
    qtbot.wait(50)
    assert dialog.model.rowCount() == stopped_at
    grade(qtbot, dialog)  # again, to the end
    assert dialog.model.rowCount() == 300 and dialog.status.text() == "300 of 300 passed."


def test_what_stops_grading_is_said_clearly(qtbot, dialog, picked, dialogs, tmp_path, classroom):
    _, folder = classroom
    broken = tmp_path / "broken.bpgraph"
    broken.write_text(
        json.dumps({"format": "nodeeditor-graph", "version": 1, "nodes": [{"id": "x"}], "edges": []})
    )
    choose(dialog, picked, broken, folder)
    click(dialog.grade_button)
    assert dialogs.errors == [("The reference cannot be read", f"{broken}:\nnodes[0].type: missing")]
    no_output = write_graph(tmp_path / "noout.bpgraph", [X])
    choose(dialog, picked, no_output, folder)
    click(dialog.grade_button)
    assert dialogs.errors[-1] == (
        "The reference cannot be used",
        f"{no_output}:\nthe reference has no Output and no exercise: there is nothing to compare",
    )
    empty = tmp_path / "empty"
    empty.mkdir()
    choose(dialog, picked, classroom[0], empty)
    click(dialog.grade_button)
    assert dialogs.errors[-1] == ("Nothing to grade", f"{empty} holds no graph files (.bpgraph or .json).")
    assert dialog.model.rowCount() == 0 and not dialog.running


def test_the_dialog_speaks_korean(qtbot, dialog, picked, classroom):
    reference, folder = classroom
    choose(dialog, picked, reference, folder)
    grade(qtbot, dialog)
    with korean(qtbot):
        assert dialog.windowTitle() == "폴더 채점"
        assert dialog.model.horizontalHeaderItem(1).text() == "판정"
        rows = table(dialog)
        assert rows[2][1] == "통과" and rows[1][1] == "실패"
        assert rows[1][3] == '출력 "z"의 값이 정답 그래프의 입력값에서 9입니다. 정답 그래프는 16입니다'
        assert dialog.status.text() == "3개 중 1개 통과."
    assert table(dialog)[2][1] == "pass"
