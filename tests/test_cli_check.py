"""``nodeeditor check``: refused arguments, bounded work, progress, Ctrl+C, and NaN shown as NaN."""

from __future__ import annotations

import io
import os
import pty
import re
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cli_kit import ROOT, assert_one_error_line, chain, graph_file, run


def vector_square(tmp_path: Path, n: int) -> Path:
    """Input of n elements → Square → Output: n finite differences, two forward passes each."""
    return chain(tmp_path, f"v{n}.bpgraph", [0.5] * n, "Square")


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--eps", "0"),
        ("--eps", "nan"),
        ("--eps", "inf"),
        ("--eps", "-inf"),
        ("--eps", "-1e-6"),
        ("--rtol", "nan"),
        ("--rtol", "-1"),
        ("--atol", "inf"),
        ("--max-elements", "0"),
        ("--max-elements", "many"),
    ],
)
def test_bad_numbers_are_usage_errors_before_evaluating(tmp_path, option: str, value: str) -> None:
    path = chain(tmp_path, "g.bpgraph", 2.0, "Square")
    proc = run("check", path.name, f"{option}={value}", cwd=tmp_path)
    line = assert_one_error_line(proc, f"error: argument {option}: must be ")
    assert f"not '{value}'" in line and line.endswith("(see nodeeditor --help)")
    assert proc.stdout == ""  # nothing was evaluated


def test_zero_tolerances_are_allowed(tmp_path) -> None:
    path = chain(tmp_path, "g.bpgraph", 2.0, "Add")
    proc = run("check", path.name, "--rtol", "0", "--atol", "0", cwd=tmp_path)
    assert proc.returncode in (0, 1) and proc.stderr == ""


@pytest.mark.parametrize(
    ("name", "value", "types"),
    [("log0.bpgraph", 0.0, ("Log",)), ("inf.bpgraph", 1000.0, ("Exp", "Neg", "Exp"))],
)
def test_non_finite_differences_print_nan_and_no_numpy_warning(tmp_path, name, value, types) -> None:
    """log(0) = −∞: backprop ∞, central differences ∞ − ∞ = NaN. numpy used to warn on stderr."""
    path = chain(tmp_path, name, value, *types)
    proc = run("check", path.name, cwd=tmp_path)
    assert proc.stderr == ""
    row = next(line for line in proc.stdout.splitlines() if line.startswith("x "))
    assert row.split()[3] == "NaN" and "nan" not in row
    assert row.endswith("DISAGREE") and proc.returncode == 1


def test_div_by_zero_check_is_quiet_too(tmp_path) -> None:
    path = graph_file(
        tmp_path,
        "div.bpgraph",
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
    proc = run("check", path.name, cwd=tmp_path)
    assert proc.stderr == "" and proc.returncode == 1
    assert "nan" not in proc.stdout


def test_more_elements_than_the_cap_are_refused_with_the_count_and_the_flag(tmp_path) -> None:
    path = vector_square(tmp_path, 20_001)
    started = time.monotonic()
    proc = run("check", path.name, cwd=tmp_path)
    line = assert_one_error_line(proc, "error: v20001.bpgraph: the check would take 40,002 forward passes")
    assert "20,001 input elements" in line and "at most 20,000" in line
    assert line.endswith("--max-elements 20001")
    assert proc.stdout == ""
    assert time.monotonic() - started < 60  # refused, not computed (which takes minutes)


def test_the_flag_allows_more_and_a_graph_at_the_cap_needs_none(tmp_path) -> None:
    big = vector_square(tmp_path, 300)
    assert run("check", big.name, "--max-elements", "299", cwd=tmp_path).returncode == 2
    proc = run("check", big.name, "--max-elements", "300", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "600 forward passes" in proc.stdout


def test_no_output_means_no_finite_differences_to_cap(tmp_path) -> None:
    path = chain(tmp_path, "noout.bpgraph", [1.0] * 30_000, "Square", output=False)
    proc = run("check", path.name, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "no gradient (no Output)" in proc.stdout


def start_check(path: Path, stderr) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "nodeeditor", "check", path.name, "--max-elements", "1000000"]
    return subprocess.Popen(command, cwd=path.parent, stdout=subprocess.PIPE, stderr=stderr, env=env)


def read_until(fd: int, wanted: bytes, seconds: float) -> bytes:
    seen = b""
    deadline = time.monotonic() + seconds
    while wanted not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                seen += os.read(fd, 4096)
            except OSError:  # the child closed the terminal
                break
    return seen


def test_a_long_check_shows_progress_on_a_terminal_and_stops_cleanly_on_ctrl_c(tmp_path) -> None:
    path = vector_square(tmp_path, 200_000)  # about an hour of finite differences
    master, slave = pty.openpty()
    try:
        proc = start_check(path, slave)
        os.close(slave)
        shown = read_until(master, b" elements, about ", 60)
        assert b"\rcheck v200000.bpgraph: " in shown and b" of 200,000 elements, about " in shown
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=60) == 130
        rest = read_until(master, b"(Ctrl+C)\r\n", 10)
    finally:
        os.close(master)
        if proc.poll() is None:
            proc.kill()
        proc.stdout.close()
    lines = rest.replace(b"\r\n", b"\n").split(b"\n")
    # The progress line is blanked out first, with spaces (terminals without ANSI support too).
    assert re.search(rb"\r {40,}\rerror: v200000\.bpgraph: stopped \(Ctrl\+C\)$", lines[-2]), lines[-2]
    assert b"Traceback" not in shown + rest and b"KeyboardInterrupt" not in shown + rest


def test_ctrl_c_without_a_terminal_is_one_line_and_no_progress(tmp_path) -> None:
    path = vector_square(tmp_path, 200_000)
    proc = start_check(path, subprocess.PIPE)
    time.sleep(3)  # inside the finite differences by now (imports and loading take well under a second)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert err.decode().splitlines() == ["error: v200000.bpgraph: stopped (Ctrl+C)"]
    assert out == b""


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_overwrites_its_line_and_blanks_it_at_the_end(monkeypatch) -> None:
    from nodeeditor.terminal import Progress

    monkeypatch.setattr(Progress, "DELAY", 0.0)
    monkeypatch.setattr(Progress, "EVERY", 0.0)
    screen = FakeTerminal()
    progress = Progress("check g.bpgraph", 100_000, screen)
    for _ in range(2000):
        progress.tick()
    progress.clear()
    *shown, blank, end = screen.getvalue().split("\r")
    assert shown[0] == "" and len(shown) == 1 + 2000 // 16  # the clock is read every 16 elements
    assert shown[1].startswith("check g.bpgraph: 16 of 100,000 elements, about ")
    assert shown[-1].startswith("check g.bpgraph: 2,000 of 100,000 elements, about ")
    widths = [len(s) for s in shown[1:]]
    assert widths == sorted(widths)  # a shorter line is padded over the longer one before it
    assert blank == " " * widths[-1] and end == ""


def test_no_progress_where_stderr_is_not_a_terminal(monkeypatch) -> None:
    from nodeeditor.terminal import Progress

    monkeypatch.setattr(Progress, "DELAY", 0.0)
    log = io.StringIO()
    progress = Progress("check g.bpgraph", 100_000, log)
    for _ in range(2000):
        progress.tick()
    progress.clear()
    assert log.getvalue() == ""
