"""``nodeeditor code GRAPH [-o OUT.py]``: the graph as the textbook's layer code."""

from __future__ import annotations

import argparse
import os
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("code", help="write the graph as textbook layer code (Python and numpy)")
    p.add_argument("file")
    p.add_argument("-o", "--output", help="OUT.py to write (without it the code is printed)")


def run(args: argparse.Namespace) -> int:
    from .cli import InputError
    from .model import GraphFileError, load
    from .model.codegen import generate, save_code

    graph = load(args.file, layout=False)
    text = generate(graph, title=Path(args.file).name).text
    if args.output is None:
        print(text, end="")
        return 0
    if _same_file(args.file, args.output):
        raise InputError(f"{args.output}: is the graph file itself; write the code to another file")
    try:
        save_code(text, args.output)
    except GraphFileError as exc:  # it names the file it could not write, and why
        raise InputError(str(exc)) from None
    return 0


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):  # b does not exist yet (or is no name at all)
        return False
