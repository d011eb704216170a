"""The service navigation as data: sections of pages, each page with the permission that shows it.

The service navigation (base.html) shows "Home", then one link per section that holds at least one
page the signed-in user may reach, then the personal links. Each section link opens the section's
landing page (`accounts:section`), which lists the section's pages the user may reach. A new page
is one `Entry` line in its section; a section with no entries (Assurance, for now) is shown to no
one. See docs/architecture.md, "The navigation and search".

Permissions are named as strings because each is registered by the app that owns the page
(masa/<app>/rules.py), above accounts in the layers. The registry is asked directly
(`rules.has_perm`), so the navigation follows the user's role in the partnership; an
administrator's superuser status opens pages but adds no entries. tests/accounts checks that each
name is registered and what every role sees.
"""

from collections.abc import Mapping
from dataclasses import dataclass

import rules
from django.urls import reverse

from masa.core.access import SIGNED_IN
from masa.partnership.models import Partnership

# The view that shows a section's landing page, and the one that answers a search.
SECTION_VIEW = "accounts:section"


@dataclass(frozen=True)
class Entry:
    label: str
    url_name: str
    permission: str
    description: str = ""
    # True: a page of the partnership being worked in, at /p/<slug>/..., checked against it.
    in_partnership: bool = True


@dataclass(frozen=True)
class Section:
    key: str
    label: str
    description: str
    entries: tuple[Entry, ...]
    # Apps whose other pages (a meeting, an incident) belong to this section: the navigation marks
    # the section as the current one on them.
    apps: tuple[str, ...] = ()


# Links before and after the sections.
HOME = Entry("Home", "dashboards:home", "partnership.view_home")
PERSONAL: tuple[Entry, ...] = (
    Entry("Bank holidays", "bank_holidays:holiday_list", "bank_holidays.administer", in_partnership=False),
    Entry("Your account", "accounts:profile", SIGNED_IN, in_partnership=False),
)

