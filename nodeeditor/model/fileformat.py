"""Read, validate, upgrade and write graph files (format version 1).

Loading parses JSON and nothing else: no code from a file is ever run.
Every way a file can be broken ends in one :class:`GraphFileError` whose
``where`` names the place (``nodes[4].type``) and whose message says what.
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Any

import numpy as np

from .graph import Edge, Graph, Node
from .layout import layered_layout
from .ops import NODE_TYPES
from .ops import QT_TRANSLATE_NOOP as _T
from .values import BadValue, as_value

FORMAT = "nodeeditor-graph"
VERSION = 1
MAX_BYTES = 256 * 1024 * 1024
MAX_NODES = 1_000_000
MAX_EDGES = 4_000_000
_TOP_KEYS = ("format", "version", "nodes", "edges")
_NODE_KEYS = ("id", "type", "name", "value", "exponent", "grad", "pos")


class GraphFileError(ValueError):
    """A graph file that cannot be read; ``str()`` gives ``where: what``."""

    def __init__(self, message: str, where: str = "") -> None:
        super().__init__(f"{where}: {message}" if where else message)
        self.where = where
        self.message = message


class _NonFinite(float):
    """NaN/Infinity as parsed, so the validator can say where they stand."""


def _constant(name: str) -> float:
    return _NonFinite(math.nan if name == "NaN" else math.inf)


# -- reading -----------------------------------------------------------------


def load(path: str | os.PathLike) -> Graph:
    """Read a graph file; GraphFileError says what is wrong and where."""
    try:
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            raise GraphFileError(f"the file is {size} bytes; at most {MAX_BYTES} are read")
        data = Path(path).read_bytes()
    except OSError as exc:
        raise GraphFileError(f"cannot read the file: {exc.strerror or exc}") from None
    return loads(data)


def loads(data: bytes | str) -> Graph:
    """Parse and validate the text of a graph file."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise GraphFileError(
                f"not UTF-8 text (byte 0x{exc.object[exc.start]:02x} at offset {exc.start})"
            ) from None
    data = data.removeprefix("\ufeff")  # a byte-order mark, as some editors write
    if len(data) > MAX_BYTES:
        raise GraphFileError(f"the text is longer than {MAX_BYTES} characters")
    try:
        doc = json.loads(data, parse_constant=_constant)
    except json.JSONDecodeError as exc:
        # A string left open also means the text stopped (exc.pos is where it began).
        if exc.pos >= len(data.rstrip()) or exc.msg.startswith("Unterminated string"):
            last_line = data.rstrip().count("\n") + 1
            raise GraphFileError(
                f"the JSON ends too early (is the file cut off?) at line {last_line}"
            ) from None
        raise GraphFileError(
            f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
        ) from None
    except RecursionError:
        raise GraphFileError("the JSON is nested too deeply") from None
    except ValueError:  # Python refuses integers of more than 4300 digits
        raise GraphFileError("invalid JSON: a number has too many digits") from None
    return from_document(doc)


def from_document(doc: Any) -> Graph:
    """Validate an already parsed JSON document and build its Graph."""
    if not isinstance(doc, dict):
        raise GraphFileError(f"expected a JSON object at the top, got {_kind(doc)}", "top level")
    doc = upgrade(doc)
    nodes_doc = _require(doc, "nodes", list, "")
    edges_doc = _require(doc, "edges", list, "")
    if len(nodes_doc) > MAX_NODES:
        raise GraphFileError(f"{len(nodes_doc)} nodes; at most {MAX_NODES} are allowed", "nodes")
    if len(edges_doc) > MAX_EDGES:
        raise GraphFileError(f"{len(edges_doc)} edges; at most {MAX_EDGES} are allowed", "edges")
    nodes: dict[str, Node] = {}
    index_of: dict[str, int] = {}
    for i, nd in enumerate(nodes_doc):
        node = _node(nd, f"nodes[{i}]")
        if node.id in nodes:
            raise GraphFileError(
                f'duplicate id "{node.id}" (first used at nodes[{index_of[node.id]}])',
                f"nodes[{i}].id",
            )
        nodes[node.id] = node
        index_of[node.id] = i
    edges = _edges(edges_doc, nodes)
    graph = Graph()
    graph.bulk_load(nodes.values(), edges)
    graph.meta = {k: _finite_json(v, k) for k, v in doc.items() if k not in _TOP_KEYS}
    _check_acyclic(graph, edges)
    if any(n.pos is None for n in nodes.values()):
        for node_id, pos in layered_layout(graph, only_missing=True).items():
            graph.nodes[node_id].pos = pos
    return graph


