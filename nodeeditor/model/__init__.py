"""The Qt-free model: graphs, their evaluation and their files.

A teacher's script needs only this::

    from nodeeditor.model import load, evaluate
    graph = load("apples.bpgraph")
    result = evaluate(graph)
    print(result.grad("apple"))
"""

from .engine import CheckReport, Evaluator, Result, evaluate, gradient_check, numerical_gradients
from .fileformat import GraphFileError, dumps, load, loads, save
from .graph import Edge, Graph, GraphError, GraphEvent, Node
from .layout import layered_layout
from .ops import NODE_TYPES, Layer
from .values import BadValue, format_value, parse_value

__all__ = [
    "NODE_TYPES",
    "BadValue",
    "CheckReport",
    "Edge",
    "Evaluator",
    "Graph",
    "GraphError",
    "GraphEvent",
    "GraphFileError",
    "Layer",
    "Node",
    "Result",
    "dumps",
    "evaluate",
    "format_value",
    "gradient_check",
    "layered_layout",
    "load",
    "loads",
    "numerical_gradients",
    "parse_value",
    "save",
]
