"""Reads of a partnership's structure. Each makes a fixed number of queries."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Prefetch, QuerySet
from django.utils import timezone

from masa.core.dates import financial_year_start
from masa.partnership.models import (
    Agency,
    AgencyStatus,
    Group,
    GroupMember,
    Objective,
    Partnership,
    PartnershipAgency,
    Person,
    Priority,
    StrategicPlan,
)


def partnership_public_list() -> QuerySet[Partnership]:
    return Partnership.objects.order_by("name")


def partnership_public_get(slug: str) -> Partnership | None:
    return Partnership.objects.filter(slug=slug).first()


def agency_list(partnership: Partnership, *, active_only: bool = False) -> QuerySet[PartnershipAgency]:
    qs = PartnershipAgency.objects.filter(partnership=partnership).select_related("agency")
    if active_only:
        qs = qs.filter(is_active=True)
    return qs.order_by("-is_active", "status", "agency__name")


def agency_get(partnership: Partnership, uuid: str) -> PartnershipAgency | None:
    return agency_list(partnership).filter(uuid=uuid).first()


def agency_choices(partnership: Partnership) -> QuerySet[Agency]:
    """Agencies active in this partnership (for choosing a person's agency)."""
    return Agency.objects.filter(memberships__partnership=partnership, memberships__is_active=True).order_by(
        "name"
    )


def person_list(partnership: Partnership, *, active_only: bool = False) -> QuerySet[Person]:
    qs = Person.objects.filter(partnership=partnership).select_related("agency")
    if active_only:
        qs = qs.filter(is_active=True)
    return qs.order_by("-is_active", "name")


def person_get(partnership: Partnership, uuid: str) -> Person | None:
    return person_list(partnership).filter(uuid=uuid).first()


def group_list(partnership: Partnership) -> QuerySet[Group]:
    return (
        Group.objects.filter(partnership=partnership)
        .select_related("chair", "chair__agency", "reports_to")
        .annotate(member_count=Count("members"))
        .order_by("-is_active", "order", "name")
    )


def group_get(partnership: Partnership, uuid: str) -> Group | None:
    members = GroupMember.objects.select_related("person", "person__agency").order_by(
        "member_type", "person__name"
    )
    return (
        Group.objects.filter(partnership=partnership, uuid=uuid)
        .select_related("chair", "chair__agency", "reports_to")
        .prefetch_related(Prefetch("members", queryset=members))
        .first()
    )


def plan_list(partnership: Partnership) -> QuerySet[StrategicPlan]:
    priorities = Priority.objects.prefetch_related("objectives").order_by("order", "pk")
    return (
        StrategicPlan.objects.filter(partnership=partnership)
        .prefetch_related(Prefetch("priorities", queryset=priorities))
        .order_by("-start_year")
    )


def plan_get(partnership: Partnership, uuid: str) -> StrategicPlan | None:
    return plan_list(partnership).filter(uuid=uuid).first()


def priority_get(partnership: Partnership, uuid: str) -> Priority | None:
    return (
        Priority.objects.filter(partnership=partnership, uuid=uuid)
        .select_related("plan")
        .prefetch_related("objectives")
        .first()
    )


def objective_get(partnership: Partnership, uuid: str) -> Objective | None:
    return Objective.objects.filter(partnership=partnership, uuid=uuid).select_related("priority").first()


@dataclass
class GroupNode:
    group: Group
    children: list["GroupNode"] = field(default_factory=list)


def group_tree(groups: list[Group]) -> list[GroupNode]:
    """Arrange groups by reporting line: roots are groups that report to no active group."""
    nodes = {g.pk: GroupNode(g) for g in groups}
    roots: list[GroupNode] = []
    for group in groups:
        parent = nodes.get(group.reports_to_id) if group.reports_to_id else None
        if parent is None or parent is nodes[group.pk]:
            roots.append(nodes[group.pk])
        else:
            parent.children.append(nodes[group.pk])
    return roots


@dataclass
class Arrangements:
    """Everything the published arrangements document shows, fetched in a fixed number of queries."""

    partnership: Partnership
    values: list
    principles: list
    statutory_partners: list[PartnershipAgency]
    relevant_agencies: list[PartnershipAgency]
    groups: list[Group]
    tree: list[GroupNode]
    plans: list[StrategicPlan]


def arrangements_for(partnership: Partnership) -> Arrangements:
    agencies = list(agency_list(partnership, active_only=True))
    members = GroupMember.objects.select_related("person", "person__agency").order_by(
        "member_type", "person__name"
    )
    groups = list(
        Group.objects.filter(partnership=partnership, is_active=True)
        .select_related("chair", "chair__agency", "reports_to")
        .prefetch_related(Prefetch("members", queryset=members))
        .order_by("order", "name")
    )
    return Arrangements(
        partnership=partnership,
        values=list(partnership.value_set.all()),
        principles=list(partnership.principle_set.all()),
        statutory_partners=[a for a in agencies if a.status == AgencyStatus.STATUTORY_PARTNER],
        relevant_agencies=[a for a in agencies if a.status == AgencyStatus.RELEVANT_AGENCY],
        groups=groups,
        tree=group_tree(groups),
        plans=list(plan_list(partnership)),
    )


@dataclass
class HomeSummary:
    agencies: int
    people: int
    groups: int
    groups_without_chair: list[Group]
    current_plan: StrategicPlan | None


def plan_in_force(plans: Iterable[StrategicPlan], today: date) -> StrategicPlan | None:
    """The plan whose years hold today's financial year (a 2024-27 plan runs from April 2024 to
    March 2027); else the latest plan, so a partnership between plans still sees its last one."""
    latest_first = sorted(plans, key=lambda plan: plan.start_year, reverse=True)
    year = financial_year_start(today)
    in_force = [plan for plan in latest_first if plan.start_year <= year < plan.end_year]
    chosen = in_force or latest_first
    return chosen[0] if chosen else None


def home_summary(partnership: Partnership) -> HomeSummary:
    # Three small counts are cheaper than one query joining all three tables.
    counts = {
        "agencies": PartnershipAgency.objects.filter(partnership=partnership, is_active=True).count(),
        "people": Person.objects.filter(partnership=partnership, is_active=True).count(),
        "groups": Group.objects.filter(partnership=partnership, is_active=True).count(),
    }
    without_chair = list(
        Group.objects.filter(partnership=partnership, is_active=True, chair__isnull=True).order_by("name")
    )
    plan = plan_in_force(StrategicPlan.objects.filter(partnership=partnership), timezone.localdate())
    return HomeSummary(
        agencies=counts["agencies"],
        people=counts["people"],
        groups=counts["groups"],
        groups_without_chair=without_chair,
        current_plan=plan,
    )
