"""Reads of scrutiny records and statements of assurance, scoped per user; anything outside the
scope is 404 (docs/domain.md, "Independent scrutiny and the statement of assurance")."""

from typing import Any

from django.db.models import BooleanField, Case, Prefetch, QuerySet, Value, When

from masa.accounts.models import Membership, Role, User
from masa.actions.models import Action
from masa.actions.selectors import action_scope
from masa.partnership.models import Group, Partnership, Person
from masa.scrutiny.models import (
    AssuranceStatement,
    CommentStatus,
    ScrutineerComment,
    ScrutinyActivity,
    ScrutinyFinding,
    ScrutinyPlan,
)
from masa.scrutiny.rules import VIEW_COMMENTS, VIEW_SCRUTINY, VIEW_STATEMENTS


def _actions(user: User, partnership: Partnership) -> QuerySet[Action]:
    """Live actions marked with whether this user may open each (the tracker's own scope)."""
    return (
        Action.objects.filter(is_deleted=False)
        .select_related("owner")
        .annotate(
            can_open=Case(
                When(action_scope(user, partnership), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
    )


def plan_list(user: User, partnership: Partnership) -> QuerySet[ScrutinyPlan]:
    if not user.has_perm(VIEW_SCRUTINY, partnership):
        return ScrutinyPlan.objects.none()
    return ScrutinyPlan.objects.filter(partnership=partnership).order_by("-year")


def _findings(user: User, partnership: Partnership) -> QuerySet[ScrutinyFinding]:
    return ScrutinyFinding.objects.select_related("responded_by").prefetch_related(
        Prefetch("action", queryset=_actions(user, partnership))
    )


def plan_get(user: User, partnership: Partnership, uuid: Any) -> ScrutinyPlan | None:
    activities = ScrutinyActivity.objects.prefetch_related(
        Prefetch("findings", queryset=_findings(user, partnership).order_by("number"))
    ).order_by("planned_on", "pk")
    return (
        plan_list(user, partnership)
        .prefetch_related(Prefetch("activities", queryset=activities))
        .filter(uuid=uuid)
        .first()
    )


def activity_get(plan: ScrutinyPlan, uuid: Any) -> ScrutinyActivity | None:
    return plan.activities.filter(uuid=uuid).first()


def finding_list(user: User, partnership: Partnership) -> QuerySet[ScrutinyFinding]:
    """Every finding the user may read, newest plan first, each with its activity and action."""
    if not user.has_perm(VIEW_SCRUTINY, partnership):
        return ScrutinyFinding.objects.none()
    return (
        _findings(user, partnership)
        .filter(partnership=partnership)
        .select_related("activity__plan")
        .order_by("-activity__plan__year", "number")
    )


def finding_get(user: User, partnership: Partnership, uuid: Any) -> ScrutinyFinding | None:
    return finding_list(user, partnership).filter(uuid=uuid).first()


def comment_list(user: User, partnership: Partnership) -> QuerySet[ScrutineerComment]:
    """The yearly comments: every one for the senior roles, the published ones for other members."""
    comments = ScrutineerComment.objects.filter(partnership=partnership).order_by("-year")
    if user.has_perm(VIEW_SCRUTINY, partnership):
        return comments
    if user.has_perm(VIEW_COMMENTS, partnership):
        return comments.filter(status=CommentStatus.PUBLISHED)
    return comments.none()


def comment_get(user: User, partnership: Partnership, uuid: Any) -> ScrutineerComment | None:
    return comment_list(user, partnership).filter(uuid=uuid).first()


def statement_list(user: User, partnership: Partnership) -> QuerySet[AssuranceStatement]:
    if not user.has_perm(VIEW_STATEMENTS, partnership):
        return AssuranceStatement.objects.none()
    return (
        AssuranceStatement.objects.filter(partnership=partnership)
        .prefetch_related("sign_offs")
        .order_by("-year")
    )


def statement_get(user: User, partnership: Partnership, uuid: Any) -> AssuranceStatement | None:
    return statement_list(user, partnership).filter(uuid=uuid).first()


def lsp_count(partnership: Partnership) -> int:
    """How many lead safeguarding partners the partnership has (active members in that role)."""
    return Membership.objects.filter(partnership=partnership, role=Role.LSP, is_active=True).count()


def sign_off_summary(statement: AssuranceStatement) -> str:
    """ "signed by 2 of 3 lead safeguarding partners" (sign-offs prefetched)."""
    signed, of = len(statement.sign_offs.all()), lsp_count(statement.partnership)
    return f"signed by {signed} of {of} lead safeguarding partners"


def partnership_people(partnership: Partnership) -> QuerySet[Person]:
    return Person.objects.filter(partnership=partnership, is_active=True).select_related("agency")


def partnership_groups(partnership: Partnership) -> QuerySet[Group]:
    return Group.objects.filter(partnership=partnership, is_active=True)
