"""The model and the command line's eval/check never import Qt."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from graphkit import example

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import contextlib, importlib, io, json, pkgutil, sys
import nodeeditor.model, nodeeditor.cli
for info in pkgutil.iter_modules(nodeeditor.model.__path__):
    importlib.import_module("nodeeditor.model." + info.name)
out = io.StringIO()
with contextlib.redirect_stdout(out):
    codes = [nodeeditor.cli.main(["eval", sys.argv[1]]),
             nodeeditor.cli.main(["eval", "--json", sys.argv[1]]),
             nodeeditor.cli.main(["check", sys.argv[1]])]
qt = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6", "PyQt")))
print(json.dumps({"codes": codes, "qt": qt, "printed": len(out.getvalue())}))
"""


def test_model_and_cli_eval_do_not_import_qt(tmp_path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("QT_QPA_PLATFORM", None)
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(example("buying_apples"))],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["codes"] == [0, 0, 0]
    assert report["printed"] > 0
    assert report["qt"] == []
