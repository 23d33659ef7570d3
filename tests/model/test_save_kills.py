"""Saving is atomic for real: a process saving a 500k-node graph is killed (SIGKILL) at random
moments, and each time the file on disk is the old graph or the new one, whole."""

from __future__ import annotations

import contextlib
import os
import random
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import nodeeditor

CODE_ROOT = str(Path(nodeeditor.__file__).resolve().parent.parent)
SAVER = str(Path(__file__).with_name("kill_saver.py"))
NODES = 500_000
KILLS = 32

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the saving process forks (POSIX)")


class Lines:
    """Lines from a process's stdout, each waited for at most ``seconds``."""

    def __init__(self, proc: subprocess.Popen, seconds: float) -> None:
        self.fd, self.seconds, self.buffer = proc.stdout.fileno(), seconds, b""

    def next(self) -> str:
        deadline = time.monotonic() + self.seconds
        while b"\n" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.fd], [], [], left)[0]:
                raise TimeoutError("the saving process said nothing")
            chunk = os.read(self.fd, 65536)
            if not chunk:
                raise EOFError("the saving process ended")
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line.decode()

    def until(self, prefix: str) -> tuple[str, list[str]]:
        """The first line starting with ``prefix``, and the lines before it."""
        seen = []
        while not (line := self.next()).startswith(prefix):
            seen.append(line)
        return line, seen


def test_a_save_killed_at_any_moment_leaves_the_old_graph_or_the_new_one(tmp_path: Path) -> None:
    folder = tmp_path / "saves"
    folder.mkdir()
    target = folder / "big.bpgraph"
    env = {**os.environ, "PYTHONPATH": CODE_ROOT, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    saver = subprocess.Popen(
        [sys.executable, SAVER, str(target), str(NODES)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
    )
    lines = Lines(saver, seconds=300)

    children: list[int] = []

    def command(text: str) -> None:
        saver.stdin.write(text.encode() + b"\n")
        saver.stdin.flush()
        if text != "reap":
            children.append(int(lines.until("pid")[0].split()[1]))

    try:
        lines.until("ready")
        texts = {1.0: target.read_bytes()}
        # A first round that is not killed: the other graph's bytes, and how long a save takes.
        command("fork")
        lines.until("s 2.0")
        started = time.monotonic()
        lines.until("d 2.0")
        took = time.monotonic() - started
        texts[2.0] = target.read_bytes()
        os.kill(children[-1], signal.SIGKILL)
        command("reap")
        lines.until("reaped")
        outcomes = check_kills(command, children, lines, target, texts, took)
        command("once")  # a save that ends normally leaves nothing but the file
        command("reap")
        lines.until("reaped")
        assert sorted(p.name for p in folder.iterdir()) == ["big.bpgraph"]
        assert target.read_bytes() == texts[1.0]
    finally:
        for pid in [saver.pid, *children]:  # a child left saving after a failure, too
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        saver.wait()
    old, new = texts[1.0], texts[2.0]
    # The saving process loaded the text with 1.0 to get its graph; the other differs in one value.
    assert new == old.replace(
        b'"id": "n0", "type": "Input", "value": 1.0', b'"id": "n0", "type": "Input", "value": 2.0'
    )
    print(f"\n{KILLS} kills during saves of {took:.2f} s: {outcomes}")


def check_kills(
    command, children, lines: Lines, target: Path, texts: dict[float, bytes], took: float
) -> dict:
    """Kill KILLS saving children at random moments; after each the file is one of the two
    graphs, whole, and nothing partial is left beside it."""
    rng = random.Random()
    outcomes = {"old": 0, "new": 0}
    before = target.read_bytes()
    for _ in range(KILLS):
        command("fork")
        lines.until("s ")
        time.sleep(rng.uniform(0, 1.5 * took))  # a third after the save: both outcomes
        os.kill(children[-1], signal.SIGKILL)
        command("reap")
        lines.until("reaped")
        now = target.read_bytes()
        assert now in (texts[1.0], texts[2.0]), "a killed save left a broken file"
        outcomes["old" if now == before else "new"] += 1
        before = now
        for other in target.parent.iterdir():  # only between link and rename: then complete
            assert other == target or other.read_bytes() in (texts[1.0], texts[2.0]), other.name
    return outcomes
