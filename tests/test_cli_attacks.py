"""The hostile files and arguments of issue 14, each through the real ``nodeeditor`` command under
a memory cap and a time limit. Whatever they ask, the answer is a result or one clear line:
never "unexpected problem", a traceback, a hang, or memory beyond the cap.
"""

from __future__ import annotations

import json
import os
import resource
import struct
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from cli_kit import ROOT

MEMORY_CAP = 1 << 30  # address space of the child: what a small school laptop can spare
TIME_LIMIT = 60.0  # seconds for one run; special files must be refused at once (see ``seconds``)
CONTROLS = set(map(chr, [*range(0x00, 0x0A), *range(0x0B, 0x20), *range(0x7F, 0xA0)]))


def document(nodes: list, edges: list) -> dict:
    return {"format": "nodeeditor-graph", "version": 1, "nodes": nodes, "edges": edges}


def chain(n: int, **input_extra) -> dict:
    """Input → n Neg nodes in a row (no positions: the layout places them)."""
    nodes = [{"id": "x", "type": "Input", "value": 1.0, **input_extra}]
    nodes += [{"id": f"n{i}", "type": "Neg"} for i in range(n)]
    edges = [{"from": "x" if i == 0 else f"n{i - 1}", "to": f"n{i}", "port": 0} for i in range(n)]
    return document(nodes, edges)


def two_nodes(a_pos: list, o_pos: list) -> dict:
    nodes = [
        {"id": "a", "type": "Input", "value": 1.0, "pos": a_pos},
        {"id": "o", "type": "Output", "pos": o_pos},
    ]
    return document(nodes, [{"from": "a", "to": "o", "port": 0}])


ESCAPES = document(
    [
        {"id": "x\x1b[31m\x1b]0;pwned\x07", "type": "Input", "value": 2.0, "name": "a\nerror: forged\r"},
        {"id": "s\x9b2J", "type": "Square", "name": "\u202eevil"},
        {"id": "o", "type": "Output"},
    ],
    [
        {"from": "x\x1b[31m\x1b]0;pwned\x07", "to": "s\x9b2J", "port": 0},
        {"from": "s\x9b2J", "to": "o", "port": 0},
    ],
)
OUTER = document(  # a 20000×1 column plus a 1×20000 row: 4e8 elements from a 240 KB file
    [
        {"id": "col", "type": "Input", "value": [[1.0]] * 20_000},
        {"id": "row", "type": "Input", "value": [[1.0] * 20_000]},
        {"id": "sum", "type": "Add"},
        {"id": "small", "type": "Input", "value": 3.0},
        {"id": "sq", "type": "Square"},
        {"id": "o1", "type": "Output"},
        {"id": "o2", "type": "Output"},
    ],
    [
        {"from": "col", "to": "sum", "port": 0},
        {"from": "row", "to": "sum", "port": 1},
        {"from": "sum", "to": "o1", "port": 0},
        {"from": "small", "to": "sq", "port": 0},
        {"from": "sq", "to": "o2", "port": 0},
    ],
)
FAN_OUT = document(  # one 1M-element Input into 1,500 nodes: 12 GB of values from a 5 MB file
    [{"id": "x", "type": "Input", "value": [0.0] * 1_000_000}]
    + [{"id": f"n{i}", "type": "Neg"} for i in range(1500)],
    [{"from": "x", "to": f"n{i}", "port": 0} for i in range(1500)],
)


@dataclass
class Attack:
    args: list[str]  # after ``nodeeditor``; FILE is the file the case writes
    files: dict[str, Callable[[Path], None]] = field(default_factory=dict)
    expect: Callable[[subprocess.CompletedProcess, Path], None] | None = None
    seconds: float = TIME_LIMIT


def writes(doc: dict | str | bytes) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        if isinstance(doc, bytes):
            path.write_bytes(doc)
        else:
            path.write_text(doc if isinstance(doc, str) else json.dumps(doc), encoding="utf-8")

    return write


def fifo(path: Path) -> None:
    os.mkfifo(path)


def symlink_to(target: str) -> Callable[[Path], None]:
    return lambda path: path.symlink_to(target)


# -- what each case must end with, beyond the rules every case keeps ------------------------


def exit_code(code: int, *words: str):
    def expect(proc: subprocess.CompletedProcess, _: Path) -> None:
        assert proc.returncode == code, proc.stdout[-500:] + proc.stderr
        for word in words:
            assert word in proc.stdout + proc.stderr, word

    return expect


