"""Reads of multi-agency audits, each in a fixed number of queries.

Who sees what (masa/case_audits/rules.py): the senior roles see every audit and every part; an
agency lead sees the parts of the agencies they lead (any other part is "not found") and the
published summary of a complete audit; everyone else sees only complete audits' summaries.
"""

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.safestring import SafeString, mark_safe

from masa.accounts.rules import is_senior
from masa.assurance.selectors_section11 import lead_agency_ids, partnership_agencies
from masa.case_audits.models import (
    GOOD_OR_BETTER,
    AgencyReturn,
    Audit,
    AuditCase,
    AuditFinding,
    AuditGrade,
    AuditQuestion,
    AuditStatus,
    AuditTool,
    FindingKind,
    ModeratedGrade,
    ReturnStatus,
)
from masa.indicators import charts
from masa.partnership.models import Agency, Group, Partnership, Person

__all__ = ["lead_agency_ids", "partnership_agencies"]


def sees_results(user: Any, partnership: Partnership) -> bool:
    return bool(is_senior(user, partnership))


# Tools ------------------------------------------------------------------------------------------


def tools(partnership: Partnership) -> QuerySet[AuditTool]:
    return AuditTool.objects.filter(partnership=partnership).annotate(
        question_count=Count("questions", distinct=True), audit_count=Count("audits", distinct=True)
    )


def tool_get(partnership: Partnership, uuid: Any) -> AuditTool | None:
    return AuditTool.objects.filter(partnership=partnership, uuid=uuid).first()


def tool_in_use(tool: AuditTool) -> bool:
    return tool.audits.exists()


def active_tools(partnership: Partnership) -> QuerySet[AuditTool]:
    return AuditTool.objects.filter(partnership=partnership, is_active=True)


def partnership_groups(partnership: Partnership) -> QuerySet[Group]:
    return Group.objects.filter(partnership=partnership).order_by("name")


def partnership_people(partnership: Partnership) -> QuerySet[Person]:
    return (
        Person.objects.filter(partnership=partnership, is_active=True)
        .select_related("agency")
        .order_by("name")
    )


# Audits -----------------------------------------------------------------------------------------


def audit_list(user: Any, partnership: Partnership) -> QuerySet[Audit]:
    """Newest first; the senior roles see every audit, everyone else the complete ones."""
    audits = (
        Audit.objects.filter(partnership=partnership)
        .select_related("tool", "group")
        .annotate(
            case_count=Count("cases", distinct=True),
            finding_count=Count("findings", distinct=True),
        )
    )
    if not sees_results(user, partnership):
        audits = audits.filter(status=AuditStatus.COMPLETE)
    return audits


def audit_get(user: Any, partnership: Partnership, uuid: Any) -> Audit | None:
    """An audit the user may open: any for the senior roles; one taking part of their agencies
    for an agency lead; a complete one for everyone."""
    audit = Audit.objects.filter(partnership=partnership, uuid=uuid).select_related("tool", "group").first()
    if audit is None or sees_results(user, partnership) or audit.is_complete:
        return audit
    ids = lead_agency_ids(user, partnership)
    if ids and audit.status != AuditStatus.PLANNING and audit.agencies.filter(pk__in=ids).exists():
        return audit
    return None


def return_scope(user: Any, partnership: Partnership) -> Q:
    if sees_results(user, partnership):
        return Q(partnership=partnership)
    ids = lead_agency_ids(user, partnership)
    if ids:
        return Q(partnership=partnership, agency_id__in=ids)
    return Q(pk__in=[])


def return_get(user: Any, partnership: Partnership, uuid: Any) -> AgencyReturn | None:
    return (
        AgencyReturn.objects.filter(return_scope(user, partnership), uuid=uuid)
        .exclude(case__audit__status=AuditStatus.PLANNING)
        .select_related("case__audit__tool", "agency", "submitted_by")
        .first()
    )


def my_returns(user: Any, partnership: Partnership, audit: Audit | None = None) -> list[AgencyReturn]:
    """The parts an agency lead completes for their agencies, in open audits (or in `audit`)."""
    ids = lead_agency_ids(user, partnership)
    if not ids:
        return []
    returns = AgencyReturn.objects.filter(partnership=partnership, agency_id__in=ids)
    if audit is not None:
        returns = returns.filter(case__audit=audit)
    else:
        returns = returns.filter(
            case__audit__status__in=(AuditStatus.AGENCIES_COMPLETING, AuditStatus.MODERATION)
        )
    return list(returns.select_related("case__audit", "agency").order_by("case__audit__agency_deadline"))


def parts_to_complete(user: Any, partnership: Partnership) -> list[AgencyReturn]:
    """The agency lead's parts not yet submitted, soonest deadline first (for the home page)."""
    return [part for part in my_returns(user, partnership) if not part.is_submitted]


def agency_return_answers(agency_return: AgencyReturn) -> dict[int, Any]:
    return {a.question_id: a for a in agency_return.answers.all()}


def questions(audit: Audit) -> list[AuditQuestion]:
    return list(audit.tool.questions.order_by("number", "pk"))


def grades(audit: Audit) -> list[AuditGrade]:
    return list(audit.tool.grades.order_by("value"))


def case_get(audit: Audit, uuid: Any) -> AuditCase | None:
    return audit.cases.filter(uuid=uuid).first()


def finding_get(audit: Audit, uuid: Any) -> AuditFinding | None:
    return audit.findings.filter(uuid=uuid).first()


# Results ----------------------------------------------------------------------------------------


