"""Which children a return could be imported without (docs/decisions/0004-refusing-impossible-dates.md).

A return with an impossible date is refused whole by default. When every problem that refuses it
is attached to a particular child (a date in the future, an episode ending before it starts),
the person importing may choose to import the rest and leave those children out of every figure.
A problem about the file itself (not a return, not well-formed, the wrong LA or year, no
Episodes table) can never be set aside this way.

Pure Python: no Django, so the importer, the command and the tests share one rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .common import ReturnProblem


@dataclass(frozen=True, slots=True)
class ChildLeftOut:
    """A child whose problems refuse the return: ``child`` is the identifier as in the file."""

    child: str
    problems: tuple[ReturnProblem, ...]


def children_to_leave_out(problems: Iterable[ReturnProblem]) -> list[ChildLeftOut] | None:
    """The children to leave out so that the rest can be imported, in the order first met.

    ``None`` when a fatal problem is about the file rather than a child: then nothing can be
    imported. An empty list when no problem is fatal.
    """
    by_child: dict[str, list[ReturnProblem]] = {}
    for problem in problems:
        if not problem.fatal:
            continue
        if not problem.child:
            return None
        by_child.setdefault(problem.child, []).append(problem)
    return [ChildLeftOut(child, tuple(found)) for child, found in by_child.items()]


def children_text(n: int) -> str:
    """ "1 child", "3 children", "1,200 children"."""
    return f"{n:,} child" if n == 1 else f"{n:,} children"


def these_children(n: int) -> str:
    """ "this child", "these 3 children": how the choice to leave them out names them."""
    return "this child" if n == 1 else f"these {children_text(n)}"


def left_out_text(n: int) -> str:
    """How a figure says what it leaves out: "1 child left out", "3 children left out"."""
    return f"{children_text(n)} left out"
