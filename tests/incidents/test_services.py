"""Incident services: plain-English refusals, and nothing saved when they refuse."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from masa.accounts.models import Role
from masa.incidents import services
from masa.incidents.models import IncidentChild, PanelNotification, SeriousIncident
from tests.factories import PartnershipFactory, member
from tests.incidents.conftest import AWARE, TODAY, add_child, make_incident, notify, sign_off


def _messages(error: ValidationError) -> list[str]:
    return [m for ms in error.message_dict.values() for m in ms]


def test_incident_create_records_the_incident(alpha):
    assert alpha.incident.reference == "SI-2023-07"
    assert alpha.incident.rule_set_id == "WT2023"
    assert list(alpha.incident.case_team.all()) == [alpha.case_member]
    assert alpha.incident.agencies.count() == 1


def test_awareness_date_in_the_future_is_refused(alpha):
    before = SeriousIncident.objects.count()
    with pytest.raises(ValidationError) as error:
        make_incident(alpha.partnership, alpha.business_team, "SI-2024-99", aware=TODAY + timedelta(days=1))
    assert _messages(error.value) == [services.AWARE_IN_FUTURE]
    assert SeriousIncident.objects.count() == before


def test_duplicate_reference_is_refused_in_the_same_partnership_only(alpha, beta):
    with pytest.raises(ValidationError) as error:
        make_incident(alpha.partnership, alpha.business_team, "si-2023-07")
    assert "already exists" in _messages(error.value)[0]
    # beta has its own SI-2023-07; a third partnership may use the reference too
    other = PartnershipFactory()
    make_incident(other, member(other, Role.BUSINESS_TEAM), "SI-2023-07")


def test_care_leaver_death_must_be_a_death(alpha):
    with pytest.raises(ValidationError) as error:
        make_incident(alpha.partnership, alpha.business_team, "SI-X", care_leaver_death=True)
    assert _messages(error.value) == [services.CARE_LEAVER_NOT_DEATH]


def test_agency_outside_the_partnership_is_refused(alpha, beta):
    with pytest.raises(ValidationError):
        make_incident(
            alpha.partnership, alpha.business_team, "SI-X", agencies=list(beta.incident.agencies.all())
        )
    assert not SeriousIncident.objects.filter(reference="SI-X").exists()


def test_child_add_refuses_a_duplicate_reference(alpha):
    with pytest.raises(ValidationError) as error:
        add_child(alpha.incident, alpha.business_team, "child a")
    assert "already recorded" in _messages(error.value)[0]
    assert alpha.incident.children.count() == 1


def test_child_add_refuses_unknown_choices(alpha):
    with pytest.raises(ValidationError) as error:
        services.child_add(
            actor=alpha.business_team, incident=alpha.incident, reference="Child B", age_band="7",
            sex="x", ethnicity="y",
        )  # fmt: skip
    assert set(error.value.message_dict) == {"age_band", "sex", "ethnicity"}
    assert alpha.incident.children.count() == 1


def _children(alpha, n):
    return [alpha.child] + [
        add_child(alpha.incident, alpha.business_team, f"Child {c}") for c in "BCDE"[: n - 1]
    ]


def test_notification_with_four_children_is_sent(alpha):
    notification = services.notification_send(
        actor=alpha.business_team, incident=alpha.incident, children=_children(alpha, 4),
        sent_date=date(2024, 1, 2), today=TODAY,
    )  # fmt: skip
    assert notification.children.count() == 4


def test_five_children_are_refused(alpha):
    with pytest.raises(ValidationError) as error:
        services.notification_send(
            actor=alpha.business_team, incident=alpha.incident, children=_children(alpha, 5),
            sent_date=date(2024, 1, 2), today=TODAY,
        )  # fmt: skip
    assert _messages(error.value) == ["A notification can include at most 4 children"]
    assert PanelNotification.objects.count() == 0


def test_notification_before_awareness_is_refused(alpha):
    with pytest.raises(ValidationError) as error:
        services.notification_send(
            actor=alpha.business_team, incident=alpha.incident, children=[alpha.child],
            sent_date=AWARE - timedelta(days=1), today=TODAY,
        )  # fmt: skip
    assert _messages(error.value) == [
        "The notification date must be on or after the date the partnership became aware"
    ]
    assert PanelNotification.objects.count() == 0


def test_notification_refuses_no_children_future_dates_and_other_incidents_children(alpha, beta):
    cases = [
        ([], TODAY, services.NO_CHILDREN),
        ([alpha.child], TODAY + timedelta(days=1), services.NOTIFIED_IN_FUTURE),
        ([beta.child], TODAY, services.CHILD_NOT_IN_INCIDENT),
    ]
    for children, sent, message in cases:
        with pytest.raises(ValidationError) as error:
            services.notification_send(
                actor=alpha.business_team,
                incident=alpha.incident,
                children=children,
                sent_date=sent,
                today=TODAY,
            )
        assert _messages(error.value) == [message]
    assert PanelNotification.objects.count() == 0


def test_a_child_is_notified_once(alpha):
    send = dict(actor=alpha.business_team, incident=alpha.incident, children=[alpha.child], today=TODAY)
    services.notification_send(sent_date=date(2024, 1, 2), **send)
    with pytest.raises(ValidationError) as error:
        services.notification_send(sent_date=date(2024, 1, 3), **send)
    assert _messages(error.value) == ["Child A is already in a notification to the Panel"]
    assert PanelNotification.objects.count() == 1


def test_case_team_must_be_members_of_the_partnership(alpha, beta):
    with pytest.raises(ValidationError) as error:
        services.case_team_set(actor=alpha.business_team, incident=alpha.incident, users=[beta.case_member])
    assert _messages(error.value) == [services.NOT_A_MEMBER]
    assert list(alpha.incident.case_team.all()) == [alpha.case_member]


def test_rapid_review_submitted(alpha):
    submit = dict(actor=alpha.business_team, incident=alpha.incident, today=TODAY)
    with pytest.raises(ValidationError) as error:
        services.rapid_review_submitted(submitted_date=date(2024, 1, 5), **submit)
    assert _messages(error.value) == [services.RR_BEFORE_NOTIFICATION]
    notify(alpha)
    with pytest.raises(ValidationError) as error:
        services.rapid_review_submitted(submitted_date=date(2024, 1, 9), **submit)
    assert _messages(error.value) == [services.RR_NOT_SIGNED_OFF]
    sign_off(alpha, notified=False)  # signed off on 8 January
    for bad, message in (
        (date(2024, 1, 1), services.RR_BEFORE_NOTIFIED),
        (date(2024, 1, 5), services.RR_BEFORE_SIGN_OFF),
        (TODAY + timedelta(1), services.RR_IN_FUTURE),
    ):
        with pytest.raises(ValidationError) as error:
            services.rapid_review_submitted(submitted_date=bad, **submit)
        assert _messages(error.value) == [message]
    alpha.incident.refresh_from_db()
    assert alpha.incident.rr_submitted_date is None
    services.rapid_review_submitted(submitted_date=date(2024, 1, 9), **submit)
    alpha.incident.refresh_from_db()
    assert alpha.incident.rr_submitted_date == date(2024, 1, 9)


def test_care_leaver_death_has_no_rapid_review(alpha):
    incident = make_incident(
        alpha.partnership, alpha.business_team, "SI-2023-08", category="death", care_leaver_death=True
    )
    with pytest.raises(ValidationError) as error:
        services.rapid_review_submitted(
            actor=alpha.business_team, incident=incident, submitted_date=TODAY, today=TODAY
        )
    assert _messages(error.value) == [services.RR_NOT_NEEDED]
    assert IncidentChild.objects.filter(incident=incident).count() == 0
