"""Switching the language retranslates the live window: only the words change (issue 10, #3)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDockWidget, QMessageBox

from nodeeditor.gui.files import Autosave
from nodeeditor.gui.i18n import chosen_language, install_translators, set_chosen_language
from nodeeditor.gui.main_window import MainWindow


@pytest.fixture
def window(qtbot, qapp, tmp_path: Path):
    w = MainWindow(autosave=Autosave(tmp_path / "autosave"))
    qtbot.addWidget(w)
    w.ask_unsaved = lambda title: QMessageBox.StandardButton.Discard
    w.resize(1440, 900)
    w.show()
    qtbot.waitExposed(w)
    yield w
    set_chosen_language("system")
    install_translators(qapp, "en")


def _switch(qtbot, window: MainWindow, code: str, file_menu: str) -> None:
    window.choose_language(code)
    qtbot.waitUntil(lambda: window.menuBar().actions()[0].text() == file_menu, timeout=3000)


def _state(window: MainWindow) -> dict:
    stack = window.document.undo_stack
    return {
        "document": window.document,
        "undo": (stack.count(), stack.index(), stack.canRedo()),
        "selection": window.scene.selected_node_ids(),
        "zoom": window.view.transform().m11(),
        "docks": {d.objectName(): _placement(window, d) for d in window.findChildren(QDockWidget)},
        "step": (window.steps.index, window.scene.stepping and window.scene.stepping.current),
    }


def _placement(window: MainWindow, dock: QDockWidget) -> tuple:
    """Where a dock is: its area, its rectangle, its tab mates, shown in front or not.
    (saveState's bytes also hold size hints, which follow the width of the words.)"""
    mates = sorted(d.objectName() for d in window.tabifiedDockWidgets(dock))
    front = dock.isVisible() and not dock.visibleRegion().isEmpty()
    return window.dockWidgetArea(dock), dock.geometry().getRect(), dock.isFloating(), mates, front


def _words(window: MainWindow) -> dict:
    return {
        "menus": [a.text() for a in window.menuBar().actions()],
        "docks": sorted(d.windowTitle() for d in window.findChildren(QDockWidget)),
        "title": window.windowTitle(),
        "lesson": window.lesson.title.text(),
        "examples": [a.text() for a in window.examples_menu.actions()],
        "undo": window.undo_action.text(),
        "node names": [window.document.graph.nodes[n].name for n in ("apple", "tax", "price")],
    }


def test_switching_english_korean_english_keeps_the_work_and_changes_the_words(
    qtbot, window: MainWindow
) -> None:
    (apples,) = [a for a in window.examples_menu.actions() if a.text() == "Buying apples"]
    apples.trigger()
    scene = window.scene
    assert scene.set_param("tax", "value", 1.2)
    scene.add_node("Exp", window.view.mapToScene(300, 300))
    window.document.undo_stack.undo()  # two edits, one of them undone: redo must stay possible
    scene.node_items["mul_tax"].setSelected(True)
    window.view.set_zoom(0.83)
    window.findChild(QDockWidget, "gradcheck").raise_()
    for _ in range(3):
        assert window.steps.forward_step()
    before, english = _state(window), _words(window)
    assert before["step"] == (2, "tax")

    _switch(qtbot, window, "ko", "파일(&F)")
    assert chosen_language() == "ko"  # remembered for the next start
    assert _state(window) == before
    korean = _words(window)
    assert korean["menus"] == ["파일(&F)", "편집(&E)", "보기(&V)", "연습 문제(&X)", "도움말(&H)"]
    assert "노드" in korean["docks"] and "단계별 실행" in korean["docks"]
    assert korean["title"].startswith("사과 쇼핑[*]") and korean["lesson"] == "사과 쇼핑"
    assert "사과 쇼핑" in korean["examples"]
    assert korean["node names"] == ["사과 가격", "소비세", "지불 금액"]
    assert all(korean[k] != english[k] for k in english)

    _switch(qtbot, window, "en", "&File")
    assert _state(window) == before
    assert _words(window) == english
    window.document.undo_stack.redo()
    assert "Exp" in [n.type for n in window.document.graph.nodes.values()]


def test_toolbar_buttons_show_no_mnemonic_in_korean(qtbot, window: MainWindow) -> None:
    _switch(qtbot, window, "ko", "파일(&F)")
    assert window.new_action.text() == "새로 만들기(&N)"  # the menu keeps its Alt key
    assert window.new_action.iconText() == "새로 만들기"  # the toolbar shows the word alone


def test_retranslatable_answers_language_change_and_passes_every_event_on(qtbot, qapp) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QWidget

    from nodeeditor.gui.i18n import Retranslatable

    class Base(QWidget):
        def __init__(self) -> None:
            super().__init__()
            self.seen: list[QEvent.Type] = []

        def changeEvent(self, event: QEvent) -> None:  # noqa: N802
            self.seen.append(event.type())
            super().changeEvent(event)

    class Probe(Retranslatable, Base):
        calls = 0

        def retranslate(self) -> None:
            self.calls += 1

    probe = Probe()
    qtbot.addWidget(probe)
    QCoreApplication.sendEvent(probe, QEvent(QEvent.Type.LanguageChange))
    probe.setEnabled(False)  # an EnabledChange: not a reason to retranslate
    assert probe.calls == 1
    assert probe.seen == [QEvent.Type.LanguageChange, QEvent.Type.EnabledChange]


def test_palette_filter_matches_the_new_language_after_a_switch(qtbot, window: MainWindow) -> None:
    palette = window.palette
    palette.filter.setText("곱셈")

    def shown() -> list[str]:
        items = [palette.list.item(i) for i in range(palette.list.count())]
        return [item.text() for item in items if not item.isHidden()]

    assert shown() == []  # English names: no match
    _switch(qtbot, window, "ko", "파일(&F)")
    assert shown() and all("곱셈" in t for t in shown())
