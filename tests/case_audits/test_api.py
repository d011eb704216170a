"""GET /api/v1/partnerships/{slug}/audits: each audit with its dates, findings count and the
moderated grades per grade for the readers of results; published audits only for the others."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from masa.case_audits import services
from masa.case_audits.models import FindingKind
from tests.assurance.test_api import auth_for
from tests.case_audits.world import TODAY, full_grades, make_audit_world, submit_all
from tests.factories import SETUP

URL = "/api/v1/partnerships/{}/audits"


@pytest.fixture
def w(db):
    world = make_audit_world("api-ca")
    submit_all(world)
    services.audit_to_moderation(actor=SETUP, audit=world.audit)
    services.moderation_record(
        actor=SETUP, case=world.cases[0], moderation_on=TODAY, grades=full_grades(world, 1)
    )
    services.moderation_record(
        actor=SETUP, case=world.cases[1], moderation_on=TODAY, grades=full_grades(world, 3)
    )
    services.finding_add(actor=SETUP, audit=world.audit, kind=FindingKind.LEARNING, text="Think family")
    return world


def _get(client, w, user, **params):
    return client.get(URL.format(w.partnership.slug), params, **auth_for(user))


def test_readers_of_results_see_grades_per_grade(client, w):
    response = _get(client, w, w.scrutineer)
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    item = body["items"][0]
    assert (item["topic"], item["status"], item["findings"]) == ("Neglect", "moderation", 1)
    assert item["moderation_on"] == TODAY.isoformat()
    assert item["grades"]["agreed"] == 12 and item["grades"]["good_or_better"] == 50
    assert [(g["grade"], g["label"], g["count"]) for g in item["grades"]["by_grade"]] == [
        (1, "Outstanding", 6),
        (2, "Good", 0),
        (3, "Requires improvement", 6),
        (4, "Inadequate", 0),
    ]


def test_others_see_published_audits_only_without_grades(client, w):
    assert _get(client, w, w.practitioner).json()["count"] == 0
    services.audit_complete(actor=SETUP, audit=w.audit, summary="Published")
    body = _get(client, w, w.practitioner).json()
    assert body["count"] == 1 and body["items"][0]["grades"] is None
    assert body["items"][0]["completed_on"] == TODAY.isoformat()


def test_another_partnership_and_the_anonymous_are_refused(client, w):
    other = make_audit_world("api-ca-other")
    assert client.get(URL.format(w.partnership.slug), **auth_for(other.business_team)).status_code == 404
    assert client.get(URL.format(w.partnership.slug)).status_code == 401


def test_a_fixed_number_of_queries(client, w):
    for n in range(3):
        extra = services.audit_open(
            actor=SETUP,
            partnership=w.partnership,
            tool=w.tool,
            topic=f"Extra {n}",
            agencies=w.agencies[:1],
            opened_on=TODAY,
            agency_deadline=TODAY + timedelta(days=5),
        )
        services.case_add(actor=SETUP, audit=extra, reference="Child C")
    _get(client, w, w.business_team)
    with CaptureQueriesContext(connection) as few:
        assert _get(client, w, w.business_team).json()["count"] == 4
    before = len(few)
    for n in range(3):
        services.audit_open(
            actor=SETUP,
            partnership=w.partnership,
            tool=w.tool,
            topic=f"More {n}",
            agencies=w.agencies[:1],
            opened_on=TODAY,
            agency_deadline=TODAY + timedelta(days=5),
        )
    with CaptureQueriesContext(connection) as more:
        assert _get(client, w, w.business_team).json()["count"] == 7
    assert len(more) == before
