"""Anyone who sits on a group sees that group's meetings, papers and minutes, whatever their role
(docs/domain.md, "5. Roles"); the cross-group compliance page stays with the governance roles."""

from django.urls import reverse

from masa.accounts.models import Role
from masa.partnership.models import Person
from tests.factories import member
from tests.governance.conftest import schedule


def _url(name, world, *args):
    return reverse(f"governance:{name}", args=[world.partnership.slug, *args])


def _sitting_on(world, person, role):
    """A user of `role` who is the `person` named on a group."""
    user = member(world.partnership, role, mfa=False)
    Person.objects.filter(pk=person.pk).update(user=user)
    return user


def test_an_agency_lead_on_the_board_sees_its_meetings_but_not_other_groups(client, world, meeting):
    lead = _sitting_on(world, world.people[1], Role.AGENCY_LEAD)
    other = schedule(world, -2, group=world.subgroup)[0]
    client.force_login(lead)
    listing = client.get(_url("meeting_list", world))
    assert listing.status_code == 200
    page = listing.content.decode()
    assert str(meeting.uuid) in page and str(other.uuid) not in page
    assert client.get(_url("meeting_detail", world, meeting.uuid)).status_code == 200
    assert client.get(_url("agenda_pack", world, meeting.uuid)).status_code == 200
    assert client.get(_url("meeting_detail", world, other.uuid)).status_code == 404
    # Attendance across every group is for the governance roles, and the link is not offered.
    assert client.get(_url("compliance", world)).status_code == 403
    assert _url("compliance", world) not in page
    # The navigation's Governance section offers Meetings, and not the compliance page.
    section = reverse("accounts:section", args=[world.partnership.slug, "governance"])
    governance = client.get(section).content.decode()
    assert _url("meeting_list", world) in governance
    assert _url("compliance", world) not in governance


def test_a_practitioner_on_a_subgroup_sees_that_groups_meetings(client, world):
    practitioner = _sitting_on(world, world.outsider, Role.PRACTITIONER)
    theirs = schedule(world, -2, group=world.subgroup)[0]
    client.force_login(practitioner)
    assert client.get(_url("meeting_detail", world, theirs.uuid)).status_code == 200


def test_agency_leads_and_practitioners_on_no_group_have_no_meeting_pages(client, world, meeting):
    for role in (Role.AGENCY_LEAD, Role.PRACTITIONER):
        client.force_login(member(world.partnership, role, mfa=False))
        assert client.get(_url("meeting_list", world)).status_code == 403
        assert client.get(_url("meeting_detail", world, meeting.uuid)).status_code == 403
