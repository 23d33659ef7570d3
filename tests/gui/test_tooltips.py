"""Canvas tooltips: values in readable rows; text from a file never read as HTML."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from editing_kit import open_graph, settle, shown_text, write_graph
from PySide6.QtWidgets import QGraphicsSceneHoverEvent

from nodeeditor.gui.files import example_path
from nodeeditor.gui.main_window import MainWindow
from nodeeditor.gui.tooltips import MAX_COLUMNS, MAX_ROWS, value_rows

HOSTILE = ['<img src="/dev/zero">', "<b>bold</b>"]


def test_value_rows_read_as_rows_of_aligned_numbers() -> None:
    assert value_rows(None) == ["—"]
    assert value_rows(np.asarray(2.5)) == ["2.5"]
    assert value_rows(np.asarray([1.0, -2.0, 3.25])) == ["   1    −2  3.25"]
    matrix = np.asarray([[1.0, 1.0, 1.0], [0.5, 2.0, -3.0]])
    assert value_rows(matrix) == ["  1    1    1", "0.5    2   −3"]  # columns line up
    big = value_rows(np.ones((20, 20)))
    assert len(big) == MAX_ROWS + 1 and big[-1].strip() == "⋮"
    assert big[0].endswith("⋯") and big[0].count("1") == MAX_COLUMNS
    assert value_rows(np.zeros((2, 3, 4))) == ["2×3×4"]


def _hover(window: MainWindow, item) -> str:
    event = QGraphicsSceneHoverEvent()
    item.hoverEnterEvent(event)
    return item.toolTip()


def test_a_matrix_wire_shows_its_rows_not_numpy_text(qtbot, window: MainWindow) -> None:
    open_graph(window, example_path("08_affine_layer.bpgraph"))
    settle(qtbot, window)
    edge = window.scene.edge_items[("xw", 1)]  # W, a matrix
    text = shown_text(_hover(window, edge)).toPlainText()
    assert "[[" not in text and "., " not in text and "array" not in text
    w = window.document.graph.nodes["W"].params["value"]
    assert f"value [{w.shape[0]}×{w.shape[1]}]" in text
    for line in value_rows(w):
        assert line in text
    assert "gradient [" in text


def test_node_names_from_a_file_show_as_text_in_tooltips(qtbot, window: MainWindow, tmp_path: Path) -> None:
    path = write_graph(
        tmp_path / "hostile.bpgraph",
        [
            {"id": "a", "type": "Input", "name": HOSTILE[0], "value": -1, "pos": [0, 0]},
            {"id": "l", "type": "Log", "name": HOSTILE[1], "pos": [300, 0]},
            {"id": "o", "type": "Output", "pos": [600, 0]},
        ],
        [{"from": "a", "to": "l", "port": 0}, {"from": "l", "to": "o", "port": 0}],
    )
    open_graph(window, path)
    settle(qtbot, window)
    for key in [("l", 0), ("o", 0)]:
        doc = shown_text(_hover(window, window.scene.edge_items[key]))
        assert "<img" not in doc.toHtml() and "font-weight:700" not in doc.toHtml()
        for name in HOSTILE if key == ("l", 0) else HOSTILE[1:]:
            assert name in doc.toPlainText()
    log = window.scene.node_items["l"]
    assert log._problem  # the log of a negative number: its badge has a tooltip
    assert shown_text(log.toolTip()).toPlainText() == log._problem
    event = QGraphicsSceneHoverEvent()
    event.setPos(window.scene.node_items["a"].param_rect().center())
    window.scene.node_items["a"].hoverMoveEvent(event)
    assert shown_text(window.scene.node_items["a"].toolTip()).toPlainText().startswith("−1\n")


def test_a_refused_value_is_quoted_as_text_in_the_editors_tooltip(qtbot, window: MainWindow) -> None:
    """What was typed (or pasted from a file) comes back in the tooltip: as text."""
    from editing_kit import double_click_param, type_into

    open_graph(window, example_path("04_buying_apples.bpgraph"))
    editor = double_click_param(qtbot, window, "tax")
    type_into(qtbot, editor, HOSTILE[0])
    doc = shown_text(editor.toolTip())
    assert HOSTILE[0] in doc.toPlainText() and "<img" not in doc.toHtml()
