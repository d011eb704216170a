"""Reads of actions, scoped record by record to what the user needs to know."""

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from masa.accounts.models import Membership, User
from masa.accounts.rules import is_member
from masa.actions.models import (
    OPEN_STATUSES,
    Action,
    ActionEvidence,
    ActionSettings,
    ActionStatus,
    ActionUpdate,
    EvidenceKind,
)
from masa.actions.rules import VIEW_ACTIONS, sees_agency_actions, sees_all_actions, sees_group_actions
from masa.partnership.models import Agency, Group, GroupMember, Partnership, Person


def _with_latest_update(qs: QuerySet[Action]) -> QuerySet[Action]:
    latest = ActionUpdate.objects.filter(action=OuterRef("pk")).order_by("-created_at", "-pk")
    return qs.select_related("owner", "owner_agency", "group").annotate(
        latest_update_text=Subquery(latest.values("text")[:1]),
        latest_update_at=Subquery(latest.values("created_at")[:1]),
    )


def action_scope(user: User, partnership: Partnership) -> Q:
    """The actions of this partnership that this user may see (need-to-know, masa/actions/rules.py)."""
    if not is_member(user, partnership):
        return Q(pk__in=[])
    if sees_all_actions(user, partnership):
        return Q(partnership=partnership)
    mine = Q(owner__user=user)
    if sees_agency_actions(user, partnership):
        agency_id = (
            Membership.objects.filter(user=user, partnership=partnership)
            .values_list("agency_id", flat=True)
            .first()
        )
        return Q(partnership=partnership) & (mine | Q(owner_agency_id=agency_id))
    if sees_group_actions(user, partnership):
        groups = GroupMember.objects.filter(partnership=partnership, person__user=user).values("group_id")
        chaired = Group.objects.filter(partnership=partnership, chair__user=user).values("pk")
        return Q(partnership=partnership) & (mine | Q(group_id__in=groups) | Q(group_id__in=chaired))
    return Q(partnership=partnership) & mine


def action_list(
    user: User,
    partnership: Partnership,
    *,
    group: Group | None = None,
    status: str | None = None,
    owner_id: int | None = None,
    due_before: date | None = None,
    due_after: date | None = None,
) -> QuerySet[Action]:
    qs = Action.objects.filter(action_scope(user, partnership), is_deleted=False)
    if group is not None:
        qs = qs.filter(group=group)
    if status == "overdue":
        qs = qs.filter(status__in=OPEN_STATUSES, due_date__lt=timezone.localdate())
    elif status == "open":
        qs = qs.filter(status__in=OPEN_STATUSES)
    elif status:
        qs = qs.filter(status=status)
    if owner_id is not None:
        qs = qs.filter(owner_id=owner_id)
    if due_before:
        qs = qs.filter(due_date__lte=due_before)
    if due_after:
        qs = qs.filter(due_date__gte=due_after)
    return _with_latest_update(qs).order_by("due_date", "number")


def action_get(user: User, partnership: Partnership, uuid: str) -> Action | None:
    return (
        Action.objects.filter(action_scope(user, partnership), uuid=uuid, is_deleted=False)
        .select_related(
            "owner",
            "owner__user",
            "owner_agency",
            "group",
            "group__chair",
            "meeting_item__meeting",
            "review_recommendation__review",
            "inspection_finding__inspection",
            "assurance_request",
            "effectiveness_finding__review",
            "scrutiny_finding__activity__plan",
            "closed_by",
        )
        .prefetch_related("updates__author", "evidence__added_by")
        .first()
    )


def my_actions(user: User, *, include_closed: bool = False) -> QuerySet[Action]:
    """Actions owned by the user in every partnership where they are an active member."""
    partnerships = Membership.objects.filter(user=user, is_active=True).values("partnership_id")
    qs = Action.objects.filter(owner__user=user, partnership_id__in=partnerships, is_deleted=False)
    if not include_closed:
        qs = qs.filter(status__in=OPEN_STATUSES)
    return _with_latest_update(qs.select_related("partnership")).order_by("due_date", "number")


