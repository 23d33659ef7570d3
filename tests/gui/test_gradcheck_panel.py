"""The gradient check panel: every row of a lesson in sight, NaN said and explained
(issue 10 #7), plain-text names, and Korean in place."""

# ruff: noqa: F811  (the fixtures imported from panels_kit are parameters below)
from __future__ import annotations

from panels_kit import korean, student  # noqa: F401
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from nodeeditor.gui.document import Document
from nodeeditor.gui.main_window import MainWindow
from nodeeditor.model import Graph

COLUMNS = ("Input", "Backprop", "Numerical", "Difference", "Verdict")


def twelve_inputs() -> Graph:
    """L = x1 + x2 + … + x12: the largest graph a lesson has."""
    g = Graph()
    for k in range(1, 13):
        g.add_node("Input", f"x{k}", name=f"x{k}", value=float(k))
    prev = "x1"
    for k in range(2, 13):
        g.add_node("Add", f"s{k}")
        g.connect(prev, f"s{k}", 0)
        g.connect(f"x{k}", f"s{k}", 1)
        prev = f"s{k}"
    g.add_node("Output", "out")
    g.connect(prev, "out", 0)
    return g


def check(qtbot, window: MainWindow, graph: Graph) -> dict[str, dict[str, str]]:
    """Open the graph, bring the panel forward, click Check gradients; the rows by Input."""
    window.set_document(Document(graph))
    dock = next(d for d in window.findChildren(QDockWidget) if d.objectName() == "gradcheck")
    dock.raise_()
    panel = window.gradcheck
    qtbot.waitUntil(lambda: not panel.visibleRegion().isEmpty(), timeout=2000)
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    table = panel.table
    return {
        table.item(r, 0).text(): {c: table.item(r, i).text() for i, c in enumerate(COLUMNS)}
        for r in range(table.rowCount())
    }


def test_twelve_rows_are_all_in_sight_without_scrolling(qtbot, student: MainWindow) -> None:
    """Issue 10 #7: the table showed one row and hid the rest behind a scroll bar. At the
    size the app opens at on a 1280×800 screen (90%), every row of 12 Inputs shows."""
    student.resize(1152, 720)
    rows = check(qtbot, student, twelve_inputs())
    assert len(rows) == 12 and all(row["Verdict"] == "agree" for row in rows.values())
    table = student.gradcheck.table
    qtbot.waitUntil(lambda: table.verticalScrollBar().maximum() == 0, timeout=2000)
    for r in range(12):
        rect = table.visualItemRect(table.item(r, 0))
        assert table.viewport().rect().contains(rect), (r, rect, table.viewport().rect())
    assert student.view.viewport().height() >= 150  # and the canvas keeps room to see the graph


def test_a_nan_difference_reads_nan_and_says_why(qtbot, student: MainWindow) -> None:
    """The log of a negative number: backprop says −1, central differences NaN."""
    g = Graph()
    g.add_node("Input", "x", name="x", value=-1.0)
    g.add_node("Input", "y", name="y", value=2.0)
    g.add_node("Log", "l")
    g.add_node("Add", "a")
    g.add_node("Output", "o")
    for src, dst, port in [("x", "l", 0), ("l", "a", 0), ("y", "a", 1), ("a", "o", 0)]:
        g.connect(src, dst, port)
    rows = check(qtbot, student, g)
    assert rows["x"] == {
        "Input": "x",
        "Backprop": "−1",
        "Numerical": "NaN",
        "Difference": "NaN",
        "Verdict": "NaN: cannot compare",
    }
    assert rows["y"]["Verdict"] == "NaN: cannot compare"
    note = (
        "L is NaN here (it comes from Log (l): log of a negative number), "
        "so central differences are NaN: there is nothing to compare."
    )
    assert student.gradcheck.explanation.text() == f"x, y: {note}"  # one note, said once
    assert student.gradcheck.table.item(0, 4).toolTip() == note


def test_nan_a_step_away_is_said_too(qtbot, student: MainWindow) -> None:
    """ln(x) at x = 1e-7 is fine, but x − ε is negative: central differences give NaN."""
    g = Graph()
    g.add_node("Input", "x", name="x", value=1e-7)
    g.add_node("Log", "l")
    g.add_node("Output", "o")
    g.connect("x", "l", 0)
    g.connect("l", "o", 0)
    rows = check(qtbot, student, g)
    assert rows["x"]["Difference"] == "NaN"
    assert student.gradcheck.explanation.text() == (
        "x: L is not a number a step ε = 1e−6 away from this value, so central differences are NaN there."
    )


def test_names_that_look_like_html_show_literally(qtbot, student: MainWindow) -> None:
    g = Graph()
    g.add_node("Input", "x", name="<b>x</b>", value=-1.0)
    g.add_node("Log", "l")
    g.add_node("Output", "o")
    g.connect("x", "l", 0)
    g.connect("l", "o", 0)
    rows = check(qtbot, student, g)
    assert list(rows) == ["<b>x</b>"]
    assert student.gradcheck.explanation.text().startswith("<b>x</b>: ")
    assert student.gradcheck.explanation.textFormat() == Qt.TextFormat.PlainText


def test_switching_to_korean_keeps_the_rows_and_rewords_them(qtbot, student: MainWindow) -> None:
    rows = check(qtbot, student, twelve_inputs())
    panel = student.gradcheck
    with korean(qtbot):
        assert panel.table.rowCount() == 12
        assert panel.run_button.text() == "기울기 확인"
        assert panel.table.horizontalHeaderItem(4).text() == "판정"
        assert panel.table.item(0, 4).text() == "일치"
        assert panel.table.item(0, 1).text() == rows["x1"]["Backprop"]
    assert panel.table.item(0, 4).text() == "agree"


def test_the_dock_gives_the_rows_height_back_when_step_through_comes_forward(
    qtbot, student: MainWindow
) -> None:
    student.resize(1152, 720)
    docks = {d.objectName(): d for d in student.findChildren(QDockWidget)}
    qtbot.wait(50)
    before = docks["steps"].height()
    check(qtbot, student, twelve_inputs())
    qtbot.waitUntil(lambda: docks["gradcheck"].height() > before + 100, timeout=2000)
    docks["steps"].raise_()
    qtbot.waitUntil(lambda: abs(docks["steps"].height() - before) <= 2, timeout=2000)
    docks["gradcheck"].raise_()  # and back again: all twelve rows in sight once more
    table = student.gradcheck.table
    qtbot.waitUntil(lambda: table.verticalScrollBar().maximum() == 0, timeout=2000)


def test_fewer_rows_give_their_height_back(qtbot, student: MainWindow) -> None:
    """After 12 rows, a check of a 2-Input graph leaves no tall empty table behind."""
    student.resize(1152, 720)
    docks = {d.objectName(): d for d in student.findChildren(QDockWidget)}
    qtbot.wait(50)
    before = docks["steps"].height()
    check(qtbot, student, twelve_inputs())
    qtbot.waitUntil(lambda: docks["gradcheck"].height() > before + 100, timeout=2000)
    tall = docks["gradcheck"].height()
    g = Graph()
    g.add_node("Input", "x", name="x", value=1.0)
    g.add_node("Square", "s")
    g.add_node("Output", "o")
    g.connect("x", "s", 0)
    g.connect("s", "o", 0)
    check(qtbot, student, g)
    qtbot.waitUntil(lambda: docks["gradcheck"].height() < tall - 100, timeout=2000)
    assert docks["gradcheck"].height() >= before - 4  # back to about the height it had
    table = student.gradcheck.table
    assert table.viewport().rect().contains(table.visualItemRect(table.item(0, 0)))
