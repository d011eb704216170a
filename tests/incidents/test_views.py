"""Incident pages: the permission matrix, need-to-know (404), the scrutineer's anonymised view,
audit of reads and the form flows."""

from datetime import date

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from masa.accounts.models import Role
from masa.incidents.models import PanelNotification, SeriousIncident
from tests.factories import member
from tests.incidents.conftest import add_child

ALL = set(Role.values)
VIEWERS = {Role.BUSINESS_TEAM, Role.LSP, Role.DSP, Role.SCRUTINEER, Role.CHAIR, Role.MEMBER}
BT = {Role.BUSINESS_TEAM}
# Opening an incident: the business team and scrutineer (anonymised); other viewers are not in
# its case team, so 404; roles without the permission get 403 first.
OPENERS = {Role.BUSINESS_TEAM, Role.SCRUTINEER}

PAGES = {
    "incidents:incident_list": VIEWERS,
    "incidents:clocks": VIEWERS,
    "incidents:incident_create": BT,
    "incidents:incident_detail": OPENERS,
    "incidents:child_add": BT,
    "incidents:notify": BT,
    "incidents:case_team": BT,
    "incidents:rapid_review_submitted": BT,
}
INCIDENT_PAGES = {
    name
    for name in PAGES
    if name not in ("incidents:incident_list", "incidents:clocks", "incidents:incident_create")
}


def _url(name, world, incident=None):
    args = [world.partnership.slug]
    if name in INCIDENT_PAGES:
        args.append((incident or world.incident).uuid)
    return reverse(name, args=args)


def _expected(name, role):
    if role in PAGES[name]:
        return 200
    if name == "incidents:incident_detail" and role in VIEWERS:
        return 404
    return 403


@pytest.mark.parametrize("which", ["alpha", "beta"])
@pytest.mark.parametrize("role", sorted(ALL))
def test_permission_matrix(client, alpha, beta, which, role):
    world = alpha if which == "alpha" else beta
    client.force_login(member(world.partnership, role))
    for name in PAGES:
        response = client.get(_url(name, world))
        assert response.status_code == _expected(name, role), f"{role} on {name}: {response.status_code}"


@pytest.mark.parametrize("role", [Role.BUSINESS_TEAM, Role.SCRUTINEER, Role.MEMBER])
def test_other_partnerships_incidents_are_404(client, alpha, beta, role):
    client.force_login(member(alpha.partnership, role))
    for name in PAGES:
        assert client.get(_url(name, beta)).status_code == 404
    # beta's incident under alpha's address
    for name in INCIDENT_PAGES:
        assert client.get(_url(name, alpha, beta.incident)).status_code in (403, 404)
        if role == Role.BUSINESS_TEAM:
            assert client.get(_url(name, alpha, beta.incident)).status_code == 404


def test_case_team_member_may_open_the_incident_and_others_get_404(client, alpha):
    client.force_login(alpha.case_member)
    response = client.get(_url("incidents:incident_detail", alpha))
    assert response.status_code == 200
    assert b"Child A" in response.content
    assert b"Serious injury to an infant" in response.content
    assert alpha.incident.reference.encode() in client.get(_url("incidents:incident_list", alpha)).content

    client.force_login(alpha.other_member)
    assert client.get(_url("incidents:incident_detail", alpha)).status_code == 404
    assert alpha.incident.reference.encode() not in client.get(_url("incidents:incident_list", alpha)).content
    assert alpha.incident.reference.encode() not in client.get(_url("incidents:clocks", alpha)).content


def test_scrutineer_sees_an_anonymised_view(client, alpha):
    client.force_login(member(alpha.partnership, Role.SCRUTINEER))
    response = client.get(_url("incidents:incident_detail", alpha))
    assert response.status_code == 200
    content = response.content.decode()
    assert "anonymised view" in content
    assert "Serious harm" in content
    assert "22 December 2023" in content
    assert "Statutory clocks" in content
    assert "Child A" not in content
    assert "Serious injury to an infant" not in content
    assert alpha.case_member.email not in content
    assert alpha.incident.reference in client.get(_url("incidents:incident_list", alpha)).content.decode()


