"""Reads of serious incidents, scoped by need-to-know, and their statutory clocks.

Only the incident's case team and the business team may open an incident; the independent
scrutineer sees every incident, anonymised (no children, no summary). Anyone else gets 404.
The clocks are pure computation with masa.clocks: nothing here reimplements working days.
"""

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.db.models import Min, Prefetch, Q, QuerySet

from masa.accounts.models import Role, User
from masa.accounts.selectors import active_role
from masa.clocks.rules import Clock, clock, get_rule
from masa.learning.models import IncidentChild, PanelNotification, SeriousIncident
from masa.partnership.models import Agency, Partnership

# Roles that see every incident of the partnership (the scrutineer anonymised).
SEE_ALL_ROLES = {Role.BUSINESS_TEAM, Role.SCRUTINEER}
ANONYMISED_ROLES = {Role.SCRUTINEER}
NO_RAPID_REVIEW = "No rapid review: care-leaver death, notified to the Secretary of State and Ofsted"
RR_NOT_STARTED = "Starts when the Panel is notified"


def incident_scope(user: User, partnership: Partnership) -> Q:
    """The incidents of this partnership this user may open."""
    role = active_role(user, partnership)
    if role is None:
        return Q(pk__in=[])
    if role in SEE_ALL_ROLES:
        return Q(partnership=partnership)
    mine = SeriousIncident.case_team.through.objects.filter(user=user).values("seriousincident_id")
    return Q(partnership=partnership) & Q(pk__in=mine)


def is_anonymised(user: User, partnership: Partnership) -> bool:
    """The scrutineer sees category, dates and clocks only."""
    return active_role(user, partnership) in ANONYMISED_ROLES


def _with_first_notification(qs: QuerySet[SeriousIncident]) -> QuerySet[SeriousIncident]:
    return qs.annotate(first_notified=Min("notifications__sent_date"))


def incident_list(user: User, partnership: Partnership) -> QuerySet[SeriousIncident]:
    return _with_first_notification(SeriousIncident.objects.filter(incident_scope(user, partnership)))


def incident_get(user: User, partnership: Partnership, uuid: UUID | str) -> SeriousIncident | None:
    """An incident the user may open, with children, notifications and case team; else None."""
    return (
        incident_list(user, partnership)
        .filter(uuid=uuid)
        .prefetch_related(
            "agencies",
            "case_team",
            "children",
            Prefetch(
                "notifications",
                queryset=PanelNotification.objects.prefetch_related(
                    Prefetch("children", queryset=IncidentChild.objects.order_by("reference"))
                ),
            ),
        )
        .first()
    )


def partnership_agencies(partnership: Partnership) -> QuerySet[Agency]:
    return Agency.objects.filter(memberships__partnership=partnership).order_by("name")


def case_team_candidates(partnership: Partnership) -> QuerySet[User]:
    """Active members of the partnership, who may join an incident's case team."""
    return User.objects.filter(memberships__partnership=partnership, memberships__is_active=True).order_by(
        "full_name", "email"
    )


def unnotified_children(incident: SeriousIncident) -> QuerySet[IncidentChild]:
    return incident.children.filter(notifications=None).order_by("reference")


# Clocks -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class IncidentClock:
    """One statutory clock of an incident; `clock` is None when it has not started or never will."""

    incident: SeriousIncident
    rule_id: str
    label: str
    clock: Clock | None
    note: str = ""

    @property
    def is_open(self) -> bool:
        return self.clock is not None and self.clock.met_on is None

    @property
    def source(self) -> str:
        return get_rule(self.rule_id, self.incident.rule_set_id).source

    @property
    def days_left_text(self) -> str:
        """'3 working days', '1 working day overdue', 'Met on 2 January 2024', or the note."""
        if self.clock is None:
            return self.note
        if self.clock.met_on is not None:
            return f"Met on {self.clock.met_on.day} {self.clock.met_on:%B %Y}"
        days = abs(self.clock.days_left)
        text = f"{days} working day{'' if days == 1 else 's'}"
        return f"{text} overdue" if self.clock.days_left < 0 else text

    @property
    def tag_class(self) -> str:
        state = self.clock.state if self.clock else ""
        return {
            "overdue": "govuk-tag--red",
            "due soon": "govuk-tag--yellow",
            "on track": "govuk-tag--blue",
            "met on time": "govuk-tag--green",
            "met late": "govuk-tag--green",
        }.get(state, "govuk-tag--grey")


def incident_clocks(
    incident: SeriousIncident, today: date, first_notified: date | None
) -> list[IncidentClock]:
    """The Panel notification and rapid review clocks (pure: no queries)."""
    rule_set = incident.rule_set_id
    notification = IncidentClock(
        incident,
        "panel_notification",
        "Notify the Panel",
        clock("panel_notification", incident.date_aware, today, met_on=first_notified, rule_set_id=rule_set),
    )
    if incident.care_leaver_death:
        return [notification, IncidentClock(incident, "rapid_review", "Rapid review", None, NO_RAPID_REVIEW)]
    counts_from_awareness = (
        get_rule("rapid_review", rule_set).starts_at == get_rule("panel_notification", rule_set).starts_at
    )
    start = incident.date_aware if counts_from_awareness else first_notified
    if start is None:
        return [notification, IncidentClock(incident, "rapid_review", "Rapid review", None, RR_NOT_STARTED)]
    review = clock("rapid_review", start, today, met_on=incident.rr_submitted_date, rule_set_id=rule_set)
    return [notification, IncidentClock(incident, "rapid_review", "Rapid review", review)]


def clocks_for(incident: SeriousIncident, today: date) -> list[IncidentClock]:
    """Clocks of an incident from incident_list/incident_get (uses the first_notified annotation)."""
    return incident_clocks(incident, today, getattr(incident, "first_notified", None))


def open_clocks(user: User, partnership: Partnership, today: date) -> list[IncidentClock]:
    """Every running clock of the incidents the user may see, soonest due first (one query)."""
    running = [
        c for incident in incident_list(user, partnership) for c in clocks_for(incident, today) if c.is_open
    ]
    return sorted(running, key=lambda c: (c.clock.due if c.clock else today, c.incident.reference))
