"""Reads about meetings, scoped record by record to the groups a user belongs to."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from masa.accounts.models import User
from masa.accounts.rules import is_member
from masa.actions.models import Action
from masa.actions.selectors import open_actions_for_group
from masa.clocks.calendar import add_months
from masa.core.dates import financial_year_start
from masa.governance.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    CalendarFeed,
    Meeting,
    MeetingGuest,
    MeetingStatus,
    MinutesRevision,
    MinutesStatus,
    Paper,
    WorkplanItem,
)
from masa.governance.rules import OPEN_PAPER, sees_all_meetings
from masa.governance.rules_pure import (
    CadenceFinding,
    attendance_rate,
    cadence_findings,
    can_still_be_quorate,
    is_quorate,
)
from masa.partnership.models import Group, GroupKind, GroupMember, MemberType, Partnership, Person, Priority


def user_group_ids(user: User, partnership: Partnership) -> QuerySet:
    members = GroupMember.objects.filter(partnership=partnership, person__user=user).values("group_id")
    return Group.objects.filter(Q(pk__in=members) | Q(chair__user=user), partnership=partnership).values("pk")


def meeting_scope(user: User, partnership: Partnership) -> Q:
    """Members see their own groups' meetings; senior roles and the business team see all."""
    if not is_member(user, partnership):
        return Q(pk__in=[])
    if sees_all_meetings(user, partnership):
        return Q(partnership=partnership)
    return Q(partnership=partnership, group_id__in=user_group_ids(user, partnership))


def meeting_list(
    user: User, partnership: Partnership, *, group: Group | None = None, upcoming: bool | None = None
) -> QuerySet[Meeting]:
    qs = Meeting.objects.filter(meeting_scope(user, partnership), is_deleted=False).select_related("group")
    if group is not None:
        qs = qs.filter(group=group)
    now = timezone.now()
    if upcoming is True:
        return qs.filter(starts_at__gte=now).exclude(status=MeetingStatus.CANCELLED).order_by("starts_at")
    if upcoming is False:
        return qs.filter(starts_at__lt=now).order_by("-starts_at")
    return qs.order_by("-starts_at")


def meeting_get(user: User, partnership: Partnership, uuid: str) -> Meeting | None:
    items = AgendaItem.objects.select_related("presenter", "priority").prefetch_related(
        "decisions",
        Prefetch("papers", queryset=Paper.objects.filter(is_deleted=False).prefetch_related("restricted_to")),
        Prefetch("actions", queryset=Action.objects.filter(is_deleted=False).select_related("owner")),
    )
    return (
        Meeting.objects.filter(meeting_scope(user, partnership), uuid=uuid, is_deleted=False)
        .select_related("partnership", "group", "group__chair", "minutes_approved_at_meeting")
        .prefetch_related(
            Prefetch("items", queryset=items),
            Prefetch("attendance", queryset=Attendance.objects.select_related("person__agency", "deputy")),
            "guests",
        )
        .first()
    )


def paper_visible(user: User, paper: Paper) -> bool:
    """Restricted papers: only the named members (and the business team) may open them."""
    return user.has_perm(OPEN_PAPER, paper)


@dataclass
class Quorum:
    voting_present: int
    quorum: int
    voting_members: int

    @property
    def is_quorate(self) -> bool:
        return is_quorate(self.voting_present, self.quorum)


def quorum_for(meeting: Meeting) -> Quorum:
    voting = _voting_member_ids(meeting)
    present = {
        a.person_id
        for a in meeting.attendance.all()
        if a.status in (AttendanceStatus.PRESENT, AttendanceStatus.DEPUTY) and a.person_id in voting
    }
    return Quorum(voting_present=len(present), quorum=meeting.group.quorum, voting_members=len(voting))


def _voting_member_ids(meeting: Meeting) -> set[int]:
    return set(
        GroupMember.objects.filter(group_id=meeting.group_id, member_type=MemberType.VOTING).values_list(
            "person_id", flat=True
        )
    )


@dataclass
class QuorumForecast:
    """Before the meeting: apologies from voting members against the quorum (a deputy attends)."""

    apologies: int
    voting_members: int
    quorum: int

    @property
    def can_be_quorate(self) -> bool:
        return can_still_be_quorate(self.voting_members, self.apologies, self.quorum)


