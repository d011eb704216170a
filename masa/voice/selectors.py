"""Reads of the voice of children and families, scoped per user (docs/domain.md, "Voice of
children and families").

The governance roles and the scrutineer (VIEW_UNPUBLISHED) see every activity and entry; agency
leads and practitioners see only published entries and the activities they came from; the
public page shows published entries only, with nothing internal. Anything outside the scope is
404.
"""

from typing import Any

from django.db.models import BooleanField, Case, Count, Prefetch, Q, QuerySet, Value, When

from masa.accounts.models import User
from masa.actions.models import Action
from masa.actions.selectors import action_scope
from masa.partnership.models import Partnership
from masa.voice.models import EngagementActivity, YouSaidWeDid
from masa.voice.rules import VIEW_UNPUBLISHED, VIEW_VOICE


def _sees_unpublished(user: User, partnership: Partnership) -> bool:
    return user.has_perm(VIEW_UNPUBLISHED, partnership)


def entry_scope(user: User, partnership: Partnership) -> Q:
    if not user.has_perm(VIEW_VOICE, partnership):
        return Q(pk__in=[])
    if _sees_unpublished(user, partnership):
        return Q(partnership=partnership)
    return Q(partnership=partnership, is_published=True)


def activity_scope(user: User, partnership: Partnership) -> Q:
    if not user.has_perm(VIEW_VOICE, partnership):
        return Q(pk__in=[])
    if _sees_unpublished(user, partnership):
        return Q(partnership=partnership)
    return Q(partnership=partnership, entries__is_published=True)


def _actions(user: User, partnership: Partnership) -> QuerySet[Action]:
    """Live actions marked with whether this user may open each (the tracker's own scope)."""
    return (
        Action.objects.filter(is_deleted=False)
        .annotate(
            can_open=Case(
                When(action_scope(user, partnership), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
        .order_by("number")
    )


def activity_list(user: User, partnership: Partnership) -> QuerySet[EngagementActivity]:
    """The activities the user may open, newest first, each with the entries the user may read."""
    entries = (
        YouSaidWeDid.objects.filter(entry_scope(user, partnership))
        .prefetch_related(Prefetch("actions", queryset=_actions(user, partnership)))
        .order_by("created_at")
    )
    ids = EngagementActivity.objects.filter(activity_scope(user, partnership)).values("pk")
    return (
        EngagementActivity.objects.filter(pk__in=ids)
        .prefetch_related(Prefetch("entries", queryset=entries))
        .annotate(
            entry_count=Count(
                "entries",
                filter=Q(entries__in=YouSaidWeDid.objects.filter(entry_scope(user, partnership))),
                distinct=True,
            ),
        )
        .order_by("-held_on", "-created_at")
    )


def activity_get(user: User, partnership: Partnership, uuid: Any) -> EngagementActivity | None:
    return activity_list(user, partnership).filter(uuid=uuid).first()


def entry_get(activity: EngagementActivity, uuid: Any) -> YouSaidWeDid | None:
    """One of the entries of `activity` the user may read (already scoped by `activity_list`)."""
    return next((e for e in activity.entries.all() if str(e.uuid) == str(uuid)), None)


def linkable_actions(partnership: Partnership) -> QuerySet[Action]:
    """The partnership's live tracker actions an entry may be linked to."""
    return Action.objects.filter(partnership=partnership, is_deleted=False).order_by("number")


def public_entries(partnership: Partnership) -> list[tuple[EngagementActivity, list[YouSaidWeDid]]]:
    """The published entries, grouped by their activity, newest activity first: for the public page."""
    published = YouSaidWeDid.objects.filter(partnership=partnership, is_published=True).order_by("created_at")
    activities = (
        EngagementActivity.objects.filter(partnership=partnership, entries__is_published=True)
        .distinct()
        .prefetch_related(Prefetch("entries", queryset=published))
        .order_by("-held_on", "-created_at")
    )
    return [(a, list(a.entries.all())) for a in activities]
