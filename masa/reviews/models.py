"""Learning reviews and the chain from what was found to what changed.

A review (a rapid review, LCSPR, local learning or thematic review, or a national review
the partnership benchmarked itself against) has findings; findings lead to recommendations;
recommendations to actions in the shared tracker (Action.review_recommendation), whose evidence
and impact close the chain. Themes tie reviews, findings and briefings together so a theme page
can answer "where have we seen this before and what did we do?".

Nothing here names a child: reviews point at the pseudonymous serious incident when there is one.
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone

from masa.partnership.models import Agency, Group, PartnershipOwned, Person

# The partnership's starting taxonomy; the business team can add, rename or retire themes.
DEFAULT_THEMES = (
    ("domestic-abuse", "Domestic abuse"),
    ("pre-birth", "Pre-birth"),
    ("neglect", "Neglect"),
    ("child-sexual-abuse", "Child sexual abuse"),
    ("adolescents", "Adolescents"),
    ("exploitation", "Exploitation"),
    ("mental-health", "Mental health"),
    ("online-harm", "Online harm"),
)


class Theme(PartnershipOwned):
    name = models.CharField(max_length=80)
    slug = models.SlugField(max_length=80)
    description = models.TextField(blank=True)
    is_active = models.BooleanField(default=True, help_text="Retired themes keep their history")

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "slug"], name="unique_theme_slug"),
            models.UniqueConstraint(fields=["partnership", "name"], name="unique_theme_name"),
        ]

    def __str__(self) -> str:
        return self.name


class ReviewKind(models.TextChoices):
    # Rapid reviews are `incidents.RapidReview` records (a Review with the report and sign-off),
    # started from the serious incident, never from the reviews pages.
    RAPID_REVIEW = "rapid_review", "Rapid review"
    LCSPR = "lcspr", "Local child safeguarding practice review (LCSPR)"
    LOCAL_LEARNING = "local_learning", "Local learning review"
    THEMATIC = "thematic", "Thematic review"
    NATIONAL = "national", "National review"


# The kinds recorded on the reviews pages; a rapid review starts from its serious incident.
RECORDED_KINDS = tuple(kind for kind in ReviewKind if kind != ReviewKind.RAPID_REVIEW)
# What the reviews pages may change on a rapid review: its reference, status and dates follow
# the rapid review's own steps (meeting, submission to the Panel).
RAPID_REVIEW_EDITABLE = ("title", "summary", "group", "lead")


class ReviewStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETED = "completed", "Completed"
    PUBLISHED = "published", "Published"


class Review(PartnershipOwned):
    kind = models.CharField(max_length=20, choices=ReviewKind.choices)
    reference = models.CharField(max_length=30, help_text='For example, "LLR-2024-01"')
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True, help_text="What the review is about, with no names")
    status = models.CharField(max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.PLANNED)
    incident = models.ForeignKey(
        "incidents.SeriousIncident", on_delete=models.PROTECT, null=True, blank=True, related_name="reviews"
    )
    themes = models.ManyToManyField(Theme, blank=True, related_name="reviews")
    group = models.ForeignKey(
        Group, on_delete=models.SET_NULL, null=True, blank=True, help_text="The group that oversees it"
    )
    lead = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    start_date = models.DateField(null=True, blank=True)
    completed_date = models.DateField(null=True, blank=True)

    # LCSPR: the decision starts the lcspr_final clock (docs/domain.md, "3.1 The default rule
    # set, WT2023"); copies go to the Panel and the Secretary of State before publication
    # (Working Together 2023 ch.5). A rapid review keeps here the day the partners decided
    # whether to hold a local review.
    decision_date = models.DateField("date of the decision on holding the review", null=True, blank=True)
    reviewer_name = models.CharField("independent reviewer", max_length=200, blank=True)
    reviewer_commissioned_date = models.DateField(null=True, blank=True)
    terms_of_reference = models.TextField(blank=True)
    final_report_received_date = models.DateField(null=True, blank=True)
    final_report = models.FileField(upload_to="reviews/%Y/%m/", blank=True)
    publication_date = models.DateField(null=True, blank=True)
    published_url = models.URLField(blank=True)
    panel_copy_sent_date = models.DateField("copy sent to the Panel", null=True, blank=True)
    secretary_of_state_copy_sent_date = models.DateField(
        "copy sent to the Secretary of State", null=True, blank=True
    )

    # National reviews: who published it and where.
    source_organisation = models.CharField(max_length=200, blank=True)
    source_url = models.URLField(blank=True)

    class Meta:
        ordering = ["-start_date", "-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "reference"], name="unique_review_reference"),
            # A rapid review is always of one serious incident, and an incident has one.
            models.CheckConstraint(
                condition=~models.Q(kind="rapid_review") | models.Q(incident__isnull=False),
                name="rapid_review_has_incident",
            ),
            models.UniqueConstraint(
                fields=["incident"],
                condition=models.Q(kind="rapid_review"),
                name="one_rapid_review_per_incident",
            ),
        ]
        indexes = [models.Index(fields=["partnership", "kind", "status"])]

    def __str__(self) -> str:
        return f"{self.reference}: {self.title}"

    @property
    def public_label(self) -> str:
        """How published material names the review: a rapid review's reference carries the
        serious incident's, so briefings and their downloads give only the kind."""
        if self.kind == ReviewKind.RAPID_REVIEW:
            return self.get_kind_display()
        return f"{self.reference} ({self.get_kind_display()})"


