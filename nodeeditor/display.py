"""Whether the editor can open a window here, decided before Qt starts: with no display,
Qt's xcb plugin ends the process with ``Aborted`` (exit 134) and a page of advice."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping

NO_WINDOW = "cannot open a window (no display); eval, check, export and the other commands work without one"
# Platforms that draw without a display server (QT_QPA_PLATFORM); ``offscreen`` is how the tests run.
HEADLESS = frozenset({"offscreen", "minimal", "minimalegl", "eglfs", "linuxfb", "vnc", "vkkhrdisplay"})


def window_problem(env: Mapping[str, str] | None = None, platform: str | None = None) -> str | None:
    """``NO_WINDOW`` when no platform Qt would try can reach a display, else None.

    Only X11 and Wayland need a server; Windows and macOS always have their own. A platform
    this does not know is left to Qt, and so is a remote X display (it cannot be probed cheaply).
    """
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if platform.startswith(("win", "darwin")):
        return None
    requested = [p.split(":")[0].strip() for p in env.get("QT_QPA_PLATFORM", "").split(";") if p.strip()]
    for name in requested or ["wayland", "xcb"]:  # unset: Qt picks one of these by the session
        if name in HEADLESS or name not in ("xcb", "wayland", "wayland-egl"):
            return None
        if name == "xcb" and _x11_reachable(env.get("DISPLAY", "")):
            return None
        if name.startswith("wayland") and _wayland_reachable(env):
            return None
    return NO_WINDOW


def _x11_reachable(display: str) -> bool:
    """A local display (``:0``) is a socket in /tmp/.X11-unix (or Linux's abstract namespace);
    connecting says whether a server listens, as Qt's own connection would."""
    if not display:
        return False
    local = re.fullmatch(r"(?:unix)?:(\d+)(?:\.\d+)?", display)
    if local is None:
        return True  # host:N, or a launchd path on macOS: let Qt try
    import socket

    path = f"/tmp/.X11-unix/X{local.group(1)}"
    for address in ("\0" + path, path):
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
                s.settimeout(2.0)
                s.connect(address)
                return True
        except OSError:
            continue
    return False


def _wayland_reachable(env: Mapping[str, str]) -> bool:
    name = env.get("WAYLAND_DISPLAY", "")
    if not name:
        return False
    path = name if os.path.isabs(name) else os.path.join(env.get("XDG_RUNTIME_DIR", ""), name)
    return os.path.exists(path)
