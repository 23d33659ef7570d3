"""``nodeeditor check-lesson FILE``: is this lesson file one the app can teach with?

Every problem is one line naming its place (``lesson.pages[2].task.node: no node "q"``),
and the exit status is 2 if there is any; a good lesson prints ``ok`` and its size.
"""

from __future__ import annotations

import argparse
import sys

from .terminal import printable


def check_lesson(args: argparse.Namespace) -> int:
    from .model import load
    from .model.lessons import read_lesson

    graph = load(args.file, layout=False)  # a file that cannot be read: the caller's one error line
    lesson, problems = read_lesson(graph)
    if lesson is None and not problems:
        problems = ['has no "lesson" (docs/file-format.md, "Lessons")']
    for problem in problems:
        print(f"error: {printable(args.file)}: {printable(problem)}", file=sys.stderr)
    if problems:
        return 2
    assert lesson is not None
    tasks = sum(page.task is not None for page in lesson.pages)
    print(f"ok: {len(lesson.pages)} page{'s' * (len(lesson.pages) != 1)}, {tasks} task{'s' * (tasks != 1)}")
    return 0
