"""The ``nodeeditor`` command: the editor, ``eval``, ``check`` and ``export``.

Exit status: 0 success, 1 a gradient check failed, 2 bad input or usage
(with one ``error:`` line on stderr), 130 stopped by Ctrl+C. Qt is imported
only by the commands that draw, so ``eval`` and ``check`` start fast and run
without a display; the editor is refused before Qt starts when it cannot work.
"""

from __future__ import annotations

import argparse
import difflib
import gc
import json
import math
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from . import __version__, cli_code
from .display import window_problem
from .terminal import Progress, json_printable, printable

COMMANDS = ("eval", "check", "export", "code", "grade", "import", "check-lesson", "explain")
MAX_CHECK_ELEMENTS = 20_000  # finite differences `check` does without --max-elements
EXIT_INTERRUPTED = 130  # as a shell reports a command stopped by SIGINT
USAGE = """nodeeditor [FILE]
       nodeeditor {eval,check,export,code,check-lesson} FILE ...
       nodeeditor explain FILE INPUT [--json] [--all]
       nodeeditor grade REFERENCE SUBMISSION... [--json] [--csv FILE] [--points N]
       nodeeditor import SNIPPET.py -o OUT.bpgraph
       nodeeditor --version"""


class UsageError(Exception):
    pass