def overdue_for_board(user: User, partnership: Partnership, *, today: date | None = None) -> QuerySet[Action]:
    """Open actions past the partnership's escalation threshold: the Board's overdue list."""
    from datetime import timedelta

    today = today or timezone.localdate()
    threshold = settings_for(partnership).escalate_days_overdue
    overdue = action_list(user, partnership, status="overdue", due_before=today - timedelta(days=threshold))
    return with_extensions(overdue)


def with_extensions(qs: QuerySet[Action]) -> QuerySet[Action]:
    """Each action with `extensions`: how many times its due date was moved later."""
    later = (
        ActionUpdate.objects.filter(action=OuterRef("pk"), due_date_to__gt=F("due_date_from"))
        .order_by()
        .values("action")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return qs.annotate(extensions=Coalesce(Subquery(later), 0))


def settings_for(partnership: Partnership) -> ActionSettings:
    found = ActionSettings.objects.filter(partnership=partnership).first()
    return found or ActionSettings(partnership=partnership)


def open_actions_for_group(group: Group) -> QuerySet[Action]:
    """Matters arising: every open action of the group, with its latest update."""
    qs = Action.objects.filter(group=group, is_deleted=False, status__in=OPEN_STATUSES)
    return _with_latest_update(qs).order_by("due_date", "number")


# Pages and API of the action tracker ---------------------------------------------------------


def action_search(
    user: User,
    partnership: Partnership,
    *,
    status: str | None = None,
    group: Group | None = None,
    group_uuid: UUID | str | None = None,
    agency_id: int | None = None,
    owner_id: int | None = None,
    owner_uuid: UUID | str | None = None,
    source: str | None = None,
    text: str | None = None,
    due_before: date | None = None,
    due_after: date | None = None,
) -> QuerySet[Action]:
    """`action_list` plus the filters the list pages and the API offer (agency, source, words)."""
    qs = action_list(
        user,
        partnership,
        group=group,
        status=status,
        owner_id=owner_id,
        due_before=due_before,
        due_after=due_after,
    )
    if source:
        qs = qs.filter(source=source)
    if text:
        qs = qs.filter(Q(title__icontains=text) | Q(description__icontains=text))
    if group_uuid is not None:
        qs = qs.filter(group__uuid=group_uuid)
    if agency_id is not None:
        qs = qs.filter(owner_agency_id=agency_id)
    if owner_uuid is not None:
        qs = qs.filter(owner__uuid=owner_uuid)
    return qs


def action_group_get(partnership: Partnership, uuid: str) -> Group | None:
    """A group of this partnership (for its actions page); None for another partnership's."""
    return Group.objects.filter(partnership=partnership, uuid=uuid).first()


def action_filter_groups(partnership: Partnership) -> QuerySet[Group]:
    return Group.objects.filter(partnership=partnership).order_by("-is_active", "order", "name")


def action_filter_people(partnership: Partnership) -> QuerySet[Person]:
    return Person.objects.filter(partnership=partnership).order_by("-is_active", "name")


def action_filter_agencies(partnership: Partnership) -> QuerySet[Agency]:
    return Agency.objects.filter(memberships__partnership=partnership).distinct().order_by("name")


def evidence_file_get(action: Action, uuid: str) -> ActionEvidence | None:
    """A file evidence record of this action (not deleted), or None."""
    return ActionEvidence.objects.filter(
        action=action, uuid=uuid, kind=EvidenceKind.FILE, is_deleted=False
    ).first()


def partnerships_viewing_actions(user: User) -> set[int]:
    """Ids of the user's partnerships where their role may open action pages (one query at most)."""
    from masa.accounts.selectors import partnerships_for_user

    return {p.pk for p in partnerships_for_user(user) if user.has_perm(VIEW_ACTIONS, p)}


def owner_choices(action: Action) -> QuerySet[Person]:
    """People who may own this action: the partnership's active people, and its current owner."""
    return (
        Person.objects.filter(partnership_id=action.partnership_id)
        .filter(Q(is_active=True) | Q(pk=action.owner_id))
        .select_related("agency")
        .order_by("name")
    )


def owner_agency_choices(action: Action) -> QuerySet[Agency]:
    """Agencies active in the action's partnership, and its current agency."""
    active = Q(memberships__partnership_id=action.partnership_id, memberships__is_active=True)
    return Agency.objects.filter(active | Q(pk=action.owner_agency_id)).distinct().order_by("name")


def actions_for_bulk(user: User, partnership: Partnership, uuids: list[UUID]) -> list[Action]:
    """The chosen actions that the user may see, in reference order (fewer if some are not)."""
    return list(
        Action.objects.filter(action_scope(user, partnership), uuid__in=uuids, is_deleted=False)
        .select_related("owner", "owner__user", "owner_agency", "group", "group__chair")
        .order_by("number")
    )


def bulk_owner_choices(partnership: Partnership) -> QuerySet[Person]:
    """People who may take over several actions: the partnership's active people."""
    return (
        Person.objects.filter(partnership=partnership, is_active=True)
        .select_related("agency")
        .order_by("name")
    )


def bulk_agency_choices(partnership: Partnership) -> QuerySet[Agency]:
    """Agencies active in the partnership."""
    return (
        Agency.objects.filter(memberships__partnership=partnership, memberships__is_active=True)
        .distinct()
        .order_by("name")
    )


def import_template_names(partnership: Partnership) -> dict[str, list[str]]:
    """The names an imported log may use: active people, agencies and groups of the partnership."""
    return {
        "people": list(
            Person.objects.filter(partnership=partnership, is_active=True)
            .order_by("name")
            .values_list("name", flat=True)
        ),
        "agencies": list(bulk_agency_choices(partnership).values_list("name", flat=True)),
        "groups": list(
            Group.objects.filter(partnership=partnership, is_active=True)
            .order_by("name")
            .values_list("name", flat=True)
        ),
    }


def new_owner_get(partnership: Partnership, uuid: UUID | str) -> Person | None:
    """An active person of this partnership who may own a new action; None for anyone else."""
    people = Person.objects.filter(partnership=partnership, uuid=uuid, is_active=True)
    return people.select_related("agency").first()


def owner_get(action: Action, uuid: UUID | str) -> Person | None:
    """One of `owner_choices(action)` by its id; None for anyone else."""
    return owner_choices(action).filter(uuid=uuid).first()


def owner_agency_get(action: Action, uuid: UUID | str) -> Agency | None:
    """One of `owner_agency_choices(action)` by its id; None for any other agency."""
    return owner_agency_choices(action).filter(uuid=uuid).first()


@dataclass(frozen=True)
class Completion:
    """How the actions due in a period stand: completed (on time or late), still open, withdrawn."""

    due: int
    completed: int
    completed_on_time: int
    open: int
    overdue: int
    withdrawn: int


def completion_between(partnership: Partnership, *, start: date, end: date, today: date) -> Completion:
    """The partnership's actions due from `start` to `end` inclusive (one query).

    Completed on time: closed on or before the due date. Overdue: still open and due before today.
    """
    open_q = Q(status__in=OPEN_STATUSES)
    counts = Action.objects.filter(
        partnership=partnership, is_deleted=False, due_date__gte=start, due_date__lte=end
    ).aggregate(
        due=Count("pk"),
        completed=Count("pk", filter=Q(status=ActionStatus.CLOSED)),
        completed_on_time=Count(
            "pk", filter=Q(status=ActionStatus.CLOSED, closed_at__date__lte=F("due_date"))
        ),
        open=Count("pk", filter=open_q),
        overdue=Count("pk", filter=open_q & Q(due_date__lt=today)),
        withdrawn=Count("pk", filter=Q(status=ActionStatus.WITHDRAWN)),
    )
    return Completion(**counts)
