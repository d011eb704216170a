"""Loads Hounslow's 2023-24 meetings, minutes, actions and workplans into the demo.

Idempotent: if Hounslow already has meetings in 2023-24 nothing is loaded again. Deterministic:
every choice comes from one seeded random generator. Rows are written with bulk_create, so
the whole year loads in well under a second. Dates are written around 24 November 2026 (actions
due in 2024-26 and not closed are overdue, those due in 2027 still to come); `load_demo` then
moves the live ones to the day the demo is loaded (masa.demo.load_day).
"""

import random
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from typing import TypeVar
from zoneinfo import ZoneInfo

from django.db import models
from django.utils.text import slugify

from masa.actions.models import (
    Action,
    ActionEvidence,
    ActionSettings,
    ActionSource,
    ActionStatus,
    ActionUpdate,
    EvidenceKind,
)
from masa.core.dates import long_date
from masa.core.models import TimestampedModel
from masa.demo import governance_data as data
from masa.demo.load_day import WRITTEN_AROUND
from masa.demo.structure_data import PARTNERSHIPS
from masa.governance.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Decision,
    Frequency,
    ItemPurpose,
    Meeting,
    MeetingSeries,
    MeetingStatus,
    MinutesRevision,
    MinutesStatus,
    WorkplanItem,
)
from masa.partnership.models import Group, GroupMember, MemberType, Partnership, Person, Priority

LONDON = ZoneInfo("Europe/London")
T = TypeVar("T", bound=TimestampedModel)
# The day the demo's dates are written around (overdue, due soon, due later).
DEMO_TODAY = WRITTEN_AROUND
ESCALATE_DAYS = 14  # ActionSettings default
FREQUENCY_FOR_CADENCE = {
    12: Frequency.MONTHLY,
    6: Frequency.BIMONTHLY,
    4: Frequency.QUARTERLY,
    3: Frequency.TERMLY,
    2: Frequency.TWICE_YEARLY,
}
TIMESTAMPED = (
    MeetingSeries,
    Meeting,
    AgendaItem,
    Decision,
    Attendance,
    MinutesRevision,
    WorkplanItem,
    Action,
    ActionUpdate,
    ActionEvidence,
)


@contextmanager
def historic_timestamps(*model_classes: type[models.Model]) -> Iterator[None]:
    """Let bulk_create keep the created_at/updated_at values set on each object.

    auto_now and auto_now_add would stamp every row with the time of loading; demo and bench
    rows need their own history (an action agreed in 2023 was created in 2023). The flags are
    restored on exit. Every object created inside must set both timestamps.
    """
    fields = [
        f
        for m in model_classes
        for f in m._meta.concrete_fields
        if isinstance(f, models.DateTimeField) and f.name in ("created_at", "updated_at")
    ]
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


def _at(day: date, hour: int = 9, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=LONDON)


def _names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _weekday(day: date) -> date:
    """The day itself, or the Friday before if it falls at a weekend."""
    return day - timedelta(days=max(0, day.weekday() - 4))


def _stamp(obj: T, created: datetime, updated: datetime | None = None) -> T:
    obj.created_at = created
    obj.updated_at = updated or created
    return obj


def load_governance_demo() -> None:
    """Load the governance and action tracker demo (call inside load_demo's transaction)."""
    slugs = [p["slug"] for p in PARTNERSHIPS]
    for partnership in Partnership.objects.filter(slug__in=slugs):
        ActionSettings.objects.get_or_create(partnership=partnership)
    hounslow = Partnership.objects.filter(slug=data.PARTNERSHIP).first()
    if hounslow is None:
        return
    year = (_at(data.YEAR_START, 0), _at(data.YEAR_END + timedelta(days=1), 0))
    if Meeting.objects.filter(partnership=hounslow, starts_at__gte=year[0], starts_at__lt=year[1]).exists():
        return
    with historic_timestamps(*TIMESTAMPED):
        _Builder(hounslow).build()


