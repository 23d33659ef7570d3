"""The ``nodeeditor`` command: the editor, ``eval``, ``check`` and ``export``.

Exit status: 0 success, 1 a gradient check failed, 2 bad input or usage
(with one ``error:`` line on stderr). Qt is imported only by the commands
that draw, so ``eval`` and ``check`` start fast and run without a display.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from . import __version__

COMMANDS = ("eval", "check", "export")


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="nodeeditor",
        description="Backprop Studio: computational graphs with live values and gradients.",
    )
    p.add_argument("--version", action="version", version=f"Backprop Studio {__version__}")
    sub = p.add_subparsers(dest="command")
    ev = sub.add_parser("eval", help="print values and gradients of a graph file")
    ev.add_argument("file")
    ev.add_argument("--json", action="store_true", help="print the JSON of FILE-FORMAT")
    ck = sub.add_parser("check", help="backprop vs numerical gradients, with timings")
    ck.add_argument("file")
    ck.add_argument("--eps", type=float, default=1e-6, help="step of central differences")
    ck.add_argument("--rtol", type=float, default=1e-4, help="relative tolerance")
    ck.add_argument("--atol", type=float, default=1e-6, help="absolute tolerance")
    ex = sub.add_parser("export", help="draw the graph with its labels to PNG or SVG")
    ex.add_argument("file")
    ex.add_argument("-o", "--output", required=True, help="OUT.png or OUT.svg")
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
            raise UsageError("name a command: eval, check or export (or a FILE to open)")
        file_arg = args.file
        command = {"eval": _eval, "check": _check, "export": _export}[args.command]
        args.one_shot = argv_given is None and args.command in ("eval", "check")
        if args.one_shot:  # a process that builds one graph, prints and ends
            gc.disable()  # the cycle collector would only walk the new graph and free nothing
            _end_process(command(args))
        return command(args)
    except UsageError as exc:
        return _fail(f"{exc} (see nodeeditor --help)")
    except BrokenPipeError:  # ``nodeeditor eval FILE | head``: the reader has all it wanted
        if argv_given is None:
            _end_process(0)  # quietly: Python would complain while flushing on the way out
        return 0
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
    if sys.stderr is not None:  # a windowed app on Windows has no stderr
        print(f"error: {message}", file=sys.stderr)
    return 2


def _run_editor(argv: list[str]) -> int:
    if len(argv) > 1:
        raise UsageError("the editor opens one FILE at a time")
    from .gui.app import run

    return run(argv[0] if argv else None)


def _eval(args: argparse.Namespace) -> int:
    from .gc_pause import gc_paused
    from .model import evaluate
    from .model.fileformat import from_document, read_document

    document = read_document(args.file)
    with gc_paused():
        graph = from_document(document, layout=False)  # nothing is drawn: nodes without pos need none
    result = evaluate(graph)
    if args.json:
        print(json.dumps(eval_document(graph, result), ensure_ascii=False))
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
    from .model.values import format_value

    def who(n: str) -> str:
        name = graph.name_of(n)
        return n if not name or name == n else f"{name} ({n})"

    def rows(ids: list[str]) -> list[tuple[str, str, str]]:
        values = [format_value(v, 8) for v in result.values_of(ids)]
        grads = [format_value(g, 8) for g in result.grads_of(ids)]
        return list(zip(map(who, ids), values, grads, strict=True))

    inputs, outputs = graph.of_type("Input"), graph.of_type("Output")
    in_rows, out_rows = rows(inputs), rows(outputs)
    width = max([len(r[0]) for r in in_rows + out_rows] + [6])
    lines = [f"{title}: {len(graph)} nodes, {graph.edge_count} wires"]
    if result.loss is not None:
        lines.append(f"loss L = {format_value(result.loss, 8)}")
    lines.append(f"{'Input':<{width}}  {'value':>14}  {'dL/d(input)':>14}")
    lines.extend(f"{n:<{width}}  {v:>14}  {g:>14}" for n, v, g in in_rows)
    lines.append(f"{'Output':<{width}}  {'value':>14}  {'seed':>14}")
    lines.extend(f"{n:<{width}}  {v:>14}  {g:>14}" for n, v, g in out_rows)
    lines.extend(f"note: {who(n)}: {result.problem(n)}" for n in result.problem_nodes())
    if not outputs:
        lines.append("note: no Output node, so there are no gradients")
    return "\n".join(lines)


def _check(args: argparse.Namespace) -> int:
    from .model import evaluate, gradient_check, load
    from .model.diagnosis import explain_disagreement
    from .model.values import format_value

    graph = load(args.file, layout=False)
    report = gradient_check(graph, eps=args.eps, rtol=args.rtol, atol=args.atol)
    name = Path(args.file).name
    if not report.rows:
        print(f"{name}: no Input nodes to check")
        return 0
    width = max(len(r.node_id) for r in report.rows) + 2
    print(f"{name}: backprop vs numerical gradient (central differences, eps={args.eps:g})")
    print(f"{'Input':<{width}}{'backprop':>16}{'numerical':>16}{'max |diff|':>12}  verdict")
    for r in report.rows:
        if r.backprop is None or r.numerical is None:
            print(f"{r.node_id:<{width}}{'—':>16}{'—':>16}{'—':>12}  no gradient (no Output)")
            continue
        diff = float(abs(r.backprop - r.numerical).max())
        verdict = "agree" if r.agrees else "DISAGREE"
        print(
            f"{r.node_id:<{width}}{format_value(r.backprop, 8):>16}"
            f"{format_value(r.numerical, 8):>16}{diff:>12.2e}  {verdict}"
        )
        why = None if r.agrees else explain_disagreement(graph, evaluate(graph), r.node_id, args.eps)
        if why:
            print(f"  why: {why}")
    n_elems = sum(int(r.numerical.size) for r in report.rows if r.numerical is not None)
    bp, num = report.backprop_seconds, report.numerical_seconds
    print(f"backprop:  one forward + one backward pass        {bp * 1e3:10.3f} ms")
    print(f"numerical: {2 * n_elems} forward passes (2 per input element) {num * 1e3:10.3f} ms", end="")
    print(f"  ({num / bp:.1f}x the time)" if bp > 0 else "")
    print(f"tolerance: |diff| <= {report.atol:g} + {report.rtol:g}·|numerical|")
    return 0 if report.ok else 1


def _export(args: argparse.Namespace) -> int:
    if Path(args.output).suffix.lower() not in (".png", ".svg"):
        raise UsageError(f"{args.output}: the picture must end in .png or .svg")
    from .gui.export import export_file

    export_file(args.file, args.output)
    return 0
