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
        reverse("structure:group_edit", args=[group.partnership.slug, group.uuid]),
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
    future = client.get(url, {"date_from": "2099-01-01"}).content.decode()
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


def _every_kind_of_entry(alpha, manager):
    """A field change, m2m add, remove and clear, a create, a delete and a read, all in alpha."""
    from auditlog.context import set_actor

    from masa.core.reads import record_read
    from masa.indicators.models import Indicator

    groups = [GroupFactory(partnership=alpha, name=f"Subgroup {n}") for n in range(3)]
    with set_actor(manager):
        indicator = Indicator.objects.create(
            partnership=alpha, code="ehc", title="Early help cases", definition="d", unit="count"
        )
        indicator.title = "Early help cases open"
        indicator.save()
        indicator.groups.add(groups[0], groups[1])
        indicator.groups.remove(groups[0])
        indicator.groups.clear()
        record_read(actor=manager, instance=indicator)
        groups[2].delete()
    return indicator


def test_every_kind_of_change_shows_on_the_page_and_in_the_csv(client, setup):
    alpha, _, manager = setup
    _every_kind_of_entry(alpha, manager)
    m2m = LogEntry.objects.filter(changes__groups__type="m2m")
    assert m2m.count() == 3  # add, remove, clear
    page = client.get(reverse("audit:log", args=["alpha"]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "title: Early help cases → Early help cases open" in html
    assert "groups: added Subgroup 0, Subgroup 1" in html
    assert "groups: removed Subgroup 0" in html
    # auditlog logs a clear as the removal of every object of the related model.
    assert html.count("groups: removed ") == 2
    assert "Access" in html
    response = client.get(reverse("audit:log_csv", args=["alpha"]))
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    changes = [row[5] for row in rows[1:]]
    assert "groups: added Subgroup 0, Subgroup 1" in changes
    assert sum(c.startswith("groups: removed ") for c in changes) == 2
    assert any("name: Subgroup 2 → (none)" in c for c in changes)
    assert "Access" in [row[2].capitalize() for row in rows[1:]]


def test_change_lines_read_every_stored_shape():
    from masa.audit.changes import change_lines

    assert change_lines(None) == []
    assert change_lines({"title": ["None", "Draft"]}) == ["title: (none) → Draft"]
    assert change_lines({"case_team": {"type": "m2m", "operation": "add", "objects": ["Jo", "Sam"]}}) == [
        "case team: added Jo, Sam"
    ]
    assert change_lines({"case_team": {"type": "m2m", "operation": "delete", "objects": "Jo"}}) == [
        "case team: removed Jo"
    ]
    # Shapes auditlog does not write today still read, never raise.
    assert change_lines({"x": "lonely"}) == ["x: lonely"]
    assert change_lines({"x": ["a", "b", "c"]}) == ["x: a, b, c"]
    assert change_lines(["not", "a", "mapping"]) == []
    # Fields in the order of their names, whatever order they were stored in; long values cut.
    stored = {"purpose": ["Old", "New"], "people": ["A" * 100, "B"]}
    assert change_lines(stored, value_limit=10) == ["people: AAAAAAAAA… → B", "purpose: Old → New"]
    assert change_lines(stored)[0] == f"people: {'A' * 100} → B"