class InputError(Exception):
    """A FILE or an output that cannot be used: the whole ``error:`` line after the prefix."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def _number(text: str, *, zero: bool) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid float value: {text!r}") from None
    if not math.isfinite(value) or value < 0 or (value == 0 and not zero):
        kind = "a finite number ≥ 0" if zero else "a finite number > 0"
        raise argparse.ArgumentTypeError(f"must be {kind}, not {text!r}")
    return value


def _count(text: str) -> int:
    try:
        value = int(text.replace("_", "").replace(",", ""))
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number > 0, not {text!r}")
    return value


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="nodeeditor",
        usage=USAGE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Backprop Studio: computational graphs with live values and gradients.\n\n"
        "  nodeeditor [FILE]     open the editor in a window (with the graph FILE)\n"
        "  nodeeditor COMMAND    the commands below, no window needed",
    )
    p.add_argument("--version", action="version", version=f"Backprop Studio {__version__}")
    from .cli_explain import add_eval_options, add_explain_parser

    sub = p.add_subparsers(dest="command", title="commands", metavar="{" + ",".join(COMMANDS) + "}")
    ev = sub.add_parser("eval", help="print values and gradients of a graph file")
    ev.add_argument("file")
    ev.add_argument("--json", action="store_true", help="print the JSON of FILE-FORMAT")
    add_eval_options(ev)
    ck = sub.add_parser("check", help="backprop vs numerical gradients, with timings")
    ck.add_argument("file")
    ck.add_argument(
        "--eps", type=lambda t: _number(t, zero=False), default=1e-6, help="step of central differences"
    )
    ck.add_argument("--rtol", type=lambda t: _number(t, zero=True), default=1e-4, help="relative tolerance")
    ck.add_argument("--atol", type=lambda t: _number(t, zero=True), default=1e-6, help="absolute tolerance")
    ck.add_argument(
        "--max-elements",
        type=_count,
        default=MAX_CHECK_ELEMENTS,
        metavar="N",
        help=f"check at most N input elements, two forward passes each (default {MAX_CHECK_ELEMENTS:,})",
    )
    ex = sub.add_parser("export", help="draw the graph with its labels to PNG or SVG")
    ex.add_argument("file")
    ex.add_argument("-o", "--output", required=True, help="OUT.png or OUT.svg")
    cli_code.add_parser(sub)
    from . import cli_grade, cli_import

    cli_grade.add_parser(sub)
    cli_import.add_parser(sub)
    cl = sub.add_parser("check-lesson", help="check a lesson file: its pages and their tasks")
    cl.add_argument("file")
    add_explain_parser(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    argv_given = argv
    argv = list(sys.argv[1:] if argv is None else argv)
    file_arg = ""
    try:
        if not argv or (argv[0] not in COMMANDS and not argv[0].startswith("-")):
            file_arg = argv[0] if argv else "nodeeditor"
            return _run_editor(argv)
        args = _parser().parse_args(argv)
        if args.command is None:
            raise UsageError(f"name a command: {_listed(COMMANDS, 'or')} (or a FILE to open)")
        file_arg = args.file
        from .cli_explain import eval_chain, explain

        chain = args.command == "eval" and any(
            getattr(args, k) is not None for k in ("target", "wrt", "element")
        )
        command = {
            "eval": eval_chain if chain else _eval,
            "check": _check,
            "export": _export,
            "code": cli_code.run,
            "grade": _grade,
            "import": _import,
            "check-lesson": _check_lesson,
            "explain": explain,
        }[args.command]
        args.one_shot = argv_given is None and args.command in ("eval", "check", "explain")
        if args.one_shot:  # a process that builds one graph, prints and ends
            gc.disable()  # the cycle collector would only walk the new graph and free nothing
            _end_process(command(args))
        return command(args)
    except UsageError as exc:
        return _fail(f"{exc} (see nodeeditor --help)")
    except InputError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        _fail(f"{file_arg}: stopped (Ctrl+C)")
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # ``nodeeditor eval FILE | head``: the reader has all it wanted
        if argv_given is None:
            _end_process(0)  # quietly: Python would complain while flushing on the way out
        return 0
    except MemoryError:
        return _fail(f"{file_arg}: this graph needs more memory than the computer has")
    except Exception as exc:
        from .model import GraphFileError

        if isinstance(exc, GraphFileError):
            return _fail(f"{file_arg}: {exc}")
        return _fail(f"{file_arg}: unexpected problem: {type(exc).__name__}: {exc}")


def _end_process(code: int) -> NoReturn:
    """End an ``eval`` or ``check`` process at once, once its output is out: tearing down
    a big graph object by object (~0.04 s for 100k nodes) only hands the memory back
    to the system, which ending the process does anyway. Nothing else is left to run:
    these commands open no files and start no threads."""
    for stream in (sys.stdout, sys.stderr):  # None in a windowed app on Windows
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):  # a reader that stopped reading (``| head``): nothing to say
            pass
    os._exit(code)


def _fail(message: str) -> int:
    """One ``error:`` line, whatever the file or the argument holds."""
    if sys.stderr is not None:  # a windowed app on Windows has no stderr
        print(f"error: {printable(message)}", file=sys.stderr)
    return 2


# -- the editor -----------------------------------------------------------------------


def _run_editor(argv: list[str]) -> int:
    """Everything that would make the window fail is said before Qt starts: a word that is
    no file (a mistyped command?), a FILE that does not exist or is no file, no display."""
    if argv:
        _check_editor_file(argv)
    problem = window_problem()
    if problem:
        raise InputError(problem)
    from .gui.app import run

    return run(argv[0] if argv else None)


def _listed(words: Sequence[str], last: str) -> str:
    return f"{', '.join(words[:-1])} {last} {words[-1]}"


def _check_editor_file(argv: list[str]) -> None:
    word = argv[0]
    path = Path(word)
    if not path.exists() and re.fullmatch(r"[A-Za-z][\w-]*", word):
        close = difflib.get_close_matches(word.lower(), COMMANDS, n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        raise UsageError(
            f"{word}: no such command or file{hint}; the commands are {_listed(COMMANDS, 'and')}"
        )
    if len(argv) > 1:
        raise UsageError("the editor opens one FILE at a time")
    if not path.exists():
        raise InputError(f"{word}: no such file")
    if path.is_dir():
        raise InputError(f"{word}: is a folder, not a graph file")
    if not path.is_file():
        raise InputError(f"{word}: not a regular file (a pipe or a device?)")


def _grade(args: argparse.Namespace) -> int:
    from .cli_grade import run

    return run(args)


# -- eval -----------------------------------------------------------------------------


def _eval(args: argparse.Namespace) -> int:
    from .gc_pause import gc_paused
    from .model import evaluate
    from .model.fileformat import from_document, read_document

    document = read_document(args.file)
    with gc_paused():
        graph = from_document(document, layout=False)  # nothing is drawn: nodes without pos need none
    result = evaluate(graph)
    if args.json:
        print(json_printable(json.dumps(eval_document(graph, result), ensure_ascii=False)))
    else:
        print(eval_summary(Path(args.file).name, graph, result))
    if args.one_shot:
        # End while the parsed file and the graph are still alive: freeing a 100k-node
        # file's million JSON objects one by one takes ~0.08 s and helps nobody.
        _end_process(0)
    return 0


def eval_document(graph, result) -> dict:
    """The ``eval --json`` object of FILE-FORMAT.md."""
    from .model.values import to_json

    nodes = {n: {"value": to_json(result.value(n)), "grad": to_json(result.grad(n))} for n in graph.nodes}
    edges = [
        {
            "from": e.src,
            "to": e.dst,
            "port": e.port,
            "value": to_json(result.wire_value(e)),
            "grad": to_json(result.wire_grad(e)),
        }
        for e in graph.edges
    ]
    return {"nodes": nodes, "edges": edges}


def eval_summary(title: str, graph, result) -> str:
    """The ``eval`` table. Ids, names and the file name are the file's own text: shown with
    their control characters escaped, so they cannot restyle the terminal or add lines."""
    from .model.values import format_value

    def who(n: str) -> str:
        name = graph.name_of(n)
        return printable(n if not name or name == n else f"{name} ({n})")

    def rows(ids: list[str]) -> list[tuple[str, str, str]]:
        values = [format_value(v, 8) for v in result.values_of(ids)]
        grads = [format_value(g, 8) for g in result.grads_of(ids)]
        return list(zip(map(who, ids), values, grads, strict=True))

    inputs, outputs = graph.of_type("Input"), graph.of_type("Output")
    in_rows, out_rows = rows(inputs), rows(outputs)
    width = max([len(r[0]) for r in in_rows + out_rows] + [6])
    lines = [f"{printable(title)}: {len(graph)} nodes, {graph.edge_count} wires"]
    if result.loss is not None:
        lines.append(f"loss L = {format_value(result.loss, 8)}")
    lines.append(f"{'Input':<{width}}  {'value':>14}  {'dL/d(input)':>14}")
    lines.extend(f"{n:<{width}}  {v:>14}  {g:>14}" for n, v, g in in_rows)
    lines.append(f"{'Output':<{width}}  {'value':>14}  {'seed':>14}")
    lines.extend(f"{n:<{width}}  {v:>14}  {g:>14}" for n, v, g in out_rows)
    lines.extend(f"note: {who(n)}: {printable(str(result.problem(n)))}" for n in result.problem_nodes())
    if not outputs:
        lines.append("note: no Output node, so there are no gradients")
    return "\n".join(lines)


# -- check ----------------------------------------------------------------------------


def _check(args: argparse.Namespace) -> int:
    import numpy as np

    from .model import evaluate, gradient_check, load
    from .model.diagnosis import explain_disagreement
    from .model.values import format_number, format_value

    graph = load(args.file, layout=False)
    name = printable(Path(args.file).name)
    elements = check_elements(graph)
    if elements > args.max_elements:
        raise InputError(
            f"{args.file}: the check would take {2 * elements:,} forward passes (two for each of "
            f"{elements:,} input elements); it does at most {args.max_elements:,} elements unless "
            f"you allow more with --max-elements {elements}"
        )
    progress = Progress(f"check {name}", elements)
    with np.errstate(all="ignore"):  # inf − inf and 0/0 are answers here, shown as NaN: no warnings
        try:
            report = gradient_check(graph, eps=args.eps, rtol=args.rtol, atol=args.atol, tick=progress.tick)
        finally:
            progress.clear()
        if not report.rows:
            print(f"{name}: no Input nodes to check")
            return 0
        width = max(len(printable(r.node_id)) for r in report.rows) + 2
        print(f"{name}: backprop vs numerical gradient (central differences, eps={args.eps:g})")
        print(f"{'Input':<{width}}{'backprop':>16}{'numerical':>16}{'max |diff|':>12}  verdict")
        for r in report.rows:
            node = printable(r.node_id)
            if r.backprop is None or r.numerical is None:
                print(f"{node:<{width}}{'—':>16}{'—':>16}{'—':>12}  no gradient (no Output)")
                continue
            diff = float(np.max(np.abs(r.backprop - r.numerical)))
            diff_text = f"{diff:.2e}" if math.isfinite(diff) else format_number(diff)
            verdict = "agree" if r.agrees else "DISAGREE"
            print(
                f"{node:<{width}}{format_value(r.backprop, 8):>16}"
                f"{format_value(r.numerical, 8):>16}{diff_text:>12}  {verdict}"
            )
            why = None if r.agrees else explain_disagreement(graph, evaluate(graph), r.node_id, args.eps)
            for line in (why or "").splitlines():
                print(f"  why: {printable(line)}")
    bp, num = report.backprop_seconds, report.numerical_seconds
    print(f"backprop:  one forward + one backward pass        {bp * 1e3:10.3f} ms")
    print(f"numerical: {2 * elements} forward passes (2 per input element) {num * 1e3:10.3f} ms", end="")
    print(f"  ({num / bp:.1f}x the time)" if bp > 0 else "")
    print(f"tolerance: |diff| <= {report.atol:g} + {report.rtol:g}·|numerical|")
    return 0 if report.ok else 1


def check_elements(graph) -> int:
    """How many input elements ``check`` differentiates (each costs two forward passes):
    every element of every Input, or none when no Output asks for gradients."""
    import numpy as np

    if not graph.of_type("Output"):
        return 0
    return sum(int(np.size(graph.params_of(n)["value"])) for n in graph.of_type("Input"))


def _import(args: argparse.Namespace) -> int:
    from . import cli_import

    return cli_import.run(args)


def _check_lesson(args: argparse.Namespace) -> int:
    from .cli_lesson import check_lesson

    return check_lesson(args)


# -- export ---------------------------------------------------------------------------


def _export(args: argparse.Namespace) -> int:
    if Path(args.output).suffix.lower() not in (".png", ".svg"):
        raise UsageError(f"{args.output}: the picture must end in .png or .svg")
    _check_output(Path(args.output))
    from PySide6.QtCore import qInstallMessageHandler

    from .gui.export import ExportError, export_file

    # Qt's own warnings (a painter that could not start, ...) would come before our one line.
    qInstallMessageHandler(lambda *_: None)
    try:
        export_file(args.file, args.output)
    except ExportError as exc:  # what could not be foreseen: its message names the picture
        raise InputError(str(exc)) from None
    return 0


def _check_output(out: Path) -> None:
    """Say why the picture cannot be written before drawing it: Qt would only say that it
    failed, after all the drawing. A file is opened as the export will open it (appending
    changes nothing; a new one is removed again)."""
    if out.is_dir():
        why = "it is a folder"
    elif not out.parent.is_dir():
        why = (
            f"there is no folder {out.parent}" if not out.parent.exists() else f"{out.parent} is not a folder"
        )
    else:
        why = _cannot_write(out)
    if why:
        raise InputError(f"{out}: cannot write the picture: {why}")


def _cannot_write(out: Path) -> str | None:
    try:
        if out.exists():
            out.open("ab").close()
        else:
            out.open("xb").close()
            out.unlink()
    except OSError as exc:
        return exc.strerror or str(exc)
    return None
