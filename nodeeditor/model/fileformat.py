"""Read, validate, upgrade and write graph files (format versions 1 and 2).

Loading parses JSON and nothing else: no code from a file is ever run.
Every way a file can be broken ends in one :class:`GraphFileError` whose
``where`` names the place (``nodes[4].type``) and whose message says what.
"""

from __future__ import annotations

import errno
import json
import math
import os
import stat
from itertools import chain
from operator import itemgetter
from typing import Any

import numpy as np

from ..gc_pause import gc_paused
from . import json_keys
from .errors import ModelError, Text, Translate, one_line
from .graph import Graph, Node, NodeColumns
from .json_keys import key_place, walk
from .layout import layered_layout
from .ops import NODE_TYPES
from .ops import QT_TRANSLATE_NOOP as _T
from .safe_write import NotRegularFileError, file_kind, write_file
from .values import BadValue, as_value
from .wiring import HAS_OUTPUT, MAX_PORTS, N_PORTS, TYPE_NUMBER, Wiring, numbers

FORMAT = "nodeeditor-graph"
VERSION = 2  # the newest version this app reads
PLAIN_VERSION = 1  # what a graph without an exercise is written as, so older apps still read it
MAX_BYTES = 256 * 1024 * 1024
MAX_NODES = 1_000_000
MAX_EDGES = 4_000_000
MAX_POS = 10_000_000  # |x| and |y| on the canvas: beyond, export and zoom overflow
_TOP_KEYS = ("format", "version", "nodes", "edges", "exercise")
_NODE_KEYS = ("id", "type", "name", "value", "exponent", "grad", "pos")


class GraphFileError(ModelError):
    """A graph file that cannot be read; ``str()`` gives ``where: what``.

    ``what`` is a template marked for translation plus its parameters, so
    ``translated(QCoreApplication.translate)`` says it in Korean; ``where``
    names a place in the file and stays as it is.
    """

    def __init__(self, template: str, where: str = "", **params: Any) -> None:
        # Ids, names and keys come from the file: one error stays one line, whatever they hold.
        self.where = one_line(where)
        super().__init__(template, **{k: one_line(v) if isinstance(v, str) else v for k, v in params.items()})

    @property
    def message(self) -> str:
        """What is wrong, in English, without the place."""
        return ModelError.translated(self)

    def translated(self, translate: Translate | None = None) -> str:
        message = super().translated(translate) if translate else super().translated()
        return f"{self.where}: {message}" if self.where else message


def _type(type_name: str) -> Text:
    """A node type's name, translated with the other texts."""
    return Text("ops", type_name)


class _NonFinite(float):
    """NaN/Infinity as parsed, so the validator can say where they stand."""


def _constant(name: str) -> float:
    return _NonFinite(math.nan if name == "NaN" else math.inf)


# -- reading -----------------------------------------------------------------


def load(path: str | os.PathLike, *, layout: bool = True) -> Graph:
    """Read a graph file; GraphFileError says what is wrong and where.

    ``layout=False`` leaves nodes without ``pos`` unplaced (``pos`` None), for
    readers that never draw the graph, such as ``nodeeditor eval``.
    """
    with gc_paused():  # a big file is ~10 objects per node; collecting as they come costs a third more
        return from_document(read_document(path), layout=layout)


def read_document(path: str | os.PathLike) -> Any:
    """A graph file's JSON, parsed but not yet checked as a graph (``from_document`` does
    that); GraphFileError if the file cannot be read or is not JSON."""
    try:
        data = _read_bytes(path)
    except OSError as exc:
        raise GraphFileError(
            _T("errors", "cannot read the file: {why}"), why=exc.strerror or str(exc)
        ) from None
    except GraphFileError:
        raise
    except ValueError:  # os.stat refuses a NUL character
        why = _phrase(_T("errors", "the name holds a NUL character"))
        raise GraphFileError(_T("errors", "cannot read the file: {why}"), why=why) from None
    with gc_paused():
        return _parse(_text(data))