def quorum_forecast(meeting: Meeting) -> QuorumForecast:
    voting = _voting_member_ids(meeting)
    apologies = {
        a.person_id
        for a in meeting.attendance.all()
        if a.status == AttendanceStatus.APOLOGIES and a.person_id in voting
    }
    return QuorumForecast(apologies=len(apologies), voting_members=len(voting), quorum=meeting.group.quorum)


def member_person(user: User, meeting: Meeting) -> Person | None:
    """The user's own person record if it is a member of the meeting's group (or its chair)."""
    if not user.is_authenticated:
        return None
    return group_people(meeting.group).filter(user=user).first()


def own_apologies(meeting: Meeting, person: Person | None) -> Attendance | None:
    """The apologies this person sent for the meeting, from the attendance `meeting_get` prefetched."""
    if person is None:
        return None
    return next(
        (a for a in meeting.attendance.all() if a.person_id == person.pk and a.apologies_sent_at is not None),
        None,
    )


def matters_arising(meeting: Meeting):
    """Every open action of the group, except those agreed at this very meeting."""
    return open_actions_for_group(meeting.group).exclude(meeting_item__meeting=meeting)


def minutes_awaiting_approval(meeting: Meeting) -> QuerySet[Meeting]:
    """Earlier meetings of the group, already started, whose draft minutes this meeting can approve."""
    return (
        Meeting.objects.filter(
            group_id=meeting.group_id,
            starts_at__lt=meeting.starts_at,
            starts_at__lte=timezone.now(),
            minutes_status=MinutesStatus.DRAFT,
            is_deleted=False,
        )
        .exclude(status=MeetingStatus.CANCELLED)
        .order_by("starts_at")
    )


def cadence_warnings(partnership: Partnership, *, today: date | None = None) -> list[CadenceFinding]:
    """For the current and previous reporting years (April to March), in a fixed number of queries."""
    today = today or timezone.localdate()
    fy_start = date(financial_year_start(today), 4, 1)
    years = [date(fy_start.year - 1, 4, 1), fy_start]
    groups = list(Group.objects.filter(partnership=partnership, is_active=True))
    days: dict[int, list[date]] = defaultdict(list)
    held = Meeting.objects.filter(
        partnership=partnership, is_deleted=False, starts_at__date__gte=years[0]
    ).exclude(status=MeetingStatus.CANCELLED)
    for group_id, starts_at in held.values_list("group_id", "starts_at"):
        days[group_id].append(timezone.localtime(starts_at).date())
    findings: list[CadenceFinding] = []
    for year_start in years:
        for group in groups:
            if group.kind in (GroupKind.BOARD, GroupKind.LSP) or group.min_meetings_per_year:
                findings += cadence_findings(
                    group_name=group.name,
                    kind=group.kind,
                    min_per_year=group.min_meetings_per_year,
                    meeting_days=days[group.pk],
                    year_start=year_start,
                    today=today,
                )
    return findings


@dataclass
class AttendanceRow:
    group: str
    agency: str
    attended: int
    expected: int

    @property
    def rate(self) -> float | None:
        return attendance_rate(self.attended, self.expected)


def attendance_rates(partnership: Partnership, *, year_start: date) -> list[AttendanceRow]:
    """Attendance per agency per group in a reporting year: present or deputised / recorded."""
    return attendance_between(partnership, start=year_start, end=add_months(year_start, 12))


def attendance_between(partnership: Partnership, *, start: date, end: date) -> list[AttendanceRow]:
    """Attendance per agency per group at meetings on `start` or after and before `end`."""
    rows: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    records = Attendance.objects.filter(
        partnership=partnership,
        meeting__starts_at__date__gte=start,
        meeting__starts_at__date__lt=end,
        # Apologies sent for a meeting still to come are not yet a missed meeting.
        meeting__starts_at__lte=timezone.now(),
        meeting__is_deleted=False,
    ).values_list("meeting__group__name", "person__agency__name", "status")
    for group_name, agency_name, status in records:
        counts = rows[(group_name, agency_name)]
        counts[1] += 1
        if status in (AttendanceStatus.PRESENT, AttendanceStatus.DEPUTY):
            counts[0] += 1
    return [AttendanceRow(g, a, c[0], c[1]) for (g, a), c in sorted(rows.items())]


def meetings_held_between(partnership: Partnership, *, start: date, end: date) -> dict[int, int]:
    """Meetings held (not cancelled, already started) per group id, on `start` or after and before `end`."""
    held = (
        Meeting.objects.filter(
            partnership=partnership,
            is_deleted=False,
            starts_at__date__gte=start,
            starts_at__date__lt=end,
            starts_at__lte=timezone.now(),
        )
        .exclude(status=MeetingStatus.CANCELLED)
        .values("group_id")
        .annotate(n=Count("pk"))
    )
    return {row["group_id"]: row["n"] for row in held}


