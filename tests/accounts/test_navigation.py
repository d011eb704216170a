"""The service navigation as data (masa/accounts/navigation.py): the sections and pages each role
sees, the section landing pages, the current section, and that every permission is registered."""

import re

import pytest
import rules
from django.urls import reverse

from masa.accounts.models import Role
from masa.accounts.navigation import HOME, PERSONAL, SECTIONS, current_section_key, menu_for, section_links
from masa.core.access import SIGNED_IN
from tests.factories import PartnershipFactory, UserFactory, member

STRUCTURE = [
    "Partnership structure",
    "Groups and terms of reference",
    "Strategic plans and priorities",
    "Agencies",
    "People",
]
MEETINGS = ["Meetings", "Forward plan", "Meeting compliance and attendance"]
# Local case discussions: every member (practitioners the learning shared with them).
LCD = "Local case discussions"
REVIEWS = ["Learning reviews", "Themes", "7-minute briefings", LCD]
PUBLIC_LEARNING = "Learning from reviews (public page)"
PUBLISHED = "Published learning"
READERS = "Who has read the learning"
# Every member reads the voice of children and families (agency leads and practitioners the
# published entries only).
VOICE = "Voice of children and families"
# Every member reads published effectiveness reviews (practitioners the summary only).
EFFECTIVENESS = "Effectiveness review"
# Multi-agency audits: everyone in the partnership, practitioners for the published summaries.
MAA = "Multi-agency audits"
# Independent scrutiny: every member reads the scrutineer's published yearly comments (the senior
# roles the plans and findings too); the statement of assurance is for the senior roles and chairs.
SCRUTINY = "Independent scrutiny"
STATEMENT = "Statement of assurance"
# Professional escalations: any member raises one and sees their own.
ESC = "Professional escalations"
ASSURANCE = ["Inspections", "Assurance requests", MAA, EFFECTIVENESS, ESC, SCRUTINY]
# Restraint at a young offender institution: the business team and the senior roles, and the
# members of the group overseeing it (none here: these users sit on no group).
RESTRAINT = "Restraint and use of force"
# Section 11 and Section 175 self-assessment: the senior roles and the scrutineer read the results,
# agency leads answer for their agency; chairs and members do not see it.
S11 = "Section 11 and Section 175 self-assessment"
ACTIONS = ["Action tracker", "Overdue actions", "My actions"]
# Training: every member books and sees their own; agency leads their staff's, charges and the
# needs analysis; the business team runs it all; the senior roles read the figures.
TRAINING = ["Coming training", "My training", "My certificates"]
AGENCY_TRAINING = ["Staff bookings", "Training needs analysis", "Training charges"]
# What a governance role other than the business team reaches (LSP, DSP, chair, scrutineer; a
# member does not see who has read the learning).
GOVERNANCE_ROLE = {
    "governance": STRUCTURE + MEETINGS,
    "learning": ["Serious incidents and rapid reviews", *REVIEWS, PUBLISHED, READERS, PUBLIC_LEARNING, VOICE],
    "training": [*TRAINING, "Training figures"],
    "assurance": [
        "Inspections",
        S11,
        "Assurance requests",
        MAA,
        EFFECTIVENESS,
        ESC,
        RESTRAINT,
        SCRUTINY,
        STATEMENT,
    ],
    "performance": [
        "Performance dashboards",
        "Indicator catalogue",
        "Population of children",
        "Statutory clocks",
    ],
    "actions": ACTIONS,
}

