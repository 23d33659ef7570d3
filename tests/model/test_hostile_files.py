"""Files made to hurt the reader: special files, broken text, repeated keys, far-off positions,
control characters. Each is refused at once with one line naming the place, or read safely."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nodeeditor
from nodeeditor.model import GraphFileError, dumps, loads

CODE_ROOT = str(Path(nodeeditor.__file__).resolve().parent.parent)


def run_loads_in_child(paths: list[str], seconds: float = 10) -> list[str]:
    """``load`` each path in a child process with 512 MiB of memory and a time limit; its
    messages, one per path. A reader that hangs or eats memory fails here instead of
    taking the test run with it."""
    script = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (512 << 20, 512 << 20))\n"
        "from nodeeditor.model import GraphFileError, load\n"
        "for path in sys.argv[1:]:\n"
        "    try:\n"
        "        load(path)\n"
        "        print('loaded')\n"
        "    except GraphFileError as exc:\n"
        "        print(exc)\n"
    )
    env = {**os.environ, "PYTHONPATH": CODE_ROOT}
    done = subprocess.run(
        [sys.executable, "-c", script, *paths], env=env, capture_output=True, text=True, timeout=seconds
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


# -- special files ------------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_named_pipe_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "graph.bpgraph"
    os.mkfifo(fifo)  # nobody ever writes into it: opening it to read would wait forever
    assert run_loads_in_child([str(fifo)]) == [
        "cannot read the file: it is a named pipe (FIFO), not a regular file"
    ]


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_refused_before_any_read(device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"{device} does not exist here")
    assert run_loads_in_child([device]) == ["cannot read the file: it is a device, not a regular file"]


def test_a_link_to_a_device_is_refused_too(tmp_path: Path) -> None:
    if not os.path.exists("/dev/zero"):
        pytest.skip("/dev/zero does not exist here")
    link = tmp_path / "innocent.bpgraph"
    link.symlink_to("/dev/zero")
    assert run_loads_in_child([str(link)]) == ["cannot read the file: it is a device, not a regular file"]


# -- one error, one line ---------------------------------------------------------------------------


def graph_text(nodes: list, edges: list | None = None, **top) -> str:
    top = {"format": "nodeeditor-graph", "version": 1, **top}
    return json.dumps({**top, "nodes": nodes, "edges": edges or []})


def message(text: str) -> str:
    with pytest.raises(GraphFileError) as info:
        loads(text)
    return str(info.value)


FORGED = "x\nerror: all good\r\x1b[2K\x1b[32mok\x85\u2028\u2029\u202e"
SHOWN = r"x\nerror: all good\r\x1b[2K\x1b[32mok\x85\u2028\u2029\u202e"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            graph_text([{"id": "a", "type": FORGED}]),
            f'nodes[0].type: unknown node type "{SHOWN}"',
        ),
        (
            graph_text([{"id": FORGED, "type": "Input", "value": 1}] * 2),
            f'nodes[1].id: duplicate id "{SHOWN}" (first used at nodes[0])',
        ),
        (
            graph_text([{"id": "a", "type": "Input", "value": 1}], [{"from": FORGED, "to": "a", "port": 0}]),
            f'edges[0].from: no node has the id "{SHOWN}"',
        ),
        (
            graph_text([{"id": "a", "type": "Pow", "exponent": FORGED}]),
            f'nodes[0].exponent: expected a number, got the text "{SHOWN[:40]}',
        ),
        (
            graph_text([{"id": "a", "type": "Input", "value": 1, FORGED: float("nan")}]),
            f"nodes[0].{SHOWN}: NaN and infinity are not valid JSON numbers",
        ),
        (  # shown as JSON, so its own escapes come first
            graph_text([], format=FORGED),
            r'format: expected "nodeeditor-graph", got "x\nerror: all good\r\u001b[2K\u001b[32mok\x85\u2028',
        ),
    ],
    ids=["type", "id", "edge", "exponent", "extra key", "format"],
)
def test_text_from_the_file_never_breaks_the_one_line_message(text: str, expected: str) -> None:
    shown = message(text)
    assert shown.startswith(expected)
    assert len(shown.splitlines()) == 1
    assert not any(c in shown for c in "\n\r\x1b\x85\u2028\u2029\u202e")


def test_a_cycle_through_strange_ids_is_one_line() -> None:
    ids = ["a\nb", "c\x1bd"]
    nodes = [{"id": i, "type": "Neg"} for i in ids]
    edges = [{"from": ids[0], "to": ids[1], "port": 0}, {"from": ids[1], "to": ids[0], "port": 0}]
    assert message(graph_text(nodes, edges)) == r"edges[1]: the wires make a cycle: c\x1bd → a\nb → c\x1bd"


def test_control_characters_in_names_and_ids_load_and_save_as_they_are() -> None:
    text = graph_text([{"id": "tab\there", "type": "Input", "value": 1, "name": "two\nlines \x1b[1m"}])
    g = loads(text)
    assert g.nodes["tab\there"].name == "two\nlines \x1b[1m"
    assert loads(dumps(g)).nodes["tab\there"].name == "two\nlines \x1b[1m"


# -- lone surrogates -------------------------------------------------------------------------------

LONE = "surrogate: a\\ud800"  # as a file has it: a JSON escape of half a UTF-16 pair
SAYS = r"contains \ud800, half of a UTF-16 surrogate pair: this is not text"


def with_raw(text: str) -> str:
    """``text`` (JSON) with each ``@`` replaced by the raw escape of a lone surrogate."""
    return text.replace("@", "\\ud800")


def plain_nodes(n: int) -> list[dict]:
    return [{"id": f"n{i}", "type": "Input", "value": float(i), "name": f"x{i}"} for i in range(n)]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (graph_text([{"id": "a@", "type": "Input", "value": 1}]), "nodes[0].id"),
        (
            graph_text([*plain_nodes(2), {"id": "b", "type": "Input", "value": 1, "name": "@"}]),
            "nodes[2].name",
        ),
        (graph_text([{"id": "a", "type": "Input", "value": 1, "note": "@"}]), "nodes[0].note"),
        (
            graph_text([{"id": "a", "type": "Input", "value": 1, "tags": ["ok", {"k": "@"}]}]),
            "nodes[0].tags[1].k",
        ),
        (graph_text([{"id": "a", "type": "Input", "value": 1, "@": 1}]), r"nodes[0].\ud800"),
        (graph_text([], lesson={"en": {"title": "t", "text": "@"}}), "lesson.en.text"),
        (graph_text([], **{"x@": 1}), r"x\ud800"),
    ],
    ids=["id", "name", "kept key's text", "nested text", "a key itself", "lesson text", "top-level key"],
)
def test_a_lone_surrogate_is_refused_where_it_stands(text: str, where: str) -> None:
    assert message(with_raw(text)) == f"{where}: {SAYS}"


def test_a_lone_surrogate_in_a_big_plain_file_is_found_by_the_node_by_node_reader() -> None:
    nodes = plain_nodes(5000)
    nodes[4321]["name"] = "@"
    assert message(with_raw(graph_text(nodes))) == f"nodes[4321].name: {SAYS}"
    nodes[4321]["name"], nodes[17]["id"] = "fine", "n17@"
    assert message(with_raw(graph_text(nodes))) == f"nodes[17].id: {SAYS}"


def test_a_surrogate_in_a_type_or_a_wire_is_refused_by_the_usual_checks() -> None:
    assert message(with_raw(graph_text([{"id": "a", "type": "Add@"}]))) == (
        r'nodes[0].type: unknown node type "Add\ud800"'
    )
    wire = graph_text([{"id": "a", "type": "Neg"}], [{"from": "a@", "to": "a", "port": 0}])
    assert message(with_raw(wire)) == r'edges[0].from: no node has the id "a\ud800"'


def test_a_whole_pair_is_a_character_and_text_handed_over_directly_is_checked_too() -> None:
    pair = graph_text([{"id": "a", "type": "Input", "value": 1, "name": "@"}]).replace("@", "\\ud83d\\ude00")
    emoji = loads(pair)
    assert emoji.nodes["a"].name == "😀"
    raw = graph_text([{"id": "a", "type": "Input", "value": 1}]).replace('"a"', '"a\ud800"')
    assert message(raw) == f"nodes[0].id: {SAYS}"  # a str, as a paste gives it, never was UTF-8


SPECIAL = st.sampled_from(
    ["\ud800", "\udfff", "\n", "\r", "\x1b", "\x85", "\u2028", "\u202e", "\U0001f600", "a"]
)
ANY_TEXT = st.lists(SPECIAL | st.characters(codec=None, exclude_categories=()), max_size=6).map("".join)


@settings(max_examples=200, deadline=None)
@given(ids=st.lists(ANY_TEXT, min_size=1, max_size=3), name=ANY_TEXT, key=ANY_TEXT, type_=ANY_TEXT)
def test_any_text_anywhere_loads_and_saves_or_gives_one_line(ids, name, key, type_) -> None:
    nodes = [{"id": i, "type": "Input", "value": 1, "name": name, key: name} for i in ids]
    nodes.append({"id": "t", "type": type_})
    edges = [{"from": ids[-1], "to": name, "port": 0}]
    for text in (graph_text(nodes, edges), graph_text(nodes[:-1])):
        try:
            g = loads(text)
        except GraphFileError as exc:
            assert len(str(exc).splitlines()) == 1 and "\x1b" not in str(exc)
            continue
        saved = dumps(g).encode("utf-8")  # anything that loads can be written
        assert dumps(loads(saved)) == dumps(g)


# -- a key given twice -----------------------------------------------------------------------------

TWICE = "appears twice in one object; give each key once"
NODE = '{"id": "a", "type": "Input", "value": 1}'
TOP = '{"format": "nodeeditor-graph", "version": 1, "nodes": [%s], "edges": [%s]}'


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (TOP % ('{"id": "a", "type": "Input", "id": "b", "value": 1}', ""), "nodes[0].id"),
        (TOP % (f'{NODE}, {{"id": "b", "type": "Neg", "name": "x", "name": "y"}}', ""), "nodes[1].name"),
        (TOP.replace('"edges"', '"nodes": [], "edges"') % (NODE, ""), "nodes"),
        (
            TOP % (NODE + ', {"id": "n", "type": "Neg"}', '{"from": "a", "to": "n", "port": 0, "port": 0}'),
            "edges[0].port",
        ),
        (TOP.replace("{", '{"lesson": {"en": {"text": "a", "text": "b"}}, ', 1) % ("", ""), "lesson.en.text"),
    ],
    ids=["id", "name of a second node", "nodes at the top", "port of a wire", "lesson text"],
)
def test_a_key_given_twice_is_refused_where_it_stands(text: str, where: str) -> None:
    json.loads(text)  # valid JSON all the same: the last one would silently win
    assert message(text) == f"{where}: {TWICE}"


def test_a_key_given_twice_in_a_big_plain_file_is_found() -> None:
    nodes = [json.dumps(nd) for nd in plain_nodes(5000)]
    nodes[4321] = nodes[4321].replace('"name"', '"name": "first", "name"')
    assert message(TOP % (", ".join(nodes), "")) == f"nodes[4321].name: {TWICE}"


def test_the_same_key_in_different_objects_is_fine() -> None:
    text = TOP % (f'{NODE}, {{"id": "n", "type": "Neg", "name": "a"}}', '{"from": "a", "to": "n", "port": 0}')
    assert sorted(loads(text).nodes) == ["a", "n"]


# -- positions far off the canvas ------------------------------------------------------------------

OFF = "is off the canvas: x and y must lie between -10000000 and 10000000"


@pytest.mark.parametrize(
    ("pos", "shown"),
    [
        ([1e308, 0], "1e+308"),
        ([0, -1e308], "-1e+308"),
        ([10**8, 0], "100000000"),
        ([0.5, 10000000.5], "10000000.5"),
    ],
)
def test_a_position_far_off_the_canvas_is_refused(pos: list, shown: str) -> None:
    nodes = [*plain_nodes(3), {"id": "far", "type": "Input", "value": 1, "pos": pos}]
    assert message(graph_text(nodes)) == f"nodes[3].pos: {shown} {OFF}"


def test_a_far_position_in_a_big_plain_file_is_named_too() -> None:
    nodes = [{**nd, "pos": [float(i), 2.0 * i]} for i, nd in enumerate(plain_nodes(5000))]
    nodes[4000]["pos"] = [3.0, -2e7]
    assert message(graph_text(nodes)) == f"nodes[4000].pos: -20000000.0 {OFF}"


def test_positions_up_to_the_limit_load() -> None:
    nodes = [
        {"id": "a", "type": "Neg", "pos": [-10_000_000, 1e7]},
        {"id": "b", "type": "Neg", "pos": [9e6, -1e7]},
    ]
    g = loads(graph_text(nodes))
    assert g.nodes["a"].pos == (-1e7, 1e7) and g.nodes["b"].pos == (9e6, -1e7)


def test_a_graph_moved_off_the_canvas_in_code_saves_at_the_edge_and_loads_again() -> None:
    g = loads(graph_text([{"id": "a", "type": "Neg", "pos": [0, 0]}]))
    g.move("a", (1e20, -3.5))
    assert loads(dumps(g)).nodes["a"].pos == (1e7, -3.5)
