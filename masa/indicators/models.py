"""The partnership's performance dataset: one catalogue of indicators and one set of values.

Values come from three places, each traceable: an agency's submission to a data call, an import
of a statutory return (masa.returns), or entry by the business team. Values are never
overwritten: a resubmission adds a new row and marks the old one as no longer current.
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone

from masa.partnership.models import Agency, Group, PartnershipOwned, Priority


class Unit(models.TextChoices):
    COUNT = "count", "Count"
    PERCENT = "percent", "Percentage"
    RATE_10K = "rate_10k", "Rate per 10,000 children"
    DAYS = "days", "Days"
    NUMBER = "number", "Number"


class Polarity(models.TextChoices):
    HIGHER = "higher", "Higher is better"
    LOWER = "lower", "Lower is better"
    NEITHER = "neither", "Neither"


class Frequency(models.TextChoices):
    MONTHLY = "monthly", "Monthly"
    QUARTERLY = "quarterly", "Quarterly"
    YEARLY = "yearly", "Yearly"


class Indicator(PartnershipOwned):
    code = models.SlugField(max_length=60, help_text='A short id, for example "referrals_rate"')
    title = models.CharField(max_length=200)
    definition = models.TextField(help_text="What it measures, in plain English")
    formula = models.CharField(max_length=300, blank=True, help_text="Numerator / denominator")
    unit = models.CharField(max_length=10, choices=Unit.choices)
    polarity = models.CharField(max_length=10, choices=Polarity.choices, default=Polarity.NEITHER)
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.QUARTERLY)
    source_agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="indicators"
    )
    priorities = models.ManyToManyField(Priority, blank=True, related_name="indicators")
    groups = models.ManyToManyField(Group, blank=True, related_name="indicators")
    is_dfe_defined = models.BooleanField("defined by the DfE", default=False)
    # The id of the indicator masa computes from statutory returns (masa.returns), if any.
    return_indicator = models.CharField(max_length=60, blank=True)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "code"], name="unique_indicator_code"),
        ]

    def __str__(self) -> str:
        return self.title


class Period(PartnershipOwned):
    """A reporting period: a month, a quarter (2023-24 Q1) or a year (2023-24)."""

    label = models.CharField(max_length=30)
    frequency = models.CharField(max_length=10, choices=Frequency.choices)
    start = models.DateField()
    end = models.DateField()

    class Meta:
        ordering = ["start", "end"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "frequency", "start"], name="unique_period"),
        ]

    def __str__(self) -> str:
        return self.label


class Target(PartnershipOwned):
    """The value aimed for in a year, and how far off it may be before it is red."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    year = models.CharField(max_length=7, help_text="Like 2023-24")
    value = models.DecimalField(max_digits=14, decimal_places=3)
    tolerance = models.DecimalField(
        max_digits=14, decimal_places=3, default=0, help_text="Amber within this distance of the target"
    )

    class Meta:
        ordering = ["year"]
        constraints = [models.UniqueConstraint(fields=["indicator", "year"], name="unique_target_year")]


class ComparatorKind(models.TextChoices):
    STATISTICAL_NEIGHBOURS = "statistical_neighbours", "Statistical neighbours"
    LONDON = "london", "London"
    ENGLAND = "england", "England"


class Comparator(PartnershipOwned):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="comparators")
    year = models.CharField(max_length=7)
    kind = models.CharField(max_length=30, choices=ComparatorKind.choices)
    value = models.DecimalField(max_digits=14, decimal_places=3)
    source = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["year", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year", "kind"], name="unique_comparator"),
        ]


class DataCallStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


class DataCall(PartnershipOwned):
    """A request to every source agency for its values for one period."""

    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="data_calls")
    due_date = models.DateField()
    status = models.CharField(max_length=10, choices=DataCallStatus.choices, default=DataCallStatus.OPEN)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-period__start"]
        constraints = [models.UniqueConstraint(fields=["partnership", "period"], name="unique_data_call")]

    def __str__(self) -> str:
        return f"Data call {self.period}"

    def is_overdue_on(self, today: date) -> bool:
        """Still open after its due date."""
        return self.status == DataCallStatus.OPEN and self.due_date < today

    @property
    def is_overdue(self) -> bool:
        return self.is_overdue_on(timezone.localdate())


class SubmissionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    RETURNED = "returned", "Returned for changes"
    APPROVED = "approved", "Approved"


class Submission(PartnershipOwned):
    """One agency's answer to a data call; approved submissions are locked."""

    data_call = models.ForeignKey(DataCall, on_delete=models.CASCADE, related_name="submissions")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        max_length=12, choices=SubmissionStatus.choices, default=SubmissionStatus.NOT_STARTED
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(blank=True)
    # Reminders (docs/domain.md, "3.5 Reminders"): at most one a day; escalated to the business team once.
    last_reminded_on = models.DateField(null=True, blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["agency__name"]
        constraints = [
            models.UniqueConstraint(fields=["data_call", "agency"], name="unique_submission_per_agency"),
        ]

    @property
    def is_locked(self) -> bool:
        return self.status == SubmissionStatus.APPROVED

    def is_overdue_on(self, today: date) -> bool:
        """The call's due date has passed and the agency has not yet submitted (a submission
        returned for changes is overdue again)."""
        return self.data_call.due_date < today and self.status not in (
            SubmissionStatus.SUBMITTED,
            SubmissionStatus.APPROVED,
        )

    @property
    def is_overdue(self) -> bool:
        return self.is_overdue_on(timezone.localdate())


class ValueSource(models.TextChoices):
    SUBMISSION = "submission", "Agency submission"
    RETURN_IMPORT = "return_import", "Statutory return"
    ENTERED = "entered", "Entered by the business team"


class IndicatorValue(PartnershipOwned):
    """A figure for one indicator and period. Only one row per pair is current; the rest is history."""

    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="values")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="values")
    numerator = models.DecimalField(max_digits=14, decimal_places=3, null=True, blank=True)
    denominator = models.DecimalField(max_digits=14, decimal_places=3, null=True, blank=True)
    value = models.DecimalField(max_digits=14, decimal_places=3, null=True, blank=True)
    missing_reason = models.CharField(max_length=300, blank=True)
    source = models.CharField(max_length=20, choices=ValueSource.choices)
    submission = models.ForeignKey(
        Submission, on_delete=models.PROTECT, null=True, blank=True, related_name="values"
    )
    return_import = models.ForeignKey(
        "returns.ReturnImport", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    is_current = models.BooleanField(default=True)
    # An agency's answers are stored as they type them (is_current False, approved_at empty) so a
    # draft keeps them; approval stamps them and makes them current. Approved rows are never
    # changed again, so every approved version stays as history.
    approved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["indicator", "period__start", "-created_at"]
        indexes = [models.Index(fields=["partnership", "indicator", "is_current"])]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period"],
                condition=models.Q(is_current=True),
                name="one_current_value_per_period",
            ),
            models.CheckConstraint(
                condition=models.Q(value__isnull=False) | ~models.Q(missing_reason=""),
                name="value_or_missing_reason",
                violation_error_message="Enter a value or say why it is missing",
            ),
        ]


class Commentary(PartnershipOwned):
    """What a figure tells us and what the partnership is doing about it."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="commentaries")
    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="commentaries")
    what_it_tells_us = models.TextField()
    what_we_are_doing = models.TextField(blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name_plural = "commentaries"
        constraints = [models.UniqueConstraint(fields=["indicator", "period"], name="unique_commentary")]