def upgrade(doc: dict) -> dict:
    """Check ``format`` and ``version``; bring older versions up to this one."""
    fmt = doc.get("format")
    if fmt != FORMAT:
        got = "missing" if fmt is None else json.dumps(fmt, ensure_ascii=False)
        raise GraphFileError(f'expected "{FORMAT}", got {got}: this is not a graph file', "format")
    version = doc.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        got = "missing" if version is None else json.dumps(version)
        raise GraphFileError(f"expected a whole number, got {got}", "version")
    if version > VERSION:
        raise GraphFileError(
            f"the file was made by a newer version of the app (format version {version}; "
            f"this app reads up to version {VERSION}); please update Backprop Studio",
            "version",
        )
    if version < 1:
        raise GraphFileError(f"unknown format version {version}", "version")
    return doc  # version 1 is the first; later versions add their upgrades here


def _node(nd: Any, where: str) -> Node:
    if not isinstance(nd, dict):
        raise GraphFileError(f"expected an object, got {_kind(nd)}", where)
    node_id = _require(nd, "id", str, where)
    if not node_id:
        raise GraphFileError("must not be empty", f"{where}.id")
    type_name = _require(nd, "type", str, where)
    if type_name not in NODE_TYPES:
        raise GraphFileError(f'unknown node type "{type_name}"', f"{where}.type")
    name = nd.get("name", "")
    if not isinstance(name, str):
        raise GraphFileError(f"expected text, got {_kind(name)}", f"{where}.name")
    params: dict[str, Any] = {}
    for key, owner in (("value", "Input"), ("exponent", "Pow"), ("grad", "Output")):
        if key in nd and type_name != owner:
            article = "an" if key == "exponent" else "a"
            raise GraphFileError(
                f"only {owner} nodes have {article} {key}, not {type_name}", f"{where}.{key}"
            )
    if type_name == "Input":
        params["value"] = _array(_require_present(nd, "value", where), f"{where}.value")
    elif type_name == "Pow":
        params["exponent"] = _number(_require_present(nd, "exponent", where), f"{where}.exponent")
    elif type_name == "Output":
        grad = nd.get("grad")
        params["grad"] = None if grad is None else _array(grad, f"{where}.grad")
    pos = _position(nd["pos"], f"{where}.pos") if "pos" in nd else None
    if "trainable" in nd and (not isinstance(nd["trainable"], bool) or type_name != "Input"):
        raise GraphFileError("only an Input can be trainable: true or false", f"{where}.trainable")
    extra = {k: _finite_json(v, f"{where}.{k}") for k, v in nd.items() if k not in _NODE_KEYS}
    return Node(node_id, type_name, name, pos, params, extra)


def _edges(edges_doc: list, nodes: dict[str, Node]) -> list[Edge]:
    edges: list[Edge] = []
    taken: dict[tuple[str, int], int] = {}
    for i, ed in enumerate(edges_doc):
        where = f"edges[{i}]"
        if not isinstance(ed, dict):
            raise GraphFileError(f"expected an object, got {_kind(ed)}", where)
        src = _require(ed, "from", str, where)
        dst = _require(ed, "to", str, where)
        port = _require(ed, "port", int, where)
        for key, ref in (("from", src), ("to", dst)):
            if ref not in nodes:
                raise GraphFileError(f'no node has the id "{ref}"', f"{where}.{key}")
        if not nodes[src].has_output:
            raise GraphFileError(f'"{src}" is an Output node: it has no output', f"{where}.from")
        n_ports = len(nodes[dst].ports)
        if not 0 <= port < n_ports:
            have = (
                "no input ports" if n_ports == 0
                else "only input port 0" if n_ports == 1
                else f"input ports 0 to {n_ports - 1}"
            )  # fmt: skip
            raise GraphFileError(
                f'{nodes[dst].type} node "{dst}" has {have}, not {port}', f"{where}.port"
            )
        if (dst, port) in taken:
            raise GraphFileError(
                f'port {port} of "{dst}" already has a wire (edges[{taken[(dst, port)]}]); '
                "an input takes one wire",
                where,
            )
        taken[(dst, port)] = i
        edges.append(Edge(src, dst, port))
    return edges


def _check_acyclic(graph: Graph, edges: list[Edge]) -> None:
    order = graph.topological_order()
    if len(order) == len(graph.nodes):
        return
    stuck = set(graph.nodes) - set(order)
    # Walk backwards inside the stuck part until a node repeats: that is a cycle.
    seen: list[str] = []
    node = next(n for n in graph.nodes if n in stuck)  # file order: the same message every time
    while node not in seen:
        seen.append(node)
        node = next(s for p in range(len(graph.nodes[node].ports))
                    if (s := graph.source(node, p)) in stuck)  # fmt: skip
    cycle = seen[seen.index(node):][::-1]
    index = {(e.src, e.dst): i for i, e in enumerate(edges)}
    hops = [index[(cycle[i], cycle[(i + 1) % len(cycle)])] for i in range(len(cycle))]
    # Name the wire that closes the loop: the cycle's last wire in the file.
    start = hops.index(max(hops))
    cycle = cycle[start:] + cycle[:start]
    first = max(hops)
    names = " → ".join([*cycle, cycle[0]])
    raise GraphFileError(f"the wires make a cycle: {names}", f"edges[{first}]")


