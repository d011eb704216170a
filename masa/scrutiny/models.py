"""Independent scrutiny and the statement of assurance (docs/domain.md, "Independent scrutiny and
the statement of assurance").

The independent scrutineer plans a reporting year (April to March) of activities (observing
meetings, reading audits, talking to practitioners and to children, reviewing reports), records
what each activity found, and writes a yearly comment that the yearly report quotes. The
partnership (business team, lead safeguarding partners) responds to each finding; a finding
accepted in whole or in part becomes an action in the one tracker (`Action.scrutiny_finding`,
source "Scrutiny finding").

The statement of assurance for a reporting year is drafted by the business team and signed off in
masa by each lead safeguarding partner of the partnership. Changing the text after any sign-off
clears every sign-off; the audit log keeps who had signed what.
"""

from django.conf import settings
from django.db import models

from masa.assurance.models import ACTION_RESPONSES, ResponseKind  # noqa: F401 (imported from here)
from masa.partnership.models import PartnershipOwned


def year_label(year: int) -> str:
    """The reporting year that starts in April of `year`: 2024 is "2024-25"."""
    return f"{year}-{(year + 1) % 100:02d}"


class ActivityKind(models.TextChoices):
    OBSERVATION = "observation", "Observing a meeting"
    AUDIT_READING = "audit_reading", "Reading audits"
    PRACTITIONERS = "practitioners", "Talking to practitioners"
    CHILDREN = "children", "Talking to children and young people"
    REPORT_REVIEW = "report_review", "Reviewing reports"


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    DONE = "done", "Done"
    CANCELLED = "cancelled", "Cancelled"


class ScrutinyPlan(PartnershipOwned):
    """The scrutineer's plan for one reporting year (April of `year` to March)."""

    year = models.PositiveSmallIntegerField()
    summary = models.TextField(blank=True)

    class Meta:
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "year"], name="one_scrutiny_plan_per_year"),
        ]

    def __str__(self) -> str:
        return f"Independent scrutiny plan {self.year_label}"

    @property
    def year_label(self) -> str:
        return year_label(self.year)


class ScrutinyActivity(PartnershipOwned):
    plan = models.ForeignKey(ScrutinyPlan, on_delete=models.CASCADE, related_name="activities")
    kind = models.CharField(max_length=20, choices=ActivityKind.choices)
    title = models.CharField(max_length=300)
    planned_on = models.DateField()
    done_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=ActivityStatus.choices, default=ActivityStatus.PLANNED)

    class Meta:
        ordering = ["planned_on", "pk"]

    def __str__(self) -> str:
        return self.title


class ScrutinyFinding(PartnershipOwned):
    """What an activity found, and the partnership's response to it."""

    activity = models.ForeignKey(ScrutinyActivity, on_delete=models.CASCADE, related_name="findings")
    number = models.PositiveSmallIntegerField()
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
        related_name="scrutiny_finding",
    )

    class Meta:
        ordering = ["number"]

    def __str__(self) -> str:
        return f"Scrutiny finding {self.number}"


class CommentStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class ScrutineerComment(PartnershipOwned):
    """The scrutineer's comment on a reporting year, as the yearly report quotes it."""

    year = models.PositiveSmallIntegerField()
    text = models.TextField()
    status = models.CharField(max_length=20, choices=CommentStatus.choices, default=CommentStatus.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "year"], name="one_scrutineer_comment_per_year"),
        ]

    def __str__(self) -> str:
        return f"Scrutineer's comment {self.year_label}"

    @property
    def year_label(self) -> str:
        return year_label(self.year)

    @property
    def is_published(self) -> bool:
        return self.status == CommentStatus.PUBLISHED


class AssuranceStatement(PartnershipOwned):
    """The safeguarding partners' statement of assurance for one reporting year."""

    year = models.PositiveSmallIntegerField()
    text = models.TextField()

    class Meta:
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "year"], name="one_assurance_statement_per_year"),
        ]

    def __str__(self) -> str:
        return f"Statement of assurance {self.year_label}"

    @property
    def year_label(self) -> str:
        return year_label(self.year)


class StatementSignOff(PartnershipOwned):
    """A lead safeguarding partner's sign-off of the statement's current text."""

    statement = models.ForeignKey(AssuranceStatement, on_delete=models.CASCADE, related_name="sign_offs")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(max_length=200)
    role = models.CharField(max_length=300)
    signed_on = models.DateField()

    class Meta:
        ordering = ["signed_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["statement", "user"], name="one_sign_off_per_partner"),
        ]

    def __str__(self) -> str:
        return f"{self.name}, {self.signed_on}"
