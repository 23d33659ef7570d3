"""Lessons name their nodes in the interface's language; files keep their own names (issue 10, #11)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from nodeeditor.gui.commands import RenameCommand
from nodeeditor.gui.files import Autosave, example_path, example_paths
from nodeeditor.gui.i18n import install_translators, set_chosen_language
from nodeeditor.gui.main_window import MainWindow

APPLES = "04_buying_apples.bpgraph"


@pytest.fixture
def window(qtbot, qapp, tmp_path: Path):
    install_translators(qapp, "ko")
    w = MainWindow(autosave=Autosave(tmp_path / "autosave"))
    qtbot.addWidget(w)
    w.ask_unsaved = lambda title: QMessageBox.StandardButton.Discard
    yield w
    set_chosen_language("system")
    install_translators(qapp, "en")


def _names(window: MainWindow) -> dict[str, str]:
    return {n: node.name for n, node in window.document.graph.nodes.items() if node.name}


def _saved_names(path: Path) -> dict[str, tuple[str, object]]:
    nodes = json.loads(path.read_text(encoding="utf-8"))["nodes"]
    return {n["id"]: (n.get("name"), n.get("names")) for n in nodes if "name" in n}


def test_a_korean_lesson_names_its_nodes_in_korean(window: MainWindow) -> None:
    window.open_example(example_path(APPLES))
    assert _names(window) == {"apple": "사과 가격", "num": "사과 개수", "tax": "소비세", "price": "지불 금액"}
    assert not window.document.modified and window.document.undo_stack.count() == 0


def test_every_named_lesson_node_has_a_korean_name(window: MainWindow) -> None:
    """The shipped lessons: a node with a word for a name has its Korean name (symbols need none)."""
    for path in example_paths():
        window.open_example(path)
        english_words = {n: name for n, name in _names(window).items() if re.search("[A-Za-z]{2}", name)}
        assert not english_words, path.name  # x, W or σ(x) read the same in Korean


def test_saving_in_korean_writes_the_files_own_names(window: MainWindow, tmp_path: Path) -> None:
    window.open_example(example_path(APPLES))
    target = tmp_path / "mine.bpgraph"
    assert window.save_to(target)
    assert _saved_names(target)["apple"] == ("apple price", {"ko": "사과 가격"})
    assert _names(window)["apple"] == "사과 가격"  # still shown in Korean


def test_a_students_own_name_stays_in_every_language_and_is_saved(
    qtbot, window: MainWindow, qapp, tmp_path: Path
) -> None:
    window.open_example(example_path(APPLES))
    window.scene.push(RenameCommand(window.document.graph, "tax", "부가세"))
    window.choose_language("en")
    qtbot.waitUntil(lambda: window.menuBar().actions()[0].text() == "&File", timeout=3000)
    assert _names(window) == {"apple": "apple price", "num": "apples", "tax": "부가세", "price": "price"}
    target = tmp_path / "mine.bpgraph"
    assert window.save_to(target)
    saved = _saved_names(target)
    assert saved["tax"] == ("부가세", None) and saved["apple"] == ("apple price", {"ko": "사과 가격"})
    window.document.undo_stack.undo()
    assert _names(window)["tax"] == "소비세"  # the rename's own undo, as it was done


def test_the_autosave_holds_the_files_own_names(window: MainWindow, tmp_path: Path) -> None:
    window.open_example(example_path(APPLES))
    assert window.scene.set_param("tax", "value", 1.2)
    window.write_autosave()
    recovered = Autosave.recover(window.autosave.path)
    assert recovered is not None and recovered.graph.nodes["apple"].name == "apple price"
