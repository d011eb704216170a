"""Rules for reading a figure against its target: RAG, direction of travel, partnership totals.

Pure Python (no Django) so the rules can be tested on their own. Values are Decimals.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

# How a ratio is scaled to the indicator's unit (masa.indicators.models.Unit values).
SCALE = {"percent": Decimal(100), "rate_10k": Decimal(10_000), "days": Decimal(1), "number": Decimal(1)}
ONE_PLACE = Decimal("0.1")


class Rag(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"


RAG_TEXT = {
    Rag.GREEN: "On target",
    Rag.AMBER: "Near target",
    Rag.RED: "Off target",
}


def rag(
    value: Decimal | None, target: Decimal | None, tolerance: Decimal | None, polarity: str
) -> Rag | None:
    """Green meets the target, amber is within the tolerance of it, red is beyond.

    No RAG when there is no figure, no target, or the indicator has no better direction
    ("neither": a rise in contacts is not good or bad in itself).
    """
    if value is None or target is None or polarity not in ("higher", "lower"):
        return None
    tolerance = abs(tolerance or Decimal(0))
    shortfall = target - value if polarity == "higher" else value - target
    if shortfall <= 0:
        return Rag.GREEN
    if shortfall <= tolerance:
        return Rag.AMBER
    return Rag.RED


class Direction(StrEnum):
    UP = "up"
    DOWN = "down"
    SAME = "same"


@dataclass(frozen=True)
class Travel:
    direction: Direction
    change: Decimal
    # True improving, False worsening, None when the polarity is "neither" or nothing changed.
    improving: bool | None

    @property
    def text(self) -> str:
        if self.direction == Direction.SAME:
            return "No change"
        moved = f"{'Up' if self.direction == Direction.UP else 'Down'} {_plain(abs(self.change))}"
        if self.improving is None:
            return moved
        return f"{moved}, {'improving' if self.improving else 'worsening'}"


def _plain(number: Decimal) -> str:
    if number == number.to_integral_value():
        return f"{int(number):,}"
    return f"{number.quantize(ONE_PLACE, ROUND_HALF_UP):,}"


def travel(previous: Decimal | None, latest: Decimal | None, polarity: str) -> Travel | None:
    """The direction of travel from the previous period's figure to the latest one."""
    if previous is None or latest is None:
        return None
    change = latest - previous
    if change == 0:
        return Travel(Direction.SAME, Decimal(0), None)
    direction = Direction.UP if change > 0 else Direction.DOWN
    improving: bool | None = None
    if polarity == "higher":
        improving = change > 0
    elif polarity == "lower":
        improving = change < 0
    return Travel(direction, change, improving)


@dataclass(frozen=True)
class Total:
    numerator: Decimal | None
    denominator: Decimal | None
    value: Decimal | None


def ratio_value(numerator: Decimal, denominator: Decimal | None, unit: str) -> Decimal | None:
    """A figure from its parts, to one decimal place; counts are the numerator itself."""
    if unit == "count":
        return numerator
    if not denominator:
        return None
    return (numerator * SCALE.get(unit, Decimal(1)) / denominator).quantize(ONE_PLACE, ROUND_HALF_UP)


def aggregate(parts: Iterable[tuple[Decimal | None, Decimal | None]], unit: str) -> Total:
    """Several figures as one: the sum of numerators over the sum of denominators.

    Rates and percentages are never averaged (an average of rates weights a small borough like a
    large one). If any part lacks what is needed, the total is unknown rather than understated.
    """
    parts = list(parts)
    if not parts or any(n is None for n, _ in parts):
        return Total(None, None, None)
    numerator = sum((n for n, _ in parts if n is not None), Decimal(0))
    if unit == "count":
        return Total(numerator, None, numerator)
    if any(d is None for _, d in parts):
        return Total(numerator, None, None)
    denominator = sum((d for _, d in parts if d is not None), Decimal(0))
    return Total(numerator, denominator, ratio_value(numerator, denominator, unit))
