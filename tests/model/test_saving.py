"""Saving: the file on disk is the old graph or the new one, whole, whatever happens, and a
save that fails says why in one line naming the file."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import nodeeditor
from nodeeditor.model import Graph, GraphFileError, dumps, load, safe_write, save

CODE_ROOT = str(Path(nodeeditor.__file__).resolve().parent.parent)


def small_graph(value: float = 1.0) -> Graph:
    g = Graph()
    g.add_node("Input", "x", value=value)
    g.add_node("Square", "s")
    g.add_node("Output", "out")
    g.connect("x", "s", 0)
    g.connect("s", "out", 0)
    return g


def files_in(folder: Path) -> dict[str, bytes | str]:
    """Every name in the folder: a file's bytes, a link's target, a folder's or a pipe's kind."""
    return {p.name: what(p) for p in folder.iterdir()}


def what(path: Path) -> bytes | str:
    if path.is_symlink():
        return os.readlink(path)
    if path.is_dir():
        return "a folder"
    return path.read_bytes() if path.is_file() else "special"


def save_error(graph: Graph, path) -> str:
    with pytest.raises(GraphFileError) as info:
        save(graph, path)
    return str(info.value)


@pytest.fixture(params=["nameless", "named"])
def temp_kind(request, monkeypatch) -> str:
    """Both ways to make the temporary file: nameless until complete (Linux's O_TMPFILE), or
    with a random name from the start (other systems, other file systems)."""
    if request.param == "nameless" and not (safe_write._TMPFILE and os.path.isdir("/proc/self/fd")):
        pytest.skip("no O_TMPFILE here")
    if request.param == "named":
        monkeypatch.setattr(safe_write, "_TMPFILE", 0)
    return request.param


# -- what a save leaves behind ----------------------------------------------------------------------


def test_a_save_leaves_only_the_file(tmp_path: Path, temp_kind: str) -> None:
    path = tmp_path / "a.bpgraph"
    save(small_graph(1.0), path)
    save(small_graph(2.0), path)  # over the old one
    assert files_in(tmp_path) == {"a.bpgraph": dumps(small_graph(2.0)).encode()}


PREDICTABLE = [".a.bpgraph.tmp", "a.bpgraph.tmp", "a.bpgraph~", ".a.bpgraph.swp", "a.bpgraph.new"]


def test_links_planted_at_predictable_temporary_names_are_left_alone(tmp_path: Path, temp_kind: str) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    for name in PREDICTABLE:
        (tmp_path / name).symlink_to(victim)
    before = files_in(tmp_path)
    save(small_graph(), tmp_path / "a.bpgraph")
    assert files_in(tmp_path) == {**before, "a.bpgraph": dumps(small_graph()).encode()}


def test_a_link_planted_at_the_very_temporary_name_is_never_followed(
    tmp_path: Path, temp_kind: str, monkeypatch
) -> None:
    """Even a guessed random name cannot redirect the write: the name is taken only if free."""
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    planted = tmp_path / ".planted.tmp"
    planted.symlink_to(victim)
    fresh = str(tmp_path / ".fresh.tmp")
    monkeypatch.setattr(safe_write, "_temp_names", lambda folder: iter([str(planted), fresh]))
    save(small_graph(), tmp_path / "a.bpgraph")
    assert victim.read_bytes() == b"precious" and planted.is_symlink()
    assert load(tmp_path / "a.bpgraph").nodes.keys() == small_graph().nodes.keys()
    assert sorted(files_in(tmp_path)) == [".planted.tmp", "a.bpgraph", "victim.txt"]


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o604, 0o664], ids=oct)
def test_the_file_keeps_its_mode(tmp_path: Path, temp_kind: str, mode: int) -> None:
    path = tmp_path / "a.bpgraph"
    path.write_bytes(b"old")
    path.chmod(mode)
    save(small_graph(), path)
    assert stat.S_IMODE(path.stat().st_mode) == mode


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_file_gets_the_mode_any_new_file_would(tmp_path: Path, temp_kind: str, umask, mode) -> None:
    old = os.umask(umask)
    try:
        save(small_graph(), tmp_path / "a.bpgraph")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.bpgraph").stat().st_mode) == mode


def test_saving_through_links_writes_to_the_file_they_point_at(tmp_path: Path, temp_kind: str) -> None:
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "graph.bpgraph"
    target.write_bytes(b"old")
    (tmp_path / "link.bpgraph").symlink_to("real/graph.bpgraph")  # relative
    (tmp_path / "link2.bpgraph").symlink_to(tmp_path / "link.bpgraph")  # a link to a link
    save(small_graph(3.0), tmp_path / "link2.bpgraph")
    assert (tmp_path / "link.bpgraph").is_symlink() and (tmp_path / "link2.bpgraph").is_symlink()
    assert target.read_bytes() == dumps(small_graph(3.0)).encode()
    assert sorted(files_in(tmp_path / "real")) == ["graph.bpgraph"]


def test_saving_through_a_dangling_link_creates_the_file_it_names(tmp_path: Path, temp_kind: str) -> None:
    (tmp_path / "link.bpgraph").symlink_to("new.bpgraph")
    save(small_graph(), tmp_path / "link.bpgraph")
    assert (tmp_path / "link.bpgraph").is_symlink()
    assert (tmp_path / "new.bpgraph").read_bytes() == dumps(small_graph()).encode()


def test_a_name_of_251_characters_saves(tmp_path: Path, temp_kind: str) -> None:
    path = tmp_path / ("g" * 243 + ".bpgraph")
    assert len(path.name) == 251
    save(small_graph(1.0), path)
    save(small_graph(2.0), path)  # again, over it
    assert files_in(tmp_path) == {path.name: dumps(small_graph(2.0)).encode()}


# -- a save that cannot happen ------------------------------------------------------------------------


def test_a_save_that_cannot_happen_says_why(tmp_path: Path) -> None:
    g = small_graph()
    (tmp_path / "folder").mkdir()
    (tmp_path / "file").write_bytes(b"a file")
    long = tmp_path / ("g" * 300)
    assert save_error(g, "") == "cannot save: no file name was given"
    assert save_error(g, tmp_path / "folder") == f"cannot save {tmp_path / 'folder'}: it is a folder"
    assert save_error(g, f"{tmp_path / 'file'}/") == f"cannot save {tmp_path / 'file'}/: it is a folder"
    under = tmp_path / "file" / "a.bpgraph"
    assert save_error(g, under) == f"cannot save {under}: a part of the path is not a folder"
    missing = tmp_path / "missing" / "a.bpgraph"
    assert save_error(g, missing) == f"cannot save {missing}: the folder does not exist"
    assert save_error(g, long) == f"cannot save {long}: the file name is too long"
    assert files_in(tmp_path) == {"folder": "a folder", "file": b"a file"}


def test_a_pipe_is_never_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert (
        save_error(small_graph(), fifo)
        == f"cannot save {fifo}: it is a named pipe (FIFO), not a regular file"
    )
    assert stat.S_ISFIFO(fifo.stat().st_mode) and sorted(files_in(tmp_path)) == ["pipe"]


def test_a_device_is_never_replaced(tmp_path: Path) -> None:
    """On a node of its own, never the system's /dev/null: a save that got this wrong would
    replace that with a graph file (as root)."""
    null = tmp_path / "null"
    try:
        os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, AttributeError):
        pytest.skip("making a device node needs root (and POSIX)")
    assert save_error(small_graph(), null) == f"cannot save {null}: it is a device, not a regular file"
    assert stat.S_ISCHR(null.stat().st_mode) and sorted(files_in(tmp_path)) == ["null"]


def test_a_name_with_control_characters_stays_one_line(tmp_path: Path) -> None:
    path = tmp_path / "missing" / "two\nlines\x1b[2J.bpgraph"
    assert save_error(small_graph(), path) == (
        f"cannot save {tmp_path}/missing/two\\nlines\\x1b[2J.bpgraph: the folder does not exist"
    )


STEPS = [("write", errno.ENOSPC, "the disk is full"), ("fsync", errno.EIO, os.strerror(errno.EIO))]
STEPS += [("replace", errno.EDQUOT, "the disk quota is used up")]
LINK = ("link", errno.EROFS, "the disk is read-only")  # only a nameless file is linked to a name


@pytest.mark.parametrize(
    ("temp_kind", "step", "code", "why"),
    [(kind, *step) for kind in ("nameless", "named") for step in STEPS] + [("nameless", *LINK)],
    indirect=["temp_kind"],
)
def test_a_save_failing_at_any_step_keeps_the_old_file_and_leaves_nothing(
    tmp_path: Path, temp_kind: str, monkeypatch, step: str, code: int, why: str
) -> None:
    path = tmp_path / "a.bpgraph"
    save(small_graph(1.0), path)
    before = files_in(tmp_path)

    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    with monkeypatch.context() as m:
        m.setattr(os, step, fail)
        message = save_error(small_graph(2.0), path)
    assert message == f"cannot save {path}: {why}"
    assert files_in(tmp_path) == before


def test_the_bytes_reach_the_disk_before_the_rename_and_the_rename_after(
    tmp_path: Path, temp_kind: str, monkeypatch
) -> None:
    events = []
    fsync, replace = os.fsync, os.replace

    def logged_fsync(fd):
        events.append("flush folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "flush file")
        fsync(fd)

    def logged_replace(src, dst):
        events.append("rename")
        replace(src, dst)

    monkeypatch.setattr(os, "fsync", logged_fsync)
    monkeypatch.setattr(os, "replace", logged_replace)
    save(small_graph(), tmp_path / "a.bpgraph")
    assert events == ["flush file", "rename", "flush folder"]


@pytest.fixture
def tiny_disk(tmp_path: Path):
    """A file system of 64 KiB (mounting one needs root), unmounted afterwards."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("mounting a tiny file system to fill needs root")
    mount = tmp_path / "tiny"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], capture_output=True, text=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def test_a_full_disk_keeps_the_old_file_and_says_so(tiny_disk: Path, temp_kind: str) -> None:
    path = tiny_disk / "a.bpgraph"
    save(small_graph(), path)
    before = files_in(tiny_disk)
    big = Graph()
    big.add_node("Input", "x", value=[float(i) / 7 for i in range(20_000)])  # ~400 KB of text
    assert save_error(big, path) == f"cannot save {path}: the disk is full"
    assert files_in(tiny_disk) == before
    assert load(path).nodes.keys() == small_graph().nodes.keys()


