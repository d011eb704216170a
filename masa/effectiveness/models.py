"""The partnership effectiveness review (docs/domain.md, "15. The effectiveness review").

A review covers a period: the partnership evaluates itself against each of its principles (the
principles of its published arrangements), masa fills in the figures it holds for the period
(attendance per agency, meeting cadence, action completion, statutory clocks met on time), the
reviewer's findings are recorded with the partnership's response to each, and an accepted
recommendation becomes an action in the one tracker (`Action.effectiveness_finding`, source
"Effectiveness review finding"). Publishing freezes the figures into `figures`, so the published
review reads the same whatever happens afterwards.
"""

from django.conf import settings
from django.db import models

from masa.assurance.models import ACTION_RESPONSES, ResponseKind  # noqa: F401 (imported from here)
from masa.partnership.models import PartnershipOwned, Principle


class ReviewStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class SelfRating(models.IntegerChoices):
    """The self-evaluation scale, lowest first; DESCRIPTORS say what each step means."""

    NOT_IN_PLACE = 1, "1: Not yet in place"
    DEVELOPING = 2, "2: Developing"
    ESTABLISHED = 3, "3: Established"
    EMBEDDED = 4, "4: Embedded"


DESCRIPTORS = {
    SelfRating.NOT_IN_PLACE: "The principle is not yet reflected in how the partnership works.",
    SelfRating.DEVELOPING: "Some practice reflects the principle, but not consistently across agencies.",
    SelfRating.ESTABLISHED: "The principle shapes most of the partnership's work, with evidence to show it.",
    SelfRating.EMBEDDED: (
        "The principle is consistently applied, and there is evidence of its impact for children."
    ),
}


class EffectivenessReview(PartnershipOwned):
    title = models.CharField(max_length=200)
    period_start = models.DateField()
    period_end = models.DateField()
    reviewer_name = models.CharField(max_length=200, blank=True)
    reviewer_organisation = models.CharField(max_length=200, blank=True)
    commissioned_on = models.DateField(null=True, blank=True)
    reported_on = models.DateField(null=True, blank=True)
    summary = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Why the business team last reopened it; every earlier reason is in the audit log.
    reopen_reason = models.TextField(blank=True)
    # The figures as they stood when the review was published (selectors.figures_json); empty
    # while it is a draft, whose figures are read live.
    figures = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-period_end", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="effectiveness_period_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == ReviewStatus.PUBLISHED

    @property
    def reviewer(self) -> str:
        """ "Name, organisation", either alone, or "Not recorded"."""
        return ", ".join(p for p in (self.reviewer_name, self.reviewer_organisation) if p) or "Not recorded"


class PrincipleAssessment(PartnershipOwned):
    """The partnership's self-evaluation against one of its principles."""

    review = models.ForeignKey(EffectivenessReview, on_delete=models.CASCADE, related_name="assessments")
    principle = models.ForeignKey(Principle, on_delete=models.PROTECT, related_name="+")
    rating = models.PositiveSmallIntegerField(choices=SelfRating.choices)
    narrative = models.TextField()
    evidence = models.TextField(blank=True)

    class Meta:
        ordering = ["principle__order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["review", "principle"], name="one_assessment_per_principle"),
        ]

    def __str__(self) -> str:
        return f"{self.principle}: {self.get_rating_display()}"

    @property
    def descriptor(self) -> str:
        return DESCRIPTORS.get(SelfRating(self.rating), "")


class FindingKind(models.TextChoices):
    STRENGTH = "strength", "Strength"
    RECOMMENDATION = "recommendation", "Recommendation"


class ReviewFinding(PartnershipOwned):
    """What the reviewer found, and the partnership's response to it."""

    review = models.ForeignKey(EffectivenessReview, on_delete=models.CASCADE, related_name="findings")
    number = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=20, choices=FindingKind.choices)
    principle = models.ForeignKey(
        Principle, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    text = models.TextField()
    response = models.CharField(max_length=20, choices=ResponseKind.choices, blank=True)
    response_text = models.TextField(blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    responded_at = models.DateTimeField(null=True, blank=True)
    action = models.OneToOneField(
        "actions.Action",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="effectiveness_finding",
    )

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["review", "number"], name="unique_effectiveness_finding_number"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}"

    @property
    def is_recommendation(self) -> bool:
        return self.kind == FindingKind.RECOMMENDATION
