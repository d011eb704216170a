"""Generates a large partnership for the governance and action tracker benchmarks.

`generate()` makes a new partnership with agencies, ~300 people, 30 groups with members,
1,500 meetings of 4 agenda items, 50,000 actions (about 20% open and overdue) and 200,000
action updates, all with bulk_create in batches. `grow()` adds a fraction more of the same, to
show that query counts do not depend on the amount of data. Deterministic for a given seed,
except for the dates, which are relative to today so that "overdue" keeps its meaning.
"""

import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from allauth.mfa.totp.internal.auth import TOTP
from auditlog.context import disable_auditlog
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from masa.accounts.models import Membership, Role, User
from masa.actions.models import Action, ActionSettings, ActionSource, ActionStatus, ActionUpdate
from masa.demo.governance_loader import historic_timestamps
from masa.governance.models import AgendaItem, ItemPurpose, Meeting, MeetingStatus, MinutesStatus
from masa.partnership.models import (
    Agency,
    AgencyType,
    Group,
    GroupKind,
    GroupMember,
    MemberType,
    Partnership,
    PartnershipAgency,
    Person,
    Priority,
    StrategicPlan,
)

BATCH = 5000
LONDON = ZoneInfo("Europe/London")
N_AGENCIES = 20
MY_ACTIONS = 200
PURPOSES = list(ItemPurpose.values)
TOPICS = [
    "Rapid review learning",
    "Performance dashboard",
    "Neglect strategy",
    "MACE panel report",
    "Elective home education",
    "Training evaluation",
    "Section 11 audit",
    "CAMHS waiting times",
    "Pre-birth action plan",
    "Online harm",
]
NOTES = [
    "Work started; lead named in each agency.",
    "Draft shared with members for comment.",
    "Delayed by capacity; new date agreed with the chair.",
    "Data requested from partners.",
    "On track, discussed under matters arising.",
]


def _at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=LONDON)


def _batches(total: int):
    for start in range(0, total, BATCH):
        yield range(start, min(total, start + BATCH))


