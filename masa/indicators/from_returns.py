"""Statutory return figures into the performance dataset.

masa.returns computes its indicators from the imported CIN census and SSDA903 returns; this
service copies them, for one partnership and collection year, into the catalogue indicators whose
``return_indicator`` names them, as values of that year's yearly period. Each value keeps a link
to the active import it came from. Earlier values stay as history (no longer current); a figure
that has not changed is left alone, so running it twice writes nothing new.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from masa.core.actors import Actor, attributed, user_or_none
from masa.indicators.models import Frequency, Indicator, IndicatorValue, Period, ValueSource
from masa.partnership.models import Partnership
from masa.returns.models import ReturnImport, ReturnKind
from masa.returns.readers.indicators import CIN_IDS
from masa.returns.selectors import active_imports, indicators_for

NO_IMPORTS = "There is no active statutory return for {year}: import the CIN census or SSDA903 first"
BAD_YEAR = "Enter the year like 2023-24"


@dataclass
class FromReturnsResult:
    period: Period
    created: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)  # indicator code -> why


def _first_year(year: str) -> int:
    try:
        first, second = year.split("-")
        start = int(first)
        if len(first) != 4 or int(second) != (start + 1) % 100:
            raise ValueError
    except ValueError as error:
        raise ValidationError({"year": BAD_YEAR}) from error
    return start


def yearly_period(partnership: Partnership, year: str) -> Period:
    """The yearly period (April to March) for a year like 2023-24, created if needed."""
    first = _first_year(year)
    period, _ = Period.objects.get_or_create(
        partnership=partnership,
        frequency=Frequency.YEARLY,
        start=date(first, 4, 1),
        defaults={"label": year, "end": date(first + 1, 3, 31)},
    )
    return period


def _decimal(value: object) -> Decimal | None:
    return None if value is None else Decimal(str(value))


@attributed
@transaction.atomic
def values_from_returns(*, actor: Actor, partnership: Partnership, year: str) -> FromReturnsResult:
    """Write the year's statutory return figures as current values of the matching indicators."""
    first = _first_year(year)
    imports = [i for i in active_imports(partnership) if i.year == year]
    if not imports:
        raise ValidationError({"year": NO_IMPORTS.format(year=year)})
    by_kind: dict[str, ReturnImport] = {}
    for return_import in imports:
        by_kind.setdefault(return_import.kind, return_import)
    results = indicators_for(partnership, year)
    period = yearly_period(partnership, f"{first}-{(first + 1) % 100:02d}")
    outcome = FromReturnsResult(period=period)
    indicators = Indicator.objects.filter(partnership=partnership, is_active=True).exclude(
        return_indicator=""
    )
    current = {
        v.indicator_id: v
        for v in IndicatorValue.objects.filter(partnership=partnership, period=period, is_current=True)
    }
    for indicator in indicators.order_by("code"):
        result = results.get(indicator.return_indicator)
        if result is None:
            outcome.skipped[indicator.code] = (
                f"masa computes no indicator called {indicator.return_indicator}"
            )
            continue
        source = by_kind.get(ReturnKind.CIN if indicator.return_indicator in CIN_IDS else ReturnKind.SSDA903)
        if result["value"] is None or source is None:
            outcome.skipped[indicator.code] = (
                result.get("reason") or "the return for it has not been imported"
            )
            continue
        numerator, denominator, value = (
            _decimal(result["numerator"]),
            _decimal(result["denominator"]),
            _decimal(result["value"]),
        )
        old = current.get(indicator.pk)
        if (
            old is not None
            and old.source == ValueSource.RETURN_IMPORT
            and old.return_import_id == source.pk
            and (old.numerator, old.denominator, old.value) == (numerator, denominator, value)
        ):
            outcome.unchanged.append(indicator.code)
            continue
        if old is not None:
            old.is_current = False
            old.save(update_fields=["is_current", "updated_at"])
        IndicatorValue.objects.create(
            partnership=partnership,
            indicator=indicator,
            period=period,
            numerator=numerator,
            denominator=denominator,
            value=value,
            source=ValueSource.RETURN_IMPORT,
            return_import=source,
            entered_by=user_or_none(actor),
        )
        outcome.created.append(indicator.code)
    return outcome
