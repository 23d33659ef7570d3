"""``nodeeditor grade REFERENCE SUBMISSION... [--json] [--csv FILE] [--points N]``.

Every submission gets a row (file, verdict, score, reason), whatever it holds; only a
REFERENCE that cannot be graded against is an ``error:`` line (exit 2). Exit 0 when every
submission passes, 1 when any fails.
"""

from __future__ import annotations

import argparse
import json
import unicodedata
from pathlib import Path

from .terminal import json_printable, printable

MAX_POINTS = 1_000  # random points: each is one more copy of every submission in the batched pass


def add_parser(sub) -> None:  # sub: argparse's subparsers
    gr = sub.add_parser("grade", help="grade students' graph files against a reference")
    gr.add_argument("file", metavar="REFERENCE", help="the teacher's graph file")
    gr.add_argument("submissions", nargs="+", metavar="SUBMISSION", help="the students' graph files")
    gr.add_argument("--json", action="store_true", help="print the grades as JSON")
    gr.add_argument("--csv", metavar="FILE", help="also write the table to FILE (UTF-8, for a spreadsheet)")
    gr.add_argument(
        "--points",
        type=_points,
        default=5,
        metavar="N",
        help="random points besides the reference's values (default 5)",
    )


def _points(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 <= value <= MAX_POINTS:
        raise argparse.ArgumentTypeError(f"must be a whole number from 0 to {MAX_POINTS}, not {text!r}")
    return value


def run(args: argparse.Namespace) -> int:
    from .cli import InputError
    from .model.grading import BadReferenceError, csv_bytes, load_reference, table_rows
    from .model.safe_write import write_file

    if args.csv:
        _check_csv(Path(args.csv))
    try:
        reference = load_reference(args.file, args.points)
    except BadReferenceError as exc:
        raise InputError(f"{args.file}: {exc}") from None
    rows = [reference.grade_file(path) for path in args.submissions]
    if args.json:
        print(json_printable(json.dumps(json_document(args.file, rows), ensure_ascii=False)))
    else:
        print(table(rows))
    if args.csv:
        header = ("file", "verdict", "score", "reason")
        try:
            write_file(args.csv, csv_bytes(header, table_rows(rows, "pass", "FAIL")))
        except OSError as exc:
            raise InputError(f"{args.csv}: cannot write the table: {exc.strerror or exc}") from None
    return 0 if all(r.ok for r in rows) else 1


def _check_csv(out: Path) -> None:
    """Say before grading, not after, that the table cannot be written where asked."""
    from .cli import InputError, _cannot_write

    if out.is_dir():
        why = "it is a folder"
    elif not out.parent.is_dir():
        why = f"there is no folder {out.parent}"
    else:
        why = _cannot_write(out)
    if why:
        raise InputError(f"{out}: cannot write the table: {why}")


def _columns(text: str) -> int:
    """How many terminal columns ``text`` takes: a Korean or Chinese character takes two."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def json_document(reference: str, rows) -> dict:
    """The ``grade --json`` object of docs/file-format.md."""
    submissions = [{"file": r.file, "ok": r.ok, "score": r.score, "reason": r.reason_text()} for r in rows]
    return {"reference": reference, "submissions": submissions}


def table(rows) -> str:
    from .model.grading import table_rows

    cells = [[printable(c) for c in row] for row in table_rows(rows, "pass", "FAIL")]
    width = max([_columns(c[0]) for c in cells] + [4])
    lines = [f"{'file':<{width}}  verdict  {'score':>6}  reason"]
    lines += [f"{f}{' ' * (width - _columns(f))}  {v:<7}  {s:>6}  {why}".rstrip() for f, v, s, why in cells]
    passed = sum(r.ok for r in rows)
    lines.append(f"{passed} of {len(rows)} passed")
    return "\n".join(lines)