class Milestone(PartnershipOwned):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(max_length=200)
    due_date = models.DateField()
    completed_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_date", "pk"]

    def __str__(self) -> str:
        return self.title

    def is_overdue_on(self, today: date) -> bool:
        """Not completed and its due date has passed."""
        return self.completed_date is None and self.due_date < today

    @property
    def is_overdue(self) -> bool:
        return self.is_overdue_on(timezone.localdate())


class ReviewQuestion(PartnershipOwned):
    """A question the review puts to the safeguarding partners, and their answer."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="questions")
    number = models.PositiveSmallIntegerField()
    text = models.TextField()
    response = models.TextField(blank=True)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["review", "number"], name="unique_question_number"),
        ]

    def __str__(self) -> str:
        return f"Question {self.number}"


class Assurance(models.TextChoices):
    ASSURED = "assured", "Assured"
    PARTLY_ASSURED = "partly_assured", "Partly assured"
    NOT_ASSURED = "not_assured", "Not assured"
    NOT_APPLICABLE = "not_applicable", "Not applicable"


class NationalRecommendation(PartnershipOwned):
    """A national review's recommendation and the partnership's self-assessment against it."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="national_recommendations")
    number = models.PositiveSmallIntegerField()
    text = models.TextField()
    assurance = models.CharField(max_length=20, choices=Assurance.choices, blank=True)
    evidence = models.TextField(blank=True, help_text="What local practice shows against it")
    assessed_on = models.DateField(null=True, blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["review", "number"], name="unique_national_recommendation"),
        ]

    def __str__(self) -> str:
        return f"National recommendation {self.number}"


class Finding(PartnershipOwned):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="findings")
    number = models.PositiveSmallIntegerField()
    text = models.TextField()
    is_good_practice = models.BooleanField(default=False, help_text="Assurance rather than a gap")
    themes = models.ManyToManyField(Theme, blank=True, related_name="findings")

    class Meta:
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["review", "number"], name="unique_finding_number")]

    def __str__(self) -> str:
        return f"Finding {self.number}"


class Recommendation(PartnershipOwned):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="recommendations")
    finding = models.ForeignKey(
        Finding, on_delete=models.SET_NULL, null=True, blank=True, related_name="recommendations"
    )
    number = models.PositiveSmallIntegerField()
    text = models.TextField()
    accountable_agency = models.ForeignKey(Agency, on_delete=models.PROTECT, null=True, blank=True)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["review", "number"], name="unique_recommendation_number"),
        ]

    def __str__(self) -> str:
        return f"Recommendation {self.number}"
