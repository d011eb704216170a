"""Changes to learning reviews and themes. Each service is atomic and saves nothing when it refuses.

Refusals are ValidationErrors in plain English, keyed by the form field they are about.
django-auditlog records each change and its actor.
"""

import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify

from masa.actions.models import Action, ActionSource
from masa.actions.services import action_create
from masa.clocks.calendar import add_working_days
from masa.core.actors import Actor, attributed, user_or_none
from masa.core.dates import long_date
from masa.core.uploads import UploadError, check_document
from masa.partnership.models import Agency, Group, Partnership, PartnershipAgency, Person

if TYPE_CHECKING:  # the incidents app sits above this one
    from masa.incidents.models import SeriousIncident

from masa.reviews.models import (
    DEFAULT_THEMES,
    RAPID_REVIEW_EDITABLE,
    Assurance,
    Finding,
    Milestone,
    NationalRecommendation,
    Recommendation,
    Review,
    ReviewKind,
    ReviewQuestion,
    ReviewStatus,
    Theme,
)

THEME_NAME_NEEDED = "Enter the name of the theme"
THEME_NAME_TAKEN = "A theme called {name} already exists"
THEME_SLUG_TAKEN = "Another theme already uses the web address {slug}"
THEME_SLUG_INVALID = "The web address must use only lowercase letters, numbers and hyphens"
THEME_SLUG_RESERVED = "Choose another web address: {slug} is used by masa's own pages"
REFERENCE_NEEDED = "Enter the reference"
REFERENCE_TAKEN = "A review with the reference {reference} already exists"
TITLE_NEEDED = "Enter the title"
KIND_NEEDED = "Select the kind of review"
RAPID_REVIEW_FROM_INCIDENT = "Record a rapid review from its serious incident"
RAPID_REVIEW_FIXED = (
    "A rapid review's reference, status and dates follow its report: change them on the rapid review"
)
STATUS_NEEDED = "Select the status"
THEME_FOREIGN = "Select themes of this partnership"
GROUP_FOREIGN = "Select a group of this partnership"
LEAD_FOREIGN = "Select a person of this partnership"
AGENCY_FOREIGN = "Select an agency of this partnership"
FINDING_FOREIGN = "Select a finding of this review"
COMPLETED_BEFORE_START = "The date the review was completed must be on or after the date it started"
PUBLISHED_BEFORE_DECISION = (
    "The publication date must be on or after the date of the decision to hold the review"
)
COMMISSIONED_BEFORE_DECISION = (
    "The date the reviewer was commissioned must be on or after the date of the decision"
)
REPORT_BEFORE_DECISION = "The date the final report was received must be on or after the date of the decision"
START_AFTER_MILESTONE = "The start date must be on or before the first milestone's due date ({due})"
DUE_BEFORE_START = "The due date must be on or after the date the review started ({start})"
MILESTONE_COMPLETED_BEFORE_START = (
    "The date the milestone was completed must be on or after the date the review started ({start})"
)
MILESTONE_TITLE_NEEDED = "Enter what the milestone is"
QUESTION_NEEDED = "Enter the question"
RECOMMENDATION_NEEDED = "Enter the recommendation"
FINDING_NEEDED = "Enter the finding"
ASSURANCE_NEEDED = "Select how assured the partnership is"
ASSESSED_IN_FUTURE = "The date of the self-assessment must be today or in the past"
NATIONAL_ONLY = "Only a national review has national recommendations"
ACTION_TITLE_NEEDED = "Enter the action"

# Working Together 2023 ch.5: the partners send a copy of the final LCSPR report to the Panel and
# the Secretary of State at least 7 working days before publication.
COPY_WORKING_DAYS = 7
COPY_LATE = (
    "The copy to {whom} was sent on {sent}, later than {deadline}: Working Together 2023 expects "
    "copies at least {days} working days before publication"
)
COPY_MISSING = (
    "No copy to {whom} is recorded: Working Together 2023 expects copies at least {days} working days "
    "before publication (by {deadline})"
)
RESERVED_THEME_SLUGS = {"new", "defaults"}


# Pure rules (no database) ---------------------------------------------------------------------


def copy_deadline(publication_date: date) -> date:
    """The last day a copy may reach the Panel or the Secretary of State: 7 working days before."""
    return add_working_days(publication_date, -COPY_WORKING_DAYS)


