"""A child's reference must be pseudonymous; the business team corrects or removes a child with a
reason; the partnership's reference pattern; the incident summary's limit."""

from datetime import date

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.urls import reverse

from masa.incidents import services
from masa.incidents.models import IncidentChild, IncidentSettings, SeriousIncident
from masa.incidents.pseudonyms import CONTAINS_DATE, LOOKS_LIKE_NAME, PATTERN_INVALID
from tests.incidents.conftest import TODAY, add_child, notify

CHILD = {"age_band": "1_4", "sex": "male", "ethnicity": "asian"}


def _url(name, world, *args):
    return reverse(f"incidents:{name}", args=[world.partnership.slug, *args])


def _child_url(name, world, child):
    return _url(name, world, world.incident.uuid, child.uuid)


def test_a_name_and_date_of_birth_are_refused_and_nothing_saved(client, alpha):
    client.force_login(alpha.business_team)
    response = client.post(
        _url("child_add", alpha, alpha.incident.uuid), {"reference": "Jayden Smith 12/03/2012", **CHILD}
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "The reference must not contain a date: use a pseudonymised reference such as Child A" in content
    assert 'href="#id_reference"' in content  # the error summary links to the field
    assert 'value="Jayden Smith 12/03/2012"' in content  # the answers are kept
    assert not IncidentChild.objects.filter(reference__startswith="Jayden").exists()


def test_a_name_is_refused_by_the_service(alpha):
    with pytest.raises(ValidationError) as error:
        add_child(alpha.incident, alpha.business_team, "Jayden Smith")
    assert error.value.message_dict == {"reference": [LOOKS_LIKE_NAME]}
    assert alpha.incident.children.count() == 1


def test_the_partnerships_pattern_lets_its_own_references_through(client, alpha):
    client.force_login(alpha.business_team)
    response = client.post(
        _url("incident_settings", alpha), {"child_reference_pattern": r"Sibling [A-Z][a-z]+"}
    )
    assert response.status_code == 302
    assert (
        IncidentSettings.objects.get(partnership=alpha.partnership).child_reference_pattern
        == r"Sibling [A-Z][a-z]+"
    )
    assert add_child(alpha.incident, alpha.business_team, "Sibling Alpha").reference == "Sibling Alpha"
    # "Child A" stays valid whatever the pattern
    assert add_child(alpha.incident, alpha.business_team, "Child B").reference == "Child B"
    with pytest.raises(ValidationError):
        add_child(alpha.incident, alpha.business_team, "Sibling 12 March 2012")


def test_an_invalid_pattern_is_a_govuk_error_and_not_saved(client, alpha):
    client.force_login(alpha.business_team)
    response = client.post(_url("incident_settings", alpha), {"child_reference_pattern": "Child [A-Z"})
    assert response.status_code == 400
    content = response.content.decode()
    assert PATTERN_INVALID in content
    assert 'value="Child [A-Z"' in content
    assert not IncidentSettings.objects.exists()


def test_change_a_child_with_a_reason_kept_in_the_audit_log(client, alpha):
    client.force_login(alpha.business_team)
    url = _child_url("child_change", alpha, alpha.child)
    assert 'value="Child A"' in client.get(url).content.decode()
    data = {"reference": "Child Z", **CHILD, "reason": "Typed the wrong letter"}
    response = client.post(url, data)
    assert response.status_code == 302
    alpha.child.refresh_from_db()
    assert (alpha.child.reference, alpha.child.age_band) == ("Child Z", "1_4")
    entry = (
        LogEntry.objects.get_for_object(alpha.child).filter(action=LogEntry.Action.UPDATE).latest("timestamp")
    )
    assert entry.additional_data["reason"] == "Typed the wrong letter"
    assert entry.actor == alpha.business_team
    audit = client.get(reverse("audit:log", args=[alpha.partnership.slug])).content.decode()
    assert "reference: Child A → Child Z" in audit
    assert "reason: Typed the wrong letter" in audit


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"reference": "Child Z", **CHILD, "reason": ""},
            "Enter why you are changing the child&#x27;s details",
        ),
        ({"reference": "12.3.2012", **CHILD, "reason": "Wrong"}, CONTAINS_DATE),
        ({"reference": "Child Z", **CHILD, "reason": "x" * 501}, "must be 500 characters or fewer"),
    ],
)
def test_a_bad_change_is_refused_and_nothing_saved(client, alpha, data, message):
    client.force_login(alpha.business_team)
    response = client.post(_child_url("child_change", alpha, alpha.child), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    alpha.child.refresh_from_db()
    assert (alpha.child.reference, alpha.child.age_band) == ("Child A", "under_1")


def test_remove_a_child_with_a_reason(client, alpha):
    client.force_login(alpha.business_team)
    url = _child_url("child_remove", alpha, alpha.child)
    response = client.post(url, {"reason": ""})
    assert response.status_code == 400
    assert "Enter why you are removing the child" in response.content.decode()
    assert IncidentChild.objects.filter(pk=alpha.child.pk).exists()
    response = client.post(url, {"reason": "Recorded against the wrong incident"})
    assert response.status_code == 302
    assert not IncidentChild.objects.filter(pk=alpha.child.pk).exists()
    entry = LogEntry.objects.filter(action=LogEntry.Action.DELETE, object_pk=str(alpha.child.pk)).get(
        content_type__model="incidentchild"
    )
    assert entry.additional_data["reason"] == "Recorded against the wrong incident"


def test_a_child_the_panel_was_notified_of_cannot_be_removed(client, alpha):
    notification = notify(alpha)
    client.force_login(alpha.business_team)
    response = client.post(_child_url("child_remove", alpha, alpha.child), {"reason": "Wrong incident"})
    assert response.status_code == 400
    assert "in the notification sent to the Panel on 2 January 2024" in response.content.decode()
    assert list(notification.children.all()) == [alpha.child]


def test_another_partnerships_child_is_not_found(client, alpha, beta):
    client.force_login(alpha.business_team)
    url = _url("child_change", alpha, alpha.incident.uuid, beta.child.uuid)
    assert client.get(url).status_code == 404


def test_the_incident_summary_keeps_its_limit(client, alpha):
    client.force_login(alpha.business_team)
    data = {"reference": "SI-2024-09", "category": "death", "summary": "x" * 10_000}
    data.update({"date_aware_0": 5, "date_aware_1": 1, "date_aware_2": 2024})
    response = client.post(_url("incident_create", alpha), data)
    assert response.status_code == 400
    content = response.content.decode()
    assert "The summary must be 500 characters or fewer" in content
    assert 'data-module="govuk-character-count" data-maxlength="500"' in content
    assert not SeriousIncident.objects.filter(reference="SI-2024-09").exists()
    with pytest.raises(ValidationError) as error:
        services.incident_create(
            actor=alpha.business_team,
            partnership=alpha.partnership,
            reference="SI-2024-09",
            category="death",
            date_aware=date(2024, 1, 5),
            summary="x" * 10_000,
            today=TODAY,
        )
    assert error.value.message_dict == {"summary": ["The summary must be 500 characters or fewer"]}
