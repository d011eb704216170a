"""Reads of serious incidents, scoped by need-to-know, and their statutory clocks.

Only the incident's case team and the business team may open an incident; the independent
scrutineer sees every incident, anonymised (no children, no summary). Anyone else gets 404.
The clocks are pure computation with masa.clocks: nothing here reimplements working days.
"""

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.db.models import Min, Prefetch, Q, QuerySet

from masa.accounts.models import User
from masa.accounts.rules import is_member
from masa.clocks.calendar import WorkingCalendar, add_months, default_calendar
from masa.clocks.rules import DEFAULT_RULE_SET, Clock, Rule, clock, clock_state, get_rule
from masa.core.dates import long_date
from masa.incidents.models import (
    IncidentChild,
    IncidentSettings,
    InformationRequest,
    PanelNotification,
    RapidReview,
    SeriousIncident,
)
from masa.incidents.pseudonyms import DEFAULT_REFERENCE_PATTERN, matches_pattern, reference_problem
from masa.incidents.rules import sees_all_incidents, sees_incidents_anonymised
from masa.partnership.models import Agency, Partnership
from masa.reviews.models import Review, ReviewKind

NO_RAPID_REVIEW = "No rapid review: care-leaver death, notified to the Secretary of State and Ofsted"
RR_NOT_STARTED = "Starts when the Panel is notified"


def incident_scope(user: User, partnership: Partnership) -> Q:
    """The incidents of this partnership this user may open (masa/incidents/rules.py)."""
    if not is_member(user, partnership):
        return Q(pk__in=[])
    if sees_all_incidents(user, partnership):
        return Q(partnership=partnership)
    mine = SeriousIncident.case_team.through.objects.filter(user=user).values("seriousincident_id")
    return Q(partnership=partnership) & Q(pk__in=mine)


def is_anonymised(user: User, partnership: Partnership) -> bool:
    """The scrutineer sees category, dates and clocks only."""
    return bool(sees_incidents_anonymised(user, partnership))


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


def child_reference_pattern(partnership: Partnership) -> str:
    """The pattern the partnership's child references follow (masa's default until it sets one)."""
    pattern = (
        IncidentSettings.objects.filter(partnership=partnership)
        .values_list("child_reference_pattern", flat=True)
        .first()
    )
    return pattern or DEFAULT_REFERENCE_PATTERN


REFERENCE_FORM = "The case reference must follow the partnership's pseudonymised form, such as {example}"


def reference_problem_for(partnership: Partnership, reference: str) -> str | None:
    """Why a case reference is not in the partnership's pseudonymised form, or None when it is.

    The checks are the serious-incident ones (masa.incidents.pseudonyms: no date, no name), and
    the reference must also follow the partnership's pattern: audits' samples and the cases a
    group discusses are typed from lists, so a slip is refused rather than taken for a pseudonym.
    """
    pattern = child_reference_pattern(partnership)
    if problem := reference_problem(reference, pattern):
        return problem
    if not matches_pattern(reference, pattern):
        example = "Child A" if pattern == DEFAULT_REFERENCE_PATTERN else "the partnership's other references"
        return REFERENCE_FORM.format(example=example)
    return None


def child_get(incident: SeriousIncident, uuid: UUID | str) -> IncidentChild | None:
    """A child of an incident the caller has already opened (incident_get decides who may)."""
    return incident.children.filter(uuid=uuid).first()


def unnotified_children(incident: SeriousIncident) -> QuerySet[IncidentChild]:
    return incident.children.filter(notifications=None).order_by("reference")


