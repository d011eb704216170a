"""Incident clocks: computed with masa.clocks, worked examples over Christmas 2023."""

from datetime import date, timedelta

from masa.clocks.calendar import add_working_days
from masa.incidents import selectors, services
from masa.incidents.selectors import NO_RAPID_REVIEW, RR_NOT_STARTED, clocks_for, incident_list
from tests.incidents.conftest import AWARE, TODAY, make_incident, sign_off


def _clocks(world, today):
    incident = incident_list(world.business_team, world.partnership).get(pk=world.incident.pk)
    return {c.rule_id: c for c in clocks_for(incident, today)}


def test_panel_notification_due_skips_christmas_and_new_year(alpha):
    # Fri 22 Dec 2023 + 5 working days: 25, 26 Dec and 1 Jan are bank holidays -> Wed 3 Jan 2024
    clocks = _clocks(alpha, date(2023, 12, 27))
    notification = clocks["panel_notification"].clock
    assert notification is not None
    assert notification.start == AWARE
    assert notification.due == date(2024, 1, 3)
    assert notification.days_left == 4
    assert notification.state == "due soon"
    assert clocks["panel_notification"].source.startswith("Working Together 2023")
    assert clocks["rapid_review"].clock is None
    assert clocks["rapid_review"].note == RR_NOT_STARTED


def test_overdue_when_not_notified(alpha):
    notification = _clocks(alpha, date(2024, 1, 4))["panel_notification"].clock
    assert notification.state == "overdue"
    assert notification.days_left == -1


def test_notification_on_2_january_is_met_on_time_and_starts_the_rapid_review(alpha):
    services.notification_send(
        actor=alpha.business_team, incident=alpha.incident, children=[alpha.child],
        sent_date=date(2024, 1, 2), today=TODAY,
    )  # fmt: skip
    clocks = _clocks(alpha, TODAY)
    assert clocks["panel_notification"].clock.state == "met on time"
    assert not clocks["panel_notification"].is_open
    review = clocks["rapid_review"].clock
    assert review.start == date(2024, 1, 2)
    assert review.due == add_working_days(date(2024, 1, 2), 15) == date(2024, 1, 23)
    assert review.days_left == 9  # 10 Jan -> 23 Jan
    assert review.state == "on track"
    assert clocks["rapid_review"].tag_class == "govuk-tag--blue"
    sign_off(alpha, notified=False)
    services.rapid_review_submitted(
        actor=alpha.business_team, incident=alpha.incident, submitted_date=TODAY, today=TODAY
    )
    alpha.incident.refresh_from_db()
    assert _clocks(alpha, TODAY)["rapid_review"].clock.state == "met on time"


def test_late_notification_is_met_late(alpha):
    services.notification_send(
        actor=alpha.business_team, incident=alpha.incident, children=[alpha.child],
        sent_date=date(2024, 1, 4), today=TODAY,
    )  # fmt: skip
    clock = _clocks(alpha, TODAY)["panel_notification"]
    assert clock.clock.state == "met late"
    assert clock.tag_class == "govuk-tag--green"


def test_care_leaver_death_has_no_rapid_review_clock(alpha):
    incident = make_incident(
        alpha.partnership, alpha.business_team, "SI-2023-08", category="death", care_leaver_death=True
    )
    incident = incident_list(alpha.business_team, alpha.partnership).get(pk=incident.pk)
    clocks = {c.rule_id: c for c in clocks_for(incident, TODAY)}
    assert clocks["panel_notification"].clock is not None
    assert clocks["rapid_review"].clock is None
    assert clocks["rapid_review"].note == NO_RAPID_REVIEW
    assert not clocks["rapid_review"].is_open


def test_alternative_rule_set_counts_the_rapid_review_from_awareness(alpha):
    incident = make_incident(
        alpha.partnership, alpha.business_team, "SI-2023-09", rule_set_id="WT2023-RR-AWARENESS"
    )
    incident = incident_list(alpha.business_team, alpha.partnership).get(pk=incident.pk)
    review = {c.rule_id: c for c in clocks_for(incident, TODAY)}["rapid_review"].clock
    assert review.start == AWARE
    assert review.due == add_working_days(AWARE, 15)


def test_due_date_is_never_before_the_start(alpha):
    """Whatever the awareness date, both clocks end after they start (and after awareness)."""
    start = date(2023, 1, 1)
    for offset in range(0, 400, 7):
        aware = start + timedelta(days=offset)
        incident = alpha.incident
        incident.date_aware = aware
        for c in selectors.incident_clocks(incident, TODAY, first_notified=aware):
            assert c.clock is not None
            assert c.clock.due > c.clock.start >= aware


def test_open_clocks_are_sorted_by_due_date(alpha):
    later = make_incident(alpha.partnership, alpha.business_team, "SI-2024-01", aware=date(2024, 1, 8))
    earlier = make_incident(alpha.partnership, alpha.business_team, "SI-2023-01", aware=date(2023, 11, 1))
    clocks = selectors.open_clocks(alpha.business_team, alpha.partnership, TODAY)
    assert [c.incident.reference for c in clocks] == [
        earlier.reference,
        alpha.incident.reference,
        later.reference,
    ]
    assert [c.clock.due for c in clocks] == sorted(c.clock.due for c in clocks)


def test_days_left_text(alpha):
    clocks = _clocks(alpha, date(2024, 1, 4))
    assert clocks["panel_notification"].days_left_text == "1 working day overdue"
    assert _clocks(alpha, date(2023, 12, 27))["panel_notification"].days_left_text == "4 working days"
    assert clocks["rapid_review"].days_left_text == RR_NOT_STARTED
