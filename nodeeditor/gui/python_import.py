"""File ▸ Import Python… and the Tab search's formulas: an imported graph joins the current
document as one undo step (the model translates the code; nothing here computes).

Import adds to the open document, as Import does in a drawing program: nothing the student
has is closed or questioned ("Save changes?"), Undo takes the whole import back, the imported
nodes can be wired to what is there (a loss after an imported neuron), and File ▸ New first
gives a clean canvas.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, QRectF
from PySide6.QtWidgets import QFileDialog

from ..model import Edge, Graph
from ..model.layout import COLUMN
from ..model.pyimport import CodeFileError, PythonImportError, import_python, read_code
from . import style
from .commands import AddNodesCommand, NodeSpec
from .i18n import error_text
from .view import FRAME_PADDING, GraphView

READABLE_ZOOM = 0.6  # the wires' numbers are drawn from 0.3 on, and can be read from about here

if TYPE_CHECKING:
    from .main_window import MainWindow


def import_dialog(window: MainWindow) -> bool:
    """Ask for a .py file and add its graph beside the document's; a refusal is one dialog."""
    path, _ = QFileDialog.getOpenFileName(
        window,
        QCoreApplication.translate("PythonImport", "Import Python"),
        window._last_dir(),
        QCoreApplication.translate("PythonImport", "Python code (*.py);;All files (*)"),
    )
    return import_file(window, Path(path)) if path else False


def import_file(window: MainWindow, path: Path) -> bool:
    try:
        graph = import_python(read_code(path))
    except CodeFileError as exc:
        where = path.name if exc.line is None else f"{path.name}:{exc.line}"
        return _refused(window, f"{where}: {error_text(exc)}", f"{path}: {exc}")
    except PythonImportError as exc:
        located = exc.located(path.name, QCoreApplication.translate)
        return _refused(window, located, exc.located(str(path)))
    text = QCoreApplication.translate("PythonImport", "Import Python")
    add_graph(window, graph, beside(window.document.graph), text)
    show_readably(window.view)
    window.show_message(
        QCoreApplication.translate(
            "PythonImport", "Imported {name}: {count} nodes (F frames them all)"
        ).format(name=path.name, count=len(graph))
    )
    return True


def show_readably(view: GraphView) -> None:
    """Frame the imported (selected) nodes; where that is too small to read their numbers (a
    micrograd README is 13 columns long), show its start, the Inputs and their gradients,
    at a size that can be read. F frames it all."""
    view.frame()
    if view.zoom >= READABLE_ZOOM:
        return
    rect = QRectF()
    for item in view.graph_scene.selectedItems():
        rect = rect.united(item.sceneBoundingRect())
    view.set_zoom(READABLE_ZOOM)
    width = view.viewport().width() / READABLE_ZOOM
    view.centerOn(QPointF(rect.left() + width / 2 - FRAME_PADDING / READABLE_ZOOM, rect.center().y()))


def _refused(window: MainWindow, detail: str, log: str) -> bool:
    window.report_error(QCoreApplication.translate("PythonImport", "Cannot import the code"), detail, log)
    return False


def build_formula(text: str) -> Graph:
    """The graph of a typed formula; names it does not define become Inputs (value 1)."""
    return import_python(text, free_names=True)


def add_formula(window: MainWindow, graph: Graph, cursor: QPointF) -> None:
    """A typed formula's graph, its first column centred on the cursor, as Tab centres a node."""
    at = cursor - QPointF(style.NODE_WIDTH / 2, style.TITLE_HEIGHT / 2)
    add_graph(window, graph, at, QCoreApplication.translate("PythonImport", "Formula"))


def formula_error(exc: PythonImportError) -> str:
    return exc.located(QCoreApplication.translate("PythonImport", "formula"), QCoreApplication.translate)


def beside(graph: Graph) -> QPointF:
    """Where an import goes: one column right of the graph there is, level with its middle."""
    placed = [n.pos for n in graph.nodes.values() if n.pos is not None]
    if not placed:
        return QPointF(0.0, 0.0)
    ys = [y for _, y in placed]
    return QPointF(max(x for x, _ in placed) + COLUMN, (min(ys) + max(ys)) / 2)


def add_graph(window: MainWindow, imported: Graph, at: QPointF, text: str) -> None:
    """Add ``imported`` with its left column at ``at`` (its middle level with it), one undo step,
    and select it."""
    document_graph = window.document.graph
    specs, edges = _specs(document_graph, imported, at)
    window.scene.push(AddNodesCommand(document_graph, specs, edges, text))
    window.scene.clearSelection()
    for spec in specs:
        window.scene.node_items[spec.id].setSelected(True)


def _specs(graph: Graph, imported: Graph, at: QPointF) -> tuple[list[NodeSpec], list[Edge]]:
    poses = [n.pos or (0.0, 0.0) for n in imported.nodes.values()]
    ys = [y for _, y in poses]
    dx, dy = at.x() - min(x for x, _ in poses), at.y() - (min(ys) + max(ys)) / 2
    taken = set(graph.nodes)
    ids: dict[str, str] = {}
    for n in imported.nodes:
        new, k = n, 2
        while new in taken:  # the document has an x already: this one is x_2
            new, k = f"{n}_{k}", k + 1
        taken.add(new)
        ids[n] = new
    specs = [
        NodeSpec(ids[n], node.type, node.name, (x + dx, y + dy), dict(node.params), dict(node.extra))
        for (n, node), (x, y) in zip(imported.nodes.items(), poses, strict=True)
    ]
    return specs, [Edge(ids[e.src], ids[e.dst], e.port) for e in imported.edges]
