"""Changes to effectiveness reviews. Each service is atomic and saves nothing when it refuses.

Refusals are ValidationErrors in plain English, keyed by the form field they are about;
django-auditlog records each change (publishing and reopening included) under the actor.
A published review is changed only after the business team reopens it (docs/domain.md, "15.").
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from masa.actions.models import ActionSource
from masa.actions.services import action_create
from masa.assurance.services import response_errors
from masa.core.actors import Actor, attributed, user_or_none
from masa.effectiveness.models import (
    ACTION_RESPONSES,
    EffectivenessReview,
    FindingKind,
    PrincipleAssessment,
    ReviewFinding,
    ReviewStatus,
    SelfRating,
)
from masa.effectiveness.selectors import live_figures
from masa.partnership.models import Group, Partnership, Person, Principle

TITLE_NEEDED = "Enter the title of the review"
START_NEEDED = "Enter the date the period starts"
END_NEEDED = "Enter the date the period ends"
END_BEFORE_START = "The date the period ends must be on or after the date it starts"
REPORTED_BEFORE_COMMISSIONED = "The date the review reported must be on or after the date it was commissioned"
PUBLISHED = "The review is published, so it cannot be changed: the business team can reopen it"
OTHER_PARTNERSHIP = "The review belongs to another partnership"
PRINCIPLE_FOREIGN = "Select a principle of this partnership"
RATING_NEEDED = "Select how well the partnership meets the principle"
NARRATIVE_NEEDED = "Enter the self-evaluation of the principle"
FINDING_KIND_NEEDED = "Select whether the finding is a strength or a recommendation"
FINDING_TEXT_NEEDED = "Enter what the reviewer found"
OWNER_NEEDED = "Select who owns the action: an accepted recommendation needs an owner in the action tracker"
NOTHING_TO_PUBLISH = "Add the reviewer's findings before publishing the review"
AWAITING_RESPONSE = "Record the partnership's response to recommendation {numbers} before publishing"
NOT_PUBLISHED = "The review is a draft, so there is nothing to reopen"
REOPEN_REASON_NEEDED = "Enter why the review is being reopened"


def _editable(review: EffectivenessReview) -> None:
    if review.is_published:
        raise ValidationError(PUBLISHED)


def _lock(review: EffectivenessReview) -> EffectivenessReview:
    """The review's row, locked, so a change and publishing cannot cross."""
    return EffectivenessReview.objects.select_for_update().get(pk=review.pk)


@attributed
@transaction.atomic
def review_save(
    *,
    actor: Actor,
    partnership: Partnership,
    title: str,
    period_start: date | None,
    period_end: date | None,
    reviewer_name: str = "",
    reviewer_organisation: str = "",
    commissioned_on: date | None = None,
    reported_on: date | None = None,
    summary: str = "",
    review: EffectivenessReview | None = None,
) -> EffectivenessReview:
    """Open a review for a period, or change a draft (`review`)."""
    title = title.strip()
    errors: dict[str, str] = {}
    if not title:
        errors["title"] = TITLE_NEEDED
    if period_start is None:
        errors["period_start"] = START_NEEDED
    if period_end is None:
        errors["period_end"] = END_NEEDED
    if period_start and period_end and period_end < period_start:
        errors["period_end"] = END_BEFORE_START
    if commissioned_on and reported_on and reported_on < commissioned_on:
        errors["reported_on"] = REPORTED_BEFORE_COMMISSIONED
    if errors:
        raise ValidationError(errors)
    if review is None:
        review = EffectivenessReview(partnership=partnership)
    elif review.partnership_id != partnership.pk:
        raise ValidationError(OTHER_PARTNERSHIP)
    else:
        review = _lock(review)
        _editable(review)
    review.title = title
    review.period_start, review.period_end = period_start, period_end  # type: ignore[assignment]
    review.reviewer_name, review.reviewer_organisation = reviewer_name.strip(), reviewer_organisation.strip()
    review.commissioned_on, review.reported_on = commissioned_on, reported_on
    review.summary = summary.strip()
    review.full_clean()
    review.save()
    return review


@attributed
@transaction.atomic
def assessment_save(
    *,
    actor: Actor,
    review: EffectivenessReview,
    principle: Principle,
    rating: int | None,
    narrative: str,
    evidence: str = "",
) -> PrincipleAssessment:
    """Record (or change) the self-evaluation against one principle."""
    narrative = narrative.strip()
    errors: dict[str, str] = {}
    if principle.partnership_id != review.partnership_id:
        errors["principle"] = PRINCIPLE_FOREIGN
    if rating not in SelfRating.values:
        errors["rating"] = RATING_NEEDED
    if not narrative:
        errors["narrative"] = NARRATIVE_NEEDED
    if errors:
        raise ValidationError(errors)
    _editable(_lock(review))
    assert rating is not None
    assessment = PrincipleAssessment.objects.filter(review=review, principle=principle).first()
    if assessment is None:
        assessment = PrincipleAssessment(
            partnership_id=review.partnership_id, review=review, principle=principle
        )
    assessment.rating, assessment.narrative, assessment.evidence = rating, narrative, evidence.strip()
    assessment.full_clean()
    assessment.save()
    return assessment