def picture_at_most(pixels: int, name: str):
    def expect(proc: subprocess.CompletedProcess, folder: Path) -> None:
        assert proc.returncode == 0, proc.stderr
        png = (folder / name).read_bytes()
        width, height = struct.unpack(">II", png[16:24])  # the IHDR chunk
        assert max(width, height) <= pixels, (width, height)

    return expect


def result_or_one_line(proc: subprocess.CompletedProcess, _: Path) -> None:
    assert proc.returncode in (0, 2)


def refused_naming(*words: str):
    def expect(proc: subprocess.CompletedProcess, _: Path) -> None:
        assert proc.returncode == 2
        for word in words:
            assert word in proc.stderr, word

    return expect


ATTACKS = {
    # §3: control characters and escapes from a file or an argument
    "ansi-in-eval-table": Attack(["eval", "FILE"], {"FILE": writes(ESCAPES)}, exit_code(0, "\\x1b[31m")),
    "ansi-in-eval-json": Attack(["eval", "--json", "FILE"], {"FILE": writes(ESCAPES)}, exit_code(0)),
    "ansi-in-check-table": Attack(["check", "FILE"], {"FILE": writes(ESCAPES)}, exit_code(0, "agree")),
    "newline-in-a-type": Attack(
        ["eval", "FILE"], {"FILE": writes(document([{"id": "a", "type": "Squ\nre\x1b[2J"}], []))}
    ),
    "newline-in-the-file-name": Attack(["check", "no\nsuch\x1b[1m.bpgraph"], expect=exit_code(2)),
    "newline-in-an-argument": Attack(["eval", "FILE", "--x\r\nerror: forged"], expect=exit_code(2)),
    "lone-surrogate-shown-safely": Attack(
        ["eval", "FILE"],
        {
            "FILE": writes(
                '{"format": "nodeeditor-graph", "version": 1, "nodes": '
                '[{"id": "a\\ud800", "type": "Input", "value": 1}], "edges": []}'
            )
        },
        result_or_one_line,
    ),
    "lone-surrogate-refused-at-load": Attack(
        ["eval", "--json", "FILE"],
        {
            "FILE": writes(
                '{"format": "nodeeditor-graph", "version": 1, "nodes": '
                '[{"id": "a\\ud800", "type": "Input", "value": 1}], '
                '"edges": []}'
            )
        },
        refused_naming("nodes[0]"),
    ),
    # §3: check's arguments and numbers
    "check-eps-0": Attack(["check", "FILE", "--eps", "0"], {"FILE": writes(chain(2))}, exit_code(2)),
    "check-eps-nan": Attack(["check", "FILE", "--eps", "nan"], {"FILE": writes(chain(2))}, exit_code(2)),
    "check-eps-inf": Attack(["check", "FILE", "--eps=-inf"], {"FILE": writes(chain(2))}, exit_code(2)),
    "check-0-over-0": Attack(
        ["check", "FILE"],
        {
            "FILE": writes(
                document(
                    [
                        {"id": "x", "type": "Input", "value": 0.0},
                        {"id": "y", "type": "Input", "value": 0.0},
                        {"id": "d", "type": "Div"},
                        {"id": "o", "type": "Output"},
                    ],
                    [
                        {"from": "x", "to": "d", "port": 0},
                        {"from": "y", "to": "d", "port": 1},
                        {"from": "d", "to": "o", "port": 0},
                    ],
                )
            )
        },
        exit_code(1, "DISAGREE"),
    ),
    # §2: check on a 1M-element Input (hours of finite differences) is refused at once
    "check-a-million-elements": Attack(
        ["check", "FILE"],
        {
            "FILE": writes(
                document(
                    [
                        {"id": "x", "type": "Input", "value": [0.5] * 1_000_000},
                        {"id": "o", "type": "Output"},
                    ],
                    [{"from": "x", "to": "o", "port": 0}],
                )
            )
        },
        exit_code(2, "--max-elements 1000000"),
        seconds=30,
    ),
    # §3: export to places that cannot take a picture
    "export-to-a-missing-folder": Attack(
        ["export", "FILE", "-o", "nowhere/pic.svg"],
        {"FILE": writes(chain(2))},
        exit_code(2, "nowhere/pic.svg"),
    ),
    "export-onto-a-folder": Attack(["export", "FILE", "-o", "."], {"FILE": writes(chain(2))}, exit_code(2)),
    "export-onto-a-png-folder": Attack(
        ["export", "FILE", "-o", "dir.png"],
        {"FILE": writes(chain(2)), "dir.png/x": writes("")},
        exit_code(2, "dir.png: cannot write the picture: it is a folder"),
    ),
    # §3: special files as FILE
    "editor-on-a-fifo": Attack(["FILE"], {"FILE": fifo}, exit_code(2, "not a regular file"), seconds=10),
    "editor-on-dev-zero": Attack(["/dev/zero"], expect=exit_code(2, "not a regular file"), seconds=10),
    "eval-a-fifo": Attack(["eval", "FILE"], {"FILE": fifo}, exit_code(2, "not a regular file"), seconds=5),
    "eval-dev-zero": Attack(["eval", "/dev/zero"], expect=exit_code(2, "not a regular file"), seconds=5),
    "check-a-link-to-dev-urandom": Attack(
        ["check", "FILE"],
        {"FILE": symlink_to("/dev/urandom")},
        exit_code(2, "not a regular file"),
        seconds=5,
    ),
    "export-a-fifo": Attack(
        ["export", "FILE", "-o", "pic.png"],
        {"FILE": fifo},
        exit_code(2, "not a regular file"),
        seconds=5,
    ),
    # §2: small files that ask for huge work
    "eval-a-4e8-element-sum": Attack(
        ["eval", "FILE"], {"FILE": writes(OUTER)}, exit_code(0, "400,000,000 elements", "9")
    ),
    "eval-a-million-elements-fanned-out": Attack(
        ["eval", "FILE"], {"FILE": writes(FAN_OUT)}, exit_code(0, "elements")
    ),
    "export-a-wire-across-two-million-units": Attack(
        ["export", "FILE", "-o", "wire.png"],
        {"FILE": writes(two_nodes([0, 0], [2e6, 2e6]))},
        picture_at_most(8192, "wire.png"),
        seconds=10,
    ),
    # Whatever the picture's size, Qt's warnings about it never come before the one line.
    "export-a-3000-node-chain-without-chatter": Attack(
        ["export", "FILE", "-o", "chain.png"], {"FILE": writes(chain(3000))}, result_or_one_line
    ),
    "export-a-3000-node-chain-to-png": Attack(
        ["export", "FILE", "-o", "chain.png"],
        {"FILE": writes(chain(3000))},
        picture_at_most(8192, "chain.png"),
    ),
    "eval-positions-of-1e308": Attack(
        ["eval", "FILE"],
        {"FILE": writes(two_nodes([-1e308, -1e308], [1e308, 1e308]))},
        result_or_one_line,
    ),
    "export-positions-of-1e308": Attack(
        ["export", "FILE", "-o", "far.png"],
        {"FILE": writes(two_nodes([-1e308, -1e308], [1e308, 1e308]))},
        result_or_one_line,
    ),
}


