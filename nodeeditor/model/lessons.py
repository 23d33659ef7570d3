"""A graph file's lesson: a title and pages in each language, a task on each page.

The file's ``lesson`` object (docs/file-format.md, "Lessons") is either the old form,
one paragraph per language (a lesson of one page, no task), or pages::

    "lesson": {
      "en": {"title": "The chain rule"}, "ko": {"title": "연쇄 법칙"},
      "pages": [{"en": {"text": "…", "do": "Set x so that z = 16."},
                 "ko": {"text": "…", "do": "z = 16이 되도록 x를 정하세요."},
                 "task": {"check": "value", "node": "z", "equals": 16}}]
    }

``read_lesson`` reads it strictly and lists every problem with its place; what it can
read it keeps, so an editor can still show a lesson whose one task is broken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .graph import Graph
from .tasks import Task, TaskError, read_task

KEY = "lesson"
LANGUAGE = re.compile(r"[a-z]{2}")
FALLBACK = "en"


@dataclass(frozen=True)
class PageText:
    text: str
    do: str = ""  # the task in words


@dataclass
class Page:
    texts: dict[str, PageText]
    task: Task | None = None
    problem: str | None = None  # why the page's task could not be read (English)

    def text(self, language: str) -> PageText:
        return _pick(self.texts, language) or PageText("")


@dataclass
class Lesson:
    titles: dict[str, str]
    pages: list[Page] = field(default_factory=list)

    def title(self, language: str) -> str:
        return _pick(self.titles, language) or ""


def _pick(entries: dict[str, Any], language: str) -> Any:
    """The entry of ``language``, else English, else the first there is."""
    for code in (language, FALLBACK):
        if code in entries:
            return entries[code]
    return next(iter(entries.values()), None)


def read_lesson(graph: Graph) -> tuple[Lesson | None, list[str]]:
    """The graph's lesson (None if it has none, or none that can be shown) and every
    problem found in it, one line each, starting with its place."""
    obj = graph.meta.get(KEY)
    if obj is None:
        return None, []
    problems: list[str] = []
    if not isinstance(obj, dict):
        return None, [f"{KEY}: must be an object with a title and text for each language"]
    languages = [k for k in obj if k != "pages"]
    for key in languages:
        if not LANGUAGE.fullmatch(key):
            problems.append(f'{KEY}.{key}: neither a language code (such as "en", "ko") nor "pages"')
    languages = [k for k in languages if LANGUAGE.fullmatch(k)]
    if not languages:
        return None, [*problems, f'{KEY}: has no language entry (such as "en": {{"title": …}})']
    titles = {code: _title(obj[code], f"{KEY}.{code}", "pages" in obj, problems) for code in languages}
    if "pages" in obj:
        pages = _pages(obj["pages"], languages, graph, problems)
    else:
        pages = [Page({c: PageText(_string(obj[c], "text", f"{KEY}.{c}", problems)) for c in languages})]
    return Lesson(titles, pages), problems


def _string(entry: Any, key: str, where: str, problems: list[str], required: bool = True) -> str:
    value = entry.get(key) if isinstance(entry, dict) else None
    if isinstance(value, str) and (value.strip() or not required):
        return value
    if value is None and not required:
        return ""
    if value is None:
        problems.append(
            f'{where}: needs "{key}"' if isinstance(entry, dict) else f"{where}: must be an object"
        )
    else:
        problems.append(
            f"{where}.{key}: must be text" + ("" if isinstance(value, str) else ", not a number or list")
        )
    return ""


def _title(entry: Any, where: str, paged: bool, problems: list[str]) -> str:
    allowed = {"title", "text"}
    for key in entry if isinstance(entry, dict) else ():
        if key not in allowed:
            problems.append(
                f'{where}.{key}: not a key of a lesson\'s language entry (it has "title", "text")'
            )
    if paged:  # "text" is then the summary apps without pages show
        _string(entry, "text", where, problems, required=False)
    return _string(entry, "title", where, problems)


def _pages(obj: Any, languages: list[str], graph: Graph, problems: list[str]) -> list[Page]:
    where = f"{KEY}.pages"
    if not isinstance(obj, list) or not obj:
        problems.append(f"{where}: must be a list of one page or more")
        return []
    return [_page(p, f"{where}[{i}]", languages, graph, problems) for i, p in enumerate(obj)]


def _page(obj: Any, where: str, languages: list[str], graph: Graph, problems: list[str]) -> Page:
    if not isinstance(obj, dict):
        problems.append(f"{where}: must be an object with a text for each language and a task")
        return Page({})
    for key in obj:
        if key != "task" and key not in languages:
            problems.append(f'{where}.{key}: not a language of the lesson\'s title, nor "task"')
    texts = {}
    for code in languages:
        entry = obj.get(code)
        if entry is None:
            problems.append(f'{where}: has no "{code}" text, though the lesson has a "{code}" title')
            continue
        for key in entry if isinstance(entry, dict) else ():
            if key not in ("text", "do"):
                problems.append(f'{where}.{code}.{key}: not a key of a page\'s text (it has "text", "do")')
        do = _string(entry, "do", f"{where}.{code}", problems, required="task" in obj)
        texts[code] = PageText(_string(entry, "text", f"{where}.{code}", problems), do)
    page = Page(texts)
    if "task" in obj:
        try:
            page.task = read_task(obj["task"], f"{where}.task", graph)
        except TaskError as exc:
            page.problem = str(exc)
            problems.append(page.problem)
    return page
