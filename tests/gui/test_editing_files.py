"""Saving, opening, the unsaved-changes prompt, failed saves and copy/paste between windows."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import threading
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pytest
from editing_kit import (
    LEFT,
    Dialogs,
    at,
    edit_sequence,
    labels,
    settle,
    status,
    title_point,
    write_graph,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from nodeeditor.gui.clipboard import MIME, PASTE_OFFSET
from nodeeditor.gui.main_window import MainWindow
from nodeeditor.model import Edge, dumps, load

Button = QMessageBox.StandardButton


def modify(window: MainWindow) -> None:
    """An unsaved change: the tax rate goes from 1.1 to 1.2."""
    assert window.scene.set_param("tax", "value", np.asarray(1.2))
    assert window.document.modified


# -- save and open ------------------------------------------------------------------------------


def test_what_was_saved_opens_as_the_same_graph(
    qtbot, apples: MainWindow, make_window, tmp_path: Path
) -> None:
    window = apples
    edit_sequence(qtbot, window, lambda: None)
    assert window.windowTitle().startswith("apples.bpgraph[*]") and window.isWindowModified()
    path = tmp_path / "mine.bpgraph"
    assert window.save_to(path)
    assert not window.document.modified and not window.isWindowModified()
    assert window.document.path == path.resolve()
    assert window.windowTitle().startswith("mine.bpgraph")
    assert path.read_text(encoding="utf-8") == dumps(window.document.graph)
    assert "Saved" in status(window)
    other = make_window()
    assert other.open_path(path)
    assert dumps(other.document.graph) == dumps(window.document.graph)
    assert not other.document.modified
    settle(qtbot, window)
    settle(qtbot, other)
    for key in window.scene.edge_items:
        assert labels(other, *key) == labels(window, *key)
    assert labels(other, "price", 0) == ("300", "1")  # 100 × 2 × 1.5, typed before saving


def test_save_writes_to_the_documents_own_file(qtbot, apples: MainWindow) -> None:
    window = apples
    path = window.document.path
    modify(window)
    qtbot.keyClick(window.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.document.modified
    assert float(load(path).nodes["tax"].params["value"]) == 1.2


# -- the unsaved-changes prompt -------------------------------------------------------------------


@pytest.fixture
def other_file(tmp_path: Path) -> Path:
    return write_graph(tmp_path / "other.bpgraph", [{"id": "z", "type": "Input", "value": 7, "pos": [0, 0]}])


@pytest.fixture
def open_dialog(monkeypatch, other_file: Path) -> list:
    """File > Open's dialog, answered with ``other_file``; the list records each time it was shown."""
    shown: list = []

    def answer(*args, **kwargs):
        shown.append(args)
        return str(other_file), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", answer)
    return shown


def leave(window: MainWindow, how: str) -> bool:
    """Close the window, or choose File > New or File > Open; whether the window closed."""
    if how == "close":
        return window.close()
    (window.new_action if how == "new" else window.open_action).trigger()
    return False


@pytest.mark.parametrize("how", ["close", "new", "open"])
def test_cancel_keeps_the_unsaved_document(
    apples: MainWindow, dialogs: Dialogs, open_dialog: list, how: str
) -> None:
    window = apples
    path = window.document.path
    on_disk = path.read_bytes()
    modify(window)
    document = window.document
    dialogs.answer = Button.Cancel
    assert not leave(window, how)
    assert dialogs.asked == ["apples.bpgraph has unsaved changes. Save them?"]
    assert window.isVisible()
    assert window.document is document and document.modified
    assert float(document.graph.nodes["tax"].params["value"]) == 1.2
    assert path.read_bytes() == on_disk
    assert open_dialog == []  # Open stopped before asking for a file
    dialogs.answer = Button.Discard


