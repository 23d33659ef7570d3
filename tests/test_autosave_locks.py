"""Killed sessions leave no lock files behind, and the autosave folder is one level deep.

Each running editor holds ``<uuid>.bpgraph.lock`` in the autosave folder; a session that is
killed before it autosaved left its lock there forever (nine after nine kills)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cli_kit import ROOT

from nodeeditor.gui.autosave_folder import tidy_autosaves
from nodeeditor.gui.files import Autosave, example_path

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG folders and SIGKILL")

LOCKER = """
import os, signal, sys
from PySide6.QtCore import QCoreApplication, QLockFile
app = QCoreApplication([])
lock = QLockFile(sys.argv[1])
lock.setStaleLockTime(0)
assert lock.tryLock(0)
print("locked", flush=True)
if sys.argv[2] == "hold":
    sys.stdin.readline()
else:
    os.kill(os.getpid(), signal.SIGKILL)  # a crash: the lock file stays behind
"""


def lock_from_another_process(path: Path, hold: bool) -> subprocess.Popen:
    """A lock taken by a process that is then killed (stale), or that keeps running (held)."""
    child = subprocess.Popen(
        [sys.executable, "-c", LOCKER, str(path), "hold" if hold else "die"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert child.stdout.readline() == b"locked\n"
    if not hold:
        child.wait(timeout=60)
        child.stdout.close()
        child.stdin.close()
    assert path.exists()
    return child


def release(child: subprocess.Popen) -> None:
    child.stdin.close()
    child.wait(timeout=60)
    child.stdout.close()


def test_stale_locks_without_work_go_and_the_rest_stays(qapp, tmp_path: Path) -> None:
    folder = tmp_path / "autosave"
    folder.mkdir()
    stale = [folder / f"killed{i}.bpgraph.lock" for i in range(3)]
    for lock in stale:
        lock_from_another_process(lock, hold=False)
    running = lock_from_another_process(folder / "running.bpgraph.lock", hold=True)
    (folder / "crashed.bpgraph").write_bytes(example_path("01_add_node.bpgraph").read_bytes())
    lock_from_another_process(folder / "crashed.bpgraph.lock", hold=False)
    try:
        tidy_autosaves(folder)
        left = sorted(p.name for p in folder.iterdir())
    finally:
        release(running)
    # The crashed session's work (and its lock) stay for recovery to offer; a running one is untouched.
    assert left == ["crashed.bpgraph", "crashed.bpgraph.lock", "running.bpgraph.lock"]
    assert Autosave.recover(folder / "crashed.bpgraph") is not None


def test_work_in_the_old_two_level_folder_is_brought_over(qapp, tmp_path: Path) -> None:
    old = tmp_path / "Backprop Studio" / "Backprop Studio" / "autosave"
    new = tmp_path / "Backprop Studio" / "autosave"
    old.mkdir(parents=True)
    lesson = example_path("01_add_node.bpgraph").read_bytes()
    (old / "crashed.bpgraph").write_bytes(lesson)
    lock_from_another_process(old / "crashed.bpgraph.lock", hold=False)
    lock_from_another_process(old / "killed.bpgraph.lock", hold=False)
    tidy_autosaves(new, [old])
    assert sorted(p.name for p in new.iterdir()) == ["crashed.bpgraph"]
    assert (new / "crashed.bpgraph").read_bytes() == lesson
    assert not (tmp_path / "Backprop Studio" / "Backprop Studio").exists()  # emptied, then removed
    here = Autosave(new)
    try:
        assert here.orphans() == [new / "crashed.bpgraph"]
    finally:
        here.close()


def test_a_running_old_version_keeps_its_work_where_it_is(qapp, tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    old.mkdir()
    (old / "open.bpgraph").write_bytes(b"{}")
    running = lock_from_another_process(old / "open.bpgraph.lock", hold=True)
    try:
        tidy_autosaves(new, [old])
        assert sorted(p.name for p in old.iterdir()) == ["open.bpgraph", "open.bpgraph.lock"]
    finally:
        release(running)
    assert list(new.iterdir()) == []


def start_editor(data: Path, config: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(data),
        "XDG_CONFIG_HOME": str(config),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "nodeeditor"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def wait_for(condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the editor did not start"
        time.sleep(0.05)


def test_killing_the_editor_again_and_again_leaves_one_lock_the_running_ones(tmp_path: Path) -> None:
    """The real app, started and killed with SIGKILL four times: each start finds only its own lock."""
    data, config = tmp_path / "data", tmp_path / "config"
    folder = data / "Backprop Studio" / "autosave"  # one level: not Backprop Studio/Backprop Studio

    def locks() -> set[Path]:
        return set(folder.glob("*.bpgraph.lock")) if folder.is_dir() else set()

    seen: set[Path] = set()
    for start in range(4):
        editor = start_editor(data, config)
        try:
            wait_for(lambda known=frozenset(seen): locks() - known)  # this session has taken its lock
            new = locks() - seen
            assert len(new) == 1 and locks() == new, f"start {start + 1}: the killed sessions' locks remain"
            seen |= new
        finally:
            editor.send_signal(signal.SIGKILL)
            editor.wait(timeout=60)
    assert len(locks()) == 1  # the last killed session's, until the next start
    assert not (data / "Backprop Studio" / "Backprop Studio").exists()
