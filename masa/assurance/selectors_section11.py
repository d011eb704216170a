"""Reads of the Section 11 and Section 175 self-assessments, each in a fixed number of queries.

The business team and the senior roles see every return; an agency lead sees only the returns of
the agencies they lead (by their membership's agency or their person's), and any other is "not
found".
"""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.db.models.functions import Coalesce

from masa.accounts.models import Membership, Role
from masa.accounts.rules import is_agency_lead, is_senior
from masa.assurance.models import (
    Rating,
    ReturnStatus,
    Section11Cycle,
    Section11Evidence,
    Section11Improvement,
    Section11Rating,
    Section11Return,
    Standard,
    StandardsSet,
)
from masa.partnership.models import Agency, Partnership, Person

UP, DOWN, SAME, NEW = "up", "down", "same", "new"
CHANGE_LABELS = {UP: "Up", DOWN: "Down", SAME: "Same", NEW: "No earlier return"}


def lead_agency_ids(user: Any, partnership: Partnership) -> set[int]:
    """The agencies an agency lead answers for: their membership's agency and their person's."""
    if not is_agency_lead(user, partnership):
        return set()
    ids = set(
        Membership.objects.filter(
            user=user, partnership=partnership, is_active=True, agency__isnull=False
        ).values_list("agency_id", flat=True)
    )
    ids |= set(
        Person.objects.filter(user=user, partnership=partnership, is_active=True).values_list(
            "agency_id", flat=True
        )
    )
    return ids


def return_scope(user: Any, partnership: Partnership) -> Q:
    if is_senior(user, partnership):
        return Q(partnership=partnership)
    ids = lead_agency_ids(user, partnership)
    if ids:
        return Q(partnership=partnership, agency_id__in=ids)
    return Q(pk__in=[])


def lead_emails(partnership: Partnership, agency_id: int) -> list[str]:
    """Email addresses of the agency's active leads (by membership or by person)."""
    leads = Membership.objects.filter(partnership=partnership, role=Role.AGENCY_LEAD, is_active=True)
    users = Q(agency_id=agency_id) | Q(
        user__people__partnership=partnership, user__people__agency_id=agency_id, user__people__is_active=True
    )
    return sorted(set(leads.filter(users).exclude(user__email="").values_list("user__email", flat=True)))


def business_team_emails(partnership: Partnership) -> list[str]:
    return sorted(
        Membership.objects.filter(partnership=partnership, role=Role.BUSINESS_TEAM, is_active=True)
        .exclude(user__email="")
        .values_list("user__email", flat=True)
    )


# Standards sets ---------------------------------------------------------------------------------


def standards_sets(partnership: Partnership) -> QuerySet[StandardsSet]:
    return StandardsSet.objects.filter(partnership=partnership).prefetch_related("standards", "cycles")


def standards_set_get(partnership: Partnership, uuid: Any) -> StandardsSet | None:
    return StandardsSet.objects.filter(partnership=partnership, uuid=uuid).first()


def standard_get(standards_set: StandardsSet, uuid: Any) -> Standard | None:
    return standards_set.standards.filter(uuid=uuid).first()


def set_in_use(standards_set: StandardsSet) -> bool:
    return standards_set.cycles.exists()


# Cycles and returns -----------------------------------------------------------------------------


def cycle_list(partnership: Partnership) -> QuerySet[Section11Cycle]:
    return Section11Cycle.objects.filter(partnership=partnership).select_related("standards_set")


def cycle_list_with_rates(partnership: Partnership) -> QuerySet[Section11Cycle]:
    """Cycles newest first, each with `asked`, `returned` and `late` counted in the same query."""
    submitted = Q(returns__status=ReturnStatus.SUBMITTED)
    return cycle_list(partnership).annotate(
        asked=Count("returns", distinct=True),
        returned=Count("returns", filter=submitted, distinct=True),
        late=Count("returns", filter=submitted & Q(returns__is_late=True), distinct=True),
    )


def not_returned_agencies(cycles: list[Section11Cycle]) -> dict[int, list[str]]:
    """For each cycle, the names of the agencies whose return is not in (one query)."""
    names: dict[int, list[str]] = {c.pk: [] for c in cycles}
    rows = (
        Section11Return.objects.filter(cycle__in=cycles)
        .exclude(status=ReturnStatus.SUBMITTED)
        .order_by("agency__name")
        .values_list("cycle_id", "agency__name")
    )
    for cycle_id, name in rows:
        names[cycle_id].append(name)
    return names


def cycle_get(partnership: Partnership, uuid: Any) -> Section11Cycle | None:
    return cycle_list(partnership).filter(uuid=uuid).first()


def my_returns(user: Any, partnership: Partnership) -> list[Section11Return]:
    """The returns of the agencies this agency lead answers for, newest cycle first."""
    ids = lead_agency_ids(user, partnership)
    return list(
        Section11Return.objects.filter(partnership=partnership, agency_id__in=ids)
        .select_related("agency", "cycle")
        .order_by("-cycle__opens_on", "agency__name")
    )


def return_get(user: Any, partnership: Partnership, uuid: Any) -> Section11Return | None:
    return (
        Section11Return.objects.filter(return_scope(user, partnership), uuid=uuid)
        .select_related("agency", "cycle__standards_set")
        .prefetch_related(
            Prefetch("ratings", queryset=Section11Rating.objects.select_related("standard")),
            Prefetch("evidence_files", queryset=Section11Evidence.objects.select_related("standard")),
            Prefetch(
                "improvements",
                queryset=Section11Improvement.objects.select_related("owner", "action"),
            ),
        )
        .first()
    )