@pytest.mark.parametrize("how", ["close", "new", "open"])
def test_discard_drops_the_changes_and_goes_on(
    apples: MainWindow, dialogs: Dialogs, open_dialog: list, other_file: Path, how: str
) -> None:
    window = apples
    path = window.document.path
    on_disk = path.read_bytes()
    modify(window)
    dialogs.answer = Button.Discard
    closed = leave(window, how)
    assert len(dialogs.asked) == 1
    assert path.read_bytes() == on_disk
    check_went_on(window, how, closed, other_file, open_dialog)


@pytest.mark.parametrize("how", ["close", "new", "open"])
def test_save_writes_the_changes_and_goes_on(
    apples: MainWindow, dialogs: Dialogs, open_dialog: list, other_file: Path, how: str
) -> None:
    window = apples
    path = window.document.path
    modify(window)
    dialogs.answer = Button.Save
    closed = leave(window, how)
    assert len(dialogs.asked) == 1
    assert float(load(path).nodes["tax"].params["value"]) == 1.2
    check_went_on(window, how, closed, other_file, open_dialog)


def check_went_on(window: MainWindow, how: str, closed: bool, other_file: Path, open_dialog: list) -> None:
    if how == "close":
        assert closed and not window.isVisible()
    elif how == "new":
        assert len(window.document.graph) == 0 and window.document.path is None
        assert not window.document.modified
    else:
        assert len(open_dialog) == 1
        assert window.document.path == other_file.resolve()
        assert list(window.document.graph.nodes) == ["z"]


@pytest.mark.parametrize("how", ["close", "new", "open"])
def test_nothing_is_asked_when_nothing_changed(
    apples: MainWindow, dialogs: Dialogs, open_dialog: list, other_file: Path, how: str
) -> None:
    closed = leave(apples, how)
    assert dialogs.asked == []
    check_went_on(apples, how, closed, other_file, open_dialog)


def test_saving_untitled_work_asks_for_a_name_and_cancelling_that_cancels(
    window: MainWindow, dialogs: Dialogs, monkeypatch, tmp_path: Path
) -> None:
    window.add_at_center("Exp")
    document = window.document
    names = iter(["", str(tmp_path / "untitled")])  # first cancelled, then a name without suffix
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (next(names), ""))
    dialogs.answer = Button.Save
    window.new_action.trigger()  # the save dialog is cancelled: New does not happen
    assert window.document is document and document.modified
    window.new_action.trigger()
    saved = tmp_path / "untitled.bpgraph"
    assert [n.type for n in load(saved).nodes.values()] == ["Exp"]
    assert len(window.document.graph) == 0 and window.document is not document


# -- a save that fails -----------------------------------------------------------------------------


def rename_fails(src, dst) -> None:
    """A save whose last step (the rename over the old file) fails, as on a broken disk."""
    raise OSError(errno.EIO, os.strerror(errno.EIO))