def copy_warnings(
    *, publication_date: date | None, panel_copy: date | None, secretary_of_state_copy: date | None
) -> list[str]:
    """Warnings (never refusals) about the copies of an LCSPR report sent before publication."""
    if publication_date is None:
        return []
    deadline = copy_deadline(publication_date)
    warnings = []
    for whom, sent in (("the Panel", panel_copy), ("the Secretary of State", secretary_of_state_copy)):
        if sent is None:
            warnings.append(
                COPY_MISSING.format(whom=whom, days=COPY_WORKING_DAYS, deadline=long_date(deadline))
            )
        elif sent > deadline:
            warnings.append(
                COPY_LATE.format(
                    whom=whom, sent=long_date(sent), deadline=long_date(deadline), days=COPY_WORKING_DAYS
                )
            )
    return warnings


def review_date_errors(values: dict[str, Any]) -> dict[str, str]:
    """The order of a review's dates: start before completion, decision before what follows it."""
    errors: dict[str, str] = {}
    start, completed = values.get("start_date"), values.get("completed_date")
    if start and completed and completed < start:
        errors["completed_date"] = COMPLETED_BEFORE_START
    decision = values.get("decision_date")
    if decision:
        for field, message in (
            ("publication_date", PUBLISHED_BEFORE_DECISION),
            ("reviewer_commissioned_date", COMMISSIONED_BEFORE_DECISION),
            ("final_report_received_date", REPORT_BEFORE_DECISION),
        ):
            if values.get(field) and values[field] < decision:
                errors[field] = message
    return errors


def milestone_date_errors(start: date | None, due: date, completed: date | None) -> dict[str, str]:
    errors: dict[str, str] = {}
    if start is None:
        return errors
    if due < start:
        errors["due_date"] = DUE_BEFORE_START.format(start=long_date(start))
    if completed is not None and completed < start:
        errors["completed_date"] = MILESTONE_COMPLETED_BEFORE_START.format(start=long_date(start))
    return errors


# Themes ---------------------------------------------------------------------------------------


def _theme_errors(partnership: Partnership, name: str, slug: str, exclude: int | None) -> dict[str, str]:
    errors: dict[str, str] = {}
    others = Theme.objects.filter(partnership=partnership)
    if exclude is not None:
        others = others.exclude(pk=exclude)
    if not name:
        errors["name"] = THEME_NAME_NEEDED
    elif others.filter(name__iexact=name).exists():
        errors["name"] = THEME_NAME_TAKEN.format(name=name)
    if name and not slug:
        errors["slug"] = THEME_SLUG_INVALID
    elif slug in RESERVED_THEME_SLUGS:
        errors["slug"] = THEME_SLUG_RESERVED.format(slug=slug)
    elif slug and slug != slugify(slug):
        errors["slug"] = THEME_SLUG_INVALID
    elif slug and others.filter(slug=slug).exists():
        errors["slug"] = THEME_SLUG_TAKEN.format(slug=slug)
    return errors


@attributed
@transaction.atomic
def theme_create(
    *, actor: Actor, partnership: Partnership, name: str, slug: str = "", description: str = ""
) -> Theme:
    name = name.strip()
    slug = slug.strip() or slugify(name)[:80]
    errors = _theme_errors(partnership, name, slug, None)
    if errors:
        raise ValidationError(errors)
    return Theme.objects.create(
        partnership=partnership, name=name, slug=slug, description=description.strip()
    )


@attributed
@transaction.atomic
def theme_update(
    *, actor: Actor, theme: Theme, name: str, slug: str, description: str = "", is_active: bool = True
) -> Theme:
    """Rename, re-describe, retire or restore a theme (retired themes keep their history)."""
    name, slug = name.strip(), slug.strip()
    errors = _theme_errors(theme.partnership, name, slug, theme.pk)
    if errors:
        raise ValidationError(errors)
    theme.name, theme.slug, theme.description, theme.is_active = name, slug, description.strip(), is_active
    theme.save()
    return theme


@attributed
@transaction.atomic
def themes_add_defaults(*, actor: Actor, partnership: Partnership) -> list[Theme]:
    """Create the standard themes the partnership does not have yet (by web address or name)."""
    existing = Theme.objects.filter(partnership=partnership)
    slugs = {t.slug for t in existing}
    names = {t.name.lower() for t in existing}
    created = [
        Theme.objects.create(partnership=partnership, slug=slug, name=name)
        for slug, name in DEFAULT_THEMES
        if slug not in slugs and name.lower() not in names
    ]
    return created


# Reviews --------------------------------------------------------------------------------------

