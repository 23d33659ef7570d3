"""Regression test for PySide6 6.12.0's None-refcount bug.

With PySide6 6.12.0 on Python <= 3.11, every call to a Qt method that returns
nothing (``QPointF.setX``, ``QGraphicsItem.setFlag``, ...) drops one reference
to ``None`` without having taken it. After a few thousand calls the count hits
zero and the process dies with ``Fatal Python error: none_dealloc``. 6.11.x is
fine, and pyproject.toml pins ``PySide6-Essentials<6.12`` on Python < 3.12.

Python 3.12 made ``None`` immortal (PEP 683): its refcount no longer moves, so
the bug cannot crash there and cannot be seen either. The count test then only
checks that the calls themselves work; the guard that matters is on <= 3.11,
which is what CI runs.
"""

import sys

import PySide6
import pytest
from PySide6.QtCore import QPointF

CALLS = 2000
TOLERANCE = 100  # unrelated code may hold or release a few references to None


def _none_is_immortal() -> bool:
    before = sys.getrefcount(None)
    held = [None] * 1000
    moved = sys.getrefcount(None) != before
    del held
    return not moved


def test_void_qt_calls_do_not_drain_the_refcount_of_none() -> None:
    point = QPointF()
    assert point.setX(1.0) is None

    before = sys.getrefcount(None)
    for _ in range(CALLS):
        point.setX(1.0)
    after = sys.getrefcount(None)

    assert point.x() == 1.0
    assert before - after <= TOLERANCE, (
        f"{CALLS} calls to QPointF.setX() dropped {before - after} references to None "
        f"(PySide6 {PySide6.__version__}); the process would soon die with "
        "'Fatal Python error: none_dealloc'"
    )


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal on Python 3.12+")
def test_the_refcount_check_can_see_a_leak_on_this_python() -> None:
    # The test above is only meaningful where None's refcount moves.
    assert not _none_is_immortal()


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="the bug only bites on Python <= 3.11")
def test_installed_pyside6_is_not_the_broken_release() -> None:
    assert tuple(PySide6.__version_info__[:3]) != (6, 12, 0), (
        "PySide6 6.12.0 crashes on Python <= 3.11 (none_dealloc); install the version pyproject.toml pins"
    )
