"""The scene mirrors one Graph as graphics items and turns gestures into commands.

It never changes the Graph directly: every edit is a QUndoCommand pushed on
the document's stack, and items are added or removed only when the Graph
says so through its events.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QPen, QTransform
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene, QGraphicsSceneMouseEvent

from ..gc_pause import gc_paused
from ..model import Edge, GraphError, GraphEvent, Result
from ..model.values import same_value
from . import style
from .commands import (
    AddNodesCommand,
    ConnectCommand,
    MoveCommand,
    NodeSpec,
    RemoveCommand,
    SetParamCommand,
)
from .document import Document
from .edge_item import EdgeItem, wire_path
from .i18n import error_text, type_text
from .labels import MAX_ARRANGED_EDGES, arrange_labels
from .node_item import NodeItem, socket_offsets
from .overview import OVERVIEW_ZOOM
from .socket_item import SocketItem

LIVE_LABEL_ARRANGE_LIMIT = 400


@dataclass
class StepView:
    """What step-through propagation has revealed so far."""

    current: str | None = None
    values_shown: set[tuple[str, int]] = field(default_factory=set)
    grads_shown: set[tuple[str, int]] = field(default_factory=set)


class WireDrag:
    """A wire being dragged: one end fixed on a socket, the other at the mouse."""

    def __init__(self, fixed: SocketItem, picked_up: Edge | None = None) -> None:
        self.fixed = fixed
        self.picked_up = picked_up
        self.item = QGraphicsPathItem()
        self.item.setPen(QPen(style.WIRE_SELECTED, 2, Qt.PenStyle.DashLine))
        self.item.setZValue(3)
        self.valid: set[SocketItem] = set()


class GraphScene(QGraphicsScene):
    message = Signal(str)
    edit_requested = Signal(object)  # NodeItem
    rename_requested = Signal(object)  # NodeItem
    wire_search = Signal(QPointF)  # a new wire let go on empty canvas, here: which node to add?
    labels_arranged = Signal()

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document
        self.graph = document.graph
        self.snap = False
        self.stepping: StepView | None = None
        self.label_scale = 1.0  # see set_label_scale
        self.title_scale = 1.0  # see set_title_scale
        self.crowded_labels = 0  # wires whose labels found no clear place (arrange_labels)
        self.node_items: dict[str, NodeItem] = {}
        self.edge_items: dict[tuple[str, int], EdgeItem] = {}
        self._drag: WireDrag | None = None
        self._search_wire: tuple[SocketItem, QPointF, int] | None = None  # see wire_search, add_node
        self._press_positions: dict[str, tuple[float, float]] = {}
        self.geometry_version = 0  # bumped whenever a node or wire moves, comes or goes
        self._fanout: set[str] = set()  # nodes whose Σ (sum of wire gradients) is shown
        self._fanout_version = -1
        self._problem_nodes: set[str] = set()
        self._stale_nodes: set[str] = set()  # their pictures predate the last evaluation
        self._fresh_rect: QRectF | None = None  # looked at for stale nodes since the last evaluation
        self._arrange_timer = QTimer(self)
        self._arrange_timer.setSingleShot(True)
        self._arrange_timer.setInterval(0)
        self._arrange_timer.timeout.connect(self.arrange_labels)
        self.setBackgroundBrush(style.BACKGROUND)
        with gc_paused():  # tens of thousands of items: a quarter of the time at 10,000 nodes
            for node in self.graph.nodes.values():
                self._add_node_item(node.id)
            for edge in self.graph.edges:
                self._add_edge_item(edge)
        document.changed.connect(self._on_graph_event)
        document.evaluated.connect(self._on_evaluated)
        self._attached = True
        self._on_evaluated(document.result)
        self.arrange_labels()

    def detach(self) -> None:
        """Stop mirroring the document (another scene takes over); safe to repeat.

        A detached scene emits nothing more: when it is destroyed later, its items going
        away would otherwise signal a selection change to panels that are gone."""
        if self._attached:
            self._attached = False
            self.blockSignals(True)
            self.document.changed.disconnect(self._on_graph_event)
            self.document.evaluated.disconnect(self._on_evaluated)

    @property
    def result(self) -> Result | None:
        return self.document.result

    # -- mirroring the model ---------------------------------------------------

    def _on_graph_event(self, event: GraphEvent) -> None:
        kind, n = event.kind, event.node_id
        if kind in ("node_added", "node_removed", "edge_added", "edge_removed", "node_moved"):
            self.geometry_version += 1
        if kind == "node_added":
            self._add_node_item(n)  # type: ignore[arg-type]
        elif kind == "node_removed":
            item = self.node_items.pop(n)  # type: ignore[arg-type]
            self.removeItem(item)
        elif kind == "edge_added":
            self._add_edge_item(event.edge)  # type: ignore[arg-type]
        elif kind == "edge_removed":
            e = event.edge
            item = self.edge_items.pop((e.dst, e.port))  # type: ignore[union-attr]
            item.wire_changed()
            self.removeItem(item)
        elif kind == "node_moved":
            self.node_items[n].sync_pos()  # type: ignore[index]
        elif kind in ("param_changed", "node_renamed"):
            self.node_items[n].update()  # type: ignore[index]
        if kind != "param_changed":
            self._arrange_timer.start()

    def _add_node_item(self, node_id: str) -> NodeItem:
        item = NodeItem(self.graph.nodes[node_id])
        item.title_scale = self.title_scale
        self.node_items[node_id] = item
        self.addItem(item)
        return item

    def _add_edge_item(self, edge: Edge) -> EdgeItem:
        item = EdgeItem(edge, self.node_items[edge.src], self.node_items[edge.dst])
        if self.label_scale != 1.0:
            item.set_label_scale(self.label_scale)
        self.edge_items[(edge.dst, edge.port)] = item
        self.addItem(item)
        item.wire_changed()
        return item

    def _on_evaluated(self, result: Result | None) -> None:
        # Wires read their labels from scene.result whenever they are drawn, so
        # repainting what the views show is enough (one call, not one per wire).
        # Nodes keep a device cache: only those whose picture depends on the
        # result (a fan-out Σ, a problem badge) must redraw it, and only once
        # they are in sight (refresh_stale; the view asks before it paints).
        self._stale_nodes |= self._result_dependent_ids(result)
        self._fresh_rect = None
        views = self.views()
        for view in views:
            if view.transform().m11() < OVERVIEW_ZOOM:
                continue  # zoomed out this far, no numbers are drawn (GraphView.paintEvent)
            self.refresh_stale(view.mapToScene(view.viewport().rect()).boundingRect())
            view.viewport().update()
        if not views:
            self.refresh_stale(None)
        if len(self.edge_items) <= LIVE_LABEL_ARRANGE_LIMIT:
            self._arrange_timer.start()

    def render(self, *args: Any, **kwargs: Any) -> None:
        """Draw the scene elsewhere (export): every node's picture up to date first."""
        self.refresh_stale(None)
        super().render(*args, **kwargs)

    def refresh_stale(self, rect: QRectF | None) -> None:
        """Refresh the nodes not yet redrawn since an evaluation that are in ``rect`` (None: all)."""
        stale = self._stale_nodes
        seen = self._fresh_rect  # looked at since the last evaluation
        if not stale or (rect is not None and seen is not None and seen.contains(rect)):
            return
        if rect is None or len(stale) <= 64:
            ids = list(stale)
        elif len(stale) <= 4000:  # plain arithmetic beats asking Qt for every item in sight
            r = rect.adjusted(-20, -20, 20, 20)
            left, top, right, bottom = r.left(), r.top(), r.right(), r.bottom()
            items, width = self.node_items, style.NODE_WIDTH

            def shown(item: NodeItem) -> bool:
                x, y = item._xy
                return left < x + width and x < right and top < y + item.height and y < bottom

            ids = [n for n in stale if (i := items.get(n)) is None or shown(i)]
            self._fresh_rect = rect
        else:
            found = self.items(rect, Qt.ItemSelectionMode.IntersectsItemBoundingRect)
            ids = [i.node.id for i in found if isinstance(i, NodeItem) and i.node.id in stale]
            self._fresh_rect = rect
        for n in ids:
            stale.discard(n)
            item = self.node_items.get(n)
            if item is not None:
                item.refresh()

    def _result_dependent_ids(self, result: Result | None) -> set[str]:
        if result is None:
            return set(self.node_items)
        ids = set(self._fanout)  # a node that lost a wire may have lost its Σ too
        if self._fanout_version != self.graph.structure_version:
            fanout = Counter(e.src for e in self.graph.edges)
            self._fanout = {n for n, k in fanout.items() if k >= 2}
            self._fanout_version = self.graph.structure_version
        problems = set(self.document.evaluator.plan.problem) | set(result.flags) | set(result.grad_flags)
        ids |= self._fanout | problems | self._problem_nodes  # the last: problems just solved
        self._problem_nodes = problems
        if self.graph.exercise is not None:  # an Input's value field shows "?" while it is hidden
            ids |= set(self.graph.of_type("Input"))
        return ids

    def set_stepping(self, view: StepView | None) -> None:
        """Enter, advance or (with None) leave step-through mode."""
        old = self.stepping.current if self.stepping else None
        self.stepping = view
        for n in {old, view.current if view else None} - {None}:
            if n in self.node_items:
                self.node_items[n].update()
        for edge in self.edge_items.values():
            edge.update()

    def set_label_scale(self, scale: float) -> int:
        """Draw the wire labels ``scale`` times larger (the view keeps them readable when
        zoomed out) and place them anew for their new size; returns how many wires found
        no place clear of the other labels."""
        if scale != self.label_scale:
            self.label_scale = scale
            for edge in self.edge_items.values():
                edge.set_label_scale(scale)
            self.arrange_labels()
        return self.crowded_labels

    def set_title_scale(self, scale: float) -> None:
        """Draw the node titles ``scale`` times larger (the view keeps them readable)."""
        if scale != self.title_scale:
            self.title_scale = scale
            for item in self.node_items.values():
                item.set_title_scale(scale)

    def arrange_labels(self) -> None:
        """Slide wire labels along their curves so none overlaps another or a node."""
        self._arrange_timer.stop()
        self.crowded_labels = arrange_labels(list(self.edge_items.values()), list(self.node_items.values()))
        self.labels_arranged.emit()

    def nodes_rect(self) -> QRectF:
        """The rect the nodes cover: itemsBoundingRect() without asking every item."""
        items = list(self.node_items.values())
        if not items:
            return QRectF()
        xs = [i.x() for i in items]
        ys = [i.y() for i in items]
        bottom = max(y + i.height for y, i in zip(ys, items, strict=True))
        left, top = min(xs), min(ys)
        return QRectF(left, top, max(xs) + style.NODE_WIDTH - left, bottom - top)

    def content_rect(self) -> QRectF:
        """The nodes' rect, and the wires' curves where they reach beyond it (a wire back to
        the start of a second row bulges out); a big graph's wires are not asked."""
        rect = self.nodes_rect()
        if len(self.edge_items) <= MAX_ARRANGED_EDGES:
            for item in self.edge_items.values():
                rect = rect.united(item.path.boundingRect())
        return rect

    def edges_of(self, node_id: str) -> list[EdgeItem]:
        edges = self.graph.in_edges(node_id) + self.graph.consumers(node_id)
        return [self.edge_items[(e.dst, e.port)] for e in edges]

    def node_item_moved(self, item: NodeItem) -> None:
        self.geometry_version += 1
        for edge in self.edges_of(item.node.id):
            edge.update_path()
        self._arrange_timer.start()

    # -- edits -------------------------------------------------------------------

    def push(self, command: Any) -> None:
        self.document.undo_stack.push(command)

    def set_param(self, node_id: str, key: str, value: Any, merge_key: object = None) -> bool:
        """Push a parameter change; False (and a status message) if refused.

        The same value again changes nothing and leaves no undo step."""
        try:
            value = self.graph.check_param(node_id, key, value)
        except GraphError as exc:
            self.message.emit(error_text(exc))
            return False
        if same_value(self.graph.nodes[node_id].params.get(key), value):
            return True
        self.push(SetParamCommand(self.graph, node_id, key, value, merge_key))
        return True

    def add_node(self, type_name: str, pos: QPointF) -> str:
        """Add a node of ``type_name`` centred at ``pos``; returns its id.

        Asked for where a new wire was just let go (wire_search), the node comes wired
        to it, with its socket at that point: one undo step."""
        node_id = self.graph.new_id(type_name.lower())
        corner = (pos.x() - style.NODE_WIDTH / 2, pos.y() - style.TITLE_HEIGHT / 2)
        edges, found = [], self._wire_for(type_name, node_id, pos)
        if found is not None:
            edge, (dx, dy) = found
            edges, corner = [edge], (pos.x() - dx, pos.y() - dy)
        if self.snap:
            corner = tuple(round(c / style.GRID) * style.GRID for c in corner)  # type: ignore[assignment]
        params = {"value": 1.0} if type_name == "Input" else {}
        spec = NodeSpec(node_id, type_name, "", corner, params, {})
        text = QCoreApplication.translate("GraphScene", "Add {type}").format(type=type_text(type_name))
        self.push(AddNodesCommand(self.graph, [spec], edges, text))
        self.clearSelection()
        self.node_items[node_id].setSelected(True)
        return node_id

    def _wire_for(
        self, type_name: str, node_id: str, pos: QPointF
    ) -> tuple[Edge, tuple[float, float]] | None:
        """The wire a new node gets if it is added where a wire was let go (and nothing
        changed since), with the offset of the socket it joins; else None."""
        pending, self._search_wire = self._search_wire, None
        if pending is None:
            return None
        fixed, at, version = pending
        if at != pos or version != self.graph.structure_version or fixed.node_id not in self.graph.nodes:
            return None
        offsets = socket_offsets(type_name)
        if fixed.is_output and 0 in offsets:
            return Edge(fixed.node_id, node_id, 0), offsets[0]
        if not fixed.is_output and None in offsets:
            return Edge(node_id, fixed.node_id, fixed.port), offsets[None]  # type: ignore[arg-type]
        return None

    def request_edit(self, item: NodeItem) -> None:
        self.edit_requested.emit(item)

    def selected_node_ids(self) -> list[str]:
        return [i.node.id for i in self.selectedItems() if isinstance(i, NodeItem)]

    def selected_edges(self) -> list[Edge]:
        return [i.edge for i in self.selectedItems() if isinstance(i, EdgeItem)]

    def delete_selection(self) -> bool:
        nodes, edges = self.selected_node_ids(), self.selected_edges()
        if not nodes and not edges:
            return False
        self.push(RemoveCommand(self.graph, nodes, edges))
        return True

    def wire_between(self, a: SocketItem, b: SocketItem) -> Edge | None:
        """The wire two sockets (either order) would make; None, and a message, if refused."""
        out, inp = (a, b) if a.is_output else (b, a)
        if out.is_output == inp.is_output:
            self.message.emit(
                QCoreApplication.translate(
                    "GraphScene", "connect an output (right side) to an input (left side)"
                )
            )
            return None
        try:
            self.graph.check_connect(out.node_id, inp.node_id, inp.port, replace=True)  # type: ignore[arg-type]
        except GraphError as exc:
            self.message.emit(error_text(exc))
            return None
        return Edge(out.node_id, inp.node_id, inp.port)  # type: ignore[arg-type]

    def connect_sockets(self, a: SocketItem, b: SocketItem) -> bool:
        """Wire two sockets; a wire already on the input is replaced."""
        edge = self.wire_between(a, b)
        if edge is None:
            return False
        old = self.graph.source(edge.dst, edge.port)
        if old != edge.src:
            self.push(ConnectCommand(self.graph, edge.src, edge.dst, edge.port))
        if old is not None and old != edge.src:  # said, not silent: a wire gave way
            port = self.graph.nodes[edge.dst].ports[edge.port]
            text = QCoreApplication.translate(
                "GraphScene", "Wire replaced: {node} · {port} now comes from {new}, no longer from {old}"
            )
            names = {k: self.shown_name(n) for k, n in (("node", edge.dst), ("new", edge.src), ("old", old))}
            self.message.emit(text.format(port=port, **names))
        return True

    def shown_name(self, node_id: str) -> str:
        """A node as the canvas shows it: its name, else its type."""
        node = self.graph.nodes[node_id]
        return node.name or type_text(node.type)

    # -- mouse: moving nodes and dragging wires -----------------------------------

    def socket_at(self, pos: QPointF) -> SocketItem | None:
        for item in self.items(pos, deviceTransform=QTransform()):
            if isinstance(item, SocketItem):
                return item
        # A forgiving target: anywhere within a socket's reach.
        area = QRectF(pos.x() - 10, pos.y() - 10, 20, 20)
        for item in self.items(area):
            if isinstance(item, SocketItem):
                return item
        return None

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            socket = self.socket_at(event.scenePos())
            if socket is not None:
                self._start_wire(socket, event.scenePos())
                event.accept()
                return
        super().mousePressEvent(event)
        self._press_positions = {
            i.node.id: (i.pos().x(), i.pos().y()) for i in self.selectedItems() if isinstance(i, NodeItem)
        }

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._drag is not None:
            self._move_wire(event.scenePos())
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._drag is not None:
            self._finish_wire(event.scenePos())
            return
        super().mouseReleaseEvent(event)
        self._commit_moves()

    def _commit_moves(self) -> None:
        moves = {}
        for n, old in self._press_positions.items():
            item = self.node_items.get(n)
            if item is None:
                continue
            new = (item.pos().x(), item.pos().y())
            if new != old:
                moves[n] = (old, new)
        self._press_positions = {}
        if moves:
            self.push(MoveCommand(self.graph, moves))

    def _start_wire(self, socket: SocketItem, pos: QPointF) -> None:
        picked = None
        if not socket.is_output:
            src = self.graph.source(socket.node_id, socket.port)  # type: ignore[arg-type]
            if src is not None:
                picked = Edge(src, socket.node_id, socket.port)  # type: ignore[arg-type]
                self.edge_items[(picked.dst, picked.port)].setVisible(False)
                self.edge_items[(picked.dst, picked.port)].wire_changed()
                socket = self.node_items[src].output  # type: ignore[assignment]
        drag = WireDrag(socket, picked)
        self._drag = drag
        self.addItem(drag.item)
        drag.valid = self._valid_targets(socket)
        for item in self.node_items.values():
            for s in [*item.inputs, item.output]:
                if s is not None and s.is_output != socket.is_output:
                    s.set_highlight(s in drag.valid)
        self._move_wire(pos)

    def _valid_targets(self, fixed: SocketItem) -> set[SocketItem]:
        """Sockets a wire from ``fixed`` may end on: never one that closes a cycle."""
        if fixed.is_output:
            banned = self.graph.upstream(fixed.node_id)
            return {s for n, i in self.node_items.items() if n not in banned for s in i.inputs}
        banned = self.graph.downstream(fixed.node_id)
        return {i.output for n, i in self.node_items.items() if n not in banned and i.output is not None}

    def _move_wire(self, pos: QPointF) -> None:
        drag = self._drag
        assert drag is not None
        target = self.socket_at(pos)
        end = target.scenePos() if target in drag.valid else pos  # type: ignore[union-attr]
        start = drag.fixed.scenePos()
        path = wire_path(start, end) if drag.fixed.is_output else wire_path(end, start)
        drag.item.setPath(path)
        if target is not None and target not in drag.valid and target is not drag.fixed:
            self._explain_refusal(drag.fixed, target)

    def _explain_refusal(self, fixed: SocketItem, target: SocketItem) -> None:
        out, inp = (fixed, target) if fixed.is_output else (target, fixed)
        if out.is_output == inp.is_output:
            return
        try:
            self.graph.check_connect(out.node_id, inp.node_id, inp.port, replace=True)  # type: ignore[arg-type]
        except GraphError as exc:
            self.message.emit(error_text(exc))

    def _finish_wire(self, pos: QPointF) -> None:
        drag = self._drag
        assert drag is not None
        self._drag = None
        self.removeItem(drag.item)
        for item in self.node_items.values():
            for s in [*item.inputs, item.output]:
                if s is not None:
                    s.set_highlight(None)
        target = self.socket_at(pos)
        picked = drag.picked_up
        if picked is not None:
            self.edge_items[(picked.dst, picked.port)].setVisible(True)
            self.edge_items[(picked.dst, picked.port)].wire_changed()
            if (
                target is not None
                and not target.is_output
                and (target.node_id, target.port) == (picked.dst, picked.port)
            ):
                return
        if target is None and picked is None:  # a new wire let go on the canvas: which node there?
            self._search_wire = (drag.fixed, pos, self.graph.structure_version)
            self.wire_search.emit(pos)
            return
        if target is None or target is drag.fixed:
            if picked is not None:
                self.push(RemoveCommand(self.graph, [], [picked]))
                self.message.emit(QCoreApplication.translate("GraphScene", "wire removed"))
            return
        if picked is None:
            self.connect_sockets(drag.fixed, target)
            return
        edge = self.wire_between(drag.fixed, target)
        if edge is None:
            return  # refused: the old wire stays where it was
        stack = self.document.undo_stack
        stack.beginMacro(QCoreApplication.translate("GraphScene", "Rewire"))
        self.push(RemoveCommand(self.graph, [], [picked]))
        self.connect_sockets(drag.fixed, target)
        stack.endMacro()
