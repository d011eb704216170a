import csv
import io

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from masa.accounts.models import Membership
from masa.core.csv_safe import safe_cell
from tests.factories import GroupFactory, PartnershipFactory, member


@pytest.fixture
def setup(client, db):
    alpha, beta = PartnershipFactory(slug="alpha"), PartnershipFactory(slug="beta")
    manager = member(alpha, "business_team", full_name="Alex Manager")
    client.force_login(manager)
    return alpha, beta, manager


def _edit_group(client, group, purpose):
    return client.post(
        reverse("partnership:group_edit", args=[group.partnership.slug, group.uuid]),
        {
            "name": group.name,
            "kind": "subgroup",
            "purpose": purpose,
            "people": "p",
            "process": "p",
            "quorum": "3",
            "min_meetings_per_year": "4",
            "is_active": "on",
        },
    )


def test_changes_are_logged_with_actor_and_partnership(client, setup):
    alpha, beta, manager = setup
    group = GroupFactory(partnership=alpha)
    assert _edit_group(client, group, "A new purpose").status_code == 302
    entry = LogEntry.objects.filter(object_pk=str(group.pk), action=LogEntry.Action.UPDATE).latest(
        "timestamp"
    )
    assert entry.actor == manager
    assert entry.additional_data == {"partnership": alpha.pk}
    assert "A new purpose" in entry.changes_str


def test_log_shows_only_this_partnerships_entries(client, setup):
    alpha, beta, _ = setup
    GroupFactory(partnership=alpha, name="Alpha group")
    GroupFactory(partnership=beta, name="Beta group")
    html = client.get(reverse("audit:log", args=["alpha"])).content.decode()
    assert "Alpha group" in html
    assert "Beta group" not in html


def test_log_filters_by_action_and_date(client, setup):
    alpha, _, _ = setup
    group = GroupFactory(partnership=alpha, name="Filtered group")
    _edit_group(client, group, "Changed")
    url = reverse("audit:log", args=["alpha"])
    created_only = client.get(url, {"action": LogEntry.Action.CREATE}).content.decode()
    assert "Create" in created_only and ">Update<" not in created_only
    future = client.get(url, {"date_from": "2999-01-01"}).content.decode()
    assert "No entries match" in future
    bad = client.get(url, {"date_from": "2024-02-30"})
    assert bad.status_code == 400
    assert "Enter a real date" in bad.content.decode()


def test_reading_a_users_access_record_is_audited(client, setup):
    alpha, _, manager = setup
    other = member(alpha, "practitioner", mfa=False)
    membership = Membership.objects.get(user=other)
    client.get(reverse("accounts:membership_edit", args=["alpha", membership.uuid]))
    access = LogEntry.objects.get(action=LogEntry.Action.ACCESS, object_pk=str(membership.pk))
    assert access.actor == manager
    assert access.additional_data == {"partnership": alpha.pk}


def test_csv_export_is_formula_safe(client, setup):
    alpha, _, _ = setup
    GroupFactory(partnership=alpha, name='=HYPERLINK("http://evil")')
    response = client.get(reverse("audit:log_csv", args=["alpha"]))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["When", "Who", "Action"]
    records = [r[4] for r in rows[1:]]
    assert '\'=HYPERLINK("http://evil")' in records
    assert not any(cell.startswith(("=", "+", "@")) for row in rows for cell in row)


@pytest.mark.parametrize(
    "raw,safe",
    [
        ("=1+1", "'=1+1"),
        ("+44", "'+44"),
        ("-2", "'-2"),
        ("@SUM", "'@SUM"),
        ("plain", "plain"),
        (None, ""),
        (3, "3"),
    ],
)
def test_safe_cell(raw, safe):
    assert safe_cell(raw) == safe
