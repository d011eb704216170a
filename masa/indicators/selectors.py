"""Reads of the catalogue, periods, data calls and submissions (constant query counts)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Q, QuerySet

from masa.accounts.models import Membership, Role
from masa.indicators.models import (
    Comparator,
    DataCall,
    DataCallStatus,
    Indicator,
    IndicatorValue,
    Period,
    Submission,
    SubmissionStatus,
    ValueSource,
)
from masa.indicators.rules import answers_for_agency, sees_all_submissions
from masa.partnership.models import Agency, Group, Partnership, Person, Priority


def indicator_list(
    partnership: Partnership,
    *,
    priority: str = "",
    group: str = "",
    agency: str = "",
    origin: str = "",
) -> QuerySet[Indicator]:
    """The catalogue, filtered by priority, group, source agency (uuids) and DfE/local."""
    qs = (
        Indicator.objects.filter(partnership=partnership)
        .select_related("source_agency")
        .prefetch_related("priorities", "groups")
        .order_by("title")
    )
    if priority:
        qs = qs.filter(priorities__uuid=priority)
    if group:
        qs = qs.filter(groups__uuid=group)
    if agency:
        qs = qs.filter(source_agency__uuid=agency)
    if origin == "dfe":
        qs = qs.filter(is_dfe_defined=True)
    elif origin == "local":
        qs = qs.filter(is_dfe_defined=False)
    return qs.distinct()


def indicator_get(partnership: Partnership, uuid: Any) -> Indicator | None:
    return (
        Indicator.objects.filter(partnership=partnership, uuid=uuid)
        .select_related("source_agency")
        .prefetch_related("priorities", "groups")
        .first()
    )


def value_history(indicator: Indicator) -> QuerySet[IndicatorValue]:
    """Every figure the dataset has held for this indicator: current ones and the ones replaced.

    An agency's working answers (a submission not yet approved) are not figures yet.
    """
    return (
        IndicatorValue.objects.filter(indicator=indicator)
        .exclude(source=ValueSource.SUBMISSION, approved_at__isnull=True)
        .select_related(
            "period", "submission__agency", "submission__data_call", "return_import", "entered_by"
        )
        .order_by("-period__start", "-is_current", "-created_at")
    )


def indicator_comparators(indicator: Indicator) -> QuerySet[Comparator]:
    return indicator.comparators.order_by("-year", "kind")


def filter_choices(partnership: Partnership) -> dict[str, QuerySet]:
    return {
        "priorities": Priority.objects.filter(partnership=partnership).order_by("plan__start_year", "order"),
        "groups": Group.objects.filter(partnership=partnership, is_active=True).order_by("order", "name"),
        "agencies": partnership_agencies(partnership),
    }


def partnership_agencies(partnership: Partnership) -> QuerySet[Agency]:
    return (
        Agency.objects.filter(memberships__partnership=partnership, memberships__is_active=True)
        .order_by("name")
        .distinct()
    )


def period_list(partnership: Partnership) -> QuerySet[Period]:
    return Period.objects.filter(partnership=partnership).order_by("-start", "frequency")


def periods_without_call(partnership: Partnership) -> QuerySet[Period]:
    return period_list(partnership).filter(data_calls__isnull=True)


# -- data calls -----------------------------------------------------------------------------------


def data_call_list(partnership: Partnership) -> QuerySet[DataCall]:
    return (
        DataCall.objects.filter(partnership=partnership)
        .select_related("period")
        .annotate(
            n_submissions=Count("submissions"),
            n_approved=Count("submissions", filter=Q(submissions__status=SubmissionStatus.APPROVED)),
            n_submitted=Count("submissions", filter=Q(submissions__status=SubmissionStatus.SUBMITTED)),
        )
        .order_by("-period__start")
    )


def data_call_get(partnership: Partnership, uuid: Any) -> DataCall | None:
    return DataCall.objects.filter(partnership=partnership, uuid=uuid).select_related("period").first()


@dataclass(frozen=True)
class CallSummary:
    submissions: list[Submission]
    counts: dict[str, int]
    overdue: bool


def data_call_summary(call: DataCall, today: date, agency_ids: set[int] | None = None) -> CallSummary:
    """Every agency's status on the call (or only the caller's agencies, for an agency lead)."""
    qs = call.submissions.select_related("agency", "submitted_by", "reviewed_by").order_by("agency__name")
    if agency_ids is not None:
        qs = qs.filter(agency_id__in=agency_ids)
    submissions = list(qs)
    counts = {status: 0 for status in SubmissionStatus.values}
    for submission in submissions:
        counts[submission.status] += 1
    overdue = call.is_overdue_on(today)
    return CallSummary(submissions, counts, overdue)


# -- who leads which agency ----------------------------------------------------------------------


def lead_agency_ids(user: Any, partnership: Partnership) -> set[int]:
    """The agencies an agency lead answers for: their membership's agency and their Person's."""
    if not answers_for_agency(user, partnership):
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


def lead_emails_by_agency(partnership: Partnership, agency_ids: list[int]) -> dict[int, list[str]]:
    """Email addresses of the active agency leads of each agency (by Person or membership)."""
    leads = Membership.objects.filter(partnership=partnership, role=Role.AGENCY_LEAD, is_active=True)
    lead_users = set(leads.values_list("user_id", flat=True))
    result: dict[int, set[str]] = {}
    for agency_id, email in leads.filter(agency_id__in=agency_ids).values_list("agency_id", "user__email"):
        result.setdefault(agency_id, set()).add(email)
    people = Person.objects.filter(
        partnership=partnership, agency_id__in=agency_ids, is_active=True, user_id__in=lead_users
    ).values_list("agency_id", "user__email")
    for agency_id, email in people:
        result.setdefault(agency_id, set()).add(email)
    return {agency_id: sorted(emails) for agency_id, emails in result.items()}


def submission_scope(user: Any, partnership: Partnership) -> Q:
    """Business team: every submission; agency lead: their agencies' only; others: none."""
    if sees_all_submissions(user, partnership):
        return Q(partnership=partnership)
    if answers_for_agency(user, partnership):
        return Q(partnership=partnership, agency_id__in=lead_agency_ids(user, partnership))
    return Q(pk__in=[])