def forward_plan(partnership: Partnership) -> QuerySet[Meeting]:
    """The Board's coming meetings with what is planned to come to each."""
    return (
        Meeting.objects.filter(
            partnership=partnership,
            group__kind=GroupKind.BOARD,
            starts_at__gte=timezone.now(),
            is_deleted=False,
        )
        .select_related("group")
        .prefetch_related(
            Prefetch("forward_plan", queryset=WorkplanItem.objects.select_related("group", "lead"))
        )
        .order_by("starts_at")
    )


def workplan_for(group: Group) -> QuerySet[WorkplanItem]:
    return WorkplanItem.objects.filter(group=group).select_related("priority", "lead", "planned_meeting")


def meetings_for_feed(token_hash: str) -> tuple[User | None, list[Meeting]]:
    """The meetings in a personal calendar feed: the user's groups, in every partnership."""
    feed = CalendarFeed.objects.filter(token_hash=token_hash).select_related("user").first()
    if feed is None or not feed.user.is_active:
        return None, []
    user = feed.user
    meetings: list[Meeting] = []
    for membership in user.memberships.filter(is_active=True).select_related("partnership"):
        meetings += list(
            Meeting.objects.filter(
                meeting_scope(user, membership.partnership), is_deleted=False
            ).select_related("group", "partnership")
        )
    return user, meetings


# Reads for the meeting pages, API and documents (each in a fixed number of queries) ---------


def visible_groups(user: User, partnership: Partnership) -> QuerySet[Group]:
    """The groups whose meetings this user may see (all of them for senior roles)."""
    groups = Group.objects.filter(partnership=partnership).order_by("order", "name")
    if not is_member(user, partnership):
        return groups.none()
    if sees_all_meetings(user, partnership):
        return groups
    return groups.filter(pk__in=user_group_ids(user, partnership))


def visible_group_get(user: User, partnership: Partnership, uuid: str) -> Group | None:
    return visible_groups(user, partnership).filter(uuid=uuid).first()


def visible_papers(user: User, item: AgendaItem) -> list[Paper]:
    """The item's papers this user may open (uses the papers prefetched by `meeting_get`)."""
    return [p for p in item.papers.all() if not p.is_deleted and paper_visible(user, p)]


@dataclass
class AgendaRow:
    item: AgendaItem
    starts_at: datetime
    papers: list[Paper]


def agenda_rows(user: User, meeting: Meeting) -> list[AgendaRow]:
    """The agenda with each item's planned start time and the papers the user may see."""
    rows, start = [], meeting.starts_at
    for item in meeting.items.all():
        rows.append(AgendaRow(item=item, starts_at=start, papers=visible_papers(user, item)))
        start += timedelta(minutes=item.minutes_allotted)
    return rows


@dataclass
class MeetingPage:
    meeting: Meeting
    agenda: list[AgendaRow]
    attendance: list[Attendance]
    guests: list[MeetingGuest]
    quorum: Quorum | None
    forecast: QuorumForecast | None
    matters_arising: list
    awaiting_approval: list[Meeting]


def meeting_page(user: User, partnership: Partnership, uuid: str) -> MeetingPage | None:
    """Everything the meeting page shows. The quorum is worked out once attendance is recorded."""
    meeting = meeting_get(user, partnership, uuid)
    if meeting is None:
        return None
    attendance = list(meeting.attendance.all())
    # Before the register is taken the only records are apologies members sent themselves.
    register_taken = any(a.apologies_sent_at is None for a in attendance) or (
        meeting.status == MeetingStatus.HELD and bool(attendance)
    )
    coming = not meeting.has_started and meeting.status == MeetingStatus.SCHEDULED
    return MeetingPage(
        meeting=meeting,
        agenda=agenda_rows(user, meeting),
        attendance=attendance,
        guests=list(meeting.guests.all()),
        quorum=quorum_for(meeting) if register_taken else None,
        forecast=quorum_forecast(meeting) if coming else None,
        matters_arising=list(matters_arising(meeting)),
        awaiting_approval=list(minutes_awaiting_approval(meeting)),
    )


def meeting_item_get(meeting: Meeting, uuid: str) -> AgendaItem | None:
    """An agenda item of a meeting already fetched with `meeting_get` (no further query)."""
    return next((i for i in meeting.items.all() if str(i.uuid) == str(uuid)), None)


