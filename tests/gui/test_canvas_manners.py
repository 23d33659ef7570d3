"""The canvas as a first-time student meets it: a hint on an empty canvas, a palette whose
entries read whole, and a canvas that follows a change of language in place."""

from __future__ import annotations

from pathlib import Path

import pytest
from editing_kit import APPLES, open_graph, palette_item
from PySide6.QtCore import QPointF, QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from test_drawing_caches import _fresh_shot, _shot

from nodeeditor.gui import style
from nodeeditor.gui.files import Autosave, example_path
from nodeeditor.gui.i18n import install_translators
from nodeeditor.gui.main_window import MainWindow
from nodeeditor.gui.palette import TYPE_ROLE
from nodeeditor.model import NODE_TYPES
from nodeeditor.model.captions import derivatives, formula


def _hint_pixels(image: QImage, rect: QRect) -> int:
    color = style.HINT_COLOR.rgb()
    return sum(
        image.pixel(x, y) == color
        for y in range(rect.top(), rect.bottom())
        for x in range(rect.left(), rect.right())
    )


@pytest.fixture
def korean(qapp):
    """Korean for the test, English again after it (Qt tells every widget both times)."""

    def switch(language: str) -> None:
        install_translators(qapp, language)
        QApplication.processEvents()  # the LanguageChange events are posted

    yield switch
    switch("en")


def test_an_empty_canvas_says_what_to_do(qtbot, window: MainWindow) -> None:
    view = window.view
    hint = view.empty_hint()
    assert hint is not None and "Tab" in hint and "palette" in hint and "Examples" in hint
    middle = view.viewport().rect().adjusted(100, 100, -100, -100)
    assert _hint_pixels(_shot(view), middle) > 100  # drawn, in the middle of the canvas
    window.scene.add_node("Exp", view.mapToScene(QRect(0, 0, 4, 4).center()) - QPointF(2000, 2000))
    assert view.empty_hint() is None
    assert _hint_pixels(_shot(view), middle) == 0  # gone at once, though the node is out of sight
    window.document.undo_stack.undo()
    assert _hint_pixels(_shot(view), middle) > 100


def test_the_hint_speaks_the_interfaces_language(qtbot, window: MainWindow, korean) -> None:
    english = window.view.empty_hint()
    korean("ko")
    hint = window.view.empty_hint()
    assert hint != english and any("\uac00" <= c <= "\ud7a3" for c in hint)


def test_every_palette_entry_reads_whole(qtbot, tmp_path: Path, dialogs, korean) -> None:
    """In the window's own layout at 1280×800 (the palette dock as narrow as it starts)."""
    window = MainWindow(autosave=Autosave(tmp_path / "autosave"))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    for language in ("en", "ko"):
        korean(language)
        palette = window.palette.list
        metrics = palette.fontMetrics()
        room = palette.viewport().width() - palette.iconSize().width()
        for type_name in NODE_TYPES:
            item = palette_item(window, type_name)
            for line in item.text().split("\n"):
                assert metrics.horizontalAdvance(line) + 12 <= room, f"{line!r} is cut in {language}"
            assert formula(type_name).split("=")[0] in item.text()  # the formula is there


def test_the_palette_writes_formulas_as_the_captions_do(qtbot, window: MainWindow) -> None:
    """One notation everywhere (issue 10 #2): e^x in the palette as on the wires, not eˣ."""
    for type_name in NODE_TYPES:
        item = palette_item(window, type_name)
        assert formula(type_name).split() == item.text().split()[-len(formula(type_name).split()) :]
        assert formula(type_name) in item.toolTip() and derivatives(type_name) in item.toolTip()
        assert not set("ˣⁿ⁻") & set(item.text() + item.toolTip()), item.text()
    assert "e^x" in palette_item(window, "Exp").text()


def test_the_canvas_follows_a_change_of_language_in_place(qtbot, window: MainWindow, korean) -> None:
    path = example_path(APPLES)
    open_graph(window, path)
    window.scene.node_items["mul_tax"].setSelected(True)
    window.view.set_zoom(1.3)
    stack = window.document.undo_stack
    window.scene.set_param("tax", "value", 1.5)
    scene, count, zoom = window.scene, stack.count(), window.view.zoom
    before = _shot(window.view)
    korean("ko")
    assert palette_item(window, "Mul").text().startswith("곱셈")
    assert palette_item(window, "Mul").data(TYPE_ROLE) == "Mul"
    after = _shot(window.view)
    assert after != before  # the Mul nodes say 곱셈 now...
    assert after == _fresh_shot(window.view, qtbot)  # ...as a view that cached nothing draws them
    assert window.scene is scene and stack.count() == count and stack.canUndo()
    assert window.scene.selected_node_ids() == ["mul_tax"]
    assert window.view.zoom == zoom
