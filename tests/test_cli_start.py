"""``nodeeditor [FILE]`` says what is wrong before Qt starts: a mistyped command, a FILE that is
not there or not a file, no display. Qt itself would end with ``Aborted`` (exit 134)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_kit import ROOT, assert_one_error_line, example

from nodeeditor.display import NO_WINDOW, window_problem

NO_DISPLAY_LINE = f"error: {NO_WINDOW}"


def run_without_display(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    """The command on a machine with no display at all: no DISPLAY, no WAYLAND_DISPLAY, no
    QT_QPA_PLATFORM (the tests' offscreen), unless given."""
    base = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run(
        [sys.executable, "-m", "nodeeditor", *args],
        cwd=cwd,
        env={**base, "PYTHONPATH": str(ROOT), **env},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def assert_refused_before_qt(proc: subprocess.CompletedProcess, line: str) -> None:
    assert (proc.returncode, proc.stderr.splitlines(), proc.stdout) == (2, [line], "")


@pytest.mark.parametrize("word", ["frobnicate", "evl", "Check", "exprot"])
def test_a_mistyped_command_is_a_usage_error_naming_the_commands(tmp_path, word: str) -> None:
    proc = run_without_display(word, "hw.bpgraph", cwd=tmp_path)
    line = assert_one_error_line(proc, f"error: {word}: no such command or file")
    assert "the commands are eval, check, export, code, grade, import, check-lesson and explain" in line
    assert line.endswith("(see nodeeditor --help)")


def test_a_close_typo_gets_a_suggestion(tmp_path) -> None:
    proc = run_without_display("evl", cwd=tmp_path)
    assert "(did you mean eval?)" in assert_one_error_line(proc, "error: evl:")


def test_a_missing_file_is_named_before_qt_starts(tmp_path) -> None:
    proc = run_without_display("missing.bpgraph", cwd=tmp_path)
    assert_refused_before_qt(proc, "error: missing.bpgraph: no such file")


def test_a_folder_or_a_pipe_is_not_opened(tmp_path) -> None:
    (tmp_path / "lessons").mkdir()
    assert_refused_before_qt(
        run_without_display("lessons", cwd=tmp_path), "error: lessons: is a folder, not a graph file"
    )
    os.mkfifo(tmp_path / "pipe.bpgraph")
    assert_refused_before_qt(
        run_without_display("pipe.bpgraph", cwd=tmp_path),
        "error: pipe.bpgraph: not a regular file (a pipe or a device?)",
    )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 and Wayland are Linux's")
@pytest.mark.parametrize("args", [[], ["apples.bpgraph"]], ids=["no FILE", "FILE"])
def test_no_display_is_one_line_and_exit_2(tmp_path, args: list[str]) -> None:
    (tmp_path / "apples.bpgraph").write_bytes(example("buying_apples").read_bytes())
    proc = run_without_display(*args, cwd=tmp_path)
    assert_refused_before_qt(proc, NO_DISPLAY_LINE)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 and Wayland are Linux's")
def test_a_display_with_no_server_behind_it_is_no_display(tmp_path) -> None:
    """DISPLAY left over from a closed session (an Xvfb that was stopped)."""
    number = next(n for n in range(4000, 5000) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    proc = run_without_display(cwd=tmp_path, DISPLAY=f":{number}", QT_QPA_PLATFORM="xcb")
    assert_refused_before_qt(proc, NO_DISPLAY_LINE)


def test_help_shows_the_editor_beside_the_commands(tmp_path) -> None:
    proc = run_without_display("--help", cwd=tmp_path)
    assert proc.returncode == 0
    usage = "usage: nodeeditor [FILE]\n       nodeeditor {eval,check,export,code,check-lesson} FILE ..."
    assert proc.stdout.startswith(usage)
    assert "nodeeditor [FILE]     open the editor" in proc.stdout
    for command in ("eval", "check", "export", "code", "grade", "import", "check-lesson", "explain"):
        assert f"    {command} " in proc.stdout


# -- the display rule itself -------------------------------------------------------------


@pytest.fixture
def x_server() -> Iterator[str]:
    """A listening socket where an X server's would be, in Linux's abstract namespace."""
    if not sys.platform.startswith("linux"):
        pytest.skip("abstract sockets are Linux's")
    number = next(n for n in range(5000, 6000) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(f"\0/tmp/.X11-unix/X{number}")
    server.listen(1)
    yield f":{number}"
    server.close()


@pytest.mark.parametrize(
    ("env", "platform", "usable"),
    [
        ({}, "linux", False),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", True),
        ({"QT_QPA_PLATFORM": "minimal"}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", False),
        ({"QT_QPA_PLATFORM": "wayland;xcb"}, "linux", False),
        ({"QT_QPA_PLATFORM": "wayland;offscreen"}, "linux", True),
        ({"QT_QPA_PLATFORM": "someone-elses-plugin"}, "linux", True),  # Qt will say
        ({"DISPLAY": "remote.example:0"}, "linux", True),  # not probed
        ({}, "win32", True),
        ({}, "darwin", True),
    ],
)
def test_which_environments_can_open_a_window(env: dict, platform: str, usable: bool) -> None:
    assert (window_problem(env, platform) is None) is usable


def test_a_listening_x_server_or_wayland_socket_is_a_display(x_server: str, tmp_path) -> None:
    assert window_problem({"DISPLAY": x_server}, "linux") is None
    assert window_problem({"DISPLAY": f"{x_server}.0", "QT_QPA_PLATFORM": "xcb"}, "linux") is None
    (tmp_path / "wayland-1").touch()
    wayland = {"WAYLAND_DISPLAY": "wayland-1", "XDG_RUNTIME_DIR": str(tmp_path)}
    assert window_problem(wayland, "linux") is None
    assert window_problem({**wayland, "QT_QPA_PLATFORM": "xcb"}, "linux") == NO_WINDOW