# Opening a named pipe to read waits for a writer, possibly forever: open without waiting.
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def _read_bytes(path: str | os.PathLike) -> bytes:
    """The file's bytes; only a regular file of at most MAX_BYTES is read at all."""
    _check_regular(os.stat(path))  # before opening: opening some devices does something
    with open(os.open(path, _READ_FLAGS), "rb") as f:
        size = _check_regular(os.fstat(f.fileno()))  # it may have been swapped since
        if size > MAX_BYTES:
            raise GraphFileError(
                _T("errors", "the file is {size} bytes; at most {limit} are read"), size=size, limit=MAX_BYTES
            )
        data = f.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:  # it grew while being read
        raise GraphFileError(_T("errors", "the file is larger than {limit} bytes"), limit=MAX_BYTES)
    return data


def _check_regular(st: os.stat_result) -> int:
    """The size of a regular file; a folder, device, pipe or socket is refused (``/dev/zero``
    never ends, a pipe may never say anything)."""
    if stat.S_ISREG(st.st_mode):
        return st.st_size
    if stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
    raise GraphFileError(_T("errors", "cannot read the file: {why}"), why=_not_regular(file_kind(st.st_mode)))


_KINDS = {
    "fifo": _T("errors", "a named pipe (FIFO)"),
    "device": _T("errors", "a device"),
    "socket": _T("errors", "a socket"),
    "special": _T("errors", "a special file"),
}


def _not_regular(kind: str) -> Text:
    return Text("errors", _T("errors", "it is {kind}, not a regular file"), kind=_phrase(_KINDS[kind]))


def loads(data: bytes | str, *, layout: bool = True) -> Graph:
    """Parse and validate the text of a graph file."""
    text = _text(data)
    with gc_paused():
        return from_document(_parse(text), layout=layout)


def _text(data: bytes | str) -> str:
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise GraphFileError(
                _T("errors", "not UTF-8 text (byte 0x{byte:02x} at offset {offset})"),
                byte=exc.object[exc.start],
                offset=exc.start,
            ) from None
    data = data.removeprefix("\ufeff")  # a byte-order mark, as some editors write
    if len(data) > MAX_BYTES:
        raise GraphFileError(_T("errors", "the text is longer than {limit} characters"), limit=MAX_BYTES)
    return data


def _parse(data: str) -> Any:
    try:
        return json_keys.loads(data, parse_constant=_constant)
    except json_keys.RepeatedKeyError as exc:  # a hand-edited file with two ids is a mistake to hear of
        raise GraphFileError(
            _T("errors", "appears twice in one object; give each key once"), exc.place
        ) from None
    except json.JSONDecodeError as exc:
        # A string left open also means the text stopped (exc.pos is where it began).
        if exc.pos >= len(data.rstrip()) or exc.msg.startswith("Unterminated string"):
            last_line = data.rstrip().count("\n") + 1
            raise GraphFileError(
                _T("errors", "the JSON ends too early (is the file cut off?) at line {line}"), line=last_line
            ) from None
        raise GraphFileError(
            _T("errors", "invalid JSON at line {line} column {column}: {reason}"),
            line=exc.lineno,
            column=exc.colno,
            reason=exc.msg,
        ) from None
    except RecursionError:
        raise GraphFileError(_T("errors", "the JSON is nested too deeply")) from None
    except ValueError:  # Python refuses integers of more than 4300 digits
        raise GraphFileError(_T("errors", "invalid JSON: a number has too many digits")) from None