REVIEW_FIELDS = (
    "title",
    "summary",
    "status",
    "incident",
    "group",
    "lead",
    "start_date",
    "completed_date",
    "decision_date",
    "reviewer_name",
    "reviewer_commissioned_date",
    "terms_of_reference",
    "final_report_received_date",
    "publication_date",
    "published_url",
    "panel_copy_sent_date",
    "secretary_of_state_copy_sent_date",
    "source_organisation",
    "source_url",
)


@dataclass(frozen=True)
class Upload:
    """An uploaded file with the name the user gave it."""

    file: Any
    name: str


def _review_errors(partnership: Partnership, values: dict[str, Any], themes: list[Theme]) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not values.get("title"):
        errors["title"] = TITLE_NEEDED
    if values.get("status") not in ReviewStatus.values:
        errors["status"] = STATUS_NEEDED
    if any(t.partnership_id != partnership.pk for t in themes):
        errors["themes"] = THEME_FOREIGN
    group, lead = values.get("group"), values.get("lead")
    if group is not None and group.partnership_id != partnership.pk:
        errors["group"] = GROUP_FOREIGN
    if lead is not None and lead.partnership_id != partnership.pk:
        errors["lead"] = LEAD_FOREIGN
    incident = values.get("incident")
    if incident is not None and incident.partnership_id != partnership.pk:
        errors["incident"] = "Select a serious incident of this partnership"
    errors.update(review_date_errors(values))
    return errors


def _attach_report(review: Review, upload: Upload | None) -> None:
    if upload is None:
        return
    # The type is judged from the content, never the name (masa.core.uploads).
    try:
        checked = check_document(upload.name, upload.file, upload.file.size)
    except UploadError as error:
        raise ValidationError({"final_report": str(error)}) from error
    stem = os.path.splitext(os.path.basename(upload.name))[0] or "report"
    review.final_report.save(f"{slugify(stem)[:60] or 'report'}.{checked.file_type}", upload.file, save=False)


def _clean_values(values: dict[str, Any]) -> dict[str, Any]:
    cleaned = {key: values[key] for key in REVIEW_FIELDS if key in values}
    for key, value in cleaned.items():
        if isinstance(value, str):
            cleaned[key] = value.strip()
    return cleaned


@attributed
@transaction.atomic
def review_create(
    *,
    actor: Actor,
    partnership: Partnership,
    kind: str,
    reference: str,
    themes: Iterable[Theme] = (),
    final_report: Upload | None = None,
    **values: Any,
) -> Review:
    reference = reference.strip()
    themes = list(themes)
    values = _clean_values(values)
    values.setdefault("status", ReviewStatus.PLANNED)
    errors = _review_errors(partnership, values, themes)
    if kind == ReviewKind.RAPID_REVIEW:
        errors["kind"] = RAPID_REVIEW_FROM_INCIDENT
    elif kind not in ReviewKind.values:
        errors["kind"] = KIND_NEEDED
    if not reference:
        errors["reference"] = REFERENCE_NEEDED
    elif Review.objects.filter(partnership=partnership, reference__iexact=reference).exists():
        errors["reference"] = REFERENCE_TAKEN.format(reference=reference)
    if errors:
        raise ValidationError(errors)
    review = Review(partnership=partnership, kind=kind, reference=reference, **values)
    _attach_report(review, final_report)
    review.save()
    review.themes.set(themes)
    return review


def _rapid_review_fixed(
    review: Review, reference: str, values: dict[str, Any], final_report: Upload | None
) -> dict[str, str]:
    """An error for each detail of a rapid review that follows its own steps, if asked to change."""
    changed = [
        name
        for name, value in values.items()
        if name not in RAPID_REVIEW_EDITABLE and value != getattr(review, name)
    ]
    if reference != review.reference:
        changed.append("reference")
    if final_report is not None:
        changed.append("final_report")
    return dict.fromkeys(changed, RAPID_REVIEW_FIXED)


