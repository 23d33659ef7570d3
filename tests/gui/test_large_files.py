"""A graph too large to draw is offered as a read-only summary, or not opened at all (issue 14, §2)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

from editing_kit import Dialogs
from PySide6.QtWidgets import QMessageBox

from nodeeditor.gui import large_graph
from nodeeditor.gui.large_graph import LARGE_GRAPH_NODES, Summary
from nodeeditor.gui.main_window import MainWindow

Button = QMessageBox.StandardButton


def _chain(path: Path, count: int) -> Path:
    """x → Neg → … → Neg → out, ``count`` nodes in all, without positions (as scripts write them)."""
    ids = ["x", *(f"n{i}" for i in range(count - 2)), "out"]
    nodes = [{"id": "x", "type": "Input", "value": 0.5}]
    nodes += [{"id": n, "type": "Neg"} for n in ids[1:-1]] + [{"id": "out", "type": "Output"}]
    edges = [{"from": a, "to": b, "port": 0} for a, b in itertools.pairwise(ids)]
    path.write_text(json.dumps({"format": "nodeeditor-graph", "version": 1, "nodes": nodes, "edges": edges}))
    return path


def _summaries(window: MainWindow) -> list[Summary]:
    return [w for w in window.findChildren(Summary) if w.isVisible()]


def test_cancel_keeps_the_open_document(apples: MainWindow, dialogs: Dialogs, tmp_path: Path) -> None:
    window = apples
    assert window.scene.set_param("tax", "value", 1.2)
    before = window.document
    dialogs.answer = Button.Cancel
    big = _chain(tmp_path / "big.bpgraph", LARGE_GRAPH_NODES + 1)
    assert not window.open_path(big)
    (asked,) = dialogs.asked
    assert asked.startswith("big.bpgraph has 20,001 nodes. The editor draws graphs of up to 20,000 nodes")
    assert window.document is before and before.modified
    assert len(window.scene.node_items) == 6  # nothing of the large graph was built
    assert _summaries(window) == []


def test_open_shows_the_numbers_read_only_and_keeps_the_document(
    qtbot, apples: MainWindow, dialogs: Dialogs, tmp_path: Path, monkeypatch
) -> None:
    window = apples
    monkeypatch.setattr(large_graph, "LARGE_GRAPH_NODES", 50)
    before = window.document
    dialogs.answer = Button.Open
    assert not window.open_path(_chain(tmp_path / "big.bpgraph", 51))
    (summary,) = _summaries(window)
    qtbot.addWidget(summary)
    rows = [[summary.table.item(r, c).text() for c in range(4)] for r in range(summary.table.rowCount())]
    assert rows == [["x", "Input", "0.5", "−1"], ["out", "Output", "−0.5", "1"]]  # 49 Negs: −x
    assert summary.windowTitle() == "big.bpgraph (read-only) — Backprop Studio"
    assert window.document is before and len(window.scene.node_items) == 6


def test_a_graph_under_the_limit_opens_in_the_editor(
    apples: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    window = apples
    assert window.open_path(_chain(tmp_path / "chain.bpgraph", 300))
    assert dialogs.asked == [] and len(window.scene.node_items) == 300
    assert all(item.node.pos is not None for item in window.scene.node_items.values())  # laid out


def test_the_summary_changes_language_with_the_app(
    qtbot, qapp, apples: MainWindow, dialogs: Dialogs, tmp_path: Path, monkeypatch
) -> None:
    from nodeeditor.gui.i18n import install_translators, set_chosen_language

    window = apples
    monkeypatch.setattr(large_graph, "LARGE_GRAPH_NODES", 50)
    dialogs.answer = Button.Open
    window.open_path(_chain(tmp_path / "big.bpgraph", 51))
    (summary,) = _summaries(window)
    qtbot.addWidget(summary)
    try:
        window.choose_language("ko")
        qtbot.waitUntil(lambda: summary.windowTitle() == "big.bpgraph (읽기 전용) — Backprop Studio")
        headers = [summary.table.horizontalHeaderItem(c).text() for c in range(4)]
        assert headers == ["노드", "종류", "값", "기울기"]
        assert summary.table.item(0, 1).text() == "입력"  # the node types too
        assert summary.heading.text().startswith("big.bpgraph: 노드 51개")
    finally:
        set_chosen_language("system")
        install_translators(qapp, "en")
    qtbot.waitUntil(lambda: summary.windowTitle() == "big.bpgraph (read-only) — Backprop Studio")