def test_a_read_only_disk_says_so(tiny_disk: Path) -> None:
    path = tiny_disk / "a.bpgraph"
    save(small_graph(1.0), path)
    subprocess.run(["mount", "-o", "remount,ro", str(tiny_disk)], check=True)
    assert save_error(small_graph(2.0), path) == f"cannot save {path}: the disk is read-only"
    assert save_error(small_graph(2.0), tiny_disk / "new.bpgraph") == (
        f"cannot save {tiny_disk / 'new.bpgraph'}: the disk is read-only"
    )
    assert files_in(tiny_disk) == {"a.bpgraph": dumps(small_graph(1.0)).encode()}


# -- permissions, for real even when the tests run as root ----------------------------------------------


def test_a_save_into_a_read_only_folder_keeps_the_old_file(unprivileged) -> None:
    folder = unprivileged.folder / "locked"
    folder.mkdir()
    path = folder / "a.bpgraph"
    save(small_graph(1.0), path)
    os.chown(folder, *owner(unprivileged.folder))
    folder.chmod(0o500)
    before = files_in(folder)
    with unprivileged.acting():
        message = save_error(small_graph(2.0), path)
    assert message == f"cannot save {path}: permission denied"
    assert files_in(folder) == before


def test_a_read_only_file_is_not_replaced(unprivileged) -> None:
    path = unprivileged.folder / "a.bpgraph"
    save(small_graph(1.0), path)
    os.chown(path, *owner(unprivileged.folder))
    path.chmod(0o444)
    before = files_in(unprivileged.folder)
    with unprivileged.acting():
        message = save_error(small_graph(2.0), path)
    assert message == f"cannot save {path}: permission denied"
    assert files_in(unprivileged.folder) == before


