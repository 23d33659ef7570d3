"""The real editor in a real X server, wired with the mouse as a student would.

Starts ``python -m nodeeditor FILE`` on a private Xvfb display with a graph whose
Input x = 3 is not yet wired to its Square, drags a wire from the Input's output
socket to the Square's input socket with xdotool, saves with Ctrl+S and checks the
file on disk (the new wire; 9 and ∂L/∂x = 6) and two screenshots of the screen.

Where the sockets are on screen: socket_positions.py builds the same window offscreen,
at the size xdotool reports for the real one, and maps each socket's scene position
to window coordinates; the window's position (from xdotool) makes them screen
coordinates. Before dragging, the test checks that the real window draws the sockets'
colours there. Screenshots: grab_screen.py, a second Qt client on the display, grabs
the root window (no ImageMagick or xwd needed); they go to tests/e2e/artifacts/.

Skipped when Xvfb or xdotool is not installed.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
ARTIFACTS = HERE / "artifacts"
SCREEN = (1400, 900)
TITLE = "Backprop Studio"
INPUT_GREEN = (0x2E, 0x7D, 0x32)  # style.CATEGORY_COLORS["Input"]: the fill of the Input's socket
CURVE_PURPLE = (0x6A, 0x1B, 0x9A)  # style.CATEGORY_COLORS["curve"]: the fill of the Square's socket

# x = 3 and its Square are not wired; the Square already feeds the Output.
GRAPH = {
    "format": "nodeeditor-graph",
    "version": 1,
    "nodes": [
        {"id": "x", "type": "Input", "name": "x", "value": 3.0, "pos": [0, 0]},
        {"id": "sq", "type": "Square", "pos": [280, 0]},
        {"id": "out", "type": "Output", "pos": [560, 0]},
    ],
    "edges": [{"from": "sq", "to": "out", "port": 0}],
}


def _wait_for(what: str, check: Callable[[], object], timeout: float, every: float = 0.2) -> object:
    """Call ``check`` until it returns neither None nor False; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        found = check()
        if found is not None and found is not False:
            return found
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout:g} s waiting for {what}")
        time.sleep(every)