def meeting_guest_get(meeting: Meeting, uuid: str) -> MeetingGuest | None:
    """Someone in attendance at a meeting already fetched with `meeting_get` (no further query)."""
    return next((g for g in meeting.guests.all() if str(g.uuid) == str(uuid)), None)


def guest_choices(meeting: Meeting) -> QuerySet[Person]:
    """Active people of the partnership who are not members of the meeting's group (nor its chair)."""
    return (
        Person.objects.filter(partnership_id=meeting.partnership_id, is_active=True)
        .exclude(pk__in=group_people(meeting.group).values("pk"))
        .select_related("agency")
        .order_by("name")
    )


def paper_get(user: User, partnership: Partnership, meeting_uuid: str, paper_uuid: str) -> Paper | None:
    """A paper the user may open: its meeting is visible to them, and so is the paper."""
    meeting = meeting_get(user, partnership, meeting_uuid)
    if meeting is None:
        return None
    for item in meeting.items.all():
        for paper in visible_papers(user, item):
            if str(paper.uuid) == str(paper_uuid):
                return paper
    return None


def group_people(group: Group) -> QuerySet[Person]:
    """The group's members and its chair (for attendance and restricted papers)."""
    return (
        Person.objects.filter(
            Q(group_memberships__group=group) | Q(chaired_groups=group), partnership_id=group.partnership_id
        )
        .select_related("agency")
        .distinct()
        .order_by("name")
    )


def attendance_people(meeting: Meeting) -> list[tuple[Person, Attendance | None]]:
    """One row per member of the group (and the chair), with their attendance if recorded."""
    recorded = {a.person_id: a for a in meeting.attendance.all()}
    people = list(group_people(meeting.group))
    known = {p.pk for p in people}
    # Someone recorded earlier who has since left the group keeps their row.
    people += [a.person for a in recorded.values() if a.person_id not in known]
    return [(p, recorded.get(p.pk)) for p in people]


@dataclass
class SavedMinutes:
    """The minutes as saved now, by whom and when: shown beside a refused save to merge from."""

    saved_by: str
    saved_at: datetime | None
    version: int
    summary: str
    discussions: list[tuple[str, str]]


def minutes_saved_meanwhile(meeting: Meeting) -> SavedMinutes:
    """Read afresh from the database, not from the meeting the refused request loaded."""
    saved = Meeting.objects.only("minutes_summary", "minutes_version").get(pk=meeting.pk)
    latest = (
        MinutesRevision.objects.filter(meeting_id=meeting.pk)
        .select_related("saved_by")
        .order_by("-version")
        .first()
    )
    items = AgendaItem.objects.filter(meeting_id=meeting.pk).values_list("title", "discussion")
    return SavedMinutes(
        saved_by=str(latest.saved_by) if latest and latest.saved_by else "someone",
        saved_at=latest.created_at if latest else None,
        version=saved.minutes_version,
        summary=saved.minutes_summary,
        discussions=list(items),
    )


def priority_choices(partnership: Partnership) -> QuerySet[Priority]:
    return (
        Priority.objects.filter(partnership=partnership)
        .select_related("plan")
        .order_by("-plan__start_year", "order", "pk")
    )


def workplan_meeting_choices(group: Group) -> QuerySet[Meeting]:
    """Meetings a workplan item can be planned for: the group's own and the Board's."""
    return (
        Meeting.objects.filter(
            Q(group=group) | Q(group__kind=GroupKind.BOARD),
            partnership_id=group.partnership_id,
            is_deleted=False,
        )
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related("group")
        .order_by("starts_at")
    )


def workplan_item_get(group: Group, uuid: str) -> WorkplanItem | None:
    return workplan_for(group).filter(uuid=uuid).first()


def forward_plan_for(user: User, partnership: Partnership) -> QuerySet[Meeting]:
    """The Board's coming meetings the user may see, with the agenda and workplan items planned."""
    items = AgendaItem.objects.select_related("presenter")
    return (
        forward_plan(partnership)
        .filter(meeting_scope(user, partnership))
        .prefetch_related(Prefetch("items", queryset=items))
    )


def last_complete_year_start(today: date) -> date:
    """The start (1 April) of the last reporting year that has ended."""
    return date(financial_year_start(today) - 1, 4, 1)


def calendar_feed_exists(user: User) -> bool:
    return CalendarFeed.objects.filter(user=user).exists()