class _Builder:
    def __init__(self, partnership: Partnership) -> None:
        self.partnership = partnership
        self.owned = {"partnership": partnership}
        self.rng = random.Random(2024)  # noqa: S311 - demo data, not security
        structure = next(p for p in PARTNERSHIPS if p["slug"] == partnership.slug)
        by_email = {p.email: p for p in Person.objects.filter(partnership=partnership).select_related("user")}
        self.people: dict[str, Person] = {p["key"]: by_email[p["email"]] for p in structure["people"]}
        self.key_of = {person.pk: key for key, person in self.people.items()}
        by_name = {g.name: g for g in Group.objects.filter(partnership=partnership)}
        self.groups: dict[str, Group] = {g["key"]: by_name[g["name"]] for g in structure["groups"]}
        self.members: dict[str, list[tuple[str, str]]] = {key: [] for key in self.groups}
        group_key = {g.pk: key for key, g in self.groups.items()}
        for m in GroupMember.objects.filter(partnership=partnership).order_by("pk"):
            if m.group_id in group_key and m.person_id in self.key_of:
                self.members[group_key[m.group_id]].append((self.key_of[m.person_id], m.member_type))
        self.priorities = {
            (p.plan.start_year, p.order): p
            for p in Priority.objects.filter(partnership=partnership).select_related("plan")
        }
        self.admin = self.people["meeting_admin"].user

    # Meetings --------------------------------------------------------------------------------

    def build(self) -> None:
        series = self._series()
        meetings: list[tuple[str, int, Meeting, dict]] = []
        for key, spec in data.GROUPS.items():
            group = self.groups[key]
            (sh, sm), (eh, em) = spec["times"]
            for index, m in enumerate(spec["meetings"]):
                day = m["date"]
                meeting = Meeting(
                    **self.owned,
                    group=group,
                    series=series[key],
                    starts_at=_at(day, sh, sm),
                    ends_at=_at(day, eh, em),
                    location=spec["location"],
                    papers_deadline=day - timedelta(days=7),
                    status=MeetingStatus.HELD,
                    minutes_version=1,
                )
                _stamp(meeting, _at(day - timedelta(days=42)), _at(day + timedelta(days=3), 16))
                meetings.append((key, index, meeting, m))
        Meeting.objects.bulk_create([m for _, _, m, _ in meetings])

        items: list[tuple[AgendaItem, dict]] = []
        decisions: list[Decision] = []
        attendance: list[Attendance] = []
        for key, index, meeting, m in meetings:
            group = self.groups[key]
            presenters = {spec["presenter"] for spec in m["items"]}
            voting, quorate, rows = self._attendance(key, index, meeting, attendance, presenters)
            standing = self._standing_item(key, index, rows)
            for order, spec in enumerate([standing, *m["items"]], start=1):
                item = AgendaItem(
                    **self.owned,
                    meeting=meeting,
                    order=order,
                    title=spec["title"],
                    purpose=spec["purpose"],
                    presenter=self.people[spec["presenter"]],
                    minutes_allotted=spec["minutes"],
                    priority=self.priorities.get(spec["priority"]) if spec["priority"] else None,
                    discussion=spec["discussion"],
                )
                _stamp(item, _at(m["date"] - timedelta(days=7)), meeting.updated_at)
                items.append((item, spec))
            meeting.minutes_summary = self._summary(group, meeting, voting, quorate)
        AgendaItem.objects.bulk_create([i for i, _ in items])
        for item, spec in items:
            if spec["purpose"] == ItemPurpose.DECISION:
                for text in spec["decisions"]:
                    decisions.append(
                        _stamp(Decision(**self.owned, item=item, text=text), item.meeting.updated_at)
                    )
        Decision.objects.bulk_create(decisions)
        Attendance.objects.bulk_create(attendance)
        actions = self._actions(items)
        self._minutes(meetings, items, decisions, actions)
        self._forward_plan(series["board"])
        self._workplans()

    def _series(self) -> dict[str, MeetingSeries]:
        series = {}
        for key in data.GROUPS:
            group = self.groups[key]
            frequency = FREQUENCY_FOR_CADENCE.get(group.min_meetings_per_year, Frequency.QUARTERLY)
            series[key] = _stamp(
                MeetingSeries(**self.owned, group=group, frequency=frequency, created_by=self.admin),
                _at(date(2023, 3, 1)),
            )
        MeetingSeries.objects.bulk_create(series.values())
        return series

    def _standing_item(self, key: str, index: int, rows: dict[str, list]) -> dict:
        group = self.groups[key]
        chair = self.key_of.get(group.chair_id or 0, self.members[key][0][0])
        meetings = data.GROUPS[key]["meetings"]
        previous = f"the meeting on {long_date(meetings[index - 1]['date'])}" if index else "the last meeting"
        away = [
            self.people[k].name + (f" (represented by {self.people[d].name})" if d else "")
            for k, (status, d) in rows.items()
            if status in (AttendanceStatus.APOLOGIES, AttendanceStatus.DEPUTY)
        ]
        absent = [self.people[k].name for k, (status, _) in rows.items() if status == AttendanceStatus.ABSENT]
        noted = f"Apologies were received from {_names(away)}. " if away else "There were no apologies. "
        if absent:
            noted += f"Not present, without apologies: {_names(absent)}. "
        decision = f"The minutes of {previous} were agreed as an accurate record."
        if (key, index) == data.NOT_QUORATE:
            decision += " (To be ratified by email: the meeting was not quorate.)"
        return {
            "title": "Welcome, apologies and minutes of the last meeting",
            "purpose": ItemPurpose.DECISION,
            "presenter": chair,
            "minutes": 10,
            "discussion": (
                f"The chair welcomed members. {noted}The minutes of {previous} were reviewed and the "
                "action log was taken under matters arising: owners gave updates on open actions."
            ),
            "priority": None,
            "decisions": [decision],
            "actions": [],
        }

    def _deputy_for(self, key: str, member: str) -> str | None:
        in_group = {k for k, _ in self.members[key]}
        preferred = data.DEPUTIES.get(member)
        if preferred and preferred not in in_group:
            return preferred
        agency = self.people[member].agency_id
        colleagues = sorted(
            k for k, p in self.people.items() if p.agency_id == agency and k not in in_group and p.is_active
        )
        return self.rng.choice(colleagues) if colleagues else None

    def _attendance(
        self, key: str, index: int, meeting: Meeting, out: list[Attendance], presenters: set[str]
    ) -> tuple[int, bool, dict[str, list]]:
        """Records attendance; returns (voting members attending, quorate, status by member key).

        The chair and everyone presenting an item are there; others mostly are.
        """
        group = self.groups[key]
        chair = self.key_of.get(group.chair_id or 0)
        rows: dict[str, list] = {}  # member key -> [status, deputy key]
        for member, _ in self.members[key]:
            roll = self.rng.random()
            if member == chair or member in presenters or roll < 0.78:
                rows[member] = [AttendanceStatus.PRESENT, None]
            elif roll < 0.90:
                rows[member] = [AttendanceStatus.APOLOGIES, None]
            elif roll < 0.97:
                deputy = self._deputy_for(key, member)
                rows[member] = (
                    [AttendanceStatus.DEPUTY, deputy] if deputy else [AttendanceStatus.APOLOGIES, None]
                )
            else:
                rows[member] = [AttendanceStatus.ABSENT, None]
        voting = [k for k, t in self.members[key] if t == MemberType.VOTING]
        attending = {AttendanceStatus.PRESENT, AttendanceStatus.DEPUTY}
        if (key, index) == data.NOT_QUORATE:
            # One short of quorum: the chair and the presenters there, the other voting members away.
            keep = [k for k in voting if k == chair or k in presenters][: group.quorum - 1]
            away = [k for k in voting if k not in keep]
            for n, k in enumerate(away):
                rows[k] = [
                    AttendanceStatus.ABSENT if n == len(away) - 1 else AttendanceStatus.APOLOGIES,
                    None,
                ]
            for k in keep:
                rows[k] = [AttendanceStatus.PRESENT, None]
        else:
            for k in voting:
                if sum(rows[v][0] in attending for v in voting) >= group.quorum:
                    break
                if rows[k][0] not in attending:
                    rows[k] = [AttendanceStatus.PRESENT, None]
        stamp = meeting.updated_at
        for member, (status, deputy) in rows.items():
            out.append(
                _stamp(
                    Attendance(
                        **self.owned,
                        meeting=meeting,
                        person=self.people[member],
                        status=status,
                        deputy=self.people[deputy] if deputy else None,
                    ),
                    stamp,
                )
            )
        count = sum(rows[v][0] in attending for v in voting)
        return count, count >= group.quorum, rows

    def _summary(self, group: Group, meeting: Meeting, voting: int, quorate: bool) -> str:
        n_voting = sum(1 for _, t in self.members[self._key(group)] if t == MemberType.VOTING)
        text = (
            f"The {group.name} met on {long_date(meeting.starts_at.date())}. {voting} of {n_voting} voting "
            f"members attended in person or by deputy (quorum {group.quorum}): "
        )
        if quorate:
            return text + "the meeting was quorate."
        return text + (
            "the meeting was NOT quorate. Items were discussed; decisions are recorded subject to "
            "ratification by voting members by email."
        )

    def _key(self, group: Group) -> str:
        return next(k for k, g in self.groups.items() if g.pk == group.pk)

    def _minutes(
        self,
        meetings: list[tuple[str, int, Meeting, dict]],
        items: list[tuple[AgendaItem, dict]],
        decisions: list[Decision],
        actions: list[Action],
    ) -> None:
        """Version 1 of each meeting's minutes, snapshotted as governance.services does."""
        decided: dict[int, list[str]] = {}
        for decision in decisions:
            decided.setdefault(decision.item.pk, []).append(decision.text)
        agreed: dict[int, list[dict]] = {}
        for action in actions:
            agreed.setdefault(action.meeting_item_id or 0, []).append(
                {
                    "reference": action.reference,
                    "title": action.title,
                    "owner": action.owner.name,
                    "due": action.due_date.isoformat(),
                }
            )
        content: dict[int, dict] = {
            id(m): {"summary": m.minutes_summary, "items": []} for _, _, m, _ in meetings
        }
        for item, _ in items:
            content[id(item.meeting)]["items"].append(
                {
                    "title": item.title,
                    "discussion": item.discussion,
                    "decisions": decided.get(item.pk, []),
                    "actions": agreed.get(item.pk, []),
                }
            )
        revisions = []
        for n, (key, index, meeting, _) in enumerate(meetings):
            last = index == len(data.GROUPS[key]["meetings"]) - 1
            if last:
                meeting.minutes_status = MinutesStatus.DRAFT
            else:
                following = meetings[n + 1][2]
                meeting.minutes_status = MinutesStatus.APPROVED
                meeting.minutes_approved_at = following.ends_at
                meeting.minutes_approved_at_meeting = following
            revisions.append(
                _stamp(
                    MinutesRevision(
                        **self.owned,
                        meeting=meeting,
                        version=1,
                        content=content[id(meeting)],
                        saved_by=self.admin,
                        approved=not last,
                    ),
                    meeting.updated_at,
                )
            )
        Meeting.objects.bulk_update(
            [m for _, _, m, _ in meetings],
            ["minutes_summary", "minutes_status", "minutes_approved_at", "minutes_approved_at_meeting"],
        )
        MinutesRevision.objects.bulk_create(revisions)

    # Actions ---------------------------------------------------------------------------------

    def _actions(self, items: list[tuple[AgendaItem, dict]]) -> list[Action]:
        rng = self.rng
        number = (
            (Action.objects.filter(partnership=self.partnership).aggregate(n=models.Max("number"))["n"]) or 0
        )
        agreed = sorted(
            ((item, spec) for item, spec in items if spec["actions"]),
            key=lambda pair: (pair[0].meeting.starts_at, pair[0].order),
        )
        actions: list[Action] = []
        for item, spec in agreed:
            meeting = item.meeting
            day = meeting.starts_at.date()
            for a in spec["actions"]:
                number += 1
                owner = self.people[a["owner"]]
                action = Action(
                    **self.owned,
                    number=number,
                    title=a["title"],
                    description=(
                        f"Agreed at the {meeting.group.name} on {long_date(day)} under "
                        f"item {item.order}, {item.title}."
                    ),
                    group=meeting.group,
                    owner=owner,
                    owner_agency_id=owner.agency_id,
                    priority=item.priority,
                    source=ActionSource.MEETING_ITEM,
                    meeting_item=item,
                )
                self._schedule(action, day, a["impact"])
                actions.append(action)
        # Updates and evidence are built first (they set each action's updated_at); their
        # foreign keys pick up the actions' primary keys at bulk_create.
        updates: list[ActionUpdate] = []
        evidence: list[ActionEvidence] = []
        for action in actions:
            self._history(action, updates)
            if action.status == ActionStatus.CLOSED and rng.random() < 0.4:
                evidence.append(self._evidence(action))
        Action.objects.bulk_create(actions)
        ActionUpdate.objects.bulk_create(updates)
        ActionEvidence.objects.bulk_create(evidence)
        return actions

    def _schedule(self, action: Action, day: date, impact: str) -> None:
        """Status, due date, closure and reminders, from the meeting date and the seeded generator."""
        rng = self.rng
        created = _at(day, 16, 30)
        p_closed = 0.62 if day < date(2023, 10, 1) else 0.45
        if rng.random() < p_closed:
            action.status = ActionStatus.CLOSED
            action.due_date = _weekday(day + timedelta(days=rng.randint(30, 240)))
            closed_on = action.due_date + timedelta(days=rng.randint(-40, 25))
            closed_on = min(max(closed_on, day + timedelta(days=14)), DEMO_TODAY - timedelta(days=30))
            action.closed_at = _at(closed_on, rng.randint(9, 17), rng.choice((0, 15, 30, 45)))
            roll = rng.random()
            user = action.owner.user
            action.closed_by = user if roll < 0.6 else (self.admin if roll < 0.9 else None)
            action.impact = impact
            _stamp(action, created, action.closed_at)
            return
        action.status = ActionStatus.IN_PROGRESS if rng.random() < 0.5 else ActionStatus.OPEN
        roll = rng.random()
        if roll < 0.08:  # just overdue: not yet on the Board's list
            action.due_date = DEMO_TODAY - timedelta(days=rng.randint(1, ESCALATE_DAYS - 1))
        elif roll < 0.6:  # overdue
            latest = (DEMO_TODAY - day).days - 2
            action.due_date = _weekday(day + timedelta(days=rng.randint(60, latest)))
            if (DEMO_TODAY - action.due_date).days > ESCALATE_DAYS:
                action.last_reminded_on = action.due_date - timedelta(days=7)
                action.escalated_at = _at(action.due_date + timedelta(days=ESCALATE_DAYS + 1), 7)
        elif roll < 0.75:  # due soon
            action.due_date = _weekday(DEMO_TODAY + timedelta(days=rng.randint(3, 21)))
        else:  # later
            action.due_date = _weekday(date(2027, 1, 4) + timedelta(days=rng.randint(0, 260)))
        _stamp(action, created, created)

    def _history(self, action: Action, out: list[ActionUpdate]) -> None:
        """0-4 progress notes and status changes, dated between agreement and closure (or today)."""
        rng = self.rng
        start = action.created_at
        end = action.closed_at or _at(DEMO_TODAY - timedelta(days=1), 12)
        user = action.owner.user
        mine: list[ActionUpdate] = []

        def note(when: datetime, text: str, frm: str = "", to: str = "", author=None) -> None:
            author = author if author is not None else (user if rng.random() < 0.8 else None)
            update = ActionUpdate(
                **self.owned, action=action, author=author, text=text, status_from=frm, status_to=to
            )
            mine.append(_stamp(update, when))

        def between(a: datetime, b: datetime) -> datetime:
            span = max(1, int((b - a).total_seconds() // 3600))
            return a + timedelta(hours=rng.randint(1, span))

        if action.status == ActionStatus.OPEN:
            if rng.random() < 0.5:
                note(between(start, end), rng.choice(data.PROGRESS_NOTES))
            if action.escalated_at and rng.random() < 0.3:
                note(
                    action.escalated_at,
                    "Overdue: escalated to the HSCP Board's overdue list.",
                    author=self.admin,
                )
        else:
            started = between(start, min(end, start + timedelta(days=60)))
            note(
                started,
                "Work has started. " + rng.choice(data.PROGRESS_NOTES),
                ActionStatus.OPEN,
                ActionStatus.IN_PROGRESS,
            )
            last = started
            for _ in range(rng.randint(0, 2)):
                last = between(last, end)
                if last >= end:
                    break
                note(last, rng.choice(data.PROGRESS_NOTES))
            if action.closed_at:
                note(
                    action.closed_at,
                    "Complete. " + action.impact,
                    ActionStatus.IN_PROGRESS,
                    ActionStatus.CLOSED,
                    author=action.closed_by or self.admin,
                )
        if mine:
            action.updated_at = max(action.updated_at, *(u.created_at for u in mine))
        out.extend(mine)

    def _evidence(self, action: Action) -> ActionEvidence:
        closed_at = action.closed_at or _at(DEMO_TODAY)
        group = action.group.name if action.group else "group"
        added = closed_at - timedelta(hours=2)
        if self.rng.random() < 0.6:
            evidence = ActionEvidence(
                **self.owned,
                action=action,
                kind=EvidenceKind.TEXT,
                text=(f"Reported to the {group} on {long_date(closed_at.date())}. {action.impact}"),
                added_by=action.owner.user,
            )
        else:
            evidence = ActionEvidence(
                **self.owned,
                action=action,
                kind=EvidenceKind.LINK,
                link=f"https://www.hscb.org.uk/professionals/{slugify(action.title)[:60]}",
                added_by=action.owner.user,
            )
        return _stamp(evidence, added)

    # Forward plan and workplans ----------------------------------------------------------------

    def _forward_plan(self, series: MeetingSeries) -> None:
        board = self.groups["board"]
        spec = data.GROUPS["board"]
        (sh, sm), (eh, em) = spec["times"]
        created = _at(date(2026, 10, 1))
        meetings = [
            _stamp(
                Meeting(
                    **self.owned,
                    group=board,
                    series=series,
                    starts_at=_at(day, sh, sm),
                    ends_at=_at(day, eh, em),
                    location=spec["location"],
                    papers_deadline=day - timedelta(days=7),
                    status=MeetingStatus.SCHEDULED,
                ),
                created,
            )
            for day in data.FORWARD_BOARD_DATES
        ]
        Meeting.objects.bulk_create(meetings)
        plan = [
            _stamp(
                WorkplanItem(
                    **self.owned,
                    group=board,
                    title=title,
                    priority=self.priorities.get(priority) if priority else None,
                    lead=self.people[lead],
                    due_date=meetings[index].starts_at.date(),
                    planned_meeting=meetings[index],
                ),
                created,
            )
            for title, lead, priority, index in data.BOARD_FORWARD_PLAN
        ]
        WorkplanItem.objects.bulk_create(plan)

    def _workplans(self) -> None:
        rows = []
        for key, lines in data.WORKPLANS.items():
            for title, lead, priority, due, done in lines:
                created = _at(date(2024, 5, 1))
                rows.append(
                    _stamp(
                        WorkplanItem(
                            **self.owned,
                            group=self.groups[key],
                            title=title,
                            priority=self.priorities.get(priority),
                            lead=self.people[lead],
                            due_date=due,
                            is_done=done,
                        ),
                        created,
                        _at(due) if done else created,
                    )
                )
        WorkplanItem.objects.bulk_create(rows)
