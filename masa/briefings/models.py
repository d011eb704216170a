"""7-minute briefings: short learning summaries for practitioners, published on the partnership's
public learning page, and each agency's confirmation that it cascaded them to its staff.

A briefing may come from a learning review and carries the partnership's themes; both live in the
reviews app, which never imports this one (the theme page reads briefings through `Theme.briefings`).
"""

from django.conf import settings
from django.db import models

from masa.partnership.models import Agency, PartnershipOwned


class BriefingQuerySet(models.QuerySet):
    def published(self) -> "BriefingQuerySet":
        return self.filter(status=BriefingStatus.PUBLISHED)


class BriefingStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Briefing(PartnershipOwned):
    """A 7-minute briefing: a short learning summary for practitioners, published publicly."""

    review = models.ForeignKey(
        "reviews.Review", on_delete=models.PROTECT, null=True, blank=True, related_name="briefings"
    )
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200)
    themes = models.ManyToManyField("reviews.Theme", blank=True, related_name="briefings")
    background = models.TextField(blank=True, help_text="What happened, with no names")
    what_we_found = models.TextField(blank=True)
    why_it_matters = models.TextField(blank=True)
    what_to_do = models.TextField(blank=True, help_text="What practitioners should do differently")
    questions_to_ask = models.TextField(blank=True, help_text="Questions for team discussion")
    further_reading = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=BriefingStatus.choices, default=BriefingStatus.DRAFT)
    published_on = models.DateField(null=True, blank=True)

    objects = BriefingQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "title"]
        constraints = [models.UniqueConstraint(fields=["partnership", "slug"], name="unique_briefing_slug")]

    def __str__(self) -> str:
        return self.title


class BriefingDissemination(PartnershipOwned):
    """An agency's confirmation that it cascaded a briefing to its staff."""

    briefing = models.ForeignKey(Briefing, on_delete=models.CASCADE, related_name="disseminations")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    confirmed_on = models.DateField()
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    how = models.CharField(max_length=300, blank=True, help_text="For example, team meetings, newsletter")
    staff_reached = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["confirmed_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["briefing", "agency"], name="unique_dissemination_per_agency"),
        ]


class LearningRead(PartnershipOwned):
    """One person's "I have read this" for one published briefing or published review.

    Two explicit foreign keys, exactly one of them set (docs/domain.md, "10. Learning for
    practitioners"): a generic relation could not be constrained by the database, and the
    reviews app, below this one in the layers, keeps no knowledge of readers. The reader's agency
    is kept as it was on the day of reading, so that the yearly figures per agency do not move
    when someone changes jobs.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    briefing = models.ForeignKey(
        Briefing, on_delete=models.CASCADE, null=True, blank=True, related_name="reads"
    )
    review = models.ForeignKey(
        "reviews.Review", on_delete=models.CASCADE, null=True, blank=True, related_name="reads"
    )
    read_on = models.DateField()

    class Meta:
        ordering = ["read_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(briefing__isnull=False, review__isnull=True)
                    | models.Q(briefing__isnull=True, review__isnull=False)
                ),
                name="learning_read_of_one_item",
            ),
            models.UniqueConstraint(
                fields=["user", "briefing"],
                condition=models.Q(briefing__isnull=False),
                name="one_read_per_person_per_briefing",
            ),
            models.UniqueConstraint(
                fields=["user", "review"],
                condition=models.Q(review__isnull=False),
                name="one_read_per_person_per_review",
            ),
        ]
        indexes = [models.Index(fields=["partnership", "read_on"])]
