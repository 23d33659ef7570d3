"""``nodeeditor import SNIPPET.py -o OUT.bpgraph``: Python arithmetic → a graph file.

The snippet is read as text and translated by ``model.pyimport``; it is never run. What cannot
be translated is one ``error: FILE:LINE:COL: ...`` line and exit status 2; OUT is written
through the same safe save as the editor's (the old file or the new one, whole).
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
from pathlib import Path

from .cli import InputError
from .model.pyimport import MAX_CHARS, PythonImportError, import_python

STDIN = "-"
MAX_BYTES = 4 * MAX_CHARS  # UTF-8 takes at most 4 bytes a character


def add_parser(sub: argparse._SubParsersAction) -> None:
    im = sub.add_parser("import", help="turn Python arithmetic (plain, numpy or micrograd) into a graph file")
    im.add_argument("file", metavar="SNIPPET.py", help="the Python code; - reads standard input")
    im.add_argument("-o", "--output", required=True, help="OUT.bpgraph")


def run(args: argparse.Namespace) -> int:
    from .model import GraphFileError, save

    name = "<stdin>" if args.file == STDIN else args.file
    _check_not_the_snippet(args.file, args.output)
    source = _decode(name, _read(args.file))
    try:
        graph = import_python(source)
    except PythonImportError as exc:
        raise InputError(exc.located(name)) from None
    try:
        save(graph, args.output)
    except GraphFileError as exc:
        raise InputError(str(exc)) from None
    return 0


def _read(path: str) -> bytes:
    """At most MAX_BYTES + 1 bytes of a regular file (or of standard input)."""
    if path == STDIN:
        return sys.stdin.buffer.read(MAX_BYTES + 1) if sys.stdin is not None else b""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            kind = "a folder" if Path(path).is_dir() else "not a regular file"
            raise InputError(f"{path}: cannot read the code: it is {kind}")
        with open(path, "rb") as f:
            return f.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InputError(f"{path}: cannot read the code: {exc.strerror or exc}") from None


def _decode(name: str, data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: the code is longer than {MAX_BYTES:,} bytes; a snippet is read whole")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"{name}:{line}: the code is not UTF-8 text (byte {exc.start + 1})") from None


def _check_not_the_snippet(snippet: str, output: str) -> None:
    """Writing the graph over the code would lose the code."""
    try:
        same = snippet != STDIN and os.path.samefile(snippet, output)
    except OSError:
        return
    if same:
        raise InputError(f"{output}: this is the snippet itself; name another file for the graph")