# The pages each role reaches, section by section, inside its partnership (not on any group).
EXPECTED: dict[str, dict[str, list[str]]] = {
    Role.BUSINESS_TEAM: {
        "governance": STRUCTURE + MEETINGS,
        "learning": [
            "Serious incidents and rapid reviews",
            *REVIEWS,
            PUBLISHED,
            READERS,
            PUBLIC_LEARNING,
            VOICE,
        ],
        "training": [
            *TRAINING,
            *AGENCY_TRAINING,
            "Registers to take",
            "Courses and sessions",
            "Training figures",
        ],
        "assurance": [
            "Inspections",
            S11,
            "Assurance requests",
            MAA,
            EFFECTIVENESS,
            ESC,
            RESTRAINT,
            SCRUTINY,
            STATEMENT,
        ],
        "performance": [
            "Performance dashboards",
            "Indicator catalogue",
            "Data calls",
            "Statutory returns",
            "Population of children",
            "Statutory clocks",
        ],
        "actions": ACTIONS,
        "admin": ["Users", "Audit log", "Action settings", "Incident settings"],
    },
    Role.LSP: GOVERNANCE_ROLE,
    Role.DSP: GOVERNANCE_ROLE,
    Role.CHAIR: {**GOVERNANCE_ROLE, "training": TRAINING, "assurance": [*ASSURANCE, STATEMENT]},
    Role.MEMBER: {
        **GOVERNANCE_ROLE,
        "learning": ["Serious incidents and rapid reviews", *REVIEWS, PUBLISHED, PUBLIC_LEARNING, VOICE],
        "training": TRAINING,
        "assurance": ASSURANCE,
    },
    Role.SCRUTINEER: GOVERNANCE_ROLE,
    Role.AGENCY_LEAD: {
        "governance": STRUCTURE,
        "learning": [*REVIEWS, PUBLISHED, PUBLIC_LEARNING, VOICE],
        "training": [*TRAINING, *AGENCY_TRAINING],
        "assurance": ["Inspections", S11, "Assurance requests", MAA, EFFECTIVENESS, ESC, SCRUTINY],
        "performance": [
            "Performance dashboards",
            "Indicator catalogue",
            "Data calls",
            "Population of children",
        ],
        "actions": ACTIONS,
    },
    Role.PRACTITIONER: {
        "governance": STRUCTURE,
        "learning": [LCD, PUBLISHED, PUBLIC_LEARNING, VOICE],
        "training": TRAINING,
        # The published summary of each inspection (without the actions) and of each
        # effectiveness review (findings and responses), and of each complete multi-agency audit.
        "assurance": ["Inspections", MAA, EFFECTIVENESS, ESC, SCRUTINY],
        "actions": ["My actions"],
    },
}
LABELS = {section.key: section.label for section in SECTIONS}


def test_every_navigation_permission_is_registered():
    for entry in [HOME, *PERSONAL, *(e for s in SECTIONS for e in s.entries)]:
        assert entry.permission == SIGNED_IN or rules.perm_exists(entry.permission), entry


def test_every_entry_names_a_page_and_no_page_is_listed_twice():
    names = [e.url_name for s in SECTIONS for e in s.entries]
    assert len(names) == len(set(names))
    assert all(":" in name for name in names)


@pytest.mark.parametrize("role", sorted(Role.values))
def test_menu_per_role(db, role):
    partnership = PartnershipFactory()
    user = member(partnership, role)
    labels = [link.label for link in menu_for(user, partnership)]
    assert labels == ["Home", *(LABELS[key] for key in EXPECTED[role]), "Your account"]
    # A section with nothing the role may reach is not shown.
    assert ("Assurance" in labels) == ("assurance" in EXPECTED[role])
    # Outside a partnership (their account page, say) only the personal links.
    assert [link.label for link in menu_for(user, None)] == ["Your account"]


@pytest.mark.parametrize("role", sorted(Role.values))
def test_section_pages_per_role(db, role):
    partnership = PartnershipFactory()
    user = member(partnership, role)
    for section in SECTIONS:
        labels = [link.label for link in section_links(user, partnership, section)]
        assert labels == EXPECTED[role].get(section.key, []), section.key


def test_administrator_sees_bank_holidays(db):
    admin = UserFactory(is_superuser=True)
    assert [link.label for link in menu_for(admin, None)] == ["Bank holidays", "Your account"]


def test_a_group_member_of_any_role_reaches_the_meetings(db):
    from tests.factories import GroupFactory, GroupMemberFactory, PersonFactory

    partnership = PartnershipFactory()
    user = member(partnership, Role.AGENCY_LEAD)
    group = GroupFactory(partnership=partnership)
    GroupMemberFactory(group=group, person=PersonFactory(partnership=partnership, user=user))
    governance = next(s for s in SECTIONS if s.key == "governance")
    labels = [link.label for link in section_links(user, partnership, governance)]
    assert labels == [*STRUCTURE, "Meetings", "Forward plan"]


