"""The partnership (tenant) and its structure: agencies, people, groups, priorities."""

from django.conf import settings
from django.db import models

from masa.core.actors import REASON_KEY
from masa.core.models import TimestampedModel


class Partnership(TimestampedModel):
    """A Local Safeguarding Children Partnership: the tenant every domain record belongs to."""

    slug = models.SlugField(unique=True, max_length=50)
    name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=30, blank=True)
    local_authority = models.CharField(max_length=200)
    la_code = models.CharField("DfE local authority code", max_length=3, blank=True)
    vision = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_additional_data(self) -> dict:
        return {"partnership": self.pk}


class PartnershipOwned(TimestampedModel):
    """A record that belongs to exactly one partnership."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT)
    # Why a user changed the record (a reopening, a correction): set by the service before saving,
    # kept in the audit log entry with the change.
    change_reason = ""

    class Meta:
        abstract = True

    def get_additional_data(self) -> dict:
        # Lets the audit log be filtered by partnership.
        data: dict = {"partnership": self.partnership_id}
        if self.change_reason:
            data[REASON_KEY] = self.change_reason
        return data


class AgencyType(models.TextChoices):
    LOCAL_AUTHORITY = "local_authority", "Local authority"
    ICB = "icb", "Integrated care board"
    POLICE = "police", "Police"
    EDUCATION = "education", "Education"
    HEALTH = "health", "Health provider"
    PROBATION = "probation", "Probation"
    YOUTH_JUSTICE = "youth_justice", "Youth justice"
    SECURE_ESTATE = "secure_estate", "Secure estate"
    HOUSING = "housing", "Housing"
    VOLUNTARY = "voluntary", "Voluntary and community sector"
    FIRE = "fire", "Fire and rescue"
    OTHER = "other", "Other"


class Agency(TimestampedModel):
    """An organisation. One agency (the police, an ICB) may serve several partnerships."""

    name = models.CharField(max_length=200, unique=True)
    agency_type = models.CharField(max_length=30, choices=AgencyType.choices)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"

    def __str__(self) -> str:
        return self.name


class AgencyStatus(models.TextChoices):
    STATUTORY_PARTNER = "statutory_partner", "Statutory safeguarding partner"
    RELEVANT_AGENCY = "relevant_agency", "Relevant agency"


class PartnershipAgency(PartnershipOwned):
    """An agency's place in one partnership's arrangements."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="memberships")
    status = models.CharField(max_length=30, choices=AgencyStatus.choices)
    description = models.TextField(blank=True)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["agency__name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "agency"], name="unique_agency_per_partnership")
        ]

    def __str__(self) -> str:
        return f"{self.agency} ({self.get_status_display()})"


class Person(PartnershipOwned):
    """Someone who takes part in a partnership's arrangements (may or may not have an account)."""

    name = models.CharField(max_length=200)
    job_title = models.CharField(max_length=200, blank=True)
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="people")
    email = models.EmailField(blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="people"
    )
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return self.name


class GroupKind(models.TextChoices):
    LSP = "lsp", "Lead safeguarding partners"
    BOARD = "board", "Partnership board"
    SUBGROUP = "subgroup", "Subgroup"
    TASK_AND_FINISH = "task_and_finish", "Task and finish group"


class Group(PartnershipOwned):
    """A group in the arrangements, with terms of reference as Purpose / People / Process."""

    name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=30, blank=True)
    kind = models.CharField(max_length=20, choices=GroupKind.choices, default=GroupKind.SUBGROUP)
    purpose = models.TextField(help_text="What the group is for.")
    people = models.TextField(help_text="Who sits on the group and why.")
    process = models.TextField(help_text="How the group works: meetings, decisions, reporting.")
    chair = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="chaired_groups"
    )
    quorum = models.PositiveSmallIntegerField(default=3)
    min_meetings_per_year = models.PositiveSmallIntegerField(default=4)
    reports_to = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="reporting_groups"
    )
    order = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "name"], name="unique_group_name_per_partnership")
        ]

    def __str__(self) -> str:
        return self.name


class MemberType(models.TextChoices):
    VOTING = "voting", "Voting member"
    ADVISORY = "advisory", "Advisory (non-voting)"


class GroupMember(PartnershipOwned):
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="group_memberships")
    member_type = models.CharField(max_length=10, choices=MemberType.choices, default=MemberType.VOTING)

    class Meta:
        ordering = ["person__name"]
        constraints = [models.UniqueConstraint(fields=["group", "person"], name="unique_member_per_group")]

    def __str__(self) -> str:
        return f"{self.person} in {self.group}"


class Statement(PartnershipOwned):
    """A titled statement in the arrangements, shown in order (a value or a principle)."""

    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.title


class Value(Statement):
    class Meta(Statement.Meta):
        pass


class Principle(Statement):
    class Meta(Statement.Meta):
        pass


class StrategicPlan(PartnershipOwned):
    title = models.CharField(max_length=200)
    start_year = models.PositiveSmallIntegerField()
    end_year = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["-start_year"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_year__gt=models.F("start_year")),
                name="plan_ends_after_start",
                violation_error_message="The last year must be after the first year",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def period(self) -> str:
        return f"{self.start_year}-{str(self.end_year)[-2:]}"


class Priority(PartnershipOwned):
    plan = models.ForeignKey(StrategicPlan, on_delete=models.CASCADE, related_name="priorities")
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name_plural = "priorities"

    def __str__(self) -> str:
        return self.title


class Objective(PartnershipOwned):
    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="objectives")
    text = models.TextField()
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.text[:60]
