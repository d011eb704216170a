"""Reads of the training needs analysis (docs/domain.md, "21.1 The training needs analysis").

An agency lead answers for their own agency only; the training coordinator for any agency of
the partnership. Another agency's answer reads as absent (404)."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, Sum
from django.utils.safestring import SafeString, mark_safe

from masa.assurance.selectors_section11 import lead_agency_ids
from masa.partnership.models import Agency, Partnership
from masa.partnership.selectors import agency_list
from masa.training import charts
from masa.training.models import Course, Level, NeedsAnalysis, NeedsAnswer, NeedsResponse, NeedsTopic
from masa.training.rules import MANAGE_TRAINING
from masa.training.selectors.figures import Rate

# The levels as the chart, the table and the spreadsheet name them.
LEVEL_NAMES = [(level.value, level.label.split(" (")[0]) for level in Level]


def analysis_list(partnership: Partnership) -> list[NeedsAnalysis]:
    return list(NeedsAnalysis.objects.filter(partnership=partnership).order_by("-opens_on", "-pk"))


def analysis_get(partnership: Partnership, uuid: Any) -> NeedsAnalysis | None:
    return (
        NeedsAnalysis.objects.filter(partnership=partnership, uuid=uuid)
        .prefetch_related(Prefetch("topics", queryset=NeedsTopic.objects.select_related("priority")))
        .first()
    )


def partnership_agencies(partnership: Partnership) -> list[Agency]:
    """The agencies asked: the partnership's active agencies."""
    return [
        membership.agency
        for membership in agency_list(partnership, active_only=True).order_by("agency__name")
    ]


def answerable_agencies(user: Any, partnership: Partnership) -> list[Agency]:
    """Every agency of the partnership for the training coordinator; an agency lead's own."""
    agencies = partnership_agencies(partnership)
    if user.has_perm(MANAGE_TRAINING, partnership):
        return agencies
    own = lead_agency_ids(user, partnership)
    return [agency for agency in agencies if agency.pk in own]


def answerable_agency(user: Any, partnership: Partnership, uuid: Any) -> Agency | None:
    return next((a for a in answerable_agencies(user, partnership) if str(a.uuid) == str(uuid)), None)


def response_get(analysis: NeedsAnalysis, agency: Agency) -> NeedsResponse | None:
    return (
        NeedsResponse.objects.filter(analysis=analysis, agency=agency)
        .select_related("submitted_by")
        .prefetch_related("answers")
        .first()
    )


@dataclass(frozen=True)
class AgencyStatus:
    agency: Agency
    response: NeedsResponse | None

    @property
    def label(self) -> str:
        if self.response is None:
            return "Not started"
        return "Sent" if self.response.submitted_at else "Draft saved"


def agency_statuses(analysis: NeedsAnalysis, agencies: list[Agency]) -> list[AgencyStatus]:
    responses = {r.agency_id: r for r in NeedsResponse.objects.filter(analysis=analysis)}
    return [AgencyStatus(agency, responses.get(agency.pk)) for agency in agencies]


@dataclass(frozen=True)
class TopicResult:
    topic: NeedsTopic
    by_level: list[int]  # in the order of LEVEL_NAMES
    courses: list[Course]

    @property
    def total(self) -> int:
        return sum(self.by_level)


@dataclass(frozen=True)
class NeedsResults:
    return_rate: Rate  # agencies that sent their answer, of the partnership's agencies
    topics: list[TopicResult]
    level_totals: list[int]
    comments: list[tuple[str, str]]  # (agency, comments) of the answers sent
    not_answered: list[Agency]

    @property
    def total(self) -> int:
        return sum(self.level_totals)


def needs_results(analysis: NeedsAnalysis) -> NeedsResults:
    """The answers sent (drafts are left out), added up per topic and level, with each topic's
    linked priority and the courses planned from it."""
    agencies = partnership_agencies(analysis.partnership)
    sent = list(
        NeedsResponse.objects.filter(analysis=analysis, submitted_at__isnull=False)
        .select_related("agency")
        .order_by("agency__name")
    )
    asked = {a.pk for a in agencies}
    answered = {r.agency_id for r in sent}
    sums = {
        (topic_id, level): total or 0
        for topic_id, level, total in NeedsAnswer.objects.filter(
            response__analysis=analysis, response__submitted_at__isnull=False
        )
        .values_list("topic_id", "level")
        .annotate(total=Sum("staff"))
        .order_by()
    }
    topics = (
        NeedsTopic.objects.filter(analysis=analysis)
        .select_related("priority")
        .prefetch_related(Prefetch("courses", queryset=Course.objects.order_by("title")))
    )
    rows = [
        TopicResult(
            topic=topic,
            by_level=[sums.get((topic.pk, level), 0) for level, _ in LEVEL_NAMES],
            courses=list(topic.courses.all()),
        )
        for topic in topics
    ]
    return NeedsResults(
        return_rate=Rate(len(answered & asked), len(asked)),
        topics=rows,
        level_totals=[sum(row.by_level[i] for row in rows) for i in range(len(LEVEL_NAMES))],
        comments=[(r.agency.name, r.comments) for r in sent if r.comments],
        not_answered=[a for a in agencies if a.pk not in answered],
    )


def results_chart(analysis: NeedsAnalysis, results: NeedsResults) -> SafeString:
    svg = charts.grouped_bar_chart(
        [charts.Group(row.topic.name, row.by_level) for row in results.topics],
        [name for _, name in LEVEL_NAMES],
        title=f"Staff needing training by topic and level: {analysis.title}",
        unit="Staff needing training, by topic, at foundation, intermediate and advanced level",
        chart_id=f"needs-{analysis.uuid}",
    )
    return mark_safe(svg)  # noqa: S308 - every text in the SVG is escaped by masa.training.charts