# Clocks -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class IncidentClock:
    """One clock of an incident (or of a review); `clock` is None when it has not started or never will."""

    incident: SeriousIncident | None
    rule_id: str
    label: str
    clock: Clock | None
    note: str = ""
    review: Review | None = None

    @property
    def reference(self) -> str:
        if self.review is not None:
            return self.review.reference
        return self.incident.reference if self.incident else ""

    @property
    def is_open(self) -> bool:
        return self.clock is not None and self.clock.met_on is None

    @property
    def source(self) -> str:
        if self.clock is not None:
            return self.clock.rule.source
        rule_set = self.incident.rule_set_id if self.incident else DEFAULT_RULE_SET
        return get_rule(self.rule_id, rule_set).source

    @property
    def days_left_text(self) -> str:
        """'3 working days', '1 working day overdue', '12 days', 'Met on 2 January 2024', or the note."""
        if self.clock is None:
            return self.note
        if self.clock.met_on is not None:
            return f"Met on {long_date(self.clock.met_on)}"
        days = abs(self.clock.days_left)
        unit = "working day" if self.clock.rule.counts_working_days else "day"
        text = f"{days} {unit}{'' if days == 1 else 's'}"
        return f"{text} overdue" if self.clock.days_left < 0 else text

    @property
    def tag_class(self) -> str:
        return TAG_CLASSES.get(self.clock.state if self.clock else "", "govuk-tag--grey")


TAG_CLASSES = {
    "overdue": "govuk-tag--red",
    "due soon": "govuk-tag--yellow",
    "on track": "govuk-tag--blue",
    "met on time": "govuk-tag--green",
    "met late": "govuk-tag--green",
}


def incident_clocks(
    incident: SeriousIncident,
    today: date,
    first_notified: date | None,
    calendar: WorkingCalendar | None = None,
) -> list[IncidentClock]:
    """The Panel notification and rapid review clocks (pure: no queries).

    Pass the partnership's calendar (masa.bank_holidays.selectors.current_calendar) so one-off bank
    holidays an administrator added count.
    """
    rule_set = incident.rule_set_id
    cal = calendar or default_calendar()
    notification = IncidentClock(
        incident,
        "panel_notification",
        "Notify the Panel",
        clock(
            "panel_notification",
            incident.date_aware,
            today,
            met_on=first_notified,
            rule_set_id=rule_set,
            calendar=cal,
        ),
    )
    if incident.care_leaver_death:
        return [notification, IncidentClock(incident, "rapid_review", "Rapid review", None, NO_RAPID_REVIEW)]
    counts_from_awareness = (
        get_rule("rapid_review", rule_set).starts_at == get_rule("panel_notification", rule_set).starts_at
    )
    start = incident.date_aware if counts_from_awareness else first_notified
    if start is None:
        return [notification, IncidentClock(incident, "rapid_review", "Rapid review", None, RR_NOT_STARTED)]
    review = clock(
        "rapid_review", start, today, met_on=incident.rr_submitted_date, rule_set_id=rule_set, calendar=cal
    )
    return [notification, IncidentClock(incident, "rapid_review", "Rapid review", review)]


def clocks_for(
    incident: SeriousIncident, today: date, calendar: WorkingCalendar | None = None
) -> list[IncidentClock]:
    """Clocks of an incident from incident_list/incident_get (uses the first_notified annotation)."""
    return incident_clocks(incident, today, getattr(incident, "first_notified", None), calendar)


# Agency information requests are due on the date agreed with the agency; their days left are
# counted in working days, like the rapid review they feed.
INFORMATION_REQUEST_RULE = Rule(
    "information_request",
    "Agency information for the rapid review",
    "request to the agency",
    0,
    "working_days",
    "The due date set when the information was requested",
)
REQUEST_STATES = {
    "on track": ("Awaiting", "govuk-tag--blue"),
    "due soon": ("Awaiting", "govuk-tag--blue"),
    "overdue": ("Overdue", "govuk-tag--red"),
    "met on time": ("Received on time", "govuk-tag--green"),
    "met late": ("Received late", "govuk-tag--orange"),
}


def information_request_clock(
    request: InformationRequest, today: date, calendar: WorkingCalendar | None = None
) -> Clock:
    """The request's clock (pure): due on its due date, met when the information arrived."""
    cal = calendar or default_calendar()
    met_on = request.received_on
    return Clock(
        rule=INFORMATION_REQUEST_RULE,
        rule_set_id="",
        start=request.requested_on,
        due=request.due_on,
        days_left=cal.working_days_between(today, request.due_on),
        state=clock_state(request.due_on, today, met_on, unit="working_days", calendar=cal),
        due_is_working_day=cal.is_working_day(request.due_on),
        met_on=met_on,
    )


