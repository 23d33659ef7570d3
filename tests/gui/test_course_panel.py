"""The course in the window: a page's task met by real typing, wiring and training turns the
page done, live; Next/Back, the list, "Reset this lesson", and progress kept across windows."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from editing_kit import at, double_click_param, palette_item, send_drop, settle, socket, type_into, wire
from panels_kit import korean, student  # noqa: F401
from PySide6.QtCore import QPointF, QSettings, Qt
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QDockWidget

from nodeeditor.gui.course_progress import GROUP, course_paths
from nodeeditor.gui.exercise_answer import AnswerEditor
from nodeeditor.gui.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(autouse=True)
def fresh_progress():
    """Progress lives in the (test) settings, which outlive a test: each test starts the course anew."""
    settings = QSettings()
    settings.remove(GROUP)
    yield
    settings.remove(GROUP)


def lesson(word: str) -> Path:
    (path,) = [p for p in course_paths() if word in p.stem]
    return path


def open_at(window: MainWindow, word: str, page: int = 0) -> None:
    """Open a course lesson at a page, at zoom 1, centred on its nodes (as open_graph does)."""
    assert window.open_lesson(lesson(word), page)
    window.view.setTransform(QTransform())
    window.view.centerOn(window.scene.nodes_rect().center())


def done(window: MainWindow) -> bool:
    return window.lesson.status.text() == window.lesson.tr("Done ✓")


def page_marks(window: MainWindow, word: str) -> list[str]:
    row = [p.stem for p in window.course.lessons].index(lesson(word).stem)
    item = window.course.tree.topLevelItem(row)
    return [item.child(i).text(0)[0] for i in range(item.childCount())]


def test_typing_a_value_meets_the_task_live_and_the_page_stays_done(qtbot, window: MainWindow) -> None:
    open_at(window, "forward_backward")
    assert window.lesson.page_index == 0 and window.lesson.where.isHidden() is False
    assert not done(window) and page_marks(window, "forward_backward") == ["▶", "○", "○"]
    type_into(qtbot, double_click_param(qtbot, window, "x"), "5")  # f = 25: not yet
    settle(qtbot, window)
    qtbot.wait(5)
    assert not done(window)
    type_into(qtbot, double_click_param(qtbot, window, "x"), "4")  # f = 16
    qtbot.waitUntil(lambda: done(window), timeout=2000)
    assert page_marks(window, "forward_backward") == ["✓", "○", "○"]
    window.document.undo_stack.undo()  # f = 25 again: the page was done, and stays done
    qtbot.wait(5)
    assert done(window)


def test_wiring_x_and_y_into_an_add_node_by_dragging(qtbot, window: MainWindow) -> None:
    open_at(window, "chain_rule")
    graph = window.document.graph
    mime = window.palette.list.mimeData([palette_item(window, "Add")])
    centre = window.view.mapFromScene(QPointF(310, 0))
    assert send_drop(window, mime, centre)[-1]
    (add,) = graph.of_type("Add")
    wire(qtbot, window, socket(window, "x"), socket(window, add, 0))
    settle(qtbot, window)
    qtbot.wait(5)
    assert not done(window)  # y is not wired yet
    wire(qtbot, window, socket(window, "y"), socket(window, add, 1))
    qtbot.waitUntil(lambda: done(window), timeout=2000)


def test_next_back_and_the_page_remembered_across_windows(qtbot, make_window) -> None:
    first = make_window()
    open_at(first, "mul_node")
    lesson_panel = first.lesson
    qtbot.mouseClick(lesson_panel.next_button, LEFT)
    qtbot.mouseClick(lesson_panel.next_button, LEFT)
    assert lesson_panel.page_index == 2 and lesson_panel.where.text() == "Page 3 of 4"
    qtbot.mouseClick(lesson_panel.back_button, LEFT)
    assert lesson_panel.page_index == 1 and "2.2" in lesson_panel.task_text.text()
    first.close()
    second = make_window()
    assert page_marks(second, "mul_node") == ["○", "▶", "○", "○"]
    second.course.open_next("04_add_node")  # the course list's next lesson opens where it was left
    assert second.lesson.key == lesson("mul_node").stem and second.lesson.page_index == 1


def test_a_done_page_is_remembered_by_a_new_window(qtbot, make_window) -> None:
    first = make_window()
    open_at(first, "mul_node")
    type_into(qtbot, double_click_param(qtbot, first, "tax"), "1.2")  # 240: page 1 done
    qtbot.waitUntil(lambda: done(first), timeout=2000)
    first.document.undo_stack.setClean()  # nothing to ask about on closing
    first.close()
    second = make_window()
    assert page_marks(second, "mul_node")[0] == "✓"
    open_at(second, "mul_node")
    assert second.lesson.page_index == 0 and done(second)


def test_the_list_opens_a_lesson_at_the_page_clicked(qtbot, window: MainWindow) -> None:
    tree = window.course.tree
    row = [p.stem for p in window.course.lessons].index(lesson("fan_out").stem)
    item = tree.topLevelItem(row)
    item.setExpanded(True)
    window.course.parentWidget().show()
    child = item.child(1)
    tree.scrollToItem(child)
    qtbot.mouseClick(tree.viewport(), LEFT, pos=tree.visualItemRect(child).center())
    assert window.lesson.key == lesson("fan_out").stem and window.lesson.page_index == 1
    assert window.document.example == lesson("fan_out")


def test_reset_this_lesson_reloads_it_and_clears_its_progress(qtbot, window: MainWindow, dialogs) -> None:
    open_at(window, "forward_backward")
    type_into(qtbot, double_click_param(qtbot, window, "x"), "4")
    qtbot.waitUntil(lambda: done(window), timeout=2000)
    qtbot.mouseClick(window.lesson.next_button, LEFT)
    window.lesson.reset_button.show()
    qtbot.mouseClick(window.lesson.reset_button, LEFT)  # the dialog is answered "Discard"
    assert dialogs.asked, "the changes to the lesson were asked about first"
    assert float(window.document.graph.nodes["x"].params["value"]) == 3.0
    assert window.lesson.page_index == 0 and not done(window)
    assert page_marks(window, "forward_backward") == ["▶", "○", "○"]


def test_cancelling_the_reset_keeps_the_work_and_the_progress(qtbot, window: MainWindow, dialogs) -> None:
    from PySide6.QtWidgets import QMessageBox

    open_at(window, "forward_backward")
    type_into(qtbot, double_click_param(qtbot, window, "x"), "4")
    qtbot.waitUntil(lambda: done(window), timeout=2000)
    dialogs.answer = QMessageBox.StandardButton.Cancel
    window.lesson.reset_requested.emit(window.lesson.key)
    assert float(window.document.graph.nodes["x"].params["value"]) == 4.0 and done(window)


def test_training_until_the_loss_is_small_finishes_the_neuron_lesson(qtbot, window: MainWindow) -> None:
    open_at(window, "train_a_neuron", page=2)
    assert "0.001" in window.lesson.task_text.text() and not done(window)
    training = window.training
    training.count.setValue(300)
    qtbot.mouseClick(training.step_button, LEFT)  # one step: the loss is still above 0.001
    qtbot.wait(5)
    assert training.losses and not done(window)
    qtbot.mouseClick(training.run_button, LEFT)
    qtbot.waitUntil(lambda: done(window), timeout=3000)


def test_the_course_in_korean(qtbot, window: MainWindow) -> None:
    open_at(window, "mul_node")
    with korean(qtbot):
        assert window.lesson.title.text() == "곱셈 노드의 역전파: 사과 쇼핑"
        assert "소비세" in window.lesson.task_text.text() and window.lesson.next_button.text() == "다음 ▶"
        assert window.course.tree.topLevelItem(0).text(0).startswith("1. 왜 역전파인가?")
        type_into(qtbot, double_click_param(qtbot, window, "tax"), "1.2")
        qtbot.waitUntil(lambda: window.lesson.status.text() == "완료 ✓", timeout=2000)


def test_the_course_dock_is_a_tab_beside_the_nodes(qtbot, student: MainWindow) -> None:  # noqa: F811
    open_at(student, "chain_rule")
    docks = {d.objectName(): d for d in student.findChildren(QDockWidget)}
    assert docks["course"] in student.tabifiedDockWidgets(docks["palette"])
    qtbot.waitUntil(lambda: not docks["palette"].visibleRegion().isEmpty(), timeout=2000)  # nodes at hand
    assert docks["course"].visibleRegion().isEmpty()
    qtbot.waitUntil(lambda: not docks["lesson"].visibleRegion().isEmpty(), timeout=2000)  # and the page


def test_predicting_a_gradient_in_its_answer_box_finishes_the_page(qtbot, window: MainWindow) -> None:
    """Predict ∂L/∂apples: a wrong prediction leaves the page to do, the right one finishes it."""
    open_at(window, "mul_node", page=2)
    settle(qtbot, window)
    window.scene.arrange_labels()
    item = window.scene.edge_items[("mul_apple", 1)]  # the wire from the number of apples
    assert item.texts()[1] == "?"

    def predict(text: str) -> None:
        grad_label = item.label_rects(texts=item.texts())[1]
        qtbot.mouseClick(window.view.viewport(), LEFT, pos=at(window, grad_label.center()))
        editor = window.view._editor
        assert isinstance(editor, AnswerEditor)
        type_into(qtbot, editor, text)
        settle(qtbot, window)

    predict("2.2")  # the apple price's gradient, not the apples'
    qtbot.wait(5)
    assert not done(window)
    window.view.close_editor()
    predict("110")
    qtbot.waitUntil(lambda: done(window), timeout=2000)
    assert page_marks(window, "mul_node")[2] == "✓"


def test_work_on_a_lesson_recovered_after_a_crash_is_that_lesson_again(qtbot, window: MainWindow) -> None:
    from nodeeditor.gui.files import Autosave

    open_at(window, "mul_node", page=1)
    window.document.graph.set_param("tax", "value", np.array(1.2))
    window.autosave.write(window.document.graph_to_save(), None, window.document.example)
    found = Autosave.recover(window.autosave.path)
    assert found is not None and found.example == lesson("mul_node")
    assert window.recover(window.autosave.path)
    assert window.lesson.key == lesson("mul_node").stem and window.lesson.page_index == 1


def test_the_last_lesson_has_no_next_lesson(qtbot, window: MainWindow) -> None:
    last = course_paths()[-1]
    assert window.open_lesson(last, len(window.course.lessons[last].pages) - 1)
    assert not window.lesson.next_button.isEnabled()
    assert window.open_lesson(course_paths()[0], 2)
    assert window.lesson.next_button.isEnabled() and window.lesson.next_button.text() == "Next lesson ▶"
