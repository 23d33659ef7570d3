"""An exported picture shows what the student turned on (issue 11): the highlighted paths to
the loss, all of them even while one is hovered, and forward mode's blue tangent labels."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage

from nodeeditor.gui import style
from nodeeditor.gui.document import Document
from nodeeditor.gui.export import export_scene
from nodeeditor.gui.files import example_path, load_graph
from nodeeditor.gui.scene import GraphScene
from nodeeditor.model import Graph


def _seed() -> GraphScene:
    scene = GraphScene(Document(load_graph(example_path("03_add_square.bpgraph"))))
    scene.document.evaluate_now()
    return scene


def _count(path: Path, color: QColor) -> int:
    image = QImage(str(path))
    assert not image.isNull()
    rgb = color.rgb()
    return sum(image.pixel(x, y) == rgb for y in range(0, image.height(), 2) for x in range(image.width()))


def test_tangent_labels_are_in_the_picture_when_forward_mode_is_on(qapp, tmp_path: Path) -> None:
    scene = _seed()
    export_scene(scene, tmp_path / "off.png")
    scene.modes.set_wrt("x")
    export_scene(scene, tmp_path / "on.png")
    assert _count(tmp_path / "off.png", style.TANGENT_COLOR) == 0
    assert _count(tmp_path / "on.png", style.TANGENT_COLOR) > 0


def _square_by_mul() -> GraphScene:
    """x into both ports of a Mul: two paths to the loss."""
    g = Graph()
    g.add_node("Input", "x", value=3.0, pos=(0.0, 0.0))
    g.add_node("Mul", "m", pos=(260.0, 0.0))
    g.add_node("Output", "out", pos=(520.0, 0.0))
    g.connect("x", "m", 0)
    g.connect("x", "m", 1)
    g.connect("m", "out", 0)
    scene = GraphScene(Document(g))
    scene.document.evaluate_now()
    return scene


def test_highlighted_paths_are_in_the_picture_all_of_them(qapp, tmp_path: Path) -> None:
    scene = _square_by_mul()
    export_scene(scene, tmp_path / "off.png")
    scene.modes.show_paths("x")
    export_scene(scene, tmp_path / "all.png")
    scene.modes.hover_path(0)  # the mouse over the first listed path: the window shows it alone
    assert len(scene.modes.highlight) == 2  # of the three wires on paths
    export_scene(scene, tmp_path / "hovered.png")
    assert scene.modes.hovered == 0  # the window keeps its hover
    all_paths = _count(tmp_path / "all.png", style.PATH_COLOR)
    assert _count(tmp_path / "off.png", style.PATH_COLOR) == 0
    assert all_paths > 0
    assert _count(tmp_path / "hovered.png", style.PATH_COLOR) == all_paths
