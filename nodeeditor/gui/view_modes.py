"""What the canvas shows beside the live numbers (issue 11): the paths from a node to the
loss, and forward-mode tangents from an Input. View state: never an edit, never saved.

The numbers come from the model (paths.py, forward_mode.py), computed again after every
evaluation; this module only keeps which node and which direction were chosen, and
``tangent_text`` is the one place a tangent becomes the text on a wire (an exercise that
hides numbers masks them there).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal

from ..model import Edge, GraphError, GraphEvent, Result
from ..model.values import format_value
from .i18n import current_language

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from ..model.forward_mode import Tangents
    from ..model.paths import PathReport
    from ..model.steps import Captions
    from .scene import GraphScene

PATH_LIMIT = 20  # paths listed in the inspector; the rest are counted
WireKey = tuple[str, int]  # (dst, port), as the scene keys its wires


def wire_key(wire: Any) -> WireKey:
    """A model wire (Edge or [from, to, port]) as the scene's key."""
    if isinstance(wire, Edge):
        return wire.dst, wire.port
    return str(wire[1]), int(wire[2])


class ViewModes(QObject):
    changed = Signal()  # paths or tangents came, went or have new numbers
    highlight_changed = Signal()  # which wires are drawn highlighted
    wrt_changed = Signal()  # forward mode came, went, or follows another Input or direction

    def __init__(self, scene: GraphScene) -> None:
        super().__init__(scene)
        self.scene = scene
        self.paths_on = False  # "Paths to the loss" is on: the paths follow the selected node
        self.paths_node: str | None = None  # paths to the loss (or target) from here
        self.report: PathReport | None = None
        self.hovered: int | None = None  # one listed path drawn alone
        self.wrt: str | None = None  # forward mode: the Input tangents are taken along
        self.direction: Any = None  # None: the Input's first element; else an index or a vector
        self.tangents: Tangents | None = None
        self._highlight: frozenset[WireKey] = frozenset()
        self._captions: tuple[Any, str, Captions] | None = None  # (result, language, captions)
        # Plain functions, not this object's methods: a scene going away emits while its
        # children (this object) are already gone, and a method's slot would not be found.
        self._slots = [
            (scene.document.evaluated, self._guarded(self.recompute)),
            (scene.document.changed, self._guarded(self._on_change)),
            # Connected before any panel is (the scene makes this object first): the paths are
            # found before the inspector draws the newly selected node.
            (scene.selectionChanged, self._guarded(self._follow_selection)),
        ]
        for signal, slot in self._slots:
            signal.connect(slot)

    def _guarded(self, method: Any) -> Any:
        def call(*args: Any) -> None:
            if shiboken6.isValid(self) and shiboken6.isValid(self.scene):
                method(*args)

        return call

    def detach(self) -> None:
        """The scene stopped mirroring its document: stop following it too."""
        for signal, slot in self._slots:
            signal.disconnect(slot)
        self._slots = []

    # -- choosing ---------------------------------------------------------------------------

    def set_paths_on(self, on: bool) -> None:
        """Paths to the loss from the selected node, and from each node selected next, or none."""
        self.paths_on = on
        self.show_paths(self._selected() if on else None)

    def _selected(self) -> str | None:
        ids = self.scene.selected_node_ids()
        return ids[0] if len(ids) == 1 else None

    def _follow_selection(self) -> None:
        if not self.paths_on or not shiboken6.isValid(self.scene):
            return
        node = self._selected()
        if node is not None and node != self.paths_node:
            self.show_paths(node)

    def show_paths(self, node_id: str | None) -> None:
        """Highlight every path from ``node_id`` to the loss (None: no paths)."""
        self.paths_node = node_id
        self.hovered = None
        self._compute_paths(self.scene.result)
        self.changed.emit()

    def hover_path(self, index: int | None) -> None:
        """Draw the listed path ``index`` alone (None: all of them again)."""
        if index != self.hovered:
            self.hovered = index
            self._update_highlight()

    def set_wrt(self, node_id: str | None, direction: Any = None) -> None:
        """Forward mode from the Input ``node_id`` along ``direction`` (None: forward mode off).
        A direction the model refuses (not finite, say) raises its GraphError and changes nothing."""
        old = self.wrt, self.direction
        self.wrt, self.direction = node_id, direction
        try:
            self._compute_tangents(self.scene.result)
        except GraphError:
            self.wrt, self.direction = old
            self._compute_tangents(self.scene.result)
            raise
        self.scene.tangents_changed()
        self.wrt_changed.emit()
        self.changed.emit()

    # -- following the graph ---------------------------------------------------------------

    def recompute(self, result: Result | None = None) -> None:
        result = self.scene.result if result is None else result
        if self.paths_node is None and self.wrt is None:
            return
        self._compute_paths(result)
        self._compute_tangents(result)
        self.changed.emit()

    def captions(self) -> Captions:
        """The captions of the current evaluation in the interface's language, made once and
        shared (inspector, paths): naming the nodes of a deep graph takes a while."""
        from ..model.steps import Captions

        result, language = self.scene.result, current_language()
        cached = self._captions
        if cached is None or cached[0] is not result or cached[1] != language:
            assert result is not None
            cached = self._captions = (result, language, Captions(self.scene.graph, result, translate))
        return cached[2]

    def _on_change(self, event: GraphEvent) -> None:
        self._captions = None  # a rename changes the names; any edit, the numbers to come
        if event.kind != "node_removed":
            return
        if event.node_id == self.paths_node:
            self.show_paths(None)
        if event.node_id == self.wrt:
            self.set_wrt(None)

    def _compute_paths(self, result: Result | None) -> None:
        node = self.paths_node
        graph = self.scene.graph
        if node is None or result is None or node not in graph.nodes or self._locked():
            self.report = None
        else:
            from ..model.paths import paths

            self.report = paths(graph, result, node, limit=PATH_LIMIT)
        if self.report is None or (self.hovered is not None and self.hovered >= len(self.report.paths)):
            self.hovered = None
        self._update_highlight()

    def _compute_tangents(self, result: Result | None) -> None:
        graph = self.scene.graph
        if self.wrt is None or result is None or self.wrt not in graph.nodes or self._locked():
            self.tangents = None
            return
        from ..model.forward_mode import tangents

        value = result.value(self.wrt)
        if value is None:
            self.tangents = None  # an Input whose value is not defined moves nothing
            return
        self.tangents = tangents(graph, result, self.wrt, self._direction_for(np.shape(value)))

    def _locked(self) -> bool:
        from .exercise_view import locks_chain_views

        return locks_chain_views(self.scene.document)

    def _direction_for(self, shape: tuple[int, ...]) -> Any:
        """The chosen direction as forward mode takes it: None for a number Input; for a
        vector or matrix, the chosen element (an index) or typed direction, else its first
        element. A choice that no longer fits the Input's shape is forgotten."""
        from ..model.forward_mode import unit_direction

        direction = self.direction
        if isinstance(direction, tuple):
            if len(direction) != len(shape) or not all(
                0 <= k < n for k, n in zip(direction, shape, strict=True)
            ):
                direction = self.direction = None
            else:
                return unit_direction(shape, direction)
        if direction is not None and np.shape(direction) != shape:
            direction = self.direction = None
        if direction is None and shape:
            return unit_direction(shape, (0,) * len(shape))
        return direction

    # -- what the wires show ------------------------------------------------------------------

    def highlighted(self, key: WireKey) -> bool:
        return key in self._highlight

    @property
    def highlight(self) -> frozenset[WireKey]:
        return self._highlight

    def _update_highlight(self) -> None:
        report = self.report
        if report is None:
            wires: frozenset[WireKey] = frozenset()
        elif self.hovered is not None:
            wires = frozenset(wire_key(w) for w in report.paths[self.hovered].wires)
        else:
            wires = frozenset(wire_key(w) for w in report.wires_on_paths)
        if wires != self._highlight:
            self._highlight = wires
            # The wires live in the views' cached background: draw it again, once.
            for view in self.scene.views():
                view.resetCachedContent()
                view.viewport().update()
            self.highlight_changed.emit()

    def tangent_text(self, edge: Edge) -> str:
        """The third label of a wire: d(wire)/d(input) while forward mode is on, else ""."""
        found = self.tangents
        if found is None:
            return ""
        return format_value(found.wire(edge))
