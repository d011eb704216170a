"""Reads of the inspections register, each in a fixed number of queries.

Everyone who may open the register sees every inspection of the partnership (inspection reports
are published and name no child). Which actions a user may open is still the action tracker's
need-to-know scope: the inspection page shows every action's status, and links only those.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import BooleanField, Case, Count, Prefetch, Q, QuerySet, Value, When
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils import timezone

from masa.accounts.models import User
from masa.accounts.rules import is_agency_lead, is_business_team
from masa.actions.models import Action
from masa.actions.selectors import action_scope
from masa.assurance.models import (
    OPEN_REQUEST_STATUSES,
    AssuranceRequest,
    Inspection,
    InspectionFinding,
    InspectionJudgement,
    RequestStatus,
)
from masa.assurance.rules import VIEW_ASSURANCE_REQUESTS, sees_all_requests, user_agency_id
from masa.core.dates import financial_year_start
from masa.partnership.models import Agency, Group, GroupMember, Partnership, Person


@dataclass(frozen=True)
class Progress:
    """How the actions answering an inspection's findings stand."""

    closed: int = 0
    open: int = 0
    overdue: int = 0
    withdrawn: int = 0

    @property
    def total(self) -> int:
        return self.closed + self.open + self.overdue + self.withdrawn


def progress_of(actions: list[Action], today: date) -> Progress:
    counts = {"closed": 0, "open": 0, "overdue": 0, "withdrawn": 0}
    for action in actions:
        if action.status == "closed":
            counts["closed"] += 1
        elif action.status == "withdrawn":
            counts["withdrawn"] += 1
        elif action.is_overdue_on(today):
            counts["overdue"] += 1
        else:
            counts["open"] += 1
    return Progress(**counts)


def _live_actions() -> QuerySet[Action]:
    return Action.objects.filter(is_deleted=False).select_related("owner", "owner_agency").order_by("number")


def inspection_list(
    partnership: Partnership, *, kind: str = "", year: int | None = None
) -> QuerySet[Inspection]:
    """The register, newest first; `year` is the financial year (April to March) it started in."""
    qs = Inspection.objects.filter(partnership=partnership)
    if kind:
        qs = qs.filter(kind=kind)
    if year is not None:
        qs = qs.filter(start_date__gte=date(year, 4, 1), start_date__lt=date(year + 1, 4, 1))
    return (
        qs.select_related("inspected_body")
        .prefetch_related(
            Prefetch("judgements", queryset=InspectionJudgement.objects.order_by("order", "pk")),
            Prefetch(
                "findings",
                queryset=InspectionFinding.objects.order_by("number").prefetch_related(
                    Prefetch("actions", queryset=_live_actions())
                ),
            ),
        )
        .annotate(finding_count=Count("findings", distinct=True))
        .order_by("-start_date", "-created_at")
    )


def inspection_years(partnership: Partnership) -> list[int]:
    """The financial years (by their first calendar year) in which the partnership's inspections started."""
    rows = (
        Inspection.objects.filter(partnership=partnership)
        .annotate(y=ExtractYear("start_date"), m=ExtractMonth("start_date"))
        .values_list("y", "m")
        .distinct()
    )
    return sorted({financial_year_start(date(y, m, 1)) for y, m in rows}, reverse=True)


def inspection_get(partnership: Partnership, uuid: str) -> Inspection | None:
    return (
        Inspection.objects.filter(partnership=partnership, uuid=uuid).select_related("inspected_body").first()
    )


