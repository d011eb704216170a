"""The demo copy pastes back exactly the rows its loader added, keeps their timestamps, and
leaves the database able to create new rows afterwards."""

from datetime import UTC, datetime

import pytest
from django.db import transaction

from masa.partnership.models import Agency, AgencyType, Partnership
from tests.demo_copy import DemoCopy

pytestmark = pytest.mark.django_db

WHEN = datetime(2023, 4, 1, 9, 30, tzinfo=UTC)


def _load() -> str:
    Partnership.objects.create(name="Copyshire", slug="copyshire", local_authority="Copyshire Council")
    agency = Agency.objects.create(name="Copyshire Police", agency_type=AgencyType.POLICE)
    Agency.objects.filter(pk=agency.pk).update(created_at=WHEN)
    return "logins"


def test_paste_restores_the_loaders_rows_with_their_keys_and_timestamps():
    already = Agency.objects.count()
    with transaction.atomic():
        copy = DemoCopy(_load)
        loaded = {a.pk: (a.name, a.created_at) for a in Agency.objects.all()}
        transaction.set_rollback(True)
    assert Agency.objects.count() == already  # rolled back

    assert copy.paste() == "logins"
    assert {a.pk: (a.name, a.created_at) for a in Agency.objects.all()} == loaded
    assert Agency.objects.get(name="Copyshire Police").created_at == WHEN
    assert Partnership.objects.filter(slug="copyshire").exists()

    # The keys move on past the pasted rows (PostgreSQL's sequences are reset).
    later = Agency.objects.create(name="Copyshire Council", agency_type=AgencyType.LOCAL_AUTHORITY)
    assert later.pk > max(loaded)


def test_rows_that_were_there_before_the_loader_are_not_copied():
    Agency.objects.create(name="Already here", agency_type=AgencyType.POLICE)
    with transaction.atomic():
        copy = DemoCopy(_load)
        transaction.set_rollback(True)
    copied = [obj.name for model, objs in copy.rows if model is Agency for obj in objs]
    assert copied == ["Copyshire Police"]
