"""The clocks dashboard: LCSPR clocks (lcspr_final) and overdue agency information requests, with
the same states as every clock and a constant number of queries however many there are."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from masa.accounts.models import Role
from masa.incidents import selectors, services
from masa.reviews.models import Review
from tests.factories import member
from tests.incidents.conftest import TODAY, add_child, make_incident


def _lcspr(world, incident, decided, received=None, reference=None):
    return Review.objects.create(
        partnership=world.partnership, kind="lcspr", incident=incident, decision_date=decided,
        final_report_received_date=received, reference=reference or f"LCSPR-{incident.reference}",
        title=f"LCSPR: {incident.reference}",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("decided", "received", "today", "state", "days_left"),
    [
        (date(2024, 2, 9), None, date(2024, 3, 1), "on track", 161),
        (date(2024, 2, 9), None, date(2024, 8, 5), "due soon", 4),
        (date(2024, 2, 9), None, date(2024, 8, 12), "overdue", -3),
        (date(2024, 2, 9), date(2024, 8, 9), date(2024, 9, 1), "met on time", None),
        (date(2024, 2, 9), date(2024, 8, 10), date(2024, 9, 1), "met late", None),
        (date(2023, 8, 31), None, date(2024, 1, 1), "on track", 59),  # 31 Aug + 6 months = 29 Feb 2024
    ],
)
def test_lcspr_final_clock_states(alpha, decided, received, today, state, days_left):
    review = _lcspr(alpha, alpha.incident, decided, received)
    clock = selectors.lcspr_clock(review, today).clock
    assert clock.due == (date(2024, 2, 29) if decided.day == 31 else date(2024, 8, 9))
    assert clock.state == state
    if days_left is not None:
        assert clock.days_left == days_left
    assert clock.rule.id == "lcspr_final"


def test_lcspr_without_decision_has_no_clock(alpha):
    review = _lcspr(alpha, alpha.incident, None)
    assert selectors.lcspr_clock(review, TODAY).clock is None


def test_dashboard_shows_running_lcspr_and_overdue_requests_only(client, alpha, beta):
    _lcspr(alpha, alpha.incident, timezone.localdate() - timedelta(days=30))
    done = make_incident(alpha.partnership, alpha.business_team, "SI-2023-11")
    _lcspr(alpha, done, date(2023, 1, 9), received=date(2023, 6, 1))
    _lcspr(beta, beta.incident, timezone.localdate() - timedelta(days=30), reference="LCSPR-BETA-01")
    agency = alpha.incident.agencies.get()
    for due, notes in ((date(2024, 1, 5), "overdue"), (date(2024, 1, 5), "received")):
        services.information_request_add(
            actor=alpha.business_team, incident=alpha.incident, agency=agency,
            requested_on=date(2024, 1, 2), due_on=due, notes=notes, today=TODAY,
        )  # fmt: skip
    request = alpha.incident.information_requests.get(notes="received")
    services.information_request_received(actor=alpha.business_team, request=request,
                                          received_on=date(2024, 1, 5), today=TODAY)  # fmt: skip
    clocks = selectors.open_clocks(alpha.business_team, alpha.partnership, timezone.localdate())
    labels = [(c.reference, c.label) for c in clocks]
    assert ("LCSPR-SI-2023-07", "LCSPR final report") in labels
    assert ("LCSPR-SI-2023-11", "LCSPR final report") not in labels  # met
    assert labels.count(("SI-2023-07", f"Information from {agency.name}")) == 1
    assert all(c.clock.state in ("overdue", "on track", "due soon") for c in clocks)

    client.force_login(alpha.business_team)
    content = client.get(reverse("incidents:clocks", args=[alpha.partnership.slug])).content.decode()
    assert "LCSPR-SI-2023-07" in content and "LCSPR final report" in content
    assert f"Information from {agency.name}" in content
    assert "days overdue" in content
    assert "LCSPR-SI-2023-11" not in content
    assert "LCSPR-BETA-01" not in content

    # Need-to-know: a member outside the case team sees none of it; the scrutineer no agency names.
    client.force_login(alpha.other_member)
    content = client.get(reverse("incidents:clocks", args=[alpha.partnership.slug])).content.decode()
    assert "LCSPR-SI-2023-07" not in content and "Information from" not in content
    client.force_login(member(alpha.partnership, Role.SCRUTINEER))
    content = client.get(reverse("incidents:clocks", args=[alpha.partnership.slug])).content.decode()
    assert "LCSPR-SI-2023-07" in content and "Agency information" in content
    assert agency.name not in content


def _grow(world, start, n):
    agency = world.incident.agencies.get()
    for i in range(start, start + n):
        incident = make_incident(world.partnership, world.business_team, f"SI-BULK-{i}",
                                 aware=date(2023, 11, 1) + timedelta(days=i), agencies=[agency])  # fmt: skip
        child = add_child(incident, world.business_team)
        services.case_team_set(actor=world.business_team, incident=incident, users=[world.case_member])
        sent = incident.date_aware + timedelta(days=2)
        services.notification_send(
            actor=world.business_team, incident=incident, children=[child], sent_date=sent, today=TODAY
        )
        services.information_request_add(
            actor=world.business_team, incident=incident, agency=agency,
            requested_on=incident.date_aware, due_on=incident.date_aware + timedelta(days=3), today=TODAY,
        )  # fmt: skip
        _lcspr(world, incident, timezone.localdate() - timedelta(days=i))


@pytest.mark.parametrize("who", [Role.BUSINESS_TEAM, Role.SCRUTINEER, "case_member"])
def test_dashboard_query_count_is_constant_as_it_grows(client, alpha, who, django_assert_max_num_queries):
    user = alpha.case_member if who == "case_member" else member(alpha.partnership, who)
    client.force_login(user)
    url = reverse("incidents:clocks", args=[alpha.partnership.slug])
    _grow(alpha, 0, 3)
    client.get(url)  # warm-up: the first request of a session writes the session
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    _grow(alpha, 3, 6)
    with django_assert_max_num_queries(len(before.captured_queries)):
        response = client.get(url)
    content = response.content.decode()
    assert content.count("LCSPR final report") == 9
    assert content.count("SI-BULK-8") >= 3  # its rapid review, LCSPR and overdue request
    assert len(before.captured_queries) <= 14