def from_document(doc: Any, *, layout: bool = True) -> Graph:
    """Validate an already parsed JSON document and build its Graph."""
    if not isinstance(doc, dict):
        raise GraphFileError(
            _T("errors", "expected a JSON object at the top, got {got}"), "top level", got=_kind(doc)
        )
    doc = upgrade(doc)
    nodes_doc = _require(doc, "nodes", list, "")
    edges_doc = _require(doc, "edges", list, "")
    if len(nodes_doc) > MAX_NODES:
        raise GraphFileError(
            _T("errors", "{count} nodes; at most {limit} are allowed"),
            "nodes",
            count=len(nodes_doc),
            limit=MAX_NODES,
        )
    if len(edges_doc) > MAX_EDGES:
        raise GraphFileError(
            _T("errors", "{count} edges; at most {limit} are allowed"),
            "edges",
            count=len(edges_doc),
            limit=MAX_EDGES,
        )
    plain = _read_plain(nodes_doc, edges_doc)
    if plain is None:  # something unusual or wrong: node by node, so an error names its place
        nodes = _nodes(nodes_doc)
        wires, wiring = _edges(edges_doc, nodes), None
    else:
        (nodes, wiring), wires = plain, None  # the Graph makes the wires' dict if it needs it
    graph = Graph()
    graph.bulk_load_wires(nodes, wires, wiring)
    graph.meta = _kept_json({k: v for k, v in doc.items() if k not in _TOP_KEYS}, "")
    _check_acyclic(graph, edges_doc)
    if "exercise" in doc:
        from .exercise_file import read_exercise  # it builds on this module's checks

        graph.exercise = read_exercise(doc["exercise"], graph)
    if layout and any(n.pos is None for n in graph.nodes.values()):
        for node_id, pos in layered_layout(graph, only_missing=True).items():
            graph.nodes[node_id].pos = pos
    return graph


def _nodes(nodes_doc: list) -> dict[str, Node]:
    nodes: dict[str, Node] = {}
    for i, nd in enumerate(nodes_doc):
        node = _node(nd, f"nodes[{i}]")
        if node.id in nodes:
            first = next(j for j, other in enumerate(nodes_doc) if other["id"] == node.id)
            raise GraphFileError(
                _T("errors", 'duplicate id "{id}" (first used at nodes[{first}])'),
                f"nodes[{i}].id",
                id=node.id,
                first=first,
            )
        nodes[node.id] = node
    return nodes


def upgrade(doc: dict) -> dict:
    """Check ``format`` and ``version``; bring older versions up to this one."""
    fmt = doc.get("format")
    if fmt != FORMAT:
        got = _phrase(_T("errors", "missing")) if fmt is None else json.dumps(fmt, ensure_ascii=False)
        raise GraphFileError(
            _T("errors", 'expected "{expected}", got {got}: this is not a graph file'),
            "format",
            expected=FORMAT,
            got=got,
        )
    version = doc.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        got = _phrase(_T("errors", "missing")) if version is None else json.dumps(version)
        raise GraphFileError(_T("errors", "expected a whole number, got {got}"), "version", got=got)
    if version > VERSION:
        raise GraphFileError(
            _T(
                "errors",
                "the file was made by a newer version of the app (format version {version}; "
                "this app reads up to version {supported}); please update Backprop Studio",
            ),
            "version",
            version=version,
            supported=VERSION,
        )
    if version < 1:
        raise GraphFileError(_T("errors", "unknown format version {version}"), "version", version=version)
    return doc  # version 2 only adds the optional "exercise": a version 1 file reads as it is


_OWNED = (  # (key, the only type that may have it, the message for any other type)
    ("value", "Input", _T("errors", "only Input nodes have a value, not {type}")),
    ("exponent", "Pow", _T("errors", "only Pow nodes have an exponent, not {type}")),
    ("grad", "Output", _T("errors", "only Output nodes have a grad, not {type}")),
)


def _node(nd: Any, where: str) -> Node:
    if not isinstance(nd, dict):
        raise GraphFileError(_T("errors", "expected an object, got {got}"), where, got=_kind(nd))
    node_id = _require(nd, "id", str, where)
    if not node_id:
        raise GraphFileError(_T("errors", "must not be empty"), f"{where}.id")
    _check_text(node_id, f"{where}.id")
    type_name = _require(nd, "type", str, where)
    if type_name not in NODE_TYPES:
        raise GraphFileError(_T("errors", 'unknown node type "{type}"'), f"{where}.type", type=type_name)
    name = nd.get("name", "")
    if not isinstance(name, str):
        raise GraphFileError(_T("errors", "expected text, got {got}"), f"{where}.name", got=_kind(name))
    _check_text(name, f"{where}.name")
    params: dict[str, Any] = {}
    for key, owner, template in _OWNED:
        if key in nd and type_name != owner:
            raise GraphFileError(template, f"{where}.{key}", type=_type(type_name))
    if type_name == "Input":
        params["value"] = _array(_require_present(nd, "value", where), f"{where}.value")
    elif type_name == "Pow":
        params["exponent"] = _number(_require_present(nd, "exponent", where), f"{where}.exponent")
    elif type_name == "Output":
        grad = nd.get("grad")
        params["grad"] = None if grad is None else _array(grad, f"{where}.grad")
    pos = _position(nd["pos"], f"{where}.pos") if "pos" in nd else None
    if "trainable" in nd and (not isinstance(nd["trainable"], bool) or type_name != "Input"):
        raise GraphFileError(
            _T("errors", "only an Input can be trainable: true or false"), f"{where}.trainable"
        )
    extra = _kept_json({k: v for k, v in nd.items() if k not in _NODE_KEYS}, where)
    return Node(node_id, type_name, name, pos, params, extra)


