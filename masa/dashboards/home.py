"""The partnership home page: what needs this person's attention, in a fixed number of queries."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q
from django.utils import timezone

from masa.accounts.models import User
from masa.actions.models import OPEN_STATUSES
from masa.actions.rules import VIEW_ACTIONS
from masa.actions.selectors import my_actions, overdue_for_board
from masa.assurance.models import AssuranceRequest
from masa.assurance.selectors import overdue_requests_for_home
from masa.case_audits.models import AgencyReturn
from masa.case_audits.selectors import parts_to_complete
from masa.dashboards.rules import SEE_CADENCE_WARNINGS
from masa.governance.models import Meeting
from masa.governance.rules import VIEW_MEETINGS
from masa.governance.rules_pure import CadenceFinding
from masa.governance.selectors import cadence_warnings, meeting_list
from masa.incidents.rules import VIEW_INCIDENTS
from masa.indicators.models import Submission, SubmissionStatus
from masa.indicators.rules import SUBMIT_INDICATORS
from masa.indicators.selectors import submissions_for_user
from masa.partnership.models import Partnership
from masa.partnership.selectors import HomeSummary, home_summary


@dataclass
class Dashboard:
    structure: HomeSummary
    upcoming_meetings: list[Meeting] = field(default_factory=list)
    my_open: int = 0
    my_overdue: int = 0
    board_overdue: int | None = None
    cadence: list[CadenceFinding] = field(default_factory=list)
    can_view_incidents: bool = False
    # Data call submissions this person still has to send (agency leads; the business team).
    data_call_tasks: list[Submission] = field(default_factory=list)
    # Assurance requests past due with no report (the business team; the asked agency's leads).
    overdue_requests: list[AssuranceRequest] = field(default_factory=list)
    # Parts of multi-agency audits the agency lead's agencies still have to submit.
    audit_parts: list[tuple[AgencyReturn, bool]] = field(default_factory=list)


def dashboard_for(user: User, partnership: Partnership, *, today: date | None = None) -> Dashboard:
    today = today or timezone.localdate()
    board = Dashboard(structure=home_summary(partnership))
    if user.has_perm(VIEW_MEETINGS, partnership):
        board.upcoming_meetings = list(meeting_list(user, partnership, upcoming=True)[:5])
    mine = (
        my_actions(user)
        .filter(partnership=partnership)
        .aggregate(
            open=Count("pk"),
            overdue=Count("pk", filter=Q(due_date__lt=today, status__in=OPEN_STATUSES)),
        )
    )
    board.my_open, board.my_overdue = mine["open"], mine["overdue"]
    if user.has_perm(VIEW_ACTIONS, partnership):
        board.board_overdue = overdue_for_board(user, partnership, today=today).count()
    board.can_view_incidents = user.has_perm(VIEW_INCIDENTS, partnership)
    if user.has_perm(SUBMIT_INDICATORS, partnership):
        waiting = (SubmissionStatus.NOT_STARTED, SubmissionStatus.DRAFT, SubmissionStatus.RETURNED)
        board.data_call_tasks = list(submissions_for_user(user, partnership).filter(status__in=waiting)[:5])
    board.overdue_requests = list(overdue_requests_for_home(user, partnership, today=today)[:10])
    board.audit_parts = [
        (part, part.case.audit.agency_deadline < today) for part in parts_to_complete(user, partnership)[:10]
    ]
    if user.has_perm(SEE_CADENCE_WARNINGS, partnership):
        board.cadence = cadence_warnings(partnership, today=today)
    return board
