"""Files made to hurt the reader: special files, broken text, repeated keys, far-off positions,
control characters. Each is refused at once with one line naming the place, or read safely."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import nodeeditor

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
