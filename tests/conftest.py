"""Test-wide settings: Qt draws offscreen and keeps its files in test folders."""

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_configure(config):
    # Settings, recent files and autosaves go to Qt's test locations, never the user's.
    from PySide6.QtCore import QStandardPaths

    QStandardPaths.setTestModeEnabled(True)


class Unprivileged:
    """A folder, and a way to act in it as a user whom file permissions bind. CI runs the
    tests as root, and root ignores permissions: a read-only folder test would prove nothing."""

    def __init__(self, folder, ids=None):
        self.folder = folder
        self._ids = ids  # (uid, gid) to act as; None: this process is unprivileged already

    @contextlib.contextmanager
    def acting(self):
        if self._ids is None:
            yield
            return
        groups = os.getgroups()
        os.setgroups([])
        os.setegid(self._ids[1])
        os.seteuid(self._ids[0])
        try:
            yield
        finally:
            os.seteuid(0)
            os.setegid(0)
            os.setgroups(groups)


@pytest.fixture
def unprivileged(tmp_path):
    """An Unprivileged folder: ``tmp_path`` for a normal user; as root, a folder in the
    system's temp folder (root's ``tmp_path`` is closed to others) owned by ``nobody``."""
    if not hasattr(os, "geteuid"):
        pytest.skip("no POSIX permissions here")
    if os.geteuid() != 0:
        yield Unprivileged(tmp_path)
        return
    import pwd

    try:
        user = pwd.getpwnam("nobody")
    except KeyError:
        pytest.skip("running as root and there is no user 'nobody' to act as")
    folder = Path(tempfile.mkdtemp(prefix="unprivileged-"))
    os.chown(folder, user.pw_uid, user.pw_gid)
    unprivileged = Unprivileged(folder, (user.pw_uid, user.pw_gid))
    try:
        reachable = True
        with unprivileged.acting():  # a refusal must come from the permissions a test sets
            try:
                (folder / "probe").write_bytes(b"")
            except PermissionError:
                reachable = False
        if not reachable:
            pytest.skip(f"'nobody' cannot write in {folder} (a parent folder is closed to it)")
        (folder / "probe").unlink()
        yield unprivileged
    finally:
        for path in [folder, *folder.rglob("*")]:
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o700)
        shutil.rmtree(folder)