def run_capped(args: list[str], cwd: Path, seconds: float) -> subprocess.CompletedProcess:
    def cap_memory() -> None:  # in the child, before it runs Python
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))

    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    try:
        return subprocess.run(
            [sys.executable, "-m", "nodeeditor", *args],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="strict",  # output that is not UTF-8 fails the case
            timeout=seconds,
            preexec_fn=cap_memory,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"nodeeditor {' '.join(args)!r} still ran after {seconds:g} s")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS, FIFOs and /dev are Linux's here")
@pytest.mark.parametrize("name", list(ATTACKS))
def test_attack(tmp_path: Path, name: str) -> None:
    attack = ATTACKS[name]
    for file_name, make in attack.files.items():
        target = tmp_path / file_name.replace("FILE", "attack.bpgraph")
        target.parent.mkdir(parents=True, exist_ok=True)
        make(target)
    args = [a.replace("FILE", "attack.bpgraph") if a == "FILE" else a for a in attack.args]
    proc = run_capped(args, tmp_path, attack.seconds)
    # The rules every case keeps, whatever it answers.
    assert proc.returncode in (0, 1, 2), (proc.returncode, proc.stderr[-2000:])
    assert "Traceback" not in proc.stderr and "unexpected problem" not in proc.stderr, proc.stderr
    assert len(proc.stderr.splitlines()) <= 1, proc.stderr
    if proc.returncode == 2:
        assert proc.stderr.startswith("error: ") and proc.stderr.endswith("\n"), proc.stderr
    else:
        assert proc.stderr == "", proc.stderr  # no warnings (numpy's RuntimeWarning, Qt's chatter)
    assert not CONTROLS & set(proc.stdout + proc.stderr), "a control character reached the terminal"
    if attack.expect is not None:
        attack.expect(proc, tmp_path)
