"""Files made to hurt the reader: special files, broken text, repeated keys, far-off positions,
control characters. Each is refused at once with one line naming the place, or read safely."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import nodeeditor
from nodeeditor.model import GraphFileError, loads

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
            graph_text([{"id": "a", "type": "Input", "value": 1, FORGED: [float("nan")]}]),
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
    from nodeeditor.model import dumps

    text = graph_text([{"id": "tab\there", "type": "Input", "value": 1, "name": "two\nlines \x1b[1m"}])
    g = loads(text)
    assert g.nodes["tab\there"].name == "two\nlines \x1b[1m"
    assert loads(dumps(g)).nodes["tab\there"].name == "two\nlines \x1b[1m"
