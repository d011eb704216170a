"""One action tracker for every source: meetings, reviews and inspections now; audits later.

Actions are never deleted (soft delete only) and their history is kept for ever.
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone

from masa.partnership.models import Agency, Group, Partnership, PartnershipOwned, Person, Priority


class ActionSource(models.TextChoices):
    MEETING_ITEM = "meeting_item", "Meeting"
    REVIEW_RECOMMENDATION = "review_recommendation", "Review recommendation"
    AUDIT_FINDING = "audit_finding", "Audit finding"
    INSPECTION_RECOMMENDATION = "inspection_recommendation", "Inspection recommendation"
    SCRUTINY_FINDING = "scrutiny_finding", "Scrutiny finding"
    ESCALATION = "escalation", "Escalation"
    SECTION11_IMPROVEMENT = "section11_improvement", "Section 11 improvement"
    # A follow-up to a group's judgement of an agency's answer to an assurance request.
    ASSURANCE_REQUEST = "assurance_request", "Assurance request"
    # An accepted recommendation of the partnership's effectiveness review (docs/domain.md, "15.").
    EFFECTIVENESS_FINDING = "effectiveness_finding", "Effectiveness review finding"
    # Agreed when a group discussed a local case for learning (docs/domain.md, "Local case discussions").
    CASE_DISCUSSION = "case_discussion", "Local case discussion"
    # Brought in from a spreadsheet the partnership kept before masa (docs/domain.md, section 9).
    IMPORTED = "imported", "Earlier action log"


# Working Together 2023 ch.5 and inspection frameworks expect evidence that learning was acted
# on: actions from these sources cannot be closed on someone's word alone.
EVIDENCE_REQUIRED_SOURCES = {
    ActionSource.REVIEW_RECOMMENDATION,
    ActionSource.AUDIT_FINDING,
    ActionSource.INSPECTION_RECOMMENDATION,
    ActionSource.ASSURANCE_REQUEST,
}


class ActionStatus(models.TextChoices):
    OPEN = "open", "Open"
    IN_PROGRESS = "in_progress", "In progress"
    CLOSED = "closed", "Closed"
    # No longer needed (superseded, or the Board decided against it); kept with its reason.
    WITHDRAWN = "withdrawn", "Withdrawn"


# Only these count as open: lists of open actions, overdue counts, reminders, matters arising.
OPEN_STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


class Action(PartnershipOwned):
    number = models.PositiveIntegerField(help_text="Reference number, unique in the partnership.")
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    group = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="actions", null=True, blank=True)
    owner = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="actions")
    owner_agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="actions")
    due_date = models.DateField()
    status = models.CharField(max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    priority = models.ForeignKey(Priority, on_delete=models.SET_NULL, null=True, blank=True)
    # The source is an explicit, typed link; later issues add their own foreign keys here.
    source = models.CharField(max_length=40, choices=ActionSource.choices)
    meeting_item = models.ForeignKey(
        "governance.AgendaItem", on_delete=models.PROTECT, null=True, blank=True, related_name="actions"
    )
    review_recommendation = models.ForeignKey(
        "reviews.Recommendation", on_delete=models.PROTECT, null=True, blank=True, related_name="actions"
    )
    inspection_finding = models.ForeignKey(
        "assurance.InspectionFinding", on_delete=models.PROTECT, null=True, blank=True, related_name="actions"
    )
    assurance_request = models.ForeignKey(
        "assurance.AssuranceRequest", on_delete=models.PROTECT, null=True, blank=True, related_name="actions"
    )
    impact = models.TextField(blank=True, help_text="What changed for children or practice.")
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    escalated_at = models.DateTimeField(null=True, blank=True)
    last_reminded_on = models.DateField(null=True, blank=True)
    is_deleted = models.BooleanField(default=False)
    deleted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_date", "number"]
        indexes = [
            models.Index(fields=["partnership", "status", "due_date"]),
            models.Index(fields=["partnership", "group", "status"]),
            models.Index(fields=["owner", "status"]),
            models.Index(fields=["owner_agency", "status"]),
            # Open actions in due-date order: the overdue and "due soon" lists read this.
            models.Index(
                fields=["partnership", "due_date", "number"],
                condition=models.Q(is_deleted=False, status__in=["open", "in_progress"]),
                name="action_open_due_idx",
            ),
        ]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "number"], name="unique_action_number"),
            models.CheckConstraint(
                condition=~models.Q(source="meeting_item") | models.Q(meeting_item__isnull=False),
                name="meeting_action_has_item",
                violation_error_message="An action from a meeting must name its agenda item",
            ),
            # The chain from a review's recommendation to what changed must be unbroken.
            models.CheckConstraint(
                condition=~models.Q(source="review_recommendation")
                | models.Q(review_recommendation__isnull=False),
                name="review_action_has_recommendation",
                violation_error_message="An action from a review must name its recommendation",
            ),
            # An inspection's cause of concern or recommendation stays linked to what was done.
            models.CheckConstraint(
                condition=~models.Q(source="inspection_recommendation")
                | models.Q(inspection_finding__isnull=False),
                name="inspection_action_has_finding",
                violation_error_message="An action from an inspection must name its finding",
            ),
        ]

    def __str__(self) -> str:
        return f"A{self.number}: {self.title}"

    @property
    def reference(self) -> str:
        return f"A{self.number}"

    @property
    def needs_evidence(self) -> bool:
        return self.source in EVIDENCE_REQUIRED_SOURCES

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def can_close(self) -> bool:
        """Open, and with evidence when its source needs it (`evidence` may be prefetched)."""
        if not self.is_open:
            return False
        return not self.needs_evidence or any(not e.is_deleted for e in self.evidence.all())

    def is_overdue_on(self, today: date) -> bool:
        """Open and its due date has passed (due today is not yet overdue)."""
        return self.is_open and self.due_date < today

    @property
    def is_overdue(self) -> bool:
        return self.is_overdue_on(timezone.localdate())


class ActionUpdate(PartnershipOwned):
    """A progress note, a status change or a change of the action's details; kept for ever.

    For a change of details, `text` is the reason and `changes` lists each detail as it was and
    as it became, in words (names as they were then); a due date change is also kept as dates,
    so extensions can be counted.
    """

    action = models.ForeignKey(Action, on_delete=models.PROTECT, related_name="updates")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    text = models.TextField()
    status_from = models.CharField(max_length=20, choices=ActionStatus.choices, blank=True)
    status_to = models.CharField(max_length=20, choices=ActionStatus.choices, blank=True)
    changes = models.JSONField(default=list, blank=True, help_text='[{"field", "from", "to"}, ...]')
    due_date_from = models.DateField(null=True, blank=True)
    due_date_to = models.DateField(null=True, blank=True)

    @property
    def is_extension(self) -> bool:
        """A change that moved the due date later."""
        return bool(self.due_date_from and self.due_date_to and self.due_date_to > self.due_date_from)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["action", "-created_at"])]


class EvidenceKind(models.TextChoices):
    FILE = "file", "File"
    LINK = "link", "Link"
    TEXT = "text", "Written evidence"


class ActionEvidence(PartnershipOwned):
    action = models.ForeignKey(Action, on_delete=models.PROTECT, related_name="evidence")
    kind = models.CharField(max_length=10, choices=EvidenceKind.choices)
    file = models.FileField(upload_to="evidence/%Y/%m/", blank=True)
    original_name = models.CharField(max_length=255, blank=True)
    link = models.URLField(blank=True)
    text = models.TextField(blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    is_deleted = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at", "pk"]


class ActionSettings(models.Model):
    """A partnership's thresholds for action reminders and escalation."""

    partnership = models.OneToOneField(Partnership, on_delete=models.CASCADE, related_name="action_settings")
    remind_days_before = models.PositiveSmallIntegerField(default=7)
    escalate_days_overdue = models.PositiveSmallIntegerField(default=14)

    def __str__(self) -> str:
        return f"Action settings for {self.partnership}"