def files_in(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def check_failed_save(window: MainWindow, dialogs: Dialogs, folder: Path, before: dict) -> None:
    assert window.document.modified and window.isWindowModified()
    assert [title for title, _ in dialogs.errors] == ["Save failed"]
    detail = dialogs.errors[0][1]
    assert detail.endswith("The file on disk was not changed.")
    assert status(window) == detail
    assert files_in(folder) == before  # the old file as it was, and no temporary file left behind


def test_a_save_that_cannot_finish_keeps_the_old_file(
    apples: MainWindow, dialogs: Dialogs, monkeypatch
) -> None:
    window = apples
    path = window.document.path
    modify(window)
    before = files_in(path.parent)
    with monkeypatch.context() as m:
        m.setattr(os, "replace", rename_fails)
        window.save_action.trigger()
    check_failed_save(window, dialogs, path.parent, before)
    assert window.document.path == path
    assert float(window.document.graph.nodes["tax"].params["value"]) == 1.2  # the work is still there
    # Once the disk works again, saving succeeds.
    window.save_action.trigger()
    assert not window.document.modified
    assert float(load(path).nodes["tax"].params["value"]) == 1.2


def test_a_save_into_a_read_only_folder_keeps_the_old_file(
    apples: MainWindow, dialogs: Dialogs, unprivileged
) -> None:
    """As a user whom permissions bind (``nobody`` when the tests run as root, as in CI)."""
    window = apples
    folder = unprivileged.folder / "locked"
    folder.mkdir()
    target = folder / "apples.bpgraph"
    target.write_bytes(b"the old file")
    assert window.save_to(target)  # the document now lives there
    modify(window)
    before = files_in(folder)
    owner = unprivileged.folder.stat()
    os.chown(folder, owner.st_uid, owner.st_gid)
    folder.chmod(0o500)
    with unprivileged.acting():
        window.save_action.trigger()
    check_failed_save(window, dialogs, folder, before)
    assert (
        dialogs.errors[0][1] == f"Cannot save {target}: permission denied\nThe file on disk was not changed."
    )


def test_a_save_under_a_file_instead_of_a_folder_fails_cleanly(
    apples: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    window = apples
    modify(window)
    blocker = tmp_path / "not-a-folder"
    blocker.write_bytes(b"a plain file")
    before = files_in(tmp_path)
    assert not window.save_to(blocker / "apples.bpgraph")
    assert blocker.read_bytes() == b"a plain file"
    assert window.document.path == tmp_path / "apples.bpgraph"  # still the file it came from
    assert window.document.modified
    assert [title for title, _ in dialogs.errors] == ["Save failed"]
    assert files_in(tmp_path) == before


def test_the_editor_saves_as_safely_as_the_model(
    apples: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    """The editor's save is the model's (a name of 251 characters, again over itself; the mode
    kept; a link kept) and fails with the model's one-line reason."""
    window = apples
    long = tmp_path / ("g" * 243 + ".bpgraph")
    assert window.save_to(long) and window.save_to(long)
    long.chmod(0o600)
    link = tmp_path / "link.bpgraph"
    link.symlink_to(long.name)
    modify(window)
    assert window.save_to(link)
    assert link.is_symlink() and long.stat().st_mode & 0o777 == 0o600
    assert float(load(long).nodes["tax"].params["value"]) == 1.2
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".bpgraph") == sorted(
        ["apples.bpgraph", long.name, "link.bpgraph"]
    )
    blocker = tmp_path / "not-a-folder"
    blocker.write_bytes(b"a plain file")
    assert not window.save_to(blocker / "apples.bpgraph")
    assert dialogs.errors[-1][1] == (
        f"Cannot save {blocker / 'apples.bpgraph'}: a part of the path is not a folder\n"
        "The file on disk was not changed."
    )


# -- copy and paste between windows ------------------------------------------------------------------


def click_nodes(qtbot, window: MainWindow, node_ids: list[str]) -> None:
    """Click the first node's title, Ctrl+click the others'."""
    vp = window.view.viewport()
    qtbot.mouseClick(vp, LEFT, pos=at(window, title_point(window, node_ids[0])))
    for n in node_ids[1:]:
        qtbot.mouseClick(
            vp, LEFT, Qt.KeyboardModifier.ControlModifier, pos=at(window, title_point(window, n))
        )
    assert sorted(window.scene.selected_node_ids()) == sorted(node_ids)


def test_copy_and_paste_carry_nodes_and_their_inner_wires_to_another_window(
    qtbot, apples: MainWindow, make_window
) -> None:
    source = apples
    click_nodes(qtbot, source, ["mul_apple", "tax", "mul_tax"])
    qtbot.keyClick(source.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.hasFormat(MIME)
    doc = json.loads(bytes(mime.data(MIME).data()).decode("utf-8"))
    assert json.loads(mime.text()) == doc  # other apps get the same file-format JSON as text
    assert doc["format"] == "nodeeditor-graph"
    assert sorted(n["id"] for n in doc["nodes"]) == ["mul_apple", "mul_tax", "tax"]
    assert sorted((e["from"], e["to"], e["port"]) for e in doc["edges"]) == [
        ("mul_apple", "mul_tax", 0),
        ("tax", "mul_tax", 1),
    ]  # apple → mul_apple and mul_tax → price leave the selection: not copied

    target = make_window()
    target.view.setFocus()
    qtbot.keyClick(target.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    graph = target.document.graph
    assert sorted(graph.nodes) == ["mul_apple", "mul_tax", "tax"]
    assert set(graph.edges) == {Edge("mul_apple", "mul_tax", 0), Edge("tax", "mul_tax", 1)}
    assert set(target.scene.edge_items) == {("mul_tax", 0), ("mul_tax", 1)}
    tax = graph.nodes["tax"]
    assert (tax.name, float(tax.params["value"])) == ("tax", 1.1)
    original = source.document.graph.nodes
    for n in graph.nodes:
        x, y = original[n].pos
        assert graph.nodes[n].pos == (x + PASTE_OFFSET, y + PASTE_OFFSET)
    assert sorted(target.scene.selected_node_ids()) == sorted(graph.nodes)
    assert target.document.undo_stack.count() == 1
    settle(qtbot, target)
    assert labels(target, "mul_tax", 1)[0] == "1.1"
    target.document.undo_stack.undo()
    assert len(graph) == 0


def test_pasting_twice_into_the_same_window_gives_fresh_ids(qtbot, apples: MainWindow) -> None:
    window = apples
    graph = window.document.graph
    click_nodes(qtbot, window, ["tax", "mul_tax"])
    window.copy_action.trigger()
    before = set(graph.nodes)
    window.paste_action.trigger()
    new = set(graph.nodes) - before
    assert len(new) == 2 and len(graph) == 8
    (new_mul,) = [n for n in new if graph.nodes[n].type == "Mul"]
    (new_tax,) = [n for n in new if graph.nodes[n].type == "Input"]
    assert graph.source(new_mul, 1) == new_tax  # the copy's wire joins the copies
    assert graph.source("mul_tax", 1) == "tax"  # the originals are untouched
    assert sorted(window.scene.selected_node_ids()) == sorted(new)


def test_pasting_text_that_is_no_graph_adds_nothing(qtbot, apples: MainWindow) -> None:
    window = apples
    before = dumps(window.document.graph)
    QGuiApplication.clipboard().setText("not a graph")
    window.paste_action.trigger()
    assert dumps(window.document.graph) == before
    assert window.document.undo_stack.count() == 0
    assert status(window) == "The clipboard holds no graph to paste."


# -- special files (issue 14, section 3) ----------------------------------------------------------


@contextmanager
def _unblocked_after(fifo: Path, seconds: float):
    """A writer that opens ``fifo`` after ``seconds``: an editor that did try to read the FIFO gets
    an empty file then, instead of hanging the test run for ever."""
    stop = threading.Event()

    def writer() -> None:
        if not stop.wait(seconds):
            with contextlib.suppress(OSError):
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_is_refused_at_once_and_the_document_stays(
    qtbot, apples: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    window = apples
    modify(window)
    fifo = tmp_path / "homework.bpgraph"
    os.mkfifo(fifo)
    with _unblocked_after(fifo, 5.0):
        assert not window.open_path(fifo)
    assert dialogs.errors == [
        (
            "Cannot open homework.bpgraph",
            f"{fifo}: cannot read the file: it is a named pipe (FIFO), not a regular file",
        )
    ]
    assert window.document.path == (tmp_path / "apples.bpgraph").resolve()
    assert window.document.modified and window.document.graph.nodes["tax"].params["value"] == 1.2


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null")
def test_a_device_is_refused(apples: MainWindow, dialogs: Dialogs) -> None:
    assert not apples.open_path(Path("/dev/null"))
    assert dialogs.errors == [
        ("Cannot open null", "/dev/null: cannot read the file: it is a device, not a regular file")
    ]
    assert apples.document.path is not None and apples.document.path.name == "apples.bpgraph"
