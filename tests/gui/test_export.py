"""Export: the graph, not the moment (no selection or step highlight); a size that any PNG
library takes; any scene rect; errors that name the output path and the reason."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage

from nodeeditor.gui import style
from nodeeditor.gui.document import Document
from nodeeditor.gui.export import MAX_PIXELS, ExportError, export_file, export_scene
from nodeeditor.gui.files import example_path, load_graph
from nodeeditor.gui.scene import GraphScene, StepView
from nodeeditor.gui.view import GraphView
from nodeeditor.model import Graph

ROOT = Path(__file__).resolve().parents[2]
MEMORY_CAP = 1536 * 2**20  # address space for a whole Qt process: ~0.5 GB of it is Qt and numpy


def _apples() -> GraphScene:
    scene = GraphScene(Document(load_graph(example_path("04_buying_apples.bpgraph"))))
    scene.document.evaluate_now()
    return scene


def _count(image: QImage, color: QColor) -> int:
    rgb = color.rgb()
    return sum(image.pixel(x, y) == rgb for y in range(0, image.height(), 2) for x in range(image.width()))


def test_an_export_shows_the_graph_not_the_selection_or_the_step(qapp, tmp_path: Path) -> None:
    scene = _apples()
    scene.node_items["mul_tax"].setSelected(True)
    stepping = StepView("mul_apple", {("mul_apple", 0)}, set())
    scene.set_stepping(stepping)
    export_scene(scene, tmp_path / "g.png")
    image = QImage(str(tmp_path / "g.png"))
    assert not image.isNull()
    assert _count(image, style.STEP_CURRENT) == 0
    assert _count(image, style.NODE_SELECTED) == 0
    # Every label is in the picture, as if no step had been taken.
    assert _count(image, style.GRAD_COLOR) > 0
    # ...and the window's state is as it was.
    assert scene.stepping is stepping
    assert scene.selected_node_ids() == ["mul_tax"]


def test_the_step_highlight_would_show_were_it_drawn(qapp, tmp_path: Path) -> None:
    """The check above can see the highlight: a plain render of the same scene has it."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter

    scene = _apples()
    scene.set_stepping(StepView("mul_apple", set(), set()))
    source = scene.itemsBoundingRect()
    image = QImage(int(source.width()), int(source.height()), QImage.Format.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    scene.render(painter, QRectF(image.rect()), source)
    painter.end()
    assert _count(image, style.STEP_CURRENT) > 0


def _huge_graph() -> Graph:
    g = Graph()
    g.add_node("Input", "a", value=1.0, pos=(-1e308, -1e308))
    g.add_node("Square", "s", pos=(1e308, 1e308))
    g.add_node("Output", "o", pos=(0.0, 0.0))
    g.connect("a", "s", 0)
    g.connect("s", "o", 0)
    return g


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_positions_at_the_ends_of_the_float_range_export(qapp, tmp_path: Path, suffix: str) -> None:
    scene = GraphScene(Document(_huge_graph()))
    out = tmp_path / f"huge{suffix}"
    export_scene(scene, out)
    assert out.stat().st_size > 0
    if suffix == ".png":
        image = QImage(str(out))
        assert 0 < max(image.width(), image.height()) <= MAX_PIXELS


def test_positions_at_the_ends_of_the_float_range_frame_and_zoom(qtbot) -> None:
    scene = GraphScene(Document(_huge_graph()))
    view = GraphView(scene)
    view.keep = scene
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    view.frame()
    for act in (view.zoom_in, view.zoom_out, view.zoom_reset, view.frame):
        act()
        assert 0 < view.zoom < float("inf")
    view.centerOn(QPointF(1e308, 1e308))
    view.viewport().grab()  # paints without raising


def _write_chain(path: Path, n: int) -> None:
    nodes = [{"id": "n0", "type": "Input", "value": 0.5}]
    nodes += [{"id": f"n{i}", "type": "Neg"} for i in range(1, n)]
    edges = [{"from": f"n{i - 1}", "to": f"n{i}", "port": 0} for i in range(1, n)]
    doc = {"format": "nodeeditor-graph", "version": 1, "nodes": nodes, "edges": edges}
    path.write_text(json.dumps(doc))


def _export_capped(graph: Path, out: Path) -> subprocess.CompletedProcess:
    """``export_file`` in a child process that may not map more than MEMORY_CAP."""
    code = textwrap.dedent(f"""
        import resource
        resource.setrlimit(resource.RLIMIT_AS, ({MEMORY_CAP}, {MEMORY_CAP}))
        from nodeeditor.gui.export import export_file
        export_file({str(graph)!r}, {str(out)!r})
    """)
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=240)


