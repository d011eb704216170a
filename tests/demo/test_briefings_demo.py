"""The Hounslow 7-minute briefings demo: consistent with the yearly report and idempotent."""

import pytest
from auditlog.models import LogEntry
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from masa.briefings.models import Briefing, BriefingDissemination
from masa.briefings.selectors import dissemination_table, public_briefings
from masa.demo.briefings_loader import load_briefings_demo
from masa.partnership.models import Partnership, PartnershipAgency
from masa.reviews.models import Review, Theme
from tests.factories import RapidReviewFactory
from tests.module_db import module_transaction


@pytest.fixture(scope="module")
def _hounslow_for_module(django_db_setup, django_db_blocker):
    """Hounslow's structure as the demo loads it (agencies, people, accounts), without the other
    demo data sets, so these tests do not depend on them; loaded once, each test's changes roll back."""
    from masa.demo.loader import _load_partnership
    from masa.demo.structure_data import PARTNERSHIPS

    with module_transaction(django_db_blocker):
        data = next(item for item in PARTNERSHIPS if item["slug"] == "hounslow")
        _load_partnership(data, set(), make_password(None))
        yield


@pytest.fixture
def hounslow(_hounslow_for_module, db):
    return Partnership.objects.get(slug="hounslow")


def _counts():
    return (
        Briefing.objects.count(),
        BriefingDissemination.objects.count(),
        Theme.objects.count(),
        LogEntry.objects.count(),
    )


def test_two_published_briefings_from_the_2023_24_learning(hounslow):
    load_briefings_demo(hounslow)
    briefings = list(public_briefings(hounslow))
    assert [b.slug for b in briefings] == ["adolescents-mental-health-and-online-harm", "pre-birth-practice"]
    assert {t.slug for t in briefings[1].themes.all()} == {"pre-birth", "domestic-abuse"}
    assert {t.slug for t in briefings[0].themes.all()} == {"adolescents", "mental-health", "online-harm"}
    assert "Does our focus shift when a young person turns 18?" in briefings[0].questions_to_ask
    for briefing in briefings:
        assert briefing.published_on < timezone.localdate()
        for field in ("background", "what_we_found", "why_it_matters", "what_to_do"):
            assert getattr(briefing, field).strip()


def test_about_two_thirds_of_agencies_confirmed_within_the_rules(hounslow):
    agencies = PartnershipAgency.objects.filter(partnership=hounslow, is_active=True).count()
    for briefing in load_briefings_demo(hounslow):
        table = dissemination_table(briefing)
        assert table.total == agencies
        assert 0.55 <= table.confirmed / table.total <= 0.75
        for row in table.rows:
            if row.dissemination:
                assert briefing.published_on <= row.dissemination.confirmed_on <= timezone.localdate()
                assert row.dissemination.how


def test_loading_twice_changes_nothing(hounslow):
    load_briefings_demo(hounslow)
    before = _counts()
    load_briefings_demo(hounslow)
    assert _counts() == before


def test_briefings_link_to_a_review_with_a_matching_theme(hounslow):
    load_briefings_demo(hounslow)
    pre_birth = Briefing.objects.get(partnership=hounslow, slug="pre-birth-practice")
    existing = Review.objects.filter(partnership=hounslow, themes__slug__in=["pre-birth", "domestic-abuse"])
    if not existing.exists():
        assert pre_birth.review is None
        # A review loaded later is linked on the next run.
        review = RapidReviewFactory(
            partnership=hounslow, reference="RR-TEST-PB", title="Pre-birth assessment"
        )
        review.themes.add(Theme.objects.get(partnership=hounslow, slug="pre-birth"))
        load_briefings_demo(hounslow)
        pre_birth.refresh_from_db()
    assert pre_birth.review is not None
    assert pre_birth.review.themes.filter(slug__in=["pre-birth", "domestic-abuse"]).exists()
