"""Reads of local case discussions, scoped per user (masa/case_discussions/rules.py).

`viewer` decides, once per request, which discussions a user sees and how much of each: in full
(with the case reference), anonymised (everything but the reference) or the learning only (a
shared discussion's month, themes and learning). A discussion outside that is "not found".
"""

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from masa.accounts.models import Role
from masa.accounts.rules import role_in
from masa.actions.models import Action
from masa.assurance.selectors import partnership_groups, partnership_people
from masa.assurance.selectors_section11 import partnership_agencies
from masa.case_discussions.models import CaseDiscussion, DiscussionAction
from masa.case_discussions.rules import FULL_READER_ROLES, RECORDER_ROLES
from masa.core.dates import financial_year_start
from masa.governance.models import Meeting
from masa.governance.selectors import user_group_ids
from masa.partnership.models import Group, Partnership
from masa.reviews.models import Theme

__all__ = ["partnership_agencies", "partnership_groups", "partnership_people"]


class Access(StrEnum):
    FULL = "full"
    ANONYMISED = "anonymised"
    LEARNING = "learning"


@dataclass(frozen=True)
class Viewer:
    partnership_id: int
    sees_all: bool = False  # every discussion, with references
    anonymised: bool = False  # every discussion, without references
    group_ids: frozenset[int] = field(default_factory=frozenset)  # groups read in full
    is_member: bool = False

    def scope(self) -> Q:
        if not self.is_member:
            return Q(pk__in=[])
        mine = Q(partnership_id=self.partnership_id)
        if self.sees_all or self.anonymised:
            return mine
        return mine & (Q(group_id__in=self.group_ids) | Q(is_shareable=True))

    def access(self, discussion: CaseDiscussion) -> Access:
        if self.sees_all or discussion.group_id in self.group_ids:
            return Access.FULL
        if self.anonymised:
            return Access.ANONYMISED
        return Access.LEARNING

    @property
    def sees_references(self) -> bool:
        return self.sees_all or bool(self.group_ids)


def viewer(user: Any, partnership: Partnership) -> Viewer:
    role = role_in(user, partnership.pk)
    if role is None:
        return Viewer(partnership.pk)
    groups: frozenset[int] = frozenset()
    if role in RECORDER_ROLES:
        groups = frozenset(user_group_ids(user, partnership).values_list("pk", flat=True))
    return Viewer(
        partnership.pk,
        sees_all=role in FULL_READER_ROLES,
        anonymised=role == Role.SCRUTINEER,
        group_ids=groups,
        is_member=True,
    )


def _with_access(discussions: list[CaseDiscussion], who: Viewer) -> list[CaseDiscussion]:
    for discussion in discussions:
        discussion.access = who.access(discussion)  # type: ignore[attr-defined]
    return discussions


def _discussions(who: Viewer) -> QuerySet[CaseDiscussion]:
    return (
        CaseDiscussion.objects.filter(who.scope())
        .select_related("group", "referring_agency", "meeting")
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.order_by("name")))
    )


def register(user: Any, partnership: Partnership) -> list[CaseDiscussion]:
    """The discussions the user sees, newest first, each with the year (April to March) it fell in."""
    who = viewer(user, partnership)
    discussions = _with_access(list(_discussions(who)), who)
    for discussion in discussions:
        discussion.year = financial_year_start(discussion.discussed_on)  # type: ignore[attr-defined]
    return discussions


def discussion_get(user: Any, partnership: Partnership, uuid: Any) -> CaseDiscussion | None:
    who = viewer(user, partnership)
    actions = Action.objects.filter(is_deleted=False).select_related("owner", "owner_agency")
    found = (
        _discussions(who)
        .filter(uuid=uuid)
        .prefetch_related(
            Prefetch(
                "action_links",
                queryset=DiscussionAction.objects.select_related("action").prefetch_related(
                    Prefetch("action", queryset=actions)
                ),
            )
        )
        .first()
    )
    return _with_access([found], who)[0] if found else None


def discussion_actions(discussion: CaseDiscussion) -> list[Action]:
    return [link.action for link in discussion.action_links.all() if not link.action.is_deleted]


def theme_discussions(user: Any, theme: Theme) -> list[CaseDiscussion]:
    """The discussions with this theme that the user sees, newest first (the theme pages)."""
    who = viewer(user, theme.partnership)
    return _with_access(list(_discussions(who).filter(themes=theme)), who)


# Choices for the forms ----------------------------------------------------------------------------


def recordable_groups(user: Any, partnership: Partnership) -> QuerySet[Group]:
    """The groups a user may record discussions for: every group for the business team."""
    groups = Group.objects.filter(partnership=partnership).order_by("name")
    if role_in(user, partnership.pk) == Role.BUSINESS_TEAM:
        return groups
    if role_in(user, partnership.pk) in RECORDER_ROLES:
        return groups.filter(pk__in=user_group_ids(user, partnership))
    return groups.none()


def meetings_of(groups: QuerySet[Group]) -> QuerySet[Meeting]:
    return (
        Meeting.objects.filter(group__in=groups, is_deleted=False)
        .select_related("group")
        .order_by("-starts_at")
    )


def active_themes(partnership: Partnership) -> QuerySet[Theme]:
    return Theme.objects.filter(partnership=partnership, is_active=True).order_by("name")