def submission_get(user: Any, partnership: Partnership, uuid: Any) -> Submission | None:
    return (
        Submission.objects.filter(submission_scope(user, partnership), uuid=uuid)
        .select_related("agency", "data_call__period", "submitted_by", "reviewed_by")
        .first()
    )


def submissions_for_user(user: Any, partnership: Partnership) -> QuerySet[Submission]:
    return (
        Submission.objects.filter(submission_scope(user, partnership), data_call__status=DataCallStatus.OPEN)
        .select_related("agency", "data_call__period")
        .order_by("data_call__due_date", "agency__name")
    )


def submission_indicators(submission: Submission) -> list[Indicator]:
    """The indicators the agency answers in this call: its active ones of the period's frequency."""
    return list(
        Indicator.objects.filter(
            partnership_id=submission.partnership_id,
            source_agency_id=submission.agency_id,
            frequency=submission.data_call.period.frequency,
            is_active=True,
        ).order_by("title")
    )


def submission_answers(submission: Submission) -> dict[int, IndicatorValue]:
    """The agency's working answers by indicator id; after approval, the approved ones."""
    working = {v.indicator_id: v for v in submission.values.filter(approved_at__isnull=True)}
    if working or submission.status != SubmissionStatus.APPROVED:
        return working
    return {v.indicator_id: v for v in submission.values.filter(approved_at__isnull=False, is_current=True)}


def submission_versions(submission: Submission) -> QuerySet[IndicatorValue]:
    """Every approved version of this submission's values, newest first."""
    return (
        submission.values.filter(approved_at__isnull=False)
        .select_related("indicator")
        .order_by("-approved_at", "indicator__title")
    )


def indicator_codes_by_agency(partnership: Partnership) -> dict[tuple[int, str], list[str]]:
    """Active indicator ids by (source agency, frequency), in one query (for lists of submissions)."""
    result: dict[tuple[int, str], list[str]] = {}
    rows = (
        Indicator.objects.filter(partnership=partnership, is_active=True, source_agency__isnull=False)
        .order_by("title")
        .values_list("source_agency_id", "frequency", "code")
    )
    for agency_id, frequency, code in rows:
        result.setdefault((agency_id, frequency), []).append(code)
    return result