def _edges(edges_doc: list, nodes: dict[str, Node]) -> dict[tuple[str, int], str]:
    """The wires as ``{(dst, port): src}``, in file order."""
    wires: dict[tuple[str, int], str] = {}
    has_output = {t: cls.has_output for t, cls in NODE_TYPES.items()}
    n_ports_of = {t: len(cls.ports) for t, cls in NODE_TYPES.items()}
    for i, ed in enumerate(edges_doc):
        if type(ed) is dict:  # a good wire, checked quickly; the checks below say what is wrong
            src, dst, port = ed.get("from"), ed.get("to"), ed.get("port")
            if type(src) is str and type(dst) is str and type(port) is int:
                s, d = nodes.get(src), nodes.get(dst)
                key = (dst, port)
                if (s and d and has_output[s.type] and 0 <= port < n_ports_of[d.type]
                        and key not in wires):  # fmt: skip
                    wires[key] = src
                    continue
        where = f"edges[{i}]"
        if not isinstance(ed, dict):
            raise GraphFileError(_T("errors", "expected an object, got {got}"), where, got=_kind(ed))
        src = _require(ed, "from", str, where)
        dst = _require(ed, "to", str, where)
        port = _require(ed, "port", int, where)
        for key, ref in (("from", src), ("to", dst)):
            if ref not in nodes:
                raise GraphFileError(_T("errors", 'no node has the id "{id}"'), f"{where}.{key}", id=ref)
        if not nodes[src].has_output:
            raise GraphFileError(
                _T("errors", '"{id}" is an Output node: it has no output'), f"{where}.from", id=src
            )
        n_ports = len(nodes[dst].ports)
        if not 0 <= port < n_ports:
            template = (
                _T("errors", '{type} node "{id}" has no input ports, not {port}') if n_ports == 0
                else _T("errors", '{type} node "{id}" has only input port 0, not {port}') if n_ports == 1
                else _T("errors", '{type} node "{id}" has input ports 0 to {last}, not {port}')
            )  # fmt: skip
            raise GraphFileError(
                template, f"{where}.port", type=_type(nodes[dst].type), id=dst, last=n_ports - 1, port=port
            )
        if (dst, port) in wires:
            first = next(j for j, e in enumerate(edges_doc) if e["to"] == dst and e["port"] == port)
            raise GraphFileError(
                _T(
                    "errors",
                    'port {port} of "{id}" already has a wire (edges[{first}]); an input takes one wire',
                ),
                where,
                port=port,
                id=dst,
                first=first,
            )
        wires[(dst, port)] = src
    return wires


