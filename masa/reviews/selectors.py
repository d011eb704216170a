"""Reads of learning reviews and themes, each in a fixed number of queries.

Reviews name no child, so everyone who may open the reviews pages sees every review of the
partnership. Which actions a user may open is still decided by the action tracker's scope: the
chain shows every action's status and impact, and links only to those the user may open.
"""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.paginator import Paginator
from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from masa.accounts.models import User
from masa.actions.models import OPEN_STATUSES, Action, ActionEvidence, ActionStatus
from masa.actions.selectors import action_scope
from masa.partnership.models import Agency, Group, Partnership, Person
from masa.reviews.models import (
    Finding,
    Milestone,
    NationalRecommendation,
    Recommendation,
    Review,
    ReviewQuestion,
    Theme,
)


def _count(model_through: Any, **lookup: Any) -> Subquery:
    """How many rows of a many-to-many table point at the outer theme (a subquery, so several
    counts do not multiply each other's joins)."""
    rows = model_through.objects.filter(theme=OuterRef("pk"), **lookup).values("theme")
    return Subquery(rows.annotate(n=Count("*")).values("n")[:1], output_field=IntegerField())


def theme_list(partnership: Partnership, *, active_only: bool = False) -> QuerySet[Theme]:
    """The partnership's themes with how many reviews, findings and briefings carry each."""
    qs = Theme.objects.filter(partnership=partnership)
    if active_only:
        qs = qs.filter(is_active=True)
    return qs.annotate(
        review_count=Coalesce(_count(Review.themes.through), 0),
        finding_count=Coalesce(_count(Finding.themes.through), 0),
        briefing_count=Coalesce(_count(Theme.briefings.through), 0),
    ).order_by("-is_active", "name")


def theme_get(partnership: Partnership, slug: str) -> Theme | None:
    return Theme.objects.filter(partnership=partnership, slug=slug).first()


def theme_choices(partnership: Partnership, *, keep: QuerySet | None = None) -> QuerySet[Theme]:
    """Themes to choose from: the active ones, plus retired ones a record already carries."""
    qs = Q(is_active=True)
    if keep is not None:
        qs |= Q(pk__in=keep.values("pk"))
    return Theme.objects.filter(Q(partnership=partnership) & qs).order_by("name")


def review_list(
    partnership: Partnership, *, kind: str = "", status: str = "", theme: Theme | None = None
) -> QuerySet[Review]:
    qs = Review.objects.filter(partnership=partnership)
    if kind:
        qs = qs.filter(kind=kind)
    if status:
        qs = qs.filter(status=status)
    if theme is not None:
        tagged = Finding.themes.through.objects.filter(finding__review=OuterRef("pk"), theme=theme)
        qs = qs.filter(Q(themes=theme) | Q(Exists(tagged))).distinct()
    return (
        qs.select_related("lead", "group")
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.order_by("name")))
        .annotate(
            finding_count=Count("findings", distinct=True),
            recommendation_count=Count("recommendations", distinct=True),
        )
        .order_by("-start_date", "-decision_date", "-created_at")
    )


def review_get(partnership: Partnership, uuid: str) -> Review | None:
    return (
        Review.objects.filter(partnership=partnership, uuid=uuid)
        .select_related("lead", "group", "incident")
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.order_by("name")))
        .first()
    )