def _require(obj: dict, key: str, kind: type, where: str) -> Any:
    place = f"{where}.{key}" if where else key
    if key not in obj:
        raise GraphFileError("missing", place)
    value = obj[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        names = {str: "text", int: "a whole number", list: "an array", dict: "an object"}
        raise GraphFileError(f"expected {names[kind]}, got {_kind(value)}", place)
    return value


def _require_present(obj: dict, key: str, where: str) -> Any:
    if key not in obj:
        raise GraphFileError("missing", f"{where}.{key}")
    return obj[key]


def _array(value: Any, where: str) -> np.ndarray:
    try:
        return as_value(_plain(value))
    except BadValue as exc:
        raise GraphFileError(str(exc), where) from None


def _plain(value: Any) -> Any:
    """Turn parsed NaN/Infinity into a clear refusal before numpy sees them."""
    if isinstance(value, _NonFinite):
        raise BadValue(_T("errors", "must be finite numbers (no NaN or infinity)"))
    if isinstance(value, float) and not math.isfinite(value):
        raise BadValue(_T("errors", "is too large to be a finite number"))
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _finite_json(value: Any, where: str) -> Any:
    """Keys kept as they are must stay valid JSON when saved: no NaN or infinity."""
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, float) and not math.isfinite(v):
            raise GraphFileError("NaN and infinity are not valid JSON numbers", where)
        if isinstance(v, list):
            stack.extend(v)
        elif isinstance(v, dict):
            stack.extend(v.values())
    return value


def _number(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise GraphFileError(f"expected a number, got {_kind(value)}", where)
    try:
        number = float(value)
    except OverflowError:  # an integer beyond float range, e.g. 10**400
        number = math.inf
    if not math.isfinite(number):
        raise GraphFileError("must be a finite number", where)
    return number


def _position(value: Any, where: str) -> tuple[float, float]:
    if not isinstance(value, list) or len(value) != 2:
        raise GraphFileError(f"expected [x, y], got {_kind(value)}", where)
    return (_number(value[0], f"{where}[0]"), _number(value[1], f"{where}[1]"))


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f'the text "{value[:40]}"'
    if isinstance(value, list):
        return "an array"
    return "an object"


# -- writing -----------------------------------------------------------------


def to_document(graph: Graph) -> dict[str, Any]:
    """The JSON document of a graph, in the order a reader expects."""
    nodes = []
    for node in graph.nodes.values():
        nd: dict[str, Any] = {"id": node.id, "type": node.type}
        if node.name:
            nd["name"] = node.name
        if node.type == "Input":
            nd["value"] = node.params["value"].tolist()
        elif node.type == "Pow":
            nd["exponent"] = node.params["exponent"]
        elif node.type == "Output" and node.params.get("grad") is not None:
            nd["grad"] = node.params["grad"].tolist()
        if node.pos is not None:
            nd["pos"] = [_tidy(node.pos[0]), _tidy(node.pos[1])]
        nd.update(node.extra)
        nodes.append(nd)
    edges = [{"from": e.src, "to": e.dst, "port": e.port} for e in graph.edges]
    return {"format": FORMAT, "version": VERSION, **graph.meta, "nodes": nodes, "edges": edges}


def dumps(graph: Graph) -> str:
    """Readable UTF-8 JSON (Korean names stay Korean), one node or edge per line."""
    doc = to_document(graph)
    lines = ["{", f'  "format": "{FORMAT}",', f'  "version": {VERSION},']
    for key, value in graph.meta.items():
        text = json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False).replace("\n", "\n  ")
        lines.append(f"  {json.dumps(key, ensure_ascii=False)}: {text},")
    lines.append('  "nodes": [')
    lines.append(",\n".join("    " + _compact(n) for n in doc["nodes"]))
    lines.append("  ],")
    lines.append('  "edges": [')
    lines.append(",\n".join("    " + _compact(e) for e in doc["edges"]))
    lines.append("  ]")
    lines.append("}")
    return "\n".join(line for line in lines if line) + "\n"


def save(graph: Graph, path: str | os.PathLike) -> None:
    """Write a graph file atomically (temp file, then rename)."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_text(dumps(graph), encoding="utf-8")
        os.replace(tmp, path)
    except (OSError, UnicodeError) as exc:  # UnicodeError: a lone surrogate in a name
        tmp.unlink(missing_ok=True)
        raise GraphFileError(f"cannot save: {getattr(exc, 'strerror', None) or exc}") from None


def _compact(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(", ", ": "), allow_nan=False)


def _tidy(x: float) -> float | int:
    return int(x) if float(x).is_integer() and abs(x) < 2**53 else x
