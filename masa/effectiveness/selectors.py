"""Reads of effectiveness reviews, scoped per user, and the figures masa holds for a review's period.

Who sees which review is `review_scope`: the senior roles see drafts too, every other member of
the partnership only published reviews; anything outside the scope is 404. The figures reuse the
apps that own them (governance's attendance and meetings, the tracker's completion, the incidents'
clocks); nothing here counts working days or attendance itself.
"""

from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from django.db.models import BooleanField, Case, Count, Prefetch, Q, QuerySet, Value, When

from masa.accounts.models import User
from masa.actions.models import Action
from masa.actions.selectors import action_scope, completion_between
from masa.bank_holidays.selectors import current_calendar
from masa.effectiveness.models import (
    EffectivenessReview,
    FindingKind,
    PrincipleAssessment,
    ResponseKind,
    ReviewFinding,
    ReviewStatus,
)
from masa.effectiveness.rules import VIEW_DRAFTS, VIEW_REVIEWS
from masa.effectiveness.rules_pure import expected_meetings, percent
from masa.governance.rules_pure import attendance_rate
from masa.governance.selectors import attendance_between, meetings_held_between
from masa.incidents.selectors import clocks_due_between
from masa.partnership.models import Group, GroupKind, Partnership, Person, Principle


def review_scope(user: User, partnership: Partnership) -> Q:
    if not user.has_perm(VIEW_REVIEWS, partnership):
        return Q(pk__in=[])
    if user.has_perm(VIEW_DRAFTS, partnership):
        return Q(partnership=partnership)
    return Q(partnership=partnership, status=ReviewStatus.PUBLISHED)