@dataclass(frozen=True)
class RequestRow:
    request: InformationRequest
    clock: Clock

    @property
    def state_text(self) -> str:
        return REQUEST_STATES[self.clock.state][0]

    @property
    def tag_class(self) -> str:
        return REQUEST_STATES[self.clock.state][1]


def information_requests(
    incident: SeriousIncident, today: date, calendar: WorkingCalendar | None = None
) -> list[RequestRow]:
    """The incident's agency information requests with their states (one query)."""
    requests = InformationRequest.objects.filter(incident=incident).select_related("agency")
    return [RequestRow(r, information_request_clock(r, today, calendar)) for r in requests]


def information_request_get(incident: SeriousIncident, uuid: UUID | str) -> InformationRequest | None:
    return InformationRequest.objects.filter(incident=incident, uuid=uuid).select_related("agency").first()


def rapid_review_get(incident: SeriousIncident) -> RapidReview | None:
    return RapidReview.objects.filter(incident=incident).select_related("signed_off_by").first()


def lcspr_clock(review: Review, today: date, calendar: WorkingCalendar | None = None) -> IncidentClock:
    """Working Together 2023 ch.5: an LCSPR is expected to finish within 6 months of the decision."""
    rule_set = review.incident.rule_set_id if review.incident else DEFAULT_RULE_SET
    running = None
    if review.decision_date is not None:
        running = clock(
            "lcspr_final",
            review.decision_date,
            today,
            met_on=review.final_report_received_date,
            rule_set_id=rule_set,
            calendar=calendar or default_calendar(),
        )
    return IncidentClock(
        review.incident, "lcspr_final", "LCSPR final report", running, "Starts at the decision", review
    )


def lcsprs_for_incident(incident: SeriousIncident) -> list[Review]:
    return list(Review.objects.filter(incident=incident, kind=ReviewKind.LCSPR).select_related("incident"))


def open_clocks(
    user: User, partnership: Partnership, today: date, calendar: WorkingCalendar | None = None
) -> list[IncidentClock]:
    """Every running clock the user may see, soonest due first (three queries, however many).

    Incidents' Panel notification and rapid review clocks, the lcspr_final clock of each LCSPR
    decided, and agency information requests that are overdue.
    """
    cal = calendar or default_calendar()
    # Once the rapid review is submitted both incident clocks have stopped (the Panel must have
    # been notified first), so only the incidents still without one can have a running clock.
    running = [
        c
        for incident in incident_list(user, partnership).filter(rr_submitted_date__isnull=True)
        for c in clocks_for(incident, today, cal)
        if c.is_open
    ]
    scope = SeriousIncident.objects.filter(incident_scope(user, partnership)).values("pk")
    lcsprs = Review.objects.filter(
        Q(incident__isnull=True) | Q(incident__in=scope),
        partnership=partnership,
        kind=ReviewKind.LCSPR,
        decision_date__isnull=False,
        final_report_received_date__isnull=True,
    ).select_related("incident")
    running += [lcspr_clock(review, today, cal) for review in lcsprs]
    overdue = InformationRequest.objects.filter(
        partnership=partnership,
        incident__in=scope,
        received_on__isnull=True,
        due_on__lt=today,
    ).select_related("incident", "agency")
    anonymised = is_anonymised(user, partnership)
    running += [
        IncidentClock(
            request.incident,
            "information_request",
            "Agency information" if anonymised else f"Information from {request.agency.name}",
            information_request_clock(request, today, cal),
        )
        for request in overdue
    ]
    return sorted(running, key=lambda c: (c.clock.due if c.clock else today, c.reference))


def clocks_due_between(
    partnership: Partnership,
    *,
    start: date,
    end: date,
    today: date,
    calendar: WorkingCalendar | None = None,
) -> list[IncidentClock]:
    """Every clock of the partnership due from `start` to `end` inclusive, met or not (three queries).

    For figures across the partnership (counts only, no child's details): the Panel notification
    and rapid review clocks of every incident, and the final-report clock of every LCSPR decided.
    """
    cal = calendar or default_calendar()
    incidents = _with_first_notification(SeriousIncident.objects.filter(partnership=partnership))
    # A clock is due at most a few months after it starts, so incidents older than a year before
    # the period cannot have one due in it.
    incidents = incidents.filter(date_aware__gte=add_months(start, -12), date_aware__lte=end)
    found = [c for incident in incidents for c in clocks_for(incident, today, cal)]
    lcsprs = Review.objects.filter(
        partnership=partnership,
        kind=ReviewKind.LCSPR,
        decision_date__gte=add_months(start, -12),
        decision_date__lte=end,
    ).select_related("incident")
    found += [lcspr_clock(review, today, cal) for review in lcsprs]
    return [c for c in found if c.clock is not None and start <= c.clock.due <= end]


