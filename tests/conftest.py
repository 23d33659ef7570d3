"""Test-wide settings: Qt draws offscreen and keeps its files in test folders."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_configure(config):
    # Settings, recent files and autosaves go to Qt's test locations, never the user's.
    from PySide6.QtCore import QStandardPaths

    QStandardPaths.setTestModeEnabled(True)
