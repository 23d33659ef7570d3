"""Editing on the canvas with real mouse and key events, as a student would.

Every gesture goes to the view's viewport (or the palette, the editor, the
search popup) as Qt events; the checks look at the Graph, the scene items,
the wire labels and the status bar.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from editing_kit import (
    LEFT,
    PRICE_UNDEFINED,
    at,
    double_click,
    double_click_param,
    drag,
    edit_sequence,
    empty_point,
    labels,
    move,
    open_graph,
    palette_item,
    param_point,
    press,
    release,
    send_drop,
    settle,
    shown_text,
    socket,
    status,
    title_point,
    type_into,
    wheel,
    wire,
    write_graph,
)
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QCursor

from nodeeditor.gui import style
from nodeeditor.gui.main_window import MainWindow
from nodeeditor.gui.palette import NODE_MIME, TYPE_ROLE
from nodeeditor.gui.scrub import SCRUB_PIXELS
from nodeeditor.model import Edge, dumps

# -- the palette ---------------------------------------------------------------------------


def test_dropping_a_palette_entry_adds_the_node_where_it_lands(qtbot, window: MainWindow) -> None:
    graph = window.document.graph
    mime = window.palette.list.mimeData([palette_item(window, "Exp")])  # what the palette's drag carries
    assert mime.hasFormat(NODE_MIME)
    point = QPoint(300, 200)
    assert send_drop(window, mime, point) == [True, True, True]
    assert [n.type for n in graph.nodes.values()] == ["Exp"]
    node_id = next(iter(graph.nodes))
    item = window.scene.node_items[node_id]
    assert item.scene() is window.scene and item.isSelected()
    # Dropped centred on its title, right under the pointer.
    landed = window.view.mapFromScene(title_point(window, node_id))
    assert (landed - point).manhattanLength() <= 2
    x, y = graph.nodes[node_id].pos
    drop = window.view.mapToScene(point)
    assert (x, y) == pytest.approx((drop.x() - style.NODE_WIDTH / 2, drop.y() - style.TITLE_HEIGHT / 2))
    assert window.document.undo_stack.count() == 1
    window.document.undo_stack.undo()
    assert len(graph) == 0 and node_id not in window.scene.node_items


def test_a_drop_that_carries_no_node_type_adds_nothing(window: MainWindow) -> None:
    mime = QMimeData()
    mime.setText("Exp")
    send_drop(window, mime, QPoint(300, 200))
    bogus = QMimeData()
    bogus.setData(NODE_MIME, b"NoSuchNode")
    send_drop(window, bogus, QPoint(300, 200))
    assert len(window.document.graph) == 0
    assert window.document.undo_stack.count() == 0


def test_double_click_in_the_palette_adds_at_the_view_centre(qtbot, window: MainWindow) -> None:
    lst = window.palette.list
    entry = palette_item(window, "Sigmoid")
    lst.scrollToItem(entry)
    double_click(qtbot, lst.viewport(), lst.visualItemRect(entry).center())
    graph = window.document.graph
    assert [n.type for n in graph.nodes.values()] == ["Sigmoid"]
    node_id = next(iter(graph.nodes))
    centre = window.view.viewport().rect().center()
    landed = window.view.mapFromScene(title_point(window, node_id))
    assert (landed - centre).manhattanLength() <= 2


# -- wiring -----------------------------------------------------------------------------


@pytest.fixture
def loose(window: MainWindow, tmp_path: Path) -> MainWindow:
    """x = 3 and y = 4, a Mul and an Output, nothing wired yet."""
    path = write_graph(
        tmp_path / "loose.bpgraph",
        [
            {"id": "x", "type": "Input", "value": 3, "pos": [0, 0]},
            {"id": "y", "type": "Input", "value": 4, "pos": [0, 150]},
            {"id": "m", "type": "Mul", "pos": [300, 60]},
            {"id": "out", "type": "Output", "pos": [600, 60]},
        ],
    )
    open_graph(window, path)
    return window


def test_wires_drawn_by_dragging_between_sockets_carry_the_numbers(qtbot, loose: MainWindow) -> None:
    window = loose
    graph = window.document.graph
    wire(qtbot, window, socket(window, "x"), socket(window, "m", 0))  # output to input
    wire(qtbot, window, socket(window, "m", 1), socket(window, "y"))  # input to output
    wire(qtbot, window, socket(window, "m"), socket(window, "out", 0))
    assert set(graph.edges) == {Edge("x", "m", 0), Edge("y", "m", 1), Edge("m", "out", 0)}
    assert set(window.scene.edge_items) == {("m", 0), ("m", 1), ("out", 0)}
    assert window.document.undo_stack.count() == 3
    settle(qtbot, window)
    assert labels(window, "out", 0) == ("12", "1")
    assert labels(window, "m", 0) == ("3", "4")  # ∂(x·y)/∂x = y
    assert labels(window, "m", 1) == ("4", "3")
    # The wire's curve ends on the sockets it joins.
    path = window.scene.edge_items[("m", 1)].path
    assert path.pointAtPercent(0) == socket(window, "y").scenePos()
    assert path.pointAtPercent(1) == socket(window, "m", 1).scenePos()


def test_a_wire_dropped_on_empty_canvas_opens_the_search_and_escape_adds_nothing(
    qtbot, loose: MainWindow
) -> None:
    window = loose
    drag(qtbot, window, socket(window, "x").scenePos(), empty_point(window))
    popup = window._search
    assert popup.isVisible()
    qtbot.keyClick(popup.edit, Qt.Key.Key_Escape)
    assert not popup.isVisible()
    assert list(window.document.graph.edges) == []
    assert len(window.document.graph) == 4
    assert window.document.undo_stack.count() == 0
    sockets = [s for i in window.scene.node_items.values() for s in [*i.inputs, i.output] if s]
    assert all(s.highlight is None for s in sockets)  # the green and grey marks are gone
    # A node added later from the palette is not wired to the abandoned wire.
    window.palette.list.itemDoubleClicked.emit(palette_item(window, "Exp"))
    assert len(window.document.graph) == 5 and list(window.document.graph.edges) == []


def _search_and_pick(qtbot, window: MainWindow, text: str) -> None:
    popup = window._search
    assert popup.isVisible(), "dropping a wire on empty canvas opens the search there"
    qtbot.keyClicks(popup.edit, text)
    qtbot.keyClick(popup.edit, Qt.Key.Key_Return)
    assert not popup.isVisible()


def test_a_wire_dropped_on_empty_canvas_wires_the_node_searched_for(qtbot, loose: MainWindow) -> None:
    window = loose
    graph = window.document.graph
    point = empty_point(window)
    drag(qtbot, window, socket(window, "x").scenePos(), point)
    _search_and_pick(qtbot, window, "exp")
    (exp,) = [n for n in graph.nodes if graph.nodes[n].type == "Exp"]
    assert list(graph.edges) == [Edge("x", exp, 0)]
    # Its input socket is where the wire was dropped.
    landed = window.view.mapFromScene(socket(window, exp, 0).scenePos())
    assert (landed - point).manhattanLength() <= 2
    assert window.document.undo_stack.count() == 1  # add and connect: one step
    settle(qtbot, window)
    assert labels(window, exp, 0)[0] == "3"
    window.document.undo_stack.undo()
    assert exp not in graph.nodes and list(graph.edges) == []


def test_a_wire_from_an_empty_input_dropped_on_canvas_wires_the_new_nodes_output(
    qtbot, loose: MainWindow
) -> None:
    window = loose
    graph = window.document.graph
    point = empty_point(window)
    drag(qtbot, window, socket(window, "m", 1).scenePos(), point)
    _search_and_pick(qtbot, window, "input")
    (new,) = [n for n in graph.nodes if n not in ("x", "y", "m", "out")]
    assert graph.nodes[new].type == "Input"
    assert list(graph.edges) == [Edge(new, "m", 1)]
    landed = window.view.mapFromScene(socket(window, new).scenePos())
    assert (landed - point).manhattanLength() <= 2
    assert window.document.undo_stack.count() == 1


def test_a_wire_that_would_make_a_cycle_is_refused_and_explained(qtbot, apples: MainWindow) -> None:
    window = apples
    before = dumps(window.document.graph)
    start = press(qtbot, window, socket(window, "mul_tax").scenePos())
    # While dragging, the upstream inputs are marked as refused, others as welcome.
    assert socket(window, "mul_apple", 0).highlight is False
    assert socket(window, "price", 0).highlight is True
    end = at(window, socket(window, "mul_apple", 0).scenePos())
    move(qtbot, window, start, end)
    release(qtbot, window, end)
    assert dumps(window.document.graph) == before
    assert window.document.undo_stack.count() == 0
    assert "cycle" in status(window)
    assert "mul_tax → mul_apple → mul_tax" in status(window)  # the loop it would close


def test_a_node_cannot_be_wired_into_itself(qtbot, apples: MainWindow) -> None:
    window = apples
    window.statusBar().clearMessage()
    before = dumps(window.document.graph)
    wire(qtbot, window, socket(window, "mul_tax"), socket(window, "mul_tax", 1))
    assert dumps(window.document.graph) == before
    assert window.document.undo_stack.count() == 0
    assert "cannot be wired into itself" in status(window)


def test_an_output_cannot_be_wired_to_an_output(qtbot, apples: MainWindow) -> None:
    window = apples
    before = dumps(window.document.graph)
    wire(qtbot, window, socket(window, "apple"), socket(window, "num"))
    assert dumps(window.document.graph) == before
    assert "connect an output" in status(window)


def test_dropping_on_a_wired_input_replaces_its_wire(qtbot, apples: MainWindow) -> None:
    window = apples
    graph = window.document.graph
    before = dumps(graph)
    wire(qtbot, window, socket(window, "tax"), socket(window, "mul_apple", 0))
    assert graph.source("mul_apple", 0) == "tax"
    assert graph.consumers("apple") == []
    assert len(list(graph.edges)) == 5
    assert window.scene.edge_items[("mul_apple", 0)].edge == Edge("tax", "mul_apple", 0)
    # Said, not silent: which input, and which wire gave way.
    assert "replaced" in status(window).lower()
    assert "tax" in status(window) and "apple" in status(window)
    settle(qtbot, window)
    assert labels(window, "mul_tax", 0)[0] == "2.2"  # 1.1 × 2
    assert labels(window, "price", 0) == ("2.42", "1")  # 2.2 × 1.1
    assert window.document.undo_stack.count() == 1
    window.document.undo_stack.undo()
    assert dumps(graph) == before


def test_dragging_a_wires_input_end_away_disconnects_it(qtbot, apples: MainWindow) -> None:
    window = apples
    graph = window.document.graph
    before = dumps(graph)
    drag(qtbot, window, socket(window, "mul_tax", 1).scenePos(), empty_point(window))
    assert graph.source("mul_tax", 1) is None
    assert ("mul_tax", 1) not in window.scene.edge_items
    assert "wire removed" in status(window)
    settle(qtbot, window)
    assert labels(window, "price", 0) == PRICE_UNDEFINED
    window.document.undo_stack.undo()
    assert dumps(graph) == before
    assert window.scene.edge_items[("mul_tax", 1)].isVisible()


def test_a_picked_up_wire_end_moves_to_another_input_in_one_step(qtbot, apples: MainWindow) -> None:
    window = apples
    graph = window.document.graph
    before = dumps(graph)
    count = window.document.undo_stack.count()
    wire(qtbot, window, socket(window, "mul_tax", 1), socket(window, "mul_apple", 1))
    assert graph.source("mul_tax", 1) is None
    assert graph.source("mul_apple", 1) == "tax"  # num's wire gave way
    assert graph.consumers("num") == []
    assert "replaced" in status(window).lower() and "apples" in status(window)  # num's name
    assert window.document.undo_stack.count() == count + 1
    window.document.undo_stack.undo()
    assert dumps(graph) == before


def test_a_picked_up_wire_put_back_on_its_socket_changes_nothing(qtbot, apples: MainWindow) -> None:
    window = apples
    before = dumps(window.document.graph)
    start = press(qtbot, window, socket(window, "mul_tax", 1).scenePos())
    move(qtbot, window, start, start + QPoint(80, 60))
    assert not window.scene.edge_items[("mul_tax", 1)].isVisible()  # lifted off while dragged
    move(qtbot, window, start + QPoint(80, 60), start)
    release(qtbot, window, start)
    assert dumps(window.document.graph) == before
    assert window.document.undo_stack.count() == 0
    assert window.scene.edge_items[("mul_tax", 1)].isVisible()


# -- values: typed in place, scrubbed -----------------------------------------------------


def test_the_apple_lesson_shows_its_textbook_numbers(qtbot, apples: MainWindow) -> None:
    window = apples
    settle(qtbot, window)
    assert labels(window, "price", 0) == ("220", "1")
    assert labels(window, "mul_apple", 0) == ("100", "2.2")  # ∂L/∂apple
    assert labels(window, "mul_apple", 1) == ("2", "110")  # ∂L/∂apples
    assert labels(window, "mul_tax", 1) == ("1.1", "200")  # ∂L/∂tax


def test_typing_a_new_value_in_place_changes_the_labels_downstream(qtbot, apples: MainWindow) -> None:
    window = apples
    editor = double_click_param(qtbot, window, "num")
    assert editor.text() == "2.0"  # the full value, ready to be replaced
    type_into(qtbot, editor, "3")
    assert window.view._editor is None
    assert float(window.document.graph.nodes["num"].params["value"]) == 3.0
    settle(qtbot, window)
    assert labels(window, "mul_apple", 1) == ("3", "110")
    assert labels(window, "mul_apple", 0) == ("100", "3.3")  # 3 × 1.1
    assert labels(window, "mul_tax", 0) == ("300", "1.1")
    assert labels(window, "mul_tax", 1) == ("1.1", "300")
    assert labels(window, "price", 0) == ("330", "1")
    assert window.document.undo_stack.count() == 1
    assert window.document.modified
    window.document.undo_stack.undo()
    settle(qtbot, window)
    assert labels(window, "price", 0) == ("220", "1")


def test_a_vector_typed_in_place_flows_through_the_graph(qtbot, apples: MainWindow) -> None:
    window = apples
    type_into(qtbot, double_click_param(qtbot, window, "apple"), "[100, 200]")
    settle(qtbot, window)
    assert labels(window, "price", 0) == ("[2] 220, 440", "[2] 1, 1")
    assert labels(window, "mul_apple", 1)[1] == "330"  # Σ over the vector: (100 + 200) × 1.1


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("abc", '"abc" is not a number'),
        ("[1, [2]]", "ragged list"),
        ("", "is empty"),
        ("NaN", "NaN is not allowed"),
    ],
)
def test_a_value_that_is_not_a_number_is_refused_and_the_old_one_stays(
    qtbot, apples: MainWindow, typed: str, why: str
) -> None:
    window = apples
    settle(qtbot, window)
    editor = double_click_param(qtbot, window, "apple")
    type_into(qtbot, editor, typed)
    assert window.view._editor is editor and editor.isVisible()  # still open, to be corrected
    assert "#c62828" in editor.styleSheet()  # a red frame
    assert why in status(window)
    assert "The old value stays" in status(window)
    assert shown_text(editor.toolTip()).toPlainText() == status(window)
    assert float(window.document.graph.nodes["apple"].params["value"]) == 100.0
    assert window.document.undo_stack.count() == 0
    settle(qtbot, window)
    assert labels(window, "price", 0) == ("220", "1")
    # Escape gives up; the old value is still there.
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert window.view._editor is None
    assert float(window.document.graph.nodes["apple"].params["value"]) == 100.0


def test_a_refused_value_is_dropped_when_the_editor_loses_focus(qtbot, apples: MainWindow) -> None:
    window = apples
    editor = double_click_param(qtbot, window, "apple")
    qtbot.waitUntil(editor.hasFocus, timeout=2000)
    editor.selectAll()
    qtbot.keyClicks(editor, "12x")
    window.palette.filter.setFocus()  # the student clicks elsewhere
    qtbot.waitUntil(lambda: window.view._editor is None, timeout=2000)
    assert float(window.document.graph.nodes["apple"].params["value"]) == 100.0
    assert "not a number" in status(window)
    assert window.document.undo_stack.count() == 0


def test_scrubbing_a_value_by_dragging_is_one_undo_step(qtbot, apples: MainWindow) -> None:
    window = apples
    step = SCRUB_PIXELS  # pixels per step; 100 scrubs in steps of 10
    start = press(qtbot, window, param_point(window, "apple"))
    for dx in (step, 2 * step, 4 * step, 5 * step):
        qtbot.mouseMove(window.view.viewport(), start + QPoint(dx, 3))
    release(qtbot, window, start + QPoint(5 * step, 3))
    graph = window.document.graph
    assert float(graph.nodes["apple"].params["value"]) == 150.0
    assert graph.nodes["apple"].pos == (0.0, -65.0)  # scrubbing does not move the node
    assert window.document.undo_stack.count() == 1
    settle(qtbot, window)
    assert labels(window, "price", 0) == ("330", "1")  # 150 × 2 × 1.1
    # A second drag is a second step.
    start = press(qtbot, window, param_point(window, "apple"))
    move(qtbot, window, start, start + QPoint(-10 * step, 0))
    release(qtbot, window, start + QPoint(-10 * step, 0))
    assert float(graph.nodes["apple"].params["value"]) == 50.0
    assert window.document.undo_stack.count() == 2
    window.document.undo_stack.undo()
    assert float(graph.nodes["apple"].params["value"]) == 150.0
    window.document.undo_stack.undo()
    assert float(graph.nodes["apple"].params["value"]) == 100.0


def test_scrolling_over_a_value_changes_it_in_one_undo_step(qtbot, apples: MainWindow) -> None:
    window = apples
    point = at(window, param_point(window, "tax"))
    zoom = window.view.zoom
    for _ in range(3):
        wheel(window, point, 1)
    graph = window.document.graph
    assert float(graph.nodes["tax"].params["value"]) == 1.4  # 0.1 a notch
    assert window.view.zoom == zoom  # the value scrolled, not the view
    assert window.document.undo_stack.count() == 1
    settle(qtbot, window)
    assert labels(window, "mul_tax", 1) == ("1.4", "200")
    assert labels(window, "price", 0) == ("280", "1")
    window.document.undo_stack.undo()
    assert float(graph.nodes["tax"].params["value"]) == 1.1


def test_scrolling_over_empty_canvas_zooms_and_leaves_the_graph_alone(qtbot, apples: MainWindow) -> None:
    window = apples
    before = dumps(window.document.graph)
    wheel(window, empty_point(window), 2)
    assert window.view.zoom == pytest.approx(1.15**2)
    assert dumps(window.document.graph) == before
    assert window.document.undo_stack.count() == 0


# -- moving, deleting, undo ------------------------------------------------------------------


def test_dragging_a_node_moves_it_and_its_wires_in_one_undo_step(qtbot, apples: MainWindow) -> None:
    window = apples
    graph = window.document.graph
    drag(qtbot, window, title_point(window, "tax"), title_point(window, "tax") + QPointF(40, 60))
    assert graph.nodes["tax"].pos == (350.0, 125.0)
    assert window.scene.node_items["tax"].pos() == QPointF(350, 125)
    wire_path = window.scene.edge_items[("mul_tax", 1)].path
    assert wire_path.pointAtPercent(0) == socket(window, "tax").scenePos()
    assert window.document.undo_stack.count() == 1
    window.document.undo_stack.undo()
    assert graph.nodes["tax"].pos == (310.0, 65.0)
    assert window.scene.node_items["tax"].pos() == QPointF(310, 65)


def test_a_node_clicked_and_deleted_goes_with_its_wires(qtbot, apples: MainWindow) -> None:
    window = apples
    graph = window.document.graph
    before = dumps(graph)
    point = at(window, title_point(window, "mul_apple"))
    qtbot.mouseClick(window.view.viewport(), LEFT, pos=point)
    assert window.scene.selected_node_ids() == ["mul_apple"]
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert "mul_apple" not in graph.nodes and "mul_apple" not in window.scene.node_items
    assert [e for e in graph.edges if "mul_apple" in (e.src, e.dst)] == []
    assert set(window.scene.edge_items) == {("mul_tax", 1), ("price", 0)}
    settle(qtbot, window)
    assert labels(window, "price", 0) == PRICE_UNDEFINED
    window.document.undo_stack.undo()
    assert dumps(graph) == before
    settle(qtbot, window)
    assert labels(window, "price", 0) == ("220", "1")
    # The inspector follows a clicked node with the chain rule in numbers.
    qtbot.mouseClick(window.view.viewport(), LEFT, pos=at(window, title_point(window, "mul_tax")))
    assert window.inspector.forward_label.text() == "(apple price)·apples·tax = 200 × 1.1 = 220"


def test_undo_and_redo_walk_back_and_forth_through_exactly_the_same_graphs(qtbot, apples: MainWindow) -> None:
    window = apples
    graph = window.document.graph
    stack = window.document.undo_stack
    seen = [dumps(graph)]
    exp = edit_sequence(qtbot, window, lambda: seen.append(dumps(graph)))  # add, wire, move, edit
    # Delete: click the price node, press Delete.
    qtbot.mouseClick(window.view.viewport(), LEFT, pos=at(window, title_point(window, "price")))
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert "price" not in graph.nodes
    seen.append(dumps(graph))
    assert len(set(seen)) == len(seen) == 6, "each gesture changed the graph"
    assert stack.count() == 5
    for expected in reversed(seen[:-1]):
        stack.undo()
        assert dumps(graph) == expected  # the file's text, node and wire order included
    assert not window.document.modified
    assert set(window.scene.node_items) == set(graph.nodes)
    assert set(window.scene.edge_items) == {(e.dst, e.port) for e in graph.edges}
    for expected in seen[1:]:
        stack.redo()
        assert dumps(graph) == expected
    stack.undo()  # the price node back, to read the numbers
    settle(qtbot, window)
    assert labels(window, exp, 0) == ("1.5", "0")  # the Exp does not reach the price
    assert labels(window, "price", 0) == ("300", "1")  # 100 × 2 × 1.5
    assert window.scene.node_items[exp].pos() == QPointF(*graph.nodes[exp].pos)


def test_undoing_a_delete_in_the_middle_restores_the_file_text_exactly(qtbot, apples: MainWindow) -> None:
    window = apples
    before = dumps(window.document.graph)
    qtbot.mouseClick(window.view.viewport(), LEFT, pos=at(window, title_point(window, "mul_apple")))
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    window.document.undo_stack.undo()
    assert dumps(window.document.graph) == before


def test_confirming_an_unchanged_value_adds_no_undo_step(qtbot, apples: MainWindow) -> None:
    window = apples
    editor = double_click_param(qtbot, window, "tax")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.view._editor is None
    assert window.document.undo_stack.count() == 0
    assert not window.document.modified


# -- Tab search -----------------------------------------------------------------------------------


def test_tab_then_ex_then_enter_adds_an_exp_under_the_pointer(qtbot, window: MainWindow) -> None:
    view = window.view
    point = QPoint(400, 300)
    QCursor.setPos(view.viewport().mapToGlobal(point))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    popup = window._search
    assert popup.isVisible()
    assert view.hasFocus() or popup.edit.hasFocus()  # Tab did not move the focus elsewhere
    qtbot.keyClicks(popup.edit, "ex")
    assert popup.list.currentItem().data(TYPE_ROLE) == "Exp"
    qtbot.keyClick(popup.edit, Qt.Key.Key_Return)
    assert not popup.isVisible()
    graph = window.document.graph
    assert [n.type for n in graph.nodes.values()] == ["Exp"]
    landed = view.mapFromScene(title_point(window, next(iter(graph.nodes))))
    assert (landed - point).manhattanLength() <= 1
    assert window.document.undo_stack.count() == 1


def test_escape_closes_the_search_without_adding(qtbot, window: MainWindow) -> None:
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    popup = window._search
    qtbot.keyClicks(popup.edit, "sig")
    qtbot.keyClick(popup.edit, Qt.Key.Key_Escape)
    assert not popup.isVisible()
    assert len(window.document.graph) == 0


def test_down_arrow_picks_the_next_match(qtbot, window: MainWindow) -> None:
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    popup = window._search
    qtbot.keyClicks(popup.edit, "s")  # Sub, Square, Sigmoid, Sin, Sum, then the inner matches
    first = popup.list.currentItem().data(TYPE_ROLE)
    qtbot.keyClick(popup.edit, Qt.Key.Key_Down)
    second = popup.list.currentItem().data(TYPE_ROLE)
    assert (first, second) == ("Sub", "Square")
    qtbot.keyClick(popup.edit, Qt.Key.Key_Return)
    assert [n.type for n in window.document.graph.nodes.values()] == ["Square"]


def test_right_click_on_empty_canvas_opens_the_search_there(qtbot, window: MainWindow) -> None:
    point = QPoint(500, 250)
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.RightButton, pos=point)
    popup = window._search
    assert popup.isVisible()
    qtbot.keyClicks(popup.edit, "tanh")
    qtbot.keyClick(popup.edit, Qt.Key.Key_Return)
    graph = window.document.graph
    assert [n.type for n in graph.nodes.values()] == ["Tanh"]
    landed = window.view.mapFromScene(title_point(window, next(iter(graph.nodes))))
    assert (landed - point).manhattanLength() <= 1


# -- renaming in place -------------------------------------------------------------------------


def _double_click_title(qtbot, window: MainWindow, node_id: str):
    double_click(qtbot, window.view.viewport(), at(window, title_point(window, node_id)))
    editor = window.view._editor
    assert editor is not None and editor.isVisible(), "double-clicking a title opens its name for editing"
    return editor


def test_double_clicking_a_title_renames_the_node_in_one_undo_step(qtbot, apples: MainWindow) -> None:
    window = apples
    graph = window.document.graph
    editor = _double_click_title(qtbot, window, "mul_tax")
    assert editor.text() == "" and editor.placeholderText() == "Mul"  # unnamed: it shows its type
    qtbot.keyClicks(editor, "with tax")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.view._editor is None and not editor.isVisible()  # gone at once, not at deletion
    assert graph.nodes["mul_tax"].name == "with tax"
    assert window.document.undo_stack.count() == 1
    window.document.undo_stack.undo()
    assert graph.nodes["mul_tax"].name == ""


def test_escape_leaves_the_name_as_it_was(qtbot, apples: MainWindow) -> None:
    window = apples
    editor = _double_click_title(qtbot, window, "apple")
    assert editor.text() == "apple price" and editor.selectedText() == "apple price"
    qtbot.keyClicks(editor, "pear")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert window.view._editor is None
    assert window.document.graph.nodes["apple"].name == "apple price"
    assert window.document.undo_stack.count() == 0


def test_clicking_away_from_either_inline_editor_commits_it_once(qtbot, apples: MainWindow) -> None:
    window = apples
    editor = _double_click_title(qtbot, window, "apple")
    qtbot.waitUntil(editor.hasFocus, timeout=2000)
    qtbot.keyClicks(editor, "pear")
    window.palette.filter.setFocus()  # the student clicks elsewhere
    qtbot.waitUntil(lambda: window.view._editor is None, timeout=2000)
    assert window.document.graph.nodes["apple"].name == "pear"
    editor = double_click_param(qtbot, window, "apple")
    qtbot.waitUntil(editor.hasFocus, timeout=2000)
    editor.selectAll()
    qtbot.keyClicks(editor, "7")
    window.palette.filter.setFocus()
    qtbot.waitUntil(lambda: window.view._editor is None, timeout=2000)
    assert float(window.document.graph.nodes["apple"].params["value"]) == 7.0
    assert window.document.undo_stack.count() == 2  # one rename, one value


def test_a_name_with_markup_is_drawn_and_edited_as_text(qtbot, apples: MainWindow) -> None:
    window = apples
    editor = _double_click_title(qtbot, window, "tax")
    type_into(qtbot, editor, '<img src="/dev/zero"><b>bold</b>')
    assert window.document.graph.nodes["tax"].name == '<img src="/dev/zero"><b>bold</b>'
    editor = _double_click_title(qtbot, window, "tax")
    assert editor.text() == '<img src="/dev/zero"><b>bold</b>'
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
