"""Arithmetic of the effectiveness review's figures, with no database (docs/domain.md, "15.")."""

from datetime import date

# The Board meets at least quarterly and the lead safeguarding partners at least twice a year
# (docs/domain.md, "7. The partnership's structure"), whatever a group's record says.
STATUTORY_MINIMUM = {"board": 4, "lsp": 2}


def expected_meetings(kind: str, min_per_year: int, start: date, end: date) -> int:
    """The meetings a group should have held from `start` to `end` inclusive: its yearly minimum
    in proportion to the period's length, rounded to the nearest whole meeting."""
    per_year = max(min_per_year, STATUTORY_MINIMUM.get(kind, 0))
    days = (end - start).days + 1
    return round(per_year * days / 365)


def percent(part: int, whole: int) -> float | None:
    """`part` as a percentage of `whole` to one decimal place, or None when there is no whole."""
    return None if whole == 0 else round(100 * part / whole, 1)