def _check_acyclic(graph: Graph, edges_doc: list) -> None:
    if graph.wiring().depth is not None:  # the engine plans with the same depths
        return
    order = graph.topological_order()
    stuck = set(graph.nodes) - set(order)
    # Walk backwards inside the stuck part until a node repeats: that is a cycle.
    seen: list[str] = []
    node = next(n for n in graph.nodes if n in stuck)  # file order: the same message every time
    while node not in seen:
        seen.append(node)
        node = next(s for p in range(len(graph.nodes[node].ports))
                    if (s := graph.source(node, p)) in stuck)  # fmt: skip
    cycle = seen[seen.index(node) :][::-1]
    index = {(e["from"], e["to"]): i for i, e in enumerate(edges_doc)}  # all checked by _edges
    hops = [index[(cycle[i], cycle[(i + 1) % len(cycle)])] for i in range(len(cycle))]
    # Name the wire that closes the loop: the cycle's last wire in the file.
    start = hops.index(max(hops))
    cycle = cycle[start:] + cycle[:start]
    first = max(hops)
    names = " → ".join([*cycle, cycle[0]])
    raise GraphFileError(_T("errors", "the wires make a cycle: {path}"), f"edges[{first}]", path=names)


_MISSING = object()


# -- reading a big plain file a column at a time ----------------------------------

_PLAIN_KEYS = frozenset({"id", "type", "name", "pos"})
_OWN_KEY = {owner: key for key, owner, _ in _OWNED}  # type -> the key only it has


def _read_plain(nodes_doc: list, edges_doc: list) -> tuple[NodeColumns, Wiring] | None:
    """Nodes and wires read a column at a time, as generated files with 100k nodes need
    (node by node takes seconds), or None as soon as anything is unusual (a key of
    its own, a wrong type, a missing node, a cycle...): the node-by-node reader then
    reads the file again and names the first problem, or accepts it."""
    try:
        nodes, index, kind = _plain_nodes(nodes_doc)
        wiring = _plain_wires(edges_doc, nodes.ids, index, kind)
    except (_NotPlainError, GraphFileError, KeyError, TypeError, OverflowError):
        return None
    return nodes, wiring


class _NotPlainError(Exception):
    """The file is not plain: let the node-by-node reader look at it."""


def _same_type(items: list, kind: type) -> None:
    if set(map(type, items)) - {kind}:
        raise _NotPlainError


def _all_text(items: list[str]) -> None:
    joined = "".join(items)
    if not joined.isascii():
        try:
            joined.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: the node-by-node reader names its place
            raise _NotPlainError from None


def _plain_nodes(nodes_doc: list) -> tuple[NodeColumns, dict[str, int], np.ndarray]:
    """The nodes, each id's number and each node's type number."""
    n = len(nodes_doc)
    _same_type(nodes_doc, dict)
    ids, types = list(map(itemgetter("id"), nodes_doc)), list(map(itemgetter("type"), nodes_doc))
    _same_type(ids, str)
    _all_text(ids)
    index = dict(zip(ids, range(n), strict=True))
    if len(index) != n or "" in index:
        raise _NotPlainError
    kind = numbers(TYPE_NUMBER, types)  # KeyError: unknown type
    for type_name, keys in set(zip(types, map(tuple, nodes_doc), strict=True)):
        own = _OWN_KEY.get(type_name)
        if not _PLAIN_KEYS.union([own]).issuperset(keys) or (
            own in ("value", "exponent") and own not in keys
        ):
            raise _NotPlainError
    names = [nd.get("name", "") for nd in nodes_doc]
    _same_type(names, str)
    _all_text(names)
    params: list[dict[str, Any]] = [{} for _ in range(n)]
    _plain_params(nodes_doc, kind, params)
    poses = _plain_positions([nd.get("pos", _MISSING) for nd in nodes_doc])
    return NodeColumns(ids, index, types, names, poses, params), index, kind


def _plain_params(nodes_doc: list, kind: np.ndarray, params: list[dict[str, Any]]) -> None:
    """Input values, Pow exponents and Output seeds into ``params``."""
    inputs = np.flatnonzero(kind == TYPE_NUMBER["Input"]).tolist()
    values = [nodes_doc[i]["value"] for i in inputs]
    if set(map(type, values)) == {float}:  # numbers only, as generated files have them
        stack = np.array(values)
        if not np.isfinite(stack).all():
            raise _NotPlainError
        stack.flags.writeable = False
        for i, r in zip(inputs, range(len(inputs)), strict=True):
            params[i]["value"] = stack[r, ...]  # a read-only 0-d view, as ``_array`` would give
    else:
        for i, value in zip(inputs, values, strict=True):
            params[i]["value"] = _array(value, f"nodes[{i}].value")
    for i in np.flatnonzero(kind == TYPE_NUMBER["Pow"]).tolist():
        params[i]["exponent"] = _number(nodes_doc[i]["exponent"], f"nodes[{i}].exponent")
    for i in np.flatnonzero(kind == TYPE_NUMBER["Output"]).tolist():
        grad = nodes_doc[i].get("grad")
        params[i]["grad"] = None if grad is None else _array(grad, f"nodes[{i}].grad")