def test_a_long_chain_exports_to_a_png_no_wider_than_the_maximum(tmp_path: Path) -> None:
    graph = tmp_path / "chain.bpgraph"
    _write_chain(graph, 20_000)  # laid out: 6,200,000 units wide
    done = _export_capped(graph, tmp_path / "chain.png")
    assert done.returncode == 0, done.stderr
    image = QImage(str(tmp_path / "chain.png"))
    assert not image.isNull() and max(image.width(), image.height()) == MAX_PIXELS


def test_a_wire_across_two_million_units_exports_in_bounded_memory(tmp_path: Path) -> None:
    graph = tmp_path / "far.bpgraph"
    doc = {
        "format": "nodeeditor-graph",
        "version": 1,
        "nodes": [
            {"id": "a", "type": "Input", "value": 1, "pos": [0, 0]},
            {"id": "b", "type": "Output", "pos": [2000000, 2000000]},
        ],
        "edges": [{"from": "a", "to": "b", "port": 0}],
    }
    graph.write_text(json.dumps(doc))
    assert len(graph.read_bytes()) < 250
    done = _export_capped(graph, tmp_path / "far.png")
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("case", ["missing folder", "file as folder", "directory as output"])
def test_export_errors_name_the_output_and_the_reason(qapp, tmp_path: Path, case: str) -> None:
    source = str(example_path("01_add_node.bpgraph"))
    (tmp_path / "plain.txt").write_text("x")
    (tmp_path / "dir.png").mkdir()
    out, reason = {
        "missing folder": (tmp_path / "nowhere" / "g.png", "No such file or directory"),
        "file as folder": (tmp_path / "plain.txt" / "g.svg", "Not a directory"),
        "directory as output": (tmp_path / "dir.png", "Is a directory"),
    }[case]
    with pytest.raises(ExportError) as caught:
        export_file(source, str(out))
    message = str(caught.value)
    assert str(out) in message and reason in message
    assert "\n" not in message


def test_export_to_a_read_only_folder_says_so(qapp, unprivileged) -> None:
    """As root (CI) the export runs as 'nobody', whom the folder's permissions bind."""
    folder = unprivileged.folder / "ro"
    folder.mkdir()
    source = unprivileged.folder / "g.bpgraph"
    source.write_bytes(example_path("01_add_node.bpgraph").read_bytes())
    os.chown(folder, *_owner(unprivileged.folder))
    folder.chmod(0o500)
    with unprivileged.acting(), pytest.raises(ExportError, match="Permission denied"):
        export_file(str(source), str(folder / "g.png"))
    assert not (folder / "g.png").exists()


def _owner(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_uid, st.st_gid


def test_an_export_draws_labels_and_titles_at_their_own_size_whatever_the_zoom(qapp, tmp_path: Path) -> None:
    plain, zoomed_out = _apples(), _apples()
    zoomed_out.set_label_scale(2.0)  # what a view zoomed out to 0.375 asks for
    zoomed_out.set_title_scale(1.6)
    export_scene(plain, tmp_path / "plain.png")
    export_scene(zoomed_out, tmp_path / "zoomed.png")
    assert QImage(str(tmp_path / "zoomed.png")) == QImage(str(tmp_path / "plain.png"))
    assert zoomed_out.label_scale == 2.0  # the window's labels as they were
    assert zoomed_out.title_scale == 1.6
    assert all(item.title_scale == 1.6 for item in zoomed_out.node_items.values())
