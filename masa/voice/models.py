"""The voice of children and families, and "You said, we did" (docs/domain.md, "Voice of children
and families").

An engagement activity is one time the partnership listened: a survey, a workshop, a session of
the Youth Council, a consultation, a Corporate Parenting Board. Who took part is recorded only
as counts, by age band and by group (care-experienced, young carers...), never by name. What
they said is summarised; each "you said" is answered by what the partnership did ("we did"),
planned or done, optionally linked to existing actions of the tracker. The business team marks
an entry published, and published entries appear on the partnership's public "You said, we did"
page.
"""

from django.conf import settings
from django.db import models

from masa.partnership.models import PartnershipOwned


class ActivityKind(models.TextChoices):
    SURVEY = "survey", "Survey"
    WORKSHOP = "workshop", "Workshop"
    YOUTH_COUNCIL = "youth_council", "Youth Council session"
    CONSULTATION = "consultation", "Consultation"
    BOARD = "board", "Board or forum meeting"
    OTHER = "other", "Other"


# Who took part, as counts by age band: (field, label). The bands add up to the total.
AGE_BANDS = (
    ("aged_under_11", "Under 11"),
    ("aged_11_to_15", "11 to 15"),
    ("aged_16_to_17", "16 to 17"),
    ("aged_18_to_25", "18 to 25"),
    ("adults", "Parents, carers and other adults"),
)
# Of those, how many belonged to each group; a person may belong to several groups, so these do
# not add up to the total, but none may exceed it.
GROUPS = (
    ("care_experienced", "Care-experienced"),
    ("young_carers", "Young carers"),
    ("with_send", "With special educational needs or disabilities"),
)
COUNT_FIELDS = tuple(f for f, _ in AGE_BANDS + GROUPS)


class EngagementActivity(PartnershipOwned):
    title = models.CharField(max_length=200)
    held_on = models.DateField()
    kind = models.CharField(max_length=20, choices=ActivityKind.choices)
    # The group or forum that listened, e.g. "Youth Council", "Corporate Parenting Board".
    forum = models.CharField(max_length=200, blank=True)
    aged_under_11 = models.PositiveIntegerField(default=0)
    aged_11_to_15 = models.PositiveIntegerField(default=0)
    aged_16_to_17 = models.PositiveIntegerField(default=0)
    aged_18_to_25 = models.PositiveIntegerField(default=0)
    adults = models.PositiveIntegerField(default=0)
    care_experienced = models.PositiveIntegerField(default=0)
    young_carers = models.PositiveIntegerField(default=0)
    with_send = models.PositiveIntegerField(default=0)
    what_they_said = models.TextField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-held_on", "-created_at"]
        verbose_name_plural = "engagement activities"

    def __str__(self) -> str:
        return self.title

    @property
    def total(self) -> int:
        return sum(getattr(self, f) for f, _ in AGE_BANDS)

    def age_counts(self) -> list[tuple[str, int]]:
        return [(label, getattr(self, f)) for f, label in AGE_BANDS]

    def group_counts(self) -> list[tuple[str, int]]:
        return [(label, getattr(self, f)) for f, label in GROUPS]


class EntryStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    DONE = "done", "Done"


class YouSaidWeDid(PartnershipOwned):
    """What children or families said at an activity, and what the partnership did about it."""

    activity = models.ForeignKey(EngagementActivity, on_delete=models.CASCADE, related_name="entries")
    you_said = models.TextField()
    we_did = models.TextField()
    status = models.CharField(max_length=20, choices=EntryStatus.choices, default=EntryStatus.PLANNED)
    is_published = models.BooleanField(default=False)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Existing actions of the tracker that carry the change; the link lives here, so the
    # tracker's own tables are untouched.
    actions = models.ManyToManyField("actions.Action", blank=True, related_name="voice_entries")

    class Meta:
        ordering = ["activity__held_on", "created_at"]
        verbose_name = "you said, we did entry"
        verbose_name_plural = "you said, we did entries"

    def __str__(self) -> str:
        return self.you_said[:60]