def _plain_positions(poses: list) -> list[tuple[float, float] | None]:
    given = [p for p in poses if p is not _MISSING]
    if not given:
        return [None] * len(poses)
    _same_type(given, list)
    if {len(p) for p in given} != {2}:
        raise _NotPlainError
    kinds = set(map(type, chain.from_iterable(given)))
    if kinds == {float}:
        xy = np.fromiter(chain.from_iterable(given), float, 2 * len(given))
        pairs = map(tuple, given)
    elif kinds <= {float, int}:
        xy = np.array(given, dtype=float)  # OverflowError for an integer beyond float range
        pairs = map(tuple, xy.tolist())
    else:
        raise _NotPlainError
    if not (np.abs(xy) <= MAX_POS).all():  # NaN too
        raise _NotPlainError
    if len(given) == len(poses):
        return list(pairs)
    return [None if p is _MISSING else next(pairs) for p in poses]


def _plain_wires(edges_doc: list, ids: list[str], index: dict[str, int], kind: np.ndarray) -> Wiring:
    _same_type(edges_doc, dict)
    ports = list(map(itemgetter("port"), edges_doc))
    _same_type(ports, int)
    src = numbers(index, list(map(itemgetter("from"), edges_doc)))  # KeyError: no such node
    dst = numbers(index, list(map(itemgetter("to"), edges_doc)))
    port = np.array(ports, dtype=np.intp).reshape(-1)  # OverflowError: a port beyond any range
    if not (HAS_OUTPUT[kind[src]].all() and (port >= 0).all() and (port < N_PORTS[kind[dst]]).all()):
        raise _NotPlainError
    if len(port) and np.bincount(dst * MAX_PORTS + port).max() > 1:  # two wires on one port
        raise _NotPlainError
    wiring = Wiring(ids, index, kind, src, dst, port)
    if wiring.depth is None:  # a cycle
        raise _NotPlainError
    return wiring


def _require(obj: dict, key: str, kind: type, where: str) -> Any:
    value = obj.get(key, _MISSING)
    if type(value) is kind:
        return value
    place = f"{where}.{key}" if where else key
    if value is _MISSING:
        raise GraphFileError(_T("errors", "missing"), place)
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        templates = {
            str: _T("errors", "expected text, got {got}"),
            int: _T("errors", "expected a whole number, got {got}"),
            list: _T("errors", "expected an array, got {got}"),
            dict: _T("errors", "expected an object, got {got}"),
        }
        raise GraphFileError(templates[kind], place, got=_kind(value))
    return value


def _require_present(obj: dict, key: str, where: str) -> Any:
    if key not in obj:
        raise GraphFileError(_T("errors", "missing"), f"{where}.{key}")
    return obj[key]


def _array(value: Any, where: str) -> np.ndarray:
    if type(value) is float and math.isfinite(value):  # the common case, quickly (as as_value makes it)
        arr = np.array(value)
        arr.flags.writeable = False
        return arr
    try:
        return as_value(_plain(value))
    except BadValue as exc:
        raise GraphFileError(exc.template, where, **exc.params) from None


def _plain(value: Any) -> Any:
    """Turn parsed NaN/Infinity into a clear refusal before numpy sees them."""
    if isinstance(value, _NonFinite):
        raise BadValue(_T("errors", "must be finite numbers (no NaN or infinity)"))
    if isinstance(value, float) and not math.isfinite(value):
        raise BadValue(_T("errors", "is too large to be a finite number"))
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _kept_json(value: Any, where: str) -> Any:
    """Keys kept as they are must stay valid JSON when saved: no NaN or infinity, and no
    lone surrogate in a text or a key."""
    for place, v in walk(value, where):
        if isinstance(v, float) and not math.isfinite(v):
            raise GraphFileError(_T("errors", "NaN and infinity are not valid JSON numbers"), place)
        if isinstance(v, str):
            _check_text(v, place)
        elif isinstance(v, dict):
            for key in v:
                _check_text(key, key_place(place, key))
    return value


