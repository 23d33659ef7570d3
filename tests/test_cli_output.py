"""What a file says reaches the terminal as text, never as control sequences; one error is one
line; an export that cannot be written says where and why."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cli_kit import ROOT, assert_one_error_line, example, graph_file, run

from nodeeditor.terminal import json_printable, printable

ESC = "\x1b"
HOSTILE_ID = f"x{ESC}[31mRED{ESC}]0;pwned\x07"  # colour, then a window-title change
HOSTILE_NAME = "line one\nerror: a forged second line\r\u2028\u202e"
CONTROLS = set(map(chr, [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)])) | {"\u2028", "\u202e"}


def hostile_graph(tmp_path: Path) -> Path:
    return graph_file(
        tmp_path,
        "hostile.bpgraph",
        [
            {"id": HOSTILE_ID, "type": "Input", "value": 0.0, "name": HOSTILE_NAME},
            {"id": "log\x9b2J", "type": "Log", "name": "\x1b[2J"},  # C1 CSI: clears some terminals
            {"id": "out\r", "type": "Output"},
        ],
        [{"from": HOSTILE_ID, "to": "log\x9b2J", "port": 0}, {"from": "log\x9b2J", "to": "out\r", "port": 0}],
    )


def assert_no_controls(text: str) -> None:
    for line in text.split("\n"):
        assert not CONTROLS & set(line), repr(line)


def test_printable_escapes_what_a_terminal_would_obey() -> None:
    assert printable("plain 사과 ∂L/∂x") == "plain 사과 ∂L/∂x"
    assert printable(HOSTILE_ID) == "x\\x1b[31mRED\\x1b]0;pwned\\x07"
    assert printable("a\nb\r\u2028\u202e\ud800") == "a\\nb\\r\\u2028\\u202e\\ud800"
    assert json.loads(json_printable(json.dumps({"k\x9b": "v\u2028"}, ensure_ascii=False))) == {
        "k\x9b": "v\u2028"
    }
    assert json_printable('"\x9b\u202e"') == '"\\u009b\\u202e"'


def test_eval_table_shows_ids_and_names_escaped(tmp_path) -> None:
    hostile_graph(tmp_path)
    proc = run("eval", "hostile.bpgraph", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert_no_controls(proc.stdout)
    assert (
        "line one\\nerror: a forged second line\\r\\u2028\\u202e (x\\x1b[31mRED\\x1b]0;pwned\\x07)"
        in proc.stdout
    )
    assert "note: \\x1b[2J (log\\x9b2J): log of zero" in proc.stdout
    assert len(proc.stdout.splitlines()) == 7  # title, loss, two headings, one Input, one Output, one note


def test_eval_json_escapes_them_and_stays_the_same_json(tmp_path) -> None:
    hostile_graph(tmp_path)
    proc = run("eval", "--json", "hostile.bpgraph", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert_no_controls(proc.stdout.rstrip("\n"))
    data = json.loads(proc.stdout)
    assert set(data["nodes"]) == {HOSTILE_ID, "log\x9b2J", "out\r"}


def test_check_table_shows_ids_escaped(tmp_path) -> None:
    hostile_graph(tmp_path)
    proc = run("check", "hostile.bpgraph", cwd=tmp_path)
    assert proc.stderr == ""
    assert_no_controls(proc.stdout)
    assert "x\\x1b[31mRED\\x1b]0;pwned\\x07" in proc.stdout


def test_a_file_name_with_a_newline_and_escape_stays_one_error_line(tmp_path) -> None:
    name = f"hw\n{ESC}[31merror: forged.bpgraph"
    (tmp_path / name).write_text("{", encoding="utf-8")
    for command in (["eval"], ["check"], ["eval", "--json"], ["export", "-o", "pic.png"]):
        proc = run(*command, name, cwd=tmp_path)
        line = assert_one_error_line(proc, "error: hw\\n\\x1b[31merror: forged.bpgraph: ")
        assert_no_controls(line)
    proc = run(f"missing\n{ESC}[2J.bpgraph", cwd=tmp_path)  # the editor
    assert assert_one_error_line(proc, "error:") == "error: missing\\n\\x1b[2J.bpgraph: no such file"


def test_an_argument_with_controls_stays_one_usage_line(tmp_path) -> None:
    proc = run("eval", "a.bpgraph", "--bogus\n\x1b[1m", cwd=tmp_path)
    assert_no_controls(assert_one_error_line(proc, "error: unrecognized arguments: --bogus\\n\\x1b[1m"))


# -- export: where and why, one line -----------------------------------------------------


@pytest.fixture
def apples(tmp_path) -> Path:
    shutil.copy(example("buying_apples"), tmp_path / "apples.bpgraph")
    return tmp_path / "apples.bpgraph"


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_export_to_a_missing_folder(tmp_path, apples, suffix: str) -> None:
    out = f"no/such/folder/pic{suffix}"
    proc = run("export", apples.name, "-o", out, cwd=tmp_path)
    assert (
        assert_one_error_line(proc, "error:")
        == f"error: {out}: cannot write the picture: there is no folder no/such/folder"
    )


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_export_onto_a_folder(tmp_path, apples, suffix: str) -> None:
    (tmp_path / f"pics{suffix}").mkdir()
    proc = run("export", apples.name, "-o", f"pics{suffix}", cwd=tmp_path)
    assert (
        assert_one_error_line(proc, "error:")
        == f"error: pics{suffix}: cannot write the picture: it is a folder"
    )


def test_export_under_a_file_that_is_not_a_folder(tmp_path, apples) -> None:
    proc = run("export", apples.name, "-o", "apples.bpgraph/pic.png", cwd=tmp_path)
    line = assert_one_error_line(proc, "error:")
    assert line == "error: apples.bpgraph/pic.png: cannot write the picture: apples.bpgraph is not a folder"


def run_unprivileged(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """As a user whom permissions bind: root keeps its uid (the venv under /root stays readable)
    but loses the capabilities that let it write into read-only folders."""
    command = [sys.executable, "-m", "nodeeditor", *args]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv (util-linux) to drop the override")
        command = [setpriv, "--bounding-set", "-dac_override,-dac_read_search", "--", *command]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120
    )


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")
@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_export_into_a_read_only_folder(tmp_path, apples, suffix: str) -> None:
    folder = tmp_path / "handed-in"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        proc = run_unprivileged("export", apples.name, "-o", f"handed-in/pic{suffix}", cwd=tmp_path)
    finally:
        folder.chmod(0o755)
    line = assert_one_error_line(proc, "error:")
    assert line == f"error: handed-in/pic{suffix}: cannot write the picture: Permission denied"
    assert list(folder.iterdir()) == []


def test_export_over_a_read_only_picture_keeps_it(tmp_path, apples) -> None:
    old = tmp_path / "pic.png"
    old.write_bytes(b"the old picture")
    old.chmod(0o444)
    proc = run_unprivileged("export", apples.name, "-o", "pic.png", cwd=tmp_path)
    line = assert_one_error_line(proc, "error:")
    assert line == "error: pic.png: cannot write the picture: Permission denied"
    assert old.read_bytes() == b"the old picture"


def test_a_failed_graph_leaves_no_empty_picture(tmp_path) -> None:
    (tmp_path / "broken.bpgraph").write_text("{", encoding="utf-8")
    proc = run("export", "broken.bpgraph", "-o", "pic.png", cwd=tmp_path)
    assert_one_error_line(proc, "error: broken.bpgraph: ")
    assert not (tmp_path / "pic.png").exists()


def test_running_out_of_memory_is_a_clear_line_not_an_unexpected_problem(
    tmp_path, monkeypatch, capsys
) -> None:
    """The last line of defence behind the engine's and the loader's limits."""
    import nodeeditor.model
    from nodeeditor.cli import main

    def too_big(graph):
        raise MemoryError

    monkeypatch.setattr(nodeeditor.model, "evaluate", too_big)
    assert main(["eval", str(example("buying_apples"))]) == 2
    err = capsys.readouterr().err
    assert err == f"error: {example('buying_apples')}: this graph needs more memory than the computer has\n"
