"""Every lesson opens framed: every node in sight and the wires' numbers readable, in a
1280×800 window and in the window the app opens on a 1280×800 and on a 1440×900 screen
(90% of the screen: 1152×720 and 1296×810); framing fits any
graph, whatever its size."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication
from test_label_placement import assert_labels_clear

from nodeeditor.gui import style
from nodeeditor.gui.edge_item import label_pixel_size
from nodeeditor.gui.files import Autosave, example_paths
from nodeeditor.gui.main_window import MainWindow
from nodeeditor.gui.node_item import max_title_scale, title_font, title_pixel_size
from nodeeditor.gui.view import MIN_ZOOM
from nodeeditor.model import Graph


def _shown(window: MainWindow) -> QRectF:
    view = window.view
    return view.mapToScene(view.viewport().rect()).boundingRect()


def _outside(window: MainWindow) -> list[str]:
    shown = _shown(window)
    items = window.scene.node_items.values()
    nodes = [i.node.id for i in items if not shown.contains(i.mapRectToScene(i.shape().boundingRect()))]
    edges = window.scene.edge_items.values()
    wires = [
        f"{e.edge.src}->{e.edge.dst}"
        for e in edges
        for r in [e.path.boundingRect()]  # a straight wire's has no height: test its corners
        if not (shown.contains(r.topLeft()) and shown.contains(r.bottomRight()))
    ]
    return nodes + wires


@pytest.fixture(
    params=[(1280, 800), (1152, 720), (1296, 810)],
    ids=["1280x800", "default-at-1280x800", "default-at-1440x900"],
)
def lesson_window(request, qtbot, tmp_path: Path, dialogs) -> MainWindow:
    """The window as the app lays it out (every dock where it starts), at the given size."""
    w = MainWindow(autosave=Autosave(tmp_path / "autosave"))
    qtbot.addWidget(w)
    w.resize(*request.param)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.mark.parametrize("path", example_paths(), ids=lambda p: p.stem)
def test_every_lesson_opens_with_every_node_in_sight(qtbot, lesson_window: MainWindow, path: Path) -> None:
    window = lesson_window
    window.open_example(path)
    QApplication.processEvents()
    assert window.view.viewport().width() < 1000  # the docks take their room, as on a student's screen
    assert _outside(window) == []
    # The wires' numbers are readable: at least 9 px on screen, placed clear of each
    # other, of nodes and of their own wire at that size.
    QApplication.processEvents()
    scene = window.scene
    assert window.view.zoom * scene.label_scale * label_pixel_size() >= 9 - 1e-9
    assert all(e.label_scale == scene.label_scale for e in scene.edge_items.values())
    assert_labels_clear(scene)
    # So are the nodes' titles, in a font that still fits their header.
    assert window.view.zoom * scene.title_scale * title_pixel_size() >= 9 - 1e-9
    assert all(n.title_scale == scene.title_scale for n in scene.node_items.values())
    assert QFontInfo(title_font(scene.title_scale)).pixelSize() <= style.TITLE_HEIGHT - 4


def test_frame_fits_a_graph_far_wider_than_the_minimum_zoom_allows(qtbot, window: MainWindow) -> None:
    graph = window.document.graph
    for i in range(400):  # 400 columns: 124,000 units wide
        graph.add_node("Neg" if i else "Input", f"n{i}", pos=(i * 310.0, 0.0))
        if i:
            graph.connect(f"n{i - 1}", f"n{i}", 0)
    window.view.frame()
    assert window.view.zoom < MIN_ZOOM  # below what the wheel goes to: everything fits
    assert _outside(window) == []
    # The wheel zooms in from there smoothly, not up to the minimum at one jump.
    before = window.view.zoom
    window.view.zoom_in()
    assert window.view.zoom == pytest.approx(before * 1.25)


def test_frame_fits_the_selection_only(qtbot, window: MainWindow) -> None:
    graph: Graph = window.document.graph
    graph.add_node("Input", "near", value=1.0, pos=(0.0, 0.0))
    graph.add_node("Input", "far", value=1.0, pos=(50_000.0, 0.0))
    window.scene.node_items["near"].setSelected(True)
    window.view.frame()
    shown = _shown(window)
    assert shown.contains(window.scene.node_items["near"].sceneBoundingRect())
    assert not shown.intersects(window.scene.node_items["far"].sceneBoundingRect())


def test_labels_grow_when_zoomed_out_and_shrink_back(qtbot, apples: MainWindow) -> None:
    view, scene = apples.view, apples.scene
    assert scene.label_scale == 1.0  # zoom 1: 12 px text
    view.set_zoom(0.5)
    assert scene.label_scale == 1.5  # 12 px × 0.5 × 1.5 = 9 px
    assert_labels_clear(scene)
    view.set_zoom(1.0)
    assert scene.label_scale == 1.0
    view.set_zoom(0.1)  # the overview draws no labels: nothing to place anew
    assert scene.label_scale == 1.0


def test_titles_grow_when_zoomed_out_as_far_as_their_header_allows(qtbot, apples: MainWindow) -> None:
    view, scene = apples.view, apples.scene
    item = scene.node_items["mul_tax"]
    assert scene.title_scale == item.title_scale == 1.0  # zoom 1: 13 px text
    view.set_zoom(0.5)
    assert item.title_scale == scene.title_scale > 1.0
    assert view.zoom * item.title_scale * title_pixel_size() >= 9 - 1e-9
    view.set_zoom(0.2)  # no header holds a title 9 px high at this zoom: as large as fits
    assert item.title_scale == max_title_scale()
    view.set_zoom(1.0)
    assert item.title_scale == 1.0
    scene.graph.add_node("Exp", "new", pos=(0.0, 400.0))  # a new node takes the scene's size
    view.set_zoom(0.5)
    assert scene.node_items["new"].title_scale == scene.title_scale > 1.0