def owner(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_uid, st.st_gid


# -- two savers at once -------------------------------------------------------------------------------------


def test_two_processes_saving_to_one_file_never_fail(tmp_path: Path) -> None:
    path = tmp_path / "shared.bpgraph"
    script = (
        "import sys\n"
        "from nodeeditor.model import Graph, save\n"
        "g = Graph(); g.add_node('Input', 'x', value=float(sys.argv[2]))\n"
        "for _ in range(200):\n"
        "    save(g, sys.argv[1])\n"
    )
    env = {**os.environ, "PYTHONPATH": CODE_ROOT}
    savers = [
        subprocess.Popen([sys.executable, "-c", script, str(path), str(v)], env=env, stderr=subprocess.PIPE)
        for v in (1.0, 2.0)
    ]
    errors = [p.communicate(timeout=120)[1].decode() for p in savers]
    assert errors == ["", ""] and [p.returncode for p in savers] == [0, 0]
    assert float(load(path).nodes["x"].params["value"]) in (1.0, 2.0)
    assert sorted(files_in(tmp_path)) == ["shared.bpgraph"]


def test_a_nul_character_in_the_name_is_a_clear_error(tmp_path: Path) -> None:
    path = f"{tmp_path}/a\0b.bpgraph"
    assert (
        save_error(small_graph(), path)
        == f"cannot save {tmp_path}/a\\x00b.bpgraph: the name holds a NUL character"
    )
    with pytest.raises(GraphFileError) as info:
        load(path)
    assert str(info.value) == "cannot read the file: the name holds a NUL character"
