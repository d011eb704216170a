"""A partnership with a year of meetings, actions and an incident, and a draft effectiveness review."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest

from masa.accounts.models import Membership, Role, User
from masa.actions.models import Action, ActionSource
from masa.actions.services import action_close, action_create, action_withdraw
from masa.effectiveness import services
from masa.effectiveness.models import EffectivenessReview, FindingKind, ReviewFinding
from masa.governance.models import Attendance, AttendanceStatus, Meeting, MeetingStatus
from masa.incidents.models import PanelNotification
from masa.partnership.models import Agency, Group, GroupKind, Partnership, Person, Principle
from tests.factories import (
    SETUP,
    GroupFactory,
    PartnershipAgencyFactory,
    PartnershipFactory,
    PersonFactory,
    SeriousIncidentFactory,
    member,
)

START, END = date(2023, 4, 1), date(2024, 3, 31)


@dataclass
class World:
    partnership: Partnership
    police: Agency
    council: Agency
    board: Group
    subgroup: Group
    principles: list[Principle]
    business_team: User
    lsp: User
    scrutineer: User
    member_user: User
    practitioner: User
    owner: Person
    review: EffectivenessReview
    strength: ReviewFinding
    recommendation: ReviewFinding


def _meeting(w_partnership: Partnership, group: Group, day: date, **kw) -> Meeting:
    at = datetime(day.year, day.month, day.day, 10, tzinfo=UTC)
    return Meeting.objects.create(
        partnership=w_partnership, group=group, starts_at=at, ends_at=at + timedelta(hours=2), **kw
    )


def _action(p: Partnership, owner: Person, title: str, due: date) -> Action:
    return action_create(
        actor=SETUP,
        partnership=p,
        title=title,
        owner=owner,
        due_date=due,
        source=ActionSource.ESCALATION,
        today=date(2023, 4, 1),
    )


def make_world(slug: str) -> World:
    p = PartnershipFactory(slug=slug)
    police = PartnershipAgencyFactory(partnership=p, agency__name=f"{slug} Police").agency
    council = PartnershipAgencyFactory(partnership=p, agency__name=f"{slug} Council").agency
    principles = [
        Principle.objects.create(partnership=p, title=t, order=n)
        for n, t in enumerate(("Empowerment", "Prevention", "Partnership"), start=1)
    ]
    board = GroupFactory(partnership=p, name=f"{slug} Board", kind=GroupKind.BOARD, min_meetings_per_year=4)
    subgroup = GroupFactory(partnership=p, name=f"{slug} Insights Group", min_meetings_per_year=2)
    bt = member(p, Role.BUSINESS_TEAM)
    lsp = member(p, Role.LSP)
    scrutineer = member(p, Role.SCRUTINEER)
    member_user = member(p, Role.MEMBER)
    practitioner = member(p, Role.PRACTITIONER, mfa=False)
    owner_user = member(p, Role.AGENCY_LEAD, mfa=False, full_name=f"Ola Owner {slug}")
    Membership.objects.filter(user=owner_user, partnership=p).update(agency=council)
    owner = PersonFactory(partnership=p, agency=council, user=owner_user, name=f"Ola Owner {slug}")
    officer = PersonFactory(partnership=p, agency=police, name=f"Pat Police {slug}")

    # The Board met three times in the year (four expected); the subgroup twice (two expected).
    # Police attended all three Board meetings; the council sent apologies to one.
    for day, council_status in (
        (date(2023, 6, 1), AttendanceStatus.PRESENT),
        (date(2023, 9, 1), AttendanceStatus.APOLOGIES),
        (date(2024, 1, 10), AttendanceStatus.DEPUTY),
    ):
        meeting = _meeting(p, board, day, status=MeetingStatus.HELD)
        Attendance.objects.create(
            partnership=p, meeting=meeting, person=officer, status=AttendanceStatus.PRESENT
        )
        Attendance.objects.create(partnership=p, meeting=meeting, person=owner, status=council_status)
    _meeting(p, board, date(2023, 12, 1), status=MeetingStatus.CANCELLED)
    _meeting(p, board, date(2024, 4, 10))  # after the period
    _meeting(p, subgroup, date(2023, 7, 1))
    _meeting(p, subgroup, date(2024, 2, 1))

    # Four actions due in the period: one closed on time, one closed late, one open and
    # overdue, one withdrawn; one due after the period.
    on_time = _action(p, owner, "Closed on time", date(2023, 9, 30))
    action_close(actor=SETUP, action=on_time, impact="Done")
    Action.objects.filter(pk=on_time.pk).update(closed_at=datetime(2023, 9, 1, 12, tzinfo=UTC))
    late = _action(p, owner, "Closed late", date(2023, 10, 31))
    action_close(actor=SETUP, action=late, impact="Done")
    Action.objects.filter(pk=late.pk).update(closed_at=datetime(2023, 12, 1, 12, tzinfo=UTC))
    _action(p, owner, "Still open", date(2024, 1, 31))
    withdrawn = _action(p, owner, "Withdrawn", date(2023, 8, 31))
    action_withdraw(actor=SETUP, action=withdrawn, reason="Overtaken")
    _action(p, owner, "Next year", date(2024, 6, 30))

    # One incident: the Panel notified the next day (on time), the rapid review sent in February
    # (late: 15 working days from 1 November 2023 ran out on 22 November).
    incident = SeriousIncidentFactory(
        partnership=p, date_aware=date(2023, 11, 1), rr_submitted_date=date(2024, 2, 1)
    )
    PanelNotification.objects.create(partnership=p, incident=incident, sent_date=date(2023, 11, 2))

    review = services.review_save(
        actor=SETUP,
        partnership=p,
        title="Partnership Effectiveness Review 2023",
        period_start=START,
        period_end=END,
        reviewer_name="Independent reviewer",
        commissioned_on=date(2023, 5, 1),
    )
    strength = services.finding_save(
        actor=SETUP, review=review, kind=FindingKind.STRENGTH, text="Strong partnership arrangements"
    )
    recommendation = services.finding_save(
        actor=SETUP,
        review=review,
        kind=FindingKind.RECOMMENDATION,
        text="Improve quality assurance activity",
        principle=principles[2],
    )
    return World(
        partnership=p,
        police=police,
        council=council,
        board=board,
        subgroup=subgroup,
        principles=principles,
        business_team=bt,
        lsp=lsp,
        scrutineer=scrutineer,
        member_user=member_user,
        practitioner=practitioner,
        owner=owner,
        review=review,
        strength=strength,
        recommendation=recommendation,
    )


@pytest.fixture
def alpha(db) -> World:
    return make_world("alpha")


@pytest.fixture
def beta(db) -> World:
    return make_world("beta")