def _check_text(text: str, where: str) -> None:
    """Refuse a lone surrogate (a ``\\ud800`` escape without its pair): it is no character,
    and no output or save could write it."""
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise GraphFileError(
                _T("errors", "contains {char}, half of a UTF-16 surrogate pair: this is not text"),
                where,
                char=text[exc.start],
            ) from None


def _number(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise GraphFileError(_T("errors", "expected a number, got {got}"), where, got=_kind(value))
    try:
        number = float(value)
    except OverflowError:  # an integer beyond float range, e.g. 10**400
        number = math.inf
    if not math.isfinite(number):
        raise GraphFileError(_T("errors", "must be a finite number"), where)
    return number


def _position(value: Any, where: str) -> tuple[float, float]:
    if type(value) is list and len(value) == 2:  # the common case, quickly
        x, y = value
        if type(x) is float and type(y) is float and -MAX_POS <= x <= MAX_POS and -MAX_POS <= y <= MAX_POS:
            return (x, y)
        if type(x) is int and type(y) is int and abs(x) <= MAX_POS and abs(y) <= MAX_POS:
            return (float(x), float(y))
    if not isinstance(value, list) or len(value) != 2:
        raise GraphFileError(_T("errors", "expected [x, y], got {got}"), where, got=_kind(value))
    pos = (_number(value[0], f"{where}[0]"), _number(value[1], f"{where}[1]"))
    for written, number in zip(value, pos, strict=True):
        if abs(number) > MAX_POS:
            raise GraphFileError(
                _T("errors", "{value} is off the canvas: x and y must lie between -{limit} and {limit}"),
                where,
                value=written,
                limit=MAX_POS,
            )
    return pos


def _phrase(text: str) -> Text:
    return Text("errors", text)


def _kind(value: Any) -> Text:
    """What a JSON value is, in words: ``the number 3``, ``an array``."""
    if value is None:
        return _phrase(_T("errors", "null"))
    if isinstance(value, bool):
        return _phrase(_T("errors", "true/false"))
    if isinstance(value, (int, float)):
        return Text("errors", _T("errors", "the number {value}"), value=value)
    if isinstance(value, str):
        return Text("errors", _T("errors", 'the text "{text}"'), text=one_line(value[:40]))
    if isinstance(value, list):
        return _phrase(_T("errors", "an array"))
    return _phrase(_T("errors", "an object"))


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
            nd["pos"] = [_tidy(_on_canvas(node.pos[0])), _tidy(_on_canvas(node.pos[1]))]
        nd.update(node.extra)
        nodes.append(nd)
    edges = [{"from": e.src, "to": e.dst, "port": e.port} for e in graph.edges]
    doc = {"format": FORMAT, "version": file_version(graph), **graph.meta}
    exercise = _exercise_document(graph)
    if exercise is not None:
        doc["exercise"] = exercise
    return {**doc, "nodes": nodes, "edges": edges}


def _exercise_document(graph: Graph) -> dict[str, Any] | None:
    if graph.exercise is None:
        return None
    from .exercise_file import write_exercise

    exercise = write_exercise(graph.exercise, graph)
    return exercise if exercise["hidden"] else None


def file_version(graph: Graph) -> int:
    """2 for a graph with an exercise (an older app refuses it rather than show the answers), else 1."""
    if graph.exercise is None:
        return PLAIN_VERSION
    from .exercise import exists

    return VERSION if any(exists(b, graph) for b in graph.exercise.blanks) else PLAIN_VERSION


def dumps(graph: Graph) -> str:
    """Readable UTF-8 JSON (Korean names stay Korean), one node or edge per line."""
    doc = to_document(graph)
    lines = ["{", f'  "format": "{FORMAT}",', f'  "version": {doc["version"]},']
    for key, value in graph.meta.items():
        text = json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False).replace("\n", "\n  ")
        lines.append(f"  {json.dumps(key, ensure_ascii=False)}: {text},")
    if "exercise" in doc:
        lines.append(_exercise_text(doc["exercise"]))
    lines.append('  "nodes": [')
    lines.append(",\n".join("    " + _compact(n) for n in doc["nodes"]))
    lines.append("  ],")
    lines.append('  "edges": [')
    lines.append(",\n".join("    " + _compact(e) for e in doc["edges"]))
    lines.append("  ]")
    lines.append("}")
    return "\n".join(line for line in lines if line) + "\n"


