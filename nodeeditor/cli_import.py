"""``nodeeditor import SNIPPET.py -o OUT.bpgraph``: Python arithmetic → a graph file.

The snippet is read as text and translated by ``model.pyimport``; it is never run. What cannot
be translated is one ``error: FILE:LINE:COL: ...`` line and exit status 2; OUT is written
through the same safe save as the editor's (the old file or the new one, whole).
"""

from __future__ import annotations

import argparse
import os
import sys

from .cli import InputError
from .model.pyimport import MAX_BYTES, CodeFileError, PythonImportError, decode_code, import_python, read_code

STDIN = "-"


def add_parser(sub: argparse._SubParsersAction) -> None:
    im = sub.add_parser("import", help="turn Python arithmetic (plain, numpy or micrograd) into a graph file")
    im.add_argument("file", metavar="SNIPPET.py", help="the Python code; - reads standard input")
    im.add_argument("-o", "--output", required=True, help="OUT.bpgraph")


def run(args: argparse.Namespace) -> int:
    from .model import GraphFileError, save

    name = "<stdin>" if args.file == STDIN else args.file
    _check_not_the_snippet(args.file, args.output)
    try:
        source = read_code(args.file) if args.file != STDIN else decode_code(_stdin())
        graph = import_python(source)
    except CodeFileError as exc:
        raise InputError(f"{name}{'' if exc.line is None else f':{exc.line}'}: {exc}") from None
    except PythonImportError as exc:
        raise InputError(exc.located(name)) from None
    try:
        save(graph, args.output)
    except GraphFileError as exc:
        raise InputError(str(exc)) from None
    return 0


def _stdin() -> bytes:
    return sys.stdin.buffer.read(MAX_BYTES + 1) if sys.stdin is not None else b""


def _check_not_the_snippet(snippet: str, output: str) -> None:
    """Writing the graph over the code would lose the code."""
    try:
        same = snippet != STDIN and os.path.samefile(snippet, output)
    except OSError:
        return
    if same:
        raise InputError(f"{output}: this is the snippet itself; name another file for the graph")