@dataclass
class CaseRow:
    case: AuditCase
    returns: list[AgencyReturn]
    # The agreed grade for each question, in question order (None until moderated).
    grades: list[int | None]
    rationales: list[str]


@dataclass
class Results:
    audit: Audit
    questions: list[AuditQuestion]
    grades: list[AuditGrade]
    agencies: list[Agency]
    rows: list[CaseRow]
    findings: list[AuditFinding]
    grade_counts: list[tuple[AuditGrade, int]] = field(default_factory=list)
    submitted: int = 0
    late: int = 0
    asked: int = 0

    @property
    def moderated(self) -> int:
        return sum(count for _, count in self.grade_counts)

    @property
    def good_or_better(self) -> int | None:
        """The share of agreed grades that are good or better, as a whole percentage."""
        if not self.moderated:
            return None
        good = sum(count for grade, count in self.grade_counts if grade.value <= GOOD_OR_BETTER)
        return round(100 * good / self.moderated)

    def findings_of(self, kind: str) -> list[AuditFinding]:
        return [f for f in self.findings if f.kind == kind]

    @property
    def strengths(self) -> list[AuditFinding]:
        return self.findings_of(FindingKind.STRENGTH)

    @property
    def developments(self) -> list[AuditFinding]:
        return self.findings_of(FindingKind.DEVELOPMENT)

    @property
    def learning(self) -> list[AuditFinding]:
        return self.findings_of(FindingKind.LEARNING)

    def label(self, value: int | None) -> str:
        for grade in self.grades:
            if grade.value == value:
                return f"{grade.value} {grade.label}"
        return "Not agreed"


def findings(audit: Audit) -> list[AuditFinding]:
    return list(audit.findings.select_related("action__owner").order_by("created_at", "pk"))


def audit_results(audit: Audit) -> Results:
    """The whole audit for those who read results: each case's parts and agreed grades, the
    count of agreed grades per grade, and the findings with their actions."""
    qs = questions(audit)
    scale = grades(audit)
    cases = list(
        audit.cases.prefetch_related(
            Prefetch(
                "returns", queryset=AgencyReturn.objects.select_related("agency").order_by("agency__name")
            ),
            "moderated_grades",
        )
    )
    rows = []
    counts: Counter[int] = Counter()
    submitted = late = asked = 0
    for case in cases:
        agreed = {m.question_id: m for m in case.moderated_grades.all()}
        returns = list(case.returns.all())
        asked += len(returns)
        submitted += sum(1 for r in returns if r.status == ReturnStatus.SUBMITTED)
        late += sum(1 for r in returns if r.is_late)
        row_grades = [agreed[q.pk].grade if q.pk in agreed else None for q in qs]
        counts.update(g for g in row_grades if g is not None)
        rows.append(
            CaseRow(
                case=case,
                returns=returns,
                grades=row_grades,
                rationales=[agreed[q.pk].rationale if q.pk in agreed else "" for q in qs],
            )
        )
    return Results(
        audit=audit,
        questions=qs,
        grades=scale,
        agencies=list(audit.agencies.order_by("name")),
        rows=rows,
        findings=findings(audit),
        grade_counts=[(g, counts.get(g.value, 0)) for g in scale],
        submitted=submitted,
        late=late,
        asked=asked,
    )


def grade_summaries(audits: list[Audit]) -> dict[int, dict[int, int]]:
    """For each audit, the count of agreed grades per grade value (one query)."""
    out: dict[int, dict[int, int]] = {a.pk: {} for a in audits}
    rows = (
        ModeratedGrade.objects.filter(case__audit__in=audits)
        .values_list("case__audit_id", "grade")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for audit_id, grade, n in rows:
        out[audit_id][grade] = n
    return out


@dataclass(frozen=True)
class Score:
    audit: Audit
    moderated: int
    good: int

    @property
    def share(self) -> int | None:
        return round(100 * self.good / self.moderated) if self.moderated else None


def scores_over_time(partnership: Partnership) -> list[Score]:
    """Per complete audit, oldest first: how many grades were agreed and how many were good or
    better (a value of 2 or less; 1 is the best grade)."""
    audits = list(
        Audit.objects.filter(partnership=partnership, status=AuditStatus.COMPLETE)
        .annotate(
            moderated=Count("cases__moderated_grades"),
            good=Count(
                "cases__moderated_grades",
                filter=Q(cases__moderated_grades__grade__lte=GOOD_OR_BETTER),
            ),
        )
        .order_by("completed_on", "pk")
    )
    return [Score(audit=a, moderated=a.moderated, good=a.good) for a in audits]  # type: ignore[attr-defined]


def scores_chart(partnership: Partnership, scores: list[Score]) -> SafeString | None:
    if not scores:
        return None
    points = [
        charts.Point(
            f"{s.audit.topic} ({s.audit.completed_on:%b %Y})" if s.audit.completed_on else s.audit.topic,
            Decimal(s.share) if s.share is not None else None,
        )
        for s in scores
    ]
    svg = charts.line_chart(
        points,
        title="Agreed grades good or better, by audit",
        y_label="Per cent good or better",
        x_label="Audit",
        chart_id=f"audit-scores-{partnership.slug}",
    )
    return mark_safe(svg)  # noqa: S308 - every text in the SVG is escaped by masa.indicators.charts


def register(user: Any, partnership: Partnership) -> list[tuple[Audit, dict[int, int]]]:
    """The audits register: each audit the user sees with its agreed grades per grade value."""
    audits = list(audit_list(user, partnership))
    summaries = grade_summaries(audits)
    return [(a, summaries[a.pk]) for a in audits]