class _Generator:
    """Adds meetings, actions and updates to one partnership."""

    def __init__(self, partnership: Partnership, seed: int) -> None:
        self.partnership = partnership
        self.rng = random.Random(seed)
        self.today = timezone.localdate()
        # (person id, agency id, user id or None)
        self.people = list(
            Person.objects.filter(partnership=partnership)
            .order_by("pk")
            .values_list("pk", "agency_id", "user_id")
        )
        self.groups = list(Group.objects.filter(partnership=partnership).order_by("order", "pk"))
        self.priorities = list(Priority.objects.filter(partnership=partnership).values_list("pk", flat=True))
        self.members = {}
        for group_id, person_id in GroupMember.objects.filter(partnership=partnership).values_list(
            "group_id", "person_id"
        ):
            self.members.setdefault(group_id, []).append(person_id)
        self.number = Action.objects.filter(partnership=partnership).aggregate(n=Max("number"))["n"] or 0

    def meetings(self, total: int, years: int) -> list[tuple[int, int, date]]:
        """Meetings spread evenly over `years` years to three months ahead; returns past items."""
        rng = self.rng
        first = self.today - timedelta(days=365 * years)
        span = (self.today + timedelta(days=90) - first).days
        rows = []
        for n in range(total):
            group = self.groups[n % len(self.groups)]
            day = first + timedelta(days=int(span * n / total) + rng.randint(0, 6))
            held = day < self.today
            meeting = Meeting(
                partnership=self.partnership,
                group=group,
                starts_at=_at(day, 10),
                ends_at=_at(day, 12),
                location="Civic Centre",
                papers_deadline=day - timedelta(days=7),
                status=MeetingStatus.HELD if held else MeetingStatus.SCHEDULED,
                minutes_status=MinutesStatus.APPROVED if held else MinutesStatus.DRAFT,
                minutes_version=1 if held else 0,
                created_at=_at(day - timedelta(days=42)),
                updated_at=_at(min(day + timedelta(days=3), self.today)),
            )
            rows.append(meeting)
        created = []
        for batch in _batches(len(rows)):
            created += Meeting.objects.bulk_create(rows[batch.start : batch.stop], batch_size=BATCH)
        items = []
        for meeting in created:
            members = self.members.get(meeting.group_id) or [self.people[0][0]]
            for order in range(1, 5):
                items.append(
                    AgendaItem(
                        partnership=self.partnership,
                        meeting=meeting,
                        order=order,
                        title=f"{rng.choice(TOPICS)} ({order})",
                        purpose=rng.choice(PURPOSES),
                        presenter_id=rng.choice(members),
                        minutes_allotted=rng.choice((10, 15, 20, 30)),
                        priority_id=rng.choice(self.priorities)
                        if self.priorities and rng.random() < 0.5
                        else None,
                        discussion="Discussed; see actions.",
                        created_at=meeting.created_at,
                        updated_at=meeting.updated_at,
                    )
                )
        past = []
        for batch in _batches(len(items)):
            for item in AgendaItem.objects.bulk_create(items[batch.start : batch.stop], batch_size=BATCH):
                day = item.meeting.starts_at.date()
                if day < self.today - timedelta(days=10):
                    past.append((item.pk, item.meeting.group_id, day))
        return past

    def actions(self, total: int, items: list[tuple[int, int, date]], mine: int) -> list[tuple]:
        """Actions on past agenda items; `mine` of them owned by the first person (the bench user)."""
        rng = self.rng
        me, others = self.people[0], self.people[1:] or self.people
        mine_at = set(rng.sample(range(total), min(mine, total)))
        info = []
        for batch in _batches(total):
            rows = []
            for n in batch:
                item_id, group_id, day = rng.choice(items)
                person_id, agency_id, _ = me if n in mine_at else rng.choice(others)
                self.number += 1
                created = _at(day, 13)
                roll = rng.random()
                closed_at = None
                if roll < 0.45:
                    status = ActionStatus.CLOSED
                    due = day + timedelta(days=rng.randint(14, 180))
                    closed_on = min(
                        due + timedelta(days=rng.randint(-20, 20)), self.today - timedelta(days=1)
                    )
                    closed_at = _at(max(closed_on, day + timedelta(days=1)), 15)
                elif roll < 0.65:  # ~20% of all actions: open and overdue
                    status = rng.choice((ActionStatus.OPEN, ActionStatus.IN_PROGRESS))
                    latest = max(1, (self.today - day).days - 1)
                    due = day + timedelta(days=rng.randint(min(7, latest), latest))
                else:
                    status = rng.choice((ActionStatus.OPEN, ActionStatus.IN_PROGRESS))
                    due = self.today + timedelta(days=rng.randint(0, 365))
                rows.append(
                    Action(
                        partnership=self.partnership,
                        number=self.number,
                        title=f"Action {self.number}: {rng.choice(TOPICS).lower()} follow-up",
                        group_id=group_id,
                        owner_id=person_id,
                        owner_agency_id=agency_id,
                        due_date=due,
                        status=status,
                        priority_id=rng.choice(self.priorities)
                        if self.priorities and rng.random() < 0.6
                        else None,
                        source=ActionSource.MEETING_ITEM,
                        meeting_item_id=item_id,
                        impact="Practice changed; see evidence." if closed_at else "",
                        closed_at=closed_at,
                        created_at=created,
                        updated_at=closed_at or created,
                    )
                )
            for action in Action.objects.bulk_create(rows, batch_size=BATCH):
                info.append((action.pk, action.created_at, action.closed_at, action.owner_id))
        return info

    def updates(self, total: int, actions: list[tuple]) -> None:
        rng = self.rng
        user_of = {person_id: user_id for person_id, _, user_id in self.people}
        now = _at(self.today, 9)
        for batch in _batches(total):
            rows = []
            for _ in batch:
                action_id, created, closed_at, owner_id = rng.choice(actions)
                end = closed_at or now
                hours = max(1, int((end - created).total_seconds() // 3600))
                when = created + timedelta(hours=rng.randint(1, hours))
                rows.append(
                    ActionUpdate(
                        partnership=self.partnership,
                        action_id=action_id,
                        author_id=user_of.get(owner_id),
                        text=rng.choice(NOTES),
                        created_at=when,
                        updated_at=when,
                    )
                )
            ActionUpdate.objects.bulk_create(rows, batch_size=BATCH)


def make_structure(slug: str, n_groups: int, n_people: int, rng: random.Random) -> tuple[Partnership, User]:
    title = slug.replace("-", " ").title()
    partnership = Partnership.objects.create(
        slug=slug,
        name=f"{title} Safeguarding Children Partnership",
        short_name=title[:20],
        local_authority=f"{title} Council",
    )
    ActionSettings.objects.create(partnership=partnership)
    types = list(AgencyType.values)
    agencies = Agency.objects.bulk_create(
        [Agency(name=f"{title} agency {i:02d}", agency_type=types[i % len(types)]) for i in range(N_AGENCIES)]
    )
    PartnershipAgency.objects.bulk_create(
        [
            PartnershipAgency(
                partnership=partnership,
                agency=a,
                status="statutory_partner" if i < 3 else "relevant_agency",
            )
            for i, a in enumerate(agencies)
        ]
    )
    user = User(email=f"business-team@{slug}.example.org", full_name=f"{title} business team")
    user.set_unusable_password()
    user.save()
    TOTP.activate(user, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")  # senior roles must have a second factor
    Membership.objects.create(user=user, partnership=partnership, role=Role.BUSINESS_TEAM, agency=agencies[0])
    people = Person.objects.bulk_create(
        [
            Person(
                partnership=partnership,
                name=f"Person {i:03d}",
                job_title="Safeguarding lead",
                agency=agencies[i % N_AGENCIES],
                email=f"person{i:03d}@{slug}.example.org",
                user=user if i == 0 else None,
            )
            for i in range(n_people)
        ],
        batch_size=BATCH,
    )
    kinds = [GroupKind.LSP, GroupKind.BOARD] + [GroupKind.SUBGROUP] * max(0, n_groups - 2)
    groups = Group.objects.bulk_create(
        [
            Group(
                partnership=partnership,
                name=f"{'Board' if kind == GroupKind.BOARD else 'Group'} {i:02d}",
                kind=kind,
                purpose="Purpose.",
                people="People.",
                process="Process.",
                chair=people[(i * 7) % n_people],
                quorum=3,
                min_meetings_per_year=4,
                order=i,
            )
            for i, kind in enumerate(kinds[:n_groups])
        ]
    )
    board = next(g for g in groups if g.kind == GroupKind.BOARD)
    for g in groups:
        if g.kind == GroupKind.SUBGROUP:
            g.reports_to = board
    Group.objects.bulk_update(groups, ["reports_to"])
    members = []
    for i, g in enumerate(groups):
        chosen = {g.chair_id, *(p.pk for p in rng.sample(people, min(8, n_people)))}
        if i < 5:
            chosen.add(people[0].pk)  # the bench user sits on the first groups
        members += [
            GroupMember(partnership=partnership, group=g, person_id=pk, member_type=MemberType.VOTING)
            for pk in sorted(chosen)
        ]
    GroupMember.objects.bulk_create(members, batch_size=BATCH)
    year = timezone.localdate().year
    plan = StrategicPlan.objects.create(
        partnership=partnership, title="Plan", start_year=year - 1, end_year=year + 2
    )
    Priority.objects.bulk_create(
        [Priority(partnership=partnership, plan=plan, title=f"Priority {i}", order=i) for i in range(1, 6)]
    )
    return partnership, user


def generate(
    partnership_slug: str = "benchshire",
    years: int = 5,
    groups: int = 30,
    meetings: int = 1500,
    actions: int = 50_000,
    updates: int = 200_000,
    seed: int = 1,
    people: int = 300,
) -> dict:
    """Create the partnership and its data. Returns the objects the benchmark needs."""
    rng = random.Random(seed)
    with transaction.atomic(), disable_auditlog():
        partnership, user = make_structure(partnership_slug, groups, people, rng)
        gen = _Generator(partnership, seed)
        with historic_timestamps(Meeting, AgendaItem, Action, ActionUpdate):
            items = gen.meetings(meetings, years)
            info = gen.actions(actions, items, MY_ACTIONS)
            gen.updates(updates, info)
    return _result(partnership, user)


def grow(result: dict, fraction: float = 0.1, seed: int = 2) -> None:
    """Add `fraction` more meetings, actions and updates to a generated partnership."""
    partnership = result["partnership"]
    counts = result["counts"]
    with transaction.atomic(), disable_auditlog():
        gen = _Generator(partnership, seed)
        with historic_timestamps(Meeting, AgendaItem, Action, ActionUpdate):
            items = gen.meetings(max(1, int(counts["meetings"] * fraction)), 1)
            info = gen.actions(max(1, int(counts["actions"] * fraction)), items, int(MY_ACTIONS * fraction))
            gen.updates(max(1, int(counts["updates"] * fraction)), info)
    result["counts"] = _result(partnership, result["user"])["counts"]


def _result(partnership: Partnership, user: User) -> dict:
    groups = Group.objects.filter(partnership=partnership)
    return {
        "partnership": partnership,
        "user": user,
        "board": groups.get(kind=GroupKind.BOARD),
        "group": groups.filter(kind=GroupKind.SUBGROUP).order_by("order").first(),
        "counts": {
            "people": Person.objects.filter(partnership=partnership).count(),
            "groups": groups.count(),
            "group members": GroupMember.objects.filter(partnership=partnership).count(),
            "meetings": Meeting.objects.filter(partnership=partnership).count(),
            "agenda items": AgendaItem.objects.filter(partnership=partnership).count(),
            "actions": Action.objects.filter(partnership=partnership).count(),
            "actions overdue": Action.objects.filter(
                partnership=partnership, due_date__lt=timezone.localdate()
            )
            .exclude(status=ActionStatus.CLOSED)
            .count(),
            "my open actions": Action.objects.filter(partnership=partnership, owner__user=user)
            .exclude(status=ActionStatus.CLOSED)
            .count(),
            "updates": ActionUpdate.objects.filter(partnership=partnership).count(),
        },
    }
