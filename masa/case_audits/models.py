"""Multi-agency case audits (docs/domain.md, "14. Multi-agency audits").

The business team designs an audit tool (its questions and grading scale), opens an audit of a
topic with a sample of cases known only by pseudonymised references, and asks the agencies taking
part to grade each case against each question. A moderation meeting agrees the grades and the
audit's findings; areas for development become actions in the one tracker
(`Action.audit_finding`, source "Audit finding"). Grades run from 1 (best) down the scale: a
grade of 1 or 2 counts as "good or better" in the scores over time.
"""

from django.conf import settings
from django.db import models

from masa.partnership.models import Agency, PartnershipOwned

# On every scale masa ships, 1 is the best grade and 2 the lowest that is still good.
GOOD_OR_BETTER = 2
MAX_GRADES = 6


class AuditTool(PartnershipOwned):
    """The questions asked of every case and the grades they are answered with."""

    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class AuditGrade(PartnershipOwned):
    tool = models.ForeignKey(AuditTool, on_delete=models.CASCADE, related_name="grades")
    value = models.PositiveSmallIntegerField(help_text="1 is the best grade")
    label = models.CharField(max_length=100)
    descriptor = models.TextField("what it looks like")

    class Meta:
        ordering = ["value"]
        constraints = [
            models.UniqueConstraint(fields=["tool", "value"], name="unique_audit_grade_value"),
            models.CheckConstraint(
                condition=models.Q(value__gte=1, value__lte=MAX_GRADES), name="audit_grade_value_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.value} {self.label}"


class AuditQuestion(PartnershipOwned):
    tool = models.ForeignKey(AuditTool, on_delete=models.CASCADE, related_name="questions")
    number = models.PositiveSmallIntegerField()
    text = models.CharField(max_length=500)
    guidance = models.TextField(blank=True)

    class Meta:
        ordering = ["number", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["tool", "number"], name="unique_audit_question_number"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text}"


class AuditStatus(models.TextChoices):
    PLANNING = "planning", "Planning"
    AGENCIES_COMPLETING = "agencies_completing", "Agencies completing"
    MODERATION = "moderation", "Moderation"
    COMPLETE = "complete", "Complete and published"


class Audit(PartnershipOwned):
    tool = models.ForeignKey(AuditTool, on_delete=models.PROTECT, related_name="audits")
    topic = models.CharField(max_length=200)
    theme = models.CharField(max_length=200, blank=True, help_text="The priority or theme it tests")
    group = models.ForeignKey(
        "partnership.Group",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The group that commissioned it",
    )
    agencies = models.ManyToManyField(Agency, related_name="case_audits")
    status = models.CharField(max_length=30, choices=AuditStatus.choices, default=AuditStatus.PLANNING)
    opened_on = models.DateField()
    agency_deadline = models.DateField("deadline for agencies")
    moderation_on = models.DateField("date of the moderation meeting", null=True, blank=True)
    completed_on = models.DateField(null=True, blank=True)
    summary = models.TextField("summary for practitioners", blank=True)

    class Meta:
        ordering = ["-opened_on", "-created_at"]
        indexes = [models.Index(fields=["partnership", "status", "opened_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(agency_deadline__gte=models.F("opened_on")),
                name="audit_deadline_after_open",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="complete") | models.Q(completed_on__isnull=False),
                name="complete_audit_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.topic

    @property
    def is_complete(self) -> bool:
        return self.status == AuditStatus.COMPLETE


class AgeBand(models.TextChoices):
    UNDER_1 = "under_1", "Under 1"
    AGED_1_4 = "1_4", "1 to 4"
    AGED_5_9 = "5_9", "5 to 9"
    AGED_10_15 = "10_15", "10 to 15"
    AGED_16_17 = "16_17", "16 to 17"


class AuditCase(PartnershipOwned):
    """A sampled case, known only by its pseudonymised reference."""

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="cases")
    reference = models.CharField(max_length=100)
    age_band = models.CharField(max_length=10, choices=AgeBand.choices, blank=True)

    class Meta:
        ordering = ["reference"]
        constraints = [
            models.UniqueConstraint(fields=["audit", "reference"], name="unique_audit_case_reference"),
        ]

    def __str__(self) -> str:
        return self.reference


class ReturnStatus(models.TextChoices):
    DRAFT = "draft", "Not submitted"
    SUBMITTED = "submitted", "Submitted"


class AgencyReturn(PartnershipOwned):
    """One agency's part for one case: a grade and a comment for each question."""

    case = models.ForeignKey(AuditCase, on_delete=models.CASCADE, related_name="returns")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="case_audit_returns")
    status = models.CharField(max_length=20, choices=ReturnStatus.choices, default=ReturnStatus.DRAFT)
    submitted_on = models.DateField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    is_late = models.BooleanField(default=False)

    class Meta:
        ordering = ["case__reference", "agency__name"]
        constraints = [
            models.UniqueConstraint(fields=["case", "agency"], name="one_audit_return_per_agency_case"),
        ]

    def __str__(self) -> str:
        return f"{self.agency} – {self.case}"

    @property
    def is_submitted(self) -> bool:
        return self.status == ReturnStatus.SUBMITTED


class ReturnAnswer(PartnershipOwned):
    agency_return = models.ForeignKey(AgencyReturn, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(AuditQuestion, on_delete=models.PROTECT, related_name="+")
    grade = models.PositiveSmallIntegerField(null=True, blank=True)
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["question__number"]
        constraints = [
            models.UniqueConstraint(fields=["agency_return", "question"], name="one_answer_per_question"),
        ]

    def __str__(self) -> str:
        return f"{self.question}: {self.grade}"


class ModeratedGrade(PartnershipOwned):
    """The grade the moderation meeting agreed for one case against one question."""

    case = models.ForeignKey(AuditCase, on_delete=models.CASCADE, related_name="moderated_grades")
    question = models.ForeignKey(AuditQuestion, on_delete=models.PROTECT, related_name="+")
    grade = models.PositiveSmallIntegerField()
    rationale = models.TextField(blank=True)

    class Meta:
        ordering = ["question__number"]
        constraints = [
            models.UniqueConstraint(fields=["case", "question"], name="one_moderated_grade_per_question"),
        ]

    def __str__(self) -> str:
        return f"{self.case} {self.question.number}: {self.grade}"


class FindingKind(models.TextChoices):
    STRENGTH = "strength", "Strength"
    DEVELOPMENT = "development", "Area for development"
    LEARNING = "learning", "Learning"


class AuditFinding(PartnershipOwned):
    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="findings")
    kind = models.CharField(max_length=20, choices=FindingKind.choices)
    text = models.TextField()
    action = models.OneToOneField(
        "actions.Action",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_finding",
    )

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:60]
