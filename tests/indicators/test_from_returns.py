"""Statutory return figures into the dataset: yearly values linked to the active import, with history."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from masa.indicators.from_returns import BAD_YEAR, values_from_returns
from masa.indicators.models import Indicator, IndicatorValue, Period, ValueSource
from masa.returns.models import ImportStatus, ReturnImport
from masa.returns.selectors import indicators_for
from tests.factories import SETUP, PartnershipFactory
from tests.returns.test_import_return import LA, import_la, write_la_files

pytestmark = pytest.mark.django_db


@pytest.fixture
def partnership(tmp_path):
    partnership = PartnershipFactory(slug="borough", la_code=LA)
    import_la("borough", write_la_files(tmp_path))
    for code, ret, unit in (
        ("referrals", "referrals", "count"),
        ("re_referrals", "re_referrals_pct", "percent"),
        ("cla", "cla_31mar", "count"),
        ("unknown", "no_such_indicator", "count"),
        ("local", "", "count"),
    ):
        Indicator.objects.create(
            partnership=partnership, code=code, title=code, definition="d", unit=unit, return_indicator=ret
        )
    return partnership


def test_writes_the_years_figures_linked_to_the_active_imports(partnership):
    expected = indicators_for(partnership, "2023-24")
    result = values_from_returns(actor=SETUP, partnership=partnership, year="2023-24")
    assert sorted(result.created) == ["cla", "re_referrals", "referrals"]
    assert "unknown" in result.skipped
    period = Period.objects.get(partnership=partnership, frequency="yearly", label="2023-24")
    assert (period.start.isoformat(), period.end.isoformat()) == ("2023-04-01", "2024-03-31")
    referrals = IndicatorValue.objects.get(indicator__code="referrals", period=period, is_current=True)
    assert referrals.value == Decimal(str(expected["referrals"]["value"]))
    assert referrals.source == ValueSource.RETURN_IMPORT
    assert referrals.return_import == ReturnImport.objects.get(
        partnership=partnership, year="2023-24", kind="cin", status=ImportStatus.ACTIVE
    )
    cla = IndicatorValue.objects.get(indicator__code="cla", period=period, is_current=True)
    assert cla.return_import.kind == "ssda903"
    pct = IndicatorValue.objects.get(indicator__code="re_referrals", period=period, is_current=True)
    assert pct.denominator == Decimal(str(expected["re_referrals_pct"]["denominator"]))


def test_running_again_writes_nothing_and_a_different_figure_keeps_history(partnership):
    values_from_returns(actor=SETUP, partnership=partnership, year="2023-24")
    count = IndicatorValue.objects.count()
    again = values_from_returns(actor=SETUP, partnership=partnership, year="2023-24")
    assert again.created == [] and len(again.unchanged) == 3
    assert IndicatorValue.objects.count() == count

    current = IndicatorValue.objects.get(indicator__code="referrals", is_current=True)
    IndicatorValue.objects.filter(pk=current.pk).update(value=Decimal(1), source=ValueSource.ENTERED)
    third = values_from_returns(actor=SETUP, partnership=partnership, year="2023-24")
    assert third.created == ["referrals"]
    history = IndicatorValue.objects.filter(indicator__code="referrals").order_by("created_at", "pk")
    assert [v.is_current for v in history] == [False, True]


def test_refuses_a_year_without_imports_or_a_badly_written_year(partnership):
    with pytest.raises(ValidationError) as error:
        values_from_returns(actor=SETUP, partnership=partnership, year="2019-20")
    assert "no active statutory return for 2019-20" in str(error.value)
    with pytest.raises(ValidationError) as error:
        values_from_returns(actor=SETUP, partnership=partnership, year="2023")
    assert BAD_YEAR in str(error.value)
    assert not IndicatorValue.objects.exists()