def test_practitioner_gets_403(client, alpha):
    client.force_login(member(alpha.partnership, Role.PRACTITIONER))
    assert client.get(_url("incidents:incident_list", alpha)).status_code == 403
    assert client.get(_url("incidents:incident_detail", alpha)).status_code == 403


def test_reading_an_incident_is_audited(client, alpha):
    client.force_login(alpha.case_member)
    before = LogEntry.objects.filter(action=LogEntry.Action.ACCESS).count()
    client.get(_url("incidents:incident_detail", alpha))
    entries = LogEntry.objects.filter(action=LogEntry.Action.ACCESS).order_by("-pk")
    assert entries.count() == before + 1
    entry = entries.first()
    assert entry.object_pk == str(alpha.incident.pk)
    assert entry.content_type.model == "seriousincident"
    assert entry.actor == alpha.case_member


def test_refused_read_is_not_audited(client, alpha):
    client.force_login(alpha.other_member)
    client.get(_url("incidents:incident_detail", alpha))
    assert not LogEntry.objects.filter(action=LogEntry.Action.ACCESS).exists()


def _date(prefix, d):
    return {f"{prefix}_0": d.day, f"{prefix}_1": d.month, f"{prefix}_2": d.year}


def test_record_an_incident_through_the_form(client, alpha):
    client.force_login(alpha.business_team)
    url = _url("incidents:incident_create", alpha)
    data = {
        "reference": "SI-2024-02",
        "category": "death",
        "summary": "No names",
        **_date("date_aware", date(2024, 1, 5)),
    }
    response = client.post(url, data)
    assert response.status_code == 302
    incident = SeriousIncident.objects.get(reference="SI-2024-02")
    assert response["Location"] == _url("incidents:incident_detail", alpha, incident)


def test_future_awareness_date_is_shown_on_the_form_and_answers_kept(client, alpha):
    client.force_login(alpha.business_team)
    data = {"reference": "SI-2099-01", "category": "death", **_date("date_aware", date(2099, 1, 5))}
    response = client.post(_url("incidents:incident_create", alpha), data)
    assert response.status_code == 400
    content = response.content.decode()
    assert "The date the partnership became aware must be today or in the past" in content
    assert 'value="SI-2099-01"' in content
    assert not SeriousIncident.objects.filter(reference="SI-2099-01").exists()


def test_notify_form_refuses_five_children(client, alpha):
    children = [alpha.child] + [add_child(alpha.incident, alpha.business_team, f"Child {c}") for c in "BCDE"]
    client.force_login(alpha.business_team)
    data = {"children": [c.pk for c in children], **_date("sent_date", date(2024, 1, 2))}
    response = client.post(_url("incidents:notify", alpha), data)
    assert response.status_code == 400
    assert "A notification can include at most 4 children" in response.content.decode()
    assert PanelNotification.objects.count() == 0
    data["children"] = [c.pk for c in children[:4]]
    assert client.post(_url("incidents:notify", alpha), data).status_code == 302
    detail = client.get(_url("incidents:incident_detail", alpha)).content.decode()
    assert "Met on time" in detail
    assert "2 January 2024" in detail


def test_child_case_team_and_rapid_review_forms(client, alpha):
    client.force_login(alpha.business_team)
    response = client.post(
        _url("incidents:child_add", alpha),
        {"reference": "Child B", "age_band": "16_17", "sex": "male", "ethnicity": "black"},
    )
    assert response.status_code == 302
    assert alpha.incident.children.filter(reference="Child B").exists()

    response = client.post(_url("incidents:case_team", alpha), {"users": [alpha.other_member.pk]})
    assert response.status_code == 302
    assert list(alpha.incident.case_team.all()) == [alpha.other_member]

    response = client.post(
        _url("incidents:rapid_review_submitted", alpha), _date("submitted_date", date(2024, 1, 9))
    )
    assert response.status_code == 400
    assert "Record the notification to the Panel before the rapid review" in response.content.decode()


def test_dashboard_shows_overdue_clock_with_red_tag(client, alpha):
    client.force_login(alpha.business_team)
    content = client.get(_url("incidents:clocks", alpha)).content.decode()
    # aware 22 Dec 2023 and never notified: long overdue today
    assert "govuk-tag--red" in content
    assert "Overdue" in content
    assert "3 January 2024" in content
    assert "working days overdue" in content