SECTIONS: tuple[Section, ...] = (
    Section(
        "governance",
        "Governance",
        "How the partnership is organised, who sits where, and its meetings and plans.",
        (
            Entry(
                "Partnership structure",
                "structure:structure",
                "partnership.view_structure",
                "The structure diagram, vision, values and principles.",
            ),
            Entry(
                "Groups and terms of reference",
                "structure:group_list",
                "partnership.view_structure",
                "Each group's purpose, people and process, members and workplan.",
            ),
            Entry(
                "Strategic plans and priorities",
                "structure:plan_list",
                "partnership.view_structure",
                "The plans, their priorities and objectives.",
            ),
            Entry(
                "Agencies",
                "structure:agency_list",
                "partnership.view_structure",
                "The agencies of the partnership.",
            ),
            Entry(
                "People",
                "structure:person_list",
                "partnership.view_structure",
                "The people who sit on the partnership's groups.",
            ),
            Entry(
                "Meetings",
                "governance:meeting_list",
                "governance.view_meetings",
                "Agendas, papers, decisions and minutes of the meetings you may see.",
            ),
            Entry(
                "Forward plan",
                "governance:forward_plan",
                "governance.view_meetings",
                "What is planned to come to the Board's next meetings.",
            ),
            Entry(
                "Meeting compliance and attendance",
                "governance:compliance",
                "governance.view_compliance",
                "How often each group meets and who attends.",
            ),
        ),
        apps=("structure", "governance"),
    ),
    Section(
        "learning",
        "Learning",
        "Serious incidents, rapid reviews, learning reviews and what the partnership learned.",
        (
            Entry(
                "Serious incidents and rapid reviews",
                "incidents:incident_list",
                "incidents.view_incidents",
                "Incidents notified to the Panel and their rapid reviews.",
            ),
            Entry(
                "Learning reviews",
                "reviews:review_list",
                "reviews.view_reviews",
                "Rapid reviews' learning, local and national reviews, findings and recommendations.",
            ),
            Entry(
                "Themes",
                "reviews:theme_list",
                "reviews.view_reviews",
                "Where the partnership has seen a theme before and what it did.",
            ),
            Entry(
                "7-minute briefings",
                "briefings:briefing_list",
                "reviews.view_reviews",
                "Short learning summaries for practitioners and who has passed them on.",
            ),
            Entry(
                "Local case discussions",
                "case_discussions:discussion_list",
                "case_discussions.view_discussions",
                "Local cases explored for their learning, the decisions, themes and actions.",
            ),
            Entry(
                "Published learning",
                "briefings:learning",
                "briefings.read_learning",
                "The published briefings and reviews to read, and a record of what you have read.",
            ),
            Entry(
                "Who has read the learning",
                "briefings:read_counts",
                "briefings.view_read_counts",
                "How many people of each agency have read each briefing and review.",
            ),
            Entry(
                "Learning from reviews (public page)",
                "briefings:public_learning",
                "partnership.view_home",
                "The published briefings and review reports, as the public sees them.",
            ),
            Entry(
                "Voice of children and families",
                "voice:activity_list",
                "voice.view_voice",
                "What children and families told the partnership, and what it did: you said, we did.",
            ),
        ),
        apps=("incidents", "reviews", "briefings", "voice", "case_discussions"),
    ),
    Section(
        "training",
        "Training",
        "The partnership's multi-agency training: courses, sessions and booking.",
        (
            Entry(
                "Coming training",
                "training:home",
                "training.book_training",
                "Coming sessions of the partnership's courses, and the public calendar and brochure.",
            ),
            Entry(
                "My training",
                "training:my_bookings",
                "training.book_training",
                "Your places and places on the waiting list, coming and past, and cancelling one.",
            ),
            Entry(
                "My certificates",
                "training:certificate_list",
                "training.book_training",
                "Certificates of the sessions you attended, with CPD hours, and their evaluations.",
            ),
            Entry(
                "Staff bookings",
                "training:staff_bookings",
                "training.book_for_staff",
                "The training places of your agency's staff, and booking named staff onto a session.",
            ),
            Entry(
                "Training needs analysis",
                "training:needs_list",
                "training.answer_needs_analysis",
                "What training each agency's staff need, by topic and level.",
            ),
            Entry(
                "Training charges",
                "training:charge_list",
                "training.view_agency_charges",
                "Charges for places not used, per agency and quarter, with waivers and invoice lines.",
            ),
            Entry(
                "Registers to take",
                "training:register_list",
                "training.manage_training",
                "Sessions held whose register is still to be taken.",
            ),
            Entry(
                "Courses and sessions",
                "training:course_list",
                "training.manage_training",
                "Add, change and publish courses, and add, change or cancel their sessions.",
            ),
            Entry(
                "Training figures",
                "training:figures",
                "training.view_training_figures",
                "Sessions, places, attendance, evaluations and impact for a year, by priority.",
            ),
        ),
        apps=("training",),
    ),
    Section(
        "assurance",
        "Assurance",
        "Inspections, Section 11 and Section 175 self-assessment, assurance requests, multi-agency "
        "audits, the effectiveness review, professional escalations and restraint at the young "
        "offender institution.",
        (
            Entry(
                "Inspections",
                "assurance:inspection_list",
                "assurance.view_inspection_summaries",
                "Inspections of the partnership's agencies, their judgements and the actions answering them.",
            ),
            Entry(
                "Section 11 and Section 175 self-assessment",
                "assurance:section11_home",
                "assurance.view_section11",
                "Self-assessments of agencies and schools against the standards, and the results.",
            ),
            Entry(
                "Assurance requests",
                "assurance:request_list",
                "assurance.view_assurance_requests",
                "Reports asked of agencies by the Board and its groups, and the groups' judgements.",
            ),
            Entry(
                "Multi-agency audits",
                "case_audits:audit_list",
                "case_audits.view_audits",
                "Cases audited together by the agencies, the agreed grades, findings and learning.",
            ),
            Entry(
                "Effectiveness review",
                "effectiveness:review_list",
                "effectiveness.view_reviews",
                "How well the arrangements work: self-evaluation, figures, findings and responses.",
            ),
            # Under assurance: an escalation tests how well agencies work together, and the Board
            # assures itself of the policy's use through the figures (docs/domain.md).
            Entry(
                "Professional escalations",
                "escalations:escalation_list",
                "escalations.view_escalations",
                "Disagreements between agencies taken through the escalation policy, and the figures.",
            ),
            Entry(
                "Restraint and use of force",
                "restraint:home",
                "restraint.view_figures",
                "Restraint at the young offender institution: quarterly figures and the yearly review.",
            ),
            Entry(
                "Independent scrutiny",
                "scrutiny:overview",
                "scrutiny.view_comments",
                "The scrutineer's plan and findings, the partnership's responses and the yearly comment.",
            ),
            Entry(
                "Statement of assurance",
                "scrutiny:statement_list",
                "scrutiny.view_statements",
                "The safeguarding partners' yearly statement of assurance and who has signed it off.",
            ),
        ),
        apps=("assurance", "case_audits", "effectiveness", "escalations", "restraint", "scrutiny"),
    ),
    Section(
        "performance",
        "Performance",
        "Dashboards, indicators, data from agencies, statutory returns and clocks.",
        (
            Entry(
                "Performance dashboards",
                "dashboards:index",
                "indicators.view_indicators",
                "Charts and commentary by priority and group.",
            ),
            Entry(
                "Indicator catalogue",
                "indicators:indicator_list",
                "indicators.view_indicators",
                "What each indicator measures, its targets and comparators.",
            ),
            Entry(
                "Data calls",
                "indicators:data_call_list",
                "indicators.submit_indicators",
                "Figures asked of agencies each period, and their submissions.",
            ),
            Entry(
                "Statutory returns",
                "returns:return_list",
                "returns.manage_returns",
                "CIN census and SSDA903 imports.",
            ),
            Entry(
                "Population of children",
                "returns:population_list",
                "returns.view_figures",
                "The 0 to 17 population that rates are worked out from.",
            ),
            Entry(
                "Statutory clocks",
                "incidents:clocks",
                "incidents.view_incidents",
                "Deadlines of the incidents and rapid reviews you may see.",
            ),
        ),
        apps=("dashboards", "indicators", "returns"),
    ),
    Section(
        "actions",
        "Actions",
        "The action tracker: every action the partnership agreed, whatever its source.",
        (
            Entry(
                "Action tracker",
                "actions:action_list",
                "actions.view_actions",
                "The actions you may see, with filters and a spreadsheet.",
            ),
            Entry(
                "Overdue actions",
                "actions:overdue",
                "actions.view_actions",
                "The Board's list of actions past the escalation threshold.",
            ),
            Entry(
                "My actions",
                "actions:my_actions",
                SIGNED_IN,
                "The actions you own, in every partnership.",
                in_partnership=False,
            ),
        ),
        apps=("actions",),
    ),
    Section(
        "admin",
        "Admin",
        "Users, settings and the audit log.",
        (
            Entry(
                "Users",
                "accounts:user_list",
                "accounts.manage_users",
                "Who has access, in which role, and invitations.",
            ),
            Entry(
                "Audit log",
                "audit:log",
                "audit.view_log",
                "Every change and every read of a sensitive record.",
            ),
            Entry(
                "Action settings",
                "actions:action_settings",
                "actions.manage_actions",
                "Reminders and the escalation threshold.",
            ),
            Entry(
                "Incident settings",
                "incidents:incident_settings",
                "incidents.manage_incidents",
                "The pattern of child references.",
            ),
        ),
        apps=("accounts", "audit"),
    ),
)


