"""Node names in the interface's language.

A file may give a node names per language (the optional node key ``names``,
e.g. ``{"ko": "사과 가격"}``; docs/file-format.md); ``name`` stays the default.
The open document shows the name of the interface's language, and saving
writes the file's own ``name`` back, so what is saved does not depend on the
language it was edited in. A node the student renamed keeps the student's
name in every language, and its per-language names are dropped when saved.
"""

from __future__ import annotations

from typing import Any

from ..model import Graph

KEY = "names"


def name_in(names: Any, language: str, default: str) -> str:
    """The name ``names`` gives for ``language``, else ``default``."""
    found = names.get(language) if isinstance(names, dict) else None
    return found if isinstance(found, str) and found.strip() else default


class LocalNames:
    """What the file named each node, and what is shown instead, for one graph."""

    def __init__(self) -> None:
        self.defaults: dict[str, str] = {}  # node id -> the file's own name
        self.shown: dict[str, str] = {}  # node id -> the name put on it for the language

    def show(self, graph: Graph, language: str) -> dict[str, str]:
        """The new name of every node whose name should change for ``language`` (not applied)."""
        renames = {}
        for node in graph.nodes.values():
            names = node.extra.get(KEY)
            if not isinstance(names, dict):
                continue
            default = self.defaults.setdefault(node.id, node.name)
            if node.name != self.shown.get(node.id, default):
                continue  # renamed by the student: their name stays
            wanted = name_in(names, language, default)
            self.shown[node.id] = wanted
            if wanted != node.name:
                renames[node.id] = wanted
        return renames

    def for_saving(self, graph: Graph) -> Graph:
        """``graph`` as its file should hold it: the default names back where they were shown."""
        touched = [n for n in self.shown if n in graph.nodes]
        if not touched:
            return graph
        copy = graph.copy()
        for n in touched:
            node = copy.nodes[n]
            if node.name == self.shown[n]:
                node.name = self.defaults[n]
            else:  # the student's own name replaces the file's in every language
                node.extra.pop(KEY, None)
        return copy
