"""Running the ``nodeeditor`` command as a user runs it (a separate process), and the graph
files the command-line tests feed it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "resources" / "examples").glob("*.bpgraph"))


def nodeeditor():
    """The package itself, importable even when only the subprocesses get PYTHONPATH."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import nodeeditor.model

    return nodeeditor


def example(word: str) -> Path:
    found = [p for p in EXAMPLES if word in p.stem]
    assert len(found) == 1, found
    return found[0]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "nodeeditor", *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def graph_file(tmp_path: Path, name: str, nodes: list, edges: list) -> Path:
    path = tmp_path / name
    doc = {"format": "nodeeditor-graph", "version": 1, "nodes": nodes, "edges": edges}
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def chain(tmp_path: Path, name: str, value, *types: str, output: bool = True) -> Path:
    """Input(value) → types… → Output."""
    nodes = [{"id": "x", "type": "Input", "value": value}]
    edges = []
    prev = "x"
    for i, t in enumerate(types):
        nodes.append({"id": f"n{i}", "type": t})
        edges.append({"from": prev, "to": f"n{i}", "port": 0})
        prev = f"n{i}"
    if output:
        nodes.append({"id": "out", "type": "Output"})
        edges.append({"from": prev, "to": "out", "port": 0})
    return graph_file(tmp_path, name, nodes, edges)


def assert_one_error_line(proc: subprocess.CompletedProcess, start: str) -> str:
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith(start), lines[0]
    return lines[0]