def inspection_findings(user: User, inspection: Inspection) -> list[InspectionFinding]:
    """The inspection's findings with their actions, each marked with whether this user may open it."""
    actions = _live_actions().annotate(
        can_open=Case(
            When(action_scope(user, inspection.partnership), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
    )
    return list(
        inspection.findings.select_related("agency")
        .prefetch_related(Prefetch("actions", queryset=actions))
        .order_by("number")
    )


def findings_progress(findings: list[InspectionFinding], today: date) -> Progress:
    return progress_of([a for f in findings for a in f.actions.all()], today)


def inspection_progress(inspection: Inspection, today: date) -> Progress:
    """For a register row whose findings and actions were prefetched by `inspection_list`."""
    return findings_progress(list(inspection.findings.all()), today)


def judgement_get(inspection: Inspection, uuid: str) -> InspectionJudgement | None:
    return inspection.judgements.filter(uuid=uuid).first()


def finding_get(inspection: Inspection, uuid: str) -> InspectionFinding | None:
    return inspection.findings.filter(uuid=uuid).select_related("agency").first()


def partnership_agencies(partnership: Partnership) -> QuerySet[Agency]:
    return Agency.objects.filter(memberships__partnership=partnership).order_by("name").distinct()


def partnership_people(partnership: Partnership) -> QuerySet[Person]:
    return (
        Person.objects.filter(partnership=partnership, is_active=True)
        .select_related("agency")
        .order_by("name")
    )


def partnership_groups(partnership: Partnership) -> QuerySet[Group]:
    return Group.objects.filter(partnership=partnership).order_by("name")


# Assurance requests ----------------------------------------------------------------------------


def request_scope(user: User, partnership: Partnership) -> Q:
    """The assurance requests of this partnership this user may see (masa/assurance/rules.py).

    Senior roles, the business team and the scrutineer see all; an agency lead sees the requests
    to their agency; anyone named on a group (as a member or its chair) sees that group's.
    """
    if not user.has_perm(VIEW_ASSURANCE_REQUESTS, partnership):
        return Q(pk__in=[])
    if sees_all_requests(user, partnership):
        return Q(partnership=partnership)
    groups = GroupMember.objects.filter(partnership=partnership, person__user=user).values("group_id")
    chaired = Group.objects.filter(partnership=partnership, chair__user=user).values("pk")
    scope = Q(group_id__in=groups) | Q(group_id__in=chaired)
    if is_agency_lead(user, partnership):
        agency_id = user_agency_id(user, partnership.pk)
        if agency_id is not None:
            scope |= Q(agency_id=agency_id)
    return Q(partnership=partnership) & scope


def request_list(
    user: User,
    partnership: Partnership,
    *,
    status: str = "",
    agency: Agency | None = None,
    group: Group | None = None,
    overdue: bool = False,
    today: date | None = None,
) -> QuerySet[AssuranceRequest]:
    """The requests this user may see, newest first; `overdue` is past due with no report yet."""
    qs = AssuranceRequest.objects.filter(request_scope(user, partnership))
    if status:
        qs = qs.filter(status=status)
    if agency is not None:
        qs = qs.filter(agency=agency)
    if group is not None:
        qs = qs.filter(group=group)
    if overdue:
        qs = qs.filter(_overdue(today))
    return qs.select_related("agency", "group", "lead", "meeting").order_by("-number")


def _overdue(today: date | None) -> Q:
    return Q(status=RequestStatus.REQUESTED, due_date__lt=today or timezone.localdate())


def request_get(user: User, partnership: Partnership, uuid: str) -> AssuranceRequest | None:
    """One request, or None when it is not there or outside this user's scope (a 404)."""
    return (
        AssuranceRequest.objects.filter(request_scope(user, partnership), uuid=uuid)
        .select_related("agency", "group__chair", "lead__agency", "meeting__group")
        .prefetch_related(
            Prefetch(
                "actions",
                queryset=_live_actions().annotate(
                    can_open=Case(
                        When(action_scope(user, partnership), then=Value(True)),
                        default=Value(False),
                        output_field=BooleanField(),
                    )
                ),
            )
        )
        .first()
    )


def overdue_requests_for_home(
    user: User, partnership: Partnership, *, today: date | None = None
) -> QuerySet[AssuranceRequest]:
    """Requests past due with no report, for the home page: the business team sees every one,
    an agency lead their own agency's; anyone else none."""
    if is_business_team(user, partnership):
        qs = AssuranceRequest.objects.filter(partnership=partnership)
    elif is_agency_lead(user, partnership):
        agency_id = user_agency_id(user, partnership.pk)
        if agency_id is None:
            return AssuranceRequest.objects.none()
        qs = AssuranceRequest.objects.filter(partnership=partnership, agency_id=agency_id)
    else:
        return AssuranceRequest.objects.none()
    return qs.filter(_overdue(today)).select_related("agency", "group").order_by("due_date", "number")


def group_requests(group: Group) -> QuerySet[AssuranceRequest]:
    """The requests a group made, open ones first (for the group's page)."""
    return (
        AssuranceRequest.objects.filter(group=group)
        .select_related("agency")
        .order_by(Case(When(status__in=OPEN_REQUEST_STATUSES, then=Value(0)), default=Value(1)), "-number")
    )


def request_agencies(partnership: Partnership) -> QuerySet[Agency]:
    return partnership_agencies(partnership)


def group_meetings(partnership: Partnership):
    """The partnership's meetings (of every group), newest first, for the "asked at" question.

    Meetings belong to governance, a sibling app this one does not import: the model is reached
    through the request's own relation.
    """
    meeting_model = AssuranceRequest._meta.get_field("meeting").related_model
    return (
        meeting_model._default_manager.filter(partnership=partnership, is_deleted=False)  # type: ignore[union-attr]
        .select_related("group")
        .order_by("-starts_at")
    )
