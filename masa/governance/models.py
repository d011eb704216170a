"""Meetings of the partnership's groups: agendas, papers, attendance, decisions and minutes."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from masa.core import bounds
from masa.core.dates import long_date
from masa.partnership.models import Group, PartnershipOwned, Person, Priority


class Frequency(models.TextChoices):
    MONTHLY = "monthly", "Monthly"
    BIMONTHLY = "bimonthly", "Every two months"
    QUARTERLY = "quarterly", "Quarterly"
    TERMLY = "termly", "Once a term (three times a year)"
    TWICE_YEARLY = "twice_yearly", "Twice a year"


# Months between meetings of a series.
FREQUENCY_MONTHS: dict[str, int] = {
    Frequency.MONTHLY: 1,
    Frequency.BIMONTHLY: 2,
    Frequency.QUARTERLY: 3,
    Frequency.TERMLY: 4,
    Frequency.TWICE_YEARLY: 6,
}


class MeetingSeries(PartnershipOwned):
    """A recurring meeting, e.g. the Board every quarter. Each occurrence is its own Meeting."""

    group = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="meeting_series")
    frequency = models.CharField(max_length=20, choices=Frequency.choices)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)

    def __str__(self) -> str:
        return f"{self.group} ({self.get_frequency_display()})"


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    HELD = "held", "Held"
    CANCELLED = "cancelled", "Cancelled"


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    APPROVED = "approved", "Approved"


class Meeting(PartnershipOwned):
    group = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="meetings")
    series = models.ForeignKey(
        MeetingSeries, on_delete=models.SET_NULL, null=True, blank=True, related_name="meetings"
    )
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    location = models.CharField(max_length=300, blank=True)
    papers_deadline = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED)
    # Minutes: a summary plus each item's discussion and decisions. `minutes_version` rises on
    # every save so two people editing at once cannot silently overwrite each other.
    minutes_summary = models.TextField(blank=True)
    minutes_status = models.CharField(
        max_length=20, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT
    )
    minutes_version = models.PositiveIntegerField(default=0)
    minutes_approved_at = models.DateTimeField(null=True, blank=True)
    minutes_approved_at_meeting = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="approved_minutes"
    )
    is_deleted = models.BooleanField(default=False)

    class Meta:
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["partnership", "group", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="meeting_ends_after_start",
                violation_error_message="The meeting must end after it starts",
            )
        ]

    def __str__(self) -> str:
        return f"{self.group} – {long_date(timezone.localtime(self.starts_at))}"

    @property
    def minutes_locked(self) -> bool:
        return self.minutes_status == MinutesStatus.APPROVED

    @property
    def has_started(self) -> bool:
        """Attendance and the approval of minutes wait for this (docs/domain.md, "7.1 Meetings")."""
        return self.starts_at <= timezone.now()


class ItemPurpose(models.TextChoices):
    DECISION = "decision", "For decision"
    ASSURANCE = "assurance", "For assurance"
    INFORMATION = "information", "For information"
    DISCUSSION = "discussion", "For discussion"


class AgendaItem(PartnershipOwned):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    order = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=300)
    purpose = models.CharField(max_length=20, choices=ItemPurpose.choices)
    presenter = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, blank=True)
    minutes_allotted = models.PositiveSmallIntegerField(default=15)
    priority = models.ForeignKey(Priority, on_delete=models.SET_NULL, null=True, blank=True)
    discussion = models.TextField(blank=True)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.title


class Decision(PartnershipOwned):
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField()

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.text[:80]


class PdfStatus(models.TextChoices):
    """Whether a Word, Excel or PowerPoint paper has been turned into PDF for the agenda pack."""

    NOT_NEEDED = "", "Already a PDF"
    PENDING = "pending", "Being converted"
    CONVERTED = "converted", "Converted"
    FAILED = "failed", "Could not be converted"


class Paper(PartnershipOwned):
    """A paper for an agenda item. Restricted papers are visible only to named members."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="papers")
    title = models.CharField(max_length=300)
    file = models.FileField(upload_to="papers/%Y/%m/")
    original_name = models.CharField(max_length=255)
    file_type = models.CharField(max_length=10)  # pdf, docx, xlsx, pptx: detected from content
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    restricted = models.BooleanField(default=False)
    restricted_to = models.ManyToManyField(Person, blank=True, related_name="restricted_papers")
    is_deleted = models.BooleanField(default=False)
    # A Word, Excel or PowerPoint paper converted to PDF by the task worker, for the agenda pack
    # (docs/domain.md, "7.1 Meetings"); the paper itself is still downloaded as uploaded.
    pdf_status = models.CharField(max_length=10, choices=PdfStatus.choices, default="", blank=True)
    pdf_file = models.FileField(upload_to="papers/pdf/%Y/%m/", blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.title


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", "Present"
    APOLOGIES = "apologies", "Apologies"
    DEPUTY = "deputy", "Sent a deputy"
    ABSENT = "absent", "Absent"


class Attendance(PartnershipOwned):
    """One person's attendance at a meeting; a deputy attends for a named member."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="attendance")
    status = models.CharField(max_length=20, choices=AttendanceStatus.choices)
    deputy = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="deputised"
    )
    # Apologies a member sent themselves before the meeting (docs/domain.md, "7.1 Meetings"):
    # they pre-fill the register, which the business team confirms at the meeting.
    note = models.CharField(max_length=bounds.REASON_LENGTH, blank=True)
    apologies_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="one_attendance_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.get_status_display()}"


class MeetingGuest(PartnershipOwned):
    """Someone "in attendance" who is not a member of the group: an officer such as the business
    manager, or a guest presenting an item. Never counted towards the quorum or in the members'
    attendance rates (docs/domain.md, "7.1 Meetings")."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="guests")
    name = models.CharField(max_length=200)
    role = models.CharField("role or organisation", max_length=200)
    person = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="meetings_attended_as_guest"
    )

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.role})"


class MinutesRevision(PartnershipOwned):
    """A saved version of a meeting's minutes (kept for ever; approved versions are locked)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="minutes_revisions")
    version = models.PositiveIntegerField()
    content = models.JSONField()
    saved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    approved = models.BooleanField(default=False)

    class Meta:
        ordering = ["version"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "version"], name="one_revision_per_version")
        ]


class WorkplanItem(PartnershipOwned):
    """A line of a group's workplan, linked to the partnership's priorities."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="workplan")
    title = models.CharField(max_length=300)
    priority = models.ForeignKey(Priority, on_delete=models.SET_NULL, null=True, blank=True)
    lead = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, blank=True)
    due_date = models.DateField(null=True, blank=True)
    planned_meeting = models.ForeignKey(
        Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="forward_plan"
    )
    is_done = models.BooleanField(default=False)

    class Meta:
        ordering = ["due_date", "pk"]

    def __str__(self) -> str:
        return self.title


class CalendarFeed(models.Model):
    """A user's personal calendar feed (.ics) address; only the token's hash is stored."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Calendar feed of {self.user}"
