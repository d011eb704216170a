"""Local case discussions (docs/domain.md, "Local case discussions").

A group of the partnership (Hounslow's Cases Sub-Group) explores local cases that did not meet
the threshold for notifying the National Panel, for their learning. Each discussion records the
case by its pseudonymised reference only, the date and (optionally) the meeting it was discussed
at, the agency that referred it, what the group decided, the partnership's themes it touches,
the learning, and the actions agreed, which live in the one tracker (source "Local case
discussion") and are held here by `DiscussionAction`.
"""

from django.db import models

from masa.partnership.models import Agency, Group, PartnershipOwned


class Decision(models.TextChoices):
    NO_FURTHER_ACTION = "no_further_action", "No further action"
    SINGLE_AGENCY = "single_agency_learning", "Single-agency learning"
    LOCAL_LEARNING_REVIEW = "local_learning_review", "Local learning review"
    RAPID_REVIEW = "rapid_review", "Rapid review"


class CaseDiscussion(PartnershipOwned):
    reference = models.CharField(max_length=100, help_text="The pseudonymised reference only")
    group = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="case_discussions")
    discussed_on = models.DateField("date discussed")
    meeting = models.ForeignKey(
        "governance.Meeting",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="case_discussions",
    )
    referring_agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="case_discussions")
    decision = models.CharField(max_length=30, choices=Decision.choices)
    themes = models.ManyToManyField("reviews.Theme", blank=True, related_name="case_discussions")
    learning = models.TextField(blank=True)
    is_shareable = models.BooleanField(
        "learning shared with practitioners",
        default=False,
        help_text="Practitioners read the learning (never the reference) of a shared discussion",
    )

    class Meta:
        ordering = ["-discussed_on", "-created_at"]
        indexes = [models.Index(fields=["partnership", "discussed_on"])]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "reference", "discussed_on"], name="one_discussion_per_case_per_day"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} ({self.discussed_on:%d %b %Y})"


class DiscussionAction(PartnershipOwned):
    """An action agreed in a discussion: the action itself is in the tracker."""

    discussion = models.ForeignKey(CaseDiscussion, on_delete=models.CASCADE, related_name="action_links")
    action = models.OneToOneField(
        "actions.Action", on_delete=models.PROTECT, related_name="case_discussion_link"
    )

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.discussion}: action {self.action_id}"