def _exercise_text(exercise: dict[str, Any]) -> str:
    """The exercise object with one hidden number or answer a line, as a teacher reads it."""
    lines = ['  "exercise": {']
    for key, value in exercise.items():
        if isinstance(value, list) and value:
            items = ",\n".join("      " + _compact(v) for v in value)
            lines.append(f"    {json.dumps(key, ensure_ascii=False)}: [\n{items}\n    ],")
        else:
            lines.append(f"    {json.dumps(key, ensure_ascii=False)}: {_compact(value)},")
    lines[-1] = lines[-1].removesuffix(",")
    return "\n".join(lines) + "\n  },"


def save(graph: Graph, path: str | os.PathLike) -> None:
    """Write a graph file: the file on disk is the old one or the new one, whole, whatever
    happens (see ``safe_write``); GraphFileError names the path and the reason."""
    name = os.fsdecode(path)
    if not name:
        raise GraphFileError(_T("errors", "cannot save: no file name was given"))
    try:
        data = dumps(graph).encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate put into a name by code
        char = one_line(exc.object[exc.start])
        why = Text(
            "errors",
            _T("errors", "a text in the graph holds {char}, half of a UTF-16 surrogate pair"),
            char=char,
        )
        raise GraphFileError(_T("errors", "cannot save {path}: {why}"), path=name, why=why) from None
    except (ValueError, TypeError) as exc:  # NaN or a non-JSON object put into the graph by code
        what = one_line(str(exc))
        why = Text("errors", _T("errors", "the graph holds something JSON cannot say: {what}"), what=what)
        raise GraphFileError(_T("errors", "cannot save {path}: {why}"), path=name, why=why) from None
    try:
        write_file(name, data)
    except (OSError, ValueError) as exc:  # ValueError: a NUL character in the name
        raise GraphFileError(
            _T("errors", "cannot save {path}: {why}"), path=name, why=_os_reason(exc)
        ) from None


_OS_REASONS = {
    errno.ENOSPC: _T("errors", "the disk is full"),
    errno.EDQUOT: _T("errors", "the disk quota is used up"),
    errno.EACCES: _T("errors", "permission denied"),
    errno.EPERM: _T("errors", "permission denied"),
    errno.EROFS: _T("errors", "the disk is read-only"),
    errno.ENOENT: _T("errors", "the folder does not exist"),
    errno.ENOTDIR: _T("errors", "a part of the path is not a folder"),
    errno.EISDIR: _T("errors", "it is a folder"),
    errno.ENAMETOOLONG: _T("errors", "the file name is too long"),
}


def _os_reason(exc: OSError | ValueError) -> Text | str:
    """Why a save failed, in words that translate; the system's own words otherwise."""
    if not isinstance(exc, OSError):
        return _phrase(_T("errors", "the name holds a NUL character"))
    if isinstance(exc, NotRegularFileError):
        return _not_regular(exc.kind)
    if exc.errno in _OS_REASONS:
        return _phrase(_OS_REASONS[exc.errno])
    return exc.strerror or str(exc)


def _compact(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(", ", ": "), allow_nan=False)


def _on_canvas(x: float) -> float:
    """A node moved beyond the canvas in code is saved at its edge, so the file loads again."""
    return min(max(x, -MAX_POS), MAX_POS) if x == x else 0.0


def _tidy(x: float) -> float | int:
    return int(x) if float(x).is_integer() and abs(x) < 2**53 else x