def test_a_member_of_a_young_offender_institutions_group_reaches_its_restraint_figures(db):
    from masa.restraint.services import establishment_save
    from tests.factories import SETUP, GroupFactory, GroupMemberFactory, PersonFactory

    partnership = PartnershipFactory()
    user = member(partnership, Role.AGENCY_LEAD)
    group = GroupFactory(partnership=partnership)
    GroupMemberFactory(group=group, person=PersonFactory(partnership=partnership, user=user))
    assurance = next(s for s in SECTIONS if s.key == "assurance")
    assert RESTRAINT not in [link.label for link in section_links(user, partnership, assurance)]
    establishment_save(actor=SETUP, partnership=partnership, name="HMYOI", group=group)
    assert RESTRAINT in [link.label for link in section_links(user, partnership, assurance)]


@pytest.mark.parametrize("role", [Role.BUSINESS_TEAM, Role.AGENCY_LEAD, Role.PRACTITIONER])
def test_the_landing_pages_list_what_the_role_may_reach(client, db, role):
    partnership = PartnershipFactory()
    client.force_login(member(partnership, role))
    for section in SECTIONS:
        url = reverse("accounts:section", args=[partnership.slug, section.key])
        response = client.get(url)
        if not section.entries:
            assert response.status_code == 404
            continue
        expected = EXPECTED[role].get(section.key)
        if expected is None:
            assert response.status_code == 403, section.key
            continue
        assert response.status_code == 200
        html = response.content.decode()
        links = re.findall(
            r'<h2 class="govuk-heading-s[^"]*"><a class="govuk-link" href="[^"]+">([^<]+)</a>', html
        )
        assert links == expected
        # The section's own link in the navigation is the current page.
        assert re.search(rf'aria-current="page"><strong[^>]*>{section.label}</strong>', html)


def test_a_section_of_another_partnership_is_not_found(client, db):
    client.force_login(member(PartnershipFactory(), Role.BUSINESS_TEAM))
    other = PartnershipFactory()
    assert client.get(reverse("accounts:section", args=[other.slug, "governance"])).status_code == 404


@pytest.mark.parametrize("role", [Role.BUSINESS_TEAM, Role.PRACTITIONER])
def test_the_page_renders_the_menu(client, db, role):
    partnership = PartnershipFactory()
    client.force_login(member(partnership, role))
    html = client.get(reverse("dashboards:home", args=[partnership.slug])).content.decode()
    for key in EXPECTED[role]:
        assert f">{LABELS[key]}</a>" in html
    assert (">Admin</a>" in html) == (role == Role.BUSINESS_TEAM)
    assert (
        'aria-current="page"><strong class="govuk-service-navigation__active-fallback">Home</strong>' in html
    )


def test_pages_inside_a_section_mark_it_current(client, db):
    partnership = PartnershipFactory()
    client.force_login(member(partnership, Role.BUSINESS_TEAM))
    html = client.get(reverse("governance:meeting_list", args=[partnership.slug])).content.decode()
    assert re.search(r'aria-current="true"><strong[^>]*>Governance</strong>', html)
    assert html.count("aria-current") == 1


@pytest.mark.parametrize(
    ("view_name", "kwargs", "section"),
    [
        ("governance:meeting_detail", {}, "governance"),
        ("structure:group_detail", {}, "governance"),
        ("incidents:incident_detail", {}, "learning"),
        ("incidents:clocks", {}, "performance"),
        ("briefings:briefing_detail", {}, "learning"),
        ("dashboards:group", {}, "performance"),
        ("returns:import_detail", {}, "performance"),
        ("actions:action_detail", {}, "actions"),
        ("training:course_detail", {}, "training"),
        ("training:calendar", {}, "training"),
        ("incidents:incident_settings", {}, "admin"),
        ("accounts:membership_edit", {}, "admin"),
        ("accounts:section", {"section": "learning"}, "learning"),
    ],
)
def test_current_section(view_name, kwargs, section):
    assert current_section_key(view_name, kwargs) == section