@dataclass(frozen=True)
class NavLink:
    label: str
    url: str
    description: str = ""
    # "page" on the page itself, "true" on a page inside the section, "" elsewhere.
    current: str = ""


def _may_reach(user, entry: Entry, partnership: Partnership | None) -> bool:
    if entry.permission == SIGNED_IN:
        return partnership is not None or not entry.in_partnership
    if entry.in_partnership:
        return partnership is not None and rules.has_perm(entry.permission, user, partnership)
    return rules.has_perm(entry.permission, user, None)


def _url(entry: Entry, partnership: Partnership | None) -> str:
    if entry.in_partnership:
        assert partnership is not None
        return reverse(entry.url_name, args=[partnership.slug])
    return reverse(entry.url_name)


def section_get(key: str) -> Section | None:
    """A section that has pages (one without entries does not exist as far as anyone can tell)."""
    return next((s for s in SECTIONS if s.key == key and s.entries), None)


def section_links(user, partnership: Partnership, section: Section) -> list[NavLink]:
    """The section's pages this user may reach in this partnership, for its landing page."""
    return [
        NavLink(entry.label, _url(entry, partnership), entry.description)
        for entry in section.entries
        if _may_reach(user, entry, partnership)
    ]


def current_section_key(view_name: str, kwargs: Mapping[str, object]) -> str | None:
    """The section a page belongs to: its own entry first, then the app that owns the page."""
    if view_name == SECTION_VIEW:
        return str(kwargs.get("section", ""))
    for section in SECTIONS:
        if any(entry.url_name == view_name for entry in section.entries):
            return section.key
    app = view_name.split(":")[0]
    return next((s.key for s in SECTIONS if app in s.apps), None)


def menu_for(
    user,
    partnership: Partnership | None,
    *,
    view_name: str = "",
    view_kwargs: Mapping[str, object] | None = None,
) -> list[NavLink]:
    """The service navigation for this signed-in user, inside `partnership` if they work in one.

    `view_name` (with its URL kwargs) names the page being shown, so the link of its section, or
    the page itself, is marked as current.
    """
    kwargs = view_kwargs or {}
    current = current_section_key(view_name, kwargs) if view_name and view_name != HOME.url_name else None

    def own(entry: Entry) -> str:
        return "page" if entry.url_name == view_name else ""

    links = []
    if partnership is not None:
        if _may_reach(user, HOME, partnership):
            links.append(NavLink(HOME.label, _url(HOME, partnership), current=own(HOME)))
        for section in SECTIONS:
            if not any(_may_reach(user, entry, partnership) for entry in section.entries):
                continue
            url = reverse(SECTION_VIEW, args=[partnership.slug, section.key])
            state = ""
            if section.key == current:
                state = "page" if view_name == SECTION_VIEW else "true"
            links.append(NavLink(section.label, url, section.description, state))
    for entry in PERSONAL:
        if _may_reach(user, entry, None):
            links.append(NavLink(entry.label, _url(entry, None), current=own(entry)))
    return links