# The rapid review's stages -----------------------------------------------------------------

COMPLETED = "Completed"
IN_PROGRESS = "In progress"
NOT_STARTED = "Not yet started"
CANNOT_START = "Cannot start yet"


@dataclass(frozen=True)
class Stage:
    key: str
    name: str
    status: str
    hint: str = ""

    @property
    def tag_class(self) -> str:
        return {IN_PROGRESS: "govuk-tag--light-blue", NOT_STARTED: "govuk-tag--blue"}.get(self.status, "")


NEXT_STEPS = {
    "requests": "Ask each agency involved what it knew of the child and family, with a due date.",
    "meeting": "Hold the rapid review meeting with the agencies and record its date.",
    "report": "Complete every section of the rapid review report: facts, immediate safeguarding "
    "actions, learning, and the recommendation on a local review with its reasons.",
    "sign_off": "A delegated safeguarding partner in the case team signs the report off. It can then "
    "no longer be changed.",
    "submitted": "Send the signed-off report to the Child Safeguarding Practice Review Panel and record "
    "the date: this stops the rapid review clock.",
    "response": "Record the Panel's response when it arrives: whether it agreed with the "
    "recommendation, and its comments.",
    "decision": "Record the partnership's decision on a local review. An LCSPR starts its 6-month clock.",
}


def rapid_review_stages(
    incident: SeriousIncident, review: RapidReview | None, requests: list[RequestRow], notified: bool
) -> list[Stage]:
    """The steps of the rapid review, in order, each with its GOV.UK task-list status (pure)."""
    received = sum(1 for r in requests if r.request.received_on)
    request_status = NOT_STARTED
    if requests:
        request_status = COMPLETED if received == len(requests) else IN_PROGRESS
    missing = review.missing_sections if review else list(RapidReview.REPORT_FIELDS)
    signed = bool(review and review.is_signed_off)
    submitted = incident.rr_submitted_date is not None
    if not notified:
        meeting = report = CANNOT_START
    else:
        meeting = COMPLETED if review and review.meeting_date else NOT_STARTED
        if not missing:
            report = COMPLETED
        elif review and len(missing) < len(RapidReview.REPORT_FIELDS):
            report = IN_PROGRESS
        else:
            report = NOT_STARTED
    if signed:
        sign_off = COMPLETED
    elif meeting == COMPLETED and report == COMPLETED:
        sign_off = NOT_STARTED
    else:
        sign_off = CANNOT_START
    after_submission = NOT_STARTED if submitted else CANNOT_START
    return [
        Stage("requests", "Ask agencies for information", request_status,
              f"{received} of {len(requests)} received" if requests else ""),
        Stage("meeting", "Hold the rapid review meeting", meeting),
        Stage("report", "Write the rapid review report", report),
        Stage("sign_off", "Sign-off by a delegated safeguarding partner", sign_off),
        Stage("submitted", "Send the report to the Panel",
              COMPLETED if submitted else (NOT_STARTED if signed else CANNOT_START)),
        Stage("response", "Record the Panel's response",
              COMPLETED if review and review.panel_response_date else after_submission),
        Stage("decision", "Record the partnership's decision",
              COMPLETED if review and review.decision else after_submission),
    ]  # fmt: skip


def next_step(stages: list[Stage]) -> str:
    """What happens next: the first stage not completed (the information requests may run alongside)."""
    for stage in stages:
        if stage.key != "requests" and stage.status != COMPLETED:
            return NEXT_STEPS[stage.key]
    return (
        "The rapid review is complete. Its findings and recommendations are held with the learning reviews."
    )