def evidence_get(section11_return: Section11Return, uuid: Any) -> Section11Evidence | None:
    return section11_return.evidence_files.filter(uuid=uuid).select_related("section11_return").first()


def agency_people(partnership: Partnership, agency: Agency) -> QuerySet[Person]:
    return Person.objects.filter(partnership=partnership, agency=agency, is_active=True).order_by("name")


def partnership_agencies(partnership: Partnership) -> QuerySet[Agency]:
    return (
        Agency.objects.filter(memberships__partnership=partnership, memberships__is_active=True)
        .order_by("name")
        .distinct()
    )


@dataclass(frozen=True)
class ReturnRate:
    asked: int
    returned: int
    late: int
    not_returned: list[Section11Return]

    @property
    def percent(self) -> int:
        return round(100 * self.returned / self.asked) if self.asked else 0


def return_rate(returns: list[Section11Return]) -> ReturnRate:
    submitted = [r for r in returns if r.status == ReturnStatus.SUBMITTED]
    return ReturnRate(
        asked=len(returns),
        returned=len(submitted),
        late=sum(1 for r in submitted if r.is_late),
        not_returned=[r for r in returns if r.status != ReturnStatus.SUBMITTED],
    )


@dataclass
class ResultRow:
    """One agency's row of the heat map: its ratings in standard order, and the change since last time."""

    section11_return: Section11Return
    cells: list[int | None]
    average: float | None
    # Which cells hold a rating the challenge session moderated (the cell shows the agreed one).
    moderated: list[bool] = field(default_factory=list)
    previous_average: float | None = None
    change: str = NEW

    @property
    def change_label(self) -> str:
        return CHANGE_LABELS[self.change]

    @property
    def shown_cells(self) -> list[tuple[int | None, bool]]:
        """Each standard's agreed rating and whether the challenge session moderated it."""
        flags = self.moderated or [False] * len(self.cells)
        return list(zip(self.cells, flags, strict=True))


@dataclass
class Results:
    cycle: Section11Cycle
    standards: list[Standard]
    rows: list[ResultRow]
    returns: list[Section11Return]
    previous: Section11Cycle | None = None
    rate: ReturnRate = field(init=False)

    def __post_init__(self) -> None:
        self.rate = return_rate(self.returns)


def _average(values: list[int]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def previous_cycle(cycle: Section11Cycle) -> Section11Cycle | None:
    return (
        Section11Cycle.objects.filter(standards_set_id=cycle.standards_set_id, opens_on__lt=cycle.opens_on)
        .order_by("-opens_on")
        .first()
    )


def cycle_results(cycle: Section11Cycle) -> Results:
    """The return rate, the heat map and each agency's change from the previous cycle of the same
    set, in five queries whatever the number of agencies and standards."""
    standards = list(cycle.standards_set.standards.order_by("number", "pk"))
    returns = list(cycle.returns.select_related("agency").order_by("agency__name"))
    # Plain tuples, not model instances: a large cycle holds tens of thousands of ratings.
    ratings: dict[int, dict[int, tuple[int | None, int | None]]] = {}
    for return_id, standard_id, rating, moderated in Section11Rating.objects.filter(
        section11_return__cycle=cycle, section11_return__status=ReturnStatus.SUBMITTED
    ).values_list("section11_return_id", "standard_id", "rating", "moderated_rating"):
        ratings.setdefault(return_id, {})[standard_id] = (rating, moderated)
    previous = previous_cycle(cycle)
    before: dict[int, float | None] = {}
    if previous is not None:
        # Summed in the database: one row per agency rather than one per rating.
        totals = (
            Section11Rating.objects.filter(
                section11_return__cycle=previous,
                section11_return__status=ReturnStatus.SUBMITTED,
                rating__isnull=False,
            )
            .values("section11_return__agency_id")
            .annotate(total=Sum(Coalesce("moderated_rating", "rating")), count=Count("pk"))
        )
        before = {t["section11_return__agency_id"]: round(t["total"] / t["count"], 1) for t in totals}
    result_rows = []
    for ret in returns:
        if ret.status != ReturnStatus.SUBMITTED:
            continue
        by_standard = ratings.get(ret.pk, {})
        found = [by_standard.get(s.pk, (None, None)) for s in standards]
        cells = [moderated or rating for rating, moderated in found]
        row = ResultRow(
            ret,
            cells,
            _average([c for c in cells if c is not None]),
            moderated=[bool(moderated) for _, moderated in found],
        )
        row.previous_average = before.get(ret.agency_id)
        if row.previous_average is not None and row.average is not None:
            row.change = (
                UP
                if row.average > row.previous_average
                else DOWN
                if row.average < row.previous_average
                else SAME
            )
        result_rows.append(row)
    return Results(cycle=cycle, standards=standards, rows=result_rows, returns=returns, previous=previous)


RATING_LABELS = dict(Rating.choices)


def due_state(ret: Section11Return, today: date) -> str:
    if ret.is_submitted:
        return "Submitted late" if ret.is_late else "Submitted"
    if today > ret.cycle.deadline:
        return "Overdue"
    return "Not submitted"