def _actions(user: User, partnership: Partnership) -> QuerySet[Action]:
    """Live actions marked with whether this user may open each (the tracker's own scope)."""
    return (
        Action.objects.filter(is_deleted=False)
        .select_related("owner", "owner_agency")
        .annotate(
            can_open=Case(
                When(action_scope(user, partnership), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
    )


def review_list(user: User, partnership: Partnership) -> QuerySet[EffectivenessReview]:
    """The reviews the user may open, newest period first, with their findings and actions."""
    findings = (
        ReviewFinding.objects.select_related("principle", "responded_by")
        .prefetch_related(Prefetch("action", queryset=_actions(user, partnership)))
        .order_by("number")
    )
    return (
        EffectivenessReview.objects.filter(review_scope(user, partnership))
        .prefetch_related(Prefetch("findings", queryset=findings))
        .annotate(
            finding_count=Count("findings", distinct=True),
            recommendation_count=Count(
                "findings", filter=Q(findings__kind=FindingKind.RECOMMENDATION), distinct=True
            ),
        )
        .order_by("-period_end", "-created_at")
    )


def review_get(user: User, partnership: Partnership, uuid: Any) -> EffectivenessReview | None:
    return review_list(user, partnership).filter(uuid=uuid).first()


def assessments(review: EffectivenessReview) -> list[tuple[Principle, PrincipleAssessment | None]]:
    """Each of the partnership's principles in order, with the review's self-evaluation of it."""
    done = {a.principle_id: a for a in review.assessments.all()}
    principles = Principle.objects.filter(partnership_id=review.partnership_id).order_by("order", "pk")
    return [(p, done.get(p.pk)) for p in principles]


def principle_get(review: EffectivenessReview, uuid: Any) -> Principle | None:
    return Principle.objects.filter(partnership_id=review.partnership_id, uuid=uuid).first()


def finding_get(review: EffectivenessReview, uuid: Any) -> ReviewFinding | None:
    return review.findings.filter(uuid=uuid).select_related("action", "principle").first()


def partnership_principles(partnership: Partnership) -> QuerySet[Principle]:
    return Principle.objects.filter(partnership=partnership).order_by("order", "pk")


def partnership_people(partnership: Partnership) -> QuerySet[Person]:
    return Person.objects.filter(partnership=partnership, is_active=True).select_related("agency")


def partnership_groups(partnership: Partnership) -> QuerySet[Group]:
    return Group.objects.filter(partnership=partnership, is_active=True)


def responses_by_kind(review: EffectivenessReview) -> dict[str, int]:
    """How many recommendations have each response, and how many await one (findings prefetched)."""
    counts = {kind.value: 0 for kind in ResponseKind} | {"awaiting": 0}
    for finding in review.findings.all():
        if finding.kind == FindingKind.RECOMMENDATION:
            counts[finding.response or "awaiting"] += 1
    return counts


# The figures masa holds -----------------------------------------------------------------------


def live_figures(partnership: Partnership, *, start: date, end: date, today: date) -> dict[str, Any]:
    """The figures for the period as masa holds them today, as plain data (frozen on publishing).

    Attendance per agency: present or deputised over recorded, across every group's meetings.
    Cadence: meetings held per group against its yearly minimum in proportion to the period.
    Actions: those due in the period, completed (on time: closed by the due date), open, overdue.
    Clocks: the statutory clocks due in the period, met on time, met late, overdue or running.
    """
    after_end = end + timedelta(days=1)
    per_agency: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for seen in attendance_between(partnership, start=start, end=after_end):
        counts = per_agency[seen.agency or "No agency recorded"]
        counts[0] += seen.attended
        counts[1] += seen.expected
    attendance = [
        {"agency": agency, "attended": a, "expected": e, "rate": attendance_rate(a, e)}
        for agency, (a, e) in sorted(per_agency.items())
    ]
    held = meetings_held_between(partnership, start=start, end=after_end)
    cadence = []
    for group in Group.objects.filter(partnership=partnership).order_by("order", "name"):
        expected = expected_meetings(group.kind, group.min_meetings_per_year, start, end)
        count = held.get(group.pk, 0)
        if not group.is_active and count == 0:
            continue
        cadence.append(
            {
                "group": group.name,
                "held": count,
                "expected": expected,
                "met": count >= expected,
                "statutory": group.kind in (GroupKind.BOARD, GroupKind.LSP),
            }
        )
    done = completion_between(partnership, start=start, end=end, today=today)
    actions = {
        "due": done.due,
        "completed": done.completed,
        "completed_on_time": done.completed_on_time,
        "open": done.open,
        "overdue": done.overdue,
        "withdrawn": done.withdrawn,
        "completed_rate": percent(done.completed, done.due - done.withdrawn),
        "on_time_rate": percent(done.completed_on_time, done.due - done.withdrawn),
    }
    by_rule: dict[str, dict[str, Any]] = {}
    for found in clocks_due_between(
        partnership, start=start, end=end, today=today, calendar=current_calendar()
    ):
        assert found.clock is not None
        tally = by_rule.setdefault(
            found.rule_id,
            {
                "label": found.label,
                "limit": found.clock.rule.due_text.lstrip("+"),
                "due": 0,
                "met_on_time": 0,
                "met_late": 0,
                "overdue": 0,
                "running": 0,
            },
        )
        tally["due"] += 1
        state = found.clock.state
        key = {"met on time": "met_on_time", "met late": "met_late", "overdue": "overdue"}.get(
            state, "running"
        )
        tally[key] += 1
    clocks = [
        {**row, "on_time_rate": percent(row["met_on_time"], row["due"] - row["running"])}
        for row in by_rule.values()
    ]
    return {
        "as_at": today.isoformat(),
        "attendance": attendance,
        "cadence": cadence,
        "actions": actions,
        "clocks": clocks,
    }


def review_figures(review: EffectivenessReview, *, today: date) -> dict[str, Any]:
    """The frozen figures of a published review; a draft's figures as they stand today."""
    if review.is_published and review.figures:
        return review.figures
    return live_figures(review.partnership, start=review.period_start, end=review.period_end, today=today)