@attributed
@transaction.atomic
def review_update(
    *,
    actor: Actor,
    review: Review,
    reference: str | None = None,
    themes: Iterable[Theme] = (),
    final_report: Upload | None = None,
    **values: Any,
) -> Review:
    """Change a review's details (its kind stays: a different kind of review is a new review)."""
    reference = review.reference if reference is None else reference.strip()
    themes = list(themes)
    values = _clean_values(values)
    values.setdefault("status", review.status)
    errors = _review_errors(review.partnership, values, themes)
    if review.kind == ReviewKind.RAPID_REVIEW:
        errors |= _rapid_review_fixed(review, reference, values, final_report)
    if not reference:
        errors["reference"] = REFERENCE_NEEDED
    elif (
        Review.objects.filter(partnership=review.partnership, reference__iexact=reference)
        .exclude(pk=review.pk)
        .exists()
    ):
        errors["reference"] = REFERENCE_TAKEN.format(reference=reference)
    start = values.get("start_date")
    if start and "start_date" not in errors:
        first_due = review.milestones.order_by("due_date").values_list("due_date", flat=True).first()
        first_done = (
            review.milestones.exclude(completed_date=None)
            .order_by("completed_date")
            .values_list("completed_date", flat=True)
            .first()
        )
        earliest = min(d for d in (first_due, first_done, date.max) if d is not None)
        if earliest < start:
            errors["start_date"] = START_AFTER_MILESTONE.format(due=long_date(earliest))
    if errors:
        raise ValidationError(errors)
    review.reference = reference
    for key, value in values.items():
        setattr(review, key, value)
    _attach_report(review, final_report)
    review.save()
    review.themes.set(themes)
    return review


def _start_of(review: Review) -> date | None:
    """When the review started: its start date, or for an LCSPR without one, the decision."""
    return review.start_date or review.decision_date


@attributed
@transaction.atomic
def milestone_save(
    *,
    actor: Actor,
    review: Review,
    title: str,
    due_date: date,
    completed_date: date | None = None,
    milestone: Milestone | None = None,
) -> Milestone:
    title = title.strip()
    errors = milestone_date_errors(_start_of(review), due_date, completed_date)
    if not title:
        errors["title"] = MILESTONE_TITLE_NEEDED
    if errors:
        raise ValidationError(errors)
    milestone = milestone or Milestone(partnership_id=review.partnership_id, review=review)
    milestone.title, milestone.due_date, milestone.completed_date = title, due_date, completed_date
    milestone.save()
    return milestone


def _next_number(qs) -> int:
    return (qs.aggregate(n=Max("number"))["n"] or 0) + 1


def _lock(review: Review) -> None:
    # Two people adding to the same review at once get different numbers.
    Review.objects.select_for_update().filter(pk=review.pk).first()


@attributed
@transaction.atomic
def question_save(
    *,
    actor: Actor,
    review: Review,
    text: str,
    response: str = "",
    question: ReviewQuestion | None = None,
) -> ReviewQuestion:
    """A question the review puts to the safeguarding partners, and the partners' response."""
    if not text.strip():
        raise ValidationError({"text": QUESTION_NEEDED})
    if question is None:
        _lock(review)
        question = ReviewQuestion(
            partnership_id=review.partnership_id, review=review, number=_next_number(review.questions)
        )
    question.text, question.response = text.strip(), response.strip()
    question.save()
    return question


@attributed
@transaction.atomic
def national_recommendation_save(
    *,
    actor: Actor,
    review: Review,
    text: str,
    assurance: str = "",
    evidence: str = "",
    assessed_on: date | None = None,
    recommendation: NationalRecommendation | None = None,
    today: date | None = None,
) -> NationalRecommendation:
    """A national review's recommendation and the partnership's self-assessment against it."""
    errors: dict[str, str] = {}
    if review.kind != ReviewKind.NATIONAL:
        errors["text"] = NATIONAL_ONLY
    elif not text.strip():
        errors["text"] = RECOMMENDATION_NEEDED
    if assurance and assurance not in Assurance.values:
        errors["assurance"] = ASSURANCE_NEEDED
    if (evidence.strip() or assessed_on) and not assurance:
        errors["assurance"] = ASSURANCE_NEEDED
    if assessed_on and assessed_on > (today or timezone.localdate()):
        errors["assessed_on"] = ASSESSED_IN_FUTURE
    if errors:
        raise ValidationError(errors)
    if recommendation is None:
        _lock(review)
        recommendation = NationalRecommendation(
            partnership_id=review.partnership_id,
            review=review,
            number=_next_number(review.national_recommendations),
        )
    changed_assessment = (assurance, evidence.strip()) != (recommendation.assurance, recommendation.evidence)
    recommendation.text = text.strip()
    recommendation.assurance = assurance
    recommendation.evidence = evidence.strip()
    if assurance:
        recommendation.assessed_on = (
            assessed_on or recommendation.assessed_on or (today or timezone.localdate())
        )
        if changed_assessment or recommendation.assessed_by_id is None:
            recommendation.assessed_by = user_or_none(actor)
    else:
        recommendation.assessed_on, recommendation.assessed_by = None, None
    recommendation.save()
    return recommendation


