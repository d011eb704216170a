"""The performance dataset demo: Hounslow's 2023-24 figures from the yearly report, loaded once."""

from decimal import Decimal

import pytest

from masa.demo.indicators_loader import load_all_indicators_demo
from masa.indicators.models import (
    Commentary,
    Frequency,
    Indicator,
    IndicatorValue,
    Period,
    Submission,
    SubmissionStatus,
    ValueSource,
)
from masa.indicators.rag import aggregate
from masa.partnership.models import Partnership
from tests.module_db import module_transaction

pytestmark = pytest.mark.django_db


def load_structure_and_returns() -> None:
    """The demo partnerships' structure and Hounslow's 2023-24 returns, as `make demo` loads them
    (without the meetings and reviews the dashboards do not need)."""
    from django.contrib.auth.hashers import make_password

    from masa.demo.loader import _load_partnership
    from masa.demo.returns_loader import load_returns_demo
    from masa.demo.structure_data import PARTNERSHIPS

    password = make_password("not-used")
    for data in PARTNERSHIPS:
        _load_partnership(data, set(), password)
    load_returns_demo()


@pytest.fixture(scope="module")
def _loaded_for_module(django_db_setup, django_db_blocker):
    """Loaded once for the module (loading takes several seconds); each test's changes roll back."""
    with module_transaction(django_db_blocker):
        load_structure_and_returns()
        load_all_indicators_demo()
        yield


@pytest.fixture
def loaded(_loaded_for_module, db):
    return Partnership.objects.get(slug="hounslow")


def _current(partnership, code, label):
    return IndicatorValue.objects.get(
        partnership=partnership, indicator__code=code, period__label=label, is_current=True
    )


def test_hounslow_2023_24_figures_match_the_yearly_report(loaded):
    counts = {
        "contacts": 21_400,
        "referrals": 2_500,
        "s47": 1_050,
        "icpc": 430,
        "cp_plans": 250,
        "cla": 290,
        "uasc": 53,
    }
    for code, expected in counts.items():
        assert _current(loaded, code, "2023-24").value == expected, code
    assert _current(loaded, "referrals_assessed_pct", "2023-24").value == Decimal("92.0")
    assert _current(loaded, "attendance_pct", "2023-24").value == Decimal("93.6")
    assert _current(loaded, "persistent_absence_pct", "2023-24").value == Decimal("18.2")
    camhs = {
        label: _current(loaded, "camhs_referrals", label).value for label in ("2020", "2021", "2022", "2023")
    }
    assert camhs == {"2020": 588, "2021": 395, "2022": 706, "2023": 953}
    assert 25 <= Indicator.objects.filter(partnership=loaded).count() <= 35


def test_quarters_add_up_to_the_year_and_end_on_the_year_end_figure(loaded):
    quarters = [f"2023-24 Q{q}" for q in range(1, 5)]
    contacts = [_current(loaded, "contacts", q).value for q in quarters]
    assert sum(contacts) == 21_400
    assert len(set(contacts)) > 1  # a plausible split, not four equal quarters
    assert _current(loaded, "cp_plans", "2023-24 Q4").value == 250
    parts = [
        (v.numerator, v.denominator)
        for v in IndicatorValue.objects.filter(
            partnership=loaded,
            indicator__code="referrals_assessed_pct",
            period__label__in=quarters,
            is_current=True,
        )
    ]
    # Sum of numerators over sum of denominators gives the year's 92%, never an average of quarters.
    assert aggregate(parts, "percent").value == Decimal("92.0")


def test_values_come_from_approved_agency_submissions(loaded):
    value = _current(loaded, "attendance_pct", "2023-24 Q2")
    assert value.source == ValueSource.SUBMISSION
    assert value.submission.status == SubmissionStatus.APPROVED
    assert value.submission.agency == value.indicator.source_agency
    assert Period.objects.filter(partnership=loaded, frequency=Frequency.QUARTERLY).count() == 12
    assert (
        Period.objects.filter(partnership=loaded, frequency=Frequency.YEARLY, label__startswith="20").count()
        >= 3
    )
    assert Commentary.objects.filter(partnership=loaded).count() >= 3
    indicator = Indicator.objects.get(partnership=loaded, code="attendance_pct")
    assert indicator.priorities.filter(plan__start_year=2021).exists()
    assert indicator.groups.filter(name="Strategic Insights Group").exists()


def test_the_2024_27_priorities_carry_the_indicators_as_the_yearly_report_carries_them_forward(loaded):
    from masa.partnership.models import Priority

    counts = {
        p.title: p.indicators.count()
        for p in Priority.objects.filter(partnership=loaded, plan__start_year=2024)
    }
    # Neglect and CSA moved to continuous assurance; adolescents and education continue; the
    # mental health figures serve the new mental health priority; online harm has none yet.
    assert counts["Online harm"] == 0
    assert all(n > 0 for title, n in counts.items() if title != "Online harm"), counts
    camhs = Indicator.objects.get(partnership=loaded, code="camhs_referrals")
    assert camhs.priorities.filter(plan__start_year=2024, order=3).exists()
    attendance = Indicator.objects.get(partnership=loaded, code="attendance_pct")
    assert list(attendance.priorities.filter(plan__start_year=2024).values_list("title", flat=True)) == [
        "Vulnerable children in education"
    ]


def test_returns_figures_are_added_with_the_submissions_kept_as_history(loaded):
    value = _current(loaded, "icpc", "2023-24")
    assert value.source == ValueSource.RETURN_IMPORT
    assert value.return_import is not None
    assert IndicatorValue.objects.filter(
        partnership=loaded, indicator__code="icpc", period__label="2023-24", is_current=False
    ).exists()


def test_loading_again_changes_nothing(loaded):
    counts = (
        Indicator.objects.count(),
        IndicatorValue.objects.count(),
        Submission.objects.count(),
        Commentary.objects.count(),
        Period.objects.count(),
    )
    load_all_indicators_demo()
    assert (
        Indicator.objects.count(),
        IndicatorValue.objects.count(),
        Submission.objects.count(),
        Commentary.objects.count(),
        Period.objects.count(),
    ) == counts
    for slug in ("ealing", "hillingdon"):
        assert 5 <= Indicator.objects.filter(partnership__slug=slug).count() <= 10
