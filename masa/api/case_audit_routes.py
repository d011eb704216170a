"""Multi-agency audits: the same permissions as their pages (masa/case_audits/rules.py).

The senior roles see every audit with its agreed grades counted per grade; everyone else in the
partnership sees the complete (published) audits only, without grades, as on the pages.
"""

from datetime import date
from uuid import UUID

from django.http import HttpRequest
from ninja import Router, Schema
from pydantic import Field

from masa.api.access import partnership_or_404
from masa.api.errors import replies
from masa.api.types import Limit, Offset, Slug
from masa.case_audits import selectors
from masa.case_audits.models import GOOD_OR_BETTER
from masa.case_audits.rules import VIEW_AUDITS

router = Router(tags=["Multi-agency audits"])


class GradeCountOut(Schema):
    grade: int = Field(description="The grade's value: 1 is the best")
    label: str
    count: int = Field(description="Grades agreed at moderation with this value")


class GradesSummaryOut(Schema):
    agreed: int = Field(description="Grades agreed at moderation, over every case and question")
    good_or_better: int | None = Field(
        description=f"Per cent of agreed grades of {GOOD_OR_BETTER} or better; none before any is agreed"
    )
    by_grade: list[GradeCountOut]


class AuditOut(Schema):
    id: UUID
    topic: str
    theme: str
    status: str = Field(description="planning, agencies_completing, moderation or complete")
    opened_on: date
    agency_deadline: date
    moderation_on: date | None
    completed_on: date | None
    findings: int = Field(description="Strengths, areas for development and learning recorded")
    grades: GradesSummaryOut | None = Field(
        description="For the readers of results (the senior roles) only; null for everyone else"
    )


class AuditPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[AuditOut]


@router.get(
    "/partnerships/{slug}/audits",
    response=replies({200: AuditPage}),
    summary="The partnership's multi-agency audits",
)
def list_audits(request: HttpRequest, slug: Slug, limit: Limit = 100, offset: Offset = 0):
    """Newest first, each with its dates, its findings count and (for the readers of results)
    the count of moderated grades per grade, in a fixed number of queries."""
    partnership = partnership_or_404(request, slug, VIEW_AUDITS)
    with_grades = selectors.sees_results(request.user, partnership)
    audits = selectors.audit_list(request.user, partnership)
    page = list(audits.prefetch_related("tool__grades")[offset : offset + limit])
    summaries = selectors.grade_summaries(page) if with_grades else {}

    def grades(audit) -> dict | None:
        if not with_grades:
            return None
        counts = summaries[audit.pk]
        agreed = sum(counts.values())
        good = sum(n for value, n in counts.items() if value <= GOOD_OR_BETTER)
        return {
            "agreed": agreed,
            "good_or_better": round(100 * good / agreed) if agreed else None,
            "by_grade": [
                {"grade": g.value, "label": g.label, "count": counts.get(g.value, 0)}
                for g in audit.tool.grades.all()
            ],
        }

    return {
        "count": audits.count(),
        "limit": limit,
        "offset": offset,
        "items": [
            {
                "id": a.uuid,
                "topic": a.topic,
                "theme": a.theme,
                "status": a.status,
                "opened_on": a.opened_on,
                "agency_deadline": a.agency_deadline,
                "moderation_on": a.moderation_on,
                "completed_on": a.completed_on,
                "findings": a.finding_count,  # type: ignore[attr-defined]
                "grades": grades(a),
            }
            for a in page
        ],
    }