@attributed
@transaction.atomic
def finding_save(
    *,
    actor: Actor,
    review: Review,
    text: str,
    is_good_practice: bool = False,
    themes: Iterable[Theme] = (),
    finding: Finding | None = None,
) -> Finding:
    themes = list(themes)
    errors: dict[str, str] = {}
    if not text.strip():
        errors["text"] = FINDING_NEEDED
    if any(t.partnership_id != review.partnership_id for t in themes):
        errors["themes"] = THEME_FOREIGN
    if errors:
        raise ValidationError(errors)
    if finding is None:
        _lock(review)
        finding = Finding(
            partnership_id=review.partnership_id, review=review, number=_next_number(review.findings)
        )
    finding.text, finding.is_good_practice = text.strip(), is_good_practice
    finding.save()
    finding.themes.set(themes)
    return finding


@attributed
@transaction.atomic
def recommendation_save(
    *,
    actor: Actor,
    review: Review,
    text: str,
    finding: Finding | None = None,
    accountable_agency: Agency | None = None,
    recommendation: Recommendation | None = None,
) -> Recommendation:
    errors: dict[str, str] = {}
    if not text.strip():
        errors["text"] = RECOMMENDATION_NEEDED
    if finding is not None and finding.review_id != review.pk:
        errors["finding"] = FINDING_FOREIGN
    if (
        accountable_agency is not None
        and not PartnershipAgency.objects.filter(
            partnership_id=review.partnership_id, agency=accountable_agency
        ).exists()
    ):
        errors["accountable_agency"] = AGENCY_FOREIGN
    if errors:
        raise ValidationError(errors)
    if recommendation is None:
        _lock(review)
        recommendation = Recommendation(
            partnership_id=review.partnership_id, review=review, number=_next_number(review.recommendations)
        )
    recommendation.text, recommendation.finding = text.strip(), finding
    recommendation.accountable_agency = accountable_agency
    recommendation.save()
    return recommendation


@attributed
@transaction.atomic
def recommendation_action_add(
    *,
    actor: Actor,
    recommendation: Recommendation,
    title: str,
    owner: Person,
    due_date: date,
    description: str = "",
    group: Group | None = None,
    today: date | None = None,
) -> Action:
    """An action in the shared tracker that answers a review's recommendation.

    Its evidence and impact (recorded on the action pages) close the chain from finding to change.
    `today` is the day it was agreed, for loaders of past reviews (the due date may not be earlier).
    """
    if not title.strip():
        raise ValidationError({"title": ACTION_TITLE_NEEDED})
    if group is not None and group.partnership_id != recommendation.partnership_id:
        raise ValidationError({"group": GROUP_FOREIGN})
    return action_create(
        actor=actor,
        partnership=recommendation.partnership,
        title=title.strip(),
        description=description.strip(),
        owner=owner,
        due_date=due_date,
        source=ActionSource.REVIEW_RECOMMENDATION,
        group=group,
        review_recommendation=recommendation,
        today=today,
    )


# The LCSPR of a serious incident -----------------------------------------------------------------
# The incidents app records the rapid review (itself a Review) and the partners' decision; an LCSPR
# the partners decide to hold is this app's record, written here.

REVIEW_REFERENCE_TAKEN = "A review with the reference {reference} already exists for another case"


@attributed
def lcspr_for_incident(
    *, actor: Actor, incident: "SeriousIncident", decision_date: date, field: str
) -> Review:
    """The LCSPR the partners decided to hold on `decision_date` (a planned review, created on
    the first decision); refused if its reference belongs to another case (the error is reported
    against the caller's form `field`)."""
    reference = f"LCSPR-{incident.reference}"
    review, created = Review.objects.get_or_create(
        partnership=incident.partnership,
        reference=reference,
        defaults={
            "kind": ReviewKind.LCSPR,
            "incident": incident,
            "title": f"LCSPR: {incident.reference}",
            "status": ReviewStatus.PLANNED,
            "decision_date": decision_date,
        },
    )
    if not created and (review.kind != ReviewKind.LCSPR or review.incident_id != incident.pk):
        raise ValidationError({field: REVIEW_REFERENCE_TAKEN.format(reference=reference)})
    if review.decision_date is None:
        review.decision_date = decision_date
        review.save(update_fields=["decision_date", "updated_at"])
    return review