def _actions(user: User, partnership: Partnership) -> QuerySet[Action]:
    """Review actions with whether this user may open each one (the tracker's need-to-know)."""
    return (
        Action.objects.filter(is_deleted=False)
        .select_related("owner", "owner_agency")
        .prefetch_related(
            Prefetch("evidence", queryset=ActionEvidence.objects.filter(is_deleted=False).order_by("pk"))
        )
        .annotate(
            can_open=Case(
                When(action_scope(user, partnership), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
        .order_by("due_date", "number")
    )


def _recommendations(user: User, partnership: Partnership) -> QuerySet[Recommendation]:
    return Recommendation.objects.select_related("accountable_agency", "finding").prefetch_related(
        Prefetch("actions", queryset=_actions(user, partnership))
    )


@dataclass
class ChainSummary:
    """The figures at the top of a review or theme page."""

    recommendations: int = 0
    recommendations_with_actions: int = 0
    actions: int = 0
    closed_with_impact: int = 0
    open: int = 0
    overdue: int = 0


def summarise(recommendations: list[Recommendation], today: date) -> ChainSummary:
    """Counts over already-loaded recommendations and their actions (no queries)."""
    summary = ChainSummary(recommendations=len(recommendations))
    for recommendation in recommendations:
        actions = list(recommendation.actions.all())
        summary.recommendations_with_actions += bool(actions)
        for action in actions:
            summary.actions += 1
            if action.status == ActionStatus.CLOSED:
                summary.closed_with_impact += bool(action.impact)
            elif action.is_open:  # a withdrawn action is neither
                summary.open += 1
                summary.overdue += action.due_date < today
    return summary


@dataclass
class ReviewChain:
    review: Review
    findings: list[Finding]
    recommendations: list[Recommendation]
    milestones: list[Milestone]
    questions: list[ReviewQuestion]
    national_recommendations: list[NationalRecommendation]
    summary: ChainSummary
    # Recommendations that follow no recorded finding.
    unlinked: list[Recommendation] = field(default_factory=list)


def review_chain(user: User, review: Review, *, today: date | None = None) -> ReviewChain:
    """Findings -> recommendations -> actions -> evidence and impact, in a fixed number of queries."""
    today = today or timezone.localdate()
    partnership = review.partnership
    findings = list(
        review.findings.prefetch_related(Prefetch("themes", queryset=Theme.objects.order_by("name")))
    )
    recommendations = list(_recommendations(user, partnership).filter(review=review))
    by_finding: dict[int, list[Recommendation]] = {}
    for recommendation in recommendations:
        by_finding.setdefault(recommendation.finding_id or 0, []).append(recommendation)
    for finding in findings:
        finding.chain = by_finding.get(finding.pk, [])  # type: ignore[attr-defined]
    return ReviewChain(
        review=review,
        findings=findings,
        recommendations=recommendations,
        milestones=list(review.milestones.all()),
        questions=list(review.questions.all()),
        national_recommendations=list(review.national_recommendations.select_related("assessed_by")),
        summary=summarise(recommendations, today),
        unlinked=by_finding.get(0, []),
    )


@dataclass
class ThemeHistory:
    theme: Theme
    reviews: list[Any]
    briefings: list[Any]  # briefings.models.Briefing
    summary: ChainSummary
    page: Any = None


THEME_PAGE_SIZE = 5  # each review brings its whole chain: findings, recommendations, actions


def theme_summary(theme: Theme, today: date) -> ChainSummary:
    """The theme's figures over its whole history, counted in the database (two queries)."""
    tagged_review = Review.themes.through.objects.filter(review=OuterRef("review_id"), theme=theme)
    tagged_finding = Finding.themes.through.objects.filter(finding=OuterRef("finding_id"), theme=theme)
    in_theme = Recommendation.objects.filter(partnership=theme.partnership).filter(
        Exists(tagged_review) | Exists(tagged_finding)
    )
    scope = in_theme.values("pk")
    live_action = Action.objects.filter(review_recommendation=OuterRef("pk"), is_deleted=False)
    recommendations = in_theme.aggregate(
        total=Count("pk"), with_actions=Count("pk", filter=Exists(live_action))
    )
    actions = Action.objects.filter(review_recommendation__in=scope, is_deleted=False).aggregate(
        total=Count("pk"),
        closed_with_impact=Count("pk", filter=Q(status=ActionStatus.CLOSED) & ~Q(impact="")),
        open=Count("pk", filter=Q(status__in=OPEN_STATUSES)),
        overdue=Count("pk", filter=Q(status__in=OPEN_STATUSES, due_date__lt=today)),
    )
    return ChainSummary(
        recommendations=recommendations["total"],
        recommendations_with_actions=recommendations["with_actions"],
        actions=actions["total"],
        closed_with_impact=actions["closed_with_impact"],
        open=actions["open"],
        overdue=actions["overdue"],
    )


def theme_history(
    user: User, theme: Theme, *, published_only: bool, page: Any = 1, today: date | None = None
) -> ThemeHistory:
    """Where the partnership has seen this theme before and what it did, newest first, a page of
    reviews at a time (a long-running partnership has hundreds), with figures over all of them.

    A review tagged with the theme brings all its findings and recommendations; a review reached
    only through tagged findings brings those findings and the recommendations that follow them.
    """
    today = today or timezone.localdate()
    partnership = theme.partnership
    tagged_finding = Finding.themes.through.objects.filter(finding__review=OuterRef("pk"), theme=theme)
    tagged_review = Review.themes.through.objects.filter(review=OuterRef("pk"), theme=theme)
    in_theme = (
        Review.objects.filter(partnership=partnership)
        .filter(Exists(tagged_review) | Exists(tagged_finding))
        .order_by(Coalesce("start_date", "decision_date", TruncDate("created_at")).desc(), "-reference")
    )
    paginator = Paginator(in_theme.values_list("pk", flat=True), THEME_PAGE_SIZE)
    page_obj = paginator.get_page(page)
    reviews = list(
        Review.objects.filter(pk__in=list(page_obj.object_list))
        .annotate(has_theme=Exists(Review.themes.through.objects.filter(review=OuterRef("pk"), theme=theme)))
        .select_related("lead")
        .prefetch_related(
            Prefetch(
                "findings",
                queryset=Finding.objects.annotate(
                    has_theme=Exists(
                        Finding.themes.through.objects.filter(finding=OuterRef("pk"), theme=theme)
                    )
                ).prefetch_related(Prefetch("themes", queryset=Theme.objects.order_by("name"))),
            ),
            Prefetch("recommendations", queryset=_recommendations(user, partnership)),
        )
    )
    for review in reviews:
        review.when = review.start_date or review.decision_date or review.created_at.date()  # type: ignore[attr-defined]
        findings = [f for f in review.findings.all() if review.has_theme or f.has_theme]  # type: ignore[attr-defined]
        finding_ids = {f.pk for f in findings}
        recommendations = [
            r
            for r in review.recommendations.all()
            if review.has_theme or r.finding_id in finding_ids  # type: ignore[attr-defined]
        ]
        for finding in findings:
            finding.chain = [r for r in recommendations if r.finding_id == finding.pk]  # type: ignore[attr-defined]
        review.theme_findings = findings  # type: ignore[attr-defined]
        review.unlinked = [r for r in recommendations if r.finding_id is None]  # type: ignore[attr-defined]
    reviews.sort(key=lambda r: (r.when, r.reference), reverse=True)  # type: ignore[attr-defined]
    # Briefings sit in their own app on top of this one, so they are reached through the theme.
    briefings = theme.briefings.select_related("review")  # type: ignore[attr-defined]
    if published_only:
        briefings = briefings.published()
    return ThemeHistory(
        theme=theme,
        reviews=reviews,
        briefings=list(briefings.order_by("-published_on", "title")),
        summary=theme_summary(theme, today),
        page=page_obj,
    )


# Choices for the forms ----------------------------------------------------------------------


def partnership_agencies(partnership: Partnership) -> QuerySet[Agency]:
    return Agency.objects.filter(memberships__partnership=partnership).distinct().order_by("name")


def partnership_people(partnership: Partnership) -> QuerySet[Person]:
    return Person.objects.filter(partnership=partnership).select_related("agency").order_by("name")


def partnership_groups(partnership: Partnership) -> QuerySet[Group]:
    return Group.objects.filter(partnership=partnership).order_by("-is_active", "order", "name")


def partnership_incidents(partnership: Partnership) -> QuerySet:
    """The serious incidents a review may point at. The incidents app sits above this one, so the
    model is reached through the review's relation rather than imported."""
    incident_model = Review._meta.get_field("incident").related_model
    return incident_model.objects.filter(partnership=partnership).order_by("-date_aware")  # type: ignore[union-attr,attr-defined]


def milestone_get(review: Review, uuid: str) -> Milestone | None:
    return review.milestones.filter(uuid=uuid).first()


def question_get(review: Review, uuid: str) -> ReviewQuestion | None:
    return review.questions.filter(uuid=uuid).first()


def national_recommendation_get(review: Review, uuid: str) -> NationalRecommendation | None:
    return review.national_recommendations.filter(uuid=uuid).first()


def finding_get(review: Review, uuid: str) -> Finding | None:
    return review.findings.filter(uuid=uuid).first()


def recommendation_get(review: Review, uuid: str) -> Recommendation | None:
    return review.recommendations.select_related("finding", "accountable_agency").filter(uuid=uuid).first()