@attributed
@transaction.atomic
def finding_save(
    *,
    actor: Actor,
    review: EffectivenessReview,
    kind: str,
    text: str,
    principle: Principle | None = None,
    finding: ReviewFinding | None = None,
) -> ReviewFinding:
    """Record what the reviewer found (a strength or a recommendation), or change it (`finding`)."""
    text = text.strip()
    errors: dict[str, str] = {}
    if kind not in FindingKind.values:
        errors["kind"] = FINDING_KIND_NEEDED
    if not text:
        errors["text"] = FINDING_TEXT_NEEDED
    if principle is not None and principle.partnership_id != review.partnership_id:
        errors["principle"] = PRINCIPLE_FOREIGN
    if errors:
        raise ValidationError(errors)
    _editable(_lock(review))
    if finding is None:
        number = (review.findings.aggregate(n=Max("number"))["n"] or 0) + 1
        finding = ReviewFinding(partnership_id=review.partnership_id, review=review, number=number)
    finding.kind, finding.text, finding.principle = kind, text, principle
    finding.full_clean()
    finding.save()
    return finding


@attributed
@transaction.atomic
def response_save(
    *,
    actor: Actor,
    finding: ReviewFinding,
    response: str,
    response_text: str,
    owner: Person | None = None,
    due_date: date | None = None,
    group: Group | None = None,
    today: date | None = None,
) -> ReviewFinding:
    """Record the partnership's response to a finding.

    A recommendation accepted in whole or in part is answered in the action tracker: when it has
    no action yet, one is created (source "Effectiveness review finding") with the owner and due
    date given here, and without both nothing is saved. An existing action is changed on its own
    page, with a reason. `today` is the day the response was agreed (loaders of past reviews).
    """
    response_text = response_text.strip()
    review = _lock(finding.review)
    wants_action = (
        finding.kind == FindingKind.RECOMMENDATION
        and response in ACTION_RESPONSES
        and finding.action_id is None
    )
    errors = response_errors(
        finding.partnership_id,
        response=response,
        response_text=response_text,
        wanted=wants_action,
        owner=owner,
        due_date=due_date,
        group=group,
        owner_needed=OWNER_NEEDED,
    )
    if errors:
        raise ValidationError(errors)
    _editable(review)
    finding.response, finding.response_text = response, response_text
    finding.responded_by, finding.responded_at = user_or_none(actor), timezone.now()
    if wants_action:
        assert owner is not None and due_date is not None
        finding.action = action_create(
            actor=actor,
            partnership=review.partnership,
            title=f"Effectiveness review recommendation: {finding.text}"[:300],
            description=f"{review.title}, recommendation {finding.number}. {response_text}",
            owner=owner,
            due_date=due_date,
            source=ActionSource.EFFECTIVENESS_FINDING,
            group=group,
            today=today,
        )
    finding.full_clean()
    finding.save()
    return finding


@attributed
@transaction.atomic
def review_publish(
    *, actor: Actor, review: EffectivenessReview, today: date | None = None
) -> EffectivenessReview:
    """Publish a draft: every recommendation must have a response; the figures are frozen as they stand."""
    review = _lock(review)
    _editable(review)
    findings = list(review.findings.all())
    if not findings:
        raise ValidationError(NOTHING_TO_PUBLISH)
    awaiting = [str(f.number) for f in findings if f.kind == FindingKind.RECOMMENDATION and not f.response]
    if awaiting:
        raise ValidationError(AWAITING_RESPONSE.format(numbers=", ".join(awaiting)))
    review.figures = live_figures(
        review.partnership,
        start=review.period_start,
        end=review.period_end,
        today=today or timezone.localdate(),
    )
    review.status = ReviewStatus.PUBLISHED
    review.published_at, review.published_by = timezone.now(), user_or_none(actor)
    review.save()
    return review


@attributed
@transaction.atomic
def review_reopen(*, actor: Actor, review: EffectivenessReview, reason: str) -> EffectivenessReview:
    """Back to a draft so it can be changed; the frozen figures are dropped (they are read live
    again, and frozen anew when it is published again). The audit log keeps what was published."""
    reason = reason.strip()
    review = _lock(review)
    if not review.is_published:
        raise ValidationError(NOT_PUBLISHED)
    if not reason:
        raise ValidationError({"reason": REOPEN_REASON_NEEDED})
    review.status = ReviewStatus.DRAFT
    review.reopen_reason = reason
    review.figures = {}
    review.published_at = None
    review.published_by = None
    review.save()
    return review