@pytest.fixture
def display(tmp_path: Path) -> Iterator[str]:
    """A private Xvfb server; its display name, such as ":3"."""
    for tool in ("Xvfb", "xdotool"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed (Debian: apt-get install xvfb xdotool)")
    read, write = os.pipe()
    log = (tmp_path / "xvfb.log").open("wb")
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=log,
    )
    os.close(write)
    try:
        number = b""
        deadline = time.monotonic() + 30
        while not number.endswith(b"\n"):
            ready, _, _ = select.select([read], [], [], max(0.0, deadline - time.monotonic()))
            chunk = os.read(read, 16) if ready else b""
            if not chunk:
                log.flush()
                pytest.fail(f"Xvfb did not start: {(tmp_path / 'xvfb.log').read_text(errors='replace')}")
            number += chunk
        yield f":{int(number)}"
    finally:
        os.close(read)
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def _client_env(display: str, home: Path, platform: str) -> dict[str, str]:
    """A clean session for the app: its own HOME and XDG folders, so no settings,
    recent files or autosaves leak in or out, English, and the given Qt platform."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("QT_", "LC_", "XDG_")) and k not in ("LANGUAGE", "WAYLAND_DISPLAY", "XAUTHORITY")
    }
    runtime = home / "runtime"
    for d in ("config", "data", "cache"):
        (home / d).mkdir(parents=True, exist_ok=True)
    runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_RUNTIME_DIR=str(runtime),
        LANG="C.UTF-8",
        DISPLAY=display,
        QT_QPA_PLATFORM=platform,
        PYTHONPATH=str(REPO),  # the working tree's nodeeditor, not an installed one
    )
    return env


def _run(args: list[str], env: dict[str, str], timeout: float = 30) -> str:
    done = subprocess.run(args, env=env, cwd=REPO, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{args} failed ({done.returncode}): {done.stderr}"
    return done.stdout


def _screenshot(env: dict[str, str], path: Path) -> np.ndarray:
    """The whole screen as an (height, width, 3) array, also saved to ``path``."""
    from PySide6.QtGui import QImage

    _run([sys.executable, str(HERE / "grab_screen.py"), str(path)], env)
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB888)
    assert not image.isNull(), f"cannot read the screenshot {path}"
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return rows[:, : image.width() * 3].reshape(image.height(), image.width(), 3).copy()


def _has_colour(
    shot: np.ndarray, xy: tuple[int, int], rgb: tuple[int, int, int], tolerance: int = 40
) -> bool:
    """Whether a pixel within 1 px of ``xy`` has about the colour ``rgb``."""
    x, y = xy
    patch = shot[y - 1 : y + 2, x - 1 : x + 2].astype(int)
    return bool((np.abs(patch - np.array(rgb)).max(axis=2) <= tolerance).any())


def _red_pixels(shot: np.ndarray, left: int, top: int, right: int, bottom: int) -> int:
    """How many pixels in the box are the red of gradient labels (style.GRAD_COLOR, #c62828)."""
    box = shot[top:bottom, left:right].astype(int)
    red = (box[..., 0] > 150) & (box[..., 1] < 100) & (box[..., 2] < 100)
    return int(red.sum())


def test_wiring_two_nodes_with_the_mouse_in_the_real_window(display: str, tmp_path: Path) -> None:
    started = time.monotonic()
    graph_file = tmp_path / "wire_me.bpgraph"
    graph_file.write_text(json.dumps(GRAPH), encoding="utf-8")
    env = _client_env(display, tmp_path / "home", "xcb")
    ARTIFACTS.mkdir(exist_ok=True)
    app_log_path = tmp_path / "app.log"
    with app_log_path.open("wb") as app_log:
        app = subprocess.Popen(
            [sys.executable, "-m", "nodeeditor", str(graph_file)],
            cwd=REPO,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=app_log,
            stderr=subprocess.STDOUT,
        )
    try:
        _drive_the_app(app, env, graph_file, tmp_path)
        assert app.wait(timeout=20) == 0, app_log_path.read_text(errors="replace")
    finally:
        if app.poll() is None:
            app.kill()
            app.wait(timeout=10)
    log = app_log_path.read_text(errors="replace")
    assert "Traceback" not in log, log
    print(f"end-to-end test took {time.monotonic() - started:.1f} s")


def _drive_the_app(app: subprocess.Popen, env: dict[str, str], graph_file: Path, tmp_path: Path) -> None:
    def xdotool(*args: str, timeout: float = 20) -> str:
        assert app.poll() is None, f"the app exited with {app.returncode}"
        return _run(["xdotool", *args], env, timeout)

    # The main window (Qt's hidden helper windows carry the name too, but are not mapped).
    window = xdotool("search", "--sync", "--onlyvisible", "--name", TITLE, timeout=60).split()[0]
    geometry = dict(line.split("=", 1) for line in xdotool("getwindowgeometry", "--shell", window).split())
    origin = (int(geometry["X"]), int(geometry["Y"]))
    size = [int(geometry["WIDTH"]), int(geometry["HEIGHT"])]

    probe_env = _client_env(env["DISPLAY"], tmp_path / "probe-home", "offscreen")
    probe = json.loads(
        _run(
            [sys.executable, str(HERE / "socket_positions.py"), str(graph_file), *map(str, size)],
            probe_env,
            timeout=60,
        )
    )
    assert probe["size"] == size, f"the offscreen copy of the window is {probe['size']}, not {size}"

    def on_screen(socket: str) -> tuple[int, int]:
        x, y = probe["sockets"][socket]
        return origin[0] + x, origin[1] + y

    start, end = on_screen("x:out"), on_screen("sq:0")
    assert 0 < start[0] < end[0] < SCREEN[0] and 0 < start[1] < SCREEN[1], (start, end)

    # The real window has framed the graph where the offscreen copy did.
    before_png = ARTIFACTS / "real_window_before.png"

    def framed() -> np.ndarray | None:
        shot = _screenshot(env, before_png)
        ok = _has_colour(shot, start, INPUT_GREEN) and _has_colour(shot, end, CURVE_PURPLE)
        return shot if ok else None

    before = _wait_for(f"the sockets drawn at {start} and {end} (see {before_png})", framed, timeout=30)

    # Drag a wire from x's output to the Square's input, in small steps as a hand would.
    xdotool("mousemove", str(start[0]), str(start[1]))
    time.sleep(0.2)
    xdotool("mousedown", "1")
    steps = 12
    for i in range(1, steps + 1):
        x = start[0] + (end[0] - start[0]) * i // steps
        y = start[1] + (end[1] - start[1]) * i // steps
        xdotool("mousemove", str(x), str(y))
        time.sleep(0.03)
    time.sleep(0.2)
    xdotool("mouseup", "1")

    # The new wire is unsaved work: the title gets its "*".
    _wait_for("the wire (a '*' in the title)", lambda: "*" in xdotool("getwindowname", window), timeout=15)

    # Ctrl+S saves to the file it was opened from.
    xdotool("windowfocus", "--sync", window)
    xdotool("key", "--clearmodifiers", "ctrl+s")
    _wait_for("Ctrl+S to save", lambda: "*" not in xdotool("getwindowname", window), timeout=15)

    from nodeeditor.model import Edge, evaluate, load

    graph = load(graph_file)
    assert Edge("x", "sq", 0) in list(graph.edges), list(graph.edges)
    result = evaluate(graph)
    assert float(result.value("sq")) == 9.0
    assert float(result.grad("x")) == 6.0

    after = _screenshot(env, ARTIFACTS / "real_window.png")
    colours = np.unique(after.reshape(-1, 3), axis=0)
    assert len(colours) > 100, f"the screenshot has only {len(colours)} colours: blank?"
    # The new wire's gradient label (6, in red) stands between the two sockets.
    box = (start[0] + 15, start[1] - 60, end[0] - 15, end[1] + 60)
    assert _red_pixels(before, *box) == 0
    assert _red_pixels(after, *box) > 10, "no red gradient label on the new wire"

    xdotool("key", "--clearmodifiers", "ctrl+q")
